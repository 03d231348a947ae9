/**
 * Fuzzing the HTTP API (issue 14): fast-check makes requests (methods, paths with odd segments, query
 * strings, headers, and bodies: bytes, JSON, multipart) for every route, and raw bytes go to a real socket.
 * What must hold: no 5xx but the documented ones (503 busy), every /api error in the one JSON shape with a
 * one-line message, the server still answering, and every document stored before still there and readable.
 * Seeds are pinned; each property runs for a few seconds at most.
 */
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import { createApp } from '../../src/server/app.ts';
import { startServer, type RunningServer } from '../../src/server/node.ts';
import { createTestCorpus, type TestCorpus } from '../server/_corpus.ts';

type Json = any;
const BUDGET_MS = 5000;

let t: TestCorpus;
let app: ReturnType<typeof createApp>;
let storedBefore: Map<string, string>;
const logged: string[] = [];

async function documentsNow(): Promise<Map<string, string>> {
  const docs = await t.corpus.documents();
  const out = new Map<string, string>();
  for (const d of docs) out.set(d.ref, (await t.corpus.document(d.ref)).text);
  return out;
}

before(async () => {
  t = await createTestCorpus();
  app = createApp({ corpus: t.corpus, cache: { probeEveryMs: 0 }, log: (m) => logged.push(m), maxUploadBytes: 64 * 1024, maxUploadFiles: 3 });
  storedBefore = await documentsNow();
});
after(async () => t.dispose());

const ROUTES = [
  '/api/session', '/api/documents', '/api/documents/:id', '/api/documents/:id/corrections', '/api/corrections',
  '/api/corrections/:ref/withdraw', '/api/experts', '/api/experts/:name', '/api/people', '/api/identities/proposals',
  '/api/identities/merge', '/api/identities/split', '/api/identities/dismiss', '/api/identities/decisions', '/api/matrix',
  '/api/matrix/claims', '/api/timeline', '/api/network', '/api/search', '/api/export/brief.md', '/api/export/brief.html',
  '/api/export/claims.csv', '/', '/assets/:name', '/api/:name', '/:name',
];
const QUERY_KEYS = ['q', 'limit', 'offset', 'from', 'to', 'document', 'expert', 'speaker', 'lang', 'sort', 'language', 'all', 'experts', 'themes', 'theme'];

const segment = fc.oneof(
  fc.constantFrom('e1', 'e999', 'c1', 'c0', 'a1', '..', '.', '%2e%2e', '%00', '%ff', 'ポペスク', 'Popescu', 'Попеску', 'x'.repeat(300)),
  fc.string({ maxLength: 40 }).map(encodeURIComponent),
  fc.string({ unit: 'binary', maxLength: 20 }).map(encodeURIComponent),
);
const queryValue = fc.oneof(
  fc.constantFrom('', '0', '-1', '1e9', '2024', '2024-13-45', '2024-02-30', 'NaN', 'ja', 'en', 'date', 'true', '%', '黒海'),
  fc.string({ maxLength: 30 }),
  fc.integer().map(String),
);
const path = fc.tuple(fc.constantFrom(...ROUTES), fc.array(segment, { minLength: 3, maxLength: 3 }), fc.array(fc.tuple(fc.constantFrom(...QUERY_KEYS), queryValue), { maxLength: 4 })).map(
  ([route, segs, query]) => {
    let i = 0;
    const p = route.replace(/:(\w+)/g, () => segs[i++]!);
    const q = query.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
    return q ? `${p}?${q}` : p;
  },
);

const correctionLike = fc.record(
  {
    action: fc.constantFrom('accept', 'reject', 'edit', 'add', 'delete', ''),
    attribution: fc.oneof(fc.constantFrom('a1', 'a2', 'xc1'), fc.string({ maxLength: 50 })),
    speakers: fc.array(fc.string({ maxLength: 30 }), { maxLength: 3 }),
    span: fc.record({ start: fc.integer({ min: -5, max: 100_000 }), end: fc.integer({ min: -5, max: 100_000 }) }),
    quote: fc.string({ maxLength: 60 }),
    kind: fc.constantFrom('quote', 'reported', 'according_to', 'other'),
    keep: fc.constantFrom('e1', 'e2', 'ポペスク', 'nobody'),
    fold: fc.constantFrom('e1', 'e3', 'アイドゥン', 'nobody'),
    identity: fc.constantFrom('e1', 'e2'),
    forms: fc.array(fc.string({ maxLength: 20 }), { maxLength: 3 }),
    a: fc.constantFrom('e1', 'e2'),
    b: fc.constantFrom('e2', 'e3'),
    by: fc.string({ maxLength: 20 }),
  },
  { requiredKeys: [] },
);

const multipart = fc.tuple(fc.array(fc.tuple(fc.constantFrom('file', 'other', ''), fc.constantFrom('a.txt', 'b.md', 'c.pdf', 'd.docx', 'e.exe', '', '../x.html'), fc.uint8Array({ maxLength: 2000 })), { maxLength: 4 }), fc.boolean()).map(([parts, cut]) => {
  const boundary = 'fuzzBoundary';
  const enc = new TextEncoder();
  const chunks: Uint8Array[] = [];
  for (const [field, name, bytes] of parts) {
    chunks.push(enc.encode(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${name}"\r\n\r\n`), bytes, enc.encode('\r\n'));
  }
  if (!cut) chunks.push(enc.encode(`--${boundary}--\r\n`));
  return { type: `multipart/form-data; boundary=${boundary}`, body: new Uint8Array(Buffer.concat(chunks)) };
});

const body = fc.oneof(
  fc.constant(null),
  fc.uint8Array({ maxLength: 3000 }).map((b) => ({ type: fc.sample(fc.constantFrom('application/json', 'text/plain', 'application/octet-stream'), { seed: b.length, numRuns: 1 })[0]!, body: b })),
  fc.json({ maxDepth: 4 }).map((j) => ({ type: 'application/json', body: new TextEncoder().encode(j) })),
  correctionLike.map((c) => ({ type: 'application/json; charset=utf-8', body: new TextEncoder().encode(JSON.stringify(c)) })),
  multipart,
);

const headers = fc.record(
  {
    // Mostly what the workbench sends, so that most requests get past the host and origin checks.
    host: fc.constantFrom('localhost', 'localhost', '127.0.0.1:7337', '[::1]', 'evil.example', ''),
    origin: fc.constantFrom('http://localhost', 'http://localhost', 'http://localhost', 'null', 'http://evil.example', 'not a url'),
    'sec-fetch-site': fc.constantFrom('same-origin', 'same-origin', 'same-origin', 'cross-site', 'none'),
    authorization: fc.constantFrom('Bearer x', 'Basic abc', ''),
    'content-length': fc.constantFrom('0', '5', '99999999999', '-1', 'abc'),
    accept: fc.constantFrom('*/*', 'text/html', 'application/json'),
  },
  { requiredKeys: [] },
);

test('fast-check: random requests to every route never give an undocumented 5xx, and lose nothing stored', async () => {
  let n = 0;
  await fc.assert(
    fc.asyncProperty(fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS'), path, headers, body, async (method, p, h, b) => {
      n++;
      const init: RequestInit & { duplex?: string } = { method, headers: { ...h } };
      if (b && method !== 'GET' && method !== 'HEAD') {
        (init.headers as Record<string, string>)['content-type'] = b.type;
        init.body = b.body;
      } else {
        delete (init.headers as Record<string, string>)['content-length'];
      }
      let res: Response;
      try {
        res = await app.request(p, init);
      } catch (e) {
        // The fetch API itself refuses some combinations (a body with a bad Content-Length): not the server's doing.
        if (e instanceof TypeError) return;
        throw e;
      }
      const text = method === 'HEAD' ? '' : await res.text();
      assert.ok(res.status < 500 || res.status === 503, `${method} ${p}: ${res.status} ${text.slice(0, 300)}`);
      // The path as the server sees it (the URL parser folds /api/.. to /).
      if (new URL(p, 'http://localhost').pathname.startsWith('/api/') && res.status >= 400 && method !== 'HEAD') {
        const json: Json = JSON.parse(text);
        assert.equal(typeof json.error?.code, 'string', `${method} ${p}: error shape`);
        assert.doesNotMatch(json.error.message, /\n|\bat .*:\d+:\d+/, 'one line, no stack');
      }
    }),
    { seed: 14_2026, numRuns: 2000, interruptAfterTimeLimit: BUDGET_MS, markInterruptAsFailure: false },
  );
  assert.ok(n >= 50, `ran ${n} requests`);
  assert.deepEqual(logged.filter((m) => m.startsWith('internal error')), [], 'nothing reached the 500 handler');
  const now = await documentsNow();
  for (const [ref, text] of storedBefore) assert.equal(now.get(ref), text, `document ${ref} is still there, unchanged`);
});

test('raw bytes on a socket: the server survives them and answers the next request', async () => {
  const server: RunningServer = await startServer(app, { host: '127.0.0.1', port: 0 });
  try {
    const payloads = fc.sample(
      fc.oneof(
        fc.uint8Array({ minLength: 1, maxLength: 4096 }),
        fc.string({ maxLength: 300 }).map((s) => new TextEncoder().encode(`POST /api/identities/merge HTTP/1.1\r\nHost: localhost\r\n${s}\r\n\r\n`)),
        fc.constantFrom(
          'GET / HTTP/1.1\r\nHost: localhost\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n',
          'POST /api/documents HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\nContent-Type: multipart/form-data; boundary=z\r\n\r\nffffffff\r\n--z\r\n',
          `GET /${'a'.repeat(70_000)} HTTP/1.1\r\nHost: localhost\r\n\r\n`,
          `GET / HTTP/1.1\r\n${'X-A: b\r\n'.repeat(5000)}\r\n`,
        ).map((s) => new TextEncoder().encode(s)),
      ),
      { seed: 7, numRuns: 40 },
    );
    for (const bytes of payloads) {
      await new Promise<void>((resolve) => {
        const socket = connect(server.port, '127.0.0.1', () => socket.end(bytes));
        socket.on('data', () => {});
        socket.on('error', () => resolve());
        socket.on('close', () => resolve());
        socket.setTimeout(3000, () => socket.destroy());
      });
    }
    const res = await fetch(`${server.url}api/session`);
    assert.equal(res.status, 200);
    assert.deepEqual(logged.filter((m) => m.startsWith('internal error')), [], 'broken requests are the client\'s fault, not internal errors');
    assert.equal(((await res.json()) as Json).documents >= storedBefore.size, true);
  } finally {
    await server.close();
  }
});
