/**
 * Test helpers for the app: a browser per test file, a fresh context per test at phone or
 * desktop size, signing in, and small assertions on what a person would see (playwright-core has
 * no expect of its own, so these wait for the page and then assert with Vitest).
 */
import type { APIRequestContext, Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, expect, inject } from "vitest";
import { launchBrowser, newContext, type ViewportName } from "./browser";

export const DEMO_PASSWORD = "evident-demo-password";
export const CLINICIAN = "clinician@demo.evident.test";
export const RESEARCHER = "researcher@demo.evident.test";
export const TIMEOUT = 15_000;

/** A short suffix that makes names and e-mail addresses unique within one run. */
export const unique = (): string =>
  `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`;

/** Launches Chromium for the file and closes every context a test opened. */
export function useBrowser() {
  let browser: Browser | null = null;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    browser = await launchBrowser(inject("chromiumPath"));
  });
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()));
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    /** A new, signed-out browser window of the given size, on the shared app or on `baseUrl`. */
    async open(size: ViewportName, baseUrl: string = inject("baseUrl")): Promise<Page> {
      if (!browser) throw new Error("browser not started");
      const context = await newContext(browser, baseUrl, size);
      context.setDefaultTimeout(TIMEOUT);
      contexts.push(context);
      const page = await context.newPage();
      page.on("pageerror", (e) => console.error(`page error at ${page.url()}: ${e.message}`));
      return page;
    },
  };
}

export async function signInStaff(page: Page, email = CLINICIAN): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("E-mail address").fill(email);
  await page.getByLabel(/^Password/).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  // "/" only picks the start page (the triage queue while a red flag waits, else the patients).
  await page.waitForURL((u) => u.pathname !== "/" && !u.pathname.startsWith("/sign-in"));
}

export async function visible(locator: Locator): Promise<Locator> {
  await locator.first().waitFor({ state: "visible" });
  return locator.first();
}

export async function expectHeading(page: Page, name: string | RegExp, level = 1): Promise<void> {
  await visible(page.getByRole("heading", { name, level }));
}

export async function expectText(page: Page | Locator, text: string | RegExp): Promise<void> {
  await visible(page.getByText(text));
}

/** The page's main content fits the width: nothing makes a phone scroll sideways. */
export async function expectNoSideways(page: Page): Promise<void> {
  const { scroll, width } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    width: window.innerWidth,
  }));
  expect(scroll, `page is ${scroll}px wide in a ${width}px window`).toBeLessThanOrEqual(width);
}

/** The text that assistive technology reads as a field's description (its hint and its error). */
export async function descriptionOf(field: Locator): Promise<string> {
  await field.waitFor();
  return field.evaluate((el) =>
    (el.getAttribute("aria-describedby") ?? "")
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => document.getElementById(id)?.textContent ?? "")
      .join(" "),
  );
}

/** Waits until a field's description contains the text (errors appear after a round trip). */
export async function expectFieldError(field: Locator, text: string | RegExp): Promise<void> {
  const deadline = Date.now() + TIMEOUT;
  let last = "";
  while (Date.now() < deadline) {
    last = await descriptionOf(field);
    if (typeof text === "string" ? last.includes(text) : text.test(last)) {
      expect(await field.getAttribute("aria-invalid")).toBe("true");
      return;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  expect(last, "the field's error message").toMatch(text);
}

/**
 * Today's date where the clinic is (its time zone from GET /api/v1/clinic): what the server checks
 * "not in the future" against. The UTC date runs a day ahead of New York's for five hours a night.
 */
export async function clinicToday(request: APIRequestContext, base: string): Promise<string> {
  const res = await request.get(`${base}/api/v1/clinic`);
  if (!res.ok()) throw new Error(`read the clinic: HTTP ${res.status()} ${await res.text()}`);
  const { timeZone } = (await res.json()) as { timeZone: string };
  return localDate(new Date(), timeZone);
}

/** The demo clinics' time zone (the browser tests' apps run on the demo's data). */
export const DEMO_TIME_ZONE = "America/New_York";

/**
 * The date `days` from today where the clinic is: dates the server checks against the clinic's
 * today (treatments, onsets, signatures) must not take the UTC date, a day ahead in the evening.
 */
export function isoDaysFromToday(days: number, timeZone = DEMO_TIME_ZONE): string {
  const today = localDate(new Date(), timeZone);
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function localDate(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(at);
}
