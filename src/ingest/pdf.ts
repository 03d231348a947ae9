/**
 * PDF → SourceText, through pdf.js (pdfjs-dist v4, legacy build for Node).
 *
 * Two halves:
 *  1. extraction: pdf.js runs in a worker thread of its own, with a heap limit and a deadline, and sends back the
 *     positioned text items of every page. A hostile or broken file can exhaust that worker's memory or time,
 *     never the caller's process: the worker is terminated and the caller gets an IngestError.
 *  2. layout (pure, `layoutPdf`): items → lines → columns → paragraphs, the way a reader sees the page. Running
 *     headers, footers and page numbers are left out; superscript digits become footnote markers (recognised from
 *     their glyphs: smaller and raised, not guessed from digits); notes at the foot of pages (or in an end-notes
 *     section) are moved to a notes list at the end of the text under `注` (`Notes` in English) and linked to their
 *     markers; every character keeps the page it came from.
 *
 * Coordinates are pdf.js viewport units at scale 1 (PDF points, 1/72 in), origin top-left, y growing downwards;
 * an item's `y` is its baseline.
 */
import { toRoman } from './_roman.ts';
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { SourceText, BlockHint, FootnoteHint, PageHint } from '../core/text/source-text.ts';
import { assertSpan, type Span } from '../core/text/span.ts';
import { IngestError } from './errors.ts';

export interface PdfLimits {
  /** Larger inputs are refused before parsing. */
  readonly maxBytes: number;
  readonly maxPages: number;
  /** Heap of the pdf.js worker; a file that needs more is refused (E_TOO_LARGE). */
  readonly maxMemoryMb: number;
  /**
   * Largest buffer pdf.js may make (a decoded stream, a font, an image), in MB. Buffers live outside the heap,
   * so the heap cap does not bound them: a 1 MB file can hold a stream that inflates to a gigabyte.
   */
  readonly maxStreamMb: number;
  /** All the worker's buffers together, beyond the file itself, in MB. */
  readonly maxBuffersMb: number;
  /** Wall-clock budget for the whole extraction. */
  readonly timeoutMs: number;
  /** Longest text accepted, in UTF-16 code units. */
  readonly maxChars: number;
}

export const DEFAULT_PDF_LIMITS: PdfLimits = {
  maxBytes: 200 * 1024 * 1024,
  maxPages: 3000,
  maxMemoryMb: 1024,
  maxStreamMb: 64,
  maxBuffersMb: 256,
  timeoutMs: 120_000,
  maxChars: 20_000_000,
};

/**
 * Reads a PDF's text layer into a SourceText (format 'pdf').
 *
 * @example
 * const source = await pdfToSource(readFileSync('brief.pdf'), 'brief.pdf');
 * source.hints?.footnotes?.[0]; // { start, end, n: 1, note: { start, end } }
 */
export async function pdfToSource(bytes: Uint8Array, name: string, limits: Partial<PdfLimits> = {}): Promise<SourceText> {
  const pages = await extractPdfPages(bytes, name, limits);
  return layoutPdf(pages, name, { maxChars: limits.maxChars ?? DEFAULT_PDF_LIMITS.maxChars });
}

// ---------------------------------------------------------------------------------------------------------------
// Extraction

/** One run of text as pdf.js gives it, in viewport space. */
export interface PdfTextItem {
  readonly str: string;
  /** Left end of the baseline. */
  readonly x: number;
  /** Baseline. */
  readonly y: number;
  /** Advance width along the baseline. */
  readonly width: number;
  /** Font size (the text matrix' vertical scale). */
  readonly size: number;
  /** The PDF font's name (e.g. `ABCDEF+NotoSansCJKjp-Bold`), or pdf.js' id for it when the name is unknown. */
  readonly font: string;
}

export interface PdfPage {
  readonly width: number;
  readonly height: number;
  readonly items: readonly PdfTextItem[];
}

/**
 * The worker's source. It is plain JavaScript run with `eval`, so it needs no loader and no build step, and it
 * imports only pdf.js. pdf.js in Node runs its own "worker" on the thread that loads it, which is this one.
 *
 * Buffers: pdf.js decodes a stream into a typed array that it doubles as it grows, and typed arrays live
 * outside the heap that resourceLimits caps. So before pdf.js loads, the typed-array constructors it reaches
 * through the global object are wrapped: a buffer of 1 MB or more is checked against the largest one allowed
 * and against the worker's buffers in all, and refused (with a 'limit' message, on which the caller ends the
 * worker) before it is allocated. Images are not decoded at all (maxImageSize 0): text needs none.
 */
const WORKER_SOURCE = String.raw`
const { parentPort, workerData } = require('node:worker_threads');
// pdf.js reports recoverable damage through console.log; the caller gets a clean error or a result instead.
for (const k of ['log', 'info', 'warn', 'error', 'debug']) console[k] = () => {};
{
  const { maxStreamBytes, maxBuffersBytes } = workerData;
  const NativeArrayBuffer = ArrayBuffer;
  const budget = process.memoryUsage().arrayBuffers + 2 * workerData.bytes.byteLength + maxBuffersBytes;
  let reported = false;
  const refuse = (kind, bytes) => {
    if (!reported) {
      reported = true;
      parentPort.postMessage({ type: 'limit', kind, bytes });
    }
    throw new RangeError('buffer over the limit');
  };
  const check = (bytes) => {
    if (!(bytes >= 1048576)) return;
    if (bytes > maxStreamBytes) refuse('stream', bytes);
    if (process.memoryUsage().arrayBuffers + bytes > budget) refuse('total', bytes);
  };
  const guard = (Native) => new Proxy(Native, {
    construct(target, args, newTarget) {
      const a = args[0];
      const unit = target.BYTES_PER_ELEMENT || 1;
      if (typeof a === 'number') check(a * unit);
      else if (a && typeof a === 'object' && !(a instanceof NativeArrayBuffer) && !(typeof SharedArrayBuffer === 'function' && a instanceof SharedArrayBuffer) && typeof a.length === 'number') check(a.length * unit);
      return Reflect.construct(target, args, newTarget);
    },
  });
  for (const name of ['ArrayBuffer', 'Uint8Array', 'Uint8ClampedArray', 'Int8Array', 'Uint16Array', 'Int16Array', 'Uint32Array', 'Int32Array', 'Float32Array', 'Float64Array']) {
    globalThis[name] = guard(globalThis[name]);
  }
}
// A first look with zlib, which inflates a hundred times faster than pdf.js: a Flate stream that decodes to
// more than the largest buffer allowed is refused before pdf.js spends seconds on it. (Other filters, and
// streams this scan misses, meet the buffer guard above.)
function findFlateBomb(bytes, limit) {
  const zlib = require('node:zlib');
  const buf = Buffer.from(bytes);
  for (let at = buf.indexOf('stream'); at >= 0; at = buf.indexOf('stream', at + 6)) {
    if (at >= 3 && buf.latin1Slice(at - 3, at) === 'end') continue;
    let start = at + 6;
    if (buf[start] === 0x0d) start++;
    if (buf[start] !== 0x0a) continue;
    start++;
    const cmf = buf[start];
    const flg = buf[start + 1];
    if ((cmf & 0x0f) !== 8 || ((cmf << 8) | flg) % 31 !== 0) continue;
    try {
      zlib.inflateSync(buf.subarray(start), { maxOutputLength: limit, finishFlush: zlib.constants.Z_SYNC_FLUSH, chunkSize: 1 << 20 });
    } catch (e) {
      if (e && e.code === 'ERR_BUFFER_TOO_LARGE') return true;
    }
  }
  return false;
}
(async () => {
  const { bytes, pdfjsUrl, cMapUrl, standardFontDataUrl, maxPages } = workerData;
  if (findFlateBomb(bytes, workerData.maxStreamBytes)) {
    parentPort.postMessage({ type: 'limit', kind: 'stream', bytes: workerData.maxStreamBytes });
    return;
  }
  const pdfjs = await import(pdfjsUrl);
  let doc;
  try {
    doc = await pdfjs.getDocument({
      data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false,
      useWorkerFetch: false, enableXfa: false, verbosity: 0, cMapUrl, cMapPacked: true, standardFontDataUrl,
      maxImageSize: 0,
    }).promise;
  } catch (e) {
    parentPort.postMessage({ type: 'error', name: e && e.name, message: String(e && e.message || e) });
    return;
  }
  parentPort.postMessage({ type: 'open', pages: doc.numPages });
  if (doc.numPages > maxPages) return;
  for (let p = 1; p <= doc.numPages; p++) {
    try {
      const page = await doc.getPage(p);
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const items = [];
      for (const item of content.items) {
        if (typeof item.str !== 'string' || item.str.trim() === '') continue;
        const style = content.styles[item.fontName];
        if (style && style.vertical) continue;
        const m = pdfjs.Util.transform(viewport.transform, item.transform);
        const size = Math.hypot(m[2], m[3]);
        // Horizontal text only (a shear is allowed: synthetic italics); rotated margin notes are left out.
        if (!(size > 0.5) || !(m[0] > 0) || Math.abs(m[1]) > 0.02 * size || Math.abs(m[2]) > 0.4 * size) continue;
        items.push([item.str, m[4], m[5], item.width, size, item.fontName]);
      }
      const fonts = {};
      if (items.length > 0) {
        // The real font names (bold or not) reach this side only when the page's operator list is built.
        try {
          await page.getOperatorList();
          for (const item of items) {
            const id = item[5];
            if (id in fonts) continue;
            fonts[id] = page.commonObjs.has(id) ? String(page.commonObjs.get(id).name || id) : id;
          }
        } catch {}
      }
      parentPort.postMessage({ type: 'page', page: p, width: viewport.width, height: viewport.height, items, fonts });
      page.cleanup();
    } catch (e) {
      parentPort.postMessage({ type: 'error', page: p, name: e && e.name, message: String(e && e.message || e) });
      return;
    }
  }
  parentPort.postMessage({ type: 'done' });
  await doc.destroy();
})().catch((e) => parentPort.postMessage({ type: 'error', name: e && e.name, message: String(e && e.message || e) }));
`;

type WorkerMessage =
  | { type: 'open'; pages: number }
  | { type: 'limit'; kind: 'stream' | 'total'; bytes: number }
  | { type: 'page'; page: number; width: number; height: number; items: [string, number, number, number, number, string][]; fonts: Record<string, string> }
  | { type: 'error'; page?: number; name?: string; message: string }
  | { type: 'done' };

const require = createRequire(import.meta.url);

function pdfjsPaths(): { pdfjsUrl: string; cMapUrl: string; standardFontDataUrl: string } {
  const root = dirname(require.resolve('pdfjs-dist/package.json'));
  return {
    pdfjsUrl: pathToFileURL(join(root, 'legacy', 'build', 'pdf.mjs')).href,
    // Local files: pdf.js in Node reads them with fs, never over the network.
    cMapUrl: join(root, 'cmaps') + '/',
    standardFontDataUrl: join(root, 'standard_fonts') + '/',
  };
}

/** Runs pdf.js on `bytes` in a bounded worker and returns the text items of every page. */
export async function extractPdfPages(bytes: Uint8Array, name: string, partial: Partial<PdfLimits> = {}): Promise<PdfPage[]> {
  const limits = { ...DEFAULT_PDF_LIMITS, ...partial };
  if (bytes.length > limits.maxBytes) {
    throw new IngestError('E_TOO_LARGE', name, `the PDF is ${mb(bytes.length)}, more than the ${mb(limits.maxBytes)} accepted`);
  }
  if (bytes.length === 0) throw new IngestError('E_EMPTY', name, 'the file is empty');
  if (!hasPdfHeader(bytes)) throw new IngestError('E_CORRUPT', name, 'not a PDF file (no %PDF- header)');

  const buffer = new ArrayBuffer(bytes.length);
  new Uint8Array(buffer).set(bytes);
  const pages: PdfPage[] = [];
  return await new Promise<PdfPage[]>((resolve, reject) => {
    let settled = false;
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: {
        bytes: buffer, maxPages: limits.maxPages, ...pdfjsPaths(),
        maxStreamBytes: limits.maxStreamMb * 1024 * 1024, maxBuffersBytes: limits.maxBuffersMb * 1024 * 1024,
      },
      transferList: [buffer],
      resourceLimits: { maxOldGenerationSizeMb: limits.maxMemoryMb, maxYoungGenerationSizeMb: 64 },
      stdout: false,
      stderr: false,
    });
    const finish = (error: IngestError | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      if (error) reject(error);
      else resolve(pages);
    };
    const timer = setTimeout(
      () => finish(new IngestError('E_TOO_LARGE', name, `reading the PDF took longer than ${limits.timeoutMs / 1000} s; gave up`)),
      limits.timeoutMs,
    );
    worker.on('message', (message: WorkerMessage) => {
      switch (message.type) {
        case 'open':
          if (message.pages > limits.maxPages) {
            finish(new IngestError('E_TOO_LARGE', name, `the PDF has ${message.pages} pages, more than the ${limits.maxPages} accepted`));
          }
          return;
        case 'page':
          pages.push(toPage(message));
          return;
        case 'limit':
          finish(new IngestError('E_TOO_LARGE', name, message.kind === 'stream'
            ? `a stream in the PDF decodes to more than ${limits.maxStreamMb} MB (a compression bomb?); refused`
            : `reading the PDF needs more than ${limits.maxBuffersMb} MB of buffers; refused`));
          return;
        case 'error':
          finish(toIngestError(name, message, bytes));
          return;
        case 'done':
          finish(null);
          return;
      }
    });
    worker.on('error', (error: Error & { code?: string }) => {
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
        finish(new IngestError('E_TOO_LARGE', name, `reading the PDF needs more than ${limits.maxMemoryMb} MB of memory; gave up`));
      } else {
        finish(new IngestError('E_CORRUPT', name, `the PDF could not be read (${error.message})`));
      }
    });
    worker.on('exit', (code) => finish(new IngestError('E_CORRUPT', name, `the PDF reader stopped unexpectedly (exit code ${code})`)));
  });
}

function toPage(message: Extract<WorkerMessage, { type: 'page' }>): PdfPage {
  return {
    width: message.width,
    height: message.height,
    items: message.items.map(([str, x, y, width, size, id]) => ({ str, x, y, width, size, font: message.fonts[id] ?? id })),
  };
}

function toIngestError(name: string, message: Extract<WorkerMessage, { type: 'error' }>, bytes: Uint8Array): IngestError {
  if (message.name === 'PasswordException') {
    return new IngestError('E_ENCRYPTED', name, 'the PDF is encrypted (password-protected); remove the password and try again');
  }
  const truncated = !hasEofMarker(bytes) ? ' (the file looks truncated: it has no %%EOF end marker)' : '';
  const where = message.page ? `page ${message.page} cannot be read` : 'not a readable PDF';
  const detail = message.message && message.message.length < 200 ? `: ${message.message}` : '';
  return new IngestError('E_CORRUPT', name, `${where}${detail}${truncated}`);
}

function hasPdfHeader(bytes: Uint8Array): boolean {
  // The spec puts %PDF- at offset 0; readers accept it within the first KB (some files start with junk).
  const head = latin1(bytes.subarray(0, 1024));
  return head.includes('%PDF-');
}

function hasEofMarker(bytes: Uint8Array): boolean {
  return latin1(bytes.subarray(Math.max(0, bytes.length - 2048))).includes('%%EOF');
}

function latin1(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]!);
  return s;
}

function mb(n: number): string {
  if (n < 1024 * 1024) return `${Math.ceil(n / 1024)} KB`;
  return `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;
}

// ---------------------------------------------------------------------------------------------------------------
// Layout: the pure half. Everything below works on PdfPage[] and returns the SourceText.

const CJK = /[\u2e80-\u2fdf\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]/;
const LATIN_LETTER = /[A-Za-z\u00c0-\u024f]/;
const LOWER_LETTER = /[a-z\u00df-\u00ff\u0101-\u017f]/;
const HYPHENS = /[-\u00ad\u2010]$/;
const TERMINAL = /[。．.!?！？」』）)”"：:]$/;
const BULLET = /^([•・●○■□◆◇▪▫‣⁃∙◦※]|[-–—*](?=\s))/;
const NUMBERED_ITEM = /^(\d{1,2}[.)．）](?=\s|\D)|[(（]\d{1,2}[)）]|[①-⑳])/;
/** A heading over notes, bracketed or not (注, 【注】, ［註］, (Notes), Notes:). */
const NOTES_HEADING = /^[【［\[（(〔]?(注|註|脚注|注釈|後注|Notes?|NOTES?|Endnotes|ENDNOTES|Footnotes)[】］\]）)〕]?[:：]?$/;
const PAGE_NUMBER = /^(?:[-–—‐]\s*)?(?:(?:p\.?|page|ページ)\s*)?(\d{1,4}|[ivxlcdm]{1,7})(?:\s*(?:[/／]|of)\s*\d{1,4})?(?:\s*[-–—‐])?(?:\s*頁)?$/i;
const BOLD_FONT = /bold|black|heavy|demi|semibold|extrabold|ultrabold|[-_,]w[6-9]\b|\bw[6-9]$|-b$|gothic-?e\b/i;

/** A text item with what the layout needs to know about it. */
interface Glyph {
  readonly str: string;
  readonly x: number;
  readonly end: number;
  readonly y: number;
  readonly size: number;
  readonly bold: boolean;
  readonly page: number;
  /** Set when the item sits raised and smaller than its line's text: a superscript. */
  sup: boolean;
}

/** A line of text: glyphs sharing a baseline (superscripts included), left to right. */
interface Line {
  readonly page: number;
  glyphs: Glyph[];
  x0: number;
  x1: number;
  /** Baseline of the line's main text. */
  y: number;
  /** Size of most of the line's characters (superscripts aside). */
  size: number;
  bold: boolean;
  /** Column on its page (0 = left), and how many columns that page has. */
  col: number;
  cols: number;
}

interface Marker {
  readonly span: Span;
  readonly n: number;
  readonly roman: boolean;
}

interface Note {
  readonly n: number;
  /** The number as printed: "12", or "xii" for Word's roman end notes. */
  readonly label: string;
  readonly lines: Line[];
}

export interface LayoutOptions {
  readonly maxChars?: number;
}

/**
 * Turns the pages' text items into the SourceText a reader would type out.
 *
 * @example
 * const source = layoutPdf(await extractPdfPages(bytes, 'a.pdf'), 'a.pdf');
 */
export function layoutPdf(pages: readonly PdfPage[], name: string, options: LayoutOptions = {}): SourceText {
  const pageLines = pages.map((page, i) => buildLines(page, i + 1));
  if (pageLines.every((lines) => lines.length === 0)) {
    throw new IngestError('E_NO_TEXT', name, 'no text layer (scanned?)');
  }
  removeRunningText(pageLines, pages);
  const flows = pageLines.map((lines, i) => orderColumns(lines, pages[i]!));
  const all = flows.flat();
  if (all.length === 0) throw new IngestError('E_NO_TEXT', name, 'no text layer (scanned?)');
  const stats = measure(all);

  // Foot-of-page notes come out of each column's flow; end notes out of the end of the document.
  const notes: Note[] = [];
  const body: Line[] = [];
  for (const lines of flows) {
    const noteLines = new Set<Line>();
    for (const column of groupBy(lines, (l) => l.col)) {
      const { zone, footnotes } = splitFootnoteZone(column, stats, notes);
      for (const line of zone) noteLines.add(line);
      notes.push(...footnotes);
    }
    body.push(...lines.filter((line) => !noteLines.has(line)));
  }
  const endNotes = splitEndNotes(body, stats, notes);
  if (endNotes) {
    body.splice(endNotes.from, body.length - endNotes.from, ...endNotes.rest);
    notes.push(...endNotes.notes);
  }

  const romanMarkers = notes.some((note) => !/^\d/.test(note.label));
  const paragraphs = groupParagraphs(body, stats);
  const words = wordForms(all);
  const out = new TextOut();
  const blocks: BlockHint[] = [];
  const markers: Marker[] = [];
  const kinds = classify(paragraphs, stats);
  // The document's own notes heading, when it is the last heading of the body: the notes moved to the end
  // go under it instead of under a second 注 of our own (the notes' lines left it standing alone, or with
  // unnumbered remarks under it).
  const ownNotesHeading = notes.length > 0 ? findOwnNotesHeading(paragraphs, kinds) : -1;
  if (ownNotesHeading >= 0) kinds[ownNotesHeading] = { kind: 'heading', level: 1 };
  paragraphs.forEach((lines, i) => {
    const start = out.length;
    writeLines(out, lines, words, markers, false, romanMarkers);
    const kind = kinds[i]!;
    blocks.push(kind.level ? { start, end: out.length, kind: kind.kind, level: kind.level } : { start, end: out.length, kind: kind.kind });
    out.push('\n', out.lastPage);
  });

  const footnotes: FootnoteHint[] = [];
  // Keyed by number and numbering style: Word's footnotes (1, 2) and end notes (i, ii) both start at one.
  const noteKey = (n: number, roman: boolean) => `${roman ? 'r' : 'd'}${n}`;
  const noteSpans = new Map<string, Span>();
  if (notes.length > 0) {
    const language = isMostlyCjk(all) ? 'ja' : 'en';
    const firstPage = notes[0]!.lines[0]!.page;
    if (ownNotesHeading < 0) {
      const headingStart = out.length;
      out.push(language === 'ja' ? '注' : 'Notes', firstPage);
      blocks.push({ start: headingStart, end: out.length, kind: 'heading', level: 1 });
      out.push('\n', firstPage);
    }
    for (const note of notes) {
      const page = note.lines[0]!.page;
      out.push(`${note.label} `, page);
      const start = out.length;
      writeLines(out, note.lines, words, null, true);
      const key = noteKey(note.n, !/^\d/.test(note.label));
      if (!noteSpans.has(key)) noteSpans.set(key, { start, end: out.length });
      out.push('\n', out.lastPage);
    }
  }
  for (const { span, n, roman } of markers) {
    const note = noteSpans.get(noteKey(n, roman));
    footnotes.push(note ? { ...span, n, note } : { ...span, n });
  }

  const text = out.text();
  if (options.maxChars !== undefined && text.length > options.maxChars) {
    throw new IngestError('E_TOO_LARGE', name, `the PDF's text is ${text.length} characters, more than the ${options.maxChars} accepted`);
  }
  const pageHints = out.pages();
  for (const hint of [...blocks, ...footnotes, ...pageHints]) assertSpan(hint, text.length, 'pdf hint');
  for (const f of footnotes) if (f.note) assertSpan(f.note, text.length, 'pdf note');
  return { text, format: 'pdf', name, hints: { blocks, footnotes, pages: pageHints } };
}

/** The index of the body's last heading paragraph when it is a notes heading (注, 【注】, Notes), else -1. */
function findOwnNotesHeading(paragraphs: readonly Line[][], kinds: readonly Kind[]): number {
  for (let i = paragraphs.length - 1; i >= 0; i--) {
    const lines = paragraphs[i]!;
    const isNotes = lines.length === 1 && NOTES_HEADING.test(lineText(lines[0]!).replace(/\s+/g, ''));
    if (isNotes) return i;
    if (kinds[i]!.kind === 'heading') return -1;
  }
  return -1;
}

// --- items → lines ---------------------------------------------------------------------------------------------

function buildLines(page: PdfPage, pageNo: number): Line[] {
  const glyphs: Glyph[] = [];
  for (const item of page.items) {
    const str = item.str.replace(/[ \t\r\n\f\v\u00a0]+/g, ' ');
    if (str.trim() === '' || !(item.size > 0.5)) continue;
    // Soft hyphens inside a line are invisible; one at a line end is a hyphenation point (handled on join).
    glyphs.push({
      str,
      x: item.x,
      end: item.x + Math.max(item.width, 0),
      y: item.y,
      size: item.size,
      bold: BOLD_FONT.test(item.font.replace(/^[A-Z]{6}\+/, '')),
      page: pageNo,
      sup: false,
    });
  }
  glyphs.sort((a, b) => a.y - b.y || a.x - b.x);

  // A glyph joins the line whose text box it overlaps most (by half its own height at least). Boxes rather than
  // baselines, so that a superscript, whose baseline sits a third to a half of an em higher, stays on its line.
  const lines: { glyphs: Glyph[]; top: number; bottom: number; y: number; size: number }[] = [];
  for (const g of glyphs) {
    const top = g.y - 0.8 * g.size;
    const bottom = g.y + 0.2 * g.size;
    let best: (typeof lines)[number] | null = null;
    let bestOverlap = 0;
    for (let i = lines.length - 1; i >= 0; i--) {
      const line = lines[i]!;
      if (line.bottom < top - 2 * g.size) break;
      const overlap = Math.min(bottom, line.bottom) - Math.max(top, line.top);
      const ratio = overlap / Math.min(bottom - top, line.bottom - line.top);
      if (ratio >= 0.5 && ratio > bestOverlap) {
        best = line;
        bestOverlap = ratio;
      }
    }
    if (best) {
      best.glyphs.push(g);
      // The line's box follows its largest text, not its superscripts.
      if (g.size > best.size * 1.05) {
        best.size = g.size;
        best.y = g.y;
        best.top = top;
        best.bottom = bottom;
      }
    } else {
      lines.push({ glyphs: [g], top, bottom, y: g.y, size: g.size });
    }
  }

  const result: Line[] = [];
  for (const raw of lines) {
    const sorted = mergeRuns(dedupe(raw.glyphs.sort((a, b) => a.x - b.x)));
    // Split where a gap is much wider than any word space: side-by-side columns share baselines.
    let current: Glyph[] = [];
    for (const g of sorted) {
      const prev = current[current.length - 1];
      if (prev && g.x - prev.end > Math.max(1.6 * Math.max(prev.size, g.size), 12)) {
        result.push(makeLine(current, pageNo));
        current = [];
      }
      current.push(g);
    }
    if (current.length > 0) result.push(makeLine(current, pageNo));
  }
  return result.sort((a, b) => a.y - b.y || a.x0 - b.x0);
}

/** Drops a glyph printed twice on top of itself (a common way to fake bold). */
function dedupe(glyphs: Glyph[]): Glyph[] {
  const out: Glyph[] = [];
  for (const g of glyphs) {
    const prev = out[out.length - 1];
    if (prev && prev.str === g.str && Math.abs(prev.x - g.x) < 0.2 * g.size && Math.abs(prev.y - g.y) < 0.2 * g.size) continue;
    out.push(g);
  }
  return out;
}

/**
 * Glues touching items of one style into one: a PDF may set "19" as "1" and "9" in two font subsets, and a
 * marker or note number must be read whole.
 */
function mergeRuns(glyphs: Glyph[]): Glyph[] {
  const out: Glyph[] = [];
  for (const g of glyphs) {
    const prev = out[out.length - 1];
    if (
      prev &&
      prev.bold === g.bold &&
      Math.abs(prev.size - g.size) < 0.02 * g.size &&
      Math.abs(prev.y - g.y) < 0.1 * g.size &&
      Math.abs(g.x - prev.end) < 0.1 * g.size
    ) {
      out[out.length - 1] = { ...prev, str: prev.str + g.str, end: g.end };
    } else {
      out.push(g);
    }
  }
  return out;
}

function makeLine(glyphs: Glyph[], page: number): Line {
  // The main size is the one that covers most of the line (advance × size, so that the three letters of a
  // superscript "vii" do not outweigh the two full-size characters around it); superscripts are smaller and raised
  // relative to it.
  const bySize = new Map<number, number>();
  for (const g of glyphs) {
    const key = round(g.size, 0.25);
    bySize.set(key, (bySize.get(key) ?? 0) + Math.max(g.end - g.x, 0.1 * g.size * g.str.length) * g.size);
  }
  let size = glyphs[0]!.size;
  let most = -1;
  for (const [s, count] of bySize) {
    if (count > most || (count === most && s > size)) {
      size = s;
      most = count;
    }
  }
  const main = glyphs.filter((g) => Math.abs(g.size - size) <= 0.15 * size);
  const y = median(main.map((g) => g.y));
  for (const g of glyphs) g.sup = g.size <= 0.85 * size && y - g.y >= 0.12 * size;
  // A line of nothing but small raised glyphs has no reference to be raised against.
  if (glyphs.every((g) => g.sup)) for (const g of glyphs) g.sup = false;
  const chars = main.reduce((n, g) => n + g.str.length, 0);
  const boldChars = main.filter((g) => g.bold).reduce((n, g) => n + g.str.length, 0);
  return {
    page,
    glyphs,
    x0: glyphs[0]!.x,
    x1: Math.max(...glyphs.map((g) => g.end)),
    y,
    size,
    // Bold when (nearly) all of it is: a bold phrase inside a line of text does not make a heading.
    bold: boldChars >= 0.9 * chars,
    col: 0,
    cols: 1,
  };
}

function lineText(line: Line): string {
  return line.glyphs.map((g) => g.str).join('').trim();
}

// --- running headers, footers and page numbers -----------------------------------------------------------------

/**
 * Leaves out what repeats in the page margins: a line whose text stands at the same height on at least half of
 * the pages (two at least), the same apart from its numbers, where those numbers are the same on every page or
 * count with the page ("Brief No. 7", "3 | Arctic Brief"). Notes at the foot of a page repeat too ("5 Ibid., p. 41."
 * and "12 Ibid., p. 19.") but their numbers do not follow the pages, so they stay. Also leaves out a bare page
 * number that is the first or last line of its page.
 */
function removeRunningText(pageLines: Line[][], pages: readonly PdfPage[]): void {
  const inMargin = (line: Line) => {
    const h = pages[line.page - 1]!.height;
    return line.y < 0.12 * h || line.y > 0.88 * h;
  };
  // Neighbouring height buckets too, so that a line at a bucket edge still meets its twins.
  const keys = (line: Line) => {
    const shape = lineText(line).replace(/\s+/g, '').replace(/\d+/g, '#');
    return [0, 2, -2].map((dy) => `${shape}@${Math.round((line.y + dy) / 4)}`);
  };
  const groups = new Map<string, Map<number, number[]>>();
  for (const lines of pageLines) {
    for (const line of lines) {
      if (!inMargin(line)) continue;
      const numbers = (lineText(line).match(/\d+/g) ?? []).map(Number);
      for (const k of keys(line)) {
        if (!groups.has(k)) groups.set(k, new Map());
        groups.get(k)!.set(line.page, numbers);
      }
    }
  }
  const needed = Math.max(2, Math.ceil(pageLines.length / 2));
  const running = new Set<string>();
  for (const [k, byPage] of groups) {
    if (byPage.size < needed) continue;
    const entries = [...byPage.entries()];
    const width = entries[0]![1].length;
    const followsPages = [...Array(width).keys()].every((j) => {
      const same = entries.every(([, nums]) => nums[j] === entries[0]![1][j]);
      const offset = entries[0]![1][j]! - entries[0]![0];
      const counts = entries.every(([page, nums]) => nums[j]! - page === offset);
      return same || counts;
    });
    if (followsPages) running.add(k);
  }
  pageLines.forEach((lines, i) => {
    const kept = lines.filter((line) => !(inMargin(line) && keys(line).some((k) => running.has(k))));
    // A bare number at the top or bottom edge of what is left.
    if (kept.length > 0 && inMargin(kept[0]!) && PAGE_NUMBER.test(lineText(kept[0]!))) kept.shift();
    const last = kept[kept.length - 1];
    if (last && inMargin(last) && PAGE_NUMBER.test(lineText(last))) kept.pop();
    pageLines[i] = kept;
  });
}

// --- columns ---------------------------------------------------------------------------------------------------

/**
 * Puts a page's lines in reading order. A page has two columns when a vertical gutter near its middle is crossed by
 * few lines while many lines stand wholly on each side of it, side by side. Lines that cross the gutter (a title
 * across both columns) cut the page into bands; each band is read left column first.
 */
function orderColumns(lines: Line[], page: PdfPage): Line[] {
  const gutter = findGutter(lines, page.width);
  if (gutter === null) return mergeSameBaseline(lines);
  const ordered: Line[] = [];
  let left: Line[] = [];
  let right: Line[] = [];
  const flush = () => {
    ordered.push(...mergeSameBaseline(left), ...mergeSameBaseline(right));
    left = [];
    right = [];
  };
  for (const line of [...lines].sort((a, b) => a.y - b.y || a.x0 - b.x0)) {
    if (line.x1 <= gutter) {
      line.col = 0;
      line.cols = 2;
      left.push(line);
    } else if (line.x0 >= gutter) {
      line.col = 1;
      line.cols = 2;
      right.push(line);
    } else {
      flush();
      ordered.push(line);
    }
  }
  flush();
  return ordered;
}

function findGutter(lines: Line[], width: number): number | null {
  if (lines.length < 8) return null;
  let best: { x: number; crossing: number; left: number; right: number } | null = null;
  // About a hundred candidate gutters whatever the page size, so that a huge page costs no more than a small one.
  const step = Math.max(2, width / 250);
  for (let x = width * 0.3; x <= width * 0.7; x += step) {
    let crossing = 0;
    let left = 0;
    let right = 0;
    for (const line of lines) {
      if (line.x1 <= x) left++;
      else if (line.x0 >= x) right++;
      else crossing++;
    }
    if (!best || crossing < best.crossing || (crossing === best.crossing && Math.min(left, right) > Math.min(best.left, best.right))) {
      best = { x, crossing, left, right };
    }
  }
  if (!best) return null;
  const sides = best.left + best.right;
  if (best.crossing > 0.15 * lines.length || best.left < 4 || best.right < 4) return null;
  if (best.left < 0.2 * sides || best.right < 0.2 * sides) return null;
  // Side by side, not one above the other: the two sides must share a good part of their height.
  const ys = (keep: (l: Line) => boolean) => lines.filter(keep).map((l) => l.y);
  const l = ys((line) => line.x1 <= best.x);
  const r = ys((line) => line.x0 >= best.x);
  const overlap = Math.min(Math.max(...l), Math.max(...r)) - Math.max(Math.min(...l), Math.min(...r));
  const shorter = Math.min(Math.max(...l) - Math.min(...l), Math.max(...r) - Math.min(...r));
  if (overlap < 0.3 * shorter) return null;
  return best.x;
}

/** Pieces of one visual line split by a wide gap but in the same column become one line again. */
function mergeSameBaseline(lines: Line[]): Line[] {
  const sorted = [...lines].sort((a, b) => a.y - b.y || a.x0 - b.x0);
  const out: Line[] = [];
  for (const line of sorted) {
    const prev = out[out.length - 1];
    if (prev && Math.abs(prev.y - line.y) < 0.2 * Math.min(prev.size, line.size) && line.x0 >= prev.x1) {
      out[out.length - 1] = { ...prev, glyphs: [...prev.glyphs, ...line.glyphs], x1: line.x1, bold: prev.bold && line.bold };
    } else {
      out.push(line);
    }
  }
  return out;
}

// --- document measures -----------------------------------------------------------------------------------------

interface Stats {
  /** The size of the body text: the size most characters have. */
  readonly size: number;
  /** Baseline-to-baseline distance of body lines within a paragraph. */
  readonly pitch: number;
  readonly bodyBold: boolean;
  /** Left and right edges of the body text, per column layout (`cols/col`). */
  readonly edges: Map<string, { left: number; right: number }>;
}

function measure(lines: Line[]): Stats {
  const chars = new Map<number, number>();
  for (const line of lines) {
    const n = line.glyphs.reduce((k, g) => k + (g.sup ? 0 : g.str.length), 0);
    chars.set(line.size, (chars.get(line.size) ?? 0) + n);
  }
  const size = argmax(chars);
  const isBody = (l: Line) => Math.abs(l.size - size) <= 0.06 * size;
  const pitches = new Map<number, number>();
  for (let i = 1; i < lines.length; i++) {
    const a = lines[i - 1]!;
    const b = lines[i]!;
    if (a.page !== b.page || a.col !== b.col || !isBody(a) || !isBody(b)) continue;
    const d = b.y - a.y;
    if (d > 0.9 * size && d < 3 * size) pitches.set(round(d, 0.5), (pitches.get(round(d, 0.5)) ?? 0) + 1);
  }
  const pitch = pitches.size > 0 ? argmax(pitches) : size * 1.3;
  const body = lines.filter(isBody);
  const boldChars = body.filter((l) => l.bold).length;
  const edges = new Map<string, { left: number; right: number }>();
  for (const group of groupBy(body, (l) => `${l.cols}/${l.col}`)) {
    const starts = new Map<number, number>();
    for (const l of group) starts.set(Math.round(l.x0), (starts.get(Math.round(l.x0)) ?? 0) + 1);
    // The right edge: where most long lines end, robust to a URL or a table row that sticks out.
    const ends = group.map((l) => l.x1).sort((a, b) => a - b);
    edges.set(`${group[0]!.cols}/${group[0]!.col}`, { left: argmax(starts), right: ends[Math.floor(0.9 * (ends.length - 1))]! });
  }
  return { size, pitch, bodyBold: boldChars > body.length / 2, edges };
}

function edgesOf(stats: Stats, line: Line): { left: number; right: number } {
  return stats.edges.get(`${line.cols}/${line.col}`) ?? { left: line.x0, right: line.x1 };
}

// --- notes -----------------------------------------------------------------------------------------------------

/** A superscript's number: digits, or a lower-case roman numeral (Word numbers end notes i, ii, iii). */
function supValue(str: string): { n: number; label: string } | null {
  const s = str.trim();
  if (/^\d{1,4}$/.test(s)) return { n: Number(s), label: s };
  if (/^[ivxlc]{1,8}$/.test(s)) {
    const n = romanValue(s);
    if (n > 0 && toRoman(n) === s) return { n, label: s };
  }
  return null;
}

function romanValue(s: string): number {
  const values: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100 };
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const v = values[s[i]!]!;
    const next = values[s[i + 1] ?? ''] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}


const LEADING_NUMBER = /^(?:注\s*)?[(（[［]?(\d{1,4})(?:[)）\]］.．]\s*|\s+)(?=\S)/;

/**
 * The number a note line starts with: a superscript (or smaller) number, or digits set apart from the text by a
 * space, a period or a bracket ("1 ", "1.", "(1)", "[1]", "注1").
 */
function leadingNoteNumber(line: Line): { n: number; label: string } | null {
  const first = line.glyphs[0]!;
  if ((first.sup || first.size < line.size * 0.85) && line.glyphs.length > 1) {
    const value = supValue(first.str);
    if (value) return value;
  }
  const m = LEADING_NUMBER.exec(lineText(line));
  return m ? { n: Number(m[1]), label: m[1]! } : null;
}

/** Removes the note number from the start of a note's first line. */
function stripNoteNumber(line: Line): Line {
  const first = line.glyphs[0]!;
  if ((first.sup || first.size < line.size * 0.85) && line.glyphs.length > 1 && supValue(first.str)) {
    return { ...line, glyphs: line.glyphs.slice(1) };
  }
  const m = LEADING_NUMBER.exec(lineText(line));
  let drop = m ? m[0].length : 0;
  const glyphs: Glyph[] = [];
  for (const g of line.glyphs) {
    const s = glyphs.length === 0 ? g.str.trimStart() : g.str;
    if (drop >= s.length) {
      drop -= s.length;
      continue;
    }
    glyphs.push(drop > 0 ? { ...g, str: s.slice(drop) } : g);
    drop = 0;
  }
  return { ...line, glyphs };
}

/** The numbers of a line's superscript markers (roman ones too when `roman`). */
function markerNumbers(line: Line, roman = true): number[] {
  return line.glyphs
    .filter((g) => g.sup)
    .flatMap((g) => {
      if (/^\s*\d/.test(g.str)) return parseMarker(g.str).flatMap((m) => (m.n === undefined ? [] : [m.n]));
      const value = roman ? supValue(g.str) : null;
      return value ? [value.n] : [];
    });
}

/**
 * Separates the notes at the foot of one column of one page from its text. The note zone is the run of lines at
 * the bottom of the column that are smaller than the body text, starting at a line that begins with a note
 * number; small lines above the first numbered one continue the last note of an earlier page. Notes set at the
 * body size are taken too when they begin with a superscript number whose marker stands above them, after a gap.
 */
function splitFootnoteZone(column: Line[], stats: Stats, earlier: Note[]): { zone: Line[]; footnotes: Note[] } {
  const small = (l: Line) => l.size < 0.92 * stats.size;
  let start = column.length;
  while (start > 0 && small(column[start - 1]!)) start--;
  let zoneStart = -1;
  for (let i = start; i < column.length; i++) {
    if (leadingNoteNumber(column[i]!)) {
      zoneStart = i;
      break;
    }
  }
  // Small lines above the first numbered one continue a note from an earlier page, if there is one.
  if (zoneStart > start && earlier.length === 0) start = zoneStart;
  if (zoneStart < 0) {
    // Body-size notes: a superscript-numbered line after a gap, whose number a marker above already used.
    const above = new Set<number>();
    for (let i = 0; i < column.length; i++) {
      const line = column[i]!;
      const first = line.glyphs[0]!;
      const gap = i > 0 ? line.y - column[i - 1]!.y : 0;
      const value = first.sup ? supValue(first.str) : null;
      if (i > 0 && value && above.has(value.n) && gap > 1.4 * stats.pitch && line.size <= stats.size * 1.02) {
        start = i;
        zoneStart = i;
        break;
      }
      for (const n of markerNumbers(line)) above.add(n);
    }
    if (zoneStart < 0) return { zone: [], footnotes: [] };
  }
  const footnotes: Note[] = [];
  const zone: Line[] = [];
  let last = earlier.length > 0 ? earlier[earlier.length - 1]! : null;
  const pending = new Set(column.slice(0, start).flatMap((l) => markerNumbers(l)));
  for (let i = start; i < column.length; i++) {
    const line = column[i]!;
    const lead = i >= zoneStart ? leadingNoteNumber(line) : null;
    const lastN = last?.n ?? 0;
    if (lead && (lead.n === lastN + 1 || (lead.n > lastN && pending.has(lead.n)) || last === null)) {
      last = { ...lead, lines: [stripNoteNumber(line)] };
      footnotes.push(last);
      zone.push(line);
    } else if (last) {
      last.lines.push(line);
      zone.push(line);
    }
  }
  return { zone, footnotes };
}

/**
 * End notes: the numbered notes that close the document, after a heading such as 注 or Notes, or (as Word and
 * LibreOffice set them) on their own after the text, set apart by a page break, a gap or a smaller size. Numbered
 * lines must count up from 1 (or from after the foot-of-page notes), and at least half of their numbers must stand
 * as superscript markers in the text above, so that a closing numbered list is not taken for notes. Returns where
 * the notes start in `body`, the notes, and the lines after them that are not notes (a profile, a bibliography).
 */
function splitEndNotes(body: Line[], stats: Stats, footnotes: readonly Note[]): { from: number; notes: Note[]; rest: Line[] } | null {
  const lastN = footnotes.length > 0 ? footnotes[footnotes.length - 1]!.n : 0;
  // Markers the foot-of-page notes already answer are not evidence for end notes.
  const linked = new Set(footnotes.map((note) => note.n));
  let tries = 0;
  for (let k = 1; k < body.length && tries < 50; k++) {
    const lead = leadingNoteNumber(body[k]!);
    if (!lead || (lead.n !== 1 && lead.n !== lastN + 1)) continue;
    tries++;
    const prev = body[k - 1]!;
    const heading = NOTES_HEADING.test(lineText(prev).replace(/\s+/g, ''));
    const apart =
      heading ||
      body[k]!.page !== prev.page ||
      body[k]!.col !== prev.col ||
      body[k]!.y - prev.y > 1.5 * stats.pitch ||
      body[k]!.size < prev.size * 0.92;
    if (!apart) continue;
    const notes: Note[] = [];
    let i = k;
    for (; i < body.length; i++) {
      const line = body[i]!;
      const next = leadingNoteNumber(line);
      const current = notes[notes.length - 1];
      if (next && (!current || next.n === current.n + 1)) {
        notes.push({ ...next, lines: [stripNoteNumber(line)] });
      } else if (current && Math.abs(line.size - current.lines[0]!.size) <= 0.08 * line.size && line.bold === current.lines[0]!.bold) {
        current.lines.push(line);
      } else {
        break;
      }
    }
    if (notes.length < 2 && !heading) continue;
    const markers = new Set(body.slice(0, k).flatMap((l) => markerNumbers(l)).filter((n) => !linked.has(n)));
    if (notes.filter((note) => markers.has(note.n)).length < 0.5 * notes.length) continue;
    return { from: heading ? k - 1 : k, notes, rest: body.slice(i) };
  }
  return null;
}

// --- paragraphs ------------------------------------------------------------------------------------------------

function startsItem(line: Line): boolean {
  const text = lineText(line);
  if (text.startsWith('・')) {
    // The middle dot also joins names (ミッコ・J・ラークソネン) and may open a wrapped line; as a bullet it
    // stands apart from its text.
    const first = line.glyphs[0]!;
    const apart = /^・\s/.test(text) || (first.str.trim() === '・' && (line.glyphs[1]?.x ?? first.end) - first.end > 0.2 * line.size);
    return apart;
  }
  return BULLET.test(text) || NUMBERED_ITEM.test(text);
}

/** Where the text of a bulleted line starts (after its bullet), for its wrapped lines to align with. */
function itemTextStart(line: Line): number {
  const first = line.glyphs[0]!;
  if (line.glyphs.length > 1 && first.str.trim().length <= 3) return line.glyphs[1]!.x;
  return line.x0;
}

/** Groups lines in reading order into paragraphs. */
function groupParagraphs(lines: Line[], stats: Stats): Line[][] {
  const paragraphs: Line[][] = [];
  let current: Line[] = [];
  for (const line of lines) {
    const prev = current[current.length - 1];
    if (prev && continues(prev, line, current, stats)) {
      current.push(line);
    } else {
      if (current.length > 0) paragraphs.push(current);
      current = [line];
    }
  }
  if (current.length > 0) paragraphs.push(current);
  return paragraphs;
}

/** Whether `b` continues the paragraph whose last line so far is `a`. */
function continues(a: Line, b: Line, paragraph: Line[], stats: Stats): boolean {
  const size = Math.max(a.size, b.size);
  if (Math.abs(a.size - b.size) > 0.08 * size) return false;
  if (a.bold !== b.bold && !stats.bodyBold) return false;
  if (startsItem(b)) return false;
  const { left, right } = edgesOf(stats, b);
  // After a finished sentence, a short line that is not one reads as a heading, even in the body's type.
  const bText = b.glyphs.filter((g, i) => !(g.sup && i > 0)).map((g) => g.str).join('').trim();
  if (TERMINAL.test(lineText(a)) && b.x1 < right - 0.3 * (right - left) && bText.length <= 80 && !/[.,;:、。，．!?！？」』）)"”]$/.test(bText)) {
    return false;
  }
  // A line is full when the next line's first word would not have fitted at its end: that is why it broke.
  // Justified and ragged-right text alike; a paragraph's last line leaves more room than that.
  const room = edgesOf(stats, a).right - a.x1;
  const aFull = room < Math.max(firstWordWidth(b) + 0.3 * a.size, 1.2 * a.size);
  const bIndented = b.x0 > left + 0.5 * b.size;
  const display = a.size > stats.size * 1.08 || (a.bold && !stats.bodyBold);

  if (a.page !== b.page || a.col !== b.col || b.y <= a.y) {
    // A new page or column: the paragraph goes on when its last line ran to the margin and the next line is not
    // indented (its first line would be).
    return (aFull || display) && !bIndented && !(display && TERMINAL.test(lineText(a)));
  }
  const gap = b.y - a.y;
  const expected = Math.abs(a.size - stats.size) <= 0.08 * stats.size ? stats.pitch : size * (stats.pitch / stats.size);
  if (gap > expected * 1.3 + 0.5) return false;
  if (display) return true; // a title or heading set over several lines
  // The wrapped line of a list item aligns with the item's text, right of its bullet (a hanging indent).
  const hanging = itemTextStart(a);
  if (paragraph.length === 1 && startsItem(a) && hanging > a.x0 + 0.3 * size && Math.abs(b.x0 - hanging) < 0.6 * size) return true;
  if (paragraph.length > 1 || !startsItem(a)) {
    if (b.x0 > a.x0 + 0.5 * size && a.x0 <= left + 0.3 * size) return false; // a first-line indent
  }
  if (b.x0 < a.x0 - 0.5 * size && paragraph.length > 1) return false; // an outdent after a wrapped block
  // A line not starting at the margin (centred, right-aligned) stands alone unless the next one is centred with it.
  if (a.x0 > left + 2 * a.size) {
    const centred = Math.abs((a.x0 + a.x1) / 2 - (b.x0 + b.x1) / 2) < a.size;
    if (!centred) return false;
  }
  return aFull;
}

/**
 * The width the first word of a line needs at the end of the line before. For Japanese, a character and the
 * ones that may not start a line (、。・」) that would have come along with it.
 */
function firstWordWidth(line: Line): number {
  const first = line.glyphs[0]!;
  const text = lineText(line);
  if (CJK.test(text[0] ?? '')) {
    // Latin letters glued by a middle dot (・J・) do not break either.
    const noStart = /^.[、。，．・」』）〕】ー々ゝゞぁぃぅぇぉっゃゅょァィゥェォッャュョ！？A-Za-z0-9]*/.exec(text)![0].length;
    return (noStart + 0.5) * line.size;
  }
  const word = /^\S+/.exec(first.str.trimStart())?.[0] ?? '';
  const perChar = first.str.length > 0 ? (first.end - first.x) / first.str.length : 0.5 * line.size;
  return word.length * perChar;
}

interface Kind {
  readonly kind: BlockHint['kind'];
  readonly level?: number;
}

/** Titles, headings (levels from size and weight), list items and paragraphs. */
function classify(paragraphs: Line[][], stats: Stats): Kind[] {
  const info = paragraphs.map((lines) => {
    const text = lines.map(lineText).join('');
    const size = Math.max(...lines.map((l) => l.size));
    const bold = lines.every((l) => l.bold);
    const larger = size >= stats.size * 1.1;
    const emphasised = bold && !stats.bodyBold && size >= stats.size * 0.95;
    const short = lines.length <= 3 && text.length <= (CJK.test(text) ? 80 : 160) && !/[。．]$/.test(text);
    return { size, bold, heading: short && (larger || emphasised), item: startsItem(lines[0]!), page: lines[0]!.page };
  });
  // The title: the one largest heading of the first page, larger than every other heading.
  const headings = info.filter((x) => x.heading);
  const maxSize = Math.max(0, ...headings.map((x) => x.size));
  const atMax = headings.filter((x) => x.size >= maxSize - 0.25);
  const titleIndex = atMax.length === 1 && atMax[0]!.page === 1 && headings.some((x) => x.size < maxSize - 0.25) ? info.indexOf(atMax[0]!) : -1;
  const styles = [...new Set(headings.filter((x) => info.indexOf(x) !== titleIndex).map((x) => `${round(x.size, 0.5)}|${x.bold ? 1 : 0}`))]
    .map((k) => ({ k, size: Number(k.split('|')[0]), bold: k.endsWith('|1') }))
    .sort((a, b) => b.size - a.size || Number(b.bold) - Number(a.bold));
  return info.map((x, i) => {
    if (i === titleIndex) return { kind: 'title' };
    if (x.heading) {
      const level = styles.findIndex((s) => s.k === `${round(x.size, 0.5)}|${x.bold ? 1 : 0}`) + 1;
      return { kind: 'heading', level: Math.min(level, 6) };
    }
    return { kind: x.item ? 'list-item' : 'paragraph' };
  });
}

// --- writing text ----------------------------------------------------------------------------------------------

/** The output text, with the page of every character. */
class TextOut {
  private readonly parts: string[] = [];
  private readonly runs: PageHint[] = [];
  length = 0;
  lastPage = 1;

  push(s: string, page: number): void {
    if (s.length === 0) return;
    this.parts.push(s);
    const last = this.runs[this.runs.length - 1];
    if (last && last.page === page) this.runs[this.runs.length - 1] = { ...last, end: this.length + s.length };
    else this.runs.push({ start: this.length, end: this.length + s.length, page });
    this.length += s.length;
    this.lastPage = page;
  }

  text(): string {
    return this.parts.join('');
  }

  pages(): PageHint[] {
    return this.runs;
  }
}

interface Piece {
  text: string;
  page: number;
  marker?: number;
  /** A roman-numeral marker (an end note), linked to the roman-numbered notes. */
  roman?: boolean;
}

/**
 * Writes a paragraph's (or a note's) lines: glyphs joined with a space where the gap between them is a word
 * space, lines joined without a space between Japanese characters, with one between words, and with the
 * hyphen of a word broken at a line end taken out. Superscript digits in body text become markers.
 */
function writeLines(
  out: TextOut,
  lines: Line[],
  words: Set<string>,
  markers: Marker[] | null,
  plain = false,
  roman = false,
): void {
  const pieces: Piece[] = [];
  lines.forEach((line, li) => {
    const linePieces = linePiecesOf(line, markers !== null && !plain, roman);
    trimPieces(linePieces);
    if (linePieces.length === 0) return;
    if (li > 0 && pieces.length > 0) joinLines(pieces, linePieces, words);
    pieces.push(...linePieces);
  });
  for (const piece of pieces) {
    if (piece.text.length === 0) continue;
    const start = out.length;
    out.push(piece.text, piece.page);
    if (piece.marker !== undefined && markers) markers.push({ span: { start, end: out.length }, n: piece.marker, roman: piece.roman === true });
  }
}

function linePiecesOf(line: Line, findMarkers: boolean, roman: boolean): Piece[] {
  const pieces: Piece[] = [];
  let prev: Glyph | null = null;
  for (const g of line.glyphs) {
    let str = g.str.replace(/\u00ad(?=.)/g, '');
    if (prev) {
      const gap = g.x - prev.end;
      const before = lastChar(pieces);
      const after = str[0] ?? '';
      const cjk = CJK.test(before) || CJK.test(after);
      const threshold = g.sup ? 0.25 * line.size : cjk ? 0.8 * line.size : 0.15 * line.size;
      // A bullet keeps the gap after it as a space, whatever script follows.
      const afterBullet = pieces.length === 1 && BULLET.test(pieces[0]!.text.trim()) && gap > 0.25 * line.size;
      if ((gap > threshold || afterBullet) && before !== ' ' && after !== ' ' && !(g.sup && !afterBullet && gap < 0.6 * line.size)) {
        // A wide gap beside Japanese text is what a full-width space looks like (PDF writers often draw none).
        const wide = cjk && !afterBullet && gap >= 0.8 * line.size;
        pieces.push({ text: wide ? '\u3000' : ' ', page: line.page });
      }
    }
    const romanValue = g.sup && findMarkers && roman ? supValue(str) : null;
    if (g.sup && findMarkers && /^\s*\d/.test(str)) {
      for (const part of parseMarker(str)) {
        pieces.push(part.n !== undefined ? { text: part.text, page: line.page, marker: part.n } : { text: part.text, page: line.page });
      }
    } else if (romanValue) {
      pieces.push({ text: str.trim(), page: line.page, marker: romanValue.n, roman: true });
    } else {
      if (pieces.length > 0 && lastChar(pieces) === ' ' && str.startsWith(' ')) str = str.slice(1);
      pieces.push({ text: str, page: line.page });
    }
    prev = g;
  }
  return pieces;
}

/** Splits superscript text such as "12", "3,4" or "5-7" into marker numbers and the separators between them. */
function parseMarker(str: string): { text: string; n?: number }[] {
  const out: { text: string; n?: number }[] = [];
  for (const token of str.split(/(\d+)/)) {
    if (token === '') continue;
    if (/^\d+$/.test(token)) out.push({ text: token, n: Number(token) });
    else out.push({ text: token });
  }
  return out;
}

function trimPieces(pieces: Piece[]): void {
  while (pieces.length > 0 && pieces[0]!.text.trim() === '') pieces.shift();
  while (pieces.length > 0 && pieces[pieces.length - 1]!.text.trim() === '') pieces.pop();
  if (pieces.length === 0) return;
  const first = pieces[0]!;
  if (first.marker === undefined) first.text = first.text.trimStart();
  const last = pieces[pieces.length - 1]!;
  if (last.marker === undefined) last.text = last.text.trimEnd();
}

function lastChar(pieces: Piece[]): string {
  for (let i = pieces.length - 1; i >= 0; i--) {
    const t = pieces[i]!.text;
    if (t.length > 0) return t[t.length - 1]!;
  }
  return '';
}

/**
 * Joins line `next` to the pieces so far: no space between Japanese characters; an English word broken with a
 * hyphen is mended, unless the document writes that word with its hyphen elsewhere; otherwise one space.
 */
function joinLines(pieces: Piece[], next: Piece[], words: Set<string>): void {
  const last = pieces[pieces.length - 1]!;
  const before = lastChar(pieces);
  const after = next[0]!.text[0] ?? '';
  // The end of the text so far, across pieces (the hyphen may be a glyph of its own).
  let ending = '';
  for (let i = pieces.length - 1; i >= 0 && ending.length < 40; i--) ending = pieces[i]!.text + ending;
  if (last.marker === undefined && HYPHENS.test(last.text) && LATIN_LETTER.test(ending.slice(-2, -1))) {
    const head = /[A-Za-z\u00c0-\u024f]+$/.exec(ending.slice(0, -1))?.[0] ?? '';
    const tail = /^[A-Za-z\u00c0-\u024f]+/.exec(next[0]!.text)?.[0] ?? '';
    const soft = last.text.endsWith('\u00ad');
    const keepHyphen = !soft && (!LOWER_LETTER.test(after) || (words.has(`${head}-${tail}`.toLowerCase()) && !words.has(`${head}${tail}`.toLowerCase())));
    if (!keepHyphen) last.text = last.text.slice(0, -1);
    return;
  }
  // A line ending in a dash or a hyphen after a digit ("45-" / "62頁") runs on without a space.
  if (CJK.test(before) || CJK.test(after) || /[-\u2010-\u2015]/.test(before)) return;
  pieces.push({ text: ' ', page: last.page });
}

/** Every word form the document shows inside a line, to tell a hyphenated compound from a hyphenated break. */
function wordForms(lines: Line[]): Set<string> {
  const words = new Set<string>();
  for (const line of lines) {
    const text = line.glyphs.map((g) => g.str).join(' ');
    for (const m of text.matchAll(/[A-Za-z\u00c0-\u024f]+(?:-[A-Za-z\u00c0-\u024f]+)*/g)) {
      const w = m[0].toLowerCase();
      // A word at the end of the line may be the first half of a break.
      if (m.index! + m[0].length >= text.length - 1) continue;
      words.add(w);
      for (const part of w.split('-')) words.add(part);
    }
  }
  return words;
}

// --- small helpers ---------------------------------------------------------------------------------------------

function isMostlyCjk(lines: Line[]): boolean {
  let cjk = 0;
  let all = 0;
  for (const line of lines) {
    for (const ch of lineText(line)) {
      if (/\s/.test(ch)) continue;
      all++;
      if (CJK.test(ch)) cjk++;
    }
  }
  return cjk > 0.2 * all;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string | number): T[][] {
  const groups = new Map<string | number, T[]>();
  for (const item of items) {
    const k = key(item);
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k)!.push(item);
  }
  return [...groups.values()];
}

function argmax(counts: Map<number, number>): number {
  let best = 0;
  let most = -1;
  for (const [value, count] of counts) {
    if (count > most) {
      best = value;
      most = count;
    }
  }
  return best;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function round(value: number, step: number): number {
  return Math.round(value / step) * step;
}
