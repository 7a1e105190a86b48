/**
 * Who reaches what: a patient never sees a clinic page, a researcher sees only outcomes and the
 * de-identified research export, a signed-out visitor is sent to the right sign-in, and the clinic
 * workspace works on a phone.
 */
import { describe, expect, inject, it } from "vitest";
import {
  CLINICIAN,
  expectHeading,
  expectNoSideways,
  expectText,
  RESEARCHER,
  signInStaff,
  unique,
  useBrowser,
  visible,
} from "./app";
import { expectNoAxeViolations } from "./browser";
import { waitForMail } from "./mail";

describe("access", () => {
  const browser = useBrowser();

  it("a signed-out visitor is sent to the staff or the portal sign-in", async () => {
    const page = await browser.open("desktop");
    await page.goto("/patients");
    await page.waitForURL(/\/sign-in$/);
    await expectHeading(page, "Sign in");
    await page.getByRole("link", { name: "Sign in to the patient portal" }).click();
    await page.waitForURL(/\/portal\/sign-in$/);
    await expectNoAxeViolations(page, "portal sign-in");
    await page.goto("/portal");
    await page.waitForURL(/\/portal\/sign-in$/);
  });

  it("a wrong password is refused with a message that does not say which part was wrong", async () => {
    const page = await browser.open("desktop");
    await page.goto("/sign-in");
    await page.getByLabel("E-mail address").fill(CLINICIAN);
    await page.getByLabel(/^Password/).fill("not the password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expectText(page.getByRole("alert"), "The e-mail address or password is wrong.");
    expect(new URL(page.url()).pathname).toBe("/sign-in");
  });

  it("a patient who opens a clinic address lands in their portal, and the API refuses them", async () => {
    const id = unique();
    const email = `pat.${id}@example.test`;
    const staff = await browser.open("desktop");
    await signInStaff(staff);
    const created = await staff.request.post("/api/v1/patients", {
      data: {
        givenName: "Pat",
        familyName: `Access-${id}`,
        birthDate: "1980-01-01",
        sex: "other",
        email,
        episode: { condition: "nonspecific_low_back_pain" },
      },
    });
    expect(created.status()).toBe(201);
    const patientId = ((await created.json()) as { id: string }).id;
    const mail = await waitForMail(inject("mailDir"), email);

    const page = await browser.open("phone");
    await page.goto(mail.link ?? "/");
    await page.getByLabel("New password").fill("another long password");
    await page.getByLabel("Type it again").fill("another long password");
    await page.getByRole("button", { name: "Save password and continue" }).click();
    await expectHeading(page, "Hello, Pat");

    for (const path of ["/patients", `/patients/${patientId}`, "/outcomes", "/messages"]) {
      await page.goto(path);
      await page.waitForURL(/\/portal$/);
      await expectHeading(page, "Hello, Pat");
      expect(await page.getByRole("link", { name: "Patients" }).count()).toBe(0);
    }
    expect((await page.request.get("/api/v1/patients")).status()).toBe(403);
    expect((await page.request.get(`/api/v1/patients/${patientId}`)).status()).toBe(403);
    expect((await page.request.get("/api/v1/outcomes")).status()).toBe(403);
  });

  it("a researcher sees only the outcomes, the data-quality counts and the de-identified research export", async () => {
    const page = await browser.open("desktop");
    await signInStaff(page, RESEARCHER);
    await page.waitForURL(/\/outcomes$/);
    await expectHeading(page, "Outcomes");
    // The header says whose data these are: every clinic's, pooled, not the account's clinic.
    const header = page.getByRole("banner");
    await expectText(header, "All clinics, pooled and de-identified");
    expect(await header.getByText("Demo Spine Clinic").count()).toBe(0);
    const nav = page.getByRole("navigation", { name: "Main" });
    expect(await nav.getByRole("link").allTextContents()).toEqual([
      "Outcomes",
      "Data quality",
      "Research export",
    ]);
    await page.goto("/patients");
    await page.waitForURL(/\/outcomes$/);
    expect((await page.request.get("/api/v1/patients")).status()).toBe(403);
  });

  it("a clinician can work the clinic from a phone: burger navigation, no sideways scrolling", async () => {
    const page = await browser.open("phone");
    await signInStaff(page);
    // A clinician starts on the triage queue while a red flag waits (other tests leave some).
    await page.goto("/patients");
    await expectHeading(page, "Patients");
    await expectNoSideways(page);
    const burger = page.getByRole("button", { name: "Open navigation" });
    expect(await burger.getAttribute("aria-expanded")).toBe("false");
    await burger.click();
    await visible(page.getByRole("button", { name: "Close navigation" }));
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Messages" }).click();
    await expectHeading(page, "Messages");
    await expectNoSideways(page);
    // Pages with wide tables and filters fit too (the table scrolls inside itself).
    await page.goto("/questionnaires");
    await visible(page.getByRole("region", { name: "Measurement plan, scrollable" }));
    await expectNoSideways(page);
    await page.goto("/worklist?view=follow-ups");
    await visible(page.getByRole("table", { name: "Follow-ups" }));
    await expectNoSideways(page);
    await visible(page.getByRole("button", { name: "Open navigation" }));
    await page.getByRole("button", { name: /Account/ }).click();
    await page.getByRole("menuitem", { name: "Sign out" }).click();
    await page.waitForURL(/\/sign-in$/);
    await page.goto("/patients");
    await page.waitForURL(/\/sign-in$/);
  });
});
