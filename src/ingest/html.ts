/**
 * HTML → the text a reader sees, with its block structure.
 *
 * Each block element becomes its own line (blocks are separated by exactly one "\n"; only `<br>` makes more
 * line breaks), whitespace inside a block collapses the way CSS `white-space: normal` collapses it, and `<pre>`
 * keeps its own. Scripts, styles, templates, the head and hidden elements contain nothing a reader sees and
 * are dropped; attributes are never read for text, so `onerror=` and `javascript:` URLs cannot leak in.
 *
 * Headings, list items and the document title come back as BlockHints whose spans point into the produced
 * text. The produced text is the document's canonical text: offsets do not point into the HTML source.
 */
import { Parser } from 'htmlparser2';
import type { BlockHint, SourceText } from '../core/text/source-text.ts';
import { assertSpan, trimSpan } from '../core/text/span.ts';
import { IngestError } from './errors.ts';

/** Elements that start and end a line. `td`/`th` are cells, handled apart: they share their row's line. */
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'dir', 'div',
  'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header',
  'hgroup', 'hr', 'html', 'legend', 'li', 'listing', 'main', 'menu', 'nav', 'ol', 'p', 'plaintext', 'pre', 'search',
  'section', 'summary', 'table', 'tbody', 'tfoot', 'thead', 'tr', 'ul', 'xmp', 'option', 'optgroup',
]);

/** Elements whose content a reader never sees. `title` is read apart, for the title hint. */
const HIDDEN = new Set([
  'script', 'style', 'noscript', 'template', 'title', 'iframe', 'object', 'embed', 'canvas', 'svg', 'audio', 'video',
  'select', 'datalist', 'textarea', 'frameset', 'noframes',
]);

/** What may stand in `<head>`; anything else opens the body, as in a browser. */
const HEAD_CONTENT = new Set(['title', 'meta', 'link', 'style', 'script', 'base', 'noscript', 'template']);

const PRE = new Set(['pre', 'listing', 'xmp', 'plaintext', 'textarea']);

const HEADING = /^h([1-6])$/;

/** HTML's own white space; NBSP and the ideographic space are characters, not collapsible space. */
const HTML_SPACE = /[ \t\n\r\f]+/g;

interface Frame {
  readonly name: string;
  readonly hidden: boolean;
  readonly pre: boolean;
  readonly hint?: OpenHint;
}

interface OpenHint {
  readonly kind: 'heading' | 'list-item';
  readonly level?: number;
  start: number;
}

/**
 * @example
 * htmlToSource('<h1>Title</h1><p>One <b>two</b></p>', 'a.html').text; // "Title\nOne two"
 */
export function htmlToSource(html: string, name: string): SourceText {
  if (estimateDepth(html) > MAX_DEPTH) {
    throw new IngestError('E_CORRUPT', name, `HTML nests elements more than ${MAX_DEPTH} deep, which no real page does; refusing to parse it`);
  }
  const out = new TextOut();
  const stack: Frame[] = [];
  const raw: (OpenHint & { end: number })[] = [];
  let hiddenDepth = 0;
  let preDepth = 0;
  let inHead = false;
  /** Text of the first `<title>` outside SVG (whose titles are tooltips), once it has opened. */
  let title: string[] | undefined;
  let inTitle = false;
  // HTML drops one line feed right after <pre>.
  let preJustOpened = false;

  const parser = new Parser(
    {
      onopentag(rawName, attribs) {
        const tag = rawName.toLowerCase();
        if (tag === 'head') {
          inHead = true;
        } else if (inHead && !HEAD_CONTENT.has(tag)) {
          inHead = false;
        }
        const hidden = HIDDEN.has(tag) || isHiddenByAttribute(attribs);
        const pre = PRE.has(tag);
        let hint: OpenHint | undefined;
        if (hiddenDepth === 0 && !hidden) {
          if (BLOCK.has(tag)) out.blockBoundary();
          else if (tag === 'td' || tag === 'th') out.cellBoundary();
          else if (tag === 'br') out.lineBreak();
          const heading = HEADING.exec(tag);
          if (heading) hint = { kind: 'heading', level: Number(heading[1]), start: -1 };
          else if (tag === 'li') hint = { kind: 'list-item', start: -1 };
          if (hint) out.awaitStart(hint);
        }
        if (tag === 'title' && !title && hiddenDepth === 0) {
          title = [];
          inTitle = true;
        }
        stack.push({ name: tag, hidden, pre, hint });
        if (hidden) hiddenDepth++;
        if (pre) preDepth++;
        preJustOpened = pre;
      },
      onclosetag(rawName) {
        const tag = rawName.toLowerCase();
        // htmlparser2 pairs every open with a close (implied ones at the end of input), so the frame is on
        // top; the search is a guard against a future parser change, not a normal path.
        let index = stack.length - 1;
        while (index >= 0 && stack[index]!.name !== tag) index--;
        if (index < 0) return;
        while (stack.length > index) {
          const frame = stack.pop()!;
          if (frame.hidden) hiddenDepth--;
          if (frame.pre) preDepth--;
          if (frame.name === 'head') inHead = false;
          if (frame.name === 'title') inTitle = false;
          if (hiddenDepth === 0 && !frame.hidden) {
            if (frame.hint) {
              out.stopAwaiting(frame.hint);
              if (frame.hint.start >= 0) raw.push({ ...frame.hint, end: out.length });
            }
            if (BLOCK.has(frame.name)) out.blockBoundary();
          }
        }
        preJustOpened = false;
      },
      ontext(text) {
        if (inTitle) {
          title!.push(text);
          return;
        }
        if (hiddenDepth > 0) return;
        if (inHead) {
          // Text in <head> opens the body in a browser; white space between head elements does not.
          if (!/[^ \t\n\r\f]/.test(text)) return;
          inHead = false;
        }
        if (preDepth > 0) {
          let raw = text.replace(/\r\n?/g, '\n');
          if (preJustOpened && raw.startsWith('\n')) raw = raw.slice(1);
          out.preformatted(raw);
        } else {
          out.flow(text);
        }
        preJustOpened = false;
      },
    },
    // No recognizeSelfClosing: browsers ignore `/>` on non-void elements, so `<script src=x />alert()` hides
    // alert() there, and must here too.
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();

  const text = out.toString();
  const hints: BlockHint[] = [];
  for (const { kind, level, start: from, end: to } of raw) {
    // Only preformatted text can end in white space; trimmed here, once, on the finished text.
    const { start, end } = trimSpan(text, from, to);
    if (end > start) hints.push(level === undefined ? { kind, start, end } : { kind, level, start, end });
  }
  hints.sort((a, b) => a.start - b.start || b.end - a.end);
  const titleHint = findTitle(text, title ? collapse(title.join('')) : '', hints);
  const blocks = titleHint ? [titleHint, ...hints].sort((a, b) => a.start - b.start || b.end - a.end) : hints;
  for (const hint of blocks) assertSpan(hint, text.length, `${hint.kind} hint`);
  return { text, format: 'html', name, hints: { blocks } };
}

/**
 * htmlparser2 keeps open elements in an array it shifts and unshifts, which costs time in proportion to the
 * depth: 400,000 unclosed `<div>`s (2.4 MB) take most of a minute. Real pages nest a few dozen deep, a
 * broken one with unclosed `<font>`s a few thousand.
 */
const MAX_DEPTH = 20_000;

/** Elements that close themselves (void) or are closed by their next sibling, so they do not deepen the tree. */
const SHALLOW = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'param', 'keygen',
  'p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'option', 'optgroup', 'rb', 'rt', 'rp', 'rtc',
]);

/** An upper bound on how deep the parser's element stack gets: a linear scan of the tags, no parsing. */
function estimateDepth(html: string): number {
  const tag = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)[^<>]*>/g;
  let depth = 0;
  let max = 0;
  for (let m = tag.exec(html); m; m = tag.exec(html)) {
    if (SHALLOW.has(m[2]!.toLowerCase()) || m[0].endsWith('/>')) continue;
    depth = m[1] ? Math.max(0, depth - 1) : depth + 1;
    if (depth > max) max = depth;
  }
  return max;
}

function isHiddenByAttribute(attribs: Record<string, string>): boolean {
  if ('hidden' in attribs) return true;
  const style = attribs.style;
  return style !== undefined && /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\b/i.test(style);
}

function collapse(s: string): string {
  return s.replace(HTML_SPACE, ' ').trim();
}

/**
 * The `<title>` is a title hint only where the reader sees it: as a heading or a whole line of the body. Site
 * names ride along in titles ("Article | Institute"), so each part is tried too. Failing that, the first h1.
 */
function findTitle(text: string, title: string, hints: readonly BlockHint[]): BlockHint | undefined {
  if (title) {
    const candidates = [title, ...title.split(/\s+[|｜\-–—:：]\s+|｜|\s+::\s+/).map((s) => s.trim()).filter((s) => s && s !== title)];
    for (const candidate of candidates) {
      const heading = hints.find((h) => h.kind === 'heading' && text.slice(h.start, h.end) === candidate);
      if (heading) return { kind: 'title', start: heading.start, end: heading.end };
    }
    for (const candidate of candidates) {
      const line = findWholeLine(text, candidate);
      if (line) return { kind: 'title', ...line };
    }
  }
  const h1 = hints.find((h) => h.kind === 'heading' && h.level === 1);
  return h1 ? { kind: 'title', start: h1.start, end: h1.end } : undefined;
}

function findWholeLine(text: string, needle: string): { start: number; end: number } | undefined {
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
    const end = at + needle.length;
    const before = text.lastIndexOf('\n', at - 1) + 1;
    const afterBreak = text.indexOf('\n', end);
    const after = afterBreak < 0 ? text.length : afterBreak;
    if (text.slice(before, at).trim() === '' && text.slice(end, after).trim() === '') return { start: at, end };
  }
  return undefined;
}

/**
 * The produced text, built from parts (no per-character concatenation) with the separators owed between
 * them held back until the next visible text arrives; so nothing trails a block and nothing leads the text.
 */
class TextOut {
  private readonly parts: string[] = [];
  length = 0;
  /** Last code unit written, for the CJK line-break rule. */
  private last = 0;
  private breaks = 0;
  /** Collapsed white space owed: 'segment' is a run that held a line break, which CJK neighbours swallow. */
  private space: 'none' | 'space' | 'segment' | 'tab' = 'none';
  private awaiting: OpenHint[] = [];

  blockBoundary(): void {
    this.breaks = Math.max(this.breaks, 1);
    this.space = 'none';
  }

  lineBreak(): void {
    this.breaks++;
    this.space = 'none';
  }

  cellBoundary(): void {
    if (this.breaks === 0 && this.length > 0 && this.last !== 0x0a) this.space = 'tab';
  }

  awaitStart(hint: OpenHint): void {
    this.awaiting.push(hint);
  }

  stopAwaiting(hint: OpenHint): void {
    const i = this.awaiting.indexOf(hint);
    if (i >= 0) this.awaiting.splice(i, 1);
  }

  /** Text of a normal-flow text node: collapse white space, then write the words. */
  flow(text: string): void {
    let at = 0;
    HTML_SPACE.lastIndex = 0;
    for (let m = HTML_SPACE.exec(text); m; m = HTML_SPACE.exec(text)) {
      if (m.index > at) this.write(text.slice(at, m.index));
      this.owe(/[\n\r]/.test(m[0]) ? 'segment' : 'space');
      at = m.index + m[0].length;
    }
    if (at < text.length) this.write(text.slice(at));
  }

  /**
   * Preformatted text is written as is, except that its trailing line breaks are held back like block breaks:
   * a `<pre>` whose content ends in "\n" shows no empty line after it.
   */
  preformatted(text: string): void {
    let end = text.length;
    while (end > 0 && text.charCodeAt(end - 1) === 0x0a) end--;
    if (end > 0) this.write(text.slice(0, end));
    this.breaks += text.length - end;
  }

  toString(): string {
    return this.parts.join('');
  }

  private owe(kind: 'space' | 'segment'): void {
    if (this.space === 'tab' || this.space === 'segment') return;
    this.space = kind;
  }

  private write(chunk: string): void {
    if (this.length > 0) {
      if (this.breaks > 0) {
        this.push('\n'.repeat(this.breaks));
      } else if (this.space !== 'none' && this.last !== 0x0a) {
        const swallowed = this.space === 'segment' && isWide(this.last) && isWide(chunk.charCodeAt(0));
        if (!swallowed) this.push(this.space === 'tab' ? '\t' : ' ');
      }
    }
    this.breaks = 0;
    this.space = 'none';
    for (const hint of this.awaiting) hint.start = this.length;
    this.awaiting.length = 0;
    this.push(chunk);
  }

  private push(s: string): void {
    this.parts.push(s);
    this.length += s.length;
    this.last = s.charCodeAt(s.length - 1);
  }
}

/**
 * East Asian wide and half-width characters, between which CSS Text 3 removes a source line break: Japanese
 * HTML is often wrapped in the source, and "日本の\n政策" must read 日本の政策, not 日本の 政策.
 */
function isWide(c: number): boolean {
  return (
    (c >= 0x2e80 && c <= 0x303e) ||
    (c >= 0x3041 && c <= 0x33ff) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0xa000 && c <= 0xa4cf) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xff60) ||
    (c >= 0xff61 && c <= 0xff9f) ||
    (c >= 0xffe0 && c <= 0xffe6) ||
    (c >= 0xd800 && c <= 0xdfff)
  );
}
