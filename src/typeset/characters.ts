// Character classes that line breaking and font selection need: JIS X 4051-style kinsoku sets (what may not
// start or end a line), range marks, and which characters are "neutral" (spaces, digits, punctuation) and so
// take the font of their neighbours. Kept as explicit sets rather than UAX #14 classes because the brochure's
// rules are stricter than Unicode's defaults (small kana and ー never start a line) and must be easy to audit.

/** Characters that may not start a line (行頭禁則): closing brackets, stops, iteration marks, small kana, …. */
export const NO_LINE_START = new Set([
  // Closing brackets and quotes; the full-width greater-than sign closes "＜JETプログラム＞" in Japanese text.
  ...'）」』】〕〉》〙〗〟｝］｠｣)]}”’»›＞',
  // Stops, commas, colons; full-width, ideographic, half-width and ASCII forms.
  ...'、。，．､｡,.：；:;？！?!‼⁇⁈⁉',
  // Middle dots.
  ...'・･',
  // Prolonged sound marks and iteration marks.
  ...'ーｰゝゞヽヾ々〻',
  // Small kana (hiragana, katakana, katakana phonetic extensions, half-width).
  ...'ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿｧｨｩｪｫｬｭｮｯ',
  // Hyphens and wave dashes (JIS "hyphens" class) and the ASCII tilde used as a range mark.
  ...'‐゠–〜～~',
  // Leaders are inseparable from what precedes them.
  ...'…‥',
  // Units written after a number.
  ...'%％‰°℃′″¢￠',
]);

/** Characters that may not end a line (行末禁則): opening brackets and quotes, currency and number signs. */
export const NO_LINE_END = new Set([
  ...'（「『【〔〈《〘〖〝｛［｟｢([{“‘«‹＜',
  ...'¥￥$＄£￡€#＃№',
]);

/** Range marks ("12.5 ~ 12.7", "10〜20", "1988—"): they stay on the line of the number before them. */
export const RANGE_MARKS = new Set([...'~〜～–—―‐']);

/** Dashes and leaders: two in a row ("——", "……") are one mark and never split. */
export const DOUBLED_MARKS = new Set([...'—―…‥']);

/** French: a non-breaking space goes before these and after «. */
export const FRENCH_SPACE_BEFORE = new Set([...';:!?»']);
export const FRENCH_SPACE_AFTER = new Set([...'«']);

/** Spaces at which a line may break. NBSP, figure space and narrow NBSP are deliberately absent: they glue. */
export const BREAKING_SPACE = /[ \t\f\v\u1680\u2000-\u2006\u2008-\u200a\u205f\u3000]/u;

/** Characters that only steer breaking and are removed from the typeset text. */
export const ZERO_WIDTH_BREAK = '\u200b';
export const ZERO_WIDTH_GLUE = new Set(['\u2060', '\ufeff', '\u00ad']);

const NEUTRAL_SCRIPT = /^[\p{Script=Common}\p{Script=Inherited}]$/u;
const OPENING_PUNCTUATION = /^[\p{Ps}\p{Pi}]$/u;
const MARK_OR_SELECTOR = /^[\p{M}\u200c\u200d\ufe00-\ufe0f\u{e0100}-\u{e01ef}]$/u;

/** Spaces, digits, punctuation and symbols: they belong to no script and follow their neighbours' font. */
export function isNeutral(char: string): boolean {
  return NEUTRAL_SCRIPT.test(char);
}

/** Opening brackets and quotes lean on what follows them, so they take the font of the next run. */
export function isOpening(char: string): boolean {
  return OPENING_PUNCTUATION.test(char);
}

/** Combining marks, joiners and variation selectors: shaped with their base, never looked up on their own. */
export function isMarkOrSelector(char: string): boolean {
  return MARK_OR_SELECTOR.test(char);
}

/**
 * Control and format characters and variation selectors are not drawn on their own (a selector is resolved
 * through the cmap's variation table, or ignored), so a font lacking them is no problem.
 */
export function isInvisible(char: string): boolean {
  return /^[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\ufe00-\ufe0f\u{e0100}-\u{e01ef}]$/u.test(char);
}

/** U+XXXX notation, as Unicode charts and font tools print code points. */
export function codePointLabel(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}

// Made when first needed: an Intl.Segmenter costs ~10 ms to create, and most brochures never need one.
let graphemes: Intl.Segmenter | undefined;
/**
 * Characters that can join the one before them into a cluster: marks and variation selectors, joiners and
 * tags, conjoining Hangul jamo, regional indicators, emoji modifiers, CR. Text without any of them (nearly all
 * brochure text) has one cluster per code point, found without the (slow) Intl.Segmenter.
 */
const CLUSTER_EXTENDING = /[\p{M}\p{Cf}\r\u1100-\u11ff\ua960-\ua97f\ud7b0-\ud7ff\u{1f1e6}-\u{1f1ff}\u{1f3fb}-\u{1f3ff}]/u;

/** Offsets where a grapheme cluster starts, plus the text length: no break or font change may fall inside one. */
export function clusterBoundaries(text: string): number[] {
  const offsets: number[] = [];
  if (CLUSTER_EXTENDING.test(text)) {
    graphemes ??= new Intl.Segmenter('und', { granularity: 'grapheme' });
    for (const { index } of graphemes.segment(text)) offsets.push(index);
  } else {
    for (let i = 0; i < text.length; i++) {
      offsets.push(i);
      const unit = text.charCodeAt(i);
      if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) i++;
    }
  }
  offsets.push(text.length);
  return offsets;
}
