/**
 * The ingest edge: a path (or standard input, or bytes from an upload) → SourceText.
 *
 * This is the only place in ingest that touches the file system. It refuses what is not a document (missing,
 * a directory, empty, binary, too large) with one-line IngestErrors, picks the format (option, extension,
 * then content), decodes text formats and hands PDF and Word files to their adapters.
 */
import { readFile, stat } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { extname } from 'node:path';
import type { SourceFormat } from '../core/model/schema.ts';
import type { SourceText } from '../core/text/source-text.ts';
import { decodeBytes, findBinarySignature } from './decode.ts';
import { IngestError, isIngestError } from './errors.ts';

/** 256 MiB. A larger input is refused before it is read; V8 strings top out near 512 Mi code units anyway. */
export const MAX_INPUT_BYTES = 256 * 1024 * 1024;

export interface ReadSourceOptions {
  /** Skip encoding detection (utf8, sjis, cp932, eucjp, utf-16 …). Ignored for PDF and Word. */
  readonly encoding?: string;
  /** Skip format detection. */
  readonly format?: SourceFormat;
  /** Refuse larger inputs with E_TOO_LARGE; defaults to MAX_INPUT_BYTES. A server may want less. */
  readonly maxBytes?: number;
}

/**
 * Reads a document from disk; `-` reads standard input to its end.
 *
 * @example
 * const source = await readSourceFile('commentary.txt'); // { text, format: 'text', encoding: 'shift_jis', name: 'commentary.txt' }
 */
export async function readSourceFile(path: string, options: ReadSourceOptions = {}): Promise<SourceText> {
  const maxBytes = options.maxBytes ?? MAX_INPUT_BYTES;
  const bytes = path === '-' ? await readStream(process.stdin, '-', maxBytes) : await readPath(path, maxBytes);
  return readSourceBytes(bytes, { ...options, name: path });
}

/** Turns bytes (an upload, a database blob) into a SourceText; `name` is used for the format and in errors. */
export async function readSourceBytes(bytes: Uint8Array, options: ReadSourceOptions & { readonly name: string }): Promise<SourceText> {
  const { name } = options;
  const maxBytes = options.maxBytes ?? MAX_INPUT_BYTES;
  if (bytes.length > maxBytes) throw tooLarge(name, bytes.length, maxBytes);
  if (bytes.length === 0) throw new IngestError('E_EMPTY', name, 'the file is empty');

  const byName = options.format ?? formatFromExtension(name);
  if (byName === undefined && isOldOfficeFile(bytes)) {
    throw new IngestError('E_UNSUPPORTED', name, 'old binary Office document (.doc), not supported; save it as .docx');
  }
  const format = byName ?? sniffContainer(bytes);
  if (format === 'pdf' || format === 'docx') return readContainer(format, bytes, name);

  const declared = format === undefined || format === 'html' ? declaredCharset(bytes) : undefined;
  const { text, encoding } = decodeBytes(bytes, { name, encoding: options.encoding, fallbackEncoding: declared });
  if (!/\S/.test(text)) throw new IngestError('E_EMPTY', name, 'the file holds only white space');

  const finalFormat = format ?? (looksLikeHtml(text) ? 'html' : 'text');
  if (finalFormat === 'html') {
    // The HTML parser is loaded only for HTML, as the PDF and Word readers are only for theirs.
    const { htmlToSource } = await import('./html.ts');
    const source = htmlToSource(text, name);
    if (!/\S/.test(source.text)) throw new IngestError('E_NO_TEXT', name, 'the HTML has no visible text');
    return { ...source, encoding };
  }
  return { text, format: finalFormat, encoding, name };
}

// ---------------------------------------------------------------------------------------------------------
// Format

const EXTENSIONS: Readonly<Record<string, SourceFormat>> = {
  '.html': 'html', '.htm': 'html', '.xhtml': 'html',
  '.md': 'markdown', '.markdown': 'markdown',
  '.pdf': 'pdf',
  '.docx': 'docx',
};

/**
 * The format a name promises, if it promises one. `.txt` and unknown extensions promise nothing, so their
 * content is sniffed: a PDF saved as notes.txt is still read as a PDF.
 */
export function formatFromExtension(name: string): SourceFormat | undefined {
  if (name === '-') return undefined;
  return EXTENSIONS[extname(name).toLowerCase()];
}

/**
 * PDF and Word by their bytes. `%PDF-` opens a PDF, though readers accept junk before it in the first KiB; a
 * header found after junk must be backed by `%%EOF` at the end, so a note that merely mentions "%PDF-1.7" is
 * not taken for one. Word: a ZIP holding word/document.xml.
 */
function sniffContainer(bytes: Uint8Array): 'pdf' | 'docx' | undefined {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const pdf = buffer.subarray(0, 1024).indexOf('%PDF-');
  if (pdf === 0 || (pdf > 0 && buffer.subarray(-1024).includes('%%EOF'))) return 'pdf';
  // A ZIP names each member in its local header and again in the central directory, uncompressed.
  if (buffer[0] === 0x50 && buffer[1] === 0x4b && buffer[2] === 0x03 && buffer[3] === 0x04 && buffer.indexOf('word/document.xml') >= 0) {
    return 'docx';
  }
  return undefined;
}

function isOldOfficeFile(bytes: Uint8Array): boolean {
  return findBinarySignature(bytes)?.startsWith('OLE2') ?? false;
}

/**
 * The format the content shows, for inputs whose name says nothing: PDF and Word by their bytes, HTML by its
 * decoded text when that is given. Undefined means plain text (or not a document at all).
 */
export function sniffFormat(bytes: Uint8Array, text?: string): SourceFormat | undefined {
  return sniffContainer(bytes) ?? (text !== undefined && looksLikeHtml(text) ? 'html' : undefined);
}

/** `<!doctype html` or `<html`, after white space, an XML declaration or comments. */
function looksLikeHtml(text: string): boolean {
  return /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*(?:<!doctype\s+html|<html[\s>])/i.test(text.slice(0, 4096));
}

/** The charset an HTML or XHTML file declares in its first 4 KiB, which is ASCII in every encoding we read. */
function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 4096)).toString('latin1');
  const meta = /<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)/i.exec(head);
  if (meta) return meta[1];
  const xml = /^\s*<\?xml[^>]+encoding\s*=\s*["']([\w:.-]+)/i.exec(head);
  return xml?.[1];
}

type Adapter = (bytes: Uint8Array, name: string) => Promise<SourceText>;

/** PDF and Word adapters load on demand: pdf.js is large, and most inputs are text. */
async function readContainer(format: 'pdf' | 'docx', bytes: Uint8Array, name: string): Promise<SourceText> {
  const label = format === 'pdf' ? 'PDF' : 'Word document';
  let adapter: Adapter;
  try {
    adapter = format === 'pdf' ? (await import('./pdf.ts')).pdfToSource : (await import('./docx.ts')).docxToSource;
  } catch (error) {
    throw new IngestError('E_UNSUPPORTED', name, `${label} input is not available in this build (${reasonOf(error)})`, { cause: error });
  }
  let source: SourceText;
  try {
    source = await adapter(bytes, name);
  } catch (error) {
    if (isIngestError(error)) throw error;
    throw new IngestError('E_CORRUPT', name, `could not read the ${label}: ${reasonOf(error)}`, { cause: error });
  }
  return source.name === undefined ? { ...source, name } : source;
}

// ---------------------------------------------------------------------------------------------------------
// Reading

async function readPath(path: string, maxBytes: number): Promise<Uint8Array> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    throw fsError(error, path);
  }
  if (info.isDirectory()) throw new IngestError('E_IS_DIRECTORY', path, 'is a directory, not a file');
  if (!info.isFile()) {
    // A FIFO or a device (/dev/stdin, a process substitution): its size is unknown until read.
    return readStream(createReadStream(path), path, maxBytes);
  }
  if (info.size > maxBytes) throw tooLarge(path, info.size, maxBytes);
  try {
    return await readFile(path);
  } catch (error) {
    throw fsError(error, path);
  }
}

/** Reads a stream to its end, stopping as soon as it passes `maxBytes` rather than after buffering it all. */
export async function readStream(stream: NodeJS.ReadableStream, name: string, maxBytes: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of stream) {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk as Uint8Array);
      total += buffer.length;
      if (total > maxBytes) {
        (stream as { destroy?: () => void }).destroy?.();
        throw tooLarge(name, total, maxBytes, true);
      }
      chunks.push(buffer);
    }
  } catch (error) {
    if (isIngestError(error)) throw error;
    throw fsError(error, name);
  }
  return Buffer.concat(chunks, total);
}

function tooLarge(name: string, size: number, maxBytes: number, atLeast = false): IngestError {
  // A stream is abandoned at the first chunk past the limit, so its true size is unknown.
  const what = atLeast ? 'the input' : `the file (${showBytes(size)})`;
  return new IngestError('E_TOO_LARGE', name, `${what} is larger than the ${showBytes(maxBytes)} limit`);
}

function showBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(n % (1024 * 1024) === 0 ? 0 : 1)} MiB`;
  if (n >= 1024) return `${(n / 1024).toFixed(n % 1024 === 0 ? 0 : 1)} KiB`;
  return `${n} bytes`;
}

const FS_REASONS: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'file name too long',
  EIO: 'input/output error',
  EMFILE: 'too many open files',
};

function fsError(error: unknown, path: string): IngestError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return new IngestError('E_NOT_FOUND', path, 'no such file', { cause: error });
  if (code === 'EISDIR') return new IngestError('E_IS_DIRECTORY', path, 'is a directory, not a file', { cause: error });
  const reason = (code && FS_REASONS[code]) ?? reasonOf(error);
  return new IngestError('E_READ', path, `cannot read: ${reason}`, { cause: error });
}

/** An error's message without Node's "CODE: " prefix and ", open '/path'" suffix, which the caller repeats. */
function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const m = /^([A-Z][A-Z0-9_]+): ([^,]+)/.exec(message);
  return m ? `${m[2]} (${m[1]})` : message.split('\n')[0]!;
}
