// What every command shares, tried as a demanding user and as an attacker would:
// the config store, contexts and their precedence, completion scripts, the code cache.
import { chmodSync, cpSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliOk, tempConfigDir } from '../helpers/cli.js';
import { startEmulator, type TestEmulator } from '../helpers/emulator.js';
import { BIN, ROOT } from '../helpers/paths.js';
import { outsideProgram } from '../helpers/programs.js';
import { testIO } from '../helpers/io.js';
import { run, runOk } from '../helpers/run.js';
import { resolveConnection } from '../../src/config/resolve.js';
import { openConfigStore } from '../../src/config/store.js';
import { configDir } from '../../src/config/location.js';
import { codeCacheDir } from '../../src/lib/chunk-loader.js';
import { colorLevel, tableWidth } from '../../src/output/io.js';

let emu: TestEmulator;

beforeAll(async () => {
  emu = await startEmulator();
});

afterAll(async () => {
  await emu?.stop();
});

/** No token nor URL from the environment: only what is stored counts. */
const stored = (configDir: string) => ({ configDir, env: { QARNOT_CLUSTER_URL: undefined, QARNOT_CLIENT_TOKEN: undefined } });

describe('URLs are checked before they are stored', () => {
  it('login, context add and config import refuse a URL with credentials or another scheme, and store nothing', async () => {
    const dir = tempConfigDir();
    const login = await run(['login', '--with-token', '--no-check', '--api-url', 'https://user:hunter2@api.example.com'], { ...stored(dir), input: 'tok-123\n' });
    expect(login.exitCode).toBe(2);
    expect(login.stderr).toMatch(/--api-url must not hold credentials/);
    expect(login.stderr).not.toContain('hunter2');
    expect((await run(['login', '--with-token', '--no-check', '--api-url', 'ftp://api.example.com'], { ...stored(dir), input: 'tok-123\n' })).exitCode).toBe(2);
    const add = await run(['context', 'add', 'x', '--api-url', 'http://u:hunter2@api.example.com'], stored(dir));
    expect(add.exitCode).toBe(2);
    expect(add.stderr).not.toContain('hunter2');
    const file = join(dir, 'cli.config');
    writeFileSync(file, 'token=tok-123\nuri=https://u:hunter2@api.example.com\n');
    expect((await run(['config', 'import', file], stored(dir))).exitCode).toBe(2);
    const list = await run(['context', 'list', '--json'], stored(dir));
    expect(JSON.parse(list.stdout)).toEqual([]);
    // A good URL is stored without its trailing slash, as before.
    expect((await run(['context', 'add', 'ok', '--api-url', 'https://api.example.com/'], stored(dir))).exitCode).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')).profiles.ok.apiUrl).toBe('https://api.example.com');
  });
});

describe('an explicit --context takes its URL and token together', () => {
  it('never sends QARNOT_CLIENT_TOKEN to the server of a context that has no token', async () => {
    const dir = tempConfigDir();
    expect((await run(['context', 'add', 'other', '--api-url', emu.url], stored(dir))).exitCode).toBe(0);
    // The environment's token is meant for the environment's server (here: none listening).
    const env = { QARNOT_CLIENT_TOKEN: emu.token, QARNOT_CLUSTER_URL: 'http://127.0.0.1:9' };
    await emu.resetCounters();
    const status = await run(['status', '--context', 'other'], { configDir: dir, env });
    expect(status.exitCode).toBe(4);
    expect(status.stderr).toMatch(/no API token for profile "other"/);
    expect((await emu.requests()).total).toBe(0);
  });

  it('a context with a token but no URL goes to the default API, not to QARNOT_CLUSTER_URL', async () => {
    const store = openConfigStore({ QARNOT_CONFIG_DIR: tempConfigDir() });
    await store.saveProfile('imported', { token: 'stored-token' });
    const env = { QARNOT_CLUSTER_URL: 'http://env.example', QARNOT_CLIENT_TOKEN: 'env-token' };
    const connection = await resolveConnection({ color: false, context: 'imported' }, env, async () => store);
    expect(connection).toMatchObject({ apiUrl: 'https://api.qarnot.com', token: 'stored-token' });
    // Without --context the documented precedence stands: the environment over the stored context.
    expect(await resolveConnection({ color: false }, env, async () => store)).toMatchObject({ apiUrl: 'http://env.example', token: 'env-token' });
  });
});

describe('config set, unset and logout never act on a mistyped context', () => {
  it('a mistyped --context is refused with the known ones; unset of what is not set changes nothing', async () => {
    const dir = tempConfigDir();
    expect((await run(['context', 'add', 'staging', '--api-url', 'https://staging.example.com'], stored(dir))).exitCode).toBe(0);
    const typo = await run(['config', 'set', 'api-url', 'https://new.example.com', '--context', 'stagign'], stored(dir));
    expect(typo.exitCode).toBe(2);
    expect(typo.stderr).toBe('error: --context: no context named "stagign"; known contexts: staging');
    expect((await run(['config', 'unset', 'as', '--context', 'nosuch'], stored(dir))).exitCode).toBe(2);
    expect((await run(['config', 'unset', 'as'], { ...stored(dir), env: { QARNOT_CONTEXT: 'other' } })).exitCode).toBe(2);
    expect((await run(['logout', '--context', 'stagign'], stored(dir))).stderr).toBe('error: --context: no context named "stagign"; known contexts: staging');
    expect(await runOk(['context', 'list', '-q'], stored(dir))).toBe('staging');
    // The context in use may not be stored yet: setting it makes it, as before.
    expect((await run(['config', 'set', 'as', 'lead@example.com'], stored(dir))).exitCode).toBe(0);
    expect(await runOk(['config', 'get', 'as'], stored(dir))).toBe('lead@example.com');
    expect((await run(['config', 'set', 'api-url', 'https://new.example.com', '--context', 'staging'], stored(dir))).exitCode).toBe(0);
    expect(await runOk(['config', 'get', 'api-url', '--context', 'staging'], stored(dir))).toBe('https://new.example.com');
  });
});

describe('login and logout while QARNOT_CLIENT_TOKEN is set', () => {
  it('say that the environment token is what commands use', async () => {
    const dir = tempConfigDir();
    const env = { QARNOT_CLIENT_TOKEN: 'env-token-xyz', QARNOT_CLUSTER_URL: undefined };
    const login = await run(['login', '--with-token', '--no-check', '--api-url', emu.url], { configDir: dir, env, input: 'stored-token\n' });
    expect(login.exitCode).toBe(0);
    expect(login.stderr).toMatch(/\nwarning: QARNOT_CLIENT_TOKEN is set: commands authenticate with it, not with the stored token/);
    const logout = await run(['logout'], { configDir: dir, env });
    expect(logout.stderr).toMatch(/^Removed the token of context "default"\nwarning: QARNOT_CLIENT_TOKEN is set/);
    // Not said where it is not so: no variable, or a context named (it takes its own token).
    expect((await run(['login', '--with-token', '--no-check', '--api-url', emu.url], { ...stored(dir), input: 'stored-token\n' })).stderr).not.toMatch(/warning/);
    expect((await run(['logout', '--context', 'default'], { configDir: dir, env })).stderr).not.toMatch(/warning/);
  });
});

describe('the hidden token prompt', () => {
  it('Ctrl-D on an empty line ends it; Ctrl-U clears it; Escape and other control keys are not kept', { timeout: 10_000 }, async () => {
    const dir = tempConfigDir();
    const empty = await run(['login', '--no-check'], { ...stored(dir), tty: true, input: '\u0004' });
    expect(empty.exitCode).toBe(2);
    expect(empty.stderr).toMatch(/the token is empty/);
    await runOk(['login', '--no-check', '--api-url', emu.url], { ...stored(dir), tty: true, input: 'wrong\u0015tok\u001b-12\u00043\r' });
    expect(JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')).profiles.default.token).toBe('tok-123');
  });

  it('--with-token on a terminal (nothing piped) asks without echo instead of echoing what is pasted', { timeout: 10_000 }, async () => {
    const dir = tempConfigDir();
    const io = testIO({ tty: true });
    let echoOff = false;
    Object.assign(io.stdin, { setRawMode: (raw: boolean) => (echoOff ||= raw) });
    await runOk(['login', '--with-token', '--no-check', '--api-url', emu.url], { ...stored(dir), io, input: 'tok-42\r' });
    expect(echoOff).toBe(true);
    expect(io.stderrText()).toMatch(/^Paste your Qarnot API token: /);
  });
});

describe('context remove of the context in use', () => {
  it('does not put another stored context (the next in the file) in use without a word', async () => {
    const dir = tempConfigDir();
    await runOk(['context', 'add', 'prod', '--api-url', 'https://prod.example.com'], stored(dir));
    await runOk(['context', 'add', 'staging', '--api-url', 'https://staging.example.com', '--use'], stored(dir));
    const removed = await run(['context', 'remove', 'staging'], stored(dir));
    expect(removed.exitCode).toBe(0);
    expect(removed.stderr).toBe('Removed context "staging", which was in use; no context is in use: choose one with "qarnot context use NAME"');
    expect(JSON.parse(await runOk(['context', 'list', '--json'], stored(dir)))).toEqual([expect.objectContaining({ context: 'prod', active: false })]);
    expect((await run(['config', 'get', 'api-url'], stored(dir))).exitCode).toBe(1);
  });
});

describe('--deadline 0', () => {
  it('means no deadline (as kubectl --request-timeout=0), not "give up at once"', async () => {
    const result = await run(['task', 'list', '--deadline', '0'], { emulator: emu });
    expect(result.exitCode, result.stderr).toBe(0);
  });
});

describe('error messages from the server', () => {
  it('never carry terminal escapes to stderr', async () => {
    // A hostile server, or a proxy's page: the title set, the screen cleared.
    const server = createServer((_request, response) => {
      response.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ title: 'boom \u001b]0;pwned\u0007\u001b[2J done' }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const result = await run(['task', 'show', '7e68b49c-1a2b-4c3d-8e9f-0123456789ab'], { configDir: tempConfigDir(), env: { QARNOT_CLUSTER_URL: `http://127.0.0.1:${port}`, QARNOT_CLIENT_TOKEN: 'hostile-test-token' } });
      expect(result.exitCode).toBe(1);
      expect(result.stderr).toBe('error: boom \\x1b]0;pwned\\x07\\x1b[2J done (HTTP 400)');
    } finally {
      server.close();
    }
  });
});

describe('--no-color', () => {
  it('beats FORCE_COLOR from the environment (flags before environment)', async () => {
    expect(colorLevel(true, { colorFlag: false, env: { FORCE_COLOR: '1' } })).toBe(0);
    expect(colorLevel(false, { colorFlag: false, env: { FORCE_COLOR: '3' } })).toBe(0);
    const configDir = tempConfigDir();
    await cliOk(['context', 'add', 'a'], { configDir });
    expect(await cliOk(['context', 'list', '--format', 'table'], { configDir, env: { FORCE_COLOR: '1' } })).toContain('\u001b[');
    expect(await cliOk(['context', 'list', '--format', 'table', '--no-color'], { configDir, env: { FORCE_COLOR: '1' } })).not.toContain('\u001b[');
  });
});

describe('a terminal that does not know its width (0 columns)', () => {
  it('gets whole tables, not every column cut to its header', () => {
    expect(tableWidth(undefined, 0)).toBeUndefined();
    expect(tableWidth(undefined, 120)).toBe(120);
    expect(tableWidth('90', 0)).toBe(90);
  });

  it.runIf(outsideProgram('script', 'apt-get install -y bsdutils (util-linux)', ['--version']))('gets help wrapped at 80 columns, not one word a line', async () => {
    const command = `stty cols 0; '${process.execPath}' '${BIN}' task --help`;
    const result = await execa('script', ['-qec', command, '/dev/null'], { env: { PATH: process.env.PATH, HOME: tempConfigDir(), XDG_CACHE_HOME: tempConfigDir() }, extendEnv: false, reject: false, timeout: 30_000 });
    expect(String(result.stdout).replace(/\r/g, '')).toContain('\nCreate, watch and manage tasks\n');
  });
});

describe('a chunk missing (upgraded in place while a command ran, or a broken install)', () => {
  it('is one line naming it, exit 1, not a stack trace', async () => {
    const install = mkdtempSync(join(tmpdir(), 'qarnot-hunt-install-'));
    cpSync(join(ROOT, 'dist'), join(install, 'dist'), { recursive: true });
    const chunks = join(install, 'dist', 'chunks');
    for (const name of readdirSync(chunks).filter((n) => n.startsWith('task-'))) rmSync(join(chunks, name));
    const result = await execa('node', [join(install, 'dist', 'cli.cjs'), 'task', 'list'], { env: { PATH: process.env.PATH, HOME: install, QARNOT_CONFIG_DIR: install, NODE_DISABLE_COMPILE_CACHE: '1' }, extendEnv: false, reject: false });
    expect(result.exitCode).toBe(1);
    expect(String(result.stderr)).toMatch(/^error: \S+task-\w+\.cjs is missing: qarnot was upgraded or removed while this command ran, or its installation is incomplete; run the command again, or reinstall qarnot$/);
  });
});

describe('help topics', () => {
  it('fit 80 columns; exit-codes names SIGTERM\'s 143', async () => {
    for (const topic of ['exit-codes', 'environment', 'ids', 'formatting']) {
      // Topics are written straight to fd 1: the built binary's.
      const text = await cliOk(['help', topic]);
      for (const line of text.split('\n')) expect(line.length, `${topic}: ${line}`).toBeLessThanOrEqual(80);
    }
    expect(await cliOk(['help', 'exit-codes'])).toMatch(/^ {2}143 {2}stopped by SIGTERM/m);
  });
});

describe('context use while QARNOT_CONTEXT names another', () => {
  it('says the variable still wins', async () => {
    const dir = tempConfigDir();
    await runOk(['context', 'add', 'prod'], stored(dir));
    await runOk(['context', 'add', 'staging'], stored(dir));
    const use = await run(['context', 'use', 'staging'], { configDir: dir, env: { QARNOT_CONTEXT: 'prod' } });
    expect(use.stderr).toBe('Now using context "staging"\nwarning: QARNOT_CONTEXT is set to "prod": commands use that context, not "staging", until you unset it');
    expect((await run(['context', 'use', 'prod'], { configDir: dir, env: { QARNOT_CONTEXT: 'prod' } })).stderr).toBe('Now using context "prod"');
  });
});

describe('contexts named like Object.prototype\'s keys', () => {
  it('are contexts like any other: "constructor" can be added, "toString" is unknown until it is', async () => {
    const dir = tempConfigDir();
    expect((await run(['context', 'use', 'toString'], stored(dir))).exitCode).toBe(2);
    expect((await run(['status', '--context', 'valueOf'], stored(dir))).stderr).toMatch(/no context named "valueOf"/);
    expect((await run(['context', 'remove', 'hasOwnProperty'], stored(dir))).exitCode).toBe(2);
    expect((await run(['context', 'add', 'constructor'], stored(dir))).exitCode).toBe(0);
    expect(await runOk(['context', 'list', '-q'], stored(dir))).toBe('constructor');
  });
});

describe('context list --fields', () => {
  it('refuses an unknown field (exit 2) instead of printing an empty column', async () => {
    const dir = tempConfigDir();
    expect((await run(['context', 'add', 'a', '--api-url', 'https://a.example.com'], stored(dir))).exitCode).toBe(0);
    const unknown = await run(['context', 'list', '--fields', 'nope'], stored(dir));
    expect(unknown.exitCode).toBe(2);
    expect(unknown.stderr).toMatch(/--fields: unknown field "nope"/);
    expect(JSON.parse(await runOk(['context', 'list', '--json', '--fields', 'context,apiUrl'], stored(dir)))).toEqual([{ context: 'a', apiUrl: 'https://a.example.com' }]);
  });
});

describe('a config.json that is a symlink', () => {
  it('is written through, the link kept, the file it points to still 0600', async () => {
    const base = tempConfigDir();
    const dir = join(base, 'config');
    const dotfiles = join(base, 'dotfiles');
    mkdirSync(dir, { mode: 0o700 });
    mkdirSync(dotfiles);
    writeFileSync(join(dotfiles, 'qarnot.json'), '{"activeProfile":"default","profiles":{}}\n', { mode: 0o600 });
    symlinkSync(join(dotfiles, 'qarnot.json'), join(dir, 'config.json'));
    expect((await run(['context', 'add', 'staging'], stored(dir))).exitCode).toBe(0);
    expect(lstatSync(join(dir, 'config.json')).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(join(dotfiles, 'qarnot.json'), 'utf8')).profiles).toHaveProperty('staging');
    expect(statSync(join(dotfiles, 'qarnot.json')).mode & 0o777).toBe(0o600);
    expect(readdirSync(dotfiles)).toEqual(['qarnot.json']);
  });

  it('that points into a store nobody may write (Nix home-manager) is replaced as before', async (test) => {
    const base = tempConfigDir();
    const dir = join(base, 'config');
    const store = join(base, 'store');
    mkdirSync(dir, { mode: 0o700 });
    mkdirSync(store);
    writeFileSync(join(store, 'qarnot.json'), '{"activeProfile":"default","profiles":{}}\n');
    symlinkSync(join(store, 'qarnot.json'), join(dir, 'config.json'));
    // Read-only even for root: the immutable attribute (ext4, xfs, btrfs), else a mode.
    const immutable = (await execa('chattr', ['+i', store], { reject: false })).exitCode === 0;
    if (!immutable) chmodSync(store, 0o555);
    if (!immutable && process.getuid?.() === 0) test.skip(); // root writes anywhere
    try {
      expect((await run(['context', 'add', 'a'], stored(dir))).exitCode).toBe(0);
      expect(lstatSync(join(dir, 'config.json')).isFile()).toBe(true);
      expect(JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')).profiles).toHaveProperty('a');
    } finally {
      if (immutable) await execa('chattr', ['-i', store], { reject: false });
      else chmodSync(store, 0o755);
    }
  });
});

describe('a config directory nobody may write', () => {
  it('is one clear line naming it when storing, and serves reads', async (test) => {
    const dir = tempConfigDir();
    expect((await run(['context', 'add', 'a'], stored(dir))).exitCode).toBe(0);
    if ((await execa('chattr', ['+i', dir], { reject: false })).exitCode !== 0) test.skip(); // needs ext4/xfs/btrfs and root
    try {
      const write = await run(['context', 'add', 'b'], stored(dir));
      expect(write.exitCode).toBe(1);
      expect(write.stderr).toBe(`error: cannot write in the config directory ${dir} (EPERM); point QARNOT_CONFIG_DIR at a writable directory`);
      expect(await runOk(['context', 'list', '-q'], stored(dir))).toBe('a');
    } finally {
      await execa('chattr', ['-i', dir], { reject: false });
    }
  });
});

describe('a relative XDG_CONFIG_HOME or XDG_CACHE_HOME is ignored (the XDG spec)', () => {
  it('the token file and the code cache never land in the current directory', () => {
    expect(configDir({ XDG_CONFIG_HOME: '.config' })).toBe(join(homedir(), '.config', 'qarnot'));
    expect(configDir({ XDG_CONFIG_HOME: '/abs/config' })).toBe('/abs/config/qarnot');
    expect(codeCacheDir({ XDG_CACHE_HOME: 'cache', HOME: '/home/me' }, '/opt/qarnot/dist/chunks')).toMatch(/^\/home\/me\/\.cache\/qarnot\/compile\//);
    expect(codeCacheDir({ XDG_CACHE_HOME: 'cache', HOME: 'me' }, '/opt/qarnot/dist/chunks')).toBeUndefined();
    expect(codeCacheDir({ XDG_CACHE_HOME: '/var/cache/me' }, '/opt/qarnot/dist/chunks')).toMatch(/^\/var\/cache\/me\/qarnot\/compile\//);
  });
});

// Completion as the user sees it: the line after TAB. zsh's zpty gives bash and zsh a
// terminal; the shell completes before it reads the next key (^X), which prints the line.
const DRIVE_ZSH = `zmodload zsh/zpty
if [[ $1 == bash ]]; then
  zpty z bash --norc --noprofile -i
  zpty -w z "PS1=; source \${(q)2}; bind -x '\\"\\\\C-x\\": printf \\"<BUF:%s>\\\\n\\" \\"\\$READLINE_LINE\\"'; echo ok"
else
  zpty z zsh -f -i
  zpty -w z "PROMPT=; autoload -U compinit; compinit -u -D; source \${(q)2}; bindkey '^I' complete-word; show() { print -r -- \\"<BUF:\\$BUFFER>\\"; exit }; zle -N show; bindkey '^X' show; echo ok"
fi
local line
repeat 50; do
  zpty -r z line || return 3
  [[ $line == ok* ]] && break
done
zpty -w -n z "$3"$'\\t\\x18'
while zpty -r z line; do
  [[ $line == *'<BUF:'* ]] && { print -r -- "\${\${line#*<BUF:}%%>*}"; return 0; }
done
return 2
`;

describe.runIf(outsideProgram('zsh', 'apt-get install -y zsh bash fish'))('completion of names with spaces and of folders, in real shells', () => {
  let dir: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'qarnot-hunt-completion-'));
    for (const sub of ['bin', 'work']) mkdirSync(join(dir, sub));
    writeFileSync(join(dir, 'bin', 'qarnot'), `#!/bin/sh\nexec '${process.execPath}' '${BIN}' "$@"\n`);
    chmodSync(join(dir, 'bin', 'qarnot'), 0o755);
    writeFileSync(join(dir, 'work', 'my spec.json'), '{}');
    writeFileSync(join(dir, 'drive.zsh'), DRIVE_ZSH);
    for (const shell of ['bash', 'zsh', 'fish']) writeFileSync(join(dir, `qarnot.${shell}`), await cliOk(['completion', shell]));
    const configDir = mkdtempSync(join(tmpdir(), 'qarnot-hunt-completion-config-'));
    for (const key of ['my file.txt', 'my other.txt', 'dir/x.txt']) await runOk(['bucket', 'put', `spaced/${key}`, '-'], { emulator: emu, configDir, input: 'x' });
    env = {
      PATH: `${join(dir, 'bin')}:${process.env.PATH}`,
      HOME: join(dir, 'work'),
      TERM: 'xterm',
      QARNOT_CONFIG_DIR: configDir,
      QARNOT_CLUSTER_URL: emu.url,
      QARNOT_CLIENT_TOKEN: emu.token,
      QARNOT_COMPLETION_BUDGET_MS: '5000',
    };
  });

  const afterTab = async (shell: 'bash' | 'zsh', line: string) => {
    const result = await execa('zsh', ['-f', join(dir, 'drive.zsh'), shell, join(dir, `qarnot.${shell}`), line], { cwd: join(dir, 'work'), env, extendEnv: false, reject: false, timeout: 30_000 });
    expect(result.exitCode, String(result.stderr)).toBe(0);
    return String(result.stdout).replace(/\r/g, '');
  };

  for (const shell of ['bash', 'zsh'] as const) {
    it(`${shell}: a file or key with a space is one word, escaped; no space after a folder`, async () => {
      expect(await afterTab(shell, 'qarnot task create -f my')).toBe('qarnot task create -f my\\ spec.json ');
      expect(await afterTab(shell, 'qarnot bucket get spaced/my')).toBe('qarnot bucket get spaced/my\\ ');
      expect(await afterTab(shell, 'qarnot bucket get spaced/my\\ f')).toBe('qarnot bucket get spaced/my\\ file.txt ');
      expect(await afterTab(shell, 'qarnot bucket get spa')).toBe('qarnot bucket get spaced/');
      if (shell === 'bash') expect(await afterTab(shell, "qarnot bucket get 'spaced/my f")).toBe("qarnot bucket get 'spaced/my file.txt' ");
    });
  }

  it('bash without "=" in COMP_WORDBREAKS keeps --file= before the file it completes', async () => {
    const program = `source "$1"; COMP_WORDBREAKS=' '; COMP_WORDS=(qarnot task create --file=my); COMP_CWORD=3; _qarnot; printf '%s\\n' "\${COMPREPLY[@]}"`;
    const result = await execa('bash', ['--norc', '--noprofile', '-c', program, 'bash', join(dir, 'qarnot.bash')], { cwd: join(dir, 'work'), env, extendEnv: false, reject: false });
    expect(String(result.stdout)).toBe('--file=my spec.json');
  });

  it.runIf(outsideProgram('fish', 'apt-get install -y fish'))('fish: a word typed with a backslash or a quote is completed', async () => {
    for (const line of ['qarnot bucket get spaced/my\\ f', "qarnot bucket get 'spaced/my f"]) {
      const result = await execa('fish', ['--no-config', '-c', 'source $argv[1]; complete --do-complete=$argv[2]', join(dir, 'qarnot.fish'), line], { env, extendEnv: false, reject: false, timeout: 30_000 });
      expect(String(result.stdout).split('\n'), String(result.stderr)).toEqual(['spaced/my file.txt']);
    }
    for (const line of ['qarnot task create -f my\\ s', "qarnot task create -f 'my s"]) {
      const result = await execa('fish', ['--no-config', '-c', 'source $argv[1]; complete --do-complete=$argv[2]', join(dir, 'qarnot.fish'), line], { cwd: join(dir, 'work'), env, extendEnv: false, reject: false, timeout: 30_000 });
      expect(String(result.stdout).split('\n'), String(result.stderr)).toEqual(['my spec.json']);
    }
  });
});
