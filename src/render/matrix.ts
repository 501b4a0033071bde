import type { MatrixClass } from '../plan/matrix.js';
import type { RenderContext } from './context.js';
import { COLORS, SIZE } from './layout.js';

/** Black or white, whichever reads better on a class colour. */
export function textOn(hex: string): string {
  const n = Number.parseInt(hex.slice(1), 16);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const lum = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return lum > 0.35 ? '#111111' : '#ffffff';
}

function classAt(ctx: RenderContext, li: number, ii: number): MatrixClass | undefined {
  const { matrix } = ctx.m;
  if (matrix.grid) return matrix.classes.find((c) => c.id === matrix.grid?.[li]?.[ii]);
  const score = matrix.likelihood[li]!.level * matrix.impact[ii]!.level;
  return matrix.classes.find((c) => c.upTo !== undefined && c.upTo >= score);
}

/**
 * The likelihood × impact heatmap: class colour and class label in every cell (never colour
 * alone), the scenario ids rated there, both axes labelled with the level labels, and a
 * legend telling acceptable from not acceptable.
 */
/** Levels per axis the matrix picture is drawn for (a 5 × 5 or 10 × 10 matrix is usual). */
export const MAX_DRAWN_LEVELS = 12;

export function drawMatrix(ctx: RenderContext): void {
  const { L, m, t } = ctx;
  const { doc } = L;
  const { likelihood, impact, classes } = m.matrix;
  if (likelihood.length === 0 || impact.length === 0) {
    L.paragraph(t('nothing'));
    return;
  }
  // A cell per pair of levels: past a dozen a side the picture is unreadable, and 300 × 300
  // cells took 750 MB. The ratings table still gives every scenario's levels and class.
  if (likelihood.length > MAX_DRAWN_LEVELS || impact.length > MAX_DRAWN_LEVELS) {
    L.paragraph(t('matrixTooLarge', { l: likelihood.length, i: impact.length }));
    return;
  }
  const axisW = 104;
  const titleW = 16;
  const gridX = L.left + titleW + axisW;
  const cellW = (L.right - gridX) / impact.length;
  const axisLabelStyle = { size: SIZE.small, color: COLORS.text };
  const bottomH =
    Math.max(...impact.map((l) => L.heightOf(`${l.level} · ${l.label}`, cellW - 4, axisLabelStyle))) + 22;
  const cellH = Math.max(40, Math.min(78, (L.remaining - bottomH - 90) / likelihood.length));
  L.ensure(cellH * likelihood.length + bottomH + 60);
  const top = L.y;
  const idStyle = { size: SIZE.tiny, color: '#111111' };

  const placed = new Map<string, string[]>();
  for (const s of m.scenarios) {
    const key = `${s.likelihood}/${s.impact}`;
    placed.set(key, [...(placed.get(key) ?? []), s.id]);
  }

  L.open('Figure');
  likelihood.forEach((_, row) => {
    const li = likelihood.length - 1 - row;
    const lv = likelihood[li]!;
    const y = top + row * cellH;
    const labelH = L.heightOf(`${lv.label} · ${lv.level}`, axisW - 8, axisLabelStyle);
    L.tag('P', () =>
      L.draw(`${lv.label} · ${lv.level}`, L.left + titleW, y + (cellH - labelH) / 2, axisW - 8, {
        ...axisLabelStyle,
        align: 'right',
      }),
    );
    impact.forEach((iv, ii) => {
      const cls = classAt(ctx, li, ii);
      const x = gridX + ii * cellW;
      const fill = cls?.color ?? '#ffffff';
      const ink = cls ? textOn(fill) : COLORS.muted;
      L.artifact(() => {
        doc.rect(x, y, cellW, cellH).fill(fill);
        doc.rect(x, y, cellW, cellH).lineWidth(1).strokeColor('#ffffff').stroke();
      });
      const ids = placed.get(`${lv.level}/${iv.level}`) ?? [];
      L.tag('P', () => {
        const ch = L.draw(cls?.label ?? '?', x + 4, y + 3, cellW - 8, {
          font: 'bold',
          size: SIZE.small,
          color: ink,
        });
        if (ids.length === 0) return;
        // Ids on white chips so they read on every class colour; "+N" when the cell is full.
        const avail = cellH - ch - 8;
        let shown = ids.length;
        let text = ids.join(', ');
        while (shown > 0 && L.heightOf(text, cellW - 12, idStyle) > avail) {
          shown--;
          text = `${ids.slice(0, shown).join(', ')}${shown > 0 ? ', ' : ''}+${ids.length - shown}`;
        }
        const h = L.heightOf(text, cellW - 12, idStyle);
        doc.save();
        doc
          .rect(x + 3, y + ch + 4, cellW - 6, Math.min(h + 2, avail + 2))
          .fillOpacity(0.85)
          .fill('#ffffff');
        doc.restore();
        L.resetStyle();
        L.draw(text, x + 6, y + ch + 5, cellW - 12, idStyle, Math.min(h, avail));
      });
    });
  });
  const gridBottom = top + likelihood.length * cellH;
  impact.forEach((iv, ii) => {
    const x = gridX + ii * cellW;
    L.tag('P', () =>
      L.draw(`${iv.level} · ${iv.label}`, x + 2, gridBottom + 4, cellW - 4, {
        ...axisLabelStyle,
        align: 'center',
      }),
    );
  });
  L.tag('P', () =>
    L.draw(`${t('impact')} →`, gridX, gridBottom + bottomH - 12, L.right - gridX, {
      font: 'bold',
      size: SIZE.body,
      color: COLORS.accent,
      align: 'center',
    }),
  );
  // The likelihood axis title reads bottom-up along the left edge.
  const axisTitle = `${t('likelihood')} →`;
  const gridH = likelihood.length * cellH;
  L.tag('P', () => {
    doc.save();
    doc.rotate(-90, { origin: [L.left + 2, top + gridH / 2] });
    L.draw(axisTitle, L.left + 2 - gridH / 2, top + gridH / 2, gridH, {
      font: 'bold',
      size: SIZE.body,
      color: COLORS.accent,
      align: 'center',
    });
    doc.restore();
    L.resetStyle();
  });
  L.close();
  L.y = gridBottom + bottomH + 10;

  // Legend: swatch, class label, acceptable or not (in words).
  L.ensure(20 + classes.length * 16);
  L.heading(3, t('legend'));
  L.open('L');
  for (const c of classes) {
    const y = L.y;
    L.artifact(() => doc.rect(L.left, y, 26, 12).fill(c.color));
    L.tag('LI', () => {
      L.draw(c.label, L.left + 34, y + 1, 120, { font: 'bold', size: SIZE.body });
      L.draw(c.acceptable ? t('acceptable') : `✗ ${t('notAcceptable')}`, L.left + 160, y + 1, 200, {
        size: SIZE.body,
        color: c.acceptable ? COLORS.ok : COLORS.danger,
        font: c.acceptable ? 'regular' : 'bold',
      });
    });
    L.y = y + 16;
  }
  L.close();
}
