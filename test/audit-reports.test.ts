// CI-facing outputs of `bcplan validate`, as GitHub and other CI systems read them.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { github } from '../src/report/github.js';
import { bcplan, ROOT } from './helpers/cli.js';
import { ctx, findings } from './helpers/report-fixtures.js';

const AS_OF = ['--as-of', '2026-11-22'];

const firstAnnotationFile = (out: string) => /^::\w+ file=([^,]*),/m.exec(out)?.[1];

describe('github annotations name files from the repository root (GITHUB_WORKSPACE)', () => {
  // The runner passes a relative file= through unchanged and maps it from the repository root
  // (actions/runner IssueCommandExtension), so a path relative to a subfolder, or with ../,
  // annotates nothing.
  it('rebases a path given from a subfolder onto the workspace', () => {
    const sub = { ...ctx, cwd: '/repo/plans', root: '/repo' };
    const f = { ...findings[1]!, file: 'cc.yaml' };
    const up = { ...findings[2]!, file: '../shared/contacts.yaml' };
    const out = github([f, up], sub).split('\n');
    expect(out[0]).toMatch(/^::error file=plans\/cc\.yaml,line=41,/);
    expect(out[1]).toMatch(/^::notice file=shared\/contacts\.yaml,line=3,/);
    // the plain list keeps the file as the user gave it
    expect(out).toContain(
      '../shared/contacts.yaml:3:9  info  contacts[0] (lisa-berg) is not referred to by any role or provider  (orphan-contact)',
    );
  });

  it('keeps a path outside the workspace, and every path without one, as given', () => {
    expect(
      firstAnnotationFile(
        github([{ ...findings[1]!, file: '../elsewhere/cc.yaml' }], { ...ctx, root: '/repo' }),
      ),
    ).toBe('../elsewhere/cc.yaml');
    expect(firstAnnotationFile(github([{ ...findings[1]!, file: './plans/cc.yaml' }], ctx))).toBe(
      './plans/cc.yaml',
    );
  });

  it('end to end: validate run in examples/ with GITHUB_WORKSPACE at the repository root', async () => {
    const r = await bcplan(['validate', 'logistics/plan.yaml', ...AS_OF, '--format', 'github'], {
      cwd: path.join(ROOT, 'examples'),
      env: { GITHUB_WORKSPACE: ROOT },
    });
    expect(r.code).toBe(0);
    const files = [...r.stdout.matchAll(/^::\w+ file=([^,]*),/gm)].map((m) => m[1]);
    expect(files).toEqual([
      'examples/shared/contacts.yaml',
      'examples/logistics/plan.yaml',
      'examples/logistics/plan.yaml',
    ]);
  });
});
