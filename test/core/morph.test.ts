/**
 * The Japanese analyser on text written for the project (invented people, outlets and events).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultJaTokenizer } from '../../src/core/morph/kuromoji.ts';

test('an emoji or Extension B kanji anywhere in a piece is one token', () => {
  const analyser = defaultJaTokenizer();
  // 47 code units in, the 48-unit key window used to end between the halves of the pair.
  for (const [text, last] of [['あ'.repeat(47) + '😀です', '😀'], ['その店は'.repeat(12) + '𠮷田屋だ', '𠮷']] as const) {
    const tokens = analyser.tokenize(text);
    assert.equal(tokens.map((t) => t.surface).join(''), text);
    assert.ok(tokens.some((t) => t.surface.startsWith(last)), JSON.stringify(tokens.map((t) => t.surface)));
  }
});
