// Requests in the browser: an employee asks for any item of a category, an asset manager approves it by
// choosing one of the category's items in stock, and the employee finds it in My assignments; a request for a
// particular item (by SKU) declined with a reason; an item that went elsewhere before approval, refused with
// the holder named. Reservations, disposal and warranty have their own file (lifecycle-assets).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { adminApi, type AdminApi } from './admin-api.ts';
import { assertAccessible, launchBrowser, screenshot, viewports, type ViewportName } from './browser.ts';
import { startServer, type RunningServer } from './server.ts';

let server: RunningServer;
let browser: Browser;
let api: AdminApi;

const password = 'requests e2e passphrase';

async function signInAs(email: string, viewport: ViewportName, landing: string): Promise<Page> {
  const page = await (await browser.newContext(viewports[viewport])).newPage();
  page.setDefaultTimeout(15_000);
  await page.goto(server.baseUrl);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: landing }).waitFor();
  return page;
}

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  api = await adminApi(server.baseUrl);
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

void describe('requests', () => {
  const employee = { name: 'Rhea Requester', email: 'rhea.requester@example.com' };
  const manager = { name: 'Mona Manager', email: 'mona.manager@example.com' };
  let staff: Page;
  let boss: Page;

  before(async () => {
    await api.post('/users', {
      display_name: employee.name,
      email: employee.email,
      password,
      role: 'employee',
    });
    await api.post('/users', {
      display_name: manager.name,
      email: manager.email,
      password,
      role: 'asset_manager',
    });
    const cameras = await api.post('/categories', { name: 'E2E Request Cameras' });
    await api.post('/items', {
      sku: 'E2E-REQ-CAM-1',
      name: 'E2E mirrorless camera',
      status: 'in_stock',
      category_id: cameras.id,
    });
    const elsewhere = await api.post('/items', {
      sku: 'E2E-REQ-CAM-2',
      name: 'E2E camera already out',
      status: 'in_stock',
      category_id: cameras.id,
    });
    await api.post(`/items/${elsewhere.id}/checkout`, { location_id: 1 });
    await api.post('/items', { sku: 'E2E-REQ-PROJ', name: 'E2E projector', status: 'in_stock' });
    await api.post('/items', { sku: 'E2E-REQ-VAN', name: 'E2E delivery van', status: 'in_stock' });
    staff = await signInAs(employee.email, 'phone', 'My assignments');
    // Asset managers read reports, so they land on the dashboard.
    boss = await signInAs(manager.email, 'desktop', 'Dashboard');
  });
  after(async () => {
    await staff?.context().close();
    await boss?.context().close();
  });

  void it('lets an employee ask for any item of a category from their home screen', async () => {
    await staff.getByRole('link', { name: 'Ask for equipment' }).click();
    await staff.getByRole('heading', { level: 1, name: 'Requests' }).waitFor();
    await staff.getByText('You have not asked for anything').waitFor();
    await staff.getByRole('button', { name: 'New request' }).click();
    const dialog = staff.getByRole('dialog', { name: 'Ask for equipment' });
    await dialog.getByRole('button', { name: 'Send request' }).click();
    await dialog.getByText('Say what it is for').waitFor();
    await dialog.getByText('Choose a category').waitFor();
    await dialog.getByLabel(/^Category/).fill('E2E Request');
    await staff.getByRole('option', { name: 'E2E Request Cameras' }).click();
    await dialog.getByLabel(/^What is it for/).fill('Photographing the site survey');
    await dialog.getByLabel(/^Needed until/).fill('2099-06-30');
    await dialog.getByRole('button', { name: 'Send request' }).click();
    await dialog.waitFor({ state: 'detached' });
    const card = staff.getByRole('article', { name: 'Any item of E2E Request Cameras' });
    await card.getByText('Pending').waitFor();
    await card.getByText('Photographing the site survey').waitFor();
  });

  void it('lets a manager approve it by choosing a camera in stock, which checks it out', async () => {
    await boss.getByRole('link', { name: 'Requests' }).click();
    await boss.getByRole('tab', { name: 'To decide' }).waitFor();
    const card = boss.getByRole('article', { name: `${employee.name}: Any item of E2E Request Cameras` });
    await card.getByText(`For ${employee.name}`).waitFor();
    await card.getByRole('button', { name: 'Approve' }).click();
    const dialog = boss.getByRole('dialog', { name: `Approve ${employee.name}'s request` });
    await dialog.getByRole('button', { name: 'Approve and check out' }).click();
    await dialog.getByText('Choose the item to hand out').waitFor();
    await dialog.getByLabel(/^Item/).click();
    // Only what is in stock is offered: the camera already checked out is not.
    await boss.getByRole('option', { name: /E2E-REQ-CAM-1 · E2E mirrorless camera/ }).waitFor();
    assert.equal(await boss.getByRole('option', { name: /E2E-REQ-CAM-2/ }).count(), 0);
    await boss.getByRole('option', { name: /E2E-REQ-CAM-1/ }).click();
    await dialog.getByLabel('Note').fill('Handle with care');
    await screenshot(boss, 'desktop', 'request-approve');
    await dialog.getByRole('button', { name: 'Approve and check out' }).click();
    await dialog.waitFor({ state: 'detached' });
    await card.waitFor({ state: 'detached' });
    await boss.getByText('Approved', { exact: true }).click();
    const approved = boss.getByRole('article', { name: `${employee.name}: Any item of E2E Request Cameras` });
    await approved.getByText(/Handed out: E2E mirrorless camera \(E2E-REQ-CAM-1\)/).waitFor();
  });

  void it('shows the employee the camera in My assignments and the request approved', async () => {
    await staff.goto(`${server.baseUrl}/me/assignments`);
    const assignment = staff.getByRole('article', { name: 'E2E mirrorless camera' });
    await assignment.getByText(/due back/).waitFor();
    await staff.goto(`${server.baseUrl}/requests`);
    const card = staff.getByRole('article', { name: 'Any item of E2E Request Cameras' });
    await card.getByText('Approved').waitFor();
    await card.getByText(/Handed out: E2E mirrorless camera/).waitFor();
  });

  void it('asks for a particular item by its SKU, an unknown SKU marked beside the field', async () => {
    await staff.getByRole('button', { name: 'New request' }).click();
    const dialog = staff.getByRole('dialog', { name: 'Ask for equipment' });
    await dialog.getByLabel('A particular item').check();
    await dialog.getByLabel(/^SKU/).fill('E2E-NO-SUCH-THING');
    await dialog.getByLabel(/^What is it for/).fill('Quarterly review');
    await dialog.getByRole('button', { name: 'Send request' }).click();
    await dialog.getByText('no item has SKU E2E-NO-SUCH-THING').waitFor();
    await dialog.getByLabel(/^SKU/).fill('E2E-REQ-PROJ');
    await dialog.getByRole('button', { name: 'Send request' }).click();
    await dialog.waitFor({ state: 'detached' });
    await staff.getByRole('article', { name: 'E2E projector (E2E-REQ-PROJ)' }).getByText('Pending').waitFor();

    await staff.getByRole('button', { name: 'New request' }).click();
    await dialog.getByLabel('A particular item').check();
    await dialog.getByLabel(/^SKU/).fill('E2E-REQ-VAN');
    await dialog.getByLabel(/^What is it for/).fill('Moving the archive');
    await dialog.getByRole('button', { name: 'Send request' }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  void it('declines with a reason the employee reads', async () => {
    await boss.reload();
    const card = boss.getByRole('article', { name: `${employee.name}: E2E projector (E2E-REQ-PROJ)` });
    await card.getByRole('button', { name: 'Decline' }).click();
    const dialog = boss.getByRole('dialog', { name: `Decline ${employee.name}'s request` });
    await dialog.getByRole('button', { name: 'Decline' }).click();
    await dialog.getByText('Say why, for the requester').waitFor();
    await dialog.getByLabel(/^Reason/).fill('Booked for the board all month');
    await dialog.getByRole('button', { name: 'Decline' }).click();
    await dialog.waitFor({ state: 'detached' });
    await card.waitFor({ state: 'detached' });

    await staff.reload();
    const mine = staff.getByRole('article', { name: 'E2E projector (E2E-REQ-PROJ)' });
    await mine.getByText(`Declined by ${manager.email}: Booked for the board all month`).waitFor();
    await screenshot(staff, 'phone', 'requests');
    await assertAccessible(staff);
  });

  void it('says who has the item when it went to someone else before approval', async () => {
    const van = boss.getByRole('article', { name: `${employee.name}: E2E delivery van (E2E-REQ-VAN)` });
    await van.waitFor();
    await screenshot(boss, 'desktop', 'requests');
    await assertAccessible(boss);
    const { data } = await api.send<{ data: { id: number }[] }>('GET', '/items?q=E2E-REQ-VAN');
    await api.post(`/items/${data[0]!.id}/checkout`, { location_id: 1 });

    await van.getByRole('button', { name: 'Approve' }).click();
    const dialog = boss.getByRole('dialog', { name: `Approve ${employee.name}'s request` });
    await dialog.getByRole('button', { name: 'Approve and check out' }).click();
    await dialog
      .getByRole('alert')
      .getByText(/is already checked out to/)
      .waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await van.getByText('Pending').waitFor();
  });
});
