/**
 * The reader for every hand and screen, in real headless Chromium: on a 390 px phone a tapped highlight
 * opens a bottom sheet with its card and the text stays in view; from page load the first claim is
 * accepted in a counted handful of key presses and stays accepted after a reload; axe-core finds no
 * serious or critical accessibility violation on the library, the reader, the experts and an expert page.
 * Screenshots go to test-artifacts/ (and the README's to docs/).
 */
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { ARTIFACTS, ROOT, startWorkbench, type Workbench } from './_browser.ts';
import { BLACK_SEA_JA, CONVOYS_EN } from '../server/_texts.ts';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

let wb: Workbench;

before(async () => {
  wb = await startWorkbench('access', { 'black-sea.txt': BLACK_SEA_JA, 'convoys.txt': CONVOYS_EN });
});

after(async () => {
  await wb?.close();
});

const docRef = async (name: string) => (await wb.corpus.documents()).find((d) => d.name === name)!.ref;

test('at 390 px a tapped highlight opens a bottom sheet with its card, and the text stays in view', async () => {
  const page = await wb.openPage({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  try {
    await page.goto(`${wb.server.url}#/doc/${await docRef('black-sea.txt')}`);
    await page.locator('.doc-text[data-ready="true"]').waitFor();
    const claim = (await wb.corpus.document('black-sea.txt')).analysis.attributions.find((a) => a.content.text.includes('海上保険料'))!;
    const mark = page.locator(`.doc-text mark[data-claim="${claim.id}"]`).first();
    // Bring the highlight low in the window, where the sheet will rise over it.
    await mark.evaluate((el) => { const r = el.getBoundingClientRect(); window.scrollBy(0, r.top - (window.innerHeight - 140)); });
    const before = await page.evaluate(() => window.scrollY);
    const panel = await page.locator('.claims-panel').evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
    assert.ok(panel - before > 1500, `the claims panel is far below the text (${Math.round(panel - before)} px)`);

    await mark.tap();
    const sheet = page.getByRole('dialog', { name: 'Claim' });
    await sheet.waitFor();
    const text = await sheet.innerText();
    assert.match(text, /ダリナ・イリエヴァ/, 'the card names the speaker');
    assert.match(text, /ソフィア大学/, 'and the organisation');
    assert.match(text, /海上保険料の高騰/, 'and the claim');

    const view = await page.evaluate(() => ({ y: window.scrollY, h: window.innerHeight }));
    assert.ok(Math.abs(view.y - before) < view.h, `no jump: scrolled ${Math.round(view.y - before)} px`);
    const box = (await mark.boundingBox())!;
    const sheetBox = (await sheet.boundingBox())!;
    assert.ok(box.y >= 0 && box.y + box.height <= view.h, `the highlight is in the window (y ${Math.round(box.y)})`);
    assert.ok(box.y + box.height <= sheetBox.y + 1, `and above the sheet, not under it (${JSON.stringify({ box, sheetBox, before, y: view.y })})`);
    await page.screenshot({ path: join(ARTIFACTS, 'reader-narrow-sheet.png') });
    await page.screenshot({ path: join(ROOT, 'docs', 'workbench-narrow-sheet.png') });

    // The sheet's actions work where the finger is; Close leaves the reader where it was.
    await sheet.getByRole('button', { name: 'Accept' }).click();
    await sheet.locator('.badge-review-accepted').first().waitFor();
    await sheet.getByRole('button', { name: 'Close' }).click();
    await sheet.waitFor({ state: 'detached' });
    const after = (await mark.boundingBox())!;
    assert.ok(after.y >= 0 && after.y + after.height <= view.h, 'the highlight is still in view');

    // With a keyboard on the phone, j brings the next claim up in the sheet too.
    await page.keyboard.press('j');
    await sheet.waitFor();
    assert.doesNotMatch(await sheet.innerText(), /海上保険料の高騰/, 'the next claim, not the tapped one');
  } finally {
    await page.context().close();
  }
});

test('from page load, the first claim is accepted in at most 5 key presses, and stays accepted after a reload', async () => {
  const page = await wb.openPage({ viewport: { width: 1280, height: 800 } });
  try {
    const ref = await docRef('convoys.txt');
    await page.goto(`${wb.server.url}#/doc/${ref}`);
    await page.locator('.doc-text[data-ready="true"]').waitFor();
    const first = page.locator('.claim-item').first();
    const firstId = await first.getAttribute('data-claim-item');
    assert.equal(await first.locator('.badge-review-accepted').count(), 0, 'not accepted yet');

    let presses = 0;
    const press = async (key: string) => { presses++; await page.keyboard.press(key); };
    await press('j');
    await page.locator(`[data-claim-item="${firstId}"].selected`).waitFor();
    await press('a');
    await first.locator('.badge-review-accepted').waitFor();
    assert.ok(presses <= 5, `${presses} key presses`);

    await page.reload();
    await page.locator('.doc-text[data-ready="true"]').waitFor();
    await page.locator(`[data-claim-item="${firstId}"] .badge-review-accepted`).waitFor();
    const stored = await (await fetch(`${wb.server.url}api/documents/${ref}`)).json();
    assert.equal(stored.attributions.find((a: { id: string }) => a.id === firstId).review, 'accepted', 'stored, not only shown');
  } finally {
    await page.context().close();
  }
});

test('axe-core: no serious or critical violations on the library, reader, experts and expert pages', async () => {
  // The workbench's Content-Security-Policy forbids inline scripts, as it should; axe comes in as one.
  const page = await wb.openPage({ viewport: { width: 1280, height: 800 }, bypassCSP: true });
  try {
    const expert = (await wb.corpus.experts())[0]!;
    const reader = `#/doc/${await docRef('black-sea.txt')}`;
    const pages: [string, string, string, (() => Promise<void>)?][] = [
      ['library', '#/', 'table.documents'],
      ['reader', reader, '.doc-text[data-ready="true"]'],
      // With a claim selected: its actions and edit form are in the page too.
      ['reader with a claim selected', reader, '.doc-text[data-ready="true"]', async () => {
        await page.keyboard.press('j');
        await page.locator('.claim-item.selected').waitFor();
        await page.locator('.claim-item.selected').getByRole('button', { name: /Edit/ }).click();
      }],
      // At 390 px, with the bottom sheet of a highlight open.
      ['reader at 390 px with the sheet open', reader, '.doc-text[data-ready="true"]', async () => {
        await page.setViewportSize({ width: 390, height: 844 });
        await page.locator('.doc-text mark[data-claim]').first().click();
        await page.locator('.claim-sheet').waitFor();
      }],
      // In Japanese (the language switch sets the page's lang).
      ['reader in Japanese', reader, '.doc-text[data-ready="true"]', async () => {
        await page.setViewportSize({ width: 1280, height: 800 });
        await page.getByRole('button', { name: '日本語' }).click();
        await page.getByRole('button', { name: 'English' }).waitFor();
      }],
      ['experts', '#/experts', 'table.experts-table'],
      ['expert', `#/expert/${encodeURIComponent(expert.id)}`, '.screen h1'],
    ];
    const found: string[] = [];
    for (const [name, fragment, ready, prepare] of pages) {
      await page.goto(`${wb.server.url}${fragment}`);
      await page.locator(ready).first().waitFor();
      await prepare?.();
      await page.addScriptTag({ path: AXE });
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
        const r = await axe.run(document, { resultTypes: ['violations'] });
        return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
      });
      for (const v of violations) if (v.impact === 'serious' || v.impact === 'critical') found.push(`${name}: ${v.impact} ${v.id} (${v.help}) at ${v.targets.join(' | ')}`);
    }
    assert.deepEqual(found, []);
    await page.getByRole('button', { name: 'English' }).click();
  } finally {
    await page.context().close();
  }
});

test('the review queue names a conflicting post in the words of the workbench language', async () => {
  await wb.corpus.addSources([
    { source: { text: '航路評論 第7号 2025年3月1日\nはじめに\n北海大学教授のハンス・リンドクヴィストは、北極航路の商業利用が2030年までに倍増すると述べている。\n', format: 'text' }, name: 'professor.txt' },
    { source: { text: '港の声 第3号 2025年4月9日\nはじめに\n記者のハンス・リンドクヴィストは、港湾の人手不足が深刻になっていると指摘する。\n', format: 'text' }, name: 'reporter.txt' },
  ]);
  const page = await wb.openPage({ viewport: { width: 1280, height: 800 } });
  try {
    await page.goto(`${wb.server.url}#/identities`);
    const proposal = page.locator('li.proposal', { hasText: 'リンドクヴィスト' });
    await proposal.waitFor();
    assert.match(await proposal.locator('.conflicts').innerText(), /^Conflicts: post of another calling: 教授 \(academic\) ≠ 記者 \(press\)$/);
    await page.getByRole('button', { name: '日本語' }).click();
    await page.getByRole('button', { name: 'English' }).waitFor();
    assert.match(await proposal.locator('.conflicts').innerText(), /^矛盾: 職種の異なる役職: 教授\(学術\) ≠ 記者\(報道\)$/);
    await page.screenshot({ path: join(ARTIFACTS, 'identities-post-conflict-ja.png') });
  } finally {
    await page.context().close();
  }
});

test('no console errors', () => {
  assert.deepEqual(wb.problems, []);
});
