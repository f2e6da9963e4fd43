import { appendFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { Context } from '../../context.js';
import { dynamicCandidates } from '../../completion/dynamic.js';
import { directiveFor, formatCandidates } from '../../completion/protocol.js';
import { resolveWords, staticCandidates, type Candidate } from '../../completion/resolve.js';
import { describeTree } from '../../completion/tree.js';
import { redactSecrets } from '../../lib/secrets.js';

/** Total time a TAB may take, counted from process start (performance.now()). */
const DEFAULT_BUDGET_MS = 450;

/**
 * Runs on every TAB that needs an id or a profile name. Whatever happens it
 * prints candidates or nothing at all: never an error, never a stack trace.
 */
export async function run(ctx: Context, _opts: unknown, words: string[] = []): Promise<void> {
  try {
    let root: Command = ctx.command;
    while (root.parent) root = root.parent;
    const resolution = resolveWords(describeTree(root), words.length ? words : ['']);
    let candidates = staticCandidates(resolution);
    const { slot } = resolution;
    if (slot.type === 'value' && slot.value.type === 'dynamic') {
      const remaining = Math.floor(budgetMs(ctx.env) - performance.now());
      if (remaining < 10) return;
      const all = await withDeadline(remaining, ctx.signal, (signal) =>
        dynamicCandidates(slot.value.type === 'dynamic' ? slot.value.resource : 'task', resolution.globals, {
          env: ctx.env,
          config: ctx.config,
          signal,
          partial: resolution.partial,
        }),
      );
      candidates = all
        .filter((c) => c.value.startsWith(resolution.partial))
        .map((c): Candidate => ({ ...c, value: resolution.insertPrefix + c.value }));
    }
    ctx.io.out(formatCandidates(candidates, directiveFor(slot)));
  } catch (error) {
    // Silent by design: a broken TAB must not print into the user's command line.
    debugLog(ctx.env, error);
  }
}

/** Like cobra's BASH_COMP_DEBUG_FILE: QARNOT_COMPLETION_DEBUG=<file> appends why a TAB gave nothing. */
function debugLog(env: NodeJS.ProcessEnv, error: unknown): void {
  const file = env.QARNOT_COMPLETION_DEBUG;
  if (!file) return;
  const message = error instanceof Error ? error.message : String(error);
  try {
    appendFileSync(file, `${new Date().toISOString()} __complete: ${redactSecrets(message)}\n`);
  } catch {
    // nowhere to report
  }
}

/** QARNOT_COMPLETION_BUDGET_MS overrides the half second (slow machines, tests). */
function budgetMs(env: NodeJS.ProcessEnv): number {
  const raw = Number(env.QARNOT_COMPLETION_BUDGET_MS);
  return Number.isFinite(raw) && raw > 0 ? raw : DEFAULT_BUDGET_MS;
}

/** Gives up at the deadline even if some step ignores the signal (a config file lock, a DNS lookup). */
async function withDeadline<T>(ms: number, parent: AbortSignal, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const signal = AbortSignal.any([parent, AbortSignal.timeout(ms)]);
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(new Error('completion deadline'));
    signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([work(signal), aborted]);
  } finally {
    signal.removeEventListener('abort', onAbort!);
  }
}
