import { startEmulator, type EmulatorOptions } from './index.js';

export { parseFaultSpec } from './faults.js';
export { validateOptions, parseAccountFlag, parseAccountsList, parseReadGrantFlag, parseSizeFlag } from './options.js';

/**
 * `qarnot emulator start`: prints the environment lines (API URL, token, storage URL) on stdout once listening (and
 * nothing else there), runs until SIGINT/SIGTERM, then kills every instance process.
 */
export async function runEmulatorStart(
  opts: EmulatorOptions,
  io: {
    stdout: NodeJS.WritableStream;
    stderr: NodeJS.WritableStream;
    /** Aborted when it must stop (the CLI's one signal handling); without it, SIGINT or SIGTERM. */
    stop?: AbortSignal;
  },
): Promise<number> {
  const log = opts.log ?? ((line: string) => void io.stderr.write(`${line}\n`));
  let emu;
  try {
    emu = await startEmulator({ ...opts, log });
  } catch (e) {
    io.stderr.write(`qarnot emulator: ${(e as Error).message}\n`);
    return 2;
  }
  io.stderr.write(
    `Qarnot Compute API emulator listening on ${emu.url}` +
      (opts.dataDir ? ` (state in ${opts.dataDir})` : ' (in memory)') +
      `, S3 storage on ${emu.storageUrl}` +
      '. Instances run DOCKER_CMD with /bin/sh -c directly on this host: no container, no isolation. Ctrl-C to stop.\n',
  );
  io.stdout.write(`QARNOT_CLUSTER_URL=${emu.url}\nQARNOT_CLIENT_TOKEN=${emu.token}\nQARNOT_STORAGE_URL=${emu.storageUrl}\n`);
  await new Promise<void>((resolve) => {
    const { stop } = io;
    if (stop) {
      if (stop.aborted) resolve();
      else stop.addEventListener('abort', () => resolve(), { once: true });
      return;
    }
    const onSignal = () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      resolve();
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
  io.stderr.write('Stopping the emulator (killing running instances)...\n');
  await emu.stop();
  return 0;
}
