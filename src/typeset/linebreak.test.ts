import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NO_LINE_END, NO_LINE_START } from './characters.js';
import { breakText, normalize, phrases } from './linebreak.js';

/** The pieces a line may break between. */
const units = (text: string, lang: string, options = {}) => breakText(text, lang, options).map((unit) => unit.text);

describe('Japanese kinsoku: what may not start a line', () => {
  it.each([...'）」』】〕〉》”’＞'])('closing bracket %s stays with the text before it', (close) => {
    expect(units(`「地域${close}の`, 'ja')).toContain(`域${close}`);
  });

  it.each([...'、。，．'])('comma or stop %s stays with the text before it', (stop) => {
    expect(units(`設立${stop}日本`, 'ja')).toEqual(['設', `立${stop}`, '日', '本']);
  });

  it.each([...'・：；？！'])('middle dot, colon and marks %s stay with the text before them', (mark) => {
    expect(units(`出展${mark}支援`, 'ja')).toContain(`展${mark}`);
  });

  it.each([...'ーゝゞヽヾ々'])('prolonged sound and iteration mark %s never start a line', (mark) => {
    expect(units(`メ${mark}ル`, 'ja')).toEqual([`メ${mark}`, 'ル']);
  });

  it.each([...'ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ'])('small kana %s never starts a line', (small) => {
    expect(units(`キ${small}プ`, 'ja')).toEqual([`キ${small}`, 'プ']);
  });

  it('a real sentence never puts 、。」ー or small kana at the start of a unit', () => {
    const got = units('「ソウル」ってどう？ちょっと待ってー！スタッフ3名、ニューヨーク。', 'ja');
    expect(got).toEqual(['「ソ', 'ウ', 'ル」っ', 'て', 'ど', 'う？', 'ちょっ', 'と', '待っ', 'てー！', 'ス', 'タッ', 'フ', '3', '名、', 'ニュー', 'ヨー', 'ク。']);
  });
});

describe('Japanese kinsoku: what may not end a line', () => {
  it.each([...'（「『【〔〈《“‘＜'])('opening bracket %s stays with the text after it', (open) => {
    expect(units(`韓国${open}日本`, 'ja')).toEqual(['韓', '国', `${open}日`, '本']);
  });

  it('an opening bracket before a space stays with the word after the space', () => {
    expect(units('「 ソウル', 'ja')[0]).toBe('「 ソ');
  });
});

describe('numbers, Latin words, URLs and addresses are never split', () => {
  it.each(['5,933', '80,000', '12.5', '13:30', '2025', '２０２５'])('keeps %s whole and lets the line break after it', (number) => {
    expect(units(`職員${number}名`, 'ja')).toEqual(['職', '員', number, '名']);
  });

  it('breaks after the digits of 2025年 but never inside them', () => {
    expect(units('2025年度', 'ja')).toEqual(['2025', '年', '度']);
  });

  it('keeps a range mark with the number before it, spaced or not', () => {
    expect(units('12.5 ~ 12.7', 'ja')).toEqual(['12.5 ~ ', '12.7']);
    expect(units('13:30〜15:00', 'ja')).toEqual(['13:30〜', '15:00']);
    expect(units('1988—2026', 'ja')).toEqual(['1988—', '2026']);
    expect(units('約80分～', 'ja')).toEqual(['約', '80', '分～']);
  });

  it('keeps units written after a number with it (12.5%, 30℃)', () => {
    expect(units('12.5%増', 'ja')).toEqual(['12.5%', '増']);
    expect(units('30℃の', 'ja')).toEqual(['30℃', 'の']);
  });

  it('keeps Latin words and acronyms whole inside Japanese', () => {
    expect(units('JETROやJNTO等の現地日系機関', 'ja').slice(0, 3)).toEqual(['JETRO', 'や', 'JNTO']);
    expect(units('K-POPの人気', 'ja')[0]).toBe('K-POP');
  });

  it('keeps URLs, e-mail addresses and handles whole, without trailing punctuation', () => {
    expect(units('詳細はhttps://www.clair.or.kr/basic/korea/korea_local.aspを参照。', 'ja')).toContain('https://www.clair.or.kr/basic/korea/korea_local.asp');
    expect(units('方は info@clair.or.kr にメール', 'ja')).toContain('info@clair.or.kr ');
    expect(units('Instagram (@clair.seoul)', 'ja')).toEqual(['Instagram ', '(@clair.seoul)']);
    expect(units('(https://korea.clair.or.kr/)。', 'ja')).toEqual(['(https://korea.clair.or.kr/)。']);
  });

  it('keeps a telephone number whole', () => {
    expect(units('TEL +82(0)-2-733-5681', 'ja')).toEqual(['TEL ', '+82(0)-2-733-5681']);
  });

  it('lets ideographs and kana break between any two characters', () => {
    expect(units('日本の地方自治体', 'ja')).toEqual([...'日本の地方自治体']);
    expect(units('设立于北京', 'zh-Hans')).toEqual([...'设立于北京']);
  });
});

describe('Korean: keep-all', () => {
  it('breaks only at spaces', () => {
    expect(units('서울특별시 종로구 청계천로 85, 삼일빌딩 20층', 'ko')).toEqual(['서울특별시 ', '종로구 ', '청계천로 ', '85, ', '삼일빌딩 ', '20층']);
  });

  it('keeps brackets and Hanja with their word', () => {
    expect(units('(도란도란) 自治體國際化協會 서울', 'ko')).toEqual(['(도란도란) ', '自治體國際化協會 ', '서울']);
  });

  it('never splits a Korean word inside Japanese text', () => {
    expect(units('「도란도란」(トランドラン)', 'ja')).toEqual(['「도란도란」', '(ト', 'ラ', 'ン', 'ド', 'ラ', 'ン)']);
    expect(units('도란도란トラン', 'ja')).toEqual(['도란도란', 'ト', 'ラ', 'ン']);
  });

  it('splits a word too long for a whole line, and only then', () => {
    const word = '자치단체국제화재단서울사무소';
    const measure = (start: number, end: number) => end - start; // one unit per syllable
    expect(units(`${word} 서울`, 'ko', { maxWidth: 20, measure })).toEqual([`${word} `, '서울']);
    const pieces = units(`${word} 서울`, 'ko', { maxWidth: 6, measure });
    expect(pieces.join('')).toBe(`${word} 서울`);
    expect(pieces.every((piece) => piece.trim().length <= 6)).toBe(true);
    expect(pieces.slice(-1)).toEqual(['서울']);
  });

  it('splits an over-long URL after a slash or dot before splitting anywhere', () => {
    const measure = (start: number, end: number) => end - start;
    const pieces = units('https://www.clair.or.kr/information/clair_report.asp', 'ja', { maxWidth: 20, measure });
    expect(pieces).toEqual(['https://', 'www.', 'clair.', 'or.', 'kr/', 'information/', 'clair_', 'report.', 'asp']);
    expect(units('abcdefghijklmnopqrstuvwxyz', 'ja', { maxWidth: 10, measure }).map((p) => p.length)).toEqual(Array(26).fill(1));
  });

  it('splits an over-long English word at its hyphenation points (en-gb patterns), not anywhere', () => {
    const measure = (start: number, end: number) => end - start;
    expect(units('internationalisation', 'en', { maxWidth: 10, measure })).toEqual(['in', 'ter', 'na', 'tion', 'al', 'isa', 'tion']);
    // Not a URL, an address or a code with digits: those are no words.
    expect(units('abc123defghijklmnop', 'en', { maxWidth: 10, measure }).map((p) => p.length)).toEqual(Array(19).fill(1));
  });

  it('breaks Thai between words (Intl.Segmenter), never inside one', () => {
    const text = 'สำนักงานต่างประเทศฐานที่องค์กรปกครองส่วนท้องถิ่นพึ่งพาได้';
    const words = new Set([...new Intl.Segmenter('th', { granularity: 'word' }).segment(text)].map((s) => s.index));
    const pieces = units(text, 'th');
    expect(pieces.length).toBeGreaterThan(5);
    expect(pieces.join('')).toBe(text);
    let at = 0;
    for (const piece of pieces) {
      expect(words.has(at)).toBe(true);
      at += piece.length;
    }
  });
});

describe('Latin languages', () => {
  it('breaks English at spaces and after hyphens inside words', () => {
    expect(units('The well-known Council (CLAIR), since 1988.', 'en')).toEqual(['The ', 'well-', 'known ', 'Council ', '(CLAIR), ', 'since ', '1988.']);
  });

  it('does not break after the hyphen of a number range or a one-letter prefix', () => {
    expect(units('pages 10-20 on e-mail', 'en')).toEqual(['pages ', '10-20 ', 'on ', 'e-mail']);
  });

  it('gives French non-breaking spaces before ; : ! ? » and after «', () => {
    const normalized = normalize([{ text: 'Bonjour ! « Oui » : merci ; fin ?', lang: 'fr' }]);
    expect(normalized.text).toBe('Bonjour\u00a0! «\u00a0Oui\u00a0»\u00a0: merci\u00a0; fin\u00a0?');
    expect(units('Bonjour ! « Oui » : merci ; fin ?', 'fr')).toEqual(['Bonjour\u00a0! ', '«\u00a0Oui\u00a0»\u00a0: ', 'merci\u00a0; ', 'fin\u00a0?']);
  });

  it('leaves spaces alone in English', () => {
    expect(normalize([{ text: 'Why ? Because !', lang: 'en' }]).text).toBe('Why ? Because !');
  });
});

describe('headings', () => {
  it('break only between BudouX phrases in Japanese', () => {
    expect(units('地域の課題に関する日韓共同セミナーの開催', 'ja', { heading: true })).toEqual(['地域の', '課題に', '関する', '日韓共同セミナーの', '開催']);
  });

  it('still break at spaces and keep kinsoku', () => {
    expect(units('クレア (CLAIR) ソウル事務所 概要', 'ja', { heading: true })).toEqual(['クレア ', '(CLAIR) ', 'ソウル事務所 ', '概要']);
  });

  it('break Korean headings at spaces only', () => {
    expect(units('일본 지방자치단체의 국제교류 지원', 'ko', { heading: true })).toEqual(['일본 ', '지방자치단체의 ', '국제교류 ', '지원']);
  });

  it('fall back to ordinary breaking inside a phrase wider than a line', () => {
    const measure = (start: number, end: number) => end - start;
    expect(units('日韓共同セミナーの開催', 'ja', { heading: true, maxWidth: 5, measure }).every((u) => u.length <= 5)).toBe(true);
  });

  it('give the HTML renderer phrases to join with <wbr>', () => {
    expect(phrases('日本の地域の魅力を韓国で発信する事業', 'ja')).toEqual(['日本の', '地域の', '魅力を', '韓国で', '発信する', '事業']);
    expect(phrases('Council of Local Authorities', 'en')).toEqual(['Council ', 'of ', 'Local ', 'Authorities']);
  });
});

describe('newlines and breaking controls', () => {
  it('turns newlines into hard breaks, two in a row into an empty line', () => {
    expect(breakText('住所\n\nソウル\r\n中区', 'ja').map((u) => [u.text, u.hardBreakAfter])).toEqual([
      ['住', false], ['所', true], ['', true], ['ソ', false], ['ウ', false], ['ル', true], ['中', false], ['区', false],
    ]);
  });

  it('drops the spaces before a newline', () => {
    expect(units('住所 \u3000\nソウル', 'ja')).toEqual(['住', '所', 'ソ', 'ウ', 'ル']);
  });

  it('honours U+200B as a break opportunity and U+2060 as glue, and removes both', () => {
    expect(units('Seoul\u200bOffice', 'en')).toEqual(['Seoul', 'Office']);
    expect(units('日\u2060本', 'ja')).toEqual(['日本']);
  });
});

describe('invariants on any text', () => {
  const alphabet = fc.constantFrom(...'日本語のソウルっャー、。」「（）12,.5 abc-도란 ~〜!?'.split(''), 'https://a.kr/x ', 'info@clair.or.kr');
  const text = fc.array(alphabet, { maxLength: 40 }).map((parts) => parts.join(''));
  const lang = fc.constantFrom('ja', 'ko', 'en', 'fr', 'zh-Hans');

  it('units put together give back the text, and kinsoku holds at every break', () => {
    fc.assert(fc.property(text, lang, fc.boolean(), (input, language, heading) => {
      const normalized = normalize([{ text: input, lang: language }]).text;
      const got = units(input, language, { heading });
      expect(got.join('')).toBe(normalized);
      for (let i = 1; i < got.length; i++) {
        const previous = [...got[i - 1]!.trimEnd()].pop();
        const next = [...got[i]!][0]!;
        expect(NO_LINE_START.has(next), `${JSON.stringify(got)} starts a unit with ${next}`).toBe(false);
        if (previous) expect(NO_LINE_END.has(previous), `${JSON.stringify(got)} ends a unit with ${previous}`).toBe(false);
        expect(/\d$/.test(got[i - 1]!) && /^\d/.test(got[i]!), `${JSON.stringify(got)} splits a number`).toBe(false);
        expect(/\p{Script=Hangul}$/u.test(got[i - 1]!) && /^\p{Script=Hangul}/u.test(got[i]!), `${JSON.stringify(got)} splits a Korean word`).toBe(false);
      }
    }), { numRuns: 300 });
  });

  it('with a line width, no unit is wider than a line unless it is one character', () => {
    const measure = (start: number, end: number) => end - start;
    fc.assert(fc.property(text, lang, fc.integer({ min: 1, max: 12 }), (input, language, maxWidth) => {
      for (const unit of breakText(input, language, { maxWidth, measure })) {
        const width = unit.text.replace(/[ \u3000]+$/u, '').length;
        expect(width <= maxWidth || [...unit.text.trimEnd()].length === 1, JSON.stringify(unit.text)).toBe(true);
      }
    }), { numRuns: 200 });
  });
});
