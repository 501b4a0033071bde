// Where validate's time goes, phase by phase, in one process: parsing, the schema, dueItems,
// each rule, and checkPlan as a whole, each over every plan of a folder, best of 5 passes.
// Steadier than timing whole runs on a shared machine, which vary by ±20 % from run to run.
// Usage (after `npm run build`): node bench/phases.js FOLDER [NAME,NAME…]
//   FOLDER: e.g. a corpus kept by `BENCH_KEEP=1 npm run bench` (…/corpus);
//   NAME: only the phases whose name holds one of these (e.g. `secret,schema`).
// It imports tsc's output in dist/ (not the bundle): the same code, one module per file.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { rules } from '../dist/checks/index.js';
import { en } from '../dist/checks/messages/en.js';
import { DEFAULT_DUE_WINDOW, DEFAULT_STALE_AFTER } from '../dist/config.js';
import { dueItems } from '../dist/plan/due.js';
import { emptySource, loadPlan, parseText } from '../dist/plan/load.js';
import { resolveMatrix } from '../dist/plan/matrix.js';
import { validateSchema } from '../dist/plan/schema.js';
import { checkPlan } from '../dist/validate.js';

const [dir, filter] = process.argv.slice(2);
if (!dir) {
  process.stderr.write('usage: node bench/phases.js FOLDER [NAME,NAME…]\n');
  process.exit(2);
}
const only = filter?.split(',');
const files = readdirSync(dir)
  .filter((f) => /\.ya?ml$/.test(f))
  .sort()
  .map((f) => path.join(dir, f));
const asOf = new Date(2026, 10, 22);
const plans = files.map((f) => loadPlan(f));
const texts = files.map((f) => readFileSync(f, 'utf8'));
// A fresh context per plan and rule, as runRules makes one per plan: memos kept per context
// (dueItems for the date rules) are counted in the first rule that needs them.
const contextOf = (plan) => ({
  plan,
  asOf,
  staleAfter: DEFAULT_STALE_AFTER,
  dueWindow: DEFAULT_DUE_WINDOW,
  matrix: resolveMatrix(plan),
  isFragment: plan.root.kind === 'fragment',
  say: en,
});

/** Runs `fn` on each of `list`. */
const each = (list, fn) => () => {
  for (const [i, x] of list.entries()) fn(x, i);
};
const phases = [
  [
    'parse (budgets, js-yaml or yaml, tree)',
    each(texts, (t, i) => parseText(emptySource(files[i], files[i]), t)),
  ],
  ['schema', each(plans, (p) => p.files.forEach(validateSchema))],
  ['dueItems', each(plans, (p) => dueItems(p, contextOf(p)))],
  ...rules.map((r) => [`rule ${r.id}`, each(plans, (p) => r.check(contextOf(p)))]),
  ['checkPlan (all of it)', each(files, (f) => checkPlan(f, { asOf }))],
];

process.stdout.write(`${files.length} files in ${dir}; best of 5 passes, ms per pass\n`);
for (const [name, run] of phases) {
  if (only && !only.some((o) => name.includes(o))) continue;
  let best = Number.POSITIVE_INFINITY;
  for (let pass = 0; pass < 5; pass++) {
    const start = performance.now();
    run();
    best = Math.min(best, performance.now() - start);
  }
  process.stdout.write(`${name.padEnd(40)} ${best.toFixed(1).padStart(9)}\n`);
}
