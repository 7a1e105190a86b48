/**
 * The candidacy form in the browser: a clinician assesses a patient for a regenerative disc
 * procedure, sees every criterion with its status and source as the facts go in (and that it
 * cannot be signed while more information is needed), and signs it off; the patient page then
 * shows the signed outcome.
 */
import { describe, expect, it } from "vitest";
import { descriptionOf, expectText, signInStaff, unique, useBrowser, visible } from "./app";
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
    // Nothing is known yet: the form says it cannot be signed, before anyone tries.
    await expectText(dialog, "Not ready to sign off");
    expect(await dialog.getByRole("button", { name: "Sign off assessment" }).isDisabled()).toBe(true);
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

  it("starts the imaging fields from the latest study, marked as such and editable", async () => {
    const page = await browser.open("desktop");
    await signInStaff(page);
    const created = await page.request.post("/api/v1/patients", {
      data: {
        givenName: "Ima",
        familyName: `Imaged-${unique()}`,
        birthDate: "1969-09-09",
        episode: { condition: "degenerative_disc_disease", spinalLevels: [] },
      },
    });
    const { id } = (await created.json()) as { id: string };
    for (const [date, l45] of [
      ["2025-02-01", { level: "L4-L5", pfirrmann: 3, discHeightPercent: 85 }],
      ["2025-10-15", { level: "L4-L5", pfirrmann: 4, discHeightPercent: 65 }],
    ] as const) {
      const res = await page.request.post(`/api/v1/patients/${id}/imaging`, {
        data: {
          date,
          modality: "mri",
          findings: [l45, { level: "L3-L4", pfirrmann: 2, discHeightPercent: 100 }],
        },
      });
      expect(res.status()).toBe(201);
    }
    await page.goto(`/patients/${id}`);
    await page
      .getByRole("region", { name: /Candidacy/ })
      .getByRole("button", { name: "Assess candidacy" })
      .click();
    const dialog = page.getByRole("dialog", { name: "Candidacy assessment" });
    await expectText(dialog, /Filled in from imaging on .*2025.* \(MRI\)/);
    const height = dialog.getByLabel("Disc height retained (%)");
    expect(await height.inputValue()).toBe("65");
    expect(await descriptionOf(height)).toMatch(/^From imaging on .*2025/);
    expect(await dialog.getByRole("checkbox", { name: "L4–L5" }).isChecked()).toBe(true);
    expect(await dialog.getByRole("checkbox", { name: "L3–L4" }).isChecked()).toBe(false);
    // The study's grade is on the original 1–5 scale: shown, not copied into the 1–8 field.
    const grade = dialog.getByLabel("Modified Pfirrmann grade (1–8)");
    expect(await grade.inputValue()).toBe("");
    expect(await descriptionOf(grade)).toMatch(/grade 4 of 5 at L4–L5 \(original scale, not copied\)/);
    const criteria = dialog.getByRole("list", { name: "Candidacy criteria" });
    await expectText(criteria.getByRole("listitem").filter({ hasText: /disc height retained/ }), "Met");
    await expectNoAxeViolations(page, "the candidacy form filled in from imaging");

    await height.fill("45");
    expect(await descriptionOf(height)).toMatch(/^Changed; imaging on .* says 65%/);
    await expectText(criteria.getByRole("listitem").filter({ hasText: /disc height retained/ }), "Unmet");
  });
});
