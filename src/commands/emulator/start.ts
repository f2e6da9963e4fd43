import type { Context } from '../../context.js';
import { SilentExit, UsageError } from '../../errors.js';
import { parseInteger, parseNumber } from '../../lib/parse.js';
import { setSignalPolicy } from '../../lib/interrupt.js';

interface StartOptions {
  host: string;
  port: string;
  storagePort: string;
  storageQuota?: string;
  token?: string;
  data?: string;
  speed: string;
  faults?: string;
  account?: string[];
  readGrant?: string[];
}

/** The emulator's own parsers name the flag; their errors are bad input (exit 2). */
function asUsage<T>(prefix: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    throw new UsageError(`${prefix}${(error as Error).message}`);
  }
}

export async function run(ctx: Context, opts: StartOptions): Promise<void> {
  const port = parseInteger('--port', opts.port, { min: 0, max: 65535 });
  const speed = parseNumber('--speed', opts.speed, { min: 0, exclusiveMin: true });
  // The emulator is its own chunk: no other command ever loads it.
  const storagePort = parseInteger('--storage-port', opts.storagePort, { min: 0, max: 65535 });
  const { runEmulatorStart, parseFaultSpec, parseAccountFlag, parseReadGrantFlag, parseSizeFlag } = await import('../../emulator/command.js');
  const storageQuotaBytes = opts.storageQuota === undefined ? undefined : asUsage('', () => parseSizeFlag(opts.storageQuota!));
  const accounts = (opts.account ?? []).map((raw) => asUsage('', () => parseAccountFlag(raw)));
  const readGrants = (opts.readGrant ?? []).map((raw) => asUsage('', () => parseReadGrantFlag(raw)));
  if (opts.faults !== undefined) asUsage('--faults: ', () => parseFaultSpec(opts.faults!));
  // A stop by Ctrl-C or SIGTERM is the normal end of a server: exit 0, once every instance is killed.
  setSignalPolicy({ exitCode: () => 0, forceExitAfterMs: undefined });
  const code = await runEmulatorStart(
    { host: opts.host, port, storagePort, storageQuotaBytes, token: opts.token, dataDir: opts.data, speed, faults: opts.faults, accounts, readGrants },
    { stdout: ctx.io.stdout, stderr: ctx.io.stderr, stop: ctx.signal },
  );
  if (code !== 0) throw new SilentExit(code);
}
