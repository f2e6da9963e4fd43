/** One or more complete lines of one instance (or the unterminated tail written before it exited). */
interface OutputLine {
  seq: number;
  inst: number;
  text: string;
}

export type StreamName = 'stdout' | 'stderr';

/**
 * Line-oriented rotating buffer. Lines are only ever stored whole, so a cursor (a sequence
 * number) can never split a line between two fresh-output answers.
 */
class OutputStream {
  private lines: OutputLine[] = [];
  private head = 0;
  private bytes = 0;

  constructor(private readonly capBytes: number) {}

  append(line: OutputLine): void {
    this.lines.push(line);
    this.bytes += Buffer.byteLength(line.text);
    // Drop the oldest whole lines; the newest line is always kept even if it alone exceeds the cap.
    while (this.bytes > this.capBytes && this.lines.length - this.head > 1) {
      const old = this.lines[this.head]!;
      this.bytes -= Buffer.byteLength(old.text);
      this.head++;
    }
    if (this.head > 1024 && this.head * 2 > this.lines.length) {
      this.lines = this.lines.slice(this.head);
      this.head = 0;
    }
  }

  /** Lines with seq > after, optionally for one instance. */
  since(after: number, inst?: number): OutputLine[] {
    let lo = this.head;
    let hi = this.lines.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.lines[mid]!.seq <= after) lo = mid + 1;
      else hi = mid;
    }
    const out: OutputLine[] = [];
    for (let i = lo; i < this.lines.length; i++) {
      const l = this.lines[i]!;
      if (inst === undefined || l.inst === inst) out.push(l);
    }
    return out;
  }

  all(inst?: number): OutputLine[] {
    return this.since(-1, inst);
  }

  toJSON(): [number, number, string][] {
    return this.lines.slice(this.head).map((l) => [l.seq, l.inst, l.text]);
  }

  static fromJSON(data: unknown, capBytes: number): OutputStream {
    const s = new OutputStream(capBytes);
    if (Array.isArray(data)) {
      for (const item of data) {
        if (Array.isArray(item) && item.length === 3) {
          s.append({ seq: Number(item[0]), inst: Number(item[1]), text: String(item[2]) });
        }
      }
    }
    return s;
  }
}

/** stdout + stderr of one task or pool, with the server-side cursors used by POST. */
export class OutputSet {
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  /** key: `${stream}:${inst|'all'}` → last seq returned by a POST. */
  cursors: Record<string, number> = {};

  constructor(private readonly capBytes: number) {
    this.stdout = new OutputStream(capBytes);
    this.stderr = new OutputStream(capBytes);
  }

  stream(name: StreamName): OutputStream {
    return name === 'stdout' ? this.stdout : this.stderr;
  }

  /** Whole buffer (GET). Aggregated views carry the `<instanceId>> ` prefix. */
  read(name: StreamName, inst?: number): string {
    return keepTail(render(this.stream(name).all(inst), inst === undefined), this.capBytes);
  }

  /** Only what is new since the previous POST on this exact resource and stream. */
  readFresh(name: StreamName, inst?: number): string {
    const key = `${name}:${inst ?? 'all'}`;
    const lines = this.stream(name).since(this.cursors[key] ?? -1, inst);
    if (lines.length) this.cursors[key] = lines[lines.length - 1]!.seq;
    return render(lines, inst === undefined);
  }

  toJSON(): unknown {
    return { stdout: this.stdout.toJSON(), stderr: this.stderr.toJSON(), cursors: this.cursors };
  }

  static fromJSON(data: unknown, capBytes: number): OutputSet {
    const set = new OutputSet(capBytes);
    if (data && typeof data === 'object') {
      const d = data as { stdout?: unknown; stderr?: unknown; cursors?: Record<string, number> };
      const out = OutputStream.fromJSON(d.stdout, capBytes);
      const err = OutputStream.fromJSON(d.stderr, capBytes);
      Object.assign(set, { stdout: out, stderr: err });
      set.cursors = { ...(d.cursors ?? {}) };
    }
    return set;
  }
}

/** The cap holds for what is served too: the `N> ` prefixes must not push an answer past it. */
function keepTail(text: string, capBytes: number): string {
  if (Buffer.byteLength(text) <= capBytes) return text;
  const tail = Buffer.from(text).subarray(-capBytes).toString('utf8');
  const firstLineEnd = tail.indexOf('\n');
  // Drop the cut first line: only whole lines are served.
  return firstLineEnd < 0 ? tail : tail.slice(firstLineEnd + 1);
}

function render(lines: OutputLine[], prefixed: boolean): string {
  if (!prefixed) return lines.map((l) => l.text).join('');
  let out = '';
  for (const l of lines) {
    // An entry holds one or more whole lines (one chunk of the process's output).
    const prefix = `${l.inst}> `;
    const body = l.text.endsWith('\n') ? l.text.slice(0, -1) : l.text;
    out += `${prefix}${body.split('\n').join(`\n${prefix}`)}\n`;
  }
  return out;
}

/**
 * Cuts a process's byte stream after its last '\n', so only whole lines are stored. Bytes are
 * cut before decoding, so a multi-byte character is never split in two.
 */
export class LineAssembler {
  private partial: Buffer = Buffer.alloc(0);
  constructor(
    private readonly emit: (text: string) => void,
    private readonly maxLineBytes = 64 * 1024,
  ) {}

  push(chunk: Buffer): void {
    let buf = this.partial.length ? Buffer.concat([this.partial, chunk]) : chunk;
    // Every whole line of the chunk at once: one entry per chunk, not per line,
    // keeps a chatty process (`yes`) from making millions of small objects.
    const nl = buf.lastIndexOf(0x0a);
    if (nl >= 0) {
      this.emit(buf.subarray(0, nl + 1).toString('utf8'));
      buf = buf.subarray(nl + 1);
    }
    // A line without newline that grows too long is emitted as-is so memory stays bounded.
    if (buf.length > this.maxLineBytes) {
      this.emit(buf.toString('utf8'));
      buf = Buffer.alloc(0);
    }
    this.partial = Buffer.from(buf);
  }

  flush(): void {
    if (this.partial.length) this.emit(this.partial.toString('utf8'));
    this.partial = Buffer.alloc(0);
  }
}
