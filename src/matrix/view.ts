import { classify, type Language, type Matrix, resolveMatrix, score } from '../plan/matrix.js';
import type { LoadedPlan } from '../plan/types.js';

/** A scenario as the matrix shows it. */
export interface MatrixScenario {
  id: string;
  title: string | undefined;
  likelihood: unknown;
  impact: unknown;
}

export interface MatrixCell {
  likelihood: number;
  impact: number;
  /** The class id, or null when the matrix does not classify this cell (matrix-incomplete). */
  class: string | null;
  acceptable: boolean | null;
  scenarios: string[];
}

export interface PlacedScenario extends MatrixScenario {
  likelihood: number;
  impact: number;
  score: number;
  class: string | null;
  acceptable: boolean | null;
}

/** What `bcplan matrix` shows, as data: also the `--format json` output (see docs/readme/init.md). */
export interface MatrixView {
  plan: string;
  title: string | undefined;
  matrix: {
    default: boolean;
    likelihood: { level: number; label: string }[];
    impact: { level: number; label: string }[];
    classes: { id: string; label: string; acceptable: boolean; color: string }[];
  };
  /** Every cell, likelihood ascending, then impact ascending. */
  cells: MatrixCell[];
  scenarios: PlacedScenario[];
  /** Scenarios whose likelihood or impact is not a level of the matrix. */
  unplaced: MatrixScenario[];
}

const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** Places the plan's scenarios in its risk matrix (the plan's own, or the default in `language`). */
export function buildMatrixView(plan: LoadedPlan, language?: Language): MatrixView {
  const matrix: Matrix = language ? resolveMatrix(plan, language) : resolveMatrix(plan);
  const cells: MatrixCell[] = [];
  for (const l of matrix.likelihood) {
    for (const i of matrix.impact) {
      const cls = classify(matrix, l.level, i.level);
      cells.push({
        likelihood: l.level,
        impact: i.level,
        class: cls?.id ?? null,
        acceptable: cls?.acceptable ?? null,
        scenarios: [],
      });
    }
  }
  const scenarios: PlacedScenario[] = [];
  const unplaced: MatrixScenario[] = [];
  plan.scenarios.forEach((s, index) => {
    const v = s.value ?? {};
    const entry: MatrixScenario = {
      id: text(v.id) ?? `scenarios[${index}]`,
      title: text(v.title),
      likelihood: v.likelihood,
      impact: v.impact,
    };
    const cell = cells.find((c) => c.likelihood === v.likelihood && c.impact === v.impact);
    if (!cell) {
      unplaced.push(entry);
      return;
    }
    cell.scenarios.push(entry.id);
    scenarios.push({
      ...entry,
      likelihood: cell.likelihood,
      impact: cell.impact,
      score: score(cell.likelihood, cell.impact)!,
      class: cell.class,
      acceptable: cell.acceptable,
    });
  });
  return {
    plan: plan.root.path,
    title: text(plan.plan?.value.title),
    matrix: {
      default: matrix.isDefault,
      likelihood: matrix.likelihood.map(({ level, label }) => ({ level, label })),
      impact: matrix.impact.map(({ level, label }) => ({ level, label })),
      classes: matrix.classes.map(({ id, label, acceptable, color }) => ({ id, label, acceptable, color })),
    },
    cells,
    scenarios,
    unplaced,
  };
}
