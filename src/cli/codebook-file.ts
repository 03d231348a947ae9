/** Reading a codebook file named on the command line (`analyze --codebook`, `codebook import`). */
import { isCodebookError, readCodebookJson, type Codebook } from '../core/codebook/codebook.ts';
import { readQdc } from '../export/qdc.ts';
import { CLIError } from './errors.ts';
import { readInputFile } from './files.ts';
import type { CommandIO } from './io.ts';

/** Reads a codebook file: `.qdc` as REFI-QDA, anything else as JSON. Bad files are named with the problem. */
export function readCodebookFile(path: string, io: CommandIO): Codebook {
  const text = readInputFile(path, io, 'codebook');
  try {
    return /\.qdc$/i.test(path) ? readQdc(text, path) : readCodebookJson(text, path);
  } catch (e) {
    if (isCodebookError(e)) throw new CLIError('E_INPUT', e.message, { cause: e });
    throw e;
  }
}
