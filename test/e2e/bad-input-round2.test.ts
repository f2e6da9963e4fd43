import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execa } from 'execa';
import { cli, tempConfigDir } from '../helpers/cli.js';
import { BIN } from '../helpers/paths.js';
import { startEmulator, type TestEmulator } from '../helpers/emulator.js';

/**
 * The adversarial pass's inputs (issue 16): each exits 2 before anything is
 * sent, with an error naming the flag; a where-expression error keeps its
 * caret lines but stays short.
 */
let emu: TestEmulator;
let files: string;
const file = (name: string) => join(files, name);

beforeAll(async () => {
  emu = await startEmulator();
  files = mkdtempSync(join(tmpdir(), 'qarnot-bad-input-2-'));
  writeFileSync(file('self-anchor.yaml'), 'name: &a\n  x: *a\n');
  writeFileSync(file('self-anchor-list.yaml'), 'constants: &x [*x]\n');
  writeFileSync(file('yaml-in.json'), 'name: t\nprofile: docker-batch\n');
  writeFileSync(file('huge.json'), '{"name": "t", "profile": "docker-batch", "instanceCount": 1e400}');
  writeFileSync(file('huge.yaml'), 'name: t\nprofile: docker-batch\nretrySettings:\n  maxTotalRetries: -1E+999\n');
  writeFileSync(file('long-name.json'), JSON.stringify({ name: 'n'.repeat(15_000_000), profile: 'docker-batch' }));
  writeFileSync(file('unclosed.json'), '{"name": "t",\n "profile": "docker-batch"\n');
  writeFileSync(file('quoted.json'), '{"name": "t", "profile": "docker-batch", "instanceCount": "abc"}');
});

afterAll(async () => {
  await emu?.stop();
  if (files) rmSync(files, { recursive: true, force: true });
});

const TASK = ['task', 'create', '--name', 't', '--profile', 'docker-batch'];
const deep = (n: number) => `${'('.repeat(n)}state = Success${')'.repeat(n)}`;

const CASES: { what: string; args: () => string[]; error: RegExp; lines?: number; env?: Record<string, string> }[] = [
  { what: 'a YAML anchor inside itself', args: () => ['task', 'create', '-f', file('self-anchor.yaml')], error: /-f: .* an alias refers to its own anchor/ },
  { what: 'a YAML anchor inside its own list', args: () => ['task', 'create', '-f', file('self-anchor-list.yaml')], error: /-f: .* an alias refers to its own anchor/ },
  { what: '-f /dev/zero', args: () => ['task', 'create', '-f', '/dev/zero'], error: /-f: "\/dev\/zero" is larger than 16 MiB/ },
  { what: '--deadline beyond a timer (25d)', args: () => ['task', 'list', '--deadline', '25d'], error: /--deadline must be at most 24d/ },
  { what: '--deadline 365d', args: () => ['task', 'list', '--deadline', '365d'], error: /--deadline must be at most 24d/ },
  { what: '--ttl beyond a .NET TimeSpan', args: () => [...TASK, '--ttl', '99999999999999d', '--dry-run'], error: /--ttl must be at most 10675199d/ },
  { what: 'an absurd --min-ram', args: () => [...TASK, '--min-ram', '99999999999999999999G', '--dry-run'], error: /--min-ram must be at most/ },
  { what: 'a pool of 99,999,999,999 instances', args: () => ['pool', 'create', '--name', 'p', '--profile', 'docker-batch', '--instances', '99999999999'], error: /--instances must be at most 2147483647, got "99999999999"$/ },
  { what: 'a 20-digit retry count', args: () => [...TASK, '--max-retries-per-instance', '99999999999999999999'], error: /--max-retries-per-instance must be at most 2147483647/ },
  { what: 'a 100,000-character name', args: () => ['task', 'create', '--name', 'n'.repeat(100_000), '--profile', 'docker-batch'], error: /--name must be at most 1024 characters/ },
  { what: 'a 15 MB name in a file', args: () => ['task', 'create', '-f', file('long-name.json')], error: /-f .*long-name\.json: name: must be at most 1024 characters, got 15000000$/ },
  { what: 'a global flag given before and after the verb', args: () => ['--format', 'tsv', 'task', 'list', '--format', 'json'], error: /^error: --format was given more than once; give it once$/ },
  { what: 'an empty field in --fields', args: () => ['task', 'list', '--fields', 'name,,state'], error: /--fields: an empty field in "name,,state"/ },
  { what: '--as with CR/LF', args: () => ['task', 'list', '--as', 'a@b.c\r\nX-Evil: 1'], error: /--as must be an account email without control characters/ },
  { what: 'credentials in --api-url', args: () => ['task', 'list', '--api-url', 'http://user:hunter2pass@127.0.0.1:9'], error: /--api-url must not hold credentials \(http:\/\/\*\*\*:\*\*\*@/ },
  { what: 'a query string in --api-url', args: () => ['task', 'list', '--api-url', 'http://127.0.0.1:9/?x=1'], error: /--api-url must be a base URL such as https:\/\/api\.qarnot\.com, without a query/ },
  { what: 'credentials in a stored api-url', args: () => ['config', 'set', 'api-url', 'http://user:hunter2pass@127.0.0.1:9'], error: /api-url must not hold credentials \(http:\/\/\*\*\*:\*\*\*@/ },
  { what: 'credentials in an --api-url that does not parse', args: () => ['task', 'list', '--api-url', 'http://user:hunter2pass@[::1'], error: /--api-url must be an http\(s\) URL such as https:\/\/api\.qarnot\.com, got "http:\/\/\*\*\*@\[::1"/ },
  {
    what: 'credentials in QARNOT_STORAGE_URL',
    args: () => ['bucket', 'list'],
    env: { QARNOT_STORAGE_URL: 'http://user:hunter2pass@127.0.0.1:9', QARNOT_ACCOUNT_EMAIL: 'a@b.c' },
    error: /the storage URL \(QARNOT_STORAGE_URL or the profile's storage-url\) must not hold credentials \(http:\/\/\*\*\*:\*\*\*@/,
  },
  { what: '2,000 nested parentheses in --where', args: () => ['task', 'list', '--where', deep(2000)], error: /--where: too deeply nested/, lines: 3 },
  { what: 'a .json file holding YAML', args: () => ['task', 'create', '-f', file('yaml-in.json')], error: /-f: ".*yaml-in\.json" is not valid JSON: .*"name: t\\npro".* \(it looks like YAML: name the file \.yaml\)$/ },
  { what: 'an unclosed JSON object', args: () => ['task', 'create', '-f', file('unclosed.json')], error: /-f: ".*unclosed\.json" is not valid JSON: .*\(line 3, column 1\)$/ },
  { what: 'a tag holding a new line', args: () => [...TASK, '--tag', 'a\nb'], error: /--tag: a tag must not hold control characters \(new lines, tabs\), got "a\\nb"$/ },
  { what: 'a name holding a tab', args: () => ['task', 'create', '--name', 'a\tb', '--profile', 'docker-batch'], error: /--name must not hold control characters \(new lines, tabs\), got "a\\tb"$/ },
  { what: '1e400 in a JSON file', args: () => ['task', 'create', '-f', file('huge.json')], error: /-f .*huge\.json: instanceCount: 1e400 is not a number the API can take/ },
  { what: '-1E+999 in a YAML file', args: () => ['task', 'create', '-f', file('huge.yaml')], error: /-f .*huge\.yaml: retrySettings\.maxTotalRetries: -1E\+999 is not a number the API can take/ },
  { what: '"abc" for a number in a file', args: () => ['task', 'create', '-f', file('quoted.json')], error: /instanceCount: must be an integer between 1 and \d+, got "abc"$/ },
  { what: '"abc" for a number flag', args: () => ['task', 'list', '--limit', '"abc"'], error: /--limit must be an integer >= 1, got '"abc"'$/ },
  { what: 'an emoji in --where', args: () => ['task', 'list', '--where', 'name = 😀'], error: /--where: unexpected character "😀" at column 8$/, lines: 3 },
  { what: '10,000 "not" in --where', args: () => ['task', 'list', '--where', `${'not '.repeat(10_000)}state = Success`], error: /--where: too deeply nested/, lines: 3 },
];

describe('bad input, round two: exit 2, the flag named, nothing sent', () => {
  it.each(CASES)('$what', async ({ args, error, lines, env }) => {
    await emu.resetCounters();
    const result = await cli(args(), { emulator: emu, env });
    expect(result.exitCode, result.stderr).toBe(2);
    expect(result.stdout).toBe('');
    const stderr = result.stderr.trimEnd().split('\n');
    expect(stderr.length, result.stderr.slice(0, 500)).toBeLessThanOrEqual(lines ?? 1);
    expect(stderr[0]).toMatch(error);
    expect(result.stderr).not.toContain('hunter2pass');
    expect((await emu.requests()).total, 'a request was sent').toBe(0);
  });
});

it('a directory on stdin: one line naming -f, nothing sent', async () => {
  await emu.resetCounters();
  const result = await execa('sh', ['-c', 'exec node "$0" task create -f - < "$1"', BIN, files], {
    stdin: 'ignore',
    reject: false,
    extendEnv: false,
    env: { PATH: process.env.PATH, QARNOT_CONFIG_DIR: tempConfigDir(), QARNOT_CLUSTER_URL: emu.url, QARNOT_CLIENT_TOKEN: emu.token },
  });
  expect(result.exitCode, String(result.stderr)).toBe(2);
  expect(String(result.stderr)).toBe('error: -f -: stdin is a directory; pipe a JSON or YAML document into it');
  expect((await emu.requests()).total, 'a request was sent').toBe(0);
});
