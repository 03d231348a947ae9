/**
 * The codebook: its schema (every bad edit named with its place), the default codebook's domains and
 * lenses each found in claims written for this test (security-policy commentary, Japanese and English),
 * the evidence spans, and the REFI-QDA codebook (.qdc) against its XSD and back.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { analyze } from '../../src/core/analyze.ts';
import { autoCode, claimCodes, codeAnalysis, compileCodebook, foldForMatch } from '../../src/core/codebook/auto-code.ts';
import { CODEBOOK_FORMAT, CodebookError, codeTree, descendants, parseCodebook, readCodebookJson, renderCodebookJson, type Codebook } from '../../src/core/codebook/codebook.ts';
import { DEFAULT_CODEBOOK } from '../../src/core/codebook/default-codebook.ts';
import { renderAnalysisJson } from '../../src/export/analysis-json.ts';
import { codeGuid, readQdc, renderQdc } from '../../src/export/qdc.ts';
import { SCHEMAS, schemasMissing, xsdErrors } from '../export/_validators.ts';

const tiny = (codes: unknown[]): unknown => ({ format: CODEBOOK_FORMAT, name: 't', version: '1', codes });
const problemsOf = (value: unknown): string[] => {
  try {
    parseCodebook(value, 'my.json');
  } catch (e) {
    assert.ok(e instanceof CodebookError);
    assert.match(e.message, /^my\.json: not a valid codebook: /);
    return [...e.problems];
  }
  assert.fail('expected the codebook to be refused');
};

describe('codebook schema', () => {
  test('refuses duplicates, unknown parents, cycles, bad regular expressions, colours and ids, naming the place', () => {
    const name = { ja: 'x', en: 'x' };
    assert.match(problemsOf(tiny([{ id: 'a', name }, { id: 'a', name }])).join('\n'), /codes\.1\.id: code id "a" is used twice/);
    assert.match(problemsOf(tiny([{ id: 'a', parent: 'zz', name }])).join('\n'), /codes\.0\.parent: parent "zz" is not a code/);
    assert.match(problemsOf(tiny([{ id: 'a', parent: 'b', name }, { id: 'b', parent: 'a', name }])).join('\n'), /its own ancestor/);
    assert.match(problemsOf(tiny([{ id: 'a', name, indicators: { patterns: ['(unclosed'] } }])).join('\n'), /codes\.0\.indicators\.patterns\.0: not a regular expression/);
    assert.match(problemsOf(tiny([{ id: 'a', name, colour: 'red' }])).join('\n'), /codes\.0\.colour: a colour is #RRGGBB/);
    assert.match(problemsOf(tiny([{ id: 'Has Space', name }])).join('\n'), /codes\.0\.id/);
    assert.match(problemsOf(tiny([{ id: 'a', name, extra: 1 }])).join('\n'), /extra/);
    assert.match(problemsOf({ ...(tiny([{ id: 'a', name }]) as object), format: 'other/9' }).join('\n'), /format/);
  });

  test('a JSON file round-trips, and a file that is not JSON is named', () => {
    const again = readCodebookJson(renderCodebookJson(DEFAULT_CODEBOOK), 'default.json');
    assert.deepEqual(again, DEFAULT_CODEBOOK);
    assert.throws(() => readCodebookJson('{ not json', 'broken.json'), /^CodebookError: broken\.json: not a valid codebook: not JSON/);
  });

  test('the tree lists parents before their children; descendants follow the tree', () => {
    const tree = codeTree(DEFAULT_CODEBOOK);
    assert.equal(tree.length, DEFAULT_CODEBOOK.codes.length);
    const at = new Map(tree.map((t, i) => [t.code.id, i]));
    for (const { code, depth } of tree) {
      if (code.parent) assert.ok(at.get(code.parent)! < at.get(code.id)!, `${code.parent} before ${code.id}`);
      assert.equal(depth, code.parent ? 1 : 0);
    }
    assert.ok(descendants(DEFAULT_CODEBOOK, 'domain').includes('domain.missiles'));
    assert.ok(!descendants(DEFAULT_CODEBOOK, 'domain').includes('lens.deterrence'));
  });
});

/** Claims written for this test, one or more per code of the default codebook, in both languages. */
const CASES: readonly (readonly [code: string, text: string])[] = [
  ['alliance.alliance', '両国の関係はすでに事実上の軍事同盟に近づいている'],
  ['alliance.alliance', 'The new treaty commits both sides to mutual defence if either is attacked'],
  ['alliance.partnership', '両国の接近は利害の一致による便宜的なものにすぎない'],
  ['alliance.partnership', 'This is a marriage of convenience rather than a durable bloc'],
  ['alliance.dependence', 'モスクワへの依存が深まれば、平壌の影響力はかえって増す'],
  ['alliance.dependence', 'Beijing retains considerable leverage over both capitals'],
  ['domain.space', '偵察衛星の打ち上げに必要な技術が移転された可能性がある'],
  ['domain.space', 'Engineers from the cosmodrome reportedly helped with the satellite programme'],
  ['domain.missiles', '供与された短距離弾道ミサイルの命中精度は低いとみられる'],
  ['domain.missiles', 'Several ballistic missiles fired at Kharkiv were of foreign origin'],
  ['domain.nuclear', '核兵器の小型化に協力するかどうかが最大の焦点だ'],
  ['domain.nuclear', 'Moscow no longer pays even lip service to denuclearization'],
  ['domain.aviation', '老朽化した戦闘機の更新を求めている'],
  ['domain.aviation', 'The air force wants modern fighter jets and help with air defense'],
  ['domain.naval', '潜水艦技術の提供は一線を越えることになる'],
  ['domain.naval', 'Satellite images show a cargo vessel at the naval pier in Rajin'],
  ['domain.munitions', '数百万発の砲弾が鉄道で運ばれたと推計される'],
  ['domain.munitions', 'The shipments of artillery shells kept the front supplied through winter'],
  ['domain.munitions', '152ミリ砲弾の供給が続いている'],
  ['domain.troops', '数千人規模の兵士が前線に送られたとされる'],
  ['domain.troops', 'The deployment of troops to Kursk changed the character of the war'],
  ['domain.exercises', '来年にも初の合同演習が行われる可能性がある'],
  ['domain.exercises', 'A joint exercise in the Sea of Japan would send a clear signal'],
  ['domain.intelligence', '情報共有の枠組みはまだ整っていない'],
  ['domain.intelligence', 'Cyber units have been sharing intelligence on Western logistics'],
  ['domain.economy', '労働者の受け入れと観光が外貨収入の柱になる'],
  ['domain.economy', 'Trade across the Tumen bridge has doubled, mostly food and oil'],
  ['domain.sanctions', '国連安保理の専門家パネルが解散し、制裁の監視は困難になった'],
  ['domain.sanctions', 'Ship-to-ship transfers are the main way to evade the oil cap'],
  ['lens.balance-of-threat', '共通の脅威が両国を結びつけているという脅威均衡の議論だ'],
  ['lens.balance-of-threat', 'In Walt\'s terms, a common threat explains the alignment'],
  ['lens.balance-of-power', '多極世界への移行の一部として捉えるべきだ'],
  ['lens.balance-of-power', 'The shift toward a multipolar order is the real story'],
  ['lens.balancing', '自国の軍備増強という内的バランシングを優先している'],
  ['lens.balancing', 'Seoul is hedging rather than bandwagoning with Washington'],
  ['lens.alliance-dilemma', '巻き込まれることへの懸念が中国の慎重さの理由だ'],
  ['lens.alliance-dilemma', 'The fear of entrapment keeps Beijing at arm\'s length'],
  ['lens.deterrence', '抑止力の信頼性が揺らいでいる'],
  ['lens.deterrence', 'The risk of escalation on the peninsula is rising'],
  ['lens.liberal', '国際秩序を支える規範が損なわれている'],
  ['lens.liberal', 'The damage to the rules-based order will outlast the war'],
  ['lens.identity', '反西側の連帯というイデオロギー的な側面も無視できない'],
  ['lens.identity', 'Both regimes frame it as fraternal solidarity against the West'],
  ['lens.domestic', '体制維持こそが金正恩の最優先課題である'],
  ['lens.domestic', 'It is ultimately about regime survival and elite loyalty'],
];

describe('auto-coding with the default codebook', () => {
  test('every codable code of the default codebook has a case here', () => {
    const covered = new Set(CASES.map(([c]) => c));
    for (const c of DEFAULT_CODEBOOK.codes) if (c.codable !== false) assert.ok(covered.has(c.id), `no case for ${c.id}`);
  });

  for (const [code, text] of CASES) {
    test(`${code}: ${text}`, () => {
      const matches = autoCode(text, DEFAULT_CODEBOOK);
      const m = matches.find((x) => x.code === code);
      assert.ok(m, `expected ${code}, got ${matches.map((x) => x.code).join(', ') || 'nothing'}`);
      assert.ok(m.confidence > 0 && m.confidence <= 1);
      for (const e of m.evidence) {
        assert.ok(e.start >= 0 && e.end <= text.length && e.start < e.end);
        assert.equal(text.slice(e.start, e.end), e.quote);
      }
    });
  }

  test('grouping codes are never proposed', () => {
    const all = CASES.flatMap(([, t]) => autoCode(t, DEFAULT_CODEBOOK).map((m) => m.code));
    for (const heading of ['alliance', 'domain', 'lens']) assert.ok(!all.includes(heading));
  });

  test('English terms match whole words (with inflections), not inside other words', () => {
    const codes = (t: string) => autoCode(t, DEFAULT_CODEBOOK).map((m) => m.code);
    assert.ok(!codes('Their relationship is a normal one').includes('lens.liberal'));
    assert.ok(!codes('The report was misread').includes('domain.naval'));
    assert.ok(codes('New sanctions were imposed').includes('domain.sanctions'));
    assert.ok(codes('They sanctioned three banks').includes('domain.sanctions'));
  });

  test('Japanese exclusions: 核心 is not nuclear, 香港 is not a port', () => {
    const codes = (t: string) => autoCode(t, DEFAULT_CODEBOOK).map((m) => m.code);
    assert.ok(!codes('問題の核心は信頼だ').includes('domain.nuclear'));
    assert.ok(!codes('香港経由の送金が増えた').includes('domain.naval'));
    assert.ok(codes('核開発への協力が懸念される').includes('domain.nuclear'));
  });

  test('matching folds width and radical forms without moving offsets (surrogate pairs kept)', () => {
    const text = '𠮷田氏はＮＡＴＯの⾮核化に触れた';
    assert.equal(foldForMatch(text).length, text.length);
    const m = autoCode(text, DEFAULT_CODEBOOK).find((x) => x.code === 'domain.nuclear')!;
    assert.ok(m);
    assert.ok(m.evidence.some((e) => e.quote === '⾮核化'), JSON.stringify(m.evidence));
    const book = parseCodebook(tiny([{ id: 'nato', name: { ja: 'NATO', en: 'NATO' }, indicators: { en: ['NATO'] } }]));
    const [hit] = autoCode(text, book);
    assert.equal(hit?.evidence[0]?.quote, 'ＮＡＴＯ');
  });

  test('confidence grows with the number of distinct indicators; order is most confident first', () => {
    const one = autoCode('ミサイルの話だ', DEFAULT_CODEBOOK).find((m) => m.code === 'domain.missiles')!;
    const three = autoCode('弾道ミサイルの弾頭と誘導の話だ', DEFAULT_CODEBOOK).find((m) => m.code === 'domain.missiles')!;
    assert.ok(three.confidence > one.confidence, `${three.confidence} > ${one.confidence}`);
    const all = autoCode('弾道ミサイルの弾頭と誘導、それに経済の話だ', DEFAULT_CODEBOOK);
    for (let i = 1; i < all.length; i++) assert.ok(all[i - 1]!.confidence >= all[i]!.confidence);
  });

  test('a text with no indicator gets no code', () => {
    assert.deepEqual(autoCode('彼はそう述べた', DEFAULT_CODEBOOK), []);
  });

  test('patterns tried together first find what each finds alone, with backreferences and repeated group names', () => {
    // (Patterns are first tried as one alternation: one that refers to its own group by number or repeats a name
    // cannot be joined, and each is then tried alone.)
    const book = (patterns: string[]) => parseCodebook(tiny(patterns.map((p, i) => ({ id: `c${i}`, name: { ja: `c${i}`, en: `c${i}` }, indicators: { patterns: [p] } }))));
    const texts = ['射程は300mmだ', '同盟とはいえない関係', 'ドンドン進む', 'ab-ab の繰り返し', 'xyy と書く', '何もない文'];
    // (In `(x)(y)\2` after a pattern with a group of its own, \2 would name (x) once joined.)
    for (const patterns of [['\\d{3}\\s?mm', '同盟とは(?:いえ|言え)ない'], ['(ドン)\\1', '(?<w>ab)-\\k<w>'], ['(m)m', '(x)(y)\\2'], ['(?<x>mm)', '(?<x>同盟)']]) {
      for (const t of texts) {
        const together = autoCode(t, book(patterns)).map((m) => m.code).sort();
        const alone = patterns.flatMap((p, i) => (autoCode(t, book([p])).length ? [`c${i}`] : [])).sort();
        assert.deepEqual(together, alone, `${patterns.join(' | ')} on ${t}`);
      }
    }
    assert.deepEqual(autoCode('ドンドン', book(['(ドン)\\1', 'xyz'])).map((m) => m.code), ['c0']);
  });
});

describe('REFI-QDA codebook (.qdc)', () => {
  const XSD = join(SCHEMAS, 'refi-qda', 'Codebook-mrt2019.xsd');

  test('the default codebook is valid against the QDA-XML codebook XSD, and reads back unchanged', () => {
    for (const lang of ['ja', 'en'] as const) {
      const qdc = renderQdc(DEFAULT_CODEBOOK, { lang });
      if (!schemasMissing) assert.deepEqual(xsdErrors(qdc, XSD), []);
      assert.deepEqual(readQdc(qdc, 'default.qdc'), DEFAULT_CODEBOOK);
    }
  });

  test('names, colours, codability and nesting are what a QDA program sees', () => {
    const qdc = renderQdc(DEFAULT_CODEBOOK, { lang: 'en' });
    assert.match(qdc, new RegExp(`<Code guid="${codeGuid('domain')}" name="Domains of cooperation" isCodable="false" color="#9C755F">`));
    const domain = qdc.indexOf(`guid="${codeGuid('domain')}"`);
    const missiles = qdc.indexOf(`guid="${codeGuid('domain.missiles')}"`);
    const lens = qdc.indexOf(`guid="${codeGuid('lens')}"`);
    assert.ok(domain < missiles && missiles < lens);
    assert.equal(renderQdc(DEFAULT_CODEBOOK), renderQdc(DEFAULT_CODEBOOK), 'GUIDs are stable');
  });

  test('a codebook from another program gets ids from its names and keeps its tree and colours', () => {
    const foreign = `<?xml version="1.0" encoding="utf-8"?>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="QualCoder">
  <Codes>
    <Code guid="11111111-2222-3333-4444-555555555555" name="Economy &amp; trade" isCodable="true" color="#abc">
      <Description>Anything about money</Description>
      <Code guid="11111111-2222-3333-4444-555555555556" name="経済制裁" isCodable="true"/>
    </Code>
  </Codes>
</CodeBook>`;
    if (!schemasMissing) assert.deepEqual(xsdErrors(foreign, XSD), []);
    const book: Codebook = readQdc(foreign, 'theirs.qdc');
    assert.equal(book.name, 'theirs');
    assert.deepEqual(book.codes.map((c) => [c.id, c.parent ?? null, c.name.en, c.colour ?? null, c.definition ?? null]), [
      ['economy-trade', null, 'Economy & trade', '#aabbcc', 'Anything about money'],
      ['code-2', 'economy-trade', '経済制裁', null, null],
    ]);
  });

  test('not a codebook, not XML, or a DOCTYPE: refused naming the file', () => {
    assert.throws(() => readQdc('<Project/>', 'x.qdc'), /^CodebookError: x\.qdc: not a valid codebook: .*no CodeBook/);
    assert.throws(() => readQdc('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><CodeBook/>', 'y.qdc'), /y\.qdc: .*DOCTYPE/);
    assert.throws(() => readQdc('<CodeBook><Codes><Code guid="x" name="a" isCodable="true"><Code></CodeBook>', 'z.qdc'), /z\.qdc: not a valid codebook: not XML/);
  });
});

test('the JSON writer codes each claim as it writes it, to the byte as codeAnalysis does', () => {
  // More claims than the writer validates, so that the codes of the unvalidated ones are spliced in too.
  const lines = Array.from({ length: 600 }, (_, i) => `ロシアの専門家によれば、北朝鮮は衛星の打ち上げ技術で${i}度目の協力を進めている。林教授は、制裁は効かないと述べた。\n`);
  const analysis = analyze(`協力\n${lines.join('')}`);
  assert.ok(analysis.attributions.length > 1000);
  const cb = compileCodebook(DEFAULT_CODEBOOK);
  const lazy = renderAnalysisJson(analysis, { codes: (a) => claimCodes(a, cb) });
  assert.equal(lazy, renderAnalysisJson(codeAnalysis(analysis, DEFAULT_CODEBOOK)));
  assert.match(lazy, /"codes": ?\[\{"code":/);
  assert.equal(analysis.attributions[0]!.codes, undefined, 'the analysis itself is left as it was');
});
