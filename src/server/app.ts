/**
 * The workbench server: the HTTP JSON API over a corpus and the web UI, as one hono app. No listening here
 * (node.ts does that), so tests call `app.request(…)` without a socket.
 *
 * Security, in the order requests meet it:
 * - every response carries a Content-Security-Policy without inline script, and headers that forbid
 *   framing and content sniffing;
 * - without a token the server answers only requests addressed to a loopback name (a web page cannot reach
 *   it through DNS rebinding);
 * - with a token every /api request must carry it (`Authorization: Bearer …`);
 * - a request that changes something must come from the workbench's own origin (no cross-site forms).
 */
import { timingSafeEqual } from 'node:crypto';
import { Hono, type MiddlewareHandler } from 'hono';
import { readSourceBytes } from '../ingest/read-source.ts';
import type { AnalysisPool } from './analysis-pool.ts';
import { DEFAULT_MAX_JSON_BYTES, limitBodies } from './body-limit.ts';
import { Corpus, isCorpusError } from '../store/corpus.ts';
import type { Store } from '../store/store.ts';
import type { ServerContext } from './context.ts';
import { HttpError, toErrorResponse } from './errors.ts';
import { ResponseCache } from './response-cache.ts';
import { achRoutes } from './routes/ach.ts';
import { agreementRoutes } from './routes/agreement.ts';
import { correctionRoutes } from './routes/corrections.ts';
import { documentRoutes, maxUploadBody, UPLOAD_EXTENSIONS } from './routes/documents.ts';
import { exploreRoutes } from './routes/explore.ts';
import { exportRoutes } from './routes/exports.ts';
import { gradeRoutes } from './routes/grades.ts';
import { peopleRoutes } from './routes/people.ts';
import { webRoutes } from './routes/web.ts';
import type { WebAssets } from './web-assets.ts';
import { Workbench } from './workbench.ts';

export interface AppOptions {
  /** The corpus to serve; or give `store` and a Corpus is made over it. */
  readonly corpus?: Corpus;
  readonly store?: Store;
  /** When set, every /api request must carry it. Required by `mikata serve` off loopback. */
  readonly token?: string | null;
  /** Who edits when a request does not say. */
  readonly user?: string;
  /** Per file; 20 MiB by default. */
  readonly maxUploadBytes?: number;
  readonly maxUploadFiles?: number;
  /**
   * Where uploads are read and analysed. `mikata serve` gives a pool of worker threads; without one (tests of
   * the API alone) files are read and analysed on the request thread.
   */
  readonly pool?: AnalysisPool;
  /**
   * Host names requests may be addressed to. Default: loopback names when there is no token, anything
   * when there is one (the token is the guard then).
   */
  readonly allowedHosts?: readonly string[] | 'any';
  /** The UI bundle (tests of the API alone never ask for it). */
  readonly assets?: () => Promise<WebAssets>;
  /** Response cache timing (tests turn it down). */
  readonly cache?: { probeEveryMs?: number; maxAgeMs?: number };
  readonly log?: (message: string) => void;
}

export const DEFAULT_MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

/** The policy of every page: scripts and styles from this origin only, nothing inline, no plugins, no framing. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]', '::1'];

function hostName(host: string): string {
  const h = host.trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(0, h.indexOf(']') + 1);
  return h.replace(/:\d+$/, '');
}

function isLoopbackHost(name: string): boolean {
  return LOOPBACK_NAMES.includes(name) || /^127(?:\.\d{1,3}){3}$/.test(name) || name.endsWith('.localhost');
}

function sameToken(given: string, token: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function tokenOf(authorization: string | undefined, header: string | undefined): string | null {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  return m ? m[1]! : header?.trim() || null;
}

const securityHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  const h = c.res.headers;
  if (!h.has('content-security-policy')) h.set('content-security-policy', CONTENT_SECURITY_POLICY);
  h.set('x-content-type-options', 'nosniff');
  h.set('x-frame-options', 'DENY');
  h.set('referrer-policy', 'no-referrer');
  h.set('cross-origin-opener-policy', 'same-origin');
  h.set('cross-origin-resource-policy', 'same-origin');
  h.set('permissions-policy', 'camera=(), microphone=(), geolocation=()');
  if (c.req.path.startsWith('/api/') && !h.has('cache-control')) h.set('cache-control', 'no-store');
};

/**
 * @example
 * const app = createApp({ corpus: await Corpus.open({ db: 'mikata.db' }) });
 * const res = await app.request('/api/experts'); // 200, [{ id: 'e1', name: 'ヴラド・ポペスク', … }]
 */
export function createApp(options: AppOptions): Hono {
  const corpus = options.corpus ?? (options.store ? new Corpus(options.store) : null);
  if (!corpus) throw new TypeError('createApp: give a corpus or a store');
  const token = options.token?.trim() || null;
  const log = options.log ?? ((m: string) => void process.stderr.write(`${m}\n`));
  const workbench = new Workbench(corpus);
  const cache = new ResponseCache({ probe: () => workbench.stamp(), keepError: isCorpusError, ...options.cache });
  const ctx: ServerContext = {
    workbench,
    cache,
    user: options.user?.trim() || 'analyst',
    maxUploadBytes: options.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES,
    maxUploadFiles: options.maxUploadFiles ?? 20,
    prepare: options.pool
      ? (bytes, name) => options.pool!.run({ bytes, name, maxBytes: options.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES })
      : async (bytes, name) => ({ source: await readSourceBytes(bytes, { name, maxBytes: options.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES }) }),
    log,
    changed: () => cache.clear(),
  };
  const allowed = options.allowedHosts ?? (token ? 'any' : null);

  const app = new Hono();
  app.use('*', securityHeaders);

  app.use('*', async (c, next) => {
    const host = hostName(c.req.header('host') ?? new URL(c.req.url).host);
    const ok = allowed === 'any' || (allowed === null ? isLoopbackHost(host) : allowed.map(hostName).includes(host));
    if (!ok) throw new HttpError(403, 'E_HOST', `this server answers only requests to ${allowed === null ? 'localhost / 127.0.0.1' : 'its own host names'}`);
    await next();
  });

  // Bodies are refused by their declared size before anything reads them (and counted while read).
  app.use('/api/*', limitBodies((c) =>
    c.req.method === 'POST' && c.req.path === '/api/documents'
      ? { bytes: maxUploadBody(ctx), what: 'upload' }
      : c.req.method === 'POST' && /^\/api\/documents\/[^/]+\/replace$/.test(c.req.path)
      ? { bytes: maxUploadBody({ maxUploadBytes: ctx.maxUploadBytes, maxUploadFiles: 1 }), what: 'upload' }
      : { bytes: DEFAULT_MAX_JSON_BYTES, what: 'JSON body' },
  ));

  app.use('/api/*', async (c, next) => {
    if (token) {
      const given = tokenOf(c.req.header('authorization'), c.req.header('x-mikata-token'));
      if (!given || !sameToken(given, token)) {
        c.header('www-authenticate', 'Bearer realm="mikata"');
        throw new HttpError(401, 'E_TOKEN', given ? 'the token is wrong' : 'this workbench needs a token (Authorization: Bearer …)');
      }
    }
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      const site = c.req.header('sec-fetch-site');
      const origin = c.req.header('origin');
      const own = new URL(c.req.url);
      const host = c.req.header('host') ?? own.host;
      const crossSite = site === 'cross-site' || site === 'same-site';
      const otherOrigin = origin !== undefined && origin !== 'null' && (() => { try { return new URL(origin).host !== host; } catch { return true; } })();
      if (crossSite || otherOrigin || origin === 'null') throw new HttpError(403, 'E_ORIGIN', 'changes are accepted only from the workbench itself');
    }
    await next();
  });

  app.get('/api/session', async (c) => {
    const store = workbench.store;
    return c.json({
      user: ctx.user,
      store: store.info.kind,
      documents: await store.countDocuments(),
      upload: { maxBytes: ctx.maxUploadBytes, maxFiles: ctx.maxUploadFiles, extensions: UPLOAD_EXTENSIONS },
      token: token !== null,
    });
  });

  documentRoutes(app, ctx);
  correctionRoutes(app, ctx);
  peopleRoutes(app, ctx);
  exploreRoutes(app, ctx);
  agreementRoutes(app, ctx);
  exportRoutes(app, ctx);
  achRoutes(app, ctx);
  gradeRoutes(app, ctx);
  webRoutes(app, { assets: options.assets });

  app.notFound((c) => {
    if (c.req.path.startsWith('/api/')) return c.json({ error: { code: 'E_NOT_FOUND', message: `no such API route: ${c.req.method} ${c.req.path.slice(0, 200)}` } }, 404);
    return c.text('not found', 404);
  });

  app.onError((e, c) => {
    const { status, body } = toErrorResponse(e, log);
    if (c.req.path.startsWith('/api/') || status >= 500 || e instanceof HttpError) return c.json(body, status);
    return c.text(body.error.message, status);
  });

  return app;
}
