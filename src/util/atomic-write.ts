import {
  closeSync,
  fchmodSync,
  fsyncSync,
  openSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import { LoadError } from '../errors.js';

const pending = new Set<string>();

/** Temp files still being written; removed on SIGINT/SIGTERM by the CLI. */
export function pendingTempFiles(): string[] {
  return [...pending];
}

/**
 * Writes `data` to `file` so that readers see the old file or the whole new one, never half:
 * a temp file beside the target, fsync, then rename. On any failure the temp file is removed
 * and the target is untouched. An existing file keeps its permissions (a plan readable only by
 * its owner stays so), and a symlink keeps pointing at the file it names, which is replaced.
 */
export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  let target = path.resolve(file);
  let mode: number | undefined;
  try {
    target = realpathSync(target);
    mode = statSync(target).mode & 0o7777;
  } catch {
    // A new file: created with 0644 less the umask.
  }
  const dir = path.dirname(target);
  const temp = path.join(
    dir,
    `.${path.basename(target)}.bcplan-tmp-${process.pid}-${Date.now().toString(36)}`,
  );
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'wx', mode ?? 0o644);
    pending.add(temp);
    if (mode !== undefined) fchmodSync(fd, mode);
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    let offset = 0;
    while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temp, target);
    pending.delete(temp);
  } catch (error) {
    try {
      if (fd !== undefined) closeSync(fd);
      rmSync(temp, { force: true });
    } catch {
      // The temp file was never made (a path through a file: ENOTDIR), or is gone already.
    }
    pending.delete(temp);
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'EACCES' || code === 'EPERM'
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
    throw new LoadError(`cannot write ${file}: ${reason}`);
  }
}
