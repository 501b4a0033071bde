// The words of `bcplan review` (the digest, its notes and actions, the calendar) in each
// language a plan may be written in. The terms are the runbook's (src/render/i18n.ts) and the
// rules' messages' (src/checks/messages/); ids, YAML keys, dates and commands stay as written.
import type { DueKind } from '../plan/due.js';
import type { Language } from '../plan/matrix.js';
import { plural } from '../util/plural.js';

/** An entry the review could not date, named in a plan's note. */
export type Skipped =
  | { kind: 'contact' | 'access'; id: string }
  | { kind: 'reviewed' }
  | { kind: 'contract'; id: string };

export interface ReviewWords {
  /** Before an item's label in the digest: `contact Max Braun`, `contract with Nordlys IT AS`. */
  kind: Record<DueKind, string>;
  /** The kind as a noun before an id, in the calendar: `contact max-braun: due …`. */
  noun: Record<DueKind, string>;
  neverExercised: string;
  overdue(days: number): string;
  dueToday: string;
  dueTomorrow: string;
  dueIn(days: number): string;
  /** A heading for a reviewed fragment, which has no title. */
  fragment: string;
  note: string;
  responsible: string;
  /** After the role: `primary Jonas Weber`. */
  primary(name: string): string;
  run: string;
  toDo: string;
  summary: {
    overdue(n: number): string;
    dueSoon(n: number): string;
    unreadable(plans: number): string;
    incomplete(plans: number): string;
    asOf(date: string): string;
  };
  action: {
    contact(label: string): string;
    access(label: string): string;
    plan(file: string): string;
    exercise(scenario: string, file: string): string;
    contract(provider: string, file: string): string;
  };
  /** The parts of a plan's note, joined by `: ` and `; `. */
  notes: {
    /** `detail` is `line 3: <the parser's message>`. */
    unreadable(detail?: string): string;
    line(n: number): string;
    validate(command: string): string;
    errors(n: number): string;
    skipped(shown: string, more: number): string;
    /** A contract end that is no date: `contractEnds of provider alpha`. */
    contractEnds(provider: string): string;
    hidden: string;
    lostImport: string;
  };
  calendar: {
    name: string;
    summary: Record<DueKind, (label: string) => string>;
    due(date: string, last: string | null): string;
    toDo: string;
    responsible: string;
    whenDone: string;
    writtenIn(file: string, line: number): string;
    /** The reminder a week ahead: `<summary> in 7 days (2026-12-01)`. */
    reminder(summary: string, due: string): string;
  };
}

const en: ReviewWords = {
  kind: {
    contact: 'contact',
    access: 'access',
    plan: 'plan review',
    exercise: 'exercise',
    contract: 'contract with',
  },
  noun: { contact: 'contact', access: 'access', plan: 'plan', exercise: 'exercise', contract: 'contract' },
  neverExercised: 'never exercised',
  overdue: (n) => `${plural(n, 'day')} overdue`,
  dueToday: 'due today',
  dueTomorrow: 'due tomorrow',
  dueIn: (n) => `due in ${n} days`,
  fragment: 'contact fragment',
  note: 'note:',
  responsible: 'responsible:',
  primary: (name) => `primary ${name}`,
  run: 'run:',
  toDo: 'to do:',
  summary: {
    overdue: (n) => `${n} overdue`,
    dueSoon: (n) => `${n} due soon`,
    unreadable: (n) => `${plural(n, 'plan')} unreadable`,
    incomplete: (n) => `${plural(n, 'plan')} not fully reviewed`,
    asOf: (date) => `as of ${date}`,
  },
  action: {
    contact: (label) => `confirm the contact details of ${label}, then record it`,
    access: (label) => `check that the credential for ${label} is where the plan says, then record it`,
    plan: (file) => `review the plan, then set plan.reviewed in ${file}`,
    exercise: (id, file) => `exercise scenario ${id}, then add it to exercises in ${file}`,
    contract: (label, file) =>
      `renew or replace the contract with ${label}, then update contractEnds in ${file}`,
  },
  notes: {
    unreadable: (detail) => `could not be read${detail ? ` (${detail})` : ''}`,
    line: (n) => `line ${n}`,
    validate: (command) => `run \`${command}\``,
    errors: (n) => `${plural(n, 'error')} in this plan`,
    skipped: (shown, more) =>
      `not reviewed for a missing, malformed or future date: ${shown}${more > 0 ? ` and ${more} more` : ''}`,
    contractEnds: (id) => `contractEnds of provider ${id}`,
    hidden: 'reviewed as far as it can be, any entries with broken or future dates are left out',
    lostImport: 'an imported file could not be read, its entries are not reviewed',
  },
  calendar: {
    name: 'Continuity plan reviews',
    summary: {
      contact: (label) => `verify contact ${label}`,
      access: (label) => `verify access ${label}`,
      plan: () => 'plan review due',
      exercise: (label) => `exercise ${label}`,
      contract: (label) => `contract with ${label} ends`,
    },
    due: (date, last) => `due ${date}${last ? ` (last ${last})` : ''}`,
    toDo: 'To do:',
    responsible: 'Responsible:',
    whenDone: 'When done, run:',
    writtenIn: (file, line) => `Written in ${file} line ${line}.`,
    reminder: (summary, due) => `${summary} in 7 days (${due})`,
  },
};

/** `1 Tag`, `82 Tagen`: the dative after `seit` and `in`. */
const tagen = (n: number) => plural(n, 'Tag', 'Tagen');

const de: ReviewWords = {
  kind: {
    contact: 'Kontakt',
    access: 'Notfallzugang',
    plan: 'Planprüfung',
    exercise: 'Übung',
    contract: 'Vertrag mit',
  },
  noun: { contact: 'Kontakt', access: 'Notfallzugang', plan: 'Plan', exercise: 'Übung', contract: 'Vertrag' },
  neverExercised: 'noch nie geübt',
  overdue: (n) => `seit ${tagen(n)} überfällig`,
  dueToday: 'heute fällig',
  dueTomorrow: 'morgen fällig',
  dueIn: (n) => `fällig in ${tagen(n)}`,
  fragment: 'Kontaktfragment',
  note: 'Hinweis:',
  responsible: 'verantwortlich:',
  primary: (name) => `hauptverantwortlich ${name}`,
  run: 'ausführen:',
  toDo: 'zu tun:',
  summary: {
    overdue: (n) => `${n} überfällig`,
    dueSoon: (n) => `${n} bald fällig`,
    unreadable: (n) => `${plural(n, 'Plan', 'Pläne')} nicht lesbar`,
    incomplete: (n) => `${plural(n, 'Plan', 'Pläne')} nicht vollständig geprüft`,
    asOf: (date) => `Stand ${date}`,
  },
  action: {
    contact: (label) => `die Kontaktdaten von ${label} bestätigen, danach die Bestätigung erfassen`,
    access: (label) =>
      `prüfen, ob die Zugangsdaten für ${label} am im Plan angegebenen Aufbewahrungsort liegen, danach die Prüfung erfassen`,
    plan: (file) => `den Plan prüfen, danach plan.reviewed in ${file} setzen`,
    exercise: (id, file) => `das Szenario ${id} üben, danach die Übung unter exercises in ${file} eintragen`,
    contract: (label, file) =>
      `den Vertrag mit ${label} verlängern oder ersetzen, danach contractEnds in ${file} anpassen`,
  },
  notes: {
    unreadable: (detail) => `konnte nicht gelesen werden${detail ? ` (${detail})` : ''}`,
    line: (n) => `Zeile ${n}`,
    validate: (command) => `\`${command}\` ausführen`,
    errors: (n) => `${n} Fehler in diesem Plan`,
    skipped: (shown, more) =>
      `wegen eines fehlenden, ungültigen oder künftigen Datums nicht geprüft: ${shown}${more > 0 ? ` und ${more} weitere` : ''}`,
    contractEnds: (id) => `contractEnds des Dienstleisters ${id}`,
    hidden:
      'so weit wie möglich geprüft, Einträge mit fehlerhaftem oder künftigem Datum sind, falls vorhanden, ausgelassen',
    lostImport: 'eine importierte Datei konnte nicht gelesen werden, ihre Einträge sind nicht geprüft',
  },
  calendar: {
    name: 'Prüftermine der Notfallpläne',
    summary: {
      contact: (label) => `Kontakt ${label} bestätigen`,
      access: (label) => `Notfallzugang ${label} prüfen`,
      plan: () => 'Planprüfung fällig',
      exercise: (label) => `Übung ${label}`,
      contract: (label) => `Vertrag mit ${label} endet`,
    },
    due: (date, last) => `fällig am ${date}${last ? ` (zuletzt ${last})` : ''}`,
    toDo: 'Zu tun:',
    responsible: 'Verantwortlich:',
    whenDone: 'Danach ausführen:',
    writtenIn: (file, line) => `Steht in ${file}, Zeile ${line}.`,
    reminder: (summary, due) => `${summary} in 7 Tagen (${due})`,
  },
};

const nb: ReviewWords = {
  kind: {
    contact: 'kontakt',
    access: 'nødtilgang',
    plan: 'gjennomgang av planen',
    exercise: 'øvelse',
    contract: 'kontrakt med',
  },
  noun: { contact: 'kontakt', access: 'nødtilgang', plan: 'plan', exercise: 'øvelse', contract: 'kontrakt' },
  neverExercised: 'aldri øvd',
  overdue: (n) => `forfalt for ${plural(n, 'dag', 'dager')} siden`,
  dueToday: 'forfaller i dag',
  dueTomorrow: 'forfaller i morgen',
  dueIn: (n) => `forfaller om ${n} dager`,
  fragment: 'kontaktfragment',
  note: 'merk:',
  responsible: 'ansvarlig:',
  primary: (name) => `hovedansvarlig ${name}`,
  run: 'kjør:',
  toDo: 'tiltak:',
  summary: {
    overdue: (n) => `${n} forfalt`,
    dueSoon: (n) => `${n} forfaller snart`,
    unreadable: (n) => `${plural(n, 'plan', 'planer')} kunne ikke leses`,
    incomplete: (n) => `${plural(n, 'plan', 'planer')} ikke fullstendig gjennomgått`,
    asOf: (date) => `per ${date}`,
  },
  action: {
    contact: (label) => `bekreft kontaktopplysningene til ${label}, og registrer det deretter`,
    access: (label) =>
      `kontroller at tilgangen for ${label} oppbevares der planen sier, og registrer det deretter`,
    plan: (file) => `gå gjennom planen, og sett deretter plan.reviewed i ${file}`,
    exercise: (id, file) => `øv på scenarioet ${id}, og registrer deretter øvelsen under exercises i ${file}`,
    contract: (label, file) =>
      `forny eller erstatt kontrakten med ${label}, og oppdater deretter contractEnds i ${file}`,
  },
  notes: {
    unreadable: (detail) => `kunne ikke leses${detail ? ` (${detail})` : ''}`,
    line: (n) => `linje ${n}`,
    validate: (command) => `kjør \`${command}\``,
    errors: (n) => `${n} feil i denne planen`,
    skipped: (shown, more) =>
      `ikke gjennomgått på grunn av manglende, ugyldig eller fremtidig dato: ${shown}${more > 0 ? ` og ${more} til` : ''}`,
    contractEnds: (id) => `contractEnds for leverandøren ${id}`,
    hidden:
      'gjennomgått så langt det går, eventuelle oppføringer med ugyldige eller fremtidige datoer er utelatt',
    lostImport: 'en importert fil kunne ikke leses, oppføringene i den er ikke gjennomgått',
  },
  calendar: {
    name: 'Gjennomganger av beredskapsplaner',
    summary: {
      contact: (label) => `bekreft kontakt ${label}`,
      access: (label) => `kontroller nødtilgang ${label}`,
      plan: () => 'gjennomgang av planen forfaller',
      exercise: (label) => `øvelse ${label}`,
      contract: (label) => `kontrakten med ${label} utløper`,
    },
    due: (date, last) => `forfaller ${date}${last ? ` (sist ${last})` : ''}`,
    toDo: 'Tiltak:',
    responsible: 'Ansvarlig:',
    whenDone: 'Kjør deretter:',
    writtenIn: (file, line) => `Står i ${file}, linje ${line}.`,
    reminder: (summary, due) => `${summary} om 7 dager (${due})`,
  },
};

const da: ReviewWords = {
  kind: {
    contact: 'kontaktperson',
    access: 'nødadgang',
    plan: 'gennemgang af planen',
    exercise: 'øvelse',
    contract: 'kontrakt med',
  },
  noun: {
    contact: 'kontaktperson',
    access: 'nødadgang',
    plan: 'plan',
    exercise: 'øvelse',
    contract: 'kontrakt',
  },
  neverExercised: 'aldrig øvet',
  overdue: (n) => `forfaldt for ${plural(n, 'dag', 'dage')} siden`,
  dueToday: 'forfalder i dag',
  dueTomorrow: 'forfalder i morgen',
  dueIn: (n) => `forfalder om ${n} dage`,
  fragment: 'kontaktfragment',
  note: 'bemærk:',
  responsible: 'ansvarlig:',
  primary: (name) => `primær ${name}`,
  run: 'kør:',
  toDo: 'opgave:',
  summary: {
    overdue: (n) => `${n} over fristen`,
    dueSoon: (n) => `${n} forfalder snart`,
    unreadable: (n) => `${plural(n, 'plan', 'planer')} kunne ikke læses`,
    incomplete: (n) => `${plural(n, 'plan', 'planer')} ikke fuldt gennemgået`,
    asOf: (date) => `pr. ${date}`,
  },
  action: {
    contact: (label) => `bekræft kontaktoplysningerne for ${label}, og registrér det bagefter`,
    access: (label) =>
      `kontrollér, at adgangsoplysningerne til ${label} ligger dér, hvor planen angiver, og registrér det bagefter`,
    plan: (file) => `gennemgå planen, og sæt derefter plan.reviewed i ${file}`,
    exercise: (id, file) => `øv scenariet ${id}, og registrér derefter øvelsen under exercises i ${file}`,
    contract: (label, file) =>
      `forny eller erstat kontrakten med ${label}, og opdatér derefter contractEnds i ${file}`,
  },
  notes: {
    unreadable: (detail) => `kunne ikke læses${detail ? ` (${detail})` : ''}`,
    line: (n) => `linje ${n}`,
    validate: (command) => `kør \`${command}\``,
    errors: (n) => `${n} fejl i denne plan`,
    skipped: (shown, more) =>
      `ikke gennemgået på grund af en manglende, ugyldig eller fremtidig dato: ${shown}${more > 0 ? ` og ${more} til` : ''}`,
    contractEnds: (id) => `contractEnds for leverandøren ${id}`,
    hidden: 'gennemgået så vidt muligt, eventuelle poster med ugyldige eller fremtidige datoer er udeladt',
    lostImport: 'en importeret fil kunne ikke læses, dens poster er ikke gennemgået',
  },
  calendar: {
    name: 'Gennemgang af beredskabsplaner',
    summary: {
      contact: (label) => `bekræft kontaktperson ${label}`,
      access: (label) => `kontrollér nødadgang ${label}`,
      plan: () => 'gennemgang af planen forfalder',
      exercise: (label) => `øvelse ${label}`,
      contract: (label) => `kontrakten med ${label} udløber`,
    },
    due: (date, last) => `forfalder ${date}${last ? ` (sidst ${last})` : ''}`,
    toDo: 'Opgave:',
    responsible: 'Ansvarlig:',
    whenDone: 'Kør derefter:',
    writtenIn: (file, line) => `Står i ${file}, linje ${line}.`,
    reminder: (summary, due) => `${summary} om 7 dage (${due})`,
  },
};

const nl: ReviewWords = {
  kind: {
    contact: 'contactpersoon',
    access: 'noodtoegang',
    plan: 'review van het plan',
    exercise: 'oefening',
    contract: 'contract met',
  },
  noun: {
    contact: 'contactpersoon',
    access: 'noodtoegang',
    plan: 'plan',
    exercise: 'oefening',
    contract: 'contract',
  },
  neverExercised: 'nooit geoefend',
  overdue: (n) => `${plural(n, 'dag', 'dagen')} over tijd`,
  dueToday: 'vervalt vandaag',
  dueTomorrow: 'vervalt morgen',
  dueIn: (n) => `vervalt over ${n} dagen`,
  fragment: 'contactfragment',
  note: 'let op:',
  responsible: 'verantwoordelijk:',
  primary: (name) => `primair ${name}`,
  run: 'uitvoeren:',
  toDo: 'te doen:',
  summary: {
    overdue: (n) => `${n} over tijd`,
    dueSoon: (n) => `${n} ${n === 1 ? 'vervalt' : 'vervallen'} binnenkort`,
    unreadable: (n) => `${plural(n, 'plan', 'plannen')} onleesbaar`,
    incomplete: (n) => `${plural(n, 'plan', 'plannen')} niet volledig gereviewd`,
    asOf: (date) => `peildatum ${date}`,
  },
  action: {
    contact: (label) => `bevestig de contactgegevens van ${label} en leg dat daarna vast`,
    access: (label) =>
      `controleer of de toegangsgegevens voor ${label} liggen waar het plan aangeeft en leg dat daarna vast`,
    plan: (file) => `review het plan en zet daarna plan.reviewed in ${file}`,
    exercise: (id, file) => `oefen scenario ${id} en voeg het daarna toe aan exercises in ${file}`,
    contract: (label, file) =>
      `verleng of vervang het contract met ${label} en werk daarna contractEnds bij in ${file}`,
  },
  notes: {
    unreadable: (detail) => `kon niet worden gelezen${detail ? ` (${detail})` : ''}`,
    line: (n) => `regel ${n}`,
    validate: (command) => `voer \`${command}\` uit`,
    errors: (n) => `${plural(n, 'fout', 'fouten')} in dit plan`,
    skipped: (shown, more) =>
      `niet gereviewd vanwege een ontbrekende, ongeldige of toekomstige datum: ${shown}${more > 0 ? ` en nog ${more}` : ''}`,
    contractEnds: (id) => `contractEnds van leverancier ${id}`,
    hidden:
      'voor zover mogelijk gereviewd, eventuele vermeldingen met ongeldige of toekomstige datums zijn weggelaten',
    lostImport:
      'een geïmporteerd bestand kon niet worden gelezen, de vermeldingen daarin zijn niet gereviewd',
  },
  calendar: {
    name: 'Reviews van continuïteitsplannen',
    summary: {
      contact: (label) => `contactpersoon ${label} bevestigen`,
      access: (label) => `noodtoegang ${label} controleren`,
      plan: () => 'review van het plan vervalt',
      exercise: (label) => `oefening ${label}`,
      contract: (label) => `contract met ${label} loopt af`,
    },
    due: (date, last) => `vervalt ${date}${last ? ` (laatst ${last})` : ''}`,
    toDo: 'Te doen:',
    responsible: 'Verantwoordelijk:',
    whenDone: 'Daarna uitvoeren:',
    writtenIn: (file, line) => `Staat in ${file}, regel ${line}.`,
    reminder: (summary, due) => `${summary} over 7 dagen (${due})`,
  },
};

/** An entry the review could not date, as a note names it: `contact bob`, `plan.reviewed`. */
export function skippedText(w: ReviewWords, e: Skipped): string {
  if (e.kind === 'reviewed') return 'plan.reviewed';
  if (e.kind === 'contract') return w.notes.contractEnds(e.id);
  return `${w.noun[e.kind]} ${e.id}`;
}

/** Who clears an item: `continuity-manager (BCM-Verantwortlicher), primary Jonas Weber`. */
export function responsibleText(
  w: ReviewWords,
  role: string,
  item: { roleTitle: string | null; primary: string | null },
): string {
  const title = item.roleTitle ? ` (${item.roleTitle})` : '';
  const primary = item.primary ? `, ${w.primary(item.primary)}` : '';
  return `${role}${title}${primary}`;
}

export const REVIEW_WORDS: Record<Language, ReviewWords> = { en, de, nb, da, nl };
