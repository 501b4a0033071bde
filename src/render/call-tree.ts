import { phones, type RenderContext } from './context.js';
import { COLORS, PAGE, SIZE } from './layout.js';
import type { ModelRole } from './model.js';

/**
 * Who calls whom: for each role (the emergency officer first) a box for the role, an arrow
 * to its primary, and the deputies to try in order when the primary cannot be reached.
 */
export function drawCallTree(ctx: RenderContext): void {
  const { L, m, t } = ctx;
  const { doc } = L;
  const roles: ModelRole[] = [
    ...m.roles.filter((r) => r.id === m.emergencyOfficer),
    ...m.roles.filter((r) => r.id !== m.emergencyOfficer),
  ];
  if (roles.length === 0) {
    L.paragraph(t('nothing'));
    return;
  }
  const gap = 26;
  const colW = (L.width - 2 * gap) / 3;
  const xs = [L.left, L.left + colW + gap, L.left + 2 * (colW + gap)];
  const pad = 6;
  const nameStyle = { font: 'bold' as const, size: SIZE.small + 0.5 };
  const lineStyle = { size: SIZE.small };

  const personText = (id: string | undefined): [string, string] => {
    const c = ctx.contact(id);
    if (!c) return [id ?? '—', ''];
    return [c.name, phones(c).join('\n') || c.email || ''];
  };
  const boxHeight = ([name, line]: [string, string]) =>
    L.heightOf(name, colW - 2 * pad, nameStyle) +
    (line ? L.heightOf(line, colW - 2 * pad, lineStyle) : 0) +
    2 * pad;

  const arrow = (x1: number, y1: number, x2: number, y2: number) => {
    doc
      .moveTo(x1, y1)
      .lineTo(x2 - 5, y2)
      .lineWidth(1)
      .strokeColor(COLORS.muted)
      .stroke();
    doc
      .moveTo(x2 - 6, y2 - 3.5)
      .lineTo(x2, y2)
      .lineTo(x2 - 6, y2 + 3.5)
      .closePath()
      .fill(COLORS.muted);
  };

  const drawBox = (x: number, y: number, h: number, label: string, body: [string, string], tone: string) => {
    L.artifact(() => {
      doc.roundedRect(x, y, colW, h, 4).fillAndStroke('#ffffff', tone);
      doc.rect(x, y + 3, 3, h - 6).fill(tone);
    });
    L.tag('P', () => {
      L.draw(label, x + pad, y - 10, colW - 2 * pad, { size: SIZE.tiny, color: COLORS.muted });
      const nh = L.draw(body[0], x + pad + 2, y + pad, colW - 2 * pad - 2, nameStyle);
      if (body[1])
        L.draw(body[1], x + pad + 2, y + pad + nh, colW - 2 * pad - 2, {
          ...lineStyle,
          color: COLORS.accent,
        });
    });
  };

  L.open('Div');
  for (const role of roles) {
    const roleBody: [string, string] = [
      role.title,
      role.id === m.emergencyOfficer ? t('emergencyOfficer') : '',
    ];
    const primary = personText(role.primary);
    const deputies = role.deputies.map((d) => personText(d));
    const roleH = boxHeight(roleBody);
    const primaryH = boxHeight(primary);
    const depHs = deputies.map(boxHeight);
    const depTotal = depHs.reduce((a, b) => a + b + 16, 0) || 26;
    const rowH = Math.min(Math.max(roleH, primaryH, depTotal) + 16, L.bottom - PAGE.top);
    L.ensure(rowH);
    const y = L.y + 12;
    drawBox(xs[0]!, y, roleH, t('role'), roleBody, COLORS.accent);
    drawBox(
      xs[1]!,
      y,
      primaryH,
      t('primary'),
      primary,
      role.id === m.emergencyOfficer ? COLORS.danger : COLORS.accent,
    );
    L.artifact(() => arrow(xs[0]! + colW, y + roleH / 2, xs[1]!, y + Math.min(roleH, primaryH) / 2));
    if (deputies.length === 0) {
      L.tag('P', () =>
        L.draw(`(${t('noDeputy')})`, xs[2]!, y + 4, colW, {
          size: SIZE.small,
          color: COLORS.danger,
          font: 'italic',
        }),
      );
    }
    // A row is at most a page: deputies that do not fit beside the primary are counted, not
    // dropped unseen (the contact directory lists them all).
    const noteH = 14;
    let shown = 0;
    for (let end = y; shown < deputies.length; shown++) {
      end += depHs[shown]! + 16;
      const rest = shown + 1 < deputies.length ? noteH : 0;
      if (end - 16 + rest > L.bottom) break;
    }
    let dy = y;
    deputies.slice(0, shown).forEach((d, i) => {
      drawBox(xs[2]!, dy, depHs[i]!, `${t('deputy')} ${i + 1}`, d, COLORS.muted);
      const from = xs[1]! + colW;
      L.artifact(() => {
        if (i === 0) arrow(from, y + primaryH / 2, xs[2]!, dy + depHs[i]! / 2);
        else {
          const px = xs[2]! - 10;
          doc
            .moveTo(px, y + primaryH / 2)
            .lineTo(px, dy + depHs[i]! / 2)
            .lineWidth(1)
            .strokeColor(COLORS.muted)
            .stroke();
          arrow(px, dy + depHs[i]! / 2, xs[2]!, dy + depHs[i]! / 2);
        }
      });
      dy += depHs[i]! + 16;
    });
    if (shown < deputies.length) {
      L.tag('P', () =>
        L.draw(`+ ${deputies.length - shown} ${t('more')} → ${t('contacts')}`, xs[2]!, dy - 4, colW, {
          size: SIZE.small,
          color: COLORS.muted,
          font: 'italic',
        }),
      );
      dy += noteH;
    }
    L.y = y + Math.max(roleH, primaryH, dy - y - 16) + 8;
    L.artifact(() =>
      doc.moveTo(L.left, L.y).lineTo(L.right, L.y).lineWidth(0.4).strokeColor(COLORS.rule).stroke(),
    );
    L.y += 4;
  }
  L.close();
}
