// A section added the README's way: the director's message, on a copy of the Seoul data (which has none), drawn by
// the generic section partial in HTML and by the block layout in the PDF, with its photo.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildChecked, copySeoul, editYaml, removeDir, tempDir, writeFile } from '../../build/__fixtures__/offices.js';
import type { BuildResult } from '../../build/brochure.js';
import { readPdf } from '../../render/pdf/read-back.js';
import { World } from '../../world.js';

let root: string;
let built: BuildResult;
const TEXT = 'ソウル事務所は日韓の自治体交流を支えてまいります。';

beforeAll(async () => {
  root = tempDir('message');
  const office = copySeoul(root);
  // Neutral placeholder art made on the spot: a gradient, no person or place.
  const art = await sharp({ create: { width: 1600, height: 1200, channels: 3, background: '#88aacc' } }).jpeg().toBuffer();
  writeFile(join(office.officeDir, 'photos', 'director.JPG'), art);
  editYaml(join(office.officeDir, 'office.yaml'), (doc) => doc.set('message', doc.createNode({
    text: [{ ja: TEXT, ko: '서울사무소는 한일 지방자치단체 교류를 지원하겠습니다.' }],
    signature: { ja: '所長 山田太郎', ko: '소장 야마다 다로' },
    photo: { file: 'photos/director.JPG', caption: { ja: '所長', ko: '소장' }, focus: { x: 0.5, y: 0.3 } },
  })));
  editYaml(join(office.officeDir, 'brochure.yaml'), (doc) => {
    const first = doc.getIn(['parts', 0, 'sections']) as { items: unknown[] };
    first.items.unshift(doc.createNode({ id: 'message' }));
  });
  built = await buildChecked(new World({ dataRoot: office.dataRoot }), { formats: ['pdf', 'html'], editions: ['ja'], outRoot: join(root, 'out') });
}, 120_000);

afterAll(() => removeDir(root));

describe("the director's message", () => {
  it('is drawn by the generic section partial in HTML, with its photo inlined at twice its largest displayed width', () => {
    const html = readFileSync(built.files.find((f) => f.format === 'html')!.path, 'utf8');
    expect(html).toMatch(/<section class="section section-message" id="section-message"/);
    expect(html).toContain('所長あいさつ');
    expect(html).toContain(TEXT);
    // WebP, or JPEG where that is smaller (src/photos).
    expect(html).toMatch(/<img src="data:image\/(webp|jpeg);base64,[^"]+" width="640" height="480" alt="所長"/);
  });

  it('is in the PDF with its text and photo, under its bookmark', async () => {
    const pdf = await readPdf(readFileSync(built.files.find((f) => f.format === 'pdf')!.path));
    const page = pdf.destinations.get('section-message')!;
    // After the cover; sections flow, so it may share the contents' page (its photo is at most a column wide).
    expect(page).toBeGreaterThan(1);
    expect(pdf.text({ from: page, to: page }).replace(/\s+/g, '')).toContain(TEXT);
    expect(pdf.pages[page - 1]!.images).toBe(1);
  });
});
