// The collection between the files of a large build (garbage.ts): it frees what is no longer referenced, and small
// builds skip it.
import { getHeapStatistics } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { COLLECT_ABOVE_BYTES, collectGarbageBetweenFiles } from './garbage.js';

describe('collectGarbageBetweenFiles', () => {
  it('collects when the used heap is over the threshold: what nothing references is freed', async () => {
    // Garbage of a few MB, as a laid-out edition leaves behind (made in a function whose frame is gone).
    const pages = (() => new WeakRef(Array.from({ length: 50_000 }, (_, i) => ({ line: i, text: `line ${i}` }))))();
    // A new WeakRef keeps its target until the current job ends.
    await new Promise((resolve) => setImmediate(resolve));
    expect(collectGarbageBetweenFiles(0)).toBe(true);
    // Read at once, so that no collection but this one can have freed it.
    expect(pages.deref()).toBeUndefined();
  });

  it('leaves a heap under the threshold alone', () => {
    expect(getHeapStatistics().used_heap_size).toBeLessThan(COLLECT_ABOVE_BYTES);
    expect(collectGarbageBetweenFiles()).toBe(false);
  });
});
