/** Runs the CLI in-process with captured output: the set-up the CLI tests share. */
import type { CommandIO } from '../../src/cli/io.ts';
import { runCli } from '../../src/cli/main.ts';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** A runner whose commands start in `cwd` with `env` (a user by default, for the corrections they record). */
export function cliIn(cwd: string, env: Record<string, string> = { USER: 'tester' }): (args: string[]) => Promise<CliResult> {
  return async (args) => {
    let stdout = '';
    let stderr = '';
    const io: CommandIO = { stdout: (s) => { stdout += s; return true; }, stderr: (s) => { stderr += s; }, isTTY: false, env, cwd };
    return { code: await runCli(args, io), stdout, stderr };
  };
}
