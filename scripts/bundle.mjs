#!/usr/bin/env node
// Bundles the CLI with esbuild over the tsc output in dist/, to cut start-up: node resolves
// and loads a handful of files instead of ~70. Run after tsc and build-schema (it keeps
// dist/plan/plan-schema.validator.cjs and the other tsc files that nothing imports any more).
// Every lazily imported module (each command, formatter, review format, render, prompts)
// stays an entry of its own at its tsc path, so commands load only what they need and
// test/startup.test.ts still sees which command ran; code they share goes to dist/chunks/.
// The light dependencies (yaml, commander, chalk, date-fns, tinyglobby) are bundled too: that is
// most of the gain (BCPLAN_BUNDLE_DEPS=0 bundles only our own modules, to compare).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const src = path.join(root, 'src');

const entries = [
  'cli/index',
  ...['validate', 'render', 'review', 'verify', 'init', 'matrix', 'schema'].map((c) => `cli/commands/${c}`),
  ...['stylish', 'json', 'sarif', 'junit', 'github'].map((f) => `report/${f}`),
  'review/json',
  'review/ics',
  'review/text',
  'render/index',
  'cli/prompts',
  // A worker thread's script: started by path (validate-parallel.ts), so an entry of its own.
  'validate-worker',
].map((e) => path.join(src, `${e}.ts`));

// Packages that read their own files at run time, or are loaded with require() from the
// precompiled validator, stay in node_modules; so do the heavy ones test/startup.test.ts
// checks validate never loads (ics, @inquirer, date-fns locales), so that it still can.
const ALWAYS_EXTERNAL = [
  'pdfkit',
  'fontkit',
  'dejavu-fonts-ttf',
  'ajv',
  'ajv-formats',
  'ajv/*',
  '@inquirer/*',
  'ics',
  'date-fns/locale',
  'date-fns/locale/*',
];

/**
 * `import.meta.url` in a source file means "where tsc puts this file in dist/". In a bundle the
 * code sits in another file (maybe a chunk, at another depth), so it becomes that dist path,
 * found from the bundle file's own URL: schemas/, templates/, package.json and the precompiled
 * validator then resolve as before.
 */
const metaUrl = {
  name: 'dist-import-meta-url',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return undefined;
      const distPath = `dist/${path.relative(src, args.path).split(path.sep).join('/').replace(/\.ts$/, '.js')}`;
      const expr = `new URL(${JSON.stringify(distPath)}, import.meta.url.slice(0, import.meta.url.lastIndexOf("/dist/") + 1)).href`;
      return { contents: text.replaceAll('import.meta.url', expr), loader: 'ts' };
    });
  },
};

/**
 * yaml's parser reads `process.env.LOG_TOKENS` for every token it sees, and each read of
 * process.env is a call into C++ (getenv): a third of the parser's time on a 25 KB plan
 * (11.2 → 7.4 ms, scratch measurement with node --cpu-prof). The bundle reads it once.
 * If a later yaml changes that line, the bundle says so and stays correct, only slower.
 */
const yamlEnvOnce = {
  name: 'yaml-env-once',
  setup(b) {
    b.onLoad({ filter: /[\\/]yaml[\\/]dist[\\/]parse[\\/]parser\.js$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      const read = 'node_process.env.LOG_TOKENS';
      if (!text.includes(read)) {
        console.warn(`bundle: ${args.path} no longer reads ${read}; the yaml-env-once patch is not needed`);
        return undefined;
      }
      const once = 'const __bcplanLogTokens = node_process.env.LOG_TOKENS;\n';
      const patched = text.replaceAll(read, '__bcplanLogTokens');
      // After the `var node_process = require('process');` line that defines it.
      const at = patched.indexOf('\n', patched.indexOf("require('process')")) + 1;
      return { contents: patched.slice(0, at) + once + patched.slice(at), loader: 'js' };
    });
  },
};

const bundleDeps = process.env.BCPLAN_BUNDLE_DEPS !== '0';
const result = await build({
  entryPoints: entries,
  outbase: src,
  outdir: path.join(root, 'dist'),
  entryNames: '[dir]/[name]',
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  ...(bundleDeps ? { external: ALWAYS_EXTERNAL } : { packages: 'external' }),
  // CommonJS dependencies bundled into ESM call require() for node built-ins.
  banner: bundleDeps
    ? { js: "import { createRequire as __bcplanRequire } from 'node:module'; const require = __bcplanRequire(import.meta.url);" }
    : {},
  plugins: [metaUrl, yamlEnvOnce],
  logLevel: 'warning',
  metafile: true,
});
const outputs = Object.keys(result.metafile.outputs);
console.log(`bundled ${entries.length} entries into ${outputs.length} files${bundleDeps ? ' (with dependencies)' : ''}`);
