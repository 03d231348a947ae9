/**
 * Agreement by code (store/agreement.ts): the claims of one code of the codebook across documents, grouped
 * by what they say; which speakers agree and which views stand alone. An unknown code or document is a 404,
 * a bad threshold or code id a 400.
 */
import type { Hono } from 'hono';
import { z } from 'zod';
import type { ServerContext } from '../context.ts';
import { HttpError } from '../errors.ts';
import { parseQuery, sendJson } from './_parse.ts';

export function agreementRoutes(app: Hono, ctx: ServerContext): void {
  const { workbench, cache } = ctx;

  app.get('/api/codes/:code/agreement', async (c) => {
    const code = c.req.param('code').trim();
    // Code ids are words joined by dots and dashes (domain.naval, lens.balance-of-threat).
    if (!/^[\p{L}\p{N}_.-]{1,100}$/u.test(code)) throw new HttpError(400, 'E_INVALID', 'code: give a code id of the codebook, such as domain.naval');
    const q = parseQuery(c, z.object({
      threshold: z.string().optional().transform((s, zc) => {
        if (s === undefined || s === '') return undefined;
        const n = Number(s);
        if (!(n >= 0 && n <= 1)) {
          zc.addIssue({ code: 'custom', message: 'must be a number from 0 to 1' });
          return z.NEVER;
        }
        return n;
      }),
      documents: z.string().max(2000).optional().transform((s) => (s ? s.split(',').map((x) => x.trim()).filter(Boolean) : undefined)),
    }));
    const options = { threshold: q.threshold, documents: q.documents };
    return sendJson(c, await cache.json(`agreement ${code} ${JSON.stringify(options)}`, () => workbench.corpus.agreement(code, options)));
  });
}
