// Chromium for end-to-end tests: Debian's /usr/bin/chromium (or CHROMIUM_PATH) driven by playwright-core,
// with a desktop and a phone viewport; screenshots go to docs/screenshots/.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { adminEmail, adminPassword } from './server.ts';

export const viewports: Record<'desktop' | 'phone', BrowserContextOptions> = {
  desktop: { viewport: { width: 1280, height: 800 } },
  phone: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
};
export type ViewportName = keyof typeof viewports;

/** Chromium; with `cameraVideo`, its camera plays that Y4M file and camera access is granted without asking. */
export function launchBrowser(cameraVideo?: string): Promise<Browser> {
  const camera = cameraVideo
    ? [
        '--use-fake-device-for-media-stream',
        '--use-fake-ui-for-media-stream',
        `--use-file-for-fake-video-capture=${cameraVideo}`,
      ]
    : [];
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    // Root in CI containers cannot use Chromium's sandbox.
    args: ['--no-sandbox', '--disable-dev-shm-usage', ...camera],
  });
}

const screenshots = path.resolve(import.meta.dirname, '../../docs/screenshots');

export async function screenshot(page: Page, viewport: ViewportName, name: string): Promise<void> {
  mkdirSync(screenshots, { recursive: true });
  await page.screenshot({ path: path.join(screenshots, `${viewport}-${name}.png`) });
}

const axeSource = readFileSync(
  path.resolve(import.meta.dirname, '../../node_modules/axe-core/axe.min.js'),
  'utf8',
);

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core's serious and critical violations on the page as it is now (run outside the page's CSP). */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run()).violations;
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Fails the test on any serious or critical axe-core violation, naming each with where it is. */
export async function assertAccessible(page: Page): Promise<void> {
  const violations = await seriousViolations(page);
  assert.deepEqual(
    violations.map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    [],
  );
}

export async function signIn(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/items`);
  await page.getByLabel('Email').fill(adminEmail);
  await page.getByLabel(/^Password/).fill(adminPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Items' }).waitFor();
}

/** A new page in its own browser context (viewport, downloads), signed in as the admin. */
export async function signedInPage(
  browser: Browser,
  baseUrl: string,
  options: BrowserContextOptions = viewports.desktop,
): Promise<Page> {
  const page = await (await browser.newContext(options)).newPage();
  page.setDefaultTimeout(15_000);
  await signIn(page, baseUrl);
  return page;
}
