/**
 * Bytes → text, with the encoding found the way a Japanese reader's editor would find it.
 *
 * Order of evidence: a byte order mark; NUL bytes (UTF-16 without a BOM, or a binary file); ISO-2022-JP escape
 * sequences in 7-bit data; strict UTF-8; then Shift_JIS (CP932) and EUC-JP, each decoded strictly and judged by
 * how Japanese the result looks. Legacy bytes often decode without error in the wrong encoding (EUC-JP read as
 * Shift_JIS gives half-width katakana and rare kanji), so validity alone cannot decide; a score on kana and
 * common (JIS level 1) kanji does.
 *
 * Every decoder is Node's native TextDecoder, fatal, over the whole buffer: linear and fast on a 50 MB file.
 * Only the scoring walks characters in JavaScript, and it reads a bounded sample.
 */
import { IngestError } from './errors.ts';

export interface DecodeOptions {
  /** The file name or `-`, for error messages. */
  readonly name: string;
  /** Force an encoding (a label such as utf8, sjis, cp932, eucjp, utf-16, latin1); skips detection. */
  readonly encoding?: string;
  /**
   * An encoding the document declares about itself (an HTML `<meta charset>`), tried only when detection
   * finds no supported encoding. A declaration is weaker evidence than the bytes: pages often lie.
   */
  readonly fallbackEncoding?: string;
}

export interface Decoded {
  readonly text: string;
  /** Canonical WHATWG name: utf-8, utf-16le, utf-16be, shift_jis, euc-jp, iso-2022-jp, or another one given. */
  readonly encoding: string;
}

/**
 * @example
 * decodeBytes(new Uint8Array([0x93, 0xfa, 0x96, 0x7b]), { name: 'a.txt' }); // { text: '日本', encoding: 'shift_jis' }
 */
export function decodeBytes(bytes: Uint8Array, options: DecodeOptions): Decoded {
  const { name } = options;
  const signature = findBinarySignature(bytes);
  if (signature) throw new IngestError('E_BINARY', name, `binary file (${signature}), not a text document`);

  const decoded = options.encoding !== undefined ? decodeAs(bytes, name, options.encoding) : detect(bytes, options);
  if (hasManyControlCharacters(decoded.text)) {
    throw new IngestError('E_BINARY', name, 'binary file (control characters), not a text document');
  }
  return decoded;
}

// ---------------------------------------------------------------------------------------------------------
// Encoding names

const ALIASES: Readonly<Record<string, string>> = {
  utf8: 'utf-8', 'utf-8': 'utf-8', utf_8: 'utf-8', 'utf-8-sig': 'utf-8', 'utf8-bom': 'utf-8',
  sjis: 'shift_jis', 'shift_jis': 'shift_jis', 'shift-jis': 'shift_jis', shiftjis: 'shift_jis', cp932: 'shift_jis',
  'windows-31j': 'shift_jis', ms932: 'shift_jis', 'ms_kanji': 'shift_jis', 'x-sjis': 'shift_jis', 'windows-932': 'shift_jis',
  eucjp: 'euc-jp', 'euc-jp': 'euc-jp', 'euc_jp': 'euc-jp', 'x-euc-jp': 'euc-jp', ujis: 'euc-jp', 'eucjp-ms': 'euc-jp', 'cp51932': 'euc-jp',
  jis: 'iso-2022-jp', 'iso-2022-jp': 'iso-2022-jp', iso2022jp: 'iso-2022-jp', 'iso_2022_jp': 'iso-2022-jp',
  // Endianness from the BOM, little-endian without one (what Windows writes).
  utf16: 'utf-16', 'utf-16': 'utf-16', 'ucs-2': 'utf-16', ucs2: 'utf-16', unicode: 'utf-16',
  utf16le: 'utf-16le', 'utf-16le': 'utf-16le', 'utf-16-le': 'utf-16le', 'ucs-2le': 'utf-16le',
  utf16be: 'utf-16be', 'utf-16be': 'utf-16be', 'utf-16-be': 'utf-16be', 'ucs-2be': 'utf-16be',
};

const DISPLAY: Readonly<Record<string, string>> = {
  'utf-8': 'UTF-8', 'utf-16': 'UTF-16', 'utf-16le': 'UTF-16LE', 'utf-16be': 'UTF-16BE',
  shift_jis: 'Shift_JIS', 'euc-jp': 'EUC-JP', 'iso-2022-jp': 'ISO-2022-JP',
};

/**
 * The canonical name for an encoding label, or undefined when neither our aliases nor the WHATWG Encoding
 * Standard know it. Other WHATWG encodings (latin1, windows-1252, gb18030 …) pass through, so a user can
 * read a file we would not detect by naming its encoding.
 */
export function resolveEncoding(label: string): string | undefined {
  const key = label.trim().toLowerCase();
  const alias = ALIASES[key];
  if (alias) return alias;
  try {
    const encoding = new TextDecoder(key).encoding;
    // 'replacement' is the standard's sink for dangerous labels (iso-2022-kr …); it decodes nothing.
    return encoding === 'replacement' ? undefined : encoding;
  } catch {
    return undefined;
  }
}

function decodeAs(bytes: Uint8Array, name: string, label: string): Decoded {
  const resolved = resolveEncoding(label);
  if (!resolved) {
    throw new IngestError(
      'E_UNSUPPORTED',
      name,
      `unknown encoding "${label}" (known: utf-8, utf-16, utf-16le, utf-16be, shift_jis, euc-jp, iso-2022-jp, or any WHATWG label)`,
    );
  }
  let encoding = resolved;
  if (encoding === 'utf-16') encoding = bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : 'utf-16le';
  const text = strictDecode(bytes, encoding);
  if (text === undefined) {
    throw new IngestError('E_ENCODING', name, `bytes are not valid ${DISPLAY[encoding] ?? encoding} (the encoding that was asked for)`);
  }
  if (!encoding.startsWith('utf-16') && bytes.indexOf(0) >= 0) {
    throw new IngestError('E_BINARY', name, 'binary file (NUL bytes), not a text document');
  }
  return { text, encoding };
}

/** Decodes all of `bytes` or returns undefined on the first invalid sequence. A leading BOM is dropped. */
function strictDecode(bytes: Uint8Array, encoding: string): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Detection

function detect(bytes: Uint8Array, options: DecodeOptions): Decoded {
  const { name } = options;
  const bom = bomEncoding(bytes);
  if (bom) {
    const text = strictDecode(bytes, bom);
    if (text === undefined) {
      throw new IngestError('E_ENCODING', name, `starts with a ${DISPLAY[bom]} byte order mark but the bytes are not valid ${DISPLAY[bom]} (try --encoding)`);
    }
    return { text, encoding: bom };
  }

  if (bytes.indexOf(0) >= 0) {
    const utf16 = guessUtf16WithoutBom(bytes);
    const text = utf16 && strictDecode(bytes, utf16);
    if (utf16 && text !== undefined) return { text, encoding: utf16 };
    throw new IngestError('E_BINARY', name, 'binary file (NUL bytes), not a text document');
  }

  // ISO-2022-JP is 7-bit, so it is also valid UTF-8; its escapes must be looked for first.
  if (hasIso2022JpEscape(bytes) && firstByteAtLeast(bytes, 0x80) < 0) {
    const text = strictDecode(bytes, 'iso-2022-jp');
    if (text !== undefined) return { text, encoding: 'iso-2022-jp' };
  }

  const utf8 = strictDecode(bytes, 'utf-8');
  if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8' };

  const legacy = decodeJapaneseLegacy(bytes, firstByteAtLeast(bytes, 0x80));
  if (legacy) return legacy;

  if (options.fallbackEncoding) {
    const declared = resolveEncoding(options.fallbackEncoding);
    const text = declared && declared !== 'utf-16' ? strictDecode(bytes, declared) : undefined;
    if (declared && text !== undefined) return { text, encoding: declared };
  }
  throw new IngestError('E_ENCODING', name, 'bytes are not valid UTF-8, UTF-16, Shift_JIS or EUC-JP (try --encoding)');
}

function bomEncoding(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

function firstByteAtLeast(bytes: Uint8Array, min: number): number {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= min) return i;
  return -1;
}

/** ESC $ @ or ESC $ B: the switch into JIS X 0208 that every ISO-2022-JP text with Japanese in it makes. */
function hasIso2022JpEscape(bytes: Uint8Array): boolean {
  for (let i = bytes.indexOf(0x1b); i >= 0 && i + 2 < bytes.length; i = bytes.indexOf(0x1b, i + 1)) {
    if (bytes[i + 1] === 0x24 && (bytes[i + 2] === 0x42 || bytes[i + 2] === 0x40)) return true;
  }
  return false;
}

const SAMPLE_BYTES = 64 * 1024;

/**
 * UTF-16 without a BOM shows NUL bytes in one column only: the high byte of every ASCII character. Binary data
 * has NULs in both columns. Text that is nearly all kanji and kana has almost no NULs and cannot be told from
 * noise; such files need a BOM or --encoding.
 */
function guessUtf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes.length % 2 !== 0) return undefined;
  const end = Math.min(bytes.length, SAMPLE_BYTES);
  let even = 0;
  let odd = 0;
  for (let i = 0; i < end; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const pairs = end / 2;
  // U+xx00 characters (一 U+4E00) put a NUL in the other column now and then, hence the 2% allowance.
  if (odd >= pairs * 0.1 && even <= odd * 0.02) return 'utf-16le';
  if (even >= pairs * 0.1 && odd <= even * 0.02) return 'utf-16be';
  return undefined;
}

const LEGACY = ['shift_jis', 'euc-jp'] as const;
/** Below this share of plausible Japanese characters a "successful" legacy decode is mojibake (Latin-1 text, say). */
const MIN_JAPANESE_SCORE = 0.5;
const SCORE_SAMPLE_BYTES = 256 * 1024;

/**
 * Shift_JIS and EUC-JP, judged on a sample that starts at the first non-ASCII byte (every byte before it is
 * ASCII, so that offset is a character boundary in both encodings) and decoded in streaming mode so that a
 * character cut at the sample's end is not an error. The winner is then decoded in full; if the full decode
 * fails after all, the other candidate gets its turn.
 */
function decodeJapaneseLegacy(bytes: Uint8Array, firstHigh: number): Decoded | undefined {
  if (firstHigh < 0) return undefined;
  const sample = bytes.subarray(firstHigh, firstHigh + SCORE_SAMPLE_BYTES);
  const ranked: { encoding: string; score: number }[] = [];
  for (const encoding of LEGACY) {
    let text: string;
    try {
      text = new TextDecoder(encoding, { fatal: true }).decode(sample, { stream: true });
    } catch {
      continue;
    }
    const score = japaneseScore(text);
    if (score >= MIN_JAPANESE_SCORE) ranked.push({ encoding, score });
  }
  ranked.sort((a, b) => b.score - a.score);
  for (const { encoding } of ranked) {
    const text = strictDecode(bytes, encoding);
    if (text !== undefined) return { text, encoding };
  }
  return undefined;
}

let levelOneKanji: Set<number> | undefined;

/**
 * The 2,965 kanji of JIS X 0208 level 1: the common ones, which carry almost all real Japanese text. Built
 * once by decoding EUC-JP rows 0xB0–0xCF, so no table has to be kept in the source.
 */
function isLevelOneKanji(code: number): boolean {
  if (!levelOneKanji) {
    const bytes: number[] = [];
    for (let row = 0xb0; row <= 0xcf; row++) {
      for (let cell = 0xa1; cell <= 0xfe; cell++) bytes.push(row, cell);
    }
    const set = new Set<number>();
    for (const ch of new TextDecoder('euc-jp').decode(new Uint8Array(bytes))) {
      const c = ch.codePointAt(0)!;
      if (c >= 0x3400 && c !== 0xfffd) set.add(c);
    }
    levelOneKanji = set;
  }
  return levelOneKanji.has(code);
}

/**
 * Share of non-ASCII characters that real Japanese prose is made of: kana, CJK punctuation, full-width forms
 * and common kanji. Half-width katakana, rare kanji, private-use and box-drawing characters are what a wrong
 * legacy decode produces, and they score nothing (private use counts against).
 */
export function japaneseScore(text: string): number {
  let total = 0;
  let good = 0;
  const end = Math.min(text.length, SCORE_SAMPLE_BYTES);
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    total++;
    if (c >= 0x3040 && c <= 0x30ff) good += 1; // hiragana, katakana
    else if (c >= 0x3000 && c <= 0x303f) good += 1; // 、。「」 and the ideographic space
    else if (c >= 0xff01 && c <= 0xff5e) good += 0.5; // full-width ASCII
    else if (c >= 0x4e00 && c <= 0x9fff) good += isLevelOneKanji(c) ? 1 : 0.1;
    else if (c >= 0xe000 && c <= 0xf8ff) good -= 1;
  }
  return total === 0 ? 0 : good / total;
}

// ---------------------------------------------------------------------------------------------------------
// Binary data

const SIGNATURES: readonly { readonly magic: readonly number[]; readonly kind: string }[] = [
  { magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], kind: 'PNG image' },
  { magic: [0xff, 0xd8, 0xff], kind: 'JPEG image' },
  { magic: [0x47, 0x49, 0x46, 0x38, 0x37, 0x61], kind: 'GIF image' },
  { magic: [0x47, 0x49, 0x46, 0x38, 0x39, 0x61], kind: 'GIF image' },
  { magic: [0x50, 0x4b, 0x03, 0x04], kind: 'ZIP archive' },
  { magic: [0x50, 0x4b, 0x05, 0x06], kind: 'ZIP archive' },
  { magic: [0x7f, 0x45, 0x4c, 0x46], kind: 'ELF executable' },
  { magic: [0x1f, 0x8b, 0x08], kind: 'gzip archive' },
  { magic: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], kind: '7-Zip archive' },
  { magic: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], kind: 'OLE2 compound document, e.g. an old .doc' },
  { magic: [0x25, 0x50, 0x44, 0x46, 0x2d], kind: 'PDF document' },
];

/** The kind of binary file `bytes` starts like (PNG, ZIP …), or undefined. */
export function findBinarySignature(bytes: Uint8Array): string | undefined {
  for (const { magic, kind } of SIGNATURES) {
    if (bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b)) return kind;
  }
  return undefined;
}

const CONTROL_SAMPLE = 64 * 1024;

/**
 * Text has tabs, line ends and form feeds; binary data has the other C0 and C1 controls too. ESC is allowed
 * (terminal colour codes in a saved log are still text), and a few stray controls are tolerated.
 */
function hasManyControlCharacters(text: string): boolean {
  const end = Math.min(text.length, CONTROL_SAMPLE);
  let count = 0;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0b && c !== 0x0c && c !== 0x0d && c !== 0x1b) || (c >= 0x7f && c <= 0x9f)) count++;
  }
  return count >= 8 && count >= end * 0.01;
}
