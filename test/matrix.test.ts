import { describe, expect, it } from 'vitest';
import { buildMatrixView, type MatrixView } from '../src/matrix/view.js';
import { loadPlan } from '../src/plan/load.js';
import { formatMatrixText } from '../src/report/matrix-text.js';
import { bcplan } from './helpers/cli.js';

const F = 'test/fixtures/matrix';

const run = (args: string[], env: NodeJS.ProcessEnv = {}) => bcplan(args, { env });

const ESC = '\u001b[';

describe('buildMatrixView', () => {
  it('places scenarios in their cells and lists those with unknown levels', () => {
    const view = buildMatrixView(loadPlan(`${F}/custom.yaml`));
    expect(view.matrix.default).toBe(false);
    expect(view.cells).toEqual([
      { likelihood: 1, impact: 1, class: 'ok', acceptable: true, scenarios: [] },
      { likelihood: 1, impact: 2, class: 'ok', acceptable: true, scenarios: ['cold'] },
      { likelihood: 2, impact: 1, class: 'ok', acceptable: true, scenarios: [] },
      { likelihood: 2, impact: 2, class: 'bad', acceptable: false, scenarios: ['flood', 'fire'] },
    ]);
    expect(view.scenarios.map((s) => [s.id, s.score, s.class])).toEqual([
      ['flood', 4, 'bad'],
      ['cold', 2, 'ok'],
      ['fire', 4, 'bad'],
    ]);
    expect(view.unplaced).toEqual([{ id: 'meteor', title: 'Meteor', likelihood: 7, impact: 2 }]);
  });

  it('uses the default matrix in the plan’s language, or the one asked for', () => {
    const plan = loadPlan(`${F}/default.yaml`);
    expect(buildMatrixView(plan).matrix.likelihood.at(-1)).toEqual({ level: 5, label: 'nesten sikker' });
    expect(buildMatrixView(plan, 'de').matrix.classes.map((c) => c.label)).toEqual([
      'niedrig',
      'mittel',
      'hoch',
      'kritisch',
    ]);
    expect(buildMatrixView(plan).matrix.default).toBe(true);
  });
});

describe('formatMatrixText', () => {
  const view = buildMatrixView(loadPlan(`${F}/custom.yaml`));

  it('prints likelihood rows highest first, a class label in every cell and the legend', () => {
    const rule = `${'─'.repeat(9)}┼${'─'.repeat(9)}┼${'─'.repeat(9)}`;
    expect(formatMatrixText(view, { language: 'en', colorLevel: 0 })).toBe(
      [
        `Risk matrix: Small matrix (${F}/custom.yaml)`,
        '',
        'Likelihood ↓  Impact →',
        '         │ 1 small │ 2 big',
        rule,
        '2 often  │ fine    │ awful !',
        '         │         │ flood',
        '         │         │ fire',
        rule,
        '1 seldom │ fine    │ fine',
        '         │         │ cold',
        '',
        'acceptable: fine',
        'not acceptable (!): awful !',
        '',
        'Scenarios:',
        '  fire   2 × 2 =  4  awful (not acceptable)  Fire',
        '  flood  2 × 2 =  4  awful (not acceptable)  Flood',
        '  cold   1 × 2 =  2  fine (acceptable)       Cold',
        '',
        'Scenarios with levels the matrix does not have:',
        '  meteor  likelihood 7, impact 2  Meteor',
        '',
      ].join('\n'),
    );
  });

  it('paints each cell with its class colour only when asked, keeping the label', () => {
    const colored = formatMatrixText(view, { language: 'en', colorLevel: 3 });
    expect(colored).toContain(`${ESC}48;2;198;40;40m`); // #c62828 background
    expect(colored).toContain(`${ESC}48;2;46;125;50m`); // #2e7d32 background
    expect(colored.replace(/\u001b\[[0-9;]*m/g, '')).toContain('│ awful ! ');
    expect(formatMatrixText(view, { language: 'en', colorLevel: 0 })).not.toContain(ESC);
  });

  it('translates its own words', () => {
    const text = formatMatrixText(buildMatrixView(loadPlan(`${F}/default.yaml`)), {
      language: 'nb',
      colorLevel: 0,
    });
    expect(text).toContain('Sannsynlighet ↓  Konsekvens →');
    expect(text).toContain('ikke akseptabel (!): høy !, kritisk !');
    expect(text).toMatch(/^5 nesten sikker +│ middels +│ høy ! +│ høy ! +│ kritisk ! +│ kritisk !$/m);
    expect(text).toMatch(/^ +│ +│ +│ +│ +│ strømbrudd$/m);
  });

  it('marks a cell the matrix cannot classify instead of leaving it blank', () => {
    const broken: MatrixView = {
      ...view,
      cells: view.cells.map((c) => ({ ...c, class: null, acceptable: null })),
    };
    expect(formatMatrixText(broken, { language: 'en', colorLevel: 0 })).toContain('│ ? no class');
  });
});

describe('bcplan matrix (built CLI)', () => {
  it('prints the matrix without colour when stdout is not a terminal', async () => {
    const r = await run(['matrix', `${F}/custom.yaml`]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('2 often  │ fine    │ awful !');
    expect(r.stdout).not.toContain(ESC);
  });

  it('paints with --color or FORCE_COLOR, and never with --no-color', async () => {
    expect((await run(['matrix', `${F}/custom.yaml`, '--color'])).stdout).toContain(ESC);
    expect((await run(['matrix', `${F}/custom.yaml`], { FORCE_COLOR: '3' })).stdout).toContain(
      `${ESC}48;2;198;40;40m`,
    );
    expect(
      (await run(['matrix', `${F}/custom.yaml`, '--no-color'], { FORCE_COLOR: '3' })).stdout,
    ).not.toContain(ESC);
  });

  it('--lang relabels the default matrix', async () => {
    const r = await run(['matrix', `${F}/default.yaml`, '--lang', 'de']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Eintrittswahrscheinlichkeit ↓  Auswirkung →');
    expect(r.stdout).toContain('5 fast sicher');
  });

  it('--format json prints the view', async () => {
    const r = await run(['matrix', `${F}/custom.yaml`, '--format', 'json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as MatrixView;
    expect(Object.keys(json)).toEqual(['plan', 'title', 'matrix', 'cells', 'scenarios', 'unplaced']);
    expect(json.plan).toBe(`${F}/custom.yaml`);
    expect(json.matrix.classes).toEqual([
      { id: 'ok', label: 'fine', acceptable: true, color: '#2e7d32' },
      { id: 'bad', label: 'awful', acceptable: false, color: '#c62828' },
    ]);
    expect(json.cells.find((c) => c.likelihood === 2 && c.impact === 2)?.scenarios).toEqual([
      'flood',
      'fire',
    ]);
    expect(json.unplaced.map((s) => s.id)).toEqual(['meteor']);
  });

  it('a plan that is not well-formed YAML: findings on stderr, exit 1', async () => {
    const r = await run(['matrix', `${F}/broken.yaml`]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('yaml-syntax');
    expect(r.stderr).toContain('cannot be read as a plan');
  });

  it.each([
    [
      ['matrix', `${F}/missing.yaml`],
      /^bcplan: cannot read test\/fixtures\/matrix\/missing.yaml: the file does not exist\n$/,
    ],
    [['matrix', F], /^bcplan: cannot read test\/fixtures\/matrix: it is not a file\n$/],
    [
      ['matrix', `${F}/custom.yaml`, '--format', 'svg'],
      /^bcplan: --format must be one of text, json, not "svg"\n$/,
    ],
    [
      ['matrix', `${F}/custom.yaml`, '--lang', 'fr'],
      /^bcplan: --lang must be one of en, de, nl, da, nb, not "fr"\n$/,
    ],
  ])('%j exits 2 with one line', async (args, message) => {
    const r = await run(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });
});
