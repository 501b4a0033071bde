import { describe, expect, it } from 'vitest';
import { en } from '../src/checks/messages/en.js';
import { MESSAGES } from '../src/checks/messages/index.js';
import type { Messages } from '../src/checks/messages/types.js';
import { formatDate } from '../src/plan/dates.js';
import { LANGUAGES } from '../src/plan/matrix.js';
import { SAMPLES } from './helpers/message-samples.js';

// Keys whose values a language words (kinds, parts, axes, and the enumerated criticality and
// audience, as the runbook labels them) rather than shows as written; `scale` is listed only when
// the value written matches no level's label.
const WORDED = new Set([
  'kind',
  'axis',
  'what',
  'at',
  'part',
  'pointer',
  'kinds',
  'missing',
  'isKey',
  'scale',
  'criticality',
  'audience',
]);
// Numbers a message states as digits: day counts (as their size) and the matrix figures.
const COUNTS = new Set([
  ...['daysLeft', 'daysOverdue', 'daysAhead', 'lastDays', 'line', 'min', 'n'],
  ...[
    'rows',
    'row',
    'cells',
    'cell',
    'levels',
    'level',
    'byLabel',
    'highest',
    'upTo',
    'likelihood',
    'impact',
  ],
]);

/** What a worded message must show as written: ids, names, values, commands, dates (ISO), counts. */
function shown(facts: unknown, key = ''): string[] {
  if (WORDED.has(key) || facts === undefined || facts === '') return [];
  if (facts instanceof Date) return [formatDate(facts)];
  if (typeof facts === 'string') return [facts];
  if (typeof facts === 'number') return COUNTS.has(key) && facts !== 0 ? [String(Math.abs(facts))] : [];
  if (Array.isArray(facts)) return facts.flatMap((f) => shown(f, key));
  if (typeof facts === 'object' && facts !== null)
    return Object.entries(facts).flatMap(([k, v]) => shown(v, k));
  return [];
}

const show = process.env.SHOW_MESSAGES;

describe.each(LANGUAGES)('rule messages in %s', (lang) => {
  const say = MESSAGES[lang];
  const cases = Object.entries(SAMPLES).flatMap(([key, list]) =>
    (list as unknown[]).map((facts, i) => ({ key: key as keyof Messages, facts, i })),
  );

  it.each(cases)('$key #$i shows every id, value and date as written', ({ key, facts }) => {
    const text = (say[key] as (p: unknown) => string)(facts);
    if (show === lang) process.stdout.write(`${key}: ${text}\n`);
    expect(text).not.toMatch(/undefined|NaN|\[object|\$\{/);
    expect(text.trim()).toBe(text);
    for (const piece of shown(facts)) expect(text, `${key} should show ${piece}`).toContain(piece);
    if (lang !== 'en') expect(text).not.toBe((en[key] as (p: unknown) => string)(facts));
  });

  it('words each variant differently', () => {
    // A variant that says the same as another (e.g. "in 1 days" and "in 66 days" aside) lost a branch.
    for (const [key, list] of Object.entries(SAMPLES)) {
      const texts = (list as unknown[]).map((facts) =>
        (say[key as keyof Messages] as (p: unknown) => string)(facts),
      );
      expect(new Set(texts).size, key).toBe(texts.length);
    }
  });
});
