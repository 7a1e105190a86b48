/** The safety questions in the browser: a portal patient to answer them, and the answering. */
import { booleanAnswerIds, intakeQuestions, intakeQuestionsEs } from "@evident/domain/triage";
import type { Locator, Page } from "playwright-core";
import { expect } from "vitest";
import { unique } from "./app";
import { linkTokenFor } from "./mail";

/** A new patient of the demo clinic, invited and signed in to the portal in `page`; returns their id. */
export async function portalPatient(
  staff: Page,
  page: Page,
  familyName = `Intake-${unique()}`,
): Promise<string> {
  const email = `intake.${unique()}@example.test`;
  const created = await staff.request.post("/api/v1/patients", {
    data: { givenName: "Sam", familyName, birthDate: "1960-02-02", email, episode: { condition: "other" } },
  });
  expect(created.status()).toBe(201);
  const token = await linkTokenFor(email);
  const accepted = await page.request.post("/api/v1/invitations/accept", {
    data: { token, password: "a long enough patient password" },
  });
  expect(accepted.status()).toBe(200);
  return ((await created.json()) as { id: string }).id;
}

/**
 * Answers the safety questions form (in the page's main region, or in `within`, e.g. the clinic's
 * dialog): the weeks of pain (the age comes from the record, so the form does not ask it), yes to
 * the ids in `yes`, not sure to those in `unsure`, no to the rest; in the portal's English or
 * Spanish words.
 */
export async function answerIntake(
  page: Page,
  a: { weeks: number; yes: readonly string[]; unsure?: readonly string[]; lang?: "en" | "es" },
  within?: Locator,
) {
  const es = a.lang === "es";
  const main = within ?? page.getByRole("main");
  await main
    .getByLabel(es ? intakeQuestionsEs.painDurationWeeks.text : /How many weeks ago/)
    .fill(String(a.weeks));
  const words = es
    ? { yes: "Sí", no: "No", unsure: "No lo sé" }
    : { yes: "Yes", no: "No", unsure: "Not sure" };
  for (const q of intakeQuestions) {
    if (q.type !== "boolean") continue;
    const group = main.getByRole("group", { name: es ? intakeQuestionsEs[q.id].text : q.text, exact: true });
    const answer = a.yes.includes(q.id) ? "yes" : a.unsure?.includes(q.id) ? "unsure" : "no";
    await group.getByRole("radio", { name: words[answer], exact: true }).check();
  }
}

/** Every yes/no safety answer no, 30 weeks of pain (the age comes from the record), with overrides. */
export const calmIntake = (over: Record<string, number | boolean | "unsure"> = {}) => ({
  painDurationWeeks: 30,
  ...Object.fromEntries(booleanAnswerIds.map((id) => [id, false])),
  ...over,
});

/**
 * The safety questions answered with no red flag, over the API in the patient's session: for tests
 * about what comes after them (the portal holds every questionnaire until they are answered).
 * The form itself is tested in intake.test.ts and thin-slice.test.ts.
 */
export async function passSafetyQuestions(patient: Page, base = "") {
  const res = await patient.request.post(`${base}/api/v1/portal/intake`, {
    data: { answers: calmIntake() },
  });
  if (res.status() !== 201) throw new Error(`the safety questions were not accepted: ${await res.text()}`);
}
