/**
 * Fuzzing the command line (issue 14): the hostile files of scripts/make-hostile-files.ts, then inputs that
 * fast-check makes from a real commentary (cut, spliced with noise, re-encoded, renamed), through
 * `mikata analyze` and `mikata ingest`. What must hold for every one: no crash (exit 0, or 2 to 4 with one
 * line on stderr naming the file, never a stack trace), JSON whose every span holds when it succeeds, and a
 * corpus that still holds what it held. Seeds are pinned; each property runs for a few seconds at most.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import { hostileFiles } from '../../scripts/make-hostile-files.ts';
import { FIXTURE_DIR } from '../../scripts/make-doc-fixtures.ts';
import type { CommandIO } from '../../src/cli/io.ts';
import { runCli } from '../../src/cli/main.ts';
import { analysisSchema } from '../../src/core/model/schema.ts';
import { Corpus } from '../../src/store/corpus.ts';
import { checkAnalysis } from '../property/_check-analysis.ts';
import { encodeJapanese } from '../ingest/_japanese-bytes.ts';

/** fast-check's time budget per property, in ms; pinned seeds keep the cases the same from run to run. */
const BUDGET_MS = 5000;

let dir: string;
let db: string;
let kept: { ref: string; text: string };
const SEED_TEXT = `国際関係コメンタリー 第12号 2025年3月4日
バルト海の海底ケーブルと沿岸国 ―― 北欧の研究者の見方
はじめに
ストックホルム海洋政策研究所のアンナ・リンドは、海底ケーブルの損傷が相次いでいることについて、偶発的な事故だけでは説明できないと指摘する1。
一方、オスロ大学のペール・ハンセン教授によれば、「証拠はまだ限られている」2。
注
1 Anna Lind, "Cables at Risk," Baltic Papers, No. 3 (2024).
2 ハンセンへの筆者によるインタビュー(2024年12月2日)。
`;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mikata-fuzz-cli-'));
  db = join(dir, 'corpus.db');
  const corpus = await Corpus.open({ db, create: true });
  const [o] = await corpus.addSources([{ source: { text: SEED_TEXT, format: 'text' }, name: 'kept.txt' }]);
  kept = { ref: o!.document!.id, text: SEED_TEXT };
  await corpus.close();
});
after(() => rmSync(dir, { recursive: true, force: true }));

async function cli(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CommandIO = { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), isTTY: false, env: {}, cwd: dir };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}

/** The contract for any input: a result that holds, or one clean line and exit 2–4. */
function assertOutcome(file: string, r: { code: number; stdout: string; stderr: string }): void {
  assert.doesNotMatch(r.stderr, /\n\s+at |internal error/, `${file}: no crash (${r.stderr.slice(0, 300)})`);
  if (r.code === 0) {
    const analysis = analysisSchema.parse(JSON.parse(r.stdout));
    const text = analysis.source.text;
    if (text !== undefined) checkAnalysis(analysis, text);
    return;
  }
  assert.ok(r.code >= 2 && r.code <= 4, `${file}: exit ${r.code} (${r.stderr})`);
  const lines = r.stderr.trimEnd().split('\n');
  assert.equal(lines.length, 1, `${file}: one line on stderr, got ${JSON.stringify(r.stderr.slice(0, 500))}`);
  assert.ok(lines[0]!.startsWith(`mikata: ${file}: `), `${file}: the line names the file (${lines[0]})`);
  assert.ok(lines[0]!.length < 400, 'a short line');
}

async function assertCorpusIntact(): Promise<void> {
  const corpus = await Corpus.open({ db });
  try {
    const doc = await corpus.document(kept.ref);
    assert.equal(doc.text, kept.text, 'the stored document is as it was');
  } finally {
    await corpus.close();
  }
}

test('every hostile file: analysed, or refused with one line and exit 2–4; ingesting them loses nothing', async (t) => {
  for (const f of hostileFiles()) {
    await t.test(`${f.name} (${f.what})`, async () => {
      const path = join(dir, f.name);
      writeFileSync(path, f.bytes());
      // --with-text: so that a successful analysis is checked against the very text it points into.
      assertOutcome(path, await cli(['analyze', path, '--format', 'json', '--with-text']));
    });
  }
  const paths = hostileFiles().map((f) => join(dir, f.name));
  const r = await cli(['ingest', ...paths, '--db', db]);
  assert.ok([0, 2, 3, 4].includes(r.code), `ingest: exit ${r.code} (${r.stderr.slice(0, 500)})`);
  assert.doesNotMatch(r.stderr, /\n\s+at |internal error/);
  await assertCorpusIntact();
});

/** Ways to spoil a document's bytes. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('cut' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant('noise' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), bytes: fc.uint8Array({ minLength: 1, maxLength: 64 }) }),
  fc.record({ kind: fc.constant('flip' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), value: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('repeat' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.integer({ min: 1, max: 200 }), times: fc.integer({ min: 2, max: 200 }) }),
);

function spoil(bytes: Uint8Array, mutations: readonly { kind: string; at: number; bytes?: Uint8Array; value?: number; length?: number; times?: number }[]): Uint8Array {
  let out = bytes;
  for (const m of mutations) {
    const at = Math.floor(m.at * out.length);
    if (m.kind === 'cut') out = out.slice(0, at);
    else if (m.kind === 'noise') out = new Uint8Array([...out.subarray(0, at), ...m.bytes!, ...out.subarray(at)]);
    else if (m.kind === 'flip' && out.length) { out = out.slice(); out[Math.min(at, out.length - 1)] = m.value!; }
    else if (m.kind === 'repeat') {
      const piece = out.subarray(at, at + m.length!);
      const parts = [out.subarray(0, at), ...Array.from({ length: m.times! }, () => piece), out.subarray(at)];
      out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
      let k = 0;
      for (const p of parts) { out.set(p, k); k += p.length; }
    }
  }
  return out;
}

test('fast-check: spoiled commentaries in every encoding and under every name never crash analyze', async () => {
  const sources: Record<string, Uint8Array> = {
    utf8: new TextEncoder().encode(SEED_TEXT),
    sjis: encodeJapanese(SEED_TEXT, 'shift_jis'),
    eucjp: encodeJapanese(SEED_TEXT, 'euc-jp'),
    html: new TextEncoder().encode(`<!doctype html><html><head><meta charset="utf-8"><title>t</title></head><body><p>${SEED_TEXT.replace(/\n/g, '</p><p>')}</p></body></html>`),
    pdf: new Uint8Array(readFileSync(join(FIXTURE_DIR, 'commentary-ja.pdf'))),
    docx: new Uint8Array(readFileSync(join(FIXTURE_DIR, 'commentary-ja.docx'))),
  };
  let n = 0;
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom(...Object.keys(sources)),
      fc.constantFrom('.txt', '.md', '.html', '.pdf', '.docx', ''),
      fc.array(mutation, { maxLength: 4 }),
      async (source, ext, mutations) => {
        const path = join(dir, `case-${n++}${ext}`);
        writeFileSync(path, spoil(sources[source]!, mutations));
        assertOutcome(path, await cli(['analyze', path, '--format', 'json', '--with-text']));
      },
    ),
    { seed: 20261202, numRuns: 300, interruptAfterTimeLimit: BUDGET_MS, markInterruptAsFailure: false },
  );
  // On a loaded machine fewer cases fit in the budget; the seed fixes which come first.
  assert.ok(n >= 5, `ran ${n} cases`);
});
