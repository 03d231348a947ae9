/** `mikata serve`: where it listens, when it refuses to, what it prints, and the token over a real socket. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { startServe } from '../../src/cli/commands/serve.ts';
import type { CommandIO } from '../../src/cli/io.ts';
import { runCli } from '../../src/cli/main.ts';
import { isLoopback } from '../../src/server/node.ts';

let dir: string;
before(() => { dir = mkdtempSync(join(tmpdir(), 'mikata-serve-')); });
after(() => rmSync(dir, { recursive: true, force: true }));

function io(env: Record<string, string | undefined> = {}): CommandIO & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { stdout: (s) => void out.push(s), stderr: (s) => void err.push(s), isTTY: false, env, cwd: dir, out, err };
}

const refusals: [string, string[], Record<string, string>, RegExp][] = [
  ['a public address without a token', ['--host', '0.0.0.0'], {}, /refusing to listen on 0\.0\.0\.0 without a token/],
  ['a LAN address without a token', ['--host', '192.168.1.20'], {}, /without a token.*--token or set MIKATA_TOKEN/],
  ['a short token', ['--token', 'abc'], {}, /token is too short/],
  ['a short token from the environment', ['--host', '0.0.0.0'], { MIKATA_TOKEN: 'short' }, /token is too short/],
  ['a port that is not one', ['--port', '70000'], {}, /--port: "70000" is not a port number/],
  ['an upload limit that is not one', ['--max-upload', 'lots'], {}, /--max-upload/],
  ['a worker count that is not one', ['--workers', '0'], {}, /--workers: "0" is not a number of workers from 1 to 32/],
  ['an analysis deadline that is not one', ['--analysis-timeout', 'soon'], {}, /--analysis-timeout: "soon" is not a time in seconds/],
  ['an analysis memory cap that is too small', ['--analysis-memory', '8'], {}, /--analysis-memory: "8" is not a size in MB from 64/],
];
for (const [what, args, env, message] of refusals) {
  test(`refuses ${what}`, async () => {
    const o = io(env);
    const code = await runCli(['serve', '--db', join(dir, 'never.db'), '--port', '0', ...args], o);
    assert.equal(code, 2);
    assert.match(o.err.join(''), message);
    assert.equal(o.out.join(''), '', 'nothing was started');
  });
}

test('a file that is not a corpus is refused with a clear error', async () => {
  const path = join(dir, 'notes.db');
  writeFileSync(path, 'these are my notes, not a database\n'.repeat(200));
  const o = io();
  const code = await runCli(['serve', '--db', path, '--port', '0'], o);
  assert.equal(code, 3);
  assert.match(o.err.join(''), /notes\.db/);
  assert.doesNotMatch(o.err.join(''), /\n\s+at /, 'no stack trace');
});

test('starts on loopback, prints the URL, serves the page and the API', async () => {
  const o = io();
  const serving = await startServe({ db: join(dir, 'corpus.db'), port: 0 }, o);
  try {
    assert.match(o.out.join(''), /^mikata workbench: http:\/\/127\.0\.0\.1:\d+\/\n/);
    assert.match(o.out.join(''), /corpus: .*corpus\.db \(local only\)/);
    assert.equal(serving.url, serving.server.url);
    const page = await fetch(serving.url);
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-security-policy') ?? '', /script-src 'self'/);
    const session = await (await fetch(`${serving.url}api/session`)).json();
    assert.equal(session.documents, 0);
    assert.equal(session.token, false);
  } finally {
    await serving.close();
  }
});

test('uploads are analysed by the worker pool, with the deadline and memory cap given', async () => {
  const o = io();
  const serving = await startServe({ db: join(dir, 'pooled.db'), port: 0, workers: 1, analysisTimeout: 30, analysisMemory: 256 }, o);
  try {
    assert.equal(serving.pool.size, 1);
    assert.equal(serving.pool.timeoutMs, 30_000);
    assert.equal(serving.pool.maxMemoryMb, 256);
    const form = new FormData();
    form.append('file', new File([new TextEncoder().encode('# 覚書\n\nブカレスト戦略研究所のヴラド・ポペスクは、航路の危険が残ると指摘する。\n')], 'memo.md'));
    const res = await fetch(`${serving.url}api/documents`, { method: 'POST', body: form });
    assert.equal(res.status, 200);
    assert.equal((await res.json()).results[0].status, 'added');
    assert.equal(serving.pool.counts.done, 1, 'analysed in a worker');
  } finally {
    await serving.close();
  }
});

test('with a token every API call must carry it; the printed URL hands it to the browser', async () => {
  const o = io({ MIKATA_TOKEN: 'a-long-enough-token' });
  const serving = await startServe({ db: join(dir, 'corpus.db'), port: 0, user: 'kato' }, o);
  try {
    assert.match(serving.url, /#token=a-long-enough-token$/);
    assert.match(o.out.join(''), /#token=a-long-enough-token/);
    const base = serving.server.url;
    assert.equal((await fetch(`${base}api/session`)).status, 401);
    assert.equal((await fetch(`${base}api/session`, { headers: { authorization: 'Bearer wrong-token-here' } })).status, 401);
    const ok = await fetch(`${base}api/session`, { headers: { authorization: 'Bearer a-long-enough-token' } });
    assert.equal(ok.status, 200);
    assert.equal((await ok.json()).user, 'kato');
    assert.equal((await fetch(base)).status, 200, 'the page loads, then asks for the token');
  } finally {
    await serving.close();
  }
});

test('a port in use is reported, and the corpus is closed again', async () => {
  const blocker = createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  const port = (blocker.address() as { port: number }).port;
  try {
    const o = io();
    const code = await runCli(['serve', '--db', join(dir, 'corpus.db'), '--port', String(port)], o);
    assert.equal(code, 2);
    assert.match(o.err.join(''), new RegExp(`port ${port} on 127\\.0\\.0\\.1 is in use`));
  } finally {
    await new Promise((resolve) => blocker.close(resolve));
  }
});

const loopbacks: [string, boolean][] = [
  ['127.0.0.1', true], ['127.1.2.3', true], ['localhost', true], ['::1', true], ['[::1]', true],
  ['0.0.0.0', false], ['::', false], ['192.168.1.2', false], ['example.org', false], ['127.0.0.1.example.org', false],
];
for (const [host, expected] of loopbacks) {
  test(`isLoopback(${host}) is ${expected}`, () => assert.equal(isLoopback(host), expected));
}
