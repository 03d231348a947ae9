/** `mikata import-corpus FILE`: read an export into an empty corpus (SQLite or PostgreSQL). */
import type { Command } from 'commander';
import { createReadStream, existsSync, rmSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { storeLocation } from '../../store/open-store.ts';
import { fromSingleJson, readJsonLines, TransferError, type Located } from '../../store/transfer.ts';
import { CLIError } from '../errors.ts';
import type { CommandIO } from '../io.ts';
import { addCorpusOptions, withCorpus, writeJson, type CorpusCommandOptions } from './_corpus.ts';

async function* records(file: string, cwd: string): AsyncGenerator<Located> {
  if (file === '-') {
    yield* readJsonLines(process.stdin as AsyncIterable<Buffer>, 'standard input');
    return;
  }
  const path = resolve(cwd, file);
  const st = await stat(path).catch((e: NodeJS.ErrnoException) => e);
  if (st instanceof Error) throw new CLIError('E_INPUT', `${file}: ${st.code === 'ENOENT' ? 'no such file' : `cannot read: ${st.message}`}`);
  if (st.isDirectory()) throw new CLIError('E_INPUT', `${file}: is a folder, not an export file`);
  // One JSON object, or JSON lines: the first non-blank character and the line breaks tell.
  const head = await new Promise<string>((ok, fail) => {
    const s = createReadStream(path, { start: 0, end: 4095, encoding: 'utf8' });
    let text = '';
    s.on('data', (c) => { text += c; });
    s.on('end', () => ok(text));
    s.on('error', fail);
  });
  const firstLine = head.split('\n', 1)[0] ?? '';
  const isLines = /"record"\s*:\s*"header"/.test(firstLine);
  if (!isLines && head.trimStart().startsWith('{')) {
    let value: unknown;
    try {
      value = JSON.parse(await readFile(path, 'utf8'));
    } catch (e) {
      throw new TransferError(`${file}: not JSON (${(e as Error).message})`);
    }
    yield* fromSingleJson(value, file);
    return;
  }
  yield* readJsonLines(createReadStream(path, { encoding: 'utf8' }), file);
}

export async function runImportCorpus(file: string, options: CorpusCommandOptions, io: CommandIO): Promise<void> {
  // Check the file before a new corpus is created for it.
  if (file !== '-') {
    const st = await stat(resolve(io.cwd, file)).catch((e: NodeJS.ErrnoException) => e);
    if (st instanceof Error) throw new CLIError('E_INPUT', `${file}: ${st.code === 'ENOENT' ? 'no such file' : `cannot read: ${st.message}`}`);
  }
  // A corpus file this import creates goes again when the import fails: a half-imported corpus could
  // only be refused by the next try (the import wants an empty corpus).
  const location = storeLocation({ db: options.db, env: io.env, cwd: io.cwd });
  const created = location.kind === 'sqlite' && !existsSync(location.path) ? location.path : null;
  try {
    await withCorpus(options, io, { create: true }, async (corpus) => {
      const summary = await corpus.import(records(file, io.cwd));
      if (options.format === 'json') return writeJson(io, { corpus: corpus.store.info.location, ...summary });
      io.stdout(`imported ${summary.documents} documents, ${summary.identities} identities, ${summary.corrections} corrections into ${corpus.store.info.location}\n`);
    });
  } catch (e) {
    if (created && existsSync(created)) {
      for (const f of [created, `${created}-wal`, `${created}-shm`, `${created}-journal`]) rmSync(f, { force: true });
      if (e instanceof CLIError) throw new CLIError(e.code, `${e.message}; nothing was imported (${created} was not kept)`, { cause: e });
    }
    throw e;
  }
}

export function registerImportCorpus(program: Command, io: CommandIO): void {
  const command = program
    .command('import-corpus')
    .description('read a corpus export (from mikata export-corpus) into an empty corpus')
    .argument('<file>', 'the export file (JSON lines or one JSON object); - for standard input');
  addCorpusOptions(command).action(async (file: string, options: CorpusCommandOptions) => runImportCorpus(file, options, io));
}
