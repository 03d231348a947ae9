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

/** A Markdown heading line never takes the next line into its block. */
function endsHeadingLike(text: string, block: Span): boolean {
  return /^#{1,6}\s/.test(text.slice(block.start, block.start + 7));
}
