/**
 * Who agrees with whom, code by code: the claims coded with one code of the codebook (or a code under it),
 * across the current documents, grouped by what they say (store similarAmong: the measure of "also said
 * by", every pair compared). A group whose claims come from two or more speakers is an agreement; a group
 * of one speaker (one claim, or the same view repeated in several documents) stands alone.
 *
 * The corpus reads the claims and the groups (Corpus.agreement); this file shapes them for the CLI, the API
 * and the workbench. Pure.
 */
import type { ClaimView, DocumentRef } from './corpus.ts';
import type { SimilarGroupsOf } from './store.ts';

/** The most claims one view groups; a code with more keeps the most recent documents' claims and says so. */
export const AGREEMENT_MAX_CLAIMS = 2000;

export type AgreementClaim = Omit<ClaimView, 'role'>;

export interface AgreementGroup {
  /** g1, g2 … in the order listed (agreements first). */
  readonly id: string;
  /** Distinct speakers, in the order of their first claim. */
  readonly speakers: readonly { readonly name: string; readonly id: string | null }[];
  /** Distinct documents, oldest date first. */
  readonly documents: readonly DocumentRef[];
  /** By document date, then position. */
  readonly claims: readonly AgreementClaim[];
  /** The weakest and strongest link that joined the group (cosine, 0–1); null for a single claim. */
  readonly similarity: { readonly min: number; readonly max: number } | null;
}

export interface AgreementView {
  readonly code: {
    readonly id: string;
    readonly names: { readonly ja: string; readonly en: string };
    readonly definition: string | null;
    readonly colour: string | null;
    /** The code and every code under it: a claim with any of them counts. */
    readonly includes: readonly string[];
  };
  readonly threshold: number;
  /** Documents the view was limited to (refs), or null for the whole corpus. */
  readonly documents: readonly string[] | null;
  readonly totals: { readonly claims: number; readonly speakers: number; readonly documents: number };
  /** Groups of two or more speakers: most speakers first, then most documents. */
  readonly agree: readonly AgreementGroup[];
  /** Groups of one speaker. */
  readonly alone: readonly AgreementGroup[];
  /** Set when the code had more claims than one view groups: how many there were and how many were kept. */
  readonly limited: { readonly total: number; readonly kept: number } | null;
}

/** A speaker is the same person by identity (after merges), or by name when none is linked. */
const speakerKey = (s: { name: string; id: string | null }) => s.id ?? `name:${s.name}`;
const claimKey = (k: { doc: number; claim: string }) => `${k.doc} ${k.claim}`;

function byDate(a: AgreementClaim, b: AgreementClaim): number {
  const da = a.document.date ?? '9999';
  const db = b.document.date ?? '9999';
  return da < db ? -1 : da > db ? 1 : a.document.id < b.document.id ? -1 : a.document.id > b.document.id ? 1 : a.start - b.start;
}

/**
 * Shapes the groups of `similar` into agreements and views that stand alone.
 *
 * @example
 * buildAgreement(head, claims, await store.similarAmong(keys, { threshold }), { threshold, documents: null, limited: null });
 */
export function buildAgreement(
  code: AgreementView['code'],
  claims: ReadonlyMap<string, AgreementClaim>,
  similar: SimilarGroupsOf,
  options: { threshold: number; documents: readonly string[] | null; limited: AgreementView['limited'] },
): AgreementView {
  const groupOf = new Map<string, number>();
  similar.groups.forEach((g, i) => { for (const k of g) groupOf.set(claimKey(k), i); });
  const span = new Map<number, { min: number; max: number }>();
  for (const l of similar.links) {
    const g = groupOf.get(claimKey(l.a))!;
    const s = span.get(g);
    span.set(g, s ? { min: Math.min(s.min, l.similarity), max: Math.max(s.max, l.similarity) } : { min: l.similarity, max: l.similarity });
  }
  const round = (x: number) => Math.round(x * 1000) / 1000;
  const built: Omit<AgreementGroup, 'id'>[] = similar.groups.flatMap((g, i) => {
    const list = g.map((k) => claims.get(claimKey(k))).filter((c): c is AgreementClaim => !!c).sort(byDate);
    if (!list.length) return [];
    const speakers = new Map<string, { name: string; id: string | null }>();
    const documents = new Map<string, DocumentRef>();
    for (const c of list) {
      for (const s of c.speakers) if (!speakers.has(speakerKey(s))) speakers.set(speakerKey(s), s);
      if (!documents.has(c.document.id)) documents.set(c.document.id, c.document);
    }
    const s = span.get(i);
    return [{ speakers: [...speakers.values()], documents: [...documents.values()], claims: list, similarity: s ? { min: round(s.min), max: round(s.max) } : null }];
  });
  const order = (a: Omit<AgreementGroup, 'id'>, b: Omit<AgreementGroup, 'id'>) =>
    b.speakers.length - a.speakers.length || b.documents.length - a.documents.length || b.claims.length - a.claims.length || byDate(a.claims[0]!, b.claims[0]!);
  const agree = built.filter((g) => g.speakers.length > 1).sort(order);
  const alone = built.filter((g) => g.speakers.length <= 1).sort(order);
  let n = 0;
  const withId = (g: Omit<AgreementGroup, 'id'>): AgreementGroup => ({ id: `g${++n}`, ...g });
  const all = [...claims.values()];
  return {
    code,
    threshold: options.threshold,
    documents: options.documents,
    totals: {
      claims: all.length,
      speakers: new Set(all.flatMap((c) => c.speakers.map(speakerKey))).size,
      documents: new Set(all.map((c) => c.document.id)).size,
    },
    agree: agree.map(withId),
    alone: alone.map(withId),
    limited: options.limited,
  };
}
