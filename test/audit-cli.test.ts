import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, testEnv } from './helpers/cli.js';

// Bugs found by an audit of the CLI as a careless user and a CI maintainer would use it; each
// test failed before its fix. End to end through the built bin/bcplan.js.
const AS_OF = ['--as-of', '2026-11-22'];
const SLOW = 120_000;
const tmp = mkdtempSync(path.join(os.tmpdir(), 'bcplan-audit-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** One clear line on stderr, no stack trace. */
function expectOneLine(stderr: string, text: string | RegExp) {
  expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(stderr.trimEnd()).toMatch(text);
  expect(stderr).not.toMatch(/\n\s+at /);
}

/** A plan with `n` stale contacts: a stylish report of a few hundred KB, more than a pipe holds. */
function bigReportPlan(n: number): string {
  const contacts = Array.from(
    { length: n },
    (_, i) => `  - {id: c${i}, name: Contact ${i}, email: c${i}@example.org, verified: 2020-01-01}\n`,
  ).join('');
  return `bcplan: 1\ncontacts:\n${contacts}roles:\n  - {id: r, title: R, primary: c0, deputies: [c1]}\n`;
}

interface Ended {
  code: number | null;
  stderr: string;
}

/** Runs the CLI with stdout on `stdout`; with 'pipe', the reading end is closed after the first chunk. */
function runWithStdout(args: string[], stdout: 'pipe' | number): Promise<Ended> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: ROOT,
      env: testEnv(),
      stdio: ['ignore', stdout, 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (d) => {
      stderr += d;
    });
    child.stdout?.once('data', () => child.stdout!.destroy()); // like `| head -1`
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('writing to stdout fails', { timeout: SLOW }, () => {
  const plan = path.join(tmp, 'big.yaml');
  writeFileSync(plan, bigReportPlan(3000));

  it('`validate … | head -1`: no stack trace when the reader goes away (EPIPE)', async () => {
    const r = await runWithStdout(['validate', plan, ...AS_OF], 'pipe');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1); // the findings still decide the exit code
  });

  it.runIf(process.platform === 'linux')('a full disk (/dev/full): exit 2, one line on stderr', async () => {
    const fd = openSync('/dev/full', 'w');
    try {
      const r = await runWithStdout(['validate', plan, ...AS_OF, '--format', 'json'], fd);
      expect(r.code).toBe(2);
      expectOneLine(r.stderr, /^bcplan: cannot write to stdout: no space left on the device$/);
    } finally {
      closeSync(fd);
    }
  });
});
