/**
 * Corrections: the analyst's layer over machine attributions, stored apart from them and re-applied after
 * every analysis.
 *
 * A correction points at text, not at an attribution id (ids change when the extractor changes): by a quote
 * with the text around it and its position, like a W3C TextQuoteSelector with a TextPositionSelector as a
 * hint, and by the hash of the document. Applying one means finding its quote in the text again, then the
 * attribution whose content covers the same place (most overlap wins). When either fails the correction is
 * kept and flagged as no longer anchoring, with the reason; it is never dropped.
 */
import type { Analysis, Attribution } from '../core/model/schema.ts';
import type { Span } from '../core/text/span.ts';
import type { CorrectionRecord } from './store.ts';

/** How much text around a quote is kept to tell its occurrences apart. */
const CONTEXT = 32;
/** The least overlap (intersection over union) at which an attribution is the one a correction meant. */
const MIN_OVERLAP = 0.5;

export interface TextQuoteSelector {
  readonly exact: string;
  readonly prefix: string;
  readonly suffix: string;
  /** Where the quote was, as a hint when it occurs more than once. */
  readonly start: number;
  readonly end: number;
}

export const attributionKinds = ['quote', 'reported', 'according_to'] as const;
export type AttributionKind = (typeof attributionKinds)[number];

/** A speaker as the analyst named them: the name typed, and the identity it resolved to then. */
export interface SpeakerRef {
  readonly name: string;
  readonly identity: string | null;
  /**
   * The document's mention this speaker stands for (p3, named `personName`), when an edit put a known person
   * in place of the one speaker the machine found: the mention's organisation and post stay with the claim.
   */
  readonly person?: string;
  readonly personName?: string;
}

/** What accept, reject and edit point at: the attribution's content (and cue), as it was. */
export interface CorrectionTarget {
  readonly content: TextQuoteSelector;
  readonly cue: TextQuoteSelector | null;
  /** The speakers' names when the correction was made, for people reading it later. */
  readonly speakers: readonly string[];
}

export interface CorrectionChange {
  readonly speakers?: readonly SpeakerRef[];
  readonly content?: TextQuoteSelector;
  readonly cue?: TextQuoteSelector | null;
  readonly kind?: AttributionKind;
}

/** A speaker of an attribution as the corpus shows it. */
export interface SpeakerView {
  /** The document's person id (p3), when the speaker is one of the document's people. */
  readonly person: string | null;
  /** The corpus identity ref (e12), when linked. */
  readonly identity: string | null;
  readonly name: string;
}

export interface QuotedSpanView extends Span {
  readonly text: string;
}

/** An attribution with the corrections applied: what the workbench shows and the corpus indexes. */
export interface EffectiveAttribution {
  /** The machine id (a3), or x<correction> for one the analyst added. */
  readonly id: string;
  readonly provenance: 'machine' | 'analyst';
  readonly review: 'accepted' | 'rejected' | 'edited' | 'added' | null;
  readonly kind: string;
  readonly speakers: readonly SpeakerView[];
  readonly via: readonly SpeakerView[];
  readonly cue: QuotedSpanView | null;
  readonly content: QuotedSpanView;
  readonly footnotes: readonly number[];
  readonly hedges: readonly string[];
  readonly confidence: number;
  readonly mention: Attribution['mention'] | 'analyst';
  /** Refs of the corrections applied to it, oldest first. */
  readonly corrections: readonly string[];
  /** The machine attribution before corrections, when there was one. */
  readonly machine: Attribution | null;
}

export interface ApplyResult {
  readonly attributions: EffectiveAttribution[];
  /** Per active correction: whether it anchored, and why not. */
  readonly outcomes: Map<string, { anchored: boolean; problem: string | null }>;
}

/** Resolves the speakers of a document: a machine person id, or an analyst's identity ref. */
export interface SpeakerResolver {
  person(localId: string): SpeakerView;
  identity(ref: SpeakerRef): SpeakerView;
}

/** Makes a selector for a span of text. */
export function toSelector(text: string, span: Span): TextQuoteSelector {
  if (span.start < 0 || span.end < span.start || span.end > text.length) {
    throw new RangeError(`span [${span.start}, ${span.end}) is not a valid range into a text of length ${text.length}`);
  }
  return {
    exact: text.slice(span.start, span.end),
    prefix: text.slice(Math.max(0, span.start - CONTEXT), span.start),
    suffix: text.slice(span.end, span.end + CONTEXT),
    start: span.start,
    end: span.end,
  };
}

/**
 * Finds a selector in text: the occurrence of its quote whose context agrees best, the recorded position
 * breaking ties. Null when the quote is not in the text.
 */
export function fromSelector(text: string, selector: TextQuoteSelector): Span | null {
  const { exact, prefix, suffix, start } = selector;
  if (exact === '') return null;
  if (text.slice(start, start + exact.length) === exact && text.slice(Math.max(0, start - prefix.length), start) === prefix) {
    return { start, end: start + exact.length };
  }
  let best: { at: number; score: number } | null = null;
  for (let at = text.indexOf(exact); at >= 0; at = text.indexOf(exact, at + 1)) {
    const before = text.slice(Math.max(0, at - prefix.length), at);
    const after = text.slice(at + exact.length, at + exact.length + suffix.length);
    // Characters of context that agree, nearest first; then closeness to where it was.
    const score = commonSuffix(before, prefix) + commonPrefix(after, suffix) - Math.abs(at - start) / (text.length + 1);
    if (!best || score > best.score) best = { at, score };
  }
  return best ? { start: best.at, end: best.at + exact.length } : null;
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

function commonSuffix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[a.length - 1 - i] === b[b.length - 1 - i]) i++;
  return i;
}

function overlap(a: Span, b: Span): number {
  const inter = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  if (inter <= 0) return a.start === b.start && a.end === b.end ? 1 : 0;
  return inter / (Math.max(a.end, b.end) - Math.min(a.start, b.start));
}

const quoted = (text: string, span: Span): QuotedSpanView => ({ start: span.start, end: span.end, text: text.slice(span.start, span.end) });

/** Footnote markers that stand inside a span or right after it (。1, 」2). */
function footnotesAt(analysis: Analysis, span: Span): number[] {
  const out: number[] = [];
  for (const f of analysis.footnotes) if (f.start >= span.start && f.start <= span.end + 2 && !out.includes(f.n)) out.push(f.n);
  return out;
}

/** The machine's attributions as effective ones, before any correction. */
export function machineAttributions(analysis: Analysis, resolve: SpeakerResolver): EffectiveAttribution[] {
  // The same speakers over the same content is one claim, whichever constructions found it: the first
  // (the more confident when they differ) stands, so a passage is never credited twice to one person.
  const seen = new Map<string, number>();
  const kept: Analysis['attributions'][number][] = [];
  for (const a of analysis.attributions) {
    const key = `${[...a.speakers].sort().join('+')}|${a.content.start}:${a.content.end}`;
    const at = seen.get(key);
    if (at === undefined) { seen.set(key, kept.length); kept.push(a); continue; }
    if (a.confidence > kept[at]!.confidence) kept[at] = a;
  }
  return kept.map((a) => ({
    id: a.id,
    provenance: a.provenance,
    review: null,
    kind: a.kind,
    speakers: a.speakers.map((id) => resolve.person(id)),
    via: a.via.map((id) => resolve.person(id)),
    cue: a.cue ? { start: a.cue.start, end: a.cue.end, text: a.cue.text } : null,
    content: { start: a.content.start, end: a.content.end, text: a.content.text },
    footnotes: a.footnotes,
    hedges: a.hedges,
    confidence: a.confidence,
    mention: a.mention,
    corrections: [],
    machine: a,
  }));
}

/**
 * Applies active corrections, oldest first, to the machine's attributions of one document. Pure: the
 * caller records the outcomes.
 */
export function applyCorrections(text: string, analysis: Analysis, corrections: readonly CorrectionRecord[], resolve: SpeakerResolver): ApplyResult {
  let list = machineAttributions(analysis, resolve);
  const outcomes = new Map<string, { anchored: boolean; problem: string | null }>();
  const ordered = [...corrections].filter((c) => c.status === 'active').sort((a, b) => a.id - b.id);
  for (const c of ordered) {
    const change = (c.change ?? {}) as CorrectionChange;
    const fail = (problem: string) => outcomes.set(c.ref, { anchored: false, problem });
    // The document's metadata (metadata.ts): anchored to the document, not to a place in its text.
    if (c.action === 'metadata') { outcomes.set(c.ref, { anchored: true, problem: null }); continue; }

    if (c.action === 'add') {
      if (!change.content) { fail('the correction holds no content span'); continue; }
      const span = fromSelector(text, change.content);
      if (!span) { fail(`its quote «${clip(change.content.exact)}» is not in the document`); continue; }
      const cueSpan = change.cue ? fromSelector(text, change.cue) : null;
      list.push({
        id: `x${c.ref}`,
        provenance: 'analyst',
        review: 'added',
        kind: change.kind ?? 'reported',
        speakers: (change.speakers ?? []).map((s) => resolve.identity(s)),
        via: [],
        cue: cueSpan ? quoted(text, cueSpan) : null,
        content: quoted(text, span),
        footnotes: footnotesAt(analysis, span),
        hedges: [],
        confidence: 1,
        mention: 'analyst',
        corrections: [c.ref],
        machine: null,
      });
      outcomes.set(c.ref, { anchored: true, problem: null });
      continue;
    }

    const target = c.target as CorrectionTarget | null;
    if (!target?.content) { fail('the correction holds no target'); continue; }
    const place = fromSelector(text, target.content);
    if (!place) { fail(`its quote «${clip(target.content.exact)}» is not in the document`); continue; }
    const cuePlace = target.cue ? fromSelector(text, target.cue) : null;
    let bestIndex = -1;
    let bestScore = 0;
    list.forEach((a, i) => {
      const score = overlap(place, a.content) + (cuePlace && a.cue ? overlap(cuePlace, a.cue) * 0.01 : 0);
      if (score > bestScore) { bestScore = score; bestIndex = i; }
    });
    if (bestIndex < 0 || bestScore < MIN_OVERLAP) {
      fail(`no attribution covers «${clip(target.content.exact)}» any more (the analysis changed)`);
      continue;
    }
    const a = list[bestIndex]!;
    let next: EffectiveAttribution;
    if (c.action === 'accept') {
      next = { ...a, review: a.review === 'edited' || a.review === 'added' ? a.review : 'accepted' };
    } else if (c.action === 'reject') {
      next = { ...a, review: 'rejected' };
    } else {
      let content = a.content;
      if (change.content) {
        const span = fromSelector(text, change.content);
        if (!span) { fail(`its new quote «${clip(change.content.exact)}» is not in the document`); continue; }
        content = quoted(text, span);
      }
      let cue = a.cue;
      if (change.cue !== undefined) {
        const span = change.cue ? fromSelector(text, change.cue) : null;
        cue = span ? quoted(text, span) : null;
      }
      next = {
        ...a,
        provenance: 'analyst',
        review: a.review === 'added' ? 'added' : 'edited',
        kind: change.kind ?? a.kind,
        speakers: change.speakers ? change.speakers.map((s) => resolve.identity(s)) : a.speakers,
        content,
        cue,
        footnotes: change.content ? footnotesAt(analysis, content) : a.footnotes,
        confidence: 1,
      };
    }
    next = { ...next, corrections: [...a.corrections, c.ref] };
    list = list.map((x, i) => (i === bestIndex ? next : x));
    outcomes.set(c.ref, { anchored: true, problem: null });
  }
  return { attributions: list.sort((x, y) => x.content.start - y.content.start || x.content.end - y.content.end), outcomes };
}

function clip(s: string, n = 40): string {
  const flat = s.replace(/\s+/g, ' ');
  return flat.length > n ? `${flat.slice(0, n)}…` : flat;
}
