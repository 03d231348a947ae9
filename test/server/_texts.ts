/**
 * Documents written for the workbench's tests: a Japanese commentary (katakana names, bare footnote digits,
 * numbered sections, a notes list), an English brief that names one of its experts in Latin script, and a
 * hostile document. Invented people and institutions.
 */

export const BLACK_SEA_JA = `安全保障コメンタリー 第88号 2024年11月5日
黒海の海上交通と沿岸国 —— 東欧の研究者の見方
政策研究部 主任研究官
中村 拓也
はじめに
2023年7月以降、黒海の海上交通をめぐる緊張が続いている1。本稿では、沿岸国の研究者が海上交通路の安全と地域の海軍力についてどのような見方を示しているかを整理する。
海上交通路の安全
(1)機雷と航路
ブカレスト戦略研究所上級研究員のヴラド・M・ポペスクによれば、黒海西部の航路は機雷の危険が残るものの、穀物輸送は2024年春に回復しつつある2。ポペスクは、沿岸国の海軍による掃海の協力が不可欠であると指摘する3。
ソフィア大学教授のダリナ・イリエヴァは、海上保険料の高騰が輸送の最大の障害になっていると分析している4。イリエヴァによれば、保険料は2022年の水準の約3倍に達している5。
(2)港湾の防護
港湾施設への無人機攻撃について、ポペスクは、防空網の空白が港湾都市を脆弱にしている可能性があると述べている6。ある調査では、沿岸の港湾のうち半数以上が十分な防空手段を持たないとされる7。
地域の海軍力
イスタンブール海洋研究センター所長のケマル・アイドゥンは、海峡の通航を規制する条約が黒海の軍事バランスを保つ役割を果たしてきたと強調した8。アイドゥンは、条約の運用が今後も安定の鍵になるとの認識を示す9。
おわりに
黒海の海上交通の安定には、沿岸国の協力が欠かせないと言えよう10。
注
1 各種報道による。
2 Vlad M. Popescu, "Mines and Grain," Black Sea Review, Vol. 3 (2024).
3 Ibid.
4 Darina Ilieva, "Insurance at War," Sofia Papers, No. 12 (2024).
5 Ibid.
6 ポペスクへの筆者によるインタビュー(2024年9月12日)。
7 「港湾防護に関する調査」『沿岸安全保障』2024年8月号。
8 Kemal Aydin, "The Straits and the Balance," Istanbul Maritime Notes, 2024.
9 Ibid.
10 筆者の見解。
`;

export const CONVOYS_EN = `Black Sea Security Brief No. 12
March 3, 2025
Vlad Popescu on convoy escorts
According to Vlad Popescu, a senior fellow at the Bucharest Institute for Strategy, convoy escorts in the western Black Sea reduced the number of incidents in 2024.[1] Popescu argued that the coastal states must share maritime surveillance data.[2]
Notes
[1] Vlad Popescu, interview, January 2025.
[2] Ibid.
`;

/** Script, an image with an error handler and javascript: links, as plain text a document might hold. */
export const HOSTILE_TEXT = `安全保障コメンタリー 第99号 2025年1月10日
不正な文字列の扱い
はじめに
<script>window.__pwned = 1; alert('script')</script> という文字列は本文の一部である1。
<img src="x" onerror="window.__pwned = 2"> も文字として表示されるべきである2。
<a href="javascript:window.__pwned=3">click</a> と [link](javascript:window.__pwned=4) もリンクにはならない3。
ハッカー研究所研究員のイワン・テストフによれば、<b onmouseover="window.__pwned=5">このような入力</b>は危険である4。
注
1 テスト。
2 テスト。
3 テスト。
4 テスト。
`;

/**
 * A commentary with `footnotes` footnote markers (bare digits after the sentence, as PDF extraction leaves
 * them) and a notes list, for the reader's interactive-time check.
 */
export function longCommentary(footnotes: number): string {
  const people = ['アンドレイ・K・ソコロフ', 'マリア・ペトロヴァ', 'ヤン・ノヴァク', 'エレナ・ルーセヴァ', 'トマシュ・クラル'];
  const orgs = ['国際問題研究所', '戦略研究センター', '国立防衛大学', '海洋政策研究所', '欧州安全保障フォーラム'];
  const cues = ['と指摘する', 'と分析している', 'と述べている', 'と強調した', 'との認識を示す'];
  const lines = ['安全保障コメンタリー 第150号 2025年2月1日', '東欧の防衛協力 —— 研究者の見方', '政策研究部', '山田 花子', 'はじめに'];
  const notes: string[] = [];
  for (let n = 1; n <= footnotes; n++) {
    if (n % 10 === 1) lines.push(`(${Math.ceil(n / 10)})防衛協力の論点 ${Math.ceil(n / 10)}`);
    const i = n % people.length;
    const surname = people[i]!.split('・').at(-1)!;
    lines.push(
      n % 2 === 1
        ? `${orgs[i]}研究員の${people[i]}は、${2020 + (n % 5)}年以降の共同演習が地域の抑止力を高めている${cues[i]}${n}。`
        : `${surname}によれば、装備の共通化は予算の制約により遅れている可能性がある${n}。`,
    );
    notes.push(`${n} ${people[i]}「防衛協力について」『東欧研究』${2020 + (n % 5)}年第${1 + (n % 4)}号。`);
  }
  lines.push('おわりに', '防衛協力の行方を引き続き注視する必要がある。', '注', ...notes);
  return `${lines.join('\n')}\n`;
}

/** Two namesakes of different organisations (the identity review queue's tests). */
export const POLAR_JA = `北極海の航路 第3号 2025年5月1日
はじめに
ノルウェー極地研究所主任研究員のイングリッド・K・ソルベルグによれば、北極航路は毎年早く開くようになっている1。
注
1 Ingrid K. Solberg, "Ice and Routes," Polar Notes, 2025.
`;
export const HARBOUR_JA = `港湾の冬 第5号 2025年6月2日
はじめに
ナルヴィク港湾公社運航部長のイングリッド・ソルベルグは、冬季の交通量が2023年以降倍増したと指摘する。
`;

/** Two notes in which two people say nearly the same about northern ports (similar claims, "also said by"). */
export const PORTS_A = [
  '港湾レポート 第1号 2025年1月10日', '北方航路の冬', 'はじめに',
  '北海研究所のアンナ・レーマン上級研究員によれば、北方の港では冬になると物資の輸送が大幅に遅れるという。',
  '東方政策センターのヨハン・ベルク所長は、防空網の近代化には少なくとも五年はかかると述べた。', '',
].join('\n');
export const PORTS_B = [
  '物流ノート 第2号 2025年2月1日', '港湾と物流', 'はじめに',
  '港湾経済研究所のカリン・ストロム所長は、冬になると北方の港では物資の輸送が大きく遅れると指摘する。', '',
].join('\n');

/** A news item whose dateline the analysis reads as a heading, and so finds no date (managing documents). */
export const NEWS_EN = `Harbour Authority Expands Night Inspections
Published 2025-10-14
According to Mara Lindqvist, a director at the Baltic Port Council, night inspections cut smuggling at the northern quays.
Lindqvist said that the council would publish its figures in the spring.
`;

/** A coastal note and its new version (replacing a document): Vester's sentence stays, Ron's is gone, a new paragraph is added. */
export const COASTAL_JA = `沿岸通信 第11号 2025年2月3日
はじめに
潮見研究所主任研究員のマルタ・ヴェスターは、北の港の冬季点検が密輸を減らしたと述べている。
港湾協議会理事のトビアス・ロンは、検査の人員が足りないと指摘する。
`;
export const COASTAL_V2_JA = `沿岸通信 第11号 2025年2月3日
はじめに
潮見研究所主任研究員のマルタ・ヴェスターは、北の港の冬季点検が密輸を減らしたと述べている。
港湾の照明の更新は来年度に持ち越された。
`;
