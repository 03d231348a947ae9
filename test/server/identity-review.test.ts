/**
 * Identities you can trust, through the HTTP API: a namesake whose organisation conflicts is not linked but
 * proposed; one that agrees links by itself; accepting (merge) and rejecting (keep apart) take reasons and
 * can be undone; the identity log holds identity decisions only. Invented people and institutions.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApi, type Json, post, speakerOf, type TestApi } from './_api.ts';
import { HARBOUR_JA, POLAR_JA } from './_texts.ts';

const POLAR_AGAIN_JA = `極地の春 第4号 2025年7月9日
はじめに
ノルウェー極地研究所のイングリッド・K・ソルベルグは、砕氷船の不足が航路の開放を遅らせていると述べている。
`;

let t: TestApi;
before(async () => {
  t = await createTestApi({ 'polar.txt': POLAR_JA, 'harbour.txt': HARBOUR_JA, 'polar-again.txt': POLAR_AGAIN_JA });
});
after(async () => t.dispose());

test('a namesake of another organisation is proposed, never merged; one of the same organisation links', async () => {
  const polar = await speakerOf(t, t.refs['polar.txt']!);
  const harbour = await speakerOf(t, t.refs['harbour.txt']!);
  assert.ok(polar && harbour);
  assert.notEqual(polar, harbour, 'the port director is not the researcher until the analyst says so');
  assert.equal(await speakerOf(t, t.refs['polar-again.txt']!), polar, 'the same name at the same institute links by itself');

  const pending = (await t.call('/api/identities/proposals')).body as Json[];
  const pair = pending.find((p) => [p.a.id, p.b.id].sort().join() === [polar, harbour].sort().join());
  assert.ok(pair, JSON.stringify(pending));
  assert.ok(pair.evidence.some((e: string) => /organisation differs: .*ノルウェー極地研究所.*ナルヴィク港湾公社|organisation differs: .*ナルヴィク港湾公社.*ノルウェー極地研究所/.test(e)), pair.evidence.join('; '));

  // The expert page keeps them apart.
  const page = (await t.call(`/api/experts/${harbour}`)).body;
  assert.equal(page.person.organization, 'ナルヴィク港湾公社');
  assert.ok(page.claims.every((c: Json) => c.document.id === t.refs['harbour.txt']));
});

test('accept and reject a proposal with reasons, and undo both; the log is of identity decisions only', async () => {
  const polar = await speakerOf(t, t.refs['polar.txt']!);
  const harbour = await speakerOf(t, t.refs['harbour.txt']!);

  // Reject, with a reason; then undo (reopen).
  assert.equal((await t.call('/api/identities/dismiss', post({ a: polar, b: harbour, why: 'different careers', by: 'kato' }))).status, 200);
  assert.equal((await t.call('/api/identities/proposals')).body.length, 0);
  assert.equal((await t.call('/api/identities/reopen', post({ a: polar, b: harbour, by: 'kato' }))).status, 200);
  assert.equal((await t.call('/api/identities/proposals')).body.length, 1);
  // Reopening what was not kept apart is a conflict, and changes nothing.
  const again = await t.call('/api/identities/reopen', post({ a: polar, b: harbour }));
  assert.equal(again.status, 409);
  assert.equal(again.body.error.code, 'E_CONFLICT');
  assert.equal((await t.call('/api/identities/reopen', post({ a: polar, b: 'e99999' }))).status, 404);

  // Accept (merge) with a reason: one person, both documents.
  const merged = await t.call('/api/identities/merge', post({ keep: polar, fold: harbour, why: 'she moved to the port in 2025', by: 'kato' }));
  assert.equal(merged.status, 200, JSON.stringify(merged.body));
  assert.equal(await speakerOf(t, t.refs['harbour.txt']!), polar);
  assert.equal((await t.call(`/api/experts/${polar}`)).body.person.documents, 3);
  assert.equal((await t.call('/api/identities/merge', post({ keep: polar, fold: polar }))).status, 400);

  // Undo the merge (split the folded forms off).
  const split = await t.call('/api/identities/split', post({ identity: polar, forms: merged.body.forms.filter((f: string) => f === 'イングリッド・ソルベルグ'), why: 'undo merge', by: 'kato' }));
  assert.equal(split.status, 200, JSON.stringify(split.body));
  assert.notEqual(await speakerOf(t, t.refs['harbour.txt']!), polar);

  // A claim correction withdrawn is no identity decision.
  const a = (await t.call(`/api/documents/${t.refs['polar.txt']}`)).body.attributions[0];
  const c = (await t.call(`/api/documents/${t.refs['polar.txt']}/corrections`, post({ action: 'accept', attribution: a.id }))).body.correction;
  await t.call(`/api/corrections/${c.id}/withdraw`, post({}));
  const log = (await t.call('/api/identities/decisions')).body as Json[];
  assert.deepEqual(log.map((d) => d.kind), ['dismiss', 'reopen', 'merge', 'split']);
  assert.equal(log[0].why, 'different careers');
  assert.equal(log[2].why, 'she moved to the port in 2025');
});
