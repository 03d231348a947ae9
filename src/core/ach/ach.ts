/**
 * Analysis of competing hypotheses (Heuer, "Psychology of Intelligence Analysis", ch. 8; the scoring of PARC
 * ACH 2). Pure: a matrix of hypotheses × evidence with ratings in, scores, ranking, diagnosticity and
 * sensitivity out. No I/O; the store keeps matrices, the CLI and the server show them.
 *
 * The score is an *inconsistency* score, because evidence refutes better than it confirms: the hypothesis
 * with the least evidence against it ranks first, however much evidence is consistent with all of them.
 *
 *   inconsistency(h) = Σ over evidence e of  weight(e) × v(rating(e, h)),   v(I) = 1, v(II) = 2, v(N | C | CC) = 0
 *
 * A cell without a rating counts as N. `weight(e)` is the evidence's own weight (default 1), or what the
 * caller's `weightOf` returns for it: the hook through which source grading (reliability and credibility)
 * will weigh evidence later. Weights are finite and ≥ 0; a weight of 0 takes the evidence out of the score.
 */

/** Heuer's consistency scale: very consistent, consistent, neutral (or not applicable), inconsistent, very inconsistent. */
export const RATINGS = ['CC', 'C', 'N', 'I', 'II'] as const;
export type Rating = (typeof RATINGS)[number];

export const isRating = (v: unknown): v is Rating => typeof v === 'string' && (RATINGS as readonly string[]).includes(v);

/** Each rating on one signed scale, CC = +2 … II = −2: what diagnosticity measures the spread of. */
export const RATING_VALUE: Readonly<Record<Rating, number>> = { CC: 2, C: 1, N: 0, I: -1, II: -2 };

/** What a rating adds to a hypothesis's inconsistency score (before the weight). */
export const INCONSISTENCY: Readonly<Record<Rating, number>> = { CC: 0, C: 0, N: 0, I: 1, II: 2 };

/** The opposite rating: what the sensitivity view tries in each cell. N stays N. */
export const FLIPPED: Readonly<Record<Rating, Rating>> = { CC: 'II', C: 'I', N: 'N', I: 'C', II: 'CC' };

export interface AchHypothesis {
  readonly id: string;
  readonly label: string;
}

export interface AchEvidence {
  readonly id: string;
  readonly label: string;
  /** Credibility × relevance as one multiplier; 1 when absent. */
  readonly weight?: number;
}

export interface AchRating {
  readonly evidence: string;
  readonly hypothesis: string;
  readonly rating: Rating;
}

export interface AchMatrix {
  /** In the analyst's order, which breaks ties in the ranking. */
  readonly hypotheses: readonly AchHypothesis[];
  readonly evidence: readonly AchEvidence[];
  readonly ratings: readonly AchRating[];
}

export interface ScoreOptions {
  /** The weight of one evidence item; default: its `weight`, else 1. Source grading plugs in here. */
  readonly weightOf?: (evidence: AchEvidence) => number;
}

export interface HypothesisScore {
  readonly hypothesis: string;
  /** Weighted: Σ weight × (I = 1, II = 2). Lower is better. */
  readonly inconsistency: number;
  /** Weighted: Σ weight × (C = 1, CC = 2). Shown, and breaks ties in inconsistency; never ranks on its own. */
  readonly consistency: number;
  /** 1 for the least inconsistent; tied scores share a rank. */
  readonly rank: number;
}

export interface Diagnosticity {
  readonly evidence: string;
  /** weight × (highest − lowest rating value across the hypotheses), on CC = +2 … II = −2; 0: no diagnostic value. */
  readonly value: number;
  /** Whether the ratings differ at all across the hypotheses. */
  readonly diagnostic: boolean;
}

export interface SensitivityChange {
  readonly evidence: string;
  /** Null when the change is removing the evidence; else the cell whose rating was flipped. */
  readonly hypothesis: string | null;
  readonly from: Rating | null;
  readonly to: Rating | null;
  /** The least inconsistent hypotheses after the change. */
  readonly leaders: readonly string[];
}

export interface AchResult {
  /** Least inconsistent first; ties keep the analyst's order after the consistency tie-break. */
  readonly ranking: readonly HypothesisScore[];
  /** Every hypothesis with the lowest inconsistency score (more than one when tied). */
  readonly leaders: readonly string[];
  /** Most diagnostic first; ties keep the evidence order. */
  readonly diagnosticity: readonly Diagnosticity[];
  /** Each single change (one evidence removed, or one of its ratings flipped) that changes the leaders. */
  readonly sensitivity: readonly SensitivityChange[];
  /** Evidence that no single change of its own moves the leaders. */
  readonly robust: readonly string[];
}

/** Checks ids and ratings once: a bad matrix is a programmer's error, not a result. */
function check(m: AchMatrix, weightOf: (e: AchEvidence) => number): Map<string, number> {
  const hs = new Set<string>();
  for (const h of m.hypotheses) {
    if (hs.has(h.id)) throw new TypeError(`ach: hypothesis id ${JSON.stringify(h.id)} occurs twice`);
    hs.add(h.id);
  }
  const weights = new Map<string, number>();
  for (const e of m.evidence) {
    if (weights.has(e.id)) throw new TypeError(`ach: evidence id ${JSON.stringify(e.id)} occurs twice`);
    const w = weightOf(e);
    if (typeof w !== 'number' || !Number.isFinite(w) || w < 0) throw new TypeError(`ach: evidence ${e.id}: weight must be a finite number ≥ 0, got ${String(w)}`);
    weights.set(e.id, w);
  }
  for (const r of m.ratings) {
    if (!weights.has(r.evidence)) throw new TypeError(`ach: a rating names unknown evidence ${JSON.stringify(r.evidence)}`);
    if (!hs.has(r.hypothesis)) throw new TypeError(`ach: a rating names unknown hypothesis ${JSON.stringify(r.hypothesis)}`);
    if (!isRating(r.rating)) throw new TypeError(`ach: rating must be one of ${RATINGS.join(', ')}, got ${JSON.stringify(r.rating)}`);
  }
  return weights;
}

/** evidence id → hypothesis id → rating; later ratings of one cell win. */
function cells(ratings: readonly AchRating[]): Map<string, Map<string, Rating>> {
  const out = new Map<string, Map<string, Rating>>();
  for (const r of ratings) {
    let row = out.get(r.evidence);
    if (!row) out.set(r.evidence, (row = new Map()));
    row.set(r.hypothesis, r.rating);
  }
  return out;
}

type Cells = Map<string, Map<string, Rating>>;

function rank(hypotheses: readonly AchHypothesis[], evidence: readonly AchEvidence[], weights: Map<string, number>, grid: Cells): HypothesisScore[] {
  const scored = hypotheses.map((h, order) => {
    let inconsistency = 0;
    let consistency = 0;
    for (const e of evidence) {
      const r = grid.get(e.id)?.get(h.id) ?? 'N';
      const w = weights.get(e.id)!;
      inconsistency += w * INCONSISTENCY[r];
      consistency += w * Math.max(0, RATING_VALUE[r]);
    }
    return { hypothesis: h.id, inconsistency: round(inconsistency), consistency: round(consistency), order };
  });
  scored.sort((a, b) => a.inconsistency - b.inconsistency || b.consistency - a.consistency || a.order - b.order);
  let rankNow = 0;
  return scored.map((s, i) => {
    if (i === 0 || s.inconsistency !== scored[i - 1]!.inconsistency) rankNow = i + 1;
    return { hypothesis: s.hypothesis, inconsistency: s.inconsistency, consistency: s.consistency, rank: rankNow };
  });
}

/** Sums of weights like 0.1 + 0.2 compare equal to 0.3 (ties are ties). */
const round = (n: number) => Math.round(n * 1e9) / 1e9;

const leadersOf = (ranking: readonly HypothesisScore[]) => ranking.filter((s) => s.rank === 1).map((s) => s.hypothesis).sort();
const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Scores a matrix: the ranking, the most diagnostic evidence and the single changes that move the lead.
 *
 * @example
 * const result = scoreAch({
 *   hypotheses: [{ id: 'h1', label: 'gradual' }, { id: 'h2', label: 'abrupt' }],
 *   evidence: [{ id: 'ev1', label: '…' }],
 *   ratings: [{ evidence: 'ev1', hypothesis: 'h1', rating: 'C' }, { evidence: 'ev1', hypothesis: 'h2', rating: 'II' }],
 * });
 * result.ranking[0].hypothesis; // 'h1' (inconsistency 0 against 2)
 */
export function scoreAch(matrix: AchMatrix, options: ScoreOptions = {}): AchResult {
  const weightOf = options.weightOf ?? ((e: AchEvidence) => e.weight ?? 1);
  const weights = check(matrix, weightOf);
  const grid = cells(matrix.ratings);
  const { hypotheses, evidence } = matrix;
  const ranking = rank(hypotheses, evidence, weights, grid);
  const leaders = leadersOf(ranking);

  const diagnosticity = evidence
    .map((e, order) => {
      const values = hypotheses.map((h) => RATING_VALUE[grid.get(e.id)?.get(h.id) ?? 'N']);
      const spread = values.length ? Math.max(...values) - Math.min(...values) : 0;
      return { evidence: e.id, value: round(weights.get(e.id)! * spread), diagnostic: spread > 0, order };
    })
    .sort((a, b) => b.value - a.value || a.order - b.order)
    .map(({ order: _, ...d }) => d);

  // A single change moves only the scores it touches: removing e takes its share out of every hypothesis,
  // flipping one cell changes that hypothesis alone. So each is scored from the base scores in O(H), not by
  // scoring the matrix again (which made 20 × 300 take seconds).
  const base = new Map(ranking.map((s) => [s.hypothesis, s.inconsistency]));
  const leadersWith = (scoreOf: (h: string) => number): string[] => {
    let min = Infinity;
    let out: string[] = [];
    for (const h of hypotheses) {
      const v = round(scoreOf(h.id));
      if (v < min) { min = v; out = [h.id]; } else if (v === min) out.push(h.id);
    }
    return out.sort();
  };
  const sensitivity: SensitivityChange[] = [];
  const robust: string[] = [];
  for (const e of evidence) {
    let moved = false;
    const w = weights.get(e.id)!;
    const ratingOf = (h: string) => grid.get(e.id)?.get(h) ?? 'N';
    const afterRemoval = leadersWith((h) => base.get(h)! - w * INCONSISTENCY[ratingOf(h)]);
    if (!sameSet(afterRemoval, leaders)) {
      sensitivity.push({ evidence: e.id, hypothesis: null, from: null, to: null, leaders: afterRemoval });
      moved = true;
    }
    // Flipped: one cell at a time to its opposite (N has none).
    for (const h of hypotheses) {
      const from = ratingOf(h.id);
      const to = FLIPPED[from];
      if (to === from) continue;
      const delta = w * (INCONSISTENCY[to] - INCONSISTENCY[from]);
      const after = leadersWith((x) => base.get(x)! + (x === h.id ? delta : 0));
      if (!sameSet(after, leaders)) {
        sensitivity.push({ evidence: e.id, hypothesis: h.id, from, to, leaders: after });
        moved = true;
      }
    }
    if (!moved) robust.push(e.id);
  }
  return { ranking, leaders, diagnosticity, sensitivity, robust };
}
