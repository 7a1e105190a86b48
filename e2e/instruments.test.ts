/**
 * The instrument library in the browser: the clinic's questionnaires page (licence terms, the
 * plan, edited by an administrator and read by everyone else), a correction that keeps the
 * earlier version on the patient page, the portal in Spanish (its own words translated, the
 * questions marked as awaiting a licensed translation), and the one-page form on a computer.
 */
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { signInAdmin } from "./admin";
import { expectHeading, expectNoSideways, expectText, signInStaff, unique, useBrowser, visible } from "./app";
import { expectNoAxeViolations } from "./browser";
import { passSafetyQuestions } from "./intake";
import { linkTokenFor } from "./mail";
import { BASELINE_QUESTIONS, chooseIn } from "./questionnaire";

/** A new patient of the demo clinic, invited and signed in to the portal in `page`. */
async function portalPatient(staff: Page, page: Page): Promise<void> {
  const email = `form.${unique()}@example.test`;
  const created = await staff.request.post("/api/v1/patients", {
    data: {
      givenName: "Lucía",
      familyName: `Form-${unique()}`,
      birthDate: "1975-03-03",
      email,
      episode: { condition: "disc_herniation_sciatica" },
    },
  });
  expect(created.status()).toBe(201);
  const token = await linkTokenFor(email);
  const accepted = await page.request.post("/api/v1/invitations/accept", {
    data: { token, password: "a long enough patient password" },
  });
  expect(accepted.status()).toBe(200);
  await passSafetyQuestions(page);
}

describe("the questionnaires page", () => {
  const browser = useBrowser();

  it("shows every instrument's licence terms and lets an administrator change the plan", async () => {
    const page = await browser.open("desktop");
    await signInAdmin(page, inject("baseUrl"), inject("mailDir"));
    await page.goto("/patients");
    await page.getByRole("link", { name: "Questionnaires" }).click();
    await expectHeading(page, "Questionnaires");
    const odi = page.getByRole("article", { name: "Oswestry Disability Index" });
    await expectText(odi, "Licence confirmed");
    await expectText(odi, /Mapi Research Trust/);
    await expectText(odi, /Registration with Mapi is required/);
    await expectText(page.getByRole("article", { name: /^Pain rating, back/ }), "No agreement needed");
    await expectNoAxeViolations(page, "the questionnaires page");

    // Untick the PGIC at 2 weeks, save, and put it back: the page says who changed the plan.
    const pgic = page.getByRole("checkbox", { name: "PGIC at 2 weeks" });
    expect(await pgic.isChecked()).toBe(true);
    await pgic.uncheck();
    await page.getByRole("button", { name: "Save plan" }).click();
    await expectText(page, /Last changed .* by Alex Admin/);
    await expectText(
      page.getByRole("article", { name: "Patient Global Impression of Change" }),
      /Asked at: 6 weeks/,
    );
    await page.getByRole("checkbox", { name: "PGIC at 2 weeks" }).check();
    await page.getByRole("button", { name: "Save plan" }).click();
    await expectText(
      page.getByRole("article", { name: "Patient Global Impression of Change" }),
      /Asked at: 2 weeks, 6 weeks/,
    );
  });

  it("is read-only for a clinician, and fits a phone", async () => {
    const page = await browser.open("phone");
    await signInStaff(page);
    await page.goto("/questionnaires");
    await expectHeading(page, "Questionnaires");
    await expectText(page, /Administrators change the plan and confirm licences/);
    expect(await page.getByRole("checkbox").count()).toBe(0);
    expect(await page.getByRole("button", { name: /Confirm licence|Record a renewed licence/ }).count()).toBe(
      0,
    );
    await expectNoSideways(page);
    await expectNoAxeViolations(page, "the questionnaires page on a phone");
  });
});

describe("correcting answers", () => {
  const browser = useBrowser();

  it("keeps the earlier version, with the reason, on the patient page", async () => {
    const page = await browser.open("desktop");
    await signInStaff(page);
    const created = await page.request.post("/api/v1/patients", {
      data: {
        givenName: "Cor",
        familyName: `Rected-${unique()}`,
        birthDate: "1961-06-06",
        episode: { condition: "spinal_stenosis" },
      },
    });
    const { id } = (await created.json()) as { id: string };
    const sent = await page.request.post(`/api/v1/patients/${id}/responses`, {
      data: { responses: [{ instrument: "nrs_back", answers: { nrs_back: 8 } }] },
    });
    expect(sent.status()).toBe(201);
    await page.goto(`/patients/${id}`);
    await expectHeading(page, /^Cor Rected/);
    await page
      .getByRole("button", { name: /^Details: Baseline/ })
      .first()
      .click();
    const dialog = await visible(page.getByRole("dialog"));
    await dialog.getByRole("button", { name: "Correct answers: Back pain" }).click();
    await dialog.getByRole("radio", { name: "6", exact: true }).check();
    await dialog.getByRole("button", { name: "Save correction" }).click();
    await expectText(dialog, "Say why the answers are corrected.");
    await dialog.getByLabel(/^Reason for the correction/).fill("Misheard on the phone: the patient said six");
    await dialog.getByRole("button", { name: "Save correction" }).click();

    await expectText(dialog, "Corrected");
    await expectText(dialog, "“Misheard on the phone: the patient said six”");
    await expectText(dialog, /Earlier version, recorded .*: 8/);
    await expectText(dialog, /On average, how bad was your back pain over the past 7 days\?: 8 → 6/);
    await expectNoAxeViolations(page, "a corrected sitting");
    await page.keyboard.press("Escape");
    const baseline = page
      .getByRole("table", { name: "Questionnaire answers" })
      .getByRole("row")
      .filter({ hasText: "Baseline" });
    await expectText(baseline, "Corrected");
    expect(await baseline.getByRole("cell").allTextContents()).toEqual(
      expect.arrayContaining(["6Corrected"]),
    );
  });
});

describe("the portal's languages and layouts", () => {
  const browser = useBrowser();

  it("speaks Spanish when asked, remembers it, and keeps the questions' licensed English wording", async () => {
    const staff = await browser.open("desktop");
    await signInStaff(staff);
    const page = await browser.open("phone");
    await portalPatient(staff, page);
    await page.goto("/portal");
    await expectText(page, "To do now");
    await page.getByText("Español", { exact: true }).click();
    await expectText(page, "Para hacer ahora");
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("es");
    await page.reload();
    await expectText(page, "Para hacer ahora");
    await expectNoAxeViolations(page, "the portal home in Spanish");

    await page.getByRole("link", { name: /^Empezar/ }).click();
    await expectText(page, `Pregunta 1 de ${BASELINE_QUESTIONS}`);
    await expectText(page, /Spanish wording pending licensed translation/);
    const question = page.getByRole("main").locator("legend");
    expect(await question.getAttribute("lang")).toBe("en");
    await page.getByRole("button", { name: "Siguiente" }).click();
    await expectText(page, "Elija una respuesta, por favor.");
    await expectNoSideways(page);
    await expectNoAxeViolations(page, "a question on the Spanish portal");
    await page.getByText("English", { exact: true }).click();
    await expectText(page, `Question 1 of ${BASELINE_QUESTIONS}`);
  });

  it("on a computer, asks everything on one form, names what is missing and keeps answers over a reload", async () => {
    const staff = await browser.open("desktop");
    await signInStaff(staff);
    const page = await browser.open("desktop");
    await portalPatient(staff, page);
    await page.goto("/portal");
    await page.getByRole("link", { name: /^Start: / }).click();
    await expectText(page, `0 of ${BASELINE_QUESTIONS} answered`);
    // The one-page form loads with the page's code on a computer (phones get one question at a time).
    await expect.poll(() => page.locator("main fieldset").count()).toBe(BASELINE_QUESTIONS);
    await expectNoAxeViolations(page, "the one-page form");

    await chooseIn(page.getByRole("group", { name: /^On average, how bad was your back pain/ }), { pick: 5 });
    await expectText(page, "Your answers so far are saved.");
    await page.getByRole("button", { name: "Check my answers" }).click();
    await expectText(page, "57 questions still need an answer.");
    // Focus goes to the first question still unanswered: leg pain.
    const focused = await page.evaluate(() => document.activeElement?.closest("fieldset")?.textContent ?? "");
    expect(focused).toMatch(/leg pain/);
    await expectNoAxeViolations(page, "the one-page form with missing answers");

    await page.reload();
    await expectText(page, `1 of ${BASELINE_QUESTIONS} answered`);
    const backPain = page.getByRole("group", { name: /^On average, how bad was your back pain/ });
    expect(await backPain.getByRole("radio", { name: "5", exact: true }).isChecked()).toBe(true);
  });
});
