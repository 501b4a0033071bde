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
import { writeFileAtomic } from '../src/util/atomic-write.js';

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
});
