/**
 * The corpus commands through runCli: output, --format json shapes, exit codes and messages. Corpora for
 * the reading commands are built with hand-made analyses (test/store/_fixtures.ts), so the assertions do
 * not depend on what the extractor finds; ingest and reanalyze run the real analysis and are checked on
 * what does not depend on it.
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/main.ts';
import { EN_CORRIDOR, JA_BLACK_SEA, JA_DRONES, JA_SURNAME_ONLY, type DocSpec } from '../store/_fixtures.ts';
import { cliIn, type CliResult } from '../cli/_run.ts';
import { fixtureCorpusAt } from './_fixture-corpus.ts';
import { commentary } from './_generate.ts';

const dir = mkdtempSync(join(tmpdir(), 'mikata-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

const run = (args: string[], env: Record<string, string> = {}): Promise<CliResult> => cliIn(dir, { USER: 'tester', ...env })(args);

/** A corpus file with the fixture documents, built through the API with hand-made analyses. */
const fixtureCorpus = (docs?: readonly DocSpec[]): Promise<string> => fixtureCorpusAt(join(dir, `fixture-${++n}.db`), docs);

describe('mikata ingest', () => {
  it('adds files and folders, skips what is not a document, reports failures, and exits 0', async () => {
    const docs = join(dir, `docs-${++n}`);
    mkdirSync(join(docs, 'deep', 'deeper'), { recursive: true });
    writeFileSync(join(docs, 'a.txt'), commentary(1));
    writeFileSync(join(docs, 'deep', 'b.md'), commentary(2));
    writeFileSync(join(docs, 'deep', 'deeper', 'c.txt'), commentary(3));
    writeFileSync(join(docs, 'deep', 'copy-of-a.txt'), commentary(1));
    writeFileSync(join(docs, 'binary.txt'), Buffer.from('garbage\u0000\u0001\u0002 and more\u0000\u0000\u0003 bytes'));
    writeFileSync(join(docs, 'empty.txt'), '');
    writeFileSync(join(docs, 'photo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    writeFileSync(join(docs, '.hidden.txt'), commentary(4));
    const db = join(dir, `ingest-${n}.db`);
    const r = await run(['ingest', docs, join(dir, 'no-such-file.txt'), '--db', db]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^added 3, unchanged 1, failed 3, 1 skipped \(not a document type\)/);
    assert.match(r.stdout, /no-such-file\.txt: no such file or folder/);
    assert.match(r.stdout, /binary\.txt: binary file/);
    assert.match(r.stdout, /empty\.txt: the file is empty/);
    assert.equal(r.stderr, '');

    const again = await run(['ingest', docs, '--db', db, '--format', 'json']);
    assert.equal(again.code, 0);
    const json = JSON.parse(again.stdout);
    assert.equal(json.added.length, 0);
    assert.equal(json.unchanged.length, 4);
    assert.equal(json.failed.length, 2);
    assert.deepEqual(Object.keys(json).sort(), ['added', 'corpus', 'failed', 'skipped', 'unchanged']);
  });

  it('exits non-zero only when everything failed, or on wrong usage', async () => {
    const db = join(dir, `fail-${++n}.db`);
    const bad = join(dir, `bad-${n}.txt`);
    writeFileSync(bad, Buffer.from([0, 0, 0, 1]));
    const r = await run(['ingest', bad, '--db', db]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /mikata: nothing was ingested: the input failed/);
    assert.match(r.stdout, /failed 1/);
    const usage = await run(['ingest']);
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /missing required argument/);
  });

  it('ingests into the corpus named by MIKATA_DB', async () => {
    const file = join(dir, `env-${++n}.txt`);
    writeFileSync(file, commentary(9));
    const r = await run(['ingest', file], { MIKATA_DB: `env-${n}.db` });
    assert.equal(r.code, 0, r.stderr);
    assert.ok(existsSync(join(dir, `env-${n}.db`)));
  });
});

describe('refusing what is not a corpus', () => {
  it('a foreign or corrupt --db gives one clear line, exit 3, and is left unchanged', async () => {
    const file = join(dir, `not-a-db-${++n}.db`);
    writeFileSync(file, 'just some notes\n'.repeat(100));
    const before = readFileSync(file);
    for (const args of [['experts', '--db', file], ['ingest', join(dir, 'whatever.txt'), '--db', file], ['search', '黒海', '--db', file]]) {
      const r = await run(args);
      assert.equal(r.code, 3, `${args[0]}: ${r.stderr}`);
      assert.match(r.stderr, /^mikata: .*not-a-db-\d+\.db: not a mikata corpus: the file is not an SQLite database .*left unchanged\n$/);
      assert.ok(!/\n\s+at /.test(r.stderr), 'no stack trace');
    }
    assert.deepEqual(readFileSync(file), before);
  });

  it('a reading command on a missing corpus says so and creates nothing', async () => {
    const r = await run(['experts', '--db', `missing-${++n}.db`]);
    assert.equal(r.code, 3);
    assert.match(r.stderr, /no corpus here \(run mikata ingest first/);
    assert.equal(existsSync(join(dir, `missing-${n}.db`)), false);
  });
});

describe('reading the corpus', () => {
  it('experts lists every name form, organisation, claims, documents and dates', async () => {
    const db = await fixtureCorpus();
    const text = await run(['experts', '--db', db]);
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, /タラス・V・ボンダレンコ {2}e\d+ — オデーサ海洋研究所\n {2}5 claims in 3 documents, 2024-03-15 – 2025-01-20\n {2}katakana: タラス・V・ボンダレンコ, タラス・ボンダレンコ, ボンダレンコ · latin: Bondarenko, Taras Bondarenko · cyrillic: Тарас Бондаренко\n/);
    const json = JSON.parse((await run(['experts', '--db', db, '--format', 'json'])).stdout);
    assert.ok(Array.isArray(json.people));
    const first = json.people[0];
    assert.deepEqual(Object.keys(first).sort(), ['claims', 'documents', 'first', 'forms', 'id', 'last', 'name', 'organization', 'type']);
    assert.equal(first.claims, 5);
  });

  it('expert NAME takes any spelling and gives { person, claims: [{ document, … }] }', async () => {
    const db = await fixtureCorpus();
    const ids = new Set<string>();
    for (const name of [['Taras', 'Bondarenko'], ['Тарас', 'Бондаренко'], ['ボンダレンコ'], ['T.', 'Bondarenko']]) {
      const r = await run(['expert', ...name, '--db', db, '--format', 'json']);
      assert.equal(r.code, 0, r.stderr);
      const page = JSON.parse(r.stdout);
      assert.deepEqual(Object.keys(page), ['person', 'claims', 'sources']);
      // Source grading of the person (no grade, no caveat for a research institute's fellow).
      assert.deepEqual(page.sources[page.person.id], { identity: page.person.id, name: page.person.name, type: 'person', reliability: null, caveats: [], suggestion: null });
      ids.add(page.person.id);
      assert.equal(page.claims.length, 5);
      for (const c of page.claims) {
        assert.deepEqual(Object.keys(c.document).sort(), ['date', 'id', 'name', 'title']);
        assert.equal(typeof c.text, 'string');
      }
    }
    assert.equal(ids.size, 1);
    const text = await run(['expert', 'Bondarenko', '--db', db]);
    assert.match(text.stdout, /黒海の航行の自由をめぐる議論, 2024-03-15 \[[0-9a-f]{12}\]\n {2}§ 沿岸国の見方 {2}\[according_to; cue によれば\] \d+–\d+\n {2}«黒海の商船航路は/);
    assert.match(text.stdout, /note 1: T\. Bondarenko, Shipping in the Black Sea, 2024\./);
  });

  it('an ambiguous name lists the candidates and exits non-zero', async () => {
    const db = await fixtureCorpus();
    const r = await run(['expert', 'Kovalenko', '--db', db]);
    assert.equal(r.code, 5);
    assert.match(r.stderr, /"Kovalenko" fits 2 people; name one by its id or a fuller name:\n {2}e\d+ {2}Dmytro Kovalenko \(Kyiv Institute of Strategic Studies\) — Dmytro Kovalenko, Kovalenko\n {2}e\d+ {2}イリーナ・コヴァレンコ \(キーウ戦略研究所\) — イリーナ・コヴァレンコ, コヴァレンコ\nmikata: /);
    const none = await run(['expert', 'Nobody', '--db', db]);
    assert.equal(none.code, 4);
    assert.match(none.stderr, /no one called "Nobody"/);
  });

  it('search ranks, highlights and filters; --format json gives the hits', async () => {
    const db = await fixtureCorpus();
    const r = await run(['search', '非核化', '--db', db]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^1 document match "非核化"\n\n1\. 黒海の航行の自由をめぐる議論, 2024-03-15 \[[0-9a-f]{12}\] {2}1 match\n {3}§ 沿岸国の見方 {2}ミハイ・ポペスク: ポペスクによれば、\*\*⾮核化\*\*の議論/);
    const json = JSON.parse((await run(['search', 'Bondarenko', '--db', db, '--format', 'json'])).stdout);
    assert.equal(json.hits.length, 3);
    assert.deepEqual(Object.keys(json).sort(), ['estimated', 'hits', 'query', 'rankedWithin', 'terms', 'total']);
    const filtered = JSON.parse((await run(['search', '黒海', '--speaker', 'Taras Bondarenko', '--from', '2024-06', '--db', db, '--format', 'json'])).stdout);
    assert.deepEqual(filtered.hits.map((h: { document: { name: string } }) => h.document.name), [JA_DRONES.name]);
    const bad = await run(['search', '黒海', '--from', 'yesterday', '--db', db]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--from: "yesterday" is not a date/);
  });

  it('timeline lists dated mentions in order', async () => {
    const db = await fixtureCorpus();
    const r = await run(['timeline', '--db', db, '--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout).entries.map((e: { date: string }) => e.date), ['2022', '2023', '2023-08', '2024-03-15', '2024-11-02', '2025', '2025-01-20']);
    const text = await run(['timeline', '--db', db, '--speaker', 'Bondarenko']);
    assert.match(text.stdout, /^2023-08 {5}オデーサ海洋研究所の.*黒海の商船航路は2023年8月以降に.* {2}黒海の航行の自由をめぐる議論, 2024-03-15 \[[0-9a-f]{12}\]\n$/);
  });
});

describe('identities, merge and split', () => {
  it('shows pending proposals, merges with who and why, splits, and logs the decisions', async () => {
    const db = await fixtureCorpus([JA_BLACK_SEA, EN_CORRIDOR, JA_DRONES, JA_SURNAME_ONLY]);
    const pending = await run(['identities', '--pending', '--db', db]);
    assert.equal(pending.code, 0, pending.stderr);
    assert.match(pending.stdout, /^1 possible match to decide/);
    const proposals = JSON.parse((await run(['identities', '--pending', '--db', db, '--format', 'json'])).stdout).proposals;
    const { a, b } = proposals[0];
    const merged = await run(['merge', a.id, b.id, '--by', 'kato', '--why', 'same person', '--db', db]);
    assert.equal(merged.code, 0, merged.stderr);
    assert.match(merged.stdout, new RegExp(`^merged: ${a.id} `));
    assert.match((await run(['identities', '--pending', '--db', db])).stdout, /no pending proposals/);
    const page = JSON.parse((await run(['expert', 'ボンダレンコ', '--db', db, '--format', 'json'])).stdout);
    assert.equal(page.claims.length, 6);

    const split = await run(['split', page.person.id, 'タラス・ボンダレンコ', 'Тарас Бондаренко', '--db', db, '--why', 'another Taras']);
    assert.equal(split.code, 0, split.stderr);
    assert.match(split.stdout, /^kept: {2}e\d+ .*\nsplit: e\d+ /);
    const log = await run(['identities', '--log', '--db', db]);
    assert.match(log.stdout, /kato: merged e\d+ into e\d+ — same person\n.*tester: split タラス・ボンダレンコ, Тарас Бондаренко off e\d+ as e\d+ — another Taras\n/);
    const wrong = await run(['split', page.person.id, 'Somebody Else', '--db', db]);
    assert.equal(wrong.code, 2);
    assert.match(wrong.stderr, /has no name form "Somebody Else"; its forms are:/);
  });

  it('a change without anyone to make it is refused', async () => {
    const db = await fixtureCorpus();
    const r = await runCli(['merge', 'e1', 'e2', '--db', db], { stdout: () => undefined, stderr: () => undefined, isTTY: false, env: {}, cwd: dir });
    assert.equal(r, 2);
  });
});

describe('mikata correct', () => {
  it('lists, accepts, rejects, edits, adds, keeps history and withdraws', async () => {
    const db = await fixtureCorpus();
    const doc = JA_BLACK_SEA.name;
    const list = await run(['correct', 'list', doc, '--db', db]);
    assert.equal(list.code, 0, list.stderr);
    assert.match(list.stdout, /^a1 {4}タラス・V・ボンダレンコ \(e\d+\) {2}\[machine; according_to; cue によれば\] \d+:\d+\n {6}«黒海の商船航路は/);
    assert.equal((await run(['correct', 'accept', doc, 'a1', '--db', db, '--by', 'kato'])).code, 0);
    const rejected = await run(['correct', 'reject', doc, '--quote', '保険料の高騰', '--db', db, '--by', 'kato', '--why', 'the editor says it']);
    assert.equal(rejected.code, 0, rejected.stderr);
    assert.match(rejected.stdout, /^recorded c2 \(reject\)/);
    const edited = await run(['correct', 'edit', doc, 'a3', '--speaker', 'Taras Bondarenko', '--kind', 'quote', '--db', db, '--format', 'json']);
    assert.equal(edited.code, 0, edited.stderr);
    const e = JSON.parse(edited.stdout);
    assert.equal(e.attribution.provenance, 'analyst');
    assert.equal(e.attribution.kind, 'quote');
    const added = await run(['correct', 'add', doc, '--speaker', 'Oksana Melnyk', '--content', '黒海の海上交通は大きく変化した', '--db', db]);
    assert.equal(added.code, 0, added.stderr);
    const history = JSON.parse((await run(['correct', 'history', doc, '--db', db, '--format', 'json'])).stdout).corrections;
    assert.deepEqual(history.map((h: { action: string; by: string; anchored: boolean }) => [h.action, h.by, h.anchored]), [
      ['accept', 'kato', true], ['reject', 'kato', true], ['edit', 'tester', true], ['add', 'tester', true],
    ]);
    assert.equal((await run(['correct', 'withdraw', 'c2', '--db', db, '--why', 'wrong'])).code, 0);
    assert.match((await run(['correct', 'history', '--db', db])).stdout, /c2 +reject .*\n.*withdrawn/);

    const missing = await run(['correct', 'accept', doc, '--db', db]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /say which attribution to accept/);
    const badSpan = await run(['correct', 'add', doc, '--speaker', 'x', '--span', '10-', '--db', db]);
    assert.equal(badSpan.code, 2);
    const twice = await run(['correct', 'add', doc, '--speaker', 'x', '--content', '黒海', '--db', db]);
    assert.equal(twice.code, 5);
    assert.match(twice.stderr, /occurs \d+ times; say which \(--occurrence N\)/);
  });

  it('reanalyze keeps every correction, flagging those that no longer anchor', async () => {
    const db = await fixtureCorpus();
    const doc = JA_BLACK_SEA.name;
    for (const a of ['a1', 'a2', 'a3', 'a4']) assert.equal((await run(['correct', 'accept', doc, a, '--db', db])).code, 0);
    // The real extractor now replaces the hand-made analyses; whatever it finds, no correction is lost.
    const r = await run(['reanalyze', '--db', db, '--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    const summary = JSON.parse(r.stdout);
    assert.equal(summary.documents, 3);
    assert.equal(summary.corrections, 4);
    const history = JSON.parse((await run(['correct', 'history', doc, '--db', db, '--format', 'json'])).stdout).corrections;
    assert.equal(history.length, 4);
    const flagged = history.filter((h: { anchored: boolean }) => !h.anchored).map((h: { id: string }) => h.id);
    assert.deepEqual(summary.unanchored.map((u: { id: string }) => u.id), flagged);
    for (const h of history) assert.equal(h.status, 'active');
    const text = await run(['reanalyze', '--db', db]);
    assert.match(text.stdout, /^reanalysed 3 documents; 4 active corrections re-applied, \d+ no longer anchor/);
  });
});

describe('export-corpus and import-corpus', () => {
  it('move a corpus to a new file, as JSON lines or one JSON object, without loss', async () => {
    const db = await fixtureCorpus([JA_BLACK_SEA, EN_CORRIDOR, JA_DRONES, JA_SURNAME_ONLY]);
    assert.equal((await run(['correct', 'reject', JA_BLACK_SEA.name, 'a2', '--db', db, '--why', 'x'])).code, 0);
    for (const file of [`export-${++n}.jsonl`, `export-${n}.json`]) {
      const ex = await run(['export-corpus', file, '--db', db]);
      assert.equal(ex.code, 0, ex.stderr);
      assert.match(ex.stderr, /exported 4 documents/);
      const target = `imported-${n}-${file.endsWith('.json') ? 'json' : 'jsonl'}.db`;
      const im = await run(['import-corpus', file, '--db', target]);
      assert.equal(im.code, 0, im.stderr);
      assert.match(im.stdout, /^imported 4 documents, \d+ identities, 1 corrections into /);
      const again = `again-${file}`;
      assert.equal((await run(['export-corpus', again, '--db', target])).code, 0);
      const strip = (s: string) => s.replace(/"exportedAt":"[^"]*"/, '');
      assert.equal(strip(readFileSync(join(dir, again), 'utf8')), strip(readFileSync(join(dir, file), 'utf8')));
      for (const args of [['experts', '--format', 'json'], ['identities', '--pending', '--format', 'json'], ['correct', 'history', '--format', 'json'], ['search', 'Bondarenko', '--format', 'json']]) {
        assert.equal((await run([...args, '--db', target])).stdout, (await run([...args, '--db', db])).stdout, args.join(' '));
      }
      const refused = await run(['import-corpus', file, '--db', target]);
      assert.equal(refused.code, 5);
      assert.match(refused.stderr, /the corpus is not empty/);
    }
  });

  it('refuses a file that is not an export, naming the line', async () => {
    const file = join(dir, `junk-${++n}.jsonl`);
    writeFileSync(file, '{"record":"header","format":"mikata-corpus","version":1,"exportedAt":"x","counts":{"documents":0,"identities":0,"corrections":0}}\n{"record":"identity","ref":5}\n');
    const r = await run(['import-corpus', file, '--db', `junk-${n}.db`]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /junk-\d+\.jsonl:2: not a mikata corpus record at ref/);
    const missing = await run(['import-corpus', 'nothing-here.jsonl', '--db', `nothing-${n}.db`]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /nothing-here\.jsonl: no such file/);
    assert.equal(existsSync(join(dir, `nothing-${n}.db`)), false);
    copyFileSync(file, join(dir, 'keep.jsonl'));
  });
});

describe('ingest from standard input', () => {
  it('takes one document from `-`, and a blank one fails with a reason and exit 2', async () => {
    const { spawnSync } = await import('node:child_process');
    const db = join(dir, `stdin-${++n}.db`);
    const cli = (input: string) => spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'ingest', '-', '--db', db], { input, encoding: 'utf8', cwd: process.cwd() });
    const ok = cli(readFileSync('examples/sample-commentary.txt', 'utf8'));
    assert.equal(ok.status, 0, ok.stderr);
    assert.match(ok.stdout, /^added 1, unchanged 0, failed 0/);
    const again = cli(readFileSync('examples/sample-commentary.txt', 'utf8'));
    assert.match(again.stdout, /^added 0, unchanged 1, failed 0/, 'the same text is not added twice');
    const blank = cli('   \n');
    assert.equal(blank.status, 2);
    assert.match(blank.stdout, /-: the file holds only white space/);
  });
});
