import { ruleHelpUri } from '../checks/index.js';
import { formatDate } from '../plan/dates.js';
import type { Finding } from '../plan/types.js';
import type { Formatter } from './types.js';

/**
 * Characters XML 1.0 cannot hold at all, not even as &#n; (C0 controls except tab, LF, CR;
 * U+FFFE, U+FFFF; lone surrogates). They are written as visible `\uXXXX` text instead.
 */
const NOT_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const visible = (c: string) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

/** Escapes text content. CR becomes &#13; so XML line-end normalisation keeps it. */
export function escapeText(s: string): string {
  return s
    .replace(NOT_XML, visible)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;');
}

/** Escapes an attribute value; tab, LF and CR as references so attribute normalisation keeps them. */
export function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');
}

/**
 * The strict Ant XSD requires a timestamp without a time zone: we write the run's as-of date
 * at midnight, never the clock, so the same input and --as-of give the same report.
 */
export function junitTimestamp(asOf: Date | undefined): string {
  if (!asOf) return '1970-01-01T00:00:00';
  return `${formatDate(asOf)}T00:00:00`;
}

/** The XSD requires a hostname; we do not leak the machine's, the XSD's own fallback is `localhost`. */
const HOSTNAME = 'localhost';

/**
 * A test case's class: the file without `.yaml`, as ESLint's JUnit report has it. Jenkins
 * splits a classname at its last dot into package and class, which would make every file's
 * class `yaml`.
 */
const classname = (file: string) => escapeAttr(file.replace(/\.ya?ml$/i, ''));

function testcase(f: Finding): string {
  const body = [
    `${f.severity}: ${f.message}`,
    `at ${f.file}:${f.line}:${f.column}${f.pointer ? ` (${f.pointer})` : ''}`,
    `rule: ${f.rule} ${ruleHelpUri(f.rule)}`,
  ].join('\n');
  return [
    `    <testcase name="${escapeAttr(`${f.rule} at ${f.line}:${f.column}`)}" classname="${classname(f.file)}" time="0">`,
    `      <failure message="${escapeAttr(f.message)}" type="${escapeAttr(f.rule)}">${escapeText(body)}</failure>`,
    '    </testcase>',
  ].join('\n');
}

/**
 * JUnit XML after the strict Ant XSD (`<testsuites>` root): one testsuite per file, one
 * failing testcase per finding; a file without findings gets one passing testcase, so CI
 * lists every file that was checked.
 */
export const junit: Formatter = function* (findings, ctx) {
  const files = [...new Set([...ctx.files, ...findings.map((f) => f.file)])];
  const timestamp = junitTimestamp(ctx.asOf);
  yield '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites>\n';
  const byFile = new Map<string, Finding[]>();
  for (const f of findings) {
    const own = byFile.get(f.file);
    if (own) own.push(f);
    else byFile.set(f.file, [f]);
  }
  for (const [id, file] of files.entries()) {
    const own = byFile.get(file) ?? [];
    yield `  <testsuite package="bcplan" id="${id}" name="${escapeAttr(file)}" timestamp="${timestamp}" hostname="${HOSTNAME}" tests="${Math.max(own.length, 1)}" failures="${own.length}" errors="0" skipped="0" time="0">\n`;
    yield '    <properties/>\n';
    if (own.length === 0)
      yield `    <testcase name="no findings" classname="${classname(file)}" time="0"/>\n`;
    for (const f of own) yield `${testcase(f)}\n`;
    yield '    <system-out/>\n    <system-err/>\n  </testsuite>\n';
  }
  yield '</testsuites>\n';
};
