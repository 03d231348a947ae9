/**
 * Replacing a document with a new version through the HTTP API (`app.request`, no socket): the analyst
 * uploads the new file on the document's page; the old version is kept but superseded, the corrections
 * move to the new one and anchor again where their text survives, and the ones that no longer anchor are
 * listed. Bad input (an unknown document, no file, an empty file, the same text, another language, an older
 * version) is refused with a 4xx and nothing changed. Invented texts and people.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApi, type Json, post, type TestApi } from './_api.ts';
import { COASTAL_JA, COASTAL_V2_JA } from './_texts.ts';

const ENGLISH = `Coastal Notes No. 11
According to Marta Vester, a senior researcher at the Shiomi Institute, winter inspections reduced smuggling in the northern ports.
`;

function upload(name: string, text: string): RequestInit {
  const form = new FormData();
  form.append('file', new File([text], name, { type: 'text/plain' }));
  return { method: 'POST', body: form };
}

let t: TestApi;function assertError(r: { status: number; body: Json }, status: number, code: string, message?: RegExp): void {
  assert.equal(r.status, status, JSON.stringify(r.body));
  assert.equal(r.body.error.code, code);
  if (message) assert.match(r.body.error.message, message);
}
const library = async () => ((await t.call('/api/documents')).body.documents as Json[]).map((d) => d.id).sort();

before(async () => {
  t = await createTestApi({ 'coastal.txt': COASTAL_JA });
});
after(async () => t.dispose());

test('bad replacements are refused with a clear 4xx and change nothing', async () => {
  const ref = t.refs['coastal.txt']!;
  const before = await library();
  const reader = (await t.call(`/api/documents/${ref}`)).body;

  assertError(await t.call('/api/documents/ffffffffffff/replace', upload('coastal.txt', COASTAL_V2_JA)), 404, 'E_NOT_FOUND');
  const english = await t.call(`/api/documents/${ref}/replace`, upload('coastal-en.txt', ENGLISH));
  assertError(english, 400, 'E_INVALID', /in English but document .* is in Japanese: a translation is another document/);
  assert.equal(english.body.error.reason, 'language', 'a reason the workbench words in its own language');
  assertError(await t.call(`/api/documents/${ref}/replace`, upload('empty.txt', '')), 400, 'E_INVALID', /empty/);
  assertError(await t.call(`/api/documents/${ref}/replace`, upload('blank.txt', '  \n\n ')), 422, 'E_EMPTY', /white space/);
  assertError(await t.call(`/api/documents/${ref}/replace`, upload('coastal.txt', COASTAL_JA)), 409, 'E_CONFLICT', /same text/);
  assertError(await t.call(`/api/documents/${ref}/replace`, upload('coastal.exe', COASTAL_V2_JA)), 415, 'E_TYPE');
  assertError(await t.call(`/api/documents/${ref}/replace`, post({ file: COASTAL_V2_JA })), 415, 'E_TYPE');
  assertError(await t.call(`/api/documents/${ref}/replace`, { method: 'POST', body: new FormData() }), 400, 'E_INVALID');

  assert.deepEqual(await library(), before, 'no document added or superseded');
  assert.deepEqual((await t.call(`/api/documents/${ref}`)).body, reader, 'the document reads as before');
});

test('a replacement supersedes the document, re-anchors the corrections whose text survives and lists the rest', async () => {
  const ref = t.refs['coastal.txt']!;
  const claims = (await t.call(`/api/documents/${ref}`)).body.attributions as Json[];
  const vester = claims.find((a) => a.content.text.includes('冬季点検'));
  const ron = claims.find((a) => a.content.text.includes('人員'));
  assert.ok(vester && ron, JSON.stringify(claims.map((a) => a.content.text)));
  const kept = (await t.call(`/api/documents/${ref}/corrections`, post({ action: 'accept', attribution: vester.id, by: 'kato' }))).body.correction;
  const lost = (await t.call(`/api/documents/${ref}/corrections`, post({ action: 'reject', attribution: ron.id, why: 'a summary, not his words', by: 'kato' }))).body.correction;

  const r = await t.call(`/api/documents/${ref}/replace`, upload('coastal-v2.txt', COASTAL_V2_JA));
  assert.equal(r.status, 201, JSON.stringify(r.body));
  const next = r.body.document.id as string;
  assert.notEqual(next, ref);
  assert.equal(r.body.version.supersedes.id, ref);
  assert.equal(r.body.version.carried, 2);
  assert.deepEqual(r.body.reanchored.map((c: Json) => c.id), [kept.id]);
  assert.deepEqual(r.body.version.unanchored.map((c: Json) => c.id), [lost.id]);

  // The library lists the new version only; its reader holds the accepted claim and both corrections.
  assert.deepEqual(await library(), [next]);
  const reader = (await t.call(`/api/documents/${next}`)).body;
  assert.ok(reader.attributions.some((a: Json) => a.content.text.includes('冬季点検') && a.review === 'accepted'), JSON.stringify(reader.attributions));
  assert.deepEqual(reader.corrections.map((c: Json) => c.id).sort(), [kept.id, lost.id].sort());

  // A reanalysis keeps the new version current, with its corrections.
  await t.corpus.reanalyze();
  assert.deepEqual(await library(), [next]);
  const again = (await t.call(`/api/documents/${next}`)).body;
  assert.ok(again.attributions.some((a: Json) => a.content.text.includes('冬季点検') && a.review === 'accepted'), 'the accepted claim after a reanalysis');
  assert.equal(again.corrections.find((c: Json) => c.id === lost.id).anchored, false, 'the unanchored correction still flagged');

  // The old version is replaced: replacing it again is a conflict, and changes nothing.
  assertError(await t.call(`/api/documents/${ref}/replace`, upload('coastal-v3.txt', COASTAL_V2_JA + '追記。\n')), 409, 'E_CONFLICT', /older version/);
  assert.deepEqual(await library(), [next]);

  // Undo (the workbench deletes the new version): the old one is current again, with both corrections.
  assert.equal((await t.call(`/api/documents/${next}`, { method: 'DELETE' })).status, 200);
  assert.deepEqual(await library(), [ref]);
  const old = (await t.call(`/api/documents/${ref}`)).body;
  assert.deepEqual(old.corrections.map((c: Json) => c.id).sort(), [kept.id, lost.id].sort());
  assert.ok(old.attributions.some((a: Json) => a.content.text.includes('人員') && a.review === 'rejected'), 'the rejection applies again');
});
