import { join } from 'node:path';
import type { InstanceRec, JobRec, PoolRec, SnapshotConfig, TaskRec } from '../model.js';
import { OutputSet } from '../output-buffer.js';
import { Runner } from '../runner.js';
import type { Account } from '../store.js';
import { Instances } from './instances.js';
import { Jobs } from './jobs.js';
import { Pools } from './pools.js';
import { Snapshots } from './snapshots.js';
import { TaskIndex } from './task-index.js';
import { Tasks } from './tasks.js';
import { Timers } from './timers.js';

interface EngineOptions {
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

interface TaskDataHooks {
  stage(acc: Account, t: TaskRec, inst: InstanceRec, dir: string): Promise<void>;
  snapshot(acc: Account, t: TaskRec, dirs: Map<number, string>, config: SnapshotConfig, progress: (sizeToUpload: number, transferred: number) => void): Promise<void>;
  uploadResults(acc: Account, t: TaskRec, dirs: Map<number, string>): Promise<void>;
  forget(t: TaskRec): void;
}

const BASE_PHASE_MS = 1000;

/**
 * Drives task, pool and job state machines with timers and real processes. Records are the
 * source of truth (persisted); everything here that is not in a record is rebuilt on restart.
 * Each resource's lifecycle is its own module; this holds what they share.
 */
export class Engine {
  readonly runner: Runner;
  readonly timers = new Timers(() => this.revision++);
  readonly index = new TaskIndex();
  readonly tasks = new Tasks(this);
  readonly instances = new Instances(this);
  readonly snapshots = new Snapshots(this);
  readonly pools = new Pools(this);
  readonly jobs = new Jobs(this);
  outputSeq = 0;
  /**
   * Bumped by anything that may change what a read returns: state changes, timers firing and
   * write requests (`noteChange`). Lets a reply rendered ahead of time be checked for staleness.
   */
  revision = 0;

  constructor(readonly opts: EngineOptions) {
    this.runner = new Runner(opts.maxConcurrentProcesses);
  }

  get phaseMs(): number {
    return BASE_PHASE_MS / this.opts.speed;
  }

  noteChange(): void {
    this.revision++;
  }

  changed(): void {
    this.revision++;
    this.opts.onChange();
  }

  transition<R extends TaskRec | PoolRec | JobRec>(rec: R, state: R['state']): void {
    if (rec.state === state) return;
    const now = Date.now();
    (rec as { previousState: unknown }).previousState = rec.state;
    rec.previousStateTransitionTime = rec.stateTransitionTime;
    (rec as { state: unknown }).state = state;
    rec.stateTransitionTime = now;
    rec.lastModified = now;
    this.changed();
  }

  outputsOf(acc: Account, uuid: string): OutputSet {
    let o = acc.outputs.get(uuid);
    if (!o) acc.outputs.set(uuid, (o = new OutputSet(this.opts.outputCapBytes)));
    return o;
  }

  instancesOf(t: TaskRec): InstanceRec[] {
    return t.instanceIds.map((id) => t.instances[id]!);
  }

  /** A task's working directories: derived only from our own uuid, never from user-chosen names. */
  taskDir(taskUuid: string): string {
    return join(this.opts.workRoot, 'tasks', taskUuid);
  }

  workDir(taskUuid: string, instanceId: number): string {
    return join(this.taskDir(taskUuid), String(instanceId));
  }

  /** TMP_PATH: beside the working directory, so nothing in it counts as a result. */
  tmpDir(taskUuid: string, instanceId: number): string {
    return join(this.taskDir(taskUuid), `${instanceId}.tmp`);
  }

  async stop(): Promise<void> {
    this.timers.stop();
    this.instances.forgetAll();
    await this.runner.stopAll();
  }
}
