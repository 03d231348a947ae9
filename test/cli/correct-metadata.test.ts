/** `mikata correct metadata`: a document's details corrected from the command line, bad input refused. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { Corpus } from '../../src/store/corpus.ts';
import { cliIn } from './_run.ts';

const dir = mkdtempSync(join(tmpdir(), 'mikata-cli-meta-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const run = cliIn(dir);

test('mikata correct metadata records the details, refuses a bad date, and keeps them over reanalysis', async () => {
  const db = join(dir, 'c.db');
  writeFileSync(join(dir, 'quays.txt'), 'Quay Traffic Update\nPosted 2024-03-02\nAccording to Tomas Ek, a harbour master at the Gavle Port Office, night traffic doubled.\n');
  assert.equal((await run(['ingest', '--db', db, join(dir, 'quays.txt')])).code, 0);
  const ok = await run(['correct', 'metadata', '--db', db, 'quays.txt', '--title', 'Night traffic at the quays', '--series', 'Harbour Letters', '--author', 'Rut Holm, Harbour Letters, editor', '--why', 'masthead']);
  assert.equal(ok.code, 0, ok.stderr);
  assert.match(ok.stdout, /recorded c1 \(metadata\)/);
  const bad = await run(['correct', 'metadata', '--db', db, 'quays.txt', '--date', '2024-02-30']);
  assert.notEqual(bad.code, 0);
  assert.match(bad.stderr, /date: "2024-02-30" is not a date/);
  const none = await run(['correct', 'metadata', '--db', db, 'quays.txt']);
  assert.notEqual(none.code, 0);
  assert.match(none.stderr, /say what to correct/);

  assert.equal((await run(['reanalyze', '--db', db])).code, 0);
  const corpus = await Corpus.open({ db });
  try {
    const doc = await corpus.document('quays.txt');
    assert.equal(doc.analysis.document.title, 'Night traffic at the quays');
    assert.equal(doc.analysis.document.series, 'Harbour Letters');
    assert.deepEqual(doc.analysis.document.authors, [{ name: 'Rut Holm', organization: 'Harbour Letters', title: 'editor' }]);
    assert.equal((await corpus.documents())[0]!.title, 'Night traffic at the quays', 'the listing’s title too');
    assert.equal((await corpus.corrections('quays.txt')).length, 1, 'only the good correction recorded');
  } finally {
    await corpus.close();
  }
});
