/**
 * A generated corpus of claims with planted paraphrases, for the similar-claims evaluation (a test asserts
 * recall and precision) and bench (lookup latency at 10,000 documents). Seeded: the same seed gives the
 * same corpus.
 *
 * Each base claim is made of slots (who, does what, to what, where, when, why, to what end) drawn from word
 * lists written for this file, in Japanese or English. Two base claims share at most two of the seven slots, as different
 * claims on one theme do (the same actor and the same time, say), so that unrelated claims still share much
 * of their vocabulary and their sentence frame. A planted group is a base
 * claim and one or two paraphrases of it, each by another speaker in another document, made by two to four
 * of: reordering (the time adverbial moves), a synonym swap (verb, subject or object), a particle or an
 * inflection changed, an added adverbial, another sentence ending.
 *
 * Limitation, on purpose: claims that share who, what and where but go the opposite way ("will expand" /
 * "will cut") are not generated: character n-grams cannot tell them apart, and the index would list them
 * as similar (about the same thing, not necessarily agreeing).
 */

import { createRandom } from './generate.ts';

type Random = () => number;
const pick = <T>(r: Random, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

/** A slot filler and its synonyms (the first is the base form). */
type Syn = readonly string[];

const JA = {
  who: [
    ['ロシア海軍', 'ロシアの海軍'], ['中国政府', '中国当局'], ['北朝鮮軍', '北朝鮮の軍'], ['日本の防衛省', '防衛省'], ['欧州連合', 'EU'],
    ['米国議会', '米議会'], ['トルコ外務省', 'トルコの外務省'], ['インド空軍', 'インドの空軍'], ['韓国政府', '韓国当局'], ['ウクライナ軍', 'ウクライナの軍'],
    ['イラン革命防衛隊', '革命防衛隊'], ['豪州国防省', 'オーストラリア国防省'], ['NATO加盟国', 'NATOの加盟国'], ['台湾当局', '台湾政府'],
    ['フィリピン沿岸警備隊', '比沿岸警備隊'], ['ベトナム共産党', 'ベトナムの党指導部'], ['カザフスタン政府', 'カザフ政府'], ['英国海軍', 'イギリス海軍'],
    ['フランス国防省', '仏国防省'], ['ドイツ連邦軍', '独連邦軍'],
  ] as Syn[],
  what: [
    ['弾道ミサイルの開発', '弾道ミサイル開発'], ['無人機の輸出', '無人機輸出'], ['港湾の共同利用', '港湾共同利用'], ['半導体の調達', '半導体調達'],
    ['衛星打ち上げの協力', '衛星打ち上げでの協力'], ['穀物輸出の保険', '穀物輸出向けの保険'], ['制裁回避の仕組み', '制裁逃れの仕組み'], ['弾薬の増産', '弾薬増産'],
    ['防空網の整備', '防空網整備'], ['海底ケーブルの監視', '海底ケーブル監視'], ['原子力潜水艦の配備', '原潜の配備'], ['国境警備の強化策', '国境警備強化策'],
    ['サイバー攻撃への備え', 'サイバー攻撃対策'], ['燃料の備蓄', '燃料備蓄'], ['軍事演習の日程', '軍事演習日程'], ['兵員の募集', '兵員募集'],
    ['極東の鉄道輸送', '極東鉄道輸送'], ['技術者の派遣', '技術者派遣'], ['レーダー基地の建設', 'レーダー基地建設'], ['情報共有の枠組み', '情報共有枠組み'],
    ['砕氷船の建造', '砕氷船建造'], ['外貨準備の運用', '外貨準備運用'], ['労働者の受け入れ', '労働者受け入れ'], ['航空機部品の密輸', '航空機部品密輸'],
  ] as Syn[],
  where: [
    ['北極海で', '北極海において'], ['黒海沿岸で', '黒海の沿岸で'], ['朝鮮半島周辺で', '朝鮮半島の周辺で'], ['南シナ海で', '南シナ海において'],
    ['中央アジアで', '中央アジア地域で'], ['バルト海で', 'バルト海において'], ['極東地域で', '極東で'], ['東地中海で', '地中海東部で'],
    ['台湾海峡で', '台湾海峡において'], ['インド洋で', 'インド洋において'], ['カスピ海で', 'カスピ海において'], ['紅海で', '紅海において'],
    ['国境地帯で', '国境付近で'], ['太平洋島嶼国で', '太平洋の島嶼国で'], ['東欧で', '東ヨーロッパで'], ['中東で', '中東地域で'],
    ['アフリカの角で', 'アフリカ東部で'], ['宇宙空間で', '宇宙で'], ['日本海で', '日本海において'], ['オホーツク海で', 'オホーツク海において'],
  ] as Syn[],
  way: [
    ['拡大する', '拡大させる', '広げる'], ['強化する', '強める', '一層強化する'], ['縮小する', '減らす', '縮める'], ['見直す', '再検討する', '改める'],
    ['継続する', '続ける', '維持する'], ['加速させる', '急ぐ', '早める'], ['本格化させる', '本格的に進める', '本格化する'], ['凍結する', '停止する', '止める'],
  ] as Syn[],
  why: [
    ['制裁の影響で', '制裁の影響により'], ['財政難のため', '財政が苦しいため'], ['同盟国の圧力を受けて', '同盟国からの圧力で'], ['国内の反発を背景に', '国内での反発を背景に'],
    ['技術不足を補うため', '技術の不足を補うため'], ['選挙を意識して', '選挙をにらんで'], ['エネルギー価格の高騰で', 'エネルギー価格が高騰して'], ['人手不足のため', '人員が足りないため'],
    ['周辺国の軍拡に対抗して', '周辺国の軍備拡張に対抗して'], ['経済協力の見返りとして', '経済協力の対価として'], ['国際世論に配慮して', '国際世論を気にして'], ['前線の消耗を受けて', '前線での消耗を受けて'],
  ] as Syn[],
  aim: [
    ['抑止力を高める狙いで', '抑止力を強める狙いで'], ['外貨を稼ぐ目的で', '外貨獲得の目的で'], ['影響力を保つために', '影響力を維持するために'], ['交渉を有利に進めるために', '交渉を優位に運ぶために'],
    ['補給を確保するために', '補給路を確保するために'], ['国内産業を守るために', '国内の産業を保護するために'], ['監視の目を逃れるために', '監視をかわすために'], ['同盟を固めるために', '同盟関係を固めるために'],
    ['技術を吸収する目的で', '技術の吸収を目的に'], ['兵力を温存するために', '戦力を温存するために'], ['市場を広げるために', '販路を広げるために'], ['孤立を避けるために', '孤立を回避するために'],
  ] as Syn[],
  when: ['来年にも', '今後数年で', '年内に', '数カ月以内に', '近い将来', '2030年までに', '当面', '次の選挙の後に'],
  end: ['だろう', 'と見られる', '可能性が高い', 'はずだ', 'ことになる'],
  adverb: ['さらに', '着実に', '段階的に', '一段と', '確実に', '急速に'],
};

const EN = {
  who: [
    ['the Russian navy', "Russia's navy"], ['the Chinese government', 'Beijing'], ['the North Korean army', "North Korea's army"], ['the Japanese defence ministry', "Japan's defence ministry"],
    ['the European Union', 'the EU'], ['the US Congress', 'Congress'], ['the Turkish foreign ministry', "Turkey's foreign ministry"], ['the Indian air force', "India's air force"],
    ['the South Korean government', 'Seoul'], ['the Ukrainian army', "Ukraine's army"], ['the Iranian Revolutionary Guard', 'the Revolutionary Guard'], ['the Australian defence department', "Australia's defence department"],
    ['NATO members', 'the members of NATO'], ['the Taiwanese authorities', 'Taipei'], ['the Philippine coast guard', "the Philippines' coast guard"], ['the Vietnamese leadership', "Vietnam's leaders"],
    ['the Kazakh government', 'Astana'], ['the Royal Navy', "Britain's navy"], ['the French defence ministry', "France's defence ministry"], ['the German armed forces', 'the Bundeswehr'],
  ] as Syn[],
  what: [
    ['ballistic missile development', 'the development of ballistic missiles'], ['drone exports', 'exports of drones'], ['joint use of ports', 'the shared use of ports'],
    ['semiconductor procurement', 'the procurement of semiconductors'], ['cooperation on satellite launches', 'satellite launch cooperation'], ['insurance for grain exports', 'grain export insurance'],
    ['schemes to evade sanctions', 'sanctions evasion schemes'], ['ammunition production', 'the production of ammunition'], ['air defence networks', 'its air defence network'],
    ['surveillance of undersea cables', 'undersea cable surveillance'], ['deployment of nuclear submarines', 'nuclear submarine deployments'], ['border security measures', 'measures for border security'],
    ['preparations against cyberattacks', 'cyber defence preparations'], ['fuel stockpiles', 'stockpiles of fuel'], ['the military exercise calendar', 'the schedule of military exercises'],
    ['troop recruitment', 'the recruitment of troops'], ['rail freight in the Far East', 'Far Eastern rail freight'], ['the dispatch of engineers', 'sending engineers'],
    ['construction of radar stations', 'radar station construction'], ['intelligence sharing arrangements', 'arrangements for sharing intelligence'], ['icebreaker construction', 'the building of icebreakers'],
    ['management of foreign reserves', 'foreign reserve management'], ['the intake of foreign workers', 'foreign worker intake'], ['smuggling of aircraft parts', 'aircraft parts smuggling'],
  ] as Syn[],
  where: [
    ['in the Arctic', 'across the Arctic'], ['on the Black Sea coast', 'along the Black Sea coast'], ['around the Korean peninsula', 'near the Korean peninsula'], ['in the South China Sea', 'across the South China Sea'],
    ['in Central Asia', 'across Central Asia'], ['in the Baltic', 'in the Baltic Sea'], ['in the Far East', 'in the Russian Far East'], ['in the eastern Mediterranean', 'in the East Mediterranean'],
    ['in the Taiwan Strait', 'across the Taiwan Strait'], ['in the Indian Ocean', 'across the Indian Ocean'], ['on the Caspian', 'on the Caspian Sea'], ['in the Red Sea', 'along the Red Sea'],
    ['along the border', 'in the border areas'], ['among Pacific island states', 'in the Pacific islands'], ['in Eastern Europe', 'across Eastern Europe'], ['in the Middle East', 'across the Middle East'],
    ['in the Horn of Africa', 'around the Horn of Africa'], ['in orbit', 'in space'], ['in the Sea of Japan', 'across the Sea of Japan'], ['in the Sea of Okhotsk', 'on the Sea of Okhotsk'],
  ] as Syn[],
  way: [
    ['expand', 'broaden', 'widen'], ['strengthen', 'reinforce', 'bolster'], ['cut back', 'reduce', 'scale down'], ['review', 'reconsider', 'revisit'],
    ['continue', 'keep up', 'maintain'], ['speed up', 'accelerate', 'hasten'], ['step up', 'ramp up', 'intensify'], ['freeze', 'halt', 'suspend'],
  ] as Syn[],
  why: [
    ['because of sanctions', 'owing to sanctions'], ['for lack of money', 'because money is short'], ['under pressure from allies', 'under allied pressure'], ['amid a domestic backlash', 'amid a backlash at home'],
    ['to make up for missing technology', 'to compensate for missing technology'], ['with the election in mind', 'with an eye on the election'], ['as energy prices soar', 'as energy costs soar'], ['for want of staff', 'because staff are short'],
    ['in answer to its neighbours\' arms build-up', "in response to the neighbours' arms build-up"], ['in return for economic aid', 'in exchange for economic aid'], ['mindful of world opinion', 'wary of world opinion'], ['as the front wears down', 'as attrition at the front mounts'],
  ] as Syn[],
  aim: [
    ['to raise deterrence', 'to strengthen deterrence'], ['to earn hard currency', 'to bring in hard currency'], ['to keep its influence', 'to preserve its influence'], ['to gain leverage in talks', 'to win leverage in negotiations'],
    ['to secure supplies', 'to secure its supply lines'], ['to protect domestic industry', 'to shield home industry'], ['to escape scrutiny', 'to avoid scrutiny'], ['to cement the alliance', 'to consolidate the alliance'],
    ['to absorb technology', 'to acquire know-how'], ['to preserve its forces', 'to conserve its forces'], ['to open new markets', 'to widen its markets'], ['to avoid isolation', 'to escape isolation'],
  ] as Syn[],
  when: ['as early as next year', 'within a few years', 'before the end of the year', 'within months', 'in the near future', 'by 2030', 'for now', 'after the next election'],
  modal: [['will', 'is going to', 'is likely to'], ['is expected to', 'will probably', 'looks set to']] as Syn[],
  adverb: ['further', 'steadily', 'gradually', 'sharply', 'quietly', 'rapidly'],
};

export interface ClaimSlots {
  readonly lang: 'ja' | 'en';
  readonly who: number;
  readonly what: number;
  readonly where: number;
  readonly way: number;
  readonly why: number;
  readonly aim: number;
  readonly when: number;
  readonly end: number;
}

/** One way of saying a claim: which synonym of each slot, order, adverb. */
interface Phrasing {
  readonly who: number;
  readonly what: number;
  readonly where: number;
  readonly way: number;
  readonly why: number;
  readonly aim: number;
  readonly end: number;
  readonly timeFirst: boolean;
  readonly adverb: number | null;
  /** Japanese: が instead of は; English: a modal other than the base one. */
  readonly particle: boolean;
}

function render(s: ClaimSlots, p: Phrasing): string {
  if (s.lang === 'ja') {
    const who = JA.who[s.who]![p.who]!;
    const what = JA.what[s.what]![p.what]!;
    const where = JA.where[s.where]![p.where]!;
    const way = JA.way[s.way]![p.way]!;
    const when = JA.when[s.when]!;
    const adverb = p.adverb === null ? '' : JA.adverb[p.adverb]!;
    const why = JA.why[s.why]![p.why]!;
    const aim = JA.aim[s.aim]![p.aim]!;
    const topic = `${who}${p.particle ? 'が' : 'は'}`;
    const body = `${why}、${aim}${where}${what}を${adverb}${way}${JA.end[p.end]!}`;
    return p.timeFirst ? `${when}、${topic}${body}` : `${topic}${when}${body}`;
  }
  const who = EN.who[s.who]![p.who]!;
  const what = EN.what[s.what]![p.what]!;
  const where = EN.where[s.where]![p.where]!;
  const way = EN.way[s.way]![p.way]!;
  const modal = EN.modal[s.end % 2]![p.particle ? 1 + (s.end % 2) : 0]!;
  const when = EN.when[s.when]!;
  const adverb = p.adverb === null ? '' : `${EN.adverb[p.adverb]!} `;
  const why = EN.why[s.why]![p.why]!;
  const aim = EN.aim[s.aim]![p.aim]!;
  const core = `${who} ${modal} ${adverb}${way} ${what} ${where} ${aim} ${why}`;
  const sentence = p.timeFirst ? `${when}, ${core}` : `${core} ${when}`;
  return sentence[0]!.toUpperCase() + sentence.slice(1);
}

const BASE: Phrasing = { who: 0, what: 0, where: 0, way: 0, why: 0, aim: 0, end: 0, timeFirst: false, adverb: null, particle: false };

/** A paraphrase: two to four of the operations, at least one that changes words. */
function paraphrase(r: Random, s: ClaimSlots): Phrasing {
  const p = { ...BASE, end: s.end };
  const ops = ['reorder', 'synonym', 'synonym', 'particle', 'adverb', 'ending'];
  const n = 2 + Math.floor(r() * 3);
  const chosen = new Set<string>(['synonym']);
  while (chosen.size < n) chosen.add(pick(r, ops));
  const table = s.lang === 'ja' ? JA : EN;
  for (const op of chosen) {
    if (op === 'reorder') p.timeFirst = true;
    else if (op === 'particle') p.particle = true;
    else if (op === 'adverb') p.adverb = Math.floor(r() * table.adverb.length);
    else if (op === 'ending') p.end = s.lang === 'ja' ? (s.end + 1 + Math.floor(r() * (JA.end.length - 1))) % JA.end.length : s.end;
    else {
      // One slot to a synonym (two when the op was drawn twice is fine: the set keeps it once).
      const slot = pick(r, ['who', 'what', 'where', 'way', 'why', 'aim'] as const);
      const n2 = table[slot][s[slot]]!.length;
      p[slot] = 1 + Math.floor(r() * (n2 - 1));
    }
  }
  return p;
}

export interface GeneratedClaim {
  readonly text: string;
  readonly lang: 'ja' | 'en';
  /** The planted group (base and paraphrases share it); null for a claim with no paraphrase. */
  readonly group: number | null;
}

/** How many of the seven content slots two claims have in common. */
const shared = (a: ClaimSlots, b: ClaimSlots) =>
  Number(a.who === b.who) + Number(a.what === b.what) + Number(a.where === b.where) + Number(a.way === b.way) + Number(a.when === b.when)
  + Number(a.why === b.why) + Number(a.aim === b.aim);

/**
 * `bases` base claims (half Japanese, half English, at most what the slot lists allow), of which `planted`
 * get one or two paraphrases. Two base claims share at most `maxShared` of the seven slots (7: no limit, for a corpus too large for the limit, where only the lookup's speed is measured).
 * Returns the claims in a shuffled order.
 */
export function generateClaims(seed: number, bases: number, planted: number, maxShared = 2): GeneratedClaim[] {
  const r = createRandom(seed);
  const slots: ClaimSlots[] = [];
  for (const lang of ['ja', 'en'] as const) {
    const t = lang === 'ja' ? JA : EN;
    const want = Math.ceil(bases / 2);
    let tries = 0;
    let made = 0;
    while (made < want && tries++ < want * 200) {
      const s: ClaimSlots = {
        lang, who: Math.floor(r() * t.who.length), what: Math.floor(r() * t.what.length), where: Math.floor(r() * t.where.length),
        way: Math.floor(r() * t.way.length), why: Math.floor(r() * t.why.length), aim: Math.floor(r() * t.aim.length), when: Math.floor(r() * t.when.length), end: Math.floor(r() * (lang === 'ja' ? JA.end.length : 2)),
      };
      if (maxShared < 7 && slots.some((o) => o.lang === lang && shared(o, s) > maxShared)) continue;
      slots.push(s);
      made++;
    }
  }
  const out: GeneratedClaim[] = [];
  const step = Math.max(1, Math.floor(slots.length / Math.max(1, planted)));
  let groups = 0;
  slots.forEach((s, i) => {
    const group = i % step === 0 && groups < planted ? (groups++, i) : null;
    out.push({ text: render(s, BASE), lang: s.lang, group });
    if (group === null) return;
    const n = 1 + Math.floor(r() * 2);
    const seen = new Set([render(s, BASE)]);
    for (let k = 0; k < n; k++) {
      let text = render(s, paraphrase(r, s));
      for (let retry = 0; seen.has(text) && retry < 10; retry++) text = render(s, paraphrase(r, s));
      seen.add(text);
      out.push({ text, lang: s.lang, group });
    }
  });
  // Fisher–Yates, so that a group's claims land in different documents.
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
