import type { Duration } from '../plan/dates.js';
import type { I18n, LabelKey } from './i18n.js';
import type { Layout } from './layout.js';
import type { ModelContact, ModelRole, RunbookModel } from './model.js';

/** What every drawing function gets: the page, the plan, the language and lookups. */
export interface RenderContext {
  L: Layout;
  m: RunbookModel;
  i18n: I18n;
  t: (key: LabelKey, vars?: Record<string, string | number>) => string;
  role(id: string | undefined): ModelRole | undefined;
  contact(id: string | undefined): ModelContact | undefined;
  /** "Role title (Primary Name)", or the id when the role is unknown. */
  roleLabel(id: string | undefined): string;
  duration(d: Duration | undefined): string;
  date(d: Date | undefined): string;
  shortDate(d: Date | undefined): string;
  /** Marks the start of a TOC entry and bookmark on the current page. */
  chapter(key: string, title: string, level: 1 | 2): void;
}

export function createContext(
  L: Layout,
  m: RunbookModel,
  i18n: I18n,
  chapter: RenderContext['chapter'],
): RenderContext {
  const roles = new Map(m.roles.map((r) => [r.id, r]));
  const contacts = new Map(m.contacts.map((c) => [c.id, c]));
  return {
    L,
    m,
    i18n,
    t: i18n.t,
    role: (id) => (id === undefined ? undefined : roles.get(id)),
    contact: (id) => (id === undefined ? undefined : contacts.get(id)),
    roleLabel: (id) => (id === undefined ? '' : (m.roleLabels.get(id) ?? id)),
    duration: (d) => (d ? i18n.duration(d) : ''),
    date: (d) => (d ? i18n.date(d) : ''),
    shortDate: (d) => (d ? i18n.shortDate(d) : ''),
    chapter,
  };
}

/** Phone numbers of a contact, most direct first. */
export function phones(c: ModelContact | undefined): string[] {
  if (!c) return [];
  return [c.mobile, c.phone].filter((p): p is string => p !== undefined);
}
