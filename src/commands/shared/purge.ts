import type { Http } from '../../api/http.js';
import { mapLimit } from '../../lib/map-limit.js';
import type { ResourceDescriptor } from '../../resources/resource.js';
import type { Selected } from './select.js';

const LOOKUPS_IN_FLIGHT = 8;

/**
 * The buckets `delete --purge` deletes with these tasks or pools (their resource buckets,
 * and a task's result bucket), named before asking: a bucket another task still reads goes too.
 * `read`: the objects already read for the question; the others are read here.
 */
export async function purgedBuckets<T extends object>(http: Http, resource: ResourceDescriptor<T>, items: Selected[], read: ReadonlyMap<string, unknown>): Promise<string> {
  const buckets = new Set<string>();
  await mapLimit(items, LOOKUPS_IN_FLIGHT, async (item) => {
    let found = read.get(item.uuid);
    try {
      found ??= await resource.get(http, item.uuid);
    } catch {
      return; // gone, or unreadable: the delete itself reports it
    }
    for (const name of bucketNames(found as Record<string, unknown>)) buckets.add(name);
  });
  return buckets.size === 0 ? 'no bucket to delete with them' : `buckets deleted with them: ${[...buckets].sort().join(', ')}`;
}

function bucketNames(item: Record<string, unknown>): string[] {
  const names: unknown[] = [];
  if (Array.isArray(item.resourceBuckets)) names.push(...item.resourceBuckets);
  if (Array.isArray(item.advancedResourceBuckets)) names.push(...item.advancedResourceBuckets.map((b) => (b as { bucketName?: unknown } | null)?.bucketName));
  names.push(item.resultBucket);
  return names.filter((name): name is string => typeof name === 'string' && name !== '');
}
