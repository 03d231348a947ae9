/** `mikata timeline`: the dated mentions of the corpus, in the order of the dates they name. */
import type { Command } from 'commander';
import type { CommandIO } from '../io.ts';
import { addCorpusOptions, docLabel, emphasis, oneLine, parsePositiveInt, withCorpus, writeJson } from './_corpus.ts';
import { addFilterOptions, type FilterOptions } from './search.ts';

export async function runTimeline(options: FilterOptions, io: CommandIO): Promise<void> {
  await withCorpus(options, io, { readonly: true }, async (corpus) => {
    const entries = await corpus.timeline({
      speaker: options.speaker,
      document: options.document,
      from: options.from,
      to: options.to,
      limit: options.limit === undefined ? undefined : parsePositiveInt(options.limit, '--limit'),
    });
    if (options.format === 'json') return writeJson(io, { entries });
    const e = emphasis(io);
    if (entries.length === 0) {
      io.stdout('no dated mentions\n');
      return;
    }
    for (const t of entries) {
      io.stdout(`${e.strong(t.date.padEnd(10))}${t.approx ? '~' : ' '} ${oneLine(t.context)}  ${e.dim(docLabel(t.document))}\n`);
    }
  });
}

export function registerTimeline(program: Command, io: CommandIO): void {
  const command = program.command('timeline').description('list dated mentions across the corpus in date order');
  addFilterOptions(command, 'dates');
  addCorpusOptions(command).action(async (options: FilterOptions) => runTimeline(options, io));
}
