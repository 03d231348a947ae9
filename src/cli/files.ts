/** Reading an input file and writing an output file for a command, with errors that name the file and what it was. */
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { CLIError } from './errors.ts';
import type { CommandIO } from './io.ts';

/** The text of `path` (from the command's working directory); a file that cannot be read is an input error. */
export function readInputFile(path: string, io: CommandIO, what: string): string {
  try {
    return readFileSync(resolve(io.cwd, path), 'utf8');
  } catch (e) {
    throw new CLIError('E_INPUT', `${path}: could not read the ${what}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
  }
}

/** Writes beside the target and renames at the end, so that a failed write never leaves half a file. */
export function writeFileAtomically(path: string, data: string | Uint8Array, what: string, shown = path): void {
  const partial = join(dirname(path), `.${Date.now()}.${process.pid}.partial`);
  try {
    writeFileSync(partial, data);
    renameSync(partial, path);
  } catch (e) {
    rmSync(partial, { force: true });
    throw new CLIError('E_INPUT', `${shown}: could not write the ${what}: ${(e as Error).message}`, { cause: e });
  }
}
