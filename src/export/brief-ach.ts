/**
 * The ACH matrices of a brief: for each matrix the hypotheses with Heuer's inconsistency scores and ranks,
 * each piece of evidence with its rating under every hypothesis, its weight and diagnosticity, the most
 * diagnostic evidence, the changes that would move the lead, and where each claim comes from (speaker,
 * document, the quote it was rated on). collect-ach.ts fills it from the corpus; the renderers here are pure
 * and escape everything (a hypothesis or a quote is the analyst's or a document's text).
 */
import type { Rating } from '../core/ach/ach.ts';
import { escapeHtml } from './brief-html.ts';
import { escapeMarkdown } from './brief-markdown.ts';
import { quoteClaim, type BriefLanguage } from './brief.ts';

export interface ExportAchSource {
  /** The document's ref while the corpus holds it; null after it was deleted. */
  readonly document: string | null;
  readonly hash: string;
  readonly title: string | null;
  readonly date: string | null;
  readonly name: string | null;
  readonly language: 'ja' | 'en' | null;
  readonly claim: string;
}

export interface ExportAchEvidence {
  /** ev1, ev2 … */
  readonly id: string;
  readonly kind: 'claim' | 'text';
  /** The text it was rated on: the claim's content when it was added, or the analyst's words. */
  readonly text: string;
  readonly speaker: string | null;
  readonly source: ExportAchSource | null;
  /** The weight the scores used: the evidence's own, or, for a graded claim, own × the grades' factor. */
  readonly weight: number;
  /** The claim's grade (C4) when source grading set the weight; absent or null otherwise. */
  readonly grade?: string | null;
  /** One per hypothesis, in the order of `hypotheses`; null where the cell is not rated (counts as N). */
  readonly ratings: readonly (Rating | null)[];
  readonly diagnosticity: number;
  readonly diagnostic: boolean;
  /** Why the claim no longer reads as rated (unanchored, or changed since), or null. */
  readonly stale: string | null;
}

export interface ExportAchMatrix {
  /** m1, m2 … */
  readonly id: string;
  readonly title: string;
  readonly by: string;
  readonly at: string;
  /** In the analyst's order. */
  readonly hypotheses: readonly { id: string; label: string; inconsistency: number; rank: number; leader: boolean }[];
  readonly evidence: readonly ExportAchEvidence[];
  /** Evidence ids with diagnostic value, most diagnostic first (at most 5). */
  readonly mostDiagnostic: readonly string[];
  /** Single changes after which other hypotheses lead. */
  readonly sensitivity: readonly { evidence: string; hypothesis: string | null; from: Rating | null; to: Rating | null; leaders: readonly string[] }[];
}

/** The rules the HTML brief adds for its ACH tables. */
export const ACH_STYLE = `.ach-matrix{border-collapse:collapse;margin:.5rem 0;font-size:.92em}.ach-matrix th,.ach-matrix td{border:1px solid #d8dce6;padding:.2rem .4rem;vertical-align:top}
.ach-matrix td{text-align:center}.ach-matrix th[scope=row]{text-align:left;font-weight:400}.ach-matrix .leader{background:#eef6ee}.ach-matrix .diagnostic{font-weight:600}.stale{color:#8a4b00}`;

export const ACH_LABELS = {
  ja: {
    title: '競合仮説の分析', by: '作成', evidence: '証拠', weight: '重み', diagnosticity: '診断性', inconsistency: '不整合',
    rank: (n: number) => `${n}位`, ranking: '順位(不整合の少ない順)', mostDiagnostic: '最も診断的な証拠', none: 'なし',
    sources: '証拠の出典', own: '分析者の記述', claim: '主張', deleted: '削除済みの文書', sensitivity: '首位を動かす単一の変更',
    robust: 'どの証拠を1つ変えても首位は動きません。', removed: (e: string) => `${e} を除く`, stale: '注意',
    scale: 'CC 非常に整合 · C 整合 · N 中立 · I 不整合 · II 非常に不整合(空欄は N)。不整合 = Σ 重み × (I = 1, II = 2)。',
  },
  en: {
    title: 'Competing hypotheses', by: 'by', evidence: 'Evidence', weight: 'Weight', diagnosticity: 'Diagnosticity', inconsistency: 'inconsistency',
    rank: (n: number) => `rank ${n}`, ranking: 'Ranking (least inconsistent first)', mostDiagnostic: 'Most diagnostic evidence', none: 'none',
    sources: 'Sources of the evidence', own: "analyst's own evidence", claim: 'claim', deleted: 'deleted document', sensitivity: 'Single changes that move the lead',
    robust: 'No single change of one piece of evidence moves the lead.', removed: (e: string) => `${e} removed`, stale: 'note',
    scale: 'CC very consistent · C consistent · N neutral · I inconsistent · II very inconsistent (blank counts as N). Inconsistency = Σ weight × (I = 1, II = 2).',
  },
} as const;

function sourceLine(e: ExportAchEvidence, language: BriefLanguage): { quote: string; where: string } {
  const L = ACH_LABELS[language];
  const quote = quoteClaim({ text: e.text, document: { id: '', title: null, date: null, name: null, language: e.source?.language ?? undefined } }, language);
  if (!e.source) return { quote, where: L.own };
  const s = e.source;
  const doc = s.document === null ? `${L.deleted} ${s.hash.slice(0, 12)}` : `${s.title ?? s.name ?? s.document}${s.date ? ` (${s.date})` : ''}, ${s.document}`;
  return { quote, where: [e.speaker ?? '—', doc, `${L.claim} ${s.claim}`].join(' — ') };
}

function change(s: ExportAchMatrix['sensitivity'][number], language: BriefLanguage): string {
  const L = ACH_LABELS[language];
  return s.hypothesis === null ? L.removed(s.evidence) : `${s.evidence} / ${s.hypothesis}: ${s.from} → ${s.to}`;
}

/**
 * @example
 * renderAchHtml(data.ach, 'ja'); // '<section class="ach"><h2>競合仮説の分析</h2>…'
 */
export function renderAchHtml(matrices: readonly ExportAchMatrix[], language: BriefLanguage): string[] {
  if (!matrices.length) return [];
  const L = ACH_LABELS[language];
  const out = ['<section class="ach">', `<h2>${L.title}</h2>`, `<p class="meta">${escapeHtml(L.scale)}</p>`];
  for (const m of matrices) {
    const label = new Map(m.hypotheses.map((h) => [h.id, h.label]));
    out.push(`<h3 id="ach-${m.id}">${escapeHtml(m.id)} ${escapeHtml(m.title)}</h3>`, `<p class="meta">${L.by} ${escapeHtml(m.by)}, ${escapeHtml(m.at.slice(0, 10))}</p>`);
    out.push('<table class="ach-matrix">', '<thead><tr>', `<th scope="col">${L.evidence}</th><th scope="col">${L.weight}</th>`);
    for (const h of m.hypotheses) {
      out.push(`<th scope="col"${h.leader ? ' class="leader"' : ''}>${escapeHtml(h.id)} ${escapeHtml(h.label)}<br><span class="meta">${L.inconsistency} ${h.inconsistency} · ${L.rank(h.rank)}</span></th>`);
    }
    out.push(`<th scope="col">${L.diagnosticity}</th>`, '</tr></thead>', '<tbody>');
    for (const e of m.evidence) {
      const { quote, where } = sourceLine(e, language);
      const warn = e.stale ? `<br><span class="meta stale">⚠ ${escapeHtml(e.stale)}</span>` : '';
      out.push(`<tr><th scope="row">${escapeHtml(e.id)} ${escapeHtml(quote)}<br><span class="meta">${escapeHtml(where)}</span>${warn}</th><td>${e.weight}${e.grade ? ` (${escapeHtml(e.grade)})` : ''}</td>${e.ratings.map((r) => `<td>${r ?? ''}</td>`).join('')}<td${e.diagnostic ? ' class="diagnostic"' : ''}>${e.diagnosticity}</td></tr>`);
    }
    out.push('</tbody>', '</table>');
    const ranking = [...m.hypotheses].sort((a, b) => a.rank - b.rank || a.inconsistency - b.inconsistency);
    out.push(`<p><b>${L.ranking}:</b> ${ranking.map((h) => `${L.rank(h.rank)} ${escapeHtml(h.id)} ${escapeHtml(h.label)} (${h.inconsistency})`).join('; ')}</p>`);
    const diag = new Map(m.evidence.map((e) => [e.id, e]));
    const most = m.mostDiagnostic.map((id) => `${escapeHtml(id)} ${escapeHtml(sourceLine(diag.get(id)!, language).quote)} (${diag.get(id)!.diagnosticity})`);
    out.push(`<p><b>${L.mostDiagnostic}:</b> ${most.length ? most.join('; ') : L.none}</p>`);
    if (m.hypotheses.length > 1 && m.evidence.length) {
      const moves = m.sensitivity.map((s) => `${escapeHtml(change(s, language))} → ${s.leaders.map((h) => `${escapeHtml(h)} ${escapeHtml(label.get(h) ?? '')}`).join(', ')}`);
      out.push(moves.length ? `<p><b>${L.sensitivity}:</b> ${moves.join('; ')}</p>` : `<p>${L.robust}</p>`);
    }
  }
  out.push('</section>');
  return out;
}

/** The same for the Markdown brief: a table per matrix, then the sources of its evidence. */
export function renderAchMarkdown(matrices: readonly ExportAchMatrix[], language: BriefLanguage): string[] {
  if (!matrices.length) return [];
  const L = ACH_LABELS[language];
  const out = [`## ${L.title}`, '', `_${escapeMarkdown(L.scale)}_`, ''];
  for (const m of matrices) {
    out.push(`### ${escapeMarkdown(`${m.id} ${m.title}`)}`, '', `_${L.by} ${escapeMarkdown(m.by)}, ${m.at.slice(0, 10)}_`, '');
    out.push(`| ${L.evidence} | ${L.weight} | ${m.hypotheses.map((h) => `${escapeMarkdown(`${h.id} ${h.label}`)} (${L.inconsistency} ${h.inconsistency}, ${L.rank(h.rank)})`).join(' | ')} | ${L.diagnosticity} |`);
    out.push(`|---|---:|${m.hypotheses.map(() => ':-:|').join('')}---:|`);
    for (const e of m.evidence) out.push(`| ${e.id} | ${e.weight}${e.grade ? ` (${escapeMarkdown(e.grade)})` : ''} | ${e.ratings.map((r) => r ?? '').join(' | ')} | ${e.diagnosticity} |`);
    out.push('', `${L.sources}:`, '');
    for (const e of m.evidence) {
      const { quote, where } = sourceLine(e, language);
      out.push(`- ${e.id}: ${escapeMarkdown(quote)} — ${escapeMarkdown(where)}${e.stale ? ` (⚠ ${escapeMarkdown(e.stale)})` : ''}`);
    }
    const ranking = [...m.hypotheses].sort((a, b) => a.rank - b.rank || a.inconsistency - b.inconsistency);
    out.push('', `**${L.ranking}:** ${ranking.map((h) => `${L.rank(h.rank)} ${escapeMarkdown(`${h.id} ${h.label}`)} (${h.inconsistency})`).join('; ')}`, '');
    const diag = new Map(m.evidence.map((e) => [e.id, e.diagnosticity]));
    out.push(`**${L.mostDiagnostic}:** ${m.mostDiagnostic.length ? m.mostDiagnostic.map((id) => `${id} (${diag.get(id)})`).join(', ') : L.none}`, '');
  }
  return out;
}
