/**
 * Typed errors. Each carries the exit code it maps to; src/main.ts is the only
 * place that turns them into a process exit status.
 */
export const ExitCode = {
  Ok: 0,
  Failure: 1,
  Usage: 2,
  NotFound: 3,
  Auth: 4,
  Timeout: 124,
  Interrupted: 130,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = ExitCode.Failure,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Bad input: the message names the flag or field. Nothing was sent. */
export class UsageError extends CliError {
  constructor(message: string) {
    super(message, ExitCode.Usage);
  }
}

export class ApiError extends CliError {
  constructor(
    message: string,
    readonly status: number,
    readonly method: string,
    readonly path: string,
    /** The parsed error body (ProblemDetails, {message} ...), when there was one. */
    readonly body?: unknown,
  ) {
    super(message, exitCodeForStatus(status, message));
  }

  /** An earlier attempt of the same request may have acted, its answer lost (a 409 may be its own create). */
  afterLostAnswer = false;
}

export class NetworkError extends CliError {
  constructor(message: string) {
    super(message, ExitCode.Failure);
  }
}

/**
 * The API answered 2xx with something the command cannot use (HTML from a proxy, null, a
 * create without the uuid of what it made, a page token that comes back): exit 1, one line.
 */
export class BadAnswerError extends CliError {
  constructor(what: string) {
    super(`bad answer from the API ${what}`, ExitCode.Failure);
  }
}

export class TimeoutError extends CliError {
  constructor(message: string) {
    super(message, ExitCode.Timeout);
  }
}

export class InterruptedError extends CliError {
  constructor() {
    super('interrupted', ExitCode.Interrupted);
  }
}

/** Ends the command with a code after it already told the user why. */
export class SilentExit extends CliError {
  constructor(exitCode: number) {
    super('', exitCode);
  }
}

/** Errors worth waiting out in a polling loop: the network, the server's 5xx, 408 and 429. */
export function isTransient(error: unknown): boolean {
  if (error instanceof NetworkError) return true;
  if (error instanceof ApiError) return error.status >= 500 || error.status === 429 || error.status === 408;
  return false;
}

/** What a 403 says when it is about who is asking, not about the object. */
const PERMISSION_REFUSAL = /\b(access|permission|not allowed|unauthori[sz]ed|forbidden|credential|token|read-only)\b/i;

/**
 * The API answers 403 both to a missing permission and to a refusal about the object's
 * state (snapshot of a finished task, a job that still has tasks, a quota reached): only
 * authentication and permission exit 4, the others 1 like any refusal.
 */
export function exitCodeForStatus(status: number, message = ''): number {
  if (status === 401) return ExitCode.Auth;
  if (status === 403) return message === '' || PERMISSION_REFUSAL.test(message) ? ExitCode.Auth : ExitCode.Failure;
  if (status === 404) return ExitCode.NotFound;
  return ExitCode.Failure;
}
