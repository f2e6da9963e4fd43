// For walks over many pages (`list --all`, bulk selections). Each page is parsed into ~1 MB of
// objects that die once it is printed, yet peak RSS grew with the number of items while the
// heap in use after a full GC stayed at 5 MB: V8 sizes its heaps for speed, not for a process
// that should stay small whatever the count. Measured with /usr/bin/time (npm run bench,
// "Listing"); each figure is for `task list --all --format jsonl`.
//
// The V8 flags set here are put back (walkEnded, exposedGc): code cached by V8 (ours on Node
// 20, see compile-cache.ts; Node's own on 22+) records the flags it was made under, and what
// is cached at exit under changed flags is refused by every later run.

const v8 = () => process.getBuiltinModule('node:v8');

let youngGenerationKept = false;

/**
 * Keeps V8's young generation at its first size. Under this allocation pattern V8 kept
 * doubling it, and the old generation grew with what it promoted: 20,000 tasks peaked at
 * 85 MB, and 60 MB with this. V8 reads the flag at each resize, so setting it at run time
 * takes effect.
 */
export function keepYoungGenerationSmall(): void {
  if (youngGenerationKept) return;
  youngGenerationKept = true;
  v8().setFlagsFromString('--semi-space-growth-factor=1');
}

/** After a walk: V8's flag as it was (its default), and a fresh baseline for the next walk. */
export function walkEnded(): void {
  if (youngGenerationKept) v8().setFlagsFromString(`--semi-space-growth-factor=${V8_SEMI_SPACE_GROWTH_FACTOR}`);
  youngGenerationKept = false;
  inUseAfterCollect = undefined;
}

/** V8's default (`node --v8-options`), from Node 20's V8 11 to Node 24's V8 13. */
const V8_SEMI_SPACE_GROWTH_FACTOR = 2;

/**
 * Past pages' garbage (objects promoted while their page was printed, each page's body string
 * in the large-object space) waits for a full GC, and V8 lets the heap grow to several times
 * what is alive before it runs one: 10,000 tasks peaked at 65-67 MB against 51 MB for 1,000
 * (1.26-1.30x). Between pages, a full GC once the heap and the memory outside it grew by this
 * much since the last one: 5-7 GCs of ~7 ms for 10,000 full tasks, none for 1,000, and the
 * peak falls to ~59 MB (1.15-1.19x) at the same speed. A 2 MB threshold took 31 GCs
 * (210 ms) for 1 MB less. What remains is mostly V8's optimizing
 * compiler paged in from the node binary (+3.7 MB of file-backed RSS) once the walk is hot.
 */
const COLLECT_AFTER_GROWTH = 4 * 1024 * 1024;

let inUseAfterCollect: number | undefined;
let collect: (() => void) | undefined;

/** Call between the pages of a walk; the first call sets the baseline. */
export function collectPastPages(): void {
  if (inUseAfterCollect === undefined) {
    inUseAfterCollect = inUse();
    return;
  }
  if (inUse() - inUseAfterCollect < COLLECT_AFTER_GROWTH) return;
  collect ??= exposedGc();
  collect();
  inUseAfterCollect = inUse();
}

function inUse(): number {
  const heap = v8().getHeapStatistics();
  return heap.used_heap_size + heap.external_memory;
}

/** V8's gc(): the flag puts it on contexts made while it is set; the function then stays. */
function exposedGc(): () => void {
  v8().setFlagsFromString('--expose-gc');
  const gc = process.getBuiltinModule('node:vm').runInNewContext('gc') as () => void;
  v8().setFlagsFromString('--no-expose-gc');
  return gc;
}
