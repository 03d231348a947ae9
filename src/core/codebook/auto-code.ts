/**
 * Auto-coding: which codes of a codebook a claim's text calls for, with the evidence (each indicator that
 * matched, and where) and a confidence. Pure: text and codebook in, codes out.
 *
 * Matching runs over a folded copy of the text that has exactly its length (each UTF-16 unit folded alone:
 * NFKC, CJK radical forms, lower case, kept as it was when its fold is not one unit), so every match is a
 * span of the original text with no offset map: ＮＡＴＯ matches "nato", ⾮核化 matches 非核化.
 *
 * Japanese terms match anywhere (the language writes no spaces). English terms match at a word start and
 * end, with an inflection allowed (sanction → sanctions, sanctioned), so "ship" does not code
 * "relationship". Patterns are regular expressions matched on the folded text.
 *
 * Confidence: each distinct indicator that matched is independent weak evidence (a term 0.5, a pattern 0.6),
 * combined as 1 − Π(1 − w): one term 0.5, two 0.75, three 0.875. A code is proposed from one indicator on.
 */
import type { Analysis, Attribution } from '../model/schema.ts';
import { normalizeString } from '../text/normalize.ts';
import type { Codebook, Code } from './codebook.ts';
import { isCodable } from './codebook.ts';

export interface CodeEvidence {
  /** The indicator as the codebook writes it. */
  readonly indicator: string;
  readonly kind: 'ja' | 'en' | 'pattern';
  /** Half-open UTF-16 span into the text that was coded; text.slice(start, end) === quote. */
  readonly start: number;
  readonly end: number;
  readonly quote: string;
}

export interface CodeMatch {
  readonly code: string;
  readonly confidence: number;
  readonly evidence: readonly CodeEvidence[];
}

const TERM_WEIGHT = 0.5;
const PATTERN_WEIGHT = 0.6;
/** At most this many evidence spans per code: enough to audit, bounded for a long claim. */
const MAX_EVIDENCE = 8;

/** Each BMP unit's fold, filled as units are met (0: not yet; normalising one character at a time is slow). */
const unitFold = new Uint16Array(0x10000);

/** The text folded for matching, unit for unit (same length, same offsets); most text is its own fold, and is returned as it is. */
export function foldForMatch(text: string): string {
  let i = 0;
  while (i < text.length && foldUnit(text.charCodeAt(i)) === text.charCodeAt(i)) i++;
  if (i === text.length) return text;
  const units = new Uint16Array(text.length);
  for (let j = 0; j < text.length; j++) units[j] = j < i ? text.charCodeAt(j) : foldUnit(text.charCodeAt(j));
  let out = '';
  for (let j = 0; j < units.length; j += 8192) out += String.fromCharCode.apply(null, units.subarray(j, j + 8192) as unknown as number[]);
  return out;
}

function foldUnit(u: number): number {
  if (u < 0x80) return u >= 65 && u <= 90 ? u + 32 : u;
  if (u >= 0xd800 && u <= 0xdfff) return u;
  let f = unitFold[u]!;
  if (f === 0) {
    const folded = normalizeString(String.fromCharCode(u)).toLowerCase();
    f = unitFold[u] = folded.length === 1 ? folded.charCodeAt(0) : u;
  }
  return f;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface CompiledIndicator {
  /** Its place among all the codebook's indicators, in codebook order. */
  readonly index: number;
  /** The index of its code in `CompiledCodebook.codes`. */
  readonly code: number;
  readonly indicator: string;
  readonly kind: CodeEvidence['kind'];
  readonly weight: number;
  readonly re: RegExp;
  /** Folded text every match contains (a term, or a phrase's first word): a claim without it is passed over. */
  readonly needle: string | null;
}

interface CompiledCode {
  readonly id: string;
  readonly indicators: readonly CompiledIndicator[];
}

/** A codebook made ready for matching many claims (regular expressions built once). */
export interface CompiledCodebook {
  readonly codes: readonly CompiledCode[];
  /** Indicators with a needle, by the needle's first unit: a claim is tried only on those it could contain. */
  readonly byFirstUnit: ReadonlyMap<number, readonly CompiledIndicator[]>;
  /** Indicators with no needle (patterns): tried on every claim. */
  readonly always: readonly CompiledIndicator[];
  /**
   * All of `always` as one alternation, tried once on a claim before each of them (most claims match none), or null
   * when they cannot be joined (a backreference, whose number would change, or group names used twice).
   */
  readonly anyAlways: RegExp | null;
  /** How many indicators there are in all. */
  readonly size: number;
}

const compiled = new WeakMap<Codebook, CompiledCodebook>();

export function compileCodebook(book: Codebook): CompiledCodebook {
  const known = compiled.get(book);
  if (known) return known;
  const codes: CompiledCode[] = [];
  let size = 0;
  for (const c of book.codes) {
    if (!isCodable(c)) continue;
    const indicators = compileIndicators(c, codes.length, size);
    size += indicators.length;
    if (indicators.length) codes.push({ id: c.id, indicators });
  }
  const byFirstUnit = new Map<number, CompiledIndicator[]>();
  const always: CompiledIndicator[] = [];
  for (const c of codes) {
    for (const ind of c.indicators) {
      if (!ind.needle) {
        always.push(ind);
        continue;
      }
      const u = ind.needle.charCodeAt(0);
      const list = byFirstUnit.get(u);
      if (list) list.push(ind);
      else byFirstUnit.set(u, [ind]);
    }
  }
  const out = { codes, byFirstUnit, always, anyAlways: joinPatterns(always), size };
  compiled.set(book, out);
  return out;
}

function joinPatterns(patterns: readonly CompiledIndicator[]): RegExp | null {
  if (patterns.length < 2 || patterns.some((p) => /\\(?:[1-9]|k<)/.test(p.re.source))) return null;
  try {
    return new RegExp(patterns.map((p) => `(?:${p.re.source})`).join('|'), 'iu');
  } catch {
    return null;
  }
}

function compileIndicators(c: Code, code: number, first: number): CompiledIndicator[] {
  const out: CompiledIndicator[] = [];
  const at = () => ({ index: first + out.length, code });
  for (const t of c.indicators?.ja ?? []) {
    const needle = foldForMatch(t);
    out.push({ ...at(), indicator: t, kind: 'ja', weight: TERM_WEIGHT, re: new RegExp(escapeRegExp(needle), 'gu'), needle });
  }
  for (const t of c.indicators?.en ?? []) {
    const folded = escapeRegExp(foldForMatch(t)).replace(/\s+/g, '[\\s-]+');
    // A word start before; after, a word end once an optional inflection has been taken. The needle is the
    // first word: every match contains it, so a claim without it is passed over (a phrase's words may be
    // joined by any spaces or a hyphen, so the whole phrase is no needle).
    const needle = foldForMatch(t.trim().split(/\s+/)[0]!) || null;
    out.push({ ...at(), indicator: t, kind: 'en', weight: TERM_WEIGHT, re: new RegExp(`(?<![\\p{Script=Latin}\\p{N}])${folded}(?:s|es|ed|d|ing)?(?![\\p{Script=Latin}\\p{N}])`, 'gu'), needle });
  }
  for (const p of c.indicators?.patterns ?? []) {
    out.push({ ...at(), indicator: p, kind: 'pattern', weight: PATTERN_WEIGHT, re: new RegExp(p, 'giu'), needle: null });
  }
  return out;
}

/** Per BMP unit, the `autoCode` call that last looked it up: the units a text has, without a set per text. */
const seenIn = new Uint32Array(0x10000);
let call = 0;

/**
 * The codes a text calls for, most confident first (then codebook order).
 *
 * @example
 * autoCode('衛星の打ち上げ技術が移転された', book) // [{ code: 'domain.space', confidence: 0.5, evidence: [{ indicator: '衛星', start: 0, end: 2, … }] }]
 */
export function autoCode(text: string, book: Codebook | CompiledCodebook): CodeMatch[] {
  const cb = 'format' in book ? compileCodebook(book) : book;
  const folded = foldForMatch(text);
  // The indicators that can match: those whose needle's first unit occurs in the text, and the patterns;
  // tried in codebook order, so that the evidence kept under the cap is the same whatever the text.
  const candidates: CompiledIndicator[] = cb.anyAlways && !cb.anyAlways.test(folded) ? [] : [...cb.always];
  if (++call === 0xffffffff) {
    seenIn.fill(0);
    call = 1;
  }
  for (let i = 0; i < folded.length; i++) {
    const u = folded.charCodeAt(i);
    if (seenIn[u] === call) continue;
    seenIn[u] = call;
    const list = cb.byFirstUnit.get(u);
    if (list) for (const ind of list) if (folded.includes(ind.needle!)) candidates.push(ind);
  }
  if (candidates.length === 0) return [];
  candidates.sort((a, b) => a.index - b.index);
  const found = new Map<number, { evidence: CodeEvidence[]; miss: number }>();
  for (const ind of candidates) {
    let entry = found.get(ind.code);
    ind.re.lastIndex = 0;
    let hit = false;
    for (let m = ind.re.exec(folded); m; m = ind.re.exec(folded)) {
      if (m[0].length === 0) {
        ind.re.lastIndex++;
        continue;
      }
      hit = true;
      if (!entry) found.set(ind.code, (entry = { evidence: [], miss: 1 }));
      if (entry.evidence.length < MAX_EVIDENCE) entry.evidence.push({ indicator: ind.indicator, kind: ind.kind, start: m.index, end: m.index + m[0].length, quote: text.slice(m.index, m.index + m[0].length) });
      else break;
    }
    if (hit) entry!.miss *= 1 - ind.weight;
  }
  const out: { match: CodeMatch; order: number }[] = [];
  for (const [order, { evidence, miss }] of found) {
    evidence.sort((a, b) => a.start - b.start || a.end - b.end);
    out.push({ match: { code: cb.codes[order]!.id, confidence: Math.round((1 - miss) * 1000) / 1000, evidence }, order });
  }
  return out.sort((a, b) => b.match.confidence - a.match.confidence || a.order - b.order).map((x) => x.match);
}

/**
 * The analysis with every attribution's `codes`: its content coded with `book`, evidence as spans of the
 * source text (the content's own span moved by its start).
 */
export function codeAnalysis(analysis: Analysis, book: Codebook): Analysis {
  const cb = compileCodebook(book);
  return { ...analysis, attributions: analysis.attributions.map((a) => ({ ...a, codes: claimCodes(a, cb) })) };
}

/** One attribution's `codes`, as `codeAnalysis` gives them: the JSON writer adds them as it writes each claim. */
export function claimCodes(a: Attribution, cb: CompiledCodebook): NonNullable<Attribution['codes']> {
  return autoCode(a.content.text, cb).map((m) => ({
    code: m.code,
    confidence: m.confidence,
    evidence: m.evidence.map((e) => ({ indicator: e.indicator, kind: e.kind, start: e.start + a.content.start, end: e.end + a.content.start, text: e.quote })),
  }));
}
