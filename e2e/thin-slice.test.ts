/**
 * The thin slice, end to end on the real app: a clinician adds a patient, the invitation goes
 * out by e-mail, the patient answers the safety questions and then the seven baseline questionnaires of the demo clinic's plan
 * on a phone (at 390×844), leaving half-way and resuming on another device, the clinician
 * records a treatment, and the schedule, the scores and the outcomes report follow from it.
 * The steps share one patient, so they run in order.
 */
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import {
  expectHeading,
  expectNoSideways,
  expectText,
  isoDaysFromToday,
  signInStaff,
  unique,
  useBrowser,
  visible,
} from "./app";
import { expectNoAxeViolations } from "./browser";
import { answerIntake } from "./intake";
import { waitForMail } from "./mail";
import { answerAndNext, BASELINE_QUESTIONS, forward, questionNumber } from "./questionnaire";

const id = unique();
const patient = {
  given: "Ada",
  family: `Lovelace-${id}`,
  email: `ada.${id}@example.test`,
  password: "a long enough patient password",
};
const state: { patientUrl?: string; link?: string } = {};

describe("a clinician enrols a patient who answers from their phone", () => {
  const browser = useBrowser();

  async function signInPatient(page: Page) {
    await page.goto("/portal/sign-in");
    await page.getByLabel("E-mail address").fill(patient.email);
    await page.getByLabel(/^Password/).fill(patient.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/portal$/);
  }

  it("the clinician signs in and adds a patient with an e-mail address", async () => {
    const page = await browser.open("desktop");
    await page.goto("/sign-in");
    await expectHeading(page, "Sign in");
    expect(await page.title()).toContain("Staff sign-in");
    await expectNoAxeViolations(page, "staff sign-in");
    await signInStaff(page);

    await expectHeading(page, "Patients");
    await expectNoAxeViolations(page, "patient list");
    await page.getByRole("link", { name: "Add patient" }).first().click();
    await expectHeading(page, "Add patient");
    await page.getByLabel("First name").fill(patient.given);
    await page.getByLabel("Last name").fill(patient.family);
    await page.getByLabel("Date of birth").fill("1968-04-12");
    await page.getByLabel("Sex").selectOption("female");
    await page.getByLabel("Record number (MRN)").fill(`E2E-${id}`);
    await page.getByLabel("E-mail address").fill(patient.email);
    await page.getByLabel("Condition").selectOption("degenerative_disc_disease");
    await page.getByLabel("L4–L5").check();
    await page.getByRole("button", { name: "Add patient" }).click();

    await page.waitForURL(/\/patients\/[0-9a-f-]{36}$/);
    await expectHeading(page, `${patient.given} ${patient.family}`);
    await expectText(page, "Invited");
    await expectText(page, "Open now");
    state.patientUrl = new URL(page.url()).pathname;
  });

  it("the invitation e-mail reaches the SMTP server and shows as sent in Messages", async () => {
    const mail = await waitForMail(inject("mailDir"), patient.email);
    expect(mail.subject).toMatch(/patient portal/);
    expect(mail.text).toContain(`Dear ${patient.given}`);
    expect(mail.link).toMatch(new RegExp(`^${inject("baseUrl")}/portal/welcome#[A-Za-z0-9_-]{16,}$`));
    state.link = mail.link ?? undefined;

    const page = await browser.open("desktop");
    await signInStaff(page);
    await page.getByRole("link", { name: "Messages" }).click();
    await expectHeading(page, "Messages");
    const row = page.getByRole("row", { name: new RegExp(patient.email.replace(/\./g, "\\.")) });
    await visible(row);
    await expectText(row, "Sent");
    await row.getByRole("button", { name: /your Evident patient portal/ }).click();
    const dialog = await visible(page.getByRole("dialog"));
    // Staff read the message, but the sign-in link in it exists only in the patient's e-mail.
    await expectText(dialog, "The sign-in link is in the e-mail only");
    await expectText(
      dialog.getByLabel("Message text"),
      "[link hidden: only the e-mail to the recipient holds it]",
    );
    const token = (state.link ?? "").split("#")[1] ?? "-";
    expect(await dialog.textContent()).not.toContain(token);
    await expectNoAxeViolations(page, "an opened message");
  });

  it("the patient opens the link on a phone, sets a password, answers the safety questions first, then sees the baseline due", async () => {
    expect(state.link, "the invitation link from the e-mail").toBeTruthy();
    const page = await browser.open("phone");
    // A new patient's first pages make no failing request (a used link looked up again was one).
    const failed: string[] = [];
    page.on("response", (r) => {
      if (r.status() >= 400)
        failed.push(`${r.status()} ${r.request().method()} ${new URL(r.url()).pathname}`);
    });
    await page.goto(state.link ?? "/");
    await expectHeading(page, `Welcome, ${patient.given}`);
    await expectText(page, "Demo Spine Clinic has invited you");
    // The token must not stay in the address bar once read.
    expect(new URL(page.url()).hash).toBe("");
    await expectNoAxeViolations(page, "the welcome page");
    await page.getByLabel("New password").fill(patient.password);
    await page.getByLabel("Type it again").fill(patient.password);
    await page.getByRole("button", { name: "Save password and continue" }).click();

    await page.waitForURL(/\/portal$/);
    await expectHeading(page, `Hello, ${patient.given}`);
    // Red flags first: the safety questions are step 1, the baseline waits for them.
    await expectText(page, "Step 1");
    await expectText(page, "Before treatment");
    await expectText(page, "Opens after step 1");
    expect(await page.getByRole("link", { name: /^Start: / }).count()).toBe(0);
    await expectNoSideways(page);
    await expectNoAxeViolations(page, "portal home before the safety questions");
    expect(failed).toEqual([]);
    // The questionnaire's own address says the same and leads to them.
    const home = await (await page.request.get("/api/v1/portal/home")).json();
    await page.goto(`/portal/questionnaire/${home.due[0].id}`);
    await expectHeading(page, "Safety questions first");
    await page.getByRole("link", { name: "Begin safety questions" }).click();
    await expectHeading(page, "Safety questions");
    await answerIntake(page, { weeks: 40, yes: [] });
    await page.getByRole("button", { name: "Send my answers" }).click();
    await expectHeading(page, "No warning signs");
    await page.getByRole("link", { name: "Back to your page" }).click();
    await expectHeading(page, `Hello, ${patient.given}`);
    await visible(page.getByRole("link", { name: /^Start: / }));
    await expectNoAxeViolations(page, "portal home");
  });

  it("the patient starts the seven baseline questionnaires on a phone and leaves half-way through PROMIS-29", async () => {
    const page = await browser.open("phone");
    await signInPatient(page);
    await page.getByRole("link", { name: /^Start: / }).click();

    await expectHeading(page, "Your back pain");
    await expectText(page, `Question 1 of ${BASELINE_QUESTIONS}`);
    await expectText(page, "0 = No pain");
    await expectText(page, "10 = Worst pain imaginable");
    await expectNoSideways(page);
    await expectNoAxeViolations(page, "the pain scale");
    // Next without an answer asks for one instead of moving on.
    await page.getByRole("button", { name: "Next" }).click();
    await expectText(page, "Please choose an answer.");
    await answerAndNext(page, { pick: 7 });
    await expectHeading(page, "Your leg pain");
    await answerAndNext(page, { pick: 4 });

    // The ODI, one section per screen; section 8 (sex life) is optional and skipped.
    for (let section = 1; section <= 10; section++) {
      await expectText(page, `Part ${section} of 10`);
      if (section === 1) await expectNoAxeViolations(page, "an ODI section");
      if (section === 8) expect(await page.getByRole("button", { name: "Skip" }).count()).toBe(1);
      expect(await page.getByRole("main").getByRole("radio").count()).toBe(6);
      await answerAndNext(page, { pick: 2, skipOptional: section === 8 });
    }
    await expectHeading(page, "Pain, enjoyment and activity");
    for (let i = 0; i < 3; i++) await answerAndNext(page, { pick: 6 });

    // PROMIS-29: each statement under its domain, its recall and its stem.
    await expectHeading(page, "Your health and well-being");
    await expectText(page, "Physical Function");
    await expectNoAxeViolations(page, "a PROMIS-29 question");
    while ((await questionNumber(page)) < 21) await answerAndNext(page, { pick: 1 });
    await expectText(page, "Anxiety · past 7 days");
    await expectText(page, "In the past 7 days…");
    const fearful = page.getByRole("group", { name: /^In the past 7 days… I found it hard to focus/ });
    await visible(fearful);
    await expectNoSideways(page);
    await expectText(page, "Your answers so far are saved.");

    // Leaving half-way: the questionnaire is still due.
    await page.getByRole("link", { name: "Finish later" }).click();
    await expectText(page, "To do now");
    await visible(page.getByRole("link", { name: /^Start: / }));
  });

  it("on another phone the patient resumes at the same question, finishes, reviews and sends", async () => {
    const page = await browser.open("phone");
    await signInPatient(page);
    await page.getByRole("link", { name: /^Start: / }).click();
    await expectText(page, "Welcome back. We kept your answers. You can go on from question 21.");
    await expectText(page, `Question 21 of ${BASELINE_QUESTIONS}`);
    // The answers before it came back with the draft.
    await page.getByRole("button", { name: "Back" }).click();
    await expectText(page, `Question 20 of ${BASELINE_QUESTIONS}`);
    expect(await page.getByRole("main").getByRole("radio", { checked: true }).count()).toBe(1);
    await answerAndNext(page, { pick: 1 });

    while ((await questionNumber(page)) <= 44) await answerAndNext(page, { pick: 1 });
    // EQ-5D-5L: five dimensions, then the 0–100 rating as a slider with a number box.
    await expectHeading(page, "Your health today");
    while (!(await page.getByRole("main").getByRole("slider").count()))
      await answerAndNext(page, { pick: 1 });
    await expectNoAxeViolations(page, "the EQ VAS");
    const slider = page.getByRole("slider", { name: "Your health today, from 0 to 100" });
    expect(await slider.getAttribute("aria-valuetext")).toBe("Not chosen yet");
    // Unanswered, it does not look like 50: no thumb, no filled bar or marks, and it says so.
    const vas = page.locator("fieldset").filter({ has: slider });
    await expectText(vas, "Not chosen yet");
    const markColours = async () =>
      vas.locator(".mantine-Slider-mark").evaluateAll((ms) => ms.map((m) => getComputedStyle(m).borderColor));
    const unanswered = await markColours();
    expect(unanswered).toHaveLength(3);
    expect(new Set(unanswered).size).toBe(1); // 0 and 50 not filled in, unlike 100
    await slider.focus();
    await page.keyboard.press("ArrowRight");
    expect(await page.getByRole("textbox", { name: "Your number (0 to 100)" }).inputValue()).toBe("51");
    expect(await vas.getByText("Not chosen yet").count()).toBe(0);
    expect(new Set(await markColours()).size).toBe(2); // now the marks up to 51 are filled
    await answerAndNext(page, { rating: 65 });

    // STarT Back, then the review.
    await expectHeading(page, "How your back pain affects you");
    await expectNoAxeViolations(page, "a STarT Back question");
    while (await page.getByRole("main").getByRole("radio").count()) await answerAndNext(page, { pick: 0 });
    await expectHeading(page, "Check your answers");
    await expectText(page, "Skipped");
    await expectNoSideways(page);
    await expectNoAxeViolations(page, "the review");
    // Change an answer from the review, then come back to it.
    await page
      .getByRole("button", { name: "Change: On average, how bad was your back pain over the past 7 days?" })
      .click();
    await expectHeading(page, "Your back pain");
    expect(await page.getByRole("radio", { name: "7", exact: true }).isChecked()).toBe(true);
    while ((await questionNumber(page)) <= BASELINE_QUESTIONS) await forward(page);
    await expectHeading(page, "Check your answers");
    await page.getByRole("button", { name: "Send my answers" }).click();

    await expectHeading(page, "Thank you!");
    await page.getByRole("link", { name: "Back to my page" }).click();
    await expectText(page, "Thank you, you are all done");
    await expectText(page, "Back pain 7 out of 10");
  });

  it("the clinician records a bone-marrow concentrate injection and sees the schedule and the baseline scores", async () => {
    expect(state.patientUrl).toBeTruthy();
    const page = await browser.open("desktop");
    await signInStaff(page);
    await page.goto(state.patientUrl ?? "/");
    await expectHeading(page, `${patient.given} ${patient.family}`);
    await expectNoAxeViolations(page, "the patient page");

    await page.getByRole("button", { name: "Record treatment" }).click();
    const dialog = await visible(page.getByRole("dialog", { name: "Record treatment" }));
    await dialog.getByLabel("Treatment").selectOption({ label: "Bone-marrow concentrate injection" });
    // The regulatory status is shown before anything is saved.
    await expectText(dialog, /no stem-cell or other cell product is FDA-approved for back pain/);
    await dialog.getByLabel("Date").fill(isoDaysFromToday(-10));
    // No candidacy assessment: the gate says so before anything is saved, and refuses without an
    // override; the clinician overrides it with a reason.
    await expectText(dialog, "Candidacy gate: not met");
    await dialog.getByRole("button", { name: "Record treatment" }).click();
    await expectText(dialog, "Sign off an eligible candidacy assessment first, or override with a reason.");
    await dialog.getByRole("checkbox", { name: "Record it anyway: override the candidacy gate" }).check();
    await dialog.getByRole("button", { name: "Record treatment" }).click();
    await expectText(dialog, "Is required");
    const reason = "Assessed by the referring spine surgeon before the injection";
    await dialog.getByLabel("Reason for the override").fill(reason);
    // No procedure consent signed either: the consent gate is set aside the same way.
    await dialog.getByRole("checkbox", { name: "Record it anyway: override the consent gate" }).check();
    await dialog
      .getByLabel("Reason for the consent override")
      .fill("Consent signed on the surgeon's paper form");
    await expectNoAxeViolations(page, "the record-treatment form with the candidacy override");
    await dialog.getByRole("button", { name: "Record treatment" }).click();
    await dialog.waitFor({ state: "hidden" });
    const treatments = page.getByRole("region", { name: "Treatments" });
    await expectText(treatments, "Candidacy gate overridden");
    await expectText(treatments, reason);

    const followUps = page.getByRole("table", { name: "Follow-ups" });
    for (const tp of ["Baseline", "2 weeks", "6 weeks", "3 months", "6 months", "12 months"])
      await visible(followUps.getByRole("row").filter({ hasText: new RegExp(`^${tp}`) }));
    // Ten days after treatment the 2-week window is open; later ones are still ahead.
    await expectText(followUps.getByRole("row").filter({ hasText: /^2 weeks/ }), "Open now");
    await expectText(followUps.getByRole("row").filter({ hasText: /^12 months/ }), "Upcoming");

    // Baseline: back pain 7; ODI 9 sections × 2 points of 45 = 40, "moderate disability". It was
    // answered today, after the treatment 10 days ago: kept, but marked late.
    const answers = page.getByRole("table", { name: "Questionnaire answers" });
    const baseline = answers.getByRole("row").filter({ hasText: "Late baseline" });
    await expectText(baseline, "7");
    await expectText(baseline, "40");
    await expectText(baseline, "moderate disability · late baseline");
    await expectText(baseline, "not used for change scores");
    await expectText(page.getByRole("region", { name: "Treatments" }), "Investigational");
    await expectNoAxeViolations(page, "the patient page after treatment");
  });

  it("the patient page reads on a phone without sideways scrolling", async () => {
    const page = await browser.open("phone");
    await signInStaff(page);
    await page.goto(state.patientUrl ?? "/");
    await expectHeading(page, `${patient.given} ${patient.family}`);
    await expectText(page, "Bone-marrow concentrate injection");
    await expectNoSideways(page);
    await expectNoAxeViolations(page, "the patient page on a phone");
  });

  it("the patient, now on a computer, sees the 2-week questionnaire due", async () => {
    const page = await browser.open("desktop");
    await page.goto("/portal/sign-in");
    await page.getByLabel("E-mail address").fill(patient.email);
    await page.getByLabel(/^Password/).fill(patient.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expectHeading(page, `Hello, ${patient.given}`);
    await expectText(page, "2 weeks after treatment");
    await visible(page.getByRole("link", { name: "Start: 2 weeks after treatment" }));
    await expectText(page, "6 weeks after treatment");
    await expectNoAxeViolations(page, "portal home on a computer");
  });

  it("the outcomes report has rows per treatment kind and timepoint, with its caveats", async () => {
    const page = await browser.open("desktop");
    await signInStaff(page);
    await page.getByRole("link", { name: "Outcomes" }).click();
    await expectHeading(page, "Outcomes");
    await expectText(page, /do not show that a treatment caused the change/);
    const section = page.getByRole("region", { name: "Bone-marrow concentrate injection" });
    await expectText(section, "Investigational");
    const table = section.getByRole("table");
    for (const tp of ["2 weeks", "6 weeks", "3 months", "6 months", "12 months"])
      await visible(table.getByRole("rowheader", { name: tp, exact: true }));
    // Our patient's 2-week follow-up is due and not yet answered.
    const twoWeeks = table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "2 weeks" }) });
    const cells = await twoWeeks.getByRole("cell").allTextContents();
    expect(Number(cells[0])).toBeGreaterThanOrEqual(1);
    await expectNoAxeViolations(page, "outcomes");
  });
});
