import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { type Document, isAlias, isScalar, parseAllDocuments, visit } from 'yaml';
import { readErrorReason } from '../util/read-error.js';
import { findingAt, findingAtOffset, joinPointer } from './source.js';
import { parsePlain, treeFromDocument } from './tree.js';
import type { Finding, LoadedPlan, Located, SourceFile } from './types.js';

/** Plans are small; anything bigger is refused before parsing (a 50 MB file must not hang us). */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
/** Deeper flow or block nesting than any plan needs; the YAML lexer overflows on 100,000 levels. */
export const MAX_NESTING = 64;
const tooDeepMessage = `the YAML is nested more than ${MAX_NESTING} levels deep; a plan never needs that`;
export const MAX_ALIAS_COUNT = 100;
/**
 * Lines, flow commas, anchors, aliases and tags: the parser keeps about 1 KB per node, so a
 * 1 MB file of `a: 1` lines needs over 200 MB. 5,000 contacts and 500 scenarios are 60,000.
 */
export const MAX_ITEMS = 100_000;
/** Aliases in one file: resolving an alias of a collection walks the whole document. */
export const MAX_ALIASES = 1000;
/** Parser errors reported per file; the rest are counted in one more finding. */
const MAX_SYNTAX_FINDINGS = 100;

export interface LoadOptions {
  /** Allow imports outside the plan's repository root (or its folder, outside a repository). */
  allowOutsideRoot?: boolean;
  /** Parse every file with yaml, never with the fast path (tests compare the two). */
  yamlOnly?: boolean;
}

const IMPORTABLE = ['contacts', 'roles', 'providers', 'access'] as const;

export function emptySource(displayPath: string, absPath: string): SourceFile {
  return {
    path: displayPath,
    absPath,
    text: '',
    tree: undefined,
    data: undefined,
    kind: 'fragment',
  };
}

/**
 * Depth of flow brackets and compact `- - -` sequences, ignoring quoted text and comments;
 * `offset` is where the nesting first goes past MAX_NESTING. `multiline` is true when a flow
 * collection (`[…]`, `{…}`) or a quoted value spans lines: such files skip the fast path.
 */
function maxNesting(text: string): { depth: number; offset: number; multiline: boolean } {
  let multiline = false;
  let depth = 0;
  let max = 0;
  let at = 0;
  let quote = 0; // the char code of the open quote, 0 outside quotes
  let lineStart = true;
  let dashes = 0;
  // Char codes: \n 10, space 32, " 34, # 35, ' 39, - 45, [ 91, \\ 92, ] 93, { 123, } 125.
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quote !== 0) {
      if (c === 92 && quote === 34) i++;
      else if (c === quote) quote = 0;
      else if (c === 10) {
        // yaml checks the indentation of a quoted value's later lines, js-yaml does not.
        multiline = true;
        if (depth === 0) quote = 0;
      }
      continue;
    }
    if (c === 10) {
      if (depth > 0) multiline = true;
      lineStart = true;
      dashes = 0;
      continue;
    }
    if (lineStart) {
      if (c === 32) continue;
      const next = text.charCodeAt(i + 1);
      if (c === 45 && (next === 32 || next === 10)) {
        dashes++;
        if (dashes > max) [max, at] = [dashes, dashes <= MAX_NESTING + 1 ? i : at];
        continue;
      }
      lineStart = false;
    }
    if (c === 35 && (i === 0 || /\s/.test(text[i - 1]!))) {
      const end = text.indexOf('\n', i);
      i = (end === -1 ? text.length : end) - 1;
    } else if (c === 34 || (c === 39 && (i === 0 || /[\s[{,:]/.test(text[i - 1]!)))) {
      quote = c;
    } else if (c === 91 || c === 123) {
      depth++;
      if (depth > max) [max, at] = [depth, depth <= MAX_NESTING + 1 ? i : at];
    } else if ((c === 93 || c === 125) && depth > 0) {
      depth--;
    }
  }
  return { depth: max, offset: at, multiline };
}

/** Imports within imports: a plan's fragments are usually one level deep, rarely two. */
export const MAX_IMPORT_DEPTH = 32;

/** The longest double-quoted value a plan may hold: the parser builds it a character at a time. */
export const MAX_QUOTED_CHARS = 100_000;

/** True at the start of the text or after a blank, line break, `[`, `{` or `,`. */
function nodeCanStart(text: string, i: number): boolean {
  if (i === 0) return true;
  const p = text.charCodeAt(i - 1);
  return p === 32 || p === 10 || p === 13 || p === 9 || p === 91 || p === 123 || p === 44;
}

/**
 * Longer implicit keys are an error to yaml but not to js-yaml: files with a line whose text
 * (after its indentation) is longer go to yaml.
 */
const MAX_PLAIN_LINE = 1024;

/**
 * Counts what costs the parser memory (see MAX_ITEMS); `offset` is where the budget runs out.
 * `quoted` is the start of a double-quoted value longer than MAX_QUOTED_CHARS (4.8 MB of one
 * runs a 128 MB heap out of memory). `plain` is false when the text may use what only yaml
 * reads the way bcplan needs (anchors, aliases, tags, explicit `?` keys, directives, tabs,
 * very long lines): such files skip the fast path. A `&` or `!` in text can make it false
 * needlessly; that costs only speed.
 */
function countItems(text: string): { items: number; offset: number; quoted?: number; plain: boolean } {
  let items = 0;
  let offset = 0;
  let plain = !text.includes('\t');
  let lineStart = 0; // where the line's text starts, after its indentation
  let indented = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (indented && c !== 32) {
      indented = false;
      lineStart = i;
    }
    // \n , & ! * (the last three only where a node can start)
    if (c === 10 || c === 44 || ((c === 38 || c === 33 || c === 42) && nodeCanStart(text, i))) {
      items++;
      if (items === MAX_ITEMS + 1) offset = i;
      if (c !== 10 && c !== 44) plain = false;
      else if (c === 10) {
        if (i - lineStart > MAX_PLAIN_LINE) plain = false;
        indented = true;
      }
    } else if (c === 35 && (i === 0 || /\s/.test(text[i - 1]!))) {
      // A comment: its quotes open nothing.
      while (i + 1 < text.length && text[i + 1] !== '\n') i++;
    } else if (c === 35 && /["'\]}]/.test(text[i - 1]!)) {
      // `"x"#`: an error to yaml, a comment to js-yaml.
      plain = false;
    } else if (c === 34 && (i === 0 || /[\s[{,:]/.test(text[i - 1]!))) {
      const start = i;
      for (i++; i < text.length && text[i] !== '"'; i++) {
        if (text[i] === '\\') i++;
        else if (text[i] === '\n') items++;
      }
      if (i - start > MAX_QUOTED_CHARS) return { items, offset, quoted: start, plain: false };
    } else if (
      (c === 63 && nodeCanStart(text, i) && /^[\s]?$/.test(text[i + 1] ?? '')) ||
      (c === 37 && (i === 0 || text.charCodeAt(i - 1) === 10))
    ) {
      // `? key` and `%YAML 1.1`.
      plain = false;
    }
  }
  if (text.length - lineStart > MAX_PLAIN_LINE) plain = false;
  return { items, offset, plain };
}

function describeBytes(bytes: Buffer): string | undefined {
  if (
    bytes.length >= 2 &&
    ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
  ) {
    return 'the file is UTF-16; save it as UTF-8';
  }
  if (bytes.includes(0)) return 'the file holds binary data (NUL bytes), not YAML text';
  return undefined;
}

function decodeUtf8(bytes: Buffer): { text: string } | { error: string; offset: number } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    // Point at the first bad byte (Latin-1 files are the usual culprit). A prefix that holds a
    // bad byte stays bad as it grows, so a binary search finds it in O(n log n): decoding every
    // prefix in turn took minutes for a 2 MB file with the bad byte at the end.
    const bad = (end: number) => {
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, end), { stream: true });
        return false;
      } catch {
        return true;
      }
    };
    let offset: number;
    if (bad(bytes.length)) {
      let lo = 1;
      let hi = bytes.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (bad(mid)) hi = mid;
        else lo = mid + 1;
      }
      offset = lo - 1;
      // An ASCII byte fails only after a lead byte whose sequence it cut short: name the lead byte.
      for (let back = 1; back <= 3 && (bytes[offset] ?? 0) < 0xc0 && offset - back >= 0; back++) {
        if (bytes[offset - back]! >= 0xc0) {
          offset -= back;
          break;
        }
      }
    } else {
      // Cut short at the very end: the last lead byte starts the incomplete sequence.
      offset = bytes.length - 1;
      while (offset > 0 && bytes[offset]! < 0xc0 && bytes.length - offset < 4) offset--;
    }
    let line = 1;
    for (let i = 0; i < offset; i++) {
      if (bytes[i] === 10 || (bytes[i] === 13 && bytes[i + 1] !== 10)) line++;
    }
    return {
      error: `the file is not valid UTF-8 (byte 0x${bytes[offset]?.toString(16)} on line ${line}); it may be Latin-1 or Windows-1252: save it as UTF-8`,
      offset,
    };
  }
}

/**
 * The range of the first alias whose anchor is missing, else of the first alias. One walk:
 * `Alias.resolve(doc)` walks the whole document per alias, quadratic on many aliases.
 */
function blameAlias(doc: Document.Parsed): [number, number] | undefined {
  let first: [number, number] | undefined;
  let unresolved: [number, number] | undefined;
  const anchors = new Set<string>();
  visit(doc, {
    Node(_, node) {
      if (isAlias(node)) {
        const range = node.range ? ([node.range[0], node.range[1]] as [number, number]) : undefined;
        first ??= range;
        if (!anchors.has(node.source)) {
          unresolved = range;
          return visit.BREAK;
        }
      } else if (node.anchor) {
        anchors.add(node.anchor);
      }
      return undefined;
    },
  });
  return unresolved ?? first;
}

/** The range of the alias past MAX_ALIASES, if there is one. */
function aliasOverflow(doc: Document.Parsed): [number, number] | undefined {
  let count = 0;
  let at: [number, number] | undefined;
  visit(doc, {
    Alias(_, node) {
      if (++count <= MAX_ALIASES) return undefined;
      at = node.range ? [node.range[0], node.range[1]] : [0, 0];
      return visit.BREAK;
    },
  });
  return at;
}

/**
 * Duplicate keys, at the later key, as the parser's `uniqueKeys` reports them; with a Set per
 * mapping, because `uniqueKeys` compares each key with every earlier one (30,000 keys: 30 s).
 */
function duplicateKeys(doc: Document.Parsed): [number, number][] {
  const found: [number, number][] = [];
  visit(doc, {
    Map(_, map) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        if (!isScalar(pair.key)) continue;
        const value = pair.key.value;
        const key = typeof value === 'string' ? `s${value}` : value;
        if (seen.has(key) && pair.key.range) found.push([pair.key.range[0], pair.key.range[0] + 1]);
        seen.add(key);
      }
    },
  });
  return found;
}

/** A plan has a `plan` section; anything else is a fragment. */
function isPlanData(data: unknown): boolean {
  return data !== null && typeof data === 'object' && !Array.isArray(data) && 'plan' in data;
}

/** Where the quoted value that runs on to `offset` opens: the last quoted scalar starting before it. */
function openingQuote(doc: Document, offset: number): number | undefined {
  let found: number | undefined;
  visit(doc, {
    Scalar(_, node) {
      const [from, to] = node.range ?? [];
      if (
        (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') &&
        from !== undefined &&
        to !== undefined
      ) {
        if (from < offset && to >= offset && (found === undefined || from > found)) found = from;
      }
    },
  });
  return found;
}

/** The line of `text` that holds `offset`, without its line break (`fromOffset`: only the rest of it). */
function lineAt(text: string, offset: number, fromOffset = false): string {
  const from = fromOffset ? offset : text.lastIndexOf('\n', offset - 1) + 1;
  const to = text.indexOf('\n', offset);
  return text.slice(from, to === -1 ? text.length : to).replace(/\r$/, '');
}

/**
 * What to do about a YAML error, in the words of someone who edits a plan, not of the parser:
 * the parser's message stays in front (it is what a search finds), this follows it. `line` is
 * the line the error points at, `rest` that line from the error on; a few hints look at them to
 * name the likely mistake.
 */
function yamlHint(code: string, message: string, line: string, rest: string): string | undefined {
  // `name:Jens`: without a space after the colon, YAML reads one plain value, not a key.
  const noSpace = /^\s*(?:-\s+)?([\p{L}\p{N}_-]+):(?=[^\s/])/u.exec(line);
  switch (code) {
    case 'TAB_AS_INDENT':
      return 'indent with spaces; YAML does not allow tabs';
    case 'DUPLICATE_KEY': {
      // The error points at the second key itself (also inside `{ … }`).
      const key = /^([^\s:#'",{}[\]][^:#,{}[\]]*?)\s*:/.exec(rest)?.[1];
      const which = key && [...key].length <= 40 ? `\`${key}\`` : 'this key';
      return `${which} is written twice in one entry; keep one (the later would silently replace the earlier)`;
    }
    case 'BAD_SCALAR_START':
      return 'a value that starts with this character must be in quotes, e.g. "@team"';
    case 'BAD_DQ_ESCAPE':
      return 'in double quotes a backslash starts an escape: write \\\\ for one, or use single quotes';
    case 'BLOCK_AS_IMPLICIT_KEY':
      if (/:\s+\S.*:\s/.test(line))
        return 'a value that holds ": " must be in quotes, e.g. title: "Plan: Notfall"';
      return 'check the indentation of this line and the next: keys of one entry start in the same column';
    case 'MULTILINE_IMPLICIT_KEY':
      if (noSpace) return `put a space after the colon: "${noSpace[1]}: …"`;
      return 'a key and its colon must be on one line; check this line for a missing ": " and the line above for a quote that is not closed';
    case 'BAD_INDENT':
      if (/end with an? [\]}]/.test(message))
        return 'a "[" or "{" opened above is not closed: close it, or put the value in quotes if the bracket is text';
      return 'entries of one list or mapping start in the same column, indented with spaces';
    case 'MISSING_CHAR':
      if (/closing .?quote/.test(message))
        return 'the quote that opens here is never closed: add the closing quote where the value ends';
      if (/closing/.test(message)) return 'close the bracket that opens here';
      if (/- indicator/.test(message))
        return 'this line is indented like an item of the list above but has no "- ": indent it like the keys above, or start a new item with "- "';
      if (/map values/.test(message)) {
        if (noSpace) return `put a space after the colon: "${noSpace[1]}: …"`;
        return 'a key needs ": " after it, and a text that holds ": " needs quotes';
      }
      if (/directives-end/.test(message))
        return 'a line that starts with "%" is read as a YAML directive: remove it, or put the text in quotes';
      return undefined;
    default:
      return undefined;
  }
}

/**
 * Reads and parses one YAML file. Never throws for bad content: every problem becomes a
 * yaml-syntax finding, and `data` stays undefined when the YAML cannot be trusted.
 */
export function readSource(
  displayPath: string,
  absPath: string,
  options: LoadOptions = {},
): { source: SourceFile; findings: Finding[] } {
  const source = emptySource(displayPath, absPath);
  const fail = (message: string, offset = 0) => {
    return { source, findings: [findingAtOffset(source, offset, offset, 'yaml-syntax', 'error', message)] };
  };
  let bytes: Buffer;
  try {
    const stat = statSync(absPath);
    if (!stat.isFile())
      return fail(stat.isDirectory() ? 'this is a folder, not a YAML file' : 'this is not a regular file');
    if (stat.size > MAX_FILE_BYTES) {
      return fail(
        `the file is ${(stat.size / 1024 / 1024).toFixed(1)} MB; plans are limited to ${MAX_FILE_BYTES / 1024 / 1024} MB`,
      );
    }
    bytes = readFileSync(absPath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return fail(
      code === 'ENOENT' ? 'the file does not exist' : `the file cannot be read (${readErrorReason(error)})`,
    );
  }
  if (bytes.length > MAX_FILE_BYTES)
    return fail(`the file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB`);
  const binary = describeBytes(bytes);
  if (binary) return fail(binary);
  const decoded = decodeUtf8(bytes);
  if ('error' in decoded) {
    // One character per byte: the finding points at the bad byte's line and column.
    source.text = bytes.toString('latin1');
    return fail(decoded.error, decoded.offset);
  }
  // The BOM is invisible to the user: drop it so columns on line 1 match what editors show.
  const text = decoded.text.startsWith('\uFEFF') ? decoded.text.slice(1) : decoded.text;
  return parseText(source, text, options);
}

/**
 * Parses the text of a file (decoded, without BOM) into `source`: the budgets first, then
 * the fast path for plain YAML, else yaml. Exported for tests, which compare the two paths.
 */
export function parseText(
  source: SourceFile,
  written: string,
  options: LoadOptions = {},
): { source: SourceFile; findings: Finding[] } {
  source.text = written;
  // YAML 1.2 (§5.4) reads a lone CR, as old Mac editors wrote, as a line break; yaml 2 does not.
  // Both parsers get an LF in its place: one character for one keeps every offset, so positions
  // still point into the file as written (source.ts counts the lone CR as a line break too).
  const text = written.includes('\r') ? written.replace(/\r(?!\n)/g, '\n') : written;
  // Refused before parsing.
  const refuse = (start: number, end: number, message: string) => {
    return { source, findings: [findingAtOffset(source, start, end, 'yaml-syntax', 'error', message)] };
  };
  const nesting = maxNesting(text);
  if (nesting.depth > MAX_NESTING) {
    return refuse(nesting.offset, nesting.offset + 1, tooDeepMessage);
  }
  const budget = countItems(text);
  if (budget.quoted !== undefined) {
    return refuse(
      budget.quoted,
      budget.quoted,
      `this quoted value is longer than ${MAX_QUOTED_CHARS.toLocaleString('en')} characters; a plan never needs that`,
    );
  }
  if (budget.items > MAX_ITEMS) {
    return refuse(
      budget.offset,
      budget.offset,
      `the file holds more than ${MAX_ITEMS.toLocaleString('en')} YAML lines and items; a plan never needs that many`,
    );
  }

  // Plain YAML (nearly every plan) goes through js-yaml, ten times faster; anything else, and
  // anything js-yaml or the tree check is unsure of, through yaml, which also words the errors.
  if (budget.plain && !nesting.multiline && !options.yamlOnly) {
    const fast = parsePlain(text, MAX_NESTING);
    if (fast && 'tooDeep' in fast) {
      return refuse(fast.tooDeep, fast.tooDeep, tooDeepMessage);
    }
    if (fast) {
      source.parser = 'js-yaml';
      source.tree = fast.tree;
      source.data = fast.data;
      if (isPlanData(fast.data)) source.kind = 'plan';
      return { source, findings: [] };
    }
  }
  source.parser = 'yaml';
  const docs = parseAllDocuments(text, {
    uniqueKeys: false,
    prettyErrors: false,
    // Keeps the parser's own warnings (collection keys …) off stderr: they are findings here.
    logLevel: 'error',
  });
  const findings: Finding[] = [];
  const syntaxError = (start: number, end: number, message: string) =>
    findings.push(findingAtOffset(source, start, end, 'yaml-syntax', 'error', message));
  // An empty stream (nothing, blank lines or comments only) is an EmptyStream: an empty array.
  const list = Array.from(docs);
  const doc = list[0];
  if (!doc) {
    const what = text.trim() === '' ? 'the file is empty' : 'the file holds only comments';
    syntaxError(0, 0, `${what}: a plan starts with \`bcplan: 1\``);
    return { source, findings };
  }
  source.tree = treeFromDocument(doc);
  for (const extra of list.slice(1, 2)) {
    // One finding names them all: a file of 100,000 `---` lines must not make 100,000 findings.
    const start = extra.range[0];
    syntaxError(
      start,
      start,
      `the file holds ${list.length} YAML documents; a plan is one document (remove the \`---\` separators)`,
    );
  }
  let trusted = true;
  const problems = [
    ...doc.errors,
    ...doc.warnings,
    ...duplicateKeys(doc).map((pos) => ({ pos, code: 'DUPLICATE_KEY', message: 'Map keys must be unique' })),
  ].sort((a, b) => a.pos[0] - b.pos[0]);
  for (const problem of problems.slice(0, MAX_SYNTAX_FINDINGS)) {
    let [start, end] = problem.pos;
    // A quote never closed is reported where the parser gave up (often the end of the file):
    // point at the quote that opens the value instead, where the fix goes.
    if (problem.code === 'MISSING_CHAR' && /closing .?quote/.test(problem.message)) {
      const open = openingQuote(doc, start);
      if (open !== undefined) [start, end] = [open, open + 1];
    }
    const message = problem.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    const hint = yamlHint(problem.code, message, lineAt(text, start), lineAt(text, start, true));
    syntaxError(start, end, `${message} (${problem.code})${hint ? `: ${hint}` : ''}`);
  }
  if (problems.length > MAX_SYNTAX_FINDINGS) {
    const [start, end] = problems[MAX_SYNTAX_FINDINGS]!.pos;
    syntaxError(
      start,
      end,
      `${problems.length - MAX_SYNTAX_FINDINGS} more YAML errors from here on are not listed; fix the ones above first`,
    );
  }
  if (problems.some((p) => p.code !== 'DUPLICATE_KEY')) trusted = false;
  // No `*` anywhere, no alias: skip the walk (most plans).
  const tooMany = trusted && text.includes('*') ? aliasOverflow(doc) : undefined;
  if (tooMany) {
    trusted = false;
    syntaxError(
      tooMany[0],
      tooMany[1],
      `the file uses more than ${MAX_ALIASES} aliases (*name); a plan never needs that many`,
    );
  }
  if (trusted) {
    try {
      source.data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      // Unresolved aliases and alias bombs: point at the alias to blame, not at line 1.
      const [start, end] = blameAlias(doc) ?? [0, 0];
      syntaxError(start, end, `the YAML cannot be read: ${(error as Error).message}`);
    }
  }
  const data = source.data;
  if (isPlanData(data)) source.kind = 'plan';
  if (data === null || data === undefined) {
    if (trusted && findings.length === 0) {
      syntaxError(0, 0, 'the file holds no YAML content: a plan starts with `bcplan: 1`');
    }
  }
  return { source, findings };
}

/** The folder imports must stay inside: the git repository holding the plan, else the plan's folder. */
export function importRoot(planAbsPath: string): string {
  let dir = path.dirname(planAbsPath);
  for (;;) {
    if (existsSync(path.join(dir, '.git'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return path.dirname(planAbsPath);
    dir = parent;
  }
}

function isInside(root: string, file: string): boolean {
  const rel = path.relative(root, file);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function entries<T>(file: SourceFile, section: string): Located<T>[] {
  const list = asRecord(file.data)?.[section];
  if (!Array.isArray(list)) return [];
  return list.map((value, i) => ({
    value: (asRecord(value) ?? {}) as T,
    file,
    pointer: joinPointer(section, i),
  }));
}

/**
 * Loads a plan or fragment with its imports. `displayPath` is the path as the user wrote it;
 * imported files are shown joined onto it, so relative stays relative.
 */
export function loadPlan(displayPath: string, options: LoadOptions = {}): LoadedPlan {
  const absPath = path.resolve(displayPath);
  const root = importRoot(absPath);
  let realRootPath: string | undefined;
  const realRoot = () => (realRootPath ??= realpathSync(root));
  const files: SourceFile[] = [];
  const findings: Finding[] = [];
  const seen = new Map<string, SourceFile>();
  const importedPlans = new Set<string>();

  const read = (display: string, abs: string): SourceFile => {
    const { source, findings: own } = readSource(display, abs, options);
    seen.set(abs, source);
    files.push(source);
    for (const f of own) findings.push(f);
    return source;
  };

  const visit = (source: SourceFile, stack: string[]): void => {
    const abs = source.absPath;
    const display = source.path;
    const imports = asRecord(source.data)?.imports;
    if (!Array.isArray(imports)) return;
    imports.forEach((spec, i) => {
      if (typeof spec !== 'string' || spec.trim() === '') return; // the schema reports it
      const pointer = joinPointer('imports', i);
      const at = (message: string) => findings.push(findingAt(source, pointer, 'import', 'error', message));
      const targetAbs = path.resolve(path.dirname(abs), spec);
      const targetDisplay = path.normalize(path.join(path.dirname(display), spec));
      if (!options.allowOutsideRoot && !isInside(root, targetAbs)) {
        at(
          `import ${spec} points outside ${path.relative(process.cwd(), root) || '.'}, the folder this plan's imports must stay in (use --allow-outside-root to permit it)`,
        );
        return;
      }
      if (targetAbs === abs || stack.includes(targetAbs)) {
        at(
          `import ${spec} is cyclic: ${[...stack, abs, targetAbs].map((p) => path.relative(path.dirname(absPath), p) || path.basename(p)).join(' → ')}`,
        );
        return;
      }
      if (stack.length >= MAX_IMPORT_DEPTH) {
        // Each level is a frame of this function: 5,000 chained fragments overflowed the stack.
        at(
          `import ${spec} is more than ${MAX_IMPORT_DEPTH} imports deep; import the fragments from the plan, or from fewer levels`,
        );
        return;
      }
      let stat: ReturnType<typeof statSync> | undefined;
      try {
        stat = statSync(targetAbs);
      } catch {
        at(`import ${spec} does not exist (looked for ${targetDisplay})`);
        return;
      }
      // A symlink inside the repository may point out of it: compare where it really leads.
      if (!options.allowOutsideRoot && !isInside(realRoot(), realpathSync(targetAbs))) {
        at(
          `import ${spec} is a link to a file outside ${path.relative(process.cwd(), root) || '.'}, the folder this plan's imports must stay in (use --allow-outside-root to permit it)`,
        );
        return;
      }
      if (!stat.isFile()) {
        at(
          `import ${spec} is ${stat.isDirectory() ? 'a folder' : 'not a regular file'}; import a YAML fragment file`,
        );
        return;
      }
      if (seen.has(targetAbs) || importedPlans.has(targetAbs)) return; // a diamond: merged (or reported) once
      // Read first, recurse only into fragments: an imported plan is not merged, and neither
      // are its imports; it is validated on its own, so its findings are not repeated here.
      const { source: child, findings: own } = readSource(targetDisplay, targetAbs, options);
      if (child.kind === 'plan') {
        importedPlans.add(targetAbs);
        at(
          `import ${spec} is a plan, not a fragment: a fragment holds only contacts, roles, providers and access`,
        );
        return;
      }
      seen.set(targetAbs, child);
      files.push(child);
      for (const f of own) findings.push(f);
      if (child.tree === undefined || child.data === undefined) {
        at(`import ${spec} could not be read: see the findings in ${targetDisplay}`);
        return;
      }
      visit(child, [...stack, abs]);
    });
  };

  const rootFile = read(displayPath, absPath);
  visit(rootFile, []);
  // Importable sections come from every file that is a fragment (or the root itself).
  const contributing = files.filter((f) => f === rootFile || f.kind === 'fragment');
  const rootData = asRecord(rootFile.data);
  const planSection = asRecord(rootData?.plan);
  const matrixSection = asRecord(rootData?.riskMatrix);
  const collect = <T>(section: (typeof IMPORTABLE)[number]) =>
    contributing.flatMap((f) => entries<T>(f, section));
  return {
    root: rootFile,
    files,
    findings,
    plan: planSection ? { value: planSection, file: rootFile, pointer: '/plan' } : undefined,
    riskMatrix: matrixSection ? { value: matrixSection, file: rootFile, pointer: '/riskMatrix' } : undefined,
    roles: collect('roles'),
    contacts: collect('contacts'),
    providers: collect('providers'),
    access: collect('access'),
    services: entries(rootFile, 'services'),
    scenarios: entries(rootFile, 'scenarios'),
    communication: entries(rootFile, 'communication'),
    exercises: entries(rootFile, 'exercises'),
  };
}
