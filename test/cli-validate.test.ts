import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import { afterAll, describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { bcplan, expectOneLine, type RunOptions } from './helpers/cli.js';
import { sharedPath } from './helpers/shared.js';

// End to end: the built CLI (`npm test` builds first), run with node, stdout/stderr/exit code.
const F = 'test/fixtures/cli';
const CLEAN = `${F}/clean/plan.yaml`;
const ERRORS = `${F}/errors/duplicate-key.yaml`;
const WARNINGS = `${F}/warnings/two-duplicate-keys.yaml`;
const INFOS = `${F}/infos/duplicate-key.yaml`;
const AS_OF = ['--as-of', '2026-02-01'];

const validate = (args: string[], options?: RunOptions) => bcplan(['validate', ...args], options);

// Each test spawns node several times; a busy machine can take seconds per run.
const SLOW = 120_000;
const ANSI = /\u001b\[/;
const tmp = mkdtempSync(path.join(os.tmpdir(), 'bcplan-validate-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
// The tests of a block run concurrently: each gets its own folder, so one test's temp file is
// never seen as another's leftover.
const caseDir = () => mkdtempSync(path.join(tmp, 'case-'));

describe.concurrent('bcplan validate: exit 0 and 1', { timeout: SLOW }, () => {
  it('a clean plan exits 0 and prints nothing', async () => {
    const r = await validate([CLEAN, ...AS_OF]);
    expect(r).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('a plan with an error exits 1 and lists it', async () => {
    const r = await validate([ERRORS, ...AS_OF]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(
      [
        ERRORS,
        '  6:3  error  Map keys must be unique (DUPLICATE_KEY): `title` is written twice in one entry; keep one (the later would silently replace the earlier)  yaml-syntax',
        '',
        '✖ 1 problem (1 error, 0 warnings, 0 infos)',
        '',
      ].join('\n'),
    );
  });

  it('warnings alone exit 0, and 1 with --fail-severity warning', async () => {
    expect((await validate([WARNINGS, ...AS_OF])).code).toBe(0);
    const r = await validate([WARNINGS, ...AS_OF, '--fail-severity', 'warning']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('⚠ 2 problems (0 errors, 2 warnings, 0 infos)');
  });

  it('infos fail only with --fail-severity info', async () => {
    expect((await validate([INFOS, ...AS_OF, '--fail-severity', 'warning'])).code).toBe(0);
    expect((await validate([INFOS, ...AS_OF, '--fail-severity', 'info'])).code).toBe(1);
  });

  it('--max-warnings: more warnings than allowed exit 1 with a reason on stderr', async () => {
    const over = await validate([WARNINGS, ...AS_OF, '--max-warnings', '1']);
    expect(over.code).toBe(1);
    expectOneLine(over.stderr, /^bcplan: 2 warnings, more than --max-warnings 1$/m);
    expect((await validate([WARNINGS, ...AS_OF, '--max-warnings', '2'])).code).toBe(0);
    expect((await validate([CLEAN, ...AS_OF, '--max-warnings', '0'])).code).toBe(0);
    // -1: no limit, as in ESLint.
    const unlimited = await validate([WARNINGS, ...AS_OF, '--max-warnings', '-1']);
    expect(unlimited.code).toBe(0);
    expect(unlimited.stderr).not.toMatch(/max-warnings/);
  });

  it('--quiet shows errors only; the exit code still counts everything', async () => {
    const quiet = await validate([WARNINGS, ...AS_OF, '--quiet']);
    expect(quiet).toEqual({ code: 0, stdout: '', stderr: '' });

    const mixed = await validate([ERRORS, WARNINGS, INFOS, ...AS_OF, '--quiet', '--format', 'json']);
    expect(mixed.code).toBe(1);
    const out = JSON.parse(mixed.stdout);
    expect(out.findings.map((f: { severity: string }) => f.severity)).toEqual(['error']);
    expect(out.summary).toEqual({ files: 3, errors: 1, warnings: 0, infos: 0 });

    const hidden = await validate([WARNINGS, ...AS_OF, '--quiet', '--fail-severity', 'warning']);
    expect(hidden.code).toBe(1);
    expect(hidden.stdout).toBe('');
    expectOneLine(hidden.stderr, /hidden by --quiet/);
  });

  it('folders are searched; the exit code reflects every plan found', async () => {
    const r = await validate([F, ...AS_OF, '--format', 'json']);
    expect(r.code).toBe(1);
    const files = JSON.parse(r.stdout).findings.map((f: { file: string }) => f.file);
    expect(new Set(files)).toEqual(new Set([ERRORS, WARNINGS, INFOS].map((p) => path.normalize(p))));
  });
});

describe.concurrent('bcplan validate: exit 2', { timeout: SLOW }, () => {
  it('a missing file', async () => {
    const r = await validate(['no/such/plan.yaml', ...AS_OF]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expectOneLine(r.stderr, /^bcplan: cannot read no\/such\/plan\.yaml: no such file or folder$/);
  });

  it('a folder without plans', async () => {
    const empty = caseDir();
    const r = await validate([...AS_OF], { cwd: empty });
    expect(r.code).toBe(2);
    expectOneLine(r.stderr, /^bcplan: no plans in \./);
  });

  it('an unknown option (commander usage errors exit 2, not 1)', async () => {
    const r = await validate([CLEAN, '--bogus']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown option '--bogus'");
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect((await bcplan(['frobnicate'])).code).toBe(2);
    expect((await validate([CLEAN, '--max-warnings'])).code).toBe(2);
  });

  it('a bad --as-of', async () => {
    const r = await validate([CLEAN, '--as-of', '2026-02-30']);
    expect(r.code).toBe(2);
    expectOneLine(r.stderr, /^bcplan: --as-of must be a date like 2026-01-31, not "2026-02-30"$/);
  });

  it('bad --format, --fail-severity and --max-warnings values', async () => {
    const format = await validate([CLEAN, ...AS_OF, '--format', 'xml']);
    expect(format.code).toBe(2);
    expectOneLine(format.stderr, /--format must be one of stylish, json, sarif, junit, github, not "xml"/);
    const severity = await validate([CLEAN, ...AS_OF, '--fail-severity', 'fatal']);
    expect(severity.code).toBe(2);
    expectOneLine(severity.stderr, /--fail-severity must be one of error, warning, info/);
    const max = await validate([CLEAN, ...AS_OF, '--max-warnings', '-2']);
    expect(max.code).toBe(2);
    expectOneLine(max.stderr, /--max-warnings must be a whole number/);
  });

  it('an unwritable --output', async () => {
    const dir = caseDir();
    const missingDir = path.join(dir, 'no', 'such', 'folder', 'report.sarif');
    const r = await validate([ERRORS, ...AS_OF, '--format', 'sarif', '--output', missingDir]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expectOneLine(r.stderr, /^bcplan: cannot write .*report\.sarif: the folder does not exist$/);

    const folder = path.join(dir, 'a-folder');
    mkdirSync(folder);
    const onFolder = await validate([CLEAN, ...AS_OF, '--output', folder]);
    expect(onFolder.code).toBe(2);
    expectOneLine(onFolder.stderr, /^bcplan: cannot write /);
    expect(readdirSync(dir)).toEqual(['a-folder']);
  });

  it('--lang words the rules’ messages in that language; an unknown one is exit 2', async () => {
    const plan = ['examples/contact-center/plan.yaml', '--as-of', '2026-11-22', '--no-color'];
    const german = await validate([...plan, '--lang', 'de']);
    const english = await validate(plan);
    expect([german.code, english.code]).toEqual([1, 1]);
    expect(english.stdout).toContain('  179:9  error    scenario cyberangriff is rated hoch ');
    expect(german.stdout).toContain(
      '  179:9  error    Szenario cyberangriff ist in die Risikoklasse hoch eingestuft ',
    );
    // The same findings at the same places, with the same summary.
    const places = (out: string) =>
      out.split('\n').map((line) => line.match(/^ {2}(\d+:\d+ +\w+) .* {2}(\S+)$/)?.slice(1));
    expect(places(german.stdout)).toEqual(places(english.stdout));
    expect(german.stdout.trimEnd().split('\n').at(-1)).toBe(english.stdout.trimEnd().split('\n').at(-1));
    const bad = await validate([CLEAN, ...AS_OF, '--lang', 'sv']);
    expect(bad.code).toBe(2);
    expectOneLine(bad.stderr, /^bcplan: --lang must be one of en, de, nl, da, nb, not "sv"$/);
    expect((await validate([CLEAN, ...AS_OF, '--lang', 'nb'])).code).toBe(0);
  });

  it('--help exits 0', async () => {
    const r = await validate(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--fail-severity');
  });
});

describe.concurrent('bcplan validate: --output and formats', { timeout: SLOW }, () => {
  it('--output writes the report atomically, replacing the old file, and prints nothing', async () => {
    const dir = caseDir();
    const out = path.join(dir, 'report.json');
    writeFileSync(out, 'old content that is much longer than nothing at all '.repeat(200));
    const r = await validate([ERRORS, ...AS_OF, '--format', 'json', '--output', out], {
      env: { FORCE_COLOR: '1' },
    });
    expect(r).toMatchObject({ code: 1, stdout: '', stderr: '' });
    const written = readFileSync(out, 'utf8');
    expect(JSON.parse(written).summary).toEqual({ files: 1, errors: 1, warnings: 0, infos: 0 });
    expect(written).toBe((await validate([ERRORS, ...AS_OF, '--format', 'json'])).stdout);
    expect(readdirSync(dir)).toEqual(['report.json']);
  });

  it('--output never writes colour', async () => {
    const out = path.join(caseDir(), 'report.txt');
    const r = await validate([ERRORS, ...AS_OF, '--output', out, '--color']);
    expect(r.code).toBe(1);
    expect(readFileSync(out, 'utf8')).toContain('yaml-syntax');
    expect(readFileSync(out, 'utf8')).not.toMatch(ANSI);
  });

  it('json keeps the file as given on the command line', async () => {
    const r = await validate([`./${ERRORS}`, ...AS_OF, '--format', 'json']);
    expect(JSON.parse(r.stdout).findings[0]).toMatchObject({
      file: `./${ERRORS}`,
      line: 6,
      column: 3,
      severity: 'error',
      rule: 'yaml-syntax',
    });
  });

  it('sarif output validates against the reference schema', async () => {
    const schema = JSON.parse(
      readFileSync(sharedPath('reference-schemas', 'sarif-schema-2.1.0.json'), 'utf8'),
    );
    const Ajv = AjvDraft04.default ?? AjvDraft04;
    const addFormats = ajvFormats.default ?? ajvFormats;
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const check = ajv.compile(schema);
    const r = await validate([ERRORS, CLEAN, ...AS_OF, '--format', 'sarif']);
    expect(r.code).toBe(1);
    const log = JSON.parse(r.stdout);
    expect(check(log)).toBe(true);
    expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe(ERRORS);
    const ids = log.runs[0].tool.driver.rules.map((rule: { id: string }) => rule.id);
    expect(ids).toContain('yaml-syntax');
    expect(ids).toContain('stale-contact');
  });

  it('junit output validates against the reference XSD and lists clean files', async () => {
    const xsd = readFileSync(sharedPath('reference-schemas', 'JUnit.xsd'), 'utf8');
    const r = await validate([ERRORS, CLEAN, ...AS_OF, '--format', 'junit']);
    expect(r.code).toBe(1);
    const result = await validateXML({ xml: [{ fileName: 'junit.xml', contents: r.stdout }], schema: [xsd] });
    expect(result.errors).toEqual([]);
    expect(r.stdout).toContain(`<testsuite package="bcplan" id="1" name="${CLEAN}"`);
    expect(r.stdout).toContain('timestamp="2026-02-01T00:00:00"');
    expect(r.stdout).toContain(
      `<testcase name="no findings" classname="${CLEAN.replace(/\.yaml$/, '')}" time="0"/>`,
    );
  });

  it('GITHUB_ACTIONS=true picks the github format unless --format says otherwise', async () => {
    const env = { GITHUB_ACTIONS: 'true' };
    const r = await validate([ERRORS, ...AS_OF], { env });
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n')[0]).toBe(
      `::error file=${ERRORS},line=6,col=3,endLine=6,endColumn=4,title=yaml-syntax::Map keys must be unique (DUPLICATE_KEY): \`title\` is written twice in one entry; keep one (the later would silently replace the earlier)`,
    );
    expect(r.stdout).toContain(
      `${ERRORS}:6:3  error  Map keys must be unique (DUPLICATE_KEY): \`title\` is written twice in one entry; keep one (the later would silently replace the earlier)  (yaml-syntax)`,
    );
    const json = await validate([ERRORS, ...AS_OF, '--format', 'json'], { env });
    expect(JSON.parse(json.stdout).summary.errors).toBe(1);
    const clean = await validate([CLEAN, ...AS_OF], { env });
    expect(clean).toEqual({
      code: 0,
      stdout: 'bcplan: 0 problems (0 errors, 0 warnings, 0 infos) in 1 file\n',
      stderr: '',
    });
  });
});

describe.concurrent('bcplan validate: colour', { timeout: SLOW }, () => {
  const colourOf = async (env: NodeJS.ProcessEnv, flags: string[] = []) =>
    ANSI.test((await validate([ERRORS, ...AS_OF, ...flags], { env })).stdout);

  it('no colour into a pipe by default', async () => {
    expect(await colourOf({})).toBe(false);
  });

  it('FORCE_COLOR turns it on, NO_COLOR off, flags win over both', async () => {
    expect(await colourOf({ FORCE_COLOR: '1' })).toBe(true);
    expect(await colourOf({ FORCE_COLOR: '0' })).toBe(false);
    expect(await colourOf({ NO_COLOR: '1' })).toBe(false);
    expect(await colourOf({}, ['--color'])).toBe(true);
    expect(await colourOf({ NO_COLOR: '1' }, ['--color'])).toBe(true);
    expect(await colourOf({ FORCE_COLOR: '1' }, ['--no-color'])).toBe(false);
  });

  it('never colours machine formats', async () => {
    const r = await validate([ERRORS, ...AS_OF, '--format', 'json'], { env: { FORCE_COLOR: '3' } });
    expect(r.stdout).not.toMatch(ANSI);
  });
});
