/**
 * The outcomes page on the demo registry: every section renders with its plots, their text
 * alternatives and the honest-reporting notes, at desktop and phone width, without accessibility
 * violations or sideways scrolling; the comparison form works from the keyboard and shows a
 * refusal under the field it names; a researcher sees the same page on pooled data.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import {
  expectHeading,
  expectNoSideways,
  expectText,
  RESEARCHER,
  signInStaff,
  TIMEOUT,
  useBrowser,
  visible,
} from "./app";
import { expectNoAxeViolations, type ViewportName } from "./browser";

/** The analyses can take a few seconds on a busy machine. */
const SLOW = { timeout: 4 * TIMEOUT };

async function openTab(page: Page, name: string) {
  await page.getByRole("tab", { name }).click();
  await page.getByRole("tab", { name, selected: true }).waitFor();
}

/** At desktop width the outcome tables fit the page: none of them needs scrolling sideways. */
async function expectTablesFit(page: Page, size: ViewportName) {
  if (size !== "desktop") return;
  const wide = await page.evaluate(() =>
    Array.from(document.querySelectorAll("main [role=region][aria-label]"))
      .filter((el) => el.scrollWidth > el.clientWidth + 1)
      .map((el) => `${el.getAttribute("aria-label")}: ${el.scrollWidth} px in ${el.clientWidth} px`),
  );
  expect(wide).toEqual([]);
}

async function everySection(page: Page, size: ViewportName) {
  await page.goto("/outcomes");
  await expectHeading(page, "Outcomes");
  await expectText(page, /do not show that a treatment works/);
  await expectText(page, /FDA-approved for back pain/);
  await page.getByRole("heading", { name: "Mean change from baseline" }).waitFor(SLOW);
  // Beside each responder share, what the missing patients could make of it.
  await visible(
    page
      .getByText(/\d+ missing: \d+% to \d+%|if the \d+ missing all did not \/ all did respond/)
      .filter({ visible: true })
      .first(),
  );
  await expectNoSideways(page);
  await expectTablesFit(page, size);
  await expectNoAxeViolations(page, `change and responders (${size})`);

  await openTab(page, "Distribution of change");
  await page.getByRole("heading", { name: /ODI \(0–100\): change from baseline to 12 months/ }).waitFor(SLOW);
  await visible(page.getByRole("img", { name: /Cumulative distribution of the change in ODI/ }));
  await visible(page.getByRole("img", { name: /Percentiles of the change/ }));
  await expectText(page, "Who is in these figures");
  await expectText(page, /Every step holds at least 11 patients/);
  expect(new URL(page.url()).searchParams.get("view")).toBe("distribution");
  await expectNoSideways(page);
  await expectNoAxeViolations(page, `distribution of change (${size})`);

  await openTab(page, "Surgery-free survival");
  await page
    .getByRole("heading", { name: "Surgery-free after a non-surgical first treatment" })
    .waitFor(SLOW);
  await visible(page.getByRole("img", { name: /surgery-free survival curve/ }));
  await expectText(page, "Number still at risk");
  await expectText(page, /Log-rank test across the \d+ treatments shown/);
  await expectText(page, /censored at their last contact/);
  // Counts in the singular or plural, and no interval collapsed onto 100%.
  await expectText(page, /\d+ patients, (no operations yet|1 operation\b|\d+ operations)/);
  expect(await page.getByText(/\b1 operations|100% \(100% to 100%\)/).count()).toBe(0);
  await expectNoSideways(page);
  await expectTablesFit(page, size);
  await expectNoAxeViolations(page, `surgery-free survival (${size})`);

  // It opens on a pair the outcomes report shows has enough patients: a result, not a refusal.
  await openTab(page, "Adjusted comparison");
  await page.getByRole("heading", { name: / compared with / }).waitFor(SLOW);
  expect(await page.getByText("This comparison cannot be made").count()).toBe(0);
  const chosen = async (label: string) =>
    page
      .getByLabel(label, { exact: true })
      .evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.text ?? "");
  const heading = await page.getByRole("heading", { name: / compared with / }).textContent();
  expect(heading).toContain(`${await chosen("Treatment")} compared with ${await chosen("Compared with")}`);
  await visible(page.getByRole("img", { name: /Love plot of baseline balance/ }));
  await expectText(page, /E-value \d/);
  await expectText(page, /cannot adjust for what was not measured/);
  await expectNoSideways(page);
  await expectTablesFit(page, size);
  await expectNoAxeViolations(page, `adjusted comparison (${size})`);
}

/** Four sections, each analysed on the 1,500-patient demo and scanned with axe: more than one test's usual minute. */
const EVERY_SECTION = 120_000;

describe("outcomes page", () => {
  const browser = useBrowser();

  it("shows every section with the demo data at desktop width", { timeout: EVERY_SECTION }, async () => {
    const page = await browser.open("desktop");
    await signInStaff(page);
    await everySection(page, "desktop");
  });

  it("shows every section with the demo data at phone width", { timeout: EVERY_SECTION }, async () => {
    const page = await browser.open("phone");
    await signInStaff(page);
    await everySection(page, "phone");
  });

  it("opens a plot's numbers as a table", async () => {
    const page = await browser.open("desktop");
    await signInStaff(page);
    await page.goto("/outcomes?view=survival");
    const toggle = page.getByRole("button", { name: "Show the data as a table" });
    await toggle.waitFor(SLOW);
    expect(await toggle.getAttribute("aria-expanded")).toBe("false");
    await toggle.click();
    const table = page.getByRole("table").filter({ hasText: "12 months" }).first();
    await visible(table.getByRole("rowheader", { name: "Exercise / physiotherapy" }));
    expect(
      await page.getByRole("button", { name: "Hide the data table" }).getAttribute("aria-expanded"),
    ).toBe("true");
  });

  it("compares two treatments chosen with the keyboard, and puts a refusal under the field it names", async () => {
    const page = await browser.open("desktop");
    await signInStaff(page);
    await page.goto("/outcomes?view=comparison");
    await page.getByRole("heading", { name: /compared with/ }).waitFor(SLOW);

    // Treatment: start from Bone-marrow concentrate; one up from it is Epidural steroid injection.
    const treatment = page.getByLabel("Treatment", { exact: true });
    await treatment.selectOption("bone_marrow_concentrate");
    await page.getByLabel("Compared with", { exact: true }).selectOption("exercise_physiotherapy");
    await page.getByLabel("Questionnaire", { exact: true }).selectOption("odi");
    await treatment.focus();
    await page.keyboard.press("ArrowUp");
    expect(await treatment.inputValue()).toBe("epidural_steroid_injection");
    await page.keyboard.press("Tab"); // Compared with: stays Exercise / physiotherapy
    await page.keyboard.press("Tab"); // Questionnaire: one up from ODI is back pain
    await page.keyboard.press("ArrowUp");
    expect(await page.getByLabel("Questionnaire", { exact: true }).inputValue()).toBe("nrs_back");
    await page.keyboard.press("Tab"); // Timepoint
    await page.keyboard.press("Tab"); // Truncation
    await page.keyboard.press("Tab"); // Compare
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Compare");
    await page.keyboard.press("Enter");
    await page
      .getByRole("heading", {
        name: /Epidural steroid injection compared with Exercise \/ physiotherapy, Back pain/,
      })
      .waitFor(SLOW);

    // The same treatment twice is refused, and the message sits under "Compared with".
    const comparator = page.getByLabel("Compared with", { exact: true });
    await comparator.focus();
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    expect(await comparator.inputValue()).toBe("epidural_steroid_injection");
    await page.getByRole("button", { name: "Compare" }).focus();
    await page.keyboard.press("Enter");
    await expectText(page.getByRole("alert"), "Must differ from the treatment.");
    expect(await comparator.getAttribute("aria-invalid")).toBe("true");
    await expectNoAxeViolations(page, "a refused comparison");
  });

  it("shows a researcher the same page on all clinics pooled", async () => {
    const page = await browser.open("desktop");
    await signInStaff(page, RESEARCHER);
    await page.waitForURL(/\/outcomes$/);
    await expectText(page, "All clinics pooled, de-identified");
    await openTab(page, "Surgery-free survival");
    await expectText(page, /All clinics pooled, de-identified: only counts and estimates leave the database/);
    await expectNoAxeViolations(page, "survival, pooled");
  });
});
