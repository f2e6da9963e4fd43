import type { Context } from '../../context.js';
import { maskToken } from '../../lib/secrets.js';
import { printItems } from '../../output/print.js';

interface Row {
  context: string;
  active: boolean;
  apiUrl?: string;
  token: string;
  as?: string;
}

export async function run(ctx: Context): Promise<void> {
  const store = await ctx.config();
  const active = store.activeProfileName();
  const rows: Row[] = Object.entries(store.profiles()).map(([context, p]) => ({
    context,
    active: context === active,
    apiUrl: p.apiUrl,
    token: maskToken(p.token),
    as: p.as,
  }));
  await printItems(ctx, rows, {
    plural: 'contexts',
    fields: ['context', 'active', 'apiUrl', 'token', 'as'] satisfies (keyof Row)[],
    id: (r) => r.context,
    columns: [
      { header: 'CONTEXT', value: (r) => (r.active && ctx.io.stdoutIsTTY ? `* ${r.context}` : r.context) },
      { header: 'ACTIVE', value: (r) => (r.active ? 'yes' : '') },
      { header: 'API-URL', value: (r) => r.apiUrl ?? '(default)' },
      { header: 'TOKEN', value: (r) => r.token || '(none)' },
      { header: 'AS', value: (r) => r.as },
    ],
  });
}
