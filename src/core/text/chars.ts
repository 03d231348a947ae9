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

/**
 * Old and variant forms of kanji that names are written in (旧字体 and 異体字: 澤, 邊, 齋, 髙, 﨑) and the common form
 * each stands for: one person is 赤澤 on a ministry's page and 赤沢 in a headline. Only characters that are the
 * same character written two ways; no two different surnames fold together.
 */
const KANJI_VARIANTS: Record<string, string> = {
  澤: '沢', 濱: '浜', 邊: '辺', 邉: '辺', 齋: '斎', 齊: '斉', 髙: '高', 﨑: '崎', 嵜: '崎', 廣: '広', 國: '国', 圀: '国',
  櫻: '桜', 關: '関', 德: '徳', 眞: '真', 惠: '恵', 瀨: '瀬', 會: '会', 實: '実', 晉: '晋', 藏: '蔵', 壽: '寿', 榮: '栄',
  條: '条', 圓: '円', 學: '学', 萬: '万', 豐: '豊', 禮: '礼', 鐵: '鉄', 黑: '黒', 淺: '浅', 來: '来', 兒: '児', 靜: '静',
  嶋: '島', 嶌: '島', 槇: '槙', 曾: '曽', 驒: '騨', 檜: '桧', 峯: '峰', 龜: '亀', 緖: '緒', 彌: '弥', 橫: '横', 拔: '抜',
  賴: '頼', 稻: '稲', 澁: '渋', 絲: '糸', 戶: '戸', 增: '増',
};
const KANJI_VARIANT_RE = new RegExp(`[${Object.keys(KANJI_VARIANTS).join('')}]`, 'g');
const HAS_KANJI_VARIANT = new RegExp(KANJI_VARIANT_RE.source);

/** `s` with old and variant kanji in their common form (赤澤 → 赤沢), and NFKC's compatibility forms undone first. */
export function foldKanjiVariants(s: string): string {
  let out = folded.get(s);
  if (out !== undefined) return out;
  const n = s.normalize('NFKC');
  out = HAS_KANJI_VARIANT.test(n) ? n.replace(KANJI_VARIANT_RE, (c) => KANJI_VARIANTS[c]!) : n;
  // (Names and surnames recur: remembered, up to a bound.)
  if (folded.size >= 4096) folded.clear();
  folded.set(s, out);
  return out;
}
const folded = new Map<string, string>();
