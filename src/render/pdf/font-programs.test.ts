import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { INSTALL_ROOT } from '../../world.js';
import { fontProgram } from './font-programs.js';

const fonts = join(INSTALL_ROOT, 'fonts');

describe('font programs', () => {
  it('are deflated subsets: a CFF face gives its CFF table, a TrueType face a whole font', async () => {
    const cff = inflateSync(await fontProgram({ file: join(fonts, 'NotoSansCJK-Regular.ttc'), index: 0, glyphs: [0, 1, 2], retainGids: false, cff: true }));
    // A CFF table starts with its header: major version 1, header size 4.
    expect([cff[0], cff[2]]).toEqual([1, 4]);
    const ttf = inflateSync(await fontProgram({ file: join(fonts, 'NotoSans-Regular.ttf'), index: 0, glyphs: [0, 36], retainGids: true, cff: false }));
    expect(ttf.readUInt32BE(0)).toBe(0x00010000);
  });

  it('fail with the reason when the font file cannot be read, rather than leaving the PDF unfinished', async () => {
    await expect(fontProgram({ file: join(fonts, 'Missing.ttf'), index: 0, glyphs: [0], retainGids: true, cff: false })).rejects.toThrow(/ENOENT/);
  });
});
