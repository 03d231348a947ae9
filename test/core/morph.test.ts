/**
 * The hand-written lattice and search give kuromoji's tokens: every text here, and seeded random strings, are
 * tokenised by the analyser and by the kuromoji-based path it replaced (./_kuromoji-reference.ts), and the tokens
 * must be the same. The texts are written for the project (invented people, outlets and events).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { defaultJaTokenizer, jaTokenizerLoadMs, loadKuromoji } from '../../src/core/morph/kuromoji.ts';
import type { JaToken } from '../../src/core/morph/tokens.ts';
import { loadReferenceTokenizer } from './_kuromoji-reference.ts';

const analyser = defaultJaTokenizer();
const reference = loadReferenceTokenizer();

/** The tokens tile the text, each surface is its slice. */
function assertTiles(text: string, tokens: JaToken[]): void {
  let at = 0;
  for (const t of tokens) {
    assert.equal(t.start, at);
    assert.ok(t.end > t.start, `empty token at ${at}`);
    assert.equal(text.slice(t.start, t.end), t.surface);
    at = t.end;
  }
  assert.equal(at, text.length);
}

/** Same tokens as the reference; on a difference, names the first token that differs. */
function assertSame(text: string): void {
  const want = reference.tokenize(text);
  const got = analyser.tokenize(text);
  assertTiles(text, got);
  const i = want.findIndex((t, k) => JSON.stringify(t) !== JSON.stringify(got[k]));
  assert.equal(i, -1, i < 0 ? '' : `token ${i} of ${JSON.stringify(text.slice(0, 80))}: ${JSON.stringify(got[i])} ≠ ${JSON.stringify(want[i])}`);
  assert.equal(got.length, want.length);
}

const TEXTS: Record<string, string> = {
  'news lead': '政府は１２日の閣議で、新たな経済安全保障推進計画を決定した。北浜総合研究所の大槻玲子主任研究員は「供給網の脆弱性を放置すれば、有事の際に国民生活が立ち行かなくなる」と指摘する。',
  'commentary with conjugations': '防衛当局者によれば、演習の規模は昨年を大きく上回っており、周辺国の警戒を招きかねないという。だが、専門家の間では、実戦能力は必ずしも向上していないとの見方が根強い。',
  'katakana loanwords': 'サプライチェーンの強靱化やデジタルトランスフォーメーション（ＤＸ）の推進、グリーンインフラへの投資をめぐって、ステークホルダー間のコンセンサス形成が課題となっている。',
  'Latin names and acronyms': '米シンクタンク「Pacific Policy Forum」のマーガレット・ホールデン上級研究員（Margaret Holden）は、NATOとASEANの協力について“a fragile but real convergence”だと評した。',
  'digits and units': '2025年度予算案では、防衛関係費が前年度比16.5%増の8兆1,200億円となり、GDP比は1.8％に達する見込みだ。為替は1ドル＝152円40銭前後で推移した。',
  'full-width Latin and digits': 'ＡＩ規制をめぐるＧ７の合意文書は全１２項目で、ＵＲＬはｈｔｔｐｓ：／／ｅｘａｍｐｌｅ．ｊｐ／ｒｅｐｏｒｔ／２０２５に掲載された。',
  'emoji and supplementary kanji': 'SNSでは「#物価高😱」が拡散し、𠮷田屋の値上げや🍚の価格、🇯🇵の旗を掲げた投稿👍🏽が話題になった。𩸽の漁獲量も過去最低だ👨‍👩‍👧。',
  'ruby-like brackets': '紛争《ふんそう》の長期化は、抑止力（よくしりょく）の信頼性を揺るがす。｜瀬戸際《せとぎわ》外交、【速報】〈解説〉〔注〕［図表３］も参照。',
  'nested quotations': '同氏は「首脳会談で『譲歩はない』と明言したのは、国内向けの発信だった」と振り返り、「次の交渉では『段階的な合意』が現実的だ」と語った。',
  'half-width katakana, Greek, Cyrillic': 'ｶﾌﾞｼｷｶﾞｲｼｬの株価はΔ３％、α版の公開後にβテストへ移行した。ロシア語の略称はМИД、人名はИванов。',
  'symbols and punctuation runs': '……――〜〜！？!!??※★☆♪→←↑↓①②③㈱㍿℃％‰§¶',
  'line breaks and tabs': '見出し：外交青書\r\n本文\tでは、対話の継続を強調した。\n\n（了）\r\n',
  'numerals in kanji': '三十五万人が参加し、二〇二四年には百二十億円規模の補正予算が組まれた。第一四半期の伸びは〇・八％だった。',
  'a long run of kanji': '国家安全保障戦略防衛力整備計画経済安全保障推進法重要物資安定供給確保基本指針特定重要技術研究開発促進事業官民協議会設置要綱改正案閣議決定首相官邸危機管理監内閣官房副長官補付',
};

for (const [name, text] of Object.entries(TEXTS)) {
  test(`the same tokens as the kuromoji-based path: ${name}`, () => {
    assertSame(text);
  });
}

test('the same tokens over long lines cut into pieces (no 。, spaces, surrogates at the cuts)', () => {
  const clause = '協力の枠組みは段階的に拡大しており当局者は慎重な姿勢を崩していない';
  const lines = [
    // No 、。 and no space: cut at 512 code units.
    clause.repeat(40),
    // Spaces: cut after the last space in the second half of a piece.
    Array.from({ length: 60 }, (_, i) => `第${i}回会合で${clause}`).join(' '),
    Array.from({ length: 60 }, (_, i) => `議題${i}\u3000${clause}`).join(''),
    // Emoji at every offset across the 512-unit cut and the 48-unit key window.
    ...Array.from({ length: 60 }, (_, k) => 'あ'.repeat(470 + k) + '😀' + clause.repeat(3)),
    ...Array.from({ length: 50 }, (_, k) => 'x'.repeat(k) + '𠮷'.repeat(30) + 'ヨシダ'.repeat(20)),
    // Long unknown-word runs (grouped up to the key window).
    'ａ'.repeat(700),
    'Ж'.repeat(600) + 'です',
    '😀'.repeat(400),
  ];
  for (const line of lines) assertSame(line);
});

test('an emoji or Extension B kanji anywhere in a piece is one token', () => {
  // 47 code units in, the 48-unit key window used to end between the halves of the pair.
  for (const [text, last] of [['あ'.repeat(47) + '😀です', '😀'], ['その店は'.repeat(12) + '𠮷田屋だ', '𠮷']] as const) {
    assertSame(text);
    assert.ok(analyser.tokenize(text).some((t) => t.surface.startsWith(last)));
  }
});

test('inputs kuromoji threw on are tokenised', () => {
  // U+0000 is byte 0, the trie's end-of-key mark: kuromoji walked it and looked up an entry that is not there.
  const nul = analyser.tokenize('日本\u0000です');
  assert.deepEqual(nul.map((t) => [t.surface, t.pos, t.known]), [['日本', '名詞', true], ['\u0000', '記号', false], ['です', '助動詞', true]]);
  // A lone high surrogate: kuromoji's UTF-8 encoder returned null.
  for (const text of ['\ud800', '改革\ud800案', '\udbff\udbff\udc00です', '😀\ud800']) assertTiles(text, analyser.tokenize(text));
});

test('the same tokens on seeded random strings over a mixed alphabet', () => {
  // A few kinds of character per string: unknown-word runs of mixed classes are where equal path costs show up.
  const kinds = [
    '日本政府外交安全保障研究所長官首相発表述指摘問題経済協力会議防衛省', '一二三十百千万億〇々', 'のはがをにでとへもやかなるれたしいうえおっゃゅょ',
    'アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモラリルレロワンーヴァィッ', 'ｱｲｳｴｵｶｷｸｹｺﾞﾟｰ',
    'abcdefghijkmnopqrstuvwxyzKLMXYZ', '0123456789', '０１２３ＡＢＣａｂｃ', 'αβγδΔΩ', 'абвгдЖЯ',
    '、。「」『』（）《》【】・：？！…―〜', ' \u3000\t\n.,!?-\'"()/&%#', '😀👍🏽𠮷🇯🇵𩸽🤔',
  ].map((kind) => [...kind]);
  const text = fc.subarray(kinds, { minLength: 1, maxLength: 4 }).chain((chosen) => fc.string({ unit: fc.constantFrom(...chosen.flat()), maxLength: 900, size: 'max' }));
  fc.assert(fc.property(text, (t) => { assertSame(t); }), { seed: 4096, numRuns: 400 });
});

test('any UTF-16 string, lone surrogates included, is tiled; the same tokens wherever the reference runs', () => {
  let compared = 0;
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 200, size: 'max' }), (text) => {
      const got = analyser.tokenize(text);
      assertTiles(text, got);
      let want: JaToken[];
      try {
        want = reference.tokenize(text);
      } catch {
        // kuromoji throws on a lone high surrogate and on U+0000.
        return;
      }
      compared++;
      assert.deepEqual(got, want);
    }),
    { seed: 1729, numRuns: 300 },
  );
  assert.ok(compared > 100, `only ${compared} strings compared`);
});

test('the public API: one shared analyser, its load time, a fresh loader', () => {
  assert.equal(defaultJaTokenizer(), analyser);
  assert.ok(jaTokenizerLoadMs() > 0);
  const { tokenizer, loadMs } = loadKuromoji();
  assert.ok(loadMs > 0);
  assert.deepEqual(tokenizer.tokenize('首相は述べた。'), analyser.tokenize('首相は述べた。'));
  assert.deepEqual(analyser.tokenize(''), []);
});

test('an offset moves every span by it and changes nothing else', () => {
  const tokenizer = defaultJaTokenizer();
  const text = '北辰大学の戸川誠司教授は「協力は続く」と述べた。';
  const plain = tokenizer.tokenize(text);
  const moved = tokenizer.tokenize(text, 1234);
  assert.deepEqual(moved, plain.map((t) => ({ ...t, start: t.start + 1234, end: t.end + 1234 })));
});
