/**
 * The Data quality page: a clinician reaches it from the navigation, reads each rule with what it
 * checks and its count, opens a rule's records with the keyboard and follows one to the patient's
 * record; an administrator runs the checks now; a researcher sees the counts of every clinic and
 * no record. Keyboard and screen-reader checks by axe, at desktop and phone widths.
 */
import { qualityRules } from "@evident/domain/quality";
import { describe, expect, inject, it } from "vitest";
import { signInAdmin } from "./admin";
import { expectHeading, expectNoSideways, expectText, RESEARCHER, signInStaff, useBrowser } from "./app";
import { expectNoAxeViolations } from "./browser";

describe("the data-quality page", () => {
  const browser = useBrowser();

  it("shows a clinician every rule, and opens a rule's records as links to the patients", async () => {
    const page = await browser.open("desktop");
    await signInStaff(page);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Data quality" }).click();
    await expectHeading(page, "Data quality");
    for (const rule of qualityRules) await expectHeading(page, rule.title, 2);
    await expectNoAxeViolations(page, "data quality");

    // The demo registry has records to look at; open the first rule that found some, by keyboard.
    const show = page.getByRole("button", { name: /^Show the \d+ records?$/ }).first();
    await show.focus();
    await page.keyboard.press("Enter");
    expect(await show.getAttribute("aria-expanded")).toBe("true");
    const link = page.getByRole("region").first().getByRole("link").first();
    await link.waitFor();
    await expectNoAxeViolations(page, "data quality, a rule opened");
    const href = await link.getAttribute("href");
    expect(href).toMatch(/^\/patients\/[0-9a-f-]{36}$/);
    await link.click();
    await page.waitForURL((u) => u.pathname === href);
  });

  it("fits a phone", async () => {
    const page = await browser.open("phone");
    await signInStaff(page);
    await page.goto("/quality");
    await expectHeading(page, "Data quality");
    await expectNoSideways(page);
    await expectNoAxeViolations(page, "data quality on a phone");
  });

  it("lets an administrator run the checks now, and says when", async () => {
    const page = await browser.open("desktop");
    await signInAdmin(page, inject("baseUrl"), inject("mailDir"));
    await page.goto("/quality");
    await expectHeading(page, "Data quality");
    const before = await page.request.get("/api/v1/quality");
    const asOf = ((await before.json()) as { asOf: string }).asOf;
    const ran = page.waitForResponse((r) => r.url().endsWith("/api/v1/quality/run") && r.status() === 200);
    await page.getByRole("button", { name: "Run now" }).click();
    const report = (await (await ran).json()) as { asOf: string; trigger: string };
    expect(report.trigger).toBe("on-demand");
    expect(report.asOf > asOf).toBe(true);
    await expectText(page, /From the check of \d+ patients/);
  });

  it("shows a researcher the counts only, and no Run now", async () => {
    const page = await browser.open("desktop");
    await signInStaff(page, RESEARCHER);
    await page.goto("/quality");
    await expectHeading(page, "Data quality");
    await expectText(page, /Counts from the newest check of each clinic/);
    expect(await page.getByRole("button", { name: /^Show the/ }).count()).toBe(0);
    expect(await page.getByRole("button", { name: "Run now" }).count()).toBe(0);
    expect(await page.getByRole("main").getByRole("link").count()).toBe(0);
    await expectNoAxeViolations(page, "data quality for a researcher");
  });
});
