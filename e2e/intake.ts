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
