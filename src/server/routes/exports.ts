/**
 * Exports from the workbench, as downloads: `GET /api/export/:format` for every format of the registry
 * (qdpx, w3c, stix, graphml, gexf, csl, csv, md, html) over the corpus, a document (`?document=`), a
 * person (`?person=`, any spelling or an id; `?expert=` is the same) or the claims of a code of the corpus
 * codebook and the codes under it (`?code=`, with a person too for one cell of the matrix), with `?lang=` for labels and `?by=`
 * for the analyst named in a brief's header. The older paths brief.md, brief.html and claims.csv are the
 * same exports under their first names. Rendered by the pure exporters; the file name is made from the
 * export's title by the server, never taken from the request.
 */
import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { collectDataset } from '../../export/collect-dataset.ts';
import { corpusFormats, exportFileName, isCorpusFormat, renderExport, type CorpusFormatName } from '../../export/formats.ts';
import type { ServerContext } from '../context.ts';
import { HttpError } from '../errors.ts';
import { optionalText, parseQuery } from './_parse.ts';

const target = z.object({
  document: optionalText(200),
  person: optionalText(200),
  expert: optionalText(200),
  code: optionalText(200),
  lang: z.enum(['ja', 'en']).optional(),
  by: optionalText(100),
});

/**
 * Content-Disposition for a name that may hold any script (RFC 6266 / 5987): an ASCII stand-in for old
 * clients and the UTF-8 name for the rest.
 */
export function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7E]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

const ALIASES: Record<string, CorpusFormatName> = { 'brief.md': 'md', 'brief.html': 'html', 'claims.csv': 'csv' };

export function exportRoutes(app: Hono, ctx: ServerContext): void {
  const { workbench } = ctx;

  async function send(c: Context, format: CorpusFormatName): Promise<Response> {
    const q = parseQuery(c, target);
    const person = q.person ?? q.expert;
    if (q.person && q.expert && q.person !== q.expert) throw new HttpError(400, 'E_INVALID', 'person and expert name the same thing: give one');
    const data = await collectDataset(
      workbench.corpus,
      { documents: q.document ? [q.document] : [], people: person ? [person] : [], codes: q.code ? [q.code] : [] },
      { now: new Date().toISOString(), analyst: q.by ?? ctx.user, language: q.lang },
    );
    const headers: Record<string, string> = {
      'content-type': corpusFormats[format].mediaType,
      'content-disposition': contentDisposition(exportFileName(format, data)),
    };
    // The brief carries its own style; it has no script, and this policy says so to the browser too.
    if (format === 'html') headers['content-security-policy'] = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'";
    const bytes = renderExport(format, data);
    return c.body(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer, 200, headers);
  }

  app.get('/api/export/:format', async (c) => {
    const name = c.req.param('format');
    const format = ALIASES[name] ?? (isCorpusFormat(name) ? name : null);
    if (!format) throw new HttpError(404, 'E_NOT_FOUND', `no export format ${JSON.stringify(name)} (${Object.keys(corpusFormats).join(', ')})`);
    return send(c, format);
  });
}
