import { Chalk } from 'chalk';
import { formatDate } from '../plan/dates.js';
import type { DueKind } from '../plan/due.js';
import { printable } from '../report/text.js';
import { plural } from '../util/plural.js';
import type { Digest, PlanReview, ReviewItem } from './digest.js';

export interface TextOptions {
  color: boolean;
}

const KIND_WORD: Record<DueKind, string> = {
  contact: 'contact',
  access: 'access',
  plan: 'plan review',
  exercise: 'exercise',
  contract: 'contract with',
};

/** "82 days overdue", "due today", "due in 8 days", "never exercised". */
function describeWhen(item: ReviewItem): string {
  if (item.kind === 'exercise' && item.last === null) return 'never exercised';
  if (item.daysLeft < 0) return `${plural(-item.daysLeft, 'day')} overdue`;
  if (item.daysLeft === 0) return 'due today';
  if (item.daysLeft === 1) return 'due tomorrow';
  return `due in ${item.daysLeft} days`;
}

function heading(p: PlanReview): string {
  const name = p.title ? `${p.title}${p.id ? ` (${p.id})` : ''}` : (p.id ?? 'contact fragment');
  return printable(p.readable ? `${p.file}: ${name}` : p.file);
}

/**
 * The cron digest: per plan, what is overdue or due soon, soonest first, with who clears it
 * and how. Empty when nothing is due and every plan was reviewed in full, so cron sends no
 * mail. Every string from a plan goes through `printable`: an escape sequence in a name must
 * not reach the terminal or the mail.
 */
export function formatDigestText(digest: Digest, options: TextOptions): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const shown = digest.plans.filter((p) => p.items.length > 0 || !p.readable || p.incomplete);
  if (shown.length === 0) return '';
  const out: string[] = [];
  let overdue = 0;
  let soon = 0;
  for (const p of shown) {
    out.push(c.bold(heading(p)));
    if (p.note) out.push(`  ${c.yellow('note:')} ${printable(p.note)}`);
    const whens = p.items.map(describeWhen);
    const width = Math.max(0, ...whens.map((w) => w.length));
    p.items.forEach((item, i) => {
      const late = item.state === 'overdue';
      if (late) overdue++;
      else soon++;
      const when = whens[i]!.padEnd(width);
      const what = `${KIND_WORD[item.kind]} ${item.label}${item.label !== item.id ? ` (${item.id})` : ''}`;
      out.push(`  ${item.due}  ${late ? c.red(when) : c.yellow(when)}  ${printable(what)}`);
      const indent = ' '.repeat(2 + item.due.length + 2);
      if (item.role) {
        const who = [
          item.role,
          item.roleTitle ? `(${item.roleTitle})` : undefined,
          item.primary ? `primary ${item.primary}` : undefined,
        ]
          .filter(Boolean)
          .join(' ')
          .replace(/\) primary/, '), primary')
          .replace(/^(\S+) primary/, '$1, primary');
        out.push(`${indent}${c.dim('responsible:')} ${printable(who)}`);
      }
      if (item.command) out.push(`${indent}${c.dim('run:')} ${printable(item.command)}`);
      else out.push(`${indent}${c.dim('to do:')} ${printable(item.action)}`);
    });
    out.push('');
  }
  const parts = [overdue > 0 ? `${overdue} overdue` : undefined, soon > 0 ? `${soon} due soon` : undefined];
  const unreadable = shown.filter((p) => !p.readable).length;
  if (unreadable > 0) parts.push(`${plural(unreadable, 'plan')} unreadable`);
  const incomplete = shown.filter((p) => p.incomplete).length;
  if (incomplete > 0) parts.push(`${plural(incomplete, 'plan')} not fully reviewed`);
  out.push(`${parts.filter(Boolean).join(', ')} (as of ${formatDate(digest.asOf)})`);
  return `${out.join('\n')}\n`;
}
