// The rules' messages in Danish, for a runbook's appendix. Terms as in the Danish runbook
// (src/render/i18n.ts) and templates/*.da.yaml: kontaktperson, rolle, stedfortræder,
// leverandør, tjeneste, scenarie, nødadgang, øvelse, risikoklasse; bekræftet, gennemgået.
import { type Duration, formatDate as date } from '../../plan/dates.js';
import { i18n } from '../../render/i18n.js';
import { plural } from '../../util/plural.js';
import type { Entry, EntryKind, Messages, Overdue, Part, Referrer, SecretKind } from './types.js';
import { durationWords, joinList, nameEntry } from './words.js';

// The runbook's own words for the values of enumerated fields (criticality, audience).
const labels = i18n('da');
const crit = (value: string) => labels.enumLabel('crit', value);

const UNIT: Record<keyof Duration, [string, string]> = {
  years: ['år', 'år'],
  months: ['måned', 'måneder'],
  weeks: ['uge', 'uger'],
  days: ['dag', 'dage'],
  hours: ['time', 'timer'],
  minutes: ['minut', 'minutter'],
  seconds: ['sekund', 'sekunder'],
};

/** P12M → `12 måneder`, P1Y6M → `1 år 6 måneder`, P0D → `0 dage`. */
const duration = (d: Duration) => durationWords(d, (n, unit) => plural(n, ...UNIT[unit]));
const days = (n: number) => plural(n, ...UNIT.days);

/** `om 8 dage`, `i dag`, `for 5 dage siden`. */
function relative(n: number): string {
  if (n === 0) return 'i dag';
  return n > 0 ? `om ${days(n)}` : `for ${days(-n)} siden`;
}

const and = (items: string[]) => joinList(items, 'og');
const or = (items: string[]) => joinList(items, 'eller');
/** `dem begge` for two, `dem alle` for more. */
const them = (n: number) => (n === 2 ? 'dem begge' : 'dem alle');

/** Each kind: the noun with its article (`rollen`), without (`rolle`), and its gender (et-ord). */
const NOUN: Record<EntryKind, { the: string; one: string; neuter: boolean }> = {
  contact: { the: 'kontaktpersonen', one: 'kontaktperson', neuter: false },
  role: { the: 'rollen', one: 'rolle', neuter: false },
  provider: { the: 'leverandøren', one: 'leverandør', neuter: false },
  service: { the: 'tjenesten', one: 'tjeneste', neuter: false },
  scenario: { the: 'scenariet', one: 'scenarie', neuter: true },
  access: { the: 'nødadgangen', one: 'nødadgang', neuter: false },
  class: { the: 'risikoklassen', one: 'risikoklasse', neuter: false },
};

/** `rollen it-oncall`; `roles[3]` when the entry has no id. */
const entry = (e: Entry) => nameEntry(NOUN[e.kind].the, e);

/** What each part of the measures is for, as the templates say it: tiltag til at forebygge, … */
const PART: Record<Part, string> = { prevent: 'forebygge', respond: 'håndtere', recover: 'genetablere' };
const STEP: Record<Part, string> = {
  prevent: 'forebyggende skridt',
  respond: 'håndteringsskridt',
  recover: 'genetableringsskridt',
};

const SECRET: Record<SecretKind, string> = {
  password: 'en adgangskode',
  pin: 'en pinkode',
  login: 'et brugernavn med adgangskode',
  'private-key': 'en privat nøgle',
  'aws-key-id': 'et AWS-adgangsnøgle-id',
  'aws-secret': 'en hemmelig AWS-adgangsnøgle',
  'github-token': 'et GitHub-token',
  'gitlab-token': 'et GitLab-token',
  'slack-token': 'et Slack-token',
  'slack-webhook': 'en Slack-webhook-URL',
  'google-key': 'en Google-API-nøgle',
  'stripe-key': 'en hemmelig Stripe-nøgle',
  'npm-token': 'et npm-token',
  'openai-key': 'en OpenAI-API-nøgle',
  jwt: 'et JSON Web Token',
  'url-password': 'en adgangskode i en URL',
  'api-token': 'en API-nøgle eller et API-token',
};

function referrer(from: Referrer): string {
  switch (from.at) {
    case 'plan':
      return `plan.${from.field}`;
    case 'entry': {
      const step = from.step ? `, ${STEP[from.step.part]} ${from.step.n}` : '';
      return `${entry(from.entry)}${step} (${from.field})`;
    }
    case 'communication':
      return `${from.audience !== undefined ? `kommunikationen til ${labels.enumLabel('aud', from.audience)}` : 'en post i kommunikationsplanen'} (${from.field})`;
    case 'exercise':
      return `${from.date !== undefined ? `øvelsen fra ${from.date}` : 'en øvelse'} (${from.field})`;
  }
}

const SECTION = { role: 'roles', contact: 'contacts', service: 'services', scenario: 'scenarios' } as const;

const confirmDetails = 'bekræft oplysningerne';
const checkAccess =
  'kontrollér, at adgangsoplysningerne ligger dér, hvor vault angiver, og at de stadig virker';

const overdue = (noun: string, p: Overdue, check: string) =>
  `${noun} ${p.id} blev sidst bekræftet ${date(p.last)}, ${relative(p.lastDays)} ` +
  `(interval ${duration(p.every)}, forfaldt ${date(p.due)}): ${check}, og kør derefter ${p.command}`;

const rowName = (row: number, likelihood: number | undefined) =>
  `række ${row} i riskMatrix.grid${likelihood !== undefined ? ` (sandsynlighed ${likelihood})` : ''}`;

/** `senest 2026-12-05, om 9 dage`; `i dag, 2026-11-26`. */
const deadline = (due: Date, daysLeft: number) =>
  daysLeft === 0 ? `i dag, ${date(due)}` : `senest ${date(due)}, ${relative(daysLeft)}`;

const planName = (plan: string | undefined) => (plan !== undefined ? `planen ${plan}` : 'planen');
const setReviewed = 'og sæt derefter plan.reviewed til datoen for gennemgangen';

export const da: Messages = {
  ruleFailed: (p) =>
    `reglen ${p.rule} kunne ikke køres på denne plan (rapportér venligst fejlen): ${p.error}`,

  contractEnding(p) {
    const d = p.daysLeft;
    const when =
      d > 0
        ? `udløber ${date(p.due)}, om ${days(d)}`
        : d === 0
          ? `udløber i dag (${date(p.due)})`
          : `udløb ${date(p.due)}, for ${days(-d)} siden`;
    const fix =
      d >= 0
        ? 'forny eller forlæng kontrakten, eller sæt exitplanen i gang og flyt leverandørens tjenester til en anden leverandør'
        : 'hvis kontrakten er blevet fornyet, så sæt contractEnds til den nye slutdato; hvis ikke, så flyt leverandørens tjenester til en anden leverandør, og fjern leverandøren fra planen';
    return `kontrakten med leverandøren ${p.provider} ${when}: ${fix}`;
  },

  deputyIsPrimary: (p) =>
    `${entry(p.role)}: ${p.primary} er rollens primære ansvarlige og står også opført som stedfortræder; en stedfortræder træder til, når den primære ansvarlige ikke er til rådighed, så angiv en anden kontaktperson som stedfortræder`,

  duplicateId(p) {
    const where = p.file !== undefined ? `i ${p.file}, linje ${p.line}` : `i linje ${p.line}`;
    const noun = NOUN[p.kind];
    const [each, self] = noun.neuter ? ['hvert', 'dette'] : ['hver', 'denne'];
    return (
      `id'et ${p.id} bruges allerede af ${noun.the} ${where}: ${each} ${noun.one} skal have sit eget id, ` +
      `så giv ${self} ${noun.one} et andet id, eller slå de to poster sammen`
    );
  },

  exerciseOverdue(p) {
    const risk = p.risk !== undefined ? ` (risikoklasse ${p.risk}, ikke acceptabel)` : '';
    const last = p.last
      ? `blev sidst øvet ${date(p.last.date)}, ${relative(p.last.lastDays)} (interval ${duration(p.last.every)}, så den næste øvelse forfaldt ${date(p.last.due)})`
      : 'er aldrig blevet øvet';
    return (
      `scenariet ${p.scenario}${risk} ${last}: øv scenariet med en skrivebordsøvelse, en simulering eller en fuldskalaøvelse, ` +
      `og registrér øvelsen under exercises med scenarios: [${p.scenario}]`
    );
  },

  matrixGridRows: (p) =>
    `riskMatrix.grid har ${plural(p.rows, 'række', 'rækker')}, men matricen har ${plural(p.levels, 'sandsynlighedsniveau', 'sandsynlighedsniveauer')}: skriv én række pr. sandsynlighedsniveau, det laveste først`,
  matrixGridCells: (p) =>
    `${rowName(p.row, p.likelihood)} har ${plural(p.cells, 'celle', 'celler')}, men matricen har ${plural(p.levels, 'konsekvensniveau', 'konsekvensniveauer')}: skriv ét klasse-id pr. konsekvensniveau, det laveste først`,
  matrixUnknownClass: (p) =>
    `${rowName(p.row, p.likelihood)}, celle ${p.cell}: ${p.value} er ikke en af klasserne i riskMatrix.classes: ` +
    (p.classes.length > 0
      ? `brug ${or(p.classes)}`
      : 'der er endnu ikke defineret nogen klasser, så tilføj dem først'),
  matrixNoUpTo: (p) =>
    `${entry(p.class)} har ingen upTo: uden riskMatrix.grid skal hver klasse have en upTo, som angiver den højeste værdi, klassen dækker`,
  matrixNoClasses: (p) =>
    `riskMatrix.classes er tom: tilføj klasser med upTo op til ${p.highest} (sandsynlighed ${p.likelihood} × konsekvens ${p.impact}), eller tilføj et riskMatrix.grid`,
  matrixTooLow: (p) =>
    `riskMatrix.classes når kun op til værdien ${p.upTo} (klassen ${p.class}), men den højeste værdi er ${p.highest} (sandsynlighed ${p.likelihood} × konsekvens ${p.impact}): hæv upTo for den sidste klasse til ${p.highest}, eller tilføj en klasse`,

  noDeputy: (p) =>
    `${entry(p.role)}${p.title !== undefined ? ` (${p.title})` : ''} har ingen stedfortræder: tilføj mindst én kontaktperson under deputies, så der er nogen, der kan handle, når ${p.primary ?? 'den primære ansvarlige'} ikke er til rådighed`,

  orphanContact: (p) =>
    `kontaktpersonen ${p.id}${p.name !== undefined ? ` (${p.name})` : ''} er ikke knyttet til nogen rolle eller leverandør: gør personen til primær ansvarlig, stedfortræder eller kontaktperson hos en leverandør, eller fjern posten (og dermed personoplysningerne)`,

  planReviewOverdue: (p) =>
    `${planName(p.plan)} blev sidst gennemgået ${date(p.last)} og skulle have været gennemgået igen senest ${date(p.due)} ` +
    `(interval ${duration(p.every)}); fristen er overskredet med ${days(p.daysOverdue)}: ` +
    `gennemgå planen med den ansvarlige${p.owner !== undefined ? ` (rollen ${p.owner})` : ''}, ${setReviewed}`,

  providerSameCompany: (p) =>
    `tjenesten ${p.service}: leverandørerne ${and(p.providers)} hører under samme virksomhed, ${p.name}; én konkurs, én strejke eller ét IT-nedbrud kan sætte ${them(p.providers.length)} ud af drift: tilføj en leverandør fra en anden virksomhed`,
  providerSameCountry: (p) =>
    `tjenesten ${p.service}: ${p.sites.length === 2 ? 'begge leverandører' : 'alle leverandørerne'} ligger i samme land, ${p.country} (${p.sites.map((s) => `${s.provider} i ${s.city}`).join(', ')}); en national hændelse (strejke, svigt i elnettet, ny lovgivning) kan ramme ${them(p.sites.length)}: overvej en leverandør i et andet land`,
  providerSameSite(p) {
    const n = p.providers.length;
    return (
      `tjenesten ${p.service}: ${n === 2 ? 'begge leverandører' : `alle ${n} leverandører`} (${and(p.providers)}) ` +
      `ligger i ${p.city}, ${p.country}, så én lokal hændelse (brand, oversvømmelse, strømafbrydelse) kan sætte ${them(n)} ud af drift: ` +
      'brug en leverandør på en anden lokation, helst i et andet land'
    );
  },

  respondExceedsRto: (p) =>
    `${entry(p.scenario)}: håndteringsskridtene tager ${p.steps.length > 1 ? `i alt ${p.total} (${p.steps.join(' + ')})` : p.total}, ` +
    `hvilket er længere end rto ${p.rto} for tjenesten ${p.service}: forkort skridtene eller udfør dem sideløbende, eller revurdér rto`,

  reviewDueSoon(p) {
    if (p.kind === 'plan') {
      return (
        `${planName(p.plan)} skal gennemgås ${deadline(p.due, p.daysLeft)} ` +
        `(sidst gennemgået ${date(p.last)}, interval ${duration(p.every)}): gennemgå planen med den ansvarlige, ${setReviewed}`
      );
    }
    const what = p.kind === 'contact' ? confirmDetails : checkAccess;
    return (
      `${NOUN[p.kind].the} ${p.id} skal bekræftes igen ${deadline(p.due, p.daysLeft)} ` +
      `(sidst bekræftet ${date(p.last)}, interval ${duration(p.every)}): ${what}, og kør derefter ${p.command}`
    );
  },

  rtoExceedsMtpd: (p) =>
    `${entry(p.service)}: rto ${p.rto} er længere end mtpd ${p.mtpd}, dvs. at genetableringen først ville være afsluttet, når afbrydelsen allerede var blevet uacceptabel: forkort rto til højst ${p.mtpd}, eller ret mtpd`,

  singleProvider(p) {
    const n = p.providers.length;
    const need = p.explicit
      ? `minProviders er sat til ${p.min}: tilføj ${plural(p.min - n, 'leverandør', 'leverandører')} mere på ${p.min - n === 1 ? 'en anden lokation' : 'andre lokationer'}, eller sænk minProviders`
      : `kritiske og højt prioriterede tjenester skal have mindst ${p.min} leverandører på forskellige lokationer: tilføj en leverandør mere, eller sæt minProviders: 1, hvis I accepterer risikoen`;
    return `tjenesten ${p.service}${p.criticality !== undefined ? ` (kritikalitet: ${crit(p.criticality)})` : ''} har ${plural(n, 'leverandør', 'leverandører')} (${and(p.providers)}); ${need}`;
  },

  staleContact: (p) => overdue('kontaktpersonen', p, confirmDetails),
  staleAccess: (p) =>
    overdue(
      'nødadgangen',
      p,
      'kontrollér, at adgangsoplysningerne ligger dér, hvor vault angiver, at de stadig virker, og at indehaverne kan få fat i dem',
    ),

  unknownLevel(p) {
    const first = p.scale[0]!.level;
    const last = p.scale.at(-1)!.level;
    const [axis, level] =
      p.axis === 'impact' ? ['konsekvens', 'konsekvensniveau'] : ['sandsynlighed', 'sandsynlighedsniveau'];
    const fix =
      p.byLabel !== undefined
        ? `skriv niveauets nummer, ${p.byLabel}, i stedet for dets betegnelse`
        : `brug et af niveauerne ${first}–${last} (${p.scale.map((l) => `${l.level} ${l.label}`).join(', ')})`;
    return `${entry(p.scenario)}: ${axis} (${p.axis}) ${p.value} er ikke et ${level} i ${p.defaultMatrix ? 'standardmatricen' : 'riskMatrix'}: ${fix}`;
  },

  unknownReference(p) {
    const target = `${NOUN[p.kind].the} ${p.id}`;
    const fix = p.guess
      ? `mente du ${p.guess}? Ret id'et, eller tilføj ${target} under ${SECTION[p.kind]}`
      : `tilføj ${target} under ${SECTION[p.kind]}, eller ret id'et`;
    return `${referrer(p.from)} henviser til ${target}, som ikke findes i planen: ${fix}`;
  },

  untreatedRisk(p) {
    const one = p.missing.length === 1;
    const parts = p.missing.map((m) => PART[m]);
    return (
      `${entry(p.scenario)} ligger i risikoklassen ${p.class} (sandsynlighed ${p.likelihood}, konsekvens ${p.impact}; ikke acceptabel), ` +
      `men har ingen tiltag til at ${or(parts)}: tilføj ${one ? 'mindst ét' : 'tiltag'} under ${and(p.missing.map((m) => `measures.${m}`))}`
    );
  },

  verifiedInFuture(p) {
    const name = (kind: EntryKind) =>
      p.id !== undefined ? `${NOUN[kind].the} ${p.id}` : `${NOUN[kind].one} nr. ${p.index + 1}`;
    const [what, fix] = {
      plan: [
        'planen er markeret som gennemgået',
        'skriv datoen for den seneste gennemgang, der faktisk har fundet sted',
      ],
      contact: [
        `${name('contact')} er markeret som bekræftet`,
        'skriv den dato, hvor oplysningerne faktisk blev bekræftet',
      ],
      access: [
        `${name('access')} er markeret som bekræftet`,
        'skriv den dato, hvor adgangen faktisk blev kontrolleret',
      ],
      exercise: [
        `øvelse nr. ${p.index + 1} er dateret`,
        'registrér først øvelsen, når den har fundet sted, med den dato, hvor den blev holdt',
      ],
    }[p.what];
    return `${what} ${date(p.date)}, ${days(p.daysAhead)} efter dags dato (${date(p.asOf)}): ${fix}`;
  },

  secretInPlan(p) {
    const place = p.isKey
      ? p.path
        ? `YAML-nøglen ${p.path}`
        : 'en YAML-nøgle på øverste niveau'
      : p.path
        ? `feltet ${p.path}`
        : 'dokumentet';
    return (
      `${place} indeholder ${and(p.kinds.map((k) => SECRET[k]))} (${p.shown}): fjern adgangsoplysningerne fra planen, ` +
      'og skriv kun, hvor de opbevares (f.eks. vault: "Pengeskab, kontor 2.14, kuvert R-1"); ' +
      'skift dem også, for de ligger nu i filens versionshistorik'
    );
  },
};
