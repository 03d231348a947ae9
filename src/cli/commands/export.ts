/**
 * `mikata export --format FORMAT --out FILE [--document ID…] [--person NAME…]`: the corpus, or a selection
 * of it, in a format another tool opens (REFI-QDA, W3C Web Annotation, STIX 2.1, GraphML, GEXF, CSL-JSON),
 * or as the audit CSV and the Markdown / HTML brief. The choices come from the registry in
 * src/export/formats.ts. `--code ID` keeps the claims coded with that code of the corpus codebook (or a code
 * under it).
 */
import { Option, type Command } from 'commander';
import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { collectDataset } from '../../export/collect-dataset.ts';
import { corpusFormatNames, corpusFormats, exportFileName, renderExport, type CorpusFormatName } from '../../export/formats.ts';
import { CLIError } from '../errors.ts';
import type { CommandIO } from '../io.ts';
import { addCorpusOptions, withCorpus } from './_corpus.ts';
import { writeFileAtomically } from '../files.ts';

export interface ExportOptions {
  db?: string;
  format: CorpusFormatName;
  out?: string;
  document?: string[];
  person?: string[];
  code?: string[];
  by?: string;
  lang?: 'ja' | 'en';
  /** The export's time (ISO); the clock by default. For reproducible files. */
  now?: string;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

export async function runExport(options: ExportOptions, io: CommandIO): Promise<void> {
  if (!options.out) throw new CLIError('E_USAGE', 'say where to write the export: --out FILE (or --out DIR/ to name it from the title; - for standard output)');
  if (options.out === '-' && options.format === 'qdpx') throw new CLIError('E_USAGE', 'a .qdpx is a zip archive: give --out FILE, not standard output');
  const now = options.now ?? new Date().toISOString();
  if (Number.isNaN(Date.parse(now))) throw new CLIError('E_USAGE', `--now must be an ISO time, not ${JSON.stringify(options.now)}`);
  const analyst = options.by ?? io.env.MIKATA_USER ?? io.env.USER ?? io.env.LOGNAME ?? null;

  await withCorpus({ db: options.db }, io, {}, async (corpus) => {
    const data = await collectDataset(corpus, { documents: options.document, people: options.person, codes: options.code }, { now, analyst, language: options.lang });
    const bytes = renderExport(options.format, data);
    if (options.out === '-') {
      io.stdout(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes));
      return;
    }
    let path = resolve(io.cwd, options.out!);
    const isDir = options.out!.endsWith('/') || (() => { try { return statSync(path).isDirectory(); } catch { return false; } })();
    if (isDir) path = join(path, exportFileName(options.format, data));
    writeFileAtomically(path, bytes, 'export');
    io.stderr(`${options.format}: ${data.claims.length} claims from ${data.documents.length} document${data.documents.length === 1 ? '' : 's'} → ${path}\n`);
  });
}

export function registerExport(program: Command, io: CommandIO): void {
  const command = program
    .command('export')
    .description('the corpus (or some documents or people) as a file another tool opens: REFI-QDA, W3C Web Annotation, STIX 2.1, GraphML, GEXF, CSL-JSON, the audit CSV, or the brief')
    .addOption(new Option('--format <format>', 'the format (below)').choices(corpusFormatNames).makeOptionMandatory())
    .option('--out <file>', 'where to write it (a directory: a file named from the title; - : standard output, not for qdpx)')
    .option('--document <id>', 'only this document (its id or file name); repeat for more', collect)
    .option('--person <name>', 'only the claims of this person (any spelling, or an id such as e12); repeat for more', collect)
    .option('--code <id>', 'only the claims coded with this code of the codebook, or a code under it (mikata codebook show); repeat for more', collect)
    .option('--by <name>', 'who makes the export, for the brief\'s header (default $MIKATA_USER, then $USER)')
    .addOption(new Option('--lang <lang>', 'labels in the brief and file name (default: the documents\' language)').choices(['ja', 'en']))
    .option('--now <iso>', 'the export\'s time (default: now), for a reproducible file');
  addCorpusOptions(command, { format: false });
  const width = Math.max(...corpusFormatNames.map((f) => f.length));
  command.addHelpText('after', [
    '', 'Formats:', ...corpusFormatNames.map((f) => `  ${f.padEnd(width)}  ${corpusFormats[f].description}`),
    '',
  ].join('\n'));
  command.action((options: ExportOptions) => runExport(options, io));
}
