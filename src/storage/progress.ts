import type { IO } from '../output/io.js';
import type { Meter } from './transfer.js';

/** Bytes for people: 1.5 MB, 512 KB, 3 B (powers of 1024, as ls -h). */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${Math.round(value)} B` : `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}

export function formatSeconds(ms: number): string {
  const s = ms / 1000;
  if (s < 60) return `${s < 10 ? s.toFixed(1) : Math.round(s)} s`;
  const m = Math.floor(s / 60);
  return m < 60 ? `${m}m${String(Math.round(s % 60)).padStart(2, '0')}s` : `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}

/**
 * One line on stderr, redrawn four times a second: files, bytes, rate, ETA.
 * Only on a terminal, never with -q: a pipe or a log file gets the summary alone.
 */
export class Progress implements Meter {
  bytes = 0;
  files = 0;
  private timer: NodeJS.Timeout | undefined;
  private readonly started = Date.now();

  constructor(
    private readonly io: IO,
    private readonly verb: string,
    private readonly totalFiles: number,
    private readonly totalBytes: number,
    enabled: boolean,
  ) {
    if (enabled && totalFiles > 0) {
      this.timer = setInterval(() => this.draw(), 250);
      this.timer.unref();
    }
  }

  fileDone(): void {
    this.files++;
  }

  elapsedMs(): number {
    return Date.now() - this.started;
  }

  stop(): void {
    if (!this.timer) return;
    clearInterval(this.timer);
    this.timer = undefined;
    this.io.err('\r\x1b[K');
  }

  private draw(): void {
    const seconds = Math.max(0.001, this.elapsedMs() / 1000);
    const rate = this.bytes / seconds;
    const left = this.totalBytes - this.bytes;
    const eta = rate > 0 && left > 0 ? `, ETA ${formatSeconds((left / rate) * 1000)}` : '';
    this.io.err(
      `\r\x1b[K${this.verb} ${this.files}/${this.totalFiles} files, ${formatBytes(this.bytes)}/${formatBytes(this.totalBytes)}, ${formatBytes(rate)}/s${eta}`,
    );
  }
}
