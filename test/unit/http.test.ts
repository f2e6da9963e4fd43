import { MockAgent } from 'undici';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiMessage, createHttp, type Http } from '../../src/api/http.js';
import { ApiError, ExitCode, NetworkError, TimeoutError } from '../../src/errors.js';
import { registerSecret } from '../../src/lib/secrets.js';
import { testIO } from '../helpers/io.js';
import { undiciTransport } from '../helpers/undici-transport.js';

const ORIGIN = 'http://api.test';
const TOKEN = 'secret-token-1234567890';

let agent: MockAgent | undefined;

function client(opts: { verbose?: boolean } = {}): { http: Http; io: ReturnType<typeof testIO>; agent: MockAgent } {
  const mock = new MockAgent();
  mock.disableNetConnect();
  agent = mock;
  const io = testIO();
  registerSecret(TOKEN);
  const http = createHttp(
    { apiUrl: ORIGIN, token: TOKEN, profile: 'default', readAs: undefined, sources: { apiUrl: 'env', token: 'env' } },
    {
      io,
      globals: { color: false, verbose: opts.verbose },
      signal: new AbortController().signal,
      longRunning: false,
      transport: undiciTransport(mock),
      sleep: async () => {},
    },
  );
  return { http, io, agent: mock };
}

afterEach(async () => {
  await agent?.close();
  agent = undefined;
});

describe('Http', () => {
  it('sends the raw token and a user agent, and parses JSON', async () => {
    const { http, agent } = client();
    agent
      .get(ORIGIN)
      .intercept({ path: '/tasks/abc', method: 'GET', headers: { authorization: TOKEN, 'user-agent': /^qarnot-cli\// } })
      .reply(200, { uuid: 'abc' });
    await expect(http.json({ method: 'GET', path: '/tasks/abc', retry: 'idempotent' })).resolves.toEqual({ uuid: 'abc' });
  });

  it('retries a GET after 503 and 429', async () => {
    const { http, agent } = client();
    const pool = agent.get(ORIGIN);
    pool.intercept({ path: '/info', method: 'GET' }).reply(503, { message: 'busy' });
    pool.intercept({ path: '/info', method: 'GET' }).reply(429, { message: 'slow down' }, { headers: { 'retry-after': '1' } });
    pool.intercept({ path: '/info', method: 'GET' }).reply(200, { email: 'a@b' });
    await expect(http.json({ method: 'GET', path: '/info', retry: 'idempotent' })).resolves.toEqual({ email: 'a@b' });
    agent.assertNoPendingInterceptors();
  });

  it('never retries a create after a 503: it may have been created', async () => {
    const { http, agent } = client();
    const pool = agent.get(ORIGIN);
    pool.intercept({ path: '/tasks', method: 'POST' }).reply(503, { message: 'unavailable' });
    pool.intercept({ path: '/tasks', method: 'POST' }).reply(200, { uuid: 'second' });
    const error = await http.json({ method: 'POST', path: '/tasks', body: {}, retry: 'create' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).exitCode).toBe(ExitCode.Failure);
    expect(agent.pendingInterceptors()).toHaveLength(1);
  });

  it('retries a create refused with 429', async () => {
    const { http, agent } = client();
    const pool = agent.get(ORIGIN);
    pool.intercept({ path: '/tasks', method: 'POST' }).reply(429, { message: 'slow' }, { headers: { 'retry-after': '0' } });
    pool.intercept({ path: '/tasks', method: 'POST' }).reply(200, { uuid: 'created' });
    await expect(http.json({ method: 'POST', path: '/tasks', body: {}, retry: 'create' })).resolves.toEqual({ uuid: 'created' });
  });

  it('does not retry a create after a connection reset, and says it may exist', async () => {
    const { http, agent } = client();
    const reset = Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' });
    agent.get(ORIGIN).intercept({ path: '/tasks', method: 'POST' }).replyWithError(reset);
    const error = await http.json({ method: 'POST', path: '/tasks', body: {}, retry: 'create' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as Error).message).toMatch(/may have been received/);
  });

  it('refuses to wait for a Retry-After over a minute, with a clear message', async () => {
    const { http, agent } = client();
    agent.get(ORIGIN).intercept({ path: '/info', method: 'GET' }).reply(429, {}, { headers: { 'retry-after': '600' } });
    await expect(http.json({ method: 'GET', path: '/info', retry: 'idempotent' })).rejects.toThrow(/retry in 600 s/);
  });

  it('maps 401 to exit 4, 404 to exit 3 with the caller message', async () => {
    const { http, agent } = client();
    const pool = agent.get(ORIGIN);
    pool.intercept({ path: '/info', method: 'GET' }).reply(401, { message: 'Invalid token' });
    pool.intercept({ path: '/tasks/x', method: 'GET' }).reply(404, { message: 'nope' });
    const auth = (await http.json({ method: 'GET', path: '/info', retry: 'idempotent' }).catch((e: unknown) => e)) as ApiError;
    expect(auth.exitCode).toBe(ExitCode.Auth);
    expect(auth.message).toMatch(/qarnot login/);
    const missing = (await http.json({ method: 'GET', path: '/tasks/x', retry: 'idempotent', notFound: 'task "x" not found' }).catch((e: unknown) => e)) as ApiError;
    expect(missing.exitCode).toBe(ExitCode.NotFound);
    expect(missing.message).toBe('task "x" not found');
  });

  it('puts an error message written over several lines on one', async () => {
    const { http, agent } = client();
    agent.get(ORIGIN).intercept({ path: '/tasks', method: 'POST' }).reply(400, { message: 'Invalid body:\r\n  name is required\n  profile is unknown' });
    const error = (await http.json({ method: 'POST', path: '/tasks', body: {}, retry: 'create' }).catch((e: unknown) => e)) as ApiError;
    expect(error.message).toBe('Invalid body: name is required profile is unknown (HTTP 400)');
  });

  it('traces requests with --verbose and never shows the token', async () => {
    const { http, io, agent } = client({ verbose: true });
    agent.get(ORIGIN).intercept({ path: `/tasks/${TOKEN}`, method: 'GET' }).reply(200, {});
    await http.json({ method: 'GET', path: `/tasks/${TOKEN}`, retry: 'idempotent' });
    expect(io.stderrText()).toMatch(/> GET http:\/\/api.test\/tasks\/\*\*\*/);
    expect(io.stderrText()).toMatch(/< 200 GET/);
    expect(io.stderrText()).not.toContain(TOKEN);
  });

  it('sends the read-only header only on reads when --as is set', async () => {
    const mock = new MockAgent();
    mock.disableNetConnect();
    agent = mock;
    const http = createHttp(
      { apiUrl: ORIGIN, token: TOKEN, profile: 'p', readAs: 'bob@example.com', sources: { apiUrl: 'env', token: 'env' } },
      { io: testIO(), globals: { color: false }, signal: new AbortController().signal, longRunning: false, transport: undiciTransport(mock) },
    );
    mock.get(ORIGIN).intercept({ path: '/tasks/a', method: 'GET', headers: { qarnotreadonlyrequestforaccount: 'bob@example.com' } }).reply(200, {});
    await http.json({ method: 'GET', path: '/tasks/a', retry: 'idempotent', read: true });
    mock.assertNoPendingInterceptors();
  });
});

describe('apiMessage', () => {
  it('reads every error shape the API uses', () => {
    expect(apiMessage('{"message":"Invalid fields: name"}').message).toBe('Invalid fields: name');
    expect(apiMessage('{"error":{"message":"nested"}}').message).toBe('nested');
    expect(apiMessage('{"title":"Model validation error","errors":{"policies[0].name":["required"]}}').message).toBe(
      'Model validation error; policies[0].name: required',
    );
    expect(apiMessage('plain text failure').message).toBe('plain text failure');
  });
});

describe('the default deadline', () => {
  it('ends a command that makes no progress for 2 minutes, not a walk that keeps receiving pages', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const { http, agent } = client();
      agent.get(ORIGIN).intercept({ path: '/info', method: 'GET' }).reply(200, { email: 'a@b' }).times(2);
      vi.advanceTimersByTime(100_000);
      http.progress(); // a page arrived
      vi.advanceTimersByTime(100_000);
      // 200 s since the start, 100 s since the last progress: still going.
      await expect(http.json({ method: 'GET', path: '/info', retry: 'idempotent' })).resolves.toEqual({ email: 'a@b' });
      vi.advanceTimersByTime(21_000);
      await expect(http.json({ method: 'GET', path: '/info', retry: 'idempotent' })).rejects.toBeInstanceOf(TimeoutError);
    } finally {
      vi.useRealTimers();
    }
  });
});
