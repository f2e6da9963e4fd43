import type { Http } from './http.js';
import { ApiError, BadAnswerError, CliError } from '../errors.js';
import { anArray, aPage } from './answers.js';
import type { HardwareConstraint, OffsetPage, Profile, UserInfo } from './types.js';

/**
 * Checks that the server is Qarnot's Compute API and the token valid: GET /info must
 * answer the account (any server answering 200 on GET / would otherwise get the token).
 */
export async function checkAuth(http: Http, apiUrl: string): Promise<UserInfo> {
  let info: unknown;
  try {
    info = await http.json({ method: 'GET', path: '/info', retry: 'idempotent', read: true });
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) info = undefined;
    else if (error instanceof BadAnswerError) info = undefined;
    else throw error;
  }
  if (!info || typeof info !== 'object' || typeof (info as UserInfo).email !== 'string') {
    throw new CliError(`${apiUrl} does not answer as Qarnot's Compute API (no account at GET /info); check the URL (--api-url or QARNOT_CLUSTER_URL)`);
  }
  return info as UserInfo;
}

export function userInfo(http: Http): Promise<UserInfo> {
  return http.json({ method: 'GET', path: '/info', retry: 'idempotent', read: true });
}

export function apiSettings(http: Http): Promise<Record<string, string | null>> {
  return http.json({ method: 'GET', path: '/settings', retry: 'idempotent', read: true });
}

export function apiVersions(http: Http): Promise<{ version: string; endOfLife: string | null }[]> {
  return http.json({ method: 'GET', path: '/versions', retry: 'idempotent', read: true, answer: anArray });
}

export function apiStatus(http: Http): Promise<Record<string, unknown>> {
  return http.json({ method: 'GET', path: '/status', retry: 'idempotent', read: true });
}

export function profileNames(http: Http): Promise<string[]> {
  return http.json({ method: 'GET', path: '/profiles', retry: 'idempotent', read: true, answer: anArray });
}

export function profileDetails(http: Http, name: string): Promise<Profile> {
  return http.json({
    method: 'GET',
    path: `/profiles/${encodeURIComponent(name)}`,
    retry: 'idempotent',
    read: true,
    notFound: `profile "${name}" not found; list them with "qarnot profile list"`,
  });
}

const HARDWARE_PAGE = 50;

/** Every hardware constraint, page after page (the API caps pages at 50). */
export async function* hardwareConstraints(http: Http): AsyncGenerator<HardwareConstraint[]> {
  for (let offset = 0; ; offset += HARDWARE_PAGE) {
    const page = await http.json<OffsetPage<HardwareConstraint>>({
      method: 'GET',
      path: '/hardware-constraints',
      query: { Limit: HARDWARE_PAGE, Offset: offset },
      retry: 'idempotent',
      read: true,
      answer: aPage,
    });
    const data = page.data ?? [];
    if (data.length) yield data;
    if (data.length === 0 || !(offset + data.length < page.total)) return;
  }
}

export function searchCpuModel(http: Http, cpuModel: string): Promise<HardwareConstraint[]> {
  return http.json({
    method: 'GET',
    path: '/hardware-constraints/cpu-model-constraints/search',
    query: { cpuModel },
    retry: 'idempotent',
    read: true,
    notFound: `no CPU model matches "${cpuModel}"`,
    answer: anArray,
  });
}
