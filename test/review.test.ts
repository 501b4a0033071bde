import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDate, parseDuration } from '../src/plan/dates.js';
import { buildDigest, needsAttention, reviewPlan } from '../src/review/digest.js';
import { formatDigestJson } from '../src/review/json.js';
import { formatDigestText } from '../src/review/text.js';
import { type PlanSpec, planYaml, removeTempRepos, tempRepo } from './helpers/review-fixtures.js';

afterAll(removeTempRepos);

interface DueCase {
  name: string;
  asOf: string;
  within?: string;
  /** A .bcplan.yaml beside the plan. */
  config?: string;
  spec: PlanSpec;
  /** Every listed item as `kind id state daysLeft due`, soonest first. */
  listed: string[];
}

const fresh = { bob: '2026-11-01' };

const cases: DueCase[] = [
  {
    name: 'due today (as-of equals due) is due soon, not overdue',
    asOf: '2026-11-22',
    spec: { contacts: { ann: '2025-11-22', ...fresh } },
    listed: ['contact ann due-soon 0 2026-11-22'],
  },
  {
    name: 'one day past due is overdue',
    asOf: '2026-11-22',
    spec: { contacts: { ann: '2025-11-21', ...fresh } },
    listed: ['contact ann overdue -1 2026-11-21'],
  },
  {
    name: 'far edge of the window: due in exactly 30 days is listed',
    asOf: '2026-11-22',
    spec: { contacts: { ann: '2025-12-22', ...fresh } },
    listed: ['contact ann due-soon 30 2026-12-22'],
  },
  {
    name: 'just outside the window: due in 31 days is not listed',
    asOf: '2026-11-22',
    spec: { contacts: { ann: '2025-12-23', ...fresh } },
    listed: [],
  },
  {
    name: '--within widens the window',
    asOf: '2026-11-22',
    within: 'P60D',
    spec: { contacts: { ann: '2025-12-23', ...fresh } },
    listed: ['contact ann due-soon 31 2026-12-23'],
  },
  {
    name: '--within P0D lists only what is due today or overdue',
    asOf: '2026-11-22',
    within: 'P0D',
    spec: { contacts: { ann: '2025-11-23', bob: '2025-11-22' } },
    listed: ['contact bob due-soon 0 2026-11-22'],
  },
  {
    name: 'leap day: verified 2024-02-29 falls due on 2025-02-28',
    asOf: '2025-02-28',
    spec: { reviewed: '2025-02-01', contacts: { ann: '2024-02-29', bob: '2025-02-01' } },
    listed: ['contact ann due-soon 0 2025-02-28'],
  },
  {
    name: 'leap day: one day later (2025-03-01) it is overdue',
    asOf: '2025-03-01',
    spec: { reviewed: '2025-02-01', contacts: { ann: '2024-02-29', bob: '2025-02-01' } },
    listed: ['contact ann overdue -1 2025-02-28'],
  },
  {
    name: 'leap year as-of: 2027-03-01 + P12M is 2028-03-01, 1 day after the leap day',
    asOf: '2028-02-29',
    within: 'P0D',
    spec: { reviewed: '2028-02-01', contacts: { ann: '2027-03-01', bob: '2027-02-28' } },
    listed: ['contact bob overdue -1 2028-02-28'],
  },
  {
    name: 'month end: 2026-01-31 + P1M is 2026-02-28 (staleAfter from the config)',
    asOf: '2026-02-28',
    config: 'staleAfter: P1M\n',
    within: 'P0D',
    spec: { reviewed: '2026-02-01', contacts: { ann: '2026-01-31', bob: '2026-02-27' } },
    listed: ['contact ann due-soon 0 2026-02-28'],
  },
  {
    name: 'month end: window P1M back from 2026-03-31 starts on 2026-02-28',
    asOf: '2026-02-28',
    within: 'P1M',
    spec: { reviewed: '2026-02-01', contacts: { ann: '2025-03-31', bob: '2026-02-01' } },
    listed: ['contact ann due-soon 31 2026-03-31'],
  },
  {
    name: 'month end: a day before the P1M window opens nothing is listed',
    asOf: '2026-02-27',
    within: 'P1M',
    spec: { reviewed: '2026-02-01', contacts: { ann: '2025-03-31', bob: '2026-02-01' } },
    listed: [],
  },
  {
    name: 'plan review with reviewEvery P6M, contacts and access sorted soonest first',
    asOf: '2026-11-22',
    spec: {
      reviewed: '2026-05-20',
      reviewEvery: 'P6M',
      contacts: { ann: '2025-11-01', bob: '2025-12-01' },
      access: { vault: '2025-11-25' },
    },
    listed: [
      'contact ann overdue -21 2026-11-01',
      'plan test-plan overdue -2 2026-11-20',
      'access vault due-soon 3 2026-11-25',
      'contact bob due-soon 9 2026-12-01',
    ],
  },
  {
    name: 'contract ending in 90 days is listed, in 91 days not',
    asOf: '2026-11-22',
    spec: {
      contacts: { ann: '2026-11-01', ...fresh },
      contracts: { alpha: '2027-02-20', beta: '2027-02-21' },
    },
    listed: ['contract alpha due-soon 90 2027-02-20'],
  },
  {
    name: 'a --within longer than 90 days shows contracts earlier too',
    asOf: '2026-11-22',
    within: 'P120D',
    spec: { contacts: { ann: '2026-11-01', ...fresh }, contracts: { beta: '2027-02-21' } },
    listed: ['contract beta due-soon 91 2027-02-21'],
  },
  {
    name: 'a not-acceptable scenario never exercised is overdue',
    asOf: '2026-11-22',
    spec: { contacts: { ann: '2026-11-01', ...fresh }, exercised: [] },
    listed: ['exercise fire overdue 0 2026-11-22'],
  },
  {
    name: 'an exercise 12 months ago to the day is due today',
    asOf: '2026-11-22',
    spec: { contacts: { ann: '2026-11-01', ...fresh }, exercised: ['2024-01-10', '2025-11-22'] },
    listed: ['exercise fire due-soon 0 2026-11-22'],
  },
];

function review(spec: PlanSpec, asOf: string, within?: string, config?: string) {
  const dir = tempRepo({ 'plan.yaml': planYaml(spec), ...(config ? { '.bcplan.yaml': config } : {}) });
  return reviewPlan(path.join(dir, 'plan.yaml'), {
    asOf: parseDate(asOf)!,
    ...(within ? { within: parseDuration(within)! } : {}),
  });
}

describe('review: due dates', () => {
  it.each(cases)('$name', (c) => {
    const r = review(c.spec, c.asOf, c.within, c.config);
    expect(r.note).toBeNull();
    expect(r.items.map((i) => `${i.kind} ${i.id} ${i.state} ${i.daysLeft} ${i.due}`)).toEqual(c.listed);
  });

  it('config dueWindow P7D lists 7 days ahead, and --within P10D wins over it', () => {
    const spec = { contacts: { ann: '2025-11-29', bob: '2025-12-02' } };
    expect(review(spec, '2026-11-22', undefined, 'dueWindow: P7D\n').items.map((i) => i.id)).toEqual(['ann']);
    expect(review(spec, '2026-11-22', 'P10D', 'dueWindow: P7D\n').items.map((i) => i.id)).toEqual([
      'ann',
      'bob',
    ]);
  });
});

describe('review: who and how', () => {
  it('names the responsible role, its primary by name, and the command that clears the item', () => {
    const r = review(
      { contacts: { ann: '2025-01-01', bob: '2026-11-01' }, access: { vault: '2025-01-02' } },
      '2026-11-22',
    );
    const [ann, vault] = r.items;
    expect(ann).toMatchObject({
      role: 'officer',
      roleTitle: 'Emergency officer',
      primary: 'Ann Example',
      command: `bcplan verify ${r.file} ann`,
      line: 19,
      pointer: '/contacts/0/verified',
    });
    expect(vault).toMatchObject({
      kind: 'access',
      role: 'officer',
      command: `bcplan verify ${r.file} vault`,
    });
  });

  it('points the command at the fragment where a contact is written', () => {
    const fragment =
      'bcplan: 1\ncontacts:\n  - id: carl\n    name: Carl Example\n    phone: "1"\n    verified: 2025-01-01\n';
    const dir = tempRepo({
      'plans/cc.yaml': planYaml({ imports: ['shared/contacts.yaml'] }),
      'plans/shared/contacts.yaml': fragment,
    });
    const planFile = path.join(dir, 'plans/cc.yaml');
    const digest = buildDigest([planFile, path.join(dir, 'plans/shared/contacts.yaml')], {
      asOf: parseDate('2026-11-22')!,
    });
    // The fragment is imported by the plan: it is not reviewed a second time on its own.
    expect(digest.plans.map((p) => p.file)).toEqual([planFile]);
    const carl = digest.plans[0]!.items.find((i) => i.id === 'carl')!;
    expect(carl.file).toBe(path.join(dir, 'plans/shared/contacts.yaml'));
    expect(carl.command).toBe(`bcplan verify ${path.join(dir, 'plans/shared/contacts.yaml')} carl`);
  });

  it('quotes paths with spaces in the command', () => {
    const dir = tempRepo({
      'my plans/plan.yaml': planYaml({ contacts: { ann: '2025-01-01', bob: '2026-11-01' } }),
    });
    const r = reviewPlan(path.join(dir, 'my plans/plan.yaml'), { asOf: parseDate('2026-11-22')! });
    expect(r.items[0]!.command).toBe(`bcplan verify '${path.join(dir, 'my plans/plan.yaml')}' ann`);
  });

  it('reviews a plan with errors as far as it can, with a note', () => {
    const text = planYaml({ contacts: { ann: '2025-01-01', bob: '2026-11-01' } }).replace(
      '    primary: ann',
      '    primary: ann\n    colour: blue',
    );
    const dir = tempRepo({ 'plan.yaml': text });
    const r = reviewPlan(path.join(dir, 'plan.yaml'), { asOf: parseDate('2026-11-22')! });
    expect(r.items.map((i) => i.id)).toEqual(['ann']);
    expect(r.errors).toBeGreaterThan(0);
    expect(r.note).toMatch(/error.*reviewed as far as it can be.*bcplan validate/);
  });

  it('does not count the due-date rules themselves as errors', () => {
    const r = review({ contacts: { ann: '2025-01-01', bob: '2025-01-01' } }, '2026-11-22');
    expect(r.items).toHaveLength(2);
    expect(r.errors).toBe(0);
    expect(r.note).toBeNull();
  });

  it('marks an unreadable plan', () => {
    const dir = tempRepo({ 'plan.yaml': 'bcplan: 1\nplan: [unclosed\n' });
    const r = reviewPlan(path.join(dir, 'plan.yaml'), { asOf: parseDate('2026-11-22')! });
    expect(r.readable).toBe(false);
    expect(r.note).toMatch(/^could not be read/);
  });

  it('marks a file that is no mapping of sections (a list, a bare text) unreadable: cron must not stay silent', () => {
    const dir = tempRepo({ 'list.yaml': '- bcplan: 1\n- contacts: []\n', 'text.yaml': 'bcplan 1 plan\n' });
    const digest = buildDigest(
      ['list.yaml', 'text.yaml'].map((f) => path.join(dir, f)),
      { asOf: parseDate('2026-11-22')! },
    );
    expect(digest.plans.map((p) => [p.readable, p.note?.replace(/; run .*/, '')])).toEqual([
      [
        false,
        'could not be read (line 1: the file must be a mapping of sections (`bcplan: 1`, `plan:` …), not a list)',
      ],
      [
        false,
        'could not be read (line 1: the file must be a mapping of sections (`bcplan: 1`, `plan:` …), not text)',
      ],
    ]);
    expect(needsAttention(digest)).toBe(true);
  });
});

describe('review: entries it cannot date are not dropped without a word', () => {
  const asOf = parseDate('2026-11-22')!;
  const digestOf = (files: Record<string, string>) => {
    const dir = tempRepo(files);
    return { dir, digest: buildDigest([path.join(dir, 'plan.yaml')], { asOf }) };
  };

  // Nothing else is due on 2026-11-22: without the note, cron would stay silent and exit 0.
  it.each([
    ['a malformed date', '2025-31-12', 'contact carl'],
    ['a date after as-of', '2027-11-20', 'contact carl'],
    ['no date at all', '', 'contact carl'],
  ])('a contact with %s is named, and the digest is not silent', (_, verified, named) => {
    const plan = planYaml({ contacts: { ann: '2026-11-01', bob: '2026-11-01', carl: verified } }).replace(
      '    verified: \n',
      '',
    );
    const { digest } = digestOf({ 'plan.yaml': plan });
    const [r] = digest.plans;
    expect(r!.items).toEqual([]);
    expect(r!.incomplete).toBe(true);
    expect(r!.note).toMatch(
      new RegExp(
        `^1 error in this plan: not reviewed for a missing, malformed or future date: ${named}; run`,
      ),
    );
    const text = formatDigestText(digest, { color: false });
    expect(text).toContain(
      `  note: 1 error in this plan: not reviewed for a missing, malformed or future date: ${named};`,
    );
    expect(text).toMatch(/\n1 plan not fully reviewed \(as of 2026-11-22\)\n$/);
    expect(needsAttention(digest)).toBe(true);
  });

  it('names an access entry, the plan review and a contract end it cannot date', () => {
    const plan = planYaml({
      reviewed: '2026-02-30',
      access: { vault: 'soon' },
      contracts: { acme: '2027-13-01' },
    });
    const [r] = digestOf({ 'plan.yaml': plan }).digest.plans;
    expect(r!.note).toContain(
      'not reviewed for a missing, malformed or future date: access vault, plan.reviewed, contractEnds of provider acme;',
    );
  });

  it('counts an imported file it cannot read', () => {
    const { digest } = digestOf({
      'plan.yaml': planYaml({ imports: ['shared.yaml'] }),
      'shared.yaml': 'bcplan: 1\ncontacts:\n  - id: carl\n   name: [Carl\n',
    });
    expect(digest.plans[0]!.incomplete).toBe(true);
    expect(digest.plans[0]!.note).toContain(
      'an imported file could not be read, its entries are not reviewed',
    );
    expect(formatDigestText(digest, { color: false })).not.toBe('');
  });

  it('stays silent for an error that hides no date (an unknown key)', () => {
    const plan = planYaml().replace('    primary: ann', '    primary: ann\n    colour: blue');
    const { digest } = digestOf({ 'plan.yaml': plan });
    expect(digest.plans[0]!.errors).toBe(1);
    expect(digest.plans[0]!.incomplete).toBe(false);
    expect(formatDigestText(digest, { color: false })).toBe('');
    expect(needsAttention(digest)).toBe(false);
  });
});

describe('review: text digest', () => {
  it('prints nothing when nothing is due', () => {
    const dir = tempRepo({ 'plan.yaml': planYaml() });
    const digest = buildDigest([path.join(dir, 'plan.yaml')], { asOf: parseDate('2026-11-22')! });
    expect(formatDigestText(digest, { color: false })).toBe('');
  });

  it('lists items soonest first with days overdue and days left, without colour', () => {
    const dir = tempRepo({ 'plan.yaml': planYaml({ contacts: { ann: '2025-11-01', bob: '2025-11-23' } }) });
    const file = path.join(dir, 'plan.yaml');
    const digest = buildDigest([file], { asOf: parseDate('2026-11-22')! });
    expect(formatDigestText(digest, { color: false })).toBe(
      [
        `${file}: Test plan (test-plan)`,
        '  2026-11-01  21 days overdue  contact Ann Example (ann)',
        '              responsible: officer (Emergency officer), primary Ann Example',
        `              run: bcplan verify ${file} ann`,
        '  2026-11-23  due tomorrow     contact Bob Example (bob)',
        '              responsible: officer (Emergency officer), primary Ann Example',
        `              run: bcplan verify ${file} bob`,
        '',
        '1 overdue, 1 due soon (as of 2026-11-22)',
        '',
      ].join('\n'),
    );
  });

  it('names a contract by its provider: "contract with Alpha AS (alpha)"', () => {
    const dir = tempRepo({ 'plan.yaml': planYaml({ contracts: { alpha: '2026-11-20' } }) });
    const digest = buildDigest([path.join(dir, 'plan.yaml')], { asOf: parseDate('2026-11-22')! });
    const text = formatDigestText(digest, { color: false });
    expect(text).toMatch(/ {2}2026-11-20 {2}2 days overdue {2}contract with \S.* \(alpha\)\n/);
    expect(text).not.toContain('contract ends');
  });

  it('colours only when asked', () => {
    const dir = tempRepo({ 'plan.yaml': planYaml({ contacts: { ann: '2025-11-01', bob: '2026-11-01' } }) });
    const digest = buildDigest([path.join(dir, 'plan.yaml')], { asOf: parseDate('2026-11-22')! });
    const ansi = /\u001b\[/;
    expect(formatDigestText(digest, { color: true })).toMatch(ansi);
    expect(formatDigestText(digest, { color: false })).not.toMatch(ansi);
  });
});

describe('review: JSON', () => {
  it('has the documented shape', () => {
    const dir = tempRepo({ 'plan.yaml': planYaml({ contacts: { ann: '2025-11-01', bob: '2026-11-01' } }) });
    const file = path.join(dir, 'plan.yaml');
    const json = JSON.parse(formatDigestJson(buildDigest([file], { asOf: parseDate('2026-11-22')! })));
    expect(json).toEqual({
      version: 1,
      asOf: '2026-11-22',
      plans: [
        {
          file,
          id: 'test-plan',
          title: 'Test plan',
          kind: 'plan',
          readable: true,
          imports: [],
          errors: 0,
          note: null,
          language: 'en',
          items: [
            {
              kind: 'contact',
              id: 'ann',
              label: 'Ann Example',
              state: 'overdue',
              due: '2026-11-01',
              last: '2025-11-01',
              daysLeft: -21,
              file,
              line: 19,
              pointer: '/contacts/0/verified',
              role: 'officer',
              roleTitle: 'Emergency officer',
              primary: 'Ann Example',
              command: `bcplan verify ${file} ann`,
              action: 'confirm the contact details of Ann Example, then record it',
            },
          ],
        },
      ],
      summary: { plans: 1, overdue: 1, dueSoon: 0, unreadable: 0 },
    });
  });
});
