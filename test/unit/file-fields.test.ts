import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkFileFields } from '../../src/commands/shared/file-fields.js';
import { parseStructuredText } from '../../src/commands/shared/file-input.js';
import { duplicateJsonKey } from '../../src/lib/json-duplicates.js';
import { closest } from '../../src/lib/suggest.js';
import { ROOT } from '../helpers/paths.js';
// @ts-expect-error plain ESM script without types
import { DEFAULT_SOURCE, generateSchemaFields, TARGET } from '../../scripts/generate-schema-fields.mjs';

const openapiPath = process.env.QARNOT_OPENAPI ?? (DEFAULT_SOURCE as string);
const haveOpenapi = existsSync(openapiPath);
if (!haveOpenapi) process.stderr.write(`[skipped] ${openapiPath} is missing: the freshness test of ${TARGET as string} is skipped (set QARNOT_OPENAPI to Qarnot's compute-openapi.json)\n`);

describe.skipIf(!haveOpenapi)('src/api/schema-fields.ts', () => {
  // vitest still runs a skipped describe's body to collect its tests: read only when present.
  const api = (haveOpenapi ? JSON.parse(readFileSync(openapiPath, 'utf8')) : { components: { schemas: {} } }) as { components: { schemas: Record<string, { properties?: Record<string, unknown> }> } };

  it('is what scripts/generate-schema-fields.mjs makes of the OpenAPI document', () => {
    expect(readFileSync(`${ROOT}${TARGET as string}`, 'utf8')).toBe((generateSchemaFields as (api: unknown) => string)(api));
  });

  it('accepts every property of the task, pool and job create schemas, nested ones included', () => {
    const accept = (schema: 'TaskCreationInput' | 'PoolCreationInput' | 'JobCreationInput', body: unknown) =>
      expect(() => checkFileFields('', body, { schema })).not.toThrow();
    for (const schema of ['TaskCreationInput', 'PoolCreationInput', 'JobCreationInput'] as const) {
      accept(schema, Object.fromEntries(Object.keys(api.components.schemas[schema]!.properties!).map((k) => [k, null])));
    }
    accept('TaskCreationInput', {
      retrySettings: { maxTotalRetries: 1, maxPerInstanceRetries: 1 },
      secretsAccessRights: { bySecret: [{ key: 'a' }], byPrefix: [{ prefix: 'b' }] },
      hardwareConstraints: [{ discriminator: 'MinimumCoreHardwareConstraint', coreCount: 4 }, { discriminator: 'CpuModelHardware', cpuModel: 'x' }],
      advancedResourceBuckets: [{ bucketName: 'b', filtering: { prefixFiltering: { prefix: 'p' } }, resourcesTransformation: { stripPrefix: { prefix: 'p' } } }],
      forcedNetworkRules: [{ inbound: true, proto: 'tcp', port: '80' }],
      dependencies: { dependsOn: [], advancedDependsOn: [{ taskUuid: 'u', taskFinalStateCondition: ['success'] }] },
      labels: { anything: 'goes' },
    });
    accept('PoolCreationInput', { multiSlotsSettings: { slotsPerNode: 2 }, scaling: { policies: [{ type: 'Fixed', slotsCount: 1, enabledPeriods: [{ type: 'Always' }] }] } });
  });
});

describe('checkFileFields', () => {
  const schema = 'TaskCreationInput';

  it('refuses an unknown key with a suggestion, at any depth, case-insensitively like the API', () => {
    expect(() => checkFileFields('-f t.yaml: ', { name: 'a', instanceCont: 2 }, { schema })).toThrow(
      '-f t.yaml: unknown field "instanceCont" (did you mean "instanceCount"?); --allow-unknown-fields sends fields newer than this version knows',
    );
    expect(() => checkFileFields('', { retrySettings: { maxTotalRetrie: 1 } }, { schema })).toThrow('unknown field "retrySettings.maxTotalRetrie" (did you mean "maxTotalRetries"?)');
    expect(() => checkFileFields('', { constants: [{ key: 'A', value: 'b' }, { key: 'B', valeu: 'c' }] }, { schema })).toThrow('unknown field "constants[1].valeu" (did you mean "value"?)');
    expect(checkFileFields('', { NAME: 'a', InstanceCount: 2, RetrySettings: { MAXTOTALRETRIES: 1 }, Labels: { MyKey: 'v' } }, { schema })).toEqual({
      name: 'a',
      instanceCount: 2,
      retrySettings: { maxTotalRetries: 1 },
      labels: { MyKey: 'v' },
    });
    expect(() => checkFileFields('', { frobnicate: 1 }, { schema })).toThrow(/unknown field "frobnicate"; --allow/);
  });

  it('lets unknown keys through with allowUnknown, never a key given twice', () => {
    expect(() => checkFileFields('', { name: 'a', brandNewField: 1 }, { schema, allowUnknown: true })).not.toThrow();
    expect(() => checkFileFields('', { name: 'a', Name: 'b' }, { schema, allowUnknown: true })).toThrow('"name" and "Name" are the same field to the API');
  });

  it('suggests only what is close', () => {
    expect(closest('instanceCont', ['instanceCount', 'name'])).toBe('instanceCount');
    expect(closest('profle', ['profile', 'poolUuid'])).toBe('profile');
    expect(closest('zzz', ['profile', 'poolUuid'])).toBeUndefined();
  });
});

describe('JSON duplicate keys', () => {
  it('are found with their path, escapes and nesting understood', () => {
    expect(duplicateJsonKey('{"name": "a", "name": "b"}')).toEqual({ key: 'name', path: '' });
    expect(duplicateJsonKey('[{"a": 1}, {"r": {"x": "\\"x\\":", "x": 2}}]')).toEqual({ key: 'x', path: '[1].r' });
    expect(duplicateJsonKey('{"a": {"x": 1}, "b": {"x": 1}, "c": ["a", "a"]}')).toBeUndefined();
  });

  it('are refused when reading a file, as YAML refuses them', async () => {
    await expect(parseStructuredText('-f', 't.json', '{"name": "a", "name": "b"}')).rejects.toThrow('-f: "t.json" gives the key "name" twice; keep one');
    await expect(parseStructuredText('-f', 't.yaml', 'name: a\nname: b\n')).rejects.toThrow(/unique/);
  });
});
