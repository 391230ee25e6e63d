// The editor set-up `clair init` leaves in a data repository: `.vscode/settings.json` maps every data file name to
// clair's installed JSON schema (`yaml.schemas` of VS Code's YAML extension), and `.vscode/extensions.json`
// recommends that extension, so completion and hover help work in every data file, including those staff add
// later without the modeline. An existing file is edited in place with jsonc-parser (VS Code's own library for its
// settings files): the user's other settings, comments and layout stay. A file it cannot read as JSON with comments
// is left alone and the entries to add are shown instead.
import { existsSync, mkdirSync, readFileSync, realpathSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { applyEdits, modify, parse, printParseErrorCode, type FormattingOptions, type ParseError } from 'jsonc-parser';
import type { Localized } from '../diagnostics.js';
import { DATA_FILE_NAMES } from '../schema/files.js';
import { INSTALL_ROOT, type World } from '../world.js';

/** VS Code's YAML extension (Red Hat), which reads `yaml.schemas` and the modelines. */
export const YAML_EXTENSION = 'redhat.vscode-yaml';

export interface EditorFile {
  path: string;
  kind: 'settings' | 'extensions';
  /** created, updated (entries added or replaced), unchanged (already right), or refused (left alone: `problem`). */
  outcome: 'created' | 'updated' | 'unchanged' | 'refused';
  problem?: Localized;
  /** What to add by hand when the file was refused. */
  manual?: string;
}

export interface EditorSetup {
  /** The folder VS Code is expected to open: the repository holding the data. */
  workspace: string;
  files: EditorFile[];
}

/**
 * The folder staff open in VS Code: the git repository holding the data root; without one, the working directory
 * when the data root is that folder or a folder in it (`./data`, the default), else the data root itself. Never the
 * home folder (~/.vscode is VS Code's own folder there, not a workspace's). Undefined inside clair's own checkout,
 * whose data files reach the schemas through their modelines and whose repository is not the staff's to configure.
 */
export function editorWorkspace(world: World): string | undefined {
  let workspace: string | undefined;
  for (let dir = world.dataRoot; ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) {
      workspace = dir;
      break;
    }
    if (dirname(dir) === dir) break;
  }
  if (!workspace) {
    const nearby = world.dataRoot === world.cwd || dirname(world.dataRoot) === world.cwd;
    workspace = nearby && world.cwd !== homedir() ? world.cwd : world.dataRoot;
  }
  return inside(INSTALL_ROOT, workspace) ? undefined : workspace;
}

const inside = (dir: string, path: string) => {
  const rel = relative(dir, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
};

/**
 * `yaml.schemas` for the data files: schema → the file names it applies to under the data root. A schema is named
 * by its path relative to the workspace (the YAML extension resolves it from there), or by a file URL when no
 * relative path exists (another drive on Windows).
 */
export function schemaMappings(workspace: string, dataRoot: string): Record<string, string[]> {
  const under = relative(workspace, dataRoot).split(sep).join('/');
  const prefix = under === '' ? '/' : `/${under}/`;
  const mappings: Record<string, string[]> = {};
  for (const entry of DATA_FILE_NAMES) {
    const schema = join(INSTALL_ROOT, 'src', 'schema', 'json', `${entry.id}.schema.json`);
    const rel = relative(workspace, schema);
    const key = isAbsolute(rel) ? pathToFileURL(schema).href : rel.startsWith('..') ? rel.split(sep).join('/') : `./${rel.split(sep).join('/')}`;
    const yml = entry.file.replace(/\.yaml$/, '.yml');
    // The extension matches a pattern as a regular expression against the end of the file's URI; `*` is any text.
    mappings[key] = [`${prefix}*/${entry.file}`, `${prefix}*/${yml}`];
  }
  return mappings;
}

/** Whether a `yaml.schemas` key names one of clair's schemas (from any install: an earlier init's stays no longer). */
const isClairSchema = (key: string) => {
  const ids = new Set(DATA_FILE_NAMES.map((entry) => entry.id));
  const match = /(?:^|[/\\])src[/\\]schema[/\\]json[/\\]([a-z-]+)\.schema\.json$/.exec(key);
  return match !== null && ids.has(match[1]!);
};

/** The file's own indentation (tabs as VS Code writes settings, or spaces), so edits look like the rest of it. */
function formattingOf(text: string): FormattingOptions {
  const indent = /^([ \t]+)\S/m.exec(text)?.[1];
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  if (indent?.startsWith('\t')) return { insertSpaces: false, tabSize: 1, eol };
  return { insertSpaces: true, tabSize: indent ? indent.length : 2, eol };
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split(/\r?\n/);
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

type Edit = (text: string, formatting: FormattingOptions) => string;

/**
 * Reads a JSON-with-comments file, applies `edit` and writes it back (through a temporary file and a rename, so an
 * interrupted write never leaves half a settings file); a new file gets `fresh`.
 */
function editJsonc(kind: EditorFile['kind'], display: string, path: string, fresh: unknown, edit: Edit, manual: string, expectedShape: Localized): EditorFile {
  if (!existsSync(path)) {
    mkdirSync(dirname(path), { recursive: true });
    writeAtomically(path, `${JSON.stringify(fresh, null, 2)}\n`);
    return { kind, path, outcome: 'created' };
  }
  const text = readFileSync(path, 'utf8');
  const errors: ParseError[] = [];
  const value: unknown = parse(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length > 0) {
    const first = errors[0]!;
    const { line, column } = lineAndColumn(text, first.offset);
    const found = JSON.stringify(text.slice(first.offset, first.offset + Math.max(first.length, 1)));
    return {
      kind, path, outcome: 'refused', manual,
      problem: {
        en: `${display}:${line}:${column}: not JSON with comments (${printParseErrorCode(first.error)}, found ${found}); left as it is`,
        ja: `${display}:${line}:${column}: コメント付き JSON として読めません（${printParseErrorCode(first.error)}、値 ${found}）。変更していません`,
      },
    };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return {
      kind, path, outcome: 'refused', manual,
      problem: { en: `${display}: expected ${expectedShape.en}, found ${Array.isArray(value) ? 'a list' : JSON.stringify(value)}; left as it is`, ja: `${display}: ${expectedShape.ja}のはずが ${Array.isArray(value) ? 'リスト' : JSON.stringify(value)} です。変更していません` },
    };
  }
  let updated: string;
  try {
    updated = edit(text, formattingOf(text));
  } catch (error) {
    return { kind, path, outcome: 'refused', manual, problem: { en: `${display}: ${(error as Error).message}; left as it is`, ja: `${display}: ${(error as Error).message}。変更していません` } };
  }
  if (updated === text) return { kind, path, outcome: 'unchanged' };
  writeAtomically(path, updated);
  return { kind, path, outcome: 'updated' };
}

function writeAtomically(path: string, text: string): void {
  // A settings file that is a link to a shared one is written where it points, and stays a link.
  const target = existsSync(path) ? realpathSync(path) : path;
  const temporary = `${target}.clair-${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, target);
}

/** A JSON value in an existing file, or undefined; `path` is a list of keys. */
function valueAt(text: string, path: string[]): unknown {
  let value: unknown = parse(text, [], { allowTrailingComma: true });
  for (const key of path) value = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>)[key] : undefined;
  return value;
}

/** Writes or merges `.vscode/settings.json` and `.vscode/extensions.json` in the workspace. */
export function writeEditorSettings(world: World, workspace: string): EditorSetup {
  const vscode = join(workspace, '.vscode');
  const mappings = schemaMappings(workspace, world.dataRoot);

  const settingsPath = join(vscode, 'settings.json');
  const settings = editJsonc('settings', world.display(settingsPath), settingsPath, { 'yaml.schemas': mappings }, (text, formattingOptions) => {
    const schemas = valueAt(text, ['yaml.schemas']);
    if (schemas !== undefined && (schemas === null || typeof schemas !== 'object' || Array.isArray(schemas))) {
      throw new Error(`"yaml.schemas" is not an object`);
    }
    let out = text;
    const existing = (schemas ?? {}) as Record<string, unknown>;
    // Entries of an earlier init that point at another clair install go; everything else stays.
    for (const key of Object.keys(existing)) {
      if (isClairSchema(key) && !(key in mappings)) out = applyEdits(out, modify(out, ['yaml.schemas', key], undefined, { formattingOptions }));
    }
    for (const [key, files] of Object.entries(mappings)) {
      if (JSON.stringify(existing[key]) === JSON.stringify(files)) continue;
      out = applyEdits(out, modify(out, ['yaml.schemas', key], files, { formattingOptions }));
    }
    return out;
  }, JSON.stringify({ 'yaml.schemas': mappings }, null, 2), { en: 'an object of settings', ja: '設定のオブジェクト' });

  const extensionsPath = join(vscode, 'extensions.json');
  const extensions = editJsonc('extensions', world.display(extensionsPath), extensionsPath, { recommendations: [YAML_EXTENSION] }, (text, formattingOptions) => {
    const recommendations = valueAt(text, ['recommendations']);
    if (recommendations === undefined) return applyEdits(text, modify(text, ['recommendations'], [YAML_EXTENSION], { formattingOptions }));
    if (!Array.isArray(recommendations)) throw new Error('"recommendations" is not a list');
    if (recommendations.includes(YAML_EXTENSION)) return text;
    return applyEdits(text, modify(text, ['recommendations', -1], YAML_EXTENSION, { formattingOptions, isArrayInsertion: true }));
  }, `"recommendations": ["${YAML_EXTENSION}"]`, { en: 'an object', ja: 'オブジェクト' });

  return { workspace, files: [settings, extensions] };
}
