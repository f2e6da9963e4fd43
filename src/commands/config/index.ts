import type { Command } from 'commander';
import { addVerbs, defineVerb, noun, type Verb, type VerbModule } from '../define.js';
import { CONFIG_KEYS, TOP_LEVEL } from '../catalog.js';

const login = defineVerb({
  name: 'login [token]',
  summary: TOP_LEVEL.login,
  description:
    'Store an API token in a context after checking it against the API. On a terminal the token is asked for without echo; in scripts pipe it with --with-token. The token is never accepted as an argument: it would stay in your shell history.',
  examples: ['qarnot login', 'qarnot login --with-token < token.txt', 'qarnot login --context staging --api-url https://api.qarnot.com --with-token < token.txt'],
  options: (cmd) => cmd.option('--with-token', 'read the token from standard input').option('--no-check', 'store the token without checking it against the API'),
  load: () => import('./login.js'),
});

const logout = defineVerb({
  name: 'logout',
  summary: TOP_LEVEL.logout,
  examples: ['qarnot logout', 'qarnot logout --context staging'],
  load: () => import('./logout.js'),
});

const CONFIG_VERBS: Verb[] = [
  defineVerb({
    name: 'get <key>',
    summary: `Print a setting of the context in use (${CONFIG_KEYS.join(', ')})`,
    examples: ['qarnot config get api-url', 'qarnot config get api-url --context staging'],
    load: () => import('./get.js'),
  }),
  defineVerb({
    name: 'set <key> <value>',
    summary: `Change a setting of the context in use (${CONFIG_KEYS.join(', ')}); use "qarnot login" for the token`,
    examples: ['qarnot config set api-url http://127.0.0.1:8787', 'qarnot config set as team-lead@example.com --context support'],
    load: () => import('./set.js'),
  }),
  defineVerb({
    name: 'unset <key>',
    summary: 'Remove a setting from the context in use',
    examples: ['qarnot config unset as'],
    load: () => import('./unset.js'),
  }),
  defineVerb({
    name: 'list',
    aliases: ['ls'],
    summary: 'Show every stored context and its settings (tokens masked)',
    examples: ['qarnot config list', 'qarnot config list --json'],
    load: () => import('./list.js'),
  }),
  defineVerb({
    name: 'import [file]',
    summary: 'Import an official CLI config (~/.Qarnot/cli.config) or a Python SDK qarnot.conf into a context',
    description:
      'Import an official CLI config (~/.Qarnot/cli.config) or a Python SDK qarnot.conf. It goes into the context named with --context; otherwise into the context in use if it has no token yet, else into a new context "imported": the token in use is never replaced silently.',
    examples: ['qarnot config import', 'qarnot config import ./qarnot.conf --context python'],
    load: () => import('./import.js'),
  }),
];

/** `qarnot context ...`; `qarnot config profile ...` is its deprecated spelling (one release). */
function contextVerbs(deprecatedAs?: string): Verb[] {
  const noun = deprecatedAs ?? 'context';
  const load = <O>(verb: string, mod: () => Promise<VerbModule<O>>) =>
    deprecatedAs === undefined ? mod : () => deprecated(mod(), `qarnot ${deprecatedAs} ${verb}`, `qarnot context ${verb}`);
  return [
    defineVerb({
      name: 'add <name>',
      summary: 'Store connection settings under a name (then "qarnot login --context NAME" stores its token)',
      examples: [`qarnot ${noun} add staging --api-url https://api.qarnot.com`, `qarnot ${noun} add local --api-url http://127.0.0.1:8787 --use`],
      options: (cmd) => cmd.option('--use', 'use it from now on'),
      load: load('add', () => import('./context-add.js')),
    }),
    defineVerb({
      name: 'use <name>',
      summary: 'Use this context from now on',
      examples: [`qarnot ${noun} use staging`],
      load: load('use', () => import('./context-use.js')),
    }),
    defineVerb({
      name: 'list',
      aliases: ['ls'],
      summary: 'List stored contexts, the one in use marked',
      examples: [`qarnot ${noun} list`, `qarnot ${noun} list -q`],
      load: load('list', () => import('./list.js')),
    }),
    defineVerb({
      name: 'remove <name>',
      aliases: ['rm'],
      summary: 'Delete a stored context and its token',
      examples: [`qarnot ${noun} remove staging`],
      load: load('remove', () => import('./context-remove.js')),
    }),
  ];
}

async function deprecated<O>(mod: Promise<VerbModule<O>>, old: string, instead: string): Promise<VerbModule<O>> {
  const { run } = await mod;
  return {
    run: (ctx, opts, ...operands) => {
      ctx.io.err(`warning: "${old}" is deprecated and will be removed; use "${instead}"\n`);
      return run(ctx, opts, ...operands);
    },
  };
}

export function registerConfig(program: Command): void {
  addVerbs(program, [login, logout]);
  const config = noun(program, { name: 'config', summary: TOP_LEVEL.config, examples: ['qarnot config list'], verbs: CONFIG_VERBS });
  noun(config, {
    name: 'profile',
    summary: 'Deprecated: use "qarnot context" (stored connection settings)',
    examples: ['qarnot config profile list'],
    verbs: contextVerbs('config profile'),
  });
  noun(program, {
    name: 'context',
    summary: TOP_LEVEL.context,
    examples: ['qarnot context list', 'qarnot context use staging'],
    verbs: contextVerbs(),
  });
}
