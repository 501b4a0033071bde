import { supportsColor } from 'chalk';
import { buildMatrixView } from '../../matrix/view.js';
import { loadPlan } from '../../plan/load.js';
import { LANGUAGES, planLanguage } from '../../plan/matrix.js';
import { formatMatrixText } from '../../report/matrix-text.js';
import { stylish } from '../../report/stylish.js';
import { joinPieces } from '../../report/text.js';
import { useColor } from '../color.js';
import { parseChoice, requireFile } from '../options.js';

export interface MatrixOptions {
  format?: string;
  lang?: string;
  color?: boolean;
  allowOutsideRoot?: boolean;
}

/**
 * `bcplan matrix PLAN`: the risk matrix with the scenarios placed. Exit 0 when shown;
 * 1 when the plan is not well-formed YAML (its findings go to stderr); 2 for a missing or unreadable file.
 */
export async function matrix(planPath: string, options: MatrixOptions): Promise<number> {
  const format = parseChoice('--format', options.format, ['text', 'json'] as const) ?? 'text';
  const lang = parseChoice('--lang', options.lang, LANGUAGES);
  requireFile(planPath);

  const plan = loadPlan(planPath, options.allowOutsideRoot ? { allowOutsideRoot: true } : {});
  const rootErrors = plan.findings.filter((f) => f.file === plan.root.path);
  if (plan.root.data === undefined || typeof plan.root.data !== 'object' || plan.root.data === null) {
    const findings = rootErrors.length > 0 ? rootErrors : plan.findings;
    process.stderr.write(
      joinPieces(
        stylish(findings, {
          files: [plan.root.path],
          color: useColor(process.stderr, options.color),
          rules: [],
          toolVersion: '',
        }),
      ),
    );
    process.stderr.write(`bcplan: ${planPath} cannot be read as a plan; fix the YAML first\n`);
    return 1;
  }

  const view = buildMatrixView(plan, lang);
  if (format === 'json') {
    process.stdout.write(`${JSON.stringify(view, null, 2)}\n`);
    return 0;
  }
  const color = useColor(process.stdout, options.color);
  const level = color ? (supportsColor && supportsColor.level > 0 ? supportsColor.level : 2) : 0;
  process.stdout.write(formatMatrixText(view, { language: lang ?? planLanguage(plan), colorLevel: level }));
  return 0;
}
