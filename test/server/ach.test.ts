/**
 * The ACH routes (/api/ach/…): a matrix built and scored through the API, the CSV download, and bad input:
 * 4xx with one line, bodies over the JSON limit refused before they are read, and nothing stored lost.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApi, type Json, type TestApi } from './_api.ts';

const send = (method: string, body: unknown): RequestInit => ({ method, headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });

let t: TestApi;
let claim: string;
before(async () => {
  t = await createTestApi();
  const doc = await t.corpus.resolveDocument(t.refs['black-sea.txt']!);
  claim = (await t.corpus.store.claims(doc.id))[0]!.localId;
});
after(async () => t.dispose());

describe('/api/ach', () => {
  test('build a matrix, rate it, read the scores, download the CSV', async () => {
    const m = await t.call('/api/ach', send('POST', { title: 'Gradual or abrupt?' }));
    assert.equal(m.status, 201, JSON.stringify(m.body));
    assert.deepEqual([m.body.ref, m.body.title, m.body.by], ['m1', 'Gradual or abrupt?', 'tester']);
    assert.equal((await t.call('/api/ach/m1/hypotheses', send('POST', { label: 'gradual' }))).status, 201);
    assert.equal((await t.call('/api/ach/m1/hypotheses', send('POST', { label: 'abrupt' }))).status, 201);
    const ev1 = await t.call('/api/ach/m1/evidence', send('POST', { document: t.refs['black-sea.txt'], claim }));
    assert.equal(ev1.status, 201, JSON.stringify(ev1.body));
    assert.equal(ev1.body.kind, 'claim');
    const ev2 = await t.call('/api/ach/m1/evidence', send('POST', { text: 'exercises grew year by year', weight: 2 }));
    assert.deepEqual([ev2.status, ev2.body.ref, ev2.body.weight], [201, 'ev2', 2]);
    for (const [evidence, hypothesis, rating] of [['ev1', 'h1', 'C'], ['ev1', 'h2', 'I'], ['ev2', 'h1', 'CC'], ['ev2', 'h2', 'II']]) {
      const r = await t.call('/api/ach/m1/ratings', send('PUT', { evidence, hypothesis, rating }));
      assert.equal(r.status, 200, JSON.stringify(r.body));
    }
    // h1: 0; h2: ev1 I → 1 + ev2 II → 2 × 2 = 5.
    const v = await t.call('/api/ach/m1');
    assert.deepEqual(v.body.result.ranking.map((s: Json) => [s.hypothesis, s.inconsistency, s.rank]), [['h1', 0, 1], ['h2', 5, 2]]);
    assert.deepEqual(v.body.result.diagnosticity.map((d: Json) => [d.evidence, d.value]), [['ev2', 8], ['ev1', 2]]);
    assert.equal(v.body.matrix.ratings[0].by, 'tester');

    const w = await t.call('/api/ach/m1/weights', send('PUT', { evidence: 'ev2', weight: 0 }));
    assert.deepEqual(w.body.result.ranking.map((s: Json) => [s.hypothesis, s.inconsistency]), [['h1', 0], ['h2', 1]]);
    const o = await t.call('/api/ach/m1/order', send('PUT', { hypotheses: ['h2', 'h1'] }));
    assert.deepEqual(o.body.matrix.hypotheses.map((h: Json) => h.ref), ['h2', 'h1']);

    const res = await t.app.request('/api/ach/m1/csv');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type')!, /^text\/csv/);
    assert.match(res.headers.get('content-disposition')!, /attachment; filename="mikata-ach-m1\.csv"/);
    const csv = await res.text();
    assert.equal(csv.split('\r\n')[0], 'evidence,kind,document,claim,speaker,text,weight,h2: abrupt,h1: gradual,diagnosticity');
    assert.deepEqual((await t.call('/api/ach')).body.map((x: Json) => x.ref), ['m1']);
  });

  test('bad input: 4xx with one line, nothing stored lost', async () => {
    const before = (await t.call('/api/ach/m1')).body;
    const cases: [string, RequestInit | undefined, number, RegExp][] = [
      ['/api/ach/m9', undefined, 404, /no ACH matrix "m9"/],
      ['/api/ach/zz', undefined, 400, /not a matrix id/],
      ['/api/ach', send('POST', { title: '' }), 400, /title: give a title/],
      ['/api/ach', send('POST', '{"title":'), 400, /not valid JSON/],
      ['/api/ach', { method: 'POST', body: '{"title":"x"}', headers: { 'content-type': 'text/plain' } }, 415, /application\/json/],
      ['/api/ach/m1/hypotheses', send('POST', { label: 'gradual' }), 409, /already has the hypothesis/],
      ['/api/ach/m1/hypotheses', send('POST', { label: 'x'.repeat(5000) }), 400, /label/],
      ['/api/ach/m9/hypotheses', send('POST', { label: 'x' }), 404, /no ACH matrix/],
      ['/api/ach/m1/evidence', send('POST', { document: t.refs['black-sea.txt'], claim: 'a9999' }), 404, /no claim "a9999"/],
      ['/api/ach/m1/evidence', send('POST', { document: 'nosuchdoc', claim: 'a1' }), 404, /no document/],
      ['/api/ach/m1/evidence', send('POST', { document: t.refs['black-sea.txt'], claim }), 409, /already evidence/],
      ['/api/ach/m1/evidence', send('POST', { text: 'x', document: 'y' }), 400, /either document and claim \(a claim of the corpus\), or text/],
      ['/api/ach/m1/evidence', send('POST', { text: 'x', weight: -1 }), 400, /./],
      ['/api/ach/m1/ratings', send('PUT', { evidence: 'ev1', hypothesis: 'h1', rating: 'X' }), 400, /rating/],
      ['/api/ach/m1/ratings', send('PUT', { evidence: 'ev9', hypothesis: 'h1', rating: 'C' }), 404, /no evidence "ev9"/],
      ['/api/ach/m1/ratings', send('PUT', { evidence: 'ev1', hypothesis: 'h9', rating: 'C' }), 404, /no hypothesis "h9"/],
      ['/api/ach/m1/ratings', send('PUT', { evidence: 'ev1; DROP TABLE', hypothesis: 'h1', rating: 'C' }), 400, /evidence: must be an id/],
      ['/api/ach/m1/weights', send('PUT', { evidence: 'ev1', weight: 1e9 }), 400, /weight/],
      ['/api/ach/m1/order', send('PUT', { hypotheses: ['h1'] }), 400, /name each hypothesis of m1 once/],
      ['/api/ach/m9', { method: 'DELETE' }, 404, /no ACH matrix/],
    ];
    for (const [path, init, status, message] of cases) {
      const r = await t.call(path, init);
      assert.equal(r.status, status, `${init?.method ?? 'GET'} ${path} ${String(init?.body).slice(0, 60)}: ${JSON.stringify(r.body)}`);
      assert.match(r.body.error.message, message, path);
      assert.doesNotMatch(r.body.error.message, /\n/);
    }
    // A body over the JSON limit is refused by its declared size, before it is read.
    const big = await t.app.request('/api/ach/m1/evidence', {
      method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(400 * 1024 * 1024) }, body: '{}',
    });
    assert.equal(big.status, 413);
    assert.equal(((await big.json()) as Json).error.code, 'E_TOO_LARGE');
    const chunked = await t.app.request('/api/ach/m1/evidence', send('POST', { text: 'x'.repeat(300 * 1024) }));
    assert.equal(chunked.status, 413);
    assert.deepEqual((await t.call('/api/ach/m1')).body, before);
  });

  test('evidence whose claim the analyst rejected is listed as unanchored, and anchored again when the rejection is withdrawn', async () => {
    assert.deepEqual((await t.call('/api/ach/unanchored')).body, []);
    const doc = t.refs['black-sea.txt']!;
    const r = await t.call(`/api/documents/${doc}/corrections`, send('POST', { action: 'reject', attribution: claim, by: 'tester' }));
    assert.equal(r.status, 201, JSON.stringify(r.body));
    const loose = await t.call('/api/ach/unanchored');
    assert.equal(loose.status, 200);
    assert.deepEqual(loose.body.map((u: Json) => [u.matrix, u.evidence, u.document, u.claim]), [['m1', 'ev1', doc, claim]]);
    assert.match(loose.body[0].reason, new RegExp(`no longer has claim ${claim}`));
    const shown = (await t.call('/api/ach/m1')).body;
    assert.deepEqual(shown.stale.map((s: Json) => s.evidence), ['ev1']);
    assert.equal(shown.matrix.evidence[0].text.length > 0, true, 'the text it was rated on is kept');
    const ref = r.body.correction.id;
    assert.equal((await t.call(`/api/corrections/${ref}/withdraw`, send('POST', { by: 'tester' }))).status, 200);
    assert.deepEqual((await t.call('/api/ach/unanchored')).body, []);
  });

  test('a cross-site write is refused; delete removes the matrix', async () => {
    const r = await t.app.request('/api/ach/m1', { method: 'DELETE', headers: { origin: 'https://evil.example' } });
    assert.equal(r.status, 403);
    assert.equal((await t.call('/api/ach/m1')).status, 200);
    assert.equal((await t.call('/api/ach/m1', { method: 'DELETE' })).status, 200);
    assert.equal((await t.call('/api/ach/m1')).status, 404);
  });
});
