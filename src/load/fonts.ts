// Reads and checks fonts/fonts.yaml through the World (its schema, then what a schema cannot say: duplicate faces,
// missing files, families no face declares, unknown scripts), and opens clair's typesetter over it. The typesetter
// (src/typeset) takes the checked configuration and knows nothing of files or validation.
import { join } from 'node:path';
import type { Diagnostic, Localized } from '../diagnostics.js';
import { DataError, showValue } from '../diagnostics.js';
import { LANGUAGE_TAGS } from '../schema/constants.js';
import type { FontsFile } from '../schema/fonts.js';
import { FONTS_FILE, type Face, type FontConfig, type ScriptPreference } from '../typeset/config.js';
import { Typesetter } from '../typeset/index.js';
import { refResolver, schemaDiagnostics } from '../validate/schema-errors.js';
import { loadValidators, type JsonSchema, type SharedSchemaName, type ValidatorSet } from '../validate/validators.js';
import type { World } from '../world.js';
import { parseYaml, type SourceFile } from './source.js';

function diagnostic(source: SourceFile, file: string, path: (string | number)[], code: string, message: Localized, found?: unknown, where: 'value' | 'key' = 'value'): Diagnostic {
  const { line, column } = source.locate(path, where);
  return {
    severity: 'error', code, file, line, column,
    pointer: path.length ? `/${path.map((p) => String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}` : '',
    message,
    ...(found === undefined ? {} : { found: showValue(found) }),
  };
}

/** fonts.yaml's schema refers to none of the data files' shared parts. */
const NO_SHARED_SCHEMAS = {} as Record<SharedSchemaName, JsonSchema>;

/**
 * Reads fonts/fonts.yaml through the World and checks it with `fonts` (validators.ts: generated from
 * src/schema/fonts.ts, like the data files' validators). `office` selects that office's stacks from `offices:` where
 * it has any. Throws DataError with located, bilingual diagnostics when the file is wrong.
 */
export function loadFontConfig(world: World, fonts: ValidatorSet['fonts'], office?: string): FontConfig {
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

  if (!fonts.validate(source.data)) {
    throw new DataError(schemaDiagnostics(fonts.validate.errors ?? [], source, file, refResolver(NO_SHARED_SCHEMAS), 100).diagnostics);
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

export interface TypesetterOptions {
  /** Office id: its stacks from `offices:` in fonts.yaml replace the defaults. */
  office?: string;
}

/** Reads and checks fonts/fonts.yaml (throws DataError with located diagnostics); fonts open lazily. */
export async function loadTypesetter(world: World, options: TypesetterOptions = {}): Promise<Typesetter> {
  const { fonts } = await loadValidators();
  return new Typesetter(world, loadFontConfig(world, fonts, options.office));
}

const sharedTypesetters = new Map<string, Promise<Typesetter>>();

/**
 * One typesetter per fonts folder and office for the whole process: the PDF and HTML renderers and the glyph
 * check share the opened faces, their glyph caches and the faces extracted from collections.
 */
export function sharedTypesetter(world: World, options: TypesetterOptions = {}): Promise<Typesetter> {
  const key = `${world.fontsDir}\u0000${options.office ?? ''}`;
  let typesetter = sharedTypesetters.get(key);
  if (!typesetter) {
    typesetter = loadTypesetter(world, options);
    sharedTypesetters.set(key, typesetter);
    // A fonts.yaml that fails its check is read again next time, not remembered as failed.
    typesetter.catch(() => sharedTypesetters.delete(key));
  }
  return typesetter;
}
