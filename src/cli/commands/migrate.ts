/**
 * `mikata migrate`: bring a corpus written by an older mikata to this version's schema. Reading commands
 * open the corpus read-only and never migrate; they name this command instead.
 */
import type { Command } from 'commander';
import type { CommandIO } from '../io.ts';
import { addCorpusOptions, withCorpus, writeJson, type CorpusCommandOptions } from './_corpus.ts';

export async function runMigrate(options: CorpusCommandOptions, io: CommandIO): Promise<void> {
  // Opening for writing checks the file and migrates it, in one transaction.
  await withCorpus(options, io, {}, async (corpus) => {
    const { location, schemaVersion } = corpus.store.info;
    // Claims stored before the codebook (store schema 3) have no codes until they are coded once.
    const coded = (await corpus.store.getMeta('coded')) === undefined ? await corpus.recode() : null;
    if (options.format === 'json') return writeJson(io, { corpus: location, schemaVersion, ...(coded ? { coded: coded.documents } : {}) });
    io.stdout(`${location}: store schema ${schemaVersion}, up to date${coded?.documents ? `; coded the claims of ${coded.documents} document${coded.documents === 1 ? '' : 's'}` : ''}\n`);
  });
}

export function registerMigrate(program: Command, io: CommandIO): void {
  const command = program.command('migrate').description('upgrade a corpus written by an older mikata to this version (reading commands never change it)');
  addCorpusOptions(command).action(async (options: CorpusCommandOptions) => runMigrate(options, io));
}
