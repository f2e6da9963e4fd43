import type { TestEmulator } from './emulator.js';

/** Every task with this tag (or name), through the faults: reads are retried until they succeed. */
export async function serverTasksByName(emu: TestEmulator, tag?: string, name?: string): Promise<{ uuid: string; name: string }[]> {
  const out: { uuid: string; name: string }[] = [];
  let token: string | null = null;
  const filter = tag
    ? { operator: 'Equal', field: 'Tags', value: tag }
    : { operator: 'Equal', field: 'Name', value: name };
  for (;;) {
    let page: { data: { uuid: string; name: string }[]; nextToken: string | null; isTruncated: boolean } | undefined;
    for (let attempt = 0; attempt < 50 && !page; attempt++) {
      const res = await emu
        .call<typeof page>('POST', '/tasks/paginate', { filter, token, maximumResults: 250 })
        .catch(() => undefined);
      if (res && res.status === 200) page = res.body;
    }
    if (!page) throw new Error('could not read the tasks through the faults');
    out.push(...page.data.map((t) => ({ uuid: t.uuid, name: t.name })));
    if (!page.isTruncated || !page.nextToken) return out;
    token = page.nextToken;
  }
}
