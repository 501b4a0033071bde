// `bcplan review` words the digest, its notes and actions, and the calendar in each plan's
// language (plan.language), or in --lang.
import path from 'node:path';
import ICAL from 'ical.js';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDate } from '../src/plan/dates.js';
import type { Language } from '../src/plan/matrix.js';
import { buildDigest, digestLanguage } from '../src/review/digest.js';
import { formatDigestIcs } from '../src/review/ics.js';
import { formatDigestJson } from '../src/review/json.js';
import { formatDigestText } from '../src/review/text.js';
import { bcplan, expectOneLine } from './helpers/cli.js';
import { type PlanSpec, planYaml, removeTempRepos, tempRepo } from './helpers/review-fixtures.js';

afterAll(removeTempRepos);

const asOf = parseDate('2026-11-22')!;

/** Five due items of every kind; bob's date is malformed, so the plan also gets a note. */
const SPEC: PlanSpec = {
  reviewed: '2025-12-01',
  contacts: { ann: '2025-11-21', bob: '2025-13-45' },
  access: { 'routing-portal': '2025-12-10' },
  contracts: { alpha: '2026-11-22' },
  exercised: [],
};

/** planYaml with `plan.language` set (none: the default, English). */
function planIn(language: Language | undefined, spec: PlanSpec = SPEC): string {
  const yaml = planYaml(spec);
  return language ? yaml.replace('  organization: Example Ltd\n', `$&  language: ${language}\n`) : yaml;
}

/** The text digest of plan files (name → language) in one repository, with the folder as DIR. */
function digestOf(plans: Record<string, Language | undefined>, options: { language?: Language } = {}) {
  const files = Object.fromEntries(Object.entries(plans).map(([name, lang]) => [name, planIn(lang)]));
  const dir = tempRepo(files);
  const digest = buildDigest(
    Object.keys(plans).map((name) => path.join(dir, name)),
    { asOf, ...options },
  );
  return { digest, dir, text: formatDigestText(digest, { color: false }).replaceAll(dir, 'DIR') };
}

const EXPECTED: Record<Language, string> = {
  en: `DIR/plan.yaml: Test plan (test-plan)
  note: 1 error in this plan: not reviewed for a missing, malformed or future date: contact bob; run \`bcplan validate DIR/plan.yaml\`
  2026-11-21  1 day overdue    contact Ann Example (ann)
              responsible: officer (Emergency officer), primary Ann Example
              run: bcplan verify DIR/plan.yaml ann
  2026-11-22  never exercised  exercise Fire in the call centre (fire)
              responsible: officer (Emergency officer), primary Ann Example
              to do: exercise scenario fire, then add it to exercises in DIR/plan.yaml
  2026-11-22  due today        contract with Provider alpha (alpha)
              responsible: officer (Emergency officer), primary Ann Example
              to do: renew or replace the contract with Provider alpha, then update contractEnds in DIR/plan.yaml
  2026-12-01  due in 9 days    plan review Test plan (test-plan)
              responsible: officer (Emergency officer), primary Ann Example
              to do: review the plan, then set plan.reviewed in DIR/plan.yaml
  2026-12-10  due in 18 days   access System routing-portal (routing-portal)
              responsible: officer (Emergency officer), primary Ann Example
              run: bcplan verify DIR/plan.yaml routing-portal

2 overdue, 3 due soon, 1 plan not fully reviewed (as of 2026-11-22)
`,
  de: `DIR/plan.yaml: Test plan (test-plan)
  Hinweis: 1 Fehler in diesem Plan: wegen eines fehlenden, ungültigen oder künftigen Datums nicht geprüft: Kontakt bob; \`bcplan validate DIR/plan.yaml\` ausführen
  2026-11-21  seit 1 Tag überfällig  Kontakt Ann Example (ann)
              verantwortlich: officer (Emergency officer), hauptverantwortlich Ann Example
              ausführen: bcplan verify DIR/plan.yaml ann
  2026-11-22  noch nie geübt         Übung Fire in the call centre (fire)
              verantwortlich: officer (Emergency officer), hauptverantwortlich Ann Example
              zu tun: das Szenario fire üben, danach die Übung unter exercises in DIR/plan.yaml eintragen
  2026-11-22  heute fällig           Vertrag mit Provider alpha (alpha)
              verantwortlich: officer (Emergency officer), hauptverantwortlich Ann Example
              zu tun: den Vertrag mit Provider alpha verlängern oder ersetzen, danach contractEnds in DIR/plan.yaml anpassen
  2026-12-01  fällig in 9 Tagen      Planprüfung Test plan (test-plan)
              verantwortlich: officer (Emergency officer), hauptverantwortlich Ann Example
              zu tun: den Plan prüfen, danach plan.reviewed in DIR/plan.yaml setzen
  2026-12-10  fällig in 18 Tagen     Notfallzugang System routing-portal (routing-portal)
              verantwortlich: officer (Emergency officer), hauptverantwortlich Ann Example
              ausführen: bcplan verify DIR/plan.yaml routing-portal

2 überfällig, 3 bald fällig, 1 Plan nicht vollständig geprüft (Stand 2026-11-22)
`,
  nb: `DIR/plan.yaml: Test plan (test-plan)
  merk: 1 feil i denne planen: ikke gjennomgått på grunn av manglende, ugyldig eller fremtidig dato: kontakt bob; kjør \`bcplan validate DIR/plan.yaml\`
  2026-11-21  forfalt for 1 dag siden  kontakt Ann Example (ann)
              ansvarlig: officer (Emergency officer), hovedansvarlig Ann Example
              kjør: bcplan verify DIR/plan.yaml ann
  2026-11-22  aldri øvd                øvelse Fire in the call centre (fire)
              ansvarlig: officer (Emergency officer), hovedansvarlig Ann Example
              tiltak: øv på scenarioet fire, og registrer deretter øvelsen under exercises i DIR/plan.yaml
  2026-11-22  forfaller i dag          kontrakt med Provider alpha (alpha)
              ansvarlig: officer (Emergency officer), hovedansvarlig Ann Example
              tiltak: forny eller erstatt kontrakten med Provider alpha, og oppdater deretter contractEnds i DIR/plan.yaml
  2026-12-01  forfaller om 9 dager     gjennomgang av planen Test plan (test-plan)
              ansvarlig: officer (Emergency officer), hovedansvarlig Ann Example
              tiltak: gå gjennom planen, og sett deretter plan.reviewed i DIR/plan.yaml
  2026-12-10  forfaller om 18 dager    nødtilgang System routing-portal (routing-portal)
              ansvarlig: officer (Emergency officer), hovedansvarlig Ann Example
              kjør: bcplan verify DIR/plan.yaml routing-portal

2 forfalt, 3 forfaller snart, 1 plan ikke fullstendig gjennomgått (per 2026-11-22)
`,
  da: `DIR/plan.yaml: Test plan (test-plan)
  bemærk: 1 fejl i denne plan: ikke gennemgået på grund af en manglende, ugyldig eller fremtidig dato: kontaktperson bob; kør \`bcplan validate DIR/plan.yaml\`
  2026-11-21  forfaldt for 1 dag siden  kontaktperson Ann Example (ann)
              ansvarlig: officer (Emergency officer), primær Ann Example
              kør: bcplan verify DIR/plan.yaml ann
  2026-11-22  aldrig øvet               øvelse Fire in the call centre (fire)
              ansvarlig: officer (Emergency officer), primær Ann Example
              opgave: øv scenariet fire, og registrér derefter øvelsen under exercises i DIR/plan.yaml
  2026-11-22  forfalder i dag           kontrakt med Provider alpha (alpha)
              ansvarlig: officer (Emergency officer), primær Ann Example
              opgave: forny eller erstat kontrakten med Provider alpha, og opdatér derefter contractEnds i DIR/plan.yaml
  2026-12-01  forfalder om 9 dage       gennemgang af planen Test plan (test-plan)
              ansvarlig: officer (Emergency officer), primær Ann Example
              opgave: gennemgå planen, og sæt derefter plan.reviewed i DIR/plan.yaml
  2026-12-10  forfalder om 18 dage      nødadgang System routing-portal (routing-portal)
              ansvarlig: officer (Emergency officer), primær Ann Example
              kør: bcplan verify DIR/plan.yaml routing-portal

2 over fristen, 3 forfalder snart, 1 plan ikke fuldt gennemgået (pr. 2026-11-22)
`,
  nl: `DIR/plan.yaml: Test plan (test-plan)
  let op: 1 fout in dit plan: niet gereviewd vanwege een ontbrekende, ongeldige of toekomstige datum: contactpersoon bob; voer \`bcplan validate DIR/plan.yaml\` uit
  2026-11-21  1 dag over tijd        contactpersoon Ann Example (ann)
              verantwoordelijk: officer (Emergency officer), primair Ann Example
              uitvoeren: bcplan verify DIR/plan.yaml ann
  2026-11-22  nooit geoefend         oefening Fire in the call centre (fire)
              verantwoordelijk: officer (Emergency officer), primair Ann Example
              te doen: oefen scenario fire en voeg het daarna toe aan exercises in DIR/plan.yaml
  2026-11-22  vervalt vandaag        contract met Provider alpha (alpha)
              verantwoordelijk: officer (Emergency officer), primair Ann Example
              te doen: verleng of vervang het contract met Provider alpha en werk daarna contractEnds bij in DIR/plan.yaml
  2026-12-01  vervalt over 9 dagen   review van het plan Test plan (test-plan)
              verantwoordelijk: officer (Emergency officer), primair Ann Example
              te doen: review het plan en zet daarna plan.reviewed in DIR/plan.yaml
  2026-12-10  vervalt over 18 dagen  noodtoegang System routing-portal (routing-portal)
              verantwoordelijk: officer (Emergency officer), primair Ann Example
              uitvoeren: bcplan verify DIR/plan.yaml routing-portal

2 over tijd, 3 vervallen binnenkort, 1 plan niet volledig gereviewd (peildatum 2026-11-22)
`,
};

describe('review: the digest in the plan’s language', () => {
  for (const language of Object.keys(EXPECTED) as Language[]) {
    it(`plan.language ${language}`, () => {
      expect(digestOf({ 'plan.yaml': language }).text).toBe(EXPECTED[language]);
    });
  }

  it('a plan without plan.language is reviewed in English', () => {
    expect(digestOf({ 'plan.yaml': undefined }).text).toBe(EXPECTED.en);
  });

  it('--lang words every plan, and the summary, in one language', () => {
    expect(digestOf({ 'plan.yaml': 'de' }, { language: 'en' }).text).toBe(EXPECTED.en);
    expect(digestOf({ 'plan.yaml': 'nb' }, { language: 'nl' }).text).toBe(EXPECTED.nl);
  });

  it('the summary line is in the plans’ language when they share one, else English', () => {
    const german = digestOf({ 'a.yaml': 'de', 'b.yaml': 'de' });
    expect(german.text.trimEnd().split('\n').at(-1)).toBe(
      '4 überfällig, 6 bald fällig, 2 Pläne nicht vollständig geprüft (Stand 2026-11-22)',
    );
    const mixed = digestOf({ 'a.yaml': 'de', 'b.yaml': 'nb' });
    expect(mixed.text).toContain('  2026-11-21  seit 1 Tag überfällig  Kontakt Ann Example (ann)');
    expect(mixed.text).toContain('  2026-11-21  forfalt for 1 dag siden  kontakt Ann Example (ann)');
    expect(mixed.text.trimEnd().split('\n').at(-1)).toBe(
      '4 overdue, 6 due soon, 2 plans not fully reviewed (as of 2026-11-22)',
    );
  });

  it('a plan that cannot be read does not sway the summary, and its note is English unless --lang says', () => {
    const dir = tempRepo({ 'a.yaml': planIn('de'), 'broken.yaml': 'bcplan: 1\nplan: [\n' });
    const files = [path.join(dir, 'a.yaml'), path.join(dir, 'broken.yaml')];
    const digest = buildDigest(files, { asOf });
    expect(digestLanguage(digest)).toBe('de');
    const text = formatDigestText(digest, { color: false });
    expect(text).toMatch(
      /\n {2}note: could not be read \(line \d+: .+\); run `bcplan validate .*broken\.yaml`\n/,
    );
    expect(text).toContain('1 Plan nicht lesbar');
    const forced = formatDigestText(buildDigest(files, { asOf, language: 'nb' }), { color: false });
    expect(forced).toMatch(
      /\n {2}merk: kunne ikke leses \(linje \d+: .+\); kjør `bcplan validate .*broken\.yaml`\n/,
    );
    expect(forced).toContain('1 plan kunne ikke leses');
  });

  it('a plan with an error that may hide a date says so, without claiming any was hidden', () => {
    const yaml = planIn('de', {}).replace('  language: de\n', '  language: fr\n');
    const dir = tempRepo({ 'plan.yaml': yaml });
    const file = path.join(dir, 'plan.yaml');
    const note = (language?: Language) =>
      buildDigest([file], { asOf, ...(language ? { language } : {}) }).plans[0]!.note;
    // An unknown plan.language: the plan is reviewed in English, and the schema error noted.
    expect(note()).toBe(
      `1 error in this plan: reviewed as far as it can be, any entries with broken or future dates are left out; run \`bcplan validate ${file}\``,
    );
    expect(note('de')).toBe(
      `1 Fehler in diesem Plan: so weit wie möglich geprüft, Einträge mit fehlerhaftem oder künftigem Datum sind, falls vorhanden, ausgelassen; \`bcplan validate ${file}\` ausführen`,
    );
  });

  it('names the first five entries it could not date in the plan’s language, and counts the rest', () => {
    const contacts = Object.fromEntries(['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((id) => [id, 'soon']));
    const dir = tempRepo({ 'plan.yaml': planIn('de', { contacts }) });
    const file = path.join(dir, 'plan.yaml');
    expect(buildDigest([file], { asOf }).plans[0]!.note).toContain(
      'nicht geprüft: Kontakt a, Kontakt b, Kontakt c, Kontakt d, Kontakt e und 2 weitere;',
    );
    expect(buildDigest([file], { asOf, language: 'nl' }).plans[0]!.note).toContain(
      'datum: contactpersoon a, contactpersoon b, contactpersoon c, contactpersoon d, contactpersoon e en nog 2;',
    );
  });

  it('counts in the singular and the plural', () => {
    const late = (language: Language, verified: string) => {
      const dir = tempRepo({
        'plan.yaml': planIn(language, { contacts: { ann: verified, bob: '2026-11-01' } }),
      });
      return formatDigestText(buildDigest([path.join(dir, 'plan.yaml')], { asOf }), { color: false });
    };
    expect(late('de', '2025-10-23')).toContain('seit 30 Tagen überfällig');
    expect(late('nb', '2025-10-23')).toContain('forfalt for 30 dager siden');
    expect(late('da', '2025-10-23')).toContain('forfaldt for 30 dage siden');
    expect(late('nl', '2025-10-23')).toContain('30 dagen over tijd');
    expect(late('nl', '2025-11-23')).toContain('1 vervalt binnenkort');
    expect(late('de', '2025-11-23')).toContain('morgen fällig');
  });
});

describe('review: JSON and calendar in the plan’s language', () => {
  it('JSON says each plan’s language, and words its actions and note in it', () => {
    const { digest } = digestOf({ 'a.yaml': 'nb', 'b.yaml': undefined });
    const json = JSON.parse(formatDigestJson(digest));
    expect(json.plans.map((p: { language: string }) => p.language)).toEqual(['nb', 'en']);
    expect(json.plans[0].note).toMatch(/^1 feil i denne planen: /);
    expect(json.plans[0].items[0].action).toBe(
      'bekreft kontaktopplysningene til Ann Example, og registrer det deretter',
    );
    expect(json.plans[1].items[0].action).toBe('confirm the contact details of Ann Example, then record it');
    // The machine-readable values stay as they are.
    expect(json.plans[0].items.map((i: { state: string }) => i.state)).toContain('overdue');
  });

  it('the calendar: summaries, descriptions, reminders and its name', () => {
    const { digest, dir } = digestOf({ 'plan.yaml': 'de' });
    const ics = formatDigestIcs(digest, { stamp: new Date(Date.UTC(2026, 10, 22)) });
    const cal = new ICAL.Component(ICAL.parse(ics));
    expect(cal.getFirstPropertyValue('x-wr-calname')).toBe('Prüftermine der Notfallpläne');
    const ann = cal
      .getAllSubcomponents('vevent')
      .find((v) => String(v.getFirstPropertyValue('uid')).startsWith('contact.ann.'))!;
    expect(ann.getFirstPropertyValue('summary')).toBe('Test plan: Kontakt Ann Example bestätigen');
    expect(String(ann.getFirstPropertyValue('description')).split('\n')).toEqual([
      'Kontakt ann: fällig am 2026-11-21 (zuletzt 2025-11-21).',
      'Zu tun: die Kontaktdaten von Ann Example bestätigen, danach die Bestätigung erfassen.',
      'Verantwortlich: officer (Emergency officer), hauptverantwortlich Ann Example.',
      `Danach ausführen: bcplan verify ${path.join(dir, 'plan.yaml')} ann`,
      `Steht in ${path.join(dir, 'plan.yaml')}, Zeile 20.`,
    ]);
    expect(ann.getFirstSubcomponent('valarm')!.getFirstPropertyValue('description')).toBe(
      'Test plan: Kontakt Ann Example bestätigen in 7 Tagen (2026-11-21)',
    );
    // Categories are for filtering: they stay the kind.
    expect(ann.getFirstPropertyValue('categories')).toBe('bcplan');
    const english = formatDigestIcs(buildDigest([path.join(dir, 'plan.yaml')], { asOf, language: 'en' }), {
      stamp: new Date(Date.UTC(2026, 10, 22)),
    });
    expect(english).toContain('X-WR-CALNAME:Continuity plan reviews');
    expect(english).toContain('SUMMARY:Test plan: verify contact Ann Example');
  });
});

describe('bcplan review --lang', { timeout: 120_000 }, () => {
  it('the Norwegian example is reviewed in Norwegian, and in English with --lang en', async () => {
    const plan = 'examples/service-desk/plan.yaml';
    const nb = await bcplan(['review', plan, '--as-of', '2026-11-22']);
    expect(nb.code).toBe(0);
    expect(nb.stdout).toContain(
      '  2027-01-31  forfaller om 70 dager  kontrakt med Nordlys IT AS (nordlys)\n',
    );
    expect(nb.stdout.trimEnd().split('\n').at(-1)).toBe('1 forfaller snart (per 2026-11-22)');
    const en = await bcplan(['review', plan, '--as-of', '2026-11-22', '--lang', 'en']);
    expect(en.code).toBe(0);
    expect(en.stdout).toContain('  2027-01-31  due in 70 days  contract with Nordlys IT AS (nordlys)\n');
    expect(en.stdout.trimEnd().split('\n').at(-1)).toBe('1 due soon (as of 2026-11-22)');
  });

  it('an unknown language is a usage error: exit 2, one line', async () => {
    const r = await bcplan([
      'review',
      'examples/service-desk/plan.yaml',
      '--as-of',
      '2026-11-22',
      '--lang',
      'sv',
    ]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expectOneLine(r.stderr, /^bcplan: --lang must be one of en, de, nl, da, nb, not "sv"$/);
  });
});
