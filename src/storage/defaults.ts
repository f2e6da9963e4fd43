/** Requests in flight at once for a transfer (16: measured against 4 and 8 on the emulator, see the commit). */
export const DEFAULT_CONCURRENCY = 16;
