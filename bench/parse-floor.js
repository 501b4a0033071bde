// The parse-only floor: read and parse every plan in a folder with `yaml`, in one process,
// keeping source positions as bcplan must (LineCounter) and converting to plain data.
// Usage: node bench/parse-floor.js FOLDER   prints the number of files parsed.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { LineCounter, parseDocument } from 'yaml';

const dir = process.argv[2];
let files = 0;
for (const name of readdirSync(dir).sort()) {
  if (!/\.ya?ml$/.test(name)) continue;
  const text = readFileSync(path.join(dir, name), 'utf8');
  const doc = parseDocument(text, { lineCounter: new LineCounter(), uniqueKeys: true });
  if (doc.errors.length === 0) doc.toJS();
  files++;
}
process.stdout.write(`${files}\n`);
