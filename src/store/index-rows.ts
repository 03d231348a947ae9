/**
 * The rows the corpus commands read, derived from one document's analysis, its identity links and its
 * corrections. Pure; rebuilt whenever any of the three changes.
 */
import type { Analysis } from '../core/model/schema.ts';
import type { Span } from '../core/text/span.ts';
import { dateBounds } from './sql-store.ts';
import type { EffectiveAttribution, SpeakerView } from './corrections.ts';
import type { ClaimRow, ClaimSpeaker, DateRow, FootnoteRef } from './store.ts';

/** The deepest section whose body holds `at` (the heading text), or null. */
export function sectionAt(analysis: Analysis, at: number): string | null {
  let best: Analysis['sections'][number] | null = null;
  for (const s of analysis.sections) {
    if (s.trailer) continue;
    if (s.start <= at && at < s.end && (!best || s.level >= best.level)) best = s;
  }
  return best ? best.heading : null;
}

/** The sentence that holds a span (binary search over sentences, which are in order). */
export function sentenceAt(analysis: Analysis, span: Span): Span | null {
  const list = analysis.sentences;
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = list[mid]!;
    if (s.end <= span.start) lo = mid + 1;
    else if (s.start > span.start) hi = mid - 1;
    else return { start: s.start, end: s.end };
  }
  return null;
}

/** A line of context around a span: its sentence, cut to `max` characters around the span. */
export function contextOf(text: string, analysis: Analysis, span: Span, max = 160): string {
  const sentence = sentenceAt(analysis, span) ?? { start: Math.max(0, span.start - 60), end: Math.min(text.length, span.end + 60) };
  let { start, end } = sentence;
  if (end - start > max) {
    const room = Math.max(0, max - (span.end - span.start));
    start = Math.max(sentence.start, span.start - Math.floor(room / 2));
    end = Math.min(sentence.end, start + max);
  }
  const core = text.slice(start, end).replace(/\s+/g, ' ').trim();
  return `${start > sentence.start ? '…' : ''}${core}${end < sentence.end ? '…' : ''}`;
}

export function footnoteRefs(analysis: Analysis, numbers: readonly number[]): FootnoteRef[] {
  return numbers.map((n) => {
    const f = analysis.footnotes.find((x) => x.n === n && x.note);
    return { n, note: f?.note ? f.note.text.replace(/\s+/g, ' ').trim() : null };
  });
}

/** Claims from effective attributions (rejected ones are left out); `identityOf` maps refs to ids. */
export function claimRows(analysis: Analysis, attributions: readonly EffectiveAttribution[], identityOf: (ref: string) => number | null): ClaimRow[] {
  const rows: ClaimRow[] = [];
  for (const a of attributions) {
    if (a.review === 'rejected') continue;
    const review = a.review;
    const speaker = (role: ClaimSpeaker['role']) => (s: SpeakerView): ClaimSpeaker => ({
      role,
      identity: s.identity ? identityOf(s.identity) : null,
      person: s.person,
      name: s.name,
    });
    rows.push({
      localId: a.id,
      provenance: a.provenance,
      review,
      kind: a.kind,
      start: a.content.start,
      end: a.content.end,
      content: a.content.text,
      cue: a.cue?.text ?? null,
      section: sectionAt(analysis, a.content.start),
      footnotes: footnoteRefs(analysis, a.footnotes),
      hedges: a.hedges,
      confidence: a.confidence,
      corrections: a.corrections,
      speakers: [...a.speakers.map(speaker('speaker')), ...a.via.map(speaker('via'))],
    });
  }
  return rows;
}

export function dateRows(text: string, analysis: Analysis): DateRow[] {
  const rows: DateRow[] = [];
  for (const d of analysis.dates) {
    const { lo, hi } = dateBounds(d.value);
    if (!lo || !hi) continue;
    rows.push({ start: d.start, end: d.end, value: d.value, lo, hi, approx: d.approx, text: d.text, context: contextOf(text, analysis, d) });
  }
  return rows;
}
