import type { Http } from './http.js';
import { anObject, arrayOf, CREATED, objectWith } from './answers.js';
import type { Job, Pool, Scaling, SearchRequest, Task, Uuid } from './types.js';
import type { Stream } from './tasks.js';
export { POOL_FINAL_STATES, POOL_STATES } from './states.js';

const base = (id: string) => `/pools/${encodeURIComponent(id)}`;
const notFound = (id: string) => `pool "${id}" not found`;
const A_POOL = objectWith('uuid', 'state');

export const POOLS_PAGINATE = '/pools/paginate';
export const POOL_SUMMARIES_PAGINATE = '/pools/summaries/paginate';

export function getPool(http: Http, id: string): Promise<Pool> {
  return http.json({ method: 'GET', path: base(id), retry: 'idempotent', read: true, notFound: notFound(id), answer: A_POOL });
}

export function searchPools(http: Http, request: SearchRequest): Promise<Pool[]> {
  return http.json({ method: 'POST', path: '/pools/search', body: request, retry: 'idempotent', read: true, answer: arrayOf(anObject) });
}

export function createPool(http: Http, body: Record<string, unknown>): Promise<Uuid> {
  return http.json({ method: 'POST', path: '/pools', body, retry: 'create', answer: CREATED });
}

export function clonePool(http: Http, id: string, overrides: Record<string, unknown>): Promise<Uuid> {
  return http.json({ method: 'POST', path: `${base(id)}/clone`, body: overrides, retry: 'create', notFound: notFound(id), answer: CREATED });
}

export async function closePool(http: Http, id: string): Promise<void> {
  await http.send({ method: 'POST', path: `${base(id)}/close`, retry: 'idempotent', notFound: notFound(id) });
}

/** `purge`: also delete its resource buckets. */
export async function deletePool(http: Http, id: string, purge = false): Promise<void> {
  await http.send({ method: 'DELETE', path: base(id), query: purge ? { purgeResources: true } : undefined, retry: 'idempotent', deletes: true, notFound: notFound(id) });
}

export async function updatePool(http: Http, id: string, update: Record<string, unknown>): Promise<void> {
  await http.send({ method: 'PUT', path: base(id), body: update, retry: 'idempotent', notFound: notFound(id) });
}

export async function syncPoolResources(http: Http, id: string): Promise<void> {
  await http.send({ method: 'PATCH', path: base(id), retry: 'idempotent', notFound: notFound(id) });
}

export function poolTasks(http: Http, id: string): Promise<Task[]> {
  return http.json({ method: 'GET', path: `${base(id)}/tasks`, retry: 'idempotent', read: true, notFound: notFound(id), answer: arrayOf(anObject) });
}

export function poolJobs(http: Http, id: string): Promise<Job[]> {
  return http.json({ method: 'GET', path: `${base(id)}/jobs`, retry: 'idempotent', read: true, notFound: notFound(id), answer: arrayOf(anObject) });
}

export function readPoolOutput(http: Http, id: string, stream: Stream, instance?: number): Promise<string> {
  const path = `${base(id)}/${stream}${instance === undefined ? '' : `/${instance}`}`;
  return http.text({ method: 'GET', path, retry: 'idempotent', read: true, notFound: notFound(id) });
}

export function readFreshPoolOutput(http: Http, id: string, stream: Stream, instance?: number): Promise<string> {
  const path = `${base(id)}/${stream}${instance === undefined ? '' : `/${instance}`}`;
  return http.text({ method: 'POST', path, retry: 'once', notFound: notFound(id) });
}

export function getScaling(http: Http, id: string): Promise<Scaling> {
  return http.json({ method: 'GET', path: `${base(id)}/scaling`, retry: 'idempotent', read: true, notFound: notFound(id) });
}

export async function setScaling(http: Http, id: string, scaling: { policies: unknown[] }): Promise<void> {
  await http.send({ method: 'PUT', path: `${base(id)}/scaling`, body: scaling, retry: 'idempotent', notFound: notFound(id) });
}

/**
 * The sanity-check endpoint. Resolves with the problems it found (empty when
 * valid) instead of throwing on its 400 answer.
 */
export async function checkScaling(http: Http, scaling: { policies: unknown[] }): Promise<{ path: string; message: string }[]> {
  try {
    await http.send({ method: 'POST', path: '/sanity-checks/pools/scaling', body: scaling, retry: 'idempotent' });
    return [];
  } catch (error) {
    const e = error as { status?: number; body?: unknown };
    if (e.status !== 400) throw error;
    return validationProblems(e.body);
  }
}

/** The problems of a 400 ValidationProblemDetails body, one per message, keyed by JSON path. */
export function validationProblems(errorBody: unknown): { path: string; message: string }[] {
  const body = (errorBody ?? {}) as { errors?: Record<string, string[] | string>; detail?: string; title?: string; message?: string };
  const problems: { path: string; message: string }[] = [];
  for (const [path, messages] of Object.entries(body.errors ?? {})) {
    for (const message of Array.isArray(messages) ? messages : [messages]) problems.push({ path, message });
  }
  if (!problems.length) problems.push({ path: '', message: body.detail ?? body.message ?? body.title ?? 'invalid scaling' });
  return problems;
}
