/**
 * The candidacy form in the browser: a clinician assesses a patient for a regenerative disc
 * procedure, sees every criterion with its status and source as the facts go in, and signs it
 * off; the patient page then shows the signed outcome.
 */
import { describe, expect, it } from "vitest";
import { expectText, signInStaff, unique, useBrowser, visible } from "./app";
import { expectNoAxeViolations } from "./browser";

describe("candidacy", () => {
  const browser = useBrowser();

  it("shows each criterion met, unmet or unknown with its source, and records the sign-off", async () => {
    const page = await browser.open("desktop");
    await signInStaff(page);
    const created = await page.request.post("/api/v1/patients", {
      data: {
        givenName: "Cas",
        familyName: `Candidate-${unique()}`,
        birthDate: "1971-07-07",
        episode: { condition: "degenerative_disc_disease", spinalLevels: ["L4-L5"] },
      },
    });
    expect(created.status()).toBe(201);
    const { id } = (await created.json()) as { id: string };
    await page.goto(`/patients/${id}`);
    const section = page.getByRole("region", { name: /Candidacy/ });
    await expectText(section, "No candidacy assessment signed yet");
    await section.getByRole("button", { name: "Assess candidacy" }).click();
    const dialog = page.getByRole("dialog", { name: "Candidacy assessment" });
    await visible(dialog);
    const criteria = dialog.getByRole("list", { name: "Candidacy criteria" });
    await expectText(criteria, "A single symptomatic degenerated disc between L1 and S1");
    await dialog.getByLabel("Symptom duration (months)").fill("3");
    await expectText(
      criteria.getByRole("listitem").filter({ hasText: /Back pain for at least 6 months/ }),
      "Unmet",
    );
    await expectText(dialog, "Not eligible");
    await expectText(criteria, /NCT06325566|Mesoblast/);
    await expectNoAxeViolations(page, "the candidacy form");
    await dialog.getByLabel("Sign-off note").fill("Too early: revisit at six months");
    await dialog.getByRole("button", { name: "Sign off assessment" }).click();
    await expectText(section, "Not eligible");
    await expectText(section, /Signed by .*criteria/);
    await expectText(section, "Too early: revisit at six months");
  });
});
