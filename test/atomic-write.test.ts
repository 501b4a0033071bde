import {
  chmodSync,
  lstatSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LoadError } from '../src/errors.js';
import { batchPieces, writeFileAtomic } from '../src/util/atomic-write.js';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));
const fresh = () => {
  dir = mkdtempSync(path.join(tmpdir(), 'bcplan-atomic-'));
  return dir;
};

describe('writeFileAtomic', () => {
  it('replaces the content and leaves no temp file behind', () => {
    const file = path.join(fresh(), 'plan.yaml');
    writeFileSync(file, 'old');
    writeFileAtomic(file, 'new');
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['plan.yaml']);
  });

  it('keeps the permissions of an existing file (plans hold personal data)', () => {
    const file = path.join(fresh(), 'plan.yaml');
    writeFileSync(file, 'old');
    chmodSync(file, 0o600);
    writeFileAtomic(file, 'new');
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('writes through a symlink instead of replacing it', () => {
    const real = path.join(fresh(), 'real.yaml');
    const link = path.join(dir, 'link.yaml');
    writeFileSync(real, 'old');
    symlinkSync(real, link);
    writeFileAtomic(link, 'new');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(real, 'utf8')).toBe('new');
  });

  it('removes temp files of killed runs, not those of a live process', () => {
    const file = path.join(fresh(), 'runbook.pdf');
    const dead = '.runbook.pdf.bcplan-tmp-999999999-abc';
    const live = `.runbook.pdf.bcplan-tmp-${process.pid}-abc`;
    writeFileSync(path.join(dir, dead), 'half');
    writeFileSync(path.join(dir, live), 'in progress');
    writeFileAtomic(file, 'pdf');
    expect(readdirSync(dir).sort()).toEqual([live, 'runbook.pdf'].sort());
  });

  it('fails with a LoadError naming the file when the folder does not exist', () => {
    const file = path.join(fresh(), 'missing', 'out.pdf');
    expect(() => writeFileAtomic(file, 'x')).toThrow(LoadError);
    expect(() => writeFileAtomic(file, 'x')).toThrow(/cannot write .*out\.pdf: the folder does not exist/);
  });

  it('writes pieces as they come, in writes of about 64 KB', () => {
    const file = path.join(fresh(), 'report.sarif');
    const made: number[] = [];
    function* pieces() {
      for (let i = 0; i < 20_000; i++) {
        made.push(i);
        yield `${i} ø 😀\n`;
      }
    }
    writeFileAtomic(file, pieces());
    expect(made).toHaveLength(20_000);
    expect(readFileSync(file, 'utf8')).toBe(Array.from({ length: 20_000 }, (_, i) => `${i} ø 😀\n`).join(''));
    expect(readdirSync(dir)).toEqual(['report.sarif']);
  });

  it('when a piece cannot be made: the old file stays, no temp file is left, the error is the piece’s own', () => {
    const file = path.join(fresh(), 'report.sarif');
    writeFileSync(file, 'old');
    function* pieces() {
      yield 'x'.repeat(200_000); // already written to the temp file when the next piece fails
      throw new RangeError('Invalid string length');
    }
    expect(() => writeFileAtomic(file, pieces())).toThrow(RangeError);
    expect(readFileSync(file, 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['report.sarif']);
  });

  it('fails with a LoadError for pieces too, and makes none of them when the file cannot be written', () => {
    const file = path.join(fresh(), 'missing', 'out.sarif');
    let made = 0;
    function* pieces() {
      made++;
      yield 'x';
    }
    expect(() => writeFileAtomic(file, pieces())).toThrow(
      /cannot write .*out\.sarif: the folder does not exist/,
    );
    expect(made).toBe(0);
  });
});

describe('batchPieces', () => {
  it('joins small pieces into batches of at least the size, the rest in a last one', () => {
    const batches = [...batchPieces(['ab', 'cd', 'e', 'fgh', 'i'], 4)];
    expect(batches).toEqual(['abcd', 'efgh', 'i']);
    expect([...batchPieces([], 4)]).toEqual([]);
    expect([...batchPieces(['', ''], 4)]).toEqual([]);
  });
});
