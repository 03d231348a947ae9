/**
 * The workbench in real headless Chromium (Debian's, driven by playwright-core), over a fresh corpus and a
 * server on 127.0.0.1 port 0: upload and highlights, corrections that survive a reload, an expert reached by
 * a Latin spelling, the matrix, the timeline, the network, search, a hostile document shown as text, the
 * language switch, the keyboard, and a narrow window. Screenshots go to test-artifacts/ (and the README's to
 * docs/workbench.png).
 */
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { ARTIFACTS, ROOT, startWorkbench, type Workbench } from './_browser.ts';
import { BLACK_SEA_JA, CONVOYS_EN, HOSTILE_TEXT } from '../server/_texts.ts';

let wb: Workbench;
let page: Page;

const shot = async (name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });

before(async () => {
  // The English brief is in the corpus already; the Japanese commentary comes in through the UI.
  wb = await startWorkbench('workbench', { 'convoys.txt': CONVOYS_EN });
  page = await wb.openPage();
});

after(async () => {
  await wb?.close();
});

async function open(fragment: string): Promise<void> {
  await page.goto(`${wb.server.url}${fragment}`);
}

test('upload a commentary in the library and see its highlights in the reader', async () => {
  const file = join(wb.dir, 'black-sea.txt');
  writeFileSync(file, BLACK_SEA_JA);
  await open('#/');
  await page.getByRole('heading', { level: 1, name: 'Library' }).waitFor();
  await page.setInputFiles('[data-testid="upload-input"]', file);
  const row = page.locator('li.upload[data-file="black-sea.txt"]');
  await row.locator('.upload-status', { hasText: 'added' }).waitFor();
  await shot('library-upload');
  await row.getByRole('link').click();

  await page.locator('.doc-text[data-ready="true"]').waitFor();
  const marks = page.locator('.doc-text mark.claim');
  assert.ok((await marks.count()) >= 6, `highlights: ${await marks.count()}`);
  const first = marks.first();
  assert.match(await first.innerText(), /黒海西部の航路/);
  assert.match((await first.getAttribute('class')) ?? '', /\bsp-\d+\b/, 'a speaker colour');
  const fn = page.locator('.doc-text .fn[data-fn="2"]');
  assert.equal(await fn.innerText(), '2');
  assert.match((await fn.getAttribute('aria-label')) ?? '', /Mines and Grain/);
  assert.deepEqual(await page.locator('.outline li').allInnerTexts(), ['はじめに', '海上交通路の安全', '(1)機雷と航路', '(2)港湾の防護', '地域の海軍力', 'おわりに', '注']);

  // Hover shows the card: speaker, organisation, post, cue, kind, confidence, machine.
  await first.hover();
  const card = page.getByRole('tooltip');
  await card.waitFor();
  const text = await card.innerText();
  for (const expected of ['ヴラド・M・ポペスク', 'ブカレスト戦略研究所', '上級研究員', '「によれば」', 'according to', '90%', 'machine']) {
    assert.ok(text.includes(expected), `card shows ${expected}: ${text}`);
  }
  await shot('reader-hover');
  // The README's picture: the reader with a card open.
  mkdirSync(join(ROOT, 'docs'), { recursive: true });
  await page.screenshot({ path: join(ROOT, 'docs', 'workbench.png') });
});

test('the keyboard reaches highlights, and focus shows the card', async () => {
  await page.locator('.doc-text').focus();
  // Note markers are tab stops too (they open their notes): the first highlight is at most a few away.
  let presses = 0;
  let focused: string | null = null;
  while (!focused && presses < 4) {
    await page.keyboard.press('Tab');
    presses++;
    focused = await page.evaluate(() => document.activeElement?.getAttribute('data-claim') ?? null);
  }
  assert.ok(focused, `Tab reaches the first highlight (${presses} presses)`);
  await page.getByRole('tooltip').waitFor();
  await page.keyboard.press('Enter');
  await page.locator(`[data-claim-item="${focused}"].selected`).waitFor();
});

test('a link to a claim (from an expert page or search) scrolls to it and focuses it', async () => {
  const [doc] = (await wb.corpus.documents()).filter((d) => d.name === 'black-sea.txt');
  const view = await (await fetch(`${wb.server.url}api/documents/${doc!.ref}`)).json();
  const last = view.attributions.at(-1);
  await page.goto('about:blank');
  await open(`#/doc/${doc!.ref}?claim=${last.id}`);
  await page.locator('.doc-text[data-ready="true"]').waitFor();
  await page.waitForFunction((id) => document.activeElement?.getAttribute('data-claim') === id, last.id);
  const box = await page.locator(`mark[data-claim="${last.id}"]`).first().boundingBox();
  assert.ok(box && box.y >= 0 && box.y < 800, `the claim is in view (y = ${box?.y})`);
  await page.locator(`[data-claim-item="${last.id}"].selected`).waitFor();
});

test('correct an attribution, undo another, reload, and find the correction kept', async () => {
  const item = (quote: string) => page.locator('.claim-item', { hasText: quote });

  // Accept one claim, then undo it from the header.
  await item('掃海の協力').locator('.claim-pick').click();
  await item('掃海の協力').getByRole('button', { name: /Accept/ }).click();
  await item('掃海の協力').locator('.badge-review-accepted').waitFor();
  await page.getByRole('button', { name: /Undo/ }).first().click();
  await item('掃海の協力').locator('.badge-review-accepted').waitFor({ state: 'detached' });

  // Give another claim a different speaker and kind.
  const target = item('海上保険料の高騰');
  await target.locator('.claim-pick').click();
  await target.getByRole('button', { name: /Edit/ }).click();
  await target.locator('input[name="speakers"]').fill('ケマル・アイドゥン');
  await target.locator('select[name="kind"]').selectOption('quote');
  await target.locator('input[name="why"]').fill('the note cites him');
  await target.getByRole('button', { name: 'Save' }).click();
  await target.locator('.claim-speakers', { hasText: 'ケマル・アイドゥン' }).waitFor();
  await shot('reader-corrected');

  await page.reload();
  await page.locator('.doc-text[data-ready="true"]').waitFor();
  const kept = item('海上保険料の高騰');
  assert.equal(await kept.locator('.claim-speakers').innerText(), 'ケマル・アイドゥン');
  assert.ok(await kept.locator('.badge-analyst').isVisible(), 'marked as the analyst’s');
  assert.ok(await kept.locator('.badge-review-edited').isVisible(), 'marked as edited');
  assert.equal(await item('掃海の協力').locator('.badge-review-accepted').count(), 0, 'the undone accept stays undone');
  const history = page.locator('.history');
  await history.locator('summary').click();
  assert.match(await history.innerText(), /e2e/, 'recorded with the analyst’s name');
});

test('add a missing claim by selecting text', async () => {
  const quote = '黒海の海上交通の安定には、沿岸国の協力が欠かせない';
  await page.evaluate((q) => {
    const el = document.querySelector('.doc-text')!;
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = (n as Text).data.indexOf(q);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(n, at);
      range.setEnd(n, at + q.length);
      const sel = document.getSelection()!;
      sel.removeAllRanges();
      sel.addRange(range);
      return;
    }
    throw new Error('quote not rendered as one text node');
  }, quote);
  const form = page.locator('details.add-claim');
  await form.locator('summary', { hasText: 'Add a claim from the selected text' }).click();
  assert.equal(await form.locator('textarea[name="quote"]').inputValue(), quote);
  await form.locator('input[name="speakers"]').fill('中村 拓也');
  await form.getByRole('button', { name: 'Add claim' }).click();
  const added = page.locator('.claim-item', { hasText: quote });
  await added.locator('.badge-review-added').waitFor();
  const mark = page.locator('.doc-text mark.claim', { hasText: quote });
  assert.equal(await mark.count(), 1);
  assert.match((await mark.getAttribute('class')) ?? '', /by-analyst/);
});

test('reach the expert page through a Latin spelling', async () => {
  await open('#/experts');
  await page.getByRole('table').waitFor();
  await page.getByLabel('Find an expert by any spelling').fill('Vlad Popescu');
  await page.getByRole('button', { name: 'Find' }).click();
  // The person is named as the corpus first met them (here the English brief came first).
  await page.getByRole('heading', { level: 1, name: /Vlad Popescu|ヴラド・M・ポペスク/ }).waitFor();
  const body = await page.locator('main').innerText();
  assert.match(body, /Latin: .*Vlad Popescu/);
  assert.match(body, /Katakana: .*ヴラド・M・ポペスク/);
  assert.ok(body.includes('黒海西部の航路は機雷の危険が残るものの'), 'the claim from the Japanese document');
  assert.ok(body.includes('convoy escorts in the western Black Sea'), 'the claim from the English document');
  await shot('expert-latin');
  await page.getByRole('button', { name: 'theme' }).click();
  await page.getByRole('heading', { level: 2, name: '(1)機雷と航路' }).waitFor();
});

test('open the matrix and a cell, the timeline, the network and search', async () => {
  await open('#/matrix');
  // Experts × codes first: Popescu's naval claims, from a cell; the section filter narrows them.
  await page.getByRole('heading', { name: 'Experts × codes' }).waitFor();
  const naval = page.getByRole('button', { name: /(?:Vlad Popescu|ヴラド・M・ポペスク) — Naval and maritime: \d+/ });
  const navalCount = Number(/: (\d+)$/.exec((await naval.getAttribute('aria-label')) ?? '')![1]);
  await naval.click();
  await page.locator('.cell-claims .claim-card-item').first().waitFor();
  assert.equal(await page.locator('.cell-claims .claim-card-item').count(), navalCount);
  await shot('matrix-codes');
  await page.getByLabel('Section').selectOption('機雷と航路');
  await page.getByRole('button', { name: 'Apply' }).click();
  await page.locator('.cell-claims').waitFor({ state: 'detached' });
  const narrowed = page.getByRole('button', { name: /(?:Vlad Popescu|ヴラド・M・ポペスク) — Naval and maritime: \d+/ });
  assert.ok(Number(/: (\d+)$/.exec((await narrowed.getAttribute('aria-label')) ?? '')![1]) <= navalCount);

  await page.getByRole('button', { name: 'Sections' }).click();
  await page.getByRole('heading', { name: 'Experts × themes' }).waitFor();
  const cell = page.getByRole('button', { name: /(?:Vlad Popescu|ヴラド・M・ポペスク) — \(1\)機雷と航路: 2/ });
  await cell.click();
  await page.locator('.cell-claims .claim-card-item').first().waitFor();
  assert.equal(await page.locator('.cell-claims .claim-card-item').count(), 2);
  await shot('matrix');

  await open('#/timeline');
  await page.locator('.timeline-list li').first().waitFor();
  const dates = await page.locator('.timeline-list time').allInnerTexts();
  assert.ok(dates.length >= 5, `dated mentions: ${dates.length}`);
  assert.deepEqual(dates.map((d) => d.slice(0, 10)), [...dates.map((d) => d.slice(0, 10))].sort());
  assert.ok(await page.locator('.years .year').count() >= 2, 'a bar per year');
  await shot('timeline');

  await open('#/network');
  await page.locator('.graph[data-ready="true"]').waitFor();
  await page.waitForTimeout(300);
  await shot('network');

  await open(`#/search?q=${encodeURIComponent('航路')}`);
  await page.locator('mark.hit').first().waitFor();
  assert.equal(await page.locator('mark.hit').first().innerText(), '航路');
});

test('a hostile document renders as text and runs nothing', async () => {
  const [outcome] = await wb.corpus.addSources([{ source: { text: HOSTILE_TEXT, format: 'text' }, name: 'hostile.txt' }]);
  await open(`#/doc/${outcome!.document!.id}`);
  await page.locator('.doc-text[data-ready="true"]').waitFor();
  const text = await page.locator('.doc-text').innerText();
  assert.ok(text.includes(`<script>window.__pwned = 1; alert('script')</script>`), 'the script tag is shown as text');
  assert.ok(text.includes('<img src="x" onerror="window.__pwned = 2">'), 'the img tag is shown as text');
  assert.equal(await page.locator('.doc-text script, .doc-text img, .doc-text a, .doc-text b').count(), 0, 'no element came from the text');
  await page.locator('.doc-text mark.claim').first().hover();
  await page.waitForTimeout(200);
  assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned ?? null), null);
  await shot('hostile');
});

test('the language switch relabels the workbench', async () => {
  await open('#/');
  await page.getByRole('button', { name: '日本語' }).click();
  await page.getByRole('heading', { level: 1, name: 'ライブラリ' }).waitFor();
  // The lang attribute is set in an effect after the render that relabels the heading: wait for it.
  await page.waitForFunction(() => document.documentElement.lang === 'ja', undefined, { timeout: 5000 });
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'ja');
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'ライブラリ' }).waitFor();
  await shot('library-ja');
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('heading', { level: 1, name: 'Library' }).waitFor();
});

test('a narrow window: the reader stacks and nothing overflows sideways', async () => {
  await page.setViewportSize({ width: 390, height: 844 });
  const [doc] = (await wb.corpus.documents()).filter((d) => d.name === 'black-sea.txt');
  await open(`#/doc/${doc!.ref}`);
  await page.locator('.doc-text[data-ready="true"]').waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 1, `page is ${overflow}px wider than the window`);
  const text = await page.locator('.doc-text').boundingBox();
  const claims = await page.locator('.claims-panel').boundingBox();
  assert.ok(text && claims && claims.y >= text.y + text.height - 1, 'the claims come under the text');
  await shot('reader-narrow');
  await page.setViewportSize({ width: 1280, height: 800 });
});

test('no console errors and no Content-Security-Policy violations', () => {
  assert.deepEqual(wb.problems, []);
});
