import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { init, type Prompter, parseProvider, parseService } from '../src/cli/commands/init.js';
import { fillTemplate, templateSample } from '../src/init/fill.js';
import { schemaReference } from '../src/init/modeline.js';
import { readTemplate, TEMPLATE_NAMES } from '../src/init/templates.js';
import { LANGUAGES } from '../src/plan/matrix.js';
import { slugify } from '../src/util/slug.js';
import { bcplan, ROOT, type Run } from './helpers/cli.js';

const AS_OF = '2026-03-15';
const tmp = mkdtempSync(path.join(os.tmpdir(), 'bcplan-init-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const run = (args: string[], cwd = tmp) => bcplan(args, { cwd });

let n = 0;
const fresh = (name = 'plan.yaml') => path.join(mkdtempSync(path.join(tmp, `case-${n++}-`)), name);

/** Validates with the built CLI; returns the findings that are not infos. */
async function problems(
  file: string,
): Promise<{ code: number; findings: { rule: string; message: string }[] }> {
  const r = await run(['validate', file, '--as-of', AS_OF, '--format', 'json']);
  const report = JSON.parse(r.stdout) as { findings: { rule: string; message: string; severity: string }[] };
  return { code: r.code, findings: report.findings.filter((f) => f.severity !== 'info') };
}

describe('templates', () => {
  it('ship every template in every language', () => {
    const files = readdirSync(path.join(ROOT, 'templates')).sort();
    expect(files).toEqual(TEMPLATE_NAMES.flatMap((t) => LANGUAGES.map((l) => `${t}.${l}.yaml`)).sort());
  });

  for (const name of TEMPLATE_NAMES) {
    for (const lang of LANGUAGES) {
      it(`${name}.${lang} is written as the YAML library writes it, so filling changes only the answers`, () => {
        const text = readTemplate(name, lang);
        expect(fillTemplate(text, { asOf: '2026-01-01' })).toBe(text);
        expect(text.split('\n', 1)[0]).toBe(
          '# yaml-language-server: $schema=node_modules/bcplan/schemas/plan.schema.json',
        );
        const data = parse(text) as { plan: { language: string } };
        expect(data.plan.language).toBe(lang);
      });
    }
  }
});

describe('fillTemplate', () => {
  const text = readTemplate('contact-center', 'en');

  it('writes names with quotes, colons, # and YAML keywords as the exact strings', () => {
    const tricky = {
      organization: 'Acme: "Tools" & Co #1',
      title: 'yes',
      officer: { name: "O'Brien: Anna", email: 'anna@example.com' },
      deputy: { name: '- null', phone: '+47 22 00 00 00' },
      services: [{ name: '123' }, { name: 'true=critical' }],
      providers: [
        { name: '[Fjord] AS', city: 'Bergen', country: 'NO' },
        { name: '*alias', city: 'Ålesund', country: 'NO' },
      ],
    };
    const out = fillTemplate(text, { ...tricky, asOf: AS_OF });
    const data = parse(out);
    expect(data.plan.organization).toBe(tricky.organization);
    expect(data.plan.title).toBe('yes');
    expect(data.plan.id).toBe('yes');
    expect(data.contacts.map((c: { name: string }) => c.name)).toEqual(["O'Brien: Anna", '- null']);
    expect(data.contacts.map((c: { id: string }) => c.id)).toEqual(['o-brien-anna', 'null']);
    expect(data.services.map((s: { name: string }) => s.name)).toEqual(['123', 'true=critical']);
    expect(data.providers.map((p: { name: string }) => p.name)).toEqual(['[Fjord] AS', '*alias']);
    expect(data.providers[0].site).toEqual({ city: 'Bergen', country: 'NO' });
    expect(out).toContain('site: {city: Bergen, country: "NO"}');
    // Comments stay.
    expect(out).toContain('# critical | high | medium | low');
  });

  it('moves every reference to renamed contacts and replaced services', () => {
    const out = fillTemplate(text, {
      asOf: AS_OF,
      officer: { name: 'Åse Øvrebø', phone: '+47 22 00 00 01' },
      deputy: { name: 'Li Wei', email: 'li.wei@example.com' },
      services: [{ name: 'Hotline', criticality: 'high' }],
      providers: [{ name: 'One AS', city: 'Oslo', country: 'NO' }],
    });
    const data = parse(out);
    expect(data.contacts).toEqual([
      { id: 'åse-øvrebø', name: 'Åse Øvrebø', phone: '+47 22 00 00 01', verified: AS_OF },
      { id: 'li-wei', name: 'Li Wei', email: 'li.wei@example.com', verified: AS_OF },
    ]);
    const emergency = data.roles.find((r: { id: string }) => r.id === 'emergency-officer');
    expect(emergency.primary).toBe('åse-øvrebø');
    expect(emergency.deputies).toEqual(['li-wei']);
    expect(data.services).toEqual([
      { id: 'hotline', name: 'Hotline', criticality: 'high', rto: 'PT4H', mtpd: 'P1D' },
    ]);
    expect(data.providers).toEqual([
      { id: 'one-as', name: 'One AS', services: ['hotline'], site: { city: 'Oslo', country: 'NO' } },
    ]);
    for (const s of data.scenarios) expect(s.services).toEqual(['hotline']);
  });

  it('writes as-of as reviewed, approved and every verified date', () => {
    const data = parse(fillTemplate(readTemplate('service-desk', 'nl'), { asOf: AS_OF }));
    expect(data.plan.reviewed).toBe(AS_OF);
    expect(data.plan.approved).toBe(AS_OF);
    for (const e of [...data.contacts, ...data.access]) expect(e.verified).toBe(AS_OF);
  });

  it('gives two people with one name two ids', () => {
    const data = parse(
      fillTemplate(text, {
        asOf: AS_OF,
        officer: { name: 'Kim Berg', phone: '+45 11 11 11 11' },
        deputy: { name: 'Kim Berg', phone: '+45 22 22 22 22' },
      }),
    );
    expect(data.contacts.map((c: { id: string }) => c.id)).toEqual(['kim-berg', 'kim-berg-2']);
  });

  it('sets the modeline without touching the YAML', () => {
    const out = fillTemplate(text, {
      asOf: '2026-01-01',
      schema: '../node_modules/bcplan/schemas/plan.schema.json',
    });
    expect(out.split('\n', 1)[0]).toBe(
      '# yaml-language-server: $schema=../node_modules/bcplan/schemas/plan.schema.json',
    );
    expect(out.split('\n').slice(1).join('\n')).toBe(text.split('\n').slice(1).join('\n'));
  });

  it('offers the template samples as defaults', () => {
    const sample = templateSample(readTemplate('small-office', 'nb'));
    expect(sample.title).toBe('Beredskapsplan');
    expect(sample.officer.name).toBe('Kari Nordmann');
    expect(sample.deputy.name).toBe('Ola Nordmann');
  });
});

describe('helpers', () => {
  it('slugify makes SPEC ids in any script', () => {
    expect(slugify('Notfallplan Kundenservice 2026', 'x')).toBe('notfallplan-kundenservice-2026');
    expect(slugify('Leverandørsvikt – høy!', 'x')).toBe('leverandørsvikt-høy');
    expect(slugify('!!!', 'plan')).toBe('plan');
    expect(slugify('a'.repeat(80), 'x')).toHaveLength(63);
  });

  it('parses --provider and --service', () => {
    expect(parseProvider('Fjord Kundeservice AS@Bergen,no')).toEqual({
      name: 'Fjord Kundeservice AS',
      city: 'Bergen',
      country: 'NO',
    });
    expect(parseProvider('a@b.example AS@Frankfurt am Main,DE')).toEqual({
      name: 'a@b.example AS',
      city: 'Frankfurt am Main',
      country: 'DE',
    });
    expect(() => parseProvider('No site')).toThrow(/Name@City,CC/);
    expect(() => parseProvider('X@Oslo,Norway')).toThrow(/country code.* did you mean "X@Oslo,NO"\?$/);
    expect(() => parseProvider('X@London,UK')).toThrow(/country code/); // the schema knows GB, not UK
    expect(parseService('Hotline=critical')).toEqual({ name: 'Hotline', criticality: 'critical' });
    expect(parseService('A=B')).toEqual({ name: 'A=B' });
  });

  it('points the modeline at bcplan in the project’s node_modules', () => {
    const project = mkdtempSync(path.join(tmp, 'project-'));
    writeFileSync(path.join(project, 'package.json'), '{}');
    expect(schemaReference(path.join(project, 'plans', 'cc.yaml'))).toBe(
      '../node_modules/bcplan/schemas/plan.schema.json',
    );
    expect(schemaReference(path.join(project, 'cc.yaml'))).toBe(
      'node_modules/bcplan/schemas/plan.schema.json',
    );
  });
});

describe('bcplan init (built CLI)', () => {
  it('writes every template in every language with --yes, and each validates clean', async () => {
    const dir = mkdtempSync(path.join(tmp, 'all-'));
    const combos = TEMPLATE_NAMES.flatMap((template) => LANGUAGES.map((lang) => ({ template, lang })));
    // Two at a time: enough to overlap start-up, gentle on a busy CI machine.
    const runs: Run[] = [];
    for (let i = 0; i < combos.length; i += 2) {
      runs.push(
        ...(await Promise.all(
          combos
            .slice(i, i + 2)
            .map(({ template, lang }) =>
              run(
                [
                  'init',
                  `${template}.${lang}.yaml`,
                  '--yes',
                  '--template',
                  template,
                  '--lang',
                  lang,
                  '--as-of',
                  AS_OF,
                ],
                dir,
              ),
            ),
        )),
      );
    }
    runs.forEach((r, i) => {
      const { template, lang } = combos[i]!;
      // init validates what it wrote and prints every finding (infos too) to stderr.
      expect({ file: `${template}.${lang}`, code: r.code, stderr: r.stderr }).toEqual({
        file: `${template}.${lang}`,
        code: 0,
        stderr: '',
      });
      expect(r.stdout).toContain(`from the ${template} template (${lang})`);
      const data = parse(readFileSync(path.join(dir, `${template}.${lang}.yaml`), 'utf8'));
      expect(data.plan.reviewed).toBe(AS_OF);
      expect(data.plan.language).toBe(lang);
    });
    const r = await run(['validate', '.', '--as-of', AS_OF, '--format', 'json'], dir);
    const report = JSON.parse(r.stdout) as { findings: unknown[]; summary: { files: number } };
    expect(report.findings).toEqual([]);
    expect(report.summary.files).toBe(combos.length);
    expect(r.code).toBe(0);
  }, 180_000);

  it('fills every answer from flags and still validates clean', async () => {
    const file = fresh();
    const r = await run([
      'init',
      file,
      '--template',
      'contact-center',
      '--lang',
      'de',
      '--organization',
      'Müller & Söhne: "Versand" GmbH',
      '--title',
      'Notfallplan #1',
      '--id',
      'notfall',
      '--officer-name',
      'Anna Schmidt',
      '--officer-phone',
      '+49 541 5550100',
      '--officer-email',
      'anna@example.com',
      '--deputy-name',
      'Jonas Weber',
      '--deputy-email',
      'jonas@example.com',
      '--provider',
      'Atlântico Contact SA@Lisboa,PT',
      '--provider',
      'Fjord Kundeservice AS@Bergen,NO',
      '--service',
      'Kunden-Hotline=critical',
      '--as-of',
      AS_OF,
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const data = parse(readFileSync(file, 'utf8'));
    expect(data.plan).toMatchObject({
      id: 'notfall',
      title: 'Notfallplan #1',
      organization: 'Müller & Söhne: "Versand" GmbH',
    });
    expect(data.contacts[1]).toEqual({
      id: 'jonas-weber',
      name: 'Jonas Weber',
      email: 'jonas@example.com',
      verified: AS_OF,
    });
    expect(data.providers.map((p: { id: string }) => p.id)).toEqual([
      'atlântico-contact-sa',
      'fjord-kundeservice-as',
    ]);
    expect((await problems(file)).findings).toEqual([]);
  });

  it('shows what validate reports when the answers leave a problem (one provider for a critical service)', async () => {
    const file = fresh();
    const r = await run(['init', file, '--yes', '--provider', 'Solo Ltd@Leeds,GB', '--as-of', AS_OF]);
    expect(r.code).toBe(0);
    expect(existsSync(file)).toBe(true);
    const { findings } = await problems(file);
    // Whatever the rules report is also what init showed.
    for (const f of findings) expect(r.stderr).toContain(f.rule);
  });

  it('without a terminal and without --yes, a missing answer is a usage error and nothing is written', async () => {
    const file = fresh();
    const r = await run(['init', file, '--template', 'small-office', '--organization', 'Fjord AS']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^bcplan: no terminal to ask on: pass --officer-name, .*--deputy-name/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(existsSync(file)).toBe(false);
    expect(readdirSync(path.dirname(file))).toEqual([]);
  });

  it('writes without --yes when the flags answer everything required', async () => {
    const file = fresh();
    const r = await run([
      'init',
      file,
      '--organization',
      'Fjord AS',
      '--officer-name',
      'Kari Nordmann',
      '--officer-phone',
      '+47 55 55 01 00',
      '--deputy-name',
      'Ola Nordmann',
      '--deputy-email',
      'ola@example.com',
      '--as-of',
      AS_OF,
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(parse(readFileSync(file, 'utf8')).plan.organization).toBe('Fjord AS');
  });

  it('never overwrites without --force', async () => {
    const file = fresh();
    writeFileSync(file, 'keep me\n');
    const r = await run(['init', file, '--yes', '--as-of', AS_OF]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`bcplan: ${file} already exists; pass --force to overwrite it\n`);
    expect(readFileSync(file, 'utf8')).toBe('keep me\n');
    const forced = await run(['init', file, '--yes', '--force', '--as-of', AS_OF]);
    expect(forced.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('bcplan: 1');
    expect(readdirSync(path.dirname(file))).toEqual(['plan.yaml']);
  });

  it.each([
    [['--template', 'call-center'], /--template must be one of contact-center, service-desk, small-office/],
    [['--lang', 'fr'], /--lang must be one of en, de, nl, da, nb/],
    [['--provider', 'Fjord AS'], /--provider must look like "Name@City,CC"/],
    [
      ['--officer-name', 'Kari', '--officer-email', 'not-an-email'],
      /--officer-email: "not-an-email" is not an email/,
    ],
    [['--officer-name', 'Kari'], /--officer-name needs --officer-phone or --officer-email/],
    [['--id', 'Not An Id'], /--id: "Not An Id" is not an id/],
    [['--as-of', '2026-13-01'], /--as-of must be a date/],
  ])('refuses %j with exit 2 and one line', async (args, message) => {
    const file = fresh();
    const r = await run(['init', file, '--yes', ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(existsSync(file)).toBe(false);
  });

  it('reports a missing folder as exit 2 without a stack trace', async () => {
    const r = await run(['init', path.join(tmp, 'no-such-folder', 'plan.yaml'), '--yes']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^bcplan: cannot write .*the folder does not exist\n$/);
  });
});

/** Runs `init` on a terminal with scripted answers; what it prints is captured, not shown. */
async function initAnswering(
  file: string,
  options: Parameters<typeof init>[1],
  prompter: Prompter,
): Promise<{ code: number; out: string }> {
  const out: string[] = [];
  const write = process.stdout.write;
  process.stdout.write = ((s: string) => out.push(s) > 0) as typeof process.stdout.write;
  try {
    return { code: await init(file, options, { interactive: true, prompter }), out: out.join('') };
  } finally {
    process.stdout.write = write;
  }
}

/** A prompter that answers from a script, in order, and fails on an unexpected question. */
function scripted(answers: string[]): Prompter & { asked: string[] } {
  const asked: string[] = [];
  const next = (message: string) => {
    asked.push(message);
    if (answers.length === 0) throw new Error(`unexpected question: ${message}`);
    return answers.shift()!;
  };
  return {
    asked,
    askText: async (q) => {
      const a = next(q.message);
      const v = a === '' && q.default !== undefined ? q.default : a;
      const ok = q.validate ? q.validate(v) : true;
      if (ok !== true) throw new Error(`invalid answer "${v}" to "${q.message}": ${ok}`);
      return v;
    },
    askChoice: async <T extends string>(q: { message: string; choices: readonly { value: T }[] }) => {
      const a = next(q.message);
      if (!q.choices.some((c) => c.value === a)) throw new Error(`"${a}" is not a choice of "${q.message}"`);
      return a as T;
    },
    isPromptCancel: (e) => (e as Error).name === 'ExitPromptError',
  };
}

describe('bcplan init on a terminal', () => {
  it('asks every question and writes the answers', async () => {
    const file = fresh();
    const prompter = scripted([
      'nb', // language
      'service-desk', // template
      'Eksempel kommune', // organization
      '', // title: keep the default
      'Kari Nordmann',
      '+47 55 55 01 00',
      '', // no email
      'Ola Nordmann',
      '',
      'ola@example.com',
      'Drift AS', // first provider
      'Trondheim',
      'no',
      '', // no more providers
      '', // keep the sample services
    ]);
    const { code, out } = await initAnswering(file, { asOf: AS_OF }, prompter);
    expect(code).toBe(0);
    expect(out).toContain('from the service-desk template (nb)');
    const data = parse(readFileSync(file, 'utf8'));
    expect(data.plan.organization).toBe('Eksempel kommune');
    expect(data.plan.title).toBe('Beredskapsplan IT-brukerstøtte');
    expect(data.contacts[0]).toEqual({
      id: 'kari-nordmann',
      name: 'Kari Nordmann',
      phone: '+47 55 55 01 00',
      verified: AS_OF,
    });
    expect(data.providers).toEqual([
      {
        id: 'drift-as',
        name: 'Drift AS',
        services: ['ticket-system', 'on-site-support'],
        site: { city: 'Trondheim', country: 'NO' },
      },
    ]);
    expect(prompter.asked).toHaveLength(15);
  });

  it('takes a country by its name in a plan language, and gives examples for the plan’s language', async () => {
    const file = fresh();
    // Organization, title (kept), officer and deputy.
    const people = [
      'Eksempel ApS',
      '',
      'Mette Hansen',
      '+45 33 12 34 56',
      '',
      'Jens Kragh',
      '',
      'jens@example.com',
    ];
    const prompter = scripted([
      ...people,
      'Fragt A/S', // first provider
      'Aarhus',
      'Danmark', // a name, not DK
      'Spedition GmbH',
      'Flensburg',
      'tyskland',
      '',
      '',
    ]);
    const options = { lang: 'da', template: 'small-office', asOf: AS_OF };
    expect((await initAnswering(file, options, prompter)).code).toBe(0);
    const data = parse(readFileSync(file, 'utf8'));
    expect(data.providers.map((p: { site: unknown }) => p.site)).toEqual([
      { city: 'Aarhus', country: 'DK' },
      { city: 'Flensburg', country: 'DE' },
    ]);
    expect(prompter.asked).toContain('Fragt A/S: country (ISO 3166 code or name, e.g. DK)');
    // What is not a country is asked again, with the example of the plan's language.
    const bad = scripted([...people, 'X', 'Aarhus', 'Atlantis']);
    await expect(init(fresh(), options, { interactive: true, prompter: bad })).rejects.toThrow(
      'invalid answer "Atlantis" to "X: country (ISO 3166 code or name, e.g. DK)": an ISO 3166 country code or a country\'s name, e.g. DK',
    );
  });

  it('asks only what the flags leave open', async () => {
    const file = fresh();
    const prompter = scripted([
      '',
      'Jane Roe',
      '',
      'jane@example.com',
      'John Roe',
      '+44 20 7946 0999',
      '',
      '',
      '',
    ]);
    const options = { lang: 'en', template: 'small-office', organization: 'Roe Ltd', asOf: AS_OF };
    expect((await initAnswering(file, options, prompter)).code).toBe(0);
    expect(prompter.asked[0]).toBe('Plan title');
    expect(parse(readFileSync(file, 'utf8')).plan.organization).toBe('Roe Ltd');
  });

  it('Ctrl-C (ExitPromptError) exits 130 and leaves nothing behind', async () => {
    const file = fresh();
    const prompter = scripted(['en', 'contact-center']);
    prompter.askText = async () => {
      const e = new Error('User force closed the prompt with SIGINT');
      e.name = 'ExitPromptError';
      throw e;
    };
    const err: string[] = [];
    const write = process.stderr.write;
    process.stderr.write = ((s: string) => err.push(s) > 0) as typeof process.stderr.write;
    let code: number;
    try {
      code = await init(file, { asOf: AS_OF }, { interactive: true, prompter });
    } finally {
      process.stderr.write = write;
    }
    expect(code).toBe(130);
    expect(err.join('')).toBe('bcplan: cancelled; nothing was written\n');
    expect(readdirSync(path.dirname(file))).toEqual([]);
  });
});
