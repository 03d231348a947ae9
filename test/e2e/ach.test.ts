/**
 * The competing-hypotheses page in real headless Chromium (set up as workbench-manage.test.ts): rate cells
 * with the select in each, see the scores and the lead change, order the hypotheses by score, read the
 * sensitivity view, and download the CSV. Screenshots go to test-artifacts/.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Download, Page } from 'playwright-core';
import { ARTIFACTS, startWorkbench, type Workbench } from './_browser.ts';
import { BLACK_SEA_JA } from '../server/_texts.ts';

let wb: Workbench;
let page: Page;
let claimText: string;

before(async () => {
  wb = await startWorkbench('ach', { 'black-sea.txt': BLACK_SEA_JA });
  const doc = await wb.corpus.resolveDocument(wb.refs[0]!);
  const claim = (await wb.corpus.store.claims(doc.id))[0]!;
  claimText = claim.content;
  // The matrix is built through the book (the CLI's and the API's path); the page rates it.
  const book = wb.corpus.achBook();
  await book.create({ title: '変化は漸進的か急激か', by: 'e2e' });
  await book.addHypothesis('m1', 'gradual');
  await book.addHypothesis('m1', 'abrupt');
  await book.addEvidence('m1', { document: doc.ref, claim: claim.localId });
  await book.addEvidence('m1', { text: 'exercises grew year by year' }, { weight: 2 });
  page = await wb.openPage({ acceptDownloads: true });
  await page.addInitScript(() => localStorage.setItem('mikata.language', 'en'));
});

after(async () => {
  await wb?.close();
});

const header = (h: string) => page.locator(`th[data-hypothesis="${h}"]`);
const scoreOf = async (h: string) => Number(await header(h).locator('.ach-score').getAttribute('data-score'));
const columns = async () => page.locator('th[data-hypothesis]').evaluateAll((els) => els.map((e) => e.getAttribute('data-hypothesis')));

/** Picks a rating in one cell and waits for the server's answer (the scores it recomputed). */
async function rate(cell: string, rating: string) {
  await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/api/ach/m1/ratings') && r.request().method() === 'PUT' && r.ok()),
    page.locator(`select[data-cell="${cell}"]`).selectOption(rating),
  ]);
}

test('the list links to the matrix; the matrix shows evidence from a claim and from text', async () => {
  await page.goto(`${wb.server.url}#/ach`);
  await page.getByRole('link', { name: /m1 変化は漸進的か急激か/ }).click();
  await page.locator('h1', { hasText: 'm1 変化は漸進的か急激か' }).waitFor();
  assert.match(await page.locator('tr[data-evidence="ev1"]').innerText(), new RegExp(claimText.slice(0, 10)));
  assert.deepEqual(await columns(), ['h1', 'h2']);
});

test('rate with the selects: scores, rank and diagnosticity follow; order by score; sensitivity; CSV', async () => {
  await rate('ev1 h1', 'C');
  await rate('ev1 h2', 'I');
  await rate('ev2 h1', 'II');
  await rate('ev2 h2', 'C');
  // h1: ev2 II → 2 × 2 = 4; h2: ev1 I → 1 × 1 = 1: h2 leads.
  await page.waitForFunction(() => document.querySelector('th[data-hypothesis="h1"] .ach-score')?.getAttribute('data-score') === '4');
  assert.equal(await scoreOf('h1'), 4);
  assert.equal(await scoreOf('h2'), 1);
  assert.match(await header('h2').innerText(), /Rank 1/);
  assert.equal(await page.locator('tr[data-evidence="ev2"] td[data-diagnosticity]').getAttribute('data-diagnosticity'), '6');
  // Removing ev2 leaves h1 0, h2 1: the lead moves to h1.
  const sensitivity = await page.locator('.ach-sensitivity').innerText();
  assert.match(sensitivity, /Single changes that move the lead from h2 abrupt/);
  assert.match(sensitivity, /ev2 removed → h1 gradual leads/);
  await page.screenshot({ path: join(ARTIFACTS, 'ach-matrix.png'), fullPage: true });

  await page.getByRole('button', { name: 'Order by score' }).click();
  await page.waitForFunction(() => document.querySelector('th[data-hypothesis]')?.getAttribute('data-hypothesis') === 'h2');
  assert.deepEqual(await columns(), ['h2', 'h1']);
  assert.equal(await page.getByRole('button', { name: 'Order by score' }).isDisabled(), true, 'already in score order');
  // Kept on reload: the order is stored.
  await page.reload();
  await page.locator('th[data-hypothesis]').first().waitFor();
  assert.deepEqual(await columns(), ['h2', 'h1']);
  assert.equal(await page.locator('select[data-cell="ev2 h1"]').inputValue(), 'II');

  const [download] = await Promise.all([
    page.waitForEvent('download') as Promise<Download>,
    page.getByRole('button', { name: 'Download CSV' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'mikata-ach-m1.csv');
  const csv = readFileSync((await download.path())!, 'utf8').split('\r\n');
  assert.equal(csv[0], 'evidence,kind,document,claim,speaker,text,weight,h2: abrupt,h1: gradual,diagnosticity');
  assert.equal(csv[2], 'ev2,text,,,,exercises grew year by year,2,C,II,6');
  assert.equal(csv[3], 'inconsistency,,,,,,,1,4,');
});

test('add a hypothesis from the page; clearing a cell counts it as N; no console errors', async () => {
  await page.locator('input[name="hypothesis"]').fill('no change');
  await page.getByRole('button', { name: 'Add hypothesis' }).click();
  await page.locator('th[data-hypothesis="h3"]').waitFor();
  assert.equal(await scoreOf('h3'), 0, 'unrated: N, no inconsistency');
  await page.locator('select[data-cell="ev2 h1"]').selectOption('');
  await page.waitForFunction(() => document.querySelector('th[data-hypothesis="h1"] .ach-score')?.getAttribute('data-score') === '0');
  // The claim's document deleted: the row keeps its text and is marked.
  await wb.corpus.delete('black-sea.txt');
  await page.reload();
  await page.locator('[data-stale="ev1"]').waitFor();
  assert.match(await page.locator('tr[data-evidence="ev1"]').innerText(), new RegExp(claimText.slice(0, 10)));
  // Listed as unanchored, with the reason, on the matrix's page and on the list of matrices.
  assert.match(await page.locator('[data-unanchored-row="ev1"]').innerText(), /is no longer in the corpus/);
  assert.equal(await page.locator('[data-unanchored="ev1"]').count(), 1, 'the row says its claim is not found');
  await page.screenshot({ path: join(ARTIFACTS, 'ach-unanchored.png'), fullPage: true });
  await page.goto(`${wb.server.url}#/ach`);
  assert.match(await page.locator('[data-unanchored="m1 ev1"]').innerText(), new RegExp(claimText.slice(0, 10)));
  assert.deepEqual(wb.problems, []);
});
