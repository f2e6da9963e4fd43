import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { addHardwareOptions } from '../../src/commands/shared/body-options.js';
import {
  checkCommonFields,
  commonBodyFromFlags,
  hardwareConstraintsFromFlags,
  mergeBody,
  parseSizeMB,
  resourceBucketsFromFlags,
} from '../../src/commands/shared/body.js';
import { taskBodyFromFlags } from '../../src/commands/task/task-body.js';

describe('parseSizeMB', () => {
  it.each([
    ['4096', 4096],
    ['512M', 512],
    ['4G', 4096],
    ['1.5GiB', 1536],
    ['2gb', 2048],
    ['1T', 1048576],
  ])('%s → %d MB', (raw, mb) => expect(parseSizeMB('--min-ram', raw)).toBe(mb));
  it.each(['', 'lots', '-1G', '0', '4X'])('rejects %j naming the flag', (raw) => {
    expect(() => parseSizeMB('--min-ram', raw)).toThrow(/--min-ram expects a size/);
  });
});

describe('hardware constraints', () => {
  it('maps each flag to its discriminator', () => {
    expect(hardwareConstraintsFromFlags({ minCores: '2', maxRamRatio: '4', ssd: true, gpu: false })).toEqual([
      { discriminator: 'MinimumCoreHardwareConstraint', coreCount: 2 },
      { discriminator: 'MaximumRamCoreRatioHardwareConstraint', maximumMemoryGBCoreRatio: 4 },
      { discriminator: 'NoGpuHardwareConstraint' },
      { discriminator: 'SSDHardwareConstraint' },
    ]);
    expect(hardwareConstraintsFromFlags({})).toBeUndefined();
  });
  it('refuses a minimum above the maximum', () => {
    expect(() => hardwareConstraintsFromFlags({ minCores: '8', maxCores: '4' })).toThrow(/--min-cores \(8\) must not exceed --max-cores \(4\)/);
    expect(() => hardwareConstraintsFromFlags({ minRam: '8G', maxRam: '4G' })).toThrow(/--min-ram/);
  });
  it('detects --gpu together with --no-gpu (commander alone keeps the last)', () => {
    const cmd = addHardwareOptions(new Command('create').exitOverride());
    cmd.parse(['--gpu', '--no-gpu'], { from: 'user' });
    expect(() => hardwareConstraintsFromFlags(cmd.opts())).toThrow(/--gpu and --no-gpu cannot be used together/);
    const single = addHardwareOptions(new Command('create').exitOverride());
    single.parse(['--no-ssd'], { from: 'user' });
    expect(hardwareConstraintsFromFlags(single.opts())).toEqual([{ discriminator: 'NoSSDHardwareConstraint' }]);
  });
});

describe('resource buckets', () => {
  it('plain names go to resourceBuckets, a prefix switches all to advancedResourceBuckets', () => {
    expect(resourceBucketsFromFlags(['in', 'more'])).toEqual({ resourceBuckets: ['in', 'more'] });
    expect(resourceBucketsFromFlags(['in', 'data/scenes/'])).toEqual({
      advancedResourceBuckets: [
        { bucketName: 'in', filtering: null, resourcesTransformation: null },
        { bucketName: 'data', filtering: { prefixFiltering: { prefix: 'scenes/' } }, resourcesTransformation: null },
      ],
    });
    expect(() => resourceBucketsFromFlags(['bad bucket'])).toThrow(/--resources expects a bucket name/);
  });
});

describe('common body', () => {
  it('ttl, retry settings, reserved scheduling, constants split on the first "="', () => {
    expect(
      commonBodyFromFlags(
        { constant: ['A=b=c', 'A=last'], ttl: '90m', maxTotalRetries: '3', reservedMachine: 'rack-1' },
        { retryKey: 'defaultRetrySettings' },
      ),
    ).toEqual({
      constants: [{ key: 'A', value: 'last' }],
      completionTimeToLive: '01:30:00',
      defaultRetrySettings: { maxTotalRetries: 3 },
      schedulingType: 'reserved',
      targetedReservedMachineKey: 'rack-1',
    });
    expect(() => commonBodyFromFlags({ scheduling: 'flex', reservedMachine: 'x' }, { retryKey: 'retrySettings' })).toThrow(/--reserved-machine needs --scheduling reserved/);
  });
});

describe('mergeBody', () => {
  it('flags override the file; constants and labels merge by key', () => {
    const file = { name: 'f', tags: ['a'], constants: [{ key: 'K', value: '1' }, { key: 'KEEP', value: 'x' }], labels: { a: '1', b: '2' }, retrySettings: { maxTotalRetries: 1 } };
    const flags = { tags: ['b'], constants: [{ key: 'K', value: '2' }], labels: { b: '3' }, retrySettings: { maxPerInstanceRetries: 2 } };
    expect(mergeBody(file, flags)).toEqual({
      name: 'f',
      tags: ['b'],
      constants: [{ key: 'K', value: '2' }, { key: 'KEEP', value: 'x' }],
      labels: { a: '1', b: '3' },
      retrySettings: { maxTotalRetries: 1, maxPerInstanceRetries: 2 },
    });
  });
});

describe('checkCommonFields', () => {
  const check = (body: Record<string, unknown>) => () => checkCommonFields('-f t.yaml: ', body, { requireName: true });
  it('names the field and the file', () => {
    expect(check({})).toThrow('-f t.yaml: name: required');
    expect(check({ name: 3 })).toThrow('-f t.yaml: name: must be a non-empty string');
    expect(check({ name: 'x', shortname: 'bad_one' })).toThrow(/-f t.yaml: shortname must be/);
    expect(check({ name: 'x', constants: [{ key: 'A' , value: 1 }] })).toThrow(/constants: must be an array/);
    expect(check({ name: 'x', schedulingType: 'never' })).toThrow(/schedulingType must be one of/);
    expect(check({ name: 'x', labels: ['a'] })).toThrow(/labels: must be an object/);
    expect(check({ name: 'x', tags: 'a' })).toThrow(/tags: must be an array of strings/);
    expect(check({ name: 'x', tags: ['a'], schedulingType: 'Flex' })).not.toThrow();
  });
  it('throws UsageError (exit 2)', () => {
    expect(check({})).toThrow(UsageError);
  });
});

describe('taskBodyFromFlags', () => {
  it('maps task fields', () => {
    expect(
      taskBodyFromFlags(
        { profile: 'docker-batch', job: 'my-job', range: '5,0-2', result: 'out', dependsOn: ['other-task'], waitForPoolResources: true, snapshotBucket: 'snaps', resultsBucketPrefix: 'p/' },
        'create',
      ),
    ).toEqual({
      profile: 'docker-batch',
      jobUuid: 'my-job',
      advancedRanges: '0-2,5',
      resultBucket: 'out',
      dependencies: { dependsOn: ['other-task'] },
      waitForPoolResourcesSynchronization: true,
      snapshotBucket: 'snaps',
      resultsBucketPrefix: 'p/',
    });
  });
  it('refuses conflicting flags with one line naming both', () => {
    expect(() => taskBodyFromFlags({ instances: '2', range: '0-1' }, 'create')).toThrow('--instances and --range cannot be used together');
    expect(() => taskBodyFromFlags({ profile: 'p', pool: 'q' }, 'create')).toThrow(/--profile and --pool cannot be used together/);
    expect(() => taskBodyFromFlags({ instances: '0' }, 'create')).toThrow(/--instances must be an integer between 1 and 2048/);
  });
});
