import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createEvents, type EventAttributes } from 'ics';
import { printable } from '../util/printable.js';
import { type Digest, digestLanguage, type PlanReview } from './digest.js';
import { REVIEW_WORDS, responsibleText } from './words.js';

export interface IcsOptions {
  /** DTSTAMP of every event (UTC); fixed so the same input gives the same bytes. */
  stamp: Date;
}

/** How long before the due date the calendar reminds: 7 days (ics writes `{days: 7}` as an invalid `-P7DT`). */
const ALARM_HOURS = 7 * 24;

/** UID characters: slugs may hold letters of any script; keep UIDs ASCII for picky clients. */
const uidPart = (s: string) => encodeURIComponent(s).replace(/[!'()*%]/g, (ch) => (ch === '%' ? '=' : '-'));

function planName(p: PlanReview): string {
  return p.title ?? p.id ?? path.basename(p.file);
}

/**
 * What a UID says about the file an entry is written in: a hash of its path relative to the git
 * repository holding it (else to the working folder), so that two plans with one plan id get
 * different UIDs, while a plan keeps its UIDs whatever else is reviewed, from whichever folder
 * and however the path is written (a cron job's `cd` and a CI checkout agree).
 */
function fileTag(file: string): string {
  const abs = path.resolve(file);
  let base = process.cwd();
  for (let dir = path.dirname(abs); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, '.git'))) {
      base = dir;
      break;
    }
    if (path.dirname(dir) === dir) break;
  }
  const rel = path.relative(base, abs).split(path.sep).join('/');
  return createHash('sha256').update(rel).digest('hex').slice(0, 10);
}

const dateArray = (ymd: string): [number, number, number] => {
  const [y, m, d] = ymd.split('-').map(Number) as [number, number, number];
  return [y, m, d];
};

/** The day after YYYY-MM-DD, for DTEND of an all-day event (exclusive). */
function nextDay(ymd: string): [number, number, number] {
  const [y, m, d] = dateArray(ymd);
  const t = new Date(Date.UTC(y, m - 1, d + 1));
  return [t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate()];
}

function stampText(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`;
}

/** RFC 5545 §3.3.11 TEXT escaping, for the alarm description that ics does not escape. */
const escapeText = (s: string) => s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,');

/**
 * RFC 5545 §3.1: lines are folded at 75 octets. ics folds at 75 characters, which is longer
 * for non-ASCII text: unfold and fold again by UTF-8 octets, never inside a character.
 */
export function foldOctets(ics: string): string {
  const lines = ics.replace(/\r\n[ \t]/g, '').split('\r\n');
  const folded = lines.map((line) => {
    const parts: string[] = [];
    let current = '';
    let octets = 0;
    let limit = 75;
    for (const ch of line) {
      const size = Buffer.byteLength(ch, 'utf8');
      if (octets + size > limit) {
        parts.push(current);
        current = '';
        octets = 0;
        limit = 74; // the leading space of a continuation line counts
      }
      current += ch;
      octets += size;
    }
    parts.push(current);
    return parts.join('\r\n ');
  });
  return folded.join('\r\n');
}

/**
 * The calendar: one all-day event per dated obligation of every plan (due or not, so the
 * reminder fires ahead of each date), with a stable UID per kind, entry and the file it is
 * written in. An entry of a fragment shared by several plans appears once.
 */
export function formatDigestIcs(digest: Digest, options: IcsOptions): string {
  const events: { due: string; event: EventAttributes }[] = [];
  const seenEntries = new Set<string>();
  const seenUids = new Set<string>();
  const timestamp = stampText(options.stamp);
  const tags = new Map<string, string>();
  const tagOf = (file: string) => tags.get(file) ?? tags.set(file, fileTag(file)).get(file)!;
  for (const p of digest.plans) {
    const words = REVIEW_WORDS[p.language];
    const w = words.calendar;
    for (const item of p.all) {
      const entryKey = `${path.resolve(item.file)}\0${item.pointer}`;
      const uid = `${item.kind}.${uidPart(item.id)}.${tagOf(item.file)}@bcplan`;
      if (seenEntries.has(entryKey) || seenUids.has(uid)) continue;
      seenEntries.add(entryKey);
      seenUids.add(uid);
      // Plan text goes through printable, as in the text digest: RFC 5545 TEXT allows no control
      // characters, and an ESC or a bare CR would reach whoever reads the calendar.
      const summary = printable(`${planName(p)}: ${w.summary[item.kind](item.label)}`);
      const description = [
        `${words.noun[item.kind]} ${item.id}: ${w.due(item.due, item.last)}.`,
        `${w.toDo} ${item.action}.`,
        item.role ? `${w.responsible} ${responsibleText(words, item.role, item)}.` : undefined,
        item.command ? `${w.whenDone} ${item.command}` : undefined,
        w.writtenIn(item.file, item.line),
      ]
        .filter((line) => line !== undefined)
        .map(printable)
        .join('\n');
      events.push({
        due: item.due,
        event: {
          uid,
          // @ts-expect-error ics accepts `timestamp` (DTSTAMP) but its types leave it out
          timestamp,
          start: dateArray(item.due),
          end: nextDay(item.due),
          title: summary,
          description,
          categories: ['bcplan', item.kind],
          transp: 'TRANSPARENT',
          busyStatus: 'FREE',
          alarms: [
            {
              action: 'display',
              description: escapeText(w.reminder(summary, item.due)),
              trigger: { hours: ALARM_HOURS, before: true },
            },
          ],
        },
      });
    }
  }
  events.sort((a, b) => a.due.localeCompare(b.due) || a.event.uid!.localeCompare(b.event.uid!));
  const { error, value } = createEvents(
    events.map((e) => e.event),
    {
      productId: '-//bcplan//review//EN',
      method: 'PUBLISH',
      calName: REVIEW_WORDS[digestLanguage(digest)].calendar.name,
    },
  );
  if (error || value === null) throw new Error(`cannot build the calendar: ${error?.message ?? 'no output'}`);
  return foldOctets(value);
}
