/**
 * Normalisation with an offset map: a table of folds (NFKC, the radicals that PDF extraction leaves, dots,
 * half-width katakana, combining marks, astral characters, line ends) and the map back to the original.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { normalizeString, normalizeText } from '../../src/core/text/normalize.ts';

/** [why, original, normalised] */
const folds: [string, string, string][] = [
  ['full-width Latin and digits → ASCII (NFKC)', 'ＮＡＴＯ加盟国は３２か国', 'NATO加盟国は32か国'],
  ['full-width punctuation → ASCII', '（注１）', '(注1)'],
  ['ideographic space → space', '防衛研究所\u3000主任研究官', '防衛研究所 主任研究官'],
  ['Kangxi radical ⾮ (U+2FAE) → 非', '⾮核三原則', '非核三原則'],
  ['Kangxi radical ⽴ (U+2F74) → 立', '中⽴国', '中立国'],
  ['Kangxi radical ⼊ (U+2F0A) → 入', '介⼊', '介入'],
  ['CJK radicals supplement ⻑ (U+2ED1) → 長', '⻑距離砲', '長距離砲'],
  ['CJK radicals supplement ⻄ (U+2EC4) → 西', '⻄側諸国', '西側諸国'],
  ['CJK radicals supplement ⻤ (U+2EE4) → 鬼', '⻤門', '鬼門'],
  ['hyphenation point ‧ (U+2027) → katakana middle dot', 'ミハイル‧ペトロフ', 'ミハイル・ペトロフ'],
  ['middle dot · (U+00B7) → ・', 'アンナ·ヴォルコワ', 'アンナ・ヴォルコワ'],
  ['half-width katakana with voiced marks', 'ｶﾞｲﾄﾞﾗｲﾝ', 'ガイドライン'],
  ['half-width katakana with semi-voiced marks', 'ﾊﾟﾄﾛｰﾙ', 'パトロール'],
  ['half-width katakana middle dot', 'ｾﾙｹﾞｲ･ﾎﾞﾙｺﾌ', 'セルゲイ・ボルコフ'],
  ['combining voiced mark on hiragana composes', 'か\u3099ら', 'がら'],
  ['combining acute accent composes', 'Andre\u0301', 'André'],
  ['several combining marks on one base', 'a\u0323\u0302', '\u1EAD'],
  ['astral kanji (surrogate pair) stays', '𠮷田', '𠮷田'],
  ['astral compatibility letter → ASCII (2 code units → 1)', '𝐀𝐁', 'AB'],
  ['circled digit → digit', '①', '1'],
  ['one character → several (㈱ → (株))', '㈱', '(株)'],
  ['ellipsis → three dots', '…', '...'],
  ['CRLF stays as it is', '一行目\r\n二行目\r三行目\n', '一行目\r\n二行目\r三行目\n'],
  ['plain text is left alone', 'Plain ASCII text, 2025.', 'Plain ASCII text, 2025.'],
  ['empty text', '', ''],
];

for (const [why, original, expected] of folds) {
  test(`normalizeText: ${why}`, () => {
    const n = normalizeText(original);
    assert.equal(n.text, expected);
    assert.equal(n.original, original);
    // The whole derived text maps back to the whole original.
    assert.deepEqual(n.toOriginal({ start: 0, end: n.text.length }), { start: 0, end: original.length });
    assert.deepEqual(n.toDerived({ start: 0, end: original.length }), { start: 0, end: n.text.length });
    // Each derived code unit maps to an original range whose normalisation contains it.
    for (let k = 0; k < n.text.length; k++) {
      const o = n.toOriginal({ start: k, end: k + 1 });
      assert.ok(o.start < o.end, `derived index ${k} maps to a non-empty range`);
      assert.ok(normalizeString(original.slice(o.start, o.end)).includes(n.text[k]!) || /[\uD800-\uDFFF]/.test(n.text[k]!),
        `derived ${JSON.stringify(n.text[k])} comes from ${JSON.stringify(original.slice(o.start, o.end))}`);
    }
    assert.equal(normalizeString(original), expected);
  });
}

/** [original, a substring of the normalised text, the original text it must map back to] */
const spans: [string, string, string][] = [
  ['国防省のﾊﾟﾝﾌﾚｯﾄ（２０２４年）は⾮常に詳しい', 'パンフレット', 'ﾊﾟﾝﾌﾚｯﾄ'],
  ['国防省のﾊﾟﾝﾌﾚｯﾄ（２０２４年）は⾮常に詳しい', '(2024年)', '（２０２４年）'],
  ['国防省のﾊﾟﾝﾌﾚｯﾄ（２０２４年）は⾮常に詳しい', '非常に詳しい', '⾮常に詳しい'],
  ['国防省のﾊﾟﾝﾌﾚｯﾄ（２０２４年）は⾮常に詳しい', '2024', '２０２４'],
  ['𠮷田氏と𝐍𝐀𝐓𝐎の⻑官', 'NATO', '𝐍𝐀𝐓𝐎'],
  ['𠮷田氏と𝐍𝐀𝐓𝐎の⻑官', '長官', '⻑官'],
  ['𠮷田氏と𝐍𝐀𝐓𝐎の⻑官', '𠮷田氏', '𠮷田氏'],
  ['Andre\u0301 Dupont said\r\nno', 'André', 'Andre\u0301'],
  ['Andre\u0301 Dupont said\r\nno', 'said\r\nno', 'said\r\nno'],
  ['ｾﾙｹﾞｲ･ﾎﾞﾙｺﾌは', 'ボルコフ', 'ﾎﾞﾙｺﾌ'],
  // Part of a group maps to the whole group: 株 alone is all of ㈱.
  ['同社㈱の', '株', '㈱'],
];

for (const [original, derived, expected] of spans) {
  test(`toOriginal maps ${JSON.stringify(derived)} in ${JSON.stringify(original)} back to ${JSON.stringify(expected)}`, () => {
    const n = normalizeText(original);
    const start = n.text.indexOf(derived);
    assert.ok(start >= 0, `${JSON.stringify(derived)} is in ${JSON.stringify(n.text)}`);
    const o = n.toOriginal({ start, end: start + derived.length });
    assert.equal(original.slice(o.start, o.end), expected);
    // …and toDerived maps that original span back to the derived text (a whole group at least).
    const d = n.toDerived(o);
    assert.ok(n.text.slice(d.start, d.end).includes(derived));
    assert.equal(normalizeString(original.slice(o.start, o.end)), n.text.slice(d.start, d.end));
  });
}

test('toOriginalIndex gives where each derived unit\'s group starts, and the original length at the end', () => {
  const n = normalizeText('aｶﾞb');
  assert.equal(n.text, 'aガb');
  assert.deepEqual([0, 1, 2, 3].map((i) => n.toOriginalIndex(i)), [0, 1, 3, 4]);
});

test('toDerived of a span that starts inside a group moves to the next group', () => {
  const n = normalizeText('aｶﾞb');
  // [2, 3) is the voiced mark alone: no whole group, an empty span where the next group starts.
  assert.deepEqual(n.toDerived({ start: 2, end: 3 }), { start: 2, end: 2 });
  assert.deepEqual(n.toDerived({ start: 1, end: 3 }), { start: 1, end: 2 });
});

test('empty spans stay empty, at the mapped place', () => {
  const n = normalizeText('⾮常ｶﾞ');
  assert.deepEqual(n.toOriginal({ start: 1, end: 1 }), { start: 1, end: 1 });
  assert.deepEqual(n.toOriginal({ start: 3, end: 3 }), { start: 4, end: 4 });
});

test('text that normalisation leaves alone maps to itself (identity)', () => {
  const n = normalizeText('防衛省は2024年に発表した。');
  assert.equal(n.identity, true);
  assert.deepEqual(n.toOriginal({ start: 3, end: 8 }), { start: 3, end: 8 });
  assert.equal(normalizeText('ＡＢ').identity, false);
});

test('a span outside the normalised text throws (programmer misuse), never clamps', () => {
  for (const n of [normalizeText('ｶﾞｲﾄﾞ'), normalizeText('plain')]) {
    assert.throws(() => n.toOriginal({ start: 0, end: n.text.length + 1 }), RangeError);
    assert.throws(() => n.toOriginal({ start: -1, end: 1 }), RangeError);
    assert.throws(() => n.toOriginal({ start: 2, end: 1 }), RangeError);
  }
});

/**
 * The map, unit by unit, as the groups define it (a reference written for the test): each derived unit maps back to
 * the original range of its group, a join's units to the whole joined stretch.
 */
function referenceMap(original: string, joins: ReadonlyMap<number, { end: number; with: string }>): { starts: number[]; ends: number[] } {
  const starts: number[] = [];
  const ends: number[] = [];
  const isMark = (cp: number) => /[\p{M}\uFF9E\uFF9F]/u.test(String.fromCodePoint(cp));
  for (let i = 0; i < original.length;) {
    const join = joins.get(i);
    if (join) {
      for (let k = 0; k < join.with.length; k++) { starts.push(i); ends.push(join.end); }
      i = join.end;
      continue;
    }
    let j = i + (original.codePointAt(i)! > 0xffff ? 2 : 1);
    while (j < original.length && !joins.has(j) && isMark(original.codePointAt(j)!)) j += original.codePointAt(j)! > 0xffff ? 2 : 1;
    const made = normalizeString(original.slice(i, j));
    for (let k = 0; k < made.length; k++) {
      starts.push(i);
      ends.push(j);
    }
    i = j;
  }
  return { starts, ends };
}

test('property: the map back agrees, unit by unit, with the groups the text is made of (joins included)', () => {
  const alphabet = ['a', 'b', ' ', '\n', 'ｱ', 'ﾀﾞ', 'が', 'か\u3099', '①', '㍻', '⺠', '·', 'Ａ', '漢', '𠮷', 'e\u0301', 'ﬁ', '…', '\u3000'];
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 40 }), fc.array(fc.tuple(fc.nat(60), fc.integer({ min: 1, max: 4 }), fc.constantFrom('', ' ')), { maxLength: 5 }), (pieces, wanted) => {
      const original = pieces.join('');
      const joins = new Map<number, { end: number; with: string }>();
      let taken = -1;
      for (const [at, length, replacement] of wanted.sort((x, y) => x[0] - y[0])) {
        const start = Math.min(at, original.length);
        const end = Math.min(original.length, start + length);
        // (Joins are line breaks between whole characters: never inside a surrogate pair, at a mark or before one.)
        if (start <= taken || end <= start || /[\uDC00-\uDFFF\p{M}\uFF9E\uFF9F]/u.test(original[start] ?? '') || /[\uDC00-\uDFFF\p{M}\uFF9E\uFF9F]/u.test(original[end] ?? '')) continue;
        joins.set(start, { end, with: replacement });
        taken = end;
      }
      const n = normalizeText(original, joins);
      const { starts, ends } = referenceMap(original, joins);
      assert.equal(n.text.length, starts.length);
      for (let u = 0; u < n.text.length; u++) {
        assert.equal(n.toOriginalIndex(u), starts[u], `unit ${u} of ${JSON.stringify(original)}`);
        assert.deepEqual(n.toOriginal({ start: u, end: u + 1 }), { start: starts[u], end: Math.max(starts[u]!, ends[u]!) });
      }
      // toDerived: the first unit whose group starts at or after each end of the span.
      for (let o = 0; o <= original.length; o++) {
        const first = starts.findIndex((s) => s >= o);
        assert.equal(n.toDerived({ start: o, end: o }).start, first < 0 ? n.text.length : first, `toDerived(${o}) of ${JSON.stringify(original)}`);
      }
    }),
    { seed: 20261204, numRuns: 500 },
  );
});
