/**
 * What every screenshot area shares: the shot itself (full page with the window as tall as the page,
 * or the window only), a checked API call, a page signed in as staff, and answering the phone
 * questionnaire screen by screen.
 */
import path from "node:path";
import type { APIRequestContext, Browser, Page } from "playwright-core";
import { newContext, type ViewportName } from "./browser";

export type Shoot = (page: Page, name: string, full?: boolean) => Promise<void>;

export async function ok<T>(res: Awaited<ReturnType<APIRequestContext["get"]>>, what: string): Promise<T> {
  if (!res.ok()) throw new Error(`${what}: HTTP ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
}

/** Opens pages at a width, each in a fresh context (its own cookies). */
export const opener = (browser: Browser, base: string) => async (size: ViewportName) =>
  (await newContext(browser, base, size)).newPage();

/** A page at a width in a fresh context (its own cookies), signed in as that staff member over the API. */
export async function staffPage(
  browser: Browser,
  base: string,
  size: ViewportName,
  email: string,
  password: string,
): Promise<Page> {
  const page = await (await newContext(browser, base, size)).newPage();
  const res = await page.request.post(`${base}/api/v1/auth/staff/sign-in`, { data: { email, password } });
  if (!res.ok()) throw new Error(`sign-in as ${email}: HTTP ${res.status()} ${await res.text()}`);
  return page;
}

/** The shot function writing `<name>.png` into `out`. */
export function shooter(out: string): Shoot {
  return async (page, name, full = true) => {
    await page.waitForLoadState("networkidle");
    await page.waitForTimeout(400);
    if (full) {
      const size = page.viewportSize();
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      if (size) await page.setViewportSize({ width: size.width, height: Math.min(height, 4000) });
      await page.waitForTimeout(300);
      await page.screenshot({ path: path.join(out, `${name}.png`) });
      if (size) await page.setViewportSize(size);
    } else {
      await page.screenshot({ path: path.join(out, `${name}.png`) });
    }
    console.log(`  ${name}.png`);
  };
}

/**
 * Answers the phone form's questions one screen at a time (the second choice, 5 on a 0–10 scale,
 * 50 on the 0–100 rating) until `reached` finds what the next picture needs.
 */
export async function answerUntil(page: Page, reached: () => Promise<number>) {
  const main = page.getByRole("main");
  for (let i = 0; i < 80 && !(await reached()); i++) {
    const label = await page.locator("#progress-label").textContent();
    if (await main.getByRole("slider").count()) await main.getByRole("textbox").fill("50");
    else if ((await main.getByRole("radio").count()) === 11)
      await main.getByRole("radio", { name: /^5(,|$)/ }).check();
    else await main.getByRole("radio").nth(1).check();
    await main.getByRole("button", { name: "Next" }).click();
    await page.waitForFunction(
      (before) => document.querySelector("#progress-label")?.textContent !== before,
      label,
    );
  }
  if (!(await reached())) throw new Error("the questionnaire never reached the screen wanted");
}
