import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import * as identity from '../../src/core/identity/index.ts';
import {
  MAYBE_THRESHOLD,
  SAME_THRESHOLD,
  compareNames,
  createIdentityIndex,
  findByName,
  matchIdentity,
  organizationsAgree,
  type IdentityRecord,
} from '../../src/core/identity/match.ts';

test('identity exposes its public API', () => {
  assert.deepEqual(Object.keys(identity).sort(), [
    'MAX_ACTIVE_YEARS',
    'MAYBE_THRESHOLD',
    'SAME_THRESHOLD',
    'compareNames',
    'createIdentityIndex',
    'cyrillicToLatin',
    'datesConflict',
    'detectTokenScript',
    'findByName',
    'hiraganaToKatakana',
    'isFormerPost',
    'katakanaToLatinKeys',
    'keyDistance',
    'keySimilarity',
    'latinToKey',
    'matchIdentity',
    'nameFormsContradict',
    'organizationsAgree',
    'parseName',
    'postFamily',
    'postsConflict',
    'skeletonOf',
  ]);
});

type Decision = 'same' | 'maybe' | 'different';
const decisionOf = (score: number): Decision =>
  score >= SAME_THRESHOLD ? 'same' : score >= MAYBE_THRESHOLD ? 'maybe' : 'different';

// Each rule of match.ts, as pairs of names and the decision they must come to.
const PAIRS: [string, string, Decision, string][] = [
  // one person across scripts and spellings
  ['アルチョム・S・ソコロフ', 'Artyom Sokolov', 'same', 'katakana with an initial ~ Latin'],
  ['Артём Соколов', 'Artem Sokolov', 'same', 'Cyrillic ё ~ Latin e'],
  ['髙橋 健一郎', '高橋健一郎', 'same', 'old and new forms of one kanji (髙 = 高)'],
  ['渡邉修', '渡辺修', 'same', 'a variant kanji of the surname (邉 = 辺)'],
  ['斉藤修', '斎藤修', 'different', 'two surnames, not two forms of one: 斉 and 斎 stay apart'],
  ['アレクサンダー・ジェービン', 'Aleksandr Zhebin', 'same', 'English-style katakana ~ Russian transliteration'],
  ['Александр Жебин', 'Alexander Zhebin', 'same', 'Cyrillic ~ English spelling'],
  ['コンスタンチン・コサチョフ', 'Konstantin Kosachyov', 'same', 'チ = ti, チョ = chyo'],
  ['フョードル・ルキヤノフ', 'Fedor Lukyanov', 'same', 'フョ = fyo = fe'],
  ['ワシリー・カシン', 'Vassily Kashin', 'same', 'ワ = v, doubled s'],
  ['アンドレイ・ランコフ', 'Андрей Ланьков', 'same', 'soft sign dropped'],
  ['Yury Ushakov', 'Iurii Ushakov', 'same', 'Yury = Iurii'],
  ['ユーリー・ウシャコフ', 'Yuri Ushakov', 'same', 'ユ = yu'],
  ['Lavrov, Sergei', 'セルゲイ・ラブロフ', 'same', 'comma order'],
  ['Лавров Сергей Викторович', 'Sergei V. Lavrov', 'same', 'patronymic ~ middle initial'],
  ['Lavrov S.V.', 'Sergey Lavrov', 'same', 'initials after the surname'],
  ['Kim Yo Jong', 'キム・ヨジョン', 'same', 'Korean order in Latin and katakana'],
  ['Kim Yo-jong', 'Kim Yojong', 'same', 'hyphenated given name'],
  ['Victor Cha', 'ビクター・チャ', 'same', 'English -or = ー'],
  ['Michael Kofman', 'Майкл Кофман', 'same', 'English name in Cyrillic'],
  ['Angela Stent', 'アンジェラ・ステント', 'same', 'soft g'],
  ['Lee Jae-myung', 'イ・ジェミョン', 'same', 'Korean surname table: Lee = イ'],
  ['Ri Yong-ho', 'Lee Yong-ho', 'same', 'Korean surname table: Ri = Lee'],
  ['Oleh Moskal', 'Oleg Moskal', 'same', 'Ukrainian h = Russian g'],
  ['文在寅', '文 在寅', 'same', 'kanji, spaces removed'],
  // initials
  ['A. Sokolov', 'Artyom Sokolov', 'same', 'initial agrees'],
  ['Ye. Primakov', 'Evgeny Primakov', 'same', 'Ye. = E'],
  ['E. Primakov', 'エフゲニー・プリマコフ', 'same', 'E. ~ katakana エ'],
  ['Ю. Ушаков', 'Yury Ushakov', 'same', 'Cyrillic initial'],
  ['B. Klingner', 'Bruce Klingner', 'same', 'B. ~ Bruce'],
  ['V. Kashin', 'フョードル・カシン', 'different', 'V. is not フ (f)'],
  ['S. Ivanov', 'Igor Ivanov', 'different', 'initial disagrees'],
  ['A. V. Sokolov', 'A. L. Sokolov', 'maybe', 'middle initials disagree'],
  ['Y. Primakov', 'Ye. Primakov', 'same', 'Y. begins Ye.'],
  ['Yu. Ushakov', 'Ya. Ushakov', 'different', 'Yu. is not Ya.'],
  ['Ye. Primakov', 'Е. Примаков', 'same', 'Ye. = Cyrillic Е.'],
  // surname alone
  ['ソコロフ', 'Artyom Sokolov', 'maybe', 'surname only'],
  ['Sokolov', 'アルチョム・ソコロフ', 'maybe', 'surname only, across scripts'],
  ['文', '文 在寅', 'maybe', 'kanji surname written apart'],
  // different people
  ['Ivan Ivanov', 'Sergei Ivanov', 'different', 'shared surname, forenames differ'],
  ['Alexander Sokolov', 'Artyom Sokolov', 'different', 'shared surname, forenames differ'],
  ['Alexander Sokolov', 'Alexei Sokolov', 'different', 'Alexander is not Alexei'],
  ['Maria Zakharova', 'Liudmila Zakharova', 'different', 'shared surname'],
  ['Aleksandr Petrov', 'Aleksandra Petrova', 'different', 'masculine and feminine forenames'],
  ['Yuri Ivanov', 'Yulia Ivanova', 'different', 'Yuri is not Yulia'],
  ['Sergei Ivanov', 'Sergei Ivanova', 'maybe', 'masculine and feminine surname forms'],
  ['Kim Song', 'Sung Kim', 'maybe', 'Song and Sung are only alike'],
  ['Alexander Shirokov', 'Alexander Shirikov', 'maybe', 'one vowel apart in Latin'],
  ['Sergei Lavrov', 'Sergei Lebedev', 'different', 'surnames differ'],
  ['文在寅', 'Moon Jae-in', 'different', 'no transliteration from kanji'],
  ['文在寅', '金大中', 'different', 'different kanji'],
  ['', 'Sergei Lavrov', 'different', 'empty name'],
];

test('compareNames: decisions by rule', () => {
  for (const [a, b, want, why] of PAIRS) {
    const { score, evidence } = compareNames(a, b);
    assert.equal(decisionOf(score), want, `${a} | ${b} (${why}): score ${score}, ${evidence.join('; ')}`);
    assert.ok(evidence.length > 0, `${a} | ${b}: evidence`);
  }
});

test('compareNames: evidence says why', () => {
  assert.match(compareNames('ソコロフ', 'Artyom Sokolov').evidence.join(' '), /surname only/);
  assert.match(compareNames('Ivan Ivanov', 'Sergei Ivanov').evidence.join(' '), /forenames differ: Ivan ≠ Sergei/);
  assert.match(compareNames('A. Sokolov', 'Artyom Sokolov').evidence.join(' '), /initial A\. ~ Artyom/);
  assert.match(compareNames('Sergei Ivanov', 'Sergei Ivanova').evidence.join(' '), /masculine and feminine/);
  assert.match(compareNames('赤澤亮平', '赤沢亮平').evidence.join(' '), /old and new kanji 赤澤亮平 = 赤沢亮平/);
});

test('compareNames: a non-string is a programmer error', () => {
  assert.throws(() => compareNames(null as unknown as string, 'x'), /compareNames: a must be a string/);
  assert.throws(() => compareNames('x', 1 as unknown as string), /compareNames: b must be a string/);
});

// Words from which the property test builds names: the same people and others, in every script.
const WORDS = [
  'Sergei', 'Sergey', 'セルゲイ', 'Сергей', 'S.', 'С.', 'Lavrov', 'ラブロフ', 'Лавров', 'Ivanov', 'Ivanova',
  'イワノフ', 'Иванов', 'Artyom', 'アルチョム', 'Артём', 'A.', 'L', 'Sokolov', 'ソコロフ', 'Соколов', 'Alexander',
  'アレクサンダー', 'Kim', 'キム', 'Sung', 'Song', 'ソン', 'Yo-jong', 'Ri', 'Lee', 'イ', '文', '在寅', 'Yu.',
  'Yuri', 'Yulia', 'Victor', 'ビクター', 'Cha', 'チャ', 'Oleh', 'Oleg', 'Виктор', 'Jr.', 'Dr.',
];
const nameArb = fc.oneof(
  fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 4 }).chain((words) =>
    fc.constantFrom(' ', '・', ', ').map((sep) => words.join(sep))),
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
);

test('compareNames is symmetric in score (property)', () => {
  fc.assert(
    fc.property(nameArb, nameArb, (a, b) => {
      assert.equal(compareNames(a, b).score, compareNames(b, a).score);
    }),
    { seed: 396, numRuns: 600 },
  );
});

test('compareNames: a name is the same as itself, and scores stay in [0, 1] (property)', () => {
  fc.assert(
    fc.property(nameArb, nameArb, (a, b) => {
      const { score } = compareNames(a, b);
      assert.ok(score >= 0 && score <= 1, `score ${score}`);
      const self = compareNames(a, a).score;
      const parsedSurname = identity.parseName(a).surname;
      if (parsedSurname !== '' && identity.parseName(a).forenames.some((f) => !f.initial)) assert.ok(self >= SAME_THRESHOLD, `${a}: ${self}`);
    }),
    { seed: 9, numRuns: 300 },
  );
});

const KNOWN: IdentityRecord[] = [
  { id: 'sokolov-alexander', names: ['Alexander Sokolov', 'アレクサンドル・ソコロフ'], organization: 'Higher School of Economics' },
  { id: 'sokolov-vladimir', names: ['Vladimir Sokolov', 'Владимир Соколов'], organization: 'Yabloko' },
  { id: 'lavrov', names: ['Sergei Lavrov', 'Сергей Лавров'], organization: 'MFA of Russia' },
  { id: 'moon', names: ['文在寅', 'Moon Jae-in'] },
];

test('matchIdentity: the right record, best first, only same and maybe', () => {
  const res = matchIdentity({ names: ['セルゲイ・ラブロフ'] }, KNOWN);
  assert.equal(res.length, 1);
  assert.equal(res[0]!.id, 'lavrov');
  assert.equal(res[0]!.decision, 'same');
  assert.ok(res[0]!.evidence.some((e) => e.includes('セルゲイ・ラブロフ ↔ ')));
  assert.deepEqual(matchIdentity({ names: ['Kirill Lebedev'] }, KNOWN), []);
});

test('matchIdentity: shared surname, surname-only candidate is maybe for each', () => {
  const res = matchIdentity({ names: ['ソコロフ'] }, KNOWN);
  assert.deepEqual(res.map((r) => [r.id, r.decision]).sort(), [['sokolov-alexander', 'maybe'], ['sokolov-vladimir', 'maybe']]);
});

test('matchIdentity: organisation agreement raises the score, not to same on a surname alone', () => {
  const plain = matchIdentity({ names: ['ソコロフ'] }, KNOWN).find((r) => r.id === 'sokolov-alexander')!;
  const withOrg = matchIdentity({ names: ['ソコロフ'], organization: 'Higher School of Economics (HSE)' }, KNOWN)
    .find((r) => r.id === 'sokolov-alexander')!;
  assert.ok(withOrg.score > plain.score);
  assert.equal(withOrg.decision, 'maybe');
  assert.ok(withOrg.evidence.some((e) => /organisation agrees/.test(e)));
  const res = matchIdentity({ names: ['ソコロフ'], organization: 'Higher School of Economics' }, KNOWN);
  assert.equal(res[0]!.id, 'sokolov-alexander', 'organisation ranks the right Sokolov first');
});

test('matchIdentity: two records that fit equally are both maybe, never same', () => {
  const twins: IdentityRecord[] = [
    { id: 'a', names: ['Alexander Sokolov'] },
    { id: 'b', names: ['Artyom Sokolov'] },
  ];
  const res = matchIdentity({ names: ['A. Sokolov'] }, twins);
  assert.deepEqual(res.map((r) => r.decision), ['maybe', 'maybe']);
  assert.ok(res.every((r) => r.evidence.some((e) => /ambiguous/.test(e))));
  // With the forename the tie is gone.
  const clear = matchIdentity({ names: ['Artyom Sokolov'] }, twins);
  assert.deepEqual(clear.map((r) => [r.id, r.decision]), [['b', 'same']]);
});

test('matchIdentity: a duplicate record below the best is maybe', () => {
  const dup: IdentityRecord[] = [
    { id: 'full', names: ['Artyom Sokolov', 'アルチョム・ソコロフ'] },
    { id: 'initial', names: ['A. Sokolov'] },
  ];
  const res = matchIdentity({ names: ['Artyom Sokolov'] }, dup);
  assert.deepEqual(res.map((r) => [r.id, r.decision]), [['full', 'same'], ['initial', 'maybe']]);
});

test('matchIdentity: a full-name conflict outweighs an agreement on an initial', () => {
  const rec: IdentityRecord[] = [{ id: 'alexander', names: ['Alexander Sokolov', 'A. Sokolov'] }];
  assert.deepEqual(matchIdentity({ names: ['Artyom Sokolov'] }, rec), []);
});

test('matchIdentity: kanji matches the record that holds the same kanji', () => {
  assert.deepEqual(matchIdentity({ names: ['文 在寅'] }, KNOWN).map((r) => [r.id, r.decision]), [['moon', 'same']]);
  assert.deepEqual(matchIdentity({ names: ['Moon Jae In'] }, KNOWN).map((r) => r.id), ['moon']);
});

test('matchIdentity: bad input is a clear programmer error', () => {
  assert.throws(() => matchIdentity({ names: 'Sokolov' as unknown as string[] }, KNOWN), /matchIdentity: candidate.names must be an array of strings/);
  assert.throws(() => matchIdentity({ names: ['Sokolov'] }, null as unknown as IdentityRecord[]), /known must be an array/);
  assert.throws(() => matchIdentity({ names: ['Sokolov'] }, [{ id: '', names: [] }]), /known\[0\]: record.id must be a non-empty string/);
  assert.throws(() => matchIdentity({ names: ['Sokolov'] }, [{ id: 'x', names: [3 as unknown as string] }]), /record x: names must be an array of strings/);
});

test('findByName: any spelling, surname only, initials', () => {
  const cases: [string, string[]][] = [
    ['Lavrov', ['lavrov']],
    ['ラブロフ', ['lavrov']],
    ['Лавров С.В.', ['lavrov']],
    ['A. Sokolov', ['sokolov-alexander']],
    ['Соколов', ['sokolov-alexander', 'sokolov-vladimir']],
    ['文在寅', ['moon']],
    ['Nobody', []],
  ];
  for (const [query, ids] of cases) assert.deepEqual(findByName(query, KNOWN).map((r) => r.id).sort(), ids, query);
  assert.throws(() => findByName(undefined as unknown as string, KNOWN), /findByName: query must be a string/);
});

test('organizationsAgree', () => {
  const cases: [string | null, string | null, boolean][] = [
    ['Higher School of Economics', 'higher school of economics', true],
    ['Higher School of Economics', 'National Research University Higher School of Economics', true],
    ['極東連邦大学', '極東連邦大学アジア太平洋研究所', true],
    ['Ostrander Endowment for Maritime Studies', 'Ostrander Endowment', true],
    ['IMEMO', 'RIAC', false],
    ['MGIMO University', 'Moscow State University', false],
    [null, 'RIAC', false],
    ['', '', false],
  ];
  for (const [a, b, want] of cases) assert.equal(organizationsAgree(a, b), want, `${a} | ${b}`);
});
