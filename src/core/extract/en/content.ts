/**
 * The content slot of an English cue, by the conventions of PolNeAR and of news readers: a quotation with its
 * marks and the comma inside them (“…,”); a reported clause with its "that" and without the final stop; an
 * infinitive with its "to"; a quotation broken by its attribution (“…,” she said, “…”) or carried on in the
 * next sentences as several parts.
 */
import type { Span } from '../../text/span.ts';
import type { Token } from './tokens.ts';

export interface Quote {
  /** The opening mark's index. */
  readonly open: number;
  /** The closing mark's last index (the quote's span is [open, close + 1)). */
  readonly close: number;
}

/** Top-level quotations in text[start, end): curly pairs, and straight quotes paired in order. */
export function findQuotes(text: string, start: number, end: number): Quote[] {
  const out: Quote[] = [];
  let curly = -1;
  let depth = 0;
  let straight = -1;
  for (let i = start; i < end; i++) {
    const c = text[i];
    if (c === '“') {
      if (depth === 0 && straight < 0) curly = i;
      depth++;
    } else if (c === '”') {
      if (depth > 0 && --depth === 0 && curly >= 0) {
        out.push({ open: curly, close: i });
        curly = -1;
      } else if (depth === 0 && straight < 0 && (i === start || /\s/.test(text[i - 1]!)) && /^ ?(?:[\p{L}\p{N}]|…|\.\.\.)/u.test(text.slice(i + 1, i + 5))) {
        // ”… at a word's start: a closing mark typed for an opening one; it opens.
        curly = i;
        depth = 1;
      } else if (depth === 0 && straight >= 0 && text[straight] === '"') {
        // "…” — a straight opening mark closed with a curly one (the other half of copied text's mix).
        out.push({ open: straight, close: i });
        straight = -1;
      }
    } else if (c === '"' && depth === 1 && curly >= 0 && /[\s,.;:!?)—–]|^$/.test(text[i + 1] ?? '') && !closesLater(text, i, end)) {
      // “…" — a curly quotation closed with a straight mark (common in copied text).
      out.push({ open: curly, close: i });
      curly = -1;
      depth = 0;
    } else if ((c === '"' || (c === "'" && text[i + 1] === "'")) && depth === 0) {
      // Straight quotes, and the doubled apostrophes some archives use for them (''…''), pair in order.
      const width = c === '"' ? 1 : 2;
      if (straight < 0) straight = i;
      else {
        out.push({ open: straight, close: i + width - 1 });
        straight = -1;
      }
      i += width - 1;
    }
  }
  return out;
}

/** Whether a ” closes the quotation open at `i` before another “ opens or the block ends. */
function closesLater(text: string, i: number, end: number): boolean {
  const close = text.indexOf('”', i);
  if (close < 0 || close >= end) return false;
  const open = text.indexOf('“', i);
  return open < 0 || open > close;
}

export function quoteSpan(q: Quote): Span {
  return { start: q.open, end: q.close + 1 };
}

/** The quotation that contains `at`, if any. */
export function quoteAround(quotes: readonly Quote[], at: number): Quote | undefined {
  for (const q of quotes) {
    if (q.open > at) break;
    if (at > q.open && at < q.close) return q;
  }
  return undefined;
}

/** The quotation whose closing mark stands right before `at` (spaces, a comma or a dash between). */
export function quoteClosingBefore(text: string, quotes: readonly Quote[], at: number, floor: number): Quote | undefined {
  let i = at;
  while (i > floor && /[\s,—–-]/.test(text[i - 1]!)) i--;
  return quotes.find((q) => q.close === i - 1);
}

/** The quotation that opens right after `at` (spaces, a colon, a comma between). */
export function quoteOpeningAfter(text: string, quotes: readonly Quote[], at: number, limit: number): Quote | undefined {
  let i = at;
  while (i < limit && /[\s,:—–-]/.test(text[i]!)) i++;
  return quotes.find((q) => q.open === i);
}

/** Shrinks a reported clause: no white space, no final stop or comma, no dangling opening mark. */
export function trimContent(text: string, start: number, end: number): Span | null {
  while (start < end && /[\s,:;—–]/.test(text[start]!)) start++;
  while (end > start && /[\s.,;:—–-]/.test(text[end - 1]!)) end--;
  // A closing bracket with no opening one in the content belongs to an aside around it: …has pneumonia).
  if (text[end - 1] === ')' && !text.slice(start, end).includes('(')) {
    end--;
    while (end > start && /[\s.,;:—–-]/.test(text[end - 1]!)) end--;
  }
  // A clause that ends inside a quotation keeps the quotation's close: …"would fail."
  return end - start >= 2 ? { start, end } : null;
}

/** Whether tokens [a, b) hold a verb: a clause rather than a bare phrase. */
export function hasVerb(toks: readonly Token[], a: number, b: number): boolean {
  for (let i = a; i < b; i++) if (toks[i]!.pos === 'VERB' || toks[i]!.pos === 'AUX') return true;
  return false;
}
