import { describe, expect, it } from 'vitest';
import { World } from '../../../world.js';
import { layoutLines } from './__fixtures__/layout.js';
import { normalize, WideUnits } from '../../../typeset/linebreak.js';
import { PdfParagraph } from '../../../typeset/pdf.js';
import { addGaps, cutIntoLines, flowOf, lineEnds, type MeasuredInline } from './line-breaking.js';
import { Typesetter } from '../../../typeset/index.js';
import { loadTypesetter } from '../../../load/fonts.js';

const typesetter = await loadTypesetter(new World({ dataRoot: 'data' }));

/** A font where every character is 10 pt wide at size 10 (a space 5 pt). */
const font = {
  widthOfString: (text: string, size: number) => [...text].reduce((sum, char) => sum + (char === ' ' ? 0.5 : 1) * size, 0),
  advances(text: string) {
    const advances = new Float64Array(text.length + 1);
    for (let k = 0; k < text.length; k++) advances[k + 1] = advances[k]! + (text[k] === ' ' ? 500 : 1000);
    return advances;
  },
};

/** Measured inlines for pieces of one paragraph, breaks marked with | in `marked`. */
function inlinesOf(marked: string, pieces: string[], lang = 'ja'): MeasuredInline[] {
  const text = marked.replaceAll('|', '');
  const breaks: number[] = [];
  let at = 0;
  for (const char of marked) {
    if (char === '|') breaks.push(at);
    else at += char.length;
  }
  const paragraph = new PdfParagraph(text, breaks, new WideUnits(normalize([{ text, lang }]), false));
  let offset = 0;
  return pieces.map((piece) => {
    const inline: MeasuredInline = { text: piece, width: font.widthOfString(piece, 10), font, fontSize: 10, paragraph, offset, ...(piece === '' ? { lineEnd: true } : {}) };
    offset += piece.length;
    return inline;
  });
}

function lines(inlines: MeasuredInline[], width: number): string[] {
  const flow = flowOf(inlines)!;
  const out: string[] = [''];
  for (const piece of cutIntoLines(flow, lineEnds(flow, width))) {
    out[out.length - 1] += piece.text;
    if (piece.lineEnd) out.push('');
  }
  return out;
}

describe('clair line breaking', () => {
  it('puts on each line as many units as fit', () => {
    expect(lines(inlinesOf('日|本|の|地|方|自|治|体', ['日本の地方自治体']), 30)).toEqual(['日本の', '地方自', '治体']);
    expect(lines(inlinesOf('日|本|の|地|方|自|治|体', ['日本の地方自治体']), 29.99)).toEqual(['日本', 'の地', '方自', '治体']);
  });

  it('widens an inline by the gap the typesetter asks after it (JLREQ quarter em), but not at the end of a line', () => {
    const spaced = () => {
      const inlines = inlinesOf('日|本|1988|年', ['日', '本', '1988', '年']);
      inlines[1]!.autospace = 0.25;
      inlines[2]!.autospace = 0.25;
      addGaps(inlines);
      return inlines;
    };
    // 10 + (10 + 2.5) + (40 + 2.5) + 10 pt.
    expect(spaced().map((inline) => inline.width)).toEqual([10, 12.5, 42.5, 10]);
    expect(lines(spaced(), 75)).toEqual(['日本1988年']);
    expect(lines(spaced(), 74.9)).toEqual(['日本1988', '年']);
    // "1988" ends its line: its gap is not counted, so it fits 40 pt exactly, and pdfmake is told to cut it.
    const inlines = spaced();
    const flow = flowOf(inlines)!;
    const cut = cutIntoLines(flow, lineEnds(flow, 40));
    expect(cut.map((piece) => piece.text)).toEqual(['日', '本', '1988', '年']);
    expect(cut[1]).toMatchObject({ lineEnd: true, trailingCut: 2.5 });
    expect(cut[2]).toMatchObject({ lineEnd: true, trailingCut: 2.5 });
    expect(lines(spaced(), 40)).toEqual(['日本', '1988', '年']);
  });

  it('does not count the spaces that end a line', () => {
    // "abc " is 35 pt wide, 30 pt without its space.
    expect(lines(inlinesOf('abc |def', ['abc def']), 30)).toEqual(['abc ', 'def']);
  });

  it('cuts inlines where lines end and keeps their style, each line ending in lineEnd', () => {
    const inlines = inlinesOf('日|本|の|地|方', ['日本', 'の地方']);
    inlines[1]!.color = 'red';
    const flow = flowOf(inlines)!;
    const pieces = cutIntoLines(flow, lineEnds(flow, 30));
    expect(pieces.map(({ text, color, width, lineEnd, noNewLine }) => ({ text, color, width, lineEnd, noNewLine }))).toEqual([
      { text: '日本', color: undefined, width: 20, lineEnd: undefined, noNewLine: true },
      { text: 'の', color: 'red', width: 10, lineEnd: true, noNewLine: false },
      { text: '地方', color: 'red', width: 20, lineEnd: undefined, noNewLine: false },
    ]);
  });

  it('ends a line at each newline, two in a row leaving an empty line', () => {
    expect(lines(inlinesOf('住|所ソ|ウ|ル', ['住所', '', '', 'ソウル']), 100)).toEqual(['住所', '', 'ソウル']);
  });

  it('splits a unit wider than the line by the paragraph\'s rules', () => {
    // A Korean word has no break opportunity; too wide, it is cut between syllables.
    expect(lines(inlinesOf('자치단체국제화 |협회', ['자치단체국제화 협회'], 'ko'), 30)).toEqual(['자치단', '체국제', '화 ', '협회']);
  });

  it('leaves a node whose inlines are not all clair\'s to pdfmake', () => {
    const inlines = inlinesOf('日|本', ['日本']);
    expect(flowOf([...inlines, { text: 'x', width: 10, font, fontSize: 10 }])).toBeUndefined();
  });
});

describe('clair line breaking inside pdfmake', () => {

  it('gives a text node its widest unit as the width no column may go below', () => {
    const text = typesetter.toPdfInlines('日本の地方自治体の国際化を推進するため、ソウル事務所を設置しました。', 'ja', { fontSize: 9 });
    // An auto column takes the text's full width when it fits and shrinks to the widest unit at most.
    const laidOut = layoutLines(typesetter, { table: { widths: ['auto', '*'], body: [[{ text }, { text: typesetter.toPdfInlines('右', 'ja') }]] } }, 120);
    const cell = laidOut.filter((line) => line.text !== '右');
    expect(cell.length).toBeGreaterThan(2);
    expect(cell.map((line) => line.text).join('')).toBe(text.map((inline) => inline.text).join(''));
    for (const line of cell) expect(line.width).toBeLessThanOrEqual(line.maxWidth + 1e-6);
    expect(cell[0]!.maxWidth).toBeLessThan(120);
  });

  it('measures inlines as pdfmake\'s TextInlines.measure does, with or without named styles', () => {
    // The same inlines with an (empty) list of named styles go through pdfmake's own measuring.
    const inlines = [
      ...typesetter.toPdfInlines('  クレア（CLAIR）ソウル事務所 ', 'ja', { fontSize: 9, color: '#0a3458' }),
      ...typesetter.toPdfInlines('도란도란 한일 교류 축제', 'ko', { bold: true, fontSize: 12 }),
      ...typesetter.toPdfInlines('2025', 'ja', { sup: true }),
    ];
    const node = (style: boolean) => ({ text: inlines.map((inline) => ({ ...inline, ...(style ? { style: [] } : {}) })), lineHeight: 1.3, alignment: 'center' });
    const ours = layoutLines(typesetter, node(false), 90);
    const pdfmakes = layoutLines(typesetter, node(true), 90);
    expect(ours.length).toBeGreaterThan(2);
    expect(ours).toEqual(pdfmakes);
  });
});
