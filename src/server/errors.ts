/**
 * Failures at the HTTP boundary. Every error leaves the server as one JSON shape,
 * `{ error: { code, message, candidates? } }`, with a status that says whose fault it is: user errors
 * (unknown document, a name that fits several people, a file that is not a document) are 4xx with one line
 * for the person; anything else is a 500 whose details stay in the server's log, never in the response.
 */
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { isIngestError } from '../ingest/errors.ts';
import { isCorpusError } from '../store/corpus.ts';
import { isStoreError } from '../store/store.ts';

export interface ErrorBody {
  readonly error: {
    readonly code: string;
    readonly message: string;
    /** For an ambiguous name or id: what it could mean. */
    readonly candidates?: readonly { id: string; label: string }[];
    /** Which refusal of its kind (CorpusError.reason), for a client that words it in its own language. */
    readonly reason?: string;
  };
}

/**
 * @example
 * throw new HttpError(400, 'E_INVALID', 'q: give a search query');
 */
export class HttpError extends Error {
  readonly status: ContentfulStatusCode;
  readonly code: string;
  readonly candidates?: readonly { id: string; label: string }[];
  constructor(status: ContentfulStatusCode, code: string, message: string, candidates?: readonly { id: string; label: string }[]) {
    super(message);
    this.name = 'HttpError';
    this.status = status;
    this.code = code;
    this.candidates = candidates;
  }
}

const INGEST_STATUS: Readonly<Record<string, ContentfulStatusCode>> = {
  E_TOO_LARGE: 413,
  E_UNSUPPORTED: 415,
  E_BINARY: 415,
};

/** The status and body for any error; `log` receives what a 500 hides. */
export function toErrorResponse(e: unknown, log: (message: string) => void): { status: ContentfulStatusCode; body: ErrorBody } {
  if (e instanceof HttpError) {
    return { status: e.status, body: { error: { code: e.code, message: e.message, ...(e.candidates ? { candidates: e.candidates } : {}) } } };
  }
  if (isCorpusError(e)) {
    const status: ContentfulStatusCode = e.code === 'E_NOT_FOUND' ? 404 : e.code === 'E_INVALID' ? 400 : 409;
    return { status, body: { error: { code: e.code, message: e.message, ...(e.candidates.length ? { candidates: e.candidates } : {}), ...(e.reason ? { reason: e.reason } : {}) } } };
  }
  if (isIngestError(e)) {
    // The name is the client's own file name; the problem alone reads better beside it in the UI.
    return { status: INGEST_STATUS[e.code] ?? 422, body: { error: { code: e.code, message: e.problem } } };
  }
  if (isStoreError(e)) {
    log(`store error: ${e.message}`);
    return { status: 503, body: { error: { code: e.code, message: `the corpus cannot be read: ${e.message}` } } };
  }
  const err = e as Error | undefined;
  log(`internal error: ${err?.stack ?? String(e)}`);
  return { status: 500, body: { error: { code: 'E_INTERNAL', message: 'internal error (see the server log)' } } };
}
