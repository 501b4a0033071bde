import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { daysBetween } from '../src/plan/dates.js';

// daysBetween counts local calendar days itself (the date rules call it for every dated entry);
// it must agree with date-fns' differenceInCalendarDays in zones with and without DST.
const zone = process.env.TZ;
afterEach(() => {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});

describe('daysBetween', () => {
  it.each(['Europe/Berlin', 'Europe/Oslo', 'America/Sao_Paulo', 'Australia/Lord_Howe', 'UTC'])(
    'agrees with date-fns in %s, across DST changes, at any time of day',
    (tz) => {
      process.env.TZ = tz;
      fc.assert(
        fc.property(
          fc.date({ min: new Date(1990, 0, 1), max: new Date(2060, 0, 1), noInvalidDate: true }),
          fc.date({ min: new Date(1990, 0, 1), max: new Date(2060, 0, 1), noInvalidDate: true }),
          (a, b) => {
            expect(daysBetween(a, b)).toBe(differenceInCalendarDays(b, a));
          },
        ),
        { numRuns: 2000, seed: 42 },
      );
    },
  );

  it('counts the days over a spring-forward night as one', () => {
    process.env.TZ = 'Europe/Berlin';
    expect(daysBetween(new Date(2026, 2, 28), new Date(2026, 2, 30))).toBe(2);
    expect(daysBetween(new Date(2026, 2, 30), new Date(2026, 2, 28))).toBe(-2);
  });
});
