import { Chalk } from 'chalk';
import type { MatrixView } from '../matrix/view.js';
import type { Language } from '../plan/matrix.js';
import { printable } from '../util/printable.js';

interface Words {
  title: string;
  likelihood: string;
  impact: string;
  acceptable: string;
  notAcceptable: string;
  unclassified: string;
  scenarios: string;
  none: string;
  unknownLevels: string;
}

const WORDS: Record<Language, Words> = {
  en: {
    title: 'Risk matrix',
    likelihood: 'Likelihood',
    impact: 'Impact',
    acceptable: 'acceptable',
    notAcceptable: 'not acceptable',
    unclassified: 'no class',
    scenarios: 'Scenarios',
    none: 'none',
    unknownLevels: 'Scenarios with levels the matrix does not have',
  },
  de: {
    title: 'Risikomatrix',
    likelihood: 'Eintrittswahrscheinlichkeit',
    impact: 'Auswirkung',
    acceptable: 'akzeptabel',
    notAcceptable: 'nicht akzeptabel',
    unclassified: 'keine Klasse',
    scenarios: 'Szenarien',
    none: 'keine',
    unknownLevels: 'Szenarien mit Stufen, die die Matrix nicht kennt',
  },
  nl: {
    title: 'Risicomatrix',
    likelihood: 'Kans',
    impact: 'Impact',
    acceptable: 'aanvaardbaar',
    notAcceptable: 'niet aanvaardbaar',
    unclassified: 'geen klasse',
    scenarios: 'Scenario’s',
    none: 'geen',
    unknownLevels: 'Scenario’s met niveaus die de matrix niet kent',
  },
  da: {
    title: 'Risikomatrix',
    likelihood: 'Sandsynlighed',
    impact: 'Konsekvens',
    acceptable: 'acceptabel',
    notAcceptable: 'ikke acceptabel',
    unclassified: 'ingen klasse',
    scenarios: 'Scenarier',
    none: 'ingen',
    unknownLevels: 'Scenarier med niveauer, som matricen ikke kender',
  },
  nb: {
    title: 'Risikomatrise',
    likelihood: 'Sannsynlighet',
    impact: 'Konsekvens',
    acceptable: 'akseptabel',
    notAcceptable: 'ikke akseptabel',
    unclassified: 'ingen klasse',
    scenarios: 'Scenarioer',
    none: 'ingen',
    unknownLevels: 'Scenarioer med nivåer som matrisen ikke har',
  },
};

/** Marks a not-acceptable class in every cell, so the matrix reads without colour too. */
const NOT_ACCEPTABLE_MARK = '!';

const width = (s: string) => [...s].length;
const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - width(s)));

function textColor(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255) as [
    number,
    number,
    number,
  ];
  return 0.299 * r + 0.587 * g + 0.114 * b > 0.55 ? '#000000' : '#ffffff';
}

export interface MatrixTextOptions {
  language: Language;
  /** chalk level: 0 for no colour; class colours become cell backgrounds otherwise. */
  colorLevel: 0 | 1 | 2 | 3;
}

/** The risk matrix as terminal text: likelihood rows (highest on top), impact columns. */
export function formatMatrixText(planView: MatrixView, options: MatrixTextOptions): string {
  // Titles and labels are the plan's text: no ESC sequences or line breaks reach the terminal.
  const view: MatrixView = JSON.parse(JSON.stringify(planView), (_, v) =>
    typeof v === 'string' ? printable(v) : v,
  );
  const w = WORDS[options.language] ?? WORDS.en;
  const chalk = new Chalk({ level: options.colorLevel });
  const classes = new Map(view.matrix.classes.map((c) => [c.id, c]));
  const classLabel = (id: string | null) => {
    const c = id === null ? undefined : classes.get(id);
    if (!c) return `? ${w.unclassified}`;
    return c.acceptable ? c.label : `${c.label} ${NOT_ACCEPTABLE_MARK}`;
  };
  const cellOf = (l: number, i: number) => view.cells.find((c) => c.likelihood === l && c.impact === i)!;
  const rows = [...view.matrix.likelihood].reverse();
  const cols = view.matrix.impact;

  // The axes are named above the grid, not in its corner: "Eintrittswahrscheinlichkeit ↓
  // Auswirkung →" there widened the first column by 26 characters, past 120 on a terminal.
  const axes = `${w.likelihood} ↓  ${w.impact} →`;
  const rowHeads = rows.map((l) => `${l.level} ${l.label}`);
  const headWidth = Math.max(...rowHeads.map(width));
  const colWidths = cols.map((i) => {
    const texts = [`${i.level} ${i.label}`];
    for (const l of rows) {
      const cell = cellOf(l.level, i.level);
      texts.push(classLabel(cell.class), ...cell.scenarios);
    }
    return Math.max(...texts.map(width));
  });

  const paint = (s: string, id: string | null) => {
    const c = id === null ? undefined : classes.get(id);
    if (!c || options.colorLevel === 0) return s;
    return chalk.bgHex(c.color).hex(textColor(c.color))(s);
  };
  const rule = `${'─'.repeat(headWidth + 1)}┼${colWidths.map((n) => '─'.repeat(n + 2)).join('┼')}`;
  const out: string[] = [];
  out.push(`${w.title}: ${view.title ? `${view.title} (${view.plan})` : view.plan}`, '', axes);
  out.push(
    `${pad('', headWidth)} │${cols.map((i, k) => ` ${pad(`${i.level} ${i.label}`, colWidths[k]!)} `).join('│')}`,
  );
  rows.forEach((l, r) => {
    out.push(rule);
    const cells = cols.map((i) => cellOf(l.level, i.level));
    const height = Math.max(1, ...cells.map((c) => 1 + c.scenarios.length));
    for (let line = 0; line < height; line++) {
      const head = line === 0 ? rowHeads[r]! : '';
      const parts = cells.map((c, k) => {
        const content = line === 0 ? classLabel(c.class) : (c.scenarios[line - 1] ?? '');
        return paint(` ${pad(content, colWidths[k]!)} `, c.class);
      });
      out.push(`${pad(head, headWidth)} │${parts.join('│')}`);
    }
  });
  out.push('');

  const acceptable = view.matrix.classes.filter((c) => c.acceptable);
  const notAcceptable = view.matrix.classes.filter((c) => !c.acceptable);
  const legend = (list: typeof acceptable) =>
    options.colorLevel === 0
      ? list.map((c) => classLabel(c.id)).join(', ')
      : list.map((c) => paint(` ${classLabel(c.id)} `, c.id)).join(' ');
  if (acceptable.length > 0) out.push(`${w.acceptable}: ${legend(acceptable)}`);
  if (notAcceptable.length > 0) {
    out.push(`${w.notAcceptable} (${NOT_ACCEPTABLE_MARK}): ${legend(notAcceptable)}`);
  }
  out.push('');

  out.push(`${w.scenarios}:${view.scenarios.length === 0 ? ` ${w.none}` : ''}`);
  const idWidth = Math.max(0, ...view.scenarios.map((s) => width(s.id)));
  const rated = (s: (typeof view.scenarios)[number]) => {
    const verdict = s.acceptable === null ? w.unclassified : s.acceptable ? w.acceptable : w.notAcceptable;
    const cls = s.class === null ? '?' : (classes.get(s.class)?.label ?? s.class);
    return `${cls} (${verdict})`;
  };
  // Class and verdict padded too, so the titles start in one column.
  const ratedWidth = Math.max(0, ...view.scenarios.map((s) => width(rated(s))));
  for (const s of [...view.scenarios].sort((a, b) => b.score - a.score || a.id.localeCompare(b.id))) {
    out.push(
      `  ${pad(s.id, idWidth)}  ${s.likelihood} × ${s.impact} = ${String(s.score).padStart(2)}  ${s.title ? `${pad(rated(s), ratedWidth)}  ${s.title}` : rated(s)}`,
    );
  }
  if (view.unplaced.length > 0) {
    out.push('', `${w.unknownLevels}:`);
    for (const s of view.unplaced) {
      out.push(
        `  ${s.id}  ${w.likelihood.toLowerCase()} ${JSON.stringify(s.likelihood ?? null)}, ${w.impact.toLowerCase()} ${JSON.stringify(s.impact ?? null)}${s.title ? `  ${s.title}` : ''}`,
      );
    }
  }
  const lines = options.colorLevel === 0 ? out.map((l) => l.trimEnd()) : out;
  return `${lines.join('\n')}\n`;
}
