import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { LoadError } from '../errors.js';
import type { Language } from '../plan/matrix.js';

export const TEMPLATE_NAMES = ['contact-center', 'service-desk', 'small-office'] as const;
export type TemplateName = (typeof TEMPLATE_NAMES)[number];

/** Shown when init asks which template to use. */
export const TEMPLATE_DESCRIPTIONS: Record<TemplateName, string> = {
  'contact-center': 'customer service run by two contact center providers at different sites',
  'service-desk': 'a municipal IT service desk with a hosted ticket system and an on-site partner',
  'small-office': 'a small office that relies on an IT partner and an internet provider',
};

/** templates/ of the installed package: two folders above src/init and dist/init alike. */
const TEMPLATES_URL = new URL('../../templates/', import.meta.url);

function templateFile(name: TemplateName, language: Language): string {
  return fileURLToPath(new URL(`${name}.${language}.yaml`, TEMPLATES_URL));
}

export function readTemplate(name: TemplateName, language: Language): string {
  const file = templateFile(name, language);
  try {
    return readFileSync(file, 'utf8');
  } catch {
    throw new LoadError(`cannot read the template ${file}: the installation is incomplete`);
  }
}
