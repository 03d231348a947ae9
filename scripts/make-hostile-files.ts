/**
 * Hostile inputs for the fuzzing harness and the limit tests, made on demand (nothing large is committed):
 * empty and binary files, wrong or broken encodings, deep brackets, huge lines, a zip bomb in a .docx, a PDF
 * whose one stream inflates to a gigabyte, and malformed PDFs.
 *
 * `node --import tsx scripts/make-hostile-files.ts DIR` writes them to DIR, to try by hand
 * (`for f in DIR/*; do mikata analyze "$f" >/dev/null; echo "$? $f"; done`).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { constants, deflateRawSync } from 'node:zlib';
import { assemblePdf, FIXTURE_DIR, randomBytes } from './make-doc-fixtures.ts';

const latin1 = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff);
const utf8 = (s: string) => new TextEncoder().encode(s);

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * A zlib stream that inflates to `megabytes` MiB of zero bytes, made without ever holding them: one deflate
 * block run of 16 MiB of zeros, ended with a sync flush so it can be repeated, then an empty final block and
 * the Adler-32 of the whole (for n zero bytes: a = 1, b = n mod 65521). About 1 KB per MB.
 */
export function zlibZeros(megabytes: number): Uint8Array {
  const block = 16;
  const unit = new Uint8Array(deflateRawSync(Buffer.alloc(block << 20), { level: 9, finishFlush: constants.Z_SYNC_FLUSH }));
  const repeats = Math.max(1, Math.round(megabytes / block));
  const n = repeats * (block << 20);
  const b = n % 65521;
  const adler = ((b << 16) | 1) >>> 0;
  const trailer = new Uint8Array([adler >>> 24, (adler >>> 16) & 0xff, (adler >>> 8) & 0xff, adler & 0xff]);
  // 0x78 0xDA: deflate, 32 KiB window, best compression. 0x03 0x00: a final, empty, fixed-Huffman block.
  return concat([new Uint8Array([0x78, 0xda]), ...Array.from({ length: repeats }, () => unit), new Uint8Array([0x03, 0x00]), trailer]);
}

/**
 * A one-page PDF with a line of text whose second content stream is a Flate bomb: about 1 MB of file that
 * pdf.js would inflate to `megabytes` MiB. `hex` wraps the compressed bytes in ASCIIHexDecode too, so the
 * zlib data does not show in the file as it is.
 */
export function makeFlateBombPdf(megabytes = 1024, options: { hex?: boolean } = {}): Uint8Array {
  const zipped = zlibZeros(megabytes);
  const bomb = options.hex ? latin1(`${Buffer.from(zipped).toString('hex')}>`) : zipped;
  const filter = options.hex ? '/Filter [/ASCIIHexDecode /FlateDecode]' : '/Filter /FlateDecode';
  const text = latin1('BT /F1 12 Tf 72 720 Td (A short brief whose page content hides a compression bomb.) Tj ET');
  const stream = (dict: string, data: Uint8Array) => concat([latin1(`<< ${dict} /Length ${data.length} >>\nstream\n`), data, latin1('\nendstream')]);
  return assemblePdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents [5 0 R 6 0 R] >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    stream('', text),
    stream(filter, bomb),
  ]);
}

export interface HostileFile {
  readonly name: string;
  /** Made when asked for: some take a moment (the zip bomb is compressed from 150 MB). */
  readonly bytes: () => Uint8Array;
  /** What this input tries. */
  readonly what: string;
}

/** The hostile files, each small (the PDF bomb is about 1 MB). */
export function hostileFiles(): HostileFile[] {
  const docx = () => new Uint8Array(readFileSync(join(FIXTURE_DIR, 'commentary-ja.docx')));
  const pdf = () => new Uint8Array(readFileSync(join(FIXTURE_DIR, 'commentary-ja.pdf')));
  const sjis = latin1('\x83\x8d\x83\x56\x83\x41\x82\xcc\x8c\xa4\x8b\x86\x8e\xd2\x82\xcd'); // ロシアの研究者は, in Shift_JIS
  const line = 'ロシアの専門家によれば、北極海の協力は進んでいると指摘する';
  return [
    { name: 'empty.txt', bytes: () => new Uint8Array(0), what: 'nothing at all' },
    { name: 'spaces.txt', bytes: () => utf8(' \n\t\r\n　\n'.repeat(100)), what: 'only white space' },
    { name: 'noise.txt', bytes: () => randomBytes(64 * 1024, 7), what: 'binary noise named .txt' },
    { name: 'nul.txt', bytes: () => utf8('本文\u0000\u0000\u0000です'), what: 'NUL bytes in text' },
    { name: 'elf.md', bytes: () => concat([latin1('\x7fELF\x02\x01\x01'), randomBytes(2048, 3)]), what: 'an executable named .md' },
    { name: 'truncated-utf8.txt', bytes: () => utf8(line).subarray(0, 20), what: 'UTF-8 cut inside a character' },
    { name: 'truncated-sjis.txt', bytes: () => concat([sjis, sjis, sjis.subarray(0, 5)]), what: 'Shift_JIS cut inside a character' },
    { name: 'mixed-encoding.txt', bytes: () => concat([utf8(line + '\n'), sjis, latin1('\xff\xfe\x00\x80')]), what: 'UTF-8 and Shift_JIS mixed' },
    { name: 'utf16-odd.txt', bytes: () => concat([new Uint8Array([0xff, 0xfe]), utf8('abc')]), what: 'a UTF-16 BOM on an odd length' },
    { name: 'deep-brackets.txt', bytes: () => utf8(`${'「（『'.repeat(3000)}と指摘する${'』）」'.repeat(3000)}`), what: 'brackets nested 9,000 deep' },
    { name: 'unclosed-brackets.txt', bytes: () => utf8(`${line}「`.repeat(1000)), what: 'quotes that never close' },
    { name: 'huge-line.txt', bytes: () => utf8(line.repeat(1000)), what: 'one 29,000-character line' },
    { name: 'many-cues.txt', bytes: () => utf8(Array.from({ length: 3000 }, (_, i) => `専門家${i}によれば、協力は進んでいると指摘する`).join('\n')), what: 'lines of cues with no 。' },
    { name: 'surrogates.txt', bytes: () => utf8('\ud83d\ude00'.repeat(1000) + '専門家は指摘する'), what: 'astral characters' },
    { name: 'html-bomb.html', bytes: () => utf8(`<html><body>${'<div>'.repeat(50_000)}本文${'</div>'.repeat(10)}`), what: 'HTML nested 50,000 deep, unclosed' },
    // The committed fixture (made by makeZipBombDocx): compressing 120 MB again takes seconds.
    { name: 'zip-bomb.docx', bytes: () => new Uint8Array(readFileSync(join(FIXTURE_DIR, 'zip-bomb.docx'))), what: 'a .docx that inflates to 120 MB' },
    { name: 'not-a-zip.docx', bytes: () => randomBytes(4096, 11), what: 'noise named .docx' },
    { name: 'truncated.docx', bytes: () => docx().subarray(0, docx().length >> 1), what: 'half a .docx' },
    { name: 'flate-bomb.pdf', bytes: () => makeFlateBombPdf(1024), what: 'a 1 MB PDF whose stream inflates to 1 GB' },
    { name: 'flate-bomb-hex.pdf', bytes: () => makeFlateBombPdf(1024, { hex: true }), what: 'the same bomb wrapped in ASCIIHexDecode' },
    { name: 'truncated.pdf', bytes: () => pdf().subarray(0, pdf().length >> 1), what: 'half a PDF' },
    { name: 'header-only.pdf', bytes: () => latin1('%PDF-1.7\n%%EOF\n'), what: 'a PDF header and nothing else' },
    { name: 'bad-xref.pdf', bytes: () => concat([pdf().subarray(0, pdf().length - 200), latin1('startxref\n999999999\n%%EOF\n')]), what: 'a PDF whose xref points nowhere' },
    { name: 'noise.pdf', bytes: () => concat([latin1('%PDF-1.4\n'), randomBytes(8192, 5), latin1('\n%%EOF\n')]), what: 'a PDF header before noise' },
  ];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = process.argv[2];
  if (!dir) {
    process.stderr.write('usage: node --import tsx scripts/make-hostile-files.ts DIR\n');
    process.exitCode = 2;
  } else {
    mkdirSync(dir, { recursive: true });
    for (const f of hostileFiles()) writeFileSync(join(dir, f.name), f.bytes());
    process.stdout.write(`wrote ${hostileFiles().length} files to ${dir}\n`);
  }
}
