/**
 * The source slot of an English cue: the whole noun phrase that says, as PolNeAR and most readers mark it
 * ("President Barack Obama", "a spokesman for the campaign", "he", "who"), found by walking the tokens left of the
 * cue (subject) or right of it (inverted "…,” said X" and "according to X").
 */
import type { Token } from './tokens.ts';

/** Adverbs and auxiliaries between a subject and its verb: "has long said", "did not deny", "will likely argue". */
const BETWEEN = new Set([
  'also', 'often', 'later', 'repeatedly', 'previously', 'recently', 'again', 'never', 'not', "n't", 'even', 'just', 'already',
  'publicly', 'privately', 'then', 'still', 'reportedly', 'once', 'long', 'has', 'have', 'had', 'did', 'does', 'do', 'will',
  'would', 'could', 'can', 'should', 'may', 'might', 'must', 'since', 'first', 'frequently', 'openly', 'quickly', 'flatly',
  'now', 'further', 'similarly', 'likewise', 'immediately', 'sharply', 'strongly', 'explicitly', 'clearly', 'specifically',
  'simply', 'only', 'always', 'initially', 'ultimately', 'finally', 'subsequently', 'afterward', 'famously', 'reportedly',
  'directly', 'personally', 'essentially', 'basically', 'apparently', 'effectively', 'herself', 'himself', 'themselves',
  'usually', 'generally', 'consistently', 'continually', 'routinely', 'forcefully', 'angrily', 'bluntly', 'candidly', 'quietly',
]);

const PERSONAL = new Set(['he', 'she', 'they', 'we', 'i', 'you', 'it']);
const RELATIVE = new Set(['who', 'which']);
/** Prepositions that stay inside a noun phrase when a noun phrase follows: a spokesman for the campaign. */
const NP_PREP = new Set(['of', 'for', 'at', 'from', 'with', 'on', 'in', 'to', 'by']);
/** Roles that take "to" for whom they serve: an adviser to the president, the ambassador to Japan. */
const ROLE_TO = /^(?:advisers?|advisors?|aides?|assistants?|spokes(?:man|woman|person)|counsel(?:or|lor)s?|ambassadors?|envoys?|successors?|secretary|heirs?|consultants?)$/;
const TIME_WORDS = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'today', 'yesterday', 'tonight', 'tomorrow',
  'earlier', 'later', 'recently', 'again', 'last', 'this', 'afterward', 'afterwards', 'then', 'previously', 'once',
]);

export function isTimeWord(t: Token): boolean {
  return TIME_WORDS.has(t.lower);
}

/** The tagger calls some names verbs (Josh, Mark): a capitalised word inside a sentence is read as a name. */
export function isNameLike(t: Token, sentenceFirst: boolean): boolean {
  if (t.pos === 'PROPN') return true;
  return !sentenceFirst && /^[A-Z]/.test(t.text) && (t.pos === 'VERB' || t.pos === 'NOUN' || t.pos === 'ADJ' || t.pos === 'X');
}

function isNominal(t: Token, first: boolean): boolean {
  if (t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'NUM' || t.pos === 'ADJ' || t.pos === 'DET') return true;
  if (t.pos === 'PART' && (t.lower === "'s" || t.lower === '’s' || t.lower === "'")) return true;
  if (t.pos === 'PRON' && /^(?:his|her|their|its|our|my|your)$/.test(t.lower)) return true;
  if (t.text === '-' || t.text === '–') return false;
  return isNameLike(t, first);
}

function isHead(t: Token, first: boolean): boolean {
  return t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'NUM' || isNameLike(t, first) || (t.pos === 'PRON' && (PERSONAL.has(t.lower) || RELATIVE.has(t.lower)));
}

/** Index of the first token left of `i` that is not an adverb or auxiliary between subject and verb. */
export function skipBetweenLeft(toks: readonly Token[], i: number, floor: number): number {
  let j = i - 1;
  while (j >= floor && (BETWEEN.has(toks[j]!.lower) || (toks[j]!.pos === 'ADV' && /ly$/.test(toks[j]!.lower)))) j--;
  return j;
}

/**
 * The subject noun phrase that ends at token `j` (inclusive), not before `floor`: [first, last] token indices,
 * or null. "Douglas Hale, a historian who advised the campaign, recalled": the appositive between commas is
 * part of the phrase, with its closing comma.
 */
export function subjectEndingAt(toks: readonly Token[], j: number, floor: number): [number, number] | null {
  if (j < floor) return null;
  const t = toks[j]!;
  if (t.pos === 'PRON' && (PERSONAL.has(t.lower) || RELATIVE.has(t.lower))) return [j, j];
  if (t.text === ',') return appositive(toks, j, floor);
  // A name with its party and state in brackets: Rep. Dana Lee (D-Ore.) said.
  if (t.text === ')') {
    for (let o = j - 1; o >= floor && j - o <= 8; o--) {
      if (toks[o]!.text !== '(') continue;
      const np = o - 1 >= floor ? subjectEndingAt(toks, o - 1, floor) : null;
      return np ? [np[0], j] : null;
    }
    return null;
  }
  if (!isHead(t, j === floor)) return null;
  let k = j;
  while (k - 1 >= floor) {
    const p = toks[k - 1]!;
    // An article opens its phrase: a word before it belongs to another (Last week | the senator said).
    if (/^(?:a|an|the)$/.test(toks[k]!.lower) && /^(?:NOUN|PROPN|ADJ|NUM)$/.test(p.pos)) break;
    if (isNominal(p, k - 1 === floor)) { k--; continue; }
    // "of"/"for" inside the phrase: a spokesman for the campaign, the head of the agency.
    // A hyphen inside a name or compound: Self-Defense Force, Pro-Growth Alliance.
    if ((p.text === '-' || p.text === '–') && k - 2 >= floor && isNominal(toks[k - 2]!, k - 2 === floor) && p.start === toks[k - 2]!.end && p.end === toks[k]!.start) { k--; continue; }
    if (NP_PREP.has(p.lower) && (p.lower !== 'to' || ROLE_TO.test(toks[k - 2]?.lower ?? '')) && k - 2 >= floor && isHead(toks[k - 2]!, k - 2 === floor)) { k--; continue; }
    // Coordinated names: Smith and Jones said.
    if ((p.lower === 'and' || p.text === '&') && k - 2 >= floor && isHead(toks[k - 2]!, k - 2 === floor) && toks[k]!.pos !== 'DET') { k--; continue; }
    break;
  }
  // A phrase cannot open on a preposition or a conjunction.
  while (k < j && (NP_PREP.has(toks[k]!.lower) || toks[k]!.lower === 'and')) k++;
  // A sentence-initial time word is no part of the subject (Tuesday Smith said: rare, but "Last week officials").
  while (k < j && isTimeWord(toks[k]!) && k === floor) k++;
  return [k, j];
}

/** NAME, APPOSITIVE, — the comma at `j` closes an appositive whose name stands before the comma before it. */
function appositive(toks: readonly Token[], j: number, floor: number): [number, number] | null {
  for (let c = j - 1; c >= floor && j - c <= 25; c--) {
    const t = toks[c]!;
    if (t.text !== ',') {
      if (t.text === '"' || t.text === '“' || t.text === '”' || t.text === ';' || t.text === ':') return null;
      continue;
    }
    // The appositive must open like a description (a historian, the director, one of, former …).
    const first = toks[c + 1];
    if (!first || !(first.pos === 'DET' || first.pos === 'ADJ' || first.pos === 'NOUN' || first.pos === 'NUM' || first.pos === 'PROPN' || first.lower === 'one' || first.lower === 'who')) return null;
    const name = subjectEndingAt(toks, c - 1, floor);
    if (!name) return null;
    const head = toks[c - 1]!;
    if (!(head.pos === 'PROPN' || isNameLike(head, c - 1 === floor))) return null;
    return [name[0], j];
  }
  return null;
}

/** The noun phrase that starts at token `i` (inverted source, according to X): [first, last] or null. */
export function phraseStartingAt(toks: readonly Token[], i: number, limit: number): [number, number] | null {
  if (i >= limit) return null;
  const t = toks[i]!;
  if (t.pos === 'PRON' && PERSONAL.has(t.lower)) return [i, i];
  if (isTimeWord(t)) return null;
  let k = i;
  let last = -1;
  while (k < limit) {
    const x = toks[k]!;
    if (isTimeWord(x) && k > i) break;
    if (isNominal(x, false)) {
      // A determiner after the head opens another phrase: his staff | the morning after.
      if (x.pos === 'DET' && last >= i && last === k - 1) break;
      if (isHead(x, false)) last = k;
      k++;
      continue;
    }
    // A hyphen inside a compound, with no space on either side: African-Americans, a 40-year-old.
    if ((x.text === '-' || x.text === '–') && k > i && k + 1 < limit && x.start === toks[k - 1]!.end && x.end === toks[k + 1]!.start && isNominal(toks[k + 1]!, false)) { k++; continue; }
    if (NP_PREP.has(x.lower) && x.lower !== 'to' && x.lower !== 'on' && x.lower !== 'in' && last === k - 1 && k + 1 < limit && isNominal(toks[k + 1]!, false) && !isTimeWord(toks[k + 1]!)) { k++; continue; }
    if ((x.lower === 'and' || x.text === '&') && last === k - 1 && k + 1 < limit && isHead(toks[k + 1]!, false)) { k++; continue; }
    if (x.text === '(' && last === k - 1) {
      let c = k + 1;
      while (c < limit && c - k <= 8 && toks[c]!.text !== ')') c++;
      if (c < limit && toks[c]!.text === ')') { last = c; k = c + 1; continue; }
    }
    break;
  }
  return last >= i ? [i, last] : null;
}
