import { describe, expect, it } from 'vitest';
import type { Finding } from '../src/plan/types.js';
import { FORMAT_NAMES, formatters } from '../src/report/index.js';
import { each, jsonPieces } from '../src/report/json-pieces.js';
import { ctx, findings } from './helpers/report-fixtures.js';

/** What JSON.stringify writes for `value` with every `each()` spelled out as its array. */
function expected(value: unknown): string {
  return JSON.stringify(
    value,
    (_key, v) => {
      const e = v as { items?: Iterable<unknown>; toJson?: (item: unknown) => unknown } | null;
      return e?.constructor?.name === 'Each' ? [...e.items!].map(e.toJson!) : v;
    },
    2,
  );
}

describe('jsonPieces', () => {
  it.each([
    ['an empty marked array', { a: 1, b: each([]), c: 'x' }],
    ['a marked array at the top', each([1, [2, [3]], {}, [], 'a\n"b"'])],
    [
      'a marked array mapped, beside left-out keys',
      { u: undefined, x: each([1, 2], (n) => ({ n })), f: () => 1 },
    ],
    [
      'undefined, functions and nested arrays inside elements',
      { a: each([{ x: [1, 2, {}], y: undefined, z: () => 0 }, undefined, null, []]) },
    ],
    [
      'a marked array deep in arrays and objects',
      [{ runs: [{ r: each(['a', 'b']), s: undefined }] }, undefined],
    ],
    ['two marked arrays', { a: each([1]), b: { c: each([{ d: [] }]) } }],
    ['dates (toJSON) inside and outside', { d: new Date(0), e: each([new Date(1)]) }],
    ['nothing marked', { a: [1, { b: 2 }], c: 'd' }],
  ])('writes %s as JSON.stringify(value, null, 2) does', (_name, value) => {
    expect([...jsonPieces(value)].join('')).toBe(expected(value));
  });

  it('makes each element only when its turn comes, and writes it as one piece', () => {
    const made: number[] = [];
    const pieces = jsonPieces({
      results: each([1, 2, 3], (n) => {
        made.push(n);
        return { n };
      }),
    });
    const seen: string[] = [];
    for (const piece of pieces) {
      seen.push(piece);
      if (seen.length === 2) expect(made).toEqual([1]);
    }
    expect(made).toEqual([1, 2, 3]);
    expect(seen.filter((p) => p.includes('"n"'))).toHaveLength(3);
  });
});

describe('every format', () => {
  // 3,000 findings over two files: no piece may grow with their number.
  const many: Finding[] = Array.from({ length: 3_000 }, (_, i) => ({
    ...findings[i % 3]!,
    line: i + 1,
    message: `${findings[i % 3]!.message} #${i}`,
  }));

  it.each(FORMAT_NAMES)('%s: no piece holds more than one finding', async (name) => {
    const formatter = await formatters[name]();
    const pieces = [...formatter(many, ctx)];
    const most = pieces.reduce((max, p) => Math.max(max, new Set(p.match(/ #\d+/g)).size), 0);
    expect(most).toBe(1);
    // github writes each finding twice: an annotation, then a line of the plain list.
    expect(pieces.filter((p) => p.includes(' #2999'))).toHaveLength(name === 'github' ? 2 : 1);
  });
});
