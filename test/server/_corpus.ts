/** A fresh SQLite corpus in a temporary directory, filled with the workbench's test documents. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Corpus } from '../../src/store/corpus.ts';
import { BLACK_SEA_JA, CONVOYS_EN, HOSTILE_TEXT } from './_texts.ts';

export interface TestCorpus {
  readonly corpus: Corpus;
  readonly dir: string;
  /** Document refs by the name they were ingested under. */
  readonly refs: Record<string, string>;
  dispose(): Promise<void>;
}

export async function createTestCorpus(documents: Record<string, string> = {
  'black-sea.txt': BLACK_SEA_JA,
  'convoys.txt': CONVOYS_EN,
  'hostile.txt': HOSTILE_TEXT,
}): Promise<TestCorpus> {
  const dir = mkdtempSync(join(tmpdir(), 'mikata-server-'));
  const corpus = await Corpus.open({ db: join(dir, 'corpus.db'), create: true, now: () => '2025-04-01T09:00:00.000Z' });
  const outcomes = await corpus.addSources(Object.entries(documents).map(([name, text]) => ({ source: { text, format: 'text' as const }, name })));
  const refs: Record<string, string> = {};
  for (const o of outcomes) {
    if (o.status !== 'added' || !o.document) throw new Error(`test document ${o.name} was not added: ${o.reason}`);
    refs[o.name!] = o.document.id;
  }
  return {
    corpus,
    dir,
    refs,
    dispose: async () => {
      await corpus.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
