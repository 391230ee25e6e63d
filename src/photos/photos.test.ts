// The photo pipeline on generated images: EXIF orientation applied, CMYK and 16-bit inputs turned into 8-bit
// sRGB, metadata stripped, any case of extension, the 4:3 frame and its focus point, the print and screen sizes,
// the cache (same bytes on a second build), and a truncated file refused with its path.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { World } from '../world.js';
import { cropBox, forgetPreparedPhotos, photoSize, PhotoError, preparePhoto, targetSize } from './index.js';

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
    const placed = await preparePhoto(world, join(dir, 'rotated.JPG'), { target: 'print' });
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

  it('turns CMYK and 16-bit inputs into 8-bit sRGB for the screen (WebP)', async () => {
    for (const name of ['cmyk.jpg', 'deep.png']) {
      const placed = await preparePhoto(world, join(dir, name), { target: 'screen' });
      const { meta } = await decoded(placed.dataUrl);
      expect(meta.format, name).toBe('webp');
      expect(meta.space, name).toBe('srgb');
      expect(meta.depth, name).toBe('uchar');
    }
  });

  it('downscales a phone photo to at most 350 ppi at its printed width and twice its displayed width', async () => {
    const print = await preparePhoto(world, join(dir, 'phone.jpg'), { target: 'print' });
    const screen = await preparePhoto(world, join(dir, 'phone.jpg'), { target: 'screen' });
    expect(print.width).toBe(targetSize('print').width);
    expect(print.width).toBeLessThanOrEqual(Math.ceil((240 / 72) * 350));
    expect(screen.width).toBe(targetSize('screen').width);
    expect(print.bytes).toBeLessThan(400_000);
    expect(screen.bytes).toBeLessThan(150_000);
    const { meta } = await decoded(print.dataUrl);
    expect(meta.exif).toBeUndefined();
  });

  it('never enlarges a small photo', async () => {
    const placed = await preparePhoto(world, join(dir, 'small.webp'), { target: 'print' });
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

  it('gives the same bytes from the cache, in memory and on disk', async () => {
    const first = await preparePhoto(world, join(dir, 'cmyk.jpg'), { target: 'print' });
    forgetPreparedPhotos();
    const started = performance.now();
    const again = await preparePhoto(world, join(dir, 'cmyk.jpg'), { target: 'print' });
    expect(again.dataUrl).toBe(first.dataUrl);
    expect(performance.now() - started).toBeGreaterThanOrEqual(0);
  });

  it('refuses a truncated file and a file that is no image, naming the file', async () => {
    for (const name of ['truncated.jpg', 'not-an-image.jpg']) {
      const error = await preparePhoto(world, join(dir, name), { target: 'print' }).catch((e: unknown) => e);
      expect(error, name).toBeInstanceOf(PhotoError);
      expect((error as PhotoError).path).toBe(join(dir, name));
    }
  });
});
