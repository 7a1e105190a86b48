/**
 * Answering questionnaires as a person would, for the browser tests: on the phone one screen at
 * a time (picking a choice, a number on a 0–10 scale, or typing the 0–100 rating), and on a form
 * where every question is a fieldset (the desktop portal, staff entry).
 */
import type { Locator, Page } from "playwright-core";
import { expectText } from "./app";

/** The 59 questions of the default baseline: back and leg pain, ODI, PEG, PROMIS-29, EQ-5D-5L, STarT Back. */
export const BASELINE_QUESTIONS = 59;

/** "Question 5 of 59": where the phone form is. */
export async function questionNumber(page: Page): Promise<number> {
  const label = (await page.locator("#progress-label").textContent()) ?? "";
  const m = /(\d+) (?:of|de) \d+/.exec(label);
  return m ? Number(m[1]) : Number.NaN;
}

/**
 * Answers the question on screen and moves on: the option at `pick` (clamped to the last), the
 * number `pick` on a 0–10 scale, or `rating` typed into a 0–100 rating. Optional questions are
 * skipped when `skipOptional`. Waits for the next question (or the review) to be shown.
 */
export async function answerAndNext(
  page: Page,
  {
    pick = 2,
    rating = 70,
    skipOptional = false,
  }: { pick?: number; rating?: number; skipOptional?: boolean } = {},
): Promise<void> {
  const main = page.getByRole("main");
  const n = await questionNumber(page);
  const skip = main.getByRole("button", { name: /^(Skip|Omitir)$/ });
  if (skipOptional && (await skip.count()) > 0) {
    await skip.click();
  } else {
    await chooseIn(main, { pick, rating });
    await main.getByRole("button", { name: /^(Next|Siguiente)$/ }).click();
  }
  await expectText(
    page,
    new RegExp(`^(Question|Pregunta) ${n + 1} (of|de)|^(Check your answers|Revise sus respuestas)$`),
  );
}

/** Goes on to the next question without changing the answer shown (Next, or Skip if unanswered). */
export async function forward(page: Page): Promise<void> {
  const n = await questionNumber(page);
  await page
    .getByRole("main")
    .getByRole("button", { name: /^(Next|Skip|Siguiente|Omitir)$/ })
    .click();
  await expectText(
    page,
    new RegExp(`^(Question|Pregunta) ${n + 1} (of|de)|^(Check your answers|Revise sus respuestas)$`),
  );
}

/** Answers one question within `scope` (a fieldset, or the page's main region on the phone). */
export async function chooseIn(
  scope: Locator,
  { pick = 2, rating = 70 }: { pick?: number; rating?: number },
) {
  if ((await scope.getByRole("slider").count()) > 0) {
    await scope.getByRole("textbox").fill(String(rating));
    return;
  }
  const radios = scope.getByRole("radio");
  const count = await radios.count();
  if (count === 11) {
    await scope.getByRole("radio", { name: new RegExp(`^${pick}(,|$)`) }).check();
    return;
  }
  await radios.nth(Math.min(pick, count - 1)).check();
}

/** Fills every question of a form (fieldsets) that is not answered yet. */
export async function fillForm(form: Locator, opts: { pick?: number; rating?: number } = {}): Promise<void> {
  const fieldsets = form.locator("fieldset");
  const total = await fieldsets.count();
  for (let i = 0; i < total; i++) {
    const f = fieldsets.nth(i);
    const answered =
      (await f.locator("input[type=radio]:checked").count()) > 0 ||
      ((await f.getByRole("spinbutton").count()) > 0 &&
        (await f.getByRole("spinbutton").inputValue()) !== "");
    if (!answered) await chooseIn(f, opts);
  }
}
