// Preload for `node --import`: appends the URL of every module the ESM loader loads to
// $BCPLAN_LOADED_MODULES, one a line. Used by test/startup.test.ts and bench/run.js to see
// what a command pulls in. (CommonJS files required from CommonJS do not pass the hooks on
// Node 20, but a package's entry imported from ESM does.)
import { register } from 'node:module';

if (process.env.BCPLAN_LOADED_MODULES) {
  register('./record-modules-hooks.mjs', import.meta.url, {
    data: { file: process.env.BCPLAN_LOADED_MODULES },
  });
}
