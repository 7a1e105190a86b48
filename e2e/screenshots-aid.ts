/**
 * Screenshots of the decision aid's balanced figures (called from screenshots.ts; `--only aid`
 * for these alone): the "All choices at a glance" list in the portal on a phone and a computer,
 * and in Spanish on a phone; the clinic's glance table on a computer; and the cards whose figures
 * changed (the bone marrow shot with both groups, the fake-shot group with its size and ranges;
 * opioids with the trial's averages; PRP's uncontrolled series). The glance shots are of the
 * whole section, however long.
 */

import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { passSafetyQuestions } from "./intake";
import { clinic, type Shoot, type Who } from "./screenshots-intake";

const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "docs", "screenshots");

/**
 * The glance section as one image, from its heading to its last option: the window is made as
 * tall as the page first, so the fixed header stays at the top instead of covering the section.
 */
async function shootGlance(page: Page, name: string) {
  await page.waitForLoadState("networkidle");
  const size = page.viewportSize();
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  if (size) await page.setViewportSize({ width: size.width, height });
  await page.evaluate(() => window.scrollTo(0, 0));
  const box = await page.locator("section[aria-labelledby='compare-h']").boundingBox();
  if (!box) throw new Error("no glance section");
  // A margin around the section, inside the window.
  const x = Math.max(0, box.x - 12);
  const width = Math.min(box.width + 24, (size?.width ?? box.width) - x);
  await page.screenshot({
    path: path.join(out, `${name}.png`),
    clip: { x, y: box.y, width, height: box.height },
  });
  if (size) await page.setViewportSize(size);
  console.log(`  ${name}.png`);
}

/** Scrolls a card's field into view (below the portal's header) and shoots the window. */
async function shootCardAt(page: Page, shoot: Shoot, option: string, field: string, name: string) {
  await page
    .locator(`[data-option='${option}']`)
    .getByRole("heading", { name: field, level: 4 })
    .evaluate((el) => {
      (el as HTMLElement).style.scrollMarginTop = "110px";
      el.scrollIntoView({ block: "start" });
    });
  await shoot(page, name, false);
}

export async function aidScreenshots(browser: Browser, base: string, shoot: Shoot, who: Who) {
  const { open, staff, patientOn } = await clinic(browser, base, who);
  for (const size of ["phone", "desktop"] as const) {
    const page = await open(size);
    await patientOn(page, "Iris", size === "phone" ? "Lund" : "Moreau");
    await passSafetyQuestions(page, base);
    await page.goto("/portal/choices");
    await page.getByRole("heading", { name: "All choices at a glance" }).waitFor();
    await shootGlance(page, `decision-aid-glance-${size}`);
    await shootCardAt(
      page,
      shoot,
      "bone-marrow-concentrate",
      "Out of 100 people like you",
      `decision-aid-bmc-${size}`,
    );
    await shootCardAt(
      page,
      shoot,
      "bone-marrow-concentrate",
      "After a fake shot",
      `decision-aid-sham-${size}`,
    );
    await shootCardAt(page, shoot, "opioids", "Compared by average scores", `decision-aid-averages-${size}`);
    await shootCardAt(
      page,
      shoot,
      "platelet-rich-plasma",
      "Out of 100 people like you",
      `decision-aid-prp-${size}`,
    );
    if (size === "phone") {
      await page.getByText("Español", { exact: true }).click();
      await page.getByRole("heading", { name: "Todas las opciones de un vistazo" }).waitFor();
      await shootGlance(page, "decision-aid-es-glance-phone");
    }
  }
  await staff.goto("/decision-aid");
  await staff.getByRole("heading", { name: "Decision aid", level: 1 }).waitFor();
  await shootGlance(staff, "decision-aid-clinic-glance-desktop");
}
