/**
 * Pass 5: the people of a document — experts, officials, the authors — with their organisation and post.
 *
 * Japanese commentary writes a foreign expert as katakana parts joined by ・, often with a Latin middle
 * initial (…・L・…), right after a descriptor that holds the organisation and the post with no separator
 * (…研究所朝鮮・モンゴル部長アレクサンダー・…). Later mentions use the surname alone (ソコリンは). Korean,
 * Chinese and Japanese people are written in kanji, usually with a post or honorific after the name
 * (洪前韓国大統領, 山田氏). English text writes "First Last" with a descriptor around it.
 *
 * The pass finds full-name mentions, splits the descriptor before them into organisation and post
 * (`splitPost`), then finds every later short form (surname, surname + post, 同氏) and links it to the
 * person it refers to: the most recent full mention with that surname.
 *
 * Groups, governments and media are found by the attribution pass when they act as speakers (see
 * `people-registry.ts`); this pass only records the individuals and the authors.
 */
import type { DraftDocument } from '../segment/02-classify-blocks.ts';
import type { ClassifiedBlock } from '../segment/02-classify-blocks.ts';
import type { DraftSentence } from '../segment/03-split-sentences.ts';
import type { Span } from '../text/span.ts';
import { isKatakana } from '../text/chars.ts';
import { HONORIFICS, KANJI_RANKS, MINISTRY_OFFICES, ORG_SUFFIXES, POST_WORD_RE, isPost, splitPost } from './vocabulary.ts';
import { KATAKANA_PLACES, bodyBeforeName, isPlaceName } from './places.ts';
import { PeopleRegistry, defaultSurname, type DraftPerson } from './people-registry.ts';
import { NOT_PEOPLE_KATAKANA } from './speakers.ts';

export interface PeopleInput {
  text: string;
  language: 'ja' | 'en';
  blocks: readonly ClassifiedBlock[];
  sentences: readonly DraftSentence[];
  document: DraftDocument;
  /** What the morphological analyser says of a candidate; without it, every candidate is taken. */
  morph?: PeopleMorph;
}

export interface PeopleMorph {
  /**
   * How many common nouns `word` is made of, 0 when anything else is in it. One (裏金, 若手) before a post held by many
   * (裏金議員) is no surname; two or more (国防|安全) are no name at all.
   */
  commonNouns(word: string): number;
  /** Whether every word of `word` is in the dictionary and none is a name (核兵器, 日米防衛相会談): no one is called so. */
  nameless(word: string): boolean;
  /** Whether a cut of `s` at `at` falls inside a word (慶應|義塾大学): no name ends there. */
  splitsWord(s: string, at: number): boolean;
  /** Whether `word` is an organisation the dictionary knows by name (全銀協, 経団連): 全銀協会長 names no one. */
  organization(word: string): boolean;
  /** The family name of `word` when it is a family name and a given name as the dictionary knows them (高橋|千鶴子), or null. */
  familyName?(word: string): string | null;
}

const KATA = '\\u30A1-\\u30FA\\u30FC';
/**
 * Kinds of organisation a descriptor may end with (調査会社, 投資ファンド): the katakana name after it is the
 * organisation's. Not the heads of proper names (極東国立工科大学イーゴリ・N・ソコロフ is a person).
 */
const ORG_KIND = /(?:会社|企業|ファンド|シンクタンク|メディア|通信社|放送局|新聞社|テレビ局|グループ|団体|政党)$/;

/** Katakana words that end organisation names and may stand glued before a name. */
const KATAKANA_ORG_HEAD = /^(?:センター|アカデミー|フォーラム|クラブ|シンクタンク|グループ|ユニット|ラボ|プログラム|プロジェクト|イニシアチブ|カウンシル|スクール|カレッジ|インスティテュート|ファウンデーション|ソサエティ)(?=[\u30A1-\u30FA\u30FC]{2})/;
/** Katakana name parts joined by ・ or ＝/=, with optional Latin initials: ミハイル・L・ソコリン. */
// Middle parts may be one character (スー・ミ・テリー); the first and the last have two or more.
const KATAKANA_NAME = new RegExp(`(?<![${KATA}])[${KATA}]{2,}(?:[・=＝](?:[A-Z](?![A-Za-z])\\.?|[${KATA}]{1,}(?=[・=＝])))*[・=＝](?:[A-Z](?![A-Za-z])\\.?|[${KATA}]{2,})`, 'g');

/** The document's authors, as people with role author (their byline name is their mention). */
export function addAuthors(registry: PeopleRegistry, document: DraftDocument, morph?: PeopleMorph): PeopleRegistry {
  for (const a of document.authors) {
    // (A byline of dictionary words and no name is a section label, 核兵器 above a title, or a caption, not a name.)
    if (/^[\u4e00-\u9fff々]+$/.test(a.name) && morph?.nameless(a.name)) continue;
    const p = registry.addPerson({ name: a.name, organization: a.organization, title: a.title, role: 'author' });
    if (a.nameSpan) registry.addMention(p, a.nameSpan);
  }
  return registry;
}

export function findPeople(input: PeopleInput, registry = new PeopleRegistry(input.text)): PeopleRegistry {
  const { text, blocks, document } = input;
  // Authors first: they are people of the document too.
  addAuthors(registry, document, input.morph);
  const bodyKinds = new Set(['paragraph', 'list-item', 'heading']);
  for (const b of blocks) {
    if (!bodyKinds.has(b.kind)) continue;
    findKatakanaNames(text, b, registry);
    findKatakanaSurnamesWithPost(text, b, registry);
    // Full names after a post first (…研究委員朴 成民), so that a later 朴研究委員 is their short form.
    findKanjiNamesAfterPost(text, b, registry);
    findKanjiNames(text, b, registry, input.morph);
    if (input.language === 'en') findLatinNames(text, b, registry);
  }
  // A title names the person whose press conference or statement the document is (森川復興大臣記者会見録).
  for (const b of blocks) if (b.kind === 'title') findKanjiNames(text, b, registry, input.morph, true);
  // Short forms: surnames and pronouns, in text order, each linked to the latest full mention before it.
  const shortForms = shortFormPattern(registry);
  const pronouns: { start: number; end: number; word: string }[] = [];
  registry.batch(() => {
    for (const b of blocks) if (bodyKinds.has(b.kind)) findShortForms(text, b, registry, shortForms, pronouns);
  });
  // 同氏 and 両氏 refer to whoever was named last, short forms included: resolve them once those are in.
  for (const p of pronouns) {
    const last = registry.lastMentionBefore(p.start, /^両/.test(p.word) ? 2 : 1);
    for (const person of last) registry.addMention(person, { start: p.start, end: p.end }, undefined, p.word);
  }
  return registry;
}

function findKatakanaNames(text: string, block: ClassifiedBlock, registry: PeopleRegistry): void {
  KATAKANA_NAME.lastIndex = block.contentStart;
  let m: RegExpExecArray | null;
  // Scan the block only: on the whole text a block without a match would run the pattern to the end of the
  // document (quadratic in the number of blocks). A slice up to the block's end is cheap and keeps offsets.
  const upto = text.slice(0, block.end);
  while ((m = KATAKANA_NAME.exec(upto)) && m.index < block.end) {
    let start = m.index;
    let end = Math.min(m.index + m[0].length, block.end);
    // A katakana organisation word glued before the name (…研究センターニコライ・…) belongs to the descriptor.
    const glued = KATAKANA_ORG_HEAD.exec(text.slice(start, end));
    if (glued && glued[0].length < end - start) start += glued[0].length;
    let parts = text.slice(start, end).split(/[・=＝]/);
    let trailingPost: string | null = null;
    // "Name・Post": a last part that runs on into kanji is a post (ボリス・ゼムスキー・ロシア国連大使).
    const after = /^[\u4e00-\u9fff々・]+/.exec(text.slice(end, Math.min(block.end, end + 20)))?.[0] ?? '';
    if (parts.length >= 3 && after && POST_WORD_RE.test(parts[parts.length - 1] + after)) {
      const postMatch = new RegExp(`^.*?${POST_WORD_RE.source}`).exec(parts[parts.length - 1] + after);
      if (postMatch) {
        trailingPost = postMatch[0];
        end = end - parts[parts.length - 1]!.length - 1;
        parts = parts.slice(0, -1);
      }
    }
    // A newspaper or an institution written in katakana (ウォール・ストリート・ジャーナル) is no person, nor an
    // outlet named after its kind (ロシアメディア・プラウダ).
    if (NOT_PEOPLE_KATAKANA.test(parts[parts.length - 1]!) || /(?:メディア|テレビ|ラジオ)$/.test(parts[0]!) && parts.length > 1) continue;
    // ホワイトハウス・カーヴィン, ロシア・ザハロフ: a body or a country in katakana before the name is its organisation.
    let bodyFirst: string | null = null;
    if (parts.length >= 2 && bodyBeforeName(parts[0]!, parts[1]!)) {
      bodyFirst = parts[0]!;
      start += bodyFirst.length + 1;
      parts = parts.slice(1);
    }
    // Place names joined by ・ (ロシア・ウクライナ) are not people; nor is a katakana word glued to kanji before.
    const places = parts.filter((p) => isPlaceName(p)).length;
    if (places > 0 && places >= parts.length - 1) continue;
    if (parts.every((p) => KATAKANA_PLACES.has(p) || /^[A-Z]\.?$/.test(p))) continue;
    // 米ゴールドマン・サックス(GS): a firm, glossed with its initials and (in news style) led by its country.
    if (/^[(（][A-Z&]{2,6}[)）]/.test(text.slice(end, end + 8))) continue;
    const hasInitial = parts.some((p) => /^[A-Z]\.?$/.test(p));
    const before = descriptorBefore(text, start, block.contentStart);
    const follow = text.slice(end, end + 8);
    // 調査会社ノース・ブリッジの…: a name glued to a kind of organisation (no の between) is that
    // organisation's, unless an honorific or a post follows it (大学のX研究員 is a person at the university).
    if (before.descriptor && !hasInitial && text[start - 1] !== 'の' && ORG_KIND.test(before.descriptor.trim())
      && !/^(?:氏|さん|教授|博士|大統領|首相|外相|大使|記者|社長|会長|代表|議員)/.test(follow) && !POST_AT_START.test(text.slice(end, end + 10))) continue;
    // A post right after the name (…ブルース・ベネット上級研究員は).
    let postAfter = POST_AT_START.exec(text.slice(end, Math.min(block.end, end + 10)))?.[0] ?? null;
    // (A post of an office named by another post runs on to its end: …大統領副報道官 is a deputy press secretary.)
    if (postAfter) {
      const run = /^[\u4e00-\u9fff々]+/.exec(text.slice(end, Math.min(block.end, end + 16)))![0];
      for (let k = run.length; k > postAfter.length; k--) {
        if (POST_AT_END.test(run.slice(0, k))) { postAfter = run.slice(0, k); break; }
      }
    }
    const personContext = hasInitial || !!before.descriptor || trailingPost !== null || postAfter !== null || parentheticalPost(text, end) !== null
      || /^(?:氏|教授|博士|大統領|首相|外相|大使|記者|さん|は|が|によ|の(?:解釈|見解|分析|見方|指摘|主張|論文|著書|記事|両氏|両者|両名|二人)|も|ら|と|\()/.test(follow);
    if (!personContext) continue;
    // A word glued to kanji on its left (…国防省アナトリー) keeps its descriptor; one glued to katakana does not parse.
    if (start > block.contentStart && isKatakana(text[start - 1]) && !glued) continue;
    const post = before.descriptor && !bodyFirst ? splitPost(before.descriptor) : { organization: bodyFirst ?? orgWithNo(text, start, block.contentStart), title: null };
    if (!post.title && postAfter && !trailingPost) post.title = postAfter;
    const paren = parentheticalPost(text, end);
    if (paren && !before.descriptor) { post.organization = paren.organization ?? post.organization; post.title = paren.title ?? post.title; }
    const name = text.slice(start, end);
    const latin = latinGloss(text, end);
    const person = registry.addPerson({
      name,
      organization: post.organization,
      title: trailingPost ?? post.title,
      latin,
      surname: defaultSurname(parts.join('・')),
    });
    registry.addMention(person, { start, end }, before.descriptor ? { start: before.start, end: start } : undefined);
    KATAKANA_NAME.lastIndex = end;
  }
}

const SINGLE_KATAKANA_WITH_POST = new RegExp(`(?<![${KATA}・])[${KATA}]{2,}(?![${KATA}・])`, 'g');
const KATAKANA_POSTS = '氏|大統領|副大統領|首相|副首相|外相|国防相|外務大臣|国防大臣|報道官|大使|長官|議長|総書記|書記|司令官|教授|博士|次官|特使|代表|局長|所長|部長|議員|委員長|首席|主席|国務長官|補佐官';
const KATAKANA_POST_RUN = new RegExp(`^(?:前|元|現)?副?(?:${KATAKANA_POSTS})(?:(?!氏)副?(?:${KATAKANA_POSTS}))*`);
const POST_AFTER_KATAKANA = new RegExp(`^(?:前|元|現)?副?(?:${KATAKANA_POSTS})`);

/**
 * A katakana surname with a post or honorific after it: プーチン大統領, ザハロワ報道官, ソコロフ氏. The
 * organisation may stand before it with の (ロシア外務省のザハロワ報道官).
 */
function findKatakanaSurnamesWithPost(text: string, block: ClassifiedBlock, registry: PeopleRegistry): void {
  SINGLE_KATAKANA_WITH_POST.lastIndex = block.contentStart;
  let m: RegExpExecArray | null;
  // Scan the block only: on the whole text a block without a match would run the pattern to the end of the
  // document (quadratic in the number of blocks). A slice up to the block's end is cheap and keeps offsets.
  const upto = text.slice(0, block.end);
  while ((m = SINGLE_KATAKANA_WITH_POST.exec(upto)) && m.index < block.end) {
    const name = m[0];
    const start = m.index;
    // A maximal katakana run, then the post right after it (one scan, no backtracking over run lengths).
    if (!POST_AFTER_KATAKANA.test(text.slice(start + name.length, start + name.length + 6))) continue;
    if (isPlaceName(name) || registry.isInsideMention(start) || COMMON_KATAKANA.has(name)) continue;
    if (registry.findBySurname(name)) continue; // a short form of someone already named in full
    const post = KATAKANA_POST_RUN.exec(text.slice(start + name.length, start + name.length + 12))![0];
    const org = /([\u4e00-\u9fff\u30A1-\u30FA\u30FC・]{2,24})の$/.exec(text.slice(Math.max(block.contentStart, start - 25), start))?.[1] ?? null;
    const organization = org && (ORG_SUFFIXES.some((x) => org.endsWith(x)) || isPlaceName(org)) ? org : null;
    const person = registry.addPerson({ name, organization: organization && !isPlaceName(organization) ? organization : null, title: post === '氏' ? null : post, surname: name });
    registry.addMention(person, { start, end: start + name.length });
    if (post !== '氏') registry.addAlias(person, name + post);
  }
}

/** Katakana words that take a post-like word after them but name no one (ミサイル部長 does not occur; these do). */
const COMMON_KATAKANA = new Set(['センター', 'アカデミー', 'グループ', 'チーム', 'プロジェクト', 'プログラム', 'メディア', 'ニュース', 'ロシア', 'アメリカ']);

/** The organisation-and-post descriptor written right before a name, back to a clause boundary. */
function descriptorBefore(text: string, nameStart: number, floor: number): { descriptor: string | null; start: number } {
  // "…上席研究員のインゲリド・…": a descriptor joined to the name by の.
  const joinedByNo = text[nameStart - 1] === 'の' && nameStart - 1 > floor && /[\u4e00-\u9fff\u30A1-\u30FA\u30FC」』)]/.test(text[nameStart - 2] ?? '');
  // "統一研究院研究委員・チョ・…": a descriptor set off from the name by a dot.
  const joinedByDot = text[nameStart - 1] === '・' && nameStart - 1 > floor && /[\u4e00-\u9fff]/.test(text[nameStart - 2] ?? '');
  const end = joinedByNo || joinedByDot ? nameStart - 1 : nameStart;
  let i = end;
  let depth = 0;
  while (i > floor) {
    const ch = text[i - 1]!;
    if (ch === '」' || ch === '』') depth++;
    else if (ch === '「' || ch === '『') { if (depth === 0) break; depth--; }
    else if (depth === 0) {
      if (/[、。,，\s(（)）:：]/.test(ch)) break;
      // Hiragana ends the descriptor, except the の inside one (…誌「X」の記者).
      if (/[\u3041-\u3096]/.test(ch) && !(ch === 'の' && i < end && POST_WORD_RE.test(text.slice(i, end)))) break;
    }
    i--;
    if (nameStart - i > 60) return { descriptor: null, start: nameStart };
  }
  // Drop connectives and conjunctions at the front (また, および) — they are hiragana and stop the scan anyway.
  const descriptor = text.slice(i, end);
  if (!descriptor) return { descriptor: null, start: nameStart };
  // A descriptor must look like an organisation or a post, not any noun (…の結果アンドレイ).
  if (!ORG_SUFFIXES.some((s) => descriptor.includes(s)) && !POST_WORD_RE.test(descriptor)) return { descriptor: null, start: nameStart };
  return { descriptor, start: i };
}

/** Words set off by spaces before a name, from the clause's start, when the last of them is a post; else null. */
function spacedDescriptorBefore(text: string, nameStart: number, floor: number): { descriptor: string; start: number } | null {
  if (!/[ \u3000]/.test(text[nameStart - 1] ?? '')) return null;
  let i = nameStart - 1;
  while (i > floor && nameStart - i <= 60 && !/[、。,，\n(（)）:：「」]/.test(text[i - 1]!)) i--;
  if (nameStart - i > 60) return null;
  while (i < nameStart && /\s/.test(text[i]!)) i++;
  const descriptor = text.slice(i, nameStart).trimEnd();
  const last = descriptor.split(/[ \u3000]+/).pop() ?? '';
  return descriptor.length > last.length && isPost(last) ? { descriptor, start: i } : null;
}

/** An organisation written before a name with の: カーネギー国際平和財団のアレクサンドル・… */
function orgWithNo(text: string, nameStart: number, floor: number): string | null {
  const m = /([\u4e00-\u9fff\u30A1-\u30FA\u30FC・A-Za-z]{2,30}(?:\([A-Za-z]{2,12}\))?)の$/.exec(text.slice(Math.max(floor, nameStart - 40), nameStart));
  if (!m) return null;
  const org = m[1]!.replace(/\([A-Za-z]{2,12}\)$/, '');
  return ORG_SUFFIXES.some((s) => org.endsWith(s)) && !isPlaceName(org) ? org : null;
}

/** A parenthetical descriptor right after a name, honorific included: …氏(防衛大学校教授), …(Senior Fellow, X). */
export function parentheticalPost(text: string, end: number): { organization: string | null; title: string | null } | null {
  const m = /^(?:氏|さん)?\(([^()、。]{2,40})\)/.exec(text.slice(end, end + 48));
  if (!m || /^[A-Z][A-Za-z.'’ -]+$/.test(m[1]!) && !/,/.test(m[1]!)) return null;
  const post = splitPost(m[1]!);
  if (post.title) return post;
  // An organisation alone in the parentheses: カシン氏(高等経済学院).
  return ORG_SUFFIXES.some((x) => m[1]!.endsWith(x)) ? { organization: m[1]!, title: null } : null;
}

/** "(Helen Marsh)" right after a name gives its Latin form. */
function latinGloss(text: string, end: number): string | null {
  const m = /^\(([A-Z][A-Za-z.'’ -]{2,60})\)/.exec(text.slice(end, end + 64));
  return m && /\s/.test(m[1]!.trim()) ? m[1]!.trim() : null;
}

const KANJI_POSTS = '副会長|会長|副社長|社長|頭取|理事長|会頭|担当大臣|担当相|副大臣|大臣政務官|政務官|大臣|外交部長|国防部長|商務部長|外交部副部長|官房長官|官房副長官|幹事長|政調会長|総務会長|書記局長|知事|市長|総裁|副総裁|党首|防衛相|財務相|経産相|国交相|厚労相|文科相|農水相|総務相|法相|環境相|経済相|経財相|経済安保相|デジタル相|少子化相|地方創生相|防災相|万博相|復興相|内相|商務相|外務相|国務相|防衛大臣|財務大臣|総理大臣|総理|大統領|副大統領|首相|国家主席|総書記|国務委員長|外相|国防相|外務大臣|国防大臣|長官|大使|議員|教授|准教授|氏|委員長|主席|総統|書記長|報道官|次官|主任研究員|上級研究員|准研究員|助理研究員|副研究員|研究員|研究委員|所長|院長|部長|記者|大将|中将|少将|大佐|中佐|少佐';
/** Words of rank that stand between a name and its post (周海上級大佐, 李主任研究員). */
const POST_MODIFIER = new RegExp(`^(?:${KANJI_RANKS.join('|')}|退役|陸軍|海軍|空軍|(?:${MINISTRY_OFFICES.join('|')})副?|駐[\\u4e00-\\u9fff]{1,3})$`);
const SINGLE_KANJI_PLACES = '米|露|中|韓|朝|日|英|仏|独|豪|印|台|欧';
/** 台湾側両氏: a side (側) and "both" (両) end no name. */
const SIDE_OR_BOTH = /.[側両]$/;
/** 米 of 米国防長官: a country in one kanji, no name. */
const SINGLE_KANJI_PLACE = new RegExp(`^(?:${SINGLE_KANJI_PLACES})$`);
const KANJI_POST_LAST = new Set(KANJI_POSTS.split('|').map((p) => p[p.length - 1]!));
const KANJI_NAME_TAIL = new RegExp(`^(前|元|現)?((?:${SINGLE_KANJI_PLACES})|[\\u4e00-\\u9fff]{2,5}?)??(副?(?:${KANJI_POSTS}))$`);
/** A body's short name between a name and its post: a university (南山大, 東陵大学), a bank (日銀), a party, a ministry. */
const BODY_SHORT_NAME = /^(?!.*[両各同])(?:[\u4e00-\u9fff]{1,4}(?:大|銀)|[\u4e00-\u9fff]{2,4}大学|[\u4e00-\u9fff]{2,4}(?:銀行|党|省|庁|総研))$/;
const POST_ONLY = new RegExp(`^(?:${KANJI_POSTS})$`);
const FORMER_POST = new RegExp(`^(前|元|現)([\\u4e00-\\u9fff]{0,6}?)(?:${KANJI_POSTS})$`);
/**
 * The one person whose kanji name starts with `surname` (王教授 after 王義明教授, 周氏 after 周海…): a
 * later short form. Two or more such people: no guess.
 */
function uniqueKanjiFullName(registry: PeopleRegistry, surname: string): DraftPerson | undefined {
  const fits = registry.people.filter((p) => {
    const name = p.name.replace(/[ \u3000]/g, '');
    return p.type === 'person' && /^[\u4e00-\u9fff々]+$/.test(name) && name.length > surname.length && name.startsWith(surname);
  });
  return fits.length === 1 ? fits[0] : undefined;
}

/** Whether a code unit is one of a kanji run: [\u4e00-\u9fff々]. */
function isKanjiUnit(c: number): boolean {
  return c >= 0x4e00 && c <= 0x9fff || c === 0x3005;
}
/** Kanji words that stand where a name would but are none (同大統領, 歴代首相, 国連大使). */
const NOT_A_NAME = /^(?:同|両|各|前|元|現|新|旧|副|故|歴代|次期|初代|当時|同国|自国|他国|両国|各国|外国|国連|政府|国防|外務|国家|当局|安保理|首脳|閣僚|高官|駐日|駐韓|駐米|駐露|在日|在韓)$/;

function findKanjiNames(text: string, block: ClassifiedBlock, registry: PeopleRegistry, morph?: PeopleMorph, eventsOnly = false): void {
  const tail = KANJI_NAME_TAIL;
  // The kanji runs of the block, found code unit by code unit: most end in no post, and are never sliced.
  for (let at = block.contentStart; at < block.end; at++) {
    if (!isKanjiUnit(text.charCodeAt(at))) continue;
    const start = at;
    while (at + 1 < block.end && isKanjiUnit(text.charCodeAt(at + 1))) at++;
    // 森川復興大臣記者会見録, 石原防衛相談話: the name and post of whose conference or statement it is.
    // (Sliced only when it ends as such a word can: most runs do not.)
    const event = KANJI_POST_LAST.has(text[at]!) || !EVENT_LAST.has(text[at]!) ? null : EVENT_AFTER_POST.exec(text.slice(start, at + 1));
    if (eventsOnly && !event) continue;
    const last = event ? start + event.index - 1 : at;
    // Only a run that ends like a post can hold a name before it.
    if (!KANJI_POST_LAST.has(text[last]!)) continue;
    const run = text.slice(start, last + 1);
    // Part of a longer name or title (ロシア国連大使, ・の後): not a name of its own; nor is the given name of a
    // name already found (浩二 of 柴崎 浩二氏).
    const before = text[start - 1];
    // (Nor is a run glued to Latin letters, a body's initials before its department: NKIT工学科教授.)
    if (before && (isKatakana(before) || before === '・' || /[A-Za-zＡ-Ｚａ-ｚ]/.test(before))) continue;
    // (令和3年度以前知事…: a counter after a number starts the run, no name.)
    if (before && /\d/.test(before) && COUNTER_FIRST.test(run)) continue;
    if (registry.isInsideMention(start)) continue;
    // 柴崎 浩二教授: after a surname and a space come the given name and the post, not a name of their own.
    if (before === ' ' || before === '\u3000') {
      const surname = /(?:^|[^\u4e00-\u9fff々])([\u4e00-\u9fff々]{1,3})$/.exec(text.slice(Math.max(block.contentStart, start - 6), start - 1))?.[1];
      const given = POST_AT_END.exec(run)?.index ?? -1;
      // (Not a common word before the space: 北ミサイル発射 菅官房長官 is no 発射 菅.)
      if (surname && given >= 1 && given <= 3 && !ORG_SUFFIXES.some((x) => surname.endsWith(x)) && !isPlaceName(surname) && !POST_AT_END.test(surname) && !NOT_A_NAME.test(surname)
        && !(surname.length >= 2 && (morph?.commonNouns(surname) ?? 0) >= 1)) continue;
    }
    // 林佳竜(りんかりゅう)外交部長: after a reading in brackets comes the glossed name's post, not a name.
    if ((before === ')' || before === '）') && /[(（][\u3041-\u30ff・ー\s]+[)）]$/.test(text.slice(Math.max(0, start - 24), start))) continue;
    // A post alone (准研究員 after a glossed name, 官房長官): no name in it.
    if (POST_ONLY.test(run)) continue;
    // 平岩俊司南山大教授: with a body's short name between, the name runs as far as it can (four kanji at most), so that
    // the body's name is the shortest that can be one (南山大, not 俊司南山大).
    const bodyShortNameAt = (k: number) => { const m = tail.exec(run.slice(k)); return !!m && m[2] !== undefined && BODY_SHORT_NAME.test(m[2]); };
    // (A body whose name opens with a place is read whole: 森田健|朝鮮労働党, not 森田健朝|鮮労働党.)
    let firstK = 1;
    for (let k = Math.min(4, run.length - 3); k >= 2; k--) if (bodyShortNameAt(k)) { firstK = k; break; }
    for (let k = 2; k < firstK; k++) if (bodyShortNameAt(k) && [2, 3].some((n) => isPlaceName(run.slice(k, k + n)))) { firstK = k; break; }
    // (A name of five kanji the analyser reads as a family and a given name, a post right after it: 高橋千鶴子議員.)
    const family = run.length >= 6 && firstK === 1 ? morph?.familyName?.(run.slice(0, 5)) : null;
    if (family) {
      const post = tail.exec(run.slice(5));
      if (post && !post[1] && !post[2]) {
        const name = run.slice(0, 5);
        const person = registry.findBySurname(name) ?? registry.addPerson({ name, organization: orgWithNo(text, start, block.contentStart), title: post[3] === '氏' ? null : post[3]!, surname: family });
        registry.addMention(person, { start, end: start + 5 });
        if (post[3] !== '氏') registry.addAlias(person, run);
        continue;
      }
    }
    for (let k = firstK; k <= Math.min(4, run.length - 1); k++) {
      const rest = run.slice(k);
      // 前/元/現 after the name ends it (朴前国防長官): what follows is the post, whatever its middle.
      const former = FORMER_POST.exec(rest);
      const post = former ? [rest, former[1], former[2], rest.slice(former[1]!.length + former[2]!.length)] as unknown as RegExpExecArray : tail.exec(rest);
      if (!post) continue;
      // The middle part must be a place (韓国 in 洪前韓国大統領), not more of the name.
      // (平岩俊司南山大教授: a university's short name between the name and the post is the organisation.)
      const bodyBetween = !former && post[2] !== undefined && BODY_SHORT_NAME.test(post[2]);
      // 東陵義塾大学教授の森川聡さん, 東海学園大学教授・朱明遠: a body and a post describing the person named after の or
      // a dot hold no name; nor does a body whose name the cut would split (慶應|義塾大学, 拓|殖大学).
      if (bodyBetween && DESCRIBES_NEXT.test(text.slice(start + run.length, start + run.length + 24))) break;
      if (bodyBetween && morph?.splitsWord(run, k)) continue;
      // 森川復興大臣, 赤井一郎経済再生担当相: a minister's portfolio between the name and the post is the post's: words
      // of two kanji or more (復興, 経済|再生; not 容|治 of a given name), after a name of whole words (森|川復興大臣
      // cuts 森川) that is no such word itself (経済|再生担当相).
      const name = run.slice(0, k);
      // (The name's words are asked of the analyser once, and only when a check needs them.)
      let nouns = -1;
      const commonNouns = () => (nouns < 0 ? (nouns = morph?.commonNouns(name) ?? 0) : nouns);
      const portfolioPost = PORTFOLIO_POSTS.has(post[3]!);
      const portfolio = portfolioPost && !former && !!post[2] && post[2].length > 1 && wordsOfTwo(morph?.commonNouns(post[2]) ?? 0, post[2]) && !morph?.splitsWord(run, k);
      if (portfolioPost && wordsOfTwo(commonNouns(), name)) break;
      if (!former && post[2] && post[2].length > 1 && !isPlaceName(post[2]) && !POST_MODIFIER.test(post[2]) && !bodyBetween && !portfolio) continue;
      // A one-kanji name before a one-kanji place (田|中|教授): the two kanji are the name (田中教授).
      if (!former && k === 1 && post[2]?.length === 1) continue;
      // (Nor a longer one, when the kanji can end the name instead: 森田正日総書記 is 森田正日, not 森田正 of 日.)
      if (!former && post[2]?.length === 1 && k < 4 && tail.exec(run.slice(k + 1))?.[2] === undefined && tail.test(run.slice(k + 1))) continue;
      // (東京都知事, 北海道知事, 大阪府知事: a prefecture or province before the post, no name; nor is 北 in
      // 北朝鮮外相, where the place runs on from the start.)
      // (裏金議員, 若手候補: a common noun before a post that many hold; 国防安全研究員: common nouns; 上席研究員: a rank.)
      if (commonNouns() >= 2 || commonNouns() === 1 && post[3] && GROUP_POSTS.has(post[3]) && !post[2] || KANJI_RANKS.includes(name) || SINGLE_KANJI_PLACE.test(name) || SIDE_OR_BOTH.test(name)) break;
      // (参院議員会長: a post before a post is no name; nor is a body's short name, 全銀協会長.)
      if (POST_AT_END_OF_NAME.test(name) || NOT_A_NAME.test(name) || isPlaceName(name) || post[2] && isPlaceName(name + post[2]) || /^[\u4e00-\u9fff]{1,3}[都道府県州省区]$/.test(name) || ORG_SUFFIXES.some((s) => name.endsWith(s)) && !knownSurname(name, morph) || morph?.organization(name)) break;
      const title = post[3] === '氏' ? null : `${post[1] ?? ''}${bodyBetween ? '' : post[2] ?? ''}${post[3]}`;
      // A later surname-only form (岸田首相 after 岸田文雄首相) refers to the person named in full.
      const existing = registry.findBySurname(name)
        ?? uniqueKanjiFullName(registry, name);
      const person = existing ?? registry.addPerson({ name, organization: bodyBetween ? post[2]! : orgWithNo(text, start, block.contentStart), title, surname: name });
      // The fullest post seen wins (前韓国大統領 over 前大統領).
      if (title && (!person.title || title.length > person.title.length)) person.title = title;
      registry.addMention(person, { start, end: start + k });
      if (post[3] !== '氏') registry.addAlias(person, run);
      break;
    }
  }
}

/**
 * Japanese and Korean names written after a descriptor that ends in a post, with or without a space:
 * …研究院研究委員朴 成民は, …大学教授山田太郎氏は.
 */
function findKanjiNamesAfterPost(text: string, block: ClassifiedBlock, registry: PeopleRegistry): void {
  // Cheap scan for a kanji name before a particle, then a check that a post ends right before the name:
  // one pass over the block instead of trying the whole post alternation at every position.
  NAME_BEFORE_PARTICLE.lastIndex = block.contentStart;
  let m: RegExpExecArray | null;
  // Scan the block only: on the whole text a block without a match would run the pattern to the end of the
  // document (quadratic in the number of blocks). A slice up to the block's end is cheap and keeps offsets.
  const upto = text.slice(0, block.end);
  while ((m = NAME_BEFORE_PARTICLE.exec(upto)) && m.index < block.end) {
    const spaced = /[ \u3000]/.test(m[0]);
    // (柴崎 浩二氏は: the honorific is a kanji too, and not part of the given name.)
    const runEnd = m.index + m[0].length - (spaced && m[0].endsWith('氏') && !/[ \u3000].氏$/.test(m[0]) ? 1 : 0);
    for (let start = m.index; start <= runEnd - 2; start++) {
      // A post word must end right before the name: check its last character before any regex.
      const prev = start > m.index ? text[start - 1]! : text[start - 1] === 'の' ? text[start - 2] ?? '' : text[start - 1] ?? '';
      // A name without a space follows its post directly (研究委員朴成民); with の between (専門家の見方) it is
      // any noun, unless the name has the space of a person's name (…教授の佐藤 健一).
      const joined = text[start - 1] === 'の';
      const postBefore = (!joined || spaced) && POST_LAST.has(prev) && POST_AT_END.test(text.slice(Math.max(block.contentStart, start - 8), start).replace(/の$/, ''));
      if (!postBefore) {
        // A family and a given name with a space between, after an organisation with の or at a clause start:
        // …センターの佐藤 健一は (the space is how Japanese commentary writes a person's name).
        const name = spaced && start === m.index ? text.slice(start, runEnd) : '';
        // (A surname of three kanji, 早乙女 康介, only where a descriptor vouches for a person.)
        if (name && /^[\u4e00-\u9fff々]{1,3}[ \u3000][\u4e00-\u9fff々]{1,3}$/.test(name) && /^(?:氏|は|が|によ)/.test(text.slice(runEnd, runEnd + 2))) {
          const org = orgWithNo(text, start, block.contentStart);
          const atClauseStart = start === block.contentStart || /[、。\s]/.test(text[start - 1] ?? '');
          // 北辰総合研究所 経済調査部 主席エコノミスト 柴崎 浩二氏: a descriptor set off by spaces, ending in a post.
          const described = org ? null : spacedDescriptorBefore(text, start, block.contentStart);
          const short = /^[\u4e00-\u9fff々]{1,2}[ \u3000]/.test(name);
          if ((org || atClauseStart) && (short || org || described) && !registry.isInsideMention(start) && !NOT_A_NAME.test(name.split(/[ \u3000]/)[0]!)) {
            const post = described ? splitPost(described.descriptor) : { organization: org, title: null };
            const person = registry.addPerson({ name, organization: post.organization, title: post.title });
            registry.addMention(person, { start, end: runEnd }, described ? { start: described.start, end: start } : undefined);
          }
        }
        continue;
      }
      const name = text.slice(start, runEnd);
      // 記者団 山田氏: a kanji that makes the post a body (団, 会, 陣, 側 …) is no surname after it.
      if (BODY_AFTER_POST.test(name)) continue;
      if (spaced ? !/^[\u4e00-\u9fff々]{1,2}[ \u3000][\u4e00-\u9fff々]{1,3}$/.test(name) : name.length > 4 || !/^(?:氏|は|が)/.test(text.slice(runEnd, runEnd + 1))) continue;
      if (registry.isInsideMention(start)) break;
      // (Nor 府関係者 of 大統領府関係者: an office glued to the post, or someone unnamed, 〜者.)
      if (!spaced && (/[会議室部省局課班的性化制度法国軍側者]$/.test(name) || /^[府庁省院局]/.test(name) || EVENT_NOUN_END.test(name) || NOT_A_NAME.test(name) || isPlaceName(name) || POST_AT_END.test(name))) break;
      // Two kanji right after a post (…ディレクター交渉が) are a noun of the sentence unless 氏 marks a name.
      if (!spaced && name.length <= 2 && text[runEnd] !== '氏') break;
      const descriptor = descriptorBefore(text, start, block.contentStart);
      if (!descriptor.descriptor) break;
      const post = splitPost(descriptor.descriptor);
      const person = registry.addPerson({ name, organization: post.organization, title: post.title });
      registry.addMention(person, { start, end: runEnd }, { start: descriptor.start, end: start });
      break;
    }
  }
}

/** Posts that many hold at once, which a common noun may qualify (若手議員, 女性候補, 新人候補). */
/** Whether `word` of `nouns` common nouns is made of words of two kanji or more (復興, 経済|再生; not 容|治). */
function wordsOfTwo(nouns: number, word: string): boolean {
  return nouns > 0 && nouns * 2 <= word.length;
}

/** 阿部, 岡部, 服部: a surname the dictionary knows, though it ends like a body (部). */
function knownSurname(name: string, morph?: PeopleMorph): boolean {
  return name.length <= 3 && /部$/.test(name) && !!morph && !morph.nameless(name);
}
const COUNTER_FIRST = /^[年月日度期回号件歳代位次]/;
const POST_AT_END_OF_NAME = new RegExp(`(?:${KANJI_POSTS.replace('|氏|', '|')})$`);
/** What a post may head in a title: its holder's press conference or statement. */
const EVENT_AFTER_POST = /(?:(?:定例|臨時)?(?:記者)?会見(?:録|要旨)?|談話|声明|発言(?:要旨)?)$/;
/** The last characters EVENT_AFTER_POST can match. */
const EVENT_LAST = new Set(['見', '録', '旨', '話', '明', '言']);
/** Posts whose holder's portfolio may stand before them (復興|大臣, 経済再生|担当相). */
const PORTFOLIO_POSTS = new Set(['大臣', '担当大臣', '担当相', '副大臣', '政務官', '大臣政務官', '長官']);
const GROUP_POSTS = new Set(['議員', '候補', '委員', '職員', '社員', '選手', '記者']);
const DESCRIBES_NEXT = /^(?:の(?:[\u4e00-\u9fff々]{2,5}|[\u30A1-\u30FA\u30FC・]{2,20})(?:氏|さん|君)|・(?:[\u4e00-\u9fff々]{2,5}|[\u30A1-\u30FA\u30FC]{2,}))/;
/** What a post holds or gives, not who holds it: 官房長官記者会見が, 首相談話は. */
const EVENT_NOUN_END = /(?:会見|会談|発言|声明|発表|演説|談話|答弁|報道|記事|報告)$/;
const BODY_AFTER_POST = /^[団陣会側室部局課班席館選派][ \u3000]/;
const NAME_BEFORE_PARTICLE = /[\u4e00-\u9fff々]{1,6}(?:[ \u3000][\u4e00-\u9fff々]{1,3})?(?=氏|は|が|によ|の(?:見解|分析|指摘|主張)|も|、|ら)/g;
const POST_AT_END = new RegExp(`(?:${POST_WORD_RE.source})$`);
const POST_LAST = new Set(POST_WORD_RE.source.replace(/[()?:]/g, '').split('|').map((w) => w[w.length - 1]!));

/** Words of office written before an English name: President Vladimir Putin, Foreign Minister Sergei Lavrov. */
const LATIN_TITLE_WORDS = new Set([
  'President', 'Vice', 'Prime', 'Minister', 'Foreign', 'Defense', 'Defence', 'Secretary', 'General', 'Ambassador', 'Professor', 'Prof', 'Prof.',
  'Dr', 'Dr.', 'Mr', 'Mr.', 'Ms', 'Ms.', 'Mrs', 'Mrs.', 'Senator', 'Deputy', 'Chief', 'Director', 'Chairman', 'Chair', 'Spokesperson', 'Spokesman',
  'Spokeswoman', 'Leader', 'Supreme', 'Admiral', 'Adm.', 'Gen.', 'Colonel', 'Col.', 'Lieutenant', 'Lt.', 'Commander', 'Envoy', 'Special',
  'Representative', 'Rep.', 'Sen.', 'Gov.', 'Governor', 'Chancellor', 'King', 'Premier', 'State', 'Councillor', 'Analyst', 'Researcher',
]);
// Words on one line only (a heading or a paragraph break ends a name); a word ending in a full stop ends the run
// unless it is an initial (M. Sokolin).
const LATIN_WORD = String.raw`(?:(?:Dr|Mr|Ms|Mrs|Prof|Gen|Adm|Col|Lt|Sen|Rep|Gov|Amb|St)\.|\p{Lu}\.|\p{Lu}[\p{L}'’-]*)`;
const LATIN_RUN = new RegExp(`${LATIN_WORD}(?:[ \\t]+(?:${LATIN_WORD}|van|von|de|der|al|bin|el))+`, 'gu');

function findLatinNames(text: string, block: ClassifiedBlock, registry: PeopleRegistry): void {
  LATIN_RUN.lastIndex = block.contentStart;
  let m: RegExpExecArray | null;
  // Scan the block only: on the whole text a block without a match would run the pattern to the end of the
  // document (quadratic in the number of blocks). A slice up to the block's end is cheap and keeps offsets.
  const upto = text.slice(0, block.end);
  while ((m = LATIN_RUN.exec(upto)) && m.index < block.end) {
    // Split the run into words with offsets; drop titles and stop words at the front, stop words at the end.
    const words: { w: string; start: number }[] = [];
    for (const w of m[0].matchAll(/\S+/g)) words.push({ w: w[0], start: m.index + w.index! });
    const titles: string[] = [];
    while (words.length && (LATIN_TITLE_WORDS.has(words[0]!.w) || LATIN_STOP.has(words[0]!.w.replace(/[’']s$/, '')) || isPlaceName(words[0]!.w) || /^(?:Russian|Korean|Chinese|American|Japanese|Ukrainian|South|North|U\.S\.)$/.test(words[0]!.w))) {
      titles.push(words.shift()!.w);
    }
    while (words.length && (LATIN_STOP.has(words[words.length - 1]!.w.replace(/[’'],?$|[’']s$|[.,]$/g, '')) || isPlaceName(words[words.length - 1]!.w))) words.pop();
    if (words.length < 2 || words.length > 4) continue;
    if (words.some((x) => LATIN_STOP.has(x.w.replace(/[’']s$|[.,]$/g, '')) || LATIN_TITLE_WORDS.has(x.w))) continue;
    const start = words[0]!.start;
    const lastWord = words[words.length - 1]!;
    const raw = text.slice(start, lastWord.start + lastWord.w.replace(/[’']s$|[.,:;]$/g, '').length);
    const end = start + raw.length;
    if (!/^\p{Lu}[\p{Ll}’'-]+$/u.test(raw.split(/\s+/).pop()!)) continue;
    const follow = text.slice(end, end + 40);
    const precede = text.slice(Math.max(block.contentStart, start - 40), start);
    const titled = titles.some((t) => LATIN_TITLE_WORDS.has(t) && !/^(?:The|In|On|At)$/.test(t));
    const follow120 = text.slice(end, end + 120);
    const personContext = titled
      || /^,?\s+(?:a|an|the)?\s*(?:senior|junior|visiting|research|former|deputy|chief|associate|assistant)?\s*(?:fellow|professor|researcher|director|analyst|scholar|expert|editor|correspondent|ambassador|minister|president|spokesperson|head|chair)/i.test(follow)
      || /^,\s+(?:a|an|the)\s+[^,.]{0,60}?\b(?:fellow|professor|researcher|director|analyst|scholar|expert|editor|correspondent|reporter|ambassador|minister|president|spokesperson|spokesman|head|chair|historian|economist|officer|general|admiral|adviser|advisor|diplomat|lecturer|strategist)\b/i.test(follow120)
      || /^\s+(?:of|at|from)\s+(?:the\s+)?(?:\p{Lu}[\p{L}'’-]*\s+){0,5}(?:University|Institute|Center|Centre|Foundation|College|School|Council|Academy|Ministry|Agency|Service|Forum|Endowment|Corporation|Times|Post|Journal|Review|Program|Programme)\b/u.test(follow120)
      || EN_VERB_AFTER.test(follow)
      || /^,\s+who\s/.test(follow)
      || /(?:according to|professor|analyst|researcher|fellow|director|scholar|expert|ambassador|minister|president|spokesperson|journalist|correspondent)\s*$/i.test(precede)
      || (/(?:^|[.!?]\s+)As\s+$/.test(precede) && /^\s+(?:has\s+|have\s+|had\s+)?(?:noted|argued|observed|pointed out|written|put it|suggested|warned|explained|shown|stressed)\b/.test(follow))
      || registry.findBySurname(raw.split(/\s+/).pop()!) !== undefined;
    if (!personContext) continue;
    const descriptor = /^,\s+(?!who\b|which\b|whose\b)(?:a|an|the)?\s*([^,]{3,100}?)[,.]/.exec(follow120)?.[1] ?? null;
    const ofOrg = /^\s+(?:of|at|from)\s+(?:the\s+)?((?:\p{Lu}[\p{L}'’-]*\s+(?:of\s+|for\s+|and\s+)?){0,5}(?:University|Institute|Center|Centre|Foundation|College|School|Council|Academy|Ministry|Agency|Service|Forum|Endowment|Corporation|Times|Post|Journal|Review|Program|Programme)(?:\s+(?:of|for|on)\s+(?:the\s+)?\p{Lu}[\p{L}'’-]*(?:\s+(?:and\s+)?\p{Lu}[\p{L}'’-]*){0,4})?)\b/u.exec(follow120)?.[1] ?? null;
    const post = descriptor ? splitPost(descriptor) : { organization: ofOrg, title: null };
    const officeTitle = titles.filter((t) => LATIN_TITLE_WORDS.has(t) || /^(?:Russian|Korean|Chinese|American|Japanese|Ukrainian)$/.test(t)).join(' ') || null;
    const surname = raw.split(/\s+/).pop()!;
    const person = registry.addPerson({ name: raw, organization: post.organization, title: post.title ?? officeTitle, latin: raw, surname });
    registry.addMention(person, { start, end });
  }
}

const EN_VERB_WORDS = 'said|says|argued|argues|noted|notes|wrote|writes|told|warned|warns|believes|believed|suggested|suggests|claimed|claims|added|stressed|explained|observed|insisted|pointed out|contends|contended|maintains|maintained';
const EN_VERB_AFTER = new RegExp(`^\\s+(?:${EN_VERB_WORDS})\\b`);
const POST_AT_START = new RegExp(`^(?:前|元|現|新)?(?:${POST_WORD_RE.source})`);

const LATIN_STOP = new Set([
  'The', 'This', 'That', 'These', 'Those', 'In', 'On', 'At', 'For', 'But', 'And', 'However', 'According', 'North', 'South', 'East', 'West',
  'As', 'If', 'When', 'While', 'Although', 'Though', 'Since', 'After', 'Before', 'Yet', 'So', 'Still', 'Even', 'Both', 'Neither', 'Nor', 'Like', 'Unlike',
  'United', 'States', 'Nations', 'Council', 'Ministry', 'University', 'Institute', 'Center', 'Centre', 'Academy', 'Security', 'Defense',
  'Defence', 'Foreign', 'Affairs', 'Korea', 'Korean', 'Russia', 'Russian', 'China', 'Chinese', 'Japan', 'Japanese', 'Ukraine', 'War', 'Army',
  'Navy', 'Air', 'Force', 'Forces', 'Strategic', 'Military', 'National', 'International', 'Federal', 'State', 'Department', 'Office',
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December', 'Commentary',
  'Notes', 'References', 'Profile', 'Introduction', 'Conclusion', 'Moscow', 'Pyongyang', 'Seoul', 'Tokyo', 'Washington', 'Beijing', 'Kyiv',
]);

/** Surnames, surname + honorific or post, and 同氏/両氏, linked to the latest full mention of that person. */
/** Pronouns for people named before: 同氏, 同教授, 同大使 (the last one named), 両氏, 両者 (the last two). */
const PRONOUN = /同(?:氏|教授|准教授|研究員|主任研究員|上級研究員|大使|大統領|首相|外相|国防相|長官|所長|記者|報道官|議員|委員長)|両氏|両者|両教授/;
const PRONOUN_WHOLE = new RegExp(`^(?:${PRONOUN.source})$`);

function shortFormPattern(registry: PeopleRegistry): RegExp | null {
  const surnames = registry.surnames();
  if (!surnames.length) return null;
  const escaped = surnames.map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).sort((a, b) => b.length - a.length);
  return new RegExp(`(?:${escaped.join('|')})|${PRONOUN.source}`, 'g');
}

const KANJI_POST_AFTER = new RegExp(`^(?:前|元|現)?[\\u4e00-\\u9fff]{0,4}?(?:${HONORIFICS.join('|')}|${POST_WORD_RE.source})`);

function findShortForms(text: string, block: ClassifiedBlock, registry: PeopleRegistry, re: RegExp | null, pronouns: { start: number; end: number; word: string }[]): void {
  if (!re) return;
  re.lastIndex = block.contentStart;
  let m: RegExpExecArray | null;
  // Scan the block only: on the whole text a block without a match would run the pattern to the end of the
  // document (quadratic in the number of blocks). A slice up to the block's end is cheap and keeps offsets.
  const upto = text.slice(0, block.end);
  while ((m = re.exec(upto)) && m.index < block.end) {
    const start = m.index;
    const end = start + m[0].length;
    if (registry.isInsideMention(start)) continue;
    // Whole words only: not inside a longer katakana or Latin word.
    const prev = text[start - 1];
    const next = text[end];
    if (/^[\u30A1-\u30FA\u30FC]/.test(m[0]) && (isKatakana(prev) || isKatakana(next))) continue;
    if (/^[A-Za-z]/.test(m[0]) && (/[A-Za-z]/.test(prev ?? '') || /[A-Za-z]/.test(next ?? ''))) continue;
    if (PRONOUN_WHOLE.test(m[0])) {
      pronouns.push({ start, end, word: m[0] });
      continue;
    }
    const person = registry.latestWithSurname(m[0], start);
    if (!person) continue;
    const kanjiPost = KANJI_POST_AFTER;
    // A kanji surname counts with a post or honorific after it (洪前大統領, 山田氏), or, when it has two
    // characters or more, right before a cue (佐藤によれば, 佐藤は、): 金 alone is gold.
    if (/^[\u4e00-\u9fff]/.test(m[0]) && !kanjiPost.test(text.slice(end, end + 10))
      && !(m[0].length >= 2 && /^(?:によ|は、|の(?:解釈|見解|分析|指摘|主張))/.test(text.slice(end, end + 4)))) continue;
    registry.addMention(person, { start, end });
    if (/^[\u4e00-\u9fff]/.test(m[0])) {
      const post = kanjiPost.exec(text.slice(end, end + 10));
      if (post && post[0] !== '氏') registry.addAlias(person, m[0] + post[0]);
    } else if (m[0] !== person.name) {
      registry.addAlias(person, m[0]);
    }
  }
}

export type { DraftPerson, Span };
