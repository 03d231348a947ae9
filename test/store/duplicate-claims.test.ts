/** One speaker over the same content is one claim, however many constructions found it. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../src/core/analyze.ts';
import { applyCorrections, type SpeakerResolver } from '../../src/store/corrections.ts';
import { BLACK_SEA_JA } from '../server/_texts.ts';

const resolve: SpeakerResolver = {
  person: (id) => ({ person: id, identity: null, name: id }),
  identity: (ref) => ({ person: null, identity: ref.identity, name: ref.name }),
};

test('a claim found twice for the same speaker and content is shown once; another speaker’s is kept', () => {
  const analysis = analyze({ text: BLACK_SEA_JA, format: 'text' });
  const first = analysis.attributions[0]!;
  const twice = { ...analysis, attributions: [...analysis.attributions, { ...first, id: 'a900', confidence: first.confidence / 2 }] };
  const other = { ...first, id: 'a901', speakers: ['p999'] };
  const withOther = { ...twice, attributions: [...twice.attributions, other] };
  const { attributions } = applyCorrections(BLACK_SEA_JA, withOther, [], resolve);
  const over = attributions.filter((a) => a.content.start === first.content.start && a.content.end === first.content.end);
  assert.deepEqual(over.map((a) => a.id).sort(), [first.id, 'a901'].sort());
  assert.equal(attributions.length, analysis.attributions.length + 1);
});
