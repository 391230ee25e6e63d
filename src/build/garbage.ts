// A full garbage collection between the files of a large build. V8 collects its old generation when the heap
// reaches a limit set after the previous collection; after a PDF edition is written, the garbage of its layout
// (~300 MB for a bilingual edition of 10,000 events) stays in the heap until then, and the next file's
// allocations come on top of it: that build peaked at ~690 MB, ~90 MB of it while the HTML edition was rendered
// after the PDF one. Collecting before each file starts it on the heap that is actually alive (~145 MB there).
// Node offers no API for it: the flag --expose-gc (set here, as cli/v8-flags.ts sets its flags) puts `gc` in
// each new context. Small builds skip it: their heap stays far below the threshold and a collection costs time.
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

/** Used heap above which a file starts with a collection: the shipped data's builds stay well under it. */
export const COLLECT_ABOVE_BYTES = 192 * 1024 * 1024;

/** Collects garbage when the heap holds more than `above` bytes (used, garbage included); says whether it did. */
export function collectGarbageBetweenFiles(above = COLLECT_ABOVE_BYTES): boolean {
  if (getHeapStatistics().used_heap_size < above) return false;
  collect();
  return true;
}
