/**
 * A codebook as a REFI-QDA codebook (.qdc, QDA-XML codebook 1.0), which NVivo, ATLAS.ti, MAXQDA and
 * QualCoder import and export, and back.
 *
 * The format has, per code, a GUID, a name, a colour, whether it is codable, a description and its
 * children. What mikata needs beyond that (the code's id, its name in the other language, the indicators)
 * rides in the description, after the definition, as one line `mikata: {json}`, so that a codebook that
 * goes through a QDA program and back keeps its indicators, and the program shows the definition first.
 * The codebook's own name and version ride the same way on one code set that holds every code.
 * GUIDs are UUIDv5 of the code id, so that exporting twice gives the same GUIDs.
 */
import { XMLParser } from 'fast-xml-parser';
import type { Code, Codebook } from '../core/codebook/codebook.ts';
import { CODEBOOK_FORMAT, CodebookError, codeTree, parseCodebook } from '../core/codebook/codebook.ts';
import { uuidv5 } from './_uuid.ts';

const NS = 'urn:QDA-XML:codebook:1.0';
const MARK = 'mikata: ';

const xml = (s: string) =>
  s
    // XML 1.0 cannot carry most control characters, even escaped.
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

export const codeGuid = (id: string) => uuidv5(`codebook:code:${id}`);

export function renderQdc(book: Codebook, options: { lang?: 'ja' | 'en' } = {}): string {
  const lang = options.lang ?? 'ja';
  const tree = codeTree(book);
  const out: string[] = ['<?xml version="1.0" encoding="utf-8"?>', `<CodeBook xmlns="${NS}" origin="mikata">`, '  <Codes>'];
  // codeTree lists parents before children with depths: close elements as the depth falls back.
  const open: number[] = [];
  const close = (depth: number) => {
    while (open.length && open[open.length - 1]! >= depth) out.push(`${'  '.repeat(open.pop()! + 2)}</Code>`);
  };
  for (const { code, depth } of tree) {
    close(depth);
    const pad = '  '.repeat(depth + 2);
    const extra = { id: code.id, name: code.name, ...(code.indicators ? { indicators: code.indicators } : {}) };
    const description = `${code.definition ? `${code.definition}\n\n` : ''}${MARK}${JSON.stringify(extra)}`;
    out.push(
      `${pad}<Code guid="${codeGuid(code.id)}" name="${xml(code.name[lang])}" isCodable="${code.codable !== false}"${code.colour ? ` color="${code.colour.toUpperCase()}"` : ''}>`,
      `${pad}  <Description>${xml(description)}</Description>`,
    );
    open.push(depth);
  }
  close(0);
  out.push('  </Codes>', '  <Sets>');
  const meta = { format: book.format, name: book.name, version: book.version, ...(book.description ? { description: book.description } : {}) };
  out.push(`    <Set guid="${uuidv5(`codebook:set:${book.name}`)}" name="${xml(`${book.name} ${book.version}`)}">`);
  out.push(`      <Description>${xml(`${MARK}${JSON.stringify(meta)}`)}</Description>`);
  for (const { code } of tree) out.push(`      <MemberCode guid="${codeGuid(code.id)}"/>`);
  out.push('    </Set>', '  </Sets>', '</CodeBook>', '');
  return out.join('\n');
}

interface XmlCode {
  '@_guid'?: string;
  '@_name'?: string;
  '@_isCodable'?: string;
  '@_color'?: string;
  Description?: string;
  Code?: XmlCode[];
}

/** Splits a description into the text people wrote and mikata's line (when there is one). */
function splitDescription(d: string | undefined): { text: string; extra: Record<string, unknown> | null } {
  const s = d ?? '';
  // Our line is the last one, and one line: JSON.stringify escapes every newline inside it.
  const m = /(?:^|\n)mikata: (\{[^\n]*\})\s*$/.exec(s);
  if (m) {
    try {
      const extra = JSON.parse(m[1]!) as unknown;
      if (extra && typeof extra === 'object') return { text: s.slice(0, m.index).trim(), extra: extra as Record<string, unknown> };
    } catch {
      // Not ours after all (a description that happens to look like it): keep it as text.
    }
  }
  return { text: s.trim(), extra: null };
}

/** An id for a code that came from another program: ASCII of its name, or its position. */
function slug(name: string, n: number, taken: Set<string>): string {
  let base = name.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60);
  if (!base) base = `code-${n}`;
  let id = base;
  for (let i = 2; taken.has(id); i++) id = `${base}-${i}`;
  taken.add(id);
  return id;
}

/**
 * Reads a .qdc into a codebook. A codebook mikata wrote comes back as it was; one from another program
 * gets ids from its code names and no indicators (the analyst adds them). Throws a CodebookError naming
 * `source` when the file is not a QDA-XML codebook or the result is not a valid codebook.
 */
export function readQdc(text: string, source = 'codebook.qdc'): Codebook {
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) throw new CodebookError(source, ['a DOCTYPE or entity declaration is refused']);
  let doc: { CodeBook?: { Codes?: { Code?: XmlCode[] }; Sets?: { Set?: { Description?: string }[] } } };
  try {
    const parser = new XMLParser({
      ignoreAttributes: false, attributeNamePrefix: '@_', parseTagValue: false, parseAttributeValue: false, trimValues: false,
      processEntities: true, htmlEntities: false, removeNSPrefix: true, isArray: (name) => name === 'Code' || name === 'Set' || name === 'MemberCode',
    });
    doc = parser.parse(text, true) as typeof doc;
  } catch (e) {
    throw new CodebookError(source, [`not XML: ${(e as Error).message}`]);
  }
  const codesEl = doc.CodeBook?.Codes?.Code;
  if (!doc.CodeBook || !codesEl) throw new CodebookError(source, ['not a REFI-QDA codebook (no CodeBook with Codes)']);
  const taken = new Set<string>();
  const codes: Code[] = [];
  let n = 0;
  const walk = (list: XmlCode[], parent: string | null) => {
    for (const c of list) {
      n++;
      const name = (c['@_name'] ?? '').trim() || `code ${n}`;
      const { text: definition, extra } = splitDescription(c.Description);
      const givenId = typeof extra?.id === 'string' && !taken.has(extra.id) ? extra.id : null;
      if (givenId) taken.add(givenId);
      const id = givenId ?? slug(name, n, taken);
      const names = extra?.name as { ja?: string; en?: string } | undefined;
      const colour = c['@_color']?.trim();
      const code: Code = {
        id,
        ...(parent ? { parent } : {}),
        name: { ja: names?.ja ?? name, en: names?.en ?? name },
        ...(definition ? { definition } : {}),
        ...(colour ? { colour: colour.length === 4 ? `#${[...colour.slice(1)].map((x) => x + x).join('')}` : colour } : {}),
        ...(c['@_isCodable'] === 'false' ? { codable: false } : {}),
        ...(extra?.indicators ? { indicators: extra.indicators as Code['indicators'] } : {}),
      };
      codes.push(code);
      walk(c.Code ?? [], id);
    }
  };
  walk(codesEl, null);
  let meta: Record<string, unknown> | null = null;
  for (const s of doc.CodeBook.Sets?.Set ?? []) meta ??= splitDescription(s.Description).extra;
  return parseCodebook(
    {
      format: CODEBOOK_FORMAT,
      name: typeof meta?.name === 'string' ? meta.name : source.replace(/^.*[\\/]/, '').replace(/\.qdc$/i, '') || 'imported codebook',
      version: typeof meta?.version === 'string' ? meta.version : 'imported',
      ...(typeof meta?.description === 'string' ? { description: meta.description } : {}),
      codes,
    },
    source,
  );
}
