import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
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
});

afterAll(async () => {
  await emu?.stop();
  if (files) rmSync(files, { recursive: true, force: true });
});

const TASK = ['task', 'create', '--name', 't', '--profile', 'docker-batch'];
const deep = (n: number) => `${'('.repeat(n)}state = Success${')'.repeat(n)}`;

const CASES: { what: string; args: () => string[]; error: RegExp; lines?: number }[] = [
  { what: 'a YAML anchor inside itself', args: () => ['task', 'create', '-f', file('self-anchor.yaml')], error: /-f: .* an alias refers to its own anchor/ },
  { what: 'a YAML anchor inside its own list', args: () => ['task', 'create', '-f', file('self-anchor-list.yaml')], error: /-f: .* an alias refers to its own anchor/ },
  { what: '-f /dev/zero', args: () => ['task', 'create', '-f', '/dev/zero'], error: /-f: "\/dev\/zero" is larger than 16 MiB/ },
  { what: '--deadline beyond a timer (25d)', args: () => ['task', 'list', '--deadline', '25d'], error: /--deadline must be at most 24d/ },
  { what: '--deadline 365d', args: () => ['task', 'list', '--deadline', '365d'], error: /--deadline must be at most 24d/ },
  { what: '--ttl beyond a .NET TimeSpan', args: () => [...TASK, '--ttl', '99999999999999d', '--dry-run'], error: /--ttl must be at most 10675199d/ },
  { what: 'an absurd --min-ram', args: () => [...TASK, '--min-ram', '99999999999999999999G', '--dry-run'], error: /--min-ram must be at most/ },
  { what: 'a 100,000-character name', args: () => ['task', 'create', '--name', 'n'.repeat(100_000), '--profile', 'docker-batch'], error: /--name must be at most 1024 characters/ },
  { what: '--as with CR/LF', args: () => ['task', 'list', '--as', 'a@b.c\r\nX-Evil: 1'], error: /--as must be an account email without control characters/ },
  { what: 'credentials in --api-url', args: () => ['task', 'list', '--api-url', 'http://user:hunter2pass@127.0.0.1:9'], error: /--api-url must not hold credentials \(http:\/\/\*\*\*:\*\*\*@/ },
  { what: 'a query string in --api-url', args: () => ['task', 'list', '--api-url', 'http://127.0.0.1:9/?x=1'], error: /--api-url must be the API's base URL, without a query/ },
  { what: '2,000 nested parentheses in --where', args: () => ['task', 'list', '--where', deep(2000)], error: /--where: too deeply nested/, lines: 3 },
  { what: '10,000 "not" in --where', args: () => ['task', 'list', '--where', `${'not '.repeat(10_000)}state = Success`], error: /--where: too deeply nested/, lines: 3 },
];

describe('bad input, round two: exit 2, the flag named, nothing sent', () => {
  it.each(CASES)('$what', async ({ args, error, lines }) => {
    await emu.resetCounters();
    const result = await cli(args(), { emulator: emu });
    expect(result.exitCode, result.stderr).toBe(2);
    expect(result.stdout).toBe('');
    const stderr = result.stderr.trimEnd().split('\n');
    expect(stderr.length, result.stderr.slice(0, 500)).toBeLessThanOrEqual(lines ?? 1);
    expect(stderr[0]).toMatch(error);
    expect(result.stderr).not.toContain('hunter2pass');
    expect((await emu.requests()).total, 'a request was sent').toBe(0);
  });
});
