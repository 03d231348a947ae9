import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import * as glossary from '../../src/core/extract/08-find-glossary.ts';
import { findGlossary, type FoundGloss } from '../../src/core/extract/08-find-glossary.ts';

const isLowSurrogate = (text: string, i: number): boolean => i < text.length && text.charCodeAt(i) >= 0xdc00 && text.charCodeAt(i) <= 0xdfff;

function checkInvariants(text: string, found: FoundGloss[]): void {
  const seen = new Set<string>();
  for (const g of found) {
    for (const [span, quote] of [[g.termSpan, g.term], [g.glossSpan, g.gloss]] as const) {
      assert.ok(Number.isInteger(span.start) && Number.isInteger(span.end));
      assert.ok(span.start >= 0 && span.start < span.end && span.end <= text.length, `span [${span.start}, ${span.end})`);
      assert.equal(text.slice(span.start, span.end), quote);
      assert.ok(!isLowSurrogate(text, span.start) && !isLowSurrogate(text, span.end), 'no surrogate pair is split');
    }
    const key = `${g.term}\u0000${g.gloss}`;
    assert.ok(!seen.has(key), `duplicate pair ${g.term} = ${g.gloss}`);
    seen.add(key);
  }
}

/** Runs findGlossary on NFKC-normalised text (what the caller passes) and returns [term, gloss] pairs. */
function run(input: string): [string, string][] {
  const text = input.normalize('NFKC');
  const found = findGlossary(text);
  checkInvariants(text, found);
  return found.map((g) => [g.term, g.gloss]);
}

test('exposes findGlossary', () => {
  assert.deepEqual(Object.keys(glossary), ['findGlossary']);
});

const pairs: [string, [string, string][]][] = [
  // a kanji or katakana term, then its Latin rendering (full-width parentheses in the source)
  ['同国は拒否的抑止論（Deterrence by Denial theory）に立つ。', [['拒否的抑止論', 'Deterrence by Denial theory']]],
  ['これはハイブリッド戦争(Hybrid Warfare)の典型である。', [['ハイブリッド戦争', 'Hybrid Warfare']]],
  ['海上民兵(maritime militia)の活動', [['海上民兵', 'maritime militia']]],
  // a katakana name and its Latin form; a post or affiliation before it is not part of the name
  ['マイケル・コフマン(Michael Kofman)は', [['マイケル・コフマン', 'Michael Kofman']]],
  ['戦略研究所上級研究員アンナ・ペトロワ(Anna Petrova)によれば', [['アンナ・ペトロワ', 'Anna Petrova']]],
  ['国防相カルポフ(Karpov)は', [['カルポフ', 'Karpov']]],
  // an initial between middle dots is part of the katakana name
  ['安全保障研究所長エレナ・V・ソコロワ(Elena V. Sokolova)は', [['エレナ・V・ソコロワ', 'Elena V. Sokolova']]],
  ['ポール・D・ミラー(Paul D. Miller)', [['ポール・D・ミラー', 'Paul D. Miller']]],
  // …but a katakana word that is part of an organisation's name stays in it
  ['ロシア科学アカデミー(Russian Academy of Sciences)', [['ロシア科学アカデミー', 'Russian Academy of Sciences']]],
  ['外交アカデミー(Diplomatic Academy)', [['外交アカデミー', 'Diplomatic Academy']]],
  // …nor does the katakana tail of a compound, or a name given as an acronym
  ['環球タイムズ(Huanqiu)によると', [['環球タイムズ', 'Huanqiu']]],
  ['中距離弾道ミサイル(IRBM)を', [['中距離弾道ミサイル', 'IRBM']]],
  ['合同参謀本部(합동참모본부)は', [['合同参謀本部', '합동참모본부']]],
  // a mixed katakana/kanji run, a run with ・
  ['ウラン濃縮施設(Uranium Enrichment Facility)が', [['ウラン濃縮施設', 'Uranium Enrichment Facility']]],
  ['同国は海洋安全保障・防衛協力会議(Maritime Security Dialogue 2025)に', [['海洋安全保障・防衛協力会議', 'Maritime Security Dialogue 2025']]],
  // the run stops at hiragana particles and at the counter of a number
  ['昨年には多国間海上演習(Pacific Shield 2023)を実施した。', [['多国間海上演習', 'Pacific Shield 2023']]],
  ['第2次トランプ政権(second Trump administration)', [['トランプ政権', 'second Trump administration']]],
  // inside 「…」 or 『…』 that the parenthesis closes, the term reaches back to the bracket
  ['同国は「戦略的曖昧さの終わり(End of Strategic Ambiguity)」を宣言した。', [['戦略的曖昧さの終わり', 'End of Strategic Ambiguity']]],
  ['『核の傘の再定義(Redefining the Nuclear Umbrella)』', [['核の傘の再定義', 'Redefining the Nuclear Umbrella']]],
  // a bracketed phrase just before the parenthesis
  ['「先制攻撃論」(preemption doctrine)', [['先制攻撃論', 'preemption doctrine']]],
  // Japanese against Japanese: a shared suffix, katakana against kanji
  ['北朝鮮の『ソングン政治(先軍政治)』は', [['ソングン政治', '先軍政治']]],
  ['いわゆるソングン政治(先軍政治)が', [['ソングン政治', '先軍政治']]],
  ['先軍政治(ソングン政治)', [['先軍政治', 'ソングン政治']]],
  // a Latin term inside Japanese prose, glossed in Japanese
  ['Pacific Shield 2023(多国間海上演習)が', [['Pacific Shield 2023', '多国間海上演習']]],
  ['Andrew Krepinevich(アンドリュー・クレピネヴィッチ)は', [['Andrew Krepinevich', 'アンドリュー・クレピネヴィッチ']]],
  // abbreviation: Expansion (Japanese gloss) gives two pairs
  [
    '『A2/AD:Anti-Access/Area Denial(接近阻止・領域拒否)』',
    [['A2/AD', 'Anti-Access/Area Denial'], ['Anti-Access/Area Denial', '接近阻止・領域拒否']],
  ],
  [
    '新たなIAMD:Integrated Air and Missile Defense(統合防空ミサイル防衛)を',
    [['IAMD', 'Integrated Air and Missile Defense'], ['Integrated Air and Missile Defense', '統合防空ミサイル防衛']],
  ],
  [
    '「ISR:Intelligence, Surveillance and Reconnaissance(情報・監視・偵察)」',
    [['ISR', 'Intelligence, Surveillance and Reconnaissance'], ['Intelligence, Surveillance and Reconnaissance', '情報・監視・偵察']],
  ],
  // acronyms
  ['統合防空ミサイル防衛(IAMD)の', [['統合防空ミサイル防衛', 'IAMD']]],
  ['北大西洋条約機構（NATO）', [['北大西洋条約機構', 'NATO']]],
  ['NATO(北大西洋条約機構)', [['NATO', '北大西洋条約機構']]],
  ['the so-called Anti-Access/Area Denial (A2/AD) posture', [['Anti-Access/Area Denial', 'A2/AD']]],
  ['the Shanghai Cooperation Organisation (SCO) met', [['Shanghai Cooperation Organisation', 'SCO']]],
  ['the Democratic People\'s Republic of Korea (DPRK) said', [['Democratic People\'s Republic of Korea', 'DPRK']]],
  // initials first (a letter before a digit repeats: C5ISR), then letters inside words (MoD)
  [
    'all of Command, Control, Communications, Computers, Cyber, Intelligence, Surveillance and Reconnaissance (C5ISR) links',
    [['Command, Control, Communications, Computers, Cyber, Intelligence, Surveillance and Reconnaissance', 'C5ISR']],
  ],
  ['the British Ministry of Defence (MoD) said', [['Ministry of Defence', 'MoD']]],
  ['the Group of Twenty (G20) summit', [['Group of Twenty', 'G20']]],
  ['weapons of mass destruction (WMD)', [['weapons of mass destruction', 'WMD']]],
  ['the IAMD (Integrated Air and Missile Defense) network', [['IAMD', 'Integrated Air and Missile Defense']]],
  ['統合防空ミサイル防衛(IAMD: Integrated Air and Missile Defense)', [
    ['統合防空ミサイル防衛', 'Integrated Air and Missile Defense'],
    ['IAMD', 'Integrated Air and Missile Defense'],
  ]],
  // English prose: the term is the capitalised tail, with one head noun
  ['As argued by Andrew Krepinevich (アンドリュー・クレピネヴィッチ), the', [['Andrew Krepinevich', 'アンドリュー・クレピネヴィッチ']]],
  ['a so-called Songun politics (先軍政治) in', [['Songun politics', '先軍政治']]],
  // one name in two alphabets
  ['Дмитрий Тренин (Dmitri Trenin)', [['Дмитрий Тренин', 'Dmitri Trenin']]],
  ['トレーニン(Дмитрий Тренин)', [['トレーニン', 'Дмитрий Тренин']]],
  // an emoji before the term is not part of it (nor half of it)
  ['😀海上民兵(maritime militia)', [['海上民兵', 'maritime militia']]],
  ['𠮷野家連合(Yoshinoya Union)', [['𠮷野家連合', 'Yoshinoya Union']]],
  // identical pairs once
  ['海上民兵(maritime militia)と、再び海上民兵(maritime militia)', [['海上民兵', 'maritime militia']]],
];

test('glosses', () => {
  for (const [input, expected] of pairs) assert.deepEqual(run(input), expected, input);
});

const notGlosses: string[] = [
  // numbering, years, dates, footnote references
  '(1)はじめに',
  '(2)核戦力',
  '報告書(2024)',
  '演習(2024年8月)',
  '会談(令和6年)',
  '資料(注7)',
  '図(表2)',
  '同盟(i)',
  '訓練(5回)',
  '射程(km)',
  // asides in Japanese: different content, no shared suffix
  '日米同盟(プラス豪州)',
  '日米同盟(プラス韓国)',
  '同国(ロシア)',
  '同氏(ペトロワ)',
  '兵器(ミサイル等)',
  'それは冗談だ(笑)',
  '中略(略)',
  '国家防衛戦略(以下、防衛戦略と記す)',
  '国家防衛戦略(以下NDS)',
  '翻訳(筆者訳)',
  '窺(うかが)える',
  'ミサイル(複数)',
  // clauses
  '理論(彼らはそれを認めていないが、実際には依存している)',
  '主張(Moscow has never accepted this view and is unlikely to accept it in the future)',
  '「ロシアは信頼できる相手だ(Russia is a reliable partner)」',
  // citations, references and asides in English
  '勢力均衡論(Mearsheimer 2001)',
  '勢力均衡論(Mearsheimer, 2001: 42)',
  '勢力均衡論(Snyder and Diesing 1977)',
  '同書(p. 45)',
  '同誌(No. 12)',
  '誤り(sic)',
  '同上(ibid.)',
  'ロシア外務省(https://www.example.org/statement)',
  'see the annex (page 3) of',
  'North Korea (DPRK)',
  'the treaty (signed in Moscow) said',
  // no term before the parenthesis, or a term too short
  'と述べた(he said)',
  '誌(Journal)',
  '(Hybrid Warfare)',
  // a footnote marker between term and parenthesis
  '拒否的抑止論12(Deterrence by Denial)',
  // an open series ends in a middle dot
  'A・K・(abc)',
  // a weekday
  '2024年11月5日(火)',
];

test('not glosses', () => {
  for (const input of notGlosses) assert.deepEqual(run(input), [], input);
});

test('spans point into the text', () => {
  const text = 'ロシアは「戦略的曖昧さの終わり(End of Strategic Ambiguity)」を掲げ、海上民兵(maritime militia)を増強した。';
  const found = findGlossary(text);
  checkInvariants(text, found);
  const at = (quote: string) => ({ start: text.indexOf(quote), end: text.indexOf(quote) + quote.length });
  assert.deepEqual(
    found.map((g) => [g.termSpan, g.glossSpan]),
    [
      [at('戦略的曖昧さの終わり'), at('End of Strategic Ambiguity')],
      [at('海上民兵'), at('maritime militia')],
    ],
  );
  assert.deepEqual(at('海上民兵'), { start: 48, end: 52 });
});

test('property: any text yields valid spans and unique pairs', () => {
  const pieces = fc.constantFrom(
    '(', ')', '「', '」', '『', '』', ':', ',', ' ', 'の', 'は', '・', 'ー', '防衛', '政策', 'ミサイル', 'ソングン', '先軍', '政治',
    'NATO', 'A2/AD', 'Anti', 'Access', 'Defense', 'the ', 'of ', '2024', '年', '12', '\n', '😀', '𠮷', '、', '。',
  );
  fc.assert(
    fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.array(pieces, { maxLength: 40 }).map((a) => a.join(''))), (s) => {
      const text = s.normalize('NFKC');
      checkInvariants(text, findGlossary(text));
    }),
    { numRuns: 2000, seed: 396 },
  );
});

test('stays linear on a large input', () => {
  // Japanese and Latin runs, a clause in brackets, numbering: every path that looks back from a parenthesis.
  const chunk =
    'ロシアは海上民兵(maritime militia)を(1)増強し、「' + 'あ'.repeat(30) + '(' + 'word '.repeat(30) + ')」。' +
    '\nThe Pacific Fleet (太平洋艦隊) grew (see annex) in the Sea of Japan (SOJ).\n';
  const text = chunk.repeat(10000); // about 2 MB
  const t0 = performance.now();
  const found = findGlossary(text);
  const ms = performance.now() - t0;
  assert.deepEqual(found.map((g) => [g.term, g.gloss]), [['海上民兵', 'maritime militia'], ['Pacific Fleet', '太平洋艦隊'], ['Sea of Japan', 'SOJ']]);
  assert.ok(ms < 5000, `took ${ms.toFixed(0)} ms`);
});
