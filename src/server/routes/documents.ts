/**
 * Documents: the library list, uploads, and the reader's view of one document.
 *
 * Uploads are multipart (`file`, one or more). Each file is checked on its own (name, type, size, content)
 * and reported on its own; the request as a whole is refused only when it is not an upload at all or is
 * larger than the limit. An uploaded file's name is a label, never a path: it is cut to its last segment,
 * stripped of control characters and shortened, and the bytes go to the store, not to disk.
 */
import type { Context, Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';
import { isIngestError } from '../../ingest/errors.ts';
import type { IngestItem } from '../../store/corpus.ts';
import { isPoolError } from '../analysis-pool.ts';
import type { ServerContext } from '../context.ts';
import { readUpload, type UploadedFile } from '../upload-stream.ts';
import { HttpError, toErrorResponse } from '../errors.ts';
import { dateParam, intParam, optionalText, parseJson, parseQuery, sendJson } from './_parse.ts';

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

/** The status of an upload whose every file failed, by the first file's reason. */
const FAILURE_STATUS: Readonly<Record<string, ContentfulStatusCode>> = {
  E_TYPE: 415, E_BINARY: 415, E_UNSUPPORTED: 415, E_TOO_LARGE: 413, E_TIMEOUT: 422, E_BUSY: 503, E_CLOSED: 503, E_WORKER: 500,
};

const libraryQuery = z.object({
  q: z.string().max(200).optional(),
  language: z.enum(['ja', 'en']).optional().or(z.literal('').transform(() => undefined)),
  from: dateParam,
  to: dateParam,
  sort: z.enum(['date', 'added', 'title']).optional(),
  limit: intParam(1, 500, 100),
  offset: intParam(0, 1_000_000, 0),
});

const authorBody = z.object({
  name: z.string().trim().min(1).max(200),
  organization: z.string().trim().max(300).nullable().optional().transform((s) => s || null),
  title: z.string().trim().max(300).nullable().optional().transform((s) => s || null),
});
const metadataFields = {
  title: z.string().max(1000).nullable().optional(),
  date: z.string().max(10).nullable().optional(),
  series: z.string().max(500).nullable().optional(),
  number: z.string().max(100).nullable().optional(),
  authors: z.array(authorBody).max(100).optional(),
};
const metadataBody = z.object({
  ...metadataFields,
  /** The values the analyst saw: a change made since then makes this one a conflict (409), not a silent overwrite. */
  expected: z.object(metadataFields).optional(),
  why: optionalText(2000),
  by: optionalText(120),
}).strict();

export function documentRoutes(app: Hono, ctx: ServerContext): void {
  const { workbench, cache } = ctx;
  /**
   * Documents deleted through this server, kept to be added back: a deletion can be undone until the next
   * upload (its corrections stay in the record by text hash and apply again when the same text comes back).
   */
  const deleted = new Map<string, IngestItem>();

  app.delete('/api/documents/:id', async (c) => {
    const id = c.req.param('id');
    const item = await workbench.corpus.sourceItem(id);
    const outcome = await workbench.corpus.delete(id);
    deleted.set(outcome.document.id, item);
    ctx.changed();
    return c.json(outcome);
  });

  app.post('/api/documents/:id/restore', async (c) => {
    const id = c.req.param('id');
    const item = deleted.get(id);
    if (!item) throw new HttpError(404, 'E_NOT_FOUND', `no deleted document ${JSON.stringify(id.slice(0, 40))} to restore (a deletion can be undone until the next upload)`);
    const [outcome] = await workbench.corpus.addSources([item]);
    if (outcome?.status === 'failed') throw new HttpError(422, 'E_ANALYSIS', outcome.reason ?? 'the document could not be added back');
    deleted.delete(id);
    ctx.changed();
    return c.json(outcome);
  });

  /**
   * A new version of a document, uploaded on its page: one file in the field "file". The answer lists the
   * corrections that anchored again and those that no longer do. Bad input (an unknown document, no file,
   * an empty file, another language) is refused with nothing changed.
   */
  app.post('/api/documents/:id/replace', async (c) => {
    const id = c.req.param('id');
    await workbench.corpus.resolveDocument(id);
    const item = await uploadOne(c, ctx);
    const outcome = await workbench.corpus.replace(id, item);
    deleted.clear();
    ctx.changed();
    return c.json(outcome, 201);
  });

  app.post('/api/documents/:id/metadata', async (c) => {
    const body = await parseJson(c, metadataBody);
    const { why, by, expected, ...fields } = body;
    const result = await workbench.corpus.correctMetadata(c.req.param('id'), fields, { by: by ?? ctx.user, why: why ?? null, ...(expected ? { expected } : {}) });
    ctx.changed();
    return c.json(result, 201);
  });

  app.get('/api/documents', async (c) => {
    const q = parseQuery(c, libraryQuery);
    return sendJson(c, await cache.json(`library ${JSON.stringify(q)}`, () => workbench.library(q)));
  });

  app.get('/api/documents/:id', async (c) => {
    const id = c.req.param('id');
    return sendJson(c, await cache.json(`reader ${id}`, () => workbench.reader(id)));
  });

  app.post('/api/documents', async (c) => {
    deleted.clear();
    return upload(c, ctx);
  });
}

/** The one file of an upload that must hold exactly one (a replacement), read and prepared; a 4xx otherwise. */
async function uploadOne(c: Context, ctx: ServerContext): Promise<IngestItem> {
  const type = c.req.header('content-type') ?? '';
  if (!/^multipart\/form-data\s*;/i.test(type)) throw new HttpError(415, 'E_TYPE', 'upload the new version as multipart/form-data in the field "file"');
  const files: UploadedFile[] = [];
  const count = await readUpload(c.req.raw.body, type, { maxFileBytes: ctx.maxUploadBytes, maxFiles: 1, maxBodyBytes: maxUploadBody({ maxUploadBytes: ctx.maxUploadBytes, maxUploadFiles: 1 }) }, (f) => { files.push(f); });
  if (count === 0 || files.length === 0) throw new HttpError(400, 'E_INVALID', 'no file in the upload (send the new version in the field "file")');
  const file = files[0]!;
  const name = cleanFileName(file.name);
  if ('failure' in file) throw new HttpError(413, file.failure.code, `${name}: ${file.failure.reason}`);
  const ext = extensionOf(name);
  if (!(UPLOAD_EXTENSIONS as readonly string[]).includes(ext)) throw new HttpError(415, 'E_TYPE', `${name}: not a document type mikata reads (${UPLOAD_EXTENSIONS.join(' ')})`);
  if (file.bytes.length === 0) throw new HttpError(400, 'E_INVALID', `${name}: the file is empty`);
  try {
    const { source, analysis } = await ctx.prepare(file.bytes, name);
    return { source, name, ...(analysis ? { analysis } : {}) };
  } catch (e) {
    if (isPoolError(e)) throw new HttpError(FAILURE_STATUS[e.code] ?? 422, e.code, `${name}: ${e.message}`);
    throw e;
  }
}

/** The largest upload request: every file at its limit, and the multipart framing around them. */
export function maxUploadBody(ctx: Pick<ServerContext, 'maxUploadBytes' | 'maxUploadFiles'>): number {
  return ctx.maxUploadBytes * ctx.maxUploadFiles + 64 * 1024;
}

/**
 * Files are read as they stream in: one past the per-file limit is dropped as it comes (never buffered
 * whole), and each file that arrived whole is handed to `ctx.prepare` (the analysis pool) at once, while the
 * next one streams. What is stored is stored after every file has been prepared, in one batch.
 */
async function upload(c: Context, ctx: ServerContext): Promise<Response> {
  const type = c.req.header('content-type') ?? '';
  if (!/^multipart\/form-data\s*;/i.test(type)) throw new HttpError(415, 'E_TYPE', 'upload files as multipart/form-data in the field "file"');

  const results: (UploadResult | null)[] = [];
  const prepared: Promise<{ index: number; item: IngestItem } | null>[] = [];
  const onFile = (file: UploadedFile) => {
    const name = cleanFileName(file.name);
    results[file.index] = null;
    if ('failure' in file) {
      results[file.index] = { name, status: 'failed', code: file.failure.code, reason: file.failure.reason };
      return;
    }
    const ext = extensionOf(name);
    if (!(UPLOAD_EXTENSIONS as readonly string[]).includes(ext)) {
      results[file.index] = { name, status: 'failed', code: 'E_TYPE', reason: `not a document type mikata reads (${UPLOAD_EXTENSIONS.join(' ')})` };
      return;
    }
    prepared.push(
      ctx.prepare(file.bytes, name).then(
        ({ source, analysis }) => ({ index: file.index, item: { source, name, ...(analysis ? { analysis } : {}) } }),
        (e: unknown) => {
          if (isIngestError(e)) {
            const { body } = toErrorResponse(e, ctx.log);
            results[file.index] = { name, status: 'failed', code: body.error.code, reason: body.error.message };
          } else if (isPoolError(e)) {
            if (e.code === 'E_WORKER') ctx.log(`analysis of ${JSON.stringify(name)} failed: ${e.message}`);
            results[file.index] = { name, status: 'failed', code: e.code, reason: e.message };
          } else {
            throw e;
          }
          return null;
        },
      ),
    );
  };
  let count: number;
  try {
    count = await readUpload(c.req.raw.body, type, { maxFileBytes: ctx.maxUploadBytes, maxFiles: ctx.maxUploadFiles, maxBodyBytes: maxUploadBody(ctx) }, onFile);
  } catch (e) {
    // The files that did arrive are not analysed for nothing: their jobs finish, and nothing is stored.
    await Promise.allSettled(prepared);
    if (e instanceof HttpError && e.status === 413) c.header('connection', 'close');
    throw e;
  }
  if (count === 0) throw new HttpError(400, 'E_INVALID', 'no file in the upload (send it in the field "file")');

  const items = (await Promise.all(prepared)).filter((x): x is { index: number; item: IngestItem } => x !== null).sort((a, b) => a.index - b.index);
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
  if (status === 503) c.header('retry-after', '10');
  return c.json({ results: done }, status);
}

