/**
 * One worker of the analysis pool: reads an uploaded file (decode, HTML, PDF, Word) and analyses it, off the
 * server's request thread. Jobs come one at a time; the worker lives on between jobs and keeps its state
 * (`WorkerState`), so what is costly to load (a tokenizer's dictionary) is loaded once per worker, on the
 * first job that needs it, not per upload and not at start-up.
 *
 * The protocol is `JobMessage` in, `ReplyMessage` out; `serveJobs` runs it for any handler, so a test can run
 * the same pool machinery around a handler of its own.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { analyze, type AnalyzeOptions } from '../core/analyze.ts';
import type { Analysis } from '../core/model/schema.ts';
import type { SourceText } from '../core/text/source-text.ts';
import { limitClaims } from '../store/limits.ts';
import { IngestError } from '../ingest/errors.ts';
import { readSourceBytes } from '../ingest/read-source.ts';

export interface JobMessage {
  readonly id: number;
  readonly bytes: Uint8Array;
  readonly name: string;
  readonly maxBytes: number;
  readonly analyzeOptions?: AnalyzeOptions;
}

export interface JobResult {
  readonly source: SourceText;
  readonly analysis: Analysis;
}

/** A failure as plain data (errors lose their class crossing threads). */
export interface JobFailure {
  readonly name: string;
  readonly message: string;
  readonly code?: string;
  readonly path?: string;
  readonly problem?: string;
}

export type ReplyMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'start'; readonly id: number }
  | { readonly type: 'done'; readonly id: number; readonly result: JobResult }
  | { readonly type: 'failed'; readonly id: number; readonly error: JobFailure };

export type Analyzer = (source: SourceText, options: AnalyzeOptions) => Analysis;

/** What a worker keeps across jobs. */
export interface WorkerState {
  /** The analysis function, made by `createAnalyzer` on the first job and kept for the worker's life. */
  analyzer?: Promise<Analyzer>;
  jobs: number;
}

/**
 * The analysis a worker runs. What it needs loaded (a tokenizer and its dictionary) is loaded here: once per
 * worker, on its first job, never at start-up and never per upload.
 */
export async function createAnalyzer(): Promise<Analyzer> {
  return (source, options) => analyze(source, options);
}

export type JobHandler = (job: JobMessage, state: WorkerState, data: unknown) => Promise<JobResult> | JobResult;

function toFailure(e: unknown): JobFailure {
  const err = e as Partial<Error & { code: string; path: string; problem: string }> | undefined;
  return {
    name: err?.name ?? 'Error',
    message: String(err?.message ?? e),
    ...(typeof err?.code === 'string' ? { code: err.code } : {}),
    ...(typeof err?.path === 'string' ? { path: err.path } : {}),
    ...(typeof err?.problem === 'string' ? { problem: err.problem } : {}),
  };
}

/** Answers jobs from the pool until the pool ends this thread. */
export function serveJobs(handler: JobHandler): void {
  const port = parentPort;
  if (!port) throw new Error('serveJobs: not in a worker thread');
  const state: WorkerState = { jobs: 0 };
  port.on('message', async (job: JobMessage) => {
    port.postMessage({ type: 'start', id: job.id } satisfies ReplyMessage);
    try {
      const result = await handler(job, state, (workerData as { data?: unknown } | undefined)?.data);
      state.jobs++;
      port.postMessage({ type: 'done', id: job.id, result } satisfies ReplyMessage);
    } catch (e) {
      port.postMessage({ type: 'failed', id: job.id, error: toFailure(e) } satisfies ReplyMessage);
    }
  });
  port.postMessage({ type: 'ready' } satisfies ReplyMessage);
}

/**
 * How large an analysis may be against its text, in characters: an ordinary commentary's is about 5 times
 * its text. Past this, handing the result to the server's thread (and storing it) would cost that thread
 * seconds: such a document is refused here, in the worker, instead.
 */
export const MAX_ANALYSIS_RATIO = 40;
const ANALYSIS_ALLOWANCE = 1_000_000;

/** The characters of `value`'s strings and about ten per object, counted until `limit` is passed. */
export function analysisSize(value: unknown, limit: number): number {
  let size = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0 && size <= limit) {
    const v = stack.pop();
    if (typeof v === 'string') size += v.length;
    else if (v !== null && typeof v === 'object') {
      size += 10;
      for (const x of Array.isArray(v) ? v : Object.values(v)) stack.push(x);
    } else size += 4;
  }
  return size;
}

/** The real job: bytes → SourceText → Analysis. */
export const analyseUpload: JobHandler = async (job, state) => {
  const source = await readSourceBytes(job.bytes, { name: job.name, maxBytes: job.maxBytes });
  state.analyzer ??= createAnalyzer().catch((e: unknown) => {
    // Loading failed: the next job tries again rather than failing for ever.
    state.analyzer = undefined;
    throw e;
  });
  const analysis = (await state.analyzer)(source, job.analyzeOptions ?? {});
  const limit = MAX_ANALYSIS_RATIO * source.text.length + ANALYSIS_ALLOWANCE;
  if (analysisSize(analysis, limit) > limit) {
    throw new IngestError('E_TOO_LARGE', job.name, `its analysis would be more than ${MAX_ANALYSIS_RATIO} times the size of its text; refused (nothing was stored)`);
  }
  // The corpus keeps a document's claims within its limits (src/store/limits.ts): the claims past them are dropped
  // here, not after the whole analysis has been handed to the server's thread (200 000 claims of a 10 MB text
  // held that thread, and every request waiting on it, for seconds).
  // (A text over the corpus's length limit is refused by the store, with its own error: not here.)
  return { source, analysis: limitClaims(source.text, analysis).analysis };
};

// Run as the pool's worker module (not when another worker module imports the handler from here).
if (parentPort && (workerData as { module?: string } | undefined)?.module === import.meta.url) serveJobs(analyseUpload);
