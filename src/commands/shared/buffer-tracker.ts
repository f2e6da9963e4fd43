/**
 * Turns successive whole-buffer reads of one output stream into "what is
 * new", complete lines only. Pure (no I/O), so rotation, repeats and
 * restarts are unit-tested.
 *
 * The server's buffer is a window [start, end) of the stream, whose start
 * moves forward when the oldest lines are dropped past a size cap (unknown
 * to us). Each read is placed against the tail of what was already printed:
 * a placement is a position in that tail from which the printed text and the
 * buffer agree. Every placement is found at once, in time linear in the
 * bytes compared (a Z-function match, no backtracking).
 *
 * - One placement: the new lines are known exactly; each is printed once.
 * - None: more was written between two reads than the server keeps; all of
 *   the buffer is new and `lost` is set (lines were dropped unseen).
 * - Several, while the buffer may have rotated (output that repeats itself,
 *   e.g. `yes`): which lines are new cannot be known. The one that prints
 *   least is taken (nothing is ever printed twice) and `maybeLost` is set,
 *   so the caller can say so: a loss is never silent.
 * - A buffer that lies wholly inside what was printed (a server restarted
 *   from an older saved state) holds nothing new: nothing is printed and
 *   nothing is reported.
 *
 * A buffer cannot have rotated while it is smaller than MIN_SERVER_BUFFER
 * or than half the largest one seen: then several placements are not a doubt,
 * so short repetitive output is never reported as lost.
 */

/** No server is assumed to keep less output than this per stream (Qarnot's and the emulator's keep 1 MiB or more). */
export const MIN_SERVER_BUFFER = 64 * 1024;

export class BufferTracker {
  /** The tail of what was already printed; starts and ends at a line boundary. */
  private seen = '';
  /** Absolute offset (in the stream as printed) of `seen`'s first character. */
  private base = 0;
  /** Absolute offset where the previous buffer started. */
  private start = 0;
  /** The largest buffer read so far. */
  private largest = 0;
  private pending = '';
  /** Lines were lost: the buffer rotated past everything printed between two reads. */
  lost = false;
  /** Lines may have been lost: the output repeats, so where new lines start could not be known. */
  maybeLost = false;

  constructor(private readonly minKeep = 2 * 1024 * 1024) {}

  /** New complete lines (each ending in "\n") in this read of the buffer. */
  update(buffer: string): string {
    const from = this.offsetOfNew(buffer);
    this.largest = Math.max(this.largest, buffer.length);
    const fresh = buffer.slice(from);
    const cut = fresh.lastIndexOf('\n') + 1;
    this.pending = fresh.slice(cut);
    const complete = fresh.slice(0, cut);
    if (complete) this.remember(complete, buffer.length);
    return complete;
  }

  /** The unterminated tail seen in the last read (printed once the resource ended). */
  flush(): string {
    const rest = this.pending;
    this.pending = '';
    if (!rest) return '';
    this.remember(`${rest}\n`, 0);
    return `${rest}\n`;
  }

  private remember(text: string, bufferLength: number): void {
    this.seen += text;
    // Keep at least twice the largest buffer: a placement never starts before the previous buffer did.
    const keep = Math.max(this.minKeep, 2 * bufferLength, 2 * this.largest);
    if (this.seen.length > keep) {
      const at = this.seen.indexOf('\n', this.seen.length - keep);
      const drop = at < 0 ? this.seen.length : at + 1;
      this.seen = this.seen.slice(drop);
      this.base += drop;
    }
  }

  /** Where, in this buffer, the not-yet-printed text starts. */
  private offsetOfNew(buffer: string): number {
    const seen = this.seen;
    if (buffer === '') return 0; // emptied or reset: nothing to print yet
    if (seen === '') {
      this.start = this.base;
      return 0;
    }
    const previous = Math.min(Math.max(this.start - this.base, 0), seen.length);
    // A restarted server's older buffer starts at most one buffer length before the previous one.
    const lowest = Math.max(0, previous - this.largest);
    const match = matchLengths(seen, buffer, lowest);
    /** From position j of `seen` on, what was printed and the buffer agree (and overlap). */
    const fits = (j: number) => match[j]! >= Math.min(seen.length - j, buffer.length);
    const atLineStart = (j: number) => j === 0 || seen.charCodeAt(j - 1) === 10;
    const first = (test: (j: number) => boolean, from: number, to: number) => {
      for (let j = from; j < to; j++) if (test(j)) return j;
      return -1;
    };
    // Rotation drops whole lines; a server that cuts inside a line is matched by the second try.
    let j = first((k) => fits(k) && atLineStart(k), previous, seen.length);
    if (j < 0) j = first(fits, previous, seen.length);
    if (j < 0) {
      // A server restarted from an older state: a buffer wholly inside what was printed is old news.
      const inside = first((k) => match[k]! >= buffer.length, lowest, previous);
      if (inside >= 0) {
        this.start = this.base + inside;
        return buffer.length;
      }
      // Nothing in common: more was written between two reads than the buffer holds.
      this.lost = true;
      this.start = this.base + seen.length;
      return 0;
    }
    if (this.mayHaveRotated(buffer)) {
      // Another placement that would print something else: the output repeats; the new lines cannot be known.
      const other = first((k) => fits(k) && atLineStart(k) && seen.length - k < buffer.length, j + 1, seen.length);
      if (other >= 0) this.maybeLost = true;
    }
    this.start = this.base + j;
    return Math.min(seen.length - j, buffer.length);
  }

  /**
   * Whether the server could have dropped lines since the last read: only a full buffer
   * rotates. A full buffer's size moves (it drops whole lines, or whole chunks of them), but
   * never far below the largest one seen.
   */
  private mayHaveRotated(buffer: string): boolean {
    return buffer.length >= MIN_SERVER_BUFFER && buffer.length >= this.largest / 2;
  }
}

/**
 * match[i] = length of the longest common prefix of text.slice(i) and
 * pattern, for every i >= from (0 before), in O(text - from + pattern) (the
 * Z-algorithm).
 */
export function matchLengths(text: string, pattern: string, from = 0): Int32Array {
  const n = pattern.length;
  const z = new Int32Array(n);
  if (n > 0) z[0] = n;
  for (let i = 1, l = 0, r = 0; i < n; i++) {
    let k = i < r ? Math.min(r - i, z[i - l]!) : 0;
    while (i + k < n && pattern.charCodeAt(k) === pattern.charCodeAt(i + k)) k++;
    z[i] = k;
    if (i + k > r) [l, r] = [i, i + k];
  }
  const m = text.length;
  const match = new Int32Array(m);
  for (let i = from, l = from, r = from; i < m; i++) {
    let k = i < r ? Math.min(r - i, z[i - l]!) : 0;
    while (i + k < m && k < n && text.charCodeAt(i + k) === pattern.charCodeAt(k)) k++;
    match[i] = k;
    if (i + k > r) [l, r] = [i, i + k];
  }
  return match;
}
