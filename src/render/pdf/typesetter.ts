// Connects the PDF renderer to clair's typesetting layer (src/typeset): font families for pdfmake and the
// inlines of each run of text.
import { join } from 'node:path';
import pdfmake from 'pdfmake';
import type { LanguageTag } from '../../schema/index.js';
import type { World } from '../../world.js';
import type { InlineStyle, PdfInline, PdfTypesetter } from './text.js';

const FACES: Record<LanguageTag, string> = { ja: 'NotoSansCJKjp', ko: 'NotoSansCJKkr', 'zh-Hans': 'NotoSansCJKsc', en: 'NotoSansCJKjp', fr: 'NotoSansCJKjp' };

const fontFiles = new Map<string, string>();
/**
 * Font files are read once per process through the World and handed to pdfmake's in-memory file system, so
 * pdfmake itself never touches the disk. Returns the virtual path.
 */
function fontBytes(world: World, file: string): string {
  let virtualPath = fontFiles.get(file);
  if (!virtualPath) {
    virtualPath = `clair-fonts/${file}`;
    pdfmake.virtualfs.writeFileSync(virtualPath, Buffer.from(world.readBytes(join(world.fontsDir, file))));
    fontFiles.set(file, virtualPath);
  }
  return virtualPath;
}

export function createPdfTypesetter(world: World, _languages: readonly LanguageTag[]): PdfTypesetter {
  return {
    inlines(text: string, lang: LanguageTag, style: InlineStyle): PdfInline[] {
      return [{ text, font: lang, ...(style.bold ? { bold: true } : {}), ...(style.fontSize ? { fontSize: style.fontSize } : {}), ...(style.color ? { color: style.color } : {}), ...(style.link ? { link: style.link } : {}) }];
    },
    fontDictionary() {
      const regular = fontBytes(world, 'NotoSansCJK-Regular.ttc');
      const bold = fontBytes(world, 'NotoSansCJK-Bold.ttc');
      return Object.fromEntries(Object.entries(FACES).map(([lang, face]) => [lang, {
        normal: [regular, `${face}-Regular`],
        bold: [bold, `${face}-Bold`],
      }]));
    },
    defaultFamily: (lang) => lang,
  };
}
