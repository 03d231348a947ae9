/** `mikata ingest PATH…`: files and folders into the corpus, with a progress bar on a terminal and a summary. */
import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { basename } from 'node:path';
import type { IngestOutcome } from '../../store/corpus.ts';
import { collectFiles, ingestFiles } from '../../store/ingest-files.ts';
import { storeLocation } from '../../store/open-store.ts';
import { CLIError } from '../errors.ts';
import { readSourceFile } from '../../ingest/read-source.ts';
import { isIngestError } from '../../ingest/errors.ts';
import type { CommandIO } from '../io.ts';
import { addCorpusOptions, clip, withCorpus, writeJson, type CorpusCommandOptions } from './_corpus.ts';

export interface IngestCommandOptions extends CorpusCommandOptions {
  encoding?: string;
  verbose?: boolean;
  batch?: string;
}

export async function runIngest(paths: string[], options: IngestCommandOptions, io: CommandIO): Promise<void> {
  if (paths.length === 0) throw new CLIError('E_USAGE', 'name at least one file or folder to ingest');
  const batchSize = options.batch === undefined ? undefined : Number(options.batch);
  if (batchSize !== undefined && (!Number.isInteger(batchSize) || batchSize < 1)) throw new CLIError('E_USAGE', `--batch must be a positive whole number, not ${options.batch}`);
  const location = storeLocation({ db: options.db, env: io.env, cwd: io.cwd });
  // Never ingest the corpus file itself (or its WAL) when a folder holding it is named.
  const exclude = location.kind === 'sqlite' ? [location.path, `${location.path}-wal`, `${location.path}-shm`, `${location.path}-journal`] : [];
  // `-` reads one document from standard input; the other paths are files and folders.
  const fromStdin = paths.includes('-');
  const collected = await collectFiles(paths.filter((p) => p !== '-'), { exclude });

  await withCorpus(options, io, { create: true }, async (corpus) => {
    const bar = io.isTTY && process.stderr.isTTY && collected.files.length > 1
      ? new cliProgress.SingleBar({
          format: 'ingesting [{bar}] {value}/{total} {file}',
          barsize: 30,
          hideCursor: true,
          clearOnComplete: true,
          stream: process.stderr,
        }, cliProgress.Presets.shades_classic)
      : null;
    bar?.start(collected.files.length, 0, { file: '' });
    let outcomes: IngestOutcome[];
    try {
      outcomes = await ingestFiles(corpus, collected.files, {
        encoding: options.encoding,
        batchSize,
        onProgress: (p) => bar?.update(p.done, { file: basename(p.last.name ?? '') }),
      });
    } finally {
      bar?.stop();
    }
    if (fromStdin) {
      try {
        const source = await readSourceFile('-', { encoding: options.encoding });
        outcomes.push(...(await corpus.addSources([{ source, name: '-' }])));
      } catch (e) {
        if (!isIngestError(e)) throw e;
        outcomes.push({ name: '-', status: 'failed', reason: e.problem });
      }
    }
    const failed = [
      ...collected.problems.map((p) => ({ name: p.path, status: 'failed' as const, reason: p.reason })),
      ...outcomes.filter((o) => o.status === 'failed'),
    ];
    const added = outcomes.filter((o) => o.status === 'added');
    const unchanged = outcomes.filter((o) => o.status === 'unchanged');

    if (options.format === 'json') {
      writeJson(io, {
        corpus: corpus.store.info.location,
        added: added.map((o) => ({
          file: o.name, document: o.document?.id ?? null, title: o.document?.title ?? null, date: o.document?.date ?? null,
          ...(o.notice ? { notice: o.notice } : {}), ...(o.version ? { version: o.version } : {}),
        })),
        unchanged: unchanged.map((o) => ({ file: o.name, document: o.document?.id ?? null, reason: o.reason ?? null })),
        failed: failed.map((o) => ({ file: o.name, reason: o.reason ?? null })),
        skipped: collected.skipped,
      });
    } else {
      if (options.verbose) {
        for (const o of added) io.stdout(`added      ${o.document?.id ?? ''}  ${o.name ?? ''}\n`);
        for (const o of unchanged) io.stdout(`unchanged  ${o.document?.id ?? '            '}  ${o.name ?? ''}${o.reason ? ` (${o.reason})` : ''}\n`);
      }
      const skipped = collected.skipped ? `, ${collected.skipped} skipped (not a document type)` : '';
      io.stdout(`added ${added.length}, unchanged ${unchanged.length}, failed ${failed.length}${skipped} — ${corpus.store.info.location}\n`);
      const versions = added.filter((o) => o.version);
      if (versions.length) {
        io.stdout('new versions (the old version is kept but no longer counted; its corrections were carried over):\n');
        for (const o of versions) {
          const v = o.version!;
          io.stdout(`  ${o.name ?? '?'} [${o.document?.id ?? ''}] supersedes ${v.supersedes.id} (${v.why}); ${v.carried} correction${v.carried === 1 ? '' : 's'} carried over, ${v.unanchored.length} no longer anchor\n`);
          for (const c of v.unanchored) io.stdout(`    ${c.id} ${c.action} by ${c.by}: ${c.problem ?? ''} «${clip(c.quote, 50)}» (kept; fix or withdraw it with mikata correct)\n`);
        }
        // ACH evidence follows its claims into the new version; what the new version lacks is listed.
        const old = new Set(versions.map((o) => o.version!.supersedes.id));
        const loose = (await corpus.achBook().unanchored()).filter((u) => old.has(u.docHash.slice(0, 12)));
        if (loose.length) {
          io.stdout('ACH evidence whose claim the new version lacks (kept with its ratings; mikata ach unanchored lists it):\n');
          for (const u of loose) io.stdout(`  ${u.matrix} ${u.evidence}: ${u.reason} «${clip(u.text, 50)}»\n`);
        }
      }
      for (const o of added.filter((x) => x.notice)) io.stdout(`limited: ${o.name ?? '?'} [${o.document?.id ?? ''}]: ${o.notice}\n`);
      if (failed.length) {
        io.stdout('failed:\n');
        for (const f of failed) io.stdout(`  ${f.name ?? '?'}: ${f.reason ?? 'unknown reason'}\n`);
      }
    }
    if (added.length + unchanged.length === 0) {
      throw new CLIError('E_INPUT', failed.length ? `nothing was ingested: ${failed.length === 1 ? 'the input' : `all ${failed.length} inputs`} failed` : 'nothing to ingest: no documents found there');
    }
  });
}

export function registerIngest(program: Command, io: CommandIO): void {
  const command = program
    .command('ingest')
    .description('add files and folders (recursively) to the corpus; documents already there (same text) are not added twice')
    .argument('<paths...>', 'files and folders: text, Markdown, HTML, PDF, Word; - reads one document from standard input')
    .option('-e, --encoding <name>', 'decode text files with this encoding instead of detecting it')
    .option('-v, --verbose', 'list every file, not only the failures')
    .option('--batch <n>', 'documents per transaction (default 64)');
  addCorpusOptions(command).action(async (paths: string[], options: IngestCommandOptions) => runIngest(paths, options, io));
}
