import type { Http } from './http.js';
import { anObject, arrayOf, CREATED, objectWith } from './answers.js';
import type { Job, SearchRequest, Task, Uuid } from './types.js';
export { JOB_FINAL_STATES, JOB_STATES } from './states.js';

const base = (id: string) => `/jobs/${encodeURIComponent(id)}`;
const notFound = (id: string) => `job "${id}" not found`;
const A_JOB = objectWith('uuid', 'state');

export const JOBS_PAGINATE = '/jobs/paginate';

export function getJob(http: Http, id: string): Promise<Job> {
  return http.json({ method: 'GET', path: base(id), retry: 'idempotent', read: true, notFound: notFound(id), answer: A_JOB });
}

export function searchJobs(http: Http, request: SearchRequest): Promise<Job[]> {
  return http.json({ method: 'POST', path: '/jobs/search', body: request, retry: 'idempotent', read: true, answer: arrayOf(anObject) });
}

export function createJob(http: Http, body: Record<string, unknown>): Promise<Uuid> {
  return http.json({ method: 'POST', path: '/jobs', body, retry: 'create', answer: CREATED });
}

export async function terminateJob(http: Http, id: string): Promise<void> {
  await http.send({ method: 'POST', path: `${base(id)}/terminate`, retry: 'idempotent', notFound: notFound(id) });
}

export async function deleteJob(http: Http, id: string, force: boolean): Promise<void> {
  await http.send({ method: 'DELETE', path: base(id), query: force ? { force: true } : undefined, retry: 'idempotent', deletes: true, notFound: notFound(id) });
}

export function jobTasks(http: Http, id: string): Promise<Task[]> {
  return http.json({ method: 'GET', path: `${base(id)}/tasks`, retry: 'idempotent', read: true, notFound: notFound(id), answer: arrayOf(anObject) });
}
