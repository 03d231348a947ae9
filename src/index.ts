/**
 * mikata's programmatic API. The CLI, the server and the exporters are built on these.
 *
 * @example
 * import { analyze } from 'mikata';
 * const { attributions, people } = analyze('…ソコリンによれば、…である1。');
 */
export { analyze, type AnalyzeOptions } from './core/analyze.ts';
export * from './core/model/schema.ts';
export type { Span, QuotedSpan } from './core/text/span.ts';
export type { SourceText, BlockHint, FootnoteHint, PageHint } from './core/text/source-text.ts';
export { normalizeText, type NormalizedText } from './core/text/normalize.ts';
export { readSourceFile, readSourceBytes } from './ingest/read-source.ts';
export { IngestError, isIngestError } from './ingest/errors.ts';
export { exporters, exportFormats, type Exporter, type ExportFormat } from './export/index.ts';
