// Photos made ready for the page through `sharp` (libvips): JPEG, PNG, WebP, TIFF and HEIC/AVIF where libvips
// reads them, recognised by their bytes whatever the file's extension or its case. Each photo is turned upright
// (EXIF orientation), cropped to the brochure's frame (4:3) around the data's focus point, converted to 8-bit
// sRGB (CMYK and 16-bit inputs too), stripped of its metadata (camera, GPS) and scaled down to the size of the
// place it is put: at most 350 ppi at its printed width for the PDF (JPEG), twice its largest displayed width for
// the HTML (WebP, or JPEG when that is smaller). Results are kept by a hash of the photo's bytes and the settings,
// in memory and in a cache folder, so a rebuild does not redo them (nor read a photo whose file has not changed);
// the same input always gives the same bytes.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { availableParallelism, homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { MAX_PHOTO_BYTES } from '../load/source.js';
import sharp from 'sharp';
import type { World } from '../world.js';

/** The frame every photo is cropped to, width : height. */
export const FRAME_RATIO = 4 / 3;
/** The widest a photo of a grid is printed, in points (a column of the two-column grid); wider frames are capped. */
export const PRINT_WIDTH_PT = 240;
/** The cover photo is printed across the A4 page (templates/theme.yaml: page size A4), in points. */
export const COVER_WIDTH_PT = 595.28;
/** Print resolution the PDF keeps at most, and the least `validate` accepts without a warning. */
export const MAX_PPI = 350;
export const MIN_PPI = 200;
/**
 * The widest a grid photo is displayed in the HTML, in CSS pixels (style.css: `.photos`, auto-fill columns of at
 * least 13rem, 9rem on phones). Measured in Chromium at every viewport width from 320 to 1920 px: 319 px, just
 * below the width where a third column fits (about 710 px); 209 px on a desktop. The image has twice as many
 * pixels, for screens of two device pixels per CSS pixel.
 */
export const SCREEN_WIDTH_PX = 320;
/** The cover photo fills the HTML cover behind the title, dimmed (opacity .45): one pixel per CSS pixel is enough. */
export const SCREEN_COVER_PX = 1600;

export type PhotoTarget = 'print' | 'screen';

/** A prepared image: JPEG for print, WebP or JPEG for the screen. */
export class PlacedPhoto {
  constructor(
    /** Names the image by its source's content and the settings (the cache key). */
    readonly id: string,
    readonly format: 'jpeg' | 'webp',
    readonly data: Buffer,
    readonly width: number,
    readonly height: number,
  ) {}

  get bytes(): number {
    return this.data.length;
  }

  /** The image as a data: URL, for the HTML. */
  get dataUrl(): string {
    return `data:image/${this.format};base64,${this.data.toString('base64')}`;
  }
}

/** A photo that cannot be decoded: the renderer's caller turns it into a data error located at its entry. */
export class PhotoError extends Error {
  constructor(readonly path: string, readonly reason: string) {
    super(`${path}: ${reason}`);
    this.name = 'PhotoError';
  }
}

/** Every photo of a batch that could not be decoded, in the order they were asked for. */
export class PhotoErrors extends Error {
  constructor(readonly errors: readonly PhotoError[]) {
    super(errors.map((e) => e.message).join('\n'));
    this.name = 'PhotoErrors';
  }
}

export interface PhotoOptions {
  target: PhotoTarget;
  /** Width of the prepared image in pixels (see printPixels and SCREEN_WIDTH_PX); never more than the photo has. */
  width: number;
  /** 0–1 from the left and the top: the point kept in the frame when cropping (default the centre). */
  focus?: { x: number; y: number };
}

/** Pixels across a frame printed `widthPt` points wide, at MAX_PPI. */
export const printPixels = (widthPt: number): number => Math.round((widthPt / 72) * MAX_PPI);

const memory = new Map<string, Promise<PlacedPhoto>>();

/** The cache folder: $CLAIR_CACHE_DIR, else $XDG_CACHE_HOME/clair/photos, else ~/.cache/clair/photos. */
export function photoCacheDir(): string {
  if (process.env.CLAIR_CACHE_DIR) return join(process.env.CLAIR_CACHE_DIR, 'photos');
  return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'clair', 'photos');
}

// Bump when the processing changes, so old cache entries are not reused.
const PIPELINE_VERSION = 6;

/** The crop box of the frame's aspect ratio inside an image, centred on the focus point as far as it can be. */
export function cropBox(width: number, height: number, focus = { x: 0.5, y: 0.5 }): { left: number; top: number; width: number; height: number } {
  let w = width;
  let h = Math.round(width / FRAME_RATIO);
  if (h > height) {
    h = height;
    w = Math.round(height * FRAME_RATIO);
  }
  const clamp = (v: number, max: number) => Math.max(0, Math.min(max, Math.round(v)));
  return { left: clamp(focus.x * width - w / 2, width - w), top: clamp(focus.y * height - h / 2, height - h), width: w, height: h };
}

/** Reads the size of a photo as it will stand (after EXIF orientation), for `validate`'s resolution check. */
export async function photoSize(bytes: Uint8Array, path: string): Promise<{ width: number; height: number; format: string }> {
  try {
    const meta = await sharp(bytes, { failOn: 'error' }).metadata();
    const turned = (meta.orientation ?? 1) >= 5;
    return { width: (turned ? meta.height : meta.width) ?? 0, height: (turned ? meta.width : meta.height) ?? 0, format: meta.format ?? '' };
  } catch (error) {
    throw new PhotoError(path, reasonOf(error));
  }
}

function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/unsupported image format|heif|bad seek/i.test(message)) return `${message.split('\n')[0]} — save it as JPEG`;
  return message.split('\n')[0]!;
}

const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

/**
 * The hash of a photo file's content, read and hashed only when its stamp (World.stamp) differs from the last
 * time: 20 phone photos are 72 MB, whose reading and hashing took most of a cached build's added time. Stamps are
 * kept in memory and in the cache folder (stamps/), keyed by the file's path.
 */
function contentHash(world: World, path: string): { hash: string; bytes?: Uint8Array } {
  const stamp = world.stamp(path);
  const known = stamps.get(path);
  if (known?.stamp === stamp) return { hash: known.hash };
  const stampFile = join(photoCacheDir(), 'stamps', `${sha256(path)}.json`);
  try {
    const saved = JSON.parse(readFileSync(stampFile, 'utf8')) as { stamp?: unknown; hash?: unknown };
    if (saved.stamp === stamp && typeof saved.hash === 'string') {
      stamps.set(path, { stamp, hash: saved.hash });
      return { hash: saved.hash };
    }
  } catch {
    // Not seen before: read below.
  }
  const bytes = world.readBytes(path, MAX_PHOTO_BYTES);
  const hash = sha256(bytes);
  stamps.set(path, { stamp, hash });
  writeCacheFile(stampFile, JSON.stringify({ stamp, hash }));
  return { hash, bytes };
}

const stamps = new Map<string, { stamp: string; hash: string }>();

/** Writes a cache file whole or not at all; a cache that cannot be written only costs time on the next build. */
function writeCacheFile(path: string, content: string | Uint8Array): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
    const temporary = `${path}.${process.pid}.tmp`;
    writeFileSync(temporary, content);
    renameSync(temporary, path);
  } catch {
    // See above.
  }
}

/** Prepares one photo for print or screen (cached). Throws PhotoError when the file is not a readable image. */
export function preparePhoto(world: World, path: string, options: PhotoOptions): Promise<PlacedPhoto> {
  const content = contentHash(world, path);
  const focus = options.focus ?? { x: 0.5, y: 0.5 };
  const key = sha256(JSON.stringify({ v: PIPELINE_VERSION, target: options.target, width: options.width, focus, sharp: sharp.versions.vips, content: content.hash }));
  let placed = memory.get(key);
  if (!placed) {
    // The promise is kept, so a photo asked for twice at once (two editions, the same photo in two sections) is
    // made once; a failure is forgotten so the next build reports it again.
    placed = cachedOrMade(key, () => content.bytes ?? world.readBytes(path, MAX_PHOTO_BYTES), path, options.target, options.width, focus);
    placed.catch(() => memory.delete(key));
    memory.set(key, placed);
  }
  return placed;
}

async function cachedOrMade(key: string, bytes: () => Uint8Array, path: string, target: PhotoTarget, width: number, focus: { x: number; y: number }): Promise<PlacedPhoto> {
  // The image as it is (<key>.image), then what it is (<key>.json), each written whole: a description found means
  // its image was written before it.
  const description = join(photoCacheDir(), `${key}.json`);
  const imageFile = join(photoCacheDir(), `${key}.image`);
  try {
    const cached = JSON.parse(readFileSync(description, 'utf8')) as { format?: unknown; width?: unknown; height?: unknown };
    if ((cached.format === 'jpeg' || cached.format === 'webp') && typeof cached.width === 'number' && typeof cached.height === 'number') {
      return new PlacedPhoto(key, cached.format, readFileSync(imageFile), cached.width, cached.height);
    }
  } catch {
    // Not cached yet (or unreadable): made below.
  }
  const placed = await made(key, bytes(), path, target, width, focus);
  writeCacheFile(imageFile, placed.data);
  writeCacheFile(description, JSON.stringify({ format: placed.format, width: placed.width, height: placed.height }));
  return placed;
}

async function made(key: string, bytes: Uint8Array, path: string, target: PhotoTarget, width: number, focus: { x: number; y: number }): Promise<PlacedPhoto> {
  const size = { width, height: Math.round(width / FRAME_RATIO) };
  try {
    // failOn 'error' refuses truncated and corrupt files instead of printing half a photo. The first pass turns
    // the photo upright and shrinks it until the frame just covers the wanted size: libjpeg then decodes a phone
    // photo at a half or a quarter of its size (shrink-on-load), which took a 4032×3024 JPEG from 130–190 ms to
    // 40–80 ms of CPU here. The crop around the focus point is cut from that, without a second resampling.
    const { data: raw, info } = await sharp(bytes, { failOn: 'error', sequentialRead: true }).rotate()
      .resize({ width: size.width, height: size.height, fit: 'outside', withoutEnlargement: true })
      .toColourspace('srgb').raw().toBuffer({ resolveWithObject: true });
    const box = cropBox(info.width, info.height, focus);
    let image = sharp(raw, { raw: { width: info.width, height: info.height, channels: info.channels } }).extract(box);
    if (box.width > size.width) image = image.resize({ width: size.width, height: size.height, fit: 'fill' });
    image = image.flatten({ background: '#ffffff' });
    if (target === 'print') {
      // libjpeg-turbo with optimised Huffman tables: 12–16 ms for a 1167×875 frame, against 175–255 ms with
      // mozjpeg's trellis quantisation, for a file about 10 % larger (20 phone photos: +7 MB against +6.5 MB).
      const jpeg = await image.jpeg({ quality: 80, optimiseCoding: true, chromaSubsampling: '4:2:0' }).toBuffer({ resolveWithObject: true });
      return new PlacedPhoto(key, 'jpeg', jpeg.data, jpeg.info.width, jpeg.info.height);
    }
    // WebP is usually the smaller, but not for every picture (fine grain, noise): both are made and the smaller
    // is kept; the choice depends only on the bytes. WebP at effort 0 took 18–23 ms at 640×480 against 48–52 ms
    // at effort 4, for files 1–3 % larger; JPEG 11–13 ms.
    const [webp, jpeg] = await Promise.all([
      image.clone().webp({ quality: 60, effort: 0 }).toBuffer({ resolveWithObject: true }),
      image.clone().jpeg({ quality: 62, optimiseCoding: true, progressive: true, chromaSubsampling: '4:2:0' }).toBuffer({ resolveWithObject: true }),
    ]);
    return webp.data.length <= jpeg.data.length
      ? new PlacedPhoto(key, 'webp', webp.data, webp.info.width, webp.info.height)
      : new PlacedPhoto(key, 'jpeg', jpeg.data, jpeg.info.width, jpeg.info.height);
  } catch (error) {
    throw new PhotoError(path, reasonOf(error));
  }
}


export interface PhotoRequest {
  file: string;
  options: PhotoOptions;
}

/**
 * Prepares many photos, a few at a time: sharp works on libuv's thread pool, so two photos are decoded at once
 * on a two-core machine while a single one would leave a core idle (sharp's own per-image concurrency is 1 on
 * glibc Linux). Results are in the order asked; the same bytes whatever the order of completion. Photos that
 * cannot be decoded are all reported, in that order, as one PhotoErrors.
 */
export async function preparePhotos(world: World, requests: readonly PhotoRequest[]): Promise<PlacedPhoto[]> {
  const results: PlacedPhoto[] = new Array(requests.length);
  const failures: (PhotoError | undefined)[] = new Array(requests.length);
  let next = 0;
  const worker = async () => {
    while (next < requests.length) {
      const index = next++;
      const { file, options } = requests[index]!;
      try {
        results[index] = await preparePhoto(world, file, options);
      } catch (error) {
        if (!(error instanceof PhotoError)) throw error;
        failures[index] = error;
      }
    }
  };
  const lanes = Math.max(1, Math.min(4, availableParallelism(), requests.length));
  await Promise.all(Array.from({ length: lanes }, worker));
  const errors = failures.filter((e): e is PhotoError => e !== undefined);
  // The same file asked for at two sizes fails twice: it is reported once.
  if (errors.length > 0) throw new PhotoErrors(errors.filter((e, i) => errors.findIndex((f) => f.path === e.path) === i));
  return results;
}

/** Forgets the in-memory results (tests and benchmarks measure cold builds with it). */
export function forgetPreparedPhotos(): void {
  memory.clear();
  stamps.clear();
}
