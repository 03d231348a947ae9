/**
 * The workbench after the first hour, in real headless Chromium (as workbench.test.ts): not-found pages for
 * every unknown route, a token link pasted into an open tab, and managing documents (delete with undo,
 * metadata corrections that survive a reload and a reanalysis). Screenshots go to test-artifacts/ (and the
 * README's to docs/).
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { RunningServer } from '../../src/server/node.ts';
import { ARTIFACTS, ROOT, startWorkbench, type Workbench } from './_browser.ts';
import { BLACK_SEA_JA, COASTAL_JA, COASTAL_V2_JA, CONVOYS_EN, HARBOUR_JA, NEWS_EN, POLAR_JA } from '../server/_texts.ts';

let wb: Workbench;
let guarded: RunningServer;
let page: Page;

const shot = async (name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });

before(async () => {
  wb = await startWorkbench('manage', {
    'convoys.txt': CONVOYS_EN,
    'black-sea.txt': BLACK_SEA_JA,
    'night-inspections.txt': NEWS_EN,
    'polar.txt': POLAR_JA,
    'harbour.txt': HARBOUR_JA,
    'coastal.txt': COASTAL_JA,
  });
  guarded = await wb.startServer({ token: 'harbour-lights-42' });
  // A 404, 401 or 400 (a replacement in another language) is what these tests ask for; Chromium logs each
  // failed fetch as an error.
  page = await wb.openPage({ expectedErrors: /status of (404|401|400)/ });
});

after(async () => {
  await wb?.close();
});

async function open(fragment: string, base = wb.server.url): Promise<void> {
  await page.goto(`${base}${fragment}`);
}

async function notFoundShown(): Promise<string> {
  await page.locator('[data-not-found="true"]').waitFor();
  const text = await page.locator('main').innerText();
  assert.doesNotMatch(text, /mikata (experts|ingest|correct)/, 'no CLI command named');
  assert.equal(await page.getByRole('button', { name: /Retry|再試行/ }).count(), 0, 'no retry for what is not there');
  assert.ok(await page.getByRole('link', { name: /Back to the library|ライブラリへ戻る/ }).isVisible(), 'a way back');
  return text;
}

test('unknown routes, documents and experts show a translated not-found page with a way back', async () => {
  await open('#/expert/Nobody%20Atall');
  assert.match(await notFoundShown(), /No one called “Nobody Atall”/);
  await shot('not-found-expert');

  await open('#/doc/ffffffffffff');
  assert.match(await notFoundShown(), /no document “ffffffffffff”/);

  await open('#/nonexistent');
  assert.match(await notFoundShown(), /no page at “\/nonexistent”/);

  // In Japanese too.
  await page.getByRole('button', { name: '日本語' }).click();
  await page.getByRole('heading', { level: 1, name: '見つかりません' }).waitFor();
  await open('#/doc/ffffffffffff');
  assert.match(await notFoundShown(), /文書「ffffffffffff」はコーパスにありません/);
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('heading', { level: 1, name: 'Not found' }).waitFor();
});

test('a #token= link pasted into a tab that shows the token dialog is taken, and the page renders', async () => {
  await page.evaluate(() => sessionStorage.clear());
  await open('#/', guarded.url);
  await page.getByRole('dialog').waitFor();
  // The same tab, a new fragment: no reload, only a hashchange.
  await page.evaluate(() => { location.hash = '#token=harbour-lights-42'; });
  await page.getByRole('dialog').waitFor({ state: 'detached' });
  await page.getByRole('heading', { level: 1, name: 'Library' }).waitFor();
  assert.equal(await page.evaluate(() => location.hash), '#/', 'the token is gone from the address bar');
  await page.locator('table.documents').waitFor();
  assert.match(await page.locator('main').innerText(), /black-sea\.txt|黒海/);

  // And typed into the dialog, the page renders after it.
  await page.evaluate(() => sessionStorage.clear());
  await open('#/experts', guarded.url);
  await page.getByRole('dialog').waitFor();
  await page.getByRole('textbox', { name: 'Token' }).fill('harbour-lights-42');
  await page.getByRole('button', { name: 'Use token' }).click();
  await page.getByRole('dialog').waitFor({ state: 'detached' });
  await page.getByRole('table').waitFor();
});

test('a namesake of another organisation waits in the review queue; nothing is merged until accepted', async () => {
  await open('#/experts');
  await page.getByRole('table').waitFor();
  const rows = page.locator('table.experts-table tr', { hasText: 'ソルベルグ' });
  assert.equal(await rows.count(), 2, 'two people until the analyst decides');

  await open('#/identities');
  const proposal = page.locator('li.proposal', { hasText: 'ナルヴィク港湾公社' });
  await proposal.waitFor();
  assert.match(await proposal.innerText(), /organisation differs/);
  await proposal.getByLabel('Reason').fill('she moved to the port authority');
  await shot('identities-queue');
  await page.screenshot({ path: join(ROOT, 'docs', 'workbench-review-queue.png') });
  await proposal.getByRole('button', { name: 'Same person' }).click();
  await proposal.waitFor({ state: 'detached' });
  const log = page.locator('ol.decisions li').first();
  assert.match(await log.innerText(), /^Merged .*she moved to the port authority/);

  await open('#/experts');
  await page.getByRole('table').waitFor();
  assert.equal(await page.locator('table.experts-table tr', { hasText: 'ソルベルグ' }).count(), 1, 'one person once accepted');
});

test('a speaker edit offers an existing person in another script and can apply to every claim of the mention', async () => {
  const [doc] = (await wb.corpus.documents()).filter((d) => d.name === 'black-sea.txt');
  await open(`#/doc/${doc!.ref}`);
  await page.locator('.doc-text[data-ready="true"]').waitFor();
  const item = page.locator('.claim-item', { hasText: '海上保険料の高騰' });
  await item.locator('.claim-pick').click();
  await item.getByRole('button', { name: /Edit/ }).click();
  await item.locator('input[name="speakers"]').fill('Kemal Aydin');
  const use = item.getByRole('button', { name: /Use: ケマル・アイドゥン/ });
  await use.waitFor();
  await use.click();
  await item.getByLabel(/Every claim of ダリナ・イリエヴァ/).check();
  await shot('speaker-edit-existing');
  await item.getByRole('button', { name: 'Save' }).click();
  await page.locator('.notice', { hasText: /is now/ }).waitFor();
  const view = await (await fetch(`${wb.server.url}api/documents/${doc!.ref}`)).json();
  const hers = view.attributions.filter((a: { speakers: { name: string }[] }) => a.speakers.some((s) => s.name === 'ダリナ・イリエヴァ'));
  const aydin = view.attributions.find((a: { speakers: { name: string }[] }) => a.speakers.some((s) => s.name === 'ケマル・アイドゥン')).speakers[0];
  assert.equal(hers.length, 2);
  for (const a of hers) {
    assert.equal(a.speakers[0].identity, aydin.identity, 'both claims of the mention moved');
    assert.equal(a.speakers[0].organization, 'ソフィア大学', 'the mention keeps its organisation');
    assert.equal(a.speakers[0].title, '教授', 'and its post');
  }
  // Undo from the header.
  await page.getByRole('button', { name: /Undo/ }).first().click();
  await page.locator('.notice', { hasText: /Undone/ }).waitFor();
  const back = await (await fetch(`${wb.server.url}api/documents/${doc!.ref}`)).json();
  assert.ok(back.attributions.filter((a: { speakers: { name: string; identity: string }[] }) => a.speakers.some((s) => s.name === 'ダリナ・イリエヴァ')).every((a: { speakers: { identity: string }[] }) => a.speakers[0].identity !== aydin.identity));
});

test('correct a document’s details in the reader: kept across a reload and a reanalysis, undone from the header', async () => {
  const [doc] = (await wb.corpus.documents()).filter((d) => d.name === 'night-inspections.txt');
  await open(`#/doc/${doc!.ref}`);
  await page.locator('.doc-text[data-ready="true"]').waitFor();
  assert.deepEqual(await page.locator('.outline li').allInnerTexts(), ['Published 2025-10-14']);
  await page.getByRole('button', { name: 'Edit details' }).click();
  const form = page.locator('form.doc-details');
  await form.getByLabel('Date').fill('2025-10-14');
  await form.getByLabel('Series').fill('Port Notes');
  await form.getByLabel(/Authors/).fill('Ilse Varga, Port Notes desk');
  await form.getByLabel(/Why/).fill('the dateline');
  await shot('document-details');
  await mkdirSync(join(ROOT, 'docs'), { recursive: true });
  await page.screenshot({ path: join(ROOT, 'docs', 'workbench-document-details.png') });
  await form.getByRole('button', { name: 'Save' }).click();
  const meta = page.locator('.doc-head p.muted').first();
  await meta.filter({ hasText: '2025-10-14' }).waitFor();
  assert.match(await meta.innerText(), /Port Notes/);
  assert.match(await meta.innerText(), /Ilse Varga Port Notes desk/);
  assert.deepEqual(await page.locator('.outline li').allInnerTexts(), [], 'the dateline left the outline');

  await wb.corpus.reanalyze();
  await page.reload();
  await page.locator('.doc-text[data-ready="true"]').waitFor();
  assert.match(await page.locator('.doc-head p.muted').first().innerText(), /2025-10-14/, 'kept after a reanalysis and a reload');
  // The library shows the date.
  await open('#/');
  await page.locator('table.documents tr', { hasText: 'Harbour Authority' }).filter({ hasText: '2025-10-14' }).waitFor();

  // Undo (in a new page load the undo stack is empty: withdraw from the corrections history instead).
  await open(`#/doc/${doc!.ref}`);
  await page.locator('.doc-text[data-ready="true"]').waitFor();
  await page.getByRole('button', { name: 'Edit details' }).click();
  await page.locator('form.doc-details').getByLabel('Number').fill('7');
  await page.locator('form.doc-details').getByRole('button', { name: 'Save' }).click();
  await page.locator('.doc-head p.muted', { hasText: 'No. 7' }).waitFor();
  await page.getByRole('button', { name: /Undo/ }).first().click();
  await page.locator('.doc-head p.muted', { hasText: 'No. 7' }).waitFor({ state: 'detached' });
  assert.match(await page.locator('.doc-head p.muted').first().innerText(), /2025-10-14/, 'only the last change undone');
});

test('delete a document after a confirmation, and undo the deletion', async () => {
  const [doc] = (await wb.corpus.documents()).filter((d) => d.name === 'convoys.txt');
  await open(`#/doc/${doc!.ref}`);
  await page.locator('.doc-text[data-ready="true"]').waitFor();
  await page.getByRole('button', { name: 'Delete document' }).click();
  await page.getByRole('group', { name: 'Delete document' }).waitFor();
  await shot('document-delete-confirm');
  await page.screenshot({ path: join(ROOT, 'docs', 'workbench-delete.png') });
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Library' }).waitFor();
  await page.locator('table.documents').waitFor();
  assert.equal(await page.locator('table.documents tr', { hasText: 'convoys.txt' }).count(), 0, 'gone from the library');
  assert.equal((await wb.corpus.documents()).some((d) => d.ref === doc!.ref), false, 'gone from the corpus');

  // Undo from the header brings it back, with its reader.
  await page.getByRole('button', { name: /Undo/ }).first().click();
  await page.locator('.doc-text[data-ready="true"]').waitFor();
  assert.equal((await wb.corpus.documents()).some((d) => d.ref === doc!.ref), true, 'back in the corpus');

  // Deleted again, it stays deleted across a reload.
  await page.getByRole('button', { name: 'Delete document' }).click();
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await page.locator('table.documents').waitFor();
  await page.reload();
  await page.locator('table.documents').waitFor();
  assert.equal(await page.locator('table.documents tr', { hasText: 'convoys.txt' }).count(), 0, 'still gone after a reload');
  await open(`#/doc/${doc!.ref}`);
  await notFoundShown();
});

test('replace a document with a new version: corrections anchored again or listed, kept across a reload; another language refused', async () => {
  const [doc] = (await wb.corpus.documents()).filter((d) => d.name === 'coastal.txt');
  const claims = (await wb.corpus.document(doc!.ref)).analysis.attributions;
  const vester = claims.find((a) => a.content.text.includes('冬季点検'))!;
  const ron = claims.find((a) => a.content.text.includes('人員'))!;
  await wb.corpus.correct({ document: doc!.ref, action: 'accept', attribution: vester.id, by: 'kato' });
  await wb.corpus.correct({ document: doc!.ref, action: 'reject', attribution: ron.id, by: 'kato', why: 'a summary' });

  await open(`#/doc/${doc!.ref}`);
  await page.locator('.doc-text[data-ready="true"]').waitFor();
  await page.getByRole('button', { name: 'Replace with a new version' }).click();
  const form = page.locator('form.doc-replace');
  // Another language first: refused with a translated message, nothing changed.
  await form.getByLabel('New version of this document').setInputFiles({ name: 'coastal-en.txt', mimeType: 'text/plain', buffer: Buffer.from('Coastal Notes No. 11\nAccording to Marta Vester, a senior researcher at the Shiomi Institute, winter inspections reduced smuggling.\n') });
  await form.getByRole('button', { name: 'Replace', exact: true }).click();
  await page.getByRole('alert').filter({ hasText: 'another language than this document' }).waitFor();
  assert.equal((await wb.corpus.documents()).filter((d) => d.name?.startsWith('coastal')).length, 1, 'nothing added');

  await form.getByLabel('New version of this document').setInputFiles({ name: 'coastal-v2.txt', mimeType: 'text/plain', buffer: Buffer.from(COASTAL_V2_JA) });
  await form.getByRole('button', { name: 'Replace', exact: true }).click();
  const report = page.locator('.replace-report');
  await report.waitFor();
  const [next] = (await wb.corpus.documents()).filter((d) => d.name === 'coastal-v2.txt');
  assert.ok(next, 'the new version is stored');
  assert.equal(await page.evaluate(() => location.hash), `#/doc/${next!.ref}`, 'the reader moved to the new version');
  assert.match(await report.locator('ul.reanchored').innerText(), /Accept.*北の港の冬季点検が密輸を減らした/);
  assert.match(await report.locator('ul.unanchored').innerText(), /Reject.*検査の人員が足りない/);
  await shot('document-replaced');
  await page.screenshot({ path: join(ROOT, 'docs', 'workbench-replace.png') });

  // Across a reload: the new version, its accepted claim, the unanchored correction flagged; the old one is gone from the library.
  await page.reload();
  await page.locator('.doc-text[data-ready="true"]').waitFor();
  assert.equal(await page.evaluate(() => location.hash), `#/doc/${next!.ref}`);
  await page.locator('.claim-item', { hasText: '冬季点検' }).locator('.badge-review-accepted').waitFor();
  await open('#/');
  await page.locator('table.documents').waitFor();
  assert.equal(await page.locator('table.documents tr', { hasText: 'coastal-v2.txt' }).count(), 1);
  assert.equal(await page.locator('table.documents tr', { hasText: /coastal\.txt/ }).count(), 0, 'the old version is superseded');
});

test('reader: a note opens from its marker by keyboard and closes with Escape; a legend; the outline marks the section being read', async () => {
  await page.setViewportSize({ width: 1280, height: 500 });
  const [doc] = (await wb.corpus.documents()).filter((d) => d.name === 'black-sea.txt');
  await open(`#/doc/${doc!.ref}`);
  await page.locator('.doc-text[data-ready="true"]').waitFor();
  const marker = page.locator('.doc-text .fn[data-fn="2"]');
  await marker.focus();
  await page.keyboard.press('Enter');
  const popover = page.locator('.fn-popover');
  await popover.waitFor();
  assert.match(await popover.innerText(), /Note 2.*Mines and Grain/s);
  await shot('reader-note');
  await page.keyboard.press('Escape');
  await popover.waitFor({ state: 'detached' });
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-fn')), '2', 'focus back on the marker');
  // A tap (click) opens it too.
  await marker.click();
  await popover.waitFor();
  await page.locator('.fn-popover button').click();
  await popover.waitFor({ state: 'detached' });
  // Printable: the print stylesheet writes the note after its marker.
  await page.emulateMedia({ media: 'print' });
  const printed = await marker.evaluate((el) => getComputedStyle(el, '::after').content);
  assert.match(printed, /Mines and Grain/);
  await page.emulateMedia({ media: 'screen' });

  await page.locator('details.legend summary').click();
  assert.match(await page.locator('details.legend').innerText(), /a claim \(colour: its speaker\)/);

  // Scroll to the last body section: the outline marks it.
  await page.locator('.outline button', { hasText: '地域の海軍力' }).click();
  await page.locator('.outline li.current', { hasText: '地域の海軍力' }).waitFor();
  await page.setViewportSize({ width: 1280, height: 800 });
});

test('from page load to the first claim accepted in two key presses (j, a)', async () => {
  const [doc] = (await wb.corpus.documents()).filter((d) => d.name === 'night-inspections.txt');
  await open(`#/doc/${doc!.ref}`);
  await page.locator('.doc-text[data-ready="true"]').waitFor();
  const first = page.locator('.claim-item').first();
  assert.equal(await first.locator('.badge-review-accepted').count(), 0);
  await page.keyboard.press('j');
  await page.locator('.claim-item.selected').first().waitFor();
  await page.keyboard.press('a');
  await first.locator('.badge-review-accepted').waitFor();
  await page.keyboard.press('Control+z');
  await first.locator('.badge-review-accepted').waitFor({ state: 'detached' });
});

test('no console errors and no Content-Security-Policy violations', () => {
  assert.deepEqual(wb.problems, []);
});
