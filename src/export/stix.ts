/**
 * A STIX 2.1 bundle for threat-intelligence platforms (OpenCTI, MISP): an identity per person and per
 * organisation (every name form kept in `x_mikata_name_forms`, and the post in `roles`), a report per
 * document (published, object_refs), a note per claim (its quote as content, the speaker as author, linked
 * to the speaker's identity and the report), an opinion for each claim an analyst reviewed (agree, or
 * strongly-disagree for a rejected one), and relationships: person `affiliated-with` organisation,
 * person `quoted-in` report, report `created-by`… through `created_by_ref` of mikata's own identity.
 *
 * Every id is `type--UUIDv5` of a name that does not change between exports (identity ref, document hash,
 * claim hash and offsets), so that importing a re-export updates objects instead of duplicating them;
 * `modified` moves forward when an analyst corrects a claim.
 *
 * Source grading (Admiralty system) rides in custom properties, as STIX 2.1 has none for it: a person's
 * identity carries `x_mikata_reliability` (A–F, with who and why) and `x_mikata_caveats`; a claim's note
 * carries `x_mikata_credibility` (1–6) with `confidence` on the STIX scale that STIX 2.1 (appendix, "Admiralty
 * Credibility") maps it to — 1 → 90, 2 → 70, 3 → 50, 4 → 30, 5 → 10, 6 (cannot be judged) left out — and
 * `x_mikata_grade` (B3). The note's own `confidence` stays the machine's confidence in the attribution.
 * Pure: ExportDataset → string.
 */
import { jsonLines } from './_json.ts';
import { uuidv5 } from './_uuid.ts';
import { CREDIBILITY_LABEL, RELIABILITY_LABEL, type Credibility } from '../core/grading/grades.ts';
import { claimGrading, claimNames, claimReview, documentLabel, indexDataset, organizationKey, type ExportDataset, type ExportPerson } from './dataset.ts';

/** STIX 2.1's mapping of Admiralty credibility to its confidence scale; 6 (cannot be judged) has none. */
export const ADMIRALTY_CONFIDENCE: Readonly<Record<Credibility, number | null>> = { '1': 90, '2': 70, '3': 50, '4': 30, '5': 10, '6': null };

const gradeProperty = (g: { value: string; by: string; at: string; why: string | null }, label: string, extra: Record<string, unknown> = {}) => ({
  grade: g.value, label, ...extra, by: g.by, at: g.at, ...(g.why ? { why: g.why } : {}),
});

type StixObject = Record<string, unknown> & { type: string; id: string };

export const stixId = (type: string, name: string) => `${type}--${uuidv5(`stix:${type}:${name}`)}`;

/** stixId with a memory, for the identities and relationships a render names once per claim. */
function memoStixId(): (type: string, name: string) => string {
  const known = new Map<string, string>();
  return (type, name) => {
    const key = `${type}\u0000${name}`;
    let id = known.get(key);
    if (!id) known.set(key, (id = stixId(type, name)));
    return id;
  };
}

/** A STIX timestamp (RFC 3339, UTC, Z) from an ISO time or a YYYY[-MM[-DD]] date. */
export function stixTime(value: string): string {
  if (/^\d{4}$/.test(value)) return `${value}-01-01T00:00:00Z`;
  if (/^\d{4}-\d{2}$/.test(value)) return `${value}-01T00:00:00Z`;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return `${value}T00:00:00Z`;
  const t = new Date(value);
  if (Number.isNaN(t.getTime())) throw new RangeError(`not a time: ${JSON.stringify(value)}`);
  return t.toISOString();
}

const IDENTITY_CLASS: Record<string, string> = { person: 'individual', group: 'group', government: 'organization', organization: 'organization', media: 'organization' };
const later = (a: string, b: string) => (a >= b ? a : b);

/**
 * @example
 * JSON.parse(renderStix(data)).objects.filter((o) => o.type === 'note').length; // one per claim
 */
export function renderStix(data: ExportDataset): string {
  const index = indexDataset(data);
  const names = claimNames(data);
  const sid = memoStixId();
  const objects = new Map<string, StixObject>();
  // An object met again (a person in their next claim) only moves its modified time forward.
  const put = (o: StixObject) => {
    const known = objects.get(o.id);
    if (known) known.modified = later(known.modified as string, o.modified as string);
    else objects.set(o.id, o);
  };
  const times = new Map<string, string>();
  const time = (v: string) => {
    let t = times.get(v);
    if (t === undefined) times.set(v, (t = stixTime(v)));
    return t;
  };
  const common = (created: string, modified: string) => ({ spec_version: '2.1', created: time(created), modified: time(later(modified, created)) });
  /** Whether an object is there already: then only its modified time moves (see put), and it is not built again. */
  const touch = (id: string, modified: string) => {
    const known = objects.get(id);
    if (known) known.modified = later(known.modified as string, time(modified));
    return !!known;
  };
  const epoch = data.documents.reduce((min, d) => (d.addedAt < min ? d.addedAt : min), data.generatedAt);

  const mikata = sid('identity', 'mikata');
  put({ type: 'identity', id: mikata, ...common(epoch, epoch), name: 'mikata', identity_class: 'system', description: 'who-said-what extraction from policy commentary' });

  const organizationOf = (name: string, at: string) => {
    const id = sid('identity', `organization:${organizationKey(name)}`);
    if (!touch(id, at)) put({ type: 'identity', id, ...common(at, at), created_by_ref: mikata, name, identity_class: 'organization' });
    return id;
  };
  const personId = (p: ExportPerson) => sid('identity', p.identity ? `identity:${p.identity}` : `person:${p.key}`);

  for (const d of data.documents) {
    const claims = index.claimsOf(d.id);
    const refs = new Set<string>();
    let modified = d.analyzedAt;
    const report = sid('report', d.hash);
    const notes = new Map(d.notes.map((n) => [n.n, n.text]));
    for (const c of claims) {
      const review = claimReview(c, index.correction);
      const claimModified = later(d.analyzedAt, review.at ?? d.analyzedAt);
      modified = later(modified, claimModified);
      const speakers = c.speakers.map((k) => index.person.get(k)!);
      const speakerIds: string[] = [];
      for (const p of speakers) {
        const id = personId(p);
        speakerIds.push(id);
        refs.add(id);
        if (!touch(id, d.analyzedAt)) put({
          type: 'identity', id, ...common(d.addedAt, d.analyzedAt), created_by_ref: mikata, name: p.name,
          identity_class: IDENTITY_CLASS[p.type] ?? 'unknown', ...(p.post ? { roles: [p.post] } : {}),
          ...(p.forms.length > 1 ? { description: p.forms.map((f) => f.form).join(' / ') } : {}),
          x_mikata_name_forms: p.forms.map((f) => ({ form: f.form, script: f.script })),
          ...(p.identity ? { x_mikata_identity: p.identity } : {}),
          ...(p.reliability ? { x_mikata_reliability: gradeProperty(p.reliability, RELIABILITY_LABEL[p.reliability.value].en) } : {}),
          ...(p.caveats?.length ? { x_mikata_caveats: p.caveats.map((k) => ({ id: k.id, kind: k.kind, label: k.label.en, caveat: k.caveat.en, ...(k.suggest ? { suggest: k.suggest } : {}) })) } : {}),
        });
        if (p.organization) {
          const org = organizationOf(p.organization, d.addedAt);
          refs.add(org);
          const rel = sid('relationship', `${id}|affiliated-with|${org}`);
          if (!touch(rel, d.analyzedAt)) put({ type: 'relationship', id: rel, ...common(d.addedAt, d.analyzedAt), created_by_ref: mikata, relationship_type: 'affiliated-with', source_ref: id, target_ref: org });
          refs.add(rel);
        }
        const quoted = sid('relationship', `${id}|quoted-in|${report}`);
        if (!touch(quoted, d.analyzedAt)) put({ type: 'relationship', id: quoted, ...common(d.addedAt, d.analyzedAt), created_by_ref: mikata, relationship_type: 'quoted-in', source_ref: id, target_ref: report });
        refs.add(quoted);
      }
      const name = names.get(c)!;
      const note = sid('note', name);
      const graded = claimGrading(c, index.person);
      put({
        type: 'note', id: note, ...common(d.addedAt, claimModified), created_by_ref: mikata, lang: d.language,
        abstract: `${speakers.map((p) => p.name).join(', ') || '—'}: ${c.kind}${c.cue ? ` (${c.cue.text})` : ''}`,
        content: c.content.text,
        authors: speakers.length ? speakers.map((p) => p.name) : ['unknown'],
        object_refs: [...speakerIds, report],
        ...(c.footnotes.length ? {
          external_references: c.footnotes.map((n) => ({ source_name: `${documentLabel(d)}, note ${n}`, description: notes.get(n) ?? `note ${n}` })),
        } : {}),
        labels: [c.status],
        confidence: Math.round(c.confidence * 100),
        // STIX leaves a property out rather than set it to null.
        x_mikata_claim: {
          id: c.id, kind: c.kind, start: c.content.start, end: c.content.end, status: c.status, hedges: c.hedges,
          ...(c.cue ? { cue: c.cue.text } : {}), ...(c.section ? { section: c.section } : {}), ...(c.page ? { page: c.page } : {}),
        },
        ...(c.credibility ? {
          x_mikata_credibility: gradeProperty(c.credibility, CREDIBILITY_LABEL[c.credibility.value].en,
            ADMIRALTY_CONFIDENCE[c.credibility.value] === null ? {} : { confidence: ADMIRALTY_CONFIDENCE[c.credibility.value] }),
        } : {}),
        ...(graded.notation ? { x_mikata_grade: graded.notation } : {}),
      });
      refs.add(note);
      if (review.by && review.at && c.status !== 'unreviewed') {
        const opinion = sid('opinion', name);
        const why = c.corrections.map((r) => index.correction.get(r)?.why).filter(Boolean).join(' | ');
        put({
          type: 'opinion', id: opinion, ...common(review.at, review.at), opinion: c.status === 'rejected' ? 'strongly-disagree' : 'agree',
          authors: [review.by], object_refs: [note], ...(why ? { explanation: why } : {}),
        });
        refs.add(opinion);
      }
    }
    put({
      type: 'report', id: report, ...common(d.addedAt, modified), created_by_ref: mikata, name: documentLabel(d), lang: d.language,
      published: stixTime(d.date ?? d.addedAt), report_types: ['commentary'],
      // object_refs needs one entry: a document without claims refers to mikata, the identity that read it.
      object_refs: refs.size ? [...refs] : [mikata],
      ...(d.authors.length ? { description: d.authors.map((a) => [a.name, a.organization, a.title].filter(Boolean).join(', ')).join('; ') } : {}),
      external_references: [{ source_name: 'mikata', external_id: d.id, ...(d.name ? { description: d.name } : {}), hashes: { 'SHA-256': d.hash } }],
    });
  }
  const bundle = { type: 'bundle', id: sid('bundle', `${data.scope.documents.join(',')}|${data.scope.people.join(',')}|${data.generatedAt}`), objects: [...objects.values()] };
  return jsonLines(bundle, 'objects');
}
