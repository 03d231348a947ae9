import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { decodeBytes, japaneseScore, resolveEncoding } from '../../src/ingest/decode.ts';
import { isIngestError, type IngestErrorCode } from '../../src/ingest/errors.ts';
import { encodeJapanese } from './_japanese-bytes.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);
const bytes = (...parts: (number[] | Uint8Array)[]) => new Uint8Array(parts.flatMap((p) => [...p]));
const BOM8 = [0xef, 0xbb, 0xbf];

function utf16(s: string, endian: 'le' | 'be', bom = true): Uint8Array {
  const out: number[] = bom ? (endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]) : [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (endian === 'le') out.push(c & 0xff, c >> 8);
    else out.push(c >> 8, c & 0xff);
  }
  return new Uint8Array(out);
}

function assertIngestError(fn: () => unknown, code: IngestErrorCode, message?: RegExp): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(isIngestError(e), `expected an IngestError, got ${String(e)}`);
    assert.equal(e.code, code, e.message);
    if (message) assert.match(e.message, message);
    assert.doesNotMatch(e.message, /\n/);
    return true;
  });
}

// Hand-written from the JIS X 0208 code charts (row-cell → Shift_JIS / EUC-JP), independent of the decoder.
const HAND_WRITTEN: { text: string; shiftJis: number[]; eucJp: number[] }[] = [
  { text: '日本', shiftJis: [0x93, 0xfa, 0x96, 0x7b], eucJp: [0xc6, 0xfc, 0xcb, 0xdc] },
  { text: '安全保障', shiftJis: [0x88, 0xc0, 0x91, 0x53, 0x95, 0xdb, 0x8f, 0xe1], eucJp: [0xb0, 0xc2, 0xc1, 0xb4, 0xca, 0xdd, 0xbe, 0xe3] },
  { text: '専門家は', shiftJis: [0x90, 0xea, 0x96, 0xe5, 0x89, 0xc6, 0x82, 0xcd], eucJp: [0xc0, 0xec, 0xcc, 0xe7, 0xb2, 0xc8, 0xa4, 0xcf] },
  { text: 'ミサイル', shiftJis: [0x83, 0x7e, 0x83, 0x54, 0x83, 0x43, 0x83, 0x8b], eucJp: [0xa5, 0xdf, 0xa5, 0xb5, 0xa5, 0xa4, 0xa5, 0xeb] },
  { text: '抑止。', shiftJis: [0x97, 0x7d, 0x8e, 0x7e, 0x81, 0x42], eucJp: [0xcd, 0xde, 0xbb, 0xdf, 0xa1, 0xa3] },
];

test('the test encoders agree with the hand-written byte tables', () => {
  for (const { text, shiftJis, eucJp } of HAND_WRITTEN) {
    assert.deepEqual([...encodeJapanese(text, 'shift_jis')], shiftJis, text);
    assert.deepEqual([...encodeJapanese(text, 'euc-jp')], eucJp, text);
  }
});

test('detects Shift_JIS and EUC-JP from hand-written bytes of short words', () => {
  for (const { text, shiftJis, eucJp } of HAND_WRITTEN) {
    assert.deepEqual(decodeBytes(new Uint8Array(shiftJis), { name: 'a.txt' }), { text, encoding: 'shift_jis' }, `${text} in Shift_JIS`);
    assert.deepEqual(decodeBytes(new Uint8Array(eucJp), { name: 'a.txt' }), { text, encoding: 'euc-jp' }, `${text} in EUC-JP`);
  }
});

const PARAGRAPHS = [
  '海洋安全保障研究センターの主任研究員は、同盟の抑止力について「信頼性が試されている」と指摘する。',
  'In 2023, アジア太平洋 analysts said: 「ミサイル防衛」の費用は 1.5 兆円に上る見通しだ。',
  '第3章　ハイブリッド戦の概念\r\n情報戦と認知領域の重要性が増しているとの見方が、複数の論者から示された。\r\n',
  'ｶﾀｶﾅ混じりの古い文書でも、漢字とひらがなが多ければ日本語として読める。',
];

test('detects Shift_JIS and EUC-JP on whole paragraphs, keeping line ends', () => {
  for (const text of PARAGRAPHS) {
    for (const encoding of ['shift_jis', 'euc-jp'] as const) {
      const decoded = decodeBytes(encodeJapanese(text, encoding), { name: 'p.txt' });
      assert.equal(decoded.encoding, encoding, `${encoding}: ${text}`);
      assert.equal(decoded.text, text);
    }
  }
});

test('EUC-JP that also decodes as Shift_JIS garbage is read as EUC-JP', () => {
  // Level-1 kanji rows 0xB0–0xCF are half-width katakana bytes in Shift_JIS, so this is valid in both.
  const text = '安全会議検証';
  const euc = encodeJapanese(text, 'euc-jp');
  assert.doesNotThrow(() => new TextDecoder('shift_jis', { fatal: true }).decode(euc));
  assert.deepEqual(decodeBytes(euc, { name: 'a.txt' }), { text, encoding: 'euc-jp' });
});

test('UTF-8, with and without BOM; the BOM is removed', () => {
  const text = '安全保障と抑止 — deterrence 🛡️\nline two\r\nthree\rfour';
  assert.deepEqual(decodeBytes(utf8(text), { name: 'a.txt' }), { text, encoding: 'utf-8' });
  assert.deepEqual(decodeBytes(bytes(BOM8, utf8(text)), { name: 'a.txt' }), { text, encoding: 'utf-8' });
  assert.deepEqual(decodeBytes(utf8('plain ASCII'), { name: 'a.txt' }), { text: 'plain ASCII', encoding: 'utf-8' });
});

test('UTF-16 LE and BE with BOM; the BOM is removed', () => {
  const text = '専門家の見方\r\nExpert view 𠮷';
  assert.deepEqual(decodeBytes(utf16(text, 'le'), { name: 'a.txt' }), { text, encoding: 'utf-16le' });
  assert.deepEqual(decodeBytes(utf16(text, 'be'), { name: 'a.txt' }), { text, encoding: 'utf-16be' });
});

test('UTF-16 without BOM is recognised by its NUL column when the text has ASCII in it', () => {
  const text = 'Report on deterrence, 2024.\n抑止に関する報告書\n';
  assert.deepEqual(decodeBytes(utf16(text, 'le', false), { name: 'a.txt' }), { text, encoding: 'utf-16le' });
  assert.deepEqual(decodeBytes(utf16(text, 'be', false), { name: 'a.txt' }), { text, encoding: 'utf-16be' });
});

test('ISO-2022-JP (7-bit JIS) is recognised before UTF-8, which it would also pass as', () => {
  // ESC $ B 日本 (JIS 467C 4B5C) ESC ( B
  const jis = bytes(utf8('Title: '), [0x1b, 0x24, 0x42, 0x46, 0x7c, 0x4b, 0x5c, 0x1b, 0x28, 0x42], utf8('\n'));
  assert.deepEqual(decodeBytes(jis, { name: 'mail.txt' }), { text: 'Title: 日本\n', encoding: 'iso-2022-jp' });
});

test('line ends are kept as decoded', () => {
  for (const text of ['a\nb', 'a\r\nb', 'a\rb', 'a\r\n\r\nb\n']) {
    assert.equal(decodeBytes(utf8(text), { name: 'a.txt' }).text, text);
    assert.equal(decodeBytes(encodeJapanese(`抑止${text}`, 'shift_jis'), { name: 'a.txt' }).text, `抑止${text}`);
  }
});

test('an encoding option overrides detection and accepts common aliases', () => {
  const sjis = encodeJapanese('防衛政策の転換', 'shift_jis');
  const euc = encodeJapanese('防衛政策の転換', 'euc-jp');
  const cases: [string, Uint8Array, string][] = [
    ['sjis', sjis, 'shift_jis'],
    ['Shift_JIS', sjis, 'shift_jis'],
    ['cp932', sjis, 'shift_jis'],
    ['windows-31j', sjis, 'shift_jis'],
    ['MS932', sjis, 'shift_jis'],
    ['eucjp', euc, 'euc-jp'],
    ['EUC-JP', euc, 'euc-jp'],
    ['euc_jp', euc, 'euc-jp'],
  ];
  for (const [label, input, encoding] of cases) {
    assert.deepEqual(decodeBytes(input, { name: 'a.txt', encoding: label }), { text: '防衛政策の転換', encoding }, label);
  }
  for (const label of ['utf8', 'UTF-8', 'utf-8-sig']) {
    assert.deepEqual(decodeBytes(bytes(BOM8, utf8('抑止')), { name: 'a.txt', encoding: label }), { text: '抑止', encoding: 'utf-8' }, label);
  }
  assert.deepEqual(decodeBytes(utf16('抑止', 'be'), { name: 'a', encoding: 'utf-16' }), { text: '抑止', encoding: 'utf-16be' });
  assert.deepEqual(decodeBytes(utf16('抑止', 'le', false), { name: 'a', encoding: 'utf16' }), { text: '抑止', encoding: 'utf-16le' });
  assert.deepEqual(decodeBytes(utf16('抑止', 'be', false), { name: 'a', encoding: 'utf-16be' }), { text: '抑止', encoding: 'utf-16be' });
  // A WHATWG label we do not detect still works when asked for.
  assert.deepEqual(decodeBytes(new Uint8Array([0x43, 0x61, 0x66, 0xe9]), { name: 'a', encoding: 'latin1' }), { text: 'Café', encoding: 'windows-1252' });
});

test('a forced encoding the bytes do not fit is E_ENCODING; an unknown one names itself', () => {
  assertIngestError(() => decodeBytes(encodeJapanese('抑止力', 'shift_jis'), { name: 'a.txt', encoding: 'utf-8' }), 'E_ENCODING', /^a\.txt: bytes are not valid UTF-8/);
  assertIngestError(() => decodeBytes(utf8('x'), { name: 'a.txt', encoding: 'klingon-8' }), 'E_UNSUPPORTED', /^a\.txt: unknown encoding "klingon-8"/);
  // 'replacement' is the WHATWG sink for labels that must not be decoded.
  assertIngestError(() => decodeBytes(utf8('x'), { name: 'a.txt', encoding: 'iso-2022-kr' }), 'E_UNSUPPORTED', /iso-2022-kr/);
});

test('resolveEncoding', () => {
  const cases: [string, string | undefined][] = [
    ['utf8', 'utf-8'], [' SJIS ', 'shift_jis'], ['cp932', 'shift_jis'], ['eucjp', 'euc-jp'], ['jis', 'iso-2022-jp'],
    ['utf-16', 'utf-16'], ['UTF-16LE', 'utf-16le'], ['utf16be', 'utf-16be'], ['latin1', 'windows-1252'],
    ['nope', undefined], ['', undefined],
  ];
  for (const [label, expected] of cases) assert.equal(resolveEncoding(label), expected, label);
});

test('bytes valid in no supported encoding are E_ENCODING', () => {
  const cases: Uint8Array[] = [
    new Uint8Array([0x41, 0x80, 0x81, 0xff, 0xfe, 0x42]),
    // Latin-1 prose: decodes as Shift_JIS only into mojibake, which the score refuses.
    new Uint8Array([...utf8('Caf'), 0xe9, 0x20, ...utf8('na'), 0xef, 0x76, 0x65, 0x20, ...utf8('fa'), 0xe7, 0x61, 0x64, 0x65]),
    // A UTF-8 BOM on bytes that are not UTF-8.
    bytes(BOM8, encodeJapanese('抑止', 'shift_jis')),
  ];
  // Latin-1 "Décès": é+c and è+s are valid Shift_JIS kanji pairs, so only the Japanese score refuses it.
  const deces = new Uint8Array([0x44, 0xe9, 0x63, 0xe8, 0x73, 0x20, 0x72, 0x65, 0x70, 0x6f, 0x72, 0x74]);
  assert.doesNotThrow(() => new TextDecoder('shift_jis', { fatal: true }).decode(deces));
  cases.push(deces);
  for (const input of cases) {
    assertIngestError(() => decodeBytes(input, { name: 'bad.txt' }), 'E_ENCODING', /^bad\.txt: .*(not valid UTF-8|byte order mark).*\(try --encoding\)$/);
  }
});

test('a declared fallback encoding is used only when detection fails', () => {
  const latin1 = new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x20, 0x6e, 0x61, 0xef, 0x76, 0x65]);
  assert.deepEqual(decodeBytes(latin1, { name: 'a.html', fallbackEncoding: 'iso-8859-1' }), { text: 'Café naïve', encoding: 'windows-1252' });
  // A page that declares Shift_JIS but is UTF-8 is read as UTF-8.
  assert.equal(decodeBytes(utf8('抑止'), { name: 'a.html', fallbackEncoding: 'shift_jis' }).encoding, 'utf-8');
});

test('binary data is E_BINARY, by signature, NUL bytes or control characters', () => {
  const cases: [string, Uint8Array, RegExp][] = [
    ['PNG', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], utf8('rest')), /PNG image/],
    ['JPEG', bytes([0xff, 0xd8, 0xff, 0xe0], utf8('JFIF')), /JPEG image/],
    ['GIF', utf8('GIF89a.....'), /GIF image/],
    ['ZIP', bytes([0x50, 0x4b, 0x03, 0x04], utf8('mimetype')), /ZIP archive/],
    ['ELF', bytes([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01]), /ELF executable/],
    ['NUL bytes', utf8('text\0with\0nuls\0in\0both\0columns\0\0'), /NUL bytes/],
    ['controls', bytes(utf8('ab'), Array.from({ length: 40 }, (_, i) => (i % 2 ? 0x01 : 0x41 + (i % 26)))), /control characters/],
  ];
  for (const [kind, input, message] of cases) {
    assertIngestError(() => decodeBytes(input, { name: `${kind}.bin` }), 'E_BINARY', new RegExp(`^${kind}\\.bin: binary file \\(${message.source}`));
  }
  // NUL bytes stay binary even under a forced single-byte encoding.
  assertIngestError(() => decodeBytes(utf8('a\0b'), { name: 'x', encoding: 'utf-8' }), 'E_BINARY');
});

test('a few stray controls, tabs, form feeds and terminal colours are still text', () => {
  for (const text of ['a\tb\fc\vd', 'bell\x07 once', '\x1b[31mred\x1b[0m '.repeat(50)]) {
    assert.equal(decodeBytes(utf8(text), { name: 'a.txt' }).text, text);
  }
});

test('japaneseScore rewards kana and common kanji, not half-width katakana', () => {
  assert.equal(japaneseScore('ascii only'), 0);
  assert.equal(japaneseScore('ひらがなカタカナ。'), 1);
  assert.equal(japaneseScore('安全保障'), 1);
  assert.equal(japaneseScore('ｶﾀｶﾅ'), 0);
  assert.ok(japaneseScore('鬱鬱') < 0.5);
});

test('a 50 MB UTF-8 and a 50 MB Shift_JIS text decode in linear time', () => {
  const line = '専門家は同盟の抑止力について、信頼性が問われていると述べた。Deterrence.\r\n';
  const text = line.repeat(Math.ceil((50 * 1024 * 1024) / utf8(line).length));
  let start = performance.now();
  const decoded = decodeBytes(utf8(text), { name: 'big.txt' });
  assert.equal(decoded.text.length, text.length);
  assert.ok(performance.now() - start < 5000, `UTF-8 took ${performance.now() - start} ms`);

  const unit = encodeJapanese(line, 'shift_jis');
  const big = new Uint8Array(unit.length * Math.ceil((50 * 1024 * 1024) / unit.length));
  for (let at = 0; at < big.length; at += unit.length) big.set(unit, at);
  start = performance.now();
  const sjis = decodeBytes(big, { name: 'big.txt' });
  assert.equal(sjis.encoding, 'shift_jis');
  assert.equal(sjis.text.length, (big.length / unit.length) * line.length);
  assert.ok(performance.now() - start < 5000, `Shift_JIS took ${performance.now() - start} ms`);
});

// Property: any string round-trips through UTF-8 (with and without BOM) and UTF-16 with BOM. Strings are
// well-formed UTF-16 (lone surrogates cannot be encoded) and start with a non-BOM character (a leading U+FEFF
// in the text is indistinguishable from a BOM). Control-heavy strings are binary by design, so they are excluded.
const textLike = fc
  .string({ unit: 'grapheme', maxLength: 200 })
  .filter((s) => !s.startsWith('\uFEFF') && !s.includes('\0') && !/[\x01-\x08\x0e-\x1a\x1c-\x1f\x7f-\x9f]/.test(s));

test('property: UTF-8 (±BOM) and UTF-16 with BOM decode back to the same string', () => {
  fc.assert(
    fc.property(textLike, (s) => {
      assert.deepEqual(decodeBytes(utf8(s), { name: 'p' }), { text: s, encoding: 'utf-8' });
      assert.deepEqual(decodeBytes(bytes(BOM8, utf8(s)), { name: 'p' }), { text: s, encoding: 'utf-8' });
      assert.deepEqual(decodeBytes(utf16(s, 'le'), { name: 'p' }), { text: s, encoding: 'utf-16le' });
      assert.deepEqual(decodeBytes(utf16(s, 'be'), { name: 'p' }), { text: s, encoding: 'utf-16be' });
    }),
    { seed: 20240601, numRuns: 500 },
  );
});

test('property: any string of Unicode scalar values round-trips through UTF-8 and UTF-16 when controls are few', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 100 }), (raw) => {
      const s = raw.replace(/^\uFEFF+/, '').replace(/[\0-\x08\x0e-\x1a\x1c-\x1f\x7f-\x9f]/g, '');
      assert.equal(decodeBytes(utf8(s), { name: 'p' }).text, s);
      assert.equal(decodeBytes(bytes(BOM8, utf8(s)), { name: 'p' }).text, s);
      assert.equal(decodeBytes(utf16(s, 'le'), { name: 'p' }).text, s);
      assert.equal(decodeBytes(utf16(s, 'be'), { name: 'p' }).text, s);
    }),
    { seed: 7, numRuns: 500 },
  );
});

const JAPANESE_WORDS = ['安全保障', '抑止', '同盟', '専門家', 'ミサイル', '防衛', 'について', 'は', 'を', '指摘する', '見方', '、', '。', '政府', '研究所', 'ロシア'];

test('property: Japanese prose in Shift_JIS or EUC-JP is detected as itself', () => {
  const prose = fc
    .array(fc.oneof(fc.constantFrom(...JAPANESE_WORDS), fc.constantFrom(' ', '\n', '2024', 'NATO', '(1)')), { minLength: 3, maxLength: 60 })
    .map((words) => words.join(''))
    .filter((s) => /[^\x00-\x7f]/.test(s) && /[ぁ-んァ-ン]/.test(s));
  fc.assert(
    fc.property(prose, fc.constantFrom('shift_jis' as const, 'euc-jp' as const), (s, encoding) => {
      assert.deepEqual(decodeBytes(encodeJapanese(s, encoding), { name: 'p' }), { text: s, encoding });
    }),
    { seed: 42, numRuns: 300 },
  );
});
