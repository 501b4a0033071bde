// `validate` of many files runs on worker threads (src/validate-parallel.ts). Whatever the
// number of threads, the report must be the same bytes and the exit code the same.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatePlan, SIZES } from '../bench/generate.js';
import { bcplan, ROOT } from './helpers/cli.js';

const AS_OF = ['--as-of', '2026-11-22'];
const tmp = mkdtempSync(path.join(os.tmpdir(), 'bcplan-parallel-'));
const plans = path.join(tmp, 'plans');
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

beforeAll(() => {
  mkdirSync(path.join(plans, 'shared'), { recursive: true });
  // 40 generated plans, two in three with mistakes; two of them import one fragment (whose
  // findings must appear once), one file is broken YAML and one uses anchors (read by yaml).
  for (let i = 0; i < 40; i++) {
    writeFileSync(
      path.join(plans, `plan-${String(i).padStart(2, '0')}.yaml`),
      generatePlan({ seed: 900 + i, asOf: '2026-11-22', ...SIZES.small, flaws: i % 3 }),
    );
  }
  writeFileSync(
    path.join(plans, 'shared', 'team.yaml'),
    'bcplan: 1\ncontacts:\n  - id: shared-person\n    name: Shared Person\n    phone: "+49 30 1234567"\n    verified: "2024-01-01"\n',
  );
  for (const name of ['plan-00.yaml', 'plan-01.yaml']) {
    const file = path.join(plans, name);
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace('bcplan: 1\n', 'bcplan: 1\nimports:\n  - shared/team.yaml\n'),
    );
  }
  writeFileSync(path.join(plans, 'plan-broken.yaml'), 'bcplan: 1\nplan: [unclosed\n');
  const anchored = readFileSync(path.join(plans, 'plan-05.yaml'), 'utf8').replace(
    /reviewEvery: (\S+)/,
    'reviewEvery: &every $1',
  );
  writeFileSync(path.join(plans, 'plan-anchors.yaml'), anchored);
});

/** Runs validate with module recording; returns the run and how many workers started. */
async function run(args: string[], cwd = ROOT) {
  const record = path.join(tmp, `modules-${Math.random().toString(36).slice(2)}.txt`);
  writeFileSync(record, '');
  const r = await bcplan(['validate', ...args, ...AS_OF], {
    cwd,
    env: {
      BCPLAN_LOADED_MODULES: record,
      NODE_OPTIONS: `--import=${path.join(ROOT, 'test/helpers/record-modules.mjs')}`,
    },
  });
  const workers = readFileSync(record, 'utf8')
    .split('\n')
    .filter((m) => m.endsWith('/dist/validate-worker.js')).length;
  return { ...r, workers };
}

describe('validate on worker threads', () => {
  it.each(['json', 'sarif', 'stylish'])('gives the same %s report on 1, 2 and 3 threads', async (format) => {
    const one = await run([plans, '-f', format, '--jobs', '1', '--no-color']);
    const two = await run([plans, '-f', format, '--jobs', '2', '--no-color']);
    const three = await run([plans, '-f', format, '--jobs', '3', '--no-color']);
    expect(one.workers).toBe(0);
    expect(two.workers).toBe(2);
    // 43 files: at most one thread per 16 files.
    expect(three.workers).toBe(2);
    expect(one.code).toBe(1);
    expect(two.stdout).toBe(one.stdout);
    expect(three.stdout).toBe(one.stdout);
    expect([two.code, three.code]).toEqual([1, 1]);
    expect(two.stderr).toBe('');
  });

  it('words the rules’ messages in --lang on worker threads as on one, at the same places', async () => {
    const one = await run([plans, '-f', 'json', '--jobs', '1', '--lang', 'da']);
    const two = await run([plans, '-f', 'json', '--jobs', '2', '--lang', 'da']);
    expect(two.workers).toBe(2);
    expect(two.stdout).toBe(one.stdout);
    type Report = {
      findings: { file: string; line: number; column: number; rule: string; message: string }[];
    };
    const danish = JSON.parse(two.stdout) as Report & { summary: unknown };
    const english = JSON.parse((await run([plans, '-f', 'json', '--jobs', '2'])).stdout) as Report & {
      summary: unknown;
    };
    const places = (r: Report) => r.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.rule}`);
    expect(places(danish)).toEqual(places(english));
    expect(danish.summary).toEqual(english.summary);
    const stale = danish.findings.filter((f) => f.rule === 'stale-contact');
    expect(stale.length).toBeGreaterThan(0);
    for (const f of stale) expect(f.message).toMatch(/^kontaktpersonen \S+ blev sidst bekræftet /);
    // The parser's and the schema's findings stay English, as in the runbook's appendix.
    const syntax = (r: Report) => r.findings.filter((f) => f.rule === 'yaml-syntax').map((f) => f.message);
    expect(syntax(danish)).toEqual(syntax(english));
  });

  it('reports the imported fragment once, the broken file and the one with anchors', async () => {
    const r = await run([plans, '-f', 'json', '--jobs', '2']);
    const report = JSON.parse(r.stdout) as { findings: { file: string; rule: string }[] };
    const files = new Set(report.findings.map((f) => path.basename(f.file)));
    expect(files).toContain('plan-broken.yaml');
    const shared = report.findings.filter((f) => f.file.endsWith('team.yaml') && f.rule === 'stale-contact');
    expect(shared).toHaveLength(1);
    expect(report.findings.some((f) => f.rule === 'yaml-syntax' && f.file.endsWith('plan-broken.yaml'))).toBe(
      true,
    );
  });

  it('stays on one thread for a few files', async () => {
    const r = await run([path.join(plans, 'plan-0*.yaml'), '--jobs', '4']);
    expect(r.workers).toBe(0);
    expect(r.code).toBe(1);
  });

  it('stops with the first plan’s config error, as one thread does', async () => {
    const dir = path.join(tmp, 'badconfig');
    mkdirSync(path.join(dir, 'b'), { recursive: true });
    for (let i = 0; i < 40; i++) {
      writeFileSync(
        path.join(dir, i < 20 ? '' : 'b', `p${i}.yaml`),
        generatePlan({ seed: 100 + i, asOf: '2026-11-22', ...SIZES.small }),
      );
    }
    writeFileSync(path.join(dir, 'b', '.bcplan.yaml'), 'rules:\n  stale-contakt: off\n');
    const one = await run([dir, '--jobs', '1']);
    const two = await run([dir, '--jobs', '2']);
    expect(one.code).toBe(2);
    expect(two.code).toBe(2);
    expect(two.stderr).toBe(one.stderr);
    expect(two.stderr).toMatch(/^bcplan: config .*\.bcplan\.yaml: unknown rule "stale-contakt"/);
    expect(two.stderr.trim().split('\n')).toHaveLength(1);
    expect(two.workers).toBe(2);
  });

  it('checks a plan too big for a worker’s heap again on the main thread', async () => {
    // 98,000 wrong entries: more than a 16 MB worker heap holds (the default is 128 MB).
    const big = path.join(plans, 'plan-big.yaml');
    writeFileSync(
      big,
      `bcplan: 1\nplan:\n  id: big\n  title: Big\n  organization: Org\n  version: "1"\n  owner: x\n  emergencyOfficer: x\n  reviewed: "2026-01-01"\ncontacts:\n${'  - 1\n'.repeat(98_000)}`,
    );
    try {
      const one = await run([plans, '-f', 'json', '--jobs', '1']);
      const two = await bcplan(['validate', plans, '-f', 'json', '--jobs', '2', ...AS_OF], {
        env: { BCPLAN_WORKER_HEAP_MB: '16' },
      });
      expect(one.code).toBe(1);
      expect(two.stderr).toBe('');
      expect(two.code).toBe(1);
      expect(two.stdout).toBe(one.stdout);
      expect(one.stdout).toContain('plan-big.yaml');
    } finally {
      rmSync(big);
    }
  }, 60_000);

  it.each([['0'], ['two'], ['-1']])('refuses --jobs %s with exit 2', async (value) => {
    const r = await bcplan(['validate', plans, '--jobs', value, ...AS_OF]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^bcplan: .*--jobs/);
  });
});
