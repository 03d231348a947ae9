/**
 * The corpus commands against bad input and bad corpora (issue 14): an empty --db file, a damaged one, one
 * of an older schema, one document that cannot be read back; read commands that change nothing; honest
 * exit codes; deletion; query and date checks; an import whose text does not match its hash; a new
 * version of a file ingested again.
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrations, SQLITE_APPLICATION_ID, STORE_SCHEMA_VERSION } from '../../src/store/migrations.ts';
import { EN_CORRIDOR, JA_BLACK_SEA, type DocSpec } from '../store/_fixtures.ts';
import { cliIn } from '../cli/_run.ts';
import { fixtureCorpusAt } from './_fixture-corpus.ts';
import { commentary } from './_generate.ts';

const dir = mkdtempSync(join(tmpdir(), 'mikata-hardening-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

const run = cliIn(dir);

/** A corpus file with the fixture documents, built through the API with hand-made analyses. */
const fixtureCorpus = (docs?: readonly DocSpec[]): Promise<string> => fixtureCorpusAt(join(dir, `fixture-${++n}.db`), docs);

/** Runs SQL on a corpus file directly (to play damage or an older mikata), leaving no WAL beside it. */
function onFile(path: string, fn: (db: Database.Database) => void): void {
  const db = new Database(path);
  fn(db);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}

const snapshot = (path: string) => ({ bytes: readFileSync(path), wal: existsSync(`${path}-wal`) });

describe('a --db file that is no corpus, or a damaged one', () => {
  it('an empty (0-byte) file is "not a corpus" for every command, and stays empty', async () => {
    const db = join(dir, `empty-${++n}.db`);
    writeFileSync(db, '');
    const doc = join(dir, `doc-${n}.txt`);
    writeFileSync(doc, commentary(1));
    for (const args of [['experts'], ['search', '黒海'], ['timeline'], ['identities'], ['correct', 'history'], ['ingest', doc], ['merge', 'e1', 'e2'], ['reanalyze'], ['delete', 'abcd'], ['migrate'], ['export-corpus', 'out.jsonl']]) {
      const r = await run([...args, '--db', db]);
      assert.equal(r.code, 3, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, /empty-\d+\.db: not a mikata corpus: the file is empty \(0 bytes\); it was left unchanged/, args.join(' '));
      assert.equal(readFileSync(db).length, 0, args.join(' '));
    }
  });

  it('merge and ingest into a damaged corpus exit non-zero and change nothing', async () => {
    const db = await fixtureCorpus();
    // Scribble over the page of a table that merge does not touch: only a check before writing sees it.
    onFile(db, (conn) => {
      conn.pragma('journal_mode = DELETE');
    });
    const conn = new Database(db, { readonly: true });
    const page = (conn.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'date_mentions'").get() as { rootpage: number }).rootpage;
    const size = conn.pragma('page_size', { simple: true }) as number;
    conn.close();
    const bytes = readFileSync(db);
    bytes.fill(0xa5, (page - 1) * size + 8, page * size);
    writeFileSync(db, bytes);
    const before = snapshot(db);
    const doc = join(dir, `doc-${++n}.txt`);
    writeFileSync(doc, commentary(2));
    for (const args of [['merge', 'e1', 'e2', '--by', 'kato'], ['ingest', doc], ['correct', 'reject', JA_BLACK_SEA.name, 'a1']]) {
      const r = await run([...args, '--db', db]);
      assert.equal(r.code, 3, `${args.join(' ')}: ${r.stdout}${r.stderr}`);
      assert.match(r.stderr, /the corpus database is damaged \(.+\); nothing was written; restore it from a copy or an export/);
      assert.deepEqual(snapshot(db), before, 'the file is left as it was');
    }
  });

  it('a corpus of an older schema is read by no reading command until mikata migrate upgrades it', async () => {
    const db = join(dir, `old-${++n}.db`);
    const conn = new Database(db);
    for (const statement of migrations[0]!.sql('sqlite')) conn.exec(statement);
    conn.pragma(`application_id = ${SQLITE_APPLICATION_ID}`);
    conn.pragma('user_version = 1');
    conn.close();
    const before = snapshot(db);
    for (const args of [['experts'], ['search', '黒海'], ['correct', 'history'], ['export-corpus', '-']]) {
      const r = await run([...args, '--db', db]);
      assert.equal(r.code, 3, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, new RegExp(`written by an older mikata \\(store schema 1; this version reads ${STORE_SCHEMA_VERSION}\\); upgrade it once with mikata migrate --db .*old-\\d+\\.db`));
      assert.deepEqual(snapshot(db), before, `${args.join(' ')} left the file as it was`);
    }
    const m = await run(['migrate', '--db', db]);
    assert.equal(m.code, 0, m.stderr);
    assert.match(m.stdout, new RegExp(`store schema ${STORE_SCHEMA_VERSION}, up to date`));
    assert.equal((await run(['experts', '--db', db])).code, 0);
  });
});

describe('reading commands change nothing', () => {
  it('open the corpus read-only: no switch to WAL, no WAL file, the same bytes', async () => {
    const db = await fixtureCorpus();
    onFile(db, (conn) => { conn.pragma('journal_mode = DELETE'); });
    const before = snapshot(db);
    const doc = JA_BLACK_SEA.name;
    for (const args of [['experts'], ['expert', 'Taras Bondarenko'], ['search', '黒海'], ['timeline'], ['identities', '--pending'], ['correct', 'list', doc], ['correct', 'history'], ['export-corpus', `ro-${n}.jsonl`]]) {
      const r = await run([...args, '--db', db]);
      assert.equal(r.code, 0, `${args.join(' ')}: ${r.stderr}`);
      assert.deepEqual(snapshot(db), before, `${args.join(' ')} left the file as it was`);
    }
    const conn = new Database(db, { readonly: true });
    assert.equal(conn.pragma('journal_mode', { simple: true }), 'delete');
    conn.close();
  });
});

describe('one document that cannot be read back', () => {
  it('is named by export and correct list (not "cannot write"), and reanalyze rebuilds it', async () => {
    const db = await fixtureCorpus();
    const id = (await run(['search', '保険料', '--db', db, '--format', 'json'])).stdout.match(/"id": "([0-9a-f]{12})"/)![1]!;
    onFile(db, (conn) => { conn.prepare("UPDATE document_bodies SET analysis = X'00ff00ff12345678' WHERE doc = (SELECT id FROM documents WHERE ref = ?)").run(id); });
    const out = `broken-${++n}.jsonl`;
    const ex = await run(['export-corpus', out, '--db', db]);
    assert.equal(ex.code, 3, ex.stderr);
    assert.match(ex.stderr, new RegExp(`document ${id} \\(black-sea-ja\\.txt\\): its stored analysis cannot be read back .*rebuild it with mikata reanalyze, or remove it with mikata delete ${id}; nothing was written to ${out}`));
    assert.doesNotMatch(ex.stderr, /cannot write|internal error/);
    assert.equal(existsSync(join(dir, out)), false);
    assert.equal(existsSync(join(dir, `${out}.partial`)), false);
    const list = await run(['correct', 'list', id, '--db', db]);
    assert.equal(list.code, 3);
    assert.match(list.stderr, new RegExp(`document ${id} \\(black-sea-ja\\.txt\\): its stored analysis cannot be read back`));
    // The other documents still read.
    assert.equal((await run(['correct', 'list', EN_CORRIDOR.name, '--db', db])).code, 0);

    const re = await run(['reanalyze', '--db', db]);
    assert.equal(re.code, 0, re.stdout + re.stderr);
    assert.match(re.stdout, /^reanalysed 3 documents;/);
    const again = await run(['export-corpus', out, '--db', db]);
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stderr, /exported 3 documents/);
  });
});

describe('honest exit codes', () => {
  it('reanalyze exits non-zero when documents failed, and counts what it stored', async () => {
    const db = await fixtureCorpus();
    // Every write of an analysis fails, as on a corpus that cannot be written.
    onFile(db, (conn) => {
      conn.exec("CREATE TRIGGER refuse_bodies BEFORE UPDATE ON document_bodies WHEN new.doc <> 3 BEGIN SELECT RAISE(ABORT, 'attempt to write a readonly database'); END");
    });
    const r = await run(['reanalyze', '--db', db]);
    assert.equal(r.code, 6, r.stdout + r.stderr);
    assert.match(r.stdout, /^reanalysed 1 of 3 documents; .*; 2 failed\n/);
    assert.match(r.stdout, /failed: [0-9a-f]{12} black-sea-ja\.txt: could not store the new analysis: .*readonly database/);
    assert.match(r.stderr, /2 of 3 documents could not be reanalysed \(listed above\); the others were/);
  });
});

describe('mikata delete', () => {
  it('removes a document and says what went; the search index no longer finds it', async () => {
    const db = await fixtureCorpus();
    assert.equal((await run(['correct', 'reject', JA_BLACK_SEA.name, 'a2', '--db', db])).code, 0);
    const r = await run(['delete', JA_BLACK_SEA.name, '--db', db]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^deleted 黒海の航行の自由をめぐる議論, 2024-03-15 \[[0-9a-f]{12}\] — black-sea-ja\.txt: its text and analysis, 3 claims, 2 people, 3 dated mentions, 1 search index row\n/);
    assert.match(r.stdout, /1 correction kept in the record \(mikata correct history\); they apply again if the same text is added back\n/);
    assert.match((await run(['search', '保険料', '--db', db])).stdout, /^0 documents match/);
    assert.match((await run(['search', 'insurance', '--db', db])).stdout, /^1 document match/);
    const missing = await run(['delete', JA_BLACK_SEA.name, '--db', db]);
    assert.equal(missing.code, 4);
    assert.match(missing.stderr, /no document "black-sea-ja\.txt" in the corpus/);
  });
});

describe('search words and dates', () => {
  it('merges repeated words, refuses hundreds of them with a clear message, and refuses impossible dates', async () => {
    const db = await fixtureCorpus();
    const dup = await run(['search', '黒海', '黒海', '黒海', '--db', db, '--format', 'json']);
    assert.equal(dup.code, 0, dup.stderr);
    assert.equal((JSON.parse(dup.stdout) as { terms: unknown[] }).terms.length, 1);
    const words = Array.from({ length: 400 }, (_, i) => `語${i}`);
    const started = Date.now();
    const many = await run(['search', ...words, '--db', db]);
    assert.equal(many.code, 2, many.stderr);
    assert.match(many.stderr, /the query has 400 different words; at most 32 are searched at once/);
    assert.ok(Date.now() - started < 5000, 'refused at once');
    const long = await run(['search', 'x'.repeat(100_000), '--db', db]);
    assert.equal(long.code, 2);
    assert.match(long.stderr, /the query is 100,000 characters long; at most 2,000 are searched/);
    for (const [flag, value, why] of [['--from', '2024-13-45', 'no month 13'], ['--to', '2023-02-29', '2023-02 has 28 days'], ['--from', '2024-04-31', '2024-04 has 30 days']] as const) {
      const bad = await run(['search', '黒海', flag, value, '--db', db]);
      assert.equal(bad.code, 2, `${flag} ${value}`);
      assert.match(bad.stderr, new RegExp(`${flag}: "${value}" is not a date: there is ${why.startsWith('no') ? why : ''}|${why}`));
      assert.equal((await run(['timeline', flag, value, '--db', db])).code, 2);
    }
    assert.equal((await run(['search', '黒海', '--from', '2024-02-29', '--db', db])).code, 0);
  });
});

describe('import-corpus checks each text against its hash', () => {
  it('refuses an export whose document text was changed, naming the document, and keeps no half corpus', async () => {
    const db = await fixtureCorpus();
    const file = `tampered-${++n}.jsonl`;
    assert.equal((await run(['export-corpus', file, '--db', db])).code, 0);
    const lines = readFileSync(join(dir, file), 'utf8').split('\n');
    const at = lines.findIndex((l) => l.includes('"name":"drones-ja.txt"'));
    lines[at] = lines[at]!.replace('無人艇の量産', '無人機の量産');
    writeFileSync(join(dir, file), lines.join('\n'));
    const target = `tampered-${n}.db`;
    const r = await run(['import-corpus', file, '--db', target]);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, new RegExp(`${file}:${at + 1}: document [0-9a-f]{12} \\(drones-ja\\.txt\\): its text does not match its hash .*nothing was imported \\(.*${target} was not kept\\)`));
    assert.equal(existsSync(join(dir, target)), false);
  });
});

describe('a file ingested again with edited text', () => {
  it('is a new version: its corrections carried over, the old version not counted twice', async () => {
    const file = join(dir, `note-${++n}.txt`);
    const db = join(dir, `versions-${n}.db`);
    writeFileSync(file, commentary(5));
    assert.equal((await run(['ingest', file, '--db', db])).code, 0);
    const list = JSON.parse((await run(['correct', 'list', file, '--db', db, '--format', 'json'])).stdout) as { attributions: { id: string }[] };
    assert.ok(list.attributions.length >= 2, 'the note has claims');
    assert.equal((await run(['correct', 'reject', file, list.attributions[0]!.id, '--db', db])).code, 0);
    const count = async () => {
      const { people } = JSON.parse((await run(['experts', '--db', db, '--format', 'json'])).stdout) as { people: { claims: number }[] };
      return people.reduce((sum, p) => sum + p.claims, 0);
    };
    const before = await count();
    assert.ok(before > 0);
    writeFileSync(file, commentary(5).replace('各国の専門家の見方を整理する。', '各国の専門家の見方を整理し、最新の動向を加える。'));
    const again = await run(['ingest', file, '--db', db]);
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stdout, /^added 1, unchanged 0, failed 0/);
    assert.match(again.stdout, /new versions .*:\n  .*note-\d+\.txt \[[0-9a-f]{12}\] supersedes [0-9a-f]{12} \(same file name .*, \d+% of the text in common\); 1 correction carried over, 0 no longer anchor\n/);
    assert.equal(await count(), before, 'no claim counted twice');
    const history = await run(['correct', 'history', file, '--db', db]);
    assert.match(history.stdout, /^c1 +reject .*\n.*applied\n$/);
  });
});
