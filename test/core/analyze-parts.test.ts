/**
 * `analyzeInParts`: a long document's claims come out in parts as they are found, so a writer never holds them
 * all; `analyze` is the same run collected. Texts written for these tests.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, analyzeInParts, PART_SIZE } from '../../src/core/analyze.ts';
import type { Analysis } from '../../src/core/model/schema.ts';

const SPEAKERS = ['北辰大学の早瀬 理沙教授', '海洋政策研究所の柏木 淳上席研究員', '元防衛審議官の宮内 誠氏', '東都大学の相良 文子准教授'];

/** Paragraphs of stand-alone claims, each with its speaker named: no sentence depends on the one before it. */
function longCommentary(paragraphs: number): string {
  const out: string[] = ['極東の海洋安全保障をめぐる論点整理', ''];
  for (let p = 0; p < paragraphs; p++) {
    const who = SPEAKERS[p % SPEAKERS.length]!;
    out.push(`${who}は、沿岸警備の予算は${p + 3}年以内に倍増すると予測している。${who}は「港湾の共同利用は段階的に進む」と述べた。`);
    out.push('');
  }
  return out.join('\n');
}

function collect(source: string, partSize: number): { parts: Analysis['attributions'][]; analysis: Omit<Analysis, 'attributions'> } {
  const { head, claims } = analyzeInParts(source, { partSize });
  const parts: Analysis['attributions'][] = [];
  for (;;) {
    const r = claims.next();
    if (r.done) return { parts, analysis: { ...head, ...r.value } };
    parts.push(r.value);
  }
}

test('parts: a long text comes out in several parts that add up to the analysis in one part', () => {
  const text = longCommentary(40);
  const whole = analyze(text, { partSize: Infinity });
  assert.ok(whole.attributions.length >= 80, `expected two claims a paragraph, got ${whole.attributions.length}`);
  const { parts, analysis } = collect(text, 400);
  assert.ok(parts.length >= 5, `expected several parts, got ${parts.length}`);
  assert.deepEqual(parts.flat(), whole.attributions);
  assert.deepEqual(analysis.people, whole.people);
  assert.deepEqual(analyze(text, { partSize: 400 }), whole);
});

test('parts: numbered on across parts, in the order of their content, every span quoting the text', () => {
  const text = longCommentary(30);
  const all = collect(text, 300).parts.flat();
  all.forEach((a, i) => {
    assert.equal(a.id, `a${i + 1}`);
    if (i) assert.ok(all[i - 1]!.content.start <= a.content.start, `${a.id} comes before the claim ahead of it`);
    for (const span of [a.content, a.cue, a.source]) if (span) assert.equal(text.slice(span.start, span.end), span.text);
  });
});

test('parts: an ordinary document is one part; parts end between pieces of text', () => {
  const text = longCommentary(12);
  assert.ok(text.length < PART_SIZE);
  assert.equal(collect(text, PART_SIZE).parts.length, 1);
  // A folded block of cue lines with no 。 (one sentence to the splitter) is still cut into parts.
  const folded = Array.from({ length: 300 }, (_, i) => `調査会社の担当者によると、貨物の取扱量は${i}期連続で伸びていると説明する`).join('\n');
  const { parts } = collect(folded, 2000);
  assert.ok(parts.length > 3, `a folded block comes out in parts (${parts.length})`);
  assert.deepEqual(parts.flat(), analyze(folded, { partSize: Infinity }).attributions);
});

test('parts: a paragraph cut between parts keeps the speaker its footnoted sentences carry', () => {
  // A commentary with footnotes: the speaker is named once, and the paragraph's later sentences, each citing a
  // note, are that speaker's (the commentary pass carries the speaker across the paragraph).
  const text = [
    '北方海域の港湾協力をめぐる専門家の見方',
    '',
    '極東海洋大学の森下航平教授は、両国の協力は港湾の共同利用から始まったと指摘する1。共同演習の規模は年々拡大しており、補給の拠点も北へ移りつつある2。つまり、冬季の輸送もすでに定例化しているのである3。',
    '',
    '一方で、沿岸政策研究所の相馬理恵主任研究員は、協力の実態は限られていると分析する4。港の改修は計画の段階にとどまり、予算の裏付けもない5。',
    '',
    '注',
    '1 森下航平「北方海域の港湾協力」『海洋政策』第12号、2024年、15頁。',
    '2 同上、18頁。',
    '3 同上、21頁。',
    '4 相馬理恵「沿岸の協力と限界」『沿岸研究』第3号、2025年、7頁。',
    '5 同上、9頁。',
  ].join('\n');
  const whole = analyze(text, { partSize: Infinity });
  const carried = whole.attributions.filter((a) => a.mention !== 'explicit');
  assert.ok(carried.length >= 2, `the later sentences are carried claims (${carried.length})`);
  for (const size of [40, 90, 120]) {
    const { parts } = collect(text, size);
    assert.ok(parts.length >= 3, `several parts at ${size}`);
    assert.deepEqual(parts.flat(), whole.attributions, `parts of ${size} code units`);
  }
});
