// One AbortController for the process: Ctrl-C aborts it, and every request,
// poll and prompt listens to its signal.
const controller = new AbortController();

export function currentSignal(): AbortSignal {
  return controller.signal;
}

export function interrupt(): void {
  controller.abort(new Error('interrupted'));
}

export function wasInterrupted(): boolean {
  return controller.signal.aborted;
}
