import { rules as catalogue } from './checks/index.js';
import { en } from './checks/messages/en.js';
import type { Messages } from './checks/messages/types.js';
import { type Flagged, flaggedSecrets, maskSecrets } from './checks/secret-in-plan.js';
import type { Rule, RuleContext } from './checks/types.js';
import { type Config, configFor, DEFAULT_DUE_WINDOW, DEFAULT_STALE_AFTER } from './config.js';
import type { Duration } from './plan/dates.js';
import { type LoadOptions, loadPlan } from './plan/load.js';
import { type Language, resolveMatrix } from './plan/matrix.js';
import { validateSchema } from './plan/schema.js';
import { findingAt, joinPointer, pointerSegments } from './plan/source.js';
import type { Finding, LoadedPlan, Severity } from './plan/types.js';

export interface CheckOptions extends LoadOptions {
  asOf: Date;
  /** --stale-after: wins over the config file. */
  staleAfter?: Duration;
  /** --config FILE: instead of searching `.bcplan.yaml` upward from each plan. */
  configFile?: string;
  /** The rules to run; the whole catalogue by default (tests pass one). */
  rules?: Rule[];
  /** The words of the rules' messages; English by default (a runbook's appendix passes its language). */
  say?: Messages;
  /** The language of the default risk matrix's labels that messages name; the plan's by default. */
  language?: Language;
}

export interface PlanResult {
  plan: LoadedPlan;
  config: Config;
  findings: Finding[];
}

/**
 * --lang: the options with the rules' messages in `language`. The translations are loaded only
 * then, so that validate in English stays light; a worker thread, which cannot be handed the
 * message functions, calls this with the language's name.
 */
export async function wordedIn(options: CheckOptions, language: Language | undefined): Promise<CheckOptions> {
  if (language === undefined || language === 'en') return options;
  const { MESSAGES } = await import('./checks/messages/index.js');
  return { ...options, say: MESSAGES[language], language };
}

/** Runs every rule on a loaded plan; a rule that throws becomes an internal finding, never a crash. */
export function runRules(plan: LoadedPlan, options: CheckOptions, config: Config): Finding[] {
  const isFragment = plan.root.kind === 'fragment';
  const ctx: RuleContext = {
    plan,
    asOf: options.asOf,
    staleAfter: options.staleAfter ?? config.staleAfter ?? DEFAULT_STALE_AFTER,
    dueWindow: config.dueWindow ?? DEFAULT_DUE_WINDOW,
    matrix: resolveMatrix(plan, options.language),
    isFragment,
    say: options.say ?? en,
  };
  const findings: Finding[] = [];
  for (const rule of options.rules ?? catalogue) {
    if (isFragment && !rule.fragments) continue;
    let reported: ReturnType<Rule['check']>;
    try {
      reported = rule.check(ctx);
    } catch (error) {
      reported = [
        {
          file: plan.root,
          pointer: '',
          message: ctx.say.ruleFailed({ rule: rule.id, error: (error as Error).message }),
        },
      ];
    }
    for (const r of reported)
      findings.push(findingAt(r.file, r.pointer, rule.id, rule.severity, r.message, r.target));
  }
  return findings;
}

/** Applies config severities (dropping `off`) to findings. */
function applyConfig(findings: Finding[], config: Config): Finding[] {
  return findings.flatMap((f) => {
    const level = config.rules[f.rule];
    if (level === 'off') return [];
    return level ? [{ ...f, severity: level as Severity }] : [f];
  });
}

/**
 * Messages quote the plan (`refers to contact Passwort: …, which is not defined`) and pointers
 * name its keys (`/notes/Passwort: Sommer2026!`); findings go to CI logs and cron mail, so a
 * credential in either is masked: each value secret-in-plan flagged, then anything else that
 * looks like one. That rule's own messages are written masked.
 */
function withoutSecrets(findings: Finding[], flagged: Flagged): Finding[] {
  // Every flagged text is looked for in every finding while that stays cheap (a plan holds a
  // few); beyond that (25,000 deputies written `PIN 1000001` took minutes) only the text at the
  // finding's own place, which is what a message quotes, and maskSecrets for the rest.
  const everywhere = flagged.texts.size * findings.length <= 1_000_000;
  return findings.map((f) => {
    const own = everywhere ? undefined : flagged.at.get(`${f.file}\0${f.pointer}`);
    const mask = (text: string) => {
      let out = text;
      const replace = (secret: string) => {
        if (out.includes(secret)) out = out.split(secret).join(flagged.texts.get(secret)!);
      };
      if (everywhere) for (const secret of flagged.texts.keys()) replace(secret);
      else if (own !== undefined) replace(own);
      return maskSecrets(out);
    };
    const message = f.rule === 'secret-in-plan' ? f.message : mask(f.message);
    const pointer = mask(f.pointer);
    return message === f.message && pointer === f.pointer ? f : { ...f, message, pointer };
  });
}

/** `/contacts/3/verified` → `/contacts/@ivar-solberg/verified`: list positions as the entries' ids. */
function anchorOf(data: unknown, pointer: string): string | undefined {
  let node = data;
  let changed = false;
  const segments = pointerSegments(pointer).map((segment) => {
    if (Array.isArray(node)) {
      node = node[Number(segment)];
      const id = node && typeof node === 'object' ? (node as { id?: unknown }).id : undefined;
      if (typeof id === 'string' && id !== '') {
        changed = true;
        return `@${id}`;
      }
      return segment;
    }
    node = node && typeof node === 'object' ? (node as Record<string, unknown>)[segment] : undefined;
    return segment;
  });
  return changed ? joinPointer(...segments) : undefined;
}

/** Each finding that points into a list of entries with ids gets its anchor (see Finding). */
function withAnchors(findings: Finding[], plan: LoadedPlan): Finding[] {
  const dataOf = new Map(plan.files.map((f) => [f.path, f.data]));
  return findings.map((f) => {
    const anchor = f.pointer === '' ? undefined : anchorOf(dataOf.get(f.file), f.pointer);
    return anchor === undefined ? f : { ...f, anchor };
  });
}

/** Loads one plan or fragment and returns every finding: loader, schema (each file) and rules. */
export function checkPlan(planPath: string, options: CheckOptions): PlanResult {
  const config = configFor(planPath, options.configFile);
  const plan = loadPlan(planPath, options);
  const findings = [...plan.findings];
  // One push per finding: `push(...list)` passes every finding as an argument, and a plan with
  // 60,000 repeated ids overflowed the call stack.
  for (const file of plan.files)
    if (file.data !== undefined) for (const f of validateSchema(file)) findings.push(f);
  if (plan.root.data !== undefined) for (const f of runRules(plan, options, config)) findings.push(f);
  return { plan, config, findings: finish(findings, plan, config) };
}

/** Config severities, masked quotes and anchors: what every finding goes through before it is shown. */
function finish(findings: Finding[], plan: LoadedPlan, config: Config): Finding[] {
  // Anchors first: they follow the pointer as written, which masking may change.
  return withoutSecrets(withAnchors(applyConfig(findings, config), plan), flaggedSecrets(plan));
}

/**
 * A checked plan's findings with the rules' messages worded by `say` (a runbook's appendix in
 * the plan's language); the loader's and the schema's findings stay as they are (English).
 */
export function findingsWorded(result: PlanResult, options: CheckOptions, say: Messages): Finding[] {
  const { plan, config } = result;
  if (plan.root.data === undefined) return result.findings;
  const ruleIds = new Set((options.rules ?? catalogue).map((r) => r.id));
  const kept = result.findings.filter((f) => !ruleIds.has(f.rule));
  if (kept.length === result.findings.length) return kept; // no rule found anything: nothing to word
  return [...kept, ...finish(runRules(plan, { ...options, say }, config), plan, config)];
}

/** What checkPlan found for one path, or the error it stopped with, as plain data (for threads). */
export type PathResult =
  | { files: string[]; findings: Finding[] }
  | { error: { name: string; message: string; stack?: string | undefined } };

export function checkPath(planPath: string, options: CheckOptions): PathResult {
  try {
    const { plan, findings } = checkPlan(planPath, options);
    return { files: plan.files.map((f) => f.path), findings };
  } catch (error) {
    const e = error as Error;
    return { error: { name: e.name, message: e.message, stack: e.stack } };
  }
}

const key = (f: Finding) => `${f.file}\0${f.line}\0${f.column}\0${f.rule}\0${f.message}`;

/** Orders findings by file (in order of first appearance), line, column; drops repeats of one place. */
export function sortFindings(findings: Finding[]): Finding[] {
  const fileOrder = new Map<string, number>();
  for (const f of findings) if (!fileOrder.has(f.file)) fileOrder.set(f.file, fileOrder.size);
  const seen = new Set<string>();
  return findings
    .filter((f) => {
      const k = key(f);
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    })
    .sort(
      (a, b) =>
        fileOrder.get(a.file)! - fileOrder.get(b.file)! ||
        a.line - b.line ||
        a.column - b.column ||
        a.rule.localeCompare(b.rule),
    );
}

export interface ValidateResult {
  /** Every file looked at: the plans given and the files they import. */
  files: string[];
  findings: Finding[];
}

/** Validates plan files together: one finding per place, even when two plans import one fragment. */
export function validatePlans(planPaths: string[], options: CheckOptions): ValidateResult {
  const files = new Set<string>();
  const findings: Finding[] = [];
  for (const planPath of planPaths) {
    const result = checkPlan(planPath, options);
    for (const f of result.plan.files) files.add(f.path);
    for (const f of result.findings) findings.push(f);
  }
  return { files: [...files], findings: sortFindings(findings) };
}
