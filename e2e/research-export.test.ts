/**
 * The research export page, as a researcher uses it: reached from the navigation, it shows the
 * data-use terms first and keeps the export closed until they are accepted; then a CSV export runs
 * as a job with a progress bar and offers its files with their checksums; a saved cohort chosen
 * from the list is exported with its line in cohort.txt. A clinician has no such
 * page. Keyboard and screen-reader checks by axe, at desktop and phone widths.
 */
import { describe, expect, it } from "vitest";
import {
  expectHeading,
  expectNoSideways,
  expectText,
  RESEARCHER,
  signInStaff,
  TIMEOUT,
  useBrowser,
} from "./app";
import { expectNoAxeViolations } from "./browser";

describe("the research export page", () => {
  const browser = useBrowser();

  it("asks a researcher to accept the data-use terms, then runs an export and offers its files", async () => {
    const page = await browser.open("desktop");
    await signInStaff(page, RESEARCHER);
    await page.goto("/outcomes");
    await page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "Research export" })
      .click();
    await expectHeading(page, "Research export");
    await expectText(page, "Data-use terms for de-identified research exports");
    const start = page.getByRole("button", { name: "Start the export" });
    expect(await start.isDisabled()).toBe(true);
    const accept = page.getByRole("button", { name: "Accept the terms" });
    expect(await accept.isDisabled()).toBe(true);
    await expectNoAxeViolations(page, "research export, terms not yet accepted");

    await page.getByRole("checkbox", { name: "I have read these terms and will follow them" }).check();
    await accept.click();
    await expectText(page, "Terms accepted");
    await page.getByRole("radio", { name: /Tidy CSV files with a codebook/ }).check();
    await start.click();
    const item = page.getByRole("article", { name: /Tidy CSV, asked for/ });
    await item.getByText("completed").waitFor({ timeout: 4 * TIMEOUT });
    await expectText(item, /patients exported; \d+ left out because fewer than 11/);
    const files = item.getByRole("table", { name: "Files" });
    for (const name of ["codebook.csv", "patients.csv", "survival.csv"])
      await files.getByRole("link", { name }).waitFor();
    const href = await files.getByRole("link", { name: "survival.csv" }).getAttribute("href");
    const download = await page.request.get(href!);
    expect([download.status(), (await download.text()).split("\r\n")[0]]).toEqual([
      200,
      "study_id,index_treatment,time,event",
    ]);
    await expectNoAxeViolations(page, "research export, completed");

    // A saved cohort, chosen from the list: its line is shown, and written into the export.
    const saved = await page.request.post("/api/v1/cohorts", {
      data: { name: "Women in the export", filter: { sexes: ["female"] } },
    });
    expect(saved.status()).toBe(201);
    await page.reload();
    await page
      .getByRole("combobox", { name: "Saved cohort" })
      .selectOption({ label: "Women in the export (v1)" });
    await expectText(page, "Cohort 'Women in the export' v1: female");
    expect(await page.getByRole("textbox", { name: "Treated from" }).isDisabled()).toBe(true);
    await page.getByRole("radio", { name: /Tidy CSV files with a codebook/ }).check();
    await start.click();
    const cohortFile = page.getByRole("link", { name: "cohort.txt" });
    await cohortFile.waitFor({ timeout: 4 * TIMEOUT });
    const text = await page.request.get((await cohortFile.getAttribute("href"))!);
    expect(await text.text()).toBe("Cohort 'Women in the export' v1: female\n");
    await expectNoAxeViolations(page, "research export of a saved cohort");

    const phone = await browser.open("phone");
    await signInStaff(phone, RESEARCHER);
    await phone.goto("/research-export");
    await expectHeading(phone, "Research export");
    await expectText(phone, "Terms accepted");
    await expectNoSideways(phone);
    await expectNoAxeViolations(phone, "research export on a phone");
  }, 120_000);

  it("is not offered to a clinician", async () => {
    const page = await browser.open("desktop");
    await signInStaff(page);
    await page.goto("/outcomes");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Outcomes" }).waitFor();
    expect(
      await page
        .getByRole("navigation", { name: "Main" })
        .getByRole("link", { name: "Research export" })
        .count(),
    ).toBe(0);
    const res = await page.request.get("/api/v1/research/terms");
    expect(res.status()).toBe(403);
  });
});
