// Every secret the process knows (the API token) is registered here; everything written to
// stdout and stderr passes through redactSecrets (output/stdio.ts), so no path prints one.

/** A copy of this many characters of a secret (or all of it, if shorter) is redacted. */
const FRAGMENT = 12;
/** Text is sampled every FRAGMENT - GRAM + 1 characters: every fragment then holds a sampled gram. */
const GRAM = 4;

interface Secret {
  folded: string;
  /** Hash of each GRAM-character run of the secret → where it starts in it. */
  grams: Map<number, number[]>;
  minimum: number;
  /**
   * An ASCII secret's runs of GRAM characters taken every `minimum - GRAM + 1` (and where they
   * start in it): every copy of `minimum` characters of the secret holds one. Finding them with
   * one case-insensitive RegExp is far cheaper than the sampling scan (a page of 100 tasks of
   * output, 348 KB: 0.28 ms, against 0.54 ms for String#indexOf of each in a lower-cased copy
   * and 2.3 ms for sampling). Undefined for other secrets, whose lower case is not ASCII folding.
   */
  anchors: { pattern: RegExp; at: Map<string, number[]> } | undefined;
}

const secrets: Secret[] = [];
const registered = new Set<string>();
/** A quick first test: whether any secret has a gram with these low 16 bits of hash. */
const maybe = new Uint8Array(65536);
let step = FRAGMENT - GRAM + 1;

export function registerSecret(secret: string | undefined): void {
  if (!secret || secret.length < GRAM || registered.has(secret)) return;
  registered.add(secret);
  const folded = foldAscii(secret);
  const grams = new Map<number, number[]>();
  for (let at = 0; at + GRAM <= folded.length; at++) {
    const h = gramHash(folded, at);
    maybe[h & 0xffff] = 1;
    grams.set(h, [...(grams.get(h) ?? []), at]);
  }
  const minimum = Math.min(folded.length, FRAGMENT);
  step = Math.min(step, minimum - GRAM + 1);
  let anchors: Secret['anchors'];
  if (/^[\x20-\x7e]*$/.test(secret)) {
    const at = new Map<string, number[]>();
    for (let o = 0; o + GRAM <= folded.length; o += minimum - GRAM + 1) {
      const gram = folded.slice(o, o + GRAM);
      at.set(gram, [...(at.get(gram) ?? []), o]);
    }
    // Without the u flag, i folds ASCII letters only among themselves: as fold() below.
    const pattern = new RegExp([...at.keys()].map((gram) => gram.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|'), 'gi');
    anchors = { pattern, at };
  }
  secrets.push({ folded, grams, minimum, anchors });
}

/**
 * Replaces every copy of a secret, in any letter case, and every fragment of
 * FRAGMENT characters or more, with `***`. Linear, and cheap enough for every write.
 */
export function redactSecrets(text: string): string {
  if (secrets.length === 0 || text.length < GRAM) return text;
  const spans = anchoredSpans(text) ?? sampledSpans(text);
  if (spans.length === 0) return text;
  spans.sort((a, b) => a[0] - b[0]);
  let out = '';
  let at = 0;
  for (const [from, to] of spans) {
    if (to <= at) continue; // within the span just redacted
    if (from >= at) out += `${text.slice(at, from)}***`;
    at = to;
  }
  return out + text.slice(at);
}

type Spans = [number, number][];

/** The copies found from the anchors; undefined when some secret has none or lower case moves characters. */
function anchoredSpans(text: string): Spans | undefined {
  if (!secrets.every((secret) => secret.anchors)) return undefined;
  const spans: Spans = [];
  for (const secret of secrets) {
    const { pattern, at } = secret.anchors!;
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
      const p = match.index;
      for (const o of at.get(foldAscii(match[0]))!) {
        const span = extend(text, p, secret.folded, o);
        if (span[1] - span[0] >= secret.minimum) spans.push(span);
      }
      pattern.lastIndex = p + 1; // overlapping copies too
    }
  }
  return spans;
}

/** The copies found by reading a few characters in every nine. */
function sampledSpans(text: string): Spans {
  const spans: Spans = [];
  for (let p = 0; p + GRAM <= text.length; p += step) {
    const h = gramHash(text, p);
    if (maybe[h & 0xffff] === 0) continue;
    for (const secret of secrets) {
      const offsets = secret.grams.get(h);
      if (!offsets) continue;
      for (const o of offsets) {
        const span = extend(text, p, secret.folded, o);
        if (span[1] - span[0] >= secret.minimum) spans.push(span);
      }
    }
  }
  return spans;
}

const fold = (c: number) => (c >= 65 && c <= 90 ? c + 32 : c);

function foldAscii(text: string): string {
  return text.replace(/[A-Z]+/g, (m) => m.toLowerCase());
}

function gramHash(text: string, at: number): number {
  let h = 0;
  for (let i = at; i < at + GRAM; i++) h = Math.imul(h, 31) + fold(text.charCodeAt(i));
  return h | 0;
}

/** The longest run around text[p, p + GRAM) = secret[o, o + GRAM) where both agree (ASCII case folded). */
function extend(text: string, p: number, secret: string, o: number): [number, number] {
  let back = 0;
  while (p - back > 0 && o - back > 0 && fold(text.charCodeAt(p - back - 1)) === secret.charCodeAt(o - back - 1)) back++;
  let ahead = 0;
  while (p + ahead < text.length && o + ahead < secret.length && fold(text.charCodeAt(p + ahead)) === secret.charCodeAt(o + ahead)) ahead++;
  return [p - back, p + ahead];
}

/** How a token is shown to people: never more than its last four characters. */
export function maskToken(token: string | undefined): string {
  if (!token) return '';
  return token.length <= 8 ? '****' : `****${token.slice(-4)}`;
}
