/** `mikata replace`: a document replaced by a new version from the command line; bad input refused, nothing changed. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { Corpus } from '../../src/store/corpus.ts';
import { cliIn } from './_run.ts';

const dir = mkdtempSync(join(tmpdir(), 'mikata-cli-replace-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const run = cliIn(dir);

test('mikata replace supersedes the document and lists the corrections that no longer anchor', async () => {
  const db = join(dir, 'c.db');
  writeFileSync(join(dir, 'locks.txt'), 'Lock Gate Notes\nAccording to Petra Lund, an engineer at the Canal Board, the old gates leak in winter.\nOskar Berg said that repairs would take two years.\n');
  writeFileSync(join(dir, 'locks-v2.txt'), 'Lock Gate Notes\nAccording to Petra Lund, an engineer at the Canal Board, the old gates leak in winter.\n');
  writeFileSync(join(dir, 'locks-ja.txt'), '閘門ノート\n運河局の技師ペトラ・ルンドによれば、古い閘門は冬に水漏れするという。\n');
  assert.equal((await run(['ingest', '--db', db, join(dir, 'locks.txt')])).code, 0);
  const corpus = await Corpus.open({ db });
  const claims = (await corpus.document('locks.txt')).analysis.attributions;
  await corpus.close();
  const berg = claims.find((a) => a.content.text.includes('repairs'));
  assert.ok(berg, JSON.stringify(claims.map((a) => a.content.text)));
  assert.equal((await run(['correct', 'reject', '--db', db, 'locks.txt', berg.id, '--why', 'hearsay'])).code, 0);

  const unknown = await run(['replace', '--db', db, 'ffffffff', join(dir, 'locks-v2.txt')]);
  assert.equal(unknown.code, 4);
  assert.match(unknown.stderr, /no document "ffffffff"/);
  const other = await run(['replace', '--db', db, 'locks.txt', join(dir, 'locks-ja.txt')]);
  assert.equal(other.code, 2);
  assert.match(other.stderr, /in Japanese but document \w+ is in English/);
  const missing = await run(['replace', '--db', db, 'locks.txt', join(dir, 'nowhere.txt')]);
  assert.equal(missing.code, 2, missing.stderr);

  const ok = await run(['replace', '--db', db, 'locks.txt', join(dir, 'locks-v2.txt')]);
  assert.equal(ok.code, 0, ok.stderr);
  assert.match(ok.stdout, /replaces .*\(kept as an older version\)/);
  assert.match(ok.stdout, /1 correction carried over: 0 anchored again, 1 no longer anchor\n {2}c1 {2}reject {2}(?:that )?repairs would take two years/);
  const after = await Corpus.open({ db });
  try {
    const docs = await after.documents();
    assert.deepEqual(docs.map((d) => d.name), ['locks-v2.txt'], 'one current document, the new version');
  } finally {
    await after.close();
  }
});
