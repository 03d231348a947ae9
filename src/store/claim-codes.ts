/**
 * The codes of a document's claims: the machine's proposals (auto-code.ts) with the analyst's decisions
 * applied. Pure; run whenever a document's claims are rebuilt (ingest, reanalysis, a correction, a new
 * codebook), so that decisions survive all of them.
 *
 * A decision points at a claim by its content's quote and context (like a correction), not by the claim's
 * id, and names a code by its id. It applies to the claim whose content overlaps the quote most. One that no
 * longer finds its claim, or whose code the codebook no longer has, is kept and flagged with the reason,
 * and applies again when the claim or the code comes back. For one claim and code, the latest decision wins.
 */
import { autoCode, compileCodebook } from '../core/codebook/auto-code.ts';
import type { Codebook } from '../core/codebook/codebook.ts';
import { fromSelector, type TextQuoteSelector } from './corrections.ts';
import type { ClaimCode, ClaimRow, CodeDecisionRecord } from './store.ts';

/** The least overlap (intersection over union) at which a claim is the one a decision meant. */
const MIN_OVERLAP = 0.5;

export interface DecisionOutcome {
  readonly anchored: boolean;
  readonly problem: string | null;
}

function overlap(a: { start: number; end: number }, b: { start: number; end: number }): number {
  const inter = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  if (inter <= 0) return 0;
  return inter / (Math.max(a.end, b.end) - Math.min(a.start, b.start));
}

/** The claim a selector points at, or null. */
export function claimAt(text: string, claims: readonly ClaimRow[], target: TextQuoteSelector): ClaimRow | null {
  const span = fromSelector(text, target);
  if (!span) return null;
  let best: ClaimRow | null = null;
  let bestScore = 0;
  for (const c of claims) {
    const o = overlap(span, c);
    if (o > bestScore) {
      best = c;
      bestScore = o;
    }
  }
  return bestScore >= MIN_OVERLAP ? best : null;
}

/**
 * Codes every claim with `book`, then applies the active decisions in order.
 *
 * @example
 * const { claims } = codeClaims(text, claimRows(...), DEFAULT_CODEBOOK, await store.codeDecisions(hash));
 */
export function codeClaims(
  text: string, claims: readonly ClaimRow[], book: Codebook, decisions: readonly CodeDecisionRecord[],
): { claims: ClaimRow[]; outcomes: Map<string, DecisionOutcome> } {
  const compiled = compileCodebook(book);
  const known = new Set(book.codes.map((c) => c.id));
  const byClaim = new Map<string, Map<string, ClaimCode>>();
  for (const c of claims) {
    const codes = new Map<string, ClaimCode>();
    // The machine codes the claim's content; evidence spans are moved into the document's text.
    for (const m of autoCode(c.content, compiled)) {
      codes.set(m.code, {
        code: m.code, status: 'machine', confidence: m.confidence, decision: null,
        evidence: m.evidence.map((e) => ({ ...e, start: e.start + c.start, end: e.end + c.start })),
      });
    }
    byClaim.set(c.localId, codes);
  }
  const outcomes = new Map<string, DecisionOutcome>();
  for (const d of decisions) {
    if (d.status !== 'active') continue;
    const claim = claimAt(text, claims, d.target as TextQuoteSelector);
    if (!claim) {
      outcomes.set(d.ref, { anchored: false, problem: `its claim is no longer found: «${clip((d.target as TextQuoteSelector).exact)}»` });
      continue;
    }
    if (!known.has(d.code)) {
      outcomes.set(d.ref, { anchored: false, problem: `code ${JSON.stringify(d.code)} is not in the codebook` });
      continue;
    }
    outcomes.set(d.ref, { anchored: true, problem: null });
    const codes = byClaim.get(claim.localId)!;
    const had = codes.get(d.code);
    if (d.action === 'reject') {
      codes.set(d.code, { code: d.code, status: 'rejected', confidence: had?.confidence ?? 0, evidence: had?.evidence ?? [], decision: d.ref });
    } else {
      // Accepting a code the machine no longer proposes (after a codebook edit) keeps the analyst's word.
      const status = (d.action === 'add' && !had) || had?.status === 'added' ? 'added' : 'accepted';
      codes.set(d.code, { code: d.code, status, confidence: 1, evidence: had?.evidence ?? [], decision: d.ref });
    }
  }
  const order = (a: ClaimCode, b: ClaimCode) => b.confidence - a.confidence || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
  return { claims: claims.map((c) => ({ ...c, codes: [...byClaim.get(c.localId)!.values()].sort(order) })), outcomes };
}

/** Codes that count: every one the analyst did not reject. */
export const isCounted = (c: ClaimCode) => c.status !== 'rejected';

function clip(s: string, n = 40): string {
  return s.length > n ? `${s.slice(0, n)}…` : s;
}
