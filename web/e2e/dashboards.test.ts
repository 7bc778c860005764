// Dashboards in the browser, on a desktop and a phone: signing in lands a report reader on the executive
// dashboard with the demo data's figures and charts; a custom dashboard is built (widgets added and moved),
// saved, and reopened as it was left. Screenshots go to docs/screenshots/.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshot, viewports } from './browser.ts';
import { adminEmail, adminPassword, startServer, type RunningServer } from './server.ts';

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

async function choose(page: Page, label: string, option: string) {
  await page.getByRole('region', { name: 'Add a widget' }).getByLabel(label, { exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

for (const viewport of ['desktop', 'phone'] as const) {
  void describe(`dashboards on a ${viewport}`, () => {
    let page: Page;
    before(async () => {
      page = await (await browser.newContext(viewports[viewport])).newPage();
      page.setDefaultTimeout(20_000);
    });
    after(async () => {
      await page.context().close();
    });

    void it('lands an administrator on the executive dashboard with the fleet in figures and charts', async () => {
      await page.goto(server.baseUrl);
      await page.getByLabel('Email').fill(adminEmail);
      await page.getByLabel(/^Password/).fill(adminPassword);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
      assert.match(page.url(), /\/dashboard$/);
      const assets = page.getByRole('group', { name: 'Assets' });
      // The demo data holds about 2,000 items.
      assert.match((await assets.textContent()) ?? '', /Assets\d,\d{3}/);
      assert.match(
        (await page.getByRole('group', { name: 'Book value' }).textContent()) ?? '',
        /[\d,]+\.\d{2}/,
      );
      for (const chart of [
        'Book value at month end',
        'Assets by status',
        'Assets by category',
        'Assets by location',
      ])
        await page.getByRole('figure', { name: chart }).locator('svg').first().waitFor();
      await page.mouse.move(0, 0);
      await screenshot(page, viewport, 'dashboard');
    });

    void it('builds a dashboard, saves it, and reopens it as it was left', async () => {
      const name = `E2E ${viewport} dashboard`;
      await page.goto(`${server.baseUrl}/dashboards`);
      await page.getByLabel('New dashboard').fill(name);
      await page.getByRole('button', { name: 'Create' }).click();
      await page.getByRole('heading', { level: 1, name }).waitFor();

      const form = page.getByRole('region', { name: 'Add a widget' });
      await choose(page, 'Source', 'Assets total');
      await form.getByLabel('Title').fill('Deployed');
      await choose(page, 'Status', 'Deployed');
      await form.getByRole('button', { name: 'Add widget' }).click();
      await choose(page, 'Source', 'Value over time');
      await choose(page, 'Visualisation', 'Line');
      await form.getByRole('button', { name: 'Add widget' }).click();
      await page.getByRole('button', { name: 'Move Value over time up' }).click();
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByRole('button', { name: 'Edit' }).waitFor();

      await page.reload();
      await page.getByRole('heading', { level: 1, name }).waitFor();
      const chart = page.getByRole('figure', { name: 'Value over time' });
      await chart.locator('svg').first().waitFor();
      const deployed = page.getByRole('group', { name: 'Deployed' });
      assert.match((await deployed.textContent()) ?? '', /Deployed[\d,]+/);
      const chartBox = (await chart.boundingBox())!;
      const kpiBox = (await deployed.boundingBox())!;
      // Moved first: above the figure (phone), or beside it on its left (desktop).
      const first = chartBox.y + chartBox.height <= kpiBox.y || chartBox.x + chartBox.width <= kpiBox.x;
      assert.ok(first, 'the chart comes before the figure');
      await page.mouse.move(0, 0);
      await screenshot(page, viewport, 'custom-dashboard');

      // Each widget keeps its own filters: the chart is of every item (as on the executive dashboard), the
      // figure of the deployed ones only.
      const lastPoint = (figure: string) =>
        page.getByRole('figure', { name: figure }).getByRole('row').last().textContent();
      const customValue = await lastPoint('Value over time');
      await page.goto(`${server.baseUrl}/dashboard`);
      assert.equal(await lastPoint('Book value at month end'), customValue);

      await page.goto(`${server.baseUrl}/dashboards`);
      await page.getByRole('link', { name }).waitFor();
    });
  });
}
