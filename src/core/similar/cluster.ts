/**
 * Groups of claims that say nearly the same thing, for the per-code view of agreement: every pair of claims
 * whose cosine (vector.ts, the measure of "also said by") reaches the threshold is linked, and the groups are
 * the connected components of those links (single linkage). A group joined by a chain (A ~ B, B ~ C) may hold
 * two claims that are not similar to each other; each group therefore reports its weakest and strongest link,
 * and the threshold the analyst chose decides. Pure: frequencies come in as a function, as in rankSimilar.
 *
 * Pairwise: n claims cost n²/2 cosines of vectors weighed once each (a code of 2,000 claims: 2 M cosines,
 * well under a second). The caller bounds n.
 */
import { cosine, idf, SIMILARITY_THRESHOLD, weigh, type GramCounts } from './vector.ts';

export interface SimilarLink {
  /** Indexes into the items given. */
  readonly a: number;
  readonly b: number;
  readonly similarity: number;
}

export interface SimilarGroups {
  /** Every pair at or over the threshold, a < b, most similar first. */
  readonly links: SimilarLink[];
  /** Indexes of the items, one array per group (singletons too), each in ascending order; groups in order of their first item. */
  readonly groups: number[][];
}

/**
 * @example
 * groupSimilar([gramsOf('港湾は重要だ'), gramsOf('港湾は重要である'), gramsOf('無人艇')], () => 1, 3);
 * // { links: [{ a: 0, b: 1, similarity: 0.7… }], groups: [[0, 1], [2]] }
 */
export function groupSimilar(
  items: readonly GramCounts[], dfOf: (gram: string) => number, total: number, threshold = SIMILARITY_THRESHOLD,
): SimilarGroups {
  if (!(threshold >= 0 && threshold <= 1)) throw new RangeError(`groupSimilar: threshold must be from 0 to 1, not ${threshold}`);
  const idfOf = (g: string) => idf(dfOf(g), total);
  const vectors = items.map((grams) => weigh(grams, idfOf));
  const links: SimilarLink[] = [];
  for (let a = 0; a < vectors.length; a++) {
    for (let b = a + 1; b < vectors.length; b++) {
      // Claims with nothing in common are never linked, not even at a threshold of 0.
      const similarity = cosine(vectors[a]!, vectors[b]!);
      if (similarity > 0 && similarity >= threshold) links.push({ a, b, similarity });
    }
  }
  links.sort((x, y) => y.similarity - x.similarity || x.a - y.a || x.b - y.b);

  const parent = items.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  for (const { a, b } of links) {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
  const byRoot = new Map<number, number[]>();
  for (let i = 0; i < items.length; i++) {
    const r = find(i);
    const g = byRoot.get(r) ?? [];
    g.push(i);
    byRoot.set(r, g);
  }
  return { links, groups: [...byRoot.values()].sort((x, y) => x[0]! - y[0]!) };
}
