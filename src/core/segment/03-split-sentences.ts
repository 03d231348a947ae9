/**
 * Pass 3: split the text-bearing blocks into sentences.
 *
 * Ends: 。！？ and . ! ? (for '.', not after an abbreviation, an initial or inside a number). A terminator
 * inside matched brackets (「…。」, (…. …)) does not end the sentence; an opener with no closer in the
 * block is ignored so that one stray bracket cannot swallow a paragraph.
 *
 * The sentences of a block tile it: each starts where the previous ended (white space between them belongs to
 * the earlier one's trailing gap, trimmed off its span) — see `splitSentences` for the exact rule.
 */
import type { Span } from '../text/span.ts';
import type { ClassifiedBlock } from './02-classify-blocks.ts';

export interface DraftSentence extends Span {
  block: number;
}

const OPEN = '「『(（[【〈《〔“';
const CLOSE_OF: Record<string, string> = { '「': '」', '『': '』', '(': ')', '（': '）', '[': ']', '【': '】', '〈': '〉', '《': '》', '〔': '〕', '“': '”' };
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'jr', 'sr', 'vs', 'etc', 'e.g', 'i.e', 'cf', 'al', 'no', 'nos', 'vol', 'pp', 'p', 'fig', 'ed', 'eds',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'gen', 'col', 'lt', 'maj', 'capt', 'adm', 'gov', 'sen',
  'rep', 'u.s', 'u.k', 'u.n', 'inc', 'sens', 'reps', 'gens', 'rev', 'hon', 'atty', 'supt', 'messrs', 'mmes', 'msgr', 'ft', 'mt', 'sgt', 'cpl', 'ltd', 'co', 'corp', 'dept', 'univ', 'approx', 'est', 'ca', 'op', 'cit', 'ibid', 'amb', 'pres',
]);

/** English words that open a sentence far more often than they continue a name: after "U.S." they start anew. */
const SENTENCE_OPENER = /^["“”']?\s+["“']?(?:The|A|An|He|She|It|They|We|I|But|And|In|On|At|This|That|These|Those|There|His|Her|Their|Its|Our|As|If|When|While|After|Before|Yet|So|Still|Now|For|Some|Many|Most|One|No)\b/;

/** After a closing quote: a short subject and a speech verb, or the verb first (“…?” Lee said / said Lee). */
const SPEAKER_AFTER_QUOTE = /^\s+(?:(?:[A-Z][\w.'’-]*|[a-z]+)\s+){0,5}?(?:said|says|asked|asks|added|adds|told|tells|wrote|writes|continued|recalled|explained|insisted|replied|responded|declared|tweeted|shouted|yelled|argued|noted|warned)\b/;

const TEXT_KINDS = new Set(['paragraph', 'list-item', 'trailer', 'note']);

export function splitSentences(text: string, blocks: readonly ClassifiedBlock[]): DraftSentence[] {
  const out: DraftSentence[] = [];
  blocks.forEach((block, index) => {
    if (!TEXT_KINDS.has(block.kind)) return;
    for (const s of splitBlock(text, block.contentStart, block.end)) out.push({ start: s.start, end: s.end, block: index });
  });
  return out;
}

/** Sentences of text[start, end), trimmed of white space. */
export function splitBlock(text: string, start: number, end: number): Span[] {
  const closers = matchBrackets(text, start, end);
  const spans: Span[] = [];
  let sentenceStart = start;
  const push = (e: number) => {
    let s = sentenceStart;
    while (s < e && isSpace(text.charCodeAt(s))) s++;
    let t = e;
    while (t > s && isSpace(text.charCodeAt(t - 1))) t--;
    if (t > s) spans.push({ start: s, end: t });
    sentenceStart = e;
  };
  for (let i = start; i < end; i++) {
    // Most characters are neither a terminator nor a bracket: skip them without building strings.
    if (!INTERESTING[text.charCodeAt(i)]) continue;
    const close = closers.get(i);
    if (close !== undefined) {
      // A matched bracket: nothing inside it ends a sentence, so jump to its closer.
      const opener = i;
      i = close;
      const ch = text[i]!;
      // Japanese: a quotation that is a sentence of its own (「撤退はない。」次の文。) ends there, unless a
      // particle or a verb carries on after it (「…。」と述べた, 「…。」という).
      if (/[」』]/.test(ch) && /[。！？!?]/.test(text[i - 1] ?? '') && /^\s*$/.test(text.slice(sentenceStart, opener))) {
        const after = /^(\d{0,3})[^\s\u3041-\u3096、，,。．.!?！？)）」』\d]/.exec(text.slice(i + 1, Math.min(end, i + 6)));
        if (after) push(i + 1 + after[1]!.length);
      }
      // Japanese: a line closed by a bracket is a unit of its own (a caption's credit 金与正氏=(聯合ニュース), a
      // dateline 【ソウル共同】 on its line), not the start of the sentence on the next line: it ends there
      // unless the next line carries on with a particle or a verb (…(共同)\nによると).
      if (CAPTION_CLOSER[text.charCodeAt(i)] && JAPANESE_UNIT.test(text[opener - 1] ?? text[opener + 1] ?? '')) {
        const next = /^[ \t\u3000]*\r?\n\s*(\S)/.exec(text.slice(i + 1, Math.min(end, i + 12)));
        if (next && !/[\u3041-\u3096、。]/.test(next[1]!)) push(i + 1);
      }
      // English: a quoted sentence that ends inside its quotes ends the sentence too (“It failed.” He left.)
      // A footnote marker glued after the quote stays with it (…“It failed.”3 He left.).
      if (/[”"’]/.test(ch) && /[.!?]/.test(text[i - 1] ?? '')) {
        const after = /^(\d{0,3})\s+[A-Z“"]/.exec(text.slice(i + 1, Math.min(end, i + 8)));
        // …unless its attribution follows (“Who knew?” Lee said. / “It failed!” said Lee.): one sentence.
        if (after && !SPEAKER_AFTER_QUOTE.test(text.slice(i + 1, Math.min(end, i + 80)))) push(i + 1 + after[1]!.length);
      }
      continue;
    }
    const ch = text[i]!;
    // Japanese: a line opening with an interviewer's dash (――…) starts a turn, never the rest of the line before.
    if (ch === '\n') {
      if (QUESTION_LINE.test(text.slice(i + 1, Math.min(end, i + 5)))) push(i);
      continue;
    }
    if (ch === '。' || ch === '！' || ch === '？' || ch === '!' || ch === '?' || (ch === '.' && isFullStop(text, i, start, end))) {
      let j = i + 1;
      while (j < end && TERMINATOR[text.charCodeAt(j)]) j++;
      // Closing quotes right after the terminator belong to the sentence (only unmatched ones reach here).
      while (j < end && CLOSER[text.charCodeAt(j)]) j++;
      // So does a marker in brackets (…NATO.[^1] / …NATO.[3]) and one left as digits after the stop
      // (…the western front.12 The next …).
      const bracket = text.charCodeAt(j) === 0x5b ? /^\[\^?\d{1,3}\]/.exec(text.slice(j, Math.min(end, j + 8))) : null;
      if (bracket) j += bracket[0].length;
      let d = j;
      while (d < end && d - j < 4 && isAsciiDigit(text.charCodeAt(d))) d++;
      if (d > j && d - j <= 3 && (d === end || isSpace(text.charCodeAt(d)))) j = d;
      push(j);
      i = j - 1;
    }
  }
  push(end);
  return spans;
}

const TERMINATOR = new Uint8Array(0x10000);
for (const ch of '。.!?！？') TERMINATOR[ch.charCodeAt(0)] = 1;
const CLOSER = new Uint8Array(0x10000);
for (const ch of '」』)）]】〉》〕”’"\'') CLOSER[ch.charCodeAt(0)] = 1;

function isAsciiDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x3000 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x2028 || c === 0x2029 || c === 0xfeff;
}

/** Brackets that close a caption's credit or a dateline. */
const CAPTION_CLOSER = new Uint8Array(0x10000);
for (const ch of ')）】') CAPTION_CLOSER[ch.charCodeAt(0)] = 1;
const JAPANESE_UNIT = /[\u3041-\u30ff\u4e00-\u9fff々=＝]/;

/** An interviewer's dash opening a line (after white space). */
const QUESTION_LINE = /^[ \t\u3000]*(?:――|──)/;

/** Terminators, brackets and the line feed, by code unit (BMP only: none of them is astral). */
const INTERESTING = new Uint8Array(0x10000);
for (const ch of '\n。！？!?.' + OPEN + Object.values(CLOSE_OF).join('')) INTERESTING[ch.charCodeAt(0)] = 1;

/** 1 at an opening bracket, 2 at a closing one, by code unit (all are BMP). */
const BRACKET = new Uint8Array(0x10000);
for (const ch of OPEN) BRACKET[ch.charCodeAt(0)] = 1;
for (const ch of Object.values(CLOSE_OF)) BRACKET[ch.charCodeAt(0)] = 2;

function matchBrackets(text: string, start: number, end: number): Map<number, number> {
  const result = new Map<number, number>();
  const stack: number[] = [];
  // Code unit by code unit, within the block (a pattern's matches were an array and a string per bracket).
  for (let i = start; i < end && i < text.length; i++) {
    const kind = BRACKET[text.charCodeAt(i)];
    if (!kind) continue;
    const ch = text[i]!;
    if (kind === 1) {
      // '(' after a digit or Latin letter in "(1)" still pairs; that is fine.
      stack.push(i);
    } else {
      for (let k = stack.length - 1; k >= 0; k--) {
        if (CLOSE_OF[text[stack[k]!]!] === ch) {
          result.set(stack[k]!, i);
          stack.length = k;
          break;
        }
      }
    }
  }
  return result;
}

function isFullStop(text: string, i: number, start: number, end: number): boolean {
  const next = text[i + 1];
  const prev = text[i - 1];
  // A footnote marker glued after the stop (front.12 The): an end.
  if (next !== undefined && /\d/.test(next) && /^\d{1,3}(?:\s+[A-Z“"]|\s*$)/.test(text.slice(i + 1, Math.min(end, i + 7))) && /[A-Za-z0-9)”"’]/.test(prev ?? '')) return true;
  // A bracketed or Markdown marker after the stop (NATO.[^1] This, NATO.[3] This): an end.
  if (next === '[' && /^\[\^?\d{1,3}\](?:\s|$)/.test(text.slice(i + 1, Math.min(end, i + 9)))) return true;
  // A possessive after an abbreviation (the F.B.I.'s inquiry, Jr.'s): no end.
  if ((next === "'" || next === '’') && /^[a-z]/i.test(text[i + 2] ?? '')) return false;
  // Inside a number (3.5) or a domain (example.org): no end.
  if (next !== undefined && i + 1 < end && !/[\s"'”’)\]」』]/.test(next) && !/[\u3040-\u30ff\u4e00-\u9fff]/.test(next)) return false;
  if (prev === undefined || i === start) return false;
  // The number of a list or notes line ("1. Kowalski, interview, 2024.") opens it; it ends nothing.
  if (/^\s*\d{1,3}$/.test(text.slice(start, i))) return false;
  // The word before the dot.
  let w = i;
  while (w > start && /[A-Za-z.]/.test(text[w - 1]!)) w--;
  const word = text.slice(w, i).toLowerCase();
  // An acronym written with stops (F.B.I., U.S., D.C.): a name or a noun goes on after it (the U.S. Senate);
  // a sentence ends after it only before a word that opens sentences (… in the U.S. The next day …).
  if (/^(?:[a-z]\.)+[a-z]$/.test(word)) return SENTENCE_OPENER.test(text.slice(i + 1, Math.min(end, i + 16)));
  if (ABBREVIATIONS.has(word)) return false;
  // A single capital initial (M. Sokolin) is no end, unless the next word is lower-case-free end of block.
  if (/^[a-z]$/.test(word) && /[A-Z]/.test(text[w]!)) {
    const after = text.slice(i + 1, i + 3).trim();
    if (after && /^[A-Z]/.test(after)) return false;
  }
  // Lower-case next word: no new sentence (ellipsis-like or abbreviation we do not know).
  const rest = /^\s+([a-z])/.exec(text.slice(i + 1, Math.min(end, i + 4)));
  if (rest) return false;
  return true;
}
