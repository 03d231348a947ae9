/**
 * PDF ingest: pages per second and peak memory on a generated 100-page PDF (English text with superscript
 * footnote markers and foot-of-page notes, written by scripts/make-doc-fixtures.ts without LibreOffice).
 * pdf.js runs in a worker thread, so peak memory is the process's RSS, sampled while it works.
 */
import { pdfToSource } from '../../src/ingest/pdf.ts';
import { makeBenchPdf } from '../../scripts/make-doc-fixtures.ts';
import { analyze } from '../../src/core/analyze.ts';

export const name = 'pdf';

export async function run(): Promise<void> {
  console.log('== pdf');
  const pages = 100;
  const bytes = makeBenchPdf(pages);
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 20);
  await pdfToSource(bytes, 'warm-up.pdf');
  const times: number[] = [];
  let chars = 0;
  let markers = 0;
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    const source = await pdfToSource(bytes, 'bench.pdf');
    times.push(performance.now() - t);
    chars = source.text.length;
    markers = source.hints?.footnotes?.length ?? 0;
    if (i === 0) analyze(source);
  }
  clearInterval(sampler);
  const best = Math.min(...times);
  console.log(`input                 ${pages} pages, ${(bytes.length / 1e6).toFixed(2)} MB, ${chars.toLocaleString('en')} characters of text, ${markers} footnote markers`);
  console.log(`pdf pages per second  ${(pages / (best / 1000)).toFixed(0)} (best of 3; median ${(pages / (times.sort((a, b) => a - b)[1]! / 1000)).toFixed(0)})`);
  console.log(`peak memory (RSS)     ${Math.round(peak / 1e6)} MB, sampled every 20 ms while the worker ran`);
}
