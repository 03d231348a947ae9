/**
 * `mikata codebook agreement CODE`: the claims of one code across documents, grouped by what they say;
 * bad input gets one line, exit 2 (usage) or 4 (unknown code or document).
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createTestCorpus, type TestCorpus } from '../server/_corpus.ts';
import { NAVAL_CALLS_A, NAVAL_CALLS_B } from '../server/_agreement-texts.ts';
import { cliIn, type CliResult } from './_run.ts';

let tc: TestCorpus;
before(async () => {
  tc = await createTestCorpus({ 'ports-a.txt': NAVAL_CALLS_A, 'ports-b.txt': NAVAL_CALLS_B });
  await tc.corpus.close();
});
after(async () => tc?.dispose());

function run(...args: string[]): Promise<CliResult> {
  return cliIn(tc.dir, { MIKATA_USER: 'kato' })(['codebook', 'agreement', ...args, '--db', join(tc.dir, 'corpus.db')]);
}

describe('mikata codebook agreement', () => {
  test('lists who agrees (two speakers, two documents) and who stands alone', async () => {
    const r = await run('domain.naval');
    assert.equal(r.code, 0, r.stderr);
    const a = tc.refs['ports-a.txt']!;
    const b = tc.refs['ports-b.txt']!;
    assert.match(r.stdout, /^domain\.naval  海軍・海洋 \/ Naval and maritime\n3 claims of 3 speakers in 2 documents; claims joined at similarity ≥ 0\.6\n\n/);
    assert.match(r.stdout, new RegExp(`\\nagree \\(1\\):\\n  g1  戸倉亮介, 柳瀬智之 — 2 documents  similarity 0\\.\\d+\\n      戸倉亮介  北方航路の見通し, 2025-02-10 \\[${a}\\] a\\d+\\n        «北方航路の艦艇の寄港が今後3年で倍増する»\\n      柳瀬智之  [^\\n]*寄港の増加, 2025-05-01 \\[${b}\\] a\\d+\\n`));
    assert.match(r.stdout, /\nstand alone \(1\):\n  g2  三園玲奈 — 1 document\n/);
    const json = JSON.parse((await run('domain.naval', '--format', 'json', '--threshold', '0.95')).stdout);
    assert.deepEqual([json.threshold, json.agree.length, json.alone.length], [0.95, 0, 3]);
    const one = await run('domain', '--document', 'ports-b.txt');
    assert.match(one.stdout, /^domain  協力分野 \/ Domains of cooperation  \(with \d+ codes under it\)\n1 claim of 1 speaker in 1 document;/);
    assert.match(one.stdout, /agree: no two speakers say nearly the same under this code/);
  });

  test('bad input: one line, exit 2 or 4', async () => {
    const cases: [string[], number, RegExp][] = [
      [['domain.navel'], 4, /^mikata: no code "domain\.navel" in the codebook/],
      [['domain.naval', '--threshold', '1.5'], 2, /--threshold must be a number from 0 to 1, not "1\.5"/],
      [['domain.naval', '--threshold', ''], 2, /--threshold must be a number from 0 to 1/],
      [['domain.naval', '--document', 'nosuch.txt'], 4, /no document "nosuch\.txt"/],
    ];
    for (const [args, code, message] of cases) {
      const r = await run(...args);
      assert.equal(r.code, code, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, message, args.join(' '));
      assert.equal(r.stderr.trim().split('\n').length, 1, `one line: ${r.stderr}`);
    }
  });
});
