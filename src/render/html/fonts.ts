// Embedded web fonts: the rendered page is read back to find every character it shows, in which language and
// weight; the typesetter routes each character to a face (Hangul in Japanese text to the Korean face, …) and
// cuts a WOFF2 subset of each face holding only those glyphs. Reading the page rather than the view model means
// a word a staff member types into a template gets its glyphs too.
//
// Weight follows the markup, not the stylesheet: text inside h1–h6, th, caption, dt, strong or b (or an SVG
// element with font-weight="bold") is bold, everything else regular. templates/style.css keeps to the same rule (a browser test checks it), so the bold
// faces only carry the glyphs bold text needs.
import type { Typesetter, WebFont } from '../../typeset/index.js';
import { decodeEntities } from './svg.js';

export const BOLD_ELEMENTS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'th', 'caption', 'dt', 'strong', 'b']);
/** SVG charts mark bold text with a presentation attribute. */
const BOLD_ATTRIBUTE = /\sfont-weight\s*=\s*["']?(bold|bolder|[6-9]00)\b/i;
const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
/** Elements whose text the reader never sees set in the page's fonts. */
const UNSEEN_ELEMENTS = new Set(['head', 'title', 'style', 'script', 'template', 'rp']);

export interface TextSpan {
  text: string;
  lang: string;
  bold: boolean;
}

/** The visible text of an HTML page, as spans with the language and weight it is shown in. */
export function textSpans(html: string, rootLang: string): TextSpan[] {
  const spans: TextSpan[] = [];
  const stack: { tag: string; lang: string; bold: boolean; unseen: boolean }[] = [{ tag: '#root', lang: rootLang, bold: false, unseen: false }];
  const tagPattern = /<!--[\s\S]*?-->|<!DOCTYPE[^>]*>|<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s=/>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*(\/?)>/g;
  let last = 0;
  const pushText = (raw: string) => {
    const top = stack[stack.length - 1]!;
    if (top.unseen || raw === '') return;
    const text = decodeEntities(raw).replace(/\s+/g, ' ');
    if (text.trim() === '') return;
    spans.push({ text, lang: top.lang, bold: top.bold });
  };
  for (let match = tagPattern.exec(html); match; match = tagPattern.exec(html)) {
    pushText(html.slice(last, match.index));
    last = match.index + match[0].length;
    const [, closing, rawTag, attributes = '', selfClosing] = match;
    if (!rawTag) continue; // comment or doctype
    const tag = rawTag.toLowerCase();
    if (closing) {
      const at = stack.map((s) => s.tag).lastIndexOf(tag);
      if (at > 0) stack.length = at;
      continue;
    }
    if (VOID_ELEMENTS.has(tag) || selfClosing) continue;
    const top = stack[stack.length - 1]!;
    const lang = /\slang\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(attributes);
    stack.push({
      tag,
      lang: lang ? (lang[1] ?? lang[2] ?? lang[3] ?? top.lang) : top.lang,
      bold: top.bold || BOLD_ELEMENTS.has(tag) || BOLD_ATTRIBUTE.test(attributes),
      unseen: top.unseen || UNSEEN_ELEMENTS.has(tag),
    });
  }
  pushText(html.slice(last));
  return spans;
}

/** Characters a stylesheet draws itself (list markers, ※, counters): every quoted string in it. */
export function stylesheetCharacters(css: string): string {
  const chars = new Set<string>();
  for (const match of css.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(/"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'/g)) {
    const body = (match[1] ?? match[2] ?? '').replace(/\\([0-9a-fA-F]{1,6})\s?/g, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)));
    for (const char of body) if (char !== '\\') chars.add(char);
  }
  return [...chars].sort().join('');
}

export interface EmbeddedFace {
  faceId: string;
  family: string;
  weight: 'normal' | 'bold';
  characters: string;
  bytes: number;
}

/** unicode-range of a set of characters, as compact ranges: U+20-21,U+3042,… */
export function unicodeRange(characters: string): string {
  const points = [...new Set([...characters].map((c) => c.codePointAt(0)!))].sort((a, b) => a - b);
  const ranges: string[] = [];
  for (let i = 0; i < points.length; ) {
    let j = i;
    while (j + 1 < points.length && points[j + 1] === points[j]! + 1) j++;
    const hex = (n: number) => n.toString(16).toUpperCase();
    ranges.push(i === j ? `U+${hex(points[i]!)}` : `U+${hex(points[i]!)}-${hex(points[j]!)}`);
    i = j + 1;
  }
  return ranges.join(',');
}

/**
 * Which characters each face must hold. A browser picks a font per character: the first family of the
 * element's font-family list whose @font-face covers it. So each character goes to the first face of its
 * language's stack (then of every other configured family) that has a glyph for it, exactly as the browser
 * will look for it. Mixed-script text needs no special case here: the markup already put Hangul inside
 * Japanese text into a lang="ko" span.
 */
export function charactersByFace(typesetter: Typesetter, spans: readonly TextSpan[]): Map<string, string> {
  const byStyle = new Map<string, Set<string>>();
  for (const span of spans) {
    const key = `${span.bold ? 'bold' : 'normal'}|${span.lang}`;
    let set = byStyle.get(key);
    if (!set) byStyle.set(key, (set = new Set()));
    for (const char of span.text) set.add(char);
  }
  const byFace = new Map<string, Set<string>>();
  for (const [key, chars] of [...byStyle].sort(([a], [b]) => a.localeCompare(b))) {
    const [weight, lang] = key.split('|') as ['normal' | 'bold', string];
    const faces = familyOrder(typesetter, lang).map((family) => typesetter.library.faceOf(family, weight));
    for (const char of chars) {
      if (/^[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]$/u.test(char)) continue;
      const codePoint = char.codePointAt(0)!;
      const face = faces.find((f) => typesetter.hasGlyph(f.id, codePoint));
      if (!face) continue; // tofu: the validator reports it
      let set = byFace.get(face.id);
      if (!set) byFace.set(face.id, (set = new Set()));
      set.add(char);
    }
  }
  return new Map([...byFace].sort(([a], [b]) => a.localeCompare(b)).map(([id, set]) => [id, [...set].sort().join('')]));
}

/** The families tried for a language: its stack from fonts.yaml, then every other configured family. */
export function familyOrder(typesetter: Typesetter, lang: string): string[] {
  const stack = typesetter.fontStack(lang).map((face) => face.family);
  const others = typesetter.config.faces.map((face) => face.family).filter((family) => !stack.includes(family));
  return [...new Set([...stack, ...others])];
}

let subsetCache = new WeakMap<Typesetter, Map<string, Promise<WebFont>>>();

/** Forgets the font subsets cut so far (benchmarks use it to time subsetting itself). */
export function forgetFontSubsets(): void {
  subsetCache = new WeakMap();
}

/** Subsets are cached per typesetter: two editions often need the same glyphs of a face (ja and ja-ko). */
function subset(typesetter: Typesetter, faceId: string, characters: string, quality: number | undefined): Promise<WebFont> {
  let cache = subsetCache.get(typesetter);
  if (!cache) subsetCache.set(typesetter, (cache = new Map()));
  const key = `${faceId}|${quality ?? ''}|${characters}`;
  let font = cache.get(key);
  if (!font) {
    font = typesetter.webFontSubset(faceId, characters, quality === undefined ? {} : { quality });
    font.catch(() => cache!.delete(key));
    cache.set(key, font);
    // Keep the cache small: a watch session renders the same few editions over and over.
    if (cache.size > 48) cache.delete(cache.keys().next().value!);
  }
  return font;
}

/** Each subset's WOFF2 in base64, made once: ~300 KB of fonts per page, and the same subsets serve many renders. */
const base64Of = new WeakMap<WebFont, string>();

function fontData(font: WebFont): string {
  let data = base64Of.get(font);
  if (data === undefined) base64Of.set(font, (data = font.woff2.toString('base64')));
  return data;
}

/**
 * @font-face rules for the subsets of every face the spans need, and the font-family of each language the page
 * uses. Faces are listed in a fixed order so the same page always gives the same stylesheet.
 */
export async function embedFonts(
  typesetter: Typesetter, spans: TextSpan[], languages: string[], options: { quality?: number } = {},
): Promise<{ css: string; faces: EmbeddedFace[] }> {
  const byFace = charactersByFace(typesetter, spans);
  const fonts = await Promise.all([...byFace].map(([faceId, characters]) => subset(typesetter, faceId, characters, options.quality)));
  const rules: string[] = [];
  const faces: EmbeddedFace[] = [];
  [...byFace].forEach(([faceId, characters], index) => {
    const font = fonts[index]!;
    rules.push(
      `@font-face{font-family:${JSON.stringify(font.family)};font-style:normal;font-weight:${font.weight === 'bold' ? 700 : 400};` +
        `font-display:block;src:url(data:font/woff2;base64,${fontData(font)}) format("woff2");` +
        `unicode-range:${unicodeRange(characters)}}`,
    );
    faces.push({ faceId, family: font.family, weight: font.weight, characters, bytes: font.woff2.length });
  });
  for (const lang of [...new Set(languages)].sort()) {
    const families = familyOrder(typesetter, lang).map((family) => JSON.stringify(family));
    rules.push(`:lang(${lang}){font-family:${[...families, 'sans-serif'].join(',')}}`);
  }
  return { css: rules.join('\n'), faces };
}
