import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { inlineSvg } from './svg.js';

describe('inlineSvg', () => {
  // A chart as src/metrics/chart.ts draws it: presentation attributes only, an aria-label on the root.
  const chart = readFileSync(new URL('../../metrics/__golden__/chart-support-cases-ja.svg', import.meta.url), 'utf8');

  it('keeps a clair chart intact, sized by the page and hidden from assistive technology (the figure describes it)', () => {
    const svg = inlineSvg(chart, 'chart-support');
    expect(svg.markup).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 480 240" font-family="[^"]+" class="chart-svg" aria-hidden="true" focusable="false">/);
    expect(svg.markup).toContain('<text class="value" x="395.33" y="36" font-size="10" text-anchor="middle" fill="#222222">83 *1</text>');
    expect(svg.text).toContain('2025年度');
    expect(svg.text).toContain('自治体の活動支援（延べ件数）');
    expect(svg.styleAttributes).toEqual([]);
  });

  it('removes scripts, event handlers, foreign content and links that leave the page', () => {
    const svg = inlineSvg(
      '<?xml version="1.0"?><!DOCTYPE svg><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)" viewBox="0 0 10 10">' +
        '<script>alert(2)</script><script href="https://evil.example/x.js"/>' +
        '<foreignObject><iframe src="https://evil.example/"></iframe></foreignObject>' +
        '<a href="javascript:alert(3)"><text x="1" y="5" ONCLICK=\'alert(4)\'>&lt;b&gt; label</text></a>' +
        '<rect fill="url(https://evil.example/p.svg#x)" width="1" height="1"/><image href="https://evil.example/i.png"/></svg>',
      'c',
    );
    expect(svg.markup).not.toMatch(/script|onload|onclick|foreignObject|iframe|evil\.example|javascript/i);
    expect(svg.text).toContain('<b> label');
  });

  it('prefixes ids and the references to them, so two charts in one page do not collide', () => {
    const svg = inlineSvg('<svg viewBox="0 0 1 1"><clipPath id="clip"><rect/></clipPath><g clip-path="url(#clip)"><use href="#clip"/></g></svg>', 'chart-a');
    expect(svg.markup).toContain('id="chart-a-clip"');
    expect(svg.markup).toContain('url(#chart-a-clip)');
    expect(svg.markup).toContain('href="#chart-a-clip"');
  });

  it('reports inline styles so the Content-Security-Policy can allow exactly them', () => {
    const svg = inlineSvg('<svg viewBox="0 0 1 1"><style>.bar{fill:#123}</style><rect style="opacity:.5"/></svg>', 'c');
    expect(svg.styleElements).toEqual(['.bar{fill:#123}']);
    expect(svg.styleAttributes).toEqual(['opacity:.5']);
  });
});
