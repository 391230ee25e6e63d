// pdfmake lays out the whole document, then draws its pages in order; until the last page is drawn it holds every
// laid-out page (their lines and inlines: ~60 MB for a bilingual edition of 10,000 events) while pdfkit builds the
// page contents on top. Here each page is emptied as soon as the renderer turns to a later one, so the garbage
// collector can take it back while the rest is drawn.
import { pdfmakeModule } from './internals.js';

interface PageLike {
  items: unknown[];
}
interface RendererClass {
  prototype: { renderPages(this: { progressCallback?: unknown }, pages: PageLike[]): void };
}

const INDEX = /^(?:0|[1-9]\d*)$/;

/**
 * The pages as the renderer reads them: reading page i empties every page before it. Only for a reader that goes
 * through the pages once, in order (contracts.test.ts checks that pdfmake's renderer does).
 */
export function releasedBehind<T extends PageLike>(pages: T[]): T[] {
  let released = 0;
  return new Proxy(pages, {
    get(target, key, receiver) {
      if (typeof key === 'string' && INDEX.test(key)) {
        for (const index = Number(key); released < index; released++) target[released]!.items = [];
      }
      return Reflect.get(target, key, receiver);
    },
  });
}

let installed = false;

/**
 * Makes pdfmake's renderer let go of each page it has drawn (once per process). Installed before the patches that
 * look at every page first (row-span-labels.ts), so that they see the pages whole.
 */
export function installPageRelease(): void {
  if (installed) return;
  const Renderer = pdfmakeModule<RendererClass>('Renderer');
  const renderPages = Renderer.prototype.renderPages;
  Renderer.prototype.renderPages = function renderReleasingPages(pages) {
    // With a progress callback pdfmake counts every page's items before drawing: then the pages are kept.
    return renderPages.call(this, this.progressCallback ? pages : releasedBehind(pages));
  };
  installed = true;
}
