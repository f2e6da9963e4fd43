import { userInfo } from '../../api/account.js';
import type { UserInfo } from '../../api/types.js';
import type { Context } from '../../context.js';
import { printRecord, type Column } from '../../output/print.js';

const quota = (used: string, max: string) => (u: UserInfo) => `${u[used] ?? 0} / ${u[max] ?? '-'}`;

const details: Column<UserInfo>[] = [
  { header: 'EMAIL', value: (u) => u.email },
  { header: 'TASKS', value: quota('taskCount', 'maxTask') },
  { header: 'RUNNING TASKS', value: quota('runningTaskCount', 'maxRunningTask') },
  { header: 'POOLS', value: quota('poolCount', 'maxPool') },
  { header: 'RUNNING POOLS', value: quota('runningPoolCount', 'maxRunningPool') },
  { header: 'JOBS', value: quota('jobCount', 'maxJob') },
  { header: 'RUNNING INSTANCES', value: (u) => u.runningInstanceCount },
  { header: 'RUNNING CORES', value: (u) => u.runningCoreCount },
  { header: 'BUCKETS', value: (u) => u.maxBucket },
  { header: 'SCHEDULING', value: (u) => u.defaultScheduling },
];

export async function run(ctx: Context): Promise<void> {
  const info = await userInfo(await ctx.api());
  printRecord(ctx, info, { plural: 'accounts', id: (u) => u.email, columns: details, details });
}
