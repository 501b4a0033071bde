import { execFile } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, ROOT } from '../helpers/cli.js';

// Every broken or hostile file in test/fixtures/bad/ (and some too big to commit, generated
// here) runs through the BUILT CLI under a 128 MB heap: a finding with the expected rule and
// line, the exit code SPEC §4 names, no stack trace, no crash. Durations are recorded and
// printed, never asserted: the machine is shared.
const BAD = 'test/fixtures/bad';
const tmp = mkdtempSync(path.join(os.tmpdir(), 'bcplan-bad-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface Case {
  file: string;
  /** Expected exit code: 1 for findings, 2 only for usage errors and unreadable paths. */
  code: 1 | 2;
  rule?: 'yaml-syntax' | 'schema' | 'import';
  line?: number;
  message?: RegExp;
  args?: string[];
}

const yaml = (file: string, line: number, message: RegExp): Case => ({
  file: `${BAD}/${file}`,
  code: 1,
  rule: 'yaml-syntax',
  line,
  message,
});
const schema = (file: string, line: number, message: RegExp): Case => ({
  file: `${BAD}/${file}`,
  code: 1,
  rule: 'schema',
  line,
  message,
});
const imp = (file: string, message: RegExp, args: string[] = []): Case => ({
  file: `${BAD}/${file}`,
  code: 1,
  rule: 'import',
  line: 3,
  message,
  args,
});

const CASES: Case[] = [
  // One file per error code of the yaml parser.
  yaml('bad-indent.yaml', 6, /\(BAD_INDENT\)(?::|$)/),
  yaml('duplicate-key.yaml', 14, /\(DUPLICATE_KEY\)(?::|$)/),
  yaml('tab-as-indent.yaml', 4, /\(TAB_AS_INDENT\)(?::|$)/),
  yaml('missing-char-quote.yaml', 4, /closing "quote \(MISSING_CHAR\)(?::|$)/), // at the opening quote
  yaml('missing-char-flow.yaml', 4, /end with a \} \(BAD_INDENT\)(?::|$)/),
  yaml('unexpected-token.yaml', 3, /\(UNEXPECTED_TOKEN\)(?::|$)/),
  yaml('block-as-implicit-key.yaml', 4, /\(BLOCK_AS_IMPLICIT_KEY\)(?::|$)/),
  yaml('block-in-flow.yaml', 4, /\(BLOCK_IN_FLOW\)(?::|$)/),
  yaml('multiline-implicit-key.yaml', 3, /\(MULTILINE_IMPLICIT_KEY\)(?::|$)/),
  yaml('missing-colon.yaml', 4, /\(MULTILINE_IMPLICIT_KEY\)(?::|$)/),
  yaml('bad-scalar-start.yaml', 4, /reserved character @ \(BAD_SCALAR_START\)(?::|$)/),
  yaml('bad-dq-escape.yaml', 4, /\\q \(BAD_DQ_ESCAPE\)(?::|$)/),
  yaml('bad-alias.yaml', 3, /\(BAD_ALIAS\)(?::|$)/),
  yaml('alias-props.yaml', 4, /\(ALIAS_PROPS\)(?::|$)/),
  yaml('multiple-anchors.yaml', 3, /\(MULTIPLE_ANCHORS\)(?::|$)/),
  yaml('multiple-tags.yaml', 3, /\(MULTIPLE_TAGS\)(?::|$)/),
  yaml('bad-directive.yaml', 3, /\(MISSING_CHAR\)(?::|$)/),
  yaml('bad-directive-unknown.yaml', 1, /%FOO \(BAD_DIRECTIVE\)(?::|$)/),
  yaml('bad-collection-type.yaml', 3, /\(TAG_RESOLVE_FAILED\)(?::|$)/),
  yaml('bad-block-scalar.yaml', 4, /\|x \(UNEXPECTED_TOKEN\)(?::|$)/),
  yaml('flow-in-block-key.yaml', 4, /\(BAD_INDENT\)(?::|$)/),
  yaml('key-over-1024.yaml', 3, /\(KEY_OVER_1024_CHARS\)(?::|$)/),
  yaml('unresolved-alias.yaml', 4, /Unresolved alias/),
  yaml('two-documents.yaml', 31, /holds 2 YAML documents/),
  // Hostile YAML: expansion, code, prototypes.
  yaml('billion-laughs.yaml', 4, /resource exhaustion/),
  yaml('alias-fan-out.yaml', 1103, /more than 1000 aliases/),
  yaml('js-function.yaml', 13, /js\/function \(TAG_RESOLVE_FAILED\)(?::|$)/),
  yaml('js-regexp-tag.yaml', 5, /js\/regexp \(TAG_RESOLVE_FAILED\)(?::|$)/),
  yaml('custom-tag.yaml', 13, /!foo \(TAG_RESOLVE_FAILED\)(?::|$)/),
  schema('proto-keys.yaml', 14, /unknown key `__proto__`/),
  schema('proto-top.yaml', 2, /unknown section `__proto__`/),
  schema('merge-key.yaml', 14, /unknown key `<<`/),
  schema('complex-key.yaml', 2, /unknown section `\[ a, b \]`/),
  schema('control-chars.yaml', 14, /`primary` must be an id/),
  // Not YAML text at all.
  yaml('empty.yaml', 1, /the file is empty/),
  yaml('only-comments.yaml', 1, /only comments/),
  yaml('binary.yaml', 1, /binary data/),
  yaml('utf16le.yaml', 1, /UTF-16; save it as UTF-8/),
  yaml('utf16be.yaml', 1, /UTF-16; save it as UTF-8/),
  yaml('utf16le-no-bom.yaml', 1, /binary data/),
  yaml('latin1.yaml', 21, /not valid UTF-8 \(byte 0xf8 on line 21\).*Latin-1/),
  // Well-formed YAML of the wrong shape.
  schema('json-instead.yaml', 1, /missing the required section `scenarios`/),
  schema('top-level-list.yaml', 1, /must be a mapping of sections .* not a list/),
  schema('top-level-scalar.yaml', 1, /not text/),
  schema('top-level-number.yaml', 1, /not a number/),
  schema('wrong-version.yaml', 1, /`bcplan` must be 1/),
  schema('wrong-type-everything.yaml', 1, /`bcplan` must be 1/),
  schema('wrong-type-plan.yaml', 3, /`id` must be an id/),
  schema('wrong-type-roles.yaml', 10, /`roles` must be a list, not a mapping/),
  schema('wrong-type-deputies.yaml', 14, /`deputies` must be a list, not text/),
  schema('wrong-type-likelihood.yaml', 27, /`likelihood` must be a whole number/),
  schema('wrong-type-verified.yaml', 19, /`verified` must be a date/),
  schema('wrong-type-phone.yaml', 18, /`phone` must be a phone number/),
  schema('wrong-type-version-number.yaml', 6, /`version` must be text or a number, not a list/),
  schema('date-feb-30.yaml', 9, /2026-02-30 is not a day of the calendar/),
  schema('date-format.yaml', 19, /did you mean `2026-06-01`/),
  schema('duration-p.yaml', 10, /`reviewEvery` must be an ISO 8601 duration/),
  schema('duration-pt.yaml', 10, /`reviewEvery` must be an ISO 8601 duration/),
  schema('duration-4h.yaml', 10, /did you mean `PT4H`/),
  schema('duration-negative.yaml', 10, /`reviewEvery` must be an ISO 8601 duration/),
  schema('id-with-spaces.yaml', 13, /`primary` must be an id/),
  schema('unknown-key.yaml', 20, /did you mean `verified`/),
  // Imports.
  imp('import-folder.yaml', /is a folder/),
  imp('import-dev-zero.yaml', /points outside/),
  imp('import-dev-zero.yaml', /\/dev\/zero is not a regular file/, ['--allow-outside-root']),
  imp('import-self.yaml', /is cyclic/),
  imp('import-missing.yaml', /does not exist/),
  imp('import-outside.yaml', /points outside/),
  imp('import-binary.yaml', /could not be read/),
  // Unreadable paths are usage errors.
  { file: `${BAD}/no-such-file.yaml`, code: 2 },
];

/** Files too big or too deep to commit, written into a temp folder. */
function generated(): Case[] {
  const cases: Case[] = [];
  const add = (
    name: string,
    text: string,
    line: number | undefined,
    message: RegExp,
    rule = 'yaml-syntax',
  ) => {
    const file = path.join(tmp, name);
    writeFileSync(file, text);
    cases.push({
      file,
      code: 1,
      rule: rule as Case['rule'],
      ...(line === undefined ? {} : { line }),
      message,
    });
  };
  const deep = /nested more than 64 levels/;
  const plan = 'bcplan: 1\n';
  add('flow-100k.yaml', `${plan}plan: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`, 2, deep);
  add('flow-map-100k.yaml', `${plan}plan: ${'{a: '.repeat(100_000)}1${'}'.repeat(100_000)}\n`, 2, deep);
  add('compact-seq-100k.yaml', `${plan}plan:\n${'- '.repeat(100_000)}a\n`, 3, deep);
  add(
    'compact-seq-lines.yaml',
    `${plan}plan:\n${Array.from({ length: 1000 }, (_, i) => `${' '.repeat(i * 2)}- - a`).join('\n')}\n`,
    // Nested by indentation, not counted before parsing: js-yaml stops at 64 levels, on the line.
    63,
    deep,
  );
  // Block nesting is bounded by the file size (n levels take n²/2 bytes): 3,000 levels.
  const blockMap = Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n');
  cases.push({ file: path.join(tmp, 'block-map-3000.yaml'), code: 1, rule: 'yaml-syntax' });
  writeFileSync(path.join(tmp, 'block-map-3000.yaml'), `${plan}${blockMap}\n`);
  // Latin-1 at the end of a 2 MB file: the bad byte is found by bisection (finding it by
  // decoding every prefix in turn took minutes).
  const latin1 = Buffer.concat([
    Buffer.from(`${plan}contacts:\n${'  - { id: c, name: N }\n'.repeat(80_000)}`),
    Buffer.from('  - { id: x, name: "J\xf8rgen" }\n', 'latin1'),
  ]);
  cases.push({
    file: path.join(tmp, 'latin1-2mb.yaml'),
    code: 1,
    rule: 'yaml-syntax',
    line: 80_003,
    message: /not valid UTF-8 \(byte 0xf8 on line 80003\)/,
  });
  writeFileSync(path.join(tmp, 'latin1-2mb.yaml'), latin1);
  const blockSeq = Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i + 1)}-`).join('\n');
  cases.push({ file: path.join(tmp, 'block-seq-3000.yaml'), code: 1, rule: 'yaml-syntax' });
  writeFileSync(path.join(tmp, 'block-seq-3000.yaml'), `${plan}x:\n${blockSeq}\n`);
  const items = /more than 100,000 YAML lines and items/;
  add('many-lines.yaml', `${plan}${'a: 1\n'.repeat(200_000)}`, 100_001, items);
  add('many-documents.yaml', '---\n'.repeat(200_000), 100_001, items);
  add('wide-flow.yaml', `${plan}x: [${'a,'.repeat(300_000)}]\n`, 2, items);
  add('many-tags.yaml', `${plan}x: ${'!t '.repeat(200_000)}a\n`, 2, items);
  add('many-anchors.yaml', `${plan}x: ${'&a '.repeat(200_000)}a\n`, 2, items);
  add('block-scalar-1m-lines.yaml', `${plan}x: |\n${'  a\n'.repeat(1_000_000)}`, 100_001, items);
  // Quadratic traps of the parser: many keys in one mapping, many aliases of collections.
  add(
    'flow-map-30k-keys.yaml',
    `${plan}x: {${Array.from({ length: 30_000 }, (_, i) => `k${i}: 1`).join(', ')}, k0: 2}\n`,
    2,
    /\(DUPLICATE_KEY\)(?::|$)/,
  );
  add(
    'alias-of-collections.yaml',
    `${plan}${Array.from({ length: 999 }, (_, i) => `a${i}: &a${i} [x]`).join('\n')}\nb: &b [${Array.from({ length: 999 }, (_, i) => `*a${i}`).join(', ')}]\nc: [*b, *b]\n`,
    1002,
    /more than 1000 aliases/,
  );
  const quoted = /quoted value is longer than 100,000 characters/;
  add('long-quoted-line.yaml', `${plan}x: "${'a'.repeat(4_900_000)}\n`, 2, quoted);
  add('long-quoted-lines.yaml', `${plan}x: "${`${'a'.repeat(79)}\n`.repeat(60_000)}"\n`, 2, quoted);
  add(
    'long-plain-line.yaml',
    `${plan}plan: ${'a'.repeat(4_900_000)}\n`,
    2,
    /`plan` must be a mapping/,
    'schema',
  );
  add('long-key.yaml', `${plan}${'k'.repeat(4_900_000)}: 1\n`, 2, /KEY_OVER_1024_CHARS/);
  // 50 MB, written in chunks: refused by its size before it is read.
  const big = path.join(tmp, 'fifty-mb.yaml');
  const fd = openSync(big, 'w');
  const chunk = Buffer.from(`${'  - a\n'.repeat((1024 * 1024) / 8)}`);
  writeSync(fd, `${plan}x:\n`);
  for (let written = 0; written < 50 * 1024 * 1024; written += chunk.length) writeSync(fd, chunk);
  closeSync(fd);
  cases.push({ file: big, code: 1, rule: 'yaml-syntax', line: 1, message: /plans are limited to 5 MB/ });
  return cases;
}

interface Result {
  code: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** The CLI under a 128 MB heap, killed after two minutes (a hang shows up as a signal). */
function run(args: string[]): Promise<Result> {
  const start = Date.now();
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--max-old-space-size=128', BIN, ...args],
      { cwd: ROOT, encoding: 'utf8', timeout: 120_000, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const e = error as (NodeJS.ErrnoException & { signal?: string; code?: unknown }) | null;
        resolve({
          code: e ? (typeof e.code === 'number' ? e.code : null) : 0,
          signal: e?.signal ?? null,
          stdout,
          stderr,
          ms: Date.now() - start,
        });
      },
    );
  });
}

/** Runs tasks with at most `limit` at once: each CLI start costs about a second here. */
async function pool<T, R>(items: T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
  return results;
}

const durations: [string, number][] = [];
afterAll(() => {
  const sorted = [...durations].sort((a, b) => b[1] - a[1]);
  const lines = sorted.map(([f, ms]) => `  ${(ms / 1000).toFixed(1).padStart(6)} s  ${f}`);
  console.info(`bad-input durations (128 MB heap, shared machine):\n${lines.join('\n')}`);
});

describe('broken and hostile input through the built CLI', () => {
  const cases = [...CASES, ...generated()];
  const label = (c: Case) => `${path.basename(c.file)}${c.args?.length ? ` ${c.args.join(' ')}` : ''}`;
  let results: Promise<Result[]> | undefined;
  const all = () => {
    results ??= pool(cases, Math.max(2, Math.min(6, os.availableParallelism())), (c) =>
      run(['validate', c.file, '--format', 'json', '--as-of', '2026-11-22', ...(c.args ?? [])]),
    );
    return results;
  };

  it('the corpus holds at least 40 committed files', async () => {
    const files = new Set(CASES.map((c) => c.file).filter((f) => !f.includes('no-such')));
    expect(files.size).toBeGreaterThanOrEqual(40);
  });

  cases.forEach((c, i) => {
    it(label(c), async () => {
      const r = (await all())[i]!;
      durations.push([label(c), r.ms]);
      expect(r.signal, `${label(c)} was killed (hang or crash)`).toBeNull();
      expect(r.stderr).not.toMatch(/FATAL ERROR|heap out of memory|\n\s+at /);
      expect(r.code).toBe(c.code);
      if (c.code === 2) {
        expect(r.stdout).toBe('');
        expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
        expect(r.stderr).toMatch(/^bcplan: cannot read /);
        return;
      }
      expect(r.stderr).toBe('');
      const json = JSON.parse(r.stdout) as {
        findings: { rule: string; line: number; message: string; file: string }[];
      };
      const match = json.findings.find(
        (f) =>
          f.rule === c.rule &&
          (c.line === undefined || f.line === c.line) &&
          (c.message === undefined || c.message.test(f.message)),
      );
      expect(match, JSON.stringify(json.findings.slice(0, 5), null, 1)).toBeDefined();
      for (const f of json.findings) expect(f.message.length).toBeLessThan(2000);
    }, 600_000);
  });
});
