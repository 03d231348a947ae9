/**
 * Documents: the library list, uploads, and the reader's view of one document.
 *
 * Uploads are multipart (`file`, one or more). Each file is checked on its own (name, type, size, content)
 * and reported on its own; the request as a whole is refused only when it is not an upload at all or is
 * larger than the limit. An uploaded file's name is a label, never a path: it is cut to its last segment,
 * stripped of control characters and shortened, and the bytes go to the store, not to disk.
 */
import type { Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';
import { readSourceBytes } from '../../ingest/read-source.ts';
import { isIngestError } from '../../ingest/errors.ts';
import type { IngestItem } from '../../store/corpus.ts';
import type { ServerContext } from '../context.ts';
import { HttpError, toErrorResponse } from '../errors.ts';
import { dateParam, intParam, parseQuery, sendJson } from './_parse.ts';

/** What the workbench ingests: the formats mikata reads, by extension. */
export const UPLOAD_EXTENSIONS = ['.txt', '.text', '.md', '.markdown', '.html', '.htm', '.xhtml', '.pdf', '.docx'] as const;

export interface UploadResult {
  readonly name: string;
  readonly status: 'added' | 'unchanged' | 'failed';
  readonly document?: { id: string; title: string | null; date: string | null; name: string | null };
  readonly code?: string;
  readonly reason?: string;
}

/** A file name from a client as a label: last path segment, no control characters, at most 200 characters. */
export function cleanFileName(raw: string): string {
  const last = raw.split(/[\\/]/).pop() ?? '';
  const clean = last.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '').trim();
  return (clean || 'upload').slice(0, 200);
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot).toLowerCase() : '';
}

const FAILURE_STATUS: Readonly<Record<string, ContentfulStatusCode>> = { E_TYPE: 415, E_BINARY: 415, E_UNSUPPORTED: 415, E_TOO_LARGE: 413 };

const libraryQuery = z.object({
  q: z.string().max(200).optional(),
  language: z.enum(['ja', 'en']).optional().or(z.literal('').transform(() => undefined)),
  from: dateParam,
  to: dateParam,
  sort: z.enum(['date', 'added', 'title']).optional(),
  limit: intParam(1, 500, 100),
  offset: intParam(0, 1_000_000, 0),
});

export function documentRoutes(app: Hono, ctx: ServerContext): void {
  const { workbench, cache } = ctx;

  app.get('/api/documents', async (c) => {
    const q = parseQuery(c, libraryQuery);
    return sendJson(c, await cache.json(`library ${JSON.stringify(q)}`, () => workbench.library(q)));
  });

  app.get('/api/documents/:id', async (c) => {
    const id = c.req.param('id');
    return sendJson(c, await cache.json(`reader ${id}`, () => workbench.reader(id)));
  });

  app.post(
    '/api/documents',
    bodyLimit({
      // Multipart framing adds a little to the files themselves.
      maxSize: ctx.maxUploadBytes * ctx.maxUploadFiles + 64 * 1024,
      onError: () => {
        throw new HttpError(413, 'E_TOO_LARGE', `the upload is larger than the limit (${showBytes(ctx.maxUploadBytes)} per file, ${ctx.maxUploadFiles} files)`);
      },
    }),
    async (c) => upload(c, ctx),
  );
}

async function upload(c: Context, ctx: ServerContext): Promise<Response> {
  const type = c.req.header('content-type') ?? '';
  if (!/^multipart\/form-data\s*;/i.test(type)) throw new HttpError(415, 'E_TYPE', 'upload files as multipart/form-data in the field "file"');
  let form: Record<string, unknown>;
  try {
    form = await c.req.parseBody({ all: true });
  } catch {
    throw new HttpError(400, 'E_INVALID', 'the upload is not valid multipart/form-data');
  }
  const raw = form.file;
  const files = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).filter((f): f is File => typeof f === 'object' && f !== null && 'arrayBuffer' in f);
  if (files.length === 0) throw new HttpError(400, 'E_INVALID', 'no file in the upload (send it in the field "file")');
  if (files.length > ctx.maxUploadFiles) throw new HttpError(413, 'E_TOO_MANY', `at most ${ctx.maxUploadFiles} files per upload`);

  const results: (UploadResult | null)[] = files.map(() => null);
  const items: { index: number; item: IngestItem }[] = [];
  for (const [i, file] of files.entries()) {
    const name = cleanFileName(file.name);
    const ext = extensionOf(name);
    if (!(UPLOAD_EXTENSIONS as readonly string[]).includes(ext)) {
      results[i] = { name, status: 'failed', code: 'E_TYPE', reason: `not a document type mikata reads (${UPLOAD_EXTENSIONS.join(' ')})` };
      continue;
    }
    if (file.size > ctx.maxUploadBytes) {
      results[i] = { name, status: 'failed', code: 'E_TOO_LARGE', reason: `larger than the ${showBytes(ctx.maxUploadBytes)} limit` };
      continue;
    }
    try {
      const source = await readSourceBytes(new Uint8Array(await file.arrayBuffer()), { name, maxBytes: ctx.maxUploadBytes });
      items.push({ index: i, item: { source, name } });
    } catch (e) {
      if (!isIngestError(e)) throw e;
      const { body } = toErrorResponse(e, ctx.log);
      results[i] = { name, status: 'failed', code: body.error.code, reason: body.error.message };
    }
  }
  if (items.length) {
    const outcomes = await ctx.workbench.corpus.addSources(items.map((x) => x.item));
    for (const [k, o] of outcomes.entries()) {
      const { index, item } = items[k]!;
      results[index] = {
        name: item.name!, status: o.status, ...(o.document ? { document: o.document } : {}),
        ...(o.status === 'failed' ? { code: 'E_ANALYSIS' } : {}), ...(o.reason ? { reason: o.reason } : {}),
      };
    }
    if (outcomes.some((o) => o.status === 'added')) ctx.changed();
  }
  const done = results as UploadResult[];
  const failed = done.filter((r) => r.status === 'failed');
  const status: ContentfulStatusCode = failed.length === done.length ? FAILURE_STATUS[failed[0]!.code ?? ''] ?? 422 : 200;
  return c.json({ results: done }, status);
}

function showBytes(n: number): string {
  return n >= 1024 * 1024 ? `${Math.round((n / (1024 * 1024)) * 10) / 10} MiB` : `${Math.round(n / 1024)} KiB`;
}
