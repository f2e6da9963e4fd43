import { userInfo } from '../../api/account.js';
import { accountCredits } from '../../api/services.js';
import type { UserInfo } from '../../api/types.js';
import type { Context } from '../../context.js';
import { parseEnum } from '../../lib/parse.js';
import { printItems, printRecord, type Column } from '../../output/print.js';
import { printCredits } from '../shared/usage.js';
import { quotaRows, usedOf, type QuotaRow } from './quotas.js';

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

const quotaLine = (r: QuotaRow) => `${usedOf(r.runningInstances, r.maxInstances)} instances, ${usedOf(r.runningCores, r.maxCores)} cores`;

const quotaColumns: Column<QuotaRow>[] = [
  { header: 'SCOPE', value: (r) => r.scope },
  { header: 'SCHEDULING', value: (r) => r.scheduling },
  { header: 'INSTANCES', value: (r) => usedOf(r.runningInstances, r.maxInstances) },
  { header: 'CORES', value: (r) => usedOf(r.runningCores, r.maxCores) },
];

export const SECTIONS = ['quotas', 'credits'] as const;

/** `qarnot account`: the account with its quota usage; `account quotas` / `account credits`: one part. */
export async function run(ctx: Context, _opts: unknown, section?: string): Promise<void> {
  const part = section === undefined ? undefined : parseEnum('SECTION', section, SECTIONS);
  const http = await ctx.api();
  if (part === 'credits') {
    printCredits(ctx, { credits: (await accountCredits(http)).credits });
    return;
  }
  const info = await userInfo(http);
  const rows = await quotaRows(http, info);
  if (part === 'quotas') {
    await printItems(ctx, rows, { plural: 'quotas', id: (r) => `${r.scope}:${r.scheduling}`, columns: quotaColumns });
    return;
  }
  const quotaDetails: Column<UserInfo>[] = rows.map((r) => ({ header: `${r.scope === 'user' ? '' : 'ORG '}${r.scheduling.replace(/([a-z])([A-Z])/g, '$1-$2').toUpperCase()}`, value: () => quotaLine(r) }));
  printRecord(ctx, info, { plural: 'accounts', id: (u) => u.email, columns: details, details: [...details, ...quotaDetails] });
}
