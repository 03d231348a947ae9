/** Anchoring corrections by quote and context, and applying them to machine attributions. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyCorrections, fromSelector, toSelector, type CorrectionChange, type CorrectionTarget, type SpeakerResolver } from '../../src/store/corrections.ts';
import type { CorrectionRecord } from '../../src/store/store.ts';
import { JA_BLACK_SEA, makeAnalysis } from './_fixtures.ts';

describe('text quote selectors', () => {
  const text = '制裁は効く。制裁は効かない。だが制裁は効く。';

  it('round-trips a span', () => {
    const span = { start: 16, end: 21 };
    const sel = toSelector(text, span);
    assert.equal(sel.exact, '制裁は効く');
    assert.deepEqual(fromSelector(text, sel), span);
  });

  it('finds the right occurrence by its context when the position moved', () => {
    const sel = toSelector(text, { start: 16, end: 21 });
    const edited = `はじめに。${text}`;
    const found = fromSelector(edited, sel)!;
    assert.equal(found.start, 21);
    assert.equal(edited.slice(found.start, found.end), '制裁は効く');
    // The first occurrence has the other context.
    const first = toSelector(text, { start: 0, end: 5 });
    assert.equal(fromSelector(edited, first)!.start, 5);
  });

  it('gives null when the quote is gone', () => {
    assert.equal(fromSelector('まったく別の文章。', toSelector(text, { start: 0, end: 5 })), null);
  });

  it('refuses a span outside the text', () => {
    assert.throws(() => toSelector(text, { start: 3, end: 999 }), RangeError);
  });

  it('anchors every span of any text back to itself', () => {
    fc.assert(fc.property(fc.string({ minLength: 1, maxLength: 80 }), fc.nat(), fc.nat(), (s, a, b) => {
      const start = a % s.length;
      const end = start + 1 + (b % (s.length - start));
      const sel = toSelector(s, { start, end });
      const found = fromSelector(s, sel)!;
      assert.equal(s.slice(found.start, found.end), s.slice(start, end));
      assert.deepEqual(found, { start, end });
    }), { seed: 7, numRuns: 300 });
  });
});

describe('applying corrections', () => {
  const text = JA_BLACK_SEA.text;
  const analysis = makeAnalysis(JA_BLACK_SEA);
  const resolve: SpeakerResolver = {
    person: (id) => ({ person: id, identity: `e-${id}`, name: analysis.people.find((p) => p.id === id)?.name ?? id }),
    identity: (ref) => ({ person: null, identity: ref.identity, name: ref.name }),
  };
  let id = 0;
  const correction = (action: CorrectionRecord['action'], target: CorrectionTarget | null, change: CorrectionChange = {}): CorrectionRecord => ({
    id: ++id, ref: `c${id}`, docHash: 'h', action, target, change, by: 'kato', why: null, at: '2025-07-01T00:00:00Z', status: 'active', anchored: null, problem: null,
  });
  const targetOf = (attributionId: string): CorrectionTarget => {
    const a = analysis.attributions.find((x) => x.id === attributionId)!;
    return { content: toSelector(text, a.content), cue: a.cue ? toSelector(text, a.cue) : null, speakers: [] };
  };

  it('without corrections, gives the machine attributions unreviewed', () => {
    const { attributions, outcomes } = applyCorrections(text, analysis, [], resolve);
    assert.deepEqual(attributions.map((a) => [a.id, a.provenance, a.review]), [['a1', 'machine', null], ['a2', 'machine', null], ['a3', 'machine', null], ['a4', 'machine', null]]);
    assert.equal(outcomes.size, 0);
  });

  const cases: { name: string; corrections: () => CorrectionRecord[]; expect: (a: ReturnType<typeof applyCorrections>) => void }[] = [
    {
      name: 'accept marks it accepted and keeps it machine',
      corrections: () => [correction('accept', targetOf('a1'))],
      expect: ({ attributions }) => assert.deepEqual(attributions.find((a) => a.id === 'a1')!.review, 'accepted'),
    },
    {
      name: 'reject marks it rejected',
      corrections: () => [correction('reject', targetOf('a2'))],
      expect: ({ attributions }) => assert.equal(attributions.find((a) => a.id === 'a2')!.review, 'rejected'),
    },
    {
      name: 'edit changes speakers, span and kind, and makes it the analyst\'s',
      corrections: () => [correction('edit', targetOf('a3'), {
        speakers: [{ name: 'Oksana Melnyk', identity: 'e9' }],
        content: toSelector(text, { start: text.indexOf('ルーマニアの港湾'), end: text.indexOf('ルーマニアの港湾') + 8 }),
        kind: 'quote',
      })],
      expect: ({ attributions }) => {
        const a = attributions.find((x) => x.id === 'a3')!;
        assert.equal(a.provenance, 'analyst');
        assert.equal(a.review, 'edited');
        assert.equal(a.kind, 'quote');
        assert.equal(a.content.text, 'ルーマニアの港湾');
        assert.equal(text.slice(a.content.start, a.content.end), a.content.text);
        assert.deepEqual(a.speakers, [{ person: null, identity: 'e9', name: 'Oksana Melnyk' }]);
        assert.equal(a.machine!.id, 'a3', 'the machine version stays beside it');
      },
    },
    {
      name: 'add makes a new analyst attribution with the footnotes at its end',
      corrections: () => [correction('add', null, {
        speakers: [{ name: 'Taras Bondarenko', identity: 'e1' }],
        content: toSelector(text, { start: text.indexOf('機雷の危険は今後も長く残る'), end: text.indexOf('機雷の危険は今後も長く残る') + 13 }),
        kind: 'reported',
      })],
      expect: ({ attributions }) => {
        const added = attributions.find((x) => x.review === 'added')!;
        assert.equal(added.provenance, 'analyst');
        assert.equal(added.content.text, '機雷の危険は今後も長く残る');
        assert.ok(added.id.startsWith('xc'));
      },
    },
    {
      name: 'a target the analysis no longer has does not anchor, with a reason',
      corrections: () => [correction('accept', { content: toSelector(text, { start: text.indexOf('本稿では'), end: text.indexOf('本稿では') + 10 }), cue: null, speakers: [] })],
      expect: ({ outcomes }) => {
        const [o] = [...outcomes.values()];
        assert.equal(o!.anchored, false);
        assert.match(o!.problem!, /no attribution covers/);
      },
    },
    {
      name: 'a quote that is not in the text does not anchor',
      corrections: () => [correction('add', null, { speakers: [], content: { exact: '存在しない文', prefix: '', suffix: '', start: 0, end: 6 }, kind: 'reported' })],
      expect: ({ outcomes }) => assert.match([...outcomes.values()][0]!.problem!, /is not in the document/),
    },
    {
      name: 'a withdrawn correction is not applied',
      corrections: () => [{ ...correction('reject', targetOf('a1')), status: 'withdrawn' as const }],
      expect: ({ attributions, outcomes }) => {
        assert.equal(attributions.find((a) => a.id === 'a1')!.review, null);
        assert.equal(outcomes.size, 0);
      },
    },
    {
      name: 'corrections apply in order: an edit, then a reject of the edited attribution',
      corrections: () => {
        const edit = correction('edit', targetOf('a4'), { kind: 'quote' });
        return [edit, correction('reject', targetOf('a4'))];
      },
      expect: ({ attributions }) => {
        const a = attributions.find((x) => x.id === 'a4')!;
        assert.equal(a.review, 'rejected');
        assert.equal(a.kind, 'quote');
        assert.equal(a.corrections.length, 2);
      },
    },
  ];
  for (const c of cases) it(c.name, () => c.expect(applyCorrections(text, analysis, c.corrections(), resolve)));

  it('follows an attribution whose span the extractor changed a little', () => {
    const a2 = analysis.attributions.find((x) => x.id === 'a2')!;
    const wider = { ...a2, id: 'z9', content: { start: a2.content.start - 3, end: a2.content.end, text: text.slice(a2.content.start - 3, a2.content.end) } };
    const changed = { ...analysis, attributions: analysis.attributions.map((x) => (x.id === 'a2' ? wider : x)) };
    const { attributions, outcomes } = applyCorrections(text, changed, [correction('reject', targetOf('a2'))], resolve);
    assert.equal(attributions.find((x) => x.id === 'z9')!.review, 'rejected');
    assert.equal([...outcomes.values()][0]!.anchored, true);
  });
});
