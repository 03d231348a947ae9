/**
 * Reads a REFI-QDA project (.qdpx) back: users, the code tree, text sources with their text and coded
 * selections (positions turned back from code points into UTF-16 offsets), and notes. What a QDA program
 * would see of an export, so that tests (and a later import) can check it round-trips. Pure: bytes → data;
 * bad input throws a QdpxError saying what is wrong.
 */
import { unzipSync } from 'fflate';
import { XMLParser } from 'fast-xml-parser';

export class QdpxError extends Error {
  override name = 'QdpxError';
}

export interface QdpxCode {
  readonly guid: string;
  readonly name: string;
  readonly parent: string | null;
  readonly codable: boolean;
  readonly description: string | null;
}

export interface QdpxSelection {
  readonly guid: string;
  readonly name: string;
  /** UTF-16 offsets into the source's text. */
  readonly start: number;
  readonly end: number;
  readonly codes: readonly string[];
  readonly creatingUser: string | null;
  readonly description: string | null;
  readonly notes: readonly string[];
}

export interface QdpxSource {
  readonly guid: string;
  readonly name: string;
  readonly text: string;
  readonly selections: readonly QdpxSelection[];
}

export interface QdpxProject {
  readonly name: string;
  readonly users: readonly { guid: string; name: string }[];
  readonly codes: readonly QdpxCode[];
  readonly sources: readonly QdpxSource[];
  readonly notes: readonly { guid: string; name: string; text: string; creatingUser: string | null }[];
}

const list = <T>(x: T | T[] | undefined): T[] => (x === undefined ? [] : Array.isArray(x) ? x : [x]);
type Node = Record<string, unknown>;
const attr = (n: Node, name: string) => (n[`@_${name}`] as string | undefined) ?? null;
const textOf = (x: unknown): string | null => (x === undefined || x === null ? null : typeof x === 'object' ? String((x as Node)['#text'] ?? '') : String(x));

/** Code point offsets → UTF-16 offsets for one text. */
function utf16Index(text: string): (cp: number) => number {
  if (!/[\uD800-\uDBFF]/.test(text)) return (cp) => cp;
  const offsets: number[] = [];
  let i = 0;
  for (const ch of text) {
    offsets.push(i);
    i += ch.length;
  }
  offsets.push(i);
  return (cp) => {
    if (cp < 0 || cp >= offsets.length) throw new QdpxError(`position ${cp} is outside a text of ${offsets.length - 1} characters`);
    return offsets[cp]!;
  };
}

export function readQdpx(bytes: Uint8Array): QdpxProject {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch (e) {
    throw new QdpxError(`not a zip archive: ${(e as Error).message}`);
  }
  const qde = files['project.qde'];
  if (!qde) throw new QdpxError('no project.qde at the root of the archive');
  const dec = new TextDecoder('utf-8', { fatal: true });
  const xml = dec.decode(qde);
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw new QdpxError('project.qde declares a DOCTYPE or entities, which a project never needs');
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', parseTagValue: false, parseAttributeValue: false, trimValues: false, processEntities: true, htmlEntities: false });
  const root = (parser.parse(xml) as Node).Project as Node | undefined;
  if (!root) throw new QdpxError('project.qde has no Project element');

  const users = list((root.Users as Node | undefined)?.User as Node[] | Node).map((u) => ({ guid: attr(u, 'guid')!, name: attr(u, 'name') ?? '' }));
  const codes: QdpxCode[] = [];
  const walk = (nodes: Node[], parent: string | null) => {
    for (const c of nodes) {
      const g = attr(c, 'guid');
      if (!g) throw new QdpxError('a Code without a guid');
      codes.push({ guid: g, name: attr(c, 'name') ?? '', parent, codable: attr(c, 'isCodable') === 'true', description: textOf(c.Description) });
      walk(list(c.Code as Node[] | Node), g);
    }
  };
  walk(list(((root.CodeBook as Node | undefined)?.Codes as Node | undefined)?.Code as Node[] | Node), null);

  const sources: QdpxSource[] = [];
  for (const s of list((root.Sources as Node | undefined)?.TextSource as Node[] | Node)) {
    const g = attr(s, 'guid')!;
    let text = textOf(s.PlainTextContent);
    const path = attr(s, 'plainTextPath');
    if (text === null && path) {
      const inner = path.replace(/^internal:\/\//, '');
      const file = files[`Sources/${inner}`] ?? files[`sources/${inner}`];
      if (!file) throw new QdpxError(`source ${g}: ${path} is not in the archive`);
      text = dec.decode(file);
    }
    if (text === null) throw new QdpxError(`source ${g} has neither PlainTextContent nor plainTextPath`);
    const to16 = utf16Index(text);
    const selections = list(s.PlainTextSelection as Node[] | Node).map((sel) => ({
      guid: attr(sel, 'guid')!,
      name: attr(sel, 'name') ?? '',
      start: to16(Number(attr(sel, 'startPosition'))),
      end: to16(Number(attr(sel, 'endPosition'))),
      codes: list(sel.Coding as Node[] | Node).map((c) => attr(c.CodeRef as Node, 'targetGUID')!),
      creatingUser: attr(sel, 'creatingUser'),
      description: textOf(sel.Description),
      notes: list(sel.NoteRef as Node[] | Node).map((n) => attr(n, 'targetGUID')!),
    }));
    sources.push({ guid: g, name: attr(s, 'name') ?? '', text, selections });
  }
  const notes = list((root.Notes as Node | undefined)?.Note as Node[] | Node).map((n) => ({
    guid: attr(n, 'guid')!, name: attr(n, 'name') ?? '', text: textOf(n.PlainTextContent) ?? '', creatingUser: attr(n, 'creatingUser'),
  }));
  return { name: attr(root, 'name') ?? '', users, codes, sources, notes };
}
