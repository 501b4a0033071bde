import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DURATION_RE } from '../src/plan/dates.js';
import { loadPlan } from '../src/plan/load.js';
import {
  compileValidator,
  planSchema,
  SCHEMA_PATH,
  type SchemaValidator,
  validateSchema,
  validateWith,
} from '../src/plan/schema.js';
import type { SourceFile } from '../src/plan/types.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'bcplan-schema-'));
let counter = 0;

function load(yaml: string): SourceFile {
  const file = path.join(tmp, `case-${counter++}.yaml`);
  writeFileSync(file, yaml);
  return loadPlan(file).root;
}

/** Schema findings of a YAML text as [line, column, message], asserting rule and severity. */
function check(yaml: string): [number, number, string][] {
  const findings = validateSchema(load(yaml));
  for (const f of findings) {
    expect(f.rule).toBe('schema');
    expect(f.severity).toBe('error');
  }
  return findings
    .map((f): [number, number, string] => [f.line, f.column, f.message])
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}

// A minimal valid plan; cases below edit it line by line (1-based), so positions stay readable.
const BASE = [
  'bcplan: 1', // 1
  'plan:', // 2
  '  id: cc', // 3
  '  title: Plan', // 4
  '  organization: Org', // 5
  '  version: "1"', // 6
  '  owner: lead', // 7
  '  emergencyOfficer: lead', // 8
  '  reviewed: 2026-01-10', // 9
  'roles:', // 10
  '  - id: lead', // 11
  '    title: Lead', // 12
  '    primary: anna', // 13
  'contacts:', // 14
  '  - id: anna', // 15
  '    name: Anna', // 16
  '    phone: "+47 55 55 01 99"', // 17
  '    verified: 2026-01-15', // 18
  'scenarios:', // 19
  '  - id: outage', // 20
  '    title: Outage', // 21
  '    likelihood: 2', // 22
  '    impact: 3', // 23
  '    owner: lead', // 24
];

/** BASE with lines replaced ({ 9: '  reviewed: x' }), removed (null) and lines appended. */
function plan(edits: Record<number, string | null> = {}, ...append: string[]): string {
  const lines = BASE.flatMap((line, i) => {
    const edit = edits[i + 1];
    return edit === undefined ? [line] : edit === null ? [] : [edit];
  });
  return `${[...lines, ...append].join('\n')}\n`;
}

describe('valid files', () => {
  it('the base plan is valid', () => {
    expect(check(plan())).toEqual([]);
  });

  it('the shared contact-center example validates clean', () => {
    const file = loadPlan('test/fixtures/schema/contact-center.yaml').root;
    expect(file.kind).toBe('plan');
    expect(validateSchema(file)).toEqual([]);
  });

  it('a fragment with Unicode ids validates clean', () => {
    const file = loadPlan('test/fixtures/schema/contacts-fragment.yaml').root;
    expect(file.kind).toBe('fragment');
    expect(validateSchema(file)).toEqual([]);
  });

  it('a plan may take its contacts from imports instead', () => {
    expect(check(plan({ 14: 'imports: [contacts.yaml]', 15: null, 16: null, 17: null, 18: null }))).toEqual(
      [],
    );
  });

  it('accepts ids of any script and the optional sections', () => {
    const yaml = plan(
      { 11: '  - id: høy', 15: '  - id: leverandørsvikt', 13: '    primary: leverandørsvikt' },
      'services:',
      '  - { id: 連絡-2, name: Hotline, criticality: critical, rto: PT4H, rpo: PT30M, mtpd: P1D, minProviders: 2 }',
      'communication:',
      '  - { audience: media, owner: høy, channel: Press release, within: PT2H }',
      'exercises:',
      '  - { date: 2024-02-29, kind: full, scenarios: [outage], outcome: passed }',
    );
    expect(check(yaml)).toEqual([]);
  });
});

describe('bad values', () => {
  const cases: { name: string; yaml: string; findings: [number, number, string][] }[] = [
    {
      name: 'a date that is not in the calendar',
      yaml: plan({ 9: '  reviewed: 2026-02-30' }),
      findings: [
        [9, 13, 'plan: `reviewed` must be a date like 2026-01-31: 2026-02-30 is not a day of the calendar'],
      ],
    },
    {
      name: 'a date in another format, with a suggestion',
      yaml: plan({ 18: '    verified: 15.01.2026' }),
      findings: [
        [
          18,
          15,
          'contacts[0] (anna): `verified` must be a date like 2026-01-31 — did you mean `2026-01-15`?',
        ],
      ],
    },
    {
      name: 'a date that is not a date at all',
      yaml: plan({ 18: '    verified: last spring' }),
      findings: [[18, 15, 'contacts[0] (anna): `verified` must be a date like 2026-01-31']],
    },
    ...['P', 'PT', '-P1D', 'P1DT', 'PT1.5H'].map((value) => ({
      name: `the duration ${value}`,
      yaml: plan(
        {},
        '  - { id: out-2, title: T, likelihood: 1, impact: 1, owner: lead,',
        `      measures: { respond: [{ action: Call, owner: lead, within: "${value}" }] } }`,
      ),
      findings: [
        [
          26,
          66,
          'scenarios[1] (out-2): `measures.respond[0].within` must be an ISO 8601 duration like PT30M, PT4H, P1D or P12M',
        ] as [number, number, string],
      ],
    })),
    {
      name: 'an informal duration suggests its ISO form',
      yaml: plan({ 9: '  reviewed: 2026-01-10\n  reviewEvery: 4h' }),
      findings: [
        [
          10,
          16,
          'plan: `reviewEvery` must be an ISO 8601 duration like PT30M, PT4H, P1D or P12M — did you mean `PT4H`?',
        ],
      ],
    },
    {
      name: 'an id with spaces and capitals',
      yaml: plan({ 15: '  - id: Anna Schmidt' }),
      findings: [
        [
          15,
          9,
          'contacts[0] (Anna Schmidt): `id` must be an id: lower-case letters, digits and hyphens, like `max-braun` — did you mean `anna-schmidt`?',
        ],
      ],
    },
    {
      name: 'an upper-case id of another script',
      yaml: plan({ 3: '  id: Ærø' }),
      findings: [
        [
          3,
          7,
          'plan: `id` must be an id: lower-case letters, digits and hyphens, like `max-braun` — did you mean `ærø`?',
        ],
      ],
    },
    {
      name: 'an id with a leading hyphen, no suggestion that equals it',
      yaml: plan({ 13: '    primary: -anna' }),
      findings: [
        [
          13,
          14,
          'roles[0] (lead): `primary` must be an id: lower-case letters, digits and hyphens, like `max-braun` — did you mean `anna`?',
        ],
      ],
    },
    {
      name: 'an id longer than 63 characters',
      yaml: plan({ 20: `  - id: ${'a'.repeat(64)}` }),
      findings: [
        [20, 9, `scenarios[0] (${'a'.repeat(64)}): \`id\` is 64 characters long; ids have at most 63`],
      ],
    },
    {
      name: 'an unknown key, with a suggestion, and the missing key it was meant to be',
      yaml: plan({ 18: '    verifed: 2026-01-15' }),
      findings: [
        [15, 5, 'contacts[0] (anna) is missing the required key `verified`'],
        [18, 5, 'unknown key `verifed` in contacts[0] (anna) — did you mean `verified`?'],
      ],
    },
    {
      name: 'an unknown key next to the key it resembles',
      yaml: plan({ 18: '    verified: 2026-01-15\n    verifed: 2026-01-16' }),
      findings: [[19, 5, 'unknown key `verifed` in contacts[0] (anna) — did you mean `verified`?']],
    },
    {
      name: 'an unknown key without a close match',
      yaml: plan({ 12: '    title: Lead\n    shoeSize: 44' }),
      findings: [[13, 5, 'unknown key `shoeSize` in roles[0] (lead)']],
    },
    {
      name: 'an unknown key in a nested mapping (flow style)',
      yaml: plan(
        {},
        'providers:',
        '  - { id: p1, name: P, services: [s], site: { city: Oslo, contry: NO } }',
      ),
      findings: [
        [26, 39, 'providers[0] (p1): `site` is missing the required key `country`'],
        [26, 59, 'unknown key `contry` in `site` of providers[0] (p1) — did you mean `country`?'],
      ],
    },
    {
      name: 'an unknown section',
      yaml: plan({}, 'contact: []'),
      findings: [[25, 1, 'unknown section `contact` — did you mean `contacts`?']],
    },
    {
      name: 'a missing required key points at the parent',
      yaml: plan({ 12: null }),
      findings: [[11, 5, 'roles[0] (lead) is missing the required key `title`']],
    },
    {
      name: 'several missing keys give one finding',
      yaml: 'bcplan: 1\nplan: {}\nroles: []\ncontacts: []\nscenarios: []\n',
      findings: [
        [
          2,
          1,
          '`plan` is missing the required keys `id`, `title`, `organization`, `version`, `owner`, `emergencyOfficer` and `reviewed`',
        ],
      ],
    },
    {
      name: 'missing sections point at the top of the file',
      yaml: '# my plan\nbcplan: 1\nplan: { id: a, title: A, organization: O, version: "1", owner: a, emergencyOfficer: a, reviewed: 2026-01-01 }\n',
      findings: [
        [
          2,
          1,
          'the plan is missing the required sections `roles` and `scenarios`; the plan has no `contacts`: list them here or import a contacts fragment (`imports: [contacts.yaml]`)',
        ],
      ],
    },
    {
      name: 'a missing format version',
      yaml: plan({ 1: null }),
      findings: [[1, 1, 'the file lacks `bcplan: 1` (the format version): add it as the first line']],
    },
    {
      name: 'a wrong format version',
      yaml: plan({ 1: 'bcplan: "1"' }),
      findings: [[1, 9, '`bcplan` must be 1 (the format version this bcplan reads), not `1`']],
    },
    {
      name: 'a contact without any way to reach them gives one finding',
      yaml: plan({ 17: null }),
      findings: [[15, 5, 'contacts[0] (anna) needs at least one of `phone`, `mobile` or `email`']],
    },
    {
      name: 'an enum value, with a suggestion',
      yaml: plan({ 9: '  reviewed: 2026-01-10\n  language: deu' }),
      findings: [
        [10, 13, 'plan: `language` must be one of en, de, nl, da, nb, not `deu` — did you mean `de`?'],
      ],
    },
    {
      name: 'an enum value without a close match',
      yaml: plan({}, 'services:', '  - id: hotline', '    name: Hotline', '    criticality: urgent'),
      findings: [
        [
          28,
          18,
          'services[0] (hotline): `criticality` must be one of critical, high, medium, low, not `urgent`',
        ],
      ],
    },
    {
      name: 'a country in lower case, and UK',
      yaml: plan(
        {},
        'providers:',
        '  - { id: p1, name: P, services: [s], site: { city: Oslo, country: no } }',
        '  - { id: p2, name: Q, services: [s], site: { city: Leeds, country: UK } }',
      ),
      findings: [
        [
          26,
          68,
          'providers[0] (p1): `site.country` must be a two-letter ISO 3166 country code in capitals, like DE, NO or PT — did you mean `NO`?',
        ],
        [
          27,
          69,
          'providers[1] (p2): `site.country` must be a two-letter ISO 3166 country code in capitals, like DE, NO or PT — did you mean `GB`?',
        ],
      ],
    },
    {
      name: 'a country written by its name, in a plan language',
      yaml: plan(
        {},
        'providers:',
        '  - { id: p1, name: P, services: [s], site: { city: Aarhus, country: Danmark } }',
        '  - { id: p2, name: Q, services: [s], site: { city: Köln, country: Deutschland } }',
      ),
      findings: [
        [
          26,
          70,
          'providers[0] (p1): `site.country` must be a two-letter ISO 3166 country code in capitals, like DE, NO or PT — did you mean `DK`?',
        ],
        [
          27,
          68,
          'providers[1] (p2): `site.country` must be a two-letter ISO 3166 country code in capitals, like DE, NO or PT — did you mean `DE`?',
        ],
      ],
    },
    {
      name: 'a colour and a phone number written as a number',
      yaml: plan(
        { 17: '    phone: 4755550199' },
        'riskMatrix:',
        '  likelihood: [{ level: 1, label: rare }]',
        '  impact: [{ level: 1, label: minor }]',
        '  classes: [{ id: low, label: low, acceptable: true, color: c62828, upTo: 1 }]',
      ),
      findings: [
        [
          17,
          12,
          'contacts[0] (anna): `phone` must be a phone number in quotes, like "+49 541 5550100" (unquoted, YAML reads it as a number)',
        ],
        [
          28,
          61,
          'riskMatrix.classes[0] (low): `color` must be a colour written #rrggbb, like "#c62828" (in quotes: # starts a comment)',
        ],
      ],
    },
    {
      name: 'numbers out of range and of the wrong kind',
      yaml: plan({ 22: '    likelihood: 0', 23: '    impact: 2.5' }),
      findings: [
        [22, 17, 'scenarios[0] (outage): `likelihood` must be at least 1, not `0`'],
        [23, 13, 'scenarios[0] (outage): `impact` must be a whole number, not a number'],
      ],
    },
    {
      name: 'an empty text',
      yaml: plan({ 12: '    title: ""' }),
      findings: [[12, 12, 'roles[0] (lead): `title` must not be empty']],
    },
    {
      name: 'a list entry that is not a mapping',
      yaml: plan({ 15: '  - anna', 16: null, 17: null, 18: null }),
      findings: [[15, 5, '`contacts[0]` must be a mapping (key: value lines), not text']],
    },
    {
      name: 'a reference list written as text',
      yaml: plan({ 13: '    primary: anna\n    deputies: anna' }),
      findings: [[14, 15, 'roles[0] (lead): `deputies` must be a list, not text']],
    },
  ];

  for (const c of cases) {
    it(c.name, () => {
      expect(check(c.yaml)).toEqual(c.findings);
    });
  }

  it('reports a wrong type for every section, each at its value', () => {
    const yaml = [
      'bcplan: 1',
      'plan: x',
      'riskMatrix: []',
      'roles: {}',
      'contacts: x',
      'providers: 1',
      'services: true',
      'scenarios: none',
      'communication: {}',
      'access: x',
      'exercises: 3',
      'imports: a.yaml',
      '',
    ].join('\n');
    expect(check(yaml)).toEqual([
      [2, 7, '`plan` must be a mapping (key: value lines), not text'],
      // A collection is shown by its key, so a finding never spans a whole section.
      [3, 1, '`riskMatrix` must be a mapping (key: value lines), not a list'],
      [4, 1, '`roles` must be a list, not a mapping'],
      [5, 11, '`contacts` must be a list, not text'],
      [6, 12, '`providers` must be a list, not a number'],
      [7, 11, '`services` must be a list, not true/false'],
      [8, 12, '`scenarios` must be a list, not text'],
      [9, 1, '`communication` must be a list, not a mapping'],
      [10, 9, '`access` must be a list, not text'],
      [11, 12, '`exercises` must be a list, not a number'],
      [12, 10, '`imports` must be a list, not text'],
    ]);
  });

  it('a fragment holding plan-only sections: one finding per section, at its key', () => {
    const yaml = [
      'bcplan: 1',
      'contacts: []',
      'services: []',
      'riskMatrix: {}',
      'scenarios: []',
      'communication: []',
      'exercises: []',
      '',
    ].join('\n');
    const tail =
      'belongs in a plan, not in a fragment (a file without `plan`): fragments hold only contacts, roles, providers and access';
    expect(check(yaml)).toEqual([
      [3, 1, `\`services\` ${tail}`],
      [4, 1, `\`riskMatrix\` ${tail}`],
      [5, 1, `\`scenarios\` ${tail}`],
      [6, 1, `\`communication\` ${tail}`],
      [7, 1, `\`exercises\` ${tail}`],
    ]);
  });

  it('a fragment with an unknown section names what a fragment holds', () => {
    expect(check('bcplan: 1\nplans: {}\n')).toEqual([
      [
        2,
        1,
        'unknown section `plans` (a fragment holds only bcplan, imports, contacts, roles, providers and access)',
      ],
    ]);
  });

  it('a top level that is not a mapping', () => {
    expect(check('- bcplan: 1\n- plan: {}\n')).toEqual([
      [1, 1, 'the file must be a mapping of sections (`bcplan: 1`, `plan:` …), not a list'],
    ]);
    expect(check('just some text\n')).toEqual([
      [1, 1, 'the file must be a mapping of sections (`bcplan: 1`, `plan:` …), not text'],
    ]);
  });

  it('points at the key of an unknown key, with the key range', () => {
    const [finding] = validateSchema(load(plan({ 12: '    titel: Lead' })));
    expect(finding).toMatchObject({ line: 11, column: 5, pointer: '/roles/0' });
    const unknown = validateSchema(load(plan({ 12: '    titel: Lead' }))).find((f) =>
      f.pointer.endsWith('titel'),
    );
    expect(unknown).toMatchObject({
      line: 12,
      column: 5,
      endLine: 12,
      endColumn: 10,
      pointer: '/roles/0/titel',
      message: 'unknown key `titel` in roles[0] (lead) — did you mean `title`?',
    });
  });

  it('files without data (empty, comments only) are left to the loader', () => {
    expect(check('# nothing here\n')).toEqual([]);
    expect(check('---\n')).toEqual([]);
  });
});

describe('the schema file', () => {
  const schema = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8'));

  it('is JSON Schema 2020-12 with a title for editors', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.title).toMatch(/bcplan/);
  });

  it('describes every property, with examples, and closes every object', () => {
    const problems: string[] = [];
    const walk = (node: unknown, at: string) => {
      if (!node || typeof node !== 'object') return;
      const n = node as Record<string, unknown>;
      if (n.type === 'object' && n.additionalProperties !== false)
        problems.push(`${at}: additionalProperties`);
      if (n.properties) {
        for (const [key, sub] of Object.entries(n.properties as Record<string, Record<string, unknown>>)) {
          if (sub === (false as unknown)) continue;
          if (typeof sub.description !== 'string') problems.push(`${at}/${key}: description`);
          if (!Array.isArray(sub.examples) || sub.examples.length === 0)
            problems.push(`${at}/${key}: examples`);
        }
      }
      for (const [key, value] of Object.entries(n)) walk(value, `${at}/${key}`);
    };
    walk(schema, '#');
    expect(problems).toEqual([]);
  });

  it('the duration pattern agrees with DURATION_RE', () => {
    const pattern = new RegExp(schema.$defs.duration.pattern, 'u');
    const samples = [
      'P',
      'PT',
      'P1D',
      'PT4H',
      'PT30M',
      'P12M',
      'P1Y2M3W4DT5H6M7S',
      'P1DT',
      'PT1H30M',
      '-P1D',
      '4h',
    ];
    samples.push('P1W', 'P0D', 'PT0S', 'p1d', 'P1.5D', 'P1H', 'PT1D', ' P1D', 'P1D ', 'P1M1Y');
    for (const s of samples) expect([s, pattern.test(s)]).toEqual([s, DURATION_RE.test(s)]);
  });

  it('ids: Unicode slugs of at most 63 characters', () => {
    const pattern = new RegExp(schema.$defs.id.pattern, 'u');
    for (const id of [
      'kari-nordmann',
      'leverandørsvikt',
      'høy',
      'a1',
      '2nd-site',
      'straße',
      '東京-1',
      'हिन्दी',
    ]) {
      expect([id, pattern.test(id)]).toEqual([id, true]);
    }
    for (const id of ['Kari', 'kari nordmann', '-kari', 'kari-', 'kari--n', 'kari_n', 'ÆRØ', 'a.b', '']) {
      expect([id, pattern.test(id)]).toEqual([id, false]);
    }
    expect(schema.$defs.id.maxLength).toBe(63);
  });

  it('a fragment may hold only bcplan, imports, contacts, roles, providers and access', () => {
    const validate = compileValidator();
    for (const section of ['contacts', 'roles', 'providers', 'access', 'imports']) {
      expect([section, validate({ bcplan: 1, [section]: [] })]).toEqual([section, true]);
    }
    for (const section of ['services', 'scenarios', 'communication', 'exercises']) {
      expect([section, validate({ bcplan: 1, [section]: [] })]).toEqual([section, false]);
    }
  });

  it('planSchema() returns the shipped file', () => {
    expect(planSchema()).toEqual(schema);
  });
});

describe('the precompiled standalone validator', () => {
  it('gives the same findings as the runtime compile', () => {
    // Build it the way `npm run build` does, into a temp folder (needs dist/ from tsc).
    // It requires ajv's runtime helpers, so it must sit where node_modules is found.
    const cache = path.resolve('node_modules/.cache');
    mkdirSync(cache, { recursive: true });
    const dir = mkdtempSync(path.join(cache, 'bcplan-schema-'));
    const out = path.join(dir, 'validator.cjs');
    let precompiled: SchemaValidator;
    try {
      execFileSync(process.execPath, ['scripts/build-schema.mjs', out], { stdio: 'pipe' });
      precompiled = createRequire(import.meta.url)(out) as SchemaValidator;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const runtime = compileValidator();
    const samples = [
      plan(),
      plan({ 9: '  reviewed: 2026-02-30', 17: null, 18: '    verifed: x' }),
      plan({}, 'providers:', '  - { id: P1, name: P, services: s, site: { city: Oslo, country: no } }'),
      'bcplan: 1\nservices: []\n',
      readFileSync('test/fixtures/schema/contact-center.yaml', 'utf8'),
    ];
    for (const yaml of samples) {
      const file = load(yaml);
      expect(validateWith(precompiled, file)).toEqual(validateWith(runtime, file));
    }
    expect(validateWith(precompiled, load(samples[1]!)).length).toBe(4);
  });
});
