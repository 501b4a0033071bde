import { spawn } from 'node:child_process';
import {
  chmodSync,
  closeSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, bcplan, bcplanUnprivileged, canDropRoot, expectOneLine, ROOT, testEnv } from './helpers/cli.js';

// Bugs found by an audit of the CLI as a careless user and a CI maintainer would use it; each
// test failed before its fix. End to end through the built bin/bcplan.js.
const AS_OF = ['--as-of', '2026-11-22'];
const SLOW = 120_000;
const tmp = mkdtempSync(path.join(os.tmpdir(), 'bcplan-audit-'));
/** Folders anyone may write in (see `worldWritable`); removed with tmp, even when no test ran. */
const openDirs: string[] = [];
afterAll(() => {
  for (const dir of [tmp, ...openDirs]) rmSync(dir, { recursive: true, force: true });
});

/** A folder anyone may write in, so that only a file's own mode protects it. */
function worldWritable(name: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `bcplan-audit-${name}-`));
  chmodSync(dir, 0o777);
  openDirs.push(dir);
  return dir;
}

/** A plan with `n` stale contacts: a stylish report of a few hundred KB, more than a pipe holds. */
function bigReportPlan(n: number): string {
  const contacts = Array.from(
    { length: n },
    (_, i) => `  - {id: c${i}, name: Contact ${i}, email: c${i}@example.org, verified: 2020-01-01}\n`,
  ).join('');
  return `bcplan: 1\ncontacts:\n${contacts}roles:\n  - {id: r, title: R, primary: c0, deputies: [c1]}\n`;
}

interface Ended {
  code: number | null;
  stderr: string;
}

/** Runs the CLI with stdout on `stdout`; with 'pipe', the reading end is closed after the first chunk. */
function runWithStdout(args: string[], stdout: 'pipe' | number): Promise<Ended> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: ROOT,
      env: testEnv(),
      stdio: ['ignore', stdout, 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (d) => {
      stderr += d;
    });
    child.stdout?.once('data', () => child.stdout!.destroy()); // like `| head -1`
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('writing to stdout fails', { timeout: SLOW }, () => {
  const plan = path.join(tmp, 'big.yaml');
  writeFileSync(plan, bigReportPlan(3000));

  it('`validate … | head -1`: no stack trace when the reader goes away (EPIPE)', async () => {
    const r = await runWithStdout(['validate', plan, ...AS_OF], 'pipe');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1); // the findings still decide the exit code
  });

  it.runIf(process.platform === 'linux')('a full disk (/dev/full): exit 2, one line on stderr', async () => {
    const fd = openSync('/dev/full', 'w');
    try {
      const r = await runWithStdout(['validate', plan, ...AS_OF, '--format', 'json'], fd);
      expect(r.code).toBe(2);
      expectOneLine(r.stderr, /^bcplan: cannot write to stdout: no space left on the device$/);
    } finally {
      closeSync(fd);
    }
  });
});

const PLAN = `bcplan: 1
imports: [contacts.yaml]
plan:
  id: p
  title: T
  organization: O
  version: "1"
  owner: r
  emergencyOfficer: r
  reviewed: 2026-11-01
roles:
  - id: r
    title: R
    primary: a
    deputies: [b]
scenarios:
  - id: s
    title: S
    likelihood: 1
    impact: 1
    owner: r
`;
const FRAGMENT = `bcplan: 1
contacts:
  - {id: a, name: A, email: a@example.org, verified: 2026-11-01}
  - {id: b, name: B, email: b@example.org, verified: 2026-11-01}
`;

/** A clean plan importing a contact fragment, in a fresh folder. */
function planFolder(name: string): string {
  const dir = path.join(tmp, name);
  mkdirSync(dir);
  writeFileSync(path.join(dir, 'plan.yaml'), PLAN);
  writeFileSync(path.join(dir, 'contacts.yaml'), FRAGMENT);
  return dir;
}

describe.concurrent('--output never replaces a file the command reads', { timeout: SLOW }, () => {
  const cases: [string, string[], string][] = [
    ['validate -o the plan', ['validate', 'plan.yaml', '-f', 'json', '-o', 'plan.yaml'], 'plan.yaml'],
    ['validate -o an imported fragment', ['validate', 'plan.yaml', '-o', './contacts.yaml'], 'contacts.yaml'],
    ['validate -o a symlink to the plan', ['validate', 'plan.yaml', '-o', 'report.txt'], 'plan.yaml'],
    ['review -o the plan', ['review', 'plan.yaml', '-f', 'ics', '-o', 'plan.yaml'], 'plan.yaml'],
    ['review -o an imported fragment', ['review', '.', '-f', 'json', '-o', 'contacts.yaml'], 'contacts.yaml'],
    ['render -o an imported fragment', ['render', 'plan.yaml', '-o', 'contacts.yaml'], 'contacts.yaml'],
    ['render to plan.pdf, a symlink to the plan', ['render', 'plan.yaml'], 'plan.yaml'],
  ];
  for (const [name, args, victim] of cases) {
    it(`${name}: exit 2, one line, the file untouched`, async () => {
      const dir = planFolder(name.replace(/\W+/g, '-'));
      symlinkSync('plan.yaml', path.join(dir, 'report.txt'));
      symlinkSync('plan.yaml', path.join(dir, 'plan.pdf'));
      const before = readFileSync(path.join(dir, victim), 'utf8');
      const r = await bcplan([...args, ...AS_OF], { cwd: dir });
      expect(r.code).toBe(2);
      expectOneLine(r.stderr, /^bcplan: .* would overwrite \S+\.yaml, which this command reads$/);
      expect(readFileSync(path.join(dir, victim), 'utf8')).toBe(before);
    });
  }

  it('a report beside the plan is still written', async () => {
    const dir = planFolder('report-beside');
    const r = await bcplan(['validate', 'plan.yaml', '-f', 'json', '-o', 'report.json', ...AS_OF], {
      cwd: dir,
    });
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(path.join(dir, 'report.json'), 'utf8')).summary.files).toBe(2);
  });
});

describe('text from the plan cannot drive the terminal', { timeout: SLOW }, () => {
  it('matrix: control characters in titles and labels are shown escaped, line breaks as spaces', async () => {
    const dir = planFolder('matrix-escapes');
    const text = readFileSync(path.join(dir, 'plan.yaml'), 'utf8')
      .replace('title: T\n', 'title: "T\\e]0;pwned\\u0007\\e[2J\\nsecond line"\n')
      .replace('title: S\n', 'title: "S\\e[31mred"\n');
    writeFileSync(path.join(dir, 'plan.yaml'), text);
    const r = await bcplan(['matrix', 'plan.yaml', '--no-color'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/);
    expect(r.stdout).toContain('Risk matrix: T\\u001B]0;pwned\\u0007\\u001B[2J second line (plan.yaml)\n');
    expect(r.stdout).toContain('S\\u001B[31mred');
  });
});

describe.runIf(canDropRoot)('a read-only file is not replaced', { timeout: SLOW }, () => {
  const open = worldWritable('ro');

  it('verify on a read-only plan: exit 2, permission denied, the plan untouched', async () => {
    writeFileSync(path.join(open, 'plan.yaml'), PLAN);
    writeFileSync(
      path.join(open, 'contacts.yaml'),
      FRAGMENT.replace('verified: 2026-11-01}', 'verified: 2026-01-01}'),
    );
    chmodSync(path.join(open, 'plan.yaml'), 0o444);
    chmodSync(path.join(open, 'contacts.yaml'), 0o444);
    const r = await bcplanUnprivileged(['verify', 'plan.yaml', 'a', ...AS_OF], open);
    expect(r.code).toBe(2);
    expectOneLine(r.stderr, /^bcplan: cannot write .*contacts\.yaml: permission denied$/);
    expect(readFileSync(path.join(open, 'contacts.yaml'), 'utf8')).toContain('verified: 2026-01-01}');
    expect(statSync(path.join(open, 'contacts.yaml')).mode & 0o777).toBe(0o444);
  });

  it('validate --output onto a read-only report: exit 2, the old report kept', async () => {
    writeFileSync(path.join(open, 'old.json'), 'old report\n');
    chmodSync(path.join(open, 'old.json'), 0o444);
    const r = await bcplanUnprivileged(
      ['validate', 'plan.yaml', '-f', 'json', '-o', 'old.json', ...AS_OF],
      open,
    );
    expect(r.code).toBe(2);
    expectOneLine(r.stderr, /^bcplan: cannot write old\.json: permission denied$/);
    expect(readFileSync(path.join(open, 'old.json'), 'utf8')).toBe('old report\n');
  });
});

describe.concurrent('a plan path through a file', { timeout: SLOW }, () => {
  for (const command of ['render', 'matrix']) {
    it(`${command} a-file/plan.yaml: exit 2, "cannot read", not an internal error`, async () => {
      const file = path.join(tmp, `${command}-a-file`);
      writeFileSync(file, 'not a folder\n');
      const r = await bcplan([command, path.join(file, 'plan.yaml')]);
      expect(r.code).toBe(2);
      expectOneLine(r.stderr, /^bcplan: cannot read .*plan\.yaml: /);
    });
  }
});

describe.concurrent('option values', { timeout: SLOW }, () => {
  it('--stale-after P0D is refused like staleAfter: P0D in .bcplan.yaml', async () => {
    const r = await bcplan(['validate', 'examples/service-desk/plan.yaml', '--stale-after', 'P0D', ...AS_OF]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expectOneLine(r.stderr, /^bcplan: --stale-after must be longer than zero, like P12M$/);
  });
});

describe.runIf(canDropRoot)('a plan the user may not read', { timeout: SLOW }, () => {
  const dir = worldWritable('unreadable');

  // validate and verify already said so with exit 2 (SPEC §4: an unreadable path is exit 2).
  for (const args of [
    ['render', 'plan.yaml', '-o', 'out.pdf', ...AS_OF],
    ['matrix', 'plan.yaml'],
  ]) {
    it(`${args[0]}: exit 2, one line "permission denied", like validate`, async () => {
      writeFileSync(path.join(dir, 'plan.yaml'), PLAN);
      chmodSync(path.join(dir, 'plan.yaml'), 0o600);
      const r = await bcplanUnprivileged(args, dir);
      expect(r.code).toBe(2);
      expectOneLine(r.stderr, /^bcplan: cannot read plan\.yaml: permission denied$/);
    });
  }
});

describe.concurrent('SOURCE_DATE_EPOCH out of range', { timeout: SLOW }, () => {
  // 10^14 s is past the last date a JavaScript Date can hold: it became "Invalid Date".
  for (const [name, args] of [
    ['render', ['render', 'examples/service-desk/plan.yaml', '-o', path.join(tmp, 'epoch.pdf')]],
    ['review --format ics', ['review', 'examples/service-desk', '--format', 'ics']],
  ] as const) {
    it(`${name}: exit 2 with one line naming SOURCE_DATE_EPOCH`, async () => {
      const r = await bcplan([...args], { env: { SOURCE_DATE_EPOCH: '99999999999999' } });
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expectOneLine(r.stderr, /^bcplan: SOURCE_DATE_EPOCH must be .*not "99999999999999"$/);
    });
  }
});
