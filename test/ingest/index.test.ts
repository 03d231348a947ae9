import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as ingest from '../../src/ingest/index.ts';
import { IngestError, isIngestError } from '../../src/ingest/errors.ts';

test('ingest exposes its public API', () => {
  assert.deepEqual(Object.keys(ingest).sort(), [
    'IngestError',
    'MAX_INPUT_BYTES',
    'decodeBytes',
    'formatFromExtension',
    'htmlToSource',
    'isIngestError',
    'readSourceBytes',
    'readSourceFile',
    'resolveEncoding',
    'sniffFormat',
  ]);
  assert.equal(ingest.MAX_INPUT_BYTES, 256 * 1024 * 1024);
});

test('IngestError: one line "<path>: <problem>", code and path kept', () => {
  const error = new IngestError('E_BINARY', 'notes.bin', 'binary file (NUL bytes), not a text document');
  assert.equal(error.message, 'notes.bin: binary file (NUL bytes), not a text document');
  assert.equal(error.code, 'E_BINARY');
  assert.equal(error.path, 'notes.bin');
  assert.equal(error.problem, 'binary file (NUL bytes), not a text document');
  assert.equal(error.name, 'IngestError');
  assert.ok(error instanceof Error);
});

test('IngestError folds a multi-line reason into one line', () => {
  const error = new IngestError('E_READ', 'a.txt', 'cannot read:\n  device\r\nnot ready ');
  assert.equal(error.message, 'a.txt: cannot read: device not ready');
  assert.doesNotMatch(error.message, /\n/);
});

test('isIngestError', () => {
  const foreign = Object.assign(new Error('x: y'), { name: 'IngestError', code: 'E_EMPTY', path: 'x' });
  const cases: [unknown, boolean][] = [
    [new IngestError('E_EMPTY', 'a', 'empty'), true],
    [foreign, true],
    [Object.assign(new Error('x'), { name: 'IngestError', code: 'E_WHATEVER', path: 'x' }), false],
    [new Error('plain'), false],
    [{ name: 'IngestError', code: 'E_EMPTY', path: 'x' }, false],
    ['E_EMPTY', false],
    [undefined, false],
  ];
  for (const [value, expected] of cases) assert.equal(isIngestError(value), expected, String(value));
});
