// A physical audit in the browser, on a desktop and a phone: start one for a room with known items, scan some by
// typing their codes and one that belongs elsewhere, close it, see what is missing and unexpected, and download
// the report as CSV.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { adminApi, type AdminApi } from './admin-api.ts';
import {
  assertAccessible,
  launchBrowser,
  screenshot,
  signedInPage,
  viewports,
  type ViewportName,
} from './browser.ts';
import { startServer, type RunningServer } from './server.ts';

let server: RunningServer;
let browser: Browser;
let api: AdminApi;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  api = await adminApi(server.baseUrl);
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

for (const viewport of ['desktop', 'phone'] as const satisfies ViewportName[]) {
  void describe(`a physical audit on a ${viewport}`, () => {
    const tag = viewport.toUpperCase();
    const roomName = `E2E audit room ${viewport}`;
    let page: Page;

    before(async () => {
      const room = await api.post('/locations', { name: roomName, type: 'room' });
      const elsewhere = await api.post('/locations', { name: `E2E storeroom ${viewport}`, type: 'storage' });
      for (const [n, name] of ['Audit laptop', 'Audit monitor', 'Audit dock'].entries()) {
        await api.post('/items', { sku: `E2E-AUD-${tag}-${n + 1}`, name, location_id: room.id });
      }
      await api.post('/items', {
        sku: `E2E-AUD-${tag}-X`,
        name: 'Wandering chair',
        location_id: elsewhere.id,
      });
      page = await signedInPage(browser, server.baseUrl, viewports[viewport]);
    });
    after(async () => {
      await page?.context().close();
    });

    void it('starts an audit for the room from the audits list', async () => {
      if (viewport === 'phone') await page.getByRole('button', { name: 'Menu' }).click();
      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Physical audits' })
        .click();
      await page.getByRole('heading', { level: 1, name: 'Physical audits' }).waitFor();
      await page.getByRole('button', { name: 'Start audit' }).click();
      const dialog = page.getByRole('dialog', { name: 'Start a physical audit' });
      await dialog.getByLabel(/^Location/).fill(roomName);
      await page.getByRole('option', { name: roomName }).click();
      await dialog.getByRole('button', { name: 'Start audit' }).click();
      await page.getByRole('heading', { level: 1, name: `Audit of ${roomName}` }).waitFor();
      await page.getByText('0 of 3 expected scanned').waitFor();
    });

    void it('shows each typed code at once as found or unexpected, with a running count', async () => {
      const code = page.getByLabel('SKU or serial number');
      const answer = page.getByRole('status').filter({ hasText: /Found|Unexpected|Already/ });
      await code.fill(`e2e-aud-${viewport}-1`);
      await code.press('Enter');
      await answer.getByText(`Found: E2E-AUD-${tag}-1 · Audit laptop`).waitFor();
      await code.fill(`E2E-AUD-${tag}-2`);
      await page.getByRole('button', { name: 'Record' }).click();
      await answer.getByText(`Found: E2E-AUD-${tag}-2 · Audit monitor`).waitFor();
      await code.fill(`E2E-AUD-${tag}-X`);
      await code.press('Enter');
      await answer.getByText(/Unexpected: .*Wandering chair, recorded at E2E storeroom/).waitFor();
      await page.getByText('2 of 3 expected scanned, 1 unexpected').waitFor();
      const found = page.getByRole('region', { name: 'Found' });
      await found.getByText('Audit laptop').waitFor();
      await found.getByText('Audit monitor').waitFor();
      await page.getByRole('region', { name: 'Unexpected' }).getByText('Wandering chair').waitFor();

      await code.fill('NO-SUCH-THING');
      await code.press('Enter');
      await page.getByText('No item has the SKU or serial number "NO-SUCH-THING"').waitFor();
      // The audit screen is reached through an audit, so its accessibility is checked here rather than in screens.
      await assertAccessible(page);
      await screenshot(page, viewport, 'stocktake');
    });

    void it('closes with a summary of missing and unexpected, and downloads the report', async () => {
      await page.getByRole('button', { name: 'Close audit' }).click();
      const dialog = page.getByRole('dialog', { name: 'Close the audit' });
      await dialog.getByText('2 found, 1 missing and 1 unexpected become final').waitFor();
      await dialog.getByRole('button', { name: 'Close audit' }).click();
      await dialog.waitFor({ state: 'detached' });
      const summary = page.getByRole('region', { name: 'Summary' });
      await summary.getByText('Missing').waitFor();
      assert.match((await summary.textContent()) ?? '', /Found2Missing1Unexpected1/);
      await page.getByRole('region', { name: 'Missing' }).getByText('Audit dock').waitFor();
      assert.equal(await page.getByLabel('SKU or serial number').count(), 0, 'a closed audit takes no scans');
      await assertAccessible(page);

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Download the report as CSV' }).click(),
      ]);
      assert.match(download.suggestedFilename(), /^stocktake-\d+\.csv$/);
      const csv = readFileSync(await download.path(), 'utf8')
        .trim()
        .split('\n');
      assert.equal(
        csv[0],
        'SKU,Name,Result,Expected location,Scanned location,Scans,Scanned by,Scanned at,Outcome',
      );
      assert.ok(csv.some((line) => line.startsWith(`E2E-AUD-${tag}-3,Audit dock,missing,${roomName},`)));
      assert.ok(
        csv.some((line) => line.startsWith(`E2E-AUD-${tag}-X,Wandering chair,unexpected,E2E storeroom`)),
      );
    });
  });
}
