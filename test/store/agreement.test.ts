/**
 * The per-code view of agreement (Corpus.agreement, store similarAmong), on SQLite and PostgreSQL alike:
 * the claims of one code across documents, grouped by what they say; groups of several speakers agree,
 * groups of one speaker stand alone; a code takes the codes under it; bad input changes nothing.
 * The texts are the project's own.
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Corpus, CorpusError } from '../../src/store/corpus.ts';
import { groupSimilar } from '../../src/core/similar/index.ts';
import { gramsOf } from '../../src/core/similar/ngrams.ts';
import { backends } from './_backends.ts';
import { fixedClock, fixtureAnalyzer, sourceOf, type DocSpec } from './_fixtures.ts';

const NAVAL_A: DocSpec = {
  name: 'naval-a.txt', title: '北方航路の見通し', date: '2025-02-10', language: 'ja',
  text: [
    '沿岸研究 第3号 2025年2月10日',
    '北方航路の見通し',
    '港湾研究所の戸倉亮介主任研究員は、北方航路の艦艇の寄港が今後3年で倍増すると指摘する。',
    '同研究所の三園玲奈研究員は、駆逐艦の整備能力が港の最大の制約だと述べた。',
    '戸倉は、ロケット打ち上げの日程は公表されていないと付け加えた。',
  ].join('\n'),
  people: [
    { id: 'p1', name: '戸倉亮介', aliases: ['戸倉'], organization: '港湾研究所' },
    { id: 'p2', name: '三園玲奈', organization: '港湾研究所' },
  ],
  attributions: [
    { id: 'a1', speakers: ['p1'], content: '北方航路の艦艇の寄港が今後3年で倍増する', cue: 'と指摘する' },
    { id: 'a2', speakers: ['p2'], content: '駆逐艦の整備能力が港の最大の制約だ', cue: 'と述べた' },
    { id: 'a3', speakers: ['p1'], content: 'ロケット打ち上げの日程は公表されていない', cue: 'と付け加えた' },
  ],
};

const NAVAL_B: DocSpec = {
  name: 'naval-b.txt', title: '寄港の増加', date: '2025-05-01', language: 'ja',
  text: [
    '海事評論 2025年5月1日',
    '寄港の増加',
    '海運協会の柳瀬智之理事は、北方航路の艦艇の寄港は今後3年で倍増するだろうと語った。',
    '戸倉亮介氏も、北方航路の艦艇の寄港が今後3年でほぼ倍増すると改めて指摘した。',
  ].join('\n'),
  people: [
    { id: 'p1', name: '柳瀬智之', organization: '海運協会' },
    { id: 'p2', name: '戸倉亮介', aliases: ['戸倉'] },
  ],
  attributions: [
    { id: 'a1', speakers: ['p1'], content: '北方航路の艦艇の寄港は今後3年で倍増するだろう', cue: 'と語った' },
    { id: 'a2', speakers: ['p2'], content: '北方航路の艦艇の寄港が今後3年でほぼ倍増する', cue: 'と改めて指摘した' },
  ],
};

const DOCS = [NAVAL_A, NAVAL_B];

for (const backend of backends()) {
  describe(`agreement by code: ${backend.name}`, () => {
    after(() => backend.cleanup());

    const withCorpus = async (fn: (c: Corpus) => Promise<void>) => {
      const corpus = new Corpus(await backend.open(), { now: fixedClock(), analyzer: fixtureAnalyzer(DOCS) });
      try {
        await corpus.addSources(DOCS.map(sourceOf));
        await fn(corpus);
      } finally {
        await corpus.close();
      }
    };

    it('groups the claims of a code: two speakers agree across documents; a view of one speaker stands alone', async () => {
      await withCorpus(async (c) => {
        const [a, b] = [await c.resolveDocument(NAVAL_A.name), await c.resolveDocument(NAVAL_B.name)];
        const v = await c.agreement('domain.naval');
        assert.equal(v.code.id, 'domain.naval');
        assert.equal(v.code.names.en, 'Naval and maritime');
        assert.deepEqual(v.totals, { claims: 4, speakers: 3, documents: 2 });
        assert.equal(v.agree.length, 1);
        const g = v.agree[0]!;
        assert.equal(g.id, 'g1');
        // Tokura said it twice (two documents), Yanase once: one view, two speakers, two documents.
        assert.deepEqual(g.speakers.map((s) => s.name), ['戸倉亮介', '柳瀬智之']);
        assert.deepEqual(g.documents.map((d) => d.id), [a.ref, b.ref]);
        assert.deepEqual(g.claims.map((x) => [x.document.id, x.id]), [[a.ref, 'a1'], [b.ref, 'a1'], [b.ref, 'a2']]);
        assert.ok(g.similarity!.min >= 0.6 && g.similarity!.max <= 1, JSON.stringify(g.similarity));
        assert.deepEqual(v.alone.map((x) => [x.id, x.speakers.map((s) => s.name), x.claims.map((k) => k.text), x.similarity]), [
          ['g2', ['三園玲奈'], ['駆逐艦の整備能力が港の最大の制約だ'], null],
        ]);
        // The rocket launch is another code: not in this view.
        assert.ok(![...v.agree, ...v.alone].some((x) => x.claims.some((k) => k.text.includes('ロケット'))));

        // A parent code takes the codes under it; the rocket claim (domain.space) stands alone there.
        const all = await c.agreement('domain');
        assert.deepEqual(all.code.includes.includes('domain.naval'), true);
        assert.equal(all.totals.claims, 5);
        assert.equal(all.agree.length, 1);
        assert.deepEqual(all.alone.map((x) => x.claims[0]!.text).sort(), ['ロケット打ち上げの日程は公表されていない', '駆逐艦の整備能力が港の最大の制約だ']);

        // A stricter threshold splits the group; limited to one document, only its claims.
        const strict = await c.agreement('domain.naval', { threshold: 0.99 });
        assert.equal(strict.agree.length, 0);
        assert.deepEqual(strict.alone.map((x) => x.claims.length), [1, 1, 1, 1], 'no two wordings are that close');
        const one = await c.agreement('domain.naval', { documents: [NAVAL_A.name] });
        assert.deepEqual(one.documents, [a.ref]);
        assert.deepEqual([one.totals.claims, one.agree.length, one.alone.length], [2, 0, 2]);
      });
    });

    it('an analyst\'s rejection of the code takes the claim out of the view', async () => {
      await withCorpus(async (c) => {
        const b = await c.resolveDocument(NAVAL_B.name);
        await c.decideCode({ document: b.ref, code: 'domain.naval', claim: 'a1', action: 'reject', by: 'kato' });
        const v = await c.agreement('domain.naval');
        assert.deepEqual(v.agree, [], 'Yanase no longer counts: Tokura alone');
        assert.equal(v.alone[0]!.speakers[0]!.name, '戸倉亮介');
        assert.equal(v.alone[0]!.claims.length, 2);
      });
    });

    it('unknown code, bad threshold, unknown document: an error, nothing changed', async () => {
      await withCorpus(async (c) => {
        const err = async (p: Promise<unknown>, code: string, message: RegExp) => {
          await assert.rejects(p, (e) => e instanceof CorpusError && e.code === code && message.test(e.message));
        };
        await err(c.agreement('domain.navel'), 'E_NOT_FOUND', /no code "domain\.navel" in the codebook/);
        await err(c.agreement('domain.naval', { threshold: 1.5 }), 'E_INVALID', /threshold must be a number from 0 to 1/);
        await err(c.agreement('domain.naval', { threshold: Number.NaN }), 'E_INVALID', /threshold/);
        await err(c.agreement('domain.naval', { documents: ['nosuch.txt'] }), 'E_NOT_FOUND', /no document "nosuch\.txt"/);
        assert.equal((await c.agreement('domain.naval')).agree.length, 1);
      });
    });
  });
}

describe('groupSimilar (pure)', () => {
  it('links pairs over the threshold and groups them by chains; nothing in common is never linked', () => {
    const texts = ['the fleet will double its port calls', 'the fleet will double its port calls soon', 'satellites are launched in spring', 'zzzz'];
    const { links, groups } = groupSimilar(texts.map(gramsOf), () => 1, 4, 0.6);
    assert.deepEqual(links.map((l) => [l.a, l.b]), [[0, 1]]);
    assert.deepEqual(groups, [[0, 1], [2], [3]]);
    assert.deepEqual(groupSimilar(texts.map(gramsOf), () => 1, 4, 0).groups.find((g) => g.includes(3)), [3]);
    assert.throws(() => groupSimilar([], () => 1, 0, 2), /threshold must be from 0 to 1/);
  });
});
