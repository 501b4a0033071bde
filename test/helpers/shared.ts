import { existsSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './cli.js';

/**
 * A file of the team's shared folder: the spec's example plan and the official SARIF and JUnit
 * schemas, which are not committed here. Looked for beside the checkout (`../shared`), then in
 * the workplace's copy; BCPLAN_SHARED names another place. Missing, it fails loudly.
 */
export function sharedPath(...parts: string[]): string {
  const candidates = [process.env.BCPLAN_SHARED, path.resolve(ROOT, '../shared'), '/work/shared'].filter(
    (d): d is string => typeof d === 'string' && d !== '',
  );
  const dir = candidates.find((d) => existsSync(path.join(d, 'reference-schemas')));
  if (!dir)
    throw new Error(`the shared folder is missing (looked in ${candidates.join(', ')}); set BCPLAN_SHARED`);
  return path.join(dir, ...parts);
}
