/**
 * Source grading in real headless Chromium (as workbench.test.ts): a click pins a highlight's card; the
 * card shows the caveat for a spokesperson and the list's suggestion before any grade; the analyst grades
 * the source and the claim there, and the grades are in the store, on the card after reload, and on the
 * expert page, where they can be changed too. Screenshots go to test-artifacts/, and docs/grading.png.
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { BRIEFING_JA } from '../grading/_texts.ts';
import { ARTIFACTS, ROOT, startWorkbench, type Workbench } from './_browser.ts';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

let wb: Workbench;
let page: Page;
let doc: string;
let volkova: string;

before(async () => {
  wb = await startWorkbench('grading', { 'briefing-ja.txt': BRIEFING_JA });
  doc = wb.refs[0]!;
  volkova = (await wb.corpus.resolvePerson('エレナ・ヴォルコワ')).ref;
  page = await wb.openPage();
  await page.goto(wb.server.url);
  await page.evaluate(() => { localStorage.setItem('mikata.language', 'en'); localStorage.setItem('mikata.user', 'kato'); });
});

after(async () => {
  await wb?.close();
});

test('the reader card: caveat and suggestion first; grading the source and the claim there records both', async () => {
  await page.goto(`${wb.server.url}#/doc/${doc}`);
  await page.reload();
  await page.locator('.doc-text[data-ready="true"]').waitFor();
  const mark = page.locator('.doc-text mark.claim', { hasText: '一時的な措置' }).first();
  await mark.click();
  const card = page.getByRole('tooltip');
  await card.locator('.card-close').waitFor();
  const text = await card.innerText();
  assert.match(text, /Caveat: Government spokesperson/);
  assert.match(text, /suggested: C fairly reliable \(a suggestion, not a grade\)/);

  // The pointer leaves the highlight for the card: a pinned card stays, and takes the pointer.
  const reliability = card.locator(`[data-source="${volkova}"] select`);
  await reliability.selectOption('B');
  await page.waitForFunction((id) => (document.querySelector(`#claim-card [data-source="${id}"] select`) as HTMLSelectElement | null)?.value === 'B', volkova);
  await card.locator('[data-claim-grade] select').selectOption('2');
  await page.waitForFunction(() => /kato, \d{4}-\d{2}-\d{2}/.test(document.querySelector('#claim-card [data-claim-grade]')?.textContent ?? ''));
  assert.match(await card.innerText(), /Caveat: Government spokesperson/, 'the caveat stays once graded');
  await page.screenshot({ path: join(ARTIFACTS, 'grading-reader-card.png') });
  mkdirSync(join(ROOT, 'docs'), { recursive: true });
  await page.screenshot({ path: join(ROOT, 'docs', 'grading.png') });

  // In the store, with the analyst's name.
  const grades = await wb.corpus.grading().list();
  assert.deepEqual(grades.map((g) => [g.kind, g.value, g.by]), [['reliability', 'B', 'kato'], ['credibility', '2', 'kato']]);

  // Escape closes the pinned card; after a reload, hovering shows the grades.
  await page.keyboard.press('Escape');
  await card.waitFor({ state: 'detached' });
  await page.reload();
  await page.locator('.doc-text[data-ready="true"]').waitFor();
  await page.locator('.doc-text mark.claim', { hasText: '一時的な措置' }).first().hover();
  await card.waitFor();
  assert.equal(await card.locator(`[data-source="${volkova}"] select`).inputValue(), 'B');
  assert.equal(await card.locator('[data-claim-grade] select').inputValue(), '2');
});

test('the expert page shows the grades and caveats, and clears the claim\u2019s grade; undo puts it back', async () => {
  await page.goto(`${wb.server.url}#/expert/${volkova}`);
  const head = page.locator('header.doc-head');
  await head.locator(`[data-source="${volkova}"]`).waitFor();
  assert.equal(await head.locator(`[data-source="${volkova}"] select`).inputValue(), 'B');
  assert.match(await head.innerText(), /Caveat: Government, ministry or official/);
  const item = page.locator('.claim-card-item', { hasText: '一時的な措置' });
  assert.equal(await item.locator('[data-claim-grade] select').inputValue(), '2');
  await item.locator('[data-claim-grade] select').selectOption('');
  await page.waitForFunction(() => (document.querySelector('.claim-card-item [data-claim-grade] select') as HTMLSelectElement | null)?.value === '');
  assert.equal((await wb.corpus.store.claims((await wb.corpus.resolveDocument(doc)).id)).find((c) => c.localId === 'a1')?.credibility ?? null, null);
  await page.screenshot({ path: join(ARTIFACTS, 'grading-expert.png') });
  await page.getByRole('button', { name: /Undo/ }).click();
  await page.waitForFunction(() => (document.querySelector('.claim-card-item [data-claim-grade] select') as HTMLSelectElement | null)?.value === '2');
  assert.deepEqual(wb.problems, []);
});

test('the hypotheses page shows the weight grading gave a graded claim beside its own', async () => {
  const book = wb.corpus.achBook();
  const m = await book.create({ title: '制限は続くか', by: 'kato' });
  await book.addHypothesis(m.ref, 'short');
  await book.addHypothesis(m.ref, 'long');
  const ev = await book.addEvidence(m.ref, { document: doc, claim: 'a1' });
  await book.rate(m.ref, ev.ref, 'h2', 'I', 'kato');
  await page.goto(`${wb.server.url}#/ach/${m.ref}`);
  const cell = page.locator(`[data-graded="${ev.ref}"]`);
  await cell.waitFor();
  // B (0.8) × 2 (0.8): 0.64, and h2's inconsistency is weighed by it.
  assert.equal((await cell.innerText()).trim(), '→ 0.64 (B2)');
  assert.equal(await page.locator('th[data-hypothesis="h2"] .ach-score').getAttribute('data-score'), '0.64');
  assert.deepEqual(wb.problems, []);
});

test('the pinned card, selects and caveats included, has no serious or critical accessibility violation (axe-core)', async () => {
  // Its own context: axe is injected as an inline script, which the workbench's Content-Security-Policy forbids.
  const context = await wb.browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US', bypassCSP: true });
  try {
    const p = await context.newPage();
    await p.goto(`${wb.server.url}#/doc/${doc}`);
    await p.locator('.doc-text[data-ready="true"]').waitFor();
    await p.locator('.doc-text mark.claim', { hasText: '一時的な措置' }).first().click();
    await p.locator('#claim-card .card-close').waitFor();
    await p.addScriptTag({ path: AXE });
    const violations = await p.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(ctx: Element, o: object): Promise<{ violations: { id: string; impact: string | null }[] }> } }).axe;
      const r = await axe.run(document.querySelector('#claim-card')!, { resultTypes: ['violations'] });
      return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
    });
    assert.deepEqual(violations, []);
  } finally {
    await context.close();
  }
});
