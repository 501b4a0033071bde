import { describe, expect, it } from 'vitest';
import { useColor } from '../src/cli/color.js';
import { stylish as stylishPieces } from '../src/report/stylish.js';
import { ctx, findings, hostile, whole } from './helpers/report-fixtures.js';

const stylish = whole(stylishPieces);

const tty = { isTTY: true } as NodeJS.WriteStream;
const pipe = { isTTY: false } as NodeJS.WriteStream;

describe('stylish formatter', () => {
  it('groups findings per file and ends with a summary', () => {
    expect(stylish(findings, ctx)).toBe(
      [
        'plans/cc.yaml',
        '  12:5  warning  roles[0] (it-oncall) has no deputies  no-deputy',
        '  41:7  error    contacts[3] (max-braun): verified 2024-01-31 is more than P12M ago  stale-contact',
        '',
        'shared/contacts.yaml',
        '  3:9  info  contacts[0] (lisa-berg) is not referred to by any role or provider  orphan-contact',
        '',
        '✖ 3 problems (1 error, 1 warning, 1 info)',
        '',
      ].join('\n'),
    );
  });

  it('uses the warning mark when there is no error', () => {
    expect(stylish([findings[0]!], ctx).trimEnd().split('\n').at(-1)).toBe(
      '⚠ 1 problem (0 errors, 1 warning, 0 infos)',
    );
  });

  it('prints nothing for a clean run', () => {
    expect(stylish([], ctx)).toBe('');
  });

  it('colours only when asked, whatever the environment says', () => {
    const saved = process.env.FORCE_COLOR;
    process.env.FORCE_COLOR = '3';
    try {
      expect(stylish(findings, { ...ctx, color: false })).not.toContain('\u001b[');
    } finally {
      if (saved === undefined) delete process.env.FORCE_COLOR;
      else process.env.FORCE_COLOR = saved;
    }
    const coloured = stylish(findings, { ...ctx, color: true });
    expect(coloured).toContain('\u001b[31merror  \u001b[39m');
    expect(coloured).toContain('\u001b[33mwarning\u001b[39m');
    expect(coloured).toContain('\u001b[4mplans/cc.yaml\u001b[24m');
    // Basic 16 colours only: no 256-colour or truecolor sequences.
    expect(coloured).not.toMatch(/\u001b\[[34]8;/);
  });

  it('neutralises control characters from plan text', () => {
    const out = stylish([hostile], ctx);
    expect(out).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F]/);
    expect(out).toContain('a,b:c next line\ttab \\u0000\\u0007\\u001B[31m');
    expect(out.split('\n')).toHaveLength(5);
  });
});

describe('useColor', () => {
  it('follows the flag first', () => {
    expect(useColor(pipe, true, {})).toBe(true);
    expect(useColor(tty, false, { FORCE_COLOR: '1' })).toBe(false);
  });

  it('then FORCE_COLOR, which wins over NO_COLOR', () => {
    expect(useColor(pipe, undefined, { FORCE_COLOR: '1' })).toBe(true);
    expect(useColor(pipe, undefined, { FORCE_COLOR: '' })).toBe(true);
    expect(useColor(tty, undefined, { FORCE_COLOR: '0' })).toBe(false);
    expect(useColor(tty, undefined, { FORCE_COLOR: 'false' })).toBe(false);
    expect(useColor(pipe, undefined, { FORCE_COLOR: '1', NO_COLOR: '1' })).toBe(true);
  });

  it('then NO_COLOR (when not empty), then whether the stream is a terminal', () => {
    expect(useColor(tty, undefined, { NO_COLOR: '1' })).toBe(false);
    expect(useColor(tty, undefined, { NO_COLOR: '' })).toBe(true);
    expect(useColor(tty, undefined, {})).toBe(true);
    expect(useColor(tty, undefined, { TERM: 'dumb' })).toBe(false);
    expect(useColor(pipe, undefined, {})).toBe(false);
  });
});
