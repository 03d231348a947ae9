/**
 * Body limits (issue 14, case 4): every route refuses a body over its ceiling before reading it, by its
 * Content-Length, and counts a chunked body as it streams; an upload's per-file limit holds while the file
 * streams, so a file over it is never buffered whole.
 */
import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { createApp } from '../../src/server/app.ts';
import { DEFAULT_MAX_JSON_BYTES } from '../../src/server/body-limit.ts';
import { startServer, type RunningServer } from '../../src/server/node.ts';
import { boundaryOf, parsePartHeaders, readUpload, type UploadedFile } from '../../src/server/upload-stream.ts';
import { createTestCorpus, type TestCorpus } from './_corpus.ts';

type Json = any;

let t: TestCorpus;
let app: ReturnType<typeof createApp>;
before(async () => {
  t = await createTestCorpus();
  app = createApp({ corpus: t.corpus, cache: { probeEveryMs: 0 }, log: () => {}, maxUploadBytes: 1024 * 1024, maxUploadFiles: 200 });
});
after(async () => t.dispose());

/** A body of `total` bytes made lazily in `chunk`-sized pieces of one reused buffer; counts what was pulled. */
function lazyBody(parts: (Uint8Array | { repeat: Uint8Array; times: number })[]): { stream: ReadableStream<Uint8Array>; pulled: () => number } {
  let pulled = 0;
  let i = 0;
  let left = -1;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      for (;;) {
        const part = parts[i];
        if (!part) return controller.close();
        if (part instanceof Uint8Array) {
          i++;
          pulled += part.byteLength;
          return controller.enqueue(part);
        }
        if (left < 0) left = part.times;
        if (left === 0) {
          i++;
          left = -1;
          continue;
        }
        left--;
        pulled += part.repeat.byteLength;
        return controller.enqueue(part.repeat);
      }
    },
  }, { highWaterMark: 0 });
  return { stream, pulled: () => pulled };
}

const enc = (s: string) => new TextEncoder().encode(s);

describe('JSON routes', () => {
  const routes = ['/api/documents/x/corrections', '/api/corrections/c1/withdraw', '/api/identities/merge', '/api/identities/split', '/api/identities/dismiss', '/api/ach', '/api/ach/m1/evidence', '/api/no-such-route'];

  test('a declared Content-Length over the limit is refused with 413 before the body is read', async () => {
    for (const path of routes) {
      let pulled = false;
      // No high-water mark: the stream is pulled only when someone reads it.
      const body = new ReadableStream<Uint8Array>({ pull() { pulled = true; throw new Error('the body must not be read'); } }, { highWaterMark: 0 });
      const res = await app.request(path, {
        method: 'POST', body, duplex: 'half',
        headers: { 'content-type': 'application/json', 'content-length': String(400 * 1024 * 1024) },
      } as RequestInit);
      assert.equal(res.status, 413, path);
      const json: Json = await res.json();
      assert.equal(json.error.code, 'E_TOO_LARGE');
      assert.match(json.error.message, /larger than the 256 KiB JSON body limit/);
      assert.equal(res.headers.get('connection'), 'close');
      assert.equal(pulled, false, `${path}: nothing was read`);
    }
  });

  test('a chunked body is cut off at the limit: no more than one chunk past it is read', async () => {
    const chunk = enc('['.padEnd(64 * 1024, ' '));
    const { stream, pulled } = lazyBody([{ repeat: chunk, times: 128 }]); // 8 MiB if read to the end
    const res = await app.request(`/api/documents/${t.refs['black-sea.txt']}/corrections`, {
      method: 'POST', body: stream, duplex: 'half', headers: { 'content-type': 'application/json' },
    } as RequestInit);
    assert.equal(res.status, 413);
    assert.equal(((await res.json()) as Json).error.code, 'E_TOO_LARGE');
    assert.ok(pulled() <= DEFAULT_MAX_JSON_BYTES + 2 * chunk.byteLength, `read ${pulled()} bytes`);
  });

  test('a body within the limit still works, and a bad Content-Length is a 400', async () => {
    const ok = await app.request('/api/identities/dismiss', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ a: 'nobody', b: 'nobody else' }) });
    assert.ok(ok.status === 404 || ok.status === 400, `a small body reaches the route (${ok.status})`);
    const bad = await app.request('/api/identities/dismiss', { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': 'lots' }, body: '{}' });
    assert.equal(bad.status, 400);
  });
});

describe('uploads', () => {
  test('a file over the per-file limit is dropped while it streams, never buffered whole', async () => {
    const boundary = 'mikataTestBoundary42';
    const head = enc(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.txt"\r\nContent-Type: text/plain\r\n\r\n`);
    const tail = enc(`\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="small.txt"\r\n\r\n黒海の港湾について、研究者は防空網の空白を指摘する。\r\n--${boundary}--\r\n`);
    const filler = enc('あ'.repeat(64 * 1024 / 3 | 0));
    // 96 MiB of file through a 1 MiB-per-file limit (the request limit is 200 files × 1 MiB).
    const { stream, pulled } = lazyBody([head, { repeat: filler, times: Math.ceil((96 * 1024 * 1024) / filler.byteLength) }, tail]);
    let peak = 0;
    const base = process.memoryUsage().arrayBuffers;
    const sampler = setInterval(() => { peak = Math.max(peak, process.memoryUsage().arrayBuffers - base); }, 5);
    const res = await app.request('/api/documents', {
      method: 'POST', body: stream, duplex: 'half', headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    } as RequestInit);
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().arrayBuffers - base);
    const json: Json = await res.json();
    assert.equal(res.status, 200, JSON.stringify(json));
    assert.equal(json.results[0].status, 'failed');
    assert.equal(json.results[0].code, 'E_TOO_LARGE');
    assert.match(json.results[0].reason, /larger than the 1 MiB limit/);
    assert.equal(json.results[1].status, 'added');
    assert.ok(pulled() > 90 * 1024 * 1024, 'the whole request was read through');
    assert.ok(peak < 48 * 1024 * 1024, `held at most ${Math.round(peak / 1048576)} MiB of buffers while streaming 96 MiB`);
  });

  test('an upload whose Content-Length passes the request limit is refused before it is read', async () => {
    let pulled = false;
    const body = new ReadableStream<Uint8Array>({ pull() { pulled = true; throw new Error('the body must not be read'); } }, { highWaterMark: 0 });
    const res = await app.request('/api/documents', {
      method: 'POST', body, duplex: 'half',
      headers: { 'content-type': 'multipart/form-data; boundary=x', 'content-length': String(201 * 1024 * 1024) },
    } as RequestInit);
    assert.equal(res.status, 413);
    assert.match(((await res.json()) as Json).error.message, /upload limit/);
    assert.equal(pulled, false);
  });

  test('a chunked upload is cut off at the request limit', async () => {
    const small = createApp({ corpus: t.corpus, log: () => {}, maxUploadBytes: 64 * 1024, maxUploadFiles: 2 });
    const boundary = 'b0undary';
    const filler = enc('x'.repeat(32 * 1024));
    const { stream, pulled } = lazyBody([enc(`--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\n`), { repeat: filler, times: 1000 }]);
    const res = await small.request('/api/documents', { method: 'POST', body: stream, duplex: 'half', headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } } as RequestInit);
    assert.equal(res.status, 413);
    assert.ok(pulled() <= 2 * 64 * 1024 + 64 * 1024 + 2 * filler.byteLength, `read ${pulled()} bytes`);
  });

  test('a body whose connection breaks mid-way is a 400, not a server error', async () => {
    const logged: string[] = [];
    const quiet = createApp({ corpus: t.corpus, log: (m) => logged.push(m) });
    let sent = 0;
    const broken = () => new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 2) controller.enqueue(enc('--b\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\nabc'));
        else controller.error(new Error('socket hang up'));
      },
    }, { highWaterMark: 0 });
    const up = await quiet.request('/api/documents', { method: 'POST', body: broken(), duplex: 'half', headers: { 'content-type': 'multipart/form-data; boundary=b' } } as RequestInit);
    assert.equal(up.status, 400);
    sent = 0;
    const js = await quiet.request('/api/identities/merge', { method: 'POST', body: broken(), duplex: 'half', headers: { 'content-type': 'application/json' } } as RequestInit);
    assert.equal(js.status, 400);
    assert.deepEqual(logged, [], 'nothing for the server log');
  });

  test('a multipart body cut short, or without a boundary, is a 400', async () => {
    const cut = await app.request('/api/documents', { method: 'POST', body: '--zz\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\nabc', headers: { 'content-type': 'multipart/form-data; boundary=zz' } });
    assert.equal(cut.status, 400);
    const none = await app.request('/api/documents', { method: 'POST', body: 'abc', headers: { 'content-type': 'multipart/form-data; charset=utf-8' } });
    assert.equal(none.status, 400);
  });
});

describe('the multipart reader', () => {
  test('finds the same files however the body is cut into chunks', async () => {
    const boundary = '----formdata-test-7f3a';
    const files = [
      { name: '報告.txt', body: 'ポペスクは掃海の協力が不可欠であると指摘する。\r\n--not-the-boundary\r\n' },
      { name: 'b.md', body: `# h\r\n\r\n\r\n--${boundary.slice(0, -1)}x\r\n` },
      { name: 'empty.txt', body: '' },
    ];
    const whole = enc(
      `preamble\r\n--${boundary}\r\nContent-Disposition: form-data; name="user"\r\n\r\nkato\r\n` +
      files.map((f) => `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${f.name}"\r\nContent-Type: text/plain\r\n\r\n${f.body}\r\n`).join('') +
      `--${boundary}--\r\nepilogue`,
    );
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 1, max: whole.length }), { maxLength: 12 }), async (cuts) => {
        const points = [...new Set([0, ...cuts, whole.length])].sort((a, b) => a - b);
        const chunks = points.slice(1).map((p, i) => whole.slice(points[i], p));
        const got: UploadedFile[] = [];
        const n = await readUpload(new Blob(chunks).stream(), `multipart/form-data; boundary=${boundary}`, { maxFileBytes: 1 << 20, maxFiles: 5, maxBodyBytes: 1 << 20 }, (f) => got.push(f));
        assert.equal(n, 3);
        assert.deepEqual(got.map((f) => [f.name, 'bytes' in f ? new TextDecoder().decode(f.bytes) : f.failure.code]), files.map((f) => [f.name, f.body]));
      }),
      { seed: 1414, numRuns: 60 },
    );
  });

  test('header parameters: quoted, escaped, RFC 5987 names; the boundary of a content type', () => {
    assert.deepEqual(parsePartHeaders('Content-Disposition: form-data; name="file"; filename="a \\"b\\".txt"'), { field: 'file', filename: 'a "b".txt' });
    assert.deepEqual(parsePartHeaders("content-disposition: form-data; name=file; filename=x.txt; filename*=UTF-8''%E6%B3%A8.txt"), { field: 'file', filename: '注.txt' });
    assert.deepEqual(parsePartHeaders('Content-Disposition: form-data; name="user"'), { field: 'user', filename: null });
    assert.equal(boundaryOf('multipart/form-data; boundary="a b"'), 'a b');
    assert.equal(boundaryOf('multipart/form-data; boundary=----x1'), '----x1');
    assert.equal(boundaryOf('multipart/form-data'), null);
  });
});

describe('over a socket', () => {
  let server: RunningServer;
  before(async () => { server = await startServer(app, { host: '127.0.0.1', port: 0 }); });
  after(async () => server.close());

  /** Sends headers and at most `send` bytes of the body, and waits for the response without sending more. */
  function declareOnly(path: string, headers: Record<string, string>, send: string): Promise<{ status: number; body: string }> {
    return new Promise((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port: server.port, path, method: 'POST', headers }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      req.write(send);
      // The rest of the declared body never comes: an answer can only be one given before reading it.
    });
  }

  test('a JSON route answers 413 to a declared 400 MB body without waiting for it', async () => {
    const r = await declareOnly('/api/identities/merge', { 'content-type': 'application/json', 'content-length': String(400 * 1024 * 1024) }, '{"keep":');
    assert.equal(r.status, 413);
    assert.equal(JSON.parse(r.body).error.code, 'E_TOO_LARGE');
  });

  test('the upload route answers 413 to a declared body over its limit without waiting for it', async () => {
    const r = await declareOnly('/api/documents', { 'content-type': 'multipart/form-data; boundary=q', 'content-length': String(1024 * 1024 * 1024) }, '--q\r\n');
    assert.equal(r.status, 413);
  });
});
