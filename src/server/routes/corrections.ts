/**
 * Corrections from the reader: accept, reject or edit an attribution, add a missing one, and undo (withdraw)
 * a correction. Each is recorded with who made it (the request's `by`, else the server's user), and the
 * attribution it touches is marked as the analyst's.
 */
import type { Hono } from 'hono';
import { z } from 'zod';
import { attributionKinds } from '../../store/corrections.ts';
import type { ServerContext } from '../context.ts';
import { HttpError } from '../errors.ts';
import { optionalText, parseJson, parseQuery } from './_parse.ts';

const span = z.object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() });

const correctionBody = z.object({
  action: z.enum(['accept', 'reject', 'edit', 'add']),
  /** The attribution as the reader shows it (a3, xc2). */
  attribution: optionalText(40),
  speakers: z.array(z.string().trim().min(1).max(200)).max(20).optional(),
  span: span.optional(),
  /** The content as a quote of the text instead of a span (the `occurrence`-th, when it occurs more than once). */
  quote: optionalText(5000),
  occurrence: z.number().int().positive().max(100_000).optional(),
  kind: z.enum(attributionKinds).optional(),
  why: optionalText(2000),
  by: optionalText(120),
});

const withdrawBody = z.object({ why: optionalText(2000), by: optionalText(120) });

export function correctionRoutes(app: Hono, ctx: ServerContext): void {
  const { workbench } = ctx;

  app.post('/api/documents/:id/corrections', async (c) => {
    const body = await parseJson(c, correctionBody);
    if (body.action !== 'add' && !body.attribution) throw new HttpError(400, 'E_INVALID', `attribution: say which attribution to ${body.action}`);
    if (body.span && body.span.end <= body.span.start) throw new HttpError(400, 'E_INVALID', 'span: the end must come after the start');
    const result = await workbench.corpus.correct({
      document: c.req.param('id'),
      action: body.action,
      attribution: body.attribution,
      speakers: body.speakers,
      span: body.span,
      contentQuote: body.span ? undefined : body.quote,
      occurrence: body.occurrence,
      kind: body.kind,
      by: body.by ?? ctx.user,
      why: body.why ?? null,
    });
    ctx.changed();
    return c.json(result, 201);
  });

  app.get('/api/corrections', async (c) => {
    const q = parseQuery(c, z.object({ document: optionalText(200) }));
    return c.json(await workbench.corpus.corrections(q.document));
  });

  app.post('/api/corrections/:ref/withdraw', async (c) => {
    const ref = c.req.param('ref');
    if (!/^c\d{1,12}$/.test(ref)) throw new HttpError(400, 'E_INVALID', `${JSON.stringify(ref.slice(0, 40))} is not a correction id (c1, c2 …)`);
    const body = await parseJson(c, withdrawBody);
    const record = await workbench.store.correctionByRef(ref);
    if (record?.status === 'withdrawn') throw new HttpError(409, 'E_CONFLICT', `correction ${ref} is already withdrawn`);
    const view = await workbench.corpus.withdraw(ref, { by: body.by ?? ctx.user, why: body.why ?? null });
    ctx.changed();
    return c.json(view);
  });
}
