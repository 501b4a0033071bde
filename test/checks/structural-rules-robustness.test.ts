import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { rules } from '../../src/checks/index.js';
import { loadPlan } from '../../src/plan/load.js';
import { runRules } from '../../src/validate.js';

// SPEC §3: every rule runs on whatever parts of a plan are well-formed enough; none may throw.
// runRules turns a throw into a "failed on this plan (please report)" finding, which we look for.
const MINE = [
  'duplicate-id',
  'unknown-reference',
  'unknown-level',
  'matrix-incomplete',
  'single-provider',
  'provider-same-site',
  'provider-same-country',
  'provider-same-company',
  'untreated-risk',
  'respond-exceeds-rto',
  'rto-exceeds-mtpd',
  'no-deputy',
  'deputy-is-primary',
  'orphan-contact',
];

const dir = mkdtempSync(path.join(tmpdir(), 'bcplan-fuzz-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const scalar = fc.oneof(
  fc.constantFrom('a', 'b', 'PT1H', 'P1D', 'high', 'critical', '', 'NO', '2026-01-01'),
  fc.integer({ min: -2, max: 30 }),
  fc.boolean(),
  fc.constant(null),
);
const value = fc.letrec((tie) => ({
  v: fc.oneof({ depthSize: 'small' }, scalar, fc.array(tie('v'), { maxLength: 3 }), tie('o')),
  o: fc.dictionary(
    fc.constantFrom(
      'id',
      'name',
      'services',
      'site',
      'city',
      'country',
      'primary',
      'deputies',
      'owner',
      'likelihood',
      'impact',
      'measures',
      'respond',
      'prevent',
      'recover',
      'within',
      'rto',
      'mtpd',
      'criticality',
      'minProviders',
      'contacts',
      'holders',
      'scenarios',
      'level',
      'label',
      'upTo',
      'acceptable',
      'classes',
      'grid',
    ),
    tie('v'),
    { maxKeys: 5 },
  ),
})).v;
const section = fc.oneof(value, fc.array(value, { maxLength: 4 }));

describe('structural rules on schema-broken data', () => {
  it('never throw, whatever the sections hold', () => {
    const mine = rules.filter((r) => MINE.includes(r.id));
    expect(mine).toHaveLength(MINE.length);
    let n = 0;
    let total = 0;
    fc.assert(
      fc.property(
        fc.record({
          plan: fc.oneof(value, fc.constant({ id: 'p', owner: 'a' })),
          riskMatrix: value,
          roles: section,
          contacts: section,
          providers: section,
          services: section,
          scenarios: section,
          communication: section,
          access: section,
          exercises: section,
        }),
        (data) => {
          const file = path.join(dir, `plan-${n++}.yaml`);
          writeFileSync(file, stringify({ bcplan: 1, ...data }));
          const findings = runRules(
            loadPlan(file),
            { asOf: new Date(2026, 10, 22), rules: mine },
            { rules: {} },
          );
          total += findings.length;
          for (const f of findings) expect(f.message).not.toMatch(/failed on this plan/);
        },
      ),
      { numRuns: 300, seed: 20261122 },
    );
    // The generated data reached the rules: some of it is well-formed enough to be reported.
    expect(total).toBeGreaterThan(0);
  });
});
