import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { World } from '../world.js';
import { layoutLines, layoutParagraphs, type LaidOutLine } from '../render/pdf/engine/__fixtures__/layout.js';
import { renderDefinition } from '../render/pdf/engine/index.js';
import { createPdfTypesetter } from '../render/pdf/typesetter.js';
import { NO_LINE_END, NO_LINE_START, Typesetter, type PdfInline } from './index.js';
import { loadTypesetter } from '../load/fonts.js';

const typesetter = await loadTypesetter(new World({ dataRoot: 'data' }));
const excerpt = readFileSync(join(import.meta.dirname, '__fixtures__', 'seoul-excerpt.txt'), 'utf8').split('\n').filter((line) => line.trim());

/** The inlines' texts and faces, and the places a line may break, marked with |. */
function marked(inlines: PdfInline[]): { pieces: [string, string][]; breaks: string } {
  const paragraph = inlines[0]!.paragraph;
  let text = paragraph.text;
  for (const at of [...paragraph.breaks].reverse()) text = `${text.slice(0, at)}|${text.slice(at)}`;
  return { pieces: inlines.map((inline) => [inline.text, inline.font]), breaks: text };
}

describe('toPdfInlines', () => {
  it('makes one inline per stretch in one face and style, and knows where a line may break', () => {
    const inlines = typesetter.toPdfInlines('設立。「도란도란」です', 'ja', { fontSize: 9, color: '#333333' });
    expect(inlines.map(({ paragraph, ...inline }) => inline)).toEqual([
      { fontSize: 9, color: '#333333', text: '設立。', font: 'Noto Sans CJK JP', noWrap: true, offset: 0 },
      { fontSize: 9, color: '#333333', text: '「도란도란」', font: 'Noto Sans CJK KR', noWrap: true, offset: 3 },
      { fontSize: 9, color: '#333333', text: 'です', font: 'Noto Sans CJK JP', noWrap: true, offset: 9 },
    ]);
    expect(marked(inlines).breaks).toBe('設|立。|「도란도란」|で|す');
    expect(new Set(inlines.map((inline) => inline.paragraph)).size).toBe(1);
  });

  it('lets no line break where a unit changes face', () => {
    // ッ may not start a line, so it stays with the Korean word before it although it is set in another face.
    expect(marked(typesetter.toPdfInlines('도란도란ッ', 'ja'))).toEqual({
      pieces: [['도란도란', 'Noto Sans CJK KR'], ['ッ', 'Noto Sans CJK JP']],
      breaks: '도란도란ッ',
    });
  });

  it('breaks a paragraph of styled spans as one text: a bold word keeps its closing bracket', () => {
    const inlines = typesetter.spansToPdfInlines([
      { text: '日本の', lang: 'ja' },
      { text: '地域の国際化を推進', lang: 'ja', style: { bold: true } },
      { text: '」する', lang: 'ja' },
    ]);
    expect(inlines.map((inline) => [inline.text, inline.bold ?? false])).toEqual([['日本の', false], ['地域の国際化を推進', true], ['」する', false]]);
    expect(marked(inlines).breaks).toBe('日|本|の|地|域|の|国|際|化|を|推|進」|す|る');
  });

  it('turns newlines into empty inlines that end the line', () => {
    const inlines = typesetter.toPdfInlines('住所\n\nソウル', 'ja');
    expect(inlines.map(({ text, lineEnd, offset }) => [text, lineEnd ?? false, offset])).toEqual([
      ['住所', false, 0], ['', true, 2], ['', true, 2], ['ソウル', false, 2],
    ]);
    expect(marked(inlines).breaks).toBe('住|所ソ|ウ|ル');
  });

  it('keeps a paragraph indent made of an ideographic space', () => {
    expect(typesetter.toPdfInlines('\u3000日本', 'ja')[0]).toMatchObject({ text: '\u3000日本', preserveLeadingSpaces: true });
  });

  it('registers every family it uses with pdfmake', () => {
    const { fonts, files } = typesetter.pdfFonts();
    const inlines = typesetter.toPdfInlines('Seoul 서울 ソウル 首尔', 'en');
    for (const inline of inlines) expect(fonts[inline.font]).toBeDefined();
    expect(fonts['Noto Sans CJK KR']).toEqual({
      normal: ['clair-fonts/NotoSansCJK-Regular.ttc', 'NotoSansCJKkr-Regular'],
      bold: ['clair-fonts/NotoSansCJK-Bold.ttc', 'NotoSansCJKkr-Bold'],
      italics: ['clair-fonts/NotoSansCJK-Regular.ttc', 'NotoSansCJKkr-Regular'],
      bolditalics: ['clair-fonts/NotoSansCJK-Bold.ttc', 'NotoSansCJKkr-Bold'],
    });
    expect(fonts['Noto Sans']!.normal).toEqual(['clair-fonts/NotoSans-Regular.ttf']);
    expect(Object.keys(files).sort()).toEqual(['clair-fonts/NotoSans-Bold.ttf', 'clair-fonts/NotoSans-Regular.ttf', 'clair-fonts/NotoSansCJK-Bold.ttc', 'clair-fonts/NotoSansCJK-Regular.ttc', 'clair-fonts/NotoSansThai-Bold.ttf', 'clair-fonts/NotoSansThai-Regular.ttf']);
    expect(typesetter.pdfFonts().fonts['Noto Sans']!.normal).not.toBe(fonts['Noto Sans']!.normal);
  });
});

/** Width of a text at the fixture's 9 pt, character by character in the faces the typesetter picks. */
function naturalWidth(text: string, lang: string): number {
  let width = 0;
  for (const run of typesetter.splitRuns(text, lang)) {
    for (const char of text.slice(run.start, run.end)) width += (typesetter.library.advance(run.face, char.codePointAt(0)!) * 9);
  }
  return width;
}

/** Every rule of the brief checked on lines pdfmake actually made. */
function expectClairBreaks(lines: LaidOutLine[], paragraph: string, lang: string, inlines: PdfInline[]) {
  const all = lines.map((line) => line.text).join('');
  // pdfmake adds nothing between inlines: the lines put together give back the (normalized) text.
  expect(all).toBe(inlines.map((inline) => inline.text).join(''));
  const units = typesetter.lineUnits(paragraph, lang);
  const allowed = new Set(units.map((unit) => unit.end));
  const maxWidth = lines[0]!.maxWidth;
  /** A unit too wide for the column may be split, and only such a unit. */
  const tooWide = (at: number) => {
    const unit = units.find((u) => u.start < at && at < u.end);
    return unit !== undefined && naturalWidth(unit.text.trimEnd(), lang) > maxWidth;
  };
  let at = 0;
  lines.forEach((line, index) => {
    at += line.text.length;
    const next = lines[index + 1];
    if (!next) return;
    const context = `${JSON.stringify(line.text)} | ${JSON.stringify(next.text)}`;
    if (!allowed.has(at)) {
      expect(tooWide(at), `a line broke where clair allows no break: ${context}`).toBe(true);
      return;
    }
    const last = [...line.text.trimEnd()].pop() ?? '';
    const first = [...next.text][0] ?? '';
    expect(NO_LINE_START.has(first), `line starts with ${first}: ${context}`).toBe(false);
    expect(NO_LINE_END.has(last), `line ends with ${last}: ${context}`).toBe(false);
    expect(/[0-9]$/.test(line.text) && /^[0-9.,:]/.test(next.text), `number split: ${context}`).toBe(false);
    expect(/\p{Script=Hangul}$/u.test(line.text) && /^\p{Script=Hangul}/u.test(next.text), `Korean word split: ${context}`).toBe(false);
    expect(/\p{Script=Latin}$/u.test(line.text) && /^\p{Script=Latin}/u.test(next.text), `Latin word split: ${context}`).toBe(false);
    if (lang === 'ko') expect(line.text.endsWith(' '), `Korean line not broken at a space: ${context}`).toBe(true);
  });
  for (const line of lines) {
    // Nothing sticks out of the column but a single character wider than it.
    if (line.width > line.maxWidth + 0.01) expect([...line.text.trim()].length, `overfull line ${line.text}`).toBe(1);
  }
  for (const url of paragraph.match(/https?:\/\/[A-Za-z0-9./_-]+/g) ?? []) {
    if (naturalWidth(url, lang) <= maxWidth) expect(lines.some((line) => line.text.includes(url)), `URL ${url} split`).toBe(true);
  }
}

describe('JLREQ quarter em between Japanese and Latin letters or digits', () => {
  const spacedAfter = (inlines: PdfInline[]) => inlines.filter((inline) => inline.autospace === 0.25).map((inline) => inline.text);

  it('asks for a gap after the last character before each boundary, in Japanese and Chinese only', () => {
    const ja = typesetter.toPdfInlines('として1988年（昭和63年）に設立、JETプログラム', 'ja', { fontSize: 9 });
    expect(spacedAfter(ja)).toEqual(['て', '8', '和', '3', 'T']);
    // The text is not changed: the gap is no character.
    expect(ja.map((inline) => inline.text).join('')).toBe('として1988年（昭和63年）に設立、JETプログラム');
    expect(spacedAfter(typesetter.toPdfInlines('共有5个办事处', 'zh-Hans'))).toEqual(['有', '5']);
    // Brackets and punctuation take no gap; Korean and English never.
    expect(spacedAfter(typesetter.toPdfInlines('クレア（CLAIR）、2025', 'ja'))).toEqual([]);
    expect(spacedAfter(typesetter.toPdfInlines('2025년 10월 12일', 'ko'))).toEqual([]);
    expect(spacedAfter(typesetter.toPdfInlines('Tokyo 東京 2025', 'en'))).toEqual([]);
  });

  it('widens the line by a quarter of the font size at each boundary, and not where the line ends', () => {
    const inlines = typesetter.toPdfInlines('日本の1988年', 'ja', { fontSize: 10 });
    const solid = inlines.map(({ autospace, ...inline }) => inline);
    const [spaced] = layoutLines(typesetter, [{ text: inlines }], 300);
    const [plain] = layoutLines(typesetter, [{ text: solid }], 300);
    expect(spaced!.width - plain!.width).toBeCloseTo(2 * 10 / 4, 3);
    // A column exactly as wide as "日本の" without a gap: the line ends there, and its gap does not push it over.
    const narrow = layoutLines(typesetter, [{ text: typesetter.toPdfInlines('日本の', 'ja', { fontSize: 10 }) }], 300)[0]!.width;
    expect(layoutLines(typesetter, [{ text: inlines }], narrow).map((line) => line.text)).toEqual(['日本の', '1988', '年']);
  });
});

describe('pdfmake breaks lines only where clair allows', () => {
  it.each([72, 101, 150])('the reference brochure text in a %d pt column', (width) => {
    const paragraphs = excerpt.map((paragraph) => typesetter.toPdfInlines(paragraph, 'ja'));
    const laidOut = layoutParagraphs(typesetter, paragraphs, width);
    excerpt.forEach((paragraph, index) => expectClairBreaks(laidOut[index]!, paragraph, 'ja', paragraphs[index]!));
  });

  it('a line may break between any two ideographs or kana', () => {
    // 9 pt characters in a 28 pt column: three to a line.
    const lines = layoutLines(typesetter, [{ text: typesetter.toPdfInlines('日本の地方自治体', 'ja') }], 28);
    expect(lines.map((line) => line.text)).toEqual(['日本の', '地方自', '治体']);
  });

  it('Korean text breaks at spaces only', () => {
    const paragraph = '자치단체국제화협회 서울사무소는 1993년 10월에 설립되었으며, 일본 지방자치단체의 국제교류 활동을 지원합니다.';
    for (const width of [60, 90, 130]) {
      const inlines = typesetter.toPdfInlines(paragraph, 'ko');
      expectClairBreaks(layoutLines(typesetter, [{ text: inlines }], width), paragraph, 'ko', inlines);
    }
  });

  it('a Korean word wider than the column is split where the column ends', () => {
    const word = '자치단체국제화협회서울사무소';
    const lines = layoutLines(typesetter, [{ text: typesetter.toPdfInlines(word, 'ko', { fontSize: 9 }) }], 50);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.map((line) => line.text).join('')).toBe(word);
    for (const line of lines) expect(line.width).toBeLessThanOrEqual(50);
  });

  it('English and French break at spaces and hyphens', () => {
    const english = 'The Council of Local Authorities for International Relations (CLAIR) is a joint organisation of Japan\'s local authorities, well-known for the JET Programme.';
    const french = 'Le Conseil des collectivités locales pour les relations internationales (CLAIR) : bureau de Paris ! « Bienvenue » ?';
    for (const [paragraph, lang] of [[english, 'en'], [french, 'fr']] as const) {
      for (const width of [70, 110]) {
        const inlines = typesetter.toPdfInlines(paragraph, lang);
        expectClairBreaks(layoutLines(typesetter, [{ text: inlines }], width), paragraph.replace(/ (?=[:!?»])|(?<=«) /g, lang === 'fr' ? '\u00a0' : ' '), lang, inlines);
      }
    }
  });

  it('a heading breaks between phrases', () => {
    const inlines = typesetter.toPdfInlines('地域の課題に関する日韓共同セミナーの開催', 'ja', { fontSize: 14, bold: true }, { heading: true });
    // 14 pt × 9 characters = 126 pt: the first two phrases fit together, the third does not.
    const lines = layoutLines(typesetter, [{ text: inlines }], 130);
    expect(lines.map((line) => line.text)).toEqual(['地域の課題に関する', '日韓共同セミナーの', '開催']);
  });

  it('a new line starts after each newline, and two newlines leave an empty line', () => {
    const lines = layoutLines(typesetter, [{ text: typesetter.toPdfInlines('住所\n\nソウル特別市 中区\n乙支路 50', 'ja') }], 300);
    expect(lines.map((line) => line.text)).toEqual(['住所', '', 'ソウル特別市 中区', '乙支路 50']);
  });

  it('the rendered PDF reads back line by line with no added spaces', async () => {
    const fonts = (await createPdfTypesetter(new World({ dataRoot: 'data' }), 'seoul')).fontDictionary();
    const paragraph = excerpt.find((line) => line.includes('도란도란'))!;
    const inlines = typesetter.toPdfInlines(paragraph, 'ja', { fontSize: 9 });
    const width = 110;
    const pdf = await renderDefinition({
      pageSize: { width: width + 20, height: 800 }, pageMargins: 10, content: [{ text: inlines }], defaultStyle: { font: 'Noto Sans CJK JP' },
    }, fonts);

    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const document = await pdfjs.getDocument({ data: new Uint8Array(pdf), useSystemFonts: false }).promise;
    const content = await (await document.getPage(1)).getTextContent();
    const rows = new Map<number, string>();
    for (const item of content.items) {
      if (!('str' in item)) continue;
      const y = Math.round(item.transform[5]!);
      rows.set(y, (rows.get(y) ?? '') + item.str);
    }
    const read = [...rows].sort(([a], [b]) => b - a).map(([, text]) => text.trimEnd());
    const laidOut = layoutLines(typesetter, [{ text: inlines }], width).map((line) => line.text.trimEnd());
    expect(read).toEqual(laidOut);
    expect(read.join('')).toContain('「도란도란」');
  });
});
