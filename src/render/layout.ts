import { createRequire } from 'node:module';
import type PDFDocument from 'pdfkit';
import { installFastLayout, type Wrapped, widestUnbreakable, widthOf, wrapText } from './text.js';

type Doc = InstanceType<typeof PDFDocument>;
type StructElement = ReturnType<Doc['struct']>;

const require = createRequire(import.meta.url);
/**
 * Fonts are given to pdfkit by absolute path: `registerFont` + names re-parses the TTF for
 * every table cell (ENGINEERING.md). DejaVu covers æøå, ß, äöü, ç, ł and €.
 */
export const FONTS = {
  regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
  italic: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Oblique.ttf'),
};
export type FontName = keyof typeof FONTS;

/** A4 portrait; the content box leaves room for the running header and footer. */
export const PAGE = { width: 595.28, height: 841.89, left: 56, right: 56, top: 74, bottom: 66 };

export const COLORS = {
  text: '#1b1f24',
  muted: '#5b6570',
  accent: '#1f3a5f',
  accentLight: '#e7edf4',
  rule: '#c9d1da',
  zebra: '#f5f7f9',
  danger: '#b3261e',
  warn: '#8a5a00',
  ok: '#1e6b34',
};

export const SIZE = { body: 9.5, small: 8, tiny: 7, h1: 18, h2: 13.5, h3: 11 };

export interface TextStyle {
  font?: FontName;
  size?: number;
  color?: string;
  align?: 'left' | 'right' | 'center';
  lineGap?: number;
}

export interface Column {
  header: string;
  /** A share of the table width; shares are normalized. */
  width: number;
  align?: 'left' | 'right' | 'center';
}

export interface Cell {
  text: string;
  font?: FontName;
  color?: string;
  /** A second, smaller grey line under the text. */
  sub?: string;
  /** Draws an empty tick box instead of text. */
  checkbox?: boolean;
  /** Never wrap (phone numbers, dates): the column is widened to fit. */
  nowrap?: boolean;
}

export type CellInput = string | Cell;

/**
 * pdfkit turns every content operator into its own small byte array, one JavaScript loop per
 * character, and keeps them until the page ends. Collect the operators of a page as strings
 * and convert them once, when the page is written: the same bytes, a fraction of the work.
 */
export function bufferPageContent(doc: Doc): void {
  type Page = { write(chunk: unknown): unknown; end(): unknown; content: { write(chunk: unknown): unknown } };
  const patch = (page: Page) => {
    const parts: string[] = [];
    const flush = () => {
      if (parts.length === 0) return;
      page.content.write(Buffer.from(`${parts.join('\n')}\n`, 'latin1'));
      parts.length = 0;
    };
    page.write = (chunk: unknown) => {
      if (typeof chunk === 'string') parts.push(chunk);
      else {
        flush();
        page.content.write(chunk);
      }
    };
    const end = page.end.bind(page);
    page.end = () => {
      flush();
      return end();
    };
  };
  const d = doc as unknown as { page?: Page; on(event: string, f: () => void): void };
  if (d.page) patch(d.page);
  d.on('pageAdded', () => patch(d.page!));
}

/** Line breaks by text, then font, size and width. */
type WrapCache = Map<string, { font: string; size: number; width: number; lines: Wrapped }[]>;
/** Enough for the distinct texts of a very large plan; a few tens of MB at most. */
const MAX_WRAPPED = 200_000;

/** pdfkit's number format in content streams (six decimals at most). */
const num = (n: number): number => Math.round(n * 1e6) / 1e6;

/** The parts of pdfkit's document and font objects that `textOps` writes with. */
interface PdfkitInternals {
  _font: {
    id: string;
    ascender: number;
    ref(): unknown;
    encode(
      text: string,
    ): [string[], { xAdvance: number; advanceWidth: number; xOffset: number; yOffset: number }[]];
  };
  _fontSize: number;
  page: { height: number; fonts: Record<string, unknown> };
}

/** A pdfkit page as far as `hold` and `later` use it. */
interface PdfkitPage {
  height: number;
  markings: unknown[];
  resources: { data: Record<string, unknown> };
  xobjects: Record<string, unknown>;
  write(chunk: unknown): unknown;
  end(): unknown;
}

interface PdfkitPages {
  page: PdfkitPage;
  _pageBuffer: PdfkitPage[];
  endPageMarkings(page: PdfkitPage): unknown;
}

/** A page kept open (`hold`) to be drawn on after later pages: the table of contents. */
export type HeldPage = PdfkitPage;

/** Most lines of a runbook recur (running heads, table headers, names): a few MB at most. */
const MAX_RUNS = 100_000;

/**
 * The TJ operator that shows a line in a font, as pdfkit writes it (the glyphs, kerning in
 * thousandths of the size); null for a line whose glyphs are moved off the baseline. The same
 * for every size: encoding also adds the glyphs to the font's subset, once is enough.
 */
function showText(font: PdfkitInternals['_font'], line: string): string | null {
  const [encoded, positions] = font.encode(line);
  for (const p of positions) if (p.xOffset || p.yOffset) return null;
  const parts: string[] = [];
  let last = 0;
  for (let i = 0; i < positions.length; i++) {
    const p = positions[i]!;
    if (p.xAdvance - p.advanceWidth !== 0 || i === positions.length - 1) {
      parts.push(`<${encoded.slice(last, i + 1).join('')}> ${num(-(p.xAdvance - p.advanceWidth))}`);
      last = i + 1;
    }
  }
  return `[${parts.join(' ')}] TJ`;
}

/**
 * The page model: a cursor that moves down the content box, explicit page breaks only
 * between blocks (pdfkit never breaks a page on its own: every text call gets a height),
 * and every block tagged for the structure tree.
 */
export class Layout {
  y = PAGE.top;
  readonly left = PAGE.left;
  readonly width = PAGE.width - PAGE.left - PAGE.right;
  readonly bottom = PAGE.height - PAGE.bottom;
  /** The 0-based index of the current page. */
  page = 0;
  /** Called on every new page before anything else is drawn (running header and footer). */
  onPage: ((page: number) => void) | undefined;
  private parents: StructElement[] = [];
  private pageUsed = false;
  /** Headers to repeat when a table breaks across pages. */
  private onBreak: (() => void) | undefined;
  /** Line breaks of the texts measured: `heightOf` and then `draw` break a text once. */
  private readonly wrapped: WrapCache = new Map();
  private readonly colorOps = new Map<string, string>();
  /** `showText` by font id and line. */
  private readonly runs = new Map<string, Map<string, string | null>>();
  /** Content placed now and drawn by `drawLater` (see `later`). */
  private pending: { form: { data: Record<string, unknown>; end(chunk: Buffer): void }; draw: () => void }[] =
    [];

  /**
   * One pass lays out and draws; what is known only at the end (the page count, the pages of
   * the chapters) goes where `later` and `hold` keep room for it.
   */
  constructor(
    readonly doc: Doc,
    root: StructElement,
  ) {
    this.parents.push(root);
  }

  get right(): number {
    return this.left + this.width;
  }

  get remaining(): number {
    return this.bottom - this.y;
  }

  get pageCount(): number {
    return this.page + 1;
  }

  /** Starts a new page unless the current one is still empty (no empty pages). */
  newPage(): void {
    if (!this.pageUsed) {
      this.y = PAGE.top;
      return;
    }
    this.addPage();
    this.onBreak?.();
  }

  /** Always starts a new page (reserved pages such as the table of contents). */
  addPage(): void {
    this.doc.addPage();
    this.page++;
    this.y = PAGE.top;
    this.startPage();
  }

  /** Draws the running heads of the current page; leaves it counted as empty. */
  startPage(): void {
    this.onPage?.(this.page);
    this.pageUsed = false;
  }

  /** Makes room for a block of height h, breaking the page when it does not fit. */
  ensure(h: number): void {
    if (this.y + h > this.bottom && this.pageUsed) this.newPage();
  }

  space(h: number): void {
    if (this.pageUsed) this.y = Math.min(this.y + h, this.bottom);
  }

  markUsed(): void {
    this.pageUsed = true;
  }

  private current = { font: '', size: 0, color: '' };

  /** Sets font, size and colour, skipping what is already set (pdfkit re-resolves each call). */
  style(s: TextStyle = {}): Doc {
    const font = FONTS[s.font ?? 'regular'];
    const size = s.size ?? SIZE.body;
    const color = s.color ?? COLORS.text;
    const current = this.current;
    if (font !== current.font) {
      this.doc.font(font);
      installFastLayout((this.doc as unknown as { _font: unknown })._font);
      current.font = font;
    }
    if (size !== current.size) {
      this.doc.fontSize(size);
      current.size = size;
    }
    if (color !== current.color) {
      this.fillColor(color);
      current.color = color;
    }
    return this.doc;
  }

  /** pdfkit's `fillColor`, its operators kept by colour (pdfkit parses the colour every time). */
  private fillColor(color: string): void {
    const doc = this.doc as unknown as { addContent(data: string): unknown; _fillColor: unknown };
    let ops = this.colorOps.get(color);
    if (ops === undefined) {
      const written: string[] = [];
      const addContent = doc.addContent;
      doc.addContent = (data) => written.push(data);
      this.doc.fillColor(color);
      doc.addContent = addContent;
      ops = written.join('\n');
      this.colorOps.set(color, ops);
    }
    doc.addContent(ops);
    doc._fillColor = [color, undefined];
  }

  /** Drawing code that sets colours or fonts on the document directly must call this after. */
  resetStyle(): void {
    this.current = { font: '', size: 0, color: '' };
  }

  /** The lines of a text in a style and width (sets the style). */
  wrap(text: string, width: number, s: TextStyle = {}): Wrapped {
    this.style(s);
    const { font, size } = this.current;
    let list = this.wrapped.get(text);
    if (list) {
      for (const e of list) if (e.font === font && e.size === size && e.width === width) return e.lines;
    } else {
      if (this.wrapped.size >= MAX_WRAPPED) this.wrapped.clear();
      list = [];
      this.wrapped.set(text, list);
    }
    const lines = wrapText(this.font, size, text, width);
    list.push({ font, size, width, lines });
    return lines;
  }

  /** pdfkit's current font object. */
  private get font(): unknown {
    return (this.doc as unknown as { _font: unknown })._font;
  }

  /** The width of a single line in the current style (sets the style). */
  widthOf(text: string, s: TextStyle = {}): number {
    this.style(s);
    return widthOf(this.font, text, this.current.size);
  }

  lineHeight(s: TextStyle = {}): number {
    this.style(s);
    return this.doc.currentLineHeight(true) + (s.lineGap ?? 1);
  }

  heightOf(text: string, width: number, s: TextStyle = {}): number {
    return this.wrap(text, width, s).lines.length * this.lineHeight(s);
  }

  /**
   * Draws text at (x, y) inside width, line by line, broken once by `wrap`; never lets pdfkit
   * add a page. With a height, lines that do not fit are left out and the last one shown
   * ends in an ellipsis.
   */
  draw(text: string, x: number, y: number, width: number, s: TextStyle = {}, height?: number): number {
    this.pageUsed = true;
    const { lines, widths } = this.wrap(text, width, s);
    const lh = this.lineHeight(s);
    let n = lines.length;
    let last: string | undefined;
    if (height !== undefined && n * lh > height + 2) {
      n = Math.floor((height + 2) / lh);
      if (n > 0) {
        let t = lines[n - 1]!.replace(/\s+$/, '');
        while (t && this.widthOf(`${t}…`, s) > width) t = t.slice(0, -1);
        last = `${t.replace(/\s+$/, '')}…`;
      }
    }
    const ops: string[] = [];
    for (let i = 0; i < n; i++) {
      const line = i === n - 1 && last !== undefined ? last : lines[i]!;
      if (!line) continue;
      const w = line === lines[i] ? widths[i]! : this.widthOf(line, s);
      const dx = s.align === 'right' ? width - w : s.align === 'center' ? (width - w) / 2 : 0;
      if (!this.textOps(ops, line, x + dx, y + i * lh)) {
        this.flushText(ops);
        this.doc.text(line, x + dx, y + i * lh, { lineBreak: false });
      }
    }
    this.flushText(ops);
    return height ?? lines.length * lh;
  }

  /**
   * The content operators pdfkit's `text(line, x, y, { lineBreak: false })` writes, without its
   * option handling, measuring and per-line graphics state: one text object per `draw`.
   * False for a line whose glyphs are moved off the baseline (pdfkit draws those).
   */
  private textOps(ops: string[], line: string, x: number, y: number): boolean {
    const doc = this.doc as unknown as PdfkitInternals;
    const font = doc._font;
    let runs = this.runs.get(font.id);
    if (!runs) {
      runs = new Map();
      this.runs.set(font.id, runs);
    }
    let run = runs.get(line);
    if (run === undefined) {
      run = showText(font, line);
      if (runs.size >= MAX_RUNS) runs.clear();
      runs.set(line, run);
    }
    if (run === null) return false;
    if (doc.page.fonts[font.id] == null) doc.page.fonts[font.id] = font.ref();
    const size = doc._fontSize;
    if (ops.length === 0) ops.push('q', `1 0 0 -1 0 ${num(doc.page.height)} cm`, 'BT');
    ops.push(`1 0 0 1 ${num(x)} ${num(doc.page.height - y - (font.ascender / 1000) * size)} Tm`);
    ops.push(`/${font.id} ${num(size)} Tf`);
    ops.push(run);
    return true;
  }

  private flushText(ops: string[]): void {
    if (ops.length === 0) return;
    ops.push('ET', 'Q');
    this.doc.addContent(ops.join('\n'));
    ops.length = 0;
  }

  // --- structure tree -------------------------------------------------------------------

  get parent(): StructElement {
    return this.parents[this.parents.length - 1]!;
  }

  /** Opens a grouping element (Sect, Table, L, Div); close it with `close`. */
  open(type: string, options: { title?: string } = {}): void {
    const el = this.doc.struct(type, options);
    this.parent.add(el);
    this.parents.push(el);
  }

  close(): void {
    const el = this.parents.pop();
    el?.end();
  }

  /** Tags what `draw` puts on the current page as one structure element. */
  tag(type: string, draw: () => void, options: { alt?: string } = {}): void {
    this.parent.add(this.doc.struct(type, options, [draw]));
  }

  /** Lines, fills and running headers: not content (PDF/UA needs them marked as artifacts). */
  artifact(draw: () => void, type = 'Layout'): void {
    this.doc.markContent('Artifact', { type } as never);
    draw();
    // Artifacts fill and stroke in their own colours; fonts are only set through `style`.
    this.current.color = '';
    this.doc.endMarkedContent();
  }

  /** A named destination for links and the outline. */
  destination(name: string, y: number): void {
    this.doc.addNamedDestination(name, 'XYZ', 0, y, null as never);
  }

  // --- what is known only at the end ----------------------------------------------------

  /**
   * Content of the current page that can only be drawn once the whole runbook is laid out
   * ("page X of Y"): a form XObject takes its place in the page's content now, and `draw`
   * fills it in `drawLater`. Not for tagged content (its marked content would sit in the form).
   */
  later(draw: () => void): void {
    const doc = this.doc as unknown as PdfkitPages;
    // Unique on the page (one name for every page's first form: the same dictionary shape).
    const name = `Fm${Object.keys(doc.page.xobjects).length + 1}`;
    const form = this.doc.ref({
      Type: 'XObject',
      Subtype: 'Form',
      BBox: [0, 0, PAGE.width, PAGE.height],
    }) as unknown as (typeof this.pending)[number]['form'];
    doc.page.xobjects[name] = form;
    this.doc.addContent(`/${name} Do`);
    this.pending.push({ form, draw });
  }

  /** Draws what `later` put off, each into its form, with the fonts it uses as its resources. */
  drawLater(): void {
    const doc = this.doc as unknown as PdfkitPages;
    const current = doc.page;
    for (const { form, draw } of this.pending) {
      const ops: string[] = [];
      // Drawing goes to the page through doc.page: a stand-in collects the operators and fonts.
      const sink = Object.create(current) as PdfkitPage;
      sink.resources = { data: {} };
      sink.markings = [];
      sink.write = (chunk) => ops.push(String(chunk));
      doc.page = sink;
      this.resetStyle();
      draw();
      form.data.Resources = sink.resources.data;
      form.end(Buffer.from(`${ops.join('\n')}\n`, 'latin1'));
    }
    doc.page = current;
    this.resetStyle();
    this.pending = [];
  }

  /**
   * Keeps the current page open after the next one starts (pdfkit ends a page when it adds
   * the next): `drawOn` draws on it later, `release` ends it. Only a few pages: each held page
   * stays in memory until it is released.
   */
  hold(): HeldPage {
    const doc = this.doc as unknown as PdfkitPages;
    const page = doc.page;
    doc._pageBuffer = doc._pageBuffer.filter((p) => p !== page);
    return page;
  }

  /** A structure element placed here in reading order, its content drawn later (`drawOn`). */
  placeholder(type: string): StructElement {
    const el = this.doc.struct(type);
    this.parent.add(el);
    return el;
  }

  /** Draws on a held page, tagging what `draw` adds inside `parent`. */
  drawOn(page: HeldPage, parent: StructElement, draw: () => void): void {
    const doc = this.doc as unknown as PdfkitPages;
    const current = doc.page;
    doc.page = page;
    this.parents.push(parent);
    this.resetStyle();
    draw();
    this.parents.pop();
    doc.page = current;
    this.resetStyle();
  }

  /** Ends a held page (writes it out). */
  release(page: HeldPage): void {
    const doc = this.doc as unknown as PdfkitPages;
    doc.endPageMarkings(page);
    page.end();
  }

  // --- blocks ---------------------------------------------------------------------------

  /** A paragraph that breaks across pages at word boundaries when it is taller than the space left. */
  paragraph(text: string, s: TextStyle = {}, x = this.left, width = this.right - x, type = 'P'): void {
    let rest = text;
    while (rest) {
      const h = this.heightOf(rest, width, s);
      if (this.y + h <= this.bottom) {
        this.tag(type, () => this.draw(rest, x, this.y, width, s, h));
        this.y += h;
        return;
      }
      if (this.pageUsed && this.remaining < 3 * this.heightOf('X', width, s)) {
        this.newPage();
        continue;
      }
      // Split off what fits here (rare: only a very long text does not fit a page).
      const words = rest.split(/(?<=\s)/);
      let lo = 1;
      let hi = words.length;
      while (lo < hi) {
        const mid = Math.ceil((lo + hi) / 2);
        if (this.y + this.heightOf(words.slice(0, mid).join(''), width, s) <= this.bottom) lo = mid;
        else hi = mid - 1;
      }
      const head = words.slice(0, lo).join('');
      const hh = this.heightOf(head, width, s);
      this.tag(type, () => this.draw(head, x, this.y, width, s, Math.min(hh, this.remaining)));
      rest = words.slice(lo).join('');
      this.pageUsed = true;
      this.newPage();
    }
  }

  heading(level: 1 | 2 | 3, text: string, dest?: string): void {
    const size = level === 1 ? SIZE.h1 : level === 2 ? SIZE.h2 : SIZE.h3;
    const s: TextStyle = { font: 'bold', size, color: level === 3 ? COLORS.text : COLORS.accent };
    const h = this.heightOf(text, this.width, s);
    const before = level === 1 ? 0 : level === 2 ? 10 : 8;
    // Keep a heading with at least a few lines of what follows it.
    this.ensure(before + h + 48);
    this.space(before);
    if (dest) this.destination(dest, this.y - 6);
    this.tag(`H${level}`, () => this.draw(text, this.left, this.y, this.width, s, h));
    this.y += h;
    if (level === 1) {
      const y = this.y + 3;
      this.artifact(() =>
        this.doc
          .moveTo(this.left, y)
          .lineTo(this.right, y)
          .lineWidth(1.2)
          .strokeColor(COLORS.accent)
          .stroke(),
      );
      this.y += 12;
    } else {
      this.y += 4;
    }
  }

  bullets(items: string[], s: TextStyle = {}): void {
    if (items.length === 0) return;
    this.open('L');
    for (const item of items) {
      const h = this.heightOf(item, this.width - 14, s);
      this.ensure(Math.min(h, 40));
      const y = this.y;
      this.tag('LI', () => {
        this.draw('•', this.left + 2, y, 10, { ...s, color: COLORS.accent });
        this.y = y;
      });
      this.paragraph(item, s, this.left + 14, this.width - 14, 'LBody');
      this.y += 2;
    }
    this.close();
  }

  /** Label–value pairs in two columns (the cover, a scenario's facts). */
  facts(pairs: [string, string][], labelWidth = 130, s: TextStyle = {}): void {
    this.open('Table');
    for (const [label, value] of pairs) {
      if (!value) continue;
      const vw = this.width - labelWidth;
      const h = Math.max(
        this.heightOf(label, labelWidth - 8, { ...s, font: 'bold' }),
        this.heightOf(value, vw, s),
      );
      this.ensure(h + 4);
      const y = this.y;
      this.open('TR');
      this.tag('TH', () =>
        this.draw(label, this.left, y, labelWidth - 8, { ...s, font: 'bold', color: COLORS.muted }),
      );
      this.tag('TD', () => this.draw(value, this.left + labelWidth, y, vw, s));
      this.close();
      this.y = y + h + 4;
    }
    this.close();
  }

  /**
   * Column widths from shares, widened so no header word and no `nowrap` cell breaks; then,
   * so no word or phone number breaks either, with room taken only where it costs no new
   * line: from columns wider than their text, or whose text wraps anyway.
   */
  private columnWidths(columns: Column[], rows: Cell[][], size: number, pad: number): number[] {
    const total = columns.reduce((sum, c) => sum + c.width, 0);
    const widths = columns.map((c) => (c.width / total) * this.width);
    const cap = (w: number) => Math.min(w + 2 * pad + 1, this.width / 2);
    /** Hard: header words and `nowrap` cells; soft: the widest word; natural: the widest unwrapped line. */
    const hard: number[] = [];
    const soft: number[] = [];
    const natural: number[] = [];
    columns.forEach((c, i) => {
      this.style({ font: 'bold', size });
      let h = Math.max(0, ...c.header.split(/\s+/).map((w) => this.doc.widthOfString(w)));
      let s = 0;
      let n = 0;
      // A sample is enough: the widths of dates and phone numbers do not vary much.
      for (const row of rows.slice(0, 200)) {
        const cell = row[i];
        if (!cell || cell.checkbox) continue;
        const texts: [string, number, FontName][] = [];
        if (cell.text) texts.push([cell.text, size, cell.font ?? 'regular']);
        if (cell.sub) texts.push([cell.sub, size - 1, 'regular']);
        for (const [text, sz, font] of texts) {
          this.style({ font, size: sz });
          const lines = text.split('\n').map((l) => this.doc.widthOfString(l));
          n = Math.max(n, ...lines);
          if (cell.nowrap && text === cell.text) h = Math.max(h, ...lines);
          else s = Math.max(s, widestUnbreakable(this.font, sz, text));
        }
      }
      hard.push(cap(h));
      soft.push(Math.max(cap(h), cap(s)));
      natural.push(n + 2 * pad + 1);
    });
    const widen = (mins: number[], floors: (w: number, i: number) => number) => {
      for (let round = 0; round < 3; round++) {
        const short = widths.map((w, i) => Math.max(0, mins[i]! - w));
        const need = short.reduce((a, b) => a + b, 0);
        if (need < 0.5) break;
        const slack = widths.map((w, i) => (short[i]! > 0 ? 0 : Math.max(0, w - floors(w, i))));
        const spare = slack.reduce((a, b) => a + b, 0);
        if (spare <= 0) break;
        const take = Math.min(need, spare);
        widths.forEach((w, i) => {
          widths[i] = short[i]! > 0 ? w + (short[i]! * take) / need : w - (slack[i]! * take) / spare;
        });
      }
    };
    widen(hard, (_, i) => hard[i]!);
    // Room no text uses first, then room from columns that wrap anyway.
    widen(soft, (_, i) => Math.max(soft[i]!, natural[i]!));
    widen(soft, (w, i) => (natural[i]! > w ? soft[i]! : w));
    return widths;
  }

  /**
   * A table whose rows are measured before drawing, that breaks between rows and repeats
   * its header row on every page it continues to (pdfkit's doc.table does not: #1657).
   */
  table(columns: Column[], input: CellInput[][], options: { size?: number; minRow?: number } = {}): void {
    const size = options.size ?? SIZE.small + 0.5;
    const subSize = size - 1;
    const pad = 4;
    const rows = input.map((row) => row.map((c): Cell => (typeof c === 'string' ? { text: c } : c)));
    const widths = this.columnWidths(columns, rows, size, pad);
    const xs = widths.map((_, i) => this.left + widths.slice(0, i).reduce((a, b) => a + b, 0));
    const headStyle: TextStyle = { font: 'bold', size, color: COLORS.accent };
    const headH =
      Math.max(...columns.map((c, i) => this.heightOf(c.header || ' ', widths[i]! - 2 * pad, headStyle))) +
      2 * pad;
    const maxRow = this.bottom - PAGE.top - headH - 4;

    const drawHeader = () => {
      const y = this.y;
      this.artifact(() => this.doc.rect(this.left, y, this.width, headH).fill(COLORS.accentLight));
      this.open('TR');
      columns.forEach((c, i) => {
        if (!c.header) return;
        this.tag('TH', () =>
          this.draw(c.header, xs[i]! + pad, y + pad, widths[i]! - 2 * pad, {
            ...headStyle,
            align: c.align ?? 'left',
          }),
        );
      });
      this.close();
      this.y = y + headH;
    };

    this.open('Table');
    this.ensure(headH + 24);
    drawHeader();
    const previous = this.onBreak;
    this.onBreak = drawHeader;
    rows.forEach((cells, r) => {
      const sizes = cells.map((c, i) => {
        if (c.checkbox) return { main: 10, sub: 0 };
        const w = widths[i]! - 2 * pad;
        return {
          main: c.text ? this.heightOf(c.text, w, { size, font: c.font ?? 'regular' }) : 0,
          sub: c.sub ? this.heightOf(c.sub, w, { size: subSize }) : 0,
        };
      });
      const rowH = Math.min(
        Math.max(...sizes.map((h) => h.main + h.sub), options.minRow ?? 8) + 2 * pad,
        maxRow,
      );
      this.ensure(rowH);
      const y = this.y;
      this.artifact(() => {
        if (r % 2 === 1) this.doc.rect(this.left, y, this.width, rowH).fill(COLORS.zebra);
        this.doc
          .moveTo(this.left, y + rowH)
          .lineTo(this.right, y + rowH)
          .lineWidth(0.4)
          .strokeColor(COLORS.rule)
          .stroke();
      });
      this.open('TR');
      cells.forEach((c, i) => {
        const x = xs[i]! + pad;
        const w = widths[i]! - 2 * pad;
        const inner = rowH - 2 * pad;
        if (c.checkbox) {
          this.artifact(() =>
            this.doc
              .rect(x + 1, y + pad, 9, 9)
              .lineWidth(0.8)
              .strokeColor(COLORS.text)
              .stroke(),
          );
          return;
        }
        if (!c.text && !c.sub) return;
        this.tag('TD', () => {
          const main = Math.min(sizes[i]!.main, inner);
          if (c.text) {
            this.draw(
              c.text,
              x,
              y + pad,
              w,
              {
                size,
                font: c.font ?? 'regular',
                color: c.color ?? COLORS.text,
                align: columns[i]!.align ?? 'left',
              },
              main,
            );
          }
          const room = inner - main;
          if (c.sub && room > 4) {
            this.draw(
              c.sub,
              x,
              y + pad + main,
              w,
              { size: subSize, color: COLORS.muted },
              Math.min(sizes[i]!.sub, room),
            );
          }
        });
      });
      this.close();
      this.y = y + rowH;
    });
    this.onBreak = previous;
    this.close();
    this.y += 8;
  }
}
