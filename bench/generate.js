// Generates realistic plans in format v1 (shared/plan-format/SPEC.md §2) for the benchmark.
// Deterministic: the same seed gives the same bytes. Most plans are valid; `flaws` plants the
// kinds of mistakes real plans have, so that every rule has something to find somewhere.
import { stringify } from 'yaml';

/** mulberry32: small, fast, good enough to vary test data. */
export function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = [
  'anna',
  'jonas',
  'lea',
  'max',
  'joão',
  'kari',
  'sofie',
  'lars',
  'emma',
  'noah',
  'mia',
  'finn',
  'sanne',
  'daan',
  'ida',
  'magnus',
  'clara',
  'paul',
  'ingrid',
  'bjørn',
  'lotte',
  'tim',
  'nora',
  'eva',
  'jakob',
  'frida',
  'ole',
  'marta',
  'pieter',
  'julia',
  'henrik',
  'maja',
];
const LAST = [
  'schmidt',
  'weber',
  'hoffmann',
  'braun',
  'silva',
  'nordmann',
  'jensen',
  'hansen',
  'de-vries',
  'bakker',
  'larsen',
  'müller',
  'meyer',
  'olsen',
  'visser',
  'fischer',
  'berg',
  'dahl',
  'janssen',
  'koch',
  'wagner',
  'nielsen',
  'haugen',
  'smit',
];
// Neighbours differ in city and, mostly, in country, so consecutive providers sit apart.
const SITES = [
  ['Lisboa', 'PT'],
  ['Bergen', 'NO'],
  ['Berlin', 'DE'],
  ['Utrecht', 'NL'],
  ['Aarhus', 'DK'],
  ['Porto', 'PT'],
  ['Oslo', 'NO'],
  ['Hamburg', 'DE'],
  ['Rotterdam', 'NL'],
  ['København', 'DK'],
  ['Dublin', 'IE'],
  ['Kraków', 'PL'],
  ['Tallinn', 'EE'],
  ['Wien', 'AT'],
  ['Brno', 'CZ'],
  ['Trondheim', 'NO'],
  ['Leipzig', 'DE'],
  ['Gent', 'BE'],
  ['Malmö', 'SE'],
  ['Sevilla', 'ES'],
  ['Cork', 'IE'],
  ['Vilnius', 'LT'],
  ['Graz', 'AT'],
  ['Odense', 'DK'],
];
const COMPANIES = [
  'Atlântico Contact',
  'Fjord Kundeservice',
  'Nordlicht Services',
  'Polder Support',
  'Øresund Care',
  'Alpine Helpdesk',
  'Baltic Voice',
  'Celtic Connect',
  'Iberia Calls',
  'Vistula Outsourcing',
  'Danube Data',
  'Rhein Logistik',
  'Hanse IT',
  'Skagerrak Hosting',
  'Flanders Print',
];
const LEGAL = ['GmbH', 'AS', 'BV', 'A/S', 'SA', 'Ltd', 'AB', 'sp. z o.o.'];
const SERVICES = [
  ['customer-hotline', 'Customer hotline'],
  ['email-support', 'E-mail support'],
  ['order-intake', 'Order intake'],
  ['payment', 'Payment processing'],
  ['hosting', 'Web hosting'],
  ['telephony', 'Telephony platform'],
  ['crm', 'CRM platform'],
  ['warehouse', 'Warehouse'],
  ['shipping', 'Shipping'],
  ['payroll', 'Payroll'],
  ['chat', 'Chat support'],
  ['print', 'Print and mail'],
];
const THREATS = [
  ['provider-outage', 'Provider outage', 'A provider fails through strike, fire or insolvency.'],
  ['power-failure', 'Power failure at a site', 'The site has no power for more than an hour.'],
  ['ransomware', 'Ransomware attack', 'Systems are encrypted and unusable.'],
  ['flood', 'Flooding of the ground floor', 'Water enters the building after heavy rain.'],
  ['pandemic', 'Pandemic absence', 'More than 30 % of staff are absent.'],
  ['telephony-down', 'Telephony platform down', 'Calls cannot be routed.'],
  ['network-outage', 'Network outage', 'The site loses its internet uplinks.'],
  ['key-person', 'Loss of a key person', 'A person with unique knowledge is unavailable.'],
  ['data-centre-fire', 'Fire in the data centre', 'The primary data centre is lost.'],
  ['cloud-region-down', 'Cloud region unavailable', 'The cloud region hosting core systems fails.'],
];
const ROLE_TITLES = [
  'Emergency officer',
  'Continuity manager',
  'Vendor manager',
  'IT on call',
  'Site lead',
  'Communications lead',
  'Facility manager',
  'Team lead',
  'Security officer',
  'HR lead',
];
const CRITICALITY = ['critical', 'high', 'medium', 'low'];
const LANGUAGES = ['en', 'de', 'nl', 'da', 'nb'];
const DURATIONS_RTO = ['PT4H', 'PT8H', 'P1D', 'P2D'];
const DURATIONS_MTPD = ['P3D', 'P5D', 'P1W', 'P2W'];

const pad = (n) => String(n).padStart(2, '0');
const iso = (d) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const slug = (s) =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '');

/**
 * One plan as YAML text.
 * @param {object} o
 * @param {number} o.seed
 * @param {string} o.asOf YYYY-MM-DD the benchmark passes as --as-of
 * @param {number} o.contacts
 * @param {number} o.scenarios
 * @param {number} o.providers
 * @param {number} o.services
 * @param {number} [o.flaws] how many planted mistakes (0: a clean plan)
 */
export function generatePlan(o) {
  const rnd = random(o.seed);
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const int = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));
  const asOf = new Date(`${o.asOf}T00:00:00Z`);
  const daysAgo = (n) => iso(new Date(asOf.getTime() - n * 86_400_000));
  const flawKinds = [];
  for (let i = 0; i < (o.flaws ?? 0); i++) flawKinds.push(pick(FLAWS));
  const language = pick(LANGUAGES);
  const company = `${pick(COMPANIES)} ${pick(LEGAL)}`;

  // Contacts: realistic names; ids unique by a running number where names repeat.
  const contacts = [];
  const seenIds = new Set();
  for (let i = 0; i < o.contacts; i++) {
    const first = pick(FIRST);
    const last = pick(LAST);
    let id = slug(`${first}-${last}`);
    if (seenIds.has(id)) id = `${id}-${i}`;
    seenIds.add(id);
    const name = `${first[0].toUpperCase()}${first.slice(1)} ${last
      .split('-')
      .map((p) => p[0].toUpperCase() + p.slice(1))
      .join(' ')}`;
    const c = { id, name };
    if (rnd() < 0.5) c.organization = company;
    const kind = rnd();
    if (kind < 0.8) c.phone = `+49 541 ${int(1000000, 9999999)}`;
    if (kind > 0.3) c.mobile = `+47 ${int(400, 999)} ${int(10, 99)} ${int(100, 999)}`;
    if (rnd() < 0.7) c.email = `${slug(first)}.${slug(last)}@example.com`;
    c.verified = daysAgo(int(5, 300));
    contacts.push(c);
  }
  const contactIds = contacts.map((c) => c.id);
  let nextContact = 0;
  const takeContact = () => contactIds[nextContact++ % contactIds.length];

  // Roles: primary and deputies, so that nearly every contact is referred to.
  const roleCount = Math.max(4, Math.floor(o.contacts / 3));
  const roles = [];
  for (let i = 0; i < roleCount; i++) {
    const title = i < ROLE_TITLES.length ? ROLE_TITLES[i] : `${pick(ROLE_TITLES)} ${i + 1}`;
    const role = { id: slug(title), title, primary: takeContact() };
    role.deputies = [takeContact(), takeContact()].filter((d) => d !== role.primary);
    role.duties = [
      `Act as ${title.toLowerCase()} when the plan is activated`,
      'Keep own contact data current',
    ];
    roles.push(role);
  }
  const roleIds = roles.map((r) => r.id);
  const [officer, manager] = roleIds;
  const anyRole = () => pick(roleIds);

  // Services and providers: critical and high services get 2-3 providers at different sites.
  const services = [];
  for (let i = 0; i < o.services; i++) {
    const [baseId, baseName] = SERVICES[i % SERVICES.length];
    const round = Math.floor(i / SERVICES.length);
    const criticality = i < 2 ? CRITICALITY[i] : pick(CRITICALITY);
    const rtoIndex = int(0, DURATIONS_RTO.length - 1);
    const s = {
      id: round ? `${baseId}-${round + 1}` : baseId,
      name: round ? `${baseName} ${round + 1}` : baseName,
      criticality,
      rto: DURATIONS_RTO[rtoIndex],
      rpo: 'PT1H',
      mtpd: DURATIONS_MTPD[Math.min(rtoIndex, DURATIONS_MTPD.length - 1)],
    };
    services.push(s);
  }
  const providers = [];
  for (let i = 0; i < o.providers; i++) {
    const [city, country] = SITES[i % SITES.length];
    const name = `${COMPANIES[i % COMPANIES.length]} ${LEGAL[Math.floor(i / COMPANIES.length) % LEGAL.length]}${
      i >= COMPANIES.length * LEGAL.length ? ` ${i}` : ''
    }`;
    providers.push({
      id: slug(`${name}-${city}`),
      name,
      services: [],
      site: { city, country },
      contacts: [takeContact()],
      sla: `${int(70, 90)} % of calls in 20 s, availability 99.${int(0, 9)} %`,
      contractEnds: daysAgo(-int(200, 1200)),
      substitutability: pick(['easy', 'medium', 'hard']),
      exitPlan: rnd() < 0.8,
    });
  }
  // Consecutive providers sit at different sites; each service takes a run of them.
  let p = 0;
  for (const s of services) {
    if (providers.length === 0) break;
    const want = s.criticality === 'critical' || s.criticality === 'high' ? int(2, 3) : int(1, 2);
    for (let k = 0; k < Math.min(want, providers.length); k++) {
      const provider = providers[p++ % providers.length];
      if (!provider.services.includes(s.id)) provider.services.push(s.id);
    }
  }
  for (const provider of providers)
    if (provider.services.length === 0) provider.services.push(services[0].id);
  const serviceIds = services.map((s) => s.id);

  // Scenarios on the default 5x5 matrix; not-acceptable ones (score >= 10) are fully treated.
  const scenarios = [];
  for (let i = 0; i < o.scenarios; i++) {
    const [baseId, title, description] = THREATS[i % THREATS.length];
    const round = Math.floor(i / THREATS.length);
    const likelihood = int(1, 5);
    const impact = int(1, 5);
    const step = (action, within) => ({ action, owner: anyRole(), ...(within ? { within } : {}) });
    scenarios.push({
      id: round ? `${baseId}-${round + 1}` : baseId,
      title: round ? `${title} (${round + 1})` : title,
      description,
      likelihood,
      impact,
      services: [pick(serviceIds)],
      owner: anyRole(),
      trigger: `${title} lasting longer than 30 minutes`,
      measures: {
        prevent: [step('Keep a second provider warm with 20 % of the volume')],
        respond: [
          step('Declare the emergency and activate this plan', 'PT15M'),
          step('Reroute the volume', 'PT1H'),
        ],
        recover: [step('Return to normal operation and hold a debrief')],
      },
    });
  }
  const notAcceptable = scenarios.filter((s) => s.likelihood * s.impact >= 10).map((s) => s.id);
  const exercises = [];
  for (let i = 0; i < notAcceptable.length; i += 3) {
    exercises.push({
      date: daysAgo(int(10, 300)),
      kind: pick(['tabletop', 'simulation', 'full']),
      scenarios: notAcceptable.slice(i, i + 3),
      outcome: pick(['passed', 'partial', 'failed']),
      notes: 'Rerouting took longer than planned; runbook updated.',
    });
  }

  const access = [];
  for (let i = 0; i < Math.max(2, Math.floor(o.providers / 2)); i++) {
    access.push({
      id: `system-${i + 1}`,
      system: `Admin portal ${i + 1}`,
      vault: `Safe in office 2.${10 + (i % 20)}, envelope R-${i + 1}`,
      holders: [officer, anyRole()].filter((h, k, all) => all.indexOf(h) === k),
      verified: daysAgo(int(5, 300)),
    });
  }

  const plan = {
    bcplan: 1,
    plan: {
      id: slug(`continuity-${company}-${o.seed}`).slice(0, 63),
      title: `Continuity plan ${company}`,
      organization: company,
      version: `${int(1, 4)}.${int(0, 9)}`,
      language,
      classification: pick(['internal', 'confidential']),
      owner: manager,
      emergencyOfficer: officer,
      reviewed: daysAgo(int(20, 300)),
      reviewEvery: 'P12M',
      approvedBy: manager,
      approved: daysAgo(int(5, 19)),
      activation: {
        criteria: ['A site is unreachable for more than 30 minutes', 'Service level below 50 % for 2 hours'],
        authorizedRoles: [officer, manager],
      },
      distribution: ['Management board', 'Crisis team (printed copy in the safe)'],
      regulations: ['KonTraG'],
    },
    roles,
    contacts,
    providers,
    services,
    scenarios,
    communication: [
      {
        audience: 'customers',
        owner: anyRole(),
        channel: 'Announcement in the hotline and on the website',
        within: 'PT1H',
      },
      { audience: 'staff', owner: officer, channel: 'SMS to the crisis team', within: 'PT15M' },
      {
        audience: 'authorities',
        owner: manager,
        channel: 'Phone and e-mail to the regulator',
        within: 'P1D',
      },
    ],
    access,
    exercises,
  };
  for (const kind of flawKinds) plant(kind, plan, { rnd, pick, int, daysAgo });
  const text = stringify(plan, { lineWidth: 0 });
  // Dates quoted: ajv-cli reads YAML with js-yaml 3, which would turn plain dates into Date objects.
  return `# Generated by bench/generate.js (seed ${o.seed})\n${text.replace(
    /(: |- )(\d{4}-\d{2}-\d{2})$/gm,
    '$1"$2"',
  )}`;
}

/** The mistakes real plans have, each aimed at a rule. */
export const FLAWS = [
  'stale-contact',
  'due-soon',
  'no-deputy',
  'single-provider',
  'same-country',
  'contract-ending',
  'untreated',
  'informal-duration',
  'unknown-reference',
  'duplicate-id',
  'exercise-missing',
  'secret',
  'rto-over-mtpd',
  'future-date',
];

function plant(kind, plan, { pick, int, daysAgo }) {
  switch (kind) {
    case 'stale-contact':
      pick(plan.contacts).verified = daysAgo(int(400, 700));
      break;
    case 'due-soon':
      pick(plan.contacts).verified = daysAgo(int(340, 360));
      break;
    case 'no-deputy':
      pick(plan.roles).deputies = [];
      break;
    case 'single-provider': {
      const critical = plan.services.find((s) => s.criticality === 'critical');
      if (!critical) break;
      const serving = plan.providers.filter((p) => p.services.includes(critical.id));
      for (const p of serving.slice(1))
        p.services = p.services.length > 1 ? p.services.filter((s) => s !== critical.id) : p.services;
      break;
    }
    case 'same-country': {
      const p = plan.providers[1];
      if (p) p.site = { city: 'Faro', country: plan.providers[0].site.country };
      break;
    }
    case 'contract-ending':
      pick(plan.providers).contractEnds = daysAgo(-int(10, 80));
      break;
    case 'untreated': {
      const s = plan.scenarios.find((x) => x.likelihood * x.impact >= 10);
      if (s) delete s.measures.recover;
      break;
    }
    case 'informal-duration':
      pick(plan.services).rto = '4h';
      break;
    case 'unknown-reference':
      pick(plan.roles).primary = 'former-employee';
      break;
    case 'duplicate-id':
      plan.contacts.push({ ...plan.contacts[0], name: `${plan.contacts[0].name} (old entry)` });
      break;
    case 'exercise-missing':
      plan.exercises.pop();
      break;
    case 'secret':
      plan.access[0].vault = 'Passwort: Sommer2026!';
      break;
    case 'rto-over-mtpd': {
      const s = pick(plan.services);
      s.rto = 'P2W';
      break;
    }
    case 'future-date':
      pick(plan.contacts).verified = daysAgo(-int(5, 30));
      break;
  }
}

export const SIZES = {
  small: { contacts: 20, scenarios: 5, providers: 4, services: 2 },
  medium: { contacts: 40, scenarios: 15, providers: 8, services: 5 },
  large: { contacts: 5000, scenarios: 500, providers: 200, services: 80 },
};
