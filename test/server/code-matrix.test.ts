/**
 * GET /api/matrix/codes: experts × codes across documents, with document, date-range, section-theme and
 * minimum-count filters, a cell's claims, and bad input as 4xx.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createApp } from '../../src/server/app.ts';
import { createTestCorpus, type TestCorpus } from './_corpus.ts';
import { BLACK_SEA_JA, CONVOYS_EN } from './_texts.ts';

type Json = any;
let t: TestCorpus;
let app: ReturnType<typeof createApp>;

before(async () => {
  t = await createTestCorpus({ 'black-sea.txt': BLACK_SEA_JA, 'convoys.txt': CONVOYS_EN });
  app = createApp({ corpus: t.corpus, user: 'tester', cache: { probeEveryMs: 0 } });
});
after(async () => t.dispose());

async function get(path: string): Promise<{ status: number; body: Json }> {
  const res = await app.request(path);
  return { status: res.status, body: JSON.parse(await res.text()) };
}

const popescuOf = (body: Json) => body.experts.find((e: Json) => /ポペスク|Popescu/.test(e.name));

test('experts × codes across two documents, codes in codebook order with names and colours', async () => {
  const r = await get('/api/matrix/codes');
  assert.equal(r.status, 200);
  assert.equal(r.body.codebook.version, '2025.1');
  const popescu = popescuOf(r.body);
  assert.ok(popescu, 'Popescu speaks in both documents and is one expert');
  const naval = r.body.codes.find((c: Json) => c.key === 'domain.naval');
  assert.equal(naval.names.en, 'Naval and maritime');
  assert.match(naval.colour, /^#[0-9A-F]{6}$/i);
  // Popescu's naval claims come from both documents: the Japanese 掃海/海軍 one and the English convoy ones.
  const both = r.body.cells[popescu.id]['domain.naval'];
  const ja = (await get(`/api/matrix/codes?documents=${t.refs['black-sea.txt']}`)).body.cells[popescu.id]?.['domain.naval'] ?? 0;
  const en = (await get(`/api/matrix/codes?documents=${t.refs['convoys.txt']}`)).body.cells[popescu.id]?.['domain.naval'] ?? 0;
  assert.ok(ja >= 1 && en >= 1, `naval in both documents: ${ja} + ${en}`);
  assert.equal(both, ja + en);
  // Sections stay a filter: its choices are listed, and a theme narrows the counts.
  assert.ok(r.body.themes.some((th: Json) => th.key === '機雷と航路'));
  const mines = (await get(`/api/matrix/codes?theme=${encodeURIComponent('機雷と航路')}`)).body;
  assert.ok((mines.cells[popescu.id]?.['domain.naval'] ?? 0) <= both);
  const ports = (await get(`/api/matrix/codes?theme=${encodeURIComponent('港湾の防護')}`)).body;
  assert.equal((mines.cells[popescu.id]?.['domain.naval'] ?? 0) + (ports.cells[popescu.id]?.['domain.naval'] ?? 0), ja, 'the two sections of the Japanese document add up to it');
  const order = r.body.codes.map((c: Json) => c.key);
  assert.ok(order.indexOf('domain.naval') < (order.includes('lens.deterrence') ? order.indexOf('lens.deterrence') : Infinity));
});

test('date range: the English brief (2025) alone, then nothing before 2024', async () => {
  const y2025 = (await get('/api/matrix/codes?from=2025-01&to=2025-12')).body;
  const en = (await get(`/api/matrix/codes?documents=${t.refs['convoys.txt']}`)).body;
  assert.deepEqual(y2025.cells, en.cells);
  const early = (await get('/api/matrix/codes?to=2023')).body;
  assert.deepEqual(early.codes, []);
});

test('min: cells under the count dropped, and experts left with none', async () => {
  const all = (await get('/api/matrix/codes')).body;
  const max = Math.max(...Object.values(all.cells as Record<string, Record<string, number>>).flatMap((row) => Object.values(row)));
  const top = (await get(`/api/matrix/codes?min=${max}`)).body;
  for (const row of Object.values(top.cells as Record<string, Record<string, number>>)) for (const n of Object.values(row)) assert.ok(n >= max);
  assert.ok(top.experts.length >= 1 && top.experts.length <= all.experts.length);
  assert.deepEqual((await get(`/api/matrix/codes?min=${max + 1}`)).body.codes, []);
});

test('a cell opens its claims; a grouping code takes the codes under it', async () => {
  const r = (await get('/api/matrix/codes')).body;
  const popescu = popescuOf(r);
  const cell = await get(`/api/matrix/codes/claims?expert=${popescu.id}&code=domain.naval`);
  assert.equal(cell.status, 200);
  assert.equal(cell.body.claims.length, r.cells[popescu.id]['domain.naval']);
  assert.ok(cell.body.claims.every((c: Json) => c.codes.some((k: Json) => k.code === 'domain.naval')));
  const group = await get(`/api/matrix/codes/claims?expert=${popescu.id}&code=domain`);
  assert.ok(group.body.claims.length >= cell.body.claims.length);
});

test('bad input: 400 or 404 with the reason', async () => {
  for (const q of ['min=0', 'from=24', 'experts=0', 'codes=abc']) assert.equal((await get(`/api/matrix/codes?${q}`)).status, 400, q);
  assert.equal((await get('/api/matrix/codes?documents=nothing-like-this')).status, 404);
  assert.equal((await get('/api/matrix/codes/claims?expert=e1')).status, 400);
  const r = await get('/api/matrix/codes/claims?expert=e1&code=no.such');
  assert.equal(r.status, 404);
  assert.match(r.body.error.message, /no code "no\.such"/);
});
