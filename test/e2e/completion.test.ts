// Drives the real shells: bash (programmable completion with COMP_WORDS), zsh
// (a pty and its real completion system, candidates captured from compadd) and
// fish (complete -C), with `qarnot` on PATH being the built binary. A shell that
// is not installed is skipped with one line saying how to install it, except
// under CI (.ci/run installs bash, zsh and fish), where it fails.
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, cliOk } from '../helpers/cli.js';
import { startEmulator, type TestEmulator } from '../helpers/emulator.js';
import { BIN } from '../helpers/paths.js';
import { installed, outsideProgram } from '../helpers/programs.js';

type Shell = 'bash' | 'zsh' | 'fish';
const SHELLS: Shell[] = ['bash', 'zsh', 'fish'];
const install = (shell: Shell) => `apt-get install -y ${shell}, or brew install ${shell}`;
const runs = Object.fromEntries(SHELLS.map((shell) => [shell, outsideProgram(shell, install(shell))])) as Record<Shell, boolean>;

const sh = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

// zsh: a pty runs an interactive zsh with compinit; compadd is wrapped to
// print each candidate ("value -- description") between two NUL lines.
// After zsh-capture-completion (Valodim), reduced to what we need.
const ZSH_INIT = [
  "PROMPT=",
  "autoload -U compinit",
  "compinit -u -C -d $2",
  "source $1",
  "bindkey '^M' undefined",
  "bindkey '^J' undefined",
  "bindkey '^I' complete-word",
  "null-line () { echo -E - $'\\0' }",
  "compprefuncs=( null-line )",
  "comppostfuncs=( null-line exit )",
  "zstyle ':completion:*' list-grouped false",
  "zstyle ':completion:*' insert-tab false",
  "compadd () {",
  "  if [[ ${@[1,(i)(-|--)]} == *-(O|A|D)\\ * ]]; then",
  "    builtin compadd \"$@\"; return $?",
  "  fi",
  "  typeset -a __hits __dscr __tmp",
  "  if (( $@[(I)-d] )); then",
  "    __tmp=${@[$[${@[(i)-d]}+1]]}",
  "    if [[ $__tmp == \\(* ]]; then eval \"__dscr=$__tmp\"; else __dscr=( \"${(@P)__tmp}\" ); fi",
  "  fi",
  "  builtin compadd -A __hits -D __dscr \"$@\"",
  "  setopt localoptions norcexpandparam extendedglob",
  "  [[ -n $__hits ]] || return",
  "  local dscr",
  "  for i in {1..$#__hits}; do",
  "    (( $#__dscr >= $i )) && dscr=\" -- ${${__dscr[$i]}##$__hits[$i] #}\" || dscr=",
  "    echo -E - $IPREFIX$__hits[$i]$dscr",
  "  done",
  "}",
  "echo ok",
].join('\n');

const ZSH_CAPTURE = [
  "zmodload zsh/zpty",
  "zpty z zsh -f -i",
  "local line",
  "zpty -w z \"source ${(q)${0:A:h}}/init.zsh ${(q)1} ${(q)${0:A:h}}/zcompdump\"",
  "repeat 20; do",
  "  zpty -r z line",
  "  [[ $line == ok* ]] && break",
  "done",
  "zpty -w z \"$2\"$'\\t'",
  "integer tog=0",
  "while zpty -r z; do :; done | while IFS= read -r line; do",
  "  if [[ $line == *$'\\0\\r' ]]; then",
  "    (( tog++ )) && return 0 || continue",
  "  fi",
  "  (( tog )) && echo -E - $line",
  "done",
  "return 2",
].join('\n');

/** Bash splits words at COMP_WORDBREAKS: "--format=js" is three words, "--format", "=", "js". */
function bashWords(line: string): string[] {
  return line.split(' ').flatMap((w) => {
    const m = /^(--[^=]+)=(.*)$/.exec(w);
    if (!m) return [w];
    return m[2] ? [m[1]!, '=', m[2]] : [m[1]!, '='];
  });
}

interface Candidate {
  value: string;
  description: string;
}

let emu: TestEmulator;
/** The URL of an emulator that was started then stopped: nothing listens there. */
let downUrl: string;
let dir: string;
let env: Record<string, string>;
const scripts = {} as Record<Shell, string>;
const taskIds: string[] = [];

async function complete(shell: Shell, line: string, extraEnv: Record<string, string> = {}): Promise<{ candidates: Candidate[]; ms: number }> {
  const started = Date.now();
  let command: string[];
  if (shell === 'bash') {
    const words = bashWords(line);
    const program = [
      `source ${sh(scripts.bash)}`,
      `COMP_WORDS=(${words.map(sh).join(' ')})`,
      `COMP_CWORD=${words.length - 1}`,
      `COMP_LINE=${sh(line)}`,
      `COMP_POINT=${line.length}`,
      '_qarnot',
      `printf '%s\\n' "\${COMPREPLY[@]}"`,
    ].join('\n');
    command = ['bash', '--norc', '--noprofile', '-c', program];
  } else if (shell === 'zsh') {
    command = ['zsh', '-f', join(dir, 'zsh', 'capture.zsh'), scripts.zsh, line];
  } else {
    command = ['fish', '--no-config', '-c', 'source $argv[1]; complete --do-complete=$argv[2]', scripts.fish, line];
  }
  const result = await execa(command[0]!, command.slice(1), {
    cwd: join(dir, 'work'),
    env: { ...env, ...extraEnv },
    extendEnv: false,
    reject: false,
    timeout: 20_000,
    stdin: 'ignore',
  });
  if (result.exitCode !== 0 && !(shell === 'zsh' && result.exitCode === 2 && String(result.stdout) === '')) {
    throw new Error(`${shell} exited ${result.exitCode}: ${String(result.stderr)}`);
  }
  const out = String(result.stdout) + String(result.stderr);
  if (out.includes(emu.token)) throw new Error(`the token was printed while completing "${line}"`);
  const candidates = String(result.stdout)
    .split('\n')
    .map((l) => l.replace(/\r$/, ''))
    .filter((l) => l.trim() !== '')
    .map((l) => {
      const [value, ...rest] = shell === 'fish' ? l.split('\t') : shell === 'zsh' ? l.split(' -- ') : [l];
      return { value: value!.trim(), description: rest.join(' ').trim() };
    });
  // zsh's _files/_describe may add the same match from several tags: keep one.
  const unique = candidates.filter((c, i) => candidates.findIndex((d) => d.value === c.value) === i);
  return { candidates: unique, ms: Date.now() - started };
}

const values = async (shell: Shell, line: string, extraEnv?: Record<string, string>) =>
  (await complete(shell, line, extraEnv)).candidates.map((c) => c.value);

beforeAll(async () => {
  emu = await startEmulator();
  const down = await startEmulator();
  downUrl = down.url;
  await down.stop();
  for (const [name, shortname] of [
    ['render frames', 'hello-render'],
    ['bake textures', 'hello-bake'],
  ]) {
    const created = await emu.call<{ uuid: string }>('POST', '/tasks', {
      name,
      shortname,
      profile: 'docker-batch',
      instanceCount: 1,
      constants: [{ key: 'DOCKER_CMD', value: 'true' }],
    });
    expect(created.status).toBeLessThan(300);
    taskIds.push(created.body.uuid);
  }
  dir = mkdtempSync(join(tmpdir(), 'qarnot-completion-e2e-'));
  // The config directory is private, as the CLI requires of one that holds a token.
  for (const sub of ['bin', 'home', 'config', 'work', 'zsh']) mkdirSync(join(dir, sub), { mode: sub === 'config' ? 0o700 : 0o755 });
  writeFileSync(join(dir, 'bin', 'qarnot'), `#!/bin/sh\nexec ${sh(process.execPath)} ${sh(BIN)} "$@"\n`);
  chmodSync(join(dir, 'bin', 'qarnot'), 0o755);
  writeFileSync(join(dir, 'work', 'job-spec.json'), '{}');
  writeFileSync(join(dir, 'zsh', 'init.zsh'), ZSH_INIT);
  writeFileSync(join(dir, 'zsh', 'capture.zsh'), ZSH_CAPTURE);
  for (const shell of SHELLS) {
    scripts[shell] = join(dir, `qarnot.${shell}`);
    writeFileSync(scripts[shell], await cliOk(['completion', shell]));
  }
  env = {
    PATH: `${join(dir, 'bin')}:${process.env.PATH}`,
    HOME: join(dir, 'home'),
    QARNOT_CONFIG_DIR: join(dir, 'config'),
    QARNOT_CLUSTER_URL: emu.url,
    QARNOT_CLIENT_TOKEN: emu.token,
    // This box runs tests in parallel: the default half second is tested below, with a slow API.
    QARNOT_COMPLETION_BUDGET_MS: '5000',
    TERM: 'xterm',
  };
  await cliOk(['context', 'add', 'staging', '--api-url', 'http://127.0.0.1:9'], { configDir: join(dir, 'config') });
}, 60_000);

afterAll(async () => {
  await emu?.stop();
});

describe.each(SHELLS)('%s completion', (shell) => {
  if (!runs[shell]) {
    it.skip(`${shell} is not installed (${install(shell)})`, () => {});
    return;
  }

  it('is installed (required under CI)', () => {
    expect(installed(shell), `${shell} is missing: ${install(shell)}`).toBe(true);
  });

  it('completes a noun from a prefix', async () => {
    expect(await values(shell, 'qarnot ta')).toEqual(['task']);
  });

  it('completes the verbs of task', async () => {
    const got = await values(shell, 'qarnot task ');
    expect(got).toEqual(expect.arrayContaining(['list', 'show', 'create', 'abort', 'stdout', 'wait']));
    expect(got).not.toContain('ls'); // aliases are accepted, not offered
  });

  it('completes the flags of task create, globals included', async () => {
    const got = await values(shell, 'qarnot task create --');
    expect(got).toEqual(expect.arrayContaining(['--name', '--profile', '--pool', '--file', '--depends-on', '--format', '--json']));
    expect(got.every((v) => v.startsWith('--'))).toBe(true);
  });

  it('completes the values of --format, also after "="', async () => {
    expect((await values(shell, 'qarnot task list --format ')).sort()).toEqual(['json', 'jsonl', 'table', 'tsv']);
    // bash replaces only what follows the "=", zsh and fish the whole word.
    const eq = await values(shell, 'qarnot task list --format=js');
    expect(eq.map((v) => v.replace(/^--format=/, '')).sort()).toEqual(['json', 'jsonl']);
  });

  it('completes states, and files after -f', async () => {
    expect(await values(shell, 'qarnot task list --state Fa')).toEqual(['Failure']);
    expect(await values(shell, 'qarnot task create -f job-')).toEqual(['job-spec.json']);
  });

  it('completes task ids and shortnames served by the emulator', async () => {
    const { candidates } = await complete(shell, 'qarnot task show ');
    expect(candidates.map((c) => c.value)).toEqual(expect.arrayContaining([...taskIds, 'hello-render', 'hello-bake']));
    if (shell !== 'bash') {
      expect(candidates.find((c) => c.value === 'hello-render')?.description).toContain('render frames');
    }
    expect(await values(shell, 'qarnot task stdout hello-b')).toEqual(['hello-bake']);
  });

  it('completes stored context names after --context', async () => {
    expect(await values(shell, 'qarnot --context sta')).toEqual(['staging']);
  });

  it('stays silent and fast when the API is down', async () => {
    const { candidates, ms } = await complete(shell, 'qarnot task show ', { QARNOT_CLUSTER_URL: downUrl, QARNOT_COMPLETION_BUDGET_MS: '' });
    expect(candidates).toEqual([]);
    // The shell and Node start-up included (zsh also starts a pty and compinit).
    expect(ms).toBeLessThan(shell === 'zsh' ? 5000 : 3000);
  });
});

describe('qarnot __complete', () => {
  it('prints candidates and the directive, in cobra style', async () => {
    const out = await cliOk(['__complete', '--', 'task', 'show', 'hello-r'], { emulator: emu, env: { QARNOT_COMPLETION_BUDGET_MS: '5000' } });
    expect(out).toMatch(/^hello-render\trender frames \(\w+\)\n:4$/); // execa drops the final newline
    expect(await cliOk(['__complete', 'task', ''])).toMatch(/^list\t.*\n[\s\S]*:4$/);
  });

  it('asks the API for a typed prefix that the newest tasks do not have', async () => {
    const busy = await startEmulator();
    try {
      await busy.call('POST', '/tasks', { name: 'slow one', shortname: 'slow', profile: 'docker-batch', instanceCount: 1 });
      // 110 newer tasks push "slow" out of the newest 100 that TAB lists.
      await busy.call('POST', '/tasks', Array.from({ length: 110 }, (_, i) => ({ name: `n${i}`, shortname: `newer-${i}`, profile: 'docker-batch', instanceCount: 1 })));
      const configDir = mkdtempSync(join(tmpdir(), 'qarnot-completion-prefix-'));
      const env = { QARNOT_COMPLETION_BUDGET_MS: '5000' };
      expect(await cliOk(['__complete', '--', 'task', 'show', 'sl'], { emulator: busy, configDir, env })).toMatch(/^slow\tslow one/);
      // A second TAB, the newest list cached: the prefix is still found.
      expect(await cliOk(['__complete', '--', 'task', 'show', 'sl'], { emulator: busy, configDir, env })).toMatch(/^slow\tslow one/);
    } finally {
      await busy.stop();
    }
  });

  it('"qarnot completion" refuses an unknown shell with exit 2', async () => {
    const result = await cli(['completion', 'powershell']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('bash, zsh, fish');
  });

  it('is hidden from help', async () => {
    expect(await cliOk(['--help'])).not.toContain('__complete');
  });

  it('prints nothing, fast, when the API is down', async () => {
    const started = Date.now();
    const result = await cli(['__complete', '--', 'task', 'show', ''], { env: { QARNOT_CLUSTER_URL: downUrl, QARNOT_CLIENT_TOKEN: 'x-token' } });
    // About a second: Node start-up (0.1 s idle, much more on a loaded CI box) and a refused connection.
    expect(Date.now() - started).toBeLessThan(1500);
    expect(result).toEqual({ stdout: '', stderr: '', exitCode: 0 });
  });

  it('gives up after about half a second on a slow API, silently', async () => {
    const slow = await startEmulator(['--faults', 'latency:6000-6000ms']);
    try {
      const started = Date.now();
      const result = await cli(['__complete', '--', 'task', 'show', ''], { emulator: slow });
      // Far below the API's 6 s: the 450 ms budget cut it (margin for a loaded machine).
      expect(Date.now() - started).toBeLessThan(3000);
      expect(result).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    } finally {
      await slow.stop();
    }
  });

  it('caches per profile for 30 s: a second TAB sends nothing', async () => {
    const configDir = mkdtempSync(join(tmpdir(), 'qarnot-completion-cache-'));
    const env = { QARNOT_COMPLETION_BUDGET_MS: '5000' };
    await emu.resetCounters();
    const first = await cliOk(['__complete', '--', 'pool', 'show', ''], { emulator: emu, configDir, env });
    const sent = (await emu.requests()).total;
    expect(sent).toBeGreaterThan(0);
    expect(await cliOk(['__complete', '--', 'pool', 'show', ''], { emulator: emu, configDir, env })).toBe(first);
    expect((await emu.requests()).total).toBe(sent);
  });
});
