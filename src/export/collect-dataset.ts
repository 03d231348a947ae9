/**
 * Fills an ExportDataset from the corpus: the one step of an export that reads the store. Everything after
 * it (formats.ts and the renderers) is pure.
 *
 * Filters: `documents` (refs, prefixes or file names) keeps those documents; `people` (any spelling or an
 * identity ref) keeps the claims where one of them speaks or relays (via), and the documents that have one.
 * Both together: their claims in those documents. Claims are as the analyst sees them, corrections applied,
 * rejected ones kept (marked `rejected`) so that an export is an audit record.
 */
import type { Footnote, Section } from '../core/model/schema.ts';
import type { EffectiveAttribution, SpeakerView } from '../store/corrections.ts';
import { CorpusError, type Corpus } from '../store/corpus.ts';
import type { IdentityRecord, PersonRow, StoredDocument } from '../store/store.ts';
import { descendants } from '../core/codebook/codebook.ts';
import { collectAch } from './collect-ach.ts';
import type { ClaimStatus, ExportClaim, ExportCorrection, ExportDataset, ExportDocument, ExportNote, ExportPerson } from './dataset.ts';

export interface DatasetFilter {
  readonly documents?: readonly string[];
  readonly people?: readonly string[];
  /** Only claims coded with one of these codes or a code under them (ids of the corpus codebook). */
  readonly codes?: readonly string[];
}

export interface CollectOptions {
  /** ISO time of the export. */
  readonly now: string;
  readonly analyst?: string | null;
  /** The language of labels; by default the documents' (Japanese unless they are all English). */
  readonly language?: 'ja' | 'en';
}

class Identities {
  private readonly byId: Map<number, IdentityRecord>;
  private readonly byRef: Map<string, IdentityRecord>;
  constructor(records: readonly IdentityRecord[]) {
    this.byId = new Map(records.map((r) => [r.id, r]));
    this.byRef = new Map(records.map((r) => [r.ref, r]));
  }
  /** The identity a number or ref stands for now, following merges. */
  current(key: number | string | null): IdentityRecord | undefined {
    let r = key === null ? undefined : typeof key === 'number' ? this.byId.get(key) : this.byRef.get(key);
    for (let hops = 0; r && r.mergedInto !== null && hops < 100; hops++) r = this.byId.get(r.mergedInto);
    return r;
  }
}

/** The deepest body section (not a trailer such as 注) that holds `at`. */
function sectionAt(sections: readonly Section[], at: number): string | null {
  let best: Section | null = null;
  for (const s of sections) if (!s.trailer && s.start <= at && at < s.end && (!best || s.level >= best.level)) best = s;
  return best?.heading ?? null;
}

function notesOf(footnotes: readonly Footnote[]): ExportNote[] {
  const byN = new Map<number, string | null>();
  for (const f of footnotes) {
    const text = f.note?.text.replace(/\s+/g, ' ').trim() || null;
    if (!byN.has(f.n) || (byN.get(f.n) === null && text)) byN.set(f.n, text);
  }
  return [...byN.entries()].sort((a, b) => a[0] - b[0]).map(([n, text]) => ({ n, text }));
}

function toDocument(doc: StoredDocument): ExportDocument {
  const a = doc.analysis;
  return {
    id: doc.ref, hash: doc.hash, name: doc.name, title: doc.title, date: doc.date, language: a.document.language, series: a.document.series,
    number: a.document.number, authors: a.document.authors, text: doc.text, addedAt: doc.addedAt, analyzedAt: doc.analyzedAt,
    notes: notesOf(a.footnotes),
    markers: a.footnotes.map((f) => ({ n: f.n, start: f.start, end: f.end })),
    sections: a.sections.map((s) => ({ heading: s.heading, level: s.level, start: s.start, end: s.end, trailer: s.trailer })),
  };
}

const statusOf = (a: EffectiveAttribution): ClaimStatus => a.review ?? (a.provenance === 'analyst' ? 'added' : 'unreviewed');

/**
 * @example
 * const data = await collectDataset(corpus, { people: ['Vlad Popescu'] }, { now: new Date().toISOString(), analyst: 'kato' });
 */
export async function collectDataset(corpus: Corpus, filter: DatasetFilter, options: CollectOptions): Promise<ExportDataset> {
  const store = corpus.store;
  const identities = new Identities(await store.loadIdentities());

  const chosen: IdentityRecord[] = [];
  for (const q of filter.people ?? []) {
    const r = identities.current((await corpus.resolvePerson(q)).ref);
    if (!r) throw new CorpusError('E_NOT_FOUND', `no person ${JSON.stringify(q)} in the corpus`);
    if (!chosen.some((c) => c.id === r.id)) chosen.push(r);
  }
  const wanted = new Set(chosen.map((r) => r.ref));

  const { book } = await corpus.codebook();
  const codeSet = new Set<string>();
  for (const q of filter.codes ?? []) {
    if (!book.codes.some((c) => c.id === q)) throw new CorpusError('E_NOT_FOUND', `no code ${JSON.stringify(q)} in the codebook (mikata codebook show lists them)`);
    for (const id of descendants(book, q)) codeSet.add(id);
  }

  let docIds: number[];
  if (filter.documents?.length) {
    docIds = [];
    for (const q of filter.documents) {
      const d = await corpus.resolveDocument(q);
      if (!docIds.includes(d.id)) docIds.push(d.id);
    }
  } else if (chosen.length) {
    // Only the documents where a chosen person appears (as a document person, or as a speaker in the index).
    const set = new Set<number>();
    for (const r of chosen) {
      for (const p of await store.identityPeople(r.id)) set.add(p.doc);
      for (const c of await store.expertClaims(r.id)) set.add(c.doc);
    }
    const order = await store.documentIds();
    docIds = order.filter((id) => set.has(id));
  } else {
    docIds = await store.documentIds();
  }

  const documents: ExportDocument[] = [];
  const claims: ExportClaim[] = [];
  const corrections: ExportCorrection[] = [];
  const people = new Map<string, ExportPerson>();

  for (const id of docIds) {
    const doc = await store.getDocument(id);
    if (!doc) continue;
    const [attributions, rows, views, claimRows] = await Promise.all([
      corpus.attributions(doc.ref, { includeRejected: true }),
      store.people(doc.id),
      corpus.corrections(doc.ref),
      store.claims(doc.id),
    ]);
    // A rejected claim has no row in the index, and so no codes.
    const codesOf = new Map(claimRows.map((c) => [c.localId, (c.codes ?? []).filter((k) => k.status !== 'rejected').map((k) => k.code)]));
    const credibilityOf = new Map(claimRows.filter((c) => c.credibility).map((c) => [c.localId, { ...c.credibility! }]));
    const byLocal = new Map(rows.map((p) => [p.localId, p]));
    const personKey = (s: SpeakerView): string => {
      const row = s.person ? byLocal.get(s.person) : undefined;
      const identity = identities.current(s.identity ?? row?.identity ?? null);
      const key = identity?.ref ?? (s.person ? `${doc.ref}:${s.person}` : `name:${s.name}`);
      const known = people.get(key);
      people.set(key, mergePerson(known, key, s.name, identity, row));
      return key;
    };
    const kept = attributions.filter((a) => !wanted.size || [...a.speakers, ...a.via].some((s) => {
      const r = identities.current(s.identity ?? (s.person ? byLocal.get(s.person)?.identity ?? null : null));
      return r ? wanted.has(r.ref) : false;
    })).filter((a) => !codeSet.size || (codesOf.get(a.id) ?? []).some((k) => codeSet.has(k)));
    if ((wanted.size || codeSet.size) && !kept.length) continue;
    const d = toDocument(doc);
    documents.push(d);
    for (const a of kept) {
      claims.push({
        id: a.id, document: d.id, speakers: a.speakers.map(personKey), via: a.via.map(personKey), kind: a.kind,
        cue: a.cue ? { start: a.cue.start, end: a.cue.end, text: a.cue.text } : null,
        content: { start: a.content.start, end: a.content.end, text: a.content.text },
        footnotes: [...new Set(a.footnotes)], hedges: a.hedges, confidence: a.confidence, provenance: a.provenance, status: statusOf(a),
        section: sectionAt(doc.analysis.sections, a.content.start), page: a.machine?.page ?? null, corrections: a.corrections,
        codes: codesOf.get(a.id) ?? [],
        credibility: credibilityOf.get(a.id) ?? null,
      });
    }
    const used = new Set(kept.flatMap((a) => a.corrections));
    for (const c of views) {
      // A person's export keeps the corrections of their claims; a document's keeps them all (unanchored too).
      if ((wanted.size || codeSet.size) && !used.has(c.id)) continue;
      corrections.push({ id: c.id, document: d.id, action: c.action, status: c.status, anchored: c.anchored, by: c.by, why: c.why, at: c.at, quote: c.quote });
    }
  }

  const language = options.language ?? (documents.length && documents.every((d) => d.language === 'en') ? 'en' : 'ja');
  // One document (chosen, or all the corpus holds) is the export's title; else the people chosen; else the corpus.
  const title = documents.length === 1 && !chosen.length
    ? (documents[0]!.title ?? documents[0]!.name ?? documents[0]!.id)
    : chosen.length
      ? chosen.map((r) => r.name).join(', ')
      : language === 'ja' ? 'mikata コーパス' : 'mikata corpus';
  // Source grading: each linked person's grade and the caveats that fit them (store/grading.ts).
  const sources = await corpus.grading().sources([...people.values()].map((p) => p.identity).filter((r): r is string => r !== null));
  for (const [key, p] of people) {
    const s = p.identity ? sources.get(p.identity) : undefined;
    people.set(key, {
      ...p,
      reliability: s?.reliability ? { ...s.reliability } : null,
      caveats: (s?.caveats ?? []).map((c) => ({ id: c.id, kind: c.kind, label: c.label, caveat: c.caveat, suggest: c.suggest })),
    });
  }
  return {
    title, language, generatedAt: options.now, analyst: options.analyst ?? null,
    scope: { documents: filter.documents?.length ? documents.map((d) => d.id) : [], people: chosen.map((r) => r.ref), ...(codeSet.size ? { codes: [...(filter.codes ?? [])] } : {}) },
    documents, people: [...people.values()], claims, corrections,
    // The whole corpus carries every matrix; a selection, those with evidence from its documents.
    ach: await collectAch(corpus, filter.documents?.length || chosen.length || codeSet.size ? new Set(documents.map((d) => d.hash)) : null),
  };
}

function mergePerson(known: ExportPerson | undefined, key: string, name: string, identity: IdentityRecord | undefined, row: PersonRow | undefined): ExportPerson {
  const display = identity?.name ?? known?.name ?? row?.name ?? name;
  const forms: { form: string; script: string }[] = [...(known?.forms ?? [])];
  const add = (form: string | null | undefined, script: string) => {
    if (form && !forms.some((f) => f.form === form)) forms.push({ form, script });
  };
  add(display, identity?.forms.find((f) => f.form === display)?.script ?? scriptOf(display));
  for (const f of identity?.forms ?? []) add(f.form, f.script);
  add(row?.name, scriptOf(row?.name ?? ''));
  add(row?.latin, 'latin');
  for (const alias of row?.aliases ?? []) add(alias, scriptOf(alias));
  add(name, scriptOf(name));
  return {
    key, identity: identity?.ref ?? null, name: display, type: identity?.type ?? row?.type ?? known?.type ?? 'person',
    organization: known?.organization ?? row?.organization ?? identity?.organization ?? null,
    post: known?.post ?? row?.title ?? null,
    forms,
  };
}

function scriptOf(s: string): string {
  if (/[\u30A0-\u30FF]/.test(s)) return 'katakana';
  if (/[\u0400-\u04FF]/.test(s)) return 'cyrillic';
  if (/[\u4E00-\u9FFF]/.test(s)) return 'kanji';
  if (/[A-Za-z]/.test(s)) return 'latin';
  return 'other';
}
