// The rules' messages in Norwegian (Bokmål): a runbook's appendix in Norwegian. The terms are the
// runbook's own (src/render/i18n.ts, templates/*.nb.yaml); ids, YAML keys, values and commands
// stay as written.
import { type Duration, formatDate as date } from '../../plan/dates.js';
import { i18n } from '../../render/i18n.js';
import { plural } from '../../util/plural.js';
import type { Entry, EntryKind, Messages, Overdue, Part, Referrer, SecretKind } from './types.js';
import { durationWords, joinList, nameEntry } from './words.js';

// The runbook's own words for the values of enumerated fields (criticality, audience).
const labels = i18n('nb');
const crit = (value: string) => labels.enumLabel('crit', value);

const UNIT: Record<keyof Duration, [string, string]> = {
  years: ['år', 'år'],
  months: ['måned', 'måneder'],
  weeks: ['uke', 'uker'],
  days: ['dag', 'dager'],
  hours: ['time', 'timer'],
  minutes: ['minutt', 'minutter'],
  seconds: ['sekund', 'sekunder'],
};

/** P12M → `12 måneder`, P1Y6M → `1 år 6 måneder`. */
const duration = (d: Duration) => durationWords(d, (n, unit) => plural(n, ...UNIT[unit]));
const days = (n: number) => plural(n, ...UNIT.days);

/** `om 8 dager`, `i dag`, `for 5 dager siden`. */
function relative(n: number): string {
  if (n === 0) return 'i dag';
  return n > 0 ? `om ${days(n)}` : `for ${days(-n)} siden`;
}

const and = (items: string[]) => joinList(items, 'og');
const or = (items: string[]) => joinList(items, 'eller');

/** The entry with its id, in the definite form: `rollen it-oncall`, `nødtilgangen vpn-admin`. */
const THE: Record<EntryKind, string> = {
  contact: 'kontakten',
  role: 'rollen',
  provider: 'leverandøren',
  service: 'tjenesten',
  scenario: 'scenarioet',
  access: 'nødtilgangen',
  class: 'klassen',
};
const entry = (e: Entry) => nameEntry(THE[e.kind], e);

/** `ingen tiltak for å forebygge, håndtere eller gjenopprette`, as the templates say it. */
const PART_VERB: Record<Part, string> = {
  prevent: 'forebygge',
  respond: 'håndtere',
  recover: 'gjenopprette',
};
/** One step of a part: `håndteringstiltak 2`. */
const PART_STEP: Record<Part, string> = {
  prevent: 'forebyggende tiltak',
  respond: 'håndteringstiltak',
  recover: 'gjenopprettingstiltak',
};

const SECRET: Record<SecretKind, string> = {
  password: 'et passord',
  pin: 'en PIN-kode',
  login: 'et brukernavn med passord',
  'private-key': 'en privat nøkkel',
  'aws-key-id': 'en AWS-tilgangsnøkkel-ID',
  'aws-secret': 'en hemmelig AWS-tilgangsnøkkel',
  'github-token': 'et GitHub-token',
  'gitlab-token': 'et GitLab-token',
  'slack-token': 'et Slack-token',
  'slack-webhook': 'en webhook-URL for Slack',
  'google-key': 'en API-nøkkel for Google',
  'stripe-key': 'en hemmelig Stripe-nøkkel',
  'npm-token': 'et npm-token',
  'openai-key': 'en API-nøkkel for OpenAI',
  jwt: 'et JSON Web Token',
  'url-password': 'et passord i en URL',
  'api-token': 'en API-nøkkel eller et token',
};

function referrer(from: Referrer): string {
  switch (from.at) {
    case 'plan':
      return `plan.${from.field}`;
    case 'entry': {
      const step = from.step ? `, ${PART_STEP[from.step.part]} ${from.step.n}` : '';
      return `${entry(from.entry)}${step} (${from.field})`;
    }
    case 'communication':
      return `${from.audience !== undefined ? `kommunikasjonen med målgruppen ${labels.enumLabel('aud', from.audience)}` : 'en oppføring i kommunikasjonsplanen'} (${from.field})`;
    case 'exercise':
      return `${from.date !== undefined ? `øvelsen datert ${from.date}` : 'en øvelse'} (${from.field})`;
  }
}

const SECTION = { role: 'roles', contact: 'contacts', service: 'services', scenario: 'scenarios' } as const;

const overdue = (noun: string, p: Overdue, check: string) =>
  `${noun} ${p.id} ble sist bekreftet ${date(p.last)}, ${relative(p.lastDays)} ` +
  `(intervall ${duration(p.every)}, frist ${date(p.due)}): ${check}, og kjør deretter ${p.command}`;

const rowName = (row: number, likelihood: number | undefined) =>
  `rad ${row} i riskMatrix.grid${likelihood !== undefined ? ` (sannsynlighet ${likelihood})` : ''}`;

const AXIS = { likelihood: 'sannsynlighet', impact: 'konsekvens' } as const;
const LEVEL = { likelihood: 'sannsynlighetsnivå', impact: 'konsekvensnivå' } as const;

export const nb: Messages = {
  ruleFailed: (p) =>
    `regelen ${p.rule} kunne ikke kjøres på denne planen (meld gjerne fra om feilen): ${p.error}`,

  contractEnding(p) {
    const d = p.daysLeft;
    const when =
      d > 0
        ? `utløper ${date(p.due)}, om ${days(d)}`
        : d === 0
          ? `utløper i dag (${date(p.due)})`
          : `utløp ${date(p.due)}, for ${days(-d)} siden`;
    const fix =
      d >= 0
        ? 'forny eller forleng kontrakten, eller sett i gang exitplanen og flytt leverandørens tjenester til en annen leverandør'
        : 'hvis kontrakten er fornyet, sett contractEnds til den nye sluttdatoen; hvis ikke, flytt leverandørens tjenester til en annen leverandør og fjern leverandøren fra planen';
    return `kontrakten med leverandøren ${p.provider} ${when}: ${fix}`;
  },

  deputyIsPrimary: (p) =>
    `${entry(p.role)}: ${p.primary} er hovedansvarlig og står også oppført som stedfortreder; en stedfortreder trer inn når hovedansvarlig ikke er tilgjengelig, så før opp en annen kontakt som stedfortreder`,

  duplicateId(p) {
    const where = p.file !== undefined ? `linje ${p.line} i ${p.file}` : `linje ${p.line}`;
    return `ID-en ${p.id} er allerede brukt av ${THE[p.kind]} på ${where}: ID-er må være unike innenfor hver type, så gi denne oppføringen en ny ID eller slå sammen de to oppføringene`;
  },

  exerciseOverdue(p) {
    const risk = p.risk !== undefined ? ` (risikoklasse ${p.risk}, ikke akseptabel)` : '';
    const last = p.last
      ? `ble sist øvd ${date(p.last.date)}, ${relative(p.last.lastDays)} (intervall ${duration(p.last.every)}, fristen gikk ut ${date(p.last.due)})`
      : 'har aldri blitt øvd';
    return (
      `scenarioet ${p.scenario}${risk} ${last}: øv på scenarioet med en diskusjonsøvelse, en simulering eller en fullskalaøvelse, ` +
      `og registrer øvelsen under exercises med scenarios: [${p.scenario}]`
    );
  },

  matrixGridRows: (p) =>
    `riskMatrix.grid har ${plural(p.rows, 'rad', 'rader')}, men matrisen har ${plural(p.levels, 'sannsynlighetsnivå', 'sannsynlighetsnivåer')}: skriv én rad per sannsynlighetsnivå, laveste nivå først`,
  matrixGridCells: (p) =>
    `${rowName(p.row, p.likelihood)} har ${plural(p.cells, 'celle', 'celler')}, men matrisen har ${plural(p.levels, 'konsekvensnivå', 'konsekvensnivåer')}: skriv én klasse-ID per konsekvensnivå, laveste nivå først`,
  matrixUnknownClass: (p) =>
    `${rowName(p.row, p.likelihood)}, celle ${p.cell}: ${p.value} er ikke en klasse i riskMatrix.classes: ${p.classes.length > 0 ? `bruk ${or(p.classes)}` : 'definer først klassene under riskMatrix.classes'}`,
  matrixNoUpTo: (p) =>
    `${entry(p.class)} mangler upTo: uten riskMatrix.grid trenger hver klasse upTo (den høyeste verdien klassen dekker)`,
  matrixNoClasses: (p) =>
    `riskMatrix.classes er tom: legg til klasser med upTo opp til ${p.highest} (sannsynlighet ${p.likelihood} × konsekvens ${p.impact}), eller fyll ut riskMatrix.grid`,
  matrixTooLow: (p) =>
    `riskMatrix.classes dekker bare verdier opp til ${p.upTo} (klassen ${p.class}), men den høyeste verdien er ${p.highest} (sannsynlighet ${p.likelihood} × konsekvens ${p.impact}): øk upTo for den siste klassen til ${p.highest}, eller legg til en klasse`,

  noDeputy: (p) =>
    `${entry(p.role)}${p.title !== undefined ? ` (${p.title})` : ''} har ingen stedfortreder: legg til minst én kontakt under deputies, slik at noen kan tre inn når ${p.primary ?? 'hovedansvarlig'} ikke er tilgjengelig`,

  orphanContact: (p) =>
    `kontakten ${p.id}${p.name !== undefined ? ` (${p.name})` : ''} er ikke knyttet til noen rolle eller leverandør: gjør personen til hovedansvarlig, stedfortreder eller kontaktperson hos en leverandør, eller fjern oppføringen (og personopplysningene)`,

  planReviewOverdue: (p) =>
    `${p.plan !== undefined ? `planen ${p.plan}` : 'planen'} ble sist gjennomgått ${date(p.last)} og skulle vært gjennomgått igjen senest ${date(p.due)} ` +
    `(intervall ${duration(p.every)}); fristen er overskredet med ${days(p.daysOverdue)}: ` +
    `gå gjennom planen sammen med den ansvarlige${p.owner !== undefined ? ` (rollen ${p.owner})` : ''}, og sett deretter plan.reviewed til datoen for gjennomgangen`,

  providerSameCompany: (p) =>
    `tjenesten ${p.service}: leverandørene ${and(p.providers)} tilhører samme selskap, ${p.name}; én konkurs, én streik eller ett IT-avbrudd kan sette ${p.providers.length === 2 ? 'begge' : 'alle'} ut av drift: legg til en leverandør fra et annet selskap`,
  providerSameCountry: (p) =>
    `tjenesten ${p.service}: ${p.sites.length === 2 ? 'begge' : 'alle'} leverandørene ligger i samme land, ${p.country} (${p.sites.map((s) => `${s.provider} i ${s.city}`).join(', ')}); én nasjonal hendelse (streik, omfattende strømbrudd, ny lovgivning) kan ramme ${p.sites.length === 2 ? 'begge' : 'alle'}: vurder en leverandør i et annet land`,
  providerSameSite: (p) =>
    `tjenesten ${p.service}: ${p.providers.length === 2 ? 'begge leverandørene' : `alle ${p.providers.length} leverandørene`} (${and(p.providers)}) ligger i ${p.city}, ${p.country}, så én lokal hendelse (brann, flom, strømbrudd) kan sette ${p.providers.length === 2 ? 'begge' : 'alle'} ut av drift: bruk en leverandør på en annen lokasjon, helst i et annet land`,

  respondExceedsRto: (p) =>
    `${entry(p.scenario)}: håndteringstiltakene tar ${p.steps.length > 1 ? `til sammen ${p.total} (${p.steps.join(' + ')})` : p.total}, som er lengre enn gjenopprettingstiden for tjenesten ${p.service} (rto ${p.rto}): kort ned tiden tiltakene tar, eller utfør dem parallelt, eller vurder rto på nytt`,

  reviewDueSoon(p) {
    const verb = p.kind === 'plan' ? 'skal gjennomgås' : 'skal bekreftes på nytt';
    const when =
      p.daysLeft === 0 ? `i dag, ${date(p.due)}` : `senest ${date(p.due)}, ${relative(p.daysLeft)}`;
    if (p.kind === 'plan') {
      return (
        `${p.plan !== undefined ? `planen ${p.plan}` : 'planen'} ${verb} ${when} (sist gjennomgått ${date(p.last)}, intervall ${duration(p.every)}): ` +
        'gå gjennom planen sammen med den ansvarlige, og sett deretter plan.reviewed til datoen for gjennomgangen'
      );
    }
    const what =
      p.kind === 'contact'
        ? 'bekreft kontaktopplysningene'
        : 'kontroller at tilgangen oppbevares der planen sier (vault) og fortsatt virker';
    return `${THE[p.kind]} ${p.id} ${verb} ${when} (sist bekreftet ${date(p.last)}, intervall ${duration(p.every)}): ${what}, og kjør deretter ${p.command}`;
  },

  rtoExceedsMtpd: (p) =>
    `${entry(p.service)}: gjenopprettingstiden (rto ${p.rto}) er lengre enn det lengste akseptable avbruddet (mtpd ${p.mtpd}), så tjenesten ville først være gjenopprettet når avbruddet allerede var blitt uakseptabelt langt: kort ned rto til høyst ${p.mtpd}, eller rett mtpd`,

  singleProvider(p) {
    const n = p.providers.length;
    const need = p.explicit
      ? `minProviders er satt til ${p.min}: legg til ${plural(p.min - n, 'leverandør', 'leverandører')} på ${p.min - n === 1 ? 'en annen lokasjon' : 'andre lokasjoner'}, eller senk minProviders`
      : `kritiske og høyt prioriterte tjenester trenger minst ${p.min} leverandører på ulike lokasjoner: legg til en ekstra leverandør på en annen lokasjon, eller sett minProviders: 1 hvis risikoen er akseptert`;
    return `tjenesten ${p.service}${p.criticality !== undefined ? ` (kritikalitet: ${crit(p.criticality)})` : ''} har ${plural(n, 'leverandør', 'leverandører')} (${and(p.providers)}); ${need}`;
  },

  staleContact: (p) => overdue('kontakten', p, 'bekreft kontaktopplysningene'),
  staleAccess: (p) =>
    overdue(
      'nødtilgangen',
      p,
      'kontroller at tilgangen oppbevares der planen sier (vault), at den fortsatt virker og at innehaverne får tak i den',
    ),

  unknownLevel(p) {
    const first = p.scale[0]!.level;
    const last = p.scale.at(-1)!.level;
    const fix =
      p.byLabel !== undefined
        ? `skriv nivånummeret ${p.byLabel} i stedet for navnet på nivået`
        : `bruk et av nivåene ${first}–${last} (${p.scale.map((l) => `${l.level} ${l.label}`).join(', ')})`;
    return `${entry(p.scenario)}: ${AXIS[p.axis]} ${p.value} er ikke et ${LEVEL[p.axis]} i ${p.defaultMatrix ? 'standardmatrisen' : 'riskMatrix'}: ${fix}`;
  },

  unknownReference(p) {
    const what = `${THE[p.kind]} ${p.id}`;
    const fix = p.guess
      ? `mente du ${p.guess}? Rett ID-en, eller legg til ${what} under ${SECTION[p.kind]}`
      : `legg til ${what} under ${SECTION[p.kind]}, eller rett ID-en`;
    return `${referrer(p.from)} viser til ${what}, som ikke finnes i planen: ${fix}`;
  },

  untreatedRisk(p) {
    const one = p.missing.length === 1;
    return (
      `${entry(p.scenario)} er i risikoklassen ${p.class} (sannsynlighet ${p.likelihood}, konsekvens ${p.impact}; ikke akseptabel), ` +
      `men har ingen tiltak for å ${or(p.missing.map((m) => PART_VERB[m]))}: ` +
      `legg til ${one ? 'minst ett' : 'tiltak'} under ${and(p.missing.map((m) => `measures.${m}`))}`
    );
  },

  verifiedInFuture(p) {
    const name = (the: string, a: string) =>
      p.id !== undefined ? `${the} ${p.id}` : `${a} nr. ${p.index + 1}`;
    const [what, fix] = {
      plan: [
        'planen er markert som gjennomgått',
        'skriv datoen for den siste gjennomgangen som faktisk er gjennomført',
      ],
      contact: [
        `${name('kontakten', 'kontakt')} er markert som bekreftet`,
        'skriv datoen da opplysningene faktisk ble bekreftet',
      ],
      access: [
        `${name('nødtilgangen', 'nødtilgang')} er markert som bekreftet`,
        'skriv datoen da tilgangen faktisk ble kontrollert',
      ],
      exercise: [
        `øvelse nr. ${p.index + 1} er datert`,
        'registrer en øvelse først når den er gjennomført, med datoen den ble holdt',
      ],
    }[p.what];
    return `${what} ${date(p.date)}, ${days(p.daysAhead)} etter dagens dato (${date(p.asOf)}): ${fix}`;
  },

  secretInPlan(p) {
    const place = p.isKey
      ? p.path
        ? `feltnavnet ${p.path}`
        : 'et feltnavn på øverste nivå'
      : p.path
        ? `feltet ${p.path}`
        : 'dokumentet';
    return (
      `${place} inneholder ${and(p.kinds.map((k) => SECRET[k]))} (${p.shown}): fjern dette fra planen, og skriv bare hvor det oppbevares ` +
      '(f.eks. vault: "Safen på rom 2.14, konvolutt R-1"); bytt også ut tilgangsopplysningene, for de ligger nå i filens versjonshistorikk'
    );
  },
};
