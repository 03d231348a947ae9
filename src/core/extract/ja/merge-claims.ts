/**
 * Two passes find Japanese claims: the cue-first pass over tokens (`findClaimsJa`), and the commentary pass of
 * `06-find-attributions.ts`, which knows the academic constructions that carry a speaker across footnoted
 * sentences of a paragraph (…と指摘する6。これは…である7。). The cue-first pass leads; a commentary claim is
 * added only where it covers text that no cue-first claim already covers, so one passage is never credited twice.
 */
import type { Attribution, Unattributed } from '../../model/schema.ts';

export function mergeClaims(
  lead: { attributions: Attribution[]; unattributed: Unattributed[] },
  extra: { attributions: Attribution[]; unattributed: Unattributed[] },
): { attributions: Attribution[]; unattributed: Unattributed[] } {
  const covered = lead.attributions.map((a) => a.content).sort((x, y) => x.start - y.start);
  const overlap = (s: { start: number; end: number }): number => {
    let n = 0;
    for (const c of covered) {
      if (c.start >= s.end) break;
      n += Math.max(0, Math.min(c.end, s.end) - Math.max(c.start, s.start));
    }
    return n;
  };
  const added = extra.attributions.filter((a) => overlap(a.content) * 2 < a.content.end - a.content.start);
  const attributions = [...lead.attributions, ...added.map((a) => ({ ...a, evidence: [...a.evidence, { rule: 'ja:commentary-pass' }] }))]
    .sort((x, y) => x.content.start - y.content.start)
    .map((a, i) => ({ ...a, id: `a${i + 1}` }));
  const claimed = (u: Unattributed) => attributions.some((a) => a.content.start <= u.content.start && u.content.start < a.content.end);
  const unattributed = [...lead.unattributed, ...extra.unattributed.filter((u) => !lead.unattributed.some((l) => l.content.start === u.content.start))]
    .filter((u) => !claimed(u))
    .sort((x, y) => x.content.start - y.content.start);
  return { attributions, unattributed };
}
