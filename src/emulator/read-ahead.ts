import type { Reply } from './core.js';

/** A rendering older than this is not served: time-derived fields (wallTime...) stay near-live. */
export const READ_AHEAD_MAX_AGE_MS = 250;
/** Walks in progress at once that keep their next page ready. */
const SLOTS = 8;

export interface ReadyPage {
  reply: Reply;
  /** Body of the request for the page after this one, null at the end of the walk. */
  next: Record<string, unknown> | null;
}

interface Prepared extends ReadyPage {
  revision: number;
  at: number;
}

/**
 * Read-ahead for paginated walks. A walk's pages are sequential (each request carries the
 * previous answer's nextToken), so without it the server idles while the client parses a page
 * and the client idles while the server renders the next one. After answering a page, the
 * emulator renders the next one in the background; the client's request for it is answered
 * from that rendering only if nothing has changed since (the engine's revision) and it is
 * fresh. Any other request, or a changed state, renders live as before.
 */
export class PageReadAhead {
  private readonly ready = new Map<string, Prepared>();

  constructor(private readonly maxAgeMs = READ_AHEAD_MAX_AGE_MS) {}

  /** Identifies a request: who asks, which route, and the body (token included) in any key order. */
  static key(account: string, pattern: string, body: unknown): string {
    return `${account}\n${pattern}\n${JSON.stringify(body ?? null, sortedKeys)}`;
  }

  take(key: string, revision: number, now = Date.now()): ReadyPage | null {
    this.dropStale(now);
    const p = this.ready.get(key);
    if (!p) return null;
    this.ready.delete(key);
    return p.revision === revision && now - p.at <= this.maxAgeMs ? p : null;
  }

  store(key: string, revision: number, page: ReadyPage, now = Date.now()): void {
    this.dropStale(now);
    if (this.ready.size >= SLOTS) this.ready.delete(this.ready.keys().next().value!);
    this.ready.set(key, { ...page, revision, at: now });
  }

  /** Pages of abandoned walks (up to 8 × a 1000-task page) are not kept once they cannot be served. */
  private dropStale(now: number): void {
    for (const [k, p] of this.ready) if (now - p.at > this.maxAgeMs) this.ready.delete(k);
  }
}

function sortedKeys(_key: string, value: unknown): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The body of the request that asks for the page after `reply`, or null at the end of a walk. */
export function nextPageBody(body: unknown, reply: Reply): Record<string, unknown> | null {
  const json = reply.json as { nextToken?: unknown } | undefined;
  if ((reply.status ?? 200) !== 200 || typeof json?.nextToken !== 'string') return null;
  const base = body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  return { ...base, token: json.nextToken };
}
