// Every main screen on a desktop and a phone: it loads, axe-core finds no serious or critical accessibility
// violation, and a screenshot goes to docs/screenshots/. Then the installed-app promise: an item seen once
// still opens with the network gone.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshot, seriousViolations, signIn, viewports } from './browser.ts';
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

const screens: { name: string; path: string; heading: string | RegExp }[] = [
  { name: 'items', path: '/items', heading: 'Items' },
  { name: 'item-new', path: '/items/new', heading: 'New item' },
  { name: 'item', path: '/items/1', heading: /.+/ },
  { name: 'scan', path: '/scan', heading: 'Scan' },
  { name: 'my-assignments', path: '/me/assignments', heading: 'My assignments' },
  { name: 'overdue', path: '/checkouts/overdue', heading: 'Overdue' },
  { name: 'transfers', path: '/transfers', heading: 'Transfers' },
  { name: 'reports', path: '/reports', heading: 'Reports' },
  { name: 'locations', path: '/locations', heading: 'Locations' },
  { name: 'categories', path: '/categories', heading: 'Categories' },
  { name: 'suppliers', path: '/suppliers', heading: 'Suppliers' },
  { name: 'account', path: '/account', heading: 'My account' },
  { name: 'users', path: '/admin/users', heading: 'Users' },
  { name: 'roles', path: '/admin/roles', heading: 'Roles' },
  { name: 'api-keys', path: '/admin/api-keys', heading: 'API keys' },
  { name: 'audit', path: '/admin/audit', heading: 'Audit log' },
  { name: 'requests', path: '/requests', heading: 'Requests' },
  { name: 'reservations', path: '/reservations', heading: 'Reservations' },
  { name: 'warranty', path: '/warranty', heading: 'Warranty' },
  { name: 'stocktakes', path: '/stocktakes', heading: 'Physical audits' },
  { name: 'stock-levels', path: '/stock', heading: 'Stock' },
  { name: 'stock-reorder-suggestions', path: '/stock/reorder', heading: 'Reorder suggestions' },
  { name: 'maintenance', path: '/maintenance', heading: 'Maintenance' },
  { name: 'dashboard', path: '/dashboard', heading: 'Dashboard' },
  { name: 'my-dashboards', path: '/dashboards', heading: 'My dashboards' },
];
// Screens whose screenshots the lifecycle tests take, with their own data in them.
const shownElsewhere = ['items', 'item', 'scan', 'my-assignments', 'requests', 'reservations', 'warranty'];

async function settle(page: Page) {
  await page
    .getByRole('status')
    .waitFor({ state: 'detached' })
    .catch(() => undefined);
}

for (const viewport of ['desktop', 'phone'] as const) {
  void describe(`main screens on a ${viewport}`, () => {
    let page: Page;
    before(async () => {
      const context = await browser.newContext(viewports[viewport]);
      page = await context.newPage();
      page.setDefaultTimeout(15_000);
    });
    after(async () => {
      await page.context().close();
    });

    void it('has an accessible sign-in page', async () => {
      await page.goto(`${server.baseUrl}/sign-in`);
      await page.getByRole('heading', { name: 'Sign in' }).waitFor();
      assert.deepEqual(await seriousViolations(page), []);
      await signIn(page, server.baseUrl);
    });

    for (const screen of screens) {
      void it(`shows ${screen.path} without serious accessibility violations`, async () => {
        await page.goto(`${server.baseUrl}${screen.path}`);
        await page.getByRole('heading', { level: 1, name: screen.heading }).first().waitFor();
        await settle(page);
        const violations = await seriousViolations(page);
        assert.deepEqual(
          violations.map(
            (v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
          ),
          [],
        );
        if (!shownElsewhere.includes(screen.name)) await screenshot(page, viewport, screen.name);
      });
    }
  });
}

void describe('offline', () => {
  void it('opens an item seen before, with the network gone', async () => {
    const context = await browser.newContext(viewports.phone);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await signIn(page, server.baseUrl);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    // The worker controls pages loaded after it is active; this visit fills its cache.
    await page.goto(`${server.baseUrl}/items/2`);
    const name = await page.getByRole('heading', { level: 1 }).textContent();
    await page.getByRole('region', { name: 'History' }).getByText('Created').waitFor();
    await context.setOffline(true);
    await page.goto(`${server.baseUrl}/items/2`);
    await page.getByRole('heading', { level: 1, name: name ?? '' }).waitFor();
    await context.close();
  });
});
