/**
 * The one Chromium set-up of the browser tests: the system's Chromium (MIKATA_CHROMIUM to choose another),
 * headless, without sandbox (containers), GPU or any background traffic of its own, so that what the page
 * fetches is all the tests see.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.MIKATA_CHROMIUM ?? '/usr/bin/chromium';

/** Launches Chromium; fails with what to install when it is not there. */
export async function launchBrowser(): Promise<Browser> {
  assert.ok(existsSync(CHROMIUM), `Chromium not found at ${CHROMIUM} (apt-get install chromium, or set MIKATA_CHROMIUM)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
