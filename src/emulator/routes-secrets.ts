import type { Ctx } from './core.js';
import { route, type Route } from './router.js';
import { listUnder, normalizeKey, secretsOf } from './secrets.js';
import { ApiError, badRequest, isObj, notFound } from './util.js';

const MAX_KEY_LENGTH = 1024;
const MAX_VALUE_BYTES = 64 * 1024;

function keyOf(ctx: Ctx): string {
  const key = normalizeKey(ctx.params.key ?? '');
  if (key === '' || key.length > MAX_KEY_LENGTH || key.split('/').some((part) => part === '')) {
    throw badRequest(`Invalid secret key '${ctx.params.key ?? ''}': non-empty path segments separated by "/", at most ${MAX_KEY_LENGTH} characters.`);
  }
  return key;
}

function valueOf(ctx: Ctx): string {
  const value = isObj(ctx.body) ? ctx.body.value : undefined;
  if (typeof value !== 'string') throw badRequest("Invalid body: expected {\"value\": \"...\"}.");
  if (Buffer.byteLength(value) > MAX_VALUE_BYTES) throw badRequest(`Secret value too large (max ${MAX_VALUE_BYTES} bytes).`);
  return value;
}

const missing = (key: string) => notFound(`Secret not found: ${key}`);

// Secrets are not part of the saved state: writing them neither waits for a save nor needs one.
const IN_MEMORY = { saves: false };

export function secretsRoutes(): Route[] {
  return [
    route('GET', '/secrets-manager/data/{key*}', (ctx) => {
      const key = keyOf(ctx);
      const value = secretsOf(ctx.acc).get(key);
      if (value === undefined) throw missing(key);
      return { json: { value } };
    }),
    route('PUT', '/secrets-manager/data/{key*}', (ctx) => {
      const key = keyOf(ctx);
      const value = valueOf(ctx);
      const store = secretsOf(ctx.acc);
      if (store.has(key)) throw new ApiError(409, `Secret already exists: ${key}`);
      store.set(key, value);
      return {};
    }, IN_MEMORY),
    route('PATCH', '/secrets-manager/data/{key*}', (ctx) => {
      const key = keyOf(ctx);
      const value = valueOf(ctx);
      const store = secretsOf(ctx.acc);
      if (!store.has(key)) throw missing(key);
      store.set(key, value);
      return {};
    }, IN_MEMORY),
    route('DELETE', '/secrets-manager/data/{key*}', (ctx) => {
      const key = keyOf(ctx);
      if (!secretsOf(ctx.acc).delete(key)) throw missing(key);
      return {};
    }, IN_MEMORY),
    route('GET', '/secrets-manager/search', (ctx) => ({ json: { keys: listUnder(ctx.acc, '') } })),
    route('GET', '/secrets-manager/search/{prefix*}', (ctx) => ({ json: { keys: listUnder(ctx.acc, ctx.params.prefix ?? '') } })),
  ];
}
