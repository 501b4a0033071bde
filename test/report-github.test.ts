import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty, github as githubPieces } from '../src/report/github.js';
import { ctx, findings, hostile, whole } from './helpers/report-fixtures.js';

const github = whole(githubPieces);

describe('github formatter', () => {
  it('prints one annotation per finding, then the plain list and a summary', () => {
    expect(github(findings, ctx)).toBe(
      [
        '::warning file=plans/cc.yaml,line=12,col=5,endLine=12,endColumn=18,title=no-deputy::roles[0] (it-oncall) has no deputies',
        '::error file=plans/cc.yaml,line=41,col=7,endLine=41,endColumn=17,title=stale-contact::contacts[3] (max-braun): verified 2024-01-31 is more than P12M ago',
        '::notice file=shared/contacts.yaml,line=3,col=9,endLine=3,endColumn=20,title=orphan-contact::contacts[0] (lisa-berg) is not referred to by any role or provider',
        '',
        'plans/cc.yaml:12:5  warning  roles[0] (it-oncall) has no deputies  (no-deputy)',
        'plans/cc.yaml:41:7  error  contacts[3] (max-braun): verified 2024-01-31 is more than P12M ago  (stale-contact)',
        'shared/contacts.yaml:3:9  info  contacts[0] (lisa-berg) is not referred to by any role or provider  (orphan-contact)',
        'bcplan: 3 problems (1 error, 1 warning, 1 info) in 3 files',
        '',
      ].join('\n'),
    );
  });

  it('prints only the summary when clean', () => {
    expect(github([], { ...ctx, files: ['a.yaml'] })).toBe(
      'bcplan: 0 problems (0 errors, 0 warnings, 0 infos) in 1 file\n',
    );
  });

  it('escapes % CR LF in data, and also : , in properties', () => {
    expect(escapeData('100% a\r\nb:c,d')).toBe('100%25 a%0D%0Ab:c,d');
    expect(escapeProperty('100% a\r\nb:c,d')).toBe('100%25 a%0D%0Ab%3Ac%2Cd');
  });

  it('keeps every annotation on one line and the plain list free of control characters', () => {
    const out = github([hostile], ctx);
    const lines = out.split('\n');
    expect(lines[0]).toBe(
      '::error file=plans/a&b <c>%2C d%3Ae "f" 100%25.yaml,line=2,col=1,endLine=3,endColumn=4,title=secret-in-plan::' +
        'value "<script>alert(\'x\')</script>" & ]]> **bold** [x](javascript:1) 100%25 a,b:c%0Anext line\ttab \\u0000\\u0007\\u001B[31m \uFFFF \uD800 😀 ø',
    );
    expect(lines[2]).toBe(
      'plans/a&b <c>, d:e "f" 100%.yaml:2:1  error  value "<script>alert(\'x\')</script>" & ]]> **bold** [x](javascript:1) 100% a,b:c next line\ttab \\u0000\\u0007\\u001B[31m \uFFFF \uD800 😀 ø  (secret-in-plan)',
    );
    expect(lines).toHaveLength(5);
    expect(out).not.toMatch(/[\u0000-\u0008\u000B-\u001F]/);
  });
});
