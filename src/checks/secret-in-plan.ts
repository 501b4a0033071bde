// A plan says where an emergency credential is kept (`vault: "Tresor Büro 2.14, Umschlag R-1"`),
// never the credential: plans are printed, mailed and kept in git. This rule looks at every key
// and string of every file of the plan for credentials written as text, private keys and
// well-known token formats. Messages name the kind of secret and never echo it.
import { joinPointer } from '../plan/source.js';
import type { SourceNode } from '../plan/tree.js';
import type { LoadedPlan, SourceFile } from '../plan/types.js';
import type { Messages, SecretKind } from './messages/types.js';
import type { Rule, RuleFinding } from './types.js';

export interface SecretHit {
  /** What was found, e.g. `password`, `github-token`. */
  kind: SecretKind;
  /** The match with the secret masked, e.g. `Passwort: ****`, `ghp_****`. */
  masked: string;
  /** Where the secret itself is in the text (what maskSecrets replaces): [start, end). */
  start: number;
  end: number;
}

const MASK = '****';

// Credential words in en, de, nl, da, nb. The long ones also end compounds
// (`Admin-Passwort`, `Routerpasswort`, `adminPassword`); the short ones stand alone.
const LONG_WORDS = [
  'password',
  'passwd',
  'passphrase',
  'passcode',
  'passwort',
  'kennwort',
  'zugangscode',
  'zugangskennung',
  'geheimzahl',
  'codewort',
  'losungswort',
  'wachtwoord',
  'toegangscode',
  'pincode',
  'passord',
  'adgangskode',
  'tilgangskode',
  'kodeord',
  'adgangsord',
];
const PIN_WORDS = ['pin(?:[- ]?(?:code|kode|nummer|number|nr))?'];
const SHORT_WORDS = ['pwd', 'pw', 'pword'];
/** Words for a login written as `user / password`: only that form counts. */
const LOGIN_WORDS = [
  'login',
  'log-in',
  'zugangsdaten',
  'anmeldedaten',
  'credentials',
  'inloggegevens',
  'innlogging',
  'login-data',
];

const KEYWORD_RE = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:(?<long>(?:[\\p{L}\\p{N}]+[-_]?)?(?:${LONG_WORDS.join('|')}))|(?<pin>${PIN_WORDS.join('|')})|(?<short>${SHORT_WORDS.join('|')})|(?<login>${LOGIN_WORDS.join('|')}))(?![\\p{L}\\p{N}_-])`,
  'giu',
);

/** Keys whose value is a credential (`password: …`, `adminPassword: …`, `api_key: …`). */
const CREDENTIAL_KEY_RE = new RegExp(
  `^(?:(?:[\\p{L}\\p{N}]+[-_ ]?)?(?:${LONG_WORDS.join('|')}|api[-_ ]?key|apikey|token|secret|client[-_ ]?secret|secret[-_ ]?key)|${PIN_WORDS.join('|')}|${SHORT_WORDS.join('|')})$`,
  'iu',
);

// Words that show the text says where a credential is, or how it is handled, not what it is.
const STOP_WORDS = new Set(
  [
    // prepositions and articles
    'in im ins at on auf an am bei beim with within from aus vom von via per under unter behind hinter',
    'i på hos fra under bak bag ved med',
    'bij op uit van onder achter met',
    'the a an der die das den dem des ein eine einen einem einer het de een en et ei',
    // pointers to somewhere else
    'see siehe vgl cf se zie refer ask fragen frag spørg spør vraag contact kontakt',
    // verbs of keeping, changing and handling
    'is are was were be been ist sind war wird werden lautet er var blir word wordt zijn',
    'kept stored held located lies found saved managed rotated changed reset expires expired required needed',
    'liegt liegen steht stehen befindet hinterlegt gespeichert aufbewahrt verwahrt abgelegt geändert ändern',
    'zurücksetzen erneuern vergessen vergeben gesperrt',
    'ligger lagret lagres oppbevares opbevares gemt findes finnes endret ændret',
    'ligt staat bewaard opgeslagen gewijzigd wijzigen',
    // negations and placeholders
    'not no none nicht kein keine keins ikke ingen niet geen nothing nichts',
    'unknown unbekannt tbd todo redacted hidden removed entfernt geschwärzt null nil n/a',
    'for für til for voor of und and og',
    'only nur kun alleen',
  ]
    .join(' ')
    .split(' '),
);

// Where credentials are kept: a value starting with one of these names a place, not a secret.
const PLACE_STEMS = [
  'tresor',
  'safe',
  'vault',
  'keepass',
  '1password',
  'onepassword',
  'bitwarden',
  'vaultwarden',
  'lastpass',
  'dashlane',
  'keeper',
  'enpass',
  'passbolt',
  'psono',
  'teampass',
  'cyberark',
  'thycotic',
  'delinea',
  'hashicorp',
  'passwordsafe',
  'passwordstate',
  'passwortsafe',
  'passwortmanager',
  'password-manager',
  'passwordmanager',
  'secretserver',
  'umschlag',
  'kuvert',
  'briefumschlag',
  'envelope',
  'konvolutt',
  'konvolut',
  'envelop',
  'kluis',
  'pengeskap',
  'pengeskab',
  'boks',
  'box',
  'schrank',
  'schublade',
  'fach',
  'drawer',
  'cabinet',
  'skap',
  'skab',
  'skuff',
  'skuffe',
  'kast',
  'lade',
  'ordner',
  'mappe',
  'folder',
  'raum',
  'room',
  'rom',
  'büro',
  'office',
  'kontor',
  'kantoor',
  'hsm',
  'notfallordner',
  'notfallhandbuch',
  'handbuch',
  'entry',
  'eintrag',
  'oppføring',
  'post',
];

const isPlace = (token: string): boolean => {
  const lower = token.toLowerCase();
  // "Tresor", "KeePassXC", "Tresor-Fach", "tresoren" are places; "Safe2026!" is not.
  return PLACE_STEMS.some(
    (stem) => lower.startsWith(stem) && /^(?:[\p{L}-]*|[-_.:/]\p{L}.*)$/u.test(lower.slice(stem.length)),
  );
};

const PLACEHOLDER_RE =
  /^(?:[*xX•.…_?#-]+|<[^>]*>|\[[^\]]*\]|\{\{.*\}\}|\$\{.*\}|\$[A-Z_][A-Z0-9_]*|%[A-Z_][A-Z0-9_]*%)$/u;

/**
 * Whether `token`, written after a credential word, is the credential itself.
 * `explicit`: it followed `:`, `=` or `is`/`lautet`; `quoted`: it was in quotes.
 */
function looksLikeSecret(token: string, options: { explicit: boolean; quoted: boolean }): boolean {
  const t = token.trim();
  if (t.length < 4 || t.length > 200) return false;
  const lower = t.toLowerCase();
  if (STOP_WORDS.has(lower) || isPlace(t) || PLACEHOLDER_RE.test(t)) return false;
  if (/^\(/.test(t)) return false; // a parenthetical remark, "(4-stellig)"
  if (t.includes('://') || /^(?:[/\\~]|[a-z]:\\)/iu.test(t)) return false; // a URL or a path to a file
  if (/^[^@\s]+@[^@\s]+\.\p{L}{2,}$/u.test(t)) return false; // an email address: whom to ask
  if (/^\+\d/.test(t)) return false; // a phone number: whom to call
  if (/^\d{4}-\d{2}-\d{2}$|^\d{1,2}\.\d{1,2}\.(?:\d{2}|\d{4})$/.test(t)) return false; // a date
  if (/^P(?:T?\d+[YMWDHS])+$/.test(t)) return false; // a duration
  if (/^\p{L}+$/u.test(t)) {
    // Plain words ("reset", "Geschäftsführung") are text, unless quoted, assigned with `=`
    // or camel-cased like a made-up password ("hunTer", "SommerWind").
    return options.quoted || /\p{Ll}\p{Lu}/u.test(t);
  }
  if (/^\p{L}+[.,;:!?]$/u.test(t) && !options.quoted) return false; // a word ending a sentence
  if (/^\d+[-‐]\p{L}+$/u.test(t)) return false; // a description: "12-stellig", "8-character"
  return true;
}

interface ValueToken {
  token: string;
  quoted: boolean;
  /** Where the token starts in the text given to valueAt (after an opening quote). */
  at: number;
}

/** The value written at the start of `text`: a quoted string or the next word. */
function valueAt(text: string): ValueToken | undefined {
  const q = /^(["'„“«‚‘`])(.{1,200}?)(["'“”»‘’`])/u.exec(text);
  if (q) return { token: q[2]!, quoted: true, at: q[1]!.length };
  const w = /^\S+/u.exec(text);
  if (!w) return undefined;
  // Sentence punctuation after a value is not part of it; a password's own `!` or `#` is.
  return { token: w[0].replace(/[.,;)\]`]+$/u, ''), quoted: false, at: 0 };
}

const COPULA = '(?:is|ist|lautet|lauten|er|was|war|blir|wordt)';
/** Words between the credential word and a colon that say the text is about its place or handling. */
const HANDLING_WORDS =
  /(?:^|\s)(?:kept|stored|held|located|liegt|liegen|steht|befindet|hinterlegt|gespeichert|aufbewahrt|verwahrt|abgelegt|ligger|lagret|oppbevares|opbevares|gemt|findes|finnes|ligt|staat|bewaard|opgeslagen|vergessen|forgotten|forgot|lost|verloren|reset|zurücksetzen|ändern|change|changed|glemt|mistet|vergeten|kwijt|tilbakestill|nulstil|hotline|support|helpdesk|servicedesk|service-desk|policy|richtlinie|regel|rules)(?=\s|$)/iu;

const EXPLICIT_RE = /^\s*[:=]\s*/u;
const COPULA_RE = new RegExp(`^\\s+${COPULA}\\s*:?\\s+`, 'iu');
const PHRASE_RE = new RegExp(
  `^((?:\\s+[^\\s:=]*[^\\s:=.!?;,]){1,5}?)(?:\\s*[:=]\\s*|\\s+${COPULA}\\s+)`,
  'iu',
);

/**
 * What follows a credential word: the value after `:`, `=` or `is`/`lautet` (explicit),
 * after a short phrase and a colon ("für den Router:"), or after a space (weak).
 */
function separate(rest: string): { explicit: boolean; valueText: string } | undefined {
  const sep = EXPLICIT_RE.exec(rest) ?? COPULA_RE.exec(rest);
  if (sep) return { explicit: true, valueText: rest.slice(sep[0].length) };
  const phrase = PHRASE_RE.exec(rest);
  if (phrase) {
    // "Passwort für den Router: …", "the password for the portal is …"; not "Passwort liegt im Tresor: …".
    if (HANDLING_WORDS.test(phrase[1]!)) return undefined;
    return { explicit: true, valueText: rest.slice(phrase[0].length) };
  }
  const space = /^\s+/u.exec(rest);
  return space ? { explicit: false, valueText: rest.slice(space[0].length) } : undefined;
}

/** Credentials written as text after a credential word: `Passwort: Sommer2026!`, `PIN 1234`. */
function findWrittenCredentials(text: string): SecretHit[] {
  const hits: SecretHit[] = [];
  for (const m of text.matchAll(KEYWORD_RE)) {
    const word = m[0];
    const rest = text.slice(m.index + word.length);
    const isPin = m.groups?.pin !== undefined;
    const isShort = m.groups?.short !== undefined;
    const separated = separate(rest);
    if (!separated) continue;
    const { explicit, valueText } = separated;
    // valueText is the end of text: where it starts there, the value starts.
    let valueStart = text.length - valueText.length;
    let value = valueAt(valueText);
    if (!value) continue;
    if (m.groups?.login !== undefined) {
      // `Login: admin / Sommer2026!`: the part after the slash is the password.
      const pair = /^[^\s/:]+\s*\/\s*/u.exec(valueText);
      if (!explicit || !pair) continue;
      valueStart += pair[0].length;
      value = valueAt(valueText.slice(pair[0].length));
      if (!value) continue;
    }
    // A digit group followed by more digits is a phone number: "Passwort vergessen? 0800 123 456".
    if (/^\d+$/.test(value.token) && /^\s+\d{2,}/.test(valueText.slice(value.token.length))) continue;
    if (!explicit) {
      // Without `:` or `=` only the unmistakable forms count: `PIN 1234`, `Passwort Sommer2026!`.
      if (isShort) continue;
      if (!isPin && /^(?:19|20)\d\d$/.test(value.token)) continue; // "Passwort 2024 geändert"
    }
    if (isPin && !/^\d{4,12}$/.test(value.token)) continue; // PINs are digits; "PIN: im Umschlag" is not one
    if (!looksLikeSecret(value.token, { explicit, quoted: value.quoted })) continue;
    const kind: SecretKind = isPin ? 'pin' : m.groups?.login !== undefined ? 'login' : 'password';
    const start = valueStart + value.at;
    hits.push({
      kind,
      masked: `${word}${explicit ? ':' : ''} ${MASK}`,
      start,
      end: start + value.token.length,
    });
  }
  return hits;
}

/** Bits of entropy per character: a random token scores above 3.5, words and ids below. */
function shannonEntropy(s: string): number {
  const counts = new Map<string, number>();
  for (const ch of s) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) {
    const p = n / s.length;
    h -= p * Math.log2(p);
  }
  return h;
}

/** A generated token, not a slug of words and numbers like `customer-service-plan-2026`. */
const looksRandom = (s: string) =>
  s.length >= 16 &&
  /\d/.test(s) &&
  /\p{L}/u.test(s) &&
  shannonEntropy(s) >= 3.5 &&
  !s.split(/[-_./]+/).every((part) => /^(?:\p{L}+|\d+)?$/u.test(part));

interface TokenPattern {
  kind: SecretKind;
  /** With the `d` flag: the secret is group 1 of the match when the pattern has one, else the match. */
  re: RegExp;
  /** What may be shown of a match: the format's public prefix. */
  show: (m: RegExpExecArray) => string;
  accept?: (m: RegExpExecArray) => boolean;
  /** Characters of the match that are the format's public prefix, not the secret. */
  keep?: number;
  /** The capture group holding the secret (the whole match when absent). */
  group?: number;
}

/** A format whose first `n` characters are public (`ghp_`): shown, and kept by maskSecrets. */
const publicPrefix = (n: number) => ({
  show: (m: RegExpExecArray) => `${m[0].slice(0, n)}${MASK}`,
  keep: n,
});

/**
 * Where a token pattern's secret is in the text. `endOf` remembers the last search for an END
 * line: searching the rest of the text for each of 150,000 BEGIN lines without one is quadratic.
 */
function secretRange(
  p: TokenPattern,
  m: RegExpExecArray,
  text: string,
  endOf: { from: number; at: number } = { from: Number.POSITIVE_INFINITY, at: -1 },
): [number, number] {
  if (p.group !== undefined) return m.indices![p.group]!;
  if (p.kind === 'private-key') {
    // The whole block, to the end of its END line (or of the text).
    const from = m.index + m[0].length;
    // The first END at or after `from` is the one found from an earlier start, if it lies after `from`.
    if (!(endOf.from <= from && (endOf.at === -1 || endOf.at >= from))) {
      endOf.from = from;
      endOf.at = text.indexOf('-----END', from);
    }
    const end = endOf.at;
    const close = end === -1 ? -1 : text.indexOf('-----', end + 8);
    return [m.index, close === -1 ? text.length : close + 5];
  }
  return [m.index + (p.keep ?? 0), m.index + m[0].length];
}

const TOKEN_PATTERNS: TokenPattern[] = [
  {
    kind: 'private-key',
    re: /-----BEGIN ((?:[A-Z0-9]+ )*)PRIVATE KEY( BLOCK)?-----/g,
    show: (m) => `-----BEGIN ${m[1] ?? ''}PRIVATE KEY${m[2] ?? ''}----- ${MASK}`,
  },
  { kind: 'aws-key-id', re: /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/g, ...publicPrefix(4) },
  {
    kind: 'aws-secret',
    re: /aws_?secret_?access_?key\s*[:=]\s*["']?([A-Za-z0-9/+=]{40})\b/dgi,
    show: () => `aws_secret_access_key=${MASK}`,
    group: 1,
  },
  { kind: 'github-token', re: /\bgh[pousr]_[A-Za-z0-9]{36,}\b/g, ...publicPrefix(4) },
  { kind: 'github-token', re: /\bgithub_pat_[A-Za-z0-9_]{22,}/g, ...publicPrefix(11) },
  { kind: 'gitlab-token', re: /\bglpat-[A-Za-z0-9_-]{20,}/g, ...publicPrefix(6) },
  { kind: 'slack-token', re: /\bxox[abposr]-[A-Za-z0-9-]{10,}/g, ...publicPrefix(5) },
  {
    kind: 'slack-webhook',
    re: /https:\/\/hooks\.slack\.com\/services\/T[A-Z0-9]+\/B[A-Z0-9]+\/[A-Za-z0-9]+/g,
    show: () => `https://hooks.slack.com/services/${MASK}`,
    keep: 'https://hooks.slack.com/services/'.length,
  },
  { kind: 'google-key', re: /\bAIza[0-9A-Za-z_-]{35}/g, ...publicPrefix(4) },
  { kind: 'stripe-key', re: /\b[rs]k_live_[0-9A-Za-z]{16,}/g, ...publicPrefix(8) },
  { kind: 'npm-token', re: /\bnpm_[A-Za-z0-9]{36}\b/g, ...publicPrefix(4) },
  { kind: 'openai-key', re: /\bsk-(?:proj-)?[A-Za-z0-9_-]{32,}/g, ...publicPrefix(3) },
  {
    kind: 'jwt',
    // Starts only where a run of token characters starts: with \b, every `-eyJ` of a long
    // `eyJaaaaaaaaa-eyJaaaaaaaaa-…` began a scan to the run's end (quadratic).
    re: /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/g,
    show: () => `eyJ${MASK}`,
    keep: 3,
  },
  {
    kind: 'url-password',
    re: /\b[a-z][a-z0-9+.-]{0,31}:\/\/[^\s/:@]+:([^\s/@]+)@[^\s/]+/dgi,
    show: (m) => m[0].replace(`:${m[1]}@`, `:${MASK}@`),
    accept: (m) => !PLACEHOLDER_RE.test(m[1]!) && !STOP_WORDS.has(m[1]!.toLowerCase()),
    group: 1,
  },
  {
    kind: 'api-token',
    re: /(?<![\p{L}\p{N}])(api[-_ ]?key|apikey|api[-_ ]?token|access[-_ ]?token|auth[-_ ]?token|secret[-_ ]?key|client[-_ ]?secret|private[-_ ]?token|token|secret|bearer)(?![\p{L}\p{N}])\s*(?:[:=]\s*)?["']?([A-Za-z0-9+/_.=-]{16,})/dgiu,
    show: (m) => `${m[1]}: ${MASK}`,
    accept: (m) => looksRandom(m[2]!),
    group: 2,
  },
];

/**
 * A cheap first look: every token pattern and every credential word above holds one of these
 * pieces, so text without any of them cannot match and skips the fifteen expensive regexes
 * (most values of a plan: names, phone numbers, ids, dates). Case-insensitive with the `u`
 * flag, like the word patterns, so that it folds case at least as widely as any of them.
 */
const MAYBE_SECRET_RE =
  /pass|pw|pin|kennwort|zugang|geheim|codewort|losungswort|wachtwoord|toegangscode|adgang|tilgangskode|kodeord|log-?in|anmeldedaten|credentials|inlog|innlog|private|akia|asia|aws|gh[pousr]_|github_pat|glpat|xox|slack|aiza|k_live_|npm_|sk-|eyj|:\/\/|api|token|secret|bearer/iu;

/** Every credential written in `text`, masked. */
export function findSecrets(text: string): SecretHit[] {
  if (!MAYBE_SECRET_RE.test(text)) return [];
  const hits: SecretHit[] = [];
  const endOf = { from: Number.POSITIVE_INFINITY, at: -1 };
  for (const p of TOKEN_PATTERNS) {
    p.re.lastIndex = 0;
    for (let m = p.re.exec(text); m; m = p.re.exec(text)) {
      if (!p.accept || p.accept(m)) {
        const [start, end] = secretRange(p, m, text, endOf);
        hits.push({ kind: p.kind, masked: p.show(m), start, end });
      }
    }
  }
  for (const hit of findWrittenCredentials(text)) hits.push(hit); // push(...): too many arguments
  return hits;
}

/**
 * `text` with every credential in it replaced by `****`, the rest kept: for messages and
 * digests that quote a plan's text (`contact \`Passwort: ****\` does not exist`).
 */
export function maskSecrets(text: string): string {
  return applyMask(text, findSecrets(text));
}

function applyMask(text: string, hits: SecretHit[]): string {
  if (hits.length === 0) return text;
  const ranges = hits.map((h) => [h.start, h.end] as const).sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  let out = '';
  let at = 0;
  for (const [start, end] of ranges) {
    if (end <= at) continue;
    out += `${text.slice(at, Math.max(at, start))}${MASK}`;
    at = end;
  }
  return out + text.slice(at);
}

/** A scalar as written: `0815` stays `0815`, not the number 815. */
function scalarText(file: SourceFile, node: SourceNode): string | undefined {
  if (typeof node.value === 'string') return node.value;
  if (typeof node.value === 'number' || typeof node.value === 'bigint')
    return file.text.slice(node.start, node.end).trimEnd() || String(node.value);
  return undefined;
}

const isQuoted = (file: SourceFile, node: SourceNode) => {
  const c = file.text[node.start];
  return c === '"' || c === "'";
};

function message(say: Messages, pointer: string, isKey: boolean, hits: SecretHit[]): string {
  return say.secretInPlan({
    // A key that holds a credential is part of its own path (`notes.Passwort: ****`).
    path: maskSecrets(pathOf(pointer)),
    isKey,
    kinds: [...new Set(hits.map((h) => h.kind))],
    shown: [...new Set(hits.map((h) => h.masked))].slice(0, 3).join(', '),
  });
}

/** `/access/0/vault` → `access[0].vault`. */
function pathOf(pointer: string): string {
  const parts = pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  return parts.reduce((acc, p) => (/^\d+$/.test(p) ? `${acc}[${p}]` : acc ? `${acc}.${p}` : p), '');
}

/** What this rule flagged in a plan: for other rules' messages that quote it. */
export interface Flagged {
  /** Each key or value that holds a credential, as written → the same text masked. */
  texts: Map<string, string>;
  /** `file\0pointer` of each → its text as written. */
  at: Map<string, string>;
}

const flaggedByPlan = new WeakMap<LoadedPlan, Flagged>();

/**
 * The keys and values of `plan` that hold a credential, as written, each with its masked form:
 * other rules quote values in their messages (`refers to contact Passwort: …`), and
 * checkPlan masks those quotes with this. Empty until this rule has run on the plan.
 */
export function flaggedSecrets(plan: LoadedPlan): Flagged {
  return flaggedByPlan.get(plan) ?? { texts: new Map(), at: new Map() };
}

function scanFile(file: SourceFile, flagged: Flagged, say: Messages): RuleFinding[] {
  if (!file.tree) return [];
  const findings: RuleFinding[] = [];
  // The path to the node being looked at; made into a pointer only for a finding (rare).
  const path: (string | number)[] = [];
  const report = (hits: SecretHit[], target: 'value' | 'key', text: string) => {
    if (hits.length === 0) return;
    const pointer = joinPointer(...path);
    flagged.texts.set(text, applyMask(text, hits));
    flagged.at.set(`${file.path}\0${pointer}`, text);
    findings.push({ file, pointer, message: message(say, pointer, target === 'key', hits), target });
  };
  // An alias is its anchor's node: scanned once, where the anchor is written. Only yaml reads
  // files with aliases; a tree from js-yaml shares no nodes and needs no record.
  const seen = file.parser === 'js-yaml' ? undefined : new Set<SourceNode>();
  const walk = (node: SourceNode, key: string | undefined, depth: number): void => {
    if (depth > 128 || seen?.has(node)) return;
    seen?.add(node);
    if (node.kind === 'scalar') {
      const text = scalarText(file, node);
      if (text === undefined) return;
      const hits = findSecrets(text);
      if (hits.length === 0 && key !== undefined && CREDENTIAL_KEY_RE.test(key.trim())) {
        // `password: hunter2`, `pin: 1234` written as a key of its own.
        const asText = findWrittenCredentials(
          `${/^pin/i.test(key.trim()) ? 'PIN' : 'password'}: ${isQuoted(file, node) ? JSON.stringify(text) : text}`,
        );
        if (asText.length > 0)
          hits.push({ kind: asText[0]!.kind, masked: `${key}: ${MASK}`, start: 0, end: text.length });
      }
      report(hits, 'value', text);
    } else if (node.kind === 'map') {
      const items = node.items!;
      for (let i = 0; i < items.length; i++) {
        const k = scalarText(file, node.keyNodes![i]!) ?? node.keys![i]!;
        path.push(k);
        report(findSecrets(k), 'key', k);
        walk(items[i]!, k, depth + 1);
        path.pop();
      }
    } else {
      const items = node.items!;
      for (let i = 0; i < items.length; i++) {
        path.push(i);
        walk(items[i]!, undefined, depth + 1);
        path.pop();
      }
    }
  };
  walk(file.tree, undefined, 0);
  return findings;
}

export const secretInPlan = {
  id: 'secret-in-plan',
  severity: 'error',
  description:
    'No value holds a credential (a password or PIN written out, a private key, an API token): the plan says where it is kept, never what it is.',
  fragments: true,
  check(ctx): RuleFinding[] {
    const flagged: Flagged = { texts: new Map(), at: new Map() };
    flaggedByPlan.set(ctx.plan, flagged);
    return ctx.plan.files.flatMap((file) => scanFile(file, flagged, ctx.say));
  },
} satisfies Rule;
