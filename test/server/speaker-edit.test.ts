/**
 * A speaker edit to a person the corpus knows: the claim moves to that person and keeps the mention's
 * organisation and post; or the mention itself is linked, and every claim of it in the document follows
 * (an identity decision, logged, undoable, kept on reanalysis). Through the HTTP API.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApi, type Json, post, type TestApi } from './_api.ts';
import { BLACK_SEA_JA, CONVOYS_EN, POLAR_JA } from './_texts.ts';

let t: TestApi;const view = async () => (await t.call(`/api/documents/${t.refs['black-sea.txt']}`)).body;
const claimsOf = (v: Json, name: string) => v.attributions.filter((a: Json) => a.speakers.some((s: Json) => s.name === name));

before(async () => {
  t = await createTestApi({ 'black-sea.txt': BLACK_SEA_JA, 'convoys.txt': CONVOYS_EN, 'polar.txt': POLAR_JA });
});
after(async () => t.dispose());

test('the people picker finds a person by a spelling in another script', async () => {
  const hits = (await t.call(`/api/people?q=${encodeURIComponent('Kemal Aydin')}`)).body as Json[];
  assert.ok(hits.some((h) => h.forms.includes('ケマル・アイドゥン')), JSON.stringify(hits));
});

test('a one-claim speaker edit to a person of another document keeps the mention’s organisation and post', async () => {
  const v = await view();
  const [claim] = claimsOf(v, 'ダリナ・イリエヴァ');
  const polar = (await t.call(`/api/documents/${t.refs['polar.txt']}`)).body;
  const aydin = polar.attributions[0].speakers[0].identity;
  const r = await t.call(`/api/documents/${t.refs['black-sea.txt']}/corrections`, post({ action: 'edit', attribution: claim.id, speakers: [aydin] }));
  assert.equal(r.status, 201, JSON.stringify(r.body));
  const after = (await view()).attributions.find((a: Json) => a.id === claim.id);
  assert.equal(after.speakers[0].identity, aydin, 'moved to the existing person, no new one');
  assert.equal(after.speakers[0].organization, 'ソフィア大学');
  assert.equal(after.speakers[0].title, '教授');
  // Only this claim: her other claim stays hers.
  assert.equal(claimsOf(await view(), 'ダリナ・イリエヴァ').length, 1);
  await t.call(`/api/corrections/${r.body.correction.id}/withdraw`, post({}));
});

test('linking a mention moves every claim of it, is logged as an identity decision, undoable and kept on reanalysis', async () => {
  const v = await view();
  const popescu = claimsOf(v, 'ヴラド・M・ポペスク')[0].speakers[0];
  const ilieva = claimsOf(v, 'ダリナ・イリエヴァ')[0].speakers[0];
  const before = ilieva.identity;
  const doc = t.refs['black-sea.txt'];
  const bad = [
    await t.call(`/api/documents/${doc}/people/p999/identity`, post({ identity: popescu.identity })),
    await t.call(`/api/documents/ffffffffffff/people/${ilieva.person}/identity`, post({ identity: popescu.identity })),
    await t.call(`/api/documents/${doc}/people/${ilieva.person}/identity`, post({ identity: 'e99999' })),
    await t.call(`/api/documents/${doc}/people/${popescu.person}/identity`, post({ identity: popescu.identity })),
  ];
  assert.deepEqual(bad.map((r) => r.status), [404, 404, 404, 409]);

  const r = await t.call(`/api/documents/${doc}/people/${ilieva.person}/identity`, post({ identity: popescu.identity, why: 'test', by: 'kato' }));
  assert.equal(r.status, 200, JSON.stringify(r.body));
  assert.equal(r.body.previous, before);
  const moved = (await view()).attributions.filter((a: Json) => a.speakers.some((s: Json) => s.person === ilieva.person));
  assert.equal(moved.length, 2);
  assert.ok(moved.every((a: Json) => a.speakers[0].identity === popescu.identity && a.speakers[0].organization === 'ソフィア大学'));
  const log = (await t.call('/api/identities/decisions')).body as Json[];
  assert.equal(log.at(-1).kind, 'link');
  assert.equal(log.at(-1).why, 'test');

  await t.corpus.reanalyze();
  const kept = (await view()).attributions.filter((a: Json) => a.speakers.some((s: Json) => s.name === 'ダリナ・イリエヴァ'));
  assert.ok(kept.length === 2 && kept.every((a: Json) => a.speakers[0].identity === popescu.identity), 'kept on reanalysis');

  // Undo: link back to where it was.
  assert.equal((await t.call(`/api/documents/${doc}/people/${ilieva.person}/identity`, post({ identity: before }))).status, 200);
  assert.ok(claimsOf(await view(), 'ダリナ・イリエヴァ').every((a: Json) => a.speakers[0].identity === before));
});
