/**
 * The who-said-what brief as one self-contained HTML file: speakers, their claims with footnote references,
 * and the notes with links back. Pure: Brief → string.
 *
 * Everything taken from a document is escaped, so a document holding `<script>` or `<img onerror=…>` shows
 * it as text; the file also carries a Content-Security-Policy that allows no script at all, in case it is
 * opened from a mail or a shared drive.
 */
import { ACH_STYLE, renderAchHtml } from './brief-ach.ts';
import { describeDocument } from './brief-markdown.ts';
import { BRIEF_LABELS, numberNotes, quoteClaim, showCredibility, showDocument, showReliability, type Brief } from './brief.ts';

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const STYLE = `body{font-family:system-ui,"Noto Sans CJK JP","Hiragino Sans",sans-serif;line-height:1.7;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#1d2330}
h1{font-size:1.6rem}h2{font-size:1.25rem;border-bottom:1px solid #d8dce6;padding-bottom:.2rem;margin-top:2rem}
.post{color:#555;margin-top:-.5rem}.claim{margin:.6rem 0}.meta{color:#555;font-size:.9em}
.badge{display:inline-block;font-size:.8em;border:1px solid #999;border-radius:.3rem;padding:0 .3rem;margin-left:.3rem}
.analyst{border-color:#8a4b00;color:#8a4b00}.notes{font-size:.92em;list-style:none;padding-left:0}code{font-size:.85em}
.grade{border-color:#1f4e8c;color:#1f4e8c}.reliability{margin:.2rem 0}.caveat{border-left:3px solid #b36b00;background:#fff6e8;padding:.3rem .6rem;margin:.4rem 0}`;

/**
 * @example
 * renderBriefHtml(brief); // '<!doctype html>…<sup><a href="#fn-1" id="fnref-1-1">1</a></sup>…'
 */
export function renderBriefHtml(brief: Brief): string {
  const L = BRIEF_LABELS[brief.language];
  const { notes, labelOf } = numberNotes(brief);
  // One claim may cite a note another claim cited already: each reference gets its own back-link anchor.
  const refsSeen = new Map<string, number>();
  const ref = (label: string) => {
    const k = (refsSeen.get(label) ?? 0) + 1;
    refsSeen.set(label, k);
    return `<sup><a href="#fn-${label}" id="fnref-${label}-${k}">${label}</a></sup>`;
  };
  const out: string[] = [
    '<!doctype html>',
    `<html lang="${brief.language}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(brief.title)}</title>`,
    `<style>${STYLE}\n${ACH_STYLE}</style>`,
    '</head>',
    '<body>',
    `<h1>${escapeHtml(brief.title)}</h1>`,
  ];
  if (brief.header) {
    const h = brief.header;
    const who = h.correctedBy.length ? ` (${escapeHtml(h.correctedBy.join(', '))})` : '';
    out.push(`<p class="meta header">${[
      `${L.date}: <time>${escapeHtml(h.date)}</time>`,
      h.analyst ? `${L.analyst}: <span class="analyst-name">${escapeHtml(h.analyst)}</span>` : null,
      `${L.corrections}: ${L.count(h.corrections)}${who}`,
    ].filter(Boolean).join(' · ')}</p>`);
  } else if (brief.generatedAt) out.push(`<p class="meta">${L.generated}: ${escapeHtml(brief.generatedAt)}</p>`);
  if (brief.documents.length) {
    const list = brief.documents.length > 1 ? 'ol' : 'ul';
    out.push(`<h2>${L.sources}</h2>`, `<${list}>`);
    for (const d of brief.documents) out.push(`<li>${escapeHtml(describeDocument(d))} <code>${escapeHtml(d.id)}</code></li>`);
    out.push(`</${list}>`);
  }
  if (brief.speakers.length === 0) out.push(`<p>${L.none}</p>`);
  for (const s of brief.speakers) {
    const also = s.forms.filter((f) => f !== s.name);
    const post = [s.organization, s.title].filter(Boolean).join(' ');
    out.push('<section>', `<h2>${escapeHtml(s.name)}${also.length ? ` <small>(${escapeHtml(also.join(', '))})</small>` : ''}</h2>`);
    if (post) out.push(`<p class="post">${escapeHtml(post)}</p>`);
    if (s.reliability) out.push(`<p class="reliability">${escapeHtml(showReliability(s.reliability, brief.language))}</p>`);
    for (const k of s.caveats ?? []) out.push(`<p class="caveat"><b>${L.caveat}: ${escapeHtml(k.label[brief.language])}</b> — ${escapeHtml(k.caveat[brief.language])}</p>`);
    for (const c of s.claims) {
      const refs = c.footnotes.map((f) => {
        const label = labelOf(c, f);
        return label ? ref(label) : `<sup>${escapeHtml(L.markerRef(f.n))}</sup>`;
      }).join('');
      const details = [
        escapeHtml(L.kind[c.kind] ?? c.kind),
        c.cue ? `${L.cue} 「${escapeHtml(c.cue)}」` : null,
        c.hedges.length ? `${L.hedges}: ${escapeHtml(c.hedges.join(', '))}` : null,
        c.section ? `${L.section}: ${escapeHtml(c.section)}` : null,
        escapeHtml(showDocument(c.document)),
        c.credibility ? escapeHtml(showCredibility(c.credibility, brief.language)) : null,
      ].filter(Boolean);
      const grade = c.grade ? `<span class="badge grade" title="${L.grade}">${escapeHtml(c.grade)}</span>` : '';
      const who = c.provenance === 'analyst' || c.review
        ? `<span class="badge analyst">${L.analyst}${c.review ? ` · ${escapeHtml(L.review[c.review] ?? c.review)}` : ''}</span>`
        : `<span class="badge">${L.machine}</span>`;
      out.push(`<p class="claim">${escapeHtml(quoteClaim(c, brief.language))}${refs}<br><span class="meta">${details.join(' · ')}</span>${grade}${who}</p>`);
    }
    out.push('</section>');
  }
  out.push(...renderAchHtml(brief.ach ?? [], brief.language));
  if (notes.length) {
    // A list of labelled items rather than an <ol>, whose numbers would run 1, 2, 3 whatever the notes are.
    out.push(`<h2>${L.notes}</h2>`, '<ul class="notes">');
    for (const n of notes) {
      const backs = Array.from({ length: refsSeen.get(n.label) ?? 0 }, (_, i) => `<a href="#fnref-${n.label}-${i + 1}" aria-label="back">↩</a>`).join(' ');
      const where = brief.documents.length > 1 ? `${escapeHtml(showDocument(n.document))}, ` : '';
      out.push(`<li id="fn-${n.label}"><b>${n.label}</b> ${where}${L.note} ${n.n}: ${escapeHtml(n.note ?? '')} ${backs}</li>`);
    }
    out.push('</ul>');
  }
  out.push('</body>', '</html>', '');
  return out.join('\n');
}
