// Connects the PDF renderer to clair's typesetting layer (src/typeset): pdfmake font families from
// fonts/fonts.yaml, and inlines that carry their own face per character and break only where the language
// allows (kinsoku, Korean at spaces, numbers and Latin words kept whole).
import type { LanguageTag } from '../../schema/index.js';
import { Typesetter, type Face } from '../../typeset/index.js';
import type { World } from '../../world.js';
import type { PdfSpan, PdfTypesetter, PdfInline } from './text.js';
import { fontEntry as engineFontEntry } from './engine/index.js';
import { sharedTypesetter } from '../../load/fonts.js';
import { BoundedCache } from '../../typeset/bounded-cache.js';

/** The engine's font entry for a face: the very bytes the typesetter read, set with clair's harfbuzz fonts. */
function fontEntry(typesetter: Typesetter, face: Face): [string, string] | [string] {
  return engineFontEntry(face.path, face.file, () => typesetter.library.fileBytes(face), face.postscriptName);
}

/**
 * Inlines already typeset, per typesetter, by spans and options, up to a bound: the Seoul brochure sets ~1,300
 * texts in all editions; a long archive would keep every cell of every edition alive.
 */
const inlinesByTypesetter = new WeakMap<Typesetter, BoundedCache<string, PdfInline[]>>();
const MAX_KNOWN = 4096;

function typesetInlines(typesetter: Typesetter): BoundedCache<string, PdfInline[]> {
  let known = inlinesByTypesetter.get(typesetter);
  if (!known) inlinesByTypesetter.set(typesetter, (known = new BoundedCache(MAX_KNOWN)));
  return known;
}

export async function createPdfTypesetter(world: World, officeId: string): Promise<PdfTypesetter> {
  const shared = await sharedTypesetter(world, { office: officeId });
  const known = typesetInlines(shared);
  return {
    inlines(spans: PdfSpan[], options = {}): PdfInline[] {
      // The bilingual edition sets again the texts the single-language ones set: each is typeset once.
      const key = JSON.stringify([spans, options]);
      let inlines = known.get(key);
      if (!inlines) {
        inlines = shared.spansToPdfInlines(spans.map((s) => ({ text: s.text, lang: s.lang, style: s.style })), options) as PdfInline[];
        known.set(key, inlines);
      }
      // pdfmake writes its measurements into the inlines it is given.
      return inlines.map((inline) => ({ ...inline }));
    },
    fontDictionary() {
      // Fresh arrays for every document: pdfmake replaces the path in them with the bytes when it opens a font.
      const dictionary: Record<string, Record<string, [string, string] | [string]>> = {};
      for (const family of new Set(shared.config.faces.map((face) => face.family))) {
        const normal = shared.library.faceOf(family, 'normal');
        const bold = shared.library.faceOf(family, 'bold');
        dictionary[family] = {
          normal: fontEntry(shared, normal), bold: fontEntry(shared, bold),
          italics: fontEntry(shared, normal), bolditalics: fontEntry(shared, bold),
        };
      }
      return dictionary;
    },
    defaultFamily(lang: LanguageTag) {
      return shared.fontStack(lang)[0]!.family;
    },
  };
}
