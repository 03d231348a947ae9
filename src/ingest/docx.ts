/**
 * Word .docx → SourceText: the body's paragraphs in order, one per line; headings from their styles (Heading 1,
 * 見出し 1, Title, or an outline level); list paragraphs with the number or bullet Word shows; footnote and endnote
 * references written as their numbers where they stand, and the notes gathered at the end under `注` (`Notes` in
 * English), each linked to its marker.
 *
 * A .docx is a ZIP of XML parts, and both layers can be weapons. The ZIP is read by hand here (central directory,
 * then each needed entry inflated in a stream) so that every size is checked before and while it is inflated:
 * the entry count, the total declared size, each entry's compression ratio, and the bytes actually produced.
 * XML parts with a DTD or entity declarations are refused outright: Word never writes them, and expanding them is
 * how XXE and billion-laughs attacks work.
 */
import { toRoman } from './_roman.ts';
import { Inflate } from 'fflate';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { SourceText, BlockHint, FootnoteHint } from '../core/text/source-text.ts';
import { assertSpan, type Span } from '../core/text/span.ts';
import { IngestError } from './errors.ts';

export interface DocxLimits {
  readonly maxBytes: number;
  readonly maxEntries: number;
  /** Sum of the sizes of all entries once inflated. */
  readonly maxUncompressed: number;
  /** Largest inflate ratio accepted for an entry of more than 1 MB (deflate's own limit is about 1032). */
  readonly maxRatio: number;
}

export const DEFAULT_DOCX_LIMITS: DocxLimits = {
  maxBytes: 100 * 1024 * 1024,
  maxEntries: 5000,
  maxUncompressed: 100 * 1024 * 1024,
  maxRatio: 200,
};

/**
 * Reads a Word document into a SourceText (format 'docx').
 *
 * @example
 * const source = await docxToSource(readFileSync('draft.docx'), 'draft.docx');
 * source.hints?.blocks?.filter((b) => b.kind === 'heading'); // [{ start, end, kind: 'heading', level: 1 }, …]
 */
export async function docxToSource(bytes: Uint8Array, name: string, limits: Partial<DocxLimits> = {}): Promise<SourceText> {
  const zip = openZip(bytes, name, { ...DEFAULT_DOCX_LIMITS, ...limits });
  const xml = (path: string) => readXmlPart(zip, path, name);

  const mainPath = findMainDocument(zip, xml);
  const main = xml(mainPath);
  if (!main) throw new IngestError('E_CORRUPT', name, `not a Word document (no ${mainPath} part)`);
  const rels = relationships(xml(relsPathOf(mainPath)), dirOf(mainPath));
  const part = (type: string, fallback: string) => xml(rels.get(type) ?? fallback);

  const styles = readStyles(part('styles', 'word/styles.xml'));
  const numbering = readNumbering(part('numbering', 'word/numbering.xml'));
  const settings = part('settings', 'word/settings.xml');
  const footnotes = readNotes(part('footnotes', 'word/footnotes.xml'), 'footnote');
  const endnotes = readNotes(part('endnotes', 'word/endnotes.xml'), 'endnote');

  const body = findChild(main.root, main.w('body'));
  if (!body) throw new IngestError('E_CORRUPT', name, `${mainPath} has no document body`);
  const noteFormats = readNoteFormats(settings, body, main.w);
  const paragraphs: Paragraph[] = [];
  collectParagraphs(children(body), main.w, paragraphs);
  return buildSource(paragraphs, { styles, numbering, footnotes, endnotes, noteFormats }, name);
}

// ---------------------------------------------------------------------------------------------------------------
// ZIP

interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localOffset: number;
}

interface Zip {
  readonly bytes: Uint8Array;
  readonly entries: Map<string, ZipEntry>;
  readonly limits: DocxLimits;
  /** Bytes inflated so far, against limits.maxUncompressed. */
  inflated: number;
}

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function openZip(bytes: Uint8Array, name: string, limits: DocxLimits): Zip {
  if (bytes.length === 0) throw new IngestError('E_EMPTY', name, 'the file is empty');
  if (bytes.length > limits.maxBytes) {
    throw new IngestError('E_TOO_LARGE', name, `the Word file is ${mb(bytes.length)}, more than the ${mb(limits.maxBytes)} accepted`);
  }
  if (OLE_SIGNATURE.every((b, i) => bytes[i] === b)) {
    // Word saves a password-protected .docx as an OLE compound file holding an EncryptedPackage stream.
    if (containsUtf16(bytes, 'EncryptedPackage')) {
      throw new IngestError('E_ENCRYPTED', name, 'the Word file is password-protected (encrypted); remove the password and try again');
    }
    throw new IngestError('E_UNSUPPORTED', name, 'old binary Office document (.doc), not supported; save it as .docx');
  }
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) throw new IngestError('E_CORRUPT', name, 'not a .docx file (not a ZIP archive)');

  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndOfCentralDirectory(bytes, view);
  if (eocd < 0) throw new IngestError('E_CORRUPT', name, 'the .docx is truncated or corrupt (no ZIP end record)');
  const count = view.getUint16(eocd + 10, true);
  const cdSize = view.getUint32(eocd + 12, true);
  const cdOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || cdOffset === 0xffffffff) {
    throw new IngestError('E_TOO_LARGE', name, 'the .docx is a ZIP64 archive, which no Word file of an accepted size needs');
  }
  if (count > limits.maxEntries) {
    throw new IngestError('E_TOO_LARGE', name, `the .docx holds ${count} files, more than the ${limits.maxEntries} accepted`);
  }
  if (cdOffset + cdSize > eocd) throw new IngestError('E_CORRUPT', name, 'the .docx is truncated or corrupt (ZIP directory out of range)');

  const entries = new Map<string, ZipEntry>();
  let total = 0;
  let at = cdOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > eocd || view.getUint32(at, true) !== 0x02014b50) {
      throw new IngestError('E_CORRUPT', name, 'the .docx is corrupt (bad ZIP directory entry)');
    }
    const nameLength = view.getUint16(at + 28, true);
    const entry: ZipEntry = {
      flags: view.getUint16(at + 8, true),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      localOffset: view.getUint32(at + 42, true),
      name: new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)),
    };
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    if (entry.flags & 1) throw new IngestError('E_ENCRYPTED', name, `the .docx has encrypted ZIP entries (${entry.name})`);
    total += entry.size;
    if (total > limits.maxUncompressed) {
      throw new IngestError('E_TOO_LARGE', name, `the .docx would inflate to more than ${mb(limits.maxUncompressed)} (a zip bomb?)`);
    }
    if (entry.size > 1024 * 1024 && entry.size > limits.maxRatio * Math.max(1, entry.compressedSize)) {
      throw new IngestError(
        'E_TOO_LARGE',
        name,
        `${entry.name} inflates ${Math.round(entry.size / Math.max(1, entry.compressedSize))} times its size (a zip bomb?)`,
      );
    }
    entries.set(entry.name, entry);
  }
  return { bytes, entries, limits, inflated: 0 };
}

function findEndOfCentralDirectory(bytes: Uint8Array, view: DataView): number {
  // The end record is 22 bytes plus a comment of at most 65535.
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && view.getUint32(i, true) === 0x06054b50) return i;
  }
  return -1;
}

/** Inflates one entry, checking the bytes produced against what its header declared and against the caps. */
function readEntry(zip: Zip, entry: ZipEntry, name: string): Uint8Array {
  const { bytes } = zip;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== 0x04034b50) {
    throw new IngestError('E_CORRUPT', name, `the .docx is corrupt (${entry.name}: bad ZIP entry header)`);
  }
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw new IngestError('E_CORRUPT', name, `the .docx is truncated (${entry.name} is cut off)`);
  const data = bytes.subarray(start, end);
  if (entry.method === 0) {
    if (entry.size !== entry.compressedSize) throw new IngestError('E_CORRUPT', name, `the .docx is corrupt (${entry.name}: size mismatch)`);
    zip.inflated += data.length;
    return data;
  }
  if (entry.method !== 8) {
    throw new IngestError('E_UNSUPPORTED', name, `${entry.name} uses ZIP compression method ${entry.method}, which Word never writes`);
  }
  const chunks: Uint8Array[] = [];
  let produced = 0;
  let overflow = false;
  const inflate = new Inflate((chunk) => {
    produced += chunk.length;
    zip.inflated += chunk.length;
    // More than the header declared means the header lies; past the total cap means a bomb either way.
    if (produced > entry.size || zip.inflated > zip.limits.maxUncompressed) overflow = true;
    else chunks.push(chunk);
  });
  try {
    // Small input steps: deflate can expand a step a thousandfold before the check above sees it.
    const step = 16 * 1024;
    for (let i = 0; i < data.length && !overflow; i += step) {
      inflate.push(data.subarray(i, Math.min(data.length, i + step)), i + step >= data.length);
    }
    if (data.length === 0) inflate.push(new Uint8Array(0), true);
  } catch (error) {
    throw new IngestError('E_CORRUPT', name, `the .docx is corrupt (${entry.name}: ${error instanceof Error ? error.message : String(error)})`);
  }
  if (overflow) {
    throw new IngestError('E_TOO_LARGE', name, `${entry.name} inflates to more than its header says or than ${mb(zip.limits.maxUncompressed)} (a zip bomb?)`);
  }
  if (produced !== entry.size) {
    throw new IngestError('E_CORRUPT', name, `the .docx is corrupt (${entry.name} inflates to ${produced} bytes, not ${entry.size})`);
  }
  const out = new Uint8Array(produced);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

function containsUtf16(bytes: Uint8Array, word: string): boolean {
  const first = word.charCodeAt(0);
  outer: for (let i = 0; i + word.length * 2 <= bytes.length; i++) {
    if (bytes[i] !== first || bytes[i + 1] !== 0) continue;
    for (let k = 1; k < word.length; k++) {
      if (bytes[i + 2 * k] !== word.charCodeAt(k) || bytes[i + 2 * k + 1] !== 0) continue outer;
    }
    return true;
  }
  return false;
}

function mb(n: number): string {
  if (n < 1024 * 1024) return `${Math.ceil(n / 1024)} KB`;
  return `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;
}

// ---------------------------------------------------------------------------------------------------------------
// XML

/** fast-xml-parser's ordered form: `{ 'w:p': [children], ':@': { attributes } }` or `{ '#text': '…' }`. */
type XmlNode = Record<string, unknown>;

interface XmlPart {
  readonly root: XmlNode;
  /** The qualified name of a WordprocessingML element in this part, whatever prefix the part gives its namespace. */
  readonly w: (local: string) => string;
}

const W_NAMESPACES = ['http://schemas.openxmlformats.org/wordprocessingml/2006/main', 'http://purl.oclc.org/ooxml/wordprocessingml/main'];

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  // Entities are decoded here, in one pass (decodeXml), so that "&amp;#38;" stays "&#38;".
  processEntities: false,
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

function readXmlPart(zip: Zip, path: string, name: string): XmlPart | null {
  const entry = zip.entries.get(path);
  if (!entry) return null;
  const text = decodeXmlBytes(readEntry(zip, entry, name));
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) {
    throw new IngestError('E_CORRUPT', name, `${path} declares a DTD or entities (<!DOCTYPE>/<!ENTITY>), which Word never writes; refusing to read it`);
  }
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    throw new IngestError('E_CORRUPT', name, `${path} is not well-formed XML (line ${valid.err.line}: ${valid.err.msg})`);
  }
  const nodes = parser.parse(text) as XmlNode[];
  const root = nodes.find((n) => Object.keys(n).some((k) => k !== ':@' && k !== '#text'));
  if (!root) throw new IngestError('E_CORRUPT', name, `${path} has no root element`);
  const attrs = attributes(root);
  let prefix: string | null = null;
  for (const [key, value] of Object.entries(attrs)) {
    if (W_NAMESPACES.includes(value)) prefix = key === 'xmlns' ? '' : key.replace(/^xmlns:/, '');
  }
  const p = prefix ?? 'w';
  return { root, w: (local) => (p ? `${p}:${local}` : local) };
}

function decodeXmlBytes(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  return new TextDecoder('utf-8').decode(bytes);
}

const XML_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeXml(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return XML_ENTITIES[ref] ?? whole;
  });
}

function tagOf(node: XmlNode): string {
  for (const key of Object.keys(node)) if (key !== ':@') return key;
  return '';
}

function children(node: XmlNode): XmlNode[] {
  const value = node[tagOf(node)];
  return Array.isArray(value) ? (value as XmlNode[]) : [];
}

function attributes(node: XmlNode): Record<string, string> {
  return (node[':@'] as Record<string, string> | undefined) ?? {};
}

/** An attribute by local name, whatever its prefix (w:val, val, ns0:val). */
function attr(node: XmlNode | undefined, local: string): string | undefined {
  if (!node) return undefined;
  const attrs = attributes(node);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === local || key.endsWith(`:${local}`)) return decodeXml(String(value));
  }
  return undefined;
}

function findChild(node: XmlNode | undefined, tag: string): XmlNode | undefined {
  if (!node) return undefined;
  return children(node).find((c) => tagOf(c) === tag);
}

function textOf(node: XmlNode): string {
  return children(node)
    .map((c) => (tagOf(c) === '#text' ? decodeXml(String(c['#text'])) : ''))
    .join('');
}

// ---------------------------------------------------------------------------------------------------------------
// Package structure

function findMainDocument(zip: Zip, xml: (path: string) => XmlPart | null): string {
  const rels = relationships(xml('_rels/.rels'), '');
  const main = rels.get('officeDocument');
  if (main && zip.entries.has(main)) return main;
  return 'word/document.xml';
}

function relsPathOf(path: string): string {
  const dir = dirOf(path);
  return `${dir}_rels/${path.slice(dir.length)}.rels`;
}

function dirOf(path: string): string {
  return path.slice(0, path.lastIndexOf('/') + 1);
}

/** Relationship type (its last path segment: styles, footnotes …) → part path inside the package. */
function relationships(part: XmlPart | null, base: string): Map<string, string> {
  const map = new Map<string, string>();
  if (!part) return map;
  for (const rel of children(part.root)) {
    if (!tagOf(rel).endsWith('Relationship')) continue;
    const type = attr(rel, 'Type')?.replace(/^.*\//, '');
    const target = attr(rel, 'Target');
    if (!type || !target || attr(rel, 'TargetMode') === 'External') continue;
    map.set(type, resolvePath(base, target));
  }
  return map;
}

function resolvePath(base: string, target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : base + target).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

// ---------------------------------------------------------------------------------------------------------------
// Styles and numbering

interface Style {
  readonly name: string;
  readonly basedOn?: string;
  readonly outlineLevel?: number;
  readonly numId?: string;
  readonly ilvl?: number;
}

interface Styles {
  readonly byId: Map<string, Style>;
  readonly defaultId?: string;
}

function readStyles(part: XmlPart | null): Styles {
  const byId = new Map<string, Style>();
  let defaultId: string | undefined;
  if (!part) return { byId };
  const { w } = part;
  for (const style of children(part.root)) {
    if (tagOf(style) !== w('style') || attr(style, 'type') !== 'paragraph') continue;
    const id = attr(style, 'styleId');
    if (!id) continue;
    const pPr = findChild(style, w('pPr'));
    const numPr = findChild(pPr, w('numPr'));
    const outline = attr(findChild(pPr, w('outlineLvl')), 'val');
    const ilvl = attr(findChild(numPr, w('ilvl')), 'val');
    byId.set(id, {
      name: attr(findChild(style, w('name')), 'val') ?? id,
      basedOn: attr(findChild(style, w('basedOn')), 'val'),
      outlineLevel: outline !== undefined ? Number(outline) : undefined,
      numId: attr(findChild(numPr, w('numId')), 'val'),
      ilvl: ilvl !== undefined ? Number(ilvl) : undefined,
    });
    if (attr(style, 'default') === '1' || attr(style, 'default') === 'true') defaultId = id;
  }
  return { byId, defaultId };
}

/** The style and the styles it is based on, nearest first (cycles cut). */
function styleChain(styles: Styles, id: string | undefined): Style[] {
  const chain: Style[] = [];
  const seen = new Set<string>();
  let current = id ?? styles.defaultId;
  while (current && !seen.has(current) && chain.length < 20) {
    seen.add(current);
    const style = styles.byId.get(current);
    if (!style) break;
    chain.push(style);
    current = style.basedOn;
  }
  return chain;
}

interface Level {
  readonly format: string;
  readonly text: string;
  readonly start: number;
  readonly suffix: string;
}

interface Numbering {
  /** numId → ilvl → level. */
  readonly levels: Map<string, Map<number, Level>>;
}

function readNumbering(part: XmlPart | null): Numbering {
  const levels = new Map<string, Map<number, Level>>();
  if (!part) return { levels };
  const { w } = part;
  const abstract = new Map<string, Map<number, Level>>();
  const readLevels = (node: XmlNode, into: Map<number, Level>) => {
    for (const lvl of children(node)) {
      if (tagOf(lvl) !== w('lvl')) continue;
      const ilvl = Number(attr(lvl, 'ilvl') ?? 0);
      into.set(ilvl, {
        format: attr(findChild(lvl, w('numFmt')), 'val') ?? 'decimal',
        text: attr(findChild(lvl, w('lvlText')), 'val') ?? '',
        start: Number(attr(findChild(lvl, w('start')), 'val') ?? 1),
        suffix: attr(findChild(lvl, w('suff')), 'val') ?? 'tab',
      });
    }
  };
  for (const node of children(part.root)) {
    if (tagOf(node) !== w('abstractNum')) continue;
    const map = new Map<number, Level>();
    readLevels(node, map);
    abstract.set(attr(node, 'abstractNumId') ?? '', map);
  }
  for (const node of children(part.root)) {
    if (tagOf(node) !== w('num')) continue;
    const base = abstract.get(attr(findChild(node, w('abstractNumId')), 'val') ?? '') ?? new Map<number, Level>();
    const map = new Map(base);
    for (const override of children(node)) {
      if (tagOf(override) !== w('lvlOverride')) continue;
      const ilvl = Number(attr(override, 'ilvl') ?? 0);
      const own = new Map<number, Level>();
      const lvl = findChild(override, w('lvl'));
      if (lvl) readLevels({ [w('lvlOverride')]: [lvl] }, own);
      const start = attr(findChild(override, w('startOverride')), 'val');
      const level = own.get(ilvl) ?? map.get(ilvl);
      if (level) map.set(ilvl, start !== undefined ? { ...level, start: Number(start) } : level);
    }
    levels.set(attr(node, 'numId') ?? '', map);
  }
  return { levels };
}

/** Symbol-font bullets are private-use characters; show what they look like. */
const SYMBOL_BULLETS: Readonly<Record<number, string>> = { 0xf0b7: '•', 0xf0a7: '▪', 0xf0d8: '➢', 0xf0fc: '✓', 0xf076: '❖', 0xf06e: '■', 0xf071: '❑', 0xf0a8: '◆' };

function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'none':
      return '';
    case 'lowerRoman':
      return toRoman(n);
    case 'upperRoman':
      return toRoman(n).toUpperCase();
    case 'lowerLetter':
      return toLetters(n).toLowerCase();
    case 'upperLetter':
      return toLetters(n);
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n);
    case 'aiueoFullWidth':
    case 'aiueo':
      return 'アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲン'[(n - 1) % 46]!;
    case 'iroha':
    case 'irohaFullWidth':
      return 'イロハニホヘトチリヌルヲワカヨタレソツネナラムウヰノオクヤマケフコエテアサキユメミシヱヒモセス'[(n - 1) % 47]!;
    case 'japaneseCounting':
    case 'ideographTraditional':
    case 'chineseCounting':
      return toKanji(n);
    default:
      return String(n);
  }
}


function toLetters(n: number): string {
  // Word repeats the letter: a … z, aa … zz.
  const letter = String.fromCharCode(65 + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

function toKanji(n: number): string {
  const digits = '〇一二三四五六七八九';
  if (n < 10) return digits[n]!;
  if (n < 100) return `${n >= 20 ? digits[Math.floor(n / 10)] : ''}十${n % 10 ? digits[n % 10] : ''}`;
  return String(n);
}

// ---------------------------------------------------------------------------------------------------------------
// Notes

interface NoteText {
  readonly text: string;
}

/** The notes of footnotes.xml or endnotes.xml by id, separators left out. */
function readNotes(part: XmlPart | null, kind: 'footnote' | 'endnote'): Map<string, NoteText> {
  const notes = new Map<string, NoteText>();
  if (!part) return notes;
  const { w } = part;
  for (const note of children(part.root)) {
    if (tagOf(note) !== w(kind)) continue;
    const type = attr(note, 'type');
    if (type && type !== 'normal') continue;
    const paragraphs: Paragraph[] = [];
    collectParagraphs(children(note), w, paragraphs);
    const lines = paragraphs
      .map((p) => trimSegments(flattenBreaks(p.pieces)).map((x) => (typeof x === 'string' ? x : '')).join(''))
      .filter(Boolean);
    notes.set(attr(note, 'id') ?? '', { text: joinLines(lines) });
  }
  return notes;
}

interface NoteFormats {
  readonly footnote: { format: string; start: number };
  readonly endnote: { format: string; start: number };
}

/** Number formats of the notes: settings.xml, overridden by the body's last section properties. */
function readNoteFormats(settings: XmlPart | null, body: XmlNode, w: (local: string) => string): NoteFormats {
  const read = (pr: XmlNode | undefined, fallback: { format: string; start: number }) => ({
    format: attr(findChild(pr, w('numFmt')), 'val') ?? fallback.format,
    start: Number(attr(findChild(pr, w('numStart')), 'val') ?? fallback.start),
  });
  const sw = settings?.w ?? w;
  // Word's defaults: footnotes 1, 2, 3; endnotes i, ii, iii.
  let footnote = read(findChild(settings?.root, sw('footnotePr')), { format: 'decimal', start: 1 });
  let endnote = read(findChild(settings?.root, sw('endnotePr')), { format: 'lowerRoman', start: 1 });
  const sectPr = findChild(body, w('sectPr'));
  footnote = read(findChild(sectPr, w('footnotePr')), footnote);
  endnote = read(findChild(sectPr, w('endnotePr')), endnote);
  return { footnote, endnote };
}

// ---------------------------------------------------------------------------------------------------------------
// Body

/** A note reference where it stands in a paragraph. */
interface NoteRef {
  readonly kind: 'footnote' | 'endnote';
  readonly id: string;
  /** The mark the author typed instead of a number (w:customMarkFollows), if any. */
  custom?: string;
}

interface Paragraph {
  readonly styleId?: string;
  readonly outlineLevel?: number;
  readonly numId?: string;
  readonly ilvl?: number;
  /** Text, with note references where they stand. `\n` marks a line break inside the paragraph. */
  readonly pieces: (string | NoteRef)[];
}

/** Walks block-level content (body, table cells, content controls) and collects its paragraphs in order. */
function collectParagraphs(nodes: XmlNode[], w: (local: string) => string, out: Paragraph[]): void {
  for (const node of nodes) {
    const tag = tagOf(node);
    if (tag === w('p')) out.push(readParagraph(node, w));
    else if (tag === w('tbl') || tag === w('tr') || tag === w('tc') || tag === w('customXml') || tag === w('ins') || tag === w('moveTo')) {
      collectParagraphs(children(node), w, out);
    } else if (tag === w('sdt')) {
      collectParagraphs(children(findChild(node, w('sdtContent')) ?? {}), w, out);
    }
  }
}

function readParagraph(p: XmlNode, w: (local: string) => string): Paragraph {
  const pPr = findChild(p, w('pPr'));
  const numPr = findChild(pPr, w('numPr'));
  const outline = attr(findChild(pPr, w('outlineLvl')), 'val');
  const ilvl = attr(findChild(numPr, w('ilvl')), 'val');
  const pieces: (string | NoteRef)[] = [];
  readInline(children(p), w, pieces);
  return {
    styleId: attr(findChild(pPr, w('pStyle')), 'val'),
    outlineLevel: outline !== undefined ? Number(outline) : undefined,
    numId: attr(findChild(numPr, w('numId')), 'val'),
    ilvl: ilvl !== undefined ? Number(ilvl) : undefined,
    pieces,
  };
}

/** Inline content: runs and the containers that hold runs (links, insertions, fields, content controls, ruby). */
function readInline(nodes: XmlNode[], w: (local: string) => string, out: (string | NoteRef)[]): void {
  for (const node of nodes) {
    const tag = tagOf(node);
    if (tag === w('r')) readRun(node, w, out);
    else if (tag === w('hyperlink') || tag === w('ins') || tag === w('moveTo') || tag === w('smartTag') || tag === w('customXml') || tag === w('fldSimple') || tag === w('dir') || tag === w('bdo')) {
      readInline(children(node), w, out);
    } else if (tag === w('sdt')) {
      readInline(children(findChild(node, w('sdtContent')) ?? {}), w, out);
    }
    // w:del, w:moveFrom (deleted text), w:pPr, bookmarks, comments, proofing marks: nothing a reader sees.
  }
}

function readRun(run: XmlNode, w: (local: string) => string, out: (string | NoteRef)[]): void {
  const rPr = findChild(run, w('rPr'));
  const vanish = findChild(rPr, w('vanish'));
  if (vanish && attr(vanish, 'val') !== '0' && attr(vanish, 'val') !== 'false') return; // hidden text
  let customFor: NoteRef | null = null;
  for (const node of children(run)) {
    const tag = tagOf(node);
    if (tag === w('t')) {
      // A soft hyphen typed into the text is invisible unless the line breaks there (Word writes w:softHyphen).
      // Line-breaking characters in the XML text (a pretty-printed part) are spaces: one paragraph, one line.
      const text = textOf(node).replace(/\u00ad/g, '').replace(/[\r\n\t\v\f\u0085\u2028\u2029]+/g, ' ');
      if (customFor) {
        customFor.custom = text;
        customFor = null;
      } else {
        out.push(text);
      }
    } else if (tag === w('tab') || tag === w('ptab')) out.push(' ');
    else if (tag === w('br') || tag === w('cr')) {
      const type = attr(node, 'type');
      if (type !== 'page' && type !== 'column') out.push('\n');
    } else if (tag === w('noBreakHyphen')) out.push('-');
    else if (tag === w('sym')) {
      const code = parseInt(attr(node, 'char') ?? '', 16);
      if (Number.isFinite(code) && code > 0) out.push(SYMBOL_BULLETS[code] ?? String.fromCodePoint(code >= 0xf000 && code <= 0xf0ff ? code - 0xf000 : code));
    } else if (tag === w('footnoteReference') || tag === w('endnoteReference')) {
      const ref: NoteRef = { kind: tag === w('footnoteReference') ? 'footnote' : 'endnote', id: attr(node, 'id') ?? '' };
      out.push(ref);
      const custom = attr(node, 'customMarkFollows');
      if (custom === '1' || custom === 'true') customFor = ref;
    } else if (tag === w('ruby')) {
      // Show the base text, not its reading (furigana).
      readInline(children(findChild(node, w('rubyBase')) ?? {}), w, out);
    }
    // w:softHyphen, w:instrText, w:delText, w:footnoteRef (a note's own number), drawings: nothing in the text.
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Output

const CJK = /[\u2e80-\u2fdf\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]/;

/** Joins lines the way a reader does: nothing between Japanese characters, a space between words. */
function joinLines(lines: string[]): string {
  let out = '';
  for (const line of lines) {
    if (out && line && !CJK.test(out[out.length - 1]!) && !CJK.test(line[0]!)) out += ' ';
    out += line;
  }
  return out;
}

interface Context {
  readonly styles: Styles;
  readonly numbering: Numbering;
  readonly footnotes: Map<string, NoteText>;
  readonly endnotes: Map<string, NoteText>;
  readonly noteFormats: NoteFormats;
}

function buildSource(paragraphs: Paragraph[], context: Context, name: string): SourceText {
  const { styles, numbering, noteFormats } = context;
  let text = '';
  const blocks: BlockHint[] = [];
  const markers: { span: Span; ref: NoteRef; n: number }[] = [];
  const counters = new Map<string, number[]>();
  const noteNumbers = { footnote: noteFormats.footnote.start, endnote: noteFormats.endnote.start };
  const used: { ref: NoteRef; n: number; label: string }[] = [];
  let cjk = 0;
  let letters = 0;

  for (const paragraph of paragraphs) {
    const chain = styleChain(styles, paragraph.styleId);
    const kind = blockKind(paragraph, chain);
    const numId = paragraph.numId ?? chain.find((s) => s.numId !== undefined)?.numId;
    const ilvl = paragraph.ilvl ?? chain.find((s) => s.ilvl !== undefined)?.ilvl ?? 0;
    const label = numId && numId !== '0' ? listLabel(numbering, counters, numId, ilvl) : '';

    // The paragraph's text, its line breaks joined like wrapped lines, and its note references numbered.
    const segments: (string | { ref: NoteRef; n: number; label: string })[] = [];
    for (const piece of paragraph.pieces) {
      if (typeof piece === 'string') {
        segments.push(piece);
        continue;
      }
      const notes = piece.kind === 'footnote' ? context.footnotes : context.endnotes;
      if (!notes.has(piece.id)) continue;
      const n = noteNumbers[piece.kind]++;
      const format = piece.kind === 'footnote' ? noteFormats.footnote.format : noteFormats.endnote.format;
      const marker = { ref: piece, n, label: piece.custom ?? formatNumber(n, format) };
      segments.push(marker);
      used.push(marker);
    }
    const flat = trimSegments(flattenBreaks(segments));
    const plain = flat.map((s) => (typeof s === 'string' ? s : s.label)).join('');
    if (plain === '') continue;

    const start = text.length;
    text += label;
    for (const segment of flat) {
      if (typeof segment === 'string') {
        text += segment;
      } else {
        const at = text.length;
        text += segment.label;
        markers.push({ span: { start: at, end: text.length }, ref: segment.ref, n: segment.n });
      }
    }
    for (const ch of plain) {
      if (CJK.test(ch)) cjk++;
      else if (/\p{L}/u.test(ch)) letters++;
    }
    const block: BlockHint =
      kind.kind === 'heading' ? { start, end: text.length, kind: 'heading', level: kind.level } : { start, end: text.length, kind: label && kind.kind === 'paragraph' ? 'list-item' : kind.kind };
    blocks.push(block);
    text += '\n';
  }
  if (text.length === 0) throw new IngestError('E_NO_TEXT', name, 'the Word document has no text');

  const footnotes: FootnoteHint[] = [];
  if (used.length > 0) {
    const headingStart = text.length;
    text += cjk >= 0.2 * (cjk + letters) ? '注' : 'Notes';
    blocks.push({ start: headingStart, end: text.length, kind: 'heading', level: 1 });
    text += '\n';
    const noteSpans = new Map<NoteRef, Span>();
    // Footnotes first, then endnotes, each in the order their markers stand.
    for (const kind of ['footnote', 'endnote'] as const) {
      for (const { ref, label } of used.filter((u) => u.ref.kind === kind)) {
        const note = (kind === 'footnote' ? context.footnotes : context.endnotes).get(ref.id)!;
        text += `${label} `;
        const start = text.length;
        text += note.text;
        noteSpans.set(ref, { start, end: text.length });
        text += '\n';
      }
    }
    for (const { span, ref, n } of markers) footnotes.push({ ...span, n, note: noteSpans.get(ref)! });
  }
  for (const hint of [...blocks, ...footnotes]) assertSpan(hint, text.length, 'docx hint');
  for (const f of footnotes) if (f.note) assertSpan(f.note, text.length, 'docx note');
  return { text, format: 'docx', name, hints: { blocks, footnotes } };
}

/** Trims a paragraph's own leading and trailing blanks: a full-width indent is layout, not text. */
function trimSegments<T>(segments: (string | T)[]): (string | T)[] {
  const out = [...segments];
  while (out.length > 0 && typeof out[0] === 'string' && (out[0] as string).replace(/^[\s\u3000]+/, '') === '') out.shift();
  while (out.length > 0 && typeof out[out.length - 1] === 'string' && (out[out.length - 1] as string).replace(/[\s\u3000]+$/, '') === '') out.pop();
  if (typeof out[0] === 'string') out[0] = (out[0] as string).replace(/^[\s\u3000]+/, '');
  const last = out.length - 1;
  if (last >= 0 && typeof out[last] === 'string') out[last] = (out[last] as string).replace(/[\s\u3000]+$/, '');
  return out;
}

/** A line break inside a paragraph joins like a wrapped line: nothing between Japanese characters, else a space. */
function flattenBreaks<T>(segments: (string | T)[]): (string | T)[] {
  const BREAK = Symbol('break');
  const split: (string | T | typeof BREAK)[] = [];
  for (const segment of segments) {
    if (typeof segment !== 'string' || !segment.includes('\n')) {
      split.push(segment);
      continue;
    }
    segment.split('\n').forEach((part, i) => {
      if (i > 0) split.push(BREAK);
      if (part) split.push(part);
    });
  }
  const out: (string | T)[] = [];
  split.forEach((segment, i) => {
    if (segment !== BREAK) {
      out.push(segment as string | T);
      return;
    }
    const before = lastCharOf(out);
    const next = split.slice(i + 1).find((x) => x !== BREAK);
    const after = next === undefined ? '' : typeof next === 'string' ? next[0]! : '0';
    if (before && after && !CJK.test(before) && !CJK.test(after) && !/\s/.test(before) && !/\s/.test(after)) out.push(' ');
  });
  return out;
}

function lastCharOf(segments: readonly unknown[]): string {
  for (let i = segments.length - 1; i >= 0; i--) {
    const s = segments[i];
    if (typeof s === 'string' && s.length > 0) return s[s.length - 1]!;
    if (typeof s !== 'string') return '0';
  }
  return '';
}

function blockKind(paragraph: Paragraph, chain: Style[]): { kind: BlockHint['kind']; level?: number } {
  for (const style of chain) {
    const name = style.name.trim();
    if (/^title$/i.test(name) || /^表題$/.test(name)) return { kind: 'title' };
    const heading = /^(?:heading|見出し)\s*(\d)$/i.exec(name);
    if (heading) return { kind: 'heading', level: Number(heading[1]) };
  }
  const outline = paragraph.outlineLevel ?? chain.find((s) => s.outlineLevel !== undefined)?.outlineLevel;
  if (outline !== undefined && outline >= 0 && outline < 9) return { kind: 'heading', level: outline + 1 };
  return { kind: 'paragraph' };
}

/** The number or bullet Word shows before a list paragraph, advancing the list's counters. */
function listLabel(numbering: Numbering, counters: Map<string, number[]>, numId: string, ilvl: number): string {
  const levels = numbering.levels.get(numId);
  const level = levels?.get(ilvl);
  if (!levels || !level) return '';
  const counts = counters.get(numId) ?? [];
  for (let i = 0; i < ilvl; i++) if (counts[i] === undefined) counts[i] = levels.get(i)?.start ?? 1;
  counts[ilvl] = counts[ilvl] === undefined ? level.start : counts[ilvl]! + 1;
  counts.length = ilvl + 1; // deeper levels restart
  counters.set(numId, counts);
  let label: string;
  if (level.format === 'bullet') {
    label = [...level.text].map((ch) => SYMBOL_BULLETS[ch.codePointAt(0)!] ?? (ch.codePointAt(0)! >= 0xe000 && ch.codePointAt(0)! <= 0xf8ff ? '•' : ch)).join('');
  } else {
    label = level.text.replace(/%(\d)/g, (_, k: string) => {
      const i = Number(k) - 1;
      return formatNumber(counts[i] ?? levels.get(i)?.start ?? 1, levels.get(i)?.format ?? 'decimal');
    });
  }
  if (!label) return '';
  return level.suffix === 'nothing' ? label : `${label} `;
}
