// Photos in the PDF, sized for the place they are printed: while the definition is built, each block asks for a
// photo at the width it places it and gets the key pdfmake will find it under; once the definition is complete,
// every photo is prepared (src/photos: ≤ 350 ppi at that width) and handed to pdfmake in the definition's
// `images` dictionary. A photo in a three-to-a-row grid is thus not printed from a column-wide image, and the
// cover's is not stretched from one.
import { printPixels, preparePhotos, type PhotoRequest } from '../../photos/index.js';
import type { World } from '../../world.js';
import { imageEntry } from './engine/index.js';

export class PrintPhotos {
  private readonly wanted = new Map<string, { key: string; request: PhotoRequest }>();

  /** The image key for `file` printed `widthPt` points wide (the same photo at the same size is one image). */
  image(file: string, focus: { x: number; y: number } | undefined, widthPt: number): string {
    const width = printPixels(widthPt);
    const id = JSON.stringify([file, width, focus?.x, focus?.y]);
    let entry = this.wanted.get(id);
    if (!entry) {
      // Keys follow the order of the layout, so the same document always names its images the same way.
      entry = { key: `photo-${this.wanted.size + 1}`, request: { file, options: { target: 'print', width, ...(focus ? { focus } : {}) } } };
      this.wanted.set(id, entry);
    }
    return entry.key;
  }

  /** Every photo asked for, prepared: pdfmake's `images` dictionary (key → the image in the engine's memory). */
  async images(world: World): Promise<Record<string, string>> {
    const entries = [...this.wanted.values()];
    const placed = await preparePhotos(world, entries.map((e) => e.request));
    return Object.fromEntries(entries.map((e, i) => [e.key, imageEntry(placed[i]!.id, placed[i]!.data)]));
  }
}
