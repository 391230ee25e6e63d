// "Did you mean …?": the closest allowed word to a misspelt key, file name, section id or prefecture.
// Content editors mistype in predictable ways (fiscal_year for fiscalYear, sistercities for sister-cities, kr for
// ko, 宮城 for 宮城県), so case, separators and a missing suffix are forgiven before counting edits.

/** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours cost 1. */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  const rows = x.length + 1;
  const cols = y.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[rows - 1]![cols - 1]!;
}

const normalise = (word: string) => word.normalize('NFKC').toLowerCase().replace(/[-_\s.]/g, '');

/**
 * The candidate closest to `word`, or undefined when none is close enough to be a plausible typo: at most one
 * edit for short words, about one edit in three letters for longer ones.
 */
export function didYouMean(word: string, candidates: Iterable<string>): string | undefined {
  if (word.length > 200) return undefined; // a pasted paragraph is not a typo, and distance is quadratic
  const target = normalise(word);
  let best: string | undefined;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    if (candidate === word) continue;
    const normal = normalise(candidate);
    let score: number;
    if (normal === target) score = 0;
    else if (target.length >= 2 && (normal.startsWith(target) || target.startsWith(normal))) score = 0.5 + Math.abs(normal.length - target.length) / 10;
    else score = editDistance(target, normal);
    const allowed = Math.max(1, Math.floor(Math.max(normal.length, target.length) / 3));
    if (score <= allowed && score < bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}
