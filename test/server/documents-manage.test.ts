/**
 * Managing documents through the HTTP API (`app.request`, no socket): delete and undo, and metadata
 * corrections (title, date, series, number, authors) that are recorded as corrections, survive reanalysis,
 * move the outline and the library's date, and refuse bad input with a 4xx and nothing changed.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApi, type Json, post, type TestApi } from './_api.ts';
import { BLACK_SEA_JA, NEWS_EN } from './_texts.ts';

let t: TestApi;

function assertError(r: { status: number; body: Json }, status: number, code: string): void {
  assert.equal(r.status, status, JSON.stringify(r.body));
  assert.equal(r.body.error.code, code);
  assert.equal(typeof r.body.error.message, 'string');
}

before(async () => {
  t = await createTestApi({ 'news.txt': NEWS_EN, 'black-sea.txt': BLACK_SEA_JA });
});
after(async () => t.dispose());

test('a metadata correction sets the date and title, drops the dateline from the outline, and is undone by withdrawing it', async () => {
  const ref = t.refs['news.txt']!;
  const before = (await t.call(`/api/documents/${ref}`)).body;
  assert.equal(before.document.date, null);
  assert.deepEqual(before.outline.map((s: Json) => s.heading), ['Published 2025-10-14']);

  const r = await t.call(`/api/documents/${ref}/metadata`, post({ date: '2025-10-14', series: 'Port Notes', authors: [{ name: 'Ilse Varga', organization: 'Port Notes desk' }], why: 'the dateline', by: 'kato' }));
  assert.equal(r.status, 201, JSON.stringify(r.body));
  assert.equal(r.body.correction.action, 'metadata');
  assert.equal(r.body.correction.by, 'kato');
  assert.equal(r.body.metadata.date, '2025-10-14');

  const after = (await t.call(`/api/documents/${ref}`)).body;
  assert.equal(after.document.date, '2025-10-14');
  assert.equal(after.document.series, 'Port Notes');
  assert.deepEqual(after.document.authors, [{ name: 'Ilse Varga', organization: 'Port Notes desk', title: null }]);
  assert.deepEqual(after.outline, [], 'the dateline is no section once it is the date');
  assert.ok(after.corrections.some((c: Json) => c.action === 'metadata'), 'kept in the document’s corrections');
  // The library sorts and filters by it.
  const library = (await t.call('/api/documents?from=2025-10-01&to=2025-10-31')).body;
  assert.deepEqual(library.documents.map((d: Json) => d.id), [ref]);

  // Survives reanalysis.
  await t.corpus.reanalyze();
  const again = (await t.call(`/api/documents/${ref}`)).body;
  assert.equal(again.document.date, '2025-10-14');
  assert.equal(again.document.series, 'Port Notes');
  assert.equal((await t.call('/api/documents?from=2025-10-01&to=2025-10-31')).body.documents.length, 1);

  // A title correction on top; then undo the date.
  const titled = await t.call(`/api/documents/${ref}/metadata`, post({ title: 'Night inspections at the northern quays' }));
  assert.equal(titled.status, 201);
  const w = await t.call(`/api/corrections/${r.body.correction.id}/withdraw`, post({ by: 'kato' }));
  assert.equal(w.status, 200);
  const undone = (await t.call(`/api/documents/${ref}`)).body;
  assert.equal(undone.document.date, null);
  assert.equal(undone.document.series, null);
  assert.equal(undone.document.title, 'Night inspections at the northern quays', 'the later correction stays');
  assert.deepEqual(undone.outline.map((s: Json) => s.heading), ['Published 2025-10-14']);
  assert.equal((await t.call('/api/documents?from=2025-10-01&to=2025-10-31')).body.documents.length, 0);
  // The identity log is not where claim or document corrections are undone.
  const decisions = (await t.call('/api/identities/decisions')).body;
  assert.ok(!decisions.some((d: Json) => d.kind === 'withdraw'), JSON.stringify(decisions));
});

test('bad metadata corrections are refused with a 4xx and change nothing', async () => {
  const ref = t.refs['black-sea.txt']!;
  const seen = (await t.call(`/api/documents/${ref}`)).body.document;
  const count = (await t.call(`/api/corrections?document=${ref}`)).body.length;
  assertError(await t.call('/api/documents/ffffffffffff/metadata', post({ date: '2024-11-05' })), 404, 'E_NOT_FOUND');
  assertError(await t.call(`/api/documents/${ref}/metadata`, post({ date: '2024-13-40' })), 400, 'E_INVALID');
  assertError(await t.call(`/api/documents/${ref}/metadata`, post({ date: 'last week' })), 400, 'E_INVALID');
  assertError(await t.call(`/api/documents/${ref}/metadata`, post({ title: '' })), 400, 'E_INVALID');
  assertError(await t.call(`/api/documents/${ref}/metadata`, post({ colour: 'red' })), 400, 'E_INVALID');
  assertError(await t.call(`/api/documents/${ref}/metadata`, post({ date: seen.date })), 400, 'E_INVALID');
  // Two analysts edit the title from the same page: the second is told, not silently overwritten.
  assert.equal((await t.call(`/api/documents/${ref}/metadata`, post({ title: 'First analyst’s title', expected: { title: seen.title } }))).status, 201);
  assertError(await t.call(`/api/documents/${ref}/metadata`, post({ title: 'Second analyst’s title', expected: { title: seen.title } })), 409, 'E_CONFLICT');
  assert.equal((await t.call(`/api/documents/${ref}`)).body.document.title, 'First analyst’s title');
  assert.equal((await t.call(`/api/corrections?document=${ref}`)).body.length, count + 1, 'only the good one recorded');
});

test('delete a document, undo the deletion, and its corrections come back with it', async () => {
  const ref = t.refs['news.txt']!;
  assertError(await t.call('/api/documents/ffffffffffff', { method: 'DELETE' }), 404, 'E_NOT_FOUND');
  assertError(await t.call('/api/documents/ffffffffffff/restore', post({})), 404, 'E_NOT_FOUND');
  const d = await t.call(`/api/documents/${ref}`, { method: 'DELETE' });
  assert.equal(d.status, 200, JSON.stringify(d.body));
  assert.equal(d.body.document.id, ref);
  assertError(await t.call(`/api/documents/${ref}`), 404, 'E_NOT_FOUND');
  assert.ok(!(await t.call('/api/documents')).body.documents.some((x: Json) => x.id === ref));

  const back = await t.call(`/api/documents/${ref}/restore`, post({}));
  assert.equal(back.status, 200, JSON.stringify(back.body));
  const view = (await t.call(`/api/documents/${ref}`)).body;
  assert.equal(view.document.title, 'Night inspections at the northern quays', 'its metadata correction applies again');
  assertError(await t.call(`/api/documents/${ref}/restore`, post({})), 404, 'E_NOT_FOUND');

  // Undoable until the next upload only.
  assert.equal((await t.call(`/api/documents/${ref}`, { method: 'DELETE' })).status, 200);
  const form = new FormData();
  form.append('file', new File([new TextEncoder().encode('A short note.\nNothing more.\n')], 'note.txt'));
  assert.equal((await t.app.request('/api/documents', { method: 'POST', body: form })).status, 200);
  assertError(await t.call(`/api/documents/${ref}/restore`, post({})), 404, 'E_NOT_FOUND');
});
