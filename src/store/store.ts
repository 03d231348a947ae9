/**
 * The store port: what the corpus needs from a database, implemented once over SQL for SQLite
 * (sqlite/sqlite-store.ts, the default) and PostgreSQL (postgres/postgres-store.ts), and held to one
 * contract suite (test/store/contract.test.ts).
 *
 * Rows carry internal integer ids (`id`); what users see are refs: a document's is the start of its
 * content hash, an identity's `e<n>`, a correction's `c<n>`. Refs survive export and import; ids do not.
 *
 * Every write goes through `write(fn)`: one transaction, serialised with every other writer, also those of
 * other processes (SQLite: BEGIN IMMEDIATE and a busy timeout; PostgreSQL: an advisory lock), so a killed
 * process leaves either all of a batch or none of it.
 */
import type { Rating } from '../core/ach/ach.ts';
import type { Credibility, Reliability } from '../core/grading/grades.ts';
import type { Analysis, PersonType } from '../core/model/schema.ts';
import type { SourceText } from '../core/text/source-text.ts';
import type { QueryTerm } from './search-text.ts';

export type StoreKind = 'sqlite' | 'postgres';

/** A failure at the storage boundary, with one line for the user (which database, what is wrong). */
export class StoreError extends Error {
  readonly code: StoreErrorCode;
  constructor(code: StoreErrorCode, message: string, options?: { cause?: unknown }) {
    super(message.replace(/\s*[\r\n]+\s*/g, ' '), options);
    this.name = 'StoreError';
    this.code = code;
  }
}

export type StoreErrorCode =
  | 'E_NO_STORE' // no corpus there (and not asked to create one)
  | 'E_NOT_A_STORE' // a file or database that is not a mikata corpus (corrupt, foreign)
  | 'E_NEWER_STORE' // written by a newer mikata
  | 'E_CORRUPT' // the database reports damage
  | 'E_CONNECT' // PostgreSQL unreachable or refused
  | 'E_NOT_EMPTY' // import into a corpus that already holds documents
  | 'E_NEEDS_MIGRATION' // an older schema, opened read-only: a write command must upgrade it first
  | 'E_READ_ONLY' // a write through a store opened read-only
  | 'E_TOO_LARGE' // a document over a per-document limit (limits.ts)
  | 'E_UNREADABLE' // one stored document cannot be read back (damaged, or too large for this process)
  | 'E_STORE'; // anything else the database reports

export const isStoreError = (e: unknown): e is StoreError => e instanceof StoreError || (e instanceof Error && e.name === 'StoreError' && 'code' in e);

// ---------------------------------------------------------------------------------------------------------
// Rows

export interface DocumentInput {
  readonly ref: string;
  readonly hash: string;
  readonly name: string | null;
  readonly format: SourceText['format'];
  readonly encoding: string | null;
  readonly hints: SourceText['hints'] | null;
  readonly text: string;
  readonly analysis: Analysis;
  readonly addedAt: string;
  readonly analyzedAt: string;
}

export interface OutlineEntry {
  readonly heading: string;
  readonly level: number;
  readonly start: number;
  readonly end: number;
}

export interface DocumentSummary {
  readonly id: number;
  readonly ref: string;
  readonly hash: string;
  readonly name: string | null;
  readonly format: SourceText['format'];
  readonly language: string | null;
  readonly title: string | null;
  readonly date: string | null;
  readonly length: number;
  readonly addedAt: string;
  readonly analyzedAt: string;
  /** The id of the newer version of this document; null while it is the current version. */
  readonly supersededBy: number | null;
}

/** What reanalysis needs of a stored document: its source, without the stored analysis. */
export interface DocumentSource extends DocumentSummary {
  readonly encoding: string | null;
  readonly hints: SourceText['hints'] | null;
  readonly text: string;
}

/** The derived rows a deletion took away with the document. */
export interface RemovedRows {
  readonly claims: number;
  readonly people: number;
  readonly dates: number;
  readonly searchRows: number;
}

export interface StoredDocument extends DocumentSummary {
  readonly encoding: string | null;
  readonly hints: SourceText['hints'] | null;
  readonly text: string;
  readonly analysis: Analysis;
  readonly outline: readonly OutlineEntry[];
}

/** A person as one document names them, linked (or not yet) to a corpus identity. */
export interface PersonRow {
  readonly localId: string;
  readonly identity: number | null;
  readonly type: PersonType;
  readonly role: string;
  readonly name: string;
  readonly latin: string | null;
  readonly organization: string | null;
  readonly title: string | null;
  readonly aliases: readonly string[];
  readonly mentions: number;
}

export interface ClaimSpeaker {
  readonly role: 'speaker' | 'via';
  readonly identity: number | null;
  /** The document's own person id (p3), when the speaker is one of the document's people. */
  readonly person: string | null;
  readonly name: string;
}

export interface FootnoteRef {
  readonly n: number;
  readonly note: string | null;
}

/** An attribution as the corpus holds it: machine output with the corrections applied. */
export interface ClaimRow {
  readonly localId: string;
  readonly provenance: 'machine' | 'analyst';
  /** What the analyst did with it: accepted, edited, added; null while unreviewed. */
  readonly review: 'accepted' | 'edited' | 'added' | null;
  readonly kind: string;
  readonly start: number;
  readonly end: number;
  readonly content: string;
  readonly cue: string | null;
  readonly section: string | null;
  readonly footnotes: readonly FootnoteRef[];
  readonly hedges: readonly string[];
  readonly confidence: number;
  /** Refs of the corrections that made it what it is. */
  readonly corrections: readonly string[];
  readonly speakers: readonly ClaimSpeaker[];
  /** The claim's codes (codebook.ts), rejected ones too; absent when the rows were written without codes. */
  readonly codes?: readonly ClaimCode[];
  /** The analyst's credibility grade of the claim (grades.ts), null or absent when ungraded. */
  readonly credibility?: ClaimCredibility | null;
}

/** The credibility a claim carries: the value of the latest grade that anchors to it, and that grade. */
export interface ClaimCredibility {
  readonly value: Credibility;
  /** The grade's ref (g4). */
  readonly grade: string;
  readonly by: string;
  readonly at: string;
  readonly why: string | null;
}

/**
 * One grading decision of the analyst (core/grading): the reliability of a source (a corpus identity, by
 * ref) or the credibility of a claim (anchored by its content's quote, like a coding decision). Each set and
 * each clear is a record; the latest for one source or claim wins.
 */
/**
 * What every record of the analyst's that is anchored in a document's text says besides its content (a
 * correction, a coding decision, a grade): who made it, why and when, and whether it found its place.
 */
export interface AnchoredRecord {
  readonly by: string;
  readonly why: string | null;
  readonly at: string;
  /** Whether it anchored the last time it was applied (null: not applied yet, or nothing in a text to anchor to). */
  readonly anchored: boolean | null;
  readonly problem: string | null;
}

/** An anchored record the analyst can withdraw (a correction, a coding decision). */
export interface WithdrawableRecord extends AnchoredRecord {
  readonly status: 'active' | 'withdrawn';
}

export interface GradeRecord extends AnchoredRecord {
  readonly id: number;
  /** g1, g2 … */
  readonly ref: string;
  readonly kind: 'reliability' | 'credibility';
  /** reliability: the identity's ref as it was graded (e12); a merged identity's grade is read through merges. */
  readonly identity: string | null;
  /** credibility: the document's hash and the claim's content when it was graded (corrections.ts TextQuoteSelector). */
  readonly docHash: string | null;
  readonly target: unknown;
  /** credibility: the claim it anchored to the last time the claims were built (a3); null when not found. */
  readonly claim: string | null;
  /** A–F (reliability) or 1–6 (credibility); null: the grade was cleared. */
  readonly value: Reliability | Credibility | null;
}

/** One code of one claim: proposed by the machine, or decided by the analyst. */
export interface ClaimCode {
  readonly code: string;
  /** machine: proposed and not reviewed; accepted, rejected, added: the analyst's latest decision. */
  readonly status: 'machine' | 'accepted' | 'rejected' | 'added';
  readonly confidence: number;
  /** The indicators that matched, with half-open UTF-16 spans into the document's text. */
  readonly evidence: readonly CodeEvidenceSpan[];
  /** The ref of the decision that made it what it is (k3), when there is one. */
  readonly decision: string | null;
}

export interface CodeEvidenceSpan {
  readonly indicator: string;
  readonly kind: 'ja' | 'en' | 'pattern';
  readonly start: number;
  readonly end: number;
  readonly quote: string;
}

/** The analyst's decision on one code of one claim, anchored by the claim's quote like a correction. */
export interface CodeDecisionRecord extends WithdrawableRecord {
  readonly id: number;
  readonly ref: string;
  readonly docHash: string;
  readonly action: 'accept' | 'reject' | 'add';
  readonly code: string;
  /** The claim's content when the decision was made (corrections.ts TextQuoteSelector). */
  readonly target: unknown;
}

/** A matrix of competing hypotheses (src/core/ach): the analyst's, never rebuilt. */
export interface AchMatrixRecord {
  readonly id: number;
  /** m1, m2 … */
  readonly ref: string;
  readonly title: string;
  readonly by: string;
  readonly at: string;
}

export interface AchHypothesisRecord {
  readonly id: number;
  /** h1, h2 … within the matrix. */
  readonly ref: string;
  readonly label: string;
  /** The analyst's order. */
  readonly position: number;
}

/**
 * One piece of evidence: a claim of the corpus (its document's hash and the claim's id, with its text and
 * speakers as they were when it was added, so that it still reads after reanalysis renumbers claims), or the
 * analyst's own text.
 */
export interface AchEvidenceRecord {
  readonly id: number;
  /** ev1, ev2 … within the matrix. */
  readonly ref: string;
  readonly kind: 'claim' | 'text';
  readonly docHash: string | null;
  readonly claim: string | null;
  readonly text: string;
  readonly speaker: string | null;
  /** Credibility × relevance, default 1 (core/ach ScoreOptions.weightOf). */
  readonly weight: number;
  readonly position: number;
}

export interface AchRatingRecord {
  readonly evidence: number;
  readonly hypothesis: number;
  readonly rating: Rating;
  readonly by: string;
  readonly at: string;
}

/** A matrix with everything in it. */
export interface AchMatrixContents extends AchMatrixRecord {
  readonly hypotheses: readonly AchHypothesisRecord[];
  readonly evidence: readonly AchEvidenceRecord[];
  readonly ratings: readonly AchRatingRecord[];
}

export interface DateRow {
  readonly start: number;
  readonly end: number;
  readonly value: string;
  readonly lo: string;
  readonly hi: string;
  readonly approx: boolean;
  readonly text: string;
  /** The sentence around the date, for a timeline line. */
  readonly context: string;
}

/** Everything derived from one document's analysis (and its corrections) that the commands read. */
export interface DocumentIndex {
  readonly people: readonly PersonRow[];
  readonly claims: readonly ClaimRow[];
  readonly dates: readonly DateRow[];
}

export type NameScript = 'katakana' | 'latin' | 'cyrillic' | 'kanji' | 'hiragana' | 'other';

export interface NameForm {
  readonly form: string;
  /** The form reduced for exact lookup (normalised, case-folded, without spaces and dots). */
  readonly key: string;
  readonly script: NameScript;
}

export interface IdentityRecord {
  readonly id: number;
  readonly ref: string;
  readonly name: string;
  readonly type: PersonType;
  readonly organization: string | null;
  readonly mergedInto: number | null;
  readonly origin: 'machine' | 'analyst';
  readonly createdAt: string;
  readonly forms: readonly NameForm[];
}

export interface ProposalRecord {
  readonly a: number;
  readonly b: number;
  readonly status: 'pending' | 'merged' | 'dismissed';
  readonly score: number;
  readonly evidence: readonly string[];
  readonly createdAt: string;
  readonly decidedAt: string | null;
  readonly decidedBy: string | null;
  readonly why: string | null;
}

export interface DecisionRecord {
  readonly id: number;
  readonly kind: 'merge' | 'split' | 'dismiss' | 'reopen' | 'link' | 'withdraw';
  /**
   * Identity refs: merge keeps `a` and folds `b` into it; split moves `forms` of `a` into the new `b`;
   * dismiss keeps `a` and `b` apart. For withdraw, `a` is the correction ref.
   */
  readonly a: string;
  readonly b: string | null;
  readonly forms: readonly string[];
  readonly by: string;
  readonly why: string | null;
  readonly at: string;
}

export interface CorrectionRecord extends WithdrawableRecord {
  readonly id: number;
  readonly ref: string;
  readonly docHash: string;
  /** `metadata`: the document's title, date, series, number or authors (metadata.ts), no attribution. */
  readonly action: 'accept' | 'reject' | 'edit' | 'add' | 'metadata';
  /** JSON: what the correction points at (see corrections.ts); null for `add` and `metadata`. */
  readonly target: unknown;
  /** JSON: what it changes (see corrections.ts). */
  readonly change: unknown;
}

export interface ExpertRow {
  readonly id: number;
  readonly claims: number;
  readonly documents: number;
  readonly first: string | null;
  readonly last: string | null;
}

export interface ExpertClaimRow extends ClaimRow {
  readonly doc: number;
  readonly role: 'speaker' | 'via';
  readonly document: { readonly ref: string; readonly title: string | null; readonly date: string | null; readonly name: string | null };
}

export interface SearchFilters {
  readonly documents?: readonly number[];
  /** Only documents where this identity speaks (the corpus checks the spans). */
  readonly speaker?: number;
  /** Inclusive bounds, YYYY-MM-DD. */
  readonly from?: string;
  readonly to?: string;
}

export interface SearchCandidates {
  readonly total: number;
  /** Best first. */
  readonly hits: readonly { readonly doc: number; readonly score: number }[];
  /** Set when more documents matched than are ranked: only the `rankedWithin` most recently added were. */
  readonly rankedWithin?: number;
}

/**
 * How many matching documents a search ranks at most, when no filter narrows it: a word found in every
 * document of a large corpus would otherwise cost a ranking of the whole corpus on every query. The most
 * recently added are ranked; the total still counts them all.
 */
export const RANK_CAP = 2000;

export interface TimelineFilters extends SearchFilters {
  readonly limit?: number;
}

export interface TimelineRow extends DateRow {
  readonly doc: number;
}

/** A claim similar to another (similar-index.ts): where it is and how similar (cosine, 0–1). */
export interface SimilarHit {
  readonly doc: number;
  readonly claim: string;
  readonly similarity: number;
}

/** Claims grouped by what they say (similar-index.ts similarAmong): the links at or over the threshold, and the groups. */
export interface SimilarGroupsOf {
  readonly links: readonly { readonly a: { doc: number; claim: string }; readonly b: { doc: number; claim: string }; readonly similarity: number }[];
  /** Every claim given and stored, in exactly one group (alone when nothing is similar to it). */
  readonly groups: readonly (readonly { doc: number; claim: string }[])[];
}

export interface StoreInfo {
  readonly kind: StoreKind;
  /** A path, or a URL without its password. */
  readonly location: string;
  readonly schemaVersion: number;
  /** Opened for reading only: no migration, no journal switch, and `write` refuses. */
  readonly readonly: boolean;
}

// ---------------------------------------------------------------------------------------------------------
// The port

export interface StoreReader {
  readonly info: StoreInfo;

  /** Current documents (not superseded by a newer version); `all` counts every version. */
  countDocuments(options?: { all?: boolean }): Promise<number>;
  /** The documents among these hashes that are already stored. */
  documentsByHash(hashes: readonly string[]): Promise<Map<string, { id: number; ref: string }>>;
  /** Documents whose ref starts with `query` (at least four characters), or whose name or file name equals it. */
  findDocuments(query: string): Promise<DocumentSummary[]>;
  /** Current documents, oldest first; `all` adds the superseded versions. */
  listDocuments(options?: { all?: boolean }): Promise<DocumentSummary[]>;
  documentSummaries(ids: readonly number[]): Promise<Map<number, DocumentSummary>>;
  /** Throws a StoreError E_UNREADABLE naming the document when its stored analysis cannot be read back. */
  getDocument(id: number): Promise<StoredDocument | undefined>;
  /** The text and source fields only (reanalysis rebuilds a document whose stored analysis is unreadable). */
  getDocumentSource(id: number): Promise<DocumentSource | undefined>;
  /** Current documents with this file name or this title: the candidates a new version may supersede. */
  versionCandidates(name: string | null, title: string | null): Promise<DocumentSummary[]>;
  /** Text and outline only, for snippets. */
  documentTexts(ids: readonly number[]): Promise<Map<number, { text: string; outline: OutlineEntry[] }>>;
  /** Every document id, oldest first (superseded versions too, unless `current`). */
  documentIds(options?: { current?: boolean }): Promise<number[]>;
  getMeta(key: string): Promise<string | undefined>;

  loadIdentities(): Promise<IdentityRecord[]>;
  identitiesByRef(refs: readonly string[]): Promise<IdentityRecord[]>;
  identityIdsByFormKey(key: string): Promise<number[]>;
  /** Those of these identities that some document names or some claim has as speaker. */
  appearing(identities: readonly number[]): Promise<Set<number>>;
  people(doc: number): Promise<PersonRow[]>;
  /** Every document person linked to this identity. */
  identityPeople(identity: number): Promise<(PersonRow & { doc: number })[]>;

  claims(doc: number): Promise<ClaimRow[]>;
  experts(options: { types: readonly PersonType[] }): Promise<ExpertRow[]>;
  /** Claims, documents, first and last date of one identity. */
  expertSummary(identity: number): Promise<ExpertRow>;
  /** One identity's claims, by document date, then document, then position; a page of them when asked. */
  expertClaims(identity: number, page?: { limit?: number; offset?: number }): Promise<ExpertClaimRow[]>;
  /** Claim spans per document for these identities as speakers (for the speaker filter of search). */
  speakerSpans(identity: number, docs: readonly number[]): Promise<Map<number, { start: number; end: number }[]>>;
  /** Claims of these documents with their speakers (for snippets). */
  claimsOf(docs: readonly number[]): Promise<Map<number, ClaimRow[]>>;

  /**
   * Claims that say nearly the same as one claim, most similar first, the claim itself left out; null when
   * the document has no such claim. `threshold` is the least cosine (default SIMILARITY_THRESHOLD).
   */
  similarClaims(doc: number, claim: string, options?: { threshold?: number; limit?: number }): Promise<SimilarHit[] | null>;
  /** These claims grouped by what they say: each pair compared with the index's measure and frequencies. */
  similarAmong(claims: readonly { doc: number; claim: string }[], options?: { threshold?: number }): Promise<SimilarGroupsOf>;

  searchDocuments(terms: readonly QueryTerm[], filters: SearchFilters, limit: number, offset: number): Promise<SearchCandidates>;
  timeline(filters: TimelineFilters): Promise<TimelineRow[]>;

  proposals(status?: ProposalRecord['status']): Promise<ProposalRecord[]>;
  decisions(): Promise<DecisionRecord[]>;
  corrections(docHash?: string): Promise<CorrectionRecord[]>;
  correctionByRef(ref: string): Promise<CorrectionRecord | undefined>;

  codeDecisions(docHash?: string): Promise<CodeDecisionRecord[]>;
  codeDecisionByRef(ref: string): Promise<CodeDecisionRecord | undefined>;

  /** Grading decisions, oldest first: all, or of one kind, or of one document (credibility). */
  grades(filter?: { kind?: GradeRecord['kind']; docHash?: string }): Promise<GradeRecord[]>;
  gradeByRef(ref: string): Promise<GradeRecord | undefined>;

  /** Every ACH matrix, oldest first. */
  achMatrices(): Promise<AchMatrixRecord[]>;
  /** One matrix with its hypotheses and evidence (in the analyst's order) and ratings. */
  achMatrix(ref: string): Promise<AchMatrixContents | undefined>;
  /** Evidence of every matrix that points at a claim of one of these documents (by hash), with its matrix's id. */
  achEvidenceOf(hashes: readonly string[]): Promise<(AchEvidenceRecord & { readonly matrix: number })[]>;
}

export interface StoreWriter extends StoreReader {
  /** Inserts a document unless one with the same hash exists; returns its id, or null when it existed. */
  insertDocument(doc: DocumentInput): Promise<number | null>;
  updateAnalysis(id: number, analysis: Analysis, analyzedAt: string): Promise<void>;
  /** Sets the title and date the listings sort and filter by (the analyst's, over the analysis's). */
  setDocumentHead(id: number, head: { title: string | null; date: string | null }): Promise<void>;
  /** Replaces everything derived from a document: people, claims, dates and its search text. */
  replaceIndex(id: number, index: DocumentIndex): Promise<void>;
  /** Replaces only the claims (after a correction). */
  replaceClaims(id: number, claims: readonly ClaimRow[]): Promise<void>;
  setPersonIdentity(doc: number, localId: string, identity: number | null): Promise<void>;
  /** Indexes a stored document's text for search again (a version that is current again). */
  indexText(id: number, text: string): Promise<void>;
  /** Removes everything derived from a document (people, claims, dates, search rows), keeping the document. */
  clearIndex(id: number): Promise<RemovedRows>;
  /** Marks a document as superseded by a newer version (or current again, with null). */
  setSupersededBy(id: number, by: number | null): Promise<void>;
  /** Deletes a document with its body and every derived row; versions it links are re-linked around it. */
  deleteDocument(id: number): Promise<RemovedRows>;
  /** Points the corrections of one document hash at another (a new version); returns how many moved. */
  moveCorrections(fromHash: string, toHash: string): Promise<number>;

  /** Takes the next value of a counter in the meta table (identity and correction refs). */
  nextCounter(key: 'next_identity' | 'next_correction' | 'next_code_decision' | 'next_ach_matrix' | 'next_grade'): Promise<number>;
  setMeta(key: string, value: string): Promise<void>;
  deleteMeta(key: string): Promise<void>;
  createIdentity(input: Omit<IdentityRecord, 'id' | 'forms' | 'mergedInto'> & { forms: readonly NameForm[] }): Promise<IdentityRecord>;
  addForms(identity: number, forms: readonly NameForm[]): Promise<void>;
  removeForms(identity: number, keys: readonly string[]): Promise<void>;
  updateIdentity(identity: number, fields: { name?: string; organization?: string | null; mergedInto?: number | null }): Promise<void>;
  /** Moves every person, claim speaker and form of `from` to `to`. */
  repointIdentity(from: number, to: number): Promise<void>;

  upsertProposal(p: Omit<ProposalRecord, 'decidedAt' | 'decidedBy' | 'why'>): Promise<void>;
  /** Puts a dismissed proposal back in the queue (undoing "keep apart"); false when there was none dismissed. */  reopenProposal(a: number, b: number): Promise<boolean>;
  decideProposal(a: number, b: number, status: 'merged' | 'dismissed', by: string, why: string | null, at: string): Promise<void>;
  /** Rewrites proposals that name `from` to name `to` (after a merge), dropping those that become self-pairs. */
  repointProposals(from: number, to: number): Promise<void>;
  insertDecision(d: Omit<DecisionRecord, 'id'>): Promise<void>;

  insertCorrection(c: Omit<CorrectionRecord, 'id'>): Promise<CorrectionRecord>;
  updateCorrection(id: number, fields: { status?: CorrectionRecord['status']; anchored?: boolean | null; problem?: string | null }): Promise<void>;

  insertCodeDecision(c: Omit<CodeDecisionRecord, 'id'>): Promise<CodeDecisionRecord>;
  updateCodeDecision(id: number, fields: { status?: CodeDecisionRecord['status']; anchored?: boolean | null; problem?: string | null }): Promise<void>;
  /** Points the coding decisions of one document hash at another (a new version). */
  moveCodeDecisions(fromHash: string, toHash: string): Promise<number>;

  insertGrade(g: Omit<GradeRecord, 'id'>): Promise<GradeRecord>;
  /** Records where a credibility grade anchored the last time the claims were built. */
  updateGrade(id: number, fields: { claim?: string | null; anchored?: boolean | null; problem?: string | null }): Promise<void>;
  /** Points the credibility grades of one document hash at another (a new version). */
  moveGrades(fromHash: string, toHash: string): Promise<number>;

  insertAchMatrix(m: Omit<AchMatrixRecord, 'id'>): Promise<AchMatrixRecord>;
  /** Appends a hypothesis (next ref and position in its matrix). */
  insertAchHypothesis(matrix: number, label: string): Promise<AchHypothesisRecord>;
  /** Appends evidence (next ref and position in its matrix). */
  insertAchEvidence(matrix: number, e: Omit<AchEvidenceRecord, 'id' | 'ref' | 'position'>): Promise<AchEvidenceRecord>;
  setAchWeight(evidence: number, weight: number): Promise<void>;
  /** Points claim evidence at the claim it now is (another id, or a new version's hash); its text stays as rated. */
  relinkAchEvidence(evidence: number, to: { docHash: string; claim: string }): Promise<void>;
  /** Sets one cell (replacing its rating), or clears it with null. */
  setAchRating(r: Omit<AchRatingRecord, 'rating'> & { rating: Rating | null }): Promise<void>;
  /** Moves hypotheses to the positions of `order` (ids, every hypothesis of the matrix once). */
  reorderAchHypotheses(matrix: number, order: readonly number[]): Promise<void>;
  /** Deletes a matrix with everything in it; false when there was none. */
  deleteAchMatrix(id: number): Promise<boolean>;
  /**
   * Builds the index of similar claims again from the stored claims (the migration that adds it leaves it
   * to this, since grams are computed in JavaScript); resolves to the number of claims indexed.
   */
  rebuildSimilarIndex(): Promise<number>;

  /** Runs `fn` so that a failure undoes only its own writes (a savepoint inside the transaction). */
  isolate<T>(fn: () => Promise<T>): Promise<T>;
}

export interface Store extends StoreReader {
  /** One transaction, serialised with every other writer, in this process and in others. */
  write<T>(fn: (w: StoreWriter) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
