/**
 * Competing hypotheses (src/core/ach): Heuer's inconsistency score, ranking, diagnosticity and sensitivity,
 * checked against a matrix worked out by hand below.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import * as ach from '../../src/core/ach/index.ts';
import { FLIPPED, RATINGS, scoreAch, type AchMatrix, type Rating } from '../../src/core/ach/index.ts';

const row = (evidence: string, h1: Rating, h2: Rating, h3: Rating) => [
  { evidence, hypothesis: 'h1', rating: h1 }, { evidence, hypothesis: 'h2', rating: h2 }, { evidence, hypothesis: 'h3', rating: h3 },
];

/**
 * The worked example.
 *
 *              weight   h1 gradual   h2 abrupt   h3 no change
 *   ev1          1          C            I            II
 *   ev2          2          N            C            I
 *   ev3          0.5        I            C            C
 *   ev4          1          C            C            C
 *
 * Inconsistency = Σ weight × (I = 1, II = 2):
 *   h1: ev3 I → 0.5 × 1                       = 0.5
 *   h2: ev1 I → 1 × 1                         = 1
 *   h3: ev1 II → 1 × 2 = 2; ev2 I → 2 × 1 = 2 = 4
 * Ranking h1 (0.5), h2 (1), h3 (4).
 * Consistency (tie-break) = Σ weight × (C = 1, CC = 2):
 *   h1: ev1 1 + ev4 1 = 2;  h2: ev2 2 + ev3 0.5 + ev4 1 = 3.5;  h3: ev3 0.5 + ev4 1 = 1.5
 *
 * Diagnosticity = weight × (max − min) on CC = 2, C = 1, N = 0, I = −1, II = −2:
 *   ev1: 1 × (1 − (−2)) = 3;  ev2: 2 × (1 − (−1)) = 4;  ev3: 0.5 × (1 − (−1)) = 1;  ev4: 1 × (1 − 1) = 0 (none)
 *   → ev2, ev1, ev3, ev4.
 *
 * Sensitivity (the leader is h1 at 0.5; h2 is next at 1):
 *   remove ev1: h1 0.5, h2 0, h3 2                → h2 leads: changes
 *   remove ev2: h1 0.5, h2 1, h3 2; remove ev3: h1 0, h2 1, h3 4; remove ev4: unchanged → h1 stays
 *   flip ev1/h1 C→I: h1 0.5 + 1 = 1.5 > h2 1      → h2 leads: changes
 *   flip ev1/h2 I→C: h2 1 − 1 = 0 < h1 0.5         → h2 leads: changes
 *   flip ev1/h3 II→CC: h3 2                        → h1 stays
 *   flip ev2/h1: N has no opposite; ev2/h2 C→I: h2 1 + 2 = 3; ev2/h3 I→C: h3 2 → h1 stays
 *   flip ev3/h1 I→C: h1 0; ev3/h2 C→I: h2 1.5; ev3/h3 C→I: h3 4.5 → h1 stays
 *   flip ev4/h1 C→I: h1 0.5 + 1 = 1.5 > h2 1      → h2 leads: changes (no diagnostic value now, but it would have)
 *   flip ev4/h2 C→I: h2 2; ev4/h3 C→I: h3 5       → h1 stays
 *   → robust: ev2, ev3.
 */
const WORKED: AchMatrix = {
  hypotheses: [{ id: 'h1', label: 'gradual' }, { id: 'h2', label: 'abrupt' }, { id: 'h3', label: 'no change' }],
  evidence: [
    { id: 'ev1', label: 'exercises grew year by year' },
    { id: 'ev2', label: 'the treaty took effect at once', weight: 2 },
    { id: 'ev3', label: 'a state outlet says nothing will change', weight: 0.5 },
    { id: 'ev4', label: 'both sides say they cooperate' },
  ],
  ratings: [...row('ev1', 'C', 'I', 'II'), ...row('ev2', 'N', 'C', 'I'), ...row('ev3', 'I', 'C', 'C'), ...row('ev4', 'C', 'C', 'C')],
};

describe('ach', () => {
  test('exposes the public api', () => {
    assert.deepEqual(Object.keys(ach).sort(), ['FLIPPED', 'INCONSISTENCY', 'RATINGS', 'RATING_VALUE', 'isRating', 'scoreAch']);
    assert.deepEqual(ach.RATINGS, ['CC', 'C', 'N', 'I', 'II']);
  });

  test('the worked example: scores, ranking, diagnosticity, sensitivity', () => {
    const r = scoreAch(WORKED);
    assert.deepEqual(r.ranking, [
      { hypothesis: 'h1', inconsistency: 0.5, consistency: 2, rank: 1 },
      { hypothesis: 'h2', inconsistency: 1, consistency: 3.5, rank: 2 },
      { hypothesis: 'h3', inconsistency: 4, consistency: 1.5, rank: 3 },
    ]);
    assert.deepEqual(r.leaders, ['h1']);
    assert.deepEqual(r.diagnosticity, [
      { evidence: 'ev2', value: 4, diagnostic: true },
      { evidence: 'ev1', value: 3, diagnostic: true },
      { evidence: 'ev3', value: 1, diagnostic: true },
      { evidence: 'ev4', value: 0, diagnostic: false },
    ]);
    assert.deepEqual(r.sensitivity, [
      { evidence: 'ev1', hypothesis: null, from: null, to: null, leaders: ['h2'] },
      { evidence: 'ev1', hypothesis: 'h1', from: 'C', to: 'I', leaders: ['h2'] },
      { evidence: 'ev1', hypothesis: 'h2', from: 'I', to: 'C', leaders: ['h2'] },
      { evidence: 'ev4', hypothesis: 'h1', from: 'C', to: 'I', leaders: ['h2'] },
    ]);
    assert.deepEqual(r.robust, ['ev2', 'ev3']);
  });

  test('the weight hook (source grading): ev3 weighed 1 ties h1 and h2 at 1; consistency breaks the tie, the rank is shared', () => {
    // h1: ev3 I → 1 × 1 = 1; h2: ev1 I → 1. Consistency: h1 2; h2 2 + 1 + 1 = 4 → h2 listed first; h3 1 + 1 = 2.
    const r = scoreAch(WORKED, { weightOf: (e) => (e.id === 'ev3' ? 1 : e.weight ?? 1) });
    assert.deepEqual(r.ranking.map((s) => [s.hypothesis, s.inconsistency, s.consistency, s.rank]), [['h2', 1, 4, 1], ['h1', 1, 2, 1], ['h3', 4, 2, 3]]);
    assert.deepEqual(r.leaders, ['h1', 'h2']);
  });

  test('unrated cells count as N; weight 0 takes evidence out of the score; no hypotheses or evidence is no error', () => {
    const r = scoreAch({
      hypotheses: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }],
      evidence: [{ id: 'x', label: 'x' }, { id: 'y', label: 'y', weight: 0 }],
      ratings: [{ evidence: 'x', hypothesis: 'b', rating: 'II' }, { evidence: 'y', hypothesis: 'a', rating: 'II' }],
    });
    assert.deepEqual(r.ranking.map((s) => [s.hypothesis, s.inconsistency]), [['a', 0], ['b', 2]]);
    assert.deepEqual(r.diagnosticity.map((d) => [d.evidence, d.value, d.diagnostic]), [['x', 2, true], ['y', 0, true]]);
    const empty = scoreAch({ hypotheses: [], evidence: [], ratings: [] });
    assert.deepEqual(empty, { ranking: [], leaders: [], diagnosticity: [], sensitivity: [], robust: [] });
  });

  test('a bad matrix throws, naming the problem', () => {
    const h = [{ id: 'h1', label: 'h' }];
    const e = [{ id: 'e1', label: 'e' }];
    assert.throws(() => scoreAch({ hypotheses: h, evidence: e, ratings: [{ evidence: 'e1', hypothesis: 'h1', rating: 'X' as Rating }] }), /rating must be one of CC, C, N, I, II/);
    assert.throws(() => scoreAch({ hypotheses: h, evidence: e, ratings: [{ evidence: 'e9', hypothesis: 'h1', rating: 'C' }] }), /unknown evidence "e9"/);
    assert.throws(() => scoreAch({ hypotheses: h, evidence: e, ratings: [{ evidence: 'e1', hypothesis: 'h9', rating: 'C' }] }), /unknown hypothesis "h9"/);
    assert.throws(() => scoreAch({ hypotheses: h, evidence: [{ id: 'e1', label: 'e', weight: Number.NaN }], ratings: [] }), /weight must be a finite number/);
    assert.throws(() => scoreAch({ hypotheses: [...h, ...h], evidence: e, ratings: [] }), /occurs twice/);
  });

  test('sensitivity agrees with scoring each changed matrix again (seeded random matrices)', () => {
    const matrix = fc.integer({ min: 1, max: 5 }).chain((h) => fc.integer({ min: 1, max: 6 }).chain((e) => fc.record({
      weights: fc.array(fc.constantFrom(0, 0.5, 1, 2, 3), { minLength: e, maxLength: e }),
      cells: fc.array(fc.constantFrom<Rating | null>(null, ...RATINGS), { minLength: h * e, maxLength: h * e }),
      h: fc.constant(h),
    })));
    fc.assert(fc.property(matrix, ({ weights, cells, h }) => {
      const m: AchMatrix = {
        hypotheses: Array.from({ length: h }, (_, i) => ({ id: `h${i}`, label: '' })),
        evidence: weights.map((weight, i) => ({ id: `e${i}`, label: '', weight })),
        ratings: cells.flatMap((rating, k) => (rating ? [{ evidence: `e${Math.floor(k / h)}`, hypothesis: `h${k % h}`, rating }] : [])),
      };
      const r = scoreAch(m);
      const expected: unknown[] = [];
      for (const e of m.evidence) {
        const removed = scoreAch({ ...m, evidence: m.evidence.filter((x) => x !== e), ratings: m.ratings.filter((x) => x.evidence !== e.id) }).leaders;
        if (removed.join() !== r.leaders.join()) expected.push({ evidence: e.id, hypothesis: null, from: null, to: null, leaders: removed });
        for (const hyp of m.hypotheses) {
          const from = m.ratings.find((x) => x.evidence === e.id && x.hypothesis === hyp.id)?.rating ?? 'N';
          if (FLIPPED[from] === from) continue;
          const flipped = scoreAch({ ...m, ratings: [...m.ratings, { evidence: e.id, hypothesis: hyp.id, rating: FLIPPED[from] }] }).leaders;
          if (flipped.join() !== r.leaders.join()) expected.push({ evidence: e.id, hypothesis: hyp.id, from, to: FLIPPED[from], leaders: flipped });
        }
      }
      assert.deepEqual(r.sensitivity, expected);
    }), { seed: 1203, numRuns: 300 });
  });
});
