import { AxeBuilder } from '@axe-core/playwright';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

// Browser tests run Debian's Chromium (never a downloaded one) against the built API + web app.

export const BASE_URL = (process.env['E2E_BASE_URL'] ?? 'http://127.0.0.1:3100').replace(/\/$/, '');
export const DEMO_USER = {
  username: process.env['DEMO_USERNAME'] ?? 'admin',
  password: process.env['DEMO_PASSWORD'] ?? 'demo',
};
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = resolve(__dirname, '../../../test-artifacts/screenshots');

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Playwright gives every launch a fresh temporary profile (its own --user-data-dir). */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: run "apt-get install -y chromium".`);
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

export interface Viewport {
  width: number;
  height: number;
}

export const DESKTOP: Viewport = { width: 1280, height: 900 };
export const MOBILE: Viewport = { width: 390, height: 844 };

/** A fresh context (cookies, storage) per test, in Swedish and Stockholm time. */
export async function newContext(browser: Browser, viewport: Viewport = DESKTOP): Promise<BrowserContext> {
  return browser.newContext({
    baseURL: BASE_URL,
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
    viewport,
  });
}

/**
 * Sets up one browser for the file and a fresh context + page for each test.
 * Usage: `const b = useBrowser(); it('…', async () => { await b.page.goto('/'); })`.
 */
export function useBrowser(viewport: Viewport = DESKTOP): {
  readonly page: Page;
  readonly context: BrowserContext;
} {
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let page: Page | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    if (!browser) throw new Error('browser did not start');
    context = await newContext(browser, viewport);
    page = await context.newPage();
  });
  afterEach(async () => {
    await context?.close();
    context = undefined;
    page = undefined;
  });
  return {
    get page(): Page {
      if (!page) throw new Error('no page: use it inside a test');
      return page;
    },
    get context(): BrowserContext {
      if (!context) throw new Error('no context: use it inside a test');
      return context;
    },
  };
}

/** Saves test-artifacts/screenshots/<name>.png (whole page). */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name.replace(/[^\w.-]+/g, '-')}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

export interface A11yViolation {
  id: string;
  impact: string;
  help: string;
  helpUrl: string;
  targets: string[];
}

/** Runs axe (WCAG 2.1 A + AA) and fails on serious or critical violations, listing each one readably. */
export async function expectAccessible(page: Page, label = page.url()): Promise<A11yViolation[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const all: A11yViolation[] = results.violations.map((v) => ({
    id: v.id,
    impact: v.impact ?? 'unknown',
    help: v.help,
    helpUrl: v.helpUrl,
    targets: v.nodes.map((n) => n.target.join(' ')),
  }));
  const blocking = all.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (blocking.length > 0) {
    throw new Error(`Accessibility violations on ${label}:\n${formatViolations(blocking)}`);
  }
  return all;
}

export function formatViolations(violations: A11yViolation[]): string {
  return violations
    .map((v) => {
      const targets = v.targets.slice(0, 5).map((target) => `      at ${target}`);
      if (v.targets.length > 5) targets.push(`      … and ${v.targets.length - 5} more`);
      return [`  [${v.impact}] ${v.id}: ${v.help}`, `      ${v.helpUrl}`, ...targets].join('\n');
    })
    .join('\n');
}

/** Signs in through the real form, then waits for the app shell. */
export async function signIn(page: Page, user = DEMO_USER): Promise<void> {
  await page.goto('/logga-in');
  await page.getByLabel('Användarnamn').fill(user.username);
  await page.getByLabel('Lösenord', { exact: true }).fill(user.password);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await page.getByRole('button', { name: 'Logga ut' }).waitFor();
}
