/**
 * Tasks that carry their data: `--input DIR[=BUCKET[/PREFIX]]` syncs each directory
 * up and attaches it as a resource bucket, `--output DIR[=BUCKET[/PREFIX]]` sets the
 * result bucket and, for `task run`, brings the results home when the task ends.
 */
import { stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { etagCacheDir } from '../../config/location.js';
import type { Context } from '../../context.js';
import { CliError, UsageError } from '../../errors.js';
import type { Body } from '../shared/body.js';

export interface DataFlags {
  input?: string[];
  output?: string;
  result?: string;
  resultsBucket?: string;
  resultsBucketPrefix?: string;
}

interface DataSpec {
  dir: string;
  bucket: string;
  /** '' or ending with "/". */
  prefix: string;
}

export interface DataPlan {
  inputs: DataSpec[];
  output?: DataSpec;
}

/** A bucket name S3 accepts, from a task name: lowercase, "-" for the rest, 3-63 characters. */
export function bucketNameFrom(taskName: string, suffix: string): string {
  const slug = taskName.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 63 - suffix.length - 1).replace(/-+$/, '');
  return `${slug || 'qarnot'}-${suffix}`;
}

/** Checks the flags and the directories; sends nothing. Undefined when neither flag is given. */
export async function planTaskData(opts: DataFlags, taskName: string): Promise<DataPlan | undefined> {
  if (!opts.input?.length && opts.output === undefined) return undefined;
  const { checkBucketName } = await import('../../storage/location.js');
  const parse = (flag: string, raw: string, suffix: string, defaultPrefix: string): DataSpec => {
    const at = raw.indexOf('=');
    const dir = at < 0 ? raw : raw.slice(0, at);
    if (dir === '') throw new UsageError(`${flag} needs a directory: ${flag} DIR[=BUCKET[/PREFIX]]`);
    const target = at < 0 ? '' : raw.slice(at + 1);
    const slash = target.indexOf('/');
    const bucket = target === '' ? bucketNameFrom(taskName, suffix) : checkBucketName(slash < 0 ? target : target.slice(0, slash), flag);
    const prefix = target === '' ? defaultPrefix : slash < 0 ? '' : target.slice(slash + 1);
    return { dir, bucket, prefix: prefix === '' || prefix.endsWith('/') ? prefix : `${prefix}/` };
  };
  const inputs = (opts.input ?? []).map((raw) => parse('--input', raw, 'input', `${basename(resolve(raw.split('=')[0]!))}/`));
  // Two directories synced to one place would mix (the second overwriting the first's files of the same name).
  for (const [i, a] of inputs.entries()) {
    for (const b of inputs.slice(i + 1)) {
      if (a.bucket === b.bucket && (a.prefix.startsWith(b.prefix) || b.prefix.startsWith(a.prefix))) {
        throw new UsageError(
          `--input: "${a.dir}" and "${b.dir}" would both go to s3://${a.bucket}/${a.prefix.length < b.prefix.length ? a.prefix : b.prefix}; give one its own place, e.g. --input ${b.dir}=${b.bucket}/${b.prefix.replace(/\/$/, '')}-2/`,
        );
      }
    }
  }
  for (const input of inputs) {
    const info = await stat(input.dir).catch(() => undefined);
    if (!info) throw new UsageError(`--input: "${input.dir}" does not exist`);
    if (!info.isDirectory()) throw new UsageError(`--input: "${input.dir}" is a file; give a directory`);
  }
  const output = opts.output === undefined ? undefined : parse('--output', opts.output, 'output', '');
  if (output) {
    if (opts.result !== undefined || opts.resultsBucket !== undefined || opts.resultsBucketPrefix !== undefined) {
      throw new UsageError('--output sets the result bucket: not with --result, --results-bucket or --results-bucket-prefix');
    }
    const info = await stat(output.dir).catch(() => undefined);
    if (info && !info.isDirectory()) throw new UsageError(`--output: "${output.dir}" is a file; results go into a directory`);
  }
  return { inputs, output };
}

/** The plan into the task body: inputs as advanced resource buckets (prefix filtered and stripped), the result bucket. */
export function attachData(body: Body, plan: DataPlan): void {
  if (plan.inputs.length > 0) {
    const plain = Array.isArray(body.resourceBuckets) ? (body.resourceBuckets as string[]).map((bucketName) => ({ bucketName, filtering: null, resourcesTransformation: null })) : [];
    const advanced = Array.isArray(body.advancedResourceBuckets) ? (body.advancedResourceBuckets as unknown[]) : [];
    delete body.resourceBuckets;
    body.advancedResourceBuckets = [
      ...plain,
      ...advanced,
      ...plan.inputs.map((i) => ({
        bucketName: i.bucket,
        // The directory's files land in the instance's working directory, without the prefix.
        filtering: i.prefix ? { prefixFiltering: { prefix: i.prefix } } : null,
        resourcesTransformation: i.prefix ? { stripPrefix: { prefix: i.prefix } } : null,
      })),
    ];
  }
  if (plan.output) {
    body.resultBucket = plan.output.bucket;
    if (plan.output.prefix) body.resultsBucketPrefix = plan.output.prefix;
  }
}

/** Syncs each input directory up (only what differs moves), saying where it went. */
export async function uploadInputs(ctx: Context, plan: DataPlan): Promise<void> {
  if (plan.inputs.length === 0 && !plan.output) return;
  const [{ storageClient }, { uploadTree, summaryLine, DEFAULT_CONCURRENCY }] = await Promise.all([import('../../storage/endpoint.js'), import('../../storage/sync.js')]);
  const s3 = await storageClient(ctx, { maxSockets: DEFAULT_CONCURRENCY });
  for (const input of plan.inputs) {
    const report = await uploadTree(ctx.io, s3, input.dir, { bucket: input.bucket, path: input.prefix }, { ...dataSettings(ctx), concurrency: DEFAULT_CONCURRENCY });
    if (!ctx.globals.quiet) ctx.io.err(`Input ${input.dir} → s3://${input.bucket}/${input.prefix}: ${summaryLine('uploaded', report)}\n`);
    // The task sees the whole prefix: what was removed from the directory since the last run is still there.
    if (report.kept) {
      const target = `${input.bucket}/${input.prefix}`;
      ctx.io.err(`warning: s3://${target} also holds ${report.kept} object${report.kept === 1 ? '' : 's'} not in ${input.dir}, which the task will see too; "qarnot bucket sync ${input.dir} s3://${target} --delete" removes them\n`);
    }
    if (report.failed > 0) throw new CliError(`--input ${input.dir}: ${report.failed} files could not be uploaded; the task was not created`);
  }
  if (plan.output) {
    // As Qarnot's SDKs: the result bucket exists before the task, so a task that writes nothing
    // still has (empty) results to download instead of "bucket does not exist".
    const { createBucket, listObjects } = await import('../../storage/objects.js');
    const { bucket, prefix, dir } = plan.output;
    if (!ctx.globals.quiet) ctx.io.err(`Results will go to s3://${bucket}/${prefix}\n`);
    await createBucket(s3, bucket);
    // What earlier runs left there comes down with this run's results, as if this run had made it.
    const first = await listObjects(s3, bucket, { prefix }).next();
    const count = first.done ? 0 : first.value.objects.length;
    if (count > 0) {
      ctx.io.err(
        `warning: s3://${bucket}/${prefix} already holds ${count}${count < 1000 ? '' : '+'} object${count === 1 ? '' : 's'} (earlier results?), which will come down into ${dir} too; ` +
          `give --output ${dir}=${bucket}/${prefix}NEW-PREFIX for a place of its own\n`,
      );
    }
  }
}

/** Syncs a result bucket (and prefix) down into `dir`; returns the number of files that failed. */
export async function downloadResults(ctx: Context, bucket: string, prefix: string, dir: string): Promise<number> {
  const { fileInTheWay } = await import('../../storage/local.js');
  const file = fileInTheWay(dir);
  if (file !== undefined) throw new UsageError(`DIR: "${file}" is a file; results go into a directory`);
  const [{ storageClient }, { downloadTree, summaryLine, DEFAULT_CONCURRENCY }] = await Promise.all([import('../../storage/endpoint.js'), import('../../storage/sync.js')]);
  const s3 = await storageClient(ctx, { maxSockets: DEFAULT_CONCURRENCY });
  // The storage puts results at prefix + path, as the prefix is: "run1-" gives "run1-out.txt", not "run1-/out.txt".
  const report = await downloadTree(ctx.io, s3, { bucket, path: prefix, keyPrefix: true }, dir, { ...dataSettings(ctx), concurrency: DEFAULT_CONCURRENCY });
  if (!ctx.globals.quiet) ctx.io.err(`Results s3://${bucket}/${prefix} → ${dir}: ${summaryLine('downloaded', report)}\n`);
  return report.failed;
}

function dataSettings(ctx: Context) {
  return { skipUnchanged: true, delete: false, dryRun: false, filter: () => true, etagCacheDir: etagCacheDir(ctx.env), quiet: ctx.globals.quiet === true };
}
