/** What a command may touch of the outside world; tests pass their own. */
export interface CommandIO {
  /** Writes to standard output; false means the stream is full and the caller should `await drain()`. */
  stdout: (chunk: string) => boolean | void;
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
    drain: () => new Promise((resolve) => process.stdout.once('drain', () => resolve())),
    stderr: (s) => void process.stderr.write(s),
    isTTY: !!process.stdout.isTTY,
    env: process.env,
    cwd: process.cwd(),
  };
}
