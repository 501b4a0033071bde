import { type ChildProcess, execFile, execFileSync, spawn } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, ROOT } from '../helpers/cli.js';

// Faults around writing: a read-only or full file system, SIGKILL mid-write, SIGINT.
// Everything runs the built CLI. Kill times are random; nothing asserts on durations.
const EXAMPLE = path.join(ROOT, 'examples/contact-center/plan.yaml');
const AS_OF = ['--as-of', '2026-11-22'];
const tmp = mkdtempSync(path.join(os.tmpdir(), 'bcplan-faults-'));
const mounts: string[] = [];
afterAll(() => {
  for (const m of mounts) {
    try {
      execFileSync('umount', [m], { stdio: 'ignore' });
    } catch {
      // already gone
    }
  }
  rmSync(tmp, { recursive: true, force: true });
});

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function run(args: string[], cwd = ROOT): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8' }, (error, stdout, stderr) => {
      const e = error as (Error & { code?: unknown; signal?: NodeJS.Signals }) | null;
      resolve({
        code: e ? (typeof e.code === 'number' ? e.code : null) : 0,
        signal: e?.signal ?? null,
        stdout,
        stderr,
      });
    });
  });
}

/** Starts the CLI and sends `signal` after `ms`; resolves with how it ended. */
function runAndSignal(
  args: string[],
  ms: number,
  signal: NodeJS.Signals,
): Promise<Run & { afterSignalMs: number }> {
  return new Promise((resolve) => {
    const child: ChildProcess = spawn(process.execPath, [BIN, ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let sentAt = 0;
    child.stdout!.on('data', (d) => {
      stdout += d;
    });
    child.stderr!.on('data', (d) => {
      stderr += d;
    });
    const timer = setTimeout(() => {
      sentAt = Date.now();
      child.kill(signal);
    }, ms);
    child.on('close', (code, sig) => {
      clearTimeout(timer);
      resolve({ code, signal: sig, stdout, stderr, afterSignalMs: sentAt ? Date.now() - sentAt : -1 });
    });
  });
}

const tempFiles = (dir: string) => readdirSync(dir).filter((f) => /^\..*\.bcplan-tmp-/.test(f));
const isCompletePdf = (b: Buffer) =>
  b.subarray(0, 5).toString() === '%PDF-' && b.subarray(-8).toString('latin1').includes('%%EOF');

/** Mounts a small tmpfs (we may be root in CI containers); undefined when that is not possible. */
function tmpfs(options: string): string | undefined {
  const dir = mkdtempSync(path.join(tmp, 'mnt-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir], { stdio: 'ignore' });
    mounts.push(dir);
    return dir;
  } catch {
    return undefined;
  }
}

const full = tmpfs('size=64k');
const readOnly = tmpfs('ro,size=64k');

describe('an output location that cannot be written', () => {
  it('a missing folder, a path under a file: exit 2, one line, nothing written', async () => {
    writeFileSync(path.join(tmp, 'a-file'), 'x');
    for (const out of [path.join(tmp, 'no/such/folder/out.pdf'), path.join(tmp, 'a-file/out.pdf')]) {
      const r = await run(['render', EXAMPLE, '-o', out, '--force', ...AS_OF]);
      expect(r.code).toBe(2);
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/^bcplan: cannot write .*out\.pdf: /);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    expect(tempFiles(tmp)).toEqual([]);
  });

  it.skipIf(readOnly === undefined)(
    'a read-only file system: exit 2, "read-only", the plan untouched (skipped only where tmpfs cannot be mounted)',
    async () => {
      const out = path.join(readOnly!, 'out.pdf');
      const r = await run(['render', EXAMPLE, '-o', out, '--force', ...AS_OF]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^bcplan: cannot write .*: the file system is read-only\n$/);
      const v = await run(['validate', EXAMPLE, '--format', 'json', '-o', out, ...AS_OF]);
      expect(v.code).toBe(2);
      expect(v.stderr).toMatch(/read-only/);
    },
  );

  it.skipIf(full === undefined)(
    'a full disk: exit 2, "no space left", the previous output intact, no temp file left (skipped only where tmpfs cannot be mounted)',
    async () => {
      const out = path.join(full!, 'runbook.pdf');
      writeFileSync(out, 'previous runbook');
      const r = await run(['render', EXAMPLE, '-o', out, '--force', ...AS_OF]);
      expect(r.code).toBe(2);
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/no space left on the device/);
      expect(readFileSync(out, 'utf8')).toBe('previous runbook');
      expect(tempFiles(full!)).toEqual([]);
      // verify on a full disk leaves the plan as it was.
      rmSync(out);
      const plan = path.join(full!, 'plan.yaml');
      const text = readFileSync(EXAMPLE, 'utf8');
      writeFileSync(plan, text);
      writeFileSync(path.join(full!, 'filler'), Buffer.alloc(64 * 1024 - text.length - 4096 + 1024));
      const v = await run(['verify', plan, 'sabine-vogt', '--date', '2026-11-20', ...AS_OF]);
      if (v.code === 2) {
        expect(v.stderr).toMatch(/no space left/);
        expect(readFileSync(plan, 'utf8')).toBe(text);
      } else {
        // tmpfs had room after all: then the edit must be complete.
        expect(v.code).toBe(0);
        expect(readFileSync(plan, 'utf8')).not.toBe(text);
      }
      expect(tempFiles(full!)).toEqual([]);
    },
  );
});

describe('SIGKILL mid-write', () => {
  it('render: the output is the old file or the complete new one, the plan is intact', async () => {
    const dir = mkdtempSync(path.join(tmp, 'kill-render-'));
    const plan = path.join(dir, 'plan.yaml');
    copyFileSync(EXAMPLE, plan);
    const planBytes = readFileSync(plan);
    const out = path.join(dir, 'runbook.pdf');
    const start = Date.now();
    const first = await run(['render', plan, '-o', out, '--force', ...AS_OF]);
    const duration = Date.now() - start;
    expect(first.code).toBe(0);
    const newPdf = readFileSync(out);
    const outcomes = { old: 0, new: 0 };
    for (let i = 0; i < 8; i++) {
      writeFileSync(out, 'OLD RUNBOOK');
      // Random points over the whole run, weighted towards the end where the write happens.
      const at = Math.floor(duration * (0.5 + Math.random() * 0.7));
      const r = await runAndSignal(['render', plan, '-o', out, '--force', ...AS_OF], at, 'SIGKILL');
      const now = readFileSync(out);
      if (now.toString() === 'OLD RUNBOOK') outcomes.old++;
      else {
        expect(isCompletePdf(now), `killed at ${at} ms (${r.signal ?? r.code})`).toBe(true);
        expect(now.equals(newPdf)).toBe(true);
        outcomes.new++;
      }
      expect(readFileSync(plan).equals(planBytes)).toBe(true);
    }
    console.info(
      `render killed 8 times: ${outcomes.old} old, ${outcomes.new} new (one run took ${duration} ms)`,
    );
    expect(outcomes.old + outcomes.new).toBe(8);
  }, 300_000);

  it('verify: the plan is the old text or the whole edit, never half', async () => {
    const dir = mkdtempSync(path.join(tmp, 'kill-verify-'));
    mkdirSync(path.join(dir, '.git'));
    const plan = path.join(dir, 'plan.yaml');
    const old = readFileSync(EXAMPLE, 'utf8');
    writeFileSync(plan, old);
    const args = ['verify', plan, 'sabine-vogt', '--date', '2026-11-20', ...AS_OF];
    const start = Date.now();
    expect((await run(args)).code).toBe(0);
    const duration = Date.now() - start;
    const edited = readFileSync(plan, 'utf8');
    expect(edited).not.toBe(old);
    const outcomes = { old: 0, new: 0 };
    for (let i = 0; i < 8; i++) {
      writeFileSync(plan, old);
      await runAndSignal(args, Math.floor(duration * (0.3 + Math.random() * 0.9)), 'SIGKILL');
      const now = readFileSync(plan, 'utf8');
      expect([old, edited]).toContain(now);
      outcomes[now === old ? 'old' : 'new']++;
    }
    console.info(
      `verify killed 8 times: ${outcomes.old} old, ${outcomes.new} new (one run took ${duration} ms)`,
    );
  }, 300_000);
});

describe('SIGINT', () => {
  // bcplan keeps Node's default SIGINT handling: a JavaScript handler would only run once the
  // synchronous layout of a long render is done, so Ctrl-C would not stop it. A write killed
  // in its last moment leaves a temp file, which the next write beside it removes.
  it('stops a render at once, never leaves half a PDF, and the next write clears leftovers', async () => {
    const dir = mkdtempSync(path.join(tmp, 'int-'));
    const plan = path.join(dir, 'plan.yaml');
    copyFileSync(EXAMPLE, plan);
    const out = path.join(dir, 'runbook.pdf');
    const args = ['render', plan, '-o', out, '--force', ...AS_OF];
    const start = Date.now();
    expect((await run(args)).code).toBe(0);
    const duration = Date.now() - start;
    rmSync(out, { force: true });
    let interrupted = 0;
    const delays: number[] = [];
    for (const share of [0.3, 0.5, 0.7, 0.9]) {
      const r = await runAndSignal(args, Math.floor(duration * share), 'SIGINT');
      if (r.code === 0) continue; // it finished before the signal
      expect(r.signal === 'SIGINT' || r.code === 130).toBe(true);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      // Stopped during the layout: nothing written; stopped after the rename: the whole PDF.
      if (existsSync(out)) {
        expect(isCompletePdf(readFileSync(out))).toBe(true);
        rmSync(out);
      }
      delays.push(r.afterSignalMs);
      interrupted++;
    }
    expect(interrupted).toBeGreaterThan(0);
    console.info(
      `SIGINT stopped ${interrupted} renders, after ${delays.join(', ')} ms (a full run: ${duration} ms)`,
    );
    writeFileSync(path.join(dir, '.runbook.pdf.bcplan-tmp-999999999-x'), 'left by a killed run');
    expect((await run(args)).code).toBe(0);
    expect(tempFiles(dir)).toEqual([]);
  }, 300_000);
});
