// Connects the PDF renderer to clair's typesetting layer (src/typeset): pdfmake font families from
// fonts/fonts.yaml, and inlines that carry their own face per character and break only where the language
// allows (kinsoku, Korean at spaces, numbers and Latin words kept whole).
import pdfmake from 'pdfmake';
import type { LanguageTag } from '../../schema/index.js';
import { Typesetter } from '../../typeset/index.js';
import type { World } from '../../world.js';
import type { PdfSpan, PdfTypesetter, PdfInline } from './text.js';

/** Puts a face into pdfmake's in-memory file system once per process and returns its virtual path. */
function virtualFace(typesetter: Typesetter, faceId: string): string {
  const path = `clair-fonts/${faceId}.otf`;
  // A face of a collection (.ttc) is copied out of it: svg-to-pdfkit, which draws the charts, cannot open a face
  // inside a collection, and one kind of font entry keeps text and charts in the same faces.
  if (!pdfmake.virtualfs.existsSync(path)) pdfmake.virtualfs.writeFileSync(path, typesetter.standaloneFace(faceId));
  return path;
}

export function createPdfTypesetter(world: World, officeId: string): PdfTypesetter {
  const shared = Typesetter.shared(world, { office: officeId });
  return {
    inlines(spans: PdfSpan[], options = {}): PdfInline[] {
      return shared.spansToPdfInlines(spans.map((s) => ({ text: s.text, lang: s.lang, style: s.style })), options) as PdfInline[];
    },
    fontDictionary() {
      const dictionary: Record<string, Record<string, string>> = {};
      for (const family of new Set(shared.config.faces.map((face) => face.family))) {
        const normal = virtualFace(shared, shared.library.faceOf(family, 'normal').id);
        const bold = virtualFace(shared, shared.library.faceOf(family, 'bold').id);
        dictionary[family] = { normal, bold, italics: normal, bolditalics: bold };
      }
      return dictionary;
    },
    defaultFamily(lang: LanguageTag) {
      return shared.fontStack(lang)[0]!.family;
    },
  };
}
