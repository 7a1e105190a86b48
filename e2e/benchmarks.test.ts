/**
 * Clinic benchmarking on the demo registry (two clinics): the funnel plot with its text
 * alternative and the table of the same numbers, at desktop and phone width without accessibility
 * violations or sideways scrolling; the measure chosen from the keyboard; the numbers downloaded
 * as CSV; the clinician's own clinic named and the other only by label; no clinic named to the
 * researcher until the administrator agrees on the Settings page (the test withdraws it again).
 */
import { readFile } from "node:fs/promises";
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { signInAdmin } from "./admin";
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

const SLOW = { timeout: 4 * TIMEOUT };

async function openBenchmarks(page: Page) {
  await page.goto("/outcomes?view=benchmarks");
  await expectHeading(page, "Outcomes");
  await page.getByRole("heading", { name: "Responders at 12 months (ODI): clinics compared" }).waitFor(SLOW);
  await page.getByRole("table").first().waitFor(SLOW);
}

/** The table's row headers: one per clinic plotted. */
const clinicCells = (page: Page) => page.getByRole("table").first().getByRole("rowheader").allTextContents();

describe("clinic benchmarking", () => {
  const browser = useBrowser();

  it.each([
    "desktop",
    "phone",
  ] as ViewportName[])("shows the funnel plot, its table and the naming rule at %s width", {
    timeout: 120_000,
  }, async (size) => {
    const page = await browser.open(size);
    await signInStaff(page);
    await openBenchmarks(page);
    await visible(page.getByRole("img", { name: /Funnel plot of responders at 12 months \(odi\)/i }));
    await expectText(page, "Your clinic is named; every other clinic is shown by its label only.");
    await expectText(page, /Spiegelhalter 2005/);
    const clinics = await clinicCells(page);
    expect(clinics).toHaveLength(2);
    expect(clinics.filter((c) => c.includes("Your clinic"))).toEqual([
      expect.stringMatching(/^Demo Spine Clinic \(Clinic [A-Z]\)/),
    ]);
    expect(clinics.filter((c) => !c.includes("Your clinic"))).toEqual([
      expect.stringMatching(/^Clinic [A-Z]$/),
    ]);
    await expectNoSideways(page);
    await expectNoAxeViolations(page, `clinic benchmarking (${size})`);
  });

  it("changes the measure from the keyboard", { timeout: 120_000 }, async () => {
    const page = await browser.open("desktop");
    await signInStaff(page);
    await openBenchmarks(page);
    const measure = page.getByLabel("Measure", { exact: true });
    await measure.focus();
    await page.keyboard.press("ArrowDown");
    expect(await measure.inputValue()).toBe("nrs_back");
    await page
      .getByRole("heading", { name: "Responders at 12 months (back pain): clinics compared" })
      .waitFor(SLOW);
    await page.keyboard.press("ArrowDown");
    await page.getByRole("heading", { name: "Surgery within 12 months: clinics compared" }).waitFor(SLOW);
    await expectText(page, "Above 1: more operations than its case mix predicts.");
  });

  it("downloads the numbers behind the figure as CSV", { timeout: 120_000 }, async () => {
    const page = await browser.open("desktop");
    await signInStaff(page);
    await openBenchmarks(page);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download the numbers (CSV)" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^benchmark-odi-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = await readFile((await download.path()) as string, "utf8");
    const [header, ...rows] = text.trim().split("\r\n");
    expect(header).toBe(
      "clinic,patients,observed,expected,observed_over_expected,lower95,upper95,lower998,upper998,position",
    );
    expect(rows).toHaveLength(2);
    const svg = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download the figure (SVG)" }).click(),
    ]);
    const drawn = await readFile((await svg[0].path()) as string, "utf8");
    expect(drawn).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(drawn).toContain("<title>Responders at 12 months (ODI)</title>");
  });

  it("names no clinic to a researcher while no clinic has agreed", { timeout: 120_000 }, async () => {
    const page = await browser.open("desktop");
    await signInStaff(page, RESEARCHER);
    await openBenchmarks(page);
    await expectText(page, /A clinic is named only if its administrators have agreed/);
    const clinics = await clinicCells(page);
    expect(clinics).toHaveLength(2);
    for (const c of clinics) expect(c).toMatch(/^Clinic [A-Z]$/);
    // The page's header names the researcher's own clinic; the comparison names none.
    const section = page.getByRole("region", { name: /clinics compared/ });
    await visible(section.getByRole("table"));
    expect(await section.getByText("Demo Spine Clinic").count()).toBe(0);
  });

  it("names the clinic to researchers once its administrator agrees in the settings", {
    timeout: 180_000,
  }, async () => {
    const admin = await browser.open("desktop");
    await signInAdmin(admin, inject("baseUrl"), inject("mailDir"));
    await admin.goto("/settings");
    const agree = admin.getByRole("switch", { name: "Researchers may see this clinic's name" });
    await agree.waitFor();
    expect(await agree.isChecked()).toBe(false);
    await expectNoAxeViolations(admin, "clinic settings with the benchmarking switch");
    await agree.focus();
    await admin.keyboard.press("Space");
    await expectText(admin, "Named to researchers.");
    try {
      const page = await browser.open("desktop");
      await signInStaff(page, RESEARCHER);
      await openBenchmarks(page);
      await expectText(page, /1 of 2 clinics have/);
      expect(
        (await clinicCells(page)).filter((c) => c.startsWith("Demo Spine Clinic (Clinic ")),
      ).toHaveLength(1);
    } finally {
      await admin.getByRole("switch", { name: "Researchers may see this clinic's name" }).click();
      await expectText(admin, "Shown to researchers by its label only.");
    }
  });
});
