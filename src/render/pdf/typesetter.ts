// Connects the PDF renderer to clair's typesetting layer (src/typeset): pdfmake font families from
// fonts/fonts.yaml, and inlines that carry their own face per character and break only where the language
// allows (kinsoku, Korean at spaces, numbers and Latin words kept whole).
import pdfmake from 'pdfmake';
import type { LanguageTag } from '../../schema/index.js';
import { Typesetter, extractCollectionFace, isCollection } from '../../typeset/index.js';
import { fontkit } from '../../typeset/faces.js';
import type { World } from '../../world.js';
import type { PdfSpan, PdfTypesetter, PdfInline } from './text.js';

const typesetters = new Map<string, Typesetter>();
const standaloneFaces = new Map<string, string>();

/**
 * Puts a face into pdfmake's in-memory file system as a standalone font file and returns its virtual path. A face
 * of a collection (.ttc) is copied out of it: svg-to-pdfkit, which draws the charts, cannot open a face inside a
 * collection, and one kind of font entry keeps text and charts in the same faces.
 */
function standaloneFace(name: string, bytes: Buffer, postscriptName: string | undefined): string {
  const key = `${name}#${postscriptName ?? ''}`;
  let path = standaloneFaces.get(key);
  if (path) return path;
  if (postscriptName && isCollection(bytes)) {
    const collection = fontkit.create(bytes) as unknown as { fonts: { postscriptName: string }[] };
    const index = collection.fonts.findIndex((f) => f.postscriptName === postscriptName);
    if (index < 0) throw new Error(`${name} has no face ${postscriptName}`);
    path = `clair-fonts/${postscriptName}.otf`;
    pdfmake.virtualfs.writeFileSync(path, extractCollectionFace(bytes, index));
  } else {
    path = name;
    pdfmake.virtualfs.writeFileSync(path, bytes);
  }
  standaloneFaces.set(key, path);
  return path;
}

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
      const dictionary: Record<string, Record<string, string>> = {};
      for (const [family, styles] of Object.entries(fonts)) {
        dictionary[family] = {};
        for (const [style, [name, postscriptName]] of Object.entries(styles)) {
          dictionary[family]![style] = standaloneFace(name, files[name]!, postscriptName);
        }
      }
      return dictionary;
    },
    defaultFamily(lang: LanguageTag) {
      return shared.fontStack(lang)[0]!.family;
    },
  };
}
