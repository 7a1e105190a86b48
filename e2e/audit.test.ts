/**
 * The audit trail page, as a clinic administrator uses it: reached from the navigation, it lists
 * who viewed what (including a clinician's view made just before), narrows by patient and action
 * from the address, offers the same as CSV, and says so when nothing matches. A clinician has no
 * such page. Keyboard and screen-reader checks by axe.
 */
import { describe, expect, inject, it } from "vitest";
import { signInAdmin } from "./admin";
import {
  CLINICIAN,
  expectHeading,
  expectNoSideways,
  expectText,
  signInStaff,
  unique,
  useBrowser,
} from "./app";
import { expectNoAxeViolations } from "./browser";

describe("the audit trail page", () => {
  const browser = useBrowser();

  it("shows an administrator who viewed a patient's record, filters it, and offers it as CSV", async () => {
    const clinician = await browser.open("desktop");
    await signInStaff(clinician, CLINICIAN);
    const family = `Audited${unique()}`;
    const created = await clinician.request.post("/api/v1/patients", {
      data: {
        givenName: "Tove",
        familyName: family,
        birthDate: "1966-02-03",
        episode: { condition: "other" },
      },
    });
    const { id } = (await created.json()) as { id: string };
    await clinician.goto(`/patients/${id}`);
    await expectHeading(clinician, new RegExp(family));

    const page = await browser.open("desktop");
    await signInAdmin(page, inject("baseUrl"), inject("mailDir"));
    await page.goto("/patients");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit trail" }).click();
    await expectHeading(page, "Audit trail");
    const table = page.getByRole("table", { name: "Audit events" });
    await expectText(table, `Tove ${family}`);
    await expectNoAxeViolations(page, "audit trail");

    // Choose the patient by typing a name, and the action from the list; both land in the address.
    await page.getByRole("combobox", { name: "Patient" }).fill(family);
    await page.getByRole("option", { name: `${family}, Tove` }).click();
    await page.waitForURL((u) => u.searchParams.get("patientId") === id);
    await page.getByRole("combobox", { name: "Action" }).click();
    await page.getByRole("option", { name: "read", exact: true }).click();
    await page.waitForURL((u) => u.searchParams.get("action") === "read");
    await expectText(table, "Viewed · patient");
    // Only this patient's record, only views: the clinician's, as the record page loaded.
    const rows = table.getByRole("row").filter({ hasNot: page.getByRole("columnheader") });
    // The list for the patient alone (with the record's creation) shows until the narrower one loads.
    await expect
      .poll(
        async () =>
          (await rows.count()) > 0 && (await rows.filter({ hasNotText: /Viewed · / }).count()) === 0,
      )
      .toBe(true);
    const n = await rows.count();
    expect(n).toBeGreaterThan(0);
    for (let i = 0; i < n; i++) {
      await expectText(rows.nth(i), `Tove ${family}`);
      await expectText(rows.nth(i), /^Viewed · /);
    }
    await expectText(rows.filter({ hasText: "Viewed · patient" }), "Dr Dana Reyes");
    const csv = page.getByRole("link", { name: "Download CSV" });
    expect(await csv.getAttribute("href")).toBe(`/api/v1/audit-events.csv?patientId=${id}&action=read`);
    const download = await page.request.get((await csv.getAttribute("href"))!);
    expect(download.headers()["content-type"]).toMatch(/^text\/csv/);
    expect((await download.text()).split("\r\n").filter(Boolean)).toHaveLength(n + 1);

    await page.getByLabel("From").fill("2099-01-01");
    await expectText(page, "No events match these filters");
    await page.getByRole("button", { name: "Clear filters" }).click();
    await page.waitForURL((u) => u.search === "");
    await expectHeading(page, "Audit trail");
  });

  it("fits a phone, as cards", async () => {
    const page = await browser.open("phone");
    await signInAdmin(page, inject("baseUrl"), inject("mailDir"));
    await page.goto("/audit");
    await expectHeading(page, "Audit trail");
    await expectText(page, /Showing the \d+ most recent events?/);
    await expectNoSideways(page);
    await expectNoAxeViolations(page, "audit trail on a phone");
  });

  it("is not offered to a clinician", async () => {
    const page = await browser.open("desktop");
    await signInStaff(page, CLINICIAN);
    await expectHeading(page, /.+/);
    expect(await page.getByRole("link", { name: "Audit trail" }).count()).toBe(0);
    expect((await page.request.get("/api/v1/audit-events")).status()).toBe(403);
  });
});
