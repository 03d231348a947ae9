/**
 * The corpus exports: each a pure function from an ExportDataset to the bytes of a file that another tool
 * opens. `mikata export --format` and the workbench's download routes take their choices from here.
 */
import { renderAuditCsv } from './audit-csv.ts';
import { briefFromDataset, fileNameFromTitle } from './brief-from-dataset.ts';
import { renderBriefHtml } from './brief-html.ts';
import { renderBriefMarkdown } from './brief-markdown.ts';
import { renderCsl } from './csl.ts';
import type { ExportDataset } from './dataset.ts';
import { renderDatasetJson } from './dataset-json.ts';
import { renderGexf, renderGraphml } from './network.ts';
import { renderQdpx } from './qdpx.ts';
import { renderStix } from './stix.ts';
import { renderWebAnnotation } from './web-annotation.ts';

export interface CorpusFormat {
  readonly description: string;
  /** File extension, without the dot. */
  readonly extension: string;
  readonly mediaType: string;
  render(data: ExportDataset): string | Uint8Array;
}

export const corpusFormats = {
  qdpx: { description: 'REFI-QDA project for NVivo, ATLAS.ti, MAXQDA, QualCoder (zip: project.qde + sources)', extension: 'qdpx', mediaType: 'application/zip', render: renderQdpx },
  w3c: { description: 'W3C Web Annotation collection (JSON-LD): a claim per annotation, quote and position selectors', extension: 'jsonld', mediaType: 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"', render: renderWebAnnotation },
  stix: { description: 'STIX 2.1 bundle for OpenCTI and MISP: identities, reports, a note per claim, stable ids', extension: 'stix.json', mediaType: 'application/stix+json;version=2.1', render: renderStix },
  graphml: { description: 'GraphML network of people, organisations and documents (Gephi, yEd, networkx)', extension: 'graphml', mediaType: 'application/graphml+xml', render: renderGraphml },
  gexf: { description: 'GEXF network of people, organisations and documents (Gephi)', extension: 'gexf', mediaType: 'application/gexf+xml', render: renderGexf },
  csl: { description: 'CSL-JSON of the sources the notes cite (Zotero), the raw note kept', extension: 'csl.json', mediaType: 'application/vnd.citationstyles.csl+json', render: renderCsl },
  // A byte order mark, so that spreadsheet programs read the Japanese as UTF-8.
  csv: { description: 'the audit record: every claim (rejected ones too) with speaker, organisation, post, status, analyst, time', extension: 'csv', mediaType: 'text/csv; charset=utf-8', render: (d) => `\uFEFF${renderAuditCsv(d)}` },
  json: { description: 'the dataset the other exports are made from, as JSON: documents with their text, people with their grades and caveats, every claim with its spans, codes and grades, the corrections', extension: 'json', mediaType: 'application/json; charset=utf-8', render: renderDatasetJson },
  md: { description: 'the who-said-what brief as Markdown, with the documents\' own note numbers', extension: 'md', mediaType: 'text/markdown; charset=utf-8', render: (d) => renderBriefMarkdown(briefFromDataset(d)) },
  html: { description: 'the who-said-what brief as one self-contained HTML file (no script)', extension: 'html', mediaType: 'text/html; charset=utf-8', render: (d) => renderBriefHtml(briefFromDataset(d)) },
} satisfies Record<string, CorpusFormat>;

export type CorpusFormatName = keyof typeof corpusFormats;
export const corpusFormatNames = Object.keys(corpusFormats) as CorpusFormatName[];
export const isCorpusFormat = (s: string): s is CorpusFormatName => Object.hasOwn(corpusFormats, s);

/** The bytes of one export. */
export function renderExport(format: CorpusFormatName, data: ExportDataset): Uint8Array {
  const out = corpusFormats[format].render(data);
  return typeof out === 'string' ? new TextEncoder().encode(out) : out;
}

/** The file name an export is offered under: from its title, with the format's extension. */
export function exportFileName(format: CorpusFormatName, data: ExportDataset): string {
  return fileNameFromTitle(data.title, corpusFormats[format].extension);
}
