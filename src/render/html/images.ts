// Photos inlined into the page as data: URIs (the page makes no requests), with their pixel size so the
// browser reserves the space before decoding them. Only JPEG and PNG are accepted: a photo is recognised by
// its bytes, not its file name.
import { imageHeader } from '../../photos/header.js';
import type { World } from '../../world.js';

export interface InlineImage {
  src: string;
  width: number;
  height: number;
}

/** Reads a photo through the World; throws with the path when it is not a readable JPEG or PNG. */
export function inlineImage(world: World, path: string): InlineImage {
  const bytes = world.readBytes(path);
  const header = imageHeader(bytes);
  if (!header || (header.format !== 'png' && header.format !== 'jpeg') || !header.width || !header.height) {
    throw new Error(`${world.display(path)}: not a JPEG or PNG image / JPEG または PNG の画像ではありません`);
  }
  const type = header.format === 'png' ? 'image/png' : 'image/jpeg';
  return { src: `data:${type};base64,${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64')}`, width: header.width, height: header.height };
}
