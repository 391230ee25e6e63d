// Images handed to pdfmake as bytes (imageEntry): embedded as they are, the same bytes once however often placed.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { imageEntry, renderDefinition } from './index.js';

const helvetica = { Helvetica: { normal: 'Helvetica', bold: 'Helvetica-Bold', italics: 'Helvetica-Oblique', bolditalics: 'Helvetica-BoldOblique' } };

describe('imageEntry', () => {
  it('puts a JPEG into the PDF unchanged, once for two placements', async () => {
    const jpeg = await sharp({ create: { width: 120, height: 90, channels: 3, background: '#0f4c81' } }).jpeg().toBuffer();
    const key = imageEntry('test-image', jpeg);
    expect(imageEntry('test-image', jpeg)).toBe(key);
    const pdf = await renderDefinition({
      content: [{ image: 'photo', width: 120, height: 90 }, { image: 'photo', width: 60, height: 45 }],
      images: { photo: key },
      defaultStyle: { font: 'Helvetica' },
    }, helvetica);
    const text = pdf.toString('latin1');
    expect(pdf.indexOf(jpeg)).toBeGreaterThan(0);
    expect(text.match(/\/Subtype \/Image/g)).toHaveLength(1);
    expect(text).toContain('/DCTDecode');
  });
});
