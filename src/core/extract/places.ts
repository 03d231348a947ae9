/**
 * Place names (countries, capitals, regions) in katakana, kanji and English. Place names are never people;
 * a name part that is a place tells a list of places (ロシア・ウクライナ) from a person's name.
 * A gazetteer of the genre's geography, not of any one document.
 */
export const KATAKANA_PLACES = new Set([
  'ロシア', 'ウクライナ', 'アメリカ', 'アメリカ合衆国', 'イギリス', 'フランス', 'ドイツ', 'イタリア', 'スペイン', 'ポーランド', 'ベラルーシ', 'モンゴル',
  'カザフスタン', 'ウズベキスタン', 'トルコ', 'イラン', 'イラク', 'シリア', 'イスラエル', 'パレスチナ', 'インド', 'パキスタン', 'アフガニスタン',
  'ベトナム', 'タイ', 'フィリピン', 'インドネシア', 'マレーシア', 'シンガポール', 'ミャンマー', 'カンボジア', 'ラオス', 'オーストラリア',
  'ニュージーランド', 'カナダ', 'メキシコ', 'ブラジル', 'アルゼンチン', 'キューバ', 'ベネズエラ', 'エジプト', 'サウジアラビア', 'ジョージア',
  'アルメニア', 'アゼルバイジャン', 'モルドバ', 'リトアニア', 'ラトビア', 'エストニア', 'フィンランド', 'スウェーデン', 'ノルウェー', 'デンマーク',
  'オランダ', 'ベルギー', 'スイス', 'オーストリア', 'チェコ', 'スロバキア', 'ハンガリー', 'ルーマニア', 'ブルガリア', 'セルビア', 'ギリシャ',
  'アジア', 'ヨーロッパ', 'ユーラシア', 'アフリカ', 'オセアニア', 'アラブ', 'バルト', 'シベリア', 'クリミア', 'ドンバス', 'ドネツク', 'ルハンスク',
  'モスクワ', 'ワシントン', 'ソウル', 'ピョンヤン', 'キーウ', 'キエフ', 'ロンドン', 'パリ', 'ベルリン', 'ブリュッセル', 'ウラジオストク', 'ハバロフスク',
  'サンクトペテルブルク', 'ミンスク', 'テヘラン', 'ニューヨーク', 'ジュネーブ', 'ウィーン', 'ハノイ', 'マニラ', 'ジャカルタ', 'ニューデリー',
  'インド太平洋', 'ユーロ', 'ソ連', 'ソビエト', 'ナト', 'ナトー', 'ロシア連邦', 'カザン', 'ノボシビルスク', 'エカテリンブルク', 'クルスク',
  'ハワイ', 'グアム', 'オホーツク', 'サハリン', 'カムチャツカ', 'チュコト',
]);

const KANJI_PLACES = new Set([
  '日本', '韓国', '北朝鮮', '中国', '台湾', '米国', '英国', '仏国', '独国', '露国', '朝鮮', '南北', '日米', '米韓', '日韓', '露朝', '中露', '米中',
  '東京', '北京', '平壌', '上海', '香港', '沖縄', '欧州', '北東アジア', '東アジア', '東南アジア', '極東', '朝鮮半島', '半島', '西側', '東側',
]);

const ENGLISH_PLACES = new Set([
  'Russia', 'Ukraine', 'Korea', 'Japan', 'China', 'America', 'Europe', 'Asia', 'Moscow', 'Seoul', 'Pyongyang', 'Tokyo', 'Washington',
  'Beijing', 'Kyiv', 'Kiev', 'London', 'Paris', 'Berlin', 'Brussels', 'Vladivostok', 'Taiwan', 'Iran', 'India', 'Pacific', 'Atlantic',
]);

/** Countries abbreviated to one kanji and joined (米露, 日米韓, 中朝): the parties of a meeting. */
const JOINED_ABBREVIATIONS = /^[米露中韓朝日英仏独豪印台欧]{2,4}$/;

export function isPlaceName(s: string): boolean {
  const t = s.trim();
  return KATAKANA_PLACES.has(t) || KANJI_PLACES.has(t) || ENGLISH_PLACES.has(t) || JOINED_ABBREVIATIONS.test(t);
}

/** Bodies written in katakana that stand before an official's name (ホワイトハウス・カーヴィン). */
const KATAKANA_BODY = /^(?:ホワイトハウス|クレムリン|ペンタゴン|ダウニング)$/;

/**
 * Whether the katakana word `first`, before `next` in 'first・next', is the body or the country the person named by
 * `next` belongs to (ホワイトハウス・カーヴィン, ロシア・ザハロフ), not part of the name; two places joined are no name.
 */
export function bodyBeforeName(first: string, next: string): boolean {
  return (KATAKANA_BODY.test(first) || isPlaceName(first)) && !isPlaceName(next);
}
