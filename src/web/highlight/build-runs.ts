/**
 * Stored offsets → the pieces the reader renders. Pure (no DOM), so it is tested in Node.
 *
 * The text is cut at every boundary of every span. Each elementary piece belongs to at most one claim (the
 * shortest that covers it, so a claim nested in a longer one stays visible) and carries the marks that
 * cover it (cue, footnote marker, heading). Consecutive pieces of one claim form a run, rendered as one
 * highlight element; a claim interrupted by another yields several runs, and only its first is a tab stop.
 *
 * The pieces tile the text: concatenated, their texts are the document, so DOM text offsets are document
 * offsets (see text-offsets.ts).
 */

export interface ClaimSpan {
  readonly id: string;
  readonly start: number;
  readonly end: number;
}

export type MarkKind = 'cue' | 'footnote' | 'heading' | 'unattributed';

export interface MarkSpan {
  readonly kind: MarkKind;
  /** Which claim (for a cue), which marker number (footnote), which section or statement (index). */
  readonly id: string;
  readonly start: number;
  readonly end: number;
}

export interface Piece {
  readonly start: number;
  readonly end: number;
  readonly marks: readonly MarkSpan[];
}

export interface Run {
  readonly start: number;
  readonly end: number;
  /** The claim this run highlights, or null for text outside every claim. */
  readonly claim: string | null;
  /** Whether this is the claim's first run (its keyboard stop). */
  readonly first: boolean;
  readonly pieces: readonly Piece[];
}

function check(span: { start: number; end: number }, length: number, what: string): void {
  if (!Number.isInteger(span.start) || !Number.isInteger(span.end) || span.start < 0 || span.end < span.start || span.end > length) {
    throw new RangeError(`${what} [${span.start}, ${span.end}) is not a range of a text of length ${length}`);
  }
}

/**
 * @example
 * buildRuns(10, [{ id: 'a1', start: 2, end: 6 }], [{ kind: 'footnote', id: '1', start: 6, end: 7 }]);
 * // [{ start: 0, end: 2, claim: null, … }, { start: 2, end: 6, claim: 'a1', first: true, … }, { start: 6, end: 10, claim: null, pieces: [[6,7) footnote, [7,10)] }]
 */
export function buildRuns(length: number, claims: readonly ClaimSpan[], marks: readonly MarkSpan[]): Run[] {
  for (const c of claims) check(c, length, `claim ${c.id}`);
  for (const m of marks) check(m, length, `${m.kind} ${m.id}`);
  const cuts = new Set<number>([0, length]);
  for (const s of [...claims, ...marks]) {
    if (s.start === s.end) continue;
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const live = claims.filter((c) => c.end > c.start);
  const liveMarks = marks.filter((m) => m.end > m.start);

  const runs: Run[] = [];
  const seen = new Set<string>();
  let current: { start: number; end: number; claim: string | null; first: boolean; pieces: Piece[] } | null = null;
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    let owner: ClaimSpan | null = null;
    for (const c of live) {
      if (c.start > start || c.end < end) continue;
      if (!owner || c.end - c.start < owner.end - owner.start || (c.end - c.start === owner.end - owner.start && c.start < owner.start)) owner = c;
    }
    const piece: Piece = { start, end, marks: liveMarks.filter((m) => m.start <= start && m.end >= end) };
    const claim = owner?.id ?? null;
    if (current && current.claim === claim) {
      current.end = end;
      current.pieces.push(piece);
      continue;
    }
    if (current) runs.push(current);
    const first: boolean = claim !== null && !seen.has(claim);
    if (claim !== null) seen.add(claim);
    current = { start, end, claim, first, pieces: [piece] };
  }
  if (current) runs.push(current);
  return runs;
}
