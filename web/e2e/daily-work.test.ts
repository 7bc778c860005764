// A day's work in the browser, on a desktop and a phone: sign in, search, create an item with a bad value and
// fix it from the message beside the field, edit it, read its history, print its label, and find it again
// on the Scan screen by typing its SKU. Screenshots of each screen go to docs/screenshots/.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshot, signIn, viewports, type ViewportName } from './browser.ts';
import { startServer, type RunningServer } from './server.ts';

let server: RunningServer;
let browser: Browser;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

async function goTo(page: Page, viewport: ViewportName, entry: string) {
  if (viewport === 'phone') await page.getByRole('button', { name: 'Menu' }).click();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: entry }).click();
}

for (const viewport of ['desktop', 'phone'] as const) {
  void describe(`daily work on a ${viewport}`, () => {
    let page: Page;
    const sku = `E2E-${viewport.toUpperCase()}-1`;

    before(async () => {
      const context = await browser.newContext(viewports[viewport]);
      page = await context.newPage();
      page.setDefaultTimeout(15_000);
    });
    after(async () => {
      await page.context().close();
    });

    void it('goes to sign-in first, then to the items list', async () => {
      await page.goto(`${server.baseUrl}/items`);
      await page.getByRole('heading', { name: 'Sign in' }).waitFor();
      await screenshot(page, viewport, 'sign-in');
      await signIn(page, server.baseUrl);
      assert.match(page.url(), /\/items$/);
    });

    void it('searches as you type', async () => {
      await page.getByLabel('Search items').fill('latitude');
      await page.waitForURL(/q=latitude/);
      await page
        .getByText(/Dell Latitude/)
        .first()
        .waitFor();
      // The previous list stays on screen while the search loads: wait for the unrelated items to go.
      await page
        .getByText(/ThinkPad/)
        .first()
        .waitFor({ state: 'detached' });
      await screenshot(page, viewport, 'items');
    });

    void it('creates an item: a bad price is explained beside the field, then fixed', async () => {
      await page.getByRole('link', { name: 'New item' }).click();
      await page.getByLabel('SKU').fill(sku);
      await page.getByLabel('Name').fill('E2E test laptop');
      await page.getByLabel('Purchase price').fill('12,50');
      await page.getByRole('button', { name: 'Create item' }).click();
      const price = page.getByLabel('Purchase price');
      await page.getByText('must be a non-negative decimal string').waitFor();
      assert.equal(await price.getAttribute('aria-invalid'), 'true');
      // Focus follows the render of the marks, a frame or more after the message appears.
      await page.waitForFunction((input) => input === document.activeElement, await price.elementHandle(), {
        timeout: 5_000,
      });
      await screenshot(page, viewport, 'item-form-error');
      await price.fill('12.50');
      await page.getByRole('button', { name: 'Create item' }).click();
      await page.getByRole('heading', { name: 'E2E test laptop' }).waitFor();
      await page.getByRole('row', { name: /Purchase price\s*12\.50/ }).waitFor();
    });

    void it('edits the item and shows the change in its history', async () => {
      await page.getByRole('link', { name: 'Edit' }).click();
      await page.getByLabel('Name').fill('E2E test laptop (edited)');
      await page.getByRole('button', { name: 'Save changes' }).click();
      await page.getByRole('heading', { name: 'E2E test laptop (edited)' }).waitFor();
      const history = page.getByRole('region', { name: 'History' });
      await history.getByText('Updated').waitFor();
      await history.getByText('E2E test laptop → E2E test laptop (edited)').waitFor();
      await history.getByText('Created').waitFor();
      await screenshot(page, viewport, 'item-detail');
    });

    void it('draws a printable label with a QR code of the SKU', async () => {
      await page.getByRole('link', { name: 'Label' }).click();
      const qr = page.getByRole('img', { name: `QR code for ${sku}` });
      await qr.waitFor();
      assert.match((await qr.getAttribute('src')) ?? '', /^data:image\/png;base64,/);
      await screenshot(page, viewport, 'label');
    });

    void it('finds the item on the Scan screen by its typed SKU', async () => {
      await goTo(page, viewport, 'Scan');
      await page.getByLabel('SKU or serial number').fill(sku.toLowerCase());
      await screenshot(page, viewport, 'scan');
      await page.getByRole('button', { name: 'Open' }).click();
      await page.getByRole('heading', { name: 'E2E test laptop (edited)' }).waitFor();
      assert.match(page.url(), /\/items\/\d+$/);
    });
  });
}
