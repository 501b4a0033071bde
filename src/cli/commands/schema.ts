import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { LoadError } from '../../errors.js';
import { SCHEMA_URL } from '../../plan/schema-file.js';
import { writeFileAtomic } from '../../util/atomic-write.js';

export interface SchemaOptions {
  output?: string;
}

function readPlanSchema(): string {
  try {
    return readFileSync(SCHEMA_URL, 'utf8');
  } catch {
    throw new LoadError(
      `cannot read the plan schema at ${fileURLToPath(SCHEMA_URL)}: the installation is incomplete`,
    );
  }
}

/** `bcplan schema`: prints the JSON Schema of plan format v1, or writes it atomically with --output. */
export async function schema(options: SchemaOptions): Promise<number> {
  let text = readPlanSchema();
  if (!text.endsWith('\n')) text += '\n';
  if (options.output) writeFileAtomic(options.output, text);
  else process.stdout.write(text);
  return 0;
}
