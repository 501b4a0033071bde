import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { ExitError, LoadError, UsageError } from '../errors.js';
import { writeErrorReason } from '../util/atomic-write.js';
import { printable } from '../util/printable.js';

function packageVersion(): string {
  try {
    return (
      JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
    ).version;
  } catch {
    return '0.0.0';
  }
}

/** The text after a command's options: examples, then what its exit codes mean. */
const epilog = (examples: string[], exitCodes: string, note = '') =>
  `\nExamples:\n${examples.map((l) => `  $ ${l}`).join('\n')}\n\n${note && `${note}\n`}Exit codes: ${exitCodes}.\n`;

/** `-o ""` (an unset variable in a script) would quietly print to stdout instead: refuse it. */
function outputFile(value: string): string {
  if (value === '') throw new UsageError('--output needs a file name, not an empty string');
  return value;
}

/**
 * SPEC §4: a usage error is one clear line on stderr. Commander writes `error: …`, sometimes
 * with a `(Did you mean …?)` line; this makes them `bcplan: …, did you mean …? (see … --help)`.
 */
function usageLine(command: string) {
  return (message: string, write: (text: string) => void) => {
    const text = message
      .trim()
      .replace(/^error: /, '')
      .replace(/\s*\n\(Did you mean (.*)\)$/, ', did you mean $1')
      .replace(/\s*\n\s*/g, ' ');
    write(`bcplan: ${printable(text)} (see ${command} --help)\n`);
  };
}

/** Builds the program. Each command's module is imported only when that command runs. */
function buildProgram(version: string, setCode: (code: number) => void): Command {
  const program = new Command('bcplan')
    .description('Validate, render, review and scaffold business continuity plans kept as YAML in git.')
    .version(version, '-V, --version')
    .option('--debug', 'show stack traces of internal errors')
    .exitOverride();

  program
    .command('validate')
    .description('check plans against the schema and the continuity rules')
    .argument('[paths...]', 'plan files, folders (every *.yaml/*.yml holding `bcplan:`) or globs', [])
    .addOption(
      new Option(
        '-f, --format <format>',
        'stylish | json | sarif | junit | github (default: stylish; github when GITHUB_ACTIONS=true)',
      ),
    )
    .option('-o, --output <file>', 'write the report to a file (atomically) instead of stdout', outputFile)
    .option(
      '--fail-severity <severity>',
      'lowest severity that makes the exit code 1: error | warning | info',
      'error',
    )
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this (-1: no limit)')
    .option('-q, --quiet', 'report errors only')
    .option('--as-of <date>', 'treat this date (YYYY-MM-DD) as today')
    .option('--stale-after <duration>', 'how long a verified date stays fresh (default P12M, or the config)')
    .option('--lang <language>', 'word the rules’ messages in en | de | nl | da | nb (default: en)')
    .option('-c, --config <file>', 'use this config instead of the nearest .bcplan.yaml')
    .option('--color', 'force colour')
    .option('--no-color', 'no colour, even on a terminal')
    .option('--allow-outside-root', 'let imports read files outside the plan’s repository')
    .option('-j, --jobs <n>', 'threads for many files (default: one per core; 1 = no worker threads)')
    .addHelpText(
      'after',
      epilog(
        [
          'bcplan validate plans/',
          'bcplan validate plan.yaml --as-of 2026-11-22',
          'bcplan validate "plans/**/*.yaml" --format sarif --output bcplan.sarif',
          'bcplan validate plans/ --format junit -o junit.xml --fail-severity warning',
        ],
        '0 no findings at or above --fail-severity, 1 findings, 2 usage or I/O error',
      ),
    )
    .action(async (paths: string[], options) => {
      const { validate } = await import('./commands/validate.js');
      setCode(await validate(paths, options, version));
    });

  program
    .command('render')
    .description('render the plan as a PDF runbook')
    .argument('<plan>', 'the plan file')
    .option('-o, --output <file>', 'the PDF to write (default: the plan’s name with .pdf)', outputFile)
    .option('--lang <language>', 'label language: en | de | nl | da | nb (default: the plan’s language)')
    .option('--role <id>', 'only what this role must do and know')
    .option('--redact', 'leave out personal phone numbers and email addresses')
    .option('--force', 'render a plan with errors, stamped DRAFT on every page')
    .option('--as-of <date>', 'treat this date (YYYY-MM-DD) as today; also fixes the PDF’s dates')
    .option('-c, --config <file>', 'use this config instead of the nearest .bcplan.yaml')
    .option('--allow-outside-root', 'let imports read files outside the plan’s repository')
    .addHelpText(
      'after',
      epilog(
        [
          'bcplan render plan.yaml',
          'bcplan render plan.yaml -o runbook.pdf --lang de',
          'bcplan render plan.yaml --role it-oncall --redact -o it-oncall.pdf',
        ],
        '0 written, 1 the plan has errors (nothing written; --force renders a draft), 2 usage or I/O error',
      ),
    )
    .action(async (plan: string, options) => {
      const { render } = await import('./commands/render.js');
      setCode(await render(plan, options));
    });

  program
    .command('review')
    .description('list what is overdue or due soon (silent when nothing is due: made for cron)')
    .argument('[paths...]', 'plan files, folders or globs', [])
    .option('-f, --format <format>', 'text | json | ics', 'text')
    .option('-o, --output <file>', 'write to a file (atomically) instead of stdout', outputFile)
    .option('--as-of <date>', 'treat this date (YYYY-MM-DD) as today')
    .option('--within <duration>', 'the due-soon window (default P30D, or the config dueWindow)')
    .option(
      '--lang <language>',
      'words of the digest and calendar: en | de | nl | da | nb (default: each plan’s language)',
    )
    .option('-c, --config <file>', 'use this config instead of the nearest .bcplan.yaml')
    .option('--color', 'force colour')
    .option('--no-color', 'no colour, even on a terminal')
    .option('--allow-outside-root', 'let imports read files outside the plan’s repository')
    .addHelpText(
      'after',
      epilog(
        [
          'bcplan review plans/',
          'bcplan review plans/ --within P60D',
          'bcplan review plans/ --format ics -o continuity.ics',
          'bcplan review plans/ --lang en',
        ],
        '0 nothing overdue (due-soon items are listed), 1 something overdue, or a plan unreadable or not fully reviewed, 2 usage or I/O error',
      ),
    )
    .action(async (paths: string[], options) => {
      const { review } = await import('./commands/review.js');
      setCode(await review(paths, options));
    });

  program
    .command('verify')
    .description('record that contacts or access entries were re-confirmed (sets `verified`)')
    .argument('<plan>', 'the plan (or fragment) file')
    .argument('[ids...]', 'contact or access ids')
    .option('--date <date>', 'the date to record (default: today)')
    .option('--all-due', 'verify every stale or due entry (asks first)')
    .option('-y, --yes', 'do not ask for confirmation')
    .option('--as-of <date>', 'treat this date (YYYY-MM-DD) as today')
    .option('-c, --config <file>', 'use this config instead of the nearest .bcplan.yaml')
    .option('--allow-outside-root', 'let imports read files outside the plan’s repository')
    .addHelpText(
      'after',
      epilog(
        [
          'bcplan verify plan.yaml max-braun',
          'bcplan verify plan.yaml max-braun routing-portal --date 2026-11-20',
          'bcplan verify plan.yaml --all-due --yes',
        ],
        '0 recorded (or nothing to do), 1 not confirmed, 2 usage or I/O error (nothing written)',
      ),
    )
    .action(async (plan: string, ids: string[], options) => {
      const { verify } = await import('./commands/verify.js');
      setCode(await verify(plan, ids, options));
    });

  program
    .command('init')
    .description('create a new plan from a template, asking questions on a terminal')
    .argument('[file]', 'the plan file to write', 'plan.yaml')
    .allowUnknownOption(false)
    .option('-y, --yes', 'do not ask: take every answer from flags and defaults')
    .option('--force', 'overwrite an existing file')
    .option('--template <name>', 'contact-center | service-desk | small-office')
    .option('--lang <language>', 'en | de | nl | da | nb')
    .option('--organization <name>', 'the organization')
    .option('--title <title>', 'the plan title')
    .option('--id <id>', 'the plan id (default: from the title)')
    .option('--officer-name <name>', 'the emergency officer’s name')
    .option('--officer-phone <phone>', 'the emergency officer’s phone')
    .option('--officer-email <email>', 'the emergency officer’s email')
    .option('--deputy-name <name>', 'the deputy’s name')
    .option('--deputy-phone <phone>', 'the deputy’s phone')
    .option('--deputy-email <email>', 'the deputy’s email')
    .option(
      '--provider <name@city,CC...>',
      'a provider: name@city,CC (repeatable)',
      (v: string, all: string[] = []) => [...all, v],
    )
    .option('--service <name>', 'a service (repeatable)', (v: string, all: string[] = []) => [...all, v])
    .option('--as-of <date>', 'the date written as reviewed and verified (default: today)')
    .addHelpText(
      'after',
      epilog(
        [
          'bcplan init',
          'bcplan init plan.yaml --yes --template small-office --lang nb --organization "Fjord AS" --title "Beredskapsplan"',
          'bcplan init plans/cc.yaml --yes --template contact-center --lang de --organization "Muster GmbH" \\\n' +
            '      --officer-name "Anna Schmidt" --officer-phone "+49 541 5550100" --deputy-name "Jonas Weber" \\\n' +
            '      --deputy-email jonas.weber@example.com --provider "Atlântico Contact SA@Lisboa,PT" \\\n' +
            '      --provider "Fjord Kundeservice AS@Bergen,NO" --service "Kunden-Hotline=critical"',
        ],
        '0 written, 2 usage error (file exists without --force, missing answer), 130 cancelled',
        'Without a terminal, pass --yes or the flags for organization, officer and deputy.',
      ),
    )
    .action(async (file: string, options) => {
      const { init } = await import('./commands/init.js');
      setCode(await init(file, options));
    });

  program
    .command('matrix')
    .description('show the risk matrix with the scenarios placed in their cells')
    .argument('<plan>', 'the plan file')
    .option('-f, --format <format>', 'text | json', 'text')
    .option('--lang <language>', 'label language for the default matrix')
    .option('--color', 'force colour')
    .option('--no-color', 'no colour, even on a terminal')
    .option('--allow-outside-root', 'let imports read files outside the plan’s repository')
    .addHelpText(
      'after',
      epilog(
        [
          'bcplan matrix plan.yaml',
          'bcplan matrix plan.yaml --lang de',
          'bcplan matrix plan.yaml --format json',
        ],
        '0 shown, 1 the plan is not well-formed YAML, 2 usage error, missing or unreadable file',
      ),
    )
    .action(async (plan: string, options) => {
      const { matrix } = await import('./commands/matrix.js');
      setCode(await matrix(plan, options));
    });

  program
    .command('schema')
    .description('print the JSON Schema of plan format v1 (for editors and other tools)')
    .option('-o, --output <file>', 'write to a file (atomically) instead of stdout', outputFile)
    .addHelpText(
      'after',
      epilog(
        ['bcplan schema > plan.schema.json', 'bcplan schema --output .vscode/bcplan.schema.json'],
        '0 printed or written, 2 the file cannot be written',
      ),
    )
    .action(async (options) => {
      const { schema } = await import('./commands/schema.js');
      setCode(await schema(options));
    });

  program.configureOutput({ outputError: usageLine('bcplan') });
  for (const command of program.commands) {
    command.configureOutput({ outputError: usageLine(`bcplan ${command.name()}`) });
  }
  return program;
}

/**
 * A failed write to stdout is an 'error' event on the stream, not an exception: without a
 * listener Node prints a stack trace. A reader that went away (`| head -1`, EPIPE) has what it
 * wanted, so the exit code stays the command's; anything else (a full disk) is exit 2.
 */
function handleStdoutErrors(): void {
  process.stdout.on('error', (error) => {
    if ((error as NodeJS.ErrnoException).code === 'EPIPE') return;
    process.stderr.write(`bcplan: cannot write to stdout: ${writeErrorReason(error)}\n`);
    process.exit(2);
  });
}

/** Runs the CLI and returns the exit code: the one place errors become exit codes. */
export async function main(argv: string[]): Promise<number> {
  const debug = argv.includes('--debug');
  handleStdoutErrors();
  let code = 0;
  const program = buildProgram(packageVersion(), (c) => {
    code = c;
  });
  try {
    await program.parseAsync(argv);
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here with code 0; usageLine already printed usage errors.
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof ExitError) return error.code;
    if (error instanceof UsageError || error instanceof LoadError) {
      // One line, whatever a path or an option value held (an ESC, a line break).
      process.stderr.write(`bcplan: ${printable(error.message)}\n`);
      return 2;
    }
    const e = error as Error;
    process.stderr.write(
      `bcplan: internal error: ${printable(e?.message ?? String(error))} (please report this; run with --debug for details)\n`,
    );
    if (debug) process.stderr.write(`${e?.stack ?? ''}\n`);
    return 2;
  }
}
