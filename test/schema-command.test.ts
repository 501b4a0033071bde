import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bcplan, ROOT } from './helpers/cli.js';

const SCHEMA = readFileSync(path.join(ROOT, 'schemas/plan.schema.json'), 'utf8');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'bcplan-schema-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const run = (args: string[], cwd = ROOT) => bcplan(args, { cwd });

describe('bcplan schema', () => {
  it('prints the shipped schema, from any working folder', async () => {
    const r = await run(['schema'], tmp);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout.trimEnd()).toBe(SCHEMA.trimEnd());
    expect(JSON.parse(r.stdout).$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  it('--output writes the same text to a file and nothing to stdout', async () => {
    const out = path.join(tmp, 'plan.schema.json');
    const r = await run(['schema', '--output', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(readFileSync(out, 'utf8').trimEnd()).toBe(SCHEMA.trimEnd());
    expect(readdirSync(tmp)).toEqual(['plan.schema.json']); // no temp file left
  });

  it('a folder that does not exist is exit 2 with one line', async () => {
    const r = await run(['schema', '-o', path.join(tmp, 'nope', 'schema.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^bcplan: cannot write .*schema\.json: the folder does not exist\n$/);
  });

  it('--help shows examples', async () => {
    const r = await run(['schema', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Examples:');
    expect(r.stdout).toContain('bcplan schema --output');
  });
});
