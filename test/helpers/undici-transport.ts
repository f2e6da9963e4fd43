import { request, type Dispatcher } from 'undici';
import type { Transport } from '../../src/api/transport.js';

/** The HTTP core over an undici dispatcher: unit tests pass a MockAgent for what the emulator cannot produce. */
export function undiciTransport(dispatcher: Dispatcher): Transport {
  return async ({ method, url, headers, body, signal }) => {
    const res = await request(url, { method: method as Dispatcher.HttpMethod, headers, body, signal, dispatcher });
    return { status: res.statusCode, headers: res.headers, text: await res.body.text() };
  };
}
