/** The corpus views: search with snippets, the timeline, the expert × theme matrix and the network. */
import type { Hono } from 'hono';
import { z } from 'zod';
import type { ServerContext } from '../context.ts';
import { HttpError } from '../errors.ts';
import { dateParam, intParam, optionalText, parseQuery, sendJson } from './_parse.ts';

const filters = {
  speaker: optionalText(200),
  document: optionalText(200),
  from: dateParam,
  to: dateParam,
};

export function exploreRoutes(app: Hono, ctx: ServerContext): void {
  const { workbench, cache } = ctx;

  app.get('/api/search', async (c) => {
    const q = parseQuery(c, z.object({ q: z.string().trim().min(1, 'give a search query').max(500), ...filters, limit: intParam(1, 100, 20), offset: intParam(0, 10_000, 0) }));
    return sendJson(c, await cache.json(`search ${JSON.stringify(q)}`, () => workbench.corpus.search(q.q, q)));
  });

  /** "Also said by": the claims of other speakers that say nearly the same as one claim of a document. */
  app.get('/api/documents/:id/claims/:claim/similar', async (c) => {
    const id = c.req.param('id').trim();
    const claim = c.req.param('claim').trim();
    if (!id || id.length > 200) throw new HttpError(400, 'E_INVALID', 'id: give a document id (at most 200 characters)');
    if (!/^[\w-]{1,64}$/.test(claim)) throw new HttpError(400, 'E_INVALID', 'claim: give a claim id such as a3');
    const q = parseQuery(c, z.object({
      threshold: z.string().optional().transform((s, ctx) => {
        if (s === undefined || s === '') return undefined;
        const n = Number(s);
        if (!(n >= 0 && n <= 1)) {
          ctx.addIssue({ code: 'custom', message: 'must be a number from 0 to 1' });
          return z.NEVER;
        }
        return n;
      }),
      limit: intParam(1, 100, 20),
      same: z.enum(['0', '1', 'true', 'false']).optional(),
    }));
    const options = { threshold: q.threshold, limit: q.limit, sameSpeaker: q.same === '1' || q.same === 'true' };
    return sendJson(c, await cache.json(`similar ${id} ${claim} ${JSON.stringify(options)}`, () => workbench.corpus.similar(id, claim, options)));
  });

  app.get('/api/timeline', async (c) => {
    const q = parseQuery(c, z.object({ ...filters, limit: intParam(1, 5000, 1000) }));
    return sendJson(c, await cache.json(`timeline ${JSON.stringify(q)}`, () => workbench.corpus.timeline(q)));
  });

  app.get('/api/matrix', async (c) => {
    const q = parseQuery(c, z.object({ experts: intParam(1, 200, 40), themes: intParam(1, 100, 30) }));
    return sendJson(c, await cache.json(`matrix ${q.experts} ${q.themes}`, () => workbench.matrix(q)));
  });

  app.get('/api/matrix/claims', async (c) => {
    // An empty theme is the column of claims outside any section.
    const q = parseQuery(c, z.object({ expert: z.string().trim().min(1, 'give an expert').max(200), theme: z.string().max(500).default('') }));
    return sendJson(c, await cache.json(`cell ${JSON.stringify(q)}`, () => workbench.matrixClaims(q.expert, q.theme)));
  });

  // Experts × codes, with document (comma-separated refs), date-range, section-theme and minimum-count filters.
  const codeFilters = {
    documents: z.string().max(2000).optional().transform((s) => (s ? s.split(',').map((x) => x.trim()).filter(Boolean) : undefined)),
    from: dateParam,
    to: dateParam,
    theme: z.string().max(500).optional(),
  };
  app.get('/api/matrix/codes', async (c) => {
    const q = parseQuery(c, z.object({ experts: intParam(1, 200, 40), codes: intParam(1, 200, 60), min: intParam(1, 10_000, 1), ...codeFilters }));
    return sendJson(c, await cache.json(`code-matrix ${JSON.stringify(q)}`, () => workbench.codeMatrix(q)));
  });

  app.get('/api/matrix/codes/claims', async (c) => {
    const q = parseQuery(c, z.object({ expert: z.string().trim().min(1, 'give an expert').max(200), code: z.string().trim().min(1, 'give a code').max(200), ...codeFilters }));
    return sendJson(c, await cache.json(`code-cell ${JSON.stringify(q)}`, () => workbench.codeMatrixClaims(q.expert, q.code, q)));
  });

  app.get('/api/network', async (c) => {
    const q = parseQuery(c, z.object({ experts: intParam(1, 300, 60) }));
    return sendJson(c, await cache.json(`network ${q.experts}`, () => workbench.network(q)));
  });
}
