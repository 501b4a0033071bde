import { Chalk } from 'chalk';
import { formatDate } from '../plan/dates.js';
import { printable } from '../util/printable.js';
import { type Digest, digestLanguage, type PlanReview, type ReviewItem } from './digest.js';
import { REVIEW_WORDS, type ReviewWords, responsibleText } from './words.js';

export interface TextOptions {
  color: boolean;
}

/** "82 days overdue", "due today", "due in 8 days", "never exercised". */
function describeWhen(item: ReviewItem, w: ReviewWords): string {
  if (item.kind === 'exercise' && item.last === null) return w.neverExercised;
  if (item.daysLeft < 0) return w.overdue(-item.daysLeft);
  if (item.daysLeft === 0) return w.dueToday;
  if (item.daysLeft === 1) return w.dueTomorrow;
  return w.dueIn(item.daysLeft);
}

function heading(p: PlanReview, w: ReviewWords): string {
  const name = p.title ? `${p.title}${p.id ? ` (${p.id})` : ''}` : (p.id ?? w.fragment);
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
    const w = REVIEW_WORDS[p.language];
    out.push(c.bold(heading(p, w)));
    if (p.note) out.push(`  ${c.yellow(w.note)} ${printable(p.note)}`);
    const whens = p.items.map((item) => describeWhen(item, w));
    const width = Math.max(0, ...whens.map((w) => w.length));
    p.items.forEach((item, i) => {
      const late = item.state === 'overdue';
      if (late) overdue++;
      else soon++;
      const when = whens[i]!.padEnd(width);
      const what = `${w.kind[item.kind]} ${item.label}${item.label !== item.id ? ` (${item.id})` : ''}`;
      out.push(`  ${item.due}  ${late ? c.red(when) : c.yellow(when)}  ${printable(what)}`);
      const indent = ' '.repeat(2 + item.due.length + 2);
      if (item.role) {
        out.push(`${indent}${c.dim(w.responsible)} ${printable(responsibleText(w, item.role, item))}`);
      }
      if (item.command) out.push(`${indent}${c.dim(w.run)} ${printable(item.command)}`);
      else out.push(`${indent}${c.dim(w.toDo)} ${printable(item.action)}`);
    });
    out.push('');
  }
  const sum = REVIEW_WORDS[digestLanguage(digest, shown)].summary;
  const parts = [overdue > 0 ? sum.overdue(overdue) : undefined, soon > 0 ? sum.dueSoon(soon) : undefined];
  const unreadable = shown.filter((p) => !p.readable).length;
  if (unreadable > 0) parts.push(sum.unreadable(unreadable));
  const incomplete = shown.filter((p) => p.incomplete).length;
  if (incomplete > 0) parts.push(sum.incomplete(incomplete));
  out.push(`${parts.filter(Boolean).join(', ')} (${sum.asOf(formatDate(digest.asOf))})`);
  return `${out.join('\n')}\n`;
}
