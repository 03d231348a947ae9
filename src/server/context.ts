/** What every route shares: the corpus behind the workbench, the response cache and the server's settings. */
import type { Hono } from 'hono';
import type { Analysis } from '../core/model/schema.ts';
import type { SourceText } from '../core/text/source-text.ts';
import type { ResponseCache } from './response-cache.ts';
import type { Workbench } from './workbench.ts';

export interface ServerContext {
  readonly workbench: Workbench;
  readonly cache: ResponseCache;
  /** Who edits when a request does not say (MIKATA_USER, the OS user, or "analyst"). */
  readonly user: string;
  /** Largest file an upload may hold, in bytes. */
  readonly maxUploadBytes: number;
  /** Most files one upload request may hold. */
  readonly maxUploadFiles: number;
  /**
   * Reads (and, with a pool, analyses) one uploaded file. Rejects with an IngestError for a file that is not a
   * document, or a PoolError (timeout, memory, busy). Without an analysis it is left to the corpus.
   */
  readonly prepare: (bytes: Uint8Array, name: string) => Promise<{ source: SourceText; analysis?: Analysis }>;
  readonly log: (message: string) => void;
  /** Forgets cached answers after a write through this server. */
  readonly changed: () => void;
}

export type Routes = (app: Hono, ctx: ServerContext) => void;
