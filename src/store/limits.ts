/**
 * Per-document limits of the corpus, so that one bad document (a text the extractor handled badly, a
 * hostile upload) cannot poison the rest: every document must be readable back, exportable as one record
 * and listable in one CSV without coming near V8's largest string (2^29 - 24 characters).
 *
 * - The text: at most `maxTextChars` UTF-16 code units. Longer is refused; a text cannot be cut without
 *   changing what every offset means.
 * - The claims (attributions and unattributed statements): at most `maxClaims`, and all their content
 *   together at most `claimTextPerChar` times the text plus `claimTextSlack`. Over that, the claims past the
 *   limit are dropped (in text order, so the first part of the document keeps its claims) and the analysis
 *   says so in a message; the document itself is kept.
 */
import type { Analysis } from '../core/model/schema.ts';
import { StoreError } from './store.ts';

export interface StoreLimits {
  readonly maxTextChars: number;
  readonly maxClaims: number;
  readonly claimTextPerChar: number;
  readonly claimTextSlack: number;
}

export const STORE_LIMITS: StoreLimits = {
  // 64 Mi code units: a 190 MB Japanese or 64 MB English text, far past any commentary; its JSON record
  // (text plus analysis) stays well within one string.
  maxTextChars: 64 * 1024 * 1024,
  maxClaims: 20_000,
  // Claims are spans of the text and rarely overlap much: 4× the text is already a pathological document.
  claimTextPerChar: 4,
  claimTextSlack: 64 * 1024,
};

export interface LimitOutcome {
  readonly analysis: Analysis;
  /** Set when claims were dropped: what, and why (also added to the analysis's messages). */
  readonly notice: string | null;
}

/** Throws E_TOO_LARGE for a text over the limit. */
export function checkTextLimit(text: string, limits: StoreLimits = STORE_LIMITS): void {
  if (text.length > limits.maxTextChars) {
    throw new StoreError(
      'E_TOO_LARGE',
      `the text is too long for the corpus (${text.length.toLocaleString('en')} characters; the limit is ${limits.maxTextChars.toLocaleString('en')}); split the document`,
    );
  }
}

/**
 * The analysis within the claim limits: unchanged when it fits (the same object), otherwise with the
 * claims past the limits dropped and a message saying how many. Linear in the number of claims.
 */
export function limitAnalysis(text: string, analysis: Analysis, limits: StoreLimits = STORE_LIMITS): LimitOutcome {
  checkTextLimit(text, limits);
  return limitClaims(text, analysis, limits);
}

/** limitAnalysis without the text's own limit (the analysis worker cuts the claims; the store refuses a text). */
export function limitClaims(text: string, analysis: Analysis, limits: StoreLimits = STORE_LIMITS): LimitOutcome {
  const budget = limits.claimTextPerChar * text.length + limits.claimTextSlack;
  const total = analysis.attributions.length + analysis.unattributed.length;
  let chars = 0;
  for (const a of analysis.attributions) chars += a.content.end - a.content.start;
  for (const u of analysis.unattributed) chars += u.content.end - u.content.start;
  if (total <= limits.maxClaims && chars <= budget) return { analysis, notice: null };

  // Attributions first (they are what the corpus is for), then unattributed statements, each in text order.
  let count = 0;
  let used = 0;
  const fits = (span: { start: number; end: number }) => {
    const size = span.end - span.start;
    if (count >= limits.maxClaims || used + size > budget) return false;
    count++;
    used += size;
    return true;
  };
  const byStart = <T extends { content: { start: number } }>(list: readonly T[]) => [...list].sort((a, b) => a.content.start - b.content.start);
  const attributions = byStart(analysis.attributions).filter((a) => fits(a.content));
  const unattributed = byStart(analysis.unattributed).filter((u) => fits(u.content));
  const dropped = total - attributions.length - unattributed.length;
  const notice =
    `${dropped.toLocaleString('en')} of ${total.toLocaleString('en')} claims were not stored: over the corpus limit of ${limits.maxClaims.toLocaleString('en')} claims ` +
    `or ${budget.toLocaleString('en')} characters of claim text for a text of ${text.length.toLocaleString('en')} characters (${chars.toLocaleString('en')} found)`;
  const keep = new Set<object>([...attributions, ...unattributed]);
  return {
    analysis: {
      ...analysis,
      attributions: analysis.attributions.filter((a) => keep.has(a)),
      unattributed: analysis.unattributed.filter((u) => keep.has(u)),
      messages: [...analysis.messages, { reason: notice, ruleId: 'store-limits', fatal: false }],
    },
    notice,
  };
}
