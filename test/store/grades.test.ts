/**
 * Source grading through the corpus API on every store (SQLite, and PostgreSQL when
 * MIKATA_TEST_DATABASE_URL is set): reliability per source and credibility per claim kept as records that
 * survive reanalysis, merges, new versions and export/import; caveats from the caveat list; ACH weights
 * from grades; bad input refused with nothing changed.
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Corpus } from '../../src/store/corpus.ts';
import type { Analysis } from '../../src/core/model/schema.ts';
import { CAVEATS_FORMAT, type CaveatList } from '../../src/core/grading/caveats.ts';
import type { TransferRecord } from '../../src/store/transfer.ts';
import { backends } from './_backends.ts';
import { fixtureCorpus, rejects } from './_corpus.ts';
import { collectDataset } from '../../src/export/collect-dataset.ts';
import { claimGrading, indexDataset } from '../../src/export/dataset.ts';
import { ALL_DOCS, EN_CORRIDOR, fixedClock, fixtureAnalyzer, JA_BLACK_SEA, makeAnalysis, sourceOf, type DocSpec } from './_fixtures.ts';

/** A briefing of an invented state's officials and its state news agency. */
export const JA_BRIEFING: DocSpec = {
  name: 'briefing-ja.txt',
  title: '北方連邦の定例会見',
  date: '2025-02-10',
  language: 'ja',
  text: [
    '会見メモ 2025年2月10日',
    '北方連邦の定例会見',
    '北方連邦外務省のエレナ・ヴォルコワ報道官は、海峡の通航制限は一時的な措置だと述べた。',
    '国営の北辰通信によれば、演習は予定どおり今月末に終わるという。',
  ].join('\n'),
  headings: [],
  people: [
    { id: 'p1', name: 'エレナ・ヴォルコワ', aliases: ['ヴォルコワ'], organization: '北方連邦外務省', title: '報道官' },
    { id: 'p2', name: '北辰通信', type: 'media', organization: '国営の北辰通信' },
  ],
  attributions: [
    { id: 'a1', speakers: ['p1'], content: '海峡の通航制限は一時的な措置だ', cue: 'と述べた' },
    { id: 'a2', speakers: ['p2'], content: '演習は予定どおり今月末に終わる', cue: 'によれば', kind: 'according_to' },
  ],
  dates: [{ text: '2025年2月10日', value: '2025-02-10' }],
};

const DOCS = [JA_BLACK_SEA, EN_CORRIDOR, JA_BRIEFING];

for (const backend of backends()) {
  describe(`source grading: ${backend.name}`, () => {
    after(() => backend.cleanup());

    const withCorpus = fixtureCorpus(backend, [...ALL_DOCS, JA_BRIEFING], DOCS);
    const claim = async (c: Corpus, doc: string, id: string) => (await c.store.claims((await c.resolveDocument(doc)).id)).find((x) => x.localId === id);

    it('the store port: grades inserted, filtered by kind and document, updated, moved to a new version, read by ref', async () => {
      const store = await backend.open();
      try {
        const base = { identity: null, docHash: null, target: null, claim: null, by: 'kato', why: null, at: '2025-07-01T09:00:00.000Z', anchored: null, problem: null };
        const g1 = await store.write(async (w) => w.insertGrade({ ...base, ref: `g${await w.nextCounter('next_grade')}`, kind: 'reliability', identity: 'e4', value: 'B', why: 'track record' }));
        const target = { exact: '港の再開', prefix: 'は、', suffix: 'は', start: 10, end: 14 };
        const g2 = await store.write(async (w) => w.insertGrade({ ...base, ref: `g${await w.nextCounter('next_grade')}`, kind: 'credibility', docHash: 'abc', target, claim: 'a2', value: '3' }));
        const g3 = await store.write(async (w) => w.insertGrade({ ...base, ref: `g${await w.nextCounter('next_grade')}`, kind: 'credibility', docHash: 'abc', target, claim: 'a2', value: null }));
        assert.deepEqual([g1.ref, g2.ref, g3.ref], ['g1', 'g2', 'g3']);
        assert.deepEqual((await store.grades()).map((g) => [g.ref, g.kind, g.value]), [['g1', 'reliability', 'B'], ['g2', 'credibility', '3'], ['g3', 'credibility', null]]);
        assert.deepEqual((await store.grades({ kind: 'reliability' })).map((g) => g.ref), ['g1']);
        assert.deepEqual((await store.grades({ docHash: 'abc' })).map((g) => g.ref), ['g2', 'g3']);
        const back = (await store.gradeByRef('g2'))!;
        assert.deepEqual(back.target, target);
        assert.deepEqual([back.identity, back.claim, back.anchored, back.problem, (await store.gradeByRef('g1'))!.why], [null, 'a2', null, null, 'track record']);
        await store.write((w) => w.updateGrade(g2.id, { claim: null, anchored: false, problem: 'gone' }));
        assert.deepEqual(await store.gradeByRef('g2').then((g) => [g!.claim, g!.anchored, g!.problem]), [null, false, 'gone']);
        assert.equal(await store.write((w) => w.moveGrades('abc', 'def')), 2);
        assert.deepEqual((await store.grades({ docHash: 'def' })).map((g) => g.ref), ['g2', 'g3']);
        assert.equal(await store.gradeByRef('g9'), undefined);
        // A write that fails leaves nothing behind.
        await assert.rejects(store.write(async (w) => {
          await w.insertGrade({ ...base, ref: 'g4', kind: 'reliability', identity: 'e5', value: 'A' });
          throw new Error('boom');
        }), /boom/);
        assert.equal(await store.gradeByRef('g4'), undefined);
      } finally {
        await store.close();
      }
    });

    it('grades a source A–F by any name, reads it back through the expert page, and keeps the history', async () => {
      await withCorpus(async (c) => {
        const g = c.grading();
        const set = await g.setReliability({ source: 'Taras Bondarenko', value: 'b', by: 'kato', why: 'accurate port reports since 2019' });
        assert.equal(set.grade.ref, 'g1');
        assert.equal(set.grade.value, 'B');
        assert.equal(set.source.reliability?.value, 'B');
        const id = set.source.identity;
        // Any spelling names the same source.
        const page = await c.expert('Тарас Бондаренко');
        assert.equal(page.sources[id]!.reliability?.value, 'B');
        assert.equal(page.sources[id]!.reliability?.why, 'accurate port reports since 2019');
        // A later grade replaces it; the earlier stays in the record.
        await g.setReliability({ source: id, value: 'C', by: 'sato' });
        assert.equal((await c.expert(id)).sources[id]!.reliability?.value, 'C');
        assert.deepEqual((await g.list()).map((v) => [v.ref, v.value, v.current]), [['g2', 'C', true]]);
        assert.deepEqual((await g.list({ source: id, all: true })).map((v) => [v.ref, v.value, v.by, v.current]), [['g1', 'B', 'kato', false], ['g2', 'C', 'sato', true]]);
        // Cleared: no grade, and the clear is a record too.
        await g.clearReliability({ source: id, by: 'sato', why: 'to be reviewed' });
        assert.equal((await c.expert(id)).sources[id]!.reliability, null);
        assert.deepEqual((await g.list({ source: id, all: true })).map((v) => v.value), ['B', 'C', null]);
        await rejects(g.clearReliability({ source: id, by: 'sato' }), 'E_NOT_FOUND', /has no reliability grade to clear/);
      });
    });

    it('grades a claim 1–6 by id or quote; the grade survives reanalysis with new claim ids, is flagged when its claim goes, and comes back', async () => {
      const variants = new Map<string, Analysis>();
      await withCorpus(async (c) => {
        const g = c.grading();
        const doc = JA_BLACK_SEA.name;
        const r = await g.setCredibility({ document: doc, claim: 'a2', value: '2', by: 'kato', why: 'matches the insurers\u2019 own figures' });
        assert.equal(r.claim?.localId, 'a2');
        assert.equal(r.claim?.credibility?.value, '2');
        await g.setCredibility({ document: doc, quote: '通常戦力の抑止', value: 4, by: 'kato' });
        assert.equal((await claim(c, doc, 'a4'))?.credibility?.value, '4');
        assert.equal((await claim(c, doc, 'a1'))?.credibility ?? null, null);
        // The expert page carries it.
        const page = await c.expert('ミハイ・ポペスク');
        assert.equal(page.claims.find((x) => x.id === 'a4')!.credibility?.value, '4');

        // An improved extractor renumbers every claim.
        const v1 = makeAnalysis(JA_BLACK_SEA);
        variants.set(JA_BLACK_SEA.text, { ...v1, attributions: v1.attributions.map((a, i) => ({ ...a, id: `m${i + 10}` })) });
        await c.reanalyze();
        assert.equal((await claim(c, doc, 'm11'))?.credibility?.value, '2');
        assert.equal((await claim(c, doc, 'm13'))?.credibility?.value, '4');
        assert.deepEqual((await g.list({ document: doc })).map((v) => [v.ref, v.claim, v.anchored, v.current]), [['g1', 'm11', true, true], ['g2', 'm13', true, true]]);

        // The claim goes: the grade is kept and flagged; it comes back: the grade applies again.
        variants.set(JA_BLACK_SEA.text, { ...v1, attributions: v1.attributions.filter((a) => a.id !== 'a2') });
        const summary = await c.reanalyze();
        assert.deepEqual(summary.grades.map((x) => [x.ref, x.value]), [['g1', '2']], 'reanalysis lists the grade it could not place');
        const [lost] = await g.list({ document: doc, all: true });
        assert.equal(lost!.anchored, false);
        assert.match(lost!.problem!, /its claim is no longer found: «保険料の高騰/);
        variants.delete(JA_BLACK_SEA.text);
        await c.reanalyze();
        assert.equal((await claim(c, doc, 'a2'))?.credibility?.value, '2');

        // Cleared.
        await g.clearCredibility({ document: doc, claim: 'a2', by: 'kato' });
        assert.equal((await claim(c, doc, 'a2'))?.credibility ?? null, null);
        await rejects(g.clearCredibility({ document: doc, claim: 'a2', by: 'kato' }), 'E_NOT_FOUND', /no credibility grade to clear/);
      }, variants);
    });

    it('a new version of a document (same file, edited text) carries the credibility grades of its claims', async () => {
      const edited: DocSpec = { ...JA_BLACK_SEA, text: JA_BLACK_SEA.text.replace('本稿では周辺国の専門家の見方を整理する。', '本稿では周辺国の専門家の見方を改めて整理する。') };
      const store = await backend.open();
      const c = new Corpus(store, { now: fixedClock(), analyzer: fixtureAnalyzer([...ALL_DOCS, edited]) });
      try {
        await c.addSources([sourceOf(JA_BLACK_SEA)]);
        await c.grading().setCredibility({ document: JA_BLACK_SEA.name, claim: 'a3', value: '1', by: 'kato' });
        const [out] = await c.addSources([sourceOf(edited)]);
        assert.equal(out!.status, 'added');
        const current = (await c.documents()).find((d) => d.name === JA_BLACK_SEA.name)!;
        assert.equal((await c.store.grades())[0]!.docHash, current.hash, 'the grade moved to the new version');
        const a3 = (await c.store.claims(current.id)).find((x) => x.content.startsWith('ルーマニアの港湾'))!;
        assert.equal(a3.credibility?.value, '1');
        assert.equal(a3.start, edited.text.indexOf('ルーマニアの港湾'), 'offsets into the new text');
      } finally {
        await c.close();
      }
    });

    it('a merged identity\u2019s grade follows it into the identity it was merged into', async () => {
      await withCorpus(async (c) => {
        const g = c.grading();
        const kov = await c.resolvePerson('Dmytro Kovalenko');
        const mel = await c.resolvePerson('Oksana Melnyk');
        await g.setReliability({ source: mel.ref, value: 'E', by: 'kato' });
        await c.merge(kov.ref, mel.ref, { by: 'kato' });
        assert.equal((await g.sources([kov.ref])).get(kov.ref)!.reliability?.value, 'E');
        assert.equal((await g.sources([mel.ref])).get(mel.ref)!.identity, kov.ref);
      });
    });

    it('suggests, with a caveat, for state media and officials; the caveat shows whether graded or not; a custom list replaces the default', async () => {
      await withCorpus(async (c) => {
        const g = c.grading();
        const volkova = await c.resolvePerson('エレナ・ヴォルコワ');
        const agency = await c.resolvePerson('北辰通信');
        let s = await g.sources([volkova.ref, agency.ref]);
        assert.deepEqual(s.get(volkova.ref)!.caveats.map((x) => x.id), ['official.spokesperson', 'official.government']);
        assert.equal(s.get(volkova.ref)!.suggestion, 'C');
        assert.equal(s.get(volkova.ref)!.reliability, null, 'a suggestion is not a grade');
        assert.deepEqual(s.get(agency.ref)!.caveats.map((x) => [x.id, x.matched.term]), [['state-media', '国営']]);
        assert.equal(s.get(agency.ref)!.suggestion, 'D');
        // Bondarenko fits none.
        const taras = await c.resolvePerson('Taras Bondarenko');
        assert.deepEqual((await g.sources([taras.ref])).get(taras.ref)!.caveats, []);
        // Graded: the caveat stays.
        await g.setReliability({ source: agency.ref, value: 'B', by: 'kato' });
        s = await g.sources([agency.ref]);
        assert.equal(s.get(agency.ref)!.reliability?.value, 'B');
        assert.equal(s.get(agency.ref)!.caveats.length, 1);

        const mine: CaveatList = {
          format: CAVEATS_FORMAT, name: 'institutes', version: '1',
          entries: [{ id: 'institute', kind: 'other', label: { ja: '研究所', en: 'Institute' }, caveat: { ja: '所属に注意', en: 'Mind the affiliation' }, suggest: 'B', match: { en: ['institute'] } }],
        };
        assert.equal((await g.setCaveats(mine)).custom, true);
        assert.deepEqual((await g.sources([taras.ref])).get(taras.ref)!.caveats.map((x) => x.id), ['institute']);
        assert.deepEqual((await g.sources([volkova.ref])).get(volkova.ref)!.caveats, []);
        await assert.rejects(g.setCaveats({ ...mine, entries: [{ ...mine.entries[0]!, suggest: 'G' as 'A' }] }), /not a valid caveat list: entries\.0\.suggest/);
        assert.equal((await g.caveats()).list.name, 'institutes', 'a bad list leaves the corpus list as it was');
        assert.equal((await g.setCaveats(null)).custom, false);
      });
    });

    it('bad input: unknown sources, documents and claims, letters and digits off the scale, no analyst; nothing recorded', async () => {
      await withCorpus(async (c) => {
        const g = c.grading();
        await rejects(g.setReliability({ source: 'Nobody Atall', value: 'A', by: 'kato' }), 'E_NOT_FOUND');
        await rejects(g.setReliability({ source: 'e999', value: 'A', by: 'kato' }), 'E_NOT_FOUND');
        await rejects(g.setReliability({ source: 'Taras Bondarenko', value: 'G', by: 'kato' }), 'E_INVALID', /"G" is not a grade from A to F/);
        await rejects(g.setReliability({ source: 'Taras Bondarenko', value: '1', by: 'kato' }), 'E_INVALID', /not a grade from A to F/);
        await rejects(g.setReliability({ source: 'Taras Bondarenko', value: 'AB', by: 'kato' }), 'E_INVALID');
        await rejects(g.setReliability({ source: 'Taras Bondarenko', value: 'A', by: '  ' }), 'E_INVALID', /say who grades/);
        await rejects(g.setReliability({ source: '', value: 'A', by: 'kato' }), 'E_INVALID');
        await rejects(g.setCredibility({ document: JA_BLACK_SEA.name, claim: 'a2', value: '7', by: 'kato' }), 'E_INVALID', /"7" is not a grade from 1 to 6/);
        await rejects(g.setCredibility({ document: JA_BLACK_SEA.name, claim: 'a2', value: 'B', by: 'kato' }), 'E_INVALID');
        await rejects(g.setCredibility({ document: JA_BLACK_SEA.name, claim: 'a2', value: 0, by: 'kato' }), 'E_INVALID');
        await rejects(g.setCredibility({ document: JA_BLACK_SEA.name, claim: 'a99', value: '2', by: 'kato' }), 'E_NOT_FOUND', /no claim "a99"/);
        await rejects(g.setCredibility({ document: 'no-such-doc', claim: 'a1', value: '2', by: 'kato' }), 'E_NOT_FOUND');
        await rejects(g.setCredibility({ document: JA_BLACK_SEA.name, quote: '黒海', value: '2', by: 'kato' }), 'E_AMBIGUOUS');
        await rejects(g.setCredibility({ document: JA_BLACK_SEA.name, value: '2', by: 'kato' }), 'E_INVALID', /name the claim/);
        assert.deepEqual(await c.store.grades(), []);
        assert.equal(await c.store.getMeta('next_grade'), '1');
      });
    });

    it('ACH weighs evidence from graded claims by its grades by default (own weight × factor), and not with grades: false', async () => {
      await withCorpus(async (c) => {
        const book = c.achBook();
        const m = await book.create({ title: '回廊は維持されるか', by: 'kato' });
        await book.addHypothesis(m.ref, 'kept');
        await book.addHypothesis(m.ref, 'closed');
        const e1 = await book.addEvidence(m.ref, { document: EN_CORRIDOR.name, claim: 'a4' }, { weight: 2 });
        const e2 = await book.addEvidence(m.ref, { document: EN_CORRIDOR.name, claim: 'a1' });
        const e3 = await book.addEvidence(m.ref, { text: '保険料は先月から下がっている' });
        await book.rate(m.ref, e1.ref, 'h1', 'II', 'kato');
        await book.rate(m.ref, e2.ref, 'h2', 'I', 'kato');
        await book.rate(m.ref, e3.ref, 'h2', 'I', 'kato');
        let view = await book.show(m.ref);
        assert.deepEqual(view.graded, []);
        assert.deepEqual(view.result.ranking.map((r) => [r.hypothesis, r.inconsistency]), [['h2', 2], ['h1', 4]]);

        const g = c.grading();
        await g.setReliability({ source: 'Oksana Melnyk', value: 'D', by: 'kato' });
        await g.setCredibility({ document: EN_CORRIDOR.name, claim: 'a4', value: '5', by: 'kato' });
        view = await book.show(m.ref);
        // ev1: 2 × (D 0.4 × 5 0.2) = 0.16, × II (2) = 0.32 against h1.
        assert.deepEqual(view.graded, [{ evidence: e1.ref, reliability: 'D', credibility: '5', factor: 0.08, weight: 0.16 }]);
        assert.deepEqual(view.result.ranking.map((r) => [r.hypothesis, r.inconsistency]), [['h1', 0.32], ['h2', 2]]);
        // The evidence's own weight is unchanged, and the hook can be turned off.
        assert.equal(view.matrix.evidence.find((e) => e.ref === e1.ref)!.weight, 2);
        assert.deepEqual((await book.show(m.ref, { grades: false })).result.ranking.map((r) => r.hypothesis), ['h2', 'h1']);
      });
    });

    it('a claim passed on by an outlet is only as reliable as its weakest link: ACH and the exports take the relay\u2019s grade too', async () => {
      const relay: DocSpec = {
        name: 'relay-ja.txt', title: '北辰通信の報道', date: '2025-03-01', language: 'ja',
        text: ['リレー 2025年3月1日', '北辰通信の報道', '北辰通信によると、エレナ・ヴォルコワ報道官は海峡の封鎖は来月に解除されると述べた。'].join('\n'),
        people: [
          { id: 'p1', name: 'エレナ・ヴォルコワ', aliases: ['ヴォルコワ'], organization: '北方連邦外務省', title: '報道官' },
          { id: 'p2', name: '北辰通信', type: 'media' },
        ],
        attributions: [{ id: 'a1', speakers: ['p1'], via: ['p2'], content: '海峡の封鎖は来月に解除される', cue: 'と述べた' }],
      };
      const store = await backend.open();
      const c = new Corpus(store, { now: fixedClock(), analyzer: fixtureAnalyzer([...ALL_DOCS, JA_BRIEFING, relay]) });
      try {
        await c.addSources([sourceOf(JA_BRIEFING), sourceOf(relay)]);
        await c.grading().setReliability({ source: 'エレナ・ヴォルコワ', value: 'B', by: 'kato' });
        await c.grading().setReliability({ source: '北辰通信', value: 'E', by: 'kato' });
        const book = c.achBook();
        const m = await book.create({ title: '封鎖は解除されるか', by: 'kato' });
        await book.addHypothesis(m.ref, 'yes');
        const ev = await book.addEvidence(m.ref, { document: relay.name, claim: 'a1' });
        assert.deepEqual((await book.show(m.ref)).graded, [{ evidence: ev.ref, reliability: 'E', credibility: null, factor: 0.2, weight: 0.2 }]);
        const data = await collectDataset(c, { documents: [relay.name] }, { now: '2025-07-01T00:00:00.000Z' });
        const index = indexDataset(data);
        assert.equal(claimGrading(data.claims[0]!, index.person).notation, 'E');
        // The relay's caveat too: the briefing gave the agency as 国営.
        assert.deepEqual(claimGrading(data.claims[0]!, index.person).caveats.map((k) => k.id), ['official.spokesperson', 'official.government', 'state-media']);
      } finally {
        await c.close();
      }
    });

    it('grades and the caveat list go through export and import', async () => {
      await withCorpus(async (c) => {
        const g = c.grading();
        await g.setReliability({ source: 'Taras Bondarenko', value: 'A', by: 'kato' });
        await g.setCredibility({ document: EN_CORRIDOR.name, claim: 'a3', value: '3', by: 'kato', why: 'one source only' });
        await g.setCaveats({
          format: CAVEATS_FORMAT, name: 'mine', version: '2',
          entries: [{ id: 'kyiv', kind: 'other', label: { ja: 'キーウ', en: 'Kyiv' }, caveat: { ja: '注意', en: 'Careful' }, match: { en: ['Kyiv'] } }],
        });
        const records: TransferRecord[] = [];
        await c.export((r) => { records.push(r); });
        assert.equal(records.filter((r) => r.record === 'grade').length, 2);
        const store2 = await backend.open();
        const c2 = new Corpus(store2, { now: fixedClock(), analyzer: fixtureAnalyzer(ALL_DOCS) });
        try {
          await c2.import(records.map((record, i) => ({ record, where: `#${i}` })));
          const taras = await c2.resolvePerson('Taras Bondarenko');
          const s = (await c2.grading().sources([taras.ref])).get(taras.ref)!;
          assert.equal(s.reliability?.value, 'A');
          const a3 = (await c2.store.claims((await c2.resolveDocument(EN_CORRIDOR.name)).id)).find((x) => x.localId === 'a3');
          assert.equal(a3?.credibility?.value, '3');
          assert.equal(a3?.credibility?.why, 'one source only');
          assert.equal((await c2.grading().caveats()).list.name, 'mine');
          assert.equal((await c2.grading().setReliability({ source: taras.ref, value: 'B', by: 'kato' })).grade.ref, 'g3', 'the counter came along');
        } finally {
          await c2.close();
        }
      });
    });
  });
}
