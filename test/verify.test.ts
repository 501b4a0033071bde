import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { verify } from '../src/cli/commands/verify.js';
import { LoadError } from '../src/errors.js';
import { bcplan } from './helpers/cli.js';
import { planYaml, removeTempRepos, tempRepo } from './helpers/review-fixtures.js';

afterAll(removeTempRepos);

/** The built CLI as cron would run it: nothing inherited but PATH. */
const run = (args: string[], cwd: string) => bcplan(args, { cwd, cron: true });

const HEAD = ['# Contact fragment: checked every year', 'bcplan: 1', '', 'contacts:'].join('\n');

interface RoundTrip {
  name: string;
  /** The file before (a fragment named contacts.yaml). */
  before: string | Buffer;
  ids: string[];
  /** Exactly the file after. */
  after: string | Buffer;
  /** The change lines printed. */
  printed: string[];
}

const CRLF = (s: string) => s.replace(/\n/g, '\r\n');
const BOM = '\uFEFF';

const roundTrips: RoundTrip[] = [
  {
    name: 'comments, blank lines and key order stay; only the date changes',
    before: `${HEAD}\n  # the officer\n  - id: ann   # primary\n    name: Ann Example\n\n    verified: 2025-09-01    # by phone\n    phone: "+1 555 0100"  # desk\n  - id: bob\n    name: Bob Example\n    email: bob@example.com\n    verified: 2025-01-01\n# end\n`,
    ids: ['ann'],
    after: `${HEAD}\n  # the officer\n  - id: ann   # primary\n    name: Ann Example\n\n    verified: 2026-11-25    # by phone\n    phone: "+1 555 0100"  # desk\n  - id: bob\n    name: Bob Example\n    email: bob@example.com\n    verified: 2025-01-01\n# end\n`,
    printed: ['contacts/ann verified 2025-09-01 → 2026-11-25 in contacts.yaml'],
  },
  {
    name: 'flow style entries',
    before: `${HEAD}\n  - { id: ann, name: Ann Example, phone: "1", verified: 2025-01-01 }\n  - {id: bob, name: Bob, email: b@example.com, verified: 2025-01-01}\n`,
    ids: ['ann', 'bob'],
    after: `${HEAD}\n  - { id: ann, name: Ann Example, phone: "1", verified: 2026-11-25 }\n  - {id: bob, name: Bob, email: b@example.com, verified: 2026-11-25}\n`,
    printed: [
      'contacts/ann verified 2025-01-01 → 2026-11-25 in contacts.yaml',
      'contacts/bob verified 2025-01-01 → 2026-11-25 in contacts.yaml',
    ],
  },
  {
    name: 'quoted dates keep their quotes',
    before: `${HEAD}\n  - id: ann\n    name: Ann\n    phone: "1"\n    verified: "2025-01-01"\n  - id: bob\n    name: Bob\n    phone: "2"\n    verified: '2025-01-02'\n`,
    ids: ['ann', 'bob'],
    after: `${HEAD}\n  - id: ann\n    name: Ann\n    phone: "1"\n    verified: "2026-11-25"\n  - id: bob\n    name: Bob\n    phone: "2"\n    verified: '2026-11-25'\n`,
    printed: [
      'contacts/ann verified 2025-01-01 → 2026-11-25 in contacts.yaml',
      'contacts/bob verified 2025-01-02 → 2026-11-25 in contacts.yaml',
    ],
  },
  {
    name: 'CRLF line endings and a BOM',
    before: BOM + CRLF(`${HEAD}\n  - id: ann\n    name: Ann\n    phone: "1"\n    verified: 2025-01-01 # x\n`),
    ids: ['ann'],
    after: BOM + CRLF(`${HEAD}\n  - id: ann\n    name: Ann\n    phone: "1"\n    verified: 2026-11-25 # x\n`),
    printed: ['contacts/ann verified 2025-01-01 → 2026-11-25 in contacts.yaml'],
  },
  {
    name: 'a missing verified line is added with the entry’s indentation (CRLF kept)',
    before: CRLF(
      `${HEAD}\n  - id: ann\n    name: Ann\n    phone: "1"  # desk\n  - id: bob\n    name: Bob\n    phone: "2"\n    verified: 2025-01-01\n`,
    ),
    ids: ['ann'],
    after: CRLF(
      `${HEAD}\n  - id: ann\n    name: Ann\n    phone: "1"  # desk\n    verified: 2026-11-25\n  - id: bob\n    name: Bob\n    phone: "2"\n    verified: 2025-01-01\n`,
    ),
    printed: ['contacts/ann verified (none) → 2026-11-25 in contacts.yaml'],
  },
  {
    name: 'a missing verified at the end of a file without a final newline',
    before: `${HEAD}\n    - id: ann\n      name: Ann\n      phone: "1"`,
    ids: ['ann'],
    after: `${HEAD}\n    - id: ann\n      name: Ann\n      phone: "1"\n      verified: 2026-11-25`,
    printed: ['contacts/ann verified (none) → 2026-11-25 in contacts.yaml'],
  },
  {
    name: 'a missing verified in a flow entry, and an empty verified',
    before: `${HEAD}\n  - { id: ann, name: Ann, phone: "1" }\n  - id: bob\n    name: Bob\n    phone: "2"\n    verified:\n`,
    ids: ['ann', 'bob'],
    after: `${HEAD}\n  - { id: ann, name: Ann, phone: "1", verified: 2026-11-25 }\n  - id: bob\n    name: Bob\n    phone: "2"\n    verified: 2026-11-25\n`,
    printed: [
      'contacts/ann verified (none) → 2026-11-25 in contacts.yaml',
      'contacts/bob verified (none) → 2026-11-25 in contacts.yaml',
    ],
  },
  {
    name: 'anchors and aliases elsewhere stay; an aliased date becomes this entry’s own',
    before: `${HEAD}\n  - id: ann\n    name: &n Ann\n    phone: "1"\n    verified: &checked 2025-01-01\n  - id: bob\n    name: *n\n    phone: "2"\n    verified: *checked\naccess:\n  - id: vault\n    system: Vault\n    vault: Safe\n    holders: &h [officer]\n    verified: 2025-03-03\n`,
    ids: ['bob', 'access/vault'],
    after: `${HEAD}\n  - id: ann\n    name: &n Ann\n    phone: "1"\n    verified: &checked 2025-01-01\n  - id: bob\n    name: *n\n    phone: "2"\n    verified: 2026-11-25\naccess:\n  - id: vault\n    system: Vault\n    vault: Safe\n    holders: &h [officer]\n    verified: 2026-11-25\n`,
    printed: [
      'contacts/bob verified 2025-01-01 → 2026-11-25 in contacts.yaml',
      'access/vault verified 2025-03-03 → 2026-11-25 in contacts.yaml',
    ],
  },
  {
    name: 'an anchored date verified together with all its aliases keeps the anchor',
    before: `${HEAD}\n  - id: ann\n    name: Ann\n    phone: "1"\n    verified: &checked 2025-01-01\n  - id: bob\n    name: Bob\n    phone: "2"\n    verified: *checked\n`,
    ids: ['ann', 'bob'],
    after: `${HEAD}\n  - id: ann\n    name: Ann\n    phone: "1"\n    verified: &checked 2026-11-25\n  - id: bob\n    name: Bob\n    phone: "2"\n    verified: 2026-11-25\n`,
    printed: [
      'contacts/ann verified 2025-01-01 → 2026-11-25 in contacts.yaml',
      'contacts/bob verified 2025-01-01 → 2026-11-25 in contacts.yaml',
    ],
  },
];

const bytes = (s: string | Buffer) => (typeof s === 'string' ? Buffer.from(s, 'utf8') : s);

describe('bcplan verify: byte-level round trips', () => {
  it.each(roundTrips)('$name', async (c) => {
    const dir = tempRepo({ 'contacts.yaml': bytes(c.before) });
    const r = await run(
      ['verify', 'contacts.yaml', ...c.ids, '--date', '2026-11-25', '--as-of', '2026-11-25'],
      dir,
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(c.printed.map((l) => `${l}\n`).join(''));
    expect(readFileSync(path.join(dir, 'contacts.yaml')).toString('utf8')).toBe(
      bytes(c.after).toString('utf8'),
    );
    expect(readFileSync(path.join(dir, 'contacts.yaml')).equals(bytes(c.after))).toBe(true);
    // No temp file left behind by the atomic write.
    expect(readdirSync(dir).sort()).toEqual(['.git', 'contacts.yaml']);
  });
});

describe('bcplan verify: plans and fragments', () => {
  const fragment =
    'bcplan: 1\ncontacts:\n  - id: carl # shared\n    name: Carl Example\n    phone: "1"\n    verified: 2025-01-01\n';

  it('writes into the imported fragment where the contact is, leaving the plan alone', async () => {
    const plan = planYaml({ imports: ['shared/contacts.yaml'] });
    const dir = tempRepo({ 'plans/cc.yaml': plan, 'plans/shared/contacts.yaml': fragment });
    const r = await run(['verify', 'plans/cc.yaml', 'carl', 'ann', '--as-of', '2026-11-25'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        'contacts/carl verified 2025-01-01 → 2026-11-25 in plans/shared/contacts.yaml',
        'contacts/ann verified 2026-11-01 → 2026-11-25 in plans/cc.yaml',
        '',
      ].join('\n'),
    );
    expect(readFileSync(path.join(dir, 'plans/shared/contacts.yaml'), 'utf8')).toBe(
      fragment.replace('2025-01-01', '2026-11-25'),
    );
    expect(readFileSync(path.join(dir, 'plans/cc.yaml'), 'utf8')).toBe(
      plan.replace('verified: 2026-11-01\n  - id: bob', 'verified: 2026-11-25\n  - id: bob'),
    );
  });

  it('shows a control character in a file name escaped, on one line', async () => {
    const dir = tempRepo({ 'plans/c\u001b[2Jc.yaml': fragment });
    const r = await run(['verify', 'plans/c\u001b[2Jc.yaml', 'carl', '--as-of', '2026-11-25'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('contacts/carl verified 2025-01-01 → 2026-11-25 in plans/c\\u001B[2Jc.yaml\n');
  });

  it('takes a fragment as PLAN', async () => {
    const dir = tempRepo({ 'contacts.yaml': fragment });
    const r = await run(
      ['verify', 'contacts.yaml', 'carl', '--date', '2026-10-01', '--as-of', '2026-11-25'],
      dir,
    );
    expect(r.code).toBe(0);
    expect(readFileSync(path.join(dir, 'contacts.yaml'), 'utf8')).toBe(
      fragment.replace('2025-01-01', '2026-10-01'),
    );
  });

  it('says so when an entry is already verified on that date', async () => {
    const dir = tempRepo({ 'contacts.yaml': fragment });
    const r = await run(['verify', 'contacts.yaml', 'carl', '--as-of', '2025-01-01'], dir);
    expect(r).toMatchObject({
      code: 0,
      stdout: 'contacts/carl already verified 2025-01-01 in contacts.yaml\n',
    });
    expect(readFileSync(path.join(dir, 'contacts.yaml'), 'utf8')).toBe(fragment);
  });
});

describe('bcplan verify: errors write nothing', () => {
  const text = `${HEAD}\n  - id: ann\n    name: Ann\n    phone: "1"\n    verified: &checked 2025-01-01\n  - id: bob\n    name: Bob\n    phone: "2"\n    verified: *checked\naccess:\n  - id: ann\n    system: S\n    vault: V\n    holders: [x]\n    verified: 2025-01-01\n`;

  it.each([
    [['contacts/ann', 'nobody'], /no contact or access entry "nobody" in contacts\.yaml/],
    [['ann'], /ann is both a contact and an access entry: write contacts\/ann or access\/ann/],
    [['contacts/ann'], /anchored \(&checked\) and shared by 1 other entry/],
    [['bob', '--date', '2026-13-01'], /--date must be a date like/],
    [['bob', '--date', '2026-11-26'], /--date 2026-11-26 is after today/],
    [[], /name the contact or access ids to verify, or use --all-due/],
    [['--all-due'], /--all-due asks for confirmation: run it on a terminal, or add --yes/],
  ])('%j', async (args, message) => {
    const dir = tempRepo({ 'contacts.yaml': text });
    const r = await run(['verify', 'contacts.yaml', ...args, '--as-of', '2026-11-25'], dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(readFileSync(path.join(dir, 'contacts.yaml'), 'utf8')).toBe(text);
  });

  it('refuses a plan that does not exist or is not YAML, naming the line', async () => {
    const dir = tempRepo({ 'broken.yaml': 'bcplan: 1\ncontacts:\n  - id: ann\n    name: [Ann\n' });
    expect((await run(['verify', 'missing.yaml', 'ann'], dir)).code).toBe(2);
    const r = await run(['verify', 'broken.yaml', 'ann'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^bcplan: cannot read broken\.yaml:5:1: Flow sequence/); // where validate puts it
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('names a missing file or a folder as the other commands do, and sends a broken one to validate', async () => {
    // The command itself (src), so this holds before dist is rebuilt; the CLI maps LoadError to exit 2.
    const dir = tempRepo({ 'broken.yaml': 'bcplan: 1\ncontacts:\n  - id: ann\n    name: [Ann\n' });
    const at = (name: string) => path.join(dir, name);
    await expect(verify(at('missing.yaml'), ['ann'], {})).rejects.toThrow(
      new LoadError(`cannot read ${at('missing.yaml')}: the file does not exist`),
    );
    await expect(verify(dir, ['ann'], {})).rejects.toThrow(
      new LoadError(`cannot read ${dir}: it is not a file`),
    );
    await expect(verify(at('broken.yaml'), ['ann'], {})).rejects.toThrow(
      /^cannot read .*broken\.yaml:5:1: Flow sequence.*; run bcplan validate .*broken\.yaml for every problem$/,
    );
  });

  it('checks every file before writing any', async () => {
    const fragment = `bcplan: 1\ncontacts:\n  - id: carl\n    name: Carl\n    phone: "1"\n    verified: 2025-01-01\n`;
    const dir = tempRepo({
      'plan.yaml': planYaml({ imports: ['contacts.yaml'] }),
      'contacts.yaml': fragment,
    });
    const before = readFileSync(path.join(dir, 'plan.yaml'), 'utf8');
    const r = await run(['verify', 'plan.yaml', 'ann', 'carl', 'zed', '--as-of', '2026-11-25'], dir);
    expect(r.code).toBe(2);
    expect(readFileSync(path.join(dir, 'plan.yaml'), 'utf8')).toBe(before);
    expect(readFileSync(path.join(dir, 'contacts.yaml'), 'utf8')).toBe(fragment);
  });
});

describe('bcplan verify --all-due', () => {
  it('with --yes verifies every stale or due contact and access entry, and nothing else', async () => {
    const plan = planYaml({
      contacts: { ann: '2025-11-01', bob: '2026-06-01' },
      access: { vault: '2025-12-10', safe: '2026-05-01' },
    });
    const dir = tempRepo({ 'plan.yaml': plan });
    const r = await run(['verify', 'plan.yaml', '--all-due', '--yes', '--as-of', '2026-11-25'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        'contacts/ann verified 2025-11-01 → 2026-11-25 in plan.yaml',
        'access/vault verified 2025-12-10 → 2026-11-25 in plan.yaml',
        '',
      ].join('\n'),
    );
    expect(readFileSync(path.join(dir, 'plan.yaml'), 'utf8')).toBe(
      plan
        .replace('verified: 2025-11-01', 'verified: 2026-11-25')
        .replace('verified: 2025-12-10', 'verified: 2026-11-25'),
    );
  });

  it('says when nothing is due', async () => {
    const dir = tempRepo({ 'plan.yaml': planYaml() });
    const r = await run(['verify', 'plan.yaml', '--all-due', '--yes', '--as-of', '2026-11-25'], dir);
    expect(r).toMatchObject({ code: 0, stdout: 'nothing is due in plan.yaml (as of 2026-11-25)\n' });
  });
});
