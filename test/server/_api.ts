/**
 * The workbench's HTTP API over a fresh test corpus (./_corpus.ts), called in-process (`app.request`, no
 * socket), as user `tester`, with the response cache probing the corpus on every request so that a test reads
 * back what it has just changed.
 */
import { createApp } from '../../src/server/app.ts';
import { createTestCorpus, type TestCorpus } from './_corpus.ts';

// The tests read the answers' JSON by path.
export type Json = any;

export interface TestApi extends TestCorpus {
  readonly app: ReturnType<typeof createApp>;
  /** A request and its answer's status and JSON body. */
  call(path: string, init?: RequestInit): Promise<{ status: number; body: Json }>;
}

export async function createTestApi(documents?: Record<string, string>): Promise<TestApi> {
  const t = await createTestCorpus(documents);
  const app = createApp({ corpus: t.corpus, user: 'tester', cache: { probeEveryMs: 0 } });
  return {
    ...t,
    app,
    async call(path, init) {
      const res = await app.request(path, init);
      return { status: res.status, body: await res.json() };
    },
  };
}

/** A request with a JSON body: POST, or the method given. */
export const post = (body: unknown, method = 'POST'): RequestInit => ({ method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

/** The identity of the first speaker of a document's first claim. */
export const speakerOf = async (t: TestApi, doc: string): Promise<string> => (await t.call(`/api/documents/${doc}`)).body.attributions[0].speakers[0].identity as string;
