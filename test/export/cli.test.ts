/** `mikata export`: writes the file (named from the title into a directory), refuses bad input clearly and writes nothing then. */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { runCli } from '../../src/cli/main.ts';
import type { CommandIO } from '../../src/cli/io.ts';
import { readQdpx } from '../../src/export/qdpx-read.ts';
import type { TestCorpus } from '../server/_corpus.ts';
import { createExportCorpus } from './_corpus.ts';

let tc: TestCorpus;
let out: string;
before(async () => {
  tc = await createExportCorpus();
  out = mkdtempSync(join(tmpdir(), 'mikata-export-cli-'));
});
after(async () => {
  await tc?.dispose();
  if (out) rmSync(out, { recursive: true, force: true });
});

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CommandIO = { stdout: (s) => { stdout += s; return true; }, stderr: (s) => { stderr += s; }, isTTY: false, env: { MIKATA_USER: 'cli-user' }, cwd: out };
  const code = await runCli(['export', '--db', join(tc.dir, 'corpus.db'), ...args], io);
  return { code, stdout, stderr };
}

test('a qdpx of one person, read back', async () => {
  const r = await run(['--format', 'qdpx', '--person', 'Vlad Popescu', '--out', 'popescu.qdpx']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /claims from 2 documents → .*popescu\.qdpx/);
  const project = readQdpx(readFileSync(join(out, 'popescu.qdpx')));
  assert.equal(project.sources.length, 2);
  assert.ok(project.users.some((u) => u.name === 'cli-user'), 'the analyst who exported is a user');
});

test('--out a directory: the file is named from the title; the brief carries the analyst', async () => {
  const dir = join(out, 'briefs');
  const { mkdirSync } = await import('node:fs');
  mkdirSync(dir);
  const r = await run(['--format', 'md', '--document', 'black-sea.txt', '--out', `${dir}/`]);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(readdirSync(dir), ['黒海の海上交通と沿岸国_——_東欧の研究者の見方.md']);
  assert.match(readFileSync(join(dir, readdirSync(dir)[0]!), 'utf8'), /分析者: cli-user/);
});

test('--out - writes text formats to standard output', async () => {
  const r = await run(['--format', 'csv', '--document', 'ports.txt', '--out', '-']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^\uFEFFdocument,document_title,/);
  assert.equal((await run(['--format', 'qdpx', '--out', '-'])).code, 2, 'a zip is not written to a terminal');
});

test('bad input: a clear message, a non-zero exit, and no file', async () => {
  const unknown = await run(['--format', 'stix', '--document', 'nothing-like-this', '--out', 'x.json']);
  assert.notEqual(unknown.code, 0);
  assert.match(unknown.stderr, /no document "nothing-like-this"/);
  assert.equal(existsSync(join(out, 'x.json')), false);
  const format = await run(['--format', 'pdf', '--out', 'x.pdf']);
  assert.equal(format.code, 2);
  assert.match(format.stderr, /argument 'pdf' is invalid/);
  const noOut = await run(['--format', 'csv']);
  assert.equal(noOut.code, 2);
  assert.match(noOut.stderr, /--out FILE/);
  const noDir = await run(['--format', 'csv', '--out', join(out, 'missing', 'dir', 'x.csv')]);
  assert.notEqual(noDir.code, 0);
  assert.match(noDir.stderr, /could not write the export/);
  assert.deepEqual(readdirSync(out).filter((f) => f.includes('partial')), [], 'no partial file left');
});
