/**
 * `mikata replace ID FILE`: a new version of a document, named by the analyst rather than recognised by
 * ingest. The old version is kept but superseded; its corrections move to the new one and anchor again;
 * the ones that no longer anchor are listed.
 */
import { basename } from 'node:path';
import type { Command } from 'commander';
import { isIngestError } from '../../ingest/errors.ts';
import { readSourceFile } from '../../ingest/read-source.ts';
import type { ReplaceOutcome } from '../../store/corpus.ts';
import { CLIError } from '../errors.ts';
import type { CommandIO } from '../io.ts';
import { addCorpusOptions, clip, docLabel, withCorpus, writeJson, type CorpusCommandOptions } from './_corpus.ts';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function showReplace(r: ReplaceOutcome): string {
  const lines = [`${docLabel(r.document)} replaces ${docLabel(r.version.supersedes)} (kept as an older version)`];
  lines.push(`${plural(r.version.carried, 'correction')} carried over: ${r.reanchored.length} anchored again, ${r.version.unanchored.length} no longer anchor`);
  for (const c of r.version.unanchored) lines.push(`  ${c.id}  ${c.action}  ${clip(c.quote, 60)}`);
  if (r.notice) lines.push(r.notice);
  return `${lines.join('\n')}\n`;
}

export async function runReplace(document: string, file: string, options: CorpusCommandOptions & { encoding?: string }, io: CommandIO): Promise<void> {
  let source;
  try {
    source = await readSourceFile(file, { encoding: options.encoding });
  } catch (e) {
    if (isIngestError(e)) throw new CLIError('E_INPUT', `${file}: ${e.problem}`, { cause: e });
    throw e;
  }
  await withCorpus(options, io, {}, async (corpus) => {
    const outcome = await corpus.replace(document, { source, name: file === '-' ? '-' : basename(file) });
    if (options.format === 'json') return writeJson(io, outcome);
    io.stdout(showReplace(outcome));
  });
}

export function registerReplace(program: Command, io: CommandIO): void {
  const command = program
    .command('replace')
    .description('replace a document with a new version of it: the old one is kept but superseded, its corrections move over and anchor again (those that no longer anchor are listed)')
    .argument('<document>', 'the document: its id (four characters or more) or the file name it was ingested from')
    .argument('<file>', 'the new version (text, Markdown, HTML, PDF or Word; - for standard input)')
    .option('--encoding <name>', 'the text encoding of the file, when it cannot be told');
  addCorpusOptions(command).action(async (document: string, file: string, options: CorpusCommandOptions & { encoding?: string }) => runReplace(document, file, options, io));
}
