// Photos made ready for the page through `sharp` (libvips): JPEG, PNG, WebP, TIFF and HEIC/AVIF where libvips
// reads them, recognised by their bytes whatever the file's extension or its case. Each photo is turned upright
// (EXIF orientation), cropped to the brochure's frame (4:3) around the data's focus point, converted to 8-bit
// sRGB (CMYK and 16-bit inputs too), stripped of its metadata (camera, GPS) and scaled down: to at most 350 ppi
// at its largest printed size for the PDF (JPEG), to twice its largest displayed size for the HTML (WebP).
// Results are kept by a hash of the photo's bytes and the settings, in memory and in a cache folder, so a
// rebuild does not redo them; the same input always gives the same bytes.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import type { World } from '../world.js';

/** The frame every photo is cropped to, width : height. */
export const FRAME_RATIO = 4 / 3;
/** The widest a photo is placed in the PDF, in points (a column of the two-column grid). */
export const PRINT_WIDTH_PT = 240;
/** Print resolution the PDF keeps at most, and the least `validate` accepts without a warning. */
export const MAX_PPI = 350;
export const MIN_PPI = 200;
/** The widest a photo is displayed in the HTML, in CSS pixels; the image has twice as many. */
export const SCREEN_WIDTH_PX = 300;

export type PhotoTarget = 'print' | 'screen';

export interface PlacedPhoto {
  /** data: URL of the prepared image (JPEG for print, WebP for the screen). */
  dataUrl: string;
  width: number;
  height: number;
  bytes: number;
}

/** A photo that cannot be decoded: the renderer's caller turns it into a located data error. */
export class PhotoError extends Error {
  constructor(readonly path: string, readonly reason: string) {
    super(`${path}: ${reason}`);
    this.name = 'PhotoError';
  }
}

export interface PhotoOptions {
  target: PhotoTarget;
  /** 0–1 from the left and the top: the point kept in the frame when cropping (default the centre). */
  focus?: { x: number; y: number };
}

/** Pixel size of the prepared image for a target. */
export function targetSize(target: PhotoTarget): { width: number; height: number } {
  const width = target === 'print' ? Math.round((PRINT_WIDTH_PT / 72) * MAX_PPI) : SCREEN_WIDTH_PX * 2;
  return { width, height: Math.round(width / FRAME_RATIO) };
}

const memory = new Map<string, PlacedPhoto>();

/** The cache folder: $CLAIR_CACHE_DIR, else $XDG_CACHE_HOME/clair/photos, else ~/.cache/clair/photos. */
export function photoCacheDir(): string {
  if (process.env.CLAIR_CACHE_DIR) return join(process.env.CLAIR_CACHE_DIR, 'photos');
  return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'clair', 'photos');
}

// Bump when the processing changes, so old cache entries are not reused.
const PIPELINE_VERSION = 2;

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

/** Prepares one photo for print or screen (cached). Throws PhotoError when the file is not a readable image. */
export async function preparePhoto(world: World, path: string, options: PhotoOptions): Promise<PlacedPhoto> {
  const bytes = world.readBytes(path);
  const focus = options.focus ?? { x: 0.5, y: 0.5 };
  const key = createHash('sha256')
    .update(JSON.stringify({ v: PIPELINE_VERSION, target: options.target, focus, sharp: sharp.versions.vips }))
    .update(bytes)
    .digest('hex');
  const known = memory.get(key);
  if (known) return known;
  const cacheFile = join(photoCacheDir(), `${key}.json`);
  try {
    const cached = JSON.parse(readFileSync(cacheFile, 'utf8')) as PlacedPhoto;
    if (typeof cached.dataUrl === 'string') {
      memory.set(key, cached);
      return cached;
    }
  } catch {
    // Not cached yet (or unreadable): made below.
  }

  const size = targetSize(options.target);
  let output: Buffer;
  try {
    // failOn 'error' refuses truncated and corrupt files instead of printing half a photo. The first pass turns
    // the photo upright and shrinks it to a little over what the frame needs, which lets libjpeg decode a phone
    // photo at a fraction of its size (shrink-on-load); the crop around the focus point is cut from that.
    const upright = sharp(bytes, { failOn: 'error' }).rotate()
      .resize({ width: size.width * 2, height: size.height * 2, fit: 'outside', withoutEnlargement: true });
    const { data: raw, info } = await upright.toColourspace('srgb').raw().toBuffer({ resolveWithObject: true });
    const box = cropBox(info.width, info.height, focus);
    const image = sharp(raw, { raw: { width: info.width, height: info.height, channels: info.channels } })
      .extract(box)
      .resize({ width: Math.min(size.width, box.width), height: Math.min(size.height, box.height), fit: 'fill' })
      .flatten({ background: '#ffffff' });
    output = options.target === 'print'
      ? await image.jpeg({ quality: 80, mozjpeg: true, chromaSubsampling: '4:2:0' }).toBuffer()
      : await image.webp({ quality: 62, effort: 4 }).toBuffer();
  } catch (error) {
    throw new PhotoError(path, reasonOf(error));
  }
  const meta = await sharp(output).metadata();
  const placed: PlacedPhoto = {
    dataUrl: `data:image/${options.target === 'print' ? 'jpeg' : 'webp'};base64,${output.toString('base64')}`,
    width: meta.width ?? size.width,
    height: meta.height ?? size.height,
    bytes: output.length,
  };
  memory.set(key, placed);
  try {
    mkdirSync(photoCacheDir(), { recursive: true });
    const temporary = `${cacheFile}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(placed));
    renameSync(temporary, cacheFile);
  } catch {
    // A cache that cannot be written only costs time on the next build.
  }
  return placed;
}

/** Forgets the in-memory results (tests and benchmarks measure cold builds with it). */
export function forgetPreparedPhotos(): void {
  memory.clear();
}
