/**
 * Phonetic keys that let one name be recognised in katakana, Latin and Cyrillic.
 *
 * Every script is brought into one key space: a lowercase Latin spelling with the distinctions that some
 * script cannot make folded away. Katakana cannot tell l from r, v from b, nor "ti" from "chi"; it adds
 * vowels after final consonants (ラブロフ, "ra-bu-ro-fu", for Lavrov); Latin spellings of one Russian name
 * differ in y/i/j, doubled letters and how ё is written (Artyom, Artem, Artiom). The key keeps vowels, so
 * Ivanov and Ivanova stay apart; the consonant skeleton (`skeletonOf`) is the coarser key an index buckets
 * by and that two surnames must share before they can match at all.
 *
 * Key alphabet: a–z without c, q, w, x, b, f, l (folded into k, kv, v, ks, v, v, r), plus three capitals
 * for sounds Latin writes with two letters: C (ch, Russian ч), S (sh, ш), J (zh/j, ж). Vowels are a e i o u,
 * and y, which is a glide (ya, yu).
 */

const KEY_VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y']);

/** True for the vowels and the glide y of the key alphabet. */
export function isKeyVowel(ch: string): boolean {
  return KEY_VOWELS.has(ch);
}

// Latin letters with marks that NFKD does not take apart.
const LATIN_SPECIAL: Record<string, string> = {
  ß: 'ss', æ: 'ae', ø: 'o', œ: 'oe', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i', ŀ: 'l',
};

/**
 * The key of one run of letters (a hyphen-free segment). Steps run in order; each comment says which
 * spelling variants it merges.
 */
function segmentKey(segment: string): string {
  let s = segment;
  if (s === '') return s;
  // English silent h (John, Sarah), before any h is made from kh; kept in Oleh and Bohdan.
  s = s.replace(/(?<=[aeiou])h(?=[nmr])/g, '').replace(/(?<=a)h$/, '');
  // Multi-letter spellings of one sound, longest first.
  s = s
    .replace(/shch/g, 'SC')
    .replace(/tsch/g, 'C')
    .replace(/dzh|dsch/g, 'J')
    .replace(/sch|sh|sz/g, 'S')
    .replace(/zh/g, 'J')
    .replace(/ch(?=r|l|ae)/g, 'k') // Christopher, Michael: English ch spoken k
    .replace(/tch|ch|cz/g, 'C')
    .replace(/kh/g, 'h')
    .replace(/gh/g, 'g')
    .replace(/ph/g, 'f')
    .replace(/th/g, 't')
    .replace(/ck/g, 'k')
    .replace(/dz/g, 'z') // Georgian -dze is written ゼ in katakana
    .replace(/dj/g, 'J')
    .replace(/qu/g, 'kv')
    .replace(/q/g, 'k')
    .replace(/x/g, 'ks')
    .replace(/w/g, 'v')
    .replace(/c(?=[eiy])/g, 's')
    .replace(/c/g, 'k');
  // j: a glide in German/scholarly spellings (Sergej, Artjom, Ljudmila), else the English j sound.
  // Not after n or d, where it is the j of Benjamin or the dj of Djordje.
  s = s
    .replace(/j$/, 'y')
    .replace(/j(?=[^aeiou])/g, 'y')
    .replace(/(?<=[bfghklmprstvz])j(?=[aeiou])/g, 'y')
    .replace(/j/g, 'J');
  // French and English spellings of u (Loukianov, Moon, Yoo).
  s = s.replace(/oo/g, 'u').replace(/ou/g, 'u');
  // Initial Ye- and Iu-/Ia- (Yevgeny = Evgeny, Iurii = Yurii).
  s = s.replace(/^ye/, 'e').replace(/^i(?=[aeou])/, 'y');
  // Iotated vowels after a consonant: Mariya = Maria = Marya, Dmitriev = Dmitryev; then ё written yo
  // or e (Artyom = Artem, Fyodor = Fedor), ye after a consonant = e, and the glide after ch/sh/zh.
  s = s
    .replace(/(?<=[^aeiouy])iy(?=[aeiou])/g, 'y')
    .replace(/(?<=[^aeiouy])i(?=[aeou])/g, 'y')
    .replace(/(?<=[^aeiouy])y[oe]/g, 'e')
    .replace(/(?<=[CSJ])y(?=[aeiou])/g, '');
  // A glide between vowels is not written consistently (Andreyev = Andreev, Stanovaya).
  s = s.replace(/(?<=[aeiou])y(?=[aeiou])/g, '');
  // Endings: -iy, -ii, -yi, -yy, -y = -i (Dmitriy, Dmitrii, Dmitry); -ey = -ei (Andrey, Andrei).
  s = s.replace(/(?<=[aeou])y$/, 'i').replace(/(?:iy|ii|yi|yy|y)$/, 'i');
  // y between consonants is the vowel ы or i (Kyrylo = Kirilo, Naryshkin).
  s = s.replace(/(?<=[^aeiouy])y(?=[^aeiouy])/g, 'i');
  // Katakana writes m before b/p as ン; l and r are one sound for it; b, f, v, w one group.
  s = s.replace(/m(?=[bp])/g, 'n').replace(/l/g, 'r').replace(/[bf]/g, 'v');
  s = s.replace(/(.)\1+/g, '$1');
  // Final -ng is ン in katakana (Jong = ジョン).
  s = s.replace(/ng$/, 'n');
  return s;
}

/**
 * The phonetic key of a Latin name part ("Artyom", "Vassily", "Yo-jong"). Case, marks, apostrophes (the
 * soft sign written ' or ʹ) and anything but letters are dropped; hyphens and spaces separate segments
 * whose keys are joined, so Yo-jong, Yo Jong and Yojong agree.
 *
 * @example latinToKey('Artyom') === latinToKey('Artem') // 'artem'
 */
export function latinToKey(s: string): string {
  if (typeof s !== 'string') throw new TypeError('latinToKey: s must be a string');
  const folded = [...s.normalize('NFKD').toLowerCase()]
    .map((ch) => LATIN_SPECIAL[ch] ?? ch)
    .join('')
    .replace(/\p{M}/gu, '');
  return folded
    .split(/[\s\-‐‑‒–—_]+/)
    .map((segment) => segmentKey(segment.replace(/[^a-z]/g, '')))
    .join('');
}

// ---------------------------------------------------------------------------------------------------
// Cyrillic

const CYRILLIC_VOWELS = new Set([...'аеёиоуыэюяіїєАЕЁИОУЫЭЮЯІЇЄ']);
const HUSHING = new Set([...'жчшщЖЧШЩ']);

const RUSSIAN: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm',
  н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh',
  щ: 'shch', ы: 'y', э: 'e', ю: 'yu', я: 'ya',
  // Letters of other Cyrillic alphabets that turn up in names of the region.
  ў: 'w', ђ: 'dj', ћ: 'c', џ: 'dzh', љ: 'lj', њ: 'nj', ј: 'j', ѓ: 'gj', ќ: 'kj', ѕ: 'dz',
};
const UKRAINIAN: Record<string, string> = { ...RUSSIAN, г: 'h', ґ: 'g', и: 'y', і: 'i', ї: 'yi', є: 'ye' };

/**
 * Romanises Cyrillic in the way English-language scholarship usually writes Russian and Ukrainian names
 * (close to BGN/PCGN, without diacritics): Артём → Artyom, Лукьянов → Lukyanov, Горбачёв → Gorbachev,
 * Євген → Yevhen. A word with і, ї, є or ґ is read as Ukrainian (г → h, и → y). Non-Cyrillic characters pass
 * through. Feed the result to `latinToKey` for the key.
 *
 * @example cyrillicToLatin('Фёдор Лукьянов') // 'Fyodor Lukyanov'
 */
export function cyrillicToLatin(s: string): string {
  if (typeof s !== 'string') throw new TypeError('cyrillicToLatin: s must be a string');
  return s.replace(/[\p{Script=Cyrillic}\p{M}]+/gu, (word) => romaniseCyrillicWord(word.normalize('NFC')));
}

function romaniseCyrillicWord(word: string): string {
  const table = /[іїєґІЇЄҐ]/.test(word) ? UKRAINIAN : RUSSIAN;
  const chars = [...word];
  const allCaps = chars.length > 1 && chars.every((c) => c === c.toUpperCase());
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    const lower = ch.toLowerCase();
    const prev = i > 0 ? chars[i - 1]! : '';
    const next = i + 1 < chars.length ? chars[i + 1]! : '';
    const afterVowelOrStart = prev === '' || CYRILLIC_VOWELS.has(prev) || /[ьъЬЪ]/.test(prev);
    let latin: string;
    if (lower === 'е' && table === RUSSIAN) latin = afterVowelOrStart ? 'ye' : 'e';
    else if (lower === 'е') latin = 'e';
    else if (lower === 'ё') latin = HUSHING.has(prev) ? 'e' : 'yo';
    else if (lower === 'ь' || lower === 'ъ') latin = CYRILLIC_VOWELS.has(next) && !/[ьъ]/.test(next) ? 'y' : '';
    else if (lower === 'ʼ' || lower === "'") latin = '';
    else latin = table[lower] ?? (/\p{M}/u.test(ch) ? '' : ch);
    // ь/ъ + е, ё, ю, я already carry the glide: Наталья → Natalya, not Natalyya.
    if (/^y/.test(latin) && /[ьъЬЪ]/.test(prev) && /[еёюяєї]/.test(lower)) latin = latin.slice(1) || latin;
    if (ch !== lower && latin) latin = allCaps ? latin.toUpperCase() : latin[0]!.toUpperCase() + latin.slice(1);
    out += latin;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Katakana

type Row = 'a' | 'i' | 'u' | 'e' | 'o';

/** Base kana: the consonant spellings it can stand for in a foreign name, and its vowel. */
const KANA: Record<string, readonly [readonly string[], Row]> = {};
function row(kana: string, consonants: readonly string[]): void {
  const vowels: Row[] = ['a', 'i', 'u', 'e', 'o'];
  [...kana].forEach((k, i) => {
    if (k !== '_') KANA[k] = [consonants, vowels[i]!];
  });
}
row('アイウエオ', ['']);
row('カキクケコ', ['k']);
row('ガギグゲゴ', ['g']);
row('サ_スセソ', ['s']);
row('ザ_ズゼゾ', ['z']);
row('タ__テト', ['t']);
row('ダ_ヅデド', ['d']);
row('ナニヌネノ', ['n']);
row('ハヒ_ヘホ', ['h']);
row('バビブベボ', ['b']);
row('パピプペポ', ['p']);
row('マミムメモ', ['m']);
row('ヤ_ユ_ヨ', ['y']);
row('ラリルレロ', ['r']);
row('ワヰ_ヱヲ', ['w']);
// シ is shi or si, チ chi or ti (Konstantin = コンスタンチン), ジ zhi, zi or di (Vladimir = ウラジーミル),
// ツ tsu, フ fu or khu (Khrushchev = フルシチョフ), ヅ zu.
KANA['シ'] = [['sh', 's'], 'i'];
KANA['ジ'] = [['zh', 'z', 'd'], 'i'];
KANA['チ'] = [['ch', 't'], 'i'];
KANA['ヂ'] = [['zh'], 'i'];
KANA['ツ'] = [['ts'], 'u'];
KANA['フ'] = [['f', 'kh'], 'u'];
KANA['ヅ'] = [['z'], 'u'];
KANA['ヴ'] = [['v'], 'u'];
KANA['ヵ'] = [['k'], 'a'];
KANA['ヶ'] = [['k'], 'e'];

const SMALL_VOWEL: Record<string, Row> = { ァ: 'a', ィ: 'i', ゥ: 'u', ェ: 'e', ォ: 'o' };
const SMALL_Y: Record<string, Row> = { ャ: 'a', ュ: 'u', ョ: 'o' };

/** One mora: the romaji strings it may stand for, and whether its vowel may be one katakana added. */
interface Mora {
  readonly kana: string;
  readonly options: readonly string[];
  readonly consonant: boolean;
  /** The vowel may be epenthetic (ブ for b, ト for t, シ for sh), if the next mora starts with a consonant. */
  readonly epenthetic: readonly string[] | null;
}

function parseMorae(kana: string): Mora[] | null {
  const chars = [...kana];
  const morae: Mora[] = [];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    const next = chars[i + 1] ?? '';
    if (ch === 'ー' || ch === 'ッ') {
      morae.push({ kana: ch, options: [''], consonant: ch === 'ッ', epenthetic: null });
      continue;
    }
    if (ch === 'ン') {
      morae.push({ kana: ch, options: ['n'], consonant: true, epenthetic: null });
      continue;
    }
    if (SMALL_VOWEL[ch] || SMALL_Y[ch]) {
      // A small kana with nothing to attach to stands for its vowel.
      const v = SMALL_VOWEL[ch] ?? SMALL_Y[ch]!;
      morae.push({ kana: ch, options: [SMALL_Y[ch] ? 'y' + v : v], consonant: false, epenthetic: null });
      continue;
    }
    if (ch === 'ヮ') {
      morae.push({ kana: ch, options: ['wa'], consonant: true, epenthetic: null });
      continue;
    }
    const base = KANA[ch];
    if (!base) return null;
    const [consonants, vowel] = base;
    if (SMALL_VOWEL[next]) {
      const v = SMALL_VOWEL[next]!;
      i++;
      let options: string[];
      if (ch === 'ウ') options = ['w' + v, 'u' + v];
      else if (ch === 'イ') options = ['y' + v];
      else if (ch === 'ク' || ch === 'グ') options = consonants.flatMap((c) => [c + v, c + 'w' + v]);
      else if (consonants[0] === '') options = [vowel + v];
      else options = consonants.map((c) => c + v);
      // チェ is che or te, ジェ zhe or de (Medvedev = メドヴェージェフ).
      if (ch === 'チ') options = ['ch' + v, 't' + v, 'ty' + v];
      if (ch === 'ジ') options = ['zh' + v, 'z' + v, 'd' + v, 'dy' + v];
      morae.push({ kana: ch + next, options, consonant: consonants[0] !== '', epenthetic: null });
      continue;
    }
    if (SMALL_Y[next] && vowel === 'i' && consonants[0] !== '') {
      const v = SMALL_Y[next]!;
      i++;
      let options: string[];
      if (ch === 'シ') options = ['sh' + v, 'sy' + v, 'shy' + v];
      else if (ch === 'チ') options = ['ch' + v, 'ty' + v, 'chy' + v];
      else if (ch === 'ジ') options = ['zh' + v, 'dy' + v, 'zy' + v, 'zhy' + v];
      else options = consonants.map((c) => c + 'y' + v);
      // シュ, チュ before a consonant may be a bare sh/ch (Mishustin = ミシュスチン).
      const epenthetic = v === 'u' ? options.map((o) => o.slice(0, -1).replace(/y$/, '')) : null;
      morae.push({ kana: ch + next, options, consonant: true, epenthetic });
      continue;
    }
    if (SMALL_Y[next] && (ch === 'ヴ' || ch === 'フ')) {
      const v = SMALL_Y[next]!;
      i++;
      morae.push({ kana: ch + next, options: consonants.map((c) => c + 'y' + v), consonant: true, epenthetic: null });
      continue;
    }
    const options = consonants.map((c) => c + vowel);
    let epenthetic: string[] | null = null;
    // Vowels katakana adds after a consonant: u after most (ブ, ク, ス, ム, ル, フ, ツ), o after t and d,
    // i after sh, ch, zh (シ, チ, ジ) and after the soft l (リ: Kolokoltsev = コロコリツェフ, Igor = イーゴリ).
    if (consonants[0] !== '' && consonants[0] !== 'y' && consonants[0] !== 'w') {
      if (vowel === 'u') epenthetic = [...consonants];
      else if (vowel === 'o' && (ch === 'ト' || ch === 'ド')) epenthetic = [...consonants];
      else if (vowel === 'i' && (ch === 'シ' || ch === 'チ' || ch === 'ジ' || ch === 'リ')) epenthetic = [...consonants];
    }
    morae.push({ kana: ch, options, consonant: consonants[0] !== '', epenthetic });
  }
  return morae;
}

/** Upper bound on romaji readings per name part; past it the rarer choices are dropped. */
const MAX_READINGS = 512;

function romajiReadings(kana: string): string[] | null {
  const morae = parseMorae(kana);
  if (!morae) return null;
  const choices: string[][] = morae.map((m, i) => {
    const next = morae.slice(i + 1).find((n) => n.kana !== 'ッ');
    const nextIsConsonant = next === undefined || (next.consonant && next.kana !== 'ー');
    const opts = [...m.options];
    if (m.epenthetic && nextIsConsonant) opts.push(...m.epenthetic);
    if (m.kana === 'ー') {
      // English -er, -or, -ar end in ー (Snyder = スナイダー); ーン, ート for -orn, -ert (Einhorn).
      const prev = morae[i - 1];
      const prevVowel = prev ? prev.options[0]!.slice(-1) : '';
      if ((prevVowel === 'a' || prevVowel === 'o') && nextIsConsonant) opts.push('r');
    }
    // ウ before a consonant at the start is v (ウラジーミル = Vladimir, ウォロディミル = Volodymyr).
    if (i === 0 && m.kana === 'ウ' && next && next.consonant) opts.push('v', 'vu');
    return [...new Set(opts)];
  });
  let readings: string[] = [''];
  for (const opts of choices) {
    const grown: string[] = [];
    for (const r of readings) {
      for (const o of opts) {
        grown.push(r + o);
        if (grown.length >= MAX_READINGS) break;
      }
      if (grown.length >= MAX_READINGS) break;
    }
    readings = grown;
  }
  return readings;
}

/**
 * The Latin letters (one or two) a katakana forename may be abbreviated to: ワシリー to V or W, フョードル
 * to F, ユーリー to Yu, Iu or Y. Taken from the first kana, where b, f, v and w are still apart.
 */
export function katakanaInitialLetters(s: string): string[] {
  const kana = hiraganaToKatakana(s.normalize('NFKC')).replace(/[^\u30A1-\u30FA\u30FC]/g, '');
  const first = parseMorae(kana)?.[0];
  if (!first) return [];
  const out = new Set<string>();
  const add = (...xs: string[]): void => xs.forEach((x) => out.add(x));
  for (const reading of first.options) {
    const r = reading.replace(/^zh/, 'j');
    add(r[0]!, r.slice(0, 2));
    if (/^[bvw]/.test(r)) add('v', 'w', 'b');
    if (r.startsWith('f')) add('f', 'ph');
    if (r.startsWith('kh')) add('kh', 'h', 'k');
    if (r.startsWith('h')) add('h', 'kh', 'g');
    if (r.startsWith('g')) add('g', 'h');
    if (r.startsWith('k')) add('k', 'c');
    if (r.startsWith('r')) add('r', 'l');
    if (r.startsWith('s')) add('s', 'sh');
    if (r.startsWith('ch') || r.startsWith('t')) add('c', 'ch', 't');
    if (r.startsWith('ts')) add('ts', 'c', 't');
    if (/^[jzd]/.test(r)) add('j', 'z', 'zh', 'd');
    if (/^y[aeiou]/.test(r)) add('y', 'i', 'j', r.slice(0, 2), `i${r[1]}`, `j${r[1]}`);
    if (r.startsWith('e') || r.startsWith('ye')) add('e', 'y', 'ye');
    if (r.startsWith('i')) add('i', 'y');
    if (r.startsWith('u') && kana[0] === 'ウ') add('u', 'v', 'w');
  }
  return [...out];
}

/** Hiragana to katakana (names are sometimes written in hiragana in reading aids). */
export function hiraganaToKatakana(s: string): string {
  return s.replace(/[\u3041-\u3096\u309D\u309E]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));
}

const kanaCache = new Map<string, readonly string[]>();
const KANA_CACHE_LIMIT = 20_000;

/**
 * Candidate phonetic keys of a katakana name part, most literal reading first. Katakana is read as a
 * transcription of a foreign name: each reading chooses, per kana, among the consonants it can stand for
 * and whether its vowel was added by the transcription, and each reading is keyed by `latinToKey`. A key
 * of the Latin spelling of the same name is among them in the usual cases (ラブロフ has 'ravrov', the key
 * of Lavrov). Returns [] when the part holds no katakana it can read.
 *
 * @example katakanaToLatinKeys('アルチョム').includes(latinToKey('Artyom')) // true
 */
export function katakanaToLatinKeys(s: string): string[] {
  if (typeof s !== 'string') throw new TypeError('katakanaToLatinKeys: s must be a string');
  const kana = hiraganaToKatakana(s.normalize('NFKC')).replace(/[^\u30A1-\u30FA\u30FC]/g, '');
  if (kana === '') return [];
  const cached = kanaCache.get(kana);
  if (cached) return [...cached];
  const readings = romajiReadings(kana);
  const keys = readings ? [...new Set(readings.map(latinToKey))].filter((k) => k !== '') : [];
  if (kanaCache.size >= KANA_CACHE_LIMIT) kanaCache.clear();
  kanaCache.set(kana, keys);
  return [...keys];
}

// ---------------------------------------------------------------------------------------------------
// Skeleton

/**
 * The consonant skeleton of a key: what two spellings of one surname must share. Vowels go (katakana
 * adds its own); an r that ends the word, or stands between a vowel and a consonant, goes too (English
 * -er and -or- are silent in katakana: Alexander = アレクサンダー, Einhorn = アインホーン); h and g are one
 * (Ukrainian Oleh = Russian Oleg). A key with no consonant is its own skeleton, marked with '~'.
 */
export function skeletonOf(key: string): string {
  const chars = [...key];
  let lastConsonant = -1;
  let consonants = 0;
  for (let i = 0; i < chars.length; i++) {
    if (!KEY_VOWELS.has(chars[i]!)) {
      lastConsonant = i;
      consonants++;
    }
  }
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (KEY_VOWELS.has(c)) continue;
    if (c === 'r' && consonants > 1) {
      const prevVowel = i > 0 && KEY_VOWELS.has(chars[i - 1]!);
      const nextConsonant = i + 1 < chars.length && !KEY_VOWELS.has(chars[i + 1]!);
      if (i === lastConsonant || (prevVowel && nextConsonant)) continue;
    }
    const cls = c === 'h' ? 'g' : c;
    if (!out.endsWith(cls)) out += cls;
  }
  return out === '' ? '~' + key : out;
}
