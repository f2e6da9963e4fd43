import { describe, expect, it } from 'vitest';
import type { Http, RequestSpec } from '../../src/api/http.js';
import { deleteTask } from '../../src/api/tasks.js';
import { ApiError, NetworkError } from '../../src/errors.js';

const FAST = { maxRetries: 3, baseDelayMs: 0, maxDelayMs: 0, maxRetryAfterMs: 0 };

function fakeHttp(answers: (Error | 'ok')[]): { http: Http; specs: RequestSpec[] } {
  const specs: RequestSpec[] = [];
  const http = {
    send: async (spec: RequestSpec) => {
      specs.push(spec);
      const answer = answers.shift();
      if (answer === undefined) throw new Error('unexpected extra request');
      if (answer !== 'ok') throw answer;
      return { status: 200, headers: {}, text: '' };
    },
  } as unknown as Http;
  return { http, specs };
}

const notFound = () => new ApiError('task "t" not found', 404, 'DELETE', '/tasks/t');

describe('deleteTask', () => {
  it('a 404 on a retry after a lost answer means the first attempt deleted it: success', async () => {
    const { http, specs } = fakeHttp([new NetworkError('socket hang up'), notFound()]);
    await expect(deleteTask(http, 't', FAST)).resolves.toBeUndefined();
    expect(specs).toHaveLength(2);
    // The HTTP layer must not retry on its own, or a 404 could not be told apart.
    expect(specs[0]!.retry).toBe('once');
  });

  it('retries a 503 and succeeds', async () => {
    const { http, specs } = fakeHttp([new ApiError('unavailable', 503, 'DELETE', '/tasks/t'), 'ok']);
    await deleteTask(http, 't', FAST);
    expect(specs).toHaveLength(2);
  });

  it('a 404 on the first attempt is a real "not found"', async () => {
    const { http } = fakeHttp([notFound()]);
    await expect(deleteTask(http, 't', FAST)).rejects.toThrow('not found');
  });

  it('sends nothing more once answered', async () => {
    const { http, specs } = fakeHttp(['ok']);
    await deleteTask(http, 't', FAST);
    expect(specs).toHaveLength(1);
  });

  it('gives up after the retries, and does not retry what is not transient', async () => {
    const down = () => new NetworkError('down');
    await expect(deleteTask(fakeHttp([down(), down(), down(), down()]).http, 't', FAST)).rejects.toThrow('down');
    const forbidden = fakeHttp([new ApiError('no', 403, 'DELETE', '/tasks/t')]);
    await expect(deleteTask(forbidden.http, 't', FAST)).rejects.toThrow('no');
    expect(forbidden.specs).toHaveLength(1);
  });
});
