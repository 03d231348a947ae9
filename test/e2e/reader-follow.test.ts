/**
 * The claims list follows the reading position, in real headless Chromium: on a wide screen, scrolling a long
 * document brings the claims being read to the top of the claims panel (the panel scrolls, the page does
 * not jump), and the claim it names is the first whose text reaches below the top of the window.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startWorkbench, type Workbench } from './_browser.ts';

// A long brief of our own: one claim a paragraph, each by another analyst, so that every paragraph is a claim.
const TOWNS = ['Harwick', 'Belmont', 'Dunmore', 'Ashby', 'Corran', 'Elstow', 'Fenwick', 'Galloway', 'Hollin', 'Iverson'];
const LONG_BRIEF = ['Harbour Expansion Review', ''].concat(
  Array.from({ length: 48 }, (_, i) => `Analyst ${TOWNS[i % 10]} ${String.fromCharCode(65 + (i % 26))}. Marsh of the Port Institute said that the eastern quay would need ${i + 3} more berths before the winter season, and that the dredging plan was sound in its broad lines.\n`),
).join('\n');

let wb: Workbench;

before(async () => {
  wb = await startWorkbench('follow', { 'harbour.txt': LONG_BRIEF });
});

after(async () => {
  await wb?.close();
});

test('scrolling the text brings the claim being read to the top of the claims panel, which scrolls on its own', async () => {
  const page = await wb.openPage({ viewport: { width: 1400, height: 800 } });
  try {
    const ref = (await wb.corpus.documents()).find((d) => d.name === 'harbour.txt')!.ref;
    await page.goto(`${wb.server.url}#/doc/${ref}`);
    await page.locator('.doc-text[data-ready="true"]').waitFor();
    const claims = (await wb.corpus.document('harbour.txt')).analysis.attributions;
    assert.ok(claims.length >= 40, `the brief has a claim a paragraph (${claims.length})`);
    const panel = page.locator('.claims-panel');
    assert.equal(await panel.evaluate((el) => el.scrollTop), 0);

    // Scroll the window to the 30th claim; the claim being read is then the first whose text reaches below the
    // reading line, a little under the top of the window.
    await page.locator(`.doc-text mark[data-claim="${claims[30]!.id}"]`).first().evaluate((el) => window.scrollBy(0, el.getBoundingClientRect().top - 200));
    const scrollY = await page.evaluate(() => window.scrollY);
    await page.waitForFunction(() => (document.querySelector('.claims-panel') as HTMLElement).scrollTop > 0);
    const reading = await page.locator('.claims-panel').getAttribute('data-reading');
    const index = claims.findIndex((a) => a.id === reading);
    assert.ok(index >= 28 && index <= 30, `the claim being read is the one scrolled to, or just before it (${index})`);
    const target = claims[index]!;
    const bottom = await page.locator(`.doc-text mark[data-claim="${target.id}"]`).last().evaluate((el) => el.getBoundingClientRect().bottom);
    assert.ok(bottom >= 140 && bottom < 800, `its text is in the window (${Math.round(bottom)} px)`);

    const state = await page.evaluate((id) => {
      const p = document.querySelector('.claims-panel') as HTMLElement;
      const item = p.querySelector(`[data-claim-item="${CSS.escape(id)}"]`) as HTMLElement;
      const pr = p.getBoundingClientRect();
      const ir = item.getBoundingClientRect();
      return { scrollTop: p.scrollTop, itemTop: ir.top - pr.top, panelHeight: pr.height, scrollY: window.scrollY };
    }, target.id);
    assert.ok(state.scrollTop > 0, 'the panel scrolled');
    assert.ok(state.itemTop >= 0 && state.itemTop < 60, `the claim being read is at the panel's top (${Math.round(state.itemTop)} px)`);
    assert.equal(state.scrollY, scrollY, 'the page itself did not move');
  } finally {
    await page.context().close();
  }
});
