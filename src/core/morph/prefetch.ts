/**
 * Tokenising ahead on a second thread. A long document's claims pass knows, before it starts, the pieces of text it
 * will tokenise and their order (its sentences, cut as it cuts them); a worker thread tokenises them ahead of it
 * with the same dictionary, in shared memory, and hands each piece's tokens over as numbers (a length and an entry
 * per token: `KuromojiTokenizer.encode`), which the pass's thread turns into the same tokens `tokenize` makes.
 *
 * Neither thread waits for the other to start. Each piece is taken once, by whichever thread gets to it first
 * (a compare-and-swap on its state): the pass's thread tokenises a piece itself when the worker has not begun it
 * (while the worker starts up, or on a machine too busy to run it), and waits only for a piece the worker is
 * tokenising at that moment. The worker stays at most SLOTS pieces ahead. Any other call (another text, or a
 * piece asked for out of order) is tokenised on the calling thread, so the tokens are always those of
 * `tokenize`, whoever made them: only the time changes.
 *
 * @example
 * const ahead = prefetchTokenizer(tokenizer, text, pieces); // null on one core or for another analyser
 * try { ahead.tokenize(text.slice(s, e), s); } finally { ahead.close(); }
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { JaToken, JaTokenizer } from './tokens.ts';
import { KuromojiTokenizer, shareDictionary } from './kuromoji.ts';

/** Pieces the worker may have tokenised and not yet handed over. */
export const SLOTS = 64;
/** The caller wakes a waiting worker when its cursor reaches a multiple of this. */
const WAKE_EVERY = 16;
/** Room for one piece's tokens (two numbers each): longer pieces are left to the caller's thread. */
const SLOT_INTS = 4096;
/** Shared control words. */
const CURSOR = 0;
const STOP = 1;
/** State of a piece. */
const FREE = 0;
const WORKING = 1;
const DONE = 2;
const TAKEN = 3;
/**
 * How long the caller waits for a piece the worker is tokenising before it gives up on the worker (it takes
 * milliseconds; a worker that has not finished in this time has died or is starved).
 */
const PATIENCE_MS = 2000;

export interface PrefetchingTokenizer extends JaTokenizer {
  /** Stops the worker; further calls tokenise on the caller's thread. */
  close(): void;
  /** Pieces handed over by the worker and tokenised by the caller so far (for benchmarks and tests). */
  readonly counts: { worker: number; caller: number };
}

/** What the worker gets: the dictionary and the shared buffers (see prefetch-worker.ts). */
export interface PrefetchWorkerData {
  dictionary: KuromojiTokenizer['dictionary'];
  text: string;
  pieces: Int32Array;
  control: Int32Array;
  state: Int32Array;
  slots: Int32Array;
  counts: Int32Array;
}

/**
 * A tokenizer that has `pieces` of `text` (start and end pairs, in the order they will be asked for) tokenised
 * ahead on a worker thread; null when `base` is not the kuromoji analyser or the machine has one core.
 */
export function prefetchTokenizer(base: JaTokenizer, text: string, pieces: Int32Array): PrefetchingTokenizer | null {
  if (!(base instanceof KuromojiTokenizer) || availableParallelism() < 2 || pieces.length < 2) return null;
  const data: PrefetchWorkerData = {
    dictionary: shareDictionary(base.dictionary),
    text,
    pieces,
    control: new Int32Array(new SharedArrayBuffer(8)),
    state: new Int32Array(new SharedArrayBuffer(4 * (pieces.length >> 1))),
    slots: new Int32Array(new SharedArrayBuffer(4 * SLOTS * SLOT_INTS)),
    counts: new Int32Array(new SharedArrayBuffer(4 * SLOTS)),
  };
  let worker: Worker;
  try {
    worker = new Worker(new URL('../../worker-boot.mjs', import.meta.url), {
      workerData: { module: new URL('./prefetch-worker.ts', import.meta.url).href, ...data },
      // It allocates little (the lattice is typed arrays, reused): a small young generation keeps its heap small.
      resourceLimits: { maxYoungGenerationSizeMb: 4 },
      stdout: false,
      stderr: false,
    });
  } catch {
    return null;
  }
  worker.unref();
  // A worker that fails leaves its pieces to the caller: the caller stops waiting for it (see `take`).
  worker.on('error', () => undefined);
  return new Prefetcher(base, data, worker);
}

class Prefetcher implements PrefetchingTokenizer {
  readonly counts = { worker: 0, caller: 0 };
  /** The next piece the caller may ask for: pieces before it are handed over or passed by. */
  private cursor = 0;
  private closed = false;

  constructor(private readonly base: KuromojiTokenizer, private readonly data: PrefetchWorkerData, private readonly worker: Worker) {}

  tokenize(text: string, offset = 0): JaToken[] {
    if (this.closed) return this.base.tokenize(text, offset);
    const { pieces } = this.data;
    const n = pieces.length >> 1;
    // Pieces before this offset will not be asked for: the worker need not tokenise them.
    let k = this.cursor;
    while (k < n && pieces[2 * k]! < offset) k++;
    if (k > this.cursor) this.advance(k);
    if (k === n || pieces[2 * k] !== offset || pieces[2 * k + 1]! - offset !== text.length || text !== this.data.text.slice(offset, offset + text.length)) {
      return this.base.tokenize(text, offset);
    }
    // (The cursor moves past the piece only once its tokens are read: until then its slot is not the worker's.)
    const tokens = this.take(k, text, offset);
    this.advance(k + 1);
    return tokens;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    Atomics.store(this.data.control, STOP, 1);
    Atomics.notify(this.data.control, CURSOR);
    void this.worker.terminate();
  }

  /** Piece k's tokens: the worker's when it has begun it, else the caller's own. */
  private take(k: number, text: string, offset: number): JaToken[] {
    const { state, slots, counts } = this.data;
    if (Atomics.compareExchange(state, k, FREE, TAKEN) === FREE) {
      this.counts.caller++;
      return this.base.tokenize(text, offset);
    }
    const deadline = performance.now() + PATIENCE_MS;
    while (Atomics.load(state, k) === WORKING) {
      const left = deadline - performance.now();
      if (left <= 0) {
        this.close();
        break;
      }
      Atomics.wait(state, k, WORKING, left);
    }
    if (Atomics.load(state, k) !== DONE) {
      // The worker gave the piece back, failed, or took too long.
      this.counts.caller++;
      return this.base.tokenize(text, offset);
    }
    const slot = k % SLOTS;
    this.counts.worker++;
    return this.base.decode(text, offset, slots, slot * SLOT_INTS, counts[slot]!);
  }

  private advance(k: number): void {
    const crossed = Math.floor(k / WAKE_EVERY) > Math.floor(this.cursor / WAKE_EVERY);
    this.cursor = k;
    Atomics.store(this.data.control, CURSOR, k);
    // A worker that is SLOTS ahead waits for the cursor: woken every WAKE_EVERY pieces, not at each (a wake-up is
    // a system call, 40 µs here), it then has that many to do.
    if (crossed) Atomics.notify(this.data.control, CURSOR);
  }
}

export const PREFETCH_LAYOUT = { SLOTS, SLOT_INTS, CURSOR, STOP, FREE, WORKING, DONE, TAKEN } as const;
