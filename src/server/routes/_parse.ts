/**
 * Reading a request: query strings and JSON bodies checked against zod schemas, with one 400 line that
 * names the field and the problem ("limit: must be at most 500").
 */
import type { Context } from 'hono';
import { z } from 'zod';
import { DEFAULT_MAX_JSON_BYTES, readBodyBytes } from '../body-limit.ts';
import { HttpError } from '../errors.ts';

function describe(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.length ? `${i.path.join('.')}: ` : ''}${i.message}`).join('; ');
}

export function parseQuery<S extends z.ZodType>(c: Context, schema: S): z.infer<S> {
  const r = schema.safeParse(c.req.query());
  if (!r.success) throw new HttpError(400, 'E_INVALID', describe(r.error));
  return r.data;
}

/**
 * A JSON body: the content type must say so (a cross-site form cannot), it must fit in
 * DEFAULT_MAX_JSON_BYTES (counted while reading, so a chunked body is cut off there too), and it must fit the
 * schema.
 */
export async function parseJson<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) throw new HttpError(415, 'E_TYPE', 'send the request body as application/json');
  const bytes = await readBodyBytes(c, DEFAULT_MAX_JSON_BYTES, 'JSON body');
  let body: unknown;
  try {
    body = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new HttpError(400, 'E_INVALID', 'the request body is not valid JSON (UTF-8)');
  }
  const r = schema.safeParse(body);
  if (!r.success) throw new HttpError(400, 'E_INVALID', describe(r.error));
  return r.data;
}

/** Optional text of bounded length, empty meaning absent. */
export const optionalText = (max: number) => z.string().trim().max(max).optional().transform((s) => (s ? s : undefined));

export const dateParam = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD')
  .optional()
  .or(z.literal('').transform(() => undefined));

export const intParam = (min: number, max: number, fallback: number) =>
  z
    .string()
    .optional()
    .transform((s, ctx) => {
      if (s === undefined || s === '') return fallback;
      const n = Number(s);
      if (!Number.isInteger(n) || n < min || n > max) {
        ctx.addIssue({ code: 'custom', message: `must be a whole number from ${min} to ${max}` });
        return z.NEVER;
      }
      return n;
    });

export const languageParam = z.enum(['ja', 'en']).optional().default('ja');

/** Sends JSON already serialised (from the response cache). */
export function sendJson(c: Context, json: string, status: 200 | 201 = 200): Response {
  return c.body(json, status, { 'content-type': 'application/json; charset=utf-8' });
}
