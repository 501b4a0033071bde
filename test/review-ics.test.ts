import { readFileSync } from 'node:fs';
import path from 'node:path';
import ICAL from 'ical.js';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDate } from '../src/plan/dates.js';
import { buildDigest } from '../src/review/digest.js';
import { foldOctets, formatDigestIcs } from '../src/review/ics.js';
import { bcplanBytes } from './helpers/cli.js';
import { planYaml, removeTempRepos, tempRepo } from './helpers/review-fixtures.js';

afterAll(removeTempRepos);

/** UIDs end in a hash of the file's path in its repository (`plan.yaml` here). */
const PLAN_TAG = '1a86792713';

const spec = {
  contacts: { ann: '2025-11-01', bob: '2026-02-28' },
  access: { 'routing-portal': '2026-01-15' },
  contracts: { alpha: '2027-06-30' },
  exercised: ['2026-05-12'],
};

function events(ics: string) {
  const cal = new ICAL.Component(ICAL.parse(ics));
  return cal.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v);
    const alarms = v.getAllSubcomponents('valarm');
    return {
      uid: e.uid,
      summary: e.summary,
      start: e.startDate.toString(),
      allDay: e.startDate.isDate,
      end: e.endDate.toString(),
      stamp: String(v.getFirstPropertyValue('dtstamp')),
      alarms: alarms.map((a) => String(a.getFirstPropertyValue('trigger'))),
      description: e.description,
    };
  });
}

describe('review --format ics', () => {
  it('writes one all-day event per due date, with a reminder 7 days ahead', () => {
    const dir = tempRepo({ 'plan.yaml': planYaml(spec) });
    const digest = buildDigest([path.join(dir, 'plan.yaml')], { asOf: parseDate('2026-11-22')! });
    const ics = formatDigestIcs(digest, { stamp: new Date(Date.UTC(2026, 10, 22)) });
    const list = events(ics);
    expect(list.map((e) => `${e.start} ${e.uid}`)).toEqual([
      `2026-11-01 contact.ann.${PLAN_TAG}@bcplan`,
      `2027-01-15 access.routing-portal.${PLAN_TAG}@bcplan`,
      `2027-02-28 contact.bob.${PLAN_TAG}@bcplan`,
      `2027-05-12 exercise.fire.${PLAN_TAG}@bcplan`,
      `2027-06-30 contract.alpha.${PLAN_TAG}@bcplan`,
      `2027-11-01 plan.test-plan.${PLAN_TAG}@bcplan`,
    ]);
    for (const e of list) {
      expect(e.allDay).toBe(true);
      expect(e.stamp).toBe('2026-11-22T00:00:00Z');
      expect(e.alarms).toEqual(['-PT168H']);
      expect(e.summary).toMatch(/^Test plan: /);
    }
    const ann = list[0]!;
    expect(ann.end).toBe('2026-11-02');
    expect(ann.summary).toBe('Test plan: verify contact Ann Example');
    expect(ann.description).toContain(`When done, run: bcplan verify ${path.join(dir, 'plan.yaml')} ann`);
    expect(ann.description).toContain('primary Ann Example');
    // Personal data stays out of the calendar.
    expect(ics).not.toContain('555');
  });

  it('gives the same bytes for the same input, and UIDs that survive a change of dates', () => {
    const dir = tempRepo({ 'plan.yaml': planYaml(spec) });
    const file = path.join(dir, 'plan.yaml');
    const stamp = new Date(Date.UTC(2026, 10, 22));
    const a = formatDigestIcs(buildDigest([file], { asOf: parseDate('2026-11-22')! }), { stamp });
    const b = formatDigestIcs(buildDigest([file], { asOf: parseDate('2026-11-22')! }), { stamp });
    expect(b).toBe(a);
    const moved = tempRepo({
      'plan.yaml': planYaml({ ...spec, contacts: { ann: '2026-11-20', bob: '2026-02-28' } }),
    });
    const c = formatDigestIcs(
      buildDigest([path.join(moved, 'plan.yaml')], { asOf: parseDate('2026-11-22')! }),
      {
        stamp,
      },
    );
    const uids = (ics: string) =>
      events(ics)
        .map((e) => e.uid)
        .sort();
    expect(uids(c)).toEqual(uids(a));
    expect(events(c).find((e) => e.uid === `contact.ann.${PLAN_TAG}@bcplan`)!.start).toBe('2027-11-20');
  });

  it('lists a contact of a fragment shared by two plans once', () => {
    const fragment =
      'bcplan: 1\ncontacts:\n  - id: carl\n    name: Carl Example\n    phone: "1"\n    verified: 2025-01-01\n';
    const second = planYaml({ imports: ['contacts.yaml'] }).replace('id: test-plan', 'id: second-plan');
    const dir = tempRepo({
      'a.yaml': planYaml({ imports: ['contacts.yaml'] }),
      'b.yaml': second,
      'contacts.yaml': fragment,
    });
    const digest = buildDigest(
      ['a.yaml', 'b.yaml', 'contacts.yaml'].map((f) => path.join(dir, f)),
      { asOf: parseDate('2026-11-22')! },
    );
    const carl = events(formatDigestIcs(digest, { stamp: new Date(0) })).filter((e) =>
      e.uid.includes('carl'),
    );
    // Named by the fragment it is written in, whichever plan shows it.
    expect(carl.map((e) => e.uid)).toEqual(['contact.carl.aaddf35c27@bcplan']);
  });

  it('shows control characters of plan text escaped, never raw (RFC 5545 TEXT allows none)', () => {
    const plan = planYaml(spec)
      .replace('title: Test plan', 'title: "T\\e]0;pwned\\aitle"')
      .replace('name: Ann Example', 'name: "Ann\\rEx\\x85ample\\e[31m"')
      .replace('title: Emergency officer', 'title: "Off\\r\\nicer"');
    const dir = tempRepo({ 'plan.yaml': plan });
    const digest = buildDigest([path.join(dir, 'plan.yaml')], { asOf: parseDate('2026-11-22')! });
    const ics = formatDigestIcs(digest, { stamp: new Date(0) });
    // Only CRLF line ends are left; no ESC, BEL, bare CR, NEL or other control character.
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\u0000-\u0008\u000A-\u001F\u007F-\u009F]/);
    const ann = events(ics).find((e) => e.uid === `contact.ann.${PLAN_TAG}@bcplan`)!;
    expect(ann.summary).toBe('T\\u001B]0;pwned\\u0007itle: verify contact Ann Ex\\u0085ample\\u001B[31m');
    expect(ann.description).toContain(
      'Responsible: officer (Off icer), primary Ann Ex\\u0085ample\\u001B[31m.',
    );
  });

  it('folds long lines at 75 octets without splitting a character', () => {
    const line = `SUMMARY:${'Ø'.repeat(60)}`;
    const folded = foldOctets(`${line}\r\n`);
    for (const l of folded.split('\r\n')) expect(Buffer.byteLength(l)).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, '')).toBe(`${line}\r\n`);
    expect(folded).not.toContain('\uFFFD');
  });

  it('writes the same file twice from the CLI, stamped by --as-of or SOURCE_DATE_EPOCH', async () => {
    const dir = tempRepo({ 'plan.yaml': planYaml(spec) });
    const args = ['review', 'plan.yaml', '--format', 'ics', '--as-of', '2026-11-22'];
    const first = await bcplanBytes(args, { cwd: dir });
    const second = await bcplanBytes([...args, '--output', 'out.ics'], { cwd: dir });
    expect(first.code).toBe(1); // Ann is overdue
    expect(second.code).toBe(1);
    expect(first.stdout.length).toBeGreaterThan(0);
    expect(readFileSync(path.join(dir, 'out.ics')).equals(first.stdout)).toBe(true);
    expect(first.stdout.toString()).toContain('DTSTAMP:20261122T000000Z\r\n');

    // Without --as-of (today: dates far in the past so the content does not depend on it).
    const old = tempRepo({
      'plan.yaml': planYaml({ reviewed: '2020-01-01', contacts: { ann: '2020-01-01', bob: '2020-01-02' } }),
    });
    const env = { SOURCE_DATE_EPOCH: '1790000000' };
    const epoch = await bcplanBytes(['review', 'plan.yaml', '--format', 'ics'], { cwd: old, env });
    const again = await bcplanBytes(['review', 'plan.yaml', '--format', 'ics'], { cwd: old, env });
    expect(epoch.code).toBe(1);
    expect(epoch.stdout.toString()).toContain('DTSTAMP:20260921T141320Z\r\n');
    expect(again.stdout.equals(epoch.stdout)).toBe(true);
  });
});
