// The photo pipeline on generated images: EXIF orientation applied, CMYK and 16-bit inputs turned into 8-bit
// sRGB, metadata stripped, any case of extension, the 4:3 frame and its focus point, the print and screen sizes,
// the cache (same bytes on a second build), and a truncated file refused with its path.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { World } from '../world.js';
import { cropBox, forgetPreparedPhotos, photoSize, PhotoError, PhotoErrors, preparePhoto, preparePhotos, printPixels, PRINT_WIDTH_PT, SCREEN_WIDTH_PX, type PhotoOptions } from './index.js';

const print = { target: 'print', width: printPixels(PRINT_WIDTH_PT) } as const;
const screen = { target: 'screen', width: 2 * SCREEN_WIDTH_PX } as const;

const dir = join(tmpdir(), `clair-photos-${process.pid}`);
const world = new World({ dataRoot: dir });

/** A picture whose left half is red and right half blue, so orientation and crops can be told apart. */
async function halves(width: number, height: number): Promise<ReturnType<typeof sharp>> {
  const left = await sharp({ create: { width: Math.floor(width / 2), height, channels: 3, background: '#ff0000' } }).png().toBuffer();
  return sharp({ create: { width, height, channels: 3, background: '#0000ff' } }).composite([{ input: left, left: 0, top: 0 }]);
}

const decoded = async (dataUrl: string) => {
  const bytes = Buffer.from(dataUrl.split(',')[1]!, 'base64');
  return { bytes, meta: await sharp(bytes).metadata() };
};

beforeAll(async () => {
  mkdirSync(dir, { recursive: true });
  process.env.CLAIR_CACHE_DIR = join(dir, 'cache');
  // A landscape photo stored sideways: EXIF orientation 6 says "turn 90° clockwise to view".
  writeFileSync(join(dir, 'rotated.JPG'), await (await halves(1600, 1200)).jpeg().withMetadata({ orientation: 6 }).toBuffer());
  writeFileSync(join(dir, 'cmyk.jpg'), await (await halves(1200, 900)).toColourspace('cmyk').jpeg().toBuffer());
  writeFileSync(join(dir, 'deep.png'), await (await halves(1000, 750)).toColourspace('rgb16').png().toBuffer());
  writeFileSync(join(dir, 'phone.jpg'), await (await halves(4032, 3024)).jpeg({ quality: 95 }).withMetadata({ exif: { IFD0: { Make: 'TestCam', Model: 'X' } } }).toBuffer());
  writeFileSync(join(dir, 'small.webp'), await (await halves(400, 300)).webp().toBuffer());
  const whole = await (await halves(800, 600)).jpeg().toBuffer();
  writeFileSync(join(dir, 'truncated.jpg'), whole.subarray(0, Math.floor(whole.length / 2)));
  writeFileSync(join(dir, 'not-an-image.jpg'), 'hello');
});

afterAll(() => {
  delete process.env.CLAIR_CACHE_DIR;
  rmSync(dir, { recursive: true, force: true });
});

describe('preparePhoto', () => {
  it('applies the EXIF orientation of a .JPG before cropping, and strips the metadata', async () => {
    const placed = await preparePhoto(world, join(dir, 'rotated.JPG'), print);
    const { meta } = await decoded(placed.dataUrl);
    expect(meta.format).toBe('jpeg');
    expect(meta.orientation ?? 1).toBe(1);
    expect(meta.exif).toBeUndefined();
    // Stored 1600×1200 sideways, it stands 1200×1600: cut to the 4:3 frame, the frame is as wide as the photo.
    expect(await photoSize(world.readBytes(join(dir, 'rotated.JPG')), 'rotated.JPG')).toMatchObject({ width: 1200, height: 1600 });
    expect(placed.width / placed.height).toBeCloseTo(4 / 3, 1);
    // Turned clockwise, the red left half is on top: the top row is red, the bottom row blue.
    const bytes = Buffer.from(placed.dataUrl.split(',')[1]!, 'base64');
    const top = await sharp(await sharp(bytes).extract({ left: 0, top: 0, width: placed.width, height: 4 }).png().toBuffer()).stats();
    const bottom = await sharp(await sharp(bytes).extract({ left: 0, top: placed.height - 4, width: placed.width, height: 4 }).png().toBuffer()).stats();
    expect(top.channels[0]!.mean).toBeGreaterThan(200);
    expect(bottom.channels[2]!.mean).toBeGreaterThan(200);
  });

  it('turns CMYK and 16-bit inputs into 8-bit sRGB for the screen', async () => {
    for (const name of ['cmyk.jpg', 'deep.png']) {
      const placed = await preparePhoto(world, join(dir, name), screen);
      const { meta } = await decoded(placed.dataUrl);
      expect(['webp', 'jpeg'], name).toContain(meta.format);
      expect(meta.space, name).toBe('srgb');
      expect(meta.depth, name).toBe('uchar');
    }
  });

  it('downscales a phone photo to at most 350 ppi at its printed width and twice its displayed width', async () => {
    const printed = await preparePhoto(world, join(dir, 'phone.jpg'), print);
    const shown = await preparePhoto(world, join(dir, 'phone.jpg'), screen);
    expect(printed.width).toBe(Math.round((240 / 72) * 350));
    expect(printed.height).toBe(Math.round(printed.width * 3 / 4));
    expect(shown.width).toBe(640);
    expect(printed.bytes).toBeLessThan(400_000);
    expect(shown.bytes).toBeLessThan(150_000);
    const { meta } = await decoded(printed.dataUrl);
    expect(meta.exif).toBeUndefined();
  });

  it('never enlarges a small photo', async () => {
    const placed = await preparePhoto(world, join(dir, 'small.webp'), print);
    expect(placed.width).toBeLessThanOrEqual(400);
  });

  it('keeps the focus point in the frame when cropping', () => {
    // A tall 1000×2000 image cut to 4:3 (1000×750): focus at the top keeps the top, at the bottom the bottom.
    expect(cropBox(1000, 2000, { x: 0.5, y: 0 })).toEqual({ left: 0, top: 0, width: 1000, height: 750 });
    expect(cropBox(1000, 2000, { x: 0.5, y: 1 })).toEqual({ left: 0, top: 1250, width: 1000, height: 750 });
    expect(cropBox(1000, 2000, { x: 0.5, y: 0.5 })).toEqual({ left: 0, top: 625, width: 1000, height: 750 });
    // A wide panorama keeps the height and moves sideways.
    expect(cropBox(4000, 750, { x: 0.9, y: 0.5 })).toEqual({ left: 3000, top: 0, width: 1000, height: 750 });
  });

  it('gives the same bytes made afresh, from the disk cache and from memory, whatever the order of a batch', async () => {
    const names = ['cmyk.jpg', 'phone.jpg', 'deep.png', 'rotated.JPG'];
    const requests = (order: string[], options: PhotoOptions) => order.map((name) => ({ file: join(dir, name), options }));
    for (const options of [print, screen]) {
      rmSync(join(dir, 'cache'), { recursive: true, force: true });
      forgetPreparedPhotos();
      const fresh = (await preparePhotos(world, requests(names, options))).map((p) => p.dataUrl);
      forgetPreparedPhotos();
      const fromDisk = (await preparePhotos(world, requests([...names].reverse(), options))).map((p) => p.dataUrl).reverse();
      const fromMemory = (await preparePhotos(world, requests(names, options))).map((p) => p.dataUrl);
      rmSync(join(dir, 'cache'), { recursive: true, force: true });
      forgetPreparedPhotos();
      const freshAgain = (await preparePhotos(world, requests([...names].reverse(), options))).map((p) => p.dataUrl).reverse();
      expect(fromDisk).toEqual(fresh);
      expect(fromMemory).toEqual(fresh);
      expect(freshAgain).toEqual(fresh);
    }
  });

  it('notices a photo file replaced under the same name, in memory and across builds', async () => {
    const path = join(dir, 'replaced.jpg');
    writeFileSync(path, await (await halves(800, 600)).jpeg().toBuffer());
    const before = await preparePhoto(world, path, print);
    writeFileSync(path, await sharp({ create: { width: 800, height: 600, channels: 3, background: '#00ff00' } }).jpeg().toBuffer());
    const after = await preparePhoto(world, path, print);
    expect(after.dataUrl).not.toBe(before.dataUrl);
    forgetPreparedPhotos();
    expect((await preparePhoto(world, path, print)).dataUrl).toBe(after.dataUrl);
  });

  it('sizes a photo for its place: the printed width at 350 ppi, never more pixels than the photo has', async () => {
    // Three to a row on the 511 pt text width: 165 pt frames need 802 pixels, not a column's 1,167.
    const narrow = await preparePhoto(world, join(dir, 'phone.jpg'), { target: 'print', width: printPixels(165) });
    expect(narrow.width).toBe(802);
    const cover = await preparePhoto(world, join(dir, 'phone.jpg'), { target: 'print', width: printPixels(595.28) });
    expect(cover.width).toBe(2894);
    const small = await preparePhoto(world, join(dir, 'small.webp'), { target: 'print', width: printPixels(595.28) });
    expect(small.width).toBe(400);
  });

  it('keeps the smaller of WebP and JPEG for the screen', async () => {
    const flat = await preparePhoto(world, join(dir, 'phone.jpg'), screen);
    // Two flat halves: WebP's prediction makes it far smaller than JPEG.
    expect(flat.dataUrl).toMatch(/^data:image\/webp;base64,/);
    // Fine grain (film noise) is where JPEG wins.
    const grain = Buffer.alloc(640 * 480 * 3);
    let seed = 7;
    for (let k = 0; k < grain.length; k++) { seed = (seed * 1103515245 + 12345) & 0x7fffffff; grain[k] = seed >> 23; }
    writeFileSync(join(dir, 'grain.png'), await sharp(grain, { raw: { width: 640, height: 480, channels: 3 } }).png().toBuffer());
    const noisy = await preparePhoto(world, join(dir, 'grain.png'), screen);
    const bytes = Buffer.from(noisy.dataUrl.split(',')[1]!, 'base64');
    const other = noisy.dataUrl.startsWith('data:image/jpeg') ? 'webp' : 'jpeg';
    const image = sharp(await sharp(join(dir, 'grain.png')).raw().toBuffer(), { raw: { width: 640, height: 480, channels: 3 } });
    const alternative = other === 'webp' ? await image.webp({ quality: 60, effort: 0 }).toBuffer() : await image.jpeg({ quality: 62, optimiseCoding: true, progressive: true }).toBuffer();
    expect(bytes.length).toBeLessThanOrEqual(alternative.length);
  });

  it('reports every photo of a batch that cannot be decoded, in the order asked, once each', async () => {
    const error = await preparePhotos(world, ['truncated.jpg', 'cmyk.jpg', 'not-an-image.jpg', 'truncated.jpg'].map((name) => ({ file: join(dir, name), options: print })))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PhotoErrors);
    expect((error as PhotoErrors).errors.map((e) => e.path)).toEqual([join(dir, 'truncated.jpg'), join(dir, 'not-an-image.jpg')]);
  });

  it('refuses a truncated file and a file that is no image, naming the file', async () => {
    for (const name of ['truncated.jpg', 'not-an-image.jpg']) {
      const error = await preparePhoto(world, join(dir, name), print).catch((e: unknown) => e);
      expect(error, name).toBeInstanceOf(PhotoError);
      expect((error as PhotoError).path).toBe(join(dir, name));
    }
  });
});
