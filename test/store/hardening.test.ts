/**
 * The corpus against bad documents and edited ones (issue 14), on SQLite and PostgreSQL alike: per-document
 * limits, new versions that carry their corrections over and are not counted twice, deletion with its
 * search rows, import checked against hashes, query normalisation and date checks, honest counts.
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Corpus, CorpusError, MAX_QUERY_TERMS } from '../../src/store/corpus.ts';
import { STORE_LIMITS, type StoreLimits } from '../../src/store/limits.ts';
import type { Analysis } from '../../src/core/model/schema.ts';
import { TransferError, type Located, type TransferRecord } from '../../src/store/transfer.ts';
import { backends } from './_backends.ts';
import { ALL_DOCS, EN_CORRIDOR, fixedClock, JA_BLACK_SEA, JA_DRONES, makeAnalysis, sourceOf, type DocSpec } from './_fixtures.ts';

/** JA_BLACK_SEA, edited: a new opening sentence, Popescu's first claim gone, the rest as it was. */
const JA_BLACK_SEA_V2: DocSpec = {
  ...JA_BLACK_SEA,
  text: JA_BLACK_SEA.text
    .replace('本稿では周辺国の専門家の見方を整理する。', '本稿では周辺国の専門家の見方を改めて整理し、2025年の動きも加える。')
    .replace('ブカレスト安全保障センターのミハイ・ポペスク所長は、ルーマニアの港湾が代替航路として重要性を増したとの認識を示す3。', 'ブカレスト安全保障センターのミハイ・ポペスク所長も同じ立場である。'),
  attributions: JA_BLACK_SEA.attributions.filter((a) => a.id !== 'a3'),
  footnotes: JA_BLACK_SEA.footnotes!.filter((f) => f.n !== 3),
};

/** Another document that happens to share the file name of JA_BLACK_SEA, with nothing else in common. */
const SAME_NAME_OTHER: DocSpec = { ...EN_CORRIDOR, name: JA_BLACK_SEA.name };

/** Answers from the specs by text (the fixtures' analyzer, with the edited versions known too). */
function analyzer(specs: readonly DocSpec[]) {
  const byText = new Map(specs.map((s) => [s.text, s]));
  return (source: { text: string }): Analysis => {
    const spec = byText.get(source.text);
    if (!spec) throw new Error('fixture analyzer: unknown text');
    return makeAnalysis(spec);
  };
}

const SPECS = [...ALL_DOCS, JA_BLACK_SEA_V2];

for (const backend of backends()) {
  describe(`corpus hardening: ${backend.name}`, () => {
    after(() => backend.cleanup());

    const withCorpus = async (fn: (c: Corpus) => Promise<void>, options: { limits?: StoreLimits; analyzer?: (s: { text: string }) => Analysis } = {}) => {
      const corpus = new Corpus(await backend.open(), { now: fixedClock(), analyzer: options.analyzer ?? analyzer(SPECS), limits: options.limits });
      try {
        await fn(corpus);
      } finally {
        await corpus.close();
      }
    };

    it('keeps a document whose claims exceed the per-document limit, without the claims past it, and says so', async () => {
      await withCorpus(async (c) => {
        const [out] = await c.addSources([sourceOf(JA_BLACK_SEA)]);
        assert.equal(out!.status, 'added');
        assert.match(out!.notice ?? '', /2 of 4 claims were not stored: over the corpus limit of 2 claims/);
        const doc = await c.document(out!.document!.id);
        assert.deepEqual(doc.analysis.attributions.map((a) => a.id), ['a1', 'a2'], 'the first claims in text order stay');
        assert.ok(doc.analysis.messages.some((m) => m.ruleId === 'store-limits'));
        assert.equal((await c.store.claims(doc.id)).length, 2);
      }, { limits: { ...STORE_LIMITS, maxClaims: 2 } });
    });

    it('bounds the claim text by the length of the document', async () => {
      await withCorpus(async (c) => {
        const [out] = await c.addSources([sourceOf(JA_BLACK_SEA)]);
        assert.equal(out!.status, 'added');
        const doc = await c.document(out!.document!.id);
        const chars = doc.analysis.attributions.reduce((n, a) => n + a.content.end - a.content.start, 0);
        assert.ok(chars <= 60, `${chars} characters of claim text stored`);
        assert.match(out!.notice ?? '', /claims were not stored/);
      }, { limits: { ...STORE_LIMITS, claimTextPerChar: 0, claimTextSlack: 60 } });
    });

    it('refuses a text over the length limit, naming the limit, and stores the others', async () => {
      await withCorpus(async (c) => {
        const out = await c.addSources([sourceOf(JA_BLACK_SEA), sourceOf(EN_CORRIDOR)]);
        const byName = new Map(out.map((o) => [o.name, o]));
        assert.equal(byName.get(JA_BLACK_SEA.name)!.status, 'added');
        const refused = byName.get(EN_CORRIDOR.name)!;
        assert.equal(refused.status, 'failed');
        assert.match(refused.reason!, /too long for the corpus \(536 characters; the limit is 500\)/);
        assert.equal(await c.store.countDocuments(), 1);
      }, { limits: { ...STORE_LIMITS, maxTextChars: 500 } });
    });

    it('takes an edited text under the same file name for a new version: corrections carried over, the old one not counted', async () => {
      await withCorpus(async (c) => {
        const [first] = await c.addSources([sourceOf(JA_BLACK_SEA), sourceOf(JA_DRONES)]);
        const old = first!.document!.id;
        const bondarenkoBefore = (await c.experts()).find((p) => p.forms.latin?.includes('Taras Bondarenko') || p.name.includes('ボンダレンコ'))!;
        await c.correct({ document: old, action: 'reject', attribution: 'a2', by: 'kato', why: 'editor' });
        await c.correct({ document: old, action: 'edit', attribution: 'a4', kind: 'quote', by: 'kato' });
        await c.correct({ document: old, action: 'accept', attribution: 'a3', by: 'kato' });

        const [next] = await c.addSources([sourceOf(JA_BLACK_SEA_V2)]);
        assert.equal(next!.status, 'added');
        const v = next!.version!;
        assert.ok(v, 'recognised as a version');
        assert.equal(v.supersedes.id, old);
        assert.match(v.why, /same file name black-sea-ja\.txt, \d+% of the text in common/);
        assert.equal(v.carried, 3);
        assert.deepEqual(v.unanchored.map((x) => x.action), ['accept'], 'the correction of the removed sentence is listed');
        assert.match(v.unanchored[0]!.problem!, /not in the document/);

        // The corrections now apply to the new version, re-anchored in its text.
        const list = await c.attributions(JA_BLACK_SEA.name, { includeRejected: true });
        assert.equal(list.find((a) => a.content.text.startsWith('保険料の高騰'))!.review, 'rejected');
        assert.equal(list.find((a) => a.content.text.includes('通常戦力の抑止'))!.kind, 'quote');
        const history = await c.corrections(next!.document!.id);
        assert.equal(history.length, 3, 'kept, the unanchored one too');
        assert.equal(history.filter((h) => h.anchored === false).length, 1);

        // Counted once: one current document under the name, the expert's claims not doubled.
        assert.equal(await c.store.countDocuments(), 2);
        assert.equal(await c.store.countDocuments({ all: true }), 3);
        assert.equal((await c.resolveDocument(JA_BLACK_SEA.name)).ref, next!.document!.id);
        const bondarenkoAfter = (await c.experts()).find((p) => p.id === bondarenkoBefore.id)!;
        assert.equal(bondarenkoAfter.documents, bondarenkoBefore.documents);
        assert.equal(bondarenkoAfter.claims, bondarenkoBefore.claims - 1, 'the rejected claim no longer counts, and no claim counts twice');
        const found = await c.search('保険料');
        assert.deepEqual(found.hits.map((h) => h.document.id), [next!.document!.id]);
        assert.equal(found.total, 1);
        // The old version is still there to read.
        assert.equal((await c.document(old)).text, JA_BLACK_SEA.text);
      });
    });

    it('takes the same title with much text in common for a version, but not the same name with another text', async () => {
      await withCorpus(async (c) => {
        const [a] = await c.addSources([sourceOf(JA_BLACK_SEA)]);
        const [other] = await c.addSources([sourceOf(SAME_NAME_OTHER)]);
        assert.equal(other!.status, 'added');
        assert.equal(other!.version, undefined, 'a different text under the same name is a new document');
        const [renamed] = await c.addSources([{ ...sourceOf(JA_BLACK_SEA_V2), name: 'renamed.txt' }]);
        assert.equal(renamed!.version?.supersedes.id, a!.document!.id);
        assert.match(renamed!.version!.why, /same title 黒海の航行の自由をめぐる議論/);
        assert.equal(await c.store.countDocuments(), 2);
      });
    });

    it('deletes a document with its claims, people, dates and search rows, keeping its corrections in the record', async () => {
      await withCorpus(async (c) => {
        const [black, corridor] = await c.addSources([sourceOf(JA_BLACK_SEA), sourceOf(EN_CORRIDOR)]);
        await c.correct({ document: black!.document!.id, action: 'reject', attribution: 'a2', by: 'kato' });
        assert.equal((await c.search('保険料')).total, 1);
        const out = await c.delete(black!.document!.id);
        assert.equal(out.document.id, black!.document!.id);
        assert.deepEqual({ claims: out.removed.claims, people: out.removed.people, dates: out.removed.dates }, { claims: 3, people: 2, dates: 3 }, 'the rejected claim had no row');
        assert.ok(out.removed.searchRows >= 1);
        assert.equal(out.corrections, 1);
        assert.equal(out.restored, null);
        assert.equal((await c.search('保険料')).total, 0, 'gone from the search index');
        assert.equal((await c.search('insurance')).total, 1);
        await assert.rejects(c.resolveDocument(black!.document!.id), (e: unknown) => e instanceof CorpusError && e.code === 'E_NOT_FOUND');
        assert.equal((await c.corrections()).length, 1, 'the correction stays in the record');
        assert.ok(!(await c.experts()).some((p) => p.name === 'ミハイ・ポペスク'));
        assert.equal((await c.timeline()).filter((t) => t.document.id === black!.document!.id).length, 0);
        // Added back, the correction applies again.
        await c.addSources([sourceOf(JA_BLACK_SEA)]);
        assert.equal((await c.attributions(black!.document!.id, { includeRejected: true })).find((a) => a.id === 'a2')!.review, 'rejected');
        assert.equal(corridor!.status, 'added');
      });
    });

    it('deleting a new version makes the previous one current again, with its corrections', async () => {
      await withCorpus(async (c) => {
        const [first] = await c.addSources([sourceOf(JA_BLACK_SEA)]);
        await c.correct({ document: first!.document!.id, action: 'reject', attribution: 'a2', by: 'kato' });
        const [next] = await c.addSources([sourceOf(JA_BLACK_SEA_V2)]);
        const out = await c.delete(next!.document!.id);
        assert.equal(out.restored?.id, first!.document!.id);
        assert.equal(out.corrections, 1);
        assert.equal(await c.store.countDocuments({ all: true }), 1);
        assert.equal((await c.resolveDocument(JA_BLACK_SEA.name)).ref, first!.document!.id);
        assert.equal((await c.search('保険料')).total, 1);
        assert.equal((await c.attributions(first!.document!.id, { includeRejected: true })).find((a) => a.id === 'a2')!.review, 'rejected');
      });
    });

    it('exports and imports versions: the superseded one stays superseded', async () => {
      await withCorpus(async (c) => {
        await c.addSources([sourceOf(JA_BLACK_SEA)]);
        await c.addSources([sourceOf(JA_BLACK_SEA_V2)]);
        const records: TransferRecord[] = [];
        await c.export((r) => { records.push(r); });
        await withCorpus(async (d) => {
          await d.import(records.map((record, i) => ({ record, where: `line ${i + 1}` })));
          assert.equal(await d.store.countDocuments(), 1);
          assert.equal(await d.store.countDocuments({ all: true }), 2);
          assert.equal((await d.search('保険料')).total, 1);
        });
      });
    });

    it('refuses to import a document whose text does not match its hash, naming it', async () => {
      await withCorpus(async (c) => {
        await c.addSources([sourceOf(JA_BLACK_SEA), sourceOf(EN_CORRIDOR)]);
        const records: Located[] = [];
        await c.export((r) => {
          const record = r.record === 'document' && r.name === EN_CORRIDOR.name ? { ...r, text: r.text.replace('decade', 'century') } : r;
          records.push({ record, where: `corpus.jsonl:${records.length + 1}` });
        });
        await withCorpus(async (d) => {
          await assert.rejects(d.import(records), (e: unknown) => {
            assert.ok(e instanceof TransferError, String(e));
            assert.match(e.message, /^corpus\.jsonl:\d+: document [0-9a-f]{12} \(corridor-en\.txt\): its text does not match its hash/);
            return true;
          });
        });
      });
    });

    it('merges repeated query words, refuses too many, and refuses impossible dates', async () => {
      await withCorpus(async (c) => {
        await c.addSources([sourceOf(JA_BLACK_SEA), sourceOf(EN_CORRIDOR)]);
        const r = await c.search('黒海 黒海 ＮＡＴＯ nato 黒海');
        assert.deepEqual(r.terms.map((t) => t.input), ['黒海', 'ＮＡＴＯ']);
        const many = Array.from({ length: MAX_QUERY_TERMS + 1 }, (_, i) => `word${i}`).join(' ');
        await assert.rejects(c.search(many), (e: unknown) => e instanceof CorpusError && e.code === 'E_INVALID' && /33 different words; at most 32/.test(e.message));
        assert.equal((await c.search(many.split(' ').slice(0, MAX_QUERY_TERMS).join(' '))).total, 0, '32 different words are searched');
        for (const bad of ['2024-13-45', '2024-13', '2023-02-29', '2024-04-31', '2024-00']) {
          await assert.rejects(c.search('黒海', { from: bad }), (e: unknown) => e instanceof CorpusError && e.code === 'E_INVALID' && e.message.includes(bad), bad);
          await assert.rejects(c.timeline({ to: bad }), (e: unknown) => e instanceof CorpusError && e.code === 'E_INVALID', bad);
        }
        assert.equal((await c.search('黒海', { from: '2024-02-29' })).total, 1);
      });
    });

    it('counts what reanalysis stored, not what it tried', async () => {
      let fail = false;
      const flaky = (source: { text: string }) => {
        if (fail && source.text === EN_CORRIDOR.text) throw new Error('the extractor broke');
        return analyzer(SPECS)(source);
      };
      await withCorpus(async (c) => {
        await c.addSources([sourceOf(JA_BLACK_SEA), sourceOf(EN_CORRIDOR), sourceOf(JA_DRONES)]);
        fail = true;
        const summary = await c.reanalyze();
        assert.equal(summary.total, 3);
        assert.equal(summary.documents, 2);
        assert.equal(summary.failed.length, 1);
        assert.match(summary.failed[0]!.reason, /the extractor broke/);
      }, { analyzer: flaky });
    });
  });
}
