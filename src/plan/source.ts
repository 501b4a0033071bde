import { type Document, isAlias, isCollection, isMap, isScalar, isSeq, type Node, type Pair } from 'yaml';
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

interface Hit {
  node: Node | undefined;
  /** The pair whose value is `node`, when `node` sits in a map. */
  pair: Pair | undefined;
  /** How many segments of the pointer were found. */
  depth: number;
}

function resolveNode(doc: Document.Parsed, node: unknown): Node | undefined {
  let n = node as Node | undefined;
  // Aliases resolve to their anchor; a bounded loop guards against alias chains.
  for (let i = 0; i < 100 && n && isAlias(n); i++) n = n.resolve(doc) as Node | undefined;
  return n;
}

function keyString(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  if (key === null || key === undefined) return undefined;
  return String(key);
}

/** Walks the YAML document along a JSON pointer, as far as the document goes. */
export function findNode(doc: Document.Parsed, pointer: string): Hit {
  const segments = pointerSegments(pointer);
  let node = resolveNode(doc, doc.contents);
  let pair: Pair | undefined;
  let depth = 0;
  for (const segment of segments) {
    if (isMap(node)) {
      const found = node.items.find((p) => keyString(p.key) === segment);
      if (!found) break;
      pair = found;
      node = resolveNode(doc, found.value);
    } else if (isSeq(node)) {
      const index = Number(segment);
      if (!Number.isInteger(index) || index < 0 || index >= node.items.length) break;
      pair = undefined;
      node = resolveNode(doc, node.items[index]);
    } else {
      break;
    }
    depth++;
  }
  return { node, pair, depth };
}

function rangeFromOffsets(file: SourceFile, start: number, end: number): Range {
  // Block scalars (| and >) end after their trailing line break: stop at the last character.
  let last = Math.max(start, end);
  while (last > start && /[\s]/.test(file.text[last - 1] ?? '')) last--;
  const a = file.lineCounter.linePos(start);
  const b = file.lineCounter.linePos(last);
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
  const doc = file.doc;
  if (!doc) return { line: 1, column: 1, endLine: 1, endColumn: 1 };
  const hit = findNode(doc, pointer);
  const exact = hit.depth === pointerSegments(pointer).length;
  const keyNode = hit.pair && isScalar(hit.pair.key) ? hit.pair.key : undefined;
  if (target === 'key' && exact && keyNode?.range) {
    return rangeFromOffsets(file, keyNode.range[0], keyNode.range[1]);
  }
  const node = hit.node;
  if (node && isCollection(node)) {
    if (keyNode?.range) return rangeFromOffsets(file, keyNode.range[0], keyNode.range[1]);
    if (node.range) {
      const start = node.range[0];
      return rangeFromOffsets(file, start, Math.min(node.range[1], lineEnd(file.text, start)));
    }
  }
  if (node?.range) return rangeFromOffsets(file, node.range[0], node.range[1]);
  if (keyNode?.range) return rangeFromOffsets(file, keyNode.range[0], keyNode.range[1]);
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
