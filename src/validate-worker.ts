// A worker thread of `validate` for many files (see validate-parallel.ts): it receives batches
// of plan paths and answers, per path, what checkPlan found or the error it stopped with.
import { parentPort, workerData } from 'node:worker_threads';
import type { Language } from './plan/matrix.js';
import { type CheckOptions, checkPath, type PathResult, wordedIn } from './validate.js';

export interface Batch {
  start: number;
  paths: string[];
}

export interface WorkerData {
  options: CheckOptions;
  /** --lang: the language of the rules' messages. */
  wording?: Language;
}

const data = workerData as WorkerData;
const options = await wordedIn(data.options, data.wording);

parentPort!.on('message', (batch: Batch) => {
  const results: PathResult[] = batch.paths.map((planPath) => checkPath(planPath, options));
  parentPort!.postMessage({ start: batch.start, results });
});
