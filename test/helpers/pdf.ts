import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfTextItem {
  str: string;
  x: number;
  y: number;
  w: number;
  h: number;
  /** True for rotated text (the DRAFT stamp, the matrix's axis title). */
  rotated: boolean;
}

export interface PdfPage {
  text: string;
  items: PdfTextItem[];
  width: number;
  height: number;
}

export interface OutlineNode {
  title: string;
  items: OutlineNode[];
}

export interface ReadPdf {
  pages: PdfPage[];
  outline: OutlineNode[];
  text: string;
}

/** Text, text positions and outline of a PDF, through pdfjs-dist (the legacy build runs on Node). */
export async function readPdf(bytes: Uint8Array): Promise<ReadPdf> {
  const doc = await getDocument({
    data: new Uint8Array(bytes),
    verbosity: 0,
    disableFontFace: true,
    useSystemFonts: false,
  }).promise;
  const pages: PdfPage[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const [x0, y0, x1, y1] = page.view as [number, number, number, number];
    const content = await page.getTextContent();
    const items = content.items.flatMap((it) =>
      'str' in it && it.str.trim() !== ''
        ? [
            {
              str: it.str,
              x: it.transform[4] as number,
              y: it.transform[5] as number,
              w: it.width,
              h: it.height,
              rotated: Math.abs(it.transform[1] as number) > 0.01,
            },
          ]
        : [],
    );
    pages.push({ text: items.map((i) => i.str).join(' '), items, width: x1 - x0, height: y1 - y0 });
  }
  const map = (nodes: { title: string; items: unknown[] }[] | null): OutlineNode[] =>
    (nodes ?? []).map((o) => ({
      title: o.title,
      items: map(o.items as { title: string; items: unknown[] }[]),
    }));
  const outline = map((await doc.getOutline()) as { title: string; items: unknown[] }[] | null);
  await doc.destroy();
  return { pages, outline, text: pages.map((p) => p.text).join('\n') };
}

/** Pairs of text items on one page whose boxes intersect (more than a hair). */
export function overlaps(page: PdfPage): [PdfTextItem, PdfTextItem][] {
  const boxes = page.items.filter((i) => !i.rotated);
  const found: [PdfTextItem, PdfTextItem][] = [];
  for (let a = 0; a < boxes.length; a++) {
    for (let b = a + 1; b < boxes.length; b++) {
      const p = boxes[a]!;
      const q = boxes[b]!;
      const dx = Math.min(p.x + p.w, q.x + q.w) - Math.max(p.x, q.x);
      const dy = Math.min(p.y + p.h * 0.8, q.y + q.h * 0.8) - Math.max(p.y, q.y);
      if (dx > 1 && dy > 1) found.push([p, q]);
    }
  }
  return found;
}
