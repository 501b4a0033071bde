// The rules' messages in German, for the appendix of a German runbook. The terms are the
// runbook's (src/render/i18n.ts): Kontakt, Rolle, Vertretung, Dienstleister, Dienst, Szenario,
// Notfallzugang, Übung, Risikoklasse; ids, YAML keys, values and commands stay as written.
import { type Duration, formatDate as date } from '../../plan/dates.js';
import { i18n } from '../../render/i18n.js';
import { plural } from '../../util/plural.js';
import type { Entry, EntryKind, Messages, Overdue, Part, Referrer, SecretKind } from './types.js';
import { durationWords, joinList, nameEntry } from './words.js';

// The runbook's own words for the values of enumerated fields (criticality, audience).
const labels = i18n('de');
const crit = (value: string) => labels.enumLabel('crit', value);

const UNIT: Record<keyof Duration, [string, string]> = {
  years: ['Jahr', 'Jahre'],
  months: ['Monat', 'Monate'],
  weeks: ['Woche', 'Wochen'],
  days: ['Tag', 'Tage'],
  hours: ['Stunde', 'Stunden'],
  minutes: ['Minute', 'Minuten'],
  seconds: ['Sekunde', 'Sekunden'],
};

const and = (items: string[]) => joinList(items, 'und');
const or = (items: string[]) => joinList(items, 'oder');

/** A duration in words, as a noun phrase: P12M → `12 Monate`, P1Y6M → `1 Jahr und 6 Monate`. */
function duration(d: Duration): string {
  return durationWords(d, (n, unit) => plural(n, ...UNIT[unit]), and);
}

/** `1 Tag`, `3 Tage`; after a preposition (`vor 3 Tagen`) use `daysAfter`. */
const days = (n: number) => plural(n, ...UNIT.days);
const daysAfter = (n: number) => plural(n, 'Tag', 'Tagen');

/** `in 8 Tagen`, `heute`, `vor 5 Tagen`. */
function relative(n: number): string {
  if (n === 0) return 'heute';
  return n > 0 ? `in ${daysAfter(n)}` : `vor ${daysAfter(-n)}`;
}

/** A noun, with what the sentences around it need of its gender. */
interface Noun {
  noun: string;
  /** `einen anderen Kontakt`, `eine andere Rolle`, `ein anderes Szenario`. */
  another: string;
  /** The relative pronoun in the accusative: `Kontakt x, den …`, `Rolle x, die …`. */
  which: string;
}

const NOUN: Record<EntryKind, Noun> = {
  contact: { noun: 'Kontakt', another: 'einen anderen Kontakt', which: 'den' },
  role: { noun: 'Rolle', another: 'eine andere Rolle', which: 'die' },
  provider: { noun: 'Dienstleister', another: 'einen anderen Dienstleister', which: 'den' },
  service: { noun: 'Dienst', another: 'einen anderen Dienst', which: 'den' },
  scenario: { noun: 'Szenario', another: 'ein anderes Szenario', which: 'das' },
  access: { noun: 'Notfallzugang', another: 'einen anderen Notfallzugang', which: 'den' },
  class: { noun: 'Risikoklasse', another: 'eine andere Risikoklasse', which: 'die' },
};

/** `Rolle it-oncall`; `roles[3]` when the entry has no id. */
const entry = (e: Entry) => nameEntry(NOUN[e.kind].noun, e);

/** The phases of a scenario's measures, as the runbook heads them. */
const PHASE: Record<Part, string> = {
  prevent: 'Vorbeugen',
  respond: 'Reagieren',
  recover: 'Wiederherstellen',
};

/** Each in the accusative, as `enthält …` needs it. */
const SECRET: Record<SecretKind, string> = {
  password: 'ein Passwort',
  pin: 'eine PIN',
  login: 'Anmeldedaten mit Passwort',
  'private-key': 'einen privaten Schlüssel',
  'aws-key-id': 'eine AWS-Zugriffsschlüssel-ID',
  'aws-secret': 'einen geheimen AWS-Zugriffsschlüssel',
  'github-token': 'ein GitHub-Token',
  'gitlab-token': 'ein GitLab-Token',
  'slack-token': 'ein Slack-Token',
  'slack-webhook': 'eine Slack-Webhook-URL',
  'google-key': 'einen Google-API-Schlüssel',
  'stripe-key': 'einen geheimen Stripe-Schlüssel',
  'npm-token': 'ein npm-Token',
  'openai-key': 'einen OpenAI-API-Schlüssel',
  jwt: 'ein JSON Web Token',
  'url-password': 'ein Passwort in einer URL',
  'api-token': 'einen API-Schlüssel oder ein API-Token',
};

/** Who refers: `plan.owner`, `Szenario brand, Phase Reagieren, Schritt 2 (owner)`, … */
function referrer(from: Referrer): string {
  switch (from.at) {
    case 'plan':
      return `plan.${from.field}`;
    case 'entry': {
      const step = from.step ? `, Phase ${PHASE[from.step.part]}, Schritt ${from.step.n}` : '';
      return `${entry(from.entry)}${step} (${from.field})`;
    }
    case 'communication':
      return from.audience !== undefined
        ? `Der Eintrag für die Zielgruppe ${labels.enumLabel('aud', from.audience)} im Kommunikationsplan (${from.field})`
        : `Ein Eintrag im Kommunikationsplan (${from.field})`;
    case 'exercise':
      return `${from.date !== undefined ? `Die Übung vom ${from.date}` : 'Eine Übung'} (${from.field})`;
  }
}

const SECTION = { role: 'roles', contact: 'contacts', service: 'services', scenario: 'scenarios' } as const;

const overdue = (noun: string, p: Overdue, check: string) =>
  `${noun} ${p.id} wurde zuletzt am ${date(p.last)} geprüft (${relative(p.lastDays)}; ` +
  `Prüfintervall ${duration(p.every)}, fällig seit ${date(p.due)}): ${check}, danach ${p.command} ausführen`;

const rowName = (row: number, likelihood: number | undefined) =>
  `Zeile ${row} in riskMatrix.grid${likelihood !== undefined ? ` (Eintrittswahrscheinlichkeit ${likelihood})` : ''}`;

const thePlan = (plan: string | undefined) => (plan !== undefined ? `Plan ${plan}` : 'Der Plan');

const REVIEW_PLAN = 'plan.reviewed auf das Datum der Prüfung setzen';

export const de: Messages = {
  ruleFailed: (p) =>
    `Die Regel ${p.rule} konnte diesen Plan nicht prüfen (bitte als Fehler von bcplan melden): ${p.error}`,

  contractEnding(p) {
    const d = p.daysLeft;
    const when =
      d > 0
        ? `endet in ${daysAfter(d)} (am ${date(p.due)})`
        : d === 0
          ? `endet heute (${date(p.due)})`
          : `ist vor ${daysAfter(-d)} ausgelaufen (am ${date(p.due)})`;
    const fix =
      d >= 0
        ? 'den Vertrag verlängern oder den Exit-Plan umsetzen und die Dienste zu einem anderen Dienstleister verlagern'
        : 'falls er verlängert wurde, contractEnds auf das neue Vertragsende setzen; falls nicht, die Dienste zu einem anderen Dienstleister verlagern und den Dienstleister aus dem Plan entfernen';
    return `Der Vertrag mit dem Dienstleister ${p.provider} ${when}: ${fix}`;
  },

  deputyIsPrimary: (p) =>
    `${entry(p.role)}: ${p.primary} ist hauptverantwortlich und zugleich als Vertretung eingetragen; ` +
    'die Vertretung soll aber einspringen, wenn die hauptverantwortliche Person nicht erreichbar ist: ' +
    'unter deputies einen anderen Kontakt eintragen',

  duplicateId(p) {
    const where = p.file !== undefined ? `${p.file}, Zeile ${p.line}` : `Zeile ${p.line}`;
    return (
      `Die ID ${p.id} ist bereits an ${NOUN[p.kind].another} vergeben (${where}); IDs müssen je Eintragsart ` +
      'eindeutig sein: diesen Eintrag umbenennen oder die beiden Einträge zusammenführen'
    );
  },

  exerciseOverdue(p) {
    const risk = p.risk !== undefined ? ` (Risiko ${p.risk}, nicht akzeptabel)` : '';
    const last = p.last
      ? `wurde zuletzt am ${date(p.last.date)} geübt (${relative(p.last.lastDays)}; ` +
        `Übungsintervall ${duration(p.last.every)}, fällig seit ${date(p.last.due)})`
      : 'wurde noch nie geübt';
    return (
      `Szenario ${p.scenario}${risk} ${last}: eine Planbesprechung, Simulation oder Vollübung dazu ` +
      `durchführen und unter exercises mit scenarios: [${p.scenario}] festhalten`
    );
  },

  matrixGridRows: (p) =>
    `riskMatrix.grid hat ${plural(p.rows, 'Zeile', 'Zeilen')}, die Matrix hat aber ` +
    `${plural(p.levels, 'Stufe', 'Stufen')} der Eintrittswahrscheinlichkeit: ` +
    'je Stufe eine Zeile anlegen, die niedrigste Stufe zuerst',
  matrixGridCells: (p) =>
    `${rowName(p.row, p.likelihood)} hat ${plural(p.cells, 'Zelle', 'Zellen')}, die Matrix hat aber ` +
    `${plural(p.levels, 'Auswirkungsstufe', 'Auswirkungsstufen')}: ` +
    'für jede Auswirkungsstufe eine Klassen-ID eintragen, die niedrigste Stufe zuerst',
  matrixUnknownClass(p) {
    const fix =
      p.classes.length === 0
        ? 'zuerst Klassen unter riskMatrix.classes anlegen'
        : p.classes.length === 1
          ? `die Klasse ${p.classes[0]} eintragen`
          : `eine der Klassen ${or(p.classes)} eintragen`;
    return `${rowName(p.row, p.likelihood)} nennt in Zelle ${p.cell} die Klasse ${p.value}, die in riskMatrix.classes nicht definiert ist: ${fix}`;
  },
  matrixNoUpTo: (p) =>
    `${entry(p.class)} hat kein upTo: ohne grid braucht jede Klasse ein upTo, also den höchsten Wert, den sie abdeckt`,
  matrixNoClasses: (p) =>
    `riskMatrix.classes ist leer: Klassen anlegen, deren upTo-Werte bis ${p.highest} reichen ` +
    `(Eintrittswahrscheinlichkeit ${p.likelihood} × Auswirkung ${p.impact}), oder ein grid angeben`,
  matrixTooLow: (p) =>
    `Die Klassen in riskMatrix.classes reichen nur bis zum Wert ${p.upTo} (Klasse ${p.class}), ` +
    `der höchste Wert ist aber ${p.highest} (Eintrittswahrscheinlichkeit ${p.likelihood} × Auswirkung ${p.impact}): ` +
    `das upTo der letzten Klasse auf ${p.highest} anheben oder eine Klasse ergänzen`,

  noDeputy: (p) =>
    `${entry(p.role)}${p.title !== undefined ? ` (${p.title})` : ''} hat keine Vertretung: ` +
    'mindestens einen Kontakt unter deputies eintragen, damit jemand handeln kann, wenn ' +
    `${p.primary ?? 'die hauptverantwortliche Person'} nicht erreichbar ist`,

  orphanContact: (p) =>
    `Kontakt ${p.id}${p.name !== undefined ? ` (${p.name})` : ''} ist keiner Rolle und keinem Dienstleister ` +
    'zugeordnet: die Person bei einer Rolle unter primary oder deputies oder als Kontakt eines Dienstleisters ' +
    'eintragen, sonst den Eintrag mit seinen personenbezogenen Daten entfernen',

  planReviewOverdue: (p) =>
    `${thePlan(p.plan)} wurde zuletzt am ${date(p.last)} geprüft; die nächste Prüfung war am ${date(p.due)} fällig ` +
    `(Prüfintervall ${duration(p.every)}) und ist seit ${daysAfter(p.daysOverdue)} überfällig: den Plan mit ` +
    `${p.owner !== undefined ? `der verantwortlichen Rolle ${p.owner}` : 'den Verantwortlichen'} prüfen, ` +
    `danach ${REVIEW_PLAN}`,

  providerSameCompany: (p) =>
    `Dienst ${p.service}: Die Dienstleister ${and(p.providers)} gehören zum selben Unternehmen (${p.name}); ` +
    `eine Insolvenz, ein Streik oder ein IT-Ausfall kann ${p.providers.length === 2 ? 'beide' : 'alle'} ` +
    'zugleich lahmlegen: einen Dienstleister eines anderen Unternehmens ergänzen',
  providerSameCountry: (p) =>
    `Dienst ${p.service}: ${p.sites.length === 2 ? 'Beide' : 'Alle'} Dienstleister befinden sich im selben Land, ${p.country} ` +
    `(${p.sites.map((s) => `${s.provider} in ${s.city}`).join(', ')}); ein landesweites Ereignis ` +
    `(Streik, großflächiger Stromausfall, neues Gesetz) kann ${p.sites.length === 2 ? 'beide' : 'sie alle'} treffen: ` +
    'einen Dienstleister in einem anderen Land in Betracht ziehen',
  providerSameSite: (p) =>
    `Dienst ${p.service}: ${p.providers.length === 2 ? 'Beide' : `Alle ${p.providers.length}`} Dienstleister ` +
    `(${and(p.providers)}) befinden sich in ${p.city}, ${p.country}, sodass ein örtliches Ereignis ` +
    `(Brand, Hochwasser, Stromausfall) ${p.providers.length === 2 ? 'beide' : 'alle'} zugleich lahmlegt: ` +
    'einen Dienstleister an einem anderen Standort nutzen, am besten in einem anderen Land',

  respondExceedsRto: (p) =>
    `${entry(p.scenario)}: Die Schritte der Phase Reagieren dauern ` +
    `${p.steps.length > 1 ? `zusammen ${p.total} (${p.steps.join(' + ')})` : p.total} und damit länger als ` +
    `die Wiederanlaufzeit des Dienstes ${p.service} (rto ${p.rto}): die Schritte verkürzen oder parallel ` +
    'ausführen, sonst die rto überprüfen',

  reviewDueSoon(p) {
    const check = p.kind === 'plan' ? 'Prüfung' : 'erneuten Prüfung';
    const when = `ist ${relative(p.daysLeft)}, am ${date(p.due)}, zur ${check} fällig`;
    const since = `(zuletzt geprüft am ${date(p.last)}, Prüfintervall ${duration(p.every)})`;
    if (p.kind === 'plan') {
      return `${thePlan(p.plan)} ${when} ${since}: den Plan mit den Verantwortlichen prüfen, danach ${REVIEW_PLAN}`;
    }
    const what =
      p.kind === 'contact'
        ? 'die Kontaktdaten bestätigen'
        : 'prüfen, ob die Zugangsdaten am angegebenen Aufbewahrungsort liegen und noch funktionieren';
    return `${NOUN[p.kind].noun} ${p.id} ${when} ${since}: ${what}, danach ${p.command} ausführen`;
  },

  rtoExceedsMtpd: (p) =>
    `${entry(p.service)}: Die Wiederanlaufzeit (rto ${p.rto}) ist länger als die maximal tolerierbare ` +
    `Ausfallzeit (mtpd ${p.mtpd}); der Dienst liefe also erst wieder an, wenn der Ausfall bereits ` +
    `untragbar geworden wäre: die rto auf höchstens ${p.mtpd} verkürzen oder die mtpd korrigieren`,

  singleProvider(p) {
    const n = p.providers.length;
    const more = p.min - n;
    const need = p.explicit
      ? `, minProviders verlangt aber ${p.min}: ` +
        (more === 1
          ? 'einen weiteren Dienstleister an einem anderen Standort'
          : `${more} weitere Dienstleister an anderen Standorten`) +
        ' ergänzen oder minProviders senken'
      : `; Dienste der Kritikalität ${crit('critical')} oder ${crit('high')} brauchen mindestens ${p.min} Dienstleister an ` +
        'verschiedenen Standorten: einen zweiten Dienstleister ergänzen oder minProviders: 1 setzen, ' +
        'falls das Risiko bewusst in Kauf genommen wird';
    const level = p.criticality !== undefined ? ` (Kritikalität: ${crit(p.criticality)})` : '';
    return `Dienst ${p.service}${level} hat nur ${n} Dienstleister (${and(p.providers)})${need}`;
  },

  staleContact: (p) => overdue('Kontakt', p, 'die Kontaktdaten bestätigen'),
  staleAccess: (p) =>
    overdue(
      'Notfallzugang',
      p,
      'prüfen, ob die Zugangsdaten am angegebenen Aufbewahrungsort liegen, noch funktionieren und die ' +
        'Berechtigten darauf zugreifen können',
    ),

  unknownLevel(p) {
    const first = p.scale[0]!.level;
    const last = p.scale.at(-1)!.level;
    const levels = p.scale.map((l) => `${l.level} ${l.label}`).join(', ');
    const axis = p.axis === 'impact' ? 'Die Auswirkung' : 'Die Eintrittswahrscheinlichkeit';
    const matrix = p.defaultMatrix ? 'der Standardmatrix' : 'in riskMatrix';
    if (p.byLabel !== undefined) {
      return (
        `${entry(p.scenario)}: ${axis} ${p.value} ist die Bezeichnung einer Stufe ${matrix}, nicht ihre ` +
        `Nummer: statt der Bezeichnung die Stufe ${p.byLabel} eintragen`
      );
    }
    const fix =
      first === last
        ? `Stufe ${first} eintragen (${levels})`
        : `eine Stufe von ${first} bis ${last} eintragen (${levels})`;
    return `${entry(p.scenario)}: ${axis} ${p.value} ist keine Stufe ${matrix}: ${fix}`;
  },

  unknownReference(p) {
    const target = `${NOUN[p.kind].noun} ${p.id}`;
    const fix = p.guess
      ? `Ist ${p.guess} gemeint? Dann die ID korrigieren, sonst ${target} unter ${SECTION[p.kind]} anlegen`
      : `${target} unter ${SECTION[p.kind]} anlegen oder die ID korrigieren`;
    return `${referrer(p.from)} verweist auf ${target}, ${NOUN[p.kind].which} es im Plan nicht gibt: ${fix}`;
  },

  untreatedRisk(p) {
    const one = p.missing.length === 1;
    const phases = p.missing.map((m) => PHASE[m]);
    const steps = one
      ? `in der Phase ${phases[0]} keinen Schritt`
      : `in den Phasen ${and(phases)} keine Schritte`;
    const where = and(p.missing.map((m) => `measures.${m}`));
    return (
      `${entry(p.scenario)} ist in die Risikoklasse ${p.class} eingestuft (Eintrittswahrscheinlichkeit ` +
      `${p.likelihood}, Auswirkung ${p.impact}; nicht akzeptabel), hat aber ${steps}: ` +
      `${one ? 'einen Schritt' : 'Schritte'} unter ${where} ergänzen`
    );
  },

  verifiedInFuture(p) {
    /** In the genitive: `des Kontakts max-braun`, `des Notfallzugangs Nr. 1`. */
    const of = (noun: string) => `des ${noun} ${p.id !== undefined ? p.id : `Nr. ${p.index + 1}`}`;
    const on = date(p.date);
    const [what, fix] = {
      plan: [
        `Als Prüfdatum des Plans ist ${on} eingetragen`,
        'das Datum der letzten tatsächlich durchgeführten Prüfung eintragen',
      ],
      contact: [
        `Als Prüfdatum ${of('Kontakts')} ist ${on} eingetragen`,
        'das Datum eintragen, an dem die Kontaktdaten tatsächlich bestätigt wurden',
      ],
      access: [
        `Als Prüfdatum ${of('Notfallzugangs')} ist ${on} eingetragen`,
        'das Datum eintragen, an dem der Zugang tatsächlich geprüft wurde',
      ],
      exercise: [
        `Übung Nr. ${p.index + 1} ist auf ${on} datiert`,
        'eine Übung erst eintragen, wenn sie stattgefunden hat, und zwar mit dem Tag, an dem sie durchgeführt wurde',
      ],
    }[p.what];
    return `${what}, ${days(p.daysAhead)} nach dem heutigen Datum (${date(p.asOf)}): ${fix}`;
  },

  secretInPlan(p) {
    const place = p.isKey
      ? p.path
        ? `Der YAML-Schlüssel ${p.path}`
        : 'Ein YAML-Schlüssel auf oberster Ebene'
      : p.path
        ? `Der Wert von ${p.path}`
        : 'Das Dokument';
    return (
      `${place} enthält ${and(p.kinds.map((k) => SECRET[k]))} (${p.shown}): die Zugangsdaten entfernen und nur ` +
      'eintragen, wo sie aufbewahrt werden (z. B. vault: "Bürotresor Raum 2.14, Umschlag R-1"); die ' +
      'Zugangsdaten außerdem ändern, denn sie stehen jetzt in der Versionsgeschichte der Datei'
    );
  },
};
