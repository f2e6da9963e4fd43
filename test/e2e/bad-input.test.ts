import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../helpers/run.js';
import { startEmulator, type TestEmulator } from '../helpers/emulator.js';

/**
 * A typo must never reach the API: each case exits 2 with one line on stderr
 * that names the flag or field, prints nothing on stdout, and the emulator
 * counts zero requests for it. Run in process (test/helpers/run.ts): nothing
 * here needs a process of its own.
 */
let emu: TestEmulator;
let files: string;
const file = (name: string) => join(files, name);

beforeAll(async () => {
  emu = await startEmulator();
  files = mkdtempSync(join(tmpdir(), 'qarnot-bad-input-'));
  mkdirSync(file('a-directory'));
  writeFileSync(file('truncated.json'), '{"name": "x",');
  writeFileSync(file('broken.yaml'), 'name: [unclosed\n  - x: y\n');
  writeFileSync(file('string.json'), '"just a string"\n');
  writeFileSync(file('empty.yaml'), '');
  writeFileSync(file('scaling-broken.json'), '[1, 2');
});

afterAll(async () => {
  await emu?.stop();
  if (files) rmSync(files, { recursive: true, force: true });
});

const UUID = '00000000-0000-4000-8000-000000000000';
const POOL = ['pool', 'create', '--name', 'p', '--profile', 'docker-batch'];
const TASK = ['task', 'create', '--name', 't', '--profile', 'docker-batch'];
const tags = (n: number) => Array.from({ length: n }, (_, i) => ['--tag', `t${i}`]).flat();

interface Case {
  what: string;
  args: () => string[];
  /** The one stderr line: must name the flag or field. */
  error: RegExp;
}

const CASES: Case[] = [
  // numbers
  { what: 'zero limit', args: () => ['task', 'list', '--limit', '0'], error: /--limit must be an integer >= 1, got "0"/ },
  { what: 'non-numeric limit', args: () => ['task', 'list', '--limit', 'abc'], error: /--limit .*"abc"/ },
  { what: 'zero instances', args: () => [...POOL, '-n', '0'], error: /--instances must be an integer >= 1/ },
  { what: 'negative instances', args: () => [...POOL, '-n', '-3'], error: /--instances .*"-3"/ },
  { what: 'non-numeric cores', args: () => [...POOL, '--min-cores', 'abc'], error: /--min-cores .*"abc"/ },
  { what: 'bad RAM size', args: () => [...POOL, '--min-ram', '4X'], error: /--min-ram expects a size/ },
  { what: 'negative retries', args: () => [...POOL, '--max-retries-per-instance', '-1'], error: /--max-retries-per-instance must be an integer >= 0/ },
  { what: 'resize factor out of range', args: () => [...POOL, '--elastic-resize-factor', '1.5'], error: /--elastic-resize-factor .*below 1/ },
  { what: 'negative instance number', args: () => ['pool', 'stdout', UUID, '--instance', '-1'], error: /--instance must be an integer >= 0/ },
  { what: 'port out of range', args: () => ['emulator', 'start', '--port', '70000'], error: /--port must be an integer between 0 and 65535/ },
  // enums
  { what: 'unknown task state', args: () => ['task', 'list', '--state', 'Runing'], error: /--state must be one of .*got "Runing"/ },
  { what: 'unknown pool state', args: () => ['pool', 'wait', UUID, '--state', 'Bogus'], error: /--state must be one of .*got "Bogus"/ },
  { what: 'unknown scheduling', args: () => [...POOL, '--scheduling', 'sometimes'], error: /--scheduling must be one of flex, onDemand, reserved/ },
  { what: 'unknown sort field', args: () => ['task', 'list', '--sort', 'bogus'], error: /--sort expects FIELD/ },
  { what: 'unknown output format', args: () => ['task', 'list', '--format', 'xml'], error: /--format .*'xml' is invalid/ },
  { what: 'unknown config key', args: () => ['config', 'set', 'colour', 'x'], error: /KEY must be one of api-url, as, storage-url, account-email, got "colour"/ },
  // dates and durations
  { what: 'bad relative date', args: () => ['task', 'list', '--created-after', 'yesterday-ish'], error: /--created-after expects a date/ },
  { what: 'impossible calendar date', args: () => ['pool', 'list', '--created-before', '2024-13-45'], error: /--created-before expects a date/ },
  { what: 'bad ttl', args: () => [...POOL, '--ttl', 'forever'], error: /--ttl expects a duration/ },
  { what: 'negative ttl', args: () => ['job', 'create', '--name', 'j', '--ttl', '-5m'], error: /--ttl must not be negative/ },
  { what: 'bad wall time', args: () => ['job', 'create', '--name', 'j', '--max-wall-time', '3parsecs'], error: /--max-wall-time expects a duration/ },
  { what: 'bad wait timeout', args: () => ['pool', 'wait', UUID, '--timeout', 'xyz'], error: /--timeout expects a duration/ },
  { what: 'bad global deadline', args: () => ['task', 'list', '--deadline', 'soon'], error: /--deadline expects a duration/ },
  // KEY=VALUE
  { what: 'constant without "="', args: () => [...POOL, '-c', 'NOEQUALS'], error: /--constant expects KEY=VALUE, got "NOEQUALS"/ },
  { what: 'constant with an empty key', args: () => [...POOL, '-c', '=value'], error: /--constant expects KEY=VALUE/ },
  { what: 'label without "="', args: () => [...POOL, '--label', 'x'], error: /--label expects KEY=VALUE/ },
  { what: 'constant on update', args: () => ['pool', 'update', UUID, '-c', 'NOEQ'], error: /--constant expects KEY=VALUE/ },
  { what: 'unknown managed scaling key', args: () => ['pool', 'scaling', 'set', UUID, '--managed', 'max=2,colour=red', '--always'], error: /--managed expects KEY=VALUE pairs .*"colour=red"/ },
  { what: 'non-numeric managed max', args: () => ['pool', 'scaling', 'set', UUID, '--managed', 'max=abc', '--always'], error: /--managed max must be an integer/ },
  // uuids and shortnames
  { what: 'bad task id', args: () => ['task', 'show', 'not@valid!'], error: /ID must be a uuid or a shortname/ },
  { what: 'path-like task id', args: () => ['task', 'show', 'a..b'], error: /ID must be a uuid or a shortname/ },
  { what: 'bad job id', args: () => ['job', 'show', 'bad/id'], error: /ID must be a uuid or a shortname/ },
  { what: 'bad pool reference', args: () => ['job', 'create', '--name', 'j', '--pool', 'bad/pool'], error: /--pool must be a uuid or a shortname/ },
  { what: 'bad shortname', args: () => [...POOL, '--shortname', 'bad name!'], error: /--shortname must be 1-255 letters/ },
  { what: 'path traversal shortname', args: () => ['job', 'create', '--name', 'j', '--shortname', '../etc'], error: /--shortname must be .*"\.\.\/etc"/ },
  // tags
  { what: 'too many tags', args: () => [...POOL, ...tags(11)], error: /--tag: at most 10 tags are allowed, got 11/ },
  { what: 'too many job tags', args: () => ['job', 'create', '--name', 'j', ...tags(11)], error: /--tag: at most 10 tags/ },
  // conflicting flags
  { what: '--gpu with --no-gpu', args: () => [...POOL, '--gpu', '--no-gpu'], error: /--gpu and --no-gpu cannot be used together/ },
  { what: '--all with --limit', args: () => ['task', 'list', '--all', '--limit', '5'], error: /--all and --limit cannot be used together/ },
  { what: '--fresh with --follow', args: () => ['pool', 'stdout', UUID, '--fresh', '-f'], error: /--fresh cannot be used with -f/ },
  { what: 'min cores above max cores', args: () => [...POOL, '--min-cores', '8', '--max-cores', '2'], error: /--min-cores \(8\) must not exceed --max-cores \(2\)/ },
  { what: 'elastic min above max', args: () => [...POOL, '--elastic-min-slots', '5', '--elastic-max-slots', '2'], error: /--elastic-min-slots \(5\) must not exceed --elastic-max-slots/ },
  { what: 'scaling from a file and flags', args: () => ['pool', 'scaling', 'set', UUID, '--fixed', '2', '-f', file('truncated.json')], error: /either with -f FILE or with --fixed\/--managed flags, not both/ },
  // missing required values
  { what: 'job without a name', args: () => ['job', 'create'], error: /--name is required/ },
  { what: 'pool without a profile', args: () => ['pool', 'create', '--name', 'p'], error: /profile: required; give --profile/ },
  { what: 'option without its value', args: () => ['task', 'list', '--limit'], error: /option '--limit <n>' argument missing/ },
  { what: 'search without --where', args: () => ['task', 'search', '--select', 'uuid'], error: /--where/ },
  { what: 'scaling set without policies', args: () => ['pool', 'scaling', 'set', UUID], error: /no policies given: use -f FILE/ },
  { what: 'unknown option', args: () => ['task', 'list', '--bogus'], error: /unknown option '--bogus'/ },
  // selections: never everything by default
  { what: 'pool delete without a selection', args: () => ['pool', 'delete', '--yes'], error: /pool delete: no pools selected/ },
  { what: 'job delete without a selection', args: () => ['job', 'delete'], error: /job delete: no jobs selected/ },
  { what: 'pool close without a selection', args: () => ['pool', 'close'], error: /pool close: no pools selected/ },
  // files
  { what: 'a file that is a directory', args: () => ['pool', 'create', '-f', file('a-directory')], error: /-f: ".*a-directory" is a directory/ },
  { what: 'a missing file', args: () => ['pool', 'create', '-f', file('missing.json')], error: /-f: cannot read ".*missing\.json": no such file/ },
  { what: 'invalid JSON', args: () => ['pool', 'create', '-f', file('truncated.json')], error: /-f: ".*truncated\.json" is not valid JSON/ },
  { what: 'invalid YAML', args: () => ['pool', 'create', '-f', file('broken.yaml')], error: /-f: ".*broken\.yaml" is not valid (JSON or )?YAML: (?!.*is not a function)/ },
  { what: 'an empty file', args: () => ['pool', 'create', '-f', file('empty.yaml')], error: /-f: ".*empty\.yaml" is empty/ },
  { what: 'JSON of the wrong shape', args: () => ['pool', 'create', '-f', file('string.json')], error: /-f .*string\.json: expected one pool object/ },
  { what: 'invalid scaling file', args: () => [...POOL, '--scaling', file('scaling-broken.json')], error: /--scaling: ".*scaling-broken\.json" is not valid JSON/ },
  // task verbs
  { what: '--instances with --range', args: () => [...TASK, '-n', '2', '--range', '0-3'], error: /--instances and --range cannot be used together/ },
  { what: '--profile with --pool', args: () => [...TASK, '--pool', 'p1'], error: /--profile and --pool cannot be used together/ },
  { what: 'range ending before it starts', args: () => [...TASK, '--range', '3-1'], error: /--range expects instance ranges .*"3-1"/ },
  { what: 'range that is not numbers', args: () => [...TASK, '--range', 'a-b'], error: /--range expects instance ranges/ },
  { what: 'zero task instances', args: () => [...TASK, '-n', '0'], error: /--instances must be an integer between 1 and/ },
  { what: 'bad dependency id', args: () => [...TASK, '--depends-on', 'bad/id'], error: /--depends-on must be a uuid or a shortname/ },
  { what: 'unknown task scheduling', args: () => [...TASK, '--scheduling', 'sometimes'], error: /--scheduling must be one of/ },
  { what: 'task constant without "="', args: () => [...TASK, '-c', 'DOCKER_CMD'], error: /--constant expects KEY=VALUE, got "DOCKER_CMD"/ },
  { what: 'negative RAM ratio', args: () => [...TASK, '--min-ram-ratio', '-1'], error: /--min-ram-ratio must be a number greater than 0/ },
  { what: 'bad task ttl', args: () => [...TASK, '--ttl', '5x'], error: /--ttl expects a duration/ },
  { what: 'task file that is a directory', args: () => ['task', 'create', '-f', file('a-directory')], error: /-f: ".*a-directory" is a directory/ },
  { what: 'task file of invalid YAML', args: () => ['task', 'create', '-f', file('broken.yaml')], error: /-f: ".*broken\.yaml" is not valid (JSON or )?YAML: (?!.*is not a function)/ },
  { what: 'too many tags on update', args: () => ['task', 'update', UUID, ...tags(11)], error: /--tag: at most 10 tags/ },
  { what: 'negative snapshot period', args: () => ['task', 'snapshot', UUID, '--every', '-1'], error: /--every must be an integer >= 0/ },
  { what: 'non-numeric output instance', args: () => ['task', 'stdout', UUID, '--instance', 'x'], error: /--instance must be an integer >= 0, got "x"/ },
  { what: 'bad wait timeout on a task', args: () => ['task', 'wait', UUID, '--timeout', '1parsec'], error: /--timeout expects a duration/ },
  { what: 'bad id to clone', args: () => ['task', 'clone', 'bad/id'], error: /ID must be a uuid or a shortname/ },
  { what: 'task delete without a selection', args: () => ['task', 'delete'], error: /task delete: no tasks selected/ },
  { what: 'task abort without a selection', args: () => ['task', 'abort', '--yes'], error: /task abort: no tasks selected/ },
  // one value per option, never empty (checked where options are declared)
  { what: 'a single-value flag given twice', args: () => ['task', 'list', '--limit', '5', '--limit', '2'], error: /--limit was given more than once/ },
  { what: 'an empty --fields', args: () => ['task', 'list', '--fields', ''], error: /--fields needs a value, got an empty one/ },
  // --fields is checked against the verb's view (the API's schema) before its first request, not when printing
  ...[
    ['task', 'show'],
    ['pool', 'show'],
    ['job', 'show'],
    ['task', 'wait'],
    ['pool', 'tasks'],
    ['pool', 'jobs'],
    ['job', 'tasks'],
  ].map((verb): Case => ({ what: `--fields bogus on ${verb.join(' ')}`, args: () => [...verb, UUID, '--fields', 'bogus'], error: /--fields: unknown field "bogus"/ })),
  { what: 'an empty global --api-url', args: () => ['--api-url', '', 'task', 'list'], error: /--api-url needs a value/ },
  { what: 'an empty --name on create', args: () => [...TASK.slice(0, 2), '--name', ' '], error: /--name needs a value/ },
  // connection settings
  { what: 'API URL that is not a URL', args: () => ['task', 'list', '--api-url', 'notaurl'], error: /--api-url must be an http\(s\) URL/ },
  { what: 'stored API URL of another scheme', args: () => ['config', 'set', 'api-url', 'ftp://x'], error: /api-url must be an http\(s\) URL/ },
  { what: 'fault spec out of range', args: () => ['emulator', 'start', '--faults', '503:2'], error: /--faults: invalid fault probability "2"/ },
];

describe('bad input: exit 2, one line naming the flag or field, nothing sent', () => {
  it('has at least 40 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
  });

  it.each(CASES)('$what', async ({ args, error }) => {
    await emu.resetCounters();
    const result = await run(args(), { emulator: emu });
    expect(result.exitCode, result.stderr).toBe(2);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines, result.stderr).toHaveLength(1);
    expect(lines[0]).toMatch(/^error: /);
    expect(lines[0]).toMatch(error);
    expect((await emu.requests()).total, 'a request was sent').toBe(0);
  });
});

describe('scaling policies: every problem on its own line, naming its path', () => {
  it.each([
    { what: 'negative fixed slots', args: ['--fixed', '-1', '--always'], problems: [/^policies\[0\]\.slotsCount: must be an integer >= 0/] },
    { what: 'min above max', args: ['--managed', 'min=5,max=2', '--always'], problems: [/^policies\[0\]\.minTotalSlots: min 5 is above max 2/] },
    { what: 'unknown day', args: ['--managed', 'max=2', '--weekly', 'funday 08:00-18:00'], problems: [/^policies\[0\]\.enabledPeriods\[0\]\.days\[0\]: "funday"/] },
    { what: 'end before start', args: ['--managed', 'max=2', '--weekly', 'mon 18:00-08:00'], problems: [/^policies\[0\]\.enabledPeriods\[0\]\.endTimeUtc: end .* is not after start/] },
    {
      what: 'two problems at once',
      args: ['--fixed', '-1', '--always', '--managed', 'min=5,max=2', '--always'],
      problems: [/^policies\[0\]\.slotsCount:/, /^policies\[1\]\.minTotalSlots: min 5 is above max 2/],
    },
  ])('$what', async ({ args, problems }) => {
    await emu.resetCounters();
    const result = await run(['pool', 'scaling', 'set', UUID, ...args], { emulator: emu });
    expect(result.exitCode, result.stderr).toBe(2);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(problems.length + 1);
    problems.forEach((problem, i) => expect(lines[i]).toMatch(problem));
    expect(lines.at(-1)).toMatch(/^Not sent: \d+ problems? in the scaling policies/);
    expect((await emu.requests()).total).toBe(0);
  });
});
