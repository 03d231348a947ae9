/**
 * Standard output written on a thread of its own, for a long output to a pipe. Node writes a pipe from the event
 * loop, 64 KB (the pipe's size) at a time, and the analysis runs without returning to it: each megabyte waited for
 * the reader to empty the pipe (a tenth of `analyze … | wc -c` on a 10 MB text, more behind a slower reader). Here
 * a second thread takes each block as it is made (moved, not copied) and writes it, while the analysis goes on.
 *
 * At most BUDGET bytes wait at once: beyond that the caller waits for the reader, as it did before. A reader that
 * has gone (`| head`) ends the output as EPIPE did before: the next write throws an EPIPE error.
 *
 * @example
 * const out = StdoutThread.start(); // null when standard output is not a pipe or socket, or on one core
 * out.write(block); …; await out.end();
 */
import { fstatSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

/** Bytes handed over and not yet written before the caller waits. */
const BUDGET = 16 << 20;
/** Shared words: bytes waiting, then the error (0 none, 1 EPIPE, 2 another). */
const WAITING = 0;
const ERROR = 1;

/**
 * The writer (plain JavaScript: no loader in this thread). The pipe is non-blocking (Node made it so): when it is
 * full the thread sleeps a fifth of a millisecond and tries again (50 MB to `wc -c`: 0.14 s, a few hundred naps).
 */
const WRITER = `
const { parentPort, workerData } = require('node:worker_threads');
const { writeSync } = require('node:fs');
const { fd, state } = workerData;
const nap = new Int32Array(new SharedArrayBuffer(4));
parentPort.on('message', (block) => {
  if (Atomics.load(state, ${ERROR}) === 0) {
    try {
      for (let at = 0; at < block.length;) {
        try {
          at += writeSync(fd, block, at, block.length - at);
        } catch (e) {
          if (e.code !== 'EAGAIN') throw e;
          Atomics.wait(nap, 0, 0, 0.2);
        }
      }
    } catch (e) {
      Atomics.store(state, ${ERROR}, e.code === 'EPIPE' ? 1 : 2);
      parentPort.postMessage(String(e && e.message));
    }
  }
  Atomics.sub(state, ${WAITING}, block.length);
  Atomics.notify(state, ${WAITING});
});
`;

export class StdoutThread {
  private message = '';
  private closed = false;

  private constructor(private readonly worker: Worker, private readonly state: Int32Array) {
    worker.on('message', (m: string) => { this.message = m; });
  }

  /** A writer thread for `fd` when it is a pipe or a socket and there is a second core; else null. */
  static start(fd = 1): StdoutThread | null {
    try {
      const stat = fstatSync(fd);
      if (!stat.isFIFO() && !stat.isSocket()) return null;
    } catch {
      return null;
    }
    if (availableParallelism() < 2) return null;
    const state = new Int32Array(new SharedArrayBuffer(8));
    try {
      const worker = new Worker(WRITER, { eval: true, workerData: { fd, state }, stdout: false, stderr: false });
      worker.unref();
      return new StdoutThread(worker, state);
    } catch {
      return null;
    }
  }

  /** Hands `block` over (it must not be used after); waits while more than BUDGET bytes wait. */
  write(block: Uint8Array): void {
    this.check();
    // A view over part of a larger buffer (a pool's) is copied: moving it would take the rest of the buffer along.
    const own = block.byteOffset === 0 && block.byteLength * 2 >= block.buffer.byteLength && block.buffer.byteLength >= 1 << 16 && !(block.buffer instanceof SharedArrayBuffer);
    const sent = own ? block : new Uint8Array(block);
    Atomics.add(this.state, WAITING, sent.length);
    this.worker.postMessage(sent, [sent.buffer as ArrayBuffer]);
    for (let waiting = Atomics.load(this.state, WAITING); waiting > BUDGET; waiting = Atomics.load(this.state, WAITING)) {
      Atomics.wait(this.state, WAITING, waiting, 1000);
      this.check();
    }
  }

  /** Resolves when every block is written (rejects as `write` throws). */
  async end(): Promise<void> {
    for (let waiting = Atomics.load(this.state, WAITING); waiting > 0; waiting = Atomics.load(this.state, WAITING)) {
      this.check();
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    this.check();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    void this.worker.terminate();
  }

  private check(): void {
    const error = Atomics.load(this.state, ERROR);
    if (error === 0) return;
    const e = new Error(error === 1 ? 'standard output closed (EPIPE)' : `cannot write standard output: ${this.message}`) as NodeJS.ErrnoException;
    if (error === 1) e.code = 'EPIPE';
    throw e;
  }
}
