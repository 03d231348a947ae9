/** Speaker colours: stable whatever the order of the claims, distinct for twenty, told apart past that. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assignColours, SPEAKER_COLOURS } from '../../src/web/colors.ts';

const keys = (n: number, from = 1) => Array.from({ length: n }, (_, i) => `e${i + from}`);

test('the colours do not depend on the order of the claims', () => {
  const a = assignColours(['e7', 'e3', 'e12', 'e3', 'e40']);
  const b = assignColours(['e40', 'e12', 'e3', 'e7']);
  assert.deepEqual([...a.entries()].sort(), [...b.entries()].sort());
});

test(`up to ${SPEAKER_COLOURS} speakers all get different hues`, () => {
  for (const from of [1, 100, 5000]) {
    const classes = [...assignColours(keys(SPEAKER_COLOURS, from)).values()];
    assert.equal(new Set(classes).size, SPEAKER_COLOURS);
    assert.ok(classes.every((c) => /^sp-\d+$/.test(c)), 'plain hues, no stripes');
  }
});

test('past twenty, no two speakers look alike (stripes on a shared hue)', () => {
  const classes = [...assignColours(keys(32)).values()];
  assert.equal(new Set(classes).size, 32, classes.join(' | '));
  assert.ok(classes.some((c) => c.includes('sp-striped')));
});
