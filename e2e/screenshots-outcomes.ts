/**
 * The outcomes page's screenshots, one per section at desktop width and the sections that matter
 * most on a phone, signed in as the demo clinician (and one as the researcher, pooled). Called by
 * screenshots.ts; run alone with
 *
 *   BASE_URL=http://127.0.0.1:3000 npx tsx e2e/screenshots.ts --only outcomes
 *
 * The comparison needs at least 20 analysed patients per arm: start the app with a larger demo
 * (EVIDENT_DEMO_PATIENTS=3000) for pictures with every section filled.
 */

import type { Browser, Page } from "playwright-core";
import { staffPage } from "./screenshots-kit";

type Shoot = (page: Page, name: string, full?: boolean) => Promise<void>;

const sections = [
  { view: "change", heading: "Mean change from baseline" },
  { view: "distribution", heading: /change from baseline to/ },
  { view: "survival", heading: "Surgery-free after a non-surgical first treatment" },
  { view: "comparison", heading: /compared with/ },
] as const;

async function open(page: Page, view: string, heading: string | RegExp) {
  await page.goto(view === "change" ? "/outcomes" : `/outcomes?view=${view}`);
  await page.getByRole("heading", { name: "Outcomes", level: 1 }).waitFor();
  // The comparison opens on a pair the demo has enough patients for (comparison-start.ts).
  await page.getByRole("heading", { name: heading }).first().waitFor({ timeout: 60_000 });
  // Plots draw after their container has been measured.
  await page.waitForTimeout(500);
}

export async function outcomeScreenshots(
  browser: Browser,
  base: string,
  shoot: Shoot,
  accounts: { clinician: string; researcher: string; password: string },
): Promise<void> {
  const desk = await staffPage(browser, base, "desktop", accounts.clinician, accounts.password);
  for (const s of sections) {
    await open(desk, s.view, s.heading);
    if (s.view === "survival" || s.view === "comparison") {
      await desk.getByRole("button", { name: "Show the data as a table" }).first().click();
    }
    await shoot(desk, s.view === "change" ? "outcomes-desktop" : `outcomes-${s.view}-desktop`);
  }
  const phone = await staffPage(browser, base, "phone", accounts.clinician, accounts.password);
  for (const s of sections.slice(1)) {
    await open(phone, s.view, s.heading);
    await shoot(phone, `outcomes-${s.view}-phone`);
  }
  const researcher = await staffPage(browser, base, "desktop", accounts.researcher, accounts.password);
  await open(researcher, "survival", sections[2].heading);
  await shoot(researcher, "outcomes-survival-researcher-desktop", false);
}
