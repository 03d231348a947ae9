/**
 * The analysis pool: uploaded files are read and analysed in worker threads, never on the thread that answers
 * requests, so one large or slow document cannot stall the others.
 *
 * - Size from the cores (at most 4); workers start on demand and live on between jobs, keeping their state
 *   (a tokenizer loaded once per worker).
 * - Each job has a deadline, counted from when its worker starts it; past it the worker is ended and the job
 *   fails with E_TIMEOUT. A job whose worker runs out of its heap cap fails with E_TOO_LARGE. Either way the
 *   next job gets a fresh worker, and nothing has been stored: storing happens after a job succeeds.
 * - At most `maxQueue` jobs wait; beyond that `run` fails at once with E_BUSY.
 *
 * @example
 * const pool = new AnalysisPool({ timeoutMs: 60_000 });
 * const { source, analysis } = await pool.run({ bytes, name: 'brief.pdf', maxBytes: 20 << 20 });
 * await pool.close();
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { IngestError, type IngestErrorCode } from '../ingest/errors.ts';
import type { AnalyzeOptions } from '../core/analyze.ts';
import type { JobFailure, JobMessage, JobResult, ReplyMessage } from './analysis-worker.ts';

export type PoolErrorCode = 'E_TIMEOUT' | 'E_TOO_LARGE' | 'E_BUSY' | 'E_CLOSED' | 'E_WORKER';

export class PoolError extends Error {
  readonly code: PoolErrorCode;
  constructor(code: PoolErrorCode, message: string) {
    super(message);
    this.name = 'PoolError';
    this.code = code;
  }
}

export const isPoolError = (e: unknown): e is PoolError => e instanceof PoolError;

export interface PoolOptions {
  /** Workers at most; default from the cores: one per core but one, at least 2 where there are 2 cores, at most 4. */
  readonly size?: number;
  /** Per job, from when its worker starts it. */
  readonly timeoutMs?: number;
  /** Old-generation heap of each worker, in MB. */
  readonly maxMemoryMb?: number;
  /** Jobs that may wait for a worker. */
  readonly maxQueue?: number;
  /** The worker module (tests run the pool around a handler of their own). */
  readonly module?: URL;
  /** Passed to the worker's handler. */
  readonly workerData?: unknown;
}

export interface AnalysisJob {
  readonly bytes: Uint8Array;
  readonly name: string;
  readonly maxBytes: number;
  readonly analyzeOptions?: AnalyzeOptions;
}

export const DEFAULT_POOL_TIMEOUT_MS = 60_000;
export const DEFAULT_POOL_MEMORY_MB = 768;

export function defaultPoolSize(cores = availableParallelism()): number {
  return Math.min(4, Math.max(cores >= 2 ? 2 : 1, cores - 1));
}

/** Time a worker may take to start (load its modules) before it counts as broken. */
const BOOT_TIMEOUT_MS = 30_000;

interface Pending {
  readonly id: number;
  readonly job: AnalysisJob;
  readonly resolve: (r: JobResult) => void;
  readonly reject: (e: Error) => void;
}

interface Slot {
  readonly worker: Worker;
  job: Pending | null;
  timer: NodeJS.Timeout | null;
  /** Set once the slot is being ended: its events no longer count. */
  dead: boolean;
}

export class AnalysisPool {
  readonly size: number;
  readonly timeoutMs: number;
  readonly maxMemoryMb: number;
  readonly maxQueue: number;
  private readonly module: URL;
  private readonly workerData: unknown;
  private readonly slots = new Set<Slot>();
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private closed = false;
  /** Counts, for tests and the benchmark. */
  readonly counts = { started: 0, done: 0, failed: 0, timedOut: 0, workers: 0 };
  private readonly startListeners = new Set<(name: string) => void>();

  constructor(options: PoolOptions = {}) {
    this.size = Math.max(1, Math.floor(options.size ?? defaultPoolSize()));
    this.timeoutMs = options.timeoutMs ?? DEFAULT_POOL_TIMEOUT_MS;
    this.maxMemoryMb = options.maxMemoryMb ?? DEFAULT_POOL_MEMORY_MB;
    this.maxQueue = options.maxQueue ?? 64;
    this.module = options.module ?? new URL('./analysis-worker.ts', import.meta.url);
    this.workerData = options.workerData;
  }

  /** Reads and analyses one file in a worker. Rejects with an IngestError (the file) or a PoolError (the pool). */
  run(job: AnalysisJob): Promise<JobResult> {
    if (this.closed) return Promise.reject(new PoolError('E_CLOSED', 'the server is shutting down'));
    const idle = this.slots.size < this.size || [...this.slots].some((s) => !s.job && !s.dead);
    if (!idle && this.queue.length >= this.maxQueue) {
      return Promise.reject(new PoolError('E_BUSY', `the server is analysing ${this.queue.length + this.slots.size} files already; try again shortly`));
    }
    return new Promise<JobResult>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, job, resolve, reject });
      this.dispatch();
    });
  }

  /** Calls `listener` with a job's file name when a worker starts it. */
  onStart(listener: (name: string) => void): () => void {
    this.startListeners.add(listener);
    return () => this.startListeners.delete(listener);
  }

  get busy(): number {
    return [...this.slots].filter((s) => s.job).length;
  }

  get queued(): number {
    return this.queue.length;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const p of this.queue.splice(0)) p.reject(new PoolError('E_CLOSED', 'the server is shutting down'));
    await Promise.all([...this.slots].map((s) => this.end(s, new PoolError('E_CLOSED', 'the server is shutting down'))));
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      let slot = [...this.slots].find((s) => !s.job && !s.dead);
      if (!slot) {
        if (this.slots.size >= this.size) return;
        slot = this.spawn();
      }
      const pending = this.queue.shift()!;
      slot.job = pending;
      slot.worker.ref();
      // Until the worker says it started, it may still be loading: allow for that, then the job's own deadline.
      slot.timer = setTimeout(() => this.timeOut(slot!), BOOT_TIMEOUT_MS + this.timeoutMs);
      // A copy of its own, so that transferring it cannot detach a buffer the caller (or Node's pool) shares.
      const bytes = new Uint8Array(pending.job.bytes);
      const message: JobMessage = { id: pending.id, bytes, name: pending.job.name, maxBytes: pending.job.maxBytes, analyzeOptions: pending.job.analyzeOptions };
      slot.worker.postMessage(message, [bytes.buffer]);
    }
  }

  private spawn(): Slot {
    const worker = new Worker(new URL('../worker-boot.mjs', import.meta.url), {
      workerData: { module: this.module.href, data: this.workerData },
      resourceLimits: { maxOldGenerationSizeMb: this.maxMemoryMb, maxYoungGenerationSizeMb: 64 },
      stdout: false,
      stderr: false,
    });
    this.counts.workers++;
    const slot: Slot = { worker, job: null, timer: null, dead: false };
    this.slots.add(slot);
    worker.unref();
    worker.on('message', (m: ReplyMessage) => this.onMessage(slot, m));
    worker.on('error', (e: Error & { code?: string }) => {
      const error = e.code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? new PoolError('E_TOO_LARGE', `analysing it needs more than ${this.maxMemoryMb} MB of memory; gave up (nothing was stored)`)
        : new PoolError('E_WORKER', `the analysis stopped unexpectedly (${e.message.split('\n')[0]})`);
      void this.end(slot, error);
    });
    worker.on('exit', () => void this.end(slot, new PoolError('E_WORKER', 'the analysis stopped unexpectedly')));
    return slot;
  }

  private onMessage(slot: Slot, m: ReplyMessage): void {
    if (slot.dead) return;
    const job = slot.job;
    if (m.type === 'ready' || !job || m.id !== job.id) return;
    if (m.type === 'start') {
      this.counts.started++;
      if (slot.timer) clearTimeout(slot.timer);
      slot.timer = setTimeout(() => this.timeOut(slot), this.timeoutMs);
      for (const listener of this.startListeners) listener(job.job.name);
      return;
    }
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.job = null;
    slot.worker.unref();
    if (m.type === 'done') {
      this.counts.done++;
      job.resolve(m.result);
    } else {
      this.counts.failed++;
      job.reject(fromFailure(m.error, job.job.name));
    }
    this.dispatch();
  }

  private timeOut(slot: Slot): void {
    this.counts.timedOut++;
    void this.end(slot, new PoolError('E_TIMEOUT', `analysing it took longer than ${showSeconds(this.timeoutMs)}; gave up (nothing was stored)`));
  }

  /** Ends a worker: its job (if any) fails with `error`, and waiting jobs get a fresh worker. */
  private async end(slot: Slot, error: Error): Promise<void> {
    if (slot.dead) return;
    slot.dead = true;
    if (slot.timer) clearTimeout(slot.timer);
    this.slots.delete(slot);
    const job = slot.job;
    slot.job = null;
    if (job) {
      this.counts.failed++;
      job.reject(error);
    }
    const ended = slot.worker.terminate().catch(() => 0);
    if (!this.closed) this.dispatch();
    await ended;
  }
}

function fromFailure(f: JobFailure, name: string): Error {
  if (f.name === 'IngestError' && f.code && f.problem !== undefined) {
    return new IngestError(f.code as IngestErrorCode, f.path ?? name, f.problem);
  }
  return new PoolError('E_WORKER', `could not analyse it: ${f.message.split('\n')[0]}`);
}

function showSeconds(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 100) / 10} s` : `${ms} ms`;
}

