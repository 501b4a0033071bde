// `validate` of many files on every core: plans are independent, so batches of paths go to
// worker threads and the results come back together in the order of the paths, the same
// findings in the same order as one thread gives (test/validate-parallel.test.ts compares).
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { LoadError, UsageError } from './errors.js';
import type { Language } from './plan/matrix.js';
import type { Finding } from './plan/types.js';
import {
  type CheckOptions,
  checkPath,
  type PathResult,
  sortFindings,
  type ValidateResult,
  validatePlans,
  wordedIn,
} from './validate.js';
import type { Batch, WorkerData } from './validate-worker.js';

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
 * Each worker's heap: old generation capped, young generation small. Measured on 100 and 1,000
 * corpus plans (bench): peak RSS 111 → 119 MB with these limits, 159 → 212 MB with V8's
 * defaults, which let garbage pile up the longer the run. The largest plan the loader accepts
 * fits (a 5 MB file of 98,000 wrong entries); one that does not is checked again on the main
 * thread. BCPLAN_WORKER_HEAP_MB changes the old-generation cap.
 */
function workerLimits() {
  const mb = Number(process.env.BCPLAN_WORKER_HEAP_MB);
  return { maxOldGenerationSizeMb: Number.isInteger(mb) && mb > 0 ? mb : 128, maxYoungGenerationSizeMb: 4 };
}

/**
 * Validates plan files on `threads` worker threads (one thread: on this one). The result is
 * what validatePlans gives; an error (a bad config file) is the one the first plan in order
 * would have stopped with. `wording` (--lang) words the rules' messages in that language.
 */
export async function validatePlansParallel(
  planPaths: string[],
  given: CheckOptions,
  threads: number,
  wording?: Language,
): Promise<ValidateResult> {
  const options = await wordedIn(given, wording);
  if (threads <= 1 || options.rules) return validatePlans(planPaths, options);
  const results: PathResult[] = new Array(planPaths.length);
  let next = 0;
  const workers: Worker[] = [];
  // Batches whose worker ran out of memory: checked again here, on the main thread.
  const again: Batch[] = [];
  try {
    await Promise.all(
      Array.from({ length: threads }, () => {
        const worker = new Worker(new URL('./validate-worker.js', import.meta.url), {
          workerData: { options: given, wording } satisfies WorkerData,
          resourceLimits: workerLimits(),
        });
        workers.push(worker);
        let current: Batch | undefined;
        return new Promise<void>((resolve, reject) => {
          const feed = () => {
            if (next >= planPaths.length) {
              current = undefined;
              resolve();
              return;
            }
            current = { start: next, paths: planPaths.slice(next, next + BATCH) };
            next += current.paths.length;
            worker.postMessage(current);
          };
          worker.on('message', (done: { start: number; results: PathResult[] }) => {
            done.results.forEach((r, i) => {
              results[done.start + i] = r;
            });
            feed();
          });
          worker.on('error', (error: NodeJS.ErrnoException) => {
            if (error.code !== 'ERR_WORKER_OUT_OF_MEMORY') {
              reject(error);
              return;
            }
            if (current) again.push(current);
            current = undefined;
            resolve();
          });
          worker.on('exit', (code) => reject(new Error(`a validate worker stopped (exit ${code})`)));
          feed();
        });
      }),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  for (const batch of again) {
    batch.paths.forEach((planPath, i) => {
      results[batch.start + i] = checkPath(planPath, options);
    });
  }
  const files = new Set<string>();
  const findings: Finding[] = [];
  for (const r of results) {
    if ('error' in r) throw rebuild(r.error);
    for (const f of r.files) files.add(f);
    for (const f of r.findings) findings.push(f); // not push(...): too many arguments overflow the stack
  }
  return { files: [...files], findings: sortFindings(findings) };
}
