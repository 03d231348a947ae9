/**
 * The who-said-what brief: the claims of one document, one expert or a selection, grouped by speaker, each
 * with the footnotes it rests on. A plain data model that the corpus (or a single analysis) fills and that
 * pure renderers turn into Markdown (brief-markdown.ts) or HTML (brief-html.ts).
 *
 * Footnotes keep the numbers their document gives them, so that a brief can be checked against the
 * document and cited: note 31 is [^31]. When a brief draws on several documents, a label also says which
 * (2-31: note 31 of the second source). A marker whose note has no text stays a plain (注31) in the text,
 * with no empty note under it.
 */
import type { ExportAchMatrix } from './brief-ach.ts';

import { CREDIBILITY_LABEL, RELIABILITY_LABEL, type Credibility, type Reliability } from '../core/grading/grades.ts';

export type BriefLanguage = 'ja' | 'en';

export interface BriefDocument {
  readonly id: string;
  readonly title: string | null;
  readonly date: string | null;
  readonly name: string | null;
  /** The document's language: its claims are quoted in its own quotation marks (「」 or “ ”). */
  readonly language?: 'ja' | 'en';
  readonly series?: string | null;
  readonly authors?: readonly string[];
}

export interface BriefSource {
  /** The marker number in its document. */
  readonly n: number;
  /** The note text, when the document has a notes list. */
  readonly note: string | null;
}

export interface BriefClaim {
  readonly text: string;
  readonly kind: string;
  readonly cue: string | null;
  readonly section: string | null;
  readonly document: BriefDocument;
  readonly footnotes: readonly BriefSource[];
  readonly hedges: readonly string[];
  readonly provenance: 'machine' | 'analyst';
  readonly review: string | null;
  readonly confidence: number;
  /** The analyst's credibility grade of the claim (1–6), and the claim's grade as B3 (weakest speaker's reliability and credibility). */
  readonly credibility?: BriefGrade<Credibility> | null;
  readonly grade?: string | null;
}

/** One of the analyst's grades (Admiralty system), as a brief states it. */
export interface BriefGrade<V extends string = string> {
  readonly value: V;
  readonly by: string;
  readonly why: string | null;
}

/** A caveat of the corpus caveat list that fits a speaker (state media, officials): shown whether graded or not. */
export interface BriefCaveat {
  readonly label: { readonly ja: string; readonly en: string };
  readonly caveat: { readonly ja: string; readonly en: string };
}

export interface BriefSpeaker {
  readonly name: string;
  /** Other spellings (Latin, Cyrillic …), shown beside the name. */
  readonly forms: readonly string[];
  readonly organization: string | null;
  readonly title: string | null;
  readonly claims: readonly BriefClaim[];
  /** The analyst's reliability grade of the speaker (A–F), and the caveats that fit them. */
  readonly reliability?: BriefGrade<Reliability> | null;
  readonly caveats?: readonly BriefCaveat[];
}

/** Who stands behind a brief: printed under its title. */
export interface BriefHeader {
  /** The day it was made, YYYY-MM-DD. */
  readonly date: string;
  /** Who made it. */
  readonly analyst: string | null;
  /** Active corrections behind its claims, and the analysts who made them. */
  readonly corrections: number;
  readonly correctedBy: readonly string[];
}

export interface Brief {
  readonly title: string;
  readonly language: BriefLanguage;
  /** ISO time the brief was made, or null to leave it out (reproducible output). */
  readonly generatedAt: string | null;
  readonly header?: BriefHeader;
  readonly documents: readonly BriefDocument[];
  readonly speakers: readonly BriefSpeaker[];
  /** Competing hypotheses to print after the speakers (brief-ach.ts). */
  readonly ach?: readonly ExportAchMatrix[];
}

/** A footnote of the brief: its label (the note's own number, with the source's index when there are several). */
export interface BriefNote {
  readonly label: string;
  readonly document: BriefDocument;
  readonly n: number;
  readonly note: string | null;
}

export const BRIEF_LABELS = {
  ja: {
    sources: '出典文書', speakers: '発言者', claims: '件の主張', note: '注', generated: '作成',
    date: '作成日', corrections: '訂正', count: (n: number) => `${n}件`, markerRef: (n: number) => `(注${n})`,
    kind: { quote: '引用', reported: '間接話法', according_to: '伝聞(〜によれば)' } as Record<string, string>,
    cue: '手がかり', hedges: 'ヘッジ', analyst: '分析者', machine: '機械', section: '節', notes: '注', none: '主張はありません。',
    review: { accepted: '承認済み', edited: '修正済み', added: '追加', rejected: '却下' } as Record<string, string>,
    reliability: '情報源の信頼性', credibility: '情報の確度', grade: '評価', caveat: '注意',
  },
  en: {
    sources: 'Sources', speakers: 'Speakers', claims: 'claims', note: 'note', generated: 'Generated',
    date: 'Date', corrections: 'Corrections', count: (n: number) => String(n), markerRef: (n: number) => `(note ${n})`,
    kind: { quote: 'quote', reported: 'reported', according_to: 'according to' } as Record<string, string>,
    cue: 'cue', hedges: 'hedges', analyst: 'analyst', machine: 'machine', section: 'section', notes: 'Notes', none: 'No claims.',
    review: { accepted: 'accepted', edited: 'edited', added: 'added', rejected: 'rejected' } as Record<string, string>,
    reliability: 'source reliability', credibility: 'credibility', grade: 'grade', caveat: 'caveat',
  },
} as const;

/** A speaker's reliability as a brief states it: "source reliability B (usually reliable; kato: why)". */
export function showReliability(g: BriefGrade<Reliability>, language: BriefLanguage): string {
  const L = BRIEF_LABELS[language];
  return `${L.reliability} ${g.value} (${RELIABILITY_LABEL[g.value][language]}; ${g.by}${g.why ? `: ${g.why}` : ''})`;
}

/** A claim's credibility as a brief states it: "credibility 3 (possibly true; kato)". */
export function showCredibility(g: BriefGrade<Credibility>, language: BriefLanguage): string {
  const L = BRIEF_LABELS[language];
  return `${L.credibility} ${g.value} (${CREDIBILITY_LABEL[g.value][language]}; ${g.by}${g.why ? `: ${g.why}` : ''})`;
}

/** A document as a brief cites it: title, else file name, else id; with its date. */
export function showDocument(d: BriefDocument): string {
  const label = d.title ?? d.name ?? d.id;
  return d.date ? `${label} (${d.date})` : label;
}

/** A claim's quote in its document's own quotation marks: 「…」 in Japanese, “…” otherwise. */
export function quoteClaim(claim: Pick<BriefClaim, 'text' | 'document'>, fallback: BriefLanguage): string {
  const text = claim.text.replace(/\s+/g, ' ').trim();
  const ja = (claim.document.language ?? fallback) === 'ja';
  if (ja) return /^「[^「」]*」$/.test(text) ? text : `「${text}」`;
  return /^“[^“”]*”$/.test(text) ? text : `“${text}”`;
}

/**
 * The brief's footnotes with their labels, once per (document, marker), in the documents' order; only those with
 * note text (a marker without one is written as plain text where it stands). `labelOf` is null for those.
 */
export function numberNotes(brief: Brief): { notes: BriefNote[]; labelOf: (claim: BriefClaim, source: BriefSource) => string | null } {
  const byKey = new Map<string, BriefNote>();
  const notes: BriefNote[] = [];
  const key = (doc: BriefDocument, n: number) => `${doc.id}\u0000${n}`;
  const docIndex = new Map(brief.documents.map((d, i) => [d.id, i + 1]));
  const several = brief.documents.length > 1;
  for (const s of brief.speakers) {
    for (const c of s.claims) {
      for (const f of c.footnotes) {
        const k = key(c.document, f.n);
        if (byKey.has(k) || !f.note) continue;
        const label = several ? `${docIndex.get(c.document.id) ?? '0'}-${f.n}` : String(f.n);
        const note: BriefNote = { label, document: c.document, n: f.n, note: f.note };
        byKey.set(k, note);
        notes.push(note);
      }
    }
  }
  // Listed by source, then by the note's own number, as the documents print them.
  notes.sort((a, b) => (docIndex.get(a.document.id) ?? 0) - (docIndex.get(b.document.id) ?? 0) || a.n - b.n);
  return { notes, labelOf: (claim, source) => byKey.get(key(claim.document, source.n))?.label ?? null };
}
