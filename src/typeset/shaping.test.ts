import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as hb from 'harfbuzzjs';
import { describe, expect, it } from 'vitest';
import { ShapingFace } from './shaping.js';

const fonts = join(import.meta.dirname, '..', '..', 'fonts');
const dataDir = join(import.meta.dirname, '..', '..', 'data', 'seoul');

describe('shaping', () => {
  // harfbuzz gets a CFF face without its outlines and vertical metrics: shaping must not notice.
  it('shapes as harfbuzz does with the whole font file, marks and features included', () => {
    const dataText = readdirSync(dataDir).filter((f) => f.endsWith('.yaml')).map((f) => readFileSync(join(dataDir, f), 'utf8')).join('\n');
    const texts = [
      ...dataText.split('\n').filter((line) => line.trim() !== ''),
      'か\u3099き\u309a', 'e\u0301 n\u0303', '\u1100\u1161\u11a8', 'ｶﾞｷﾞ', '「（1988年）」、。', 'AV Wa To fi',
    ];
    for (const file of ['NotoSansCJK-Regular.ttc', 'NotoSansCJK-Bold.ttc']) {
      const bytes = readFileSync(join(fonts, file));
      for (const index of [0, 1]) {
        const face = ShapingFace.open(join(fonts, file), bytes, index);
        const whole = new hb.Font(new hb.Face(new hb.Blob(bytes), index));
        for (const features of [undefined, ['palt']]) {
          for (const text of texts) {
            const buffer = new hb.Buffer();
            // At the character cluster level clair shapes at (one cluster per character the font keeps apart).
            buffer.setClusterLevel(hb.ClusterLevel.CHARACTERS);
            buffer.addText(text);
            buffer.guessSegmentProperties();
            hb.shape(whole, buffer, (features ?? []).map((tag) => new hb.Feature(tag, 1)));
            const expected = buffer.getGlyphInfos().map((info, i) => {
              const p = buffer.getGlyphPositions()[i]!;
              return [info.codepoint, info.cluster, p.xAdvance, p.yAdvance, p.xOffset, p.yOffset];
            });
            const shaped = face.shape(text, features);
            const actual = shaped.glyphs.map((glyph, i) => [glyph, shaped.clusters[i], shaped.xAdvance[i], shaped.yAdvance[i], shaped.xOffset[i], shaped.yOffset[i]]);
            expect(actual, `${file} face ${index} ${features ?? ''}: ${text}`).toEqual(expected);
          }
        }
      }
    }
  });
});
