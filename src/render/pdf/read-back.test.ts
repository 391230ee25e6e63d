// The read-back checks catch what they claim to catch: a character no configured font has either stops the build
// or shows up as a .notdef glyph, and a font left to the reader's system is reported as not embedded. Without
// these, "no tofu" and "every font embedded" in editions.test.ts could pass on a broken PDF.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildChecked, copySeoul, editYaml, removeDir, tempDir } from '../../build/__fixtures__/offices.js';
import { World } from '../../world.js';
import { compact, readPdf, type PdfReadBack } from './read-back.js';

// U+1F9FF NAZAR AMULET (an emoji) and U+E000 (Private Use Area): Noto Sans CJK and Noto Sans have neither.
const NO_FONT_HAS = '\u{1F9FF}\uE000';

describe('a text with characters no font has', () => {
  let root: string;
  let outcome: { pdf: PdfReadBack } | { error: Error };

  beforeAll(async () => {
    root = tempDir('tofu');
    const office = copySeoul(root);
    // The headquarters city is printed in the overview section of every edition.
    editYaml(`${office.officeDir}/office.yaml`, (doc) => {
      doc.setIn(['organisation', 'headquarters', 'ja'], `東京${NO_FONT_HAS}`);
    });
    try {
      const result = await buildChecked(new World({ dataRoot: office.dataRoot }), { formats: ['pdf'], editions: ['ja'], outRoot: `${root}/out` });
      outcome = { pdf: await readPdf(readFileSync(result.files[0]!.path)) };
    } catch (error) {
      outcome = { error: error as Error };
    }
  });

  afterAll(() => removeDir(root));

  it('is refused by the build, naming the code points, or every such character is found as a .notdef glyph', () => {
    if ('error' in outcome) {
      // The typesetting layer refuses text it cannot draw.
      expect(outcome.error.message).toMatch(/U\+1F9FF/);
      expect(outcome.error.message).toMatch(/U\+E000/);
      return;
    }
    const notdef = outcome.pdf.pages.flatMap((p) => p.notdef);
    expect(notdef).toHaveLength([...NO_FONT_HAS].length);
    // Both are reported where they are: next to the text around them, on the overview page.
    expect(new Set(notdef.map((g) => g.page)).size).toBe(1);
    expect(notdef[0]!.context).toContain('東京\ufffd\ufffd');
    expect(notdef.every((g) => /NotoSans/.test(g.font))).toBe(true);
  });

  it('leaves the rest of the text readable', () => {
    if ('error' in outcome) return;
    expect(compact(outcome.pdf.text())).toContain('東京');
  });
});

/** The smallest PDF that shows a text in Helvetica, a standard font viewers supply themselves (no font file). */
function standardFontPdf(text: string): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
  ];
  const stream = `BT /F1 12 Tf 20 50 Td (${text}) Tj ET`;
  objects.push(`<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`);
  let pdf = '%PDF-1.4\n';
  const offsets = objects.map((body, index) => {
    const offset = pdf.length;
    pdf += `${index + 1} 0 obj\n${body}\nendobj\n`;
    return offset;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

describe('a font the PDF does not embed', () => {
  it('is reported as neither embedded nor subset', async () => {
    const pdf = await readPdf(standardFontPdf('Standard font'));
    expect(pdf.fonts).toEqual([expect.objectContaining({ name: 'Helvetica', embedded: false, subset: false })]);
    expect(pdf.text()).toBe('Standard font');
    expect(pdf.pages[0]!.notdef).toEqual([]);
  });
});
