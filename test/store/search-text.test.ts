/** The search text: normalisation, the tokens each store indexes, queries, and the exact matcher. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  findMatches, foldCase, ftsQuery, ftsTokens, makeTerm, needsExactCheck, parseQuery, searchNormalize, searchView, splitRuns, tokenList, tsQuery, tsvectorLiteral,
} from '../../src/store/search-text.ts';
import { chunkTokens } from '../../src/store/postgres/postgres-store.ts';

describe('search normalisation', () => {
  const cases: [string, string][] = [
    ['⾮核化', '非核化'],
    ['⻑期', '長期'],
    ['ＮＡＴＯ', 'nato'],
    ['ｱﾙﾁｮﾑ', 'アルチョム'],
    ['Sanctions', 'sanctions'],
    ['Артём', 'артём'],
  ];
  for (const [input, output] of cases) it(`${input} → ${output}`, () => assert.equal(searchNormalize(input), output));

  it('keeps one code unit per code unit, so offsets map back', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => {
      const folded = foldCase(s);
      assert.equal(folded.length, s.length);
    }), { seed: 4242, numRuns: 300 });
  });

  it('maps a match in the normalised view back to the original', () => {
    const original = '朝鮮半島の⾮核化は遠い。ＮＡＴＯも同じ。';
    const view = searchView(original);
    const term = makeTerm('非核化');
    const [m] = findMatches(view.text, term);
    const back = view.toOriginal(m!);
    assert.equal(original.slice(back.start, back.end), '⾮核化');
    const [n] = findMatches(view.text, makeTerm('nato'));
    const nb = view.toOriginal(n!);
    assert.equal(original.slice(nb.start, nb.end), 'ＮＡＴＯ');
  });
});

describe('runs and tokens', () => {
  it('splits CJK runs from word runs; punctuation separates', () => {
    assert.deepEqual(splitRuns('北極海の安全 NATO-2024年'), [
      { kind: 'cjk', text: '北極海の安全', start: 0 },
      { kind: 'word', text: 'NATO', start: 7 },
      { kind: 'word', text: '2024', start: 12 },
      { kind: 'cjk', text: '年', start: 16 },
    ]);
    assert.deepEqual(splitRuns('ミハイル・L・ソコリン').map((r) => r.text), ['ミハイル', 'L', 'ソコリン']);
  });

  it('indexes CJK as bigrams with the last character, words as words', () => {
    assert.equal(ftsTokens('北極海 sanctions'), '北極 極海 海 sanctions');
    assert.equal(ftsTokens('核'), '核');
    assert.equal(ftsTokens('𠮷野家'), '𠮷野 野家 家', 'a character outside the BMP is one character');
  });

  it('builds FTS5 queries: phrases of bigrams, prefixes for one character and for words', () => {
    assert.equal(ftsQuery([makeTerm('北極海')]), '"北極 極海"');
    assert.equal(ftsQuery([makeTerm('核')]), '"核"*');
    assert.equal(ftsQuery([makeTerm('Sanction')]), '"sanction"*');
    assert.equal(ftsQuery([makeTerm('制裁'), makeTerm('sanction')]), '"制裁" AND "sanction"*');
    assert.equal(ftsQuery([makeTerm('Sokolin', ['Sokolin', 'ソコリン'])]), '("sokolin"* OR "ソコ コリ リン")');
    assert.equal(ftsQuery([makeTerm('M. Sokolin')]), '("m"* AND "sokolin"*)');
    assert.equal(ftsQuery([makeTerm('say "no"')]), '("say"* AND "no"*)', 'quotes cannot break out');
  });

  it('asks for an exact check only when a term has several runs', () => {
    assert.equal(needsExactCheck([makeTerm('北極海')]), false);
    assert.equal(needsExactCheck([makeTerm('Black Sea')]), true);
  });

  it('parses quoted phrases and drops terms with no letter', () => {
    assert.deepEqual(parseQuery('北極 "Black Sea"  --  、'), ['北極', 'Black Sea']);
  });

  it('writes the same tokens and queries for PostgreSQL', () => {
    assert.deepEqual(tokenList('北極海 sanctions'), ['北極', '極海', '海', 'sanctions']);
    assert.deepEqual(tokenList(''), []);
    assert.equal(tsvectorLiteral(['北極', '極海', '海', '北極']), "'北極':1,4 '極海':2 '海':3");
    assert.equal(tsvectorLiteral(["it's"]), "'it''s':1");
    assert.equal(tsQuery([makeTerm('北極海')]), "('北極' <-> '極海')");
    assert.equal(tsQuery([makeTerm('核'), makeTerm('Sanction')]), "'核':* & 'sanction':*");
    assert.equal(tsQuery([makeTerm('Sokolin', ['Sokolin', 'ソコリン'])]), "('sokolin':* | ('ソコ' <-> 'コリ' <-> 'リン'))");
    assert.equal(tsQuery([makeTerm('M. Sokolin')]), "('m':* & 'sokolin':*)");
  });

  it('cuts long token lists into overlapping slices that a tsvector can hold', () => {
    const tokens = Array.from({ length: 4100 }, (_, i) => `t${i}`);
    const chunks = chunkTokens(tokens);
    assert.deepEqual(chunks.map((c) => c.length), [2064, 2064, 100]);
    assert.equal(chunks[1]![0], 't2000');
    assert.equal(chunks[0]!.at(-1), 't2063', 'the overlap repeats the start of the next slice');
    assert.deepEqual(chunkTokens([]), [[]]);
    assert.deepEqual(chunkTokens(['x'.repeat(2000)]), [['']], 'an overlong token is blanked, not refused');
  });
});

describe('findMatches', () => {
  const cases: { text: string; term: string; alts?: string[]; found: string[] }[] = [
    { text: '北極海と北極圏', term: '北極', found: ['北極', '北極'] },
    { text: 'sanctions and desanctioned', term: 'sanction', found: ['sanctions'] },
    { text: 'black sea, black-sea', term: 'black sea', found: ['black sea'] },
    { text: 'ミハイル・l・ソコリンとソコリン', term: 'sokolin', alts: ['sokolin', 'ソコリン', 'ミハイル・l・ソコリン'], found: ['ミハイル・l・ソコリン', 'ソコリン'] },
    { text: 'nothing here', term: '北極', found: [] },
  ];
  for (const c of cases) {
    it(`${c.term} in ${c.text}`, () => {
      const spans = findMatches(c.text, makeTerm(c.term, c.alts ?? [c.term]));
      assert.deepEqual(spans.map((s) => c.text.slice(s.start, s.end)), c.found);
    });
  }
});
