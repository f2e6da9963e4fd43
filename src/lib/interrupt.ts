// Signals, in one place. One AbortController for the process: SIGINT (Ctrl-C) and SIGTERM
// abort it, and every request, poll and prompt listens to its signal. A command ends with
// 130 after SIGINT and 143 after SIGTERM, unless a long-running command (the emulator) says
// how a signal ends it: its own exit code, and all the time it needs to stop cleanly.
const controller = new AbortController();

export type StopSignal = 'SIGINT' | 'SIGTERM';

const SIGNAL_EXIT_CODES: Record<StopSignal, number> = { SIGINT: 130, SIGTERM: 143 };

export interface SignalPolicy {
  /** The exit status after this signal (default: 130 for SIGINT, 143 for SIGTERM). */
  exitCode(signal: StopSignal): number;
  /** Force the exit this long after the first signal (default 1.5 s); undefined: never, the command stops itself. */
  forceExitAfterMs: number | undefined;
}

const DEFAULT_POLICY: SignalPolicy = { exitCode: (signal) => SIGNAL_EXIT_CODES[signal], forceExitAfterMs: 1500 };
let policy = DEFAULT_POLICY;
let received: StopSignal | undefined;

export function currentSignal(): AbortSignal {
  return controller.signal;
}

export function interrupt(): void {
  controller.abort(new Error('interrupted'));
}

export function wasInterrupted(): boolean {
  return controller.signal.aborted;
}

/** A long-running command's say in how a signal ends it (the emulator: 0, once stopped). */
export function setSignalPolicy(custom: Partial<SignalPolicy>): void {
  policy = { ...DEFAULT_POLICY, ...custom };
}

/** The exit status an interrupted command ends with: by the signal received (Ctrl-C in a prompt: SIGINT). */
export function interruptedExitCode(): number {
  return policy.exitCode(received ?? 'SIGINT');
}

/** SIGINT and SIGTERM abort the process's signal; a second one (or a stuck command) ends it at once. */
export function installSignalHandlers(): void {
  let count = 0;
  const onSignal = (signal: StopSignal) => () => {
    count += 1;
    received ??= signal;
    const code = policy.exitCode(received);
    process.exitCode = code;
    interrupt();
    if (count > 1) process.exit(code);
    if (policy.forceExitAfterMs !== undefined) setTimeout(() => process.exit(code), policy.forceExitAfterMs).unref();
  };
  process.on('SIGINT', onSignal('SIGINT'));
  process.on('SIGTERM', onSignal('SIGTERM'));
}
