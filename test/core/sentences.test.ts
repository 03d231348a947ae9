/**
 * Sentences (pass 3): where a sentence ends in Japanese and English, bracket-aware and abbreviation-aware,
 * and the tiling of a block by its sentences. Table-driven on `splitBlock`, then through `analyze`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitBlock } from '../../src/core/segment/03-split-sentences.ts';
import { analyze } from '../../src/core/analyze.ts';
import { checkAnalysis } from '../property/_check-analysis.ts';

/** The sentences of one block of text, as strings; checks that they tile it. */
function sentences(block: string): string[] {
  const spans = splitBlock(block, 0, block.length);
  let at = 0;
  for (const s of spans) {
    assert.ok(s.start >= at && s.start < s.end && s.end <= block.length, `span [${s.start}, ${s.end}) in order and in range`);
    assert.match(block.slice(at, s.start), /^\s*$/, 'only white space between sentences');
    at = s.end;
  }
  assert.match(block.slice(at), /^\s*$/, 'the sentences reach the end of the block');
  return spans.map((s) => block.slice(s.start, s.end));
}

const cases: [why: string, block: string, expected: string[]][] = [
  // Japanese terminators
  ['。 ends a sentence', '演習は続いている。規模は縮小した。', ['演習は続いている。', '規模は縮小した。']],
  ['！ and ？ end sentences, full-width or not', '本当に抑止できるのか？　答えは否である！次に進む?そうだ!', ['本当に抑止できるのか？', '答えは否である！', '次に進む?', 'そうだ!']],
  ['a run of terminators stays with its sentence', 'まさか！？信じがたい。', ['まさか！？', '信じがたい。']],
  ['a block with no terminator is one sentence', '今後の課題と展望', ['今後の課題と展望']],
  // Brackets
  ['。 inside 「…」 does not end the sentence', '彼は「作戦は失敗した。撤退する！」と述べた。次の文である。', ['彼は「作戦は失敗した。撤退する！」と述べた。', '次の文である。']],
  ['。 inside 『…』 and （…） does not either', '『抑止の論理。その限界』（2024年。改訂版）を参照した。以上。', ['『抑止の論理。その限界』（2024年。改訂版）を参照した。', '以上。']],
  ['nested brackets', '彼は「同盟国は『重大な懸念。』を示した。」と語った。続く。', ['彼は「同盟国は『重大な懸念。』を示した。」と語った。', '続く。']],
  ['a quotation that is a sentence of its own ends with its closer', '彼はこう述べた。「撤退はない。」次の文。', ['彼はこう述べた。', '「撤退はない。」', '次の文。']],
  ['…but not when a particle carries on after it', '「撤退はない。」と彼は述べた。「撤退はない。」という声もある。', ['「撤退はない。」と彼は述べた。', '「撤退はない。」という声もある。']],
  ['…nor when the quotation does not open the sentence', '彼は「撤退はない。」同盟国も同意した。', ['彼は「撤退はない。」同盟国も同意した。']],
  ['an opener with no closer cannot swallow the block', '「未完の引用が続く。次の文である。最後の文。', ['「未完の引用が続く。', '次の文である。', '最後の文。']],
  ['a footnote marker before 。 stays in the sentence', '艦隊は旧式である3。同氏は懸念を示した4。', ['艦隊は旧式である3。', '同氏は懸念を示した4。']],
  // English
  ['. ! ? end English sentences', 'The fleet is old. Is it ready? Not at all! It sails anyway.', ['The fleet is old.', 'Is it ready?', 'Not at all!', 'It sails anyway.']],
  ['titles and abbreviations do not end a sentence: Dr., Gen., Mr., U.S.', 'Dr. Lee met Gen. Park and Mr. Kim at the U.S. Embassy. They talked.', ['Dr. Lee met Gen. Park and Mr. Kim at the U.S. Embassy.', 'They talked.']],
  ['e.g. and i.e. do not end a sentence', 'Navies, e.g. the Royal Navy, face this, i.e. the same shortage. It is real.', ['Navies, e.g. the Royal Navy, face this, i.e. the same shortage.', 'It is real.']],
  ['initials do not end a sentence', 'The study by J. R. Okafor and M. Sokolin was cited. It was long.', ['The study by J. R. Okafor and M. Sokolin was cited.', 'It was long.']],
  ['a decimal number or a domain does not end a sentence', 'Ships sail at 3.5 knots, says example.org today. Fine.', ['Ships sail at 3.5 knots, says example.org today.', 'Fine.']],
  ['an ellipsis before a lower-case word does not end a sentence', 'They waited... and waited. Then they left.', ['They waited... and waited.', 'Then they left.']],
  ['a quoted sentence ends with its closing quote', 'He said: “It failed.” Then he left.', ['He said: “It failed.”', 'Then he left.']],
  ['a marker after the stop stays with the sentence (.1 and ”3)', 'The navy is stretched.1 Its bases are “crumbling.”2 Phase 1 lasted 2 weeks.', ['The navy is stretched.1', 'Its bases are “crumbling.”2', 'Phase 1 lasted 2 weeks.']],
  ['the number that opens a notes line ends nothing', '1. Kowalski, interview, 2024.', ['1. Kowalski, interview, 2024.']],
  ['p. and No. do not end a sentence', 'See p. 4 and No. 7 of the series. Done.', ['See p. 4 and No. 7 of the series.', 'Done.']],
  ['a possessive after an acronym with stops does not end a sentence', "The F.B.I.'s review and the U.S.’s reply came late. Then it ended.", ["The F.B.I.'s review and the U.S.’s reply came late.", 'Then it ended.']],
  ['an acronym before a name or noun goes on; before a sentence opener it ends', 'The U.S. Senate voted in the U.S. The House did not.', ['The U.S. Senate voted in the U.S.', 'The House did not.']],
  ['Sen., Rep., Gov., Jan. and state abbreviations before a comma do not end a sentence', 'Sen. Lee, D-Ore., and Rep. Hall of N.Y. met Gov. Park on Jan. 5. They agreed.', ['Sen. Lee, D-Ore., and Rep. Hall of N.Y. met Gov. Park on Jan. 5.', 'They agreed.']],
  ['a quoted question stays with its attribution after it', '“Who would pay for it?” Castell asked. “Not us.” Then he left.', ['“Who would pay for it?” Castell asked.', '“Not us.”', 'Then he left.']],
  ['a quoted sentence stays with an inverted attribution', '“It failed!” said Sen. Lee. Nobody answered.', ['“It failed!” said Sen. Lee.', 'Nobody answered.']],
  ['white space and line breaks between sentences belong to no sentence', '  First one.\n  Second one.  ', ['First one.', 'Second one.']],
];

for (const [why, block, expected] of cases) {
  test(`sentences: ${why}`, () => {
    assert.deepEqual(sentences(block), expected);
  });
}

test('sentences work on a part of a text: offsets are absolute, and nothing outside the range is read', () => {
  const text = 'XX。前の文。後の文。YY。';
  const spans = splitBlock(text, 3, 11);
  assert.deepEqual(spans.map((s) => text.slice(s.start, s.end)), ['前の文。', '後の文。']);
  assert.deepEqual(spans, [{ start: 3, end: 7 }, { start: 7, end: 11 }]);
});

test('analyze: only text blocks get sentences; a list item\'s sentences start after its bullet', () => {
  const text = '安全保障コメンタリー 第3号 2025年1月10日 題名\nはじめに\n第一の文。第二の文。\n・箇条の文。\n';
  const a = analyze(text);
  checkAnalysis(a, text);
  assert.deepEqual(a.sentences.map((s) => [a.blocks[s.block]!.kind, text.slice(s.start, s.end)]), [
    ['paragraph', '第一の文。'],
    ['paragraph', '第二の文。'],
    ['list-item', '箇条の文。'],
  ]);
});

test('analyze: sentences are reported in the original text when normalisation changed it', () => {
  const text = '題名\nはじめに\nＮＡＴＯは拡大した。ｶﾞｲﾄﾞﾗｲﾝは⾮公開である？　以上！\n';
  const a = analyze(text);
  checkAnalysis(a, text);
  assert.deepEqual(a.sentences.map((s) => text.slice(s.start, s.end)), ['ＮＡＴＯは拡大した。', 'ｶﾞｲﾄﾞﾗｲﾝは⾮公開である？', '以上！']);
});

test('Japanese: a line closed by a bracket (a caption credit, a dateline) ends its sentence; a line carried on by a particle does not', () => {
  const text = '崔英男氏=(北陽通信)\n【ソウル北陽通信】南陵国の崔副部長は談話を出した。\n会見は(北陽通信)\nによると延期された。';
  assert.deepEqual(sentences(text), ['崔英男氏=(北陽通信)', '【ソウル北陽通信】南陵国の崔副部長は談話を出した。', '会見は(北陽通信)\nによると延期された。']);
});

test('Japanese: a line opening with an interviewer\'s dash (――…) starts a sentence; a line without one carries on the sentence before', () => {
  const text = '首脳会談で得たものは\n――停戦は近いですか。\n協議は続いて\nいます。';
  assert.deepEqual(sentences(text), ['首脳会談で得たものは', '――停戦は近いですか。', '協議は続いて\nいます。']);
});
