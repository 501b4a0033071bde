import { afterAll, describe, expect, it } from 'vitest';
import { bcplan } from './helpers/cli.js';
import { planYaml, removeTempRepos, tempRepo } from './helpers/review-fixtures.js';

afterAll(removeTempRepos);

/** Runs the built CLI the way cron does: no HOME, no LANG, PATH=/usr/bin:/bin, absolute node. */
const cron = (args: string[], cwd: string) => bcplan(args, { cwd, cron: true });

const ANSI = /\u001b\[/;

describe('bcplan review under cron (env -i)', () => {
  it('prints nothing and exits 0 when nothing is due', async () => {
    const dir = tempRepo({ 'plan.yaml': planYaml() });
    expect(await cron(['review', 'plan.yaml', '--as-of', '2026-11-22'], dir)).toEqual({
      code: 0,
      stdout: '',
      stderr: '',
    });
  });

  it('finds plans in a folder like validate does, and stays silent', async () => {
    const dir = tempRepo({
      'plans/a.yaml': planYaml(),
      'plans/notes.txt': 'not a plan',
      'plans/other.yaml': 'x: 1\n',
    });
    expect(await cron(['review', 'plans', '--as-of', '2026-11-22'], dir)).toEqual({
      code: 0,
      stdout: '',
      stderr: '',
    });
  });

  it('prints the digest without colour and exits 1 when something is overdue', async () => {
    const dir = tempRepo({ 'plan.yaml': planYaml({ contacts: { ann: '2025-11-01', bob: '2025-12-10' } }) });
    const r = await cron(['review', 'plan.yaml', '--as-of', '2026-11-22'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.stdout).not.toMatch(ANSI);
    expect(r.stdout).toContain('21 days overdue  contact Ann Example (ann)');
    expect(r.stdout).toContain('due in 18 days   contact Bob Example (bob)');
    expect(r.stdout).toContain('run: bcplan verify plan.yaml ann');
    expect(r.stdout).toContain('primary Ann Example');
    expect(r.stdout).not.toContain('555'); // no phone numbers in a mail
    expect(r.stdout.indexOf('(ann)')).toBeLessThan(r.stdout.indexOf('(bob)'));
  });

  it('exits 0 with a digest when things are only due soon', async () => {
    const dir = tempRepo({ 'plan.yaml': planYaml({ contacts: { ann: '2025-12-01', bob: '2026-11-01' } }) });
    const r = await cron(['review', 'plan.yaml', '--as-of', '2026-11-22'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('due in 9 days');
    expect(r.stdout).toMatch(/1 due soon \(as of 2026-11-22\)\n$/);
  });

  it('--within widens the window from the command line', async () => {
    const dir = tempRepo({ 'plan.yaml': planYaml({ contacts: { ann: '2026-01-10', bob: '2026-11-01' } }) });
    expect((await cron(['review', '.', '--as-of', '2026-11-22'], dir)).stdout).toBe('');
    const r = await cron(['review', '.', '--as-of', '2026-11-22', '--within', 'P60D'], dir);
    expect(r.stdout).toContain('due in 49 days');
  });

  it('reviews the entries of imported fragments under the plan, pointing at the fragment', async () => {
    const fragment =
      'bcplan: 1\ncontacts:\n  - id: carl\n    name: Carl Example\n    phone: "1"\n    verified: 2025-01-01\n';
    const dir = tempRepo({
      'plans/cc.yaml': planYaml({ imports: ['shared/contacts.yaml'] }),
      'plans/shared/contacts.yaml': fragment,
    });
    const r = await cron(['review', 'plans', '--as-of', '2026-11-22'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('run: bcplan verify plans/shared/contacts.yaml carl');
    expect(r.stdout.match(/Carl Example/g)).toHaveLength(1);
  });

  it('prints JSON always, with the same exit code', async () => {
    const dir = tempRepo({ 'plan.yaml': planYaml() });
    const r = await cron(['review', 'plan.yaml', '--as-of', '2026-11-22', '--format', 'json'], dir);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.summary).toEqual({ plans: 1, overdue: 0, dueSoon: 0, unreadable: 0 });
    expect(json.plans[0].items).toEqual([]);
  });

  it('says when a plan could not be read, and exits 1', async () => {
    const dir = tempRepo({ 'plan.yaml': 'bcplan: 1\nplan: [unclosed\n' });
    const r = await cron(['review', 'plan.yaml', '--as-of', '2026-11-22'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^plan\.yaml\n {2}note: could not be read/);
  });

  it.each([
    [['--format', 'xml'], /--format must be one of text, json, ics/],
    [['--within', '30d'], /--within must be an ISO 8601 duration/],
    [['--as-of', '2026-02-30'], /--as-of must be a date/],
  ])('rejects bad options %j with exit 2 and one line', async (extra, message) => {
    const dir = tempRepo({ 'plan.yaml': planYaml() });
    const r = await cron(['review', 'plan.yaml', '--as-of', '2026-11-22', ...extra], dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('exits 2 for a path that does not exist', async () => {
    const dir = tempRepo({});
    const r = await cron(['review', 'nope.yaml', '--as-of', '2026-11-22'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^bcplan: cannot read nope\.yaml/);
  });
});
