/** `mikata export-corpus FILE`: the whole corpus (documents, identities, corrections) as JSON lines or one JSON. */
import type { Command } from 'commander';
import { createWriteStream, renameSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { resolve } from 'node:path';
import type { TransferRecord } from '../../store/transfer.ts';
import { toSingleJson } from '../../store/transfer.ts';
import { CLIError } from '../errors.ts';
import type { CommandIO } from '../io.ts';
import { addCorpusOptions, withCorpus, type CorpusCommandOptions } from './_corpus.ts';

export interface ExportCorpusOptions extends Omit<CorpusCommandOptions, 'format'> {
  json?: boolean;
}

export async function runExportCorpus(file: string, options: ExportCorpusOptions, io: CommandIO): Promise<void> {
  const single = options.json ?? file.toLowerCase().endsWith('.json');
  await withCorpus(options, io, {}, async (corpus) => {
    if (file === '-') {
      const records: TransferRecord[] = [];
      await corpus.export((r) => {
        if (single) records.push(r);
        else io.stdout(`${JSON.stringify(r)}\n`);
      });
      if (single) io.stdout(`${JSON.stringify(toSingleJson(records))}\n`);
      return;
    }
    // Written beside the target and renamed at the end, so a failed export never leaves half a file.
    const path = resolve(io.cwd, file);
    const partial = `${path}.partial`;
    const out = createWriteStream(partial);
    const write = async (s: string) => {
      if (!out.write(s)) await once(out, 'drain');
    };
    let count = 0;
    try {
      await new Promise<void>((ok, fail) => { out.once('open', () => ok()); out.once('error', fail); });
      if (single) {
        const records: TransferRecord[] = [];
        await corpus.export((r) => { records.push(r); });
        count = records.filter((r) => r.record === 'document').length;
        await write(`${JSON.stringify(toSingleJson(records))}\n`);
      } else {
        await corpus.export(async (r) => {
          if (r.record === 'document') count++;
          await write(`${JSON.stringify(r)}\n`);
        });
      }
      out.end();
      await once(out, 'finish');
      renameSync(partial, path);
    } catch (e) {
      out.destroy();
      rmSync(partial, { force: true });
      const err = e as NodeJS.ErrnoException;
      if (err.code) throw new CLIError('E_INPUT', `${file}: cannot write: ${err.message}`, { cause: e });
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
