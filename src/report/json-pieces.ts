/** An array whose elements are made and written one at a time (see `jsonPieces`). */
class Each<T> {
  constructor(
    readonly items: Iterable<T>,
    readonly toJson: (item: T) => unknown,
  ) {}
}

/** Marks an array for `jsonPieces` to write element by element, each made by `toJson` when its turn comes. */
export function each<T>(items: Iterable<T>, toJson: (item: T) => unknown = (item) => item): unknown {
  return new Each(items, toJson);
}

const pad = (depth: number) => '  '.repeat(depth);

/** `JSON.stringify(value, null, 2)` as it reads `depth` levels deep (strings hold no raw line breaks). */
function nested(value: unknown, depth: number): string {
  const text = JSON.stringify(value, null, 2) ?? 'null';
  return depth === 0 ? text : text.replaceAll('\n', `\n${pad(depth)}`);
}

const isContainer = (value: unknown): value is object =>
  Array.isArray(value) || (typeof value === 'object' && value !== null && value.constructor === Object);

function holdsEach(value: unknown): boolean {
  return value instanceof Each || (isContainer(value) && Object.values(value).some(holdsEach));
}

/** A property JSON.stringify leaves out of an object. */
const omitted = (value: unknown) =>
  value === undefined || typeof value === 'function' || typeof value === 'symbol';

/**
 * The text of `JSON.stringify(value, null, 2)`, byte for byte, in pieces: an array marked with
 * `each()` is written one element at a time, so a report of a million findings never exists as
 * one string (V8 caps a string at ~512 M characters) nor as one object graph. Only the objects
 * and arrays on the way to a marked array are walked here; everything else is JSON.stringify's.
 */
export function* jsonPieces(value: unknown, depth = 0): Generator<string> {
  if (!holdsEach(value)) {
    yield nested(value, depth);
    return;
  }
  const inner = `\n${pad(depth + 1)}`;
  if (value instanceof Each) {
    let first = true;
    for (const item of value.items) {
      yield `${first ? '[' : ','}${inner}${nested(value.toJson(item), depth + 1)}`;
      first = false;
    }
    yield first ? '[]' : `\n${pad(depth)}]`;
  } else if (Array.isArray(value)) {
    // Never empty: the marked array is in it.
    for (const [i, item] of value.entries()) {
      yield `${i === 0 ? '[' : ','}${inner}`;
      yield* jsonPieces(item, depth + 1);
    }
    yield `\n${pad(depth)}]`;
  } else {
    // Never empty either, for the same reason.
    let first = true;
    for (const [key, item] of Object.entries(value as object)) {
      if (omitted(item)) continue;
      yield `${first ? '{' : ','}${inner}${JSON.stringify(key)}: `;
      yield* jsonPieces(item, depth + 1);
      first = false;
    }
    yield `\n${pad(depth)}}`;
  }
}
