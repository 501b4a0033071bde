import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bcplan } from './helpers/cli.js';

// End to end: the built CLI with a `.bcplan.yaml` (`npm test` builds first).
const dir = mkdtempSync(path.join(os.tmpdir(), 'bcplan-config-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (args: string[], cwd: string) => bcplan(args, { cwd });

// Clean but for one contact verified 2025-09-01: stale on 2026-11-22.
const PLAN = `bcplan: 1
plan:
  id: p
  title: T
  organization: O
  version: "1"
  owner: boss
  emergencyOfficer: boss
  reviewed: 2026-06-01
roles:
  - { id: boss, title: Boss, primary: max-braun, deputies: [anna] }
contacts:
  - { id: max-braun, name: Max Braun, phone: "+49 1", verified: 2025-09-01 }
  - { id: anna, name: Anna, phone: "+49 2", verified: 2026-06-01 }
scenarios:
  - { id: s, title: S, likelihood: 1, impact: 1, owner: boss }
`;

function project(name: string, config: string | undefined): string {
  const root = path.join(dir, name);
  mkdirSync(path.join(root, 'plans'), { recursive: true });
  writeFileSync(path.join(root, 'plans', 'plan.yaml'), PLAN);
  if (config !== undefined) writeFileSync(path.join(root, '.bcplan.yaml'), config);
  return root;
}

describe('bcplan validate with .bcplan.yaml', () => {
  it('without a config the stale contact is an error (exit 1)', async () => {
    const cwd = project('none', undefined);
    const r = await run(['validate', 'plans/plan.yaml', '--as-of', '2026-11-22', '--format', 'json'], cwd);
    const rules = JSON.parse(r.stdout).findings.map((f: { rule: string }) => f.rule);
    expect(rules).toEqual(['stale-contact']);
    expect(r.code).toBe(1);
  });

  it('a config found above the plan turns the rule off (exit 0)', async () => {
    const cwd = project('off', 'rules:\n  stale-contact: off\n');
    const r = await run(['validate', 'plans/plan.yaml', '--as-of', '2026-11-22', '--format', 'json'], cwd);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).findings).toEqual([]);
    expect(r.code).toBe(0);
  });

  it('--config FILE is used instead, and staleAfter there counts', async () => {
    const cwd = project('explicit', 'rules:\n  stale-contact: off\n');
    writeFileSync(path.join(cwd, 'strict.yaml'), 'staleAfter: P3M\nrules: { stale-contact: warning }\n');
    const r = await run(
      ['validate', 'plans/plan.yaml', '--as-of', '2026-11-22', '--format', 'json', '--config', 'strict.yaml'],
      cwd,
    );
    const findings = JSON.parse(r.stdout).findings as { rule: string; severity: string; message: string }[];
    expect(findings.map((f) => [f.rule, f.severity])).toEqual([
      ['stale-contact', 'warning'],
      ['stale-contact', 'warning'],
    ]);
    expect(findings[1]!.message).toContain(
      'contact anna was last verified 2026-06-01, 174 days ago (limit 3 months',
    );
    expect(r.code).toBe(0);
  });

  it('an invalid config is a usage error: exit 2, one line naming the file, no stack', async () => {
    const cwd = project('invalid', 'rules:\n  stale-contacts: off\n');
    const r = await run(['validate', 'plans/plan.yaml', '--as-of', '2026-11-22'], cwd);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      /\.bcplan\.yaml: unknown rule "stale-contacts" \(did you mean "stale-contact"\?\)/,
    );
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('a missing --config file is a usage error too', async () => {
    const cwd = project('missing', undefined);
    const r = await run(['validate', 'plans/plan.yaml', '--config', 'nope.yaml'], cwd);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot read config nope\.yaml: no such file/);
  });
});
