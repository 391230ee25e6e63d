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

/** Marks, joiners and selectors make clusters of several code points, which one face must draw together. */
const CLUSTERING = /[\p{M}\u200c\u200d\ufe00-\ufe0f\u{e0100}-\u{e01ef}\u{1f3fb}-\u{1f3ff}]/u;

const drawable = new WeakMap<FontLibrary, Map<string, boolean>>();

/** Whether some configured face of this weight has a glyph for every character of `text` (cached per character). */
function everyCharacterDrawn(library: FontLibrary, text: string, weight: Weight): boolean {
  let known = drawable.get(library);
  if (!known) drawable.set(library, (known = new Map()));
  const families = [...new Set(library.config.faces.map((face) => face.family))];
  for (const character of text) {
    const key = `${weight}${character}`;
    let drawn = known.get(key);
    if (drawn === undefined) {
      const codePoint = character.codePointAt(0)!;
      drawn = families.some((family) => library.hasGlyph(library.faceOf(family, weight), codePoint));
      known.set(key, drawn);
    }
    if (!drawn) return false;
  }
  return true;
}

/** Characters of `text` that no face of its stack (nor any other configured face) has a glyph for. */
export function missingGlyphs(library: FontLibrary, text: string, lang: string, weight: Weight = 'normal'): MissingGlyph[] {
  // The common case, answered without splitting runs: every character stands alone and some face draws it.
  if (!CLUSTERING.test(text) && everyCharacterDrawn(library, text, weight)) return [];
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
