// Maintenance planning in the browser: a monthly schedule made on an item's page for a technician, found on the
// maintenance calendar by that technician and the item's location (month grid and agenda, linking back to the
// item), overdue work highlighted, the schedule edited and deleted; then the calendar's agenda on a phone.
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
let itemId: number;
let technicianId: number;

const itemName = 'E2E hydraulic lift';
const lateItemName = 'E2E fire extinguisher';
const workshop = 'E2E Maintenance Workshop';
const technician = 'Tess Technician';

const pad = (n: number) => String(n).padStart(2, '0');
const dateOf = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
const today = dateOf(new Date());
const yesterday = dateOf(new Date(Date.now() - 86_400_000));

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  api = await adminApi(server.baseUrl);
  const place = await api.post('/locations', { name: workshop, type: 'room' });
  ({ id: technicianId } = await api.post('/users', {
    display_name: technician,
    email: 'tess.technician@example.com',
    password: 'maintenance e2e passphrase',
    role: 'technician',
  }));
  ({ id: itemId } = await api.post('/items', {
    sku: 'E2E-LIFT',
    name: itemName,
    status: 'in_stock',
    location_id: place.id,
  }));
  const late = await api.post('/items', {
    sku: 'E2E-EXTINGUISHER',
    name: lateItemName,
    status: 'in_stock',
    location_id: place.id,
  });
  await api.post(`/items/${late.id}/maintenance`, {
    maintenance_type: 'pressure check',
    scheduled_date: yesterday,
    technician_user_id: technicianId,
  });
  page = await signedInPage(browser, server.baseUrl);
});
after(async () => {
  await page?.context().close();
  await browser?.close();
  await server?.stop();
});

const panel = () => page.getByRole('region', { name: 'Maintenance', exact: true });
const scheduleRow = () => panel().getByRole('row', { name: /inspection/ });

async function noSeriousViolations() {
  // Colours are judged once fades have finished.
  await page.waitForFunction(() => document.getAnimations().length === 0);
  await assertAccessible(page);
}

/** Picks an option of a searchable select inside a dialog. */
async function choose(scope: ReturnType<Page['getByRole']>, label: RegExp, text: string, option: RegExp) {
  await scope.getByLabel(label).fill(text);
  await page.getByRole('option', { name: option }).click();
}

void describe('maintenance planning on a desktop', () => {
  void it('schedules monthly work on the item page for a technician', async () => {
    await page.goto(`${server.baseUrl}/items/${itemId}`);
    await panel().getByText('No maintenance scheduled').waitFor();
    await panel().getByRole('button', { name: 'Schedule maintenance' }).click();
    const dialog = page.getByRole('dialog', { name: 'Schedule maintenance' });
    await dialog.getByLabel(/^Type of work/).fill('inspection');
    await dialog.getByLabel('Repeats').click();
    await page.getByRole('option', { name: 'Every N months' }).click();
    await dialog.getByLabel(/^Every how many months/).fill('1');
    await dialog.getByLabel(/^Next due/).fill(today);
    await choose(dialog, /^Technician$/, 'Tess', new RegExp(technician));
    await dialog.getByLabel('Estimated duration').fill('2 hours 30 minutes');
    await dialog.getByLabel('Description').fill('Check the rams and the safety locks');
    await noSeriousViolations();
    await screenshot(page, 'desktop', 'maintenance-schedule');
    await dialog.getByRole('button', { name: 'Schedule', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    assert.match(
      (await scheduleRow().textContent()) ?? '',
      new RegExp(`Every month.*${today}.*${technician}.*2 h 30 min.*scheduled`),
    );
    await panel().scrollIntoViewIfNeeded();
    await screenshot(page, 'desktop', 'item-maintenance-schedules');
  });

  void it('shows it on the calendar for its technician and location, linking to the item', async () => {
    await page.goto(`${server.baseUrl}/maintenance`);
    await page.getByRole('heading', { level: 1, name: 'Maintenance' }).waitFor();
    await page.getByRole('combobox', { name: 'Technician' }).fill('Tess');
    await page.getByRole('option', { name: technician }).click();
    await page.getByRole('combobox', { name: 'Location' }).fill(workshop);
    await page.getByRole('option', { name: workshop }).click();
    const grid = page.getByRole('table', { name: 'Maintenance by day' });
    const entry = grid.getByRole('link', { name: itemName });
    await entry.waitFor();
    assert.match(page.url(), new RegExp(`technician=${technicianId}.*location_id=\\d+`));
    if (yesterday.slice(0, 7) === today.slice(0, 7)) {
      await grid.getByText('Overdue').waitFor();
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await screenshot(page, 'desktop', 'maintenance-calendar');
    }

    await page.getByText('Agenda', { exact: true }).click();
    await page.getByRole('heading', { level: 3, name: /Today/ }).waitFor();
    await page.getByRole('link', { name: itemName }).click();
    await page.getByRole('heading', { level: 1, name: itemName }).waitFor();
  });

  void it('highlights overdue work', async () => {
    await page.goto(
      `${server.baseUrl}/maintenance?view=agenda&technician=${technicianId}&month=${yesterday.slice(0, 7)}`,
    );
    const late = page.locator('.mantine-Card-root', { hasText: lateItemName });
    await late.getByText('Overdue', { exact: true }).waitFor();
    await page.getByText('1 overdue').waitFor();
    const tint = await late.evaluate((card) => getComputedStyle(card).backgroundColor);
    assert.notEqual(tint, 'rgb(255, 255, 255)');
    await noSeriousViolations();
    if (yesterday.slice(0, 7) !== today.slice(0, 7))
      await screenshot(page, 'desktop', 'maintenance-calendar');
  });

  void it('edits the schedule and deletes it', async () => {
    await page.goto(`${server.baseUrl}/items/${itemId}`);
    await panel().getByRole('button', { name: 'More for inspection' }).click();
    await page.getByRole('menuitem', { name: 'Edit' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit inspection' });
    await dialog.getByLabel(/^Every how many months/).fill('3');
    await dialog.getByLabel(/^Technician name/).fill('Acme Lifts Ltd');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    await scheduleRow().getByText('Every 3 months').waitFor();
    await scheduleRow().getByText('Acme Lifts Ltd').waitFor();

    await panel().getByRole('button', { name: 'More for inspection' }).click();
    await page.getByRole('menuitem', { name: 'Delete' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete inspection?' });
    await confirm.getByRole('button', { name: 'Delete' }).click();
    await confirm.waitFor({ state: 'detached' });
    await panel().getByText('No maintenance scheduled').waitFor();
  });
});

void describe('maintenance calendar on a phone', () => {
  void it('shows the agenda grouped by day, overdue work highlighted', async () => {
    const phone = await signedInPage(browser, server.baseUrl, viewports.phone);
    await phone.goto(`${server.baseUrl}/maintenance?month=${yesterday.slice(0, 7)}`);
    await phone.getByRole('heading', { level: 1, name: 'Maintenance' }).waitFor();
    const late = phone.locator('.mantine-Card-root', { hasText: lateItemName });
    await late.getByText('Overdue', { exact: true }).waitFor();
    assert.equal(await phone.getByRole('table', { name: 'Maintenance by day' }).count(), 0);
    await late.evaluate((card) => card.scrollIntoView({ block: 'center' }));
    await screenshot(phone, 'phone', 'maintenance-calendar');
    await phone.context().close();
  });
});
