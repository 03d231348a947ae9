/**
 * The grading routes: set, read and clear a source's reliability and a claim's credibility through the API;
 * the reader and the expert page carry them with the caveats; the caveat list; and bad input (unknown ids,
 * letters and digits off the scale, malformed bodies): a 4xx with one line, and nothing recorded.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createApp } from '../../src/server/app.ts';
import { Corpus } from '../../src/store/corpus.ts';
import { BRIEFING_EN, BRIEFING_JA } from './_texts.ts';

type Json = any;
const send = (method: string, body?: unknown): RequestInit => (body === undefined
  ? { method }
  : { method, headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });

let dir: string;
let corpus: Corpus;
let app: ReturnType<typeof createApp>;
let ja: string;
let volkova: string;
let saar: string;
async function call(path: string, init?: RequestInit): Promise<{ status: number; body: Json }> {
  const res = await app.request(path, init);
  return { status: res.status, body: await res.json() };
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mikata-grade-api-'));
  corpus = await Corpus.open({ db: join(dir, 'corpus.db'), create: true, now: () => '2025-04-01T09:00:00.000Z' });
  const out = await corpus.addSources([
    { source: { text: BRIEFING_JA, format: 'text' }, name: 'briefing-ja.txt' },
    { source: { text: BRIEFING_EN, format: 'text' }, name: 'briefing-en.txt' },
  ]);
  ja = out[0]!.document!.id;
  volkova = (await corpus.resolvePerson('エレナ・ヴォルコワ')).ref;
  saar = (await corpus.resolvePerson('Katri Saar')).ref;
  app = createApp({ corpus, user: 'tester', cache: { probeEveryMs: 0 } });
});
after(async () => {
  await corpus.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('grading routes', () => {
  test('a source: read (caveats, suggestion), set, replace, clear; the expert page and the reader show it', async () => {
    let r = await call(`/api/sources/${volkova}/grade`);
    assert.equal(r.status, 200);
    assert.equal(r.body.reliability, null);
    assert.equal(r.body.suggestion, 'C');
    assert.deepEqual(r.body.caveats.map((c: Json) => c.id), ['official.spokesperson', 'official.government']);
    // Read the reader and the expert page once, so that the response cache holds them.
    assert.equal((await call(`/api/documents/${ja}`)).body.grades.sources[volkova].reliability, null);

    r = await call(`/api/sources/${volkova}/grade`, send('PUT', { reliability: 'b', why: 'matches later official records' }));
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.deepEqual([r.body.grade.ref, r.body.grade.value, r.body.grade.by, r.body.source.reliability.value], ['g1', 'B', 'tester', 'B']);
    const reader = (await call(`/api/documents/${ja}`)).body;
    assert.equal(reader.grades.sources[volkova].reliability.value, 'B', 'the reader is read afresh after a grade');
    assert.equal(reader.grades.sources[volkova].caveats.length, 2);
    const page = (await call(`/api/experts/${volkova}`)).body;
    assert.equal(page.sources[volkova].reliability.value, 'B');

    r = await call(`/api/sources/${volkova}/grade`, send('DELETE', { why: 'second thoughts' }));
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.source.reliability, null);
    assert.equal((await call(`/api/sources/${volkova}/grade`, send('DELETE'))).status, 404, 'nothing left to clear');
    const history = (await call(`/api/grades?source=${volkova}&all=1`)).body;
    assert.deepEqual(history.map((g: Json) => [g.ref, g.value, g.why]), [['g1', 'B', 'matches later official records'], ['g2', null, 'second thoughts']]);
  });

  test('a claim: set, carried by the reader and the expert page, cleared', async () => {
    let r = await call(`/api/documents/${ja}/claims/a1/grade`, send('PUT', { credibility: 3 }));
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.claim.credibility.value, '3');
    assert.equal((await call(`/api/documents/${ja}`)).body.grades.credibility.a1.value, '3');
    const page = (await call(`/api/experts/${volkova}`)).body;
    assert.equal(page.claims.find((c: Json) => c.id === 'a1').credibility.value, '3');
    assert.deepEqual((await call(`/api/grades?document=${ja}`)).body.map((g: Json) => [g.kind, g.claim, g.value]), [['credibility', 'a1', '3']]);
    r = await call(`/api/documents/${ja}/claims/a1/grade`, send('DELETE'));
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal((await call(`/api/documents/${ja}`)).body.grades.credibility.a1, undefined);
  });

  test('bad input: 4xx with one line, and nothing recorded', async () => {
    const before = (await call('/api/grades?all=1')).body.length;
    for (const [path, init, status, message] of [
      [`/api/sources/${saar}/grade`, send('PUT', { reliability: 'G' }), 400, /reliability: "G" is not a grade from A to F/],
      [`/api/sources/${saar}/grade`, send('PUT', { reliability: '2' }), 400, /not a grade from A to F/],
      [`/api/sources/${saar}/grade`, send('PUT', { reliability: 'A', extra: 1 }), 400, /extra|Unrecognized/i],
      [`/api/sources/${saar}/grade`, send('PUT', { reliability: 1 }), 400, /reliability/],
      [`/api/sources/${saar}/grade`, send('PUT', '{not json'), 400, /not valid JSON/],
      [`/api/sources/${saar}/grade`, { method: 'PUT', headers: { 'content-type': 'text/plain' }, body: 'A' }, 415, /application\/json/],
      ['/api/sources/e9999/grade', send('PUT', { reliability: 'A' }), 404, /no one called "e9999"/],
      ['/api/sources/bondarenko/grade', send('PUT', { reliability: 'A' }), 400, /is not a source id/],
      ['/api/sources/e9999/grade', undefined, 404, /no source e9999/],
      [`/api/documents/${ja}/claims/a1/grade`, send('PUT', { credibility: 7 }), 400, /credibility: 7 is not a grade from 1 to 6/],
      [`/api/documents/${ja}/claims/a1/grade`, send('PUT', { credibility: 'C' }), 400, /not a grade from 1 to 6/],
      [`/api/documents/${ja}/claims/a1/grade`, send('PUT', { credibility: 2.5 }), 400, /not a grade from 1 to 6/],
      [`/api/documents/${ja}/claims/a1/grade`, send('PUT', {}), 400, /credibility/],
      [`/api/documents/${ja}/claims/a99/grade`, send('PUT', { credibility: 2 }), 404, /no claim "a99"/],
      [`/api/documents/${ja}/claims/a%20b/grade`, send('PUT', { credibility: 2 }), 400, /is not a claim id/],
      ['/api/documents/ffffffffffff/claims/a1/grade', send('PUT', { credibility: 2 }), 404, /ffffffffffff/],
      [`/api/documents/${ja}/claims/a2/grade`, send('DELETE'), 404, /no credibility grade to clear/],
      [`/api/grades?document=${ja}&source=${saar}`, undefined, 400, /exclude each other/],
      ['/api/grades?all=maybe', undefined, 400, /all/],
      ['/api/grades/caveats', send('PUT', { caveats: { format: 'mikata-source-caveats/1', name: 'x', version: '1', entries: [{ id: 'Bad Id' }] } }), 400, /not a valid caveat list: entries\.0\.id/],
    ] as const) {
      const r = await call(path, init);
      assert.equal(r.status, status, `${init?.method ?? 'GET'} ${path}: ${JSON.stringify(r.body)}`);
      assert.match(r.body.error.message, message);
      assert.doesNotMatch(r.body.error.message, /\n/);
    }
    assert.equal((await call('/api/grades?all=1')).body.length, before);
    assert.equal((await call('/api/grades/caveats')).body.custom, false);
  });

  test('the caveat list: replace it, and go back to the default', async () => {
    const list = {
      format: 'mikata-source-caveats/1', name: 'sea lanes', version: '1',
      entries: [{ id: 'lanes', kind: 'other', label: { ja: '航路', en: 'Lanes' }, caveat: { ja: '業界の出資', en: 'Industry-funded' }, suggest: 'C', match: { en: ['Sea Lanes'] } }],
    };
    const r = await call('/api/grades/caveats', send('PUT', { caveats: list }));
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.custom, true);
    const s = (await call(`/api/sources/${saar}/grade`)).body;
    assert.deepEqual([s.caveats.map((c: Json) => c.id), s.suggestion], [['lanes'], 'C']);
    assert.equal((await call('/api/grades/caveats', send('DELETE'))).body.custom, false);
  });
});
