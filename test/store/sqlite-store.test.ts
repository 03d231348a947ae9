/**
 * Opening an SQLite corpus: what is refused (and left byte for byte as it was), what is created, and how.
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SQLITE_APPLICATION_ID, STORE_SCHEMA_VERSION } from '../../src/store/migrations.ts';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { StoreError, type StoreErrorCode } from '../../src/store/store.ts';

const dir = mkdtempSync(join(tmpdir(), 'mikata-sqlite-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const fresh = (name = 'corpus.db') => join(dir, `${++n}-${name}`);

async function refused(path: string, code: StoreErrorCode, pattern: RegExp, create = true): Promise<void> {
  const before = existsSync(path) ? readFileSync(path) : null;
  await assert.rejects(openSqliteStore(path, { create }), (e: unknown) => {
    assert.ok(e instanceof StoreError, String(e));
    assert.equal(e.code, code);
    assert.match(e.message, pattern);
    assert.ok(!e.message.includes('\n'), 'one line');
    assert.ok(e.message.includes(path), 'names the file');
    return true;
  });
  if (before) assert.deepEqual(readFileSync(path), before, 'the file is left as it was');
  else assert.equal(existsSync(path), false, 'no file is created');
  assert.equal(existsSync(`${path}-wal`), false, 'no WAL is left beside it');
}

describe('opening an SQLite corpus', () => {
  it('creates a new corpus in WAL mode with our application id and schema version', async () => {
    const path = fresh();
    const store = await openSqliteStore(path, { create: true });
    assert.equal(await store.countDocuments(), 0);
    await store.close();
    const db = new Database(path, { readonly: true });
    assert.equal(db.pragma('application_id', { simple: true }), SQLITE_APPLICATION_ID);
    assert.equal(db.pragma('user_version', { simple: true }), STORE_SCHEMA_VERSION);
    assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
    assert.equal((db.prepare("SELECT value FROM mikata_meta WHERE key = 'schema'").get() as { value: string }).value, String(STORE_SCHEMA_VERSION));
    db.close();
    // Opens again, also without create.
    const again = await openSqliteStore(path, { create: false });
    assert.equal(await again.countDocuments(), 0);
    await again.close();
  });

  it('refuses an empty (0-byte) file as not a corpus, for reading and for writing, and leaves it empty', async () => {
    const path = fresh();
    writeFileSync(path, '');
    await refused(path, 'E_NOT_A_STORE', /the file is empty \(0 bytes\)/, true);
    await refused(path, 'E_NOT_A_STORE', /the file is empty \(0 bytes\)/, false);
    await assert.rejects(openSqliteStore(path, { readonly: true }), (e: unknown) => e instanceof StoreError && e.code === 'E_NOT_A_STORE');
    assert.equal(readFileSync(path).length, 0);
  });

  it('refuses a missing corpus when not asked to create one, and creates nothing', async () => {
    await refused(fresh(), 'E_NO_STORE', /no corpus here/, false);
  });

  it('refuses a folder that does not exist', async () => {
    await refused(join(dir, 'no', 'such', 'corpus.db'), 'E_NO_STORE', /folder .* does not exist/);
  });

  it('refuses a folder given as the corpus', async () => {
    const path = fresh('folder.db');
    mkdirSync(path);
    await assert.rejects(openSqliteStore(path, { create: true }), (e: unknown) => e instanceof StoreError && e.code === 'E_NOT_A_STORE' && /is a directory/.test(e.message));
  });

  const corrupt: { name: string; bytes: Buffer }[] = [
    { name: 'random bytes', bytes: Buffer.from(Array.from({ length: 8192 }, (_, i) => (i * 7919 + 13) % 256)) },
    { name: 'a text file', bytes: Buffer.from('これはデータベースではない。\n'.repeat(300)) },
    { name: 'a few bytes', bytes: Buffer.from('SQLite') },
    { name: 'a PDF', bytes: Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< >>\nendobj\n%%EOF\n') },
  ];
  for (const c of corrupt) {
    it(`refuses ${c.name} and leaves it unchanged`, async () => {
      const path = fresh();
      writeFileSync(path, c.bytes);
      await refused(path, 'E_NOT_A_STORE', /not a mikata corpus: the file is not an SQLite database/);
      await refused(path, 'E_NOT_A_STORE', /not an SQLite database/, false);
    });
  }

  it('refuses the SQLite database of another application and leaves it unchanged', async () => {
    const path = fresh('notes.sqlite');
    const db = new Database(path);
    db.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('keep me')");
    db.close();
    await refused(path, 'E_NOT_A_STORE', /another application \(tables: notes\)/);
  });

  it('refuses a database that only sets another application id', async () => {
    const path = fresh();
    const db = new Database(path);
    db.pragma('application_id = 1234');
    db.close();
    await refused(path, 'E_NOT_A_STORE', /another application/);
  });

  it('refuses a corpus written by a newer mikata and leaves it unchanged', async () => {
    const path = fresh();
    await (await openSqliteStore(path, { create: true })).close();
    const db = new Database(path);
    db.pragma(`user_version = ${STORE_SCHEMA_VERSION + 1}`);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    rmSync(`${path}-wal`, { force: true });
    rmSync(`${path}-shm`, { force: true });
    await refused(path, 'E_NEWER_STORE', new RegExp(`newer mikata \\(store schema ${STORE_SCHEMA_VERSION + 1}; this version reads up to ${STORE_SCHEMA_VERSION}\\)`));
  });

  it('reports a damaged corpus in one line, without changing it', async () => {
    const path = fresh();
    const store = await openSqliteStore(path, { create: true });
    await store.write(async (w) => {
      for (let i = 0; i < 40; i++) await w.setMeta(`filler-${i}`, 'x'.repeat(2000));
    });
    await store.close();
    const bytes = readFileSync(path);
    // Keep the header page, scribble over the rest.
    const damaged = Buffer.concat([bytes.subarray(0, 4096), Buffer.alloc(bytes.length - 4096, 0x5a)]);
    writeFileSync(path, damaged);
    let error: unknown;
    try {
      const s = await openSqliteStore(path, { create: false });
      try {
        await s.loadIdentities();
        await s.getMeta('filler-39');
        await s.countDocuments();
      } finally {
        await s.close().catch(() => undefined);
      }
    } catch (e) {
      error = e;
    }
    assert.ok(error instanceof StoreError, `expected a StoreError, got ${String(error)}`);
    assert.ok(['E_CORRUPT', 'E_NOT_A_STORE'].includes(error.code), error.code);
    assert.match(error.message, /damaged|not a mikata corpus/);
    assert.deepEqual(readFileSync(path), damaged);
  });
});
