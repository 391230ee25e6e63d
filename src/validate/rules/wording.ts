// How Japanese text is written: one form for one thing. Spacing between Japanese and Latin text or digits is the
// typesetter's job (JLREQ: a quarter em, in the PDF and the HTML alike), so a space typed into the data doubles it
// or appears in one output only; punctuation after Japanese is full-width (！ not !, （） not ()); a term is not
// written both spaced and solid ("JET プログラム" and "JETプログラム"); one as-of word (現在, not also 時点).
// Names (any `name` field) are written as their owners write them ("日韓交流おまつり in Seoul"): their text is left
// alone here, and so is every other place that text appears in.
import type { Localized } from '../../diagnostics.js';
import type { DataKey } from '../../schema/index.js';
import type { Segment } from '../paths.js';
import type { Rule, SharedValue } from './rule.js';

/** Kana, kanji and the CJK symbols and full-width forms Japanese text is set in. */
const JAPANESE = '\\u3000-\\u30ff\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\uff01-\\uff60';
const isJapanese = new RegExp(`[${JAPANESE}]`);
/** Full-width punctuation after or before which a typed space is never wanted. */
const FULL_WIDTH_PUNCTUATION = '、。，．！？：；（）「」『』【】〔〕〈〉《》＜＞・…';
const HALF_TO_FULL: Record<string, string> = { '!': '！', '?': '？', '(': '（', ')': '）', ':': '：', '<': '＜', '>': '＞' };
/** A character that stands in for a masked name: neither Japanese nor Latin, so nothing around it is flagged. */
const MASK = '\ue000';

export interface WordingProblem {
  code: 'japanese-spacing' | 'japanese-halfwidth-punctuation' | 'mixed-forms';
  /** The stretch of text at fault, with a little context. */
  found: string;
  /** The same stretch written the one way. */
  fix: string;
  message: Localized;
}

function excerpt(text: string, start: number, end: number): string {
  return text.slice(Math.max(0, start - 4), Math.min(text.length, end + 4)).replaceAll(MASK, '…');
}

/** Hides every occurrence of an official name so the checks below leave it as written. */
export function maskNames(text: string, names: readonly string[]): string {
  let masked = text;
  for (const name of names) if (name.length > 1 && masked.includes(name)) masked = masked.replaceAll(name, MASK.repeat(name.length));
  return masked;
}

/**
 * The spacing and punctuation problems of one Japanese text. `**` emphasis marks are looked through: a space typed
 * before "**リピーター層**" is still a space between two Japanese words.
 */
export function japaneseProblems(text: string, names: readonly string[] = []): WordingProblem[] {
  const problems: WordingProblem[] = [];
  const masked = maskNames(text, names);
  const latin = /[A-Za-z0-9]/;
  for (const match of masked.matchAll(/ +/g)) {
    const start = match.index;
    const end = start + match[0].length;
    // Look through emphasis marks on either side: "ある **リピーター層**".
    let before = start - 1;
    while (before >= 1 && masked.slice(before - 1, before + 1) === '**') before -= 2;
    let after = end;
    while (masked.slice(after, after + 2) === '**') after += 2;
    const left = masked[before] ?? '';
    const right = masked[after] ?? '';
    const throughEmphasis = before !== start - 1 || after !== end;
    const japaneseLatin = (isJapanese.test(left) && latin.test(right)) || (latin.test(left) && isJapanese.test(right));
    const nextToPunctuation = (FULL_WIDTH_PUNCTUATION.includes(left) && left !== '') || (FULL_WIDTH_PUNCTUATION.includes(right) && right !== '');
    const betweenJapanese = isJapanese.test(left) && isJapanese.test(right);
    if (!japaneseLatin && !nextToPunctuation && !(throughEmphasis && betweenJapanese)) continue;
    const found = excerpt(text, start, end);
    const fix = excerpt(text.slice(0, start) + text.slice(end), start, start);
    problems.push({
      code: 'japanese-spacing', found, fix,
      message: japaneseLatin
        ? {
            en: 'a space typed between Japanese and Latin text or digits; the typesetter spaces them (a quarter em, PDF and HTML alike)',
            ja: '和文と欧文・数字の間に空白が入力されています。間隔は組版で入ります（四分アキ、PDF と HTML で同じ）',
          }
        : {
            en: 'a space typed inside Japanese text (next to full-width punctuation or an emphasis mark)',
            ja: '和文の中に空白が入力されています（全角の約物または強調記号の隣）',
          },
    });
  }
  // Marks in Japanese text: "!" after "PR" in a Japanese sentence, "(KITS)" after a Japanese name. A mark in Latin
  // text ("Festival (Korea)") is left alone: its neighbours, looking through Latin words, are not Japanese.
  const latinRun = /[A-Za-z0-9 *.&'-]/;
  const japaneseBefore = (index: number) => {
    let i = index - 1;
    while (i >= 0 && latinRun.test(masked[i]!)) i -= 1;
    return i >= 0 && isJapanese.test(masked[i]!);
  };
  const flagged = new Set<number>();
  for (const match of masked.matchAll(/[(<]/g)) {
    const open = match.index;
    const close = masked.indexOf(match[0] === '(' ? ')' : '>', open);
    const inside = close > open ? masked.slice(open + 1, close) : '';
    if (isJapanese.test(masked[open - 1] ?? '') || (masked[open - 1] === ' ' && japaneseBefore(open)) || isJapanese.test(inside)) {
      flagged.add(open);
      if (close > open) flagged.add(close);
    }
  }
  for (const match of masked.matchAll(/[!?:]/g)) {
    if (japaneseBefore(match.index) || (match[0] !== ':' && isJapanese.test(masked[match.index + 1] ?? ''))) flagged.add(match.index);
  }
  for (const index of [...flagged].sort((a, b) => a - b)) {
    const mark = text[index]!;
    const full = HALF_TO_FULL[mark]!;
    problems.push({
      code: 'japanese-halfwidth-punctuation',
      found: excerpt(text, index, index + 1),
      fix: excerpt(text.slice(0, index) + full + text.slice(index + 1), index, index + 1),
      message: {
        en: `half-width "${mark}" in Japanese text; write the full-width "${full}"`,
        ja: `和文中に半角の「${mark}」があります。全角の「${full}」にしてください`,
      },
    });
  }
  return problems;
}

interface JapaneseText {
  file: DataKey;
  at: Segment[];
  text: string;
}

/** Every Japanese string of the valid files: the ja of a Text, or a language-neutral string written in Japanese. */
function japaneseTexts(values: readonly SharedValue[]): JapaneseText[] {
  const out: JapaneseText[] = [];
  for (const { file, at, value } of values) {
    if (typeof value === 'string') {
      if (isJapanese.test(value)) out.push({ file, at, text: value });
    } else if (value !== null && typeof value === 'object' && typeof (value as { ja?: unknown }).ja === 'string') {
      out.push({ file, at: [...at, 'ja'], text: (value as { ja: string }).ja });
    }
  }
  return out;
}

/** A name (of a body, a festival, a person, the brochure itself: its title) is written as its owner writes it. */
const isNameField = (at: readonly Segment[], file?: DataKey) => {
  const keys = at.filter((segment): segment is string => typeof segment === 'string' && segment !== 'ja');
  const key = keys[keys.length - 1];
  if (file === 'brochure' && keys.length === 1 && key === 'title') return true;
  return key === 'name' || key === 'channelName' || key === 'reading' || key === 'channelReading';
};

/**
 * Official names as the data writes them, longest first (so "…in Seoul 実行委員会" is not half masked). Only names
 * these checks would otherwise flag are kept: masking "ソウル" everywhere would hide real problems next to it.
 */
function officialNames(texts: readonly JapaneseText[]): string[] {
  const named = texts.filter((t) => isNameField(t.at, t.file) && /[ !?():<>]/.test(t.text)).map((t) => t.text);
  return [...new Set(named)].sort((a, b) => b.length - a.length);
}

/**
 * Terms written both spaced and solid: "JET プログラム" in one place and "JETプログラム" in another. Returns, for each
 * spaced occurrence, the solid form and where it is written.
 */
function mixedForms(texts: readonly JapaneseText[], names: readonly string[]): { text: JapaneseText; spaced: string; solid: string; elsewhere: JapaneseText }[] {
  const term = new RegExp(`[A-Za-z0-9]+ +[${JAPANESE}]+|[${JAPANESE}]+ +[A-Za-z0-9]+`, 'g');
  const out: { text: JapaneseText; spaced: string; solid: string; elsewhere: JapaneseText }[] = [];
  for (const text of texts.filter((t) => !isNameField(t.at, t.file))) {
    for (const match of maskNames(text.text, names).matchAll(term)) {
      // The term around the space, a katakana word whole: "JET プログラムも…" → "JET プログラム" / "JETプログラム".
      const [whole = '', after = ''] = match[0].split(/ +/);
      const left = whole.match(/[A-Za-z0-9]+$|[\u30a0-\u30ff]+$|[^A-Za-z0-9]{1,4}$/)?.[0] ?? whole;
      const right = after.match(/^[A-Za-z0-9]+|^[\u30a0-\u30ff]+|^[^A-Za-z0-9]{1,4}/)?.[0] ?? after;
      const spaced = `${left} ${right}`;
      const core = `${left}${right}`;
      // The solid form anywhere else, a name included ("JETプログラム" is the programme's name).
      const elsewhere = texts.find((other) => other !== text && other.text.includes(core));
      if (elsewhere) out.push({ text, spaced, solid: core, elsewhere });
    }
  }
  return out;
}

/** As-of words of Japanese dates: "2026年1月末時点" and "2025年7月1日現在" are one thing written two ways. */
const AS_OF = /(\d+年\d+月(?:\d+日|末))(時点|現在)/g;

export const japaneseWording: Rule = {
  id: 'japanese-wording',
  check({ shared, report }) {
    const texts = japaneseTexts(shared('text'));
    const names = officialNames(texts);
    for (const text of texts) {
      if (isNameField(text.at, text.file)) continue;
      for (const problem of japaneseProblems(text.text, names)) {
        report({
          file: text.file, at: text.at, code: problem.code, severity: 'warning',
          message: { en: `${problem.message.en}: "${problem.fix}"`, ja: `${problem.message.ja}:「${problem.fix}」` },
          found: problem.found,
          expected: { en: problem.fix, ja: problem.fix },
        });
      }
    }
    for (const { text, spaced, solid, elsewhere } of mixedForms(texts, names)) {
      report({
        file: text.file, at: text.at, code: 'mixed-forms', severity: 'warning',
        message: {
          en: `"${spaced}" is written "${solid}" in ${elsewhere.file} (${elsewhere.at.join('.')}); write one form`,
          ja: `「${spaced}」は ${elsewhere.file} の ${elsewhere.at.join('.')} では「${solid}」と書かれています。表記を統一してください`,
        },
        found: spaced,
        expected: { en: solid, ja: solid },
      });
    }
    // One as-of word: the one most texts use; each other is reported with it.
    const uses = texts.flatMap((text) => [...text.text.matchAll(AS_OF)].map((m) => ({ text, word: m[2]!, phrase: m[0] })));
    const counts = new Map<string, number>();
    for (const use of uses) counts.set(use.word, (counts.get(use.word) ?? 0) + 1);
    if (counts.size > 1) {
      const usual = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] === '現在' ? -1 : 1))[0]![0];
      for (const use of uses.filter((u) => u.word !== usual)) {
        const fix = use.phrase.replace(/(時点|現在)$/, usual);
        report({
          file: use.text.file, at: use.text.at, code: 'mixed-forms', severity: 'warning',
          message: {
            en: `"${use.phrase}": the other as-of dates say "${usual}"; write one form: "${fix}"`,
            ja: `「${use.phrase}」: ほかの時点表記は「${usual}」です。表記を統一してください:「${fix}」`,
          },
          found: use.phrase,
          expected: { en: fix, ja: fix },
        });
      }
    }
  },
};
