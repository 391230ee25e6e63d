import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { installPdfmakeFastPaths, mergeInlines, type Inline } from './pdfmake-fast-paths.js';

describe('writing the inlines of a line', () => {
  const announced: [string, string[]][] = [];
  const font = {
    encodePieces(text: string, pieces: string[]) {
      const known = announced.find(([t]) => t === text);
      if (known) return known[1].join('|') === pieces.join('|');
      announced.push([text, pieces]);
      return true;
    },
  };
  const inline = (text: string, x: number, extra: Partial<Inline> = {}): Inline => ({ text, x, width: 10, font, fontSize: 9, color: 'black', ...extra });

  it('joins inlines that sit edge to edge in one style, keeping the total width', () => {
    const merged = mergeInlines([inline('日', 0), inline('本', 10), inline('の', 20)]);
    expect(merged.map((i) => [i.text, i.x, i.width])).toEqual([['日本の', 0, 30]]);
  });

  it('keeps apart inlines of another colour, size, link or font', () => {
    const other = { encodePieces: () => true };
    const merged = mergeInlines([
      inline('a', 0), inline('b', 10, { color: 'red' }), inline('c', 20, { color: 'red' }), inline('d', 30, { link: 'https://x' }),
      inline('e', 40, { fontSize: 12 }), inline('f', 50, { font: other }),
    ]);
    expect(merged.map((i) => i.text)).toEqual(['a', 'bc', 'd', 'e', 'f']);
  });

  it('keeps apart inlines with space between them (justified text) and page references', () => {
    expect(mergeInlines([inline('a', 0), inline('b', 12)]).map((i) => i.text)).toEqual(['a', 'b']);
    expect(mergeInlines([inline('a', 0, { _pageNodeRef: {} }), inline('b', 10)]).map((i) => i.text)).toEqual(['a', 'b']);
  });

  it('returns the same array when nothing joins, and leaves the given inlines as they were', () => {
    const line = [inline('x', 0), inline('y', 10, { color: 'red' })];
    expect(mergeInlines(line)).toBe(line);
    const joined = [inline('p', 0), inline('q', 10)];
    mergeInlines(joined);
    expect(joined.map((i) => i.text)).toEqual(['p', 'q']);
  });

  it('writes a text announced in other pieces piece by piece', () => {
    mergeInlines([inline('ab', 0), inline('c', 10)]);
    expect(mergeInlines([inline('a', 0), inline('bc', 10)]).map((i) => i.text)).toEqual(['a', 'bc']);
  });
});

describe('style lookups', () => {
  installPdfmakeFastPaths();
  const pdfmakeDir = dirname(createRequire(import.meta.url).resolve('pdfmake'));
  const Stack = (createRequire(join(pdfmakeDir, 'index.js'))(join(pdfmakeDir, 'StyleContextStack.js')) as { default: any }).default;
  const reference = (stack: any, item: any, property: string, fallback: unknown) => {
    if (item[property] !== undefined && item[property] !== null) return item[property];
    let value: unknown;
    stack.auto(item, () => { value = stack.getProperty(property); });
    return value !== undefined && value !== null ? value : fallback;
  };

  it('answer as pdfmake does, whatever was pushed and popped before', () => {
    const properties = ['fontSize', 'color', 'bold', 'font'];
    const style = fc.record({ fontSize: fc.option(fc.integer({ min: 6, max: 20 }), { nil: undefined }), color: fc.option(fc.constantFrom('red', 'blue'), { nil: undefined }), bold: fc.option(fc.boolean(), { nil: undefined }) });
    const step = fc.oneof(
      fc.record({ push: style }),
      fc.record({ pushNamed: fc.constantFrom('header', 'small') }),
      fc.record({ pop: fc.constant(true) }),
      fc.record({ ask: fc.constantFrom(...properties), item: fc.oneof(style, fc.record({ style: fc.constant('small') })) }),
    );
    fc.assert(fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
      const stack = new Stack({ header: { fontSize: 16, bold: true }, small: { fontSize: 7, color: 'grey' } }, { font: 'Noto', fontSize: 9 });
      for (const s of steps as any[]) {
        if (s.push) stack.push(s.push);
        else if (s.pushNamed) stack.push(s.pushNamed);
        else if (s.pop) stack.pop();
        else expect(Stack.getStyleProperty(s.item, stack, s.ask, 'default')).toEqual(reference(stack, s.item, s.ask, 'default'));
      }
    }));
  });
});
