// Runs the built CLI (`node bin/bcplan.js`; `npm test` builds first) and returns what it printed
// and its exit code, for the end-to-end tests (knip test/helpers/exec.ts).
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = path.join(ROOT, 'bin/bcplan.js');

export interface Run<T = string> {
  code: number;
  stdout: T;
  stderr: string;
}

export interface RunOptions {
  /** The working folder; the repository root by default. */
  cwd?: string;
  /** Added to the environment (see `testEnv`). */
  env?: NodeJS.ProcessEnv;
  /** Run as cron does: no HOME, no LANG, nothing inherited but PATH=/usr/bin:/bin. */
  cron?: boolean;
}

/** The environment without anything that changes format or colour, so CI runs like a laptop. */
export function testEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const k of ['GITHUB_ACTIONS', 'NO_COLOR', 'FORCE_COLOR', 'CI', 'TERM']) delete env[k];
  return env;
}

function exec<T extends string | Buffer>(
  args: string[],
  options: RunOptions,
  encoding: 'utf8' | 'buffer',
): Promise<Run<T>> {
  const env = options.cron ? { PATH: '/usr/bin:/bin', ...options.env } : { ...testEnv(), ...options.env };
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [BIN, ...args],
      { cwd: options.cwd ?? ROOT, env, encoding, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        // A number is the exit code; anything else (killed, spawn failed) must fail the test.
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout: stdout as T, stderr: stderr.toString() });
      },
    );
    child.stdin?.end(); // stdin is a pipe, never a terminal: no command may wait for answers
  });
}

/** `bcplan ...args`: exit code, stdout and stderr as text. */
export function bcplan(args: string[], options: RunOptions = {}): Promise<Run> {
  return exec<string>(args, options, 'utf8');
}

/** `bcplan ...args` with stdout as bytes (calendar files, byte-for-byte comparisons). */
export function bcplanBytes(args: string[], options: RunOptions = {}): Promise<Run<Buffer>> {
  return exec<Buffer>(args, options, 'buffer');
}
