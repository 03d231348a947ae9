/**
 * Character n-grams of a claim's content, the terms of the similarity index. Pure.
 *
 * The text is folded first (NFKC, CJK radical forms, width, lower case: ＮＡＴＯ and nato, ⾮核化 and 非核化
 * give the same grams), then cut into runs of letters and digits; punctuation and spaces only separate runs.
 *
 * - Japanese and Chinese script (kanji, hiragana, katakana): bigrams. The languages write no spaces, and
 *   bigrams are the usual unit of Japanese retrieval: a changed particle or inflection (が → は, 強化した →
 *   強化している) touches two or three grams and leaves the rest.
 * - Everything else (Latin, Cyrillic, digits): trigrams of the word padded with a space on each side, so a
 *   word's start and end count, and an inflected form (sanction, sanctions, sanctioned) shares most of them.
 *
 * A single kanji between two non-CJK runs (e.g. "G7各国") yields the unigram, so that it is not lost.
 */
import { normalizeString } from '../text/normalize.ts';

const WORD = /[\p{L}\p{N}ー々〆ヶ]+/gu;
/** CJK radicals supplement: the only characters NFKC leaves that the project's fold changes (⺠ → 民). */
const RADICAL = /[\u2E80-\u2EFF]/;

/** Han (with extensions and compatibility ideographs), hiragana, katakana, 々 and 〆, by code point. */
function isCjk(cp: number): boolean {
  return (cp >= 0x3040 && cp <= 0x30ff) || (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf) || cp === 0x3005 || cp === 0x3006
    || (cp >= 0x31f0 && cp <= 0x31ff) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0x20000 && cp <= 0x3134f);
}

/**
 * Folds text the way the index compares it: NFKC, CJK radical forms, lower case. (The fold of
 * normalizeString also turns look-alike dots into ・, which n-grams drop with the other punctuation, so it
 * is run only when a radical form is there: this is on every candidate of every lookup.)
 */
export function foldForSimilarity(text: string): string {
  const nfkc = text.normalize('NFKC');
  return (RADICAL.test(nfkc) ? normalizeString(nfkc) : nfkc).toLowerCase();
}

/**
 * The n-grams of a text with their counts (term frequency).
 *
 * @example
 * gramsOf('制裁を強化') // Map { '制裁' => 1, '裁を' => 1, 'を強' => 1, '強化' => 1 }
 */
export function gramsOf(text: string): Map<string, number> {
  const out = new Map<string, number>();
  const add = (g: string) => out.set(g, (out.get(g) ?? 0) + 1);
  for (const m of foldForSimilarity(text).matchAll(WORD)) {
    // Code points, not UTF-16 units: a surrogate pair (a CJK Extension B kanji) is one character.
    const chars = Array.from(m[0]);
    let i = 0;
    while (i < chars.length) {
      const cjk = isCjk(chars[i]!.codePointAt(0)!);
      let j = i + 1;
      while (j < chars.length && isCjk(chars[j]!.codePointAt(0)!) === cjk) j++;
      const run = chars.slice(i, j);
      if (cjk) {
        if (run.length === 1) add(run[0]!);
        for (let k = 0; k + 1 < run.length; k++) add(run[k]! + run[k + 1]!);
      } else {
        const padded = [' ', ...run, ' '];
        for (let k = 0; k + 2 < padded.length; k++) add(padded[k]! + padded[k + 1]! + padded[k + 2]!);
      }
      i = j;
    }
  }
  return out;
}
