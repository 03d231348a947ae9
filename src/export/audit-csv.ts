/**
 * The claims of an export as an audit record (CSV, RFC 4180, formula cells defused by csvField): every claim,
 * rejected ones included, with who said it (organisation, post, identity), what, where (offsets, section,
 * page, footnotes with their note text), how sure the machine was, and who reviewed it when — the analyst of
 * the last correction and its time, or "machine" and the time of the analysis — and how the analyst graded it
 * (Admiralty system: each speaker's reliability A–F, the claim's credibility 1–6, the two as B3, and the
 * caveats that fit its speakers). Pure: ExportDataset → string.
 */
import { csvField } from './claims-csv.ts';
import { claimGrading, claimReview, indexDataset, type ExportDataset } from './dataset.ts';

export const AUDIT_CSV_COLUMNS = [
  'document', 'document_title', 'document_date', 'claim', 'status', 'speakers', 'speaker_ids', 'organization', 'post', 'via', 'kind', 'cue',
  'text', 'start', 'end', 'section', 'page', 'footnotes', 'notes', 'hedges', 'confidence', 'provenance', 'analyst', 'time', 'corrections', 'why',
  'reliability', 'credibility', 'grade', 'caveats',
] as const;

/**
 * @example
 * renderAuditCsv(data); // 'document,document_title,…\r\n3f2a9c…,黒海の海上交通,2024-11-05,a1,rejected,…\r\n'
 */
export function renderAuditCsv(data: ExportDataset): string {
  const index = indexDataset(data);
  const lines = [AUDIT_CSV_COLUMNS.join(',')];
  for (const c of data.claims) {
    const doc = index.document.get(c.document)!;
    const speakers = c.speakers.map((k) => index.person.get(k)!);
    const notes = new Map(doc.notes.map((n) => [n.n, n.text]));
    const review = claimReview(c, index.correction);
    const whys = c.corrections.map((r) => index.correction.get(r)?.why).filter(Boolean);
    const join = (values: readonly (string | null)[]) => (values.some(Boolean) ? values.map((v) => v ?? '').join('; ') : null);
    const graded = claimGrading(c, index.person);
    lines.push([
      doc.id, doc.title, doc.date, c.id, c.status, speakers.map((p) => p.name).join('; '), join(speakers.map((p) => p.identity)),
      join(speakers.map((p) => p.organization)), join(speakers.map((p) => p.post)), c.via.map((k) => index.person.get(k)!.name).join('; '),
      c.kind, c.cue?.text ?? null, c.content.text, c.content.start, c.content.end, c.section, c.page, c.footnotes.join(' '),
      c.footnotes.map((n) => `${n}: ${notes.get(n) ?? ''}`.trim()).join(' | ') || null, c.hedges.join('; '), c.confidence, c.provenance,
      review.by ?? 'machine', review.at ?? doc.analyzedAt, c.corrections.join(' '), whys.join(' | ') || null,
      join(speakers.map((p) => p.reliability?.value ?? null)), c.credibility?.value ?? null, graded.notation,
      graded.caveats.map((k) => k.label[data.language]).join('; ') || null,
    ].map(csvField).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
