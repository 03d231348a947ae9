/**
 * The index of similar claims over SQL (both databases): an inverted index of character n-grams → claims
 * (`claim_grams`) and each gram's claim count (`gram_frequencies`), kept in step with the claims table by
 * the store's writes (ingest, reanalysis, corrections, versions, deletion).
 *
 * A lookup is two steps, so that it costs about the same at ten or ten thousand documents:
 * 1. candidates: the claims that share the most of the query's RARE_GRAMS rarest grams (short postings,
 *    read through the gram index), at most CANDIDATES of them;
 * 2. exact cosine of TF-IDF vectors (core/similar) between the query and each candidate, with the
 *    frequencies as they are now: candidates' contents are read and n-grammed again, so nothing stored goes
 *    stale when the corpus grows.
 */
import { gramsOf, groupSimilar, rankSimilar, rarestGrams, SIMILARITY_THRESHOLD } from '../core/similar/index.ts';
import type { Row, SqlDriver } from './sql-store.ts';
import type { SimilarGroupsOf, SimilarHit } from './store.ts';

/** How many of the query's grams are looked up (the rarest). */
export const RARE_GRAMS = 16;
/** How many candidates get an exact cosine. */
export const CANDIDATES = 100;
/** The gram whose count is the number of claims indexed: every claim has it once. */
const TOTAL = '';

const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');
const num = (v: unknown): number => (typeof v === 'number' ? v : Number(v));

function chunks<T>(items: readonly T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Indexes a document's claims (after they were inserted). */
export async function addClaimGrams(db: SqlDriver, doc: number, claims: readonly { localId: string; content: string }[]): Promise<void> {
  if (claims.length === 0) return;
  const rows: unknown[][] = [];
  const counts = new Map<string, number>();
  for (const c of claims) {
    for (const g of [TOTAL, ...gramsOf(c.content).keys()]) {
      rows.push([doc, c.localId, g]);
      counts.set(g, (counts.get(g) ?? 0) + 1);
    }
  }
  await db.insertMany('claim_grams', ['doc', 'claim', 'gram'], rows);
  for (const part of chunks([...counts], 1000)) {
    await db.run(
      `INSERT INTO gram_frequencies (gram, claims) VALUES ${part.map(() => '(?, ?)').join(', ')}
       ON CONFLICT (gram) DO UPDATE SET claims = gram_frequencies.claims + excluded.claims`,
      part.flat(),
    );
  }
}

/** Takes a document's claims out of the index (before they are deleted); resolves to the rows removed. */
export async function removeClaimGrams(db: SqlDriver, doc: number): Promise<number> {
  await db.run(
    `UPDATE gram_frequencies SET claims = claims - (SELECT count(*) FROM claim_grams g WHERE g.gram = gram_frequencies.gram AND g.doc = ?)
     WHERE gram IN (SELECT gram FROM claim_grams WHERE doc = ?)`,
    [doc, doc],
  );
  await db.run('DELETE FROM gram_frequencies WHERE claims <= 0 AND gram IN (SELECT gram FROM claim_grams WHERE doc = ?)', [doc]);
  return db.run('DELETE FROM claim_grams WHERE doc = ?', [doc]);
}

/** Builds the whole index again from the claims table, a document at a time; resolves to the claims indexed. */
export async function rebuildClaimGrams(db: SqlDriver): Promise<number> {
  await db.run('DELETE FROM claim_grams');
  await db.run('DELETE FROM gram_frequencies');
  const docs = await db.all<Row>('SELECT DISTINCT doc FROM claims ORDER BY doc');
  let n = 0;
  for (const { doc } of docs) {
    const claims = await db.all<Row>('SELECT local_id, content FROM claims WHERE doc = ?', [doc]);
    await addClaimGrams(db, num(doc), claims.map((c) => ({ localId: String(c.local_id), content: String(c.content) })));
    n += claims.length;
  }
  return n;
}

async function frequencies(db: SqlDriver, grams: readonly string[], into: Map<string, number>): Promise<void> {
  for (const part of chunks(grams.filter((g) => !into.has(g)), 900)) {
    const rows = await db.all<Row>(`SELECT gram, claims FROM gram_frequencies WHERE gram IN (${marks(part.length)})`, part);
    for (const g of part) into.set(g, 0);
    for (const r of rows) into.set(String(r.gram), num(r.claims));
  }
}

/**
 * Claims similar to one claim (itself left out), most similar first; null when the claim is not stored.
 * `rareGrams` and `candidates` override RARE_GRAMS and CANDIDATES, for measuring the trade-off.
 */
export async function similarTo(
  db: SqlDriver, doc: number, claim: string, options: { threshold?: number; limit?: number; rareGrams?: number; candidates?: number } = {},
): Promise<SimilarHit[] | null> {
  const self = await db.get<Row>('SELECT content FROM claims WHERE doc = ? AND local_id = ?', [doc, claim]);
  if (!self) return null;
  const query = gramsOf(String(self.content));
  if (query.size === 0) return [];
  const df = new Map<string, number>();
  await frequencies(db, [TOTAL, ...query.keys()], df);
  const rare = rarestGrams(query, (g) => df.get(g) ?? 0, options.rareGrams ?? RARE_GRAMS);
  const postings = await db.all<Row>(
    `SELECT doc, claim, count(*) AS n FROM claim_grams WHERE gram IN (${marks(rare.length)})
     GROUP BY doc, claim ORDER BY n DESC, doc, claim LIMIT ?`,
    [...rare, (options.candidates ?? CANDIDATES) + 1],
  );
  const keys = postings.map((r) => ({ doc: num(r.doc), claim: String(r.claim) })).filter((k) => !(k.doc === doc && k.claim === claim));
  if (keys.length === 0) return [];
  const candidates: { key: { doc: number; claim: string }; grams: Map<string, number> }[] = [];
  for (const part of chunks(keys, 100)) {
    const rows = await db.all<Row>(
      `SELECT doc, local_id, content FROM claims WHERE ${part.map(() => '(doc = ? AND local_id = ?)').join(' OR ')}`,
      part.flatMap((k) => [k.doc, k.claim]),
    );
    for (const r of rows) candidates.push({ key: { doc: num(r.doc), claim: String(r.local_id) }, grams: gramsOf(String(r.content)) });
  }
  const all = new Set<string>();
  for (const c of candidates) for (const g of c.grams.keys()) all.add(g);
  await frequencies(db, [...all], df);
  const total = df.get(TOTAL) ?? 0;
  const ranked = rankSimilar(query, candidates, (g) => df.get(g) ?? 0, total, options.threshold ?? SIMILARITY_THRESHOLD);
  // Ties by document and claim, so that both databases list them alike.
  ranked.sort((a, b) => b.similarity - a.similarity || a.key.doc - b.key.doc || (a.key.claim < b.key.claim ? -1 : a.key.claim > b.key.claim ? 1 : 0));
  return ranked.slice(0, options.limit ?? ranked.length).map((r) => ({ doc: r.key.doc, claim: r.key.claim, similarity: r.similarity }));
}

/**
 * Groups a set of claims (those of one code) by what they say: every pair compared with the index's
 * measure and its frequencies as they are now (core/similar/cluster.ts). Claims not stored are left out.
 */
export async function similarAmong(
  db: SqlDriver, keys: readonly { doc: number; claim: string }[], options: { threshold?: number } = {},
): Promise<SimilarGroupsOf> {
  const items: { doc: number; claim: string; grams: Map<string, number> }[] = [];
  const wanted = new Set(keys.map((k) => `${k.doc} ${k.claim}`));
  for (const part of chunks([...new Set(keys.map((k) => k.doc))], 200)) {
    const rows = await db.all<Row>(`SELECT doc, local_id, content FROM claims WHERE doc IN (${marks(part.length)}) ORDER BY doc, local_id`, part);
    for (const r of rows) {
      const key = { doc: num(r.doc), claim: String(r.local_id) };
      if (wanted.has(`${key.doc} ${key.claim}`)) items.push({ ...key, grams: gramsOf(String(r.content)) });
    }
  }
  // Both databases list the claims in one order, so that groups come out alike.
  items.sort((a, b) => a.doc - b.doc || (a.claim < b.claim ? -1 : a.claim > b.claim ? 1 : 0));
  const df = new Map<string, number>();
  const all = new Set<string>([TOTAL]);
  for (const it of items) for (const g of it.grams.keys()) all.add(g);
  await frequencies(db, [...all], df);
  const { links, groups } = groupSimilar(items.map((it) => it.grams), (g) => df.get(g) ?? 0, df.get(TOTAL) ?? 0, options.threshold ?? SIMILARITY_THRESHOLD);
  const key = (i: number) => ({ doc: items[i]!.doc, claim: items[i]!.claim });
  return {
    links: links.map((l) => ({ a: key(l.a), b: key(l.b), similarity: l.similarity })),
    groups: groups.map((g) => g.map(key)),
  };
}
