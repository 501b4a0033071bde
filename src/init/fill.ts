import {
  type Document,
  isMap,
  isScalar,
  isSeq,
  parseDocument,
  Scalar,
  type YAMLMap,
  type YAMLSeq,
} from 'yaml';
import { MAX_ID, slugify } from '../util/slug.js';

export const CRITICALITIES = ['critical', 'high', 'medium', 'low'] as const;
export type Criticality = (typeof CRITICALITIES)[number];

export interface PersonAnswer {
  name: string;
  phone?: string;
  email?: string;
}

export interface ProviderAnswer {
  name: string;
  city: string;
  /** ISO 3166 alpha-2, upper case. */
  country: string;
}

export interface ServiceAnswer {
  name: string;
  /** Default: the criticality of the template's service at the same position. */
  criticality?: Criticality;
}

/** What `bcplan init` fills into a template; anything left out keeps the template's sample. */
export interface InitAnswers {
  organization?: string;
  title?: string;
  id?: string;
  officer?: PersonAnswer;
  deputy?: PersonAnswer;
  /** Replace the sample providers; each serves the services the samples served. */
  providers?: ProviderAnswer[];
  /** Replace the sample services; references move to the service at the same position. */
  services?: ServiceAnswer[];
  /** YYYY-MM-DD written as reviewed, approved and verified. */
  asOf: string;
  /** The `$schema=` target of the yaml-language-server modeline. */
  schema?: string;
}

/** What a template holds before filling: shown as defaults when init asks. */
export interface TemplateSample {
  title: string;
  organization: string;
  officer: PersonAnswer;
  deputy: PersonAnswer;
  services: { name: string; criticality: string }[];
}

function uniqueId(base: string, taken: Set<string>): string {
  let id = base;
  for (let n = 2; taken.has(id); n++) {
    const suffix = `-${n}`;
    id = `${base.slice(0, MAX_ID - suffix.length).replace(/-+$/, '')}${suffix}`;
  }
  taken.add(id);
  return id;
}

const str = (node: unknown): string | undefined =>
  isScalar(node) && typeof node.value === 'string' ? node.value : undefined;

function mapAt(doc: Document | YAMLMap, key: string): YAMLMap | undefined {
  const node = doc.get(key, true);
  return isMap(node) ? node : undefined;
}

function seqAt(doc: Document | YAMLMap, key: string): YAMLSeq | undefined {
  const node = doc.get(key, true);
  return isSeq(node) ? node : undefined;
}

function maps(seq: YAMLSeq | undefined): YAMLMap[] {
  return (seq?.items ?? []).filter((i): i is YAMLMap => isMap(i));
}

/** Maps the ids of a sequence (dropping repeats), reusing its scalar nodes so comments stay. */
function mapIds(seq: YAMLSeq, to: (id: string) => string | string[]): void {
  const ids: string[] = [];
  for (const item of seq.items) {
    const id = str(item);
    for (const next of id === undefined ? [] : [to(id)].flat()) if (!ids.includes(next)) ids.push(next);
  }
  const scalars = seq.items.filter((i): i is Scalar => isScalar(i));
  seq.items = ids.map((id, i) => {
    const node = scalars[i] ?? new Scalar(id);
    node.value = id;
    return node;
  });
}

function setText(map: YAMLMap, key: string, value: string | undefined): void {
  if (value === undefined || value === '') map.delete(key);
  else map.set(key, value);
}

function emergencyContacts(doc: Document): { officer?: YAMLMap; deputy?: YAMLMap } {
  const officerRole = str(mapAt(doc, 'plan')?.get('emergencyOfficer', true));
  const role = maps(seqAt(doc, 'roles')).find((r) => str(r.get('id', true)) === officerRole);
  const contacts = maps(seqAt(doc, 'contacts'));
  const byId = (id: string | undefined) => contacts.find((c) => str(c.get('id', true)) === id);
  const deputies = role?.get('deputies', true);
  const officer = byId(str(role?.get('primary', true)));
  const deputy = byId(isSeq(deputies) ? str(deputies.items[0]) : undefined);
  return { ...(officer ? { officer } : {}), ...(deputy ? { deputy } : {}) };
}

function person(map: YAMLMap | undefined): PersonAnswer {
  const phone = str(map?.get('phone', true));
  const email = str(map?.get('email', true));
  return {
    name: str(map?.get('name', true)) ?? '',
    ...(phone ? { phone } : {}),
    ...(email ? { email } : {}),
  };
}

/** The samples a template holds, to offer as defaults. */
export function templateSample(text: string): TemplateSample {
  const doc = parseDocument(text);
  const plan = mapAt(doc, 'plan');
  const { officer, deputy } = emergencyContacts(doc);
  return {
    title: str(plan?.get('title', true)) ?? '',
    organization: str(plan?.get('organization', true)) ?? '',
    officer: person(officer),
    deputy: person(deputy),
    services: maps(seqAt(doc, 'services')).map((s) => ({
      name: str(s.get('name', true)) ?? '',
      criticality: str(s.get('criticality', true)) ?? 'medium',
    })),
  };
}

/** Renames a contact id everywhere a plan refers to contacts. */
function renameContact(doc: Document, from: string, to: string): void {
  if (from === to) return;
  const rename = (id: string) => (id === from ? to : id);
  for (const c of maps(seqAt(doc, 'contacts'))) if (str(c.get('id', true)) === from) c.set('id', to);
  for (const r of maps(seqAt(doc, 'roles'))) {
    if (str(r.get('primary', true)) === from) r.set('primary', to);
    const deputies = r.get('deputies', true);
    if (isSeq(deputies)) mapIds(deputies, rename);
  }
  for (const p of maps(seqAt(doc, 'providers'))) {
    const contacts = p.get('contacts', true);
    if (isSeq(contacts)) mapIds(contacts, rename);
  }
}

function fillPerson(
  doc: Document,
  contact: YAMLMap | undefined,
  answer: PersonAnswer | undefined,
  taken: Set<string>,
) {
  if (!contact || !answer) return;
  const oldId = str(contact.get('id', true)) ?? '';
  contact.set('name', answer.name);
  setText(contact, 'phone', answer.phone);
  contact.delete('mobile');
  setText(contact, 'email', answer.email);
  taken.delete(oldId);
  renameContact(doc, oldId, uniqueId(slugify(answer.name, 'contact'), taken));
}

function setDates(doc: Document, asOf: string): void {
  const plan = mapAt(doc, 'plan');
  if (plan?.has('reviewed')) plan.set('reviewed', asOf);
  if (plan?.has('approved')) plan.set('approved', asOf);
  for (const section of ['contacts', 'access']) {
    for (const entry of maps(seqAt(doc, section))) if (entry.has('verified')) entry.set('verified', asOf);
  }
}

function replaceServices(doc: Document, answers: ServiceAnswer[]): void {
  const seq = seqAt(doc, 'services');
  const samples = maps(seq);
  if (!seq || samples.length === 0 || answers.length === 0) return;
  const taken = new Set<string>();
  const fresh = answers.map((answer, i) => {
    const sample = samples[Math.min(i, samples.length - 1)]!.clone() as YAMLMap;
    sample.set('id', uniqueId(slugify(answer.name, `service-${i + 1}`), taken));
    sample.set('name', answer.name);
    if (answer.criticality) sample.set('criticality', answer.criticality);
    return sample;
  });
  // A sample service's references move to the new service at its position (or the last one).
  const moved = new Map(
    samples.map((s, i) => [
      str(s.get('id', true)) ?? '',
      str(fresh[Math.min(i, fresh.length - 1)]!.get('id', true))!,
    ]),
  );
  const move = (id: string) => moved.get(id) ?? id;
  seq.items = fresh;
  for (const section of ['providers', 'scenarios']) {
    for (const entry of maps(seqAt(doc, section))) {
      const services = entry.get('services', true);
      if (isSeq(services)) mapIds(services, move);
    }
  }
}

function replaceProviders(doc: Document, answers: ProviderAnswer[]): void {
  const seq = seqAt(doc, 'providers');
  if (!seq || answers.length === 0) return;
  const served: string[] = [];
  for (const p of maps(seq)) {
    const services = p.get('services', true);
    if (isSeq(services))
      for (const s of services.items) if (str(s) && !served.includes(str(s)!)) served.push(str(s)!);
  }
  const taken = new Set<string>();
  seq.items = answers.map((answer, i) => {
    const node = doc.createNode({
      id: uniqueId(slugify(answer.name, `provider-${i + 1}`), taken),
      name: answer.name,
      services: served,
      site: { city: answer.city, country: answer.country },
    }) as YAMLMap;
    const services = node.get('services', true);
    if (isSeq(services)) services.flow = true;
    const site = node.get('site', true);
    if (isMap(site)) {
      site.flow = true;
      // "NO" (Norway) and "ON" are booleans to YAML 1.1 tools: quote them for those.
      const country = site.get('country', true);
      if (isScalar(country) && /^(no|on)$/i.test(String(country.value))) country.type = Scalar.QUOTE_DOUBLE;
    }
    return node;
  });
}

const MODELINE = /^# yaml-language-server: \$schema=.*$/m;

/** Points the template's first-line yaml-language-server modeline at `schema` (a comment: no YAML edit). */
function setModeline(text: string, schema: string): string {
  const line = `# yaml-language-server: $schema=${schema}`;
  return MODELINE.test(text.split('\n', 1)[0]!) ? text.replace(MODELINE, line) : `${line}\n${text}`;
}

/**
 * Fills a template with the answers by editing its YAML document, so comments stay and any
 * name (quotes, colons, `#`, leading dashes) is written as a correctly quoted scalar.
 */
export function fillTemplate(text: string, answers: InitAnswers): string {
  const doc = parseDocument(text);
  const plan = mapAt(doc, 'plan');
  if (plan) {
    if (answers.title !== undefined) plan.set('title', answers.title);
    if (answers.organization !== undefined) plan.set('organization', answers.organization);
    if (answers.id !== undefined) plan.set('id', answers.id);
    else if (answers.title !== undefined) plan.set('id', slugify(answers.title, 'plan'));
  }
  setDates(doc, answers.asOf);

  const taken = new Set(maps(seqAt(doc, 'contacts')).map((c) => str(c.get('id', true)) ?? ''));
  const { officer, deputy } = emergencyContacts(doc);
  fillPerson(doc, officer, answers.officer, taken);
  fillPerson(doc, deputy, answers.deputy, taken);

  if (answers.services) replaceServices(doc, answers.services);
  if (answers.providers) replaceProviders(doc, answers.providers);
  const out = doc.toString({ lineWidth: 0, flowCollectionPadding: false });
  return answers.schema ? setModeline(out, answers.schema) : out;
}
