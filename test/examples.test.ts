import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { looksLikePlan } from '../src/plan/discover.js';
import { bcplan, ROOT } from './helpers/cli.js';
import { sharedPath } from './helpers/shared.js';

// Every bundled example names in its header the findings it draws with --as-of 2026-11-22;
// the test reads that header, so header and test cannot drift apart. Runs the built CLI.
const AS_OF = '2026-11-22';
const SHARED_EXAMPLE = sharedPath('plan-format', 'example-contact-center.yaml');

interface Expected {
  rule: string;
  /** Absolute path of the file the finding points into. */
  file: string;
  line: number;
}

interface JsonFinding {
  file: string;
  line: number;
  rule: string;
  severity: string;
}

async function validate(file: string): Promise<{ code: number; findings: JsonFinding[]; stderr: string }> {
  const { code, stdout, stderr } = await bcplan(['validate', file, '--format', 'json', '--as-of', AS_OF]);
  let findings: JsonFinding[] = [];
  try {
    findings = (JSON.parse(stdout) as { findings: JsonFinding[] }).findings;
  } catch {
    // left empty: the assertions below show stdout/stderr
  }
  return { code, findings, stderr };
}

/**
 * The header is the comment block at the top. It either says "draws no findings" or lists
 * lines like `#   no-deputy line 83 (...)` or `#   review-due-soon ../shared/contacts.yaml line 36 (...)`,
 * a file path being relative to the example.
 */
function expectedFromHeader(file: string): Expected[] {
  const header: string[] = [];
  for (const line of readFileSync(file, 'utf8').split(/\r?\n/)) {
    if (!line.startsWith('#')) break;
    header.push(line);
  }
  const expected = header.flatMap((line) => {
    const m = /^#\s+([a-z][a-z-]*)\s+(?:(\S+\.ya?ml)\s+)?line\s+(\d+)\b/.exec(line);
    if (!m) return [];
    return [
      {
        rule: m[1]!,
        file: path.resolve(path.dirname(file), m[2] ?? path.basename(file)),
        line: Number(m[3]),
      },
    ];
  });
  const text = header.join('\n');
  if (expected.length === 0 && !/draws no findings/.test(text)) {
    throw new Error(
      `${path.relative(ROOT, file)}: its header names no findings and does not say "draws no findings"`,
    );
  }
  if (expected.length > 0 && !/draws exactly these findings/.test(text)) {
    throw new Error(`${path.relative(ROOT, file)}: its header should say "it draws exactly these findings:"`);
  }
  return expected;
}

function examples(dir = path.join(ROOT, 'examples')): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) return examples(full);
      // Only plans and fragments: examples/ci/ holds CI configs, not plans.
      return /\.ya?ml$/.test(e.name) && looksLikePlan(full) ? [full] : [];
    })
    .sort();
}

const order = (a: Expected, b: Expected) =>
  a.file.localeCompare(b.file) || a.line - b.line || a.rule.localeCompare(b.rule);

async function expectExactly(file: string, expected: Expected[]) {
  const { code, findings, stderr } = await validate(file);
  expect(stderr).toBe('');
  const got = findings
    .map((f) => ({ rule: f.rule, file: path.resolve(ROOT, f.file), line: f.line }))
    .sort(order);
  expect(got).toEqual([...expected].sort(order));
  // Default --fail-severity error: exit 1 exactly when an error is among the findings.
  expect(code).toBe(findings.some((f) => f.severity === 'error') ? 1 : 0);
}

describe('bundled examples draw exactly the findings their headers name', () => {
  const files = examples();

  it('there are at least three examples, one a fragment imported by a plan', () => {
    expect(files.length).toBeGreaterThanOrEqual(3);
    const importing = files.filter((f) => /^imports:/m.test(readFileSync(f, 'utf8')));
    expect(importing.length).toBeGreaterThanOrEqual(1);
  });

  it('the header parser reads rule, file and line', () => {
    const expected = expectedFromHeader(path.join(ROOT, 'examples/logistics/plan.yaml'));
    expect(expected).toContainEqual({
      rule: 'review-due-soon',
      file: path.join(ROOT, 'examples/shared/contacts.yaml'),
      line: 36,
    });
  });

  for (const file of files) {
    it(path.relative(ROOT, file), async () => {
      await expectExactly(file, expectedFromHeader(file));
    });
  }
});

describe('the format example of the spec', () => {
  // SPEC: "validated with --as-of 2026-11-22 it gives exactly four findings". No orphan-contact
  // info either: each of its six contacts is a role's primary or deputy, or a provider contact.
  it('draws exactly its four named findings at the right lines', async () => {
    await expectExactly(SHARED_EXAMPLE, [
      { rule: 'no-deputy', file: SHARED_EXAMPLE, line: 72 },
      { rule: 'review-due-soon', file: SHARED_EXAMPLE, line: 90 },
      { rule: 'stale-contact', file: SHARED_EXAMPLE, line: 99 },
      { rule: 'single-provider', file: SHARED_EXAMPLE, line: 136 },
    ]);
  });
});
