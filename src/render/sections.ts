import type { Finding } from '../plan/types.js';
import { drawCallTree } from './call-tree.js';
import type { RenderContext } from './context.js';
import { drawFlowchart } from './flowchart.js';
import { type Cell, COLORS, SIZE } from './layout.js';
import { drawMatrix, textOn } from './matrix.js';
import type { ModelScenario, ModelStep, Phase } from './model.js';

export const scenarioDest = (id: string) => `scenario-${id}`;

function nothing(ctx: RenderContext): void {
  ctx.L.paragraph(ctx.t('nothing'), { color: COLORS.muted, font: 'italic' });
}

/** Starts a chapter on a fresh page with its heading, bookmark and TOC entry. */
function chapter(ctx: RenderContext, key: string, title: string, newPage = true): void {
  if (newPage) ctx.L.newPage();
  ctx.L.heading(1, title, key);
  ctx.chapter(key, title, 1);
}

function section(ctx: RenderContext, key: string, title: string): void {
  ctx.L.heading(2, title, key);
  ctx.chapter(key, title, 1);
}

export function drawRiskMatrix(ctx: RenderContext): void {
  const { L, m, t } = ctx;
  L.open('Sect');
  chapter(ctx, 'risk-matrix', t('riskMatrix'));
  drawMatrix(ctx);
  if (m.scenarios.length > 0) {
    L.heading(3, t('ratings'));
    L.table(
      [
        { header: 'ID', width: 2.4 },
        { header: t('scenario'), width: 4.6 },
        { header: t('likelihood'), width: 2.6 },
        { header: t('impact'), width: 2.6 },
        { header: t('rating'), width: 2.2 },
      ],
      m.scenarios.map((s) => {
        const lv = m.matrix.likelihood.find((l) => l.level === s.likelihood);
        const iv = m.matrix.impact.find((l) => l.level === s.impact);
        return [
          s.id,
          s.title,
          lv ? `${lv.level} · ${lv.label}` : String(s.likelihood ?? '?'),
          iv ? `${iv.level} · ${iv.label}` : String(s.impact ?? '?'),
          s.cls
            ? {
                text: s.cls.label,
                font: 'bold',
                sub: s.cls.acceptable ? t('acceptable') : t('notAcceptable'),
                color: s.cls.acceptable ? COLORS.text : COLORS.danger,
              }
            : '?',
        ];
      }),
    );
  }
  L.close();
}

function stepRows(ctx: RenderContext, steps: ModelStep[]): Cell[][] {
  return steps.map((s) => [
    { text: '', checkbox: true },
    { text: s.action },
    { text: ctx.roleLabel(s.owner) },
    { text: s.within ? ctx.duration(s.within) : ctx.t('none'), nowrap: true },
    { text: '' },
  ]);
}

function drawScenario(ctx: RenderContext, s: ModelScenario, first: boolean): void {
  const { L, m, t } = ctx;
  const { doc } = L;
  L.newPage();
  if (first) {
    L.heading(1, t('scenarios'), 'scenarios');
    ctx.chapter('scenarios', t('scenarios'), 1);
  }
  L.open('Sect');
  L.heading(2, s.title, scenarioDest(s.id));
  ctx.chapter(scenarioDest(s.id), s.title, 2);

  // The rating as a badge: class colour with its label and acceptability in words.
  if (s.cls) {
    const cls = s.cls;
    const label = `${cls.label} — ${cls.acceptable ? t('acceptable') : t('notAcceptable')}`;
    L.style({ font: 'bold', size: SIZE.small });
    const w = Math.min(doc.widthOfString(label) + 16, L.width);
    const y = L.y;
    L.artifact(() => doc.roundedRect(L.left, y, w, 15, 7).fill(cls.color));
    L.tag('P', () =>
      L.draw(label, L.left + 8, y + 3.5, w - 12, {
        font: 'bold',
        size: SIZE.small,
        color: textOn(cls.color),
      }),
    );
    L.y += 22;
  }
  const lv = m.matrix.likelihood.find((l) => l.level === s.likelihood);
  const iv = m.matrix.impact.find((l) => l.level === s.impact);
  const rating =
    s.likelihood !== undefined && s.impact !== undefined
      ? `${t('likelihood')} ${lv?.label ?? '?'} (${s.likelihood}) × ${t('impact')} ${iv?.label ?? '?'} (${s.impact}) = ${t('score')} ${s.likelihood * s.impact}`
      : '';
  L.facts(
    [
      ['ID', s.id],
      [t('description'), s.description ?? ''],
      [t('trigger'), s.trigger ?? ''],
      [t('rating'), rating],
      [t('owner'), ctx.roleLabel(s.owner)],
    ],
    110,
  );
  const services = s.services.map((id) => m.services.find((sv) => sv.id === id) ?? { id, name: id });
  if (services.length > 0) {
    L.heading(3, t('services'));
    L.table(
      [
        { header: t('service'), width: 4 },
        { header: t('criticality'), width: 2 },
        { header: t('rto'), width: 2 },
        { header: t('rpo'), width: 2 },
        { header: t('mtpd'), width: 2 },
      ],
      services.map((sv) =>
        'criticality' in sv
          ? [
              sv.name,
              ctx.i18n.enumLabel('crit', sv.criticality),
              ctx.duration(sv.rto) || t('none'),
              ctx.duration(sv.rpo) || t('none'),
              ctx.duration(sv.mtpd) || t('none'),
            ]
          : [sv.name, '', '', '', ''],
      ),
    );
  }
  L.heading(3, t('flowchart'));
  drawFlowchart(ctx, s);

  const phases: Phase[] = ['respond', 'recover', 'prevent'];
  for (const phase of phases) {
    const steps = s.measures[phase];
    if (steps.length === 0 && phase === 'prevent') continue;
    L.heading(3, `${t('checklist')}: ${t(phase)}`);
    if (steps.length === 0) {
      L.paragraph(t('noSteps'), { color: COLORS.muted, font: 'italic' });
      continue;
    }
    L.table(
      [
        { header: '', width: 0.6 },
        { header: t('action'), width: 6 },
        { header: t('owner'), width: 3.2 },
        { header: t('deadline'), width: 2 },
        { header: t('doneAt'), width: 2.6 },
      ],
      stepRows(ctx, steps),
      { minRow: 16 },
    );
  }
  L.close();
}

export function drawScenarios(ctx: RenderContext): void {
  const { L, m, t } = ctx;
  L.open('Sect');
  if (m.scenarios.length === 0) {
    chapter(ctx, 'scenarios', t('scenarios'));
    nothing(ctx);
  }
  m.scenarios.forEach((s, i) => {
    drawScenario(ctx, s, i === 0);
  });
  L.close();
}

export function drawRoles(ctx: RenderContext): void {
  const { L, m, t } = ctx;
  L.open('Sect');
  chapter(ctx, 'roles', t('roles'));
  if (m.roles.length === 0) nothing(ctx);
  else
    L.table(
      [
        { header: t('role'), width: 3.2 },
        { header: t('duties'), width: 5.4 },
        { header: t('primary'), width: 3 },
        { header: t('deputies'), width: 3 },
      ],
      m.roles.map((r) => [
        { text: r.title, font: 'bold', sub: r.id },
        r.duties.map((d) => `• ${d}`).join('\n'),
        ctx.contact(r.primary)?.name ?? r.primary ?? '',
        r.deputies.length > 0
          ? { text: r.deputies.map((d) => ctx.contact(d)?.name ?? d).join('\n') }
          : { text: t('noDeputy'), color: COLORS.danger },
      ]),
    );
  section(ctx, 'call-tree', t('callTree'));
  drawCallTree(ctx);
  L.close();
}

export function drawContacts(ctx: RenderContext): void {
  const { L, m, t } = ctx;
  L.open('Sect');
  chapter(ctx, 'contacts', t('contacts'));
  if (m.contacts.length === 0) nothing(ctx);
  else {
    const status = (c: (typeof m.contacts)[number]): Cell =>
      c.state === 'overdue'
        ? { text: `⚠ ${t('stale')}`, color: COLORS.danger, font: 'bold' }
        : c.state === 'due-soon'
          ? { text: `◷ ${t('dueSoon', { date: ctx.shortDate(c.due) })}`, color: COLORS.warn, font: 'bold' }
          : { text: '' };
    const cols = m.redacted
      ? [
          { header: t('name'), width: 5 },
          { header: t('phone'), width: 4 },
          { header: t('verified'), width: 3 },
          { header: t('status'), width: 3.4 },
        ]
      : [
          { header: t('name'), width: 4 },
          { header: t('phone'), width: 3.2 },
          { header: t('mobile'), width: 3.2 },
          { header: t('email'), width: 4.4 },
          { header: t('verified'), width: 2.6 },
          { header: t('status'), width: 2.8 },
        ];
    L.table(
      cols,
      m.contacts.map((c) => {
        const name: Cell = { text: c.name, font: 'bold', ...(c.organization ? { sub: c.organization } : {}) };
        const verified: Cell = { text: ctx.shortDate(c.verified), nowrap: true };
        const phone: Cell = { text: c.phone ?? '', nowrap: true };
        return m.redacted
          ? [name, phone, verified, status(c)]
          : [name, phone, { text: c.mobile ?? '', nowrap: true }, c.email ?? '', verified, status(c)];
      }),
    );
  }
  L.close();
}

export function drawProviders(ctx: RenderContext): void {
  const { L, m, t } = ctx;
  L.open('Sect');
  chapter(ctx, 'providers', t('providers'));
  if (m.providers.length === 0) nothing(ctx);
  else
    L.table(
      [
        { header: t('provider'), width: 4 },
        { header: t('site'), width: 2.6 },
        { header: t('services'), width: 3 },
        { header: t('sla'), width: 3.4 },
        { header: t('contractEnds'), width: 2.6 },
        { header: t('substitutability'), width: 2.6 },
      ],
      m.providers.map((p) => {
        const people = p.contacts
          .map((id) => ctx.contact(id))
          .filter((c) => c !== undefined)
          .map((c) => [c.name, c.phone ?? c.mobile, c.email].filter(Boolean).join(', '));
        const ends: Cell = {
          text: ctx.shortDate(p.contractEnds),
          nowrap: true,
          ...(p.contractState === 'overdue' || p.contractState === 'due-soon'
            ? {
                color: COLORS.danger,
                font: 'bold' as const,
                sub: `⚠ ${t(p.contractState === 'overdue' ? 'contractEnded' : 'contractEnding')}`,
              }
            : {}),
        };
        return [
          { text: p.name, font: 'bold', ...(people.length > 0 ? { sub: people.join('\n') } : {}) },
          [p.city, p.country].filter(Boolean).join(', '),
          p.services.map((id) => m.services.find((s) => s.id === id)?.name ?? id).join('\n'),
          p.sla ?? '',
          ends,
          {
            text: p.substitutability ? ctx.i18n.enumLabel('subst', p.substitutability) : '',
            ...(p.exitPlan !== undefined
              ? { sub: `${t('exitPlan')}: ${p.exitPlan ? t('yes') : t('no')}` }
              : {}),
          },
        ];
      }),
    );

  section(ctx, 'coverage', t('coverage'));
  if (m.services.length === 0) nothing(ctx);
  else
    L.table(
      [
        { header: t('service'), width: 3.4 },
        { header: t('criticality'), width: 2 },
        { header: t('minProviders'), width: 1.2, align: 'center' },
        { header: t('providers'), width: 5 },
        { header: t('status'), width: 3.4 },
      ],
      m.services.map((s) => {
        const ps = m.providers.filter((p) => p.services.includes(s.id));
        const sites = new Set(ps.map((p) => `${p.city}\0${p.country}`));
        const countries = new Set(ps.map((p) => p.country));
        let statusCell: Cell;
        if (ps.length === 0) statusCell = { text: t('inHouse'), color: COLORS.muted };
        else if (ps.length < s.minProviders)
          statusCell = { text: `✗ ${t('singleProvider')}`, color: COLORS.danger, font: 'bold' };
        else if (s.minProviders >= 2 && sites.size < 2)
          statusCell = { text: `✗ ${t('sameSite')}`, color: COLORS.danger, font: 'bold' };
        else
          statusCell = {
            text: `✓ ${t('covered')}`,
            color: COLORS.ok,
            font: 'bold',
            sub: [
              ctx.i18n.count('nProviders', ps.length),
              ctx.i18n.count('nSites', sites.size),
              ctx.i18n.count('nCountries', countries.size),
            ].join(', '),
          };
        return [
          { text: s.name, font: 'bold' },
          ctx.i18n.enumLabel('crit', s.criticality),
          String(s.minProviders),
          ps.map((p) => `${p.name} — ${[p.city, p.country].filter(Boolean).join(', ')}`).join('\n') ||
            t('none'),
          statusCell,
        ];
      }),
    );
  L.close();
}

export function drawOperations(ctx: RenderContext): void {
  const { L, m, t } = ctx;
  L.open('Sect');
  chapter(ctx, 'communication', t('communication'));
  if (m.communication.length === 0) nothing(ctx);
  else
    L.table(
      [
        { header: t('audience'), width: 2.4 },
        { header: t('channel'), width: 4 },
        { header: t('owner'), width: 3.4 },
        { header: t('deadline'), width: 2.2 },
        { header: t('message'), width: 4 },
      ],
      m.communication.map((c) => [
        { text: ctx.i18n.enumLabel('aud', c.audience), font: 'bold' },
        c.channel,
        ctx.roleLabel(c.owner),
        c.within ? ctx.duration(c.within) : t('none'),
        c.message ?? '',
      ]),
    );
  L.close();

  L.open('Sect');
  section(ctx, 'access', t('access'));
  if (m.access.length === 0) nothing(ctx);
  else
    L.table(
      [
        { header: t('system'), width: 3.4 },
        { header: t('vault'), width: 4.4 },
        { header: t('holders'), width: 4 },
        { header: t('verified'), width: 2.8 },
      ],
      m.access.map((a) => [
        { text: a.system, font: 'bold' },
        a.vault,
        a.holders.map((h) => ctx.roleLabel(h)).join('\n'),
        {
          text: ctx.shortDate(a.verified),
          nowrap: true,
          ...(a.state === 'overdue'
            ? { sub: `⚠ ${t('stale')}`, color: COLORS.danger }
            : a.state === 'due-soon'
              ? { sub: `◷ ${t('dueSoon', { date: ctx.shortDate(a.due) })}`, color: COLORS.warn }
              : {}),
        },
      ]),
    );
  L.close();

  L.open('Sect');
  section(ctx, 'exercises', t('exercises'));
  if (m.exercises.length === 0) nothing(ctx);
  else
    L.table(
      [
        { header: t('date'), width: 2.6 },
        { header: t('kind'), width: 2.4 },
        { header: t('scenarios'), width: 4 },
        { header: t('outcome'), width: 2.2 },
        { header: t('notes'), width: 4.4 },
      ],
      m.exercises.map((e) => [
        { text: ctx.shortDate(e.date), nowrap: true },
        ctx.i18n.enumLabel('ex', e.kind),
        e.scenarios.map((id) => m.scenarios.find((s) => s.id === id)?.title ?? id).join('\n'),
        {
          text: ctx.i18n.enumLabel('out', e.outcome),
          color: e.outcome === 'failed' ? COLORS.danger : e.outcome === 'partial' ? COLORS.warn : COLORS.text,
        },
        e.notes ?? '',
      ]),
    );
  L.close();

  L.open('Sect');
  section(ctx, 'regulations', t('regulations'));
  if (m.regulations.length === 0 && m.insurance.length === 0) nothing(ctx);
  L.bullets(m.regulations);
  if (m.insurance.length > 0) {
    L.heading(3, t('insurance'));
    L.table(
      [
        { header: t('kind'), width: 3 },
        { header: t('insurer'), width: 4 },
        { header: t('policy'), width: 3 },
      ],
      m.insurance.map((i) => [i.kind, i.insurer, i.policy]),
    );
  }
  L.close();

  L.open('Sect');
  section(ctx, 'distribution', t('distribution'));
  if (m.distribution.length === 0) nothing(ctx);
  L.bullets(m.distribution);
  L.close();
}

export function drawFindings(ctx: RenderContext, findings: Finding[]): void {
  const { L, t } = ctx;
  L.open('Sect');
  chapter(ctx, 'findings', t('findings'));
  L.table(
    [
      { header: t('severity'), width: 1.8 },
      { header: t('rule'), width: 3 },
      { header: t('location'), width: 3.4 },
      { header: t('findingMessage'), width: 7 },
    ],
    findings.map((f) => [
      {
        text: t(`sev.${f.severity}`),
        font: 'bold',
        color: f.severity === 'error' ? COLORS.danger : f.severity === 'warning' ? COLORS.warn : COLORS.muted,
      },
      f.rule,
      `${f.file}:${f.line}:${f.column}`,
      f.message,
    ]),
  );
  L.close();
}
