/**
 * The corpus: ingest 10,000 generated commentaries (about 70 MB of UTF-8) into SQLite — and into PostgreSQL
 * in the same run when MIKATA_BENCH_DATABASE_URL (or MIKATA_TEST_DATABASE_URL) names a server — then measure
 * search latency over 200 varied queries, expert-page latency, peak memory and database size.
 *
 * `npm run bench -- store` runs this section alone; MIKATA_BENCH_DOCS=N changes the number of documents.
 */
import { mkdtempSync, rmSync, statSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { Corpus } from '../../src/store/corpus.ts';
import { generateCommentary, createRandom } from '../generate.ts';

export const name = 'store';

const DOCS = Number(process.env.MIKATA_BENCH_DOCS ?? 10_000);
const BATCH = 200;
/** About 7 KB of UTF-8 per document: Japanese runs about three bytes a character. */
const CHARS_PER_DOC = 1_700;

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

async function timeIt<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t = performance.now();
  const r = await fn();
  return [performance.now() - t, r];
}

/** 200 queries of the kinds analysts type: surnames, topics, Latin terms, phrases, with and without filters. */
function queries(experts: string[]): { q: string; options: Record<string, string> }[] {
  const r = createRandom(7);
  const topics = ['太平洋艦隊', '防空網', '北極海航路', '日本海', '対潜能力', '弾道ミサイル', '兵站', '技術協力', '経済制裁', '兵力', '演習', '近代化', '予算', '抑止'];
  const latin = ['Strategic Deterrence', 'Anti-Access', 'Deterrence by Denial', 'Integrated Air Defense'];
  const out: { q: string; options: Record<string, string> }[] = [];
  for (let i = 0; i < 200; i++) {
    const kind = i % 5;
    const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)]!;
    if (kind === 0) out.push({ q: pick(experts).split('・').pop()!, options: {} });
    else if (kind === 1) out.push({ q: pick(topics), options: {} });
    else if (kind === 2) out.push({ q: pick(latin), options: {} });
    else if (kind === 3) out.push({ q: `${pick(topics)} ${pick(topics)}`, options: { from: `${2019 + Math.floor(r() * 3)}`, to: '2026' } });
    else out.push({ q: pick(topics), options: { speaker: pick(experts) } });
  }
  return out;
}

async function runOne(label: string, db: string, sizeOf: () => Promise<number>): Promise<void> {
  const corpus = await Corpus.open({ db, create: true, env: {} });
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 50);
  const experts = new Set<string>();
  let bytes = 0;
  let added = 0;
  const t0 = performance.now();
  for (let start = 0; start < DOCS; start += BATCH) {
    const items = [];
    for (let i = start; i < Math.min(DOCS, start + BATCH); i++) {
      const d = generateCommentary(900_001 + i, CHARS_PER_DOC);
      bytes += Buffer.byteLength(d.text);
      if (experts.size < 500) for (const e of d.experts) experts.add(e);
      items.push({ source: { text: d.text, format: 'text' as const, name: `doc-${i}.txt` }, name: `doc-${i}.txt` });
    }
    const outcomes = await corpus.addSources(items);
    added += outcomes.filter((o) => o.status === 'added').length;
    if (process.stdout.isTTY) process.stdout.write(`\r${label}: ingested ${Math.min(DOCS, start + BATCH)}/${DOCS}`);
  }
  const ingestMs = performance.now() - t0;
  if (process.stdout.isTTY) process.stdout.write('\r');

  const qs = queries([...experts]);
  for (const { q, options } of qs.slice(0, 20)) await corpus.search(q, options); // warm-up
  const searchTimes: number[] = [];
  let hits = 0;
  for (const { q, options } of qs) {
    const [ms, res] = await timeIt(() => corpus.search(q, options));
    searchTimes.push(ms);
    hits += res.hits.length;
  }
  const expertNames = [...experts].slice(0, 100);
  for (const e of expertNames.slice(0, 10)) await corpus.expert(e).catch(() => null);
  const expertTimes: number[] = [];
  for (const [i, e] of expertNames.entries()) {
    // Half by the full katakana name, half by the surname alone.
    const q = i % 2 ? e : e.split('・').pop()!;
    const [ms] = await timeIt(() => corpus.expert(q, { limit: 50 }).catch(() => null));
    expertTimes.push(ms);
  }
  clearInterval(sampler);
  const size = await sizeOf();
  await corpus.close();

  console.log(`${label}`);
  console.log(`  ingest                ${added.toLocaleString('en')} documents, ${(bytes / 1e6).toFixed(1)} MB in ${(ingestMs / 1000).toFixed(1)} s: ${(added / (ingestMs / 1000)).toFixed(0)} documents/s, ${(bytes / 1e6 / (ingestMs / 1000)).toFixed(2)} MB/s  (target: 10,000 in ≤ 120 s on SQLite)`);
  console.log(`  search (200 queries)  p50 ${fmt(percentile(searchTimes, 50))}  p95 ${fmt(percentile(searchTimes, 95))}  p99 ${fmt(percentile(searchTimes, 99))}  (${hits} hits shown; target p95 ≤ 30 ms)`);
  console.log(`  expert page (100, 50 claims)  p50 ${fmt(percentile(expertTimes, 50))}  p95 ${fmt(percentile(expertTimes, 95))}  p99 ${fmt(percentile(expertTimes, 99))}  (target p95 ≤ 20 ms)`);
  console.log(`  peak memory (RSS)     ${Math.round(peak / 1e6)} MB  (target ≤ 1 GB)`);
  console.log(`  database size         ${(size / 1e6).toFixed(1)} MB`);
}

export async function run(): Promise<void> {
  console.log('== store');
  const dir = mkdtempSync(join(tmpdir(), 'mikata-bench-'));
  try {
    const path = join(dir, 'bench.db');
    await runOne('SQLite', path, async () => ['', '-wal', '-shm'].reduce((s, x) => s + (existsSync(path + x) ? statSync(path + x).size : 0), 0));
    const url = process.env.MIKATA_BENCH_DATABASE_URL ?? process.env.MIKATA_TEST_DATABASE_URL;
    if (url) {
      // A fresh schema for the run, dropped afterwards.
      const schema = `bench_${Date.now()}`;
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`CREATE SCHEMA ${schema}`);
      const withSchema = `${url}${url.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
      try {
        await runOne('PostgreSQL', withSchema, async () => {
          const r = await client.query(`SELECT COALESCE(SUM(pg_total_relation_size(format('%I.%I', schemaname, tablename))), 0)::bigint AS n FROM pg_tables WHERE schemaname = $1`, [schema]);
          return Number(r.rows[0].n);
        });
      } finally {
        await client.query(`DROP SCHEMA ${schema} CASCADE`);
        await client.end();
      }
    } else {
      console.log('PostgreSQL              skipped: set MIKATA_BENCH_DATABASE_URL=postgres://… to measure it in the same run');
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
