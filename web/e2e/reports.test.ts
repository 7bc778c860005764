// Reports in the browser: a catalogued report downloaded with filters from a form built from its schema, and a
// report scheduled (a bad cron explained beside its field), run on demand and listed with its runs.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshot, signIn, viewports } from './browser.ts';
import { startServer, type RunningServer } from './server.ts';

let server: RunningServer;
let browser: Browser;
let page: Page;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  page = await (await browser.newContext({ ...viewports.desktop, acceptDownloads: true })).newPage();
  page.setDefaultTimeout(15_000);
  await signIn(page, server.baseUrl);
});
after(async () => {
  await page?.context().close();
  await browser?.close();
  await server?.stop();
});

void describe('reports', () => {
  void it('downloads the asset register as of a date as CSV', async () => {
    await page.goto(`${server.baseUrl}/reports`);
    await page.getByRole('heading', { level: 1, name: 'Reports' }).waitFor();
    await page.getByLabel('As of').fill('2024-12-31');
    await page
      .getByRole('combobox', { name: 'Status' })
      .or(page.getByLabel('Status', { exact: true }))
      .first()
      .click();
    await page.getByRole('option', { name: 'deployed', exact: true }).click();
    await screenshot(page, 'desktop', 'reports');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'CSV' }).click(),
    ]);
    assert.equal(download.suggestedFilename(), 'asset-register-2024-12-31.csv');
    const csv = await readFile(await download.path(), 'utf8');
    const [header, ...lines] = csv.trim().split('\n');
    assert.match(header!, /^SKU,Name,Status,/);
    assert.ok(lines.length > 10, `the demo data has deployed items, got ${lines.length} lines`);
    assert.ok(
      lines.every((line) => line.includes(',deployed,')),
      'only deployed items',
    );
  });

  void it('schedules a report, refusing a bad cron, and runs it on demand', async () => {
    await page.goto(`${server.baseUrl}/reports`);
    await page.getByRole('button', { name: 'Schedule a report' }).click();
    const dialog = page.getByRole('dialog', { name: 'Schedule a report' });
    await dialog.getByLabel('Name').fill('Month-end register');
    await dialog.getByLabel('When (cron)').fill('0 7 * *');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.getByText(/must have five fields/).waitFor();
    await dialog.getByLabel('When (cron)').fill('0 7 1 * *');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const row = page.getByRole('row', { name: /Month-end register/ });
    await row.waitFor();
    await row.getByRole('button', { name: 'Run Month-end register now' }).click();
    await page.getByRole('table', { name: 'Runs' }).or(page.getByLabel('Runs')).first().waitFor();
    await page.getByText('pending').first().waitFor();
    await screenshot(page, 'desktop', 'report-schedules');
  });
});
