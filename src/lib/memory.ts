let applied = false;

/**
 * For walks over many pages (`list --all`, bulk selections). Each page is parsed into ~1 MB
 * of objects that die once it is printed, yet the peak RSS of `list --all --format jsonl`
 * grew with the number of items (56 MB for 1,000 tasks, 69 MB for 10,000, 85 MB for 20,000)
 * while the heap in use after a full GC stayed at 5 MB: V8 kept doubling its young
 * generation under this allocation pattern, and the old one grew with what it promoted.
 * Keeping the young generation at its first size holds the peak at ~60 MB whatever the
 * count, at the same speed (measured with /usr/bin/time; npm run bench, "Listing").
 * V8 reads this flag at each resize, so setting it at run time takes effect.
 */
export function keepYoungGenerationSmall(): void {
  if (applied) return;
  applied = true;
  process.getBuiltinModule('node:v8').setFlagsFromString('--semi-space-growth-factor=1');
}
