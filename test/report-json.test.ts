import { describe, expect, it } from 'vitest';
import { json as jsonPieces } from '../src/report/json.js';
import { ctx, findings, hostile, whole } from './helpers/report-fixtures.js';

const json = whole(jsonPieces);

describe('json formatter', () => {
  it('prints exactly the SPEC §4 shape, fields in spec order', () => {
    const text = json(findings.slice(1, 2), ctx);
    expect(text).toBe(`{
  "findings": [
    {
      "file": "plans/cc.yaml",
      "line": 41,
      "column": 7,
      "endLine": 41,
      "endColumn": 17,
      "severity": "error",
      "rule": "stale-contact",
      "message": "contacts[3] (max-braun): verified 2024-01-31 is more than P12M ago",
      "pointer": "/contacts/3/verified"
    }
  ],
  "summary": {
    "files": 3,
    "errors": 1,
    "warnings": 0,
    "infos": 0
  }
}
`);
  });

  it('counts every severity and keeps only the spec fields', () => {
    const extra = { ...findings[0]!, fix: 'something' } as (typeof findings)[0];
    const out = JSON.parse(json([extra, ...findings.slice(1)], ctx));
    expect(out.summary).toEqual({ files: 3, errors: 1, warnings: 1, infos: 1 });
    expect(Object.keys(out)).toEqual(['findings', 'summary']);
    for (const f of out.findings) {
      expect(Object.keys(f)).toEqual([
        'file',
        'line',
        'column',
        'endLine',
        'endColumn',
        'severity',
        'rule',
        'message',
        'pointer',
      ]);
    }
  });

  it('prints an empty list and zero counts for a clean run', () => {
    expect(JSON.parse(json([], ctx))).toEqual({
      findings: [],
      summary: { files: 3, errors: 0, warnings: 0, infos: 0 },
    });
  });

  it('round-trips hostile text unchanged', () => {
    const out = JSON.parse(json([hostile], ctx));
    expect(out.findings[0].message).toBe(hostile.message);
    expect(out.findings[0].file).toBe(hostile.file);
  });
});
