import { mkdir } from 'node:fs/promises';
import { allocateForwards, inboundPorts } from '../forwards.js';
import { qError, type InstanceRec, type TaskRec } from '../model.js';
import { LineAssembler, type StreamName } from '../output-buffer.js';
import type { RunHandle, RunResult } from '../runner.js';
import type { Account } from '../store.js';
import type { Engine } from './engine.js';
import { instanceCommand } from './instance-command.js';

/** An instance's attempts: resources staged, its command run as a real process, retried or ended. */
export class Instances {
  /** Running processes by task uuid, then instance id. */
  private readonly running = new Map<string, Map<number, RunHandle>>();

  constructor(private readonly e: Engine) {}

  handle(taskUuid: string, instanceId: number): RunHandle | undefined {
    return this.running.get(taskUuid)?.get(instanceId);
  }

  handles(taskUuid: string): RunHandle[] {
    return [...(this.running.get(taskUuid)?.values() ?? [])];
  }

  forget(taskUuid: string): void {
    this.running.delete(taskUuid);
  }

  forgetAll(): void {
    this.running.clear();
  }

  private handlesOf(taskUuid: string): Map<number, RunHandle> {
    let m = this.running.get(taskUuid);
    if (!m) this.running.set(taskUuid, (m = new Map()));
    return m;
  }

  start(acc: Account, t: TaskRec, inst: InstanceRec, slot: number | null): void {
    const now = Date.now();
    inst.state = 'Running';
    inst.phase = 'download';
    inst.attempts++;
    inst.start = now;
    inst.firstStart ??= now;
    inst.slot = slot;
    inst.end = null;
    this.e.changed();
    const pool = t.poolUuid ? acc.pools.get(t.poolUuid) : undefined;
    const ports = inboundPorts(t.input.forcedNetworkRules, pool?.input.forcedNetworkRules);
    const forwarded = ports.length
      ? allocateForwards(ports)
          .then((f) => {
            inst.forwards = f;
            this.e.noteChange();
          })
          .catch(() => undefined)
      : Promise.resolve();
    // Resources are placed and forward ports taken during the dispatch phase, side by side.
    const staged = Promise.all([this.stage(acc, t, inst), forwarded]).then(([error]) => error);
    this.e.timers.later(t.uuid, this.e.phaseMs, () => {
      void staged.then((error) => {
        if (this.e.timers.stopped) return;
        if (error === null) this.beginExecution(acc, t, inst);
        else if (inst.state === 'Running') this.finishAttempt(acc, t, inst, { code: null, signal: null, cancelled: false, spawnError: error });
      });
    });
  }

  /** The download phase: resources into the working directory. Resolves to an error message, or null. */
  private async stage(acc: Account, t: TaskRec, inst: InstanceRec): Promise<string | null> {
    try {
      await mkdir(this.e.tmpDir(t.uuid, inst.id), { recursive: true });
      await this.e.opts.data?.stage(acc, t, inst, this.e.workDir(t.uuid, inst.id));
      return null;
    } catch (e) {
      return `its resources could not be placed: ${(e as Error).message}`;
    }
  }

  /** PATCH on a running task (or its pool): re-copies changed resources into its running instances. */
  syncResources(acc: Account, t: TaskRec): void {
    for (const inst of this.e.instancesOf(t)) {
      if (inst.state !== 'Running') continue;
      void this.stage(acc, t, inst).then((error) => {
        if (error) this.e.opts.log(`task ${t.uuid} instance ${inst.id}: ${error}`);
      });
    }
  }

  private beginExecution(acc: Account, t: TaskRec, inst: InstanceRec): void {
    if (inst.state !== 'Running' || t.cancelRequested) return;
    inst.phase = 'execution';
    inst.execStart = Date.now();
    this.refreshExecState(t);
    const cwd = this.e.workDir(t.uuid, inst.id);
    const { command, env } = instanceCommand(acc, t, inst, { work: cwd, tmp: this.e.tmpDir(t.uuid, inst.id) });
    if (command.trim() === '') {
      this.e.timers.later(t.uuid, 0, () => this.finishAttempt(acc, t, inst, { code: 0, signal: null, cancelled: false }));
      return;
    }
    const write = (stream: StreamName) => new LineAssembler((text) => this.writeOutput(acc, t, inst, stream, text));
    const out = write('stdout');
    const errw = write('stderr');
    const handle = this.e.runner.run({
      command,
      cwd,
      env,
      onStdout: (b) => out.push(b),
      onStderr: (b) => errw.push(b),
      onStart: (pid) => {
        inst.pid = pid;
        // Executing from the spawn: a wait for a free process slot (maxConcurrentProcesses) is not execution.
        inst.execStart = Date.now();
      },
    });
    this.handlesOf(t.uuid).set(inst.id, handle);
    void handle.done.then((r) => {
      out.flush();
      errw.flush();
      this.handlesOf(t.uuid).delete(inst.id);
      this.finishAttempt(acc, t, inst, r);
    });
  }

  private writeOutput(acc: Account, t: TaskRec, inst: InstanceRec, stream: StreamName, text: string): void {
    if (acc.tasks.get(t.uuid) !== t) return;
    const seq = ++this.e.outputSeq;
    this.e.outputsOf(acc, t.uuid).stream(stream).append({ seq, inst: inst.id, text });
    if (t.poolUuid && acc.pools.has(t.poolUuid)) {
      this.e.outputsOf(acc, t.poolUuid).stream(stream).append({ seq, inst: inst.slot ?? inst.id, text });
    }
    this.e.changed();
  }

  /** The task's dispatched/executing state from its instances' phases. */
  refreshExecState(t: TaskRec): void {
    const active = ['PartiallyDispatched', 'FullyDispatched', 'PartiallyExecuting', 'FullyExecuting'];
    if (!active.includes(t.state)) return;
    const insts = this.e.instancesOf(t);
    const executing = insts.filter((i) => i.state === 'Running' && i.phase === 'execution').length;
    const waiting = insts.filter((i) => i.state === 'Queued' || (i.state === 'Running' && i.phase !== 'execution')).length;
    if (executing > 0) this.e.transition(t, waiting > 0 ? 'PartiallyExecuting' : 'FullyExecuting');
    else if (t.state === 'PartiallyDispatched' && !insts.some((i) => i.state === 'Queued')) this.e.transition(t, 'FullyDispatched');
  }

  private finishAttempt(acc: Account, t: TaskRec, inst: InstanceRec, r: RunResult): void {
    // After stop() the instance stays Running in the saved state; the next start ends it.
    if (this.e.timers.stopped || acc.tasks.get(t.uuid) !== t || inst.state !== 'Running') return;
    const now = Date.now();
    if (inst.execStart !== null) inst.execMs += now - inst.execStart;
    inst.execStart = null;
    inst.pid = null;
    delete inst.forwards;
    this.releaseSlot(acc, t, inst);
    const ok = r.code === 0 && !r.cancelled;
    if (t.cancelRequested || r.cancelled) {
      inst.state = 'Cancelled';
    } else if (ok) {
      inst.state = 'Success';
      inst.error = null;
    } else if (inst.attempts - 1 < t.maxPerInstanceRetries && (t.maxTotalRetries === null || t.totalRetriesUsed < t.maxTotalRetries)) {
      t.totalRetriesUsed++;
      inst.state = 'Queued';
      inst.phase = null;
      this.e.changed();
      if (t.poolUuid) {
        const pool = acc.pools.get(t.poolUuid);
        if (pool) this.e.pools.pump(acc, pool);
      } else this.start(acc, t, inst, null);
      return;
    } else {
      inst.state = 'Failure';
      const why = r.spawnError
        ? `could not start the command: ${r.spawnError}`
        : r.signal
          ? `the command was killed by ${r.signal}`
          : `the command exited with code ${r.code}`;
      inst.error = qError('EMU-INSTANCE-FAILED', `Instance ${inst.id} failed: ${why}`);
      t.errors.push(inst.error);
    }
    inst.phase = null;
    inst.end = now;
    t.lastModified = now;
    this.e.changed();
    this.refreshExecState(t);
    this.e.tasks.checkDone(acc, t);
  }

  /** Gives the instance's pool slot back; the pool's queue takes it once this call stack is done. */
  releaseSlot(acc: Account, t: TaskRec, inst: InstanceRec): void {
    if (inst.slot === null || !t.poolUuid) return;
    const pool = acc.pools.get(t.poolUuid);
    const slot = inst.slot;
    inst.slot = null;
    if (!pool) return;
    delete pool.slots[slot];
    setImmediate(() => this.e.pools.pump(acc, pool));
  }
}
