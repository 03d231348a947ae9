/**
 * The exporters of one analysis: each a pure (analysis, source text) → string. The CLI's `--format` choices
 * come from this registry.
 */
import type { Analysis } from '../core/model/schema.ts';
import type { AnalysisInParts } from '../core/analyze.ts';
import { claimCodes, type CompiledCodebook } from '../core/codebook/auto-code.ts';
import { analysisJsonChunks, renderAnalysisJson, type AnalysisJsonOptions } from './analysis-json.ts';
import { renderReport } from './report.ts';

export interface ExportContext {
  /** The source text the analysis' offsets point into. */
  text: string;
  /** Whether the output goes to a terminal (ANSI emphasis allowed). */
  color?: boolean;
  /** Codes each claim with this codebook as it is written (the JSON; the reports show no codes). */
  codebook?: CompiledCodebook;
}

const jsonOptions = (c: ExportContext): AnalysisJsonOptions => {
  const cb = c.codebook;
  return cb ? { codes: (a) => claimCodes(a, cb) } : {};
};

export interface Exporter {
  readonly description: string;
  render(analysis: Analysis, context: ExportContext): string;
  /** The same output in chunks, for outputs too large for one string; also of an analysis in parts, as it is made. */
  chunks?(analysis: Analysis | AnalysisInParts, context: ExportContext): Iterable<string>;
}

export const exporters = {
  text: { description: 'a readable report for the terminal (default on a terminal)', render: (a, c) => renderReport(a, c.text, { markdown: false, color: c.color }) },
  md: { description: 'the report as Markdown: outline, who said what, footnotes, dates, glossary', render: (a, c) => renderReport(a, c.text, { markdown: true }) },
  json: {
    description: 'the whole analysis as JSON, validated against the versioned schema (default when piped)',
    render: (a, c) => renderAnalysisJson(a, jsonOptions(c)),
    chunks: (a, c) => analysisJsonChunks(a, jsonOptions(c)),
  },
} satisfies Record<string, Exporter>;

export type ExportFormat = keyof typeof exporters;
export const exportFormats = Object.keys(exporters) as ExportFormat[];
