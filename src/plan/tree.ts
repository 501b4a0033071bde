import jsyaml from 'js-yaml';
import { type Document, isAlias, isMap, isScalar, isSeq, type Node } from 'yaml';

/**
 * Where each value of a YAML file is written: what findings point at. Built from either parser:
 * js-yaml (fast, for plain YAML) or yaml (everything else, and every file with syntax errors).
 */
export interface SourceNode {
  kind: 'map' | 'seq' | 'scalar';
  /** Offset of the node's first character. */
  start: number;
  /** Offset just past the node (trailing blanks may follow; ranges trim them). */
  end: number;
  /** Scalars: the value as parsed (strings, numbers, booleans, null). */
  value?: unknown;
  /** Maps: the keys in source order (duplicates kept), their nodes, and the values. */
  keys?: string[];
  keyNodes?: SourceNode[];
  /** Map values, aligned with `keys`; sequence items. */
  items?: SourceNode[];
}

/**
 * The tree of a document parsed by yaml. Aliases become their anchor's node (so a finding
 * inside an alias points where the value is written); keys that are not scalars are left out.
 */
export function treeFromDocument(doc: Document.Parsed): SourceNode | undefined {
  const built = new Map<Node, SourceNode>();
  // Anchors as met in document order, which is the order of the walk: an alias always refers
  // to one met before it. (`Alias.resolve` would walk the whole document for every alias.)
  const anchors = new Map<string, Node>();
  const build = (value: unknown, depth: number): SourceNode | undefined => {
    let node = value as Node | undefined;
    if (node && isAlias(node)) node = anchors.get(node.source);
    if (!node || isAlias(node) || depth > 256) return undefined;
    const known = built.get(node);
    if (known) return known;
    if (node.anchor) anchors.set(node.anchor, node);
    const [start, end] = node.range ?? [0, 0];
    if (isScalar(node)) {
      const out: SourceNode = { kind: 'scalar', start, end, value: node.value };
      built.set(node, out);
      return out;
    }
    if (isMap(node)) {
      const out: SourceNode = { kind: 'map', start, end, keys: [], keyNodes: [], items: [] };
      built.set(node, out);
      for (const pair of node.items) {
        if (!isScalar(pair.key)) continue;
        const [ks, ke] = pair.key.range ?? [0, 0];
        const keyNode: SourceNode = { kind: 'scalar', start: ks, end: ke, value: pair.key.value };
        const item = build(pair.value, depth + 1) ?? {
          // `key:` with nothing after it: a null, shown at its key.
          kind: 'scalar',
          start: ks,
          end: ke,
          value: null,
        };
        out.keys!.push(String(pair.key.value));
        out.keyNodes!.push(keyNode);
        out.items!.push(item);
      }
      return out;
    }
    if (isSeq(node)) {
      const out: SourceNode = { kind: 'seq', start, end, items: [] };
      built.set(node, out);
      for (const item of node.items) {
        out.items!.push(build(item, depth + 1) ?? { kind: 'scalar', start, end: start, value: null });
      }
      return out;
    }
    return undefined;
  };
  return build(doc.contents, 0);
}

/** What a walk along a JSON pointer found. */
export interface TreeHit {
  node: SourceNode | undefined;
  /** The key of `node`, when the last step went into a map. */
  key: SourceNode | undefined;
  /** How many segments of the pointer were found. */
  depth: number;
}

/**
 * Each big map's keys → the position of the last of equal keys, built on first use: a finding
 * per key of a 60,000-key mapping searched all keys for each (minutes).
 */
const keyIndexes = new WeakMap<SourceNode, Map<string, number>>();

function keyIndex(node: SourceNode, segment: string): number {
  const keys = node.keys!;
  if (keys.length <= 32) return keys.lastIndexOf(segment);
  let index = keyIndexes.get(node);
  if (!index) {
    index = new Map();
    for (let i = 0; i < keys.length; i++) index.set(keys[i]!, i);
    keyIndexes.set(node, index);
  }
  return index.get(segment) ?? -1;
}

/** Walks the tree along pointer segments, as far as the document goes. */
export function findInTree(tree: SourceNode | undefined, segments: string[]): TreeHit {
  let node = tree;
  let key: SourceNode | undefined;
  let depth = 0;
  for (const segment of segments) {
    if (node?.kind === 'map') {
      // The last of equal keys: the one whose value the data holds.
      const i = keyIndex(node, segment);
      if (i === -1) break;
      key = node.keyNodes![i];
      node = node.items![i];
    } else if (node?.kind === 'seq') {
      const index = Number(segment);
      if (!Number.isInteger(index) || index < 0 || index >= node.items!.length) break;
      key = undefined;
      node = node.items![index];
    } else {
      break;
    }
    depth++;
  }
  return { node, key, depth };
}

// ---------------------------------------------------------------------------------------------
// The fast path: js-yaml 4 with its parse-event listener (js-yaml 5 no longer has one).

/**
 * YAML 1.2's core schema exactly as yaml resolves it (js-yaml's CORE_SCHEMA also reads
 * `0b1010`, `-0x1F` and `1_000`), so both parsers give the same data.
 */
const nullType = new jsyaml.Type('tag:yaml.org,2002:null', {
  kind: 'scalar',
  resolve: (s: string) => /^(?:~|[Nn]ull|NULL)?$/.test(s),
  construct: () => null,
});
const boolType = new jsyaml.Type('tag:yaml.org,2002:bool', {
  kind: 'scalar',
  resolve: (s: string) => /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/.test(s),
  construct: (s: string) => s[0] === 't' || s[0] === 'T',
});
const intType = new jsyaml.Type('tag:yaml.org,2002:int', {
  kind: 'scalar',
  resolve: (s: string) => /^(?:0o[0-7]+|[-+]?[0-9]+|0x[0-9a-fA-F]+)$/.test(s),
  construct: (s: string) =>
    s.startsWith('0o')
      ? parseInt(s.slice(2), 8)
      : s.startsWith('0x')
        ? parseInt(s.slice(2), 16)
        : parseInt(s, 10),
});
const floatType = new jsyaml.Type('tag:yaml.org,2002:float', {
  kind: 'scalar',
  resolve: (s: string) =>
    /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?)$/.test(
      s,
    ),
  construct: (s: string) =>
    /nan$/i.test(s)
      ? Number.NaN
      : /inf$/i.test(s)
        ? s[0] === '-'
          ? Number.NEGATIVE_INFINITY
          : Number.POSITIVE_INFINITY
        : parseFloat(s),
});
const CORE = jsyaml.FAILSAFE_SCHEMA.extend({ implicit: [nullType, boolType, intType, floatType] });

/** Thrown inside the listener when the events do not make a tree we can trust. */
class Unsure extends Error {}

interface Frame {
  open: number;
  children: SourceNode[];
  /** What each child parsed to, to recognise a child that is this very node. */
  results: unknown[];
}

/** The offset of the first character after blanks, line breaks and comments from `i`. */
function skipSeparation(text: string, i: number): number {
  for (;;) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 10 || c === 13 || c === 9) i++;
    else if (c === 35) {
      while (i < text.length && text.charCodeAt(i) !== 10) i++;
    } else return i;
  }
}

/**
 * Parses plain YAML with js-yaml, about ten times faster than yaml, and builds the same tree;
 * `tooDeep` is the offset where the nesting goes past `maxDepth` levels.
 * Returns undefined whenever the result might differ from what yaml reads — a syntax error,
 * duplicate keys, more than one document, an empty document, a key that is not a string, or
 * events that do not pair up — and the caller then parses with yaml. The caller also keeps
 * anchors, aliases, tags, directives, explicit keys and tabs away from this path.
 */
export function parsePlain(
  text: string,
  maxDepth: number,
): { data: unknown; tree: SourceNode } | { tooDeep: number } | undefined {
  const stack: Frame[] = [];
  let root: SourceNode | undefined;
  const listener = (event: string, state: jsyaml.State): void => {
    if (event === 'open') {
      stack.push({ open: state.position, children: [], results: [] });
      return;
    }
    const frame = stack.pop()!;
    const kind = (state as unknown as { kind: string | null }).kind;
    const result = state.result as unknown;
    const start = skipSeparation(text, frame.open);
    const children = frame.children;
    let node: SourceNode;
    if (children.length === 1 && Object.is(frame.results[0], result) && kind !== null) {
      // js-yaml first tries a node in a block as a mapping key (a plain scalar, a flow
      // collection), and keeps that attempt as the node when no `:` follows: one node.
      node = children[0]!;
    } else if (kind === 'mapping') {
      if (children.length % 2 !== 0) throw new Unsure();
      const keys: string[] = [];
      const keyNodes: SourceNode[] = [];
      const items: SourceNode[] = [];
      for (let i = 0; i < children.length; i += 2) {
        const key = children[i]!;
        if (key.kind !== 'scalar' || typeof key.value !== 'string') throw new Unsure();
        keys.push(key.value);
        keyNodes.push(key);
        items.push(children[i + 1]!);
      }
      if (keys.length !== Object.keys(result as object).length) throw new Unsure();
      node = { kind: 'map', start, end: state.position, keys, keyNodes, items };
    } else if (kind === 'sequence') {
      if (children.length !== (result as unknown[]).length) throw new Unsure();
      node = { kind: 'seq', start, end: state.position, items: children };
    } else {
      if (children.length > 0) throw new Unsure();
      if (kind === null) {
        // Nothing written (`key:` at the end of its line): yaml places the null right there.
        let at = frame.open;
        while (text.charCodeAt(at) === 32) at++;
        node = { kind: 'scalar', start: at, end: at, value: null };
      } else node = { kind: 'scalar', start, end: state.position, value: result };
    }
    const parent = stack.at(-1);
    if (parent) {
      parent.children.push(node);
      parent.results.push(result);
    } else root = node;
  };
  let data: unknown;
  try {
    data = jsyaml.load(text, { schema: CORE, listener, maxDepth } as jsyaml.LoadOptions);
  } catch (error) {
    // Nesting by indentation, which no count before parsing sees: js-yaml says where.
    const e = error as { reason?: string; mark?: { position?: number } };
    if (e.reason?.startsWith('nesting exceeded maxDepth') && typeof e.mark?.position === 'number') {
      return { tooDeep: e.mark.position };
    }
    return undefined;
  }
  if (data === undefined || data === null || !root || stack.length !== 0) return undefined;
  return { data, tree: root };
}
