/**
 * Who is named at a place: the speaker phrase that ends right before a cue (…ソコリンによれば, …識者は,
 * …ロイター通信は). Individuals come from the people registry; collective voices, governments,
 * organisations and media are recognised here by the shape of their names and registered on first use.
 * Coordinated speakers (AおよびB, A and B) come out together.
 */
import type { PersonType } from '../model/schema.ts';
import type { DraftPerson, PeopleRegistry } from './people-registry.ts';
import { isPlaceName } from './places.ts';

export interface SpeakerPhrase {
  people: DraftPerson[];
  /** Where the whole phrase starts (descriptors and coordinated speakers included). */
  start: number;
  /** The mention of the (last) speaker: the source span of the attribution. */
  source: { start: number; end: number };
}

const GROUP = /(?:(多くの|一部の|複数の|大半の|少なからぬ|他の|ほかの|別の|ある|一部|数多くの|主要な)\s*)?((?:[\u30A1-\u30FA\u30FC]{2,}|[\u4e00-\u9fff]{1,4})(?:人|系|側の|の)?)?(有識者|識者|専門家|研究者|アナリスト|政府関係者|軍関係者|関係者|当局者|外交筋|消息筋|観測筋|軍事評論家|評論家|政治学者|学者|軍事専門家|政府高官|軍高官|高官|消息通|オブザーバー|議員|外交官|当局|市民|住民)(ら|たち|の間|の多く)?$/;
const GOVERNMENT = /((?:[\u30A1-\u30FA\u30FC]{2,}|[\u4e00-\u9fff]{1,6})?(?:政府|国防省|外務省|国務省|国防総省|国防部|外交部|統一部|大統領府|首相府|官邸|当局|議会|軍)|ロシア|米国|アメリカ|中国|韓国|北朝鮮|日本|ウクライナ|モスクワ|ワシントン|北京|平壌|ソウル|東京|キーウ|クレムリン|ホワイトハウス)(側)?$/;
const MEDIA = /((?:[\u30A1-\u30FA\u30FCA-Za-z・]{2,}|[\u4e00-\u9fff]{1,6})(?:通信社?|新聞|テレビ|放送|日報|タイムズ|ポスト|ジャーナル|ニュース)|(?:海外|国営|国内|外国|西側|欧米|主要|現地|韓国|ロシア|米国|米|中国|北朝鮮|一部の?)?メディア|報道機関)$/;
const ORGANIZATION = /([\u4e00-\u9fff\u30A1-\u30FA\u30FC・]{2,24}(?:研究所|研究センター|シンクタンク|委員会|財団|研究院|情報院|機構|大学|院))(?:\([A-Za-z&.\- ]{2,40}\))?(?:の(?:報告書|報告|レポート|分析|調査|論文|声明|発表))?$/;

/** The last characters of GROUP, GOVERNMENT, MEDIA and ORGANIZATION matches (keep in step with them). */
const COLLECTIVE_LAST = new Set([...'者家筋係官局らち間くー通信社聞ビ送報ズトルア関所ク会団院構学書告析査文明表府省部邸軍国鮮本ナワン京壌ウ側多スーム員民']);

/** Katakana words that stand before a cue but are no one's name (systems, media forms, concepts). */
export const NOT_PEOPLE_KATAKANA = /(?:メディア|ニュース|テレビ|ラジオ|レポート|データ|システム|ミサイル|センター|アカデミー|グループ|チーム|プロジェクト|プログラム|シナリオ|モデル|ロジック|ルール|プロパガンダ|インタビュー|コメント|アンケート|サーベイ|ポスト|タイムズ|ジャーナル|エコノミスト|ガーディアン|トリビューン|ヘラルド|クロニクル|ウィーク|ディプロマット)$/;

/** News organisations often named in katakana alone (ロイターによれば): media, never people. */
export const KATAKANA_MEDIA = /^(?:ロイター|ブルームバーグ|タス|インタファクス|スプートニク|ノーボスチ|コメルサント|イズベスチヤ|ヴェドモスチ|ガーディアン|ポリティコ|アクシオス|ニューズウィーク|アルジャジーラ|ヤフー|ディプロマット|ハンギョレ|聯合|新華社)$/;

/** Capitals and "X側" stand for their country's government. */
const CAPITAL_OF: Record<string, string> = {
  モスクワ: 'ロシア', クレムリン: 'ロシア', ワシントン: '米国', ホワイトハウス: '米国', アメリカ: '米国', 北京: '中国', 平壌: '北朝鮮', ソウル: '韓国', 東京: '日本', キーウ: 'ウクライナ',
};
const COORDINATOR = /(?:および|及び|ならびに|並びに|と|や|、|,|\s+and\s+|\s*&\s*)$/;

export function speakerEndingAt(text: string, at: number, floor: number, registry: PeopleRegistry, allowCollective = true): SpeakerPhrase | null {
  const first = oneSpeakerEndingAt(text, at, floor, registry, allowCollective);
  if (!first) return null;
  const people = [...first.people];
  let start = first.start;
  // Coordinated speakers before it: AおよびB, A、B and C.
  for (let guard = 0; guard < 4; guard++) {
    const coord = COORDINATOR.exec(text.slice(Math.max(floor, start - 8), start));
    if (!coord) break;
    const prev = oneSpeakerEndingAt(text, start - coord[0].length, floor, registry, false);
    if (!prev || prev.people.every((p) => people.includes(p))) break;
    people.unshift(...prev.people.filter((p) => !people.includes(p)));
    start = prev.start;
  }
  return { people, start, source: first.source };
}

function oneSpeakerEndingAt(text: string, at: number, floor: number, registry: PeopleRegistry, allowCollective: boolean): SpeakerPhrase | null {
  let end = at;
  while (end > floor && /[\s、,]/.test(text[end - 1]!) && end > at - 1) end--;
  // Individuals: a mention ending here, or ending before an honorific or post (洪前大統領, ソコリン氏).
  for (const tryEnd of candidateEnds(text, end, floor)) {
    const ms = registry.mentionsEndingAt(tryEnd);
    if (ms.length) {
      const people = [...new Set(ms.map((m) => m.person))];
      const start = Math.min(...ms.map((m) => m.descriptor?.start ?? m.start));
      return { people, start, source: { start: ms[0]!.start, end } };
    }
  }
  if (!allowCollective) return null;
  // Every collective pattern ends in one of a few characters (or katakana): skip the regexes otherwise.
  const last = text[end - 1] ?? '';
  if (!COLLECTIVE_LAST.has(last) && !/[\u30A1-\u30FA\u30FC]/.test(last)) return null;
  const window = text.slice(Math.max(floor, end - 40), end);
  // A katakana surname the document never introduced in full (ミロノフによれば): a person all the same.
  const bare = /(?<![\u30A1-\u30FA\u30FC・])[\u30A1-\u30FA\u30FC]{2,}$/.exec(window);
  if (bare && KATAKANA_MEDIA.test(bare[0])) return collective(registry, 'media', bare[0], { start: end - bare[0].length, end });
  if (bare && bare[0].length >= 3 && !isPlaceName(bare[0]) && !NOT_PEOPLE_KATAKANA.test(bare[0])) {
    const span = { start: end - bare[0].length, end };
    const p = registry.findBySurname(bare[0]) ?? registry.addPerson({ name: bare[0], organization: null, title: null, surname: bare[0] });
    registry.addMention(p, span);
    return { people: [p], start: span.start, source: span };
  }
  const offset = end - window.length;
  const hit = (re: RegExp): RegExpExecArray | null => re.exec(window);
  let m: RegExpExecArray | null;
  if ((m = hit(GROUP))) {
    // A qualifier is a nationality or a place (ロシア人, 米国の); an organisation word (センターの) is not one.
    const qualifier = m[2] ?? '';
    const bare = qualifier.replace(/(?:人|系|側の|の)$/, '');
    const keep = !qualifier || /人$/.test(qualifier) || isPlaceName(bare) || /^[\u4e00-\u9fff]{1,3}$/.test(bare) && !/(?:所|部|省|庁|局|会|院|社)$/.test(bare);
    const name = `${keep ? qualifier : ''}${m[3]}`;
    if (!keep) return collective(registry, 'group', name, { start: end - m[3]!.length - (m[4]?.length ?? 0), end });
    const span = { start: offset + m.index, end };
    return collective(registry, 'group', name, span, m[0] !== name ? m[0] : undefined);
  }
  if ((m = hit(MEDIA))) return collective(registry, 'media', m[0], { start: offset + m.index, end });
  if ((m = hit(ORGANIZATION))) return collective(registry, 'organization', m[1]!, { start: offset + m.index, end }, m[0] !== m[1] ? m[0] : undefined);
  if ((m = hit(GOVERNMENT))) {
    // Only a whole word: ロシア in 親ロシア or a kanji compound ending in 軍 that is no institution does not count.
    const before = window[m.index - 1];
    if (before && /[\u30A1-\u30FA\u30FC]/.test(before)) return null;
    const word = m[1]!;
    const country = CAPITAL_OF[word] ?? word;
    return collective(registry, 'government', country, { start: offset + m.index, end }, m[0] !== country ? m[0] : undefined);
  }
  return null;
}

/**
 * Where the name may end when an honorific or a post follows it: ソコリン氏, 洪前韓国大統領,
 * ボリス・ゼムスキー・ロシア国連大使. Tries every short tail, nearest first.
 */
function candidateEnds(text: string, end: number, floor: number): number[] {
  const bases = [end];
  // A Latin gloss between the name and the particle: マリーナ・V・オルロワ(Marina V. Orlova)は
  // …or a parenthetical post: 山田太郎氏(防衛大学校教授)は
  const gloss = /\((?:[A-Za-z][A-Za-z.'’ -]{1,60}|[^()（）、。]{2,40})\)$/.exec(text.slice(Math.max(floor, end - 64), end));
  if (gloss) bases.push(end - gloss[0].length);
  const ends = [...bases];
  for (const base of bases) {
    for (let k = 1; k <= 14 && base - k > floor; k++) {
      if (TAIL.test(text.slice(base - k, base))) ends.push(base - k);
    }
  }
  return ends;
}

const TAIL = /^(?:氏|教授|博士|さん|ら|ほか|他|の?両氏|の?両者|の?両名|の?二人|の?3氏|の?三氏|・?(?:[\u30A1-\u30FA\u30FC]{2,})?(?:前|元|現)?[\u4e00-\u9fff]{0,6}?(?:大統領|首相|外相|国防相|大使|長官|主席|総書記|委員長|議員|報道官|次官|司令官|教授|記者|研究員|研究委員|所長|部長|室長|准教授|博士|大将|中将|少将|大佐|中佐|少佐))$/;

function collective(registry: PeopleRegistry, type: PersonType, name: string, span: { start: number; end: number }, alias?: string): SpeakerPhrase {
  const p = registry.addCollective(type, name, span, alias);
  return { people: [p], start: span.start, source: span };
}
