// Splits text into font runs: stretches set in one face. Each character goes to the first family of its
// language's stack that has a glyph for it; scripts listed in fonts.yaml (Hangul, kana) take their own
// language's stack even inside other text, so 도란도란 in a Japanese sentence gets Korean glyphs. Spaces, digits
// and punctuation belong to no script: they follow the run around them, which keeps runs long and keeps
// "(トランドラン)" in one face with its brackets.
import { clusterBoundaries, isInvisible, isNeutral, isOpening } from './characters.js';
import { stackLanguage, type Face, type Weight } from './config.js';
import type { FontLibrary } from './faces.js';

/** A stretch of the text set in one face. Offsets are UTF-16 indices into the text. */
export interface FontRun {
  start: number;
  end: number;
  text: string;
  face: Face;
  /** The language whose stack chose the face: "ko" for Hangul inside Japanese text (for HTML lang attributes). */
  lang: string;
  /** Characters no configured face can draw (they would print as tofu), in order of appearance. */
  missing: string[];
}

/** What the splitter needs to know about each position of the text. */
export interface RunContext {
  /** The language of the text at a UTF-16 offset. */
  langAt(offset: number): string;
  weightAt(offset: number): Weight;
}

interface Cluster {
  start: number;
  end: number;
  codePoints: number[];
  strong: boolean;
  opening: boolean;
  family?: string;
  lang?: string;
  missing: string[];
}

/** What the splitter asks of each character, kept per code point: a brochure repeats few characters. */
interface CharacterInfo {
  strong: boolean;
  opening: boolean;
  /** The language whose stack a script preference sends this character to, if any. */
  preferred: string | undefined;
}

/** Character facts by font configuration (the script preferences come from it), for every text it splits. */
const infoByConfig = new WeakMap<FontLibrary['config'], Map<number, CharacterInfo>>();

export function splitRuns(library: FontLibrary, text: string, context: RunContext): FontRun[] {
  const config = library.config;
  const info = infoByConfig.get(config) ?? new Map<number, CharacterInfo>();
  infoByConfig.set(config, info);
  const infoOf = (codePoint: number) => {
    let found = info.get(codePoint);
    if (!found) {
      const char = String.fromCodePoint(codePoint);
      found = { strong: !isNeutral(char), opening: isOpening(char), preferred: config.scripts.find((s) => s.pattern.test(char))?.lang };
      info.set(codePoint, found);
    }
    return found;
  };
  const stackLanguages = new Map<string, string>();
  const stackOf = (offset: number) => {
    const lang = context.langAt(offset);
    let stack = stackLanguages.get(lang);
    if (!stack) stackLanguages.set(lang, (stack = stackLanguage(config, lang)));
    return stack;
  };

  const bounds = clusterBoundaries(text);
  const clusters: Cluster[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const start = bounds[i]!;
    const end = bounds[i + 1]!;
    const base = text.codePointAt(start)!;
    const single = end - start === (base > 0xffff ? 2 : 1);
    const codePoints = single
      ? (isInvisible(String.fromCodePoint(base)) ? [] : [base])
      : [...text.slice(start, end)].filter((c) => !isInvisible(c)).map((c) => c.codePointAt(0)!);
    const { strong, opening } = infoOf(base);
    clusters.push({ start, end, codePoints, strong, opening, missing: [] });
  }

  const faces = { normal: new Map<string, Face>(), bold: new Map<string, Face>() };
  const faceOf = (family: string, offset: number) => {
    const weight = context.weightAt(offset);
    let face = faces[weight].get(family);
    if (!face) faces[weight].set(family, (face = library.faceOf(family, weight)));
    return face;
  };
  const covers = (family: string, cluster: Cluster) => {
    const face = faceOf(family, cluster.start);
    return cluster.codePoints.every((cp) => library.hasGlyph(face, cp));
  };
  const allFamilies = [...new Set(config.faces.map((face) => face.family))];
  /** First family that draws the cluster: preferred stacks, then every configured family; tofu otherwise. */
  const choose = (cluster: Cluster, langs: string[]) => {
    for (const lang of langs) {
      const family = config.stacks[lang]!.find((f) => covers(f, cluster));
      if (family) return { family, lang };
    }
    const family = allFamilies.find((f) => covers(f, cluster));
    if (family) return { family, lang: langs[0]! };
    const first = config.stacks[langs[0]!]![0]!;
    const face = faceOf(first, cluster.start);
    cluster.missing = cluster.codePoints.filter((cp) => !library.hasGlyph(face, cp)).map((cp) => String.fromCodePoint(cp));
    return { family: first, lang: langs[0]! };
  };

  for (const cluster of clusters) {
    if (!cluster.strong) continue;
    const lang = stackOf(cluster.start);
    const preferred = infoOf(text.codePointAt(cluster.start)!).preferred;
    const chosen = choose(cluster, preferred && preferred !== lang ? [preferred, lang] : [lang]);
    cluster.family = chosen.family;
    cluster.lang = chosen.lang;
  }

  // Neutral characters lean on their neighbours: opening brackets on the next strong character, the rest on
  // the character before them; when that face lacks the glyph, their own language's stack decides.
  const nextStrong: (Cluster | undefined)[] = new Array(clusters.length);
  let next: Cluster | undefined;
  for (let i = clusters.length - 1; i >= 0; i--) {
    nextStrong[i] = next;
    if (clusters[i]!.strong) next = clusters[i];
  }
  clusters.forEach((cluster, i) => {
    if (cluster.strong) return;
    const previous = clusters[i - 1];
    const neighbours = cluster.opening ? [nextStrong[i], previous] : [previous];
    const neighbour = neighbours.find((n) => n && covers(n.family!, cluster));
    if (neighbour) {
      cluster.family = neighbour.family;
      cluster.lang = neighbour.lang;
      return;
    }
    const lang = stackOf(cluster.start);
    const own = config.stacks[lang]!.find((family) => covers(family, cluster));
    if (own) {
      cluster.family = own;
      cluster.lang = lang;
    } else {
      const after = nextStrong[i];
      if (after && covers(after.family!, cluster)) {
        cluster.family = after.family;
        cluster.lang = after.lang;
      } else {
        const chosen = choose(cluster, [lang]);
        cluster.family = chosen.family;
        cluster.lang = chosen.lang;
      }
    }
  });

  const runs: FontRun[] = [];
  for (const cluster of clusters) {
    const face = faceOf(cluster.family!, cluster.start);
    const previous = runs[runs.length - 1];
    if (previous && previous.face.id === face.id && previous.lang === cluster.lang) {
      previous.end = cluster.end;
      previous.missing.push(...cluster.missing);
    } else {
      runs.push({ start: cluster.start, end: cluster.end, text: '', face, lang: cluster.lang!, missing: [...cluster.missing] });
    }
  }
  for (const run of runs) run.text = text.slice(run.start, run.end);
  return runs;
}
