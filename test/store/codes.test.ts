/**
 * Claim codes and the analyst's coding decisions, through the corpus API on every store (SQLite, and
 * PostgreSQL when MIKATA_TEST_DATABASE_URL is set): every claim coded with evidence into the document's
 * text; accept, reject and add kept as decisions that survive reanalysis and codebook edits; bad input.
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Corpus } from '../../src/store/corpus.ts';
import type { Analysis } from '../../src/core/model/schema.ts';
import { CODEBOOK_FORMAT, type Codebook } from '../../src/core/codebook/codebook.ts';
import { DEFAULT_CODEBOOK } from '../../src/core/codebook/default-codebook.ts';
import type { ClaimRow } from '../../src/store/store.ts';
import type { TransferRecord } from '../../src/store/transfer.ts';
import { backends } from './_backends.ts';
import { fixtureCorpus, rejects } from './_corpus.ts';
import { ALL_DOCS, EN_CORRIDOR, fixedClock, fixtureAnalyzer, JA_BLACK_SEA, JA_DRONES, makeAnalysis, sourceOf } from './_fixtures.ts';

const DOCS = [JA_BLACK_SEA, EN_CORRIDOR, JA_DRONES];

const codesOf = (claims: readonly ClaimRow[], id: string) => (claims.find((c) => c.localId === id)?.codes ?? []).map((k) => `${k.code}:${k.status}`).sort();

for (const backend of backends()) {
  describe(`claim codes: ${backend.name}`, () => {
    after(() => backend.cleanup());

    const withCorpus = fixtureCorpus(backend, ALL_DOCS, DOCS);
    const claimsOf = async (c: Corpus, name: string) => c.store.claims((await c.resolveDocument(name)).id);

    it('codes every claim on ingest with the default codebook; evidence spans point into the document text', async () => {
      await withCorpus(async (c) => {
        assert.equal((await c.codebook()).custom, false);
        const ja = await claimsOf(c, JA_BLACK_SEA.name);
        assert.ok(ja.every((x) => Array.isArray(x.codes)));
        assert.deepEqual(codesOf(ja, 'a4'), ['domain.nuclear:machine', 'lens.deterrence:machine']);
        assert.ok(codesOf(ja, 'a3').includes('domain.naval:machine'));
        const en = await claimsOf(c, EN_CORRIDOR.name);
        assert.ok(codesOf(en, 'a4').includes('domain.sanctions:machine'));
        for (const [spec, claims] of [[JA_BLACK_SEA, ja], [EN_CORRIDOR, en]] as const) {
          for (const claim of claims) {
            for (const k of claim.codes ?? []) {
              for (const e of k.evidence) {
                assert.equal(spec.text.slice(e.start, e.end), e.quote);
                assert.ok(e.start >= claim.start && e.end <= claim.end, 'evidence lies inside its claim');
              }
            }
          }
        }
        // The expert page carries the same codes.
        const page = await c.expert('ミハイ・ポペスク');
        assert.deepEqual(page.claims.find((x) => x.id === 'a4')!.codes.map((k) => k.code).sort(), ['domain.nuclear', 'lens.deterrence']);
      });
    });

    it('accept, reject and add are kept as decisions; they survive reanalysis with new claim ids', async () => {
      const variants = new Map<string, Analysis>();
      await withCorpus(async (c) => {
        const doc = JA_BLACK_SEA.name;
        const rej = await c.decideCode({ document: doc, claim: 'a4', code: 'domain.nuclear', action: 'reject', by: 'kato', why: '非核化 is mentioned only to set it aside' });
        assert.equal(rej.decision.ref, 'k1');
        await c.decideCode({ document: doc, quote: '通常戦力の抑止', code: 'lens.deterrence', action: 'accept', by: 'kato' });
        const add = await c.decideCode({ document: doc, claim: 'a2', code: 'domain.economy', action: 'add', by: 'sato' });
        assert.equal(add.claim?.localId, 'a2');
        let claims = await claimsOf(c, doc);
        assert.deepEqual(codesOf(claims, 'a4'), ['domain.nuclear:rejected', 'lens.deterrence:accepted']);
        assert.ok(codesOf(claims, 'a2').includes('domain.economy:added'));

        // An improved extractor: new ids for every claim.
        const v1 = makeAnalysis(JA_BLACK_SEA);
        variants.set(JA_BLACK_SEA.text, { ...v1, attributions: v1.attributions.map((a, i) => ({ ...a, id: `m${i + 10}` })) });
        await c.reanalyze();
        claims = await claimsOf(c, doc);
        assert.deepEqual(codesOf(claims, 'm13'), ['domain.nuclear:rejected', 'lens.deterrence:accepted']);
        assert.ok(codesOf(claims, 'm11').includes('domain.economy:added'));
        const decisions = await c.codeDecisions(doc);
        assert.deepEqual(decisions.map((d) => [d.ref, d.action, d.code, d.by, d.anchored]), [
          ['k1', 'reject', 'domain.nuclear', 'kato', true], ['k2', 'accept', 'lens.deterrence', 'kato', true], ['k3', 'add', 'domain.economy', 'sato', true],
        ]);
        assert.equal(decisions[0]!.why, '非核化 is mentioned only to set it aside');

        // Withdrawn: kept, no longer applied.
        await c.withdrawCodeDecision('k1');
        assert.deepEqual(codesOf(await claimsOf(c, doc), 'm13'), ['domain.nuclear:machine', 'lens.deterrence:accepted']);
        assert.equal((await c.codeDecisions(doc))[0]!.status, 'withdrawn');
      }, variants);
    });

    it('a decision whose claim is gone is kept and flagged, and applies again when the claim comes back', async () => {
      const variants = new Map<string, Analysis>();
      await withCorpus(async (c) => {
        const doc = JA_BLACK_SEA.name;
        await c.decideCode({ document: doc, claim: 'a3', code: 'alliance.partnership', action: 'add', by: 'kato' });
        const v1 = makeAnalysis(JA_BLACK_SEA);
        variants.set(JA_BLACK_SEA.text, { ...v1, attributions: v1.attributions.filter((a) => a.id !== 'a3') });
        await c.reanalyze();
        const [d] = await c.codeDecisions(doc);
        assert.equal(d!.anchored, false);
        assert.match(d!.problem!, /its claim is no longer found: «ルーマニアの港湾/);
        variants.delete(JA_BLACK_SEA.text);
        await c.reanalyze();
        assert.equal((await c.codeDecisions(doc))[0]!.anchored, true);
        assert.ok(codesOf(await claimsOf(c, doc), 'a3').includes('alliance.partnership:added'));
      }, variants);
    });

    it('a new codebook recodes every claim; decisions on codes it lacks are flagged, and apply again when the code returns', async () => {
      await withCorpus(async (c) => {
        await c.decideCode({ document: EN_CORRIDOR.name, claim: 'a2', code: 'domain.munitions', action: 'add', by: 'kato' });
        const mine: Codebook = {
          format: CODEBOOK_FORMAT, name: 'ports only', version: '1',
          codes: [{ id: 'ports', name: { ja: '港', en: 'Ports' }, indicators: { ja: ['港湾'], en: ['port', 'corridor'] } }],
        };
        const r = await c.setCodebook(mine);
        assert.deepEqual(r, { documents: 3, unanchored: 1 });
        assert.equal((await c.codebook()).custom, true);
        const en = await claimsOf(c, EN_CORRIDOR.name);
        assert.deepEqual(codesOf(en, 'a4'), ['ports:machine']);
        assert.deepEqual(codesOf(en, 'a2'), []);
        assert.deepEqual(codesOf(await claimsOf(c, JA_BLACK_SEA.name), 'a3'), ['ports:machine']);
        const [d] = await c.codeDecisions();
        assert.match(d!.problem!, /code "domain\.munitions" is not in the codebook/);

        await c.setCodebook(null);
        assert.equal((await c.codebook()).book, DEFAULT_CODEBOOK);
        assert.ok(codesOf(await claimsOf(c, EN_CORRIDOR.name), 'a2').includes('domain.munitions:added'));
        assert.equal((await c.codeDecisions())[0]!.anchored, true);
      });
    });

    it('bad decisions are refused with the reason and change nothing', async () => {
      await withCorpus(async (c) => {
        const doc = JA_BLACK_SEA.name;
        await rejects(c.decideCode({ document: doc, claim: 'a1', code: 'no.such', action: 'add', by: 'kato' }), 'E_NOT_FOUND', /no code "no\.such"/);
        await rejects(c.decideCode({ document: doc, claim: 'a1', code: 'domain', action: 'add', by: 'kato' }), 'E_INVALID', /only groups/);
        await rejects(c.decideCode({ document: doc, claim: 'a99', code: 'domain.naval', action: 'add', by: 'kato' }), 'E_NOT_FOUND', /no claim a99/);
        await rejects(c.decideCode({ document: doc, quote: 'は', code: 'domain.naval', action: 'add', by: 'kato' }), 'E_AMBIGUOUS');
        await rejects(c.decideCode({ document: doc, claim: 'a1', code: 'domain.naval', action: 'add', by: ' ' }), 'E_INVALID');
        await rejects(c.decideCode({ document: doc, claim: 'a1', code: 'domain.naval', action: 'maybe' as 'add', by: 'kato' }), 'E_INVALID');
        await rejects(c.decideCode({ document: 'nope', claim: 'a1', code: 'domain.naval', action: 'add', by: 'kato' }), 'E_NOT_FOUND');
        await rejects(c.withdrawCodeDecision('k9'), 'E_NOT_FOUND');
        assert.deepEqual(await c.codeDecisions(), []);
      });
    });

    it('export-corpus and import-corpus carry the codebook and the coding decisions', async () => {
      await withCorpus(async (c) => {
        const mine: Codebook = {
          format: CODEBOOK_FORMAT, name: 'ports only', version: '7',
          codes: [{ id: 'ports', name: { ja: '港', en: 'Ports' }, indicators: { ja: ['港湾'], en: ['port', 'corridor'] } }, { id: 'mines', name: { ja: '機雷', en: 'Mines' } }],
        };
        await c.setCodebook(mine);
        await c.decideCode({ document: JA_BLACK_SEA.name, claim: 'a1', code: 'mines', action: 'add', by: 'kato', why: 'mines' });
        await c.decideCode({ document: JA_BLACK_SEA.name, claim: 'a3', code: 'ports', action: 'reject', by: 'kato' });
        const records: TransferRecord[] = [];
        await c.export((r) => { records.push(r); });
        assert.ok(records.some((r) => r.record === 'codebook'));
        const fresh = new Corpus(await backend.open(), { now: fixedClock(), analyzer: fixtureAnalyzer(ALL_DOCS) });
        try {
          await fresh.import(records.map((record, i) => ({ record, where: `line ${i + 1}` })));
          assert.deepEqual((await fresh.codebook()).book, mine);
          assert.deepEqual((await fresh.codeDecisions()).map((d) => [d.ref, d.action, d.code, d.why]), [['k1', 'add', 'mines', 'mines'], ['k2', 'reject', 'ports', null]]);
          for (const name of [JA_BLACK_SEA.name, EN_CORRIDOR.name]) assert.deepEqual(await claimsOf(fresh, name), await claimsOf(c, name));
          const next = await fresh.decideCode({ document: EN_CORRIDOR.name, claim: 'a1', code: 'ports', action: 'add', by: 'sato' });
          assert.equal(next.decision.ref, 'k3', 'the decision counter came along');
        } finally {
          await fresh.close();
        }
        // A codebook record that is not a codebook stops the import with the reason.
        const bad = records.map((r) => (r.record === 'codebook' ? { ...r, codebook: { format: CODEBOOK_FORMAT, name: 'x', version: '1', codes: [] } } : r));
        const other = new Corpus(await backend.open(), { now: fixedClock(), analyzer: fixtureAnalyzer(ALL_DOCS) });
        try {
          await assert.rejects(other.import(bad.map((record, i) => ({ record, where: `line ${i + 1}` }))), /line \d+: the codebook: not a valid codebook: codes/);
        } finally {
          await other.close();
        }
      });
    });

    it('deleting a document takes its claim codes and keeps its decisions in the record', async () => {
      await withCorpus(async (c, store) => {
        const id = (await c.resolveDocument(EN_CORRIDOR.name)).id;
        await c.decideCode({ document: EN_CORRIDOR.name, claim: 'a1', code: 'domain.economy', action: 'accept', by: 'kato' });
        await c.delete(EN_CORRIDOR.name);
        assert.deepEqual(await store.claims(id), []);
        assert.equal((await c.codeDecisions()).length, 1);
        // The same text added back gets its decision again.
        await c.addSources([sourceOf(EN_CORRIDOR)]);
        assert.ok(codesOf(await claimsOf(c, EN_CORRIDOR.name), 'a1').includes('domain.economy:accepted'));
      });
    });
  });
}
