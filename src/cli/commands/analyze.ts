/** `mikata analyze FILE`: the anatomy and the who-said-what of one document. */
import type { Command } from 'commander';
import { Option } from 'commander';
import { analyze, analyzeInParts } from '../../core/analyze.ts';
import { dropJaPreload, preloadJaTokenizer } from '../../core/morph/kuromoji.ts';
import { detectLanguage } from '../../core/text/chars.ts';
import { exporters, exportFormats, type Exporter, type ExportFormat } from '../../export/index.ts';
import { readSourceFile } from '../../ingest/read-source.ts';
import { isIngestError } from '../../ingest/errors.ts';
import { compileCodebook } from '../../core/codebook/auto-code.ts';
import { DEFAULT_CODEBOOK } from '../../core/codebook/default-codebook.ts';
import { CLIError } from '../errors.ts';
import { Utf8Chunks, type CommandIO } from '../io.ts';

export interface AnalyzeCommandOptions {
  format?: ExportFormat;
  encoding?: string;
  inputFormat?: 'text' | 'markdown' | 'html' | 'pdf' | 'docx';
  language?: 'ja' | 'en';
  claims?: boolean;
  /** Put the decoded text in the JSON's `source.text`; unset means yes for PDF and Word, no otherwise. */
  withText?: boolean;
  /** A codebook file to code claims with (default: the default codebook). */
  codebook?: string;
  /** false: no codes (--no-codes). */
  codes?: boolean;
}

export async function runAnalyze(file: string, options: AnalyzeCommandOptions, io: CommandIO): Promise<void> {
  let source;
  try {
    source = await readSourceFile(file, { encoding: options.encoding, format: options.inputFormat });
  } catch (e) {
    if (isIngestError(e)) throw new CLIError('E_INPUT', e.message, { cause: e });
    throw e;
  }
  // A PDF's or Word file's text exists only as mikata extracted it: without it the offsets point nowhere.
  const withText = options.withText ?? (source.format === 'pdf' || source.format === 'docx');
  // A codebook file may be REFI-QDA XML: its reader is loaded only when one is named.
  const book = options.codes === false ? null : options.codebook ? (await import('../codebook-file.ts')).readCodebookFile(options.codebook, io) : DEFAULT_CODEBOOK;
  const format = options.format ?? (io.isTTY ? 'text' : 'json');
  const exporter = exporters[format] as Exporter;
  // The claims are coded as they are written, not in a copy of the analysis (194 000 claims: 134 MB).
  const context = { text: source.text, color: io.isTTY && format === 'text', codebook: book ? compileCodebook(book) : undefined };
  const analyzeOptions = { language: options.language, claims: options.claims };
  // A Japanese text's claims need the analyser: its dictionary is unpacked in the background while the outline
  // is found (the half second that unpacking takes is most of a short document's analysis).
  // (bin/mikata.mjs starts it before this module is loaded; a text that needs no analyser lets it go.)
  const analyser = options.claims !== false && (options.language ?? detectLanguage(source.text)) === 'ja' ? preloadJaTokenizer() : (dropJaPreload(), null);
  if (!exporter.chunks) {
    await analyser;
    const analysed = analyze(source, analyzeOptions);
    io.stdout(exporter.render(withText ? { ...analysed, source: { ...analysed.source, text: source.text } } : analysed, context));
    return;
  }
  // The claims are written as they are found, part by part, in chunks of about 1 MB, waiting for the pipe when it
  // is full: a long document's analysis is never held whole.
  const run = analyzeInParts(source, analyzeOptions);
  if (withText) run.head.source = { ...run.head.source, text: source.text };
  await analyser;
  const chunks = exporter.chunks(run, context);
  if (io.stdoutBytes) {
    const bytes = new Utf8Chunks();
    for (const chunk of chunks) {
      const full = bytes.push(chunk);
      if (full && io.stdoutBytes(full) === false && io.drain) await io.drain();
    }
    const last = bytes.flush();
    if (last) io.stdoutBytes(last);
    return;
  }
  let buffer = '';
  for (const chunk of chunks) {
    buffer += chunk;
    if (buffer.length >= 1 << 20) {
      if (io.stdout(buffer) === false && io.drain) await io.drain();
      buffer = '';
    }
  }
  if (buffer) io.stdout(buffer);
}

export function registerAnalyze(program: Command, io: CommandIO): void {
  program
    .command('analyze')
    .description('analyse one commentary: metadata, outline, footnote markers, people, who said what, dates, glossary')
    .argument('<file>', 'a text, Markdown, HTML, PDF or Word file; - reads standard input')
    .addOption(new Option('-f, --format <format>', `output format: ${exportFormats.map((f) => `${f} (${exporters[f].description})`).join('; ')}`).choices(exportFormats))
    .option('-e, --encoding <name>', 'decode the input with this encoding instead of detecting it (utf-8, utf-16le, shift_jis, euc-jp …)')
    .addOption(new Option('--input-format <format>', 'read the input as this format instead of guessing it from the name and content').choices(['text', 'markdown', 'html', 'pdf', 'docx']))
    .addOption(new Option('--language <lang>', 'the document language, instead of detecting it').choices(['ja', 'en']))
    .option('--codebook <file>', 'code each claim with this codebook (JSON or .qdc) instead of the default one')
    .option('--no-codes', 'leave the codes out')
    .option('--no-claims', 'the anatomy alone (metadata, outline, footnote markers, dates, glossary), without people and claims: faster')
    .option('--with-text', 'put the decoded source text in the JSON (source.text), so spans resolve without mikata; the default for PDF and Word')
    .option('--no-with-text', 'leave the source text out of the JSON, also for PDF and Word')
    .action(async (file: string, options: AnalyzeCommandOptions) => runAnalyze(file, options, io));
}
