// More of an item's lifecycle in the browser, on a desktop: its depreciation schedule (and the plain message
// when it lacks a price), and maintenance started and completed from the item page.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { adminApi, type AdminApi } from './admin-api.ts';
import { launchBrowser, screenshot, signedInPage } from './browser.ts';
import { startServer, type RunningServer } from './server.ts';

let server: RunningServer;
let browser: Browser;
let api: AdminApi;
let page: Page;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  api = await adminApi(server.baseUrl);
  page = await signedInPage(browser, server.baseUrl);
});
after(async () => {
  await page?.context().close();
  await browser?.close();
  await server?.stop();
});

void describe('depreciation on the item page', () => {
  void it('shows the yearly schedule with the money as the API gives it', async () => {
    const { id } = await api.post('/items', {
      sku: 'E2E-DEPRECIATION',
      name: 'E2E depreciating printer',
      status: 'in_stock',
      purchase_date: '2020-01-15',
      purchase_price: '1200.00',
      depreciation_method: 'straight_line',
      useful_life_months: 36,
      salvage_value: '0.00',
    });
    await page.goto(`${server.baseUrl}/items/${id}`);
    const panel = page.getByRole('region', { name: 'Depreciation', exact: true });
    await panel.getByText(/^Straight-line from 2020-01-15/).waitFor();
    const first = panel.getByRole('row', { name: /^1: / });
    assert.match((await first.textContent()) ?? '', /400\.00.*400\.00.*800\.00/);
    const last = panel.getByRole('row', { name: /^3: / });
    assert.match((await last.textContent()) ?? '', /400\.00.*1200\.00.*0\.00/);
    await panel.scrollIntoViewIfNeeded();
    await screenshot(page, 'desktop', 'item-depreciation');
  });

  void it('says which data is missing instead of failing', async () => {
    const { id } = await api.post('/items', { sku: 'E2E-NO-PRICE', name: 'E2E unpriced chair' });
    await page.goto(`${server.baseUrl}/items/${id}`);
    const panel = page.getByRole('region', { name: 'Depreciation', exact: true });
    await panel.getByText('Not enough data: purchase_price').waitFor();
  });
});

void describe('maintenance on the item page', () => {
  void it('starts the work, which puts the item in repair, and completes it', async () => {
    const { id } = await api.post('/items', {
      sku: 'E2E-MAINTENANCE',
      name: 'E2E calibrated scale',
      status: 'in_stock',
    });
    await api.post(`/items/${id}/maintenance`, {
      maintenance_type: 'calibration',
      scheduled_date: '2099-01-01',
      technician: 'Tess Technician',
    });
    await page.goto(`${server.baseUrl}/items/${id}`);
    const panel = page.getByRole('region', { name: 'Maintenance', exact: true });
    const row = panel.getByRole('row', { name: /calibration/ });
    await row.getByText('Tess Technician').waitFor();
    await row.getByRole('button', { name: 'Start calibration' }).click();
    await row.getByText('in progress').waitFor();
    await page.getByText('In repair', { exact: true }).first().waitFor();

    await row.getByRole('button', { name: 'Complete calibration' }).click();
    const dialog = page.getByRole('dialog', { name: 'Complete calibration' });
    await dialog.getByLabel(/^Actual cost/).fill('85.50');
    await dialog.getByLabel('Notes').fill('Recalibrated to spec');
    await screenshot(page, 'desktop', 'maintenance-complete');
    await dialog.getByRole('button', { name: 'Complete', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await row.getByText('completed').waitFor();
    await page
      .getByRole('region', { name: 'History' })
      .getByText(/maintenance/i)
      .first()
      .waitFor();
  });
});

void describe('transfers', () => {
  void it('requests a transfer of an item found by SKU, dispatches and receives it', async () => {
    const from = await api.post('/locations', { name: 'E2E Transfer Origin', type: 'room' });
    await api.post('/locations', { name: 'E2E Transfer Destination', type: 'room' });
    await api.post('/items', {
      sku: 'E2E-TRANSFER-1',
      name: 'E2E travelling projector',
      status: 'in_stock',
      location_id: from.id,
    });
    await page.goto(`${server.baseUrl}/transfers`);
    await page.getByRole('heading', { level: 1, name: 'Transfers' }).waitFor();
    await page.getByRole('button', { name: 'New transfer' }).click();
    const dialog = page.getByRole('dialog', { name: 'New transfer' });
    // Requesting before an item is chosen keeps the form open and says so beside the item.
    await dialog.getByRole('button', { name: 'Request transfer' }).click();
    await dialog.getByText('Choose an item').waitFor();
    assert.equal(await dialog.getByLabel(/^Item/).getAttribute('aria-invalid'), 'true');
    assert.ok(await dialog.isVisible());
    await dialog.getByLabel(/^Item/).fill('E2E-TRANSFER-1');
    await page.getByRole('option', { name: /E2E travelling projector/ }).click();
    await dialog.getByLabel(/^Destination/).fill('E2E Transfer Destination');
    await page.getByRole('option', { name: /E2E Transfer Destination/ }).click();
    await dialog.getByRole('button', { name: 'Request transfer' }).click();
    await dialog.waitFor({ state: 'detached' });

    const row = page.getByRole('row', { name: /E2E travelling projector/ });
    await row.getByText('requested').waitFor();
    await row.getByRole('button', { name: 'Dispatch E2E travelling projector' }).click();
    await row.getByText('in transit').waitFor();
    await row.getByRole('button', { name: 'Receive E2E travelling projector' }).click();
    await row.getByText('received').waitFor();
    await screenshot(page, 'desktop', 'transfers');

    await page.getByText('In transit', { exact: true }).click();
    await page.getByText('No transfers').waitFor();
  });
});
