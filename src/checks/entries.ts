// Shared helpers of the structural rules (references, providers, roles). Rules run on
// schema-broken plans, so everything here accepts `unknown` and never throws.
import type { LoadedPlan, Located, Provider, Service } from '../plan/types.js';
import { MAX_ID } from '../util/slug.js';
import { editDistance } from '../util/suggest.js';

/** An id as written: a non-empty string, or a number (a schema finding, but still meant as an id). */
export function idOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/** A reference together with the JSON pointer where it is written. */
export interface Ref {
  id: string;
  pointer: string;
}

/** One reference field (`owner: x`). */
export function refAt(value: unknown, pointer: string): Ref[] {
  const id = idOf(value);
  return id === undefined ? [] : [{ id, pointer }];
}

/**
 * A list of references (`deputies: [a, b]`). A single id written where a list belongs is taken
 * as a one-item list (the schema reports the shape), so a misspelt id there is still found.
 */
export function refList(value: unknown, pointer: string): Ref[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => refAt(v, `${pointer}/${i}`));
  return refAt(value, pointer);
}

/** Entries that have an id, the first of each id only (duplicate-id reports the others). */
export function firstById<T extends { id?: unknown }>(
  entries: Located<T>[],
): (Located<T> & { id: string })[] {
  const seen = new Set<string>();
  const out: (Located<T> & { id: string })[] = [];
  for (const e of entries) {
    const id = idOf(e.value.id);
    if (id === undefined || seen.has(id)) continue;
    seen.add(id);
    out.push({ ...e, id });
  }
  return out;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** SPEC §2: minProviders, default 2 for critical and high services, else 1. */
export function minProvidersOf(service: Service): number {
  const n = service.minProviders;
  if (typeof n === 'number' && Number.isInteger(n) && n >= 1) return n;
  return service.criticality === 'critical' || service.criticality === 'high' ? 2 : 1;
}

type IdProvider = Located<Provider> & { id: string };

/** Per plan, each service id and its providers: the provider rules ask for every service. */
const providersByService = new WeakMap<LoadedPlan, Map<string, IdProvider[]>>();

/** The providers that list a service, one per provider id, in plan order. */
export function providersOf(plan: LoadedPlan, serviceId: string): IdProvider[] {
  let byService = providersByService.get(plan);
  if (!byService) {
    byService = new Map();
    for (const p of firstById(plan.providers)) {
      for (const id of new Set(refList(p.value.services, '').map((r) => r.id))) {
        const list = byService.get(id);
        if (list) list.push(p);
        else byService.set(id, [p]);
      }
    }
    providersByService.set(plan, byService);
  }
  return byService.get(serviceId) ?? [];
}

export interface Site {
  city: string;
  country: string;
}

/** A provider's site when both city and country are readable strings. */
function siteOf(provider: Provider): Site | undefined {
  const site = provider.site;
  if (!isRecord(site) || typeof site.city !== 'string' || typeof site.country !== 'string') return undefined;
  const city = site.city.trim();
  const country = site.country.trim();
  return city && country ? { city, country } : undefined;
}

export interface ServiceSites {
  service: Located<Service> & { id: string };
  providers: IdProvider[];
  sites: Site[];
}

/** Two rules (provider-same-site, -country) ask for the same plan's sites. */
const sitesCache = new WeakMap<LoadedPlan, ServiceSites[]>();

/**
 * The services that need two or more providers and have them (single-provider reports fewer),
 * with each provider's site; a service is left out when a site cannot be read (the schema reports it).
 */
export function servicesWithSites(plan: LoadedPlan): ServiceSites[] {
  const known = sitesCache.get(plan);
  if (known) return known;
  const found = firstById(plan.services).flatMap((service): ServiceSites[] => {
    if (minProvidersOf(service.value) < 2) return [];
    const providers = providersOf(plan, service.id);
    const sites = providers.map((p) => siteOf(p.value));
    if (providers.length < 2 || !sites.every((s) => s !== undefined)) return [];
    return [{ service, providers, sites: sites as Site[] }];
  });
  sitesCache.set(plan, found);
  return found;
}

/** Normalises names and places for comparison: Unicode NFC, case, inner whitespace. */
export function sameText(a: string, b: string): boolean {
  return a === b || normalText(a) === normalText(b);
}

const normalized = new Map<string, string>();

/**
 * Names and places recur across rules and plans: each is normalised once (bounded cache).
 * Two texts are the same (sameText) when their normal texts are equal: a key to group by.
 */
export function normalText(s: string): string {
  let n = normalized.get(s);
  if (n === undefined) {
    if (normalized.size >= 10_000) normalized.clear();
    n = s.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('und');
    normalized.set(s, n);
  }
  return n;
}

/**
 * How much one check may spend on suggestions, in edit-distance cells (length × length, and
 * one per id looked at): 20,000 unknown references among 20,000 contacts took minutes. A real
 * plan uses a thousandth of it; past it, references are still reported, without "did you mean".
 */
export const SUGGESTION_BUDGET = 20_000_000;

/**
 * The known id closest to a misspelt one, when it is close enough to be a likely typo.
 * `budget.cells` is spent per comparison; nothing is suggested once it is used up.
 */
export function closestId(
  id: string,
  known: Iterable<string>,
  budget: { cells: number } = { cells: Number.POSITIVE_INFINITY },
): string | undefined {
  // Ids have at most 63 characters: a longer text is no misspelt id (and comparing two
  // megabyte values costs a megabyte squared).
  if (id.length > MAX_ID + 3) return undefined;
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const k of known) {
    if (--budget.cells < 0) return undefined;
    if (Math.abs(k.length - id.length) > 3) continue;
    budget.cells -= id.length * k.length;
    const d = editDistance(id.toLowerCase(), k.toLowerCase());
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= Math.max(1, Math.floor(id.length / 4)) ? best : undefined;
}

/** Seconds as an ISO 8601 duration (days, hours, minutes, seconds): 4500 → PT1H15M. */
export function formatSeconds(total: number): string {
  const days = Math.floor(total / 86400);
  const h = Math.floor((total % 86400) / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const time = `${h ? `${h}H` : ''}${m ? `${m}M` : ''}${s ? `${s}S` : ''}`;
  if (!days && !time) return 'PT0S';
  return `P${days ? `${days}D` : ''}${time ? `T${time}` : ''}`;
}
