/**
 * Competing hypotheses over the corpus: the analyst's matrices (hypotheses, evidence from claims or free
 * text, ratings) kept in the store, and scored by the pure core (core/ach). The CLI and the server call this;
 * bad input (an unknown matrix, hypothesis, evidence, claim or rating) is a CorpusError with one line.
 */
import { isRating, RATINGS, scoreAch, type AchResult, type Rating, type ScoreOptions } from '../core/ach/ach.ts';
import { CorpusError } from './corpus.ts';
import type { AchEvidenceGrade, AchGrading } from './grading.ts';
import type { AchEvidenceRecord, AchHypothesisRecord, AchMatrixContents, AchMatrixRecord, DocumentSummary, Store } from './store.ts';

/**
 * Sizes a matrix may reach: more hypotheses than fit on a screen, and more evidence than an analyst rates by
 * hand. At the limits a matrix scores (with its sensitivity view) in under 0.1 s.
 */
export const ACH_LIMITS = { hypotheses: 20, evidence: 300, title: 300, label: 1000, text: 5000, maxWeight: 100 } as const;

export interface AchView {
  readonly matrix: AchMatrixContents;
  /** Scored with refs as ids (h1, ev1). */
  readonly result: AchResult;
  /**
   * Evidence from claims that the corpus no longer holds as they were added (the document deleted, or
   * reanalysed or corrected so that the claim id is gone or reads otherwise). The matrix keeps the text it was
   * rated on; this says so.
   */
  readonly stale: readonly { readonly evidence: string; readonly reason: string }[];
  /**
   * The evidence whose weight source grading set (its claim's grades, grading.ts): own weight × factor. Empty
   * when nothing in the matrix is graded, or when the caller gave its own `weightOf`.
   */
  readonly graded: readonly AchEvidenceGrade[];
}

export type EvidenceSource = { readonly document: string; readonly claim: string } | { readonly text: string };

export interface AchBookOptions {
  readonly now: () => string;
  /** How a document query (id prefix or file name) becomes a document: the corpus's own resolution. */
  readonly resolveDocument: (query: string) => Promise<DocumentSummary>;
  /** Weights from source grading, used when the caller gives no `weightOf`; null when nothing is graded. */
  readonly gradeWeights?: (m: AchMatrixContents) => Promise<AchGrading | null>;
}

function text(what: string, value: unknown, max: number): string {
  const s = typeof value === 'string' ? value.trim() : '';
  if (!s) throw new CorpusError('E_INVALID', `${what}: give some text`);
  if (s.length > max) throw new CorpusError('E_INVALID', `${what}: at most ${max} characters (got ${s.length})`);
  return s;
}

/** A weight for evidence: a number from 0 to ACH_LIMITS.maxWeight (0 leaves the evidence out of the scores). */
export function checkWeight(value: unknown): number {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n) || n < 0 || n > ACH_LIMITS.maxWeight) {
    throw new CorpusError('E_INVALID', `weight: ${JSON.stringify(value)} is not a number from 0 to ${ACH_LIMITS.maxWeight}`);
  }
  return n;
}

/** A rating as typed (any case), or `-` to clear the cell; anything else names the scale. */
export function parseRating(value: unknown): Rating | null {
  if (value === '-' || value === null) return null;
  const s = typeof value === 'string' ? value.trim().toUpperCase() : '';
  if (!isRating(s)) throw new CorpusError('E_INVALID', `rating: ${JSON.stringify(value)} is not one of ${RATINGS.join(', ')} (or - to clear it)`);
  return s;
}

/** Stale evidence (AchView.stale) and whether its claim is found at all (unanchored) or only reads otherwise. */
export interface StaleEvidence {
  readonly evidence: string;
  readonly reason: string;
  readonly unanchored: boolean;
}

/** Evidence whose claim is not found, with the matrix it belongs to and what it was rated on. */
export interface UnanchoredEvidence {
  readonly matrix: string;
  readonly title: string;
  readonly evidence: string;
  /** The document's hash as the evidence names it, and its ref when the corpus still holds it. */
  readonly docHash: string;
  readonly document: string | null;
  readonly claim: string;
  readonly text: string;
  readonly speaker: string | null;
  readonly reason: string;
}

/**
 * @example
 * const book = corpus.achBook();
 * const m = await book.create({ title: 'Gradual or abrupt?', by: 'kato' });
 * const h = await book.addHypothesis(m.ref, 'gradual');
 * const e = await book.addEvidence(m.ref, { document: '1348fba9', claim: 'a2' });
 * await book.rate(m.ref, e.ref, h.ref, 'C', 'kato');
 * (await book.show(m.ref)).result.ranking; // [{ hypothesis: 'h1', inconsistency: 0, … }]
 */
export class AchBook {
  private readonly store: Store;
  private readonly options: AchBookOptions;

  constructor(store: Store, options: AchBookOptions) {
    this.store = store;
    this.options = options;
  }

  async list(): Promise<AchMatrixRecord[]> {
    return this.store.achMatrices();
  }

  async matrix(ref: string): Promise<AchMatrixContents> {
    const m = typeof ref === 'string' && /^m\d{1,12}$/.test(ref.trim()) ? await this.store.achMatrix(ref.trim()) : undefined;
    if (!m) throw new CorpusError('E_NOT_FOUND', `no ACH matrix ${JSON.stringify(String(ref).slice(0, 40))} (mikata ach list shows them: m1, m2 …)`);
    return m;
  }

  /**
   * The matrix with its scores. By default evidence from graded claims is weighed by its grades (the corpus's
   * `gradeWeights`); `weightOf` overrides that, and `grades: false` scores with the evidence's own weights.
   */
  async show(ref: string, options: { weightOf?: (e: AchEvidenceRecord) => number; grades?: boolean } = {}): Promise<AchView> {
    const matrix = await this.matrix(ref);
    const grading = !options.weightOf && options.grades !== false && this.options.gradeWeights ? await this.options.gradeWeights(matrix) : null;
    return { matrix, result: score(matrix, options.weightOf ?? grading?.weightOf), stale: await this.stale(matrix), graded: grading?.evidence ?? [] };
  }

  private async stale(m: AchMatrixContents): Promise<{ evidence: string; reason: string }[]> {
    return (await this.check(m)).map(({ evidence, reason }) => ({ evidence, reason }));
  }

  async create(input: { title: string; by: string }): Promise<AchMatrixRecord> {
    const title = text('title', input.title, ACH_LIMITS.title);
    const by = text('by', input.by, 120);
    return this.store.write(async (w) => {
      const n = await w.nextCounter('next_ach_matrix');
      return w.insertAchMatrix({ ref: `m${n}`, title, by, at: this.options.now() });
    });
  }

  async addHypothesis(ref: string, label: string): Promise<AchHypothesisRecord> {
    const checked = text('hypothesis', label, ACH_LIMITS.label);
    return this.store.write(async (w) => {
      const m = await this.inWrite(w, ref);
      if (m.hypotheses.length >= ACH_LIMITS.hypotheses) throw new CorpusError('E_INVALID', `matrix ${m.ref} already has ${ACH_LIMITS.hypotheses} hypotheses, the most it can hold`);
      if (m.hypotheses.some((h) => h.label === checked)) throw new CorpusError('E_CONFLICT', `matrix ${m.ref} already has the hypothesis ${JSON.stringify(checked)}`);
      return w.insertAchHypothesis(m.id, checked);
    });
  }

  /** Evidence from a claim (document and claim id, e.g. 1348fba9 a2) or the analyst's own text. */
  async addEvidence(ref: string, source: EvidenceSource, options: { weight?: unknown } = {}): Promise<AchEvidenceRecord> {
    const weight = options.weight === undefined ? 1 : checkWeight(options.weight);
    let input: Omit<AchEvidenceRecord, 'id' | 'ref' | 'position'>;
    if ('text' in source) {
      input = { kind: 'text', docHash: null, claim: null, text: text('evidence', source.text, ACH_LIMITS.text), speaker: null, weight };
    } else {
      const doc = await this.options.resolveDocument(text('document', source.document, 200));
      const claimId = text('claim', source.claim, 40);
      const claim = (await this.store.claims(doc.id)).find((c) => c.localId === claimId);
      if (!claim) throw new CorpusError('E_NOT_FOUND', `no claim ${JSON.stringify(claimId)} in document ${doc.ref} (mikata correct list ${doc.ref} lists them)`);
      const speaker = claim.speakers.filter((s) => s.role === 'speaker').map((s) => s.name).join(', ') || null;
      input = { kind: 'claim', docHash: doc.hash, claim: claim.localId, text: claim.content.slice(0, ACH_LIMITS.text), speaker, weight };
    }
    return this.store.write(async (w) => {
      const m = await this.inWrite(w, ref);
      if (m.evidence.length >= ACH_LIMITS.evidence) throw new CorpusError('E_INVALID', `matrix ${m.ref} already has ${ACH_LIMITS.evidence} pieces of evidence, the most it can hold`);
      if (input.kind === 'claim' && m.evidence.some((e) => e.docHash === input.docHash && e.claim === input.claim)) {
        throw new CorpusError('E_CONFLICT', `claim ${input.claim} of that document is already evidence in matrix ${m.ref}`);
      }
      return w.insertAchEvidence(m.id, input);
    });
  }

  /** Rates one cell (or clears it with null / '-'). */
  async rate(ref: string, evidenceRef: string, hypothesisRef: string, rating: unknown, by: string): Promise<AchView> {
    const value = parseRating(rating);
    const who = text('by', by, 120);
    await this.store.write(async (w) => {
      const m = await this.inWrite(w, ref);
      const e = evidenceIn(m, evidenceRef);
      const h = hypothesisIn(m, hypothesisRef);
      await w.setAchRating({ evidence: e.id, hypothesis: h.id, rating: value, by: who, at: this.options.now() });
    });
    return this.show(ref);
  }

  async weigh(ref: string, evidenceRef: string, weight: unknown): Promise<AchView> {
    const value = checkWeight(weight);
    await this.store.write(async (w) => {
      const m = await this.inWrite(w, ref);
      await w.setAchWeight(evidenceIn(m, evidenceRef).id, value);
    });
    return this.show(ref);
  }

  /** Puts the hypotheses in this order (every one once). */
  async reorder(ref: string, order: readonly string[]): Promise<AchView> {
    await this.store.write(async (w) => {
      const m = await this.inWrite(w, ref);
      const ids = order.map((r) => hypothesisIn(m, r).id);
      if (new Set(ids).size !== ids.length || ids.length !== m.hypotheses.length) {
        throw new CorpusError('E_INVALID', `order: name each hypothesis of ${m.ref} once (${m.hypotheses.map((h) => h.ref).join(', ')})`);
      }
      await w.reorderAchHypotheses(m.id, ids);
    });
    return this.show(ref);
  }

  async delete(ref: string): Promise<AchMatrixRecord> {
    return this.store.write(async (w) => {
      const m = await this.inWrite(w, ref);
      await w.deleteAchMatrix(m.id);
      const { hypotheses: _h, evidence: _e, ratings: _r, ...record } = m;
      return record;
    });
  }

  private async inWrite(w: { achMatrix(ref: string): Promise<AchMatrixContents | undefined> }, ref: string): Promise<AchMatrixContents> {
    const m = typeof ref === 'string' && /^m\d{1,12}$/.test(ref.trim()) ? await w.achMatrix(ref.trim()) : undefined;
    if (!m) throw new CorpusError('E_NOT_FOUND', `no ACH matrix ${JSON.stringify(String(ref).slice(0, 40))} (mikata ach list shows them: m1, m2 …)`);
    return m;
  }

  /**
   * Every piece of claim evidence, in every matrix, whose claim the corpus does not hold any more: what a
   * reanalysis or a new version could not re-link (ach-anchor.ts), listed so that nothing is dropped quietly.
   */
  async unanchored(): Promise<UnanchoredEvidence[]> {
    const out: UnanchoredEvidence[] = [];
    for (const record of await this.store.achMatrices()) {
      const m = (await this.store.achMatrix(record.ref))!;
      const byRef = new Map(m.evidence.map((e) => [e.ref, e]));
      const docs = await this.store.documentsByHash([...new Set(m.evidence.flatMap((e) => (e.docHash ? [e.docHash] : [])))]);
      for (const st of await this.check(m)) {
        if (!st.unanchored) continue;
        const e = byRef.get(st.evidence)!;
        out.push({
          matrix: m.ref, title: m.title, evidence: e.ref, docHash: e.docHash!, document: docs.get(e.docHash!)?.ref ?? null,
          claim: e.claim!, text: e.text, speaker: e.speaker, reason: st.reason,
        });
      }
    }
    return out;
  }

  /**
   * Claim evidence that no longer reads as rated: unanchored when its claim is not found (ach-anchor.ts
   * re-links evidence whenever claims are rebuilt, so this is what it could not find), or found but reading
   * otherwise (its span was corrected).
   */
  private async check(m: AchMatrixContents): Promise<StaleEvidence[]> {
    const fromClaims = m.evidence.filter((e) => e.kind === 'claim' && e.docHash !== null);
    if (!fromClaims.length) return [];
    const docs = await this.store.documentsByHash([...new Set(fromClaims.map((e) => e.docHash!))]);
    const summaries = await this.store.documentSummaries([...docs.values()].map((d) => d.id));
    const claimsOf = new Map<string, Map<string, { content: string; start: number; end: number }>>();
    for (const [hash, d] of docs) claimsOf.set(hash, new Map((await this.store.claims(d.id)).map((c) => [c.localId, c])));
    const newer = async (id: number | null) => (id === null ? null : (await this.store.documentSummaries([id])).get(id)?.ref ?? null);
    const texts = new Map<number, string>();
    const textOf = async (id: number) => {
      if (!texts.has(id)) texts.set(id, (await this.store.documentTexts([id])).get(id)?.text ?? '');
      return texts.get(id)!;
    };
    const out: StaleEvidence[] = [];
    for (const e of fromClaims) {
      const doc = docs.get(e.docHash!);
      const claim = claimsOf.get(e.docHash!)?.get(e.claim!);
      const now = claim?.content;
      const superseded = doc ? summaries.get(doc.id)?.supersededBy ?? null : null;
      if (!doc) out.push({ evidence: e.ref, reason: `its document ${e.docHash!.slice(0, 12)} is no longer in the corpus`, unanchored: true });
      else if (superseded !== null) out.push({ evidence: e.ref, reason: `document ${doc.ref} was replaced by a new version (${await newer(superseded)}) in which claim ${e.claim} is not found`, unanchored: true });
      else if (now === undefined) out.push({ evidence: e.ref, reason: `document ${doc.ref} no longer has claim ${e.claim} (reanalysed or corrected; no claim of the same speaker and text found)`, unanchored: true });
      else if (now.slice(0, ACH_LIMITS.text) !== e.text) {
        // Re-linking (ach-anchor.ts) leaves evidence on a claim that reads otherwise only when the claim covers
        // the place of the rated text; a claim that merely took over the id elsewhere is not its claim.
        const covers = placesOf(await textOf(doc.id), e.text).some((p) => overlap(p, claim!) >= 0.5);
        out.push(covers
          ? { evidence: e.ref, reason: `claim ${e.claim} of document ${doc.ref} now reads otherwise`, unanchored: false }
          : { evidence: e.ref, reason: `document ${doc.ref} no longer has the claim (${e.claim} is now another claim)`, unanchored: true });
      }
    }
    return out;
  }
}

function placesOf(text: string, quote: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  if (!quote) return out;
  for (let at = text.indexOf(quote); at >= 0 && out.length < 100; at = text.indexOf(quote, at + 1)) out.push({ start: at, end: at + quote.length });
  return out;
}

function overlap(a: { start: number; end: number }, b: { start: number; end: number }): number {
  const inter = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  return inter <= 0 ? 0 : inter / (Math.max(a.end, b.end) - Math.min(a.start, b.start));
}

function evidenceIn(m: AchMatrixContents, ref: string): AchEvidenceRecord {
  const e = m.evidence.find((x) => x.ref === String(ref).trim());
  if (!e) throw new CorpusError('E_NOT_FOUND', `matrix ${m.ref} has no evidence ${JSON.stringify(String(ref).slice(0, 40))}${m.evidence.length ? ` (it has ${m.evidence.map((x) => x.ref).join(', ')})` : ''}`);
  return e;
}

function hypothesisIn(m: AchMatrixContents, ref: string): AchHypothesisRecord {
  const h = m.hypotheses.find((x) => x.ref === String(ref).trim());
  if (!h) throw new CorpusError('E_NOT_FOUND', `matrix ${m.ref} has no hypothesis ${JSON.stringify(String(ref).slice(0, 40))}${m.hypotheses.length ? ` (it has ${m.hypotheses.map((x) => x.ref).join(', ')})` : ''}`);
  return h;
}

/** Scores stored rows with the core, refs standing for ids. */
export function score(m: AchMatrixContents, weightOf?: (e: AchEvidenceRecord) => number): AchResult {
  const evidenceRef = new Map(m.evidence.map((e) => [e.id, e.ref]));
  const hypothesisRef = new Map(m.hypotheses.map((h) => [h.id, h.ref]));
  const byRef = new Map(m.evidence.map((e) => [e.ref, e]));
  const options: ScoreOptions = weightOf ? { weightOf: (e) => weightOf(byRef.get(e.id)!) } : {};
  return scoreAch({
    hypotheses: m.hypotheses.map((h) => ({ id: h.ref, label: h.label })),
    evidence: m.evidence.map((e) => ({ id: e.ref, label: e.text, weight: e.weight })),
    ratings: m.ratings.map((r) => ({ evidence: evidenceRef.get(r.evidence)!, hypothesis: hypothesisRef.get(r.hypothesis)!, rating: r.rating })),
  }, options);
}
