/**
 * Similar claims through the corpus API, on SQLite and on PostgreSQL (one suite): the index follows
 * ingest, reanalysis, corrections and deletion, and a corpus migrated from before the index gets one.
 * Texts written for this test.
 */
import { after, describe, it } from 'node:test';
import { STORE_SCHEMA_VERSION } from '../../src/store/migrations.ts';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { Corpus, CorpusError } from '../../src/store/corpus.ts';
import { openPostgresStore } from '../../src/store/postgres/postgres-store.ts';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { SIMILARITY_THRESHOLD } from '../../src/core/similar/index.ts';
import type { Store } from '../../src/store/store.ts';
import { backends, onSchema, postgresUrl } from './_backends.ts';
import { fixedClock, fixtureAnalyzer, sourceOf, type DocSpec } from './_fixtures.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

const PORTS = '北方の港では冬になると物資の輸送が大幅に遅れる';
const PORTS_OTHER = '冬になると北方の港では物資の輸送が大きく遅れる';
const PORTS_SAME = '北方の港では冬になると物資の輸送が大幅に遅れてしまう';

const line = (org: string, name: string, content: string) => `${org}の${name}研究員は、${content}と述べた。`;

export const DOC_A: DocSpec = {
  name: 'ports-a.txt', title: '北方航路の冬', date: '2024-01-10', language: 'ja',
  text: ['北方航路の冬', line('北海研究所', 'アンナ・レーマン', PORTS), line('東方政策センター', 'ヨハン・ベルク', '防空網の近代化には少なくとも五年はかかる見通しだ')].join('\n'),
  people: [
    { id: 'p1', name: 'アンナ・レーマン', aliases: ['レーマン'], organization: '北海研究所' },
    { id: 'p2', name: 'ヨハン・ベルク', aliases: ['ベルク'], organization: '東方政策センター' },
  ],
  attributions: [
    { id: 'a1', speakers: ['p1'], content: PORTS, cue: 'と述べた' },
    { id: 'a2', speakers: ['p2'], content: '防空網の近代化には少なくとも五年はかかる見通しだ', cue: 'と述べた' },
  ],
};

export const DOC_B: DocSpec = {
  name: 'ports-b.txt', title: '港湾と物流', date: '2024-02-20', language: 'ja',
  text: [
    '港湾と物流',
    line('港湾経済研究所', 'カリン・ストロム', PORTS_OTHER),
    line('北海研究所', 'アンナ・レーマン', PORTS_SAME),
    line('港湾経済研究所', 'カリン・ストロム', '為替の変動が輸出企業の収益を圧迫している'),
  ].join('\n'),
  people: [
    { id: 'p1', name: 'カリン・ストロム', aliases: ['ストロム'], organization: '港湾経済研究所' },
    { id: 'p2', name: 'アンナ・レーマン', aliases: ['レーマン'], organization: '北海研究所' },
  ],
  attributions: [
    { id: 'a1', speakers: ['p1'], content: PORTS_OTHER, cue: 'と述べた' },
    { id: 'a2', speakers: ['p2'], content: PORTS_SAME, cue: 'と述べた' },
    { id: 'a3', speakers: ['p1'], content: '為替の変動が輸出企業の収益を圧迫している', cue: 'と述べた' },
  ],
};

const DOCS = [DOC_A, DOC_B];

async function rejects(p: Promise<unknown>, code: CorpusError['code']): Promise<void> {
  await assert.rejects(p, (e: unknown) => e instanceof CorpusError && e.code === code);
}

for (const backend of backends()) {
  describe(`similar claims: ${backend.name}`, () => {
    after(() => backend.cleanup());

    const withCorpus = async (fn: (c: Corpus, store: Store, refs: string[]) => Promise<void>) => {
      const store = await backend.open();
      const corpus = new Corpus(store, { now: fixedClock(), analyzer: fixtureAnalyzer(DOCS) });
      try {
        const out = await corpus.addSources(DOCS.map(sourceOf));
        await fn(corpus, store, out.map((o) => o.document!.id));
      } finally {
        await corpus.close();
      }
    };

    it('lists the claims of other speakers in other documents that say nearly the same, not the claim itself', async () => {
      await withCorpus(async (c, _s, [a, b]) => {
        const r = await c.similar(a!, 'a1');
        assert.equal(r.claim.text, PORTS);
        assert.equal(r.threshold, SIMILARITY_THRESHOLD);
        assert.deepEqual(r.similar.map((x) => [x.document.id, x.id, x.text]), [[b, 'a1', PORTS_OTHER]]);
        assert.ok(r.similar[0]!.similarity >= SIMILARITY_THRESHOLD && r.similar[0]!.similarity <= 1);
        assert.deepEqual(r.similar[0]!.speakers.map((s) => s.name), ['カリン・ストロム']);
        // The same person's paraphrase only when asked for.
        const all = await c.similar(a!, 'a1', { sameSpeaker: true });
        assert.deepEqual(all.similar.map((x) => x.id).sort(), ['a1', 'a2']);
        assert.equal(all.similar.every((x) => x.document.id === b), true);
        // Nothing similar to an unrelated claim.
        assert.deepEqual((await c.similar(a!, 'a2')).similar, []);
        assert.deepEqual((await c.similar(b!, 'a3', { sameSpeaker: true })).similar, []);
      });
    });

    it('a lower threshold lists more, a limit fewer; bad options and unknown claims are refused', async () => {
      await withCorpus(async (c, _s, [a]) => {
        assert.ok((await c.similar(a!, 'a1', { threshold: 0, sameSpeaker: true })).similar.length >= 2);
        assert.equal((await c.similar(a!, 'a1', { limit: 1, sameSpeaker: true })).similar.length, 1);
        await rejects(c.similar(a!, 'a99'), 'E_NOT_FOUND');
        await rejects(c.similar('nosuchdoc', 'a1'), 'E_NOT_FOUND');
        await rejects(c.similar(a!, 'a1', { threshold: 1.5 }), 'E_INVALID');
        await rejects(c.similar(a!, 'a1', { limit: 0 }), 'E_INVALID');
      });
    });

    it('survives reanalysis with the same figures, and follows a rejected claim and a deleted document', async () => {
      await withCorpus(async (c, _s, [a, b]) => {
        const before = await c.similar(a!, 'a1', { sameSpeaker: true });
        await c.reanalyze();
        assert.deepEqual(await c.similar(a!, 'a1', { sameSpeaker: true }), before);
        await c.correct({ document: b!, action: 'reject', attribution: 'a1', by: 'test' });
        assert.deepEqual((await c.similar(a!, 'a1', { sameSpeaker: true })).similar.map((x) => x.id), ['a2']);
        await c.delete(b!);
        assert.deepEqual((await c.similar(a!, 'a1', { sameSpeaker: true, threshold: 0 })).similar, []);
      });
    });

    it('rebuilding the index gives the same figures as keeping it up to date', async () => {
      await withCorpus(async (c, store, [a]) => {
        const before = await c.similar(a!, 'a1', { sameSpeaker: true, threshold: 0 });
        assert.equal(await store.write((w) => w.rebuildSimilarIndex()), 5);
        assert.deepEqual(await c.similar(a!, 'a1', { sameSpeaker: true, threshold: 0 }), before);
      });
    });
  });
}

/** Turns a current corpus back into one of schema 4, before the index of similar claims (and the grades of 6). */
const DOWNGRADE = [
  'DROP TABLE grades',
  'ALTER TABLE claims DROP COLUMN credibility',
  "DELETE FROM mikata_meta WHERE key = 'next_grade'",
  'DROP TABLE claim_grams',
  'DROP TABLE gram_frequencies',
  "DELETE FROM mikata_meta WHERE key = 'similar_index'",
  "UPDATE mikata_meta SET value = '4' WHERE key = 'schema'",
];

describe('similar claims: migrating a corpus from before the index (schema 4) builds it', () => {
  const check = async (open: () => Promise<Store>, downgrade: () => Promise<void>) => {
    let corpus = new Corpus(await open(), { now: fixedClock(), analyzer: fixtureAnalyzer(DOCS) });
    const [a] = (await corpus.addSources(DOCS.map(sourceOf))).map((o) => o.document!.id);
    const expected = await corpus.similar(a!, 'a1', { sameSpeaker: true });
    await corpus.close();
    await downgrade();
    corpus = new Corpus(await open(), { now: fixedClock(), analyzer: fixtureAnalyzer(DOCS) });
    try {
      assert.equal(await corpus.store.getMeta('schema'), String(STORE_SCHEMA_VERSION));
      assert.equal(await corpus.store.getMeta('similar_index'), undefined);
      assert.deepEqual(await corpus.similar(a!, 'a1', { sameSpeaker: true }), expected);
    } finally {
      await corpus.close();
    }
  };

  it('sqlite', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mikata-similar-'));
    const path = join(dir, 'corpus.db');
    try {
      await check(() => openSqliteStore(path, { create: true }), async () => {
        const db = new Database(path);
        for (const s of DOWNGRADE) db.exec(s);
        db.pragma('user_version = 4');
        db.close();
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('postgres', { skip: !postgresUrl && 'MIKATA_TEST_DATABASE_URL is not set' }, async () => {
    const schema = `mikata_similar_${process.pid}_${Date.now().toString(36)}`;
    const admin = new pg.Client({ connectionString: postgresUrl });
    await admin.connect();
    try {
      await admin.query(`CREATE SCHEMA ${schema}`);
      await check(() => openPostgresStore(postgresUrl!, { create: true, schema }), () => onSchema(postgresUrl!, schema, DOWNGRADE.join(';\n')));
    } finally {
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await admin.end();
    }
  });
});
