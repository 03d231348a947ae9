/**
 * A corpus over a fresh store of a test backend (./_backends.ts), analysed by the hand-made fixture analyses
 * (./_fixtures.ts) on a fixed clock; and the check that a corpus call is refused with a given CorpusError.
 */
import assert from 'node:assert/strict';
import { Corpus, CorpusError } from '../../src/store/corpus.ts';
import type { Analysis } from '../../src/core/model/schema.ts';
import type { Store } from '../../src/store/store.ts';
import type { Backend } from './_backends.ts';
import { fixedClock, fixtureAnalyzer, sourceOf, type DocSpec } from './_fixtures.ts';

/** Fails unless `p` rejects with a CorpusError of `code` (and, when given, a message matching `message`); returns it. */
export async function rejects(p: Promise<unknown>, code: CorpusError['code'], message?: RegExp): Promise<CorpusError> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof CorpusError, `expected a CorpusError, got ${String(e)}`);
    assert.equal(e.code, code, e.message);
    if (message) assert.match(e.message, message);
    return e;
  }
  assert.fail(`expected a CorpusError ${code}`);
}

/**
 * Runs a test on a corpus over a new store of `backend`, with `docs` added: the analyzer knows the analyses of
 * `known` (and `variants` of them, by name, for a reanalysis or a new version); the corpus is closed after.
 */
export function fixtureCorpus(backend: Backend, known: readonly DocSpec[], docs: readonly DocSpec[]) {
  return async (fn: (c: Corpus, store: Store) => Promise<void>, variants = new Map<string, Analysis>()): Promise<void> => {
    const store = await backend.open();
    const corpus = new Corpus(store, { now: fixedClock(), analyzer: fixtureAnalyzer(known, variants) });
    try {
      await corpus.addSources(docs.map(sourceOf));
      await fn(corpus, store);
    } finally {
      await corpus.close();
    }
  };
}
