/**
 * Pass 8: glossary.
 *
 * Finds parenthetical glosses, a term followed by its rendering in parentheses, in the normalised text
 * (NFKC: full-width parentheses are ASCII). The term is whatever stands before the parenthesis; the gloss is
 * what is inside, whichever script comes first:
 *
 *   抑止均衡論(Deterrence Equilibrium theory)   ジョン・スミス(John Smith)   Keen Sword 2024(日米共同統合演習)
 *   ミサイル防衛(MD)   Revolution in Military Affairs (RMA)   チュチェ型経済(主体型経済)
 *   「ABBR:Expansion(Japanese gloss)」 → (ABBR, Expansion) and (Expansion, Japanese gloss)
 *
 * Most parentheses are no gloss: numbering (1), years (2023), footnote references (注3), asides (笑), (略),
 * (以下、…と記す), clarifications such as 同盟(プラス日本). A pair is kept only when the two sides are a
 * rendering of each other, which is judged by script: Japanese against Latin, Cyrillic or Hangul; Latin against an
 * acronym that its initials spell; Japanese against Japanese only when the two share a suffix and the parts
 * before it are katakana on one side and kanji on the other (a transliteration against a translation).
 *
 * Term boundaries: a run of katakana, kanji and ・ (stopping at hiragana, punctuation, brackets and digits),
 * or a run of Latin words; inside 「…」 or 『…』 that the parenthesis closes, the whole bracketed phrase.
 *
 * One global scan for parentheses; every other step looks at a bounded window around one of them, so the
 * pass is linear in the text.
 */
import { findDates } from './07-find-dates.ts';

export interface FoundGloss {
  /** text.slice(termSpan.start, termSpan.end) */
  term: string;
  /** text.slice(glossSpan.start, glossSpan.end) */
  gloss: string;
  termSpan: { start: number; end: number };
  glossSpan: { start: number; end: number };
}

interface Range {
  start: number;
  end: number;
}

/** A parenthesis without nesting and on one line; longer ones are clauses, not glosses. */
const PAREN = /\(([^()\n]{1,160})\)/g;
/** How far back a bracketed term, a katakana/kanji run or a Latin run may reach (UTF-16 units). */
const MAX_BRACKET_TERM = 40;
const MAX_LATIN_RUN = 200;
/** Words in a Latin gloss: more is a clause. Acronym expansions may be longer (C4ISR spells five words and more). */
const MAX_GLOSS_WORDS = 8;
const MAX_EXPANSION_WORDS = 12;
/** Characters in a Japanese gloss: more is a clause. */
const MAX_JA_GLOSS = 25;

// ---------------------------------------------------------------------------------------------------------
// Character classes on UTF-16 code units (the scan never builds substrings to classify a character).

const isKatakanaCode = (c: number): boolean => (c >= 0x30a1 && c <= 0x30fc) || (c >= 0x31f0 && c <= 0x31ff); // with ・ ー
const isKanjiCode = (c: number): boolean =>
  (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff) || c === 0x3005 || c === 0x3006 ||
  (c >= 0xd840 && c <= 0xd87f) || (c >= 0xdc00 && c <= 0xdfff); // Extension B and later, as surrogate halves
const isHiraganaCode = (c: number): boolean => c >= 0x3041 && c <= 0x309f;
const isJapaneseTermCode = (c: number): boolean => isKatakanaCode(c) || isKanjiCode(c);
const isLatinLetterCode = (c: number): boolean =>
  (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) || (c >= 0x400 && c <= 0x4ff);
const isDigitCode = (c: number): boolean => c >= 0x30 && c <= 0x39;
/** Inside a Latin term run: letters, digits, spaces and the punctuation of names (Keen Sword 2024, A2/AD, O'Neill). */
const isLatinRunCode = (c: number): boolean =>
  isLatinLetterCode(c) || isDigitCode(c) || c === 0x20 || c === 0x2d || c === 0x27 || c === 0x2019 || c === 0x2e || c === 0x26 || c === 0x2f || c === 0x2c;

const HAS_JAPANESE = /[\u3041-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3005]/;
const HAS_LATIN = /[A-Za-z\u00c0-\u024f]/;
const HAS_CYRILLIC = /[\u0400-\u04ff]/;
const HAS_HANGUL = /[\uac00-\ud7af\u1100-\u11ff\u3130-\u318f]/;
const ALL_KATAKANA = /^[\u30a1-\u30fc\u31f0-\u31ff]+$/;
const ALL_KANJI = /^(?:[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3005\u3006]|[\ud840-\ud87f][\udc00-\udfff])+$/;
const ALL_HIRAGANA = /^[\u3041-\u309f・ー]+$/;

/** Latin, Cyrillic and Hangul are "foreign": a Japanese term glossed in one of them is a rendering. */
type Script = 'ja' | 'latin' | 'cyrillic' | 'hangul' | 'mixed';

function scriptOf(s: string): Script {
  const ja = HAS_JAPANESE.test(s);
  const latin = HAS_LATIN.test(s);
  const cyrillic = HAS_CYRILLIC.test(s);
  const hangul = HAS_HANGUL.test(s);
  const count = Number(ja) + Number(latin) + Number(cyrillic) + Number(hangul);
  if (count !== 1) return 'mixed';
  return ja ? 'ja' : latin ? 'latin' : cyrillic ? 'cyrillic' : 'hangul';
}
const isForeign = (s: Script): boolean => s === 'latin' || s === 'cyrillic' || s === 'hangul';

// ---------------------------------------------------------------------------------------------------------
// What is not a gloss

const NUMBERING = /^(?:[\d\s.,:;\-–~〜/+%]+|[a-zA-Z]|[ivxlc]{1,5}|[IVXLC]{1,5}|[①-⑳])$/;
const NOTE_REFERENCE = /^(?:注|註|脚注|原注|訳注|補注|図|表|資料|写真|note|notes|n\.|fn\.?|fig\.?|table|see)\s*\d+[a-z]?$/i;
const BIBLIO = /^(?:No|Vol|pp?|Nr|Art|ch)\.\s*\d/i;
/** Author-year citations: (Walt, 1987), (Snyder and Diesing 1977: 12), (Mearsheimer et al. 2001). */
const CITATION = /^[A-Z][\p{L}'’-]+(?:,? (?:and|&) [A-Z][\p{L}'’-]+| et al\.?)?,? (?:1[89]|20)\d\d[a-z]?(?:[,:] ?(?:pp?\. ?)?\d+(?:[-–]\d+)?)?$/u;
/** Editorial asides that open a parenthesis in Japanese prose. */
const JA_ASIDE = /^(?:以下|筆者|引用者|拙訳|仮訳|訳注|原文|ママ|略|笑|同上|同|前掲|参照|傍点|強調|注|註|仮称|当時|現在|詳細|例え|例:|下線|太字|括弧内)/;
/** A Japanese clause rather than a name: it ends like a predicate. */
const JA_PREDICATE = /(?:する|した|される|された|している|いる|いた|ある|あった|です|ます|ない|なかった|だ|だった|れる|られる|という|とする|と記す|と呼ぶ|を指す|のこと)$/;
const EN_ASIDE =
  /^(?:e\.g\.|i\.e\.|cf\.|op\. cit|sic|ibid\.?|et al\.?|see |emphasis|translated|translation|author['’]?s? |original|eds?\.|trans\.|hereafter|hereinafter|formerly|now |then |aka |also |or |and |with |for |from |of |in |at |on |by )/i;
const UNIT = /^(?:km|kg|t|m|mm|cm|nm|kt|Mt|USD|JPY|RUB|KRW|US\$|\$|%|ha|GW|MW)$/i;
const LINK = /^(?:https?:|www\.)|@|\.(?:com|org|net|gov|ru|jp|kr)\b/i;
const DATE_HINT = /[\d年]/;
const JA_CLAUSE_PUNCT = /[。、;；!?！？]/;

/** Whether the parenthesised text can be a gloss at all, whatever the term. */
function isGlossLike(gloss: string): boolean {
  if (!gloss || JA_CLAUSE_PUNCT.test(gloss)) return false;
  if (NUMBERING.test(gloss) || NOTE_REFERENCE.test(gloss) || BIBLIO.test(gloss) || UNIT.test(gloss) || LINK.test(gloss)) return false;
  // Every date has a digit or a 年 (令和元年); most glosses have neither, and skip the date scan.
  if (DATE_HINT.test(gloss) && findDates(gloss).length > 0) return false;
  if (!HAS_JAPANESE.test(gloss) && !HAS_LATIN.test(gloss) && !HAS_CYRILLIC.test(gloss) && !HAS_HANGUL.test(gloss)) return false;
  return true;
}

function isForeignGlossOk(gloss: string, maxWords: number): boolean {
  if (CITATION.test(gloss) || EN_ASIDE.test(gloss)) return false;
  if (!/^[\p{L}\p{N}]/u.test(gloss)) return false;
  return wordCount(gloss) <= maxWords;
}

function isJapaneseGlossOk(gloss: string): boolean {
  if (gloss.length > MAX_JA_GLOSS || JA_ASIDE.test(gloss) || JA_PREDICATE.test(gloss)) return false;
  // Kana alone is a reading (窺(うかが)える), not a rendering.
  return !ALL_HIRAGANA.test(gloss);
}

const wordCount = (s: string): number => s.split(/\s+/).filter(Boolean).length;

// ---------------------------------------------------------------------------------------------------------
// Acronyms

/** RMA, C4ISR, A2/AD, ICBMs, U.S., C3: a capital, then at least one more capital or digit, no spaces. */
function isAcronym(s: string): boolean {
  if (!/^[A-Z][A-Za-z0-9&/\-.]{1,11}$/.test(s)) return false;
  let strong = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 0x41 && c <= 0x5a) || isDigitCode(c)) strong++;
  }
  return strong >= 2;
}

const isAlnumCode = (c: number): boolean => isLatinLetterCode(c) || isDigitCode(c);
const lowerAt = (s: string, i: number): string => s[i]!.toLowerCase();

/**
 * The stricter reading tried first: each letter of the acronym is the initial of a word, walking backwards,
 * connector words (of, and, the …) skipped when they do not supply a letter. Words split at spaces, hyphens
 * and slashes (Anti-Access/Area Denial → A2/AD). -1 when the initials do not spell it.
 */
function findByInitials(s: string, text: string, from: number, to: number): number {
  const words: { start: number; initial: string; word: string }[] = [];
  const re = /[^\s\-/,;:]+/g;
  const slice = text.slice(from, to);
  let m: RegExpExecArray | null;
  while ((m = re.exec(slice))) words.push({ start: from + m.index, initial: m[0][0]!.toLowerCase(), word: m[0].toLowerCase() });
  let w = words.length - 1;
  let start = -1;
  for (let si = s.length - 1; si >= 0; si--) {
    const c = s[si]!;
    if (!isAlnumCode(c.charCodeAt(0))) continue;
    while (w >= 0 && words[w]!.initial !== c && CONNECTORS.has(words[w]!.word)) w--;
    if (w < 0 || words[w]!.initial !== c) return -1;
    start = words[w]!.start;
    w--;
  }
  return start;
}

/** A digit after a letter repeats it: C4ISR → CCCCISR (Command, Control, Communications, Computers, …), A2/AD → AA/AD. */
function expandAcronym(short: string): string {
  return short.replace(/([A-Za-z])([2-5])(?![0-9])/g, (_, letter: string, n: string) => letter.repeat(Number(n)));
}

/**
 * Where the long form of `short` starts in `text[from, to)`, or -1 (Schwartz & Hearst 2003): walking both
 * backwards, every letter of the acronym must be found in order, its first letter at the start of a word.
 * Any other digit of the acronym may be missing from the long form. Words are split at spaces only, so
 * that a compound keeps its head (A2/AD → Anti-Access/Area Denial, not Area Denial).
 */
function findLongFormStart(short: string, text: string, from: number, to: number): number {
  const s = expandAcronym(short).toLowerCase();
  const byInitials = findByInitials(s, text, from, to);
  if (byInitials >= 0) return byInitials;
  let firstAlnum = 0;
  while (firstAlnum < s.length && !isAlnumCode(s.charCodeAt(firstAlnum))) firstAlnum++;
  let li = to - 1;
  for (let si = s.length - 1; si >= firstAlnum; si--) {
    const c = s[si]!;
    if (!isAlnumCode(c.charCodeAt(0))) continue;
    const first = si === firstAlnum;
    let j = li;
    while (j >= from && (lowerAt(text, j) !== c || (first && j > from && text[j - 1] !== ' '))) j--;
    if (j < from) {
      if (isDigitCode(c.charCodeAt(0))) continue;
      return -1;
    }
    li = j - 1;
  }
  return li + 1;
}

// ---------------------------------------------------------------------------------------------------------
// Terms

function trimRange(text: string, start: number, end: number): Range {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}

const OPENERS: Record<string, string> = { '「': '」', '『': '』' };
const CLOSERS: Record<string, string> = { '」': '「', '』': '『' };
/** A bracketed phrase with these is a clause (subject, object, predicate), not a term. */
const CLAUSE_IN_BRACKET = /[、。はがをへ]|です|ます|する|した/;

/**
 * The bracketed phrase that the parenthesis at `open` ends: 「戦略的忍耐の放棄(…)」 → 戦略的忍耐の放棄. Only
 * when the bracket closes right after the parenthesis: then everything inside it is the term.
 */
function bracketTermBefore(text: string, open: number, close: number): Range | null {
  let after = close + 1;
  while (text[after] === ' ') after++;
  const closer = text[after];
  if (!closer || !CLOSERS[closer]) return null;
  const opener = CLOSERS[closer]!;
  for (let k = open - 1; k >= 0 && k >= open - MAX_BRACKET_TERM; k--) {
    const ch = text[k]!;
    if (ch === opener) {
      const range = trimRange(text, k + 1, open);
      if (range.end === range.start) return null;
      const inner = text.slice(range.start, range.end);
      // A Latin phrase (RMA:Revolution in …) may hold what a Japanese clause may not.
      if (HAS_JAPANESE.test(inner) && CLAUSE_IN_BRACKET.test(inner)) return null;
      return range;
    }
    if (ch === '\n' || ch === '。' || CLOSERS[ch] || OPENERS[ch] || ch === '(' || ch === ')') return null;
  }
  return null;
}

/** 『チュチェ思想』(…): the term is the whole bracketed phrase just before the parenthesis. */
function bracketedBefore(text: string, end: number): Range | null {
  const closer = text[end - 1];
  if (!closer || !CLOSERS[closer]) return null;
  const opener = CLOSERS[closer]!;
  for (let k = end - 2; k >= 0 && k >= end - 1 - MAX_BRACKET_TERM; k--) {
    const ch = text[k]!;
    if (ch === opener) {
      const range = trimRange(text, k + 1, end - 1);
      const inner = text.slice(range.start, range.end);
      if (!inner || (HAS_JAPANESE.test(inner) && CLAUSE_IN_BRACKET.test(inner))) return null;
      return range;
    }
    if (ch === '\n' || ch === '。' || CLOSERS[ch] || OPENERS[ch]) return null;
  }
  return null;
}

const COUNTERS = '年月日次回期号条代世度';

/**
 * An initial between middle dots belongs to a katakana name (マリア・K・イワノワ, ジョン・F.・ケネディ): when
 * `k` starts "・…" and "カナ・K" or "カナ・K." ends before it, the length of "・K" / "・K."; else 0.
 */
function initialBefore(text: string, k: number): number {
  if (text[k] !== '・') return 0;
  const m = /・[A-Z]\.?$/.exec(text.slice(Math.max(0, k - 3), k));
  if (!m) return 0;
  const before = text.charCodeAt(k - m[0].length - 1);
  return isKatakanaCode(before) && before !== 0x30fb ? m[0].length : 0;
}

/** The katakana/kanji/・ run that ends at `end`; empty when it is longer than any term (and the scan stops there). */
function japaneseRunBefore(text: string, end: number): Range {
  let k = end;
  const limit = end - MAX_BRACKET_TERM;
  for (;;) {
    while (k > 0 && isJapaneseTermCode(text.charCodeAt(k - 1))) {
      if (--k < limit) return { start: end, end };
    }
    const initial = initialBefore(text, k);
    if (!initial) break;
    k -= initial;
  }
  // The low half of a pair whose high half is no ideograph (an emoji) is not part of the run.
  const c = text.charCodeAt(k);
  if (c >= 0xdc00 && c <= 0xdfff) k++;
  // A middle dot or a long-vowel mark cannot open a term, nor a middle dot end one (A・B・(…) is an open
  // series); nor can the counter of a number before it open one (2023年国防報告書 → 国防報告書, 第2次政権 → 政権).
  let e = end;
  while (e > k && text[e - 1] === '・') e--;
  while (k < e && (text[k] === '・' || text[k] === 'ー')) k++;
  if (k < e && isDigitCode(text.charCodeAt(k - 1)) && COUNTERS.includes(text[k]!)) k++;
  return { start: k, end: e };
}

/** The Latin (or Cyrillic) run that ends at `end`: words, digits, spaces, name punctuation, commas. */
function latinRunBefore(text: string, end: number): Range {
  let k = end;
  const limit = Math.max(0, end - MAX_LATIN_RUN);
  while (k > limit && isLatinRunCode(text.charCodeAt(k - 1))) k--;
  const range = trimRange(text, k, end);
  // Leading punctuation belongs to what came before (…, the Balance…).
  while (range.start < range.end && !isAlnumCode(text.charCodeAt(range.start))) range.start++;
  return range;
}

const CONNECTORS = new Set(['of', 'in', 'on', 'for', 'and', 'the', 'de', 'du', 'des', 'der', 'von', 'van', 'la', 'le', 'al', 'to', '&']);
const ARTICLES = new Set(['The', 'A', 'An']);

interface Word {
  start: number;
  end: number;
  text: string;
}

function wordsIn(text: string, range: Range): Word[] {
  const words: Word[] = [];
  const re = /\S+/g;
  const slice = text.slice(range.start, range.end);
  let m: RegExpExecArray | null;
  while ((m = re.exec(slice))) words.push({ start: range.start + m.index, end: range.start + m.index + m[0].length, text: m[0] });
  return words;
}

const isCapitalised = (w: string): boolean => /^[\p{Lu}\p{N}]/u.test(w);

/**
 * In English prose the Latin run before a parenthesis is the whole clause; the term is its tail of
 * capitalised words (with connectors between them), plus one lower-case head noun at the end
 * (Balance of Threat theory, the Juche idea → Juche idea).
 */
function titleCaseTail(text: string, range: Range): Range | null {
  const words = wordsIn(text, range);
  if (words.length === 0) return null;
  let i = words.length - 1;
  let take = i;
  if (!isCapitalised(words[i]!.text)) i--;
  while (i >= 0) {
    const w = words[i]!.text.replace(/[,.]$/, '');
    if (w !== words[i]!.text && i !== words.length - 1) break; // a comma or full stop ends the phrase
    if (isCapitalised(w)) {
      take = i;
      i--;
    } else if (CONNECTORS.has(w) && i > 0 && isCapitalised(words[i - 1]!.text)) {
      i--;
    } else break;
  }
  while (take < words.length - 1 && ARTICLES.has(words[take]!.text)) take++;
  return { start: words[take]!.start, end: words[words.length - 1]!.end };
}

/** Whether the Latin run stands inside Japanese prose (then all of it is the term) rather than English prose. */
function isEmbedded(text: string, run: Range): boolean {
  let k = run.start;
  while (k > 0 && text[k - 1] === ' ') k--;
  const before = k > 0 ? text.charCodeAt(k - 1) : 0x0a;
  const embeddedAfter = isJapaneseTermCode(before) || isHiraganaCode(before) || '「『、。・:：'.includes(String.fromCharCode(before));
  return embeddedAfter && wordCount(text.slice(run.start, run.end)) <= MAX_GLOSS_WORDS;
}

// ---------------------------------------------------------------------------------------------------------
// Pairing

/** ABBR:Expansion, the abbreviation opening a bracketed term. */
const ABBR_COLON = /^([A-Z][A-Za-z0-9&/\-.]{1,11}) ?: ?(?=\S)/;

/** A name given in Latin letters: capitalised words or initials, no connectors (John Smith, A. B. Jones). */
function isProperName(gloss: string): boolean {
  if (isAcronym(gloss)) return false;
  const words = gloss.split(/\s+/);
  return words.length <= 5 && words.every((w) => /^[\p{Lu}][\p{L}'’.\-]*$/u.test(w));
}

/** Posts that stand before a bare surname in Japanese prose (general vocabulary of the genre). */
const POST_BEFORE_NAME = /(?:相|長官|大使|教授|大統領|首相|議員|研究員|司令官|書記|主席|報道官|議長|代表|委員|将軍|元帥|大将|中将|少将|大佐|博士|記者)$/;

/**
 * A katakana name after its post or affiliation (国防相セルゲイ・イワノフ(Sergei Ivanov)) is glossed alone:
 * the kanji before it are not part of what the Latin renders.
 */
function trimToKatakanaName(text: string, term: Range, gloss: string): Range {
  let k = term.end;
  for (;;) {
    while (k > term.start && isKatakanaCode(text.charCodeAt(k - 1))) k--;
    const initial = initialBefore(text, k);
    if (!initial || k - initial <= term.start) break;
    k -= initial;
  }
  while (k < term.end && (text[k] === '・' || text[k] === 'ー')) k++;
  if (k === term.start || k === term.end || !isKanjiCode(text.charCodeAt(k - 1)) || !isProperName(gloss)) return term;
  const name = text.slice(k, term.end);
  const words = wordCount(gloss);
  // A dotted katakana run against several Latin words is a person's name; a single word needs a post before
  // it to be one (国防相カルポフ), else it is the tail of a compound (大陸間弾道ミサイル, 聯合ニュース).
  if (name.includes('・') ? words >= 2 : words === 1 && POST_BEFORE_NAME.test(text.slice(term.start, k))) {
    return { start: k, end: term.end };
  }
  return term;
}

/**
 * Japanese against Japanese: チュチェ型経済(主体型経済). They must share a suffix, and what precedes it must be
 * katakana on one side and kanji on the other. Returns the term, cut to the part the gloss renders, or null.
 */
function matchScriptVariant(text: string, term: Range, gloss: Range): Range | null {
  const t = text.slice(term.start, term.end);
  const g = text.slice(gloss.start, gloss.end);
  let shared = 0;
  while (shared < t.length && shared < g.length && t[t.length - 1 - shared] === g[g.length - 1 - shared]) shared++;
  if (shared === 0) return null;
  const glossHead = g.slice(0, g.length - shared);
  const termHeadEnd = term.end - shared;
  if (!glossHead || termHeadEnd <= term.start) return null;
  const wantKatakana = ALL_KANJI.test(glossHead);
  if (!wantKatakana && !ALL_KATAKANA.test(glossHead)) return null;
  // The term's head: its own trailing run of the other script (a word before it is context, not the term).
  let k = termHeadEnd;
  const inScript = (c: number): boolean => (wantKatakana ? isKatakanaCode(c) : isKanjiCode(c));
  while (k > term.start && inScript(text.charCodeAt(k - 1))) k--;
  if (k === termHeadEnd) return null;
  while (k < termHeadEnd && text[k] === '・') k++;
  return { start: k, end: term.end };
}

interface Pair {
  term: Range;
  gloss: Range;
}

/** Splits "BMD: Ballistic Missile Defense", "Ballistic Missile Defense, BMD" into the acronym and its expansion. */
function splitAcronymGloss(text: string, gloss: Range): { acronym: Range; expansion: Range } | null {
  const g = text.slice(gloss.start, gloss.end);
  const colon = g.indexOf(':');
  const comma = g.lastIndexOf(',');
  for (const at of [colon, comma]) {
    if (at <= 0) continue;
    const left = trimRange(text, gloss.start, gloss.start + at);
    const right = trimRange(text, gloss.start + at + 1, gloss.end);
    const l = text.slice(left.start, left.end);
    const r = text.slice(right.start, right.end);
    if (isAcronym(l) && wordCount(r) >= 2) return { acronym: left, expansion: right };
    if (isAcronym(r) && wordCount(l) >= 2) return { acronym: right, expansion: left };
  }
  return null;
}

/** The pairs one parenthesis gives (none, one, or two for ABBR:Expansion(gloss)). */
function pairsAt(text: string, open: number, close: number): Pair[] {
  const gloss = trimRange(text, open + 1, close);
  const glossText = text.slice(gloss.start, gloss.end);
  if (!isGlossLike(glossText)) return [];
  const glossScript = scriptOf(glossText);
  if (glossScript === 'mixed') return [];

  let termEnd = open;
  while (termEnd > 0 && text[termEnd - 1] === ' ') termEnd--;
  const pairs: Pair[] = [];

  let term = bracketTermBefore(text, open, close) ?? bracketedBefore(text, termEnd);
  const bracketed = term !== null;
  let japaneseRun = false;
  if (!term) {
    const c = text.charCodeAt(termEnd - 1);
    japaneseRun = isJapaneseTermCode(c);
    if (japaneseRun) term = japaneseRunBefore(text, termEnd);
    else if (isAlnumCode(c)) term = latinRunBefore(text, termEnd);
    else return [];
  }
  if (term.end <= term.start) return [];

  // ABBR:Expansion: the abbreviation opens the bracket, or stands just before the Latin run.
  let abbr: Range | null = null;
  const termText = text.slice(term.start, term.end);
  const colon = ABBR_COLON.exec(termText);
  if (colon && isAcronym(colon[1]!)) {
    abbr = { start: term.start, end: term.start + colon[1]!.length };
    term = { start: term.start + colon[0].length, end: term.end };
  } else if (!bracketed && isAlnumCode(text.charCodeAt(term.start))) {
    const before = /([A-Z][A-Za-z0-9&/\-.]{1,11}) ?: ?$/.exec(text.slice(Math.max(0, term.start - 16), term.start));
    if (before && isAcronym(before[1]!)) {
      const s = term.start - before[0].length;
      abbr = { start: s, end: s + before[1]!.length };
    }
  }

  // A katakana/kanji run is Japanese even with a Latin initial inside (マリア・K・イワノワ).
  let termScript = japaneseRun ? 'ja' : scriptOf(text.slice(term.start, term.end));
  if (termScript === 'mixed' && !bracketed) return [];
  if (termScript === 'mixed') termScript = 'ja'; // 「NATOの東方拡大(…)」: a Japanese phrase

  if (isForeign(termScript) && !bracketed && !abbr) {
    if (glossScript === 'latin' && isAcronym(glossText)) {
      // Revolution in Military Affairs (RMA): the long form is the shortest tail of the run that the
      // acronym's letters spell, within a window of words as long as the acronym allows.
      const words = wordsIn(text, term);
      const letters = expandAcronym(glossText).length;
      const maxWords = Math.min(letters + 5, letters * 2);
      const from = words[Math.max(0, words.length - maxWords)]?.start ?? term.start;
      const start = findLongFormStart(glossText, text, from, term.end);
      if (start < 0 || wordCount(text.slice(start, term.end)) < 2) return [];
      return [{ term: { start, end: term.end }, gloss }];
    }
    // Otherwise all of the run inside Japanese prose, its capitalised tail in English prose; a comma ends it.
    // (A bounded scan: lastIndexOf would run back through the whole text when the run has no comma.)
    let comma = term.end - 1;
    while (comma >= term.start && text[comma] !== ',') comma--;
    if (comma >= term.start) term = trimRange(text, comma + 1, term.end);
    if (!isEmbedded(text, term)) {
      const tail = titleCaseTail(text, term);
      if (!tail) return [];
      term = tail;
    }
  }
  if (term.end <= term.start) return [];

  if (abbr) {
    // The expansion must hold the abbreviation's letters in order (C4ISR: Command, Control, …), unless it is
    // Japanese (NATO:北大西洋条約機構).
    const expansion = text.slice(term.start, term.end);
    if (scriptOf(expansion) !== 'latin' || findLongFormStart(text.slice(abbr.start, abbr.end), text, term.start, term.end) >= 0) {
      pairs.push({ term: abbr, gloss: term });
    }
  }

  if (termScript === 'ja' && isForeign(glossScript)) {
    const split = glossScript === 'latin' ? splitAcronymGloss(text, gloss) : null;
    if (split) {
      if (!isForeignGlossOk(text.slice(split.expansion.start, split.expansion.end), MAX_EXPANSION_WORDS)) return pairs;
      pairs.push({ term, gloss: split.expansion }, { term: split.acronym, gloss: split.expansion });
      return pairs;
    }
    if (!isForeignGlossOk(glossText, MAX_GLOSS_WORDS)) return pairs;
    if (!bracketed) term = trimToKatakanaName(text, term, glossText);
    if (term.end - term.start < 2 || term.end - term.start > MAX_BRACKET_TERM) return pairs;
    pairs.push({ term, gloss });
  } else if (isForeign(termScript) && glossScript === 'ja') {
    if (!isJapaneseGlossOk(glossText)) return pairs;
    pairs.push({ term, gloss });
  } else if (termScript === 'ja' && glossScript === 'ja') {
    if (!isJapaneseGlossOk(glossText)) return pairs;
    const variant = matchScriptVariant(text, term, gloss);
    if (variant) pairs.push({ term: variant, gloss });
  } else if (isForeign(termScript) && isForeign(glossScript)) {
    const t = text.slice(term.start, term.end);
    if (glossScript === 'latin' && isAcronym(glossText)) {
      // Revolution in Military Affairs (RMA), when the run was embedded or bracketed.
      const start = findLongFormStart(glossText, text, term.start, term.end);
      if (start >= 0 && wordCount(text.slice(start, term.end)) >= 2) pairs.push({ term: { start, end: term.end }, gloss });
    } else if (isAcronym(t) && isForeignGlossOk(glossText, MAX_EXPANSION_WORDS)) {
      // RMA (Revolution in Military Affairs): the expansion must start where the acronym's letters do.
      const start = findLongFormStart(t, text, gloss.start, gloss.end);
      const lead = start >= 0 ? text.slice(gloss.start, start) : '';
      if (start >= 0 && (lead === '' || /^the $/i.test(lead))) pairs.push({ term, gloss });
    } else if (termScript !== glossScript && isProperName(t) && isProperName(glossText)) {
      // Михаил Соколин (Mikhail Sokolin): the same name in two alphabets.
      pairs.push({ term, gloss });
    }
  }
  return pairs;
}

/**
 * Every term = gloss pair in `text` (normalised), in reading order, identical pairs once.
 *
 * @example
 * findGlossary('…は抑止均衡論(Deterrence Equilibrium theory)に…')
 * // [{ term: '抑止均衡論', gloss: 'Deterrence Equilibrium theory', termSpan: …, glossSpan: … }]
 */
export function findGlossary(text: string): FoundGloss[] {
  const out: FoundGloss[] = [];
  const seen = new Set<string>();
  PAREN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PAREN.exec(text))) {
    const open = m.index;
    const close = open + m[0].length - 1;
    for (const { term, gloss } of pairsAt(text, open, close)) {
      if (term.start < 0 || term.end <= term.start || gloss.end <= gloss.start || gloss.end > text.length) {
        throw new RangeError(`glossary spans [${term.start}, ${term.end}) / [${gloss.start}, ${gloss.end}) are not valid in a text of length ${text.length}`);
      }
      const t = text.slice(term.start, term.end);
      const g = text.slice(gloss.start, gloss.end);
      const key = `${t}\u0000${g}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ term: t, gloss: g, termSpan: { start: term.start, end: term.end }, glossSpan: { start: gloss.start, end: gloss.end } });
    }
  }
  return out;
}
