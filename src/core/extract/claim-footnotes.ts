/**
 * The footnote markers that source a claim, shared by the Japanese and the commentary passes: markers inside
 * the content, the one right after it (past closing brackets), the one right after the cue, and, when none of
 * those, one after a short tail that closes the quotation (「…」可能性がある15).
 */
import type { Span } from '../text/span.ts';
import type { DraftFootnote } from './04-find-footnotes.ts';

/** Markers starting inside [s, e), by binary search over markers sorted by start. */
export function footnotesIn(footnotes: readonly DraftFootnote[], s: number, e: number): DraftFootnote[] {
  let lo = 0;
  let hi = footnotes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (footnotes[mid]!.start < s) lo = mid + 1;
    else hi = mid;
  }
  const out: DraftFootnote[] = [];
  for (let i = lo; i < footnotes.length && footnotes[i]!.start < e; i++) out.push(footnotes[i]!);
  return out;
}

export function claimFootnotes(
  text: string,
  footnotes: readonly DraftFootnote[],
  byStart: ReadonlyMap<number, DraftFootnote>,
  content: Span,
  cue: Span | null,
  more: readonly number[] = [],
): number[] {
  // A document without footnotes (most): nothing to look for around each claim.
  if (!footnotes.length && !byStart.size && !more.length) return [];
  const ns = new Set<number>(more);
  for (const f of footnotesIn(footnotes, content.start, content.end)) ns.add(f.n);
  let j = content.end;
  while (j < text.length && /[」』”")\s.]/.test(text[j]!)) j++;
  if (byStart.has(j)) ns.add(byStart.get(j)!.n);
  if (cue) {
    let k = cue.end;
    while (k < text.length && /[」』”)\s]/.test(text[k]!)) k++;
    if (byStart.has(k)) ns.add(byStart.get(k)!.n);
  }
  if (ns.size === 0) {
    const tail = /^[^、。,「」『』#\d]{0,12}/.exec(text.slice(j, j + 13))?.[0] ?? '';
    const f = byStart.get(j + tail.length);
    if (f) ns.add(f.n);
  }
  return [...ns].sort((a, b) => a - b);
}
