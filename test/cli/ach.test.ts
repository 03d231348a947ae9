/**
 * `mikata ach`: create a matrix, add hypotheses and evidence (a claim, or text), rate, show the scores with
 * diagnosticity and sensitivity, export CSV; bad input gets one line and the project's exit codes (2 usage or
 * a bad value, 4 not found, 5 conflict) and leaves the matrix as it was.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { runCli } from '../../src/cli/main.ts';
import type { CommandIO } from '../../src/cli/io.ts';
import { createTestCorpus, type TestCorpus } from '../server/_corpus.ts';
import { cliIn, type CliResult } from './_run.ts';

let tc: TestCorpus;
let doc: string;
let claims: string[];
before(async () => {
  tc = await createTestCorpus();
  doc = tc.refs['black-sea.txt']!;
  const summary = await tc.corpus.resolveDocument(doc);
  claims = (await tc.corpus.store.claims(summary.id)).map((c) => c.localId);
  await tc.corpus.close();
});
after(async () => tc?.dispose());

function run(...args: string[]): Promise<CliResult> {
  return cliIn(tc.dir, { MIKATA_USER: 'kato' })(['ach', ...args, '--db', join(tc.dir, 'corpus.db')]);
}

describe('mikata ach', () => {
  test('create, add, rate, show, export', async () => {
    assert.ok(claims.length >= 2, 'the test document has claims');
    assert.equal((await run('list')).stdout, 'no ACH matrices yet: mikata ach create TITLE\n');
    assert.equal((await run('create', '変化は漸進的か急激か')).stdout, 'm1  変化は漸進的か急激か\n');
    assert.equal((await run('hypothesis', 'm1', 'gradual')).stdout, 'h1  gradual\n');
    assert.equal((await run('hypothesis', 'm1', 'abrupt')).stdout, 'h2  abrupt\n');
    const ev1 = await run('evidence', 'm1', doc, claims[0]!);
    assert.equal(ev1.code, 0, ev1.stderr);
    assert.match(ev1.stdout, /^ev1  «.+» — .+  weight 1\n$/);
    assert.equal((await run('evidence', 'm1', '--text', '=HYPERLINK("x") exercises grew', '--weight', '2')).stdout, 'ev2  «=HYPERLINK("x") exercises grew»  weight 2\n');
    for (const [e, h, r] of [['ev1', 'h1', 'c'], ['ev1', 'h2', 'II'], ['ev2', 'h1', 'I'], ['ev2', 'h2', 'C']]) {
      const out = await run('rate', 'm1', e!, h!, r!);
      assert.equal(out.code, 0, out.stderr);
    }
    // h1: ev2 I → 2 × 1 = 2; h2: ev1 II → 1 × 2 = 2: tied; consistency h1 1, h2 2 → h2 listed first.
    const shown = await run('show', 'm1');
    assert.equal(shown.code, 0, shown.stderr);
    assert.match(shown.stdout, /^m1  変化は漸進的か急激か  kato, /);
    assert.match(shown.stdout, /\n   1\. h2   abrupt  inconsistency 2, consistency 2\n   1\. h1   gradual  inconsistency 2, consistency 1\n/);
    assert.match(shown.stdout, /\n  ev1     C   II  1       3     «/);
    assert.match(shown.stdout, /\n  ev2     I   C   2       4     «=HYPERLINK/);
    assert.match(shown.stdout, /most diagnostic: ev2 \(4\), ev1 \(3\)/);
    // Removing ev1 leaves h1 2, h2 0; removing ev2 leaves h1 0, h2 2: either breaks the tie.
    assert.match(shown.stdout, /sensitivity: single changes that move the lead from h1 and h2:\n  ev1 removed → h2 leads\n  ev1 under h1 C → I → h2 leads\n[^]*\n  ev2 removed → h1 leads\n/);
    const json = JSON.parse((await run('show', 'm1', '--format', 'json')).stdout);
    assert.deepEqual(json.result.leaders, ['h1', 'h2']);
    assert.equal(json.matrix.evidence[0].claim, claims[0]);

    assert.equal((await run('export', 'm1', 'm1.csv')).code, 0);
    const csv = readFileSync(join(tc.dir, 'm1.csv'), 'utf8');
    const lines = csv.split('\r\n');
    assert.equal(lines[0], 'evidence,kind,document,claim,speaker,text,weight,h1: gradual,h2: abrupt,diagnosticity');
    assert.match(lines[1]!, new RegExp(`^ev1,claim,[0-9a-f]{64},${claims[0]},.*,1,C,II,3$`));
    assert.equal(lines[2], `ev2,text,,,,"'=HYPERLINK(""x"") exercises grew",2,I,C,4`, 'a formula in the text stays text');
    assert.equal(lines[3], 'inconsistency,,,,,,,2,2,');
    assert.equal(lines[4], 'rank,,,,,,,1,1,');
    assert.equal((await run('export', 'm1', '-')).stdout, csv);
    assert.equal((await run('list')).stdout.split('\n')[0]!.slice(0, 6), 'm1    ');
  });

  test('bad input: one line, exit 2 / 4 / 5, the matrix unchanged', async () => {
    const before = (await run('show', 'm1', '--format', 'json')).stdout;
    const cases: [string[], number, RegExp][] = [
      [['show', 'm9'], 4, /^mikata: no ACH matrix "m9"/],
      [['hypothesis', 'm1', 'gradual'], 5, /already has the hypothesis "gradual"/],
      [['hypothesis', 'm1', '   '], 2, /hypothesis: give some text/],
      [['rate', 'm1', 'ev1', 'h1', 'X'], 2, /rating: "X" is not one of CC, C, N, I, II/],
      [['rate', 'm1', 'ev9', 'h1', 'C'], 4, /matrix m1 has no evidence "ev9" \(it has ev1, ev2\)/],
      [['rate', 'm1', 'ev1', 'h7', 'C'], 4, /matrix m1 has no hypothesis "h7"/],
      [['evidence', 'm1', doc, 'a9999'], 4, /no claim "a9999" in document/],
      [['evidence', 'm1', 'nosuchdoc', 'a1'], 4, /no document "nosuchdoc"/],
      [['evidence', 'm1', doc, claims[0]!], 5, /already evidence in matrix m1/],
      [['evidence', 'm1'], 2, /name the evidence/],
      [['evidence', 'm1', doc, claims[1]!, '--text', 'x'], 2, /either a document and claim, or --text/],
      [['evidence', 'm1', '--text', 'x', '--weight', 'heavy'], 2, /weight: "heavy" is not a number from 0 to 100/],
      [['weight', 'm1', 'ev1', '-3'], 2, /weight: "-3"/],
    ];
    // No corpus there: nothing is created (a typo in --db must not start a new corpus).
    let stderr = '';
    const missing = await runCli(['ach', 'create', 'Q', '--db', join(tc.dir, 'nope.db')], { stdout: () => true, stderr: (s) => { stderr += s; }, isTTY: false, env: { MIKATA_USER: 'kato' }, cwd: tc.dir });
    assert.equal(missing, 3, stderr);
    assert.equal(existsSync(join(tc.dir, 'nope.db')), false);
    for (const [args, code, message] of cases) {
      const r = await run(...args);
      assert.equal(r.code, code, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, message, args.join(' '));
      assert.equal(r.stderr.trim().split('\n').length, 1, `one line: ${r.stderr}`);
    }
    assert.equal((await run('show', 'm1', '--format', 'json')).stdout, before);
  });

  test('unanchored: nothing while every claim is found', async () => {
    assert.equal((await run('unanchored')).stdout, 'every piece of claim evidence is on its claim\n');
  });

  test('weight, clear a cell, delete', async () => {
    const w = await run('weight', 'm1', 'ev2', '0.5', '--format', 'json');
    assert.equal(w.code, 0, w.stderr);
    // h1: ev2 I → 0.5; h2: ev1 II → 2.
    assert.deepEqual(JSON.parse(w.stdout).result.ranking.map((s: { hypothesis: string; inconsistency: number }) => [s.hypothesis, s.inconsistency]), [['h1', 0.5], ['h2', 2]]);
    const cleared = JSON.parse((await run('rate', 'm1', 'ev1', 'h2', '-', '--format', 'json')).stdout);
    assert.equal(cleared.matrix.ratings.length, 3);
    // The claim's document deleted: the matrix keeps the text it was rated on, and says the claim is gone.
    const quiet: CommandIO = { stdout: () => true, stderr: () => {}, isTTY: false, env: { MIKATA_USER: 'kato' }, cwd: tc.dir };
    assert.equal(await runCli(['delete', doc, '--db', join(tc.dir, 'corpus.db')], quiet), 0);
    assert.match((await run('show', 'm1')).stdout, /\n  ! ev1: its document [0-9a-f]{12} is no longer in the corpus; rated on the text kept above\n/);
    const loose = await run('unanchored');
    assert.equal(loose.code, 0, loose.stderr);
    assert.match(loose.stdout, /^m1 ev1  «.+» — .+ \([0-9a-f]{12} a\d+\)\n  its document [0-9a-f]{12} is no longer in the corpus\n$/);
    assert.equal(JSON.parse((await run('unanchored', '--format', 'json')).stdout)[0].evidence, 'ev1');
    assert.equal((await run('delete', 'm1')).stdout, 'deleted m1  変化は漸進的か急激か\n');
    assert.equal((await run('show', 'm1')).code, 4);
  });
});
