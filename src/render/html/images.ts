// Photos inlined into the page as data: URIs (the page makes no requests), with their pixel size so the
// browser reserves the space before decoding them. Only JPEG and PNG are accepted: a photo is recognised by
// its bytes, not its file name.
import type { World } from '../../world.js';

export interface InlineImage {
  src: string;
  width: number;
  height: number;
}

function pngSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 24 || !signature.every((b, i) => bytes[i] === b)) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

function jpegSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 2;
  while (offset + 9 < bytes.length) {
    if (bytes[offset] !== 0xff) return undefined;
    const marker = bytes[offset + 1]!;
    if (marker === 0xff) {
      offset++;
      continue;
    }
    const length = view.getUint16(offset + 2);
    // Start-of-frame markers (baseline, progressive, …) carry the size; DHT, JPG and DAC share the range.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: view.getUint16(offset + 5), width: view.getUint16(offset + 7) };
    }
    offset += 2 + length;
  }
  return undefined;
}

/** Reads a photo through the World; throws with the path when it is not a readable JPEG or PNG. */
export function inlineImage(world: World, path: string): InlineImage {
  const bytes = world.readBytes(path);
  const png = pngSize(bytes);
  const jpeg = png ? undefined : jpegSize(bytes);
  const size = png ?? jpeg;
  if (!size || size.width === 0 || size.height === 0) {
    throw new Error(`${world.display(path)}: not a JPEG or PNG image / JPEG または PNG の画像ではありません`);
  }
  const type = png ? 'image/png' : 'image/jpeg';
  return { src: `data:${type};base64,${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64')}`, ...size };
}
