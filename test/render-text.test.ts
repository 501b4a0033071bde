import fc from 'fast-check';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { FONTS } from '../src/render/layout.js';
import { installFastLayout, widthOf, wrapText } from '../src/render/text.js';

type Font = {
  layout(
    text: string,
    features?: unknown,
    onlyWidth?: boolean,
  ): {
    glyphs: { id: number; advanceWidth: number; codePoints: number[] }[] | null;
    positions: Record<string, number>[] | null;
    advanceWidth: number;
  };
};

/** pdfkit's own font object for a font file, in a fresh document. */
function fontOf(path: string): Font {
  const doc = new PDFDocument({ autoFirstPage: false });
  doc.font(path);
  return (doc as unknown as { _font: Font })._font;
}

const SAMPLES = [
  'Notfallbeauftragte (Sabine Vogt) · innerhalb von 30 Minuten',
  'AV Te Wa. To Yo fi ffl office “quoted” ‘single’',
  'Straße Æøå ÆØÅ łódź façade Ærø Kø 12 € 1.234,56 €',
  '+49 171 5550201  anna.meyer@example.com https://status.example.org/path',
  'Tab\tseparated  double  spaces ',
  'e\u0301 n\u0308 combining marks, ½ ≤ → ✗ ✓ • 😀',
  'IJssel Ĳ ŉ ǅ Ω Ярослав Ελληνικά',
  '',
];

describe('fast text layout', () => {
  for (const [name, path] of Object.entries(FONTS)) {
    it(`gives pdfkit's glyphs, positions and widths (${name})`, () => {
      const reference = fontOf(path);
      const fast = fontOf(path);
      installFastLayout(fast);
      for (const text of SAMPLES) {
        const a = reference.layout(text);
        const b = fast.layout(text);
        expect(b.advanceWidth, text).toBe(a.advanceWidth);
        expect(
          b.glyphs!.map((g) => g.id),
          text,
        ).toEqual(a.glyphs!.map((g) => g.id));
        expect(
          b.glyphs!.map((g) => g.advanceWidth),
          text,
        ).toEqual(a.glyphs!.map((g) => g.advanceWidth));
        expect(b.positions, text).toEqual(a.positions);
        expect(fast.layout(text, undefined, true).advanceWidth, text).toBe(a.advanceWidth);
      }
    });
  }

  it('agrees with pdfkit on random Latin text', () => {
    const reference = fontOf(FONTS.regular);
    const fast = fontOf(FONTS.regular);
    installFastLayout(fast);
    const chars = fc.constantFrom(
      ...'AVTWYafilotvy .,-/:()@æøåßäöüçł€0123456789\u0301\u00ad–—“”‘’«»·•…½→✓ΩЖ'.split(''),
    );
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 30 }), (cs) => {
        const text = cs.join('');
        const a = reference.layout(text);
        const b = fast.layout(text);
        expect(b.advanceWidth).toBe(a.advanceWidth);
        expect(b.positions).toEqual(a.positions);
        expect(b.glyphs!.map((g) => g.id)).toEqual(a.glyphs!.map((g) => g.id));
      }),
      { numRuns: 2000, seed: 42 },
    );
  });
});

describe('wrapText', () => {
  const font = fontOf(FONTS.regular);
  installFastLayout(font);
  const size = 9;
  const w = (s: string) => widthOf(font, s, size);

  it('keeps a text that fits on one line', () => {
    const r = wrapText(font, size, 'Sabine Vogt', 200);
    expect(r.lines).toEqual(['Sabine Vogt']);
    expect(r.widths[0]).toBeCloseTo(w('Sabine Vogt'), 9);
  });

  it('breaks at spaces, never wider than the width, and keeps every word', () => {
    const text = 'Betroffene Systeme vom Netz trennen und die Notfallbeauftragte sofort informieren';
    const r = wrapText(font, size, text, 120);
    expect(r.lines.length).toBeGreaterThan(2);
    for (const line of r.lines) expect(w(line)).toBeLessThanOrEqual(120);
    expect(r.lines.join(' ')).toBe(text);
  });

  it('honours line feeds and keeps empty lines', () => {
    expect(wrapText(font, size, 'a\n\nb', 100).lines).toEqual(['a', '', 'b']);
  });

  it('breaks a word wider than the line between characters', () => {
    const email = 'anna.katharina.meyer-schulze@logistik.example.com';
    const r = wrapText(font, size, email, 60);
    expect(r.lines.length).toBeGreaterThan(1);
    for (const line of r.lines) expect(w(line)).toBeLessThanOrEqual(60);
    expect(r.lines.join('')).toBe(email);
  });

  it('breaks after a hyphen between words', () => {
    const r = wrapText(
      font,
      size,
      'Dienstleistersteuerung Vendor-Management',
      w('Dienstleistersteuerung Vendor-') + 1,
    );
    expect(r.lines).toEqual(['Dienstleistersteuerung Vendor-', 'Management']);
  });

  it('never loses or reorders text (property)', () => {
    const word = fc.stringMatching(/^[A-Za-zæøåß0-9.@-]{1,25}$/);
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 20, max: 300 }),
        (words, width) => {
          const text = words.join(' ');
          const r = wrapText(font, size, text, width);
          expect(r.lines.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
          r.lines.forEach((line, i) => {
            // Only a single character may stick out of a line too narrow for it.
            if ([...line].length > 1) expect(w(line)).toBeLessThanOrEqual(width);
            expect(r.widths[i]).toBeCloseTo(w(line), 9);
          });
        },
      ),
      { numRuns: 200, seed: 7 },
    );
  });
});
