import { readFileSync } from 'node:fs';
import {
  type Alias,
  type Document,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  type Node,
  parseDocument,
  type Scalar,
  visit,
  type YAMLMap,
} from 'yaml';
import { UsageError } from '../errors.js';
import { pointerSegments } from '../plan/source.js';
import type { LoadedPlan, Located, SourceFile } from '../plan/types.js';

export type VerifyKind = 'contacts' | 'access';

/** An entry to mark verified: where it is written and what its `verified` was. */
export interface VerifyTarget {
  kind: VerifyKind;
  id: string;
  file: SourceFile;
  /** JSON pointer of the entry in its file, e.g. `/contacts/3`. */
  pointer: string;
  /** The old value as written (undefined when the entry had no `verified`). */
  old: string | undefined;
}

/** One file's new text, and the entries that changed in it. */
export interface FileEdit {
  file: SourceFile;
  /** The full new file content, BOM included when the original had one. */
  text: string;
  targets: VerifyTarget[];
}

const KIND_ALIASES: Record<string, VerifyKind> = {
  contacts: 'contacts',
  contact: 'contacts',
  access: 'access',
};

/**
 * Finds the entries named on the command line: `max-braun`, or `contacts/max-braun` and
 * `access/routing-portal` when an id is both. Every problem is a UsageError, raised before
 * anything is written.
 */
export function findTargets(plan: LoadedPlan, names: string[]): VerifyTarget[] {
  const targets: VerifyTarget[] = [];
  const unknown: string[] = [];
  const seen = new Set<string>();
  for (const name of names) {
    const slash = name.indexOf('/');
    const prefix = slash > 0 ? KIND_ALIASES[name.slice(0, slash)] : undefined;
    const id = prefix ? name.slice(slash + 1) : name;
    const kinds: VerifyKind[] = prefix ? [prefix] : ['contacts', 'access'];
    const matches = kinds.flatMap((kind) =>
      (kind === 'contacts' ? plan.contacts : plan.access)
        .filter((e) => e.value.id === id)
        .map((e) => ({ kind, entry: e as Located<{ verified?: unknown }> })),
    );
    if (matches.length === 0) {
      unknown.push(name);
      continue;
    }
    const kindsFound = new Set(matches.map((m) => m.kind));
    if (kindsFound.size > 1) {
      throw new UsageError(
        `${id} is both a contact and an access entry: write contacts/${id} or access/${id}`,
      );
    }
    if (matches.length > 1) {
      const where = matches.map((m) => `${m.entry.file.path} ${m.entry.pointer}`).join(', ');
      throw new UsageError(
        `${matches[0]!.kind}/${id} is written more than once (${where}); fix the duplicate id first`,
      );
    }
    const { kind, entry } = matches[0]!;
    const key = `${kind}/${id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const v = entry.value.verified;
    targets.push({
      kind,
      id,
      file: entry.file,
      pointer: entry.pointer,
      old: v === undefined || v === null ? undefined : String(v),
    });
  }
  if (unknown.length > 0) {
    const known = [...plan.contacts, ...plan.access]
      .map((e) => e.value.id)
      .filter((v): v is string => typeof v === 'string');
    const hint = known.length > 0 ? ` (known: ${known.join(', ')})` : '';
    throw new UsageError(
      `no contact or access entry ${unknown.map((u) => `"${u}"`).join(', ')} in ${plan.root.path}${hint}`,
    );
  }
  return targets;
}

interface Splice {
  start: number;
  end: number;
  text: string;
}

function lineStartOf(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text[i - 1] !== '\n') i--;
  return i;
}

/** The YAML node along a pointer, for editing a yaml Document (verify). */
function findNode(doc: Document, pointer: string): { node: Node | undefined; depth: number } {
  const resolve = (value: unknown): Node | undefined => {
    let n = value as Node | undefined;
    for (let i = 0; i < 100 && n && isAlias(n); i++) n = n.resolve(doc) as Node | undefined;
    return n;
  };
  let node = resolve(doc.contents);
  let depth = 0;
  for (const segment of pointerSegments(pointer)) {
    if (isMap(node)) {
      const found = node.items.find((p) => isScalar(p.key) && String(p.key.value) === segment);
      if (!found) break;
      node = resolve(found.value);
    } else if (isSeq(node)) {
      const index = Number(segment);
      if (!Number.isInteger(index) || index < 0 || index >= node.items.length) break;
      node = resolve(node.items[index]);
    } else {
      break;
    }
    depth++;
  }
  return { node, depth };
}

/** The raw (unresolved) node at a pointer: the entry itself must not be an alias of another one. */
function entryMap(doc: ReturnType<typeof parseDocument>, pointer: string, label: string): YAMLMap {
  const segments = pointerSegments(pointer);
  const index = Number(segments.pop());
  const parent = findNode(doc, `/${segments.join('/')}`).node;
  const raw = isSeq(parent) ? (parent.items[index] as Node | undefined) : undefined;
  if (isAlias(raw))
    throw new UsageError(`${label} is an alias (*${raw.source}) of another entry; edit the anchored entry`);
  if (!isMap(raw)) throw new UsageError(`${label} is not a mapping with fields`);
  return raw;
}

const keyIs = (name: string) => (p: { key: unknown }) => isScalar(p.key) && p.key.value === name;

function dateText(style: Scalar['type'], date: string): string {
  if (style === 'QUOTE_DOUBLE') return `"${date}"`;
  if (style === 'QUOTE_SINGLE') return `'${date}'`;
  return date;
}

/**
 * Sets `verified` of the given entries of one file by splicing the text: only the date (or an
 * inserted `verified:` line) changes; comments, quoting, order, blank lines, CRLF, BOM and
 * anchors stay byte for byte. The result is parsed back and compared with the intended data.
 */
export function editFile(file: SourceFile, targets: VerifyTarget[], date: string): FileEdit {
  const raw = readFileSync(file.absPath, 'utf8');
  const bom = raw.startsWith('\uFEFF') ? '\uFEFF' : '';
  const text = raw.slice(bom.length);
  if (text !== file.text)
    throw new UsageError(`${file.path} changed while bcplan was reading it; run verify again`);
  // The splicing below knows LF and CRLF; bcplan reads a lone CR as a line break but does not write one.
  if (/\r(?!\n)/.test(text)) {
    throw new UsageError(
      `cannot edit ${file.path}: its lines end in CR only (old Mac line endings); save it with LF or CRLF line endings`,
    );
  }
  const doc = parseDocument(text, { uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new UsageError(`cannot edit ${file.path}: it has YAML errors (run bcplan validate ${file.path})`);
  }
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const label = (t: VerifyTarget) => `${t.kind}/${t.id}`;

  // Which entries share an anchored date: changing the anchor changes all of them.
  const aliasUsers = new Map<string, Alias[]>();
  visit(doc, {
    Alias(_, node) {
      aliasUsers.set(node.source, [...(aliasUsers.get(node.source) ?? []), node]);
    },
  });
  const targetNodes = new Set<Node>();
  const splices: Splice[] = [];
  const planned: { map: YAMLMap; t: VerifyTarget }[] = targets.map((t) => ({
    map: entryMap(doc, t.pointer, label(t)),
    t,
  }));
  for (const { map } of planned) {
    const v = map.items.find(keyIs('verified'))?.value;
    if (v) targetNodes.add(v as Node);
  }

  for (const { map, t } of planned) {
    const pair = map.items.find(keyIs('verified'));
    const value = pair?.value as Node | null | undefined;
    if (pair && isAlias(value) && value.range) {
      // `verified: *d`: replace the alias with the date; the anchored value stays for the others.
      splices.push({ start: value.range[0], end: value.range[1], text: date });
    } else if (pair && isScalar(value) && value.range) {
      if (value.type === 'BLOCK_LITERAL' || value.type === 'BLOCK_FOLDED') {
        throw new UsageError(
          `${label(t)} in ${file.path}: verified is a block scalar; write it as a plain date`,
        );
      }
      if (value.anchor) {
        const others = (aliasUsers.get(value.anchor) ?? []).filter((a) => !targetNodes.has(a));
        if (others.length > 0) {
          throw new UsageError(
            `${label(t)} in ${file.path}: its verified date is anchored (&${value.anchor}) and shared by ${others.length} other entr${others.length === 1 ? 'y' : 'ies'}; verify them together or remove the anchor`,
          );
        }
      }
      const [start, end] = value.range;
      const needsSpace = start === end && text[start - 1] === ':';
      splices.push({ start, end, text: `${needsSpace ? ' ' : ''}${dateText(value.type, date)}` });
    } else if (pair && (value === null || value === undefined) && isScalar(pair.key) && pair.key.range) {
      // `verified:` with nothing after it.
      const colon = text.indexOf(':', pair.key.range[1]);
      splices.push({ start: colon + 1, end: colon + 1, text: ` ${date}` });
    } else if (!pair) {
      splices.push(insertion(text, map, date, eol, label(t), file.path));
    } else {
      throw new UsageError(`${label(t)} in ${file.path}: verified is not a date; fix it by hand`);
    }
  }

  splices.sort((a, b) => b.start - a.start);
  let out = text;
  for (const s of splices) out = out.slice(0, s.start) + s.text + out.slice(s.end);
  checkRoundTrip(file, doc.toJS(), out, planned, date);
  return { file, text: bom + out, targets };
}

/** Where a missing `verified:` goes: a new last line of a block entry, or the end of a flow one. */
function insertion(
  text: string,
  map: YAMLMap,
  date: string,
  eol: string,
  label: string,
  path: string,
): Splice {
  if (!map.range) throw new UsageError(`${label} in ${path}: cannot find where to add verified`);
  if (map.flow) {
    let close = map.range[1] - 1;
    while (close > map.range[0] && text[close] !== '}') close--;
    let k = close;
    while (k > map.range[0] && /\s/.test(text[k - 1]!)) k--;
    const before = text[k - 1];
    const sep = before === '{' ? '' : before === ',' ? ' ' : ', ';
    return { start: k, end: k, text: `${sep}verified: ${date}` };
  }
  const first = map.items[0];
  const last = map.items[map.items.length - 1];
  const firstKey = first && isScalar(first.key) ? first.key : undefined;
  if (!firstKey?.range || !last)
    throw new UsageError(`${label} in ${path}: cannot find where to add verified`);
  const indent = ' '.repeat(firstKey.range[0] - lineStartOf(text, firstKey.range[0]));
  const lastNode = (last.value ?? last.key) as Node | null;
  let at = lastNode?.range ? lastNode.range[1] : firstKey.range[1];
  if (at > 0 && text[at - 1] === '\n') {
    return { start: at, end: at, text: `${indent}verified: ${date}${eol}` };
  }
  while (at < text.length && text[at] !== '\n') at++;
  if (at >= text.length) return { start: at, end: at, text: `${eol}${indent}verified: ${date}` };
  return { start: at + 1, end: at + 1, text: `${indent}verified: ${date}${eol}` };
}

/** Parses the edited text and checks it equals the old data with only the intended dates changed. */
function checkRoundTrip(
  file: SourceFile,
  before: unknown,
  after: string,
  planned: { map: YAMLMap; t: VerifyTarget }[],
  date: string,
): void {
  const expected = structuredClone(before) as Record<string, unknown[]>;
  for (const { t } of planned) {
    const [section, index] = pointerSegments(t.pointer);
    const entry = expected[section!]?.[Number(index)] as Record<string, unknown> | undefined;
    if (entry) entry.verified = date;
  }
  const doc = parseDocument(after, { uniqueKeys: true });
  const actual = doc.errors.length === 0 ? doc.toJS() : undefined;
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    throw new Error(`editing ${file.path} would change more than the verified dates; nothing was written`);
  }
}
