// Sessions, bulk changes, saved views, scanning with the camera and two-factor sign-in, as a user meets them.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { generate } from 'otplib';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, signIn, viewports } from './browser.ts';
import { writeQrVideo } from './fake-camera.ts';
import { adminEmail, adminPassword, startServer, type RunningServer } from './server.ts';

let server: RunningServer;
let browser: Browser;
let page: Page;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  page = await (await browser.newContext(viewports.desktop)).newPage();
  page.setDefaultTimeout(15_000);
  await signIn(page, server.baseUrl);
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

const storedSession = () =>
  page.evaluate(
    () => JSON.parse(localStorage.getItem('eis.session') ?? 'null') as Record<string, string> | null,
  );

void describe('in the browser', () => {
  void it('renews an expired access token with the refresh token, once, and carries on', async () => {
    const before = await storedSession();
    await page.evaluate(() => {
      const tokens = JSON.parse(localStorage.getItem('eis.session')!) as Record<string, string>;
      localStorage.setItem('eis.session', JSON.stringify({ ...tokens, access_token: 'expired' }));
    });
    await page.goto(`${server.baseUrl}/items?q=latitude`);
    await page
      .getByText(/Dell Latitude/)
      .first()
      .waitFor();
    const after = await storedSession();
    assert.notEqual(after?.access_token, 'expired');
    assert.notEqual(after?.refresh_token, before?.refresh_token, 'the refresh token rotated');
  });

  void it('saves a view and brings it back', async () => {
    await page.goto(`${server.baseUrl}/items?q=latitude&status=in_stock`);
    await page.getByRole('button', { name: 'Views' }).click();
    await page.getByLabel('View name').fill('Laptops in stock');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.keyboard.press('Escape');
    await page.goto(`${server.baseUrl}/items`);
    await page.getByRole('button', { name: 'Views' }).click();
    await page.getByRole('menuitem', { name: 'Laptops in stock' }).click();
    await page.waitForURL(/q=latitude&status=in_stock/);
  });

  void it('changes the status of the selected items in bulk', async () => {
    await page.goto(`${server.baseUrl}/items?status=in_stock&sort=sku`);
    const boxes = page.getByRole('checkbox', { name: /^Select (?!all)/ });
    const names = await Promise.all([0, 1].map((i) => boxes.nth(i).getAttribute('aria-label')));
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await page.getByText('2 selected').waitFor();
    await page.getByRole('combobox', { name: 'Set status' }).click();
    await page.getByRole('option', { name: 'In repair' }).click();
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.getByText('Status: 2 of 2 changed').waitFor();
    await page.goto(`${server.baseUrl}/items?status=in_repair&sort=-updated_at`);
    for (const name of names) {
      await page.getByRole('checkbox', { name: name! }).waitFor();
    }
  });

  void it('opens the item whose QR code the camera sees', async () => {
    await page.goto(`${server.baseUrl}/items/3`);
    const sku = (await page.getByRole('row', { name: /^SKU/ }).getByRole('cell').textContent())!;
    const name = (await page.getByRole('heading', { level: 1 }).textContent())!;
    const dir = mkdtempSync(path.join(tmpdir(), 'eis-camera-'));
    const video = path.join(dir, 'qr.y4m');
    writeQrVideo(video, sku);
    const cameraBrowser = await launchBrowser(video);
    try {
      const phone = await (await cameraBrowser.newContext(viewports.phone)).newPage();
      phone.setDefaultTimeout(20_000);
      await signIn(phone, server.baseUrl);
      await phone.goto(`${server.baseUrl}/scan`);
      await phone.getByRole('button', { name: 'Scan with the camera' }).click();
      await phone.waitForURL(/\/items\/3$/);
      await phone.getByRole('heading', { level: 1, name }).waitFor();
    } finally {
      await cameraBrowser.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  void it('lists where the user is signed in, with a way to end each session', async () => {
    await page.goto(`${server.baseUrl}/account`);
    const sessions = page.getByRole('region', { name: 'Sessions' });
    await sessions.getByRole('button', { name: 'End session' }).first().waitFor();
    assert.ok((await sessions.getByRole('row').count()) >= 2, 'a header and at least this session');
    await page.getByRole('button', { name: 'End all sessions' }).waitFor();
  });

  void it('turns on two-factor sign-in, then asks for a code at the next sign-in', async () => {
    await page.goto(`${server.baseUrl}/account`);
    await page.getByRole('button', { name: 'Set up two-factor sign-in' }).click();
    const uri = (await page.getByText(/^otpauth:\/\//).textContent())!;
    const secret = new URL(uri).searchParams.get('secret')!;
    await page.getByRole('img', { name: 'QR code for your authenticator app' }).waitFor();
    await page.getByLabel('Code').fill(await generate({ secret }));
    await page.getByRole('button', { name: 'Confirm' }).click();
    await page.getByText('Keep these recovery codes somewhere safe').waitFor();

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('Email').fill(adminEmail);
    await page.getByLabel(/^Password/).fill(adminPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Two-factor sign-in' }).waitFor();
    // The confirming code is spent; the next time step's code is within the server's tolerance.
    const next = await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 });
    await page.getByLabel('Code from your authenticator app').fill(next);
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
  });
});
