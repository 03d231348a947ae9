/**
 * What the corpus commands share: the --db and --format options, opening the corpus the options and the
 * environment name, turning corpus and store failures into CLIErrors (with the candidates printed when a
 * name or id is ambiguous), and small text helpers.
 */
import { Option, type Command } from 'commander';
import { Corpus, isCorpusError } from '../../store/corpus.ts';
import { openStoreAt, showLocation, storeLocation } from '../../store/open-store.ts';
import { isStoreError } from '../../store/store.ts';
import { TransferError } from '../../store/transfer.ts';
import { CLIError } from '../errors.ts';
import type { CommandIO } from '../io.ts';

export interface CorpusCommandOptions {
  db?: string;
  format?: 'text' | 'json';
}

export function addCorpusOptions(command: Command, options: { format?: boolean } = { format: true }): Command {
  command.option('--db <path>', 'the corpus: an SQLite file (default ./mikata.db, or $MIKATA_DB) or a postgres:// URL (or set $MIKATA_DATABASE_URL)');
  if (options.format !== false) command.addOption(new Option('-f, --format <format>', 'output: text (default) or json').choices(['text', 'json']));
  return command;
}

/**
 * Opens the corpus, runs `fn`, closes it; failures become CLIErrors. Reading commands pass `readonly`:
 * the corpus is then neither migrated nor switched to WAL, and cannot be changed by them.
 */
export async function withCorpus<T>(options: CorpusCommandOptions, io: CommandIO, mode: { create?: boolean; readonly?: boolean }, fn: (corpus: Corpus) => Promise<T>): Promise<T> {
  const location = storeLocation({ db: options.db, env: io.env, cwd: io.cwd });
  let corpus: Corpus;
  try {
    corpus = new Corpus(await openStoreAt(location, { create: mode.create, readonly: mode.readonly }));
  } catch (e) {
    throw toCLIError(e, io, showLocation(location));
  }
  try {
    return await fn(corpus);
  } catch (e) {
    throw toCLIError(e, io, showLocation(location));
  } finally {
    await corpus.close().catch(() => undefined);
  }
}

export function toCLIError(e: unknown, io: CommandIO, where: string): unknown {
  if (e instanceof CLIError) return e;
  if (isStoreError(e)) {
    if (e.code === 'E_NO_STORE') return new CLIError('E_STORE', e.message, { cause: e });
    if (e.code === 'E_NOT_EMPTY') return new CLIError('E_CONFLICT', e.message, { cause: e });
    // One document over a limit, or unreadable: the message names it; the rest of the corpus is fine.
    if (e.code === 'E_TOO_LARGE' || e.code === 'E_UNREADABLE') return new CLIError('E_STORE', e.message, { cause: e });
    return new CLIError('E_STORE', e.message.includes(where) || e.message.startsWith('/') ? e.message : `${where}: ${e.message}`, { cause: e });
  }
  if (isCorpusError(e)) {
    if (e.candidates.length) {
      io.stderr(`${e.message}:\n`);
      for (const c of e.candidates) io.stderr(`  ${c.id}  ${c.label}\n`);
    }
    const code = e.code === 'E_NOT_FOUND' ? 'E_NOT_FOUND' : e.code === 'E_INVALID' ? 'E_USAGE' : 'E_CONFLICT';
    return new CLIError(code, e.message, { cause: e });
  }
  if (e instanceof TransferError) return new CLIError('E_INPUT', e.message, { cause: e });
  return e;
}

/** Who makes a change: --by, else $MIKATA_USER, $USER, $LOGNAME. */
export function whoIs(by: string | undefined, io: CommandIO): string {
  const who = by ?? io.env.MIKATA_USER ?? io.env.USER ?? io.env.LOGNAME;
  if (!who?.trim()) throw new CLIError('E_USAGE', 'say who makes the change: --by NAME (or set MIKATA_USER)');
  return who.trim();
}

export function writeJson(io: CommandIO, value: unknown): void {
  io.stdout(`${JSON.stringify(value, null, 1)}\n`);
}

/** Emphasis for the terminal, plain markers otherwise. */
export function emphasis(io: CommandIO): { strong: (s: string) => string; dim: (s: string) => string; mark: (s: string) => string } {
  if (io.isTTY && !io.env.NO_COLOR) {
    return { strong: (s) => `\x1b[1m${s}\x1b[22m`, dim: (s) => `\x1b[2m${s}\x1b[22m`, mark: (s) => `\x1b[1;33m${s}\x1b[22;39m` };
  }
  return { strong: (s) => s, dim: (s) => s, mark: (s) => `**${s}**` };
}

/** One line of text: white space runs become one space. */
export const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

export function clip(s: string, n: number): string {
  const flat = oneLine(s);
  return flat.length > n ? `${flat.slice(0, n - 1)}…` : flat;
}

export function docLabel(d: { id: string; title: string | null; date: string | null; name: string | null }): string {
  const title = d.title ? clip(d.title, 60) : d.name ? d.name : '(untitled)';
  return `${title}${d.date ? `, ${d.date}` : ''} [${d.id}]`;
}

export function parsePositiveInt(value: string, what: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new CLIError('E_USAGE', `${what} must be a whole number, not ${JSON.stringify(value)}`);
  return n;
}
