/**
 * The clinic benchmarking tab's screenshots: the funnel plot and its table at desktop and phone
 * width as the demo clinician sees them (their clinic named), and as the researcher sees them (no
 * clinic named until it agrees). Called by screenshots.ts; run alone with
 *
 *   BASE_URL=http://127.0.0.1:3000 npx tsx e2e/screenshots.ts --only benchmarks
 *
 * The demo has two clinics; a funnel needs both to reach the minimum per clinic, which the
 * 1,500-patient demo does (npx tsx e2e/run-app.ts 1500).
 */
import type { Browser, Page } from "playwright-core";
import { staffPage } from "./screenshots-kit";

type Shoot = (page: Page, name: string, full?: boolean) => Promise<void>;

async function open(page: Page) {
  await page.goto("/outcomes?view=benchmarks");
  await page.getByRole("heading", { name: /clinics compared/ }).waitFor({ timeout: 60_000 });
  await page.getByRole("table").first().waitFor({ timeout: 60_000 });
  // Plots draw after their container has been measured.
  await page.waitForTimeout(500);
}

export async function benchmarkScreenshots(
  browser: Browser,
  base: string,
  shoot: Shoot,
  accounts: { clinician: string; researcher: string; password: string },
): Promise<void> {
  const desk = await staffPage(browser, base, "desktop", accounts.clinician, accounts.password);
  await open(desk);
  await shoot(desk, "outcomes-benchmarks-desktop");
  const phone = await staffPage(browser, base, "phone", accounts.clinician, accounts.password);
  await open(phone);
  await shoot(phone, "outcomes-benchmarks-phone");
  const researcher = await staffPage(browser, base, "desktop", accounts.researcher, accounts.password);
  await open(researcher);
  await shoot(researcher, "outcomes-benchmarks-researcher-desktop");
}
