import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  cyrillicToLatin,
  katakanaInitialLetters,
  katakanaToLatinKeys,
  latinToKey,
  skeletonOf,
} from '../../src/core/identity/transliterate.ts';

test('latinToKey: spelling variants of one name share a key', () => {
  const groups: [string, string[]][] = [
    ['Artyom', ['Artem', 'Artiom', 'Artjom', 'ARTYOM', 'Artëm']],
    ['Fyodor', ['Fedor', 'Fiodor', 'Fjodor']],
    ['Vasily', ['Vassily', 'Vasiliy', 'Vasilii', 'Vasilij']],
    ['Andrei', ['Andrey', 'Andrej']],
    ['Yury', ['Yuri', 'Iurii', 'Yuriy', 'Iouri']],
    ['Dmitry', ['Dmitri', 'Dmitriy', 'Dmitrii', 'Dmitrij']],
    ['Yevgeny', ['Evgeny', 'Evgenii', 'Yevgeniy']],
    ['Alexei', ['Aleksei', 'Alexey', 'Aleksey']],
    ['Lukyanov', ['Lukianov', 'Loukianov']],
    ['Timofeev', ['Timofeyev']],
    ['Maria', ['Mariya', 'Marya']],
    ['Natalya', ['Natalia', "Natal'ya"]],
    ['Zelenskyy', ['Zelensky', 'Zelenskiy', 'Zelenskii']],
    ['Kyrylo', ['Kirilo']],
    ['Yo-jong', ['Yo Jong', 'Yojong', 'yo-jong']],
    ['Moon', ['Mun']],
    ['Philipp', ['Filip']],
    ['Maxim', ['Maksim']],
  ];
  for (const [name, variants] of groups) {
    for (const v of variants) assert.equal(latinToKey(v), latinToKey(name), `${v} ~ ${name}`);
  }
});

test('latinToKey: different names keep different keys', () => {
  const pairs: [string, string][] = [
    ['Ivanov', 'Ivanova'],
    ['Alexander', 'Alexei'],
    ['Sergei', 'Sergeev'],
    ['Lavrov', 'Lavrova'],
    ['Song', 'Sung'],
    ['Kashin', 'Kushin'],
    ['Shirokov', 'Shirikov'],
  ];
  for (const [a, b] of pairs) assert.notEqual(latinToKey(a), latinToKey(b), `${a} vs ${b}`);
});

test('latinToKey: the folds the key space is built on', () => {
  const cases: [string, string][] = [
    ['Lavrov', 'ravrov'], // l = r, b/f/v/w one letter
    ['Kashin', 'kaSin'], // sh
    ['Zhebin', 'Jevin'], // zh
    ['Chernov', 'Cernov'], // ch
    ['Khrushchev', 'hruSCev'], // kh = h, shch
    ['Alexander', 'areksander'], // x = ks
    ['Anna', 'ana'], // doubled letters
    ['Kunadze', 'kunaze'], // dz = z
    ['Michael', 'mikaer'], // English ch spoken k
    ['John', 'Jon'], // silent h
    ['Oleh', 'oreh'], // but not in Oleh
    ['Jong', 'Jon'], // final -ng = ン
    ['Andreyev', 'andrev'], // glide between vowels
  ];
  for (const [input, key] of cases) assert.equal(latinToKey(input), key, input);
  assert.equal(latinToKey(''), '');
  assert.equal(latinToKey('  -- '), '');
  assert.throws(() => latinToKey(3 as unknown as string), /latinToKey: s must be a string/);
});

test('katakanaToLatinKeys: a reading of the katakana has the key of the Latin name', () => {
  const cases: [string, string][] = [
    ['アルチョム', 'Artyom'],
    ['アレクサンドル', 'Aleksandr'],
    ['コンスタンチン', 'Konstantin'],
    ['フョードル', 'Fyodor'],
    ['ワシリー', 'Vasily'],
    ['アンドレイ', 'Andrei'],
    ['ユーリー', 'Yury'],
    ['ラブロフ', 'Lavrov'],
    ['ラヴロフ', 'Lavrov'],
    ['トレーニン', 'Trenin'],
    ['ルキヤノフ', 'Lukyanov'],
    ['ルキャノフ', 'Lukyanov'],
    ['ザハロワ', 'Zakharova'],
    ['メドヴェージェフ', 'Medvedev'],
    ['ボルダチョフ', 'Bordachev'],
    ['ウラジーミル', 'Vladimir'],
    ['コロコリツェフ', 'Kolokoltsev'],
    ['イーゴリ', 'Igor'],
    ['フルシチョフ', 'Khrushchev'],
    ['ウォロディミル', 'Volodymyr'],
    ['ゼレンスキー', 'Zelensky'],
    ['エフゲニー', 'Yevgeny'],
    ['ヨジョン', 'Yo-jong'],
    ['キム', 'Kim'],
    ['ミシュスチン', 'Mishustin'],
    ['ストレリツォフ', 'Streltsov'],
    ['ソングォン', 'Son-gwon'],
    ['クナーゼ', 'Kunadze'],
    ['せるげい', 'Sergei'], // hiragana is read as katakana
    ['ｾﾙｹﾞｲ', 'Sergei'], // half-width katakana
  ];
  for (const [kana, latin] of cases) {
    const keys = katakanaToLatinKeys(kana);
    assert.ok(keys.includes(latinToKey(latin)), `${kana} should read as ${latin} (${latinToKey(latin)}); got ${keys.slice(0, 6)}`);
  }
});

test('katakanaToLatinKeys: unreadable input gives no keys, and the result is a fresh array', () => {
  assert.deepEqual(katakanaToLatinKeys(''), []);
  assert.deepEqual(katakanaToLatinKeys('Lavrov'), []);
  assert.deepEqual(katakanaToLatinKeys('露外相'), []);
  const a = katakanaToLatinKeys('ラブロフ');
  a.push('tampered');
  assert.ok(!katakanaToLatinKeys('ラブロフ').includes('tampered'));
  assert.throws(() => katakanaToLatinKeys(null as unknown as string), /katakanaToLatinKeys: s must be a string/);
});

test('katakanaToLatinKeys: different surnames do not share a key', () => {
  const pairs: [string, string][] = [
    ['イワノフ', 'Ivanova'],
    ['ソコロフ', 'Lukyanov'],
    ['ラブロフ', 'Lebedev'],
  ];
  for (const [kana, latin] of pairs) assert.ok(!katakanaToLatinKeys(kana).includes(latinToKey(latin)), `${kana} vs ${latin}`);
});

test('cyrillicToLatin: romanises Russian and Ukrainian names', () => {
  const cases: [string, string][] = [
    ['Артём Соколов', 'Artyom Sokolov'],
    ['Фёдор Лукьянов', 'Fyodor Lukyanov'],
    ['Андрей Ланьков', 'Andrey Lankov'],
    ['Евгений', 'Yevgeniy'],
    ['Горбачёв', 'Gorbachev'],
    ['Хрущёв', 'Khrushchev'],
    ['Наталья', 'Natalya'],
    ['Ильин', 'Ilyin'],
    ['Соловьёв', 'Solovyov'],
    ['Мария Захарова', 'Mariya Zakharova'],
    ['Юрий Ушаков', 'Yuriy Ushakov'],
    ['Андрій Сибіга', 'Andriy Sybiha'], // Ukrainian: г = h, и = y
    ['Олексій Резніков', 'Oleksiy Reznikov'],
    ['Єрмак', 'Yermak'],
    ['СОКОЛОВ', 'SOKOLOV'],
    ['Соколов (ИМЭМО)', 'Sokolov (IMEMO)'],
  ];
  for (const [cyr, latin] of cases) assert.equal(cyrillicToLatin(cyr), latin, cyr);
  // The key of the romanisation equals the key of the usual English spelling.
  assert.equal(latinToKey(cyrillicToLatin('Артём')), latinToKey('Artyom'));
  assert.equal(latinToKey(cyrillicToLatin('Василий')), latinToKey('Vasily'));
  assert.equal(latinToKey(cyrillicToLatin('Зеленський')), latinToKey('Zelenskyy'));
  assert.throws(() => cyrillicToLatin(undefined as unknown as string), /cyrillicToLatin: s must be a string/);
});

test('skeletonOf: the consonants two spellings of a surname must share', () => {
  const same: [string, string][] = [
    ['Alexander', 'アレクサンダー'], // English -er is ー
    ['Aleksandr', 'アレクサンドル'],
    ['Einhorn', 'アインホーン'],
    ['Igor', 'イーゴリ'],
    ['Oleh', 'Oleg'],
  ];
  const skeletons = (s: string): string[] =>
    (/[\u30A0-\u30FF]/.test(s) ? katakanaToLatinKeys(s) : [latinToKey(s)]).map(skeletonOf);
  for (const [a, b] of same) {
    const sb = new Set(skeletons(b));
    assert.ok(skeletons(a).some((s) => sb.has(s)), `${a} and ${b} share a skeleton`);
  }
  assert.equal(skeletonOf(latinToKey('Lavrov')), 'rvrv');
  assert.equal(skeletonOf(latinToKey('Ivanov')), skeletonOf(latinToKey('Ivanova')));
  assert.notEqual(skeletonOf(latinToKey('Ivanov')), skeletonOf(latinToKey('Ivashov')));
  // A key without consonants is its own skeleton, so Ri and O do not collide.
  assert.equal(skeletonOf('i'), '~i');
  assert.notEqual(skeletonOf('o'), skeletonOf('i'));
});

test('katakanaInitialLetters: what a katakana forename may be abbreviated to', () => {
  const cases: [string, string[], string[]][] = [
    ['アルチョム', ['a'], ['l', 'v']],
    ['ワシリー', ['v', 'w'], ['f']],
    ['フョードル', ['f'], ['v']],
    ['ユーリー', ['y', 'yu', 'iu', 'i'], ['a']],
    ['エフゲニー', ['e', 'ye', 'y'], ['a']],
    ['ジェービン', ['zh', 'z', 'j'], ['a']],
    ['レオニード', ['l', 'r'], ['n']],
  ];
  for (const [kana, yes, no] of cases) {
    const letters = katakanaInitialLetters(kana);
    for (const y of yes) assert.ok(letters.includes(y), `${kana} → ${y}`);
    for (const n of no) assert.ok(!letters.includes(n), `${kana} not → ${n}`);
  }
  assert.deepEqual(katakanaInitialLetters(''), []);
});
