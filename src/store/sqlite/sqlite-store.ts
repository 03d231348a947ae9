/**
 * The default store: one SQLite file through better-sqlite3, nothing to set up.
 *
 * - WAL, so readers never wait for a writer and a killed writer leaves the last committed state;
 * - every write in BEGIN IMMEDIATE with a busy timeout, so two processes ingesting at once take turns;
 * - the schema version in `PRAGMA user_version` and the meta table, our `application_id` in the header;
 * - search through FTS5 over the normalised text (see search-text.ts for why bigrams).
 *
 * Before anything is written, the file is checked: an empty file, a file that is not SQLite, an SQLite
 * database of another application, or a corpus written by a newer mikata is refused with one line, and left
 * as it was; a corpus opened for writing is first checked for damage (`PRAGMA quick_check`, within a time
 * budget), so that damage is reported before a write rather than compounded by one.
 *
 * Reading commands open the file read-only: no switch to WAL, no migration, no checkpoint on close; a
 * corpus of an older schema then asks for a write command (`mikata migrate`) instead of being changed.
 */
import Database from 'better-sqlite3';
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { migrations, SQLITE_APPLICATION_ID, STORE_SCHEMA_VERSION } from '../migrations.ts';
import { ftsQuery, ftsTokens, searchNormalize, type QueryTerm } from '../search-text.ts';
import { finishMigrations, marks, SqlStore, type Row, type SearchIndex, type SqlConnection, type SqlDriver } from '../sql-store.ts';
import { RANK_CAP, StoreError, type SearchCandidates, type SearchFilters, type Store } from '../store.ts';

export interface SqliteStoreOptions {
  /** Create the file (and the schema) when it does not exist. Reading commands pass false. */
  create?: boolean;
  /** How long a writer waits for another process's transaction, in ms. */
  busyTimeoutMs?: number;
  /** How many matching documents a search ranks at most (default RANK_CAP). */
  rankCap?: number;
  /** Open for reading only (reading commands): nothing in the file changes. */
  readonly?: boolean;
  /** How long the damage check on a writable open may take, in ms (default 3000; 0 skips it). */
  checkBudgetMs?: number;
}

const MAGIC = 'SQLite format 3\u0000';

/**
 * @example
 * const store = await openSqliteStore('mikata.db', { create: true });
 * await store.countDocuments();
 */
export async function openSqliteStore(path: string, options: SqliteStoreOptions = {}): Promise<Store> {
  const memory = path === ':memory:';
  const shown = path;
  const readonly = !memory && (options.readonly ?? false);
  const exists = memory ? false : checkFile(path, !readonly && (options.create ?? false));
  const busyTimeoutMs = options.busyTimeoutMs ?? 60_000;

  let db: Database.Database;
  try {
    db = new Database(path, { fileMustExist: exists, timeout: busyTimeoutMs, readonly });
  } catch (e) {
    throw translate(e, shown, 'cannot open');
  }
  try {
    inspect(db, shown);
    if (readonly) {
      checkCurrent(db, shown);
      db.pragma('query_only = ON');
      db.pragma('cache_size = -65536');
    } else {
      if (exists) quickCheck(db, shown, options.checkBudgetMs ?? 3000);
      prepare(db, shown, busyTimeoutMs);
      migrate(db, shown);
    }
  } catch (e) {
    db.close();
    throw translate(e, shown, 'cannot open');
  }
  // From here on, waiting for another process is done between tries in `write`, not inside SQLite's busy
  // handler, which would block this thread (and every other task of the process) while it waits.
  db.pragma('busy_timeout = 50');
  const connection = new SqliteConnection(db, shown, busyTimeoutMs, readonly);
  const store = new SqlStore(
    connection, sqliteSearch(options.rankCap ?? RANK_CAP),
    { kind: 'sqlite', location: memory ? ':memory:' : resolve(path), schemaVersion: STORE_SCHEMA_VERSION, readonly }, connection,
  );
  try {
    await finishMigrations(store);
  } catch (e) {
    await store.close();
    throw translate(e, shown, 'cannot migrate');
  }
  return store;
}

/** A read-only open cannot migrate: an older corpus asks for a write command, an empty database is none. */
function checkCurrent(db: Database.Database, path: string): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version >= STORE_SCHEMA_VERSION) return;
  if (version === 0) throw new StoreError('E_NO_STORE', `${path}: an empty SQLite database, not a mikata corpus yet (run mikata ingest to make one); it was left unchanged`);
  throw new StoreError(
    'E_NEEDS_MIGRATION',
    `${path}: this corpus was written by an older mikata (store schema ${version}; this version reads ${STORE_SCHEMA_VERSION}); upgrade it once with mikata migrate --db ${path} (any command that writes does it too); it was left unchanged`,
  );
}

/**
 * SQLite's own consistency check (b-tree structure, record formats, index entries), before anything is
 * written. Table by table, oldest schema object first, until the budget is spent: a large corpus gets a
 * partial check rather than a slow start. Reports the first problems found as E_CORRUPT.
 */
function quickCheck(db: Database.Database, path: string, budgetMs: number): void {
  if (budgetMs <= 0) return;
  const until = Date.now() + budgetMs;
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY rootpage").all() as { name: string }[];
  for (const { name } of tables) {
    if (Date.now() > until) return;
    const rows = db.pragma(`quick_check("${name.replace(/"/g, '""')}")`) as { quick_check: string }[];
    const problems = rows.map((r) => r.quick_check).filter((x) => x !== 'ok');
    if (problems.length) {
      throw new StoreError('E_CORRUPT', `${path}: the corpus database is damaged (${problems.join('; ')}); nothing was written; restore it from a copy or an export`);
    }
  }
}

/** Whether the file exists; throws when it cannot be a corpus. Reads at most the 16-byte header. */
function checkFile(path: string, create: boolean): boolean {
  let size: number;
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw new StoreError('E_NOT_A_STORE', `${path}: is a directory, not a mikata corpus file`);
    size = st.size;
  } catch (e) {
    if (e instanceof StoreError) throw e;
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw new StoreError('E_STORE', `${path}: cannot read: ${(e as Error).message}`, { cause: e });
    if (!create) throw new StoreError('E_NO_STORE', `${path}: no corpus here (run mikata ingest first, or choose one with --db)`);
    try {
      if (!statSync(dirname(resolve(path))).isDirectory()) throw new Error('not a directory');
    } catch (cause) {
      throw new StoreError('E_NO_STORE', `${path}: cannot create the corpus: the folder ${dirname(resolve(path))} does not exist`, { cause });
    }
    return false;
  }
  // SQLite would take an empty file for an empty database and make it a corpus; a file someone made (a
  // typo in --db, a failed download) is more likely. Refused, so that it stays as it is.
  if (size === 0) {
    if (beingCreated(path)) return true;
    throw new StoreError('E_NOT_A_STORE', `${path}: not a mikata corpus: the file is empty (0 bytes); it was left unchanged (remove it, or choose another --db)`);
  }
  const header = Buffer.alloc(16);
  const fd = openSync(path, 'r');
  let read = 0;
  try {
    read = readSync(fd, header, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  if (read < 16 || header.toString('latin1') !== MAGIC) {
    throw new StoreError('E_NOT_A_STORE', `${path}: not a mikata corpus: the file is not an SQLite database (corrupt, or another kind of file); it was left unchanged`);
  }
  return true;
}

/**
 * Whether an empty file is a corpus another mikata process is creating right now: its first transaction
 * goes to the WAL (or the rollback journal) beside it, and the file itself stays empty until a checkpoint.
 * Waits up to a second for that journal or for the file to grow, since the process may have opened the
 * file a moment before it started writing.
 */
function beingCreated(path: string): boolean {
  const until = Date.now() + 1000;
  for (;;) {
    for (const journal of [`${path}-wal`, `${path}-journal`]) if (existsSync(journal)) return true;
    try {
      if (statSync(path).size > 0) return true;
    } catch {
      return false;
    }
    if (Date.now() > until) return false;
    sleep(20);
  }
}

/** Refuses foreign and newer databases; reads only. */
function inspect(db: Database.Database, path: string): void {
  const appId = db.pragma('application_id', { simple: true }) as number;
  const version = db.pragma('user_version', { simple: true }) as number;
  if (appId === SQLITE_APPLICATION_ID) {
    if (version > STORE_SCHEMA_VERSION) {
      throw new StoreError(
        'E_NEWER_STORE',
        `${path}: this corpus was written by a newer mikata (store schema ${version}; this version reads up to ${STORE_SCHEMA_VERSION}); upgrade mikata to open it. It was left unchanged`,
      );
    }
    return;
  }
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[];
  if (appId === 0 && tables.length === 0) return;
  const list = tables.slice(0, 5).map((t) => t.name).join(', ');
  throw new StoreError(
    'E_NOT_A_STORE',
    `${path}: not a mikata corpus: an SQLite database of another application${tables.length ? ` (tables: ${list}${tables.length > 5 ? ', …' : ''})` : ''}; it was left unchanged`,
  );
}

function prepare(db: Database.Database, path: string, busyTimeoutMs: number): void {
  // Switching to WAL needs a moment alone with the file; another process opening it at the same time
  // makes it fail with SQLITE_BUSY at once rather than wait, hence the loop.
  const until = Date.now() + busyTimeoutMs;
  for (;;) {
    try {
      const mode = db.pragma('journal_mode', { simple: true });
      if (mode !== 'wal' && path !== ':memory:') db.pragma('journal_mode = WAL');
      break;
    } catch (e) {
      if ((e as { code?: string }).code !== 'SQLITE_BUSY' || Date.now() > until) throw e;
      sleep(20);
    }
  }
  db.pragma('foreign_keys = ON');
  // NORMAL is durable across a crashed process in WAL mode; only a power cut can lose the last commits.
  db.pragma('synchronous = NORMAL');
  db.pragma('cache_size = -65536');
  db.pragma('temp_store = MEMORY');
}

function migrate(db: Database.Database, path: string): void {
  if ((db.pragma('user_version', { simple: true }) as number) >= STORE_SCHEMA_VERSION) return;
  db.exec('BEGIN IMMEDIATE');
  try {
    // Another process may have migrated while we waited for the lock.
    const current = db.pragma('user_version', { simple: true }) as number;
    if (current > STORE_SCHEMA_VERSION) throw new StoreError('E_NEWER_STORE', `${path}: this corpus was written by a newer mikata`);
    if (current === 0) inspect(db, path);
    for (const m of migrations) {
      if (m.version <= current) continue;
      for (const statement of m.sql('sqlite')) db.exec(statement);
      db.prepare("INSERT INTO mikata_meta (key, value) VALUES ('schema', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(String(m.version));
      db.pragma(`user_version = ${m.version}`);
    }
    db.pragma(`application_id = ${SQLITE_APPLICATION_ID}`);
    db.exec('COMMIT');
  } catch (e) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw e;
  }
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Database errors as StoreErrors naming the file; programmer errors (bad SQL) pass through. */
function translate(e: unknown, path: string, doing: string): unknown {
  if (e instanceof StoreError) return e;
  const code = (e as { code?: string }).code ?? '';
  const message = (e as Error).message ?? String(e);
  if (code === 'SQLITE_NOTADB') return new StoreError('E_NOT_A_STORE', `${path}: not a mikata corpus: the file is not an SQLite database; it was left unchanged`, { cause: e });
  if (code.startsWith('SQLITE_CORRUPT')) return new StoreError('E_CORRUPT', `${path}: the corpus database is damaged (${message}); restore it from a copy or an export`, { cause: e });
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return new StoreError('E_STORE', `${path}: the corpus is busy: another process held it too long (${message})`, { cause: e });
  if (code.startsWith('SQLITE_READONLY')) return new StoreError('E_STORE', `${path}: the corpus is read-only (${message})`, { cause: e });
  if (code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_IOERR') || code === 'SQLITE_FULL' || code.startsWith('SQLITE_PERM')) {
    return new StoreError('E_STORE', `${path}: ${doing}: ${message}`, { cause: e });
  }
  return e;
}

class SqliteConnection implements SqlConnection {
  readonly dialect = 'sqlite' as const;
  private readonly db: Database.Database;
  private readonly path: string;
  private readonly statements = new Map<string, Database.Statement>();
  /** Writers in this process queue here; other processes wait on the file lock. */
  private queue: Promise<unknown> = Promise.resolve();

  private readonly busyTimeoutMs: number;
  private readonly readonly: boolean;

  constructor(db: Database.Database, path: string, busyTimeoutMs: number, readonly: boolean) {
    this.db = db;
    this.path = path;
    this.busyTimeoutMs = busyTimeoutMs;
    this.readonly = readonly;
  }

  /** BEGIN IMMEDIATE, waiting (without blocking the thread) while another connection writes. */
  private async begin(): Promise<void> {
    const deadline = Date.now() + this.busyTimeoutMs;
    for (;;) {
      try {
        this.db.exec('BEGIN IMMEDIATE');
        return;
      } catch (e) {
        const code = (e as { code?: string }).code ?? '';
        if (!code.startsWith('SQLITE_BUSY') || Date.now() > deadline) throw translate(e, this.path, 'cannot write');
        await new Promise((r) => setTimeout(r, 5 + Math.random() * 25));
      }
    }
  }

  private statement(sql: string): Database.Statement {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.statements.set(sql, s);
    }
    return s;
  }

  private guard<T>(fn: () => T): T {
    try {
      return fn();
    } catch (e) {
      throw translate(e, this.path, 'database error');
    }
  }

  async all<T = Row>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    return this.guard(() => this.statement(sql).all(...params) as T[]);
  }

  async get<T = Row>(sql: string, params: readonly unknown[] = []): Promise<T | undefined> {
    return this.guard(() => {
      const s = this.statement(sql);
      return (s.reader ? s.get(...params) : (s.all(...params)[0] as T | undefined)) as T | undefined;
    });
  }

  async run(sql: string, params: readonly unknown[] = []): Promise<number> {
    return this.guard(() => this.statement(sql).run(...params).changes);
  }

  async insertMany(table: string, columns: readonly string[], rows: readonly (readonly unknown[])[]): Promise<void> {
    if (rows.length === 0) return;
    const s = this.statement(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${marks(columns.length)})`);
    this.guard(() => {
      for (const r of rows) s.run(...r);
    });
  }

  write<T>(fn: (tx: SqlDriver) => Promise<T>): Promise<T> {
    const next = this.queue.then(async () => {
      await this.begin();
      try {
        const result = await fn(this);
        this.guard(() => this.db.exec('COMMIT'));
        return result;
      } catch (e) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw e;
      }
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  async close(): Promise<void> {
    await this.queue;
    if (this.db.open) {
      // Fold the WAL back into the file so that a copied corpus is one file (a reader leaves it alone).
      if (!this.readonly) {
        try {
          this.db.pragma('wal_checkpoint(TRUNCATE)');
        } catch {
          // Another process is reading; it will checkpoint later.
        }
      }
      this.db.close();
    }
  }
}

const sqliteSearch = (rankCap: number): SearchIndex => ({
  async add(tx: SqlDriver, doc: number, text: string): Promise<void> {
    await tx.run('INSERT INTO documents_fts (rowid, tokens) VALUES (?, ?)', [doc, ftsTokens(searchNormalize(text))]);
  },

  async remove(tx: SqlDriver, doc: number): Promise<number> {
    // The table is contentless with contentless_delete, so a row goes by its rowid alone.
    return tx.run('DELETE FROM documents_fts WHERE rowid = ?', [doc]);
  },

  async search(db: SqlDriver, terms: readonly QueryTerm[], filters: SearchFilters, limit: number, offset: number): Promise<SearchCandidates> {
    if (terms.length === 0) return { total: 0, hits: [] };
    // The full-text match runs alone, materialised, and the filters apply to its rows: FTS5 in SQLite 3.53
    // ignores a rowid constraint (rowid = ?, rowid IN (?)) that comes with MATCH and returns every match.
    const where: string[] = [];
    const params: unknown[] = [ftsQuery(terms)];
    // Dates through the narrow (date_lo, date_hi) index, not by visiting each wide document row.
    if (filters.from || filters.to) {
      const dates: string[] = [];
      if (filters.to) { dates.push('date_lo <= ?'); params.push(filters.to); }
      if (filters.from) { dates.push('date_hi >= ?'); params.push(filters.from); }
      where.push(`h.doc IN (SELECT id FROM documents WHERE ${dates.join(' AND ')})`);
    }
    if (filters.documents) {
      const ids = filters.documents.length ? filters.documents : [-1];
      where.push(`h.doc IN (${marks(ids.length)})`);
      params.push(...ids);
    }
    if (filters.speaker !== undefined) {
      where.push("h.doc IN (SELECT doc FROM claim_speakers WHERE identity = ? AND role = 'speaker')");
      params.push(filters.speaker);
    }
    const filtered = where.length > 0;
    const hits = (cap: boolean) => `WITH hits AS MATERIALIZED (SELECT rowid AS doc, %SCORE% AS score FROM documents_fts WHERE documents_fts MATCH ?${cap ? ` ORDER BY rowid DESC LIMIT ${rankCap}` : ''})
      SELECT %COLUMNS% FROM hits h ${filtered ? `WHERE ${where.join(' AND ')}` : ''}`;
    const count = await db.get<Row>(hits(false).replace('%SCORE%', '0').replace('%COLUMNS%', 'count(*) AS n'), params);
    const total = Number(count?.n ?? 0);
    const capped = !filtered && total > rankCap;
    const rows = await db.all<Row>(
      `${hits(capped).replace('%SCORE%', 'bm25(documents_fts)').replace('%COLUMNS%', 'h.doc AS doc, h.score AS score')} ORDER BY h.score, h.doc LIMIT ? OFFSET ?`,
      [...params, limit, offset],
    );
    // bm25() is lower for better matches; report higher-is-better.
    return { total, hits: rows.map((r) => ({ doc: Number(r.doc), score: -Number(r.score) })), ...(capped ? { rankedWithin: rankCap } : {}) };
  },
});
