/**
 * Agreement by code in real headless Chromium (set up as similar.test.ts): from a code's column head in the
 * matrix to the code's page, where two speakers of two documents agree and a third stands alone; the
 * threshold splits the group; an unknown code gets the not-found page. The page's screenshot goes to
 * docs/ for the README, the others to test-artifacts/.
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { NAVAL_CALLS_A, NAVAL_CALLS_B } from '../server/_agreement-texts.ts';
import { ARTIFACTS, ROOT, startWorkbench, type Workbench } from './_browser.ts';

let wb: Workbench;
let page: Page;

before(async () => {
  wb = await startWorkbench('agreement', { 'calls-a.txt': NAVAL_CALLS_A, 'calls-b.txt': NAVAL_CALLS_B });
  page = await wb.openPage({ expectedErrors: /status of 404/ });
  await page.addInitScript(() => localStorage.setItem('mikata.language', 'en'));
});

after(async () => {
  await wb?.close();
});

test('from the matrix\'s code column to the code\'s page: who agrees across documents, who stands alone', async () => {
  await page.goto(`${wb.server.url}#/matrix`);
  await page.locator('[data-code-agreement="domain.naval"]').click();
  await page.waitForFunction(() => location.hash === '#/code/domain.naval');
  const group = page.locator('[data-testid="agree"] [data-group="g1"]');
  await group.waitFor();
  assert.equal(await page.locator('h1').innerText(), 'Agreement: Naval and maritime');
  assert.match(await page.getByTestId('agreement-totals').innerText(), /3 claims of 3 speakers in 2 documents/);
  assert.equal(await group.getAttribute('data-speakers'), '2');
  const text = await group.innerText();
  assert.match(text, /戸倉亮介, 柳瀬智之/);
  assert.match(text, /— 2 documents/);
  assert.match(text, /北方航路の艦艇の寄港が今後3年で倍増する/);
  assert.match(text, /北方航路の艦艇の寄港は今後3年で倍増するだろう/);
  assert.deepEqual(await group.locator('li[data-claim]').evaluateAll((els) => els.map((e) => e.getAttribute('data-claim')!.split(':')[0])), wb.refs);
  const alone = page.locator('[data-testid="alone"] .agreement-group');
  assert.equal(await alone.count(), 1);
  assert.match(await alone.innerText(), /三園玲奈[^]*駆逐艦の整備能力が港の最大の制約だ/);
  mkdirSync(join(ROOT, 'docs'), { recursive: true });
  await page.screenshot({ path: join(ROOT, 'docs', 'workbench-agreement.png'), fullPage: true });

  // A claim links to the reader, at the claim.
  const link = group.locator('li[data-claim] a').first();
  assert.match((await link.getAttribute('href'))!, new RegExp(`^#/doc/${wb.refs[0]}\\?claim=`));

  // A stricter threshold: no two speakers say it in words that close; the route keeps the choice.
  await page.locator('select[name="threshold"]').selectOption('0.9');
  await page.waitForFunction(() => location.hash === '#/code/domain.naval?threshold=0.9');
  await page.locator('[data-testid="agree"]', { hasText: 'No two speakers say nearly the same under this code.' }).waitFor();
  assert.equal(await page.locator('[data-testid="alone"] .agreement-group').count(), 3);
  assert.deepEqual(wb.problems, []);
});

test('an unknown code gets the not-found page with a way back', async () => {
  await page.goto(`${wb.server.url}#/code/domain.navel`);
  // (The page before had the same link: wait for the not-found text itself, the route renders after the hash changes.)
  await page.getByText(/not found|could not be found/i).first().waitFor();
  await page.getByRole('link', { name: 'Back to the matrix' }).waitFor();
  assert.match(await page.locator('main').innerText(), /not found|Not found|could not be found/i);
  await page.screenshot({ path: join(ARTIFACTS, 'agreement-not-found.png') });
  assert.deepEqual(wb.problems, []);
});
