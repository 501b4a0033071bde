import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { allRules } from './checks/index.js';
import { UsageError } from './errors.js';
import { type Duration, durationSeconds, parseDuration } from './plan/dates.js';
import type { Severity } from './plan/types.js';
import { readErrorReason } from './util/read-error.js';
import { closest } from './util/suggest.js';

const CONFIG_FILE = '.bcplan.yaml';
const CONFIG_KEYS = ['rules', 'staleAfter', 'dueWindow'];

/** `.bcplan.yaml`: severity overrides per rule, and the date windows. */
export interface Config {
  /** Where the config was read from; undefined for the built-in defaults. */
  file?: string;
  rules: Record<string, Severity | 'off'>;
  staleAfter?: Duration;
  dueWindow?: Duration;
}

export const DEFAULT_STALE_AFTER = parseDuration('P12M')!;
export const DEFAULT_DUE_WINDOW = parseDuration('P30D')!;

const configCache = new Map<string, Config>();

/** The config for a plan: --config, else the nearest `.bcplan.yaml` above it, else defaults. */
export function configFor(planPath: string, configFile?: string): Config {
  const file = configFile ?? findConfigFile(path.dirname(path.resolve(planPath)));
  if (!file) return { rules: {} };
  const key = path.resolve(file);
  let config = configCache.get(key);
  if (!config) {
    config = readConfig(
      file,
      allRules().map((r) => r.id),
    );
    configCache.set(key, config);
  }
  return config;
}

/** Finds `.bcplan.yaml` from `startDir` upward; undefined when there is none. */
export function findConfigFile(startDir: string): string | undefined {
  let dir = path.resolve(startDir);
  for (;;) {
    const candidate = path.join(dir, CONFIG_FILE);
    if (statSync(candidate, { throwIfNoEntry: false })?.isFile()) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Reads and checks a config file; any problem is a UsageError (exit 2) naming the file. */
export function readConfig(configPath: string, knownRules: readonly string[]): Config {
  const file = displayPath(configPath);
  let text: string;
  try {
    text = readFileSync(configPath, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read config ${file}: ${readErrorReason(error)}`);
  }
  let raw: unknown;
  try {
    // yaml's errors carry a `code` too (DUPLICATE_KEY, BAD_INDENT): read and parse apart.
    raw = parse(text, { uniqueKeys: true }) ?? {};
  } catch (error) {
    throw new UsageError(
      `config ${file} is not valid YAML: ${(error as Error).message.split('\n')[0]!.replace(/:$/, '')}`,
    );
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new UsageError(`config ${file} must be a mapping with rules, staleAfter and dueWindow`);
  }
  const config: Config = { file: configPath, rules: {} };
  for (const [key, value] of Object.entries(raw)) {
    if (key === 'rules') {
      if (value === null) continue; // `rules:` with nothing under it
      if (typeof value !== 'object' || Array.isArray(value)) {
        throw new UsageError(`config ${file}: rules must map rule ids to error, warning, info or off`);
      }
      for (const [rule, level] of Object.entries(value)) {
        if (!knownRules.includes(rule))
          throw new UsageError(`config ${file}: unknown rule "${rule}"${suggest(rule, knownRules)}`);
        if (!['error', 'warning', 'info', 'off'].includes(level as string)) {
          throw new UsageError(
            `config ${file}: rules.${rule} must be error, warning, info or off, not ${JSON.stringify(level)}`,
          );
        }
        config.rules[rule] = level as Severity | 'off';
      }
    } else if (key === 'staleAfter' || key === 'dueWindow') {
      const duration = parseDuration(value);
      if (!duration)
        throw new UsageError(
          `config ${file}: ${key} must be an ISO 8601 duration like P12M or P30D, not ${JSON.stringify(value)}`,
        );
      if (key === 'staleAfter' && durationSeconds(duration) === 0) {
        throw new UsageError(`config ${file}: staleAfter must be longer than zero, like P12M`);
      }
      config[key] = duration;
    } else {
      throw new UsageError(
        `config ${file}: unknown key "${key}"${suggest(key, CONFIG_KEYS)} (known: ${CONFIG_KEYS.join(', ')})`,
      );
    }
  }
  return config;
}

/** A found config's path as the user would type it: relative when it is below the current folder. */
function displayPath(file: string): string {
  if (!path.isAbsolute(file)) return file;
  const rel = path.relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}

function suggest(word: string, candidates: readonly string[]): string {
  const hint = closest(word, candidates);
  return hint ? ` (did you mean "${hint}"?)` : '';
}
