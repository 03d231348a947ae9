/**
 * The pure grading core: the Admiralty scales as typed, the documented weight mapping, the weakest of
 * several speakers, and the caveat list (validation, matching in Japanese and English).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  CAVEATS_FORMAT, caveatsFor, DEFAULT_CAVEATS, gradeFactor, parseCaveatList, readCaveatListJson, renderCaveatListJson, showGrade, toCredibility,
  toReliability, weakestReliability,
} from '../../src/core/grading/index.ts';

describe('grades', () => {
  it('reads grades as people type them, and nothing off the scale', () => {
    assert.equal(toReliability(' b '), 'B');
    assert.equal(toReliability('F'), 'F');
    for (const bad of ['G', 'AB', '', '1', null, 3]) assert.equal(toReliability(bad), null, String(bad));
    assert.equal(toCredibility('3'), '3');
    assert.equal(toCredibility(6), '6');
    for (const bad of ['0', '7', '2.5', 'A', 2.5, null, '']) assert.equal(toCredibility(bad), null, String(bad));
  });

  it('weighs by the documented table: product of the two factors, an absent grade counting 1', () => {
    assert.equal(gradeFactor('A', '1'), 1);
    assert.equal(gradeFactor('B', '2'), 0.64);
    assert.equal(gradeFactor('E', '5'), 0.04);
    assert.equal(gradeFactor('F', '6'), 0.25);
    assert.equal(gradeFactor(null, '4'), 0.4);
    assert.equal(gradeFactor('C', null), 0.6);
    assert.equal(gradeFactor(null, null), 1);
  });

  it('takes the least reliable of several speakers; F only when nothing else is graded', () => {
    assert.equal(weakestReliability(['B', 'D', null]), 'D');
    assert.equal(weakestReliability(['F', 'B']), 'B');
    assert.equal(weakestReliability(['F', null]), 'F');
    assert.equal(weakestReliability([null]), null);
  });

  it('prints the usual notation', () => {
    assert.equal(showGrade('B', '2'), 'B2');
    assert.equal(showGrade('C', null), 'C');
    assert.equal(showGrade(null, '3'), '3');
    assert.equal(showGrade(null, null), null);
  });
});

describe('caveats', () => {
  it('the default list fits spokespeople, ministries and state media in both languages, and not a research institute', () => {
    const ids = (texts: string[]) => caveatsFor(DEFAULT_CAVEATS, texts).map((c) => c.id);
    assert.deepEqual(ids(['カミラ・ストロム', '報道官']), ['official.spokesperson']);
    assert.deepEqual(ids(['Arvid Lund', 'spokeswoman for the Ministry of Coastal Affairs']), ['official.spokesperson', 'official.government']);
    assert.deepEqual(ids(['南洋国営放送']), ['state-media']);
    assert.deepEqual(ids(['Harbor Wire', 'a state-run news agency']), ['state-media']);
    assert.deepEqual(ids(['ノルデン国防相']), ['official.government']);
    assert.deepEqual(ids(['Lena Ostrova', 'Baltic Institute of Maritime Studies']), []);
    // English terms at word boundaries only: "ministry" inside a longer word is not a ministry.
    assert.deepEqual(ids(['Administrytive Review']), []);
    const [c] = caveatsFor(DEFAULT_CAVEATS, ['ＳＴＡＴＥ－ＲＵＮ broadcaster']);
    assert.equal(c?.id, 'state-media', 'full-width text is folded first');
    assert.equal(c?.suggest, 'D');
  });

  it('validates a list and names each problem with its place', () => {
    const base = { format: CAVEATS_FORMAT, name: 'x', version: '1', entries: [] as unknown[] };
    assert.equal(parseCaveatList(base).entries.length, 0);
    const entry = { id: 'a', kind: 'official', label: { ja: 'a', en: 'a' }, caveat: { ja: 'a', en: 'a' }, match: { en: ['envoy'] } };
    assert.throws(() => parseCaveatList({ ...base, entries: [entry, entry] }), /entries\.1\.id: id "a" is used twice/);
    assert.throws(() => parseCaveatList({ ...base, entries: [{ ...entry, match: {} }] }), /entries\.0\.match: give at least one term/);
    assert.throws(() => parseCaveatList({ ...base, entries: [{ ...entry, match: { patterns: ['(unclosed'] } }] }), /entries\.0\.match\.patterns\.0: not a regular expression/);
    assert.throws(() => parseCaveatList({ ...base, entries: [{ ...entry, suggest: 'Z' }] }), /entries\.0\.suggest/);
    assert.throws(() => parseCaveatList({ ...base, format: 'mikata-source-caveats/9' }), /format/);
    assert.throws(() => readCaveatListJson('{not json', 'mine.json'), /mine\.json: not a valid caveat list: not JSON/);
    assert.deepEqual(readCaveatListJson(renderCaveatListJson(DEFAULT_CAVEATS)), DEFAULT_CAVEATS);
  });
});
