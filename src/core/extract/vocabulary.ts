/**
 * General vocabulary of the genre: organisation suffixes, posts, honorifics, collective voices, media.
 * These are dictionaries of the language of policy commentary, not of any one document's names.
 */

/** Endings of organisation names (longest first where one contains another). */
export const ORG_SUFFIXES = [
  '大学校', '大学院', '大学', '研究所', '研究院', '研究センター', 'センター', '研究部', '研究室', '研究会', '研究機構', '機構',
  'アカデミー', '財団', '協会', '学会', '委員会', '評議会', '省', '庁', '局', '軍', '司令部', '大使館', '領事館', '通信社', '通信',
  '新聞社', '新聞', '放送', 'テレビ', '社', '党', '銀行', '公社', '基金', 'フォーラム', 'クラブ', 'シンクタンク', '学院', '議会',
  '政府', '事務所', '部',
].sort((a, b) => b.length - a.length);

/** Nouns of office and rank; a descriptor ending in one of them names a post. */
const POST_WORDS = [
  '主任研究員', '上級研究員', '准研究員', '助理研究員', '副研究員', '主任研究官', '研究官', '研究主幹', '主幹', '研究幹事', '代表幹事', '研究委員', '政策委員', '室長補佐', '副室長', '調査官', '分析官', '参事官', '審議官', '書記官', '客員研究員', '特任研究員', '首席研究員', '研究員', '名誉教授', '准教授', '客員教授', '特任教授', '教授', '助教', '講師',
  '部長', '次長', '室長', '課長', '局長', '所長', 'センター長', '院長', '学長', '総長', '理事長', '理事', '会長', '社長', '議長', '委員長',
  '副所長', '副部長', '副局長', '副会長', '主任', '代表', '事務局長', '編集長', '記者', '論説委員', '解説委員', '特派員', 'コラムニスト', '編集者',
  '大使', '公使', '総領事', '領事', '大統領', '副大統領', '首相', '副首相', '外相', '国防相', '外務大臣', '国防大臣', '大臣', '長官', '次官', '次官補',
  '補佐官', '報道官', '広報官', '顧問', '議員', '委員', '研究者', 'アナリスト', 'フェロー', 'ディレクター', '司令官', '参謀長', '将軍', '国家主席', '総書記', '書記',
  'エコノミスト', 'ストラテジスト', 'ジャーナリスト', 'コメンテーター',
  '元帥', '大将', '中将', '少将', '大佐', '中佐', '少佐', '博士', '専門家',
  // Offices of government, parties and business as the news writes them.
  'チーフエコノミスト', '首席エコノミスト', '最高経営責任者', 'CEO', 'エネルギー相', '最高指導者', '事務総長', '総理大臣', '防衛大臣', '財務大臣',
  '国務大臣', '官房長官', '官房副長官', '報道局長', '参院議員', '衆院議員', '下院議員', '上院議員', '書記局長', '政調会長', '代表代行', '外交部長',
  '国防部長', '評論家', '副社長', '防衛相', '財務相', '経産相', '担当相', '書記長', '幹事長', '副総裁', '副総統', '外交官', '総理', '主席', '総裁',
  '知事', '市長', '党首', '総統', '首長',
].sort((a, b) => b.length - a.length);

/** Katakana ranks before a katakana post: チーフマーケットエコノミスト, シニアフェロー. */
export const KATAKANA_RANK_WORDS = ['チーフ', 'シニア', 'マーケット', 'グローバル', 'リード', 'プリンシパル', 'ジュニア', 'リサーチ', 'マネージング', 'エグゼクティブ'];
const KATAKANA_RANKS = `(?:(?:${KATAKANA_RANK_WORDS.join('|')})・?)*`;
/** Kanji words of rank or tenure that stand before a post and belong to it: 首席エコノミスト, 上席主任研究員, 名誉教授, 前大統領. */
export const KANJI_RANKS = ['首席', '上級', '上席', '主任', '特別栄誉', '栄誉', '名誉', '前', '元', '現', '副', '次期', '特別', '筆頭', '総', '主席', '最高', '国務', '常任', '事務', '次席', '客員', '特任', '専任'];
/** Offices of a ministry written between a name and its post, and part of the post: 高島肇久外務報道官, 周防国防副長官. */
export const MINISTRY_OFFICES = ['外務', '国防', '財務', '防衛', '広報', '総務', '官房'];
const POST_RE = new RegExp(`${KATAKANA_RANKS}(?:${POST_WORDS.join('|')})$`);
export const POST_WORD_RE = new RegExp(`${KATAKANA_RANKS}(?:${POST_WORDS.join('|')})`);

/** English posts for bylines and descriptors. */
const EN_POST = /\b(?:(?:senior|junior|visiting|non-?resident|research|associate|assistant|distinguished|principal|chief|deputy|executive|managing|founding|former)\s+)*(?:fellow|professor|lecturer|researcher|director|analyst|editor|correspondent|reporter|journalist|ambassador|minister|president|chairman|chair|head|dean|scholar|expert|spokesperson|spokesman|adviser|advisor|officer|commander|general|admiral|historian|economist|scientist|strategist|diplomat|commentator|columnist|writer|author|specialist|observer|veteran)\b(?:\s+(?:of|for)\s+[\p{L} -]+?)?/iu;

export function isPost(s: string): boolean {
  const t = s.trim();
  return t.length > 0 && (POST_RE.test(t) || EN_POST.test(t) && t.split(/\s+/).length <= 6);
}

/**
 * Splits a descriptor written before (or after) a name into organisation and post:
 * 「…東洋学研究所朝鮮・モンゴル部長」 → organisation …東洋学研究所, post 朝鮮・モンゴル部長;
 * 「政策研究部 軍事戦略研究室長」 → 政策研究部 | 軍事戦略研究室長; 「…誌「X」の記者」 → …誌「X」 | 記者;
 * 「Senior Fellow, Carnegie Endowment」 → Carnegie Endowment | Senior Fellow.
 */
export function splitPost(descriptor: string): { organization: string | null; title: string | null } {
  // (A particle left at either end by the cut that made the descriptor is no part of it.)
  const d = descriptor.trim().replace(/^の|の$/g, '');
  if (!d) return { organization: null, title: null };

  // English: "Post, Organisation", "Post at Organisation", "Organisation Post"
  if (/^[\x20-\x7e\u00c0-\u024f’]+$/.test(d)) {
    const at = /^(.+?)\s+(?:now\s+)?(?:at|of|with)\s+(?:the\s+)?(.+)$/i.exec(d);
    const comma = d.split(/\s*,\s*/);
    if (comma.length >= 2) {
      if (isPost(comma[0]!)) return { title: comma[0]!, organization: comma.slice(1).join(', ') };
      if (isPost(comma[comma.length - 1]!)) return { title: comma[comma.length - 1]!, organization: comma.slice(0, -1).join(', ') };
    }
    if (at && isPost(at[1]!)) return { title: at[1]!, organization: at[2]! };
    if (isPost(d)) return { title: d, organization: null };
    return { organization: d, title: null };
  }

  // 「X の 記者」: the particle の separates the organisation from the post.
  const no = /^(.+)の([^の]{1,12})$/.exec(d);
  if (no && POST_RE.test(no[2]!) && !/[のが]/.test(no[2]!)) return { organization: no[1]!, title: no[2]! };

  // Space-separated: organisation, then post.
  const sp = /^(.+?)[ \u3000]+(\S+)$/.exec(d);
  if (sp && (isPost(sp[2]!) || (ORG_SUFFIXES.some((x) => sp[1]!.trim().endsWith(x)) && /[長官員授者]$/.test(sp[2]!)))) return { organization: sp[1]!.trim(), title: sp[2]! };

  // …戦略研究所長, …朝鮮研究センター長: the head of the body just named; the body is the organisation.
  const head = /^(.+(?:研究所|研究院|センター|研究室|事務所|大学院))長$/.exec(d);
  if (head) {
    const body = head[1]!;
    const title = body.endsWith('センター') ? 'センター長' : `${body[body.length - 1]}長`;
    return { organization: body, title };
  }
  // Run together: split after the last organisation suffix whose remainder is a post.
  if (!POST_RE.test(d)) return { organization: d, title: null };
  let best = -1;
  for (const suffix of ORG_SUFFIXES) {
    let from = 0;
    for (;;) {
      const k = d.indexOf(suffix, from);
      if (k < 0) break;
      const end = k + suffix.length;
      from = k + 1;
      if (end >= d.length) continue;
      const rest = d.slice(end);
      // The remainder must be a post and no part of a longer suffix (大学 inside 大学校).
      if (POST_RE.test(rest) && !ORG_SUFFIXES.some((s) => s.length > suffix.length && d.startsWith(s, k) )
        && !ORG_SUFFIXES.some((s) => rest.includes(s) && !POST_WORDS.some((p) => p.includes(s) && rest.endsWith(p) && rest.indexOf(s) >= rest.length - p.length))) {
        if (end > best) best = end;
      }
    }
  }
  if (best > 0) return { organization: d.slice(0, best), title: d.slice(best) };
  // A post alone (前韓国大統領, 主任研究員) or an organisation we cannot split.
  if (!ORG_SUFFIXES.some((s) => d.includes(s)) || POST_WORDS.includes(d)) return { organization: null, title: d };
  return { organization: null, title: d };
}

/** Honorifics and titles written after a name: 氏, 教授, 大統領 … */
export const HONORIFICS = ['氏', '様', 'さん', '教授', '博士', '大統領', '首相', '外相', '大使', '長官', '議員', '委員長', '総書記', '国務委員長', '主席', '将軍', '記者'];
