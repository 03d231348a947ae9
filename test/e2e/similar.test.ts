/**
 * "Also said by" in real headless Chromium (as workbench.test.ts): the reader's hover card and the expert
 * page list the claim of another speaker, in another document, that says nearly the same. Screenshots go to
 * test-artifacts/.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import type { Browser, ConsoleMessage, Page } from 'playwright-core';
import { launchBrowser } from './_browser.ts';
import { createApp } from '../../src/server/app.ts';
import { startServer, type RunningServer } from '../../src/server/node.ts';
import { loadWebAssets } from '../../src/server/web-assets.ts';
import { Corpus } from '../../src/store/corpus.ts';
import { PORTS_A, PORTS_B } from '../server/_texts.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const ARTIFACTS = join(root, 'test-artifacts');

let dir: string;
let corpus: Corpus;
let server: RunningServer;
let browser: Browser;
let page: Page;
let refs: string[];
const problems: string[] = [];

before(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  dir = mkdtempSync(join(tmpdir(), 'mikata-e2e-similar-'));
  corpus = await Corpus.open({ db: join(dir, 'corpus.db'), create: true });
  refs = (await corpus.addSources([
    { source: { text: PORTS_A, format: 'text' }, name: 'ports-a.txt' },
    { source: { text: PORTS_B, format: 'text' }, name: 'ports-b.txt' },
  ])).map((o) => o.document!.id);
  await loadWebAssets();
  server = await startServer(createApp({ corpus, user: 'e2e' }), { host: '127.0.0.1', port: 0 });
  browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
  page = await context.newPage();
  page.setDefaultTimeout(10_000);
  page.on('console', (m: ConsoleMessage) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
});

after(async () => {
  await browser?.close();
  await server?.close();
  await corpus?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('the reader card shows who else said nearly the same, with document and similarity', async () => {
  await page.goto(`${server.url}#/doc/${refs[0]}`);
  await page.locator('.doc-text[data-ready="true"]').waitFor();
  await page.locator('.doc-text mark.claim', { hasText: '北方の港' }).first().hover();
  const card = page.getByRole('tooltip');
  await card.locator('[data-testid="also-said-by"]').waitFor();
  const text = await card.innerText();
  assert.match(text, /Also said by/);
  assert.match(text, /\d+% カリン・ストロム — 港湾と物流/);
  await page.screenshot({ path: join(ARTIFACTS, 'similar-reader-card.png') });

  // A claim nobody else makes says so.
  await page.locator('.doc-text mark.claim', { hasText: '防空網' }).first().hover();
  await card.locator('[data-testid="also-said-by-none"]').waitFor();
  assert.match(await card.innerText(), /No other speaker says nearly the same/);
  assert.deepEqual(problems, []);
});

test('the expert page lists the similar claims of other speakers, with links to them and their documents', async () => {
  await page.goto(`${server.url}#/expert/${encodeURIComponent('アンナ・レーマン')}`);
  const item = page.locator('.claim-card-item', { hasText: '北方の港では冬になると' });
  await item.waitFor();
  await item.getByText('Also said by').click();
  const list = item.locator('[data-testid="also-said-by"]');
  await list.waitFor();
  assert.match(await list.innerText(), /冬になると北方の港では物資の輸送が大きく遅れる/);
  assert.equal(await list.getByRole('link', { name: 'カリン・ストロム' }).count(), 1);
  const docLink = list.getByRole('link', { name: /港湾と物流/ });
  assert.match((await docLink.getAttribute('href')) ?? '', new RegExp(`#/doc/${refs[1]}\\?claim=a1`));
  await page.screenshot({ path: join(ARTIFACTS, 'similar-expert.png') });
  await list.getByRole('link', { name: 'カリン・ストロム' }).click();
  await page.getByRole('heading', { level: 1, name: /カリン・ストロム/ }).waitFor();
  assert.deepEqual(problems, []);
});
