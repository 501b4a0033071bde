import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPlan, MAX_FILE_BYTES, MAX_IMPORT_DEPTH } from '../src/plan/load.js';
import { findingAt } from '../src/plan/source.js';
import type { Finding, LoadedPlan } from '../src/plan/types.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'bcplan-loader-'));
let counter = 0;

function load(content: string | Buffer): LoadedPlan {
  const file = path.join(tmp, `case-${counter++}.yaml`);
  writeFileSync(file, content);
  return loadPlan(file);
}

/** [line, column, endLine, endColumn] of a pointer in the root file. */
function at(plan: LoadedPlan, pointer: string, target: 'value' | 'key' = 'value'): number[] {
  const f = findingAt(plan.root, pointer, 'test', 'error', 'm', target);
  return [f.line, f.column, f.endLine, f.endColumn];
}

/** The loader's findings as [rule, line, column, message]. */
function found(plan: LoadedPlan): [string, number, number, string][] {
  return plan.findings.map((f) => [f.rule, f.line, f.column, f.message]);
}

describe('positions of values and keys', () => {
  it('block style', () => {
    const plan = load('bcplan: 1\ncontacts:\n  - id: anna\n    name: Anna\n    verified: 2026-01-15\n');
    expect(plan.findings).toEqual([]);
    expect(at(plan, '/contacts/0/verified')).toEqual([5, 15, 5, 25]);
    expect(at(plan, '/contacts/0/verified', 'key')).toEqual([5, 5, 5, 13]);
    expect(at(plan, '/contacts/0/id')).toEqual([3, 9, 3, 13]);
    // A collection is shown by its key (a section) or its first line (a list item).
    expect(at(plan, '/contacts')).toEqual([2, 1, 2, 9]);
    expect(at(plan, '/contacts/0')).toEqual([3, 5, 3, 13]);
    expect(plan.contacts[0]).toMatchObject({ pointer: '/contacts/0', value: { id: 'anna' } });
  });

  it('flow style', () => {
    const plan = load('bcplan: 1\ncontacts: [{ id: anna, name: Anna, verified: 2026-01-15 }, { id: bo }]\n');
    expect(at(plan, '/contacts/0/verified')).toEqual([2, 46, 2, 56]);
    expect(at(plan, '/contacts/1/id')).toEqual([2, 66, 2, 68]);
    expect(at(plan, '/contacts/1/id', 'key')).toEqual([2, 62, 2, 64]);
  });

  it('a pointer past the document falls back to the deepest node that exists', () => {
    const plan = load('bcplan: 1\ncontacts:\n  - id: anna\n');
    expect(at(plan, '/contacts/0/verified')).toEqual([3, 5, 3, 13]);
    expect(at(plan, '/contacts/7/id')).toEqual([2, 1, 2, 9]);
  });

  it('anchors and aliases: a value reached through an alias points where it is written', () => {
    const plan = load(
      [
        'bcplan: 1',
        'roles:',
        '  - id: a',
        '    deputies: &team [anna, bo]',
        '  - id: b',
        '    deputies: *team',
        '',
      ].join('\n'),
    );
    expect(plan.roles[1]!.value.deputies).toEqual(['anna', 'bo']);
    expect(at(plan, '/roles/1/deputies')).toEqual([6, 5, 6, 13]);
    expect(at(plan, '/roles/1/deputies/1')).toEqual([4, 28, 4, 30]);
  });

  it('multi-line scalars (| and >): the range ends at the last character, later keys stay right', () => {
    const plan = load(
      [
        'bcplan: 1',
        'scenarios:',
        '  - id: fire',
        '    description: |',
        '      Line one',
        '      line two',
        '    trigger: >',
        '      folded',
        '      text',
        '',
        '    owner: boss',
        '',
      ].join('\n'),
    );
    expect(plan.scenarios[0]!.value).toMatchObject({
      description: 'Line one\nline two\n',
      trigger: 'folded text\n',
    });
    expect(at(plan, '/scenarios/0/description')).toEqual([4, 18, 6, 15]);
    expect(at(plan, '/scenarios/0/trigger')).toEqual([7, 14, 9, 11]);
    expect(at(plan, '/scenarios/0/owner')).toEqual([11, 12, 11, 16]);
  });

  it('Unicode keys and values; columns count UTF-16 code units, as editors and SARIF do', () => {
    const plan = load(
      'bcplan: 1\nø-nøkkel: verdi\n"a/b~c": 1\ncontacts: [{ id: jørgen, name: "😀 Ærø", verified: x }]\n',
    );
    expect(at(plan, '/ø-nøkkel', 'key')).toEqual([2, 1, 2, 9]);
    expect(at(plan, '/ø-nøkkel')).toEqual([2, 11, 2, 16]);
    expect(at(plan, '/a~1b~0c', 'key')).toEqual([3, 1, 3, 8]);
    expect(plan.contacts[0]!.value).toMatchObject({ id: 'jørgen', name: '😀 Ærø' });
    // "😀" is two code units: `x` is the 51st code point but column 52.
    expect(at(plan, '/contacts/0/verified')).toEqual([4, 52, 4, 53]);
  });

  it('CRLF line endings', () => {
    const plan = load('bcplan: 1\r\ncontacts:\r\n  - id: anna\r\n    verified: 2026-01-15\r\n');
    expect(plan.findings).toEqual([]);
    expect(plan.contacts[0]!.value).toMatchObject({ id: 'anna', verified: '2026-01-15' });
    expect(at(plan, '/contacts/0/verified')).toEqual([4, 15, 4, 25]);
    expect(at(plan, '/contacts/0/id')).toEqual([3, 9, 3, 13]);
  });

  it('a BOM is not counted in columns on line 1', () => {
    const plan = load('\uFEFFbcplan: 1\nplan: { id: x }\n');
    expect(plan.findings).toEqual([]);
    expect(plan.root.text.startsWith('bcplan')).toBe(true);
    expect(at(plan, '/bcplan')).toEqual([1, 9, 1, 10]);
    expect(at(plan, '/bcplan', 'key')).toEqual([1, 1, 1, 7]);
    expect(at(plan, '/plan/id')).toEqual([2, 13, 2, 14]);
  });

  it('a BOM with CRLF', () => {
    const plan = load('\uFEFFbcplan: 1\r\nplan: { id: x }\r\n');
    expect(at(plan, '/bcplan')).toEqual([1, 9, 1, 10]);
    expect(at(plan, '/plan/id')).toEqual([2, 13, 2, 14]);
  });
});

describe('yaml-syntax findings', () => {
  it('text that is not UTF-8, at the byte that starts the bad sequence', () => {
    const bytes = (text: string) => Buffer.from(text, 'latin1');
    const utf8 = (b: number) =>
      `the file is not valid UTF-8 (byte 0x${b.toString(16)} on line 3); it may be Latin-1 or Windows-1252: save it as UTF-8`;
    // Latin-1 ø: never valid in UTF-8.
    expect(found(load(bytes('bcplan: 1\nplan:\n  title: Bj\xf8rn\n')))).toEqual([
      ['yaml-syntax', 3, 12, utf8(0xf8)],
    ]);
    // Latin-1 é starts a three-byte sequence that the next character cuts short.
    expect(found(load(bytes('bcplan: 1\nplan:\n  title: Caf\xe9 x\n')))).toEqual([
      ['yaml-syntax', 3, 13, utf8(0xe9)],
    ]);
    // A sequence cut short by the end of the file.
    expect(found(load(bytes('bcplan: 1\r\nplan:\r\n  title: Caf\xc3')))).toEqual([
      ['yaml-syntax', 3, 13, utf8(0xc3)],
    ]);
  });

  it('duplicate keys, at the second key; the data is still read', () => {
    const plan = load('bcplan: 1\ncontacts: []\nroles: []\ncontacts: []\n');
    expect(found(plan)).toEqual([
      [
        'yaml-syntax',
        4,
        1,
        'Map keys must be unique (DUPLICATE_KEY): `contacts` is written twice in one entry; keep one (the later would silently replace the earlier)',
      ],
    ]);
    expect(plan.root.data).toMatchObject({ bcplan: 1, roles: [] });
  });

  it('tabs as indentation', () => {
    const plan = load('bcplan: 1\ncontacts:\n  - id: a\n\tname: A\n');
    expect(found(plan)).toEqual([
      [
        'yaml-syntax',
        4,
        1,
        'Tabs are not allowed as indentation (TAB_AS_INDENT): indent with spaces; YAML does not allow tabs',
      ],
    ]);
    expect(plan.root.data).toBeUndefined();
  });

  it('bad indentation', () => {
    expect(found(load('bcplan: 1\nplan:\n  id: a\n title: b\n'))).toEqual([
      [
        'yaml-syntax',
        4,
        1,
        'All mapping items must start at the same column (BAD_INDENT): entries of one list or mapping start in the same column, indented with spaces',
      ],
    ]);
    expect(found(load('bcplan: 1\ncontacts:\n  - id: a\n   name: b\n'))).toEqual([
      [
        'yaml-syntax',
        4,
        1,
        'Sequence item without - indicator (MISSING_CHAR): this line is indented like an item of the list above but has no "- ": indent it like the keys above, or start a new item with "- "',
      ],
    ]);
  });

  it('an unclosed flow sequence and an unclosed quote', () => {
    expect(found(load('bcplan: 1\nroles: [a, b\nplan: {}\n'))[0]).toEqual([
      'yaml-syntax',
      3,
      1,
      'Flow sequence in block collection must be sufficiently indented and end with a ] (BAD_INDENT): a "[" or "{" opened above is not closed: close it, or put the value in quotes if the bracket is text',
    ]);
    // Reported at the quote that opens the value, not at the end of the file where the parser gave up.
    expect(found(load('bcplan: 1\nplan: "x\nroles: []\n\n'))[0]?.slice(0, 3)).toEqual(['yaml-syntax', 2, 7]);
  });

  it('says what to do about the mistakes people make when they edit YAML by hand', () => {
    const say = (yaml: string) => found(load(`bcplan: 1\nplan:\n${yaml}`)).map((f) => f[3]);
    expect(say('  id: a\n  title:Notfallplan Kundenservice\n  owner: b\n')[0]).toMatch(
      /\(MULTILINE_IMPLICIT_KEY\): put a space after the colon: "title: …"$/,
    );
    expect(say('  id: a\n  title: Plan: Notfall\n')[0]).toMatch(
      /\(BLOCK_AS_IMPLICIT_KEY\): a value that holds ": " must be in quotes, e\.g\. title: "Plan: Notfall"$/,
    );
    expect(say('  id: a\n  owner: @team\n')[0]).toMatch(
      /\(BAD_SCALAR_START\): a value that starts with this character must be in quotes/,
    );
    expect(say('  id: a\n  title: "Notfall\n  owner: b\n')[0]).toMatch(
      /\(MISSING_CHAR\): the quote that opens here is never closed: add the closing quote where the value ends$/,
    );
  });

  it('several documents: reported at the second, the first is read', () => {
    const plan = load('bcplan: 1\nplan: {}\n---\nbcplan: 1\n');
    expect(found(plan)).toEqual([
      [
        'yaml-syntax',
        3,
        1,
        'the file holds 2 YAML documents; a plan is one document (remove the `---` separators)',
      ],
    ]);
    expect(plan.root.kind).toBe('plan');
  });

  it('one document between --- and ... is fine', () => {
    const plan = load('---\nbcplan: 1\n...\n');
    expect(plan.findings).toEqual([]);
    expect(plan.root.data).toEqual({ bcplan: 1 });
  });

  it('an empty file, a blank file, a comment-only file, a bare ---', () => {
    const message = (f: Finding[]) => f.map((x) => [x.rule, x.line, x.column, x.message]);
    expect(message(load('').findings)).toEqual([
      ['yaml-syntax', 1, 1, 'the file is empty: a plan starts with `bcplan: 1`'],
    ]);
    expect(message(load('\n  \n\n').findings)).toEqual([
      ['yaml-syntax', 1, 1, 'the file is empty: a plan starts with `bcplan: 1`'],
    ]);
    expect(message(load('# just a comment\n# and another\n').findings)).toEqual([
      ['yaml-syntax', 1, 1, 'the file holds only comments: a plan starts with `bcplan: 1`'],
    ]);
    expect(message(load('---\n').findings)).toEqual([
      ['yaml-syntax', 1, 1, 'the file holds no YAML content: a plan starts with `bcplan: 1`'],
    ]);
  });

  it('an alias to a missing anchor is reported at the alias', () => {
    const plan = load('bcplan: 1\nroles: []\ncontacts: *people\n');
    expect(found(plan)).toHaveLength(1);
    expect(found(plan)[0]!.slice(0, 3)).toEqual(['yaml-syntax', 3, 11]);
    expect(found(plan)[0]![3]).toMatch(/^the YAML cannot be read: .*alias/i);
    expect(plan.root.data).toBeUndefined();
  });

  it('an alias bomb is refused, not expanded', () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 10; i++) {
      const prev = String.fromCharCode(96 + i);
      lines.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${prev}`).join(', ')}]`,
      );
    }
    const plan = load(`${lines.join('\n')}\n`);
    expect(found(plan)).toHaveLength(1);
    expect(found(plan)[0]!.slice(0, 1)).toEqual(['yaml-syntax']);
    expect(found(plan)[0]![3]).toMatch(/alias/i);
    expect(plan.root.data).toBeUndefined();
  });

  it('deep nesting is refused before parsing', () => {
    const plan = load(`bcplan: 1\nx: ${'['.repeat(200)}${']'.repeat(200)}\n`);
    expect(found(plan)).toEqual([
      // At the 65th bracket: 'x: ' and 64 brackets before it.
      ['yaml-syntax', 2, 68, 'the YAML is nested more than 64 levels deep; a plan never needs that'],
    ]);
  });

  it('files that are not UTF-8 YAML', () => {
    const latin1 = load(Buffer.from('bcplan: 1\nname: J\xf8rgen\n', 'latin1'));
    expect(found(latin1)[0]![3]).toMatch(/not valid UTF-8 \(byte 0xf8 on line 2\)/);
    const utf16 = load(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('bcplan: 1\n', 'utf16le')]));
    expect(found(utf16)[0]![3]).toBe('the file is UTF-16; save it as UTF-8');
    expect(found(load(Buffer.from([0x62, 0, 0x63])))[0]![3]).toMatch(/binary data/);
  });

  it('a file too large to be a plan is refused', () => {
    const plan = load(Buffer.alloc(MAX_FILE_BYTES + 1, 0x20));
    expect(found(plan)[0]![3]).toMatch(/^the file is 5\.0 MB; plans are limited to 5 MB$/);
  });

  it('a missing file and a folder', () => {
    expect(found(loadPlan(path.join(tmp, 'nope.yaml')))).toEqual([
      ['yaml-syntax', 1, 1, 'the file does not exist'],
    ]);
    expect(found(loadPlan(tmp))).toEqual([['yaml-syntax', 1, 1, 'this is a folder, not a YAML file']]);
  });
});

describe('imports', () => {
  /** A repository with a .git folder; imports must stay inside it. */
  function repo(files: Record<string, string>): string {
    const base = mkdtempSync(path.join(tmp, 'repo-'));
    const root = path.join(base, 'repo');
    mkdirSync(path.join(root, '.git'), { recursive: true });
    writeFileSync(path.join(base, 'outside.yaml'), 'bcplan: 1\ncontacts: []\n');
    for (const [name, content] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
      writeFileSync(path.join(root, name), content);
    }
    return root;
  }

  const FRAGMENT = [
    '# shared contacts',
    'bcplan: 1',
    'contacts:',
    '  - id: anna',
    '    name: Anna',
    '    email: anna@example.com',
    '    verified: 2026-01-15',
    'roles:',
    '  - { id: lead, title: Lead, primary: anna }',
    '',
  ].join('\n');

  it('a chain of imports deeper than 32 stops with an import finding (5,000 overflowed the stack)', () => {
    const files: Record<string, string> = { 'plan.yaml': 'bcplan: 1\nimports: [f0.yaml]\nplan: {}\n' };
    for (let i = 0; i < 5000; i++)
      files[`f${i}.yaml`] = `bcplan: 1\nimports: [f${i + 1}.yaml]\ncontacts: []\n`;
    const plan = loadPlan(path.join(repo(files), 'plan.yaml'));
    expect(plan.files).toHaveLength(1 + MAX_IMPORT_DEPTH);
    const deep = plan.findings.filter((f) => f.rule === 'import');
    expect(deep.map((f) => [path.basename(f.file), f.line, f.message])).toEqual([
      [
        'f31.yaml',
        2,
        `import f32.yaml is more than ${MAX_IMPORT_DEPTH} imports deep; import the fragments from the plan, or from fewer levels`,
      ],
    ]);
  });

  it('entries from a fragment keep the fragment file and their pointer there', () => {
    const root = repo({
      'plans/cc.yaml': 'bcplan: 1\nimports: [../shared/contacts.yaml]\ncontacts:\n  - id: bo\n',
      'shared/contacts.yaml': FRAGMENT,
    });
    const plan = loadPlan(path.join(root, 'plans/cc.yaml'));
    expect(plan.findings).toEqual([]);
    expect(plan.files.map((f) => path.relative(root, f.absPath))).toEqual([
      'plans/cc.yaml',
      'shared/contacts.yaml',
    ]);
    expect(plan.files[1]!.path).toBe(path.join(root, 'shared/contacts.yaml'));
    expect(plan.contacts.map((c) => [c.value.id, path.relative(root, c.file.absPath), c.pointer])).toEqual([
      ['bo', 'plans/cc.yaml', '/contacts/0'],
      ['anna', 'shared/contacts.yaml', '/contacts/0'],
    ]);
    const anna = plan.contacts[1]!;
    const f = findingAt(anna.file, `${anna.pointer}/verified`, 'x', 'error', 'm');
    expect([f.file, f.line, f.column]).toEqual([path.join(root, 'shared/contacts.yaml'), 7, 15]);
    expect(plan.roles[0]).toMatchObject({ pointer: '/roles/0', value: { id: 'lead' } });
  });

  it('a relative display path stays relative for imported files', () => {
    const root = repo({ 'cc.yaml': 'bcplan: 1\nimports: [shared/c.yaml]\n', 'shared/c.yaml': FRAGMENT });
    const rel = path.relative(process.cwd(), path.join(root, 'cc.yaml'));
    const plan = loadPlan(rel);
    expect(plan.files[1]!.path).toBe(path.join(path.dirname(rel), 'shared/c.yaml'));
  });

  it('a fragment imported twice (a diamond) is merged once', () => {
    const root = repo({
      'cc.yaml': 'bcplan: 1\nimports: [a.yaml, b.yaml]\n',
      'a.yaml': 'bcplan: 1\nimports: [c.yaml]\n',
      'b.yaml': 'bcplan: 1\nimports: [c.yaml]\n',
      'c.yaml': FRAGMENT,
    });
    const plan = loadPlan(path.join(root, 'cc.yaml'));
    expect(plan.findings).toEqual([]);
    expect(plan.contacts.map((c) => c.value.id)).toEqual(['anna']);
  });

  const cases: {
    name: string;
    files: Record<string, string>;
    findings: [string, number, number, RegExp][];
  }[] = [
    {
      name: 'a missing import',
      files: { 'cc.yaml': 'bcplan: 1\nimports:\n  - shared/none.yaml\n' },
      findings: [
        ['cc.yaml', 3, 5, /^import shared\/none\.yaml does not exist \(looked for .*shared\/none\.yaml\)$/],
      ],
    },
    {
      name: 'a cycle, reported where it closes',
      files: {
        'cc.yaml': 'bcplan: 1\nimports: [a.yaml]\n',
        'a.yaml': 'bcplan: 1\nimports: [b.yaml]\n',
        'b.yaml': 'bcplan: 1\n# back\nimports: [a.yaml]\n',
      },
      findings: [['b.yaml', 3, 11, /^import a\.yaml is cyclic: cc\.yaml → a\.yaml → b\.yaml → a\.yaml$/]],
    },
    {
      name: 'a file importing itself',
      files: { 'cc.yaml': 'bcplan: 1\nimports: [./cc.yaml]\n' },
      findings: [['cc.yaml', 2, 11, /^import \.\/cc\.yaml is cyclic: cc\.yaml → cc\.yaml$/]],
    },
    {
      name: 'a folder',
      files: { 'cc.yaml': 'bcplan: 1\nimports: [shared]\n', 'shared/x.yaml': FRAGMENT },
      findings: [['cc.yaml', 2, 11, /^import shared is a folder; import a YAML fragment file$/]],
    },
    {
      name: 'a plan instead of a fragment: not merged, nor its imports',
      files: {
        'cc.yaml': 'bcplan: 1\nimports: [other.yaml]\n',
        'other.yaml': 'bcplan: 1\nimports: [c.yaml]\nplan: {}\n',
        'c.yaml': FRAGMENT,
      },
      findings: [
        [
          'cc.yaml',
          2,
          11,
          /^import other\.yaml is a plan, not a fragment: a fragment holds only contacts, roles, providers and access$/,
        ],
      ],
    },
    {
      name: 'a path outside the repository',
      files: { 'cc.yaml': 'bcplan: 1\nimports: [../outside.yaml]\n' },
      findings: [
        [
          'cc.yaml',
          2,
          11,
          /^import \.\.\/outside\.yaml points outside .*repo, the folder this plan's imports must stay in/,
        ],
      ],
    },
    {
      name: 'a fragment that is not well-formed YAML',
      files: { 'cc.yaml': 'bcplan: 1\nimports: [bad.yaml]\n', 'bad.yaml': 'bcplan: 1\ncontacts: [\n' },
      findings: [
        ['bad.yaml', 3, 1, /BAD_INDENT/],
        ['cc.yaml', 2, 11, /^import bad\.yaml could not be read: see the findings in .*bad\.yaml$/],
      ],
    },
  ];

  for (const c of cases) {
    it(`${c.name} is an import finding at the import path`, () => {
      const root = repo(c.files);
      const plan = loadPlan(path.join(root, 'cc.yaml'));
      const got = plan.findings.map(
        (f) => [path.relative(root, f.file), f.line, f.column, f.message] as const,
      );
      expect(got).toHaveLength(c.findings.length);
      c.findings.forEach(([file, line, column, message], i) => {
        expect(got[i]!.slice(0, 3)).toEqual([file, line, column]);
        expect(got[i]![3]).toMatch(message);
      });
      for (const f of plan.findings) {
        expect(f.rule).toBe(f.file.endsWith('bad.yaml') ? 'yaml-syntax' : 'import');
      }
      // Nothing from a rejected import is merged.
      expect(plan.contacts).toEqual([]);
      expect(plan.files.every((f) => !f.absPath.endsWith('other.yaml'))).toBe(true);
    });
  }

  it('allowOutsideRoot permits a path outside the repository', () => {
    const root = repo({ 'cc.yaml': 'bcplan: 1\nimports: [../outside.yaml]\n' });
    const plan = loadPlan(path.join(root, 'cc.yaml'), { allowOutsideRoot: true });
    expect(plan.findings).toEqual([]);
    expect(plan.files).toHaveLength(2);
  });

  it('imports that are not text are left to the schema', () => {
    const root = repo({ 'cc.yaml': 'bcplan: 1\nimports: [42, "", { a: 1 }]\n' });
    expect(loadPlan(path.join(root, 'cc.yaml')).findings).toEqual([]);
  });
});
