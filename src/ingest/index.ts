/**
 * Ingest: files, standard input and bytes → SourceText, the one text every offset in mikata points into.
 * Text, Markdown and HTML are read here; PDF and Word adapters load on demand from pdf.ts and docx.ts.
 */
export { IngestError, isIngestError } from './errors.ts';
export type { IngestErrorCode } from './errors.ts';
export { decodeBytes, resolveEncoding } from './decode.ts';
export type { DecodeOptions, Decoded } from './decode.ts';
export { htmlToSource } from './html.ts';
export { readSourceFile, readSourceBytes, formatFromExtension, sniffFormat, MAX_INPUT_BYTES } from './read-source.ts';
export type { ReadSourceOptions } from './read-source.ts';
