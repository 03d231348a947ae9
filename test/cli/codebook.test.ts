/**
 * `mikata codebook` (show, export, import, apply, code, decisions, withdraw), `mikata export --code`, and the
 * codes `mikata analyze --format json` puts on every attribution; bad codebook files named with the problem,
 * exit 2, and the corpus left as it was.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { runCli } from '../../src/cli/main.ts';
import type { CommandIO } from '../../src/cli/io.ts';
import { readCodebookJson } from '../../src/core/codebook/codebook.ts';
import { DEFAULT_CODEBOOK } from '../../src/core/codebook/default-codebook.ts';
import { analysisSchema } from '../../src/core/model/schema.ts';
import { SCHEMAS, schemasMissing, xsdErrors } from '../export/_validators.ts';
import { createExportCorpus } from '../export/_corpus.ts';
import type { TestCorpus } from '../server/_corpus.ts';

let tc: TestCorpus;
before(async () => {
  tc = await createExportCorpus();
  await tc.corpus.close();
});
after(async () => tc?.dispose());

async function run(args: string[], withDb = true): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CommandIO = { stdout: (s) => { stdout += s; return true; }, stderr: (s) => { stderr += s; }, isTTY: false, env: { MIKATA_USER: 'kato' }, cwd: tc.dir };
  const [cmd, sub, ...rest] = args;
  const argv = cmd === 'codebook' ? [cmd, sub!, ...rest] : [cmd!, ...(sub ? [sub] : []), ...rest];
  const code = await runCli(withDb ? [...argv, '--db', join(tc.dir, 'corpus.db')] : argv, io);
  return { code, stdout, stderr };
}

describe('mikata codebook', () => {
  test('show: the default codebook as a tree with claim counts; json has the codebook and the counts', async () => {
    const r = await run(['codebook', 'show', '--lang', 'en']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^mikata: security-policy commentary 2025\.1 \(the default codebook\)\n/);
    assert.match(r.stdout, /\n  domain  Domains of cooperation\n    domain\.space  Satellites and space  \d+ claims?\n/);
    const j = JSON.parse((await run(['codebook', 'show', '--format', 'json'])).stdout);
    assert.deepEqual(j.codebook, DEFAULT_CODEBOOK);
    assert.ok(j.claims['domain.naval'] >= 1, 'the port and navy claims are coded naval');
  });

  test('export as JSON and .qdc (valid against the codebook XSD); import an edited file recodes every claim', async () => {
    assert.equal((await run(['codebook', 'export', 'book.json'])).code, 0);
    const book = readCodebookJson(readFileSync(join(tc.dir, 'book.json'), 'utf8'));
    assert.deepEqual(book, DEFAULT_CODEBOOK);
    assert.equal((await run(['codebook', 'export', 'book.qdc', '--lang', 'en'])).code, 0);
    // The official XSD is read from ../shared/schemas when it is there (never copied into the project).
    if (!schemasMissing) assert.deepEqual(xsdErrors(readFileSync(join(tc.dir, 'book.qdc')), join(SCHEMAS, 'refi-qda', 'Codebook-mrt2019.xsd')), []);

    const edited = { ...book, version: '2025.2', codes: [...book.codes, { id: 'insurance', name: { ja: '保険', en: 'Insurance' }, indicators: { ja: ['保険'], en: ['insurance'] } }] };
    writeFileSync(join(tc.dir, 'edited.json'), JSON.stringify(edited));
    const r = await run(['codebook', 'import', 'edited.json']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /2025\.2: \d+ codes; coded the claims of 4 documents/);
    const j = JSON.parse((await run(['codebook', 'show', '--format', 'json'])).stdout);
    assert.equal(j.custom, true);
    assert.ok(j.claims.insurance >= 2, 'the insurance claims carry the new code');

    // The same codebook through .qdc round-trips into the corpus too.
    assert.equal((await run(['codebook', 'import', 'book.qdc'])).code, 0);
    assert.equal(JSON.parse((await run(['codebook', 'show', '--format', 'json'])).stdout).codebook.version, '2025.1');
    assert.equal((await run(['codebook', 'apply', '--default'])).code, 0);
    assert.equal(JSON.parse((await run(['codebook', 'show', '--format', 'json'])).stdout).custom, false);
  });

  test('bad codebook files: named with the problem, exit 2, the corpus codebook unchanged', async () => {
    writeFileSync(join(tc.dir, 'dup.json'), JSON.stringify({ ...DEFAULT_CODEBOOK, codes: [...DEFAULT_CODEBOOK.codes, DEFAULT_CODEBOOK.codes[1]] }));
    writeFileSync(join(tc.dir, 'broken.qdc'), '<CodeBook><Codes>');
    for (const [file, why] of [['dup.json', /dup\.json: not a valid codebook: codes\.\d+\.id: code id "alliance\.alliance" is used twice/], ['broken.qdc', /broken\.qdc: not a valid codebook: not XML/], ['missing.json', /missing\.json: could not read the codebook: no such file/]] as const) {
      const r = await run(['codebook', 'import', file]);
      assert.equal(r.code, 2, file);
      assert.match(r.stderr, why);
      assert.equal(r.stderr.trim().split('\n').length, 1);
    }
    assert.equal(JSON.parse((await run(['codebook', 'show', '--format', 'json'])).stdout).custom, false);
  });

  test('code, decisions, withdraw; export --code keeps the coded claims only', async () => {
    const added = await run(['codebook', 'code', 'convoys.txt', 'domain.intelligence', '--quote', 'maritime surveillance data', '--why', 'data sharing']);
    assert.equal(added.code, 0, added.stderr);
    assert.match(added.stdout, /^k\d+\s+accept domain\.intelligence  «(that )?the coastal states must share maritime surveillance/);
    const rejected = await run(['codebook', 'code', 'black-sea.txt', 'domain.naval', '--quote', '海峡の通航', '--reject']);
    assert.equal(rejected.code, 0, rejected.stderr);
    const list = await run(['codebook', 'decisions']);
    assert.match(list.stdout, /accept domain\.intelligence/);
    assert.match(list.stdout, /reject domain\.naval/);
    assert.match(list.stdout, /by kato — data sharing {2}applied/);

    const csv = await run(['export', '--format', 'csv', '--code', 'domain.intelligence', '--out', '-']);
    assert.equal(csv.code, 0, csv.stderr);
    const rows = csv.stdout.trim().split('\n');
    assert.equal(rows.length, 2, 'a header and the one claim coded intelligence');
    assert.match(rows[1]!, /maritime surveillance data/);
    // --code on a grouping code takes the codes under it.
    const all = await run(['export', '--format', 'csv', '--code', 'domain', '--out', '-']);
    assert.ok(all.stdout.trim().split('\n').length > 2);

    assert.equal((await run(['export', '--format', 'csv', '--code', 'no.such', '--out', '-'])).code, 4);
    assert.equal((await run(['codebook', 'code', 'convoys.txt', 'no.such', 'a1'])).code, 4);
    assert.equal((await run(['codebook', 'code', 'convoys.txt', 'domain.naval'])).code, 2, 'no claim named');
    assert.equal((await run(['codebook', 'code', 'convoys.txt', 'domain.naval', 'a1', '--add', '--reject'])).code, 2);
    const w = await run(['codebook', 'withdraw', 'k1']);
    assert.match(w.stdout, /withdrawn/);
  });
});

describe('mikata analyze: codes on every attribution', () => {
  test('each attribution carries codes with evidence spans into the text; --no-codes leaves them out', async () => {
    const file = join(tc.dir, 'note.txt');
    const text = '北東アジア・コメンタリー 第3号 2025年2月1日\n同盟か便宜か\n分析\nウラジオストク大学のイーゴリ・サフチェンコ教授は、両国の軍事同盟は形だけのものにすぎないと述べた。サフチェンコは、砲弾と弾道ミサイルの供与が続くと指摘する。\n';
    writeFileSync(file, text);
    const r = await run(['analyze', file, '--format', 'json'], false);
    assert.equal(r.code, 0, r.stderr);
    const analysis = analysisSchema.parse(JSON.parse(r.stdout));
    assert.ok(analysis.attributions.length >= 2);
    for (const a of analysis.attributions) {
      assert.ok(Array.isArray(a.codes), `${a.id} has codes`);
      for (const k of a.codes!) for (const e of k.evidence) assert.equal(text.slice(e.start, e.end), e.text);
    }
    const all = analysis.attributions.flatMap((a) => a.codes!.map((k) => k.code));
    for (const c of ['alliance.alliance', 'domain.munitions', 'domain.missiles']) assert.ok(all.includes(c), c);
    const none = JSON.parse((await run(['analyze', file, '--format', 'json', '--no-codes'], false)).stdout);
    assert.ok(none.attributions.every((a: { codes?: unknown }) => a.codes === undefined));
    const bad = await run(['analyze', file, '--codebook', 'missing.json'], false);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /missing\.json: could not read the codebook/);
  });
});

describe('mikata migrate codes the claims stored before the codebook', () => {
  test('claims without codes (a corpus from store schema 2) are coded once by migrate', async () => {
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(join(tc.dir, 'corpus.db'));
    db.exec("DELETE FROM claim_codes; DELETE FROM mikata_meta WHERE key = 'coded'");
    db.close();
    assert.equal(JSON.parse((await run(['codebook', 'show', '--format', 'json'])).stdout).claims['domain.naval'], undefined);
    const m = await run(['migrate']);
    assert.equal(m.code, 0, m.stderr);
    assert.match(m.stdout, /up to date; coded the claims of 4 documents/);
    assert.ok(JSON.parse((await run(['codebook', 'show', '--format', 'json'])).stdout).claims['domain.naval'] >= 1);
    assert.doesNotMatch((await run(['migrate'])).stdout, /coded/, 'once');
  });
});
