/**
 * "Also said by" in real headless Chromium (as workbench.test.ts): the reader's hover card and the expert
 * page list the claim of another speaker, in another document, that says nearly the same. Screenshots go to
 * test-artifacts/.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { ARTIFACTS, startWorkbench, type Workbench } from './_browser.ts';
import { PORTS_A, PORTS_B } from '../server/_texts.ts';

let wb: Workbench;
let page: Page;

before(async () => {
  wb = await startWorkbench('similar', { 'ports-a.txt': PORTS_A, 'ports-b.txt': PORTS_B });
  page = await wb.openPage();
});

after(async () => {
  await wb?.close();
});

test('the reader card shows who else said nearly the same, with document and similarity', async () => {
  await page.goto(`${wb.server.url}#/doc/${wb.refs[0]}`);
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
  assert.deepEqual(wb.problems, []);
});

test('the expert page lists the similar claims of other speakers, with links to them and their documents', async () => {
  await page.goto(`${wb.server.url}#/expert/${encodeURIComponent('アンナ・レーマン')}`);
  const item = page.locator('.claim-card-item', { hasText: '北方の港では冬になると' });
  await item.waitFor();
  await item.getByText('Also said by').click();
  const list = item.locator('[data-testid="also-said-by"]');
  await list.waitFor();
  assert.match(await list.innerText(), /冬になると北方の港では物資の輸送が大きく遅れる/);
  assert.equal(await list.getByRole('link', { name: 'カリン・ストロム' }).count(), 1);
  const docLink = list.getByRole('link', { name: /港湾と物流/ });
  assert.match((await docLink.getAttribute('href')) ?? '', new RegExp(`#/doc/${wb.refs[1]}\\?claim=a1`));
  await page.screenshot({ path: join(ARTIFACTS, 'similar-expert.png') });
  await list.getByRole('link', { name: 'カリン・ストロム' }).click();
  await page.getByRole('heading', { level: 1, name: /カリン・ストロム/ }).waitFor();
  assert.deepEqual(wb.problems, []);
});
