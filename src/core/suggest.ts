/**
 * "Did you mean …?" for unknown names (zones, regions, hardware models, spec keys): candidates that
 * contain the query, then the nearest by edit distance (Levenshtein) on normalised text.
 */

/** Lower-case, punctuation and spacing folded, so `A100-SXM4 80GB` and `a100 sxm4 80gb` agree. */
export const normalizeName = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] as number;
}

export function closestNames(query: string, candidates: readonly string[], limit = 3): string[] {
  const q = normalizeName(query);
  if (q === '') return [];
  const scored = candidates.map((name) => {
    const n = normalizeName(name);
    // A containing match is nearer than any edit distance: score it below zero.
    const score =
      n.includes(q) || q.includes(n) ? -1 / (1 + Math.abs(n.length - q.length)) : editDistance(q, n);
    return { name, score };
  });
  const cutoff = Math.max(2, Math.floor(q.length / 2));
  return scored
    .filter((s) => s.score <= cutoff)
    .sort((a, b) => a.score - b.score || a.name.localeCompare(b.name))
    .slice(0, limit)
    .map((s) => s.name);
}

/** ` (did you mean X, Y?)` or the empty string. */
export function didYouMean(query: string, candidates: readonly string[]): string {
  const near = closestNames(query, candidates);
  return near.length > 0 ? ` (did you mean ${near.join(', ')}?)` : '';
}
