import type { Context } from '../../context.js';
import { SilentExit, UsageError } from '../../errors.js';
import { parseInteger, parseNumber } from '../../lib/parse.js';
import { setSignalPolicy } from '../../lib/interrupt.js';
import { readSecretFile } from './secret-file.js';

interface StartOptions {
  host: string;
  port: string;
  storagePort: string;
  storageQuota?: string;
  token?: string;
  tokenFile?: string;
  data?: string;
  speed: string;
  faults?: string;
  account?: string[];
  accountsFile?: string;
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
  const emulator = await import('../../emulator/command.js');
  const { runEmulatorStart, parseFaultSpec, parseReadGrantFlag, parseSizeFlag } = emulator;
  const storageQuotaBytes = opts.storageQuota === undefined ? undefined : asUsage('', () => parseSizeFlag(opts.storageQuota!));
  const accounts = emulatorAccounts(ctx, opts, emulator);
  const readGrants = (opts.readGrant ?? []).map((raw) => asUsage('', () => parseReadGrantFlag(raw)));
  if (opts.faults !== undefined) asUsage('--faults: ', () => parseFaultSpec(opts.faults!));
  // A stop by Ctrl-C or SIGTERM is the normal end of a server: exit 0, once every instance is killed.
  setSignalPolicy({ exitCode: () => 0, forceExitAfterMs: undefined });
  const code = await runEmulatorStart(
    { host: opts.host, port, storagePort, storageQuotaBytes, token: emulatorToken(ctx, opts), dataDir: opts.data, speed, faults: opts.faults, accounts, readGrants },
    { stdout: ctx.io.stdout, stderr: ctx.io.stderr, stop: ctx.signal },
  );
  if (code !== 0) throw new SilentExit(code);
}

/**
 * The token to require: --token (warned about: any local user reads it in /proc/PID/cmdline),
 * QARNOT_EMULATOR_TOKEN, or --token-file; none of them: a random one, the safe default.
 */
function emulatorToken(ctx: Context, opts: StartOptions): string | undefined {
  const given = [opts.token !== undefined && '--token', opts.tokenFile !== undefined && '--token-file'].filter(Boolean);
  if (given.length > 1) throw new UsageError('--token and --token-file cannot be used together');
  if (opts.token !== undefined) {
    ctx.io.err('warning: --token is visible to every local user (process list); prefer QARNOT_EMULATOR_TOKEN or --token-file\n');
    return opts.token;
  }
  if (opts.tokenFile !== undefined) {
    const token = readSecretFile('--token-file', opts.tokenFile).split('\n')[0]!.trim();
    if (!token) throw new UsageError(`--token-file: ${JSON.stringify(opts.tokenFile)} holds no token on its first line`);
    return token;
  }
  const fromEnv = ctx.env.QARNOT_EMULATOR_TOKEN?.trim();
  return fromEnv ? fromEnv : undefined;
}

/**
 * The other accounts, from all of: --account (warned about, as --token), --accounts-file and
 * QARNOT_EMULATOR_ACCOUNTS. The emulator refuses an e-mail or a token given twice.
 */
function emulatorAccounts(ctx: Context, opts: StartOptions, emulator: typeof import('../../emulator/command.js')) {
  const fromFlags = (opts.account ?? []).map((raw) => asUsage('', () => emulator.parseAccountFlag(raw)));
  if (fromFlags.length) {
    ctx.io.err('warning: --account puts its token where every local user can read it (process list); prefer --accounts-file or QARNOT_EMULATOR_ACCOUNTS\n');
  }
  const fromFile = opts.accountsFile === undefined ? [] : asUsage('', () => emulator.parseAccountsList(readSecretFile('--accounts-file', opts.accountsFile!), `--accounts-file ${JSON.stringify(opts.accountsFile)}`));
  const env = ctx.env.QARNOT_EMULATOR_ACCOUNTS;
  const fromEnv = env === undefined ? [] : asUsage('', () => emulator.parseAccountsList(env, 'QARNOT_EMULATOR_ACCOUNTS'));
  return [...fromFlags, ...fromFile, ...fromEnv];
}
