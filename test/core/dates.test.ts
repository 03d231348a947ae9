import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import * as dates from '../../src/core/extract/07-find-dates.ts';
import { findDates, parseDate, type FoundDate } from '../../src/core/extract/07-find-dates.ts';

/** Spans in range, sorted, non-overlapping, and values well formed. */
const isLowSurrogate = (text: string, i: number): boolean => i < text.length && text.charCodeAt(i) >= 0xdc00 && text.charCodeAt(i) <= 0xdfff;

function checkInvariants(text: string, found: FoundDate[]): void {
  let lastEnd = 0;
  for (const d of found) {
    assert.ok(Number.isInteger(d.start) && Number.isInteger(d.end), 'integer offsets');
    assert.ok(d.start >= lastEnd, `sorted and non-overlapping at ${d.start}`);
    assert.ok(d.start < d.end && d.end <= text.length, `span [${d.start}, ${d.end}) inside a text of ${text.length}`);
    assert.ok(!isLowSurrogate(text, d.start) && !isLowSurrogate(text, d.end), 'no surrogate pair is split');
    assert.match(d.value, /^\d{4}(-\d{2}(-\d{2})?)?$/);
    assert.equal(typeof d.approx, 'boolean');
    lastEnd = d.end;
  }
}

/** Runs findDates on NFKC-normalised text (what the caller passes) and returns [quote, value, approx] triples. */
function run(input: string): [string, string, boolean][] {
  const text = input.normalize('NFKC');
  const found = findDates(text);
  checkInvariants(text, found);
  return found.map((d) => [text.slice(d.start, d.end), d.value, d.approx]);
}

test('exposes findDates and parseDate', () => {
  assert.deepEqual(Object.keys(dates).sort(), ['findDates', 'parseDate']);
});

const japanese: [string, [string, string, boolean][]][] = [
  ['2021年8月15日、同盟国は合同演習を開始した。', [['2021年8月15日', '2021-08-15', false]]],
  ['政府は2020年3月に新たな戦略文書を公表した。', [['2020年3月', '2020-03', false]]],
  ['2026年には条約の見直しが予定されている。', [['2026年', '2026', false]]],
  ['2018年頃から海軍の近代化が加速した。', [['2018年頃', '2018', true]]],
  ['2018年ごろ', [['2018年ごろ', '2018', true]]],
  ['2021年5月初めに報道が出た。', [['2021年5月初め', '2021-05', true]]],
  ['2021年5月上旬', [['2021年5月上旬', '2021-05', true]]],
  ['2021年5月中旬', [['2021年5月中旬', '2021-05', true]]],
  ['2021年5月下旬', [['2021年5月下旬', '2021-05', true]]],
  ['2021年5月末', [['2021年5月末', '2021-05', true]]],
  ['2021年5月頃', [['2021年5月頃', '2021-05', true]]],
  ['2017年末までに', [['2017年末', '2017', true]]],
  ['2017年前後に', [['2017年前後', '2017', true]]],
  ['2017年後半には', [['2017年後半', '2017', true]]],
  ['2000年代に入り', [['2000年代', '2000', true]]],
  ['2021年3月3日頃', [['2021年3月3日頃', '2021-03-03', true]]],
  // Eras: 元年 is year 1.
  ['令和6年の防衛白書', [['令和6年', '2024', false]]],
  ['令和元年5月', [['令和元年5月', '2019-05', false]]],
  ['平成30年12月', [['平成30年12月', '2018-12', false]]],
  ['平成元年', [['平成元年', '1989', false]]],
  ['昭和47年', [['昭和47年', '1972', false]]],
  ['昭和元年', [['昭和元年', '1926', false]]],
  ['令和五年十月三日', [['令和五年十月三日', '2023-10-03', false]]],
  ['二〇一九年十二月二十六日', [['二〇一九年十二月二十六日', '2019-12-26', false]]],
  // A weekday in parentheses (full-width in the source) belongs to the date.
  ['2024年11月5日（火）に', [['2024年11月5日(火)', '2024-11-05', false]]],
  ['2024年11月5日(火曜日)', [['2024年11月5日(火曜日)', '2024-11-05', false]]],
  // PDF extraction often leaves spaces between the parts.
  ['2024 年 11 月 5 日', [['2024 年 11 月 5 日', '2024-11-05', false]]],
  // Fiscal years are approximate years.
  ['2025年度予算', [['2025年度', '2025', true]]],
  ['令和7年度', [['令和7年度', '2025', true]]],
  // Ranges give two dates; a bare month or day after a connector inherits the year.
  ['2016年から2019年にかけて', [['2016年', '2016', false], ['2019年', '2019', false]]],
  ['2023年7月11日~12日の首脳会議', [['2023年7月11日', '2023-07-11', false], ['12日', '2023-07-12', false]]],
  ['2023年7月から8月下旬まで', [['2023年7月', '2023-07', false], ['8月下旬', '2023-08', true]]],
  ['2018~2020年度', [['2018', '2018', true], ['2020年度', '2020', true]]],
  ['2018-20年', [['2018', '2018', false], ['20年', '2020', false]]],
  // A footnote marker glued before the year stays out of the span.
  ['と述べている」142023年4月に', [['2023年4月', '2023-04', false]]],
  // An impossible day falls back to the month (the day is left out of the span).
  ['2022年2月29日', [['2022年2月', '2022-02', false]]],
  ['2024年2月29日', [['2024年2月29日', '2024-02-29', false]]],
  ['2021年4月31日', [['2021年4月', '2021-04', false]]],
  // An impossible month leaves the year.
  ['2021年14月', [['2021年', '2021', false]]],
  // A range whose month has no valid continuation stops at the first date.
  ['2019年2月から3日間', [['2019年2月', '2019-02', false]]],
  ['2019年以降', [['2019年', '2019', false]]],
];

test('Japanese dates', () => {
  for (const [input, expected] of japanese) assert.deepEqual(run(input), expected, input);
});

const english: [string, [string, string, boolean][]][] = [
  ['On March 4, 2022 the council met.', [['March 4, 2022', '2022-03-04', false]]],
  ['On March 4th, 2022', [['March 4th, 2022', '2022-03-04', false]]],
  ['signed on 18 June 2021 in Geneva', [['18 June 2021', '2021-06-18', false]]],
  ['18 Jun 2021', [['18 Jun 2021', '2021-06-18', false]]],
  ['the 3rd of October, 2020', [['3rd of October, 2020', '2020-10-03', false]]],
  ['Oct. 2020', [['Oct. 2020', '2020-10', false]]],
  ['Sept. 2020', [['Sept. 2020', '2020-09', false]]],
  ['in November 2023 the fleet', [['November 2023', '2023-11', false]]],
  ['in May 2024', [['May 2024', '2024-05', false]]],
  ['early October 2023', [['early October 2023', '2023-10', true]]],
  ['mid-October 2023', [['mid-October 2023', '2023-10', true]]],
  ['In 2017, the navy', [['2017', '2017', false]]],
  ['Since 2014 the sanctions', [['2014', '2014', false]]],
  ['by 2030', [['2030', '2030', false]]],
  // a footnote marker after the full stop does not make the year a decimal
  ['would not be ready before 2031.4 The navy', [['2031', '2031', false]]],
  ['until 1991', [['1991', '1991', false]]],
  ['the year 2008', [['2008', '2008', false]]],
  ['as of 2022', [['2022', '2022', false]]],
  ['early 2021', [['early 2021', '2021', true]]],
  ['late 2021', [['late 2021', '2021', true]]],
  ['mid-2021', [['mid-2021', '2021', true]]],
  ['by the end of 2025', [['the end of 2025', '2025', true]]],
  ['in the summer of 2018', [['summer of 2018', '2018', true]]],
  ['in the 1990s', [['1990s', '1990', true]]],
  ['FY2026 budget', [['FY2026', '2026', true]]],
  ['fiscal year 2026', [['fiscal year 2026', '2026', true]]],
  ['from 2015 to 2018', [['2015', '2015', false], ['2018', '2018', false]]],
  ['between 2015 and 2018', [['2015', '2015', false], ['2018', '2018', false]]],
  ['in 2015–2018', [['2015', '2015', false], ['2018', '2018', false]]],
  ['in 2015-2018', [['2015', '2015', false], ['2018', '2018', false]]],
  ['2023-11-30', [['2023-11-30', '2023-11-30', false]]],
  ['2023/11/3', [['2023/11/3', '2023-11-03', false]]],
  ['2023.11.3', [['2023.11.3', '2023-11-03', false]]],
  ['in 2023-11-30', [['2023-11-30', '2023-11-30', false]]],
  // A day range gives two dates.
  ['the summit of June 12–13, 2018 in', [['June 12', '2018-06-12', false], ['13, 2018', '2018-06-13', false]]],
  ['12-13 June 2018', [['12', '2018-06-12', false], ['13 June 2018', '2018-06-13', false]]],
  ['Thursday, November 30, 2023.', [['November 30, 2023', '2023-11-30', false]]],
  // An impossible day keeps the month, and the span keeps the day (it sits inside).
  ['February 30, 2023', [['February 30, 2023', '2023-02', false]]],
];

test('English and numeric dates', () => {
  for (const [input, expected] of english) assert.deepEqual(run(input), expected, input);
});

const notDates: string[] = [
  // durations and relative times
  '両国の首脳会談は11年ぶりだった。',
  '10年後には戦力差が広がる。',
  '15年前の合意',
  '5年間の計画',
  '約2000年の歴史',
  '過去1000年',
  '1000年ぶりの',
  'for 10 years',
  'two decades ago',
  'the next 20 years',
  // counts, model and event names
  '2023人が参加した。',
  'B-1爆撃機とTu-160',
  'the Su-35 and the MiG-31',
  'the DEFEX-2024 exhibition',
  'DEFEX-2024年',
  'a force of 2000 troops',
  'in 2000 km',
  'in 2000.5 km',
  'in 2019.12.40',
  'from 1500 to 2500 soldiers',
  'a 2000-year history',
  'Keen Edge 2024 and Talisman Sabre',
  'Type 2023 missile',
  // month or day without a year: the value needs a year (a reference date would resolve it)
  '9月9日に発表された。',
  '同年6月には',
  'on September 9',
  // not eras
  '平和と安定',
  '昭和的な価値観',
  // lower-case month words are verbs
  'they may 2024 sign',
  // slashed day-month order is ambiguous
  '9/9/2025',
  // version numbers and longer figures
  'v2023.1.1',
  '1,2019年',
  '120,2023',
  'A52023年',
];

test('not dates', () => {
  for (const input of notDates) assert.deepEqual(run(input), [], input);
});

test('dates in running Japanese text keep their offsets', () => {
  const text = '防衛省は2019年頃から対応を強め、2022年12月16日に三文書を改定した。さらに10年後を見据え、令和8年度までに整備する。';
  const found = findDates(text);
  checkInvariants(text, found);
  assert.deepEqual(
    found.map((d) => [d.start, d.end, text.slice(d.start, d.end), d.value, d.approx]),
    [
      [4, 10, '2019年頃', '2019', true],
      [18, 29, '2022年12月16日', '2022-12-16', false],
      [51, 56, '令和8年度', '2026', true],
    ],
  );
});

test('parseDate reads a whole string as one date', () => {
  const cases: [string, { value: string; approx: boolean } | null][] = [
    ['2024年11月5日', { value: '2024-11-05', approx: false }],
    [' 2024年11月5日(火) ', { value: '2024-11-05', approx: false }],
    ['令和6年11月5日', { value: '2024-11-05', approx: false }],
    ['２０２４年１１月５日', { value: '2024-11-05', approx: false }],
    ['November 5, 2024', { value: '2024-11-05', approx: false }],
    ['Tuesday, November 5, 2024', { value: '2024-11-05', approx: false }],
    ['5 November 2024.', { value: '2024-11-05', approx: false }],
    ['Nov. 2024', { value: '2024-11', approx: false }],
    ['2024-11-05', { value: '2024-11-05', approx: false }],
    ['2024/11', { value: '2024-11', approx: false }],
    ['2024', { value: '2024', approx: false }],
    ['2024年度', { value: '2024', approx: true }],
    ['2024年11月上旬', { value: '2024-11', approx: true }],
    ['', null],
    ['11月5日', null],
    ['2024年11月5日と6日', null],
    ['2023年2月30日', null], // the date found does not cover the whole string
    ['第2024号', null],
    ['3年後', null],
  ];
  for (const [input, expected] of cases) assert.deepEqual(parseDate(input), expected, input);
});

test('property: any text yields valid, sorted, non-overlapping spans', () => {
  const pieces = fc.constantFrom(
    '2024', '年', '月', '日', '令和', '元', '12', '3', '頃', '度', '上旬', '(', ')', '火', '~', 'から', '-', '/', '.', ' ',
    'in ', 'early ', 'March', 'Sept.', ',', 'of ', 'the ', 's', '\n', '\r\n', '😀', '𠮷', 'ー', '一', '十', '〇',
  );
  fc.assert(
    fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.array(pieces, { maxLength: 40 }).map((a) => a.join(''))), (s) => {
      const text = s.normalize('NFKC');
      checkInvariants(text, findDates(text));
    }),
    { numRuns: 2000, seed: 396 },
  );
});

test('stays linear on a large input', () => {
  const chunk = '2023年4月1日から同年末にかけて、In 2019, the fleet of 2000 troops moved by March 3, 2024; 10年後に(注3)。';
  const text = chunk.repeat(20000); // about 1.6 MB
  const t0 = performance.now();
  const found = findDates(text);
  const ms = performance.now() - t0;
  assert.equal(found.length, 3 * 20000); // 2023-04-01, 2019, 2024-03-03; not 2000 troops nor 10年後
  // Generous bound: the pass runs at tens of MB/s; a quadratic slip would take minutes.
  assert.ok(ms < 5000, `took ${ms.toFixed(0)} ms`);
});
