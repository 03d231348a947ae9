/** `mikata merge A B`: one person under two identities becomes one (B folds into A); recorded. */
import type { Command } from 'commander';
import type { CommandIO } from '../io.ts';
import { addCorpusOptions, whoIs, withCorpus, writeJson, type CorpusCommandOptions } from './_corpus.ts';

export interface DecisionOptions extends CorpusCommandOptions {
  by?: string;
  why?: string;
}

export async function runMerge(a: string, b: string, options: DecisionOptions, io: CommandIO): Promise<void> {
  const by = whoIs(options.by, io);
  await withCorpus(options, io, {}, async (corpus) => {
    const merged = await corpus.merge(a, b, { by, why: options.why });
    if (options.format === 'json') return writeJson(io, { merged });
    io.stdout(`merged: ${merged.id} ${merged.name} — ${merged.forms.join(', ')}\n`);
  });
}

export function registerMerge(program: Command, io: CommandIO): void {
  const command = program
    .command('merge')
    .description('merge two identities into one (the second folds into the first); kept across re-analysis')
    .argument('<a>', 'the identity to keep: an id (e12) or a name')
    .argument('<b>', 'the identity to fold into it')
    .option('--by <name>', 'who decides (default $MIKATA_USER or $USER)')
    .option('--why <reason>', 'why');
  addCorpusOptions(command).action(async (a: string, b: string, options: DecisionOptions) => runMerge(a, b, options, io));
}
