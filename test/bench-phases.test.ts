// bench/phases.js times each part of `validate` in one process (README, "Benchmark"). It reads
// tsc's output in dist/, so it breaks silently when a module it imports moves: run it on a few
// generated plans and check that every phase, and every rule of the catalogue, is timed.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generatePlan, SIZES } from '../bench/generate.js';
import { rules } from '../src/checks/index.js';
import { ROOT } from './helpers/cli.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'bcplan-phases-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
for (let i = 0; i < 3; i++) {
  writeFileSync(
    path.join(tmp, `plan-${i}.yaml`),
    generatePlan({ seed: 70 + i, asOf: '2026-11-22', ...SIZES.small, flaws: i }),
  );
}

const phases = (...args: string[]) =>
  execFileSync(process.execPath, [path.join(ROOT, 'bench', 'phases.js'), tmp, ...args], { encoding: 'utf8' })
    .trim()
    .split('\n');

describe('bench/phases.js', () => {
  it('times parsing, the schema, dueItems, every rule and checkPlan, in ms', () => {
    const [head, ...lines] = phases();
    expect(head).toBe(`3 files in ${tmp}; best of 5 passes, ms per pass`);
    const names = lines.map((l) => l.replace(/\s+\d+\.\d$/, '').trim());
    expect(names).toEqual([
      'parse (budgets, js-yaml or yaml, tree)',
      'schema',
      'dueItems',
      ...rules.map((r) => `rule ${r.id}`),
      'checkPlan (all of it)',
    ]);
    for (const line of lines) expect(line).toMatch(/ \d+\.\d$/);
  });

  it('runs only the phases a filter names', () => {
    expect(
      phases('secret,schema')
        .slice(1)
        .map((l) => l.split(/\s{2,}/)[0]),
    ).toEqual(['schema', 'rule secret-in-plan']);
  });
});
