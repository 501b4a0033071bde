/**
 * Fast text measuring for pdfkit with DejaVu fonts.
 *
 * pdfkit shapes every word with fontkit's full OpenType shaper (GSUB and GPOS set up per call):
 * on a large plan that was a third of the render time. Latin text in DejaVu needs only two
 * things from the shaper: the glyph of each character and the kerning between neighbours.
 * Both are learned from fontkit once per character and once per character pair, and a word
 * is then laid out with two map look-ups per character. Whatever the pair probe cannot vouch
 * for (ligatures such as "fi", combining marks, glyphs moved up or down, a pair that changes
 * the second glyph) makes the word go through fontkit as before, so the glyphs, positions and
 * widths are exactly the ones pdfkit would have produced (test/render-text.test.ts compares
 * them).
 */

interface FontkitGlyph {
  id: number;
  advanceWidth: number;
  codePoints: number[];
}
interface FontkitPosition {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
}
interface FontkitFont {
  postscriptName: string;
  layout(text: string): { glyphs: FontkitGlyph[]; positions: FontkitPosition[] };
}
export interface Run {
  glyphs: FontkitGlyph[] | null;
  positions: (FontkitPosition & { advanceWidth: number })[] | null;
  advanceWidth: number;
}
/** The parts of pdfkit's EmbeddedFont used here. */
interface EmbeddedFont {
  font: FontkitFont;
  scale: number;
  layoutCache?: object | undefined;
  layoutRun(text: string, features?: unknown): Run;
  layout(text: string, features?: unknown, onlyWidth?: boolean): Run;
  __fastLayout?: boolean;
  __shaper?: Shaper;
}

const LATIN = /\p{Script=Latin}/u;

/**
 * Characters the fast path may lay out: Latin, digits, punctuation, currency, arrows and
 * symbols. Anything else (combining marks, other scripts, invisible format characters) goes
 * through fontkit, which knows how to shape it.
 */
function simple(cp: number): boolean {
  return (
    cp === 9 ||
    (cp >= 0x20 && cp <= 0x7e) ||
    (cp >= 0xa0 && cp <= 0x24f && cp !== 0xad) ||
    (cp >= 0x2010 && cp <= 0x205e) ||
    (cp >= 0x20a0 && cp <= 0x20cf) ||
    (cp >= 0x2190 && cp <= 0x22ff) ||
    (cp >= 0x25a0 && cp <= 0x27bf)
  );
}

/** Not probed: the glyph of a character pdfkit must shape itself. */
const COMPLEX = -1;
/** Bounded caches: a large plan has tens of thousands of distinct words. */
const MAX_WORDS = 20000;

class Shaper {
  /** Code point → glyph (null: shaped by fontkit). */
  private readonly glyphs = new Map<number, FontkitGlyph | null>();
  /** Pair key → kerning of the first glyph in font units, or NaN when the pair is not simple. */
  private readonly pairs = new Map<number, number>();
  /** Words the fast path could not lay out, shaped by fontkit (scaled runs, as pdfkit keeps them). */
  private readonly words = new Map<string, Run>();

  constructor(private readonly font: FontkitFont) {}

  /**
   * Probes how fontkit lays out `chars` in the word's script: a word with a Latin letter is
   * shaped with the Latin features (more kerning and the ligatures), one without letters with
   * the default script's. A leading "x" puts a pair of digits or punctuation in Latin context.
   */
  private probe(chars: number[], latin: boolean): { glyphs: FontkitGlyph[]; positions: FontkitPosition[] } {
    const text = String.fromCodePoint(...chars);
    const prefix = latin && !LATIN.test(text);
    const run = this.font.layout(prefix ? `x${text}` : text);
    return prefix ? { glyphs: run.glyphs.slice(1), positions: run.positions.slice(1) } : run;
  }

  private glyph(cp: number, latin: boolean): FontkitGlyph | null {
    const key = cp * 2 + (latin ? 1 : 0);
    let g = this.glyphs.get(key);
    if (g === undefined) {
      g = null;
      if (simple(cp)) {
        const run = this.probe([cp], latin);
        const first = run.glyphs[0];
        const p = run.positions[0];
        if (
          run.glyphs.length === 1 &&
          first &&
          p &&
          first.id !== 0 &&
          p.xAdvance === first.advanceWidth &&
          p.yAdvance === 0 &&
          p.xOffset === 0 &&
          p.yOffset === 0
        ) {
          g = { id: first.id, advanceWidth: first.advanceWidth, codePoints: [cp] };
        }
      }
      this.glyphs.set(key, g);
    }
    return g;
  }

  /** The kerning of a after b (font units), NaN when the pair needs the shaper. */
  private kern(a: number, b: number, ga: FontkitGlyph, gb: FontkitGlyph, latin: boolean): number {
    const key = (a * 0x110000 + b) * 2 + (latin ? 1 : 0);
    let k = this.pairs.get(key);
    if (k === undefined) {
      const run = this.probe([a, b], latin);
      const [p, q] = run.positions;
      const ok =
        run.glyphs.length === 2 &&
        run.glyphs[0]!.id === ga.id &&
        run.glyphs[1]!.id === gb.id &&
        p !== undefined &&
        q !== undefined &&
        p.yAdvance === 0 &&
        p.xOffset === 0 &&
        p.yOffset === 0 &&
        q.xAdvance === gb.advanceWidth &&
        q.yAdvance === 0 &&
        q.xOffset === 0 &&
        q.yOffset === 0;
      k = ok ? p.xAdvance - ga.advanceWidth : Number.NaN;
      this.pairs.set(key, k);
    }
    return k;
  }

  /**
   * Lays out one word as pdfkit does (a run ends after a space or tab): glyphs and positions
   * scaled to 1000 units per em, or only the width. Undefined when the word needs fontkit.
   */
  private fast(word: string, scale: number, onlyWidth: boolean): Run | undefined {
    const glyphs: FontkitGlyph[] | null = onlyWidth ? null : [];
    const positions: Run['positions'] = onlyWidth ? null : [];
    let width = 0;
    let prev = COMPLEX;
    let prevGlyph: FontkitGlyph | null = null;
    const latin = LATIN.test(word);
    for (let i = 0; i < word.length; i++) {
      const cp = word.codePointAt(i)!;
      if (cp > 0xffff) i++;
      const g = this.glyph(cp, latin);
      if (!g) return undefined;
      if (prevGlyph) {
        const k = this.kern(prev, cp, prevGlyph, g, latin);
        if (Number.isNaN(k)) return undefined;
        width += (prevGlyph.advanceWidth + k) * scale;
        if (positions) {
          positions.push({
            xAdvance: (prevGlyph.advanceWidth + k) * scale,
            yAdvance: 0,
            xOffset: 0,
            yOffset: 0,
            advanceWidth: prevGlyph.advanceWidth * scale,
          });
        }
      }
      glyphs?.push(g);
      prev = cp;
      prevGlyph = g;
    }
    if (prevGlyph) {
      width += prevGlyph.advanceWidth * scale;
      positions?.push({
        xAdvance: prevGlyph.advanceWidth * scale,
        yAdvance: 0,
        xOffset: 0,
        yOffset: 0,
        advanceWidth: prevGlyph.advanceWidth * scale,
      });
    }
    return { glyphs, positions, advanceWidth: width };
  }

  /** Glyphs and positions of one word, cached (words repeat: role titles, labels, dates). */
  private run(embedded: EmbeddedFont, word: string): Run {
    let run = this.runs.get(word);
    if (!run) {
      run = this.fast(word, embedded.scale, false) ?? this.slow(embedded, word);
      if (this.runs.size >= MAX_WORDS) this.runs.clear();
      this.runs.set(word, run);
    }
    return run;
  }

  private readonly runs = new Map<string, Run>();

  private slow(embedded: EmbeddedFont, word: string): Run {
    let run = this.words.get(word);
    if (!run) {
      if (this.words.size >= MAX_WORDS) this.words.clear();
      run = embedded.layoutRun(word);
      this.words.set(word, run);
    }
    return run;
  }

  /** Width cache of single runs (1000 units per em). */
  private readonly widths = new Map<string, number>();

  private runWidth(embedded: EmbeddedFont, word: string, cache: boolean): number {
    let w = this.widths.get(word);
    if (w === undefined) {
      w = (this.fast(word, embedded.scale, true) ?? this.slow(embedded, word)).advanceWidth;
      if (cache) {
        if (this.widths.size >= MAX_WORDS * 4) this.widths.clear();
        this.widths.set(word, w);
      }
    }
    return w;
  }

  /** The advance width of a text in 1000 units per em, summed as pdfkit sums it. */
  width(embedded: EmbeddedFont, text: string, cache = true): number {
    let advanceWidth = 0;
    let last = 0;
    for (let index = 0; index < text.length; ) {
      const c = text.charCodeAt(index);
      index++;
      if (index < text.length && c !== 32 && c !== 9) continue;
      advanceWidth += this.runWidth(
        embedded,
        last === 0 && index === text.length ? text : text.slice(last, index),
        cache,
      );
      last = index;
    }
    return advanceWidth;
  }

  /** pdfkit's EmbeddedFont.layout without features: words split after spaces and tabs. */
  layout(embedded: EmbeddedFont, text: string, onlyWidth: boolean): Run {
    if (onlyWidth) return { glyphs: null, positions: null, advanceWidth: this.width(embedded, text) };
    let glyphs: FontkitGlyph[] | null = onlyWidth ? null : [];
    let positions: Run['positions'] = onlyWidth ? null : [];
    let advanceWidth = 0;
    let last = 0;
    for (let index = 0; index < text.length; ) {
      const c = text.charCodeAt(index);
      index++;
      if (index < text.length && c !== 32 && c !== 9) continue;
      const word = text.slice(last, index);
      last = index;
      // pdfkit sums glyph advances in this order: keep it for identical rounding.
      const run = this.run(embedded, word);
      if (glyphs && positions) {
        if (glyphs.length === 0) {
          glyphs = run.glyphs!.slice();
          positions = run.positions!.slice();
        } else {
          for (const g of run.glyphs!) glyphs.push(g);
          for (const p of run.positions!) positions.push(p);
        }
      }
      advanceWidth += run.advanceWidth;
    }
    return { glyphs, positions, advanceWidth };
  }
}

/** One shaper per font file: what it learns holds for every document. */
const shapers = new Map<string, Shaper>();

function shaperOf(embedded: EmbeddedFont): Shaper {
  // fontkit reads postscriptName from the name table on every access: keep the shaper at hand.
  if (embedded.__shaper) return embedded.__shaper;
  const name = embedded.font.postscriptName;
  let shaper = shapers.get(name);
  if (!shaper) {
    shaper = new Shaper(embedded.font);
    shapers.set(name, shaper);
  }
  embedded.__shaper = shaper;
  return shaper;
}

/** The width of a text in points, exactly as pdfkit's widthOfString measures it. */
export function widthOf(font: unknown, text: string, size: number, cache = true): number {
  return (shaperOf(font as EmbeddedFont).width(font as EmbeddedFont, text, cache) * size) / 1000;
}

export interface Wrapped {
  lines: string[];
  /** The width of each line (without trailing spaces). */
  widths: number[];
}

/**
 * Break opportunities: after white space, and after a hyphen or slash between letters, unless
 * one or two letters end the word there ("Notfallbeauftragte/r", "A-Z"). Never after a number:
 * a phone number ("+47 55 55 20 00"), digit groups ("1 000 kr") and a number with its unit
 * ("30 Minuten", "T+30 minutter") stay on one line.
 */
const BREAK = /(?<=\s)(?<!\d\s+)(?=\S)|(?<=[\p{L}\p{N}][-/])(?=\p{L})(?!\p{L}{1,2}(?![\p{L}\p{N}]))/u;
const TRAILING = /\s+$/;

/**
 * Breaks a text into lines of at most `width` points: at line feeds, at break opportunities,
 * and inside a word only when the word alone is wider than the line. Greedy, like pdfkit's
 * wrapper, but measured with cached word widths instead of pdfkit's line wrapper.
 */
export function wrapText(font: unknown, size: number, text: string, width: number): Wrapped {
  const lines: string[] = [];
  const widths: number[] = [];
  const w = (s: string, cache = true) => widthOf(font, s, size, cache);
  for (const paragraph of text.includes('\n') ? text.split('\n') : [text]) {
    const whole = paragraph.replace(TRAILING, '');
    const ww = w(whole);
    if (ww <= width) {
      lines.push(whole);
      widths.push(ww);
      continue;
    }
    // The line so far: its text, the width up to its last space, and the word after it.
    let line = '';
    let committed = 0;
    let tail = '';
    const flush = () => {
      const t = line.replace(TRAILING, '');
      lines.push(t);
      widths.push(w(t));
      line = '';
      committed = 0;
      tail = '';
    };
    for (const seg of paragraph.split(BREAK)) {
      const body = seg.replace(TRAILING, '');
      const spaced = body.length < seg.length;
      if (line && committed + w(tail + body) > width) flush();
      if (!line && w(body) > width) {
        // A word wider than the line: break it between characters.
        let piece = '';
        for (const ch of body) {
          if (piece && w(piece + ch, false) > width) {
            lines.push(piece);
            widths.push(w(piece, false));
            piece = '';
          }
          piece += ch;
        }
        line = piece;
        tail = piece;
      } else {
        line += body;
        tail += body;
      }
      if (spaced) {
        line += seg.slice(body.length);
        committed += w(tail + seg.slice(body.length));
        tail = '';
      }
    }
    if (line || lines.length === 0) flush();
  }
  return { lines, widths };
}

/** The width of the widest part of a text that `wrapText` never breaks (a word, a phone number). */
export function widestUnbreakable(font: unknown, size: number, text: string): number {
  let widest = 0;
  for (const paragraph of text.split('\n')) {
    for (const seg of paragraph.split(BREAK)) {
      widest = Math.max(widest, widthOf(font, seg.replace(TRAILING, ''), size));
    }
  }
  return widest;
}

/** Replaces pdfkit's per-word shaping of this font by the fast path (once per font object). */
export function installFastLayout(font: unknown): void {
  const embedded = font as EmbeddedFont;
  if (!embedded || embedded.__fastLayout || typeof embedded.layoutRun !== 'function' || !embedded.font)
    return;
  const original = embedded.layout.bind(embedded);
  const fast = shaperOf(embedded);
  embedded.layout = (text: string, features?: unknown, onlyWidth?: boolean): Run =>
    features ? original(text, features, onlyWidth) : fast.layout(embedded, text, onlyWidth === true);
  // pdfkit's own word cache is no longer used: let it go.
  embedded.layoutCache = undefined;
  embedded.__fastLayout = true;
}
