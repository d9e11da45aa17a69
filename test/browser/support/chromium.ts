import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, type Page, chromium } from 'playwright-core';
import { expectAccessible } from './accessibility';

export const ARTIFACTS_DIR = resolve(__dirname, '../../artifacts');

export interface Chromium {
  context: BrowserContext;
  close(): Promise<void>;
}

/**
 * Debian's Chromium, headless, with a fresh profile and nothing that reaches for the network
 * (the machine has no internet). One instance per test file keeps the suite fast.
 */
export async function launchChromium(
  options: { locale?: string; timezoneId?: string } = {},
): Promise<Chromium> {
  const profile = await mkdtemp(join(tmpdir(), 'chancery-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
    acceptDownloads: true,
    viewport: { width: 1366, height: 900 },
    // The locale is also the browser's Accept-Language.
    locale: options.locale ?? 'en-GB',
    timezoneId: options.timezoneId ?? 'UTC',
  });
  context.setDefaultTimeout(10000);
  await mkdir(ARTIFACTS_DIR, { recursive: true });
  return {
    context,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS_DIR, `${name}.png`), fullPage: true });
}

/** Signs in through the form, as an official would. */
export async function signIn(page: Page, baseUrl: string, email: string): Promise<void> {
  // Whoever used this browser before is gone: each official starts from a clean session.
  await page.context().clearCookies();
  await page.goto(`${baseUrl}/desk/login`);
  await expectAccessible(page);
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password').fill('demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/desk/login'));
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL((url) => url.pathname === '/desk/login');
}
