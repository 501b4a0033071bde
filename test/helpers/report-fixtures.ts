import type { RuleMeta } from '../../src/checks/index.js';
import type { Finding } from '../../src/plan/types.js';
import { joinPieces } from '../../src/report/text.js';
import type { Formatter, ReportContext } from '../../src/report/types.js';

/** Fixed findings for the formatter tests: one of each severity, over two files. */
export const findings: Finding[] = [
  {
    file: 'plans/cc.yaml',
    line: 12,
    column: 5,
    endLine: 12,
    endColumn: 18,
    severity: 'warning',
    rule: 'no-deputy',
    message: 'roles[0] (it-oncall) has no deputies',
    pointer: '/roles/0/id',
  },
  {
    file: 'plans/cc.yaml',
    line: 41,
    column: 7,
    endLine: 41,
    endColumn: 17,
    severity: 'error',
    rule: 'stale-contact',
    message: 'contacts[3] (max-braun): verified 2024-01-31 is more than P12M ago',
    pointer: '/contacts/3/verified',
  },
  {
    file: 'shared/contacts.yaml',
    line: 3,
    column: 9,
    endLine: 3,
    endColumn: 20,
    severity: 'info',
    rule: 'orphan-contact',
    message: 'contacts[0] (lisa-berg) is not referred to by any role or provider',
    pointer: '/contacts/0/id',
  },
];

/** A finding whose text is hostile to XML, markdown, JSON and workflow commands. */
export const hostile: Finding = {
  file: 'plans/a&b <c>, d:e "f" 100%.yaml',
  line: 2,
  column: 1,
  endLine: 3,
  endColumn: 4,
  severity: 'error',
  rule: 'secret-in-plan',
  message:
    'value "<script>alert(\'x\')</script>" & ]]> **bold** [x](javascript:1) 100% a,b:c\r\nnext line\ttab \u0000\u0007\u001b[31m \uFFFF \uD800 😀 ø',
  pointer: '/contacts/0/notes~1x',
};

export const rules: RuleMeta[] = [
  { id: 'yaml-syntax', severity: 'error', description: 'The file is well-formed YAML.' },
  { id: 'stale-contact', severity: 'error', description: 'Contact details were confirmed within P12M.' },
  { id: 'no-deputy', severity: 'warning', description: 'Every role has a deputy' },
  { id: 'orphan-contact', severity: 'info', description: 'Every contact is used.' },
];

export const ctx: ReportContext = {
  files: ['plans/cc.yaml', 'shared/contacts.yaml', 'plans/clean.yaml'],
  color: false,
  rules,
  toolVersion: '1.2.3',
  asOf: new Date(2026, 0, 31),
  cwd: '/repo',
};

/** A formatter whose pieces come back joined, for asserting on its whole text. */
export const whole =
  (formatter: Formatter) =>
  (...args: Parameters<Formatter>): string =>
    joinPieces(formatter(...args));
