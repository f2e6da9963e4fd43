import { getTask } from '../../api/tasks.js';
import type { Task } from '../../api/types.js';
import type { Context } from '../../context.js';
import { parseUuidOrShortname } from '../../lib/parse.js';
import { checkFields, printItems, type View } from '../../output/print.js';

export interface Forward {
  instanceId: number;
  applicationPort: number;
  forwarderHost: string;
  forwarderPort: number;
}

/** The forwards of a task's running instances, from status.runningInstancesInfo. */
export function forwardsOf(task: Task): Forward[] {
  const out: Forward[] = [];
  for (const info of task.status?.runningInstancesInfo?.perRunningInstanceInfo ?? []) {
    for (const f of info.activeForwards ?? []) {
      if (f && f.forwarderHost && Number.isInteger(f.forwarderPort)) {
        out.push({ instanceId: info.instanceId, applicationPort: f.applicationPort, forwarderHost: f.forwarderHost, forwarderPort: f.forwarderPort });
      }
    }
  }
  return out.sort((a, b) => a.instanceId - b.instanceId || a.applicationPort - b.applicationPort);
}

const forwardView: View<Forward> = {
  plural: 'forwards',
  // Its JSON fields: --fields names only these (or the columns), not any path.
  fields: ['instanceId', 'applicationPort', 'forwarderHost', 'forwarderPort'],
  id: (f) => `${f.forwarderHost}:${f.forwarderPort}`,
  columns: [
    { header: 'INSTANCE', value: (f) => f.instanceId },
    { header: 'PORT', value: (f) => f.applicationPort },
    { header: 'ADDRESS', value: (f) => `${f.forwarderHost}:${f.forwarderPort}` },
  ],
};

export async function run(ctx: Context, _opts: unknown, id: string): Promise<void> {
  parseUuidOrShortname('ID', id);
  checkFields(ctx, forwardView);
  const task = await getTask(await ctx.api(), id);
  const count = await printItems(ctx, forwardsOf(task), forwardView);
  if (count === 0 && ctx.io.stderrIsTTY) ctx.io.err(`Task ${task.uuid} is ${task.state}: forwards appear while an instance with --forward ports runs\n`);
}
