/**
 * What every corpus export is made from: a plain, self-contained snapshot of a selection of the corpus
 * (documents with their text and notes, the people who speak in them, every claim as the analyst sees it —
 * rejected ones included — and the corrections behind them). `collectDataset` (collect-dataset.ts) fills it
 * from the store; each format is a pure function of it (formats.ts).
 *
 * Offsets are half-open UTF-16 ranges into `ExportDocument.text`, as everywhere in mikata.
 */
import type { Author, PersonType } from '../core/model/schema.ts';
import { showGrade, weakestReliability, type Credibility, type Reliability } from '../core/grading/grades.ts';

export interface QuotedSpan {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface ExportNote {
  /** The note number as the document prints it. */
  readonly n: number;
  /** The note's text from the document's notes list, without its leading number; null when there is none. */
  readonly text: string | null;
}

export interface ExportSection {
  readonly heading: string;
  readonly level: number;
  readonly start: number;
  readonly end: number;
  readonly trailer: boolean;
}

export interface ExportDocument {
  /** The corpus ref (start of the content hash). */
  readonly id: string;
  /** The full SHA-256 of the text. */
  readonly hash: string;
  readonly name: string | null;
  readonly title: string | null;
  readonly date: string | null;
  readonly language: 'ja' | 'en';
  readonly series: string | null;
  readonly number: string | null;
  readonly authors: readonly Author[];
  readonly text: string;
  readonly addedAt: string;
  readonly analyzedAt: string;
  /** One per note number the document cites, in number order. */
  readonly notes: readonly ExportNote[];
  /** Every footnote marker in the text (to leave them out of quotes). */
  readonly markers: readonly { n: number; start: number; end: number }[];
  readonly sections: readonly ExportSection[];
}

export interface ExportPerson {
  /**
   * Stable within the corpus: the identity ref (e12) when the person is linked to one, else
   * `<document ref>:<person id>`, else `name:<name>`.
   */
  readonly key: string;
  readonly identity: string | null;
  readonly name: string;
  readonly type: PersonType;
  readonly organization: string | null;
  /** The post (主任研究員, senior fellow), as a document gives it. */
  readonly post: string | null;
  /** Every name form known, the display name first. */
  readonly forms: readonly { form: string; script: string }[];
  /** The analyst's reliability grade of the source (A–F, Admiralty system); absent or null when ungraded. */
  readonly reliability?: ExportGrade<Reliability> | null;
  /** Caveats of the corpus caveat list that fit the source (state media, officials), graded or not. */
  readonly caveats?: readonly ExportCaveat[];
}

/** One of the analyst's grades (core/grading), with who gave it and why. */
export interface ExportGrade<V extends string = string> {
  readonly value: V;
  /** The grade record's ref (g4). */
  readonly grade: string;
  readonly by: string;
  readonly at: string;
  readonly why: string | null;
}

export interface ExportCaveat {
  readonly id: string;
  readonly kind: 'state-media' | 'official' | 'other';
  readonly label: { readonly ja: string; readonly en: string };
  readonly caveat: { readonly ja: string; readonly en: string };
  /** The grade the list suggests; a suggestion, never a grade. */
  readonly suggest: Reliability | null;
}

/** What the analyst did with a claim: nothing yet, or the last review. */
export type ClaimStatus = 'unreviewed' | 'accepted' | 'edited' | 'added' | 'rejected';

export interface ExportClaim {
  /** The document's own id of the claim (a3), or x<correction> for one the analyst added. */
  readonly id: string;
  readonly document: string;
  /** Person keys. */
  readonly speakers: readonly string[];
  readonly via: readonly string[];
  readonly kind: string;
  readonly cue: QuotedSpan | null;
  readonly content: QuotedSpan;
  readonly footnotes: readonly number[];
  readonly hedges: readonly string[];
  readonly confidence: number;
  readonly provenance: 'machine' | 'analyst';
  readonly status: ClaimStatus;
  readonly section: string | null;
  readonly page: number | null;
  /** Refs of the corrections that made it what it is, oldest first. */
  readonly corrections: readonly string[];
  /** Codebook codes the claim carries (those the analyst rejected left out), most confident first. */
  readonly codes: readonly string[];
  /** The analyst's credibility grade of the claim (1–6, Admiralty system); absent or null when ungraded. */
  readonly credibility?: ExportGrade<Credibility> | null;
}

export interface ExportCorrection {
  readonly id: string;
  readonly document: string;
  readonly action: 'accept' | 'reject' | 'edit' | 'add' | 'metadata';
  readonly status: 'active' | 'withdrawn';
  readonly anchored: boolean | null;
  readonly by: string;
  readonly why: string | null;
  readonly at: string;
  readonly quote: string;
}

export interface ExportScope {
  readonly documents: readonly string[];
  readonly people: readonly string[];
  /** Codes asked for (with their descendants in the codebook); empty: any. */
  readonly codes?: readonly string[];
}

export interface ExportDataset {
  /** What the export is of, for a heading and a file name: a document's title, a person's name, or the corpus. */
  readonly title: string;
  readonly language: 'ja' | 'en';
  /** ISO time of the export: passed in, so renderers stay pure and tests reproducible. */
  readonly generatedAt: string;
  /** Who made the export (--by, $MIKATA_USER, $USER), when known. */
  readonly analyst: string | null;
  readonly scope: ExportScope;
  readonly documents: readonly ExportDocument[];
  readonly people: readonly ExportPerson[];
  readonly claims: readonly ExportClaim[];
  readonly corrections: readonly ExportCorrection[];
  /** The ACH matrices of the selection (collect-ach.ts); absent when the dataset was built without them. */
  readonly ach?: readonly import('./brief-ach.ts').ExportAchMatrix[];
}

// ---------------------------------------------------------------------------------------------------------
// Helpers the formats share

/** Indexes of a dataset's documents, people and corrections by their keys. */
export function indexDataset(data: ExportDataset) {
  const claimsOf = new Map<string, ExportClaim[]>(data.documents.map((d) => [d.id, []]));
  for (const c of data.claims) claimsOf.get(c.document)?.push(c);
  return {
    /** The claims of each document, in order. */
    claimsOf: (document: string): readonly ExportClaim[] => claimsOf.get(document) ?? [],
    document: new Map(data.documents.map((d) => [d.id, d])),
    person: new Map(data.people.map((p) => [p.key, p])),
    correction: new Map(data.corrections.map((c) => [c.id, c])),
  };
}

/** A key for an organisation named in several spellings of width and case. */
export function organizationKey(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The analysts who corrected a claim, and when last, from its correction refs. */
export function claimReview(claim: ExportClaim, corrections: ReadonlyMap<string, ExportCorrection>): { by: string | null; at: string | null } {
  let by: string | null = null;
  let at: string | null = null;
  for (const ref of claim.corrections) {
    const c = corrections.get(ref);
    if (c && (!at || c.at >= at)) ({ by, at } = c);
  }
  return { by, at };
}

/** A document's label: title, else file name, else ref. */
export const documentLabel = (d: Pick<ExportDocument, 'title' | 'name' | 'id'>): string => d.title ?? d.name ?? d.id;

/**
 * A name for each claim that survives re-analysis and re-numbering: the document's content hash and the
 * content's offsets (an id such as a3 changes when the extractor does). Two claims on the same span (two
 * speakers of one sentence) are told apart by their ids. Formats derive their UUIDv5 ids from it, so that a
 * re-export updates what it exported before rather than duplicating it.
 */
export function claimNames(data: ExportDataset): Map<ExportClaim, string> {
  const hashes = new Map(data.documents.map((d) => [d.id, d.hash]));
  const counts = new Map<string, number>();
  const base = (c: ExportClaim) => `${hashes.get(c.document)}:${c.content.start}-${c.content.end}`;
  for (const c of data.claims) counts.set(base(c), (counts.get(base(c)) ?? 0) + 1);
  return new Map(data.claims.map((c) => [c, counts.get(base(c))! > 1 ? `${base(c)}#${c.id}` : base(c)]));
}

/**
 * A claim's grading as formats show it: the least reliable of its speakers' and relays' grades (grades.ts
 * weakestReliability: a claim passed on is only as reliable as its weakest link), its credibility, the two in the
 * usual notation (B3), and the caveats of its speakers and relays.
 * All null and empty when nothing is graded and no caveat fits.
 */
export function claimGrading(claim: ExportClaim, person: ReadonlyMap<string, ExportPerson>): {
  reliability: Reliability | null; credibility: Credibility | null; notation: string | null; caveats: ExportCaveat[];
} {
  const speakers = [...claim.speakers, ...claim.via].map((k) => person.get(k)).filter((p): p is ExportPerson => !!p);
  const reliability = weakestReliability(speakers.map((p) => p.reliability?.value ?? null));
  const credibility = claim.credibility?.value ?? null;
  const caveats: ExportCaveat[] = [];
  for (const p of speakers) for (const c of p.caveats ?? []) if (!caveats.some((x) => x.id === c.id)) caveats.push(c);
  return { reliability, credibility, notation: showGrade(reliability, credibility), caveats };
}
