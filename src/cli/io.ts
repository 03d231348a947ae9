/** What a command may touch of the outside world; tests pass their own. */
export interface CommandIO {
  stdout: (chunk: string) => void;
  stderr: (chunk: string) => void;
  /** Whether stdout is a terminal (for the readable report and progress bars). */
  isTTY: boolean;
  env: Record<string, string | undefined>;
  cwd: string;
}

export function processIO(): CommandIO {
  return {
    stdout: (s) => void process.stdout.write(s),
    stderr: (s) => void process.stderr.write(s),
    isTTY: !!process.stdout.isTTY,
    env: process.env,
    cwd: process.cwd(),
  };
}
