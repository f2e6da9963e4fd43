import { MockAgent } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttp, type Http } from '../../src/api/http.js';
import { deleteJob } from '../../src/api/jobs.js';
import { deletePool } from '../../src/api/pools.js';
import { deleteTask } from '../../src/api/tasks.js';
import { ApiError } from '../../src/errors.js';
import { testIO } from '../helpers/io.js';
import { undiciTransport } from '../helpers/undici-transport.js';

// A DELETE whose answer is lost may have deleted the resource: its retry then gets a 404,
// which must count as success (never "not found"), for tasks, pools and jobs alike.
const ORIGIN = 'http://api.test';
let agent: MockAgent;

function client(): Http {
  agent = new MockAgent();
  agent.disableNetConnect();
  return createHttp(
    { apiUrl: ORIGIN, token: 't0ken-for-delete-tests', profile: 'default', readAs: undefined, sources: { apiUrl: 'env', token: 'env' } },
    { io: testIO(), globals: { color: false }, signal: new AbortController().signal, longRunning: false, transport: undiciTransport(agent), sleep: async () => {} },
  );
}

afterEach(async () => {
  await agent.close();
});

const lostAnswer = () => Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' });
const DELETES = [
  { what: 'task', path: '/tasks/x', run: (http: Http) => deleteTask(http, 'x') },
  { what: 'pool', path: '/pools/x', run: (http: Http) => deletePool(http, 'x') },
  { what: 'job', path: '/jobs/x', run: (http: Http) => deleteJob(http, 'x', false) },
];

describe.each(DELETES)('deleting a $what', ({ path, run }) => {
  it('a 404 after a lost answer means the first attempt deleted it: success, two requests', async () => {
    const http = client();
    const pool = agent.get(ORIGIN);
    pool.intercept({ path, method: 'DELETE' }).replyWithError(lostAnswer());
    pool.intercept({ path, method: 'DELETE' }).reply(404, { message: 'not found' });
    await expect(run(http)).resolves.toBeUndefined();
    agent.assertNoPendingInterceptors();
  });

  it('a 404 after a 503 is success too: the server may have acted before failing', async () => {
    const http = client();
    const pool = agent.get(ORIGIN);
    pool.intercept({ path, method: 'DELETE' }).reply(503, { message: 'unavailable' });
    pool.intercept({ path, method: 'DELETE' }).reply(404, { message: 'not found' });
    await expect(run(http)).resolves.toBeUndefined();
  });

  it('a 404 on the first attempt, or after a refused connection or a 429, is a real "not found"', async () => {
    const http = client();
    const pool = agent.get(ORIGIN);
    pool.intercept({ path, method: 'DELETE' }).reply(404, { message: 'not found' });
    const error = await run(http).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(404);
    pool.intercept({ path, method: 'DELETE' }).replyWithError(Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }));
    pool.intercept({ path, method: 'DELETE' }).reply(404, { message: 'not found' });
    await expect(run(http)).rejects.toThrow(/not found/);
    pool.intercept({ path, method: 'DELETE' }).reply(429, { message: 'slow down' });
    pool.intercept({ path, method: 'DELETE' }).reply(404, { message: 'not found' });
    await expect(run(http)).rejects.toThrow(/not found/);
  });

  it('sends one DELETE when answered, and does not retry a 403', async () => {
    const http = client();
    const pool = agent.get(ORIGIN);
    pool.intercept({ path, method: 'DELETE' }).reply(200, {});
    await run(http);
    pool.intercept({ path, method: 'DELETE' }).reply(403, { message: 'no' });
    pool.intercept({ path, method: 'DELETE' }).reply(200, {});
    await expect(run(http)).rejects.toThrow('no');
    expect(agent.pendingInterceptors()).toHaveLength(1);
  });
});
