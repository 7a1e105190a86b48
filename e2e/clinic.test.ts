/**
 * Everyday clinic work: finding patients (debounced search, pages, the no-match state) and
 * entering a questionnaire for a patient who answered on paper or by phone.
 */
import { describe, expect, it } from "vitest";
import { expectHeading, expectText, signInStaff, unique, useBrowser, visible } from "./app";
import { expectNoAxeViolations } from "./browser";
import { fillForm } from "./questionnaire";

describe("the clinic workspace", () => {
  const browser = useBrowser();

  it("finds patients by name, pages through them and says when nothing matches", async () => {
    const family = `Pager${unique()}`;
    const page = await browser.open("desktop");
    await signInStaff(page);
    for (let i = 0; i < 27; i++) {
      const res = await page.request.post("/api/v1/patients", {
        data: {
          givenName: `Given${String(i).padStart(2, "0")}`,
          familyName: family,
          birthDate: "1970-01-01",
          episode: { condition: "other" },
        },
      });
      expect(res.status()).toBe(201);
    }
    await page.goto("/patients");
    await page.getByLabel("Search patients").fill(family.toLowerCase());
    // The search waits for typing to pause, then lands in the address (so back and reload keep it).
    await page.waitForURL((u) => u.searchParams.get("q") === family.toLowerCase());
    await expectText(page, "27 patients found");
    await expectText(page, "Showing 1–25 of 27");
    const table = page.getByRole("table", { name: "Patients" });
    expect(await table.getByRole("row").count()).toBe(26);
    await page.getByRole("button", { name: "Next page" }).click();
    await expectText(page, "Showing 26–27 of 27");
    expect(await table.getByRole("row").count()).toBe(3);
    await expectNoAxeViolations(page, "patient list page 2");

    await page.getByLabel("Search patients").fill("zz-nobody-has-this-name");
    await expectText(page, "No patients match “zz-nobody-has-this-name”");
    await page.getByRole("button", { name: "Clear search" }).first().click();
    await page.waitForURL((u) => !u.searchParams.has("q"));
    await expectHeading(page, "Patients");
  });

  it("says a mistyped or unknown patient address was not found, and leads back to the list instead of offering to try again", async () => {
    const page = await browser.open("desktop");
    await signInStaff(page);
    for (const address of ["/patients/not-a-patient", "/patients/00000000-0000-7000-8000-000000000000"]) {
      await page.goto(address);
      const alert = await visible(page.getByRole("alert").filter({ hasText: "No such patient" }));
      await expectText(alert, "was not found");
      expect(await alert.getByRole("button", { name: "Try again" }).count()).toBe(0);
    }
    await page.getByRole("link", { name: "Go to the patient list" }).click();
    await expectHeading(page, "Patients");
  });

  it("a coordinator enters answers given by phone, and the scores appear on the record", async () => {
    const page = await browser.open("desktop");
    await signInStaff(page, "coordinator@demo.evident.test");
    const family = `Phone${unique()}`;
    const res = await page.request.post("/api/v1/patients", {
      data: {
        givenName: "Noor",
        familyName: family,
        birthDate: "1959-07-07",
        episode: { condition: "spinal_stenosis" },
      },
    });
    const { id } = (await res.json()) as { id: string };
    await page.goto(`/patients/${id}`);
    await expectHeading(page, `Noor ${family}`);
    // Coordinators may enter answers but not record treatments.
    expect(await page.getByRole("button", { name: "Record treatment" }).count()).toBe(0);
    await expectText(page, "No answers yet");

    await page.getByRole("button", { name: "Enter answers" }).first().click();
    const dialog = await visible(page.getByRole("dialog", { name: "Enter answers: Baseline" }));
    // Every questionnaire of the demo clinic's baseline is on the form, PROMIS-29 by domain.
    for (const title of [
      "Oswestry Disability Index",
      "PROMIS-29 Profile v2.1",
      "EQ-5D-5L",
      "Keele STarT Back Screening Tool",
    ])
      await visible(dialog.getByRole("heading", { name: title }));
    await visible(dialog.getByRole("heading", { name: "Anxiety · past 7 days" }));
    await dialog
      .getByRole("group", { name: /^On average, how bad was your back pain/ })
      .getByRole("radio", { name: "4", exact: true })
      .check();
    await dialog.getByRole("button", { name: "Save answers" }).click();
    // 57 of the 58 required questions are still unanswered: the form says so and does not send.
    await expectText(dialog, "57 questions need an answer.");
    // Everything else at its second answer: each ODI section's second statement scores 1.
    await fillForm(dialog, { pick: 1, rating: 60 });
    await expectNoAxeViolations(page, "the enter-answers form");
    await dialog.getByRole("button", { name: "Save answers" }).click();
    await dialog.waitFor({ state: "hidden" });

    // ODI: ten sections at 1 point of 50 possible = 20, "minimal disability"; EQ VAS 60.
    const answers = page.getByRole("table", { name: "Questionnaire answers" });
    const baseline = answers.getByRole("row").filter({ hasText: "Baseline" });
    await expectText(baseline, "Clinic staff");
    await expectText(baseline, "minimal disability");
    expect(await baseline.getByRole("cell").allTextContents()).toEqual(
      expect.arrayContaining(["4", "20minimal disability", expect.stringMatching(/^VAS 60/)]),
    );
  });
});
