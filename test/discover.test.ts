import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoadError } from '../src/errors.js';
import { discoverPlans } from '../src/plan/discover.js';

// How command-line paths become plan files, and how they are named in reports: SPEC §4 says
// `file` is "as given on the command line (relative stays relative)".
const tmp = mkdtempSync(path.join(os.tmpdir(), 'bcplan-discover-'));
const PLAN = 'bcplan: 1\nplan: {}\n';
const cwd = process.cwd();

beforeAll(() => {
  const files: Record<string, string> = {
    'plans/a.yaml': PLAN,
    'plans/b.yml': `\uFEFF${PLAN}`,
    'plans/notes.yaml': 'title: not a plan\n',
    'plans/readme.md': PLAN,
    'plans/sub/c.yaml': `# comment first\n${PLAN}`,
    'plans/node_modules/d.yaml': PLAN,
    'plans/.hidden/e.yaml': PLAN,
    'plans/dist/f.yaml': PLAN,
    'work/here.yaml': PLAN,
  };
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(tmp, name)), { recursive: true });
    writeFileSync(path.join(tmp, name), text);
  }
  symlinkSync(path.join(tmp, 'missing.yaml'), path.join(tmp, 'plans/dangling.yaml'));
  process.chdir(path.join(tmp, 'work'));
});

afterAll(() => {
  process.chdir(cwd);
  rmSync(tmp, { recursive: true, force: true });
});

describe('discoverPlans', () => {
  it('keeps a file exactly as written, whatever it holds', async () => {
    expect(await discoverPlans(['./here.yaml', '../plans/notes.yaml'])).toEqual([
      './here.yaml',
      '../plans/notes.yaml',
    ]);
  });

  it('searches a folder for YAML files holding bcplan:, skipping dependency, build and hidden folders', async () => {
    expect(await discoverPlans(['../plans'])).toEqual([
      '../plans/a.yaml',
      '../plans/b.yml',
      '../plans/sub/c.yaml',
    ]);
  });

  it('names a glob’s matches from the folder the pattern starts in', async () => {
    expect(await discoverPlans(['../plans/*.yaml'])).toEqual(['../plans/a.yaml', '../plans/notes.yaml']);
    // A glob matches what it says (dist/ too), but not hidden folders or node_modules.
    expect(await discoverPlans(['../plans/**/*.y*ml'])).toEqual([
      '../plans/a.yaml',
      '../plans/b.yml',
      '../plans/dist/f.yaml',
      '../plans/notes.yaml',
      '../plans/sub/c.yaml',
    ]);
    expect(await discoverPlans(['*.yaml'])).toEqual(['here.yaml']);
  });

  it('keeps an absolute glob absolute', async () => {
    const abs = path.join(tmp, 'plans');
    expect(await discoverPlans([`${abs}/*.yml`, `${abs}/s?b/*.yaml`])).toEqual([
      path.join(abs, 'b.yml'),
      path.join(abs, 'sub/c.yaml'),
    ]);
  });

  it('lists a file reached twice once, under the name it was first given', async () => {
    expect(await discoverPlans(['../plans/a.yaml', '../plans', `${tmp}/plans/*.yaml`])).toEqual([
      '../plans/a.yaml',
      '../plans/b.yml',
      '../plans/sub/c.yaml',
      path.join(tmp, 'plans/notes.yaml'),
    ]);
  });

  it('refuses a path, folder or glob that finds nothing, naming it', async () => {
    await expect(discoverPlans(['nope.yaml'])).rejects.toThrow(
      new LoadError('cannot read nope.yaml: no such file or folder'),
    );
    await expect(discoverPlans(['../plans/sub/*.json'])).rejects.toThrow(
      'no files match ../plans/sub/*.json',
    );
    await expect(discoverPlans(['../missing/*.yaml'])).rejects.toThrow('no files match ../missing/*.yaml');
    mkdirSync(path.join(tmp, 'empty'));
    await expect(discoverPlans(['../empty'])).rejects.toThrow(/^no plans in \.\.\/empty/);
  });
});
