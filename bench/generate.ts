/**
 * Generates commentary-like Japanese documents for benchmarks: a title block, a byline, headings, paragraphs
 * of attributed claims by katakana-named experts with descriptors, footnote markers in order, dates, glosses
 * and a notes list. Deterministic for a seed, so runs compare.
 */

/** A small deterministic PRNG (mulberry32). */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const GIVEN = ['イワン', 'セルゲイ', 'ドミトリー', 'ミハイル', 'ニコライ', 'パーヴェル', 'ユーリー', 'オレグ', 'ボリス', 'グレブ', 'エレーナ', 'オリガ', 'タチアナ', 'ナタリア', 'イリーナ', 'マリーナ', 'ヴィクトル', 'ロマン', 'キリル', 'レオニード'];
const SURNAME_PARTS = ['ソコ', 'ペト', 'イヴァ', 'スミル', 'クズ', 'ポポ', 'ヴァシ', 'ゼム', 'モロ', 'ベロ', 'オル', 'グリ', 'コズ', 'ノヴィ', 'ザハ', 'フョー', 'ラヴ', 'ミロ', 'ツァリ', 'ドブ'];
const SURNAME_ENDS = ['ロフ', 'ノフ', 'ツォフ', 'ンスキー', 'ーエフ', 'ーリン', 'チェンコ', 'ローワ', 'ノワ', 'スキー'];
const INITIALS = 'ABDEGIKLMNOPRSTVY';
const ORGS = ['極東国立工科大学', 'ロシア国際問題評議会', 'モスクワ国際関係大学', '世界経済国際関係研究所', '高等経済学院東洋学部', 'ロシア科学アカデミー極東研究所', '国立研究大学アジア研究センター', '太平洋地域研究所'];
const POSTS = ['', '', '主任研究員', '上級研究員', '教授', '准教授', '所長', '研究員'];
const TOPICS = ['太平洋艦隊の近代化', '極東の防空網', '北極海航路の安全', '日本海での演習', '対潜能力の強化', '弾道ミサイルの配備', '兵站の脆弱性', '同盟国との技術協力', '経済制裁の影響', '兵力の西方転用'];
const VERBS = ['と指摘する', 'と述べている', 'と分析している', 'と強調した', 'とみている', 'との認識を示す', 'と主張した', 'と語った'];
const CLAIMS = [
  'は予算の制約により大幅に遅れている', 'は今後数年で一段と強化される見通しである', 'は地域の軍事バランスを大きく変える可能性がある',
  'は実際には宣伝の色彩が強く、実戦能力を反映していない', 'は周辺国の警戒を招き、軍拡の連鎖を生むおそれがある', 'は制裁の影響を受けて停滞している',
];
const GLOSSES = [['戦略的抑止', 'Strategic Deterrence'], ['接近阻止', 'Anti-Access'], ['拒否的抑止', 'Deterrence by Denial'], ['統合防空', 'Integrated Air Defense']];

export interface GeneratedDocument {
  text: string;
  footnotes: number;
  experts: string[];
}

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)]!;
}

function expertName(r: () => number): { full: string; surname: string } {
  const surname = pick(r, SURNAME_PARTS) + pick(r, SURNAME_ENDS);
  const initial = r() < 0.7 ? `・${INITIALS[Math.floor(r() * INITIALS.length)]}` : '';
  return { full: `${pick(r, GIVEN)}${initial}・${surname}`, surname };
}

/**
 * The experts a corpus keeps meeting: a fixed pool, each with one organisation and post, as in a real field
 * where a few hundred scholars write on one subject. Documents draw from it, so identities recur.
 */
const POOL_SIZE = 400;
const EXPERT_POOL: { full: string; surname: string; org: string; post: string }[] = (() => {
  const r = createRandom(20251127);
  const seen = new Set<string>();
  const pool: { full: string; surname: string; org: string; post: string }[] = [];
  while (pool.length < POOL_SIZE) {
    const e = expertName(r);
    if (seen.has(e.full)) continue;
    seen.add(e.full);
    pool.push({ ...e, org: pick(r, ORGS), post: pick(r, POSTS) });
  }
  return pool;
})();

/** One commentary of roughly `targetChars` characters (about 7,000 by default). */
export function generateCommentary(seed: number, targetChars = 7000): GeneratedDocument {
  const r = createRandom(seed);
  const lines: string[] = [];
  const year = 2019 + Math.floor(r() * 7);
  const month = 1 + Math.floor(r() * 12);
  const day = 1 + Math.floor(r() * 28);
  lines.push(`安全保障コメンタリー 第${1 + Math.floor(r() * 500)}号 ${year}年${month}月${day}日 ${pick(r, TOPICS)}のゆくえ —— 研究者の見方`);
  lines.push('- 政策研究部 地域研究室長', `- ${pick(r, ['山本', '佐藤', '鈴木', '高橋', '田中'])} ${pick(r, ['陽子', '健一', '誠', '直樹', '美穂'])}`);
  lines.push('はじめに');
  let n = 0;
  const notes: string[] = [];
  const experts: string[] = [];
  const note = (s: string) => { n++; notes.push(`${n} ${s}`); return String(n); };
  lines.push(`${year - 2}年${month}月以降、${pick(r, TOPICS)}をめぐる議論が活発化していると考えられている${note('各種報道による。')}。本稿では、研究者の見方を概観し、その含意について考察していく。`);
  let section = 0;
  let length = lines.join('\n').length;
  while (length < targetChars) {
    section++;
    lines.push(section % 3 === 1 ? `${pick(r, TOPICS)}に関する評価` : `(${section % 3})${pick(r, TOPICS)}の論点`);
    for (let p = 0; p < 3; p++) {
      const { full, surname, org, post } = pick(r, EXPERT_POOL);
      experts.push(full);
      const topic = pick(r, TOPICS);
      const [term, gloss] = pick(r, GLOSSES);
      const sentences = [
        `${org}${post}${full}は、${topic}${pick(r, CLAIMS)}${pick(r, VERBS)}${note(`${full}「${topic}について」『極東研究』${year}年第${1 + Math.floor(r() * 4)}号。`)}。`,
        `${surname}によれば、「${term}(${gloss})の観点から見ると、${pick(r, TOPICS)}${pick(r, CLAIMS)}」${note('同上。')}。`,
        `また、${year}年${1 + Math.floor(r() * 12)}月の演習では約${10 + Math.floor(r() * 90)}隻の艦艇が参加したが、その規模は過去10年で最小であったという${note('同上。')}。`,
        `つまり、${topic}の評価には慎重さが求められると言えよう。`,
      ];
      lines.push(sentences.join(''));
    }
    length = lines.join('\n').length;
  }
  lines.push('おわりに', `${pick(r, TOPICS)}の動向については、引き続き注視していく必要がある。`, '注', ...notes);
  return { text: `${lines.join('\n')}\n`, footnotes: n, experts };
}

/** Many commentaries, about `totalChars` characters in all. */
export function generateCorpus(totalChars: number, seed = 1): GeneratedDocument[] {
  const docs: GeneratedDocument[] = [];
  let chars = 0;
  for (let i = 0; chars < totalChars; i++) {
    const d = generateCommentary(seed * 100003 + i);
    docs.push(d);
    chars += d.text.length;
  }
  return docs;
}
