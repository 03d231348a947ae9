/**
 * ACH evidence and a new version ingested from the command line: the evidence follows its claim into the
 * new version (`mikata ach show`), and the evidence whose claim the new version lacks is listed by `ingest`
 * and by `mikata ach unanchored`, kept with its ratings.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { createTestCorpus, type TestCorpus } from '../server/_corpus.ts';
import { NAVAL_CALLS_A } from '../server/_agreement-texts.ts';
import { cliIn, type CliResult } from './_run.ts';

let tc: TestCorpus;
let first: string;
before(async () => {
  tc = await createTestCorpus({ 'calls.txt': NAVAL_CALLS_A });
  first = tc.refs['calls.txt']!;
  const doc = await tc.corpus.resolveDocument(first);
  const claims = await tc.corpus.store.claims(doc.id);
  const book = tc.corpus.achBook();
  await book.create({ title: '寄港は増えるか', by: 'kato' });
  await book.addHypothesis('m1', 'yes');
  for (const c of claims) await book.addEvidence('m1', { document: first, claim: c.localId });
  await book.rate('m1', 'ev1', 'h1', 'C', 'kato');
  await book.rate('m1', 'ev2', 'h1', 'I', 'kato');
  await tc.corpus.close();
});
after(async () => tc?.dispose());

function run(...args: string[]): Promise<CliResult> {
  return cliIn(tc.dir, { MIKATA_USER: 'kato' })([...args, '--db', join(tc.dir, 'corpus.db')]);
}

test('a new version: evidence follows its claim; the claim the new version lacks is listed, kept', async () => {
  // Edited: a sentence added in front (every offset moves), Misono's view taken out.
  const edited = NAVAL_CALLS_A
    .replace('北方航路の見通し\n', '北方航路の見通し\n\n本号は改訂版である。\n')
    .replace('同研究所の三園玲奈研究員は、駆逐艦の整備能力が港の最大の制約だと述べた。\n', '');
  writeFileSync(join(tc.dir, 'calls.txt'), edited);
  const ingest = await run('ingest', join(tc.dir, 'calls.txt'));
  assert.equal(ingest.code, 0, ingest.stderr);
  assert.match(ingest.stdout, new RegExp(`supersedes ${first}`));
  assert.match(ingest.stdout, new RegExp(`\\nACH evidence whose claim the new version lacks \\(kept with its ratings; mikata ach unanchored lists it\\):\\n  m1 ev2: document ${first} was replaced by a new version \\([0-9a-f]{12}\\) in which claim a\\d+ is not found «駆逐艦の整備能力が港の最大の制約だ»\\n`));

  const shown = JSON.parse((await run('ach', 'show', 'm1', '--format', 'json')).stdout);
  const [ev1, ev2] = shown.matrix.evidence;
  assert.notEqual(ev1.docHash.slice(0, 12), first, 'ev1 now points into the new version');
  assert.equal(ev1.text, '北方航路の艦艇の寄港が今後3年で倍増する');
  assert.equal(ev2.docHash.slice(0, 12), first, 'ev2 keeps pointing at the old version');
  assert.deepEqual(shown.stale.map((s: { evidence: string }) => s.evidence), ['ev2']);
  assert.equal(shown.matrix.ratings.length, 2, 'ratings kept');
  const loose = await run('ach', 'unanchored');
  assert.match(loose.stdout, /^m1 ev2  «駆逐艦の整備能力が港の最大の制約だ» — 三園玲奈 \([0-9a-f]{12} a\d+\)\n  document [0-9a-f]{12} was replaced by a new version/);
});

test('reanalyze lists the ACH evidence it could not re-link, and keeps what it could on its claim', async () => {
  const before = JSON.parse((await run('ach', 'show', 'm1', '--format', 'json')).stdout);
  const r = await run('reanalyze');
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /\nACH evidence whose claim was not found again \(kept with its ratings; mikata ach unanchored lists it\):\n  m1 ev2: document [0-9a-f]{12} was replaced by a new version/);
  const after = JSON.parse((await run('ach', 'show', 'm1', '--format', 'json')).stdout);
  assert.deepEqual(after.matrix.evidence.map((e: { docHash: string; claim: string }) => [e.docHash, e.claim]), before.matrix.evidence.map((e: { docHash: string; claim: string }) => [e.docHash, e.claim]));
  const json = JSON.parse((await run('reanalyze', '--format', 'json')).stdout);
  assert.deepEqual(json.evidence.map((u: { matrix: string; evidence: string }) => `${u.matrix} ${u.evidence}`), ['m1 ev2']);
});
