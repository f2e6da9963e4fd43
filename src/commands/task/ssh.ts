import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { getTask, TASK_FINAL_STATES } from '../../api/tasks.js';
import type { Task } from '../../api/types.js';
import type { Context } from '../../context.js';
import { CliError, ExitCode, SilentExit, TimeoutError, UsageError } from '../../errors.js';
import { expandRange } from '../../lib/ranges.js';
import { parseDuration, parseInteger, parseUuidOrShortname, quote } from '../../lib/parse.js';
import { shellQuote } from '../../lib/shell.js';
import { abortableSleep } from '../../lib/sleep.js';
import { forwardsOf, type Forward } from './forwards.js';

interface SshOptions {
  instance?: string;
  user?: string;
  port?: string;
  timeout?: string;
  print?: boolean;
}

const POLL_MS = 1000;

/** The command line: `ssh -p PORT [ARGS...] USER@HOST` (the program can be swapped with QARNOT_SSH). */
export function sshCommand(program: string, forward: Forward, user: string, extra: readonly string[]): string[] {
  return [program, '-p', String(forward.forwarderPort), ...extra, `${user}@${forward.forwarderHost}`];
}


/** An instance the task does not have never forwards anything: not found at once, not after --timeout. */
function checkInstance(task: Task, instance: number): void {
  let range: string | undefined;
  if (typeof task.advancedRanges === 'string' && task.advancedRanges !== '') range = task.advancedRanges;
  else if (typeof task.instanceCount === 'number' && task.instanceCount > 0) range = task.instanceCount === 1 ? '0' : `0-${task.instanceCount - 1}`;
  let ids: number[];
  try {
    ids = range === undefined ? [] : expandRange(range);
  } catch {
    return; // a range we cannot read: the API knows better
  }
  if (range !== undefined && !ids.includes(instance)) {
    throw new CliError(`task ${task.uuid} has no instance ${instance} (its instances: ${range})`, ExitCode.NotFound);
  }
}

/** Whether the task may get this inbound port forwarded. */
function opensPort(task: Task, port: number): boolean {
  // In a pool the pool may open it; an SSH profile opens 22 for a DOCKER_SSH key.
  if (task.poolUuid || (port === 22 && task.constants?.some((c) => c.key === 'DOCKER_SSH'))) return true;
  const rules = Array.isArray(task.forcedNetworkRules) ? (task.forcedNetworkRules as { inbound?: unknown; port?: unknown }[]) : [];
  return rules.some((rule) => rule?.inbound === true && String(rule.port) === String(port));
}

/** Waits until the wanted instance runs with a forward of the port. */
async function waitForForward(ctx: Context, id: string, port: number, instance: number | undefined, deadline: number): Promise<Forward> {
  const http = await ctx.api();
  let told = false;
  for (;;) {
    const task = await getTask(http, id);
    if (instance !== undefined) checkInstance(task, instance);
    const found = forwardsOf(task).find((f) => f.applicationPort === port && (instance === undefined || f.instanceId === instance));
    if (found) return found;
    if (TASK_FINAL_STATES.has(task.state)) {
      throw new CliError(`task ${task.uuid} is ${task.state}: no running instance${instance === undefined ? '' : ` ${instance}`} forwards port ${port}`);
    }
    if (Date.now() > deadline) throw new TimeoutError(`no instance${instance === undefined ? '' : ` ${instance}`} of task ${task.uuid} forwarded port ${port} in time (--timeout)`);
    if (!told) {
      // Said even off a terminal: a script would otherwise wait its whole --timeout in silence.
      if (!opensPort(task, port)) {
        ctx.io.err(
          `${ctx.io.colorErr.yellow('!')} task ${task.uuid} asks for no inbound port ${port} (create it with ${port === 22 ? '--ssh-key FILE' : `--forward ${port}`}): its instances may never forward it; waiting up to --timeout\n`,
        );
      } else if (ctx.io.stderrIsTTY) ctx.io.err(`Waiting for task ${task.uuid} (${task.state}) to forward port ${port}...\n`);
      told = true;
    }
    await abortableSleep(POLL_MS, ctx.signal);
  }
}

export async function run(ctx: Context, opts: SshOptions, id: string, extra: string[] = []): Promise<void> {
  parseUuidOrShortname('ID', id);
  const instance = opts.instance === undefined ? undefined : parseInteger('--instance', opts.instance, { min: 0 });
  const port = opts.port === undefined ? 22 : parseInteger('--port', opts.port, { min: 1, max: 65535 });
  const user = opts.user ?? 'root';
  if (!/^[A-Za-z0-9._][A-Za-z0-9._-]*$/.test(user)) throw new UsageError(`--user must be a user name, got ${quote(user)}`);
  const timeoutMs = parseDuration('--timeout', opts.timeout ?? '10m');
  const forward = await waitForForward(ctx, id, port, instance, Date.now() + timeoutMs);
  const argv = sshCommand(ctx.env.QARNOT_SSH || 'ssh', forward, user, extra);
  if (opts.print) {
    ctx.io.out(`${argv.map(shellQuote).join(' ')}\n`);
    return;
  }
  const code = await new Promise<number>((resolve, reject) => {
    const child = spawn(argv[0]!, argv.slice(1), { stdio: 'inherit' });
    child.on('error', (error) => reject(new CliError(`cannot run ${quote(argv[0]!)}: ${error.message}; install OpenSSH or set QARNOT_SSH`)));
    child.on('exit', (status, signal) => resolve(status ?? 128 + (signal ? (constants.signals[signal] ?? 1) : 1)));
  });
  if (code !== 0) throw new SilentExit(code);
}
