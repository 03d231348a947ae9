/**
 * Typed errors at the ingest boundary. A user who points mikata at the wrong file gets one line naming the
 * file and the problem ("notes.bin: binary file (NUL bytes), not a text document"), and the CLI maps `code`
 * to an exit status; a stack trace is for programmer errors only.
 */

export type IngestErrorCode =
  | 'E_NOT_FOUND'
  | 'E_IS_DIRECTORY'
  | 'E_EMPTY'
  | 'E_BINARY'
  | 'E_ENCODING'
  | 'E_TOO_LARGE'
  | 'E_UNSUPPORTED'
  | 'E_READ'
  | 'E_NO_TEXT'
  | 'E_CORRUPT'
  | 'E_ENCRYPTED';

const CODES: ReadonlySet<string> = new Set<IngestErrorCode>([
  'E_NOT_FOUND', 'E_IS_DIRECTORY', 'E_EMPTY', 'E_BINARY', 'E_ENCODING', 'E_TOO_LARGE',
  'E_UNSUPPORTED', 'E_READ', 'E_NO_TEXT', 'E_CORRUPT', 'E_ENCRYPTED',
]);

/**
 * @example
 * throw new IngestError('E_EMPTY', 'notes.txt', 'the file is empty');
 * // message: "notes.txt: the file is empty"
 */
export class IngestError extends Error {
  readonly code: IngestErrorCode;
  /** The path as the user gave it (`-` for standard input), or the name a caller gave to bytes. */
  readonly path: string;
  /** The problem alone, without the path, for callers that show the path elsewhere (an HTTP response). */
  readonly problem: string;

  constructor(code: IngestErrorCode, path: string, problem: string, options?: { cause?: unknown }) {
    // One line, whatever the OS or a parser put in the reason.
    const oneLine = problem.replace(/\s*[\r\n]+\s*/g, ' ').trim();
    super(`${path}: ${oneLine}`, options);
    this.name = 'IngestError';
    this.code = code;
    this.path = path;
    this.problem = oneLine;
  }
}

/**
 * True for an IngestError, also one made by another copy of this module (two installs of mikata in one
 * process, a worker), hence the structural check beside `instanceof`.
 */
export function isIngestError(e: unknown): e is IngestError {
  if (e instanceof IngestError) return true;
  if (!(e instanceof Error) || e.name !== 'IngestError') return false;
  const { code, path } = e as Partial<IngestError>;
  return typeof code === 'string' && CODES.has(code) && typeof path === 'string';
}
