import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ErrorObject } from 'ajv';
import { findSecrets } from '../checks/secret-in-plan.js';
import { slugify } from '../util/slug.js';
import { closest } from '../util/suggest.js';
import { DATE_RE, suggestDuration } from './dates.js';
import { SCHEMA_PATH } from './schema-file.js';
import { findingAt, joinPointer, pointerSegments } from './source.js';
import type { Finding, SourceFile } from './types.js';

export { SCHEMA_PATH } from './schema-file.js';

/** Where `npm run build` (scripts/build-schema.mjs) writes the precompiled ajv standalone validator. */
export const PRECOMPILED_VALIDATOR = './plan-schema.validator.cjs';

/** The ajv options shared by the runtime compile and the build-time standalone validator. */
export const AJV_OPTIONS = { allErrors: true, allowUnionTypes: true } as const;

export interface SchemaValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

const require = createRequire(import.meta.url);
let validator: SchemaValidator | undefined;
let schemaJson: Record<string, unknown> | undefined;

/** The schema as JSON, read once. */
export function planSchema(): Record<string, unknown> {
  schemaJson ??= JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as Record<string, unknown>;
  return schemaJson;
}

/** Compiles the schema with ajv at run time (~200 ms): the fallback when no precompiled validator is built. */
export function compileValidator(): SchemaValidator {
  // Loaded here, not at the top: with the precompiled validator, ajv's compiler is never needed.
  const { Ajv2020 } = require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
  const addFormats = require('ajv-formats') as typeof import('ajv-formats').default;
  const ajv = new Ajv2020(AJV_OPTIONS);
  addFormats(ajv, ['date']);
  return ajv.compile(planSchema()) as SchemaValidator;
}

/** The precompiled validator, unless it is missing or older than the schema (edited since the build). */
function loadPrecompiled(): SchemaValidator | undefined {
  try {
    const file = require.resolve(PRECOMPILED_VALIDATOR);
    if (statSync(file).mtimeMs < statSync(SCHEMA_PATH).mtimeMs) return undefined;
    const mod = require(file) as SchemaValidator & { default?: SchemaValidator };
    return mod.default ?? mod;
  } catch {
    return undefined;
  }
}

function getValidator(): SchemaValidator {
  validator ??= loadPrecompiled() ?? compileValidator();
  return validator;
}

/** Validates one parsed file against schemas/plan.schema.json; every ajv error becomes a finding. */
export function validateSchema(file: SourceFile): Finding[] {
  return validateWith(getValidator(), file);
}

/** Validates with a given validator (tests compare the precompiled and the runtime one). */
export function validateWith(validate: SchemaValidator, file: SourceFile): Finding[] {
  // A file without content (empty, comments only) is reported by the loader already.
  if (file.data === undefined || file.data === null) return [];
  if (validate(file.data)) return [];
  return describeErrors(file, validate.errors ?? []);
}

const FRAGMENT_SECTIONS = 'contacts, roles, providers and access';
/** $defs whose errors (type, pattern, format, length, enum) collapse into one message per value. */
const VALUE_KINDS = new Set(['date', 'duration', 'id', 'country', 'color', 'phone', 'email', 'text']);

function defKind(error: ErrorObject): string | undefined {
  return /^#\/\$defs\/([^/]+)\/[^/]+$/.exec(error.schemaPath)?.[1];
}

/** Turns ajv errors into findings: one clear finding per problem, cascades collapsed. */
function describeErrors(file: SourceFile, errors: readonly ErrorObject[]): Finding[] {
  const findings: Finding[] = [];
  const done = new Set<string>();
  const add = (pointer: string, message: string, target: 'value' | 'key' = 'value') => {
    const k = `${pointer}\0${target}\0${message}`;
    if (done.has(k)) return;
    done.add(k);
    findings.push(findingAt(file, pointer, 'schema', 'error', message, target));
  };
  // `if` only says "must match then": the `then` errors say what is wrong.
  const all = errors.filter((e) => e.keyword !== 'if');
  // ajv reports the errors of an anyOf's branches right before the anyOf error itself:
  // walk back from it to collect them (linear, so 5,000 broken contacts stay fast).
  const consumed = new Set<ErrorObject>();
  all.forEach((group, i) => {
    if (group.keyword !== 'anyOf' && group.keyword !== 'oneOf') return;
    const inner: ErrorObject[] = [];
    for (let j = i - 1; j >= 0; j--) {
      const e = all[j]!;
      if (!e.schemaPath.startsWith(`${group.schemaPath}/`) || !isWithin(e, group)) break;
      inner.unshift(e);
      consumed.add(e);
    }
    consumed.add(group);
    add(group.instancePath, describeAlternatives(file, group, inner));
  });
  let rest = all.filter((e) => !consumed.has(e));
  // A value that is not allowed at all (a plan section in a fragment) gets no finding about its content.
  const banned = rest.filter((e) => e.keyword === 'false schema').map((e) => e.instancePath);
  rest = rest.filter(
    (e) =>
      e.keyword === 'false schema' ||
      !banned.some((b) => e.instancePath === b || e.instancePath.startsWith(`${b}/`)),
  );
  // A value of the wrong type gets that one message, nothing else about the same value.
  const typed = new Set(rest.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  const missingAt = new Map<string, string[]>();
  for (const e of rest) {
    if (e.keyword !== 'required') continue;
    const list = missingAt.get(e.instancePath) ?? [];
    list.push(String(e.params.missingProperty));
    missingAt.set(e.instancePath, list);
  }
  const valueDone = new Set<string>();
  for (const error of rest) {
    const kind = defKind(error);
    if (kind && VALUE_KINDS.has(kind)) {
      if (valueDone.has(error.instancePath)) continue;
      valueDone.add(error.instancePath);
      add(error.instancePath, describeValue(file, error.instancePath, kind, error));
      continue;
    }
    if (typed.has(error.instancePath) && error.keyword !== 'type') continue;
    switch (error.keyword) {
      case 'additionalProperties': {
        const key = String(error.params.additionalProperty);
        add(
          joinPointer(...pointerSegments(error.instancePath), key),
          describeUnknownKey(file, error, key),
          'key',
        );
        break;
      }
      case 'false schema':
        if (error.instancePath.split('/').length === 2 && !isPlanFile(file)) {
          const key = pointerSegments(error.instancePath)[0]!;
          add(
            error.instancePath,
            `\`${key}\` belongs in a plan, not in a fragment (a file without \`plan\`): fragments hold only ${FRAGMENT_SECTIONS}`,
            'key',
          );
        } else {
          add(error.instancePath, `${subject(file, error.instancePath)} is not allowed here`, 'key');
        }
        break;
      case 'required': {
        const key = `required\0${error.instancePath}`;
        if (valueDone.has(key)) break;
        valueDone.add(key);
        const missing = missingAt.get(error.instancePath) ?? [];
        add(error.instancePath, describeRequired(file, error.instancePath, [...new Set(missing)]));
        break;
      }
      default:
        add(error.instancePath, describeOther(file, error));
    }
  }
  return findings;
}

function isWithin(e: ErrorObject, group: ErrorObject): boolean {
  return e.instancePath === group.instancePath || e.instancePath.startsWith(`${group.instancePath}/`);
}

function isPlanFile(file: SourceFile): boolean {
  return file.kind === 'plan';
}

// --- paths and subjects -------------------------------------------------------------------

function valueAt(data: unknown, segments: string[]): unknown {
  let value = data;
  for (const s of segments) {
    if (Array.isArray(value)) value = value[Number(s)];
    else if (value !== null && typeof value === 'object') value = (value as Record<string, unknown>)[s];
    else return undefined;
  }
  return value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** `measures.respond[1].within` from segments, using the data to tell list indices from keys. */
function formatPath(data: unknown, segments: string[], from: number, to: number): string {
  let out = '';
  for (let i = from; i < to; i++) {
    const parent = valueAt(data, segments.slice(0, i));
    out += Array.isArray(parent) ? `[${segments[i]}]` : `${out === '' ? '' : '.'}${segments[i]}`;
  }
  return out;
}

interface Where {
  /** The entry holding the value, `contacts[3] (max-braun)` or `plan`; undefined at the top level. */
  entry?: string;
  /** The value's path inside the entry, `verified`; empty when the error is about the entry itself. */
  field: string;
}

/**
 * Splits a pointer into the entry (up to the first list item that is a mapping, named with its
 * id) and the field inside it, so messages read "contacts[3] (max-braun): `verified` …".
 */
function where(file: SourceFile, pointer: string): Where {
  const segments = pointerSegments(pointer);
  const data = file.data;
  for (let i = 1; i < segments.length; i++) {
    if (!Array.isArray(valueAt(data, segments.slice(0, i)))) continue;
    const item = valueAt(data, segments.slice(0, i + 1));
    if (!isRecord(item)) continue;
    const id = typeof item.id === 'string' && item.id !== '' ? ` (${item.id})` : '';
    return {
      entry: `${formatPath(data, segments, 0, i + 1)}${id}`,
      field: formatPath(data, segments, i + 1, segments.length),
    };
  }
  if (segments.length >= 2 && isRecord(valueAt(data, segments.slice(0, 1)))) {
    return { entry: segments[0], field: formatPath(data, segments, 1, segments.length) };
  }
  return { field: formatPath(data, segments, 0, segments.length) };
}

/** "contacts[3] (max-braun): `verified`", "contacts[3] (max-braun)", "`bcplan`" or "the file". */
function subject(file: SourceFile, pointer: string): string {
  const w = where(file, pointer);
  if (w.entry === undefined) return w.field === '' ? 'the file' : `\`${w.field}\``;
  return w.field === '' ? w.entry : `${w.entry}: \`${w.field}\``;
}

function show(value: unknown): string {
  if (typeof value === 'string') return value === '' ? 'an empty text' : `\`${value}\``;
  if (value === null) return 'empty (null)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `\`${String(value)}\``;
}

function kindOf(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return 'text';
  if (typeof value === 'number') return 'a number';
  if (typeof value === 'boolean') return 'true/false';
  return 'a mapping';
}

const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping (key: value lines)',
  null: 'empty',
};

// --- messages -------------------------------------------------------------------------------

function describeValue(file: SourceFile, pointer: string, kind: string, error: ErrorObject): string {
  const value = valueAt(file.data, pointerSegments(pointer));
  const s = subject(file, pointer);
  switch (kind) {
    case 'date': {
      if (typeof value === 'string' && DATE_RE.test(value)) {
        return `${s} must be a date like 2026-01-31: ${value} is not a day of the calendar`;
      }
      const hint = typeof value === 'string' ? suggestDate(value) : undefined;
      return `${s} must be a date like 2026-01-31${hint ? ` — did you mean \`${hint}\`?` : ''}`;
    }
    case 'duration': {
      const hint = typeof value === 'string' ? suggestDuration(value) : undefined;
      return `${s} must be an ISO 8601 duration like PT30M, PT4H, P1D or P12M${hint ? ` — did you mean \`${hint}\`?` : ''}`;
    }
    case 'id': {
      if (typeof value === 'string' && [...value].length > 63) {
        return `${s} is ${[...value].length} characters long; ids have at most 63`;
      }
      // No id made from a credential (`Passwort: Geheim1!` → `passwort-geheim1`).
      const hint = typeof value === 'string' && findSecrets(value).length === 0 ? slugify(value) : undefined;
      const valid = hint && hint !== value && hint.length <= 63 && isSlug(hint);
      return `${s} must be an id: lower-case letters, digits and hyphens, like \`max-braun\`${valid ? ` — did you mean \`${hint}\`?` : ''}`;
    }
    case 'country': {
      const hint = typeof value === 'string' ? suggestCountry(value) : undefined;
      return `${s} must be a two-letter ISO 3166 country code in capitals, like DE, NO or PT${hint ? ` — did you mean \`${hint}\`?` : ''}`;
    }
    case 'color':
      return `${s} must be a colour written #rrggbb, like "#c62828" (in quotes: # starts a comment)`;
    case 'phone':
      return typeof value === 'number'
        ? `${s} must be a phone number in quotes, like "+49 541 5550100" (unquoted, YAML reads it as a number)`
        : `${s} must be a phone number: digits, spaces and + ( ) - . /, like "+49 541 5550100"`;
    case 'email':
      return `${s} must be an e-mail address like name@example.com`;
    default:
      if (typeof value === 'string' && error.keyword === 'minLength') return `${s} must not be empty`;
      return `${s} must be text, not ${kindOf(value)}`;
  }
}

function describeRequired(file: SourceFile, pointer: string, missing: string[]): string {
  const parts: string[] = [];
  let names = missing;
  if (pointer === '') {
    if (names.includes('bcplan'))
      parts.push('the file lacks `bcplan: 1` (the format version): add it as the first line');
    if (names.includes('contacts')) {
      parts.push(
        'the plan has no `contacts`: list them here or import a contacts fragment (`imports: [contacts.yaml]`)',
      );
    }
    names = names.filter((n) => n !== 'bcplan' && n !== 'contacts');
    if (names.length > 0) parts.unshift(`the plan is missing the required ${plural(names, 'section')}`);
    return parts.join('; ');
  }
  return `${subject(file, pointer)} is missing the required ${plural(names, 'key')}`;
}

/** "key `id`", "keys `id`, `title` and `owner`". */
function plural(names: string[], noun: string): string {
  const quoted = names.map((n) => `\`${n}\``);
  if (quoted.length === 1) return `${noun} ${quoted[0]}`;
  return `${noun}s ${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)}`;
}

function describeUnknownKey(file: SourceFile, error: ErrorObject, key: string): string {
  const parent = valueAt(file.data, pointerSegments(error.instancePath));
  const all = Object.keys(
    (schemaAt(error.schemaPath.replace(/\/additionalProperties$/, ''))?.properties as object) ?? {},
  );
  // A key not yet written is the likelier meaning; a written one still helps (`verifed` next to `verified`).
  // Asked of the parent per known key: listing the parent's keys for each unknown one was
  // quadratic (60,000 unknown keys in one contact: minutes).
  const absent = all.filter((k) => !(isRecord(parent) && Object.hasOwn(parent, k)));
  const known = closest(key, absent) !== undefined ? absent : all;
  // In a fragment, plan-only sections are not candidates either.
  const candidates =
    error.instancePath === '' && !isPlanFile(file)
      ? known.filter((k) => ['imports', 'contacts', 'roles', 'providers', 'access', 'bcplan'].includes(k))
      : known;
  const hint = closest(key, candidates);
  const suggestion = hint ? ` — did you mean \`${hint}\`?` : '';
  if (error.instancePath === '') {
    const list = isPlanFile(file) ? '' : ` (a fragment holds only bcplan, imports, ${FRAGMENT_SECTIONS})`;
    return `unknown section \`${key}\`${suggestion || list}`;
  }
  const w = where(file, error.instancePath);
  const place =
    w.entry === undefined ? `\`${w.field}\`` : w.field === '' ? w.entry : `\`${w.field}\` of ${w.entry}`;
  return `unknown key \`${key}\` in ${place}${suggestion}`;
}

function describeAlternatives(file: SourceFile, group: ErrorObject, inner: ErrorObject[]): string {
  const s = subject(file, group.instancePath);
  if (
    inner.length > 0 &&
    inner.every((e) => e.keyword === 'required' && e.instancePath === group.instancePath)
  ) {
    const keys = inner.map((e) => `\`${String(e.params.missingProperty)}\``);
    const list = keys.length > 1 ? `${keys.slice(0, -1).join(', ')} or ${keys.at(-1)}` : keys[0];
    return `${s} needs at least one of ${list}`;
  }
  return `${s} does not match any of the allowed forms`;
}

function describeOther(file: SourceFile, error: ErrorObject): string {
  const value = valueAt(file.data, pointerSegments(error.instancePath));
  const s = subject(file, error.instancePath);
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'type': {
      const expected = String(p.type)
        .split(',')
        .map((t) => TYPE_NAMES[t] ?? t)
        .join(' or ');
      if (error.instancePath === '') {
        return `the file must be a mapping of sections (\`bcplan: 1\`, \`plan:\` …), not ${kindOf(value)}`;
      }
      const quote = p.type === 'string' && typeof value !== 'object' ? ' (write it in quotes)' : '';
      return `${s} must be ${expected}, not ${kindOf(value)}${quote}`;
    }
    case 'const':
      return error.instancePath === '/bcplan'
        ? `\`bcplan\` must be 1 (the format version this bcplan reads), not ${show(value)}`
        : `${s} must be ${show(p.allowedValue)}`;
    case 'enum': {
      const allowed = (p.allowedValues as unknown[]).map(String);
      const hint = typeof value === 'string' ? closest(value, allowed) : undefined;
      return `${s} must be one of ${allowed.join(', ')}, not ${show(value)}${hint ? ` — did you mean \`${hint}\`?` : ''}`;
    }
    case 'minimum':
      return `${s} must be at least ${String(p.limit)}, not ${show(value)}`;
    case 'maximum':
      return `${s} must be at most ${String(p.limit)}, not ${show(value)}`;
    case 'minLength':
      return `${s} must not be empty`;
    case 'maxLength':
      return `${s} must be at most ${String(p.limit)} characters long`;
    case 'minItems':
      return `${s} must list at least ${String(p.limit)}`;
    default:
      return `${s} ${error.message ?? 'is not valid'}`;
  }
}

// --- suggestions ----------------------------------------------------------------------------

function isSlug(value: string): boolean {
  return schemaPattern('id').test(value);
}

/** `15.01.2026`, `2026/01/15`, `2026-1-5` → `2026-01-15`, when that is a real date. */
function suggestDate(value: string): string | undefined {
  const t = value.trim();
  let m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(t);
  const parts = m ? [m[3]!, m[2]!, m[1]!] : undefined;
  m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(t);
  const [y, mo, d] = parts ?? (m ? [m[1]!, m[2]!, m[3]!] : []);
  if (!y || !mo || !d) return undefined;
  const iso = `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso) ? iso : undefined;
}

/**
 * The ISO code meant by a country written otherwise: `de` → DE, `UK` → GB, or a name in one of
 * the plan languages (`Danmark`, `Norway`, `Niederlande` → DK, NO, NL).
 */
export function suggestCountry(value: string): string | undefined {
  const codes = countryCodes();
  const upper = value.trim().toUpperCase();
  if (upper === 'UK') return 'GB';
  if (codes.includes(upper)) return upper;
  return countryNames().get(value.trim().toLocaleLowerCase());
}

let namesOfCountries: Map<string, string> | undefined;

/** Every country's name in the plan languages, lower case → its code (Node's ICU names them). */
function countryNames(): Map<string, string> {
  if (!namesOfCountries) {
    namesOfCountries = new Map();
    for (const language of ['en', 'de', 'nl', 'da', 'nb']) {
      const names = new Intl.DisplayNames([language], { type: 'region', fallback: 'none' });
      for (const code of countryCodes()) {
        const name = names.of(code);
        if (name) namesOfCountries.set(name.toLocaleLowerCase(), code);
      }
    }
  }
  return namesOfCountries;
}

/** The schema object at an ajv schemaPath (`#/$defs/contact/additionalProperties`). */
function schemaAt(schemaPath: string): Record<string, unknown> | undefined {
  const value = valueAt(planSchema(), pointerSegments(schemaPath.replace(/^#/, '')));
  return isRecord(value) ? value : undefined;
}

/** The pattern of a value kind in the schema's $defs, so what init accepts the schema accepts. */
export function schemaPattern(kind: 'id' | 'phone' | 'email'): RegExp {
  return new RegExp(String(schemaAt(`#/$defs/${kind}`)?.pattern), 'u');
}

/** The ISO 3166 alpha-2 codes the schema accepts as `site.country`. */
export function countryCodes(): string[] {
  return (schemaAt('#/$defs/country')?.enum as string[] | undefined) ?? [];
}
