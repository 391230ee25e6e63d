// One theme for both renderers: a brand colour changed in templates/theme.yaml reaches the PDF's drawing and the
// HTML's stylesheet with no code change, and a wrong value in the theme is reported with its place.
import { execFileSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import sharp from 'sharp';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDir, SHIPPED_DATA, tempDir } from '../build/__fixtures__/offices.js';
import { buildDocument, editionsOf } from '../document/build.js';
import { loadOffice, officeData } from '../load/office.js';
import { INSTALL_ROOT, World } from '../world.js';
import { renderHtml } from './html/index.js';
import { renderPdf } from './pdf/index.js';
import { createPdfTypesetter } from './pdf/typesetter.js';
import { loadTheme, ThemeError, themeCss } from './theme.js';

let root: string;
let templatesDir: string;

beforeAll(() => {
  root = tempDir('theme');
  templatesDir = join(root, 'templates');
  cpSync(join(INSTALL_ROOT, 'templates'), templatesDir, { recursive: true });
});
afterAll(() => removeDir(root));

const setTheme = (edit: (text: string) => string) => {
  const path = join(templatesDir, 'theme.yaml');
  writeFileSync(path, edit(readFileSync(join(INSTALL_ROOT, 'templates', 'theme.yaml'), 'utf8')));
};


describe('templates/theme.yaml', () => {
  it('changes the brand colour of the PDF and of the HTML together', async () => {
    const brand = '#7a1f5c';
    setTheme((text) => text.replace(/brand: '#[0-9a-f]{6}'/, `brand: '${brand}'`));
    const world = new World({ dataRoot: SHIPPED_DATA, templatesDir });
    expect(loadTheme(world).colours.brand).toBe(brand);
    const loaded = loadOffice(world, 'seoul');
    const data = officeData(loaded);
    const doc = buildDocument({ world, officeId: 'seoul', officeDir: loaded.dir, data }, editionsOf(data.brochure)[0]!);

    const html = (await renderHtml(doc, world)).toString('utf8');
    expect(html).toContain(`--brand:${brand}`);

    const pdf = await renderPdf(doc, world, await createPdfTypesetter(world, 'seoul'));
    // The cover's field is drawn in the brand colour: read the colour back from the rendered first page.
    const file = join(root, 'themed.pdf');
    writeFileSync(file, pdf);
    execFileSync('pdftoppm', ['-f', '1', '-l', '1', '-r', '20', '-png', file, join(root, 'cover')]);
    const png = readdirSync(root).find((n) => n.startsWith('cover') && n.endsWith('.png'))!;
    const { data: pixels, info } = await sharp(join(root, png)).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    // A pixel in the upper third, in the middle: only the field is there.
    const at = (Math.round(info.height * 0.3) * info.width + Math.round(info.width * 0.5)) * 3;
    const seen = `#${[pixels[at]!, pixels[at + 1]!, pixels[at + 2]!].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
    const distance = [1, 3, 5].reduce((sum, i, k) => sum + Math.abs(parseInt(brand.slice(i, i + 2), 16) - pixels[at + k]!), 0);
    expect(distance, `cover field is ${seen}, the theme's brand is ${brand}`).toBeLessThan(12);
  }, 120_000);

  it('writes the theme as CSS custom properties', () => {
    const world = new World({ dataRoot: SHIPPED_DATA });
    const css = themeCss(loadTheme(world));
    expect(css).toMatch(/^:root\{--brand:#[0-9a-f]{6};/);
    expect(css).toContain('--leading-cjk:');
    expect(css).toContain('--measure:40em');
  });

  it('names the file, line and column, the value found and what was expected', () => {
    setTheme((text) => text.replace(/accent: '#[0-9a-f]{6}'/, "accent: 'orange'"));
    const world = new World({ dataRoot: SHIPPED_DATA, templatesDir });
    let error: unknown;
    try {
      loadTheme(world);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ThemeError);
    const line = readFileSync(join(templatesDir, 'theme.yaml'), 'utf8').split('\n').findIndex((l) => l.includes("accent: 'orange'")) + 1;
    expect((error as ThemeError).line).toBe(line);
    expect((error as ThemeError).message).toContain('"colours.accent" is "orange"; expected a colour #rrggbb');
  });
});
