import { discoverPlans } from '../../plan/discover.js';
import { LANGUAGES } from '../../plan/matrix.js';
import { buildDigest, needsAttention } from '../../review/digest.js';
import { writeFileAtomic } from '../../util/atomic-write.js';
import { useColor } from '../color.js';
import {
  parseAsOf,
  parseChoice,
  parseDurationOption,
  refuseOverwritingInput,
  sourceDateEpoch,
} from '../options.js';

export interface ReviewOptions {
  format?: string;
  output?: string;
  asOf?: string;
  within?: string;
  config?: string;
  color?: boolean;
  allowOutsideRoot?: boolean;
  lang?: string;
}

const FORMATS = ['text', 'json', 'ics'] as const;

/** DTSTAMP: --as-of, else SOURCE_DATE_EPOCH, else today (both give the same bytes all day). */
function calendarStamp(asOf: Date, explicitAsOf: boolean, env = process.env): Date {
  const day = new Date(Date.UTC(asOf.getFullYear(), asOf.getMonth(), asOf.getDate()));
  return (explicitAsOf ? undefined : sourceDateEpoch(env)) ?? day;
}

/**
 * `bcplan review`: the digest of what is overdue or due soon. Text prints nothing when nothing
 * is due (cron mails only real news); exit 1 when something is overdue or a plan is unreadable.
 */
export async function review(paths: string[], options: ReviewOptions): Promise<number> {
  const format = parseChoice('--format', options.format, FORMATS) ?? 'text';
  const asOf = parseAsOf(options.asOf);
  const within = parseDurationOption('--within', options.within);
  const language = parseChoice('--lang', options.lang, LANGUAGES);
  const planPaths = await discoverPlans(paths.length > 0 ? paths : ['.']);
  const digest = buildDigest(planPaths, {
    asOf,
    ...(within ? { within } : {}),
    ...(options.config ? { configFile: options.config } : {}),
    ...(options.allowOutsideRoot ? { allowOutsideRoot: true } : {}),
    ...(language ? { language } : {}),
  });

  if (options.output) {
    refuseOverwritingInput(
      options.output,
      digest.plans.flatMap((p) => [p.file, ...p.imports]),
    );
  }

  let out: string;
  if (format === 'json') {
    const { formatDigestJson } = await import('../../review/json.js');
    out = formatDigestJson(digest);
  } else if (format === 'ics') {
    const { formatDigestIcs } = await import('../../review/ics.js');
    out = formatDigestIcs(digest, { stamp: calendarStamp(asOf, options.asOf !== undefined) });
  } else {
    const { formatDigestText } = await import('../../review/text.js');
    const color = options.output ? false : useColor(process.stdout, options.color);
    out = formatDigestText(digest, { color });
  }
  if (options.output) writeFileAtomic(options.output, out);
  else if (out !== '') process.stdout.write(out);
  return needsAttention(digest) ? 1 : 0;
}
