import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { loadPlan } from '../src/plan/load.js';
import { type RenderOptions, renderRunbook } from '../src/render/index.js';
import { FONTS } from '../src/render/layout.js';
import { widthOf, wrapText } from '../src/render/text.js';
import { readPdf } from './helpers/pdf.js';

/** Defects found by reading rendered runbooks, each pinned by what a reader would see. */

const FIXTURE = path.join(import.meta.dirname, 'fixtures/render/plan.yaml');
const AS_OF = new Date(2026, 5, 1);
const CREATED = new Date(Date.UTC(2026, 5, 1));

/** The render fixture with some text replaced (each pair must match once). */
function variant(replacements: [string, string][]): string {
  let text = readFileSync(FIXTURE, 'utf8');
  for (const [from, to] of replacements) {
    if (!text.includes(from)) throw new Error(`not in the fixture: ${from}`);
    text = text.replace(from, to);
  }
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'bcplan-review-')), 'plan.yaml');
  writeFileSync(file, text);
  return file;
}

async function render(file: string, options: Partial<RenderOptions> = {}) {
  return readPdf(await renderRunbook(loadPlan(file), { asOf: AS_OF, created: CREATED, ...options }));
}

describe('line breaks in tables', () => {
  it('never breaks a phone number, nor a number from its unit', () => {
    const doc = new PDFDocument({ autoFirstPage: false });
    doc.font(FONTS.regular);
    const font = (doc as unknown as { _font: unknown })._font;
    const { lines } = wrapText(font, 8, 'Lene Dahl, +47 55 55 20 00, driftssenter@example.no', 80);
    expect(lines).toContain('+47 55 55 20 00,');
    // A gender suffix stays with its word; a longer part after the slash may start a line.
    // (The width fits everything up to the slash: the old rule left "r" alone on a line.)
    const upToSlash = widthOf(font, 'Stellvertretende Notfallbeauftragte/', 8) + 0.5;
    const suffix = wrapText(font, 8, 'Stellvertretende Notfallbeauftragte/r', upToSlash).lines;
    expect(suffix).toEqual(['Stellvertretende', 'Notfallbeauftragte/r']);
    expect(wrapText(font, 8, 'Notfallbeauftragte/Krisenstab', 80).lines).toEqual([
      'Notfallbeauftragte/',
      'Krisenstab',
    ]);
    expect(wrapText(font, 8, 'innerhalb von 30 Minuten · bis T+30 Minuten', 90).lines).toEqual([
      'innerhalb von',
      '30 Minuten · bis',
      'T+30 Minuten',
    ]);
  });

  it('gives a column the width of its longest word when others have room to spare', async () => {
    // Narrow columns broke "Mitarbeitende" into "Mitarbeitend" + "e", a provider contact's
    // phone number over two lines and email addresses in the middle.
    const pdf = await render(
      variant([
        [
          '    contacts: [kari-nordmann]\n',
          '    contacts: [kari-nordmann]\n    sla: Andrelinje svarer innen 30 minutter, døgnbemannet driftssenter\n',
        ],
        [
          '    phone: "+47 55 55 01 99"\n',
          '    phone: "+47 55 55 01 99"\n    email: driftssenter@example.no\n',
        ],
      ]),
    );
    const items = pdf.pages.flatMap((p) => p.items.map((i) => i.str.trim()));
    expect(items).toContain('Mitarbeitende');
    expect(items.some((s) => s.includes('+47 55 55 01 99'))).toBe(true);
    expect(items.some((s) => s.includes('+351 21 5550199'))).toBe(true);
    expect(items.some((s) => s.includes('driftssenter@example.no'))).toBe(true);
    expect(items.some((s) => s.includes('jonas.weber@example.com'))).toBe(true);
  });
});

describe('--role', () => {
  it('names the other roles in its steps and on the cover by title, not by id', async () => {
    // The extract left those roles out of the model, and their labels fell back to the ids.
    const pdf = await render(FIXTURE, { role: 'it-oncall' });
    expect(pdf.text).toContain('Auszug für die Rolle');
    expect(pdf.pages[0]!.text).toMatch(/Verantwortlich BCM-Verantwortlicher\b/); // the plan's owner
    expect(pdf.text).toMatch(/Verantwortlich Vendor Managerin\b/); // a scenario it has steps in
    expect(pdf.text).not.toContain('Lea Hoffmann'); // not a person it must reach
    expect(pdf.text).not.toMatch(/\b(continuity-manager|vendor-manager)\b/);
  });
});

describe('wording', () => {
  it('counts one provider, site and country in the singular', async () => {
    const file = variant([
      [
        '    services: [customer-hotline, email-support]\n    site: { city: Bergen',
        '    services: [customer-hotline]\n    site: { city: Bergen',
      ],
      ['    name: E-Mail-Support\n    criticality: high', '    name: E-Mail-Support\n    criticality: low'],
    ]);
    const de = (await render(file)).text;
    expect(de).toContain('1 Dienstleister, 1 Standort, 1 Land');
    expect(de).toContain('2 Dienstleister, 2 Standorte, 2 Länder');
    const en = (await render(file, { language: 'en' })).text;
    expect(en).toContain('1 provider, 1 site, 1 country');
    expect(en).toContain('2 providers, 2 sites, 2 countries');
  });
});

describe('translations', () => {
  it('Danish labels are Danish, not the Norwegian they were copied from', async () => {
    const pdf = await render(FIXTURE, { language: 'da' });
    for (const danish of ['Genereret', 'Opgaver', 'dækket']) expect(pdf.text).toContain(danish);
    for (const norwegian of ['Generert', 'Oppgaver', 'dekket']) expect(pdf.text).not.toContain(norwegian);
  });

  it('heads a column of one scenario or provider per row in the singular', async () => {
    const finding = {
      ...{ file: 'plan.yaml', line: 3, column: 5, endLine: 3, endColumn: 9, pointer: '/roles/3/id' },
      ...{ severity: 'warning' as const, rule: 'no-deputy', message: 'role it-oncall has no deputy' },
    };
    const headers = async (language: RenderOptions['language']) =>
      (await render(FIXTURE, { language, findings: [finding] })).pages.flatMap((p) =>
        p.items.map((i) => i.str.trim()),
      );
    const de = await headers('de');
    expect(de).toContain('Szenario');
    expect(de).toContain('Schweregrad');
    const nl = await headers('nl');
    expect(nl).toContain('Scenario');
    expect(nl).toContain('Leverancier');
  });
});

describe('durations', () => {
  it('are written in digits in Norwegian and Dutch, also in the running T+ time', async () => {
    const nb = (await render(FIXTURE, { language: 'nb' })).text;
    expect(nb).toContain('innen 1 time');
    expect(nb).toContain('T+1 time 15 minutter');
    expect(nb).toContain('1 dag'); // the hotline's MTPD
    expect(nb).not.toMatch(/\b(en|ett) (time|dag|minutt)\b/);
    const nl = (await render(FIXTURE, { language: 'nl' })).text;
    expect(nl).toContain('T+1 uur 15 minuten');
    expect(nl).not.toMatch(/\been (minuut|uur|dag)\b/);
  });
});

describe('emergency access', () => {
  it('says when an access entry falls due, not a bare "fällig am"', async () => {
    const pdf = await render(FIXTURE, { asOf: new Date(2026, 11, 20) });
    const page = pdf.pages.find(
      (p) => p.text.includes('Routing-Portal der Telefonanlage') && p.text.includes('Notfallzugänge'),
    )!;
    expect(page.text).toContain('◷ fällig am 15. Jan. 2027');
  });
});

describe('call tree', () => {
  it('counts the deputies that do not fit beside the primary instead of dropping them unseen', async () => {
    const ids = Array.from({ length: 40 }, (_, i) => `vertretung-${i + 1}`);
    const contacts = ids
      .map(
        (id, i) =>
          `  - { id: ${id}, name: Ersatz ${i + 1}, phone: "+49 541 555${String(i).padStart(4, '0')}", verified: 2026-01-15 }\n`,
      )
      .join('');
    const pdf = await render(
      variant([
        ['    deputies: [jonas-weber]\n', `    deputies: [${ids.join(', ')}]\n`],
        ['\ncontacts:\n', `\ncontacts:\n${contacts}`],
      ]),
    );
    // The call tree's page: each deputy box is labelled "Vertretung N" above the name.
    // (Page 2, the first hour, lists the first eight to call in the same words.)
    const page = pdf.pages.find((p, n) => n > 1 && p.text.includes('Vertretung 1 Ersatz 1 '))!;
    const drawn = ids.filter((_, i) => page.text.includes(`Vertretung ${i + 1} Ersatz ${i + 1} `)).length;
    expect(drawn).toBeGreaterThan(5);
    expect(drawn).toBeLessThan(40);
    expect(page.text).toContain(`+ ${40 - drawn} weitere → Kontaktverzeichnis`);
    // The contact directory still has every one of them.
    for (let i = 1; i <= 40; i++) expect(pdf.text).toContain(`Ersatz ${i} `);
  });
});

describe('providers', () => {
  it('says in words that a contract has ended or ends soon, not with a lone warning sign', async () => {
    const pdf = await render(
      variant([
        ['    contractEnds: 2027-12-31\n', '    contractEnds: 2026-05-01\n'],
        ['    contractEnds: 2027-06-30\n', '    contractEnds: 2026-06-20\n'],
      ]),
    );
    expect(pdf.text).toContain('abgelaufen: jetzt verlängern oder ersetzen');
    expect(pdf.text).toContain('läuft bald aus: verlängern oder ersetzen');
  });
});

describe('accessibility', () => {
  it('tags every table-of-contents link with its text (PDF/UA: Link element, OBJR, Contents)', async () => {
    const bytes = await renderRunbook(loadPlan(FIXTURE), { asOf: AS_OF, created: CREATED });
    const pdf = Buffer.from(bytes).toString('latin1');
    const annots = pdf.match(/<<[^<>]*\/Subtype \/Link[^<>]*>>/g) ?? [];
    const { outline } = await readPdf(bytes);
    expect(annots.length).toBeGreaterThanOrEqual(outline.length);
    for (const a of annots) {
      expect(a).toMatch(/\/StructParent \d+/);
      expect(a).toMatch(/\/Contents \(.+\)/);
    }
    // One Link structure element per annotation, each holding the annotation by reference.
    expect(pdf.match(/\/S \/Link\b/g)).toHaveLength(annots.length);
    expect(pdf.match(/\/Type \/OBJR/g)).toHaveLength(annots.length);
  });
});

describe('findings appendix', () => {
  it('heads the finding text "Meldung", not the "Botschaft" a communication sends', async () => {
    const finding = {
      file: 'plan.yaml',
      line: 3,
      column: 1,
      endLine: 3,
      endColumn: 5,
      severity: 'warning' as const,
      rule: 'no-deputy',
      message: 'role x has no deputy',
      pointer: '/roles/0/id',
    };
    const pdf = await render(FIXTURE, { findings: [finding] });
    const appendix = pdf.pages.find(
      (p) => p.text.includes('Anhang: Prüfergebnisse') && p.text.includes('Regel'),
    )!;
    expect(appendix.text).toContain('Meldung');
    expect(appendix.text).not.toContain('Botschaft');
  });
});

describe('risk matrix picture', () => {
  const plan = (levels: number) => {
    const list = Array.from(
      { length: levels },
      (_, i) => `    - { level: ${i + 1}, label: L${i + 1} }\n`,
    ).join('');
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'bcplan-matrix-')), 'plan.yaml');
    writeFileSync(
      file,
      `bcplan: 1\nplan: { id: p, title: T, organization: O, version: "1", owner: boss, emergencyOfficer: boss, reviewed: 2026-05-01 }\n` +
        `riskMatrix:\n  likelihood:\n${list}  impact:\n${list}  classes:\n    - { id: low, label: Niedrig, acceptable: true, upTo: ${levels * levels} }\n` +
        'roles:\n  - { id: boss, title: Boss, primary: anna, deputies: [bert] }\n' +
        'contacts:\n  - { id: anna, name: Anna, phone: "1", verified: 2026-05-01 }\n  - { id: bert, name: Bert, phone: "2", verified: 2026-05-01 }\n' +
        'scenarios:\n  - { id: s, title: S, likelihood: 1, impact: 1, owner: boss }\n',
    );
    return file;
  };

  it('is drawn up to 12 levels a side, and past that replaced by a sentence (300 × 300 cells took 750 MB)', async () => {
    const drawn = await render(plan(12));
    expect(drawn.text).toContain('12 · L12');
    expect(drawn.text).not.toContain('too many to draw');
    const large = await render(plan(13));
    expect(large.text).toContain('The matrix has 13 × 13 levels, too many to draw legibly');
    // The ratings table still rates every scenario.
    expect(large.text).toContain('1 · L1');
  });
});
