/**
 * Source grading (store/grading.ts): the reliability of a source (an identity, e3) and the credibility of a
 * claim, set with PUT and cleared with DELETE, listed with their history; the caveat list. An unknown source,
 * document or claim is a 404, a grade off the scale a 400, clearing what has no grade a 404, and none of them
 * records anything.
 */
import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { isCaveatListError } from '../../core/grading/caveats.ts';
import type { ServerContext } from '../context.ts';
import { HttpError } from '../errors.ts';
import { optionalText, parseJson, parseQuery } from './_parse.ts';

const reliabilityBody = z.object({ reliability: z.string().max(20), why: optionalText(2000), by: optionalText(120) }).strict();
const credibilityBody = z.object({ credibility: z.union([z.string().max(20), z.number()]), why: optionalText(2000), by: optionalText(120) }).strict();
const clearBody = z.object({ why: optionalText(2000), by: optionalText(120) }).strict();
const listQuery = z.object({
  document: z.string().max(200).optional(),
  source: z.string().max(40).optional(),
  all: z.enum(['0', '1', 'true', 'false']).optional(),
}).strict();
const caveatsBody = z.object({ caveats: z.unknown() }).strict();

function identityParam(value: string): string {
  if (!/^e\d{1,12}$/.test(value)) throw new HttpError(400, 'E_INVALID', `${JSON.stringify(value.slice(0, 40))} is not a source id (e1, e2 …)`);
  return value;
}

function claimParam(value: string): string {
  if (!/^[A-Za-z][A-Za-z0-9_-]{0,39}$/.test(value)) throw new HttpError(400, 'E_INVALID', `${JSON.stringify(value.slice(0, 40))} is not a claim id (a1, a2 …)`);
  return value;
}

/** A DELETE may come with a JSON body (who and why) or none. */
async function optionalBody(c: Context): Promise<z.infer<typeof clearBody>> {
  const length = c.req.header('content-length');
  if (!c.req.header('content-type') && (!length || length === '0')) return { why: undefined, by: undefined };
  return parseJson(c, clearBody);
}

export function gradeRoutes(app: Hono, ctx: ServerContext): void {
  const grading = () => ctx.workbench.corpus.grading();

  app.get('/api/grades', async (c) => {
    const q = parseQuery(c, listQuery);
    if (q.document && q.source) throw new HttpError(400, 'E_INVALID', 'document and source exclude each other');
    return c.json(await grading().list({ document: q.document, source: q.source, all: q.all === '1' || q.all === 'true' }));
  });

  app.get('/api/sources/:identity/grade', async (c) => {
    const id = identityParam(c.req.param('identity'));
    const found = (await grading().sources([id])).get(id);
    if (!found) throw new HttpError(404, 'E_NOT_FOUND', `no source ${id}`);
    return c.json(found);
  });

  app.put('/api/sources/:identity/grade', async (c) => {
    const id = identityParam(c.req.param('identity'));
    const body = await parseJson(c, reliabilityBody);
    const r = await grading().setReliability({ source: id, value: body.reliability, by: body.by ?? ctx.user, why: body.why });
    ctx.changed();
    return c.json(r);
  });

  app.delete('/api/sources/:identity/grade', async (c) => {
    const id = identityParam(c.req.param('identity'));
    const body = await optionalBody(c);
    const r = await grading().clearReliability({ source: id, by: body.by ?? ctx.user, why: body.why });
    ctx.changed();
    return c.json(r);
  });

  app.put('/api/documents/:id/claims/:claim/grade', async (c) => {
    const claim = claimParam(c.req.param('claim'));
    const body = await parseJson(c, credibilityBody);
    const r = await grading().setCredibility({ document: c.req.param('id'), claim, value: body.credibility, by: body.by ?? ctx.user, why: body.why });
    ctx.changed();
    return c.json(r);
  });

  app.delete('/api/documents/:id/claims/:claim/grade', async (c) => {
    const claim = claimParam(c.req.param('claim'));
    const body = await optionalBody(c);
    const r = await grading().clearCredibility({ document: c.req.param('id'), claim, by: body.by ?? ctx.user, why: body.why });
    ctx.changed();
    return c.json(r);
  });

  app.get('/api/grades/caveats', async (c) => c.json(await grading().caveats()));

  app.put('/api/grades/caveats', async (c) => {
    const body = await parseJson(c, caveatsBody);
    try {
      const r = await grading().setCaveats(body.caveats as never);
      ctx.changed();
      return c.json(r);
    } catch (e) {
      if (isCaveatListError(e)) throw new HttpError(400, 'E_INVALID', e.message);
      throw e;
    }
  });

  app.delete('/api/grades/caveats', async (c) => {
    const r = await grading().setCaveats(null);
    ctx.changed();
    return c.json(r);
  });
}
