import { closeSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import { LoadError } from '../errors.js';
import { readErrorReason } from '../util/read-error.js';

const YAML_EXT = /\.ya?ml$/i;
const SKIP_DIRS = new Set(['node_modules', '.git', 'dist']);
const GLOB_CHARS = /[*?[\]{}]/;

const PLAN_KEY = /^\uFEFF?bcplan\s*:/m;
const HEAD_BYTES = [4 * 1024, 64 * 1024];
let headBuffer: Buffer | undefined;

/**
 * A file found in a folder counts as a plan when it holds a top-level `bcplan:` key in its
 * first 64 KB. Reads 4 KB first (where `bcplan:` nearly always is), then up to 64 KB: the
 * loader reads the whole file again anyway, so this should not read it all. A YAML file the
 * user may not read counts too: it may well be a plan, and the loader says why it cannot be
 * checked (skipping it would pass CI, and keep cron silent, on a plan nobody looked at).
 */
export function looksLikePlan(file: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    headBuffer ??= Buffer.allocUnsafe(HEAD_BYTES.at(-1)!);
    const buffer = headBuffer;
    let length = 0;
    for (const want of HEAD_BYTES) {
      while (length < want) {
        const n = readSync(fd, buffer, length, want - length, length);
        if (n === 0) return PLAN_KEY.test(buffer.toString('utf8', 0, length));
        length += n;
      }
      if (PLAN_KEY.test(buffer.toString('utf8', 0, length))) return true;
    }
    return false;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'EACCES' || code === 'EPERM';
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function walk(dir: string, out: string[]): void {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch (error) {
    throw new LoadError(`cannot read folder ${dir}: ${readErrorReason(error)}`);
  }
  for (const name of names) {
    const full = path.join(dir, name);
    let stat: ReturnType<typeof statSync>;
    try {
      stat = statSync(full);
    } catch {
      continue; // a dangling symlink is not a plan
    }
    if (stat.isDirectory()) {
      if (!SKIP_DIRS.has(name) && !name.startsWith('.')) walk(full, out);
    } else if (stat.isFile() && YAML_EXT.test(name) && looksLikePlan(full)) {
      out.push(full);
    }
  }
}

/**
 * The files a glob matches, named from the folder the pattern starts in, as a folder's files
 * are: `/srv/plans/*.yaml` stays absolute, `../plans/*.yaml` keeps its `../plans/` (the glob
 * library would name them from the working folder).
 */
async function expandGlob(pattern: string): Promise<string[]> {
  const parts = pattern.split('/');
  let fixed = 0;
  while (fixed < parts.length - 1 && !GLOB_CHARS.test(parts[fixed]!)) fixed++;
  const base = parts.slice(0, fixed).join('/') || (pattern.startsWith('/') ? '/' : '');
  const rest = parts.slice(fixed).join('/');
  const { glob } = await import('tinyglobby');
  const matches = await glob(rest, {
    cwd: base || '.',
    onlyFiles: true,
    ignore: ['**/node_modules/**'],
  });
  return matches.sort().map((m) => (base ? path.join(base, m) : m));
}

/**
 * Expands command-line paths into plan files: files as given, folders searched for YAML
 * files holding `bcplan:`, and glob patterns. A path that matches nothing is a LoadError.
 * Paths stay as the user wrote them (relative stays relative).
 */
export async function discoverPlans(args: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const arg of args) {
    let stat: ReturnType<typeof statSync> | undefined;
    try {
      stat = statSync(arg);
    } catch (error) {
      // Only a path that is not there may be a glob; a locked folder on the way is its own answer.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        throw new LoadError(`cannot read ${arg}: ${readErrorReason(error)}`);
      }
      stat = undefined;
    }
    if (stat?.isDirectory()) {
      const before = found.length;
      walk(arg, found);
      if (found.length === before)
        throw new LoadError(`no plans in ${arg}: no *.yaml or *.yml file there holds \`bcplan:\``);
    } else if (stat) {
      found.push(arg);
    } else if (GLOB_CHARS.test(arg)) {
      const matches = await expandGlob(arg);
      if (matches.length === 0) throw new LoadError(`no files match ${arg}`);
      for (const m of matches) found.push(m); // push(...): a glob may match more files than arguments fit
    } else {
      throw new LoadError(`cannot read ${arg}: no such file or folder`);
    }
  }
  const seen = new Set<string>();
  return found.filter((f) => {
    const key = path.resolve(f);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
