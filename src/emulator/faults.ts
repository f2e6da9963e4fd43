/**
 * Fault injection for resilience tests. Decisions come from a seeded PRNG so that a run
 * with the same seed and the same request order sees the same faults.
 */
interface FaultSpec {
  /** HTTP status answered instead of processing (e.g. 503, 429), with its probability. */
  statuses: { status: number; p: number }[];
  /** Socket destroyed before the request is processed. */
  reset: number;
  /** Request processed, then the socket destroyed without an answer. */
  resetAfter: number;
  latency: { min: number; max: number } | null;
  seed: number;
}

export function parseFaultSpec(spec: string): FaultSpec {
  const out: FaultSpec = { statuses: [], reset: 0, resetAfter: 0, latency: null, seed: 1 };
  const text = spec.trim();
  if (text === '') return out;
  for (const raw of text.split(',')) {
    const item = raw.trim();
    const sep = item.indexOf(':');
    if (sep < 0) throw new Error(`invalid fault "${item}": expected KIND:VALUE (e.g. 503:0.1, latency:50-300ms, seed:42)`);
    const kind = item.slice(0, sep).trim().toLowerCase();
    const value = item.slice(sep + 1).trim();
    if (kind === 'seed') {
      if (!/^\d+$/.test(value)) throw new Error(`invalid fault seed "${value}": expected a non-negative integer`);
      out.seed = Number(value);
      continue;
    }
    if (kind === 'latency') {
      const m = /^(\d+)(?:\s*-\s*(\d+))?\s*(ms)?$/.exec(value);
      if (!m) throw new Error(`invalid fault latency "${value}": expected MIN-MAXms, e.g. 50-300ms`);
      const min = Number(m[1]);
      const max = m[2] === undefined ? min : Number(m[2]);
      if (max < min) throw new Error(`invalid fault latency "${value}": max is below min`);
      out.latency = { min, max };
      continue;
    }
    const p = Number(value);
    if (value === '' || !Number.isFinite(p) || p < 0 || p > 1) {
      throw new Error(`invalid fault probability "${value}" for "${kind}": expected a number between 0 and 1`);
    }
    if (kind === 'reset') out.reset = p;
    else if (kind === 'reset-after') out.resetAfter = p;
    else if (/^[45]\d\d$/.test(kind)) out.statuses.push({ status: Number(kind), p });
    else throw new Error(`unknown fault kind "${kind}": expected an HTTP status (4xx/5xx), reset, reset-after, latency or seed`);
  }
  const total = out.statuses.reduce((a, s) => a + s.p, 0) + out.reset;
  if (total > 1) throw new Error('fault probabilities (statuses + reset) add up to more than 1');
  return out;
}

/** mulberry32: tiny, fast, good enough for repeatable fault draws. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type FaultDecision =
  | { kind: 'none'; latencyMs: number; resetAfter: boolean }
  | { kind: 'status'; status: number; latencyMs: number }
  | { kind: 'reset'; latencyMs: number };

export class FaultInjector {
  private readonly rand: () => number;
  constructor(private readonly spec: FaultSpec) {
    this.rand = prng(spec.seed);
  }

  get active(): boolean {
    const s = this.spec;
    return s.statuses.length > 0 || s.reset > 0 || s.resetAfter > 0 || s.latency !== null;
  }

  /** Always draws the same number of values per request so one fault does not shift the next ones. */
  decide(): FaultDecision {
    const s = this.spec;
    const rLatency = this.rand();
    const rKind = this.rand();
    const rAfter = this.rand();
    const latencyMs = s.latency ? Math.round(s.latency.min + rLatency * (s.latency.max - s.latency.min)) : 0;
    let acc = 0;
    for (const st of s.statuses) {
      acc += st.p;
      if (rKind < acc) return { kind: 'status', status: st.status, latencyMs };
    }
    acc += s.reset;
    if (rKind < acc) return { kind: 'reset', latencyMs };
    return { kind: 'none', latencyMs, resetAfter: rAfter < s.resetAfter };
  }
}
