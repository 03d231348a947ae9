/**
 * Decides whether person records from different documents are one person.
 *
 * Rules, in order:
 * 1. Kanji and hangul names match only as whole strings (spaces removed), or a surname written apart
 *    (文 against 文 在寅, 'maybe'). There is no transliteration from them: a record that holds both 文在寅
 *    and Moon Jae-in matches either, because matching takes the best pair of forms.
 * 2. Otherwise the surnames must share a consonant skeleton (necessary, not sufficient) and be close by
 *    weighted edit distance of their phonetic keys.
 * 3. Forenames must agree when both sides have them: full names by key (Artyom ~ アルチョム ~ Артём),
 *    an initial by letter (A. ~ Artyom, Yu. ~ Iurii, Ye. ~ Evgeny). A disagreement makes them different
 *    people (Ivan Ivanov, Sergei Ivanov); middle names and patronymics that disagree make it 'maybe'.
 * 4. A surname alone (ソコロフ) is at most 'maybe'. Agreeing organisations raise the score, never to 'same'
 *    on their own.
 * 5. Within one lookup, at most one record is 'same'; if two fit about equally well, both are 'maybe'.
 *    An ambiguous match is proposed, not merged.
 */
import { foldKanjiVariants } from '../text/chars.ts';
import { keySimilarity } from './key-similarity.ts';
import { KOREAN_SURNAME_VARIANTS } from './name-vocabulary.ts';
import { parseName, tokenKeys, type Forename, type ParsedName, type Script } from './names.ts';
import { cyrillicToLatin, katakanaInitialLetters, skeletonOf } from './transliterate.ts';

export interface IdentityRecord {
  id: string;
  names: string[];
  organization?: string | null;
}

export interface MatchResult {
  id: string;
  score: number;
  decision: 'same' | 'maybe' | 'different';
  evidence: string[];
}

/** Scores at or above which two names are the same person, or may be. */
export const SAME_THRESHOLD = 0.8;
export const MAYBE_THRESHOLD = 0.45;
/** Two 'same' records closer than this are both demoted to 'maybe'. */
const AMBIGUITY_MARGIN = 0.05;
const SURNAME_MIN_SIMILARITY = 0.65;
/** Below this the surnames are only alike (Song, Sung): enough for 'maybe', never for 'same'. */
const SURNAME_STRONG_SIMILARITY = 0.9;
const ORGANIZATION_BONUS = 0.06;
/** Penalty for reading a name in its less likely order (ソン・キム with Song as the surname). */
const ALTERNATIVE_PENALTY = 0.03;

// ---------------------------------------------------------------------------------------------------
// Prepared names: everything a comparison needs, computed once per name form.

interface PreparedPart {
  readonly text: string;
  readonly script: Script;
  readonly initial: boolean;
  readonly keys: readonly string[];
  readonly keySet: ReadonlySet<string>;
  /** Keys grouped by their consonant skeleton. */
  readonly bySkeleton: ReadonlyMap<string, readonly string[]>;
  /** Lowercase Latin letters this forename may be abbreviated to (or, for an initial, stands for). */
  readonly initialForms: ReadonlySet<string>;
}

interface PreparedName {
  readonly raw: string;
  readonly parsed: ParsedName;
  /** A kanji or hangul name: the whole name without spaces. */
  readonly native: string | null;
  /** Its surname, when the name was written with the surname apart (文 在寅). */
  readonly nativeSurname: string | null;
  readonly surname: PreparedPart | null;
  readonly forenames: readonly PreparedPart[];
  readonly alternative: PreparedName | null;
}

/**
 * Lenient vowel costs apply across scripts: katakana and Cyrillic both transcribe a foreign name by its
 * sound (Michael = マイケル = Майкл), so their vowels follow pronunciation, not the Latin spelling.
 */
const lenient = (a: PreparedPart, b: PreparedPart): boolean =>
  a.script !== b.script || a.script === 'katakana' || a.script === 'mixed';

function plainLatin(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z]/g, '');
}

/** Initials a Latin spelling may be abbreviated to, with the equivalences transliteration brings. */
function initialFormsOfLatin(latin: string): Set<string> {
  const r = plainLatin(latin);
  const out = new Set<string>();
  if (!r) return out;
  out.add(r[0]!);
  out.add(r.slice(0, 2));
  const add = (...xs: string[]): void => xs.forEach((x) => out.add(x));
  if (/^(?:ye|e)/.test(r)) add('e', 'y', 'ye');
  for (const v of ['u', 'a', 'o']) if (new RegExp(`^[yij]${v}`).test(r)) add('y', 'i', 'j', `y${v}`, `i${v}`, `j${v}`);
  if (/^[vw]/.test(r)) add('v', 'w');
  if (/^[kc]/.test(r) && !r.startsWith('ch')) add('k', 'c');
  if (r.startsWith('kh')) add('k', 'h', 'kh');
  if (/^h/.test(r)) add('kh', 'g');
  if (/^g/.test(r)) add('h');
  if (/^(?:zh|j)/.test(r)) add('z', 'zh', 'j');
  if (r.startsWith('ch')) add('c', 'ch');
  if (r.startsWith('sh')) add('s', 'sh');
  if (r.startsWith('ts')) add('t', 'ts', 'c');
  if (r.startsWith('ph')) add('f', 'ph');
  if (r.startsWith('f')) add('ph');
  return out;
}

/** Initials a phonetic key may stand behind (katakana has no spelling to take the letter from). */
function initialFormsOfKey(key: string): Set<string> {
  const out = new Set<string>();
  const c = key[0];
  if (!c) return out;
  const add = (...xs: string[]): void => xs.forEach((x) => out.add(x));
  switch (c) {
    case 'v': add('v', 'w', 'b', 'f'); break;
    case 'r': add('r', 'l'); break;
    case 'k': add('k', 'c'); break;
    case 'C': add('c', 'ch', 't', 'ts'); break;
    case 'S': add('s', 'sh'); break;
    case 'J': add('j', 'zh', 'z', 'd', 'dj'); break;
    case 'h': add('h', 'kh', 'g'); break;
    case 'g': add('g', 'h'); break;
    case 'e': add('e', 'y', 'ye'); break;
    case 'i': add('i', 'y'); break;
    case 's': add('s', 'c'); break;
    case 'y': {
      const v = key[1] ?? '';
      add('y', 'i', 'j', `y${v}`, `i${v}`, `j${v}`);
      break;
    }
    default: add(c);
  }
  if (key.startsWith('ts')) add('ts');
  return out;
}

/** Group keys ('#0', '#4', …) of a Korean surname spelling; they are their own skeleton. */
const KOREAN_GROUPS = new Map<string, string[]>();
KOREAN_SURNAME_VARIANTS.forEach((group, i) => {
  for (const spelling of group) {
    const list = KOREAN_GROUPS.get(spelling);
    if (list) list.push(`#${i}`);
    else KOREAN_GROUPS.set(spelling, [`#${i}`]);
  }
});

function koreanSurnameKeys(text: string, script: Script): string[] {
  const spelling = script === 'cyrillic' ? plainLatin(cyrillicToLatin(text)) : script === 'latin' ? plainLatin(text) : text;
  return KOREAN_GROUPS.get(spelling) ?? [];
}

function prepareSurname(text: string, script: Script): PreparedPart {
  const part = preparePart({ text, script, initial: false });
  const groups = koreanSurnameKeys(text, script);
  return groups.length === 0 ? part : freezePart({ text, script, initial: false }, [...part.keys, ...groups], new Set(part.initialForms));
}

function preparePart(f: Pick<Forename, 'text' | 'script' | 'initial'>): PreparedPart {
  if (f.initial) {
    const latin = f.script === 'cyrillic' ? cyrillicToLatin(f.text) : f.text;
    const letters = plainLatin(latin);
    return freezePart(f, [], letters ? new Set([letters, ...sameInitials(letters)]) : new Set());
  }
  const keys = tokenKeys(f.text, f.script);
  let forms: Set<string>;
  if (f.script === 'latin') forms = initialFormsOfLatin(f.text);
  else if (f.script === 'cyrillic') forms = initialFormsOfLatin(cyrillicToLatin(f.text));
  else if (f.script === 'katakana') forms = new Set(katakanaInitialLetters(f.text));
  else {
    forms = new Set();
    for (const k of keys) for (const x of initialFormsOfKey(k)) forms.add(x);
  }
  return freezePart(f, keys, forms);
}

/** Initials that stand for the same letter as `letters` (Ye. = E., W. = V.). */
function sameInitials(letters: string): string[] {
  if (letters === 'e' || letters === 'ye') return ['e', 'ye'];
  if (letters === 'v' || letters === 'w') return ['v', 'w'];
  if (/^[yi][uao]$/.test(letters)) return [`y${letters[1]}`, `i${letters[1]}`];
  return [];
}

function freezePart(f: Pick<Forename, 'text' | 'script' | 'initial'>, keys: string[], forms: Set<string>): PreparedPart {
  const bySkeleton = new Map<string, string[]>();
  for (const k of keys) {
    const s = k.startsWith('#') ? k : skeletonOf(k);
    const list = bySkeleton.get(s);
    if (list) list.push(k);
    else bySkeleton.set(s, [k]);
  }
  return { text: f.text, script: f.script, initial: f.initial, keys, keySet: new Set(keys), bySkeleton, initialForms: forms };
}

function prepareParsed(parsed: ParsedName): PreparedName {
  const native = parsed.script === 'kanji' || parsed.script === 'hangul';
  if (native) {
    // (Old and new forms of the same kanji are one name: 渡邉 and 渡辺.)
    const whole = foldKanjiVariants(parsed.raw).replace(/[\s・･·]+/g, '');
    const apart = parsed.raw.normalize('NFKC').trim().split(/[\s・･·]+/).length > 1;
    return {
      raw: parsed.raw, parsed, native: whole, nativeSurname: apart && parsed.surname ? foldKanjiVariants(parsed.surname) : null,
      surname: null, forenames: [], alternative: null,
    };
  }
  const surname = parsed.surname ? prepareSurname(parsed.surname, scriptOfWord(parsed.surname, parsed.script)) : null;
  return {
    raw: parsed.raw,
    parsed,
    native: null,
    nativeSurname: null,
    // A surname that cannot be keyed (kanji inside a mixed name) still matches itself as written.
    surname,
    forenames: parsed.forenames.map(preparePart),
    alternative: parsed.alternative ? prepareParsed(parsed.alternative) : null,
  };
}

function scriptOfWord(word: string, fallback: Script): Script {
  if (/[\u30A1-\u30FC]/.test(word) && !/[\p{Script=Latin}\p{Script=Cyrillic}]/u.test(word)) return 'katakana';
  if (/\p{Script=Cyrillic}/u.test(word) && !/[\p{Script=Latin}\u30A1-\u30FC]/u.test(word)) return 'cyrillic';
  if (/\p{Script=Latin}/u.test(word) && !/[\p{Script=Cyrillic}\u30A1-\u30FC]/u.test(word)) return 'latin';
  return fallback;
}

function prepareName(raw: string): PreparedName {
  return prepareParsed(parseName(raw));
}

// ---------------------------------------------------------------------------------------------------
// Comparing two prepared names

type PairStatus = 'agree' | 'initial' | 'close' | 'surname-only' | 'conflict' | 'unrelated';

interface PairComparison {
  score: number;
  status: PairStatus;
  evidence: string[];
}

const UNRELATED = (evidence: string): PairComparison => ({ score: 0, status: 'unrelated', evidence: [evidence] });

/**
 * True when the two parts are the masculine and feminine form of one name (Ivanov/Ivanova, Aleksandr/
 * Aleksandra, Yuri/Yulia, Zelensky/Zelenskaya): some key of one is a key of the other plus a final -a,
 * and no keys are equal. Katakana never adds a final a, so the test holds across scripts.
 */
function isGenderedPair(a: PreparedPart, b: PreparedPart): boolean {
  for (const k of a.keys) if (b.keySet.has(k)) return false;
  const feminineOf = (fem: string, masc: string): boolean => {
    if (fem.length < 3 || !fem.endsWith('a') || masc.endsWith('a')) return false;
    const stem = fem.slice(0, -1);
    return stem === masc || stem.replace(/y$/, 'i') === masc || `${stem}i` === masc;
  };
  for (const ka of a.keys) {
    if (ka.startsWith('#')) continue;
    for (const kb of b.keys) if (!kb.startsWith('#') && (feminineOf(ka, kb) || feminineOf(kb, ka))) return true;
  }
  return false;
}

/** Best similarity of two parts whose keys share a skeleton (the surname test), or null if none do. */
function surnameSimilarity(a: PreparedPart, b: PreparedPart): number | null {
  if (a.text === b.text) return 1;
  const kana = lenient(a, b);
  let best: number | null = null;
  const [small, large] = a.bySkeleton.size <= b.bySkeleton.size ? [a, b] : [b, a];
  for (const [skeleton, keysA] of small.bySkeleton) {
    const keysB = large.bySkeleton.get(skeleton);
    if (!keysB) continue;
    for (const ka of keysA) {
      if (large.keySet.has(ka)) return 1;
      for (const kb of keysB) {
        const s = keySimilarity(ka, kb, kana);
        if (best === null || s > best) best = s;
      }
    }
  }
  return best;
}

/** Best similarity of two full forenames, skeleton or not, and whether some keys share a skeleton. */
function forenameSimilarity(a: PreparedPart, b: PreparedPart): { sim: number; skeleton: boolean } {
  const kana = lenient(a, b);
  for (const k of a.keys) if (b.keySet.has(k)) return { sim: 1, skeleton: true };
  let best = 0;
  let skeleton = false;
  // Katakana gives many readings; the literal ones come first and are enough to measure closeness.
  const keysA = a.keys.length > 48 ? a.keys.slice(0, 48) : a.keys;
  const keysB = b.keys.length > 48 ? b.keys.slice(0, 48) : b.keys;
  for (const s of a.bySkeleton.keys()) if (b.bySkeleton.has(s)) skeleton = true;
  for (const ka of keysA) {
    for (const kb of keysB) {
      const s = keySimilarity(ka, kb, kana);
      if (s > best) best = s;
    }
  }
  return { sim: best, skeleton };
}

type ForenameStatus = 'agree' | 'initial' | 'close' | 'conflict';

function compareForenames(a: PreparedPart, b: PreparedPart): { status: ForenameStatus; sim: number } {
  if (a.initial || b.initial) {
    if (a.initial && b.initial) {
      for (const x of a.initialForms) if (b.initialForms.has(x)) return { status: 'initial', sim: 1 };
      // Y. may shorten Ye. or Yu.: an initial that begins the other agrees with it.
      for (const x of a.initialForms) {
        for (const y of b.initialForms) if (x.startsWith(y) || y.startsWith(x)) return { status: 'initial', sim: 1 };
      }
      return { status: 'conflict', sim: 0 };
    }
    const [init, full] = a.initial ? [a, b] : [b, a];
    for (const x of init.initialForms) if (full.initialForms.has(x)) return { status: 'initial', sim: 1 };
    return { status: 'conflict', sim: 0 };
  }
  if (a.text === b.text) return { status: 'agree', sim: 1 };
  // A forename in kanji or hangul inside a mixed name cannot be keyed: it neither agrees nor conflicts.
  if (a.keys.length === 0 || b.keys.length === 0) return { status: 'close', sim: 0 };
  const { sim, skeleton } = forenameSimilarity(a, b);
  if (sim < 1 && isGenderedPair(a, b)) return { status: 'conflict', sim };
  if ((skeleton && sim >= 0.8) || sim >= 0.92) return { status: 'agree', sim };
  if (sim >= 0.75) return { status: 'close', sim };
  return { status: 'conflict', sim };
}

const show = (p: PreparedPart): string => (p.initial ? `${p.text}.` : p.text);
const round = (x: number): number => Math.round(x * 1e6) / 1e6;

function compareNative(a: PreparedName, b: PreparedName): PairComparison {
  if (!a.native || !b.native) return UNRELATED('kanji/hangul names are matched only against the same form');
  if (a.native === b.native) {
    const as = a.raw.replace(/[\s・･·]+/g, '');
    const bs = b.raw.replace(/[\s・･·]+/g, '');
    return { score: 1, status: 'agree', evidence: [as === bs || as.normalize('NFKC') === bs.normalize('NFKC') ? `same written form ${a.native}` : `same name in old and new kanji ${as} = ${bs}`] };
  }
  if ((b.nativeSurname && a.native === b.nativeSurname) || (a.nativeSurname && b.native === a.nativeSurname)) {
    return { score: 0.55, status: 'surname-only', evidence: [`surname only: ${a.native} ~ ${b.native}`] };
  }
  return UNRELATED(`different written forms ${a.native} ≠ ${b.native}`);
}

function compareOne(a: PreparedName, b: PreparedName): PairComparison {
  if (a.native !== null || b.native !== null) return compareNative(a, b);
  if (!a.surname || !b.surname) return UNRELATED('no surname to compare');
  const sS = surnameSimilarity(a.surname, b.surname);
  if (sS === null || sS < SURNAME_MIN_SIMILARITY) {
    return UNRELATED(`surnames differ: ${a.surname.text} ≠ ${b.surname.text}`);
  }
  const evidence = [`surname ${a.surname.text} ~ ${b.surname.text} (${sS.toFixed(2)})`];
  const fa = a.forenames[0];
  const fb = b.forenames[0];
  if (!fa || !fb) {
    evidence.push('surname only: no forename on one side');
    return { score: 0.45 + 0.15 * sS, status: 'surname-only', evidence };
  }
  const first = compareForenames(fa, fb);
  let score: number;
  let status: PairStatus;
  switch (first.status) {
    case 'agree':
      score = 0.82 + 0.09 * sS + 0.09 * first.sim;
      status = 'agree';
      evidence.push(`forename ${show(fa)} ~ ${show(fb)} (${first.sim.toFixed(2)})`);
      break;
    case 'initial':
      score = 0.78 + 0.06 * sS;
      status = 'initial';
      evidence.push(`initial ${show(fa)} ~ ${show(fb)}`);
      break;
    case 'close':
      score = 0.5 + 0.1 * sS;
      status = 'close';
      evidence.push(`forenames only close: ${show(fa)} ~ ${show(fb)} (${first.sim.toFixed(2)})`);
      break;
    default:
      score = 0.15 * sS;
      status = 'conflict';
      evidence.push(`forenames differ: ${show(fa)} ≠ ${show(fb)}`);
  }
  if (sS < SURNAME_STRONG_SIMILARITY && (status === 'agree' || status === 'initial')) {
    score = Math.min(score, 0.5 + 0.1 * sS);
    status = 'close';
    evidence.push('surnames only alike');
  } else if ((status === 'agree' || status === 'initial') && sS < 1 && isGenderedPair(a.surname, b.surname)) {
    // Ivanov and Ivanova are two people, or one name in a Russian case form: an analyst decides.
    score = Math.min(score, 0.6);
    status = 'close';
    evidence.push('masculine and feminine forms of the surname');
  }
  if (status !== 'conflict') {
    const shared = Math.min(a.forenames.length, b.forenames.length);
    for (let i = 1; i < shared; i++) {
      const ma = a.forenames[i]!;
      const mb = b.forenames[i]!;
      const middle = compareForenames(ma, mb);
      if (middle.status === 'conflict') {
        score = Math.min(score, 0.55);
        if (status === 'agree' || status === 'initial') status = 'close';
        evidence.push(`middle names differ: ${show(ma)} ≠ ${show(mb)}`);
      } else if (middle.status !== 'close') {
        score = Math.min(1, score + 0.02);
        evidence.push(`middle ${show(ma)} ~ ${show(mb)}`);
      }
    }
  }
  return { score, status, evidence };
}

/** Both readings of each name (when its order is ambiguous), the best pair. */
function comparePrepared(a: PreparedName, b: PreparedName): PairComparison {
  let best: PairComparison | null = null;
  const readingsA: [PreparedName, number][] = [[a, 0]];
  const readingsB: [PreparedName, number][] = [[b, 0]];
  if (a.alternative) readingsA.push([a.alternative, ALTERNATIVE_PENALTY]);
  if (b.alternative) readingsB.push([b.alternative, ALTERNATIVE_PENALTY]);
  for (const [ra, pa] of readingsA) {
    for (const [rb, pb] of readingsB) {
      const c = compareOne(ra, rb);
      const scored = { ...c, score: round(Math.max(0, c.score - pa - pb)) };
      if (pa + pb > 0 && c.status !== 'unrelated') scored.evidence = [...c.evidence, 'read in the other name order'];
      if (!best || scored.score > best.score) best = scored;
    }
  }
  return best!;
}

/**
 * Compares two names in any script. The score is symmetric; `evidence` says why, in words.
 *
 * @example compareNames('アルチョム・S・ソコロフ', 'Artyom Sokolov').score >= SAME_THRESHOLD // true
 */
export function compareNames(a: string, b: string): { score: number; evidence: string[] } {
  if (typeof a !== 'string') throw new TypeError('compareNames: a must be a string');
  if (typeof b !== 'string') throw new TypeError('compareNames: b must be a string');
  const c = comparePrepared(prepareName(a), prepareName(b));
  return { score: c.score, evidence: c.evidence };
}

/**
 * Why two forms of a name in one script cannot both be one person's, or null: forenames or middle names
 * that differ under one surname (Helen R. Marsh and Helen T. Marsh; Hannah Marsh), or two whole kanji or
 * hangul names neither of which holds the other (山田太郎 and 山田次郎: a different given name). A surname
 * beside a full name (洪 and 洪在允), spellings that are only close (Artyom, Artem) and forms in different
 * scripts are no contradiction: they cannot tell two people apart.
 *
 * @example nameFormsContradict('山田太郎', '山田次郎') // 'different written forms 山田太郎 ≠ 山田次郎'
 */
export function nameFormsContradict(a: string, b: string): string | null {
  const pa = prepareName(a);
  const pb = prepareName(b);
  if (pa.parsed.script !== pb.parsed.script || pa.parsed.script === 'mixed') return null;
  if (pa.native !== null || pb.native !== null) {
    if (!pa.native || !pb.native || pa.native === pb.native) return null;
    if (pa.native.includes(pb.native) || pb.native.includes(pa.native)) return null;
    return `different written forms ${a.trim()} ≠ ${b.trim()}`;
  }
  const c = comparePrepared(pa, pb);
  if (c.status === 'conflict') return `${a.trim()} ≠ ${b.trim()}: ${c.evidence.at(-1)}`;
  const middle = c.evidence.find((e) => e.startsWith('middle names differ'));
  return middle ? `${a.trim()} ≠ ${b.trim()}: ${middle}` : null;
}

// ---------------------------------------------------------------------------------------------------
// Records

interface PreparedRecord {
  readonly record: IdentityRecord;
  readonly names: readonly PreparedName[];
  readonly organization: string | null;
}

function normalizeOrganization(org: string | null | undefined): string | null {
  if (!org) return null;
  const s = org.normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, ' ').trim();
  return s === '' ? null : s;
}

const ORG_STOPWORDS = new Set(['of', 'the', 'and', 'for', 'on', 'in', 'at']);

/** Same organisation, loosely: equal, one inside the other, or most words shared. */
export function organizationsAgree(a: string | null | undefined, b: string | null | undefined): boolean {
  const na = normalizeOrganization(a);
  const nb = normalizeOrganization(b);
  if (!na || !nb) return false;
  const ca = na.replace(/ /g, '');
  const cb = nb.replace(/ /g, '');
  if (ca === cb) return true;
  const [short, long] = ca.length <= cb.length ? [ca, cb] : [cb, ca];
  if ([...short].length >= 4 && long.includes(short)) return true;
  const wa = new Set(na.split(' ').filter((w) => !ORG_STOPWORDS.has(w)));
  const wb = new Set(nb.split(' ').filter((w) => !ORG_STOPWORDS.has(w)));
  if (wa.size < 2 || wb.size < 2) return false;
  let shared = 0;
  for (const w of wa) if (wb.has(w)) shared++;
  return shared / (wa.size + wb.size - shared) >= 0.6;
}

function validateRecord(record: IdentityRecord, where: string): void {
  if (!record || typeof record !== 'object') throw new TypeError(`${where}: a record must be an object`);
  if (typeof record.id !== 'string' || record.id === '') throw new TypeError(`${where}: record.id must be a non-empty string`);
  if (!Array.isArray(record.names) || record.names.some((n) => typeof n !== 'string')) {
    throw new TypeError(`${where}: record ${record.id}: names must be an array of strings`);
  }
}

function prepareRecord(record: IdentityRecord): PreparedRecord {
  return {
    record,
    names: record.names.filter((n) => n.trim() !== '').map(prepareName),
    organization: record.organization ?? null,
  };
}

/**
 * Scores a candidate against one record: the best pair of name forms, except that a forename conflict
 * between full names outweighs an agreement that rests on an initial or a surname alone (a record of
 * Alexander Sokolov that also holds "A. Sokolov" is still not Artyom Sokolov).
 */
function scoreRecord(candidate: readonly PreparedName[], organization: string | null, rec: PreparedRecord): MatchResult {
  let best: PairComparison | null = null;
  let bestAgree: PairComparison | null = null;
  let conflict: PairComparison | null = null;
  for (const a of candidate) {
    for (const b of rec.names) {
      const c = comparePrepared(a, b);
      const labelled = { ...c, evidence: [`${a.raw} ↔ ${b.raw}: ${c.evidence.join('; ')}`] };
      if (c.status === 'agree' && (!bestAgree || c.score > bestAgree.score)) bestAgree = labelled;
      if (c.status === 'conflict' && !conflict) conflict = labelled;
      if (!best || c.score > best.score) best = labelled;
    }
  }
  let chosen = bestAgree ?? conflict ?? best;
  if (!chosen) chosen = UNRELATED('no comparable name forms');
  let score = chosen.score;
  const evidence = [...chosen.evidence];
  if (score >= 0.3 && organizationsAgree(organization, rec.organization)) {
    score = round(Math.min(1, score + ORGANIZATION_BONUS));
    evidence.push(`organisation agrees: ${organization} ~ ${rec.organization}`);
  }
  return { id: rec.record.id, score, decision: decide(score), evidence };
}

function decide(score: number): MatchResult['decision'] {
  return score >= SAME_THRESHOLD ? 'same' : score >= MAYBE_THRESHOLD ? 'maybe' : 'different';
}

/** Best first; at most one 'same', none when two fit about equally; 'different' dropped. */
function finish(results: MatchResult[]): MatchResult[] {
  const kept = results.filter((r) => r.decision !== 'different');
  kept.sort((x, y) => y.score - x.score || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  const same = kept.filter((r) => r.decision === 'same');
  if (same.length >= 2) {
    const tie = same[0]!.score - same[1]!.score < AMBIGUITY_MARGIN;
    for (const [i, r] of same.entries()) {
      if (i === 0 && !tie) continue;
      r.decision = 'maybe';
      r.evidence.push(tie ? `ambiguous: ${same.length} records fit about equally` : `a better match exists: ${same[0]!.id}`);
    }
  }
  return kept;
}

function validateCandidate(candidate: { names: string[]; organization?: string | null }, where: string): void {
  if (!candidate || !Array.isArray(candidate.names) || candidate.names.some((n) => typeof n !== 'string')) {
    throw new TypeError(`${where}: candidate.names must be an array of strings`);
  }
}

/**
 * Matches a candidate person (the name forms one document gives, and an organisation) against known
 * records. Returns 'same' and 'maybe' results, best first. Scans every record; a store should keep a
 * `createIdentityIndex` instead.
 */
export function matchIdentity(
  candidate: { names: string[]; organization?: string | null },
  known: IdentityRecord[],
): MatchResult[] {
  validateCandidate(candidate, 'matchIdentity');
  if (!Array.isArray(known)) throw new TypeError('matchIdentity: known must be an array of records');
  const names = candidate.names.filter((n) => n.trim() !== '').map(prepareName);
  return finish(known.map((r, i) => {
    validateRecord(r, `matchIdentity: known[${i}]`);
    return scoreRecord(names, candidate.organization ?? null, prepareRecord(r));
  }));
}

/**
 * Finds the records a user means by a name typed in any script: full name, surname alone, initials
 * ("Sokolov", "ソコロフ", "A. Sokolov", "Соколов А.В."). Surname-only queries give every record of that surname
 * as 'maybe'.
 */
export function findByName(query: string, known: IdentityRecord[]): MatchResult[] {
  if (typeof query !== 'string') throw new TypeError('findByName: query must be a string');
  return matchIdentity({ names: [query] }, known);
}

// ---------------------------------------------------------------------------------------------------
// Index

export interface IdentityIndex {
  /** Adds a record, or replaces the record with the same id. */
  add(record: IdentityRecord): void;
  /** Removes a record; false if there was none with that id. */
  remove(id: string): boolean;
  match(candidate: { names: string[]; organization?: string | null }): MatchResult[];
  find(query: string): MatchResult[];
  readonly size: number;
}

/** The buckets a prepared name is filed under: surname skeletons, or the written kanji/hangul form. */
function bucketsOf(name: PreparedName): string[] {
  const out: string[] = [];
  const visit = (n: PreparedName): void => {
    if (n.native) {
      out.push(`n:${n.native}`);
      if (n.nativeSurname) out.push(`n:${n.nativeSurname}`);
      return;
    }
    if (n.surname) {
      for (const s of n.surname.bySkeleton.keys()) out.push(`s:${s}`);
      if (n.surname.keys.length === 0) out.push(`t:${n.surname.text}`);
    }
  };
  visit(name);
  if (name.alternative) visit(name.alternative);
  return out;
}

/**
 * An index of identity records by surname skeleton and written form, so a lookup compares the candidate
 * only with records that could match.
 *
 * @example
 * const index = createIdentityIndex([{ id: 'p1', names: ['Sergei Lavrov', 'セルゲイ・ラブロフ'] }]);
 * index.find('Лавров')[0]; // { id: 'p1', decision: 'maybe', … }
 */
export function createIdentityIndex(records: Iterable<IdentityRecord> = []): IdentityIndex {
  const byId = new Map<string, PreparedRecord>();
  const buckets = new Map<string, Set<string>>();

  const unfile = (rec: PreparedRecord): void => {
    for (const name of rec.names) {
      for (const b of bucketsOf(name)) {
        const set = buckets.get(b);
        if (!set) continue;
        set.delete(rec.record.id);
        if (set.size === 0) buckets.delete(b);
      }
    }
  };

  const index: IdentityIndex = {
    add(record) {
      validateRecord(record, 'IdentityIndex.add');
      const old = byId.get(record.id);
      if (old) unfile(old);
      const rec = prepareRecord(record);
      byId.set(record.id, rec);
      for (const name of rec.names) {
        for (const b of bucketsOf(name)) {
          let set = buckets.get(b);
          if (!set) buckets.set(b, (set = new Set()));
          set.add(record.id);
        }
      }
    },
    remove(id) {
      const rec = byId.get(id);
      if (!rec) return false;
      unfile(rec);
      byId.delete(id);
      return true;
    },
    match(candidate) {
      validateCandidate(candidate, 'IdentityIndex.match');
      const names = candidate.names.filter((n) => n.trim() !== '').map(prepareName);
      const ids = new Set<string>();
      for (const name of names) for (const b of bucketsOf(name)) for (const id of buckets.get(b) ?? []) ids.add(id);
      const results: MatchResult[] = [];
      for (const id of ids) results.push(scoreRecord(names, candidate.organization ?? null, byId.get(id)!));
      return finish(results);
    },
    find(query) {
      if (typeof query !== 'string') throw new TypeError('IdentityIndex.find: query must be a string');
      return index.match({ names: [query] });
    },
    get size() {
      return byId.size;
    },
  };
  for (const r of records) index.add(r);
  return index;
}
