/**
 * General vocabulary the name parser leans on: common East Asian surnames (to recognise surname-first
 * order), common forenames (to recognise "Lavrov Sergei"), patronymic endings, titles and honorifics.
 * None of it names a particular person; it is what any reader of the region's names knows.
 */

/**
 * Korean and Chinese surnames as romanised in English-language writing, most frequent first. The rank
 * decides "Sung Kim" (both tokens could be surnames): the more frequent one is taken as the surname.
 */
export const EAST_ASIAN_SURNAMES_LATIN: readonly string[] = [
  'kim', 'lee', 'yi', 'rhee', 'ri', 'park', 'pak', 'bak', 'choi', 'choe', 'jung', 'jeong', 'chung', 'chong',
  'kang', 'cho', 'jo', 'yoon', 'yun', 'jang', 'chang', 'lim', 'im', 'rim', 'han', 'oh', 'seo', 'suh',
  'shin', 'sin', 'kwon', 'hwang', 'ahn', 'an', 'song', 'yoo', 'yu', 'ryu', 'hong', 'jeon', 'chun', 'jun',
  'chon', 'ko', 'koh', 'moon', 'mun', 'yang', 'son', 'sohn', 'bae', 'pae', 'baek', 'paek', 'heo', 'hur',
  'nam', 'sim', 'shim', 'noh', 'roh', 'ha', 'kwak', 'sung', 'seong', 'cha', 'joo', 'ju', 'woo', 'koo',
  'min', 'na', 'ra', 'jin', 'eom', 'um', 'chae', 'won', 'bang', 'pyo', 'hyun', 'hyon', 'ham', 'byun',
  'pyon', 'yeom', 'seok', 'ban', 'wang', 'li', 'zhang', 'liu', 'chen', 'zhao', 'huang', 'zhou', 'wu', 'xu',
  'sun', 'hu', 'zhu', 'gao', 'lin', 'he', 'guo', 'ma', 'luo', 'liang', 'zheng', 'xie', 'tang', 'feng',
  'dong', 'xiao', 'cheng', 'cao', 'yuan', 'deng', 'fu', 'shen', 'zeng', 'peng', 'lu', 'su', 'jiang',
  'cai', 'jia', 'ding', 'wei', 'xue', 'ye', 'yan', 'pan', 'du', 'dai', 'xia', 'zhong', 'tian', 'ren',
  'fan', 'fang', 'shi', 'yao', 'tan', 'liao', 'zou', 'xiong', 'qin', 'qian', 'kong', 'bai', 'cui',
  'meng', 'mao', 'xi',
];

/** Korean surnames as katakana writes them (Korean names in katakana keep surname-first order). */
export const KOREAN_SURNAMES_KATAKANA: readonly string[] = [
  'キム', 'イ', 'リ', 'パク', 'チェ', 'チョン', 'カン', 'チョ', 'ユン', 'チャン', 'イム', 'ハン', 'オ', 'ソ',
  'シン', 'クォン', 'ファン', 'アン', 'ソン', 'ユ', 'ホン', 'コ', 'ムン', 'ヤン', 'ペ', 'ペク', 'ホ', 'ナム',
  'シム', 'ノ', 'ハ', 'クァク', 'チャ', 'チュ', 'ウ', 'ク', 'ミン', 'リュ', 'ナ', 'チン', 'オム', 'ウォン',
  'パン', 'ピョ', 'ヒョン', 'ハム', 'ピョン', 'ヨム', 'ソク',
];

/**
 * Forenames common in Russian, Ukrainian and English-language writing, in one spelling each; the parser
 * compares by phonetic key, so other spellings and scripts count too.
 */
export const COMMON_FORENAMES: readonly string[] = [
  // Russian
  'Aleksandr', 'Aleksei', 'Anatoly', 'Andrei', 'Anton', 'Arkady', 'Arseny', 'Artyom', 'Boris', 'Vadim',
  'Valentin', 'Valery', 'Vasily', 'Viktor', 'Vitaly', 'Vladimir', 'Vladislav', 'Vyacheslav', 'Gennady',
  'Georgy', 'Gleb', 'Grigory', 'Denis', 'Dmitry', 'Yevgeny', 'Yegor', 'Ivan', 'Igor', 'Ilya', 'Kirill',
  'Konstantin', 'Leonid', 'Maksim', 'Mikhail', 'Nikita', 'Nikolai', 'Oleg', 'Pavel', 'Pyotr', 'Roman',
  'Ruslan', 'Sergei', 'Stanislav', 'Stepan', 'Timofei', 'Fyodor', 'Yury', 'Yaroslav', 'Semyon', 'Lev',
  'Eduard', 'Anna', 'Aleksandra', 'Alina', 'Anastasia', 'Darya', 'Yekaterina', 'Yelena', 'Irina',
  'Lyudmila', 'Maria', 'Marina', 'Natalya', 'Olga', 'Svetlana', 'Tatyana', 'Yulia', 'Galina', 'Vera',
  'Nadezhda', 'Lyubov', 'Sofia', 'Polina', 'Ksenia', 'Oksana', 'Veronika', 'Yelizaveta', 'Valentina',
  // Ukrainian
  'Volodymyr', 'Dmytro', 'Oleksii', 'Oleksandr', 'Mykhailo', 'Mykola', 'Andrii', 'Serhii', 'Yurii',
  'Kyrylo', 'Valerii', 'Petro', 'Vasyl', 'Taras', 'Bohdan', 'Oleh', 'Ihor', 'Vitalii', 'Yuliia', 'Olena',
  'Iryna', 'Rustem',
  // English and other Western
  'John', 'James', 'Michael', 'Robert', 'David', 'William', 'Richard', 'Thomas', 'Mark', 'Paul', 'Peter',
  'Stephen', 'Steven', 'Scott', 'Bruce', 'Victor', 'Samuel', 'George', 'Charles', 'Daniel', 'Joseph',
  'Andrew', 'Edward', 'Brian', 'Kevin', 'Jeffrey', 'Eric', 'Christopher', 'Matthew', 'Anthony', 'Angela',
  'Fiona', 'Mary', 'Susan', 'Sarah', 'Jennifer', 'Elizabeth', 'Anne', 'Emma', 'Laura', 'Hans', 'Jean',
];

/** Patronymic endings (Sergeyevich, Viktorovna, Petrovych, Ilyich) in each script. */
export const PATRONYMIC_LATIN = /(?:ovi?t?ch|evi?t?ch|yevich|ovych|evych|ilyich|ovna|evna|yevna|ichna|ivna)$/i;
export const PATRONYMIC_CYRILLIC = /(?:ович|евич|ьич|ович|йович|ійович|овна|евна|ична|инична|івна|ївна|ивна)$/i;
export const PATRONYMIC_KATAKANA = /(?:ヴィチ|ヴィッチ|ビチ|ビッチ|イチ|ヴナ|ブナ)$/;

/** Titles that may precede a Latin name and are not part of it. */
export const LATIN_TITLES = new Set([
  'dr', 'prof', 'professor', 'mr', 'mrs', 'ms', 'amb', 'ambassador', 'gen', 'general', 'adm', 'admiral',
  'col', 'colonel', 'sen', 'senator', 'rep', 'sir', 'lt', 'maj', 'capt', 'gospodin',
]);

/** Suffixes that follow a Latin name and are not part of it. */
export const LATIN_SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv', 'phd', 'ph.d', 'md']);

/** Lowercase particles that belong to the surname that follows (von Hippel, de Gaulle). */
export const SURNAME_PARTICLES = new Set([
  'van', 'von', 'de', 'der', 'den', 'du', 'da', 'di', 'del', 'della', 'dos', 'das', 'la', 'le', 'ter', 'ten',
]);

/**
 * Honorifics and posts that Japanese text attaches after a name (ソコロフ氏, ラブロフ外相). They are cut
 * only after katakana, Latin or Cyrillic, where they cannot be part of a kanji name.
 */
export const JAPANESE_NAME_SUFFIXES: readonly string[] = [
  '名誉教授', '准教授', '教授', '博士', '氏', 'さん', '様', '副所長', '所長', '上級研究員', '主任研究員', '研究員',
  '外務大臣', '外務次官', '外相', '国防相', '国防大臣', '大統領', '首相', '議長', '委員長', '報道官', '次官',
  '長官', '司令官', '大使', '副部長', '部長', '代表', '元帥', '大将', '将軍',
];

/**
 * Romanisations of one Korean surname that no sound rule links (李 is Lee, Yi, Rhee, Ri, and イ or リ in
 * katakana; 朴 is Park, Pak, Bak, パク). A surname in a group also matches the group's other spellings.
 * A spelling may sit in two groups (チョン is 정 Jung and 전 Jeon).
 */
export const KOREAN_SURNAME_VARIANTS: readonly (readonly string[])[] = [
  ['lee', 'yi', 'rhee', 'ri', 'i', 'イ', 'リ'],
  ['park', 'pak', 'bak', 'パク'],
  ['choi', 'choe', 'chwe', 'チェ'],
  ['jung', 'jeong', 'chung', 'chong', 'チョン'],
  ['jeon', 'chun', 'jun', 'chon', 'チョン'],
  ['kang', 'gang', 'カン'],
  ['cho', 'jo', 'joe', 'チョ'],
  ['yoon', 'yun', 'ユン'],
  ['jang', 'chang', 'チャン'],
  ['lim', 'im', 'rim', 'イム'],
  ['oh', 'o', 'オ'],
  ['seo', 'suh', 'so', 'ソ'],
  ['shin', 'sin', 'シン'],
  ['kwon', 'gwon', 'クォン'],
  ['ahn', 'an', 'アン'],
  ['yoo', 'yu', 'ryu', 'ユ', 'リュ'],
  ['ko', 'koh', 'go', 'コ'],
  ['moon', 'mun', 'ムン'],
  ['son', 'sohn', 'ソン'],
  ['song', 'ソン'],
  ['sung', 'seong', 'ソン'],
  ['bae', 'pae', 'ペ'],
  ['baek', 'paek', 'ペク'],
  ['heo', 'hur', 'huh', 'ホ'],
  ['noh', 'roh', 'no', 'ノ'],
  ['woo', 'u', 'ウ'],
  ['koo', 'ku', 'gu', 'ク'],
  ['hyun', 'hyon', 'ヒョン'],
  ['byun', 'pyon', 'ピョン'],
  ['ban', 'pan', 'パン'],
];
