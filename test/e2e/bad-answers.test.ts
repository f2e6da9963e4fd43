import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

/**
 * A server that answers 200 with what the client cannot use (issue 16 #17): each is one
 * "bad answer from the API" line and exit 1; a page token that comes back ends the walk
 * instead of repeating pages forever.
 */
const UUID = '00000000-0000-4000-8000-000000000000';
const TASK = { uuid: UUID, name: 't', state: 'Submitted' };
const PAGE = { data: [TASK], isTruncated: true, nextToken: 'same' };
const LISTING =
  '<?xml version="1.0" encoding="UTF-8"?><ListBucketResult><Name>b</Name><Contents><Key>a</Key><Size>1</Size></Contents>' +
  '<IsTruncated>true</IsTruncated><NextContinuationToken>same</NextContinuationToken></ListBucketResult>';

/** What the server answers, by "METHOD path" (no query); set by each test. */
let answers: Record<string, { body: string; type?: string }> = {};
/** Every "METHOD path" received. */
let received: string[] = [];
let server: Server;
let url: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    const route = `${req.method} ${req.url!.split('?')[0]}`;
    received.push(route);
    const answer = answers[route];
    res.writeHead(answer ? 200 : 404, { 'content-type': answer?.type ?? 'application/json' });
    res.end(answer?.body ?? '{"message":"no route"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

const run = (args: string[]) =>
  cli(args, { env: { QARNOT_CLUSTER_URL: url, QARNOT_CLIENT_TOKEN: 'fake-token-for-bad-answers', QARNOT_STORAGE_URL: url, QARNOT_ACCOUNT_EMAIL: 'a@b.c' }, timeout: 20_000 });

const json = (value: unknown) => ({ body: JSON.stringify(value) });

const CASES: { what: string; args: string[]; answers: typeof answers; error: RegExp }[] = [
  {
    what: 'a create answered {}',
    args: ['task', 'create', '--name', 't', '--profile', 'docker-batch'],
    answers: { 'POST /tasks': json({}) },
    error: /^error: bad answer from the API to POST \/tasks: without "uuid": \{\}; it may have been created: check with "qarnot task list"$/,
  },
  {
    what: 'a show answered null',
    args: ['task', 'show', UUID],
    answers: { [`GET /tasks/${UUID}`]: { body: 'null' } },
    error: /^error: bad answer from the API to GET \/tasks\/[-0-9a-f]+: expected a JSON object, got null$/,
  },
  {
    what: 'a list answered an HTML page',
    args: ['task', 'list'],
    answers: { 'POST /tasks/paginate': { body: '<html><head><title>Gateway says hi</title></head><body><h1>hi</h1></body></html>', type: 'text/html' } },
    error: /^error: bad answer from the API to POST \/tasks\/paginate: not JSON: "Gateway says hi"$/,
  },
  {
    what: 'list --all whose page token comes back',
    args: ['task', 'list', '--all', '--format', 'jsonl'],
    answers: { 'POST /tasks/summaries/paginate': json(PAGE), 'POST /tasks/paginate': json(PAGE) },
    error: /^error: bad answer from the API to POST \/tasks(\/summaries)?\/paginate: the page token "same" came back; stopped the walk, which would repeat pages forever$/,
  },
  {
    what: 'a bucket listing whose continuation token comes back',
    args: ['bucket', 'ls', 'bkt', '-r'],
    answers: { 'GET /bkt': { body: LISTING, type: 'application/xml' } },
    error: /^error: bad answer from the API to the listing of bucket "bkt": the continuation token came back; stopped the walk, which would repeat pages forever$/,
  },
  {
    what: 'a bucket listing truncated without a continuation token',
    args: ['bucket', 'ls', 'bkt', '-r'],
    answers: { 'GET /bkt': { body: LISTING.replace('<NextContinuationToken>same</NextContinuationToken>', ''), type: 'application/xml' } },
    error: /^error: bad answer from the API to the listing of bucket "bkt": truncated without a continuation token; the rest of the listing cannot be asked for$/,
  },
  {
    what: 'a bucket listing answered an HTML page',
    args: ['bucket', 'ls', 'bkt'],
    answers: { 'GET /bkt': { body: '<html><title>Login</title></html>', type: 'text/html' } },
    error: /^error: bad answer from the API to the listing of bucket "bkt": no ListBucketResult in "Login"$/,
  },
  {
    what: 'a delete by selector whose listing has an item without uuid',
    args: ['task', 'delete', '--tag', 'x', '--yes'],
    answers: { 'POST /tasks/paginate': json({ data: [{ name: 'no-uuid', state: 'Success' }], isTruncated: false }) },
    error: /^error: bad answer from the API to POST \/tasks\/paginate: listed item: without "uuid": \{"name":"no-uuid","state":"Success"\}$/,
  },
];

describe('answers the client cannot use: one line, exit 1', () => {
  it.each(CASES)('$what', async (c) => {
    answers = c.answers;
    received = [];
    const result = await run(c.args);
    expect(result.exitCode, result.stderr).toBe(1);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr.trimEnd()).toMatch(c.error);
    expect(result.stdout).not.toContain('undefined');
    expect(received.filter((route) => route.startsWith('DELETE'))).toEqual([]);
  });

  it('prints the pages received before the token came back, each once', async () => {
    answers = { 'POST /tasks/summaries/paginate': json(PAGE), 'POST /tasks/paginate': json(PAGE) };
    const result = await run(['task', 'list', '--all', '--format', 'jsonl', '--fields', 'uuid']);
    expect(result.exitCode, result.stderr).toBe(1);
    // The first page, then the page its token gave; the token came back on the second.
    expect(result.stdout.trimEnd().split('\n')).toEqual([JSON.stringify({ uuid: UUID }), JSON.stringify({ uuid: UUID })]);
  });
});
