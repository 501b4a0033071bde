// The only module that imports inquirer: commands ask through these wrappers, so tests can
// replace them and nothing else depends on the prompt library.
import { confirm, input, select } from '@inquirer/prompts';

/** A free-text question; `validate` returns an error message or true. */
export async function askText(question: {
  message: string;
  default?: string;
  validate?: (value: string) => true | string;
}): Promise<string> {
  return (
    await input({
      message: question.message,
      ...(question.default !== undefined ? { default: question.default } : {}),
      ...(question.validate ? { validate: question.validate } : {}),
    })
  ).trim();
}

/** One of a list of choices. */
export async function askChoice<T extends string>(question: {
  message: string;
  choices: readonly { value: T; name: string; description?: string }[];
  default?: T;
}): Promise<T> {
  return select<T>({
    message: question.message,
    choices: question.choices.map((c) => ({ ...c })),
    ...(question.default !== undefined ? { default: question.default } : {}),
  });
}

/** A yes/no question, asked on stderr so stdout stays clean for piped output. */
export async function askConfirm(question: { message: string; default?: boolean }): Promise<boolean> {
  return confirm(
    { message: question.message, default: question.default ?? false },
    { output: process.stderr },
  );
}

/** True for inquirer's "the user pressed Ctrl-C" (ExitPromptError) and friends. */
export function isPromptCancel(error: unknown): boolean {
  const name = (error as Error | undefined)?.name;
  return name === 'ExitPromptError' || name === 'AbortPromptError' || name === 'CancelPromptError';
}
