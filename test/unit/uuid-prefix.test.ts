import { describe, expect, it } from 'vitest';
import type { Http } from '../../src/api/http.js';
import { expandUuidPrefix, isUuidPrefix } from '../../src/api/uuid-prefix.js';
import { ApiError, UsageError } from '../../src/errors.js';

const A = '7e68b49c-1111-4aaa-8aaa-000000000001';
const B = '7e68b49c-2222-4bbb-8bbb-000000000002';

/** An API whose task search answers `found` (or throws it), counting the searches. */
function api(found: unknown[] | Error): Http & { searches: number } {
  const fake = {
    searches: 0,
    json: async () => {
      fake.searches++;
      if (found instanceof Error) throw found;
      return found;
    },
  };
  return fake as unknown as Http & { searches: number };
}

describe('uuid prefixes', () => {
  it('are 4 to 35 characters shaped like the start of a uuid', () => {
    expect(['7e68', '7E68B49C', '7e68b49c-', '7e68b49c-1111-4'].every(isUuidPrefix)).toBe(true);
    expect(['7e6', 'my-task', 'deadbeefcafe', A, '7e68b49c--1'].some(isUuidPrefix)).toBe(false);
  });

  it('one match: the path takes its uuid, searched once per prefix', async () => {
    const http = api([{ uuid: A, name: 'a' }, { uuid: `x${A.slice(1)}`, name: 'looser Like match' }]);
    const known = new Map<string, Promise<string>>();
    expect(await expandUuidPrefix(http, '/tasks/7e68b49/stdout', known)).toBe(`/tasks/${A}/stdout`);
    expect(await expandUuidPrefix(http, '/carbon/v1/tasks/7E68B49/carbon-facts', known)).toBe(`/carbon/v1/tasks/${A}/carbon-facts`);
    expect(http.searches).toBe(1);
  });

  it('several: exit 2 listing them', async () => {
    const error = await expandUuidPrefix(api([{ uuid: A, name: 'first' }, { uuid: B }]), '/tasks/7e68b49c', new Map()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).message).toBe(`"7e68b49c" is the start of several task uuids: ${A} (first), ${B}; give more of the uuid`);
  });

  it('left as typed: a shortname equal to it, no match, a search the API refuses, what is no prefix', async () => {
    expect(await expandUuidPrefix(api([{ uuid: A, shortname: '7e68' }, { uuid: B }]), '/pools/7e68', new Map())).toBe('/pools/7e68');
    expect(await expandUuidPrefix(api([]), '/jobs/7e68', new Map())).toBe('/jobs/7e68');
    expect(await expandUuidPrefix(api(new ApiError('bad filter', 400, 'POST', '/tasks/search')), '/tasks/7e68', new Map())).toBe('/tasks/7e68');
    const http = api([]);
    for (const path of ['/tasks/search', '/tasks/paginate', '/tasks/my-task', `/tasks/${A}`, '/projects/7e68']) expect(await expandUuidPrefix(http, path, new Map())).toBe(path);
    expect(http.searches).toBe(0);
  });

  it('searches for an upper-case prefix in lower case, as the API writes uuids', async () => {
    const bodies: unknown[] = [];
    const http = { json: async (request: { body: unknown }) => (bodies.push(request.body), [{ uuid: A }]) } as unknown as Http;
    expect(await expandUuidPrefix(http, '/tasks/7E68B49C', new Map())).toBe(`/tasks/${A}`);
    expect(JSON.stringify(bodies[0])).toContain('{"field":"Uuid","operator":"Like","value":"7e68b49c*"}');
  });
});
