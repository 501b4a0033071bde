import { accessSync, constants, statSync } from 'node:fs';
import { LoadError, UsageError } from '../errors.js';
import { type Duration, parseDate, parseDuration } from '../plan/dates.js';

/** --as-of DATE, else today at local midnight. */
export function parseAsOf(value: string | undefined, now = new Date()): Date {
  if (value === undefined) return new Date(now.getFullYear(), now.getMonth(), now.getDate());
  const date = parseDate(value);
  if (!date) throw new UsageError(`--as-of must be a date like 2026-01-31, not "${value}"`);
  return date;
}

export function parseDurationOption(name: string, value: string | undefined): Duration | undefined {
  if (value === undefined) return undefined;
  const d = parseDuration(value);
  if (!d) throw new UsageError(`${name} must be an ISO 8601 duration like P12M or P30D, not "${value}"`);
  return d;
}

export function parseCount(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`${name} must be a whole number, not "${value}"`);
  return Number(value);
}

export function parseChoice<T extends string>(
  name: string,
  value: string | undefined,
  choices: readonly T[],
): T | undefined {
  if (value === undefined) return undefined;
  if (!(choices as readonly string[]).includes(value)) {
    throw new UsageError(`${name} must be one of ${choices.join(', ')}, not "${value}"`);
  }
  return value as T;
}

/** SOURCE_DATE_EPOCH (reproducible builds, https://reproducible-builds.org/specs/source-date-epoch/). */
export function sourceDateEpoch(env = process.env): Date | undefined {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch === undefined || epoch === '') return undefined;
  // Up to 9999-12-31T23:59:59Z: dates are written with four-digit years, and a Date holds no more
  // than 8.64e15 ms.
  if (!/^\d+$/.test(epoch) || Number(epoch) > 253_402_300_799) {
    throw new UsageError(`SOURCE_DATE_EPOCH must be whole seconds up to 253402300799 (9999), not "${epoch}"`);
  }
  return new Date(Number(epoch) * 1000);
}

/** A PLAN argument must name a file: anything else is exit 2, not a finding. */
export function requireFile(file: string): void {
  let stat: ReturnType<typeof statSync>;
  try {
    stat = statSync(file, { throwIfNoEntry: false });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code; // ENOTDIR, ELOOP, EACCES on the way, …
    const reason = code === 'ENOTDIR' ? 'a part of the path is a file, not a folder' : (code ?? 'error');
    throw new LoadError(`cannot read ${file}: ${reason}`);
  }
  if (!stat) throw new LoadError(`cannot read ${file}: the file does not exist`);
  if (!stat.isFile()) throw new LoadError(`cannot read ${file}: it is not a file`);
  try {
    accessSync(file, constants.R_OK);
  } catch {
    throw new LoadError(`cannot read ${file}: permission denied`);
  }
}

/**
 * Refuses an output file that is one of the files the command reads (the plan, an imported
 * fragment, or either through a symlink or hard link): the report would replace it.
 */
export function refuseOverwritingInput(
  output: string,
  inputs: Iterable<string>,
  what = `--output ${output}`,
): void {
  const out = fileId(output);
  if (!out) return;
  for (const input of inputs) {
    if (fileId(input) === out) {
      throw new UsageError(`${what} would overwrite ${input}, which this command reads`);
    }
  }
}

/** Device and inode of an existing file; undefined for none (ENOENT, a path through a file, …). */
function fileId(file: string): string | undefined {
  try {
    const stat = statSync(file, { throwIfNoEntry: false, bigint: true });
    return stat ? `${stat.dev}:${stat.ino}` : undefined;
  } catch {
    return undefined;
  }
}
