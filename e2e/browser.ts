/// <reference lib="dom" />
/**
 * Browser helpers for the end-to-end tests and the screenshot script: Debian's Chromium driven by
 * playwright-core (no downloaded browsers), a fresh context per test at phone or desktop size,
 * and an axe-core check that fails with the list of violations.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";

export const viewports = {
  phone: { width: 390, height: 844 },
  desktop: { width: 1280, height: 800 },
} as const;
export type ViewportName = keyof typeof viewports;

export function launchBrowser(executablePath: string): Promise<Browser> {
  return chromium.launch({
    executablePath,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  });
}

export async function newContext(
  browser: Browser,
  baseURL: string,
  size: ViewportName,
): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL,
    viewport: viewports[size],
    deviceScaleFactor: 1,
    isMobile: size === "phone",
    hasTouch: size === "phone",
    locale: "en-GB",
    timezoneId: "UTC",
    reducedMotion: "reduce",
    // Lets axe-core be injected; the app itself runs under its real Content-Security-Policy otherwise.
    bypassCSP: true,
  });
  // Only the app under test may be reached: any other request fails the page load loudly.
  const origin = new URL(baseURL).origin;
  await context.route(
    (url) => url.origin !== origin && url.protocol.startsWith("http"),
    (route) => route.abort("blockedbyclient"),
  );
  return context;
}

const require = createRequire(import.meta.url);
let axeSource: string | null = null;

export type AxeViolation = {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
};

/** Runs axe-core (WCAG 2.x A/AA and best practices) on the page and returns what it finds. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  axeSource ??= readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ content: axeSource });
  // Colours are judged as they end up: a dialog fading in has its text and buttons half drawn over
  // the page, which axe would read as low contrast. Wait for running transitions (a bounded wait:
  // an endless animation would never finish).
  await page.evaluate(() =>
    Promise.race([
      Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))),
      new Promise((resolve) => setTimeout(resolve, 2000)),
    ]),
  );
  return (await page.evaluate(async () => {
    // axe is injected at run time; only its run() is used here.
    const axe = (
      window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: unknown }> } }
    ).axe;
    const result = await axe.run(document, {
      runOnly: {
        type: "tag",
        values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
      },
      resultTypes: ["violations"],
    });
    return result.violations;
  })) as AxeViolation[];
}

/** Violations as lines a person can act on: the rule, its impact, and up to five places. */
export function describeViolations(violations: readonly AxeViolation[]): string[] {
  return violations.map(
    (v) =>
      `- ${v.id} (${v.impact ?? "?"}): ${v.help}\n${v.nodes
        .slice(0, 5)
        .map(
          (n) =>
            `    at ${JSON.stringify(n.target)}${n.failureSummary ? `\n      ${n.failureSummary.replace(/\n/g, "\n      ")}` : ""}`,
        )
        .join("\n")}`,
  );
}

/** Runs axe-core on the page and throws listing every violation, whatever its impact. */
export async function expectNoAxeViolations(page: Page, context = ""): Promise<void> {
  const violations = await axeViolations(page);
  if (violations.length === 0) return;
  throw new Error(
    `axe found ${violations.length} accessibility violation(s)${context ? ` on ${context}` : ""}:\n${describeViolations(violations).join("\n")}`,
  );
}
