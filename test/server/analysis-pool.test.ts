/**
 * The analysis pool (issue 14): uploads are read and analysed in worker threads with a deadline and a memory
 * cap, so that one large or slow document cannot stall other requests, and a job that is given up on stores
 * nothing.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { AnalysisPool, defaultPoolSize, isPoolError } from '../../src/server/analysis-pool.ts';
import { STORE_LIMITS } from '../../src/store/limits.ts';
import { createApp } from '../../src/server/app.ts';
import { startServer, type RunningServer } from '../../src/server/node.ts';
import { FIXTURE_DIR } from '../../scripts/make-doc-fixtures.ts';
import { createTestCorpus, type TestCorpus } from './_corpus.ts';
import { BLACK_SEA_JA } from './_texts.ts';

type Json = any;
const TEST_WORKER = new URL('./_pool-worker.ts', import.meta.url);
const enc = (s: string) => new TextEncoder().encode(s);

function job(name: string, text = 'x') {
  return { bytes: enc(text), name, maxBytes: 1 << 20 };
}

async function rejectsWith(p: Promise<unknown>, code: string, message: RegExp): Promise<void> {
  await assert.rejects(p, (e: Error & { code?: string }) => {
    assert.equal(e.code, code, e.message);
    assert.match(e.message, message);
    assert.doesNotMatch(e.message, /\n/);
    return true;
  });
}

describe('the pool', () => {
  test('its size comes from the cores: at least 2 on two cores, at most 4', () => {
    assert.deepEqual([1, 2, 3, 4, 8, 64].map((n) => defaultPoolSize(n)), [1, 2, 2, 3, 4, 4]);
  });

  test('reads and analyses text and PDF in a worker; a file that is not a document is an IngestError', async () => {
    const pool = new AnalysisPool({ size: 1 });
    try {
      const { source, analysis } = await pool.run(job('black-sea.txt', BLACK_SEA_JA));
      assert.equal(source.text, BLACK_SEA_JA);
      assert.ok(analysis.people.some((p) => p.name.includes('ポペスク')));
      assert.ok(analysis.attributions.length > 3);
      const pdf = await pool.run({ bytes: new Uint8Array(readFileSync(join(FIXTURE_DIR, 'commentary-ja.pdf'))), name: 'c.pdf', maxBytes: 20 << 20 });
      assert.equal(pdf.source.format, 'pdf');
      assert.ok(pdf.analysis.footnotes.length >= 30);
      await assert.rejects(pool.run(job('empty.txt', '')), { name: 'IngestError', code: 'E_EMPTY', message: 'empty.txt: the file is empty' });
      assert.equal(pool.counts.workers, 1, 'one worker did all three');
    } finally {
      await pool.close();
    }
  });

  test('a worker keeps its state across jobs', async () => {
    const pool = new AnalysisPool({ size: 1, module: TEST_WORKER });
    try {
      const seen = [];
      for (let i = 0; i < 2; i++) seen.push((await pool.run(job(`count-${i}.txt`))).source.text);
      await pool.run(job('real.txt', BLACK_SEA_JA));
      seen.push((await pool.run(job('count-3.txt'))).source.text);
      assert.deepEqual(seen, ['jobs before this one: 0', 'jobs before this one: 1', 'jobs before this one: 3, analyzer kept']);
    } finally {
      await pool.close();
    }
  });

  test('claims past the corpus limit are dropped in the worker, before the analysis reaches the server', { timeout: 60_000 }, async () => {
    const pool = new AnalysisPool({ size: 1 });
    try {
      // A claim on every line, more lines than the corpus keeps claims of one document.
      const lines = STORE_LIMITS.maxClaims + 2_000;
      const text = Array.from({ length: lines }, (_, i) => `港湾研究所の森井拓也主任研究員は「桟橋の改修は${i}番目の工区に入った」と述べた。`).join('\n');
      const { analysis } = await pool.run({ bytes: enc(text), name: 'many.txt', maxBytes: 8 << 20 });
      assert.ok(analysis.attributions.length + analysis.unattributed.length <= STORE_LIMITS.maxClaims, `${analysis.attributions.length} claims came back`);
      assert.ok(analysis.attributions.length > STORE_LIMITS.maxClaims / 2, 'the first claims are kept');
      assert.ok(analysis.messages.some((m) => m.ruleId === 'store-limits'), 'the analysis says claims were dropped');
    } finally {
      await pool.close();
    }
  });

  test('an analysis many times the size of its text is refused in the worker, before it reaches the server', async () => {
    const pool = new AnalysisPool({ size: 1, module: TEST_WORKER });
    try {
      const text = `${BLACK_SEA_JA}\n${'追記。'.repeat(40_000)}`;
      await rejectsWith(pool.run(job('bloat.txt', text)), 'E_TOO_LARGE', /^bloat\.txt: its analysis would be more than 40 times the size of its text; refused \(nothing was stored\)$/);
      assert.ok((await pool.run(job('fine.txt', text))).analysis.people.length > 0, 'the same text with an ordinary analysis passes');
    } finally {
      await pool.close();
    }
  });

  test('a job past its deadline fails with E_TIMEOUT, and the next job gets a fresh worker', async () => {
    const pool = new AnalysisPool({ size: 1, module: TEST_WORKER, timeoutMs: 300 });
    try {
      await rejectsWith(pool.run(job('spin.txt')), 'E_TIMEOUT', /took longer than 300 ms; gave up \(nothing was stored\)/);
      assert.equal(pool.counts.timedOut, 1);
      assert.equal((await pool.run(job('count.txt'))).source.text, 'jobs before this one: 0', 'a new worker');
      assert.equal(pool.counts.workers, 2);
    } finally {
      await pool.close();
    }
  });

  test('a job that needs more than the heap cap fails with E_TOO_LARGE', async () => {
    const pool = new AnalysisPool({ size: 1, module: TEST_WORKER, maxMemoryMb: 48 });
    try {
      await rejectsWith(pool.run(job('hog.txt')), 'E_TOO_LARGE', /needs more than 48 MB of memory/);
      assert.equal((await pool.run(job('count.txt'))).source.text, 'jobs before this one: 0');
    } finally {
      await pool.close();
    }
  });

  test('past its queue it refuses at once with E_BUSY; closing fails what waits', async () => {
    const gate = new SharedArrayBuffer(4);
    const pool = new AnalysisPool({ size: 1, module: TEST_WORKER, maxQueue: 1, workerData: { gate } });
    const started = new Promise<void>((resolve) => pool.onStart(() => resolve()));
    const running = pool.run(job('block.txt'));
    await started;
    const waiting = pool.run(job('count.txt'));
    await rejectsWith(pool.run(job('count-2.txt')), 'E_BUSY', /analysing 2 files already/);
    const closing = pool.close();
    await rejectsWith(waiting, 'E_CLOSED', /shutting down/);
    await rejectsWith(running, 'E_CLOSED', /shutting down/);
    await closing;
    assert.ok(isPoolError(await pool.run(job('x.txt')).catch((e) => e)));
  });
});

describe('the server with a pool', () => {
  let t: TestCorpus;
  let server: RunningServer;
  let pool: AnalysisPool;
  const gate = new SharedArrayBuffer(4);
  const logged: string[] = [];

  before(async () => {
    t = await createTestCorpus();
    // The cap leaves room for the Japanese analyser's dictionary (about 250 MB once loaded in a worker).
    pool = new AnalysisPool({ size: 2, module: TEST_WORKER, workerData: { gate }, maxMemoryMb: 512 });
    const app = createApp({ corpus: t.corpus, pool, cache: { probeEveryMs: 0 }, log: (m) => logged.push(m) });
    server = await startServer(app, { host: '127.0.0.1', port: 0 });
  });
  after(async () => {
    Atomics.store(new Int32Array(gate), 0, 1);
    Atomics.notify(new Int32Array(gate), 0);
    await server.close();
    await pool.close();
    await t.dispose();
  });

  const url = (path: string) => new URL(path, server.url).href;
  function upload(name: string, text: string): Promise<{ status: number; body: Json }> {
    const form = new FormData();
    form.append('file', new File([enc(text)], name));
    return fetch(url('/api/documents'), { method: 'POST', body: form }).then(async (res) => ({ status: res.status, body: await res.json() }));
  }
  async function documentCount(): Promise<number> {
    return ((await (await fetch(url('/api/session'))).json()) as Json).documents;
  }

  test('while one upload is being analysed, other requests and other uploads are answered', async () => {
    const before = await documentCount();
    const started = new Promise<void>((resolve) => { const off = pool.onStart((name) => { if (name === 'block-large.txt') { off(); resolve(); } }); });
    let bigDone = false;
    // Its own title, so that it is a new document rather than a new version of black-sea.txt.
    const big = upload('block-large.txt', `長い文書の代わり —— 別の題\n\n${BLACK_SEA_JA}\n追記:長い文書の代わり。\n`).then((r) => { bigDone = true; return r; });
    await started;

    // A bounded number of requests on loopback, each answered while the big analysis still holds its worker.
    const paths = ['/api/session', '/api/documents', `/api/documents/${t.refs['black-sea.txt']}`, '/api/experts', '/api/search?q=%E9%BB%92%E6%B5%B7', '/api/timeline'];
    for (let round = 0; round < 5; round++) {
      const answers = await Promise.all(paths.map((p) => fetch(url(p)).then(async (res) => { await res.arrayBuffer(); return [p, res.status] as const; })));
      for (const [p, status] of answers) assert.equal(status, 200, p);
    }
    // Another upload goes to the other worker and is stored before the big one ends.
    const small = await upload('note.md', '# 覚書\n\nイスタンブール海洋研究センター所長のケマル・アイドゥンは、海峡の通航が安定していると述べた。\n');
    assert.equal(small.status, 200, JSON.stringify(small.body));
    assert.equal(small.body.results[0].status, 'added');
    assert.equal(bigDone, false, 'the big analysis was still running throughout');
    assert.equal(pool.busy, 1);

    Atomics.store(new Int32Array(gate), 0, 1);
    Atomics.notify(new Int32Array(gate), 0);
    const r = await big;
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.results[0].status, 'added');
    assert.equal(await documentCount(), before + 2);
  });

  test('an analysis past its deadline is a 422 with a clear reason, and stores nothing', async () => {
    const before = await documentCount();
    const quick = new AnalysisPool({ size: 1, module: TEST_WORKER, timeoutMs: 2_000 });
    const app = createApp({ corpus: t.corpus, pool: quick, log: (m) => logged.push(m) });
    const form = new FormData();
    form.append('file', new File([enc('どの解析も終わらない文書。')], 'spin.txt'));
    const res = await app.request('/api/documents', { method: 'POST', body: form });
    const r = { status: res.status, body: (await res.json()) as Json };
    await quick.close();
    assert.equal(r.status, 422);
    assert.deepEqual(r.body.results.map((x: Json) => [x.name, x.status, x.code]), [['spin.txt', 'failed', 'E_TIMEOUT']]);
    assert.match(r.body.results[0].reason, /took longer than 2 s; gave up \(nothing was stored\)/);
    assert.equal(await documentCount(), before);
    const reader = await fetch(url(`/api/documents/${t.refs['convoys.txt']}`));
    assert.equal(reader.status, 200, 'what was stored reads as before');
  });

  test('an analysis past its memory cap is a 413; the other files of the upload are stored', async () => {
    const before = await documentCount();
    const form = new FormData();
    form.append('file', new File([enc('重い')], 'hog.txt'));
    form.append('file', new File([enc('ソフィア大学教授のダリナ・イリエヴァは、保険料の高騰が障害だと分析している。')], 'light.txt'));
    const res = await fetch(url('/api/documents'), { method: 'POST', body: form });
    const body: Json = await res.json();
    assert.equal(res.status, 200);
    assert.deepEqual(body.results.map((x: Json) => [x.status, x.code ?? null]), [['failed', 'E_TOO_LARGE'], ['added', null]]);
    assert.match(body.results[0].reason, /needs more than 512 MB of memory/);
    assert.equal(await documentCount(), before + 1);
    const alone = await upload('hog-2.txt', 'x');
    assert.equal(alone.status, 413);
  });
});
