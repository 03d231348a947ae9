/** What every route shares: the corpus behind the workbench, the response cache and the server's settings. */
import type { Hono } from 'hono';
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
  readonly log: (message: string) => void;
  /** Forgets cached answers after a write through this server. */
  readonly changed: () => void;
}

export type Routes = (app: Hono, ctx: ServerContext) => void;
