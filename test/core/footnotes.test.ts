/**
 * Footnote markers (pass 4): bare digits left by PDF extraction decoded as one increasing sequence and told
 * apart from every other number; superscripts, [1], (注1), ※1, [^1]; a notes list linked to its markers;
 * each marker linked to the sentence it closes. Texts written for these tests.
 *
 * Texts mark the expected markers as {n}: `marked()` removes the braces and records where each marker stands,
 * so every case states positions exactly without counting characters by hand.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../src/core/analyze.ts';
import type { Analysis, Footnote } from '../../src/core/model/schema.ts';
import type { SourceText } from '../../src/core/text/source-text.ts';
import { checkAnalysis } from '../property/_check-analysis.ts';

interface Expected { n: number; start: number; end: number; marker: string }

/** `{…}` marks an expected marker (its whole written form, e.g. {[3]} or {12}); returns the plain text. */
function marked(source: string): { text: string; expected: Expected[] } {
  let text = '';
  const expected: Expected[] = [];
  let last = 0;
  for (const m of source.matchAll(/\{([^{}]+)\}/g)) {
    text += source.slice(last, m.index);
    const marker = m[1]!;
    expected.push({ n: Number(marker.normalize('NFKC').replace(/\D/g, '')), start: text.length, end: text.length + marker.length, marker });
    text += marker;
    last = m.index + m[0].length;
  }
  text += source.slice(last);
  return { text, expected };
}

function run(source: string | SourceText): Analysis {
  const a = analyze(source);
  checkAnalysis(a, typeof source === 'string' ? source : source.text);
  return a;
}

const head = '安全保障コメンタリー 第31号 2025年5月20日 極東の軍事バランス\n・政策研究部 主任研究員\n・高橋 誠\nはじめに\n';

function found(a: Analysis, text: string): Expected[] {
  return a.footnotes.map((f) => ({ n: f.n, start: f.start, end: f.end, marker: text.slice(f.start, f.end) }));
}

// ------------------------------------------------------------------------------------------ bare markers

const bare: [why: string, source: string][] = [
  [
    'markers glued before 。, after 」, and inside a clause',
    `${head}同国は極東での演習を拡大している{1}。研究者は「兵力の転用は限定的だ」{2}と述べる。この合意{3}は、二国間の方策{4}として注目される。\n`,
  ],
  [
    'dates, 第4位, 3分の2, 1つ, 40年ぶり, 70%, B-52, 10年後 are numbers, not markers',
    `${head}2022年2月24日以降、同国の国防費は世界第4位となった{1}。1つの理由は、兵力の3分の2が西部に移ったことにある{2}。\n演習は40年ぶりの規模で、艦艇の70%が参加した{3}。B-52の飛来は2回に及び、10年後には配備が進むとみられる{4}。\n`,
  ],
  [
    'a number that fits the chain but is written as a count does not break it (2つ between 1 and 2)',
    `${head}同国は新方針を示した{1}。方針には2つの柱がある{2}。3か国が賛同した{3}。\n`,
  ],
  [
    'section numbers (1) (2) in headings are not markers, even where they would fit the chain',
    `${head}同国は演習を拡大している{1}。\n(1)海軍\n艦艇の更新が遅れている{2}。\n(2)空軍\n戦闘機の稼働率は低い{3}。\n`,
  ],
  [
    'multi-digit markers continue the sequence (…9, 10, 11)',
    `${head}一{1}。二{2}。三{3}。四{4}。五{5}。六{6}。七{7}。八{8}。九{9}。十である{10}。十一である{11}。\n`,
  ],
  [
    'a gap in the sequence (a marker the extraction lost) is bridged',
    `${head}同国は演習を拡大している{1}。規模は縮小した{2}。予算は増えた{4}。兵員は減った{5}。\n`,
  ],
  [
    'full-width digits (reported where they stand in the original)',
    `${head}無人機は戦場を変えた{１}。損害の７０％が無人機による{２}。\n`,
  ],
  [
    'English: markers after the stop, after a comma and after a closing quote',
    'Commentary No. 5 | 3 March 2025 | Deterrence at Sea\n\nIntroduction\n\nThe navy is stretched.{1} Its 12 bases are old,{2} and “crumbling.”{3} In 2024, 3 ships sailed for 40 days.{4}\n',
  ],
];

for (const [why, source] of bare) {
  test(`bare markers: ${why}`, () => {
    const { text, expected } = marked(source);
    const a = run(text);
    assert.deepEqual(found(a, text), expected);
    assert.ok(a.footnotes.every((f) => f.style === 'bare'));
  });
}

// ------------------------------------------------------------------------------------------ no markers

const numbersOnly: [why: string, text: string][] = [
  ['dates, counts and ordinals', `${head}2022年2月24日に侵攻が始まった。兵力は約15万人で、3方向から進撃した。第1段階は2週間続いた。\n`],
  ['distractors of every kind', `${head}同国の国防費は世界第4位である。兵力の3分の2が移動し、1つの師団が残った。演習は40年ぶりで、70%の艦艇とB-52が参加した。10年後の姿は見えない。\n`],
  ['numbered headings and list items', `${head}(1)海軍\n艦艇の更新が遅れている。\n(2)空軍\n戦闘機の稼働率は低い。\n・1隻目\n・2隻目\n`],
  ['English numbers', 'Commentary No. 5 | 3 March 2025 | Deterrence at Sea\n\nIntroduction\n\nThe navy has 12 ships and 3 bases. In 2021, 2 ships were lost. Phase 1 lasted 2 weeks.\n'],
  ['a lone 1 written as a count', `${head}同国は1隻の空母を持つ。\n`],
];

for (const [why, text] of numbersOnly) {
  test(`no markers in a text with only numbers: ${why}`, () => {
    assert.deepEqual(found(run(text), text), []);
  });
}

// ------------------------------------------------------------------------------------------ explicit styles

const styles: [why: string, source: string, style: Footnote['style']][] = [
  ['superscript digits ¹²³ (the span is the superscript itself)', `${head}同国は新方針を示した{¹}。専門家は懸念を表明した{²}。軍は反発した{³}。\n`, 'superscript'],
  ['superscript digits in two figures (¹⁰ after ⁹)', `${head}一{¹}。二{²}。三{³}。四{⁴}。五{⁵}。六{⁶}。七{⁷}。八{⁸}。九{⁹}。十{¹⁰}。\n`, 'superscript'],
  ['[1] brackets (the span is the whole marker)', `${head}同国は新方針を示した{[1]}。専門家は懸念を表明した{[2]}。\n`, 'bracket'],
  ['(注1) and （注2）', `${head}同国は新方針を示した{(注1)}。専門家は懸念を表明した{（注2）}。\n`, 'note-word'],
  ['※1', `${head}同国は新方針を示した{※1}。専門家は懸念を表明した{※2}。\n`, 'asterisk'],
  ['Markdown [^1]', `# 極東の軍事バランス\n\n## はじめに\n\n同国は新方針を示した{[^1]}。専門家は懸念を表明した{[^2]}。\n`, 'markdown'],
  ['a single explicit marker stands alone', `${head}同国は新方針を示した{[1]}。\n`, 'bracket'],
  ['explicit markers among numbers: [2] in a year is still not a number', `${head}2024年に同国は3隻を配備した{[1]}。2025年には第2陣が続いた{[2]}。\n`, 'bracket'],
];

for (const [why, source, style] of styles) {
  test(`explicit markers: ${why}`, () => {
    const { text, expected } = marked(source);
    const a = run(text);
    assert.deepEqual(found(a, text), expected);
    assert.deepEqual(a.footnotes.map((f) => f.style), expected.map(() => style));
  });
}

// ------------------------------------------------------------------------------------------ notes lists

const notes: [why: string, text: string, expected: [n: number, note: string | null][]][] = [
  [
    '注 with "n text" lines',
    `${head}同国は演習を拡大した1。規模は過去最大である2。\n注\n1 防衛省『防衛白書』2024年版。\n2 同上。\n`,
    [[1, '防衛省『防衛白書』2024年版。'], [2, '同上。']],
  ],
  [
    '脚注 with "n. text" and "(注n) text" lines',
    `${head}同国は演習を拡大した(注1)。規模は過去最大である(注2)。\n脚注\n(注1) 国防省発表、2024年。\n(注2) 報道による。\n`,
    [[1, '国防省発表、2024年。'], [2, '報道による。']],
  ],
  [
    '※n notes',
    `${head}同国は演習を拡大した※1。規模は過去最大である※2。\n注\n※1 国防省発表。\n※2 報道による。\n`,
    [[1, '国防省発表。'], [2, '報道による。']],
  ],
  [
    'English Notes with "n. text" lines',
    'Commentary No. 5 | 3 March 2025 | Deterrence at Sea\n\nIntroduction\n\nThe navy is stretched.1 Its bases are old.2\n\nNotes\n\n1. Interview with a naval officer, 2024.\n2. Ibid., p. 4.\n',
    [[1, 'Interview with a naval officer, 2024.'], [2, 'Ibid., p. 4.']],
  ],
  [
    'Markdown footnote definitions [^n]:, under a notes heading or not',
    '# 極東の軍事バランス\n\n## はじめに\n\n同国は新方針を示した[^1]。専門家は懸念を表明した[^2]。\n\n[^1]: 国防省発表、2024年。\n[^2]: 報道による。\n',
    [[1, '国防省発表、2024年。'], [2, '報道による。']],
  ],
  [
    'a note that runs over two lines',
    `${head}同国は演習を拡大した1。規模は過去最大である2。\n注\n1 防衛省『防衛白書』\n2024年版、第2章。\n2 同上。\n`,
    [[1, '防衛省『防衛白書』\n2024年版、第2章。'], [2, '同上。']],
  ],
  [
    'no notes list: markers have no note',
    `${head}同国は演習を拡大した1。規模は過去最大である2。\n`,
    [[1, null], [2, null]],
  ],
];

for (const [why, text, expected] of notes) {
  test(`notes list: ${why}`, () => {
    const a = run(text);
    assert.deepEqual(a.footnotes.map((f) => [f.n, f.note?.text ?? null]), expected);
    // The numbers of the notes list are no markers themselves.
    assert.ok(a.footnotes.every((f) => a.blocks.find((b) => b.start <= f.start && f.start < b.end)?.kind !== 'note'));
  });
}

// ------------------------------------------------------------------------------------------ sentences

const closing: [why: string, text: string, expected: [n: number, sentence: string][]][] = [
  [
    'a marker before 。 closes its own sentence',
    `${head}同国は演習を拡大した1。研究者は「規模は過去最大だ」2と述べた。\n`,
    [[1, '同国は演習を拡大した1。'], [2, '研究者は「規模は過去最大だ」2と述べた。']],
  ],
  [
    'a marker after 。 closes the sentence before it, and belongs to it',
    `${head}同国は演習を拡大した。1 規模は過去最大である。2\n`,
    [[1, '同国は演習を拡大した。1'], [2, '規模は過去最大である。2']],
  ],
  [
    'English markers after the stop close the sentence they follow',
    'Commentary No. 5 | 3 March 2025 | Deterrence at Sea\n\nIntroduction\n\nThe navy is stretched.1 Its bases are old.2 Repairs lag.\n',
    [[1, 'The navy is stretched.1'], [2, 'Its bases are old.2']],
  ],
];

for (const [why, text, expected] of closing) {
  test(`marker → sentence: ${why}`, () => {
    const a = run(text);
    assert.deepEqual(a.footnotes.map((f) => {
      const s = a.sentences[f.sentence!]!;
      return [f.n, text.slice(s.start, s.end)];
    }), expected);
  });
}

// ------------------------------------------------------------------------------------------ hints and offsets

test('markers an adapter saw as glyphs (hints) are taken as they are, with their notes', () => {
  const text = '題名\nはじめに\n同国は演習を拡大した1。規模は過去最大である2。\n注\n1 国防省。\n2 報道。\n';
  const one = text.indexOf('1。');
  const two = text.indexOf('2。');
  const noteOne = text.indexOf('国防省。');
  const a = run({
    text,
    format: 'pdf',
    hints: { footnotes: [{ n: 1, start: one, end: one + 1, note: { start: noteOne, end: noteOne + 4 } }, { n: 2, start: two, end: two + 1 }] },
  });
  assert.deepEqual(a.footnotes.map((f) => [f.n, f.start, f.style, f.note?.text ?? null]), [[1, one, 'superscript', '国防省。'], [2, two, 'superscript', null]]);
  assert.equal(text.slice(a.sentences[a.footnotes[0]!.sentence!]!.start, a.sentences[a.footnotes[0]!.sentence!]!.end), '同国は演習を拡大した1。');
});

test('markers after characters that normalisation changes are reported in the original text', () => {
  const { text, expected } = marked(`${head}ｶﾞｲﾄﾞﾗｲﾝは⾮公開である{1}。𠮷田氏は⻑官に会った{2}。\n`);
  assert.deepEqual(found(run(text), text), expected);
});

test('markers in CRLF text', () => {
  const { text, expected } = marked(`${head}同国は演習を拡大した{1}。\r\n(1)海軍\r\n艦艇の更新が遅れている{2}。\r\n`.replace(/\n/g, '\r\n').replace(/\r\r/g, '\r'));
  assert.deepEqual(found(run(text), text), expected);
});
