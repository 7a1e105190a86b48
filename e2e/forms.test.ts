/**
 * Forms tell people what is wrong, where: the browser checks what the API's schema checks before
 * sending, and what only the server can know (a record number already in use, an e-mail address
 * that has a portal account) comes back and appears under the field it names.
 */
import { describe, expect, it } from "vitest";
import { expectFieldError, expectHeading, signInStaff, unique, useBrowser } from "./app";
import { expectNoAxeViolations } from "./browser";

describe("the add-patient form", () => {
  const browser = useBrowser();

  it("checks required fields in the browser, naming each one", async () => {
    const page = await browser.open("desktop");
    await signInStaff(page);
    await page.goto("/patients/new");
    await expectHeading(page, "Add patient");
    await expectNoAxeViolations(page, "the empty add-patient form");
    await page.getByLabel("E-mail address").fill("not-an-address");
    await page.getByRole("button", { name: "Add patient" }).click();
    await expectFieldError(page.getByLabel("First name"), "Is required.");
    await expectFieldError(page.getByLabel("Last name"), "Is required.");
    await expectFieldError(page.getByLabel("Date of birth"), "Enter the date of birth.");
    await expectFieldError(page.getByLabel("Condition"), "Choose the condition.");
    await expectFieldError(page.getByLabel("E-mail address"), "Must be an e-mail address.");
    // Focus goes to the first field to fix.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("field-givenName");
    await expectNoAxeViolations(page, "the add-patient form with errors");
    expect(new URL(page.url()).pathname).toBe("/patients/new");
  });

  it("shows the server's verdict under the fields it names", async () => {
    const id = unique();
    const page = await browser.open("desktop");
    await signInStaff(page);
    const first = await page.request.post("/api/v1/patients", {
      data: {
        givenName: "Existing",
        familyName: `Patient-${id}`,
        birthDate: "1975-05-05",
        email: `taken.${id}@example.test`,
        mrn: `DUP-${id}`,
        episode: { condition: "spinal_stenosis" },
      },
    });
    expect(first.status()).toBe(201);

    await page.goto("/patients/new");
    await page.getByLabel("First name").fill("New");
    await page.getByLabel("Last name").fill(`Patient-${id}`);
    await page.getByLabel("Date of birth").fill("1990-02-02");
    await page.getByLabel("Sex").selectOption("male");
    await page.getByLabel("Record number (MRN)").fill(`DUP-${id}`);
    await page.getByLabel("Condition").selectOption("facet_arthropathy");
    await page.getByRole("button", { name: "Add patient" }).click();
    await expectFieldError(
      page.getByLabel("Record number (MRN)"),
      "Another patient in this clinic has this record number.",
    );
    expect(new URL(page.url()).pathname).toBe("/patients/new");

    await page.getByLabel("Record number (MRN)").fill(`NEW-${id}`);
    await page.getByLabel("E-mail address").fill(`taken.${id}@example.test`);
    await page.getByRole("button", { name: "Add patient" }).click();
    await expectFieldError(
      page.getByLabel("E-mail address"),
      "This e-mail address already has a portal account.",
    );
    await expectNoAxeViolations(page, "the add-patient form with server errors");
  });

  it("refuses a birth date in the future before sending", async () => {
    const page = await browser.open("phone");
    await signInStaff(page);
    await page.goto("/patients/new");
    await page.getByLabel("Date of birth").fill("2999-01-01");
    await page.getByRole("button", { name: "Add patient" }).click();
    await expectFieldError(page.getByLabel("Date of birth"), "Cannot be in the future.");
  });
});
