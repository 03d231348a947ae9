/**
 * Reliability of the SQLite corpus under real processes: an ingest killed with SIGKILL halfway leaves a
 * consistent corpus that the next ingest completes; two ingests at once neither corrupt nor duplicate.
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unpackJson } from '../../src/store/sql-store.ts';
import { writeCommentaries } from './_generate.ts';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const dir = mkdtempSync(join(tmpdir(), 'mikata-reliability-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function ingest(args: string[]): { child: ChildProcess; done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> } {
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'src/cli/main.ts'), 'ingest', ...args], {
    cwd: root,
    env: { ...process.env, MIKATA_DATABASE_URL: '', MIKATA_DB: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => { stdout += d; });
  child.stderr!.on('data', (d) => { stderr += d; });
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((ok) => {
    child.on('exit', (code, signal) => ok({ code, signal, stdout, stderr }));
  });
  return { child, done };
}

/** Documents committed so far (a reader never waits for the writer in WAL mode). */
function committed(db: string): number {
  try {
    const conn = new Database(db, { readonly: true, fileMustExist: true });
    try {
      return (conn.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n;
    } finally {
      conn.close();
    }
  } catch {
    return 0;
  }
}

/** Checks that the corpus is whole: SQLite's own check, and every document with all its derived rows. */
function assertConsistent(db: string): { documents: number } {
  const conn = new Database(db, { readonly: true, fileMustExist: true });
  try {
    assert.equal(conn.pragma('integrity_check', { simple: true }), 'ok');
    assert.deepEqual(conn.pragma('foreign_key_check'), []);
    const documents = (conn.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n;
    const hashes = (conn.prepare('SELECT count(DISTINCT hash) AS n FROM documents').get() as { n: number }).n;
    assert.equal(hashes, documents, 'no document twice');
    const indexed = (conn.prepare("SELECT count(*) AS n FROM documents_fts WHERE documents_fts MATCH '\"安全\"'").get() as { n: number }).n;
    assert.equal(indexed, documents, 'every document is in the search index');
    // Every person of every stored analysis has its row, linked to an identity.
    for (const row of conn.prepare('SELECT doc AS id, analysis FROM document_bodies').all() as { id: number; analysis: Buffer }[]) {
      const people = unpackJson<{ people: unknown[] }>(row.analysis).people.length;
      const stored = (conn.prepare('SELECT count(*) AS n, count(identity) AS linked FROM people WHERE doc = ?').get(row.id) as { n: number; linked: number });
      assert.deepEqual(stored, { n: people, linked: people }, `document ${row.id}`);
    }
    // One identity per full name: two writers must not each make their own.
    const twins = conn.prepare(`SELECT f.key, count(DISTINCT f.identity) AS n FROM identity_forms f JOIN identities i ON i.id = f.identity
      WHERE i.merged_into IS NULL AND f.key = (SELECT min(g.key) FROM identity_forms g WHERE g.identity = f.identity AND length(g.key) = (SELECT max(length(h.key)) FROM identity_forms h WHERE h.identity = f.identity))
      GROUP BY f.key HAVING n > 1`).all();
    assert.deepEqual(twins, [], 'no identity made twice');
    return { documents };
  } finally {
    conn.close();
  }
}

describe('SQLite corpus under real processes', () => {
  it('an ingest killed with SIGKILL halfway leaves a consistent corpus; the next ingest completes it', async () => {
    const docs = join(dir, 'killed-docs');
    const files = writeCommentaries(docs, 600);
    const db = join(dir, 'killed.db');
    const run = ingest([docs, '--db', db, '--batch', '8']);
    // Kill it once some batches are in, well before the end.
    const deadline = Date.now() + 60_000;
    let seen = 0;
    while (Date.now() < deadline) {
      seen = committed(db);
      if (seen >= 40) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    run.child.kill('SIGKILL');
    const killed = await run.done;
    assert.equal(killed.signal, 'SIGKILL', `the ingest ended on its own: ${killed.stdout}${killed.stderr}`);
    const partial = assertConsistent(db);
    assert.ok(partial.documents >= 40 && partial.documents < files.length, `${partial.documents} documents after the kill`);
    assert.equal(partial.documents % 8, 0, 'whole batches only: a batch is one transaction');

    const rest = await ingest([docs, '--db', db]).done;
    assert.equal(rest.code, 0, rest.stderr);
    assert.match(rest.stdout, new RegExp(`added ${files.length - partial.documents}, unchanged ${partial.documents}, failed 0`));
    assert.equal(assertConsistent(db).documents, files.length);
  });

  it('two ingests at once neither corrupt nor duplicate', async () => {
    const docs = join(dir, 'twin-docs');
    const files = writeCommentaries(docs, 300);
    const db = join(dir, 'twins.db');
    const [a, b] = await Promise.all([ingest([docs, '--db', db, '--batch', '8', '--format', 'json']).done, ingest([docs, '--db', db, '--batch', '5', '--format', 'json']).done]);
    assert.equal(a.code, 0, a.stderr);
    assert.equal(b.code, 0, b.stderr);
    const ra = JSON.parse(a.stdout) as { added: unknown[]; unchanged: unknown[]; failed: unknown[] };
    const rb = JSON.parse(b.stdout) as { added: unknown[]; unchanged: unknown[]; failed: unknown[] };
    assert.equal(ra.failed.length + rb.failed.length, 0);
    if (process.env.MIKATA_TEST_VERBOSE) console.log('added by each:', ra.added.length, rb.added.length);
    assert.equal(ra.added.length + rb.added.length, files.length, 'each document added by exactly one of them');
    assert.equal(ra.added.length + ra.unchanged.length, files.length);
    assert.equal(rb.added.length + rb.unchanged.length, files.length);
    assert.equal(assertConsistent(db).documents, files.length);
  });
});
