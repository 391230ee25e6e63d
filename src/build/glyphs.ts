// Tofu is a data problem: before anything is laid out, every text of the office's data is checked against the
// fonts its language is set in, and a character no configured face can draw stops the build at its file, line and
// column. Text in {ja: …, ko: …} is checked in its own language; a language-neutral string in every language the
// office publishes in.
import type { Diagnostic } from '../diagnostics.js';
import type { LoadedOffice } from '../load/office.js';
import { LANGUAGE_TAGS, type LanguageTag } from '../schema/constants.js';
import type { Typesetter } from '../typeset/index.js';
import type { World } from '../world.js';

type Path = (string | number)[];

function* strings(value: unknown, path: Path): Generator<{ text: string; path: Path; lang?: LanguageTag }> {
  if (typeof value === 'string') {
    const last = path[path.length - 1];
    const lang = typeof last === 'string' && (LANGUAGE_TAGS as readonly string[]).includes(last) ? (last as LanguageTag) : undefined;
    yield { text: value, path, ...(lang ? { lang } : {}) };
  } else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) yield* strings(value[i], [...path, i]);
  } else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      // Keys that are not printed: the editor's schema pointer, ids, URLs and file names are ASCII by rule anyway.
      if (key === '$schema') continue;
      yield* strings(child, [...path, key]);
    }
  }
}

export function missingGlyphDiagnostics(world: World, office: LoadedOffice, typesetter: Typesetter, languages: readonly LanguageTag[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const source of Object.values(office.sources)) {
    if (!source) continue;
    for (const { text, path, lang } of strings(source.data, [])) {
      if (/^[\x20-\x7e]*$/.test(text)) continue; // printable ASCII: every stack starts with a face that has it
      const seen = new Set<string>();
      for (const language of lang ? [lang] : languages) {
        for (const missing of typesetter.missingGlyphs(text, language)) {
          if (seen.has(missing.character)) continue;
          seen.add(missing.character);
          const { line, column } = source.locate(path);
          diagnostics.push({
            severity: 'error', code: 'missing-glyph', file: source.path, line, column,
            pointer: `/${path.join('/')}`,
            message: missing.message,
            found: `${missing.character} (${missing.codePoint}) in ${JSON.stringify(text.length > 40 ? `${text.slice(0, 39)}…` : text)}`,
            expected: {
              en: `characters the fonts of fonts/fonts.yaml can draw (${missing.family} for ${language}); add a font that has it (fonts/README.md) or use another character`,
              ja: `fonts/fonts.yaml のフォントで表示できる文字（${language} は ${missing.family}）。その文字を含むフォントを追加する（fonts/README.md）か、別の文字にしてください`,
            },
          });
        }
      }
    }
  }
  return diagnostics;
}
