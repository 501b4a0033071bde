import { type Duration, durationSeconds } from '../plan/dates.js';
import type { RenderContext } from './context.js';
import { COLORS, PAGE, SIZE } from './layout.js';
import type { ModelScenario } from './model.js';

type Kind = 'trigger' | 'respond' | 'recover' | 'end';

interface Node {
  kind: Kind;
  title: string;
  detail: string;
  number?: number;
}

const STYLE: Record<Kind, { fill: string; stroke: string; ink: string }> = {
  trigger: { fill: COLORS.accent, stroke: COLORS.accent, ink: '#ffffff' },
  respond: { fill: '#fdf1e7', stroke: '#c2410c', ink: COLORS.text },
  recover: { fill: '#e9f2fb', stroke: '#1d5fa8', ink: COLORS.text },
  end: { fill: COLORS.ok, stroke: COLORS.ok, ink: '#ffffff' },
};

function fromSeconds(total: number): Duration {
  const days = Math.floor(total / 86400);
  const hours = Math.floor((total % 86400) / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  return { years: 0, months: 0, weeks: 0, days, hours, minutes, seconds: 0 };
}

/**
 * The procedure as a vector flowchart: trigger → respond steps (owner, deadline and the
 * running T+ time) → recover steps → back to normal. Boxes never split; a box that does not
 * fit starts the next page with a short arrow stub, so the chart reads on across pages.
 */
export function drawFlowchart(ctx: RenderContext, s: ModelScenario): void {
  const { L, t } = ctx;
  const { doc } = L;
  const nodes: Node[] = [{ kind: 'trigger', title: t('trigger'), detail: s.trigger ?? s.title }];
  let elapsed = 0;
  s.measures.respond.forEach((step, i) => {
    const parts = [ctx.roleLabel(step.owner)];
    if (step.within) {
      elapsed += durationSeconds(step.within);
      parts.push(t('within', { d: ctx.duration(step.within) }));
      parts.push(t('elapsed', { d: ctx.duration(fromSeconds(elapsed)) }));
    }
    nodes.push({
      kind: 'respond',
      title: step.action,
      detail: parts.filter(Boolean).join(' · '),
      number: i + 1,
    });
  });
  s.measures.recover.forEach((step, i) => {
    const parts = [ctx.roleLabel(step.owner)];
    if (step.within) parts.push(t('within', { d: ctx.duration(step.within) }));
    nodes.push({
      kind: 'recover',
      title: step.action,
      detail: parts.filter(Boolean).join(' · '),
      number: s.measures.respond.length + i + 1,
    });
  });
  nodes.push({ kind: 'end', title: t('backToNormal'), detail: '' });

  const laneW = 92;
  const boxX = L.left + laneW;
  const boxW = Math.min(360, L.width - laneW - 10);
  const pad = 7;
  const numW = 20;
  const gap = 20;
  let lastKind: Kind | undefined;
  let first = true;

  L.open('Div');
  for (const node of nodes) {
    const st = STYLE[node.kind];
    const textW = boxW - 2 * pad - (node.number ? numW : 0);
    const titleStyle = { font: 'bold' as const, size: SIZE.body, color: st.ink };
    const detailStyle = {
      size: SIZE.small,
      color: node.kind === 'trigger' || node.kind === 'end' ? st.ink : COLORS.muted,
    };
    const th = L.heightOf(node.title, textW, titleStyle);
    const dh = node.detail ? L.heightOf(node.detail, textW, detailStyle) + 2 : 0;
    const h = Math.min(th + dh + 2 * pad, L.bottom - PAGE.top - gap);
    const need = (first ? 0 : gap) + h;
    let stub = false;
    if (L.y + need > L.bottom) {
      L.newPage();
      stub = !first;
    }
    const arrowTop = L.y;
    const y = first ? L.y : L.y + gap;
    const cx = boxX + boxW / 2;
    L.artifact(() => {
      if (!first) {
        if (stub) doc.dash(2, { space: 2 });
        doc
          .moveTo(cx, arrowTop + (stub ? 0 : 1))
          .lineTo(cx, y - 5)
          .lineWidth(1.2)
          .strokeColor(COLORS.muted)
          .stroke();
        doc.undash();
        doc
          .moveTo(cx - 4, y - 6)
          .lineTo(cx + 4, y - 6)
          .lineTo(cx, y)
          .closePath()
          .fill(COLORS.muted);
      }
      const r = node.kind === 'trigger' || node.kind === 'end' ? 12 : 3;
      doc.roundedRect(boxX, y, boxW, h, r).fillAndStroke(st.fill, st.stroke);
      if (node.kind === 'respond' || node.kind === 'recover') {
        doc.rect(boxX, y, 4, h).fill(st.stroke);
      }
    });
    // The phase name in the lane at its first box (and again after a page break).
    if (node.kind !== lastKind || stub) {
      const lane = node.kind === 'respond' ? t('respond') : node.kind === 'recover' ? t('recover') : '';
      if (lane) {
        L.tag('P', () =>
          L.draw(lane.toUpperCase(), L.left, y + pad, laneW - 10, {
            font: 'bold',
            size: SIZE.tiny,
            color: st.stroke,
            align: 'right',
          }),
        );
      }
    }
    L.tag('P', () => {
      let x = boxX + pad;
      if (node.number) {
        L.draw(String(node.number), x + 2, y + pad, numW - 4, {
          font: 'bold',
          size: SIZE.body,
          color: st.stroke,
        });
        x += numW;
      }
      L.draw(node.title, x, y + pad, textW, titleStyle, Math.min(th, h - 2 * pad));
      if (node.detail && th + dh <= h - 2 * pad)
        L.draw(node.detail, x, y + pad + th + 2, textW, detailStyle, dh);
    });
    L.y = y + h;
    lastKind = node.kind;
    first = false;
  }
  L.close();
  L.y += 10;
}
