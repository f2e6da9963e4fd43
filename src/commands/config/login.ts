import { checkAuth } from '../../api/account.js';
import { createHttp } from '../../api/http.js';
import { DEFAULT_API_URL } from '../../config/resolve.js';
import { checkBaseUrl } from '../../config/url.js';
import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { registerSecret } from '../../lib/secrets.js';
import { readHidden, readAllStdin } from '../../lib/prompt.js';
import { checkProfileName, targetProfile, warnEnvironmentToken } from './shared.js';

interface LoginOptions {
  withToken?: boolean;
  check: boolean;
}

export async function run(ctx: Context, opts: LoginOptions, tokenArgument?: string): Promise<void> {
  if (tokenArgument !== undefined) {
    throw new UsageError('a token given as an argument stays in your shell history; pipe it instead: qarnot login --with-token < token.txt');
  }
  const store = await ctx.config();
  const profile = checkProfileName(targetProfile(ctx, store));
  const existing = store.profile(profile) ?? {};
  let token: string;
  // --with-token on a terminal (nothing piped): the token would be echoed as it is pasted.
  if (opts.withToken && !ctx.io.stdinIsTTY) {
    token = (await readAllStdin(ctx.io.stdin)).trim();
  } else if (ctx.io.canPrompt()) {
    token = (await readHidden(ctx.io.stdin, ctx.io.stderr, 'Paste your Qarnot API token: ', ctx.signal)).trim();
  } else {
    throw new UsageError('not a terminal: pass the token on stdin with --with-token, or set QARNOT_CLIENT_TOKEN');
  }
  if (token === '') throw new UsageError('the token is empty');
  if (/\s/.test(token)) throw new UsageError('the token must not contain spaces or line breaks');
  registerSecret(token);
  // The usual precedence (flag, environment, stored, default); the URL is stored with the
  // token, so that the token is never paired with another server than the one it was checked on.
  const fromEnv = ctx.globals.apiUrl === undefined && ctx.env.QARNOT_CLUSTER_URL !== undefined && ctx.env.QARNOT_CLUSTER_URL !== '';
  const origin = ctx.globals.apiUrl !== undefined ? '--api-url' : fromEnv ? 'QARNOT_CLUSTER_URL' : "the context's api-url";
  // Checked before anything is sent or stored: a URL with credentials would be written
  // to the file and printed below, an ftp:// one stored for every later command to refuse.
  const apiUrl = checkBaseUrl(ctx.globals.apiUrl ?? (fromEnv ? ctx.env.QARNOT_CLUSTER_URL : undefined) ?? existing.apiUrl ?? DEFAULT_API_URL, origin, DEFAULT_API_URL);
  if (opts.check) {
    const http = createHttp(
      { apiUrl, token, profile, readAs: undefined, sources: { apiUrl: 'flag', token: 'flag' } },
      { io: ctx.io, globals: ctx.globals, signal: ctx.signal, longRunning: false },
    );
    await checkAuth(http, apiUrl);
  }
  await store.updateProfile(profile, { apiUrl, token });
  if (Object.keys(store.profiles()).length === 1) await store.setActiveProfile(profile);
  const source = fromEnv ? ' (from QARNOT_CLUSTER_URL)' : '';
  ctx.io.err(`Logged in to ${apiUrl}${source} as context "${profile}"${opts.check ? '' : ' (token not checked)'}; token and URL stored in ${store.path}\n`);
  warnEnvironmentToken(ctx);
}
