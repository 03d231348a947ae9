/**
 * Competing hypotheses (store/ach.ts): the matrices, their hypotheses, evidence and ratings, the scores, and
 * the CSV export. Bodies are JSON under the common JSON limit (body-limit.ts: the declared size is checked
 * before reading, and counted while reading); every field is bounded; an unknown matrix, hypothesis,
 * evidence or claim is a 404, a bad rating or weight a 400, a duplicate a 409, and none of them changes the
 * matrix.
 */
import type { Hono } from 'hono';
import { z } from 'zod';
import { RATINGS } from '../../core/ach/ach.ts';
import { renderAchCsv } from '../../export/ach-csv.ts';
import { ACH_LIMITS } from '../../store/ach.ts';
import type { ServerContext } from '../context.ts';
import { HttpError } from '../errors.ts';
import { optionalText, parseJson } from './_parse.ts';

const ref = (what: string, pattern: RegExp, example: string) => z.string().trim().max(40).regex(pattern, `${what}: must be an id such as ${example}`);
const hypothesisRef = ref('hypothesis', /^h\d{1,9}$/, 'h1');
const evidenceRef = ref('evidence', /^ev\d{1,9}$/, 'ev1');
const weight = z.number().finite().min(0).max(ACH_LIMITS.maxWeight);

const createBody = z.object({ title: z.string().trim().min(1, 'give a title').max(ACH_LIMITS.title), by: optionalText(120) });
const hypothesisBody = z.object({ label: z.string().trim().min(1, 'give the hypothesis').max(ACH_LIMITS.label) });
const evidenceBody = z
  .object({
    document: z.string().trim().min(1).max(200).optional(),
    claim: z.string().trim().min(1).max(40).optional(),
    text: z.string().trim().min(1, 'give the evidence').max(ACH_LIMITS.text).optional(),
    weight: weight.optional(),
  })
  .strict()
  .refine((b) => (b.text !== undefined) !== (b.document !== undefined || b.claim !== undefined) && (b.text !== undefined || (b.document && b.claim)), {
    message: 'give either document and claim (a claim of the corpus), or text',
  });
const ratingBody = z.object({ evidence: evidenceRef, hypothesis: hypothesisRef, rating: z.enum(RATINGS).nullable(), by: optionalText(120) });
const weightBody = z.object({ evidence: evidenceRef, weight });
const orderBody = z.object({ hypotheses: z.array(hypothesisRef).min(1).max(ACH_LIMITS.hypotheses) });

function matrixParam(value: string): string {
  if (!/^m\d{1,12}$/.test(value)) throw new HttpError(400, 'E_INVALID', `${JSON.stringify(value.slice(0, 40))} is not a matrix id (m1, m2 …)`);
  return value;
}

export function achRoutes(app: Hono, ctx: ServerContext): void {
  const book = () => ctx.workbench.corpus.achBook();

  app.get('/api/ach', async (c) => c.json(await book().list()));

  app.post('/api/ach', async (c) => {
    const body = await parseJson(c, createBody);
    return c.json(await book().create({ title: body.title, by: body.by ?? ctx.user }), 201);
  });

  // Before /api/ach/:m, which would take "unanchored" for a bad matrix id.
  app.get('/api/ach/unanchored', async (c) => c.json(await book().unanchored()));

  app.get('/api/ach/:m', async (c) => c.json(await book().show(matrixParam(c.req.param('m')))));

  app.delete('/api/ach/:m', async (c) => c.json(await book().delete(matrixParam(c.req.param('m')))));

  app.post('/api/ach/:m/hypotheses', async (c) => {
    const m = matrixParam(c.req.param('m'));
    const body = await parseJson(c, hypothesisBody);
    return c.json(await book().addHypothesis(m, body.label), 201);
  });

  app.post('/api/ach/:m/evidence', async (c) => {
    const m = matrixParam(c.req.param('m'));
    const body = await parseJson(c, evidenceBody);
    const source = body.text !== undefined ? { text: body.text } : { document: body.document!, claim: body.claim! };
    return c.json(await book().addEvidence(m, source, { weight: body.weight }), 201);
  });

  app.put('/api/ach/:m/ratings', async (c) => {
    const m = matrixParam(c.req.param('m'));
    const body = await parseJson(c, ratingBody);
    return c.json(await book().rate(m, body.evidence, body.hypothesis, body.rating, body.by ?? ctx.user));
  });

  app.put('/api/ach/:m/weights', async (c) => {
    const m = matrixParam(c.req.param('m'));
    const body = await parseJson(c, weightBody);
    return c.json(await book().weigh(m, body.evidence, body.weight));
  });

  app.put('/api/ach/:m/order', async (c) => {
    const m = matrixParam(c.req.param('m'));
    const body = await parseJson(c, orderBody);
    return c.json(await book().reorder(m, body.hypotheses));
  });

  app.get('/api/ach/:m/csv', async (c) => {
    const m = matrixParam(c.req.param('m'));
    const csv = renderAchCsv(await book().show(m));
    return c.body(csv, 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="mikata-ach-${m}.csv"` });
  });
}
