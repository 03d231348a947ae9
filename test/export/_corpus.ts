/**
 * A corpus for the export tests: the workbench's test documents, a commentary of our own with a character
 * outside the BMP (𠮷) before its claims, a footnote marker inside a quote and a notes list in three styles,
 * and corrections by two analysts (a rejection, an accepted claim, an edit, a claim the machine missed).
 */
import { createTestCorpus, type TestCorpus } from '../server/_corpus.ts';
import { BLACK_SEA_JA, CONVOYS_EN, HOSTILE_TEXT } from '../server/_texts.ts';

export const PORTS_JA = `安全保障コメンタリー 第7号 2024年6月1日
港湾の再建 —— 港湾研究者の見方
はじめに
ヴァルナ海洋大学教授の𠮷田 健一は、港湾の再建には十年を要すると指摘する1。
オデーサ海洋研究所研究員のタラス・コヴァルは、「港の再開は保険の問題であり、海軍の護衛だけでは足りないだろう」2と言及する。
コヴァルによれば、「保険会社は戦争条項を見直す3」という。
注
1 𠮷田健一「港湾再建論」『港湾研究』第5巻第2号、2023年、12-30頁。
2 Taras Koval, "Ports under Fire," Odesa Maritime Papers, No. 4 (2024), pp. 3-9, https://example.org/koval.
3 同上。
`;

export async function createExportCorpus(): Promise<TestCorpus> {
  const tc = await createTestCorpus({ 'black-sea.txt': BLACK_SEA_JA, 'convoys.txt': CONVOYS_EN, 'hostile.txt': HOSTILE_TEXT, 'ports.txt': PORTS_JA });
  const black = tc.refs['black-sea.txt']!;
  await tc.corpus.correct({ document: black, action: 'reject', quote: '保険料は2022年', by: 'kato', why: 'the number is the insurers\', not hers' });
  await tc.corpus.correct({ document: black, action: 'accept', quote: '掃海の協力', by: 'sato' });
  await tc.corpus.correct({ document: black, action: 'edit', quote: '条約の運用', kind: 'quote', by: 'kato', why: 'a quotation in the source' });
  await tc.corpus.correct({ document: black, action: 'add', speakers: ['Vlad Popescu'], contentQuote: '沿岸の港湾のうち半数以上が十分な防空手段を持たない', kind: 'reported', by: 'sato', why: 'the survey is his' });
  return tc;
}
