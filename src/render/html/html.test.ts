// The HTML editions of the Seoul brochure, built from data/seoul and opened in Chromium: they load without
// errors or requests, use only their embedded fonts, fit 360 px and 1280 px screens, pass axe-core and the Nu
// Html Checker, and show every table row of the view model. Screenshots go to out/screenshots/ for review.
import { execFile, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Block, BrochureDocument, TableBlock, Txt } from '../../document/blocks.js';
import { buildDocument, editionsOf } from '../../document/build.js';
import { plain } from '../../document/text.js';
import { loadOffice, officeData } from '../../load/office.js';
import { SECTIONS } from '../../sections/index.js';
import { INSTALL_ROOT, World } from '../../world.js';
import { BOLD_ELEMENTS } from './fonts.js';
import { renderHtml, renderHtmlWithReport, type HtmlReport } from './index.js';

const OUT = join(INSTALL_ROOT, 'out');
const world = new World({ dataRoot: join(INSTALL_ROOT, 'data') });
const loaded = loadOffice(world, 'seoul');
const data = officeData(loaded);
const editions = editionsOf(data.brochure);
const documentOf = (editionId: string): BrochureDocument =>
  buildDocument({ world, officeId: 'seoul', officeDir: loaded.dir, data }, editions.find((e) => e.id === editionId)!);

const rendered = new Map<string, { doc: BrochureDocument; report: HtmlReport; html: string; file: string }>();
let browser: Browser;

beforeAll(async () => {
  mkdirSync(join(OUT, 'html'), { recursive: true });
  mkdirSync(join(OUT, 'screenshots'), { recursive: true });
  const launching = chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  for (const edition of editions) {
    const doc = documentOf(edition.id);
    const report = await renderHtmlWithReport(doc, world);
    const file = join(OUT, 'html', `seoul-${edition.id}.html`);
    writeFileSync(file, report.html);
    rendered.set(edition.id, { doc, report, html: report.html.toString('utf8'), file });
  }
  browser = await launching;
});

afterAll(async () => {
  await browser?.close();
});

interface OpenPage {
  page: Page;
  /** Console errors and warnings, page errors, dialogs. */
  problems: string[];
  /** Every request that tried to leave the file. */
  requests: string[];
}

async function open(html: string, width: number): Promise<OpenPage> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const problems: string[] = [];
  const requests: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('request', (request) => {
    if (!request.url().startsWith('data:')) requests.push(request.url());
  });
  await page.route('**/*', async (route) => {
    if (route.request().url().startsWith('data:')) return route.continue();
    requests.push(route.request().url());
    return route.abort();
  });
  await page.setContent(html, { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  return { page, problems, requests };
}

/** Fonts the browser took from the system for any text of the page (the page should use only its own). */
async function systemFontsIn(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  // The elements that hold text themselves: the protocol reports the fonts of an element's own text.
  type DomNode = { nodeId: number; nodeType: number; nodeName: string; nodeValue: string; children?: DomNode[] };
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1 })) as { root: DomNode };
  const nodeIds: number[] = [];
  const visit = (node: DomNode) => {
    if (['HEAD', 'STYLE', 'SCRIPT'].includes(node.nodeName)) return;
    if (node.children?.some((child) => child.nodeType === 3 && child.nodeValue.trim() !== '')) nodeIds.push(node.nodeId);
    node.children?.forEach(visit);
  };
  visit(root);
  expect(nodeIds.length).toBeGreaterThan(100);
  const systemFonts = new Set<string>();
  for (const nodeId of nodeIds) {
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    for (const font of fonts) if (!font.isCustomFont) systemFonts.add(`${font.familyName} (${font.glyphCount} glyphs)`);
  }
  return [...systemFonts];
}

/**
 * The whole page as PNG tiles a screen or two tall (seoul-ja-360-1.png, -2.png, …): image viewers and
 * ImageMagick refuse a single image as tall as the brochure, and shrink a very tall one past reading.
 */
async function screenshotFullPage(page: Page, name: string): Promise<void> {
  const dir = join(OUT, 'screenshots');
  for (const file of readdirSync(dir)) if (file === `${name}.png` || new RegExp(`^${name}-\\d+\\.png$`).test(file)) rmSync(join(dir, file));
  const { width, height } = await page.evaluate(() => ({ width: document.documentElement.clientWidth, height: document.documentElement.scrollHeight }));
  const tile = width <= 600 ? 2000 : 1400;
  for (let top = 0, n = 1; top < height; top += tile, n++) {
    await page.screenshot({ path: join(dir, `${name}-${String(n).padStart(2, '0')}.png`), fullPage: true, clip: { x: 0, y: top, width, height: Math.min(tile, height - top) } });
  }
}

async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(readFileSync(join(INSTALL_ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8'));
  return page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run: (c: Document) => Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe.run(document);
    return result.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 5).map((n) => JSON.stringify(n.target)).join(' ')}`);
  });
}

function tablesOf(doc: BrochureDocument): TableBlock[] {
  return doc.parts.flatMap((part) => part.sections.flatMap((section) => section.blocks.filter((b: Block): b is TableBlock => b.kind === 'table')));
}

const texts = (txt: Txt): string[] => [plain(txt.primary), ...(txt.secondary ? [plain(txt.secondary)] : [])].map((t) => t.replace(/\s+/g, ' ').trim()).filter(Boolean);

describe.each(editions.map((e) => e.id))('the %s edition', (editionId) => {
  const get = () => rendered.get(editionId)!;
  // One desktop page per edition, opened once: the checks below only read it.
  let desktop: OpenPage;
  beforeAll(async () => {
    desktop = await open(get().html, 1280);
  });
  afterAll(async () => {
    await desktop?.page.close();
  });

  it('is one self-contained file under 1.5 MB with a strict Content-Security-Policy', () => {
    const { html, report } = get();
    expect(report.html.length).toBeLessThan(1.5 * 1024 * 1024);
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1]?.replace(/&#x27;/g, "'").replace(/&#x3D;/g, '=');
    expect(csp).toMatch(/^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'; font-src data:; img-src data:; base-uri 'none'; form-action 'none'$/);
    expect(html).not.toMatch(/<script|<link|<iframe|\ssrc="(?!data:)|url\((?!data:)/i);
  });

  it('loads with no console error and no request leaving the file', async () => {
    const { page, problems, requests } = desktop;
    await page.waitForTimeout(100);
    expect(problems).toEqual([]);
    expect(requests).toEqual([]);
  });

  it('has loaded every embedded font, and sets all text in them (no system font)', async () => {
    const { page } = desktop;
    const faces = await page.evaluate(() => [...document.fonts].map((f) => ({ family: f.family, weight: f.weight, status: f.status })));
    expect(faces).toHaveLength(get().report.fonts.length);
    for (const face of faces) expect(face, `${face.family} ${face.weight}`).toMatchObject({ status: 'loaded' });

    expect(await systemFontsIn(page)).toEqual([]);
  });

  it('is bold exactly where the markup says (the bold font subsets are cut for those elements)', async () => {
    const { page } = desktop;
    const boldSelector = [...BOLD_ELEMENTS, '[font-weight="bold"]'].join(',');
    const mismatches = await page.evaluate((selector) => {
      const out: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const element = node.parentElement!;
        if (!node.textContent!.trim() || element.closest('rp')) continue;
        const heavy = Number(getComputedStyle(element).fontWeight) >= 600;
        const marked = element.closest(selector) !== null;
        if (heavy !== marked) out.push(`${element.tagName.toLowerCase()}.${element.className}: ${node.textContent!.trim().slice(0, 30)} (weight ${getComputedStyle(element).fontWeight})`);
      }
      return out;
    }, boldSelector);
    expect(mismatches).toEqual([]);
  });

  it.each([360, 1280])('fits a %i px wide screen with nothing overflowing it (screenshot in out/screenshots)', async (width) => {
    const { page } = await open(get().html, width);
    const overflowing = await page.evaluate(() => {
      const out: string[] = [];
      const limit = document.documentElement.clientWidth + 0.5;
      for (const element of document.body.querySelectorAll('*')) {
        const rect = element.getBoundingClientRect();
        if (rect.width === 0) continue;
        let clipped = false;
        for (let up = element.parentElement; up && up !== document.body; up = up.parentElement) {
          if (/hidden|clip/.test(getComputedStyle(up).overflowX)) clipped = true;
        }
        if (!clipped && (rect.right > limit || rect.left < -0.5)) out.push(`${element.tagName.toLowerCase()}#${element.id}.${element.className} ${Math.round(rect.left)}–${Math.round(rect.right)}`);
      }
      return { out, scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth };
    });
    expect(overflowing.out).toEqual([]);
    expect(overflowing.scrollWidth).toBe(overflowing.clientWidth);
    await screenshotFullPage(page, `seoul-${editionId}-${width}`);
    await page.close();
  });

  it('sets a list of short items in two columns on a wide screen, as the PDF does, and in one on a phone', async () => {
    const columnsOf = (page: Page) => page.evaluate(() => [...document.querySelectorAll('.list-columns')].map((list) =>
      new Set([...list.querySelectorAll('li')].map((li) => Math.round(li.getBoundingClientRect().left))).size));
    // The Seoul data has three such lists (JET participants' tasks, JETAA's activities, the research topics).
    expect(await columnsOf(desktop.page)).toEqual([2, 2, 2]);
    const { page } = await open(get().html, 360);
    expect(await columnsOf(page)).toEqual([1, 1, 1]);
    await page.close();
  });

  it('keeps body text to a comfortable measure on a wide screen: at most about 40 full-width characters a line', async () => {
    const { page } = desktop;
    const wide = await page.evaluate(() =>
      [...document.querySelectorAll('main :is(p, li):not(.pair), main .pair > :is(.t-pri, .t-sec)')].map((e) => {
        const style = getComputedStyle(e);
        const width = e.getBoundingClientRect().width - parseFloat(style.paddingInlineStart) - parseFloat(style.paddingInlineEnd);
        return { ems: width / parseFloat(style.fontSize), text: e.textContent!.slice(0, 20) };
      }).filter((line) => line.ems > 41));
    expect(wide).toEqual([]);
  });

  it('has no accessibility violations (axe-core)', async () => {
    const { page } = desktop;
    const violations = await axeViolations(page);
    expect(violations).toEqual([]);
  });

  it('shows every table row of the view model, with its caption and column headers', async () => {
    const { doc } = get();
    const { page } = desktop;
    const domTables = await page.evaluate(() =>
      [...document.querySelectorAll('main table')].map((table) => {
        const textOf = (element: Element) => {
          const copy = element.cloneNode(true) as Element;
          copy.querySelectorAll('rt, rp').forEach((e) => e.remove());
          return copy.textContent!.replace(/\s+/g, ' ').trim();
        };
        return {
          caption: textOf(table.querySelector('caption')!),
          headers: [...table.querySelectorAll('thead th')].map(textOf),
          rows: [...table.querySelectorAll('tbody tr')].map(textOf),
        };
      }),
    );
    const tables = tablesOf(doc);
    expect(tables.length).toBeGreaterThan(0);
    expect(domTables).toHaveLength(tables.length);
    tables.forEach((table, t) => {
      const dom = domTables[t]!;
      for (const text of texts(table.caption)) expect(dom.caption).toContain(text);
      table.columns.forEach((column, c) => texts(column.header).forEach((text) => expect(dom.headers[c]).toContain(text)));
      expect(dom.rows).toHaveLength(table.rows.length);
      table.rows.forEach((row, r) => {
        for (const cell of row.cells) for (const txt of cell.content) for (const text of texts(txt)) expect(dom.rows[r], `${table.id} row ${r + 1}`).toContain(text);
      });
    });
  });

  it('is semantic HTML: one h1, ordered headings, a contents list linking every section, lang on other languages', async () => {
    const { doc } = get();
    const { page } = desktop;
    const structure = await page.evaluate(() => {
      const levels = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => Number(h.tagName[1]));
      const wrongLang: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent!;
        const lang = node.parentElement!.closest('[lang]')!.getAttribute('lang');
        if (/\p{Script=Hangul}/u.test(text) && lang !== 'ko') wrongLang.push(`${lang}: ${text.trim()}`);
        if (/[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(text) && lang !== 'ja' && !node.parentElement!.closest('rp')) wrongLang.push(`${lang}: ${text.trim()}`);
      }
      return {
        htmlLang: document.documentElement.lang,
        levels,
        h1: document.querySelector('h1')!.textContent,
        tocLinks: [...document.querySelectorAll('nav a[href^="#"]')].map((a) => a.getAttribute('href')!.slice(1)),
        ids: [...document.querySelectorAll('[id]')].map((e) => e.id),
        columnHeaders: [...document.querySelectorAll('thead th')].every((th) => th.getAttribute('scope') === 'col'),
        rowHeaders: [...document.querySelectorAll('tbody th')].every((th) => th.getAttribute('scope') === 'row'),
        captions: [...document.querySelectorAll('table')].every((table) => table.querySelector(':scope > caption') !== null),
        wrongLang,
        coverEnglish: document.querySelector('.cover [lang="en"], .cover')!.textContent,
      };
    });
    expect(structure.htmlLang).toBe(doc.edition.primary);
    expect(structure.levels.filter((l) => l === 1)).toHaveLength(1);
    expect(structure.levels[0]).toBe(1);
    structure.levels.forEach((level, i) => i > 0 && expect(level).toBeLessThanOrEqual(structure.levels[i - 1]! + 1));
    expect(structure.h1).toContain(plain(doc.cover.title.primary));
    expect(structure.coverEnglish).toContain(doc.cover.organisationEnglish);
    const sections = doc.parts.flatMap((p) => p.sections.map((s) => s.anchor));
    for (const anchor of sections) expect(structure.tocLinks).toContain(anchor);
    for (const link of structure.tocLinks) expect(structure.ids).toContain(link);
    expect(new Set(structure.ids).size).toBe(structure.ids.length);
    expect(structure).toMatchObject({ columnHeaders: true, rowHeaders: true, captions: true, wrongLang: [] });
  });

  it('nests its headings as the brochure does: a part h2, its sections h3, the headings inside them h4', async () => {
    const { page } = desktop;
    const levels = await page.evaluate(() => {
      const tags = (selector: string) => [...new Set([...document.querySelectorAll(selector)].map((e) => e.tagName))];
      return {
        parts: tags('section.part > .part-title'),
        sectionsInParts: tags('section.part .section-title'),
        headingsInParts: tags('section.part .block-heading'),
        sectionsAlone: tags('.part-untitled .section-title'),
        headingsAlone: tags('.part-untitled .block-heading'),
      };
    });
    expect(levels).toMatchObject({ parts: ['H2'], sectionsInParts: ['H3'], headingsInParts: ['H4'], sectionsAlone: ['H2'] });
    expect(levels.headingsAlone.every((tag) => tag === 'H3')).toBe(true);
  });

  it('prints with no heading or caption alone at the foot of a page, wherever the page breaks fall (read back with pdftotext)', async () => {
    const { doc } = get();
    const { page } = await open(get().html, 1280);
    await page.emulateMedia({ media: 'print' });
    // What must keep with what follows it: headings, table captions, the titles of facts, steps and lists, leads.
    const keeps = await page.evaluate(() =>
      [...document.querySelectorAll('main :is(h2, h3, h4, caption, .facts-caption, .steps-caption, .list-title, .lead)')].map((e) => e.textContent!.replace(/\s+/g, '')));
    const squeeze = (text: string) => text.replace(/\s+/g, '');
    const footer = squeeze(plain(doc.cover.title.primary));
    const contents = squeeze(plain(doc.labels.contents.primary));
    // The same print with the brochure's body moved down the page in steps: page breaks fall in other places each time.
    await page.evaluate(() => document.querySelector('main')!.prepend(Object.assign(document.createElement('div'), { id: 'test-shift' })));
    const orphans: string[] = [];
    for (const shift of [0, 50, 100, 150, 200]) {
      await page.evaluate((mm) => { document.getElementById('test-shift')!.style.height = `${mm}mm`; }, shift);
      const file = join(OUT, 'screenshots', `seoul-${editionId}-print-shifted.pdf`);
      writeFileSync(file, await page.pdf({ format: 'A4', preferCSSPageSize: true }));
      const pages = spawnSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).stdout.split('\f').slice(0, -1);
      expect(pages.length).toBeGreaterThan(8);
      pages.forEach((text, index) => {
        const lines = text.split('\n').map(squeeze).filter(Boolean);
        // The cover, the contents and the back cover end as designed.
        if (index === 0 || index === pages.length - 1 || lines[0]?.startsWith(contents)) return;
        if (lines.at(-1)?.startsWith(footer)) lines.pop();
        const last = lines.at(-1) ?? '';
        if (last.length >= 4 && keeps.some((keep) => keep.includes(last))) orphans.push(`body moved ${shift} mm: page ${index + 1} ends with ${last}`);
      });
    }
    expect(orphans).toEqual([]);
    await page.close();
  });

  it('prints on A4 with sections flowing (the back cover on a page of its own), table heads repeated and rows kept whole', async () => {
    const { page } = await open(get().html, 1280);
    await page.emulateMedia({ media: 'print' });
    const print = await page.evaluate(() => ({
      sections: [...document.querySelectorAll('.section')].map((s) => getComputedStyle(s).breakBefore),
      backCover: getComputedStyle(document.querySelector('.back-cover')!).breakBefore,
      qr: [...document.querySelectorAll('svg.qr')].map((q) => getComputedStyle(q).display),
      thead: [...document.querySelectorAll('thead')].map((t) => getComputedStyle(t).display),
      rows: [...document.querySelectorAll('tbody tr:not(:has(> [rowspan]))')].map((t) => getComputedStyle(t).breakInside),
      shortTables: [...document.querySelectorAll('.table-block')].filter((b) => b.querySelectorAll('tbody tr').length <= 3).map((b) => getComputedStyle(b).breakInside),
    }));
    expect(print.sections.filter((b) => b === 'page')).toEqual([]);
    expect(print.backCover).toBe('page');
    // QR codes are printed (they are hidden on screens, where the link is tapped).
    expect(print.qr.length).toBe(get().doc.backCover.links.length);
    expect(new Set(print.qr)).toEqual(new Set(['block']));
    expect(new Set(print.thead)).toEqual(new Set(['table-header-group']));
    expect(new Set(print.rows)).toEqual(new Set(['avoid']));
    // A table of three rows or fewer moves whole, as in the PDF (split, it would leave a row alone).
    expect(print.shortTables.length).toBeGreaterThan(0);
    expect(new Set(print.shortTables)).toEqual(new Set(['avoid']));
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    writeFileSync(join(OUT, 'screenshots', `seoul-${editionId}-print.pdf`), pdf);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.close();
  });
});

/** Bilingual blocks of the view model that the HTML sets as a pair (paragraphs but callouts, list items) or as a heading pair. */
function pairsOf(doc: BrochureDocument): { pairs: number; headings: number } {
  let pairs = 0;
  let headings = 0;
  for (const section of doc.parts.flatMap((p) => p.sections)) {
    if (section.title.secondary) headings++;
    for (const block of section.blocks) {
      if (block.kind === 'paragraph' && block.tone !== 'callout' && block.text.secondary) pairs++;
      if (block.kind === 'list') pairs += [...block.items, ...(block.note ? [block.note] : [])].filter((item) => item.secondary).length;
      if (block.kind === 'heading' && block.text.secondary) headings++;
    }
  }
  return { pairs, headings };
}

describe('the bilingual edition (ja-ko)', () => {
  const sides = (page: Page) => page.evaluate(() => [...document.querySelectorAll('.pair, .pair-line')].map((pair) => {
    const [primary, secondary] = [pair.querySelector(':scope > .t-pri')!, pair.querySelector(':scope > .t-sec')!];
    const box = (e: Element) => { const r = e.getBoundingClientRect(); return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, height: r.height }; };
    const lineHeight = parseFloat(getComputedStyle(secondary).lineHeight) || 24;
    return {
      line: pair.classList.contains('pair-line'),
      inColumns: pair.closest('.list-columns') !== null,
      order: [...pair.children].indexOf(primary) < [...pair.children].indexOf(secondary),
      langs: [primary.getAttribute('lang'), secondary.getAttribute('lang')],
      primary: box(primary), secondary: box(secondary), lineHeight, text: primary.textContent!.slice(0, 20),
    };
  }));

  it('sets each pair of the view model side by side on a wide screen, primary language left and first in the DOM', async () => {
    const { doc, html } = rendered.get('ja-ko')!;
    const { page } = await open(html, 1280);
    const found = await sides(page);
    const expected = pairsOf(doc);
    expect(found.filter((p) => !p.line)).toHaveLength(expected.pairs);
    expect(found.filter((p) => p.line)).toHaveLength(expected.headings);
    for (const pair of found) {
      expect(pair.langs, pair.text).toEqual(['ja', 'ko']);
      expect(pair.order, pair.text).toBe(true);
      if (pair.line && pair.secondary.top >= pair.primary.bottom - 1) continue; // a heading too long for its half stays stacked
      // An item of a list in two columns stays stacked in its column, as in the PDF.
      if (pair.inColumns) {
        expect(pair.secondary.top, pair.text).toBeGreaterThanOrEqual(pair.primary.bottom - 1);
        continue;
      }
      // Side by side: the second language starts right of the first, on the same first line.
      expect(pair.secondary.left, pair.text).toBeGreaterThan(pair.primary.right);
      expect(Math.abs(pair.secondary.top - pair.primary.top), pair.text).toBeLessThan(pair.lineHeight);
      // Each column keeps a comfortable measure: no wider than 30 full-width characters of the body size.
      expect(pair.primary.right - pair.primary.left, pair.text).toBeLessThanOrEqual(30 * 16);
      // A heading goes side by side only when each language fits its half on one line.
      if (pair.line) expect(pair.secondary.height, pair.text).toBeLessThan(1.5 * pair.lineHeight);
    }
    expect(found.filter((p) => p.line && p.secondary.left > p.primary.right).length).toBeGreaterThan(0);
    await page.close();
  });

  it('stacks each pair on a phone (360 px), the second language under the first', async () => {
    const { page } = await open(rendered.get('ja-ko')!.html, 360);
    const found = await sides(page);
    expect(found.length).toBeGreaterThan(0);
    for (const pair of found) expect(pair.secondary.top, pair.text).toBeGreaterThanOrEqual(pair.primary.bottom - 1);
    await page.close();
  });
});

describe('the HTML renderer', () => {
  it('passes the Nu Html Checker with no errors in any edition', async () => {
    const files = [...rendered.values()].map((r) => r.file);
    const result = await promisify(execFile)('java', ['-jar', join(INSTALL_ROOT, 'node_modules/vnu-jar/build/dist/vnu.jar'), '--errors-only', ...files], { maxBuffer: 16 * 1024 * 1024 })
      .then(() => '', (error: { stderr?: string; stdout?: string }) => `${error.stdout ?? ''}${error.stderr ?? ''}`);
    expect(result).toBe('');
  });

  it('gives the same bytes for the same document', async () => {
    const again = await renderHtml(documentOf('ja-ko'), world);
    expect(again.equals(rendered.get('ja-ko')!.report.html)).toBe(true);
  });

  it('shows markup in data as inert text, and links only http(s) and mailto', async () => {
    const doc = structuredClone(documentOf('ja'));
    doc.meta.created = new Date(doc.meta.created);
    const evil = '<script>alert("script")</script><img src=x onerror=alert("onerror")>';
    const section = doc.parts[0]!.sections[0]!;
    section.title = { primary: [{ text: `概要 ${evil}`, lang: 'ja' }] };
    section.blocks.unshift(
      { kind: 'paragraph', text: { primary: [{ text: 'javascript link', lang: 'ja', href: 'javascript:alert("href")' }, { text: ' / ', lang: 'ja' }, { text: 'web link', lang: 'ja', href: 'https://www.clair.or.kr/' }] } },
      { kind: 'heading', text: { primary: [{ text: `"><svg onload=alert("svg")>`, lang: 'ja' }] } },
      { kind: 'photos', photos: [{ caption: { primary: [{ text: `" onerror="alert('alt')`, lang: 'ja' }] } }] },
    );
    doc.cover.organisationEnglish = '</p><script>alert("english")</script>';
    const html = (await renderHtml(doc, world)).toString('utf8');
    const { page, problems, requests } = await open(html, 1280);
    const dom = await page.evaluate(() => ({
      scripts: document.querySelectorAll('script').length,
      handlers: [...document.querySelectorAll('*')].filter((e) => [...e.attributes].some((a) => a.name.startsWith('on'))).length,
      links: [...document.querySelectorAll('main a')].map((a) => a.getAttribute('href')),
      title: document.querySelector('#section-profile-title')!.textContent,
      cover: document.querySelector('.cover-organisation-english')!.textContent,
    }));
    expect(problems).toEqual([]);
    expect(requests).toEqual([]);
    expect(dom.scripts).toBe(0);
    expect(dom.handlers).toBe(0);
    expect(dom.links).not.toContain('javascript:alert("href")');
    expect(dom.links).toContain('https://www.clair.or.kr/');
    expect(dom.title).toContain(evil);
    expect(dom.cover).toBe('</p><script>alert("english")</script>');
    await page.close();
  });

  it('draws a chart inline, set in the page fonts and described in words', async () => {
    const doc = documentOf('ja');
    const ja = (text: string): Txt => ({ primary: [{ text, lang: 'ja' }] });
    // A chart as src/metrics/chart.ts draws it (the support-cases figures of the seed).
    const svg = readFileSync(join(INSTALL_ROOT, 'src/metrics/__golden__/chart-support-cases-ja.svg'), 'utf8');
    doc.parts[0]!.sections[0]!.blocks.push(
      { kind: 'chart', id: 'support-cases', caption: ja('自治体の活動支援（延べ）'), svg, width: 480, height: 240, description: ja('2023年度 59件、2024年度 74件、2025年度 83件') },
      { kind: 'chart', id: 'support-cases', caption: ja('同じ図'), svg, width: 480, height: 240, description: ja('2023年度 59件') },
    );
    const html = (await renderHtml(doc, world)).toString('utf8');
    const { page, problems, requests } = await open(html, 360);
    const chart = await page.evaluate(() => {
      const figure = document.querySelector('figure.chart')!;
      const graphic = figure.querySelector('[role="img"]')!;
      return {
        label: document.getElementById(graphic.getAttribute('aria-labelledby')!)!.textContent,
        texts: [...figure.querySelectorAll('svg text')].map((t) => t.textContent),
        width: figure.querySelector('svg')!.getBoundingClientRect().width,
        charts: document.querySelectorAll('figure.chart').length,
        ids: new Set([...document.querySelectorAll('figure.chart [id]')].map((e) => e.id)).size,
        idElements: document.querySelectorAll('figure.chart [id]').length,
      };
    });
    expect(problems).toEqual([]);
    expect(requests).toEqual([]);
    expect(chart.label).toBe('2023年度 59件、2024年度 74件、2025年度 83件');
    expect(chart.texts).toContain('2025年度');
    expect(chart.width).toBeLessThanOrEqual(360);
    const charts = doc.parts.flatMap((p) => p.sections.flatMap((s) => s.blocks.filter((b) => b.kind === 'chart')));
    expect(chart.charts).toBe(charts.length);
    expect(chart.ids).toBe(chart.idElements);
    expect(await systemFontsIn(page)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('has one generic section partial, one partial per block kind, and no template prints unescaped', () => {
    const templates = join(INSTALL_ROOT, 'templates');
    const partials = (dir: string) => readdirSync(join(templates, dir)).filter((n) => n.endsWith('.hbs')).map((n) => n.slice(0, -4)).sort();
    // Sections need no partial of their own: the generic one draws their blocks; a section may still add one.
    expect(partials('sections')).toContain('default');
    for (const name of partials('sections')) expect(['default', ...SECTIONS.map((s) => s.id)]).toContain(name);
    expect(partials('blocks')).toEqual(['chart', 'facts', 'figures', 'heading', 'list', 'paragraph', 'photos', 'steps', 'table']);
    for (const dir of ['sections', 'blocks']) {
      for (const name of partials(dir)) expect(readFileSync(join(templates, dir, `${name}.hbs`), 'utf8'), name).not.toMatch(/\{\{\{|\{\{~?\s*&/);
    }
    expect(readFileSync(join(templates, 'layout.hbs'), 'utf8')).not.toMatch(/\{\{\{|\{\{~?\s*&/);
  });
});
