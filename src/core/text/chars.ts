/** Script classes of characters, on normalised text (NFKC: full-width ASCII is already ASCII). */

export const isKatakana = (ch: string | undefined): boolean => !!ch && /[\u30A1-\u30FA\u30FC\u31F0-\u31FF]/.test(ch);
export const isHiragana = (ch: string | undefined): boolean => !!ch && /[\u3041-\u3096\u309D\u309E]/.test(ch);
export const isKanji = (ch: string | undefined): boolean => !!ch && /[\u3005\u3006\u4E00-\u9FFF\u3400-\u4DBF\uF900-\uFAFF]|[\uD840-\uD87F][\uDC00-\uDFFF]/.test(ch);
export const isLatin = (ch: string | undefined): boolean => !!ch && /[A-Za-z\u00C0-\u024F]/.test(ch);
export const isCyrillic = (ch: string | undefined): boolean => !!ch && /[\u0400-\u04FF]/.test(ch);
export const isDigit = (ch: string | undefined): boolean => !!ch && ch >= '0' && ch <= '9';
export const isJapanese = (ch: string | undefined): boolean => isKatakana(ch) || isHiragana(ch) || isKanji(ch);

export const OPENING_BRACKETS = '「『(（[［【〈《〔“‘';
export const CLOSING_BRACKETS = '」』)）]］】〉》〕”’';
const PAIRS: Record<string, string> = {
  '「': '」', '『': '』', '(': ')', '（': '）', '[': ']', '［': '］', '【': '】', '〈': '〉', '《': '》', '〔': '〕', '“': '”', '‘': '’',
};
export const closerOf = (open: string): string | undefined => PAIRS[open];

/** The script a string is mostly written in. */
export function dominantScript(s: string): 'latin' | 'katakana' | 'kanji' | 'hiragana' | 'cyrillic' | 'digits' | 'other' {
  const counts = { latin: 0, katakana: 0, kanji: 0, hiragana: 0, cyrillic: 0, digits: 0, other: 0 };
  for (const ch of s) {
    if (isLatin(ch)) counts.latin++;
    else if (isKatakana(ch)) counts.katakana++;
    else if (isKanji(ch)) counts.kanji++;
    else if (isHiragana(ch)) counts.hiragana++;
    else if (isCyrillic(ch)) counts.cyrillic++;
    else if (isDigit(ch)) counts.digits++;
    else if (!/[\s・·.\-:,'’]/.test(ch)) counts.other++;
  }
  let best: keyof typeof counts = 'other';
  let max = 0;
  for (const [k, v] of Object.entries(counts) as [keyof typeof counts, number][]) if (v > max) { max = v; best = k; }
  return best;
}

/** Whether the text is mostly Japanese (kana and kanji) rather than Latin script. */
export function detectLanguage(text: string): 'ja' | 'en' {
  let ja = 0;
  let latin = 0;
  const sample = text.length > 20000 ? text.slice(0, 20000) : text;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c >= 0x3040 && c <= 0x30ff) || (c >= 0x4e00 && c <= 0x9fff)) ja++;
    else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) latin++;
  }
  // A Japanese character carries about as much as a Latin word; weigh accordingly.
  return ja * 3 >= latin * 0.5 && ja > 0 ? 'ja' : 'en';
}
