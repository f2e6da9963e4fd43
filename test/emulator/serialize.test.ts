import { describe, expect, it } from 'vitest';
import { buildTask } from '../../src/emulator/create.js';
import { TASK_FIELDS, TASK_SUMMARY_FIELDS, project, taskOutput, taskSummaryOutput, taskView } from '../../src/emulator/serialize.js';
import { Account } from '../../src/emulator/store.js';
import { formatRanges, formatTimeSpan, parseRanges, parseTimeSpan } from '../../src/emulator/util.js';

const quotas = { maxTask: 100, maxPool: 1, maxJob: 1 };

describe('serialization', () => {
  it('the literal TaskOutput builders match the field getters used by filters and select', () => {
    const acc = new Account('a@b.c', 't');
    const a = buildTask(acc, { name: 'a', profile: 'docker-batch', instanceCount: 3, tags: ['x'], labels: { k: 'v' }, constants: [{ key: 'QARNOT_SECRET__A', value: 's' }] }, quotas);
    acc.add(a);
    const b = buildTask(acc, { name: 'b', profile: 'ubuntu', advancedRanges: '0-1,4', dependencies: { dependsOn: [a.uuid] }, retrySettings: { maxTotalRetries: 2 } }, quotas);
    const now = Date.now();
    a.state = 'FullyExecuting';
    a.executionStart = now - 1000;
    Object.assign(a.instances[0]!, { state: 'Success', attempts: 1, firstStart: now - 900, end: now - 100, execMs: 800 });
    Object.assign(a.instances[1]!, { state: 'Running', phase: 'execution', attempts: 2, firstStart: now - 800, execStart: now - 300 });
    Object.assign(a.instances[2]!, { state: 'Failure', attempts: 1, error: { code: 'E', message: 'm', debug: null } });
    for (const t of [a, b]) {
      const v = taskView(t, now);
      expect(taskOutput(t, now, v)).toEqual(project(t, TASK_FIELDS, now, v));
      expect(taskSummaryOutput(t, now, v)).toEqual(project(t, TASK_SUMMARY_FIELDS, now, v));
    }
    const out = taskOutput(a, now, taskView(a, now));
    expect(out.constants).toEqual([{ key: 'QARNOT_SECRET__A', value: '[SECRET]' }]);
    expect(out.progress).toBe(66.67);
    expect((out.status as { failedRange: string }).failedRange).toBe('2');
  });

  it('formats ranges and .NET TimeSpans', () => {
    expect(formatRanges([4, 0, 1, 2, 7, 8])).toBe('0-2,4,7-8');
    expect(parseRanges('0-2, 4,7-8')).toEqual([0, 1, 2, 4, 7, 8]);
    expect(parseRanges('2-1')).toBeNull();
    expect(formatTimeSpan(97_230_500)).toBe('1.03:00:30.5000000');
    expect(parseTimeSpan('1.03:00:30.5000000')).toBe(97_230_500);
    expect(parseTimeSpan('00:30:00')).toBe(1_800_000);
    expect(parseTimeSpan('later')).toBeNull();
  });
});
