/**
 * Caveats for sources that speak for a state: state media and officials. A list the analyst edits (a JSON
 * file, format `mikata-source-caveats/1`, validated here), each entry with the terms that recognise such a
 * source in its name, organisation or post, the caveat to show beside it, and optionally a reliability grade
 * to suggest. A suggestion is not a grade: only the analyst grades (grades.ts); the caveat is shown whether
 * the source is graded or not, since a grade does not make an official line any less official.
 *
 * Pure: the list in, the entries that fit a source out.
 */
import { z } from 'zod';
import { RELIABILITY, type Reliability } from './grades.ts';

export const CAVEATS_FORMAT = 'mikata-source-caveats/1';

const terms = z.array(z.string().trim().min(1, 'a term is not empty').max(200)).max(500);

export const caveatEntrySchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,79}$/, 'an id is 1–80 lowercase letters, digits, ".", "_" or "-"'),
  /** What kind of source: the workbench and exports group by it. */
  kind: z.enum(['state-media', 'official', 'other']),
  label: z.strictObject({ ja: z.string().min(1).max(200), en: z.string().min(1).max(200) }),
  /** What the analyst should keep in mind, shown beside every claim of such a source. */
  caveat: z.strictObject({ ja: z.string().min(1).max(1000), en: z.string().min(1).max(1000) }),
  /** A reliability grade to suggest; the analyst decides. */
  suggest: z.enum(RELIABILITY).optional(),
  match: z.strictObject({
    /** Japanese terms, found anywhere in a name, organisation or post. */
    ja: terms.optional(),
    /** English terms, case-insensitive, at word boundaries. */
    en: terms.optional(),
    /** Regular expressions (JavaScript syntax, case-insensitive). */
    patterns: z.array(z.string().min(1).max(500)).max(100).optional(),
  }),
});

export const caveatListSchema = z
  .strictObject({
    format: z.literal(CAVEATS_FORMAT),
    name: z.string().min(1).max(200),
    version: z.string().min(1).max(64),
    description: z.string().max(4000).optional(),
    entries: z.array(caveatEntrySchema).max(1000),
  })
  .superRefine((list, ctx) => {
    const ids = new Map<string, number>();
    list.entries.forEach((e, i) => {
      if (ids.has(e.id)) ctx.addIssue({ code: 'custom', path: ['entries', i, 'id'], message: `id ${JSON.stringify(e.id)} is used twice (also entries[${ids.get(e.id)}])` });
      else ids.set(e.id, i);
      const m = e.match;
      if (!m.ja?.length && !m.en?.length && !m.patterns?.length) {
        ctx.addIssue({ code: 'custom', path: ['entries', i, 'match'], message: 'give at least one term or pattern, or the entry never matches' });
      }
      for (const [j, p] of (m.patterns ?? []).entries()) {
        try {
          new RegExp(p, 'iu');
        } catch (err) {
          ctx.addIssue({ code: 'custom', path: ['entries', i, 'match', 'patterns', j], message: `not a regular expression: ${(err as Error).message}` });
        }
      }
    });
  });

export type CaveatList = z.infer<typeof caveatListSchema>;
export type CaveatEntry = z.infer<typeof caveatEntrySchema>;

/** A caveat list that failed validation: the source and each problem with its place. */
export class CaveatListError extends Error {
  override name = 'CaveatListError';
  readonly problems: readonly string[];
  constructor(source: string, problems: readonly string[]) {
    super(`${source}: not a valid caveat list: ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? `; and ${problems.length - 5} more` : ''}`);
    this.problems = problems;
  }
}

export const isCaveatListError = (e: unknown): e is CaveatListError => e instanceof Error && e.name === 'CaveatListError';

export function parseCaveatList(value: unknown, source = 'caveat list'): CaveatList {
  const r = caveatListSchema.safeParse(value);
  if (r.success) return r.data;
  throw new CaveatListError(source, r.error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(top)'}: ${i.message}`));
}

export function readCaveatListJson(text: string, source = 'caveat list'): CaveatList {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new CaveatListError(source, [`not JSON: ${(e as Error).message}`]);
  }
  return parseCaveatList(value, source);
}

export function renderCaveatListJson(list: CaveatList): string {
  return `${JSON.stringify(list, null, 2)}\n`;
}

/** One entry that fits a source, and what made it fit. */
export interface SourceCaveat {
  readonly id: string;
  readonly kind: CaveatEntry['kind'];
  readonly label: { readonly ja: string; readonly en: string };
  readonly caveat: { readonly ja: string; readonly en: string };
  readonly suggest: Reliability | null;
  /** The term or pattern that matched, and the text it matched in (the name, organisation or post). */
  readonly matched: { readonly term: string; readonly in: string };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface Compiled {
  readonly entry: CaveatEntry;
  readonly tests: readonly { term: string; test: (s: string) => boolean }[];
}

const compiledLists = new WeakMap<CaveatList, Compiled[]>();

function compile(list: CaveatList): Compiled[] {
  let out = compiledLists.get(list);
  if (out) return out;
  out = list.entries.map((entry) => ({
    entry,
    tests: [
      ...(entry.match.ja ?? []).map((t) => {
        const term = t.normalize('NFKC');
        return { term: t, test: (s: string) => s.includes(term) };
      }),
      ...(entry.match.en ?? []).map((t) => {
        // Word boundaries by letters, not \b, so that a term may start or end with a non-letter.
        const re = new RegExp(`(?<![\\p{L}\\p{N}])${escape(t.normalize('NFKC'))}(?![\\p{L}\\p{N}])`, 'iu');
        return { term: t, test: (s: string) => re.test(s) };
      }),
      ...(entry.match.patterns ?? []).map((p) => {
        const re = new RegExp(p, 'iu');
        return { term: p, test: (s: string) => re.test(s) };
      }),
    ],
  }));
  compiledLists.set(list, out);
  return out;
}

/**
 * The entries that fit a source, given what is known of it: its names, its organisation and its posts (in any
 * order; nulls and blanks are passed over). Each entry once, with the first term that matched; list order.
 *
 * @example
 * caveatsFor(DEFAULT_CAVEATS, ['マリナ・ソコロワ', '報道官']).map((c) => c.id); // ['official.spokesperson']
 */
export function caveatsFor(list: CaveatList, texts: readonly (string | null | undefined)[]): SourceCaveat[] {
  const given = [...new Set(texts.filter((t): t is string => typeof t === 'string' && t.trim() !== '').map((t) => t.normalize('NFKC')))];
  const out: SourceCaveat[] = [];
  for (const { entry, tests } of compile(list)) {
    let matched: SourceCaveat['matched'] | null = null;
    for (const t of tests) {
      const hit = given.find((s) => t.test(s));
      if (hit !== undefined) {
        matched = { term: t.term, in: hit };
        break;
      }
    }
    if (matched) out.push({ id: entry.id, kind: entry.kind, label: entry.label, caveat: entry.caveat, suggest: entry.suggest ?? null, matched });
  }
  return out;
}
