import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { allRules } from '../src/checks/index.js';
import { findConfigFile, readConfig } from '../src/config.js';
import { UsageError } from '../src/errors.js';
import { parseDate } from '../src/plan/dates.js';
import { checkPlan } from '../src/validate.js';

const known = allRules().map((r) => r.id);
const root = mkdtempSync(path.join(tmpdir(), 'bcplan-config-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let n = 0;
function write(text: string, name = '.bcplan.yaml'): string {
  const dir = path.join(root, `c${n++}`);
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

function usageError(text: string): string {
  const file = write(text);
  try {
    readConfig(file, known);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    const message = (error as Error).message;
    expect(message).toContain(file);
    expect(message).not.toContain('\n');
    return message;
  }
  throw new Error('expected a UsageError');
}

describe('readConfig', () => {
  it('reads rule severities and durations', () => {
    const file = write(
      'rules:\n  no-deputy: off\n  stale-contact: warning\n  orphan-contact: error\nstaleAfter: P6M\ndueWindow: P14D\n',
    );
    const config = readConfig(file, known);
    expect(config.file).toBe(file);
    expect(config.rules).toEqual({
      'no-deputy': 'off',
      'stale-contact': 'warning',
      'orphan-contact': 'error',
    });
    expect(config.staleAfter).toMatchObject({ months: 6, days: 0 });
    expect(config.dueWindow).toMatchObject({ days: 14 });
  });

  it('takes an empty file and an empty rules key as no settings', () => {
    expect(readConfig(write(''), known)).toMatchObject({ rules: {} });
    expect(readConfig(write('rules:\n'), known)).toMatchObject({ rules: {} });
    expect(readConfig(write('# nothing yet\n'), known).staleAfter).toBeUndefined();
  });

  it('accepts the loader rules too (schema, import, yaml-syntax)', () => {
    expect(readConfig(write('rules: { schema: warning }\n'), known).rules).toEqual({ schema: 'warning' });
  });

  it.each([
    ['rules:\n  stale-contacts: off\n', /unknown rule "stale-contacts" \(did you mean "stale-contact"\?\)/],
    ['rules:\n  made-up: off\n', /unknown rule "made-up"$/],
    ['rules:\n  no-deputy: warn\n', /rules\.no-deputy must be error, warning, info or off, not "warn"/],
    ['rules:\n  no-deputy: false\n', /rules\.no-deputy must be error, warning, info or off, not false/],
    ['rules: [no-deputy]\n', /rules must map rule ids to error, warning, info or off/],
    ['staleAfter: 12 months\n', /staleAfter must be an ISO 8601 duration like P12M or P30D, not "12 months"/],
    ['dueWindow: 30\n', /dueWindow must be an ISO 8601 duration like P12M or P30D, not 30/],
    ['staleAfter: P0D\n', /staleAfter must be longer than zero/],
    [
      'stale-after: P6M\n',
      /unknown key "stale-after" \(did you mean "staleAfter"\?\) \(known: rules, staleAfter, dueWindow\)/,
    ],
    ['- rules\n', /must be a mapping with rules, staleAfter and dueWindow/],
    ['just text\n', /must be a mapping/],
    ['rules: {\n', /is not valid YAML/],
    ['rules: {}\nrules: {}\n', /is not valid YAML/],
  ])('rejects %j', (text, expected) => {
    expect(usageError(text)).toMatch(expected);
  });

  it('names a missing file and a folder', () => {
    expect(() => readConfig(path.join(root, 'nope.yaml'), known)).toThrow(
      /cannot read config .*nope\.yaml: no such file/,
    );
    const dir = path.join(root, 'folder.yaml');
    mkdirSync(dir);
    expect(() => readConfig(dir, known)).toThrow(/cannot read config .*folder\.yaml: it is a folder/);
  });
});

describe('findConfigFile', () => {
  it('finds .bcplan.yaml in the folder itself or above it, else nothing', () => {
    const top = path.join(root, 'repo');
    const deep = path.join(top, 'plans', 'eu');
    mkdirSync(deep, { recursive: true });
    writeFileSync(path.join(top, '.bcplan.yaml'), 'rules: {}\n');
    expect(findConfigFile(deep)).toBe(path.join(top, '.bcplan.yaml'));
    writeFileSync(path.join(deep, '.bcplan.yaml'), 'rules: {}\n');
    expect(findConfigFile(deep)).toBe(path.join(deep, '.bcplan.yaml'));
    expect(findConfigFile(path.join(top, 'plans'))).toBe(path.join(top, '.bcplan.yaml'));
  });

  it('skips a folder named .bcplan.yaml', () => {
    const dir = path.join(root, 'odd', 'sub');
    mkdirSync(path.join(dir, '.bcplan.yaml'), { recursive: true });
    const found = findConfigFile(dir);
    expect(found === undefined || !found.startsWith(dir)).toBe(true);
  });
});

describe('config applied by checkPlan', () => {
  const planText = `bcplan: 1
plan: { id: p, title: T }
contacts:
  - { id: a, name: A, phone: "1", verified: 2026-03-01 }
`;
  const asOf = parseDate('2026-11-22')!;

  it('staleAfter from the config makes a contact stale; a rule set to off is dropped; severities change', () => {
    const dir = path.join(root, 'applied');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'plan.yaml'), planText);
    writeFileSync(
      path.join(dir, '.bcplan.yaml'),
      'staleAfter: P6M\nrules:\n  stale-contact: warning\n  orphan-contact: off\n',
    );
    const { findings } = checkPlan(path.join(dir, 'plan.yaml'), { asOf });
    const stale = findings.filter((f) => f.rule === 'stale-contact');
    expect(stale).toHaveLength(1);
    expect(stale[0]!.severity).toBe('warning');
    expect(stale[0]!.message).toContain('(limit 6 months, due 2026-09-01)');
    expect(findings.some((f) => f.rule === 'orphan-contact')).toBe(false);
  });

  it('--stale-after wins over the config, and dueWindow widens review-due-soon', () => {
    const dir = path.join(root, 'cli-wins');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'plan.yaml'), planText);
    const configFile = write('staleAfter: P6M\ndueWindow: P120D\n');
    const { findings } = checkPlan(path.join(dir, 'plan.yaml'), {
      asOf,
      configFile,
      staleAfter: { years: 0, months: 12, weeks: 0, days: 0, hours: 0, minutes: 0, seconds: 0 },
    });
    expect(findings.filter((f) => f.rule === 'stale-contact')).toEqual([]);
    expect(findings.filter((f) => f.rule === 'review-due-soon').map((f) => f.message)).toEqual([
      expect.stringContaining('contact a falls due for re-verification on 2027-03-01, in 99 days'),
    ]);
  });
});
