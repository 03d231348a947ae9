/**
 * `npm run bench -- server`: the workbench while a pathological upload is analysed.
 *
 * `mikata serve` runs in a child process (with its analysis pool, as users run it) over a corpus of generated
 * commentaries. Four clients on loopback send read requests (library, reader, experts, search, session) one
 * after another: first for a few seconds with nothing else going on (the baseline), then while two uploads of
 * the issue-14 shape (lines of similar width, no 。, a cue on every line: 200 KB and 10 MB) are analysed. The
 * figures are the read requests' latencies in both phases, the uploads' outcomes and the server's peak memory.
 *
 * Target (issue 14): other requests' p95 under 100 ms while the uploads run.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Corpus } from '../../src/store/corpus.ts';
import { generateCommentary } from '../generate.ts';

export const name = 'server';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CLIENTS = 4;
const BASELINE_S = 5;
/** A bound on the requests of the loaded phase, whatever the uploads do. */
const MAX_REQUESTS = 50_000;
const ANALYSIS_TIMEOUT_S = 60;

/** The shape of issue 14, case 1: one cue per line, no 。, lines of similar width. */
export function pathologicalText(bytes: number): string {
  const lines: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const line = `ロシアの専門家によれば、北朝鮮は${i}番目の協力を進めていると指摘する\n`;
    lines.push(line);
    size += Buffer.byteLength(line);
  }
  return lines.join('');
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN;
}

function show(label: string, xs: number[]): string {
  const s = [...xs].sort((a, b) => a - b);
  return `${label.padEnd(26)} ${String(s.length).padStart(6)} requests  p50 ${percentile(s, 50).toFixed(1)} ms  p95 ${percentile(s, 95).toFixed(1)} ms  p99 ${percentile(s, 99).toFixed(1)} ms  max ${(s[s.length - 1] ?? NaN).toFixed(0)} ms`;
}

async function readLoop(base: string, paths: readonly string[], until: () => boolean, out: number[]): Promise<void> {
  let i = Math.floor(Math.random() * paths.length);
  while (!until() && out.length < MAX_REQUESTS) {
    const t = performance.now();
    const path = paths[i++ % paths.length]!;
    const res = await fetch(base + path).catch((e) => {
      throw new Error(`GET ${path} failed after ${(performance.now() - t).toFixed(0)} ms: ${(e as Error).cause ?? e}`);
    });
    await res.arrayBuffer();
    out.push(performance.now() - t);
    if (res.status !== 200) throw new Error(`read request answered ${res.status}`);
  }
}

export async function run(): Promise<void> {
  console.log('== server (reads while pathological uploads are analysed)');
  const dir = mkdtempSync(join(tmpdir(), 'mikata-bench-server-'));
  const db = join(dir, 'corpus.db');
  const corpus = await Corpus.open({ db, create: true });
  const docs = Array.from({ length: 60 }, (_, i) => generateCommentary(900 + i, 6000));
  const added = await corpus.addSources(docs.map((d, i) => ({ source: { text: d.text, format: 'text' as const }, name: `c${i}.txt` })));
  const refs = added.map((o) => o.document!.id);
  await corpus.close();

  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'src/cli/main.ts'), 'serve', '--db', db, '--port', '0', '--analysis-timeout', String(ANALYSIS_TIMEOUT_S)], {
    cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_OPTIONS: '' },
  });
  let serverLog = '';
  child.stderr!.on('data', (d: Buffer) => { serverLog = (serverLog + d.toString()).slice(-4000); });
  try {
    const base = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /mikata workbench: (http:\/\/\S+?)\/?(?:#|\s)/.exec(out);
        if (m) resolve(m[1]!);
      });
      child.on('exit', (code) => reject(new Error(`serve exited with ${code}`)));
    });
    const paths = ['/api/session', '/api/documents?limit=50', ...refs.slice(0, 5).map((r) => `/api/documents/${r}`), '/api/experts', '/api/search?q=%E5%8D%94%E5%8A%9B', '/api/timeline'];
    // Warm the cache and the code paths.
    for (const p of paths) await (await fetch(base + p)).arrayBuffer();

    const baseline: number[] = [];
    const stopAt = performance.now() + BASELINE_S * 1000;
    await Promise.all(Array.from({ length: CLIENTS }, () => readLoop(base, paths, () => performance.now() > stopAt, baseline)));

    const shapes: [string, number][] = [['200 KB', 200 * 1024], ['10 MB', 10 * 1024 * 1024]];
    const loaded: number[] = [];
    let pending = shapes.length;
    const started = performance.now();
    const uploads = shapes.map(async ([label, bytes]) => {
      const text = pathologicalText(bytes);
      const form = new FormData();
      form.append('file', new File([text], `pathological-${label.replace(' ', '')}.txt`));
      const t = performance.now();
      const res = await fetch(`${base}/api/documents`, { method: 'POST', body: form }).catch((e) => {
        throw new Error(`the ${label} upload failed after ${((performance.now() - t) / 1000).toFixed(1)} s: ${(e as Error).cause ?? e}`);
      });
      const body = (await res.json()) as { results?: { status: string; code?: string; reason?: string }[] };
      pending--;
      const r = body.results?.[0];
      return `${label.padEnd(7)} upload: ${res.status} ${r?.status ?? ''}${r?.code ? ` ${r.code}` : ''} after ${((performance.now() - t) / 1000).toFixed(1)} s${r?.reason ? ` (${r.reason})` : ''}`;
    });
    const outcomes = await Promise.all([...uploads, ...Array.from({ length: CLIENTS }, () => readLoop(base, paths, () => pending === 0, loaded).then(() => null))]).then((xs) => xs.filter((x): x is string => x !== null));
    const phase = (performance.now() - started) / 1000;

    const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
    const hwm = /VmHWM:\s+(\d+)/.exec(status)?.[1];
    console.log(show('baseline (nothing else)', baseline));
    console.log(show(`during the uploads (${phase.toFixed(1)} s)`, loaded));
    const p95 = (xs: number[]) => percentile([...xs].sort((a, b) => a - b), 95);
    console.log(`p95 ratio                  ${(p95(loaded) / p95(baseline)).toFixed(2)}× the baseline  (target: p95 under 100 ms while the uploads run)`);
    for (const line of outcomes) console.log(line);
    console.log(`server peak memory (VmHWM) ${hwm ? Math.round(Number(hwm) / 1024) : '?'} MB, analysis in a pool of worker threads, deadline ${ANALYSIS_TIMEOUT_S} s per file`);
  } catch (e) {
    await new Promise((resolve) => setTimeout(resolve, 3000));
    console.log(`the run failed: ${(e as Error).message}; the server said: ${serverLog.trim() || '(nothing)'}; exit ${child.exitCode ?? child.signalCode ?? 'still running'}`);
  } finally {
    child.kill('SIGTERM');
    if (child.exitCode === null && child.signalCode === null) await new Promise((resolve) => child.once('exit', resolve));
    rmSync(dir, { recursive: true, force: true });
  }
}
