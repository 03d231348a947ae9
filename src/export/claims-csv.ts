/**
 * Claims as CSV (RFC 4180: comma, CRLF, double quotes doubled), one row per claim, for spreadsheets and QDA
 * tools. Pure: rows → string.
 *
 * A cell that a spreadsheet would run as a formula (starting with = + - @, a tab or a carriage return) is
 * prefixed with an apostrophe: document text is untrusted, and `=HYPERLINK(…)` in a quote must stay text.
 */

export interface ClaimCsvRow {
  readonly document: string;
  readonly documentTitle: string | null;
  readonly documentDate: string | null;
  readonly claim: string;
  readonly speakers: readonly string[];
  /** Corpus identity refs of the speakers (empty where a speaker is not linked). */
  readonly speakerIds: readonly (string | null)[];
  readonly via: readonly string[];
  readonly kind: string;
  readonly cue: string | null;
  readonly text: string;
  /** UTF-16 offsets into the document's text, half-open. */
  readonly start: number;
  readonly end: number;
  readonly section: string | null;
  readonly footnotes: readonly number[];
  readonly hedges: readonly string[];
  readonly confidence: number;
  readonly provenance: 'machine' | 'analyst';
  readonly review: string | null;
  /** The analyst's grades (Admiralty system): each speaker's reliability A–F (empty where ungraded), the claim's credibility 1–6. */
  readonly reliability?: readonly (string | null)[];
  readonly credibility?: string | null;
}

export const CLAIM_CSV_COLUMNS = [
  'document', 'document_title', 'document_date', 'claim', 'speakers', 'speaker_ids', 'via', 'kind', 'cue', 'text',
  'start', 'end', 'section', 'footnotes', 'hedges', 'confidence', 'provenance', 'review', 'reliability', 'credibility',
] as const;

/** One CSV field: quoted when it holds a comma, quote or line break; defused when it looks like a formula. */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * @example
 * renderClaimsCsv([row]); // 'document,document_title,…\r\n3f2a9c…,黒海の海上交通,2024-11-05,a1,…\r\n'
 */
export function renderClaimsCsv(rows: readonly ClaimCsvRow[]): string {
  const lines = [CLAIM_CSV_COLUMNS.join(',')];
  for (const r of rows) {
    lines.push([
      r.document, r.documentTitle, r.documentDate, r.claim, r.speakers.join('; '), r.speakerIds.map((x) => x ?? '').join('; '),
      r.via.join('; '), r.kind, r.cue, r.text, r.start, r.end, r.section, r.footnotes.join(' '), r.hedges.join('; '), r.confidence, r.provenance, r.review,
      r.reliability?.some(Boolean) ? r.reliability.map((x) => x ?? '').join('; ') : null, r.credibility ?? null,
    ].map(csvField).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
