import type { Command } from 'commander';
// The HTTP core and connection resolution are light and nearly every verb uses them; they
// are only *called* on demand. The config store (conf) is heavy: imported when first needed.
import { createHttp, type Http } from './api/http.js';
import type { ConfigStore } from './config/store.js';
import { resolveConnection, type Connection } from './config/resolve.js';
import { openSystemIO, type IO } from './output/io.js';

export type Format = 'table' | 'json' | 'jsonl' | 'tsv';

/** Options declared on the program and readable from every command. */
export interface GlobalOptions {
  /** The stored connection settings to use. */
  context?: string;
  /** Deprecated spelling of --context (a profile is an execution profile); folded into it. */
  profile?: string;
  apiUrl?: string;
  format?: Format;
  json?: boolean;
  quiet?: boolean;
  fields?: string;
  color: boolean;
  verbose?: boolean;
  as?: string;
  deadline?: string;
}

/**
 * What a command's implementation gets: terminal streams, parsed global
 * options and lazily built services. Nothing here touches the network or the
 * config file until a command asks for it.
 */
export interface Context {
  readonly io: IO;
  readonly globals: GlobalOptions;
  readonly env: NodeJS.ProcessEnv;
  /** Aborted on Ctrl-C. */
  readonly signal: AbortSignal;
  /** The command being run, for its help text and name. */
  readonly command: Command;
  /** `qarnot task list`, for messages. */
  readonly commandPath: string;
  config(): Promise<ConfigStore>;
  connection(): Promise<Connection>;
  /** The API client for the resolved connection; built on first use. */
  api(): Promise<Http>;
}

export interface ContextSettings {
  /** Verbs that wait or follow have no overall deadline of their own. */
  longRunning?: boolean;
  /** The process's by default; tests give in-memory streams and their own environment. */
  io?: IO;
  env?: NodeJS.ProcessEnv;
}

export function commandPathOf(command: Command): string {
  const names: string[] = [];
  for (let c: Command | null = command; c; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

/** Folds the deprecated --profile / QARNOT_PROFILE into --context, with one warning line. */
function withContext(globals: GlobalOptions, env: NodeJS.ProcessEnv, io: IO): GlobalOptions {
  if (globals.profile !== undefined && globals.context === undefined) {
    io.err('warning: the global --profile is deprecated for stored settings; use --context NAME\n');
    return { ...globals, context: globals.profile, profile: undefined };
  }
  if (env.QARNOT_PROFILE && !env.QARNOT_CONTEXT && globals.context === undefined) io.err('warning: QARNOT_PROFILE is deprecated; use QARNOT_CONTEXT\n');
  return globals;
}

export async function createContext(command: Command, globals: GlobalOptions, signal: AbortSignal, settings: ContextSettings): Promise<Context> {
  const env = settings.env ?? process.env;
  const io = settings.io ?? (await openSystemIO({ env, colorFlag: globals.color !== false }));
  globals = withContext(globals, env, io);
  let config: Promise<ConfigStore> | undefined;
  let connection: Promise<Connection> | undefined;
  let api: Promise<Http> | undefined;
  const ctx: Context = {
    io,
    globals,
    env,
    signal,
    command,
    commandPath: commandPathOf(command),
    config: () => (config ??= import('./config/store.js').then((m) => m.openConfigStore(env))),
    connection: () => (connection ??= resolveConnection(globals, env, ctx.config)),
    api: () =>
      (api ??= ctx.connection().then((conn) => createHttp(conn, { io, globals, signal, longRunning: settings.longRunning === true }))),
  };
  return ctx;
}
