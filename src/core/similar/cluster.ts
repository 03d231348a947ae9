/**
 * Groups of claims that say nearly the same thing, for the per-code view of agreement: every pair of claims
 * whose cosine (vector.ts, the measure of "also said by") reaches the threshold is linked, and the groups are
 * the connected components of those links (single linkage). A group joined by a chain (A ~ B, B ~ C) may hold
 * two claims that are not similar to each other; each group therefore reports its weakest and strongest link,
 * and the threshold the analyst chose decides. Pure: frequencies come in as a function, as in rankSimilar.
 *
 * Pairwise, but only over pairs that share a gram, with unit vectors weighed once each: a code of 2,000
 * claims that all share their words takes about half a second. The caller bounds n.
 */
import { idf, SIMILARITY_THRESHOLD, weigh, type GramCounts } from './vector.ts';

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
  // Unit vectors, so that a cosine is a dot product; and postings gram → (item, weight), so that only pairs
  // that share a gram are ever compared (claims with nothing in common are never linked, even at 0).
  const units = items.map((grams) => {
    const v = weigh(grams, idfOf);
    let norm = 0;
    for (const w of v.values()) norm += w * w;
    norm = Math.sqrt(norm);
    return norm > 0 ? [...v].map(([g, w]) => [g, w / norm] as const) : [];
  });
  const postings = new Map<string, { i: number; w: number }[]>();
  units.forEach((v, i) => {
    for (const [g, w] of v) {
      const list = postings.get(g);
      if (list) list.push({ i, w });
      else postings.set(g, [{ i, w }]);
    }
  });
  const links: SimilarLink[] = [];
  const dots = new Float64Array(units.length);
  const touched: number[] = [];
  for (let a = 0; a < units.length; a++) {
    for (const [g, w] of units[a]!) {
      for (const p of postings.get(g)!) {
        if (p.i <= a) continue;
        if (dots[p.i] === 0) touched.push(p.i);
        dots[p.i] += w * p.w;
      }
    }
    touched.sort((x, y) => x - y);
    for (const b of touched) {
      // Rounding can put identical vectors a hair over 1.
      const similarity = Math.min(1, dots[b]!);
      if (similarity > 0 && similarity >= threshold) links.push({ a, b, similarity });
      dots[b] = 0;
    }
    touched.length = 0;
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
