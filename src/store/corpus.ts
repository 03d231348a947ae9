/**
 * The corpus: the programmatic API that the CLI, the HTTP server and the web workbench call. It adds the
 * pure core (analyze, identity matching, correction anchoring) to a Store, and answers in plain data.
 *
 * Failures a user can cause (an unknown document, a name that fits several people, a bad date) are
 * CorpusErrors with one line and, for ambiguity, the candidates.
 */
import { relinkEvidence, type ClaimsInText } from './ach-anchor.ts';
import { AGREEMENT_MAX_CLAIMS, buildAgreement, type AgreementClaim, type AgreementView } from './agreement.ts';
import { descendants } from '../core/codebook/codebook.ts';
import { AchBook, type UnanchoredEvidence } from './ach.ts';
import { createHash } from 'node:crypto';
import { analyze, type AnalyzeOptions } from '../core/analyze.ts';
import type { Analysis, PersonType } from '../core/model/schema.ts';
import type { SourceText } from '../core/text/source-text.ts';
import { applyCorrections, toSelector, type AttributionKind, type CorrectionChange, type CorrectionTarget, type EffectiveAttribution, type SpeakerRef, type SpeakerResolver } from './corrections.ts';
import { createIdentity, formsOfPerson, IdentityCache, isFullName, linkPerson, nameKey, previousLinks, type LinkContext } from './identities.ts';
import { claimRows, dateRows } from './index-rows.ts';
import { codeClaims } from './claim-codes.ts';
import { gradeClaims, Grading, type GradeView, type SourceGradeView } from './grading.ts';
import { parseCaveatList } from '../core/grading/caveats.ts';
import { parseCodebook, type Codebook } from '../core/codebook/codebook.ts';
import { DEFAULT_CODEBOOK } from '../core/codebook/default-codebook.ts';
import { openStore, type StoreLocationOptions } from './open-store.ts';
import { findMatches, makeTerm, needsExactCheck, parseQuery, searchNormalize, searchView, type QueryTerm } from './search-text.ts';
import { checkTextLimit, limitAnalysis, type StoreLimits, STORE_LIMITS } from './limits.ts';
import { dateBounds } from './sql-store.ts';
import { isMetadataDate, METADATA_FIELDS, metadataOverlay, withMetadata, type DocumentMetadata } from './metadata.ts';
import { isStoreError, StoreError } from './store.ts';
import { TRANSFER_FORMAT, TRANSFER_VERSION, TransferError, type AchMatrixLine, type DocumentLine, type Located, type TransferRecord } from './transfer.ts';
import { findPreviousVersion } from './versions.ts';
import { SIMILARITY_THRESHOLD } from '../core/similar/index.ts';
import type {
  AchMatrixContents, ClaimCode, ClaimCredibility, ClaimRow, GradeRecord, CodeDecisionRecord, CorrectionRecord, DocumentSummary, IdentityRecord, NameScript, OutlineEntry, PersonRow, RemovedRows, Store, StoreReader, StoreWriter,
  StoredDocument,
} from './store.ts';

export type CorpusErrorCode = 'E_NOT_FOUND' | 'E_AMBIGUOUS' | 'E_INVALID' | 'E_CONFLICT';

export class CorpusError extends Error {
  readonly code: CorpusErrorCode;
  /** For E_AMBIGUOUS: what the query could mean. */
  readonly candidates: readonly { id: string; label: string }[];
  /** Which refusal of its kind, for a client that words it in its own language (a replacement's 'language'). */
  readonly reason?: string;
  constructor(code: CorpusErrorCode, message: string, candidates: readonly { id: string; label: string }[] = [], reason?: string) {
    super(message);
    this.name = 'CorpusError';
    this.code = code;
    this.candidates = candidates;
    if (reason) this.reason = reason;
  }
}

export const isCorpusError = (e: unknown): e is CorpusError => e instanceof CorpusError || (e instanceof Error && e.name === 'CorpusError');

// ---------------------------------------------------------------------------------------------------------
// Views: what the API returns

export interface DocumentRef {
  readonly id: string;
  readonly title: string | null;
  readonly date: string | null;
  readonly name: string | null;
}

export interface PersonSummary {
  readonly id: string;
  readonly name: string;
  readonly type: PersonType;
  readonly organization: string | null;
  /** Every name form seen, by script. */
  readonly forms: Partial<Record<NameScript, string[]>>;
  readonly claims: number;
  readonly documents: number;
  readonly first: string | null;
  readonly last: string | null;
}

export interface ClaimView {
  readonly document: DocumentRef;
  readonly id: string;
  /** Whether the person speaks, or relays someone else's words. */
  readonly role: 'speaker' | 'via';
  readonly kind: string;
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly cue: string | null;
  readonly section: string | null;
  readonly footnotes: readonly { n: number; note: string | null }[];
  readonly hedges: readonly string[];
  readonly speakers: readonly { name: string; id: string | null }[];
  readonly via: readonly { name: string; id: string | null }[];
  readonly provenance: 'machine' | 'analyst';
  readonly review: ClaimRow['review'];
  readonly confidence: number;
  /** The claim's codes, rejected ones too (their status says so). */
  readonly codes: readonly ClaimCode[];
  /** The analyst's credibility grade of the claim (1–6), null when ungraded. */
  readonly credibility: ClaimCredibility | null;
}

export interface ExpertPage {
  readonly person: PersonSummary;
  readonly claims: ClaimView[];
  /**
   * Source grading (grading.ts) of the person and of every other speaker and relay on the page, by identity
   * ref: the analyst's reliability grade, the caveats that fit, a suggestion.
   */
  readonly sources: Readonly<Record<string, SourceGradeView>>;
}

/** A claim that says nearly the same as another: the claim as an expert page shows it, and how similar. */
export interface SimilarClaimView extends Omit<ClaimView, 'role'> {
  /** Cosine of the two claims' n-gram vectors, 0–1 (core/similar). */
  readonly similarity: number;
}

export interface SimilarClaims {
  /** The claim asked about. */
  readonly claim: Omit<ClaimView, 'role'>;
  /** The least similarity listed. */
  readonly threshold: number;
  /** Claims of other speakers (of every speaker with `sameSpeaker`), most similar first. */
  readonly similar: readonly SimilarClaimView[];
}

export interface SimilarOptions {
  /** The least cosine, 0–1 (default SIMILARITY_THRESHOLD). */
  readonly threshold?: number;
  /** At most this many (default 20). */
  readonly limit?: number;
  /** Also the claims of the claim's own speakers (default: other speakers only). */
  readonly sameSpeaker?: boolean;
}

export interface SearchOptions {
  /** A person, in any spelling, or an identity ref: only passages where they speak. */
  readonly speaker?: string;
  readonly document?: string;
  /** YYYY, YYYY-MM or YYYY-MM-DD, inclusive (publication date). */
  readonly from?: string;
  readonly to?: string;
  readonly limit?: number;
  readonly offset?: number;
}

export interface Snippet {
  readonly text: string;
  /** Ranges of `text` to highlight. */
  readonly highlights: readonly { start: number; end: number }[];
  /** Where the snippet is in the document. */
  readonly start: number;
  readonly end: number;
  readonly section: string | null;
  /** Who says it, when the passage lies in an attribution. */
  readonly speakers: readonly string[];
}

export interface SearchHit {
  readonly document: DocumentRef;
  readonly score: number;
  /** How many places match. */
  readonly matches: number;
  readonly snippets: Snippet[];
}

export interface SearchResult {
  readonly query: string;
  readonly terms: readonly QueryTerm[];
  /** Documents that match; an upper bound when `estimated` (exact phrase or speaker checks on top). */
  readonly total: number;
  readonly estimated: boolean;
  /** When more documents matched than are ranked (RANK_CAP), how many of the most recently added were. */
  readonly rankedWithin: number | null;
  readonly hits: SearchHit[];
}

export interface TimelineEntry {
  readonly date: string;
  readonly approx: boolean;
  readonly text: string;
  readonly context: string;
  readonly start: number;
  readonly end: number;
  readonly document: DocumentRef;
}

export interface IngestItem {
  readonly source: SourceText;
  /** What to call it (a path); defaults to source.name. */
  readonly name?: string | null;
  /** An analysis made already (an import, a test); otherwise the corpus analyses the source. */
  readonly analysis?: Analysis;
}

export interface IngestOutcome {
  readonly name: string | null;
  readonly status: 'added' | 'unchanged' | 'failed';
  readonly document?: DocumentRef;
  readonly reason?: string;
  /** Added, but with a part of the analysis left out to stay within the corpus limits (limits.ts). */
  readonly notice?: string;
  /** Added as a new version of a document already in the corpus. */
  readonly version?: VersionOutcome;
}

/** What happened when a document was recognised as a new version of another. */
export interface VersionOutcome {
  /** The version it supersedes: kept (text and analysis) but no longer counted. */
  readonly supersedes: DocumentRef;
  /** Why it was taken for a version: the same file name or the same title, and how much text they share. */
  readonly why: string;
  /** Corrections carried over from the old version and applied again. */
  readonly carried: number;
  /** Those of them that no longer anchor in the new text: kept, flagged, listed. */
  readonly unanchored: CorrectionView[];
}

/** What `replace` did: the new version, the one it replaced, and where the corrections stand now. */
export interface ReplaceOutcome {
  readonly document: DocumentRef;
  readonly version: VersionOutcome;
  /** The corrections carried over that anchor in the new text (the unanchored ones are in `version`). */
  readonly reanchored: CorrectionView[];
  readonly notice?: string;
}

/** What `delete` took away, and what it kept. */
export interface DeleteOutcome {
  readonly document: DocumentRef;
  readonly removed: RemovedRows;
  /** The older version that is current again (its corrections moved back to it), if there was one. */
  readonly restored: DocumentRef | null;
  /** The document's corrections: moved back to the restored version, or kept in the record. */
  readonly corrections: number;
}

export interface ProposalView {
  readonly a: PersonSummaryLite;
  readonly b: PersonSummaryLite;
  readonly status: 'pending' | 'merged' | 'dismissed';
  readonly score: number;
  readonly evidence: readonly string[];
  readonly createdAt: string;
}

export interface PersonSummaryLite {
  readonly id: string;
  readonly name: string;
  readonly organization: string | null;
  readonly forms: readonly string[];
}

export interface CorrectionView {
  readonly id: string;
  readonly document: string;
  readonly action: CorrectionRecord['action'];
  readonly status: CorrectionRecord['status'];
  readonly anchored: boolean | null;
  readonly problem: string | null;
  readonly by: string;
  readonly why: string | null;
  readonly at: string;
  /** The quote the correction points at (its target, or the content it adds). */
  readonly quote: string;
  readonly change: CorrectionChange;
}

export interface CorrectInput {
  /** A document ref (or a unique prefix of it) or the name it was ingested under. */
  readonly document: string;
  readonly action: 'accept' | 'reject' | 'edit' | 'add';
  /** accept / reject / edit: the attribution id as `attributions()` shows it (a3, xc2) … */
  readonly attribution?: string;
  /** … or a piece of its content. */
  readonly quote?: string;
  /** edit / add: the speakers, by name in any spelling or by identity ref. */
  readonly speakers?: readonly string[];
  /** edit / add: the content, as a span of the text … */
  readonly span?: { start: number; end: number };
  /** … or as a quote of it (the `occurrence`-th, 1-based, when it occurs more than once). */
  readonly contentQuote?: string;
  readonly occurrence?: number;
  readonly kind?: AttributionKind;
  readonly by: string;
  readonly why?: string | null;
}

export interface ReanalyzeSummary {
  /** Documents analysed again and stored. */
  readonly documents: number;
  /** Documents there were to analyse (`documents` plus the failed ones). */
  readonly total: number;
  /** Documents whose new analysis lost claims to the corpus limits. */
  readonly limited: { document: DocumentRef; notice: string }[];
  readonly failed: { document: DocumentRef; reason: string }[];
  readonly corrections: number;
  /** Corrections that no longer anchor: kept, flagged, listed for the analyst. */
  readonly unanchored: CorrectionView[];
  /** ACH evidence whose claim was not found again (ach-anchor.ts): kept with its ratings, listed. */
  readonly evidence: UnanchoredEvidence[];
  /** Credibility grades whose claim is no longer found (grading.ts): kept, flagged, listed. */
  readonly grades: GradeView[];
}

export interface ImportSummary {
  readonly documents: number;
  readonly identities: number;
  readonly corrections: number;
}

export interface CorpusOptions {
  /** ISO time for records (tests pass a fixed clock). */
  now?: () => string;
  analyzeOptions?: AnalyzeOptions;
  /** The analysis to run (default: the core's `analyze`); tests pass a stand-in to play an improved extractor. */
  analyzer?: (source: SourceText) => Analysis;
  /** Per-document limits (default STORE_LIMITS); tests pass small ones. */
  limits?: StoreLimits;
}

/** The order name forms are listed in: the scripts of the commentary first. */
const SCRIPT_ORDER: readonly NameScript[] = ['katakana', 'latin', 'cyrillic', 'kanji', 'hiragana', 'other'];
const DEFAULT_TYPES: readonly PersonType[] = ['person'];
const ALL_TYPES: readonly PersonType[] = ['person', 'group', 'government', 'organization', 'media'];

export function contentHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** A document's ref: the start of its content hash, like a short git commit id. */
export const refOfHash = (hash: string) => hash.slice(0, 12);

function checkDate(value: string | undefined, what: string): string | undefined {
  if (value === undefined || value === '') return undefined;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!m) throw new CorpusError('E_INVALID', `${what}: ${JSON.stringify(value)} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)`);
  const [, y, mo, d] = m;
  if (mo !== undefined && (Number(mo) < 1 || Number(mo) > 12)) throw new CorpusError('E_INVALID', `${what}: ${JSON.stringify(value)} is not a date: there is no month ${mo}`);
  if (d !== undefined) {
    // Day 0 of the next month is the last day of this one (Date.UTC counts months from 0).
    const last = new Date(Date.UTC(Number(y), Number(mo), 0)).getUTCDate();
    if (Number(d) < 1 || Number(d) > last) throw new CorpusError('E_INVALID', `${what}: ${JSON.stringify(value)} is not a date: ${y}-${mo} has ${last} days`);
  }
  return value;
}

/** A query of more words than this is refused: each word costs a pass over every candidate text. */
export const MAX_QUERY_TERMS = 32;
/** Longer queries are refused before they are parsed. */
export const MAX_QUERY_CHARS = 2000;
/** Only queries of up to this many words are also tried as one person's name. */
const MAX_NAME_WORDS = 6;

/**
 * @example
 * const corpus = await Corpus.open({ db: 'mikata.db', create: true });
 * await corpus.addSources([{ source: { text, format: 'text' }, name: 'note.txt' }]);
 * const page = await corpus.expert('Mikhail Sokolin'); // { person, claims: [{ document, text, … }] }
 */
/** How many candidate documents a checked search reads at a time. */
const SEARCH_CHECK_BATCH = 24;

export class Corpus {
  readonly store: Store;
  private readonly now: () => string;
  private readonly analyzer: (source: SourceText) => Analysis;
  private readonly limits: StoreLimits;
  private cache: IdentityCache | null = null;

  constructor(store: Store, options: CorpusOptions = {}) {
    this.store = store;
    this.now = options.now ?? (() => new Date().toISOString());
    const analyzeOptions = options.analyzeOptions ?? {};
    this.analyzer = options.analyzer ?? ((source) => analyze(source, analyzeOptions));
    this.limits = options.limits ?? STORE_LIMITS;
  }

  /** Analyses a source within the corpus limits; throws E_TOO_LARGE for a text over the limit. */
  private analyzeWithin(source: SourceText, given?: Analysis): { analysis: Analysis; notice: string | null } {
    checkTextLimit(source.text, this.limits);
    return limitAnalysis(source.text, given ?? this.analyzer(source), this.limits);
  }

  static async open(options: StoreLocationOptions & CorpusOptions & { create?: boolean } = {}): Promise<Corpus> {
    return new Corpus(await openStore(options), options);
  }

  async close(): Promise<void> {
    await this.store.close();
  }

  /**
   * The analyst's matrices of competing hypotheses (ach.ts), on this corpus's store and clock; evidence from
   * graded claims is weighed by its grades (grading.ts achWeights).
   */
  achBook(): AchBook {
    const grading = this.grading();
    return new AchBook(this.store, { now: this.now, resolveDocument: (q) => this.resolveDocument(q), gradeWeights: (m) => grading.achWeights(m) });
  }

  /** Source grading (grading.ts): reliability of sources, credibility of claims, caveats. */
  grading(): Grading {
    return new Grading({
      store: this.store,
      now: this.now,
      identities: () => this.identities(),
      resolvePerson: (q) => this.resolvePerson(q),
      document: (q) => this.document(q),
      writeAndReindex: (doc, fn) => this.write(async (w, cache) => {
        const out = await fn(w);
        await this.reindexClaims(w, cache, doc);
        return out;
      }),
    });
  }

  /** The identity cache, loaded on first use and reloaded when another writer changed identities. */
  private async identities(reader: StoreReader = this.store): Promise<IdentityCache> {
    if (!this.cache) this.cache = await IdentityCache.load(reader);
    else await this.cache.refresh(reader);
    return this.cache;
  }

  /** A write transaction; on failure the identity cache is dropped, since it may hold rolled-back rows. */
  private async write<T>(fn: (w: StoreWriter, cache: IdentityCache) => Promise<T>): Promise<T> {
    try {
      return await this.store.write(async (w) => fn(w, await this.identities(w)));
    } catch (e) {
      this.cache = null;
      throw e;
    }
  }

  // -------------------------------------------------------------------------------------------------------
  // Documents

  async documents(): Promise<DocumentSummary[]> {
    return this.store.listDocuments();
  }

  /**
   * A document by ref (or a prefix of four or more characters) or by the name it was ingested under; a
   * name that several versions share means the current one.
   */
  async resolveDocument(query: string): Promise<DocumentSummary> {
    let found = await this.store.findDocuments(query);
    if (found.length > 1 && found.filter((d) => d.supersededBy === null).length === 1) found = found.filter((d) => d.supersededBy === null);
    if (found.length === 1) return found[0]!;
    if (found.length === 0) throw new CorpusError('E_NOT_FOUND', `no document ${JSON.stringify(query)} in the corpus (give its id, as mikata ingest printed it, or its file name)`);
    throw new CorpusError(
      'E_AMBIGUOUS',
      `${JSON.stringify(query)} fits ${found.length} documents; give more of the id`,
      found.map((d) => ({ id: d.ref, label: `${d.title ?? '(untitled)'}${d.date ? `, ${d.date}` : ''}${d.name ? ` — ${d.name}` : ''}` })),
    );
  }

  async document(query: string): Promise<StoredDocument> {
    const summary = await this.resolveDocument(query);
    const doc = await this.store.getDocument(summary.id);
    if (!doc) throw new CorpusError('E_NOT_FOUND', `document ${summary.ref} vanished`);
    // The analyst's title, date, series, number and authors over the machine's (metadata.ts).
    const overlay = metadataOverlay(await this.store.corrections(doc.hash));
    return overlay ? { ...doc, analysis: withMetadata(doc.analysis, overlay) } : doc;
  }

  /**
   * Corrects a document's title, date, series, number or authors. Recorded as a correction (undone by
   * withdrawing it) and laid over the analysis whenever the document is read, so it survives reanalysis.
   * `expected`, when given, holds the values the analyst saw: if another change came first, nothing is
   * recorded (E_CONFLICT).
   *
   * @example
   * await corpus.correctMetadata('3f2a9c', { date: '2025-10-14' }, { by: 'kato', why: 'the dateline' });
   */
  async correctMetadata(
    query: string, fields: DocumentMetadata, who: { by: string; why?: string | null; expected?: DocumentMetadata },
  ): Promise<{ correction: CorrectionView; metadata: Required<DocumentMetadata> }> {
    if (!who.by?.trim()) throw new CorpusError('E_INVALID', 'say who makes the correction (--by NAME, or set MIKATA_USER)');
    const doc = await this.document(query);
    if (doc.supersededBy !== null) throw new CorpusError('E_CONFLICT', `document ${doc.ref} has been replaced by a newer version; correct that one`);
    const current = currentMetadata(doc.analysis);
    const change: Record<string, unknown> = {};
    for (const f of METADATA_FIELDS) {
      if (!(f in fields) || fields[f] === undefined) continue;
      let value = fields[f];
      if (typeof value === 'string') value = value.trim() || null;
      if (f === 'date' && typeof value === 'string' && !isMetadataDate(value)) throw new CorpusError('E_INVALID', `date: ${JSON.stringify(value)} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)`);
      if (f === 'title' && value === null) throw new CorpusError('E_INVALID', 'title: a document keeps a title (give one)');
      if (f === 'authors') value = (value as NonNullable<DocumentMetadata['authors']>).map((a) => ({ name: a.name.trim(), organization: a.organization?.trim() || null, title: a.title?.trim() || null })).filter((a) => a.name);
      if (JSON.stringify(value) !== JSON.stringify(current[f])) change[f] = value;
    }
    if (who.expected) {
      for (const f of METADATA_FIELDS) {
        if (f in who.expected && JSON.stringify(who.expected[f] ?? null) !== JSON.stringify(current[f] ?? null)) {
          throw new CorpusError('E_CONFLICT', `${f}: it changed since you saw it (now ${JSON.stringify(current[f])}); reload and try again`);
        }
      }
    }
    if (!Object.keys(change).length) throw new CorpusError('E_INVALID', 'the correction changes nothing (give a title, date, series, number or authors that differ)');
    const before = Object.fromEntries(Object.keys(change).map((f) => [f, current[f as keyof typeof current]]));
    const record = await this.write(async (w) => {
      const n = await w.nextCounter('next_correction');
      const rec = await w.insertCorrection({
        ref: `c${n}`, docHash: doc.hash, action: 'metadata', target: { metadata: before }, change: { metadata: change }, by: who.by.trim(),
        why: who.why?.trim() || null, at: this.now(), status: 'active', anchored: true, problem: null,
      });
      await this.refreshHead(w, doc.id, doc.hash);
      return rec;
    });
    const [view] = await this.correctionViews([record]);
    return { correction: view!, metadata: currentMetadata((await this.document(doc.ref)).analysis) };
  }

  /** Puts the analyst's title and date (or the analysis's) where the listings sort and filter. */
  private async refreshHead(w: StoreWriter, docId: number, hash: string): Promise<void> {
    const stored = await w.getDocument(docId);
    if (!stored) return;
    const a = withMetadata(stored.analysis, metadataOverlay(await w.corrections(hash)));
    await w.setDocumentHead(docId, { title: a.document.title, date: a.document.date });
  }

  // -------------------------------------------------------------------------------------------------------
  // Ingest

  /**
   * Adds documents. A document whose text is already stored (same hash) is reported unchanged; one that
   * cannot be analysed is reported failed; neither stops the others. One transaction for the batch, a
   * savepoint per document.
   */
  async addSources(items: readonly IngestItem[]): Promise<IngestOutcome[]> {
    const outcomes: (IngestOutcome | null)[] = items.map(() => null);
    const hashes = items.map((it) => contentHash(it.source.text));
    const existing = await this.store.documentsByHash(hashes);
    const fresh: { index: number; hash: string; analysis: Analysis; notice: string | null }[] = [];
    const seen = new Map<string, number>();
    for (const [i, it] of items.entries()) {
      const name = it.name ?? it.source.name ?? null;
      const hash = hashes[i]!;
      const stored = existing.get(hash);
      if (stored) { outcomes[i] = { name, status: 'unchanged', document: { id: stored.ref, title: null, date: null, name: null } }; continue; }
      const twin = seen.get(hash);
      if (twin !== undefined) { outcomes[i] = { name, status: 'unchanged', reason: `same text as ${items[twin]!.name ?? items[twin]!.source.name ?? 'another input'}` }; continue; }
      seen.set(hash, i);
      try {
        fresh.push({ index: i, hash, ...this.analyzeWithin(it.source, it.analysis) });
      } catch (e) {
        outcomes[i] = { name, status: 'failed', reason: isStoreError(e) && e.code === 'E_TOO_LARGE' ? e.message : `could not analyse it: ${(e as Error).message}` };
      }
    }
    if (fresh.length > 0) {
      await this.write(async (w, cache) => {
        for (const f of fresh) {
          const it = items[f.index]!;
          const name = it.name ?? it.source.name ?? null;
          try {
            outcomes[f.index] = await w.isolate(async () => {
              const now = this.now();
              const id = await w.insertDocument({
                ref: refOfHash(f.hash), hash: f.hash, name, format: it.source.format, encoding: it.source.encoding ?? null,
                hints: it.source.hints ?? null, text: it.source.text, analysis: f.analysis, addedAt: now, analyzedAt: now,
              });
              // Another process stored the same text a moment ago.
              if (id === null) return { name, status: 'unchanged', document: { id: refOfHash(f.hash), title: null, date: null, name: null } } as IngestOutcome;
              const version = await this.supersede(w, cache, id, f.hash, name, it.source.text, f.analysis);
              if (!version) await this.index(w, cache, id, f.hash, it.source.text, f.analysis, {});
              return {
                name, status: 'added', document: { id: refOfHash(f.hash), title: f.analysis.document.title, date: f.analysis.document.date, name },
                ...(f.notice ? { notice: f.notice } : {}), ...(version ? { version } : {}),
              } as IngestOutcome;
            });
          } catch (e) {
            // The savepoint undid this document's rows; identities it made in memory are stale.
            await cache.reload(w);
            outcomes[f.index] = { name, status: 'failed', reason: isStoreError(e) && e.code === 'E_TOO_LARGE' ? e.message : `could not store it: ${(e as Error).message}` };
          }
        }
      });
    }
    return outcomes as IngestOutcome[];
  }

  /**
   * Derives and stores everything the commands read for one document: links its people to identities,
   * applies its corrections, writes people, claims and dates, and records which corrections anchored.
   */
  private async index(
    w: StoreWriter, cache: IdentityCache, docId: number, hash: string, text: string, analysis: Analysis,
    links: Pick<LinkContext, 'previous' | 'given'>,
  ): Promise<{ unanchored: string[] }> {
    const before = cache.changes;
    const ctx: LinkContext = { writer: w, cache, now: this.now(), date: analysis.document.date, ...links };
    const people: PersonRow[] = [];
    for (const p of analysis.people) {
      const link = await linkPerson(ctx, p, formsOfPerson(p));
      people.push({
        localId: p.id, identity: link.identity.id, type: p.type, role: p.role, name: p.name, latin: p.latin,
        organization: p.organization, title: p.title, aliases: p.aliases, mentions: p.mentions.length,
      });
    }
    const corrections = await w.corrections(hash);
    const { attributions, outcomes } = applyCorrections(text, analysis, corrections, this.resolver(cache, people));
    const claims = await this.withCodes(w, hash, text, claimRows(analysis, attributions, (ref) => cache.byReference(ref)?.id ?? null));
    const relink = await this.evidenceBefore(w, docId, hash, text);
    await w.replaceIndex(docId, { people, claims, dates: dateRows(text, analysis) });
    await relink({ hash, text, claims });
    const unanchored: string[] = [];
    for (const c of corrections) {
      const o = outcomes.get(c.ref);
      if (!o) continue;
      if (!o.anchored) unanchored.push(c.ref);
      if (o.anchored !== c.anchored || o.problem !== c.problem) await w.updateCorrection(c.id, { anchored: o.anchored, problem: o.problem });
    }
    if (corrections.some((c) => c.action === 'metadata')) await this.refreshHead(w, docId, hash);
    if (cache.changes !== before) await cache.touch(w);
    return { unanchored };
  }

  /**
   * Reads what ACH evidence needs to follow a document's claims (the claims as they are before they are
   * replaced), and returns the step that re-links the evidence to the new claims. Costs one query when no
   * evidence points at the document.
   */
  private async evidenceBefore(w: StoreWriter, docId: number, hash: string, text: string): Promise<(after: ClaimsInText) => Promise<void>> {
    const evidence = await w.achEvidenceOf([hash]);
    if (evidence.length === 0) return async () => {};
    const before = new Map([[hash, { hash, text, claims: await w.claims(docId) }]]);
    return async (after) => {
      for (const r of relinkEvidence(evidence, before, after).relinked) await w.relinkAchEvidence(r.evidence, { docHash: r.docHash, claim: r.claim });
    };
  }

  /**
   * Moves ACH evidence from another document's claims (a superseded or deleted version, read before its rows
   * went) onto the claims this document now has, where they are found (ach-anchor.ts).
   */
  private async relinkFrom(w: StoreWriter, from: ClaimsInText, docId: number, hash: string, text: string): Promise<void> {
    const evidence = await w.achEvidenceOf([from.hash]);
    if (evidence.length === 0) return;
    const after = { hash, text, claims: await w.claims(docId) };
    for (const r of relinkEvidence(evidence, new Map([[from.hash, from]]), after).relinked) await w.relinkAchEvidence(r.evidence, { docHash: r.docHash, claim: r.claim });
  }

  /**
   * When a new document is a new version of a current one (same file name or title, much of the text in
   * common: versions.ts), the old version is superseded: its derived rows go (so nothing counts it twice),
   * its text and analysis stay, its corrections move to the new version and are applied there, anchored by
   * quote and context as on reanalysis, and its identity links are kept by name as on reanalysis. Null (and
   * nothing done) when it is not a version of anything.
   */
  private async supersede(
    w: StoreWriter, cache: IdentityCache, id: number, hash: string, name: string | null, text: string, analysis: Analysis,
  ): Promise<VersionOutcome | null> {
    const candidates = (await w.versionCandidates(name && name !== '-' ? name : null, analysis.document.title)).filter((d) => d.id !== id);
    if (candidates.length === 0) return null;
    const texts = await w.documentTexts(candidates.map((d) => d.id));
    const found = findPreviousVersion({ name, title: analysis.document.title, text }, candidates.map((d) => ({ ...d, text: texts.get(d.id)?.text ?? '' })));
    if (!found) return null;
    return this.supersedeBy(w, cache, candidates.find((d) => d.id === found.document.id)!, id, hash, text, analysis, found.why, texts.get(found.document.id)?.text);
  }

  /** Makes document `id` the new version of `old`: see supersede. */
  private async supersedeBy(
    w: StoreWriter, cache: IdentityCache, old: DocumentSummary, id: number, hash: string, text: string, analysis: Analysis, why: string,
    /** The old version's text, when the caller has read it already. */
    oldText?: string,
  ): Promise<VersionOutcome> {
    const previous = previousLinks(await w.people(old.id));
    // ACH evidence on the old version's claims follows them into the new version.
    const previousText = oldText ?? (await w.documentTexts([old.id])).get(old.id)?.text ?? '';
    const oldClaims: ClaimsInText = { hash: old.hash, text: previousText, claims: await w.claims(old.id) };
    await w.clearIndex(old.id);
    await w.setSupersededBy(old.id, id);
    const carried = await w.moveCorrections(old.hash, hash);
    await w.moveCodeDecisions(old.hash, hash);
    await w.moveGrades(old.hash, hash);
    const r = await this.index(w, cache, id, hash, text, analysis, { previous });
    await this.relinkFrom(w, oldClaims, id, hash, text);
    const unanchored = r.unanchored.length ? await this.correctionViews((await w.corrections(hash)).filter((c) => r.unanchored.includes(c.ref)), w) : [];
    return { supersedes: docRef(old), why, carried, unanchored };
  }

  /**
   * Replaces a current document with a new version the analyst gives (an upload on the document's page):
   * as when ingest recognises a version by itself (supersede), except that the analyst says which document
   * it replaces, so no name or share of text is asked for. The old version is kept, superseded; its
   * corrections move to the new one and are anchored again by quote and context; those that no longer
   * anchor are kept, flagged, and listed in the outcome.
   *
   * Refused, with nothing changed: an unknown or superseded document, an empty text, the same text, a text
   * already in the corpus as another document, and a text in another language (a translation is another
   * document, not a version: its corrections could not anchor).
   */
  async replace(query: string, item: IngestItem): Promise<ReplaceOutcome> {
    const doc = await this.resolveDocument(query);
    if (doc.supersededBy !== null) throw new CorpusError('E_CONFLICT', `document ${doc.ref} is an older version already replaced; replace the current version`);
    if (!item.source.text.trim()) throw new CorpusError('E_INVALID', 'the replacement is empty: it has no text');
    const hash = contentHash(item.source.text);
    if (hash === doc.hash) throw new CorpusError('E_CONFLICT', `the replacement is the same text as document ${doc.ref}: nothing to replace`);
    const twin = (await this.store.documentsByHash([hash])).get(hash);
    if (twin) throw new CorpusError('E_CONFLICT', `the replacement is already in the corpus as document ${twin.ref}`);
    const { analysis, notice } = this.analyzeWithin(item.source, item.analysis);
    const language = analysis.document.language;
    if (doc.language && language !== doc.language) {
      const names: Record<string, string> = { ja: 'Japanese', en: 'English' };
      throw new CorpusError('E_INVALID', `the replacement is in ${names[language] ?? language} but document ${doc.ref} is in ${names[doc.language] ?? doc.language}: a translation is another document, not a new version (upload it as a document of its own)`, [], 'language');
    }
    const name = item.name ?? item.source.name ?? doc.name;
    return this.write(async (w, cache) => {
      const current = (await w.documentSummaries([doc.id])).get(doc.id);
      if (!current || current.supersededBy !== null) throw new CorpusError('E_CONFLICT', `document ${doc.ref} changed meanwhile (deleted or replaced); reload it`);
      const now = this.now();
      const id = await w.insertDocument({
        ref: refOfHash(hash), hash, name, format: item.source.format, encoding: item.source.encoding ?? null,
        hints: item.source.hints ?? null, text: item.source.text, analysis, addedAt: now, analyzedAt: now,
      });
      if (id === null) throw new CorpusError('E_CONFLICT', 'the replacement was added by another process a moment ago');
      const version = await this.supersedeBy(w, cache, current, id, hash, item.source.text, analysis, 'replaced by the analyst');
      const unanchored = new Set(version.unanchored.map((c) => c.id));
      const reanchored = await this.correctionViews((await w.corrections(hash)).filter((c) => c.status === 'active' && !unanchored.has(c.ref)), w);
      return {
        document: { id: refOfHash(hash), title: analysis.document.title, date: analysis.document.date, name },
        version, reanchored, ...(notice ? { notice } : {}),
      };
    });
  }

  /**
   * Deletes a document: its text, analysis and every row derived from it, search index included. Its
   * corrections are not dropped: when the document had superseded an older version, that version is
   * current again and the corrections move back to it; otherwise they stay in the record and apply again
   * if the same text is added back.
   */
  /** What it takes to add a stored document back as it was (its text, format and name): undoing a delete. */
  async sourceItem(query: string): Promise<IngestItem> {
    const doc = await this.resolveDocument(query);
    const source = await this.store.getDocumentSource(doc.id);
    if (!source) throw new CorpusError('E_NOT_FOUND', `document ${doc.ref} vanished`);
    return { source: sourceOf(source), name: source.name };
  }

  async delete(query: string): Promise<DeleteOutcome> {
    const doc = await this.resolveDocument(query);
    return this.write(async (w, cache) => {
      const older = doc.supersededBy === null ? (await w.listDocuments({ all: true })).find((d) => d.supersededBy === doc.id) ?? null : null;
      const previous = previousLinks(await w.people(doc.id));
      const corrections = (await w.corrections(doc.hash)).length;
      const gone: ClaimsInText | null = older ? { hash: doc.hash, text: (await w.getDocumentSource(doc.id))?.text ?? '', claims: await w.claims(doc.id) } : null;
      const removed = await w.deleteDocument(doc.id);
      if (!older) return { document: docRef(doc), removed, restored: null, corrections };
      await w.moveCorrections(doc.hash, older.hash);
      await w.moveCodeDecisions(doc.hash, older.hash);
      await w.moveGrades(doc.hash, older.hash);
      // Its stored analysis, or a new one when that cannot be read back.
      let analysis: Analysis;
      const source = (await w.getDocumentSource(older.id))!;
      try {
        analysis = (await w.getDocument(older.id))!.analysis;
      } catch (e) {
        if (!isStoreError(e) || e.code !== 'E_UNREADABLE') throw e;
        analysis = this.analyzeWithin(sourceOf(source)).analysis;
        await w.updateAnalysis(older.id, analysis, this.now());
      }
      await w.indexText(older.id, source.text);
      await this.index(w, cache, older.id, older.hash, source.text, analysis, { previous });
      // ACH evidence on the deleted version's claims goes back to the previous version's.
      if (gone) await this.relinkFrom(w, gone, older.id, older.hash, source.text);
      return { document: docRef(doc), removed, restored: docRef(older), corrections };
    });
  }

  private resolver(cache: IdentityCache, people: readonly PersonRow[]): SpeakerResolver {
    const byLocal = new Map(people.map((p) => [p.localId, p]));
    return {
      person: (localId) => {
        const p = byLocal.get(localId);
        if (!p) return { person: localId, identity: null, name: localId };
        const identity = p.identity === null ? undefined : cache.current(p.identity);
        return { person: localId, identity: identity?.ref ?? null, name: p.name };
      },
      identity: (ref: SpeakerRef) => {
        const identity = ref.identity ? cache.byReference(ref.identity) : undefined;
        if (!identity) return { person: null, identity: null, name: ref.name };
        const local = people.find((p) => p.identity !== null && cache.current(p.identity)?.id === identity.id);
        // The mention the edit replaced, while it still goes by the same name (local ids change on reanalysis).
        const mention = ref.person && byLocal.get(ref.person)?.name === ref.personName ? ref.person : null;
        return { person: local?.localId ?? mention, identity: identity.ref, name: ref.name };
      },
    };
  }

  /**
   * Analyses every stored document again (after the extractor improved), keeps every identity link whose
   * name is still there, re-applies every correction and lists those that no longer anchor.
   */
  async reanalyze(options: { onProgress?: (done: number, total: number) => void; batchSize?: number } = {}): Promise<ReanalyzeSummary> {
    const ids = await this.store.documentIds();
    const batchSize = options.batchSize ?? 32;
    const failed: ReanalyzeSummary['failed'] = [];
    const limited: ReanalyzeSummary['limited'] = [];
    const unanchored = new Set<string>();
    let stored = 0;
    let done = 0;
    for (let i = 0; i < ids.length; i += batchSize) {
      const batch = ids.slice(i, i + batchSize);
      // The source alone: a document whose stored analysis cannot be read back is rebuilt from its text.
      const work: { doc: DocumentSummary & { text: string }; analysis: Analysis; notice: string | null }[] = [];
      for (const id of batch) {
        let doc;
        try {
          doc = await this.store.getDocumentSource(id);
        } catch (e) {
          if (!isStoreError(e) || e.code === 'E_CONNECT') throw e;
          const summary = (await this.store.documentSummaries([id])).get(id);
          failed.push({ document: summary ? docRef(summary) : { id: String(id), title: null, date: null, name: null }, reason: `could not read it: ${e.message}` });
          continue;
        }
        if (!doc) continue;
        try {
          work.push({ doc, ...this.analyzeWithin(sourceOf(doc)) });
        } catch (e) {
          failed.push({ document: docRef(doc), reason: isStoreError(e) ? e.message : `could not analyse it: ${(e as Error).message}` });
        }
      }
      try {
        // Counted once the batch is committed: a transaction that fails as a whole stored nothing.
        const outcome = await this.write(async (w, cache) => {
          const ok: typeof work = [];
          const bad: ReanalyzeSummary['failed'] = [];
          const loose: string[] = [];
          for (const item of work) {
            const { doc, analysis } = item;
            try {
              await w.isolate(async () => {
                await w.updateAnalysis(doc.id, analysis, this.now());
                // A superseded version keeps its analysis up to date but no derived rows.
                if (doc.supersededBy === null) {
                  const previous = previousLinks(await w.people(doc.id));
                  loose.push(...(await this.index(w, cache, doc.id, doc.hash, doc.text, analysis, { previous })).unanchored);
                }
              });
              ok.push(item);
            } catch (e) {
              await cache.reload(w);
              bad.push({ document: docRef(doc), reason: `could not store the new analysis: ${(e as Error).message}` });
            }
          }
          return { ok, bad, loose };
        });
        stored += outcome.ok.length;
        for (const { doc, notice } of outcome.ok) if (notice) limited.push({ document: docRef(doc), notice });
        failed.push(...outcome.bad);
        for (const ref of outcome.loose) unanchored.add(ref);
      } catch (e) {
        // The batch as a whole could not be written (a read-only or full disk, a lost connection): every
        // document of it failed, with the store's reason.
        if (!isStoreError(e)) throw e;
        for (const { doc } of work) failed.push({ document: docRef(doc), reason: `could not store the new analysis: ${e.message}` });
      }
      done += batch.length;
      options.onProgress?.(done, ids.length);
    }
    const current = new Set((await this.store.listDocuments()).map((d) => d.hash));
    const active = (await this.store.corrections()).filter((c) => c.status === 'active' && current.has(c.docHash));
    const views = await this.correctionViews(active.filter((c) => unanchored.has(c.ref)));
    const evidence = await this.achBook().unanchored();
    const grades = (await this.grading().list({ all: true })).filter((g) => g.kind === 'credibility' && g.anchored === false && g.value !== null);
    return { documents: stored, total: ids.length, limited, failed, corrections: active.length, unanchored: views, evidence, grades };
  }

  // -------------------------------------------------------------------------------------------------------
  // People

  private summaryLite(r: IdentityRecord): PersonSummaryLite {
    return { id: r.ref, name: r.name, organization: r.organization, forms: r.forms.map((f) => f.form) };
  }

  private formsByScript(r: IdentityRecord): PersonSummary['forms'] {
    const out: Partial<Record<NameScript, string[]>> = {};
    for (const script of SCRIPT_ORDER) {
      const forms = r.forms.filter((f) => f.script === script).map((f) => f.form);
      if (forms.length) out[script] = forms;
    }
    return out;
  }

  /** Everyone the corpus knows, most claims first; `all` adds groups, governments and organisations. */
  async experts(options: { all?: boolean } = {}): Promise<PersonSummary[]> {
    const cache = await this.identities();
    const rows = await this.store.experts({ types: options.all ? ALL_TYPES : DEFAULT_TYPES });
    const out: PersonSummary[] = [];
    for (const r of rows) {
      const identity = cache.get(r.id);
      if (!identity) continue;
      out.push({
        id: identity.ref, name: identity.name, type: identity.type, organization: identity.organization, forms: this.formsByScript(identity),
        claims: r.claims, documents: r.documents, first: r.first, last: r.last,
      });
    }
    return out.sort((a, b) => b.claims - a.claims || b.documents - a.documents || a.name.localeCompare(b.name));
  }

  /**
   * The identities a name (any spelling, any script) or ref may mean: one when it is clear, several when
   * it is not. Only identities that appear somewhere count.
   */
  async findPeople(query: string): Promise<{ identity: IdentityRecord; evidence: string[]; exact: boolean }[]> {
    const q = query.trim();
    if (!q) return [];
    const cache = await this.identities();
    const byRef = /^e\d+$/i.test(q) ? cache.byReference(q.toLowerCase()) : undefined;
    if (byRef) return [{ identity: byRef, evidence: ['identity id'], exact: true }];
    const candidates = new Map<number, { identity: IdentityRecord; evidence: string[]; exact: boolean; same: boolean }>();
    for (const identity of cache.withKey(nameKey(q))) candidates.set(identity.id, { identity, evidence: [`name form ${q}`], exact: true, same: false });
    for (const r of cache.find(q)) {
      const identity = cache.byReference(r.id);
      if (!identity) continue;
      const known = candidates.get(identity.id);
      candidates.set(identity.id, { identity, evidence: known ? [...known.evidence, ...r.evidence] : r.evidence, exact: known?.exact ?? false, same: r.decision === 'same' });
    }
    const live = await this.store.appearing([...candidates.keys()]);
    let list = [...candidates.values()].filter((c) => live.has(c.identity.id));
    if (list.some((c) => c.identity.type === 'person')) list = list.filter((c) => c.identity.type === 'person' || c.exact);
    // A full name written exactly as a document wrote it, or the matcher's one 'same', settles it.
    const exactFull = isFullName(q) ? list.filter((c) => c.exact) : [];
    const settled = exactFull.length === 1 ? exactFull : list.filter((c) => c.same).length === 1 ? list.filter((c) => c.same) : list.length === 1 ? list : null;
    if (settled) return settled.map((c) => ({ identity: c.identity, evidence: c.evidence, exact: true }));
    return list.sort((a, b) => a.identity.id - b.identity.id).map((c) => ({ identity: c.identity, evidence: c.evidence, exact: false }));
  }

  /** The one identity a name means, or a CorpusError listing the candidates. */
  async resolvePerson(query: string): Promise<IdentityRecord> {
    const found = await this.findPeople(query);
    if (found.length === 1) return found[0]!.identity;
    if (found.length === 0) throw new CorpusError('E_NOT_FOUND', `no one called ${JSON.stringify(query)} in the corpus (see mikata experts)`);
    throw new CorpusError(
      'E_AMBIGUOUS',
      `${JSON.stringify(query)} fits ${found.length} people; name one by its id or a fuller name`,
      found.map((f) => ({ id: f.identity.ref, label: `${f.identity.name}${f.identity.organization ? ` (${f.identity.organization})` : ''} — ${f.identity.forms.map((x) => x.form).join(', ')}` })),
    );
  }

  /**
   * Every claim of one person across the corpus, by document date (a page of them with `limit` and
   * `offset`; `person.claims` counts them all).
   */
  async expert(query: string, page: { limit?: number; offset?: number } = {}): Promise<ExpertPage> {
    const identity = await this.resolvePerson(query);
    const cache = await this.identities();
    const [summary, rows] = await Promise.all([this.store.expertSummary(identity.id), this.store.expertClaims(identity.id, page)]);
    const ref = (id: number | null) => (id === null ? null : cache.current(id)?.ref ?? null);
    const claims: ClaimView[] = rows.map((r) => ({
      document: { id: r.document.ref, title: r.document.title, date: r.document.date, name: r.document.name },
      id: r.localId, role: r.role, kind: r.kind, text: r.content, start: r.start, end: r.end, cue: r.cue, section: r.section,
      footnotes: r.footnotes, hedges: r.hedges,
      speakers: r.speakers.filter((s) => s.role === 'speaker').map((s) => ({ name: s.name, id: ref(s.identity) })),
      via: r.speakers.filter((s) => s.role === 'via').map((s) => ({ name: s.name, id: ref(s.identity) })),
      provenance: r.provenance, review: r.review, confidence: r.confidence, codes: r.codes ?? [], credibility: r.credibility ?? null,
    }));
    const refs = [identity.ref, ...claims.flatMap((c) => [...c.speakers, ...c.via].map((s) => s.id).filter((x): x is string => x !== null))];
    return {
      person: {
        id: identity.ref, name: identity.name, type: identity.type, organization: identity.organization, forms: this.formsByScript(identity),
        claims: summary.claims, documents: summary.documents, first: summary.first, last: summary.last,
      },
      claims,
      sources: Object.fromEntries(await this.grading().sources(refs)),
    };
  }

  /**
   * The claims of other speakers, in any document, that say nearly the same as one claim ("also said by"),
   * most similar first. The claim is named by its document (ref or name) and its id in that document.
   *
   * @example
   * const { similar } = await corpus.similar('3f2a9c', 'a4');
   */
  async similar(documentQuery: string, claimId: string, options: SimilarOptions = {}): Promise<SimilarClaims> {
    const threshold = options.threshold ?? SIMILARITY_THRESHOLD;
    if (!(threshold >= 0 && threshold <= 1)) throw new CorpusError('E_INVALID', `the threshold must be a number from 0 to 1, not ${String(options.threshold)}`);
    const limit = options.limit ?? 20;
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new CorpusError('E_INVALID', `the limit must be a whole number from 1 to 1000, not ${String(options.limit)}`);
    const doc = await this.resolveDocument(documentQuery);
    const own = (await this.store.claims(doc.id)).find((c) => c.localId === claimId);
    if (!own) throw new CorpusError('E_NOT_FOUND', `document ${doc.ref} has no claim ${JSON.stringify(claimId)} (mikata correct list ${doc.ref} lists them)`);
    // More than asked for: some are the speaker's own and are left out below.
    const hits = (await this.store.similarClaims(doc.id, claimId, { threshold, limit: options.sameSpeaker ? limit : limit * 4 + 20 })) ?? [];
    const cache = await this.identities();
    const ref = (id: number | null) => (id === null ? null : cache.current(id)?.ref ?? null);
    // A speaker is the same person by identity (after merges), or by name when the machine linked none.
    const speakerKeys = (c: ClaimRow) => new Set(c.speakers.filter((x) => x.role === 'speaker').map((x) => ref(x.identity) ?? `name:${x.name}`));
    const mine = speakerKeys(own);
    const [rows, summaries] = await Promise.all([this.store.claimsOf(hits.map((h) => h.doc)), this.store.documentSummaries([doc.id, ...hits.map((h) => h.doc)])]);
    const docRef = (id: number): DocumentRef => {
      const d = summaries.get(id)!;
      return { id: d.ref, title: d.title, date: d.date, name: d.name };
    };
    const similar: SimilarClaimView[] = [];
    for (const h of hits) {
      const row = rows.get(h.doc)?.find((c) => c.localId === h.claim);
      if (!row) continue;
      if (!options.sameSpeaker && [...speakerKeys(row)].some((k) => mine.has(k))) continue;
      similar.push({ ...this.claimView(row, docRef(h.doc), ref), similarity: Math.round(h.similarity * 1000) / 1000 });
      if (similar.length >= limit) break;
    }
    return { claim: this.claimView(own, docRef(doc.id), ref), threshold, similar };
  }

  /**
   * The claims coded with one code (or a code under it), across the current documents, grouped by what they
   * say: which speakers agree and which views stand alone (agreement.ts). `documents` (refs or names) limits
   * the view; `threshold` is the least cosine that links two claims (default SIMILARITY_THRESHOLD).
   *
   * @example
   * const { agree, alone } = await corpus.agreement('domain.naval');
   */
  async agreement(code: string, options: { threshold?: number; documents?: readonly string[] } = {}): Promise<AgreementView> {
    const threshold = options.threshold ?? SIMILARITY_THRESHOLD;
    if (typeof threshold !== 'number' || !(threshold >= 0 && threshold <= 1)) throw new CorpusError('E_INVALID', `the threshold must be a number from 0 to 1, not ${String(options.threshold)}`);
    const { book } = await this.codebook();
    const head = typeof code === 'string' ? book.codes.find((c) => c.id === code.trim()) : undefined;
    if (!head) throw new CorpusError('E_NOT_FOUND', `no code ${JSON.stringify(String(code).slice(0, 80))} in the codebook (mikata codebook show lists them)`);
    const includes = descendants(book, head.id);
    const wanted = new Set(includes);
    const only = options.documents?.length ? await Promise.all(options.documents.map((q) => this.resolveDocument(q))) : null;
    const onlyIds = only ? new Set(only.map((d) => d.id)) : null;
    const cache = await this.identities();
    const ref = (id: number | null) => (id === null ? null : cache.current(id)?.ref ?? null);
    const found: { key: { doc: number; claim: string }; view: AgreementClaim }[] = [];
    for await (const { document, claims } of this.claimsByDocument()) {
      if (onlyIds && !onlyIds.has(document.id)) continue;
      for (const c of claims) {
        if (!(c.codes ?? []).some((k) => k.status !== 'rejected' && wanted.has(k.code))) continue;
        found.push({ key: { doc: document.id, claim: c.localId }, view: this.claimView(c, docRef(document), ref) });
      }
    }
    // Past the limit, the claims of the most recent documents (by date, then by when they were added).
    let kept = found;
    if (found.length > AGREEMENT_MAX_CLAIMS) {
      kept = [...found].sort((a, b) => ((b.view.document.date ?? '') < (a.view.document.date ?? '') ? -1 : (b.view.document.date ?? '') > (a.view.document.date ?? '') ? 1 : b.key.doc - a.key.doc))
        .slice(0, AGREEMENT_MAX_CLAIMS);
    }
    const similar = await this.store.similarAmong(kept.map((f) => f.key), { threshold });
    return buildAgreement(
      { id: head.id, names: head.name, definition: head.definition ?? null, colour: head.colour ?? null, includes },
      new Map(kept.map((f) => [`${f.key.doc} ${f.key.claim}`, f.view])),
      similar,
      { threshold, documents: only ? only.map((d) => d.ref) : null, limited: kept.length < found.length ? { total: found.length, kept: kept.length } : null },
    );
  }

  private claimView(r: ClaimRow, document: DocumentRef, ref: (id: number | null) => string | null): Omit<ClaimView, 'role'> {
    return {
      document, id: r.localId, kind: r.kind, text: r.content, start: r.start, end: r.end, cue: r.cue, section: r.section,
      footnotes: r.footnotes, hedges: r.hedges,
      speakers: r.speakers.filter((s) => s.role === 'speaker').map((s) => ({ name: s.name, id: ref(s.identity) })),
      via: r.speakers.filter((s) => s.role === 'via').map((s) => ({ name: s.name, id: ref(s.identity) })),
      provenance: r.provenance, review: r.review, confidence: r.confidence, codes: r.codes ?? [], credibility: r.credibility ?? null,
    };
  }

  // -------------------------------------------------------------------------------------------------------
  // Search and timeline

  /** Turns query words into terms, adding the other spellings of a person the words name. */
  private async expandTerms(query: string): Promise<QueryTerm[]> {
    if (query.length > MAX_QUERY_CHARS) {
      throw new CorpusError('E_INVALID', `the query is ${query.length.toLocaleString('en')} characters long; at most ${MAX_QUERY_CHARS.toLocaleString('en')} are searched: use fewer words`);
    }
    // A word given twice (in any width or case) is one term: all words must occur anyway.
    const seen = new Set<string>();
    const words = parseQuery(query).filter((w) => {
      const key = searchNormalize(w).trim();
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    if (words.length > MAX_QUERY_TERMS) {
      throw new CorpusError('E_INVALID', `the query has ${words.length} different words; at most ${MAX_QUERY_TERMS} are searched at once: leave some out, or "quote" a phrase`);
    }
    // Every person the words may name, all their spellings: search wants recall, and nothing is merged.
    const namesOf = async (q: string): Promise<string[] | null> => {
      if (!/\p{L}/u.test(q)) return null;
      const found = await this.findPeople(q);
      if (found.length === 0 || found.length > 5) return null;
      const forms = found.flatMap((f) => f.identity.forms.map((x) => x.form)).filter((f) => nameKey(f).length >= 2);
      return [q, ...forms];
    };
    if (words.length > 1 && words.length <= MAX_NAME_WORDS) {
      const whole = await namesOf(words.join(' '));
      if (whole) return [makeTerm(words.join(' '), whole)];
    }
    const terms: QueryTerm[] = [];
    for (const w of words) terms.push(makeTerm(w, (await namesOf(w)) ?? [w]));
    return terms;
  }

  /**
   * Full-text search in Japanese and English, ranked, with highlighted snippets.
   *
   * @example
   * const r = await corpus.search('非核化', { from: '2024' });
   * r.hits[0].snippets[0]; // { text: '…朝鮮半島の⾮核化は…', highlights: [{ start: 7, end: 10 }], … }
   */
  async search(query: string, options: SearchOptions = {}): Promise<SearchResult> {
    const terms = (await this.expandTerms(query)).filter((t) => t.alternatives.length > 0);
    if (terms.length === 0) throw new CorpusError('E_INVALID', 'the query has no words to search for');
    const limit = Math.max(1, Math.min(options.limit ?? 20, 500));
    const offset = Math.max(0, options.offset ?? 0);
    const from = checkDate(options.from, '--from');
    const to = checkDate(options.to, '--to');
    const speaker = options.speaker ? await this.resolvePerson(options.speaker) : undefined;
    const document = options.document ? await this.resolveDocument(options.document) : undefined;
    const filters = {
      from: from ? dateBounds(from).lo! : undefined,
      to: to ? dateBounds(to).hi! : undefined,
      documents: document ? [document.id] : undefined,
      speaker: speaker?.id,
    };
    const checked = needsExactCheck(terms) || speaker !== undefined;
    // With checks on top of the index, ask for more and cut after checking.
    const candidates = checked
      ? await this.store.searchDocuments(terms, filters, (offset + limit) * 3 + 20, 0)
      : await this.store.searchDocuments(terms, filters, limit, offset);
    const docIds = candidates.hits.map((h) => h.doc);
    const spans = speaker ? await this.store.speakerSpans(speaker.id, docIds) : null;
    const wanted = checked ? offset + limit : candidates.hits.length;
    // Check candidates in small batches and stop once the page is full: texts are read only as needed, and
    // summaries and claims only for the documents shown.
    const passing: { h: (typeof candidates.hits)[number]; text: string; outline: OutlineEntry[]; matches: { start: number; end: number }[] }[] = [];
    let examined = 0;
    for (let at = 0; at < candidates.hits.length && passing.length < wanted; at += SEARCH_CHECK_BATCH) {
      const batch = candidates.hits.slice(at, at + SEARCH_CHECK_BATCH);
      const texts = await this.store.documentTexts(batch.map((h) => h.doc));
      for (const h of batch) {
        if (passing.length >= wanted) break;
        examined++;
        const doc = texts.get(h.doc);
        if (!doc) continue;
        const view = searchView(doc.text);
        let matches: { start: number; end: number }[] = [];
        let all = true;
        for (const t of terms) {
          const found = findMatches(view.text, t).map((x) => view.toOriginal(x));
          if (found.length === 0) all = false;
          matches.push(...found);
        }
        if (!all) continue;
        if (spans) {
          const mine = spans.get(h.doc) ?? [];
          matches = matches.filter((m) => mine.some((x) => x.start <= m.start && m.end <= x.end));
          if (matches.length === 0) continue;
        }
        matches.sort((a, b) => a.start - b.start);
        passing.push({ h, text: doc.text, outline: doc.outline, matches });
      }
    }
    const shown = checked ? passing.slice(offset, offset + limit) : passing;
    const shownIds = shown.map((x) => x.h.doc);
    const [summaries, claims] = await Promise.all([this.store.documentSummaries(shownIds), this.store.claimsOf(shownIds)]);
    const page: SearchHit[] = [];
    for (const x of shown) {
      const summary = summaries.get(x.h.doc);
      if (!summary) continue;
      page.push({ document: docRef(summary), score: round(x.h.score), matches: x.matches.length, snippets: makeSnippets(x.text, x.outline, x.matches, claims.get(x.h.doc) ?? []) });
    }
    // Candidates that failed the exact check lower the index's count; those not examined are still counted.
    const rejected = examined - passing.length;
    return {
      query, terms, total: checked ? Math.max(candidates.total - rejected, passing.length) : candidates.total, estimated: checked,
      rankedWithin: candidates.rankedWithin ?? null, hits: page,
    };
  }

  /** Dated mentions in order of the date they name. */
  async timeline(options: Omit<SearchOptions, 'offset'> = {}): Promise<TimelineEntry[]> {
    const from = checkDate(options.from, '--from');
    const to = checkDate(options.to, '--to');
    const speaker = options.speaker ? await this.resolvePerson(options.speaker) : undefined;
    const document = options.document ? await this.resolveDocument(options.document) : undefined;
    const rows = await this.store.timeline({
      from: from ? dateBounds(from).lo! : undefined,
      to: to ? dateBounds(to).hi! : undefined,
      documents: document ? [document.id] : undefined,
      speaker: speaker?.id,
      limit: options.limit ?? 1000,
    });
    const docs = await this.store.documentSummaries(rows.map((r) => r.doc));
    return rows.map((r) => ({ date: r.value, approx: r.approx, text: r.text, context: r.context, start: r.start, end: r.end, document: docRef(docs.get(r.doc)!) }));
  }

  // -------------------------------------------------------------------------------------------------------
  // Identities: proposals, merge, split

  async proposals(status: 'pending' | 'merged' | 'dismissed' | 'all' = 'pending'): Promise<ProposalView[]> {
    const cache = await this.identities();
    const rows = await this.store.proposals(status === 'all' ? undefined : status);
    const live = await this.store.appearing(rows.flatMap((r) => [r.a, r.b]));
    const out: ProposalView[] = [];
    for (const r of rows) {
      const a = cache.get(r.a);
      const b = cache.get(r.b);
      if (!a || !b) continue;
      if (r.status === 'pending' && (!live.has(a.id) || !live.has(b.id) || a.mergedInto !== null || b.mergedInto !== null)) continue;
      out.push({ a: this.summaryLite(a), b: this.summaryLite(b), status: r.status, score: r.score, evidence: r.evidence, createdAt: r.createdAt });
    }
    return out;
  }

  /** Folds identity `b` into `a` (all its names, documents and claims); recorded with who and why. */
  async merge(a: string, b: string, who: { by: string; why?: string | null }): Promise<PersonSummaryLite> {
    const keep = await this.resolvePerson(a);
    const fold = await this.resolvePerson(b);
    if (keep.id === fold.id) throw new CorpusError('E_INVALID', `${a} and ${b} are already one identity (${keep.ref})`);
    return this.write(async (w, cache) => {
      const now = this.now();
      await w.decideProposal(keep.id, fold.id, 'merged', who.by, who.why ?? null, now);
      await w.repointIdentity(fold.id, keep.id);
      await w.updateIdentity(fold.id, { mergedInto: keep.id });
      await w.repointProposals(fold.id, keep.id);
      const organization = keep.organization ?? fold.organization;
      if (organization !== keep.organization) await w.updateIdentity(keep.id, { organization });
      await w.insertDecision({ kind: 'merge', a: keep.ref, b: fold.ref, forms: fold.forms.map((f) => f.form), by: who.by, why: who.why ?? null, at: now });
      await cache.reload(w);
      await cache.touch(w);
      return this.summaryLite(cache.get(keep.id)!);
    });
  }

  /**
   * Takes the given name forms out of an identity into a new one, with the document people who go by
   * them; the two are then kept apart. Recorded with who and why.
   */
  async split(identityRef: string, forms: readonly string[], who: { by: string; why?: string | null }): Promise<{ kept: PersonSummaryLite; split: PersonSummaryLite }> {
    const source = await this.resolvePerson(identityRef);
    const keys = new Set(forms.map(nameKey).filter(Boolean));
    if (keys.size === 0) throw new CorpusError('E_INVALID', 'name the forms to split off');
    const known = new Map(source.forms.map((f) => [f.key, f]));
    const unknown = forms.filter((f) => !known.has(nameKey(f)));
    if (unknown.length) {
      throw new CorpusError('E_INVALID', `${source.ref} (${source.name}) has no name form ${unknown.map((f) => JSON.stringify(f)).join(', ')}; its forms are: ${source.forms.map((f) => f.form).join(', ')}`);
    }
    if (keys.size >= known.size) throw new CorpusError('E_INVALID', `that would take every name of ${source.ref}; leave at least one`);
    return this.write(async (w, cache) => {
      const now = this.now();
      const moving = [...keys].map((k) => known.get(k)!);
      const created = await createIdentity({ writer: w, cache, now }, {
        name: moving[0]!.form, type: source.type, organization: null, origin: 'analyst', forms: moving.map((f) => f.form),
      });
      await w.removeForms(source.id, [...keys]);
      for (const p of await w.identityPeople(source.id)) {
        const own = [p.name, p.latin].filter((x): x is string => !!x).map(nameKey);
        if (own.some((k) => keys.has(k))) {
          await w.setPersonIdentity(p.doc, p.localId, created.id);
          if (!created.organization && p.organization) await w.updateIdentity(created.id, { organization: p.organization });
        }
      }
      await w.decideProposal(source.id, created.id, 'dismissed', who.by, who.why ?? null, now);
      await w.insertDecision({ kind: 'split', a: source.ref, b: created.ref, forms: moving.map((f) => f.form), by: who.by, why: who.why ?? null, at: now });
      await cache.reload(w);
      await cache.touch(w);
      return { kept: this.summaryLite(cache.get(source.id)!), split: this.summaryLite(cache.get(created.id)!) };
    });
  }

  /** Records that two identities are different people: their proposal is closed and not made again. */
  async dismiss(a: string, b: string, who: { by: string; why?: string | null }): Promise<void> {
    const x = await this.resolvePerson(a);
    const y = await this.resolvePerson(b);
    if (x.id === y.id) throw new CorpusError('E_INVALID', `${a} and ${b} are one identity (${x.ref})`);
    await this.write(async (w) => {
      const now = this.now();
      await w.decideProposal(x.id, y.id, 'dismissed', who.by, who.why ?? null, now);
      await w.insertDecision({ kind: 'dismiss', a: x.ref, b: y.ref, forms: [], by: who.by, why: who.why ?? null, at: now });
    });
  }

  /**
   * Says who a document's mention is (p3 in this document is e12): every claim of that mention in the
   * document follows, the link is kept on reanalysis (as every link is), and it is logged as an identity
   * decision. Returns the identity it was linked to before, to undo it.
   */
  async linkMention(documentQuery: string, localId: string, identityRef: string, who: { by: string; why?: string | null }): Promise<{ previous: string | null; identity: PersonSummaryLite }> {
    const doc = await this.document(documentQuery);
    const person = (await this.store.people(doc.id)).find((p) => p.localId === localId);
    if (!person) throw new CorpusError('E_NOT_FOUND', `document ${doc.ref} has no person ${localId}`);
    const target = await this.resolvePerson(identityRef);
    if (person.type !== target.type) throw new CorpusError('E_INVALID', `${person.name} is a ${person.type} and ${target.ref} a ${target.type}`);
    return this.write(async (w, cache) => {
      const before = person.identity === null ? undefined : cache.current(person.identity);
      if (before?.id === target.id) throw new CorpusError('E_CONFLICT', `${person.name} is already ${target.ref}`);
      await w.setPersonIdentity(doc.id, localId, target.id);
      await w.insertDecision({ kind: 'link', a: target.ref, b: `${doc.ref}:${localId}`, forms: [person.name], by: who.by, why: who.why ?? null, at: this.now() });
      await cache.touch(w);
      const stored = await w.getDocument(doc.id);
      if (stored) await this.reindexClaims(w, cache, stored);
      return { previous: before?.ref ?? null, identity: this.summaryLite(cache.current(target.id)!) };
    });
  }

  /** Undoes "keep apart": the pair's proposal is pending again. Recorded with who and why. */
  async reopen(a: string, b: string, who: { by: string; why?: string | null }): Promise<void> {
    const x = await this.resolvePerson(a);
    const y = await this.resolvePerson(b);
    await this.write(async (w) => {
      if (!(await w.reopenProposal(x.id, y.id))) throw new CorpusError('E_CONFLICT', `${x.ref} and ${y.ref} were not kept apart; there is nothing to reopen`);
      await w.insertDecision({ kind: 'reopen', a: x.ref, b: y.ref, forms: [], by: who.by, why: who.why ?? null, at: this.now() });
    });
  }

  /** The log of identity decisions: merges, splits, people kept apart. */
  async decisions() {
    // Withdrawn corrections are recorded in the same table but belong to the corrections' history (each
    // correction shows its status), not to the log of who is whom.
    return (await this.store.decisions()).filter((d) => d.kind !== 'withdraw');
  }

  // -------------------------------------------------------------------------------------------------------
  // Corrections

  /** A document's attributions: machine output with corrections applied, each marked machine or analyst. */
  async attributions(documentQuery: string, options: { includeRejected?: boolean } = {}): Promise<EffectiveAttribution[]> {
    const doc = await this.document(documentQuery);
    const { attributions } = await this.effective(doc);
    return options.includeRejected ? attributions : attributions.filter((a) => a.review !== 'rejected');
  }

  private async effective(doc: StoredDocument, extra: CorrectionRecord[] = []) {
    const cache = await this.identities();
    const people = await this.store.people(doc.id);
    const corrections = [...(await this.store.corrections(doc.hash)), ...extra];
    return { ...applyCorrections(doc.text, doc.analysis, corrections, this.resolver(cache, people)), people, cache };
  }

  async corrections(documentQuery?: string): Promise<CorrectionView[]> {
    const hash = documentQuery ? (await this.resolveDocument(documentQuery)).hash : undefined;
    return this.correctionViews(await this.store.corrections(hash));
  }

  private async correctionViews(list: readonly CorrectionRecord[], reader: StoreReader = this.store): Promise<CorrectionView[]> {
    const docs = await reader.documentsByHash([...new Set(list.map((c) => c.docHash))]);
    return list.map((c) => {
      const target = c.target as CorrectionTarget | null;
      const change = (c.change ?? {}) as CorrectionChange;
      return {
        id: c.ref, document: docs.get(c.docHash)?.ref ?? refOfHash(c.docHash), action: c.action, status: c.status, anchored: c.anchored, problem: c.problem,
        by: c.by, why: c.why, at: c.at, quote: target?.content?.exact ?? change.content?.exact ?? metadataQuote(change), change,
      };
    });
  }

  /**
   * Records a correction and applies it at once.
   *
   * @example
   * await corpus.correct({ document: '3f2a9c', action: 'edit', attribution: 'a4', speakers: ['Mikhail Sokolin'], by: 'kato', why: 'the footnote names him' });
   */
  async correct(input: CorrectInput): Promise<{ correction: CorrectionView; attribution: EffectiveAttribution | null }> {
    if (!input.by?.trim()) throw new CorpusError('E_INVALID', 'say who makes the correction (--by NAME, or set MIKATA_USER)');
    const doc = await this.document(input.document);
    const { attributions, people, cache } = await this.effective(doc);

    let target: CorrectionTarget | null = null;
    let picked: EffectiveAttribution | undefined;
    if (input.action !== 'add') {
      picked = pickAttribution(attributions, input);
      target = {
        content: toSelector(doc.text, picked.content),
        cue: picked.cue ? toSelector(doc.text, picked.cue) : null,
        speakers: picked.speakers.map((s) => s.name),
      };
    }

    const change: { -readonly [K in keyof CorrectionChange]: CorrectionChange[K] } = {};
    if (input.action === 'edit' || input.action === 'add') {
      const span = contentSpan(doc.text, input);
      if (span) change.content = toSelector(doc.text, span);
      if (input.kind) change.kind = input.kind;
      if (input.action === 'add') {
        if (!change.content) throw new CorpusError('E_INVALID', 'an added attribution needs its content (--span START:END or --quote TEXT)');
        if (!input.speakers?.length) throw new CorpusError('E_INVALID', 'an added attribution needs at least one speaker (--speaker NAME)');
        change.kind = input.kind ?? 'reported';
      }
      if (input.action === 'edit' && !span && !input.kind && !input.speakers?.length) {
        throw new CorpusError('E_INVALID', 'an edit must change something: --speaker, --span/--quote or --kind');
      }
    }
    const wanted = input.speakers?.length && (input.action === 'edit' || input.action === 'add') ? input.speakers : null;
    const speakerPlan = wanted ? await Promise.all(wanted.map((name) => this.planSpeaker(name, people, cache))) : null;

    const record = await this.write(async (w, wcache) => {
      if (speakerPlan) {
        const refs: SpeakerRef[] = [];
        for (const plan of speakerPlan) {
          if (plan.identity) { refs.push({ name: plan.name, identity: plan.identity }); continue; }
          const made = await createIdentity({ writer: w, cache: wcache, now: this.now() }, { name: plan.name, type: 'person', organization: null, origin: 'analyst', forms: [plan.name] });
          await wcache.touch(w);
          refs.push({ name: plan.name, identity: made.ref });
        }
        // One speaker for one: the new person stands for the same mention, whose organisation and post stay.
        const replaced = picked?.speakers.length === 1 ? picked.speakers[0]! : null;
        const mention = replaced?.person ? people.find((p) => p.localId === replaced.person) : undefined;
        if (input.action === 'edit' && refs.length === 1 && mention) refs[0] = { ...refs[0]!, person: mention.localId, personName: mention.name };
        change.speakers = refs;
      }
      const n = await w.nextCounter('next_correction');
      const rec = await w.insertCorrection({
        ref: `c${n}`, docHash: doc.hash, action: input.action, target, change, by: input.by.trim(), why: input.why?.trim() || null, at: this.now(),
        status: 'active', anchored: null, problem: null,
      });
      await this.reindexClaims(w, wcache, doc);
      return (await w.correctionByRef(rec.ref))!;
    });
    const [view] = await this.correctionViews([record]);
    const after = (await this.effective(doc)).attributions;
    const attribution = after.find((a) => a.corrections.includes(record.ref)) ?? null;
    return { correction: view!, attribution };
  }

  /** Withdraws a correction (kept in the record, no longer applied). */
  async withdraw(ref: string, who: { by: string; why?: string | null }): Promise<CorrectionView> {
    const rec = await this.store.correctionByRef(ref);
    if (!rec) throw new CorpusError('E_NOT_FOUND', `no correction ${ref}`);
    const summary = (await this.store.documentsByHash([rec.docHash])).get(rec.docHash);
    await this.write(async (w, cache) => {
      await w.updateCorrection(rec.id, { status: 'withdrawn' });
      await w.insertDecision({ kind: 'withdraw', a: rec.ref, b: null, forms: [], by: who.by, why: who.why ?? null, at: this.now() });
      if (summary) {
        const doc = await w.getDocument(summary.id);
        if (doc) await this.reindexClaims(w, cache, doc);
        if (rec.action === 'metadata') await this.refreshHead(w, summary.id, rec.docHash);
      }
    });
    return (await this.correctionViews([(await this.store.correctionByRef(ref))!]))[0]!;
  }

  // -------------------------------------------------------------------------------------------------------
  // Codebook and coding (codebook.ts, claim-codes.ts)

  private codebookCache: { raw: string; book: Codebook } | null = null;

  /** The corpus's codebook: the one loaded with setCodebook, or the default; `custom` says which. */
  async codebook(reader: StoreReader = this.store): Promise<{ book: Codebook; custom: boolean }> {
    const raw = await reader.getMeta('codebook');
    if (raw === undefined) return { book: DEFAULT_CODEBOOK, custom: false };
    if (this.codebookCache?.raw !== raw) this.codebookCache = { raw, book: parseCodebook(JSON.parse(raw), 'the corpus codebook') };
    return { book: this.codebookCache.book, custom: true };
  }

  /**
   * Codes claims with the corpus codebook and the document's decisions, and puts the analyst's credibility
   * grades on them (grading.ts), recording which decisions and grades anchored.
   */
  private async withCodes(w: StoreWriter, hash: string, text: string, claims: ClaimRow[]): Promise<ClaimRow[]> {
    const decisions = await w.codeDecisions(hash);
    const coded = codeClaims(text, claims, (await this.codebook(w)).book, decisions);
    for (const d of decisions) {
      const o = coded.outcomes.get(d.ref);
      if (o && (o.anchored !== d.anchored || o.problem !== d.problem)) await w.updateCodeDecision(d.id, { anchored: o.anchored, problem: o.problem });
    }
    const grades = await w.grades({ kind: 'credibility', docHash: hash });
    const graded = gradeClaims(text, coded.claims, grades);
    for (const g of grades) {
      const o = graded.outcomes.get(g.ref);
      if (o && (o.claim !== g.claim || o.anchored !== g.anchored || o.problem !== g.problem)) await w.updateGrade(g.id, o);
    }
    return graded.claims;
  }

  /**
   * Loads a codebook into the corpus (or, with null, goes back to the default) and codes every claim
   * again with it; the analyst's decisions are applied again, and those whose code the new codebook lacks
   * are kept and flagged. Returns how many documents were coded.
   */
  async setCodebook(book: Codebook | null, options: { batchSize?: number } = {}): Promise<{ documents: number; unanchored: number }> {
    const checked = book ? parseCodebook(book, 'the codebook') : null;
    await this.write(async (w) => {
      if (checked) await w.setMeta('codebook', JSON.stringify(checked));
      else await w.deleteMeta('codebook');
    });
    return this.recode(options);
  }

  /** Codes every current document's claims again (after a codebook change, or a corpus from an older mikata). */
  async recode(options: { batchSize?: number } = {}): Promise<{ documents: number; unanchored: number }> {
    const ids = await this.store.documentIds({ current: true });
    const size = options.batchSize ?? 32;
    for (let i = 0; i < ids.length; i += size) {
      await this.write(async (w, cache) => {
        for (const id of ids.slice(i, i + size)) {
          const doc = await w.getDocument(id);
          if (doc) await this.reindexClaims(w, cache, doc);
        }
      });
    }
    await this.write(async (w) => w.setMeta('coded', '1'));
    const unanchored = (await this.store.codeDecisions()).filter((d) => d.status === 'active' && d.anchored === false).length;
    return { documents: ids.length, unanchored };
  }

  /**
   * Records the analyst's decision on one code of one claim (accept, reject, add) and codes the document's
   * claims again. The claim is named by its id (a3) or by a quote it contains.
   */
  async decideCode(input: {
    document: string; claim?: string; quote?: string; code: string; action: CodeDecisionRecord['action']; by: string; why?: string | null;
  }): Promise<{ decision: CodeDecisionRecord; claim: ClaimRow | null }> {
    if (!input.by?.trim()) throw new CorpusError('E_INVALID', 'say who decides (--by NAME, or set MIKATA_USER)');
    if (!['accept', 'reject', 'add'].includes(input.action)) throw new CorpusError('E_INVALID', `unknown action ${JSON.stringify(input.action)}: accept, reject or add`);
    const { book } = await this.codebook();
    const code = book.codes.find((c) => c.id === input.code);
    if (!code) throw new CorpusError('E_NOT_FOUND', `no code ${JSON.stringify(input.code)} in the codebook (mikata codebook show lists them)`);
    if (code.codable === false) throw new CorpusError('E_INVALID', `code ${JSON.stringify(input.code)} only groups other codes; choose one of its children`);
    const doc = await this.document(input.document);
    const claims = await this.store.claims(doc.id);
    let claim: ClaimRow | undefined;
    if (input.claim) {
      claim = claims.find((c) => c.localId === input.claim);
      if (!claim) throw new CorpusError('E_NOT_FOUND', `no claim ${input.claim} in document ${doc.ref}`);
    } else if (input.quote) {
      const hits = claims.filter((c) => c.content.includes(input.quote!));
      if (hits.length === 0) throw new CorpusError('E_NOT_FOUND', `no claim of document ${doc.ref} contains ${JSON.stringify(input.quote)}`);
      if (hits.length > 1) throw new CorpusError('E_AMBIGUOUS', `${hits.length} claims of document ${doc.ref} contain ${JSON.stringify(input.quote)}: give more of it, or the claim id (${hits.map((c) => c.localId).join(', ')})`);
      claim = hits[0];
    } else {
      throw new CorpusError('E_INVALID', 'name the claim: its id, or --quote TEXT');
    }
    const target = toSelector(doc.text, claim!);
    const ref = await this.write(async (w, cache) => {
      const n = await w.nextCounter('next_code_decision');
      const rec = await w.insertCodeDecision({
        ref: `k${n}`, docHash: doc.hash, action: input.action, code: input.code, target, by: input.by.trim(), why: input.why?.trim() || null,
        at: this.now(), status: 'active', anchored: null, problem: null,
      });
      await this.reindexClaims(w, cache, doc);
      return rec.ref;
    });
    const decision = (await this.store.codeDecisionByRef(ref))!;
    const after = await this.store.claims(doc.id);
    return { decision, claim: after.find((c) => c.codes?.some((k) => k.decision === ref)) ?? null };
  }

  /** Withdraws a coding decision (kept in the record, no longer applied). */
  async withdrawCodeDecision(ref: string): Promise<CodeDecisionRecord> {
    const rec = await this.store.codeDecisionByRef(ref);
    if (!rec) throw new CorpusError('E_NOT_FOUND', `no coding decision ${ref}`);
    const summary = (await this.store.documentsByHash([rec.docHash])).get(rec.docHash);
    await this.write(async (w, cache) => {
      await w.updateCodeDecision(rec.id, { status: 'withdrawn' });
      if (summary) {
        const doc = await w.getDocument(summary.id);
        if (doc) await this.reindexClaims(w, cache, doc);
      }
    });
    return (await this.store.codeDecisionByRef(ref))!;
  }

  /** The coding decisions, of one document or all. */
  async codeDecisions(documentQuery?: string): Promise<CodeDecisionRecord[]> {
    if (!documentQuery) return this.store.codeDecisions();
    return this.store.codeDecisions((await this.resolveDocument(documentQuery)).hash);
  }

  private async reindexClaims(w: StoreWriter, cache: IdentityCache, doc: StoredDocument): Promise<void> {
    const people = await w.people(doc.id);
    const corrections = await w.corrections(doc.hash);
    const { attributions, outcomes } = applyCorrections(doc.text, doc.analysis, corrections, this.resolver(cache, people));
    const claims = await this.withCodes(w, doc.hash, doc.text, claimRows(doc.analysis, attributions, (ref) => cache.byReference(ref)?.id ?? null));
    const relink = await this.evidenceBefore(w, doc.id, doc.hash, doc.text);
    await w.replaceClaims(doc.id, claims);
    await relink({ hash: doc.hash, text: doc.text, claims });
    for (const c of corrections) {
      const o = outcomes.get(c.ref);
      if (o && (o.anchored !== c.anchored || o.problem !== c.problem)) await w.updateCorrection(c.id, { anchored: o.anchored, problem: o.problem });
    }
  }

  /**
   * Every current document's claims, a batch of documents at a time, so that a listing of the whole
   * corpus (the claims CSV) can be written as it is read instead of built as one string.
   */
  async *claimsByDocument(batchSize = 64): AsyncGenerator<{ document: DocumentSummary; claims: ClaimRow[] }> {
    const ids = await this.store.documentIds({ current: true });
    for (let i = 0; i < ids.length; i += batchSize) {
      const part = ids.slice(i, i + batchSize);
      const [summaries, claims] = await Promise.all([this.store.documentSummaries(part), this.store.claimsOf(part)]);
      for (const id of part) {
        const document = summaries.get(id);
        if (document) yield { document, claims: claims.get(id) ?? [] };
      }
    }
  }

  // -------------------------------------------------------------------------------------------------------
  // Export and import (format: transfer.ts)

  /** Writes the whole corpus as records, in streaming order (see transfer.ts). */
  async export(emit: (record: TransferRecord) => void | Promise<void>): Promise<void> {
    const identities = await this.store.loadIdentities();
    const refOf = new Map(identities.map((r) => [r.id, r.ref]));
    const ids = await this.store.documentIds();
    const corrections = await this.store.corrections();
    await emit({
      record: 'header', format: TRANSFER_FORMAT, version: TRANSFER_VERSION, exportedAt: this.now(),
      counts: { documents: ids.length, identities: identities.length, corrections: corrections.length },
    });
    await emit({
      record: 'counters',
      nextIdentity: Number((await this.store.getMeta('next_identity')) ?? '1'),
      nextCorrection: Number((await this.store.getMeta('next_correction')) ?? '1'),
      nextCodeDecision: Number((await this.store.getMeta('next_code_decision')) ?? '1'),
      nextAchMatrix: Number((await this.store.getMeta('next_ach_matrix')) ?? '1'),
      nextGrade: Number((await this.store.getMeta('next_grade')) ?? '1'),
    });
    const { book, custom } = await this.codebook();
    if (custom) await emit({ record: 'codebook', codebook: book });
    const caveats = await this.grading().caveats();
    if (caveats.custom) await emit({ record: 'caveats', caveats: caveats.list });
    for (const r of identities) {
      await emit({
        record: 'identity', ref: r.ref, name: r.name, type: r.type, organization: r.organization, origin: r.origin, createdAt: r.createdAt,
        mergedInto: r.mergedInto === null ? null : refOf.get(r.mergedInto) ?? null, forms: r.forms.map((f) => ({ form: f.form, key: f.key, script: f.script })),
      });
    }
    for (const p of await this.store.proposals()) {
      await emit({
        record: 'proposal', a: refOf.get(p.a)!, b: refOf.get(p.b)!, status: p.status, score: p.score, evidence: [...p.evidence], createdAt: p.createdAt,
        decidedAt: p.decidedAt, decidedBy: p.decidedBy, why: p.why,
      });
    }
    for (const d of await this.store.decisions()) {
      await emit({ record: 'decision', kind: d.kind, a: d.a, b: d.b, forms: [...d.forms], by: d.by, why: d.why, at: d.at });
    }
    for (const c of corrections) {
      await emit({
        record: 'correction', ref: c.ref, docHash: c.docHash, action: c.action, target: c.target, change: c.change, by: c.by, why: c.why, at: c.at,
        status: c.status, anchored: c.anchored, problem: c.problem,
      });
    }
    for (const k of await this.store.codeDecisions()) {
      await emit({
        record: 'code-decision', ref: k.ref, docHash: k.docHash, action: k.action, code: k.code, target: k.target, by: k.by, why: k.why, at: k.at,
        status: k.status, anchored: k.anchored, problem: k.problem,
      });
    }
    for (const g of await this.store.grades()) {
      await emit({
        record: 'grade', ref: g.ref, kind: g.kind, identity: g.identity, docHash: g.docHash, target: g.target, claim: g.claim, value: g.value, by: g.by,
        why: g.why, at: g.at, anchored: g.anchored, problem: g.problem,
      });
    }
    for (const { ref } of await this.store.achMatrices()) await emit(toAchLine((await this.store.achMatrix(ref))!));
    // One document at a time: read, emitted, let go. A superseded version has no people rows of its own;
    // its links are those it had, which its successor's carry on.
    const refOfDoc = new Map((await this.store.listDocuments({ all: true })).map((d) => [d.id, d.ref]));
    for (const id of ids) {
      const d = await this.store.getDocument(id);
      if (!d) continue;
      const links: Record<string, string> = {};
      for (const p of await this.store.people(id)) if (p.identity !== null && refOf.has(p.identity)) links[p.localId] = refOf.get(p.identity)!;
      try {
        await emit({
          record: 'document', ref: d.ref, hash: d.hash, name: d.name, format: d.format, encoding: d.encoding, hints: d.hints, text: d.text,
          analysis: d.analysis, addedAt: d.addedAt, analyzedAt: d.analyzedAt, links,
          ...(d.supersededBy !== null && refOfDoc.has(d.supersededBy) ? { supersededBy: refOfDoc.get(d.supersededBy)! } : {}),
        });
      } catch (e) {
        if (!(e instanceof RangeError)) throw e;
        throw new StoreError(
          'E_TOO_LARGE',
          `document ${d.ref}${d.name ? ` (${d.name})` : ''}: too large to export as one record (${d.text.length.toLocaleString('en')} characters of text, ${d.analysis.attributions.length.toLocaleString('en')} claims); run mikata reanalyze to rebuild its analysis within the corpus limits, or remove it with mikata delete ${d.ref}`,
          { cause: e },
        );
      }
    }
  }

  /**
   * Reads an export into this corpus, which must hold nothing yet. Documents are stored with their
   * analysis as exported (not analysed again) and linked to identities as the export says.
   */
  async import(records: AsyncIterable<Located> | Iterable<Located>, options: { onProgress?: (documents: number) => void; batchSize?: number } = {}): Promise<ImportSummary> {
    if ((await this.store.countDocuments({ all: true })) > 0 || (await this.store.loadIdentities()).length > 0 || (await this.store.achMatrices()).length > 0) {
      throw new StoreError('E_NOT_EMPTY', `${this.store.info.location}: the corpus is not empty; import into a new database (--db NEW.db)`);
    }
    const idOf = new Map<string, number>();
    const batchSize = options.batchSize ?? 64;
    let header = false;
    let counters: { nextIdentity: number; nextCorrection: number; nextCodeDecision?: number; nextAchMatrix?: number; nextGrade?: number } | null = null;
    const pendingMerges: [string, string][] = [];
    let batch: DocumentLine[] = [];
    /** Superseded version → its successor, by ref: linked once both are in. */
    const versions: [string, string][] = [];
    let documents = 0;
    let identities = 0;
    let corrections = 0;
    const resolve = (ref: string, where: string) => {
      const id = idOf.get(ref);
      if (id === undefined) throw new TransferError(`${where}: refers to identity ${ref}, which the file does not define before it`);
      return id;
    };
    const flushMerges = async (w: StoreWriter) => {
      for (const [ref, into] of pendingMerges) await w.updateIdentity(resolve(ref, 'identity'), { mergedInto: resolve(into, `identity ${ref}`) });
      pendingMerges.length = 0;
    };
    const flushDocuments = async () => {
      if (batch.length === 0) return;
      const list = batch;
      batch = [];
      await this.write(async (w, cache) => {
        await flushMerges(w);
        for (const d of list) {
          const id = await w.insertDocument({
            ref: d.ref, hash: d.hash, name: d.name, format: d.format, encoding: d.encoding, hints: (d.hints ?? null) as StoredDocument['hints'],
            text: d.text, analysis: d.analysis, addedAt: d.addedAt, analyzedAt: d.analyzedAt,
          });
          if (id === null) continue;
          documents++;
          // A superseded version is stored but not indexed, as in the corpus it came from.
          if (d.supersededBy) {
            versions.push([d.ref, d.supersededBy]);
            await w.clearIndex(id);
            continue;
          }
          const given = new Map<string, number>();
          for (const [local, ref] of Object.entries(d.links)) given.set(local, resolve(ref, `document ${d.ref}`));
          await this.index(w, cache, id, d.hash, d.text, d.analysis, { given });
        }
      });
      options.onProgress?.(documents);
    };
    const setCounters = async (w: StoreWriter) => {
      if (!counters) return;
      await w.setMeta('next_identity', String(counters.nextIdentity));
      await w.setMeta('next_correction', String(counters.nextCorrection));
      if (counters.nextCodeDecision !== undefined) await w.setMeta('next_code_decision', String(counters.nextCodeDecision));
      if (counters.nextAchMatrix !== undefined) await w.setMeta('next_ach_matrix', String(counters.nextAchMatrix));
      if (counters.nextGrade !== undefined) await w.setMeta('next_grade', String(counters.nextGrade));
    };
    let small: Located[] = [];
    const flushSmall = async () => {
      if (small.length === 0) return;
      const list = small;
      small = [];
      await this.write(async (w, cache) => {
        for (const { record: r, where } of list) {
          if (r.record === 'identity') {
            const made = await w.createIdentity({ ref: r.ref, name: r.name, type: r.type, organization: r.organization, origin: r.origin, createdAt: r.createdAt, forms: r.forms });
            idOf.set(r.ref, made.id);
            if (r.mergedInto) pendingMerges.push([r.ref, r.mergedInto]);
            identities++;
          } else if (r.record === 'proposal') {
            const a = resolve(r.a, where);
            const b = resolve(r.b, where);
            await w.upsertProposal({ a, b, status: 'pending', score: r.score, evidence: r.evidence, createdAt: r.createdAt });
            if (r.status !== 'pending') await w.decideProposal(a, b, r.status, r.decidedBy ?? '', r.why, r.decidedAt ?? r.createdAt);
          } else if (r.record === 'decision') {
            await w.insertDecision({ kind: r.kind, a: r.a, b: r.b, forms: r.forms, by: r.by, why: r.why, at: r.at });
          } else if (r.record === 'correction') {
            await w.insertCorrection({
              ref: r.ref, docHash: r.docHash, action: r.action, target: r.target ?? null, change: r.change ?? {}, by: r.by, why: r.why, at: r.at,
              status: r.status, anchored: r.anchored, problem: r.problem,
            });
            corrections++;
          } else if (r.record === 'code-decision') {
            await w.insertCodeDecision({
              ref: r.ref, docHash: r.docHash, action: r.action, code: r.code, target: r.target ?? null, by: r.by, why: r.why, at: r.at,
              status: r.status, anchored: r.anchored, problem: r.problem,
            });
          } else if (r.record === 'grade') {
            await w.insertGrade({
              ref: r.ref, kind: r.kind, identity: r.identity, docHash: r.docHash, target: r.target ?? null, claim: r.claim, value: r.value as GradeRecord['value'],
              by: r.by, why: r.why, at: r.at, anchored: r.anchored, problem: r.problem,
            });
          } else if (r.record === 'caveats') {
            try {
              await w.setMeta('source_caveats', JSON.stringify(parseCaveatList(r.caveats, `${where}: the caveat list`)));
            } catch (e) {
              throw new TransferError((e as Error).message);
            }
          } else if (r.record === 'ach-matrix') {
            await importAchMatrix(w, r, where);
          } else if (r.record === 'codebook') {
            let book: Codebook;
            try {
              book = parseCodebook(r.codebook, `${where}: the codebook`);
            } catch (e) {
              throw new TransferError((e as Error).message);
            }
            await w.setMeta('codebook', JSON.stringify(book));
            await w.setMeta('coded', '1');
          }
        }
        await flushMerges(w);
        await setCounters(w);
        // The identities went in behind the cache's back.
        await cache.reload(w);
        await cache.touch(w);
      });
    };
    for await (const item of records) {
      const r = item.record;
      if (!header) {
        if (r.record !== 'header') throw new TransferError(`${item.where}: the file does not start with a mikata corpus header`);
        if (r.version > TRANSFER_VERSION) throw new TransferError(`${item.where}: exported by a newer mikata (format version ${r.version}; this one reads up to ${TRANSFER_VERSION})`);
        header = true;
        continue;
      }
      if (r.record === 'header') throw new TransferError(`${item.where}: a second header`);
      if (r.record === 'counters') {
        counters = { nextIdentity: r.nextIdentity, nextCorrection: r.nextCorrection, nextCodeDecision: r.nextCodeDecision, nextAchMatrix: r.nextAchMatrix, nextGrade: r.nextGrade };
        small.push(item);
        continue;
      }
      if (r.record === 'document') {
        // The text must be the one the hash names: every correction is keyed by it, and a changed text
        // would make every stored offset point elsewhere.
        const label = `${item.where}: document ${r.ref}${r.name ? ` (${r.name})` : ''}`;
        if (contentHash(r.text) !== r.hash) {
          throw new TransferError(`${label}: its text does not match its hash (the file was edited or damaged after export); the import stopped there`);
        }
        if (!r.hash.startsWith(r.ref)) throw new TransferError(`${label}: its id is not the start of its hash ${r.hash.slice(0, 12)}; the import stopped there`);
        try {
          checkTextLimit(r.text, this.limits);
        } catch (e) {
          throw new TransferError(`${label}: ${(e as Error).message}; the import stopped there`);
        }
        await flushSmall();
        batch.push({ ...r, analysis: limitAnalysis(r.text, r.analysis, this.limits).analysis });
        if (batch.length >= batchSize) await flushDocuments();
        continue;
      }
      if (batch.length) await flushDocuments();
      small.push(item);
      if (small.length >= 500) await flushSmall();
    }
    if (!header) throw new TransferError('the file is empty: no mikata corpus header');
    await flushSmall();
    await flushDocuments();
    await this.write(async (w, cache) => {
      await flushMerges(w);
      await setCounters(w);
      if (versions.length) {
        const byRef = new Map((await w.listDocuments({ all: true })).map((d) => [d.ref, d.id]));
        for (const [old, next] of versions) {
          const newer = byRef.get(next);
          if (newer === undefined) throw new TransferError(`document ${old}: superseded by ${next}, which the file does not hold`);
          await w.setSupersededBy(byRef.get(old)!, newer);
        }
      }
      await cache.reload(w);
      await cache.touch(w);
    });
    return { documents, identities, corrections };
  }

  /** Who a speaker name means: someone in this document, else in the corpus, else someone new. */
  private async planSpeaker(name: string, people: readonly PersonRow[], cache: IdentityCache): Promise<{ name: string; identity: string | null }> {
    const q = name.trim();
    if (!q) throw new CorpusError('E_INVALID', 'an empty speaker name');
    if (/^e\d+$/i.test(q)) {
      const r = cache.byReference(q.toLowerCase());
      if (!r) throw new CorpusError('E_NOT_FOUND', `no identity ${q}`);
      return { name: r.name, identity: r.ref };
    }
    const key = nameKey(q);
    const local = people.filter((p) => formsOfPerson(p).some((f) => nameKey(f) === key));
    if (local.length === 1 && local[0]!.identity !== null) return { name: q, identity: cache.current(local[0]!.identity)?.ref ?? null };
    const found = await this.findPeople(q);
    if (found.length === 1) return { name: q, identity: found[0]!.identity.ref };
    if (found.length > 1) {
      throw new CorpusError(
        'E_AMBIGUOUS',
        `speaker ${JSON.stringify(q)} fits ${found.length} people; give an identity id`,
        found.map((f) => ({ id: f.identity.ref, label: `${f.identity.name} — ${f.identity.forms.map((x) => x.form).join(', ')}` })),
      );
    }
    return { name: q, identity: null };
  }
}


/** An ACH matrix as an export line: refs only, no database ids. */
function toAchLine(m: AchMatrixContents): AchMatrixLine {
  const evidenceRef = new Map(m.evidence.map((e) => [e.id, e.ref]));
  const hypothesisRef = new Map(m.hypotheses.map((h) => [h.id, h.ref]));
  return {
    record: 'ach-matrix', ref: m.ref, title: m.title, by: m.by, at: m.at,
    hypotheses: m.hypotheses.map((h) => ({ ref: h.ref, label: h.label, position: h.position })),
    evidence: m.evidence.map((e) => ({ ref: e.ref, kind: e.kind, docHash: e.docHash, claim: e.claim, text: e.text, speaker: e.speaker, weight: e.weight, position: e.position })),
    ratings: m.ratings.map((r) => ({ evidence: evidenceRef.get(r.evidence)!, hypothesis: hypothesisRef.get(r.hypothesis)!, rating: r.rating, by: r.by, at: r.at })),
  };
}

/**
 * Stores an exported matrix. Hypotheses and evidence are appended in the order of their refs (so each gets
 * its ref back: they are numbered as they were made, and never deleted), then the hypotheses are put back in
 * the analyst's order.
 */
async function importAchMatrix(w: StoreWriter, r: AchMatrixLine, where: string): Promise<void> {
  const n = (ref: string) => Number(/\d+$/.exec(ref)![0]);
  const m = await w.insertAchMatrix({ ref: r.ref, title: r.title, by: r.by, at: r.at });
  const hypothesisId = new Map<string, number>();
  for (const h of [...r.hypotheses].sort((a, b) => n(a.ref) - n(b.ref))) {
    const made = await w.insertAchHypothesis(m.id, h.label);
    if (made.ref !== h.ref) throw new TransferError(`${where}: matrix ${r.ref}: hypotheses must be numbered h1, h2 … without gaps (found ${h.ref})`);
    hypothesisId.set(h.ref, made.id);
  }
  await w.reorderAchHypotheses(m.id, [...r.hypotheses].sort((a, b) => a.position - b.position).map((h) => hypothesisId.get(h.ref)!));
  const evidenceId = new Map<string, number>();
  for (const e of [...r.evidence].sort((a, b) => n(a.ref) - n(b.ref))) {
    const made = await w.insertAchEvidence(m.id, { kind: e.kind, docHash: e.docHash, claim: e.claim, text: e.text, speaker: e.speaker, weight: e.weight });
    if (made.ref !== e.ref) throw new TransferError(`${where}: matrix ${r.ref}: evidence must be numbered ev1, ev2 … without gaps (found ${e.ref})`);
    evidenceId.set(e.ref, made.id);
  }
  for (const x of r.ratings) {
    const evidence = evidenceId.get(x.evidence);
    const hypothesis = hypothesisId.get(x.hypothesis);
    if (evidence === undefined || hypothesis === undefined) throw new TransferError(`${where}: matrix ${r.ref}: a rating names ${evidence === undefined ? `evidence ${x.evidence}` : `hypothesis ${x.hypothesis}`}, which the matrix does not hold`);
    await w.setAchRating({ evidence, hypothesis, rating: x.rating, by: x.by, at: x.at });
  }
}

function pickAttribution(list: readonly EffectiveAttribution[], input: CorrectInput): EffectiveAttribution {
  if (input.attribution) {
    const a = list.find((x) => x.id === input.attribution);
    if (!a) throw new CorpusError('E_NOT_FOUND', `no attribution ${input.attribution} in this document (see mikata correct list)`);
    return a;
  }
  if (input.quote) {
    const hits = list.filter((x) => x.content.text.includes(input.quote!));
    if (hits.length === 1) return hits[0]!;
    if (hits.length === 0) throw new CorpusError('E_NOT_FOUND', `no attribution contains ${JSON.stringify(input.quote)}`);
    throw new CorpusError('E_AMBIGUOUS', `${hits.length} attributions contain ${JSON.stringify(input.quote)}; give the attribution id`, hits.map((h) => ({ id: h.id, label: h.content.text.slice(0, 60) })));
  }
  throw new CorpusError('E_INVALID', 'say which attribution (its id, or --quote with a piece of its content)');
}

function contentSpan(text: string, input: CorrectInput): { start: number; end: number } | null {
  if (input.span) {
    const { start, end } = input.span;
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start || end > text.length) {
      throw new CorpusError('E_INVALID', `span ${start}:${end} is not a range of this document (0 to ${text.length}, start before end)`);
    }
    return { start, end };
  }
  if (input.contentQuote) {
    const positions: number[] = [];
    for (let at = text.indexOf(input.contentQuote); at >= 0; at = text.indexOf(input.contentQuote, at + 1)) positions.push(at);
    if (positions.length === 0) throw new CorpusError('E_NOT_FOUND', `the document does not contain ${JSON.stringify(input.contentQuote)}`);
    const n = input.occurrence ?? 1;
    if (positions.length > 1 && input.occurrence === undefined) {
      throw new CorpusError('E_AMBIGUOUS', `${JSON.stringify(input.contentQuote)} occurs ${positions.length} times; say which (--occurrence N) or give --span`);
    }
    const at = positions[n - 1];
    if (at === undefined) throw new CorpusError('E_INVALID', `there is no occurrence ${n} (it occurs ${positions.length} times)`);
    return { start: at, end: at + input.contentQuote.length };
  }
  return null;
}

/** A stored document's source, to analyse it again. */
function sourceOf(d: { text: string; format: SourceText['format']; encoding: string | null; name: string | null; hints: SourceText['hints'] | null }): SourceText {
  return { text: d.text, format: d.format, encoding: d.encoding ?? undefined, name: d.name ?? undefined, hints: d.hints ?? undefined };
}

/** What a metadata correction sets, as the correction lists show it ("date: 2025-10-14"). */
function metadataQuote(change: CorrectionChange): string {
  const m = (change as { metadata?: Record<string, unknown> }).metadata;
  if (!m) return '';
  return Object.entries(m).map(([k, v]) => `${k}: ${Array.isArray(v) ? v.map((a: { name: string }) => a.name).join(', ') : v ?? '—'}`).join('; ');
}

/** A document's correctable metadata as it reads now. */
function currentMetadata(a: Analysis): Required<DocumentMetadata> {
  const d = a.document;
  return { title: d.title, date: d.date, series: d.series, number: d.number, authors: d.authors.map((x) => ({ name: x.name, organization: x.organization, title: x.title })) };
}

export function docRef(d: Pick<DocumentSummary, 'ref' | 'title' | 'date' | 'name'>): DocumentRef {
  return { id: d.ref, title: d.title, date: d.date, name: d.name };
}

const round = (x: number) => Math.round(x * 1000) / 1000;

const SENTENCE_END = /[。！？!?\n]/;

/**
 * Up to three snippets: each a sentence (or 160 characters of it) around a match, with every match inside
 * highlighted, the section it stands in, and who says it when it lies in an attribution.
 */
function makeSnippets(text: string, outline: readonly OutlineEntry[], matches: readonly { start: number; end: number }[], claims: readonly ClaimRow[]): Snippet[] {
  const out: Snippet[] = [];
  const MAX = 160;
  let coveredTo = -1;
  for (const m of matches) {
    if (out.length >= 3) break;
    if (m.start < coveredTo) continue;
    let start = m.start;
    while (start > 0 && !SENTENCE_END.test(text[start - 1]!) && m.start - start < MAX) start--;
    let end = m.end;
    while (end < text.length && !SENTENCE_END.test(text[end - 1] ?? '') && end - start < MAX) end++;
    if (end - start > MAX) start = Math.max(start, m.start - Math.floor((MAX - (m.end - m.start)) / 2));
    while (start < m.start && /\s/.test(text[start]!)) start++;
    while (end > m.end && /\s/.test(text[end - 1]!)) end--;
    const inside = matches.filter((x) => x.start >= start && x.end <= end);
    const section = [...outline].filter((s) => s.start <= m.start && m.start < s.end).sort((a, b) => b.level - a.level)[0]?.heading ?? null;
    const speakers = new Set<string>();
    for (const c of claims) if (c.start <= m.start && m.end <= c.end) for (const s of c.speakers) if (s.role === 'speaker') speakers.add(s.name);
    out.push({
      text: text.slice(start, end),
      highlights: inside.map((x) => ({ start: x.start - start, end: x.end - start })),
      start,
      end,
      section,
      speakers: [...speakers],
    });
    coveredTo = end;
  }
  return out;
}
