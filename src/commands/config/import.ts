import { existsSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { registerSecret } from '../../lib/secrets.js';
import { contextFromEnv, DEFAULT_API_URL } from '../../config/resolve.js';
import { checkBaseUrl } from '../../config/url.js';
import type { ConfigStore } from '../../config/store.js';
import { checkProfileName } from './shared.js';

interface Imported {
  apiUrl?: string;
  token?: string;
  storageUrl?: string;
  accountEmail?: string;
}

/** Official CLI: `key=value` lines (token, uri, ...). */
export function parseOfficialCliConfig(text: string): Imported {
  const values: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const at = line.indexOf('=');
    if (at > 0) values[line.slice(0, at).trim().toLowerCase()] = line.slice(at + 1).trim();
  }
  return { apiUrl: values.uri || undefined, token: values.token || undefined, ...defined({ storageUrl: values.storage, accountEmail: values['account-email'] }) };
}

/** Python SDK: INI with [cluster] url and [client] token (or its old name, auth). */
export function parsePythonSdkConfig(text: string): Imported {
  const sections: Record<string, Record<string, string>> = {};
  let current = '';
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const section = /^\[(.+)\]$/.exec(line);
    if (section) {
      current = section[1]!.trim().toLowerCase();
      continue;
    }
    const at = line.search(/[=:]/);
    if (at > 0) (sections[current] ??= {})[line.slice(0, at).trim().toLowerCase()] = line.slice(at + 1).trim();
  }
  return {
    apiUrl: sections.cluster?.url || undefined,
    token: sections.client?.token || sections.client?.auth || undefined,
    ...defined({ storageUrl: sections.storage?.url }),
  };
}

/** Storage settings only when the file has them: the older test shapes stay as they were. */
function defined(fields: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).filter((e): e is [string, string] => Boolean(e[1])));
}

function defaultSources(env: NodeJS.ProcessEnv): string[] {
  return [env.QARNOT_LOCAL_PATH, env.QARNOT_GLOBAL_PATH, join('.Qarnot', 'cli.config'), join(homedir(), '.Qarnot', 'cli.config'), 'qarnot.conf'].filter(
    (p): p is string => Boolean(p),
  );
}

export async function run(ctx: Context, _opts: unknown, file?: string): Promise<void> {
  const path = file ?? defaultSources(ctx.env).find((p) => existsSync(p));
  if (!path) throw new UsageError('FILE: no official CLI config (~/.Qarnot/cli.config) or qarnot.conf found; give its path');
  if (!existsSync(path)) throw new UsageError(`FILE: "${path}" does not exist`);
  if (statSync(path).isDirectory()) throw new UsageError(`FILE: "${path}" is a directory, not a config file`);
  const text = readFileSync(path, 'utf8');
  const imported = /^\s*\[/m.test(text) ? parsePythonSdkConfig(text) : parseOfficialCliConfig(text);
  if (!imported.token && !imported.apiUrl) throw new UsageError(`FILE: "${path}" holds no token and no API URL`);
  registerSecret(imported.token);
  // As "config set" checks them: a URL holding credentials must not be stored, nor later listed.
  if (imported.apiUrl) imported.apiUrl = checkBaseUrl(imported.apiUrl, `the API URL in ${path}`, DEFAULT_API_URL);
  if (imported.storageUrl) imported.storageUrl = checkBaseUrl(imported.storageUrl, `the storage URL in ${path}`, 'https://storage.qarnot.com');
  const store = await ctx.config();
  const name = checkProfileName(importTarget(ctx, store));
  await store.updateProfile(name, Object.fromEntries(Object.entries(imported).filter(([, v]) => v)));
  const what = [imported.token && 'the token', imported.apiUrl && 'the API URL', imported.storageUrl && 'the storage URL', imported.accountEmail && 'the account e-mail'].filter(Boolean);
  const active = store.activeProfileName() === name;
  ctx.io.err(`Imported ${what.join(', ')} from ${path} into context "${name}"${active ? '' : `; use it with: qarnot context use ${name}`}\n`);
}

/**
 * A context named with --context (or QARNOT_CONTEXT) is the user's choice; otherwise the
 * active one only while it holds no token, else a new context "imported" (then
 * "imported-2" ...): an import never silently replaces the credentials in use.
 */
function importTarget(ctx: Context, store: ConfigStore): string {
  const named = ctx.globals.context ?? contextFromEnv(ctx.env);
  if (named !== undefined) return named;
  const active = store.activeProfileName();
  if (!store.profile(active)?.token) return active;
  let name = 'imported';
  for (let n = 2; store.profile(name); n++) name = `imported-${n}`;
  return name;
}
