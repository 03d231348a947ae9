/**
 * Telling a new version of a document from a new document. A text whose hash is new but whose file name
 * or title is that of a current document, and which shares much of its text, is taken for an edited
 * version of it. The name alone is not enough: uploads are often all called report.pdf; a title alone even
 * less (two commentaries may both be called はじめに), so it needs more text in common.
 *
 * How much text two versions share is measured on shingles (runs of SHINGLE code units, white space
 * folded) sampled by their own hash, so that an insertion does not shift what is sampled after it (the
 * idea of winnowing, Schleimer et al. 2003, in its simplest form): the share of the smaller sample found in
 * the other. Linear in the texts, and at most SAMPLE_CHARS of each are read.
 */
import type { DocumentSummary } from './store.ts';

const SHINGLE = 12;
/** One shingle in this many is kept (by hash, not by position). */
const KEEP_ONE_IN = 4;
const SAMPLE_CHARS = 2_000_000;
/** The least share of text in common for a version by file name, and by title alone. */
export const SAME_NAME_OVERLAP = 0.3;
export const SAME_TITLE_OVERLAP = 0.5;

function fold(text: string): string {
  return text.slice(0, SAMPLE_CHARS).replace(/\s+/g, ' ');
}

/** Hashes of the sampled shingles of a text (FNV-1a, 32 bits). */
function sample(text: string): Set<number> {
  const t = fold(text);
  const out = new Set<number>();
  for (let i = 0; i + SHINGLE <= t.length; i++) {
    let h = 0x811c9dc5;
    for (let j = i; j < i + SHINGLE; j++) {
      h ^= t.charCodeAt(j);
      h = Math.imul(h, 0x01000193);
    }
    if ((h >>> 0) % KEEP_ONE_IN === 0) out.add(h >>> 0);
  }
  // A text shorter than a shingle is its own sample.
  if (t.length < SHINGLE && t.trim()) out.add(t.length);
  return out;
}

/** The share (0–1) of the smaller text's sample that the other text has too. */
export function textOverlap(a: string, b: string): number {
  const x = sample(a);
  const y = sample(b);
  const [small, large] = x.size <= y.size ? [x, y] : [y, x];
  if (small.size === 0) return 0;
  let common = 0;
  for (const h of small) if (large.has(h)) common++;
  return common / small.size;
}

export interface VersionMatch<D> {
  readonly document: D;
  readonly why: string;
  readonly overlap: number;
}

/**
 * The current document that `next` is a new version of, or null. Among several, the same file name wins
 * over the same title, then the most text in common.
 */
export function findPreviousVersion<D extends Pick<DocumentSummary, 'name' | 'title'> & { text: string }>(
  next: { name: string | null; title: string | null; text: string },
  candidates: readonly D[],
): VersionMatch<D> | null {
  let best: (VersionMatch<D> & { byName: boolean }) | null = null;
  for (const c of candidates) {
    const byName = !!next.name && next.name !== '-' && c.name === next.name;
    const byTitle = !!next.title && c.title === next.title;
    if (!byName && !byTitle) continue;
    const overlap = textOverlap(c.text, next.text);
    if (overlap < (byName ? SAME_NAME_OVERLAP : SAME_TITLE_OVERLAP)) continue;
    const share = `${Math.round(overlap * 100)}% of the text in common`;
    const why = byName ? `same file name ${next.name}, ${share}` : `same title ${next.title}, ${share}`;
    if (!best || (byName && !best.byName) || (byName === best.byName && overlap > best.overlap)) best = { document: c, why, overlap, byName };
  }
  return best ? { document: best.document, why: best.why, overlap: best.overlap } : null;
}
