/**
 * Pass 2: tell what each raw block is (title block, byline, heading, paragraph, list item, trailing block),
 * build the outline of sections and read the document's metadata from its title block and byline.
 *
 * Works on the normalised text. Headings are found by shape (a short line with no sentence punctuation that
 * a paragraph follows) rather than by a list of heading words; only the trailing blocks (Profile, 注, 参考文献,
 * Notes, References) are named, because what follows them is not body text.
 */
import type { BlockHint } from '../text/source-text.ts';
import type { Span } from '../text/span.ts';
import type { Author, BlockKind } from '../model/schema.ts';
import type { RawBlock } from './01-split-blocks.ts';
import { findDates } from '../extract/07-find-dates.ts';
import { isPost, splitPost } from '../extract/vocabulary.ts';

export interface ClassifiedBlock extends Span {
  kind: BlockKind;
  section: number | null;
  /** Heading level, for headings. */
  level?: number;
  /** Where the block's text starts after a list bullet or Markdown heading marks. */
  contentStart: number;
}

export interface DraftSection {
  heading: string;
  level: number;
  start: number;
  headingEnd: number;
  end: number;
  trailer: boolean;
  parent: number | null;
}

export interface DraftDocument {
  title: string | null;
  subtitle: string | null;
  series: string | null;
  number: string | null;
  date: string | null;
  dateSpan: Span | null;
  authors: (Author & { nameSpan: Span | null })[];
  language: 'ja' | 'en';
}

const TRAILER = /^(profile|プロフィール|著者略歴|著者紹介|執筆者紹介|執筆者略歴|注|註|脚注|注釈|後注|参考文献|引用文献|参考資料|文献|notes?|endnotes|footnotes|references|bibliography|sources|about the authors?)\s*[:：]?$/i;
const NOTES_HEADING = /^(注|註|脚注|注釈|後注|notes?|endnotes|footnotes)\s*[:：]?$/i;
/** A list bullet: -, * and + need a space after them (Markdown emphasis *…* is no bullet); •・● need none. */
const BULLET = /^(?:[-*+]\s+|[•・●◦▪]\s*|\d{1,3}[.)]\s+)/;
/** Bullets that mark list items even when the line is short like a heading (■ and ◆ mark headings). */
const LIST_BULLET = /^(?:[-*+]\s+|[•・●◦▪]\s*)/;
const MD_HEADING = /^(#{1,6})\s+/;
/** A Markdown footnote definition, `[^3]: the note`: a note wherever it stands. */
const MD_FOOTNOTE_DEFINITION = /^\[\^\d{1,3}\]:/;
const NUMBERED_HEADING = /^(?:\(\d{1,2}\)|\d{1,2}[.．]\s*(?!\d)|第\s*\d+\s*[章節部]|[■□◆◇●○▼▽]|[IVX]{1,4}\.\s|[A-H]\.\s)/;
const SENTENCE_END = /[。．.!！?？:：、,，;；]$/;

export interface Classification {
  blocks: ClassifiedBlock[];
  sections: DraftSection[];
  document: DraftDocument;
}

export function classifyBlocks(
  text: string,
  raw: RawBlock[],
  language: 'ja' | 'en',
  hints: readonly BlockHint[] = [],
): Classification {
  const blocks: ClassifiedBlock[] = raw.map((b) => ({ start: b.start, end: b.end, kind: 'paragraph', section: null, contentStart: b.start }));
  const hintAt = new Map<number, BlockHint>();
  for (const h of hints) hintAt.set(h.start, h);
  const slice = (b: Span) => text.slice(b.start, b.end);

  // Front matter: the title block, then the byline (list items or name-like lines before the first heading).
  const front = readFrontMatter(text, blocks, language, hintAt);

  let inTrailer = false;
  let inNotes = false;
  let hasPlainHeading = false;
  /** Headings whose level a Markdown mark or an adapter's hint gave (h2, ##), rather than their shape. */
  const marked = new Set<ClassifiedBlock>();
  for (let i = front.bodyStart; i < blocks.length; i++) {
    const b = blocks[i]!;
    const s = slice(b);
    const hint = hintAt.get(b.start);
    const md = MD_HEADING.exec(s);
    if (MD_FOOTNOTE_DEFINITION.test(s)) {
      b.kind = 'note';
      continue;
    }
    if (TRAILER.test(s.replace(MD_HEADING, '').trim())) {
      b.kind = 'trailer-heading';
      b.level = md ? md[1]!.length : hint?.kind === 'heading' ? hint.level ?? 1 : 1;
      if (md || hint?.kind === 'heading') marked.add(b);
      b.contentStart = b.start + (md ? md[0].length : 0);
      inTrailer = true;
      inNotes = NOTES_HEADING.test(s.replace(MD_HEADING, '').trim());
      continue;
    }
    if (inTrailer) {
      b.kind = inNotes ? 'note' : 'trailer';
      continue;
    }
    if (md || hint?.kind === 'heading') {
      b.kind = 'heading';
      b.level = md ? md[1]!.length : hint?.level ?? 1;
      marked.add(b);
      b.contentStart = b.start + (md ? md[0].length : 0);
      continue;
    }
    const bullet = BULLET.exec(s);
    if (hint?.kind === 'list-item' || (bullet && (!NUMBERED_HEADING.test(s) || LIST_BULLET.test(s)))) {
      b.kind = 'list-item';
      b.contentStart = b.start + (bullet ? bullet[0].length : 0);
      continue;
    }
    if (hints.length === 0 && isHeadingShape(s, language) && i + 1 < blocks.length) {
      b.kind = 'heading';
      b.level = NUMBERED_HEADING.test(s) ? 2 : 1;
      if (b.level === 1) hasPlainHeading = true;
    }
  }
  // Numbered headings sit under plain ones; in a document with numbered headings only, they are the top level.
  // With several numbering styles (1． then (1)), the style met first is the top and the next one below it.
  if (!hasPlainHeading) {
    const styles: string[] = [];
    for (const b of blocks) {
      if (b.kind !== 'heading' || b.level !== 2 || hints.length !== 0 || MD_HEADING.test(slice(b))) continue;
      const style = numberingStyle(slice(b));
      if (!styles.includes(style)) styles.push(style);
      b.level = Math.min(3, styles.indexOf(style) + 1);
    }
  }
  // Level 1 is the top of the body: when the title took the only # (or <h1>), the ## headings are the top.
  const top = Math.min(...[...marked].map((b) => b.level ?? 1));
  if (top > 1 && top < Infinity) for (const b of marked) b.level = (b.level ?? 1) - (top - 1);

  const sections = buildSections(text, blocks);
  return { blocks, sections, document: front.document };
}

/** The kind of numbering a heading uses: (1), 1., 第1章, ■ … */
function numberingStyle(s: string): string {
  if (/^\(\d/.test(s)) return 'paren';
  if (/^\d{1,2}[.．]/.test(s)) return 'dot';
  if (/^第\s*\d+\s*章/.test(s)) return 'chapter';
  if (/^第\s*\d+\s*[節部]/.test(s)) return 'section';
  if (/^[IVX]{1,4}\./.test(s)) return 'roman';
  if (/^[A-H]\./.test(s)) return 'letter';
  return `mark:${s[0]}`;
}

function isHeadingShape(s: string, language: 'ja' | 'en'): boolean {
  // A footnote marker after the stop (…are old.2) still ends a sentence.
  if (SENTENCE_END.test(s) || SENTENCE_END.test(s.replace(/(?<=[.!?”"’])\d{1,3}$/, '')) || /[。]/.test(s)) return false;
  // Two sentences in one line (…thin.1 Its bases…) are prose; "U.S. Policy" and "Gen. Park" are not.
  if (/\b[a-z]{2,}[.!?]["”’)]?\d{0,3}\s+[A-Z]/.test(s)) return false;
  if (language === 'ja') {
    if (s.length > 50) return false;
    // A heading does not end in a footnote marker glued to Japanese text.
    if (/[\u3040-\u30ff\u4e00-\u9fff」』)][0-9]{1,3}$/.test(s) && !NUMBERED_HEADING.test(s)) return false;
    return true;
  }
  const words = s.split(/\s+/).length;
  if (words > 14 || s.length > 120) return false;
  // English headings start with a capital, a number or a bullet sign.
  return /^[A-Z0-9(■□◆●IVX]/.test(s);
}

function buildSections(text: string, blocks: ClassifiedBlock[]): DraftSection[] {
  const sections: DraftSection[] = [];
  const open: number[] = []; // stack of section indexes
  blocks.forEach((b) => {
    if (b.kind === 'heading' || b.kind === 'trailer-heading') {
      const level = b.level ?? 1;
      while (open.length && sections[open[open.length - 1]!]!.level >= level) sections[open.pop()!]!.end = b.start;
      const parent = open.length ? open[open.length - 1]! : null;
      sections.push({
        heading: text.slice(b.contentStart, b.end).trim(),
        level,
        start: b.start,
        headingEnd: b.end,
        end: text.length,
        trailer: b.kind === 'trailer-heading' || (parent !== null && sections[parent]!.trailer),
        parent,
      });
      open.push(sections.length - 1);
    }
    b.section = open.length ? open[open.length - 1]! : null;
  });
  for (const i of open.reverse()) sections[i]!.end = text.length;
  // Sections that were closed keep the end set above; trim trailing white space from every end.
  for (const s of sections) {
    let e = s.end;
    while (e > s.headingEnd && /\s/.test(text[e - 1]!)) e--;
    s.end = e;
  }
  return sections;
}

// ---------------------------------------------------------------- front matter

const NUMBER = /第\s*(\d+)\s*号|\b(?:No|Number|Issue)\.?\s*(\d+)|\bVol\.\s*\d+,?\s*No\.\s*(\d+)/i;
const TITLE_SEPARATOR = /\s*[|｜/]\s*|\s+[·・•]\s+|\s+[·・•]$|^[·・•]\s+/g;

function readFrontMatter(
  text: string,
  blocks: ClassifiedBlock[],
  language: 'ja' | 'en',
  hintAt: Map<number, BlockHint>,
): { bodyStart: number; document: DraftDocument } {
  const document: DraftDocument = {
    title: null, subtitle: null, series: null, number: null, date: null, dateSpan: null, authors: [], language,
  };
  if (blocks.length === 0) return { bodyStart: 0, document };
  const slice = (b: Span) => text.slice(b.start, b.end);

  // The title block: the leading blocks that are no paragraph (no sentence end), at most three.
  let i = 0;
  const titleBlocks: ClassifiedBlock[] = [];
  while (i < blocks.length && i < 3) {
    const s = slice(blocks[i]!);
    if (BULLET.test(s) || /[。]$/.test(s) || (i > 0 && isBodyHeading(s, blocks, i, text))) break;
    // A 。 that ends a sentence inside the line (not one quoted in 「…」) makes it prose too.
    if (/。/.test(s.replace(/「[^」]*」|『[^』]*』/g, ''))) break;
    // An interviewer's question (――…, --…, Q. …) or a quotation of sentences after the title opens the body.
    if (i > 0 && (/^\s*(?:――|──|--|－－|Q[.:：]|問[:：])/.test(s) || /^\s*「/.test(s) && /。/.test(s))) break;
    // A sentence of prose is body text, not a title line.
    if (/[.!?]["”’)]?\d{0,3}$/.test(s) && s.length > 60) break;
    if (/^By\s+\p{Lu}/u.test(s)) break;
    // A byline line (a name, or an organisation with a post) ends the title block.
    if (i > 0 && titleBlocks.length > 0 && (looksLikeName(s) || isPost(s.split(/[ \u3000]/).pop() ?? ''))) break;
    if (s.length > 200) break;
    titleBlocks.push(blocks[i]!);
    i++;
    // One line that carries series, number and date and the title is the whole title block.
    if (i === 1 && NUMBER.test(s) && titleRemainder(s).length > 4) break;
  }
  if (titleBlocks.length === 0) return { bodyStart: 0, document };
  // With no byline and no metadata the first line alone is the title (it may be a heading otherwise).
  for (const b of titleBlocks) b.kind = 'title';

  const titleParts: string[] = [];
  titleBlocks.forEach((b, k) => {
    // A Markdown title (# Title) reads without its marks.
    const marks = MD_HEADING.exec(slice(b))?.[0].length ?? 0;
    b.contentStart = b.start + marks;
    // Emphasis around a whole title line (*…*, **…**, _…_) is Markdown, not part of it.
    const s = text.slice(b.contentStart, b.end).replace(/^([*_]{1,2})(.+)\1$/, '$2');
    const number = NUMBER.exec(s);
    let rest = s;
    if (number && document.number === null) {
      document.number = number[1] ?? number[2] ?? number[3] ?? null;
      const before = s.slice(0, number.index).trim();
      if (before && !findDates(before).length) document.series = before.replace(TITLE_SEPARATOR, ' ').trim();
      // The series on a line of its own, the number on the next and the title after them.
      if (!before && k === 1 && titleParts.length === 1 && titleBlocks.length > 2) document.series = titleParts.pop()!;
      rest = s.slice(0, number.index).replace(document.series ?? '', '') + ' ' + s.slice(number.index + number[0].length);
    }
    const dates = findDates(rest);
    const dateInBlock = findDates(s);
    if (dates.length && document.date === null) {
      const d = dates[0]!;
      document.date = d.value;
      const abs = dateInBlock.find((x) => x.value === d.value);
      if (abs) document.dateSpan = { start: b.contentStart + abs.start, end: b.contentStart + abs.end };
      rest = rest.slice(0, d.start) + ' ' + rest.slice(d.end);
    }
    rest = rest.replace(TITLE_SEPARATOR, ' ').trim();
    // A later line that held the date and little else names the series (国際情報ネットワーク分析 IINA 2025年3月4日).
    if (rest && k > 0 && dates.length && !number && document.series === null && rest.length <= 40) {
      document.series = rest;
      rest = '';
    }
    if (rest) titleParts.push(rest);
  });
  if (titleParts.length) {
    const title = titleParts.join(' ');
    document.title = title;
    // ——, ―― (U+2015, which NFKC keeps), ──, a single dash, or a colon.
    const dash = /\s*(?:[—―─]{1,2}|--|:|：)\s*/.exec(title);
    if (dash && dash.index > 0) document.subtitle = title.slice(dash.index + dash[0].length).trim() || null;
  }

  // The byline: list items (or short name-like lines) right after the title block, before the first heading.
  let j = i;
  const bylineLines: { span: Span; text: string }[] = [];
  while (j < blocks.length && bylineLines.length < 6) {
    const b = blocks[j]!;
    const s = slice(b);
    const bullet = BULLET.exec(s);
    const body = bullet ? s.slice(bullet[0].length) : s.replace(/^By\s+/, '');
    // Unbulleted byline lines: a name, or a post (organisation and title), short and with no sentence end.
    const plainByline = !bullet && s.length < 50 && !/[。.]$/.test(s) && (looksLikeName(body) || (isPost(body.split(/[ \u3000]/).pop() ?? '') && bylineLines.length < 3))
      && !(blocks[j + 1] && /[。]/.test(text.slice(blocks[j + 1]!.start, blocks[j + 1]!.end)) && !looksLikeName(body) && !blocks[j + 2]);
    if (!bullet && !/^By\s+/.test(s) && !plainByline) break;
    if (/[。]$/.test(body) || body.length > 80) break;
    // Two or four kanji with no space and prose after them are a heading (概要, 分析結果), not a name.
    if (!bullet && !/^By\s+/.test(s) && !/[ \u3000・]/.test(body) && isBodyHeading(s, blocks, j, text)) break;
    if (hintAt.get(b.start)?.kind === 'heading') break;
    b.kind = 'byline';
    const offset = s.length - body.length;
    b.contentStart = b.start + offset;
    bylineLines.push({ span: { start: b.start + offset, end: b.end }, text: body.trim() });
    j++;
  }
  document.authors = readAuthors(bylineLines);
  return { bodyStart: j, document };
}

/** What a title line holds after its series (before the number), number and date. */
function titleRemainder(s: string): string {
  const n = NUMBER.exec(s);
  const after = n ? s.slice(n.index + n[0].length) : s;
  let rest = after;
  for (const d of findDates(after).reverse()) rest = rest.slice(0, d.start) + rest.slice(d.end);
  return rest.replace(/[\s|｜/]+/g, '');
}

function isBodyHeading(s: string, blocks: ClassifiedBlock[], i: number, text: string): boolean {
  // A short line followed by a paragraph after something that already looks like a title is a heading.
  const next = blocks[i + 1];
  if (!next || NUMBER.test(s)) return false;
  const body = text.slice(next.start, next.end);
  return (s.length <= 20 && /[。]/.test(body)) || (s.length <= 60 && !/[.!?。]$/.test(s) && /[.!?]["”’)]?\d{0,3}$/.test(body) && body.length > 60);
}

/** Whether a byline line is a person's name rather than a post or an organisation. */
export function looksLikeName(s: string): boolean {
  const t = s.trim();
  // (Two kanji with no space are a word more often than a name: a section label such as 政治 or 経済 above a title.)
  if (/^[\u4e00-\u9fff]{1,4}[ \u3000]?[\u4e00-\u9fff]{1,4}$/.test(t) && !/^[\u4e00-\u9fff]{2}$/.test(t) && !/(部|室|課|所|局|院|省|庁|学|会|長|員|官|センター)$/.test(t)) return true;
  if (/^[\u30a1-\u30fa\u30fc]+(?:・[\u30a1-\u30fa\u30fcA-Z.]+)+$/.test(t)) return true;
  if (/^(?:Dr\.?\s+|Prof\.?\s+)?\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}\.?)*(?:\s+\p{Lu}[\p{L}'’-]+){1,2}$/u.test(t)) return true;
  return false;
}

function readAuthors(lines: { span: Span; text: string }[]): DraftDocument['authors'] {
  const authors: DraftDocument['authors'] = [];
  let pendingPost: { organization: string | null; title: string | null } | null = null;
  for (const line of lines) {
    // "Name, Post, Organisation" (English) or "Post Name" on one line.
    const parts = line.text.split(/\s*[,，、]\s*/);
    if (looksLikeName(parts[0]!) && !isPost(parts[0]!)) {
      // The descriptor keeps its own separators: splitPost reads "Post, Organisation" by its comma.
      const descriptor = line.text.trimStart().slice(parts[0]!.trimStart().length).replace(/^\s*[,，、]\s*/, '');
      const post = parts.length > 1 ? splitPost(descriptor) : null;
      const nameStart = line.span.start + (line.text.length - line.text.trimStart().length);
      authors.push({
        name: parts[0]!.trim(),
        nameSpan: { start: nameStart, end: nameStart + parts[0]!.trim().length },
        organization: post?.organization ?? pendingPost?.organization ?? null,
        title: post?.title ?? pendingPost?.title ?? null,
      });
      pendingPost = null;
    } else {
      const post = splitPost(line.text);
      const last = authors[authors.length - 1];
      if (last && last.organization === null && last.title === null) {
        last.organization = post.organization;
        last.title = post.title;
      } else {
        pendingPost = post;
      }
    }
  }
  return authors;
}
