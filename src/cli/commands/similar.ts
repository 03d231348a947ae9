/** `mikata similar DOC CLAIM`: the claims of other speakers, in any document, that say nearly the same. */
import type { Command } from 'commander';
import type { SimilarClaims } from '../../store/corpus.ts';
import { CLIError } from '../errors.ts';
import type { CommandIO } from '../io.ts';
import { addCorpusOptions, docLabel, emphasis, oneLine, parsePositiveInt, withCorpus, writeJson, type CorpusCommandOptions } from './_corpus.ts';

export interface SimilarCommandOptions extends CorpusCommandOptions {
  threshold?: string;
  limit?: string;
  sameSpeaker?: boolean;
}

export async function runSimilar(document: string, claim: string, options: SimilarCommandOptions, io: CommandIO): Promise<void> {
  const threshold = options.threshold === undefined ? undefined : Number(options.threshold);
  if (threshold !== undefined && !(threshold >= 0 && threshold <= 1)) throw new CLIError('E_USAGE', `--threshold must be a number from 0 to 1, not ${JSON.stringify(options.threshold)}`);
  const limit = options.limit === undefined ? undefined : parsePositiveInt(options.limit, '--limit');
  await withCorpus(options, io, { readonly: true }, async (corpus) => {
    const result = await corpus.similar(document, claim, { threshold, limit, sameSpeaker: options.sameSpeaker });
    if (options.format === 'json') return writeJson(io, result);
    io.stdout(showSimilar(result, io));
  });
}

const speakerNames = (c: { speakers: readonly { name: string }[] }) => c.speakers.map((s) => s.name).join(', ') || '(no speaker)';

export function showSimilar(result: SimilarClaims, io: CommandIO): string {
  const e = emphasis(io);
  const c = result.claim;
  const lines = [`${e.strong(speakerNames(c))}  ${e.dim(`${c.document.id} ${c.id}`)}`, `«${oneLine(c.text)}»`, ''];
  if (result.similar.length === 0) {
    lines.push(e.dim(`no claim of another speaker is similar (threshold ${result.threshold})`));
    return `${lines.join('\n')}\n`;
  }
  lines.push(`also said by (similarity ≥ ${result.threshold}):`);
  for (const s of result.similar) {
    lines.push(`  ${s.similarity.toFixed(2)}  ${e.strong(speakerNames(s))}  ${e.dim(`${docLabel(s.document)} ${s.id}`)}`);
    lines.push(`        «${oneLine(s.text)}»`);
  }
  return `${lines.join('\n')}\n`;
}

export function registerSimilar(program: Command, io: CommandIO): void {
  const command = program
    .command('similar')
    .description('show the claims of other speakers, in any document, that say nearly the same as one claim ("also said by")')
    .argument('<document>', 'the document: its id (as mikata ingest printed it) or its file name')
    .argument('<claim>', 'the claim id in that document (a3), as mikata correct list shows it')
    .option('--threshold <x>', 'the least similarity, from 0 to 1 (default 0.6)')
    .option('-n, --limit <n>', 'show at most n claims (default 20)')
    .option('--same-speaker', "also list the speaker's own similar claims");
  addCorpusOptions(command).action(async (document: string, claim: string, options: SimilarCommandOptions) => runSimilar(document, claim, options, io));
}
