/**
 * Failures at the CLI boundary: a code, an exit status and one line for the user. Only main.ts turns them
 * into an exit; commands throw them.
 */
export type CLIErrorCode = 'E_USAGE' | 'E_INPUT' | 'E_STORE' | 'E_NOT_FOUND' | 'E_CONFLICT' | 'E_PARTIAL' | 'E_INTERNAL';

/** E_PARTIAL: a batch command did part of its work and says which items failed (reanalyze). */
const EXIT: Record<CLIErrorCode, number> = { E_USAGE: 2, E_INPUT: 2, E_STORE: 3, E_NOT_FOUND: 4, E_CONFLICT: 5, E_PARTIAL: 6, E_INTERNAL: 1 };

export class CLIError extends Error {
  readonly code: CLIErrorCode;
  readonly exitCode: number;
  constructor(code: CLIErrorCode, message: string, options?: { cause?: unknown }) {
    super(message.replace(/\s*[\r\n]+\s*/g, ' '), options);
    this.name = 'CLIError';
    this.code = code;
    this.exitCode = EXIT[code];
  }
}
