// The rules' messages in Dutch: a runbook's appendix in Dutch. The terms are the runbook's
// (src/render/i18n.ts, templates/*.nl.yaml); ids, YAML keys, values and commands stay as written.
import { type Duration, formatDate as date } from '../../plan/dates.js';
import { i18n } from '../../render/i18n.js';
import { plural } from '../../util/plural.js';
import type { Entry, EntryKind, Messages, Overdue, Part, Referrer, SecretKind } from './types.js';
import { DURATION_UNITS, durationWords, joinList, nameEntry } from './words.js';

// The runbook's own words for the values of enumerated fields (criticality, audience).
const labels = i18n('nl');
const crit = (value: string) => labels.enumLabel('crit', value);

const UNIT: Record<keyof Duration, [string, string]> = {
  years: ['jaar', 'jaar'],
  months: ['maand', 'maanden'],
  weeks: ['week', 'weken'],
  days: ['dag', 'dagen'],
  hours: ['uur', 'uur'],
  minutes: ['minuut', 'minuten'],
  seconds: ['seconde', 'seconden'],
};

const and = (items: string[]) => joinList(items, 'en');
const or = (items: string[]) => joinList(items, 'of');

/** P12M → `12 maanden`, P1Y6M → `1 jaar en 6 maanden`, P0D → `0 dagen`. */
function duration(d: Duration): string {
  return durationWords(d, (n, unit) => plural(n, ...UNIT[unit]), and);
}

const EVERY_ONE: Record<keyof Duration, string> = {
  years: 'elk jaar',
  months: 'elke maand',
  weeks: 'elke week',
  days: 'elke dag',
  hours: 'elk uur',
  minutes: 'elke minuut',
  seconds: 'elke seconde',
};

/**
 * `elke 12 maanden`, `elk jaar` (not `elke 1 jaar`); P1Y6M is `elke 18 maanden` and P1W3D
 * `elke 10 dagen`, as `elke 1 jaar en 6 maanden` is not said.
 */
function every(d: Duration): string {
  const units = DURATION_UNITS.filter((k) => d[k] > 0);
  if (units.length === 1 && d[units[0]!] === 1) return EVERY_ONE[units[0]!];
  if (units.length > 1 && units.every((k) => k === 'years' || k === 'months'))
    return `elke ${d.years * 12 + d.months} maanden`;
  if (units.length > 1 && units.every((k) => k === 'weeks' || k === 'days'))
    return `elke ${d.weeks * 7 + d.days} dagen`;
  return `elke ${duration(d)}`;
}

const days = (n: number) => plural(n, ...UNIT.days);

/** `over 8 dagen`, `vandaag`, `5 dagen geleden`. */
function relative(n: number): string {
  if (n === 0) return 'vandaag';
  return n > 0 ? `over ${days(n)}` : `${days(-n)} geleden`;
}

const NOUN: Record<EntryKind, string> = {
  contact: 'contactpersoon',
  role: 'rol',
  provider: 'leverancier',
  service: 'dienst',
  scenario: 'scenario',
  access: 'noodtoegang',
  class: 'klasse',
};

/** `rol it-oncall`, `noodtoegang vpn-admin`; `roles[3]` when the entry has no id. */
const entry = (e: Entry) => nameEntry(NOUN[e.kind], e);

/** The first half of a step's name: `herstel` + `stap`, `preventie- of herstelstappen`. */
const STEP: Record<Part, string> = { prevent: 'preventie', respond: 'reactie', recover: 'herstel' };

const SECRET: Record<SecretKind, string> = {
  password: 'een wachtwoord',
  pin: 'een pincode',
  login: 'een gebruikersnaam met wachtwoord',
  'private-key': 'een privésleutel',
  'aws-key-id': 'een AWS-toegangssleutel-ID',
  'aws-secret': 'een geheime AWS-toegangssleutel',
  'github-token': 'een GitHub-token',
  'gitlab-token': 'een GitLab-token',
  'slack-token': 'een Slack-token',
  'slack-webhook': 'een webhook-URL van Slack',
  'google-key': 'een API-sleutel van Google',
  'stripe-key': 'een geheime sleutel van Stripe',
  'npm-token': 'een npm-token',
  'openai-key': 'een API-sleutel van OpenAI',
  jwt: 'een JSON Web Token',
  'url-password': 'een wachtwoord in een URL',
  'api-token': 'een API-sleutel of -token',
};

function referrer(from: Referrer): string {
  switch (from.at) {
    case 'plan':
      return `plan.${from.field}`;
    case 'entry': {
      const step = from.step ? `, ${STEP[from.step.part]}stap ${from.step.n}` : '';
      return `${entry(from.entry)}${step} (${from.field})`;
    }
    case 'communication':
      return `communicatieplan${from.audience !== undefined ? `, doelgroep ${labels.enumLabel('aud', from.audience)}` : ''} (${from.field})`;
    case 'exercise':
      return `oefening${from.date !== undefined ? ` van ${from.date}` : ''} (${from.field})`;
  }
}

const SECTION = { role: 'roles', contact: 'contacts', service: 'services', scenario: 'scenarios' } as const;

/** `die rol`, `dat scenario`: scenario is the only het-word among them. */
const that = (kind: 'role' | 'contact' | 'service' | 'scenario') =>
  `${kind === 'scenario' ? 'dat' : 'die'} ${NOUN[kind]}`;

const CHECK_ACCESS = 'controleer of de toegangsgegevens op de plek liggen die bij vault staat';

const overdue = (noun: string, p: Overdue, check: string) =>
  `${noun} ${p.id} is voor het laatst gecontroleerd op ${date(p.last)}, ${relative(p.lastDays)} ` +
  `(termijn ${duration(p.every)}, verlopen op ${date(p.due)}): ${check} en voer daarna ${p.command} uit`;

const rowName = (row: number, likelihood: number | undefined) =>
  `rij ${row} van riskMatrix.grid${likelihood !== undefined ? ` (waarschijnlijkheid ${likelihood})` : ''}`;

const REVIEW =
  'neem het plan samen met de eigenaar door en zet daarna plan.reviewed op de datum van de review';

export const nl: Messages = {
  ruleFailed: (p) =>
    `regel ${p.rule} kon dit plan niet controleren (meld dit alstublieft als fout in bcplan): ${p.error}`,

  contractEnding(p) {
    const d = p.daysLeft;
    const when =
      d > 0
        ? `loopt af op ${date(p.due)}, over ${days(d)}`
        : d === 0
          ? `loopt vandaag af (${date(p.due)})`
          : `is verlopen op ${date(p.due)}, ${days(-d)} geleden`;
    const fix =
      d >= 0
        ? 'verleng of vernieuw het contract, of zet het exitplan in gang en breng de diensten van deze leverancier onder bij een andere leverancier'
        : 'is het contract verlengd, zet contractEnds dan op de nieuwe einddatum; zo niet, breng de diensten onder bij een andere leverancier en verwijder deze leverancier uit het plan';
    return `het contract met leverancier ${p.provider} ${when}: ${fix}`;
  },

  deputyIsPrimary: (p) =>
    `${entry(p.role)}: ${p.primary} is de primaire contactpersoon van deze rol en staat ook als plaatsvervanger vermeld; een plaatsvervanger neemt het over als de primaire contactpersoon niet beschikbaar is, dus wijs hier een andere contactpersoon aan`,

  duplicateId(p) {
    const where = p.file !== undefined ? `in ${p.file} op regel ${p.line}` : `op regel ${p.line}`;
    return `er staat al een ${NOUN[p.kind]} met id ${p.id} ${where}: id's moeten per soort uniek zijn, dus kies voor deze vermelding een andere id of voeg de twee vermeldingen samen`;
  },

  exerciseOverdue(p) {
    const risk = p.risk !== undefined ? ` (risico ${p.risk}, niet aanvaardbaar)` : '';
    const last = p.last
      ? `is voor het laatst geoefend op ${date(p.last.date)}, ${relative(p.last.lastDays)} (moet ${every(p.last.every)} geoefend worden, dus achterstallig sinds ${date(p.last.due)})`
      : 'is nog nooit geoefend';
    return (
      `scenario ${p.scenario}${risk} ${last}: organiseer een tabletop, simulatie of volledige oefening ` +
      `voor dit scenario en leg die vast onder exercises met scenarios: [${p.scenario}]`
    );
  },

  matrixGridRows: (p) =>
    `riskMatrix.grid heeft ${plural(p.rows, 'rij', 'rijen')}, maar de matrix heeft ${plural(p.levels, 'waarschijnlijkheidsniveau', 'waarschijnlijkheidsniveaus')}: schrijf één rij per waarschijnlijkheidsniveau, het laagste eerst`,
  matrixGridCells: (p) =>
    `${rowName(p.row, p.likelihood)} heeft ${plural(p.cells, 'cel', 'cellen')}, maar de matrix heeft ${plural(p.levels, 'impactniveau', 'impactniveaus')}: schrijf per impactniveau één klasse-id, het laagste eerst`,
  matrixUnknownClass(p) {
    const fix =
      p.classes.length === 0
        ? 'definieer daar eerst klassen, want er zijn er nog geen'
        : `gebruik ${or(p.classes)}`;
    return `${rowName(p.row, p.likelihood)}, cel ${p.cell}: ${p.value} komt niet voor in riskMatrix.classes: ${fix}`;
  },
  matrixNoUpTo: (p) =>
    `${entry(p.class)} heeft geen upTo: zonder riskMatrix.grid moet elke klasse een upTo hebben, de hoogste score die binnen de klasse valt`,
  matrixNoClasses: (p) =>
    `riskMatrix.classes is leeg: voeg klassen toe met upTo-waarden tot en met ${p.highest} (waarschijnlijkheid ${p.likelihood} × impact ${p.impact}), of stel een riskMatrix.grid op`,
  matrixTooLow: (p) =>
    `de klassen in riskMatrix.classes reiken maar tot score ${p.upTo} (klasse ${p.class}), terwijl de hoogste score ${p.highest} is (waarschijnlijkheid ${p.likelihood} × impact ${p.impact}): verhoog de upTo van de laatste klasse tot ${p.highest} of voeg een klasse toe`,

  noDeputy: (p) =>
    `${entry(p.role)}${p.title !== undefined ? ` (${p.title})` : ''} heeft geen plaatsvervanger: voeg ten minste één contactpersoon toe onder deputies, zodat iemand het kan overnemen als ${p.primary ?? 'de primaire contactpersoon'} niet beschikbaar is`,

  orphanContact: (p) =>
    `contactpersoon ${p.id}${p.name !== undefined ? ` (${p.name})` : ''} wordt bij geen enkele rol of leverancier genoemd: wijs deze persoon toe aan een rol (als primaire contactpersoon of plaatsvervanger) of aan een leverancier, of verwijder de vermelding (en daarmee de persoonsgegevens)`,

  planReviewOverdue: (p) =>
    `${p.plan !== undefined ? `het plan ${p.plan}` : 'het plan'} had uiterlijk ${date(p.due)} gereviewd moeten worden en is nu ${days(p.daysOverdue)} over tijd ` +
    `(laatste review ${date(p.last)}, ${every(p.every)}): ` +
    `neem het plan samen met de eigenaar${p.owner !== undefined ? ` (rol ${p.owner})` : ''} door en zet daarna plan.reviewed op de datum van de review`,

  providerSameCompany: (p) =>
    `dienst ${p.service}: de leveranciers ${and(p.providers)} behoren tot hetzelfde bedrijf, ${p.name}; één faillissement, staking of IT-storing kan ${p.providers.length === 2 ? 'ze allebei' : 'ze allemaal'} tegelijk stilleggen: voeg een leverancier van een ander bedrijf toe`,
  providerSameCountry: (p) =>
    `dienst ${p.service}: ${p.sites.length === 2 ? 'beide' : 'alle'} leveranciers zijn gevestigd in hetzelfde land, ${p.country} (${p.sites.map((s) => `${s.provider} in ${s.city}`).join(', ')}); een gebeurtenis in dat land (staking, uitval van het stroomnet, nieuwe wetgeving) kan ${p.sites.length === 2 ? 'ze allebei' : 'ze allemaal'} tegelijk treffen: overweeg een leverancier in een ander land`,
  providerSameSite: (p) =>
    `dienst ${p.service}: ${p.providers.length === 2 ? 'beide leveranciers' : `alle ${p.providers.length} leveranciers`} (${and(p.providers)}) zijn gevestigd in ${p.city}, ${p.country}, dus één lokale gebeurtenis (brand, overstroming, stroomstoring) legt ${p.providers.length === 2 ? 'ze allebei' : 'ze allemaal'} stil: kies een leverancier op een andere locatie, bij voorkeur in een ander land`,

  respondExceedsRto(p) {
    // `steps` are the steps with a duration; others may be listed without one.
    const take = p.steps.length > 1 ? `samen ${p.total} (${p.steps.join(' + ')})` : p.total;
    return (
      `${entry(p.scenario)}: de reactiestappen duren ${take}, langer dan de rto ${p.rto} van dienst ${p.service}: ` +
      'verkort de stappen of voer ze gelijktijdig uit, of heroverweeg de rto'
    );
  },

  reviewDueSoon(p) {
    const when = `${relative(p.daysLeft)}, op ${date(p.due)},`;
    if (p.kind === 'plan') {
      return (
        `${p.plan !== undefined ? `het plan ${p.plan}` : 'het plan'} moet ${when} gereviewd worden ` +
        `(laatste review ${date(p.last)}, ${every(p.every)}): ${REVIEW}`
      );
    }
    const what = p.kind === 'contact' ? 'bevestig de gegevens' : `${CHECK_ACCESS} en nog werken,`;
    return (
      `${NOUN[p.kind]} ${p.id} moet ${when} opnieuw gecontroleerd worden ` +
      `(laatst gecontroleerd op ${date(p.last)}, ${every(p.every)}): ${what} en voer daarna ${p.command} uit`
    );
  },

  rtoExceedsMtpd: (p) =>
    `${entry(p.service)}: de rto ${p.rto} is langer dan de mtpd ${p.mtpd}, dus het herstel zou pas klaar zijn als de verstoring al onaanvaardbaar is geworden: verkort de rto tot hoogstens ${p.mtpd} of corrigeer de mtpd`,

  singleProvider(p) {
    const n = p.providers.length;
    const missing = p.min - n;
    const need = p.explicit
      ? `minProviders staat op ${p.min}: voeg ${plural(missing, 'leverancier', 'leveranciers')} toe op ${missing === 1 ? 'een andere locatie' : 'andere locaties'}, of verlaag minProviders`
      : `diensten met kritikaliteit ${crit('critical')} of ${crit('high')} hebben ten minste ${p.min} leveranciers op verschillende locaties nodig: voeg een tweede leverancier toe, of zet minProviders: 1 als u het risico aanvaardt`;
    return `dienst ${p.service}${p.criticality !== undefined ? ` (kritikaliteit: ${crit(p.criticality)})` : ''} heeft ${plural(n, 'leverancier', 'leveranciers')} (${and(p.providers)}); ${need}`;
  },

  staleContact: (p) => overdue('contactpersoon', p, 'bevestig de gegevens'),
  staleAccess: (p) =>
    overdue('noodtoegang', p, `${CHECK_ACCESS}, nog werken en voor de houders bereikbaar zijn,`),

  unknownLevel(p) {
    const first = p.scale[0]!.level;
    const last = p.scale.at(-1)!.level;
    const levels = p.scale.map((l) => `${l.level} ${l.label}`).join(', ');
    const axis = p.axis === 'impact' ? 'impact' : 'waarschijnlijkheid';
    const matrix = p.defaultMatrix ? 'de standaardmatrix' : 'riskMatrix';
    if (p.byLabel !== undefined) {
      return (
        `${entry(p.scenario)}: ${axis} ${p.value} is de omschrijving van een niveau in ${matrix}, niet het ` +
        `nummer: schrijf het niveaunummer ${p.byLabel} in plaats van de omschrijving`
      );
    }
    const fix =
      first === last
        ? `gebruik niveau ${first} (${levels})`
        : `gebruik een niveau van ${first} tot en met ${last} (${levels})`;
    return `${entry(p.scenario)}: ${axis} ${p.value} is geen ${p.axis === 'impact' ? 'impactniveau' : 'waarschijnlijkheidsniveau'} in ${matrix}: ${fix}`;
  },

  unknownReference(p) {
    const add = `voeg ${NOUN[p.kind]} ${p.id} toe onder ${SECTION[p.kind]}`;
    const fix = p.guess ? `bedoelt u ${p.guess}? Corrigeer de id, of ${add}` : `${add}, of corrigeer de id`;
    return `${referrer(p.from)} verwijst naar ${NOUN[p.kind]} ${p.id}, maar ${that(p.kind)} staat niet in het plan: ${fix}`;
  },

  untreatedRisk(p) {
    const steps =
      p.missing.length === 1
        ? `${STEP[p.missing[0]!]}stap`
        : or([...p.missing.slice(0, -1).map((m) => `${STEP[m]}-`), `${STEP[p.missing.at(-1)!]}stappen`]);
    return `${entry(p.scenario)} valt in klasse ${p.class} (waarschijnlijkheid ${p.likelihood}, impact ${p.impact}; niet aanvaardbaar), maar heeft geen ${steps}: voeg ${p.missing.length === 1 ? 'er één' : 'ze'} toe onder ${and(p.missing.map((m) => `measures.${m}`))}`;
  },

  verifiedInFuture(p) {
    const name = (noun: string) => (p.id !== undefined ? `${noun} ${p.id}` : `de ${p.index + 1}e ${noun}`);
    const [what, fix] = {
      plan: [
        'het plan heeft als reviewdatum',
        'vul de datum in van de laatste review die werkelijk heeft plaatsgevonden',
      ],
      contact: [
        `${name('contactpersoon')} heeft als controledatum`,
        'vul de datum in waarop de gegevens werkelijk zijn bevestigd',
      ],
      access: [
        `${name('noodtoegang')} heeft als controledatum`,
        'vul de datum in waarop de toegang werkelijk is gecontroleerd',
      ],
      exercise: [
        `de ${p.index + 1}e oefening heeft als datum`,
        'leg een oefening pas vast als die heeft plaatsgevonden, met de datum waarop die is gehouden',
      ],
    }[p.what];
    return `${what} ${date(p.date)}, ${days(p.daysAhead)} in de toekomst (vandaag is ${date(p.asOf)}): ${fix}`;
  },

  secretInPlan(p) {
    const place = p.isKey
      ? p.path
        ? `de veldnaam ${p.path}`
        : 'een veldnaam op het hoogste niveau'
      : p.path || 'het document';
    return (
      `${place} bevat ${and(p.kinds.map((k) => SECRET[k]))} (${p.shown}): verwijder deze gegevens en noteer alleen waar ze worden bewaard ` +
      '(bijv. vault: "Kluis kamer 2.14, envelop R-1"); wijzig ze ook of trek ze in, want ze staan nu in de versiegeschiedenis van het bestand'
    );
  },
};
