/**
 * Memory caps that hold for PDF streams (issue 14, case 5): a 1 MB PDF whose stream inflates to 1 GB is
 * refused with a clear error, and the process reading it stays well under 600 MB. The worker's heap cap does
 * not cover decoded buffers; the buffer caps do.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { test } from 'node:test';
import { inflateSync } from 'node:zlib';
import { FIXTURE_DIR } from '../../scripts/make-doc-fixtures.ts';
import { makeFlateBombPdf, zlibZeros } from '../../scripts/make-hostile-files.ts';
import { pdfToSource } from '../../src/ingest/pdf.ts';

const run = promisify(execFile);
const ROOT = join(fileURLToPath(import.meta.url), '..', '..', '..');

test('the bomb is what it says: about 1 KB per MB of zeros', () => {
  const z = zlibZeros(32);
  assert.ok(z.length < 40 * 1024, `${z.length} bytes`);
  assert.equal(inflateSync(z).length, 32 * 1024 * 1024);
  const pdf = makeFlateBombPdf(1024);
  assert.ok(pdf.length > 900 * 1024 && pdf.length < 1200 * 1024, `${pdf.length} bytes`);
});

for (const file of ['flate-bomb.pdf', 'flate-bomb-hex.pdf']) {
  test(`${file}: a 1 MB PDF whose stream inflates to 1 GB is refused, and the process stays under 600 MB`, async () => {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', join(ROOT, 'test', 'ingest-docs', '_read-in-child.ts'), file], {
      cwd: ROOT, timeout: 180_000, maxBuffer: 1 << 20,
    });
    const r = JSON.parse(stdout.trim()) as { code: string; message: string; maxRssMb: number };
    assert.equal(r.code, 'E_TOO_LARGE', r.message);
    assert.equal(r.message, `${file}: a stream in the PDF decodes to more than 64 MB (a compression bomb?); refused`);
    assert.ok(r.maxRssMb < 600, `peak resident memory ${r.maxRssMb} MB`);
  });
}

test('the stream and buffer caps can be set, and a normal PDF reads under the defaults', async () => {
  await assert.rejects(pdfToSource(makeFlateBombPdf(32), 'b.pdf', { maxStreamMb: 4 }), {
    code: 'E_TOO_LARGE', message: 'b.pdf: a stream in the PDF decodes to more than 4 MB (a compression bomb?); refused',
  });
  // Hex-wrapped, the zlib data does not show in the file: pdf.js' own buffer is what gets refused.
  await assert.rejects(pdfToSource(makeFlateBombPdf(32, { hex: true }), 'h.pdf', { maxStreamMb: 4 }), {
    code: 'E_TOO_LARGE', message: 'h.pdf: a stream in the PDF decodes to more than 4 MB (a compression bomb?); refused',
  });
  await assert.rejects(pdfToSource(makeFlateBombPdf(32), 'b.pdf', { maxStreamMb: 64, maxBuffersMb: 4 }), {
    code: 'E_TOO_LARGE', message: 'b.pdf: reading the PDF needs more than 4 MB of buffers; refused',
  });
  const source = await pdfToSource(new Uint8Array(readFileSync(join(FIXTURE_DIR, 'commentary-ja.pdf'))), 'c.pdf');
  assert.ok(source.text.length > 3000);
});
