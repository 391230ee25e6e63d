// The collection between the files of a large build (garbage.ts): it frees what is no longer referenced, and small
// builds skip it.
import { getHeapStatistics } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { COLLECT_ABOVE_BYTES, collectGarbageBetweenFiles } from './garbage.js';

describe('collectGarbageBetweenFiles', () => {
  it('collects when the used heap is over the threshold: what nothing references is freed', async () => {
    let registered = false;
    let collected = false;
    const registry = new FinalizationRegistry(() => { collected = true; });
    // Garbage of a few MB, as a laid-out edition leaves behind (registered from a function whose frame is gone).
    (() => {
      const pages = Array.from({ length: 50_000 }, (_, i) => ({ line: i, text: `line ${i}` }));
      registry.register(pages, 'pages');
      registered = true;
    })();
    expect(registered).toBe(true);
    expect(collectGarbageBetweenFiles(0)).toBe(true);
    // Finalizers run as tasks of their own, after the collection.
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(collected).toBe(true);
  });

  it('leaves a heap under the threshold alone', () => {
    expect(getHeapStatistics().used_heap_size).toBeLessThan(COLLECT_ABOVE_BYTES);
    expect(collectGarbageBetweenFiles()).toBe(false);
  });
});
