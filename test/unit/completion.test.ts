import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Argument, Command, Option } from 'commander';
import { describe, expect, it } from 'vitest';
import { cacheKey, CACHE_TTL_MS, readCache, writeCache } from '../../src/completion/cache.js';
import { itemCandidates } from '../../src/completion/dynamic.js';
import { enumFromHelp } from '../../src/completion/infer.js';
import { Directive, directiveFor, formatCandidates } from '../../src/completion/protocol.js';
import { resolveWords, staticCandidates } from '../../src/completion/resolve.js';
import { describeTree } from '../../src/completion/tree.js';

/** A small tree shaped like the real one: globals on the program, nouns, verbs, aliases. */
function smallProgram(): Command {
  const program = new Command('qarnot');
  program
    .option('--profile <name>', 'stored profile')
    .option('--api-url <url>', 'API URL')
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json']))
    .option('--json', 'JSON')
    .option('--no-color', 'no colours');
  const task = program.command('task').summary('Tasks');
  task.command('list').alias('ls').summary('List tasks')
    .option('--state <state>', 'in this state (repeatable): Submitted, Success, Failure')
    .option('--limit <n>', 'at most N')
    .option('--all', 'every page');
  task.command('show <id>').summary('Show a task');
  task.command('abort [ids...]').summary('Abort tasks');
  task.command('create').summary('Create a task')
    .option('-f, --file <file>', 'task from a file')
    .option('--pool <id>', 'in this pool')
    .option('--depends-on <id>', 'after this task')
    .option('--profile <profile>', 'execution profile')
    .option('--scheduling <type>', 'scheduling type: flex, onDemand, reserved');
  const pool = program.command('pool').summary('Pools');
  pool.command('show <id>').summary('Show a pool');
  const config = program.command('config').summary('Config');
  config.command('get <key>').summary('Get');
  config.command('profile').summary('Profiles').command('use <name>').summary('Use');
  program.command('profile').summary('Execution profiles').command('show <name>');
  program.command('completion').addArgument(new Argument('<shell>').choices(['bash', 'zsh', 'fish']));
  program.addCommand(new Command('__complete').argument('[words...]'), { hidden: true });
  return program;
}

const tree = describeTree(smallProgram());
const complete = (...words: string[]) => {
  const r = resolveWords(tree, words);
  return { r, values: staticCandidates(r).map((c) => c.value) };
};

describe('describeTree', () => {
  it('skips hidden commands and gives every command the global options', () => {
    expect(tree.commands.map((c) => c.name)).toEqual(['task', 'pool', 'config', 'profile', 'completion']);
    const show = tree.commands[0]!.commands.find((c) => c.name === 'show')!;
    expect(show.options.flatMap((o) => o.names)).toEqual(expect.arrayContaining(['--format', '--json', '--profile', '-h', '--help']));
    expect(show.options.flatMap((o) => o.names)).not.toContain('--version');
  });

  it("lets a command's own option shadow the global one", () => {
    const create = tree.commands[0]!.commands.find((c) => c.name === 'create')!;
    const profiles = create.options.filter((o) => o.names.includes('--profile'));
    expect(profiles).toHaveLength(1);
    expect(profiles[0]!.value).toEqual({ type: 'dynamic', resource: 'exec-profile' });
  });
});

describe('resolveWords', () => {
  it('completes a noun from a prefix, without aliases or hidden commands', () => {
    expect(complete('ta').values).toEqual(['task']);
    expect(complete('').values).toEqual(['task', 'pool', 'config', 'profile', 'completion']);
    expect(complete('__').values).toEqual([]);
  });

  it('completes the verbs of a noun with their summaries', () => {
    const { r, values } = complete('task', '');
    expect(values).toEqual(['list', 'show', 'abort', 'create']);
    expect(staticCandidates(r)[0]).toEqual({ value: 'list', description: 'List tasks' });
  });

  it('completes the flags of a verb, globals included', () => {
    const { values } = complete('task', 'create', '--');
    expect(values).toEqual(expect.arrayContaining(['--file', '--pool', '--depends-on', '--profile', '--scheduling', '--format', '--json', '--no-color', '--help']));
    expect(complete('task', 'create', '-').values).toContain('-f');
  });

  it('completes enum values: choices, help-text lists, and the --opt=value form', () => {
    expect(complete('task', 'list', '--format', '').values).toEqual(['table', 'json']);
    expect(complete('task', 'list', '--state', 'S').values).toEqual(['Submitted', 'Success']);
    expect(complete('task', 'create', '--scheduling', '').values).toEqual(['flex', 'onDemand', 'reserved']);
    const eq = complete('task', 'list', '--format=j');
    expect(eq.values).toEqual(['--format=json']);
    expect(eq.r.partial).toBe('j');
    expect(complete('completion', '').values).toEqual(['bash', 'zsh', 'fish']);
  });

  it('follows aliases and skips option values when walking', () => {
    expect(complete('task', 'ls', '--limit', '5', '--sta').values).toEqual(['--state']);
    expect(complete('--format', 'json', 'task', 'l').values).toEqual(['list']);
    expect(complete('--format', 'json', 'task', 'l').r.command.path).toEqual(['task']);
  });

  it('asks for dynamic values of the right resource', () => {
    const slot = (...w: string[]) => resolveWords(tree, w).slot;
    expect(slot('task', 'show', '')).toEqual({ type: 'value', value: { type: 'dynamic', resource: 'task' } });
    expect(slot('pool', 'show', 'my')).toEqual({ type: 'value', value: { type: 'dynamic', resource: 'pool' } });
    expect(slot('task', 'abort', 'a', 'b', '')).toEqual({ type: 'value', value: { type: 'dynamic', resource: 'task' } });
    expect(slot('task', 'create', '--pool', '')).toEqual({ type: 'value', value: { type: 'dynamic', resource: 'pool' } });
    expect(slot('task', 'create', '--depends-on', '')).toEqual({ type: 'value', value: { type: 'dynamic', resource: 'task' } });
    expect(slot('task', 'create', '--profile', '')).toEqual({ type: 'value', value: { type: 'dynamic', resource: 'exec-profile' } });
    expect(slot('--profile', '')).toEqual({ type: 'value', value: { type: 'dynamic', resource: 'config-profile' } });
    expect(slot('config', 'profile', 'use', '')).toEqual({ type: 'value', value: { type: 'dynamic', resource: 'config-profile' } });
    expect(slot('profile', 'show', '')).toEqual({ type: 'value', value: { type: 'dynamic', resource: 'exec-profile' } });
  });

  it('completes files after -f and nothing for free text', () => {
    expect(resolveWords(tree, ['task', 'create', '-f', '']).slot).toEqual({ type: 'value', value: { type: 'file' } });
    expect(resolveWords(tree, ['task', 'create', '--file=./x']).slot).toEqual({ type: 'value', value: { type: 'file' } });
    expect(resolveWords(tree, ['task', 'show', 'x', '']).slot).toEqual({ type: 'value', value: { type: 'free' } });
    expect(complete('task', 'list', '--limit', '').values).toEqual([]);
  });

  it('offers no options after --', () => {
    expect(resolveWords(tree, ['task', 'abort', '--', '--']).slot.type).toBe('value');
  });

  it('collects the global options that pick the connection', () => {
    expect(resolveWords(tree, ['--profile', 'staging', 'task', '--api-url=http://x', 'show', '']).globals).toEqual({
      profile: 'staging',
      'api-url': 'http://x',
    });
    // A command's own --profile is an execution profile, not a connection.
    expect(resolveWords(tree, ['task', 'create', '--profile', 'docker-batch', '--pool', '']).globals).toEqual({});
  });
});

describe('the real command tree', () => {
  it('completes help with commands and topics, and never offers __complete', async () => {
    const { buildProgram } = await import('../../src/program.js');
    const real = describeTree(await buildProgram());
    const help = staticCandidates(resolveWords(real, ['help', ''])).map((c) => c.value);
    expect(help).toEqual(expect.arrayContaining(['task', 'pool', 'exit-codes']));
    expect(help).not.toContain('__complete');
    expect(staticCandidates(resolveWords(real, ['__'])).map((c) => c.value)).toEqual([]);
  });
});

describe('inference and protocol', () => {
  it('reads an enum from a help text ending in a list', () => {
    expect(enumFromHelp('in this state (repeatable): Active, Completed')).toEqual({ type: 'enum', values: ['Active', 'Completed'] });
    expect(enumFromHelp('filter expression, e.g. "state = Failure"')).toBeUndefined();
    expect(enumFromHelp('columns: uuid')).toBeUndefined();
  });

  it("prints cobra's format: value<TAB>description lines, then the directive", () => {
    expect(formatCandidates([{ value: 'a', description: 'first\tline\nmore' }, { value: 'b' }], Directive.NoFileComp)).toBe('a\tfirst line more\nb\n:4\n');
    expect(directiveFor({ type: 'value', value: { type: 'file' } })).toBe(Directive.Default);
    expect(directiveFor({ type: 'value', value: { type: 'dir' } })).toBe(Directive.FilterDirs);
    expect(directiveFor({ type: 'subcommands' })).toBe(Directive.NoFileComp);
  });

  it('offers uuid and shortname, the name as description', () => {
    expect(itemCandidates({ uuid: 'u-1', shortname: 'render', name: 'Render frames', state: 'Success' })).toEqual([
      { value: 'u-1', description: 'Render frames (Success)' },
      { value: 'render', description: 'Render frames (Success)' },
    ]);
    expect(itemCandidates({ uuid: 'u-2', shortname: 'u-2', name: 'x' })).toEqual([{ value: 'u-2', description: 'x' }]);
  });
});

describe('completion cache', () => {
  const dir = () => join(mkdtempSync(join(tmpdir(), 'qarnot-completion-cache-')), 'cache');
  const key = cacheKey({ profile: 'default', apiUrl: 'http://x', token: 'secret-token', resource: 'task' });

  it('keeps entries 30 s, in a 0600 file that never holds the token', () => {
    const d = dir();
    writeCache(d, key, [{ value: 'u-1', description: 'n' }], 1_000_000);
    expect(readCache(d, key, 1_000_000 + CACHE_TTL_MS - 1)).toEqual([{ value: 'u-1', description: 'n' }]);
    expect(readCache(d, key, 1_000_000 + CACHE_TTL_MS + 1)).toBeUndefined();
    const file = join(d, `${key}.json`);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(key).not.toContain('secret');
  });

  it('separates profiles, URLs and tokens; ignores broken files', () => {
    expect(cacheKey({ profile: 'a', apiUrl: 'http://x', token: 't', resource: 'task' })).not.toBe(cacheKey({ profile: 'b', apiUrl: 'http://x', token: 't', resource: 'task' }));
    expect(cacheKey({ profile: 'a', apiUrl: 'http://x', token: 't', resource: 'task' })).not.toBe(cacheKey({ profile: 'a', apiUrl: 'http://x', token: 'u', resource: 'task' }));
    expect(cacheKey({ profile: 'a', apiUrl: 'http://x', token: 't', resource: 'task' })).not.toBe(cacheKey({ profile: 'a', apiUrl: 'http://x', token: 't', resource: 'pool' }));
    const d = dir();
    writeCache(d, key, [], 0);
    writeFileSync(join(d, `${key}.json`), '{not json');
    expect(readCache(d, key)).toBeUndefined();
  });
});
