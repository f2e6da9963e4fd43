// The secrets manager (/secrets-manager). Keys are paths ("db/password"); each segment is
// encoded on its own so the slashes stay path separators. Values only travel in bodies,
// which the --verbose trace never prints.
import { ApiError } from '../errors.js';
import type { Http } from './http.js';

export const normalizeSecretKey = (key: string): string => key.replace(/^\/+|\/+$/g, '');

const dataPath = (key: string) => `/secrets-manager/data/${normalizeSecretKey(key).split('/').map(encodeURIComponent).join('/')}`;
const notFound = (key: string) => `secret "${key}" not found; list them with "qarnot secret list"`;

export async function getSecret(http: Http, key: string): Promise<string> {
  const body = await http.json<{ value?: unknown }>({ method: 'GET', path: dataPath(key), retry: 'idempotent', read: true, notFound: notFound(key) });
  return typeof body.value === 'string' ? body.value : '';
}

/** Creates the secret; ApiError 409 when it exists. */
export async function createSecret(http: Http, key: string, value: string): Promise<void> {
  await http.send({ method: 'PUT', path: dataPath(key), body: { value }, retry: 'idempotent', createsOnce: true });
}

export async function updateSecret(http: Http, key: string, value: string): Promise<void> {
  await http.send({ method: 'PATCH', path: dataPath(key), body: { value }, retry: 'idempotent', notFound: notFound(key) });
}

/** Creates the secret or replaces its value; returns what it did. */
export async function putSecret(http: Http, key: string, value: string): Promise<'created' | 'updated'> {
  try {
    await createSecret(http, key, value);
    return 'created';
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 409) throw error;
  }
  await updateSecret(http, key, value);
  return 'updated';
}

export async function deleteSecret(http: Http, key: string): Promise<void> {
  await http.send({ method: 'DELETE', path: dataPath(key), retry: 'idempotent', deletes: true, notFound: notFound(key) });
}

/** The names directly under a prefix, as full keys; folders end with "/". */
export async function listSecretsUnder(http: Http, prefix: string): Promise<string[]> {
  const base = normalizeSecretKey(prefix);
  const path = base ? `/secrets-manager/search/${base.split('/').map(encodeURIComponent).join('/')}` : '/secrets-manager/search';
  const body = await http.json<{ keys?: string[] | null }>({ method: 'GET', path, retry: 'idempotent', read: true });
  return (body.keys ?? []).map((k) => (base ? `${base}/${k}` : k));
}

/** Every secret key under a prefix, folders walked (no folder entries). */
export async function listSecretsRecursive(http: Http, prefix: string): Promise<string[]> {
  const out: string[] = [];
  const pending = [normalizeSecretKey(prefix)];
  while (pending.length) {
    const names = await listSecretsUnder(http, pending.shift()!);
    for (const name of names) (name.endsWith('/') ? pending : out).push(name.endsWith('/') ? name.slice(0, -1) : name);
  }
  return out.sort();
}
