// Runs the built CLI (`node bin/bcplan.js`; `npm test` builds first) and returns what it printed
// and its exit code, for the end-to-end tests (knip test/helpers/exec.ts).
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

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

/** SPEC §4: one clear line on stderr, no stack trace. */
export function expectOneLine(stderr: string, text: string | RegExp): void {
  expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(stderr.trimEnd()).toMatch(text);
  expect(stderr).not.toMatch(/\n\s+at /);
}

// Root may read and write anything: permission tests run the CLI as `nobody` (through runuser)
// when they run as root, and are skipped only where that is impossible.
const asRoot = process.getuid?.() === 0;
const runuser = ['/usr/sbin/runuser', '/sbin/runuser'].find((p) => existsSync(p));
export const canDropRoot = !asRoot || runuser !== undefined;

/** `bcplan ...args` as a user who does not own the files (nobody when this runs as root). */
export function bcplanUnprivileged(args: string[], cwd: string): Promise<Run> {
  const [cmd, argv] =
    asRoot && runuser
      ? [runuser, ['-u', 'nobody', '--', process.execPath, BIN, ...args]]
      : [process.execPath, [BIN, ...args]];
  return new Promise((resolve) => {
    execFile(cmd, argv, { cwd, env: testEnv(), encoding: 'utf8' }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
  });
}
