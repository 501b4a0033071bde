// `validate` of many files on every core: plans are independent, so batches of paths go to
// worker threads and the results come back together in the order of the paths, the same
// findings in the same order as one thread gives (test/validate-parallel.test.ts compares).
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { LoadError, UsageError } from './errors.js';
import type { Finding } from './plan/types.js';
import { type CheckOptions, sortFindings, type ValidateResult, validatePlans } from './validate.js';
import type { Batch, PathResult } from './validate-worker.js';

/** Fewer files than this are checked on the main thread: a worker costs ~40 ms to start. */
export const MIN_FILES_PER_WORKER = 16;
/** Paths per message: small enough to share the work out evenly, large enough to be cheap. */
const BATCH = 8;

/** How many threads to use for `files` plans: `jobs` when given, else one per core. */
export function threadsFor(files: number, jobs?: number): number {
  const wanted = jobs ?? os.availableParallelism();
  return Math.max(1, Math.min(wanted, Math.floor(files / MIN_FILES_PER_WORKER)));
}

function rebuild(error: { name: string; message: string; stack?: string | undefined }): Error {
  const e =
    error.name === 'UsageError'
      ? new UsageError(error.message)
      : error.name === 'LoadError'
        ? new LoadError(error.message)
        : new Error(error.message);
  if (error.stack) e.stack = error.stack;
  return e;
}

/**
 * Validates plan files on `threads` worker threads (one thread: on this one). The result is
 * what validatePlans gives; an error (a bad config file) is the one the first plan in order
 * would have stopped with.
 */
export async function validatePlansParallel(
  planPaths: string[],
  options: CheckOptions,
  threads: number,
): Promise<ValidateResult> {
  if (threads <= 1 || options.rules) return validatePlans(planPaths, options);
  const results: PathResult[] = new Array(planPaths.length);
  let next = 0;
  const workers: Worker[] = [];
  try {
    await Promise.all(
      Array.from({ length: threads }, () => {
        const worker = new Worker(new URL('./validate-worker.js', import.meta.url), { workerData: options });
        workers.push(worker);
        return new Promise<void>((resolve, reject) => {
          const feed = () => {
            if (next >= planPaths.length) {
              resolve();
              return;
            }
            const batch: Batch = { start: next, paths: planPaths.slice(next, next + BATCH) };
            next += batch.paths.length;
            worker.postMessage(batch);
          };
          worker.on('message', (done: { start: number; results: PathResult[] }) => {
            done.results.forEach((r, i) => {
              results[done.start + i] = r;
            });
            feed();
          });
          worker.on('error', reject);
          worker.on('exit', (code) => reject(new Error(`a validate worker stopped (exit ${code})`)));
          feed();
        });
      }),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  const files = new Set<string>();
  const findings: Finding[] = [];
  for (const r of results) {
    if ('error' in r) throw rebuild(r.error);
    for (const f of r.files) files.add(f);
    findings.push(...r.findings);
  }
  return { files: [...files], findings: sortFindings(findings) };
}
