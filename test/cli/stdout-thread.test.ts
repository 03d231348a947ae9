/**
 * StdoutThread (src/cli/stdout-thread.ts): a long output to a pipe written on a thread of its own, every byte in
 * order; a reader that goes away ends it with EPIPE; a file is no pipe. The writers are child processes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, openSync, closeSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { StdoutThread } from '../../src/cli/stdout-thread.ts';

const MODULE = pathToFileURL(join(import.meta.dirname, '..', '..', 'src', 'cli', 'stdout-thread.ts')).href;

/** Block k of the child's output: 1 MB of a byte that depends on k, its first 8 bytes k in decimal. */
const CHILD = `
import { StdoutThread } from ${JSON.stringify(MODULE)};
const blocks = Number(process.argv[2]);
const out = StdoutThread.start(1);
if (!out) { process.stderr.write('no thread'); process.exit(4); }
try {
  for (let k = 0; k < blocks; k++) {
    const b = Buffer.alloc(1 << 20, 97 + (k % 26));
    b.write(String(k).padStart(8, '0'), 0, 'latin1');
    out.write(b);
  }
  await out.end();
} catch (e) {
  process.stderr.write(String(e.code));
  process.exit(3);
} finally {
  out.close();
}
`;

function runChild(blocks: number, stopAfter?: number): Promise<{ code: number | null; out: Buffer; stderr: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'mikata-stdout-'));
  const script = join(dir, 'child.mts');
  writeFileSync(script, CHILD);
  const child = spawn(process.execPath, ['--import', 'tsx', script, String(blocks)], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_OPTIONS: '' } });
  const chunks: Buffer[] = [];
  let size = 0;
  let stderr = '';
  child.stdout.on('data', (b: Buffer) => {
    chunks.push(b);
    size += b.length;
    if (stopAfter !== undefined && size >= stopAfter) child.stdout.destroy();
  });
  child.stderr.on('data', (b: Buffer) => { stderr += b; });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      rmSync(dir, { recursive: true, force: true });
      resolve({ code, out: Buffer.concat(chunks), stderr });
    });
  });
}

test('every block reaches the reader, whole and in order', { timeout: 60_000 }, async () => {
  const blocks = 40;
  const { code, out, stderr } = await runChild(blocks);
  assert.equal(code, 0, stderr);
  assert.equal(out.length, blocks << 20);
  for (let k = 0; k < blocks; k++) {
    const block = out.subarray(k << 20, (k + 1) << 20);
    assert.equal(block.toString('latin1', 0, 8), String(k).padStart(8, '0'), `block ${k} in its place`);
    assert.ok(block.subarray(8).every((c) => c === 97 + (k % 26)), `block ${k} whole`);
  }
});

test('a reader that goes away ends the output with EPIPE', { timeout: 60_000 }, async () => {
  const { code, out, stderr } = await runChild(400, 3 << 20);
  assert.equal(code, 3, `exit ${code}: ${stderr}`);
  assert.equal(stderr, 'EPIPE');
  assert.ok(out.length < 400 << 20);
});

test('a file is written as before: no thread for it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mikata-stdout-'));
  const fd = openSync(join(dir, 'out.json'), 'w');
  try {
    assert.equal(StdoutThread.start(fd), null);
  } finally {
    closeSync(fd);
    rmSync(dir, { recursive: true, force: true });
  }
});
