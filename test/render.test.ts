import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPlan } from '../src/plan/load.js';
import type { Language } from '../src/plan/matrix.js';
import { i18n } from '../src/render/i18n.js';
import { type RenderOptions, renderRunbook } from '../src/render/index.js';
import { overlaps, type ReadPdf, readPdf } from './helpers/pdf.js';
import { largePlanYaml } from './helpers/render-plans.js';

const FIXTURE = path.join(import.meta.dirname, 'fixtures/render/plan.yaml');
const AS_OF = new Date(2026, 5, 1);
const CREATED = new Date(Date.UTC(2026, 5, 1));

async function render(file: string, options: Partial<RenderOptions> = {}): Promise<Buffer> {
  return renderRunbook(loadPlan(file), { asOf: AS_OF, created: CREATED, ...options });
}

function writeTemp(name: string, text: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'bcplan-render-'));
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

const SCENARIO_TITLES = [
  'Ausfall eines Contact-Center-Dienstleisters',
  'Zugang zum Routing-Portal nicht möglich',
];

function expectWellFormedPages(pdf: ReadPdf): void {
  pdf.pages.forEach((page, i) => {
    // Nothing outside the page box.
    for (const item of page.items) {
      expect(item.x, `page ${i + 1}: "${item.str}"`).toBeGreaterThanOrEqual(0);
      expect(item.y, `page ${i + 1}: "${item.str}"`).toBeGreaterThanOrEqual(0);
      expect(item.y + item.h, `page ${i + 1}: "${item.str}"`).toBeLessThanOrEqual(page.height);
      if (!item.rotated)
        expect(item.x + item.w, `page ${i + 1}: "${item.str}"`).toBeLessThanOrEqual(page.width);
    }
    // Nothing drawn over other text, no page with only its running header and footer.
    expect(
      overlaps(page).map(([a, b]) => `${a.str} × ${b.str}`),
      `page ${i + 1}`,
    ).toEqual([]);
    expect(page.items.length, `page ${i + 1} is empty`).toBeGreaterThan(4);
  });
}

describe('renderRunbook: the German example', () => {
  let bytes: Buffer;
  let pdf: ReadPdf;
  beforeAll(async () => {
    bytes = await render(FIXTURE);
    pdf = await readPdf(bytes);
  });

  it('holds every section in the plan language, in order', () => {
    const t = i18n('de').t;
    const sections = [
      t('firstHour'),
      t('contents'),
      t('riskMatrix'),
      t('scenarios'),
      t('roles'),
      t('callTree'),
      t('contacts'),
      t('providers'),
      t('coverage'),
      t('communication'),
      t('access'),
      t('exercises'),
      t('regulations'),
      t('distribution'),
    ];
    let at = pdf.text.indexOf('Notfallplan Kundenservice');
    // After the table of contents, each heading appears again as its chapter.
    const afterToc = pdf.pages
      .slice(3)
      .map((p) => p.text)
      .join('\n');
    for (const s of sections.slice(2)) {
      expect(afterToc).toContain(s);
    }
    for (const s of sections) {
      const next = pdf.text.indexOf(s, at);
      expect(next, s).toBeGreaterThan(-1);
      at = Math.max(at, next);
    }
    expect(pdf.pages[1]!.text).toContain('Die erste Stunde');
    expect(pdf.pages[2]!.text).toContain('Inhalt');
  });

  it('has a chapter for every scenario, most severe first', () => {
    const chapterOf = (title: string) =>
      pdf.pages.findIndex((p) => p.text.includes(title) && p.text.includes('Ablauf'));
    const first = chapterOf(SCENARIO_TITLES[0]!);
    const second = chapterOf(SCENARIO_TITLES[1]!);
    expect(first).toBeGreaterThan(3);
    expect(second).toBeGreaterThan(first);
  });

  it('prints the cover facts, durations and dates in German', () => {
    const cover = pdf.pages[0]!.text;
    expect(cover).toContain('Muster Versand GmbH');
    expect(cover).toContain('Version');
    expect(cover).toContain('2.1');
    expect(cover).toContain('Vertraulich');
    expect(cover).toContain('10. Februar 2026'); // reviewed
    expect(cover).toContain('10. Februar 2027'); // next review
    expect(cover).toContain('1. Juni 2026'); // generated
    expect(pdf.text).toContain('4 Stunden'); // RTO of the hotline
    expect(pdf.text).toContain('innerhalb von 15 Minuten');
  });

  it('puts the emergency officer with phone numbers on the first-hour page', () => {
    const page = pdf.pages[1]!.text;
    expect(page).toContain('Anna Schmidt');
    expect(page).toContain('+49 170 5550101');
    expect(page).toContain('Jonas Weber');
    expect(page).toContain('Ein Contact-Center-Standort ist länger als 30 Minuten nicht erreichbar');
    expect(page).toContain('Notfall ausrufen');
  });

  it('labels every matrix cell with its class and places the scenario ids', () => {
    const matrixPage = pdf.pages.find((p) => p.text.includes('Risikomatrix') && p.text.includes('Legende'))!;
    expect(matrixPage).toBeDefined();
    for (const label of ['gering', 'mittel', 'hoch', 'kritisch', 'akzeptabel', 'nicht akzeptabel']) {
      expect(matrixPage.text).toContain(label);
    }
    expect(matrixPage.text).toContain('provider-outage');
    expect(matrixPage.text).toContain('routing-password-lost');
    expect(matrixPage.text).toContain('existenzbedrohend');
    expect(matrixPage.text).toContain('Eintrittswahrscheinlichkeit');
  });

  it('numbers every page "Seite X von Y" and has a header on each', () => {
    const n = pdf.pages.length;
    expect(n).toBeGreaterThanOrEqual(10);
    pdf.pages.forEach((p, i) => {
      expect(p.text).toContain(`Seite ${i + 1} von ${n}`);
      expect(p.text).toContain('VERTRAULICH');
    });
  });

  it('lists correct page numbers in the table of contents', () => {
    const toc = pdf.pages[2]!.items.map((i) => i.str);
    const contactsAt = pdf.pages.findIndex((p, i) => i > 2 && p.text.includes('Kontaktverzeichnis'));
    const entry = toc.indexOf('Kontaktverzeichnis');
    expect(entry).toBeGreaterThan(-1);
    expect(toc[entry + 1]).toBe(String(contactsAt + 1));
  });

  it('has an outline entry for every section and scenario', () => {
    const titles = pdf.outline.map((o) => o.title);
    expect(titles).toEqual([
      'Die erste Stunde',
      'Inhalt',
      'Risikomatrix',
      'Szenarien',
      'Rollen und Verantwortlichkeiten',
      'Alarmierungskette',
      'Kontaktverzeichnis',
      'Dienstleister',
      'Dienste und Dienstleister',
      'Kommunikationsplan',
      'Notfallzugänge',
      'Übungsprotokoll',
      'Vorschriften und Versicherungen',
      'Verteiler',
    ]);
    expect(pdf.outline.find((o) => o.title === 'Szenarien')!.items.map((o) => o.title)).toEqual(
      SCENARIO_TITLES,
    );
  });

  it('embeds and subsets every font (no standard 14 font)', () => {
    const raw = bytes.toString('latin1');
    const fonts = [...raw.matchAll(/\/BaseFont \/([A-Za-z0-9+_-]+)/g)].map((m) => m[1]);
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) expect(f).toMatch(/^[A-Z]{6}\+DejaVuSans/);
    expect(raw).toContain('/FontFile2');
    expect(raw).not.toMatch(/\/Helvetica|\/Times-Roman|\/Courier/);
  });

  it('is a tagged PDF with language and title', () => {
    const raw = bytes.toString('latin1');
    expect(raw).toContain('/StructTreeRoot');
    expect(raw).toMatch(/\/Marked true/);
    expect(raw).toContain('/Lang (de)');
    expect(raw).toContain('/DisplayDocTitle true');
  });

  it('keeps all text inside the page, without overlaps or empty pages', () => {
    expectWellFormedPages(pdf);
  });

  it('is byte-identical for the same input and date, different for another date', async () => {
    expect((await render(FIXTURE)).equals(bytes)).toBe(true);
    const other = await render(FIXTURE, { created: new Date(Date.UTC(2026, 5, 2)) });
    expect(other.equals(bytes)).toBe(false);
  });
});

describe('renderRunbook: languages', () => {
  it.each<[Language, string[]]>([
    ['en', ['The first hour', 'Risk matrix', 'Contact directory', 'Page 1 of', '4 hours', 'Likelihood']],
    ['nb', ['Den første timen', 'Risikomatrise', 'Kontaktliste', 'Side 1 av', '4 timer', 'Sannsynlighet']],
    ['da', ['Den første time', 'Risikomatrix', 'Side 1 af', '4 timer']],
    ['nl', ['Het eerste uur', 'Risicomatrix', 'Pagina 1 van', '4 uur']],
  ])('--lang %s overrides the plan language', async (language, labels) => {
    const pdf = await readPdf(await render(FIXTURE, { language }));
    for (const label of labels) expect(pdf.text).toContain(label);
    expect(pdf.text).not.toContain('Die erste Stunde');
  });

  it('translates the default matrix labels', async () => {
    const file = writeTemp(
      'nb.yaml',
      largePlanYaml({ contacts: 8, scenarios: 3, providers: 4, language: 'nb' }),
    );
    const pdf = await readPdf(await render(file));
    for (const label of [
      'sjelden',
      'nesten sikker',
      'alvorlig',
      'kritisk',
      'ikke akseptabel',
      'Konsekvens',
    ]) {
      expect(pdf.text).toContain(label);
    }
  });
});

describe('renderRunbook: filters and stamps', () => {
  it('--redact leaves out personal phone numbers and emails, keeps provider switchboards', async () => {
    const text = (await readPdf(await render(FIXTURE, { redact: true }))).text;
    for (const personal of [
      '+49 170 5550101',
      '+49 541 5550100',
      '+49 541 5550104',
      'anna.schmidt@example.com',
      '@example',
    ]) {
      expect(text).not.toContain(personal);
    }
    expect(text).toContain('+351 21 5550199'); // João Silva: the Lisbon provider's line
    expect(text).toContain('Notfallbeauftragte'); // role titles stay
    expect(text).toContain('Anna Schmidt');
  });

  it('--role keeps only what that role must do and know', async () => {
    const text = (await readPdf(await render(FIXTURE, { role: 'it-oncall' }))).text;
    expect(text).toContain('Auszug für die Rolle');
    expect(text).toContain('Gesamtes Volumen auf den verbleibenden Standort routen');
    expect(text).toContain('Notfallzugang aus dem Tresor verwenden');
    expect(text).toContain('Routing-Portal der Telefonanlage'); // access it holds
    expect(text).not.toContain('Rückführung nach Wiederanlauf'); // another role's step
    expect(text).not.toContain('Lea Hoffmann'); // the vendor manager is not its contact
    expect(text).not.toContain('SMS-Verteiler Krisenstab'); // communication of another role
  });

  it('an unknown role is refused', async () => {
    await expect(render(FIXTURE, { role: 'nobody' })).rejects.toThrow(RangeError);
  });

  it('stamps DRAFT on every page and lists the findings in an appendix', async () => {
    const finding = {
      file: 'plan.yaml',
      line: 3,
      column: 5,
      endLine: 3,
      endColumn: 9,
      severity: 'warning' as const,
      rule: 'no-deputy',
      message: 'role it-oncall has no deputy',
      pointer: '/roles/3/id',
    };
    const pdf = await readPdf(await render(FIXTURE, { draftErrors: 2, findings: [finding] }));
    for (const page of pdf.pages) expect(page.text).toContain('ENTWURF – 2 Fehler');
    expect(pdf.text).toContain('Anhang: Prüfergebnisse');
    expect(pdf.text).toContain('role it-oncall has no deputy');
    expect(pdf.outline.at(-1)!.title).toBe('Anhang: Prüfergebnisse');
    expectWellFormedPages(pdf);
  });
});

/** The table of contents' links: the page each is on, its text, and the page its destination is on. */
async function tocLinks(
  bytes: Buffer,
  pdf: ReadPdf,
): Promise<{ on: number; text: string[]; target: number }[]> {
  const doc = await getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
  const links: { on: number; text: string[]; target: number }[] = [];
  for (let i = 0; i < doc.numPages; i++) {
    const annotations = await (await doc.getPage(i + 1)).getAnnotations();
    for (const a of annotations) {
      if (a.subtype !== 'Link' || typeof a.dest !== 'string') continue;
      const [, y1, , y2] = a.rect as number[];
      const dest = (await doc.getDestination(a.dest)) as [{ num: number; gen: number }, ...unknown[]];
      links.push({
        on: i,
        text: pdf.pages[i]!.items.filter((it) => it.y >= y1! && it.y <= y2!).map((it) => it.str),
        target: await doc.getPageIndex(dest[0]),
      });
    }
  }
  await doc.destroy();
  return links;
}

describe('renderRunbook: a large plan', () => {
  it('numbers every page and lists the right page of each chapter in a table of contents over pages', async () => {
    const file = writeTemp('toc.yaml', largePlanYaml({ contacts: 40, scenarios: 60, providers: 6 }));
    const bytes = await render(file);
    const pdf = await readPdf(bytes);
    const n = pdf.pages.length;
    pdf.pages.forEach((p, i) => {
      expect(p.text).toContain(`Page ${i + 1} of ${n}`);
    });
    const links = await tocLinks(bytes, pdf);
    // First hour, risk matrix, scenarios, 60 scenarios, ten more chapters; on pages 3 and 4.
    expect(links).toHaveLength(73);
    expect(new Set(links.map((l) => l.on))).toEqual(new Set([2, 3]));
    for (const { text, target } of links) {
      // The title, then the page number, which is the page the entry links to.
      expect(text.length, text.join(' ')).toBeGreaterThanOrEqual(2);
      expect(text.at(-1), text.join(' ')).toBe(String(target + 1));
      expect([0, 2, 3]).not.toContain(target);
      expect(pdf.pages[target]!.text).toContain(text.slice(0, -1).join(' '));
    }
    expect(links[0]!.target).toBe(1); // the first hour
    expect(links.map((l) => l.target)).toEqual([...links.map((l) => l.target)].sort((a, b) => a - b));
  }, 60_000);

  it('breaks tables across pages with repeated headers, without overlaps or empty pages', async () => {
    const file = writeTemp('large.yaml', largePlanYaml({ contacts: 400, scenarios: 30, providers: 24 }));
    const pdf = await readPdf(await render(file));
    const start = pdf.pages.findIndex((p, i) => i > 2 && p.text.includes('Contact directory'));
    const end = pdf.pages.findIndex((p, i) => i > start && p.text.includes('Provider 0 AS'));
    const contactPages = pdf.pages.slice(start, end);
    expect(contactPages.length).toBeGreaterThan(5);
    for (const page of contactPages) {
      // The header row repeats on every page the directory continues to.
      expect(page.items.some((i) => i.str === 'Email')).toBe(true);
      expect(page.items.some((i) => i.str === 'Verified')).toBe(true);
    }
    expect(pdf.outline.find((o) => o.title === 'Scenarios')!.items).toHaveLength(30);
    for (let i = 0; i < 30; i++) expect(pdf.text).toContain(`Scenario ${i}: outage`);
    expectWellFormedPages(pdf);
  }, 60_000);
});
