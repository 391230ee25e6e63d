// The font configuration, fonts/fonts.yaml: which font files clair sets text in (faces), the order in which
// families are tried for each language (stacks), which scripts always take another language's stack (Hangul
// inside Japanese text is set in the Korean face), and per-office stacks. Read through the World only, checked
// once here, so the rest of the typesetter can trust it.
import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { join } from 'node:path';
import type { Diagnostic, Localized } from '../diagnostics.js';
import { DataError, showValue } from '../diagnostics.js';
import { parseYaml, type SourceFile } from '../load/source.js';
import { LANGUAGE_TAGS } from '../schema/common.js';
import type { World } from '../world.js';

export const FONTS_FILE = 'fonts.yaml';

const nonEmpty = (description: string) => Type.String({ minLength: 1, description });

export const FaceSchema = Type.Object(
  {
    id: Type.String({ pattern: '^[a-z0-9][a-z0-9-]*$', description: 'Stable id, e.g. noto-sans-cjk-jp-regular.' }),
    family: nonEmpty('Family name used in stacks, in pdfmake and as the CSS font-family of web fonts.'),
    file: nonEmpty('Font file, relative to the fonts folder: .ttf, .otf, or a collection .ttc/.otc.'),
    postscriptName: Type.Optional(nonEmpty('Which face of a collection (.ttc) to use, by PostScript name.')),
    weight: Type.Union([Type.Literal('normal'), Type.Literal('bold')], { description: 'normal or bold.' }),
  },
  { additionalProperties: false },
);
export type FaceConfig = Static<typeof FaceSchema>;

const StackSchema = Type.Array(nonEmpty('A family name declared in faces.'), { minItems: 1 });
const StacksSchema = Type.Record(Type.String(), StackSchema);

export const FontsFileSchema = Type.Object(
  {
    faces: Type.Array(FaceSchema, { minItems: 1 }),
    stacks: StacksSchema,
    scripts: Type.Optional(Type.Record(Type.String(), nonEmpty('A language tag that has a stack.'))),
    offices: Type.Optional(Type.Record(Type.String(), StacksSchema)),
  },
  { additionalProperties: false },
);
export type FontsFile = Static<typeof FontsFileSchema>;

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

function diagnostic(source: SourceFile, file: string, path: (string | number)[], code: string, message: Localized, found?: unknown, where: 'value' | 'key' = 'value'): Diagnostic {
  const { line, column } = source.locate(path, where);
  return {
    severity: 'error', code, file, line, column,
    pointer: path.length ? `/${path.map((p) => String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}` : '',
    message,
    ...(found === undefined ? {} : { found: showValue(found) }),
  };
}

/**
 * Reads fonts/fonts.yaml through the World. `office` selects that office's stacks from `offices:` where it
 * has any. Throws DataError with located, bilingual diagnostics when the file is wrong.
 */
export function loadFontConfig(world: World, office?: string): FontConfig {
  const path = join(world.fontsDir, FONTS_FILE);
  const file = world.display(path);
  let bytes: Uint8Array;
  try {
    bytes = world.readBytes(path);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new DataError([{
      severity: 'error', code: 'fonts-unreadable', file, line: 0, column: 0, pointer: '',
      message: { en: `cannot read the font configuration (${reason})`, ja: `フォント設定ファイルを読めません（${reason}）` },
    }]);
  }
  const parsed = parseYaml(file, bytes);
  if (!parsed.ok) throw new DataError(parsed.diagnostics);
  const source = parsed.source;
  const problems: Diagnostic[] = [];

  if (!Value.Check(FontsFileSchema, source.data)) {
    for (const error of Value.Errors(FontsFileSchema, source.data)) {
      const segments = error.path.split('/').slice(1).map((s) => (/^\d+$/.test(s) ? Number(s) : s.replace(/~1/g, '/').replace(/~0/g, '~')));
      problems.push(diagnostic(source, file, segments, 'fonts-schema', {
        en: `font configuration: ${error.message}`,
        ja: `フォント設定の形式が正しくありません: ${error.message}`,
      }, error.value));
    }
    throw new DataError(problems);
  }
  const data = source.data as FontsFile;

  const families = new Set<string>();
  const seenIds = new Map<string, number>();
  const seenStyles = new Set<string>();
  const faces: Face[] = data.faces.map((face, index) => {
    if (seenIds.has(face.id)) {
      problems.push(diagnostic(source, file, ['faces', index, 'id'], 'fonts-duplicate-face', {
        en: `face id "${face.id}" is already used by faces[${seenIds.get(face.id)}]`,
        ja: `フェイス ID「${face.id}」は faces[${seenIds.get(face.id)}] で使われています`,
      }, face.id));
    }
    seenIds.set(face.id, index);
    const style = `${face.family}\u0000${face.weight}`;
    if (seenStyles.has(style)) {
      problems.push(diagnostic(source, file, ['faces', index, 'weight'], 'fonts-duplicate-face', {
        en: `family "${face.family}" already has a ${face.weight} face`,
        ja: `ファミリー「${face.family}」には ${face.weight} のフェイスが既にあります`,
      }, face.weight));
    }
    seenStyles.add(style);
    families.add(face.family);
    const facePath = join(world.fontsDir, face.file);
    if (!world.exists(facePath)) {
      problems.push(diagnostic(source, file, ['faces', index, 'file'], 'fonts-missing-file', {
        en: `font file ${world.display(facePath)} does not exist`,
        ja: `フォントファイル ${world.display(facePath)} がありません`,
      }, face.file));
    }
    if (/\.(ttc|otc)$/i.test(face.file) && !face.postscriptName) {
      problems.push(diagnostic(source, file, ['faces', index], 'fonts-collection-face', {
        en: `${face.file} is a font collection: say which face to use with postscriptName`,
        ja: `${face.file} はフォントコレクションです。使うフェイスを postscriptName で指定してください`,
      }));
    }
    return { ...face, path: facePath };
  });
  if (!faces.some((face) => face.weight === 'normal')) {
    problems.push(diagnostic(source, file, ['faces'], 'fonts-no-regular', {
      en: 'at least one face must have weight normal', ja: 'weight が normal のフェイスが少なくとも1つ必要です',
    }));
  }

  const checkStacks = (stacks: Record<string, string[]>, at: (string | number)[]) => {
    for (const [lang, stack] of Object.entries(stacks)) {
      stack.forEach((family, index) => {
        if (!families.has(family)) {
          problems.push(diagnostic(source, file, [...at, lang, index], 'fonts-unknown-family', {
            en: `stack "${lang}" names family "${family}", which no face declares (declared: ${[...families].join(', ')})`,
            ja: `スタック「${lang}」のファミリー「${family}」は faces で宣言されていません（宣言済み: ${[...families].join('、')}）`,
          }, family));
        }
      });
    }
  };
  checkStacks(data.stacks, ['stacks']);
  for (const [officeId, stacks] of Object.entries(data.offices ?? {})) checkStacks(stacks, ['offices', officeId]);
  for (const lang of LANGUAGE_TAGS) {
    if (!data.stacks[lang]) {
      problems.push(diagnostic(source, file, ['stacks'], 'fonts-missing-stack', {
        en: `no font stack for language "${lang}", which offices publish in`,
        ja: `言語「${lang}」のフォントスタックがありません（事務所が発行に使う言語です）`,
      }, undefined, 'key'));
    }
  }

  const scripts: ScriptPreference[] = [];
  for (const [script, lang] of Object.entries(data.scripts ?? {})) {
    let pattern: RegExp | undefined;
    try {
      pattern = new RegExp(`^\\p{Script=${script}}`, 'u');
    } catch {
      problems.push(diagnostic(source, file, ['scripts', script], 'fonts-unknown-script', {
        en: `"${script}" is not a Unicode script name (e.g. Hangul, Hiragana, Katakana, Han, Latin)`,
        ja: `「${script}」は Unicode の用字名ではありません（例: Hangul、Hiragana、Katakana、Han、Latin）`,
      }, script));
    }
    if (!data.stacks[lang]) {
      problems.push(diagnostic(source, file, ['scripts', script], 'fonts-unknown-stack', {
        en: `script ${script} is sent to language "${lang}", which has no stack`,
        ja: `用字 ${script} の言語「${lang}」にはスタックがありません`,
      }, lang));
    }
    if (pattern) scripts.push({ script, lang, pattern });
  }

  if (problems.length > 0) throw new DataError(problems);
  const stacks: Record<string, string[]> = { ...data.stacks, ...(office ? data.offices?.[office] ?? {} : {}) };
  return { file, faces, stacks, scripts };
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
