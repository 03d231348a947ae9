/**
 * `mikata identities`: the people the corpus tells apart, the matches it is unsure of (--pending), the
 * decisions taken (--log), and `--dismiss A B` to record that two are different people.
 */
import type { Command } from 'commander';
import { CLIError } from '../errors.ts';
import type { CommandIO } from '../io.ts';
import { addCorpusOptions, emphasis, whoIs, withCorpus, writeJson, type CorpusCommandOptions } from './_corpus.ts';
import { showForms } from './experts.ts';

export interface IdentitiesCommandOptions extends CorpusCommandOptions {
  pending?: boolean;
  log?: boolean;
  dismiss?: string[];
  by?: string;
  why?: string;
}

export async function runIdentities(options: IdentitiesCommandOptions, io: CommandIO): Promise<void> {
  const modes = [options.pending, options.log, options.dismiss].filter(Boolean).length;
  if (modes > 1) throw new CLIError('E_USAGE', 'choose one of --pending, --log and --dismiss');
  await withCorpus(options, io, { readonly: !options.dismiss }, async (corpus) => {
    const e = emphasis(io);
    if (options.dismiss) {
      if (options.dismiss.length !== 2) throw new CLIError('E_USAGE', '--dismiss takes two identities: --dismiss A B');
      const [a, b] = options.dismiss as [string, string];
      await corpus.dismiss(a, b, { by: whoIs(options.by, io), why: options.why });
      if (options.format === 'json') return writeJson(io, { dismissed: [a, b] });
      io.stdout(`recorded: ${a} and ${b} are different people; mikata will not propose them again\n`);
      return;
    }
    if (options.pending) {
      const proposals = await corpus.proposals('pending');
      if (options.format === 'json') return writeJson(io, { proposals });
      if (proposals.length === 0) {
        io.stdout('no pending proposals\n');
        return;
      }
      io.stdout(`${proposals.length} possible match${proposals.length === 1 ? '' : 'es'} to decide (mikata merge A B, or mikata identities --dismiss A B):\n`);
      for (const p of proposals) {
        io.stdout(`\n${e.strong(`${p.a.id} ${p.a.name}`)}  ~  ${e.strong(`${p.b.id} ${p.b.name}`)}  ${e.dim(`score ${p.score}`)}\n`);
        io.stdout(`  ${p.a.id}: ${p.a.forms.join(', ')}${p.a.organization ? ` — ${p.a.organization}` : ''}\n`);
        io.stdout(`  ${p.b.id}: ${p.b.forms.join(', ')}${p.b.organization ? ` — ${p.b.organization}` : ''}\n`);
        for (const ev of p.evidence) io.stdout(`  ${e.dim(ev)}\n`);
      }
      return;
    }
    if (options.log) {
      const decisions = await corpus.decisions();
      if (options.format === 'json') return writeJson(io, { decisions });
      if (decisions.length === 0) io.stdout('no decisions recorded\n');
      for (const d of decisions) {
        const what = d.kind === 'merge' ? `merged ${d.b} into ${d.a}` : d.kind === 'split' ? `split ${d.forms.join(', ')} off ${d.a} as ${d.b}` : d.kind === 'dismiss' ? `kept ${d.a} and ${d.b} apart` : `withdrew correction ${d.a}`;
        io.stdout(`${d.at}  ${d.by}: ${what}${d.why ? ` — ${d.why}` : ''}\n`);
      }
      return;
    }
    const people = await corpus.experts({ all: true });
    if (options.format === 'json') return writeJson(io, { identities: people });
    for (const p of people) io.stdout(`${e.strong(p.id.padEnd(6))} ${p.name}${p.type === 'person' ? '' : ` [${p.type}]`} — ${showForms(p.forms)}\n`);
  });
}

export function registerIdentities(program: Command, io: CommandIO): void {
  const command = program
    .command('identities')
    .description('list identities; --pending shows the possible matches mikata did not merge on its own; --log the merges and splits')
    .option('-p, --pending', 'possible matches waiting for a decision')
    .option('--log', 'merges, splits and dismissals, with who and why')
    .option('--dismiss <ids...>', 'record that two identities are different people')
    .option('--by <name>', 'who decides (default $MIKATA_USER or $USER)')
    .option('--why <reason>', 'why');
  addCorpusOptions(command).action(async (options: IdentitiesCommandOptions) => runIdentities(options, io));
}
