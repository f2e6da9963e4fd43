// Tasks that carry their data: --input/--output, task results, --purge.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, cliOk, type CliOptions } from '../helpers/cli.js';
import { startEmulator, type TestEmulator } from '../helpers/emulator.js';
import { waitFor } from '../helpers/wait.js';

const work = mkdtempSync(join(tmpdir(), 'qarnot-test-task-data-'));

describe('tasks with --input and --output', () => {
  let emu: TestEmulator;
  let options: CliOptions;
  const inputs = join(work, 'inputs');

  beforeAll(async () => {
    emu = await startEmulator([], { speed: 100 });
    options = { emulator: emu };
    mkdirSync(join(inputs, 'sub'), { recursive: true });
    writeFileSync(join(inputs, 'in.txt'), 'input data\n');
    writeFileSync(join(inputs, 'sub', 'n.txt'), 'nested\n');
  });
  afterAll(async () => {
    await emu?.stop();
  });

  it('run: inputs read by the instances, results downloaded, exit 0; a failed task still brings its results, exit 1', async () => {
    const out = join(work, 'out-ok');
    const ok = await cli(
      ['task', 'run', '--name', 'Round Trip', '--profile', 'docker-batch', '-n', '2', '--input', inputs, '--output', out, '-c', 'DOCKER_CMD=cat in.txt sub/n.txt > out-$INSTANCE_ID.txt'],
      options,
    );
    expect(ok.exitCode, ok.stderr).toBe(0);
    expect(ok.stderr).toContain('s3://round-trip-input/inputs/');
    expect(readFileSync(join(out, 'out-0.txt'), 'utf8')).toBe('input data\nnested\n');
    expect(readFileSync(join(out, 'out-1.txt'), 'utf8')).toBe('input data\nnested\n');

    const failedOut = join(work, 'out-failed');
    const failed = await cli(
      ['task', 'run', '--name', 'fails', '--profile', 'docker-batch', '--input', `${inputs}=shared-inputs/v1`, '--output', `${failedOut}=fail-results/run1`, '-c', 'DOCKER_CMD=wc -c < in.txt > log.txt; exit 3'],
      options,
    );
    expect(failed.exitCode).toBe(1);
    expect(readFileSync(join(failedOut, 'log.txt'), 'utf8').trim()).toBe('11');
    expect(await cliOk(['bucket', 'ls', 'fail-results', '-r', '-q'], options)).toBe('run1/log.txt');
  });

  it('run: a task that writes no results ends 0 with an empty output directory', async () => {
    const out = join(work, 'out-none');
    const none = await cli(['task', 'run', '--name', 'writes nothing', '--profile', 'docker-batch', '--output', out, '-c', 'DOCKER_CMD=true'], options);
    expect(none.exitCode, none.stderr).toBe(0);
    expect(none.stderr).toContain('downloaded 0 files');
    expect(readdirSync(out)).toEqual([]);
  });

  it('warns when the input prefix holds files the directory no longer has (the task would see them)', async () => {
    const dirIn = join(work, 'shrinking');
    mkdirSync(dirIn);
    writeFileSync(join(dirIn, 'a.txt'), 'a');
    writeFileSync(join(dirIn, 'b.txt'), 'b');
    const create = ['task', 'create', '--name', 'shrinks', '--profile', 'docker-batch', '--input', dirIn, '-c', 'DOCKER_CMD=ls'];
    expect((await cli(create, options)).stderr).not.toContain('warning');
    rmSync(join(dirIn, 'b.txt'));
    const again = await cli(create, options);
    expect(again.exitCode, again.stderr).toBe(0);
    expect(again.stderr).toContain(`warning: s3://shrinks-input/shrinking/ also holds 1 object not in ${dirIn}, which the task will see too`);
  });

  it('warns when the result prefix holds objects already (they would come down with the results)', async () => {
    await cliOk(['bucket', 'put', 'stale-results-output/old.txt', '-'], { ...options, input: 'from an earlier run' });
    const created = await cli(['task', 'create', '--name', 'stale results', '--profile', 'docker-batch', '--output', join(work, 'o'), '-c', 'DOCKER_CMD=true'], options);
    expect(created.exitCode, created.stderr).toBe(0);
    expect(created.stderr).toContain('warning: s3://stale-results-output/ already holds 1 object (earlier results?)');
  });

  it('create --dry-run shows the attached buckets and sends nothing', async () => {
    const dead = { env: { QARNOT_CLUSTER_URL: 'http://127.0.0.1:9', QARNOT_CLIENT_TOKEN: 'unused-token' } };
    const dry = await cliOk(['task', 'create', '--name', 'dry', '--profile', 'docker-batch', '--input', inputs, '--output', './o', '--dry-run'], dead);
    const body = JSON.parse(dry) as Record<string, unknown>;
    expect(body.advancedResourceBuckets).toEqual([
      { bucketName: 'dry-input', filtering: { prefixFiltering: { prefix: 'inputs/' } }, resourcesTransformation: { stripPrefix: { prefix: 'inputs/' } } },
    ]);
    expect(body.resultBucket).toBe('dry-output');
    const missing = await cli(['task', 'create', '--name', 'x', '--profile', 'docker-batch', '--input', join(work, 'nope')], dead);
    expect([missing.exitCode, missing.stderr]).toEqual([2, expect.stringContaining('--input: "')]);
    const clash = await cli(['task', 'create', '--name', 'x', '--profile', 'docker-batch', '--output', './o', '--result', 'r'], dead);
    expect([clash.exitCode, clash.stderr]).toEqual([2, expect.stringContaining('--output sets the result bucket')]);
    const badName = await cli(['task', 'create', '--name', 'x', '--profile', 'docker-batch', '--input', `${inputs}=Bad_Bucket`], dead);
    expect([badName.exitCode, badName.stderr]).toEqual([2, expect.stringContaining('--input: bucket name "Bad_Bucket"')]);
    // Two directories of one name would land on the same prefix, the second overwriting the first.
    mkdirSync(join(work, 'other', 'inputs'), { recursive: true });
    const same = await cli(['task', 'create', '--name', 'x', '--profile', 'docker-batch', '--input', inputs, '--input', join(work, 'other', 'inputs')], dead);
    expect([same.exitCode, same.stderr]).toEqual([2, expect.stringContaining('would both go to s3://x-input/inputs/')]);
  });

  it('task results after a snapshot, mid-run; then delete --purge removes its buckets', async () => {
    const uuid = (
      await cliOk(
        ['task', 'create', '--name', 'snap', '--profile', 'docker-batch', '--input', inputs, '--output', join(work, 'unused'), '-c', 'DOCKER_CMD=echo partial > progress.txt; sleep 60'],
        options,
      )
    ).trim();
    await waitFor(async () => (await cliOk(['task', 'show', uuid, '--fields', 'state', '--format', 'tsv'], options)).includes('FullyExecuting'), { timeout: 30_000, interval: 300 });
    await waitFor(async () => {
      await cliOk(['task', 'snapshot', uuid, '--wait'], options);
      return (await cliOk(['bucket', 'ls', 'snap-output', '-r', '-q'], options)).includes('progress.txt');
    }, { timeout: 30_000, interval: 300 });
    const out = join(work, 'snap-results');
    await cliOk(['task', 'results', uuid, out], options);
    expect(readFileSync(join(out, 'progress.txt'), 'utf8')).toBe('partial\n');

    const dry = await cli(['task', 'delete', uuid, '--purge', '--dry-run'], options);
    expect(dry.stderr).toContain('with their resource and result buckets');
    // Named before anything is deleted: a bucket another task still reads would go too.
    expect(dry.stderr).toContain('buckets deleted with them: snap-input, snap-output');
    expect(dry.stdout.trim().split('\t')[0]).toBe(uuid);
    await cliOk(['task', 'delete', uuid, '--purge', '--yes'], options);
    await waitFor(async () => (await cli(['bucket', 'ls', 'snap-output'], options)).exitCode === 3, { timeout: 30_000, interval: 300 });
    expect((await cli(['bucket', 'ls', 'snap-input'], options)).exitCode).toBe(3);
  });

  it('pool delete --purge removes its resource buckets', async () => {
    await cliOk(['bucket', 'put', 'pool-res/a.txt', join(inputs, 'in.txt')], options);
    const uuid = (await cliOk(['pool', 'create', '--name', 'p', '--profile', 'docker-batch', '--resources', 'pool-res'], options)).trim();
    expect((await cli(['pool', 'delete', uuid, '--purge', '--dry-run'], options)).stderr).toContain('; buckets deleted with them: pool-res');
    expect((await cli(['pool', 'delete', uuid, '--dry-run'], options)).stderr).not.toContain('bucket');
    await cliOk(['pool', 'delete', uuid, '--purge', '--yes'], options);
    await waitFor(async () => (await cli(['bucket', 'ls', 'pool-res'], options)).exitCode === 3, { timeout: 30_000, interval: 300 });
    expect(existsSync(work)).toBe(true);
  });
});
