import type { Context } from '../../context.js';
import { SilentExit, UsageError } from '../../errors.js';
import { parseInteger, parseNumber } from '../../lib/parse.js';

interface StartOptions {
  host: string;
  port: string;
  token?: string;
  data?: string;
  speed: string;
  faults?: string;
  account?: string[];
  readGrant?: string[];
}

function splitPair(flag: string, raw: string, what: string): [string, string] {
  const at = raw.indexOf(':');
  if (at <= 0 || at === raw.length - 1) throw new UsageError(`${flag} expects ${what}, got "${raw}"`);
  return [raw.slice(0, at), raw.slice(at + 1)];
}

export async function run(ctx: Context, opts: StartOptions): Promise<void> {
  const port = parseInteger('--port', opts.port, { min: 0, max: 65535 });
  const speed = parseNumber('--speed', opts.speed, { min: 0, exclusiveMin: true });
  const accounts = (opts.account ?? []).map((raw) => {
    const [email, token] = splitPair('--account', raw, 'EMAIL:TOKEN');
    return { email, token };
  });
  const readGrants = (opts.readGrant ?? []).map((raw) => {
    const [reader, target] = splitPair('--read-grant', raw, 'READER_EMAIL:TARGET_EMAIL');
    return { reader, target };
  });
  // The emulator is its own chunk: no other command ever loads it.
  const { runEmulatorStart, parseFaultSpec } = await import('../../emulator/command.js');
  if (opts.faults !== undefined) {
    try {
      parseFaultSpec(opts.faults);
    } catch (error) {
      throw new UsageError(`--faults: ${(error as Error).message}`);
    }
  }
  const code = await runEmulatorStart(
    { host: opts.host, port, token: opts.token, dataDir: opts.data, speed, faults: opts.faults, accounts, readGrants },
    { stdout: ctx.io.stdout, stderr: ctx.io.stderr },
  );
  if (code !== 0) throw new SilentExit(code);
}
