/**
 * Similar claims: lookup latency at 10,000 documents (issue 12: p95 ≤ 50 ms), on SQLite (and PostgreSQL
 * when MIKATA_BENCH_DATABASE_URL or MIKATA_TEST_DATABASE_URL names a server).
 *
 * The corpus is generated (bench/paraphrases.ts, five claims a document, a fifth of them with planted
 * paraphrases, no limit on shared slots: a templated corpus is a hard case for candidate generation, since
 * many grams are common) and written straight through the store (document, then its claims), without the
 * analyzer or identity linking, which the store section measures. Lookups are timed at 1,000 documents and
 * again at 10,000, so the ratio shows how they grow with the corpus; a brute-force baseline (cosine against
 * every claim, n-grams computed in advance) shows what the index saves.
 *
 * `npm run bench -- similar` runs this section alone; MIKATA_BENCH_DOCS=N changes the number of documents.
 */
import { mkdtempSync, rmSync, statSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { gramsOf, rankSimilar } from '../../src/core/similar/index.ts';
import { Corpus } from '../../src/store/corpus.ts';
import { openPostgresStore } from '../../src/store/postgres/postgres-store.ts';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import type { ClaimRow, Store } from '../../src/store/store.ts';
import { makeAnalysis, type DocSpec } from '../../test/store/_fixtures.ts';
import { createRandom } from '../generate.ts';
import { generateClaims, type GeneratedClaim } from '../paraphrases.ts';

export const name = 'similar';

const DOCS = Number(process.env.MIKATA_BENCH_DOCS ?? 10_000);
const PER_DOC = 5;
const QUERIES = 300;

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}
const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

function docSpec(d: number, part: readonly GeneratedClaim[]): DocSpec {
  return {
    name: `sim-${d}.txt`, title: `Similar ${d}`, date: null, language: 'ja',
    text: part.map((c, i) => `話者${d}-${i}は「${c.text}」と述べた。`).join('\n'),
    people: [], attributions: [],
  };
}

function claimRows(text: string, part: readonly GeneratedClaim[], d: number): ClaimRow[] {
  let at = 0;
  return part.map((c, i) => {
    const start = text.indexOf(c.text, at);
    at = start + c.text.length;
    return {
      localId: `a${i + 1}`, provenance: 'machine', review: null, kind: 'quote', start, end: at, content: c.text, cue: 'と述べた', section: null,
      footnotes: [], hedges: [], confidence: 0.9, corrections: [], speakers: [{ role: 'speaker', identity: null, person: null, name: `話者${d}-${i}` }],
    };
  });
}

/** Writes documents [from, to) of the generated claims; resolves to the time it took, in ms. */
export async function fill(store: Store, claims: readonly GeneratedClaim[], from: number, to: number, refs: string[]): Promise<number> {
  const t = performance.now();
  for (let start = from; start < to; start += 200) {
    await store.write(async (w) => {
      for (let d = start; d < Math.min(to, start + 200); d++) {
        const part = claims.slice(d * PER_DOC, (d + 1) * PER_DOC);
        const spec = docSpec(d, part);
        const hash = `${d.toString(16).padStart(12, '0')}${'0'.repeat(52)}`;
        const id = await w.insertDocument({
          ref: hash.slice(0, 12), hash, name: spec.name, format: 'text', encoding: 'utf-8', hints: null, text: spec.text,
          analysis: makeAnalysis(spec), addedAt: '2026-01-01T00:00:00Z', analyzedAt: '2026-01-01T00:00:00Z',
        });
        await w.replaceIndex(id!, { people: [], claims: claimRows(spec.text, part, d), dates: [] });
        refs[d] = hash.slice(0, 12);
      }
    });
  }
  return performance.now() - t;
}

interface Timing { p50: number; p95: number; p99: number; found: number }

async function lookups(store: Store, corpus: Corpus, refs: readonly string[], docs: number, seed: number): Promise<{ index: Timing; full: Timing; picks: { doc: number; claim: string }[] }> {
  const r = createRandom(seed);
  const picks = Array.from({ length: QUERIES }, () => ({ doc: Math.floor(r() * docs), claim: `a${1 + Math.floor(r() * PER_DOC)}` }));
  const ids = await store.documentsByHash(picks.map((p) => `${p.doc.toString(16).padStart(12, '0')}${'0'.repeat(52)}`));
  const idOf = (d: number) => ids.get(`${d.toString(16).padStart(12, '0')}${'0'.repeat(52)}`)!.id;
  for (const p of picks.slice(0, 20)) await store.similarClaims(idOf(p.doc), p.claim); // warm-up
  const times: number[] = [];
  let found = 0;
  for (const p of picks) {
    const t = performance.now();
    found += (await store.similarClaims(idOf(p.doc), p.claim))!.length;
    times.push(performance.now() - t);
  }
  const full: number[] = [];
  let shown = 0;
  for (const p of picks) {
    const t = performance.now();
    shown += (await corpus.similar(refs[p.doc]!, p.claim)).similar.length;
    full.push(performance.now() - t);
  }
  const timing = (xs: number[], n: number): Timing => ({ p50: percentile(xs, 50), p95: percentile(xs, 95), p99: percentile(xs, 99), found: n });
  return { index: timing(times, found), full: timing(full, shown), picks };
}

async function runOne(label: string, open: () => Promise<Store>, sizeOf: () => Promise<number>): Promise<void> {
  const claims = generateClaims(4242, Math.round(DOCS * PER_DOC * 0.95), Math.round(DOCS * PER_DOC * 0.06), 7);
  const store = await open();
  const corpus = new Corpus(store);
  const refs: string[] = [];
  try {
    const small = Math.min(DOCS, Math.max(1, Math.floor(DOCS / 10)));
    const fillSmall = await fill(store, claims, 0, small, refs);
    const atSmall = await lookups(store, corpus, refs, small, 1);
    const fillRest = await fill(store, claims, small, DOCS, refs);
    const atFull = await lookups(store, corpus, refs, DOCS, 2);
    const n = Math.min(claims.length, DOCS * PER_DOC);

    // Brute force over every claim, grams computed beforehand (only the ranking is timed), for 20 queries.
    const all = claims.slice(0, n).map((c, i) => ({ key: i, grams: gramsOf(c.text) }));
    const df = new Map<string, number>();
    for (const c of all) for (const g of c.grams.keys()) df.set(g, (df.get(g) ?? 0) + 1);
    const brute: number[] = [];
    for (const p of atFull.picks.slice(0, 20)) {
      const q = all[p.doc * PER_DOC + Number(p.claim.slice(1)) - 1]!;
      const t = performance.now();
      rankSimilar(q.grams, all, (g) => df.get(g) ?? 0, all.length);
      brute.push(performance.now() - t);
    }
    const size = await sizeOf();
    console.log(label);
    console.log(`  corpus                ${DOCS.toLocaleString('en')} documents, ${n.toLocaleString('en')} claims; written with the index in ${((fillSmall + fillRest) / 1000).toFixed(1)} s (${(n / ((fillSmall + fillRest) / 1000)).toFixed(0)} claims/s)`);
    console.log(`  lookup at ${small.toLocaleString('en')} docs    p50 ${fmt(atSmall.index.p50)}  p95 ${fmt(atSmall.index.p95)}  p99 ${fmt(atSmall.index.p99)}  (${QUERIES} claims, ${atSmall.index.found} similar found)`);
    console.log(`  lookup at ${DOCS.toLocaleString('en')} docs   p50 ${fmt(atFull.index.p50)}  p95 ${fmt(atFull.index.p95)}  p99 ${fmt(atFull.index.p99)}  (${QUERIES} claims, ${atFull.index.found} similar found; target p95 ≤ 50 ms)`);
    console.log(`  with views (corpus.similar, as the API)  p50 ${fmt(atFull.full.p50)}  p95 ${fmt(atFull.full.p95)}  p99 ${fmt(atFull.full.p99)}`);
    console.log(`  ratio p95 ${DOCS.toLocaleString('en')} / ${small.toLocaleString('en')} docs   ${(atFull.index.p95 / atSmall.index.p95).toFixed(2)}× for ${(DOCS / small).toFixed(0)}× the documents`);
    console.log(`  brute force (cosine with all ${n.toLocaleString('en')} claims, in memory)  median ${fmt(percentile(brute, 50))}: the index lookup is ${(percentile(brute, 50) / atFull.index.p50).toFixed(1)}× faster at the median`);
    if (size > 0) console.log(`  database size         ${(size / 1e6).toFixed(1)} MB`);
  } finally {
    await store.close();
  }
}

export async function run(): Promise<void> {
  console.log('== similar');
  const dir = mkdtempSync(join(tmpdir(), 'mikata-bench-similar-'));
  try {
    const path = join(dir, 'similar.db');
    await runOne('SQLite', () => openSqliteStore(path, { create: true }), async () => {
      let s = statSync(path).size;
      if (existsSync(`${path}-wal`)) s += statSync(`${path}-wal`).size;
      return s;
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const url = process.env.MIKATA_BENCH_DATABASE_URL || process.env.MIKATA_TEST_DATABASE_URL;
  if (!url) {
    console.log('PostgreSQL              skipped: set MIKATA_BENCH_DATABASE_URL=postgres://… to measure it in the same run');
    return;
  }
  const schema = `mikata_bench_similar_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`CREATE SCHEMA ${schema}`);
    await runOne('PostgreSQL', () => openPostgresStore(url, { create: true, schema }), async () => {
      const r = await admin.query(`SELECT sum(pg_total_relation_size(quote_ident(schemaname) || '.' || quote_ident(tablename)))::bigint AS n FROM pg_tables WHERE schemaname = $1`, [schema]);
      return Number(r.rows[0]?.n ?? 0);
    });
  } finally {
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
  }
}
