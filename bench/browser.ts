/**
 * Headless Chromium for the HTML report's browser checks (tests/formatters/html.test.ts and
 * bench/html-open.ts): Debian's chromium driven by playwright-core, never a downloaded browser.
 */
import type { Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

/**
 * No background connections, no first-run work: on a machine without network access Chromium
 * otherwise retries its own services at every start.
 */
export const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Collects what must not happen on a self-contained page: console errors, page errors, any request that is not file://. */
export function watchPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('request', (request) => {
    if (!request.url().startsWith('file:')) errors.push(`network request: ${request.url()}`);
  });
  return errors;
}
