import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { ruleDocs } from '../src/checks/docs.js';
import { allRules } from '../src/checks/index.js';
import { artifactUri, FINGERPRINT_KEY, fingerprint, sarif as sarifPieces } from '../src/report/sarif.js';
import { bcplan, ROOT } from './helpers/cli.js';
import { ctx, findings, hostile, whole } from './helpers/report-fixtures.js';
import { sharedPath } from './helpers/shared.js';

const sarif = whole(sarifPieces);

// SARIF 2.1.0 is draft-04; read from the shared reference folder, not copied into the repo.
const schema = JSON.parse(readFileSync(sharedPath('reference-schemas', 'sarif-schema-2.1.0.json'), 'utf8'));
// CommonJS packages: under nodenext their default export is the module object.
const Ajv = AjvDraft04.default ?? AjvDraft04;
const addFormats = ajvFormats.default ?? ajvFormats;
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validateSarif = ajv.compile(schema);

const help = (id: string) => `https://github.com/bcplan/bcplan/blob/main/docs/rules.md#${id}`;

describe('sarif formatter', () => {
  it('prints the exact log', () => {
    const text = sarif(findings.slice(1, 3), ctx);
    const log = JSON.parse(text);
    expect(text).toBe(`${JSON.stringify(log, null, 2)}\n`);
    expect(log).toEqual({
      $schema: 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json',
      version: '2.1.0',
      runs: [
        {
          tool: {
            driver: {
              name: 'bcplan',
              version: '1.2.3',
              semanticVersion: '1.2.3',
              informationUri: 'https://github.com/bcplan/bcplan',
              rules: [
                {
                  id: 'yaml-syntax',
                  name: 'YamlSyntax',
                  shortDescription: { text: 'The file is well-formed YAML.' },
                  fullDescription: {
                    text: 'The file is well-formed YAML. Default severity: error; change it with `rules: { yaml-syntax: error|warning|info|off }` in .bcplan.yaml.',
                  },
                  help: {
                    text: `The file is well-formed YAML.\nDocumentation: ${help('yaml-syntax')}`,
                    markdown: `The file is well-formed YAML.\n\n[Documentation of \`yaml-syntax\`](${help('yaml-syntax')})`,
                  },
                  helpUri: help('yaml-syntax'),
                  defaultConfiguration: { level: 'error' },
                },
                {
                  id: 'stale-contact',
                  name: 'StaleContact',
                  shortDescription: { text: 'Contact details were confirmed within P12M.' },
                  fullDescription: {
                    text: 'Contact details were confirmed within P12M. Default severity: error; change it with `rules: { stale-contact: error|warning|info|off }` in .bcplan.yaml.',
                  },
                  help: {
                    text: `Contact details were confirmed within P12M.\nDocumentation: ${help('stale-contact')}`,
                    markdown: `Contact details were confirmed within P12M.\n\n[Documentation of \`stale-contact\`](${help('stale-contact')})`,
                  },
                  helpUri: help('stale-contact'),
                  defaultConfiguration: { level: 'error' },
                },
                {
                  id: 'no-deputy',
                  name: 'NoDeputy',
                  shortDescription: { text: 'Every role has a deputy' },
                  fullDescription: {
                    text: 'Every role has a deputy. Default severity: warning; change it with `rules: { no-deputy: error|warning|info|off }` in .bcplan.yaml.',
                  },
                  help: {
                    text: `Every role has a deputy\nDocumentation: ${help('no-deputy')}`,
                    markdown: `Every role has a deputy\n\n[Documentation of \`no-deputy\`](${help('no-deputy')})`,
                  },
                  helpUri: help('no-deputy'),
                  defaultConfiguration: { level: 'warning' },
                },
                {
                  id: 'orphan-contact',
                  name: 'OrphanContact',
                  shortDescription: { text: 'Every contact is used.' },
                  fullDescription: {
                    text: 'Every contact is used. Default severity: info; change it with `rules: { orphan-contact: error|warning|info|off }` in .bcplan.yaml.',
                  },
                  help: {
                    text: `Every contact is used.\nDocumentation: ${help('orphan-contact')}`,
                    markdown: `Every contact is used.\n\n[Documentation of \`orphan-contact\`](${help('orphan-contact')})`,
                  },
                  helpUri: help('orphan-contact'),
                  defaultConfiguration: { level: 'note' },
                },
              ],
            },
          },
          artifacts: [
            { location: { uri: 'plans/cc.yaml', uriBaseId: '%SRCROOT%' } },
            { location: { uri: 'shared/contacts.yaml', uriBaseId: '%SRCROOT%' } },
            { location: { uri: 'plans/clean.yaml', uriBaseId: '%SRCROOT%' } },
          ],
          results: [
            {
              ruleId: 'stale-contact',
              ruleIndex: 1,
              level: 'error',
              message: { text: 'contacts[3] (max-braun): verified 2024-01-31 is more than P12M ago' },
              locations: [
                {
                  physicalLocation: {
                    artifactLocation: { uri: 'plans/cc.yaml', uriBaseId: '%SRCROOT%', index: 0 },
                    region: { startLine: 41, startColumn: 7, endLine: 41, endColumn: 17 },
                  },
                },
              ],
              partialFingerprints: { [FINGERPRINT_KEY]: fingerprint(findings[1]!, 'plans/cc.yaml') },
              properties: { pointer: '/contacts/3/verified' },
            },
            {
              ruleId: 'orphan-contact',
              ruleIndex: 3,
              level: 'note',
              message: { text: 'contacts[0] (lisa-berg) is not referred to by any role or provider' },
              locations: [
                {
                  physicalLocation: {
                    artifactLocation: { uri: 'shared/contacts.yaml', uriBaseId: '%SRCROOT%', index: 1 },
                    region: { startLine: 3, startColumn: 9, endLine: 3, endColumn: 20 },
                  },
                },
              ],
              partialFingerprints: { [FINGERPRINT_KEY]: fingerprint(findings[2]!, 'shared/contacts.yaml') },
              properties: { pointer: '/contacts/0/id' },
            },
          ],
          columnKind: 'utf16CodeUnits',
        },
      ],
    });
  });

  it('validates against the SARIF 2.1.0 schema', () => {
    const ok = validateSarif(JSON.parse(sarif(findings, ctx)));
    expect(validateSarif.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    expect(validateSarif(JSON.parse(sarif([], { ...ctx, files: [] })))).toBe(true);
  });

  it('validates with hostile text and file names, keeping the message as is', () => {
    const log = JSON.parse(sarif([hostile], ctx));
    expect(validateSarif(log)).toBe(true);
    const result = log.runs[0].results[0];
    expect(result.message.text).toBe(hostile.message);
    expect(result.locations[0].physicalLocation.artifactLocation.uri).toBe(
      'plans/a%26b%20%3Cc%3E%2C%20d%3Ae%20%22f%22%20100%25.yaml',
    );
    expect(result.locations[0].physicalLocation.region).toEqual({
      startLine: 2,
      startColumn: 1,
      endLine: 3,
      endColumn: 4,
    });
  });

  it('the validator does reject a broken log', () => {
    const log = JSON.parse(sarif(findings, ctx));
    log.runs[0].results[0].level = 'fatal';
    expect(validateSarif(log)).toBe(false);
  });

  it('adds a rule the context does not know, so every ruleIndex resolves', () => {
    const odd = { ...findings[0]!, rule: 'custom-check' };
    const log = JSON.parse(sarif([odd], ctx));
    const rules = log.runs[0].tool.driver.rules;
    expect(rules.at(-1).id).toBe('custom-check');
    expect(log.runs[0].results[0].ruleIndex).toBe(rules.length - 1);
    expect(validateSarif(log)).toBe(true);
  });

  it('is deterministic', () => {
    expect(sarif(findings, ctx)).toBe(sarif([...findings], { ...ctx }));
  });
});

describe('artifactUri', () => {
  it('makes paths relative to the working folder with forward slashes', () => {
    expect(artifactUri('plans/cc.yaml', '/repo')).toEqual({ uri: 'plans/cc.yaml', uriBaseId: '%SRCROOT%' });
    expect(artifactUri('./plans/../plans/cc.yaml', '/repo').uri).toBe('plans/cc.yaml');
    expect(artifactUri(path.resolve('/repo/plans/cc.yaml'), path.resolve('/repo')).uri).toBe('plans/cc.yaml');
    expect(artifactUri('planer/leverandørsvikt.yaml', '/repo').uri).toBe('planer/leverand%C3%B8rsvikt.yaml');
  });
});

describe('fingerprint', () => {
  it('depends on rule, file and pointer, not on the line', () => {
    const f = findings[1]!;
    expect(fingerprint(f, 'plans/cc.yaml')).toMatch(/^[0-9a-f]{32}$/);
    expect(fingerprint({ ...f, line: 99, message: 'other words' }, 'plans/cc.yaml')).toBe(
      fingerprint(f, 'plans/cc.yaml'),
    );
    expect(fingerprint({ ...f, pointer: '/contacts/4/verified' }, 'plans/cc.yaml')).not.toBe(
      fingerprint(f, 'plans/cc.yaml'),
    );
    expect(fingerprint({ ...f, rule: 'schema' }, 'plans/cc.yaml')).not.toBe(fingerprint(f, 'plans/cc.yaml'));
    expect(fingerprint(f, 'plans/other.yaml')).not.toBe(fingerprint(f, 'plans/cc.yaml'));
  });

  it('hashes the entry’s id where the pointer has a list position, so an entry added above changes nothing', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bcplan-print-'));
    mkdirSync(path.join(dir, '.git'));
    const text = readFileSync(path.join(ROOT, 'examples/service-desk/plan.yaml'), 'utf8');
    const added = text.replace(
      '  - id: ivar-solberg\n',
      '  - id: nina-ny\n    name: Nina Ny\n    phone: "+47 55 55 10 99"\n    verified: 2026-10-01\n  - id: ivar-solberg\n',
    );
    expect(added).not.toBe(text);
    const prints = async (yaml: string) => {
      writeFileSync(path.join(dir, 'plan.yaml'), yaml);
      const r = await bcplan(['validate', 'plan.yaml', '--format', 'sarif', '--as-of', '2026-11-22'], {
        cwd: dir,
      });
      const results = (
        JSON.parse(r.stdout) as {
          runs: {
            results: { ruleId: string; properties: unknown; partialFingerprints: Record<string, string> }[];
          }[];
        }
      ).runs[0]!.results;
      return Object.fromEntries(
        results.map((x) => [
          `${x.ruleId} ${(x.properties as { pointer: string }).pointer}`,
          x.partialFingerprints[FINGERPRINT_KEY],
        ]),
      );
    };
    const before = await prints(text);
    const after = await prints(added);
    // The orphan contact moved from /contacts/5 to /contacts/6; its alert is the same one.
    const orphanBefore = Object.entries(before).find(([k]) => k.startsWith('orphan-contact'))!;
    const orphansAfter = Object.entries(after).filter(([k]) => k.startsWith('orphan-contact'));
    expect(orphanBefore[0]).toBe('orphan-contact /contacts/5/id');
    expect(orphansAfter.map(([k]) => k)).toEqual([
      'orphan-contact /contacts/5/id',
      'orphan-contact /contacts/6/id',
    ]);
    expect(orphansAfter[1]![1]).toBe(orphanBefore[1]);
    // The new contact's alert is new; every other alert keeps its fingerprint.
    expect(Object.values(before).sort()).toEqual(
      Object.values(after)
        .filter((p) => p !== orphansAfter[0]![1])
        .sort(),
    );
  });

  it('uses the position for findings without a pointer (YAML syntax errors)', () => {
    const a = { ...findings[1]!, pointer: '', rule: 'yaml-syntax' };
    expect(fingerprint(a, 'x.yaml')).not.toBe(fingerprint({ ...a, line: 2 }, 'x.yaml'));
  });
});

describe('rule help from docs/rules.md', () => {
  it('has a section for every rule, without the severity line', () => {
    const docs = ruleDocs();
    expect([...docs.keys()].sort()).toEqual(
      allRules()
        .map((r) => r.id)
        .sort(),
    );
    for (const [id, text] of docs) {
      expect(text, id).toMatch(/^\*\*What it checks\.\*\*/);
      expect(text, id).not.toContain('**Severity:**');
      expect(text, id).not.toMatch(/^## /m);
    }
  });

  it('reads nothing when the file is missing, and splits any text by its rule headings', () => {
    expect(
      ruleDocs('# Rules\n\n## no-deputy\n\n**Severity:** warning\n\nBody.\n## Not a rule id\n\nx\n'),
    ).toEqual(new Map([['no-deputy', 'Body.']]));
  });

  it('validate --format sarif carries each rule’s section as its help, and the log stays valid', async () => {
    const r = await bcplan([
      'validate',
      'examples/contact-center/plan.yaml',
      '--format',
      'sarif',
      '--as-of',
      '2026-11-22',
    ]);
    const log = JSON.parse(r.stdout);
    expect(validateSarif(log)).toBe(true);
    const rules = log.runs[0].tool.driver.rules as { id: string; help: { markdown: string } }[];
    const docs = ruleDocs();
    for (const rule of rules) {
      expect(rule.help.markdown, rule.id).toBe(
        `${docs.get(rule.id)}\n\n[Documentation of \`${rule.id}\`](${help(rule.id)})`,
      );
    }
    expect(rules.find((x) => x.id === 'no-deputy')!.help.markdown).toContain('**How to fix it.**');
  });
});
