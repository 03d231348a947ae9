/**
 * `mikata serve`: the workbench (HTTP JSON API and web UI) over a corpus, on http://127.0.0.1:PORT by
 * default. Off loopback it refuses to start without a token, and then every API call must carry it.
 */
import { userInfo } from 'node:os';
import type { Command } from 'commander';
import { AnalysisPool, DEFAULT_POOL_MEMORY_MB, DEFAULT_POOL_TIMEOUT_MS, defaultPoolSize } from '../../server/analysis-pool.ts';
import { createApp, DEFAULT_MAX_UPLOAD_BYTES } from '../../server/app.ts';
import { isLoopback, startServer, type RunningServer } from '../../server/node.ts';
import { loadWebAssets } from '../../server/web-assets.ts';
import { Corpus } from '../../store/corpus.ts';
import { openStoreAt, showLocation, storeLocation } from '../../store/open-store.ts';
import { CLIError } from '../errors.ts';
import type { CommandIO } from '../io.ts';
import { addCorpusOptions, toCLIError } from './_corpus.ts';

export const DEFAULT_PORT = 7337;
/** A token shorter than this is too easy to guess over a network. */
const MIN_TOKEN_LENGTH = 12;

export interface ServeOptions {
  host?: string;
  port?: string | number;
  db?: string;
  token?: string;
  user?: string;
  maxUpload?: string | number;
  workers?: string | number;
  analysisTimeout?: string | number;
  analysisMemory?: string | number;
}

export interface Serving {
  readonly server: RunningServer;
  readonly corpus: Corpus;
  /** Where uploads are analysed. */
  readonly pool: AnalysisPool;
  /** The URL to open (with the token in the fragment, which never reaches the server's logs). */
  readonly url: string;
  close(): Promise<void>;
}

function parsePort(value: string | number | undefined): number {
  if (value === undefined) return DEFAULT_PORT;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new CLIError('E_USAGE', `--port: ${JSON.stringify(String(value))} is not a port number (0–65535; 0 picks a free one)`);
  return n;
}

function parseMegabytes(value: string | number | undefined): number {
  if (value === undefined) return DEFAULT_MAX_UPLOAD_BYTES;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0 || n > 256) throw new CLIError('E_USAGE', `--max-upload: ${JSON.stringify(String(value))} is not a size in MiB from 1 to 256`);
  return Math.round(n * 1024 * 1024);
}

function parseNumber(value: string | number | undefined, flag: string, fallback: number, min: number, max: number, unit: string): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n < min || n > max) throw new CLIError('E_USAGE', `${flag}: ${JSON.stringify(String(value))} is not ${unit} from ${min} to ${max}`);
  return n;
}

function defaultUser(env: Record<string, string | undefined>): string {
  const named = env.MIKATA_USER ?? env.USER ?? env.LOGNAME;
  if (named?.trim()) return named.trim();
  try {
    return userInfo().username || 'analyst';
  } catch {
    return 'analyst';
  }
}

/** Opens the corpus and starts listening; resolves once the server is up. */
export async function startServe(options: ServeOptions, io: CommandIO): Promise<Serving> {
  const host = options.host?.trim() || '127.0.0.1';
  const port = parsePort(options.port);
  const token = (options.token ?? io.env.MIKATA_TOKEN)?.trim() || null;
  if (!isLoopback(host) && !token) {
    throw new CLIError('E_USAGE', `refusing to listen on ${host} without a token: anyone who can reach it could read and change the corpus. Give --token or set MIKATA_TOKEN`);
  }
  if (token && token.length < MIN_TOKEN_LENGTH) throw new CLIError('E_USAGE', `the token is too short (at least ${MIN_TOKEN_LENGTH} characters)`);

  const workers = Math.round(parseNumber(options.workers, '--workers', defaultPoolSize(), 1, 32, 'a number of workers'));
  const timeoutMs = parseNumber(options.analysisTimeout, '--analysis-timeout', DEFAULT_POOL_TIMEOUT_MS / 1000, 1, 3600, 'a time in seconds') * 1000;
  const maxMemoryMb = Math.round(parseNumber(options.analysisMemory, '--analysis-memory', DEFAULT_POOL_MEMORY_MB, 64, 16384, 'a size in MB'));
  const maxUploadBytes = parseMegabytes(options.maxUpload);

  const location = storeLocation({ db: options.db, env: io.env, cwd: io.cwd });
  let corpus: Corpus;
  try {
    // An empty corpus is made if there is none yet: the workbench can fill it by upload.
    corpus = new Corpus(await openStoreAt(location, { create: true }));
  } catch (e) {
    throw toCLIError(e, io, showLocation(location));
  }
  // Uploads are read and analysed in worker threads, so that one large document cannot stall other requests.
  const pool = new AnalysisPool({ size: workers, timeoutMs, maxMemoryMb });
  const app = createApp({
    corpus,
    token,
    pool,
    user: options.user?.trim() || defaultUser(io.env),
    maxUploadBytes,
    log: (m) => io.stderr(`${m}\n`),
  });
  let server: RunningServer;
  try {
    // Bundle the UI before printing the URL, so that the first page opens at once.
    await loadWebAssets();
    server = await startServer(app, { host, port });
  } catch (e) {
    await pool.close();
    await corpus.close();
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new CLIError('E_USAGE', `port ${port} on ${host} is in use; choose another with --port (0 picks a free one)`);
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') throw new CLIError('E_USAGE', `cannot listen on ${host}: no such address on this machine`);
    if (code === 'EACCES') throw new CLIError('E_USAGE', `not allowed to listen on port ${port} (ports below 1024 need privileges)`);
    throw e;
  }
  const url = token ? `${server.url}#token=${encodeURIComponent(token)}` : server.url;
  io.stdout(`mikata workbench: ${url}\n`);
  io.stdout(`corpus: ${showLocation(location)}${token ? '' : ' (local only)'}\n`);
  return {
    server,
    corpus,
    pool,
    url,
    close: async () => {
      await server.close();
      await pool.close();
      await corpus.close();
    },
  };
}

export function registerServe(program: Command, io: CommandIO): void {
  const command = program
    .command('serve')
    .description('start the workbench in the browser (reader, experts, matrix, timeline, network, corrections) over the corpus')
    .option('--host <address>', 'address to listen on; anything but loopback needs a token', '127.0.0.1')
    .option('-p, --port <n>', `port to listen on (0 picks a free one)`, String(DEFAULT_PORT));
  addCorpusOptions(command, { format: false })
    .option('--token <token>', 'require this token on every API call (or set MIKATA_TOKEN)')
    .option('--user <name>', 'the analyst name recorded with corrections when the browser gives none (default: MIKATA_USER or your login)')
    .option('--max-upload <MiB>', 'largest file an upload may hold, in MiB', String(DEFAULT_MAX_UPLOAD_BYTES / 1024 / 1024))
    .option('--workers <n>', `worker threads that analyse uploads (default from the cores: ${defaultPoolSize()} here)`)
    .option('--analysis-timeout <s>', 'give up analysing an upload after this many seconds', String(DEFAULT_POOL_TIMEOUT_MS / 1000))
    .option('--analysis-memory <MB>', 'heap cap of each analysis worker, in MB', String(DEFAULT_POOL_MEMORY_MB))
    .action(async (options: ServeOptions) => {
      const serving = await startServe(options, io);
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      io.stderr('mikata: stopping the workbench\n');
      await serving.close();
    });
}
