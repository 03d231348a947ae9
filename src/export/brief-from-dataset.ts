/**
 * The who-said-what brief of an export dataset: the claims the analyst stands behind (rejected ones left
 * out), grouped by speaker, quoted without the footnote markers that stand inside them, citing each note by
 * the number its document gives it, under a header saying when, by whom and after how many corrections.
 * Pure: ExportDataset → Brief (rendered by brief-markdown.ts and brief-html.ts).
 */
import type { Brief, BriefClaim, BriefDocument, BriefSpeaker } from './brief.ts';
import { claimGrading, indexDataset, type ExportDataset, type ExportDocument, type QuotedSpan } from './dataset.ts';

/**
 * The quote of a span with the footnote markers inside it taken out (…だろう」19と言及する → …だろう」と言及する),
 * white space folded. A marker is removed only when it lies wholly inside the span.
 */
export function quoteWithoutMarkers(doc: Pick<ExportDocument, 'text' | 'markers'>, span: QuotedSpan): string {
  const inside = doc.markers.filter((m) => m.start >= span.start && m.end <= span.end && m.end > m.start).sort((a, b) => a.start - b.start);
  let out = '';
  let at = span.start;
  for (const m of inside) {
    if (m.start < at) continue;
    out += doc.text.slice(at, m.start);
    at = m.end;
  }
  out += doc.text.slice(at, span.end);
  return out.replace(/\s+/g, ' ').trim();
}

export function briefFromDataset(data: ExportDataset): Brief {
  const index = indexDataset(data);
  const docs = new Map<string, BriefDocument>(data.documents.map((d) => [d.id, {
    id: d.id, title: d.title, date: d.date, name: d.name, language: d.language,
    series: [d.series, d.number].filter(Boolean).join(' ') || null,
    authors: d.authors.map((a) => a.name),
  }]));
  const groups = new Map<string, { keys: readonly string[]; claims: BriefClaim[] }>();
  for (const c of data.claims) {
    if (c.status === 'rejected') continue;
    const doc = index.document.get(c.document)!;
    const notes = new Map(doc.notes.map((n) => [n.n, n.text]));
    const key = c.speakers.join('+') || '(none)';
    const g = groups.get(key) ?? { keys: c.speakers, claims: [] };
    g.claims.push({
      text: quoteWithoutMarkers(doc, c.content), kind: c.kind, cue: c.cue?.text ?? null, section: c.section, document: docs.get(c.document)!,
      footnotes: c.footnotes.map((n) => ({ n, note: notes.get(n) ?? null })), hedges: c.hedges, provenance: c.provenance,
      review: c.status === 'unreviewed' ? null : c.status, confidence: c.confidence,
      credibility: c.credibility ? { value: c.credibility.value, by: c.credibility.by, why: c.credibility.why } : null,
      grade: claimGrading(c, index.person).notation,
    });
    groups.set(key, g);
  }
  const speakers: BriefSpeaker[] = [...groups.values()].map((g) => {
    const people = g.keys.map((k) => index.person.get(k)).filter((p) => p !== undefined);
    const one = people.length === 1 ? people[0]! : null;
    return {
      name: people.map((p) => p.name).join(' & ') || '—',
      // Full names in other scripts; a surname alone adds nothing beside the full name.
      forms: one ? one.forms.map((f) => f.form).filter((f) => f !== one.name && /[\s・.]/.test(f)).slice(0, 4) : [],
      organization: one?.organization ?? null,
      title: one?.post ?? null,
      claims: g.claims,
      reliability: one?.reliability ? { value: one.reliability.value, by: one.reliability.by, why: one.reliability.why } : null,
      // Every speaker's caveats, once each: a claim given by an official and an expert together keeps the official's.
      caveats: [...new Map(people.flatMap((p) => p.caveats ?? []).map((k) => [k.id, { label: k.label, caveat: k.caveat }])).values()],
    };
  });
  // Every active correction of the selection counts, rejections included (their claims are left out above).
  const active = data.corrections.filter((c) => c.status === 'active');
  return {
    title: data.title,
    language: data.language,
    generatedAt: data.generatedAt,
    header: {
      date: data.generatedAt.slice(0, 10),
      analyst: data.analyst,
      corrections: active.length,
      correctedBy: [...new Set(active.map((c) => c.by))].sort(),
    },
    documents: [...docs.values()],
    speakers,
    ...(data.ach?.length ? { ach: data.ach } : {}),
  };
}

/**
 * A file name made from a title: the characters a file system refuses (and control characters) replaced,
 * white space joined with _, at most 80 characters; `fallback` when nothing is left.
 *
 * @example
 * fileNameFromTitle('黒海の海上交通と沿岸国 —— 東欧の研究者の見方', 'md'); // '黒海の海上交通と沿岸国_——_東欧の研究者の見方.md'
 */
export function fileNameFromTitle(title: string, ext: string, fallback = 'mikata-export'): string {
  const stem = [...title.normalize('NFC').replace(/[\\/:*?"<>|\u0000-\u001F\u007F]/g, ' ').trim().replace(/\s+/g, '_')]
    .slice(0, 80).join('').replace(/^[.]+/, '').replace(/[._]+$/, '');
  return `${stem || fallback}.${ext}`;
}
