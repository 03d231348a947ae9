/**
 * English analysis: the tagger's (wink-nlp + wink-eng-lite-web-model) load time and memory, measured in this
 * process before anything else loads it, and English throughput on generated political news (quotations,
 * reported speech, according to, titles before names), with a decode+NFKC baseline measured alongside.
 */
import { analyze } from '../../src/core/analyze.ts';
import { isTaggerLoaded, loadTagger } from '../../src/core/extract/en/tokens.ts';
import { createRandom } from '../generate.ts';

export const name = 'english';

const FIRST = ['Dana', 'Ray', 'Nadia', 'Tom', 'Lena', 'Mark', 'Rosa', 'Brian', 'Alma', 'Victor', 'Irene', 'Hugo'];
const LAST = ['Whitfield', 'Castell', 'Brandt', 'Alvey', 'Marsh', 'Odell', 'Delgado', 'Kessler', 'Quist', 'Renner', 'Sallow', 'Tamsin'];
const TITLES = ['Sen.', 'Rep.', 'Gov.', 'Mayor', 'Secretary', 'former Ambassador'];
const TOPICS = ['the spending plan', 'the trade deal', 'the new tariff', 'the pipeline permit', 'the housing bill', 'the audit', 'the border agreement'];
const CLAIMS = ['would leave a large gap in the budget', 'had been written in haste', 'was never going to pass the Senate', 'could cost thousands of jobs',
  'had the support of most governors', 'would be challenged in court', 'was the best offer on the table'];
const FILLER = ['The committee met again on Monday.', 'Negotiations resumed after a two-week pause.', 'The vote is expected before the end of the month.',
  'Several members did not attend the hearing.', 'The measure has divided the caucus for months.'];

/** Deterministic English news text of about `target` characters. */
export function generateNews(target: number, seed = 7): string {
  const rnd = createRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const out: string[] = ['Budget Talks Stall in the Capital', ''];
  let size = 0;
  while (size < target) {
    const who = `${pick(FIRST)} ${pick(LAST)}`;
    const surname = who.split(' ')[1]!;
    const para = [
      `${pick(TITLES)} ${who} said on ${pick(['Monday', 'Tuesday', 'Friday'])} that ${pick(TOPICS)} ${pick(CLAIMS)}.`,
      `“We are not going to sign a blank check for ${pick(TOPICS)},” ${surname} told reporters. “The numbers simply do not add up.”`,
      `According to ${pick(['two aides', 'a report by The Harbor Ledger', 'officials at the Treasury Department'])}, ${pick(TOPICS)} ${pick(CLAIMS)}.`,
      `${pick(TOPICS).replace(/^t/, 'T')} ${pick(CLAIMS)}, ${pick(['she', 'he', 'critics'])} argued, and ${pick(FILLER).toLowerCase()}`,
      pick(FILLER),
    ].join(' ');
    out.push(para, '');
    size += para.length + 2;
  }
  return out.join('\n');
}

function mb(bytes: number): string {
  return (bytes / 1e6).toFixed(1);
}

export function run(): void {
  console.log('== english');
  const gc = (globalThis as { gc?: () => void }).gc;
  if (isTaggerLoaded()) {
    console.log('tagger load           already loaded by an earlier section: run `npm run bench -- english` alone for load figures');
  } else {
    gc?.();
    const heap0 = process.memoryUsage().heapUsed;
    const rss0 = process.memoryUsage().rss;
    const t = performance.now();
    loadTagger();
    const loadMs = performance.now() - t;
    gc?.();
    const heap1 = process.memoryUsage().heapUsed;
    const rss1 = process.memoryUsage().rss;
    console.log(`tagger load           ${loadMs.toFixed(0)} ms (wink-nlp + wink-eng-lite-web-model, once per process, on the first English analysis)`);
    console.log(`tagger memory         +${mb(heap1 - heap0)} MB heap, +${mb(rss1 - rss0)} MB RSS${gc ? '' : ' (run with --expose-gc for settled figures)'}`);
  }
  const text = generateNews(1_000_000);
  const bytes = Buffer.byteLength(text);
  const buffer = Buffer.from(text);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  // Warm up, then take the best of three interleaved rounds so that noise hits both alike.
  const warm = generateNews(50_000, 3);
  analyze(warm, { language: 'en' });
  const base: number[] = [];
  const full: number[] = [];
  let found = 0;
  for (let round = 0; round < 3; round++) {
    let t = performance.now();
    decoder.decode(buffer).normalize('NFKC');
    base.push(performance.now() - t);
    t = performance.now();
    found = analyze(text, { language: 'en' }).attributions.length;
    full.push(performance.now() - t);
  }
  const b = Math.min(...base);
  const m = Math.min(...full);
  console.log(`input                 generated political news, ${mb(bytes)} MB UTF-8, ${found.toLocaleString('en')} attributions found`);
  console.log(`english analysis      ${Math.round(bytes / 1024 / (m / 1000)).toLocaleString('en')} KB/s, ${(m / b).toFixed(1)}× the decode+NFKC baseline  (target ≥ 300 KB/s)`);
  console.log(`peak memory (RSS)     ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
  // Growth with the document: ten times the text must take about ten times as long (a few names mentioned
  // thousands of times once made every surname look-up re-sort that person's mentions).
  const few = (n: number) => generateNews(n, 11).replace(/\b(?:Dana|Ray|Nadia|Tom|Lena|Mark|Rosa|Brian|Alma|Victor|Irene|Hugo) (\w+)/g, 'Dana $1');
  const small = few(500_000);
  const large = few(5_000_000);
  let t = performance.now();
  analyze(small, { language: 'en' });
  const ts = performance.now() - t;
  t = performance.now();
  analyze(large, { language: 'en' });
  const tl = performance.now() - t;
  console.log(`growth                0.5 MB → ${(ts / 1000).toFixed(2)} s, 5 MB → ${(tl / 1000).toFixed(2)} s: ${(tl / ts).toFixed(1)}× for 10× the text  (target ≈ 10×)`);
}
