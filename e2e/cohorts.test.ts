/**
 * Cohorts on the Outcomes page, on the demo registry: a researcher and a clinician apply a filter
 * and the numbers change, with the cohort's line under the figures; a saved cohort lives in the
 * address and comes back on reload; a server refusal shows under the field it names; a measure
 * picked adds its columns and its responder rule with source and certainty; a figure downloads as
 * SVG, PNG and CSV carrying the cohort line; the page stays axe-clean and never scrolls sideways on
 * a phone, where the panel folds behind a button.
 */
import { readFile } from "node:fs/promises";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import {
  expectNoSideways,
  expectText,
  RESEARCHER,
  signInStaff,
  TIMEOUT,
  unique,
  useBrowser,
  visible,
} from "./app";
import { expectNoAxeViolations } from "./browser";

const SLOW = { timeout: 4 * TIMEOUT };
const LONG = 120_000;

async function reportShown(page: Page) {
  await page.getByRole("heading", { name: "Mean change from baseline" }).waitFor(SLOW);
}

/** "376 patients with a recorded treatment" → 376. */
async function patientCount(page: Page): Promise<number> {
  const text = await page
    .getByText(/\d+ patients? with a recorded treatment/)
    .first()
    .textContent(SLOW);
  return Number(/(\d+) patient/.exec(text ?? "")?.[1]);
}

/** Chooses options of one of the panel's lists from the keyboard and the list. */
async function choose(page: Page, label: string, ...options: string[]) {
  const field = page.getByRole("combobox", { name: label, exact: true });
  for (const option of options) {
    await field.focus();
    await page.keyboard.press("ArrowDown");
    await page.getByRole("option", { name: option, exact: true }).click();
  }
  await page.keyboard.press("Escape");
}

/** The cohort lines printed under figures and tables. */
const cohortLines = (page: Page) => page.locator(".cohort-line");

describe("cohorts on the outcomes page", () => {
  const browser = useBrowser();

  it("a researcher filters, sees the numbers change with the cohort line under the figures, saves the cohort and gets it back on reload", {
    timeout: LONG,
  }, async () => {
    const page = await browser.open("desktop");
    await signInStaff(page, RESEARCHER);
    await page.goto("/outcomes");
    await reportShown(page);
    const everyone = await patientCount(page);
    expect(await cohortLines(page).count()).toBe(0);

    // Every clinic of the network is offered by its coded label; none chosen is all pooled.
    const clinics = (await (await page.request.get("/api/v1/cohorts/clinics")).json()) as {
      items: { label: string }[];
    };
    expect(clinics.items.length).toBeGreaterThan(0);
    const clinicField = page.getByRole("combobox", { name: "Clinics", exact: true });
    await clinicField.focus();
    await page.keyboard.press("ArrowDown");
    for (const k of clinics.items)
      await visible(page.getByRole("option", { name: new RegExp(`^${k.label}\\b`) }));
    await page.keyboard.press("Escape");
    await choose(page, "Sex", "Female");
    await page.getByRole("button", { name: "Apply" }).click();
    await page.waitForURL(/sexes=female/);
    await expectText(page, "Showing: Filtered: female");
    // Focus lands on the line that says what the figures now show.
    expect(await page.evaluate(() => document.activeElement?.getAttribute("role"))).toBe("status");
    await reportShown(page);
    await page.waitForFunction(
      (n) => !document.body.innerText.includes(`${n} patients with a recorded treatment`),
      everyone,
    );
    const women = await patientCount(page);
    expect(women).toBeGreaterThan(10);
    expect(women).toBeLessThan(everyone);
    const plot = page.getByRole("region", { name: "Mean change from baseline" });
    await expectText(plot, "Filtered: female");
    expect(await cohortLines(page).count()).toBeGreaterThan(1);
    await expectNoAxeViolations(page, "a filtered report (desktop)");

    const name = `Women ${unique()}`;
    await page.getByLabel("Cohort name").fill(name);
    await page.getByRole("button", { name: "Save as cohort" }).click();
    await page.waitForURL(/cohort=/);
    const line = `Cohort '${name}' v1: female`;
    await expectText(plot, line);
    const url = page.url();
    expect(new URL(url).searchParams.get("sexes")).toBeNull();

    await page.goto(url);
    await reportShown(page);
    await expectText(page.getByRole("region", { name: "Mean change from baseline" }), line);
    expect(await patientCount(page)).toBe(women);
    expect(await page.getByLabel("Saved cohort").inputValue()).toBe(new URL(url).searchParams.get("cohort"));

    // The other views take the same cohort in their requests.
    const asked = page.waitForRequest((r) => r.url().includes("/api/v1/outcomes/survival?cohort="));
    await page.getByRole("tab", { name: "Surgery-free survival" }).click();
    await asked;
    expect(new URL(page.url()).searchParams.get("cohort")).toBe(new URL(url).searchParams.get("cohort"));
  });

  it("shows the server's refusal under the field it names when a cohort cannot be saved", {
    timeout: LONG,
  }, async () => {
    const page = await browser.open("desktop");
    await signInStaff(page, RESEARCHER);
    await page.goto("/outcomes");
    await reportShown(page);
    await page.getByLabel("Cohort name").fill("   ");
    await page.getByRole("button", { name: "Save as cohort" }).click();
    const field = page.getByLabel("Cohort name");
    await page.waitForFunction(() => document.querySelector('[aria-invalid="true"]') !== null);
    expect(await field.getAttribute("aria-invalid")).toBe("true");
    await expectText(page, /name is required/i);
  });

  it("a clinician on a phone opens the folded panel, filters their own clinic and sees the cohort line, without sideways scrolling", {
    timeout: LONG,
  }, async () => {
    const page = await browser.open("phone");
    await signInStaff(page);
    await page.goto("/outcomes");
    await reportShown(page);
    const everyone = await patientCount(page);
    const toggle = page.getByRole("button", { name: "Show the filters" });
    expect(await toggle.getAttribute("aria-expanded")).toBe("false");
    await toggle.click();
    expect(await page.getByRole("combobox", { name: "Clinics", exact: true }).count()).toBe(0);
    expect(await page.getByRole("button", { name: "Save as cohort" }).count()).toBe(0);
    await choose(page, "Age band", "50–59", "60–69");
    await page.getByRole("button", { name: "Apply" }).click();
    await page.waitForURL(/ageBands=50-59%2C60-69|ageBands=50-59,60-69/);
    await reportShown(page);
    await expectText(page, "Showing: Filtered: age 50–59 or 60–69");
    await page.waitForFunction(
      (n) => !document.body.innerText.includes(`${n} patients with a recorded treatment`),
      everyone,
    );
    expect(await patientCount(page)).toBeLessThan(everyone);
    await visible(cohortLines(page).filter({ hasText: "Filtered: age 50–59 or 60–69" }));
    await expectNoSideways(page);
    await expectNoAxeViolations(page, "the cohort panel and a filtered report (phone)");

    await page.getByRole("button", { name: "Clear" }).click();
    await page.waitForURL((u) => !u.search.includes("ageBands"));
    await expectText(page, "Showing every patient in scope (no cohort filter).");
  });

  it("a measure picked shows its columns, and its responder rule with source and certainty", {
    timeout: LONG,
  }, async () => {
    const page = await browser.open("desktop");
    await signInStaff(page);
    await page.goto("/outcomes");
    await reportShown(page);
    await page.getByRole("button", { name: /Choose measures/ }).click();
    // Two quick clicks: the second must not undo the first.
    await page.getByRole("checkbox", { name: "EQ-5D-5L index, US value set (Pickard 2019)" }).click();
    await page.getByRole("checkbox", { name: /Global impression of change/ }).click();
    await page.waitForURL(
      /measures=nrs_back%2Codi%2Ceq5d5l.index_us%2Cpgic|measures=nrs_back,odi,eq5d5l.index_us,pgic/,
    );
    const rules = page.getByRole("table", { name: "Measures and their responder rules" });
    const eq5d = rules.getByRole("row", { name: /EQ-5D-5L index, US value set/ });
    await expectText(eq5d, "Higher is better");
    await expectText(eq5d, "Japanese LBP study 2020");
    await expectText(eq5d, "partly");
    const pgic = rules.getByRole("row", { name: /Global impression of change/ });
    await expectText(pgic, /no change from baseline/);
    await expectText(pgic, "Farrar 2001; IMMPACT");
    // PGIC is a share of answers: its columns have no mean change.
    await visible(page.getByRole("columnheader", { name: /Much or very much improved/ }));
    await visible(page.getByRole("columnheader", { name: "EQ-5D-5L index, US value set (Pickard 2019)" }));
    await page.getByLabel("Measure in the plot").selectOption("eq5d5l.index_us");
    await expectText(page, "Above zero: higher than at baseline, which is better.");
    await expectNoAxeViolations(page, "four measures chosen");
  });

  it("downloads a filtered figure as SVG, PNG and CSV, each with the cohort line", {
    timeout: LONG,
  }, async () => {
    const page = await browser.open("desktop");
    await signInStaff(page);
    await page.goto("/outcomes?sexes=female");
    await reportShown(page);
    const plot = page.getByRole("region", { name: "Mean change from baseline" });
    await expectText(plot, "Filtered: female");
    const take = async (button: string) => {
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        plot.getByRole("button", { name: button }).click(),
      ]);
      return { name: download.suggestedFilename(), body: await readFile((await download.path()) as string) };
    };
    const svg = await take("Download the figure (SVG)");
    expect(svg.name).toMatch(/^outcomes-change-odi-\d{4}-\d{2}-\d{2}\.svg$/);
    const drawn = svg.body.toString("utf8");
    expect(drawn).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(drawn).toContain("<title>Oswestry Disability Index (0–100): mean change from baseline");
    expect(drawn).toContain(">Filtered: female</text>");

    const csv = await take("Download the numbers (CSV)");
    expect(csv.name).toMatch(/\.csv$/);
    const [header, ...rows] = csv.body.toString("utf8").trim().split("\r\n");
    expect(header).toBe("treatment,timepoint,measure,n,mean_change,lower95,upper95,cohort");
    expect(rows.length).toBeGreaterThan(0);
    // The cohort's line (and its suppressed rows, if any) in the last column of every row.
    for (const row of rows) expect(row).toMatch(/,"?Filtered: female(\. \d+ suppressed rows?: [^,]*)?"?$/);

    const png = await take("Download the figure (PNG)");
    expect(png.name).toMatch(/\.png$/);
    expect(png.body.subarray(1, 4).toString("ascii")).toBe("PNG");
  });
});
