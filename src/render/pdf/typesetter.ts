// Connects the PDF renderer to clair's typesetting layer (src/typeset): pdfmake font families from
// fonts/fonts.yaml, and inlines that carry their own face per character and break only where the language
// allows (kinsoku, Korean at spaces, numbers and Latin words kept whole).
import './no-fontkit.js'; // before pdfmake
import pdfmake from 'pdfmake';
import type { LanguageTag } from '../../schema/index.js';
import { Typesetter, type Face } from '../../typeset/index.js';
import type { World } from '../../world.js';
import type { PdfSpan, PdfTypesetter, PdfInline } from './text.js';
import { registerFontFile } from './vfs-fonts.js';

/**
 * pdfmake's font entry for a face: its file in pdfmake's in-memory file system (the very bytes the typesetter read,
 * registered so that pdfkit sets them with clair's harfbuzz fonts) and, in a collection, the face's PostScript name.
 */
function fontEntry(typesetter: Typesetter, face: Face): [string, string] | [string] {
  const path = `clair-fonts/${face.file}`;
  if (!pdfmake.virtualfs.existsSync(path)) {
    const bytes = typesetter.library.fileBytes(face);
    registerFontFile(bytes, face.path);
    pdfmake.virtualfs.writeFileSync(path, bytes);
  }
  return face.postscriptName ? [path, face.postscriptName] : [path];
}

export function createPdfTypesetter(world: World, officeId: string): PdfTypesetter {
  const shared = Typesetter.shared(world, { office: officeId });
  return {
    inlines(spans: PdfSpan[], options = {}): PdfInline[] {
      return shared.spansToPdfInlines(spans.map((s) => ({ text: s.text, lang: s.lang, style: s.style })), options) as PdfInline[];
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
