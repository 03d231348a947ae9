/**
 * Source grading over the corpus (core/grading): the analyst's reliability grades of sources (corpus
 * identities: people, outlets, governments) and credibility grades of claims, kept as records that survive
 * reanalysis, with the caveats of the corpus's caveat list beside every source that fits one.
 *
 * Like coding decisions (claim-codes.ts), a credibility grade points at its claim by the claim's quote and
 * context and the document's hash, never by the claim's id, and is anchored again whenever the document's
 * claims are rebuilt (ingest, reanalysis, a correction, a new version); one that no longer finds its claim is
 * kept and flagged, and applies again when the claim comes back. A reliability grade names an identity by
 * its ref and is read through merges. Every set and every clear is a record of its own; for one source or
 * one claim the latest wins, and the earlier ones stay as the history.
 */
import type { PersonType } from '../core/model/schema.ts';
import {
  CREDIBILITY, CREDIBILITY_LABEL, gradeFactor, RELIABILITY, RELIABILITY_LABEL, toCredibility, toReliability, weakestReliability,
  type Credibility, type Reliability,
} from '../core/grading/grades.ts';
import { caveatsFor, parseCaveatList, type CaveatList, type SourceCaveat } from '../core/grading/caveats.ts';
import { DEFAULT_CAVEATS } from '../core/grading/default-caveats.ts';
import { claimAt } from './claim-codes.ts';
import { toSelector, type TextQuoteSelector } from './corrections.ts';
import { CorpusError } from './corpus.ts';
import type { IdentityCache } from './identities.ts';
import type { AchEvidenceRecord, AchMatrixContents, ClaimCredibility, ClaimRow, GradeRecord, IdentityRecord, StoreReader, StoreWriter, StoredDocument } from './store.ts';

// ---------------------------------------------------------------------------------------------------------
// Pure: credibility grades onto a document's claims

export interface GradeOutcome {
  readonly claim: string | null;
  readonly anchored: boolean;
  readonly problem: string | null;
}

/**
 * Puts the credibility of the latest grade that anchors to each claim on it (null when that grade is a
 * clear), and says where every grade anchored.
 */
export function gradeClaims(text: string, claims: readonly ClaimRow[], grades: readonly GradeRecord[]): { claims: ClaimRow[]; outcomes: Map<string, GradeOutcome> } {
  const latest = new Map<string, GradeRecord>();
  const outcomes = new Map<string, GradeOutcome>();
  for (const g of [...grades].sort((a, b) => a.id - b.id)) {
    if (g.kind !== 'credibility') continue;
    const target = g.target as TextQuoteSelector | null;
    const claim = target ? claimAt(text, claims, target) : null;
    if (!claim) {
      outcomes.set(g.ref, { claim: null, anchored: false, problem: `its claim is no longer found: «${clip(target?.exact ?? '')}»` });
      continue;
    }
    outcomes.set(g.ref, { claim: claim.localId, anchored: true, problem: null });
    latest.set(claim.localId, g);
  }
  return {
    claims: claims.map((c) => {
      const g = latest.get(c.localId);
      const credibility: ClaimCredibility | null = g && g.value ? { value: g.value as Credibility, grade: g.ref, by: g.by, at: g.at, why: g.why } : null;
      return { ...c, credibility };
    }),
    outcomes,
  };
}

/** The reliability grade standing for each current identity: the latest, read through merges. */
export function currentReliability(grades: readonly GradeRecord[], cache: Pick<IdentityCache, 'byReference'>): Map<number, GradeRecord> {
  const out = new Map<number, GradeRecord>();
  for (const g of [...grades].sort((a, b) => a.id - b.id)) {
    if (g.kind !== 'reliability' || !g.identity) continue;
    const identity = cache.byReference(g.identity);
    if (identity) out.set(identity.id, g);
  }
  for (const [id, g] of out) if (g.value === null) out.delete(id);
  return out;
}

function clip(s: string, n = 40): string {
  return s.length > n ? `${s.slice(0, n)}…` : s;
}

// ---------------------------------------------------------------------------------------------------------
// Views

export interface ReliabilityView {
  readonly value: Reliability;
  readonly grade: string;
  readonly by: string;
  readonly at: string;
  readonly why: string | null;
}

/** A source as grading shows it: its grade if the analyst gave one, and the caveats that fit it. */
export interface SourceGradeView {
  /** The identity ref (e12). */
  readonly identity: string;
  readonly name: string;
  readonly type: PersonType;
  readonly reliability: ReliabilityView | null;
  /** Entries of the caveat list that fit the source's names, organisation or posts; shown graded or not. */
  readonly caveats: readonly SourceCaveat[];
  /** The grade the first fitting caveat suggests; only a suggestion. */
  readonly suggestion: Reliability | null;
}

/** One grading record as listings show it. */
export interface GradeView {
  readonly ref: string;
  readonly kind: GradeRecord['kind'];
  /** Null: this record cleared the grade. */
  readonly value: string | null;
  readonly by: string;
  readonly why: string | null;
  readonly at: string;
  /** reliability: the identity now standing for the graded one (after merges), with its name. */
  readonly source: { readonly identity: string; readonly name: string } | null;
  /** credibility: the document (its ref, when it is in the corpus), the claim it anchors to, and the quote. */
  readonly document: string | null;
  readonly claim: string | null;
  readonly quote: string | null;
  readonly anchored: boolean | null;
  readonly problem: string | null;
  /** Whether it is the grade that stands now for its source or claim (not replaced by a later one). */
  readonly current: boolean;
}

const SCALE = {
  reliability: `${RELIABILITY.map((r) => `${r} ${RELIABILITY_LABEL[r].en}`).join(', ')}`,
  credibility: `${CREDIBILITY.map((c) => `${c} ${CREDIBILITY_LABEL[c].en}`).join(', ')}`,
};

/** A reliability grade as typed, or a CorpusError that names the scale. */
export function parseReliability(value: unknown): Reliability {
  const r = toReliability(value);
  if (!r) throw new CorpusError('E_INVALID', `reliability: ${JSON.stringify(typeof value === 'string' ? value.slice(0, 20) : value ?? null)} is not a grade from A to F (${SCALE.reliability})`);
  return r;
}

export function parseCredibility(value: unknown): Credibility {
  const c = toCredibility(value);
  if (!c) throw new CorpusError('E_INVALID', `credibility: ${JSON.stringify(typeof value === 'string' ? value.slice(0, 20) : value ?? null)} is not a grade from 1 to 6 (${SCALE.credibility})`);
  return c;
}

// ---------------------------------------------------------------------------------------------------------
// The analyst's API

/** What grading needs of the corpus: its store, clock, identities and how it finds documents and people. */
export interface GradingDeps {
  readonly store: StoreReader & { write<T>(fn: (w: StoreWriter) => Promise<T>): Promise<T> };
  readonly now: () => string;
  readonly identities: () => Promise<IdentityCache>;
  readonly resolvePerson: (query: string) => Promise<IdentityRecord>;
  readonly document: (query: string) => Promise<StoredDocument>;
  /** Writes in one transaction, then rebuilds the document's claims (which applies the grades). */
  readonly writeAndReindex: <T>(doc: StoredDocument, fn: (w: StoreWriter) => Promise<T>) => Promise<T>;
}

export interface ClaimPick {
  readonly document: string;
  /** The claim's id (a3), or … */
  readonly claim?: string;
  /** … a piece of its text. */
  readonly quote?: string;
}

const MAX_WHY = 2000;
const MAX_BY = 120;

function who(by: unknown, why: unknown): { by: string; why: string | null } {
  const b = typeof by === 'string' ? by.trim() : '';
  if (!b) throw new CorpusError('E_INVALID', 'say who grades (--by NAME, or set MIKATA_USER)');
  if (b.length > MAX_BY) throw new CorpusError('E_INVALID', `by: at most ${MAX_BY} characters`);
  if (why !== undefined && why !== null && typeof why !== 'string') throw new CorpusError('E_INVALID', 'why: give text');
  const w = typeof why === 'string' ? why.trim() : '';
  if (w.length > MAX_WHY) throw new CorpusError('E_INVALID', `why: at most ${MAX_WHY} characters`);
  return { by: b, why: w || null };
}

/**
 * @example
 * const grading = corpus.grading();
 * await grading.setReliability({ source: 'e3', value: 'B', by: 'kato', why: 'a decade of accurate port reports' });
 * await grading.setCredibility({ document: '1348fba9', claim: 'a2', value: '3', by: 'kato' });
 * (await grading.sources(['e3'])).get('e3')?.reliability?.value; // 'B'
 */
export class Grading {
  private readonly deps: GradingDeps;
  private caveatCache: { raw: string; list: CaveatList } | null = null;

  constructor(deps: GradingDeps) {
    this.deps = deps;
  }

  /** The corpus's caveat list: the one loaded with setCaveats, or the default; `custom` says which. */
  async caveats(reader: StoreReader = this.deps.store): Promise<{ list: CaveatList; custom: boolean }> {
    const raw = await reader.getMeta('source_caveats');
    if (raw === undefined) return { list: DEFAULT_CAVEATS, custom: false };
    if (this.caveatCache?.raw !== raw) this.caveatCache = { raw, list: parseCaveatList(JSON.parse(raw), 'the corpus caveat list') };
    return { list: this.caveatCache.list, custom: true };
  }

  /** Loads a caveat list into the corpus (validated), or goes back to the default with null. */
  async setCaveats(list: CaveatList | null): Promise<{ list: CaveatList; custom: boolean }> {
    const checked = list ? parseCaveatList(list, 'the caveat list') : null;
    await this.deps.store.write(async (w) => {
      if (checked) await w.setMeta('source_caveats', JSON.stringify(checked));
      else await w.deleteMeta('source_caveats');
    });
    return this.caveats();
  }

  /** Grades a source (a person, outlet or other identity, by id or any name form) A–F. */
  async setReliability(input: { source: string; value: unknown; by: string; why?: string | null }): Promise<{ grade: GradeView; source: SourceGradeView }> {
    const value = parseReliability(input.value);
    return this.recordReliability(input.source, value, who(input.by, input.why));
  }

  /** Clears a source's grade (recorded, so the history keeps what it was). */
  async clearReliability(input: { source: string; by: string; why?: string | null }): Promise<{ grade: GradeView; source: SourceGradeView }> {
    const w = who(input.by, input.why);
    const identity = await this.person(input.source);
    const standing = currentReliability(await this.deps.store.grades({ kind: 'reliability' }), await this.deps.identities()).get(identity.id);
    if (!standing) throw new CorpusError('E_NOT_FOUND', `${identity.ref} ${identity.name} has no reliability grade to clear`);
    return this.recordReliability(input.source, null, w);
  }

  private async person(query: string): Promise<IdentityRecord> {
    if (typeof query !== 'string' || !query.trim()) throw new CorpusError('E_INVALID', 'name the source: an identity id (e3) or a name');
    return this.deps.resolvePerson(query.trim().slice(0, 300));
  }

  private async recordReliability(source: string, value: Reliability | null, w: { by: string; why: string | null }) {
    const identity = await this.person(source);
    const ref = await this.deps.store.write(async (tx) => {
      const n = await tx.nextCounter('next_grade');
      const rec = await tx.insertGrade({
        ref: `g${n}`, kind: 'reliability', identity: identity.ref, docHash: null, target: null, claim: null, value, by: w.by, why: w.why, at: this.deps.now(),
        anchored: null, problem: null,
      });
      return rec.ref;
    });
    const [grade] = await this.views([(await this.deps.store.gradeByRef(ref))!]);
    return { grade: grade!, source: (await this.sources([identity.ref])).get(identity.ref)! };
  }

  /** Grades the credibility of one claim 1–6; the claim is named by its id or by a quote it contains. */
  async setCredibility(input: ClaimPick & { value: unknown; by: string; why?: string | null }): Promise<{ grade: GradeView; claim: ClaimRow | null }> {
    const value = parseCredibility(input.value);
    return this.recordCredibility(input, value, who(input.by, input.why));
  }

  async clearCredibility(input: ClaimPick & { by: string; why?: string | null }): Promise<{ grade: GradeView; claim: ClaimRow | null }> {
    const w = who(input.by, input.why);
    const { claim } = await this.pickClaim(input);
    if (!claim.credibility) throw new CorpusError('E_NOT_FOUND', `claim ${claim.localId} has no credibility grade to clear`);
    return this.recordCredibility(input, null, w);
  }

  private async pickClaim(input: ClaimPick): Promise<{ doc: StoredDocument; claim: ClaimRow }> {
    if (typeof input.document !== 'string' || !input.document.trim()) throw new CorpusError('E_INVALID', 'name the document: its id or file name');
    const doc = await this.deps.document(input.document);
    const claims = await this.deps.store.claims(doc.id);
    if (typeof input.claim === 'string' && input.claim.trim()) {
      const claim = claims.find((c) => c.localId === input.claim!.trim());
      if (!claim) throw new CorpusError('E_NOT_FOUND', `no claim ${JSON.stringify(input.claim.slice(0, 40))} in document ${doc.ref} (mikata correct list ${doc.ref} lists them)`);
      return { doc, claim };
    }
    if (typeof input.quote === 'string' && input.quote.trim()) {
      const hits = claims.filter((c) => c.content.includes(input.quote!));
      if (hits.length === 0) throw new CorpusError('E_NOT_FOUND', `no claim of document ${doc.ref} contains ${JSON.stringify(input.quote.slice(0, 80))}`);
      if (hits.length > 1) throw new CorpusError('E_AMBIGUOUS', `${hits.length} claims of document ${doc.ref} contain ${JSON.stringify(input.quote.slice(0, 80))}: give more of it, or the claim id (${hits.map((c) => c.localId).join(', ')})`);
      return { doc, claim: hits[0]! };
    }
    throw new CorpusError('E_INVALID', 'name the claim: its id, or --quote TEXT');
  }

  private async recordCredibility(input: ClaimPick, value: Credibility | null, w: { by: string; why: string | null }) {
    const { doc, claim } = await this.pickClaim(input);
    const target = toSelector(doc.text, claim);
    const ref = await this.deps.writeAndReindex(doc, async (tx) => {
      const n = await tx.nextCounter('next_grade');
      const rec = await tx.insertGrade({
        ref: `g${n}`, kind: 'credibility', identity: null, docHash: doc.hash, target, claim: claim.localId, value, by: w.by, why: w.why, at: this.deps.now(),
        anchored: null, problem: null,
      });
      return rec.ref;
    });
    const rec = (await this.deps.store.gradeByRef(ref))!;
    const [grade] = await this.views([rec]);
    const after = rec.claim ? (await this.deps.store.claims(doc.id)).find((c) => c.localId === rec.claim) ?? null : null;
    return { grade: grade!, claim: after };
  }

  /**
   * The grading records, oldest first: those that stand now (`all` adds the replaced ones and the clears),
   * of one document's claims, of one source, or of the whole corpus.
   */
  async list(filter: { document?: string; source?: string; all?: boolean } = {}): Promise<GradeView[]> {
    let records: GradeRecord[];
    if (filter.document) {
      const doc = await this.deps.document(filter.document);
      records = await this.deps.store.grades({ kind: 'credibility', docHash: doc.hash });
    } else if (filter.source) {
      const identity = await this.person(filter.source);
      const cache = await this.deps.identities();
      records = (await this.deps.store.grades({ kind: 'reliability' })).filter((g) => g.identity && cache.byReference(g.identity)?.id === identity.id);
    } else {
      records = await this.deps.store.grades();
    }
    const views = await this.views(records);
    return filter.all ? views : views.filter((v) => v.current && v.value !== null);
  }

  /** Records as views; `current` is decided against every record of the same kind. */
  private async views(records: readonly GradeRecord[]): Promise<GradeView[]> {
    if (records.length === 0) return [];
    const cache = await this.deps.identities();
    const hashes = [...new Set(records.map((r) => r.docHash).filter((h): h is string => h !== null))];
    const docs = hashes.length ? await this.deps.store.documentsByHash(hashes) : new Map<string, { id: number; ref: string }>();
    const standing = new Set<string>();
    for (const g of currentReliability(await this.deps.store.grades({ kind: 'reliability' }), cache).values()) standing.add(g.ref);
    // A credibility record stands when it is the latest that anchors to its claim.
    const latestByClaim = new Map<string, string>();
    for (const hash of hashes) {
      for (const g of await this.deps.store.grades({ kind: 'credibility', docHash: hash })) {
        if (g.anchored !== false && g.claim) latestByClaim.set(`${hash}\u0000${g.claim}`, g.ref);
      }
    }
    for (const ref of latestByClaim.values()) standing.add(ref);
    // A cleared source stands as cleared: its clear is the latest record, and shows as current with no value.
    const latestBySource = new Map<number, string>();
    for (const g of await this.deps.store.grades({ kind: 'reliability' })) {
      const identity = g.identity ? cache.byReference(g.identity) : undefined;
      if (identity) latestBySource.set(identity.id, g.ref);
    }
    for (const ref of latestBySource.values()) standing.add(ref);
    return records.map((g) => {
      const identity = g.identity ? cache.byReference(g.identity) : undefined;
      const target = g.target as TextQuoteSelector | null;
      return {
        ref: g.ref, kind: g.kind, value: g.value, by: g.by, why: g.why, at: g.at,
        source: g.kind === 'reliability' ? { identity: identity?.ref ?? g.identity!, name: identity?.name ?? g.identity! } : null,
        document: g.docHash ? docs.get(g.docHash)?.ref ?? g.docHash.slice(0, 12) : null,
        claim: g.claim, quote: target?.exact ?? null, anchored: g.anchored, problem: g.problem,
        current: standing.has(g.ref),
      };
    });
  }

  /**
   * Sources as grading shows them, by identity ref (or internal id): grade, caveats, suggestion. Refs of
   * merged identities are read as the identity they were merged into; unknown refs are left out.
   */
  async sources(refs: readonly (string | number)[]): Promise<Map<string, SourceGradeView>> {
    const out = new Map<string, SourceGradeView>();
    if (refs.length === 0) return out;
    const cache = await this.deps.identities();
    const [grades, { list }] = await Promise.all([this.deps.store.grades({ kind: 'reliability' }), this.caveats()]);
    const standing = currentReliability(grades, cache);
    for (const r of new Set(refs)) {
      const identity = typeof r === 'number' ? cache.current(r) : cache.byReference(r);
      if (!identity) continue;
      const key = typeof r === 'number' ? identity.ref : r;
      if (out.has(key)) continue;
      // What is known of the source: its names, organisation, and the organisations and posts documents give it.
      const people = await this.deps.store.identityPeople(identity.id);
      const texts = [identity.name, identity.organization, ...identity.forms.map((f) => f.form), ...people.flatMap((p) => [p.organization, p.title, p.name])];
      const caveats = caveatsFor(list, texts);
      const g = standing.get(identity.id);
      out.set(key, {
        identity: identity.ref, name: identity.name, type: identity.type,
        reliability: g ? { value: g.value as Reliability, grade: g.ref, by: g.by, at: g.at, why: g.why } : null,
        caveats, suggestion: caveats.find((c) => c.suggest)?.suggest ?? null,
      });
    }
    return out;
  }

  /**
   * How grades weigh a matrix's evidence (core/ach `weightOf`): the evidence's own weight × the grade
   * factor of its claim (grades.ts gradeFactor: the least reliable of its speakers and relays, and its credibility).
   * Text evidence, and claims no longer found, keep their own weight. Null when nothing in the matrix is graded.
   */
  async achWeights(m: AchMatrixContents): Promise<AchGrading | null> {
    const fromClaims = m.evidence.filter((e) => e.kind === 'claim' && e.docHash && e.claim);
    if (!fromClaims.length) return null;
    const docs = await this.deps.store.documentsByHash([...new Set(fromClaims.map((e) => e.docHash!))]);
    const claimsOf = await this.deps.store.claimsOf([...new Set([...docs.values()].map((d) => d.id))]);
    const cache = await this.deps.identities();
    const standing = currentReliability(await this.deps.store.grades({ kind: 'reliability' }), cache);
    const rows: AchEvidenceGrade[] = [];
    for (const e of fromClaims) {
      const doc = docs.get(e.docHash!);
      const claim = doc ? claimsOf.get(doc.id)?.find((c) => c.localId === e.claim) : undefined;
      if (!claim) continue;
      // Speakers and relays alike: a claim passed on by an outlet is only as reliable as its weakest link.
      const reliability = weakestReliability(claim.speakers.map((s) => {
        const id = s.identity === null ? undefined : cache.current(s.identity)?.id;
        return id === undefined ? null : ((standing.get(id)?.value as Reliability | undefined) ?? null);
      }));
      const credibility = claim.credibility?.value ?? null;
      if (!reliability && !credibility) continue;
      const factor = gradeFactor(reliability, credibility);
      rows.push({ evidence: e.ref, reliability, credibility, factor, weight: Math.round(e.weight * factor * 1e6) / 1e6 });
    }
    if (!rows.length) return null;
    const byRef = new Map(rows.map((r) => [r.evidence, r]));
    return { evidence: rows, weightOf: (e) => byRef.get(e.ref)?.weight ?? e.weight };
  }
}

/** How grading weighed one piece of evidence. */
export interface AchEvidenceGrade {
  readonly evidence: string;
  readonly reliability: Reliability | null;
  readonly credibility: Credibility | null;
  /** gradeFactor(reliability, credibility). */
  readonly factor: number;
  /** The evidence's own weight × factor: what the scores used. */
  readonly weight: number;
}

export interface AchGrading {
  readonly evidence: readonly AchEvidenceGrade[];
  readonly weightOf: (e: AchEvidenceRecord) => number;
}

