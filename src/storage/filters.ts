import picomatch from 'picomatch';

export interface FilterRule {
  include: boolean;
  pattern: string;
}

/**
 * --exclude / --include as the AWS CLI applies them: every path is in at first,
 * then each rule in command-line order that matches decides, the last one
 * winning. A pattern without "/" matches the file name at any depth (`*.tmp`);
 * one with "/" matches the path from the synced root (`logs/**`).
 */
export function pathFilter(rules: FilterRule[]): (rel: string) => boolean {
  if (rules.length === 0) return () => true;
  const matchers = rules.map((rule) => ({ include: rule.include, match: picomatch(asFilePattern(rule.pattern), { dot: true, basename: !rule.pattern.includes('/') }) }));
  return (rel) => {
    let included = true;
    for (const { include, match } of matchers) if (match(rel)) included = include;
    return included;
  };
}

/**
 * A directory written as such ("logs/", "./logs/") means everything in it, as in rclone: as a
 * file pattern it would match nothing, and "--delete --exclude cache/" would delete the cache
 * it was meant to keep. A leading "./" or "/" is the root (rclone's anchor): kept as such, the
 * pattern matched no relative path, and "--delete --exclude /cache/**" deleted the cache.
 */
function asFilePattern(pattern: string): string {
  const rooted = pattern.replace(/^\.?\/+/, '');
  return rooted === '' || rooted.endsWith('/') ? `${rooted}**` : rooted;
}

/** The rules in the order given: commander keeps each option's values apart, so the order comes from argv. */
export function filterRules(argv: readonly string[]): FilterRule[] {
  const rules: FilterRule[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    for (const flag of ['--exclude', '--include'] as const) {
      if (arg === flag && argv[i + 1] !== undefined) rules.push({ include: flag === '--include', pattern: argv[++i]! });
      else if (arg.startsWith(`${flag}=`)) rules.push({ include: flag === '--include', pattern: arg.slice(flag.length + 1) });
    }
  }
  return rules;
}
