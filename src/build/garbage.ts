// A full garbage collection between the files of a large build. V8 collects its old generation when the heap
// reaches a limit set after the previous collection; after a PDF edition is written, the garbage of its layout
// (~240 MB for a bilingual edition of 10,000 events) stays in the heap until then, and the next file's
// allocations come on top of it: the HTML edition rendered after the PDF one raised that build's peak from 604 to
// 688 MB. Collecting before each file starts it on the heap that is actually alive (~70 MB of ~310 MB used there;
// 0.15–0.5 s each). In paired runs of the 10,000-event build on a loaded host: 552 and 573 MB with it, 576 and
// 583 MB without. Node offers no API for it: the flag --expose-gc (set here, as cli/v8-flags.ts sets its flags)
// puts `gc` in each new context. Small builds skip it: the shipped data's heap stays under 100 MB.
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

/** Used heap above which a file starts with a collection (1,000 events stay under it too). */
export const COLLECT_ABOVE_BYTES = 192 * 1024 * 1024;

/** Collects garbage when the heap holds more than `above` bytes (used, garbage included); says whether it did. */
export function collectGarbageBetweenFiles(above = COLLECT_ABOVE_BYTES): boolean {
  if (getHeapStatistics().used_heap_size < above) return false;
  collect();
  return true;
}
