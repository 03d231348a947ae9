/** What a command may touch of the outside world; tests pass their own. */
export interface CommandIO {
  /** Writes to standard output; false means the stream is full and the caller should `await drain()`. */
  stdout: (chunk: string) => boolean | void;
  /**
   * Writes UTF-8 bytes to standard output, as `stdout` does text; for long output encoded as it is made (see
   * Utf8Chunks). A stream that has it takes the bytes as they are, so they must not be reused.
   */
  stdoutBytes?: (chunk: Uint8Array) => boolean | void;
  /** Resolves when standard output can take more (after stdout returned false). */
  drain?: () => Promise<void>;
  stderr: (chunk: string) => void;
  /** Whether stdout is a terminal (for the readable report and progress bars). */
  isTTY: boolean;
  env: Record<string, string | undefined>;
  cwd: string;
}

export function processIO(): CommandIO {
  return {
    stdout: (s) => process.stdout.write(s),
    stdoutBytes: (b) => process.stdout.write(b),
    drain: () => new Promise((resolve) => process.stdout.once('drain', () => resolve())),
    stderr: (s) => void process.stderr.write(s),
    isTTY: !!process.stdout.isTTY,
    env: process.env,
    cwd: process.cwd(),
  };
}

/**
 * Text encoded to UTF-8 in blocks of about `size` bytes as it comes, each block handed out whole when the next
 * piece would not fit. Encoding each piece into its block costs a fifth of joining the pieces and encoding the
 * joined string (Buffer.from of a 1 MB rope: 0.47 s against 0.09 s for 113 MB of JSON).
 */
export class Utf8Chunks {
  private block: Buffer;
  private used = 0;

  constructor(private readonly size = 1 << 20) {
    this.block = Buffer.allocUnsafe(size);
  }

  /** Adds `text`; returns the block it filled, if any, which is the caller's from then on. */
  push(text: string): Uint8Array | null {
    // A UTF-16 code unit takes at most three bytes (a surrogate pair's two take four).
    const most = text.length * 3;
    let full: Uint8Array | null = null;
    if (this.used + most > this.block.length) {
      full = this.take();
      if (most > this.block.length) this.block = Buffer.allocUnsafe(most);
    }
    this.used += this.block.write(text, this.used);
    return full;
  }

  /** What is left (null when nothing is): the last block, the caller's. */
  flush(): Uint8Array | null {
    return this.used ? this.take() : null;
  }

  private take(): Uint8Array | null {
    if (!this.used) return null;
    const out = this.block.subarray(0, this.used);
    this.block = Buffer.allocUnsafe(this.size);
    this.used = 0;
    return out;
  }
}
