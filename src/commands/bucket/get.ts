import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Context } from '../../context.js';
import { ExitCode, UsageError } from '../../errors.js';
import { storageClient } from '../../storage/endpoint.js';
import { StorageError } from '../../storage/errors.js';
import { fileInTheWay, safeLocalPath } from '../../storage/local.js';
import { parseRemote, type RemoteLocation } from '../../storage/location.js';
import { headObject } from '../../storage/objects.js';
import { Progress } from '../../storage/progress.js';
import { downloadTree } from '../../storage/sync.js';
import { downloadFile, Limiter } from '../../storage/transfer.js';
import { run as cat } from './cat.js';
import { finish, isFolder, transferSettings, type TransferOptions } from './shared.js';

/**
 * NAME/KEY of an object: that file (into LOCAL, or LOCAL/<name> when LOCAL is a
 * directory). NAME, NAME/PREFIX/ or a key that is no object but a prefix: every
 * object below, into the directory LOCAL.
 */
export async function run(ctx: Context, opts: TransferOptions, location: string, local = '.'): Promise<void> {
  const remote = parseRemote(location, 'NAME[/KEY_OR_PREFIX]');
  const settings = transferSettings(ctx, opts, { skipUnchanged: false });
  const surelyPrefix = remote.path === '' || remote.path.endsWith('/');
  if (local === '') throw new UsageError('LOCAL: empty; give a file or directory name ("." for here)');
  if (local === '-') {
    // As "aws s3 cp s3://b/k -": standard output, which "bucket cat" writes.
    if (surelyPrefix) throw new UsageError(`LOCAL: "-" (standard output) takes one object; "${location}" is a prefix`);
    return cat(ctx, {}, location);
  }
  const localKind = await kindOf(local);
  const blocking = localKind === 'none' ? fileInTheWay(local) : undefined;
  if (blocking !== undefined) throw new UsageError(`LOCAL: "${blocking}" is a file, where "${local}" needs a directory`);
  if (surelyPrefix && localKind === 'file') throw new UsageError(`LOCAL: "${local}" is a file; "${location}" is a prefix and needs a directory`);
  const s3 = await storageClient(ctx, { maxSockets: settings.concurrency });
  if (!surelyPrefix) {
    const object = await headObject(s3, remote.bucket, remote.path).catch((error: unknown) => {
      if (error instanceof StorageError && error.exitCode === ExitCode.NotFound && error.code !== 'NoSuchBucket') return undefined;
      throw error;
    });
    if (object) {
      const intoDirectory = localKind === 'directory' || /[\\/]$/.test(local);
      const dest = intoDirectory ? safeLocalPath(local, basename(object.key)) : local;
      if (dest === undefined) throw new UsageError(`LOCAL: the key "${object.key}" ends in "${basename(object.key)}", which cannot name a file; give LOCAL a file name`);
      const progress = new Progress(ctx.io, 'Downloading', 1, object.size, ctx.io.stderrIsTTY && !settings.quiet);
      await downloadFile(s3, new Limiter(settings.concurrency), progress, remote.bucket, object, dest);
      progress.fileDone();
      progress.stop();
      finish(ctx, 'download', { transferred: 1, bytes: object.size, unchanged: 0, deleted: 0, failed: 0, ms: progress.elapsedMs() }, false);
      return;
    }
    // Asked before the download makes LOCAL: a mistyped key left an empty directory named
    // LOCAL, and the next "get" of the right key went into it instead of to that name.
    if (!(await isFolder(s3, remote))) throw nothingAt(remote);
    if (localKind === 'file') throw new UsageError(`LOCAL: "${local}" is a file; "${location}" is a prefix and needs a directory`);
  }
  const report = await downloadTree(ctx.io, s3, remote, local, settings);
  if (report.transferred === 0 && report.failed === 0 && !surelyPrefix) {
    throw nothingAt(remote);
  }
  finish(ctx, 'download', report, false);
}

function nothingAt(remote: RemoteLocation): StorageError {
  return new StorageError(`no object "${remote.bucket}/${remote.path}" and nothing under "${remote.path}/"`, 'NoSuchKey', 404, ExitCode.NotFound);
}

async function kindOf(path: string): Promise<'file' | 'directory' | 'none'> {
  try {
    return (await stat(path)).isDirectory() ? 'directory' : 'file';
  } catch {
    return 'none';
  }
}
