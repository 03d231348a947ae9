/**
 * The normalised view of a source text, with an offset map back to the original.
 *
 * Extractors read the normalised text (NFKC, plus the folds that PDF extraction calls for) and report spans
 * in it; `toOriginal` turns those spans into spans of the original text, which is what leaves the core.
 *
 * Unit of normalisation: a base code point with the combining marks that follow it (a "group"). Each group
 * is normalised alone, so every derived code unit maps back to exactly one original group. That loses the
 * rare NFKC compositions that cross groups, and keeps the map exact and cheap.
 */
import type { Span } from './span.ts';

/**
 * CJK Radicals Supplement (U+2E80–U+2EFF) to the unified ideograph each stands for (after Unicode's
 * EquivalentUnifiedIdeograph.txt). NFKC folds the Kangxi radicals (U+2F00–U+2FD5) but only two of these.
 */
const RADICALS_SUPPLEMENT: Record<string, string> = {
  '⺁': '厂', '⺄': '乙', '⺅': '亻', '⺆': '冂', '⺇': '几', '⺈': '刀', '⺉': '刂', '⺊': '卜', '⺋': '㔾',
  '⺌': '小', '⺍': '小', '⺎': '兀', '⺏': '尣', '⺐': '尢', '⺑': '尢', '⺒': '巳', '⺓': '幺', '⺔': '彑',
  '⺕': '彐', '⺖': '忄', '⺗': '心', '⺘': '扌', '⺙': '攵', '⺛': '旡', '⺜': '日', '⺝': '月', '⺞': '歺',
  '⺟': '母', '⺠': '民', '⺡': '氵', '⺢': '氺', '⺣': '灬', '⺤': '爫', '⺥': '爫', '⺦': '丬', '⺧': '牛',
  '⺨': '犭', '⺩': '王', '⺪': '疋', '⺫': '目', '⺬': '示', '⺭': '礻', '⺮': '竹', '⺯': '糸', '⺰': '纟',
  '⺱': '罓', '⺲': '罒', '⺳': '罓', '⺴': '罓', '⺵': '罓', '⺶': '羊', '⺷': '羊', '⺸': '羋', '⺹': '耂',
  '⺺': '肀', '⺻': '聿', '⺼': '月', '⺽': '臼', '⺾': '艹', '⺿': '艹', '⻀': '艹', '⻁': '虎', '⻂': '衤',
  '⻃': '覀', '⻄': '西', '⻅': '见', '⻆': '角', '⻇': '角', '⻈': '讠', '⻉': '贝', '⻊': '足', '⻋': '车',
  '⻌': '辶', '⻍': '辶', '⻎': '辶', '⻏': '阝', '⻐': '钅', '⻑': '長', '⻒': '镸', '⻓': '长', '⻔': '门',
  '⻕': '阝', '⻖': '阝', '⻗': '雨', '⻘': '青', '⻙': '韦', '⻚': '页', '⻛': '风', '⻜': '飞', '⻝': '食',
  '⻟': '飠', '⻠': '饣', '⻢': '马', '⻣': '骨', '⻤': '鬼', '⻥': '鱼', '⻦': '鸟', '⻧': '卤', '⻨': '麦',
  '⻩': '黄', '⻪': '黾', '⻫': '斉', '⻬': '齐', '⻭': '歯', '⻮': '齿', '⻯': '竜', '⻰': '龙', '⻱': '龜',
  '⻲': '亀', '⻳': '龟',
};

/** Dots that stand for the katakana middle dot in extracted text (‧ U+2027, · U+00B7, ∙ U+2219, ⋅ U+22C5). */
const DOTS: Record<string, string> = { '\u2027': '・', '\u00B7': '・', '\u2219': '・', '\u22C5': '・', '\u0387': '・' };

function foldChar(ch: string): string {
  return RADICALS_SUPPLEMENT[ch] ?? DOTS[ch] ?? ch;
}

const MARK = /[\p{M}\uFF9E\uFF9F]/u;

/**
 * Per BMP code unit: 1 when normalisation leaves it as it is and it is no combining mark, 2 when not, 0 while not
 * yet asked (each unit is worked out when first met: a text meets a few thousand of the 65 536, and working out all
 * of them cost 50 ms, a tenth of a short document's analysis).
 */
const stableUnits = new Uint8Array(0x10000);

function stable(c: number): boolean {
  let v = stableUnits[c]!;
  if (v === 0) {
    const ch = String.fromCharCode(c);
    v = (c < 0xd800 || c > 0xdfff) && ch.normalize('NFKC') === ch && foldChar(ch) === ch && !MARK.test(ch) ? 1 : 2;
    stableUnits[c] = v;
  }
  return v === 1;
}

export interface NormalizedText {
  /** The normalised text the passes read. */
  readonly text: string;
  /** The original text every reported span points into. */
  readonly original: string;
  /** True when normalisation changed nothing, so spans map to themselves. */
  readonly identity: boolean;
  /** Maps a span of `text` to the span of `original` it was made from. */
  toOriginal(span: Span): Span;
  /** Maps an index of `text` to the index of `original` where its group starts. */
  toOriginalIndex(index: number): number;
  /** Maps a span of `original` (e.g. an adapter's hint) to the span of `text` made from it. */
  toDerived(span: Span): Span;
}

/** A stretch of the original to replace in the normalised view (a hard-wrap line break: '' or ' '). */
export interface Join {
  readonly end: number;
  readonly with: string;
}

/**
 * Normalises `original` (NFKC, radicals, dots) and keeps the map back. `joins`, by original start index, are
 * stretches replaced as a whole (line breaks of hard-wrapped paragraphs, so that passes see one line).
 */
export function normalizeText(original: string, joins?: ReadonlyMap<number, Join>): NormalizedText {
  const n = original.length;
  let allStable = !joins || joins.size === 0;
  for (let i = 0; allStable && i < n; i++) {
    if (!stable(original.charCodeAt(i))) { allStable = false; break; }
  }
  if (allStable) return identity(original);

  // The map back, as segments of the derived text: in a run (a stretch copied as it is) derived unit d + k comes
  // from original unit o + k; in a group (a join, or what NFKC made of one code point and its marks) every derived
  // unit comes from the whole original range. Segments, not a pair of numbers per derived unit: a 10 MB text of
  // folded lines made 80 MB of those (fresh memory is slow to touch here), and most of a text is runs.
  const segments = new SegmentMap();
  const parts: string[] = [];
  let units = 0;
  // The joins in the order of the text, met by a cursor (a lookup per code unit cost more than the rest together).
  const joinStarts = joins ? [...joins.keys()].sort((a, b) => a - b) : [];
  let nextJoin = 0;
  let i = 0;
  while (i < n) {
    while (nextJoin < joinStarts.length && joinStarts[nextJoin]! < i) nextJoin++;
    const joinStart = nextJoin < joinStarts.length ? joinStarts[nextJoin]! : n;
    if (joinStart === i) {
      // The whole stretch becomes `with` (possibly nothing): each derived unit maps back to all of it.
      const join = joins!.get(i)!;
      parts.push(join.with);
      if (join.with.length) segments.group(units, i, join.end);
      units += join.with.length;
      i = join.end;
      continue;
    }
    const c = original.charCodeAt(i);
    const nextStable = i + 1 >= n || stable(original.charCodeAt(i + 1));
    if (stable(c) && nextStable) {
      // Fast path: a run of stable code units maps one to one (up to the next join).
      let j = i + 1;
      while (j < joinStart && stable(original.charCodeAt(j))) j++;
      // Leave the last unit of the run to the slow path when a mark follows it.
      if (j < n && j - 1 > i && MARK.test(String.fromCodePoint(original.codePointAt(j)!))) j--;
      parts.push(original.slice(i, j));
      segments.run(units, i);
      units += j - i;
      i = j;
      continue;
    }
    // Slow path: one group, a code point and the marks after it.
    const cp = original.codePointAt(i)!;
    let j = i + (cp > 0xffff ? 2 : 1);
    while (j < n) {
      const m = original.codePointAt(j)!;
      if (!MARK.test(String.fromCodePoint(m))) break;
      j += m > 0xffff ? 2 : 1;
    }
    let out = original.slice(i, j).normalize('NFKC');
    let folded = '';
    for (const ch of out) folded += foldChar(ch);
    out = folded;
    parts.push(out);
    // (One unit from one unit is a run: ﾀ → タ, ① → 1.)
    if (out.length === 1 && j === i + 1) segments.run(units, i);
    else if (out.length) segments.group(units, i, j);
    units += out.length;
    i = j;
  }
  const text = parts.join('');
  const m = text.length;
  segments.end(m);
  const toOriginalIndex = (index: number): number => (index >= m ? n : segments.startOf(index));
  return {
    text,
    original,
    identity: false,
    toOriginalIndex,
    toDerived(span: Span): Span {
      const start = segments.derivedIndex(span.start);
      return { start, end: Math.max(start, segments.derivedIndex(span.end)) };
    },
    toOriginal(span: Span): Span {
      if (span.start < 0 || span.end < span.start || span.end > m) {
        throw new RangeError(`span [${span.start}, ${span.end}) is outside the normalised text (length ${m})`);
      }
      const start = toOriginalIndex(span.start);
      const end = span.end === span.start ? start : segments.endOf(span.end - 1);
      return { start, end: Math.max(start, end) };
    },
  };
}

/**
 * The map from derived units to original ranges, as segments in derived order (see normalizeText): segment k
 * starts at derived unit `derived[k]` and original unit `origin[k]`; a run (`groupEnd[k]` = -1) maps unit by unit,
 * a group maps each of its units to [origin[k], groupEnd[k]).
 */
class SegmentMap {
  private derived: Int32Array = new Int32Array(64);
  private origin: Int32Array = new Int32Array(64);
  private groupEnd: Int32Array = new Int32Array(64);
  private size = 0;
  /** The derived text's length, once known. */
  private m = 0;

  /** A run from derived unit `d`, original unit `o` (merged with the run before when it goes on from it). */
  run(d: number, o: number): void {
    const k = this.size - 1;
    if (k >= 0 && this.groupEnd[k] === -1 && o - this.origin[k]! === d - this.derived[k]!) return;
    this.push(d, o, -1);
  }

  /** A group: derived units from `d` (to the next segment) all come from original [o, e). */
  group(d: number, o: number, e: number): void {
    this.push(d, o, e);
  }

  end(m: number): void {
    this.m = m;
  }

  /** The original index where the group of derived unit `u` starts. */
  startOf(u: number): number {
    const k = this.segmentOf(u);
    return this.groupEnd[k] === -1 ? this.origin[k]! + (u - this.derived[k]!) : this.origin[k]!;
  }

  /** The original index where the group of derived unit `u` ends. */
  endOf(u: number): number {
    const k = this.segmentOf(u);
    return this.groupEnd[k] === -1 ? this.origin[k]! + (u - this.derived[k]!) + 1 : this.groupEnd[k]!;
  }

  /** The first derived unit whose group starts at or after original index `o` (m when none does). */
  derivedIndex(o: number): number {
    // The last segment that starts before o: past it, every unit's group starts at or after o.
    let lo = 0;
    let hi = this.size;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.origin[mid]! < o) lo = mid + 1;
      else hi = mid;
    }
    const k = lo - 1;
    if (k < 0) return 0;
    const next = k + 1 < this.size ? this.derived[k + 1]! : this.m;
    // In a run, unit d + (o - origin) starts at o; a group's units all start before o.
    if (this.groupEnd[k] === -1) return Math.min(this.derived[k]! + (o - this.origin[k]!), next);
    return next;
  }

  private segmentOf(u: number): number {
    let lo = 0;
    let hi = this.size;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.derived[mid]! <= u) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  }

  private push(d: number, o: number, e: number): void {
    if (this.size === this.derived.length) {
      const grow = (a: Int32Array): Int32Array => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.derived = grow(this.derived);
      this.origin = grow(this.origin);
      this.groupEnd = grow(this.groupEnd);
    }
    this.derived[this.size] = d;
    this.origin[this.size] = o;
    this.groupEnd[this.size] = e;
    this.size++;
  }
}

function identity(original: string): NormalizedText {
  const n = original.length;
  return {
    text: original,
    original,
    identity: true,
    toOriginalIndex: (index) => Math.min(index, n),
    toDerived: (span) => ({ start: span.start, end: span.end }),
    toOriginal(span) {
      if (span.start < 0 || span.end < span.start || span.end > n) {
        throw new RangeError(`span [${span.start}, ${span.end}) is outside the text (length ${n})`);
      }
      return { start: span.start, end: span.end };
    },
  };
}

/** Normalises a short string the same way (for comparing names and terms), without a map. */
export function normalizeString(s: string): string {
  let out = '';
  for (const ch of s.normalize('NFKC')) out += foldChar(ch);
  return out;
}
