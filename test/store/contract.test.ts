/**
 * The store contract: one suite, run through the corpus API on SQLite and on PostgreSQL, so that both
 * stores behave the same. PostgreSQL runs when MIKATA_TEST_DATABASE_URL is set; on CI it must be.
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Corpus } from '../../src/store/corpus.ts';
import type { Analysis } from '../../src/core/model/schema.ts';
import type { TransferRecord } from '../../src/store/transfer.ts';
import type { Store } from '../../src/store/store.ts';
import { STORE_SCHEMA_VERSION } from '../../src/store/migrations.ts';
import { backends, postgresRequired, postgresUrl, type Backend } from './_backends.ts';
import { rejects } from './_corpus.ts';
import {
  ALL_DOCS, EN_CORRIDOR, fixedClock, fixtureAnalyzer, JA_BLACK_SEA, JA_DRONES, JA_SURNAME_ONLY, makeAnalysis, sourceOf, type DocSpec,
} from './_fixtures.ts';

if (!postgresUrl && postgresRequired) {
  it('PostgreSQL contract suite: MIKATA_TEST_DATABASE_URL must be set on CI (run .ci/postgres.sh)', () => {
    assert.fail('MIKATA_TEST_DATABASE_URL is not set; the PostgreSQL half of the store contract did not run');
  });
}

const MAIN_DOCS = [JA_BLACK_SEA, EN_CORRIDOR, JA_DRONES];

for (const backend of backends()) {
  describe(`store contract: ${backend.name}`, () => {
    after(() => backend.cleanup());

    const withCorpus = async (docs: readonly DocSpec[], fn: (c: Corpus, store: Store) => Promise<void>, variants = new Map<string, Analysis>()) => {
      const store = await backend.open();
      const corpus = new Corpus(store, { now: fixedClock(), analyzer: fixtureAnalyzer(ALL_DOCS, variants) });
      try {
        if (docs.length) await corpus.addSources(docs.map(sourceOf));
        await fn(corpus, store);
      } finally {
        await corpus.close();
      }
    };

    it('a new store is empty and says what it is', async () => {
      await withCorpus([], async (c, store) => {
        assert.equal(await store.countDocuments(), 0);
        assert.equal(store.info.kind, backend.name);
        assert.equal(store.info.schemaVersion, STORE_SCHEMA_VERSION);
        assert.deepEqual(await c.experts(), []);
        assert.deepEqual(await c.proposals(), []);
      });
    });

    it('adds a document once: the same text is unchanged, in one batch and later', async () => {
      await withCorpus([], async (c, store) => {
        const first = await c.addSources([sourceOf(JA_BLACK_SEA), sourceOf(EN_CORRIDOR), { ...sourceOf(JA_BLACK_SEA), name: 'copy.txt' }]);
        assert.deepEqual(first.map((o) => o.status), ['added', 'added', 'unchanged']);
        const again = await c.addSources([{ ...sourceOf(EN_CORRIDOR), name: 'renamed.txt' }, sourceOf(JA_DRONES)]);
        assert.deepEqual(again.map((o) => o.status), ['unchanged', 'added']);
        assert.equal(again[0]!.document!.id, first[1]!.document!.id);
        assert.equal(await store.countDocuments(), 3);
      });
    });

    it('one failing document does not stop the batch', async () => {
      await withCorpus([], async (c, store) => {
        const broken = { source: { text: 'この文書は解析できない。', format: 'text' as const }, name: 'broken.txt' };
        const out = await c.addSources([sourceOf(JA_BLACK_SEA), broken, sourceOf(EN_CORRIDOR)]);
        assert.deepEqual(out.map((o) => o.status), ['added', 'failed', 'added']);
        assert.match(out[1]!.reason!, /could not analyse/);
        assert.equal(await store.countDocuments(), 2);
      });
    });

    it('keeps the text, the analysis and the hints exactly as given', async () => {
      await withCorpus([], async (c, store) => {
        const text = 'Line one\r\nthe kanji 𠮷 and an emoji 😀 stay\r\n\ttabs too.';
        const analysis = makeAnalysis({ name: 'odd.txt', text, date: '2024', title: null, language: 'en', people: [], attributions: [] });
        const hints = { blocks: [{ start: 0, end: 8, kind: 'heading' as const, level: 1 }] };
        await c.addSources([{ source: { text, format: 'markdown', encoding: 'utf-16le', hints, name: 'odd.md' }, analysis }]);
        const [summary] = await store.listDocuments();
        const doc = (await store.getDocument(summary!.id))!;
        assert.equal(doc.text, text);
        assert.deepEqual(doc.analysis, analysis);
        assert.deepEqual(doc.hints, hints);
        assert.equal(doc.format, 'markdown');
        assert.equal(doc.encoding, 'utf-16le');
        assert.equal(doc.length, text.length);
        assert.match(doc.hash, /^[0-9a-f]{64}$/);
        assert.equal(doc.ref, doc.hash.slice(0, 12));
      });
    });

    it('finds a document by id prefix or name, and says when it cannot', async () => {
      await withCorpus(MAIN_DOCS, async (c) => {
        const all = await c.documents();
        const ja = all.find((d) => d.name === JA_BLACK_SEA.name)!;
        assert.equal((await c.resolveDocument(ja.ref.slice(0, 6))).id, ja.id);
        assert.equal((await c.resolveDocument(ja.hash)).id, ja.id);
        assert.equal((await c.resolveDocument(JA_BLACK_SEA.name)).id, ja.id);
        await rejects(c.resolveDocument('no-such.txt'), 'E_NOT_FOUND');
        await rejects(c.resolveDocument('zzzz'), 'E_NOT_FOUND');
      });
    });

    it('knows one expert under katakana, Latin and Cyrillic', async () => {
      await withCorpus(MAIN_DOCS, async (c) => {
        const people = await c.experts();
        const bondarenko = people.filter((p) => Object.values(p.forms).flat().some((f) => /Bondarenko|ボンダレンコ|Бондаренко/.test(f!)));
        assert.equal(bondarenko.length, 1, JSON.stringify(people, null, 1));
        const b = bondarenko[0]!;
        assert.deepEqual(b.forms.katakana?.slice().sort(), ['タラス・V・ボンダレンコ', 'タラス・ボンダレンコ', 'ボンダレンコ'].sort());
        assert.deepEqual(b.forms.latin?.slice().sort(), ['Bondarenko', 'Taras Bondarenko']);
        assert.deepEqual(b.forms.cyrillic, ['Тарас Бондаренко']);
        assert.equal(b.organization, 'オデーサ海洋研究所');
        assert.equal(b.claims, 5);
        assert.equal(b.documents, 3);
        assert.equal(b.first, '2024-03-15');
        assert.equal(b.last, '2025-01-20');
        // Popescu appears in one document, in katakana only.
        const popescu = people.find((p) => p.name === 'ミハイ・ポペスク')!;
        assert.equal(popescu.claims, 2);
        assert.deepEqual(popescu.forms, { katakana: ['ポペスク', 'ミハイ・ポペスク'] });
      });
    });

    it('finds the expert by any spelling, with every claim in context', async () => {
      await withCorpus(MAIN_DOCS, async (c) => {
        const ids = new Set<string>();
        for (const name of ['タラス・V・ボンダレンコ', 'ボンダレンコ', 'Taras Bondarenko', 'T. Bondarenko', 'Bondarenko', 'Тарас Бондаренко', 'Т. В. Бондаренко', 'taras bondarenko']) {
          const page = await c.expert(name);
          ids.add(page.person.id);
          assert.equal(page.claims.length, 5, name);
        }
        assert.equal(ids.size, 1);
        const page = await c.expert('Bondarenko');
        assert.equal(page.person.documents, 3);
        const second = await c.expert('Bondarenko', { limit: 2, offset: 1 });
        assert.deepEqual(second.claims, page.claims.slice(1, 3));
        assert.equal(second.person.claims, 5, 'the count is of all claims');
        // By document date, then by position.
        assert.deepEqual(page.claims.map((x) => x.document.date), ['2024-03-15', '2024-03-15', '2024-11-02', '2025-01-20', '2025-01-20']);
        const first = page.claims[0]!;
        assert.equal(first.text, '黒海の商船航路は2023年8月以降に部分的に回復したが、機雷の危険は今後も長く残るという');
        assert.equal(first.document.title, JA_BLACK_SEA.title);
        assert.equal(first.document.name, JA_BLACK_SEA.name);
        assert.equal(first.section, '沿岸国の見方');
        assert.equal(first.cue, 'によれば');
        assert.equal(first.kind, 'according_to');
        assert.deepEqual(first.footnotes, [{ n: 1, note: 'T. Bondarenko, Shipping in the Black Sea, 2024.' }]);
        assert.equal(JA_BLACK_SEA.text.slice(first.start, first.end), first.text);
        assert.deepEqual(first.speakers, [{ name: 'タラス・V・ボンダレンコ', id: page.person.id }]);
        assert.equal(first.provenance, 'machine');
        await rejects(c.expert('Nobody Atall'), 'E_NOT_FOUND');
      });
    });

    it('keeps two people who share a surname apart, and calls the surname alone ambiguous', async () => {
      await withCorpus(MAIN_DOCS, async (c) => {
        const kovalenkos = (await c.experts()).filter((p) => Object.values(p.forms).flat().some((f) => /Kovalenko|コヴァレンコ/.test(f!)));
        assert.equal(kovalenkos.length, 2);
        const err = await rejects(c.expert('Kovalenko'), 'E_AMBIGUOUS');
        assert.equal(err.candidates.length, 2);
        assert.deepEqual(err.candidates.map((x) => x.id).sort(), kovalenkos.map((k) => k.id).sort());
        assert.equal((await c.expert('Iryna Kovalenko')).person.name, 'イリーナ・コヴァレンコ');
        assert.equal((await c.expert('Dmytro Kovalenko')).person.name, 'Dmytro Kovalenko');
        assert.deepEqual(await c.proposals(), []);
      });
    });

    it('proposes a weak match instead of merging it; merge and dismiss are recorded', async () => {
      await withCorpus([...MAIN_DOCS, JA_SURNAME_ONLY], async (c) => {
        const pending = await c.proposals();
        assert.equal(pending.length, 1);
        const [p] = pending;
        const ids = [p!.a.id, p!.b.id];
        const full = (await c.expert('Taras Bondarenko')).person.id;
        assert.ok(ids.includes(full));
        const surnameOnly = ids.find((x) => x !== full)!;
        assert.ok(p!.evidence.length > 0);
        assert.equal((await c.expert('Taras Bondarenko')).claims.length, 5);
        await rejects(c.expert('ボンダレンコ'), 'E_AMBIGUOUS');

        const merged = await c.merge(full, surnameOnly, { by: 'kato', why: 'same port study in both' });
        assert.equal(merged.id, full);
        assert.equal((await c.expert('ボンダレンコ')).claims.length, 6);
        assert.equal((await c.expert(surnameOnly)).person.id, full, 'the old id leads to the merged identity');
        assert.deepEqual(await c.proposals(), []);
        const log = await c.decisions();
        assert.equal(log.length, 1);
        assert.deepEqual({ kind: log[0]!.kind, a: log[0]!.a, b: log[0]!.b, by: log[0]!.by, why: log[0]!.why }, { kind: 'merge', a: full, b: surnameOnly, by: 'kato', why: 'same port study in both' });
        await rejects(c.merge(full, 'Taras Bondarenko', { by: 'kato' }), 'E_INVALID');

        // Re-analysis keeps the merge and does not propose it again.
        await c.reanalyze();
        assert.equal((await c.expert('ボンダレンコ')).claims.length, 6);
        assert.deepEqual(await c.proposals(), []);
      });
    });

    it('dismissing a proposal keeps the two apart, also after re-analysis', async () => {
      await withCorpus([...MAIN_DOCS, JA_SURNAME_ONLY], async (c) => {
        const [p] = await c.proposals();
        await c.dismiss(p!.a.id, p!.b.id, { by: 'kato', why: 'a different Bondarenko' });
        assert.deepEqual(await c.proposals(), []);
        assert.equal((await c.proposals('dismissed')).length, 1);
        await c.reanalyze();
        assert.deepEqual(await c.proposals(), []);
        assert.equal((await c.decisions())[0]!.kind, 'dismiss');
      });
    });

    it('splits name forms off an identity with their documents, and keeps the split after re-analysis', async () => {
      await withCorpus(MAIN_DOCS, async (c) => {
        const before = await c.expert('Taras Bondarenko');
        const { kept, split } = await c.split(before.person.id, ['タラス・ボンダレンコ', 'Тарас Бондаренко'], { by: 'sato', why: 'the drone analyst is another Taras' });
        assert.equal(kept.id, before.person.id);
        assert.deepEqual(split.forms.slice().sort(), ['Тарас Бондаренко', 'タラス・ボンダレンコ'].sort());
        const check = async () => {
          assert.equal((await c.expert(kept.id)).claims.length, 4);
          const other = await c.expert(split.id);
          assert.equal(other.claims.length, 1);
          assert.equal(other.claims[0]!.document.name, JA_DRONES.name);
          assert.equal((await c.expert('Тарас Бондаренко')).person.id, split.id);
          assert.deepEqual(await c.proposals(), []);
        };
        await check();
        await c.reanalyze();
        await check();
        assert.equal((await c.decisions())[0]!.kind, 'split');
        await rejects(c.split(kept.id, ['Nobody'], { by: 'sato' }), 'E_INVALID');
      });
    });

    describe('search', () => {
      const cases: { query: string; docs: string[]; note: string }[] = [
        { query: '非核化', docs: [JA_BLACK_SEA.name], note: 'the text has the Kangxi radical form ⾮核化' },
        { query: '⾮核化', docs: [JA_BLACK_SEA.name], note: 'and the radical form finds it too' },
        { query: '黒海', docs: [JA_BLACK_SEA.name, JA_DRONES.name], note: 'a two-character word inside longer runs' },
        { query: '抑止', docs: [JA_BLACK_SEA.name, JA_DRONES.name], note: 'two characters' },
        { query: '核', docs: [JA_BLACK_SEA.name], note: 'one character' },
        { query: '商船航路', docs: [JA_BLACK_SEA.name], note: 'a longer phrase' },
        { query: '航路 保険料', docs: [JA_BLACK_SEA.name], note: 'every word must occur' },
        { query: 'sanction', docs: [EN_CORRIDOR.name], note: 'a word finds its longer forms' },
        { query: 'SANCTIONS', docs: [EN_CORRIDOR.name], note: 'case does not matter' },
        { query: 'Ｂｌａｃｋ Ｓｅａ', docs: [JA_BLACK_SEA.name, EN_CORRIDOR.name], note: 'full-width letters are normalised (a Japanese note cites "the Black Sea")' },
        { query: '"western Black Sea"', docs: [EN_CORRIDOR.name], note: 'a quoted phrase' },
        { query: 'Bondarenko', docs: [JA_BLACK_SEA.name, EN_CORRIDOR.name, JA_DRONES.name], note: 'a name finds its katakana and Cyrillic spellings' },
        { query: 'ボンダレンコ', docs: [JA_BLACK_SEA.name, EN_CORRIDOR.name, JA_DRONES.name], note: 'and the other way round' },
        { query: 'unicorn', docs: [], note: 'nothing' },
      ];
      for (const t of cases) {
        it(`${t.query}: ${t.note}`, async () => {
          await withCorpus(MAIN_DOCS, async (c) => {
            const r = await c.search(t.query);
            assert.deepEqual(r.hits.map((h) => h.document.name).sort(), t.docs.slice().sort());
            for (const h of r.hits) {
              assert.ok(h.snippets.length > 0 && h.snippets.length <= 3);
              for (const s of h.snippets) {
                const doc = MAIN_DOCS.find((d) => d.name === h.document.name)!;
                assert.equal(doc.text.slice(s.start, s.end), s.text, 'a snippet is the text at its offsets');
                assert.ok(s.highlights.length > 0);
                for (const hl of s.highlights) assert.ok(hl.start >= 0 && hl.end <= s.text.length && hl.start < hl.end);
              }
            }
          });
        });
      }

      it('highlights what matched, in the original text', async () => {
        await withCorpus(MAIN_DOCS, async (c) => {
          const r = await c.search('非核化');
          const s = r.hits[0]!.snippets[0]!;
          assert.deepEqual(s.highlights.map((h) => s.text.slice(h.start, h.end)), ['⾮核化']);
          assert.equal(s.section, '沿岸国の見方');
          assert.deepEqual(s.speakers, ['ミハイ・ポペスク']);
          const en = await c.search('sanction');
          const e = en.hits[0]!.snippets[0]!;
          assert.deepEqual(e.highlights.map((h) => e.text.slice(h.start, h.end)), ['sanctions']);
        });
      });

      it('ranks documents with more matches higher', async () => {
        await withCorpus(MAIN_DOCS, async (c) => {
          const r = await c.search('無人艇');
          assert.equal(r.hits[0]!.document.name, JA_DRONES.name);
          assert.equal(r.hits[0]!.matches, 3);
          // Two notes of the same length, one about sanctions throughout, one mentioning them once.
          const filler = '港湾の再建と保険市場の動向を整理する。';
          const many = `制裁の効果。制裁の範囲。制裁の回避。制裁の限界。制裁の今後。${filler}`;
          const once = `制裁の効果。港湾の整備。保険の回復。航路の確保。輸出の再開。${filler}`;
          const spec = (name: string, text: string): DocSpec => ({ name, text, date: '2025-02-01', title: null, language: 'ja', people: [], attributions: [] });
          await c.addSources([once, many].map((text, i) => ({ source: { text, format: 'text' as const }, name: `n${i}.txt`, analysis: makeAnalysis(spec(`n${i}.txt`, text)) })));
          const ranked = await c.search('制裁');
          assert.deepEqual(ranked.hits.map((h) => h.document.name), ['n1.txt', 'n0.txt']);
          assert.ok(ranked.hits[0]!.score > ranked.hits[1]!.score);
          assert.deepEqual(ranked.hits.map((h) => h.matches), [5, 1]);
        });
      });

      it('ranks only the most recently added when too many match, and says so', async () => {
        const store = await backend.open({ rankCap: 2 });
        const c = new Corpus(store, { analyzer: fixtureAnalyzer(ALL_DOCS) });
        try {
          await c.addSources(MAIN_DOCS.map(sourceOf));
          const r = await c.search('Bondarenko');
          assert.equal(r.total, 3);
          assert.equal(r.rankedWithin, 2);
          assert.deepEqual(r.hits.map((h) => h.document.name).sort(), [EN_CORRIDOR.name, JA_DRONES.name].sort());
          // A filter narrows the matches first; then all of them are ranked.
          const narrowed = await c.search('Bondarenko', { from: '2024' });
          assert.equal(narrowed.rankedWithin, null);
          assert.equal(narrowed.hits.length, 3);
          assert.equal((await c.search('黒海')).rankedWithin, null);
        } finally {
          await c.close();
        }
      });

      it('filters by speaker, document and date', async () => {
        await withCorpus(MAIN_DOCS, async (c) => {
          const names = async (q: string, o: Parameters<Corpus['search']>[1]) => (await c.search(q, o)).hits.map((h) => h.document.name).sort();
          assert.deepEqual(await names('黒海', { speaker: 'Bondarenko' }), [JA_BLACK_SEA.name, JA_DRONES.name].sort());
          assert.deepEqual(await names('抑止', { speaker: 'ミハイ・ポペスク' }), [JA_BLACK_SEA.name]);
          assert.deepEqual(await names('抑止', { speaker: 'Taras Bondarenko' }), [], 'the word is there, but not in his words');
          const onlyHis = await c.search('黒海', { speaker: 'Bondarenko' });
          for (const h of onlyHis.hits) for (const s of h.snippets) assert.ok(s.speakers.some((x) => /ボンダレンコ/.test(x)));
          assert.deepEqual(await names('黒海', { document: JA_DRONES.name }), [JA_DRONES.name]);
          assert.deepEqual(await names('黒海', { from: '2024-06' }), [JA_DRONES.name]);
          assert.deepEqual(await names('黒海', { to: '2024-03' }), [JA_BLACK_SEA.name]);
          assert.deepEqual(await names('Black', { from: '2025', to: '2025' }), [EN_CORRIDOR.name]);
          await rejects(c.search('黒海', { from: 'last spring' }), 'E_INVALID');
          await rejects(c.search('黒海', { speaker: 'Kovalenko' }), 'E_AMBIGUOUS');
          await rejects(c.search('  ,, '), 'E_INVALID');
        });
      });

      it('pages through results', async () => {
        await withCorpus(MAIN_DOCS, async (c) => {
          const all = (await c.search('黒海')).hits.map((h) => h.document.id);
          const one = (await c.search('黒海', { limit: 1 })).hits.map((h) => h.document.id);
          const two = (await c.search('黒海', { limit: 1, offset: 1 })).hits.map((h) => h.document.id);
          assert.deepEqual([...one, ...two], all);
          assert.equal((await c.search('黒海', { limit: 1 })).total, 2);
        });
      });
    });

    it('lists dated mentions in date order, with filters', async () => {
      await withCorpus(MAIN_DOCS, async (c) => {
        const all = await c.timeline();
        assert.deepEqual(all.map((t) => t.date), ['2022', '2023', '2023-08', '2024-03-15', '2024-11-02', '2025', '2025-01-20']);
        const t = all.find((x) => x.date === '2023-08')!;
        assert.equal(t.text, '2023年8月');
        assert.equal(JA_BLACK_SEA.text.slice(t.start, t.end), t.text);
        assert.match(t.context, /商船航路は2023年8月以降/);
        assert.equal(t.document.name, JA_BLACK_SEA.name);
        assert.deepEqual((await c.timeline({ from: '2024', to: '2024-12' })).map((x) => x.date), ['2024-03-15', '2024-11-02']);
        assert.deepEqual((await c.timeline({ speaker: 'Taras Bondarenko' })).map((x) => x.date), ['2023-08']);
        assert.deepEqual((await c.timeline({ document: EN_CORRIDOR.name })).map((x) => x.date), ['2023', '2025-01-20']);
      });
    });

    describe('corrections', () => {
      it('accepts, rejects, edits and adds; each attribution says machine or analyst', async () => {
        await withCorpus(MAIN_DOCS, async (c) => {
          const doc = JA_BLACK_SEA.name;
          const r1 = await c.correct({ document: doc, action: 'accept', attribution: 'a1', by: 'kato' });
          assert.equal(r1.attribution!.review, 'accepted');
          assert.equal(r1.attribution!.provenance, 'machine');
          await c.correct({ document: doc, action: 'reject', quote: '保険料の高騰', by: 'kato', why: 'the footnote says 同上; it is the editor' });
          const r3 = await c.correct({ document: doc, action: 'edit', attribution: 'a3', speakers: ['Taras Bondarenko'], kind: 'quote', by: 'sato', why: 'misread' });
          assert.equal(r3.attribution!.provenance, 'analyst');
          assert.equal(r3.attribution!.review, 'edited');
          assert.equal(r3.attribution!.kind, 'quote');
          assert.deepEqual(r3.attribution!.speakers.map((s) => s.name), ['Taras Bondarenko']);
          assert.equal(r3.attribution!.speakers[0]!.person, 'p1', 'the speaker is resolved to the document person');
          const content = '2022年以降、黒海の海上交通は大きく変化した';
          const r4 = await c.correct({ document: doc, action: 'add', contentQuote: content, speakers: ['Oksana Melnyk'], by: 'sato' });
          assert.equal(r4.attribution!.review, 'added');
          assert.equal(r4.attribution!.content.text, content);
          assert.equal(JA_BLACK_SEA.text.slice(r4.attribution!.content.start, r4.attribution!.content.end), content);

          const list = await c.attributions(doc);
          assert.deepEqual(list.map((a) => [a.id, a.provenance, a.review]), [
            [`x${r4.correction.id}`, 'analyst', 'added'],
            ['a1', 'machine', 'accepted'],
            ['a3', 'analyst', 'edited'],
            ['a4', 'machine', null],
          ]);
          assert.equal((await c.attributions(doc, { includeRejected: true })).find((a) => a.id === 'a2')!.review, 'rejected');
          // The machine output is untouched, beside the corrections.
          assert.equal((await c.document(doc)).analysis.attributions.length, 4);

          // Expert pages read the corrected claims.
          assert.equal((await c.expert('Taras Bondarenko')).claims.length, 5, 'lost a2, gained a3');
          assert.equal((await c.expert('Oksana Melnyk')).claims.length, 2);
          assert.equal((await c.expert('ミハイ・ポペスク')).claims.length, 1);

          const history = await c.corrections(doc);
          assert.deepEqual(history.map((h) => [h.action, h.by, h.anchored]), [['accept', 'kato', true], ['reject', 'kato', true], ['edit', 'sato', true], ['add', 'sato', true]]);
          assert.equal(history[1]!.why, 'the footnote says 同上; it is the editor');
          assert.equal(history[1]!.quote, '保険料の高騰が穀物輸出の最大の障害になっている');

          await rejects(c.correct({ document: doc, action: 'accept', attribution: 'a99', by: 'kato' }), 'E_NOT_FOUND');
          await rejects(c.correct({ document: doc, action: 'add', span: { start: 5, end: 2 }, speakers: ['x'], by: 'kato' }), 'E_INVALID');
          await rejects(c.correct({ document: doc, action: 'edit', attribution: 'a1', by: 'kato' }), 'E_INVALID');
          await rejects(c.correct({ document: doc, action: 'accept', attribution: 'a1', by: ' ' }), 'E_INVALID');
        });
      });

      it('survive re-analysis; one that no longer anchors is kept and flagged, never dropped', async () => {
        const variants = new Map<string, Analysis>();
        await withCorpus(MAIN_DOCS, async (c) => {
          const doc = JA_BLACK_SEA.name;
          const reject = await c.correct({ document: doc, action: 'reject', attribution: 'a1', by: 'kato' });
          const edit = await c.correct({ document: doc, action: 'edit', attribution: 'a2', speakers: ['ミハイ・ポペスク'], by: 'kato' });
          const accept = await c.correct({ document: doc, action: 'accept', attribution: 'a3', by: 'kato' });
          const add = await c.correct({ document: doc, action: 'add', contentQuote: '黒海の海上交通は大きく変化した', speakers: ['Dmytro Kovalenko'], by: 'kato' });

          // An "improved" extractor: new ids, a2's content a little longer, a3 gone.
          const v1 = makeAnalysis(JA_BLACK_SEA);
          const v2: Analysis = {
            ...v1,
            attributions: v1.attributions.filter((a) => a.id !== 'a3').map((a, i) => {
              const next = { ...a, id: `m${i + 10}` };
              if (a.id !== 'a2') return next;
              const start = a.content.start - 'ボンダレンコは、'.length;
              return { ...next, content: { start, end: a.content.end, text: JA_BLACK_SEA.text.slice(start, a.content.end) } };
            }),
          };
          variants.set(JA_BLACK_SEA.text, v2);
          const summary = await c.reanalyze();
          assert.equal(summary.documents, 3);
          assert.deepEqual(summary.unanchored.map((u) => u.id), [accept.correction.id]);
          assert.match(summary.unanchored[0]!.problem!, /no attribution covers/);

          const list = await c.attributions(doc, { includeRejected: true });
          assert.equal(list.find((a) => a.id === 'm10')!.review, 'rejected', 'the reject followed the attribution to its new id');
          const edited = list.find((a) => a.corrections.includes(edit.correction.id))!;
          assert.equal(edited.id, 'm11');
          assert.deepEqual(edited.speakers.map((s) => s.name), ['ミハイ・ポペスク']);
          assert.ok(list.some((a) => a.corrections.includes(add.correction.id)));
          const history = await c.corrections(doc);
          assert.equal(history.length, 4);
          assert.deepEqual(history.map((h) => h.anchored), [true, true, false, true]);
          assert.equal(history.find((h) => h.id === accept.correction.id)!.status, 'active');
          assert.ok(reject.correction.id);

          // When the extractor finds it again, the kept correction applies again.
          variants.delete(JA_BLACK_SEA.text);
          const back = await c.reanalyze();
          assert.deepEqual(back.unanchored, []);
          assert.equal((await c.attributions(doc)).find((a) => a.id === 'a3')!.review, 'accepted');

          // Withdrawn: kept in the record, no longer applied.
          await c.withdraw(reject.correction.id, { by: 'kato', why: 'changed my mind' });
          assert.equal((await c.attributions(doc)).find((a) => a.id === 'a1')!.review, null);
          assert.equal((await c.corrections(doc)).find((h) => h.id === reject.correction.id)!.status, 'withdrawn');
        }, variants);
      });
    });

    it('exports and imports a corpus without loss', async () => {
      await withCorpus([...MAIN_DOCS, JA_SURNAME_ONLY], async (c) => {
        const [p] = await c.proposals();
        await c.dismiss(p!.a.id, p!.b.id, { by: 'kato' });
        await c.correct({ document: JA_BLACK_SEA.name, action: 'reject', attribution: 'a1', by: 'kato', why: 'x' });
        const first = await exportAll(c);
        const target = new Corpus(await backend.open(), { now: fixedClock(), analyzer: fixtureAnalyzer(ALL_DOCS) });
        try {
          const summary = await target.import(first.map((record, i) => ({ record, where: `line ${i + 1}` })));
          assert.equal(summary.documents, 4);
          const second = await exportAll(target);
          assert.deepEqual(withoutTime(second), withoutTime(first));
          assert.deepEqual(await target.experts(), await c.experts());
          assert.deepEqual(await target.search('Bondarenko'), await c.search('Bondarenko'));
          assert.deepEqual(await target.attributions(JA_BLACK_SEA.name, { includeRejected: true }), await c.attributions(JA_BLACK_SEA.name, { includeRejected: true }));
          await assert.rejects(target.import(first.map((record, i) => ({ record, where: `line ${i + 1}` }))), /not empty/);
        } finally {
          await target.close();
        }
      });
    });

    describe('competing hypotheses', () => {
      it('a matrix keeps hypotheses, evidence from a claim and from text, weights and ratings, and scores them', async () => {
        await withCorpus([JA_BLACK_SEA], async (c, store) => {
          const book = c.achBook();
          const doc = (await c.documents())[0]!;
          const claim = (await store.claims(doc.id))[0]!;
          const m = await book.create({ title: '  Gradual or abrupt?  ', by: 'kato' });
          assert.equal(m.ref, 'm1');
          assert.equal(m.title, 'Gradual or abrupt?');
          const h1 = await book.addHypothesis('m1', 'gradual');
          const h2 = await book.addHypothesis('m1', 'abrupt');
          assert.deepEqual([h1.ref, h2.ref, h1.position, h2.position], ['h1', 'h2', 0, 1]);
          const ev1 = await book.addEvidence('m1', { document: doc.ref.slice(0, 6), claim: claim.localId });
          const ev2 = await book.addEvidence('m1', { text: '演習の規模は年々拡大している' }, { weight: 0.5 });
          assert.deepEqual([ev1.ref, ev1.kind, ev1.docHash, ev1.claim, ev1.text, ev1.weight], ['ev1', 'claim', doc.hash, claim.localId, claim.content, 1]);
          assert.equal(ev1.speaker, claim.speakers.find((s) => s.role === 'speaker')?.name ?? null);
          assert.deepEqual([ev2.ref, ev2.kind, ev2.docHash, ev2.weight], ['ev2', 'text', null, 0.5]);

          await book.rate('m1', 'ev1', 'h1', 'c', 'kato');
          await book.rate('m1', 'ev1', 'h2', 'II', 'kato');
          await book.rate('m1', 'ev2', 'h1', 'I', 'kato');
          await book.rate('m1', 'ev2', 'h1', 'II', 'sato'); // replaces the cell
          const view = await book.rate('m1', 'ev2', 'h2', 'C', 'kato');
          // h1: ev2 II → 0.5 × 2 = 1; h2: ev1 II → 1 × 2 = 2.
          assert.deepEqual(view.result.ranking.map((s) => [s.hypothesis, s.inconsistency]), [['h1', 1], ['h2', 2]]);
          assert.equal(view.matrix.ratings.length, 4);
          assert.equal(view.matrix.ratings.find((r) => r.evidence === ev2.id && r.hypothesis === h1.id)!.by, 'sato');

          // Reopened, the store gives the same matrix back; weights and order are kept.
          await book.weigh('m1', 'ev2', '1.5');
          const reordered = await book.reorder('m1', ['h2', 'h1']);
          assert.deepEqual(reordered.matrix.hypotheses.map((h) => h.ref), ['h2', 'h1']);
          const again = await backend.reopen(store);
          try {
            const stored = (await again.achMatrix('m1'))!;
            assert.deepEqual(stored, reordered.matrix);
            assert.equal(stored.evidence[1]!.weight, 1.5);
            assert.deepEqual((await again.achMatrices()).map((x) => x.ref), ['m1']);
          } finally {
            await again.close();
          }
          // Cleared cells count as N.
          const cleared = await book.rate('m1', 'ev1', 'h2', '-', 'kato');
          assert.equal(cleared.matrix.ratings.length, 3);
          assert.deepEqual(cleared.result.ranking.map((s) => [s.hypothesis, s.inconsistency]), [['h2', 0], ['h1', 3]]);
        });
      });

      it('bad input is refused with one line and changes nothing', async () => {
        await withCorpus([JA_BLACK_SEA], async (c, store) => {
          const book = c.achBook();
          const doc = (await c.documents())[0]!;
          await book.create({ title: 'Q', by: 'kato' });
          await book.addHypothesis('m1', 'gradual');
          await book.addEvidence('m1', { text: 'x' });
          const before = await store.achMatrix('m1');
          await rejects(book.create({ title: '  ', by: 'kato' }), 'E_INVALID');
          await rejects(book.addHypothesis('m9', 'x'), 'E_NOT_FOUND');
          await rejects(book.addHypothesis('nonsense', 'x'), 'E_NOT_FOUND');
          await rejects(book.addHypothesis('m1', 'gradual'), 'E_CONFLICT');
          await rejects(book.addEvidence('m1', { document: doc.ref, claim: 'a999' }), 'E_NOT_FOUND');
          await rejects(book.addEvidence('m1', { document: 'ffffffff', claim: 'a1' }), 'E_NOT_FOUND');
          await rejects(book.addEvidence('m1', { text: 'y' }, { weight: -1 }), 'E_INVALID');
          await rejects(book.addEvidence('m1', { text: 'y' }, { weight: 'heavy' }), 'E_INVALID');
          const bad = await rejects(book.rate('m1', 'ev1', 'h1', 'X', 'kato'), 'E_INVALID');
          assert.match(bad.message, /not one of CC, C, N, I, II/);
          await rejects(book.rate('m1', 'ev9', 'h1', 'C', 'kato'), 'E_NOT_FOUND');
          await rejects(book.rate('m1', 'ev1', 'h9', 'C', 'kato'), 'E_NOT_FOUND');
          await rejects(book.reorder('m1', ['h1', 'h1']), 'E_INVALID');
          assert.deepEqual(await store.achMatrix('m1'), before);
        });
      });

      it('export-corpus carries matrices (order, weights, ratings, claim evidence) into a new corpus', async () => {
        await withCorpus([JA_BLACK_SEA], async (c, store) => {
          const book = c.achBook();
          const doc = (await c.documents())[0]!;
          const claim = (await store.claims(doc.id))[0]!;
          await book.create({ title: 'dropped', by: 'kato' });
          await book.delete('m1');
          await book.create({ title: 'Gradual or abrupt?', by: 'kato' });
          for (const label of ['gradual', 'abrupt', 'no change']) await book.addHypothesis('m2', label);
          await book.addEvidence('m2', { document: doc.ref, claim: claim.localId });
          await book.addEvidence('m2', { text: 'exercises grew' }, { weight: 0.25 });
          await book.rate('m2', 'ev1', 'h1', 'CC', 'kato');
          await book.rate('m2', 'ev2', 'h3', 'II', 'sato');
          await book.reorder('m2', ['h3', 'h1', 'h2']);
          const records = await exportAll(c);
          assert.equal(records.filter((r) => r.record === 'ach-matrix').length, 1);
          const target = await backend.open();
          const copy = new Corpus(target, { now: fixedClock(), analyzer: fixtureAnalyzer(ALL_DOCS) });
          try {
            await copy.import(records.map((record, i) => ({ record, where: `line ${i + 1}` })));
            const strip = (v: Awaited<ReturnType<typeof book.show>>) => JSON.parse(JSON.stringify(v, (k, x) => (k === 'id' || k === 'evidence' && typeof x === 'number' || k === 'hypothesis' && typeof x === 'number' ? undefined : x)));
            assert.deepEqual(strip(await copy.achBook().show('m2')), strip(await book.show('m2')));
            assert.equal((await copy.achBook().create({ title: 'next', by: 'kato' })).ref, 'm3', 'the counter came along');
            // A corpus that holds a matrix is not empty.
            await assert.rejects(copy.import(records.map((record, i) => ({ record, where: `line ${i + 1}` }))), /not empty/);
          } finally {
            await copy.close();
          }
        });
      });

      it('deleting a matrix takes its rows with it; deleting a document leaves its claims readable as evidence', async () => {
        await withCorpus([JA_BLACK_SEA, EN_CORRIDOR], async (c, store) => {
          const book = c.achBook();
          const doc = (await c.documents())[0]!;
          const claim = (await store.claims(doc.id))[0]!;
          await book.create({ title: 'one', by: 'kato' });
          await book.create({ title: 'two', by: 'kato' });
          await book.addHypothesis('m1', 'h');
          await book.addEvidence('m1', { document: doc.ref, claim: claim.localId });
          await book.rate('m1', 'ev1', 'h1', 'CC', 'kato');
          assert.deepEqual((await book.show('m1')).stale, []);
          await c.delete(doc.ref);
          const after = await book.show('m1');
          assert.equal(after.matrix.evidence[0]!.text, claim.content);
          assert.deepEqual(after.stale, [{ evidence: 'ev1', reason: `its document ${doc.hash.slice(0, 12)} is no longer in the corpus` }]);
          assert.equal((await book.delete('m1')).ref, 'm1');
          assert.equal(await store.achMatrix('m1'), undefined);
          assert.deepEqual((await book.list()).map((m) => m.ref), ['m2']);
          assert.equal((await book.create({ title: 'three', by: 'kato' })).ref, 'm3', 'refs are never reused');
        });
      });
    });

    it('two writers at once neither duplicate nor lose documents', async () => {
      const store = await backend.open();
      const other = await backend.reopen(store);
      const a = new Corpus(store, { analyzer: fixtureAnalyzer(ALL_DOCS) });
      const b = new Corpus(other, { analyzer: fixtureAnalyzer(ALL_DOCS) });
      try {
        const [ra, rb] = await Promise.all([a.addSources(ALL_DOCS.map(sourceOf)), b.addSources([...ALL_DOCS].reverse().map(sourceOf))]);
        const added = [...ra, ...rb].filter((o) => o.status === 'added').length;
        assert.equal(added, ALL_DOCS.length);
        assert.equal(await store.countDocuments(), ALL_DOCS.length);
        assert.equal((await a.expert('Taras Bondarenko')).claims.length, 6 - 1, 'one identity, linked by both writers');
      } finally {
        await a.close();
        await b.close();
      }
    });
  });
}

export async function exportAll(c: Corpus): Promise<TransferRecord[]> {
  const out: TransferRecord[] = [];
  await c.export((r) => { out.push(r); });
  return out;
}

export function withoutTime(records: TransferRecord[]): unknown[] {
  return records.map((r) => (r.record === 'header' ? { ...r, exportedAt: '' } : r));
}

export type { Backend };
