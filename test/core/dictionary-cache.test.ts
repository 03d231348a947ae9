/**
 * The unpacked copy of the analyser's dictionary (src/core/morph/dictionary-cache.ts): a load writes it, the next
 * load reads it, and the tokens are kuromoji's either way; a copy that is damaged, foreign or cannot be written
 * changes nothing but the time. The cache directory is the test's own (MIKATA_CACHE_DIR).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultJaTokenizer, loadKuromoji, preloadJaTokenizer } from '../../src/core/morph/kuromoji.ts';
import { readCache, readCacheAsync, writeCache } from '../../src/core/morph/dictionary-cache.ts';
import { loadReferenceTokenizer } from './_kuromoji-reference.ts';

const TEXTS = [
  '北辰大学の戸川誠司教授は「両国の協力は来年も続く」と述べ、ウラジオストク港の拡張にも触れた。',
  'ミハイル・ソコロフ氏によると、弾薬の供与は2025年秋から増えているという。',
  'Ｘ線の検査で𠮷野家の看板を確認した（１２日）。',
];

const reference = loadReferenceTokenizer();

/** Runs `fn` with MIKATA_CACHE_DIR set to `dir` (or unset after), whatever it throws. */
function withCacheDir<T>(dir: string, fn: () => T): T {
  const before = process.env.MIKATA_CACHE_DIR;
  process.env.MIKATA_CACHE_DIR = dir;
  try {
    return fn();
  } finally {
    if (before === undefined) delete process.env.MIKATA_CACHE_DIR;
    else process.env.MIKATA_CACHE_DIR = before;
  }
}

function assertKuromojiTokens(tokenizer: ReturnType<typeof loadKuromoji>['tokenizer']): void {
  for (const text of TEXTS) assert.deepEqual(tokenizer.tokenize(text), reference.tokenize(text), text);
}

test('a load writes the unpacked copy, the next load reads it, and both give kuromoji\'s tokens', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mikata-cache-'));
  try {
    const file = join(dir, 'ipadic.bin');
    const first = withCacheDir(dir, () => loadKuromoji());
    assert.ok(existsSync(file), 'the first load leaves a copy');
    assert.ok(statSync(file).size > 10_000_000);
    const second = withCacheDir(dir, () => loadKuromoji());
    assertKuromojiTokens(first.tokenizer);
    assertKuromojiTokens(second.tokenizer);
    // The copy read back is the one written: nothing new is written beside it.
    assert.deepEqual(readdirSync(dir), ['ipadic.bin']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a short, foreign or garbled copy is ignored and made again; an unwritable place means no copy', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mikata-cache-'));
  try {
    const file = join(dir, 'ipadic.bin');
    withCacheDir(dir, () => loadKuromoji());
    const size = statSync(file).size;
    for (const damage of [() => truncateSync(file, size >> 1), () => writeFileSync(file, 'not a dictionary'), () => writeFileSync(file, Buffer.alloc(0))]) {
      damage();
      const { tokenizer } = withCacheDir(dir, () => loadKuromoji());
      assertKuromojiTokens(tokenizer);
      assert.equal(statSync(file).size, size, 'the copy is made again, whole');
    }
    // A cache directory under a regular file cannot be made: the load goes on without one.
    const blocked = join(dir, 'ipadic.bin', 'below');
    assertKuromojiTokens(withCacheDir(blocked, () => loadKuromoji()).tokenizer);
    // An empty MIKATA_CACHE_DIR turns the cache off.
    rmSync(file);
    assertKuromojiTokens(withCacheDir('', () => loadKuromoji()).tokenizer);
    assert.ok(!existsSync(file));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('readCache and readCacheAsync give back what writeCache stored, under the same key only', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'mikata-cache-'));
  try {
    const file = join(dir, 'x.bin');
    const sections = new Map<string, Int32Array | Int16Array | Uint8Array>([
      ['a', Int32Array.from([1, -2, 2147483647])],
      ['b', Int16Array.from([-32768, 7])],
      ['c', Uint8Array.from([255, 0, 1, 2, 3])],
      ['empty', new Uint8Array(0)],
    ]);
    assert.ok(writeCache(file, 'key 1', sections, { n: 42 }));
    const back = readCache(file, 'key 1');
    assert.ok(back);
    assert.equal(back.scalars.n, 42);
    for (const [name, a] of sections) {
      const b: Int32Array | Int16Array | Uint8Array = back.sections.get(name)!;
      assert.equal(b.constructor, a.constructor, name);
      assert.deepEqual([...b], [...a], name);
      assert.equal(b.byteOffset % 8, 0, `${name} is aligned`);
    }
    const async = await readCacheAsync(file, 'key 1');
    assert.ok(async);
    assert.deepEqual(async.scalars, back.scalars);
    assert.deepEqual([...async.sections.keys()], [...back.sections.keys()]);
    for (const [name, a] of back.sections) assert.deepEqual([...async.sections.get(name)!], [...a], name);
    assert.equal(readCache(file, 'key 2'), null);
    assert.equal(await readCacheAsync(file, 'key 2'), null);
    assert.equal(readCache(join(dir, 'missing.bin'), 'key 1'), null);
    // A header that claims more than the file holds.
    const bytes = readFileSync(file);
    writeFileSync(file, bytes.subarray(0, bytes.length - 3));
    assert.equal(readCache(file, 'key 1'), null);
    assert.equal(await readCacheAsync(file, 'key 1'), null);
    assert.equal(writeCache(join(file, 'under-a-file.bin'), 'key', sections, {}), false);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the background load reads the copy too, and the shared analyser it makes gives kuromoji\'s tokens', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'mikata-cache-'));
  try {
    withCacheDir(dir, () => loadKuromoji());
    const written = statSync(join(dir, 'ipadic.bin')).mtimeMs;
    await withCacheDir(dir, () => preloadJaTokenizer());
    const tokenizer = defaultJaTokenizer();
    for (const text of TEXTS) assert.deepEqual(tokenizer.tokenize(text), reference.tokenize(text), text);
    assert.equal(statSync(join(dir, 'ipadic.bin')).mtimeMs, written, 'read, not made again');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
