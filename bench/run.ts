/**
 * `npm run bench`: figures and ratios measured in one run (machines here are shared and noisy, so the
 * ratios to a baseline measured alongside are what to compare across runs, not the absolute times).
 *
 * Sections: analyze (throughput, one commentary, peak memory, ratio to a decode+NFKC baseline) and any
 * further sections registered in bench/sections/ (store, PDF …), each run when its module exists.
 * `npm run bench -- analyze` runs one section.
 */
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze } from '../src/core/analyze.ts';
import { generateCommentary, generateCorpus } from './generate.ts';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));

function peakMemoryMB(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

function time(fn: () => void): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

/** The median of `runs` timings of `fn`, in ms. */
function median(runs: number, fn: () => void): number {
  const xs = Array.from({ length: runs }, () => time(fn)).sort((a, b) => a - b);
  return xs[Math.floor(xs.length / 2)]!;
}

function benchAnalyze(): void {
  console.log('== analyze');
  const docs = generateCorpus(5_200_000);
  const texts = docs.map((d) => d.text);
  const chars = texts.reduce((s, t) => s + t.length, 0);
  const bytes = texts.reduce((s, t) => s + Buffer.byteLength(t), 0);
  const buffers = texts.map((t) => Buffer.from(t));
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const baseline = () => { for (const b of buffers) decoder.decode(b).normalize('NFKC'); };
  const full = () => { for (const t of texts) analyze(t); };
  const anatomy = () => { for (const t of texts) analyze(t, { claims: false }); };
  // Warm up both, then interleave three rounds so that noise hits both alike.
  baseline();
  for (const t of texts.slice(0, 50)) analyze(t);
  for (const t of texts.slice(0, 50)) analyze(t, { claims: false });
  const base: number[] = [];
  const main: number[] = [];
  const anat: number[] = [];
  for (let round = 0; round < 3; round++) {
    base.push(time(baseline));
    anat.push(time(anatomy));
    main.push(time(full));
  }
  const b = Math.min(...base);
  const m = Math.min(...main);
  const an = Math.min(...anat);
  const one = generateCommentary(4242, 7000).text;
  for (let i = 0; i < 30; i++) analyze(one);
  const oneMs = median(41, () => analyze(one));
  console.log(`input                 ${docs.length} generated commentaries, ${(bytes / 1e6).toFixed(1)} MB UTF-8, ${chars.toLocaleString('en')} characters`);
  console.log(`baseline (decode+NFKC) ${(bytes / 1e6 / (b / 1000)).toFixed(1)} MB/s`);
  console.log(`anatomy (claims: false) ${(bytes / 1e6 / (an / 1000)).toFixed(2)} MB/s, ${Math.round(chars / (an / 1000)).toLocaleString('en')} characters/s, ${(an / b).toFixed(1)}× the baseline  (outline, markers, dates, glossary; target ≥ 10 MB/s, ≤ 15×)`);
  console.log(`full analysis         ${(bytes / 1e6 / (m / 1000)).toFixed(2)} MB/s, ${Math.round(chars / (m / 1000)).toLocaleString('en')} characters/s, ${(m / b).toFixed(1)}× the baseline  (with people and claims; target ≥ 0.3 MB/s)`);
  console.log(`one commentary        ${one.length.toLocaleString('en')} characters: ${oneMs.toFixed(2)} ms median after warm-up  (target < 10 ms)`);
  console.log(`peak memory (RSS)     ${peakMemoryMB()} MB  (target ≤ 600 MB)`);
  console.log('dictionary load       none: the analysis uses no morphological dictionary');
  // Shapes that once were quadratic: many tiny blocks, long unclosed brackets, long runs of one script.
  const shapes: [string, string][] = [
    ['300,000 one-character lines', 'あ\n'.repeat(300_000)],
    ['50,000 Markdown sections', '## Heading\n\nText here.\n\n'.repeat(50_000)],
    ['200,000 unclosed 「', `${'「'.repeat(200_000)}終わり。`],
    ['300,000-character katakana run', `${'ア'.repeat(300_000)}は、と指摘する。`],
  ];
  for (const [label, text] of shapes) {
    const ms = time(() => analyze(text));
    console.log(`${label.padEnd(32)} ${(ms / 1000).toFixed(2)} s (${Math.round(text.length / (ms / 1000)).toLocaleString('en')} characters/s)`);
  }
}

const sections: Record<string, () => Promise<void> | void> = { analyze: benchAnalyze };

async function main(): Promise<void> {
  const dir = join(here, 'sections');
  if (existsSync(dir)) {
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.ts')).sort()) {
      const mod = (await import(join(dir, f))) as { name: string; run: () => Promise<void> };
      sections[mod.name] = mod.run;
    }
  }
  for (const [name, run] of Object.entries(sections)) {
    if (only.length && !only.includes(name)) continue;
    await run();
    console.log('');
  }
}

await main();
