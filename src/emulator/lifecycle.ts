import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { FINAL_TASK_STATES, type InstanceRec, type JobRec, type PoolRec, type QError, type SnapshotConfig, type SnapshotRec, type TaskRec } from './model.js';
import { LineAssembler, OutputSet, type StreamName } from './output-buffer.js';
import { findProfile } from './profiles.js';
import { Runner, type RunHandle, type RunResult } from './runner.js';
import type { Account } from './store.js';
import { forbidden, parseTimeSpan } from './util.js';
import { allocateForwards, inboundPorts } from './forwards.js';
import { instanceEnv } from './instance-env.js';
import { slotCapacity } from './slots.js';

/** Host variables an instance inherits; everything else comes from its constants. */
const HOST_ENV = /^(PATH|HOME|LANG|LANGUAGE|LC_[A-Z]+|TZ|TMPDIR|USER|LOGNAME|SHELL|TERM)$/;
let hostEnvCache: Record<string, string> | undefined;

/** Only what a shell needs from the host, never its tokens or cloud keys; read once (process.env is slow to walk). */
function hostEnv(): Record<string, string> {
  if (!hostEnvCache) {
    hostEnvCache = {};
    for (const [k, v] of Object.entries(process.env)) if (v !== undefined && HOST_ENV.test(k)) hostEnvCache[k] = v;
  }
  return hostEnvCache;
}

export interface EngineOptions {
  speed: number;
  /** Root of the instance working directories (inside the data dir, or a temp dir). */
  workRoot: string;
  outputCapBytes: number;
  maxConcurrentProcesses: number;
  onChange: () => void;
  log: (line: string) => void;
  /** Storage: resources into instances, results out (src/emulator/storage/tasks.ts). */
  data?: TaskDataHooks;
}

export interface TaskDataHooks {
  stage(acc: Account, t: TaskRec, inst: InstanceRec, dir: string): Promise<void>;
  snapshot(acc: Account, t: TaskRec, dirs: Map<number, string>, config: SnapshotConfig, progress: (sizeToUpload: number, transferred: number) => void): Promise<void>;
  uploadResults(acc: Account, t: TaskRec, dirs: Map<number, string>): Promise<void>;
  forget(t: TaskRec): void;
}

interface TaskRuntime {
  timers: Set<NodeJS.Timeout>;
  handles: Map<number, RunHandle>;
}

const BASE_PHASE_MS = 1000;

const err = (code: string, message: string): QError => ({ code, message, debug: null });

/**
 * Drives task, pool and job state machines with timers and real processes. Records are the
 * source of truth (persisted); everything here that is not in a record is rebuilt on restart.
 */
export class Engine {
  readonly runner: Runner;
  private readonly rt = new Map<string, TaskRuntime>();
  private readonly otherTimers = new Map<string, Set<NodeJS.Timeout>>();
  /** Non-final tasks by pool uuid, in creation order: the pool's scheduling queue. */
  private readonly poolActive = new Map<string, Set<TaskRec>>();
  /** Every task of a job, by job uuid. */
  private readonly jobTasks = new Map<string, Set<TaskRec>>();
  /** Tasks held by their dependencies. */
  private readonly waiting = new Map<TaskRec, Account>();
  outputSeq = 0;
  private stopped = false;

  constructor(private readonly opts: EngineOptions) {
    this.runner = new Runner(opts.maxConcurrentProcesses);
  }

  get phaseMs(): number {
    return BASE_PHASE_MS / this.opts.speed;
  }

  // ---------- helpers ----------

  /**
   * Bumped by anything that may change what a read returns: state changes, timers firing and
   * write requests (`noteChange`). Lets a reply rendered ahead of time be checked for staleness.
   */
  revision = 0;

  noteChange(): void {
    this.revision++;
  }

  private changed(): void {
    this.revision++;
    this.opts.onChange();
  }

  private transition<R extends TaskRec | PoolRec | JobRec>(rec: R, state: R['state']): void {
    if (rec.state === state) return;
    const now = Date.now();
    (rec as { previousState: unknown }).previousState = rec.state;
    rec.previousStateTransitionTime = rec.stateTransitionTime;
    (rec as { state: unknown }).state = state;
    rec.stateTransitionTime = now;
    rec.lastModified = now;
    this.changed();
  }

  private runtime(uuid: string): TaskRuntime {
    let r = this.rt.get(uuid);
    if (!r) this.rt.set(uuid, (r = { timers: new Set(), handles: new Map() }));
    return r;
  }

  private later(owner: string, ms: number, fn: () => void, isTask = true): void {
    if (this.stopped) return;
    const set = isTask ? this.runtime(owner).timers : this.otherTimerSet(owner);
    const t = setTimeout(() => {
      set.delete(t);
      this.revision++;
      if (!this.stopped) fn();
    }, Math.max(0, ms));
    set.add(t);
  }

  private otherTimerSet(owner: string): Set<NodeJS.Timeout> {
    let s = this.otherTimers.get(owner);
    if (!s) this.otherTimers.set(owner, (s = new Set()));
    return s;
  }

  private clearTimers(owner: string): void {
    const r = this.rt.get(owner);
    if (r) {
      for (const t of r.timers) clearTimeout(t);
      r.timers.clear();
    }
    const o = this.otherTimers.get(owner);
    if (o) {
      for (const t of o) clearTimeout(t);
      this.otherTimers.delete(owner);
    }
  }

  outputsOf(acc: Account, uuid: string): OutputSet {
    let o = acc.outputs.get(uuid);
    if (!o) acc.outputs.set(uuid, (o = new OutputSet(this.opts.outputCapBytes)));
    return o;
  }

  instancesOf(t: TaskRec): InstanceRec[] {
    return t.instanceIds.map((id) => t.instances[id]!);
  }

  tasksOfJob(jobUuid: string): TaskRec[] {
    return [...(this.jobTasks.get(jobUuid) ?? [])];
  }

  /** Instances queued or running on a pool, across its tasks. */
  queuedOrRunning(poolUuid: string): number {
    let n = 0;
    for (const t of this.poolActive.get(poolUuid) ?? []) {
      for (const i of this.instancesOf(t)) if (i.state === 'Queued' || i.state === 'Running') n++;
    }
    return n;
  }

  workDir(taskUuid: string, instanceId: number): string {
    // Derived only from our own uuid and the numeric instance id: never from user-chosen names.
    return join(this.opts.workRoot, 'tasks', taskUuid, String(instanceId));
  }

  /** TMP_PATH: beside the working directory, so nothing in it counts as a result. */
  tmpDir(taskUuid: string, instanceId: number): string {
    return join(this.opts.workRoot, 'tasks', taskUuid, `${instanceId}.tmp`);
  }

  // ---------- tasks ----------

  /** Registers a task (new or loaded) in the indexes. */
  index(t: TaskRec): void {
    if (t.jobUuid) {
      let s = this.jobTasks.get(t.jobUuid);
      if (!s) this.jobTasks.set(t.jobUuid, (s = new Set()));
      s.add(t);
    }
    if (t.poolUuid && !FINAL_TASK_STATES.has(t.state)) {
      let s = this.poolActive.get(t.poolUuid);
      if (!s) this.poolActive.set(t.poolUuid, (s = new Set()));
      s.add(t);
    }
  }

  private unindex(t: TaskRec): void {
    if (t.jobUuid) this.jobTasks.get(t.jobUuid)?.delete(t);
    if (t.poolUuid) this.poolActive.get(t.poolUuid)?.delete(t);
    this.waiting.delete(t);
  }

  submitTask(acc: Account, t: TaskRec): void {
    this.index(t);
    this.armQueueTimeout(acc, t);
    this.tryStart(acc, t);
  }

  /** maxTimeQueueSeconds: a task none of whose instances started in time is cancelled. */
  private armQueueTimeout(acc: Account, t: TaskRec): void {
    const seconds = t.input.maxTimeQueueSeconds;
    if (typeof seconds !== 'number' || seconds <= 0) return;
    this.later(t.uuid, t.creationDate + seconds * 1000 - Date.now(), () => {
      if (this.instancesOf(t).some((i) => i.attempts > 0)) return;
      this.abortTask(acc, t, err('EMU-MAX-QUEUE-TIME', `The task was cancelled: it waited in the queue longer than maxTimeQueueSeconds (${seconds} s)`));
    });
  }

  private dependencyStatus(acc: Account, t: TaskRec): 'none' | 'waiting' | 'ok' | 'ko' {
    const deps: { uuid: string; cond: string[] | null }[] = t.dependsOn.map((uuid) => ({ uuid, cond: null }));
    for (const d of t.advancedDependsOn ?? []) deps.push({ uuid: d.taskUuid, cond: d.taskFinalStateCondition });
    if (!deps.length) return 'none';
    let ko = false;
    for (const d of deps) {
      const dep = acc.tasks.get(d.uuid);
      if (!dep) continue; // a deleted dependency no longer holds anything back
      if (!FINAL_TASK_STATES.has(dep.state)) return 'waiting';
      if (d.cond && d.cond.length && !d.cond.some((c) => c.toLowerCase() === dep.state.toLowerCase())) ko = true;
    }
    for (const d of t.advancedDependsOn ?? []) {
      const dep = acc.tasks.get(d.taskUuid);
      d.actualFinalState = dep && FINAL_TASK_STATES.has(dep.state) ? dep.state.toLowerCase() : (d.actualFinalState ?? null);
    }
    return ko ? 'ko' : 'ok';
  }

  private tryStart(acc: Account, t: TaskRec): void {
    if (t.state !== 'Submitted' || t.cancelRequested || this.stopped) return;
    const deps = this.dependencyStatus(acc, t);
    if (deps === 'waiting') {
      t.dependencyState = 'waiting';
      this.waiting.set(t, acc);
      return;
    }
    this.waiting.delete(t);
    if (deps === 'ko') {
      t.dependencyState = 'dependencyConditionsNotFulfilled';
      this.abortTask(acc, t, err('EMU-DEPENDENCY', 'The task was cancelled: its dependency conditions were not fulfilled'));
      return;
    }
    if (deps === 'ok') {
      t.dependencyState = 'dependencyConditionsFulfilled';
      this.changed();
    }
    if (t.poolUuid) {
      const pool = acc.pools.get(t.poolUuid);
      if (!pool || pool.state === 'Closing' || pool.state === 'Closed' || pool.state === 'PendingDelete' || pool.state === 'Failure') {
        this.abortTask(acc, t, err('EMU-POOL-CLOSED', 'The task was cancelled: its pool is closed or gone'));
        return;
      }
      if (pool.state !== 'FullyExecuting') return; // started when the pool becomes ready
    }
    this.later(t.uuid, this.phaseMs, () => this.dispatched(acc, t));
  }

  private dispatched(acc: Account, t: TaskRec): void {
    if (t.state !== 'Submitted' || t.cancelRequested) return;
    t.executionStart = Date.now();
    if (t.poolUuid) {
      const pool = acc.pools.get(t.poolUuid);
      this.transition(t, 'PartiallyDispatched');
      if (pool) this.pumpPool(acc, pool);
      return;
    }
    this.transition(t, 'FullyDispatched');
    for (const inst of this.instancesOf(t)) if (inst.state === 'Queued') this.startInstance(acc, t, inst, null);
  }

  private startInstance(acc: Account, t: TaskRec, inst: InstanceRec, slot: number | null): void {
    const now = Date.now();
    inst.state = 'Running';
    inst.phase = 'download';
    inst.attempts++;
    inst.start = now;
    inst.firstStart ??= now;
    inst.slot = slot;
    inst.end = null;
    this.changed();
    const pool = t.poolUuid ? acc.pools.get(t.poolUuid) : undefined;
    const ports = inboundPorts(t.input.forcedNetworkRules, pool?.input.forcedNetworkRules);
    const forwarded = ports.length
      ? allocateForwards(ports)
          .then((f) => {
            inst.forwards = f;
            this.noteChange();
          })
          .catch(() => undefined)
      : Promise.resolve();
    // Resources are placed and forward ports taken during the dispatch phase, side by side.
    const staged = Promise.all([this.stage(acc, t, inst), forwarded]).then(([error]) => error);
    this.later(t.uuid, this.phaseMs, () => {
      void staged.then((error) => {
        if (this.stopped) return;
        if (error === null) this.beginExecution(acc, t, inst);
        else if (inst.state === 'Running') this.finishAttempt(acc, t, inst, { code: null, signal: null, cancelled: false, spawnError: error });
      });
    });
  }

  /** The download phase: resources into the working directory. Resolves to an error message, or null. */
  private async stage(acc: Account, t: TaskRec, inst: InstanceRec): Promise<string | null> {
    try {
      await mkdir(this.tmpDir(t.uuid, inst.id), { recursive: true });
      await this.opts.data?.stage(acc, t, inst, this.workDir(t.uuid, inst.id));
      return null;
    } catch (e) {
      return `its resources could not be placed: ${(e as Error).message}`;
    }
  }

  /**
   * A unique snapshot: Triggered, then InProgress (one phase later) while the running instances'
   * files are uploaded, then Success (at least one more phase) or Failure.
   */
  runSnapshot(acc: Account, t: TaskRec, snap: SnapshotRec): void {
    const update = (status: NonNullable<SnapshotRec['status']>) => {
      snap.status = status;
      snap.lastUpdate = Date.now();
      this.changed();
    };
    update('Triggered');
    this.later(`${t.uuid}:snap`, this.phaseMs, () => {
      update('InProgress');
      const ends = Date.now() + this.phaseMs;
      void this.snapshotNow(acc, t, snap.config, (size, done) => {
        snap.sizeToUpload = size;
        snap.transferredSize = done;
      }).then((ok) => this.later(`${t.uuid}:snap`, ends - Date.now(), () => update(ok ? 'Success' : 'Failure'), false));
    }, false);
  }

  /** (Re)arms the periodic snapshot: every snapshotInterval seconds while the task runs; 0 stops it. */
  armPeriodicSnapshot(acc: Account, t: TaskRec): void {
    this.clearTimers(`${t.uuid}:periodic`);
    if (t.snapshotInterval <= 0) return;
    this.later(`${t.uuid}:periodic`, t.snapshotInterval * 1000, () => {
      if (FINAL_TASK_STATES.has(t.state) || acc.tasks.get(t.uuid) !== t) return;
      const config = { whitelist: t.snapshotWhitelist, blacklist: t.snapshotBlacklist, bucket: t.snapshotBucket, bucketPrefix: t.snapshotBucketPrefix };
      void this.snapshotNow(acc, t, config, () => undefined).then(() => this.armPeriodicSnapshot(acc, t));
    }, false);
  }

  private async snapshotNow(acc: Account, t: TaskRec, config: SnapshotConfig, progress: (size: number, done: number) => void): Promise<boolean> {
    if (!this.opts.data) return true;
    const dirs = new Map(this.instancesOf(t).filter((i) => i.state === 'Running').map((i) => [i.id, this.workDir(t.uuid, i.id)]));
    try {
      await this.opts.data.snapshot(acc, t, dirs, config, progress);
      return true;
    } catch (e) {
      t.errors.push(err('EMU-SNAPSHOT', `The snapshot could not be uploaded: ${(e as Error).message}`));
      return false;
    }
  }

  /** PATCH on a running task (or its pool): re-copies changed resources into its running instances. */
  syncResources(acc: Account, t: TaskRec): void {
    for (const inst of this.instancesOf(t)) {
      if (inst.state !== 'Running') continue;
      void this.stage(acc, t, inst).then((error) => {
        if (error) this.opts.log(`task ${t.uuid} instance ${inst.id}: ${error}`);
      });
    }
  }

  private commandFor(acc: Account, t: TaskRec, inst: InstanceRec): { command: string; env: Record<string, string> } {
    const raw = new Map<string, string>();
    for (const c of findProfile(t.profile ?? '')?.constants ?? []) raw.set(c.name, c.value);
    const pool = t.poolUuid ? acc.pools.get(t.poolUuid) : undefined;
    if (pool) {
      for (const c of findProfile(pool.profile)?.constants ?? []) if (!raw.has(c.name)) raw.set(c.name, c.value);
      for (const c of pool.constants) raw.set(c.key, c.value);
    }
    for (const c of t.constants) raw.set(c.key, c.value);
    const id = String(inst.id);
    const subst = (v: string) =>
      v.replace(/\$\{([A-Za-z0-9_.-]+)\}/g, (m, k: string) => {
        if (k === 'INSTANCE_ID') return id;
        const other = raw.get(k);
        return other === undefined ? m : other.replace(/\$\{INSTANCE_ID\}/g, id);
      });
    const env: Record<string, string> = { ...hostEnv() };
    for (const [k, v] of raw) env[k] = subst(v);
    Object.assign(env, instanceEnv(acc, t, pool, inst));
    env.INSTANCE_ID = id;
    env.INSTANCE_COUNT = String(t.instanceCount);
    // As on Qarnot, where resources and results both live in the /job working directory.
    env.TASK_PATH = env.QARNOT_RESOURCES_DIRECTORY = env.QARNOT_RESULTS_DIRECTORY = this.workDir(t.uuid, inst.id);
    env.TMP_PATH = this.tmpDir(t.uuid, inst.id);
    env.QARNOT_TASK_UUID = t.uuid;
    env.QARNOT_TASK_NAME = t.name;
    return { command: env.DOCKER_CMD ?? '', env };
  }

  private beginExecution(acc: Account, t: TaskRec, inst: InstanceRec): void {
    if (inst.state !== 'Running' || t.cancelRequested) return;
    inst.phase = 'execution';
    inst.execStart = Date.now();
    this.refreshExecState(t);
    const { command, env } = this.commandFor(acc, t, inst);
    if (command.trim() === '') {
      this.later(t.uuid, 0, () => this.finishAttempt(acc, t, inst, { code: 0, signal: null, cancelled: false }));
      return;
    }
    const write = (stream: StreamName) => new LineAssembler((text) => this.writeOutput(acc, t, inst, stream, text));
    const out = write('stdout');
    const errw = write('stderr');
    const handle = this.runner.run({
      command,
      cwd: this.workDir(t.uuid, inst.id),
      env,
      onStdout: (b) => out.push(b),
      onStderr: (b) => errw.push(b),
      onStart: (pid) => {
        inst.pid = pid;
      },
    });
    this.runtime(t.uuid).handles.set(inst.id, handle);
    void handle.done.then((r) => {
      out.flush();
      errw.flush();
      this.runtime(t.uuid).handles.delete(inst.id);
      this.finishAttempt(acc, t, inst, r);
    });
  }

  private writeOutput(acc: Account, t: TaskRec, inst: InstanceRec, stream: StreamName, text: string): void {
    if (acc.tasks.get(t.uuid) !== t) return;
    const seq = ++this.outputSeq;
    this.outputsOf(acc, t.uuid).stream(stream).append({ seq, inst: inst.id, text });
    if (t.poolUuid && acc.pools.has(t.poolUuid)) {
      this.outputsOf(acc, t.poolUuid).stream(stream).append({ seq, inst: inst.slot ?? inst.id, text });
    }
    this.changed();
  }

  private refreshExecState(t: TaskRec): void {
    const active = ['PartiallyDispatched', 'FullyDispatched', 'PartiallyExecuting', 'FullyExecuting'];
    if (!active.includes(t.state)) return;
    const insts = this.instancesOf(t);
    const executing = insts.filter((i) => i.state === 'Running' && i.phase === 'execution').length;
    const waiting = insts.filter((i) => i.state === 'Queued' || (i.state === 'Running' && i.phase !== 'execution')).length;
    if (executing > 0) this.transition(t, waiting > 0 ? 'PartiallyExecuting' : 'FullyExecuting');
    else if (t.state === 'PartiallyDispatched' && !insts.some((i) => i.state === 'Queued')) this.transition(t, 'FullyDispatched');
  }

  private finishAttempt(acc: Account, t: TaskRec, inst: InstanceRec, r: RunResult): void {
    // After stop() the instance stays Running in the saved state; the next start ends it.
    if (this.stopped || acc.tasks.get(t.uuid) !== t || inst.state !== 'Running') return;
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
      this.changed();
      if (t.poolUuid) {
        const pool = acc.pools.get(t.poolUuid);
        if (pool) this.pumpPool(acc, pool);
      } else this.startInstance(acc, t, inst, null);
      return;
    } else {
      inst.state = 'Failure';
      const why = r.spawnError
        ? `could not start the command: ${r.spawnError}`
        : r.signal
          ? `the command was killed by ${r.signal}`
          : `the command exited with code ${r.code}`;
      inst.error = err('EMU-INSTANCE-FAILED', `Instance ${inst.id} failed: ${why}`);
      t.errors.push(inst.error);
    }
    inst.phase = null;
    inst.end = now;
    t.lastModified = now;
    this.changed();
    this.refreshExecState(t);
    this.checkTaskDone(acc, t);
  }

  private releaseSlot(acc: Account, t: TaskRec, inst: InstanceRec): void {
    if (inst.slot === null || !t.poolUuid) return;
    const pool = acc.pools.get(t.poolUuid);
    const slot = inst.slot;
    inst.slot = null;
    if (!pool) return;
    delete pool.slots[slot];
    // Let other tasks of the pool take the slot once this call stack is done.
    setImmediate(() => this.pumpPool(acc, pool));
  }

  private checkTaskDone(acc: Account, t: TaskRec): void {
    if (FINAL_TASK_STATES.has(t.state)) return;
    const insts = this.instancesOf(t);
    if (insts.some((i) => i.state === 'Queued' || i.state === 'Running')) return;
    if (t.cancelRequested && (t.input.uploadResultsOnCancellation !== true || t.state === 'UploadingResults')) {
      this.finalize(acc, t, 'Cancelled');
      return;
    }
    if (t.state === 'UploadingResults') return;
    this.transition(t, 'UploadingResults');
    const state = t.cancelRequested ? 'Cancelled' : insts.some((i) => i.state === 'Failure') ? 'Failure' : insts.some((i) => i.state === 'Cancelled') ? 'Cancelled' : 'Success';
    const uploaded = this.uploadResults(acc, t);
    this.later(t.uuid, this.phaseMs, () => void uploaded.then(() => !this.stopped && this.finalize(acc, t, state)));
  }

  private async uploadResults(acc: Account, t: TaskRec): Promise<void> {
    if (!this.opts.data) return;
    const dirs = new Map(this.instancesOf(t).filter((i) => i.attempts > 0).map((i) => [i.id, this.workDir(t.uuid, i.id)]));
    try {
      await this.opts.data.uploadResults(acc, t, dirs);
    } catch (e) {
      t.errors.push(err('EMU-RESULTS', `The results could not be uploaded: ${(e as Error).message}`));
    }
    this.changed();
  }

  private finalize(acc: Account, t: TaskRec, state: 'Success' | 'Failure' | 'Cancelled'): void {
    if (FINAL_TASK_STATES.has(t.state)) return;
    this.transition(t, state);
    t.endDate = Date.now();
    this.clearTimers(t.uuid);
    this.rt.delete(t.uuid);
    this.opts.data?.forget(t);
    this.onTaskFinal(acc, t);
  }

  private onTaskFinal(acc: Account, t: TaskRec): void {
    if (t.poolUuid) this.poolActive.get(t.poolUuid)?.delete(t);
    for (const [w, wacc] of [...this.waiting]) if (wacc === acc) this.tryStart(wacc, w);
    if (t.jobUuid) {
      const job = acc.jobs.get(t.jobUuid);
      if (job) this.checkJobDone(acc, job);
    }
    if (t.input.autoDeleteOnCompletion === true) this.armAutoDelete(acc, t);
  }

  armAutoDelete(acc: Account, t: TaskRec): void {
    const ttl = parseTimeSpan(t.input.completionTimeToLive ?? '00:00:00') ?? 0;
    const at = (t.endDate ?? Date.now()) + ttl;
    this.later(`${t.uuid}:ttl`, at - Date.now(), () => this.deleteTask(acc, t), false);
  }

  /** Returns false when the task already ended (nothing to abort). */
  abortTask(acc: Account, t: TaskRec, reason?: QError): boolean {
    if (FINAL_TASK_STATES.has(t.state)) return false;
    t.cancelRequested = true;
    this.waiting.delete(t);
    if (reason) t.errors.push(reason);
    const wasSubmitted = t.state === 'Submitted';
    // Pending phase timers (dispatch, download, upload) no longer matter.
    const r = this.rt.get(t.uuid);
    if (r) {
      for (const tm of r.timers) clearTimeout(tm);
      r.timers.clear();
    }
    if (!wasSubmitted) this.transition(t, 'PendingCancel');
    const now = Date.now();
    for (const inst of this.instancesOf(t)) {
      if (inst.state === 'Queued') {
        inst.state = 'Cancelled';
        inst.end = now;
      } else if (inst.state === 'Running') {
        const h = r?.handles.get(inst.id);
        if (h) h.cancel();
        else {
          if (inst.execStart !== null) inst.execMs += now - inst.execStart;
          inst.execStart = null;
          inst.state = 'Cancelled';
          inst.phase = null;
          inst.end = now;
          this.releaseSlot(acc, t, inst);
        }
      }
    }
    this.changed();
    this.checkTaskDone(acc, t);
    return true;
  }

  deleteTask(acc: Account, t: TaskRec): void {
    this.abortTask(acc, t);
    const handles = [...(this.rt.get(t.uuid)?.handles.values() ?? [])];
    this.clearTimers(t.uuid);
    this.clearTimers(`${t.uuid}:ttl`);
    this.clearTimers(`${t.uuid}:snap`);
    this.clearTimers(`${t.uuid}:periodic`);
    this.rt.delete(t.uuid);
    this.unindex(t);
    this.opts.data?.forget(t);
    acc.remove('task', t.uuid);
    if (t.jobUuid) {
      const job = acc.jobs.get(t.jobUuid);
      if (job) this.checkJobDone(acc, job);
    }
    for (const [w, wacc] of [...this.waiting]) if (wacc === acc) this.tryStart(wacc, w);
    this.changed();
    // Working directories go once their processes are gone.
    void Promise.all(handles.map((h) => h.done)).then(() =>
      rm(join(this.opts.workRoot, 'tasks', t.uuid), { recursive: true, force: true }).catch(() => undefined),
    );
  }

  // ---------- pools ----------

  submitPool(acc: Account, p: PoolRec): void {
    this.later(p.uuid, this.phaseMs, () => {
      if (p.state !== 'Submitted') return;
      this.transition(p, 'FullyDispatched');
      this.later(p.uuid, this.phaseMs, () => {
        if (p.state !== 'FullyDispatched') return;
        this.transition(p, 'FullyExecuting');
        for (const t of [...(this.poolActive.get(p.uuid) ?? [])]) this.tryStart(acc, t);
        this.pumpPool(acc, p);
      }, false);
    }, false);
  }

  /** Gives free pool slots to queued instances, oldest task first. */
  pumpPool(acc: Account, p: PoolRec): void {
    if (p.state !== 'FullyExecuting' || acc.pools.get(p.uuid) !== p) return;
    const used = new Set(Object.keys(p.slots).map(Number));
    const free: number[] = [];
    for (let s = 0, n = slotCapacity(p); s < n; s++) if (!used.has(s)) free.push(s);
    for (const t of this.poolActive.get(p.uuid) ?? []) {
      if (!free.length) break;
      if (t.executionStart === null || t.cancelRequested) continue;
      for (const inst of this.instancesOf(t)) {
        if (!free.length) break;
        if (inst.state !== 'Queued') continue;
        const slot = free.shift()!;
        p.slots[slot] = `${t.uuid}:${inst.id}`;
        this.startInstance(acc, t, inst, slot);
      }
      this.refreshExecState(t);
    }
  }

  closePool(acc: Account, p: PoolRec): void {
    if (p.state === 'Closing' || p.state === 'Closed' || p.state === 'PendingDelete') return;
    this.clearTimers(p.uuid);
    this.transition(p, 'Closing');
    for (const t of [...(this.poolActive.get(p.uuid) ?? [])]) {
      this.abortTask(acc, t, err('EMU-POOL-CLOSED', 'The task was cancelled: its pool was closed'));
    }
    this.later(p.uuid, this.phaseMs, () => this.poolClosed(acc, p), false);
  }

  private poolClosed(acc: Account, p: PoolRec): void {
    if (p.state !== 'Closing') return;
    this.transition(p, 'Closed');
    p.endDate = Date.now();
    this.armPoolAutoDelete(acc, p);
  }

  /** A closed pool with autoDeleteOnCompletion is deleted completionTimeToLive after it closed. */
  private armPoolAutoDelete(acc: Account, p: PoolRec): void {
    if (p.input.autoDeleteOnCompletion !== true) return;
    const ttl = parseTimeSpan(p.input.completionTimeToLive ?? '00:00:00') ?? 0;
    const at = (p.endDate ?? Date.now()) + ttl;
    this.later(`${p.uuid}:ttl`, at - Date.now(), () => {
      if (acc.pools.get(p.uuid) === p) this.deletePool(acc, p);
    }, false);
  }

  deletePool(acc: Account, p: PoolRec): void {
    this.closePool(acc, p);
    this.clearTimers(p.uuid);
    this.poolActive.delete(p.uuid);
    acc.remove('pool', p.uuid);
    this.changed();
  }

  // ---------- jobs ----------

  submitJob(acc: Account, j: JobRec): void {
    const wall = parseTimeSpan(j.maxWallTime) ?? 0;
    if (wall > 0 && j.state === 'Active') {
      this.later(j.uuid, j.creationDate + wall - Date.now(), () => {
        if (j.state !== 'Active') return;
        this.terminateJob(acc, j, err('EMU-MAX-WALL-TIME', 'The task was cancelled: the job maxWallTime was exceeded'));
      }, false);
    }
  }

  terminateJob(acc: Account, j: JobRec, reason?: QError): void {
    if (j.state !== 'Active') return;
    this.clearTimers(j.uuid);
    this.transition(j, 'Terminating');
    for (const t of this.tasksOfJob(j.uuid)) {
      this.abortTask(acc, t, reason ?? err('EMU-JOB-TERMINATED', 'The task was cancelled: its job was terminated'));
    }
    this.checkJobDone(acc, j);
  }

  private checkJobDone(acc: Account, j: JobRec): void {
    if (j.state !== 'Terminating') return;
    if (this.tasksOfJob(j.uuid).some((t) => !FINAL_TASK_STATES.has(t.state))) return;
    this.transition(j, 'Completed');
    j.endDate = Date.now();
    this.armJobAutoDelete(acc, j);
  }

  /** A completed job with autoDeleteOnCompletion is deleted completionTimeToLive after it completed (also after a restart). */
  private armJobAutoDelete(acc: Account, j: JobRec): void {
    if (!j.autoDeleteOnCompletion) return;
    const ttl = parseTimeSpan(j.completionTimeToLive) ?? 0;
    this.later(j.uuid, (j.endDate ?? Date.now()) + ttl - Date.now(), () => this.deleteJob(acc, j, true), false);
  }

  deleteJob(acc: Account, j: JobRec, force: boolean): void {
    const tasks = this.tasksOfJob(j.uuid);
    if (tasks.length && !force) {
      throw forbidden(`The job still has ${tasks.length} task(s): use ?force=true to delete the job and its tasks`);
    }
    for (const t of tasks) this.deleteTask(acc, t);
    this.clearTimers(j.uuid);
    this.jobTasks.delete(j.uuid);
    acc.remove('job', j.uuid);
    this.changed();
  }

  // ---------- restart ----------

  /**
   * After loading a persisted state: tasks that had started are ended (their unfinished
   * instances become Failure: the processes died with the previous emulator), tasks still
   * Submitted start again, pools and jobs resume.
   */
  recover(acc: Account): void {
    const now = Date.now();
    for (const p of [...acc.pools.values()]) {
      p.slots = {};
      if (p.state === 'PendingDelete') acc.remove('pool', p.uuid);
      else if (p.state === 'Closing' || p.state === 'Closed') {
        this.transition(p, 'Closed');
        p.endDate ??= now;
        this.armPoolAutoDelete(acc, p);
      } else if (p.state === 'Submitted' || p.state === 'FullyDispatched' || p.state === 'PartiallyDispatched') {
        p.state = 'Submitted';
        this.submitPool(acc, p);
      } else if (p.state === 'PartiallyExecuting') this.transition(p, 'FullyExecuting');
    }
    for (const t of [...acc.tasks.values()]) {
      this.index(t);
      // Their uploads died with the previous emulator.
      for (const s of t.snapshots) if (s.status === 'Triggered' || s.status === 'InProgress') s.status = 'Failure';
      if (FINAL_TASK_STATES.has(t.state)) {
        if (t.input.autoDeleteOnCompletion === true) this.armAutoDelete(acc, t);
        continue;
      }
      if (t.state === 'Submitted' && !this.instancesOf(t).some((i) => i.attempts > 0)) continue;
      for (const inst of this.instancesOf(t)) {
        if (inst.state !== 'Queued' && inst.state !== 'Running') continue;
        if (inst.execStart !== null) inst.execMs += Math.max(0, now - inst.execStart);
        inst.execStart = null;
        inst.pid = null;
        inst.slot = null;
        inst.phase = null;
        inst.end = now;
        if (t.cancelRequested) inst.state = 'Cancelled';
        else {
          inst.state = 'Failure';
          inst.error = err('EMU-RESTART', `Instance ${inst.id} failed: the emulator stopped while it was running`);
          t.errors.push(inst.error);
        }
      }
      this.finalizeAfterRestart(acc, t);
    }
    for (const j of [...acc.jobs.values()]) {
      if (j.state === 'Terminating') this.checkJobDone(acc, j);
      else if (j.state === 'Completed') this.armJobAutoDelete(acc, j);
      else this.submitJob(acc, j);
    }
    for (const t of [...acc.tasks.values()]) if (t.state === 'Submitted') this.tryStart(acc, t);
    for (const p of acc.pools.values()) this.pumpPool(acc, p);
  }

  private finalizeAfterRestart(acc: Account, t: TaskRec): void {
    const insts = this.instancesOf(t);
    const state = t.cancelRequested ? 'Cancelled' : insts.some((i) => i.state === 'Failure') ? 'Failure' : 'Success';
    this.finalize(acc, t, state);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const r of this.rt.values()) for (const t of r.timers) clearTimeout(t);
    for (const s of this.otherTimers.values()) for (const t of s) clearTimeout(t);
    this.rt.clear();
    this.otherTimers.clear();
    await this.runner.stopAll();
  }
}
