/**
 * Files and folders into the corpus: walks folders (recursively), reads each file into a SourceText, and
 * hands them to the corpus in batches, one transaction each. A file that cannot be read or analysed is
 * reported with its reason and the rest go on; a killed run loses at most the batch in flight, which the
 * next run adds (the files already stored are found unchanged by their hash).
 */
import { readdir, realpath, stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { readSourceFile } from '../ingest/read-source.ts';
import { isIngestError } from '../ingest/errors.ts';
import type { Corpus, IngestItem, IngestOutcome } from './corpus.ts';

/** What a folder walk picks up; a file named on the command line is read whatever its extension. */
export const DOCUMENT_EXTENSIONS: ReadonlySet<string> = new Set(['.txt', '.text', '.md', '.markdown', '.html', '.htm', '.xhtml', '.pdf', '.docx']);

export interface CollectedFiles {
  readonly files: string[];
  /** Paths that do not exist or cannot be listed. */
  readonly problems: { path: string; reason: string }[];
  /** Files in folders passed over for their extension. */
  readonly skipped: number;
}

/**
 * The files to ingest, in a stable order: named files as given, folders walked depth-first in name order,
 * hidden entries (.git, .DS_Store) and symbolic-link loops left out, each file once.
 */
export async function collectFiles(paths: readonly string[], options: { exclude?: readonly string[] } = {}): Promise<CollectedFiles> {
  const files: string[] = [];
  const problems: { path: string; reason: string }[] = [];
  const seen = new Set<string>();
  const exclude = new Set((options.exclude ?? []).map((p) => resolve(p)));
  let skipped = 0;

  const add = async (path: string) => {
    const real = await realpath(path).catch(() => resolve(path));
    if (seen.has(real) || exclude.has(real)) return;
    seen.add(real);
    files.push(path);
  };

  const walk = async (dir: string, visited: Set<string>) => {
    const real = await realpath(dir);
    if (visited.has(real)) return;
    visited.add(real);
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (e) {
      problems.push({ path: dir, reason: `cannot list the folder: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        const st = await stat(path).catch(() => null);
        if (!st) continue;
        isDir = st.isDirectory();
        isFile = st.isFile();
      }
      if (isDir) await walk(path, visited);
      else if (isFile) {
        if (DOCUMENT_EXTENSIONS.has(extname(entry.name).toLowerCase())) await add(path);
        else skipped++;
      }
    }
  };

  for (const p of paths) {
    const st = await stat(p).catch((e: NodeJS.ErrnoException) => e);
    if (st instanceof Error) {
      problems.push({ path: p, reason: st.code === 'ENOENT' ? 'no such file or folder' : `cannot read: ${st.code ?? st.message}` });
      continue;
    }
    if (st.isDirectory()) await walk(p, new Set());
    else await add(p);
  }
  return { files, problems, skipped };
}

export interface IngestProgress {
  readonly done: number;
  readonly total: number;
  readonly last: IngestOutcome;
}

export interface IngestFilesOptions {
  readonly encoding?: string;
  /** Documents per transaction. */
  readonly batchSize?: number;
  /** Bytes of text per transaction, whichever comes first. */
  readonly batchBytes?: number;
  readonly onProgress?: (p: IngestProgress) => void;
}

/** Reads and stores files; resolves to one outcome per file, in order. */
export async function ingestFiles(corpus: Corpus, files: readonly string[], options: IngestFilesOptions = {}): Promise<IngestOutcome[]> {
  const batchSize = options.batchSize ?? 64;
  const batchBytes = options.batchBytes ?? 4 * 1024 * 1024;
  const outcomes: IngestOutcome[] = [];
  let batch: { item: IngestItem; index: number }[] = [];
  let bytes = 0;
  let done = 0;
  const report = (o: IngestOutcome) => {
    done++;
    options.onProgress?.({ done, total: files.length, last: o });
  };
  const flush = async () => {
    if (batch.length === 0) return;
    const list = batch;
    batch = [];
    bytes = 0;
    const results = await corpus.addSources(list.map((b) => b.item));
    for (const [i, r] of results.entries()) {
      outcomes[list[i]!.index] = r;
      report(r);
    }
  };
  for (const [index, path] of files.entries()) {
    try {
      const source = await readSourceFile(path, { encoding: options.encoding });
      batch.push({ item: { source, name: path }, index });
      bytes += source.text.length * 2;
    } catch (e) {
      const reason = isIngestError(e) ? e.problem : (e as Error).message;
      outcomes[index] = { name: path, status: 'failed', reason };
      report(outcomes[index]!);
    }
    if (batch.length >= batchSize || bytes >= batchBytes) await flush();
  }
  await flush();
  return outcomes;
}
