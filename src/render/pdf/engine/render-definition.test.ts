// renderDefinition lets go of the document it wrote before it returns: the code that awaits it (the next edition
// of a build) must not run while Node still holds pdfkit's stream and, through it, pdfmake's laid-out pages.
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { INSTALL_ROOT, World } from '../../../world.js';
import type { PdfTypesetter } from '../text.js';
import { createPdfTypesetter } from '../typesetter.js';
import { installEngine, renderDefinition } from './index.js';
import { pdfmakeModule } from './internals.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

let typesetter: PdfTypesetter;
beforeAll(async () => {
  typesetter = await createPdfTypesetter(new World({ dataRoot: join(INSTALL_ROOT, 'data') }), 'seoul');
});

describe('renderDefinition', () => {
  it('returns once the written document can be collected', async () => {
    installEngine();
    let collected = false;
    const registry = new FinalizationRegistry(() => { collected = true; });
    const Renderer = pdfmakeModule<{ prototype: { renderPages(this: { pdfDocument: object }, pages: unknown[]): void } }>('Renderer');
    const renderPages = Renderer.prototype.renderPages;
    Renderer.prototype.renderPages = function watched(pages) {
      registry.register(this.pdfDocument, 'document');
      return renderPages.call(this, pages);
    };
    try {
      const content = Array.from({ length: 200 }, (_, i) => ({ text: `Line ${i} of a document several pages long` }));
      const bytes = await renderDefinition({ defaultStyle: { font: 'Noto Sans', fontSize: 10 }, content }, typesetter.fontDictionary());
      expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      // Right where a build goes on with its next edition: nothing may still reference the document.
      gc();
    } finally {
      Renderer.prototype.renderPages = renderPages;
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(collected).toBe(true);
  });
});
