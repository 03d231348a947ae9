import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile, mkdir, truncate, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { Readable } from 'node:stream';
import { zipSync } from 'fflate';
import { readSourceBytes, readSourceFile, readStream, formatFromExtension, sniffFormat, MAX_INPUT_BYTES } from '../../src/ingest/read-source.ts';
import { isIngestError, type IngestErrorCode } from '../../src/ingest/errors.ts';
import { encodeJapanese } from './_japanese-bytes.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);
let dir = '';
const at = (name: string) => join(dir, name);

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mikata-ingest-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function rejectsWith(promise: Promise<unknown>, code: IngestErrorCode, path: string, problem?: RegExp): Promise<void> {
  await assert.rejects(promise, (e: unknown) => {
    assert.ok(isIngestError(e), `expected an IngestError, got ${String(e)}`);
    assert.equal(e.code, code, e.message);
    assert.equal(e.path, path);
    assert.ok(e.message.startsWith(`${path}: `), e.message);
    assert.doesNotMatch(e.message, /\n/);
    if (problem) assert.match(e.problem, problem);
    return true;
  });
}

const docxBytes = () =>
  zipSync({ '[Content_Types].xml': utf8('<Types/>'), 'word/document.xml': utf8('<w:document/>') });

test('reads a UTF-8 text file: text as decoded, name and encoding', async () => {
  const text = '専門家は抑止力について指摘する。\r\nExperts disagree.\n';
  await writeFile(at('note.txt'), text);
  assert.deepEqual(await readSourceFile(at('note.txt')), { text, format: 'text', encoding: 'utf-8', name: at('note.txt') });
});

test('reads Shift_JIS and EUC-JP files, and an encoding option overrides detection', async () => {
  const text = '同盟国の防衛費をめぐる議論が続いている。';
  await writeFile(at('sjis.txt'), encodeJapanese(text, 'shift_jis'));
  await writeFile(at('euc.txt'), encodeJapanese(text, 'euc-jp'));
  assert.deepEqual(await readSourceFile(at('sjis.txt')), { text, format: 'text', encoding: 'shift_jis', name: at('sjis.txt') });
  assert.deepEqual(await readSourceFile(at('euc.txt')), { text, format: 'text', encoding: 'euc-jp', name: at('euc.txt') });
  await rejectsWith(readSourceFile(at('sjis.txt'), { encoding: 'euc-jp' }), 'E_ENCODING', at('sjis.txt'), /not valid EUC-JP/);
});

test('Markdown stays as it is', async () => {
  const text = '# 見出し\n\n- 項目 *強調*\n\n<b>raw html stays</b>\n';
  for (const name of ['a.md', 'b.MARKDOWN']) {
    await writeFile(at(name), text);
    const source = await readSourceFile(at(name));
    assert.equal(source.format, 'markdown');
    assert.equal(source.text, text);
    assert.equal(source.hints, undefined);
  }
});

test('HTML by extension, and by content when the name says nothing', async () => {
  const html = '<!DOCTYPE html><html><head><title>T</title></head><body><h1>抑止</h1><p>本文 &amp; more</p></body></html>';
  for (const name of ['p.html', 'p.HTM', 'p.xhtml', 'no-extension', 'saved.txt']) {
    await writeFile(at(name), html);
    const source = await readSourceFile(at(name));
    assert.equal(source.format, 'html', name);
    assert.equal(source.text, '抑止\n本文 & more', name);
    assert.equal(source.encoding, 'utf-8');
    assert.equal(source.name, at(name));
    assert.deepEqual(source.hints?.blocks?.map((b) => b.kind), ['title', 'heading']);
  }
});

test('an HTML page in Shift_JIS, and one in Latin-1 that only its <meta charset> explains', async () => {
  const page = '<html><head><meta charset="Shift_JIS"></head><body><p>安全保障の論点</p></body></html>';
  await writeFile(at('sjis.html'), encodeJapanese(page, 'shift_jis'));
  const sjis = await readSourceFile(at('sjis.html'));
  assert.deepEqual([sjis.text, sjis.encoding], ['安全保障の論点', 'shift_jis']);

  const latin = Buffer.concat([Buffer.from('<html><head><meta charset="iso-8859-1"></head><body><p>Caf'), Buffer.from([0xe9, 0x20, 0x6e, 0x61, 0xef, 0x76, 0x65]), Buffer.from('</p></body></html>')]);
  await writeFile(at('latin.html'), latin);
  const source = await readSourceFile(at('latin.html'));
  assert.deepEqual([source.text, source.encoding], ['Café naïve', 'windows-1252']);
});

test('a format option overrides the extension', async () => {
  await writeFile(at('page.html'), '<p>tag &amp; text</p>');
  assert.deepEqual(await readSourceFile(at('page.html'), { format: 'text' }), {
    text: '<p>tag &amp; text</p>', format: 'text', encoding: 'utf-8', name: at('page.html'),
  });
  await writeFile(at('plain.txt'), '<p>one</p><p>two</p>');
  assert.equal((await readSourceFile(at('plain.txt'), { format: 'html' })).text, 'one\ntwo');
  assert.equal((await readSourceFile(at('plain.txt'), { format: 'markdown' })).format, 'markdown');
});

test('formatFromExtension', () => {
  const cases: [string, string | undefined][] = [
    ['a.html', 'html'], ['a.HTM', 'html'], ['dir/a.xhtml', 'html'], ['a.md', 'markdown'], ['a.markdown', 'markdown'],
    ['a.pdf', 'pdf'], ['A.PDF', 'pdf'], ['a.docx', 'docx'], ['a.txt', undefined], ['a', undefined], ['-', undefined],
    ['.md', undefined], ['a.md.txt', undefined], ['a.doc', undefined],
  ];
  for (const [name, expected] of cases) assert.equal(formatFromExtension(name), expected, name);
});

test('sniffFormat: PDF and Word by bytes, HTML by text', () => {
  const cases: [string, Uint8Array, string | undefined, string | undefined][] = [
    ['PDF header', utf8('%PDF-1.7\n%âãÏÓ\n1 0 obj'), undefined, 'pdf'],
    ['PDF after junk, with %%EOF', utf8('junk\n%PDF-1.4\nbody\n%%EOF\n'), undefined, 'pdf'],
    ['a note that mentions %PDF-', utf8('The header %PDF-1.7 starts every PDF.'), undefined, undefined],
    ['docx', docxBytes(), undefined, 'docx'],
    ['other ZIP', zipSync({ 'data.csv': utf8('a,b') }), undefined, undefined],
    ['doctype', utf8(''), '  <!DOCTYPE html>\n<p>x', 'html'],
    ['html tag', utf8(''), '<html lang="ja">', 'html'],
    ['xml decl + comment', utf8(''), '<?xml version="1.0"?>\n<!-- saved -->\n<html xmlns="http://www.w3.org/1999/xhtml">', 'html'],
    ['fragment', utf8(''), '<p>just a fragment</p>', undefined],
    ['prose', utf8(''), 'Plain text about <html> tags.', undefined],
  ];
  for (const [label, bytes, text, expected] of cases) assert.equal(sniffFormat(bytes, text), expected, label);
});

test('PDF and Word bytes go to their adapters, never to the text decoder', async () => {
  const inputs: [string, Uint8Array, string][] = [
    ['report.pdf', utf8('%PDF-1.4\nnot really a pdf\n%%EOF'), 'pdf'],
    ['report', utf8('%PDF-1.4\nnot really a pdf\n%%EOF'), 'pdf'],
    ['memo.docx', docxBytes(), 'docx'],
    ['memo.bin', docxBytes(), 'docx'],
  ];
  for (const [name, bytes, format] of inputs) {
    // The adapters are written elsewhere; whether they exist yet or not, the text path must not be taken.
    try {
      const source = await readSourceBytes(bytes, { name });
      assert.equal(source.format, format, name);
    } catch (e) {
      assert.ok(isIngestError(e), `${name}: ${String(e)}`);
      assert.ok(!['E_BINARY', 'E_ENCODING', 'E_EMPTY'].includes(e.code), `${name} reached the text decoder: ${e.message}`);
      assert.ok(e.message.startsWith(`${name}: `), e.message);
    }
  }
});

test('bad input: each problem is one IngestError naming the file', async () => {
  await mkdir(at('a-directory'));
  await writeFile(at('empty.txt'), '');
  await writeFile(at('blank.txt'), ' \n\t\r\n\u3000 ');
  await writeFile(at('bom-only.txt'), Buffer.from([0xef, 0xbb, 0xbf]));
  await writeFile(at('nul.txt'), Buffer.from('text\0with\0nul\0bytes\0\0\0'));
  await writeFile(at('image.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
  await writeFile(at('photo.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46]));
  await writeFile(at('archive.zip'), zipSync({ 'a.txt': utf8('hello') }));
  await writeFile(at('program'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]));
  await writeFile(at('bad-bytes.txt'), Buffer.from([0x41, 0x80, 0x81, 0xff, 0xfe, 0x42]));
  await writeFile(at('old.doc'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]));
  await writeFile(at('scripts-only.html'), '<html><head><script>alert(1)</script></head><body><!-- nothing --></body></html>');
  await writeFile(at('regular.txt'), 'x');

  const cases: [string, IngestErrorCode, RegExp][] = [
    ['missing.txt', 'E_NOT_FOUND', /^no such file$/],
    ['regular.txt/inside', 'E_NOT_FOUND', /^no such file$/],
    ['a-directory', 'E_IS_DIRECTORY', /directory/],
    ['empty.txt', 'E_EMPTY', /empty/],
    ['blank.txt', 'E_EMPTY', /white space/],
    ['bom-only.txt', 'E_EMPTY', /white space/],
    ['nul.txt', 'E_BINARY', /^binary file \(NUL bytes\), not a text document$/],
    ['image.txt', 'E_BINARY', /PNG image/],
    ['photo.jpg', 'E_BINARY', /JPEG image/],
    ['archive.zip', 'E_BINARY', /ZIP archive/],
    ['program', 'E_BINARY', /ELF executable/],
    ['bad-bytes.txt', 'E_ENCODING', /^bytes are not valid UTF-8, UTF-16, Shift_JIS or EUC-JP \(try --encoding\)$/],
    ['old.doc', 'E_UNSUPPORTED', /\.docx/],
    ['scripts-only.html', 'E_NO_TEXT', /no visible text/],
  ];
  for (const [name, code, problem] of cases) await rejectsWith(readSourceFile(at(name)), code, at(name), problem);
});

test('too large: refused from the file size, before reading', async () => {
  // A sparse file: the size is real to stat, no disk is used, and reading it would take seconds.
  await writeFile(at('huge.txt'), 'a');
  await truncate(at('huge.txt'), MAX_INPUT_BYTES + 1);
  const start = performance.now();
  await rejectsWith(readSourceFile(at('huge.txt')), 'E_TOO_LARGE', at('huge.txt'), /^the file \(256\.0 MiB\) is larger than the 256 MiB limit$/);
  assert.ok(performance.now() - start < 1000);

  await writeFile(at('small.txt'), 'x'.repeat(2048));
  await rejectsWith(readSourceFile(at('small.txt'), { maxBytes: 1024 }), 'E_TOO_LARGE', at('small.txt'), /^the file \(2 KiB\) is larger than the 1 KiB limit$/);
  await rejectsWith(readSourceBytes(new Uint8Array(11), { name: 'upload', maxBytes: 10 }), 'E_TOO_LARGE', 'upload');
});

test('other read failures are E_READ with the OS reason', { skip: process.platform !== 'linux' }, async () => {
  // /proc/self/mem is a "regular file" that fails on read with EIO.
  await rejectsWith(readSourceFile('/proc/self/mem'), 'E_READ', '/proc/self/mem', /^cannot read: input\/output error$/);
});

test('permission denied is E_READ', { skip: process.getuid?.() === 0 ? 'root reads everything' : false }, async () => {
  await writeFile(at('secret.txt'), 'x');
  await chmod(at('secret.txt'), 0o000);
  await rejectsWith(readSourceFile(at('secret.txt')), 'E_READ', at('secret.txt'), /permission denied/);
});

test('readStream stops as soon as a stream passes the limit', async () => {
  let pulled = 0;
  const endless = new Readable({
    read() {
      pulled++;
      this.push(Buffer.alloc(1024, 0x61));
    },
  });
  await rejectsWith(readStream(endless, '-', 10 * 1024), 'E_TOO_LARGE', '-', /^the input is larger than the 10 KiB limit$/);
  assert.ok(pulled < 20, `pulled ${pulled} chunks`);
  const bytes = await readStream(Readable.from([Buffer.from('ab'), Buffer.from('c')]), '-', 10);
  assert.equal(Buffer.from(bytes).toString(), 'abc');
});

test("'-' reads standard input", () => {
  const script = `
    import { readSourceFile } from ${JSON.stringify(new URL('../../src/ingest/read-source.ts', import.meta.url).href)};
    try { console.log(JSON.stringify(await readSourceFile('-', ${'JSON.parse(process.argv[1] ?? "{}")'}))); }
    catch (e) { console.log(JSON.stringify({ error: e.message, code: e.code })); }`;
  const run = (input: Uint8Array, options: object = {}) =>
    JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, JSON.stringify(options)], { input, cwd: process.cwd() }).toString());
  assert.deepEqual(run(utf8('標準入力から読む。\n')), { text: '標準入力から読む。\n', format: 'text', encoding: 'utf-8', name: '-' });
  assert.deepEqual(run(encodeJapanese('シフトJISの入力', 'shift_jis')), { text: 'シフトJISの入力', format: 'text', encoding: 'shift_jis', name: '-' });
  assert.equal(run(utf8('<!doctype html><p>標準入力</p>')).format, 'html');
  assert.deepEqual(run(utf8(''), {}), { error: '-: the file is empty', code: 'E_EMPTY' });
  assert.equal(run(utf8('x'.repeat(100)), { maxBytes: 10 }).code, 'E_TOO_LARGE');
});

test('a 50 MB text file reads fast', async () => {
  const line = 'アジア太平洋の安全保障環境について、複数の専門家が異なる見方を示した。Deterrence.\n';
  const text = line.repeat(Math.ceil((50 * 1024 * 1024) / utf8(line).length));
  await writeFile(at('big.txt'), text);
  const start = performance.now();
  const source = await readSourceFile(at('big.txt'));
  const elapsed = performance.now() - start;
  assert.equal(source.text.length, text.length);
  assert.equal(source.text === text, true);
  assert.ok(elapsed < 5000, `took ${elapsed} ms`);
});
