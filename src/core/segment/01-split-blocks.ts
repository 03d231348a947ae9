/**
 * Pass 1: split the text into raw blocks.
 *
 * Text extracted from PDFs and most Japanese plain text put one paragraph on a line; English plain text and
 * Markdown wrap paragraphs over several lines and separate them with blank lines. We pick the mode from the
 * text itself: when blank lines separate most blocks, consecutive lines join into one block (except lines
 * that start a list item or a Markdown heading, which always start a block).
 */
import type { Span } from '../text/span.ts';

export interface RawBlock extends Span {
  /** Index of the first line of the block. */
  readonly line: number;
}

export interface Line extends Span {
  readonly blankBefore: boolean;
}

const LINE_BREAK = /\r\n|\r|\n|\u2028|\u2029/g;

export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  let blank = true;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && /[ \t\u3000\f\v\uFEFF]/.test(text[s]!)) s++;
    while (e > s && /[ \t\u3000\f\v]/.test(text[e - 1]!)) e--;
    if (e > s) {
      lines.push({ start: s, end: e, blankBefore: blank });
      blank = false;
    } else {
      blank = true;
    }
  };
  LINE_BREAK.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = LINE_BREAK.exec(text))) {
    push(m.index);
    start = m.index + m[0].length;
  }
  push(text.length);
  return lines;
}

const STARTS_BLOCK = /^(#{1,6}\s|[-*+•]\s|\d{1,3}[.)．]\s|[(（]\d{1,2}[)）]|■|□|◆|●|第\d+[章節]|\[\^\d{1,3}\]:)/;

export function splitBlocks(text: string, lines: Line[] = splitLines(text)): RawBlock[] {
  const withBlank = lines.filter((l, i) => i > 0 && l.blankBefore).length;
  const paragraphMode = lines.length > 2 && withBlank >= (lines.length - 1) * 0.25;
  const blocks: RawBlock[] = [];
  lines.forEach((line, i) => {
    const last = blocks[blocks.length - 1];
    const startsBlock = STARTS_BLOCK.test(text.slice(line.start, Math.min(line.end, line.start + 8)));
    if (paragraphMode && last && !line.blankBefore && !startsBlock && !endsHeadingLike(text, last)) {
      blocks[blocks.length - 1] = { start: last.start, end: line.end, line: last.line };
    } else {
      blocks.push({ start: line.start, end: line.end, line: i });
    }
  });
  return blocks;
}

/** A line that ends a sentence or a quotation (a footnote marker may follow). */
const TERMINAL = /[。．.！？!?」』)）:：]\d{0,3}$/;

/**
 * The width text was hard-wrapped at, or 0. Text extracted from some PDFs and e-mails cuts every line at about
 * the same width, mid-sentence. Found when most long lines have about the same length and do not end a
 * sentence; text with a paragraph per line (line lengths all different, ending in 。) gives 0.
 */
function hardWrapWidth(text: string, lines: Line[]): number {
  if (lines.length < 8) return 0;
  const lengths = lines.map((l) => l.end - l.start).sort((a, b) => a - b);
  const width = lengths[Math.floor(lengths.length * 0.9)]!;
  if (width < 20 || width > 200) return 0;
  let full = 0;
  let fullOpen = 0;
  for (const l of lines) {
    const n = l.end - l.start;
    if (n < width * 0.85 || n > width * 1.1) continue;
    full++;
    if (!TERMINAL.test(text.slice(Math.max(l.start, l.end - 4), l.end))) fullOpen++;
  }
  const substantial = lines.filter((l) => l.end - l.start >= 15).length;
  return full >= 6 && full >= substantial * 0.4 && fullOpen >= full * 0.6 ? width : 0;
}

const JAPANESE_END = /[\u3000-\u30ff\u4e00-\u9fff\uff00-\uffef]/;

/**
 * The line breaks of hard-wrapped paragraphs, to be folded away in the normalised view: a full line that ends
 * mid-sentence runs on into the next. Between Japanese characters the break disappears; elsewhere it becomes
 * one space. Empty for text with a paragraph per line, and for text other than Japanese with blank lines between
 * its paragraphs.
 */
export function hardWrapJoins(text: string, lines: Line[] = splitLines(text)): Map<number, { end: number; with: string }> {
  const joins = particleJoins(text, lines);
  // Japanese: blank lines between paragraphs are no sign either way, as a copied page wraps the lines inside each of
  // them too (and a break inside a word cuts it for the analyser); only a paragraph per line (nearly every line
  // after a blank) has nothing to fold. Elsewhere blank lines mark paragraphs whose breaks read as spaces already.
  const withBlank = lines.filter((l, i) => i > 0 && l.blankBefore).length;
  const japanese = lines.filter((l) => l.end > l.start && JAPANESE_END.test(text[l.end - 1]!)).length >= lines.length / 2;
  if (lines.length > 2 && withBlank >= (lines.length - 1) * (japanese ? 0.6 : 0.25)) return joins;
  const wrapAt = hardWrapWidth(text, lines);
  if (!wrapAt) return joins;
  for (let i = 1; i < lines.length; i++) {
    const prev = lines[i - 1]!;
    const line = lines[i]!;
    if (line.blankBefore || STARTS_BLOCK.test(text.slice(line.start, Math.min(line.end, line.start + 8)))) continue;
    // Only a full line (cut at the width, not longer like a title) ending mid-sentence runs on.
    const width = prev.end - prev.start;
    if (width < wrapAt * 0.85 || width > wrapAt * 1.1) continue;
    // A closing bracket ends the paragraph unless the next line carries on its sentence (」3。 cut after 」).
    const tail = text.slice(Math.max(prev.start, prev.end - 4), prev.end);
    const carriesOn = /^[\d。、，,.)）]/.test(text.slice(line.start, line.start + 1));
    if (/[。．.！？!?:：]\d{0,3}$/.test(tail) || (TERMINAL.test(tail) && !carriesOn)) continue;
    const before = text[prev.end - 1] ?? '';
    const after = text[line.start] ?? '';
    const cjk = /[\u3000-\u30ff\u4e00-\u9fff\uff00-\uffef]/;
    joins.set(prev.end, { end: line.start, with: cjk.test(before) && cjk.test(after) ? '' : ' ' });
  }
  return joins;
}

/**
 * A line that opens with the particle of a topic, subject or object (はリポートで…, はこう述べた): no sentence starts
 * so. Before other kana the particle may be a word's first sound (はじめに, がんばる), which is not read as one.
 */
const OPENS_WITH_PARTICLE = /^[はがを](?:[^\u3041-\u309f、，,\s]|こう|この|その|これ|それ)/;
const ENDS_CJK = /[\u3041-\u30ff\u4e00-\u9fff々]$/;
/** Longest line taken for a name or descriptor broken off its sentence. */
const BROKEN_LINE = 30;

/**
 * Sentences broken before their particle, as copied pages break them around a name set in bold:
 * 第一生命研究所の首席エコノミスト / 熊野英生氏 / はリポートで…. The particle's line runs on from a short line
 * ending in a word, and that line from a short descriptor before it; the breaks disappear.
 */
function particleJoins(text: string, lines: Line[]): Map<number, { end: number; with: string }> {
  const joins = new Map<number, { end: number; with: string }>();
  const open = (l: Line) => l.end > l.start && l.end - l.start <= BROKEN_LINE && ENDS_CJK.test(text[l.end - 1] ?? '');
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    const prev = lines[i - 1]!;
    if (line.blankBefore || !OPENS_WITH_PARTICLE.test(text.slice(line.start, line.start + 2)) || !open(prev)) continue;
    joins.set(prev.end, { end: line.start, with: '' });
    const first = lines[i - 2];
    if (first && !prev.blankBefore && prev.end - prev.start <= 12 && open(first)) joins.set(first.end, { end: prev.start, with: '' });
  }
  return joins;
}

/** A Markdown heading line never takes the next line into its block. */
function endsHeadingLike(text: string, block: Span): boolean {
  return /^#{1,6}\s/.test(text.slice(block.start, block.start + 7));
}
