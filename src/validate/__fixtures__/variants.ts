// Test helper: a copy of the valid fixture office (valid/seoul) in a temporary data root, with some files edited,
// replaced or removed, so each test states only the mistake it is about.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { World } from '../../world.js';
import { validateOffices, type ValidateOptions, type ValidationResult } from '../index.js';

export const FIXTURES = fileURLToPath(new URL('.', import.meta.url));
export const VALID_ROOT = join(FIXTURES, 'valid');
export const VALID_OFFICE = join(VALID_ROOT, 'seoul');

/** New content for a file: text or bytes, a function of the old text, or null to delete the file. */
export type Edit = string | Uint8Array | ((text: string) => string) | null;

const made: string[] = [];

/** A data root holding one office `seoul`, the valid fixture with `edits` applied; cwd is the data root. */
export function officeVariant(edits: Record<string, Edit> = {}): { root: string; dir: string; world: World } {
  const root = mkdtempSync(join(tmpdir(), 'clair-validate-'));
  made.push(root);
  const dir = join(root, 'seoul');
  cpSync(VALID_OFFICE, dir, { recursive: true });
  for (const [name, edit] of Object.entries(edits)) {
    const path = join(dir, name);
    if (edit === null) rmSync(path, { force: true });
    else if (typeof edit === 'function') writeFileSync(path, edit(readFileSync(path, 'utf8')));
    else writeFileSync(path, edit);
  }
  return { root, dir, world: new World({ dataRoot: root, cwd: root }) };
}

/** Validates an edited copy of the valid office. */
export async function validateVariant(edits: Record<string, Edit>, options: ValidateOptions = {}): Promise<ValidationResult> {
  const { world } = officeVariant(edits);
  return validateOffices(world, options);
}

/** Replaces exactly one occurrence of `from`, so an edit cannot silently miss. */
export const replaceOnce = (from: string | RegExp, to: string) => (text: string) => {
  const count = typeof from === 'string' ? text.split(from).length - 1 : (text.match(new RegExp(from.source, `${from.flags.replace('g', '')}g`)) ?? []).length;
  if (count !== 1) throw new Error(`expected one ${String(from)} in the fixture, found ${count}`);
  return text.replace(from, to);
};

export function removeVariants(): void {
  for (const root of made.splice(0)) rmSync(root, { recursive: true, force: true });
}
