/** `mikata search QUERY`: full-text search in Japanese and English, ranked, with highlighted snippets. */
import type { Command } from 'commander';
import type { SearchResult, Snippet } from '../../store/corpus.ts';
import type { CommandIO } from '../io.ts';
import { addCorpusOptions, docLabel, emphasis, oneLine, parsePositiveInt, withCorpus, writeJson, type CorpusCommandOptions } from './_corpus.ts';

export interface FilterOptions extends CorpusCommandOptions {
  speaker?: string;
  document?: string;
  from?: string;
  to?: string;
  limit?: string;
}

export interface SearchCommandOptions extends FilterOptions {
  offset?: string;
}

export async function runSearch(query: string[], options: SearchCommandOptions, io: CommandIO): Promise<void> {
  await withCorpus(options, io, { readonly: true }, async (corpus) => {
    const result = await corpus.search(query.join(' '), {
      speaker: options.speaker,
      document: options.document,
      from: options.from,
      to: options.to,
      limit: options.limit === undefined ? undefined : parsePositiveInt(options.limit, '--limit'),
      offset: options.offset === undefined ? undefined : parsePositiveInt(options.offset, '--offset'),
    });
    if (options.format === 'json') return writeJson(io, result);
    io.stdout(showSearch(result, io));
  });
}

export function showSnippet(s: Snippet, mark: (x: string) => string): string {
  let out = '';
  let at = 0;
  for (const h of s.highlights) {
    out += s.text.slice(at, h.start) + mark(s.text.slice(h.start, h.end));
    at = h.end;
  }
  return oneLine(out + s.text.slice(at));
}

export function showSearch(result: SearchResult, io: CommandIO): string {
  const e = emphasis(io);
  const alternatives = result.terms.flatMap((t) => (t.spellings.length ? [`${t.input} (also ${t.spellings.join(', ')})`] : []));
  const lines = [`${result.estimated ? 'about ' : ''}${result.total} document${result.total === 1 ? '' : 's'} match ${JSON.stringify(result.query)}${alternatives.length ? `; names searched in every spelling: ${alternatives.join('; ')}` : ''}`];
  if (result.rankedWithin) lines.push(e.dim(`(so many match that only the ${result.rankedWithin} most recently added are ranked; narrow with --from, --to, --speaker or more words)`));
  for (const [i, h] of result.hits.entries()) {
    lines.push('', `${i + 1}. ${e.strong(docLabel(h.document))}  ${e.dim(`${h.matches} match${h.matches === 1 ? '' : 'es'}`)}`);
    for (const s of h.snippets) {
      const who = s.speakers.length ? `${s.speakers.join(', ')}: ` : '';
      const where = s.section ? e.dim(`§ ${oneLine(s.section)}  `) : '';
      lines.push(`   ${where}${who}${showSnippet(s, e.mark)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

export function addFilterOptions(command: Command, dated = 'documents published'): Command {
  return command
    .option('-s, --speaker <name>', 'only what this person says (any spelling, or an id)')
    .option('-d, --document <id>', 'only this document (its id or file name)')
    .option('--from <date>', `only ${dated} on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)`)
    .option('--to <date>', `only ${dated} on or before this date`)
    .option('-n, --limit <n>', 'how many results');
}

export function registerSearch(program: Command, io: CommandIO): void {
  const command = program
    .command('search')
    .description('search the corpus, Japanese and English; a name finds every spelling of that person')
    .argument('<query...>', 'words (all must occur); "quote" a phrase with spaces');
  addFilterOptions(command).option('--offset <n>', 'skip the first n results');
  addCorpusOptions(command).action(async (query: string[], options: SearchCommandOptions) => runSearch(query, options, io));
}
