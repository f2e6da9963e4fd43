import { ApiError } from '../errors.js';
import type { Http } from './http.js';
import { anObject, arrayOf, CREATED, objectWith, orNothing } from './answers.js';
import type { BulkItem, Filter, SearchRequest, SnapshotStatus, Task, Uuid } from './types.js';
export { TASK_FINAL_STATES, TASK_STATES } from './states.js';

const base = (id: string) => `/tasks/${encodeURIComponent(id)}`;
const notFound = (id: string) => `task "${id}" not found`;
/** Its uuid names it, its state drives every wait. */
const A_TASK = objectWith('uuid', 'state');

export const TASKS_PAGINATE = '/tasks/paginate';
export const TASK_SUMMARIES_PAGINATE = '/tasks/summaries/paginate';

export function getTask(http: Http, id: string): Promise<Task> {
  return http.json({ method: 'GET', path: base(id), retry: 'idempotent', read: true, notFound: notFound(id), answer: A_TASK });
}

export function searchTasks(http: Http, request: SearchRequest): Promise<Task[]> {
  return http.json({ method: 'POST', path: '/tasks/search', body: request, retry: 'idempotent', read: true, answer: arrayOf(anObject) });
}

export function createTask(http: Http, body: Record<string, unknown>): Promise<Uuid> {
  return http.json({ method: 'POST', path: '/tasks', body, retry: 'create', answer: CREATED });
}

/** Bulk submission: one answer per item, in order. */
export function createTasks(http: Http, bodies: Record<string, unknown>[]): Promise<BulkItem[]> {
  return http.json({ method: 'POST', path: '/tasks', body: bodies, retry: 'create', answer: arrayOf(anObject) });
}

export type RerunKind = 'clone' | 'retry' | 'recover' | 'resume';

/** clone / retry / recover / resume: a new task over some of the source's instances. */
export function rerunTask(http: Http, kind: RerunKind, id: string, overrides: Record<string, unknown>): Promise<Uuid> {
  return http.json({ method: 'POST', path: `${base(id)}/${kind}`, body: overrides, retry: 'create', notFound: notFound(id), answer: CREATED });
}

export async function updateTask(http: Http, id: string, update: { constants?: { key: string; value: string }[]; tags?: string[] }): Promise<void> {
  await http.send({ method: 'PUT', path: base(id), body: update, retry: 'idempotent', notFound: notFound(id) });
}

export async function syncTaskResources(http: Http, id: string): Promise<void> {
  await http.send({ method: 'PATCH', path: base(id), retry: 'idempotent', notFound: notFound(id) });
}

/** Where an abort leads: aborting again is refused (403), yet what was asked is done. */
const ABORTED_STATES = new Set(['PendingCancel', 'Cancelled']);

/**
 * An abort refused because the task is already aborted succeeds: a retry whose first
 * attempt acted but lost its answer, or an abort run again, must not report a failure.
 */
export async function abortTask(http: Http, id: string): Promise<void> {
  try {
    await http.send({ method: 'POST', path: `${base(id)}/abort`, retry: 'idempotent', notFound: notFound(id) });
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 403)) throw error;
    const task = await getTask(http, id).catch(() => undefined);
    if (!task || !ABORTED_STATES.has(task.state)) throw error;
  }
}

/** `purge`: also delete its resource and result buckets, as Qarnot's SDKs ask for them. */
export async function deleteTask(http: Http, id: string, purge = false): Promise<void> {
  const query = purge ? { purgeResources: true, purgeResults: true } : undefined;
  await http.send({ method: 'DELETE', path: base(id), query, retry: 'idempotent', deletes: true, notFound: notFound(id) });
}

export type Stream = 'stdout' | 'stderr';

/** The whole (rotating) buffer, task-level with `N> ` prefixes or one instance's. */
export function readOutput(http: Http, id: string, stream: Stream, instance?: number): Promise<string> {
  const path = `${base(id)}/${stream}${instance === undefined ? '' : `/${instance}`}`;
  return http.text({ method: 'GET', path, retry: 'idempotent', read: true, notFound: notFoundOutput(id, instance) });
}

/**
 * Only what is new since the previous fresh read: advances a cursor on the
 * server, so it is never retried once it may have been answered.
 */
export function readFreshOutput(http: Http, id: string, stream: Stream, instance?: number): Promise<string> {
  const path = `${base(id)}/${stream}${instance === undefined ? '' : `/${instance}`}`;
  return http.text({ method: 'POST', path, retry: 'once', notFound: notFoundOutput(id, instance) });
}

function notFoundOutput(id: string, instance: number | undefined): string {
  return instance === undefined ? notFound(id) : `task "${id}" or its instance ${instance} not found`;
}

export interface SnapshotFilters {
  whitelist?: string;
  blacklist?: string;
  bucket?: string;
  bucketPrefix?: string;
}

export function snapshotTask(http: Http, id: string, filters: SnapshotFilters): Promise<{ id?: string } | undefined> {
  return http.json({ method: 'POST', path: `${base(id)}/snapshot`, body: filters, retry: 'create', notFound: notFound(id), answer: orNothing(anObject) });
}

export async function periodicSnapshot(http: Http, id: string, interval: number, filters: SnapshotFilters): Promise<void> {
  await http.send({ method: 'POST', path: `${base(id)}/snapshot/periodic`, body: { interval, ...filters }, retry: 'idempotent', notFound: notFound(id) });
}

export function snapshotStatus(http: Http, id: string, snapshotId: string): Promise<SnapshotStatus> {
  return http.json({
    method: 'GET',
    path: `${base(id)}/snapshot/${encodeURIComponent(snapshotId)}`,
    retry: 'idempotent',
    read: true,
    notFound: `snapshot "${snapshotId}" of task "${id}" not found`,
  });
}

export type { Filter };
