import path from 'node:path';
import { rules as catalogue } from '../checks/index.js';
import { maskSecrets } from '../checks/secret-in-plan.js';
import { DEFAULT_DUE_WINDOW, DEFAULT_STALE_AFTER } from '../config.js';
import { type Duration, durationSeconds, formatDate } from '../plan/dates.js';
import { CONTRACT_WINDOW, type DueItem, type DueKind, dueItems } from '../plan/due.js';
import { type Language, planLanguage, resolveMatrix } from '../plan/matrix.js';
import { rangeOf } from '../plan/source.js';
import type { LoadedPlan } from '../plan/types.js';
import { shellQuote } from '../util/shell-quote.js';
import { checkPlan } from '../validate.js';
import { REVIEW_WORDS, type ReviewWords, type Skipped, skippedText } from './words.js';

/** Rules that report the due dates themselves: a plan with only these is not "broken". */
const DUE_RULES = new Set([
  'stale-contact',
  'stale-access',
  'review-due-soon',
  'plan-review-overdue',
  'exercise-overdue',
  'contract-ending',
]);

/** Errors that can hide due items: the entry or its date could not be read. */
/**
 * The rules whose errors the note counts: the date rules' findings are the digest itself (and
 * would cost a second dueItems per plan), so review does not run them.
 */
const RULES = catalogue.filter((rule) => !DUE_RULES.has(rule.id));

const HIDING_RULES = new Set(['yaml-syntax', 'schema', 'import', 'duplicate-id', 'verified-in-future']);

/** One overdue or due-soon obligation, as the digest shows it (the JSON shape, see docs/readme/review.md). */
export interface ReviewItem {
  kind: DueKind;
  id: string;
  label: string;
  state: 'overdue' | 'due-soon' | 'ok';
  /** YYYY-MM-DD. */
  due: string;
  /** YYYY-MM-DD of the last verification, review or exercise; null when there was none. */
  last: string | null;
  /** Days from as-of to due: negative when overdue. */
  daysLeft: number;
  /** The file where the date is written (an imported fragment for shared contacts), as given. */
  file: string;
  line: number;
  pointer: string;
  role: string | null;
  roleTitle: string | null;
  /** The name of the role's primary contact (never phone or email). */
  primary: string | null;
  /** The bcplan command that clears the item, when one does. */
  command: string | null;
  /** What to do, in words (in the plan's language, see PlanReview.language). */
  action: string;
}

export interface PlanReview {
  /** The plan file as given (or found in a folder). */
  file: string;
  /** The plan id (a fragment has none). */
  id: string | null;
  title: string | null;
  kind: 'plan' | 'fragment';
  /** False when the file could not be read or parsed at all. */
  readable: boolean;
  /** The files it imports, as shown to the user. */
  imports: string[];
  /** Errors other than the due-date rules: the plan was reviewed only as far as it could be. */
  errors: number;
  /** Why the review may be incomplete; null when the plan is clean. */
  note: string | null;
  /**
   * The language of the note, the actions and the digest's words: --lang, else the plan's
   * `plan.language`, else English.
   */
  language: Language;
  /**
   * Entries the review could not date (no, a malformed or a future date) or an imported file it
   * could not read: the digest shows the plan even when nothing else is due, since what was left
   * out may well be overdue.
   */
  incomplete: boolean;
  /** Overdue and due-soon items, soonest first. */
  items: ReviewItem[];
  /** Every dated obligation, due or not (the calendar export shows them all). */
  all: ReviewItem[];
}

export interface Digest {
  asOf: Date;
  /** --lang, when given: the language of every plan and of the digest's summary line. */
  language?: Language;
  plans: PlanReview[];
}

export interface ReviewOptions {
  asOf: Date;
  /** --within: wins over the config's dueWindow. */
  within?: Duration;
  configFile?: string;
  allowOutsideRoot?: boolean;
  /** --lang: words every plan in this language instead of its own. */
  language?: Language;
}

/** A text of the plan, as the digest shows it: a credential in it masked (cron mails it on). */
const str = (v: unknown): string | undefined =>
  typeof v === 'string' && v !== '' ? maskSecrets(v) : undefined;

function clearing(
  item: DueItem,
  file: string,
  words: ReviewWords,
): { command: string | null; action: string } {
  const where = shellQuote(file);
  switch (item.kind) {
    case 'contact':
      return {
        command: `bcplan verify ${where} ${shellQuote(item.id)}`,
        action: words.action.contact(item.label),
      };
    case 'access':
      return {
        command: `bcplan verify ${where} ${shellQuote(item.id)}`,
        action: words.action.access(item.label),
      };
    case 'plan':
      return { command: null, action: words.action.plan(file) };
    case 'exercise':
      return { command: null, action: words.action.exercise(item.id, file) };
    case 'contract':
      return { command: null, action: words.action.contract(item.label, file) };
  }
}

const MAX_SKIPPED_NAMED = 5;

/**
 * The dated entries dueItems had to skip: contacts and access entries whose `verified` is
 * missing, malformed or after as-of, a plan whose `reviewed` is, a contract end that is no
 * date. Each would otherwise drop out of the digest without a word, and cron stay silent.
 */
function leftOut(plan: LoadedPlan, due: DueItem[]): Skipped[] {
  const dated = new Set(due.map((d) => `${d.kind} ${d.id}`));
  const out: Skipped[] = [];
  const entries = [
    ...plan.contacts.map((e, i) => ({ kind: 'contact' as const, e, fallback: `contacts[${i}]` })),
    ...plan.access.map((e, i) => ({ kind: 'access' as const, e, fallback: `access[${i}]` })),
  ];
  for (const { kind, e, fallback } of entries) {
    const id = typeof e.value.id === 'string' && e.value.id !== '' ? e.value.id : undefined;
    if (!id || !dated.has(`${kind} ${id}`)) out.push({ kind, id: id ?? fallback });
  }
  if (plan.plan && !due.some((d) => d.kind === 'plan')) out.push({ kind: 'reviewed' });
  for (const p of plan.providers) {
    const id = typeof p.value.id === 'string' ? p.value.id : undefined;
    if (p.value.contractEnds !== undefined && !(id && dated.has(`contract ${id}`))) {
      out.push({ kind: 'contract', id: id ?? '?' });
    }
  }
  return out;
}

function roleInfo(plan: LoadedPlan, roleId: string | undefined) {
  if (!roleId) return { role: null, roleTitle: null, primary: null };
  const role = plan.roles.find((r) => r.value.id === roleId)?.value;
  const primaryId = str(role?.primary);
  const contact = primaryId ? plan.contacts.find((c) => c.value.id === primaryId)?.value : undefined;
  return {
    role: roleId,
    roleTitle: str(role?.title) ?? null,
    primary: str(contact?.name) ?? null,
  };
}

const KIND_ORDER: DueKind[] = ['plan', 'contact', 'access', 'exercise', 'contract'];

function byDue(a: ReviewItem, b: ReviewItem): number {
  return (
    a.daysLeft - b.daysLeft ||
    KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** Reviews one plan (or fragment): every dated obligation with who clears it and how. */
export function reviewPlan(planPath: string, options: ReviewOptions): PlanReview {
  const { plan, config, findings } = checkPlan(planPath, {
    asOf: options.asOf,
    rules: RULES,
    ...(options.configFile ? { configFile: options.configFile } : {}),
    ...(options.allowOutsideRoot ? { allowOutsideRoot: true } : {}),
  });
  const window = options.within ?? config.dueWindow ?? DEFAULT_DUE_WINDOW;
  const errors = findings.filter((f) => f.severity === 'error' && !DUE_RULES.has(f.rule));
  // A file that is no mapping of sections (a list, a bare text) holds no entry to review: it is
  // as unreadable as broken YAML, and cron must not stay silent about it.
  const data = plan.root.data;
  const unreadable = typeof data !== 'object' || data === null || Array.isArray(data);
  const language = options.language ?? (unreadable ? 'en' : planLanguage(plan));
  const words = REVIEW_WORDS[language];

  let due: DueItem[] = [];
  if (!unreadable) {
    due = dueItems(plan, {
      asOf: options.asOf,
      staleAfter: config.staleAfter ?? DEFAULT_STALE_AFTER,
      dueWindow: window,
      matrix: resolveMatrix(plan),
      // Contracts keep their 90-day warning, but a longer --within shows them earlier too.
      ...(options.within && durationSeconds(options.within) > durationSeconds(CONTRACT_WINDOW)
        ? { contractWindow: options.within }
        : {}),
    });
  }
  const all = due.map((entry): ReviewItem => {
    // A label is the plan's text (an access entry's system, a contact's name): masked like str().
    const item = { ...entry, label: maskSecrets(entry.label) };
    return {
      kind: item.kind,
      id: item.id,
      label: item.label,
      state: item.state,
      due: formatDate(item.due),
      last: item.last ? formatDate(item.last) : null,
      daysLeft: item.daysLeft,
      file: item.file.path,
      line: rangeOf(item.file, item.pointer).line,
      pointer: item.pointer,
      ...roleInfo(plan, item.role),
      ...clearing(item, item.file.path, words),
    };
  });
  all.sort(byDue);

  let note: string | null = null;
  const skipped = unreadable ? [] : leftOut(plan, due);
  const lostImport = errors.some(
    (f) => f.rule === 'import' || (f.rule === 'yaml-syntax' && f.file !== plan.root.path),
  );
  const validate = words.notes.validate(`bcplan validate ${shellQuote(planPath)}`);
  if (unreadable) {
    // The parser's message stays English, as in validate's report and the runbook's appendix.
    const first = errors[0];
    note = `${words.notes.unreadable(first ? `${words.notes.line(first.line)}: ${first.message}` : undefined)}; ${validate}`;
  } else if (errors.length > 0 || skipped.length > 0) {
    const shown = skipped
      .slice(0, MAX_SKIPPED_NAMED)
      .map((e) => skippedText(words, e))
      .join(', ');
    const parts = [
      errors.length > 0 ? words.notes.errors(errors.length) : undefined,
      skipped.length > 0
        ? words.notes.skipped(maskSecrets(shown), Math.max(0, skipped.length - MAX_SKIPPED_NAMED))
        : !lostImport && errors.some((f) => HIDING_RULES.has(f.rule))
          ? words.notes.hidden
          : undefined,
    ].filter((part) => part !== undefined);
    const lost = lostImport ? `; ${words.notes.lostImport}` : '';
    note = `${parts.join(': ')}${lost}; ${validate}`;
  }
  const p = plan.plan?.value;
  return {
    file: planPath,
    id: str(p?.id) ?? null,
    title: str(p?.title) ?? null,
    kind: plan.root.kind,
    readable: !unreadable,
    imports: plan.files.slice(1).map((f) => f.path),
    errors: errors.length,
    note,
    language,
    incomplete: !unreadable && (skipped.length > 0 || lostImport),
    items: all.filter((i) => i.state !== 'ok'),
    all,
  };
}

/**
 * Reviews several plans. A fragment that a reviewed plan imports is not reviewed again on its
 * own: its entries already show under the plan, with that plan's roles.
 */
export function buildDigest(planPaths: string[], options: ReviewOptions): Digest {
  const reviews = planPaths.map((p) => ({ review: reviewPlan(p, options), abs: path.resolve(p) }));
  const imported = new Set<string>();
  for (const { review } of reviews) {
    if (review.kind === 'plan') for (const f of review.imports) imported.add(path.resolve(f));
  }
  const plans = reviews
    .filter(({ review, abs }) => !(review.kind === 'fragment' && imported.has(abs)))
    .map(({ review }) => review);
  return { asOf: options.asOf, ...(options.language ? { language: options.language } : {}), plans };
}

/**
 * The language of what belongs to no one plan (the summary line, a calendar's name): --lang,
 * else the language all the readable plans share (a fragment has none), else English.
 */
export function digestLanguage(digest: Digest, plans: PlanReview[] = digest.plans): Language {
  if (digest.language) return digest.language;
  const languages = new Set(plans.filter((p) => p.readable && p.kind === 'plan').map((p) => p.language));
  return languages.size === 1 ? [...languages][0]! : 'en';
}

/** Whether anything is overdue, or a plan could not be read or reviewed in full: cron's exit code 1. */
export function needsAttention(digest: Digest): boolean {
  return digest.plans.some((p) => !p.readable || p.incomplete || p.items.some((i) => i.state === 'overdue'));
}
