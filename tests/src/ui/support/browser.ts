/**
 * Debian's Chromium driven through playwright-core: headless, no sandbox (containers), nothing
 * in the background that could reach the network, and a fresh profile per run. playwright-core
 * never downloads a browser; without /usr/bin/chromium the suite is skipped, except under CI.
 * @module
 */
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const HAVE_CHROMIUM = existsSync(CHROMIUM);
/** Under CI the browser tests must run: a missing Chromium fails them instead of skipping. */
export const MUST_RUN = process.env.CI === "true";

/** tests/screenshots/ (ignored by git). */
export const SCREENSHOTS = path.resolve(import.meta.dirname, "../../../screenshots");

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-dev-shm-usage",
];

export interface Browser {
  readonly context: BrowserContext;
  /** A new page whose console errors and uncaught exceptions are collected. */
  page(): Promise<Page>;
  /** Console errors and page errors of every page so far, as `url: text`. */
  errors(): string[];
  screenshot(page: Page, name: string): Promise<void>;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<Browser> {
  const profile = await mkdtemp(path.join(tmpdir(), "mle-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 900 },
  });
  await mkdir(SCREENSHOTS, { recursive: true });
  const errors: string[] = [];
  return {
    context,
    async page() {
      const page = await context.newPage();
      page.on("console", (msg) => {
        if (msg.type() === "error") errors.push(`${page.url()}: ${msg.text()}`);
      });
      page.on("pageerror", (e) => errors.push(`${page.url()}: uncaught ${e.message}`));
      return page;
    },
    errors: () => [...errors],
    screenshot: async (page, name) => {
      await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
    },
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
