import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { fillTemplate } from '../src/init/fill.js';
import { readTemplate } from '../src/init/templates.js';
import { BIN, ROOT, type Run, testEnv } from './helpers/cli.js';

// The CI kit's files are documentation that runs: parse them, take every `bcplan …` command
// line they hold, and run it in a repository laid out as they expect (plans/plan.yaml).
const AS_OF = '2026-03-15';
const tmp = mkdtempSync(path.join(os.tmpdir(), 'bcplan-ci-kit-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A `bcplan` on PATH that runs the built CLI with a fixed "today", as the CI images would run bcplan. */
function shimDir(): string {
  const dir = path.join(tmp, 'bin');
  mkdirSync(dir, { recursive: true });
  const shim = path.join(dir, 'bcplan');
  writeFileSync(shim, `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@" --as-of ${AS_OF}\n`);
  chmodSync(shim, 0o755);
  return dir;
}

function sh(command: string, cwd: string, env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      '/bin/sh',
      ['-c', command],
      {
        cwd,
        env: { ...testEnv(), PATH: `${shimDir()}${path.delimiter}${process.env.PATH}`, ...env },
        encoding: 'utf8',
      },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** A repository with plans/plan.yaml: clean on AS_OF, or with errors (stale dates). */
function repo(kind: 'clean' | 'errors'): string {
  const dir = mkdtempSync(path.join(tmp, `${kind}-`));
  mkdirSync(path.join(dir, 'plans'));
  const asOf = kind === 'clean' ? AS_OF : '2024-01-10';
  writeFileSync(
    path.join(dir, 'plans/plan.yaml'),
    fillTemplate(readTemplate('contact-center', 'en'), { asOf }),
  );
  return dir;
}

const bcplanLines = (script: string): string[] =>
  script
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.startsWith('bcplan '));

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, string>;
}

const github = parse(readFileSync(path.join(ROOT, 'examples/ci/github-actions.yml'), 'utf8')) as {
  on: Record<string, unknown>;
  jobs: Record<string, { needs?: string; steps: Step[]; permissions?: Record<string, string> }>;
};
const gitlab = parse(readFileSync(path.join(ROOT, 'examples/ci/gitlab-ci.yml'), 'utf8')) as Record<
  string,
  { script?: string[]; artifacts?: { paths?: string[]; reports?: { junit?: string }; when?: string } }
>;
const hooks = parse(readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as {
  id: string;
  entry: string;
  language: string;
  files: string;
  exclude: string;
  pass_filenames: boolean;
}[];

describe('examples/ci/github-actions.yml', () => {
  const { validate, runbook } = github.jobs;
  const stepsWith = (steps: Step[]) => steps.filter((s) => s.run && bcplanLines(s.run).length > 0);

  it('validates, uploads SARIF and keeps the PDF runbook as an artifact', () => {
    expect(Object.keys(github.on)).toEqual(expect.arrayContaining(['push', 'pull_request', 'schedule']));
    expect(validate!.permissions?.['security-events']).toBe('write');
    const sarif = validate!.steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'));
    expect(sarif?.with?.sarif_file).toBe('bcplan.sarif');
    expect(runbook!.needs).toBe('validate');
    const artifact = runbook!.steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'));
    expect(artifact?.with?.path).toBe('runbook.pdf');
    expect(stepsWith(validate!.steps).map((s) => s.name)).toEqual(['SARIF report', 'Validate']);
    expect(stepsWith(runbook!.steps).map((s) => s.name)).toEqual(['Render the PDF runbook']);
  });

  it('on clean plans every bcplan step exits 0 and writes what the next step uploads', async () => {
    const dir = repo('clean');
    for (const step of [...stepsWith(validate!.steps), ...stepsWith(runbook!.steps)]) {
      const r = await sh(step.run!, dir, { GITHUB_ACTIONS: 'true' });
      expect({ step: step.name, code: r.code, stderr: r.stderr.replace(/^bcplan: wrote .*\n/, '') }).toEqual({
        step: step.name,
        code: 0,
        stderr: '',
      });
    }
    const sarif = JSON.parse(readFileSync(path.join(dir, 'bcplan.sarif'), 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].results).toEqual([]);
    expect(readFileSync(path.join(dir, 'runbook.pdf')).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  }, 120_000);

  it('on plans with errors the report is still written and uploaded, the gate fails, no runbook', async () => {
    const dir = repo('errors');
    const [report, gate] = stepsWith(validate!.steps);
    const r1 = await sh(report!.run!, dir, { GITHUB_ACTIONS: 'true' });
    expect(r1.code).toBe(0); // `|| [ $? -eq 1 ]`: findings do not stop the upload
    const sarif = JSON.parse(readFileSync(path.join(dir, 'bcplan.sarif'), 'utf8'));
    expect(sarif.runs[0].results.map((x: { ruleId: string }) => x.ruleId)).toContain('stale-contact');
    const r2 = await sh(gate!.run!, dir, { GITHUB_ACTIONS: 'true' });
    expect(r2.code).toBe(1);
    expect(r2.stdout).toMatch(/^::error file=plans\/plan\.yaml,line=\d+/m);
    const r3 = await sh(stepsWith(runbook!.steps)[0]!.run!, dir);
    expect(r3.code).toBe(1);
    expect(existsSync(path.join(dir, 'runbook.pdf'))).toBe(false);
  }, 120_000);

  it('a missing plans folder fails the report step (exit 2 is not swallowed)', async () => {
    const dir = mkdtempSync(path.join(tmp, 'empty-'));
    const r = await sh(stepsWith(validate!.steps)[0]!.run!, dir);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/^bcplan: /);
  });
});

describe('examples/ci/gitlab-ci.yml', () => {
  const validateJob = gitlab['bcplan-validate']!;
  const runbookJob = gitlab['bcplan-runbook']!;

  it('reports JUnit always and keeps the runbook', () => {
    expect(validateJob.artifacts?.reports?.junit).toBe('bcplan-junit.xml');
    expect(validateJob.artifacts?.when).toBe('always');
    expect(runbookJob.artifacts?.paths).toEqual(['runbook.pdf']);
  });

  it('on clean plans the jobs exit 0 and write their artifacts', async () => {
    const dir = repo('clean');
    for (const line of [
      ...bcplanLines(validateJob.script!.join('\n')),
      ...bcplanLines(runbookJob.script!.join('\n')),
    ]) {
      expect({ line, code: (await sh(line, dir)).code }).toEqual({ line, code: 0 });
    }
    expect(readFileSync(path.join(dir, 'bcplan-junit.xml'), 'utf8')).toMatch(
      /^<\?xml[\s\S]*<testsuites[\s\S]*<\/testsuites>\s*$/,
    );
    expect(existsSync(path.join(dir, 'runbook.pdf'))).toBe(true);
  }, 120_000);

  it('on plans with errors the validate job fails with the findings in the JUnit report', async () => {
    const dir = repo('errors');
    const [line] = bcplanLines(validateJob.script!.join('\n'));
    expect((await sh(line!, dir)).code).toBe(1);
    const junit = readFileSync(path.join(dir, 'bcplan-junit.xml'), 'utf8');
    expect(junit).toContain('<failure');
    expect(junit).toContain('stale-contact');
  });
});

describe('.pre-commit-hooks.yaml', () => {
  const hook = hooks.find((h) => h.id === 'bcplan-validate')!;
  // pre-commit matches `files`/`exclude` with Python's re.search; these patterns read the same in JS.
  const selected = (file: string) =>
    new RegExp(hook.files).test(file) && !new RegExp(hook.exclude).test(file);

  it("runs the repository's own `bcplan validate` on the changed YAML files", () => {
    expect(hook).toMatchObject({
      entry: 'npx --no-install bcplan validate',
      language: 'system',
      pass_filenames: true,
    });
    expect(['plans/plan.yaml', 'plans/shared/contacts.yml', 'plan.yaml'].every(selected)).toBe(true);
    expect(
      [
        'README.md',
        '.github/workflows/bcplan.yml',
        '.gitlab-ci.yml',
        '.pre-commit-config.yaml',
        '.bcplan.yaml',
      ].some(selected),
    ).toBe(false);
  });

  it('passes on a clean plan and stops the commit on one with errors', async () => {
    // bcplan as a dev dependency: npx --no-install finds node_modules/.bin/bcplan (never PATH).
    const withDevDependency = (dir: string) => {
      mkdirSync(path.join(dir, 'node_modules/.bin'), { recursive: true });
      writeFileSync(path.join(dir, 'node_modules/.bin/bcplan'), readFileSync(path.join(shimDir(), 'bcplan')));
      chmodSync(path.join(dir, 'node_modules/.bin/bcplan'), 0o755);
      return dir;
    };
    let dir = withDevDependency(repo('clean'));
    expect((await sh(`${hook.entry} plans/plan.yaml`, dir)).code).toBe(0);
    dir = withDevDependency(repo('errors'));
    const r = await sh(`${hook.entry} plans/plan.yaml`, dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('stale-contact');
  });
});

describe('installing bcplan in CI', () => {
  // bcplan is not on the npm registry yet: the kit installs the tarball `npm pack` writes,
  // named after the version in package.json, as the README's Install section says.
  const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    version: string;
  };
  const installs = (text: string) => text.split('\n').filter((l) => /\bnpm (?:install|i)\b/.test(l));

  it.each(['examples/ci/github-actions.yml', 'examples/ci/gitlab-ci.yml'])(
    '%s installs the npm pack tarball of this version, never a registry package',
    (file) => {
      const lines = installs(readFileSync(path.join(ROOT, file), 'utf8')).filter((l) => l.includes('bcplan'));
      expect(lines.length).toBeGreaterThan(0);
      for (const line of lines)
        expect(line).toMatch(new RegExp(`\\./bcplan-${version.replace(/\./g, '\\.')}\\.tgz`));
    },
  );
});
