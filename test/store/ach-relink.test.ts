/**
 * ACH evidence follows its claim (ach-anchor.ts), on SQLite and PostgreSQL alike: a reanalysis that renumbers
 * claims, a new version of the document, a correction that rejects the claim. Evidence whose claim is not
 * found keeps its text and ratings and is listed as unanchored, never dropped; it is re-linked when the
 * claim comes back.
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Corpus } from '../../src/store/corpus.ts';
import type { Analysis } from '../../src/core/model/schema.ts';
import { relinkEvidence } from '../../src/store/ach-anchor.ts';
import type { AchEvidenceRecord, ClaimRow } from '../../src/store/store.ts';
import { backends } from './_backends.ts';
import { ALL_DOCS, fixedClock, fixtureAnalyzer, JA_BLACK_SEA, JA_DRONES, makeAnalysis, sourceOf, type DocSpec } from './_fixtures.ts';

/** JA_BLACK_SEA edited: a sentence added at the start (every offset moves), Popescu's first view gone. */
const BLACK_SEA_V2: DocSpec = {
  ...JA_BLACK_SEA,
  text: JA_BLACK_SEA.text
    .replace('2022年以降、黒海の海上交通は大きく変化した。', '本号は港湾の担当者にも配る。2022年以降、黒海の海上交通は大きく変化した。')
    .replace('ブカレスト安全保障センターのミハイ・ポペスク所長は、ルーマニアの港湾が代替航路として重要性を増したとの認識を示す3。', 'ブカレスト安全保障センターのミハイ・ポペスク所長も発言した。'),
  attributions: JA_BLACK_SEA.attributions.filter((a) => a.id !== 'a3').map((a) => ({ ...a, id: a.id.replace('a', 'b') })),
  footnotes: JA_BLACK_SEA.footnotes!.filter((f) => f.n !== 3),
};

/** An extractor that renumbers every claim, reads a2 with its subject, and misses a3. */
function improved(): Analysis {
  const v1 = makeAnalysis(JA_BLACK_SEA);
  return {
    ...v1,
    attributions: v1.attributions.filter((a) => a.id !== 'a3').map((a, i) => {
      const next = { ...a, id: `n${i + 1}` };
      if (a.id !== 'a2') return next;
      const start = a.content.start - 'ボンダレンコは、'.length;
      return { ...next, content: { start, end: a.content.end, text: JA_BLACK_SEA.text.slice(start, a.content.end) } };
    }),
  };
}

for (const backend of backends()) {
  describe(`ACH evidence re-linked: ${backend.name}`, () => {
    after(() => backend.cleanup());

    const withCorpus = async (docs: readonly DocSpec[], fn: (c: Corpus) => Promise<void>, variants = new Map<string, Analysis>()) => {
      const corpus = new Corpus(await backend.open(), { now: fixedClock(), analyzer: fixtureAnalyzer([...ALL_DOCS, BLACK_SEA_V2], variants) });
      try {
        await corpus.addSources(docs.map(sourceOf));
        await fn(corpus);
      } finally {
        await corpus.close();
      }
    };

    /** A matrix m1 with one hypothesis, a1–a4 of the Black Sea commentary as ev1–ev4, a claim of another document as ev5, and a text. */
    const build = async (c: Corpus) => {
      const book = c.achBook();
      const doc = (await c.documents()).find((d) => d.name === JA_BLACK_SEA.name)!;
      const drones = (await c.documents()).find((d) => d.name === JA_DRONES.name)!;
      await book.create({ title: '港湾は代替になるか', by: 'kato' });
      await book.addHypothesis('m1', 'yes');
      for (const claim of ['a1', 'a2', 'a3', 'a4']) await book.addEvidence('m1', { document: doc.ref, claim });
      await book.addEvidence('m1', { document: drones.ref, claim: 'a1' });
      await book.addEvidence('m1', { text: '保険料は下がり始めた' });
      for (const [ev, r] of [['ev1', 'C'], ['ev2', 'I'], ['ev3', 'CC'], ['ev4', 'N'], ['ev5', 'II'], ['ev6', 'C']] as const) await book.rate('m1', ev, 'h1', r, 'kato');
      return { book, doc, drones };
    };
    const links = async (c: Corpus) => (await c.achBook().show('m1')).matrix.evidence.map((e) => [e.ref, e.docHash?.slice(0, 8) ?? null, e.claim]);

    it('follows claims renumbered by a reanalysis; the one not found is listed, kept, and comes back', async () => {
      const variants = new Map<string, Analysis>();
      await withCorpus([JA_BLACK_SEA, JA_DRONES], async (c) => {
        const { book, doc, drones } = await build(c);
        const before = await book.show('m1');
        const h = doc.hash.slice(0, 8);
        const d = drones.hash.slice(0, 8);

        variants.set(JA_BLACK_SEA.text, improved());
        await c.reanalyze();
        assert.deepEqual(await links(c), [['ev1', h, 'n1'], ['ev2', h, 'n2'], ['ev3', h, 'a3'], ['ev4', h, 'n3'], ['ev5', d, 'a1'], ['ev6', null, null]]);
        const view = await book.show('m1');
        assert.deepEqual(view.stale, [
          { evidence: 'ev2', reason: `claim n2 of document ${doc.ref} now reads otherwise` },
          { evidence: 'ev3', reason: `document ${doc.ref} no longer has claim a3 (reanalysed or corrected; no claim of the same speaker and text found)` },
        ]);
        // Nothing dropped: the texts as rated, the ratings, the scores.
        assert.deepEqual(view.matrix.evidence.map((e) => e.text), before.matrix.evidence.map((e) => e.text));
        assert.deepEqual(view.matrix.ratings.map((r) => r.rating), before.matrix.ratings.map((r) => r.rating));
        assert.deepEqual(view.result, before.result);
        const loose = await book.unanchored();
        assert.deepEqual(loose.map((u) => [u.matrix, u.evidence, u.document, u.claim, u.speaker, u.text]), [
          ['m1', 'ev3', doc.ref, 'a3', 'ミハイ・ポペスク', 'ルーマニアの港湾が代替航路として重要性を増した'],
        ]);

        // The extractor finds a3 again: ev3 is anchored again, the others follow the ids back.
        variants.delete(JA_BLACK_SEA.text);
        await c.reanalyze();
        assert.deepEqual(await links(c), [['ev1', h, 'a1'], ['ev2', h, 'a2'], ['ev3', h, 'a3'], ['ev4', h, 'a4'], ['ev5', d, 'a1'], ['ev6', null, null]]);
        assert.deepEqual((await book.show('m1')).stale, []);
        assert.deepEqual(await book.unanchored(), []);
      }, variants);
    });

    it('follows claims into a new version of the document; the claim the new version lacks is listed', async () => {
      await withCorpus([JA_BLACK_SEA, JA_DRONES], async (c) => {
        const { book, doc } = await build(c);
        const [next] = await c.addSources([sourceOf(BLACK_SEA_V2)]);
        assert.equal(next!.version?.supersedes.id, doc.ref, 'taken for a new version');
        const v2 = await c.resolveDocument(next!.document!.id);
        const rows = await links(c);
        assert.deepEqual(rows.slice(0, 4), [['ev1', v2.hash.slice(0, 8), 'b1'], ['ev2', v2.hash.slice(0, 8), 'b2'], ['ev3', doc.hash.slice(0, 8), 'a3'], ['ev4', v2.hash.slice(0, 8), 'b4']]);
        const view = await book.show('m1');
        assert.deepEqual(view.stale, [
          { evidence: 'ev3', reason: `document ${doc.ref} was replaced by a new version (${v2.ref}) in which claim a3 is not found` },
        ]);
        assert.equal((await book.unanchored())[0]!.evidence, 'ev3');

        // Deleting the new version makes the old one current again, and the evidence goes back with it.
        await c.delete(v2.ref);
        assert.deepEqual((await links(c)).slice(0, 4), [['ev1', doc.hash.slice(0, 8), 'a1'], ['ev2', doc.hash.slice(0, 8), 'a2'], ['ev3', doc.hash.slice(0, 8), 'a3'], ['ev4', doc.hash.slice(0, 8), 'a4']]);
        assert.deepEqual((await book.show('m1')).stale, []);
      });
    });

    it('a rejected claim leaves its evidence unanchored until the rejection is withdrawn; a deleted document too', async () => {
      await withCorpus([JA_BLACK_SEA, JA_DRONES], async (c) => {
        const { book, doc, drones } = await build(c);
        const r = await c.correct({ document: doc.ref, action: 'reject', attribution: 'a4', by: 'kato' });
        assert.deepEqual((await book.unanchored()).map((u) => u.evidence), ['ev4']);
        await c.withdraw(r.correction.id, { by: 'kato' });
        assert.deepEqual(await book.unanchored(), []);
        await c.delete(drones.ref);
        const loose = await book.unanchored();
        assert.deepEqual(loose.map((u) => [u.evidence, u.document, u.reason]), [['ev5', null, `its document ${drones.hash.slice(0, 12)} is no longer in the corpus`]]);
        assert.equal((await book.show('m1')).matrix.evidence.length, 6, 'never dropped');
      });
    });
  });
}

describe('relinkEvidence (pure)', () => {
  const claim = (localId: string, text: string, content: string, speaker: string, occurrence = 0): ClaimRow => {
    let start = -1;
    for (let i = 0; i <= occurrence; i++) start = text.indexOf(content, start + 1);
    return {
      localId, provenance: 'machine', review: null, kind: 'reported', start, end: start + content.length, content, cue: null, section: null,
      footnotes: [], hedges: [], confidence: 1, corrections: [], speakers: [{ role: 'speaker', identity: null, person: null, name: speaker }],
    };
  };
  const evidence = (id: number, docHash: string, claimId: string, text: string, speaker: string): AchEvidenceRecord => ({
    id, ref: `ev${id}`, kind: 'claim', docHash, claim: claimId, text, speaker, weight: 1, position: id,
  });

  it('tells two occurrences of one quote apart by the old place, and prefers the same speaker', () => {
    const before = 'Ana Ruiz said that the port will reopen. Later, Ben Okafor said that the port will reopen.';
    const after = 'Preface. ' + before;
    const old = { hash: 'h', text: before, claims: [claim('a1', before, 'the port will reopen', 'Ana Ruiz'), claim('a2', before, 'the port will reopen', 'Ben Okafor', 1)] };
    const now = { hash: 'h', text: after, claims: [claim('x1', after, 'the port will reopen', 'Ana Ruiz'), claim('x2', after, 'the port will reopen', 'Ben Okafor', 1)] };
    const out = relinkEvidence([evidence(1, 'h', 'a2', 'the port will reopen', 'Ben Okafor'), evidence(2, 'h', 'a1', 'the port will reopen', 'Ana Ruiz')], new Map([['h', old]]), now);
    assert.deepEqual(out, { relinked: [{ evidence: 1, docHash: 'h', claim: 'x2' }, { evidence: 2, docHash: 'h', claim: 'x1' }], unanchored: [] });
  });

  it('leaves evidence of other documents alone and reports what it cannot find', () => {
    const text = 'Ana Ruiz said that the port will reopen.';
    const now = { hash: 'h', text, claims: [] };
    const out = relinkEvidence([evidence(1, 'h', 'a1', 'the port will reopen', 'Ana Ruiz'), evidence(2, 'other', 'a1', 'x', 'y')], new Map(), now);
    assert.deepEqual(out, { relinked: [], unanchored: [1] });
  });
});
