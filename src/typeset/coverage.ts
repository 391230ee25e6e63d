// Finds characters that no configured face can draw (they would print as "tofu" boxes) so the build can name
// them, with their code point and the text they appear in, before anyone sees the printed brochure.
import type { Localized } from '../diagnostics.js';
import { codePointLabel } from './characters.js';
import type { Weight } from './config.js';
import type { FontLibrary } from './faces.js';
import { normalize } from './linebreak.js';
import { splitRuns } from './runs.js';

export interface MissingGlyph {
  /** The character, e.g. "😀". */
  character: string;
  /** Its code point in U+XXXX notation. */
  codePoint: string;
  /** The text it was found in. */
  text: string;
  lang: string;
  /** The family it would have been set in (the first of its stack). */
  family: string;
  message: Localized;
}

/** Characters of `text` that no face of its stack (nor any other configured face) has a glyph for. */
export function missingGlyphs(library: FontLibrary, text: string, lang: string, weight: Weight = 'normal'): MissingGlyph[] {
  const normalized = normalize([{ text, lang }]);
  if (!normalized.text) return [];
  const found: MissingGlyph[] = [];
  const seen = new Set<string>();
  for (const run of splitRuns(library, normalized.text, { langAt: normalized.langAt, weightAt: () => weight })) {
    for (const character of run.missing) {
      if (seen.has(character)) continue;
      seen.add(character);
      const codePoint = codePointLabel(character.codePointAt(0)!);
      found.push({
        character, codePoint, text, lang, family: run.face.family,
        message: {
          en: `no font has a glyph for "${character}" (${codePoint}); it would print as an empty box in "${text}"`,
          ja: `「${character}」（${codePoint}）の字形を持つフォントがありません。「${text}」の中で空白の四角（豆腐）として印刷されます`,
        },
      });
    }
  }
  return found;
}
