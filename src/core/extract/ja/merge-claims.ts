/**
 * Two passes find Japanese claims: the cue-first pass over tokens (`findClaimsJaInParts`), and the commentary pass of
 * `06-find-attributions.ts`, which knows the academic constructions that carry a speaker across footnoted
 * sentences of a paragraph (…と指摘する6。これは…である7。). The cue-first pass leads; a commentary claim is
 * added only where it covers text that no cue-first claim already covers, so one passage is never credited twice.
 */
import type { Attribution, Unattributed } from '../../model/schema.ts';
import { MAX_CONTENT, lowerBound } from './find-claims-ja.ts';

/**
 * 結びつけようとした, 防ごうとしている: a volitional form before とする is an attempt, not a claim. The cue-first
 * pass reads it from the tokens; the commentary pass, which reads characters, does not know it.
 */
function isAttempt(text: string, a: Attribution): boolean {
  return a.cue !== null && /^とし/.test(text.slice(a.cue.start, a.cue.end)) && /[おこごそぞとどのほぼぽもよろょ]う$/.test(text.slice(a.content.end - 2, a.content.end));
}

export function mergeClaims(
  lead: { attributions: Attribution[]; unattributed: Unattributed[] },
  extra: { attributions: Attribution[]; unattributed: Unattributed[] },
  text: string,
): { attributions: Attribution[]; unattributed: Unattributed[] } {
  // Without footnote markers there is no commentary pass: the lead's claims are only put in order.
  if (!extra.attributions.length && !extra.unattributed.length) {
    const attributions = inOrder(lead.attributions);
    return { attributions, unattributed: unclaimed(lead.unattributed, attributions) };
  }
  const covered = lead.attributions.map((a) => a.content).sort((x, y) => x.start - y.start);
  // Contents are bounded (MAX_CONTENT), so only those starting within that distance before s can overlap it.
  const starts = covered.map((c) => c.start);
  const overlap = (s: { start: number; end: number }): number => {
    let n = 0;
    for (let i = lowerBound(starts, s.start - MAX_CONTENT); i < covered.length && covered[i]!.start < s.end; i++) {
      const c = covered[i]!;
      n += Math.max(0, Math.min(c.end, s.end) - Math.max(c.start, s.start));
    }
    return n;
  };
  // One cue is one claim: a commentary claim on a cue the cue-first pass has read is that claim again, kept
  // instead when it reads a tighter content inside the same one (…を引用し、|…であると指摘する).
  // (The same cue: the same start, or the same end — …ことを明らかにした and を明らかにした are one predicate.)
  const byCue = new Map<number, number>();
  const byCueEnd = new Map<number, number>();
  lead.attributions.forEach((a, i) => {
    if (!a.cue) return;
    byCue.set(a.cue.start, i);
    byCueEnd.set(a.cue.end, i);
  });
  const leading = [...lead.attributions];
  const commentary = (a: Attribution): Attribution => ({ ...a, evidence: [...a.evidence, { rule: 'ja:commentary-pass' }] });
  const added = extra.attributions.filter((a) => {
    const same = a.cue ? byCue.get(a.cue.start) ?? byCueEnd.get(a.cue.end) : undefined;
    if (same !== undefined) {
      const l = leading[same]!.content;
      if (a.content.start >= l.start && a.content.end <= l.end && a.content.end - a.content.start < l.end - l.start) leading[same] = commentary(a);
      return false;
    }
    return overlap(a.content) * 2 < a.content.end - a.content.start && !isAttempt(text, a);
  });
  // (Numbered by the caller, which hands claims out in parts.)
  const attributions = inOrder([...leading, ...added.map(commentary)]);
  const leadStarts = new Set(lead.unattributed.map((l) => l.content.start));
  return { attributions, unattributed: unclaimed([...lead.unattributed, ...extra.unattributed.filter((u) => !leadStarts.has(u.content.start))], attributions) };
}

/** Claims by the start of their content (a stable sort: claims on one content keep the order they were found in). */
function inOrder(list: Attribution[]): Attribution[] {
  for (let i = 1; i < list.length; i++) if (list[i - 1]!.content.start > list[i]!.content.start) return [...list].sort((x, y) => x.content.start - y.content.start);
  return list;
}

/** The unattributed passages that no claim covers, in order. */
function unclaimed(list: Unattributed[], attributions: Attribution[]): Unattributed[] {
  if (!list.length) return list;
  const claimedStarts = attributions.map((a) => a.content.start);
  const claimed = (u: Unattributed) => {
    for (let i = lowerBound(claimedStarts, u.content.start - MAX_CONTENT); i < attributions.length && claimedStarts[i]! <= u.content.start; i++) {
      if (u.content.start < attributions[i]!.content.end) return true;
    }
    return false;
  };
  return list.filter((u) => !claimed(u)).sort((x, y) => x.content.start - y.content.start);
}
