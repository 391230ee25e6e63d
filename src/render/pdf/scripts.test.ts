// Thai and English editions of the Singapore test office (src/__fixtures__/offices/singapore), built and read back
// as a reader's viewer (pdfjs) and a search tool (pdftotext) see them: the text equals the source, Thai lines end
// only where Intl.Segmenter finds a word boundary, an English word too long for its line is hyphenated with a
// visible hyphen (never cut bare), and a 2,000-character token prints whole. Thai was added to the office as data
// only: a labels file, a font stack and a profile, no TypeScript.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildChecked, editYaml, removeDir, tempDir } from '../../build/__fixtures__/offices.js';
import { INSTALL_ROOT, World } from '../../world.js';
import { readPdf, type PdfReadBack } from './read-back.js';

const FIXTURE = join(INSTALL_ROOT, 'src', '__fixtures__', 'offices', 'singapore', 'singapore');
/** 2,000 characters without a space: it must print entirely, broken where it must be. */
const TOKEN = Array.from({ length: 200 }, (_, i) => `${String(i).padStart(3, '0')}abcdefg`).join('');
/** An English word far wider than the cover's line at 40 pt. */
const LONG_WORD = 'pneumonoultramicroscopicsilicovolcanoconiosis';

const compact = (text: string) => text.normalize('NFKC').replace(/[\s\u00a0\u202f\u00ad\u200b]+/gu, '');

function pdftotext(path: string): string {
  const run = spawnSync('pdftotext', ['-raw', '-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`pdftotext failed: ${run.stderr}`);
  return run.stdout;
}

/** The running footer (title, page n / m) interrupts text that continues on the next page: leave it out. */
const FOOTER = /^(?:CLAIR (?:สิงคโปร์|Singapore) 2021.*|\d+ ?\/ ?\d+)$/u;
const body = (text: string) => text.split('\n').filter((line) => !FOOTER.test(line.trim()) && line.trim() !== LONG_WORD).join('\n');
const bodyItems = (item: { y: number }) => item.y > PAGE_BOTTOM;
/** Below this height (points from the bottom of the page) is the footer. */
const PAGE_BOTTOM = 50;

/** The printed lines of a page as pdfjs reads them: items on one baseline joined, top to bottom. */
function lines(pdf: PdfReadBack, page: number): string[] {
  const rows = new Map<number, string>();
  for (const item of pdf.pages[page - 1]!.items) {
    const y = Math.round(item.y * 2) / 2;
    rows.set(y, (rows.get(y) ?? '') + item.text);
  }
  return [...rows].sort(([a], [b]) => b - a).map(([, text]) => text.normalize('NFKC').replace(/^[•・]\s*/u, '').trim());
}

/**
 * Where the source paragraph was broken into lines: the offsets in `source` at which each printed line after the
 * first starts, found by laying the page's consecutive lines over it. Undefined when the lines do not spell it.
 */
function lineStarts(pageLines: string[], source: string): number[] | undefined {
  for (let first = 0; first < pageLines.length; first++) {
    if (!pageLines[first] || !source.startsWith(pageLines[first]!)) continue;
    const starts: number[] = [];
    let at = pageLines[first]!.length;
    for (let k = first + 1; k < pageLines.length && at < source.length; k++) {
      while (source[at] === ' ') at++;
      const line = pageLines[k]!.replace(/-$/u, '');
      if (!line || !source.startsWith(line, at)) break;
      starts.push(at);
      at += line.length;
    }
    if (at >= source.length) return starts;
  }
  return undefined;
}

describe('the Singapore test office in Thai and English', () => {
  const root = tempDir('scripts');
  let thai: { path: string; pdf: PdfReadBack; text: string };
  let english: { path: string; pdf: PdfReadBack; text: string };
  let thaiSources: string[];

  beforeAll(async () => {
    const officeDir = join(root, 'data', 'singapore');
    cpSync(FIXTURE, officeDir, { recursive: true });
    editYaml(join(officeDir, 'office.yaml'), (doc) => {
      doc.addIn(['description'], doc.createNode({ ja: `長い記号列 ${TOKEN}`, en: `A long token: ${TOKEN}`, th: `ข้อความยาว ${TOKEN}` }));
    });
    editYaml(join(officeDir, 'brochure.yaml'), (doc) => {
      doc.setIn(['title', 'en'], `CLAIR Singapore 2021 ${LONG_WORD}`);
    });
    const office = parse(readFileSync(join(officeDir, 'office.yaml'), 'utf8')) as { description: { th: string }[] };
    thaiSources = office.description.map((text) => text.th.normalize('NFKC'));
    const world = new World({ dataRoot: join(root, 'data') });
    const result = await buildChecked(world, { editions: ['th', 'en'], formats: ['pdf'], outRoot: join(root, 'out') });
    const read = async (edition: string) => {
      const path = result.files.find((f) => f.edition === edition)!.path;
      return { path, pdf: await readPdf(readFileSync(path)), text: pdftotext(path) };
    };
    thai = await read('th');
    english = await read('en');
  });
  afterAll(() => removeDir(root));

  it('gives back every Thai description as written, to pdftotext (ActualText) and pdfjs (ToUnicode, up to NFKC)', () => {
    expect(thaiSources.length).toBeGreaterThanOrEqual(5);
    const byPdftotext = compact(body(thai.text));
    const byPdfjs = compact(thai.pdf.text({}, bodyItems));
    for (const source of thaiSources) {
      expect(byPdftotext).toContain(compact(source));
      expect(byPdfjs).toContain(compact(source));
    }
    // pdftotext reads the exact code points, not only their normal form: ActualText where ToUnicode cannot say it.
    expect(thai.text.replace(/\s+/gu, '')).toContain('สำนักงานต่างประเทศ');
  });

  it('breaks Thai lines only at word boundaries of Intl.Segmenter, never inside a word', () => {
    const segmenter = new Intl.Segmenter('th', { granularity: 'word' });
    let checked = 0;
    for (let page = 1; page <= thai.pdf.pageCount; page++) {
      const pageLines = lines(thai.pdf, page);
      for (const source of thaiSources) {
        const starts = lineStarts(pageLines, source);
        if (!starts) continue;
        const segments = [...segmenter.segment(source)];
        const boundaries = new Set(segments.map((s) => s.index));
        // A token longer than a whole line (the 2,000-character one) must break inside: that is not a word cut.
        for (const s of segments) if (s.segment.length > 100) for (let i = s.index; i < s.index + s.segment.length; i++) boundaries.add(i);
        for (const at of starts) {
          checked++;
          expect(boundaries.has(at) || source[at - 1] === ' ', `a line starts inside a word: ${source.slice(Math.max(0, at - 12), at)}|${source.slice(at, at + 12)}`).toBe(true);
        }
      }
    }
    // The long descriptions run over several lines: the check above really looked at line ends.
    expect(checked).toBeGreaterThanOrEqual(3);
  });

  it('prints the 2,000-character token entirely in both editions', () => {
    for (const edition of [thai, english]) {
      expect(compact(body(edition.text))).toContain(TOKEN);
      expect(compact(edition.pdf.text({}, bodyItems))).toContain(TOKEN);
    }
  });

  it('hyphenates an English word too long for its line with a visible hyphen, and reads it back whole', () => {
    const cover = lines(english.pdf, 1);
    const pieces = cover.filter((line) => LONG_WORD.includes(line.replace(/-$/u, '')) && line.length > 1);
    expect(pieces.length).toBeGreaterThanOrEqual(2);
    // Every line but the word's last ends in the hyphen drawn (pdfjs reads glyphs), at a hyphenation point.
    for (const line of pieces.slice(0, -1)) expect(line).toMatch(/[a-z]-$/u);
    expect(pieces.map((line) => line.replace(/-$/u, '')).join('')).toBe(LONG_WORD);
    // pdftotext honours /ActualText: the hyphen is not part of the text.
    expect(compact(english.text)).toContain(LONG_WORD);
    expect(english.text).not.toMatch(/[a-z]-\n[a-z]/u);
  });

  it('never cuts an English word bare at a line end', () => {
    const words = new Set(readFileSync(join(FIXTURE, 'office.yaml'), 'utf8').match(/[A-Za-z]+/g));
    for (let page = 1; page <= english.pdf.pageCount; page++) {
      const pageLines = lines(english.pdf, page);
      for (let k = 0; k + 1 < pageLines.length; k++) {
        const end = /([A-Za-z]+)$/u.exec(pageLines[k]!)?.[1];
        const start = /^([A-Za-z]+)/u.exec(pageLines[k + 1]!)?.[1];
        // A line ending in letters and the next starting with letters would be a word cut bare if together they
        // made one of the source's words and neither alone did.
        if (end && start && !words.has(end) && !words.has(start)) expect(words.has(`${end}${start}`)).toBe(false);
      }
    }
  });

  it('sets the Thai PDF in Noto Sans Thai, embedded as a subset, with no tofu', () => {
    const fonts = thai.pdf.pages.flatMap((page) => page.fonts);
    expect(fonts.some((name) => /\+NotoSansThai-Regular$/u.test(name))).toBe(true);
    expect(thai.pdf.pages.flatMap((page) => page.notdef)).toEqual([]);
    expect(thai.pdf.language).toBe('th');
  });
});

describe('text too long for its table cell or photo frame (the Seoul office)', () => {
  const root = tempDir('text-loss');
  afterAll(() => removeDir(root));

  it('prints a very long Japanese table cell and a long photo caption whole, continued over pages', async () => {
    const officeDir = join(root, 'data', 'seoul');
    cpSync(join(INSTALL_ROOT, 'data', 'seoul'), officeDir, { recursive: true });
    // Longer than a whole page in a narrow column: pdfmake would drop the row (dontBreakRows) and the photo row.
    const cell = Array.from({ length: 400 }, (_, i) => `観光展${i}の会場説明。`).join('');
    const caption = Array.from({ length: 300 }, (_, i) => `写真${i}の説明。`).join('');
    // A photo entry without a file prints nothing: this one has a (generated) file, so its caption is printed.
    mkdirSync(join(officeDir, 'photos'), { recursive: true });
    await sharp({ create: { width: 400, height: 300, channels: 3, background: { r: 40, g: 90, b: 140 } } }).png().toFile(join(officeDir, 'photos', 'fair.png'));
    editYaml(join(officeDir, 'events.yaml'), (doc) => {
      doc.setIn(['events', 1, 'name'], doc.createNode({ ja: cell, ko: '트래블쇼 2025' }));
      doc.setIn(['photos', 0, 'file'], 'photos/fair.png');
      doc.setIn(['photos', 0, 'caption'], doc.createNode({ ja: caption, ko: '트래블쇼 2025' }));
    });
    const world = new World({ dataRoot: join(root, 'data') });
    const result = await buildChecked(world, { editions: ['ja'], formats: ['pdf'], outRoot: join(root, 'out') });
    const pdf = await readPdf(readFileSync(result.files[0]!.path));
    // The lines of one text, in the order drawn: the repeated table header and the row's other cells come between
    // its pages, so they are left out, and so is the page number at the foot. Spaces go: a reader shows JLREQ's
    // quarter em between the Japanese and the digits as one.
    const linesOf = (whole: string) => pdf.pages
      .flatMap((page) => page.items.filter((item) => !(item.text.trim() === String(page.number) && item.y < 60)))
      .map((item) => compact(item.text)).filter((text) => text.length > 0 && whole.includes(text));
    expect(linesOf(cell).join('')).toContain(cell);
    expect(linesOf(caption).join('')).toContain(caption);
    // And it did run over pages: the cell is longer than a page.
    const pagesWith = pdf.pages.filter((page) => page.items.some((item) => item.text.includes('の会場説明'))).length;
    expect(pagesWith).toBeGreaterThan(1);
  });
});
