import {
  chmodSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bcplan, bcplanUnprivileged, canDropRoot, expectOneLine, ROOT } from './helpers/cli.js';
import { planYaml } from './helpers/review-fixtures.js';

// Bugs found by an audit of review, validate and the CLI's option parsing; each test failed
// before its fix. End to end through the built bin/bcplan.js.
const AS_OF = ['--as-of', '2026-11-22'];
const SLOW = 60_000;
const tmp = mkdtempSync(path.join(os.tmpdir(), 'bcplan-audit-review-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const SERVICE_DESK = path.join(ROOT, 'examples/service-desk/plan.yaml');

const uids = (ics: string) => [...ics.matchAll(/^UID:(.*)\r$/gm)].map((m) => m[1]!);

describe('review --format ics', { timeout: SLOW }, () => {
  it('keeps every event of two plans that share a plan id, with UIDs stable as plans are added', async () => {
    const repo = path.join(tmp, 'ics');
    mkdirSync(path.join(repo, '.git'), { recursive: true });
    mkdirSync(path.join(repo, 'plans'));
    copyFileSync(SERVICE_DESK, path.join(repo, 'plans/a.yaml'));
    copyFileSync(SERVICE_DESK, path.join(repo, 'plans/b.yaml'));
    const ics = ['--format', 'ics', ...AS_OF];

    const one = await bcplan(['review', 'plans/a.yaml', ...ics], { cwd: repo });
    const both = await bcplan(['review', 'plans/a.yaml', 'plans/b.yaml', ...ics], { cwd: repo });
    const a = uids(one.stdout);
    const ab = uids(both.stdout);
    expect(a.length).toBeGreaterThan(10);
    expect(ab).toHaveLength(2 * a.length);
    expect(new Set(ab).size).toBe(ab.length);
    // Adding b does not change a's UIDs, and neither does another folder or way to name a.
    for (const uid of a) expect(ab).toContain(uid);
    const fromSub = await bcplan(['review', path.join(repo, 'plans/a.yaml'), ...ics], {
      cwd: path.join(repo, 'plans'),
    });
    expect(uids(fromSub.stdout)).toEqual(a);
    const again = await bcplan(['review', './plans/a.yaml', ...ics], { cwd: repo });
    expect(uids(again.stdout)).toEqual(a);
  });
});

describe('review text digest', { timeout: SLOW }, () => {
  it('shows control characters and line breaks of plan text escaped, never raw', async () => {
    const dir = path.join(tmp, 'escape');
    mkdirSync(path.join(dir, '.git'), { recursive: true });
    const plan = planYaml({ contacts: { ann: '2025-01-01', bob: '2026-11-01' } })
      .replace('title: Test plan', 'title: "T\\e]0;pwned\\aitle"')
      .replace('title: Emergency officer', 'title: "Off\\r\\nicer\\e[2J"')
      .replace('name: Ann Example', 'name: "B\\e[31mRED\\nsecond"');
    writeFileSync(path.join(dir, 'plan.yaml'), plan);
    const r = await bcplan(['review', 'plan.yaml', '--no-color', ...AS_OF], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/);
    expect(r.stdout).toContain('plan.yaml: T\\u001B]0;pwned\\u0007itle (test-plan)\n');
    expect(r.stdout).toContain('contact B\\u001B[31mRED second (ann)\n');
    expect(r.stdout).toContain('responsible: officer (Off icer\\u001B[2J), primary B\\u001B[31mRED second\n');
  });
});

describe.runIf(canDropRoot)('a folder the user may not open', { timeout: SLOW }, () => {
  it('validate dir/p.yaml and validate dir: exit 2, one line "permission denied"', async () => {
    const open = path.join(tmp, 'locked');
    mkdirSync(path.join(open, 'dir'), { recursive: true });
    copyFileSync(SERVICE_DESK, path.join(open, 'dir/p.yaml'));
    chmodSync(tmp, 0o755);
    chmodSync(open, 0o755);
    chmodSync(path.join(open, 'dir'), 0o000);
    try {
      const file = await bcplanUnprivileged(['validate', 'dir/p.yaml', ...AS_OF], open);
      expect(file.code).toBe(2);
      expectOneLine(file.stderr, /^bcplan: cannot read dir\/p\.yaml: permission denied$/);
      const folder = await bcplanUnprivileged(['validate', 'dir', ...AS_OF], open);
      expect(folder.code).toBe(2);
      expectOneLine(folder.stderr, /^bcplan: cannot read folder dir: permission denied$/);
    } finally {
      chmodSync(path.join(open, 'dir'), 0o755);
    }
  });

  it('a plan in a folder the user may not read is reported, as if named or globbed, never skipped', async () => {
    const dir = path.join(tmp, 'unreadable-file');
    mkdirSync(path.join(dir, 'plans'), { recursive: true });
    copyFileSync(SERVICE_DESK, path.join(dir, 'plans/a.yaml'));
    copyFileSync(SERVICE_DESK, path.join(dir, 'plans/b.yaml'));
    for (const d of [tmp, dir, path.join(dir, 'plans')]) chmodSync(d, 0o755);
    chmodSync(path.join(dir, 'plans/a.yaml'), 0o644);
    chmodSync(path.join(dir, 'plans/b.yaml'), 0o000);
    for (const paths of [['plans'], ['plans/*.yaml']]) {
      const validate = await bcplanUnprivileged(['validate', ...paths, ...AS_OF], dir);
      expect(validate.code).toBe(2);
      expectOneLine(validate.stderr, /^bcplan: cannot read plans\/b\.yaml: permission denied$/);
      const review = await bcplanUnprivileged(['review', ...paths, ...AS_OF, '--lang', 'en'], dir);
      expect(review.code).toBe(1);
      expect(review.stdout).toContain(
        'plans/b.yaml\n  note: could not be read (line 1: the file cannot be read (permission denied)); run `bcplan validate plans/b.yaml`\n',
      );
      expect(review.stdout).toContain('1 plan unreadable');
    }
  });
});

describe.concurrent('an empty --output', { timeout: SLOW }, () => {
  for (const args of [
    ['validate', 'examples/service-desk/plan.yaml', ...AS_OF],
    ['review', 'examples/service-desk/plan.yaml', ...AS_OF],
    ['render', 'examples/service-desk/plan.yaml', ...AS_OF],
    ['schema'],
  ]) {
    for (const flag of ['-o', '--output']) {
      it(`${args[0]} ${flag} "": exit 2, one line, nothing written to stdout`, async () => {
        const r = await bcplan([...args, flag, '']);
        expect(r.code).toBe(2);
        expect(r.stdout).toBe('');
        expectOneLine(r.stderr, /^bcplan: --output needs a file name, not an empty string$/);
      });
    }
  }
  it('--output= (an empty value after =) is refused too', async () => {
    const r = await bcplan(['validate', 'examples/service-desk/plan.yaml', '--output=', ...AS_OF]);
    expect(r.code).toBe(2);
    expectOneLine(r.stderr, /^bcplan: --output needs a file name/);
  });
});

describe.concurrent('commander usage errors', { timeout: SLOW }, () => {
  for (const [args, line] of [
    [
      ['validate', 'examples/service-desk/plan.yaml', ...AS_OF, '--bogus'],
      "unknown option '--bogus' (see bcplan validate --help)",
    ],
    [
      ['review', ...AS_OF, '--outptu', 'x'],
      "unknown option '--outptu', did you mean --output? (see bcplan review --help)",
    ],
    [['valdate'], "unknown command 'valdate', did you mean validate? (see bcplan --help)"],
    [['render', ...AS_OF], "missing required argument 'plan' (see bcplan render --help)"],
    [
      ['validate', ...AS_OF, '-f'],
      "option '-f, --format <format>' argument missing (see bcplan validate --help)",
    ],
    [
      ['matrix', 'a.yaml', 'b.yaml'],
      /^bcplan: too many arguments for 'matrix'\. .* \(see bcplan matrix --help\)$/,
    ],
    // A value or a name with an ESC sequence or a line break stays one line, the ESC shown.
    [['val\u001bdate'], "unknown command 'val\\u001Bdate', did you mean validate? (see bcplan --help)"],
    [
      ['review', ...AS_OF, '--lang', 'x\u001b[31m\n2'],
      '--lang must be one of en, de, nl, da, nb, not "x\\u001B[31m 2"',
    ],
    [
      ['validate', 'no\u001bZ\u0007such.yaml', ...AS_OF],
      'cannot read no\\u001BZ\\u0007such.yaml: no such file or folder',
    ],
  ] as const) {
    it(`bcplan ${JSON.stringify(args.join(' ')).slice(1, -1)}: exit 2, one line`, async () => {
      const r = await bcplan([...args]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expectOneLine(r.stderr, typeof line === 'string' ? `bcplan: ${line}` : line);
      if (typeof line === 'string') expect(r.stderr).toBe(`bcplan: ${line}\n`);
    });
  }

  for (const args of [['--help'], ['validate', '--help'], ['help', 'review'], ['--version'], ['-V']]) {
    it(`bcplan ${args.join(' ')}: printed on stdout, exit 0`, async () => {
      const r = await bcplan(args);
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('');
      expect(r.stdout).toMatch(
        args[0]!.startsWith('-V') || args[0] === '--version' ? /^\d+\.\d+\.\d+\n$/ : /^Usage: bcplan /,
      );
    });
  }
});

describe('old-Mac line endings (a lone CR)', { timeout: SLOW }, () => {
  // YAML 1.2 §5.4: CR LF, CR and LF are each one line break.
  const lf = readFileSync(SERVICE_DESK, 'utf8');
  const variants = {
    // js-yaml's fast path; the example opens with comment lines.
    'service-desk': lf,
    // An anchor sends the file to yaml, which does not read a lone CR as a break by itself.
    anchored: lf.replace('bcplan: 1\n', 'bcplan: 1\nx-note: &n [a]\n'),
  };

  for (const [name, text] of Object.entries(variants)) {
    it(`${name}: the same findings at the same lines and columns with LF, CRLF and CR`, async () => {
      const dir = path.join(tmp, `cr-${name}`);
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, 'lf.yaml'), text);
      writeFileSync(path.join(dir, 'crlf.yaml'), text.replace(/\n/g, '\r\n'));
      writeFileSync(path.join(dir, 'cr.yaml'), text.replace(/\n/g, '\r'));
      const report = async (file: string) => {
        const r = await bcplan(['validate', file, '-f', 'json', ...AS_OF], { cwd: dir });
        expect(r.stderr).toBe('');
        const { findings } = JSON.parse(r.stdout) as { findings: { file: string; rule: string }[] };
        return findings.map((f) => ({ ...f, file: '' }));
      };
      const expected = await report('lf.yaml');
      expect(expected.map((f) => f.rule)).toContain('orphan-contact');
      expect(expected.some((f) => f.rule === 'yaml-syntax')).toBe(false);
      expect(await report('crlf.yaml')).toEqual(expected);
      expect(await report('cr.yaml')).toEqual(expected);
    });
  }

  it('verify refuses to edit a CR-only file with one clear line, and leaves it alone', async () => {
    const dir = path.join(tmp, 'cr-verify');
    mkdirSync(path.join(dir, '.git'), { recursive: true });
    const cr = lf.replace(/\n/g, '\r');
    writeFileSync(path.join(dir, 'cr.yaml'), cr);
    const r = await bcplan(['verify', 'cr.yaml', 'ivar-solberg', '--date', '2026-11-20', ...AS_OF], {
      cwd: dir,
    });
    expect(r.code).toBe(2);
    expectOneLine(
      r.stderr,
      /^bcplan: cannot edit cr\.yaml: its lines end in CR only \(old Mac line endings\); save it with LF or CRLF line endings$/,
    );
    expect(readFileSync(path.join(dir, 'cr.yaml'), 'utf8')).toBe(cr);
  });
});
