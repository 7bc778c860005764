// Quantity stock in the browser: a consumable created with the item form's "Tracked by quantity" switch,
// 10 received and 3 issued (7 on hand, and the ledger says who did what), an issue of more than is on hand
// refused with the API's message beside the quantity, and a level under its reorder point among the reorder
// suggestions; then the same screen on a phone.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { adminApi, type AdminApi } from './admin-api.ts';
import { assertAccessible, launchBrowser, screenshot, signedInPage, viewports } from './browser.ts';
import { adminEmail, startServer, type RunningServer } from './server.ts';

let server: RunningServer;
let browser: Browser;
let api: AdminApi;
let page: Page;

const itemName = 'E2E nitrile gloves';
const store = 'E2E Stock Store';
const van = 'E2E Stock Van';

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  api = await adminApi(server.baseUrl);
  await api.post('/locations', { name: store, type: 'room' });
  await api.post('/locations', { name: van, type: 'room' });
  page = await signedInPage(browser, server.baseUrl);
});
after(async () => {
  await page?.context().close();
  await browser?.close();
  await server?.stop();
});

/** Opens a level's action from its row's menu and answers the dialog it opens. */
async function levelAction(action: string) {
  await page.getByRole('button', { name: `Actions for ${itemName} at ${store}` }).click();
  await page.getByRole('menuitem', { name: action, exact: true }).click();
  return page.getByRole('dialog', { name: new RegExp(`${itemName} at ${store}`) });
}

const row = () => page.getByRole('row', { name: new RegExp(`${itemName}.*${store}`) });

void describe('stock on a desktop', () => {
  void it('creates a consumable with the "Tracked by quantity" switch', async () => {
    await page.goto(`${server.baseUrl}/items/new`);
    await page.getByLabel(/^SKU/).fill('E2E-GLOVES');
    await page.getByLabel(/^Name/).fill(itemName);
    await page.getByRole('switch', { name: 'Tracked by quantity' }).check();
    await page.getByLabel('Unit').fill('box');
    await page.getByRole('button', { name: 'Create item' }).click();
    await page.getByRole('heading', { level: 1, name: itemName }).waitFor();
    // A quantity item's page leads to its stock.
    await page.getByRole('main').getByRole('link', { name: 'Stock', exact: true }).waitFor();
  });

  void it('receives 10, issues 3, shows 7 on hand and the ledger', async () => {
    await page.goto(`${server.baseUrl}/stock`);
    await page.getByRole('heading', { level: 1, name: 'Stock' }).waitFor();
    await page.getByText('No stock yet').waitFor();
    await page.getByRole('button', { name: 'Receive stock' }).click();
    const receive = page.getByRole('dialog', { name: 'Receive stock' });
    await receive.getByLabel(/^Item/).fill('E2E-GLOVES');
    await page.getByRole('option', { name: new RegExp(itemName) }).click();
    await receive.getByLabel(/^Location/).fill(store);
    await page.getByRole('option', { name: store }).click();
    await receive.getByLabel(/^Quantity/).fill('10');
    await receive.getByLabel('Unit cost').fill('4.20');
    await receive.getByLabel('Reference').fill('PO-1001');
    await receive.getByRole('button', { name: 'Receive', exact: true }).click();
    await receive.waitFor({ state: 'detached' });
    await row().getByText('10 box', { exact: true }).waitFor();

    const issue = await levelAction('Issue');
    await issue.getByText('On hand: 10 box').waitFor();
    await issue.getByLabel(/^Quantity/).fill('3');
    await issue.getByLabel(/^Reason/).fill('Cleaning the lab');
    await issue.getByRole('button', { name: 'Issue', exact: true }).click();
    await issue.waitFor({ state: 'detached' });
    await row().getByText('7 box', { exact: true }).waitFor();
    await page.getByText(`Issued ${itemName}: now 7 box at ${store}`).waitFor();

    await row().getByRole('link', { name: itemName }).click();
    await page.getByRole('heading', { level: 1, name: itemName }).waitFor();
    await page.getByText('7 box in all').waitFor();
    const ledger = page.getByRole('region', { name: 'Ledger' });
    const issued = ledger.getByRole('row', { name: /Issued/ });
    assert.match((await issued.textContent()) ?? '', new RegExp(`${store}.*−3.*7.*Cleaning the lab`));
    const received = ledger.getByRole('row', { name: /Received/ });
    assert.match((await received.textContent()) ?? '', /\+10.*10.*PO-1001.*4\.20 each/);
    assert.match((await issued.textContent()) ?? '', new RegExp(adminEmail));
    await assertAccessible(page);
    await screenshot(page, 'desktop', 'stock-ledger');
    await page.getByRole('link', { name: 'Item page' }).click();
    const history = page.getByRole('region', { name: 'History' });
    await history.getByText('Stock issued').waitFor();
    await history.getByText('Stock received').waitFor();
  });

  void it('shows the refusal when issuing more than is on hand, beside the quantity', async () => {
    await page.goto(`${server.baseUrl}/stock`);
    const issue = await levelAction('Issue');
    await issue.getByLabel(/^Quantity/).fill('50');
    await issue.getByLabel(/^Reason/).fill('Too many');
    await issue.getByRole('button', { name: 'Issue', exact: true }).click();
    await issue.getByText(/only 7 box at location \d+; cannot take 50/).waitFor();
    assert.equal(await issue.getByLabel(/^Quantity/).getAttribute('aria-invalid'), 'true');
    await issue.getByRole('button', { name: 'Cancel' }).click();
    await row().getByText('7 box', { exact: true }).waitFor();
  });

  void it('lists a level under its reorder point among the reorder suggestions', async () => {
    const settings = await levelAction('Reorder settings');
    await settings.getByLabel(/^Minimum level/).fill('2');
    await settings.getByLabel(/^Reorder point/).fill('8');
    await settings.getByRole('button', { name: 'Save' }).click();
    await settings.waitFor({ state: 'detached' });
    await row().getByText('Reorder', { exact: true }).waitFor();
    // The switch lives in the URL, so it shows checked once the navigation lands.
    await page.getByRole('switch', { name: 'Low levels only' }).click();
    await page.getByRole('switch', { name: 'Low levels only', checked: true }).waitFor();
    await row().waitFor();
    await screenshot(page, 'desktop', 'stock');

    await page.getByRole('link', { name: 'Reorder suggestions' }).click();
    await page.getByRole('heading', { level: 1, name: 'Reorder suggestions' }).waitFor();
    // Up to the reorder point plus the minimum: 8 + 2 − 7.
    const suggestion = page.getByRole('row', { name: new RegExp(itemName) });
    assert.match((await suggestion.textContent()) ?? '', new RegExp(`${store}.*7.*8.*3 box.*4\\.20`));
    await screenshot(page, 'desktop', 'stock-reorder');
  });

  void it('transfers to another location and corrects a level after a stocktake', async () => {
    await page.goto(`${server.baseUrl}/stock`);
    const transfer = await levelAction('Transfer');
    await transfer.getByLabel(/^To location/).fill(van);
    await page.getByRole('option', { name: van }).click();
    await transfer.getByLabel(/^Quantity/).fill('2');
    await transfer.getByRole('button', { name: 'Transfer', exact: true }).click();
    await transfer.waitFor({ state: 'detached' });
    await row().getByText('5 box', { exact: true }).waitFor();
    await page
      .getByRole('row', { name: new RegExp(`${itemName}.*${van}`) })
      .getByText('2 box', { exact: true })
      .waitFor();

    const count = await levelAction('Adjust');
    await count.getByRole('textbox', { name: /^Counted quantity/ }).fill('7');
    await count.getByLabel(/^Reason/).fill('Found a carton behind the shelf');
    await count.getByRole('button', { name: 'Adjust', exact: true }).click();
    await count.waitFor({ state: 'detached' });
    await row().getByText('7 box', { exact: true }).waitFor();

    await row().getByRole('link', { name: itemName }).click();
    const ledger = page.getByRole('region', { name: 'Ledger' });
    const adjusted = ledger.getByRole('row', { name: /Adjusted/ });
    assert.match((await adjusted.textContent()) ?? '', /\+2.*7.*Found a carton/);
    const out = ledger.getByRole('row', { name: /Transferred out/ });
    assert.match((await out.textContent()) ?? '', new RegExp(`${store} → ${van}.*−2.*5`));
    await page.getByText('9 box in all').waitFor();
  });
});

void describe('stock on a phone', () => {
  void it('shows the levels as cards and receives from one', async () => {
    const phone = await signedInPage(browser, server.baseUrl, viewports.phone);
    await phone.goto(`${server.baseUrl}/stock`);
    await phone.getByRole('heading', { level: 1, name: 'Stock' }).waitFor();
    await phone.getByText('7 box', { exact: true }).waitFor();
    await phone.getByRole('button', { name: `Actions for ${itemName} at ${store}` }).click();
    await phone.getByRole('menuitem', { name: 'Receive', exact: true }).click();
    const dialog = phone.getByRole('dialog', { name: `Receive ${itemName} at ${store}` });
    await dialog.getByLabel(/^Quantity/).fill('5');
    await dialog.getByRole('button', { name: 'Receive', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await phone.getByText(`Received ${itemName}: now 12 box at ${store}`).waitFor();
    await phone.reload();
    await phone.getByText('12 box', { exact: true }).waitFor();
    await screenshot(phone, 'phone', 'stock');
    await phone.context().close();
  });
});
