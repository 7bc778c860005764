// More of an asset's life in the browser, on a desktop (and the lists on a phone), as the admin: reserving an item for a person (an
// overlapping range refused with the API's explanation, then cancelled), the upcoming reservations list,
// disposing of a retired item and reading its gain or loss (and the refusals), and warranties ending soon.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { adminApi, type AdminApi } from './admin-api.ts';
import { assertAccessible, launchBrowser, screenshot, signedInPage, viewports } from './browser.ts';
import { startServer, type RunningServer } from './server.ts';

let server: RunningServer;
let browser: Browser;
let api: AdminApi;
let page: Page;
let phone: Page;

/** A day counted from today, as a date input and the API write it. */
const day = (fromToday: number) => new Date(Date.now() + fromToday * 86_400_000).toISOString().slice(0, 10);

async function retiredItem(sku: string, name: string, extra: object = {}) {
  const item = await api.post('/items', { sku, name, status: 'in_stock', ...extra });
  await api.send('PATCH', `/items/${item.id}`, { status: 'retired' });
  return item.id;
}

/** Waits for the list to load, then loads every further page of it (its More button). */
async function loadAll(): Promise<void> {
  const loading = page.getByRole('status').filter({ hasText: 'Loading' });
  await loading.waitFor({ state: 'detached' });
  const more = page.getByRole('button', { name: 'More', exact: true });
  while (await more.isVisible()) {
    await more.click();
    await more.filter({ has: page.locator('[data-loading]') }).waitFor({ state: 'detached' });
  }
}

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  api = await adminApi(server.baseUrl);
  page = await signedInPage(browser, server.baseUrl);
  phone = await signedInPage(browser, server.baseUrl, viewports.phone);
});
after(async () => {
  await phone?.context().close();
  await page?.context().close();
  await browser?.close();
  await server?.stop();
});

void describe('reservations', () => {
  const itemName = 'E2E reservable drill';
  const person = 'Rita Reserver';
  let itemId: number;

  before(async () => {
    await api.post('/users', {
      display_name: person,
      email: 'rita.reserver@example.com',
      password: 'reservations e2e passphrase',
      role: 'employee',
    });
    ({ id: itemId } = await api.post('/items', { sku: 'E2E-RES-1', name: itemName, status: 'in_stock' }));
  });

  void it('reserves the item for a person over a range of days', async () => {
    await page.goto(`${server.baseUrl}/items/${itemId}`);
    const panel = page.getByRole('region', { name: 'Reservations', exact: true });
    await panel.getByText('Not reserved').waitFor();
    await panel.getByRole('button', { name: 'Reserve', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: `Reserve ${itemName}` });
    await dialog.getByLabel(/^For/).fill('Rita');
    await page.getByRole('option', { name: new RegExp(person) }).click();
    await dialog.getByLabel(/^From/).fill(day(10));
    await dialog.getByLabel(/^Until/).fill(day(9));
    await dialog.getByRole('button', { name: 'Reserve', exact: true }).click();
    await dialog.getByText('Must not be before the first day').waitFor();
    await dialog.getByLabel(/^Until/).fill(day(12));
    await dialog.getByLabel('Note').fill('Site visit');
    await dialog.getByRole('button', { name: 'Reserve', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await panel.getByRole('row', { name: new RegExp(`${person}.*Site visit`) }).waitFor();
  });

  void it("refuses an overlapping range with the API's explanation", async () => {
    const panel = page.getByRole('region', { name: 'Reservations', exact: true });
    await panel.getByRole('button', { name: 'Reserve', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: `Reserve ${itemName}` });
    await dialog.getByLabel(/^From/).fill(day(11));
    await dialog.getByLabel(/^Until/).fill(day(14));
    await dialog.getByRole('button', { name: 'Reserve', exact: true }).click();
    await dialog.getByRole('alert').getByText(`holds the item for ${person}`, { exact: false }).waitFor();
    await dialog.getByText(new RegExp(`overlaps reservation \\d+ \\(${person}`)).waitFor();
    await screenshot(page, 'desktop', 'reservation-overlap');
    await assertAccessible(page);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    await panel.scrollIntoViewIfNeeded();
    await screenshot(page, 'desktop', 'item-reservations');
  });

  void it('lists it among the upcoming reservations, linking to the item', async () => {
    await page.getByRole('link', { name: 'Reservations' }).click();
    await page.getByRole('heading', { level: 1, name: 'Reservations' }).waitFor();
    await page.getByText('7 days', { exact: true }).click();
    await page.getByText('No reservation starts within 7 days').waitFor();
    await page.getByText('30 days', { exact: true }).click();
    const row = page.getByRole('row', { name: new RegExp(itemName) });
    await row.getByText(person).waitFor();
    await screenshot(page, 'desktop', 'reservations');
    await phone.goto(`${server.baseUrl}/reservations`);
    await phone.getByRole('link', { name: new RegExp(itemName) }).waitFor();
    await screenshot(phone, 'phone', 'reservations');
    await row.getByRole('link', { name: itemName }).click();
    await page.getByRole('heading', { level: 1, name: itemName }).waitFor();
  });

  void it('cancels the reservation', async () => {
    const panel = page.getByRole('region', { name: 'Reservations', exact: true });
    await panel.getByRole('button', { name: new RegExp(`^Cancel the reservation for ${person}`) }).click();
    await panel.getByText('Not reserved').waitFor();
  });
});

void describe('disposal', () => {
  void it('disposes of a retired item and shows the loss against its book value', async () => {
    const name = 'E2E sold laptop';
    const id = await retiredItem('E2E-DISPOSE-1', name, {
      purchase_date: day(-730),
      purchase_price: '1200.00',
      depreciation_method: 'straight_line',
      useful_life_months: 60,
      salvage_value: '0.00',
    });
    await page.goto(`${server.baseUrl}/items/${id}`);
    await page.getByRole('button', { name: 'Dispose' }).click();
    const dialog = page.getByRole('dialog', { name: `Dispose of ${name}` });
    assert.equal(await dialog.getByLabel(/^Date/).inputValue(), day(0));
    await dialog.getByLabel(/^Date/).fill(day(1));
    await dialog.getByLabel(/^Proceeds/).fill('100.5');
    await dialog.getByRole('button', { name: 'Dispose' }).click();
    await dialog.getByText('cannot be in the future').waitFor();
    await dialog.getByLabel(/^Date/).fill(day(0));
    await dialog.getByLabel(/^Notes/).fill('Sold to a member of staff');
    await screenshot(page, 'desktop', 'dispose');
    await dialog.getByRole('button', { name: 'Dispose' }).click();
    await dialog.waitFor({ state: 'detached' });

    const record = page.getByRole('region', { name: 'Disposal' });
    await record.getByRole('row', { name: 'Proceeds 100.50' }).waitFor();
    const stored = await api.send<{ book_value: string; gain_loss: string }>('GET', `/items/${id}/disposal`);
    assert.match(stored.gain_loss, /^-\d+\.\d\d$/);
    const money = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2 });
    const bookValue = money.format(stored.book_value as `${number}`);
    const loss = money.format(stored.gain_loss.slice(1) as `${number}`);
    await record.getByRole('row', { name: `Book value that day ${bookValue}` }).waitFor();
    await record.getByText(`Loss ${loss}`).waitFor();
    await page.getByText('Disposed', { exact: true }).first().waitFor();
    assert.equal(await page.getByRole('button', { name: 'Dispose' }).count(), 0);
    await record.scrollIntoViewIfNeeded();
    await screenshot(page, 'desktop', 'item-disposal');
    await assertAccessible(page);
  });

  void it('says why when the item is no longer retired', async () => {
    const name = 'E2E returned printer';
    const id = await retiredItem('E2E-DISPOSE-2', name);
    await page.goto(`${server.baseUrl}/items/${id}`);
    await page.getByRole('button', { name: 'Dispose' }).click();
    const dialog = page.getByRole('dialog', { name: `Dispose of ${name}` });
    await api.send('PATCH', `/items/${id}`, { status: 'in_stock' });
    await dialog.getByRole('button', { name: 'Dispose' }).click();
    await dialog
      .getByRole('alert')
      .getByText('an item that is in_stock cannot be disposed of', { exact: false })
      .waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
  });
});

void describe('warranty', () => {
  void it('lists an item whose warranty ends in 45 days within 60 days, not within 30', async () => {
    const name = 'E2E warranty in 45 days';
    await api.post('/items', { sku: 'E2E-WARRANTY-45', name, status: 'in_stock', warranty_expiry: day(45) });
    await page.getByRole('link', { name: 'Warranty' }).click();
    await page.getByRole('heading', { level: 1, name: 'Warranty' }).waitFor();
    const row = page.getByRole('row', { name: new RegExp(name) });
    await loadAll();
    assert.equal(await row.count(), 0);

    await page.getByText('60 days', { exact: true }).click();
    await loadAll();
    await row.getByText('45 days', { exact: true }).waitFor();
    await row.scrollIntoViewIfNeeded();
    await screenshot(page, 'desktop', 'warranty');
    await phone.goto(`${server.baseUrl}/warranty`);
    await phone.getByRole('heading', { level: 1, name: 'Warranty' }).waitFor();
    await phone.getByRole('status').filter({ hasText: 'Loading' }).waitFor({ state: 'detached' });
    await screenshot(phone, 'phone', 'warranty');
    await assertAccessible(phone);
    await row.getByRole('link', { name }).click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
  });
});
