/**
 * What the workbench's screens need beyond the corpus API, computed on top of it: the reader's view of one
 * document, the library list, the expert × theme matrix and the network (the exports are collect-dataset's).
 * Plain data in, plain data out; the routes only parse requests and pick a status.
 */
import { datelineSections } from '../store/metadata.ts';
import type { EffectiveAttribution, SpeakerView } from '../store/corrections.ts';
import { codeTree, descendants } from '../core/codebook/codebook.ts';
import { dateBounds } from '../store/sql-store.ts';
import { CorpusError, docRef, type ClaimView, type Corpus, type CorrectionView, type DocumentRef, type PersonSummary } from '../store/corpus.ts';
import type { ClaimCredibility, IdentityRecord, Store } from '../store/store.ts';
import type { SourceGradeView } from '../store/grading.ts';
import { themeKey } from './theme-key.ts';

// ---------------------------------------------------------------------------------------------------------
// Views

export interface ReaderSpeaker {
  /** Stable within the corpus: the identity ref, else the document's person id, else the name. */
  readonly key: string;
  readonly name: string;
  readonly identity: string | null;
  readonly person: string | null;
  readonly organization: string | null;
  readonly title: string | null;
}

export interface ReaderAttribution {
  readonly id: string;
  readonly provenance: 'machine' | 'analyst';
  readonly review: EffectiveAttribution['review'];
  readonly kind: string;
  readonly speakers: readonly ReaderSpeaker[];
  readonly via: readonly ReaderSpeaker[];
  readonly cue: { start: number; end: number; text: string } | null;
  readonly content: { start: number; end: number; text: string };
  readonly footnotes: readonly number[];
  readonly hedges: readonly string[];
  readonly confidence: number;
  readonly mention: EffectiveAttribution['mention'];
  readonly corrections: readonly string[];
}

export interface ReaderView {
  readonly document: DocumentRef & {
    readonly subtitle: string | null;
    readonly series: string | null;
    readonly number: string | null;
    readonly language: string | null;
    readonly format: string;
    readonly authors: readonly { name: string; organization: string | null; title: string | null }[];
    readonly length: number;
    readonly addedAt: string;
  };
  /** The source text every offset below points into (UTF-16, half-open ranges). */
  readonly text: string;
  readonly outline: readonly { heading: string; level: number; start: number; headingEnd: number; end: number; trailer: boolean }[];
  readonly footnotes: readonly { n: number; start: number; end: number; note: string | null }[];
  readonly people: readonly {
    person: string; identity: string | null; name: string; type: string; role: string;
    organization: string | null; title: string | null; latin: string | null; aliases: readonly string[];
  }[];
  /** Every attribution with corrections applied, rejected ones included (the reader shows them struck out). */
  readonly attributions: readonly ReaderAttribution[];
  readonly unattributed: readonly { content: { start: number; end: number; text: string }; footnotes: readonly number[]; reason: string }[];
  readonly corrections: readonly CorrectionView[];
  /**
   * Source grading (store/grading.ts): the credibility grade of each graded claim, by claim id, and every
   * speaker and relay with an identity as grading shows it (grade, caveats, suggestion), by identity ref.
   */
  readonly grades: {
    readonly credibility: Readonly<Record<string, ClaimCredibility>>;
    readonly sources: Readonly<Record<string, SourceGradeView>>;
  };
}

export interface LibraryEntry extends DocumentRef {
  readonly language: string | null;
  readonly format: string;
  readonly length: number;
  readonly addedAt: string;
  readonly claims: number;
  readonly speakers: number;
}

export interface LibraryQuery {
  /** Words that must all occur in the title, file name or id (case-insensitive). */
  readonly q?: string;
  readonly language?: string;
  readonly from?: string;
  readonly to?: string;
  readonly sort?: 'date' | 'added' | 'title';
  readonly limit: number;
  readonly offset: number;
}

export interface MatrixTheme {
  readonly key: string;
  /** The heading as most documents write it; null for claims outside any section. */
  readonly label: string | null;
  readonly claims: number;
}

export interface MatrixView {
  readonly themes: readonly MatrixTheme[];
  readonly experts: readonly { id: string; name: string; organization: string | null; claims: number }[];
  /** cells[expert id][theme key] = number of claims. */
  readonly cells: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** How many experts and themes there are in all (the view shows the largest). */
  readonly totals: { readonly experts: number; readonly themes: number };
}

/** A column of the experts × codes matrix: a code of the corpus codebook. */
export interface MatrixCode {
  readonly key: string;
  readonly names: { readonly ja: string; readonly en: string };
  readonly parent: string | null;
  readonly colour: string | null;
  readonly claims: number;
}

export interface CodeMatrixOptions {
  readonly experts: number;
  readonly codes: number;
  /** Document refs (or names); only their claims. */
  readonly documents?: readonly string[];
  /** Publication date bounds, YYYY[-MM[-DD]], inclusive. */
  readonly from?: string;
  readonly to?: string;
  /** Only claims in sections of this theme key (theme-key.ts). */
  readonly theme?: string;
  /** Cells under this count are left out (and experts and codes left with none). */
  readonly min: number;
}

export interface CodeMatrixView {
  readonly codes: readonly MatrixCode[];
  readonly experts: readonly { id: string; name: string; organization: string | null; claims: number }[];
  /** cells[expert id][code id] = number of the expert's claims carrying the code. */
  readonly cells: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** The section themes of the claims counted before the theme filter, for the filter's choices. */
  readonly themes: readonly { key: string; label: string | null; claims: number }[];
  readonly totals: { readonly experts: number; readonly codes: number };
  readonly codebook: { readonly name: string; readonly version: string };
}

export interface NetworkNode {
  readonly id: string;
  readonly type: 'expert' | 'organization' | 'document';
  readonly label: string;
  /** Claims (experts, documents) or members (organisations): the node's size. */
  readonly weight: number;
  /** What to open: an identity ref or a document ref. */
  readonly ref: string | null;
}

export interface NetworkEdge {
  readonly source: string;
  readonly target: string;
  readonly type: 'affiliation' | 'claims';
  readonly weight: number;
}

export interface NetworkView {
  readonly nodes: readonly NetworkNode[];
  readonly edges: readonly NetworkEdge[];
  readonly totals: { readonly experts: number };
}

// ---------------------------------------------------------------------------------------------------------
// Identities by id: the store rows name identities by number, the API by ref.

class IdentityDirectory {
  private version: string | null = null;
  private byId = new Map<number, IdentityRecord>();
  private byRef = new Map<string, IdentityRecord>();

  async refresh(store: Store): Promise<void> {
    const version = (await store.getMeta('identity_version')) ?? '0';
    if (version === this.version) return;
    const records = await store.loadIdentities();
    this.byId = new Map(records.map((r) => [r.id, r]));
    this.byRef = new Map(records.map((r) => [r.ref, r]));
    this.version = version;
  }

  /** The identity a number stands for now, following merges. */
  current(id: number | null): IdentityRecord | undefined {
    let r = id === null ? undefined : this.byId.get(id);
    for (let hops = 0; r && r.mergedInto !== null && hops < 100; hops++) r = this.byId.get(r.mergedInto);
    return r;
  }

  byReference(ref: string): IdentityRecord | undefined {
    const r = this.byRef.get(ref);
    return r ? this.current(r.id) : undefined;
  }
}

// ---------------------------------------------------------------------------------------------------------

/** The deepest body section (not a trailer such as 注) that holds `at`: the claim's theme in its document. */
function sectionOf(outline: ReaderView['outline'], at: number): string | null {
  let best: ReaderView['outline'][number] | null = null;
  for (const s of outline) if (!s.trailer && s.start <= at && at < s.end && (!best || s.level >= best.level)) best = s;
  return best?.heading ?? null;
}

const inRange = (date: string | null, from?: string, to?: string) => {
  if (!from && !to) return true;
  if (!date) return false;
  // Dates are YYYY, YYYY-MM or YYYY-MM-DD: comparing prefixes of equal length keeps "2024" within 2024-03.
  if (from && date.slice(0, from.length) < from) return false;
  if (to && date.slice(0, to.length) > to) return false;
  return true;
};

export class Workbench {
  readonly corpus: Corpus;
  private readonly directory = new IdentityDirectory();

  constructor(corpus: Corpus) {
    this.corpus = corpus;
  }

  get store(): Store {
    return this.corpus.store;
  }

  /** A cheap string that changes when the corpus does (documents, identities, corrections). */
  async stamp(): Promise<string> {
    const [documents, identities, corrections, grades, caveats] = await Promise.all([
      this.store.countDocuments(),
      this.store.getMeta('identity_version'),
      this.store.getMeta('next_correction'),
      // A grade or a caveat list set by another process (mikata grade) shows on the next read.
      this.store.getMeta('next_grade'),
      this.store.getMeta('source_caveats'),
    ]);
    return `${documents}|${identities ?? ''}|${corrections ?? ''}|${grades ?? ''}|${caveats?.length ?? ''}`;
  }

  private async identities(): Promise<IdentityDirectory> {
    await this.directory.refresh(this.store);
    return this.directory;
  }

  // -------------------------------------------------------------------------------------------------------
  // Library and reader

  async library(query: LibraryQuery): Promise<{ total: number; documents: LibraryEntry[] }> {
    const words = (query.q ?? '').normalize('NFKC').toLowerCase().split(/\s+/).filter(Boolean);
    let docs = (await this.corpus.documents()).filter((d) => {
      if (query.language && d.language !== query.language) return false;
      if (!inRange(d.date, query.from, query.to)) return false;
      if (!words.length) return true;
      const hay = [d.title, d.name, d.ref].filter(Boolean).join(' ').normalize('NFKC').toLowerCase();
      return words.every((w) => hay.includes(w));
    });
    const sort = query.sort ?? 'added';
    docs = [...docs].sort((a, b) =>
      sort === 'date' ? (b.date ?? '').localeCompare(a.date ?? '') || b.addedAt.localeCompare(a.addedAt)
        : sort === 'title' ? (a.title ?? a.name ?? a.ref).localeCompare(b.title ?? b.name ?? b.ref)
          : b.addedAt.localeCompare(a.addedAt) || b.id - a.id);
    const page = docs.slice(query.offset, query.offset + query.limit);
    const claims = await this.store.claimsOf(page.map((d) => d.id));
    return {
      total: docs.length,
      documents: page.map((d) => {
        const list = claims.get(d.id) ?? [];
        const speakers = new Set(list.flatMap((c) => c.speakers.filter((s) => s.role === 'speaker').map((s) => s.identity ?? s.name)));
        return { ...docRef(d), language: d.language, format: d.format, length: d.length, addedAt: d.addedAt, claims: list.length, speakers: speakers.size };
      }),
    };
  }

  async reader(query: string): Promise<ReaderView> {
    const doc = await this.corpus.document(query);
    const [attributions, people, corrections, directory, claims] = await Promise.all([
      this.corpus.attributions(doc.ref, { includeRejected: true }),
      this.store.people(doc.id),
      this.corpus.corrections(doc.ref),
      this.identities(),
      this.store.claims(doc.id),
    ]);
    const byLocal = new Map(people.map((p) => [p.localId, p]));
    const speaker = (s: SpeakerView): ReaderSpeaker => {
      const p = s.person ? byLocal.get(s.person) : undefined;
      const identity = s.identity ? directory.byReference(s.identity) : undefined;
      return {
        key: identity?.ref ?? (s.person ? `${doc.ref}:${s.person}` : `name:${s.name}`),
        name: s.name,
        identity: identity?.ref ?? s.identity,
        person: s.person,
        organization: p?.organization ?? identity?.organization ?? null,
        title: p?.title ?? null,
      };
    };
    const a = doc.analysis;
    const datelines = corrections.some((c) => c.action === 'metadata' && c.status === 'active') ? datelineSections(a, a.document.date) : new Set<number>();
    return {
      document: {
        ...docRef(doc), subtitle: a.document.subtitle, series: a.document.series, number: a.document.number, language: doc.language,
        format: doc.format, authors: a.document.authors, length: doc.text.length, addedAt: doc.addedAt,
      },
      text: doc.text,
      // A dateline the analysis took for a heading leaves the outline once the analyst gave the date.
      outline: a.sections.filter((s) => !datelines.has(s.start)).map((s) => ({ heading: s.heading, level: s.level, start: s.start, headingEnd: s.headingEnd, end: s.end, trailer: s.trailer })),
      footnotes: a.footnotes.map((f) => ({ n: f.n, start: f.start, end: f.end, note: f.note?.text.replace(/\s+/g, ' ').trim() ?? null })),
      people: people.map((p) => ({
        person: p.localId, identity: directory.current(p.identity)?.ref ?? null, name: p.name, type: p.type, role: p.role,
        organization: p.organization, title: p.title, latin: p.latin, aliases: p.aliases,
      })),
      attributions: attributions.map((x) => ({
        id: x.id, provenance: x.provenance, review: x.review, kind: x.kind, speakers: x.speakers.map(speaker), via: x.via.map(speaker),
        cue: x.cue, content: x.content, footnotes: x.footnotes, hedges: x.hedges, confidence: x.confidence, mention: x.mention, corrections: x.corrections,
      })),
      unattributed: a.unattributed.map((u) => ({ content: u.content, footnotes: u.footnotes, reason: u.reason })),
      corrections,
      grades: await this.readerGrades(claims, attributions.flatMap((x) => [...x.speakers, ...x.via].map((s) => speaker(s).identity).filter((r): r is string => r !== null))),
    };
  }

  private async readerGrades(claims: readonly { localId: string; credibility?: ClaimCredibility | null }[], identities: readonly string[]): Promise<ReaderView['grades']> {
    const credibility: Record<string, ClaimCredibility> = {};
    for (const c of claims) if (c.credibility) credibility[c.localId] = c.credibility;
    return { credibility, sources: Object.fromEntries(await this.corpus.grading().sources(identities)) };
  }

  // -------------------------------------------------------------------------------------------------------
  // Matrix and network: the experts with most claims, so the views stay readable on a large corpus.

  private async topExperts(limit: number): Promise<{ all: PersonSummary[]; top: { summary: PersonSummary; id: number }[] }> {
    const [all, directory] = await Promise.all([this.corpus.experts(), this.identities()]);
    const top: { summary: PersonSummary; id: number }[] = [];
    for (const summary of all) {
      if (top.length >= limit) break;
      const r = directory.byReference(summary.id);
      if (r) top.push({ summary, id: r.id });
    }
    return { all, top };
  }

  async matrix(options: { experts: number; themes: number }): Promise<MatrixView> {
    const { all, top } = await this.topExperts(options.experts);
    const labels = new Map<string, Map<string, number>>();
    const themeCounts = new Map<string, number>();
    const cells: Record<string, Record<string, number>> = {};
    const counted: MatrixView['experts'][number][] = [];
    for (const { summary, id } of top) {
      const row: Record<string, number> = {};
      let n = 0;
      for (const c of await this.store.expertClaims(id)) {
        if (c.role !== 'speaker') continue;
        const key = themeKey(c.section);
        row[key] = (row[key] ?? 0) + 1;
        themeCounts.set(key, (themeCounts.get(key) ?? 0) + 1);
        if (c.section) {
          const forms = labels.get(key) ?? new Map<string, number>();
          forms.set(c.section, (forms.get(c.section) ?? 0) + 1);
          labels.set(key, forms);
        }
        n++;
      }
      cells[summary.id] = row;
      counted.push({ id: summary.id, name: summary.name, organization: summary.organization, claims: n });
    }
    const themes = [...themeCounts.entries()]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, options.themes)
      .map(([key, claims]) => {
        const forms = [...(labels.get(key) ?? new Map<string, number>()).entries()].sort((a, b) => b[1] - a[1]);
        return { key, label: forms[0]?.[0] ?? null, claims };
      });
    const shown = new Set(themes.map((t) => t.key));
    for (const row of Object.values(cells)) for (const k of Object.keys(row)) if (!shown.has(k)) delete row[k];
    return { themes, experts: counted, cells, totals: { experts: all.length, themes: themeCounts.size } };
  }

  /** The claims of one expert that pass the matrix filters (document, dates, theme). */
  private async filteredClaims(id: number, filter: Omit<CodeMatrixOptions, 'experts' | 'codes' | 'min'>, docIds: Set<string> | null) {
    const lo = filter.from ? dateBounds(filter.from).lo : null;
    const hi = filter.to ? dateBounds(filter.to).hi : null;
    return (await this.store.expertClaims(id)).filter((c) => {
      if (c.role !== 'speaker') return false;
      if (docIds && !docIds.has(c.document.ref)) return false;
      if (lo || hi) {
        const b = dateBounds(c.document.date);
        if (!b.lo || !b.hi) return false;
        if (lo && b.hi < lo) return false;
        if (hi && b.lo > hi) return false;
      }
      return true;
    });
  }

  private async documentFilter(documents: readonly string[] | undefined): Promise<Set<string> | null> {
    if (!documents?.length) return null;
    const out = new Set<string>();
    for (const q of documents) out.add((await this.corpus.resolveDocument(q)).ref);
    return out;
  }

  /**
   * Experts × codes: how many of each expert's claims carry each code of the corpus codebook (rejected
   * codes left out), over the documents, dates and section theme asked for; cells under `min` dropped.
   */
  async codeMatrix(options: CodeMatrixOptions): Promise<CodeMatrixView> {
    const { book } = await this.corpus.codebook();
    const docIds = await this.documentFilter(options.documents);
    const { all, top } = await this.topExperts(options.experts);
    const codeCounts = new Map<string, number>();
    const themeCounts = new Map<string, { label: string | null; claims: number }>();
    const cells: Record<string, Record<string, number>> = {};
    const counted: CodeMatrixView['experts'][number][] = [];
    for (const { summary, id } of top) {
      const row: Record<string, number> = {};
      let n = 0;
      for (const c of await this.filteredClaims(id, options, docIds)) {
        const key = themeKey(c.section);
        const th = themeCounts.get(key) ?? { label: c.section, claims: 0 };
        themeCounts.set(key, { label: th.label ?? c.section, claims: th.claims + 1 });
        if (options.theme !== undefined && key !== options.theme) continue;
        n++;
        for (const k of c.codes ?? []) if (k.status !== 'rejected') row[k.code] = (row[k.code] ?? 0) + 1;
      }
      for (const [k, v] of Object.entries(row)) if (v < options.min) delete row[k];
      if (!Object.keys(row).length && options.min > 1) continue;
      for (const [k, v] of Object.entries(row)) codeCounts.set(k, (codeCounts.get(k) ?? 0) + v);
      cells[summary.id] = row;
      counted.push({ id: summary.id, name: summary.name, organization: summary.organization, claims: n });
    }
    // Columns in codebook order (the order its editors chose), the busiest kept when there are too many.
    const order = new Map(codeTree(book).map((t, i) => [t.code.id, i]));
    const kept = new Set([...codeCounts.entries()].sort((a, b) => b[1] - a[1] || (order.get(a[0]) ?? 1e9) - (order.get(b[0]) ?? 1e9)).slice(0, options.codes).map(([k]) => k));
    const byId = new Map(book.codes.map((c) => [c.id, c]));
    const codes: MatrixCode[] = [...kept]
      .sort((a, b) => (order.get(a) ?? 1e9) - (order.get(b) ?? 1e9) || (a < b ? -1 : 1))
      .map((key) => {
        const c = byId.get(key);
        return { key, names: c?.name ?? { ja: key, en: key }, parent: c?.parent ?? null, colour: c?.colour ?? null, claims: codeCounts.get(key) ?? 0 };
      });
    for (const row of Object.values(cells)) for (const k of Object.keys(row)) if (!kept.has(k)) delete row[k];
    const themes = [...themeCounts.entries()].sort((a, b) => b[1].claims - a[1].claims || (a[0] < b[0] ? -1 : 1)).map(([key, v]) => ({ key, label: v.label, claims: v.claims }));
    return { codes, experts: counted, cells, themes, totals: { experts: all.length, codes: codeCounts.size }, codebook: { name: book.name, version: book.version } };
  }

  /** The claims behind one cell of the experts × codes matrix (a code takes the codes under it). */
  async codeMatrixClaims(expert: string, code: string, filter: Omit<CodeMatrixOptions, 'experts' | 'codes' | 'min'>): Promise<{ person: PersonSummary; code: string; claims: ClaimView[] }> {
    const { book } = await this.corpus.codebook();
    if (!book.codes.some((c) => c.id === code)) throw new CorpusError('E_NOT_FOUND', `no code ${JSON.stringify(code)} in the codebook`);
    const wanted = new Set(descendants(book, code));
    const docIds = await this.documentFilter(filter.documents);
    const page = await this.corpus.expert(expert);
    const lo = filter.from ? dateBounds(filter.from).lo : null;
    const hi = filter.to ? dateBounds(filter.to).hi : null;
    const claims = page.claims.filter((c) => {
      if (c.role !== 'speaker' || !c.codes.some((k) => k.status !== 'rejected' && wanted.has(k.code))) return false;
      if (docIds && !docIds.has(c.document.id)) return false;
      if (filter.theme !== undefined && themeKey(c.section) !== filter.theme) return false;
      if (lo || hi) {
        const b = dateBounds(c.document.date);
        if (!b.lo || !b.hi || (lo && b.hi < lo) || (hi && b.lo > hi)) return false;
      }
      return true;
    });
    return { person: page.person, code, claims };
  }

  /** The claims behind one cell of the matrix. */
  async matrixClaims(expert: string, theme: string): Promise<{ person: PersonSummary; theme: string; claims: ClaimView[] }> {
    const page = await this.corpus.expert(expert);
    return { person: page.person, theme, claims: page.claims.filter((c) => c.role === 'speaker' && themeKey(c.section) === theme) };
  }

  async network(options: { experts: number }): Promise<NetworkView> {
    const { all, top } = await this.topExperts(options.experts);
    const nodes = new Map<string, NetworkNode>();
    const edges: NetworkEdge[] = [];
    const perDoc = new Map<number, Map<string, number>>();
    for (const { summary, id } of top) {
      const eid = `e:${summary.id}`;
      let n = 0;
      for (const c of await this.store.expertClaims(id)) {
        if (c.role !== 'speaker') continue;
        n++;
        const m = perDoc.get(c.doc) ?? new Map<string, number>();
        m.set(eid, (m.get(eid) ?? 0) + 1);
        perDoc.set(c.doc, m);
      }
      nodes.set(eid, { id: eid, type: 'expert', label: summary.name, weight: n, ref: summary.id });
      if (summary.organization) {
        const oid = `o:${summary.organization.normalize('NFKC').toLowerCase()}`;
        const o = nodes.get(oid);
        nodes.set(oid, { id: oid, type: 'organization', label: summary.organization, weight: (o?.weight ?? 0) + 1, ref: null });
        edges.push({ source: eid, target: oid, type: 'affiliation', weight: 1 });
      }
    }
    const docs = await this.store.documentSummaries([...perDoc.keys()]);
    for (const [doc, speakers] of perDoc) {
      const d = docs.get(doc);
      if (!d) continue;
      const did = `d:${d.ref}`;
      let total = 0;
      for (const [eid, n] of speakers) {
        edges.push({ source: eid, target: did, type: 'claims', weight: n });
        total += n;
      }
      nodes.set(did, { id: did, type: 'document', label: d.title ?? d.name ?? d.ref, weight: total, ref: d.ref });
    }
    return { nodes: [...nodes.values()], edges, totals: { experts: all.length } };
  }
}
