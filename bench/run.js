// `npm run bench`: generates plans into a temp folder, times bcplan against `node -e 0`,
// ajv-cli and a parse-only floor, prints a table and writes bench/results.json.
// BENCH_QUICK=1: fewer runs, results to bench/results.tmp/ (not the committed figures).
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generatePlan, SIZES } from './generate.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'bin', 'bcplan.js');
const QUICK = process.env.BENCH_QUICK === '1';
const AS_OF = '2026-11-22';
const CORPUS_FILES = Number(process.env.BENCH_CORPUS ?? 1000);
const RUNS = QUICK
  ? { cold: 5, corpus: 3, render: 2, review: 3, memory: 3 }
  : { cold: 15, corpus: 5, render: 3, review: 3, memory: 5 };
// BENCH_ONLY=cold,corpus: run some of the five measures (while working on one of them).
const ONLY = new Set((process.env.BENCH_ONLY ?? 'cold,corpus,render,review,memory').split(','));
const GNU_TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

const tmp = mkdtempSync(path.join(os.tmpdir(), 'bcplan-bench-'));
const rssFile = path.join(tmp, 'rss.txt');
// Without GNU time, a preload reports the child's peak RSS (KiB) as it exits.
const preload = path.join(tmp, 'rss-preload.mjs');
writeFileSync(
  preload,
  `import { writeFileSync } from 'node:fs';\nprocess.on('exit', () => { const u = process.resourceUsage(); writeFileSync(${JSON.stringify(rssFile)}, \`\${u.maxRSS} \${u.userCPUTime / 1e6} \${u.systemCPUTime / 1e6}\`); });\n`,
);

const log = (s) => process.stderr.write(`${s}\n`);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const round = (x, digits = 0) => (x === undefined ? undefined : Number(x.toFixed(digits)));

/** Runs `node ...args` once: wall time (ms), peak RSS (MB), exit code, stderr (and stdout if asked). */
function runOnce(args, { capture = false } = {}) {
  rmSync(rssFile, { force: true });
  const [cmd, argv] = GNU_TIME
    ? [GNU_TIME, ['-f', '%M %U %S', '-o', rssFile, process.execPath, ...args]]
    : [process.execPath, ['--import', preload, ...args]];
  const started = performance.now();
  const r = spawnSync(cmd, argv, {
    cwd: ROOT,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
    stdio: ['ignore', capture ? 'pipe' : 'ignore', 'pipe'],
    maxBuffer: 512 * 1024 * 1024,
    encoding: 'utf8',
  });
  const ms = performance.now() - started;
  let rssMB;
  let cpuMs;
  try {
    // GNU time puts "Command exited with non-zero status N" before the figures.
    const lines = readFileSync(rssFile, 'utf8').trim().split('\n');
    const [kb, user, sys] = lines[lines.length - 1].split(' ').map(Number);
    rssMB = kb / 1024;
    cpuMs = (user + sys) * 1000;
  } catch {
    rssMB = undefined;
  }
  return { ms, cpuMs, rssMB, code: r.status, stderr: r.stderr ?? '', stdout: r.stdout ?? '' };
}

/**
 * Runs each case `runs` times, interleaved (a b c a b c …) so that noise hits all alike.
 * One warm-up run each (file cache, first-run effects) unless the caller already ran it once.
 */
function bench(cases, runs, { warmUp = true } = {}) {
  const samples = cases.map(() => []);
  if (warmUp) for (const c of cases) runOnce(c.args);
  for (let i = 0; i < runs; i++) {
    for (const [k, c] of cases.entries()) samples[k].push(runOnce(c.args));
  }
  return cases.map((c, k) => ({
    name: c.name,
    runs,
    ms: round(median(samples[k].map((s) => s.ms)), 1),
    minMs: round(Math.min(...samples[k].map((s) => s.ms)), 1),
    maxMs: round(Math.max(...samples[k].map((s) => s.ms)), 1),
    cpuMs: samples[k][0].cpuMs === undefined ? undefined : round(median(samples[k].map((s) => s.cpuMs)), 0),
    rssMB: samples[k][0].rssMB === undefined ? undefined : round(median(samples[k].map((s) => s.rssMB)), 1),
    code: samples[k][0].code,
    stderr: samples[k][0].code === 2 ? samples[k][0].stderr.trim().split('\n')[0] : undefined,
  }));
}

function folderBytes(dir) {
  let bytes = 0;
  for (const name of readdirSync(dir)) bytes += statSync(path.join(dir, name)).size;
  return bytes;
}

function machine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model?.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGB: round(os.totalmem() / 1024 ** 3, 1),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    date: new Date().toISOString().slice(0, 10),
  };
}

// ---------------------------------------------------------------- inputs
log(`bcplan bench${QUICK ? ' (quick)' : ''}: generating plans in ${tmp}`);
const smallPath = path.join(tmp, 'small.yaml');
const largePath = path.join(tmp, 'large.yaml');
const corpus = path.join(tmp, 'corpus');
const corpus100 = path.join(tmp, 'corpus-100');
mkdirSync(corpus);
mkdirSync(corpus100);
writeFileSync(smallPath, generatePlan({ seed: 1, asOf: AS_OF, ...SIZES.small }));
writeFileSync(largePath, generatePlan({ seed: 2, asOf: AS_OF, ...SIZES.large }));
for (let i = 0; i < CORPUS_FILES; i++) {
  // Two in five plans are clean; the rest carry one or two of the mistakes real plans have.
  const text = generatePlan({ seed: 1000 + i, asOf: AS_OF, ...SIZES.medium, flaws: [0, 0, 1, 1, 2][i % 5] });
  const name = `plan-${String(i).padStart(4, '0')}.yaml`;
  writeFileSync(path.join(corpus, name), text);
  if (i < CORPUS_FILES / 10) writeFileSync(path.join(corpus100, name), text);
}
const inputs = {
  small: { ...SIZES.small, bytes: statSync(smallPath).size },
  large: { ...SIZES.large, bytes: statSync(largePath).size },
  corpus: { files: CORPUS_FILES, ...SIZES.medium, bytes: folderBytes(corpus) },
};

// The schema ajv-cli gets: the shipped file, else what `bcplan schema` prints.
let schemaPath = path.join(ROOT, 'schemas', 'plan.schema.json');
if (!existsSync(schemaPath)) {
  schemaPath = path.join(tmp, 'plan.schema.json');
  const r = spawnSync(process.execPath, [BIN, 'schema', '-o', schemaPath], { encoding: 'utf8' });
  if (r.status !== 0) schemaPath = undefined;
}

const results = {};
const skipped = {};

// ---------------------------------------------------------------- 1. cold start
if (ONLY.has('cold')) {
  log(`1/5 cold start (${RUNS.cold} runs)`);
  const [node, validate] = bench(
    [
      { name: 'node -e 0', args: ['-e', '0'] },
      { name: 'bcplan validate small.yaml', args: [BIN, 'validate', smallPath, '--as-of', AS_OF] },
    ],
    RUNS.cold,
  );
  results.cold = {
    node,
    validate,
    ratio: round(validate.ms / node.ms, 2),
    cpuRatio: round(validate.cpuMs / node.cpuMs, 2),
  };
}

// ---------------------------------------------------------------- 2. corpus validate
if (ONLY.has('corpus')) {
  log(
    `2/5 corpus of ${CORPUS_FILES} plans: bcplan validate, ajv-cli, parse-only floor (${RUNS.corpus} runs)`,
  );
  const check = runOnce([BIN, 'validate', corpus, '--as-of', AS_OF, '--format', 'json'], { capture: true });
  let byRule = {};
  try {
    const report = JSON.parse(check.stdout);
    for (const f of report.findings) byRule[f.rule] = (byRule[f.rule] ?? 0) + 1;
    byRule = Object.fromEntries(Object.entries(byRule).sort(([a], [b]) => a.localeCompare(b)));
  } catch {
    byRule = { unreadable: check.stderr.trim().split('\n')[0] };
  }
  const cases = [
    { name: 'bcplan validate corpus', args: [BIN, 'validate', corpus, '--as-of', AS_OF] },
    { name: 'parse-only floor', args: [path.join(ROOT, 'bench', 'parse-floor.js'), corpus] },
  ];
  const ajvBin = path.join(ROOT, 'node_modules', 'ajv-cli', 'dist', 'index.js');
  const ajvArgs = schemaPath && [
    ajvBin,
    'validate',
    '--spec=draft2020',
    '--strict=false',
    '-c',
    'ajv-formats',
    '-s',
    schemaPath,
    '-d',
    `${corpus}/*.yaml`,
  ];
  let ajvValid;
  if (!existsSync(ajvBin)) skipped.ajvCli = 'ajv-cli is not installed (npm install)';
  else if (!ajvArgs)
    skipped.ajvCli = 'no schema: schemas/plan.schema.json is missing and `bcplan schema` failed';
  else {
    const probe = runOnce(ajvArgs, { capture: true });
    ajvValid = (probe.stdout.match(/ valid$/gm) ?? []).length;
    if (probe.code === 0 || probe.code === 1) cases.push({ name: 'ajv-cli (schema only)', args: ajvArgs });
    else skipped.ajvCli = `ajv-cli failed: ${probe.stderr.trim().split('\n')[0]}`;
  }
  const [validate, floor, ajv] = bench(cases, RUNS.corpus, { warmUp: false });
  results.corpus = {
    validate,
    floor,
    ajvCli: ajv ? { ...ajv, schemaValidFiles: ajvValid } : undefined,
    findingsByRule: byRule,
    vsAjvCli: ajv ? round(validate.ms / ajv.ms, 2) : undefined,
    vsFloor: round(validate.ms / floor.ms, 2),
    cpuVsAjvCli: ajv ? round(validate.cpuMs / ajv.cpuMs, 2) : undefined,
    cpuVsFloor: round(validate.cpuMs / floor.cpuMs, 2),
  };
}

// ---------------------------------------------------------------- 3. render
if (ONLY.has('render')) {
  log(`3/5 render of the large plan (${RUNS.render} runs)`);
  const pdf = path.join(tmp, 'large.pdf');
  let args = [BIN, 'render', largePath, '-o', pdf, '--as-of', AS_OF];
  let probe = runOnce(args);
  let forced = false;
  if (probe.code === 1) {
    args = [...args, '--force'];
    forced = true;
    probe = runOnce(args);
  }
  if (probe.code !== 0 || !existsSync(pdf)) {
    skipped.render = `bcplan render exited ${probe.code}: ${probe.stderr.trim().split('\n')[0] || 'no PDF written'}`;
  } else {
    const pages = (readFileSync(pdf, 'latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
    const [render] = bench([{ name: 'bcplan render large.yaml', args }], RUNS.render, { warmUp: false });
    results.render = {
      ...render,
      forced,
      pages,
      pdfBytes: statSync(pdf).size,
      seconds: round(render.ms / 1000, 2),
      pagesPerSecond: round(pages / (render.ms / 1000), 1),
    };
  }
}

// ---------------------------------------------------------------- 4. review
if (ONLY.has('review')) {
  log(`4/5 review of the corpus (${RUNS.review} runs)`);
  const probe = runOnce([BIN, 'review', corpus, '--as-of', AS_OF]);
  if (probe.code !== 0 && probe.code !== 1) {
    skipped.review = `bcplan review exited ${probe.code}: ${probe.stderr.trim().split('\n')[0]}`;
  } else {
    const [review] = bench(
      [{ name: 'bcplan review corpus', args: [BIN, 'review', corpus, '--as-of', AS_OF] }],
      RUNS.review,
      { warmUp: false },
    );
    results.review = review;
  }
}

// ---------------------------------------------------------------- 5. memory
if (ONLY.has('memory')) {
  log(`5/5 validate's peak RSS for ${CORPUS_FILES / 10} vs ${CORPUS_FILES} files (${RUNS.memory} runs)`);
  const few = {
    name: `bcplan validate ${CORPUS_FILES / 10} files`,
    args: [BIN, 'validate', corpus100, '--as-of', AS_OF],
  };
  const all = {
    name: `bcplan validate ${CORPUS_FILES} files`,
    args: [BIN, 'validate', corpus, '--as-of', AS_OF],
  };
  // The corpus timing already has the RSS for all files; measure it here only when that did not run.
  const measured = bench(results.corpus ? [few] : [few, all], RUNS.memory);
  const many = results.corpus?.validate ?? measured[1];
  // What stays alive: the heap after a full GC as the process exits. Peak RSS also holds
  // garbage that V8 lets pile up before collecting, which grows with the work done.
  const heapFile = path.join(tmp, 'heap.txt');
  const heapPreload = path.join(tmp, 'heap-preload.mjs');
  writeFileSync(
    heapPreload,
    `import { writeFileSync } from 'node:fs';\nprocess.on('exit', () => { globalThis.gc(); writeFileSync(${JSON.stringify(heapFile)}, String(process.memoryUsage().heapUsed)); });\n`,
  );
  const liveMB = (c) => {
    runOnce(['--expose-gc', '--import', heapPreload, ...c.args]);
    return round(Number(readFileSync(heapFile, 'utf8')) / 1024 ** 2, 1);
  };
  results.memory = {
    files: [CORPUS_FILES / 10, CORPUS_FILES],
    rssMB: [measured[0].rssMB, many.rssMB],
    ratio: measured[0].rssMB && many.rssMB ? round(many.rssMB / measured[0].rssMB, 2) : undefined,
    liveHeapMB: [liveMB(few), liveMB(all)],
  };
}

// ---------------------------------------------------------------- report
const target = (text, value, pass) => ({
  target: text,
  value,
  pass: value === undefined ? undefined : pass(value),
});
const targets = {
  coldStart: target('validate ≤ 3× node -e 0', results.cold?.ratio, (v) => v <= 3),
  vsAjvCli: target('corpus validate faster than ajv-cli', results.corpus?.vsAjvCli, (v) => v < 1),
  vsFloor: target('corpus validate ≤ 2× parse-only floor', results.corpus?.vsFloor, (v) => v <= 2),
  renderTime: target('large render ≤ 10 s', results.render?.seconds, (v) => v <= 10),
  renderMemory: target('large render ≤ 500 MB peak RSS', results.render?.rssMB, (v) => v <= 500),
  flatMemory: target(
    `validate RSS for ${CORPUS_FILES} files ≤ 1.25× for ${CORPUS_FILES / 10}`,
    results.memory?.ratio,
    (v) => v <= 1.25,
  ),
};

const out = {
  machine: machine(),
  quick: QUICK,
  asOf: AS_OF,
  rssFrom: GNU_TIME ? '/usr/bin/time -f %M' : 'process.resourceUsage().maxRSS',
  inputs,
  results,
  targets,
  skipped,
};

const ms = (r) => (r ? `${r.ms.toLocaleString('en')} ms` : '—');
const cpu = (r) => (r?.cpuMs === undefined ? '' : `${r.cpuMs.toLocaleString('en')} ms`);
const mb = (r) => (r?.rssMB === undefined ? '' : `${r.rssMB} MB`);
const verdict = (t) => (t.pass === undefined ? 'n/a' : t.pass ? 'ok' : 'MISSED');
const { cold, corpus: c, render, review, memory } = results;
const rows = [['measure', 'median', 'CPU', 'peak RSS', 'ratio / figure', 'target']];
if (cold) {
  rows.push(['node -e 0', ms(cold.node), cpu(cold.node), mb(cold.node), '', '']);
  rows.push([
    'validate small plan (cold)',
    ms(cold.validate),
    cpu(cold.validate),
    mb(cold.validate),
    `${cold.ratio}× node (CPU ${cold.cpuRatio}×)`,
    `≤ 3×: ${verdict(targets.coldStart)}`,
  ]);
}
if (c) {
  rows.push([
    `validate corpus (${CORPUS_FILES} files)`,
    ms(c.validate),
    cpu(c.validate),
    mb(c.validate),
    '',
    '',
  ]);
  rows.push([
    'ajv-cli, schema only',
    c.ajvCli ? ms(c.ajvCli) : 'skipped',
    cpu(c.ajvCli),
    mb(c.ajvCli),
    c.vsAjvCli === undefined ? '' : `bcplan ${c.vsAjvCli}× ajv-cli (CPU ${c.cpuVsAjvCli}×)`,
    `< 1×: ${verdict(targets.vsAjvCli)}`,
  ]);
  rows.push([
    'parse-only floor (yaml)',
    ms(c.floor),
    cpu(c.floor),
    mb(c.floor),
    `bcplan ${c.vsFloor}× floor (CPU ${c.cpuVsFloor}×)`,
    `≤ 2×: ${verdict(targets.vsFloor)}`,
  ]);
}
if (render) {
  rows.push([
    `render large plan${render.forced ? ' (--force)' : ''}`,
    `${render.seconds} s`,
    cpu(render),
    mb(render),
    `${render.pages} pages, ${render.pagesPerSecond} pages/s`,
    `≤ 10 s, ≤ 500 MB: ${verdict(targets.renderTime)}, ${verdict(targets.renderMemory)}`,
  ]);
}
if (review) rows.push([`review corpus (${CORPUS_FILES} files)`, ms(review), cpu(review), mb(review), '', '']);
if (memory) {
  rows.push([
    `validate RSS ${CORPUS_FILES / 10} → ${CORPUS_FILES} files`,
    '',
    '',
    `${memory.rssMB[0]} → ${memory.rssMB[1]} MB`,
    `${memory.ratio}× (live heap ${memory.liveHeapMB[0]} → ${memory.liveHeapMB[1]} MB)`,
    `≤ 1.25×: ${verdict(targets.flatMemory)}`,
  ]);
}
const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => String(r[c]).length)));
const line = (r) =>
  r
    .map((cell, c) => String(cell).padEnd(widths[c]))
    .join('  ')
    .trimEnd();
const m = out.machine;
console.log(
  `\nbcplan bench — ${m.cpu}, ${m.cores} cores, Node ${m.node}, ${m.date}${QUICK ? ' (quick)' : ''}\n`,
);
console.log(line(rows[0]));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const r of rows.slice(1)) console.log(line(r));
for (const [what, why] of Object.entries(skipped)) console.log(`skipped ${what}: ${why}`);
if (c) console.log(`\nfindings in the corpus by rule: ${JSON.stringify(c.findingsByRule)}`);

const resultsFile =
  QUICK || ONLY.size < 5
    ? path.join(ROOT, 'bench', 'results.tmp', 'results.json')
    : path.join(ROOT, 'bench', 'results.json');
mkdirSync(path.dirname(resultsFile), { recursive: true });
writeFileSync(resultsFile, `${JSON.stringify(out, null, 2)}\n`);
console.log(`\nwritten: ${path.relative(process.cwd(), resultsFile)}`);
if (process.env.BENCH_KEEP === '1') log(`kept ${tmp}`);
else rmSync(tmp, { recursive: true, force: true });
