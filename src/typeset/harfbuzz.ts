// Font subsetting with harfbuzz (the wasm build shipped by harfbuzzjs), keeping each font file in harfbuzz's memory
// once per process. subset-font copies the whole font into wasm memory for every subset and sees only the first
// face of a collection; a brochure cuts a dozen subsets from the same two 20 MB collections, so clair keeps the
// files (and the faces inside them) open instead.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

interface HarfbuzzExports {
  memory: WebAssembly.Memory;
  _initialize(): void;
  malloc(size: number): number;
  free(pointer: number): void;
  hb_blob_create(data: number, length: number, mode: number, userData: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_data(blob: number, length: number): number;
  hb_blob_get_length(blob: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_face_reference_blob(face: number): number;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_set(input: number, set: number): number;
  hb_subset_input_unicode_set(input: number): number;
  hb_subset_input_glyph_set(input: number): number;
  hb_subset_input_get_flags(input: number): number;
  hb_subset_input_set_flags(input: number, flags: number): void;
  hb_subset_or_fail(face: number, input: number): number;
  hb_set_add(set: number, value: number): void;
  hb_set_clear(set: number): void;
}

const HB_MEMORY_MODE_READONLY = 1;
const HB_SUBSET_SETS_DROP_TABLE_TAG = 3;
const HB_SUBSET_SETS_LAYOUT_FEATURE_TAG = 6;
const HB_SUBSET_FLAGS_RETAIN_GIDS = 0x2;

/** Tables a PDF never reads from an embedded font: layout, vertical metrics, signatures. */
const NOT_FOR_PDF = ['GSUB', 'GPOS', 'GDEF', 'BASE', 'JSTF', 'MATH', 'vhea', 'vmtx', 'VORG', 'DSIG', 'kern', 'morx', 'STAT'];
/** A PDF embeds a CFF font's CFF table alone (FontFile3): the rest need not be cut at all (a fifth faster). */
const NOT_FOR_PDF_CFF = [...NOT_FOR_PDF, 'cmap', 'name', 'post', 'OS/2', 'hmtx', 'hhea'];

const tag = (name: string) => [...name].reduce((value, char) => (value << 8) + char.charCodeAt(0), 0) >>> 0;

let instance: Promise<HarfbuzzExports> | undefined;
let ready: HarfbuzzExports | undefined;

// The wasm binary ships inside the harfbuzzjs package.
const wasmBytes = () => readFileSync(createRequire(import.meta.url).resolve('harfbuzzjs/dist/harfbuzz-subset.wasm'));

/** The one instance of the process: the first one made (memory holds the open font files, see openFiles). */
function adopt(module: WebAssembly.Instance): HarfbuzzExports {
  if (!ready) {
    ready = module.exports as unknown as HarfbuzzExports;
    ready._initialize();
  }
  return ready;
}

/** Compiles the subsetter off the main thread. */
function harfbuzz(): Promise<HarfbuzzExports> {
  instance ??= ready ? Promise.resolve(ready) : WebAssembly.instantiate(wasmBytes()).then(({ instance: module }) => adopt(module));
  return instance;
}

/** The subsetter now: compiled on the spot (~20 ms) unless `subsetterReady` has done it already. */
function harfbuzzNow(): HarfbuzzExports {
  return ready ?? adopt(new WebAssembly.Instance(new WebAssembly.Module(wasmBytes())));
}

/**
 * Font files copied into harfbuzz's memory, and the faces opened in them, by file (path and size) and face index.
 * Keyed by file rather than by bytes so that every World of the process (tests open many) shares one copy: wasm
 * memory is limited and never shrinks.
 */
const openFiles = new Map<string, { blob: number; faces: Map<number, number> }>();

function openFace(hb: HarfbuzzExports, bytes: Uint8Array, file: string, index: number): number {
  const key = `${file}\u0000${bytes.byteLength}`;
  let opened = openFiles.get(key);
  if (!opened) {
    const pointer = hb.malloc(bytes.byteLength);
    if (pointer === 0) throw new Error(`harfbuzz has no memory left for ${file} (${bytes.byteLength} bytes)`);
    new Uint8Array(hb.memory.buffer).set(bytes, pointer);
    opened = { blob: hb.hb_blob_create(pointer, bytes.byteLength, HB_MEMORY_MODE_READONLY, 0, 0), faces: new Map() };
    openFiles.set(key, opened);
  }
  const kept = opened;
  let face = kept.faces.get(index);
  if (face === undefined) {
    face = hb.hb_face_create(kept.blob, index);
    kept.faces.set(index, face);
  }
  return face;
}

/**
 * An OpenType subset (TrueType or CFF outlines, as the source) of face `index` of a font file (`file` is its path,
 * naming the copy kept in harfbuzz's memory), holding the glyphs
 * of `characters` and what the kept layout features need to shape them.
 */
export async function subsetFace(bytes: Uint8Array, file: string, index: number, characters: string, keepFeatures: readonly string[]): Promise<Buffer> {
  const hb = await harfbuzz();
  return cutSubset(hb, openFace(hb, bytes, file, index), (input) => {
    const features = hb.hb_subset_input_set(input, HB_SUBSET_SETS_LAYOUT_FEATURE_TAG);
    hb.hb_set_clear(features);
    for (const feature of keepFeatures) hb.hb_set_add(features, tag(feature));
    const unicodes = hb.hb_subset_input_unicode_set(input);
    for (const character of characters) hb.hb_set_add(unicodes, character.codePointAt(0)!);
  });
}

/** Loads the subsetter in the background, so that the first subset need not wait for it to compile. */
export async function subsetterReady(): Promise<void> {
  await harfbuzz();
}

/**
 * A subset of face `index` of a font file holding the given glyphs, for embedding in a PDF: no layout tables, and
 * no layout closure, so it holds exactly these glyphs (and the components of composite TrueType glyphs).
 * `retainGids` keeps every glyph at its id, the rest empty, so text written with the font's glyph ids stays valid;
 * without it a CID-keyed CFF font keeps its glyphs' CIDs instead. `cffOnly` cuts only what a PDF embeds of a CFF
 * font, its CFF table.
 */
export function subsetGlyphs(bytes: Uint8Array, file: string, index: number, glyphs: Iterable<number>, options: { retainGids: boolean; cffOnly?: boolean }): Buffer {
  const hb = harfbuzzNow();
  return cutSubset(hb, openFace(hb, bytes, file, index), (input) => {
    hb.hb_set_clear(hb.hb_subset_input_set(input, HB_SUBSET_SETS_LAYOUT_FEATURE_TAG));
    const drop = hb.hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG);
    for (const table of options.cffOnly ? NOT_FOR_PDF_CFF : NOT_FOR_PDF) hb.hb_set_add(drop, tag(table));
    const set = hb.hb_subset_input_glyph_set(input);
    for (const glyph of glyphs) hb.hb_set_add(set, glyph);
    if (options.retainGids) hb.hb_subset_input_set_flags(input, hb.hb_subset_input_get_flags(input) | HB_SUBSET_FLAGS_RETAIN_GIDS);
  });
}

/** Cuts a subset of an open face with an input `describe` fills in, and copies it out of harfbuzz's memory. */
function cutSubset(hb: HarfbuzzExports, face: number, describe: (input: number) => void): Buffer {
  // Synchronous from here on: no other subset can interleave with it.
  const input = hb.hb_subset_input_create_or_fail();
  if (input === 0) throw new Error('harfbuzz could not start a subset');
  try {
    describe(input);
    const subset = hb.hb_subset_or_fail(face, input);
    if (subset === 0) throw new Error('harfbuzz could not subset the font (is the file damaged?)');
    const blob = hb.hb_face_reference_blob(subset);
    try {
      const data = hb.hb_blob_get_data(blob, 0);
      const length = hb.hb_blob_get_length(blob);
      if (length === 0) throw new Error('harfbuzz made an empty subset (is the file damaged?)');
      return Buffer.from(new Uint8Array(hb.memory.buffer, data, length));
    } finally {
      hb.hb_blob_destroy(blob);
      hb.hb_face_destroy(subset);
    }
  } finally {
    hb.hb_subset_input_destroy(input);
  }
}
