/**
 * A corpus file for the CLI's corpus commands, built through the API with the hand-made analyses of
 * test/store/_fixtures.ts (on a fixed clock), so that what a command prints does not depend on what the
 * extractor finds today.
 */
import { Corpus } from '../../src/store/corpus.ts';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { ALL_DOCS, EN_CORRIDOR, fixedClock, fixtureAnalyzer, JA_BLACK_SEA, JA_DRONES, makeAnalysis, sourceOf, type DocSpec } from '../store/_fixtures.ts';

/** Creates the corpus at `path` with `docs`, closes it, and returns the path. */
export async function fixtureCorpusAt(path: string, docs: readonly DocSpec[] = [JA_BLACK_SEA, EN_CORRIDOR, JA_DRONES]): Promise<string> {
  const corpus = new Corpus(await openSqliteStore(path, { create: true }), { now: fixedClock(), analyzer: fixtureAnalyzer(ALL_DOCS) });
  await corpus.addSources(docs.map((d) => ({ ...sourceOf(d), analysis: makeAnalysis(d) })));
  await corpus.close();
  return path;
}
