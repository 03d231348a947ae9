/**
 * Metadata corrections: the analyst's title, date, series, number and authors of a document, kept as
 * corrections (action `metadata` in the corrections layer, by document hash) and laid over the machine's
 * reading of the document whenever it is read, so that they survive reanalysis, a new version (the
 * corrections move with it) and a deletion undone (the same text added back). The stored analysis stays the
 * machine's: withdrawing a correction brings its value back.
 */
import type { Analysis } from '../core/model/schema.ts';
import type { CorrectionRecord } from './store.ts';

export interface DocumentMetadata {
  readonly title?: string | null;
  readonly date?: string | null;
  readonly series?: string | null;
  readonly number?: string | null;
  readonly authors?: readonly { name: string; organization: string | null; title: string | null }[];
}

export const METADATA_FIELDS = ['title', 'date', 'series', 'number', 'authors'] as const;

/** A date as the analysis gives them: YYYY, YYYY-MM or YYYY-MM-DD, a real day. */
export function isMetadataDate(value: string): boolean {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!m) return false;
  const month = m[2] === undefined ? 1 : Number(m[2]);
  if (month < 1 || month > 12) return false;
  if (m[3] === undefined) return true;
  const day = Number(m[3]);
  return day >= 1 && day <= new Date(Date.UTC(Number(m[1]), month, 0)).getUTCDate();
}

/** The fields the active metadata corrections set, the later one winning per field (null when none). */
export function metadataOverlay(corrections: readonly CorrectionRecord[]): DocumentMetadata | null {
  const active = corrections.filter((c) => c.action === 'metadata' && c.status === 'active').sort((a, b) => a.id - b.id);
  if (!active.length) return null;
  const out: Record<string, unknown> = {};
  for (const c of active) {
    const change = ((c.change ?? {}) as { metadata?: DocumentMetadata }).metadata ?? {};
    for (const f of METADATA_FIELDS) if (f in change) out[f] = change[f];
  }
  return out as DocumentMetadata;
}

/** The analysis with the analyst's metadata in place of the machine's (the same object when there is none). */
export function withMetadata(analysis: Analysis, overlay: DocumentMetadata | null): Analysis {
  if (!overlay) return analysis;
  return { ...analysis, document: { ...analysis.document, ...overlay, authors: overlay.authors ? [...overlay.authors] : analysis.document.authors } };
}

/** The most a dateline may say besides its date ("Published", "Updated:", "公開日") and still be one. */
const DATELINE_REST = 16;

/**
 * The headings that are the document's dateline, not sections: once the analyst has given the date, a
 * "heading" that is little more than a mention of that date (a news item's "Published 2025-10-14" read as a
 * heading) leaves the outline. By the start of each such section.
 */
export function datelineSections(analysis: Analysis, date: string | null | undefined): Set<number> {
  const out = new Set<number>();
  if (!date) return out;
  for (const s of analysis.sections) {
    const inHeading = analysis.dates.filter((d) => d.start >= s.start && d.end <= s.headingEnd && (d.value === date || date.startsWith(d.value) || d.value.startsWith(date)));
    if (!inHeading.length) continue;
    const rest = inHeading.reduce((n, d) => n - (d.end - d.start), s.headingEnd - s.start);
    if (rest <= DATELINE_REST) out.add(s.start);
  }
  return out;
}
