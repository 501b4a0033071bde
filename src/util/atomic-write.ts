import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
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
 * and the target is untouched.
 */
export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  const dir = path.dirname(path.resolve(file));
  const temp = path.join(dir, `.${path.basename(file)}.bcplan-tmp-${process.pid}-${Date.now().toString(36)}`);
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'wx', 0o644);
    pending.add(temp);
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    let offset = 0;
    while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temp, file);
    pending.delete(temp);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    rmSync(temp, { force: true });
    pending.delete(temp);
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'EACCES' || code === 'EPERM'
        ? 'permission denied'
        : code === 'ENOENT'
          ? 'the folder does not exist'
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
