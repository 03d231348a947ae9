/** `mikata experts`: everyone in the corpus, with every name form, organisation, claims, documents and dates. */
import type { Command } from 'commander';
import type { PersonSummary } from '../../store/corpus.ts';
import type { CommandIO } from '../io.ts';
import { addCorpusOptions, emphasis, parsePositiveInt, withCorpus, writeJson, type CorpusCommandOptions } from './_corpus.ts';

export interface ExpertsCommandOptions extends CorpusCommandOptions {
  all?: boolean;
  limit?: string;
}

/** `katakana: ミハイル・L・ソコリン, ソコリン · latin: Mikhail Sokolin` */
export function showForms(forms: PersonSummary['forms']): string {
  return Object.entries(forms)
    .map(([script, list]) => `${script}: ${list!.join(', ')}`)
    .join(' · ');
}

export function showSpan(first: string | null, last: string | null): string {
  if (!first) return 'undated';
  return first === last || !last ? first : `${first} – ${last}`;
}

export async function runExperts(options: ExpertsCommandOptions, io: CommandIO): Promise<void> {
  const limit = options.limit === undefined ? undefined : parsePositiveInt(options.limit, '--limit');
  await withCorpus(options, io, { readonly: true }, async (corpus) => {
    let people = await corpus.experts({ all: options.all });
    if (limit !== undefined) people = people.slice(0, limit);
    if (options.format === 'json') return writeJson(io, { people });
    const e = emphasis(io);
    if (people.length === 0) {
      io.stdout('no people in the corpus yet\n');
      return;
    }
    for (const p of people) {
      const type = p.type === 'person' ? '' : ` [${p.type}]`;
      io.stdout(`${e.strong(p.name)}${type}  ${e.dim(p.id)}${p.organization ? ` — ${p.organization}` : ''}\n`);
      io.stdout(`  ${p.claims} claim${p.claims === 1 ? '' : 's'} in ${p.documents} document${p.documents === 1 ? '' : 's'}, ${showSpan(p.first, p.last)}\n`);
      io.stdout(`  ${showForms(p.forms)}\n`);
    }
  });
}

export function registerExperts(program: Command, io: CommandIO): void {
  const command = program
    .command('experts')
    .description('list the people in the corpus: every name form, organisation, number of claims and documents, first and last date')
    .option('-a, --all', 'also groups, governments, organisations and media that speak')
    .option('-n, --limit <n>', 'show only the first n');
  addCorpusOptions(command).action(async (options: ExpertsCommandOptions) => runExperts(options, io));
}
