/**
 * The export dataset itself as JSON (format `mikata-dataset/1`): documents with their text, notes and
 * sections; people with every name form, their reliability grade and the caveats that fit them; every claim
 * (rejected ones too) with speakers, cue and content spans, codes and credibility grade; the corrections.
 * For scripts and notebooks that want what the other exports are made from. Offsets are half-open UTF-16
 * ranges into each document's `text`, and `text.slice(start, end)` equals every span's `text`.
 * Pure: ExportDataset → string.
 */
import { claimGrading, indexDataset, type ExportDataset } from './dataset.ts';

export const DATASET_FORMAT = 'mikata-dataset/1';

/**
 * @example
 * JSON.parse(renderDatasetJson(data)).claims[0].grade; // 'B3', or null when ungraded
 */
export function renderDatasetJson(data: ExportDataset): string {
  const index = indexDataset(data);
  const { documents, people, claims, corrections, ...head } = data;
  const lines = [
    `{"format":${JSON.stringify(DATASET_FORMAT)},${JSON.stringify(head).slice(1, -1)},`,
    `"documents":[${documents.map((d) => `\n${JSON.stringify(d)}`).join(',')}\n],`,
    `"people":[${people.map((p) => `\n${JSON.stringify({ ...p, reliability: p.reliability ?? null, caveats: p.caveats ?? [] })}`).join(',')}\n],`,
    // Each claim with its grade in the usual notation (the least reliable speaker's grade, then its credibility).
    `"claims":[${claims.map((c) => `\n${JSON.stringify({ ...c, credibility: c.credibility ?? null, grade: claimGrading(c, index.person).notation })}`).join(',')}\n],`,
    `"corrections":[${corrections.map((c) => `\n${JSON.stringify(c)}`).join(',')}\n]}`,
  ];
  return `${lines.join('\n')}\n`;
}
