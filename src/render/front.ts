import { phones, type RenderContext } from './context.js';
import { COLORS, PAGE, SIZE } from './layout.js';

export interface CoverInfo {
  generated: Date;
  commit: { hash: string; modified: boolean } | undefined;
  draftErrors: number;
}

/** Page 1: what this document is, whose, which version, how current. */
export function drawCover(ctx: RenderContext, info: CoverInfo): void {
  const { L, m, t } = ctx;
  const { doc } = L;
  L.open('Sect');
  L.artifact(() => {
    doc.rect(0, PAGE.top - 8, PAGE.width, 6).fill(COLORS.accent);
  });
  L.y = PAGE.top + 70;
  L.tag('P', () => {
    L.draw(t('runbook').toUpperCase(), L.left, L.y, L.width, {
      font: 'bold',
      size: 11,
      color: COLORS.muted,
    });
  });
  L.y += 22;
  const title = m.title;
  const th = L.heightOf(title, L.width, { font: 'bold', size: 28, lineGap: 2 });
  L.tag('H1', () =>
    L.draw(title, L.left, L.y, L.width, { font: 'bold', size: 28, color: COLORS.accent, lineGap: 2 }, th),
  );
  L.y += th + 8;
  if (m.organization) {
    L.paragraph(m.organization, { size: 15, color: COLORS.text });
  }
  if (m.role) {
    L.y += 10;
    L.paragraph(`${t('roleExtract')}: ${ctx.roleLabel(m.role)}`, {
      font: 'bold',
      size: 12,
      color: COLORS.danger,
    });
  }
  if (info.draftErrors > 0) {
    L.y += 10;
    L.paragraph(info.draftErrors === 1 ? t('draftOne') : t('draft', { n: info.draftErrors }), {
      font: 'bold',
      size: 16,
      color: COLORS.danger,
    });
  }
  L.y += 36;
  const y = L.y;
  L.artifact(() => doc.moveTo(L.left, y).lineTo(L.right, y).lineWidth(0.6).strokeColor(COLORS.rule).stroke());
  L.y += 14;
  const approved = [ctx.roleLabel(m.approvedBy), ctx.date(m.approved)].filter(Boolean);
  const commit = info.commit ? `${info.commit.hash}${info.commit.modified ? ` (${t('modified')})` : ''}` : '';
  L.facts(
    [
      [t('version'), m.version],
      [t('classification'), ctx.i18n.enumLabel('class', m.classification)],
      [t('owner'), ctx.roleLabel(m.owner)],
      [t('emergencyOfficer'), ctx.roleLabel(m.emergencyOfficer)],
      [t('approvedBy'), m.approvedBy ? ctx.roleLabel(m.approvedBy) : ''],
      [t('approvedOn'), approved.length > 0 ? ctx.date(m.approved) : ''],
      [t('lastReview'), ctx.date(m.reviewed)],
      [t('nextReview'), ctx.date(m.nextReview)],
      [t('generated'), ctx.date(info.generated)],
      [t('gitCommit'), commit],
    ],
    150,
    { size: 10.5 },
  );
  if (m.redacted) {
    L.y += 12;
    L.paragraph(t('redacted'), { size: SIZE.body, color: COLORS.muted });
  }
  L.close();
}

/** Page 2: what to do before reading anything else. */
export function drawFirstHour(ctx: RenderContext): void {
  const { L, m, t } = ctx;
  const { doc } = L;
  L.newPage();
  L.open('Sect');
  L.heading(1, t('firstHour'), 'first-hour');
  ctx.chapter('first-hour', t('firstHour'), 1);
  L.paragraph(t('firstHourIntro'), { size: 10.5, color: COLORS.muted });
  L.y += 10;

  if (m.activation.criteria.length > 0) {
    L.heading(3, t('activation'));
    L.bullets(m.activation.criteria, { size: 10.5 });
  }
  if (m.activation.authorizedRoles.length > 0) {
    L.heading(3, t('whoMayActivate'));
    L.bullets(
      m.activation.authorizedRoles.map((r) => ctx.roleLabel(r)),
      { size: 10.5 },
    );
  }

  const officer = ctx.role(m.emergencyOfficer);
  if (officer) {
    L.heading(3, t('callFirst'));
    const people = [officer.primary, ...officer.deputies]
      .map((id) => ctx.contact(id))
      .filter((c) => c !== undefined);
    people.forEach((c, i) => {
      const big = i === 0 ? 17 : 13.5;
      const label = i === 0 ? `${officer.title}` : `${t('deputy')} ${i}`;
      const numbers = phones(c).join('\n') || c.email || '';
      const nameH = L.heightOf(c.name, 210, { font: 'bold', size: big });
      const numH = L.heightOf(numbers || 'X', L.width - 240, { font: 'bold', size: big });
      const h = Math.max(18 + nameH, 16 + numH) + 14;
      L.ensure(h);
      const y = L.y;
      L.artifact(() => {
        doc.rect(L.left, y, L.width, h - 6).fill(i === 0 ? COLORS.accentLight : COLORS.zebra);
        doc.rect(L.left, y, 4, h - 6).fill(i === 0 ? COLORS.danger : COLORS.accent);
      });
      L.open('Div');
      L.tag('P', () => {
        L.draw(`${i + 1}. ${label}`, L.left + 14, y + 7, 200, { size: SIZE.small, color: COLORS.muted });
        L.draw(c.name, L.left + 14, y + 18, 210, { font: 'bold', size: big });
      });
      L.tag('P', () =>
        L.draw(numbers, L.left + 230, y + 16, L.width - 240, {
          font: 'bold',
          size: big,
          color: COLORS.accent,
        }),
      );
      L.close();
      L.y = y + h;
    });
  }

  const severe = m.scenarios.filter((s) => s.measures.respond.length > 0).slice(0, 3);
  if (severe.length > 0) {
    L.heading(3, t('firstSteps'));
    for (const s of severe) {
      L.ensure(40);
      L.paragraph(`${s.title}${s.cls ? ` — ${s.cls.label}` : ''}`, { font: 'bold', size: 10 });
      L.y += 2;
      for (const step of s.measures.respond.slice(0, 3)) {
        const deadline = step.within ? t('within', { d: ctx.duration(step.within) }) : '';
        const text = `${step.action}\n${[ctx.roleLabel(step.owner), deadline].filter(Boolean).join(' · ')}`;
        const h = L.heightOf(text, L.width - 24, { size: SIZE.body });
        L.ensure(h + 4);
        const y = L.y;
        L.artifact(() =>
          doc
            .rect(L.left + 4, y + 2, 9, 9)
            .lineWidth(0.8)
            .strokeColor(COLORS.text)
            .stroke(),
        );
        L.paragraph(text, { size: SIZE.body }, L.left + 20, L.width - 20);
        L.y += 3;
      }
      if (s.measures.respond.length > 3) {
        L.paragraph(
          `+ ${s.measures.respond.length - 3} ${t('more')}`,
          { size: SIZE.small, color: COLORS.muted },
          L.left + 20,
        );
      }
      L.y += 6;
    }
  }
  L.close();
}
