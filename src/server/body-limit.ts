/**
 * Request bodies with a ceiling. A body is refused by its Content-Length before a byte of it is read, and a
 * body without one (chunked) is counted as it streams and refused the moment it passes the limit, so that a
 * 400 MB request costs the server nothing but the bytes it read up to the limit.
 *
 * Every /api request that may carry a body meets `limitBodies` first: uploads get the upload ceiling, every
 * other route the JSON ceiling. The readers below (`readBodyBytes`, and the upload parser) count again while
 * reading, which is what holds for chunked bodies.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { HttpError } from './errors.ts';

/** The largest JSON body a route accepts: a correction with its longest quote, reason and speakers fits many times. */
export const DEFAULT_MAX_JSON_BYTES = 256 * 1024;

export function showBytes(n: number): string {
  if (n >= 1024 * 1024) return `${Math.round((n / (1024 * 1024)) * 10) / 10} MiB`;
  return n >= 1024 ? `${Math.round(n / 1024)} KiB` : `${n} bytes`;
}

export function tooLarge(limit: number, what: string): HttpError {
  return new HttpError(413, 'E_TOO_LARGE', `the request body is larger than the ${showBytes(limit)} ${what} limit`);
}

/**
 * The Content-Length check, for every request that can carry a body. `limitFor` gives the ceiling of the
 * request's route. A Content-Length that is not a number is a bad request; a refused request is answered
 * with `Connection: close`, so the rest of its body is not read.
 */
export function limitBodies(limitFor: (c: Context) => { bytes: number; what: string }): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD' || c.req.method === 'OPTIONS') return next();
    const declared = c.req.header('content-length');
    if (declared !== undefined) {
      if (!/^\d{1,15}$/.test(declared.trim())) {
        c.header('connection', 'close');
        throw new HttpError(400, 'E_INVALID', 'the Content-Length header is not a number');
      }
      const { bytes, what } = limitFor(c);
      if (Number(declared) > bytes) {
        c.header('connection', 'close');
        throw tooLarge(bytes, what);
      }
    }
    await next();
  };
}

/**
 * The chunks of a body, counted: throws the 413 once more than `limit` bytes have come, having held at most
 * one chunk past the limit.
 */
export async function* countedChunks(body: ReadableStream<Uint8Array> | null, limit: number, what: string): AsyncGenerator<Uint8Array> {
  if (!body) return;
  const reader = body.getReader();
  let total = 0;
  try {
    for (;;) {
      let next: ReadableStreamReadResult<Uint8Array>;
      try {
        next = await reader.read();
      } catch {
        // The client went away mid-body (or sent broken chunked framing): its fault, not the server's.
        throw new HttpError(400, 'E_INVALID', 'the request body could not be read to its end (the connection closed early?)');
      }
      const { done, value } = next;
      if (done) return;
      total += value.byteLength;
      if (total > limit) throw tooLarge(limit, what);
      yield value;
    }
  } finally {
    // Stop the source: the rest of a refused body is not read.
    await reader.cancel().catch(() => {});
  }
}

/** The whole body, at most `limit` bytes of it. */
export async function readBodyBytes(c: Context, limit: number, what: string): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for await (const chunk of countedChunks(c.req.raw.body, limit, what)) {
      chunks.push(chunk);
      total += chunk.byteLength;
    }
  } catch (e) {
    if (e instanceof HttpError) c.header('connection', 'close');
    throw e;
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}
