/**
 * Splits a person's name, in any of the scripts policy writing uses, into forenames, initials and surname.
 *
 * Order is the hard part. Russian and Western names in katakana, Latin and Cyrillic put the surname last
 * (セルゲイ・ラブロフ, Sergei Lavrov) unless something says otherwise: a comma (Lavrov, Sergei), initials
 * after a single word (Lavrov S.V.), a patronymic at the end (Лавров Сергей Викторович), a forename at the
 * end (Lavrov Sergei), or a surname in capitals (LAVROV Sergei). Korean and Chinese names keep the surname
 * first (Kim Yo-jong, キム・ヨジョン), which a list of common East Asian surnames recognises. Kanji and
 * hangul names are split only for display; they are matched as whole strings.
 */
import {
  COMMON_FORENAMES,
  EAST_ASIAN_SURNAMES_LATIN,
  JAPANESE_NAME_SUFFIXES,
  KOREAN_SURNAMES_KATAKANA,
  LATIN_SUFFIXES,
  LATIN_TITLES,
  PATRONYMIC_CYRILLIC,
  PATRONYMIC_KATAKANA,
  PATRONYMIC_LATIN,
  SURNAME_PARTICLES,
} from './name-vocabulary.ts';
import { keySimilarity } from './key-similarity.ts';
import { cyrillicToLatin, hiraganaToKatakana, katakanaToLatinKeys, latinToKey, skeletonOf } from './transliterate.ts';

export type Script = 'katakana' | 'latin' | 'cyrillic' | 'kanji' | 'hangul' | 'mixed';

/** A forename as written: a full name (Sergei, セルゲイ, Викторович) or an initial (S, Yu, L). */
export interface Forename {
  readonly text: string;
  readonly script: Script;
  readonly initial: boolean;
}

export interface ParsedName {
  readonly raw: string;
  readonly script: Script;
  /** Full forenames in written order: the forename first, then middle names and patronymics. */
  readonly given: readonly string[];
  /** Initials without their dots, in written order (A. V. Sokolov → ['A', 'V']). */
  readonly initials: readonly string[];
  /** The surname as written ('' when the name has none that could be told, e.g. only initials). */
  readonly surname: string;
  /** Every forename, full or initial, in written order: what `given` and `initials` are drawn from. */
  readonly forenames: readonly Forename[];
  /** The order the name was written in, as the parser understood it. */
  readonly order: 'given-first' | 'surname-first';
  /**
   * Another reading of the same string, when the order cannot be told (ソン・キム: Kim could be the
   * surname or the forename). Matching tries both.
   */
  readonly alternative?: ParsedName;
}

interface Token {
  text: string;
  script: Script;
  initial: boolean;
}

const KATAKANA_CHAR = /[\u30A1-\u30FA\u30FC\u31F0-\u31FF]/;
const HIRAGANA_CHAR = /[\u3041-\u3096]/;
const HAN_CHAR = /[\p{Script=Han}々〆]/u;
const HANGUL_CHAR = /\p{Script=Hangul}/u;
const CYRILLIC_CHAR = /\p{Script=Cyrillic}/u;
const LATIN_CHAR = /\p{Script=Latin}/u;

/** The script of one word; null when it has no letter of a script names are written in. */
export function detectTokenScript(text: string): Script | null {
  let han = false, hangul = false, kana = false, cyr = false, lat = false, hira = false;
  for (const ch of text) {
    if (HAN_CHAR.test(ch)) han = true;
    else if (HANGUL_CHAR.test(ch)) hangul = true;
    else if (KATAKANA_CHAR.test(ch)) kana = true;
    else if (HIRAGANA_CHAR.test(ch)) hira = true;
    else if (CYRILLIC_CHAR.test(ch)) cyr = true;
    else if (LATIN_CHAR.test(ch)) lat = true;
  }
  // Kanji, or hiragana with or without kanji, is a name written natively: matched as a whole.
  if (han || (hira && !kana)) return 'kanji';
  if (hangul) return 'hangul';
  const found = [kana, cyr, lat].filter(Boolean).length;
  if (found === 0) return hira ? 'katakana' : null;
  if (found > 1) return 'mixed';
  return kana ? 'katakana' : cyr ? 'cyrillic' : 'latin';
}

const DIGRAPH_INITIALS = new Set(['Yu', 'Ya', 'Ye', 'Yo', 'Zh', 'Kh', 'Ch', 'Sh', 'Ts', 'Iu', 'Ia', 'Sch', 'Shch']);

function isInitialPiece(piece: string, dotted: boolean): boolean {
  const letters = piece.replace(/\.$/, '');
  if (/^\p{Lu}$/u.test(letters)) return true;
  return dotted && DIGRAPH_INITIALS.has(letters);
}

/** Splits "A.V.Sokolov", "S.V." or "Yu." into initials and words. */
function splitDotted(word: string): { text: string; initial: boolean }[] {
  if (!word.includes('.')) return [{ text: word, initial: isInitialPiece(word, false) }];
  const pieces = word.match(/[^.]+\.?/g) ?? [];
  return pieces.map((p) => {
    const dotted = p.endsWith('.');
    const letters = p.replace(/\.$/, '');
    return { text: letters, initial: isInitialPiece(letters, dotted) };
  });
}

const JOINERS = /[=＝゠]/g;
const SEPARATORS = /[\s・,，、;；/]+/;

function stripJapaneseSuffixes(s: string): string {
  let out = s.trim();
  for (let changed = true; changed; ) {
    changed = false;
    for (const suffix of JAPANESE_NAME_SUFFIXES) {
      if (out.length > suffix.length && out.endsWith(suffix)) {
        const before = out.slice(0, -suffix.length).replace(/[\s・]+$/, '');
        const last = [...before].at(-1) ?? '';
        if (before && !HAN_CHAR.test(last) && !HIRAGANA_CHAR.test(last)) {
          out = before;
          changed = true;
        }
      }
    }
  }
  return out;
}

function tokenize(text: string): Token[] {
  const words = text.split(SEPARATORS).filter((w) => w !== '');
  const tokens: Token[] = [];
  for (const word of words) {
    for (const piece of splitDotted(word)) {
      const t = piece.text.replace(/^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu, '');
      if (t === '') continue;
      const script = detectTokenScript(t);
      if (script === null) continue;
      tokens.push({ text: t, script, initial: piece.initial && (script === 'latin' || script === 'cyrillic') });
    }
  }
  // Titles before and suffixes after the name are not part of it.
  while (tokens.length > 1 && !tokens[0]!.initial && LATIN_TITLES.has(tokens[0]!.text.toLowerCase())) tokens.shift();
  while (tokens.length > 1 && LATIN_SUFFIXES.has(tokens.at(-1)!.text.toLowerCase().replace(/\.$/, ''))) tokens.pop();
  // Particles join the word after them (von Hippel is one surname).
  for (let i = tokens.length - 2; i >= 0; i--) {
    const t = tokens[i]!;
    const next = tokens[i + 1]!;
    if (!t.initial && !next.initial && SURNAME_PARTICLES.has(t.text) && t.script === 'latin') {
      tokens.splice(i, 2, { text: `${t.text} ${next.text}`, script: 'latin', initial: false });
    }
  }
  return tokens;
}

const EAST_ASIAN_RANK = new Map(EAST_ASIAN_SURNAMES_LATIN.map((s, i) => [s, i]));
const KOREAN_KATAKANA_RANK = new Map(KOREAN_SURNAMES_KATAKANA.map((s, i) => [s, i]));

/** Frequency rank of a token as an East Asian surname (0 = most common), or undefined. */
function eastAsianSurnameRank(t: Token): number | undefined {
  if (t.initial) return undefined;
  if (t.script === 'katakana') return KOREAN_KATAKANA_RANK.get(hiraganaToKatakana(t.text));
  const latin = t.script === 'cyrillic' ? cyrillicToLatin(t.text) : t.script === 'latin' ? t.text : '';
  return EAST_ASIAN_RANK.get(latin.toLowerCase());
}

// One romanised Korean or pinyin syllable; a given name is one or two of them, hyphenated or not.
const SYLLABLE = '(?:[bcdfghjklmnpqrstwxyz]{0,3}[aeiouwy]{1,3}(?:ng|n|m|k|l|p|t|r)?)';
const EAST_ASIAN_GIVEN = new RegExp(`^${SYLLABLE}{1,2}$`);

function looksEastAsianGiven(t: Token): boolean {
  if (t.initial) return false;
  if (t.script === 'katakana') return [...t.text].length <= 6;
  const latin = (t.script === 'cyrillic' ? cyrillicToLatin(t.text) : t.text).toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '');
  return latin.split('-').every((part) => EAST_ASIAN_GIVEN.test(part));
}

/** Keys of the common forenames, by skeleton: a word is a forename if a key of it is close to one. */
const FORENAME_KEYS = new Map<string, string[]>();
for (const name of COMMON_FORENAMES) {
  const key = latinToKey(name);
  const list = FORENAME_KEYS.get(skeletonOf(key));
  if (list) list.push(key);
  else FORENAME_KEYS.set(skeletonOf(key), [key]);
}

/** Phonetic keys of a name word, whatever its script. */
export function tokenKeys(text: string, script: Script): string[] {
  if (script === 'katakana') return katakanaToLatinKeys(text);
  if (script === 'cyrillic') return [latinToKey(cyrillicToLatin(text))];
  if (script === 'latin') {
    // English g before e, i, y may be soft (Angela = アンジェラ = Анджела): a second key for that reading.
    const key = latinToKey(text);
    if (!/g[eiy]/i.test(text)) return [key];
    const soft = latinToKey(text.replace(/g(?=[eiy])/g, 'dzh').replace(/G(?=[eiy])/g, 'Dzh'));
    return soft === key ? [key] : [key, soft];
  }
  if (script === 'mixed') {
    // A word of mixed script is rare (a typo, or ソコロフA); key each run and join.
    const runs = text.match(/[\u30A1-\u30FC]+|\p{Script=Cyrillic}+|\p{Script=Latin}+/gu) ?? [];
    let keys = [''];
    for (const run of runs) {
      const s = detectTokenScript(run)!;
      const next = tokenKeys(run, s);
      keys = keys.flatMap((k) => next.slice(0, 8).map((n) => k + n)).slice(0, 64);
    }
    return keys.filter((k) => k !== '');
  }
  return [];
}

function isCommonForename(t: Token): boolean {
  if (t.initial) return false;
  const kana = t.script === 'katakana';
  return tokenKeys(t.text, t.script).some((k) =>
    (FORENAME_KEYS.get(skeletonOf(k)) ?? []).some((f) => keySimilarity(k, f, kana) >= 0.9));
}

function isPatronymic(t: Token): boolean {
  if (t.initial) return false;
  if (t.script === 'latin') return t.text.length >= 6 && PATRONYMIC_LATIN.test(t.text);
  if (t.script === 'cyrillic') return [...t.text].length >= 5 && PATRONYMIC_CYRILLIC.test(t.text);
  if (t.script === 'katakana') return [...t.text].length >= 5 && PATRONYMIC_KATAKANA.test(t.text);
  return false;
}

function isAllCaps(t: Token): boolean {
  return !t.initial && (t.script === 'latin' || t.script === 'cyrillic') && [...t.text].length >= 2 &&
    t.text === t.text.toUpperCase() && t.text !== t.text.toLowerCase();
}

function nameScript(tokens: readonly Token[]): Script {
  const full = tokens.filter((t) => !t.initial);
  const pool = full.length > 0 ? full : tokens;
  const scripts = new Set(pool.map((t) => t.script));
  if (scripts.size === 1) return [...scripts][0]!;
  return 'mixed';
}

function build(
  raw: string,
  script: Script,
  surname: Token | null,
  forenames: Token[],
  order: ParsedName['order'],
  alternative?: ParsedName,
): ParsedName {
  const fore: Forename[] = forenames.map((t) => Object.freeze({ text: t.text, script: t.script, initial: t.initial }));
  return Object.freeze({
    raw,
    script,
    given: Object.freeze(fore.filter((f) => !f.initial).map((f) => f.text)),
    initials: Object.freeze(fore.filter((f) => f.initial).map((f) => f.text)),
    surname: surname ? surname.text : '',
    forenames: Object.freeze(fore),
    order,
    ...(alternative ? { alternative } : {}),
  });
}

/** Joins a Korean or Chinese given name written in several words (Kim Yo Jong) into one forename. */
function joinGiven(tokens: Token[]): Token[] {
  if (tokens.length <= 1) return tokens;
  return [{ text: tokens.map((t) => t.text).join(' '), script: nameScript(tokens), initial: false }];
}

/** Splits a kanji or hangul name: surname first; without a separator, by the usual surname length. */
function parseNative(raw: string, script: Script, tokens: Token[]): ParsedName {
  if (tokens.length > 1) return build(raw, script, tokens[0]!, joinGiven(tokens.slice(1)), 'surname-first');
  const chars = [...tokens[0]!.text];
  // Korean and Chinese surnames are mostly one character and names two or three; Japanese names of four
  // characters mostly split two and two. A guess for display only: matching uses the whole string.
  const cut = script === 'hangul' ? (chars.length >= 2 && chars.length <= 4 ? 1 : 0)
    : chars.length === 2 || chars.length === 3 ? 1 : chars.length === 4 ? 2 : 0;
  if (cut === 0) return build(raw, script, tokens[0]!, [], 'surname-first');
  const surname: Token = { text: chars.slice(0, cut).join(''), script, initial: false };
  const given: Token = { text: chars.slice(cut).join(''), script, initial: false };
  return build(raw, script, surname, [given], 'surname-first');
}

/**
 * Parses a person's name. Never throws on a string: a string with no name in it gives an empty surname.
 *
 * @example parseName('アルチョム・S・ソコロフ') // given ['アルチョム'], initials ['L'], surname 'ソコロフ'
 */
export function parseName(raw: string): ParsedName {
  if (typeof raw !== 'string') throw new TypeError(`parseName: raw must be a string, got ${typeof raw}`);
  let s = raw.normalize('NFKC').replace(/[·‧∙⋅•･]/g, '・');
  // Parenthesised glosses (ソコロフ (Sokolov)) are other forms of the name, not parts of it.
  s = s.replace(/[(（[［【][^)）\]］】]*[)）\]］】]/g, ' ').replace(JOINERS, '');
  s = stripJapaneseSuffixes(s);

  // "Sokolov, Artyom": one word before a single comma is the surname.
  const comma = /^([^,，、]+)[,，、]([^,，、]+)$/.exec(s);
  if (comma) {
    const before = tokenize(comma[1]!);
    const after = tokenize(comma[2]!);
    if (before.length === 1 && !before[0]!.initial && after.length > 0) {
      const script = nameScript([...before, ...after]);
      if (script !== 'kanji' && script !== 'hangul') return build(raw, script, before[0]!, after, 'surname-first');
    }
  }

  const tokens = tokenize(s);
  if (tokens.length === 0) return build(raw, 'mixed', null, [], 'given-first');
  const script = nameScript(tokens);
  if (script === 'kanji' || script === 'hangul') return parseNative(raw, script, tokens.filter((t) => !t.initial));

  const fulls = tokens.filter((t) => !t.initial);
  if (fulls.length === 0) return build(raw, script, null, tokens, 'given-first');
  if (fulls.length === 1) {
    const surname = fulls[0]!;
    const at = tokens.indexOf(surname);
    return build(raw, script, surname, tokens.filter((t) => t !== surname), at === 0 && tokens.length > 1 ? 'surname-first' : 'given-first');
  }

  const first = fulls[0]!;
  const last = fulls.at(-1)!;
  const surnameFirst = (): ParsedName => build(raw, script, first, tokens.filter((t) => t !== first), 'surname-first');
  const surnameLast = (): ParsedName => build(raw, script, last, tokens.filter((t) => t !== last), 'given-first');

  // A surname in capitals (SOKOLOV Alexander) says which word it is.
  const caps = fulls.filter(isAllCaps);
  if (caps.length === 1 && fulls.length > caps.length) {
    if (caps[0] === first) return surnameFirst();
    if (caps[0] === last) return surnameLast();
  }

  // Korean and Chinese order: a common East Asian surname first, a given name of one or two syllables after.
  const firstRank = eastAsianSurnameRank(first);
  if (firstRank !== undefined && tokens.length === fulls.length && fulls.length <= 4 && fulls.slice(1).every(looksEastAsianGiven)) {
    const lastRank = fulls.length === 2 ? eastAsianSurnameRank(last) : undefined;
    const eastern = build(raw, script, first, joinGiven(fulls.slice(1)), 'surname-first');
    if (lastRank === undefined) return eastern;
    // Both words could be the surname (Sung Kim, Kim Song): take the commoner surname, keep the other reading.
    const western = build(raw, script, last, [first], 'given-first');
    return lastRank < firstRank
      ? build(raw, script, last, [first], 'given-first', eastern)
      : build(raw, script, first, joinGiven(fulls.slice(1)), 'surname-first', western);
  }

  // Лавров Сергей Викторович: a patronymic last means the surname came first.
  if (fulls.length >= 3 && isPatronymic(last) && !isPatronymic(fulls[1]!)) return surnameFirst();
  // Lavrov Sergei: a forename last and none first.
  if (fulls.length === 2 && isCommonForename(last) && !isCommonForename(first)) return surnameFirst();
  return surnameLast();
}
