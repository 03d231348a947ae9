/**
 * How close two phonetic keys are: a weighted edit distance turned into a similarity in [0, 1].
 *
 * Weights encode what varies between spellings of one name. Vowels vary more than consonants (Song/Sung,
 * and katakana's vowels follow English pronunciation, not spelling: Victor = ヴィクター), so vowel edits
 * are cheap, and cheaper still when one side is katakana. y and i are nearly one letter. Consonants that
 * katakana or Korean romanisation confuse (ch/t, zh/d, sh/s, h/g, k/g) cost less than other consonants.
 * The weights are symmetric, so similarity(a, b) === similarity(b, a) exactly: the dynamic programme on
 * (b, a) is the transpose of the one on (a, b) and adds the same numbers in the same order.
 */
import { isKeyVowel } from './transliterate.ts';

/** Costs per edit, for keys compared across scripts (kana: katakana, or Cyrillic against Latin) or within one. */
const COST = {
  kana: { vowelSub: 0.4, vowelIndel: 0.3 },
  // Latin spellings of one name differ in y/i, yo/e, doubled letters: all folded into the key already.
  // A vowel that still differs (Shirokov, Shirikov) is as telling as a consonant.
  latin: { vowelSub: 1, vowelIndel: 0.5 },
} as const;

// Consonant pairs one script or romanisation cannot tell apart: half a substitution, or less.
const NEAR: Record<string, number> = {
  'g|h': 0.35, 'C|t': 0.35, 'J|d': 0.35, 'S|s': 0.35, 'J|z': 0.35, 'C|J': 0.5, 'g|k': 0.5, 'd|t': 0.5,
  'p|v': 0.5, 's|z': 0.5, 'g|J': 0.5, 'h|v': 0.5,
};

function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

function substitution(a: string, b: string, kana: boolean): number {
  if (a === b) return 0;
  const va = isKeyVowel(a);
  const vb = isKeyVowel(b);
  if (va && vb) {
    if ((a === 'i' && b === 'y') || (a === 'y' && b === 'i')) return 0.15;
    return kana ? COST.kana.vowelSub : COST.latin.vowelSub;
  }
  if (va !== vb) return 2; // never cheaper than deleting one and inserting the other
  return NEAR[pairKey(a, b)] ?? 1;
}

function indel(c: string, kana: boolean): number {
  if (isKeyVowel(c)) return c === 'y' ? 0.2 : kana ? COST.kana.vowelIndel : COST.latin.vowelIndel;
  // r comes and goes with English non-rhotic spellings (-er = ー); h is often silent.
  if (c === 'r' || c === 'h') return 0.5;
  return 1;
}

/** Weighted edit distance between two keys. */
export function keyDistance(a: string, b: string, kana: boolean): number {
  const n = a.length;
  const m = b.length;
  let prev = new Float64Array(m + 1);
  let cur = new Float64Array(m + 1);
  for (let j = 1; j <= m; j++) prev[j] = prev[j - 1]! + indel(b[j - 1]!, kana);
  for (let i = 1; i <= n; i++) {
    const ai = a[i - 1]!;
    cur[0] = prev[0]! + indel(ai, kana);
    for (let j = 1; j <= m; j++) {
      const bj = b[j - 1]!;
      const del = prev[j]! + indel(ai, kana);
      const ins = cur[j - 1]! + indel(bj, kana);
      const sub = prev[j - 1]! + substitution(ai, bj, kana);
      cur[j] = Math.min(del, ins, sub);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[m]!;
}

/**
 * Similarity of two keys in [0, 1]: 1 minus the weighted distance per character of the longer key.
 *
 * @example keySimilarity('areksander', 'areksandr', false) // 0.95: one vowel more
 */
export function keySimilarity(a: string, b: string, kana: boolean): number {
  if (a === b) return 1;
  const longest = Math.max(a.length, b.length);
  if (longest === 0) return 1;
  return Math.max(0, 1 - keyDistance(a, b, kana) / longest);
}
