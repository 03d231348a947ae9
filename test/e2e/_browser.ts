/**
 * The one Chromium set-up of the browser tests: the system's Chromium (MIKATA_CHROMIUM to choose another),
 * headless, without sandbox (containers), GPU or any background traffic of its own, so that what the page
 * fetches is all the tests see. And the one workbench set-up: a corpus in a temporary directory with the
 * test's documents, the server over it on 127.0.0.1 port 0, Chromium, pages that record every console error
 * and page error, and one `close` for all of it.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContextOptions, type ConsoleMessage, type Page } from 'playwright-core';
import { createApp, type AppOptions } from '../../src/server/app.ts';
import { startServer, type RunningServer } from '../../src/server/node.ts';
import { loadWebAssets } from '../../src/server/web-assets.ts';
import { Corpus } from '../../src/store/corpus.ts';

export const CHROMIUM = process.env.MIKATA_CHROMIUM ?? '/usr/bin/chromium';

/** The repository's root; the README's screenshots go to its docs/. */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Where the other screenshots go. */
export const ARTIFACTS = join(ROOT, 'test-artifacts');

/** Launches Chromium; fails with what to install when it is not there. */
export async function launchBrowser(): Promise<Browser> {
  assert.ok(existsSync(CHROMIUM), `Chromium not found at ${CHROMIUM} (apt-get install chromium, or set MIKATA_CHROMIUM)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export interface PageOptions extends BrowserContextOptions {
  /** Console errors a test asks for (Chromium logs each failed fetch, a 404 included, as an error): not problems. */
  readonly expectedErrors?: RegExp;
}

/** The workbench served over a corpus, and Chromium to look at it. */
export interface BrowserSession {
  /** The server over the corpus, as user `e2e`. */
  readonly server: RunningServer;
  readonly browser: Browser;
  /** Console errors, page errors and dialogs of every page opened with `openPage`: a test asserts there are none. */
  readonly problems: string[];
  /**
   * A page in a context of its own: 1280 × 800 and en-US unless the options say otherwise, a 10 s timeout,
   * its console errors, page errors and dialogs (dismissed) recorded in `problems`. Its context is
   * `page.context()`; `close` closes it with the browser.
   */
  openPage(options?: PageOptions): Promise<Page>;
  /** Another server over the same corpus (with a token, say); `close` closes it too. */
  startServer(options?: Omit<AppOptions, 'corpus'>): Promise<RunningServer>;
  /** Closes the browser and the servers. */
  close(): Promise<void>;
}

/** Serves the workbench over `corpus` on 127.0.0.1 port 0 and launches Chromium. The corpus stays open. */
export async function serveInBrowser(corpus: Corpus): Promise<BrowserSession> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await loadWebAssets();
  const servers: RunningServer[] = [];
  const serve = async (options: Omit<AppOptions, 'corpus'> = {}) => {
    const server = await startServer(createApp({ user: 'e2e', ...options, corpus }), { host: '127.0.0.1', port: 0 });
    servers.push(server);
    return server;
  };
  const server = await serve();
  let browser: Browser;
  try {
    browser = await launchBrowser();
  } catch (e) {
    await server.close();
    throw e;
  }
  const problems: string[] = [];
  return {
    server,
    browser,
    problems,
    async openPage({ expectedErrors, ...options }: PageOptions = {}) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US', ...options });
      const page = await context.newPage();
      page.setDefaultTimeout(10_000);
      page.on('console', (m: ConsoleMessage) => {
        if (m.type() === 'error' && !expectedErrors?.test(m.text())) problems.push(`console: ${m.text()}`);
      });
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
      page.on('dialog', (d) => { problems.push(`dialog: ${d.message()}`); void d.dismiss(); });
      return page;
    },
    startServer: serve,
    async close() {
      await browser.close();
      for (const s of servers) await s.close();
    },
  };
}

/** A browser session over a fresh corpus of its own (SQLite, in a temporary directory). */
export interface Workbench extends BrowserSession {
  /** The temporary directory: the corpus's database, and room for files a test uploads. */
  readonly dir: string;
  readonly corpus: Corpus;
  /** The document ids of the documents given, in their order. */
  readonly refs: string[];
  /** Closes the browser, the servers and the corpus, and removes the directory. */
  close(): Promise<void>;
}

/**
 * A fresh corpus in a temporary directory (named after the test, `mikata-e2e-<name>-`) with `documents`
 * (file name → text) added, served in Chromium as `serveInBrowser` does. Fails when a document is not added.
 */
export async function startWorkbench(name: string, documents: Record<string, string>): Promise<Workbench> {
  const dir = mkdtempSync(join(tmpdir(), `mikata-e2e-${name}-`));
  let corpus: Corpus | undefined;
  try {
    corpus = await Corpus.open({ db: join(dir, 'corpus.db'), create: true });
    const outcomes = await corpus.addSources(Object.entries(documents).map(([file, text]) => ({ source: { text, format: 'text' as const }, name: file })));
    const refs = outcomes.map((o) => {
      if (o.status !== 'added' || !o.document) throw new Error(`test document ${o.name} was not added: ${o.reason}`);
      return o.document.id;
    });
    const session = await serveInBrowser(corpus);
    const opened = corpus;
    return {
      ...session,
      dir,
      corpus,
      refs,
      async close() {
        await session.close();
        await opened.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    await corpus?.close();
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}
