/**
 * People: the experts table, an expert's page by any spelling (ミハイル・ソコリン, Mikhail Sokolin, Соколин, e12),
 * name lookup for the speaker pickers, and the analyst's identity decisions (merge, split, keep apart).
 */
import type { Hono } from 'hono';
import { z } from 'zod';
import type { ServerContext } from '../context.ts';
import { HttpError } from '../errors.ts';
import { optionalText, parseJson, parseQuery, sendJson } from './_parse.ts';

const who = { why: optionalText(2000), by: optionalText(120) };
const personRef = z.string().trim().min(1).max(200);

export function peopleRoutes(app: Hono, ctx: ServerContext): void {
  const { workbench, cache } = ctx;
  const corpus = workbench.corpus;

  app.get('/api/experts', async (c) => {
    const q = parseQuery(c, z.object({ all: z.enum(['0', '1', 'true', 'false']).optional() }));
    const all = q.all === '1' || q.all === 'true';
    return sendJson(c, await cache.json(`experts ${all}`, () => corpus.experts({ all })));
  });

  app.get('/api/experts/:name', async (c) => {
    const name = c.req.param('name').trim();
    if (!name || name.length > 200) throw new HttpError(400, 'E_INVALID', 'name: give a name (at most 200 characters) or an identity id');
    return sendJson(c, await cache.json(`expert ${name}`, () => corpus.expert(name)));
  });

  /** Who a name may mean, for pickers: every candidate with its forms, best first. */
  app.get('/api/people', async (c) => {
    const q = parseQuery(c, z.object({ q: z.string().trim().min(1, 'give a name').max(200) }));
    const found = await corpus.findPeople(q.q);
    return c.json(found.map((f) => ({
      id: f.identity.ref, name: f.identity.name, type: f.identity.type, organization: f.identity.organization,
      forms: f.identity.forms.map((x) => x.form), exact: f.exact, evidence: f.evidence,
    })));
  });

  app.get('/api/identities/proposals', async (c) => {
    const q = parseQuery(c, z.object({ status: z.enum(['pending', 'merged', 'dismissed', 'all']).optional().default('pending') }));
    return c.json(await corpus.proposals(q.status));
  });

  app.get('/api/identities/decisions', async (c) => c.json(await corpus.decisions()));

  app.post('/api/identities/merge', async (c) => {
    const body = await parseJson(c, z.object({ keep: personRef, fold: personRef, ...who }));
    const kept = await corpus.merge(body.keep, body.fold, { by: body.by ?? ctx.user, why: body.why ?? null });
    ctx.changed();
    return c.json(kept);
  });

  app.post('/api/identities/split', async (c) => {
    const body = await parseJson(c, z.object({ identity: personRef, forms: z.array(z.string().trim().min(1).max(200)).min(1).max(100), ...who }));
    const result = await corpus.split(body.identity, body.forms, { by: body.by ?? ctx.user, why: body.why ?? null });
    ctx.changed();
    return c.json(result);
  });

  app.post('/api/documents/:id/people/:person/identity', async (c) => {
    const body = await parseJson(c, z.object({ identity: personRef, ...who }));
    const person = c.req.param('person');
    if (!/^[a-z]{0,4}\d{1,6}$/.test(person)) throw new HttpError(400, 'E_INVALID', `${JSON.stringify(person.slice(0, 40))} is not a person of a document (p1, p2 …)`);
    const result = await corpus.linkMention(c.req.param('id'), person, body.identity, { by: body.by ?? ctx.user, why: body.why ?? null });
    ctx.changed();
    return c.json(result);
  });

  app.post('/api/identities/reopen', async (c) => {
    const body = await parseJson(c, z.object({ a: personRef, b: personRef, ...who }));
    await corpus.reopen(body.a, body.b, { by: body.by ?? ctx.user, why: body.why ?? null });
    ctx.changed();
    return c.json({ ok: true });
  });

  app.post('/api/identities/dismiss', async (c) => {
    const body = await parseJson(c, z.object({ a: personRef, b: personRef, ...who }));
    await corpus.dismiss(body.a, body.b, { by: body.by ?? ctx.user, why: body.why ?? null });
    ctx.changed();
    return c.json({ ok: true });
  });
}
