/**
 * The who-said-what brief as Markdown, with footnotes as `[^n]` references and definitions at the end
 * (GitHub, Pandoc and Obsidian read them). Pure: Brief → string.
 */
import { BRIEF_LABELS, numberNotes, quoteClaim, showCredibility, showDocument, showReliability, type Brief, type BriefDocument } from './brief.ts';

import { renderAchMarkdown } from './brief-ach.ts';

/**
 * Escapes what Markdown would read as markup or raw HTML in text taken from a document (emphasis, links,
 * code, tables, footnote references, tags). Parentheses and # are left alone: they act only after a `]`
 * (escaped here) or at the start of a line (never, in a brief's list items).
 */
export function escapeMarkdown(s: string): string {
  return s.replace(/\s+/g, ' ').replace(/([\\`*_[\]<>|~^])/g, '\\$1').trim();
}

/**
 * @example
 * renderBriefMarkdown(brief); // '# 黒海の海上交通 …\n\n## ヴラド・ポペスク …\n\n- “…”[^1] …'
 */
export function renderBriefMarkdown(brief: Brief): string {
  const L = BRIEF_LABELS[brief.language];
  const { notes, labelOf } = numberNotes(brief);
  const out: string[] = [`# ${escapeMarkdown(brief.title)}`, ''];
  if (brief.header) {
    const h = brief.header;
    const who = h.correctedBy.length ? ` (${escapeMarkdown(h.correctedBy.join(', '))})` : '';
    out.push([
      `${L.date}: ${h.date}`,
      h.analyst ? `${L.analyst}: ${escapeMarkdown(h.analyst)}` : null,
      `${L.corrections}: ${L.count(h.corrections)}${who}`,
    ].filter(Boolean).join(' · '), '');
  } else if (brief.generatedAt) out.push(`_${L.generated}: ${brief.generatedAt}_`, '');
  if (brief.documents.length) {
    out.push(`## ${L.sources}`, '');
    brief.documents.forEach((d, i) => out.push(`${brief.documents.length > 1 ? `${i + 1}.` : '-'} ${escapeMarkdown(describeDocument(d))} \`${d.id}\``));
    out.push('');
  }
  if (brief.speakers.length === 0) out.push(L.none, '');
  for (const s of brief.speakers) {
    const also = s.forms.filter((f) => f !== s.name);
    const post = [s.organization, s.title].filter(Boolean).join(' ');
    out.push(`## ${escapeMarkdown(s.name)}${also.length ? ` (${escapeMarkdown(also.join(', '))})` : ''}`, '');
    if (post) out.push(`_${escapeMarkdown(post)}_`, '');
    if (s.reliability) out.push(`${escapeMarkdown(showReliability(s.reliability, brief.language))}`, '');
    for (const k of s.caveats ?? []) out.push(`> **${L.caveat}: ${escapeMarkdown(k.label[brief.language])}** — ${escapeMarkdown(k.caveat[brief.language])}`, '');
    for (const c of s.claims) {
      const refs = c.footnotes.map((f) => {
        const label = labelOf(c, f);
        return label ? `[^${label}]` : L.markerRef(f.n);
      }).join('');
      const details = [
        L.kind[c.kind] ?? c.kind,
        c.cue ? `${L.cue} 「${escapeMarkdown(c.cue)}」` : null,
        c.hedges.length ? `${L.hedges}: ${escapeMarkdown(c.hedges.join(', '))}` : null,
        c.section ? `${L.section}: ${escapeMarkdown(c.section)}` : null,
        escapeMarkdown(showDocument(c.document)),
        c.provenance === 'analyst' || c.review ? `${L.analyst}${c.review ? ` (${L.review[c.review] ?? c.review})` : ''}` : L.machine,
        c.grade ? `${L.grade} ${c.grade}` : null,
        c.credibility ? escapeMarkdown(showCredibility(c.credibility, brief.language)) : null,
      ].filter(Boolean);
      out.push(`- ${escapeMarkdown(quoteClaim(c, brief.language))}${refs} — _${details.join('; ')}_`);
    }
    out.push('');
  }
  out.push(...renderAchMarkdown(brief.ach ?? [], brief.language));
  if (notes.length) {
    out.push(`## ${L.notes}`, '');
    for (const n of notes) {
      const where = brief.documents.length > 1 ? `${escapeMarkdown(showDocument(n.document))}, ` : '';
      out.push(`[^${n.label}]: ${where}${L.note} ${n.n}: ${escapeMarkdown(n.note ?? '')}`);
    }
    out.push('');
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

/** A source as the brief lists it: title (date), series, authors. */
export function describeDocument(d: BriefDocument): string {
  return [showDocument(d), d.series, d.authors?.length ? d.authors.join(', ') : null].filter(Boolean).join(' — ');
}
