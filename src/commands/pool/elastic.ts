import { UsageError } from '../../errors.js';
import { parseDuration, parseInteger, parseNumber } from '../../lib/parse.js';

export interface ElasticFlags {
  /** false with --no-elastic (commander's default for a --no- flag alone is true). */
  elastic?: boolean;
  elasticMinSlots?: string;
  elasticMaxSlots?: string;
  elasticMinIdleSlots?: string;
  elasticResizePeriod?: string;
  elasticResizeFactor?: string;
  elasticMinIdleTime?: string;
}

const seconds = (flag: string, raw: string) => Math.round(parseDuration(flag, raw) / 1000);

/**
 * The --elastic-* flags to an `elasticProperty` (merged over `base`: the
 * pool's current one on update and clone, the -f file's on create; `baseName`
 * says which in messages); undefined when none was given. Any of them
 * turns elasticity on; --no-elastic turns it off.
 */
export function elasticFromFlags(opts: ElasticFlags, base: Record<string, unknown> = {}, baseName = 'the pool'): Record<string, unknown> | undefined {
  const given: Record<string, unknown> = {};
  if (opts.elasticMinSlots !== undefined) given.minTotalSlots = parseInteger('--elastic-min-slots', opts.elasticMinSlots, { min: 0 });
  if (opts.elasticMaxSlots !== undefined) given.maxTotalSlots = parseInteger('--elastic-max-slots', opts.elasticMaxSlots, { min: 0 });
  if (opts.elasticMinIdleSlots !== undefined) given.minIdleSlots = parseInteger('--elastic-min-idle-slots', opts.elasticMinIdleSlots, { min: 0 });
  if (opts.elasticResizePeriod !== undefined) given.resizePeriod = seconds('--elastic-resize-period', opts.elasticResizePeriod);
  if (opts.elasticResizeFactor !== undefined) {
    const factor = parseNumber('--elastic-resize-factor', opts.elasticResizeFactor, { min: 0 });
    if (factor >= 1) throw new UsageError(`--elastic-resize-factor must be at least 0 and below 1, got "${opts.elasticResizeFactor}"`);
    given.rampResizeFactor = factor;
  }
  if (opts.elasticMinIdleTime !== undefined) given.minIdleTimeSeconds = seconds('--elastic-min-idle-time', opts.elasticMinIdleTime);
  if (opts.elastic === false) {
    if (Object.keys(given).length) throw new UsageError('--no-elastic cannot be used with the --elastic-* flags');
    return { ...base, isElastic: false };
  }
  if (Object.keys(given).length === 0) return undefined;
  const merged: Record<string, unknown> = { ...base, ...given, isElastic: true };
  // A bound not given comes from `base`: say so, or the message names a flag the user never typed.
  const bound = (key: string, flag: string) => (key in given ? `${flag} (${String(merged[key])})` : `${key} (${String(merged[key])}) from ${baseName}; give ${flag} too`);
  const { minTotalSlots: min, maxTotalSlots: max, minIdleSlots: idle } = merged as Record<string, number | undefined>;
  if (typeof min === 'number' && typeof max === 'number' && min > max) {
    throw new UsageError(`${bound('minTotalSlots', '--elastic-min-slots')} must not exceed ${bound('maxTotalSlots', '--elastic-max-slots')}`);
  }
  if (typeof idle === 'number' && typeof max === 'number' && idle > max) {
    throw new UsageError(`${bound('minIdleSlots', '--elastic-min-idle-slots')} must not exceed ${bound('maxTotalSlots', '--elastic-max-slots')}`);
  }
  return merged;
}
