import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { detectTokenScript, parseName, type Script } from '../../src/core/identity/names.ts';

interface Expected {
  script: Script;
  given: string[];
  initials: string[];
  surname: string;
  order?: 'given-first' | 'surname-first';
}

const CASES: [string, Expected][] = [
  // katakana: given name first, ・ between parts, Latin initials inside
  ['アルチョム・S・ソコロフ', { script: 'katakana', given: ['アルチョム'], initials: ['S'], surname: 'ソコロフ', order: 'given-first' }],
  ['セルゲイ・ラブロフ', { script: 'katakana', given: ['セルゲイ'], initials: [], surname: 'ラブロフ' }],
  ['セルゲイ ラブロフ', { script: 'katakana', given: ['セルゲイ'], initials: [], surname: 'ラブロフ' }],
  ['セルゲイ･ラブロフ', { script: 'katakana', given: ['セルゲイ'], initials: [], surname: 'ラブロフ' }], // half-width dot
  ['ソコロフ', { script: 'katakana', given: [], initials: [], surname: 'ソコロフ' }],
  ['ソコロフ氏', { script: 'katakana', given: [], initials: [], surname: 'ソコロフ' }],
  ['ラブロフ外相', { script: 'katakana', given: [], initials: [], surname: 'ラブロフ' }],
  ['ジャン＝ピエール・ラクロワ', { script: 'katakana', given: ['ジャンピエール'], initials: [], surname: 'ラクロワ' }],
  // Korean names in katakana keep the surname first
  ['キム・ヨジョン', { script: 'katakana', given: ['ヨジョン'], initials: [], surname: 'キム', order: 'surname-first' }],
  ['ビクター・チャ', { script: 'katakana', given: ['ビクター'], initials: [], surname: 'チャ', order: 'given-first' }],
  // Latin
  ['Artyom Sokolov', { script: 'latin', given: ['Artyom'], initials: [], surname: 'Sokolov' }],
  ['A. Sokolov', { script: 'latin', given: [], initials: ['A'], surname: 'Sokolov' }],
  ['A.V. Sokolov', { script: 'latin', given: [], initials: ['A', 'V'], surname: 'Sokolov' }],
  ['A.V.Sokolov', { script: 'latin', given: [], initials: ['A', 'V'], surname: 'Sokolov' }],
  ['Yu. Ushakov', { script: 'latin', given: [], initials: ['Yu'], surname: 'Ushakov' }],
  ['Artyom Sergeyevich Sokolov', { script: 'latin', given: ['Artyom', 'Sergeyevich'], initials: [], surname: 'Sokolov' }],
  ['Sokolov, Artyom', { script: 'latin', given: ['Artyom'], initials: [], surname: 'Sokolov', order: 'surname-first' }],
  ['Sokolov, A. S.', { script: 'latin', given: [], initials: ['A', 'S'], surname: 'Sokolov', order: 'surname-first' }],
  ['Sokolov A.S.', { script: 'latin', given: [], initials: ['A', 'S'], surname: 'Sokolov', order: 'surname-first' }],
  ['SOKOLOV Artyom', { script: 'latin', given: ['Artyom'], initials: [], surname: 'SOKOLOV', order: 'surname-first' }],
  ['Artyom SOKOLOV', { script: 'latin', given: ['Artyom'], initials: [], surname: 'SOKOLOV', order: 'given-first' }],
  ['Sokolov Artyom', { script: 'latin', given: ['Artyom'], initials: [], surname: 'Sokolov', order: 'surname-first' }],
  ['Sokolov Aleksandr', { script: 'latin', given: ['Aleksandr'], initials: [], surname: 'Sokolov', order: 'surname-first' }],
  ['Dr. Fiona Hill', { script: 'latin', given: ['Fiona'], initials: [], surname: 'Hill' }],
  ['Prof. Stephen J. Blank', { script: 'latin', given: ['Stephen'], initials: ['J'], surname: 'Blank' }],
  ['Martin Luther King Jr.', { script: 'latin', given: ['Martin', 'Luther'], initials: [], surname: 'King' }],
  ['Frank von Hippel', { script: 'latin', given: ['Frank'], initials: [], surname: 'von Hippel' }],
  ['Sue Mi Terry', { script: 'latin', given: ['Sue', 'Mi'], initials: [], surname: 'Terry' }],
  ['Kim Yo-jong', { script: 'latin', given: ['Yo-jong'], initials: [], surname: 'Kim', order: 'surname-first' }],
  ['Kim Yo Jong', { script: 'latin', given: ['Yo Jong'], initials: [], surname: 'Kim', order: 'surname-first' }],
  ['Moon Jae-in', { script: 'latin', given: ['Jae-in'], initials: [], surname: 'Moon', order: 'surname-first' }],
  ['Xi Jinping', { script: 'latin', given: ['Jinping'], initials: [], surname: 'Xi', order: 'surname-first' }],
  ['Victor Cha', { script: 'latin', given: ['Victor'], initials: [], surname: 'Cha', order: 'given-first' }],
  ['Sung Kim', { script: 'latin', given: ['Sung'], initials: [], surname: 'Kim', order: 'given-first' }],
  // Cyrillic
  ['Артём Соколов', { script: 'cyrillic', given: ['Артём'], initials: [], surname: 'Соколов' }],
  ['Лавров Сергей Викторович', { script: 'cyrillic', given: ['Сергей', 'Викторович'], initials: [], surname: 'Лавров', order: 'surname-first' }],
  ['Сергей Викторович Лавров', { script: 'cyrillic', given: ['Сергей', 'Викторович'], initials: [], surname: 'Лавров', order: 'given-first' }],
  ['С. В. Лавров', { script: 'cyrillic', given: [], initials: ['С', 'В'], surname: 'Лавров' }],
  ['Лавров С.В.', { script: 'cyrillic', given: [], initials: ['С', 'В'], surname: 'Лавров', order: 'surname-first' }],
  ['Лавров Сергей', { script: 'cyrillic', given: ['Сергей'], initials: [], surname: 'Лавров', order: 'surname-first' }],
  // kanji and hangul: surname first; split without a separator only as a display guess
  ['文在寅', { script: 'kanji', given: ['在寅'], initials: [], surname: '文' }],
  ['文 在寅', { script: 'kanji', given: ['在寅'], initials: [], surname: '文' }],
  ['寺田 一郎', { script: 'kanji', given: ['一郎'], initials: [], surname: '寺田' }],
  ['山本太郎', { script: 'kanji', given: ['太郎'], initials: [], surname: '山本' }],
  ['김여정', { script: 'hangul', given: ['여정'], initials: [], surname: '김' }],
  // mixed scripts
  ['Artyom ソコロフ', { script: 'mixed', given: ['Artyom'], initials: [], surname: 'ソコロフ' }],
  // nothing to parse
  ['', { script: 'mixed', given: [], initials: [], surname: '' }],
  ['  ・ ', { script: 'mixed', given: [], initials: [], surname: '' }],
  ['2024', { script: 'mixed', given: [], initials: [], surname: '' }],
];

test('parseName: table of forms', () => {
  for (const [raw, want] of CASES) {
    const p = parseName(raw);
    const got: Expected = { script: p.script, given: [...p.given], initials: [...p.initials], surname: p.surname };
    const { order, ...rest } = want;
    assert.deepEqual(got, rest, raw);
    if (order) assert.equal(p.order, order, `${raw}: order`);
    assert.equal(p.raw, raw);
  }
});

test('parseName: forenames keep written order, full and initial', () => {
  const p = parseName('Alexander V. Sokolov');
  assert.deepEqual(p.forenames.map((f) => [f.text, f.initial]), [['Alexander', false], ['V', true]]);
  const q = parseName('アルチョム・S・ソコロフ');
  assert.deepEqual(q.forenames.map((f) => [f.text, f.script, f.initial]), [['アルチョム', 'katakana', false], ['S', 'latin', true]]);
});

test('parseName: ambiguous order keeps the other reading', () => {
  const p = parseName('Sung Kim');
  assert.equal(p.surname, 'Kim');
  assert.equal(p.alternative?.surname, 'Sung');
  assert.equal(parseName('Kim Song').surname, 'Kim');
  assert.equal(parseName('Kim Song').alternative?.surname, 'Song');
  assert.equal(parseName('Sergei Lavrov').alternative, undefined);
});

test('parseName: result is frozen', () => {
  const p = parseName('Sergei Lavrov');
  assert.ok(Object.isFrozen(p));
  assert.ok(Object.isFrozen(p.given));
  assert.ok(Object.isFrozen(p.forenames));
});

test('parseName: a non-string is a programmer error', () => {
  assert.throws(() => parseName(undefined as unknown as string), /parseName: raw must be a string, got undefined/);
  assert.throws(() => parseName(42 as unknown as string), /got number/);
});

test('parseName: never throws, and the surname is one of the written words, for any string', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (raw) => {
      const p = parseName(raw);
      if (p.surname !== '') assert.ok(raw.normalize('NFKC').replace(/[=＝゠]/g, '').includes(p.surname.split(' ')[0]!));
    }),
    { seed: 20250909, numRuns: 500 },
  );
});

test('detectTokenScript', () => {
  const cases: [string, Script | null][] = [
    ['ソコロフ', 'katakana'],
    ['Sokolov', 'latin'],
    ['Łukasz', 'latin'],
    ['Соколов', 'cyrillic'],
    ['文', 'kanji'],
    ['たろう', 'kanji'],
    ['김', 'hangul'],
    ['Sokolovソコロフ', 'mixed'],
    ['123', null],
  ];
  for (const [word, script] of cases) assert.equal(detectTokenScript(word), script, word);
});
