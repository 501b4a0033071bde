import { existsSync } from 'node:fs';
import path from 'node:path';

const SCHEMA_IN_PACKAGE = 'node_modules/bcplan/schemas/plan.schema.json';

/**
 * The `$schema=` target init writes: the schema of bcplan installed as a dev dependency of the
 * plan's project (`npm install --save-dev bcplan`), relative to the plan's folder. The project
 * is the nearest folder above the plan that has bcplan in node_modules, else a package.json or
 * a .git folder, else the plan's own folder.
 */
export function schemaReference(planFile: string): string {
  const planDir = path.dirname(path.resolve(planFile));
  let root: string | undefined;
  for (let dir = planDir; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, SCHEMA_IN_PACKAGE))) {
      root = dir;
      break;
    }
    if (!root && (existsSync(path.join(dir, 'package.json')) || existsSync(path.join(dir, '.git'))))
      root = dir;
    if (path.dirname(dir) === dir) break;
  }
  const target = path.join(root ?? planDir, SCHEMA_IN_PACKAGE);
  return path.relative(planDir, target).split(path.sep).join('/');
}
