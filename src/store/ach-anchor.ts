/**
 * Keeping ACH evidence on its claim when the claims are rebuilt: a reanalysis gives claims new ids, a new
 * version of a document has a new hash, a correction moves a claim's span. Evidence names its claim by the
 * document's hash and the claim's id, and keeps the text it was rated on; after every rebuild it is looked
 * for again, the way corrections are (corrections.ts): first the claim of the same speakers with the same
 * content, then the place the old claim stood (its quote with the text around it, found in the new text),
 * and the claim that covers most of that place. Evidence that is found is pointed at the claim; evidence
 * that is not keeps what it had and is listed as unanchored (AchBook.show, AchBook.unanchored). Pure.
 */
import { fromSelector, toSelector, type TextQuoteSelector } from './corrections.ts';
import type { AchEvidenceRecord, ClaimRow } from './store.ts';

/** The least overlap (intersection over union) at which a claim is the place the evidence stood. */
const MIN_OVERLAP = 0.5;

/** A document's claims with the text their spans point into. */
export interface ClaimsInText {
  readonly hash: string;
  readonly text: string;
  readonly claims: readonly ClaimRow[];
}

export interface Relink {
  readonly evidence: number;
  readonly docHash: string;
  readonly claim: string;
}

/** The speakers of a claim as evidence records them (AchBook.addEvidence). */
export function speakerLine(claim: Pick<ClaimRow, 'speakers'>): string | null {
  return claim.speakers.filter((s) => s.role === 'speaker').map((s) => s.name).join(', ') || null;
}

/** How much of a claim's content evidence keeps (ACH_LIMITS.text in ach.ts). */
const KEPT = 5000;

/** Whether a claim reads as the evidence text, which keeps at most the first KEPT characters of it. */
export function readsAs(content: string, evidenceText: string): boolean {
  return content.slice(0, KEPT) === evidenceText;
}

function overlap(a: { start: number; end: number }, b: { start: number; end: number }): number {
  const inter = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  if (inter <= 0) return 0;
  return inter / (Math.max(a.end, b.end) - Math.min(a.start, b.start));
}

/**
 * Where each piece of evidence now points. `before` holds the claims the evidence was pointing into (by
 * document hash: the same document before reanalysis, or the previous version), `after` the claims as they
 * are now. Evidence of other documents is left alone; only changes are returned.
 *
 * @example
 * relinkEvidence(evidence, new Map([[old.hash, old]]), { hash, text, claims }); // [{ evidence: 7, docHash, claim: 'a5' }]
 */
export function relinkEvidence(
  evidence: readonly AchEvidenceRecord[], before: ReadonlyMap<string, ClaimsInText>, after: ClaimsInText,
): { relinked: Relink[]; unanchored: number[] } {
  const relinked: Relink[] = [];
  const unanchored: number[] = [];
  for (const e of evidence) {
    if (e.kind !== 'claim' || e.docHash === null || e.claim === null) continue;
    if (e.docHash !== after.hash && !before.has(e.docHash)) continue;
    const prev = before.get(e.docHash);
    const old = prev?.claims.find((c) => c.localId === e.claim && readsAs(c.content, e.text));
    // Where the claim stood: the old claim's span with its context, or else the rated text wherever it is.
    const selector: TextQuoteSelector = old
      ? toSelector(prev!.text, old)
      : { exact: e.text, prefix: '', suffix: '', start: 0, end: e.text.length };
    const place = fromSelector(after.text, selector);
    const near = (c: ClaimRow) => (place ? Math.abs(c.start - place.start) : 0);
    // 1. The same speakers saying the same thing (nearest the old place when it occurs more than once).
    const same = after.claims.filter((c) => readsAs(c.content, e.text) && speakerLine(c) === e.speaker).sort((a, b) => near(a) - near(b));
    let found: ClaimRow | undefined = same[0];
    // 2. The claim that covers most of the old place; the same speakers first.
    if (!found && place) {
      let best = 0;
      for (const c of after.claims) {
        const o = overlap(place, c);
        if (o < MIN_OVERLAP) continue;
        const score = o + (speakerLine(c) === e.speaker ? 1 : 0);
        if (score > best) { best = score; found = c; }
      }
    }
    if (!found) {
      unanchored.push(e.id);
      continue;
    }
    if (found.localId !== e.claim || after.hash !== e.docHash) relinked.push({ evidence: e.id, docHash: after.hash, claim: found.localId });
  }
  return { relinked, unanchored };
}
