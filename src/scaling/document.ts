import { UsageError } from '../errors.js';

/**
 * A scaling document: `{policies: [...]}` (what `pool scaling get --json`
 * prints; activePolicyName is dropped) or a bare list of policies. Anything
 * else cannot become a request body: a UsageError naming the flag.
 */
export function scalingFromValue(flag: string, doc: unknown): { policies: unknown[] } {
  if (Array.isArray(doc)) return { policies: doc };
  if (typeof doc === 'object' && doc !== null) {
    const key = Object.keys(doc).find((k) => k.toLowerCase() === 'policies');
    const policies = key === undefined ? undefined : (doc as Record<string, unknown>)[key];
    if (Array.isArray(policies)) return { policies };
  }
  throw new UsageError(`${flag}: expected {"policies": [...]} or a list of policies`);
}
