/**
 * English attribution, cue first, source second, people last (DESIGN.md, "The attribution model").
 *
 * 1. tokens: each paragraph is tagged once (tokens.ts);
 * 2. cues: every predicate of the cue table in any form and voice, outside quotations, and "according to";
 * 3. source: the subject noun phrase before the cue (after adverbs and auxiliaries), a relative pronoun, the
 *    inverted subject after it (“…,” said X), or the main clause's subject for a participle (…, adding that);
 * 4. content: the quotation next to the cue (before or after it, broken by it, carried on in the next
 *    sentences), else the clause or infinitive the cue governs, else the clause before a trailing cue
 *    (…, officials said) or around a parenthetical one (The plan, she said, will fail);
 * 5. people: the speakers, from the source phrases (people.ts).
 *
 * Every span is checked against the text where it is made (`checked`). Work stays inside its paragraph.
 */
import type { Attribution, Unattributed } from '../../model/schema.ts';
import { assertSpan, type Span } from '../../text/span.ts';
import type { ClassifiedBlock } from '../../segment/02-classify-blocks.ts';
import type { DraftSentence } from '../../segment/03-split-sentences.ts';
import type { PeopleRegistry } from '../people-registry.ts';
import type { DraftFootnote } from '../04-find-footnotes.ts';
import { HEDGES } from '../cues.ts';
import { ALWAYS_CUES, CUE_VERBS, type CueRow } from './cues.ts';
import { findQuotes, hasVerb, quoteAround, quoteClosingBefore, quoteOpeningAfter, quoteSpan, trimContent, type Quote } from './content.ts';
import { speakersOf } from './people.ts';
import { isTimeWord, phraseStartingAt, skipBetweenLeft, subjectEndingAt } from './source.ts';
import { tokenize, type Token } from './tokens.ts';

export interface EnglishInput {
  text: string;
  blocks: readonly ClassifiedBlock[];
  sentences: readonly DraftSentence[];
  /** Footnote markers: those inside or right after a content, or right after its cue, source the claim. */
  footnotes?: readonly DraftFootnote[];
  registry: PeopleRegistry;
}

type Construction =
  | 'en-quote-before' | 'en-quote-after' | 'en-quote-split' | 'en-clause' | 'en-infinitive' | 'en-object' | 'en-trailing'
  | 'en-parenthetical' | 'en-according-to' | 'en-participle' | 'en-label' | 'en-as-frame' | 'en-colon-block' | 'en-stance-noun' | 'en-passive-by';

interface Hit {
  /** Cue tokens, inclusive. */
  cue: [number, number];
  row: CueRow | null;
  according: boolean;
  source: [number, number] | null;
  sourceAfter: boolean;
  participle: boolean;
  /** The source is the subject of an earlier verb (Lee promised … and said …): the clause is only the cue. */
  shared?: boolean;
  /** The cue took a particle (talked about, warned against): its object is the content. */
  particle: boolean;
  /** Characters the cue and its source cover. */
  clauseStart: number;
  clauseEnd: number;
  /** Token index after the cue clause. */
  next: number;
  /** A passive with its agent (was first disclosed by the Courier): the subject is the content. */
  passiveOf?: [number, number];
}

interface Found {
  hit: Hit;
  parts: Span[];
  construction: Construction;
  kind: Attribution['kind'];
}

interface Paragraph {
  text: string;
  toks: Token[];
  quotes: Quote[];
  /** Sentence token ranges [a, b) and character spans. */
  sentences: { a: number; b: number; start: number; end: number }[];
}

const PARAGRAPH_KINDS = new Set(['paragraph', 'list-item']);
/** Blocks without sentences of their own, read as one sentence: headlines carry attributions too. */
const LINE_KINDS = new Set(['title', 'heading']);
const BE = new Set(['is', 'was', 'are', 'were', 'be', 'been', 'being', "'s", '’s', 'am', 'get', 'got', 'gets']);
const CLAUSE_OPENERS = new Set(['that', 'whether', 'if', 'how', 'why', 'what', 'when', 'where', 'who']);
const ADJUNCT_PREPS = new Set(['of', 'in', 'on', 'at', 'during', 'after', 'before', 'while', 'from', 'with', 'to', 'via', 'through', 'over', 'outside', 'inside', 'last', 'under']);

export function findEnglishAttributions(input: EnglishInput): { attributions: Attribution[]; unattributed: Unattributed[] } {
  const { text, blocks, sentences, registry } = input;
  const markers = input.footnotes ?? [];
  const byBlock = new Map<number, DraftSentence[]>();
  for (const s of sentences) {
    const list = byBlock.get(s.block) ?? [];
    list.push(s);
    byBlock.set(s.block, list);
  }
  const attributions: Attribution[] = [];
  // "The governor added:" closing a paragraph: the next paragraph is what was said.
  let opened: { para: Paragraph; hit: Hit } | null = null;
  blocks.forEach((block, index) => {
    let list = byBlock.get(index);
    if (LINE_KINDS.has(block.kind)) {
      const s = trimContent(text, block.contentStart, block.end);
      if (s) list = [{ start: s.start, end: block.end, block: index }];
    } else if (!PARAGRAPH_KINDS.has(block.kind)) { opened = null; return; }
    if (!list?.length) return;
    if (opened && PARAGRAPH_KINDS.has(block.kind)) {
      // The paragraph is said whole, with its final stop, as PolNeAR marks it.
      const trimmed = trimContent(text, block.contentStart, block.end);
      const stop = trimmed ? /^\s*[.!?…]+/.exec(text.slice(trimmed.end, block.end)) : null;
      const body = trimmed && stop ? { start: trimmed.start, end: trimmed.end + stop[0].length } : trimmed;
      if (body) attributions.push(finish(text, opened.para, { hit: opened.hit, parts: [body], construction: 'en-colon-block', kind: 'quote' }, registry, attributions.length, markers));
    }
    opened = null;
    const para = makeParagraph(text, block, list);
    opened = colonAtEnd(para);
    const label = labelOf(para);
    if (label) {
      attributions.push(finish(text, para, label, registry, attributions.length, markers));
      return;
    }
    const signed = signedQuotes(para);
    const found = signed.length ? signed : findInParagraph(para);
    for (const f of found) attributions.push(finish(text, para, f, registry, attributions.length, markers));
  });
  return { attributions, unattributed: [] };
}

/** Nouns and adjectives of stance that take their object with a preposition (criticism of, concerned about). */
const STANCE_WORDS = /^(?:criticism|critics?|supporters?|opponents?|defenders?|claims?|allegations?|accusations?|questions|concerns?|comments?|remarks|ideas|theory|plan|proposal|calls?|support|opposition|praise|attacks?|condemnation|assessment|estimates?|forecast|reservations|illusions|skepticism|scepticism|doubts|fears|worries|warnings?|critical|concerned|coy|vague|passionate|supportive|skeptical|sceptical|bearish|bullish|optimistic|pessimistic|wary|worried)$/;
const INTENT_NOUNS = /^(?:decision|plan|plans|promise|pledge|vow|refusal|agreement|effort|efforts|bid|push|call|threat|attempt|intention|commitment|determination)$/;

/** The infinitive at token `to` up to the clause's end (a comma before another clause, a stop). */
function infinitiveAt(p: Paragraph, s: Paragraph['sentences'][number], to: number): [number, number] | null {
  const { toks, text } = p;
  const end = clauseCut(text, toks[to]!.start, s.end);
  let e = to;
  while (e + 1 < s.b && toks[e + 1]!.end <= end) {
    // A finite verb right after a noun is the sentence's own (Her decision to delay the vote | angered …).
    const n = toks[e + 1]!;
    if (e > to + 1 && (n.pos === 'VERB' || n.pos === 'AUX') && /^(?:NOUN|PROPN|PRON|NUM)$/.test(toks[e]!.pos)) break;
    e++;
  }
  while (e > to && /^[.,;:!?]$/.test(toks[e]!.text)) e--;
  return e > to ? [to, e] : null;
}
const STANCE_PREPS = /^(?:of|about|on|for|against|over)$/;

/**
 * Stance carried by a noun or an adjective with its object (his criticism of the plan, Lee is critical of the
 * deal, allegations of fraud): the word and its preposition are the cue, the noun phrase after them the
 * content, the possessor or the subject of the copula the source (none for a bare noun).
 */
function stanceNouns(p: Paragraph, s: Paragraph['sentences'][number], hits: readonly Hit[]): Found[] {
  const { toks, quotes } = p;
  const out: Found[] = [];
  for (let i = s.a; i < s.b - 2; i++) {
    const t = toks[i]!;
    // made it clear (that) …: the subject of "made" holds the clause.
    if (t.lower === 'clear' && i - 1 >= s.a) {
      const mk = toks[i - 1]!.lower === 'it' ? i - 2 : i - 1;
      if (mk >= s.a && /^(?:made|make|makes|making)$/.test(toks[mk]!.lower) && i + 1 < s.b && !/^[.,;]$/.test(toks[i + 1]!.text)) {
        const left = skipBetweenLeft(toks, mk, s.a);
        const subject = subjectEndingAt(toks, left, s.a);
        const clause = infinitiveAt(p, s, i + 1 - 1);
        if (subject && subject[1] === left && clause) {
          out.push({ hit: makeHit(toks, [mk, i], null, false, subject, false, false), parts: [{ start: toks[i + 1]!.start, end: toks[clause[1]]!.end }], construction: 'en-stance-noun', kind: 'reported' });
        }
      }
      continue;
    }
    // A claim held by someone, with its clause: his claim that …, Lee's assertion that … (the possessor is the source).
    if (CLAIM_NOUNS.test(t.lower) && t.pos === 'NOUN' && toks[i + 1]!.lower === 'that' && !/^(?:VERB|AUX)$/.test(toks[i + 2]!.pos) && !quoteAround(quotes, t.start)) {
      const holder = possessorBefore(toks, i, s.a);
      const end = clauseThrough(p, s, i + 1);
      if (holder && end > i + 2 && !hits.some((h) => h.cue[0] <= i && i <= h.cue[1])) {
        out.push({ hit: makeHit(toks, [i, i], null, false, holder, false, false), parts: [{ start: toks[i + 1]!.start, end: toks[end]!.end }], construction: 'en-stance-noun', kind: 'reported' });
      }
      continue;
    }
    // Intention as a noun with its infinitive: her decision to meet …, Lee's pledge to cut …
    const intent = INTENT_NOUNS.test(t.lower) && toks[i + 1]!.lower === 'to' && toks[i + 2]!.pos === 'VERB';
    if (!intent && (!STANCE_WORDS.test(t.lower) || !STANCE_PREPS.test(toks[i + 1]!.lower)) || quoteAround(quotes, t.start)) continue;
    if (t.pos !== 'NOUN' && t.pos !== 'ADJ' && !(i === s.a && t.pos === 'PROPN')) continue;
    // The object of another cue (raised concerns about …) is that cue's content.
    if (hits.some((h) => h.cue[0] <= i && i <= h.cue[1] + 3)) continue;
    const np0 = intent ? infinitiveAt(p, s, i + 1) : phraseStartingAt(toks, i + 2, s.b);
    const np: [number, number] | null = np0 && !intent ? [np0[0], topicThrough(p, s, np0[1])] : np0;
    if (!np) continue;
    // An intention with no holder named is no one's: skip it.
    // The holder: a possessive right before (his criticism, Lee's claims), or the subject of is / has been.
    let source: [number, number] | null = null;
    let k = i - 1;
    while (k >= s.a && (toks[k]!.pos === 'ADJ' || toks[k]!.pos === 'ADV' || toks[k]!.pos === 'DET' && /^(?:a|an|the)$/.test(toks[k]!.lower))) k--;
    if (k >= s.a && (toks[k]!.pos === 'PRON' || /^(?:'s|’s)$/.test(toks[k]!.lower))) source = possessorBefore(toks, k + 1, s.a);
    else if (k >= s.a && BE.has(toks[k]!.lower) || k >= s.a && /^(?:been|become|became|remains?|remained)$/.test(toks[k]!.lower)) {
      const left = skipBetweenLeft(toks, k, s.a);
      const subject = subjectEndingAt(toks, left, s.a);
      source = subject && subject[1] === left ? subject : null;
    }
    if (intent && !source) continue;
    const hit = makeHit(toks, intent ? [i, i] : [i, i + 1], null, false, source, false, false);
    out.push({ hit, parts: [{ start: toks[np[0]]!.start, end: toks[np[1]]!.end }], construction: 'en-stance-noun', kind: 'reported' });
  }
  return out;
}

/**
 * The last token of a stance noun's topic that ends at `last`, carried on through what completes it, as PolNeAR
 * bounds it: a prepositional phrase (doubts about his plan for the port), an infinitive (a call for the city to
 * act), a relative clause (questions about a fund that bears his name) — up to a comma, a stop, or the verb of
 * the sentence (Her criticism of the budget | surprised the council).
 */
function topicThrough(p: Paragraph, s: Paragraph['sentences'][number], last: number): number {
  const { toks, quotes } = p;
  let e = last;
  let relative = false;
  let relativeVerb = false;
  while (e + 1 < s.b) {
    const n = toks[e + 1]!;
    if (/^[.;:!?,—–(]$/.test(n.text) && !quoteAround(quotes, n.start)) break;
    // (A clause or phrase of time or reason is the sentence's: criticism of the network | after the forum.)
    if (SUBORDINATORS.has(n.lower) || n.lower === 'during') break;
    const finite = (n.pos === 'VERB' || n.pos === 'AUX') && toks[e]!.lower !== 'to' && !/ing$/.test(n.lower) && !quoteAround(quotes, n.start);
    if (/^(?:who|which|that|whose|whom)$/.test(n.lower)) relative = true;
    // (A relative clause has one verb group; a second finite verb after its object is the sentence's: … that bears
    // his name | grew.)
    else if (finite && (!relative || relativeVerb && /^(?:NOUN|PROPN|PRON|NUM)$/.test(toks[e]!.pos))) break;
    if (finite && relative) relativeVerb = true;
    else if (/^(?:and|but|or)$/.test(n.lower) && !/^(?:of|about|on|for|to)$/.test(toks[e + 2]?.lower ?? '')) break;
    e++;
  }
  return e;
}

/** Nouns that name a claim someone makes, taking a that-clause: his claim that …, the senator's assertion that …. */
const CLAIM_NOUNS = /^(?:claims?|assertions?|contention|allegations?|insistence|argument|suggestion|prediction|accusations?|charges?|belief|promise|warnings?|statement|complaints?)$/;

/** A possessor right before token `i` (past adjectives): his, their, Lee's, the senator's — or null. */
function possessorBefore(toks: readonly Token[], i: number, floor: number): [number, number] | null {
  let k = i - 1;
  while (k >= floor && toks[k]!.pos === 'ADJ') k--;
  if (k < floor) return null;
  if (toks[k]!.pos === 'PRON' && /^(?:his|her|their|its|our|my)$/.test(toks[k]!.lower)) return [k, k];
  if (!/^(?:'s|’s)$/.test(toks[k]!.lower)) return null;
  // The owner with its 's, as PolNeAR marks it: Donald Trump’s.
  const owner = subjectEndingAt(toks, k - 1, floor);
  return owner && owner[1] === k - 1 ? [owner[0], k] : null;
}

/**
 * The last token of the clause that opens at token `from`: up to the sentence's end or the first comma outside
 * a quotation; a comma closed by a quotation mark (…nothing,'') ends the clause with the mark, as PolNeAR marks it.
 */
function clauseThrough(p: Paragraph, s: Paragraph['sentences'][number], from: number): number {
  const { toks, quotes } = p;
  let e = from;
  let verb = false;
  let relative = false;
  while (e + 1 < s.b) {
    const n = toks[e + 1]!;
    if (/^[.;:!?]$/.test(n.text)) break;
    if (n.text === ',' && !quoteAround(quotes, n.start)) break;
    // A second finite verb right after a noun, with no relative clause to own it, is the sentence's own:
    // his claim that there were errors | is false.
    if (/^(?:VERB|AUX)$/.test(n.pos) && !/ing$/.test(n.lower)) {
      // (Or after a verb group that is complete: …had been moved | is false; not after "he proposed", which may
      // be a relative clause without its pronoun.)
      const closedGroup = n.pos === 'AUX' && toks[e]!.pos === 'VERB' && toks[e - 1]?.pos === 'AUX';
      if (verb && !relative && (/^(?:NOUN|PROPN|PRON|NUM)$/.test(toks[e]!.pos) || closedGroup) && !quoteAround(quotes, n.start)) break;
      verb = true;
    }
    if (/^(?:who|which|whom|whose)$/.test(n.lower) || n.lower === 'that' && e + 1 > from) relative = true;
    e++;
  }
  return e;
}

/** The last cue of a paragraph when a colon closes the paragraph right after it and its source (…, he said:). */
function colonAtEnd(p: Paragraph): { para: Paragraph; hit: Hit } | null {
  const s = p.sentences[p.sentences.length - 1]!;
  const hits = findCues(p, s);
  const hit = hits[hits.length - 1];
  if (!hit || hit.according || !hit.row?.speech || !hit.source) return null;
  const colon = p.toks[hit.cue[1]]!.text === ':' ? hit.cue[1] : p.toks[hit.next]?.text === ':' ? hit.next : -1;
  return colon >= 0 && /^\s*$/.test(p.text.slice(p.toks[colon]!.end, s.end)) ? { para: p, hit } : null;
}

function makeParagraph(text: string, block: ClassifiedBlock, list: readonly DraftSentence[]): Paragraph {
  const toks = tokenize(text, block.contentStart, block.end);
  const quotes = findQuotes(text, block.contentStart, block.end);
  const out: Paragraph['sentences'] = [];
  let k = 0;
  for (const s of list) {
    while (k < toks.length && toks[k]!.end <= s.start) k++;
    const a = k;
    while (k < toks.length && toks[k]!.start < s.end) k++;
    if (k > a) out.push({ a, b: k, start: s.start, end: s.end });
  }
  return { text, toks, quotes, sentences: out };
}

function findInParagraph(p: Paragraph): Found[] {
  const found: Found[] = [];
  // Sentences that a quotation carried on from an earlier attribution has used up.
  let consumedTo = -1;
  p.sentences.forEach((s, si) => {
    if (s.end <= consumedTo) return;
    const hits = findCues(p, s);
    found.push(...stanceNouns(p, s, hits));
    hits.forEach((hit, hi) => {
      const f = contentOf(p, s, hits, hi);
      if (!f) return;
      // A quotation that ends its sentence may go on in the next ones: “…,” he said. “…”
      const last = f.parts[f.parts.length - 1]!;
      // (Only when the sentence ends with this attribution: no other cue and no other quotation after it.)
      const rest = p.text.slice(Math.max(last.end, hit.clauseEnd), s.end);
      if (f.kind === 'quote' && hi === hits.length - 1 && !/[“"]|''/.test(rest) && rest.length < 120) {
        let at = si + 1;
        while (at < p.sentences.length) {
          const next = p.sentences[at]!;
          const q = p.quotes.find((x) => x.open === firstNonSpace(p.text, next.start));
          if (!q) break;
          const endSentence = p.sentences.findIndex((x) => x.start <= q.close && q.close < x.end);
          const tail = endSentence >= 0 ? p.sentences[endSentence]!.end : q.close + 1;
          if (!onlyPunctuationBetween(p.text, q.close + 1, tail)) break;
          f.parts.push(quoteSpan(q));
          consumedTo = Math.max(consumedTo, tail);
          at = endSentence >= 0 ? endSentence + 1 : at + 1;
        }
      }
      found.push(f);
    });
  });
  return withoutNestedStances(p, found);
}

/**
 * A belief, intention or stance stated inside what someone else is said to have said (Lee said she now
 * believes …, officials said the plan showed …) is part of that claim, not a claim of its own, as PolNeAR
 * marks it: a cue of that kind inside another claim's content is dropped. Speech inside speech stays (a
 * relay: Lee said Park told her …), and so do claim nouns (disputed Park's claim that …).
 */
function withoutNestedStances(p: Paragraph, found: Found[]): Found[] {
  const nestable = new Set<Construction>(['en-clause', 'en-infinitive', 'en-object', 'en-quote-after']);
  const outer = found.map((f) => ({ start: f.parts[0]!.start, end: f.parts[f.parts.length - 1]!.end }));
  return found.filter((f, i) => {
    // A stance noun inside another claim (Lee said the plan drew concerns about …) is part of it too, except a
    // claim noun with its clause (disputed Park's claim that …), which PolNeAR marks as a claim of its own.
    const stance = f.construction === 'en-stance-noun' && !CLAIM_NOUNS.test(p.toks[f.hit.cue[0]]!.lower);
    // (A second verb of the same subject inside that subject's own claim is part of it, speech or not.)
    // Speech inside another claim is a relay of its own when it names another speaker (Lee said Park told her …,
    // officials said the agency announced …); a speech verb with no subject of its own, or a pronoun for one (most
    // often the same speaker: Lee said she told them …; the sum he says he raised), is part of the claim around it.
    const own = f.hit.source;
    const pronoun = own === null || own[0] === own[1] && /^(?:he|she|they|we|i|it|you|who|which|that)$/.test(p.toks[own[0]]!.lower);
    if (!stance && (!nestable.has(f.construction) || f.hit.row?.speech === true && !f.hit.shared && !pronoun)) return true;
    const cs = p.toks[f.hit.cue[0]]!.start;
    const ce = p.toks[f.hit.cue[1]]!.end;
    // (Not inside a claim made in its own source's relative clause: Brandt, a historian who advised …, believes.)
    const src = f.hit.source ? { start: p.toks[f.hit.source[0]]!.start, end: p.toks[f.hit.source[1]]!.end } : null;
    return !outer.some((o, j) => {
      if (j === i || !(o.start <= cs && ce <= o.end)) return false;
      const oc = p.toks[found[j]!.hit.cue[0]]!.start;
      return !(src && src.start <= oc && oc < src.end);
    });
  });
}

/** Labels a news page gives its own notes and sections: no one speaks under them. */
const EDITORIAL_LABELS = /^(?:corrections?|clarifications?|updates?|updated|editor['’]?s notes?|note|the latest|latest|related|read more|see also|watch|video|photos?|breaking|breaking news|live|analysis|opinion|disclosure|programming note|fact check)$/i;

/**
 * A speaker label: "LEE: …" in a transcript, "Lee: …" in a headline, or a quotation signed after a dash
 * (“…” ― Dana Lee). The label is the cue; the rest of the paragraph is the content.
 */
function labelOf(p: Paragraph): Found | null {
  const { text, toks } = p;
  if (toks.length < 3) return null;
  const s0 = p.sentences[0]!;
  const last = p.sentences[p.sentences.length - 1]!;
  // NAME: content — up to four capitalised words (or a name in capitals) before a colon; a transcript quoted
  // whole may open each turn with a quotation mark ("LEE: …).
  const o = /^(?:[“"]|'')$/.test(toks[0]!.text) ? 1 : 0;
  for (let i = o; i < Math.min(5 + o, toks.length - 1); i++) {
    const t = toks[i]!;
    if (t.text === ':') {
      if (i === o || !toks.slice(o, i).every((x) => /^[A-Z]/.test(x.text) || x.text === '.')) break;
      // A name in capitals, or a short name of a headline (Lee: …); not a sentence's opening words.
      if (o && !toks.slice(o, i).every((x) => x.text === x.text.toUpperCase())) break;
      // A page's own labels (Correction:, Update:, The Latest:) name no speaker.
      if (EDITORIAL_LABELS.test(text.slice(toks[o]!.start, toks[i - 1]!.end))) break;
      const trimmed = trimContent(text, t.end, last.end);
      if (!trimmed) break;
      // A transcript's turn (its speaker in capitals) keeps its final stop, or the dash of a turn cut off, as
      // PolNeAR marks transcripts; a headline's label does not.
      const caps = toks.slice(o, i).every((x) => x.text === x.text.toUpperCase());
      const stop = caps ? /^\s*[.!?…—–-]*[.!?…—–]/.exec(text.slice(trimmed.end, last.end)) : null;
      const content = stop ? { start: trimmed.start, end: trimmed.end + stop[0].length } : trimmed;
      const hit = makeHit(toks, [i, i], null, false, [o, i - 1], false, false);
      return { hit, parts: [content], construction: 'en-label', kind: 'quote' };
    }
    if (!/^[A-Z]/.test(t.text) && t.text !== '.') break;
  }
  // “…” ― NAME at the end of the paragraph.
  const dash = toks.findLastIndex((t) => t.text === '―' || t.text === '—' || t.text === '–');
  if (dash > 0 && dash >= toks.length - 7 && dash < toks.length - 1) {
    const q = quoteClosingBefore(text, p.quotes, toks[dash]!.start, s0.start);
    const name = phraseStartingAt(toks, dash + 1, toks.length);
    if (q && name && q.open === firstNonSpace(text, s0.start) && onlyPunctuationBetween(text, toks[name[1]]!.end, last.end)) {
      const hit = makeHit(toks, [dash, dash], null, false, name, true, false);
      return { hit, parts: [quoteSpan(q)], construction: 'en-label', kind: 'quote' };
    }
  }
  return null;
}

/**
 * Quotations signed after a dash, one a line, several in a paragraph (a gallery of readers' comments):
 * “…” ― Dana Lee. The dash is the cue, the name the source. Empty unless every line of the paragraph that
 * holds a quotation is signed so (then the lines are not read for other cues).
 */
function signedQuotes(p: Paragraph): Found[] {
  const { text, toks } = p;
  const out: Found[] = [];
  for (let d = 1; d < toks.length - 1; d++) {
    if (!/^[―—–]$/.test(toks[d]!.text)) continue;
    const q = quoteClosingBefore(text, p.quotes, toks[d]!.start, toks[0]!.start);
    if (!q) continue;
    // The name runs to the end of its line (a final stop allowed).
    let e = d + 1;
    while (e < toks.length && !text.slice(toks[d]!.end, toks[e]!.start).includes('\n')) e++;
    const name = phraseStartingAt(toks, d + 1, e);
    if (!name || !onlyPunctuationBetween(text, toks[name[1]]!.end, e < toks.length ? toks[e]!.start : toks[toks.length - 1]!.end)) continue;
    if (name[1] - name[0] > 5 || !/^[A-Z]/.test(toks[name[0]]!.text)) continue;
    const hit = makeHit(toks, [d, d], null, false, name, true, false);
    out.push({ hit, parts: [quoteSpan(q)], construction: 'en-label', kind: 'quote' });
  }
  return out.length >= 2 ? out : [];
}

function firstNonSpace(text: string, at: number): number {
  while (at < text.length && /\s/.test(text[at]!)) at++;
  return at;
}

function onlyPunctuationBetween(text: string, a: number, b: number): boolean {
  return a >= b || /^[\s.,;:!?”"’')\]—–-]*$/.test(text.slice(a, b));
}

// ------------------------------------------------------------------------------------------- cues and sources

function findCues(p: Paragraph, s: Paragraph['sentences'][number]): Hit[] {
  const { toks, quotes } = p;
  const hits: Hit[] = [];
  for (let i = s.a; i < s.b; i++) {
    const t = toks[i]!;
    if (quoteAround(quotes, t.start)) continue;
    if (t.lower === 'according' && toks[i + 1]?.lower === 'to' && i + 1 < s.b) {
      // The source runs to the comma or the end of the sentence: according to surveys of registered farmers,
      let e = i + 2;
      while (e < s.b && e - i < 16 && !/^[,;:.!?”"—–(]$/.test(toks[e]!.text)) e++;
      const src: [number, number] | null = e > i + 2 && (e === s.b || e - i < 16) ? [i + 2, e - 1] : phraseStartingAt(toks, i + 2, s.b);
      hits.push(makeHit(toks, [i, i + 1], null, true, src, true, false));
      i++;
      continue;
    }
    // An -ing form after a comma governing "to" or "that" is a participle whatever the tagger says (…, promising to …).
    const ingAfterComma = /ing$/.test(t.lower) && i > s.a && /^[,—]$/.test(toks[i - 1]!.text) && /^(?:to|that)$/.test(toks[i + 1]?.lower ?? '');
    const row = CUE_VERBS.get(t.lemma) ?? (ingAfterComma ? CUE_VERBS.get(t.lower.slice(0, -3)) ?? CUE_VERBS.get(`${t.lower.slice(0, -3)}e`) : undefined);
    if (!row) continue;
    // The tagger reads some present tenses after a name as plural nouns (Lee plans to, Lee notes that).
    const nounVerb = t.pos === 'NOUN' && /s$/.test(t.lower) && i > s.a && (toks[i - 1]!.pos === 'PROPN' || /^(?:he|she|it|which|who|,)$/.test(toks[i - 1]!.lower))
      && /^(?:to|that|,|:|“|"|''|he|she|they|we|it|i)$/.test(toks[i + 1]?.lower ?? '');
    // And a base form after a noun, when a clause follows (Polls show a close race, records show he paid, data
    // show that women …): a subject pronoun, or "that" opening a clause rather than a relative (plan that was …).
    const after1 = toks[i + 1];
    const after2 = toks[i + 2];
    const nounVerbBase = t.pos === 'NOUN' && !/s$/.test(t.lower) && i > s.a && /^(?:NOUN|PROPN)$/.test(toks[i - 1]!.pos) && after1 !== undefined
      && (/^(?:he|she|they|we|it)$/.test(after1.lower) || after1.lower === 'that' && after2 !== undefined && !/^(?:VERB|AUX)$/.test(after2.pos)
        || /^(?:DET|NUM)$/.test(after1.pos) && /(?:[^s]s|^data)$/.test(toks[i - 1]!.lower));
    if (!(t.pos === 'VERB' || nounVerb || nounVerbBase || ingAfterComma || ALWAYS_CUES.has(t.lower))) continue;
    if (attributesNothing(toks, i, s.a)) continue;
    // An infinitive governed by another verb (declined to say, wants to argue) is that verb's content.
    const before = toks[i - 1];
    if (before && (before.lower === 'to') ) continue;
    let j = i;
    if (row.particles && toks[i + 1] && row.particles.includes(toks[i + 1]!.lower)) j = i + 1;
    // Passive (was told, is expected, are believed): the subject is no source; an agent after "by" is.
    const left = skipBetweenLeft(toks, i, s.a);
    if (left >= s.a && BE.has(toks[left]!.lower) && /(?:ed|told|said|known|thought|shown|written|seen|found)$/.test(t.lower)) {
      const agent = toks[i + 1]?.lower === 'by' ? phraseStartingAt(toks, i + 2, s.b) : null;
      let aux = left;
      while (aux - 1 >= s.a && (BE.has(toks[aux - 1]!.lower) || toks[aux - 1]!.pos === 'AUX')) aux--;
      const subject = agent ? subjectEndingAt(toks, aux - 1, s.a) : null;
      if (agent && subject && subject[1] === aux - 1) hits.push({ ...makeHit(toks, [aux, i + 1], row, false, agent, true, false), passiveOf: subject });
      continue;
    }
    // A participle after a comma: …, adding that … / …, saying … — its subject is the main clause's.
    // Also after a preposition or "and": began by saying …, criticized for saying …, touting … and saying ….
    const participle = /ing$/.test(t.lower) && left >= s.a && (toks[left]!.text === ',' || toks[left]!.text === '—'
      || /^(?:by|for|after|before|while|without|when|and)$/.test(toks[left]!.lower) && (row.speech === true || row.takes[0] === 'clause'));
    if (participle) {
      hits.push({ ...makeHit(toks, [left + 1, j], row, false, mainSubject(toks, s, hits), false, true), particle: j > i });
      continue;
    }
    if (/ing$/.test(t.lower) && left >= s.a && BE.has(toks[left]!.lower) === false && toks[left]!.pos !== 'PRON' && toks[left]!.pos !== 'PROPN' && toks[left]!.pos !== 'NOUN') continue;
    // Progressive: is demanding, was also urging — the subject stands before the auxiliary.
    const subjectAt = /ing$/.test(t.lower) && left >= s.a && BE.has(toks[left]!.lower) ? skipBetweenLeft(toks, left, s.a) : left;
    // A second verb of the same subject: Lee promised to act and said she would … — Lee is its source too.
    if (subjectAt >= s.a && toks[subjectAt]!.lower === 'and' && hits.length && hits[hits.length - 1]!.source && !hits[hits.length - 1]!.according) {
      const prev = hits[hits.length - 1]!;
      const h = makeHit(toks, [subjectAt + 1, j], row, false, prev.source, prev.sourceAfter, false);
      hits.push({ ...h, clauseStart: toks[subjectAt + 1]!.start, clauseEnd: toks[j]!.end, next: j + 1, particle: j > i, shared: true });
      continue;
    }
    let src = subjectEndingAt(toks, subjectAt, s.a);
    let after = false;
    if (!src || src[1] !== subjectAt) src = null;
    // The author's own voice (This commentary asks …, This brief argues …) is no attribution.
    if (src && /^(?:commentary|brief|paper|article|essay|chapter|piece|note|column)$/i.test(toks[src[1]]!.lower) && /^this$/i.test(toks[src[1] - 1]?.lower ?? '')) continue;
    if (!src) {
      // Inverted: “…,” said Sen. Lee / …, said Lee, a Democrat.
      const r = phraseStartingAt(toks, j + 1, s.b);
      const quoteOrComma = left < s.a || toks[left]!.text === ',' || /[”"]/.test(toks[left]!.text);
      // (Not the subject of the clause said: …, said he would order a review — a verb follows it.)
      const subjectOfClause = r !== null && /^(?:VERB|AUX)$/.test(toks[r[1] + 1]?.pos ?? '') && r[1] + 1 < s.b;
      if (r && quoteOrComma && row.speech && !subjectOfClause) { src = withAppositive(toks, r, s.b); after = true; }
    }
    // The cue is the whole verb group, as PolNeAR marks it: auxiliaries and adverbs after the subject (has also
    // said, is demanding, did not deny), and a colon that introduces the content (said:).
    const from = src && !after ? src[1] + 1 : subjectAt + 1;
    const to = toks[j + 1]?.text === ':' && j + 1 < s.b ? j + 1 : j;
    hits.push({ ...makeHit(toks, [Math.max(s.a, Math.min(from, i)), to], row, false, src, after, false), particle: j > i });
  }
  return hits;
}

/**
 * An inverted source with its appositive, as PolNeAR marks it: …, said Ann Lee, a physicist who directs the
 * program. The appositive runs to the end of the sentence, or to a quotation, or to a comma before an adjunct
 * of the speech (…, said Lee, a Democrat, in a statement).
 */
function withAppositive(toks: readonly Token[], src: [number, number], limit: number): [number, number] {
  const comma = src[1] + 1;
  const first = toks[comma + 1];
  if (toks[comma]?.text !== ',' || !first || comma + 1 >= limit || !/^[a-z]/.test(first.text) || APPOSITIVE_STOP.test(first.lower)) return src;
  let last = comma;
  for (let k = comma + 1; k < limit; k++) {
    const t = toks[k]!;
    if (/^(?:[“”"]|''|[.!?;:])$/.test(t.text)) break;
    if (t.text === ',' && (k + 1 >= limit || APPOSITIVE_STOP.test(toks[k + 1]!.lower) || /^(?:[“"]|'')$/.test(toks[k + 1]!.text))) break;
    last = k;
  }
  return last > comma ? [src[0], last] : src;
}
/** Words after a comma that open an adjunct of the speech, not an appositive of its speaker. */
const APPOSITIVE_STOP = /^(?:in|on|at|during|after|before|while|when|as|according|adding|saying|noting|and|but|because|since|though|although|referring|citing|speaking|told|said|says|last|this)$/;

/** Object heads that make "raise" a stance (raised questions about …), not a sum raised. */
const RAISED = /^(?:questions?|concerns?|doubts?|alarms?|issues?|possibility|objections?|prospect|specter|spectre|eyebrows|point|fears?|worries)$/;

/**
 * Uses of a cue verb that attribute nothing: a comparison (…, compared with 32 percent), money raised, and the noun "calls" (phone calls, calls to act).
 */
function attributesNothing(toks: readonly Token[], i: number, floor: number): boolean {
  const t = toks[i]!;
  const prev = i > floor ? toks[i - 1]! : undefined;
  const next = toks[i + 1];
  // (A name given, "so-called X", "known as X", stays a cue: PolNeAR marks it as often as not.)
  if (t.lower === 'compared' && next && (next.lower === 'with' || next.lower === 'to') && (!prev || prev.text === ',' || prev.pos === 'NOUN')) return true;
  if (t.lemma === 'raise') {
    for (let k = i + 1; k < Math.min(toks.length, i + 5); k++) if (RAISED.test(toks[k]!.lower)) return false;
    return true;
  }
  // A participle as an adjective before its noun: the highly anticipated treaty, his recently revealed strategies,
  // documented instances — a determiner or possessive before it (past an adverb), a noun after it.
  if (/(?:ed|en|wn)$/.test(t.lower) && next && /^(?:NOUN|PROPN)$/.test(next.pos)) {
    let q = i - 1;
    if (q >= floor && toks[q]!.pos === 'ADV' && /ly$/.test(toks[q]!.lower)) q--;
    if (q < floor || toks[q]!.pos === 'DET' && /^(?:a|an|the|this|these|those|its)$/.test(toks[q]!.lower) || /^(?:his|her|their|its|our|my|your)$/.test(toks[q]!.lower)) return true;
  }
  // Change in amount or outcome, not a stance: would shrink by three points, turned out to be a calm harbor.
  if (t.lemma === 'decline' && next && (next.lower === 'by' || next.pos === 'NUM')) return true;
  if (t.lower === 'calls' && ((prev && (prev.pos === 'ADJ' || prev.pos === 'VERB' || prev.text === ',')) || (next && (next.pos === 'VERB' || next.pos === 'AUX')))) return true;
  return false;
}

/** ", a visiting scholar at the Academy," — an appositive naming a post, right after a source. */
const APPOSITIVE = /^\s*,\s*(?:an?|the|who is an?|former|chief|senior|deputy)\s[^,.;:“”"]{0,80}?\b(?:fellow|professor|analyst|director|spokes(?:man|woman|person)|adviser|advisor|researcher|economist|strategist|minister|secretary|ambassador|official|chairman|chair|president|head|chief|editor|correspondent|expert|scholar|lecturer|officer|commander|lawmaker|senator|representative|governor)\b[^,.;:“”"]{0,60},/i;

function makeHit(toks: readonly Token[], cue: [number, number], row: CueRow | null, according: boolean, source: [number, number] | null, sourceAfter: boolean, participle: boolean): Hit {
  const cs = toks[cue[0]]!.start;
  const ce = toks[cue[1]]!.end;
  const ss = source ? toks[source[0]]!.start : cs;
  const se = source ? toks[source[1]]!.end : ce;
  const next = (sourceAfter || according) && source ? source[1] + 1 : cue[1] + 1;
  return {
    cue, row, according, source, sourceAfter, participle, particle: false,
    clauseStart: participle || according ? cs : Math.min(cs, ss),
    clauseEnd: Math.max(ce, se),
    next,
  };
}

/** The subject of a sentence's main clause, for a participle cue: the last hit's source, else the opening phrase. */
function mainSubject(toks: readonly Token[], s: Paragraph['sentences'][number], hits: readonly Hit[]): [number, number] | null {
  for (let k = hits.length - 1; k >= 0; k--) if (hits[k]!.source && !hits[k]!.according && !hits[k]!.sourceAfter) return hits[k]!.source;
  for (let k = hits.length - 1; k >= 0; k--) if (hits[k]!.source && !hits[k]!.according) return hits[k]!.source;
  // The subject of the sentence's first verb.
  for (let i = s.a; i < s.b; i++) {
    const t = toks[i]!;
    if (t.pos !== 'VERB' && t.pos !== 'AUX') continue;
    const left = skipBetweenLeft(toks, i, s.a);
    const src = subjectEndingAt(toks, left, s.a);
    return src && src[1] === left ? src : null;
  }
  return null;
}

// ----------------------------------------------------------------------------------------------------- content

function contentOf(p: Paragraph, s: Paragraph['sentences'][number], hits: readonly Hit[], hi: number): Found | null {
  const { text, toks, quotes } = p;
  const hit = hits[hi]!;
  const found = (parts: (Span | null)[], construction: Construction, kind: Attribution['kind']): Found | null => {
    const ok = parts.filter((x): x is Span => x !== null && x.end > x.start);
    return ok.length ? { hit, parts: ok, construction, kind } : null;
  };
  // Where this hit's own content may end: before the next hit's clause when that one stands apart (", she said").
  let limit = s.end;
  if (!(hit.according && /^[\s“"‘]*$/.test(text.slice(s.start, hit.clauseStart)))) {
    for (const later of hits.slice(hi + 1)) {
      const c = clauseBreakBefore(text, later.clauseStart, hit.clauseEnd);
      // …, Lee noted that …: another source with its own cue after a comma starts a clause of its own.
      const ownSource = later.source !== null && !later.sourceAfter && !later.shared && !later.according && /^[,;]\s*$/.test(text.slice(c ?? 0, later.clauseStart));
      // (A second verb of the same subject joined by a bare "and" after a reported clause goes on with what was
      // reported, as PolNeAR reads it: said she was a risk and refused to leave the room.)
      const within = later.shared === true && later.row?.speech !== true && !later.row?.takes.includes('object') && hit.row?.takes[0] === 'clause' && !hit.particle && hit.row.listener !== 'skip' && toks[hit.cue[1]]!.lemma !== 'ask' && /^\s+and\s+$/.test(text.slice(c ?? 0, later.clauseStart));
      if (c !== null && !within && (standsApart(p, s, later) || ownSource || /\b(?:and|but|while|whereas)\s*$/.test(text.slice(c, later.clauseStart)))) {
        limit = c;
        break;
      }
    }
  }
  const prevHit = hits[hi - 1];
  const floor = prevHit ? Math.max(s.start, prevHit.clauseEnd) : s.start;
  // A cue inside a clause fronted by a subordinator (When farmers ask for relief, too many letters …; Although
  // he has made his case, she …) or a sentence-initial participle (Worried about turnout, the party …): its
  // content ends with that clause, at the comma before the main clause.
  const fronted = frontedClauseEnd(p, s, hit);
  if (fronted !== null && fronted < limit) limit = fronted;

  if (hit.passiveOf) return found([{ start: toks[hit.passiveOf[0]]!.start, end: toks[hit.passiveOf[1]]!.end }], 'en-passive-by', 'reported');
  if (hit.according) {
    const after = hit.source ? toks[hit.source[1]]!.end : toks[hit.cue[1]]!.end;
    const lead = text.slice(s.start, hit.clauseStart);
    if (/^[\s“"‘]*(?:(?:But|And|Yet|So|Also|Still|Now|However),?\s+)?$/.test(lead)) {
      // According to X, a senior fellow at Y, CONTENT: the appositive describes the source, it is not content.
      const appositive = APPOSITIVE.exec(text.slice(after, Math.min(limit, after + 160)));
      const from = appositive ? after + appositive[0].length : after;
      // (Up to a second source of its own: …, according to the Tax Foundation, …; and cut as a clause is.)
      const second = text.slice(from, limit).search(/,\s+according to\s/i);
      const end = clauseCut(text, from, second >= 0 ? from + second : limit);
      return found([trimContent(text, from, end)], 'en-according-to', 'according_to');
    }
    const c = commaBefore(text, hit.clauseStart, floor);
    const from = prevHit && commaBefore(text, prevHit.clauseStart, s.start) !== null ? floor : s.start;
    const first = withoutOpener(text, trimContent(text, from, c ?? hit.clauseStart));
    // The words after the source go on with the content only when the part before it is no clause of its own
    // (The plan, according to X, will fail); after a whole clause they comment on it (…, according to X, more than
    // double what it forecast) or describe the source (…, according to Lee, head of the center).
    const whole = first !== null && hasVerb(toks, tokenIndexAt(toks, first.start, s.a, s.b), tokenIndexAt(toks, first.end, s.a, s.b));
    // (A clause joined by "and" or "but" after the source goes on with what was reported: …, according to X, and …)
    const joined = /^\s*,\s*(?:and|but)\s/.test(text.slice(after, after + 8));
    const rest = (!whole || joined) && /^\s*,/.test(text.slice(after, after + 3)) ? trimContent(text, after, limit) : null;
    return found([first, rest], 'en-according-to', 'according_to');
  }

  // 0. As Lee has noted, CONTENT — the cue clause is a frame before its content.
  const frame = /^[\s“"]*As\s+$/.exec(text.slice(s.start, hit.clauseStart));
  if (frame && hit.source && !hit.sourceAfter) {
    const k0 = skipAdjuncts(toks, hit.next, s.b);
    if (k0 < s.b && toks[k0]!.text === ',') return found([trimContent(text, toks[k0]!.end, limit)], 'en-as-frame', 'reported');
  }
  // 1. A quotation right before the cue clause: “…,” she said / “…,” said Lee. A second one after it: split.
  const qb = quoteClosingBefore(text, quotes, hit.clauseStart, prevHit ? prevHit.clauseEnd : p.sentences[0]!.start);
  // (Not when the cue governs a clause of its own after it: On “Fox News Sunday,” Lee said the plan …, “…,”
  // Lee said the plan … — the quotation is a title or another's words, the clause is what was said.)
  const ownClause = (() => {
    if (!qb || hit.sourceAfter || !hit.source) return false;
    // A quotation inside an opening adverbial (In an interview on “Face the Nation,” / On “Harbor Week,”)
    // is a title or a phrase of the writer's: the content is what the cue governs after it.
    const lead = text.slice(Math.max(s.start, floor), qb.open);
    if (/^[\s]*(?:In|On|At|During|From|After|Before)\b[^.!?;:“”"]*$/.test(lead) && hit.row?.takes.includes('clause')) {
      const j = skipAdjuncts(toks, hit.next, s.b);
      if (j < s.b && !/^(?:[,.;:!?—–]|'')$/.test(toks[j]!.text)) return true;
    }
    let j = skipAdjuncts(toks, hit.next, s.b);
    if (hit.row?.listener === 'skip') {
      const obj = phraseStartingAt(toks, j, s.b);
      if (obj) j = skipAdjuncts(toks, obj[1] + 1, s.b);
    }
    if (j >= s.b || /^(?:[,.;:!?—–”"]|'')$/.test(toks[j]!.text) || SPEECH_CIRCUMSTANCE.has(toks[j]!.lower) || ADJUNCT_PREPS.has(toks[j]!.lower)) return false;
    // ("that" with a verb right after it is a relative pronoun: after the meeting that was held on a boat.)
    if (toks[j]!.lower === 'that') return !/^(?:VERB|AUX)$/.test(toks[j + 1]?.pos ?? '');
    // A bare clause: its subject, then its verb.
    const subject = phraseStartingAt(toks, j, s.b);
    const verb = subject ? toks[subject[1] + 1] : undefined;
    return verb !== undefined && (verb.pos === 'VERB' || verb.pos === 'AUX');
  })();
  if (qb && hit.row?.takes.includes('clause') && !hit.participle && !ownClause) {
    const tail = skipAdjuncts(toks, hit.next, s.b);
    const qa = tail < s.b && /^[,:—–]$/.test(toks[tail]!.text) ? quoteOpeningAfter(text, quotes, toks[tail]!.end, s.end + 1) : undefined;
    // A quotation that ends a clause begun in plain words (The country "has made changes," said Lee): the
    // clause from its start is what was said, the quoted words inside it.
    const q = quoteSpan(qb);
    const lead = firstNonSpace(text, Math.max(s.start, floor));
    const opened = lead < q.start && q.start < s.end && !quotes.some((x) => x !== qb && x.open >= lead && x.open < q.start) && /^[^.!?;:—–]*$/.test(text.slice(lead, q.start)) && /[\p{L}\p{N}]/u.test(text.slice(lead, q.start));
    const said = opened ? { start: lead, end: q.end } : q;
    if (qa) return found([said, quoteSpan(qa)], 'en-quote-split', 'quote');
    return found([said], 'en-quote-before', opened ? 'reported' : 'quote');
  }
  // 2. A quotation right after it: she said: “…” / she said, “…”
  let k = skipAdjuncts(toks, hit.next, s.b);
  if (hit.row?.listener === 'skip') {
    // ("her" before a determiner or a subject is the listener alone: told her the levy would pass.)
    const herAlone = k + 1 < s.b && toks[k]!.lower === 'her' && (toks[k + 1]!.pos === 'DET' || /^(?:he|she|they|we|i|it)$/.test(toks[k + 1]!.lower));
    const obj: [number, number] | null = herAlone ? [k, k] : phraseStartingAt(toks, k, s.b);
    // (A listener told to do something stays in the content, as with urge: told his aides to find a way, told
    // them never to speak of it.)
    let to = obj ? obj[1] + 1 : -1;
    if (to > 0 && /^(?:never|not)$/.test(toks[to]?.lower ?? '')) to++;
    const ordered = to > 0 && toks[to]?.lower === 'to' && toks[to + 1]?.pos === 'VERB';
    if (obj && !ordered) k = skipAdjuncts(toks, obj[1] + 1, s.b);
  }
  if (k < s.b && /^[,:—–]$/.test(toks[k]!.text)) {
    const qa = quoteOpeningAfter(text, quotes, toks[k]!.end, s.end + 1);
    if (qa) return found([quoteSpan(qa)], 'en-quote-after', 'quote');
  }
  if (k < s.b && quotes.some((q) => q.open === toks[k]!.start)) {
    const qa = quotes.find((q) => q.open === toks[k]!.start);
    if (qa && onlyPunctuationBetween(text, qa.close + 1, limit)) return found([quoteSpan(qa)], 'en-quote-after', 'quote');
  }
  // known as X: the name is the content (also called Burma, a measure known as the “Pier Act”).
  if (toks[hit.cue[1]]!.lower === 'known' && toks[k]?.lower === 'as' && k + 1 < s.b) {
    const d = toks[k + 1]!.lower === 'the' ? k + 2 : k + 1;
    const q = d < s.b ? quotes.find((x) => x.open === toks[d]!.start) : undefined;
    if (q) return found([{ start: toks[k + 1]!.start, end: q.close + 1 }], 'en-object', 'reported');
    let e = d;
    while (e + 1 < s.b && (toks[e + 1]!.pos === 'PROPN' || /^[A-Z]/.test(toks[e + 1]!.text))) e++;
    if (d < s.b && /^[A-Z]/.test(toks[d]!.text)) return found([{ start: toks[k + 1]!.start, end: toks[e]!.end }], 'en-object', 'reported');
  }
  // A setting set off by commas before the clause (stated in his column, there are …; says at a stop in Toledo,
  // Ohio, that …): the clause after the comma is the content.
  if (k > hit.next && k + 1 < s.b && toks[k]!.text === ',' && !hit.sourceAfter && !hit.participle && hit.row?.takes.includes('clause')) {
    let c = k + 1;
    // (A place's state after its city: in Toledo, Ohio, that ….)
    if (toks[c]!.pos === 'PROPN' && toks[c + 1]?.text === ',') c += 2;
    const np = phraseStartingAt(toks, c, s.b);
    const clause = toks[c]?.lower === 'that' || toks[c]?.lower === 'there' && /^(?:VERB|AUX)$/.test(toks[c + 1]?.pos ?? '') || np !== null && /^(?:VERB|AUX)$/.test(toks[np[1] + 1]?.pos ?? '') && !/ing$/.test(toks[np[1] + 1]!.lower);
    if (clause && c < s.b) k = c;
  }
  // 2b. A cue in a relative clause whose slot is its relative pronoun (That was what Lee said when she left; the
  // leader that Lee so admires.): PolNeAR marks the pronoun as the content.
  const rel = relativeContent(toks, s, hit, k);
  if (rel >= 0) return found([{ start: toks[rel]!.start, end: toks[rel]!.end }], 'en-object', 'reported');
  // 3. The clause or infinitive the cue governs: said (that) …, promised to …, denied the report.
  const that = thatAhead(toks, k, s.b, hit.row?.listener === 'skip' || hit.particle);
  if (that >= 0) k = that;
  const asks = hit.row?.listener === 'skip' || toks[hit.cue[1]]!.lemma === 'ask';
  const topic = that < 0 && hit.row ? pastTopicPreposition(toks, k, s.b, hit.particle, asks, !hit.row.takes.includes('object'), hit.row.speech === true) : k;
  if (topic > k && toks[topic]!.start < limit) {
    const span = trimContent(text, toks[topic]!.start, clauseCut(text, toks[topic]!.start, limit));
    if (span) return found([withoutSetting(text, toks[topic]!.end, span, true)], 'en-object', 'reported');
  }
  // …, she said as she reached the hall / when asked: the cue trails its content, the clause after it is the speech's own.
  // (So is a bare setting after a speech verb: …, he said in the interview.)
  const setting = k < s.b && hit.row?.speech === true && ADJUNCT_PREPS.has(toks[k]!.lower) && !hasVerb(toks, k, s.b);
  const asMuch = k + 1 < s.b && toks[k]!.lower === 'as' && /^(?:much|well|such|many|follows?)$/.test(toks[k + 1]!.lower);
  const circumstance = k < s.b && hit.row?.speech === true && (SPEECH_CIRCUMSTANCE.has(toks[k]!.lower) && !asMuch || setting) && commaBefore(text, hit.clauseStart, floor) !== null && !hit.participle;
  if (k < s.b && toks[k]!.start < limit && hit.row && toks[k]!.text !== ',' && !circumstance) {
    limit = Math.min(limit, finalAppositive(p, s, k, limit));
    const first = toks[k]!;
    const span = trimContent(text, first.start, clauseCut(text, first.start, limit));
    const end = span ? tokenIndexAt(toks, span.end, k, s.b) : k;
    if (span && (hit.row.takes.includes('to') || toks[hit.cue[1]]!.lemma === 'continue') && first.lower === 'to') {
      // An infinitive of a cue verb (refused to disclose the records, wanted to know who …, declined to endorse
      // Lee): the chain is one cue, as PolNeAR marks it, and its content is what the inner verb governs.
      const inner = toks[k + 1];
      const row2 = inner && inner.pos === 'VERB' ? CUE_VERBS.get(inner.lemma) : undefined;
      // After "continue", any verb: continued to call for | more information, continue to ignore | the reality.
      if (toks[hit.cue[1]]!.lemma === 'continue' && inner && inner.pos === 'VERB' && k + 2 < end) {
        let c = k + 2;
        const particles = row2?.particles ?? [];
        while (c + 1 < end && (particles.includes(toks[c]!.lower) || TOPIC_PREPS.test(toks[c]!.lower) && toks[c]!.pos === 'ADP' || toks[c]!.lower === 'at' && c === k + 2)) c++;
        if (!/^[,.;:!?]$/.test(toks[c]!.text) && toks[c]!.start < span.end) {
          const rest = trimContent(text, toks[c]!.start, span.end);
          if (rest) return found([rest], 'en-infinitive', 'reported');
        }
      }
      // (Not a verb that takes an infinitive or a topic itself: plans to call on …, promised to focus on ….)
      if (row2 && !row2.takes.includes('to') && !row2.particles?.includes('on') && k + 2 < end) {
        let c = k + 2;
        if (row2.particles?.includes(toks[c]!.lower) && c + 1 < end) c++;
        if (toks[c]!.start < span.end && !/^[,.;:!?]$/.test(toks[c]!.text)) {
          const rest = trimContent(text, toks[c]!.start, span.end);
          if (rest) return found([rest], 'en-infinitive', 'reported');
        }
      }
      return found([span], 'en-infinitive', 'reported');
    }
    const objectOnly = span && hit.row.listener !== 'keep' ? objectBeforePredicate(toks, k, end) : -1;
    if (objectOnly >= 0) return found([checkedSpan(text, first.start, toks[objectOnly]!.end)], 'en-object', 'reported');
    if (span && hit.row.takes.includes('clause') && !(hit.particle && !CLAUSE_OPENERS.has(first.lower)) && (CLAUSE_OPENERS.has(first.lower) || hasVerb(toks, k, end) || (end - k >= 3 && hit.row.takes[0] === 'clause' && !hit.row.takes.includes('object')))) {
      if (first.lower === 'that' && first.pos !== 'DET') {
        const whole = trimContent(text, first.start, clauseCut(text, first.start, limit, true));
        if (whole) return found([whole], hit.participle ? 'en-participle' : 'en-clause', 'reported');
      }
      // (A setting closes only a content with no verb of its own before it: said as much on the radio; in a
      // clause it may be the reported event's own: said Lee will speak at a rally in Ohio.)
      const cut = withoutSetting(text, first.end, span, false);
      const own = cut.end < span.end && hasVerb(toks, k, tokenIndexAt(toks, cut.end, k, s.b));
      const sub = subordinateAfterObject(toks, k, end);
      if (sub >= 0) return found([checkedSpan(text, first.start, toks[sub]!.end)], 'en-object', 'reported');
      return found([own ? span : cut], hit.participle ? 'en-participle' : 'en-clause', 'reported');
    }
    if (span && (hit.row.takes.includes('object') || hit.particle) && first.text !== ',' && first.text !== '.') {
      // The object with what completes it, to the clause's end (urged Congress to act, accused him of lying,
      // blasted Lee as a “disgrace”, warned against lenders from Ohio, Iowa and Kansas); a setting of
      // the speech itself closing it (denied the report in a radio interview, on Twitter) is not content.
      const np = phraseStartingAt(toks, k, s.b);
      if (hit.row.listener === 'keep' || !np) return found([span], 'en-object', 'reported');
      const sub = subordinateAfterObject(toks, k, end);
      if (sub >= 0) return found([checkedSpan(text, first.start, toks[sub]!.end)], 'en-object', 'reported');
      return found([withoutSetting(text, toks[np[1]]!.end, span, true)], 'en-object', 'reported');
    }
  }
  // 4. A cue after its content: …, officials said. / The plan, she said, will fail.
  const comma = commaBefore(text, hit.clauseStart, floor);
  if (comma !== null && !hit.participle) {
    // The clause before a trailing cue is the whole sentence up to it, cues inside it included.
    const before = withoutOpener(text, trimContent(text, prevHit && commaBefore(text, prevHit.clauseStart, s.start) !== null ? floor : s.start, comma));
    if (!before) return null;
    let endTok = skipAdjuncts(toks, hit.next, s.b);
    // …, Lee told The Daily Ledger on Thursday.: the listener too stands between the cue and the stop.
    if (hit.row?.listener === 'skip' && endTok < s.b && !/^[,.;:!?]$/.test(toks[endTok]!.text)) {
      const listener = phraseStartingAt(toks, endTok, s.b);
      if (listener) endTok = skipAdjuncts(toks, listener[1] + 1, s.b);
    }
    // (A clause of time or manner after the cue belongs to the speech: …, she said as she left the room.)
    if (endTok >= s.b || onlyPunctuationBetween(text, toks[endTok]!.start, s.end) || hit.row?.speech === true && (SPEECH_CIRCUMSTANCE.has(toks[endTok]!.lower) || ADJUNCT_PREPS.has(toks[endTok]!.lower) && !hasVerb(toks, endTok, s.b))) return found([before], 'en-trailing', 'reported');
    if (toks[endTok]!.text === ',') {
      const rest = trimContent(text, toks[endTok]!.end, limit);
      // (A frame before the cue that is no clause — During his years in office, Lee said, …; As many experts,
      // including Lee, have noted, … — sets the time or the manner: the clause after the cue is the content.)
      const bs = tokenIndexAt(toks, before.start, s.a, s.b);
      const frame = (ADJUNCT_PREPS.has(toks[bs]!.lower) || /^(?:as|during|throughout|since|for|among|under)$/.test(toks[bs]!.lower)) && !hasVerb(toks, bs, tokenIndexAt(toks, before.end, s.a, s.b));
      if (rest && frame) return found([rest], 'en-parenthetical', 'reported');
      if (rest) return found([before, rest], 'en-parenthetical', 'reported');
    }
  }
  return null;
}

/**
 * Where a governed clause stops short of its sentence's end, as PolNeAR bounds content: before a
 * non-restrictive relative or appositive that comments on the last noun (…, which the court has put on hold),
 * and before a second predicate or clause joined by ", but" (…, but stopped short of …). Quotations are not cut.
 */
/**
 * The object of a stance verb followed by a second predicate of the same subject (declined the post and has
 * since quit the board, praised the levy but also voted against it, signalled a change but was rebuffed): the
 * last token of the object, or -1. Only a bare noun phrase counts: a clause's own subject is not an object.
 */
/**
 * The topic after its preposition, as PolNeAR bounds it: voiced grave concern about | the levy, raised
 * questions about | his health, asked Lee about | the audit, spoke emotionally of | the flights, believes in | the
 * voters. The preposition and what stands before it (a stance noun, a listener, adverbs) go with the cue.
 * Returns the token where the content starts (k when there is no such preposition).
 */
function pastTopicPreposition(toks: readonly Token[], k: number, limit: number, particle: boolean, asks: boolean, stance: boolean, speech: boolean): number {
  // After a particle, a preposition may still stand before the topic: spoke out about | the shooting.
  let i = k;
  // Adverbs and a setting may stand before the topic's preposition: speaks more often in public about | …,
  // spoke out before (or ahead of) the ballot about | ….
  const settingThen = (at: number): number => {
    let x = at;
    while (x < limit && toks[x]!.pos === 'ADV' && !CLAUSE_OPENERS.has(toks[x]!.lower) && toks[x]!.lower !== 'ahead') x++;
    const ahead = toks[x]?.lower === 'ahead' && toks[x + 1]?.lower === 'of';
    if (ahead || /^(?:in|at|during|before)$/.test(toks[x]?.lower ?? '')) {
      const np = phraseStartingAt(toks, x + (ahead ? 2 : 1), limit);
      if (np && /^(?:about|of|on)$/.test(toks[np[1] + 1]?.lower ?? '')) return np[1] + 1;
    }
    return -1;
  };
  if (particle) {
    const j = Math.max(k, settingThen(k));
    return j + 1 < limit && TOPIC_PREPS.test(toks[j]!.lower) && toks[j]!.pos === 'ADP' && !/^[.,;:!?]$/.test(toks[j + 1]!.text) ? j + 1 : k;
  }
  while (i < limit && toks[i]!.pos === 'ADV' && /ly$/.test(toks[i]!.lower)) i++;
  if (!asks) {
    const j = settingThen(i);
    if (j > i && j + 1 < limit && /^(?:about|of|on)$/.test(toks[j]!.lower) && toks[j]!.pos === 'ADP') return j + 1;
  }
  // The listener of a verb that asks or tells (asked Lee about, told him of), or a stance noun as the object
  // of a verb that takes no object of its own (expressed concern about, raised questions over).
  if (asks) {
    const one = i < limit && toks[i]!.pos === 'PRON' && /^(?:him|her|them|me|us)$/.test(toks[i]!.lower) ? [i, i] : null;
    const np = one ?? (i < limit && toks[i]!.pos === 'PROPN' ? phraseStartingAt(toks, i, limit) : null);
    if (np && TOPIC_PREPS.test(toks[np[1] + 1]?.lower ?? '') && np[1] + 2 < limit) return np[1] + 2;
    return k;
  }
  let j = i;
  while (stance && j < limit && /^(?:DET|ADJ)$/.test(toks[j]!.pos) && j - i < 3) j++;
  if (stance && j < limit && toks[j]!.pos === 'NOUN' && TOPIC_NOUNS.test(toks[j]!.lower)) j++;
  else j = i;
  // (A verb of belief takes "in" too: believes in the voters; after a verb of speech "in" is its setting.)
  if (j >= limit) return k;
  const prep = TOPIC_PREPS.test(toks[j]!.lower) || !speech && j === k && toks[j]!.lower === 'in' && toks[j + 1]?.pos !== 'NUM' && !isTimeWord(toks[j + 1] ?? toks[j]!);
  return prep && toks[j]!.pos === 'ADP' && j + 1 < limit && !/^[.,;:!?]$/.test(toks[j + 1]!.text) ? j + 1 : k;
}
const TOPIC_PREPS = /^(?:about|of|over|into|on|for|against)$/;
const TOPIC_NOUNS = /^(?:concerns?|questions?|doubts?|outrage|worries|worry|fears?|insights?|hopes?|plans?|criticism|skepticism|scepticism|alarm|frustration|anger|support|opposition|optimism|pessimism|confidence|interest|views?|thoughts?|details?|misgivings|reservations|adulation|praise|admiration|sympathy|disappointment|dismay|regret|satisfaction|unity|agreement|disagreement|caution|warnings?)$/;

/**
 * The relative pronoun that stands for a cue's content, or -1: what, which, or "that" after a noun, right before
 * the cue's subject, when nothing the cue could govern follows it (only a stop, a comma, a setting, a clause of time).
 */
function relativeContent(toks: readonly Token[], s: Paragraph['sentences'][number], hit: Hit, k: number): number {
  if (!hit.source || hit.sourceAfter || hit.according || hit.participle || hit.shared || !hit.row) return -1;
  const r = hit.source[0] - 1;
  if (r < s.a) return -1;
  const w = toks[r]!.lower;
  const before = toks[r - 1];
  const relative = w === 'what' || w === 'which' && before !== undefined && (before.pos === 'NOUN' || before.pos === 'PROPN' || before.text === ',')
    || w === 'that' && before !== undefined && (before.pos === 'NOUN' || before.pos === 'PROPN');
  if (!relative) return -1;
  const t = toks[k];
  const empty = k >= s.b || /^[,.;:!?)—–]$/.test(t!.text) || SPEECH_CIRCUMSTANCE.has(t!.lower) || ADJUNCT_PREPS.has(t!.lower) && !hasVerb(toks, k, s.b);
  return empty ? r : -1;
}

/** Where the fronted clause holding the cue ends (its comma), or null: When …, / Although …, / Worried about …, */
function frontedClauseEnd(p: Paragraph, s: Paragraph['sentences'][number], hit: Hit): number | null {
  const { toks, quotes } = p;
  let a = s.a;
  while (a < s.b && /^(?:[“"‘]|'')$/.test(toks[a]!.text)) a++;
  if (a >= s.b || hit.according || hit.sourceAfter) return null;
  const first = toks[a]!;
  const subordinate = /^(?:When|Although|Though|While|If|As|Because|Since|After|Before|Once|Whereas|Unless|Until)$/.test(first.text) && hit.cue[0] > a;
  const participle = hit.cue[0] <= a + 1 && !hit.source && /^(?:VERB|ADJ)$/.test(toks[hit.cue[1]]!.pos);
  if (!subordinate && !participle) return null;
  for (let i = hit.cue[1] + 1; i < s.b; i++) {
    const t = toks[i]!;
    if (t.text === ',' && !quoteAround(quotes, t.start)) {
      // (Nothing after the cue: As Lee noted, … — the clause after the comma is the content, en-as-frame.)
      if (i === hit.next || i === hit.cue[1] + 1) return null;
      // The main clause follows: its subject, then its verb.
      const np = phraseStartingAt(toks, i + 1, s.b);
      let v = np ? np[1] + 1 : -1;
      while (v > 0 && v < s.b && toks[v]!.pos === 'ADV') v++;
      return v > 0 && v < s.b && /^(?:VERB|AUX)$/.test(toks[v]!.pos) ? t.start : null;
    }
    if (/^[.;:!?]$/.test(t.text)) return null;
  }
  return null;
}

/**
 * Where a reported clause's closing appositive starts (…he did not support Lee, the favorite of the machine;
 * …built together with the port authority, the agency that runs …): a comma, then "a", "an" or "the" and a noun
 * phrase with no verb of its own to the sentence's end (a relative clause or a participle may follow it), after
 * a clause with its own verb. `limit` if none.
 */
function finalAppositive(p: Paragraph, s: Paragraph['sentences'][number], k: number, limit: number): number {
  const { toks, quotes } = p;
  let c = -1;
  for (let i = k + 1; i < s.b && toks[i]!.start < limit; i++) {
    if (toks[i]!.text === ',' && /^(?:a|an|the)$/.test(toks[i + 1]?.lower ?? '') && !quoteAround(quotes, toks[i]!.start)) c = i;
  }
  if (c < 0 || !hasVerb(toks, k, c)) return limit;
  for (let i = c + 2; i < s.b && toks[i]!.start < limit; i++) {
    const t = toks[i]!;
    if (/^(?:who|which|that|whose|where)$/.test(t.lower)) break;
    if (/^[,;:—–(“"]$/.test(t.text) || quoteAround(quotes, t.start)) return limit;
    if ((t.pos === 'VERB' || t.pos === 'AUX') && !/(?:ing|ed|en)$/.test(t.lower)) return limit;
  }
  return toks[c]!.start;
}

/** Conjunctions opening a clause of time, reason or purpose. */
const SUBORDINATORS = new Set(['so', 'as', 'when', 'after', 'while', 'since', 'because', 'before', 'until', 'though', 'although', 'once', 'whereas']);

/**
 * An object (not a clause) followed by a clause of time, reason or purpose with its own subject (described Lee
 * as a disgrace after she attacked …, had called the session because its members felt …, agreed to lend the money so Lee
 * could …): that clause sets the speech, it is not what was said. The object's last token, or -1.
 */
function subordinateAfterObject(toks: readonly Token[], k: number, end: number): number {
  const t0 = toks[k]!;
  if (CLAUSE_OPENERS.has(t0.lower) && !(t0.lower === 'that' && t0.pos === 'DET')) return -1;
  // A bare clause (the plan would fail) opens with its subject and verb.
  const subj = phraseStartingAt(toks, k, end);
  if (subj && /^(?:VERB|AUX)$/.test(toks[subj[1] + 1]?.pos ?? '')) return -1;
  for (let i = k + 1; i < end - 1; i++) {
    const t = toks[i]!;
    if (/^[.;:!?,]$/.test(t.text)) return -1;
    // (In lower case: a headline's capitals are read as they stand; not after a noun of time: the moments before he …)
    if (!SUBORDINATORS.has(t.text) || /^(?:VERB|AUX)$/.test(toks[i - 1]!.pos) || /^[,—–(-]$/.test(toks[i - 1]!.text) || /^(?:moments?|days?|weeks?|months?|years?|hours?|minutes?|time|times|night|morning)$/.test(toks[i - 1]!.lower)) continue;
    // (An infinitive in the object takes the clause with it: urged Lee to resign after the vote failed.)
    if (toks.slice(k, i).some((x, n) => x.lower === 'to' && !/^(?:DET|PRON|PROPN|NUM)$/.test(toks[k + n + 1]?.pos ?? 'DET'))) return -1;
    // (Or, for "while", "when", "after", "before", "since", a participle or a place: while needling rivals,
    // while at the summit, soon after taking office.)
    const short = /^(?:while|when|after|before|since)$/.test(t.text) && i + 1 < end
      && (toks[i + 1]!.pos === 'VERB' && /ing$/.test(toks[i + 1]!.lower) || /^(?:at|in|on)$/.test(toks[i + 1]!.lower));
    if (short) return hasVerb(toks, k, i) ? -1 : (toks[i - 1]!.pos === 'ADV' && i - 2 >= k ? i - 2 : i - 1);
    const np = phraseStartingAt(toks, i + 1, end);
    let v = np ? np[1] + 1 : -1;
    while (v > 0 && v < end && toks[v]!.pos === 'ADV') v++;
    if (v > 0 && v < end && /^(?:VERB|AUX)$/.test(toks[v]!.pos)) {
      // (The object's words must hold no verb of their own: then it is a clause, and the clause after is its.)
      return hasVerb(toks, k, i) || i - 1 < k ? -1 : i - 1;
    }
  }
  return -1;
}

function objectBeforePredicate(toks: readonly Token[], k: number, end: number): number {
  if (CLAUSE_OPENERS.has(toks[k]!.lower) && !(toks[k]!.lower === 'that' && toks[k]!.pos === 'DET') || /ing$/.test(toks[k]!.lower)) return -1;
  const np = phraseStartingAt(toks, k, end);
  if (!np) return -1;
  const c = np[1] + 1;
  if (c >= end || !/^(?:and|but)$/.test(toks[c]!.lower)) return -1;
  let v = c + 1;
  while (v < end && (toks[v]!.pos === 'ADV' || /^(?:then|also|since|later)$/.test(toks[v]!.lower))) v++;
  return v < end && /^(?:VERB|AUX)$/.test(toks[v]!.pos) && !/ing$/.test(toks[v]!.lower) ? np[1] : -1;
}

function clauseCut(text: string, start: number, limit: number, keepWhich = false): number {
  const re = new RegExp(CUT.source, 'g');
  re.lastIndex = start;
  // Up to the limit only: on the whole text a clause with no cut would run the pattern to the document's end.
  const upto = text.slice(0, limit);
  for (let m = re.exec(upto); m; m = re.exec(upto)) {
    const at = m.index;
    if (at <= start) continue;
    // A reported clause keeps a ", which" that comments on what it reports (…warned that the army kept its
    // power, which it retains); a relative on a person (…, who is 70) is the writer's aside all the same.
    if (keepWhich && /^,\s+which\s/.test(text.slice(at, at + 10))) continue;
    // Inside a quotation opened in the clause: no cut.
    const before = text.slice(start, at);
    if (((before.match(/“/g)?.length ?? 0) > (before.match(/”/g)?.length ?? 0)) || (before.match(/"/g)?.length ?? 0) % 2 === 1) continue;
    return at;
  }
  return limit;
}
/** A setting of the speech closing a clause: in a statement, in a radio interview, on Twitter, at a rally. */
const SPEECH_SETTING = /\s+(?:in (?:(?:an?|his|her|their|its) )?(?:[\w-]+ ){0,2}(?:interview|statement|tweets?|speech|post|letter|op-ed|email|e-mail|memo|video|message|broadcast|appearance|diatribe|remarks|report|column|book|testimony|filing|press conference|news conference)|on (?:Twitter|Facebook|Instagram|television|TV|radio|(?:its|his|her|their) (?:website|blog|show|program|podcast)|[A-Z]{2,5}|(?:the |The )?(?:[A-Z][\w.’'-]* ){1,4}(?:Show|Program|Hour|Report|Radio|News))|at an? (?:[\w-]+ ){0,2}(?:rally|event|hearing|briefing|press conference|news conference|debate)|during (?:an?|his|her|the|their) (?:[\w-]+ ){0,3}(?:interview|speech|stop|rally|debate|appearance|visit|forum|hearing|briefing|broadcast))\b.*$/;
/**
 * A content without the setting of the speech that closes it (in a radio interview, on Twitter, at a rally,
 * to reporters) and, for an object, without the time of the speech (denied the report on Thursday, last week):
 * what was said does not include where or when it was said. The setting is looked for after `from`.
 */
function withoutSetting(text: string, from: number, span: Span, time: boolean): Span {
  let end = span.end;
  const setting = SPEECH_SETTING.exec(text.slice(from, end));
  if (setting) end = from + setting.index;
  if (time) {
    const t = TRAILING_TIME.exec(text.slice(from, end));
    if (t) end = from + t.index;
  }
  return end === span.end ? span : trimContent(text, span.start, end) ?? span;
}
const DAYS = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|tonight)';
const PERIODS = '(?:week|month|year|weekend|summer|fall|spring|winter|morning|afternoon|evening|night)';
const MONTHS = '(?:January|February|March|April|May|June|July|August|September|October|November|December)';
/** A time closing an object: on Thursday, Wednesday night, last week, earlier this month, in July, in 2014. */
const TRAILING_TIME = new RegExp(`\\s+(?:(?:on|last|this|earlier|later|early|late|next|in|since|during)\\s+)?(?:(?:this|last|next|the)\\s+)?(?:${DAYS}|${PERIODS}|${MONTHS}|\\d{4})(?:\\s+(?:\\d{1,2}|${PERIODS}))?(?:\\s+(?:morning|afternoon|evening|night))?\\s*$`);
const CUT = /,\s+(?:which|who|whose|whom|but|though|although|even though|even as|whereas)\s|;\s|\s\((?=[a-z])/;

/** A connective opening the sentence links it to the one before; it is the writer's, not what was said (But …, However, …). */
const OPENER = /^(?:But|And|Yet|So|Still|Also|However|Meanwhile|Instead|Indeed|In fact|Now|Moreover|Nevertheless|In addition|Additionally|Furthermore|Separately|Likewise|Similarly)(?:,\s*|\s+)(?=\S)/;

function withoutOpener(text: string, span: Span | null): Span | null {
  if (!span) return null;
  const m = OPENER.exec(text.slice(span.start, Math.min(span.end, span.start + 20)));
  return m && span.end - span.start - m[0].length >= 2 ? { start: span.start + m[0].length, end: span.end } : span;
}

/** The position of the comma that ends right before `at` (white space between), or null. */
function commaBefore(text: string, at: number, floor: number): number | null {
  let i = at;
  while (i > floor && /\s/.test(text[i - 1]!)) i--;
  return i > floor && (text[i - 1] === ',' || text[i - 1] === '—' || text[i - 1] === '–') ? i - 1 : null;
}

/** A cue clause that stands apart from the clause before it: …, she said. / …, adding … / …, according to X. */
function standsApart(p: Paragraph, s: Paragraph['sentences'][number], hit: Hit): boolean {
  if (hit.participle || hit.according) return true;
  const k = skipAdjuncts(p.toks, hit.next, s.b);
  return k >= s.b || /^[,.;:!?—–]$/.test(p.toks[k]!.text) || onlyPunctuationBetween(p.text, p.toks[k]!.start, s.end);
}

/** Where a clause that runs into another cue's clause ends: before ", she said", ", and Lee argued", "; Lee said". */
function clauseBreakBefore(text: string, at: number, floor: number): number | null {
  const m = /(?:[,;—–]\s*(?:(?:and|but|while|whereas)\s+)?|\s+(?:and|but|while|whereas)\s+)$/.exec(text.slice(Math.max(floor, at - 12), at));
  return m ? at - m[0].length : null;
}

/** Words opening a clause of time or manner that sets a speech: …, she said as she left / when asked / before he died. */
const SPEECH_CIRCUMSTANCE = new Set(['as', 'when', 'while', 'before', 'after', 'because', 'since', 'until']);

/** Skips what may stand between a cue and its content: Tuesday, in a statement, on Twitter, last week. */
function skipAdjuncts(toks: readonly Token[], k: number, limit: number): number {
  for (let guard = 0; guard < 4 && k < limit; guard++) {
    const t = toks[k]!;
    if (isTimeWord(t) && /^(?:morning|afternoon|evening|night)$/.test(toks[k + 1]?.lower ?? '')) {
      k += 2;
      continue;
    }
    // An adverb before the clause or topic it modifies: knows exactly what …, knows all about ….
    if (/^(?:exactly|precisely|all)$/.test(t.lower) && k + 1 < limit && (CLAUSE_OPENERS.has(toks[k + 1]!.lower) && toks[k + 1]!.lower !== 'that' || toks[k + 1]!.lower === 'about' || toks[k + 1]!.text === ':')) {
      k++;
      continue;
    }
    if (isTimeWord(t) || t.lower === 'also' || t.lower === 'repeatedly' || t.lower === 'publicly' || t.lower === 'privately' || t.lower === 'flatly') {
      k++;
      if (k < limit && (toks[k - 1]!.lower === 'last' || toks[k - 1]!.lower === 'this') && toks[k]!.pos === 'NOUN') k++;
      continue;
    }
    if (ADJUNCT_PREPS.has(t.lower) && t.pos === 'ADP') {
      // on Thursday, in recent days: a time.
      if (k + 1 < limit && isTimeWord(toks[k + 1]!)) { k += 2; continue; }
      const np = phraseStartingAt(toks, k + 1, limit);
      if (!np) break;
      // Only a setting (in an interview with …, on Twitter, at a rally in …), not the content's own words.
      const next = toks[np[1] + 1];
      // (Or the subject of the clause said: said after the summit she would …, conceded under questioning she had ….)
      const subject = next !== undefined && next.pos === 'PRON' && /^(?:he|she|they|we|i|it)$/.test(next.lower) && /^(?:VERB|AUX)$/.test(toks[np[1] + 2]?.pos ?? '');
      if (!next || next.text === ',' || next.text === ':' || CLAUSE_OPENERS.has(next.lower) || next.lower === 'not' || isTimeWord(next) || ADJUNCT_PREPS.has(next.lower) || /^(?:[“"]|'')$/.test(next.text) || subject) {
        k = np[1] + 1;
        continue;
      }
      break;
    }
    break;
  }
  return k;
}

/** "that" within a few tokens after the cue, with only a listener or setting between (told reporters on Friday that). */
function thatAhead(toks: readonly Token[], k: number, limit: number, listener: boolean): number {
  // Without a listener slot, a noun phrase right after the cue is its object, and a "that" after it opens a
  // relative clause inside the content: wants policies that create revenue.
  if (!listener && k < limit && toks[k]!.lower !== 'that' && /^(?:DET|NOUN|PROPN|ADJ|NUM|PRON)$/.test(toks[k]!.pos) && !isTimeWord(toks[k]!)) {
    // …except a noun that names a claim, with its clause: renewed warnings from her lawyer that …, highlighted
    // his message that … — the clause is what was said.
    const np = phraseStartingAt(toks, k, limit);
    const that = np ? np[1] + 1 : -1;
    const head = np ? toks.slice(np[0], np[1] + 1).find((x) => CLAIM_NOUNS.test(x.lower) || /^(?:message|view|notion|idea|point)$/.test(x.lower)) : undefined;
    if (head && that < limit && toks[that]!.lower === 'that' && !/^(?:VERB|AUX)$/.test(toks[that + 1]?.pos ?? 'VERB')) return that;
    if (toks[k]!.pos !== 'PRON') return -1;
  }
  for (let i = k; i < limit && i - k <= 14; i++) {
    const t = toks[i]!;
    if (t.lower === 'that' && (t.pos === 'SCONJ' || i > k)) return i;
    // A quoted title on the way: told “Morning Report” on Friday that …
    if (/^(?:[“"]|'')$/.test(t.text) && i > k) {
      let c = i + 1;
      while (c < limit && c - i <= 8 && !/^[”"]$/.test(toks[c]!.text)) c++;
      if (c < limit && c - i <= 8) { i = c; continue; }
    }
    if (t.pos === 'VERB' || t.pos === 'AUX' || t.text === '.' || t.text === ';' || /^(?:[“"]|'')$/.test(t.text)) return -1;
  }
  return -1;
}

function tokenIndexAt(toks: readonly Token[], at: number, from: number, limit: number): number {
  let i = from;
  while (i < limit && toks[i]!.start < at) i++;
  return i;
}

// ------------------------------------------------------------------------------------------------------ finish

function finish(text: string, p: Paragraph, f: Found, registry: PeopleRegistry, n: number, markers: readonly DraftFootnote[]): Attribution {
  const { toks } = p;
  const hit = f.hit;
  const cue = checked(text, toks[hit.cue[0]]!.start, toks[hit.cue[1]]!.end);
  // A footnote marker left at a part's end (…is shrinking.1) is no part of the content; it sources the claim.
  const notes = new Set<number>();
  const parts = f.parts.map((x) => {
    let end = x.end;
    for (const m of markers) {
      if (m.end === end && m.start > x.start) {
        end = m.start;
        notes.add(m.n);
      }
    }
    const t = end === x.end ? x : trimContent(text, x.start, end) ?? x;
    return checked(text, t.start, t.end);
  }).sort((a, b) => a.start - b.start);
  // A question mark closing a governed clause is the whole sentence's (Do you know where the returns are?),
  // unless the question is what was said: a quotation, or a turn.
  const lastPart = parts[parts.length - 1]!;
  if (/^(?:en-clause|en-object|en-infinitive)$/.test(f.construction) && text[lastPart.end - 1] === '?' && lastPart.end - lastPart.start > 2) {
    parts[parts.length - 1] = checked(text, lastPart.start, lastPart.end - 1);
  }
  const content = checked(text, parts[0]!.start, parts[parts.length - 1]!.end);
  const source = hit.source ? checked(text, toks[hit.source[0]]!.start, toks[hit.source[1]]!.end) : null;
  const sentenceFirst = p.sentences.find((s) => s.a <= (hit.source?.[0] ?? -1) && (hit.source?.[0] ?? -1) < s.b)?.a ?? -1;
  const speakers = hit.source ? speakersOf(text, { toks, first: hit.source[0], last: hit.source[1], sentenceFirst }, registry) : [];
  const hedges = [...new Set(text.slice(content.start, content.end).match(HEDGES) ?? [])];
  for (const m of markers) {
    // Inside the content, or right after it or the cue (past closing marks and the stop).
    if (m.start >= content.start && m.end <= content.end) notes.add(m.n);
    for (const at of [content.end, cue.end]) if (m.start >= at && /^[\s.,”"’')\]]*$/.test(text.slice(at, m.start))) notes.add(m.n);
  }
  const words = toks.slice(hit.cue[0], hit.cue[1] + 1).map((t) => t.text).join(' ');
  return {
    id: `a${n + 1}`,
    speakers: speakers.map((x) => x.id),
    via: [],
    kind: f.kind,
    cue,
    content,
    ...(parts.length > 1 ? { parts } : {}),
    source,
    footnotes: [...notes].sort((a, b) => a - b),
    mention: source ? 'explicit' : 'elided',
    hedges,
    confidence: source ? (f.kind === 'quote' ? 0.9 : 0.8) : 0.6,
    evidence: [{ rule: f.construction, span: { start: cue.start, end: cue.end }, note: source ? `${words} ← ${text.slice(source.start, source.end)}` : words }],
    provenance: 'machine',
    page: null,
  };
}

function checkedSpan(text: string, start: number, end: number): Span {
  assertSpan({ start, end }, text.length, 'English content span');
  return { start, end };
}

/** A span with an empty quote (analyze fills it from the original text), checked where it is made. */
function checked(text: string, start: number, end: number): { start: number; end: number; text: string } {
  assertSpan({ start, end }, text.length, 'English attribution span');
  if (end <= start) throw new RangeError(`English attribution span [${start}, ${end}) is empty`);
  return { start, end, text: '' };
}
