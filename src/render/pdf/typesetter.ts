// Connects the PDF renderer to clair's typesetting layer (src/typeset): pdfmake font families from
// fonts/fonts.yaml, and inlines that carry their own face per character and break only where the language
// allows (kinsoku, Korean at spaces, numbers and Latin words kept whole).
import pdfmake from 'pdfmake';
import type { LanguageTag } from '../../schema/index.js';
import { Typesetter } from '../../typeset/index.js';
import type { World } from '../../world.js';
import type { PdfSpan, PdfTypesetter, PdfInline } from './text.js';

const typesetters = new Map<string, Typesetter>();

/** One typesetter per office and process: font files are read and parsed once, then shared by every edition. */
export function createPdfTypesetter(world: World, officeId: string): PdfTypesetter {
  const key = `${world.fontsDir}\u0000${officeId}`;
  let typesetter = typesetters.get(key);
  if (!typesetter) {
    typesetter = Typesetter.load(world, { office: officeId });
    typesetters.set(key, typesetter);
  }
  const shared = typesetter;
  return {
    inlines(spans: PdfSpan[], options = {}): PdfInline[] {
      return shared.spansToPdfInlines(spans.map((s) => ({ text: s.text, lang: s.lang, style: s.style })), options) as PdfInline[];
    },
    fontDictionary() {
      const { fonts, files } = shared.pdfFonts();
      // pdfmake reads fonts from its in-memory file system: the bytes came through the World.
      for (const [name, bytes] of Object.entries(files)) {
        if (!pdfmake.virtualfs.existsSync(name)) pdfmake.virtualfs.writeFileSync(name, Buffer.from(bytes));
      }
      return fonts as Record<string, Record<string, unknown>>;
    },
    defaultFamily(lang: LanguageTag) {
      return shared.fontStack(lang)[0]!.family;
    },
  };
}
