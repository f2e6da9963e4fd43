import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { UsageError } from '../../errors.js';

/** Token and accounts files are a few lines: a larger input (`/dev/zero`, a wrong file) is refused. */
const MAX_SECRET_FILE_BYTES = 64 * 1024;

/**
 * Reads a file holding tokens. Refused, as ssh refuses such keys, when other users could
 * read it or change it (group or other permission bits): they could use its tokens.
 */
export function readSecretFile(flag: string, path: string): string {
  const where = JSON.stringify(path);
  const failed = (error: unknown) => new UsageError(`${flag}: cannot read ${where} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    throw failed(error);
  }
  try {
    const { mode } = fstatSync(fd);
    if (process.platform !== 'win32' && (mode & 0o066) !== 0) {
      const octal = (mode & 0o777).toString(8).padStart(4, '0');
      throw new UsageError(`${flag}: other users can read or change ${where} (mode ${octal}); run "chmod 600 ${path}"`);
    }
    const buffer = Buffer.alloc(MAX_SECRET_FILE_BYTES + 1);
    let size = 0;
    for (let n; size < buffer.length && (n = readSync(fd, buffer, size, buffer.length - size, null)) > 0; ) size += n;
    if (size > MAX_SECRET_FILE_BYTES) throw new UsageError(`${flag}: ${where} is larger than ${MAX_SECRET_FILE_BYTES / 1024} KiB`);
    return buffer.toString('utf8', 0, size);
  } catch (error) {
    throw error instanceof UsageError ? error : failed(error);
  } finally {
    closeSync(fd);
  }
}
