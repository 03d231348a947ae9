/**
 * Tokenising ahead on a second thread (src/core/morph/prefetch.ts): whoever tokenises a piece, the tokens are
 * those of the analyser itself; pieces asked for out of order, skipped or unknown are tokenised on the spot.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { defaultJaTokenizer } from '../../src/core/morph/kuromoji.ts';
import { prefetchTokenizer } from '../../src/core/morph/prefetch.ts';
import { analyze } from '../../src/core/analyze.ts';

const SENTENCES = [
  '海洋政策研究所の森下主任研究員は、沿岸警備の連携が「まだ形だけだ」と語った。',
  '同研究所によれば、演習の回数は昨年の二倍に増えたという。',
  'ハルトマン氏は記者団に対し、輸出規制の見直しは避けられないとの見方を示した。',
  '――今後の見通しは?',
  '野々村教授「交渉は長引くでしょう。ただ、決裂はしないと思います」',
  'Twitter上では、 𠮷野家の新商品に関する投稿が1,200件を超えた。',
];

function document(n: number): { text: string; pieces: Int32Array } {
  const parts: string[] = [];
  const pieces: number[] = [];
  let at = 0;
  for (let i = 0; i < n; i++) {
    const s = SENTENCES[i % SENTENCES.length]!.replace('二倍', `${i + 2}倍`);
    parts.push(s, '\n');
    pieces.push(at, at + s.length);
    at += s.length + 1;
  }
  return { text: parts.join(''), pieces: Int32Array.from(pieces) };
}

test('pieces tokenised by the worker are the tokens of the analyser, and the worker does tokenise them', async () => {
  const base = defaultJaTokenizer();
  const { text, pieces } = document(300);
  const ahead = prefetchTokenizer(base, text, pieces);
  assert.ok(ahead, 'a machine with two cores tokenises ahead');
  try {
    // Give the worker time to start and fill its slots.
    for (let i = 0; i < 100 && ahead.counts.worker === 0; i++) {
      await sleep(50);
      const k: number = ahead.counts.caller + ahead.counts.worker;
      if (k < 3) continue;
      const slice = text.slice(pieces[2 * k]!, pieces[2 * k + 1]!);
      assert.deepEqual(ahead.tokenize(slice, pieces[2 * k]), base.tokenize(slice, pieces[2 * k]));
    }
    for (let k = ahead.counts.caller + ahead.counts.worker; k < pieces.length / 2; k++) {
      const start = pieces[2 * k]!;
      const slice = text.slice(start, pieces[2 * k + 1]!);
      assert.deepEqual(ahead.tokenize(slice, start), base.tokenize(slice, start), `piece ${k}`);
    }
    assert.ok(ahead.counts.worker > 0, `the worker tokenised some pieces (${JSON.stringify(ahead.counts)})`);
  } finally {
    ahead.close();
  }
});

test('skipped pieces, pieces asked twice, other texts and calls after close get the analyser\'s tokens', async () => {
  const base = defaultJaTokenizer();
  const { text, pieces } = document(120);
  const ahead = prefetchTokenizer(base, text, pieces)!;
  await sleep(300);
  const same = (s: string, offset: number) => assert.deepEqual(ahead.tokenize(s, offset), base.tokenize(s, offset));
  const piece = (k: number) => [text.slice(pieces[2 * k]!, pieces[2 * k + 1]!), pieces[2 * k]!] as const;
  same(...piece(0));
  same(...piece(0));
  same(...piece(5)); // 1–4 skipped
  same('別の文章です。', 0);
  same(text.slice(pieces[12]!, pieces[12]! + 4), pieces[12]!); // a piece's start, another length
  same(...piece(3)); // behind the cursor
  same(...piece(40));
  ahead.close();
  same(...piece(41));
  assert.equal(ahead.counts.worker + ahead.counts.caller, 3, "pieces 0, 5 and 40 were handed over");
});

test('a long Japanese text analyses the same with and without tokenising ahead', { timeout: 120_000 }, () => {
  const { text } = document(17_000);
  assert.ok(text.length > 1 << 19, 'long enough to tokenise ahead');
  const ahead = analyze(text);
  const alone = analyze(text, { tokenizeAhead: false });
  assert.ok(ahead.attributions.length > 1000);
  assert.deepEqual(ahead, alone);
});
