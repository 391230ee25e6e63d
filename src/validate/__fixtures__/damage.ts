// Test helper: random damage to the valid fixture's files — lines deleted or duplicated, values of another kind,
// garbage bytes, truncation — for the property tests of the validator and of the CLI.
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { VALID_OFFICE } from './variants.js';

export const FILES = readdirSync(VALID_OFFICE).filter((name) => name.endsWith('.yaml')).sort();
export const ORIGINAL: Record<string, Uint8Array> = Object.fromEntries(FILES.map((name) => [name, readFileSync(join(VALID_OFFICE, name))]));
/** Problems with a whole file, which have no line. */
export const WHOLE_FILE = new Set(['file-too-large', 'missing-file', 'unknown-file', 'stray-file', 'duplicate-file', 'more-problems', 'unreadable']);

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const lines = (bytes: Uint8Array) => decoder.decode(bytes).split('\n');
const join_ = (parts: string[]) => encoder.encode(parts.join('\n'));

export type Mutation = (bytes: Uint8Array) => Uint8Array;

const pick = <T>(list: readonly T[], seed: number) => list[seed % list.length]!;
const VALUES = ['~', '42', '-1', '3.5', 'true', '""', "''", '[]', '{}', '[1, {a: b}]', '"x"', 'x: y', '*missing', '&a x', '!!binary AAAA', '2025-13-45', '- a', '|'];

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  // Delete a line: a key, an item, or half of a flow mapping.
  fc.nat().map((n): Mutation => (bytes) => {
    const all = lines(bytes);
    all.splice(n % all.length, 1);
    return join_(all);
  }),
  // Give a key a value of another kind.
  fc.tuple(fc.nat(), fc.nat()).map(([n, v]): Mutation => (bytes) => {
    const all = lines(bytes);
    const keyed = all.map((line, i) => ({ line, i })).filter(({ line }) => /^\s*(- )?[\w$-]+:/.test(line));
    if (keyed.length === 0) return bytes;
    const { line, i } = pick(keyed, n);
    all[i] = line.replace(/^(\s*(?:- )?[\w$-]+:).*$/, `$1 ${pick(VALUES, v)}`);
    return join_(all);
  }),
  // Duplicate a line: a duplicate key, or an extra item.
  fc.nat().map((n): Mutation => (bytes) => {
    const all = lines(bytes);
    const i = n % all.length;
    all.splice(i, 0, all[i]!);
    return join_(all);
  }),
  // Insert arbitrary bytes, valid UTF-8 or not.
  fc.tuple(fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 12 })).map(([n, garbage]): Mutation => (bytes) => {
    const at = n % (bytes.length + 1);
    return new Uint8Array([...bytes.subarray(0, at), ...garbage, ...bytes.subarray(at)]);
  }),
  // Cut the file anywhere, also inside a multi-byte character.
  fc.nat().map((n): Mutation => (bytes) => bytes.subarray(0, n % (bytes.length + 1))),
);

/** Up to three files, each damaged up to three times. */
export const damage = fc.array(fc.tuple(fc.constantFrom(...FILES), fc.array(mutation, { minLength: 1, maxLength: 3 })), { minLength: 1, maxLength: 3 });

