/**
 * Generated commentaries for the corpus tests that run the real CLI: short Japanese notes, each different,
 * quoting experts from a small pool, so that several documents name the same people.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const EXPERTS = [
  ['ニコライ・P・ソコロフ', 'ウラジオストク国際関係研究所', '上級研究員'],
  ['オレーナ・V・シェフチェンコ', 'キーウ安全保障フォーラム', '所長'],
  ['ヤン・K・ノヴァク', 'プラハ戦略研究センター', '研究員'],
  ['アイノ・M・ヴィルタネン', 'ヘルシンキ海洋政策研究所', '主任研究員'],
  ['ギオルギ・T・ベリゼ', 'トビリシ地域研究所', '教授'],
  ['ラウラ・S・オゾリニャ', 'リガ国防研究センター', '研究員'],
] as const;

const TOPICS = ['港湾の防護', '海底ケーブルの保護', '防空網の再建', '弾薬の増産', '国境の監視', '無人機の運用', '冬季の電力網', '黒海の航路'];
const VIEWS = ['今後二年が正念場になる', '同盟国の支援が決定的である', '抑止の信頼性が揺らいでいる', '地域の緊張は当面続く', '現行の枠組みでは不十分である'];

/** The text of note `i` (every i gives a different text). */
export function commentary(i: number): string {
  const a = EXPERTS[i % EXPERTS.length]!;
  const b = EXPERTS[(i * 7 + 3) % EXPERTS.length]!;
  const topic = TOPICS[i % TOPICS.length]!;
  const year = 2020 + (i % 6);
  const month = 1 + (i % 12);
  return [
    `安全保障ノート 第${i + 1}号 ${year}年${month}月${1 + (i % 28)}日`,
    `${topic}をめぐる議論(${i + 1})`,
    'はじめに',
    `本稿では、${topic}について各国の専門家の見方を整理する。通し番号は${i * 37 + 11}である。`,
    '専門家の見方',
    `${a[1]}の${a[0]}${a[2]}によれば、${topic}は${VIEWS[i % VIEWS.length]}という。`,
    `${b[1]}の${b[0]}${b[2]}は、${topic}について${VIEWS[(i + 2) % VIEWS.length]}と指摘する。`,
    'おわりに',
    `${topic}の課題は${year + 1}年以降も残る。`,
  ].join('\n');
}

/** Writes n notes into dir (in a few sub-folders) and returns their paths. */
export function writeCommentaries(dir: string, n: number): string[] {
  const paths: string[] = [];
  for (let i = 0; i < n; i++) {
    const sub = join(dir, `part-${i % 4}`);
    mkdirSync(sub, { recursive: true });
    const path = join(sub, `note-${String(i).padStart(4, '0')}.txt`);
    writeFileSync(path, commentary(i));
    paths.push(path);
  }
  return paths;
}
