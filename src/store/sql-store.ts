/**
 * The store over SQL, shared by SQLite and PostgreSQL. Each database supplies a driver (how to run a
 * statement, how to hold a write transaction) and its search index; everything else is one set of
 * statements written in the SQL both understand (`?` placeholders, which the PostgreSQL driver numbers,
 * `ON CONFLICT`, `RETURNING`), so the two cannot drift apart.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { Analysis, PersonType } from '../core/model/schema.ts';
import type { Dialect } from './migrations.ts';
import type { QueryTerm } from './search-text.ts';
import type { Rating } from '../core/ach/ach.ts';
import type {
  AchEvidenceRecord, AchHypothesisRecord, AchMatrixContents, AchMatrixRecord, AchRatingRecord, ClaimCode, ClaimCredibility, ClaimRow, CodeDecisionRecord, GradeRecord, CorrectionRecord, DecisionRecord, DocumentIndex, DocumentInput, DocumentSource, DocumentSummary, ExpertClaimRow, ExpertRow,
  IdentityRecord, NameForm, OutlineEntry, PersonRow, ProposalRecord, RemovedRows, SearchCandidates, SearchFilters, Store, StoreInfo,
  SimilarGroupsOf, SimilarHit, StoreWriter, StoredDocument, TimelineFilters, TimelineRow,
} from './store.ts';
import { StoreError } from './store.ts';
import { addClaimGrams, rebuildClaimGrams, removeClaimGrams, similarAmong, similarTo } from './similar-index.ts';

export type Row = Record<string, unknown>;

export interface SqlDriver {
  readonly dialect: Dialect;
  all<T = Row>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  get<T = Row>(sql: string, params?: readonly unknown[]): Promise<T | undefined>;
  /** Runs a statement; resolves to the number of rows it changed. */
  run(sql: string, params?: readonly unknown[]): Promise<number>;
  /** Inserts many rows into one table (a loop over a prepared statement, or multi-row VALUES). */
  insertMany(table: string, columns: readonly string[], rows: readonly (readonly unknown[])[]): Promise<void>;
}

export interface SqlConnection extends SqlDriver {
  /** Runs `fn` in one write transaction, serialised with other writers (also in other processes). */
  write<T>(fn: (tx: SqlDriver) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** What differs between the databases beyond statements: the search index. */
export interface SearchIndex {
  /** Indexes a new document's text. */
  add(tx: SqlDriver, doc: number, text: string): Promise<void>;
  /** Takes a document out of the index; resolves to the number of index rows removed. */
  remove(tx: SqlDriver, doc: number): Promise<number>;
  search(db: SqlDriver, terms: readonly QueryTerm[], filters: SearchFilters, limit: number, offset: number): Promise<SearchCandidates>;
}

const json = (v: unknown) => JSON.stringify(v);
const parse = <T>(v: unknown, fallback: T): T => (typeof v === 'string' && v !== '' ? (JSON.parse(v) as T) : fallback);
const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const num = (v: unknown): number => (typeof v === 'number' ? v : Number(v));
/** A yes/no/unknown column (SQLite has no boolean): 1, 0 or null, and back. */
const flag = (b: boolean | null): number | null => (b === null ? null : b ? 1 : 0);
const readFlag = (v: unknown): boolean | null => (v === null || v === undefined ? null : num(v) === 1);

/** The tables of the analysts' records that are kept by document hash and follow a document to its new version. */
type RecordTable = 'corrections' | 'code_decisions' | 'grades';

/** The columns that say whether a record still finds its place in the text (undefined: left as it is). */
function anchorColumns(fields: { anchored?: boolean | null; problem?: string | null }): { anchored: number | null | undefined; problem: string | null | undefined } {
  return { anchored: fields.anchored === undefined ? undefined : flag(fields.anchored), problem: fields.problem };
}

/**
 * Analyses are stored deflated (the fast level): their JSON is four times the size of the text it
 * describes and would otherwise be most of the database.
 */
export function packJson(value: unknown): Buffer {
  let json: string;
  try {
    json = JSON.stringify(value);
  } catch (e) {
    // V8 refuses strings over 2^29 - 24 characters: an analysis that large cannot be stored (or read back).
    if (e instanceof RangeError) throw new StoreError('E_TOO_LARGE', `its analysis is too large to store (over ${2 ** 29 - 24} characters of JSON)`, { cause: e });
    throw e;
  }
  return deflateRawSync(Buffer.from(json, 'utf8'), { level: 1 });
}

export function unpackJson<T>(stored: unknown): T {
  if (typeof stored === 'string') return JSON.parse(stored) as T;
  return JSON.parse(inflateRawSync(stored as Uint8Array).toString('utf8')) as T;
}

/**
 * The part of a migration done in JavaScript, after the SQL of the migrations ran, when the store is opened
 * for writing: the index of similar claims (migration 5) is built from the stored claims. In its own
 * transaction; a process killed during it leaves the flag, and the next open builds it again.
 */
export async function finishMigrations(store: Store): Promise<void> {
  if (store.info.readonly) return;
  if ((await store.getMeta('similar_index')) !== 'pending') return;
  await store.write((w) => w.rebuildSimilarIndex());
}

/** `?, ?, ?` for n values. */
export const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/** YYYY / YYYY-MM / YYYY-MM-DD → the first and last day it can mean, for range filters. */
export function dateBounds(value: string | null | undefined): { lo: string | null; hi: string | null } {
  if (!value) return { lo: null, hi: null };
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(value);
  if (!m) return { lo: null, hi: null };
  const [, y, mo, d] = m;
  return { lo: `${y}-${mo ?? '01'}-${d ?? '01'}`, hi: `${y}-${mo ?? '12'}-${d ?? '31'}` };
}

export function outlineOf(analysis: Analysis): OutlineEntry[] {
  return analysis.sections.map((s) => ({ heading: s.heading, level: s.level, start: s.start, end: s.end }));
}

const DOC_SUMMARY_COLUMNS = 'id, ref, hash, name, format, language, title, date, length, added_at, analyzed_at, superseded_by';

function toSummary(r: Row): DocumentSummary {
  return {
    id: num(r.id),
    ref: String(r.ref),
    hash: String(r.hash),
    name: str(r.name),
    format: String(r.format) as DocumentSummary['format'],
    language: str(r.language),
    title: str(r.title),
    date: str(r.date),
    length: num(r.length),
    addedAt: String(r.added_at),
    analyzedAt: String(r.analyzed_at),
    supersededBy: r.superseded_by === null || r.superseded_by === undefined ? null : num(r.superseded_by),
  };
}

function toPerson(r: Row): PersonRow {
  return {
    localId: String(r.local_id),
    identity: r.identity === null || r.identity === undefined ? null : num(r.identity),
    type: String(r.type) as PersonType,
    role: String(r.role),
    name: String(r.name),
    latin: str(r.latin),
    organization: str(r.organization),
    title: str(r.title),
    aliases: parse<string[]>(r.aliases, []),
    mentions: num(r.mentions),
  };
}

function toClaim(r: Row, speakers: ClaimRow['speakers']): ClaimRow {
  return {
    localId: String(r.local_id),
    provenance: String(r.provenance) as ClaimRow['provenance'],
    review: (str(r.review) as ClaimRow['review']) ?? null,
    kind: String(r.kind),
    start: num(r.span_start),
    end: num(r.span_end),
    content: String(r.content),
    cue: str(r.cue),
    section: str(r.section),
    footnotes: parse(r.footnotes, []),
    hedges: parse(r.hedges, []),
    confidence: num(r.confidence),
    corrections: parse(r.corrections, []),
    speakers,
    credibility: parse<ClaimCredibility | null>(r.credibility, null),
  };
}

function toSpeaker(r: Row): ClaimRow['speakers'][number] {
  return {
    role: String(r.role) as 'speaker' | 'via',
    identity: r.identity === null || r.identity === undefined ? null : num(r.identity),
    person: str(r.person),
    name: String(r.name),
  };
}

function toCorrection(r: Row): CorrectionRecord {
  return {
    id: num(r.id),
    ref: String(r.ref),
    docHash: String(r.doc_hash),
    action: String(r.action) as CorrectionRecord['action'],
    target: parse(r.target, null),
    change: parse(r.change, {}),
    by: String(r.by_whom),
    why: str(r.why),
    at: String(r.at),
    status: String(r.status) as CorrectionRecord['status'],
    anchored: readFlag(r.anchored),
    problem: str(r.problem),
  };
}

function toProposal(r: Row): ProposalRecord {
  return {
    a: num(r.a),
    b: num(r.b),
    status: String(r.status) as ProposalRecord['status'],
    score: num(r.score),
    evidence: parse(r.evidence, []),
    createdAt: String(r.created_at),
    decidedAt: str(r.decided_at),
    decidedBy: str(r.decided_by),
    why: str(r.why),
  };
}

const CLAIM_COLUMNS = 'doc, local_id, provenance, review, kind, span_start, span_end, content, cue, section, footnotes, hedges, confidence, corrections, credibility';
const SPEAKER_COLUMNS = 'doc, claim, role, position, identity, person, name';
const CODE_COLUMNS = 'doc, claim, code, status, confidence, evidence, decision';
/** A claim's codes: most confident first, then by id (not by the database's collation). */
const byCodeOrder = (a: ClaimCode, b: ClaimCode) => b.confidence - a.confidence || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

/** Splits a list for IN (…) lists, which both databases cap (SQLite at 32766 parameters). */
function chunks<T>(items: readonly T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * The store over one driver. `write` hands the callback another SqlStore bound to the transaction's driver,
 * so reads inside a write see the transaction's own rows.
 */
export class SqlStore implements Store, StoreWriter {
  readonly info: StoreInfo;
  private readonly db: SqlDriver;
  private readonly connection: SqlConnection | null;
  private readonly index: SearchIndex;
  private savepoints = 0;

  constructor(db: SqlDriver, index: SearchIndex, info: StoreInfo, connection: SqlConnection | null) {
    this.db = db;
    this.index = index;
    this.info = info;
    this.connection = connection;
  }

  async write<T>(fn: (w: StoreWriter) => Promise<T>): Promise<T> {
    if (!this.connection) throw new Error('write() inside a write transaction: use the writer you were given');
    if (this.info.readonly) throw new StoreError('E_READ_ONLY', `${this.info.location}: the corpus was opened for reading only; this command cannot change it`);
    return this.connection.write((tx) => fn(new SqlStore(tx, this.index, this.info, null)));
  }

  async close(): Promise<void> {
    await this.connection?.close();
  }

  async isolate<T>(fn: () => Promise<T>): Promise<T> {
    const name = `sp${++this.savepoints}`;
    await this.db.run(`SAVEPOINT ${name}`);
    try {
      const result = await fn();
      await this.db.run(`RELEASE SAVEPOINT ${name}`);
      return result;
    } catch (e) {
      await this.db.run(`ROLLBACK TO SAVEPOINT ${name}`);
      await this.db.run(`RELEASE SAVEPOINT ${name}`);
      throw e;
    }
  }

  // -------------------------------------------------------------------------------------------------------
  // Documents

  async countDocuments(options: { all?: boolean } = {}): Promise<number> {
    const r = await this.db.get<Row>(`SELECT count(*) AS n FROM documents${options.all ? '' : ' WHERE superseded_by IS NULL'}`);
    return num(r?.n ?? 0);
  }

  async documentsByHash(hashes: readonly string[]): Promise<Map<string, { id: number; ref: string }>> {
    const out = new Map<string, { id: number; ref: string }>();
    for (const part of chunks(hashes)) {
      const rows = await this.db.all<Row>(`SELECT id, ref, hash FROM documents WHERE hash IN (${marks(part.length)})`, part);
      for (const r of rows) out.set(String(r.hash), { id: num(r.id), ref: String(r.ref) });
    }
    return out;
  }

  async findDocuments(query: string): Promise<DocumentSummary[]> {
    const q = query.trim();
    if (!q) return [];
    const byRef = /^[0-9a-f]{4,64}$/i.test(q)
      ? await this.db.all<Row>(`SELECT ${DOC_SUMMARY_COLUMNS} FROM documents WHERE ref LIKE ? OR hash LIKE ? ORDER BY id`, [`${q.toLowerCase()}%`, `${q.toLowerCase()}%`])
      : [];
    if (byRef.length > 0) return byRef.map(toSummary);
    // A name as it was ingested (a path), or its last component.
    const rows = await this.db.all<Row>(
      `SELECT ${DOC_SUMMARY_COLUMNS} FROM documents WHERE name = ? OR name LIKE ? ESCAPE '\\' ORDER BY id`,
      [q, `%/${q.replace(/[\\%_]/g, (c) => `\\${c}`)}`],
    );
    return rows.map(toSummary);
  }

  async listDocuments(options: { all?: boolean } = {}): Promise<DocumentSummary[]> {
    return (await this.db.all<Row>(`SELECT ${DOC_SUMMARY_COLUMNS} FROM documents${options.all ? '' : ' WHERE superseded_by IS NULL'} ORDER BY id`)).map(toSummary);
  }

  async versionCandidates(name: string | null, title: string | null): Promise<DocumentSummary[]> {
    if (!name && !title) return [];
    const rows = await this.db.all<Row>(
      `SELECT ${DOC_SUMMARY_COLUMNS} FROM documents WHERE superseded_by IS NULL AND (name = ? OR title = ?) ORDER BY id`,
      [name ?? null, title ?? null],
    );
    return rows.map(toSummary);
  }

  async documentSummaries(ids: readonly number[]): Promise<Map<number, DocumentSummary>> {
    const out = new Map<number, DocumentSummary>();
    for (const part of chunks([...new Set(ids)])) {
      const rows = await this.db.all<Row>(`SELECT ${DOC_SUMMARY_COLUMNS} FROM documents WHERE id IN (${marks(part.length)})`, part);
      for (const r of rows) out.set(num(r.id), toSummary(r));
    }
    return out;
  }

  async getDocument(id: number): Promise<StoredDocument | undefined> {
    const r = await this.db.get<Row>(`SELECT ${DOC_SUMMARY_COLUMNS}, encoding, b.hints AS hints, b.text AS text, b.analysis AS analysis, b.outline AS outline FROM documents JOIN document_bodies b ON b.doc = documents.id WHERE id = ?`, [id]);
    if (!r) return undefined;
    let analysis: Analysis;
    try {
      analysis = unpackJson<Analysis>(r.analysis);
    } catch (e) {
      const size = r.analysis instanceof Uint8Array ? ` (${r.analysis.byteLength} bytes stored)` : '';
      throw new StoreError(
        'E_UNREADABLE',
        `document ${String(r.ref)}${r.name ? ` (${String(r.name)})` : ''}: its stored analysis cannot be read back${size}: ${(e as Error).message}; rebuild it with mikata reanalyze, or remove it with mikata delete ${String(r.ref)}`,
        { cause: e },
      );
    }
    return { ...toSummary(r), encoding: str(r.encoding), hints: parse(r.hints, null), text: String(r.text), analysis, outline: parse(r.outline, []) };
  }

  async getDocumentSource(id: number): Promise<DocumentSource | undefined> {
    const r = await this.db.get<Row>(`SELECT ${DOC_SUMMARY_COLUMNS}, encoding, b.hints AS hints, b.text AS text FROM documents JOIN document_bodies b ON b.doc = documents.id WHERE id = ?`, [id]);
    if (!r) return undefined;
    return { ...toSummary(r), encoding: str(r.encoding), hints: parse(r.hints, null), text: String(r.text) };
  }

  async documentTexts(ids: readonly number[]): Promise<Map<number, { text: string; outline: OutlineEntry[] }>> {
    const out = new Map<number, { text: string; outline: OutlineEntry[] }>();
    for (const part of chunks([...new Set(ids)])) {
      const rows = await this.db.all<Row>(`SELECT doc AS id, text, outline FROM document_bodies WHERE doc IN (${marks(part.length)})`, part);
      for (const r of rows) out.set(num(r.id), { text: String(r.text), outline: parse(r.outline, []) });
    }
    return out;
  }

  async documentIds(options: { current?: boolean } = {}): Promise<number[]> {
    return (await this.db.all<Row>(`SELECT id FROM documents${options.current ? ' WHERE superseded_by IS NULL' : ''} ORDER BY id`)).map((r) => num(r.id));
  }

  async getMeta(key: string): Promise<string | undefined> {
    const r = await this.db.get<Row>('SELECT value FROM mikata_meta WHERE key = ?', [key]);
    return r ? String(r.value) : undefined;
  }

  async deleteMeta(key: string): Promise<void> {
    await this.db.run('DELETE FROM mikata_meta WHERE key = ?', [key]);
  }

  async setMeta(key: string, value: string): Promise<void> {
    await this.db.run('INSERT INTO mikata_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [key, value]);
  }

  async insertDocument(doc: DocumentInput): Promise<number | null> {
    const { lo, hi } = dateBounds(doc.analysis.document.date);
    const r = await this.db.get<Row>(
      `INSERT INTO documents (ref, hash, name, format, encoding, language, title, date, date_lo, date_hi, length, added_at, analyzed_at)
       VALUES (${marks(13)}) ON CONFLICT DO NOTHING RETURNING id`,
      [
        doc.ref, doc.hash, doc.name, doc.format, doc.encoding, doc.analysis.document.language, doc.analysis.document.title,
        doc.analysis.document.date, lo, hi, doc.text.length, doc.addedAt, doc.analyzedAt,
      ],
    );
    if (!r) {
      const existing = await this.db.get<Row>('SELECT hash FROM documents WHERE hash = ? OR ref = ?', [doc.hash, doc.ref]);
      if (existing && existing.hash !== doc.hash) throw new Error(`document ref ${doc.ref} collides with another document's; this should not happen`);
      return null;
    }
    const id = num(r.id);
    await this.db.run('INSERT INTO document_bodies (doc, text, hints, analysis, outline) VALUES (?, ?, ?, ?, ?)', [
      id, doc.text, doc.hints ? json(doc.hints) : null, packJson(doc.analysis), json(outlineOf(doc.analysis)),
    ]);
    await this.index.add(this.db, id, doc.text);
    return id;
  }

  async updateAnalysis(id: number, analysis: Analysis, analyzedAt: string): Promise<void> {
    const { lo, hi } = dateBounds(analysis.document.date);
    await this.db.run(
      'UPDATE documents SET language = ?, title = ?, date = ?, date_lo = ?, date_hi = ?, analyzed_at = ? WHERE id = ?',
      [analysis.document.language, analysis.document.title, analysis.document.date, lo, hi, analyzedAt, id],
    );
    await this.db.run('UPDATE document_bodies SET analysis = ?, outline = ? WHERE doc = ?', [packJson(analysis), json(outlineOf(analysis)), id]);
  }

  async setDocumentHead(id: number, head: { title: string | null; date: string | null }): Promise<void> {
    const { lo, hi } = dateBounds(head.date);
    await this.db.run('UPDATE documents SET title = ?, date = ?, date_lo = ?, date_hi = ? WHERE id = ?', [head.title, head.date, lo, hi, id]);
  }

  async replaceIndex(id: number, index: DocumentIndex): Promise<void> {
    await removeClaimGrams(this.db, id);
    await this.db.run('DELETE FROM claim_codes WHERE doc = ?', [id]);
    await this.db.run('DELETE FROM claim_speakers WHERE doc = ?', [id]);
    await this.db.run('DELETE FROM claims WHERE doc = ?', [id]);
    await this.db.run('DELETE FROM people WHERE doc = ?', [id]);
    await this.db.run('DELETE FROM date_mentions WHERE doc = ?', [id]);
    await this.db.insertMany(
      'people',
      ['doc', 'local_id', 'identity', 'type', 'role', 'name', 'latin', 'organization', 'title', 'aliases', 'mentions'],
      index.people.map((p) => [id, p.localId, p.identity, p.type, p.role, p.name, p.latin, p.organization, p.title, json(p.aliases), p.mentions]),
    );
    await this.insertClaims(id, index.claims);
    await this.db.insertMany(
      'date_mentions',
      ['doc', 'span_start', 'span_end', 'value', 'lo', 'hi', 'approx', 'text', 'context'],
      index.dates.map((d) => [id, d.start, d.end, d.value, d.lo, d.hi, d.approx ? 1 : 0, d.text, d.context]),
    );
  }

  async replaceClaims(id: number, claims: readonly ClaimRow[]): Promise<void> {
    await removeClaimGrams(this.db, id);
    await this.db.run('DELETE FROM claim_codes WHERE doc = ?', [id]);
    await this.db.run('DELETE FROM claim_speakers WHERE doc = ?', [id]);
    await this.db.run('DELETE FROM claims WHERE doc = ?', [id]);
    await this.insertClaims(id, claims);
  }

  private async insertClaims(id: number, claims: readonly ClaimRow[]): Promise<void> {
    await this.db.insertMany(
      'claims',
      CLAIM_COLUMNS.split(', '),
      claims.map((c) => [
        id, c.localId, c.provenance, c.review, c.kind, c.start, c.end, c.content, c.cue, c.section, json(c.footnotes), json(c.hedges),
        c.confidence, json(c.corrections), c.credibility ? json(c.credibility) : null,
      ]),
    );
    const speakers: unknown[][] = [];
    for (const c of claims) {
      let position = 0;
      for (const s of c.speakers) speakers.push([id, c.localId, s.role, position++, s.identity, s.person, s.name, c.start]);
    }
    await this.db.insertMany('claim_speakers', [...SPEAKER_COLUMNS.split(', '), 'span_start'], speakers);
    const codes: unknown[][] = [];
    for (const c of claims) for (const k of c.codes ?? []) codes.push([id, c.localId, k.code, k.status, k.confidence, json(k.evidence), k.decision]);
    await this.db.insertMany('claim_codes', CODE_COLUMNS.split(', '), codes);
    await addClaimGrams(this.db, id, claims);
  }

  async similarClaims(doc: number, claim: string, options: { threshold?: number; limit?: number } = {}): Promise<SimilarHit[] | null> {
    return similarTo(this.db, doc, claim, options);
  }

  async similarAmong(claims: readonly { doc: number; claim: string }[], options: { threshold?: number } = {}): Promise<SimilarGroupsOf> {
    return similarAmong(this.db, claims, options);
  }

  async rebuildSimilarIndex(): Promise<number> {
    const n = await rebuildClaimGrams(this.db);
    await this.deleteMeta('similar_index');
    return n;
  }

  /** The codes of these claims, keyed `doc NUL claim`, in a stable order (status, then code id). */
  private async codesOf(docs: readonly number[]): Promise<Map<string, ClaimCode[]>> {
    const out = new Map<string, ClaimCode[]>();
    for (const part of chunks([...new Set(docs)])) {
      const rows = await this.db.all<Row>(`SELECT ${CODE_COLUMNS} FROM claim_codes WHERE doc IN (${marks(part.length)})`, part);
      for (const r of rows) {
        const key = `${r.doc}\u0000${r.claim}`;
        let list = out.get(key);
        if (!list) out.set(key, (list = []));
        list.push({ code: String(r.code), status: String(r.status) as ClaimCode['status'], confidence: num(r.confidence), evidence: parse(r.evidence, []), decision: str(r.decision) });
      }
    }
    for (const list of out.values()) list.sort(byCodeOrder);
    return out;
  }

  async setPersonIdentity(doc: number, localId: string, identity: number | null): Promise<void> {
    await this.db.run('UPDATE people SET identity = ? WHERE doc = ? AND local_id = ?', [identity, doc, localId]);
    await this.db.run('UPDATE claim_speakers SET identity = ? WHERE doc = ? AND person = ?', [identity, doc, localId]);
  }

  async indexText(id: number, text: string): Promise<void> {
    await this.index.remove(this.db, id);
    await this.index.add(this.db, id, text);
  }

  async clearIndex(id: number): Promise<RemovedRows> {
    await removeClaimGrams(this.db, id);
    await this.db.run('DELETE FROM claim_codes WHERE doc = ?', [id]);
    await this.db.run('DELETE FROM claim_speakers WHERE doc = ?', [id]);
    const claims = await this.db.run('DELETE FROM claims WHERE doc = ?', [id]);
    const people = await this.db.run('DELETE FROM people WHERE doc = ?', [id]);
    const dates = await this.db.run('DELETE FROM date_mentions WHERE doc = ?', [id]);
    const searchRows = await this.index.remove(this.db, id);
    return { claims, people, dates, searchRows };
  }

  async setSupersededBy(id: number, by: number | null): Promise<void> {
    await this.db.run('UPDATE documents SET superseded_by = ? WHERE id = ?', [by, id]);
  }

  async deleteDocument(id: number): Promise<RemovedRows> {
    const r = await this.db.get<Row>('SELECT superseded_by FROM documents WHERE id = ?', [id]);
    if (!r) return { claims: 0, people: 0, dates: 0, searchRows: 0 };
    // An older version that this one superseded now points past it (or is current again).
    await this.db.run('UPDATE documents SET superseded_by = ? WHERE superseded_by = ?', [r.superseded_by ?? null, id]);
    const removed = await this.clearIndex(id);
    await this.db.run('DELETE FROM document_bodies WHERE doc = ?', [id]);
    await this.db.run('DELETE FROM documents WHERE id = ?', [id]);
    return removed;
  }

  async moveCorrections(fromHash: string, toHash: string): Promise<number> {
    return this.moveRecords('corrections', fromHash, toHash);
  }

  // -------------------------------------------------------------------------------------------------------
  // People and claims

  async people(doc: number): Promise<PersonRow[]> {
    return (await this.db.all<Row>('SELECT * FROM people WHERE doc = ?', [doc])).map(toPerson).sort((a, b) => byLocalId(a.localId, b.localId));
  }

  async identityPeople(identity: number): Promise<(PersonRow & { doc: number })[]> {
    const rows = await this.db.all<Row>('SELECT * FROM people WHERE identity = ?', [identity]);
    return rows.map((r) => ({ ...toPerson(r), doc: num(r.doc) })).sort((a, b) => a.doc - b.doc || byLocalId(a.localId, b.localId));
  }

  async claims(doc: number): Promise<ClaimRow[]> {
    return (await this.claimsOf([doc])).get(doc) ?? [];
  }

  async claimsOf(docs: readonly number[]): Promise<Map<number, ClaimRow[]>> {
    const out = new Map<number, ClaimRow[]>();
    for (const part of chunks([...new Set(docs)])) {
      const inList = marks(part.length);
      const speakers = await this.db.all<Row>(`SELECT ${SPEAKER_COLUMNS} FROM claim_speakers WHERE doc IN (${inList}) ORDER BY doc, claim, role DESC, position`, part);
      const byClaim = new Map<string, ClaimRow['speakers'][number][]>();
      for (const s of speakers) {
        const key = `${s.doc}\u0000${s.claim}`;
        let list = byClaim.get(key);
        if (!list) byClaim.set(key, (list = []));
        list.push(toSpeaker(s));
      }
      const rows = await this.db.all<Row>(`SELECT ${CLAIM_COLUMNS} FROM claims WHERE doc IN (${inList}) ORDER BY doc, span_start, local_id`, part);
      const codes = await this.codesOf(part);
      for (const r of rows) {
        const doc = num(r.doc);
        let list = out.get(doc);
        if (!list) out.set(doc, (list = []));
        const key = `${doc}\u0000${r.local_id}`;
        list.push({ ...toClaim(r, byClaim.get(key) ?? []), codes: codes.get(key) ?? [] });
      }
    }
    return out;
  }

  async experts(options: { types: readonly PersonType[] }): Promise<ExpertRow[]> {
    const rows = await this.db.all<Row>(
      `WITH appearances AS (
         SELECT identity, doc FROM people WHERE identity IS NOT NULL
         UNION
         SELECT identity, doc FROM claim_speakers WHERE identity IS NOT NULL
       ), claimed AS (
         SELECT identity, count(*) AS n FROM (SELECT DISTINCT identity, doc, claim FROM claim_speakers WHERE role = 'speaker' AND identity IS NOT NULL) x GROUP BY identity
       )
       SELECT i.id AS id, count(*) AS documents, min(d.date_lo) AS first, max(d.date_lo) AS last, coalesce(max(c.n), 0) AS claims
       FROM appearances a
       JOIN identities i ON i.id = a.identity
       JOIN documents d ON d.id = a.doc
       LEFT JOIN claimed c ON c.identity = a.identity
       WHERE i.merged_into IS NULL AND i.type IN (${marks(options.types.length)})
       GROUP BY i.id`,
      [...options.types],
    );
    return rows.map((r) => ({ id: num(r.id), documents: num(r.documents), claims: num(r.claims), first: str(r.first), last: str(r.last) }));
  }

  async expertSummary(identity: number): Promise<ExpertRow> {
    const r = await this.db.get<Row>(
      `WITH appearances AS (SELECT doc FROM people WHERE identity = ? UNION SELECT doc FROM claim_speakers WHERE identity = ?)
       SELECT count(*) AS documents, min(d.date_lo) AS first, max(d.date_lo) AS last,
              (SELECT count(*) FROM (SELECT DISTINCT doc, claim FROM claim_speakers WHERE identity = ? AND role = 'speaker') x) AS claims
       FROM appearances a JOIN documents d ON d.id = a.doc`,
      [identity, identity, identity],
    );
    return { id: identity, documents: num(r?.documents ?? 0), claims: num(r?.claims ?? 0), first: str(r?.first), last: str(r?.last) };
  }

  async expertClaims(identity: number, page: { limit?: number; offset?: number } = {}): Promise<ExpertClaimRow[]> {
    // One row per claim even when the person is in it twice (as two of the document's people, or as
    // speaker and relay); 'speaker' sorts before 'via', so a claim the person speaks counts as spoken.
    const pageCte = `WITH mine AS (SELECT doc, claim, min(role) AS role, min(span_start) AS span_start FROM claim_speakers WHERE identity = ? GROUP BY doc, claim),
      page AS (SELECT m.doc AS doc, m.claim AS claim, m.role AS role FROM mine m JOIN documents d ON d.id = m.doc
               ORDER BY d.date_lo IS NULL, d.date_lo, m.doc, m.span_start, m.claim LIMIT ? OFFSET ?)`;
    const params = [identity, page.limit ?? 2_147_483_647, page.offset ?? 0];
    const rows = await this.db.all<Row>(
      `${pageCte}
       SELECT c.doc AS doc, c.local_id AS local_id, c.provenance AS provenance, c.review AS review, c.kind AS kind, c.span_start AS span_start,
              c.span_end AS span_end, c.content AS content, c.cue AS cue, c.section AS section, c.footnotes AS footnotes, c.hedges AS hedges,
              c.confidence AS confidence, c.corrections AS corrections, c.credibility AS credibility, p.role AS role,
              d.ref AS d_ref, d.title AS d_title, d.date AS d_date, d.name AS d_name
       FROM page p JOIN claims c ON c.doc = p.doc AND c.local_id = p.claim JOIN documents d ON d.id = p.doc
       ORDER BY d.date_lo IS NULL, d.date_lo, p.doc, c.span_start, c.local_id`,
      params,
    );
    if (rows.length === 0) return [];
    const speakers = await this.db.all<Row>(
      `${pageCte}
       SELECT o.doc AS doc, o.claim AS claim, o.role AS role, o.position AS position, o.identity AS identity, o.person AS person, o.name AS name
       FROM page p JOIN claim_speakers o ON o.doc = p.doc AND o.claim = p.claim
       ORDER BY o.doc, o.claim, o.role DESC, o.position`,
      params,
    );
    const byClaim = new Map<string, ClaimRow['speakers'][number][]>();
    for (const s of speakers) {
      const key = `${s.doc}\u0000${s.claim}`;
      let list = byClaim.get(key);
      if (!list) byClaim.set(key, (list = []));
      list.push(toSpeaker(s));
    }
    const codeRows = await this.db.all<Row>(
      `${pageCte}
       SELECT k.doc AS doc, k.claim AS claim, k.code AS code, k.status AS status, k.confidence AS confidence, k.evidence AS evidence, k.decision AS decision
       FROM page p JOIN claim_codes k ON k.doc = p.doc AND k.claim = p.claim`,
      params,
    );
    const codes = new Map<string, ClaimCode[]>();
    for (const k of codeRows) {
      const key = `${k.doc}\u0000${k.claim}`;
      let list = codes.get(key);
      if (!list) codes.set(key, (list = []));
      list.push({ code: String(k.code), status: String(k.status) as ClaimCode['status'], confidence: num(k.confidence), evidence: parse(k.evidence, []), decision: str(k.decision) });
    }
    for (const list of codes.values()) list.sort(byCodeOrder);
    return rows.map((r) => ({
      ...toClaim(r, byClaim.get(`${r.doc}\u0000${r.local_id}`) ?? []),
      codes: codes.get(`${r.doc}\u0000${r.local_id}`) ?? [],
      doc: num(r.doc),
      role: String(r.role) as 'speaker' | 'via',
      document: { ref: String(r.d_ref), title: str(r.d_title), date: str(r.d_date), name: str(r.d_name) },
    }));
  }

  async speakerSpans(identity: number, docs: readonly number[]): Promise<Map<number, { start: number; end: number }[]>> {
    const out = new Map<number, { start: number; end: number }[]>();
    for (const part of chunks([...new Set(docs)])) {
      const rows = await this.db.all<Row>(
        `SELECT c.doc AS doc, c.span_start AS s, c.span_end AS e FROM claim_speakers sp JOIN claims c ON c.doc = sp.doc AND c.local_id = sp.claim
         WHERE sp.identity = ? AND sp.role = 'speaker' AND sp.doc IN (${marks(part.length)})`,
        [identity, ...part],
      );
      for (const r of rows) {
        const doc = num(r.doc);
        let list = out.get(doc);
        if (!list) out.set(doc, (list = []));
        list.push({ start: num(r.s), end: num(r.e) });
      }
    }
    return out;
  }

  async searchDocuments(terms: readonly QueryTerm[], filters: SearchFilters, limit: number, offset: number): Promise<SearchCandidates> {
    return this.index.search(this.db, terms, filters, limit, offset);
  }

  async timeline(filters: TimelineFilters): Promise<TimelineRow[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filters.from) { where.push('m.hi >= ?'); params.push(filters.from); }
    if (filters.to) { where.push('m.lo <= ?'); params.push(filters.to); }
    if (filters.documents) {
      where.push(`m.doc IN (${marks(filters.documents.length || 1)})`);
      params.push(...(filters.documents.length ? filters.documents : [-1]));
    }
    if (filters.speaker !== undefined) {
      where.push(`EXISTS (SELECT 1 FROM claim_speakers s JOIN claims c ON c.doc = s.doc AND c.local_id = s.claim
                  WHERE s.identity = ? AND s.role = 'speaker' AND c.doc = m.doc AND c.span_start <= m.span_start AND m.span_end <= c.span_end)`);
      params.push(filters.speaker);
    }
    const limit = filters.limit ?? 1000;
    const rows = await this.db.all<Row>(
      `SELECT m.doc AS doc, m.span_start AS span_start, m.span_end AS span_end, m.value AS value, m.lo AS lo, m.hi AS hi, m.approx AS approx,
              m.text AS text, m.context AS context
       FROM date_mentions m ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY m.lo, m.hi, m.doc, m.span_start LIMIT ?`,
      [...params, limit],
    );
    return rows.map((r) => ({
      doc: num(r.doc), start: num(r.span_start), end: num(r.span_end), value: String(r.value), lo: String(r.lo), hi: String(r.hi),
      approx: num(r.approx) === 1, text: String(r.text), context: String(r.context),
    }));
  }

  // -------------------------------------------------------------------------------------------------------
  // Identities

  async loadIdentities(): Promise<IdentityRecord[]> {
    const rows = await this.db.all<Row>('SELECT * FROM identities ORDER BY id');
    const forms = await this.db.all<Row>('SELECT identity, key, form, script FROM identity_forms');
    return this.assembleIdentities(rows, forms);
  }

  async identitiesByRef(refs: readonly string[]): Promise<IdentityRecord[]> {
    if (refs.length === 0) return [];
    const rows = await this.db.all<Row>(`SELECT * FROM identities WHERE ref IN (${marks(refs.length)}) ORDER BY id`, refs);
    if (rows.length === 0) return [];
    const ids = rows.map((r) => num(r.id));
    const forms = await this.db.all<Row>(`SELECT identity, key, form, script FROM identity_forms WHERE identity IN (${marks(ids.length)})`, ids);
    return this.assembleIdentities(rows, forms);
  }

  private assembleIdentities(rows: Row[], forms: Row[]): IdentityRecord[] {
    const byId = new Map<number, NameForm[]>();
    for (const f of forms) {
      const id = num(f.identity);
      let list = byId.get(id);
      if (!list) byId.set(id, (list = []));
      list.push({ key: String(f.key), form: String(f.form), script: String(f.script) as NameForm['script'] });
    }
    for (const list of byId.values()) list.sort(byForm);
    return rows.map((r) => ({
      id: num(r.id),
      ref: String(r.ref),
      name: String(r.name),
      type: String(r.type) as PersonType,
      organization: str(r.organization),
      mergedInto: r.merged_into === null || r.merged_into === undefined ? null : num(r.merged_into),
      origin: String(r.origin) as IdentityRecord['origin'],
      createdAt: String(r.created_at),
      forms: byId.get(num(r.id)) ?? [],
    }));
  }

  async identityIdsByFormKey(key: string): Promise<number[]> {
    const rows = await this.db.all<Row>(
      'SELECT f.identity AS id FROM identity_forms f JOIN identities i ON i.id = f.identity WHERE f.key = ? AND i.merged_into IS NULL ORDER BY f.identity',
      [key],
    );
    return rows.map((r) => num(r.id));
  }

  async appearing(identities: readonly number[]): Promise<Set<number>> {
    const out = new Set<number>();
    for (const part of chunks([...new Set(identities)])) {
      const m = marks(part.length);
      const rows = await this.db.all<Row>(
        `SELECT DISTINCT identity FROM people WHERE identity IN (${m}) UNION SELECT DISTINCT identity FROM claim_speakers WHERE identity IN (${m})`,
        [...part, ...part],
      );
      for (const r of rows) out.add(num(r.identity));
    }
    return out;
  }

  async nextCounter(key: 'next_identity' | 'next_correction' | 'next_code_decision' | 'next_ach_matrix' | 'next_grade'): Promise<number> {
    const r = await this.db.get<Row>('UPDATE mikata_meta SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT) WHERE key = ? RETURNING value', [key]);
    if (!r) throw new Error(`meta counter ${key} is missing`);
    return num(r.value) - 1;
  }

  async createIdentity(input: Omit<IdentityRecord, 'id' | 'forms' | 'mergedInto'> & { forms: readonly NameForm[] }): Promise<IdentityRecord> {
    const r = await this.db.get<Row>(
      'INSERT INTO identities (ref, name, type, organization, origin, created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id',
      [input.ref, input.name, input.type, input.organization, input.origin, input.createdAt],
    );
    const id = num(r!.id);
    await this.addForms(id, input.forms);
    return { ...input, id, mergedInto: null, forms: dedupeForms(input.forms).sort(byForm) };
  }

  async addForms(identity: number, forms: readonly NameForm[]): Promise<void> {
    const unique = dedupeForms(forms);
    if (unique.length === 0) return;
    for (const part of chunks(unique, 200)) {
      await this.db.run(
        `INSERT INTO identity_forms (identity, key, form, script) VALUES ${part.map(() => '(?, ?, ?, ?)').join(', ')} ON CONFLICT DO NOTHING`,
        part.flatMap((f) => [identity, f.key, f.form, f.script]),
      );
    }
  }

  async removeForms(identity: number, keys: readonly string[]): Promise<void> {
    if (keys.length === 0) return;
    await this.db.run(`DELETE FROM identity_forms WHERE identity = ? AND key IN (${marks(keys.length)})`, [identity, ...keys]);
  }

  async updateIdentity(identity: number, fields: { name?: string; organization?: string | null; mergedInto?: number | null }): Promise<void> {
    await this.updateRow('identities', identity, { name: fields.name, organization: fields.organization, merged_into: fields.mergedInto });
  }

  async repointIdentity(from: number, to: number): Promise<void> {
    await this.db.run('UPDATE people SET identity = ? WHERE identity = ?', [to, from]);
    await this.db.run('UPDATE claim_speakers SET identity = ? WHERE identity = ?', [to, from]);
    await this.db.run(
      `INSERT INTO identity_forms (identity, key, form, script) SELECT ?, key, form, script FROM identity_forms WHERE identity = ? ON CONFLICT DO NOTHING`,
      [to, from],
    );
    await this.db.run('DELETE FROM identity_forms WHERE identity = ?', [from]);
    await this.db.run('UPDATE identities SET merged_into = ? WHERE merged_into = ?', [to, from]);
  }

  // -------------------------------------------------------------------------------------------------------
  // Proposals, decisions

  async proposals(status?: ProposalRecord['status']): Promise<ProposalRecord[]> {
    const rows = status
      ? await this.db.all<Row>('SELECT * FROM proposals WHERE status = ? ORDER BY created_at, a, b', [status])
      : await this.db.all<Row>('SELECT * FROM proposals ORDER BY created_at, a, b');
    return rows.map(toProposal);
  }

  async upsertProposal(p: Omit<ProposalRecord, 'decidedAt' | 'decidedBy' | 'why'>): Promise<void> {
    const [a, b] = p.a < p.b ? [p.a, p.b] : [p.b, p.a];
    // A decided proposal stays decided: the analyst's word outlives re-analysis.
    await this.db.run(
      `INSERT INTO proposals (a, b, status, score, evidence, created_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (a, b) DO UPDATE SET score = excluded.score, evidence = excluded.evidence WHERE proposals.status = 'pending'`,
      [a, b, p.status, p.score, json(p.evidence), p.createdAt],
    );
  }

  async reopenProposal(a: number, b: number): Promise<boolean> {
    const [x, y] = a < b ? [a, b] : [b, a];
    const r = await this.db.get<Row>(
      `UPDATE proposals SET status = 'pending', decided_at = NULL, decided_by = NULL, why = NULL WHERE a = ? AND b = ? AND status = 'dismissed' RETURNING a`,
      [x, y],
    );
    return r !== undefined;
  }

  async decideProposal(a: number, b: number, status: 'merged' | 'dismissed', by: string, why: string | null, at: string): Promise<void> {
    const [x, y] = a < b ? [a, b] : [b, a];
    await this.db.run(
      `INSERT INTO proposals (a, b, status, score, evidence, created_at, decided_at, decided_by, why) VALUES (?, ?, ?, 0, '[]', ?, ?, ?, ?)
       ON CONFLICT (a, b) DO UPDATE SET status = excluded.status, decided_at = excluded.decided_at, decided_by = excluded.decided_by, why = excluded.why`,
      [x, y, status, at, at, by, why],
    );
  }

  async repointProposals(from: number, to: number): Promise<void> {
    const rows = await this.db.all<Row>('SELECT * FROM proposals WHERE a = ? OR b = ?', [from, from]);
    await this.db.run('DELETE FROM proposals WHERE a = ? OR b = ?', [from, from]);
    for (const r of rows.map(toProposal)) {
      const a = r.a === from ? to : r.a;
      const b = r.b === from ? to : r.b;
      if (a === b) continue;
      const [x, y] = a < b ? [a, b] : [b, a];
      await this.db.run(
        `INSERT INTO proposals (a, b, status, score, evidence, created_at, decided_at, decided_by, why) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (a, b) DO NOTHING`,
        [x, y, r.status, r.score, json(r.evidence), r.createdAt, r.decidedAt, r.decidedBy, r.why],
      );
    }
  }

  async decisions(): Promise<DecisionRecord[]> {
    const rows = await this.db.all<Row>('SELECT * FROM decisions ORDER BY id');
    return rows.map((r) => ({
      id: num(r.id),
      kind: String(r.kind) as DecisionRecord['kind'],
      a: String(r.a),
      b: str(r.b),
      forms: parse(r.forms, []),
      by: String(r.by_whom),
      why: str(r.why),
      at: String(r.at),
    }));
  }

  async insertDecision(d: Omit<DecisionRecord, 'id'>): Promise<void> {
    await this.db.run('INSERT INTO decisions (kind, a, b, forms, by_whom, why, at) VALUES (?, ?, ?, ?, ?, ?, ?)', [d.kind, d.a, d.b, json(d.forms), d.by, d.why, d.at]);
  }

  // -------------------------------------------------------------------------------------------------------
  // Corrections

  async corrections(docHash?: string): Promise<CorrectionRecord[]> {
    return (await this.recordsOf('corrections', docHash)).map(toCorrection);
  }

  async correctionByRef(ref: string): Promise<CorrectionRecord | undefined> {
    const r = await this.recordByRef('corrections', ref);
    return r ? toCorrection(r) : undefined;
  }

  async insertCorrection(c: Omit<CorrectionRecord, 'id'>): Promise<CorrectionRecord> {
    const r = await this.db.get<Row>(
      `INSERT INTO corrections (ref, doc_hash, action, target, change, by_whom, why, at, status, anchored, problem)
       VALUES (${marks(11)}) RETURNING id`,
      [c.ref, c.docHash, c.action, c.target === null ? null : json(c.target), json(c.change), c.by, c.why, c.at, c.status,
        flag(c.anchored), c.problem],
    );
    return { ...c, id: num(r!.id) };
  }

  async updateCorrection(id: number, fields: { status?: CorrectionRecord['status']; anchored?: boolean | null; problem?: string | null }): Promise<void> {
    await this.updateRow('corrections', id, { status: fields.status, ...anchorColumns(fields) });
  }

  // -------------------------------------------------------------------------------------------------------
  // Coding decisions

  async codeDecisions(docHash?: string): Promise<CodeDecisionRecord[]> {
    return (await this.recordsOf('code_decisions', docHash)).map(toCodeDecision);
  }

  async codeDecisionByRef(ref: string): Promise<CodeDecisionRecord | undefined> {
    const r = await this.recordByRef('code_decisions', ref);
    return r ? toCodeDecision(r) : undefined;
  }

  async insertCodeDecision(c: Omit<CodeDecisionRecord, 'id'>): Promise<CodeDecisionRecord> {
    const r = await this.db.get<Row>(
      `INSERT INTO code_decisions (ref, doc_hash, action, code, target, by_whom, why, at, status, anchored, problem)
       VALUES (${marks(11)}) RETURNING id`,
      [c.ref, c.docHash, c.action, c.code, json(c.target), c.by, c.why, c.at, c.status, flag(c.anchored), c.problem],
    );
    return { ...c, id: num(r!.id) };
  }

  async updateCodeDecision(id: number, fields: { status?: CodeDecisionRecord['status']; anchored?: boolean | null; problem?: string | null }): Promise<void> {
    await this.updateRow('code_decisions', id, { status: fields.status, ...anchorColumns(fields) });
  }

  async moveCodeDecisions(fromHash: string, toHash: string): Promise<number> {
    return this.moveRecords('code_decisions', fromHash, toHash);
  }

  // -------------------------------------------------------------------------------------------------------
  // Grades

  async grades(filter: { kind?: GradeRecord['kind']; docHash?: string } = {}): Promise<GradeRecord[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.kind) { where.push('kind = ?'); params.push(filter.kind); }
    if (filter.docHash) { where.push('doc_hash = ?'); params.push(filter.docHash); }
    const rows = await this.db.all<Row>(`SELECT * FROM grades${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY id`, params);
    return rows.map(toGrade);
  }

  async gradeByRef(ref: string): Promise<GradeRecord | undefined> {
    const r = await this.recordByRef('grades', ref);
    return r ? toGrade(r) : undefined;
  }

  async insertGrade(g: Omit<GradeRecord, 'id'>): Promise<GradeRecord> {
    const r = await this.db.get<Row>(
      `INSERT INTO grades (ref, kind, identity, doc_hash, target, claim, value, by_whom, why, at, anchored, problem)
       VALUES (${marks(12)}) RETURNING id`,
      [g.ref, g.kind, g.identity, g.docHash, g.target === null || g.target === undefined ? null : json(g.target), g.claim, g.value, g.by, g.why, g.at,
        flag(g.anchored), g.problem],
    );
    return { ...g, id: num(r!.id) };
  }

  async updateGrade(id: number, fields: { claim?: string | null; anchored?: boolean | null; problem?: string | null }): Promise<void> {
    await this.updateRow('grades', id, { claim: fields.claim, ...anchorColumns(fields) });
  }

  async moveGrades(fromHash: string, toHash: string): Promise<number> {
    return this.moveRecords('grades', fromHash, toHash);
  }

  // -------------------------------------------------------------------------------------------------------
  // The analysts' records kept by document hash (corrections, coding decisions, grades)

  /** The records of one document (by its hash), or all, in the order they were made. */
  private async recordsOf(table: RecordTable, docHash?: string): Promise<Row[]> {
    return docHash
      ? this.db.all<Row>(`SELECT * FROM ${table} WHERE doc_hash = ? ORDER BY id`, [docHash])
      : this.db.all<Row>(`SELECT * FROM ${table} ORDER BY id`);
  }

  private async recordByRef(table: RecordTable, ref: string): Promise<Row | undefined> {
    return this.db.get<Row>(`SELECT * FROM ${table} WHERE ref = ?`, [ref]);
  }

  /** Moves the records of a document to its new version; resolves to how many moved. */
  private async moveRecords(table: RecordTable, fromHash: string, toHash: string): Promise<number> {
    return this.db.run(`UPDATE ${table} SET doc_hash = ? WHERE doc_hash = ?`, [toHash, fromHash]);
  }

  /** Sets the columns given a value, in their order; a column given `undefined` is left as it is. */
  private async updateRow(table: RecordTable | 'identities', id: number, columns: Record<string, unknown>): Promise<void> {
    const set = Object.entries(columns).filter(([, v]) => v !== undefined);
    if (set.length === 0) return;
    await this.db.run(`UPDATE ${table} SET ${set.map(([c]) => `${c} = ?`).join(', ')} WHERE id = ?`, [...set.map(([, v]) => v), id]);
  }

  // -------------------------------------------------------------------------------------------------------
  // Competing hypotheses

  async achMatrices(): Promise<AchMatrixRecord[]> {
    return (await this.db.all<Row>('SELECT * FROM ach_matrices ORDER BY id')).map(toAchMatrix);
  }

  async achMatrix(ref: string): Promise<AchMatrixContents | undefined> {
    const m = await this.db.get<Row>('SELECT * FROM ach_matrices WHERE ref = ?', [ref]);
    if (!m) return undefined;
    const id = num(m.id);
    const hypotheses = await this.db.all<Row>('SELECT * FROM ach_hypotheses WHERE matrix = ? ORDER BY position, id', [id]);
    const evidence = await this.db.all<Row>('SELECT * FROM ach_evidence WHERE matrix = ? ORDER BY position, id', [id]);
    const ratings = await this.db.all<Row>(
      'SELECT r.* FROM ach_ratings r JOIN ach_evidence e ON e.id = r.evidence WHERE e.matrix = ? ORDER BY r.evidence, r.hypothesis', [id],
    );
    return {
      ...toAchMatrix(m),
      hypotheses: hypotheses.map((r) => ({ id: num(r.id), ref: String(r.ref), label: String(r.label), position: num(r.position) })),
      evidence: evidence.map(toAchEvidence),
      ratings: ratings.map((r) => ({ evidence: num(r.evidence), hypothesis: num(r.hypothesis), rating: String(r.rating) as Rating, by: String(r.by_whom), at: String(r.at) })),
    };
  }

  async achEvidenceOf(hashes: readonly string[]): Promise<(AchEvidenceRecord & { matrix: number })[]> {
    const out: (AchEvidenceRecord & { matrix: number })[] = [];
    for (const part of chunks([...new Set(hashes)])) {
      const rows = await this.db.all<Row>(`SELECT * FROM ach_evidence WHERE kind = 'claim' AND doc_hash IN (${marks(part.length)}) ORDER BY matrix, position, id`, part);
      for (const r of rows) out.push({ ...toAchEvidence(r), matrix: num(r.matrix) });
    }
    return out;
  }

  async insertAchMatrix(m: Omit<AchMatrixRecord, 'id'>): Promise<AchMatrixRecord> {
    const r = await this.db.get<Row>('INSERT INTO ach_matrices (ref, title, by_whom, at) VALUES (?, ?, ?, ?) RETURNING id', [m.ref, m.title, m.by, m.at]);
    return { ...m, id: num(r!.id) };
  }

  /** The next ref number and position in one of a matrix's lists (writes are serialised, so no two take one). */
  private async nextInMatrix(table: 'ach_hypotheses' | 'ach_evidence', matrix: number): Promise<{ n: number; position: number }> {
    const rows = await this.db.all<Row>(`SELECT ref, position FROM ${table} WHERE matrix = ?`, [matrix]);
    let n = 0;
    let position = -1;
    for (const r of rows) {
      n = Math.max(n, Number(/\d+$/.exec(String(r.ref))?.[0] ?? 0));
      position = Math.max(position, num(r.position));
    }
    return { n: n + 1, position: position + 1 };
  }

  async insertAchHypothesis(matrix: number, label: string): Promise<AchHypothesisRecord> {
    const { n, position } = await this.nextInMatrix('ach_hypotheses', matrix);
    const ref = `h${n}`;
    const r = await this.db.get<Row>('INSERT INTO ach_hypotheses (matrix, ref, label, position) VALUES (?, ?, ?, ?) RETURNING id', [matrix, ref, label, position]);
    return { id: num(r!.id), ref, label, position };
  }

  async insertAchEvidence(matrix: number, e: Omit<AchEvidenceRecord, 'id' | 'ref' | 'position'>): Promise<AchEvidenceRecord> {
    const { n, position } = await this.nextInMatrix('ach_evidence', matrix);
    const ref = `ev${n}`;
    const r = await this.db.get<Row>(
      `INSERT INTO ach_evidence (matrix, ref, kind, doc_hash, claim, text, speaker, weight, position) VALUES (${marks(9)}) RETURNING id`,
      [matrix, ref, e.kind, e.docHash, e.claim, e.text, e.speaker, e.weight, position],
    );
    return { ...e, id: num(r!.id), ref, position };
  }

  async setAchWeight(evidence: number, weight: number): Promise<void> {
    await this.db.run('UPDATE ach_evidence SET weight = ? WHERE id = ?', [weight, evidence]);
  }

  async relinkAchEvidence(evidence: number, to: { docHash: string; claim: string }): Promise<void> {
    await this.db.run('UPDATE ach_evidence SET doc_hash = ?, claim = ? WHERE id = ?', [to.docHash, to.claim, evidence]);
  }

  async setAchRating(r: Omit<AchRatingRecord, 'rating'> & { rating: Rating | null }): Promise<void> {
    if (r.rating === null) {
      await this.db.run('DELETE FROM ach_ratings WHERE evidence = ? AND hypothesis = ?', [r.evidence, r.hypothesis]);
      return;
    }
    await this.db.run(
      `INSERT INTO ach_ratings (evidence, hypothesis, rating, by_whom, at) VALUES (${marks(5)})
       ON CONFLICT (evidence, hypothesis) DO UPDATE SET rating = excluded.rating, by_whom = excluded.by_whom, at = excluded.at`,
      [r.evidence, r.hypothesis, r.rating, r.by, r.at],
    );
  }

  async reorderAchHypotheses(matrix: number, order: readonly number[]): Promise<void> {
    for (const [position, id] of order.entries()) await this.db.run('UPDATE ach_hypotheses SET position = ? WHERE id = ? AND matrix = ?', [position, id, matrix]);
  }

  async deleteAchMatrix(id: number): Promise<boolean> {
    return (await this.db.run('DELETE FROM ach_matrices WHERE id = ?', [id])) > 0;
  }
}

function toAchMatrix(r: Row): AchMatrixRecord {
  return { id: num(r.id), ref: String(r.ref), title: String(r.title), by: String(r.by_whom), at: String(r.at) };
}

function toAchEvidence(r: Row): AchEvidenceRecord {
  return {
    id: num(r.id),
    ref: String(r.ref),
    kind: String(r.kind) as AchEvidenceRecord['kind'],
    docHash: str(r.doc_hash),
    claim: str(r.claim),
    text: String(r.text),
    speaker: str(r.speaker),
    weight: num(r.weight),
    position: num(r.position),
  };
}

function toGrade(r: Row): GradeRecord {
  return {
    id: num(r.id),
    ref: String(r.ref),
    kind: String(r.kind) as GradeRecord['kind'],
    identity: str(r.identity),
    docHash: str(r.doc_hash),
    target: parse(r.target, null),
    claim: str(r.claim),
    value: str(r.value) as GradeRecord['value'],
    by: String(r.by_whom),
    why: str(r.why),
    at: String(r.at),
    anchored: readFlag(r.anchored),
    problem: str(r.problem),
  };
}

function toCodeDecision(r: Row): CodeDecisionRecord {
  return {
    id: num(r.id),
    ref: String(r.ref),
    docHash: String(r.doc_hash),
    action: String(r.action) as CodeDecisionRecord['action'],
    code: String(r.code),
    target: parse(r.target, null),
    by: String(r.by_whom),
    why: str(r.why),
    at: String(r.at),
    status: String(r.status) as CodeDecisionRecord['status'],
    anchored: readFlag(r.anchored),
    problem: str(r.problem),
  };
}

/**
 * Orders are made here rather than with ORDER BY on text, which follows the database's collation and would
 * differ between SQLite and a PostgreSQL in another locale.
 */
export const byForm = (a: NameForm, b: NameForm) => (a.form < b.form ? -1 : a.form > b.form ? 1 : 0);

/** p2 before p10. */
export function byLocalId(a: string, b: string): number {
  const na = /^(\D*)(\d+)$/.exec(a);
  const nb = /^(\D*)(\d+)$/.exec(b);
  if (na && nb && na[1] === nb[1]) return Number(na[2]) - Number(nb[2]);
  return a < b ? -1 : a > b ? 1 : 0;
}

function dedupeForms(forms: readonly NameForm[]): NameForm[] {
  const seen = new Map<string, NameForm>();
  for (const f of forms) if (f.key && !seen.has(f.key)) seen.set(f.key, f);
  return [...seen.values()];
}
