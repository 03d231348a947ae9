/**
 * GET /api/codes/:code/agreement: the claims of one code grouped by what they say, through the API with
 * no server; bad input gets a 4xx with one line.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApi, type Json, type TestApi } from './_api.ts';
import { NAVAL_CALLS_A, NAVAL_CALLS_B } from './_agreement-texts.ts';

let t: TestApi;
before(async () => {
  t = await createTestApi({ 'ports-a.txt': NAVAL_CALLS_A, 'ports-b.txt': NAVAL_CALLS_B });
});
after(async () => t.dispose());

describe('/api/codes/:code/agreement', () => {
  test('two speakers in two documents agree; one stands alone', async () => {
    const r = await t.call('/api/codes/domain.naval/agreement');
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.code.id, 'domain.naval');
    assert.deepEqual(r.body.totals, { claims: 3, speakers: 3, documents: 2 });
    assert.deepEqual(r.body.agree.map((g: Json) => [g.id, g.speakers.map((s: Json) => s.name), g.documents.map((d: Json) => d.id)]), [
      ['g1', ['戸倉亮介', '柳瀬智之'], [t.refs['ports-a.txt'], t.refs['ports-b.txt']]],
    ]);
    const [first, second] = r.body.agree[0].claims;
    assert.equal(NAVAL_CALLS_A.slice(first.start, first.end), first.text, 'offsets into the document\'s text');
    assert.equal(NAVAL_CALLS_B.slice(second.start, second.end), second.text);
    assert.ok(r.body.agree[0].similarity.min >= 0.6);
    assert.deepEqual(r.body.alone.map((g: Json) => g.speakers[0].name), ['三園玲奈']);

    const strict = await t.call('/api/codes/domain.naval/agreement?threshold=0.95');
    assert.deepEqual([strict.body.threshold, strict.body.agree.length, strict.body.alone.length], [0.95, 0, 3]);
    const one = await t.call(`/api/codes/domain.naval/agreement?documents=${t.refs['ports-b.txt']}`);
    assert.deepEqual([one.body.documents, one.body.totals.claims], [[t.refs['ports-b.txt']], 1]);
  });

  test('bad input: unknown code or document 404, bad code id or threshold 400, one line each', async () => {
    const cases: [string, number, RegExp][] = [
      ['/api/codes/domain.navel/agreement', 404, /no code "domain\.navel" in the codebook/],
      ['/api/codes/domain.naval/agreement?documents=nosuchdoc', 404, /no document "nosuchdoc"/],
      ['/api/codes/domain.naval/agreement?threshold=2', 400, /threshold: must be a number from 0 to 1/],
      ['/api/codes/domain.naval/agreement?threshold=abc', 400, /threshold/],
      [`/api/codes/${encodeURIComponent('a b;DROP')}/agreement`, 400, /code: give a code id/],
      [`/api/codes/${'x'.repeat(101)}/agreement`, 400, /code: give a code id/],
    ];
    for (const [path, status, message] of cases) {
      const r = await t.call(path);
      assert.equal(r.status, status, `${path}: ${JSON.stringify(r.body)}`);
      assert.match(r.body.error.message, message, path);
      assert.doesNotMatch(r.body.error.message, /\n/);
    }
    assert.equal((await t.call('/api/codes/domain.naval/agreement')).body.agree.length, 1, 'nothing changed');
  });
});
