/**
 * The team store: PostgreSQL through `pg`, chosen with MIKATA_DATABASE_URL=postgres://…
 *
 * Same schema and statements as SQLite (sql-store.ts). What differs:
 * - writers take a transaction-scoped advisory lock, so ingests from several machines take turns the way
 *   SQLite's BEGIN IMMEDIATE makes processes take turns;
 * - search: the same tokens as SQLite's FTS5 (search-text.ts), kept as tsvectors with positions in slices
 *   of each document, under a GIN index; the same query as a tsquery (phrases of bigrams with <->), ranked
 *   with ts_rank. tsvectors and tsqueries are written as literals, so nothing depends on the server's
 *   locale or text-search configuration, and no extension is needed.
 * - an optional schema (search_path), so one database can hold several corpora (the tests use this).
 */
import pg from 'pg';
import { migrations, STORE_SCHEMA_VERSION } from '../migrations.ts';
import { searchNormalize, tokenList, tsQuery, tsvectorLiteral, type QueryTerm } from '../search-text.ts';
import { finishMigrations, marks, SqlStore, type Row, type SearchIndex, type SqlConnection, type SqlDriver } from '../sql-store.ts';
import { RANK_CAP, StoreError, type SearchCandidates, type SearchFilters, type Store } from '../store.ts';

export interface PostgresStoreOptions {
  /** Create the schema when the database holds no corpus yet. Reading commands pass false. */
  create?: boolean;
  /** A schema to keep the corpus in (default: the server's search_path, usually public). */
  schema?: string;
  /** Pool size. */
  max?: number;
  /** How many matching documents a search ranks at most (default RANK_CAP). */
  rankCap?: number;
  /** For reading commands: no migration, and every transaction read-only on the server. */
  readonly?: boolean;
}

/** The URL without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url.replace(/:[^:@/]*@/, ':***@');
  }
}

/**
 * @example
 * const store = await openPostgresStore('postgres://mikata:secret@db.example/mikata', { create: true });
 */
export async function openPostgresStore(url: string, options: PostgresStoreOptions = {}): Promise<Store> {
  const shown = redactUrl(url);
  if (options.schema !== undefined && !/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(options.schema)) {
    throw new StoreError('E_STORE', `invalid schema name ${JSON.stringify(options.schema)} (letters, digits and _ only)`);
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 4,
    // count(*) and the like come back as int8; the corpus never holds 2^53 of anything.
    types: { getTypeParser: (oid: number, format?: string) => (oid === 20 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format as 'text')) } as pg.CustomTypesConfig,
    ...(options.schema || options.readonly
      ? { options: [options.schema ? `-c search_path=${options.schema}` : '', options.readonly ? '-c default_transaction_read_only=on' : ''].filter(Boolean).join(' ') }
      : {}),
  });
  // An idle client that loses its server must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  const connection = new PostgresConnection(pool, shown);
  try {
    await connection.get('SELECT 1 AS one');
    await inspectAndMigrate(connection, shown, !options.readonly && (options.create ?? false), options.readonly ?? false);
  } catch (e) {
    await pool.end().catch(() => undefined);
    throw e;
  }
  const store = new SqlStore(connection, postgresSearch(options.rankCap ?? RANK_CAP), { kind: 'postgres', location: shown + (options.schema ? ` (schema ${options.schema})` : ''), schemaVersion: STORE_SCHEMA_VERSION, readonly: options.readonly ?? false }, connection);
  try {
    await finishMigrations(store);
  } catch (e) {
    await store.close().catch(() => undefined);
    throw e;
  }
  return store;
}

async function inspectAndMigrate(db: PostgresConnection, shown: string, create: boolean, readonly: boolean): Promise<void> {
  const state = async (d: SqlDriver) => {
    const r = await d.get<Row>("SELECT to_regclass('mikata_meta') AS meta, to_regclass('documents') AS documents");
    if (!r?.meta) return { exists: false, foreign: r?.documents !== null && r?.documents !== undefined, version: 0 };
    const rows = await d.all<Row>("SELECT key, value FROM mikata_meta WHERE key IN ('app', 'schema')");
    const meta = new Map(rows.map((x) => [String(x.key), String(x.value)]));
    return { exists: true, foreign: meta.get('app') !== 'mikata', version: Number(meta.get('schema') ?? 0) };
  };
  const check = (s: { exists: boolean; foreign: boolean; version: number }) => {
    if (s.foreign) throw new StoreError('E_NOT_A_STORE', `${shown}: not a mikata corpus: the database already holds tables of another application; it was left unchanged`);
    if (s.version > STORE_SCHEMA_VERSION) {
      throw new StoreError('E_NEWER_STORE', `${shown}: this corpus was written by a newer mikata (store schema ${s.version}; this version reads up to ${STORE_SCHEMA_VERSION}); it was left unchanged`);
    }
  };
  const first = await state(db);
  check(first);
  if (first.exists && first.version >= STORE_SCHEMA_VERSION) return;
  if (!first.exists && !create) throw new StoreError('E_NO_STORE', `${shown}: no corpus in this database yet (run mikata ingest first)`);
  if (readonly) {
    throw new StoreError(
      'E_NEEDS_MIGRATION',
      `${shown}: this corpus was written by an older mikata (store schema ${first.version}; this version reads ${STORE_SCHEMA_VERSION}); upgrade it once with mikata migrate (any command that writes does it too); it was left unchanged`,
    );
  }
  await db.exclusive(async (tx) => {
    const now = await state(tx);
    check(now);
    for (const m of migrations) {
      if (m.version <= now.version) continue;
      for (const statement of m.sql('postgres')) await tx.run(statement);
      await tx.run("INSERT INTO mikata_meta (key, value) VALUES ('schema', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value", [String(m.version)]);
    }
  });
}

/** `?` → `$1, $2 …`, outside quoted strings and identifiers. */
export function numberPlaceholders(sql: string): string {
  let out = '';
  let n = 0;
  let quote: string | null = null;
  for (const ch of sql) {
    if (quote) {
      if (ch === quote) quote = null;
      out += ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      out += ch;
    } else if (ch === '?') {
      out += `$${++n}`;
    } else {
      out += ch;
    }
  }
  return out;
}

type Queryable = pg.Pool | pg.PoolClient;

function translate(e: unknown, shown: string): unknown {
  if (e instanceof StoreError) return e;
  const err = e as { code?: string; message?: string };
  const code = err.code ?? '';
  if (['ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', 'EHOSTUNREACH', 'ECONNRESET'].includes(code) || code === '28P01' || code === '28000' || code === '3D000' || code.startsWith('08')) {
    return new StoreError('E_CONNECT', `${shown}: cannot connect to PostgreSQL: ${err.message ?? code}`, { cause: e });
  }
  if (code === 'XX001' || code === 'XX002') return new StoreError('E_CORRUPT', `${shown}: the database reports damage: ${err.message}`, { cause: e });
  if (code === '42501') return new StoreError('E_STORE', `${shown}: permission denied: ${err.message}`, { cause: e });
  return e;
}

class PostgresDriver implements SqlDriver {
  readonly dialect = 'postgres' as const;
  protected readonly q: Queryable;
  protected readonly shown: string;
  private static readonly texts = new Map<string, string>();

  constructor(q: Queryable, shown: string) {
    this.q = q;
    this.shown = shown;
  }

  private text(sql: string): string {
    let t = PostgresDriver.texts.get(sql);
    if (t === undefined) {
      t = numberPlaceholders(sql);
      PostgresDriver.texts.set(sql, t);
    }
    return t;
  }

  protected async query(sql: string, params: readonly unknown[]): Promise<pg.QueryResult> {
    try {
      return await this.q.query(this.text(sql), params as unknown[]);
    } catch (e) {
      throw translate(e, this.shown);
    }
  }

  async all<T = Row>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    return (await this.query(sql, params)).rows as T[];
  }

  async get<T = Row>(sql: string, params: readonly unknown[] = []): Promise<T | undefined> {
    return (await this.query(sql, params)).rows[0] as T | undefined;
  }

  async run(sql: string, params: readonly unknown[] = []): Promise<number> {
    return (await this.query(sql, params)).rowCount ?? 0;
  }

  async insertMany(table: string, columns: readonly string[], rows: readonly (readonly unknown[])[]): Promise<void> {
    // One statement per chunk: a round trip per row would make ingest crawl over a network.
    const per = Math.max(1, Math.floor(30000 / columns.length));
    for (let i = 0; i < rows.length; i += per) {
      const part = rows.slice(i, i + per);
      const values = part.map(() => `(${marks(columns.length)})`).join(', ');
      await this.run(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values}`, part.flat());
    }
  }
}

/** BEGIN, `fn`, COMMIT on `client`; on any failure, ROLLBACK (whose own failure is passed over) and the failure again. */
async function inTransaction<T>(client: pg.PoolClient, tx: SqlDriver, fn: () => Promise<T>): Promise<T> {
  try {
    await tx.run('BEGIN');
    const result = await fn();
    await tx.run('COMMIT');
    return result;
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  }
}

class PostgresConnection extends PostgresDriver implements SqlConnection {
  private readonly pool: pg.Pool;

  constructor(pool: pg.Pool, shown: string) {
    super(pool, shown);
    this.pool = pool;
  }

  /** A pooled connection; a failure to connect becomes the store's one-line error. */
  private async connect(): Promise<pg.PoolClient> {
    try {
      return await this.pool.connect();
    } catch (e) {
      throw translate(e, this.shown);
    }
  }

  /** Runs `fn` on a pooled connection (and a driver over it), and gives the connection back. */
  private async onClient<T>(fn: (client: pg.PoolClient, tx: SqlDriver) => Promise<T>): Promise<T> {
    const client = await this.connect();
    try {
      return await fn(client, new PostgresDriver(client, this.shown));
    } finally {
      client.release();
    }
  }

  async write<T>(fn: (tx: SqlDriver) => Promise<T>): Promise<T> {
    return this.onClient((client, tx) => inTransaction(client, tx, async () => {
      // One writer per corpus at a time, across processes and machines; released at COMMIT or ROLLBACK.
      await tx.run("SELECT pg_advisory_xact_lock(hashtext('mikata:' || current_schema()))");
      return fn(tx);
    }));
  }

  /**
   * Like `write`, but the lock is taken before the transaction starts, so the transaction sees the tables
   * another process created while we waited (a transaction may keep the catalog as it was when it began).
   * For schema changes.
   */
  async exclusive<T>(fn: (tx: SqlDriver) => Promise<T>): Promise<T> {
    const key = "hashtext('mikata-schema:' || current_schema())";
    return this.onClient(async (client, tx) => {
      await tx.run(`SELECT pg_advisory_lock(${key})`);
      try {
        return await inTransaction(client, tx, () => fn(tx));
      } finally {
        await client.query(`SELECT pg_advisory_unlock(${key})`).catch(() => undefined);
      }
    });
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

/** Tokens per slice, and how many the next slice repeats (so a phrase across the cut is still found). */
const CHUNK = 2000;
const OVERLAP = 64;
/** PostgreSQL refuses lexemes over 2047 bytes; such a "word" is noise anyway. */
const MAX_TOKEN_BYTES = 1000;

export function chunkTokens(tokens: readonly string[]): string[][] {
  const usable = tokens.map((t) => (Buffer.byteLength(t) > MAX_TOKEN_BYTES ? '' : t));
  const out: string[][] = [];
  for (let start = 0; start < usable.length || out.length === 0; start += CHUNK) {
    // Blank tokens keep the positions of their neighbours honest; they are left out of the literal.
    out.push(usable.slice(start, start + CHUNK + OVERLAP));
    if (start + CHUNK >= usable.length) break;
  }
  return out;
}

const postgresSearch = (rankCap: number): SearchIndex => ({
  async add(tx: SqlDriver, doc: number, text: string): Promise<void> {
    const chunks = chunkTokens(tokenList(searchNormalize(text)));
    await tx.insertMany('search_chunks', ['doc', 'chunk', 'tsv'], chunks.map((tokens, i) => [doc, i, tsvectorLiteralSkippingBlanks(tokens)]));
  },

  async remove(tx: SqlDriver, doc: number): Promise<number> {
    return tx.run('DELETE FROM search_chunks WHERE doc = ?', [doc]);
  },

  async search(db: SqlDriver, terms: readonly QueryTerm[], filters: SearchFilters, limit: number, offset: number): Promise<SearchCandidates> {
    if (terms.length === 0) return { total: 0, hits: [] };
    const where: string[] = [];
    const params: unknown[] = [];
    if (filters.from || filters.to) {
      const dates: string[] = [];
      if (filters.to) { dates.push('date_lo <= ?'); params.push(filters.to); }
      if (filters.from) { dates.push('date_hi >= ?'); params.push(filters.from); }
      where.push(`s.doc IN (SELECT id FROM documents WHERE ${dates.join(' AND ')})`);
    }
    if (filters.documents) {
      const ids = filters.documents.length ? filters.documents : [-1];
      where.push(`s.doc IN (${marks(ids.length)})`);
      params.push(...ids);
    }
    if (filters.speaker !== undefined) {
      where.push("s.doc IN (SELECT doc FROM claim_speakers WHERE identity = ? AND role = 'speaker')");
      params.push(filters.speaker);
    }
    const query = tsQuery(terms);
    const filtered = where.length > 0;
    const cond = ['s.tsv @@ ?::tsquery', ...where].join(' AND ');
    const count = await db.get<Row>(`SELECT count(DISTINCT s.doc) AS n FROM search_chunks s WHERE ${cond}`, [query, ...params]);
    const total = Number(count?.n ?? 0);
    const capped = !filtered && total > rankCap;
    const recent = capped ? ` AND s.doc IN (SELECT DISTINCT r.doc FROM search_chunks r WHERE r.tsv @@ ?::tsquery ORDER BY r.doc DESC LIMIT ${rankCap})` : '';
    const rows = await db.all<Row>(
      `SELECT s.doc AS doc, max(ts_rank(s.tsv, ?::tsquery, 1)) AS score FROM search_chunks s WHERE ${cond}${recent}
       GROUP BY s.doc ORDER BY score DESC, s.doc LIMIT ? OFFSET ?`,
      [query, query, ...params, ...(capped ? [query] : []), limit, offset],
    );
    return { total, hits: rows.map((r) => ({ doc: Number(r.doc), score: Number(r.score) })), ...(capped ? { rankedWithin: rankCap } : {}) };
  },
});

/** The literal for a slice; blank tokens (dropped as too long) keep their place but are not written. */
function tsvectorLiteralSkippingBlanks(tokens: readonly string[]): string {
  const literal = tsvectorLiteral(tokens);
  return literal.replace(/(^| )'':[\d,]+/g, '').trim();
}
