import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, chromium, type Page } from 'playwright-core';
import { requireChromium } from '../../scripts/lib/browser';

/**
 * A real Chromium (Debian's, or one on PATH: `npm run tools:install` sees to it) driven by
 * playwright-core, which downloads no browser. Playwright gives each launch a fresh profile
 * (--user-data-dir). The flags keep Chromium off the network it would otherwise try to reach at every
 * start (updates, sync, Google's hosts), which this machine's closed network refuses.
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: requireChromium(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // A Danish caseworker's browser: dates in forms read dd.mm.åååå.
      '--lang=da-DK',
    ],
  });
}

/** Where the test run writes a screenshot of each page (git-ignored). */
export const SCREENSHOTS = join(__dirname, '..', '..', 'test-results', 'screenshots');

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/**
 * The page's WCAG 2.1 A and AA violations as axe-core finds them, one line each with the elements
 * involved, so a failing test says what to fix.
 */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return violations.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes
        .map((node) => node.target.join(' '))
        .join(', ')}`,
  );
}
