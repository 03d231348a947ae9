/**
 * A corpus moves SQLite → PostgreSQL → SQLite without loss, through the CLI's export-corpus and
 * import-corpus: the exports match line for line (but the export time), and every listing answers the
 * same. Needs MIKATA_TEST_DATABASE_URL; on CI its absence is a failure.
 */
import { after, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { runCli } from '../../src/cli/main.ts';
import type { CommandIO } from '../../src/cli/io.ts';
import { Corpus } from '../../src/store/corpus.ts';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { postgresRequired, postgresUrl } from './_backends.ts';
import { ALL_DOCS, fixedClock, fixtureAnalyzer, JA_BLACK_SEA, makeAnalysis, sourceOf } from './_fixtures.ts';

/** A search result without scores, its hits in document order. */
function unranked(json: string): unknown {
  const r = JSON.parse(json) as { hits: { score?: number; document: { id: string } }[] };
  return { ...r, hits: r.hits.map(({ score: _, ...h }) => h).sort((a, b) => a.document.id.localeCompare(b.document.id)) };
}

if (!postgresUrl && postgresRequired) {
  it('SQLite → PostgreSQL → SQLite: MIKATA_TEST_DATABASE_URL must be set on CI (run .ci/postgres.sh)', () => {
    assert.fail('MIKATA_TEST_DATABASE_URL is not set');
  });
}

if (postgresUrl) {
  const url = postgresUrl;
  const dir = mkdtempSync(join(tmpdir(), 'mikata-roundtrip-'));
  const schema = `mikata_roundtrip_${process.pid}_${Date.now().toString(36)}`;
  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  after(async () => {
    rmSync(dir, { recursive: true, force: true });
    await admin(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  });

  const run = async (args: string[], env: Record<string, string> = {}) => {
    let stdout = '';
    let stderr = '';
    const io: CommandIO = { stdout: (s) => { stdout += s; }, stderr: (s) => { stderr += s; }, isTTY: false, env: { USER: 'tester', ...env }, cwd: dir };
    const code = await runCli(args, io);
    return { code, stdout, stderr };
  };

  it('SQLite → PostgreSQL → SQLite keeps documents, identities, decisions and corrections', async () => {
    await admin(`CREATE SCHEMA ${schema}`);
    const pgEnv = { MIKATA_DATABASE_URL: url, MIKATA_DATABASE_SCHEMA: schema };
    const source = join(dir, 'source.db');
    const corpus = new Corpus(await openSqliteStore(source, { create: true }), { now: fixedClock(), analyzer: fixtureAnalyzer(ALL_DOCS) });
    await corpus.addSources(ALL_DOCS.map((d) => ({ ...sourceOf(d), analysis: makeAnalysis(d) })));
    const [proposal] = await corpus.proposals();
    await corpus.merge(proposal!.a.id, proposal!.b.id, { by: 'kato', why: 'same person' });
    const bondarenko = (await corpus.expert('Taras Bondarenko')).person.id;
    await corpus.split(bondarenko, ['Тарас Бондаренко'], { by: 'sato', why: 'check' });
    await corpus.correct({ document: JA_BLACK_SEA.name, action: 'reject', attribution: 'a2', by: 'kato', why: 'editor' });
    await corpus.correct({ document: JA_BLACK_SEA.name, action: 'add', contentQuote: '黒海の海上交通は大きく変化した', speakers: ['Oksana Melnyk'], by: 'kato' });
    const book = corpus.achBook();
    await book.create({ title: '変化は漸進的か急激か', by: 'kato' });
    await book.addHypothesis('m1', 'gradual');
    await book.addHypothesis('m1', 'abrupt');
    await book.addEvidence('m1', { document: JA_BLACK_SEA.name, claim: 'a1' });
    await book.addEvidence('m1', { text: 'exercises grew' }, { weight: 0.5 });
    await book.rate('m1', 'ev1', 'h2', 'II', 'kato');
    await book.rate('m1', 'ev2', 'h1', 'I', 'sato');
    await book.reorder('m1', ['h2', 'h1']);
    await corpus.close();

    const steps: [string[], Record<string, string>][] = [
      [['export-corpus', 'a.jsonl', '--db', source], {}],
      [['import-corpus', 'a.jsonl'], pgEnv],
      [['export-corpus', 'b.jsonl'], pgEnv],
      [['import-corpus', 'b.jsonl', '--db', 'back.db'], {}],
      [['export-corpus', 'c.jsonl', '--db', 'back.db'], {}],
    ];
    for (const [args, env] of steps) {
      const r = await run(args, env);
      assert.equal(r.code, 0, `${args.join(' ')}: ${r.stderr}`);
    }
    const read = (f: string) => readFileSync(join(dir, f), 'utf8').replace(/"exportedAt":"[^"]*"/, '');
    const a = read('a.jsonl');
    assert.equal(read('b.jsonl'), a, 'PostgreSQL exports what it imported');
    assert.equal(read('c.jsonl'), a, 'and SQLite again');
    assert.equal(a.split('\n').filter((l) => l.includes('"record":"document"')).length, ALL_DOCS.length);

    for (const args of [
      ['experts', '--format', 'json'],
      ['expert', 'ボンダレンコ', '--format', 'json'],
      ['identities', '--log', '--format', 'json'],
      ['identities', '--pending', '--format', 'json'],
      ['correct', 'history', '--format', 'json'],
      ['correct', 'list', JA_BLACK_SEA.name, '--format', 'json'],
      ['search', 'Bondarenko', '--format', 'json'],
      ['search', '黒海', '--speaker', 'ミハイ・ポペスク', '--format', 'json'],
      ['timeline', '--format', 'json'],
      ['ach', 'list', '--format', 'json'],
      ['ach', 'show', 'm1', '--format', 'json'],
    ]) {
      const original = await run([...args, '--db', source]);
      const postgres = await run(args, pgEnv);
      const back = await run([...args, '--db', 'back.db']);
      assert.equal(original.code, 0, original.stderr);
      assert.equal(back.stdout, original.stdout, `back in SQLite: ${args.join(' ')}`);
      if (args[0] === 'search') {
        // The same documents, matches and snippets; the scores (and so the order) are each database's own.
        assert.deepEqual(unranked(postgres.stdout), unranked(original.stdout), `PostgreSQL: ${args.join(' ')}`);
      } else {
        assert.equal(postgres.stdout, original.stdout, `PostgreSQL: ${args.join(' ')}`);
      }
    }
  });
}
