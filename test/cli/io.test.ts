/** Utf8Chunks: text encoded block by block gives the bytes of the whole text, whatever the block size. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Utf8Chunks } from '../../src/cli/io.ts';

function encodeInBlocks(pieces: string[], size: number): { bytes: Buffer; blocks: Uint8Array[] } {
  const chunks = new Utf8Chunks(size);
  const blocks: Uint8Array[] = [];
  for (const p of pieces) {
    const full = chunks.push(p);
    if (full) blocks.push(full);
  }
  const last = chunks.flush();
  if (last) blocks.push(last);
  return { bytes: Buffer.concat(blocks), blocks };
}

test('the blocks join to the UTF-8 of the joined pieces (kana, kanji, astral characters, lone surrogates)', () => {
  const piece = fc.string({ unit: fc.constantFrom('a', '"', 'ア', '語', '、', '𠮷', '😀', '\uD800', '\n'), maxLength: 40 });
  fc.assert(fc.property(fc.array(piece, { maxLength: 30 }), fc.integer({ min: 1, max: 64 }), (pieces, size) => {
    const { bytes } = encodeInBlocks(pieces, size);
    assert.deepEqual(bytes, Buffer.from(pieces.join(''), 'utf8'));
  }));
});

test('a block is handed out only when full, and a piece longer than a block gets a block of its own', () => {
  const { blocks } = encodeInBlocks(['ab', 'cd', '日本語の長い一文です', 'e'], 8);
  assert.deepEqual(blocks.map((b) => Buffer.from(b).toString('utf8')), ['abcd', '日本語の長い一文です', 'e']);
  assert.equal(new Utf8Chunks(8).flush(), null);
});
