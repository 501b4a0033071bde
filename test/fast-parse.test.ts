// The loader reads plain YAML with js-yaml (fast) and everything else with yaml (see
// src/plan/load.ts). Both must give the same data, the same findings and the same positions:
// these tests compare the two paths on every YAML file of the project, on generated plans and
// on thousands of mutated plans.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { globSync } from 'tinyglobby';
import { describe, expect, it } from 'vitest';
import { generatePlan, SIZES } from '../bench/generate.js';
import { emptySource, parseText } from '../src/plan/load.js';
import { joinPointer, rangeOf } from '../src/plan/source.js';
import { checkPlan } from '../src/validate.js';
import { ROOT } from './helpers/cli.js';
import { sharedPath } from './helpers/shared.js';

const AS_OF = new Date('2026-11-22T00:00:00');

type Outcome = 'slow' | 'same' | string;

/** Parses `text` both ways; 'slow' when the fast path declines, 'same' when all agrees. */
function compare(text: string): Outcome {
  const fast = parseText(emptySource('f.yaml', '/x/f.yaml'), text);
  if (fast.source.parser !== 'js-yaml') return 'slow';
  const slow = parseText(emptySource('f.yaml', '/x/f.yaml'), text, { yamlOnly: true });
  if (slow.findings.length > 0) return `yaml finds ${slow.findings[0]!.message}, js-yaml nothing`;
  if (!isDeepStrictEqual(fast.source.data, slow.source.data)) return 'the data differ';
  const differences: string[] = [];
  const walk = (value: unknown, pointer: string) => {
    for (const target of ['value', 'key'] as const) {
      const a = rangeOf(fast.source, pointer, target);
      const b = rangeOf(slow.source, pointer, target);
      if (!isDeepStrictEqual(a, b)) differences.push(`${pointer} (${target}): ${JSON.stringify([a, b])}`);
    }
    if (Array.isArray(value)) {
      for (const [i, v] of value.entries()) walk(v, pointer + joinPointer(i));
    } else if (value !== null && typeof value === 'object')
      for (const [k, v] of Object.entries(value)) walk(v, pointer + joinPointer(k));
  };
  walk(fast.source.data, '');
  return differences.length === 0 ? 'same' : differences.slice(0, 3).join('; ');
}

const projectYaml = [
  ...globSync(['examples/**/*.{yaml,yml}', 'templates/**/*.yaml', 'test/**/*.{yaml,yml}'], {
    cwd: ROOT,
    absolute: true,
  }),
  sharedPath('plan-format', 'example-contact-center.yaml'),
];

describe('fast path (js-yaml) against yaml', () => {
  it('reads the project’s YAML files the same way, and most of them fast', () => {
    const outcomes = projectYaml.map((file) => [
      file,
      compare(readFileSync(file, 'utf8').replace(/^\uFEFF/, '')),
    ]);
    const wrong = outcomes.filter(([, o]) => o !== 'same' && o !== 'slow');
    expect(wrong).toEqual([]);
    // The examples, templates and the spec's example are plain YAML: all of them go fast.
    const plain = outcomes.filter(([f]) => !f!.includes(`${path.sep}test${path.sep}`));
    expect(plain.filter(([, o]) => o === 'slow').map(([f]) => f)).toEqual([]);
    expect(plain.length).toBeGreaterThan(15);
  });

  it('gives the same findings for generated plans with flaws, and for the bundled examples', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'bcplan-fast-'));
    const plans = Array.from({ length: 12 }, (_, i) => {
      const file = path.join(dir, `plan-${i}.yaml`);
      writeFileSync(file, generatePlan({ seed: 500 + i, asOf: '2026-11-22', ...SIZES.medium, flaws: i % 3 }));
      return file;
    });
    const examples = globSync('examples/*.yaml', { cwd: ROOT, absolute: true });
    let findings = 0;
    for (const file of [...plans, ...examples]) {
      const fast = checkPlan(file, { asOf: AS_OF });
      const slow = checkPlan(file, { asOf: AS_OF, yamlOnly: true });
      expect(fast.plan.root.parser, file).toBe('js-yaml');
      expect(slow.plan.root.parser).toBe('yaml');
      expect(fast.findings).toEqual(slow.findings);
      findings += fast.findings.length;
    }
    // Flawed plans draw findings, so positions were compared, not just empty lists.
    expect(findings).toBeGreaterThan(5);
  });

  const plan = readFileSync(sharedPath('plan-format', 'example-contact-center.yaml'), 'utf8');
  const pieces = [
    ' ',
    '  ',
    '\n',
    ':',
    ': ',
    '- ',
    '-',
    '"',
    "'",
    '#',
    ' #',
    '[',
    ']',
    '{',
    '}',
    ',',
    '|',
    '>',
    'x',
    '\n  ',
    '~',
    '0',
    '.',
    '\\',
  ];

  it('never disagrees with yaml on mutated plans (inserted, deleted and replaced characters)', () => {
    let fastCount = 0;
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.nat(plan.length - 1),
            fc.constantFrom('insert', 'delete', 'replace'),
            fc.constantFrom(...pieces),
          ),
          { minLength: 1, maxLength: 3 },
        ),
        (edits) => {
          let text = plan;
          for (const [at, op, piece] of edits) {
            const i = at % (text.length || 1);
            text =
              op === 'insert'
                ? text.slice(0, i) + piece + text.slice(i)
                : op === 'delete'
                  ? text.slice(0, i) + text.slice(i + 1)
                  : text.slice(0, i) + piece + text.slice(i + 1);
          }
          const outcome = compare(text);
          if (outcome === 'same') fastCount++;
          expect(outcome === 'same' || outcome === 'slow' ? 'agree' : outcome).toBe('agree');
        },
      ),
      { numRuns: 600, seed: 20261125 },
    );
    // Not vacuous: many mutants are still plain YAML and were compared position by position.
    expect(fastCount).toBeGreaterThan(150);
  });

  it('never disagrees with yaml on plans with lines indented, outdented, duplicated or made items', () => {
    const lines = plan.split('\n');
    let fastCount = 0;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(lines.length - 1), fc.nat(5), fc.nat(lines.length - 1)), {
          minLength: 1,
          maxLength: 2,
        }),
        (edits) => {
          const out = [...lines];
          for (const [i, op, j] of edits) {
            if (op === 0) out[i] = ` ${out[i]}`;
            else if (op === 1) out[i] = out[i]!.replace(/^ /, '');
            else if (op === 2) out[i] = out[i]!.replace(/^(\s*)- /, '$1  ');
            else if (op === 3) out[i] = out[i]!.replace(/^(\s*)/, '$1- ');
            else if (op === 4) out.splice(i, 0, lines[j]!);
            else out[i] = `${out[i]}:`;
          }
          const outcome = compare(out.join('\n'));
          if (outcome === 'same') fastCount++;
          expect(outcome === 'same' || outcome === 'slow' ? 'agree' : outcome).toBe('agree');
        },
      ),
      { numRuns: 600, seed: 7 },
    );
    expect(fastCount).toBeGreaterThan(60);
  });

  it('reports nesting by indentation past 64 levels at the line where it happens', () => {
    // 3,000 levels: the lines are long only by their indentation, which no key limit counts.
    const text = `bcplan: 1\n${Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')}\n`;
    const { source, findings } = parseText(emptySource('f.yaml', '/x/f.yaml'), text);
    expect(findings).toEqual([
      expect.objectContaining({
        rule: 'yaml-syntax',
        line: 65,
        message: expect.stringMatching(/nested more than 64 levels/),
      }),
    ]);
    expect(source.data).toBeUndefined();
    // 60 levels are fine (a schema finding, not a syntax one).
    const shallow = `bcplan: 1\n${Array.from({ length: 60 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')}\n`;
    expect(parseText(emptySource('f.yaml', '/x/f.yaml'), shallow).findings).toEqual([]);
  });

  it.each([
    ['an anchor and alias', 'a: &x 1\nb: *x\n'],
    ['a tag', 'a: !!str 1\n'],
    ['an explicit key', '? a\n: b\n'],
    ['a directive', '%YAML 1.1\n---\na: yes\n'],
    ['a tab', 'a:\tb\n'],
    ['a flow collection over two lines', 'a: [b,\n  c]\n'],
    ['duplicate keys', 'a: 1\na: 2\n'],
    ['two documents', 'a: 1\n---\nb: 2\n'],
    ['a syntax error', 'a: "b\n'],
    ['a key that is a number', '1: a\n'],
    ['a line over 1024 characters', `${'k'.repeat(1100)}: v\n`],
    ['nothing but a comment', '# only\n'],
  ])('leaves %s to yaml', (_, text) => {
    expect(parseText(emptySource('f.yaml', '/x/f.yaml'), text).source.parser).toBe('yaml');
  });

  it.each([
    [
      'YAML 1.2 numbers',
      'a: 0o17\nb: 0x1F\nc: -12\nd: 1.5e3\ne: .inf\nf: -.Inf\n',
      { a: 15, b: 31, c: -12, d: 1500, e: Infinity, f: -Infinity },
    ],
    [
      'what YAML 1.2 keeps as text',
      'a: 0b101\nb: 1_000\nc: -0x1F\nd: yes\ne: 2026-01-31\n',
      { a: '0b101', b: '1_000', c: '-0x1F', d: 'yes', e: '2026-01-31' },
    ],
    [
      'nulls and booleans',
      'a: ~\nb:\nc: Null\nd: TRUE\ne: false\n',
      { a: null, b: null, c: null, d: true, e: false },
    ],
  ])('reads %s as yaml does', (_, text, expected) => {
    const fast = parseText(emptySource('f.yaml', '/x/f.yaml'), text);
    expect(fast.source.parser).toBe('js-yaml');
    expect(fast.source.data).toEqual(expected);
    expect(compare(text)).toBe('same');
  });
});
