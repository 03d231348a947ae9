/**
 * A multipart upload read as it streams. Each file's size limit holds while its bytes arrive: a file that
 * passes it is dropped at once (its bytes discarded as they come) and reported too large, instead of the
 * whole request being buffered first. The request as a whole is counted too (a chunked body has no
 * Content-Length to refuse it by), and a request with more files than allowed is refused when the extra file
 * begins.
 *
 * The multipart framing is parsed here rather than by a library: it is small (RFC 7578 needs boundaries and
 * the part headers' Content-Disposition), and the parsers at hand refuse a whole upload over one odd byte in a
 * file name, where the workbench keeps the file and cleans the name.
 */
import { countedChunks, showBytes } from './body-limit.ts';
import { HttpError } from './errors.ts';

export interface UploadLimits {
  /** Per file. */
  readonly maxFileBytes: number;
  readonly maxFiles: number;
  /** The whole request, framing included. */
  readonly maxBodyBytes: number;
}

/** One file of the upload, in the order it came: its bytes, or why it was dropped while streaming. */
export type UploadedFile =
  | { readonly index: number; readonly name: string; readonly bytes: Uint8Array }
  | { readonly index: number; readonly name: string; readonly failure: { readonly code: 'E_TOO_LARGE'; readonly reason: string } };

/** Longest block of part headers; real ones are a few hundred bytes. */
const MAX_HEADER_BYTES = 16 * 1024;
/** Parts that are not files (ignored, but counted). */
const MAX_OTHER_PARTS = 20;

const invalid = (why: string) => new HttpError(400, 'E_INVALID', `the upload is not valid multipart/form-data (${why})`);

/** The boundary of a `multipart/form-data; boundary=…` content type (RFC 2046: 1 to 70 characters). */
export function boundaryOf(contentType: string): string | null {
  const m = /;\s*boundary=(?:"([^"]{1,70})"|([^\s;"]{1,70}))/i.exec(contentType);
  return m ? (m[1] ?? m[2]!) : null;
}

interface PartHeaders {
  readonly field: string | null;
  /** Present for a file part. */
  readonly filename: string | null;
}

/** The field and file name from a part's Content-Disposition; lenient about what stands in the file name. */
export function parsePartHeaders(block: string): PartHeaders {
  const line = block.split('\r\n').find((l) => /^content-disposition\s*:/i.test(l)) ?? '';
  const param = (key: string): string | null => {
    const m = new RegExp(`;\\s*${key}\\s*=\\s*(?:"((?:[^"\\\\]|\\\\.)*)"|([^;\\s]*))`, 'i').exec(line);
    return m ? (m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : m[2]!) : null;
  };
  let filename = param('filename');
  const extended = param('filename\\*');
  if (extended) {
    const m = /^utf-8''(.*)$/i.exec(extended);
    if (m) {
      try {
        filename = decodeURIComponent(m[1]!);
      } catch {
        // Keep the plain filename.
      }
    }
  }
  return { field: param('name'), filename };
}

/**
 * The multipart state machine, fed chunk by chunk. Part data is passed on as it comes, keeping back only
 * the bytes that could be the start of the next boundary.
 */
class MultipartParser {
  private readonly delimiter: Buffer;
  // The first boundary has no line break before it: start as if one had come.
  private buffer: Buffer = Buffer.from('\r\n');
  private state: 'preamble' | 'after-boundary' | 'headers' | 'body' | 'done' = 'preamble';

  constructor(
    boundary: string,
    private readonly on: { part(headers: PartHeaders): void; data(chunk: Buffer): void; end(): void },
  ) {
    this.delimiter = Buffer.from(`\r\n--${boundary}`);
  }

  get finished(): boolean {
    return this.state === 'done';
  }

  write(chunk: Uint8Array): void {
    if (this.state === 'done') return;
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const keep = this.delimiter.length - 1;
    for (;;) {
      const buf = this.buffer;
      switch (this.state) {
        case 'preamble': {
          const at = buf.indexOf(this.delimiter);
          if (at < 0) {
            this.buffer = buf.subarray(Math.max(0, buf.length - keep));
            return;
          }
          this.buffer = buf.subarray(at + this.delimiter.length);
          this.state = 'after-boundary';
          break;
        }
        case 'after-boundary': {
          if (buf.length < 2) return;
          if (buf[0] === 0x2d && buf[1] === 0x2d) {
            this.state = 'done';
            this.buffer = Buffer.alloc(0);
            return;
          }
          const eol = buf.indexOf('\r\n');
          if (eol < 0) {
            if (buf.length > 256) throw invalid('no line break after a boundary');
            return;
          }
          this.buffer = buf.subarray(eol + 2);
          this.state = 'headers';
          break;
        }
        case 'headers': {
          const end = buf.subarray(0, 2).toString('latin1') === '\r\n' ? 0 : buf.indexOf('\r\n\r\n');
          if (end < 0) {
            if (buf.length > MAX_HEADER_BYTES) throw invalid('part headers too long');
            return;
          }
          this.on.part(parsePartHeaders(buf.subarray(0, end).toString('utf8')));
          this.buffer = buf.subarray(end === 0 ? 2 : end + 4);
          this.state = 'body';
          break;
        }
        case 'body': {
          const at = buf.indexOf(this.delimiter);
          if (at < 0) {
            if (buf.length > keep) this.on.data(buf.subarray(0, buf.length - keep));
            this.buffer = buf.subarray(Math.max(0, buf.length - keep));
            return;
          }
          if (at > 0) this.on.data(buf.subarray(0, at));
          this.on.end();
          this.buffer = buf.subarray(at + this.delimiter.length);
          this.state = 'after-boundary';
          break;
        }
        default:
          return;
      }
    }
  }
}

/**
 * Streams `body` through the multipart parser; `onFile` is called as each file of the field `file` ends
 * (so a caller can start work on one while the next arrives). Resolves with the number of files seen.
 * Throws HttpError: 400 for a body that is not multipart, 413 for too many files or too many bytes.
 */
export async function readUpload(
  body: ReadableStream<Uint8Array> | null,
  contentType: string,
  limits: UploadLimits,
  onFile: (file: UploadedFile) => void,
): Promise<number> {
  const boundary = boundaryOf(contentType);
  if (!boundary) throw invalid('no boundary');

  let files = 0;
  let others = 0;
  let current: { index: number; name: string; chunks: Buffer[] | null; size: number } | null = null;
  const parser = new MultipartParser(boundary, {
    part: ({ field, filename }) => {
      if (field !== 'file' || filename === null) {
        if (++others > MAX_OTHER_PARTS) throw new HttpError(413, 'E_TOO_MANY', 'the upload has too many parts');
        current = null;
        return;
      }
      if (files >= limits.maxFiles) throw new HttpError(413, 'E_TOO_MANY', `at most ${limits.maxFiles} files per upload`);
      current = { index: files++, name: filename, chunks: [], size: 0 };
    },
    data: (chunk) => {
      const file = current;
      if (!file?.chunks) return;
      file.size += chunk.length;
      // Over the limit: what came so far is let go, and the rest is read past.
      if (file.size > limits.maxFileBytes) file.chunks = null;
      // A copy: the parser's buffer is reused.
      else file.chunks.push(Buffer.from(chunk));
    },
    end: () => {
      const file = current;
      current = null;
      if (!file) return;
      if (!file.chunks) {
        onFile({ index: file.index, name: file.name, failure: { code: 'E_TOO_LARGE', reason: `larger than the ${showBytes(limits.maxFileBytes)} limit` } });
        return;
      }
      // A buffer of its own (Buffer.concat may hand out a slice of Node's shared pool).
      onFile({ index: file.index, name: file.name, bytes: new Uint8Array(Buffer.concat(file.chunks)) });
    },
  });

  for await (const chunk of countedChunks(body, limits.maxBodyBytes, 'upload')) parser.write(chunk);
  if (!parser.finished) throw invalid('it ends before its closing boundary');
  return files;
}
