/**
 * The candidacy form in the browser: a clinician assesses a patient for a regenerative disc
 * procedure, sees every criterion with its status and source as the facts go in (and that it
 * cannot be signed while any criterion needs more information, even once one already makes the
 * patient not eligible), and signs it off; the patient page then
 * shows the signed outcome.
 */

import type { Locator } from "playwright-core";
import { describe, expect, it } from "vitest";
import { calmIntake } from "../packages/server/test/answers";
import { contraindicationLabels } from "../packages/web/src/clinic/patient/candidacyForm";
import { descriptionOf, expectText, signInStaff, unique, useBrowser, visible } from "./app";
import { expectNoAxeViolations } from "./browser";

/** Enters every remaining fact of the form (criteria met), as a clinician who has found them out. */
async function settleEveryCriterion(dialog: Locator): Promise<void> {
  const answer = (label: string, value: "Yes" | "No") =>
    dialog.getByRole("radiogroup", { name: label, exact: true }).getByLabel(value, { exact: true }).check();
  await answer("Tried", "Yes");
  await dialog.getByLabel("For how long (months)").fill("6");
  await answer("Supervised physiotherapy", "Yes");
  await dialog.getByLabel("Back pain VAS (mm, 0–100)").fill("62");
  await dialog.getByLabel("ODI (0–100)").fill("44");
  await dialog.getByRole("combobox", { name: "Leg pain" }).click();
  await dialog.page().getByRole("option", { name: "None", exact: true }).click();
  await answer("Facet pain excluded by medial branch block", "Yes");
  await dialog.getByLabel("Modified Pfirrmann grade (1–8)").fill("4");
  await dialog.getByLabel("Disc height retained (%)").fill("70");
  const level = dialog.getByRole("checkbox", { name: "L4–L5" });
  if (!(await level.isChecked())) await level.check();
  for (const label of Object.values(contraindicationLabels)) await answer(label, "No");
}

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
    // The safety questions, answered at the desk with no red flag, settle the triage criterion.
    const intake = await page.request.post(`/api/v1/patients/${id}/intakes`, {
      data: { answers: calmIntake({ age: 55, painDurationWeeks: 12 }) },
    });
    expect(intake.status()).toBe(201);
    await page.goto(`/patients/${id}`);
    const section = page.getByRole("region", { name: /Candidacy/ });
    await expectText(section, "No candidacy assessment signed yet");
    await section.getByRole("button", { name: "Assess candidacy" }).click();
    const dialog = page.getByRole("dialog", { name: "Candidacy assessment" });
    await visible(dialog);
    const criteria = dialog.getByRole("list", { name: "Candidacy criteria" });
    await expectText(criteria, "A single symptomatic degenerated disc between L1 and S1");
    // Little is known yet: the form says it cannot be signed, before anyone tries.
    await expectText(dialog, "Not ready to sign off");
    expect(await dialog.getByRole("button", { name: "Sign off assessment" }).isDisabled()).toBe(true);
    await dialog.getByLabel("Symptom duration (months)").fill("3");
    await expectText(
      criteria.getByRole("listitem").filter({ hasText: /Back pain for at least 6 months/ }),
      "Unmet",
    );
    await expectText(dialog, "Not eligible");
    await expectText(criteria, /NCT06325566|Mesoblast/);
    // Not eligible already, but other criteria are unknown: still not signable.
    await expectText(dialog, "Not ready to sign off");
    expect(await dialog.getByRole("button", { name: "Sign off assessment" }).isDisabled()).toBe(true);
    await expectNoAxeViolations(page, "the candidacy form");
    await settleEveryCriterion(dialog);
    await expectText(dialog, "0 unknown (the checklist is below)");
    await expectText(dialog, "Not eligible");
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
