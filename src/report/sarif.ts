import { createHash } from 'node:crypto';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { type RuleMeta, ruleHelpUri } from '../checks/index.js';
import type { Finding, Severity } from '../plan/types.js';
import { each, jsonPieces } from './json-pieces.js';
import { fromRoot } from './text.js';
import type { Formatter } from './types.js';

const SARIF_SCHEMA =
  'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
const PROJECT_URL = 'https://github.com/bcplan/bcplan';
/** Names the fingerprint scheme; bump the version if the hashed fields ever change. */
export const FINGERPRINT_KEY = 'bcplanFinding/v2';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
};

/**
 * A file as a URI relative to %SRCROOT% (the folder bcplan ran in), forward slashes,
 * each segment percent-encoded. A path that cannot be made relative becomes a file: URI.
 */
export function artifactUri(file: string, cwd: string): { uri: string; uriBaseId?: string } {
  let p = path.isAbsolute(file) ? path.relative(cwd, file) : file;
  if (path.isAbsolute(p)) return { uri: pathToFileURL(p).href }; // another drive on Windows
  p = path.posix.normalize(p.split(path.sep).join('/'));
  return { uri: p.split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

/**
 * GitHub code scanning reads a relative URI from the repository root: on a runner
 * (ctx.root = GITHUB_WORKSPACE) a file inside it is named from there, whatever folder bcplan
 * ran in; anything else stays relative to the working folder.
 */
function locate(file: string, cwd: string, root: string | undefined): { uri: string; uriBaseId?: string } {
  const rel = root ? fromRoot(file, cwd, root) : undefined;
  return artifactUri(rel ?? file, cwd);
}

/**
 * Stable across runs and across edits that move lines: rule, file and JSON pointer.
 * Findings without a pointer (YAML syntax errors) fall back to their position.
 */
export function fingerprint(f: Finding, uri: string): string {
  // v2: list positions hashed as the entries' ids (the anchor), so inserting a contact above
  // does not give every later contact's alert a new identity.
  const where = f.anchor ?? (f.pointer !== '' ? f.pointer : `@${f.line}:${f.column}`);
  return createHash('sha256').update(`${f.rule}\0${uri}\0${where}`).digest('hex').slice(0, 32);
}

const sentence = (s: string) => (/[.!?]$/.test(s) ? s : `${s}.`);

function describeRule(rule: RuleMeta) {
  const helpUri = ruleHelpUri(rule.id);
  return {
    id: rule.id,
    name: rule.id
      .split('-')
      .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
      .join(''),
    shortDescription: { text: rule.description },
    fullDescription: {
      text: `${sentence(rule.description)} Default severity: ${rule.severity}; change it with \`rules: { ${rule.id}: error|warning|info|off }\` in .bcplan.yaml.`,
    },
    help: {
      text: `${rule.description}\nDocumentation: ${helpUri}`,
      markdown: `${rule.help ?? rule.description}\n\n[Documentation of \`${rule.id}\`](${helpUri})`,
    },
    helpUri,
    defaultConfiguration: { level: LEVEL[rule.severity] },
  };
}

/** SARIF 2.1.0 for code-scanning tools (GitHub code scanning, Azure DevOps, IDE viewers). */
export const sarif: Formatter = function* (findings, ctx) {
  const cwd = ctx.cwd ?? process.cwd();
  const known = [...ctx.rules];
  for (const f of findings) {
    if (!known.some((r) => r.id === f.rule)) {
      known.push({ id: f.rule, severity: f.severity, description: `Findings of the ${f.rule} check.` });
    }
  }
  const ruleIndex = new Map(known.map((r, i) => [r.id, i]));

  const files = [...new Set([...ctx.files, ...findings.map((f) => f.file)])];
  const artifactIndex = new Map(files.map((file, i) => [file, i]));

  // Code scanning takes rule + fingerprint as an alert's identity, so two results sharing one
  // would show as one alert (two YAML errors at one position): number the repeats.
  const seen = new Map<string, number>();
  const uniquePrint = (f: Finding, uri: string) => {
    const print = fingerprint(f, uri);
    const n = (seen.get(`${f.rule}\0${print}`) ?? 0) + 1;
    seen.set(`${f.rule}\0${print}`, n);
    return n === 1 ? print : `${print}:${n}`;
  };

  // Made one by one as the log is written (see jsonPieces), in the findings' order.
  const result = (f: Finding) => {
    const location = locate(f.file, cwd, ctx.root);
    const startColumn = Math.max(1, f.column);
    const endLine = Math.max(f.line, f.endLine);
    const endColumn = endLine === f.line ? Math.max(startColumn, f.endColumn) : Math.max(1, f.endColumn);
    return {
      ruleId: f.rule,
      ruleIndex: ruleIndex.get(f.rule)!,
      level: LEVEL[f.severity],
      message: { text: f.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { ...location, index: artifactIndex.get(f.file)! },
            region: { startLine: Math.max(1, f.line), startColumn, endLine: Math.max(1, endLine), endColumn },
          },
        },
      ],
      partialFingerprints: { [FINGERPRINT_KEY]: uniquePrint(f, location.uri) },
      properties: { pointer: f.pointer },
    };
  };

  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'bcplan',
            version: ctx.toolVersion,
            semanticVersion: ctx.toolVersion,
            informationUri: PROJECT_URL,
            rules: known.map(describeRule),
          },
        },
        artifacts: files.map((file) => ({ location: locate(file, cwd, ctx.root) })),
        results: each(findings, result),
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
  yield* jsonPieces(log);
  yield '\n';
};
