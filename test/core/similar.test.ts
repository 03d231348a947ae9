/**
 * The similarity core: n-grams, weights, cosine, ranking. Texts written for this test.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cosine, gramsOf, idf, rankSimilar, rarestGrams, SIMILARITY_THRESHOLD } from '../../src/core/similar/index.ts';

/** Document frequencies of a small made-up corpus, the way the store keeps them. */
function corpus(texts: readonly string[]) {
  const df = new Map<string, number>();
  for (const t of texts) for (const g of gramsOf(t).keys()) df.set(g, (df.get(g) ?? 0) + 1);
  return { dfOf: (g: string) => df.get(g) ?? 0, total: texts.length };
}

const JA = {
  a: '両国の軍事協力は今後さらに深まっていくだろう',
  paraphrase: '今後、両国の軍事協力はさらに深まるだろう',
  particle: '両国が軍事協力を今後さらに深めていくだろう',
  unrelated: '港湾の物流網は冬季に大きく滞る見込みだ',
  other: '為替相場の変動が輸出企業の収益を圧迫している',
};
const EN = {
  a: 'The sanctions have failed to stop the supply of drones across the border',
  paraphrase: 'Sanctions failed to stop drones being supplied across the border',
  reordered: 'Across the border, the supply of drones was not stopped by the sanctions',
  unrelated: 'Grain exports through the southern ports rose sharply last winter',
  other: 'The central bank is expected to raise interest rates again',
};
const ALL = [...Object.values(JA), ...Object.values(EN)];

describe('similar: n-grams', () => {
  it('cuts Japanese into bigrams and other scripts into padded word trigrams', () => {
    assert.deepEqual([...gramsOf('制裁を強化').keys()], ['制裁', '裁を', 'を強', '強化']);
    assert.deepEqual([...gramsOf('Drone').keys()], [' dr', 'dro', 'ron', 'one', 'ne ']);
  });

  it('folds width, case and radical forms, and ignores punctuation and spaces', () => {
    assert.deepEqual(gramsOf('ＮＡＴＯ'), gramsOf('nato'));
    assert.deepEqual(gramsOf('⾮核化'), gramsOf('非核化'));
    assert.deepEqual(gramsOf('「制裁」、強化。'), new Map([['制裁', 1], ['強化', 1]]));
  });

  it('counts repeated grams and keeps a lone kanji between Latin runs', () => {
    assert.equal(gramsOf('制裁と制裁').get('制裁'), 2);
    assert.ok(gramsOf('G7各国').has('各国'));
    assert.ok(gramsOf('G7 各 EU').has('各'));
  });

  it('treats a surrogate pair as one character', () => {
    // 𠮷 (U+20BB7) is two UTF-16 units.
    assert.deepEqual([...gramsOf('𠮷野家').keys()], ['𠮷野', '野家']);
  });

  it('gives nothing for text with no letters or digits', () => {
    assert.equal(gramsOf('。、「」 — …').size, 0);
    assert.equal(gramsOf('').size, 0);
  });
});

describe('similar: weights and cosine', () => {
  it('idf falls as a gram gets commoner and stays positive', () => {
    assert.ok(idf(0, 100) > idf(10, 100));
    assert.ok(idf(100, 100) > 0);
    assert.throws(() => idf(-1, 10), /df/);
  });

  it('cosine is 1 for identical, 0 for disjoint and empty vectors, symmetric', () => {
    const a = new Map([['x', 1], ['y', 2]]);
    const b = new Map([['y', 1], ['z', 3]]);
    assert.equal(cosine(a, a), 1);
    assert.equal(cosine(a, new Map([['q', 1]])), 0);
    assert.equal(cosine(a, new Map()), 0);
    assert.equal(cosine(a, b), cosine(b, a));
  });

  it('picks the rarest grams first, ties by the gram', () => {
    const df = new Map([['a', 5], ['b', 1], ['c', 1], ['d', 9]]);
    assert.deepEqual(rarestGrams(new Map([['a', 1], ['b', 1], ['c', 1], ['d', 1]]), (g) => df.get(g) ?? 0, 3), ['b', 'c', 'a']);
  });
});

/**
 * On a ten-claim corpus the frequencies are rough, and short claims have few grams: the particle-and-
 * inflection pair scores about 0.58, under the default threshold (0.6, chosen on the larger generated
 * corpus of similar-eval.test.ts). These tests hold the order: every paraphrase over 0.5, every unrelated
 * pair under half the default.
 */
const PARAPHRASE_FLOOR = 0.5;

describe('similar: paraphrases against unrelated claims', () => {
  const { dfOf, total } = corpus(ALL);
  const sim = (x: string, y: string) => rankSimilar(gramsOf(x), [{ key: y, grams: gramsOf(y) }], dfOf, total, 0)[0]?.similarity ?? 0;

  const paraphrases: [string, string, string][] = [
    ['Japanese, reordered with a comma', JA.a, JA.paraphrase],
    ['Japanese, particles and inflection changed', JA.a, JA.particle],
    ['English, inflections changed', EN.a, EN.paraphrase],
    ['English, reordered into the passive', EN.a, EN.reordered],
  ];
  for (const [name, x, y] of paraphrases) {
    it(`${name}: over ${PARAPHRASE_FLOOR}`, () => {
      assert.ok(sim(x, y) >= PARAPHRASE_FLOOR, `${sim(x, y).toFixed(3)}: «${x}» ~ «${y}»`);
    });
  }

  const unrelated: [string, string, string][] = [
    ['Japanese', JA.a, JA.unrelated],
    ['Japanese, another topic', JA.a, JA.other],
    ['English', EN.a, EN.unrelated],
    ['English, another topic', EN.a, EN.other],
    ['across languages', JA.a, EN.a],
  ];
  for (const [name, x, y] of unrelated) {
    it(`${name} unrelated: well under the threshold`, () => {
      assert.ok(sim(x, y) < SIMILARITY_THRESHOLD / 2, `${sim(x, y).toFixed(3)}: «${x}» ~ «${y}»`);
    });
  }

  it('ranks the closer paraphrase first and leaves out what is under the threshold', () => {
    const ranked = rankSimilar(gramsOf(JA.a), [JA.unrelated, JA.particle, JA.paraphrase].map((t) => ({ key: t, grams: gramsOf(t) })), dfOf, total, PARAPHRASE_FLOOR);
    assert.deepEqual(ranked.map((r) => r.key).sort(), [JA.paraphrase, JA.particle].sort());
    assert.ok(ranked[0]!.similarity >= ranked[1]!.similarity);
  });
});
