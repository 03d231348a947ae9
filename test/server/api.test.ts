/**
 * The HTTP API through `app.request`, without a socket: every route, with good and bad input, the token,
 * the host and origin checks, the security headers and the error shape.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createApp, CONTENT_SECURITY_POLICY } from '../../src/server/app.ts';
import type { Corpus } from '../../src/store/corpus.ts';
import { createTestCorpus, type TestCorpus } from './_corpus.ts';

/** Response bodies, read loosely: the assertions say what they must hold. */
type Json = any;

const json = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

function upload(files: { name: string; bytes: Uint8Array | string }[]): RequestInit {
  const form = new FormData();
  for (const f of files) form.append('file', new File([(typeof f.bytes === 'string' ? new TextEncoder().encode(f.bytes) : f.bytes) as Uint8Array<ArrayBuffer>], f.name));
  return { method: 'POST', body: form };
}

async function call(app: ReturnType<typeof createApp>, path: string, init?: RequestInit): Promise<{ status: number; body: Json; res: Response }> {
  const res = await app.request(path, init);
  const text = await res.text();
  let body: Json = text;
  if ((res.headers.get('content-type') ?? '').includes('json')) body = JSON.parse(text);
  return { status: res.status, body, res };
}

/** Every error leaves as `{ error: { code, message } }` with a one-line message. */
function assertError(r: { status: number; body: Json }, status: number, code?: string): void {
  assert.equal(r.status, status, JSON.stringify(r.body));
  assert.equal(typeof r.body.error?.message, 'string');
  assert.doesNotMatch(r.body.error.message, /\n|at .*\(.*:\d+:\d+\)/, 'no stack trace in an error message');
  if (code) assert.equal(r.body.error.code, code);
}

function assertSpans(text: string, spans: { start: number; end: number; text: string }[]): void {
  for (const s of spans) {
    assert.ok(s.start >= 0 && s.start <= s.end && s.end <= text.length, `span [${s.start}, ${s.end})`);
    assert.equal(text.slice(s.start, s.end), s.text);
  }
}

let t: TestCorpus;
let app: ReturnType<typeof createApp>;
const logged: string[] = [];

before(async () => {
  t = await createTestCorpus();
  app = createApp({ corpus: t.corpus, user: 'tester', cache: { probeEveryMs: 0 }, log: (m) => logged.push(m) });
});
after(async () => t.dispose());

test('the public API of the server module', () => {
  assert.equal(typeof createApp, 'function');
  assert.match(CONTENT_SECURITY_POLICY, /script-src 'self'/);
  assert.doesNotMatch(CONTENT_SECURITY_POLICY, /unsafe-inline|unsafe-eval/);
  assert.throws(() => createApp({}), /give a corpus or a store/);
});

describe('pages and headers', () => {
  test('the page loads its script from /assets, with no inline script, and a CSP on every response', async () => {
    const page = await call(app, '/');
    assert.equal(page.status, 200);
    assert.equal(page.res.headers.get('content-security-policy'), CONTENT_SECURITY_POLICY);
    assert.equal(page.res.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(page.res.headers.get('x-frame-options'), 'DENY');
    const scripts = [...String(page.body).matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    assert.equal(scripts.length, 1);
    assert.match(scripts[0]![1]!, /src="\/assets\/app-[\w-]+\.js"/);
    assert.equal(scripts[0]![2], '', 'the script element has no inline body');
    assert.doesNotMatch(String(page.body), /\sstyle=|\son\w+=/i, 'no inline style or event handler attributes');

    const src = /src="\/assets\/([^"]+)"/.exec(String(page.body))![1]!;
    const asset = await app.request(`/assets/${src}`);
    assert.equal(asset.status, 200);
    assert.match(asset.headers.get('content-type')!, /javascript/);
    assert.equal(asset.headers.get('content-security-policy'), CONTENT_SECURITY_POLICY);
    const css = /href="\/assets\/([^"]+\.css)"/.exec(String(page.body))![1]!;
    assert.equal((await app.request(`/assets/${css}`)).headers.get('content-type'), 'text/css; charset=utf-8');
  });

  test('asset names never reach the file system', async () => {
    for (const path of ['/assets/nope.js', '/assets/..%2F..%2Fpackage.json', '/assets/%2E%2E%2Fserver%2Fapp.ts', '/assets/app.ts']) {
      const r = await app.request(path);
      assert.equal(r.status, 404, path);
    }
    assert.equal((await app.request('/../package.json')).status, 404);
  });

  test('unknown routes: JSON for the API, text for pages', async () => {
    assertError(await call(app, '/api/nothing'), 404, 'E_NOT_FOUND');
    const page = await app.request('/nothing');
    assert.equal(page.status, 404);
    assert.ok(page.headers.get('content-security-policy'), 'page.headers.get(\'content-security-policy\')');
  });

  test('API responses are not cached by the browser', async () => {
    assert.equal((await app.request('/api/session')).headers.get('cache-control'), 'no-store');
  });

  test('a failure inside the server is a 500 that hides its details', async () => {
    const broken = Object.create(t.corpus, { experts: { value: async () => { throw new Error('secret database detail'); } } }) as Corpus;
    const lines: string[] = [];
    const b = createApp({ corpus: broken, log: (m) => lines.push(m) });
    const r = await call(b, '/api/experts');
    assertError(r, 500, 'E_INTERNAL');
    assert.doesNotMatch(JSON.stringify(r.body), /secret/);
    assert.match(lines.join('\n'), /secret database detail/, 'the detail goes to the log');
  });
});

describe('session and documents', () => {
  test('GET /api/session', async () => {
    const r = await call(app, '/api/session');
    assert.equal(r.status, 200);
    assert.equal(r.body.user, 'tester');
    assert.equal(r.body.store, 'sqlite');
    assert.equal(r.body.documents, 3);
    assert.ok(r.body.upload.extensions.includes('.pdf'), 'r.body.upload.extensions.includes(\'.pdf\')');
    assert.equal(r.body.token, false);
  });

  test('GET /api/documents lists and filters', async () => {
    const all = await call(app, '/api/documents');
    assert.equal(all.status, 200);
    assert.equal(all.body.total, 3);
    const black = all.body.documents.find((d: Json) => d.name === 'black-sea.txt');
    assert.equal(black.language, 'ja');
    assert.ok(black.claims >= 5, `claims: ${black.claims}`);
    assert.equal(black.speakers, 3);

    assert.deepEqual((await call(app, '/api/documents?language=en')).body.documents.map((d: Json) => d.name), ['convoys.txt']);
    assert.deepEqual((await call(app, `/api/documents?q=${encodeURIComponent('黒海 沿岸国')}`)).body.documents.map((d: Json) => d.name), ['black-sea.txt']);
    assert.deepEqual((await call(app, '/api/documents?from=2025&to=2025-02')).body.documents.map((d: Json) => d.name), ['hostile.txt']);
    assert.deepEqual((await call(app, '/api/documents?sort=date&limit=1')).body.documents.map((d: Json) => d.name), ['convoys.txt']);
    assert.equal((await call(app, '/api/documents?limit=1&offset=2')).body.documents.length, 1);
  });

  for (const [query, field] of [['limit=0', 'limit'], ['limit=abc', 'limit'], ['offset=-1', 'offset'], ['language=fr', 'language'], ['from=2024-1', 'from'], ['sort=size', 'sort']]) {
    test(`GET /api/documents?${query} is a 400 naming ${field}`, async () => {
      const r = await call(app, `/api/documents?${query}`);
      assertError(r, 400, 'E_INVALID');
      assert.match(r.body.error.message, new RegExp(`^${field}:`));
    });
  }

  test('GET /api/documents/:id is the reader view, with valid spans', async () => {
    const r = await call(app, `/api/documents/${t.refs['black-sea.txt']}`);
    assert.equal(r.status, 200);
    const v = r.body;
    assert.equal(v.document.id, t.refs['black-sea.txt']);
    assert.equal(v.document.date, '2024-11-05');
    assert.ok(v.outline.some((s: Json) => s.heading === '(1)機雷と航路'), 'v.outline.some((s: Json) => s.heading === \'(1)機雷と航路\')');
    assert.deepEqual(v.footnotes.map((f: Json) => f.n), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    for (const f of v.footnotes) assert.equal(v.text.slice(f.start, f.end), String(f.n));
    assert.match(v.footnotes[1].note, /Mines and Grain/);
    assertSpans(v.text, v.attributions.map((a: Json) => a.content));
    assertSpans(v.text, v.attributions.filter((a: Json) => a.cue).map((a: Json) => a.cue));
    const popescu = v.attributions.find((a: Json) => a.content.text.includes('穀物輸送'));
    assert.equal(popescu.speakers[0].name, 'ヴラド・M・ポペスク');
    assert.equal(popescu.speakers[0].organization, 'ブカレスト戦略研究所');
    assert.equal(popescu.speakers[0].title, '上級研究員');
    assert.match(popescu.speakers[0].identity, /^e\d+$/);
    assert.equal(popescu.provenance, 'machine');
    assert.deepEqual(popescu.footnotes, [2]);
    const hedged = v.attributions.find((a: Json) => a.hedges.length > 0);
    assert.ok(hedged, 'a hedged claim (可能性がある)');
    assert.ok(v.unattributed.length >= 1, 'ある調査では… is kept as a sourced statement with no named source');
    assert.deepEqual(v.corrections, []);
  });

  test('GET /api/documents/:id finds a document by a ref prefix or its name, and 404s otherwise', async () => {
    assert.equal((await call(app, `/api/documents/${t.refs['convoys.txt']!.slice(0, 6)}`)).body.document.name, 'convoys.txt');
    assert.equal((await call(app, '/api/documents/convoys.txt')).status, 200);
    assertError(await call(app, '/api/documents/ffffffffffff'), 404, 'E_NOT_FOUND');
    assertError(await call(app, '/api/documents/..%2F..%2Fetc%2Fpasswd'), 404, 'E_NOT_FOUND');
  });
});

describe('uploads', () => {
  let u: TestCorpus;
  let up: ReturnType<typeof createApp>;
  before(async () => {
    u = await createTestCorpus({});
    up = createApp({ corpus: u.corpus, maxUploadBytes: 64 * 1024, maxUploadFiles: 3, cache: { probeEveryMs: 0 } });
  });
  after(async () => u.dispose());

  test('a text file is added, and the same text again is unchanged', async () => {
    const doc = '安全保障コメンタリー 第5号 2024年6月1日\n港湾の防護\nはじめに\nソフィア大学教授のダリナ・イリエヴァは、港湾の防空が不十分であると指摘する1。\n注\n1 テスト。\n';
    const first = await call(up, '/api/documents', upload([{ name: 'ports.txt', bytes: doc }]));
    assert.equal(first.status, 200);
    assert.equal(first.body.results[0].status, 'added');
    assert.equal(first.body.results[0].name, 'ports.txt');
    assert.match(first.body.results[0].document.id, /^[0-9a-f]{12}$/);
    const again = await call(up, '/api/documents', upload([{ name: 'ports-copy.txt', bytes: doc }]));
    assert.equal(again.body.results[0].status, 'unchanged');
    const list = await call(up, '/api/documents');
    assert.equal(list.body.total, 1);
  });

  test('a file name is a label: path segments and control characters are dropped', async () => {
    const r = await call(up, '/api/documents', upload([{ name: '../../etc/\u0007pass\u202ewd.md', bytes: '# 見出し\n\n本文です。\n' }]));
    assert.equal(r.body.results[0].status, 'added');
    assert.equal(r.body.results[0].name, 'passwd.md');
  });

  const refused: [string, { name: string; bytes: Uint8Array | string }, number, string][] = [
    ['a type mikata does not read', { name: 'tool.exe', bytes: 'MZ\u0000\u0000' }, 415, 'E_TYPE'],
    ['a file without an extension', { name: 'README', bytes: 'text' }, 415, 'E_TYPE'],
    ['binary bytes named .txt', { name: 'notes.txt', bytes: new Uint8Array([0x00, 0x01, 0x02, 0xff, 0x00, 0x10, 0x00, 0x00, 0x7f, 0x00]) }, 415, 'E_BINARY'],
    ['an empty file', { name: 'empty.txt', bytes: '' }, 422, 'E_EMPTY'],
    ['white space only', { name: 'blank.md', bytes: ' \n\n ' }, 422, 'E_EMPTY'],
    ['a file over the size limit', { name: 'big.txt', bytes: 'あ'.repeat(30 * 1024) }, 413, 'E_TOO_LARGE'],
    ['a PDF that is not one', { name: 'fake.pdf', bytes: 'just text' }, 422, 'E_CORRUPT'],
  ];
  for (const [what, file, status, code] of refused) {
    test(`refuses ${what} with ${status}`, async () => {
      const r = await call(up, '/api/documents', upload([file]));
      assert.equal(r.status, status, JSON.stringify(r.body));
      assert.equal(r.body.results[0].status, 'failed');
      assert.equal(r.body.results[0].code, code);
      assert.match(r.body.results[0].reason, /\S/);
    });
  }

  test('in a batch each file gets its own result', async () => {
    const r = await call(up, '/api/documents', upload([
      { name: 'ok.txt', bytes: '題名\n本文の一行目です。\n' },
      { name: 'bad.exe', bytes: 'x' },
    ]));
    assert.equal(r.status, 200);
    assert.deepEqual(r.body.results.map((x: Json) => [x.name, x.status]), [['ok.txt', 'added'], ['bad.exe', 'failed']]);
  });

  test('a request that is not an upload is refused', async () => {
    assertError(await call(up, '/api/documents', json({ file: 'x' })), 415, 'E_TYPE');
    assertError(await call(up, '/api/documents', { method: 'POST', body: new FormData() }), 400, 'E_INVALID');
    const form = new FormData();
    form.append('other', 'x');
    assertError(await call(up, '/api/documents', { method: 'POST', body: form }), 400, 'E_INVALID');
    assertError(await call(up, '/api/documents', upload([1, 2, 3, 4].map((i) => ({ name: `${i}.txt`, bytes: 'x' })))), 413, 'E_TOO_MANY');
    assertError(await call(up, '/api/documents', upload([{ name: 'huge.txt', bytes: 'a'.repeat(300 * 1024) }])), 413, 'E_TOO_LARGE');
  });
});

describe('corrections', () => {
  let c: TestCorpus;
  let capp: ReturnType<typeof createApp>;
  let ref: string;
  let text: string;
  before(async () => {
    c = await createTestCorpus();
    capp = createApp({ corpus: c.corpus, user: 'server-user', cache: { probeEveryMs: 60_000 } });
    ref = c.refs['black-sea.txt']!;
    text = (await call(capp, `/api/documents/${ref}`)).body.text;
  });
  after(async () => c.dispose());

  const attribution = async (quote: string) => {
    const v = (await call(capp, `/api/documents/${ref}`)).body;
    return v.attributions.find((a: Json) => a.content.text.includes(quote));
  };

  test('accept marks the claim as reviewed by the analyst who sent it', async () => {
    const a = await attribution('穀物輸送');
    const r = await call(capp, `/api/documents/${ref}/corrections`, json({ action: 'accept', attribution: a.id, by: 'kato' }));
    assert.equal(r.status, 201);
    assert.equal(r.body.correction.action, 'accept');
    assert.equal(r.body.correction.by, 'kato');
    assert.equal((await attribution('穀物輸送')).review, 'accepted');
  });

  test('edit changes the speaker and kind; the claim is the analyst’s; the expert page shows it at once', async () => {
    const a = await attribution('海上保険料');
    const r = await call(capp, `/api/documents/${ref}/corrections`, json({ action: 'edit', attribution: a.id, speakers: ['ケマル・アイドゥン'], kind: 'quote', why: 'the footnote cites him' }));
    assert.equal(r.status, 201, JSON.stringify(r.body));
    assert.equal(r.body.correction.by, 'server-user', 'the server’s user when the request names none');
    const after = await attribution('海上保険料');
    assert.equal(after.provenance, 'analyst');
    assert.equal(after.review, 'edited');
    assert.equal(after.kind, 'quote');
    assert.deepEqual(after.speakers.map((s: Json) => s.name), ['ケマル・アイドゥン']);
    const page = await call(capp, `/api/experts/${encodeURIComponent('アイドゥン')}`);
    assert.ok(page.body.claims.some((x: Json) => x.text.includes('海上保険料')), 'the cached expert page was refreshed');
  });

  test('edit a span; add a claim by span and by quote; undo by withdrawing', async () => {
    const a = await attribution('掃海');
    const start = text.indexOf('沿岸国の海軍による掃海');
    const span = { start, end: start + '沿岸国の海軍による掃海の協力'.length };
    const edited = await call(capp, `/api/documents/${ref}/corrections`, json({ action: 'edit', attribution: a.id, span }));
    assert.equal(edited.status, 201);
    assert.equal(edited.body.attribution.content.text, '沿岸国の海軍による掃海の協力');

    const s2 = text.indexOf('条約の運用が今後も安定の鍵になる');
    const added = await call(capp, `/api/documents/${ref}/corrections`, json({ action: 'add', span: { start: s2, end: s2 + 16 }, speakers: ['Kemal Aydin'] }));
    assert.equal(added.status, 201, JSON.stringify(added.body));
    assert.match(added.body.attribution.id, /^xc\d+$/);
    assert.equal(added.body.attribution.provenance, 'analyst');
    assert.equal(added.body.attribution.review, 'added');

    const byQuote = await call(capp, `/api/documents/${ref}/corrections`, json({ action: 'add', quote: '黒海の海上交通の安定には、沿岸国の協力が欠かせない', speakers: ['中村 拓也'], kind: 'reported' }));
    assert.equal(byQuote.status, 201, JSON.stringify(byQuote.body));
    assert.equal(byQuote.body.attribution.content.text, '黒海の海上交通の安定には、沿岸国の協力が欠かせない');

    const withdrawn = await call(capp, `/api/corrections/${added.body.correction.id}/withdraw`, json({ by: 'kato', why: 'mistake' }));
    assert.equal(withdrawn.status, 200);
    assert.equal(withdrawn.body.status, 'withdrawn');
    const v = (await call(capp, `/api/documents/${ref}`)).body;
    assert.ok(!v.attributions.some((x: Json) => x.id === added.body.attribution.id), 'the added claim is gone');
    assertError(await call(capp, `/api/corrections/${added.body.correction.id}/withdraw`, json({})), 409, 'E_CONFLICT');
  });

  test('reject leaves the claim out of the brief, keeps it in the reader and the audit CSV, marked', async () => {
    const a = await attribution('防空網の空白');
    const r = await call(capp, `/api/documents/${ref}/corrections`, json({ action: 'reject', attribution: a.id }));
    assert.equal(r.status, 201);
    assert.equal((await attribution('防空網の空白')).review, 'rejected');
    const md = await call(capp, `/api/export/brief.md?document=${ref}`);
    assert.doesNotMatch(String(md.body), /防空網の空白/);
    const csv = String((await call(capp, `/api/export/claims.csv?document=${ref}`)).body);
    assert.match(csv.split('\r\n').find((l) => l.includes('防空網の空白'))!, /,rejected,/);
  });

  test('GET /api/corrections lists them with who and when', async () => {
    const r = await call(capp, `/api/corrections?document=${ref}`);
    assert.equal(r.status, 200);
    assert.ok(r.body.length >= 5, 'r.body.length >= 5');
    assert.ok(r.body.every((x: Json) => x.document === ref && typeof x.by === 'string' && typeof x.at === 'string'), 'r.body.every((x: Json) => x.document === ref && typeof x.by === \'string\' && typeof x.at === \'string\')');
    assert.deepEqual((await call(capp, '/api/corrections')).body.length, r.body.length);
  });

  const bad: [string, unknown, number, string][] = [
    ['no action', { attribution: 'a1' }, 400, 'E_INVALID'],
    ['an unknown action', { action: 'delete', attribution: 'a1' }, 400, 'E_INVALID'],
    ['accept without an attribution', { action: 'accept' }, 400, 'E_INVALID'],
    ['an unknown attribution', { action: 'accept', attribution: 'a999' }, 404, 'E_NOT_FOUND'],
    ['a bad kind', { action: 'edit', attribution: 'a1', kind: 'rumour' }, 400, 'E_INVALID'],
    ['an edit that changes nothing', { action: 'edit', attribution: 'a1' }, 400, 'E_INVALID'],
    ['a span backwards', { action: 'add', span: { start: 20, end: 10 }, speakers: ['x'] }, 400, 'E_INVALID'],
    ['a span past the end', { action: 'add', span: { start: 10, end: 10_000_000 }, speakers: ['x'] }, 400, 'E_INVALID'],
    ['a negative span', { action: 'add', span: { start: -1, end: 3 }, speakers: ['x'] }, 400, 'E_INVALID'],
    ['an add without speakers', { action: 'add', span: { start: 0, end: 5 } }, 400, 'E_INVALID'],
    ['an add without content', { action: 'add', speakers: ['x'] }, 400, 'E_INVALID'],
    ['a quote not in the text', { action: 'add', quote: 'この文は本文にない', speakers: ['x'] }, 404, 'E_NOT_FOUND'],
    ['speakers not a list', { action: 'edit', attribution: 'a1', speakers: 'x' }, 400, 'E_INVALID'],
    ['a 300-character name', { action: 'edit', attribution: 'a1', speakers: ['x'.repeat(300)] }, 400, 'E_INVALID'],
  ];
  for (const [what, body, status, code] of bad) {
    test(`POST corrections with ${what}: ${status}`, async () => {
      assertError(await call(capp, `/api/documents/${ref}/corrections`, json(body)), status, code);
    });
  }

  test('POST corrections needs JSON and a known document', async () => {
    assertError(await call(capp, `/api/documents/${ref}/corrections`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{}' }), 415, 'E_TYPE');
    assertError(await call(capp, `/api/documents/${ref}/corrections`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{not json' }), 400, 'E_INVALID');
    assertError(await call(capp, '/api/documents/ffffffffffff/corrections', json({ action: 'accept', attribution: 'a1' })), 404, 'E_NOT_FOUND');
  });

  test('withdraw needs a correction id', async () => {
    assertError(await call(capp, '/api/corrections/x1/withdraw', json({})), 400, 'E_INVALID');
    assertError(await call(capp, '/api/corrections/c9999/withdraw', json({})), 404, 'E_NOT_FOUND');
  });
});

describe('experts and identities', () => {
  test('GET /api/experts: names in every script, counts, dates', async () => {
    const r = await call(app, '/api/experts');
    assert.equal(r.status, 200);
    const p = r.body.find((x: Json) => x.name === 'ヴラド・M・ポペスク');
    assert.ok(p, JSON.stringify(r.body.map((x: Json) => x.name)));
    assert.ok(p.forms.latin.includes('Vlad Popescu'), 'p.forms.latin.includes(\'Vlad Popescu\')');
    assert.ok(p.forms.katakana.includes('ポペスク'), 'p.forms.katakana.includes(\'ポペスク\')');
    assert.equal(p.documents, 2);
    assert.equal(p.first, '2024-11-05');
    assert.equal(p.last, '2025-03-03');
    assertError(await call(app, '/api/experts?all=maybe'), 400, 'E_INVALID');
    assert.ok((await call(app, '/api/experts?all=1')).body.length >= r.body.length, '(await call(app, \'/api/experts?all=1\')).body.length >= r.body.length');
  });

  test('an expert page by any spelling is the same person', async () => {
    const ids = new Set<string>();
    for (const name of ['Vlad Popescu', 'ヴラド・M・ポペスク', 'ポペスク', 'Popescu']) {
      const r = await call(app, `/api/experts/${encodeURIComponent(name)}`);
      assert.equal(r.status, 200, name);
      ids.add(r.body.person.id);
      assert.ok(r.body.claims.some((c: Json) => c.document.name === 'convoys.txt'), `${name}: the English claim`);
      assert.ok(r.body.claims.some((c: Json) => c.document.name === 'black-sea.txt' && c.section === '(1)機雷と航路'), `${name}: the Japanese claim with its section`);
    }
    assert.equal(ids.size, 1);
    const [id] = ids;
    assert.equal((await call(app, `/api/experts/${id}`)).body.person.id, id);
  });

  test('unknown and malformed expert names', async () => {
    assertError(await call(app, `/api/experts/${encodeURIComponent('Nobody Atall')}`), 404, 'E_NOT_FOUND');
    assertError(await call(app, `/api/experts/${'x'.repeat(201)}`), 400, 'E_INVALID');
    assertError(await call(app, '/api/experts/%20'), 400, 'E_INVALID');
  });

  test('GET /api/people finds candidates for a picker', async () => {
    const r = await call(app, '/api/people?q=Popescu');
    assert.equal(r.status, 200);
    assert.equal(r.body[0].name, 'ヴラド・M・ポペスク');
    assertError(await call(app, '/api/people'), 400, 'E_INVALID');
    assertError(await call(app, '/api/people?q='), 400, 'E_INVALID');
  });

  test('merge, split back, keep apart, and the record of decisions', async () => {
    const c = await createTestCorpus();
    try {
      const a = createApp({ corpus: c.corpus, cache: { probeEveryMs: 0 } });
      assert.equal((await call(a, '/api/identities/proposals')).status, 200);
      assertError(await call(a, '/api/identities/proposals?status=maybe'), 400, 'E_INVALID');
      const merged = await call(a, '/api/identities/merge', json({ keep: 'ダリナ・イリエヴァ', fold: 'ケマル・アイドゥン', by: 'kato', why: 'test' }));
      assert.equal(merged.status, 200, JSON.stringify(merged.body));
      assert.ok(merged.body.forms.includes('ケマル・アイドゥン'), 'merged.body.forms.includes(\'ケマル・アイドゥン\')');
      const page = await call(a, `/api/experts/${encodeURIComponent('アイドゥン')}`);
      assert.equal(page.body.person.id, merged.body.id, 'the merged name leads to the kept person');
      const split = await call(a, '/api/identities/split', json({ identity: merged.body.id, forms: ['ケマル・アイドゥン', 'アイドゥン'], by: 'kato' }));
      assert.equal(split.status, 200, JSON.stringify(split.body));
      assert.notEqual(split.body.split.id, merged.body.id);
      assert.equal((await call(a, `/api/experts/${encodeURIComponent('アイドゥン')}`)).body.person.id, split.body.split.id);
      const dismissed = await call(a, '/api/identities/dismiss', json({ a: 'ダリナ・イリエヴァ', b: 'ケマル・アイドゥン' }));
      assert.equal(dismissed.status, 200);
      const log = await call(a, '/api/identities/decisions');
      assert.deepEqual(log.body.map((d: Json) => d.kind), ['merge', 'split', 'dismiss']);
      assert.equal(log.body[0].by, 'kato');

      assertError(await call(a, '/api/identities/merge', json({ keep: 'ダリナ・イリエヴァ', fold: 'イリエヴァ' })), 400, 'E_INVALID');
      assertError(await call(a, '/api/identities/merge', json({ keep: 'ダリナ・イリエヴァ' })), 400, 'E_INVALID');
      assertError(await call(a, '/api/identities/merge', json({ keep: 'ダリナ・イリエヴァ', fold: 'Nobody Atall' })), 404, 'E_NOT_FOUND');
      assertError(await call(a, '/api/identities/split', json({ identity: 'ダリナ・イリエヴァ', forms: [] })), 400, 'E_INVALID');
      assertError(await call(a, '/api/identities/split', json({ identity: 'ダリナ・イリエヴァ', forms: ['Unknown Form'] })), 400, 'E_INVALID');
      assertError(await call(a, '/api/identities/dismiss', json({ a: 'ダリナ・イリエヴァ', b: 'ダリナ・イリエヴァ' })), 400, 'E_INVALID');
    } finally {
      await c.dispose();
    }
  });
});

describe('matrix, timeline, network, search', () => {
  test('GET /api/matrix: experts × themes with counts, and the claims of a cell', async () => {
    const r = await call(app, '/api/matrix');
    assert.equal(r.status, 200);
    const popescu = r.body.experts.find((e: Json) => e.name === 'ヴラド・M・ポペスク');
    const theme = r.body.themes.find((x: Json) => x.label === '(1)機雷と航路');
    assert.equal(theme.key, '機雷と航路', 'numbering is not part of the theme');
    assert.equal(r.body.cells[popescu.id][theme.key], 2);
    const cell = await call(app, `/api/matrix/claims?expert=${popescu.id}&theme=${encodeURIComponent(theme.key)}`);
    assert.equal(cell.status, 200);
    assert.equal(cell.body.claims.length, 2);
    assert.ok(cell.body.claims.every((c: Json) => c.section === '(1)機雷と航路'), 'cell.body.claims.every((c: Json) => c.section === \'(1)機雷と航路\')');
    const limited = await call(app, '/api/matrix?experts=1&themes=1');
    assert.equal(limited.body.experts.length, 1);
    assert.equal(limited.body.themes.length, 1);
    assert.ok(limited.body.totals.experts > 1, 'limited.body.totals.experts > 1');
    assertError(await call(app, '/api/matrix?experts=0'), 400, 'E_INVALID');
    assertError(await call(app, '/api/matrix/claims'), 400, 'E_INVALID');
    assertError(await call(app, '/api/matrix/claims?expert=Nobody'), 404, 'E_NOT_FOUND');
  });

  test('GET /api/timeline: dated mentions in order, filtered', async () => {
    const r = await call(app, '/api/timeline');
    assert.equal(r.status, 200);
    const dates = r.body.map((e: Json) => e.date);
    assert.deepEqual(dates, [...dates].sort());
    assert.ok(dates.includes('2023-07'), 'dates.includes(\'2023-07\')');
    const only2024 = await call(app, '/api/timeline?from=2024&to=2024');
    assert.ok(only2024.body.length > 0 && only2024.body.every((e: Json) => e.date.startsWith('2024')), 'only2024.body.length > 0 && only2024.body.every((e: Json) => e.date.startsWith(\'2024\'))');
    assert.ok((await call(app, `/api/timeline?document=${t.refs['convoys.txt']}`)).body.every((e: Json) => e.document.id === t.refs['convoys.txt']), '(await call(app, `/api/timeline?document=${t.refs[\'convoys.txt\']}`)).body.every((e: Json) => e.document.id === t.refs[\'convoys.txt\'])');
    assertError(await call(app, '/api/timeline?from=last-year'), 400, 'E_INVALID');
    assertError(await call(app, '/api/timeline?limit=999999'), 400, 'E_INVALID');
    assertError(await call(app, '/api/timeline?speaker=Nobody%20Atall'), 404, 'E_NOT_FOUND');
  });

  test('GET /api/network: experts, organisations and documents, edges between known nodes', async () => {
    const r = await call(app, '/api/network');
    assert.equal(r.status, 200);
    const types = new Set(r.body.nodes.map((n: Json) => n.type));
    assert.deepEqual([...types].sort(), ['document', 'expert', 'organization']);
    const ids = new Set(r.body.nodes.map((n: Json) => n.id));
    for (const e of r.body.edges) assert.ok(ids.has(e.source) && ids.has(e.target), JSON.stringify(e));
    const popescu = r.body.nodes.find((n: Json) => n.label === 'ヴラド・M・ポペスク');
    assert.equal(r.body.edges.filter((e: Json) => e.source === popescu.id && e.type === 'claims').length, 2, 'two documents');
    assertError(await call(app, '/api/network?experts=x'), 400, 'E_INVALID');
  });

  test('GET /api/search: snippets with highlights, names across scripts, filters', async () => {
    const r = await call(app, `/api/search?q=${encodeURIComponent('航路')}`);
    assert.equal(r.status, 200);
    const hit = r.body.hits[0];
    assert.equal(hit.document.id, t.refs['black-sea.txt']);
    for (const s of hit.snippets) for (const h of s.highlights) assert.equal(s.text.slice(h.start, h.end), '航路');
    const byName = await call(app, `/api/search?q=${encodeURIComponent('ポペスク')}`);
    assert.deepEqual(byName.body.hits.map((h: Json) => h.document.name).sort(), ['black-sea.txt', 'convoys.txt'], 'katakana finds the Latin spelling too');
    const filtered = await call(app, `/api/search?q=${encodeURIComponent('ポペスク')}&from=2025`);
    assert.deepEqual(filtered.body.hits.map((h: Json) => h.document.name), ['convoys.txt']);
    assertError(await call(app, '/api/search'), 400, 'E_INVALID');
    assertError(await call(app, '/api/search?q=%20%20'), 400, 'E_INVALID');
    assertError(await call(app, '/api/search?q=x&limit=0'), 400, 'E_INVALID');
    assertError(await call(app, '/api/search?q=x&to=tomorrow'), 400, 'E_INVALID');
  });
});

describe('exports', () => {
  test('brief.md: the who-said-what brief, named from the title, citing the document\'s own note numbers', async () => {
    const r = await app.request(`/api/export/brief.md?document=${t.refs['black-sea.txt']}&lang=en&by=kato`);
    assert.equal(r.status, 200);
    assert.equal(r.headers.get('content-type'), 'text/markdown; charset=utf-8');
    const name = '黒海の海上交通と沿岸国_——_東欧の研究者の見方.md';
    assert.equal(r.headers.get('content-disposition'), `attachment; filename="${name.replace(/[^\x20-\x7E]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`);
    const md = await r.text();
    assert.match(md, /^# 黒海の海上交通と沿岸国/);
    assert.match(md, /^Date: \d{4}-\d\d-\d\d · analyst: kato · Corrections: \d+/m);
    assert.match(md, /## ヴラド・M・ポペスク \(Vlad Popescu\)/);
    assert.match(md, /「黒海西部の航路は機雷の危険が残るものの、穀物輸送は2024年春に回復しつつある」\[\^2\]/);
    assert.match(md, /^\[\^2\]: note 2: Vlad M\. Popescu, "Mines and Grain,"/m);
  });

  test('brief.html escapes hostile text and forbids script', async () => {
    const r = await app.request(`/api/export/brief.html?document=${t.refs['hostile.txt']}`);
    assert.equal(r.status, 200);
    assert.equal(r.headers.get('content-security-policy'), "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'");
    const html = await r.text();
    // (The analysis reads the 5 of __pwned=5 as footnote marker 5, so the quote leaves it out.)
    assert.match(html, /「&lt;b onmouseover=&quot;window\.__pwned=&quot;&gt;このような入力&lt;\/b&gt;/);
    assert.doesNotMatch(html, /<b onmouseover|<script>window/);
  });

  test('an expert brief collects every document', async () => {
    const md = await (await app.request(`/api/export/brief.md?expert=${encodeURIComponent('Vlad Popescu')}`)).text();
    assert.match(md, /Vlad Popescu on convoy escorts/);
    assert.match(md, /黒海の海上交通と沿岸国/);
    assert.equal(await (await app.request(`/api/export/md?person=${encodeURIComponent('Vlad Popescu')}`)).text(), md, 'person= is expert=');
  });

  test('claims.csv: the audit record, one row per claim, with a BOM for spreadsheets', async () => {
    const r = await app.request(`/api/export/claims.csv?document=${t.refs['black-sea.txt']}`);
    assert.equal(r.headers.get('content-type'), 'text/csv; charset=utf-8');
    const bytes = new Uint8Array(await r.arrayBuffer());
    assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf], 'a UTF-8 byte order mark');
    const csv = new TextDecoder().decode(bytes);
    assert.ok(csv.startsWith('document,document_title,document_date,claim,status,speakers,speaker_ids,organization,post'), csv.slice(0, 80));
    const rows = csv.trim().split('\r\n');
    const view = (await call(app, `/api/documents/${t.refs['black-sea.txt']}`)).body;
    assert.equal(rows.length - 1, view.attributions.length, 'rejected claims included');
    const all = await (await app.request('/api/export/claims.csv')).text();
    assert.ok(all.trim().split('\r\n').length > rows.length, 'the corpus has more');
    assert.equal((await app.request('/api/export/claims.csv?expert=e9999')).status, 404);
  });

  test('?code= exports the claims of a code and the codes under it, with a person for one cell; an unknown code is a 404', async () => {
    const rows = async (q: string) => (await (await app.request(`/api/export/csv${q}`)).text()).trim().split('\r\n').length - 1;
    const all = await rows('');
    const domain = await rows('?code=domain');
    const naval = await rows('?code=domain.naval');
    const cell = await rows(`?code=domain.naval&person=${encodeURIComponent('Vlad Popescu')}`);
    assert.ok(naval > 0 && naval <= domain && domain <= all, `naval ${naval}, domain ${domain}, all ${all}`);
    assert.ok(cell > 0 && cell <= naval, `cell ${cell}`);
    const missing = await call(app, '/api/export/csv?code=no.such.code');
    assert.equal(missing.status, 404);
    assert.match(JSON.stringify(missing.body), /no code/);
  });

  test('every format, for the corpus, a document and a person', async () => {
    for (const format of ['qdpx', 'w3c', 'stix', 'graphml', 'gexf', 'csl', 'csv', 'md', 'html']) {
      for (const q of ['', `?document=${t.refs['black-sea.txt']}`, `?person=${encodeURIComponent('Vlad Popescu')}`]) {
        const r = await app.request(`/api/export/${format}${q}`);
        assert.equal(r.status, 200, `${format}${q}`);
        assert.match(r.headers.get('content-disposition')!, /^attachment; filename="[^"]+"; filename\*=UTF-8''/);
        assert.ok((await r.arrayBuffer()).byteLength > 0);
      }
    }
    const zip = new Uint8Array(await (await app.request('/api/export/qdpx')).arrayBuffer());
    assert.deepEqual([...zip.slice(0, 2)], [0x50, 0x4b], 'a zip');
  });

  test('bad export requests', async () => {
    assertError(await call(app, `/api/export/brief.html?document=${t.refs['black-sea.txt']}&lang=de`), 400, 'E_INVALID');
    assertError(await call(app, '/api/export/brief.md?document=ffffffffffff'), 404, 'E_NOT_FOUND');
    assertError(await call(app, '/api/export/pdf'), 404, 'E_NOT_FOUND');
    assertError(await call(app, '/api/export/stix?person=e1&expert=e2'), 400, 'E_INVALID');
  });
});

describe('token, host and origin', () => {
  const TOKEN = 'correct-horse-battery';
  let secured: ReturnType<typeof createApp>;
  before(() => { secured = createApp({ corpus: t.corpus, token: TOKEN }); });

  test('every API route needs the token', async () => {
    for (const path of ['/api/session', '/api/documents', '/api/experts', `/api/documents/${t.refs['black-sea.txt']}`, '/api/search?q=x', '/api/export/claims.csv', '/api/nothing']) {
      const r = await call(secured, path);
      assertError(r, 401, 'E_TOKEN');
      assert.match(r.res.headers.get('www-authenticate') ?? '', /^Bearer/);
    }
    assertError(await call(secured, `/api/documents/${t.refs['black-sea.txt']}/corrections`, json({ action: 'accept', attribution: 'a1' })), 401, 'E_TOKEN');
    assertError(await call(secured, '/api/documents', upload([{ name: 'x.txt', bytes: 'x' }])), 401, 'E_TOKEN');
  });

  test('a wrong token is refused; the right one in either header passes', async () => {
    assertError(await call(secured, '/api/session', { headers: { authorization: 'Bearer wrong-token' } }), 401, 'E_TOKEN');
    assertError(await call(secured, '/api/session', { headers: { authorization: `Bearer ${TOKEN}x` } }), 401, 'E_TOKEN');
    assertError(await call(secured, '/api/session', { headers: { authorization: `Basic ${TOKEN}` } }), 401, 'E_TOKEN');
    const ok = await call(secured, '/api/session', { headers: { authorization: `Bearer ${TOKEN}` } });
    assert.equal(ok.status, 200);
    assert.equal(ok.body.token, true);
    assert.equal((await call(secured, '/api/experts', { headers: { 'x-mikata-token': TOKEN } })).status, 200);
  });

  test('the page itself loads without the token (it then asks for one)', async () => {
    assert.equal((await secured.request('/')).status, 200);
  });

  test('without a token only loopback host names are answered; with one, any', async () => {
    assertError(await call(app, '/api/session', { headers: { host: 'evil.example:7337' } }), 403, 'E_HOST');
    assert.equal((await app.request('/', { headers: { host: 'attacker.test' } })).status, 403);
    for (const host of ['localhost:7337', '127.0.0.1:7337', '[::1]:7337', 'workbench.localhost']) {
      assert.equal((await app.request('/api/session', { headers: { host } })).status, 200, host);
    }
    assert.equal((await secured.request('/api/session', { headers: { host: 'analysis.example.org', authorization: `Bearer ${TOKEN}` } })).status, 200);
    const listed = createApp({ corpus: t.corpus, allowedHosts: ['mikata.internal'] });
    assert.equal((await listed.request('/api/session', { headers: { host: 'mikata.internal:8080' } })).status, 200);
    assert.equal((await listed.request('/api/session', { headers: { host: 'localhost' } })).status, 403);
  });

  test('changes from another origin are refused', async () => {
    const path = `/api/documents/${t.refs['black-sea.txt']}/corrections`;
    assertError(await call(app, path, json({ action: 'accept', attribution: 'a1' }, { origin: 'http://evil.example' })), 403, 'E_ORIGIN');
    assertError(await call(app, path, json({ action: 'accept', attribution: 'a1' }, { 'sec-fetch-site': 'cross-site' })), 403, 'E_ORIGIN');
    assertError(await call(app, path, json({ action: 'accept', attribution: 'a1' }, { origin: 'null' })), 403, 'E_ORIGIN');
    const form = upload([{ name: 'x.txt', bytes: 'x' }]);
    assertError(await call(app, '/api/documents', { ...form, headers: { origin: 'http://evil.example' } }), 403, 'E_ORIGIN');
    // Reads from anywhere are harmless (no CORS headers: the browser will not hand them to the page).
    assert.equal((await app.request('/api/session', { headers: { origin: 'http://evil.example' } })).headers.get('access-control-allow-origin'), null);
  });
});
