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

export function splitRuns(library: FontLibrary, text: string, context: RunContext): FontRun[] {
  const config = library.config;
  const bounds = clusterBoundaries(text);
  const clusters: Cluster[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const start = bounds[i]!;
    const end = bounds[i + 1]!;
    const chars = [...text.slice(start, end)];
    const base = chars[0]!;
    clusters.push({
      start, end,
      codePoints: chars.filter((c) => !isInvisible(c)).map((c) => c.codePointAt(0)!),
      strong: !isNeutral(base),
      opening: isOpening(base),
      missing: [],
    });
  }

  const covers = (family: string, cluster: Cluster) => {
    const face = library.faceOf(family, context.weightAt(cluster.start));
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
    const face = library.faceOf(first, context.weightAt(cluster.start));
    cluster.missing = cluster.codePoints.filter((cp) => !library.hasGlyph(face, cp)).map((cp) => String.fromCodePoint(cp));
    return { family: first, lang: langs[0]! };
  };

  for (const cluster of clusters) {
    if (!cluster.strong) continue;
    const lang = stackLanguage(config, context.langAt(cluster.start));
    const char = text.slice(cluster.start, cluster.end);
    const preferred = config.scripts.find((s) => s.pattern.test(char))?.lang;
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
    const lang = stackLanguage(config, context.langAt(cluster.start));
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
    const face = library.faceOf(cluster.family!, context.weightAt(cluster.start));
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
