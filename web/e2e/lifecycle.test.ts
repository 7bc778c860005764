// An item's custody in the browser, on a desktop and a phone: an admin checks an item out to a person (after
// being told to pick one), sees the holder on the item; that person signs in, lands on their assignments and
// acknowledges it; the admin checks it back in and the history shows the return.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { adminApi, type AdminApi } from './admin-api.ts';
import { launchBrowser, screenshot, signedInPage, viewports } from './browser.ts';
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

for (const viewport of ['desktop', 'phone'] as const) {
  void describe(`custody on a ${viewport}`, () => {
    const person = { name: `Erin Employee ${viewport}`, email: `erin.${viewport}@example.com` };
    const password = 'lifecycle e2e employee passphrase';
    const itemName = `E2E custody laptop ${viewport}`;
    let itemId: number;
    let personId: number;
    let admin: Page;

    before(async () => {
      ({ id: personId } = await api.post('/users', {
        display_name: person.name,
        email: person.email,
        password,
        role: 'employee',
      }));
      ({ id: itemId } = await api.post('/items', {
        sku: `E2E-CUSTODY-${viewport.toUpperCase()}`,
        name: itemName,
        status: 'in_stock',
      }));
      admin = await signedInPage(browser, server.baseUrl, viewports[viewport]);
    });
    after(async () => {
      await admin.context().close();
    });

    void it('checks the item out to a person, asking for one first', async () => {
      await admin.goto(`${server.baseUrl}/items/${itemId}`);
      const custody = admin.getByRole('region', { name: 'Custody' });
      await custody.getByText('Not checked out').waitFor();
      await custody.getByRole('button', { name: 'Check out' }).click();
      const dialog = admin.getByRole('dialog', { name: `Check out ${itemName}` });
      await dialog.getByRole('button', { name: 'Check out' }).click();
      await dialog.getByText('Choose a person').waitFor();
      await dialog.getByLabel(/^Person/).fill(person.name);
      await admin.getByRole('option', { name: new RegExp(person.name) }).click();
      await dialog.getByLabel('Expected return').fill('2099-12-31');
      await dialog.getByLabel('Note').fill('For the field trip');
      await screenshot(admin, viewport, 'check-out');
      await dialog.getByRole('button', { name: 'Check out' }).click();
      await dialog.waitFor({ state: 'detached' });
      await custody.getByText(`Checked out to ${person.name}`).waitFor();
      await custody.getByRole('button', { name: 'Check in' }).waitFor();
      const row = custody.getByRole('row', { name: new RegExp(person.name) });
      assert.match((await row.textContent()) ?? '', /not yet.*For the field trip/);
      await admin.getByRole('region', { name: 'History' }).getByText('Checked out').first().waitFor();
      await custody.scrollIntoViewIfNeeded();
      await screenshot(admin, viewport, 'item-custody');
    });

    void it('lets the person sign in to their assignments and acknowledge it', async () => {
      const page = await (await browser.newContext(viewports[viewport])).newPage();
      page.setDefaultTimeout(15_000);
      await page.goto(server.baseUrl);
      await page.getByLabel('Email').fill(person.email);
      await page.getByLabel(/^Password/).fill(password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { level: 1, name: 'My assignments' }).waitFor();
      assert.match(page.url(), /\/me\/assignments$/);
      const card = page.getByRole('article', { name: itemName });
      await card.getByRole('button', { name: `Acknowledge ${itemName}` }).click();
      await card.getByText(/^Acknowledged/).waitFor();
      await screenshot(page, viewport, 'my-assignments');
      await page.context().close();
    });

    void it('checks the item back in, and the history shows the return', async () => {
      await admin.reload();
      const custody = admin.getByRole('region', { name: 'Custody' });
      await custody.getByRole('button', { name: 'Check in' }).click();
      const dialog = admin.getByRole('dialog', { name: `Check in ${itemName}` });
      await dialog.getByLabel('Note').fill('Back without a scratch');
      await dialog.getByRole('button', { name: 'Check in' }).click();
      await dialog.waitFor({ state: 'detached' });
      await custody.getByText('Not checked out').waitFor();
      const row = custody.getByRole('row', { name: new RegExp(person.name) });
      assert.match((await row.textContent()) ?? '', /good.*Back without a scratch/);
      await custody.getByRole('button', { name: 'Check out' }).waitFor();
      const history = admin.getByRole('region', { name: 'History' });
      await history.getByText('Checked in').waitFor();
      await history.getByText('Acknowledged by the holder').waitFor();
    });

    void it('names the holder when someone else checked it out first', async () => {
      await admin.reload();
      const custody = admin.getByRole('region', { name: 'Custody' });
      await custody.getByText('Not checked out').waitFor();
      await api.post(`/items/${itemId}/checkout`, { assignee_user_id: personId });
      await custody.getByRole('button', { name: 'Check out' }).click();
      const dialog = admin.getByRole('dialog', { name: `Check out ${itemName}` });
      await dialog.getByLabel('A location').check();
      await dialog.getByLabel(/^Location/).click();
      await admin.getByRole('option').first().click();
      await dialog.getByRole('button', { name: 'Check out' }).click();
      await dialog
        .getByRole('alert')
        .getByText(`is checked out to ${person.name}`, { exact: false })
        .waitFor();
    });
  });
}
