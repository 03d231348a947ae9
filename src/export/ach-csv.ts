/**
 * An ACH matrix as CSV (RFC 4180, formula-like cells defused: claims-csv.ts csvField): one row per piece of
 * evidence with its rating under each hypothesis (empty: unrated, counted as N) and its diagnosticity, then a
 * row of inconsistency scores and a row of ranks. When source grading weighed some evidence (AchView.graded),
 * two columns follow: its grade (B3) and the weight the scores used (own weight × the grades' factor), so that
 * the scores can be checked from the file. Pure: view → string.
 */
import type { AchView } from '../store/ach.ts';
import { csvField } from './claims-csv.ts';

/**
 * @example
 * renderAchCsv(await corpus.achBook().show('m1'));
 * // 'evidence,kind,document,claim,speaker,text,weight,h1: gradual,h2: abrupt,diagnosticity\r\nev1,claim,…'
 */
export function renderAchCsv(view: AchView): string {
  const { matrix, result } = view;
  const hs = matrix.hypotheses;
  const rating = new Map(matrix.ratings.map((r) => [`${r.evidence} ${r.hypothesis}`, r.rating]));
  const diag = new Map(result.diagnosticity.map((d) => [d.evidence, d.value]));
  const score = new Map(result.ranking.map((s) => [s.hypothesis, s]));
  const lead = ['evidence', 'kind', 'document', 'claim', 'speaker', 'text', 'weight'];
  const graded = new Map((view.graded ?? []).map((g) => [g.evidence, g]));
  const extra = graded.size ? ['grade', 'weight in scores'] : [];
  const lines: (string | number | null)[][] = [[...lead, ...hs.map((h) => `${h.ref}: ${h.label}`), 'diagnosticity', ...extra]];
  for (const e of matrix.evidence) {
    const g = graded.get(e.ref);
    lines.push([
      e.ref, e.kind, e.docHash, e.claim, e.speaker, e.text, e.weight, ...hs.map((h) => rating.get(`${e.id} ${h.id}`) ?? ''), diag.get(e.ref) ?? 0,
      ...(extra.length ? [g ? `${g.reliability ?? ''}${g.credibility ?? ''}` : '', g ? g.weight : e.weight] : []),
    ]);
  }
  const blank = lead.slice(1).map(() => '');
  const tail = ['', ...extra.map(() => '')];
  lines.push(['inconsistency', ...blank, ...hs.map((h) => score.get(h.ref)!.inconsistency), ...tail]);
  lines.push(['rank', ...blank, ...hs.map((h) => score.get(h.ref)!.rank), ...tail]);
  return `${lines.map((l) => l.map(csvField).join(',')).join('\r\n')}\r\n`;
}
