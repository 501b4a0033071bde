/** A mistake in how bcplan was called: exit 2 with one clear line. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** A file or folder that cannot be read or written: exit 2 with one clear line. */
export class LoadError extends Error {
  override name = 'LoadError';
}

/** Thrown by commands that must stop with a given exit code after printing their own output. */
export class ExitError extends Error {
  override name = 'ExitError';
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}
