/** `mikata delete ID`: remove a document and everything derived from it; say what went and what stayed. */
import type { Command } from 'commander';
import type { DeleteOutcome } from '../../store/corpus.ts';
import type { CommandIO } from '../io.ts';
import { addCorpusOptions, docLabel, withCorpus, writeJson, type CorpusCommandOptions } from './_corpus.ts';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function showDelete(d: DeleteOutcome): string {
  const r = d.removed;
  const lines = [
    `deleted ${docLabel(d.document)}${d.document.name ? ` — ${d.document.name}` : ''}: its text and analysis, ${plural(r.claims, 'claim')}, ${plural(r.people, 'person', 'people')}, ${plural(r.dates, 'dated mention')}, ${plural(r.searchRows, 'search index row')}`,
  ];
  if (d.restored) lines.push(`the previous version ${docLabel(d.restored)} is current again${d.corrections ? `, with the ${plural(d.corrections, 'correction')} moved back to it` : ''}`);
  else if (d.corrections) lines.push(`${plural(d.corrections, 'correction')} kept in the record (mikata correct history); they apply again if the same text is added back`);
  return `${lines.join('\n')}\n`;
}

export async function runDelete(document: string, options: CorpusCommandOptions, io: CommandIO): Promise<void> {
  await withCorpus(options, io, {}, async (corpus) => {
    const outcome = await corpus.delete(document);
    if (options.format === 'json') return writeJson(io, outcome);
    io.stdout(showDelete(outcome));
  });
}

export function registerDelete(program: Command, io: CommandIO): void {
  const command = program
    .command('delete')
    .description('remove a document from the corpus, with its claims, people links, dates and search index rows (its corrections stay in the record)')
    .argument('<document>', 'the document: its id (four characters or more) or the file name it was ingested from');
  addCorpusOptions(command).action(async (document: string, options: CorpusCommandOptions) => runDelete(document, options, io));
}
