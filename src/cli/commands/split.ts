/** `mikata split ID NAME-FORM…`: name forms that belong to someone else move to a new identity; recorded. */
import type { Command } from 'commander';
import type { CommandIO } from '../io.ts';
import { addCorpusOptions, whoIs, withCorpus, writeJson } from './_corpus.ts';
import type { DecisionOptions } from './merge.ts';

export async function runSplit(id: string, forms: string[], options: DecisionOptions, io: CommandIO): Promise<void> {
  const by = whoIs(options.by, io);
  await withCorpus(options, io, {}, async (corpus) => {
    const result = await corpus.split(id, forms, { by, why: options.why });
    if (options.format === 'json') return writeJson(io, result);
    io.stdout(`kept:  ${result.kept.id} ${result.kept.name} — ${result.kept.forms.join(', ')}\n`);
    io.stdout(`split: ${result.split.id} ${result.split.name} — ${result.split.forms.join(', ')}\n`);
  });
}

export function registerSplit(program: Command, io: CommandIO): void {
  const command = program
    .command('split')
    .description('move name forms (and the document people who go by them) out of an identity into a new one; kept across re-analysis')
    .argument('<id>', 'the identity: an id (e12) or a name')
    .argument('<forms...>', 'the name forms to move, as mikata experts shows them')
    .option('--by <name>', 'who decides (default $MIKATA_USER or $USER)')
    .option('--why <reason>', 'why');
  addCorpusOptions(command).action(async (id: string, forms: string[], options: DecisionOptions) => runSplit(id, forms, options, io));
}
