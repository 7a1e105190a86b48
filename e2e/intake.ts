/** Answers the safety questions page: the two numbers, yes to the ids given, no to the rest. */
import { intakeQuestions } from "@evident/domain/triage";
import type { Page } from "playwright-core";

export async function answerIntake(page: Page, a: { age: number; weeks: number; yes: readonly string[] }) {
  const main = page.getByRole("main");
  await main.getByLabel("How old are you?").fill(String(a.age));
  await main.getByLabel(/How many weeks ago/).fill(String(a.weeks));
  for (const q of intakeQuestions) {
    if (q.type !== "boolean") continue;
    const group = main.getByRole("group", { name: q.text, exact: true });
    await group.getByRole("radio", { name: a.yes.includes(q.id) ? "Yes" : "No" }).check();
  }
}

/**
 * The safety questions answered with no red flag, over the API in the patient's session: for tests
 * about what comes after them (the portal holds every questionnaire until they are answered).
 * The form itself is tested in intake.test.ts and thin-slice.test.ts.
 */
export async function passSafetyQuestions(patient: Page, base = "") {
  const res = await patient.request.post(`${base}/api/v1/portal/intake`, {
    data: { answers: { age: 45, painDurationWeeks: 30 } },
  });
  if (res.status() !== 201) throw new Error(`the safety questions were not accepted: ${await res.text()}`);
}
