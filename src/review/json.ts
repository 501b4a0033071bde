import { formatDate } from '../plan/dates.js';
import type { Digest, ReviewItem } from './digest.js';

/** Version of the JSON shape below; bumped only on incompatible changes. */
const REVIEW_JSON_VERSION = 1;

/**
 * `bcplan review --format json`: one object, documented in docs/readme/review.md.
 * Keys are written in a fixed order so the output can be diffed.
 */
export function formatDigestJson(digest: Digest): string {
  let overdue = 0;
  let dueSoon = 0;
  const plans = digest.plans.map((p) => {
    const items = p.items.map((i): ReviewItem => {
      if (i.state === 'overdue') overdue++;
      else dueSoon++;
      return {
        kind: i.kind,
        id: i.id,
        label: i.label,
        state: i.state,
        due: i.due,
        last: i.last,
        daysLeft: i.daysLeft,
        file: i.file,
        line: i.line,
        pointer: i.pointer,
        role: i.role,
        roleTitle: i.roleTitle,
        primary: i.primary,
        command: i.command,
        action: i.action,
      };
    });
    return {
      file: p.file,
      id: p.id,
      title: p.title,
      kind: p.kind,
      readable: p.readable,
      imports: p.imports,
      errors: p.errors,
      note: p.note,
      language: p.language,
      items,
    };
  });
  const body = {
    version: REVIEW_JSON_VERSION,
    asOf: formatDate(digest.asOf),
    plans,
    summary: {
      plans: plans.length,
      overdue,
      dueSoon,
      unreadable: plans.filter((p) => !p.readable).length,
    },
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}
