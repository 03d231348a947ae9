/** `mikata similar DOC CLAIM`: "also said by" from the command line, as text and JSON, bad input refused. Texts written for this test. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { PORTS_A, PORTS_B } from '../server/_texts.ts';
import { cliIn } from './_run.ts';

const dir = mkdtempSync(join(tmpdir(), 'mikata-cli-similar-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const run = cliIn(dir);

test('mikata similar lists who else said it, as text and as JSON, and refuses bad input', async () => {
  const db = join(dir, 'c.db');
  writeFileSync(join(dir, 'ports-a.txt'), PORTS_A);
  writeFileSync(join(dir, 'ports-b.txt'), PORTS_B);
  assert.equal((await run(['ingest', '--db', db, join(dir, 'ports-a.txt'), join(dir, 'ports-b.txt')])).code, 0);

  const text = await run(['similar', '--db', db, 'ports-a.txt', 'a1']);
  assert.equal(text.code, 0, text.stderr);
  assert.match(text.stdout, /^アンナ・レーマン .*a1\n«北方の港では冬になると物資の輸送が大幅に遅れる»\n\nalso said by \(similarity ≥ 0\.6\):\n {2}0\.\d\d {2}カリン・ストロム {2}港湾と物流, 2025-02-01 \[[0-9a-f]{12}\] a1\n {8}«冬になると北方の港では物資の輸送が大きく遅れる»\n$/);

  const json = await run(['similar', '--db', db, 'ports-a.txt', 'a1', '--format', 'json']);
  const r = JSON.parse(json.stdout);
  assert.equal(r.similar.length, 1);
  assert.equal(r.similar[0].speakers[0].name, 'カリン・ストロム');
  assert.ok(r.similar[0].similarity >= 0.6 && r.similar[0].similarity <= 1);

  const none = await run(['similar', '--db', db, 'ports-a.txt', 'a2']);
  assert.equal(none.code, 0);
  assert.match(none.stdout, /no claim of another speaker is similar \(threshold 0\.6\)/);

  const missing = await run(['similar', '--db', db, 'ports-a.txt', 'a9']);
  assert.equal(missing.code, 4);
  assert.match(missing.stderr, /has no claim "a9"/);
  const bad = await run(['similar', '--db', db, 'ports-a.txt', 'a1', '--threshold', '2']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--threshold must be a number from 0 to 1/);
});
