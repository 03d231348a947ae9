/**
 * TF-IDF vectors over n-grams and their cosine. Pure: the document frequencies come in as a function, so
 * the same code ranks in a test (a map) and over the store (rows read for one lookup).
 *
 * Weight of a gram: (1 + ln tf) · idf, with idf = ln((N + 1) / (df + 1)) + 1 (smoothed: a gram seen
 * in every claim still weighs 1, a gram the corpus has never seen weighs the most). A gram that repeats in a
 * long claim counts sublinearly, so one repeated phrase does not dominate.
 */

export type GramCounts = ReadonlyMap<string, number>;
export type Vector = ReadonlyMap<string, number>;

/**
 * How similar two claims must be to count as saying nearly the same thing (cosine, 0–1). Chosen on the
 * generated evaluation corpus (bench/paraphrases.ts, test/store/similar-eval.test.ts): at 0.5 claims that
 * share an actor and a topic crowd in (precision about 0.75); at 0.6 precision and recall are both near
 * 0.98; at 0.65 heavy paraphrases start to drop out.
 */
export const SIMILARITY_THRESHOLD = 0.6;

/** Smoothed inverse document frequency; `total` is the number of claims indexed, `df` those with the gram. */
export function idf(df: number, total: number): number {
  if (!(df >= 0) || !(total >= 0)) throw new RangeError(`idf: df (${df}) and total (${total}) must be non-negative numbers`);
  return Math.log((total + 1) / (df + 1)) + 1;
}

/** The weighted vector of a claim's grams. */
export function weigh(grams: GramCounts, idfOf: (gram: string) => number): Map<string, number> {
  const out = new Map<string, number>();
  for (const [g, tf] of grams) out.set(g, (1 + Math.log(tf)) * idfOf(g));
  return out;
}

/** Cosine of two vectors; 0 when either is empty. */
export function cosine(a: Vector, b: Vector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [g, w] of small) {
    const v = large.get(g);
    if (v !== undefined) dot += w * v;
  }
  if (dot === 0) return 0;
  let na = 0;
  let nb = 0;
  for (const w of a.values()) na += w * w;
  for (const w of b.values()) nb += w * w;
  // Rounding can put identical vectors a hair over 1.
  return Math.min(1, dot / Math.sqrt(na * nb));
}

/**
 * The `k` grams of a claim that the fewest other claims share (ties by the gram, for a stable choice): the
 * postings to read for candidates. Rare grams have short postings and are the ones a paraphrase is likely
 * to keep (names, technical terms); common ones (particles, "the") would bring in most of the corpus.
 */
export function rarestGrams(grams: GramCounts, dfOf: (gram: string) => number, k: number): string[] {
  return [...grams.keys()]
    .map((g) => ({ g, df: dfOf(g) }))
    .sort((x, y) => x.df - y.df || (x.g < y.g ? -1 : x.g > y.g ? 1 : 0))
    .slice(0, k)
    .map((x) => x.g);
}

export interface Scored<K> {
  readonly key: K;
  readonly similarity: number;
}

/**
 * The candidates at or above `threshold`, most similar first.
 *
 * @example
 * const df = new Map([['制裁', 3]]);
 * rankSimilar(gramsOf(a), [{ key: 'b', grams: gramsOf(b) }], (g) => df.get(g) ?? 0, 100);
 */
export function rankSimilar<K>(
  query: GramCounts,
  candidates: readonly { readonly key: K; readonly grams: GramCounts }[],
  dfOf: (gram: string) => number,
  total: number,
  threshold = SIMILARITY_THRESHOLD,
): Scored<K>[] {
  const idfOf = (g: string) => idf(dfOf(g), total);
  const q = weigh(query, idfOf);
  const out: Scored<K>[] = [];
  for (const c of candidates) {
    const similarity = cosine(q, weigh(c.grams, idfOf));
    if (similarity >= threshold) out.push({ key: c.key, similarity });
  }
  return out.sort((a, b) => b.similarity - a.similarity);
}
