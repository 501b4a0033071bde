// A worker thread of `validate` for many files (see validate-parallel.ts): it receives batches
// of plan paths and answers, per path, what checkPlan found or the error it stopped with.
import { parentPort, workerData } from 'node:worker_threads';
import type { Finding } from './plan/types.js';
import { type CheckOptions, checkPlan } from './validate.js';

export type PathResult =
  | { files: string[]; findings: Finding[] }
  | { error: { name: string; message: string; stack?: string | undefined } };

export interface Batch {
  start: number;
  paths: string[];
}

const options = workerData as CheckOptions;

parentPort!.on('message', (batch: Batch) => {
  const results: PathResult[] = batch.paths.map((planPath) => {
    try {
      const { plan, findings } = checkPlan(planPath, options);
      return { files: plan.files.map((f) => f.path), findings };
    } catch (error) {
      const e = error as Error;
      return { error: { name: e.name, message: e.message, stack: e.stack } };
    }
  });
  parentPort!.postMessage({ start: batch.start, results });
});
