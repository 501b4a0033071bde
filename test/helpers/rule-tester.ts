import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rules } from '../../src/checks/index.js';
import { parseDate, parseDuration } from '../../src/plan/dates.js';
import { loadPlan } from '../../src/plan/load.js';
import { type CheckOptions, runRules } from '../../src/validate.js';

export interface ExpectedFinding {
  line: number;
  /** A substring (or pattern) the message must contain. */
  message?: string | RegExp;
  pointer?: string;
  column?: number;
  /** File name (basename) the finding points into, when not the plan itself. */
  file?: string;
}

export interface RuleCase {
  name: string;
  /** The plan's YAML text. */
  plan: string;
  /** Extra files beside the plan (fragments), by relative name. */
  files?: Record<string, string>;
  asOf?: string;
  staleAfter?: string;
  dueWindow?: string;
  /** Exactly these findings of the rule, in order. */
  findings: ExpectedFinding[];
}

const dirs: string[] = [];

/** Writes a plan (and fragments) to a temp folder, loads it and runs one rule. */
export function runRule(id: string, c: Omit<RuleCase, 'name' | 'findings'>) {
  const rule = rules.find((r) => r.id === id);
  if (!rule) throw new Error(`no rule ${id}`);
  const dir = mkdtempSync(path.join(tmpdir(), 'bcplan-rule-'));
  dirs.push(dir);
  mkdirSync(path.join(dir, '.git')); // imports stay inside the "repository"
  const planPath = path.join(dir, 'plan.yaml');
  writeFileSync(planPath, c.plan);
  for (const [name, text] of Object.entries(c.files ?? {})) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  const plan = loadPlan(planPath);
  const options: CheckOptions = {
    asOf: parseDate(c.asOf ?? '2026-11-22')!,
    rules: [rule],
    ...(c.staleAfter ? { staleAfter: parseDuration(c.staleAfter)! } : {}),
  };
  const config = c.dueWindow ? { rules: {}, dueWindow: parseDuration(c.dueWindow)! } : { rules: {} };
  return runRules(plan, options, config);
}

/** Table-driven rule tests (after Spectral's tester): each case lists exactly the findings expected. */
export function testRule(id: string, cases: RuleCase[]): void {
  describe(`rule ${id}`, () => {
    afterAll(() => {
      for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
    });
    for (const c of cases) {
      it(c.name, () => {
        const found = runRule(id, c);
        expect(found.map((f) => f.rule).every((r) => r === id)).toBe(true);
        expect(found.map((f) => ({ line: f.line, file: path.basename(f.file) }))).toEqual(
          c.findings.map((e) => ({ line: e.line, file: e.file ?? 'plan.yaml' })),
        );
        c.findings.forEach((e, i) => {
          const f = found[i]!;
          if (e.message instanceof RegExp) expect(f.message).toMatch(e.message);
          else if (e.message !== undefined) expect(f.message).toContain(e.message);
          if (e.pointer !== undefined) expect(f.pointer).toBe(e.pointer);
          if (e.column !== undefined) expect(f.column).toBe(e.column);
        });
      });
    }
  });
}
