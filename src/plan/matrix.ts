import type { LoadedPlan } from './types.js';

export type Language = 'en' | 'de' | 'nl' | 'da' | 'nb';
export const LANGUAGES: readonly Language[] = ['en', 'de', 'nl', 'da', 'nb'];

export interface MatrixLevel {
  level: number;
  label: string;
  description?: string;
}

export interface MatrixClass {
  id: string;
  label: string;
  acceptable: boolean;
  color: string;
  upTo?: number;
}

/** A risk matrix with every part well-formed; built from the plan or the default. */
export interface Matrix {
  likelihood: MatrixLevel[];
  impact: MatrixLevel[];
  classes: MatrixClass[];
  /** One row per likelihood level, lowest first, each a list of class ids in impact order. */
  grid?: string[][];
  isDefault: boolean;
}

const DEFAULT_LABELS: Record<Language, { likelihood: string[]; impact: string[]; classes: string[] }> = {
  en: {
    likelihood: ['rare', 'unlikely', 'possible', 'likely', 'almost certain'],
    impact: ['negligible', 'minor', 'moderate', 'major', 'severe'],
    classes: ['low', 'medium', 'high', 'critical'],
  },
  de: {
    likelihood: ['selten', 'unwahrscheinlich', 'möglich', 'wahrscheinlich', 'fast sicher'],
    impact: ['unbedeutend', 'gering', 'mittel', 'erheblich', 'schwerwiegend'],
    classes: ['niedrig', 'mittel', 'hoch', 'kritisch'],
  },
  nl: {
    likelihood: ['zelden', 'onwaarschijnlijk', 'mogelijk', 'waarschijnlijk', 'bijna zeker'],
    impact: ['verwaarloosbaar', 'klein', 'matig', 'groot', 'ernstig'],
    classes: ['laag', 'middel', 'hoog', 'kritiek'],
  },
  da: {
    likelihood: ['sjælden', 'usandsynlig', 'mulig', 'sandsynlig', 'næsten sikker'],
    impact: ['ubetydelig', 'mindre', 'moderat', 'betydelig', 'alvorlig'],
    classes: ['lav', 'middel', 'høj', 'kritisk'],
  },
  nb: {
    likelihood: ['sjelden', 'usannsynlig', 'mulig', 'sannsynlig', 'nesten sikker'],
    impact: ['ubetydelig', 'mindre', 'moderat', 'betydelig', 'alvorlig'],
    classes: ['lav', 'middels', 'høy', 'kritisk'],
  },
};

/** SPEC §2: the default 5 × 5 matrix, labels in the plan's language. */
export function defaultMatrix(language: Language = 'en'): Matrix {
  const labels = DEFAULT_LABELS[language] ?? DEFAULT_LABELS.en;
  const level = (label: string, i: number): MatrixLevel => ({ level: i + 1, label });
  const ids = ['low', 'medium', 'high', 'critical'];
  const spec: [number, boolean, string][] = [
    [4, true, '#2e7d32'],
    [9, true, '#f9a825'],
    [15, false, '#ef6c00'],
    [25, false, '#c62828'],
  ];
  return {
    likelihood: labels.likelihood.map(level),
    impact: labels.impact.map(level),
    classes: spec.map(([upTo, acceptable, color], i) => ({
      id: ids[i]!,
      label: labels.classes[i]!,
      acceptable,
      color,
      upTo,
    })),
    isDefault: true,
  };
}

export function planLanguage(plan: LoadedPlan): Language {
  const lang = plan.plan?.value.language;
  return typeof lang === 'string' && (LANGUAGES as readonly string[]).includes(lang)
    ? (lang as Language)
    : 'en';
}

function levels(value: unknown): MatrixLevel[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((v) =>
    v && typeof v === 'object' && Number.isInteger(v.level) && typeof v.label === 'string'
      ? [
          {
            level: v.level as number,
            label: v.label as string,
            ...(typeof v.description === 'string' ? { description: v.description } : {}),
          },
        ]
      : [],
  );
}

function classes(value: unknown): MatrixClass[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((v) =>
    v && typeof v === 'object' && typeof v.id === 'string'
      ? [
          {
            id: v.id as string,
            label: typeof v.label === 'string' ? v.label : v.id,
            acceptable: v.acceptable === true,
            color:
              typeof v.color === 'string' && /^#[0-9a-fA-F]{6}$/.test(v.color)
                ? v.color
                : v.acceptable === true
                  ? '#2e7d32'
                  : '#c62828',
            ...(typeof v.upTo === 'number' ? { upTo: v.upTo } : {}),
          },
        ]
      : [],
  );
}

/**
 * The plan's matrix with its well-formed parts, or the default when the plan has none.
 * Broken entries are dropped (the schema and matrix-incomplete rules report them).
 */
export function resolveMatrix(plan: LoadedPlan, language: Language = planLanguage(plan)): Matrix {
  const section = plan.riskMatrix?.value;
  if (!section) return defaultMatrix(language);
  const grid =
    Array.isArray(section.grid) &&
    section.grid.every((row) => Array.isArray(row) && row.every((c) => typeof c === 'string'))
      ? (section.grid as string[][])
      : undefined;
  return {
    likelihood: levels(section.likelihood).sort((a, b) => a.level - b.level),
    impact: levels(section.impact).sort((a, b) => a.level - b.level),
    classes: classes(section.classes),
    ...(grid ? { grid } : {}),
    isDefault: false,
  };
}

/** The class of a rating: from the grid when present, else the first class whose upTo ≥ score. */
export function classify(matrix: Matrix, likelihood: unknown, impact: unknown): MatrixClass | undefined {
  const li = matrix.likelihood.findIndex((l) => l.level === likelihood);
  const ii = matrix.impact.findIndex((l) => l.level === impact);
  if (li < 0 || ii < 0) return undefined;
  if (matrix.grid) {
    const id = matrix.grid[li]?.[ii];
    return matrix.classes.find((c) => c.id === id);
  }
  const score = (likelihood as number) * (impact as number);
  return matrix.classes.find((c) => c.upTo !== undefined && c.upTo >= score);
}

export function score(likelihood: unknown, impact: unknown): number | undefined {
  return typeof likelihood === 'number' && typeof impact === 'number' ? likelihood * impact : undefined;
}
