import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../src/checks/messages/index.js';
import { checkPlan, findingsWorded } from '../src/validate.js';
import { BIN } from './helpers/cli.js';
import { readPdf } from './helpers/pdf.js';

const FIXTURE = path.join(import.meta.dirname, 'fixtures/render/plan.yaml');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { env: { ...process.env, NO_COLOR: '1', ...env }, timeout: 60_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 2) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

const tempDir = () => mkdtempSync(path.join(tmpdir(), 'bcplan-render-cli-'));

describe('bcplan render', () => {
  it('writes the runbook and reports where', async () => {
    const out = path.join(tempDir(), 'runbook.pdf');
    const r = await run(['render', FIXTURE, '-o', out, '--as-of', '2026-06-01']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`bcplan: wrote ${out}\n`);
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('is byte-identical for the same SOURCE_DATE_EPOCH', async () => {
    const dir = tempDir();
    const env = { SOURCE_DATE_EPOCH: '1780000000' };
    await run(['render', FIXTURE, '-o', path.join(dir, 'a.pdf')], env);
    await run(['render', FIXTURE, '-o', path.join(dir, 'b.pdf')], env);
    const a = readFileSync(path.join(dir, 'a.pdf'));
    expect(a.length).toBeGreaterThan(1000);
    expect(a.equals(readFileSync(path.join(dir, 'b.pdf')))).toBe(true);
  });

  it('refuses a plan with errors: exit 1, findings on stderr, no file written', async () => {
    const out = path.join(tempDir(), 'runbook.pdf');
    const r = await run(['render', FIXTURE, '-o', out, '--as-of', '2027-06-01']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('stale-contact');
    expect(r.stderr).toMatch(/no runbook written \(--force renders a draft\)\n$/);
    expect(existsSync(out)).toBe(false);
  });

  it('leaves an existing output untouched when it refuses', async () => {
    const out = path.join(tempDir(), 'runbook.pdf');
    writeFileSync(out, 'previous runbook');
    expect((await run(['render', FIXTURE, '-o', out, '--as-of', '2027-06-01'])).code).toBe(1);
    expect(
      (await run(['render', FIXTURE, '-o', out, '--role', 'nobody', '--as-of', '2026-06-01'])).code,
    ).toBe(2);
    expect(readFileSync(out, 'utf8')).toBe('previous runbook');
  });

  it('--force renders a draft stamped on every page', async () => {
    const out = path.join(tempDir(), 'draft.pdf');
    const r = await run(['render', FIXTURE, '-o', out, '--as-of', '2027-06-01', '--force', '--lang', 'en']);
    expect(r.code).toBe(0);
    const errors = Number(/DRAFT with (\d+) errors/.exec(r.stdout)?.[1]);
    expect(errors).toBeGreaterThan(0);
    const pdf = await readPdf(readFileSync(out));
    for (const page of pdf.pages) expect(page.text).toContain(`DRAFT – ${errors} errors`);
    expect(pdf.text).toContain('Appendix: validation findings');
    expect(pdf.text).toContain('stale-contact');
  });

  it.each([
    ['de', [] as string[]],
    ['en', ['--lang', 'en']],
  ])('words the appendix findings in the runbook language (%s)', async (lang, args) => {
    const out = path.join(tempDir(), 'draft.pdf');
    const r = await run(['render', FIXTURE, '-o', out, '--as-of', '2027-06-01', '--force', ...args]);
    expect(r.code).toBe(0);

    const checked = checkPlan(FIXTURE, { asOf: new Date(2027, 5, 1) });
    const worded = findingsWorded(checked, { asOf: new Date(2027, 5, 1) }, MESSAGES[lang as 'de' | 'en']);
    const shown = worded.filter((f) => f.severity !== 'info');
    expect(shown.map((f) => f.rule)).toContain('stale-contact');
    // The message column of the appendix, without the line breaks of its cells.
    const pdf = await readPdf(readFileSync(out));
    const column = pdf.pages.flatMap((page) => {
      const header = page.items.find((i) => i.str === (lang === 'de' ? 'Meldung' : 'Message'));
      return header ? page.items.filter((i) => i.x >= header.x - 1 && i !== header).map((i) => i.str) : [];
    });
    const squeeze = (s: string) => s.replace(/\s+/g, '');
    const text = squeeze(column.join(''));
    for (const f of shown) expect(text).toContain(squeeze(f.message));
    if (lang === 'de') expect(text).not.toContain(squeeze('was last verified'));
  });

  it('--lang words the appendix with that language’s default risk classes, not the plan’s', async () => {
    // The example is German, with the default matrix: its class "hoch" is "høy" in Norwegian.
    const example = path.join(import.meta.dirname, '..', 'examples/contact-center/plan.yaml');
    const out = path.join(tempDir(), 'nb.pdf');
    const args = ['render', example, '-o', out, '--as-of', '2026-11-26', '--force', '--lang', 'nb'];
    expect((await run(args)).code).toBe(0);
    const text = (await readPdf(readFileSync(out))).text.replace(/\s+/g, ' ');
    expect(text).toContain('scenarioet cyberangriff er i risikoklassen høy');
    expect(text).not.toContain('risikoklassen hoch');
  });

  it('an unwritable output is one line and exit 2', async () => {
    const r = await run(['render', FIXTURE, '-o', '/nonexistent-folder/x.pdf', '--as-of', '2026-06-01']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('bcplan: cannot write /nonexistent-folder/x.pdf: the folder does not exist\n');
  });

  it.each([
    [['--lang', 'fr'], /--lang must be one of en, de, nl, da, nb/],
    [['--role', 'nobody'], /--role nobody: the plan has no such role/],
    [['--as-of', 'tomorrow'], /--as-of must be a date/],
  ])('bad options %j are a usage error', async (args, message) => {
    const r = await run([
      'render',
      FIXTURE,
      '-o',
      path.join(tempDir(), 'x.pdf'),
      '--as-of',
      '2026-06-01',
      ...args,
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('a missing plan file is exit 2', async () => {
    const r = await run(['render', path.join(tempDir(), 'missing.yaml')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot read .*missing\.yaml: the file does not exist\n$/);
  });
});
