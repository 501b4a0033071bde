import { execFile } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadPlan } from '../../src/plan/load.js';
import { renderRunbook } from '../../src/render/index.js';
import { checkPlan } from '../../src/validate.js';
import { BIN, ROOT } from '../helpers/cli.js';
import { readPdf } from '../helpers/pdf.js';

const BAD = path.join(ROOT, 'test/fixtures/bad');
const AS_OF = new Date(2026, 10, 22);
const tmp = mkdtempSync(path.join(os.tmpdir(), 'bcplan-sec-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A folder that looks like a git repository, so imports are confined to it. */
function repo(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmp, 'repo-'));
  mkdirSync(path.join(dir, '.git'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8' }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

const polluted = () =>
  [{}, [], Object.create(null) ?? {}, new Map()].some(
    (o) => (o as Record<string, unknown>).polluted !== undefined,
  ) || (Object.prototype as Record<string, unknown>).polluted !== undefined;

// Every kind of entry carries __proto__, constructor and prototype keys, so every rule and the
// renderer walk over them.
const PROTO = `
    __proto__: { polluted: yes }
    constructor: { prototype: { polluted: yes } }
    prototype: { polluted: yes }`;
const hostile = `bcplan: 1
__proto__: { polluted: yes }
constructor: { prototype: { polluted: yes } }
plan:
    id: hostile
    title: Hostile plan
    organization: Example AS
    version: "1"
    owner: officer
    emergencyOfficer: officer
    reviewed: 2026-06-01${PROTO}
riskMatrix:
  __proto__: { polluted: yes }
  likelihood: [{ level: 1, label: low, __proto__: { polluted: yes } }, { level: 2, label: high }]
  impact: [{ level: 1, label: low }, { level: 2, label: high }]
  classes: [{ id: ok, label: ok, upTo: 4, acceptable: true, __proto__: { polluted: yes } }]
roles:
  - id: officer
    title: Officer
    primary: kari
    deputies: [ola]${PROTO}
contacts:
  - id: kari
    name: Kari Nordmann
    phone: "+47 22 00 00 01"
    verified: 2026-06-01${PROTO}
  - id: ola
    name: Ola Nordmann
    email: ola@example.com
    verified: 2026-06-01
services:
  - id: web
    name: Web
    criticality: critical
    rto: PT4H
    mtpd: P1D${PROTO}
providers:
  - id: host-a
    name: Host A
    services: [web]
    site: { city: Oslo, country: "NO", __proto__: { polluted: yes } }
    contractEnds: 2026-12-01${PROTO}
scenarios:
  - id: outage
    title: Outage
    likelihood: 2
    impact: 2
    owner: officer
    services: [web]
    measures:
      __proto__: { polluted: yes }
      respond: [{ action: Call, owner: officer, within: PT1H, __proto__: { polluted: yes } }]${PROTO}
communication:
  - audience: staff
    owner: officer
    channel: SMS${PROTO}
access:
  - id: vault
    system: Vault
    vault: safe in office 2
    holders: [officer]
    verified: 2026-06-01${PROTO}
exercises:
  - date: 2026-05-01
    kind: tabletop
    scenarios: [outage]${PROTO}
`;

describe('no code runs from a plan', () => {
  it('JS-YAML function and regexp tags and custom tags never resolve to code', () => {
    const marker = '/tmp/bcplan-pwned';
    rmSync(marker, { force: true });
    for (const file of ['js-function.yaml', 'js-regexp-tag.yaml', 'custom-tag.yaml']) {
      const plan = loadPlan(path.join(BAD, file));
      expect(plan.findings.map((f) => f.rule)).toContain('yaml-syntax');
      // An unknown tag leaves the file unread: nothing of it reaches the rules or the renderer.
      expect(plan.root.data).toBeUndefined();
    }
    const text = readFileSync(path.join(BAD, 'js-function.yaml'), 'utf8').replace(/^# .*\n/, '');
    // Even written as a plain tagged value in an accepted position it stays data.
    const plan = loadPlan(path.join(BAD, 'js-function.yaml'));
    expect(JSON.stringify(plan.root.data ?? null)).not.toMatch(/function/);
    expect(text).toMatch(/!!js\/function/);
    expect(existsSync(marker)).toBe(false);
  });

  it('no value the loader returns is a function, for any tag in the corpus', () => {
    const walk = (v: unknown): boolean =>
      typeof v === 'function' ||
      (v !== null && typeof v === 'object' && Object.values(v as object).some(walk));
    for (const name of [
      'js-function.yaml',
      'js-regexp-tag.yaml',
      'custom-tag.yaml',
      'bad-collection-type.yaml',
    ]) {
      const plan = loadPlan(path.join(BAD, name));
      for (const f of plan.files) expect(walk(f.data)).toBe(false);
    }
  });
});

describe('prototype keys', () => {
  it('pollute nothing through the loader, every rule and the renderer', async () => {
    const dir = repo({ 'plan.yaml': hostile });
    const file = path.join(dir, 'plan.yaml');
    const loaded = loadPlan(file);
    expect(loaded.findings).toEqual([]);
    // The keys are kept as plain own data, so the schema can name them.
    const data = loaded.root.data as Record<string, unknown>;
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
    expect(Object.hasOwn(data, '__proto__')).toBe(true);
    expect(polluted()).toBe(false);

    const result = checkPlan(file, { asOf: AS_OF });
    expect(polluted()).toBe(false);
    expect(result.findings.filter((f) => /failed on this plan/.test(f.message))).toEqual([]);
    const unknown = result.findings.filter((f) => f.rule === 'schema' && /__proto__/.test(f.message));
    expect(unknown.length).toBeGreaterThan(5);

    const pdf = await renderRunbook(result.plan, { asOf: AS_OF, created: AS_OF, draftErrors: 1 });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(polluted()).toBe(false);
  });

  it('the CLI validates, renders (forced), reviews and shows the matrix of such a plan without crashing', async () => {
    const dir = repo({ 'plan.yaml': hostile });
    const file = path.join(dir, 'plan.yaml');
    const runs = await Promise.all([
      run(['validate', file, '--format', 'json', '--as-of', '2026-11-22']),
      run(['render', file, '--force', '-o', path.join(dir, 'out.pdf'), '--as-of', '2026-11-22']),
      run(['review', file, '--format', 'json', '--as-of', '2026-11-22']),
      run(['matrix', file]),
    ]);
    for (const r of runs) {
      expect([0, 1]).toContain(r.code);
      expect(r.stderr).not.toMatch(/\n\s+at |internal error/);
    }
    expect(existsSync(path.join(dir, 'out.pdf'))).toBe(true);
  });
});

describe('imports stay inside the repository', () => {
  const fragment =
    'bcplan: 1\ncontacts:\n  - id: eve\n    name: Eve\n    email: eve@example.com\n    verified: 2026-06-01\n';
  const planImporting = (spec: string) => `bcplan: 1\nimports: [${spec}]\n`;

  it('a relative path out of the repository is an import finding, unless allowed', () => {
    const outside = mkdtempSync(path.join(tmp, 'outside-'));
    writeFileSync(path.join(outside, 'secret.yaml'), fragment);
    const dir = repo({
      'plan.yaml': planImporting(path.relative(tmp, path.join(outside, 'secret.yaml')).replace(/^/, '../')),
    });
    const denied = loadPlan(path.join(dir, 'plan.yaml'));
    expect(denied.findings.map((f) => [f.rule, f.line])).toEqual([['import', 2]]);
    expect(denied.findings[0]!.message).toMatch(/points outside/);
    expect(denied.contacts).toEqual([]);
    const allowed = loadPlan(path.join(dir, 'plan.yaml'), { allowOutsideRoot: true });
    expect(allowed.contacts.map((c) => c.value.id)).toEqual(['eve']);
  });

  it('an absolute path out of the repository is refused', () => {
    const dir = repo({ 'plan.yaml': planImporting('/etc/passwd') });
    const plan = loadPlan(path.join(dir, 'plan.yaml'));
    expect(plan.findings.map((f) => f.rule)).toEqual(['import']);
    expect(plan.files).toHaveLength(1);
  });

  it('a symlink inside the repository pointing outside is refused', () => {
    const outside = mkdtempSync(path.join(tmp, 'outside-'));
    writeFileSync(path.join(outside, 'people.yaml'), fragment);
    const dir = repo({ 'plan.yaml': planImporting('shared/people.yaml') });
    symlinkSync(outside, path.join(dir, 'shared'));
    const plan = loadPlan(path.join(dir, 'plan.yaml'));
    expect(plan.findings.map((f) => [f.rule, f.line])).toEqual([['import', 2]]);
    expect(plan.findings[0]!.message).toMatch(/outside/);
    expect(plan.contacts).toEqual([]);
    // A file symlink too.
    const dir2 = repo({ 'plan.yaml': planImporting('people.yaml') });
    symlinkSync(path.join(outside, 'people.yaml'), path.join(dir2, 'people.yaml'));
    expect(loadPlan(path.join(dir2, 'plan.yaml')).findings.map((f) => f.rule)).toEqual(['import']);
    // Allowed with the flag.
    expect(loadPlan(path.join(dir, 'plan.yaml'), { allowOutsideRoot: true }).contacts).toHaveLength(1);
  });

  it('a symlink that stays inside the repository is fine', () => {
    const dir = repo({ 'plan.yaml': planImporting('link.yaml'), 'real/people.yaml': fragment });
    symlinkSync(path.join(dir, 'real/people.yaml'), path.join(dir, 'link.yaml'));
    const plan = loadPlan(path.join(dir, 'plan.yaml'));
    expect(plan.findings).toEqual([]);
    expect(plan.contacts).toHaveLength(1);
  });
});

describe('messages print no more personal data than the value at fault', () => {
  const contact = {
    name: 'Ingrid Sørensen-Privat',
    email: 'ingrid.private@example.org',
    mobile: '+47 911 22 333',
    organization: 'Hjemmekontor Sørensen',
  };
  const plan = (phone: string) => `bcplan: 1
plan: { id: p, title: P, organization: O, version: "1", owner: r, emergencyOfficer: r, reviewed: 2026-06-01 }
roles: [{ id: r, title: R, primary: ingrid, deputies: [ingrid2] }]
contacts:
  - id: ingrid
    name: ${contact.name}
    organization: ${contact.organization}
    phone: ${phone}
    mobile: "${contact.mobile}"
    email: ${contact.email}
    verified: 2026-06-01
  - { id: ingrid2, name: Deputy, email: d@example.com, verified: 2026-06-01 }
scenarios: [{ id: s, title: S, likelihood: 1, impact: 1, owner: r }]
`;
  for (const phone of ['"call my husband first"', '[1, 2]', '{ home: "+47 22" }', 'true']) {
    it(`a bad phone (${phone}) names only itself`, async () => {
      const dir = repo({ 'plan.yaml': plan(phone) });
      const r = await run([
        'validate',
        path.join(dir, 'plan.yaml'),
        '--format',
        'json',
        '--as-of',
        '2026-11-22',
      ]);
      expect(r.code).toBe(1);
      const findings = (
        JSON.parse(r.stdout) as { findings: { rule: string; message: string; pointer: string }[] }
      ).findings;
      const phoneFindings = findings.filter((f) => f.pointer.startsWith('/contacts/0/phone'));
      expect(phoneFindings.length).toBeGreaterThan(0);
      const all = `${r.stdout}${r.stderr}`;
      for (const value of Object.values(contact)) expect(all).not.toContain(value);
    });
  }
});

describe('a credential in the plan is masked wherever another message quotes it', () => {
  // Assembled at run time so this file does not look like a leak.
  const ghp = `ghp_${'a1B2c3D4e5F6g7H8i9J0'}${'k1L2m3N4o5P6q7R8'}`;
  // Not the examples of docs/rules.md, which SARIF carries as the rules' help.
  const secrets = ['Geheim1!', 'geheim1', '4711', ghp.slice(4), 'hunter2xyz', 'Winterlinde31', 'Kn0blauch'];
  const plan = `bcplan: 1
imports: ["password=hunter2xyz.yaml"]
plan: { id: p, title: P, organization: O, version: "1", owner: boss, emergencyOfficer: boss, reviewed: 2026-06-01 }
roles:
  - { id: boss, title: Boss, primary: "Passwort: Geheim1!", deputies: [anna] }
contacts:
  - { id: anna, name: Anna, phone: "+47 1", verified: 2026-06-01, "Kennwort: Kn0blauch#": x }
services:
  - { id: s, name: S, criticality: "token ${ghp}" }
scenarios:
  - { id: x, title: X, likelihood: "PIN 4711", impact: 1, owner: boss }
access:
  - { id: vpn, system: "VPN Passwort: Winterlinde31", vault: Tresor, holders: [boss], verified: 2025-11-01 }
`;

  it('in validate’s findings of other rules, in every format', async () => {
    const dir = repo({ 'plan.yaml': plan });
    const file = path.join(dir, 'plan.yaml');
    const json = await run(['validate', file, '--format', 'json', '--as-of', '2026-11-22']);
    const findings = (JSON.parse(json.stdout) as { findings: { rule: string; message: string }[] }).findings;
    // The findings that quote the values are still there, with the credential masked.
    const quoting = findings.filter((f) => f.rule !== 'secret-in-plan' && f.message.includes('****'));
    expect(quoting.map((f) => f.rule).sort()).toEqual([
      'import',
      'schema',
      'schema',
      'unknown-level',
      'unknown-reference',
    ]);
    // Six: the key holding a password is reported at the key, its path masked in the message.
    expect(findings.filter((f) => f.rule === 'secret-in-plan')).toHaveLength(6);
    for (const format of ['json', 'stylish', 'sarif', 'junit', 'github']) {
      const r = await run(['validate', file, '--format', format, '--as-of', '2026-11-22']);
      expect(r.code).toBe(1);
      for (const secret of secrets) expect(`${r.stdout}${r.stderr}`).not.toContain(secret);
    }
  });

  it('in a runbook rendered with --force', async () => {
    const dir = repo({ 'plan.yaml': plan });
    const out = path.join(dir, 'draft.pdf');
    const r = await run([
      'render',
      path.join(dir, 'plan.yaml'),
      '-o',
      out,
      '--force',
      '--as-of',
      '2026-11-22',
    ]);
    expect(r.code).toBe(0);
    const text = (await readPdf(readFileSync(out))).text;
    expect(text).toContain('VPN Passwort: ****');
    for (const secret of secrets) expect(text).not.toContain(secret);
    // The appendix of a runbook in another language words the findings anew: masked the same.
    const nb = path.join(dir, 'draft-nb.pdf');
    const args = ['render', path.join(dir, 'plan.yaml'), '-o', nb, '--force', '--as-of', '2026-11-22'];
    expect((await run([...args, '--lang', 'nb'])).code).toBe(0);
    const norwegian = (await readPdf(readFileSync(nb))).text;
    expect(norwegian).toContain('Passwort: ****');
    for (const secret of secrets) expect(norwegian).not.toContain(secret);
  });

  it('in review’s digest, in every format', async () => {
    const dir = repo({ 'plan.yaml': plan });
    for (const format of ['text', 'json', 'ics']) {
      const r = await run([
        'review',
        path.join(dir, 'plan.yaml'),
        '--format',
        format,
        '--as-of',
        '2026-11-22',
      ]);
      expect(r.stdout).toContain('VPN Passwort: ****');
      for (const secret of secrets) expect(`${r.stdout}${r.stderr}`).not.toContain(secret);
    }
  });
});

describe('the PDF carries nothing the user did not write', () => {
  const DANGER = [
    '/URI',
    '/Launch',
    '/EmbeddedFile',
    '/EmbeddedFiles',
    '/JavaScript',
    '/JS ',
    '/JS(',
    '/AA',
    '/SubmitForm',
    '/ImportData',
    '/GoToR',
    '/RichMedia',
  ];
  const examples = ['contact-center', 'logistics', 'service-desk'];

  for (const name of examples) {
    it(`examples/${name}: no links out, no launch, no embedded files, no JavaScript`, async () => {
      const out = path.join(tmp, `${name}.pdf`);
      const r = await run([
        'render',
        `examples/${name}/plan.yaml`,
        '-o',
        out,
        '--force',
        '--as-of',
        '2026-11-22',
      ]);
      expect(r.code).toBe(0);
      const pdf = readFileSync(out).toString('latin1');
      for (const key of DANGER) expect(pdf, key).not.toContain(key);
      // /OpenAction may only open a page, never run a script.
      for (const m of pdf.matchAll(/\/OpenAction\s*(<<[^>]*>>|\[[^\]]*\])/g))
        expect(m[1]).not.toMatch(/JavaScript|JS/);
      // Internal links (the table of contents) only go to a page of this document.
      const links = [...pdf.matchAll(/\/Subtype \/Link\n\/A (\d+) 0 R/g)];
      expect(links.length).toBeGreaterThan(0);
      for (const [, id] of links) {
        const action = pdf.match(new RegExp(`\\n${id} 0 obj\\n(<<[\\s\\S]*?>>)\\nendobj`))?.[1];
        expect(action).toMatch(/\/S \/GoTo\b/);
      }
    });
  }

  it('URLs and javascript: text in a plan stay text in the PDF', async () => {
    const dir = repo({
      'plan.yaml': readFileSync(path.join(ROOT, 'examples/service-desk/plan.yaml'), 'utf8').replace(
        /^(\s+title: )(.*)$/m,
        '$1"Visit https://evil.example/x and javascript:alert(1) file:///etc/passwd"',
      ),
    });
    const out = path.join(dir, 'out.pdf');
    const r = await run([
      'render',
      path.join(dir, 'plan.yaml'),
      '-o',
      out,
      '--force',
      '--as-of',
      '2026-11-22',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const pdf = readFileSync(out).toString('latin1');
    for (const key of DANGER) expect(pdf, key).not.toContain(key);
  });
});
