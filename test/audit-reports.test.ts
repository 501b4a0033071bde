// CI-facing outputs of `bcplan validate`, as GitHub and other CI systems read them.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../src/plan/types.js';
import { github as githubPieces } from '../src/report/github.js';
import { FINGERPRINT_KEY, fingerprint, sarif as sarifPieces } from '../src/report/sarif.js';
import { bcplan, ROOT } from './helpers/cli.js';
import { ctx, findings, whole } from './helpers/report-fixtures.js';

const github = whole(githubPieces);
const sarif = whole(sarifPieces);

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

describe('sarif artifact URIs are relative to the repository root on GitHub (GITHUB_WORKSPACE)', () => {
  // GitHub code scanning reads a relative artifactLocation.uri from the repository root; run from
  // examples/, a URI relative to the working folder names a file GitHub cannot find.
  const uris = (text: string) =>
    JSON.parse(text).runs[0].results.map(
      (r: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) =>
        r.locations[0]!.physicalLocation.artifactLocation.uri,
    );

  it('rebases results and artifacts onto the workspace', () => {
    const sub = { ...ctx, files: ['cc.yaml', '../shared/contacts.yaml'], cwd: '/repo/plans', root: '/repo' };
    const log = sarif(
      [
        { ...findings[1]!, file: 'cc.yaml' },
        { ...findings[2]!, file: '../shared/contacts.yaml' },
      ],
      sub,
    );
    expect(uris(log)).toEqual(['plans/cc.yaml', 'shared/contacts.yaml']);
    expect(
      JSON.parse(log).runs[0].artifacts.map((a: { location: { uri: string } }) => a.location.uri),
    ).toEqual(['plans/cc.yaml', 'shared/contacts.yaml']);
  });

  it('without a workspace, or for a file outside it, stays relative to the working folder', () => {
    expect(
      uris(
        sarif([{ ...findings[1]!, file: '../x/cc.yaml' }], {
          ...ctx,
          cwd: '/repo/plans',
          root: '/repo/plans',
        }),
      ),
    ).toEqual(['../x/cc.yaml']);
    expect(uris(sarif([{ ...findings[1]!, file: 'cc.yaml' }], { ...ctx, cwd: '/repo/plans' }))).toEqual([
      'cc.yaml',
    ]);
  });

  it('end to end: validate run in examples/ with GITHUB_WORKSPACE at the repository root', async () => {
    const r = await bcplan(['validate', 'logistics/plan.yaml', ...AS_OF, '--format', 'sarif'], {
      cwd: path.join(ROOT, 'examples'),
      env: { GITHUB_WORKSPACE: ROOT },
    });
    expect(r.code).toBe(0);
    expect(uris(r.stdout)).toEqual([
      'examples/shared/contacts.yaml',
      'examples/logistics/plan.yaml',
      'examples/logistics/plan.yaml',
    ]);
  });
});

describe('sarif partialFingerprints are unique within a run', () => {
  // Code scanning takes rule + fingerprint as an alert's identity: two results sharing one are
  // one alert, and the second problem is never shown. yaml gives two errors at one position
  // for test/fixtures/bad/bad-indent.yaml, and YAML errors have no pointer to tell them apart.
  const syntax = (message: string): Finding => ({
    file: 'plans/bad.yaml',
    line: 6,
    column: 1,
    endLine: 6,
    endColumn: 2,
    severity: 'error',
    rule: 'yaml-syntax',
    message,
    pointer: '',
  });

  it('numbers the second result with the same fingerprint, leaving the first as it was', () => {
    const a = syntax('Flow sequence in block collection must be sufficiently indented and end with a ]');
    const b = syntax('Implicit map keys need to be followed by map values (MISSING_CHAR)');
    const prints = JSON.parse(sarif([a, b], ctx)).runs[0].results.map(
      (r: { partialFingerprints: Record<string, string> }) => r.partialFingerprints[FINGERPRINT_KEY],
    );
    expect(prints[0]).toBe(fingerprint(a, 'plans/bad.yaml'));
    expect(prints[1]).toBe(`${fingerprint(b, 'plans/bad.yaml')}:2`);
  });

  it('end to end: every fingerprint of the test fixtures and examples is distinct', async () => {
    const r = await bcplan([
      'validate',
      'test/fixtures',
      'examples',
      ...AS_OF,
      '--format',
      'sarif',
      '-j',
      '1',
    ]);
    expect(r.code).toBe(1);
    const prints = JSON.parse(r.stdout).runs[0].results.map(
      (x: { partialFingerprints: Record<string, string> }) => x.partialFingerprints[FINGERPRINT_KEY],
    );
    expect(prints.length).toBeGreaterThan(100);
    expect(new Set(prints).size).toBe(prints.length);
  });
});
