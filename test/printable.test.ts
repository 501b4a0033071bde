import { describe, expect, it } from 'vitest';
import { printable } from '../src/util/printable.js';

// Plan text reaches terminals, cron mail, CI logs and calendars through printable.
describe('printable', () => {
  it('leaves ordinary text of every language alone, tabs and direction marks included', () => {
    for (const text of [
      'Jonas Weber',
      'Sanne de Vries',
      'Kåre Ødegård',
      'Bjørn Æbelø',
      'עדי\u200F כהן',
      'a\tb',
    ]) {
      expect(printable(text)).toBe(text);
    }
  });

  it('turns every kind of line break into one space', () => {
    expect(printable('a\r\nb\nc\rd')).toBe('a b c d');
  });

  it('shows control characters as \\uXXXX', () => {
    expect(printable('\u001b[31mred\u0007\u0000\u007f\u0085')).toBe(
      '\\u001B[31mred\\u0007\\u0000\\u007F\\u0085',
    );
  });

  it('shows the separators and bidirectional overrides as \\uXXXX, so no name reorders its line', () => {
    expect(printable('ann\u202Emy.yaml')).toBe('ann\\u202Emy.yaml');
    expect(printable('a\u2066b\u2069c\u2028d\u2029e\u202Af')).toBe(
      'a\\u2066b\\u2069c\\u2028d\\u2029e\\u202Af',
    );
  });
});
