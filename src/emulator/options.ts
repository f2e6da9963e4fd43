import { parseFaultSpec } from './faults.js';

export interface AccountOption {
  email: string;
  token: string;
}

export interface EmulatorOptions {
  host?: string;
  port?: number;
  /** Port of the S3-compatible storage endpoint (default 0: a free one). */
  storagePort?: number;
  /** Bytes each account may store in its buckets (PutObject fails with QuotaExceeded past it). */
  storageQuotaBytes?: number;
  token?: string;
  dataDir?: string;
  speed?: number;
  faults?: string;
  accounts?: AccountOption[];
  readGrants?: { reader: string; target: string }[];
  log?: (line: string) => void;
  /** Quotas reported by /info and enforced on creation. */
  quotas?: { maxTask?: number; maxPool?: number; maxJob?: number };
  /** Cap on instance processes running at once (default 64); the rest queue. */
  maxConcurrentProcesses?: number;
  /** Per task (or pool) and stream output buffer size (default 1 MiB). */
  outputCapBytes?: number;
  /** Oldest page rendered ahead that may still be served (default 250 ms); tests raise it so
   * that only the change check guards staleness. */
  readAheadMaxAgeMs?: number;
}

export const DEFAULT_EMAIL = 'emulator@qarnot.local';
export const DEFAULT_PORT = 8787;

const EMAIL_RE = /^[^\s@:]+@[^\s@:]+$/;

/** Throws an Error with a message fit for a CLI user when an option is invalid. */
export function validateOptions(opts: EmulatorOptions): void {
  if (opts.port !== undefined && (!Number.isInteger(opts.port) || opts.port < 0 || opts.port > 65535)) {
    throw new Error(`invalid --port ${String(opts.port)}: expected an integer between 0 and 65535 (0 picks a free port)`);
  }
  if (opts.storagePort !== undefined && (!Number.isInteger(opts.storagePort) || opts.storagePort < 0 || opts.storagePort > 65535)) {
    throw new Error(`invalid --storage-port ${String(opts.storagePort)}: expected an integer between 0 and 65535 (0 picks a free port)`);
  }
  if (opts.storageQuotaBytes !== undefined && (!Number.isSafeInteger(opts.storageQuotaBytes) || opts.storageQuotaBytes < 0)) {
    throw new Error(`invalid --storage-quota ${String(opts.storageQuotaBytes)}: expected a size such as 500MB or 2GiB`);
  }
  if (opts.speed !== undefined && (typeof opts.speed !== 'number' || !Number.isFinite(opts.speed) || opts.speed <= 0)) {
    throw new Error(`invalid --speed ${String(opts.speed)}: expected a number greater than 0`);
  }
  if (opts.token !== undefined && (opts.token.trim() === '' || /\s/.test(opts.token))) {
    throw new Error('invalid --token: must be non-empty and contain no whitespace');
  }
  if (opts.host !== undefined && opts.host.trim() === '') throw new Error('invalid --host: empty');
  if (opts.faults !== undefined) parseFaultSpec(opts.faults);
  const emails = new Set([DEFAULT_EMAIL]);
  const tokens = new Set(opts.token ? [opts.token] : []);
  // Accounts come from --account, --accounts-file and QARNOT_EMULATOR_ACCOUNTS: named by e-mail.
  for (const a of opts.accounts ?? []) {
    if (!EMAIL_RE.test(a.email)) throw new Error(`invalid account "${a.email}": expected EMAIL:TOKEN`);
    if (!a.token || /\s/.test(a.token)) throw new Error(`invalid account "${a.email}": the token must be non-empty with no whitespace`);
    if (emails.has(a.email)) throw new Error(`invalid account: the email ${a.email} is used twice`);
    if (tokens.has(a.token)) throw new Error(`invalid account ${a.email}: its token is already used by another account`);
    emails.add(a.email);
    tokens.add(a.token);
  }
  for (const g of opts.readGrants ?? []) {
    for (const e of [g.reader, g.target]) {
      if (!emails.has(e)) throw new Error(`invalid --read-grant ${g.reader}:${g.target}: unknown account ${e}`);
    }
  }
  for (const [k, v] of Object.entries(opts.quotas ?? {})) {
    if (v !== undefined && (!Number.isInteger(v) || v < 0)) throw new Error(`invalid quota ${k}: expected a non-negative integer`);
  }
}

/** Parses `EMAIL:TOKEN` (the token may itself contain ':'). */
export function parseAccountFlag(value: string): AccountOption {
  const account = splitAccount(value);
  if (!account) throw new Error(`invalid --account "${value}": expected EMAIL:TOKEN`);
  return account;
}

function splitAccount(value: string): AccountOption | null {
  const i = value.indexOf(':');
  return i <= 0 || i === value.length - 1 ? null : { email: value.slice(0, i), token: value.slice(i + 1) };
}

/**
 * Parses an accounts file or QARNOT_EMULATOR_ACCOUNTS: `EMAIL:TOKEN` entries separated by
 * newlines or blanks; `#` starts a comment. An error names the source and line, never a token.
 */
export function parseAccountsList(text: string, source: string): AccountOption[] {
  const accounts: AccountOption[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    for (const entry of line.replace(/(^|\s)#.*/, '').split(/\s+/).filter(Boolean)) {
      const account = splitAccount(entry);
      if (!account) throw new Error(`${source}, line ${index + 1}: expected EMAIL:TOKEN entries`);
      accounts.push(account);
    }
  });
  return accounts;
}

/** Parses `READER_EMAIL:TARGET_EMAIL`. */
export function parseReadGrantFlag(value: string): { reader: string; target: string } {
  const parts = value.split(':');
  if (parts.length !== 2 || !parts[0] || !parts[1]) throw new Error(`invalid --read-grant "${value}": expected READER_EMAIL:TARGET_EMAIL`);
  return { reader: parts[0], target: parts[1] };
}

const SIZE_UNITS: Record<string, number> = { '': 1, b: 1, kb: 1e3, mb: 1e6, gb: 1e9, tb: 1e12, kib: 1024, mib: 1024 ** 2, gib: 1024 ** 3, tib: 1024 ** 4 };

/** Parses `--storage-quota`: bytes, or a number with KB/MB/GB/TB (powers of 1000) or KiB/MiB/GiB/TiB. */
export function parseSizeFlag(value: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(value);
  const unit = m ? SIZE_UNITS[m[2]!.toLowerCase()] : undefined;
  if (!m || unit === undefined) throw new Error(`invalid --storage-quota "${value}": expected a size such as 500MB, 2GiB or 1048576 (bytes)`);
  return Math.floor(Number(m[1]) * unit);
}
