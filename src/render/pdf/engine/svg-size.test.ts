import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { pdfmakeModule } from './internals.js';
import { installSvgSizing } from './svg-size.js';

const SvgMeasure = pdfmakeModule<new () => { measureSVG(svg: string): unknown; writeDimensions(svg: string, size: object): string }>('SVGMeasure');
const { XmlDocument } = createRequire(createRequire(import.meta.url).resolve('pdfmake'))('xmldoc') as { XmlDocument: new (xml: string) => { attr: Record<string, string>; toString(): string } };

describe('SVG sizing in the PDF', () => {
  installSvgSizing();
  const measure = new SvgMeasure();
  const chart = '<svg xmlns="http://www.w3.org/2000/svg" width="320" height="180" viewBox="0 0 320 180" role="img"><rect x="1" y="2" width="30" height="40" stroke-width="2"/><text x="5" y="9">A &amp; B</text></svg>';

  it('reads and rewrites only the root tag of a chart, as pdfmake would', () => {
    expect(measure.measureSVG(chart)).toEqual({ width: 320, height: 180 });
    const written = measure.writeDimensions(chart, { width: 240, height: 135 });
    const doc = new XmlDocument(written);
    expect(doc.attr).toMatchObject({ width: '240', height: '135', viewBox: '0 0 320 180' });
    // The drawing itself is untouched: only the root's size changed.
    expect(written.replace(/^<svg[^>]*>/, '')).toBe(chart.replace(/^<svg[^>]*>/, ''));
  });

  it('leaves any other SVG to pdfmake', () => {
    const other = '<svg xmlns="http://www.w3.org/2000/svg" width="10pt" height="20"><rect width="1" height="1"/></svg>';
    expect(measure.measureSVG(other)).toEqual({ width: 10, height: 20 });
    const doc = new XmlDocument(measure.writeDimensions(other, { width: 5, height: 10 }));
    expect(doc.attr).toMatchObject({ width: '5', height: '10', viewBox: '0 0 10 20' });
  });
});
