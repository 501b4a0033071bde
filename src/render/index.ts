import PDFDocument from 'pdfkit';
import type { Duration } from '../plan/dates.js';
import { parseDuration } from '../plan/dates.js';
import { defaultMatrix, type Language, planLanguage, resolveMatrix } from '../plan/matrix.js';
import type { Finding, LoadedPlan } from '../plan/types.js';
import { createContext } from './context.js';
import { drawCover, drawFirstHour } from './front.js';
import { type I18n, i18n as makeI18n } from './i18n.js';
import { bufferPageContent, COLORS, FONTS, type HeldPage, Layout, PAGE, SIZE } from './layout.js';
import { buildModel, type RunbookModel } from './model.js';
import {
  drawContacts,
  drawFindings,
  drawOperations,
  drawProviders,
  drawRiskMatrix,
  drawRoles,
  drawScenarios,
} from './sections.js';

export interface RenderOptions {
  /** Label language; the plan's `language` by default. */
  language?: Language | undefined;
  /** "Today" for stale and due marks. */
  asOf: Date;
  /** The generation date printed on the cover and stored as the PDF's dates. */
  created: Date;
  /** Only what this role must do and know (throws RangeError for an unknown role). */
  role?: string | undefined;
  /** Leave out personal phone numbers and email addresses. */
  redact?: boolean | undefined;
  staleAfter?: Duration | undefined;
  dueWindow?: Duration | undefined;
  /** Errors of a forced render: stamps "DRAFT – N errors" on every page. */
  draftErrors?: number | undefined;
  /** Listed in the appendix (warnings; errors too when forced). */
  findings?: Finding[] | undefined;
  /** The git commit of the plan file, when it lives in a repository. */
  commit?: { hash: string; modified: boolean } | undefined;
}

interface TocEntry {
  key: string;
  title: string;
  level: 1 | 2;
  page: number;
}

const TOC_SIZE = 10;
const PAGE_NUMBER_W = 34;

/** Renders the plan as a PDF runbook and returns its bytes; writes nothing. */
export async function renderRunbook(plan: LoadedPlan, options: RenderOptions): Promise<Buffer> {
  const language = options.language ?? planLanguage(plan);
  const i18n = makeI18n(language);
  const { t } = i18n;
  const matrix = plan.riskMatrix ? resolveMatrix(plan, language) : defaultMatrix(language);
  const model = buildModel(plan, {
    matrix,
    asOf: options.asOf,
    staleAfter: options.staleAfter ?? parseDuration('P12M')!,
    dueWindow: options.dueWindow ?? parseDuration('P30D')!,
    role: options.role,
    redact: options.redact,
  });
  const findings = options.findings ?? [];
  const draftErrors = options.draftErrors ?? 0;

  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
    font: FONTS.regular,
    pdfVersion: '1.7',
    tagged: true,
    subset: 'PDF/UA' as never,
    lang: language,
    displayTitle: true,
    info: {
      Title: model.title,
      Author: model.organization,
      Subject: t('runbook'),
      Creator: 'bcplan',
      Producer: 'bcplan (PDFKit)',
      CreationDate: options.created,
      ModDate: options.created,
    },
  });
  const output = collectOutput(doc);
  bufferPageContent(doc);
  const root = doc.struct('Document');
  doc.addStructure(root);
  const L = new Layout(doc, root);
  // One pass: the page count ("page X of Y") and the chapters' pages (the table of contents)
  // are known at its end, and filled in then.
  let pageCount = 0;
  L.onPage = (page) => drawRunningHeads(L, model, t, { page, pageCount: () => pageCount, draftErrors });
  const { toc, contents } = layOut(L, model, i18n, { ...options, findings, draftErrors });
  pageCount = L.pageCount;
  drawToc(L, contents, toc);
  L.drawLater();
  root.end();
  doc.end();
  return output;
}

/**
 * pdfkit writes the PDF token by token into a Node stream, each token turned into bytes by a
 * loop in JavaScript, and a large runbook is millions of tokens. Take them as strings and
 * convert them in batches instead: the same bytes, without the stream's work per token.
 * Resolves to the whole PDF once the document has ended.
 */
function collectOutput(doc: PDFKit.PDFDocument): Promise<Buffer> {
  const d = doc as unknown as { _offset: number; _write(data: unknown): void; read(): Buffer | null };
  const parts: Buffer[] = [];
  const header = d.read(); // what the constructor wrote
  if (header) parts.push(header);
  let text: string[] = [];
  const flush = () => {
    if (text.length === 0) return;
    parts.push(Buffer.from(text.join(''), 'latin1'));
    text = [];
  };
  // As pdfkit's _write: strings end with a newline and keep the low byte of each character.
  d._write = (data) => {
    if (data instanceof Uint8Array) {
      flush();
      parts.push(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
      d._offset += data.length;
    } else {
      const line = `${data}\n`;
      text.push(line);
      d._offset += line.length;
      if (text.length >= 8192) flush();
    }
  };
  return new Promise((resolve, reject) => {
    doc.on('end', () => {
      flush();
      resolve(Buffer.concat(parts));
    });
    doc.on('error', reject);
    doc.resume();
  });
}

/** The table of contents' pages, kept open until the chapters it lists are laid out. */
interface ContentsPages {
  title: string;
  pages: HeldPage[];
  lines: TocLine[];
  element: ReturnType<Layout['placeholder']>;
}

/** Lays out and draws the whole runbook but for the table of contents' entries and page numbers. */
function layOut(
  L: Layout,
  model: RunbookModel,
  i18n: I18n,
  options: RenderOptions,
): { toc: TocEntry[]; contents: ContentsPages } {
  const { doc } = L;
  const { t } = i18n;
  const findings = options.findings ?? [];
  const toc: TocEntry[] = [];
  let scenariosOutline: ReturnType<typeof doc.outline.addItem> | undefined;
  const ctx = createContext(L, model, i18n, (key, title, level) => {
    toc.push({ key, title, level, page: L.page });
    if (level === 2 && scenariosOutline) scenariosOutline.addItem(title);
    else {
      const item = doc.outline.addItem(title);
      if (key === 'scenarios') scenariosOutline = item;
    }
  });
  L.startPage();

  drawCover(ctx, {
    generated: options.created,
    commit: options.commit,
    draftErrors: options.draftErrors ?? 0,
  });
  drawFirstHour(ctx);

  // The table of contents comes before the chapters it lists: its length is known up front
  // (every entry is), its page numbers once the chapters are laid out.
  const planned: { title: string; level: 1 | 2 }[] = [
    { title: t('firstHour'), level: 1 },
    { title: t('riskMatrix'), level: 1 },
    { title: t('scenarios'), level: 1 },
    ...model.scenarios.map((s) => ({ title: s.title, level: 2 as const })),
    ...(
      [
        'roles',
        'callTree',
        'contacts',
        'providers',
        'coverage',
        'communication',
        'access',
        'exercises',
        'regulations',
        'distribution',
      ] as const
    ).map((k) => ({ title: t(k), level: 1 as const })),
    ...(findings.length > 0 ? [{ title: t('findings'), level: 1 as const }] : []),
  ];
  L.newPage();
  const tocLayout = layoutToc(L, planned);
  const title = t('contents');
  L.destination('contents', PAGE.top);
  doc.outline.addItem(title);
  const element = L.placeholder('TOC');
  const pages: HeldPage[] = [];
  for (let i = 0; i < tocLayout.pages; i++) {
    if (i > 0) L.addPage();
    L.markUsed();
    pages.push(L.hold());
  }

  drawRiskMatrix(ctx);
  drawScenarios(ctx);
  drawRoles(ctx);
  drawContacts(ctx);
  drawProviders(ctx);
  drawOperations(ctx);
  if (findings.length > 0) drawFindings(ctx, findings);
  return { toc, contents: { title, pages, lines: tocLayout.lines, element } };
}

/** Draws the table of contents on its held pages and ends them. */
function drawToc(L: Layout, contents: ContentsPages, entries: TocEntry[]): void {
  const { title, pages, lines, element } = contents;
  if (entries.length !== lines.length) throw new Error('the table of contents does not match the chapters');
  pages.forEach((page, p) => {
    L.drawOn(page, element, () => {
      if (p === 0) {
        L.tag('H1', () =>
          L.draw(title, L.left, PAGE.top, L.width, { font: 'bold', size: SIZE.h1, color: COLORS.accent }),
        );
      }
      entries.forEach((entry, i) => {
        if (lines[i]!.page === p) drawTocLine(L, entry, lines[i]!);
      });
    });
  });
  element.end();
  for (const page of pages) L.release(page);
}

function drawTocLine(L: Layout, entry: TocEntry, line: TocLine): void {
  const { doc } = L;
  const indent = entry.level === 2 ? 16 : 0;
  const style =
    entry.level === 1 ? ({ font: 'bold', size: TOC_SIZE } as const) : ({ size: TOC_SIZE - 0.5 } as const);
  const w = L.width - indent - PAGE_NUMBER_W;
  // TOCI > Link > (the entry's text, the link annotation): PDF/UA tags a link with its text.
  L.open('TOCI');
  L.open('Link');
  const link = L.parent;
  link.add(() => {
    L.draw(entry.title, L.left + indent, line.y, w, style, line.h);
    L.draw(String(entry.page + 1), L.right - PAGE_NUMBER_W, line.y, PAGE_NUMBER_W, {
      ...style,
      align: 'right',
    });
  });
  L.artifact(() => {
    L.style(style);
    const titleW = Math.min(doc.widthOfString(entry.title.split('\n').pop() ?? ''), w);
    const dotsY = line.y + line.h - 5;
    if (line.h < 20 && titleW < w - 12) {
      doc
        .moveTo(L.left + indent + titleW + 6, dotsY)
        .lineTo(L.right - PAGE_NUMBER_W - 4, dotsY)
        .dash(0.5, { space: 2.5 })
        .lineWidth(0.6)
        .strokeColor(COLORS.muted)
        .stroke();
      doc.undash();
    }
  });
  doc.goTo(L.left + indent, line.y, L.width - indent, line.h, entry.key, {
    structParent: link,
    Contents: new String(entry.title), // what a screen reader says for the link
  } as never);
  L.close();
  L.close();
}

interface TocLine {
  page: number;
  y: number;
  h: number;
}

/** Where each TOC line goes: pages needed and (page, y, height) per entry. */
function layoutToc(
  L: Layout,
  entries: { title: string; level: 1 | 2 }[],
): { pages: number; lines: TocLine[] } {
  let page = 0;
  let y = PAGE.top + 36;
  const lines: TocLine[] = [];
  for (const e of entries) {
    const indent = e.level === 2 ? 16 : 0;
    const style =
      e.level === 1 ? ({ font: 'bold', size: TOC_SIZE } as const) : ({ size: TOC_SIZE - 0.5 } as const);
    const h = L.heightOf(e.title, L.width - indent - PAGE_NUMBER_W, style);
    const before = e.level === 1 ? 5 : 1;
    if (y + before + h > L.bottom) {
      page++;
      y = PAGE.top;
    }
    y += before;
    lines.push({ page, y, h });
    y += h + 2;
  }
  return { pages: page + 1, lines };
}

/** Header (title, classification) and footer (version, page X of Y) of one page. */
function drawRunningHeads(
  L: Layout,
  model: { title: string; version: string; classification: string },
  t: I18n['t'],
  info: { page: number; pageCount: () => number; draftErrors: number },
): void {
  const { doc } = L;
  const classification = t(`class.${model.classification}` as 'class.internal') || model.classification;
  const secret = model.classification === 'confidential' || model.classification === 'strictly-confidential';
  const draft = info.draftErrors === 1 ? t('draftOne') : t('draft', { n: info.draftErrors });
  const small = { size: SIZE.small, color: COLORS.muted };
  const headY = PAGE.top - 38;
  const footY = PAGE.height - PAGE.bottom + 22;
  L.artifact(() => {
    if (info.draftErrors > 0) {
      // A diagonal stamp under the page's content, light enough to read through.
      doc.save();
      doc.fillOpacity(0.12);
      doc.rotate(-40, { origin: [PAGE.width / 2, PAGE.height / 2] });
      L.style({ font: 'bold', size: 46, color: COLORS.danger });
      const w = Math.min(doc.widthOfString(draft), 640);
      doc.text(draft, PAGE.width / 2 - w / 2, PAGE.height / 2 - 23, { lineBreak: false });
      doc.restore();
      L.resetStyle();
    }
    L.style({ font: 'bold', size: SIZE.small });
    const classW = doc.widthOfString(classification.toUpperCase()) + 2;
    L.draw(model.title, L.left, headY, L.width - classW - 20, small, L.heightOf('X', 100, small));
    L.draw(classification.toUpperCase(), L.right - classW, headY, classW, {
      font: 'bold',
      size: SIZE.small,
      color: secret ? COLORS.danger : COLORS.muted,
      align: 'right',
    });
    doc
      .moveTo(L.left, headY + 14)
      .lineTo(L.right, headY + 14)
      .lineWidth(0.5)
      .strokeColor(COLORS.rule)
      .stroke();
    doc
      .moveTo(L.left, footY - 6)
      .lineTo(L.right, footY - 6)
      .lineWidth(0.5)
      .strokeColor(COLORS.rule)
      .stroke();
    L.draw(`${t('version')} ${model.version}`, L.left, footY, 160, small);
    L.later(() =>
      L.draw(t('page', { x: info.page + 1, y: info.pageCount() }), L.right - 160, footY, 160, {
        ...small,
        align: 'right',
      }),
    );
    if (info.draftErrors > 0) {
      L.draw(draft, L.left + 160, footY, L.width - 320, {
        font: 'bold',
        size: SIZE.small,
        color: COLORS.danger,
        align: 'center',
      });
    }
  }, 'Pagination');
}
