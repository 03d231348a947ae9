/**
 * Speaker phrases over tokens: the noun phrase that ends right before a particle (…総裁は, …通信によると), its
 * type (person, government, organisation, media, group) and the name forms an analyst would look it up by.
 */
import type { PersonType } from '../../model/schema.ts';
import type { JaToken } from '../../morph/tokens.ts';
import { NOT_PEOPLE_KATAKANA } from '../speakers.ts';
import { bodyBeforeName, isPlaceName } from '../places.ts';
import { KANJI_RANKS, KATAKANA_RANK_WORDS, MINISTRY_OFFICES } from '../vocabulary.ts';
import {
  ANAPHOR, GENERIC_SOURCE, GOV_TAILS, KATAKANA_MEDIA, MEDIA_TAILS, ORG_TAILS, PERSON_POSTS, STATE_NAMES, postEnding,
} from './vocabulary-ja.ts';

export interface NounPhrase {
  /** Token indices, inclusive start, exclusive end. */
  from: number;
  to: number;
  start: number;
  end: number;
  text: string;
}

export type SpeakerType = PersonType | 'anaphor';

export interface SpeakerPhrase extends NounPhrase {
  type: SpeakerType;
  /** The name without post or honorific (王建明院長 → 王建明), when the phrase names an individual. */
  core: string;
  organization: string | null;
  title: string | null;
  /** A person's family name where the analyser tells it (泉 of 泉健太), for the short forms met later. */
  surname?: string;
}

const MAX_NP_CHARS = 48;
/** A noun that a bracketed title may follow to name an outlet (米紙「…」, フランスメディア「…」). */
export const TITLED_OUTLET = /(?:紙|誌|メディア|サイト|番組|通信|局|テレビ|新聞|ラジオ)$/;
/** A noun that a bracketed name may follow to name a body (情報機関「…」, シンクタンク「…」, 市民団体「…」). */
export const TITLED_BODY = /(?:機関|団体|組織|企業|会社|シンクタンク|政党|研究所|財団)$/;
/** A noun a bracketed name belongs to as part of one speaker phrase. */
export function titlesName(noun: string): boolean {
  return TITLED_OUTLET.test(noun) || TITLED_BODY.test(noun);
}
/** A parenthesised note closing a phrase: a field, an age or a party after a post or name (教授(国際政治), 氏(45)). */
const TRAILING_NOTE = /[(（][^()（）]{1,16}[)）]$/;
const KATAKANA_WORD = /^[\u30A1-\u30FA\u30FC]+$/;
const JOINERS = new Set(['・', '＆', '&', '-', '－', '‐', '.', '･', '=', '＝']);
const OPEN_PAREN = new Set(['(', '（']);
const CLOSE_PAREN = new Set([')', '）']);
/** Nouns that may follow の inside one speaker phrase (チリ政府の国家海洋委員会, 北陸新報の記者). */
const HEAD_AFTER_NO = new RegExp(`(?:${[...PERSON_POSTS, '学者', '専門家', '当局者', '高官', '関係者', '会議', '委員会', '研究所', '報道官', '代表', '政府', '軍', '省', '庁', '局', '紙', '電子版', '報道', '記事', '論文', '発表', '声明', '調査', 'データ', 'コメント', '見解', '談話', '報告書', '報告', '社説', '世論調査', 'シンクタンク', '研究機関', '情報機関', '調査機関', '研究チーム', '団体', '院', '機構', 'メディア'].join('|')})$`);

const MARKS_ONLY = /^[\p{P}\p{S}]+$/u;
const KANJI_ONLY = /^[\u4e00-\u9fff々]+$/;

/**
 * Whether a token can stand in a noun phrase (a name, a post, an organisation). Asked of every token of the runs that
 * speaker phrases and adverbials are read from, so its patterns are made once.
 */
export function isNominal(t: JaToken): boolean {
  // A run of marks the analyser did not know (?」、) is tagged as a noun; it is never part of a name.
  if (t.pos === '名詞' && !t.known && MARKS_ONLY.test(t.surface)) return JOINERS.has(t.surface);
  if (t.pos === '名詞') return t.pos1 !== '非自立' && t.pos1 !== '代名詞' || t.surface === '彼' || t.surface === '彼女' || t.surface === '彼ら';
  if (t.pos === '接頭詞') return true;
  // Kanji alone, whatever the analyser guessed (rare kanji in a given name read as a verb or adjective stem): a verb or adjective is
  // not written without kana, so such a token is part of a name.
  if ((t.pos === '動詞' || t.pos === '形容詞' || t.pos === '副詞' || t.pos === '連体詞') && KANJI_ONLY.test(t.surface) && t.surface !== t.base) return true;
  if (t.pos === '記号') return t.pos1 === 'アルファベット' || JOINERS.has(t.surface);
  return false;
}

/** Nouns that end a clause (…する中, …した上, …した後) and begin surnames too (中満, 上川, 後藤, 前原). */
const CLAUSE_END_KANJI = new Set(['中', '上', '後', '前']);

/**
 * Whether `text` writes `start2` (the clause-ending kanji and the next one) as the start of a name somewhere other
 * than at `at`: before 氏 or さん within two more kanji (中満氏), or after a mark or の that no clause ends at.
 */
function writtenWithName(text: string, at: number, start2: string): boolean {
  for (let k = text.indexOf(start2); k >= 0; k = text.indexOf(start2, k + 1)) {
    if (k === at) continue;
    const before = k > 0 ? text[k - 1]! : '\n';
    if (/[\s、。「『（(・の=＝]/.test(before) || /^[\u4e00-\u9fff々]{0,2}(?:氏|さん)/.test(text.slice(k + 2, k + 6))) return true;
  }
  return false;
}

/** Equals signs: a newspaper's descriptor stands between two of them, and a headline's credit after one. */
const EQUALS = new Set(['=', '＝']);

/**
 * The noun phrase whose last token is `last` (inclusive), not reaching before token `floor`. Takes in
 * parentheses after a name (王建明(ワン・ジエンミン)院長), a bracketed title after a media noun (米紙「…」),
 * spaces between an organisation and a post (中央銀行 森山総裁), and の between an organisation and its
 * post or body (チリ政府の国家海洋委員会).
 */
export function nounPhraseEndingAt(text: string, toks: readonly JaToken[], last: number, floor: number): NounPhrase | null {
  let i = last;
  // Skip white space right before the particle.
  while (i >= floor && /^\s+$/.test(toks[i]!.surface)) i--;
  if (i < floor) return null;
  // 筒井一郎会長(71)=北辰生命特別顧問、神戸市出身=は: a newspaper's descriptor between equals signs after the name is
  // no part of the phrase, which ends before it.
  if (EQUALS.has(toks[i]!.surface)) {
    let k = i - 1;
    while (k > floor && k > i - 24 && !EQUALS.has(toks[k]!.surface) && toks[k]!.surface !== '。') k--;
    if (k > floor && EQUALS.has(toks[k]!.surface)) i = k - 1;
  }
  const end = toks[i]!.end;
  let from = i + 1;
  // 北東通信など(によると): "and others" after the speaker named first.
  if (toks[i]!.surface === 'など' && toks[i]!.pos === '助詞' && i - 1 >= floor && isNominal(toks[i - 1]!)) i--;
  let sawNominal = false;
  while (i >= floor) {
    const t = toks[i]!;
    if (end - t.start > MAX_NP_CHARS) break;
    if (CLOSE_PAREN.has(t.surface)) {
      const open = matchBack(toks, i, floor, OPEN_PAREN, CLOSE_PAREN);
      if (open < 0) break;
      // A parenthesis belongs to the phrase when a noun stands before it, or kanji whatever their tag (a name
      // glossed with its reading: 鄭明遠(ていめいえん)).
      // (And ほか/他 for et al. before a year: ボロディンほか(2023).)
      const etAl = open - 1 > floor && /^(?:ほか|他)$/.test(toks[open - 1]!.surface) && isNominal(toks[open - 2]!);
      if (open > floor && (isNominal(toks[open - 1]!) || etAl || /^[\u4e00-\u9fff々]+$/.test(toks[open - 1]!.surface))) {
        i = open - 1;
        from = open;
        while (i >= floor && /^[\u4e00-\u9fff々]+$/.test(toks[i]!.surface) && !isNominal(toks[i]!) && toks[i]!.pos !== '助詞') { from = i; i--; }
        continue;
      }
      break;
    }
    if ((t.surface === '」' || t.surface === '』') && i > floor) {
      const open = matchBack(toks, i, floor, new Set(['「', '『']), new Set(['」', '』']));
      if (open > floor && titlesName(toks[open - 1]!.surface) && t.end - toks[open]!.start <= 24) {
        i = open - 1;
        from = open;
        continue;
      }
      // 「北辰時報」は: a paper's name in brackets, nothing before it.
      if (open >= floor && from === i + 1 && BRACKETED_OUTLET.test(text.slice(toks[open]!.start, t.end))) {
        from = open;
        sawNominal = true;
        i = open - 1;
      }
      break;
    }
    // 台湾独立派への警告=中国国防部が明言: an equals sign after a word that is no katakana name (ドナルド=トランプ)
    // closes a headline's statement; the speaker is what follows it.
    if (EQUALS.has(t.surface) && sawNominal && !KATAKANA_WORD.test(toks[i - 1]?.surface ?? '')) break;
    if (isNominal(t)) {
      sawNominal = true;
      from = i;
      i--;
      continue;
    }
    // ボロ|ディン: katakana the analyser cut out of a foreign name (and tagged as something else) stays in it.
    if (sawNominal && KATAKANA_WORD.test(t.surface) && KATAKANA_WORD.test(toks[i + 1]!.surface.slice(0, 1)) && t.end === toks[i + 1]!.start) {
      from = i;
      i--;
      continue;
    }
    // 佐藤 健一: a space between a surname and a given name.
    if (/^[ \u3000]$/.test(t.surface) && i > floor && sawNominal && toks[i - 1]!.pos2 === '人名' && /^[\u4e00-\u9fff々]+$/.test(toks[i + 1]?.surface ?? '') && toks[i - 1]!.surface.length <= 3) {
      from = i;
      i--;
      continue;
    }
    // ホセイン・ダリリアン 氏: a space before the honorific, as translated text sets it.
    if (/^[ \u3000]$/.test(t.surface) && i > floor && sawNominal && i + 1 === last && /^(?:氏|さん)$/.test(toks[i + 1]!.surface) && isNominal(toks[i - 1]!)) {
      from = i;
      i--;
      continue;
    }
    // Lin Haowen, Helen R. Marsh: the space between the words of a Latin name.
    if (t.surface === ' ' && i > floor && sawNominal && /^[A-Z][A-Za-z.'’-]*$/.test(toks[i - 1]!.surface) && /^[A-Z]/.test(toks[i + 1]?.surface ?? '')) {
      from = i;
      i--;
      continue;
    }
    // Space between two nominal chunks: an organisation, then a post and name.
    if (/^[ \u3000]+$/.test(t.surface) && i > floor && sawNominal && isNominal(toks[i - 1]!) && /(?:[行所党局省庁部会社軍院学]|リサーチ|コンサルティング|研究所|大学|銀行|政府|証券|新聞)$/.test(toks[i - 1]!.surface)) {
      from = i;
      i--;
      continue;
    }
    // AやBなどC (北東通信や米紙ボストン・ヘラルドなど米メディア): one collective speaker.
    if ((t.surface === 'など' || t.surface === 'や') && t.pos === '助詞' && i > floor && sawNominal && isNominal(toks[i - 1]!)) {
      from = i;
      i--;
      continue;
    }
    // の between an organisation or place and the head noun after it.
    // (A body glossed before の too: 北大西洋条約機構(NATO)の報道官.)
    if (t.surface === 'の' && t.pos === '助詞' && i > floor && sawNominal && (isNominal(toks[i - 1]!) || CLOSE_PAREN.has(toks[i - 1]!.surface)) && !/^\d+$/.test(toks[i - 1]!.surface)) {
      const head = text.slice(toks[i + 1]!.start, end).replace(TRAILING_NOTE, '');
      if (HEAD_AFTER_NO.test(head) && !/の/.test(head)) {
        from = i;
        i--;
        continue;
      }
    }
    // …を担当する中満|泉事務次長: a name whose first kanji the analyser read as the noun ending the clause before it
    // (中, 上, 後, 前 after a verb), where the document writes that kanji with the name elsewhere (中満氏).
    if (CLAUSE_END_KANJI.has(t.surface) && t.pos1 === '非自立' && sawNominal && i > floor && t.end === toks[from]!.start
      && (toks[i - 1]!.pos === '動詞' || toks[i - 1]!.pos === '助動詞') && writtenWithName(text, t.start, t.surface + text[t.end]!)) {
      from = i;
    }
    break;
  }
  if (!sawNominal || from > last) return null;
  // Leading joiners and dates are not part of the name.
  while (from < i + 1 && from <= last && JOINERS.has(toks[from]!.surface)) from++;
  if (from > last) return null;
  const start = toks[from]!.start;
  return { from, to: last + 1, start, end, text: text.slice(start, end) };
}

function matchBack(toks: readonly JaToken[], close: number, floor: number, opens: Set<string>, closes: Set<string>): number {
  let depth = 0;
  for (let k = close; k >= floor; k--) {
    const s = toks[k]!.surface;
    if (closes.has(s)) depth++;
    else if (opens.has(s) && --depth === 0) return k;
  }
  return -1;
}

/**
 * A phrase without spaces, a closing note (教授(国際政治), 氏(45), ほか(2023)) or ほか / 他 after an author
 * (et al.: the first author speaks for the paper).
 */
/**
 * What may trail a speaker's name and is not part of it: ら after a post or honorific (岸田外相ら, 森戸氏ら: the
 * person and others with them; the person speaks), and a footnote label left in the text (川村報道官注2).
 */
const TRAILING_NOT_NAME = /(?<=[氏相長官員授領使表])ら$|(?<=[\u30A1-\u30FA\u30FC\u4e00-\u9fff々])(?:注|※)[0-9０-９]{1,3}$/;

export function bareSpeaker(text: string): string {
  // (北東通信など: the first named speaks for the others, as ほか does.)
  return text.replace(/[ \u3000]/g, '').replace(TRAILING_NOTE, '').replace(/(?<=[\u30A1-\u30FA\u30FC\u4e00-\u9fff々A-Za-z])(?:ほか|他|など)$/, '').replace(TRAILING_NOT_NAME, '');
}

/** A parenthesised gloss with more of the phrase after it (青瓦台(大統領府)関係者). */
const INNER_GLOSS = /[(（][^()（）]{1,12}[)）](?=.)/g;

/** Places and works a name is given to (…原発, …空港, …ダム): things, never speakers. */
const FACILITY = /(?:原発|発電所|空港|港|駅|ダム|工場|基地|線|道路|トンネル|橋|公園|球場|城|神社|寺|古墳|遺跡)$/;

/** Leading dates and times (5日付, 12日の, 4日、) are dropped from a speaker phrase. */
const DATE_PREFIX = /^(?:(?:\d{1,4}|[一二三四五六七八九十]+)(?:年|月|日)(?:付|付け)?(?:の)?|今月|先月|昨年|今年|同日|最近の|きょう|昨日)+/;

/**
 * What a phrase is: null when it names no one (これ, 問題, 政策). Types follow the real-text key: named
 * officials are persons; ministries and role-only officials governments; think tanks organisations; outlets media.
 */
export function classifySpeaker(np: NounPhrase, toks: readonly JaToken[], readings: SpeakerReadings = new Map()): SpeakerPhrase | null {
  // 前出・記者, 前出の関係者: "the one mentioned above" is no part of the speaker (nor a name: the analyser reads 出 as one).
  if (np.text.startsWith('前出') && /^前出[・の]/.test(np.text)) {
    let k = np.from;
    while (k < np.to && toks[k]!.start < np.start + 3) k++;
    if (k >= np.to) return null;
    np = { ...np, from: k, start: toks[k]!.start, text: np.text.slice(toks[k]!.start - np.start) };
  }
  // The reading depends on the phrase's text and on four facts of its tokens: a phrase is met again and again in a
  // document (every は, が and frame tries the noun phrase before it), so a caller may keep readings by those.
  let hasPersonName = false;
  let personTagged = false;
  for (let k = np.from; k < np.to; k++) {
    const t = toks[k]!;
    if (t.pos2 === '人名') personTagged = hasPersonName = true;
    else if (t.pos3 === '姓' || t.pos3 === '名') hasPersonName = true;
  }
  const lastTok = toks[np.to - 1]!;
  const key = `${np.text}\u0000${hasPersonName ? 1 : 0}${personTagged ? 1 : 0}${lastTok.pos1}\u0000${lastTok.pos2}\u0000${lastTok.pos3}`;
  let reading = readings.get(key);
  if (reading === undefined) {
    reading = readSpeaker(np, toks, hasPersonName, lastTok);
    readings.set(key, reading);
  }
  // (Written out rather than spread: this runs for every は, が and frame of a document, and spreading is slow.)
  if (!reading) return null;
  const sp: SpeakerPhrase = { from: np.from, to: np.to, start: np.start, end: np.end, text: reading.text, type: reading.type, core: reading.core, organization: reading.organization, title: reading.title };
  if (reading.surname) sp.surname = reading.surname;
  return sp;
}

/** What classifySpeaker found, without the phrase's position. */
type Reading = Omit<SpeakerPhrase, keyof NounPhrase> & { text: string };

/** classifySpeaker's readings kept for one document, by the phrase's text and token facts. */
export type SpeakerReadings = Map<string, Reading | null>;

function reading(text: string, type: SpeakerType, core: string, organization: string | null = null, title: string | null = null): Reading {
  return { text, type, core, organization, title };
}

function readSpeaker(np: NounPhrase, toks: readonly JaToken[], hasPersonName: boolean, lastTok: JaToken): Reading | null {
  const text = np.text.replace(DATE_PREFIX, '');
  if (!text) return null;
  // A note after the post (教授(国際政治), 氏(45)) says what the speaker works on or how old they are.
  const bare = bareSpeaker(text);
  if (ANAPHOR.test(bare)) return reading(text, 'anaphor', bare);
  // 台湾側両氏: "both" of those just named (ソコロフとオルロワの両氏 names them, and is read as a name below).
  const both = /(?:両氏|両者)$/.exec(bare);
  if (both && bare.length > both[0].length && !/の(?:両氏|両者)$/.test(bare)) return reading(text, 'anaphor', both[0]);
  if (/^(?:これ|それ|あれ|この|その|我々|私|僕|自分|ここ|今回|同様|一方|他方|ほか|他|こと|もの|ため|問題|点)$/.test(bare)) return null;
  // 中国商務省当局者, 米当局者, 商務省高官: an unnamed official of a named government or ministry is that government.
  const official = /^(.+?)(?:当局者|高官)$/.exec(bare);
  if (official && (GOV_TAILS.test(official[1]!) || STATE_NAMES.test(official[1]!))) return reading(text, 'government', bare);
  // (お客さま, 皆さん: the analyser tags the honorific as a name's suffix, but no one is named.)
  // (A gloss in parentheses inside the phrase, 青瓦台(大統領府)関係者, is no part of what it is.)
  const unglossed = bare.includes('(') || bare.includes('（') ? bare.replace(INNER_GLOSS, '') : bare;
  if (GENERIC_SOURCE.test(unglossed) && (!hasPersonName || /^(?:お客|皆|みな)(?:さま|様|さん)$/.test(bare))) return reading(text, 'group', bare);
  // 干拓地で農業を営む入植者ら, 原告の漁業者たち: people named by what they do, and no name, are a group.
  if (!hasPersonName && /[\u4e00-\u9fff]{2}者(?:ら|たち)?$/.test(unglossed) && !/(?:記者|筆者|著者|編集者|司会者)$/.test(unglossed.replace(/(?:ら|たち)$/, ''))) return reading(text, 'group', bare);
  // 41%の人, 3割の企業: a share of those surveyed.
  if (/^[\d０-９.．]+(?:[%％]|割)の?(?:人|人々|回答者|企業|社|世帯)$/.test(bare)) return reading(text, 'group', bare);
  if (BRACKETED_OUTLET.test(bare)) return reading(text, 'media', bare.slice(1, -1));
  const titled = /^(.+?)「[^」]+」$/.exec(bare);
  if (KATAKANA_MEDIA.test(bare) || MEDIA_TAILS.test(bare) && !/(?:局長|部長)$/.test(bare) || titled && TITLED_OUTLET.test(titled[1]!) || DESCRIBED_OUTLET.test(bare)) {
    return reading(text, 'media', mediaCore(bare));
  }
  // 情報機関「国家情報院」: the bracketed name is the body's.
  if (titled && TITLED_BODY.test(titled[1]!)) {
    const name = /「([^」]+)」$/.exec(bare)![1]!;
    return reading(text, GOV_TAILS.test(name) || /(?:情報|政府)機関$/.test(titled[1]!) ? 'government' : 'organization', name);
  }
  // ゴールデン・テン・データ: a katakana run of words whose last is a thing, not a name, is a body that publishes.
  if (isKatakanaFullName(bare) && NOT_PEOPLE_KATAKANA.test(bare.slice(bare.lastIndexOf('・') + 1))) {
    return reading(text, MEDIA_TAILS.test(bare) || /データ$/.test(bare) ? 'media' : 'organization', bare);
  }
  // 米ゴールドマン・サックス(GS): a katakana name glossed with its initials is a firm (a person's gloss is a name).
  const initials = /^(?:[米英仏独中韓露豪印台欧]|日本)?([\u30A1-\u30FA\u30FC・&＆]{2,})[(（][A-Z&]{2,6}[)）]$/.exec(text);
  if (initials) return reading(text, 'organization', initials[1]!);
  // (A post must be a word of its own: 相 of 様相, a common noun, is none.)
  const ending = postEnding(bare);
  const post = ending && lastTok.surface.length > ending.length && lastTok.surface.endsWith(ending) && lastTok.known && lastTok.pos === '名詞' && (lastTok.pos1 === '一般' || lastTok.pos1 === 'サ変接続') ? undefined : ending;
  // ボロディンほか(2023), 佐伯(2021): an author cited with the year of the work.
  const cited = /^[\u30A1-\u30FA\u30FC・\u4e00-\u9fff々A-Za-z. ]{2,24}(?:ほか|他)?[(（](?:19|20)\d{2}[a-z]?[)）]$/.test(text) && !ORG_TAILS.test(bare) && !GOV_TAILS.test(bare);
  // 岸田政権, 森山内閣, 北村陣営, 岸本派: a body named after the person who leads it speaks as that body.
  const led = /(?:政権|内閣|陣営|事務所|派)$/.exec(bare);
  if (led && hasPersonName && bare.length > led[0].length + 1) return reading(text, /^(?:政権|内閣)$/.test(led[0]) ? 'government' : 'organization', bare);
  // 川内原発, 北川ダム: a place named after a family (the analyser reads a surname) is no one who speaks.
  if (hasPersonName && !post && FACILITY.test(bare)) return null;
  if (hasPersonName || post || cited || isKatakanaFullName(bare) || trailingFullName(bare) > 0 && /[\u4e00-\u9fff]$/.test(bare.slice(0, trailingFullName(bare))) || /^[A-Z][A-Za-z.'-]+(?: [A-Z][A-Za-z.'-]+)*(?:氏|さん)$/.test(bare)) {
    if (/(?:高官|当局者)$/.test(bare)) return reading(text, 'government', bare);
    // 各党首, 両首脳, 与野党党首: holders of a post taken together, no one by name.
    // (EU諸国の外相, 加盟国の首脳: the holders in several countries.)
    if (!hasPersonName && post && (/^(?:各|両|歴代|与野党|各国)[\u4e00-\u9fff]*$/.test(bare) || /(?:諸国|各国|加盟国|参加国|同盟国)の[\u4e00-\u9fff]{1,6}$/.test(bare))) return reading(text, 'group', bare);
    const split = splitNameAndPost(text, post ?? null, toks, np);
    // 担当記者, 取材記者: a verbal noun before the post says what the holder does, not who they are.
    const nameToks = toks.slice(np.from, np.to).filter((t) => split.name.includes(t.surface));
    // (A post that is a verbal noun itself, 司会, is the one who holds it.)
    if (!hasPersonName && split.title && post !== bare && nameToks.length === 1 && nameToks[0]!.surface === split.name && nameToks[0]!.known && nameToks[0]!.pos1 === 'サ変接続') {
      return reading(text, 'group', bare);
    }
    // 米国防長官, ロシア大統領: an office of state named by its country alone is the government speaking.
    const holder = (split.title && split.name.endsWith(split.title) ? split.name.slice(0, -split.title.length) : split.name).replace(MINISTRY_OFFICE_AT_END, '');
    if (!hasPersonName && split.title && OFFICES_OF_STATE.test(split.title) && holder && (isPlaceName(holder) || STATE_NAMES.test(holder))) {
      return reading(text, 'government', bare);
    }
    // 中国外務省の報道官, 北大西洋条約機構(NATO)の報道官: a body's post held by no one named is the body speaking
    // through an unnamed official (a role-only official: the government, or the organisation).
    if (!hasPersonName && post && SPOKESPERSON.test(post) && split.title && (split.name === split.title || split.name === text.trim() || split.name.endsWith(`の${split.title}`))) {
      const body = bare.slice(0, bare.length - post.length).replace(/の$/, '');
      const named = body.replace(/[(（][^()（）]*[)）]$/, '');
      const government = GOV_TAILS.test(named) || STATE_NAMES.test(named) || isPlaceName(named);
      if (named.length >= 2 && (government || ORG_TAILS.test(named) || /^[A-Z]{2,6}$/.test(named))) return reading(text, government ? 'government' : 'organization', bare, body, post);
    }
    const sp = reading(text, 'person', split.name, split.organization, split.title);
    // 泉健太: a kanji name the analyser cuts into family and given name keeps the family name for short forms (泉代表).
    const family = /^[\u4e00-\u9fff々]{2,6}$/.test(split.name) ? familyName(split.name, toks, np) : null;
    return family && sp ? { ...sp, surname: family } : sp;
  }
  // 韓国の情報機関・国家情報院: the kind of body before the dot describes the body named after it.
  const body = bare.replace(DESCRIBED_BODY, '');
  if (STATE_NAMES.test(body) || GOV_TAILS.test(body) || lastTok.pos2 === '地域' && lastTok.pos3 === '国') return reading(text, 'government', body);
  // 東京都, 北川市, 大泉町 (a place and its suffix), and 市, 町 alone for the one named before: a local government.
  if (lastTok.pos1 === '接尾' && lastTok.pos2 === '地域' && /^[都道府県市区町村]$/.test(lastTok.surface) && np.to - np.from >= 2 && toks[np.to - 2]!.pos2 === '地域' || /^[都府県市区町村]$/.test(bare)) return reading(text, 'government', body);
  if (ORG_TAILS.test(body) || lastTok.pos2 === '組織') return reading(text, 'organization', body);
  if (lastTok.pos1 === '固有名詞') return reading(text, lastTok.pos2 === '地域' ? 'government' : 'organization', body);
  return null;
}

/** The family name of a kanji `name` within the phrase, where the analyser tags its words 姓 then 名; else null. */
function familyName(name: string, toks: readonly JaToken[], np: NounPhrase): string | null {
  for (let i = np.from; i + 1 < np.to; i++) {
    const t = toks[i]!;
    if (t.pos3 !== '姓' || !name.startsWith(t.surface) || t.surface.length >= name.length) continue;
    const next = toks[i + 1]!;
    return next.pos2 === '人名' && next.pos3 === '名' && name.startsWith(t.surface + next.surface) ? t.surface : null;
  }
  return null;
}

/** A paper or broadcaster's name in brackets (「北辰時報」, 『東西日報』). */
const BRACKETED_OUTLET = /^[「『][^「」『』\s、。]{1,12}(?:新聞|時報|日報|新報|通信|タイムズ|ポスト|ジャーナル|テレビ|放送|報)[」』]$/;
/** A kind of body and a dot before its name (情報機関・国家情報院, 米シンクタンク・北辰研究所), with what describes it. */
const DESCRIBED_BODY = /^(?:[^・]*の|[米英仏独中韓露豪印台欧])?(?:情報機関|諜報機関|捜査機関|治安機関|当局|政府機関|通信社|シンクタンク|研究機関|調査機関|調査会社|格付け会社|民間団体|市民団体|業界団体|国営通信|国営メディア|与党|野党|最大野党)・(?=[^・]{2,}$)/;

/** Posts whose holder speaks for a body: unnamed, the body speaks (中国外務省の報道官). */
const SPOKESPERSON = /^(?:副?報道官|広報官|スポークスマン|スポークスパーソン)$/;
const MINISTRY_OFFICE_AT_END = new RegExp(`(?:${MINISTRY_OFFICES.join('|')})$`);
const BODY_BEFORE_SPACE = /^[\u4e00-\u9fff々]*(?:党|会|省|庁|府|院|社|局|軍|団|連|協)[ \u3000]/;
/** Offices of state whose holder a country names alone (ロシア大統領, 米国防長官, 中国外相). */
const OFFICES_OF_STATE = /^(?:副?大統領|副?首相|総理大臣|総理|国家主席|主席|外相|国防相|防衛相|財務相|外務大臣|国防大臣|防衛大臣|国務長官|国防長官|財務長官|長官|報道官|外務省報道官|国務委員|外交部長|国防部長|大使|国連大使)$/;

function isKatakanaFullName(s: string): boolean {
  return /^[\u30A1-\u30FA\u30FC]{2,}(?:[・=＝](?:[\u30A1-\u30FA\u30FC]{1,}|[A-Z]\.?)){1,3}$/.test(s);
}

/** A katakana full name closing a phrase (北方工科大学ボリス・K・ゼムスキー): where it starts, or -1. */
export function trailingFullName(s: string): number {
  const m = /[\u30A1-\u30FA\u30FC]{2,}(?:[・=＝](?:[\u30A1-\u30FA\u30FC]{1,}|[A-Z]\.?)){1,3}$/.exec(s);
  return m ? m.index : -1;
}

/** An outlet named after the kind of outlet it is (ロシアメディア・プラウダ, 独国際放送局ドイチェ・ヴェレ, 米紙ボストン・ヘラルド). */
const DESCRIBED_OUTLET = /(?:メディア|紙|誌|通信社|放送局|新聞社|テレビ局)・?[\u30A1-\u30FA\u30FC][\u30A1-\u30FA\u30FC・]*$/;

/** 米紙ボストン・ヘラルド(電子版) → ボストン・ヘラルド; 台湾メディア・北港日報 → 北港日報. */
function mediaCore(s: string): string {
  let c = s.replace(/[(（](?:電子版|ウェブ版|オンライン版)[)）]$/, '');
  const bracket = /「([^」]+)」$/.exec(c);
  if (bracket) return bracket[1]!;
  c = c.replace(/^(?:米|英|仏|独|中国|韓国|ロシア|台湾|香港|日本|米国|英国)?(?:紙|誌|ニュースサイト|メディア|テレビ|通信社?|放送局?)[・\s]?/, '');
  c = c.replace(/^.*?メディア[・\s]/, '');
  c = c.replace(/^.*?(?:通信社|放送局|新聞社|テレビ局)・?(?=[\u30A1-\u30FA\u30FC])/, '');
  c = c.replace(/紙$/, '');
  return c || s;
}

/** Rank words that stand before a post and belong to it (首席エコノミスト, 上席主任研究員, 名誉教授, 前大統領). */
const RANK_WORDS = `(?:(?:${KATAKANA_RANK_WORDS.join('|')})・?)+|${KANJI_RANKS.join('|')}`;
const KANJI_NAME_THEN_OFFICE = new RegExp(`^([\\u4e00-\\u9fff々]{2,4})(${MINISTRY_OFFICES.join('|')})$`);
const RANK_AT_END = new RegExp(`(?:${RANK_WORDS})$`);
/** A kanji name, then perhaps rank words (坂井正人 + 特任, before the post). */
const NAME_THEN_RANK = new RegExp(`^([\\u4e00-\\u9fff々]{2,5}?)((?:${RANK_WORDS})?)$`);

/** A post, then a kanji name of two to four characters with no break (首席エコノミスト熊野英生); or null. */
function postThenKanjiName(s: string): { before: string; post: string; name: string } | null {
  const kanji = /[\u4e00-\u9fff々]{2,}$/.exec(s);
  if (!kanji) return null;
  for (let n = Math.min(4, kanji[0].length); n >= 2; n--) {
    const prefix = s.slice(0, s.length - n);
    // (ノリ漁業者川崎賢朗: one who does something, a noun in 者, run into the name as a post is.)
    const own = postEnding(prefix) ?? /[\u4e00-\u9fff]{1,3}者$/.exec(prefix)?.[0];
    if (!own || own.length < 2 || /^(?:氏|さん)$/.test(own)) continue;
    let before = prefix.slice(0, -own.length);
    let post = own;
    const rank = RANK_AT_END.exec(before);
    if (rank) { before = before.slice(0, -rank[0].length); post = rank[0] + post; }
    return { before: before.replace(/[の・\s]+$/, ''), post, name: s.slice(s.length - n) };
  }
  return null;
}

/** An organisation with a post run on (東西新聞社特任編集委員): the two apart, the post with its rank words; or null. */
function trailingPost(s: string): { organization: string; post: string } | null {
  const own = postEnding(s);
  if (!own || own.length < 2 || s.length <= own.length) return null;
  let organization = s.slice(0, -own.length);
  let post = own;
  const rank = RANK_AT_END.exec(organization);
  if (rank && organization.length > rank[0].length) { organization = organization.slice(0, -rank[0].length); post = rank[0] + post; }
  organization = organization.replace(/[の・\s]+$/, '');
  return ORG_TAILS.test(organization) || GOV_TAILS.test(organization) || MEDIA_TAILS.test(organization) ? { organization, post } : null;
}

/**
 * 王建明(ワン・ジエンミン)院長 → 王建明 | 院長; 北斗リサーチ&アドバイザリー 森川拓也首席エコノミスト →
 * 森川拓也 | 北斗リサーチ&アドバイザリー | 首席エコノミスト; 坂井正人・東陵大名誉教授 → 坂井正人 | 東陵大 | 名誉教授.
 */
function splitNameAndPost(text: string, post: string | null, toks: readonly JaToken[], np: NounPhrase): { name: string; organization: string | null; title: string | null } {
  // 鄭明遠(ていめいえん)高雄市長, 王建明(ワン・ジエンミン)院長: kanji glossed with their reading are the name.
  // (A name of five kanji or six after の, a dot or a space is whole: 国民党の玉木雄一郎(たまき・ゆういちろう)代表.)
  const glossed = /^(?:(.*)[の・\s])?([\u4e00-\u9fff々]{2,6})[(（][\u3040-\u30ff・ー\s]+[)）](.*)$/.exec(text) ?? /^(.*?)([\u4e00-\u9fff々]{2,4})[(（][\u3040-\u30ff・ー\s]+[)）](.*)$/.exec(text);
  if (glossed) {
    return { name: glossed[2]!, organization: (glossed[1] ?? '').replace(/[の・\s]+$/, '') || null, title: glossed[3]!.replace(/^[・\s]+/, '') || null };
  }
  // (ほか for et al. is not part of the name: ボロディンほか(2023).)
  let s = text.replace(/[(（][^)）]*[)）]/g, '').trim().replace(/(?<=[\u30A1-\u30FA\u30FC\u4e00-\u9fff々A-Za-z])(?:ほか|他)$/, '').replace(TRAILING_NOT_NAME, '');
  // Name・Organisation Post (坂井正人・東陵大名誉教授): the name comes first.
  // 経済学者の坂井正人・東陵大名誉教授: a description before the name is dropped.
  const dot = /^(?:.*の)?([\u4e00-\u9fff々]{2,5})・(.+)$/.exec(s);
  // Organisation・Name Post (東陵大学・坂井正人教授, 東陵大・坂井正人教授): the name follows the dot when what stands
  // before it is an organisation (X大 is a university's short name); the post's rank words stay with the post.
  // (Or when the analyser tags as a name what follows the dot and nothing before it: 北陵労連・川村会長.)
  const tagged = dot ? toks.slice(np.from, np.to).filter((t) => t.pos2 === '人名') : [];
  const nameAfterDot = tagged.some((t) => dot![2]!.startsWith(t.surface)) && !tagged.some((t) => dot![1]!.includes(t.surface)) && !postEnding(dot![1]!);
  const orgFirst = dot && post && dot[2]!.endsWith(post) && !dot[2]!.includes('・') && (ORG_TAILS.test(dot[1]!) || GOV_TAILS.test(dot[1]!) || MEDIA_TAILS.test(dot[1]!) || /大$/.test(dot[1]!) || nameAfterDot)
    ? NAME_THEN_RANK.exec(dot[2]!.slice(0, -post.length))
    : null;
  if (orgFirst) return { name: orgFirst[1]!, organization: s.slice(0, s.length - dot![2]!.length - 1), title: orgFirst[2]! + post! };
  // Organisation Post・Name (東陵県知事・坂井正人氏): the post closes what stands before the dot.
  const postFirst = dot && !dot[2]!.includes('・') ? postEnding(dot[1]!) : undefined;
  if (postFirst && postFirst.length >= 2 && dot![1]!.length > postFirst.length && /^[\u4e00-\u9fff々]{2,5}(?:氏|さん)?$/.test(dot![2]!)) {
    const before = s.slice(0, s.length - dot![2]!.length - 1);
    return { name: dot![2]!.replace(/(?:氏|さん)$/, ''), organization: before.slice(0, -postFirst.length) || null, title: postFirst };
  }
  if (dot && post && dot[2]!.endsWith(post) && !dot[2]!.includes('・')) {
    let org = dot[2]!.slice(0, -post.length);
    let title = post;
    const rank = RANK_AT_END.exec(org);
    if (rank && org.length > rank[0].length) { org = org.slice(0, -rank[0].length); title = rank[0] + title; }
    return { name: dot[1]!, organization: org || null, title };
  }
  let title: string | null = null;
  if (post && s.endsWith(post) && s.length > post.length) {
    s = s.slice(0, -post.length);
    title = post;
    // Rank words before a post belong to it (首席エコノミスト, 名誉教授, 前大統領).
    const rank = RANK_AT_END.exec(s);
    // (Not a rank the analyser reads as the end of a name: 坂元キャスター is 坂元, not a former caster 坂.)
    const straddles = rank && toks.slice(np.from, np.to).some((t) => t.pos2 === '人名' && s.includes(t.surface) && s.indexOf(t.surface) + t.surface.length > s.length - rank[0].length);
    if (rank && s.length > rank[0].length && !straddles) { s = s.slice(0, -rank[0].length); title = rank[0] + title; }
    // (A rank and a post alone, 元秘書: a post, no name.)
    else if (rank && s.length === rank[0].length) { s = rank[0] + title; title = s; }
    // 駐米大使, 駐日中国大使: where an envoy is posted is part of the post.
    const posted = /駐(?:[\u4e00-\u9fff]{1,3}|[\u30A1-\u30FA\u30FC]{2,8})$/.exec(s);
    if (posted && s.length > posted[0].length) { s = s.slice(0, -posted[0].length); title = posted[0] + title; }
    // Two posts held at once (国務委員兼外交部長, 会長兼社長): the first is part of the title too.
    const first = s.endsWith('兼') ? postEnding(s.slice(0, -1)) : undefined;
    if (first && s.length - 1 > first.length) { s = s.slice(0, -1 - first.length); title = `${first}兼${title}`; }
  }
  if (title && /^(?:氏|さん|君|様|殿|女史)$/.test(title)) title = null;
  s = s.replace(/[・\s]+$/, '');
  // The name is the last segment after の or a space (中銀の森山, 中央銀行 森山); a dot separates an
  // organisation from a name only when the two are not both katakana (ジョン・ハワード is one name).
  let organization: string | null = null;
  let name = s;
  // 佐藤 健一: a space between a kanji surname and given name is part of the name, not a cut.
  // Lin Haowen: a Latin name keeps its spaces too.
  let spacedName = /(?:^|[の\s])([\u4e00-\u9fff々]{1,3}[ \u3000][\u4e00-\u9fff々]{1,3}|[A-Z][A-Za-z.'’-]*(?: [A-Z][A-Za-z.'’-]*)+)$/.exec(s);
  // (北辰党 森戸, 日本改革の会 北村: a party or a body before the space, not a family name.)
  if (spacedName && /[\u4e00-\u9fff々]/.test(spacedName[1]![0]!) && BODY_BEFORE_SPACE.test(spacedName[1]!)) spacedName = null;
  // (松本市 川上健: a place before the space, its suffix read as one (市, 町, 県), not a family name.)
  if (spacedName) {
    const first = spacedName[1]!.split(/[ \u3000]/)[0]!;
    if (toks.slice(np.from, np.to).some((t) => t.pos1 === '接尾' && t.pos2 === '地域' && first.endsWith(t.surface))) spacedName = null;
  }
  const cut = spacedName ? s.length - spacedName[1]!.length - 1 : Math.max(s.lastIndexOf('の'), s.lastIndexOf(' '), s.lastIndexOf('\u3000'));
  if (cut > 0) {
    // (AやBの北村氏: the organisation is B's; A is another person of a list.)
    organization = s.slice(0, cut).trim().replace(/^.*や/, '') || null;
    name = s.slice(cut + 1).trim();
    // 東西総合研究所上席主任研究員の石川氏: an organisation run into a post; the post is the person's.
    const own = organization ? trailingPost(organization) : null;
    if (own) {
      organization = own.organization;
      title ??= own.post;
    }
  }
  // ペトロフ不拡散・軍縮局長: a katakana name, then the office its post belongs to (kanji), then the post.
  // (A surname alone: in イーゴリ・パノフ・ロシア国連 the last katakana word is a country, read below.)
  // (A full name too: キム・ミンス国家安保室長, オ・ヒョンジュ国家安保室第3次長.)
  // (Not when the last katakana word is a country, as in ワシリー・ネベンジ・ロシア国連大使: see below.)
  // (A body's Latin initials may open the office: ユン・ヨンジンKAIST機械工学科教授 is of KAIST's department.)
  let office = title ? /^((?:[\u30A1-\u30FA\u30FC]+[・=＝])*[\u30A1-\u30FA\u30FC]{2,})((?:[A-Z][A-Za-z&]+)?[\u4e00-\u9fff々][^・]*(?:・[\u4e00-\u9fff々]+)*)$/.exec(name) : null;
  if (office && isPlaceName(office[1]!.split(/[・=＝]/).pop()!)) office = null;
  if (office && /^[A-Z]/.test(office[2]!)) {
    name = office[1]!;
    organization = [organization, office[2]!].filter(Boolean).join('の');
  } else if (office) {
    name = office[1]!;
    title = office[2]! + title;
  }
  // 高島肇久外務報道官: an office word of a ministry between a kanji name and the post belongs to the post.
  const kanjiOffice = title ? KANJI_NAME_THEN_OFFICE.exec(name) : null;
  if (kanjiOffice) {
    name = kanjiOffice[1]!;
    title = kanjiOffice[2]! + title;
  }
  // ホワイトハウス・カーヴィン, ロシア・ザハロフ: a body or a country in katakana before the name is the organisation.
  const lead = /^([\u30A1-\u30FA\u30FC]+)・([\u30A1-\u30FA\u30FC][^]*)$/.exec(name);
  if (lead && bodyBeforeName(lead[1]!, lead[2]!.split('・')[0]!)) {
    organization = [organization, lead[1]!].filter(Boolean).join('の') || null;
    name = lead[2]!;
  }
  // イーゴリ・パノフ・ロシア国連 → the katakana run is the name, the rest the organisation.
  const segs = name.split('・');
  const kataSeg = /^(?:[\u30A1-\u30FA\u30FC]{1,}|[A-Z]\.?)$/;
  if (segs.length >= 3 && kataSeg.test(segs[0]!) && !kataSeg.test(segs[segs.length - 1]!)) {
    let k = 0;
    while (k < segs.length && kataSeg.test(segs[k]!)) k++;
    organization = [organization, segs.slice(k).join('・')].filter(Boolean).join('の') || null;
    name = segs.slice(0, k).join('・');
  }
  const tail = trailingFullName(name);
  if (tail > 0) {
    let before = name.slice(0, tail).replace(/[・\s]+$/, '');
    // 統一研究院研究委員・チョ・ハンボム: a post closing what stands before the name is the name's post.
    const own = title ? undefined : postEnding(before);
    if (own && own.length >= 2 && before.length > own.length) {
      title = own;
      before = before.slice(0, -own.length);
    }
    organization = [organization, before].filter(Boolean).join('の') || null;
    name = name.slice(tail);
  }
  // 首席エコノミスト熊野英生, 大学教授山田太郎: a post run into the kanji name after it is the name's post.
  const ranInto = postThenKanjiName(name);
  // (Only a name: 黒田総裁会見 is the governor's press conference, not a person called 会見.)
  if (ranInto && toks.slice(np.from, np.to).some((t) => ranInto.name.includes(t.surface) && (t.pos2 === '人名' || !t.known))) {
    if (ranInto.before) organization = [organization, ranInto.before].filter(Boolean).join('の') || null;
    title ??= ranInto.post;
    name = ranInto.name;
  }
  const dotCut = name.lastIndexOf('・');
  if (dotCut > 0 && !isKatakanaFullName(name)) {
    const left = name.slice(0, dotCut);
    const right = name.slice(dotCut + 1);
    const kata = /^[\u30A1-\u30FA\u30FC=＝]+$/;
    if (!(kata.test(right) && kata.test(left.split('・').pop() ?? ''))) {
      // (同・和久井氏: 同 points back to an organisation named before; it names none itself.)
      if (left !== '同') organization = [organization, left].filter(Boolean).join('の') || null;
      name = right;
    }
  }
  // 中国外務省報道官: what stands before the post is a ministry, not a name; the spokesperson is unnamed.
  const body = name.slice(name.lastIndexOf('の') + 1);
  // (阿部官房長官, 北辰党の服部幹事長: a surname the analyser tags as one is no department ending in 部.)
  // (服部 is tagged a place: a proper noun of two kanji ending in 部 standing alone before the post is a surname too.)
  const surname = toks.slice(np.from, np.to).some((t) => t.pos2 === '人名' && t.surface.length >= 2 && body.endsWith(t.surface) || t.pos1 === '固有名詞' && t.surface === body && /^[\u4e00-\u9fff]部$/.test(body));
  if (title && body && !surname && (GOV_TAILS.test(body) || ORG_TAILS.test(body)) && !/[\u30A1-\u30FA]{2,}$/.test(body)) {
    return { name: text.replace(/[(（][^)）]*[)）]/g, '').trim(), organization: [organization, name].filter(Boolean).join('の'), title };
  }
  // 宇田秀明欧州局長: an office between a kanji name and the post (欧州 of 欧州局長) belongs to the post; the name is the
  // run the analyser tags as one.
  if (title && /^[\u4e00-\u9fff々]{6,}$/.test(name)) {
    let run = '';
    let after: JaToken | undefined;
    for (const t of toks.slice(np.from, np.to)) {
      if (t.pos2 === '人名' && name.startsWith(run + t.surface)) run += t.surface;
      else if (run) { after = t; break; }
    }
    // (Only when a word of two kanji or more follows: 赤沢亮|正|経済 is a name the analyser cut short.)
    const office = after && after.pos === '名詞' && after.surface.length >= 2;
    if (office && run.length >= 2 && run.length <= 5 && name.length > run.length) { title = name.slice(run.length) + title; name = run; }
  }
  const isName = name.length >= 1 && name.length <= 16 && !((postEnding(name)?.length ?? 0) >= 2) && !isPlaceName(name)
    // (A Korean surname in katakana may be one character before a post: オ次長, イ長官.)
    // (片山さつき, 野田ゆり: a given name in hiragana, when the analyser tags the words a name.)
    && (/^[\u4e00-\u9fff々]{1,3}[ \u3000][\u4e00-\u9fff々]{1,3}$/.test(name) || /^[\u4e00-\u9fff々]{1,3}[\u3041-\u3096]{2,4}$/.test(name) && toks.slice(np.from, np.to).some((t) => t.pos2 === '人名') || /^[\u30A1-\u30FA\u30FC・=＝]{2,}$/.test(name) || /^[\u30A1-\u30FA]$/.test(name) && (title !== null || /(?:氏|さん)$/.test(text)) || isKatakanaFullName(name) || /^[A-Za-z][A-Za-z. '-]*$/.test(name) && !/^[A-Z]{2,6}$/.test(name) || /^[\u4e00-\u9fff々]{1,5}$/.test(name) && (title !== null || toks.slice(np.from, np.to).some((t) => t.pos2 === '人名') || /(?:氏|さん|君)$/.test(text)));
  if (!isName) {
    // 国防省の報道官: an unnamed holder of a post; the ministry before の is the organisation.
    const owner = /^(.+)の[^の]+$/.exec(text)?.[1] ?? null;
    const organization = owner && (GOV_TAILS.test(owner) || ORG_TAILS.test(owner)) ? owner : null;
    return { name: text.replace(/[(（][^)）]*[)）]/g, '').trim(), organization, title: post && post.length > 1 ? post : null };
  }
  return { name, organization, title };
}
