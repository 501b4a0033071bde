import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, ROOT } from './helpers/cli.js';

// Start-up cost: each command loads only what it needs. Runs the built CLI with a preload
// that records every module the ESM loader loads (test/helpers/record-modules.mjs).
const PRELOAD = path.join(ROOT, 'test/helpers/record-modules.mjs');
const PLAN = 'test/fixtures/startup/plan.yaml';
const tmp = mkdtempSync(path.join(os.tmpdir(), 'bcplan-startup-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Heavy packages that only render, init or the calendar export need. */
const HEAVY = [
  /\/node_modules\/pdfkit\//,
  /\/node_modules\/fontkit\//,
  /\/node_modules\/@inquirer\//,
  /\/node_modules\/inquirer\//,
  /\/node_modules\/date-fns\/locale\//,
  /\/node_modules\/ics\//,
  /\/dist\/render\//,
];

let n = 0;
function loadedBy(args: string[]): Promise<{ code: number; modules: string[] }> {
  const file = path.join(tmp, `modules-${n++}.txt`);
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', PRELOAD, BIN, ...args],
      { cwd: ROOT, env: { ...process.env, BCPLAN_LOADED_MODULES: file, NO_COLOR: '1' }, encoding: 'utf8' },
      (error, _stdout, stderr) => {
        let modules: string[] = [];
        try {
          modules = readFileSync(file, 'utf8').trim().split('\n');
        } catch {
          modules = [];
        }
        if (stderr && !modules.length) throw new Error(stderr);
        resolve({ code: error ? Number(error.code) : 0, modules });
      },
    );
  });
}

const heavyIn = (modules: string[]) => modules.filter((m) => HEAVY.some((re) => re.test(m)));

/** A package is loaded from node_modules, or from a chunk of the esbuild bundle that holds it. */
const loads = (modules: string[], pkg: string) =>
  modules.some(
    (m) =>
      m.includes(`/node_modules/${pkg}/`) ||
      (m.includes('/dist/chunks/') &&
        readFileSync(fileURLToPath(m), 'utf8').includes(`node_modules/${pkg}/`)),
  );

/** Modules (or bundle chunks) holding the rules' messages in a language other than English. */
const translations = (modules: string[]) =>
  modules.filter((m) =>
    m.includes('/dist/chunks/')
      ? /src\/checks\/messages\/(?:de|nl|da|nb)\.ts/.test(readFileSync(fileURLToPath(m), 'utf8'))
      : /\/checks\/messages\/(?:de|nl|da|nb)\.js$/.test(m),
  );

describe('start-up: what each command loads', () => {
  it('validate loads the validator and the YAML parser, and nothing for PDF, prompts or date locales', async () => {
    const { code, modules } = await loadedBy(['validate', PLAN, '--as-of', '2026-11-22']);
    expect(code).toBe(1); // the example has four findings, one of them an error
    expect(modules.some((m) => m.endsWith('/dist/cli/commands/validate.js'))).toBe(true);
    expect(loads(modules, 'yaml')).toBe(true);
    expect(heavyIn(modules)).toEqual([]);
    expect(translations(modules)).toEqual([]); // validate words its findings in English only
  });

  it('validate --lang loads the translations, and still nothing for PDF or prompts', async () => {
    const { code, modules } = await loadedBy(['validate', PLAN, '--as-of', '2026-11-22', '--lang', 'nb']);
    expect(code).toBe(1);
    expect(translations(modules).length).toBeGreaterThan(0);
    for (const pkg of ['pdfkit', 'fontkit', '@inquirer/prompts']) expect(loads(modules, pkg)).toBe(false);
  });

  it('render loads the messages of other languages (for the appendix)', async () => {
    const out = path.join(tmp, 'runbook.pdf');
    const args = ['render', PLAN, '-o', out, '--as-of', '2026-11-22', '--lang', 'de', '--force'];
    const { code, modules } = await loadedBy(args);
    expect(code).toBe(0);
    expect(translations(modules).length).toBeGreaterThan(0);
  });

  it('validate --format json and sarif stay light too', async () => {
    for (const format of ['json', 'sarif']) {
      const { modules } = await loadedBy(['validate', PLAN, '--as-of', '2026-11-22', '--format', format]);
      expect(modules.some((m) => m.endsWith(`/dist/report/${format}.js`))).toBe(true);
      expect(heavyIn(modules)).toEqual([]);
    }
  });

  it('validate loads only the formatter it uses', async () => {
    const { modules } = await loadedBy(['validate', PLAN, '--as-of', '2026-11-22', '--format', 'json']);
    const formatters = modules.filter((m) => /\/dist\/report\/(stylish|sarif|junit|github)\.js$/.test(m));
    expect(formatters).toEqual([]);
  });

  it('review loads no PDF or prompt library, in any format or language', async () => {
    for (const extra of [[], ['--format', 'ics', '--lang', 'de']]) {
      const { modules } = await loadedBy(['review', PLAN, '--as-of', '2026-11-22', ...extra]);
      expect(modules.some((m) => m.endsWith('/dist/cli/commands/review.js'))).toBe(true);
      expect(modules.filter((m) => /pdfkit|fontkit|inquirer|\/dist\/render\//.test(m))).toEqual([]);
      // Nor a bundle chunk that holds one.
      for (const pkg of ['pdfkit', 'fontkit', '@inquirer/prompts']) expect(loads(modules, pkg)).toBe(false);
    }
  });

  it('--version loads no command at all', async () => {
    const { code, modules } = await loadedBy(['--version']);
    expect(code).toBe(0);
    expect(modules.some((m) => m.endsWith('/dist/cli/index.js'))).toBe(true);
    expect(modules.filter((m) => m.includes('/dist/cli/commands/'))).toEqual([]);
    expect(modules.filter((m) => m.includes('/node_modules/yaml/'))).toEqual([]);
  });
});
