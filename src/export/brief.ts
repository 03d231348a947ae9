/**
 * The who-said-what brief: the claims of one document, one expert or a selection, grouped by speaker, each
 * with the footnotes it rests on. A plain data model that the corpus (or a single analysis) fills and that
 * pure renderers turn into Markdown (brief-markdown.ts) or HTML (brief-html.ts).
 *
 * Footnotes are numbered afresh in the brief: two documents both have a note 1, so each brief note says
 * which document and which marker it comes from.
 */

export type BriefLanguage = 'ja' | 'en';

export interface BriefDocument {
  readonly id: string;
  readonly title: string | null;
  readonly date: string | null;
  readonly name: string | null;
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
}

export interface BriefSpeaker {
  readonly name: string;
  /** Other spellings (Latin, Cyrillic …), shown beside the name. */
  readonly forms: readonly string[];
  readonly organization: string | null;
  readonly title: string | null;
  readonly claims: readonly BriefClaim[];
}

export interface Brief {
  readonly title: string;
  readonly language: BriefLanguage;
  /** ISO time the brief was made, or null to leave it out (reproducible output). */
  readonly generatedAt: string | null;
  readonly documents: readonly BriefDocument[];
  readonly speakers: readonly BriefSpeaker[];
}

/** A footnote of the brief: its new number and where it comes from. */
export interface BriefNote {
  readonly number: number;
  readonly document: BriefDocument;
  readonly n: number;
  readonly note: string | null;
}

export const BRIEF_LABELS = {
  ja: {
    sources: '出典文書', speakers: '発言者', claims: '件の主張', note: '注', noNote: '(注の本文なし)', generated: '作成',
    kind: { quote: '引用', reported: '間接話法', according_to: '伝聞(〜によれば)' } as Record<string, string>,
    cue: '手がかり', hedges: 'ヘッジ', analyst: '分析者', machine: '機械', section: '節', notes: '注', none: '主張はありません。',
    review: { accepted: '承認済み', edited: '修正済み', added: '追加', rejected: '却下' } as Record<string, string>,
  },
  en: {
    sources: 'Sources', speakers: 'Speakers', claims: 'claims', note: 'note', noNote: '(no note text)', generated: 'Generated',
    kind: { quote: 'quote', reported: 'reported', according_to: 'according to' } as Record<string, string>,
    cue: 'cue', hedges: 'hedges', analyst: 'analyst', machine: 'machine', section: 'section', notes: 'Notes', none: 'No claims.',
    review: { accepted: 'accepted', edited: 'edited', added: 'added', rejected: 'rejected' } as Record<string, string>,
  },
} as const;

/** A document as a brief cites it: title, else file name, else id; with its date. */
export function showDocument(d: BriefDocument): string {
  const label = d.title ?? d.name ?? d.id;
  return d.date ? `${label} (${d.date})` : label;
}

/**
 * Numbers the brief's footnotes in reading order, once per (document, marker): a note cited by two claims
 * keeps one number.
 */
export function numberNotes(brief: Brief): { notes: BriefNote[]; numberOf: (claim: BriefClaim, source: BriefSource) => number } {
  const byKey = new Map<string, BriefNote>();
  const notes: BriefNote[] = [];
  const key = (doc: BriefDocument, n: number) => `${doc.id}\u0000${n}`;
  for (const s of brief.speakers) {
    for (const c of s.claims) {
      for (const f of c.footnotes) {
        const k = key(c.document, f.n);
        if (byKey.has(k)) continue;
        const note: BriefNote = { number: notes.length + 1, document: c.document, n: f.n, note: f.note };
        byKey.set(k, note);
        notes.push(note);
      }
    }
  }
  return { notes, numberOf: (claim, source) => byKey.get(key(claim.document, source.n))!.number };
}
