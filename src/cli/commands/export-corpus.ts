/** `mikata export-corpus FILE`: the whole corpus (documents, identities, corrections) as JSON lines or one JSON. */
import type { Command } from 'commander';
import { createWriteStream, renameSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { resolve } from 'node:path';
import { isStoreError } from '../../store/store.ts';
import { createSingleJsonWriter } from '../../store/transfer.ts';
import { CLIError } from '../errors.ts';
import type { CommandIO } from '../io.ts';
import { addCorpusOptions, withCorpus, type CorpusCommandOptions } from './_corpus.ts';

export interface ExportCorpusOptions extends Omit<CorpusCommandOptions, 'format'> {
  json?: boolean;
}

export async function runExportCorpus(file: string, options: ExportCorpusOptions, io: CommandIO): Promise<void> {
  const single = options.json ?? file.toLowerCase().endsWith('.json');
  // Read-only: a backup must not change what it backs up.
  await withCorpus(options, io, { readonly: true }, async (corpus) => {
    // Records are written as they are read, one document at a time (JSON lines, or the one-object form
    // written piecewise): the export is never one string, whatever the size of the corpus.
    const emitTo = async (write: (s: string) => Promise<void>): Promise<number> => {
      let count = 0;
      const object = single ? createSingleJsonWriter(write) : null;
      await corpus.export(async (r) => {
        if (r.record === 'document') count++;
        if (object) await object.push(r);
        else await write(`${JSON.stringify(r)}\n`);
      });
      await object?.end();
      return count;
    };
    if (file === '-') {
      await emitTo(async (s) => {
        if (io.stdout(s) === false) await io.drain?.();
      });
      return;
    }
    // Written beside the target and renamed at the end, so a failed export never leaves half a file.
    const path = resolve(io.cwd, file);
    const partial = `${path}.partial`;
    const out = createWriteStream(partial);
    let count = 0;
    try {
      await new Promise<void>((ok, fail) => { out.once('open', () => ok()); out.once('error', fail); });
      count = await emitTo(async (s) => {
        if (!out.write(s)) await once(out, 'drain');
      });
      out.end();
      await once(out, 'finish');
      renameSync(partial, path);
    } catch (e) {
      out.destroy();
      rmSync(partial, { force: true });
      // Only a failure of the file system is the file's fault; a document that cannot be exported says so.
      const err = e as NodeJS.ErrnoException;
      if (err.syscall) throw new CLIError('E_INPUT', `${file}: cannot write: ${err.message}`, { cause: e });
      if (isStoreError(e)) throw new CLIError('E_STORE', `${e.message}; nothing was written to ${file}`, { cause: e });
      throw e;
    }
    io.stderr(`exported ${count} document${count === 1 ? '' : 's'} to ${file}\n`);
  });
}

export function registerExportCorpus(program: Command, io: CommandIO): void {
  const command = program
    .command('export-corpus')
    .description('write the whole corpus (documents, identities, corrections) to a file, to move it between SQLite and PostgreSQL')
    .argument('<file>', 'the file (JSON lines; .json for one JSON object); - for standard output')
    .option('--json', 'one JSON object instead of JSON lines');
  addCorpusOptions(command, { format: false }).action(async (file: string, options: ExportCorpusOptions) => runExportCorpus(file, options, io));
}
