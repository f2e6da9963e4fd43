import { basename } from 'node:path';
import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { storageClient } from '../../storage/endpoint.js';
import { walkFiles } from '../../storage/local.js';
import { folderPrefix, joinKey, parseRemote } from '../../storage/location.js';
import { bucketExists, createBucket } from '../../storage/objects.js';
import { Progress } from '../../storage/progress.js';
import { uploadStream } from '../../storage/stdin.js';
import { uploadTree, type TransferReport } from '../../storage/sync.js';
import { Limiter, uploadFile } from '../../storage/transfer.js';
import { existingPath, finish, transferSettings, type TransferOptions } from './shared.js';

export async function run(ctx: Context, opts: TransferOptions, location: string, paths: string[]): Promise<void> {
  const remote = parseRemote(location, 'NAME[/PREFIX]');
  const settings = transferSettings(ctx, opts, { skipUnchanged: false });
  if (paths.includes('-')) {
    if (paths.length > 1) throw new UsageError('PATH: "-" (standard input) goes alone');
    if (remote.path === '' || remote.path.endsWith('/')) throw new UsageError(`NAME/KEY: standard input needs a key to go to, e.g. ${remote.bucket}/data.tar`);
    const s3 = await storageClient(ctx, { maxSockets: settings.concurrency });
    await ensureBucket(ctx, s3, remote.bucket);
    if (ctx.io.stdinIsTTY && !ctx.globals.quiet) ctx.io.err('Reading standard input (Ctrl-D to end)\n');
    const bytes = await uploadStream(s3, remote.bucket, remote.path, ctx.io.stdin);
    if (!ctx.globals.quiet) ctx.io.err(`Uploaded standard input (${bytes} bytes) to s3://${remote.bucket}/${remote.path}\n`);
    return;
  }
  // Every path is checked before anything is sent.
  const sources = await Promise.all(paths.map(async (path) => ({ path, ...(await existingPath(path, 'PATH')) })));
  const files = sources.filter((s) => !s.isDirectory);
  // One file to a key not ending in "/" is that key; otherwise files go under the prefix.
  const keyOf = (path: string) => (sources.length === 1 && remote.path !== '' && !remote.path.endsWith('/') ? remote.path : joinKey(folderPrefix(remote.path), basename(path)));
  const byKey = new Map<string, string>();
  const claim = (key: string, path: string) => {
    const other = byKey.get(key);
    if (other !== undefined) throw new UsageError(`PATH: "${other}" and "${path}" would both go to s3://${remote.bucket}/${key}; put them one at a time to different keys`);
    byKey.set(key, path);
  };
  for (const file of files) claim(keyOf(file.path), file.path);
  // Directories' contents share the prefix: two of them (or a file beside them) holding one
  // name sent both to one key, the last overwriting the first, without a word.
  if (sources.length > 1) {
    for (const dir of sources.filter((s) => s.isDirectory)) {
      for (const f of walkFiles(dir.path)) if (settings.filter(f.rel)) claim(joinKey(folderPrefix(remote.path), f.rel), f.path);
    }
  }
  const s3 = await storageClient(ctx, { maxSockets: settings.concurrency });
  await ensureBucket(ctx, s3, remote.bucket);
  const total: TransferReport = { transferred: 0, bytes: 0, unchanged: 0, deleted: 0, failed: 0, ms: 0 };
  const started = Date.now();
  const limiter = new Limiter(settings.concurrency);
  const progress = new Progress(ctx.io, 'Uploading', files.length, files.reduce((t, f) => t + f.size, 0), ctx.io.stderrIsTTY && !settings.quiet);
  await Promise.all(
    files.map(async (file) => {
      await uploadFile(s3, limiter, progress, remote.bucket, keyOf(file.path), file);
      progress.fileDone();
    }),
  );
  progress.stop();
  total.transferred += progress.files;
  total.bytes += progress.bytes;
  for (const dir of sources.filter((s) => s.isDirectory)) {
    const report = await uploadTree(ctx.io, s3, dir.path, remote, settings);
    total.transferred += report.transferred;
    total.bytes += report.bytes;
    total.failed += report.failed;
  }
  total.ms = Date.now() - started;
  finish(ctx, 'upload', total, false);
}

async function ensureBucket(ctx: Context, s3: Awaited<ReturnType<typeof storageClient>>, bucket: string): Promise<void> {
  if (await bucketExists(s3, bucket)) return;
  await createBucket(s3, bucket);
  if (!ctx.globals.quiet) ctx.io.err(`Created bucket ${bucket}\n`);
}
