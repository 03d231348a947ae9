/**
 * A codebook: the themes an analyst sorts claims by, as a tree of codes, each with a definition, a colour,
 * and the indicators that let the machine propose it (terms in Japanese and English, and regular
 * expressions). Users keep it as a JSON file, edit it, and load it into the corpus; it is validated here
 * before anything uses it.
 *
 * The tree is written flat (each code names its parent) so that a file stays easy to edit and diff: moving
 * a code is changing one line. Ids are stable keys (corrections and exports refer to them); names are
 * what people read.
 */
import { z } from 'zod';

/** The file format this build reads and writes. A file names it in `format`. */
export const CODEBOOK_FORMAT = 'mikata-codebook/1';

const codeId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]{0,79}$/, 'a code id is 1–80 lowercase letters, digits, ".", "_" or "-", starting with a letter or digit');

const colour = z.string().regex(/^#[0-9A-Fa-f]{6}$/, 'a colour is #RRGGBB');

const terms = z.array(z.string().trim().min(1, 'an indicator term is not empty').max(200)).max(500);

export const codeSchema = z.strictObject({
  id: codeId,
  parent: codeId.nullable().optional(),
  name: z.strictObject({ ja: z.string().min(1).max(200), en: z.string().min(1).max(200) }),
  definition: z.string().max(4000).optional(),
  colour: colour.optional(),
  /** Whether claims are coded with it; false for a heading that only groups its children. */
  codable: z.boolean().optional(),
  indicators: z
    .strictObject({
      /** Japanese terms, matched anywhere (Japanese has no spaces between words). */
      ja: terms.optional(),
      /** English terms, matched at word starts, with an inflection (s, es, ed, d, ing) allowed. */
      en: terms.optional(),
      /** Regular expressions (JavaScript syntax, matched case-insensitively). */
      patterns: z.array(z.string().min(1).max(500)).max(100).optional(),
    })
    .optional(),
});

export const codebookSchema = z
  .strictObject({
    format: z.literal(CODEBOOK_FORMAT),
    name: z.string().min(1).max(200),
    /** The codebook's own version, as its editors number it (a date, "3", "2025-02a"). */
    version: z.string().min(1).max(64),
    description: z.string().max(4000).optional(),
    codes: z.array(codeSchema).min(1).max(5000),
  })
  .superRefine((book, ctx) => {
    const ids = new Map<string, number>();
    book.codes.forEach((c, i) => {
      if (ids.has(c.id)) ctx.addIssue({ code: 'custom', path: ['codes', i, 'id'], message: `code id ${JSON.stringify(c.id)} is used twice (also codes[${ids.get(c.id)}])` });
      else ids.set(c.id, i);
    });
    book.codes.forEach((c, i) => {
      if (c.parent && !ids.has(c.parent)) ctx.addIssue({ code: 'custom', path: ['codes', i, 'parent'], message: `parent ${JSON.stringify(c.parent)} is not a code of this codebook` });
      for (const [j, p] of (c.indicators?.patterns ?? []).entries()) {
        try {
          new RegExp(p, 'iu');
        } catch (e) {
          ctx.addIssue({ code: 'custom', path: ['codes', i, 'indicators', 'patterns', j], message: `not a regular expression: ${(e as Error).message}` });
        }
      }
    });
    // A parent chain that comes back to itself would make the tree infinite.
    const parentOf = new Map(book.codes.map((c) => [c.id, c.parent ?? null]));
    for (const [i, c] of book.codes.entries()) {
      const seen = new Set<string>([c.id]);
      for (let p = parentOf.get(c.id) ?? null; p; p = parentOf.get(p) ?? null) {
        if (seen.has(p)) {
          ctx.addIssue({ code: 'custom', path: ['codes', i, 'parent'], message: `code ${JSON.stringify(c.id)} is its own ancestor (a cycle through ${JSON.stringify(p)})` });
          break;
        }
        seen.add(p);
      }
    }
  });

export type Codebook = z.infer<typeof codebookSchema>;
export type Code = z.infer<typeof codeSchema>;

/** A codebook that failed validation: the file (or source) and each problem with its place. */
export class CodebookError extends Error {
  override name = 'CodebookError';
  readonly problems: readonly string[];
  constructor(source: string, problems: readonly string[]) {
    super(`${source}: not a valid codebook: ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? `; and ${problems.length - 5} more` : ''}`);
    this.problems = problems;
  }
}

export const isCodebookError = (e: unknown): e is CodebookError => e instanceof Error && e.name === 'CodebookError';

/** Validates a parsed value as a codebook; throws a CodebookError naming `source` and every problem. */
export function parseCodebook(value: unknown, source = 'codebook'): Codebook {
  const r = codebookSchema.safeParse(value);
  if (r.success) return r.data;
  const problems = r.error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(top)'}: ${i.message}`);
  throw new CodebookError(source, problems);
}

/** Parses the JSON text of a codebook file. */
export function readCodebookJson(text: string, source = 'codebook'): Codebook {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new CodebookError(source, [`not JSON: ${(e as Error).message}`]);
  }
  return parseCodebook(value, source);
}

export function renderCodebookJson(book: Codebook): string {
  return `${JSON.stringify(book, null, 2)}\n`;
}

/** The codes in tree order (each parent before its children, siblings in file order), with their depth. */
export function codeTree(book: Codebook): { code: Code; depth: number }[] {
  const children = new Map<string | null, Code[]>();
  for (const c of book.codes) {
    const p = c.parent ?? null;
    let list = children.get(p);
    if (!list) children.set(p, (list = []));
    list.push(c);
  }
  const out: { code: Code; depth: number }[] = [];
  const walk = (parent: string | null, depth: number) => {
    for (const c of children.get(parent) ?? []) {
      out.push({ code: c, depth });
      walk(c.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

/** The ids of a code and all its ancestors, nearest first. */
export function ancestry(book: Codebook, id: string): string[] {
  const parentOf = new Map(book.codes.map((c) => [c.id, c.parent ?? null]));
  const out: string[] = [];
  for (let p: string | null = id; p && !out.includes(p); p = parentOf.get(p) ?? null) out.push(p);
  return out;
}

/** A code's ids and all its descendants' (for a filter on a code that also takes its children). */
export function descendants(book: Codebook, id: string): string[] {
  const out = [id];
  for (let i = 0; i < out.length; i++) for (const c of book.codes) if (c.parent === out[i] && !out.includes(c.id)) out.push(c.id);
  return out;
}

export const isCodable = (c: Code) => c.codable !== false;
