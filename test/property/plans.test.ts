import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { loadPlan } from '../../src/plan/load.js';
import { renderRunbook } from '../../src/render/index.js';
import { editFile, findTargets } from '../../src/review/verify.js';
import { checkPlan } from '../../src/validate.js';
import { BIN, ROOT } from '../helpers/cli.js';

// Property tests, kept small so the suite stays fast: generated valid plans validate without
// yaml/schema findings and render; mutated examples never crash; verify changes only its target.
const AS_OF = new Date(2026, 10, 22);
const EXAMPLES = ['contact-center', 'logistics', 'service-desk'].map((n) => `examples/${n}/plan.yaml`);
const tmp = mkdtempSync(path.join(os.tmpdir(), 'bcplan-prop-'));
mkdirSync(path.join(tmp, '.git'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
let counter = 0;
const write = (text: string, name = `p${counter++}.yaml`) => {
  const file = path.join(tmp, name);
  writeFileSync(file, text);
  return file;
};

// ------------------------------------------------------------------ generated valid plans
const slug = fc
  .tuple(
    fc.constantFrom('kari', 'ola', 'jürgen', 'åse', 'lea', 'max', 'per', 'anna', 'høy', 'ops'),
    fc.integer({ min: 0, max: 999 }),
  )
  .map(([a, n]) => `${a}-${n}`);
const text = fc
  .string({
    unit: fc.constantFrom(...'abcdeføåüß ÆØ-,.:#&*!%@"\'{}[]|>'.split('')),
    minLength: 1,
    maxLength: 30,
  })
  .map((s) => s.trim() || 'x');
const date = fc
  .tuple(
    fc.integer({ min: 2025, max: 2026 }),
    fc.integer({ min: 1, max: 12 }),
    fc.integer({ min: 1, max: 28 }),
  )
  .filter(([y, m]) => y < 2026 || m <= 11)
  .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
const duration = fc.constantFrom('PT30M', 'PT1H', 'PT4H', 'P1D', 'P2D', 'P1W', 'P12M', 'P1Y');
const phone = fc.integer({ min: 1_000_000, max: 9_999_999 }).map((n) => `+47 ${n}`);

const planArb = fc
  .record({
    contactIds: fc.uniqueArray(slug, { minLength: 2, maxLength: 6 }),
    titles: fc.array(text, { minLength: 10, maxLength: 10 }),
    dates: fc.array(date, { minLength: 10, maxLength: 10 }),
    phones: fc.array(phone, { minLength: 6, maxLength: 6 }),
    durations: fc.array(duration, { minLength: 4, maxLength: 4 }),
    language: fc.constantFrom('en', 'de', 'nl', 'da', 'nb'),
    levels: fc.array(fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 })), {
      minLength: 1,
      maxLength: 3,
    }),
    style: fc.constantFrom<'block' | 'flow'>('block', 'flow'),
  })
  .map((g) => {
    const [first, second] = g.contactIds as [string, string];
    const plan = {
      bcplan: 1,
      plan: {
        id: 'generated',
        title: g.titles[0],
        organization: g.titles[1],
        version: '1',
        language: g.language,
        owner: 'officer',
        emergencyOfficer: 'officer',
        reviewed: g.dates[0],
      },
      roles: [
        { id: 'officer', title: g.titles[2], primary: first, deputies: [second], duties: [g.titles[3]] },
        { id: 'deputy', title: g.titles[4], primary: second, deputies: [first] },
      ],
      contacts: g.contactIds.map((id, i) => ({
        id,
        name: g.titles[(i + 5) % 10],
        phone: g.phones[i % 6],
        verified: g.dates[(i + 1) % 10],
      })),
      services: [{ id: 'service', name: g.titles[6], criticality: 'medium', rto: 'PT4H', mtpd: 'P2D' }],
      scenarios: g.levels.map(([l, i], n) => ({
        id: `scenario-${n}`,
        title: g.titles[(n + 7) % 10],
        likelihood: l,
        impact: i,
        owner: 'officer',
        services: ['service'],
        measures: {
          prevent: [{ action: g.titles[8], owner: 'officer' }],
          respond: [{ action: g.titles[9], owner: 'deputy', within: g.durations[n % 4] }],
          recover: [{ action: g.titles[1], owner: 'officer' }],
        },
      })),
      exercises: [{ date: g.dates[2], kind: 'tabletop', scenarios: ['scenario-0'], outcome: 'passed' }],
    };
    return stringify(plan, g.style === 'flow' ? { collectionStyle: 'flow' } : {});
  });

describe('generated valid plans', () => {
  it('validate without yaml-syntax or schema findings and with no rule failing', () => {
    fc.assert(
      fc.property(planArb, (yaml) => {
        const result = checkPlan(write(yaml), { asOf: AS_OF });
        const bad = result.findings.filter(
          (f) => f.rule === 'yaml-syntax' || f.rule === 'schema' || /failed on this plan/.test(f.message),
        );
        expect(bad, yaml).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });

  it('render to a PDF', async () => {
    await fc.assert(
      fc.asyncProperty(planArb, async (yaml) => {
        const plan = loadPlan(write(yaml));
        const pdf = await renderRunbook(plan, { asOf: AS_OF, created: AS_OF });
        expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      }),
      { numRuns: 4 },
    );
  }, 120_000);
});

// ------------------------------------------------------------------ mutated examples
const sources = EXAMPLES.map((f) => readFileSync(path.join(ROOT, f), 'utf8'));
const junk = fc.string({
  unit: fc.constantFrom(...' \t\n-:#&*!|>[]{},"\'?%@`\\ab1é\u0000\u00a0\ufeff'.split('')),
  maxLength: 8,
});
/** One edit of the text: cut, insert, duplicate a line, swap lines, re-indent. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat(), len: fc.nat({ max: 40 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: junk }),
  fc.record({ kind: fc.constant('dup' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap' as const), at: fc.nat(), to: fc.nat() }),
  fc.record({ kind: fc.constant('indent' as const), at: fc.nat(), by: fc.integer({ min: -4, max: 4 }) }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(text: string, edits: Mutation[]): string {
  let out = text;
  for (const e of edits) {
    const lines = out.split('\n');
    const line = (n: number) => n % Math.max(1, lines.length);
    if (e.kind === 'cut') {
      const at = e.at % Math.max(1, out.length);
      out = out.slice(0, at) + out.slice(at + e.len);
    } else if (e.kind === 'insert') {
      const at = e.at % Math.max(1, out.length);
      out = out.slice(0, at) + e.text + out.slice(at);
    } else if (e.kind === 'dup') {
      lines.splice(line(e.at), 0, lines[line(e.at)]!);
      out = lines.join('\n');
    } else if (e.kind === 'swap') {
      const [a, b] = [line(e.at), line(e.to)];
      [lines[a], lines[b]] = [lines[b]!, lines[a]!];
      out = lines.join('\n');
    } else {
      const n = line(e.at);
      lines[n] = e.by > 0 ? ' '.repeat(e.by) + lines[n] : lines[n]!.slice(-e.by);
      out = lines.join('\n');
    }
  }
  return out;
}
const mutant = fc.tuple(
  fc.nat({ max: sources.length - 1 }),
  fc.array(mutation, { minLength: 1, maxLength: 4 }),
);

describe('mutated examples', () => {
  it('never crash the loader, the schema or a rule (in-process)', () => {
    fc.assert(
      fc.property(mutant, ([i, edits]) => {
        const file = write(mutate(sources[i]!, edits));
        const result = checkPlan(file, { asOf: AS_OF });
        expect(result.findings.filter((f) => /failed on this plan/.test(f.message))).toEqual([]);
        for (const f of result.findings) {
          expect(f.line).toBeGreaterThanOrEqual(1);
          expect(f.column).toBeGreaterThanOrEqual(1);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('never crash validate, render, review or matrix (built CLI)', async () => {
    const samples = fc.sample(mutant, { numRuns: 3, seed: 42 });
    const run = (args: string[]) =>
      new Promise<{ code: number; stderr: string }>((resolve) => {
        execFile(
          process.execPath,
          [BIN, ...args],
          { cwd: ROOT, encoding: 'utf8' },
          (error, _stdout, stderr) =>
            resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stderr }),
        );
      });
    const runs: Promise<{ code: number; stderr: string; args: string[] }>[] = [];
    for (const [i, edits] of samples) {
      const file = write(mutate(sources[i]!, edits));
      for (const args of [
        ['validate', file, '--format', 'json', '--as-of', '2026-11-22'],
        ['render', file, '--force', '-o', `${file}.pdf`, '--as-of', '2026-11-22'],
        ['review', file, '--format', 'json', '--as-of', '2026-11-22'],
        ['matrix', file],
      ]) {
        runs.push(run(args).then((r) => ({ ...r, args })));
      }
    }
    for (const r of await Promise.all(runs)) {
      expect([0, 1, 2], r.args.join(' ')).toContain(r.code);
      expect(r.stderr, r.args.join(' ')).not.toMatch(/\n\s+at |internal error/);
    }
  }, 300_000);
});

// ------------------------------------------------------------------ verify round trip
const styles = fc.record({
  quote: fc.constantFrom('', '"', "'"),
  comment: fc.boolean(),
  flow: fc.boolean(),
  crlf: fc.boolean(),
  bom: fc.boolean(),
});

describe('verify round trip', () => {
  it('changes nothing but the verified values of its targets', () => {
    fc.assert(
      fc.property(
        fc.array(styles, { minLength: 3, maxLength: 3 }),
        fc.subarray([0, 1, 2], { minLength: 1 }),
        date,
        fc.boolean(),
        (entries, chosen, newDate, dropVerified) => {
          const lines = ['# contacts kept by the service desk', 'bcplan: 1', 'contacts:'];
          entries.forEach((s, i) => {
            const v = dropVerified && i === chosen[0] ? undefined : `${s.quote}2025-0${i + 1}-15${s.quote}`;
            const comment = s.comment ? '  # checked by phone' : '';
            if (s.flow) {
              lines.push(
                `  - { id: c${i}, name: "Name ${i}", phone: "+47 ${1000 + i}"${v ? `, verified: ${v}` : ''} }${comment}`,
              );
            } else {
              lines.push(`  - id: c${i}`, `    name: Name ${i}${comment}`, `    phone: "+47 ${1000 + i}"`);
              if (v) lines.push(`    verified: ${v}${comment}`);
              lines.push('    # end of entry');
            }
          });
          const eol = entries[0]!.crlf ? '\r\n' : '\n';
          const original = (entries[0]!.bom ? '\uFEFF' : '') + lines.join(eol) + eol;
          const file = write(original);
          const plan = loadPlan(file);
          const targets = findTargets(
            plan,
            chosen.map((i) => `c${i}`),
          );
          const edit = editFile(plan.root, targets, newDate);
          // The data: only the chosen entries' verified changed.
          const before = parse(original.replace(/^\uFEFF/, '')) as { contacts: Record<string, unknown>[] };
          const after = parse(edit.text.replace(/^\uFEFF/, '')) as { contacts: Record<string, unknown>[] };
          chosen.forEach((i) => {
            before.contacts[i]!.verified = newDate;
          });
          expect(after).toEqual(before);
          // The text: every original line is still there, bar the lines of the chosen entries' dates.
          expect(edit.text.startsWith('\uFEFF')).toBe(entries[0]!.bom);
          const kept = original.replace(/^\uFEFF/, '').split(eol);
          const now = edit.text.replace(/^\uFEFF/, '').split(eol);
          const changed = kept.filter((l) => !now.includes(l));
          for (const l of changed) expect(l).toMatch(/verified|\{ id: c\d/);
          expect(now.filter((l) => !kept.includes(l)).every((l) => l.includes(newDate))).toBe(true);
          if (!entries[0]!.crlf) expect(edit.text).not.toContain('\r');
        },
      ),
      { numRuns: 60 },
    );
  });
});
