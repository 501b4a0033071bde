import { findInTree } from './tree.js';
import type { Finding, Severity, SourceFile } from './types.js';

export interface Range {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** Splits a JSON pointer into unescaped segments: `/a~1b/0` → ['a/b', '0']. */
export function pointerSegments(pointer: string): string[] {
  if (pointer === '' || pointer === '/') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function joinPointer(...segments: (string | number)[]): string {
  return segments.map((s) => `/${String(s).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/**
 * Offsets where the file's lines start, counted once per file and only when needed. CR LF, LF
 * and a lone CR each end a line (YAML 1.2 §5.4).
 */
function lineStarts(file: SourceFile): number[] {
  if (file.lines) return file.lines;
  const starts = [0];
  const text = file.text;
  if (text.includes('\r')) {
    for (const m of text.matchAll(/\r\n?|\n/g)) starts.push(m.index + m[0].length);
  } else {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  }
  file.lines = starts;
  return starts;
}

/** 1-based line and column of an offset. */
export function linePos(file: SourceFile, offset: number): { line: number; col: number } {
  const starts = lineStarts(file);
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low + 1, col: offset - starts[low]! + 1 };
}

function rangeFromOffsets(file: SourceFile, start: number, end: number): Range {
  // Block scalars (| and >) end after their trailing line break: stop at the last character.
  let last = Math.max(start, end);
  while (last > start && /[\s]/.test(file.text[last - 1] ?? '')) last--;
  const a = linePos(file, start);
  const b = linePos(file, last);
  return { line: a.line, column: a.col, endLine: b.line, endColumn: b.col };
}

/** The offset of the end of the line holding `offset` (before any \r\n). */
function lineEnd(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}

/**
 * The source range of the value at `pointer` (or of its key with `target: 'key'`).
 * A collection is shown by its key when it has one, else by its first line, so a finding
 * never spans a whole section. A pointer past the document's end falls back to the
 * deepest node that exists.
 */
export function rangeOf(file: SourceFile, pointer: string, target: 'value' | 'key' = 'value'): Range {
  const segments = pointerSegments(pointer);
  const hit = findInTree(file.tree, segments);
  const exact = hit.depth === segments.length;
  const key = hit.key;
  if (target === 'key' && exact && key) return rangeFromOffsets(file, key.start, key.end);
  const node = hit.node;
  if (node && node.kind !== 'scalar') {
    if (key) return rangeFromOffsets(file, key.start, key.end);
    return rangeFromOffsets(file, node.start, Math.min(node.end, lineEnd(file.text, node.start)));
  }
  if (node) return rangeFromOffsets(file, node.start, node.end);
  return { line: 1, column: 1, endLine: 1, endColumn: 1 };
}

/** Builds a finding at a pointer of a file: the one place pointers become positions. */
export function findingAt(
  file: SourceFile,
  pointer: string,
  rule: string,
  severity: Severity,
  message: string,
  target: 'value' | 'key' = 'value',
): Finding {
  return { file: file.path, ...rangeOf(file, pointer, target), severity, rule, message, pointer };
}

/** A finding at a raw character offset, for parser errors that have no pointer. */
export function findingAtOffset(
  file: SourceFile,
  start: number,
  end: number,
  rule: string,
  severity: Severity,
  message: string,
): Finding {
  return { file: file.path, ...rangeFromOffsets(file, start, end), severity, rule, message, pointer: '' };
}
