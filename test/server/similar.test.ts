/** GET /api/documents/:id/claims/:claim/similar through `app.request`: "also said by", with bad input. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createApp } from '../../src/server/app.ts';
import { PORTS_A, PORTS_B } from './_texts.ts';
import { createTestCorpus, type TestCorpus } from './_corpus.ts';

let t: TestCorpus;
let app: ReturnType<typeof createApp>;

before(async () => {
  t = await createTestCorpus({ 'ports-a.txt': PORTS_A, 'ports-b.txt': PORTS_B });
  app = createApp({ corpus: t.corpus, user: 'tester', cache: { probeEveryMs: 0 }, log: () => undefined });
});
after(async () => t.dispose());

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function get(path: string): Promise<{ status: number; body: any }> {
  const res = await app.request(path);
  return { status: res.status, body: await res.json() };
}

test('lists the claims of other speakers that say nearly the same, with speaker, document and similarity', async () => {
  const a = t.refs['ports-a.txt']!;
  const b = t.refs['ports-b.txt']!;
  const r = await get(`/api/documents/${a}/claims/a1/similar`);
  assert.equal(r.status, 200, JSON.stringify(r.body));
  assert.equal(r.body.claim.text, '北方の港では冬になると物資の輸送が大幅に遅れる');
  assert.equal(r.body.threshold, 0.6);
  assert.deepEqual(r.body.similar.map((s: { document: { id: string }; id: string; speakers: { name: string }[] }) => [s.document.id, s.id, s.speakers[0]!.name]), [[b, 'a1', 'カリン・ストロム']]);
  assert.ok(r.body.similar[0].similarity >= 0.6);
  // By file name too, and nothing for an unrelated claim.
  assert.equal((await get('/api/documents/ports-a.txt/claims/a1/similar?limit=5')).body.similar.length, 1);
  assert.deepEqual((await get(`/api/documents/${a}/claims/a2/similar`)).body.similar, []);
});

test('bad input: 400 for a bad threshold, limit or claim id; 404 for an unknown document or claim', async () => {
  const a = t.refs['ports-a.txt']!;
  for (const q of ['threshold=2', 'threshold=x', 'limit=0', 'limit=1000', 'same=maybe']) {
    const r = await get(`/api/documents/${a}/claims/a1/similar?${q}`);
    assert.equal(r.status, 400, q);
    assert.equal(r.body.error.code, 'E_INVALID');
  }
  assert.equal((await get(`/api/documents/${a}/claims/${encodeURIComponent('a1;drop')}/similar`)).status, 400);
  assert.equal((await get(`/api/documents/${a}/claims/a9/similar`)).status, 404);
  assert.equal((await get('/api/documents/nosuchdocument/claims/a1/similar')).status, 404);
});
