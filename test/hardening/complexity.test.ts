import { execFile } from 'node:child_process';
import { createReadStream, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, ROOT } from '../helpers/cli.js';

// Plans within every budget (5 MB, 100,000 lines and items) that hit work quadratic in their
// size: each took over a minute, or crashed, before its fix. Each runs the BUILT CLI and must
// give the right findings; durations are printed, never asserted (the machine is shared).
const tmp = mkdtempSync(path.join(os.tmpdir(), 'bcplan-complexity-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const durations: [string, number][] = [];
afterAll(() => {
  const lines = durations.map(([name, ms]) => `  ${(ms / 1000).toFixed(1).padStart(6)} s  ${name}`);
  console.info(`complexity durations (shared machine):\n${lines.join('\n')}`);
});

interface Finding {
  rule: string;
  line: number;
  message: string;
  pointer: string;
}

const times = (n: number, line: (i: number) => string) =>
  Array.from({ length: n }, (_, i) => line(i)).join('');

const HEAD = `bcplan: 1
plan:
  id: p
  title: T
  organization: O
  version: "1"
  owner: boss
  emergencyOfficer: boss
  reviewed: 2026-06-01
`;
const ROLES = 'roles:\n  - id: boss\n    title: Boss\n    primary: anna\n    deputies: [bert]\n';
const CONTACTS =
  'contacts:\n' +
  '  - id: anna\n    name: Anna\n    phone: "+49 1"\n    verified: 2026-06-01\n' +
  '  - id: bert\n    name: Bert\n    phone: "+49 2"\n    verified: 2026-06-01\n';
const SCENARIO =
  'scenarios:\n  - id: s\n    title: S\n    likelihood: rare\n    impact: minor\n    owner: boss\n';

function write(name: string, text: string): string {
  const file = path.join(tmp, name);
  writeFileSync(file, text);
  return file;
}

function validate(
  file: string,
  format = 'json',
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const start = Date.now();
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, 'validate', file, '--format', format, '--as-of', '2026-11-22'],
      { cwd: ROOT, encoding: 'utf8', timeout: 120_000, maxBuffer: 1024 * 1024 * 1024 },
      (error, stdout, stderr) => {
        durations.push([`${path.basename(file)} (${format})`, Date.now() - start]);
        const e = error as (NodeJS.ErrnoException & { code?: unknown }) | null;
        resolve({ code: e ? (typeof e.code === 'number' ? e.code : null) : 0, stdout, stderr });
      },
    );
  });
}

async function findings(file: string): Promise<Finding[]> {
  const r = await validate(file);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(1);
  return (JSON.parse(r.stdout) as { findings: Finding[] }).findings;
}

const T = 180_000;

describe('work that grows with the square of a plan', () => {
  it(
    '60,000 entries with one id: a finding each, in every format (push(...) and Math.max(...) overflowed the stack)',
    async () => {
      const file = write(
        'dup-ids.yaml',
        `${HEAD}${ROLES}contacts:\n${times(60_000, () => '  - id: anna\n')}${SCENARIO}`,
      );
      const all = await findings(file);
      expect(all.filter((f) => f.rule === 'duplicate-id')).toHaveLength(59_999);
      for (const format of ['stylish', 'github', 'sarif', 'junit']) {
        const r = await validate(file, format);
        expect(r.stderr, format).toBe('');
        expect(r.code, format).toBe(1);
      }
    },
    T,
  );

  it(
    '10,000 scenarios, each in an exercise of its own: exercise-overdue for each overdue one',
    async () => {
      const file = write(
        'exercises.yaml',
        `${HEAD}${ROLES}${CONTACTS}scenarios:\n${times(10_000, (i) => `  - id: s${i}\n    likelihood: 4\n    impact: 5\n`)}` +
          `exercises:\n${times(10_000, (i) => `  - date: ${i === 7 ? '2026-06-01' : '2025-01-01'}\n    kind: tabletop\n    scenarios: [s${i}]\n`)}`,
      );
      const overdue = (await findings(file)).filter((f) => f.rule === 'exercise-overdue');
      expect(overdue).toHaveLength(9_999);
      expect(overdue[0]!.message).toMatch(
        /^scenario s0 \(risk critical, not acceptable\) was last exercised 2025-01-01,/,
      );
      expect(overdue.some((f) => f.pointer === '/scenarios/7/id')).toBe(false);
    },
    T,
  );

  it(
    '15,000 providers of one service with different names, two alike: one provider-same-company',
    async () => {
      const file = write(
        'providers.yaml',
        `${HEAD}${ROLES}${CONTACTS}${SCENARIO}services:\n  - id: sv\n    name: S\n    criticality: critical\n` +
          `providers:\n${times(15_000, (i) => `  - id: p${i}\n    name: ${i === 14_999 ? ' n1 ' : `N${i}`}\n    services: [sv]\n    site: {city: C${i}, country: DE}\n`)}`,
      );
      const same = (await findings(file)).filter((f) => f.rule === 'provider-same-company');
      expect(same.map((f) => f.message)).toEqual([
        expect.stringMatching(/^service sv: providers p1 and p14999 are the same company, N1;/),
      ]);
    },
    T,
  );

  it(
    '60,000 unknown keys in one contact: a schema finding each, with its suggestion',
    async () => {
      const file = write(
        'unknown-keys.yaml',
        `${HEAD}${ROLES}contacts:\n  - id: anna\n    name: A\n    phone: "1"\n    verified: 2026-06-01\n${times(60_000, (i) => `    k${i}: 1\n`)}    emial: a@b.de\n${SCENARIO}`,
      );
      const unknown = (await findings(file)).filter(
        (f) => f.rule === 'schema' && /unknown key/.test(f.message),
      );
      expect(unknown).toHaveLength(60_001);
      expect(unknown.at(-1)).toMatchObject({ line: 60_020, pointer: '/contacts/0/emial' });
      expect(unknown.at(-1)!.message).toMatch(/did you mean `email`\?$/);
    },
    T,
  );

  it(
    '20,000 unknown deputies among 20,000 contacts: unknown-reference for each',
    async () => {
      const file = write(
        'unknown-refs.yaml',
        `${HEAD}roles:\n  - id: boss\n    title: B\n    primary: c00001\n    deputies:\n      - c0001\n${times(20_000, (i) => `      - x${String(i).padStart(5, '0')}\n`)}` +
          `contacts:\n${times(20_000, (i) => `  - id: c${String(i).padStart(5, '0')}\n`)}${SCENARIO}`,
      );
      const unknown = (await findings(file)).filter((f) => f.rule === 'unknown-reference');
      expect(unknown).toHaveLength(20_001);
      // The first ones still get their suggestion.
      expect(unknown[0]!.message).toMatch(
        /refers to contact c0001, which is not defined: did you mean c00001\?/,
      );
    },
    T,
  );

  it(
    'a megabyte key and a megabyte reference: no edit distance over their whole length',
    async () => {
      const long = 'a'.repeat(1_000_000);
      const file = write(
        'long-values.yaml',
        `${HEAD}roles:\n  - id: boss\n    title: B\n    primary: ${long}b\n` +
          `contacts:\n  - id: ${long}\n    name: A\n    phone: "1"\n    verified: 2026-06-01\n${SCENARIO}` +
          `services:\n  - id: sv\n    name: S\n    criticality: low\n    ? ${'k'.repeat(3_000_000)}\n    : 1\n`,
      );
      const all = await findings(file);
      expect(all.find((f) => f.rule === 'unknown-reference')!.message).toMatch(
        /add contact a+b under contacts, or correct the id$/,
      );
      expect(all.find((f) => f.rule === 'schema' && /unknown key/.test(f.message))!.line).toBe(29);
    },
    T,
  );

  it(
    '25,000 deputies each written as a PIN: every unknown-reference message masks its own',
    async () => {
      // Each flagged text was looked for in each message: over 40 s before.
      const file = write(
        'pin-deputies.yaml',
        `${HEAD}roles:\n  - id: boss\n    title: B\n    primary: anna\n    deputies:\n${times(25_000, (i) => `      - "PIN ${1_000_000 + i}"\n`)}${CONTACTS}${SCENARIO}`,
      );
      const all = await findings(file);
      const unknown = all.filter((f) => f.rule === 'unknown-reference');
      expect(unknown).toHaveLength(25_000);
      expect(all.filter((f) => f.rule === 'secret-in-plan')).toHaveLength(25_000);
      for (const f of unknown)
        expect(f.message).toMatch(/^role boss \(deputies\) refers to contact PIN \*\*\*\*, /);
      expect(JSON.stringify(all)).not.toMatch(/PIN 1\d{6}/);
    },
    T,
  );

  const message = (text: string) =>
    `${HEAD}${ROLES}${CONTACTS}${SCENARIO}communication:\n  - audience: staff\n    owner: boss\n    channel: x\n    message: ${text}\n`;
  const secrets = async (file: string) =>
    (await findings(file)).filter((f) => f.rule === 'secret-in-plan').map((f) => f.message.split(' (')[0]);

  it(
    'secret-in-plan on hostile megabyte values: regexes that backtracked over the rest of the text',
    async () => {
      // A URL scheme of a million `a-` (every `a` starts a scheme), a million spaces after `token`,
      // 150,000 BEGIN lines without an END: each took over a minute. Secrets after them are still found.
      const cases: [string, string, string[]][] = [
        [
          'url-scheme',
          `pass ${'a-'.repeat(1_000_000)} ftp://admin:Sommer2026x@host`,
          ['communication[0].message holds a password in a URL'],
        ],
        [
          'token-spaces',
          `token${' '.repeat(2_000_000)}! api_key=Zq81mXpL0vR7tYw3KdN5`,
          ['communication[0].message holds an API key or token'],
        ],
        [
          'begin-lines',
          `x ${'-----BEGIN PRIVATE KEY----- '.repeat(150_000)}`,
          ['communication[0].message holds a private key'],
        ],
        ['pin-digits', 'PIN 1234 '.repeat(400_000), ['communication[0].message holds a PIN']],
        [
          // Every `-eyJ` began a scan to the end of the run: over 60 s before.
          'jwt-run',
          `pass ${'eyJaaaaaaaaa-'.repeat(150_000)} eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJl`,
          ['communication[0].message holds a JSON Web Token'],
        ],
      ];
      for (const [name, text, expected] of cases) {
        expect(await secrets(write(`${name}.yaml`, message(text))), name).toEqual(expected);
      }
    },
    T,
  );
});

describe('reports too big for one string', () => {
  /**
   * Reads a SARIF log as bcplan writes it (JSON.stringify's layout), one result at a time: the
   * log is more than V8's longest string, so neither readFileSync nor JSON.parse could take it.
   */
  async function readSarif(file: string) {
    const RESULTS = '"results": [\n        {';
    const NEXT = '\n        },\n        {';
    const LAST = '\n        }\n      ]';
    const results: { ruleId: string; uri: string }[] = [];
    const take = (text: string) => {
      const r = JSON.parse(text);
      results.push({ ruleId: r.ruleId, uri: r.locations[0].physicalLocation.artifactLocation.uri });
    };
    let head: string | undefined;
    let rest = '';
    for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
      rest += chunk;
      if (head === undefined) {
        const at = rest.indexOf(RESULTS);
        if (at < 0) continue;
        head = rest.slice(0, at + RESULTS.length - '[\n        {'.length);
        rest = rest.slice(at + RESULTS.length - 1);
      }
      let from = 0;
      for (let at = rest.indexOf(NEXT); at >= 0; at = rest.indexOf(NEXT, from)) {
        take(rest.slice(from, at + '\n        }'.length));
        from = at + NEXT.length - 1;
      }
      rest = rest.slice(from);
    }
    const end = rest.indexOf(LAST);
    take(rest.slice(0, end + '\n        }'.length));
    // The log around its results: everything but the results, which were parsed one by one.
    const log = JSON.parse(`${head}[]${rest.slice(end + LAST.length)}`);
    return { log, results };
  }

  it(
    'four plans of 60,000 duplicate ids, SARIF to a file: 720,000 results in 670 MB (was Invalid string length at 2.9 GB)',
    async () => {
      const names = [1, 2, 3, 4].map((i) => `dup-${i}.yaml`);
      const plan =
        'bcplan: 1\nplan: { id: p, title: P, organization: O, version: "1", owner: boss, emergencyOfficer: boss, reviewed: 2026-06-01 }\n' +
        `roles:\n  - { id: boss, title: Boss, primary: anna, deputies: [anna] }\ncontacts:\n${times(60_000, () => '  - id: anna\n')}scenarios: []\n`;
      for (const name of names) write(name, plan);
      const start = Date.now();
      const r = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
        execFile(
          process.execPath,
          [BIN, 'validate', ...names, '-f', 'sarif', '-o', 'big.sarif', '--as-of', '2026-11-26'],
          { cwd: tmp, encoding: 'utf8', timeout: 170_000 },
          (error, _stdout, stderr) => {
            const code = (error as { code?: unknown } | null)?.code;
            resolve({ code: error ? (typeof code === 'number' ? code : null) : 0, stderr });
          },
        );
      });
      durations.push(['4 × dup.yaml (sarif -o, 720,000 results)', Date.now() - start]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(1);
      const file = path.join(tmp, 'big.sarif');
      expect(statSync(file).size).toBeGreaterThan(2 ** 29); // V8's longest string: 2^29 - 24
      const { log, results } = await readSarif(file);
      expect(log.runs[0].artifacts.map((a: { location: { uri: string } }) => a.location.uri)).toEqual(names);
      expect(log.runs[0].columnKind).toBe('utf16CodeUnits');
      // Per plan: 59,999 duplicate-id, two schema findings per contact, one deputy-is-primary.
      expect(results).toHaveLength(720_000);
      const count = (rule: string) => results.filter((x) => x.ruleId === rule).length;
      expect(count('duplicate-id')).toBe(4 * 59_999);
      expect(count('deputy-is-primary')).toBe(4);
      for (const name of names) expect(results.filter((x) => x.uri === name)).toHaveLength(180_000);
    },
    T,
  );
});
