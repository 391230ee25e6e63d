import { describe, expect, it } from 'vitest';
import { stylesheetCharacters, textSpans, unicodeRange } from './fonts.js';

describe('textSpans', () => {
  it('reads the visible text of a page with the language and weight it is shown in', () => {
    const html =
      '<!DOCTYPE html><html lang="ja"><head><title>見出し</title><style>p::before{content:"x"}</style></head><body>' +
      '<h2>目次<span class="t-sec" lang="ko">목차</span></h2>' +
      '<p>日本の<strong>地域</strong>&amp;<br>交流<img alt="写真"><ruby>陸<rp>（</rp><rt>ユク</rt><rp>）</rp></ruby></p>' +
      '<svg><text font-weight="bold">83</text><text>年度</text></svg></body></html>';
    expect(textSpans(html, 'ja')).toEqual([
      { text: '目次', lang: 'ja', bold: true },
      { text: '목차', lang: 'ko', bold: true },
      { text: '日本の', lang: 'ja', bold: false },
      { text: '地域', lang: 'ja', bold: true },
      { text: '&', lang: 'ja', bold: false },
      { text: '交流', lang: 'ja', bold: false },
      { text: '陸', lang: 'ja', bold: false },
      { text: 'ユク', lang: 'ja', bold: false },
      { text: '83', lang: 'ja', bold: true },
      { text: '年度', lang: 'ja', bold: false },
    ]);
  });
});

describe('stylesheetCharacters', () => {
  it('collects what a stylesheet draws itself: markers, counters, escaped characters', () => {
    const css = '/* "comment" */ li::before{content:"◆" / ""} @counter-style c{symbols:"①" "②"} .n::before{content:"\\203B"}';
    expect([...stylesheetCharacters(css)].sort()).toEqual(['①', '②', '◆', '※'].sort());
  });
});

describe('unicodeRange', () => {
  it('lists code points as compact ranges', () => {
    expect(unicodeRange('cab 日')).toBe('U+20,U+61-63,U+65E5');
  });
});
