/**
 * What counts as evidence that a namesake is another person: posts of different callings, contradicting
 * name forms in one script, dates further apart than a career. Table-driven, invented names throughout.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { nameFormsContradict } from '../../src/core/identity/match.ts';
import { datesConflict, isFormerPost, postFamily, postsConflict } from '../../src/core/identity/posts.ts';
import { identityConflicts, toForm } from '../../src/store/identities.ts';
import type { IdentityRecord } from '../../src/store/store.ts';

describe('posts', () => {
  const families: [string, string | null][] = [
    ['北海大学教授', 'academic'],
    ['名誉教授', 'academic'],
    ['潮見研究所主任研究員', 'academic'],
    ['海洋新聞記者', 'press'],
    ['陸軍少将', 'military'],
    ['外相', 'politics'],
    ['駐ノルウェー大使', 'diplomacy'],
    ['運用部長', null],
    ['Senior Fellow', 'academic'],
    ['professor of economics at Linden University', 'academic'],
    ['correspondent, The Harbour Gazette', 'press'],
    ['Director General of the Port Authority', null],
    ['Attorney General', null],
    ['director of operations', null],
    ['Prime Minister', 'politics'],
    ['rear admiral', 'military'],
    ['Chief Operating Officer', 'business'],
    ['press officer', null],
  ];
  for (const [post, family] of families) it(`${post} → ${family}`, () => assert.equal(postFamily(post), family));

  it('tells former posts', () => {
    assert.deepEqual(['元首相', '前大使', '退役大佐', 'former ambassador', 'ex-minister', '首相', 'ambassador'].map(isFormerPost), [true, true, true, true, true, false, false]);
  });

  const pairs: [string, string, boolean][] = [
    ['教授', '名誉教授', false], // one calling, two ranks
    ['准教授', '北海大学教授', false],
    ['外相', '首相', false], // a career in politics
    ['元首相', '首相', false], // a former holder is no conflict
    ['元陸軍大佐', '北海大学教授', false], // what they were, not what they are
    ['北海大学教授', '海洋新聞記者', true],
    ['陸軍少将', '論説委員', true],
    ['senior fellow', 'correspondent', true],
    ['教授', 'journalist', true], // callings compare across scripts
    ['運用部長', '記者', false], // a post of unknown calling conflicts with nothing
    ['director of operations', 'research fellow', false],
  ];
  for (const [a, b, conflict] of pairs) {
    it(`${a} / ${b}: ${conflict ? 'conflict' : 'compatible'}`, () => {
      assert.equal(postsConflict(a, b) !== null, conflict);
      assert.equal(postsConflict(b, a) !== null, conflict, 'symmetric');
    });
  }
});

describe('name forms in one script', () => {
  const pairs: [string, string, boolean][] = [
    ['山科恵一', '山科健二', true], // a different kanji given name
    ['山科 恵一', '山科恵一', false],
    ['山科', '山科恵一', false], // a surname beside the full name
    ['Helen T. Marsh', 'Helen R. Marsh', true], // middle initials differ
    ['Helen T. Marsh', 'Helen Marsh', false],
    ['H. Marsh', 'Helen Marsh', false],
    ['Helen Marsh', 'Gregor Marsh', true],
    ['Artyom Velikov', 'Artem Velikov', false], // two spellings of one forename
    ['アルチョム・ヴェリコフ', 'ボリス・ヴェリコフ', true],
    ['山科恵一', 'Keiichi Yamashina', false], // different scripts
  ];
  for (const [a, b, contradict] of pairs) {
    it(`${a} / ${b}: ${contradict ? 'contradict' : 'compatible'}`, () => {
      assert.equal(nameFormsContradict(a, b) !== null, contradict, String(nameFormsContradict(a, b)));
      assert.equal(nameFormsContradict(b, a) !== null, contradict, 'symmetric');
    });
  }
});

describe('dates', () => {
  it('a document far outside the span of the others is another person', () => {
    assert.match(datesConflict(['1951-05-01', '1958'], '2025-10-14')!, /1951–2025 \(74 years\)/);
    assert.equal(datesConflict(['1990-01-01'], '2025-10-14'), null);
    assert.equal(datesConflict(['1940', '2010'], '1980'), null, 'inside a span already recorded');
    assert.equal(datesConflict([null], '2025'), null, 'undated documents say nothing');
    assert.equal(datesConflict(['1950'], null), null);
  });
});

describe('identityConflicts', () => {
  const identity: IdentityRecord = {
    id: 1, ref: 'e1', name: '山科恵一', type: 'person', organization: '北海大学', mergedInto: null, origin: 'machine',
    createdAt: '2025-01-01', forms: ['山科恵一', 'Keiichi Yamashina'].map(toForm),
  };
  const known = { posts: ['北海大学教授'], dates: ['2024-03-01'] };

  it('finds nothing when all agrees', () => {
    assert.deepEqual(identityConflicts(identity, { organization: '北海大学', title: '名誉教授', forms: ['山科恵一', '山科'], date: '2025-02-01' }, known), []);
  });

  it('names each conflict', () => {
    const found = identityConflicts(identity, { organization: '北海大学', title: '記者', forms: ['山科健二', 'Keiichi Yamashina'], date: '1930' }, known);
    assert.equal(found.length, 3, found.join('; '));
    assert.match(found[0]!, /^post differs: 北海大学教授 \(academic\) ≠ 記者 \(press\)/);
    assert.match(found[1]!, /^name differs: 山科恵一 ≠ 山科健二 \(different written forms/);
    assert.match(found[2]!, /^dates too far apart: 1930–2024/);
  });

  it('a post agreeing with any recorded current post is no conflict; former posts are not compared', () => {
    assert.deepEqual(identityConflicts(identity, { organization: null, title: '記者' }, { posts: ['北海大学教授', '元記者', '論説委員'], dates: [] }), []);
    assert.deepEqual(identityConflicts(identity, { organization: null, title: '元記者' }, known), []);
    assert.deepEqual(identityConflicts(identity, { organization: null, title: '記者' }, { posts: ['元記者'], dates: [] }), []);
  });

  it('keeps the organisation check as before', () => {
    assert.deepEqual(identityConflicts(identity, { organization: '海洋新聞社' }), ['organisation differs: 北海大学 ≠ 海洋新聞社']);
    assert.deepEqual(identityConflicts(identity, { organization: 'Hokkai University' }), [], 'other script: not comparable');
  });
});
