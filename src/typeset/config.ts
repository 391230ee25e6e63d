// The font configuration, fonts/fonts.yaml: which font files clair sets text in (faces), the order in which
// families are tried for each language (stacks), which scripts always take another language's stack (Hangul
// inside Japanese text is set in the Korean face), and per-office stacks. It is read and checked by the load layer
// (src/load/fonts.ts), so the typesetter can trust it and depends on no validation code.
import type { FaceConfig } from '../schema/fonts.js';

export const FONTS_FILE = 'fonts.yaml';

export type Weight = 'normal' | 'bold';

/** One face, with its file resolved against the fonts folder. */
export interface Face extends FaceConfig {
  /** Absolute path of the font file. */
  path: string;
}

/** A script whose characters are always set with one language's stack. */
export interface ScriptPreference {
  script: string;
  lang: string;
  pattern: RegExp;
}

export interface FontConfig {
  /** Path of fonts.yaml as the user should see it. */
  file: string;
  faces: Face[];
  /** Family names in order of preference, per language tag (office overrides already applied). */
  stacks: Record<string, string[]>;
  scripts: ScriptPreference[];
}

/**
 * The stack for a BCP 47 tag: the exact tag, else its shorter prefixes ("zh-Hans-CN" → "zh-Hans" → "zh").
 * Throws for a language the configuration does not know: guessing another language's glyph forms
 * (Japanese instead of Chinese) would be silently wrong.
 */
export function stackLanguage(config: FontConfig, lang: string): string {
  const parts = lang.split('-');
  for (let n = parts.length; n > 0; n--) {
    const tag = parts.slice(0, n).join('-');
    if (config.stacks[tag]) return tag;
  }
  throw new Error(
    `${config.file}: no font stack for language "${lang}" (stacks: ${Object.keys(config.stacks).join(', ')}) / ` +
      `言語「${lang}」のフォントスタックがありません`,
  );
}
