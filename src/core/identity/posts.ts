/**
 * Posts and dates as evidence against an identity. A name links two mentions; a post or a date can show
 * they are two people: a namesake who is a journalist is not the professor, whatever the name says. Both
 * tests are deliberately narrow, because a person changes posts over a career: only posts of different
 * callings conflict (an academic, an officer, the press, politics, diplomacy, business), never two ranks
 * of one (准教授 and 教授, 教授 and 名誉教授, 外相 and 首相), and never a former post (元首相, former
 * ambassador), which says what the person was, not what they are.
 */

export type PostFamily = 'academic' | 'military' | 'press' | 'politics' | 'diplomacy' | 'business';

/** Japanese post nouns by calling, matched at the end of the post (北海大学教授 → 教授). Longest first. */
const JA_FAMILIES: readonly [string, PostFamily][] = ([
  ...['名誉教授', '客員教授', '特任教授', '准教授', '教授', '助教', '講師', '主任研究員', '上級研究員', '首席研究員', '客員研究員', '特任研究員', '研究員', '主任研究官', '研究官', '研究者', 'フェロー', '学長'].map((w) => [w, 'academic'] as [string, PostFamily]),
  ...['元帥', '大将', '中将', '少将', '大佐', '中佐', '少佐', '大尉', '中尉', '少尉', '司令官', '参謀長', '将軍', '司令'].map((w) => [w, 'military'] as [string, PostFamily]),
  ...['記者', '論説委員', '解説委員', '編集委員', '特派員', 'コラムニスト', '編集長', '編集者', 'キャスター'].map((w) => [w, 'press'] as [string, PostFamily]),
  ...['大統領', '副大統領', '首相', '副首相', '外相', '国防相', '防衛相', '外務大臣', '国防大臣', '防衛大臣', '大臣', '国家主席', '総書記', '議員', '上院議員', '下院議員', '知事', '市長'].map((w) => [w, 'politics'] as [string, PostFamily]),
  ...['大使', '公使', '総領事', '領事', '書記官'].map((w) => [w, 'diplomacy'] as [string, PostFamily]),
  ...['社長', '最高経営責任者', 'CEO'].map((w) => [w, 'business'] as [string, PostFamily]),
] as [string, PostFamily][]).sort((a, b) => b[0].length - a[0].length);

/** English head nouns by calling: the last word of the post before "of", "at", "for", a comma. */
const EN_FAMILIES = new Map<string, PostFamily>([
  ...['professor', 'lecturer', 'fellow', 'researcher', 'scholar', 'dean', 'academic'].map((w) => [w, 'academic'] as [string, PostFamily]),
  ...['general', 'admiral', 'colonel', 'lieutenant', 'commander', 'brigadier', 'marshal', 'officer'].map((w) => [w, 'military'] as [string, PostFamily]),
  ...['journalist', 'reporter', 'correspondent', 'editor', 'columnist', 'anchor'].map((w) => [w, 'press'] as [string, PostFamily]),
  ...['minister', 'senator', 'congressman', 'congresswoman', 'lawmaker', 'legislator', 'governor', 'mayor', 'premier', 'mp'].map((w) => [w, 'politics'] as [string, PostFamily]),
  ...['ambassador', 'envoy', 'consul', 'diplomat', 'attaché', 'attache'].map((w) => [w, 'diplomacy'] as [string, PostFamily]),
  ...['ceo', 'executive', 'businessman', 'businesswoman', 'entrepreneur'].map((w) => [w, 'business'] as [string, PostFamily]),
]);

/** Words before an English head noun that make it another calling's ("attorney general", "director general"). */
const EN_NOT_MILITARY = /\b(?:attorney|director|secretary|solicitor|surgeon|inspector|consul|postmaster)[\s-]+general\b|\bchief\s+\w+\s+officer\b|\bpolice\s+officer\b|\b(?:executive|programme|program|press|information|security|compliance|liaison)\s+officer\b/i;

/** A former post: 元首相, 前大使, 旧…, 退役大佐, former ambassador, ex-minister, retired general. */
export function isFormerPost(post: string): boolean {
  const p = post.normalize('NFKC').trim();
  return /^(?:元|前|旧|退役|故)/.test(p) || /(?:^|[\s,(])(?:former|ex-|retired|late|one-time|onetime)\b/i.test(p);
}

/** The calling a post belongs to, or null when it names none this table knows (部長, director). */
export function postFamily(post: string): PostFamily | null {
  const p = post.normalize('NFKC').trim();
  if (!p) return null;
  if (/[\u3040-\u30ff\u3400-\u9fff]/.test(p)) {
    const core = p.replace(/[)）\]］」』\s]+$/, '');
    for (const [word, family] of JA_FAMILIES) if (core.endsWith(word)) return family;
    return null;
  }
  const head = p.split(/\s*,\s*|\s+(?:of|at|for|with|in|to)\s+/i)[0]!.trim().toLowerCase();
  if (EN_NOT_MILITARY.test(p)) {
    // A chief executive (operating, financial…) officer runs a company.
    if (/\bchief\s+\w+\s+officer\b/i.test(p)) return 'business';
    return null;
  }
  if (/\bprime\s+minister\b|\bpresident\s+of\s+(?:the\s+)?(?:republic|united\s+states|russia|china|korea|ukraine|france)\b/i.test(p)) return 'politics';
  const last = head.split(/[\s-]+/).at(-1) ?? '';
  return EN_FAMILIES.get(last) ?? null;
}

/**
 * Why two posts cannot be one person's, or null: both current, both of a known calling, the callings
 * differ. A post whose calling is not known (部長, director of operations) conflicts with nothing.
 *
 * @example postsConflict('北海大学教授', '海洋新聞記者') // 'post differs: 北海大学教授 (academic) ≠ 海洋新聞記者 (press)'
 */
export function postsConflict(a: string | null | undefined, b: string | null | undefined): string | null {
  const x = a?.trim();
  const y = b?.trim();
  if (!x || !y || isFormerPost(x) || isFormerPost(y)) return null;
  const fx = postFamily(x);
  const fy = postFamily(y);
  if (!fx || !fy || fx === fy) return null;
  return `post differs: ${x} (${fx}) ≠ ${y} (${fy})`;
}

/**
 * The most years one person's commentary can plausibly span. Person records carry no life dates (the
 * analyser finds none), so the dates an identity has are those of the documents that name it; a mention
 * in a document further than this from all of them is another person of the same name.
 */
export const MAX_ACTIVE_YEARS = 60;

const yearOf = (date: string | null | undefined): number | null => {
  const m = date ? /^(\d{4})/.exec(date) : null;
  return m ? Number(m[1]) : null;
};

/**
 * Why a document dated `date` cannot name the person the documents dated `known` name, or null: it lies
 * outside their span and the years they span together would exceed MAX_ACTIVE_YEARS. Undated documents say
 * nothing.
 *
 * @example datesConflict(['1952-04-01'], '2025-10-14') // 'dates too far apart: 1952–2025 (73 years)'
 */
export function datesConflict(known: readonly (string | null)[], date: string | null | undefined): string | null {
  const year = yearOf(date);
  const years = known.map(yearOf).filter((y): y is number => y !== null);
  if (year === null || years.length === 0) return null;
  // A date inside the span the identity already has adds nothing (an analyst may have merged a long career).
  if (year >= Math.min(...years) && year <= Math.max(...years)) return null;
  const first = Math.min(...years, year);
  const last = Math.max(...years, year);
  if (last - first <= MAX_ACTIVE_YEARS) return null;
  return `dates too far apart: ${first}–${last} (${last - first} years)`;
}
