import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../../errors.js';
import {
  CRITICALITIES,
  type Criticality,
  fillTemplate,
  type InitAnswers,
  type PersonAnswer,
  type ProviderAnswer,
  type ServiceAnswer,
  templateSample,
} from '../../init/fill.js';
import { schemaReference } from '../../init/modeline.js';
import {
  readTemplate,
  TEMPLATE_DESCRIPTIONS,
  TEMPLATE_NAMES,
  type TemplateName,
} from '../../init/templates.js';
import { formatDate } from '../../plan/dates.js';
import { LANGUAGES, type Language } from '../../plan/matrix.js';
import { countryCodes, schemaPattern, suggestCountry } from '../../plan/schema.js';
import { stylish } from '../../report/stylish.js';
import { joinPieces } from '../../report/text.js';
import { writeFileAtomic } from '../../util/atomic-write.js';
import { checkPlan } from '../../validate.js';
import { useColor } from '../color.js';
import { parseAsOf, parseChoice } from '../options.js';

export interface InitOptions {
  yes?: boolean;
  force?: boolean;
  template?: string;
  lang?: string;
  organization?: string;
  title?: string;
  id?: string;
  officerName?: string;
  officerPhone?: string;
  officerEmail?: string;
  deputyName?: string;
  deputyPhone?: string;
  deputyEmail?: string;
  provider?: string[];
  service?: string[];
  asOf?: string;
}

/** The questions init asks; src/cli/prompts.ts in the CLI, a script in tests. */
export interface Prompter {
  askText(q: { message: string; default?: string; validate?: (v: string) => true | string }): Promise<string>;
  askChoice<T extends string>(q: {
    message: string;
    choices: readonly { value: T; name: string; description?: string }[];
    default?: T;
  }): Promise<T>;
  isPromptCancel(error: unknown): boolean;
}

export interface InitIO {
  /** Ask questions: default `process.stdin.isTTY`. */
  interactive?: boolean;
  prompter?: Prompter;
}

const LANGUAGE_NAMES: Record<Language, string> = {
  en: 'English',
  de: 'Deutsch',
  nl: 'Nederlands',
  da: 'Dansk',
  nb: 'Norsk bokmål',
};

function checkEmail(value: string): true | string {
  return schemaPattern('email').test(value) ? true : `"${value}" is not an email address`;
}

/** Examples in the questions, from the country a plan in that language is most likely for. */
const EXAMPLE: Record<Language, { country: string; phone: string }> = {
  en: { country: 'GB', phone: '+44 20 7946 0000' },
  de: { country: 'DE', phone: '+49 30 1234567' },
  nl: { country: 'NL', phone: '+31 20 123 4567' },
  da: { country: 'DK', phone: '+45 33 12 34 56' },
  nb: { country: 'NO', phone: '+47 22 12 34 56' },
};

function checkPhone(value: string, language: Language = 'en'): true | string {
  return schemaPattern('phone').test(value)
    ? true
    : `"${value}" is not a phone number: digits with spaces, ( ) . / -, best with the country code (${EXAMPLE[language].phone})`;
}

function checkText(value: string): true | string {
  return value.trim() !== '' ? true : 'please enter a value';
}

function must(
  flag: string,
  check: (v: string) => true | string,
  value: string | undefined,
): string | undefined {
  if (value === undefined) return undefined;
  const result = check(value.trim());
  if (result !== true) throw new UsageError(`${flag}: ${result}`);
  return value.trim();
}

/** `--provider "Name@City,CC"`: the last @ ends the name, the last comma ends the city. */
export function parseProvider(value: string): ProviderAnswer {
  const at = value.lastIndexOf('@');
  const comma = value.lastIndexOf(',');
  const name = value.slice(0, at).trim();
  const city = value.slice(at + 1, comma).trim();
  const country = value
    .slice(comma + 1)
    .trim()
    .toUpperCase();
  if (at <= 0 || comma < at || !name || !city || !countryCodes().includes(country)) {
    const meant = name && city ? suggestCountry(value.slice(comma + 1)) : undefined;
    throw new UsageError(
      `--provider must look like "Name@City,CC" with CC an ISO 3166 country code, e.g. "Fjord Kundeservice AS@Bergen,NO"; got "${value}"${meant ? ` — did you mean "${name}@${city},${meant}"?` : ''}`,
    );
  }
  return { name, city, country };
}

/** `--service "Name"` or `--service "Name=critical"` (critical | high | medium | low). */
export function parseService(value: string): ServiceAnswer {
  const match = /^(.*)=\s*(critical|high|medium|low)\s*$/.exec(value);
  const name = (match ? match[1]! : value).trim();
  if (!name) throw new UsageError(`--service needs a name, e.g. "Customer hotline=critical"; got "${value}"`);
  return match ? { name, criticality: match[2] as Criticality } : { name };
}

async function defaultPrompter(): Promise<Prompter> {
  return import('../prompts.js');
}

/** Gathers the answers: flags first, then questions on a terminal, then (with --yes) the template's samples. */
async function gather(
  options: InitOptions,
  interactive: boolean,
  prompter: () => Promise<Prompter>,
): Promise<{ template: TemplateName; language: Language; text: string; answers: Omit<InitAnswers, 'asOf'> }> {
  const missing: string[] = [];
  const ask = interactive ? await prompter() : undefined;

  const language: Language =
    parseChoice('--lang', options.lang, LANGUAGES) ??
    (ask
      ? await ask.askChoice({
          message: 'Language of the plan',
          choices: LANGUAGES.map((l) => ({ value: l, name: `${l}  ${LANGUAGE_NAMES[l]}` })),
          default: 'en',
        })
      : 'en');
  const template: TemplateName =
    parseChoice('--template', options.template, TEMPLATE_NAMES) ??
    (ask
      ? await ask.askChoice({
          message: 'Template',
          choices: TEMPLATE_NAMES.map((t) => ({ value: t, name: t, description: TEMPLATE_DESCRIPTIONS[t] })),
          default: 'contact-center',
        })
      : 'contact-center');
  const text = readTemplate(template, language);
  const sample = templateSample(text);

  const answers: Omit<InitAnswers, 'asOf'> = {};
  const organization =
    must('--organization', checkText, options.organization) ??
    (ask ? await ask.askText({ message: 'Organization', validate: checkText }) : undefined);
  if (organization !== undefined) answers.organization = organization;
  else if (!options.yes) missing.push('--organization');

  const title =
    must('--title', checkText, options.title) ??
    (ask
      ? await ask.askText({ message: 'Plan title', default: sample.title, validate: checkText })
      : undefined);
  if (title !== undefined && title !== sample.title) answers.title = title;
  const id = must(
    '--id',
    (v) =>
      schemaPattern('id').test(v) && v.length <= 63
        ? true
        : `"${v}" is not an id (lower-case letters, digits and hyphens, at most 63)`,
    options.id,
  );
  if (id !== undefined) answers.id = id;

  for (const [who, flag, label] of [
    ['officer', 'officer', 'Emergency officer'],
    ['deputy', 'deputy', 'Deputy emergency officer'],
  ] as const) {
    const flags = {
      name: must(`--${flag}-name`, checkText, who === 'officer' ? options.officerName : options.deputyName),
      phone: must(
        `--${flag}-phone`,
        (v) => checkPhone(v, language),
        who === 'officer' ? options.officerPhone : options.deputyPhone,
      ),
      email: must(
        `--${flag}-email`,
        checkEmail,
        who === 'officer' ? options.officerEmail : options.deputyEmail,
      ),
    };
    let name = flags.name;
    if (name === undefined && ask)
      name = await ask.askText({ message: `${label}: name`, validate: checkText });
    if (name === undefined) {
      if (flags.phone !== undefined || flags.email !== undefined) {
        throw new UsageError(`--${flag}-phone and --${flag}-email need --${flag}-name`);
      }
      if (!options.yes) missing.push(`--${flag}-name`, `--${flag}-phone or --${flag}-email`);
      continue;
    }
    let { phone, email } = flags;
    if (phone === undefined && email === undefined && ask) {
      const p = await ask.askText({
        message: `${label}: phone (leave empty if none)`,
        validate: (v) => (v.trim() === '' ? true : checkPhone(v.trim(), language)),
      });
      phone = p === '' ? undefined : p;
      const e = await ask.askText({
        message: `${label}: email${phone ? ' (leave empty if none)' : ''}`,
        validate: (v) =>
          v.trim() === '' ? (phone ? true : 'a phone number or an email is needed') : checkEmail(v.trim()),
      });
      email = e === '' ? undefined : e;
    }
    if (phone === undefined && email === undefined) {
      throw new UsageError(
        `--${flag}-name needs --${flag}-phone or --${flag}-email: a contact must be reachable`,
      );
    }
    const person: PersonAnswer = { name, ...(phone ? { phone } : {}), ...(email ? { email } : {}) };
    answers[who] = person;
  }

  if (options.provider) answers.providers = options.provider.map(parseProvider);
  else if (ask) {
    const providers: ProviderAnswer[] = [];
    for (;;) {
      const name = await ask.askText({
        message:
          providers.length === 0
            ? 'First provider: name (leave empty to keep the template’s sample providers)'
            : 'Next provider: name (leave empty when done)',
      });
      if (name === '') break;
      const city = await ask.askText({ message: `${name}: city of the site`, validate: checkText });
      // A name in a plan language is taken for its code: `Danmark` is DK.
      const country = await ask.askText({
        message: `${name}: country (ISO 3166 code or name, e.g. ${EXAMPLE[language].country})`,
        validate: (v) =>
          suggestCountry(v) !== undefined
            ? true
            : `an ISO 3166 country code or a country's name, e.g. ${EXAMPLE[language].country}`,
      });
      providers.push({ name, city, country: suggestCountry(country)! });
    }
    if (providers.length > 0) answers.providers = providers;
  }

  if (options.service) answers.services = options.service.map(parseService);
  else if (ask) {
    const services: ServiceAnswer[] = [];
    for (;;) {
      const name = await ask.askText({
        message:
          services.length === 0
            ? 'First service: name (leave empty to keep the template’s sample services)'
            : 'Next service: name (leave empty when done)',
      });
      if (name === '') break;
      const criticality = await ask.askChoice({
        message: `${name}: criticality`,
        choices: CRITICALITIES.map((c) => ({ value: c, name: c })),
        default: (sample.services[Math.min(services.length, sample.services.length - 1)]?.criticality ??
          'medium') as Criticality,
      });
      services.push({ name, criticality });
    }
    if (services.length > 0) answers.services = services;
  }

  if (missing.length > 0) {
    throw new UsageError(
      `no terminal to ask on: pass ${missing.join(', ')} (or --yes to keep the template's samples)`,
    );
  }
  return { template, language, text, answers };
}

function refuseExisting(file: string, force: boolean | undefined): void {
  if (!existsSync(file)) return;
  if (statSync(file).isDirectory()) throw new UsageError(`${file} is a folder; name the plan file to write`);
  if (!force) throw new UsageError(`${file} already exists; pass --force to overwrite it`);
}

/**
 * `bcplan init [FILE]`: writes a plan from a template. Exit 0 written, 2 usage error
 * (existing file without --force, a missing answer without a terminal), 130 Ctrl-C.
 */
export async function init(file: string, options: InitOptions, io: InitIO = {}): Promise<number> {
  const asOf = parseAsOf(options.asOf);
  refuseExisting(file, options.force);
  const interactive = !options.yes && (io.interactive ?? process.stdin.isTTY === true);
  const prompter = io.prompter ? async () => io.prompter! : defaultPrompter;

  let gathered: Awaited<ReturnType<typeof gather>>;
  try {
    gathered = await gather(options, interactive, prompter);
  } catch (error) {
    if (interactive && (await prompter()).isPromptCancel(error)) {
      process.stderr.write('bcplan: cancelled; nothing was written\n');
      return 130;
    }
    throw error;
  }
  const { template, language, text, answers } = gathered;
  const plan = fillTemplate(text, { ...answers, asOf: formatDate(asOf), schema: schemaReference(file) });
  refuseExisting(file, options.force);
  writeFileAtomic(file, plan);

  process.stdout.write(`Wrote ${file} from the ${template} template (${language}).\n`);
  const findings = checkPlan(file, { asOf }).findings;
  if (findings.length > 0) {
    process.stderr.write(
      `bcplan validate reports ${findings.length === 1 ? 'one thing' : `${findings.length} things`} to fix in it:\n`,
    );
    process.stderr.write(
      joinPieces(
        stylish(findings, {
          files: [file],
          color: useColor(process.stderr, undefined),
          rules: [],
          toolVersion: '',
        }),
      ),
    );
  }
  const shown = path.relative(process.cwd(), path.resolve(file)) || file;
  process.stdout.write(
    [
      'Next:',
      `  edit ${shown}: replace the samples with your own people, providers and scenarios`,
      `  bcplan validate ${shown}`,
      `  bcplan matrix ${shown}`,
      `  bcplan render ${shown}`,
      '',
    ].join('\n'),
  );
  return 0;
}
