import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { escapeAttr, escapeText, junit as junitPieces, junitTimestamp } from '../src/report/junit.js';
import { ctx, findings, hostile, whole } from './helpers/report-fixtures.js';
import { sharedPath } from './helpers/shared.js';

const junit = whole(junitPieces);

// The strict Ant JUnit XSD, read from the shared reference folder (not copied into the repo).
const XSD = readFileSync(sharedPath('reference-schemas', 'JUnit.xsd'), 'utf8');

async function validate(xml: string) {
  return validateXML({ xml: [{ fileName: 'junit.xml', contents: xml }], schema: [XSD] });
}

describe('junit formatter', () => {
  it('prints one testsuite per file, one failing testcase per finding', () => {
    expect(junit(findings, ctx)).toBe(`<?xml version="1.0" encoding="UTF-8"?>
<testsuites>
  <testsuite package="bcplan" id="0" name="plans/cc.yaml" timestamp="2026-01-31T00:00:00" hostname="localhost" tests="2" failures="2" errors="0" skipped="0" time="0">
    <properties/>
    <testcase name="no-deputy at 12:5" classname="plans/cc" time="0">
      <failure message="roles[0] (it-oncall) has no deputies" type="no-deputy">warning: roles[0] (it-oncall) has no deputies
at plans/cc.yaml:12:5 (/roles/0/id)
rule: no-deputy https://github.com/bcplan/bcplan/blob/main/docs/rules.md#no-deputy</failure>
    </testcase>
    <testcase name="stale-contact at 41:7" classname="plans/cc" time="0">
      <failure message="contacts[3] (max-braun): verified 2024-01-31 is more than P12M ago" type="stale-contact">error: contacts[3] (max-braun): verified 2024-01-31 is more than P12M ago
at plans/cc.yaml:41:7 (/contacts/3/verified)
rule: stale-contact https://github.com/bcplan/bcplan/blob/main/docs/rules.md#stale-contact</failure>
    </testcase>
    <system-out/>
    <system-err/>
  </testsuite>
  <testsuite package="bcplan" id="1" name="shared/contacts.yaml" timestamp="2026-01-31T00:00:00" hostname="localhost" tests="1" failures="1" errors="0" skipped="0" time="0">
    <properties/>
    <testcase name="orphan-contact at 3:9" classname="shared/contacts" time="0">
      <failure message="contacts[0] (lisa-berg) is not referred to by any role or provider" type="orphan-contact">info: contacts[0] (lisa-berg) is not referred to by any role or provider
at shared/contacts.yaml:3:9 (/contacts/0/id)
rule: orphan-contact https://github.com/bcplan/bcplan/blob/main/docs/rules.md#orphan-contact</failure>
    </testcase>
    <system-out/>
    <system-err/>
  </testsuite>
  <testsuite package="bcplan" id="2" name="plans/clean.yaml" timestamp="2026-01-31T00:00:00" hostname="localhost" tests="1" failures="0" errors="0" skipped="0" time="0">
    <properties/>
    <testcase name="no findings" classname="plans/clean" time="0"/>
    <system-out/>
    <system-err/>
  </testsuite>
</testsuites>
`);
  });

  it('names a test case’s class by its file without .yaml or .yml, dots in folders kept', () => {
    const xml = junit([], { ...ctx, files: ['plans/v1.2/cc.yml', 'Plan.YAML', 'notes.yaml.bak'] });
    const classes = [...xml.matchAll(/classname="([^"]*)"/g)].map((m) => m[1]);
    expect(classes).toEqual(['plans/v1.2/cc', 'Plan', 'notes.yaml.bak']);
  });

  it('validates against the strict Ant XSD', async () => {
    const result = await validate(junit(findings, ctx));
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('validates with no files at all, and with a clean run', async () => {
    expect((await validate(junit([], { ...ctx, files: [] }))).valid).toBe(true);
    expect((await validate(junit([], ctx))).valid).toBe(true);
  });

  it('validates with XML-hostile text, and keeps that text', async () => {
    const xml = junit([hostile], { ...ctx, files: [hostile.file] });
    const result = await validate(xml);
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
    expect(xml).toContain(
      'message="value &quot;&lt;script&gt;alert(\'x\')&lt;/script&gt;&quot; &amp; ]]&gt; **bold** [x](javascript:1) 100% a,b:c&#13;&#10;next line&#9;tab \\u0000\\u0007\\u001B[31m \\uFFFF \\uD800 😀 ø"',
    );
    expect(xml).toContain('name="plans/a&amp;b &lt;c&gt;, d:e &quot;f&quot; 100%.yaml"');
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
  });

  it('the validator does reject a report missing a required attribute', async () => {
    const broken = junit(findings, ctx).replace(/ hostname="localhost"/g, '');
    expect((await validate(broken)).valid).toBe(false);
  });

  it('is deterministic: the timestamp is the as-of date, not the clock', () => {
    expect(junit(findings, ctx)).toBe(junit(findings, { ...ctx }));
    expect(junitTimestamp(new Date(2026, 10, 2))).toBe('2026-11-02T00:00:00');
    expect(junitTimestamp(undefined)).toBe('1970-01-01T00:00:00');
  });

  it('escapes text and attributes', () => {
    expect(escapeText('a<b>&c\r\n"\'')).toBe('a&lt;b&gt;&amp;c&#13;\n"\'');
    expect(escapeAttr('a<b>&c\r\n\t"')).toBe('a&lt;b&gt;&amp;c&#13;&#10;&#9;&quot;');
    expect(escapeText('\u0001\uDC00x\uD83D\uDE00')).toBe('\\u0001\\uDC00x😀');
  });
});
