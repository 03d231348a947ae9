/**
 * Claims that say nearly the same thing: character n-grams (ngrams.ts), TF-IDF weighted, compared by cosine
 * (vector.ts). Pure; the store keeps the inverted index (gram → claims) and the document frequencies.
 */
export { foldForSimilarity, gramsOf } from './ngrams.ts';
export { groupSimilar, type SimilarGroups, type SimilarLink } from './cluster.ts';
export { cosine, idf, rankSimilar, rarestGrams, SIMILARITY_THRESHOLD, weigh, type GramCounts, type Scored, type Vector } from './vector.ts';
