/**
 * Pass 4: footnote markers.
 *
 * PDF extraction leaves superscript markers as bare digits glued to the text (…試みである1。 合意3は). A
 * document's markers run 1, 2, 3 … in reading order, and that is what tells them from every other number
 * (dates, counts, section numbers): we take every digit run that could be a marker and decode the longest
 * increasing chain 1, 2, 3 … through them, by dynamic programming. How a number is written (followed by a
 * counter such as 年 or %, preceded by 第, inside "(1)") only breaks ties between chains of equal length.
 *
 * Explicit markers ([1], (注1), ※1, [^1], superscripts) join the same chain with a bonus. A notes list at the
 * end (注 / Notes followed by numbered lines) is linked to its markers. An adapter that saw the markers as
 * glyphs (PDF, Word) passes them as hints, and then those are taken as they are.
 */
import type { Span } from '../text/span.ts';
import type { ClassifiedBlock } from '../segment/02-classify-blocks.ts';
import type { DraftSentence } from '../segment/03-split-sentences.ts';
import type { Footnote } from '../model/schema.ts';

export interface DraftFootnote {
  n: number;
  start: number;
  end: number;
  style: Footnote['style'];
  sentence: number | null;
  note: Span | null;
}

interface Candidate {
  n: number;
  start: number; // of the digits
  end: number;
  markStart: number; // of the whole marker ([1] → the '[')
  markEnd: number;
  style: Footnote['style'];
  prior: number; // how much the writing looks like a marker, about -1 … 1
}

const SUPERSCRIPTS = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const MARKER_BEARING = new Set(['paragraph', 'list-item', 'heading']);
/** Characters after which a number is a quantity, not a marker (a tie-breaker only, see above). */
const COUNTER_AFTER = /^(?:[年月日時分秒%％つ個人件回位倍歳度号条章節頁円ドル万億千百名機隻両発基国社校週世代期号線km]|[かカヶヵケ箇][国所月年条])/;
const MAX_GAP = 3;

export function findFootnotes(
  text: string,
  original: string,
  toOriginalIndex: (i: number) => number,
  blocks: readonly ClassifiedBlock[],
  sentences: readonly DraftSentence[],
): DraftFootnote[] {
  const decoder = createChainDecoder();
  for (const b of blocks) if (MARKER_BEARING.has(b.kind)) collectCandidates(text, original, toOriginalIndex, b, decoder.push);
  const chain = decoder.finish();
  const notes = findNotes(text, blocks);
  return chain.map((c) => ({
    n: c.n,
    start: c.style === 'bare' || c.style === 'superscript' ? c.start : c.markStart,
    end: c.style === 'bare' || c.style === 'superscript' ? c.end : c.markEnd,
    style: c.style,
    sentence: sentenceOf(text, sentences, c.markStart),
    note: notes.get(c.n) ?? null,
  }));
}

function collectCandidates(
  text: string,
  original: string,
  toOriginalIndex: (i: number) => number,
  block: ClassifiedBlock,
  out: { push(c: Candidate): void } | ((c: Candidate) => void),
): void {
  const push = typeof out === 'function' ? out : (c: Candidate) => out.push(c);
  const s = block.contentStart;
  const e = block.end;
  const re = /\[\^(\d{1,3})\]|\[(\d{1,3})\]|[(（]注\s*(\d{1,3})[)）]|※\s*(\d{1,3})|(\d+)/g;
  re.lastIndex = s;
  const segment = text.slice(0, e);
  let m: RegExpExecArray | null;
  while ((m = re.exec(segment)) && m.index < e) {
    const at = m.index;
    if (m[1] || m[2] || m[3] || m[4]) {
      const digits = (m[1] ?? m[2] ?? m[3] ?? m[4])!;
      const dStart = at + m[0].lastIndexOf(digits);
      push({
        n: Number(digits), start: dStart, end: dStart + digits.length, markStart: at, markEnd: at + m[0].length,
        style: m[1] ? 'markdown' : m[2] ? 'bracket' : m[3] ? 'note-word' : 'asterisk', prior: m[2] ? 0.4 : 1,
      });
      continue;
    }
    const digits = m[5]!;
    if (digits.length > 3) continue;
    const start = at;
    const end = at + digits.length;
    const before = text[start - 1];
    const after = text[end];
    // Digits that continue a number, a code or a ratio are never markers.
    if (before !== undefined && start > s && /[0-9\-/:#$¥€£+±×^_]/.test(before)) continue;
    if (after === '.' && /\d/.test(text[end + 1] ?? '')) continue;
    if (after === ',' && /\d{3}/.test(text.slice(end + 1, end + 4))) continue;
    // "in 2028.3 He…": a marker after a number's full stop only when a new sentence follows.
    const afterNumberStop = before === '.' && /\d/.test(text[start - 2] ?? '');
    if (afterNumberStop && !/^(?:\s+[A-Z“"]|\s*$)/.test(text.slice(end, end + 3))) continue;
    const n = Number(digits);
    if (n === 0) continue;
    const superscript = isSuperscript(original, toOriginalIndex, start, end);
    push({ n, start, end, markStart: start, markEnd: end, style: superscript ? 'superscript' : 'bare', prior: superscript ? 1 : prior(text, start, end, s, e) - (afterNumberStop ? 0.3 : 0) });
  }
}

function isSuperscript(original: string, toOriginalIndex: (i: number) => number, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!SUPERSCRIPTS.includes(original[toOriginalIndex(i)] ?? '')) return false;
  return true;
}

/** How much the way a bare number is written looks like a marker. */
function prior(text: string, start: number, end: number, blockStart: number, blockEnd: number): number {
  let p = 0;
  const before = text[start - 1] ?? '';
  const after = text.slice(end, end + 2);
  if (start === blockStart) p -= 0.6;
  if (before === '第' || before === '(' || before === '（' || before === '約' || before === '計') p -= 0.6;
  if (COUNTER_AFTER.test(after)) p -= 0.6;
  if (/^[。、，,.」』)\]]/.test(after) || end === blockEnd) p += 0.3;
  if (/[」』)\]。]/.test(before)) p += 0.3;
  // English puts the marker after the punctuation: "…stretched.1 Its", "…ports,2 and", "…failed.”3".
  if (/[.,;:”"’]/.test(before) && /[\p{L}.”"’)]/u.test(text[start - 2] ?? '')) p += 0.3;
  if (/\s/.test(before)) p -= 0.3;
  return p;
}

/**
 * The best chain n1 < n2 < … in text order, starting near 1 and rising by small steps, by dynamic programming
 * over candidates as they come (in text order). `best` holds, for each number v, the best chain so far that
 * ends with v, as a linked list through `prev`; a candidate no chain can use is dropped at once, so memory
 * stays proportional to the chains, not to every number in a long document.
 */
interface ChainNode {
  c: Candidate;
  score: number;
  prev: ChainNode | null;
}

function createChainDecoder(): { push: (c: Candidate) => void; finish: () => Candidate[] } {
  const best = new Map<number, ChainNode>();
  let bestEnd: ChainNode | null = null;
  const push = (c: Candidate): void => {
    let s = -Infinity;
    let from: ChainNode | null = null;
    if (c.n <= MAX_GAP) s = 1 + 0.4 * c.prior - 0.8 * (c.n - 1); // a chain may start here
    for (let d = 1; d <= MAX_GAP; d++) {
      const j = best.get(c.n - d);
      if (!j) continue;
      const t = j.score + 1 + 0.4 * c.prior - 0.8 * (d - 1);
      if (t > s) { s = t; from = j; }
    }
    if (s === -Infinity) {
      // No chain reaches this number and none can start here: forget it.
      return;
    }
    const node: ChainNode = { c, score: s, prev: from };
    const held = best.get(c.n);
    if (!held || held.score < s) best.set(c.n, node);
    if (!bestEnd || s > bestEnd.score) bestEnd = node;
  };
  const finish = (): Candidate[] => {
    const chain: Candidate[] = [];
    for (let n: ChainNode | null = bestEnd; n; n = n.prev) chain.push(n.c);
    chain.reverse();
    // A lone bare "1" is a number unless it is written like a marker (glued to the text before 。 or 」);
    // explicit markers stand alone.
    const explicit = chain.some((c) => c.style !== 'bare');
    if (!explicit && chain.length < 2 && !(chain.length === 1 && chain[0]!.prior >= 0.3)) return [];
    // A text with only numbers still holds short rising runs (第1段階は2週間, Phase 1 … 2 weeks). Markers show
    // themselves somewhere by standing where a marker stands (glued before 。、 or after 」); a bare chain
    // where not one number does is counts and ordinals, not footnotes.
    if (!explicit && !chain.some((c) => c.prior >= 0.3)) return [];
    return chain;
  };
  return { push, finish };
}

/** The notes list: numbered lines in a notes trailer (注 / Notes), number → span of the note text. */
function findNotes(text: string, blocks: readonly ClassifiedBlock[]): Map<number, Span> {
  const notes = new Map<number, Span>();
  let last: { n: number; block: ClassifiedBlock; start: number } | null = null;
  for (const b of blocks) {
    if (b.kind !== 'note') continue;
    // A line that opens with a year or a date ("2024年版、…") continues the note before it.
    const m = /^(?:\[\^?(\d{1,3})\]:?|(\d{1,3})(?![\d年月日%％])[.)．:]?|[(（]?注\s*(\d{1,3})[)）]?|※(\d{1,3})|\^(\d{1,3}))\s*/.exec(text.slice(b.start, b.end));
    if (m) {
      const n = Number(m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5]);
      if (!notes.has(n)) notes.set(n, { start: b.start + m[0].length, end: b.end });
      last = { n, block: b, start: b.start + m[0].length };
    } else if (last) {
      // A note that runs over several lines.
      notes.set(last.n, { start: last.start, end: b.end });
    }
  }
  return notes;
}

function sentenceOf(text: string, sentences: readonly DraftSentence[], at: number): number | null {
  let lo = 0;
  let hi = sentences.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid]!.start <= at) { found = mid; lo = mid + 1; } else hi = mid - 1;
  }
  if (found < 0) return null;
  const s = sentences[found]!;
  // A marker standing right at the start of a sentence closes the one before it in the same block.
  if (at === s.start && found > 0 && sentences[found - 1]!.block === s.block) return found - 1;
  if (at >= s.end && !(found + 1 < sentences.length && sentences[found + 1]!.start <= at)) {
    return /^\s*$/.test(text.slice(s.end, at)) ? found : null;
  }
  return found;
}
