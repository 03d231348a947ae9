/**
 * Blocks and the outline (passes 1 and 2): the title block and its metadata, the byline, headings on two
 * levels, trailing blocks, paragraphs. Table-driven per rule, through `analyze` so that every span is checked
 * in the original text; texts written for these tests.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../src/core/analyze.ts';
import { splitBlocks, splitLines } from '../../src/core/segment/01-split-blocks.ts';
import type { Analysis, BlockKind, DocumentInfo } from '../../src/core/model/schema.ts';
import { checkAnalysis } from '../property/_check-analysis.ts';

function run(text: string, options: Parameters<typeof analyze>[1] = {}): Analysis {
  const a = analyze(text, options);
  checkAnalysis(a, text);
  return a;
}

/** [kind, text] of every block, in order. */
function kinds(a: Analysis, text: string): [BlockKind, string][] {
  return a.blocks.map((b) => [b.kind, text.slice(b.start, b.end)]);
}

/** [level, heading, trailer] of every section. */
function outline(a: Analysis): [number, string, boolean][] {
  return a.sections.map((s) => [s.level, s.heading, s.trailer]);
}

// ------------------------------------------------------------------------------------------ title block

const body = '\nはじめに\n本稿では近年の動向を整理する。\n';

const titles: { name: string; text: string; document: Partial<DocumentInfo> }[] = [
  {
    name: 'one line: series, 第N号, date, title —— subtitle',
    text: `国際安全保障コメンタリー 第45号 2025年6月2日 揺らぐ核抑止の信頼性 —— 欧州の研究者の議論から${body}`,
    document: {
      series: '国際安全保障コメンタリー', number: '45', date: '2025-06-02',
      title: '揺らぐ核抑止の信頼性 —— 欧州の研究者の議論から', subtitle: '欧州の研究者の議論から', language: 'ja',
    },
  },
  {
    name: 'subtitle after ―― (U+2015, kept by NFKC) with full-width digits and ideographic spaces',
    text: `防衛政策ノート　第３号　２０２５年２月３日　無人機と抑止――ウクライナの教訓${body}`,
    document: { series: '防衛政策ノート', number: '3', date: '2025-02-03', title: '無人機と抑止――ウクライナの教訓', subtitle: 'ウクライナの教訓' },
  },
  {
    name: 'a title block over three lines: series, then number and an era date, then the title',
    text: `防衛戦略ブリーフ\n第8号　令和7年3月1日\n同盟の信頼性 ―― 拡大抑止の再検討${body}`,
    document: { series: '防衛戦略ブリーフ', number: '8', date: '2025-03-01', title: '同盟の信頼性 ―― 拡大抑止の再検討', subtitle: '拡大抑止の再検討' },
  },
  {
    name: 'English: "Commentary No. 5 | 3 March 2025 | Title: Subtitle"',
    text: 'Commentary No. 5 | 3 March 2025 | Deterrence at Sea: Lessons from the Baltic\n\nIntroduction\n\nThe fleet has been stretched thin for years. Its bases are old.\n',
    document: {
      series: 'Commentary', number: '5', date: '2025-03-03',
      title: 'Deterrence at Sea: Lessons from the Baltic', subtitle: 'Lessons from the Baltic', language: 'en',
    },
  },
  {
    name: 'English with a month-first date',
    text: 'Sea Lanes Brief No. 12 | September 9, 2025 | Cables Under Threat\n\nOverview\n\nCables carry most of the data. Repair ships are few.\n',
    document: { series: 'Sea Lanes Brief', number: '12', date: '2025-09-09', title: 'Cables Under Threat' },
  },
  {
    name: 'Markdown: the # title reads without its marks; metadata on the next line',
    text: '# 北極海をめぐる中国の関与 —— 研究者の見方\n\n海洋安全保障レポート 第27号 2024年11月8日\n\n## はじめに\n\n中国は北極政策を公表した。\n',
    document: { series: '海洋安全保障レポート', number: '27', date: '2024-11-08', title: '北極海をめぐる中国の関与 —— 研究者の見方', subtitle: '研究者の見方' },
  },
  {
    name: 'no metadata: the first line alone is the title',
    text: `宇宙領域の安全保障${body}`,
    document: { series: null, number: null, date: null, title: '宇宙領域の安全保障', subtitle: null },
  },
  {
    name: 'prose in the first line is no title (a 。 inside the line)',
    text: '同国は新たな戦略を公表した。その内容は注目に値する(詳細は後述)\n次の段落である。\n',
    document: { title: null, series: null },
  },
];

for (const c of titles) {
  test(`title block: ${c.name}`, () => {
    const a = run(c.text);
    for (const [key, value] of Object.entries(c.document)) assert.deepEqual(a.document[key as keyof DocumentInfo], value, key);
    if (c.document.title) assert.equal(a.blocks[0]!.kind, 'title');
  });
}

// ------------------------------------------------------------------------------------------ byline

const head = '安全保障コメンタリー 第12号 2025年4月15日 極東の軍事態勢\n';
const rest = 'はじめに\n本稿は極東の軍事態勢を論じる。\n';

const bylines: { name: string; text: string; authors: DocumentInfo['authors']; bylineBlocks: number }[] = [
  {
    name: 'bulleted post line, then the name',
    text: `${head}・政策研究部 主任研究員\n・佐藤 健一\n${rest}`,
    authors: [{ name: '佐藤 健一', organization: '政策研究部', title: '主任研究員' }],
    bylineBlocks: 2,
  },
  {
    name: 'two authors, each name followed by a post line (- bullets)',
    text: `${head}- 佐藤 健一\n- 防衛研究所 主任研究員\n- 鈴木 花子\n- 東京政策大学 教授\n${rest}`,
    authors: [
      { name: '佐藤 健一', organization: '防衛研究所', title: '主任研究員' },
      { name: '鈴木 花子', organization: '東京政策大学', title: '教授' },
    ],
    bylineBlocks: 4,
  },
  {
    name: 'name and post on one line, separated by 、',
    text: `${head}・田中 一郎、防衛研究所 主任研究員\n${rest}`,
    authors: [{ name: '田中 一郎', organization: '防衛研究所', title: '主任研究員' }],
    bylineBlocks: 1,
  },
  {
    name: 'an unbulleted name line with a space',
    text: `${head}山本 陽子\n${rest}`,
    authors: [{ name: '山本 陽子', organization: null, title: null }],
    bylineBlocks: 1,
  },
  {
    name: 'English "By Name, Post, Organisation"',
    text: 'Commentary No. 5 | 3 March 2025 | Deterrence at Sea\n\nBy Helen Marsh, Senior Fellow, Institute for Maritime Studies\n\nIntroduction\n\nThe fleet is stretched thin. Its bases are old.\n',
    authors: [{ name: 'Helen Marsh', organization: 'Institute for Maritime Studies', title: 'Senior Fellow' }],
    bylineBlocks: 1,
  },
  {
    name: 'a two-kanji heading with prose after it is no author',
    text: `${head}概要\n本稿は極東の軍事態勢を論じる。\n`,
    authors: [],
    bylineBlocks: 0,
  },
];

for (const c of bylines) {
  test(`byline: ${c.name}`, () => {
    const a = run(c.text);
    assert.deepEqual(a.document.authors, c.authors);
    assert.equal(a.blocks.filter((b) => b.kind === 'byline').length, c.bylineBlocks);
  });
}

// ------------------------------------------------------------------------------------------ headings

const headings: { name: string; text: string; outline: [number, string, boolean][]; format?: 'markdown' }[] = [
  {
    name: 'plain heading lines are level 1; (1) and （２） sub-headings level 2',
    text: `${head}はじめに\n本稿は三つの論点を扱う。\n研究者の議論\n議論は二つに分かれる。\n(1)経済面\n財政の制約が大きい。\n（２）軍事面\n兵力の転用が続く。\nおわりに\n今後も注視したい。\n`,
    outline: [[1, 'はじめに', false], [1, '研究者の議論', false], [2, '(1)経済面', false], [2, '（２）軍事面', false], [1, 'おわりに', false]],
  },
  {
    name: '1．, 第1章 and ■ headings are numbered sub-headings (level 2 under a plain one)',
    text: `${head}はじめに\n本稿は三つの論点を扱う。\n1．背景\n背景を述べる。\n第2章 分析\n分析を行う。\n■ 日本への含意\n含意を述べる。\n`,
    outline: [[1, 'はじめに', false], [2, '1．背景', false], [2, '第2章 分析', false], [2, '■ 日本への含意', false]],
  },
  {
    name: 'with numbered headings only, they are the top level',
    text: `${head}(1)経済面\n財政の制約が大きい。\n(2)軍事面\n兵力の転用が続く。\n`,
    outline: [[1, '(1)経済面', false], [1, '(2)軍事面', false]],
  },
  {
    name: 'a line ending in 。, or in a marker glued to the text, is no heading',
    text: `${head}はじめに\n演習は続いている。\n兵力は減少傾向にある3\n次の段落である。\n`,
    outline: [[1, 'はじめに', false]],
  },
  {
    name: 'the last line of the document is no heading (nothing follows it)',
    text: `${head}はじめに\n演習は続いている。\n以上`,
    outline: [[1, 'はじめに', false]],
  },
  {
    name: 'Markdown: ## is the top level under a # title, ### below it',
    text: '# 北極海と中国\n\n海洋安全保障レポート 第27号 2024年11月8日\n\n## はじめに\n\n中国は北極政策を公表した。\n\n### 経済面\n\n航路は未整備である。\n\n## おわりに\n\n注視が必要である。\n',
    outline: [[1, 'はじめに', false], [2, '経済面', false], [1, 'おわりに', false]],
    format: 'markdown',
  },
  {
    name: 'English heading lines between paragraphs',
    text: 'Commentary No. 5 | 3 March 2025 | Deterrence at Sea\n\nIntroduction\n\nThe fleet is stretched thin. Its bases are old.\n\nThe Baltic Picture\n\nThe alliance held a large drill. It went well.\n',
    outline: [[1, 'Introduction', false], [1, 'The Baltic Picture', false]],
  },
];

for (const c of headings) {
  test(`headings: ${c.name}`, () => {
    const a = run(c.text, { format: c.format });
    assert.deepEqual(outline(a), c.outline);
    // Each section's heading is where it starts, and sub-sections name their parent.
    for (const s of a.sections) {
      assert.ok(c.text.slice(s.start, s.headingEnd).includes(s.heading));
      if (s.level > 1) assert.equal(a.sections[s.parent!]!.level, s.level - 1);
    }
  });
}

// ------------------------------------------------------------------------------------------ trailing blocks

const trailers: { name: string; text: string; outline: [number, string, boolean][]; kinds: BlockKind[] }[] = [
  {
    name: '注 with numbered notes, then プロフィール',
    text: `${head}はじめに\n演習は続いている1。\n注\n1 防衛省資料、2024年。\nプロフィール\n佐藤健一 防衛研究所主任研究員\n`,
    outline: [[1, 'はじめに', false], [1, '注', true], [1, 'プロフィール', true]],
    kinds: ['title', 'heading', 'paragraph', 'trailer-heading', 'note', 'trailer-heading', 'trailer'],
  },
  {
    name: '参考文献: short reference lines under it are not headings',
    text: `${head}はじめに\n演習は続いている。\n参考文献\n山田太郎『抑止の理論』2020年\n田中一郎「同盟の将来」\n`,
    outline: [[1, 'はじめに', false], [1, '参考文献', true]],
    kinds: ['title', 'heading', 'paragraph', 'trailer-heading', 'trailer', 'trailer'],
  },
  {
    name: 'English Notes and References',
    text: 'Commentary No. 5 | 3 March 2025 | Deterrence at Sea\n\nIntroduction\n\nThe fleet is stretched thin.1 Its bases are old.2\n\nNotes\n\n1. Interview, 2024.\n\n2. Navy report, 2023.\n\nReferences\n\nSmith, J. Sea Power Today\n',
    outline: [[1, 'Introduction', false], [1, 'Notes', true], [1, 'References', true]],
    kinds: ['title', 'heading', 'paragraph', 'trailer-heading', 'note', 'note', 'trailer-heading', 'trailer'],
  },
  {
    name: 'Profile (English word in a Japanese text)',
    text: `${head}はじめに\n演習は続いている。\nProfile\n佐藤健一 防衛研究所主任研究員\n`,
    outline: [[1, 'はじめに', false], [1, 'Profile', true]],
    kinds: ['title', 'heading', 'paragraph', 'trailer-heading', 'trailer'],
  },
];

for (const c of trailers) {
  test(`trailing blocks: ${c.name}`, () => {
    const a = run(c.text);
    assert.deepEqual(outline(a), c.outline);
    assert.deepEqual(a.blocks.map((b) => b.kind), c.kinds);
  });
}

// ------------------------------------------------------------------------------------------ raw blocks

test('line mode: each line of Japanese text is a block; CRLF, CR and LF all end a line', () => {
  const text = '一行目である。\r\n二行目である。\r三行目である。\n四行目';
  const blocks = splitBlocks(text, splitLines(text)).map((b) => text.slice(b.start, b.end));
  assert.deepEqual(blocks, ['一行目である。', '二行目である。', '三行目である。', '四行目']);
});

test('paragraph mode: wrapped lines separated by blank lines join, list items and # headings start blocks', () => {
  const text = '## Heading\nThe first paragraph\nwraps over two lines.\n\n- a list item\n- another item\n\nThe second paragraph.\n\n[^1]: A note.\n[^2]: Another note.';
  const blocks = splitBlocks(text, splitLines(text)).map((b) => text.slice(b.start, b.end));
  assert.deepEqual(blocks, [
    '## Heading',
    'The first paragraph\nwraps over two lines.',
    '- a list item',
    '- another item',
    'The second paragraph.',
    '[^1]: A note.',
    '[^2]: Another note.',
  ]);
});

test('white space at line ends (ideographic spaces, tabs, a BOM) is not part of a block', () => {
  const text = '\uFEFF　題名\t\n　本文である。　';
  const a = run(text);
  assert.deepEqual(kinds(a, text), [['title', '題名'], ['paragraph', '本文である。']]);
});

test('list items (・, -, 1. ) are list-item blocks whose content starts after the bullet', () => {
  const text = `${head}はじめに\n論点は次のとおり。\n・抑止の信頼性\n・同盟の結束\n`;
  const a = run(text);
  assert.deepEqual(kinds(a, text).slice(-2), [['list-item', '・抑止の信頼性'], ['list-item', '・同盟の結束']]);
});

test('blocks hold the section they belong to', () => {
  const text = `${head}はじめに\n本文である。\n(1)経済面\n財政が苦しい。\n`;
  const a = run(text);
  assert.deepEqual(a.blocks.map((b) => b.section), [null, 0, 0, 1, 1]);
  assert.equal(a.sections[1]!.parent, 0);
  // A section ends where the next one at its level (or above) starts, without trailing white space.
  assert.equal(a.sections[0]!.end, text.trimEnd().length);
  assert.equal(a.sections[1]!.end, text.trimEnd().length);
});

test('an empty text has no blocks and says so', () => {
  const a = run('  \n\n ');
  assert.deepEqual(a.blocks, []);
  assert.equal(a.messages[0]?.ruleId, 'empty');
});

test('numbered headings only: the numbering style met first is the top level, the next one below it', () => {
  const a = analyze('研究ノート 第3号 2025年1月1日 題名\n1．はじめに\n本文である。\n2．論点\n(1)第一の論点\n本文である。\n(2)第二の論点\n本文である。\n3．おわりに\n本文である。\n');
  assert.deepEqual(a.sections.map((s) => [s.heading, s.level]), [['1．はじめに', 1], ['2．論点', 1], ['(1)第一の論点', 2], ['(2)第二の論点', 2], ['3．おわりに', 1]]);
});

test('hard-wrapped text (lines cut mid-sentence at a fixed width) reads like the same text with a paragraph per line', () => {
  const paragraphs = [
    '研究ノート 第8号 2025年6月1日 北方の演習 —— 研究者の評価',
    'はじめに',
    '極東の演習は年々規模を拡大しており、周辺国の警戒を招いている1。本稿では、研究者による評価を手がかりに、その狙いと限界について考察していく。',
    '評価',
    '極東国立大学イーゴリ・N・ソロキンは、太平洋艦隊の近代化は予算の制約により大幅に遅れていると分析している2。同氏によれば、「新型艦の就役は早くても数年先であり、主力は当面旧式艦のままである」3。',
    '国際問題評議会上級研究員マリーナ・V・オルロフスカヤは、極東の兵力は西部への転用によって明らかに手薄になっていると強調した4。さらに、演習の規模は過去十年で最小であると語った5。',
  ];
  // The same text, each long paragraph cut every 30 characters.
  const { a, b } = flatAndWrapped(paragraphs, '\n', 30);
  assert.deepEqual(b.sections.map((s) => s.heading), a.sections.map((s) => s.heading));
  assert.deepEqual(b.footnotes.map((f) => f.n), a.footnotes.map((f) => f.n));
  assert.deepEqual(claimsOf(b), claimsOf(a));
  assert.ok(claimsOf(a).length >= 4, 'the flat text has claims to compare');
});

test('hard-wrapped paragraphs with blank lines between them (a copied news page) are folded too', () => {
  const paragraphs = [
    '港湾再編、年内に結論へ',
    ' 北浜港湾公社の森川健一総裁は12日の記者会見で、荷動きが鈍る中、「再編の結論は年内に出したい」と述べた。岸壁の統合については「国の補助が前提になる」とした。',
    ' 南洋総合研究所の早瀬真理主任研究員は、「統合で年間の維持費は二割ほど減る」と分析している。その上で、地元の雇用への配慮が欠かせないと指摘した。',
    ' 公社は来月にも有識者会議を開く。会議では、統合の順序と費用の分担が主な論点になる見通しだ。',
  ];
  const { a, b } = flatAndWrapped(paragraphs, '\n\n', 28);
  assert.deepEqual(claimsOf(b), claimsOf(a));
  assert.ok(claimsOf(a).length >= 4, claimsOf(a).join(' / '));
});

/** The paragraphs analysed as written (a) and with each long one cut every `width` characters (b, checked). */
function flatAndWrapped(paragraphs: string[], between: string, width: number): { a: Analysis; b: Analysis } {
  const flat = `${paragraphs.join(between)}\n`;
  const wrapped = `${paragraphs.map((p) => (p.length > 40 ? p.match(new RegExp(`.{1,${width}}`, 'gu'))!.join('\n') : p)).join(between)}\n`;
  const b = analyze(wrapped);
  checkAnalysis(b, wrapped);
  return { a: analyze(flat), b };
}

/** Each claim as its first speaker's name and its content with line breaks taken out. */
function claimsOf(x: Analysis): string[] {
  return x.attributions.map((t) => `${x.people.find((p) => p.id === t.speakers[0])?.name}: ${t.content.text.replace(/\n/g, '')}`);
}

test('a line opening with a particle runs on from the short lines of a name broken off its sentence; はじめに opens its own line', async () => {
  const { hardWrapJoins } = await import('../../src/core/segment/01-split-blocks.ts');
  const broken = '北辰総合研究所の首席エコノミスト\n森川健一氏\nはリポートで、景気は持ち直すと述べた。\n';
  const joins = hardWrapJoins(broken);
  assert.deepEqual([...joins.keys()].sort((a, b) => a - b), [broken.indexOf('\n'), broken.indexOf('\n', broken.indexOf('\n') + 1)]);
  assert.equal(hardWrapJoins('研究員\n森川 健一\nはじめに\n本稿は景気を論じる。\n').size, 0);
});
