/**
 * Source grading as in the Admiralty (NATO STANAG 2511 / AJP-2.1) system: the reliability of a source, A–F,
 * judged from its record, and the credibility of one piece of information, 1–6, judged from the information
 * itself (is it confirmed by other sources, is it consistent, is it plausible). The two are kept apart on
 * purpose: a reliable source can pass on an improbable report, and a doubtful source can be right.
 *
 * In mikata the analyst grades: reliability per source (a person, or an outlet or other organisation: a
 * corpus identity) and credibility per claim. The machine only suggests (caveats.ts), never grades.
 *
 * Pure: no I/O.
 */

/** A completely reliable … E unreliable, F reliability cannot be judged. */
export const RELIABILITY = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
export type Reliability = (typeof RELIABILITY)[number];

/** 1 confirmed by other sources … 5 improbable, 6 truth cannot be judged. */
export const CREDIBILITY = ['1', '2', '3', '4', '5', '6'] as const;
export type Credibility = (typeof CREDIBILITY)[number];

export const isReliability = (v: unknown): v is Reliability => typeof v === 'string' && (RELIABILITY as readonly string[]).includes(v);
export const isCredibility = (v: unknown): v is Credibility => typeof v === 'string' && (CREDIBILITY as readonly string[]).includes(v);

export const RELIABILITY_LABEL: Readonly<Record<Reliability, { en: string; ja: string }>> = {
  A: { en: 'completely reliable', ja: '完全に信頼できる' },
  B: { en: 'usually reliable', ja: '通常は信頼できる' },
  C: { en: 'fairly reliable', ja: 'かなり信頼できる' },
  D: { en: 'not usually reliable', ja: '通常は信頼できない' },
  E: { en: 'unreliable', ja: '信頼できない' },
  F: { en: 'reliability cannot be judged', ja: '信頼性を判断できない' },
};

export const CREDIBILITY_LABEL: Readonly<Record<Credibility, { en: string; ja: string }>> = {
  '1': { en: 'confirmed by other sources', ja: '他の情報源により確認済み' },
  '2': { en: 'probably true', ja: 'おそらく正しい' },
  '3': { en: 'possibly true', ja: '正しい可能性がある' },
  '4': { en: 'doubtful', ja: '疑わしい' },
  '5': { en: 'improbable', ja: 'ありそうにない' },
  '6': { en: 'truth cannot be judged', ja: '真偽を判断できない' },
};

/**
 * A grade as typed by a person: any case, surrounding spaces ignored (`b`, ` 2 `). Null when it is not on
 * the scale; the caller turns that into its own error.
 */
export function toReliability(value: unknown): Reliability | null {
  const s = typeof value === 'string' ? value.trim().toUpperCase() : '';
  return isReliability(s) ? s : null;
}

export function toCredibility(value: unknown): Credibility | null {
  const s = typeof value === 'number' && Number.isInteger(value) ? String(value) : typeof value === 'string' ? value.trim() : '';
  return isCredibility(s) ? s : null;
}

/**
 * What a grade does to the weight of evidence in competing hypotheses (core/ach `weightOf`). Each scale maps
 * to a factor in (0, 1], and a claim's factor is the product of its source's and its own:
 *
 *   reliability  A 1.0  B 0.8  C 0.6  D 0.4  E 0.2  F 0.5
 *   credibility  1 1.0  2 0.8  3 0.6  4 0.4  5 0.2  6 0.5
 *
 * Steps of 0.2 follow the verbal scale (each grade a step less trust), as PARC ACH and Open Synthesis weigh
 * evidence by credibility High/Medium/Low; "cannot be judged" (F, 6) is neither trust nor distrust and sits in
 * the middle, at 0.5, so that an ungradeable source weighs less than a reliable one but more than a doubtful
 * one. Nothing goes to 0: a graded claim is weighed down, never silently left out (the analyst can set
 * weight 0 for that). A grade not given counts 1: grading one side never penalises the other.
 */
export const RELIABILITY_FACTOR: Readonly<Record<Reliability, number>> = { A: 1, B: 0.8, C: 0.6, D: 0.4, E: 0.2, F: 0.5 };
export const CREDIBILITY_FACTOR: Readonly<Record<Credibility, number>> = { '1': 1, '2': 0.8, '3': 0.6, '4': 0.4, '5': 0.2, '6': 0.5 };

/**
 * @example
 * gradeFactor('B', '2'); // 0.64
 * gradeFactor(null, '4'); // 0.4
 */
export function gradeFactor(reliability: Reliability | null, credibility: Credibility | null): number {
  const r = reliability ? RELIABILITY_FACTOR[reliability] : 1;
  const c = credibility ? CREDIBILITY_FACTOR[credibility] : 1;
  // Rounded so that the products print as they read (0.8 × 0.8 = 0.64, not 0.6400000000000001).
  return Math.round(r * c * 1e6) / 1e6;
}

/**
 * Of several speakers' grades, the one a claim is weighed by: the least reliable, since a claim given by two
 * sources together rests on both (F, cannot be judged, counts only when nothing else is graded).
 */
export function weakestReliability(grades: readonly (Reliability | null)[]): Reliability | null {
  const given = grades.filter((g): g is Reliability => g !== null);
  const judged = given.filter((g) => g !== 'F');
  if (judged.length) return judged.reduce((a, b) => (RELIABILITY_FACTOR[b] < RELIABILITY_FACTOR[a] ? b : a));
  return given.length ? 'F' : null;
}

/** The usual two-character notation: B2, C (reliability alone), 3 (credibility alone), or null. */
export function showGrade(reliability: Reliability | null, credibility: Credibility | null): string | null {
  if (!reliability && !credibility) return null;
  return `${reliability ?? '–'}${credibility ?? '–'}`.replace(/^–|–$/g, '') || null;
}
