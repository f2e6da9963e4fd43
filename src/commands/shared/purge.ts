import type { Http } from '../../api/http.js';
import type { ResourceDescriptor } from '../../resources/resource.js';
import type { Selected } from './select.js';

const LOOKUPS_IN_FLIGHT = 8;

/**
 * The buckets `delete --purge` deletes with these tasks or pools (their resource buckets,
 * and a task's result bucket), named before asking: a bucket another task still reads goes too.
 */
export async function purgedBuckets<T extends object>(http: Http, resource: ResourceDescriptor<T>, items: Selected[]): Promise<string> {
  const buckets = new Set<string>();
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++]!;
      let found: Record<string, unknown>;
      try {
        found = (await resource.get(http, item.uuid)) as Record<string, unknown>;
      } catch {
        continue; // gone, or unreadable: the delete itself reports it
      }
      for (const name of bucketNames(found)) buckets.add(name);
    }
  };
  await Promise.all(Array.from({ length: Math.min(LOOKUPS_IN_FLIGHT, items.length) }, worker));
  return buckets.size === 0 ? 'no bucket to delete with them' : `buckets deleted with them: ${[...buckets].sort().join(', ')}`;
}

function bucketNames(item: Record<string, unknown>): string[] {
  const names: unknown[] = [];
  if (Array.isArray(item.resourceBuckets)) names.push(...item.resourceBuckets);
  if (Array.isArray(item.advancedResourceBuckets)) names.push(...item.advancedResourceBuckets.map((b) => (b as { bucketName?: unknown } | null)?.bucketName));
  names.push(item.resultBucket);
  return names.filter((name): name is string => typeof name === 'string' && name !== '');
}
