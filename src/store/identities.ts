/**
 * Corpus identities: one record per person across documents and scripts, built from the people each
 * analysis names and linked with the transliteration-aware matcher of core/identity.
 *
 * How a document's person finds its identity, in order:
 * 1. the link it had before, when the document is analysed again and the person still goes by a name it
 *    went by (so merges, splits and every earlier link survive re-analysis);
 * 2. a full name form (with a forename or initial, or a kanji name) already recorded for exactly one
 *    identity: the same name is the same person; a bare surname joins the identity that gathers the bare
 *    mentions of that surname, if there is one;
 * 3. the matcher: 'same' links; 'maybe' makes a new identity and a pending proposal for the analyst,
 *    never a silent merge; nothing close makes a new identity.
 * A link by 2 or 3 is made only when nothing conflicts (identityConflicts: organisation, post, a name form
 * in the same script, dates); otherwise the person gets a new identity and the pair goes
 * to the analyst as a pending proposal that names the conflict. Nothing is merged until it is accepted.
 * Groups, governments and organisations link by exact name only.
 */
import { createIdentityIndex, parseName, type IdentityIndex, type MatchResult } from '../core/identity/index.ts';
import { nameFormsContradict, organizationsAgree } from '../core/identity/match.ts';
import { datesConflict, isFormerPost, postFamily, postsConflict } from '../core/identity/posts.ts';
import { dominantScript } from '../core/text/chars.ts';
import type { Person, PersonType } from '../core/model/schema.ts';
import { searchNormalize } from './search-text.ts';
import { byForm } from './sql-store.ts';
import type { IdentityRecord, NameForm, NameScript, PersonRow, StoreReader, StoreWriter } from './store.ts';

/** The key a name form is looked up by: normalised, case-folded, without spaces, dots and hyphens. */
export function nameKey(form: string): string {
  return searchNormalize(form).replace(/[\s\p{P}\p{S}]+/gu, '');
}

export function scriptOf(form: string): NameScript {
  const s = dominantScript(form);
  return s === 'digits' ? 'other' : s;
}

export function toForm(form: string): NameForm {
  return { form: form.trim(), key: nameKey(form), script: scriptOf(form) };
}

/** A full name: more than a surname (a forename or an initial), or a name in kanji, which is whole. */
export function isFullName(form: string): boolean {
  const p = parseName(form);
  if (p.script === 'kanji' || p.script === 'hangul') return nameKey(form).length >= 2;
  return p.forenames.length > 0 && p.surname !== '';
}

/** Every name form a document gives a person: the name, its Latin spelling, its short forms. */
export function formsOfPerson(p: { readonly name: string; readonly latin: string | null; readonly aliases: readonly string[] }): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const f of [p.name, p.latin, ...p.aliases]) {
    if (!f || !f.trim()) continue;
    const k = nameKey(f);
    if (!k || seen.has(k)) continue;
    seen.add(k);
    out.push(f.trim());
  }
  return out;
}

export interface LinkOutcome {
  identity: IdentityRecord;
  how: 'previous' | 'exact' | 'matched' | 'new';
  /** Pending proposals made for this person (identity refs it may also be). */
  proposals: { other: IdentityRecord; result: MatchResult }[];
}

/**
 * The identities in memory, with the matcher's index over them. Kept in step with the database through the
 * meta counter `identity_version`: a writer that finds it changed (another process linked or merged)
 * reloads before it links.
 */
export class IdentityCache {
  private byId = new Map<number, IdentityRecord>();
  private byRef = new Map<string, number>();
  private byKey = new Map<string, Set<number>>();
  /** Identities known only by bare names (a surname alone): every bare mention of that name gathers there. */
  private bare = new Set<number>();
  private index: IdentityIndex = createIdentityIndex();
  private version: string | null = null;
  /** Counts changes made through this cache, so a writer knows whether to bump `identity_version`. */
  changes = 0;

  static async load(reader: StoreReader): Promise<IdentityCache> {
    const cache = new IdentityCache();
    await cache.reload(reader);
    return cache;
  }

  async reload(reader: StoreReader): Promise<void> {
    const version = (await reader.getMeta('identity_version')) ?? '0';
    const records = await reader.loadIdentities();
    this.byId = new Map();
    this.byRef = new Map();
    this.byKey = new Map();
    this.bare = new Set();
    this.index = createIdentityIndex();
    for (const r of records) this.put(r);
    this.version = version;
    this.changes = 0;
  }

  /** Reloads when another writer changed identities since we last looked. */
  async refresh(reader: StoreReader): Promise<void> {
    const version = (await reader.getMeta('identity_version')) ?? '0';
    if (version !== this.version) await this.reload(reader);
  }

  /** Records that this writer changed identities, so other processes reload. */
  async touch(writer: StoreWriter): Promise<void> {
    const next = String(Number((await writer.getMeta('identity_version')) ?? '0') + 1);
    await writer.setMeta('identity_version', next);
    this.version = next;
  }

  put(record: IdentityRecord): void {
    const r = { ...record, forms: [...record.forms].sort(byForm) };
    this.changes++;
    const old = this.byId.get(r.id);
    if (old) for (const f of old.forms) this.byKey.get(f.key)?.delete(r.id);
    this.byId.set(r.id, r);
    this.byRef.set(r.ref, r.id);
    if (r.type === 'person' && r.forms.length > 0 && !r.forms.some((f) => isFullName(f.form))) this.bare.add(r.id);
    else this.bare.delete(r.id);
    if (r.mergedInto !== null) {
      this.index.remove(r.ref);
      return;
    }
    for (const f of r.forms) {
      let set = this.byKey.get(f.key);
      if (!set) this.byKey.set(f.key, (set = new Set()));
      set.add(r.id);
    }
    if (r.type === 'person') this.index.add({ id: r.ref, names: r.forms.map((f) => f.form), organization: r.organization });
  }

  get(id: number): IdentityRecord | undefined {
    return this.byId.get(id);
  }

  /** Follows merges to the identity that stands now. */
  current(id: number): IdentityRecord | undefined {
    let r = this.byId.get(id);
    for (let hops = 0; r && r.mergedInto !== null && hops < 100; hops++) r = this.byId.get(r.mergedInto);
    return r;
  }

  byReference(ref: string): IdentityRecord | undefined {
    const id = this.byRef.get(ref);
    return id === undefined ? undefined : this.current(id);
  }

  /** Active identities with this exact name key (any type, or one type). */
  withKey(key: string, type?: PersonType): IdentityRecord[] {
    const out: IdentityRecord[] = [];
    for (const id of this.byKey.get(key) ?? []) {
      const r = this.byId.get(id);
      if (r && r.mergedInto === null && (!type || r.type === type)) out.push(r);
    }
    return out.sort((a, b) => a.id - b.id);
  }

  isBare(id: number): boolean {
    return this.bare.has(id);
  }

  match(names: string[], organization: string | null): MatchResult[] {
    return this.index.match({ names, organization });
  }

  find(query: string): MatchResult[] {
    return this.index.find(query);
  }

  all(): IdentityRecord[] {
    return [...this.byId.values()];
  }
}

export interface LinkContext {
  writer: StoreWriter;
  cache: IdentityCache;
  now: string;
  /** The document's links before re-analysis: name key → identity id. */
  previous?: Map<string, number>;
  /** Links given by an export being imported: person id → identity id. Nothing is matched then. */
  given?: Map<string, number>;
  /** The date of the document being linked, for the date check of identityConflicts. */
  date?: string | null;
}

/** Creates an identity with a fresh ref and puts it in the cache. */
export async function createIdentity(
  ctx: Pick<LinkContext, 'writer' | 'cache' | 'now'>,
  fields: { name: string; type: PersonType; organization: string | null; origin: 'machine' | 'analyst'; forms: string[] },
): Promise<IdentityRecord> {
  const n = await ctx.writer.nextCounter('next_identity');
  const record = await ctx.writer.createIdentity({
    ref: `e${n}`,
    name: fields.name,
    type: fields.type,
    organization: fields.organization,
    origin: fields.origin,
    createdAt: ctx.now,
    forms: fields.forms.map(toForm).filter((f) => f.key),
  });
  ctx.cache.put(record);
  return record;
}

/** Records new name forms (and a first organisation) on an identity. */
export async function enrichIdentity(ctx: Pick<LinkContext, 'writer' | 'cache'>, identity: IdentityRecord, forms: string[], organization: string | null): Promise<IdentityRecord> {
  const known = new Set(identity.forms.map((f) => f.key));
  const added = forms.map(toForm).filter((f) => f.key && !known.has(f.key));
  const org = identity.organization ?? organization ?? null;
  if (added.length === 0 && org === identity.organization) return identity;
  if (added.length) await ctx.writer.addForms(identity.id, added);
  if (org !== identity.organization) await ctx.writer.updateIdentity(identity.id, { organization: org });
  const next = { ...identity, organization: org, forms: [...identity.forms, ...added] };
  ctx.cache.put(next);
  return next;
}

/** Links one person of a document to an identity (see the rules at the top of this file). */
export async function linkPerson(ctx: LinkContext, person: Person, localNames: string[]): Promise<LinkOutcome> {
  const forms = localNames.length ? localNames : [person.name];
  const given = ctx.given?.get(person.id);
  if (given !== undefined) {
    const identity = ctx.cache.current(given);
    if (identity) return { identity, how: 'previous', proposals: [] };
  }
  if (ctx.previous) {
    for (const f of forms) {
      const id = ctx.previous.get(`${person.type}\u0000${nameKey(f)}`);
      const identity = id === undefined ? undefined : ctx.cache.current(id);
      if (identity) return { identity: await enrichIdentity(ctx, identity, forms, person.organization), how: 'previous', proposals: [] };
    }
  }

  if (person.type !== 'person') {
    const hits = ctx.cache.withKey(nameKey(person.name), person.type);
    if (hits.length === 1) return { identity: await enrichIdentity(ctx, hits[0]!, forms, person.organization), how: 'exact', proposals: [] };
    const identity = await createIdentity(ctx, { name: person.name, type: person.type, organization: person.organization, origin: 'machine', forms });
    return { identity, how: 'new', proposals: [] };
  }

  const full = forms.filter(isFullName);
  if (full.length === 0) {
    // A surname alone is too little to say who it is, but every bare mention of it can wait together for
    // the analyst: one identity, one proposal per person it may be, not one per document.
    const bare = ctx.cache.withKey(nameKey(person.name), 'person').filter((r) => ctx.cache.isBare(r.id));
    if (bare.length === 1) return linkUnlessConflict(ctx, person, forms, bare[0]!, 'exact', [`same surname: ${person.name}`], 0.5);
  }
  const exact = new Map<number, IdentityRecord>();
  for (const f of full) for (const r of ctx.cache.withKey(nameKey(f), 'person')) exact.set(r.id, r);
  if (exact.size === 1) {
    const [identity] = exact.values();
    return linkUnlessConflict(ctx, person, forms, identity!, 'exact', [`same name: ${full.join(', ')}`], 0.9);
  }

  const results = ctx.cache.match(forms, person.organization);
  const best = results[0];
  if (best && best.decision === 'same') {
    const identity = ctx.cache.byReference(best.id);
    if (identity) return linkUnlessConflict(ctx, person, forms, identity, 'matched', best.evidence, best.score);
  }
  const identity = await createIdentity(ctx, { name: person.name, type: 'person', organization: person.organization, origin: 'machine', forms });
  const proposals: LinkOutcome['proposals'] = [];
  for (const r of results.filter((x) => x.decision === 'maybe').slice(0, 5)) {
    const other = ctx.cache.byReference(r.id);
    if (!other || other.id === identity.id) continue;
    await ctx.writer.upsertProposal({ a: identity.id, b: other.id, status: 'pending', score: r.score, evidence: r.evidence, createdAt: ctx.now });
    proposals.push({ other, result: r });
  }
  return { identity, how: 'new', proposals };
}

/** What the corpus knows of an identity beyond its record: the posts and document dates of its mentions. */
export interface IdentityEvidence {
  /** The posts the documents that name it give it (PersonRow.title), any script, former ones included. */
  readonly posts: readonly string[];
  /** The dates of the documents that name it (YYYY-MM-DD, YYYY-MM or YYYY; null when undated). */
  readonly dates: readonly (string | null)[];
}

/** A person of a document as the conflict checks see them. */
export interface PersonEvidence {
  readonly organization: string | null;
  readonly title?: string | null;
  /** Every name form the document gives them. */
  readonly forms?: readonly string[];
  /** The date of the document that names them. */
  readonly date?: string | null;
}

/**
 * Why a person may not be the identity their name points to; empty when nothing conflicts.
 * - organisation: the organisations differ. Organisations in different scripts (ブカレスト戦略研究所,
 *   Bucharest Institute for Strategy) cannot be compared and are no conflict; an unknown one is none either.
 * - post: the person's current post is of another calling than every current post recorded for the identity
 *   (a journalist, a professor: core/identity/posts.ts); ranks of one calling and former posts never conflict.
 * - name: a form the person goes by contradicts a recorded form in the same script (山田次郎 beside 山田太郎,
 *   Helen R. Marsh beside Helen T. Marsh); a surname beside a full name does not.
 * - dates: the person's document lies further from the identity's documents than one career spans.
 */
export function identityConflicts(identity: IdentityRecord, person: PersonEvidence, known: IdentityEvidence = { posts: [], dates: [] }): string[] {
  const out: string[] = [];
  const a = identity.organization?.trim();
  const b = person.organization?.trim();
  if (a && b && scriptOf(a) === scriptOf(b) && !organizationsAgree(a, b)) out.push(`organisation differs: ${a} ≠ ${b}`);

  const post = person.title?.trim();
  if (post && !isFormerPost(post) && postFamily(post)) {
    const current = [...new Set(known.posts.map((p) => p.trim()).filter((p) => p && !isFormerPost(p) && postFamily(p)))];
    const conflicts = current.map((p) => postsConflict(p, post));
    if (current.length > 0 && conflicts.every((c) => c !== null)) out.push(conflicts[0]!);
  }

  const recorded = identity.forms.map((f) => f.form);
  names: for (const form of person.forms ?? []) {
    for (const r of recorded) {
      const why = nameFormsContradict(r, form);
      if (why) {
        out.push(`name differs: ${r} ≠ ${form} (${why})`);
        break names;
      }
    }
  }

  const dates = datesConflict(known.dates, person.date);
  if (dates) out.push(dates);
  return out;
}

/** The posts and document dates of an identity's mentions, for identityConflicts. */
export async function identityEvidence(reader: StoreReader, identity: number): Promise<IdentityEvidence> {
  const rows = await reader.identityPeople(identity);
  const docs = await reader.documentSummaries([...new Set(rows.map((r) => r.doc))]);
  return {
    posts: rows.map((r) => r.title).filter((t): t is string => !!t && !!t.trim()),
    dates: [...docs.values()].map((d) => d.date),
  };
}

/**
 * Links to `identity` unless something conflicts; then makes a new identity and a pending proposal for the
 * pair, with the evidence for and against.
 */
async function linkUnlessConflict(
  ctx: LinkContext, person: Person, forms: string[], identity: IdentityRecord, how: LinkOutcome['how'], evidence: string[], score: number,
): Promise<LinkOutcome> {
  const known = await identityEvidence(ctx.writer, identity.id);
  const conflicts = identityConflicts(identity, { organization: person.organization, title: person.title, forms, date: ctx.date ?? null }, known);
  if (!conflicts.length) return { identity: await enrichIdentity(ctx, identity, forms, person.organization), how, proposals: [] };
  const made = await createIdentity(ctx, { name: person.name, type: 'person', organization: person.organization, origin: 'machine', forms });
  const result: MatchResult = { id: identity.ref, score, decision: 'maybe', evidence: [...evidence, ...conflicts] };
  await ctx.writer.upsertProposal({ a: made.id, b: identity.id, status: 'pending', score, evidence: result.evidence, createdAt: ctx.now });
  return { identity: made, how: 'new', proposals: [{ other: identity, result }] };
}

/** name key → identity, from a document's people before re-analysis. */
export function previousLinks(people: readonly PersonRow[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const p of people) {
    if (p.identity === null) continue;
    for (const f of formsOfPerson(p)) {
      const k = `${p.type}\u0000${nameKey(f)}`;
      if (!out.has(k)) out.set(k, p.identity);
    }
  }
  return out;
}
