/**
 * Exports from the workbench: the who-said-what brief of a document or an expert (Markdown, HTML) and the
 * claims as CSV (a document, an expert, or the whole corpus). Rendered by the pure exporters; sent as
 * downloads with a file name made by the server, never taken from the request.
 */
import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { renderBriefHtml } from '../../export/brief-html.ts';
import { renderBriefMarkdown } from '../../export/brief-markdown.ts';
import type { Brief } from '../../export/brief.ts';
import { renderClaimsCsv } from '../../export/claims-csv.ts';
import type { ServerContext } from '../context.ts';
import { HttpError } from '../errors.ts';
import { languageParam, optionalText, parseQuery } from './_parse.ts';

const target = z.object({ document: optionalText(200), expert: optionalText(200), lang: languageParam });

/** A download name of safe characters only: the document or identity ref the corpus gave. */
function fileName(stem: string, ext: string): string {
  return `mikata-${stem.replace(/[^A-Za-z0-9_-]/g, '').slice(0, 40) || 'export'}.${ext}`;
}

function download(c: Context, body: string, type: string, name: string, extra: Record<string, string> = {}): Response {
  return c.body(body, 200, { 'content-type': type, 'content-disposition': `attachment; filename="${name}"`, ...extra });
}

export function exportRoutes(app: Hono, ctx: ServerContext): void {
  const { workbench } = ctx;

  async function brief(c: Context): Promise<{ brief: Brief; stem: string }> {
    const q = parseQuery(c, target);
    if (q.document && q.expert) throw new HttpError(400, 'E_INVALID', 'give a document or an expert, not both');
    if (q.document) {
      const b = await workbench.documentBrief(q.document, q.lang);
      return { brief: b, stem: b.documents[0]?.id ?? 'brief' };
    }
    if (q.expert) {
      const b = await workbench.expertBrief(q.expert, q.lang);
      return { brief: b, stem: (await workbench.corpus.resolvePerson(q.expert)).ref };
    }
    throw new HttpError(400, 'E_INVALID', 'document or expert: say whose brief to export');
  }

  app.get('/api/export/brief.md', async (c) => {
    const { brief: b, stem } = await brief(c);
    return download(c, renderBriefMarkdown(b), 'text/markdown; charset=utf-8', fileName(stem, 'md'));
  });

  app.get('/api/export/brief.html', async (c) => {
    const { brief: b, stem } = await brief(c);
    // The brief carries its own style; it has no script, and this policy says so to the browser too.
    return download(c, renderBriefHtml(b), 'text/html; charset=utf-8', fileName(stem, 'html'), {
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
    });
  });

  app.get('/api/export/claims.csv', async (c) => {
    const q = parseQuery(c, target);
    if (q.document && q.expert) throw new HttpError(400, 'E_INVALID', 'give a document or an expert, not both');
    const rows = await workbench.claimRows(q);
    const stem = q.document ? (await workbench.corpus.resolveDocument(q.document)).ref : q.expert ? (await workbench.corpus.resolvePerson(q.expert)).ref : 'claims';
    // A byte order mark, so that spreadsheet programs read the Japanese as UTF-8.
    return download(c, `\uFEFF${renderClaimsCsv(rows)}`, 'text/csv; charset=utf-8', fileName(stem, 'csv'));
  });
}
