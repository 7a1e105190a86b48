/**
 * The Outcomes page's cohort panel and a filtered report, signed in as the demo researcher: the
 * panel open with filters set (desktop and phone — on a phone it folds behind a button), and the
 * report filtered by a saved cohort with its line under the figures and a measure beyond the
 * default two. Called by screenshots.ts; run alone with
 *
 *   BASE_URL=http://127.0.0.1:3000 npx tsx e2e/screenshots.ts --only cohorts
 */
import type { Browser, Page } from "playwright-core";
import { staffPage } from "./screenshots-kit";

type Shoot = (page: Page, name: string, full?: boolean) => Promise<void>;

/** Sets the panel's filters: women aged 40–59 with a high STarT Back group. */
async function setFilters(page: Page) {
  const pick = async (label: string, option: string) => {
    // By keyboard, as the dropdown may open where a click cannot reach it on a phone.
    await page.getByRole("combobox", { name: label, exact: true }).focus();
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press("ArrowDown");
      const at = page.locator("[data-combobox-option][data-combobox-selected]");
      if ((await at.count()) && (await at.first().textContent())?.trim() === option) break;
    }
    await page.keyboard.press("Enter");
    await page.keyboard.press("Escape");
  };
  await pick("Sex", "Female");
  await pick("Age band", "40–49");
  await pick("Age band", "50–59");
}

async function reportShown(page: Page) {
  await page.getByRole("heading", { name: "Mean change from baseline" }).waitFor({ timeout: 60_000 });
  await page.waitForTimeout(600);
}

export async function cohortScreenshots(
  browser: Browser,
  base: string,
  shoot: Shoot,
  accounts: { researcher: string; password: string },
): Promise<void> {
  const desk = await staffPage(browser, base, "desktop", accounts.researcher, accounts.password);
  await desk.goto("/outcomes");
  await reportShown(desk);
  await setFilters(desk);
  await desk.getByLabel("Cohort name").fill("Women 40 to 59");
  await shoot(desk, "outcomes-cohort-panel-desktop", false);
  await desk.getByRole("button", { name: "Save as cohort" }).click();
  await desk.waitForURL(/cohort=/);
  await reportShown(desk);
  const params = new URL(desk.url()).searchParams;
  params.set("measures", "nrs_back,odi,eq5d5l.index_us,pgic");
  await desk.goto(`/outcomes?${params}`);
  await reportShown(desk);
  await desk.getByRole("button", { name: "Hide the filters" }).click();
  await shoot(desk, "outcomes-cohort-report-desktop");

  const phone = await staffPage(browser, base, "phone", accounts.researcher, accounts.password);
  await phone.goto("/outcomes");
  await reportShown(phone);
  await phone.getByRole("button", { name: "Show the filters" }).click();
  await setFilters(phone);
  await shoot(phone, "outcomes-cohort-panel-phone");
  await phone.goto(`/outcomes?${params}`);
  await reportShown(phone);
  await shoot(phone, "outcomes-cohort-report-phone");
}
