import {
  accessSync,
  closeSync,
  constants,
  fchmodSync,
  fsyncSync,
  openSync,
  readdirSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import { LoadError } from '../errors.js';

const TEMP_MARK = '.bcplan-tmp-';

/**
 * Removes temp files that an earlier bcplan left beside `target` when it was killed mid-write
 * (SIGKILL, or Ctrl-C during the write: bcplan keeps the default signal handling so that
 * Ctrl-C stops a long render at once). A temp file of a live process is left alone.
 */
function sweepStaleTemps(dir: string, base: string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  const prefix = `.${base}${TEMP_MARK}`;
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(name.slice(prefix.length).split('-')[0]);
    if (!Number.isInteger(pid) || pid <= 0 || isAlive(pid)) continue;
    rmSync(path.join(dir, name), { force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Joins small pieces into writes of about `size` characters: one system call per piece is slow. */
export function* batchPieces(pieces: Iterable<string>, size = 64 * 1024): Generator<string> {
  let batch = '';
  for (const piece of pieces) {
    batch += piece;
    if (batch.length >= size) {
      yield batch;
      batch = '';
    }
  }
  if (batch !== '') yield batch;
}

/** An error of the content being written (a formatter's), not of writing it. */
class ContentError extends Error {}

function* content(pieces: Iterable<string>): Generator<string> {
  try {
    yield* pieces;
  } catch (cause) {
    throw new ContentError('the content failed', { cause });
  }
}

/**
 * Writes `data` to `file` so that readers see the old file or the whole new one, never half:
 * a temp file beside the target, fsync, then rename. On any failure the temp file is removed
 * and the target is untouched. An existing file keeps its permissions (a plan readable only by
 * its owner stays so), and a symlink keeps pointing at the file it names, which is replaced.
 * A file we may not write is not replaced either, although the rename alone would allow it.
 * `data` may come in pieces (a report as it is produced), written as they come: a report too
 * big for one string still gets written. If producing a piece throws, that error is rethrown.
 */
export function writeFileAtomic(file: string, data: string | Uint8Array | Iterable<string>): void {
  let target = path.resolve(file);
  let mode: number | undefined;
  try {
    target = realpathSync(target);
    mode = statSync(target).mode & 0o7777;
  } catch {
    // A new file: created with 0644 less the umask.
  }
  const dir = path.dirname(target);
  sweepStaleTemps(dir, path.basename(target));
  const temp = path.join(
    dir,
    `.${path.basename(target)}${TEMP_MARK}${process.pid}-${Date.now().toString(36)}`,
  );
  const parts = typeof data === 'string' || data instanceof Uint8Array ? [data] : content(batchPieces(data));
  let fd: number | undefined;
  try {
    if (mode !== undefined) accessSync(target, constants.W_OK);
    fd = openSync(temp, 'wx', mode ?? 0o644);
    if (mode !== undefined) fchmodSync(fd, mode);
    for (const part of parts) {
      const bytes = typeof part === 'string' ? Buffer.from(part, 'utf8') : part;
      let offset = 0;
      while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
    }
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temp, target);
  } catch (error) {
    try {
      if (fd !== undefined) closeSync(fd);
      rmSync(temp, { force: true });
    } catch {
      // The temp file was never made (a path through a file: ENOTDIR), or is gone already.
    }
    if (error instanceof ContentError) throw error.cause;
    throw new LoadError(`cannot write ${file}: ${writeErrorReason(error)}`);
  }
}

/** Why a write failed, in words: for the one line on stderr. */
export function writeErrorReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'EACCES' || code === 'EPERM'
    ? 'permission denied'
    : code === 'ENOENT'
      ? 'the folder does not exist'
      : code === 'ENOTDIR'
        ? 'a part of the path is a file, not a folder'
        : code === 'ENOSPC'
          ? 'no space left on the device'
          : code === 'EISDIR'
            ? 'it is a folder'
            : code === 'EROFS'
              ? 'the file system is read-only'
              : (code ?? (error as Error).message);
}
