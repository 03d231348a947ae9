/**
 * Full-text search over Japanese and English: the text each store indexes, the queries it runs, and the
 * exact matcher that checks candidates and places highlights.
 *
 * Both stores search the normalised text (NFKC, CJK radical forms folded, case folded), so 非核化 finds ⾮核化
 * and ＮＡＴＯ finds NATO. Japanese has no spaces, so a run of kana and kanji is indexed as overlapping
 * bigrams (北極海 → 北極 極海 海), the scheme of Lucene's CJK analyzer: every substring of two or more
 * characters is a phrase of consecutive bigrams, and one character is a prefix of the token it starts. FTS5's
 * trigram tokenizer was the other choice; it cannot find the two-character words that carry most Japanese
 * queries (制裁, 抑止, 同盟) without a full scan. Other scripts are indexed by word and matched by prefix
 * (sanction finds sanctions).
 *
 * SQLite keeps the tokens in FTS5, PostgreSQL in tsvectors with their positions; both run the same query
 * (ftsQuery, tsQuery). The index only proposes candidates; `findMatches` decides, on the normalised text,
 * where a term really occurs, so highlights and filters agree between the two.
 */
import { normalizeText, normalizeString } from '../core/text/normalize.ts';
import type { Span } from '../core/text/span.ts';

const CJK = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}\u30FC\u3005-\u3007\u303B]/u;
const WORD = /[\p{L}\p{N}]/u;

/** Case folding that keeps every code unit where it is (so offsets survive): İ stays İ rather than i̇. */
export function foldCase(s: string): string {
  const lower = s.toLowerCase();
  if (lower.length === s.length) return lower;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    const l = ch.toLowerCase();
    out += l.length === 1 ? l : ch;
  }
  return out;
}

/**
 * The characters that normalizeString folds beyond NFKC (CJK radical forms, dots that stand for ・), and
 * astral characters, which go through it one by one; everything else needs NFKC alone. Much faster over
 * a whole document than folding every character.
 */
const FOLDED = /[\u00B7\u2027\u2219\u22C5\u2E80-\u2EFF]|[\uD800-\uDBFF][\uDC00-\uDFFF]/g;

/** The text searches read: normalised and case-folded, one code unit per code unit of the normalised text. */
export function searchNormalize(s: string): string {
  return foldCase(s.normalize('NFKC').replace(FOLDED, (ch) => normalizeString(ch)));
}

/** The normalised, folded text with the map back to the original, for highlighting. */
export function searchView(original: string): { text: string; toOriginal: (span: Span) => Span } {
  const norm = normalizeText(original);
  return { text: foldCase(norm.text), toOriginal: (span) => norm.toOriginal(span) };
}

export interface Run {
  readonly kind: 'cjk' | 'word';
  readonly text: string;
  readonly start: number;
}

/** Splits normalised text into runs of CJK characters and runs of other letters and digits. */
export function splitRuns(text: string): Run[] {
  const runs: Run[] = [];
  let kind: Run['kind'] | null = null;
  let start = 0;
  let i = 0;
  const close = (end: number) => {
    if (kind) runs.push({ kind, text: text.slice(start, end), start });
    kind = null;
  };
  while (i < text.length) {
    const cp = text.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    const k: Run['kind'] | null = CJK.test(ch) ? 'cjk' : WORD.test(ch) || /\p{M}/u.test(ch) ? 'word' : null;
    if (k !== kind) {
      close(i);
      if (k) { kind = k; start = i; }
    }
    i += ch.length;
  }
  close(text.length);
  return runs;
}

/** Code points of a string (a CJK Extension B kanji is one character, two code units). */
const chars = (s: string): string[] => Array.from(s);

/**
 * The token string FTS5 indexes (with the unicode61 tokenizer splitting on spaces): per CJK run its
 * bigrams and its last character, per other run the word.
 */
export function ftsTokens(normText: string): string {
  const out: string[] = [];
  for (const run of splitRuns(normText)) {
    if (run.kind === 'word') { out.push(run.text); continue; }
    const c = chars(run.text);
    for (let i = 0; i + 1 < c.length; i++) out.push(c[i]! + c[i + 1]!);
    out.push(c[c.length - 1]!);
  }
  return out.join(' ');
}

/** The same tokens as a list (the PostgreSQL index keeps their positions in tsvectors). */
export function tokenList(normText: string): string[] {
  const tokens = ftsTokens(normText);
  return tokens ? tokens.split(' ') : [];
}

const quoteLexeme = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

/** A tsvector literal (locale-independent input) for tokens, positions counted from 1. */
export function tsvectorLiteral(tokens: readonly string[]): string {
  const positions = new Map<string, number[]>();
  tokens.forEach((t, i) => {
    let list = positions.get(t);
    if (!list) positions.set(t, (list = []));
    list.push(i + 1);
  });
  return [...positions].map(([t, ps]) => `${quoteLexeme(t)}:${ps.join(',')}`).join(' ');
}

// ---------------------------------------------------------------------------------------------------------
// Queries

/** One term of a query: any of its alternatives (a name and its other spellings) must occur. */
export interface QueryTerm {
  /** As the user wrote it. */
  readonly input: string;
  /** Normalised, folded alternatives, each non-empty. */
  readonly alternatives: readonly string[];
  /** The other spellings searched for, as written (a person's name forms), for showing. */
  readonly spellings: readonly string[];
}

/**
 * Splits a query into terms: white space separates, "double quotes" keep a phrase together. Terms with no
 * letter or digit are dropped.
 */
export function parseQuery(query: string): string[] {
  const terms: string[] = [];
  const re = /"([^"]*)"|(\S+)/g;
  for (let m = re.exec(query); m; m = re.exec(query)) {
    const t = (m[1] ?? m[2] ?? '').trim();
    if (t && splitRuns(searchNormalize(t)).length > 0) terms.push(t);
  }
  return terms;
}

export function makeTerm(input: string, alternatives: readonly string[] = [input]): QueryTerm {
  const alts = [...new Set(alternatives.map(searchNormalize).map((s) => s.trim()).filter((s) => splitRuns(s).length > 0))];
  const own = searchNormalize(input).trim();
  const spellings = [...new Set(alternatives.filter((a) => searchNormalize(a).trim() !== own && splitRuns(searchNormalize(a)).length > 0))];
  return { input, alternatives: alts, spellings };
}

const quoteFts = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** The FTS5 MATCH expression for terms (all must match; any alternative of a term may). */
export function ftsQuery(terms: readonly QueryTerm[]): string {
  return terms
    .map((t) => {
      const alts = t.alternatives.map((alt) => {
        const parts = splitRuns(alt).map((run) => {
          const c = chars(run.text);
          if (run.kind === 'word') return `${quoteFts(run.text)}*`;
          if (c.length === 1) return `${quoteFts(c[0]!)}*`;
          const grams: string[] = [];
          for (let i = 0; i + 1 < c.length; i++) grams.push(c[i]! + c[i + 1]!);
          return quoteFts(grams.join(' '));
        });
        return parts.length === 1 ? parts[0]! : `(${parts.join(' AND ')})`;
      });
      return alts.length === 1 ? alts[0]! : `(${alts.join(' OR ')})`;
    })
    .join(' AND ');
}

/** The tsquery literal for terms: the same query as ftsQuery, in PostgreSQL's syntax. */
export function tsQuery(terms: readonly QueryTerm[]): string {
  return terms
    .map((t) => {
      const alts = t.alternatives.map((alt) => {
        const parts = splitRuns(alt).map((run) => {
          const c = chars(run.text);
          if (run.kind === 'word' || c.length === 1) return `${quoteLexeme(run.kind === 'word' ? run.text : c[0]!)}:*`;
          const grams: string[] = [];
          for (let i = 0; i + 1 < c.length; i++) grams.push(quoteLexeme(c[i]! + c[i + 1]!));
          return grams.length === 1 ? grams[0]! : `(${grams.join(' <-> ')})`;
        });
        return parts.length === 1 ? parts[0]! : `(${parts.join(' & ')})`;
      });
      return alts.length === 1 ? alts[0]! : `(${alts.join(' | ')})`;
    })
    .join(' & ');
}

/** Whether a term needs the exact check beyond what the index tells (several runs must stand side by side). */
export function needsExactCheck(terms: readonly QueryTerm[]): boolean {
  return terms.some((t) => t.alternatives.some((a) => splitRuns(a).length > 1));
}

/**
 * Where a term occurs in normalised text: every occurrence of an alternative that starts a run or a word
 * (prefix semantics for words, any position for CJK, as the index has it). A word match extends to the end of
 * the word, so "sanction" highlights "sanctions".
 */
export function findMatches(normText: string, term: QueryTerm): Span[] {
  const found: Span[] = [];
  for (const alt of term.alternatives) {
    const first = splitRuns(alt)[0];
    const lastRun = splitRuns(alt).at(-1);
    if (!first || !lastRun) continue;
    // Where the query starts inside its first run (leading punctuation is not part of the match).
    const lead = first.start;
    const core = alt.slice(lead, lastRun.start + lastRun.text.length);
    let from = 0;
    for (let at = normText.indexOf(core, from); at >= 0; at = normText.indexOf(core, from)) {
      from = at + 1;
      if (first.kind === 'word' && at > 0 && isWordChar(normText, at - 1)) continue;
      let end = at + core.length;
      if (lastRun.kind === 'word') while (end < normText.length && isWordChar(normText, end)) end++;
      found.push({ start: at, end });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  // Overlapping alternatives (ソコリン inside ミハイル・ソコリン) become one highlight.
  const merged: Span[] = [];
  for (const s of found) {
    const last = merged.at(-1);
    if (last && s.start < last.end) merged[merged.length - 1] = { start: last.start, end: Math.max(last.end, s.end) };
    else merged.push(s);
  }
  return merged;
}

function isWordChar(text: string, index: number): boolean {
  const ch = text[index]!;
  return !CJK.test(ch) && (WORD.test(ch) || /\p{M}/u.test(ch));
}
