/**
 * Property tests of the offset contract on random text: `analyze` never throws, and every span it reports
 * is a valid range of the ORIGINAL text whose slice is its quote; blocks are in order and apart; the
 * sentences of each block tile it (see _check-analysis.ts). Also the normalisation map round-trips.
 *
 * Inputs: arbitrary Unicode (astral characters as surrogate pairs, lone surrogates, combining marks),
 * CRLF/CR/LF line ends, and commentary-like Japanese with inserted digits, Kangxi radicals, full-width and
 * half-width forms and every marker and heading shape, which reach far more of the passes' rules than noise.
 *
 * A failure prints its seed and path: add the seed to PINNED (and the shrunk input to `examples`) so it stays
 * covered once fixed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyze } from '../../src/core/analyze.ts';
import { normalizeText } from '../../src/core/text/normalize.ts';
import { checkAnalysis } from './_check-analysis.ts';

/** Seeds that found bugs or cover much; each runs on every test run besides the random ones. */
const PINNED = [1, 42, 20250301, 396, 7777];
/** Random runs per property; raise it for a deeper search: MIKATA_FUZZ_RUNS=5000 node --import tsx --test … */
const RUNS = Number(process.env.MIKATA_FUZZ_RUNS ?? 150);

const codeUnit = (min: number, max: number) => fc.integer({ min, max }).map((c) => String.fromCharCode(c));
const codePoint = (min: number, max: number) => fc.integer({ min, max }).map((c) => String.fromCodePoint(c));

const lineEnd = fc.constantFrom('\n', '\r\n', '\r', '\n\n', '\r\n\r\n', '\u2028');

/** Any Unicode: every plane (surrogate pairs), lone surrogates, marks, and line ends between them. */
const anyUnicode = fc
  .array(
    fc.oneof(
      { weight: 6, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
      { weight: 2, arbitrary: codePoint(0x20000, 0x2a6df) }, // CJK Extension B: kanji as surrogate pairs
      { weight: 1, arbitrary: codeUnit(0xd800, 0xdfff) }, // a lone surrogate
      { weight: 1, arbitrary: codePoint(0x0300, 0x036f) }, // combining marks
      { weight: 2, arbitrary: lineEnd },
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''));

const japaneseWords = [
  '同国は', '演習を', '拡大した', '研究者の', '見方では', '艦隊の', '近代化は', '遅れている', 'と指摘した', 'によれば', 'とみている',
  '防衛研究所', '主任研究員', '佐藤 健一', 'イワン・ペトロフ', 'Ivan Petrov', '国防省', '抑止', '同盟', '年', '月', '日', '第', '号',
  '分の', 'つ', 'ぶり', '後', '%', 'B-', '位', '可能性がある', 'NATO', '脅威均衡論', 'Balance of Threat', '令和', '平成', '頃', '上旬',
];

const commentaryToken = fc.oneof(
  { weight: 10, arbitrary: fc.constantFrom(...japaneseWords) },
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 60 }).map(String) }, // inserted digits: markers and numbers
  { weight: 1, arbitrary: fc.integer({ min: 1990, max: 2030 }).map(String) },
  { weight: 3, arbitrary: fc.constantFrom('。', '、', '！', '？', '.', ' ', '　', '・', '‧', '·', '——', '―', ':', '|') },
  { weight: 3, arbitrary: fc.constantFrom('「', '」', '『', '』', '(', ')', '（', '）', '[', ']', '“', '”') },
  { weight: 2, arbitrary: fc.constantFrom('(1)', '（２）', '1．', '第1章', '■', '# ', '## ', '- ', '・', 'By ', '注', 'Notes', 'Profile', '参考文献') },
  { weight: 2, arbitrary: fc.constantFrom('[1]', '[^2]', '(注3)', '※4', '¹', '²³', '⁴') },
  { weight: 2, arbitrary: codePoint(0x2f00, 0x2fd5) }, // Kangxi radicals
  { weight: 1, arbitrary: codePoint(0x2e80, 0x2ef3).filter((c) => c !== '\u2e9a') }, // CJK radicals supplement
  { weight: 2, arbitrary: codePoint(0xff01, 0xff5e) }, // full-width ASCII
  { weight: 2, arbitrary: codePoint(0xff10, 0xff19) }, // full-width digits
  { weight: 2, arbitrary: codePoint(0xff66, 0xff9f) }, // half-width katakana and their voiced marks
  { weight: 1, arbitrary: fc.constantFrom('\u3099', '\u309a', '\u0301', '\u20dd') }, // combining marks
  { weight: 1, arbitrary: codePoint(0x1d400, 0x1d7ff) }, // astral compatibility letters and digits (NFKC changes length)
  { weight: 1, arbitrary: codePoint(0x20000, 0x2a6df) },
  { weight: 1, arbitrary: fc.constantFrom('㈱', '…', '①', '㍻', 'ﬁ', '\ufeff') }, // one character → several
  { weight: 4, arbitrary: lineEnd },
);

const commentary = fc.array(commentaryToken, { maxLength: 80 }).map((parts) => parts.join(''));

/** A commentary-like document: a title block, then random lines. */
const document = fc
  .tuple(fc.constantFrom('安全保障コメンタリー 第12号 2025年4月15日 題名 —— 副題', 'Commentary No. 5 | 3 March 2025 | Title', '# 題名', ''), lineEnd, commentary)
  .map(([title, end, body]) => `${title}${end}${body}`);

const formats = fc.constantFrom<('text' | 'markdown' | 'html')>('text', 'markdown', 'html');
const languages = fc.constantFrom<'ja' | 'en' | undefined>(undefined, 'ja', 'en');

function analyzeAndCheck(text: string, format: 'text' | 'markdown' | 'html', language: 'ja' | 'en' | undefined): void {
  const a = analyze(text, { format, language });
  checkAnalysis(a, text);
}

const offsetProperty = (arbitrary: fc.Arbitrary<string>) =>
  fc.property(arbitrary, formats, languages, (text, format, language) => analyzeAndCheck(text, format, language));

/** Inputs that once broke an invariant, or sit on an edge; they run first on every run. */
const examples: [string, 'text' | 'markdown' | 'html', 'ja' | 'en' | undefined][] = [
  ['', 'text', undefined],
  ['\r\n\r\n', 'text', undefined],
  ['\ud800', 'text', undefined],
  ['\u0301', 'text', undefined],
  ['題名\r\nはじめに\r\nｶﾞｲﾄﾞ⾮常1。𠮷田2。\r\n注\r\n1 同上。', 'text', undefined],
  ['# 題名\n\n## 見出し\n\n本文[^1]。\n\n[^1]: 注。', 'markdown', undefined],
  ['a\u2028b。1\u2028c。2', 'text', 'ja'],
  ['「。」。「', 'text', undefined],
  ['“.”1 A', 'text', 'en'],
  // A sentence split between ！ and the voiced mark after it (one normalisation group).
  ['安全保障コメンタリー 第12号 2025年4月15日 題名 —— 副題\n！\uff9e', 'text', undefined],
  ['題名\nはじめに\n本文。\u0301次の文1。\u3099最後2。', 'text', 'ja'],
  // A gloss inside one normalisation group (㈱ → (株)).
  ['Balance of Threat㈱', 'text', undefined],
];

for (const [name, arbitrary] of [['arbitrary Unicode', anyUnicode], ['commentary-like Japanese', commentary], ['documents with a title block', document]] as const) {
  test(`offsets: analyze never throws and every span holds on ${name} (random seed)`, () => {
    fc.assert(offsetProperty(arbitrary), { numRuns: RUNS, examples });
  });
  test(`offsets: analyze never throws and every span holds on ${name} (pinned seeds)`, () => {
    for (const seed of PINNED) fc.assert(offsetProperty(arbitrary), { numRuns: 40, seed });
  });
}

// ------------------------------------------------------------------------------------------ normalisation

const anyText = fc.oneof(anyUnicode, commentary);

const normalisationProperty = fc.property(anyText, fc.nat(), fc.nat(), (original, x, y) => {
  const n = normalizeText(original);
  // The whole derived text comes from the whole original, and back.
  assert.deepEqual(n.toOriginal({ start: 0, end: n.text.length }), { start: 0, end: original.length });
  assert.deepEqual(n.toDerived({ start: 0, end: original.length }), { start: 0, end: n.text.length });
  // Any derived span maps to an original span in range, and back over (at least) itself.
  const m = n.text.length;
  const [a, b] = [x % (m + 1), y % (m + 1)].sort((p, q) => p - q) as [number, number];
  const o = n.toOriginal({ start: a, end: b });
  assert.ok(o.start >= 0 && o.start <= o.end && o.end <= original.length, `[${o.start}, ${o.end}) in range`);
  // (An empty span inside a group, between a surrogate pair's halves say, maps to the group's start.)
  const d = n.toDerived(o);
  if (a < b) assert.ok(d.start <= a && d.end >= b, `toDerived(toOriginal([${a}, ${b}))) = [${d.start}, ${d.end}) covers it`);
  // Original indices never run backwards along the derived text.
  for (let k = 1; k < m; k++) assert.ok(n.toOriginalIndex(k) >= n.toOriginalIndex(k - 1), `monotone at ${k}`);
});

test('normalisation: toOriginal of the whole derived text is the whole original; spans round-trip (random seed)', () => {
  fc.assert(normalisationProperty, { numRuns: 300, examples: [['', 0, 0], ['ｶﾞ', 1, 2], ['\ud83d', 0, 1], ['a\u0301\u0301', 0, 1], ['㈱x', 1, 2]] });
});

test('normalisation: round-trips (pinned seeds)', () => {
  for (const seed of PINNED) fc.assert(normalisationProperty, { numRuns: 100, seed });
});

test('the checker itself fails on a broken analysis (so the properties above can fail)', () => {
  const text = '題名\nはじめに\n本文である1。次の文2。\n';
  const good = analyze(text);
  checkAnalysis(good, text);
  const shifted = { ...good, sentences: good.sentences.map((s, i) => (i === 0 ? { ...s, end: s.end - 1 } : s)) };
  assert.throws(() => checkAnalysis(shifted, text), /white space between the sentences|reach its end/);
  const outOfRange = { ...good, blocks: [...good.blocks, { start: text.length, end: text.length + 2, kind: 'paragraph' as const, section: null }] };
  assert.throws(() => checkAnalysis(outOfRange, text), /inside a text of length/);
  const wrongQuote = { ...good, dates: [{ start: 0, end: 2, text: 'xx', value: '2025', approx: false }] };
  assert.throws(() => checkAnalysis(wrongQuote, text), /text equals text\.slice/);
});
