/**
 * The care pathway on the real app: a clinician records a bone-marrow concentrate injection with
 * its procedure record, the follow-up schedule appears, the jobs run and the 2-week invitation
 * reaches the SMTP server, the patient follows its link on a phone, signs in and answers, and the
 * jobs then send nothing more for it; and a fever reported after the procedure shows urgent
 * advice at once and puts an urgent task on the clinicians' worklist.
 *
 * The server runs on the real clock, shared with the other browser tests, so instead of moving
 * it 7 days forward the procedure is recorded as done 7 days ago: the 2-week window opens today.
 * The day-by-day course (reminders after 3 and 7 days, none after completion, the call task) is
 * tested with a moved clock in packages/server/test/reminders.test.ts.
 */
import type { APIRequestContext, Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import {
  CLINICIAN,
  DEMO_PASSWORD,
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
import { readMails, type StoredMail, waitForMail } from "./mail";
import { answerAndNext } from "./questionnaire";

const id = unique();
const patient = {
  given: "Grace",
  family: `Hopper-${id}`,
  email: `grace.${id}@example.test`,
  password: "a long enough patient password",
};
const state: { patientId?: string; link?: string } = {};

async function ok<T>(res: Awaited<ReturnType<APIRequestContext["get"]>>, what: string): Promise<T> {
  if (!res.ok()) throw new Error(`${what}: HTTP ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
}

/** Runs the jobs now, as an administrator would (they also run on the server's own interval). */
async function runJobs(page: Page) {
  const base = inject("baseUrl");
  await ok(
    await page.request.post(`${base}/api/v1/auth/staff/sign-in`, {
      data: { email: "admin@demo.evident.test", password: DEMO_PASSWORD },
    }),
    "admin sign-in",
  );
  await ok(await page.request.post(`${base}/api/v1/jobs/run`, { data: {} }), "jobs/run");
}

async function followUpMails(): Promise<StoredMail[]> {
  return (await readMails(inject("mailDir"))).filter(
    (m) => m.to.includes(patient.email) && /questionnaire/.test(m.subject),
  );
}

async function waitForFollowUpMail(): Promise<StoredMail> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const [m] = await followUpMails();
    if (m) return m;
    if (Date.now() > deadline) throw new Error("no follow-up invitation arrived within 30 s");
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe("the care pathway from procedure to answered follow-up", () => {
  const browser = useBrowser();

  it("the clinician records a procedure with its record, and the schedule appears", async () => {
    const page = await browser.open("desktop");
    await signInStaff(page, CLINICIAN);
    const base = inject("baseUrl");
    const created = await ok<{ id: string }>(
      await page.request.post(`${base}/api/v1/patients`, {
        data: {
          givenName: patient.given,
          familyName: patient.family,
          birthDate: "1961-12-09",
          sex: "female",
          email: patient.email,
          invite: true,
          episode: { condition: "degenerative_disc_disease", spinalLevels: ["L4-L5"] },
        },
      }),
      "create patient",
    );
    state.patientId = created.id;
    await page.goto(`/patients/${created.id}`);
    await expectHeading(page, `${patient.given} ${patient.family}`);

    await page.getByRole("button", { name: "Record treatment" }).click();
    const dialog = await visible(page.getByRole("dialog", { name: "Record treatment" }));
    await dialog.getByLabel("Treatment").selectOption({ label: "Bone-marrow concentrate injection" });
    await dialog.getByLabel("Date").fill(isoDaysFromToday(-7));
    await dialog.getByLabel("Operator").fill("Dr Dana Reyes");
    await dialog.getByLabel("Consent form version").fill("cell-consent-2026-1");
    await dialog.getByLabel("Tissue").selectOption("bone-marrow");
    await dialog.getByLabel("Harvest site").selectOption("posterior-iliac-crest");
    await dialog.getByLabel("Same day (harvested and injected in one procedure)").selectOption("yes");
    await dialog.getByLabel("Volume harvested (mL)").fill("60");
    await dialog.getByLabel("Volume injected (mL)").fill("2");
    // A bad number is named under its field before anything is sent.
    await dialog.getByLabel("Total nucleated cells (millions)").fill("-5");
    await dialog.getByLabel("Intended purpose").selectOption("repair-or-regenerate");
    await dialog.getByRole("checkbox", { name: "Centrifugation" }).check();
    await dialog.getByLabel("Target").selectOption("disc");
    await dialog.getByLabel("Image guidance").selectOption("fluoroscopy");
    await dialog.getByRole("checkbox", { name: "L4–L5" }).check();
    await dialog.getByRole("button", { name: "Record treatment" }).click();
    await expectText(dialog, "Must be at least 0 million cells");
    await dialog.getByLabel("Total nucleated cells (millions)").fill("420");
    // The pathway its facts lead to, and that it is not approved, before saving.
    await expectText(dialog, /Same-surgical-procedure exception claimed/);
    await expectText(dialog, /not FDA-approved for back pain/);
    await expectNoAxeViolations(page, "the procedure form");
    await dialog.getByRole("button", { name: "Record treatment" }).click();
    await dialog.waitFor({ state: "hidden" });

    await expectText(page, /L4-L5 · 420 million nucleated cells · by Dr Dana Reyes/);
    const followUps = page.getByRole("table", { name: "Follow-ups" });
    for (const tp of ["2 weeks", "6 weeks", "3 months", "6 months", "12 months", "24 months"])
      await visible(followUps.getByRole("row").filter({ hasText: new RegExp(`^${tp}`) }));
    await expectText(followUps.getByRole("row").filter({ hasText: /^2 weeks/ }), "Open now");
  });

  it("the jobs run and the invitation arrives at the SMTP server with the questionnaire's link", async () => {
    expect(state.patientId).toBeDefined();
    // The patient activates the portal from the first e-mail (the enrolment invitation).
    const page = await browser.open("phone");
    const base = inject("baseUrl");
    const welcome = await waitForMail(inject("mailDir"), patient.email);
    const t = /#([A-Za-z0-9_-]+)/.exec(welcome.link ?? "")?.[1];
    expect(t).toBeDefined();
    await ok(
      await page.request.post(`${base}/api/v1/invitations/accept`, {
        data: { token: t, password: patient.password },
      }),
      "accept",
    );

    const admin = await browser.open("desktop");
    await runJobs(admin);
    const mail = await waitForFollowUpMail();
    expect(mail.subject).toMatch(/^Your 2 weeks questionnaire from .+ is ready$/);
    expect(mail.link).toMatch(new RegExp(`^${base}/portal/questionnaire/[0-9a-f-]{36}$`));
    state.link = mail.link ?? undefined;
  });

  it("the patient follows the link on a phone, signs in, answers, and no further message is sent", async () => {
    expect(state.link).toBeDefined();
    const page = await browser.open("phone");
    await page.goto(state.link!);
    // Signed out: the link leads through sign-in and back to the questionnaire.
    await page.waitForURL(/\/portal\/sign-in/);
    await page.getByLabel("E-mail address").fill(patient.email);
    await page.getByLabel(/^Password/).fill(patient.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/portal\/questionnaire\//);
    await expectNoSideways(page);
    for (let i = 0; i < 80; i++) {
      if (await page.getByRole("heading", { name: "Check your answers" }).count()) break;
      await answerAndNext(page, { pick: 1, rating: 70 });
    }
    await expectHeading(page, "Check your answers");
    await page.getByRole("button", { name: "Send my answers" }).click();
    await expectHeading(page, "Thank you!");

    const before = (await followUpMails()).length;
    expect(before).toBe(1);
    const admin = await browser.open("desktop");
    await runJobs(admin);
    await new Promise((r) => setTimeout(r, 6000)); // a dispatcher round
    expect(await followUpMails()).toHaveLength(1);
    // The clinic's record says completed.
    const staff = await browser.open("desktop");
    await signInStaff(staff, CLINICIAN);
    await staff.goto(`/patients/${state.patientId}`);
    const followUps = staff.getByRole("table", { name: "Follow-ups" });
    await expectText(followUps.getByRole("row").filter({ hasText: /^2 weeks/ }), "Completed");
  });

  it("a fever after the procedure shows urgent advice at once and puts an urgent task on the worklist", async () => {
    const page = await browser.open("phone");
    await page.goto("/portal/sign-in");
    await page.getByLabel("E-mail address").fill(patient.email);
    await page.getByLabel(/^Password/).fill(patient.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/portal$/);
    await page.getByRole("link", { name: "Report a problem" }).click();
    await expectHeading(page, "Report a problem");
    await expectNoAxeViolations(page, "report a problem");
    await page.getByRole("checkbox", { name: /^Fever/ }).check();
    await page.getByLabel("Anything else?").fill("38.7 °C since last night");
    await page.getByRole("button", { name: "Send to the clinic" }).click();
    const alert = await visible(page.getByRole("alert").filter({ hasText: "Call the clinic now" }));
    expect(await alert.textContent()).toMatch(/go to an emergency department/);
    await expectNoSideways(page);
    await expectNoAxeViolations(page, "urgent advice");

    const staff = await browser.open("desktop");
    await signInStaff(staff, CLINICIAN);
    await staff.goto("/worklist");
    await expectHeading(staff, "Worklist");
    const task = staff
      .getByRole("region", { name: "Tasks" })
      .getByRole("listitem")
      .filter({ hasText: `Urgent: call ${patient.given} ${patient.family} today` });
    await expectText(await visible(task), "urgent");
    await expectNoAxeViolations(staff, "the worklist");
  });
});
