import { describe, expect, it } from 'vitest';
import type { Txt } from '../../document/blocks.js';
import { Markup, plainRich, safeHref } from './markup.js';

// Tools that behave like the typesetter on the strings below: Hangul inside Japanese text is Korean, and a
// Japanese heading splits into the phrases BudouX gives it.
const markup = new Markup({
  scripts: (text, lang) => {
    if (lang !== 'ja') return [{ text, lang }];
    return text.split(/([\uac00-\ud7af]+)/u).filter(Boolean).map((part) => ({ text: part, lang: /[\uac00-\ud7af]/u.test(part) ? 'ko' : 'ja' }));
  },
  phrases: (text, lang) => (lang === 'ja' && text === '日本の地域の魅力' ? ['日本の', '地域の', '魅力'] : undefined),
});

describe('Markup.txt', () => {
  it('keeps a Korean closing quote with the particle after it, and leaves Japanese alone', () => {
    const ko: Txt = { primary: [{ text: '‘한일 우정의 해’를 계기로', lang: 'ko' }] };
    expect(markup.txt(ko, { lang: 'ko' })).toBe('‘한일 우정의 해<span class="nobr">’를</span> 계기로');
    const ja: Txt = { primary: [{ text: '「日韓友情年」を機に', lang: 'ja' }] };
    expect(markup.txt(ja, { lang: 'ja' })).toBe('「日韓友情年」を機に');
  });


  it('prints a single-language text as its runs, with strong and small', () => {
    const txt: Txt = { primary: [{ text: '日本の', lang: 'ja' }, { text: '地域の国際化', lang: 'ja', strong: true }, { text: ' 理事', lang: 'ja', small: true }] };
    expect(markup.txt(txt, { lang: 'ja' })).toBe('日本の<strong>地域の国際化</strong><small> 理事</small>');
  });

  it('puts the second language of a bilingual edition in its own span with its lang', () => {
    const txt: Txt = { primary: [{ text: '年度', lang: 'ja' }], secondary: [{ text: '연도', lang: 'ko' }] };
    expect(markup.txt(txt, { lang: 'ja' })).toBe('年度<span class="t-sec" lang="ko">연도</span>');
  });

  it('sets a pair as two sides, each with its lang, the primary language first (read first by a screen reader)', () => {
    const txt: Txt = { primary: [{ text: '年度', lang: 'ja' }], secondary: [{ text: '연도', lang: 'ko' }] };
    expect(markup.txt(txt, { lang: 'ja', pair: true })).toBe('<span class="t-pri" lang="ja">年度</span><span class="t-sec" lang="ko">연도</span>');
    // Language-neutral wording is printed once: no pair, nothing to set side by side.
    expect(markup.txt({ primary: [{ text: '10:00～12:00', lang: 'ja' }] }, { lang: 'ja', pair: true })).toBe('10:00～12:00');
  });

  it('marks a passage in another language than the page, and Hangul inside Japanese text, with lang', () => {
    expect(markup.txt({ primary: [{ text: 'JETプログラム', lang: 'ja' }] }, { lang: 'ko' })).toBe('<span lang="ja">JETプログラム</span>');
    expect(markup.txt({ primary: [{ text: '※도란도란（トランドラン）', lang: 'ja' }] }, { lang: 'ja' }))
      .toBe('※<span lang="ko">도란도란</span>（トランドラン）');
  });

  it('shows a reading as ruby, with the reading in the language of the page', () => {
    const txt: Txt = { primary: [{ text: '陸東一', lang: 'ja', strong: true, reading: 'ユク・ドンイル' }] };
    expect(markup.txt(txt, { lang: 'ja' })).toBe('<strong><ruby>陸東一<rp>（</rp><rt>ユク・ドンイル</rt><rp>）</rp></ruby></strong>');
    const korean: Txt = { primary: [{ text: '육동일', lang: 'ko', reading: 'ユク・ドンイル' }] };
    expect(markup.txt(korean, { lang: 'ja' })).toBe('<span lang="ko"><ruby>육동일<rp>（</rp><rt lang="ja">ユク・ドンイル</rt><rp>）</rp></ruby></span>');
  });

  it('breaks headings only between phrases', () => {
    expect(markup.txt({ primary: [{ text: '日本の地域の魅力', lang: 'ja' }] }, { lang: 'ja', phrases: true })).toBe('日本の<wbr>地域の<wbr>魅力');
  });

  it('escapes data text and attributes', () => {
    const txt: Txt = { primary: [{ text: '<script>alert("x")</script> & <img src=x onerror=alert(1)>', lang: 'ja' }] };
    expect(markup.txt(txt, { lang: 'ja' })).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;');
    expect(markup.txt({ primary: [{ text: 'x', lang: 'ja" onclick="alert(1)' as 'ja' }] }, { lang: 'ko' })).toBe('<span lang="ja&quot; onclick&#x3D;&quot;alert(1)">x</span>');
  });

  it('links only http(s) and mailto; anything else stays plain text', () => {
    const link = (href: string) => markup.txt({ primary: [{ text: 'site', lang: 'ja', href }] }, { lang: 'ja' });
    expect(link('https://www.clair.or.kr/')).toBe('<a href="https://www.clair.or.kr/">site</a>');
    expect(link('mailto:info@clair.or.kr')).toBe('<a href="mailto:info@clair.or.kr">site</a>');
    expect(link('javascript:alert(1)')).toBe('site');
    expect(link('java\tscript:alert(1)')).toBe('site');
    expect(link('data:text/html,<b>x</b>')).toBe('site');
    expect(link('https://example.org/"><script>')).toBe('site');
  });
});

describe('safeHref', () => {
  it('accepts web and e-mail links and refuses the rest', () => {
    expect(safeHref(' https://example.org/a?b=c#d ')).toBe('https://example.org/a?b=c#d');
    expect(safeHref('HTTP://EXAMPLE.ORG')).toBe('HTTP://EXAMPLE.ORG');
    expect(safeHref('mailto:a@b.c')).toBe('mailto:a@b.c');
    expect(safeHref('tel:+82-2-733-5681')).toBe('tel:+82-2-733-5681');
    expect(safeHref('tel:javascript:alert(1)')).toBeUndefined();
    for (const bad of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'vbscript:x', '//evil.example/', '/relative', 'https://', 'file:///etc/passwd', 'mailto:']) {
      expect(safeHref(bad), bad).toBeUndefined();
    }
  });
});

describe('plainRich', () => {
  it('gives the text of runs with readings in brackets, for alt attributes', () => {
    expect(plainRich([{ text: '講座の様子', lang: 'ja' }, { text: '陸東一', lang: 'ja', reading: 'ユク' }])).toBe('講座の様子陸東一（ユク）');
  });
});
