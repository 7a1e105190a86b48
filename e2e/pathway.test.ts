/**
 * The care pathway on the real app, with the server's clock moved forward as the weeks pass: a
 * clinician records a bone-marrow concentrate injection today with its procedure record (on the
 * eligible candidacy assessment signed before it, which the form shows), the
 * follow-up schedule appears, the clock moves 7 days to the opening of the 2-week window (±1 week)
 * and the jobs send its invitation to the SMTP server; the patient follows its link on a phone, signs in and answers; the clock moves
 * on 3 and then 4 more days and no reminder follows, while a patient treated the same day who has
 * not answered gets both; and a fever reported after the procedure shows urgent advice at once
 * and puts an urgent task on the clinicians' worklist. The worklist's Follow-ups view shows who was
 * reminded; an administrator sets the clinic's time zone on the settings page.
 *
 * Moving a clock would disturb the other browser tests, so this file runs its own app (a small
 * demo clinic, its own database and SMTP server) with EVIDENT_TEST_CLOCK=1, which lets an
 * administrator move that server's clock forward (POST /api/v1/test/clock).
 */
import { NOT_APPROVED } from "@evident/domain/regulatory";
import type { APIRequestContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInAdmin as signInAdminWithCode } from "./admin";
import {
  CLINICIAN,
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
import { signOffEligible, signPaperConsent } from "./candidacy";
import { readMails, type StoredMail, waitForMail } from "./mail";
import { answerAndNext } from "./questionnaire";
import { type RunningApp, startApp } from "./server";

const id = unique();
const patient = {
  given: "Grace",
  family: `Hopper-${id}`,
  email: `grace.${id}@example.test`,
  password: "a long enough patient password",
};
/** Treated the same day, never answers: the reminders that must not reach Grace reach them. */
const control = { email: `control.${id}@example.test` };
const state: { patientId?: string; link?: string } = {};

let app: RunningApp;
beforeAll(async () => {
  app = await startApp({ demoPatients: 12, env: { EVIDENT_TEST_CLOCK: "1" } });
});
afterAll(async () => {
  await app?.stop();
});

async function ok<T>(res: Awaited<ReturnType<APIRequestContext["get"]>>, what: string): Promise<T> {
  if (!res.ok()) throw new Error(`${what}: HTTP ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
}

/** Days the server's clock was moved forward: a code is checked against the server's time. */
let offsetDays = 0;

async function signInAdmin(page: Page) {
  await signInAdminWithCode(page, app.baseUrl, app.mailDir, { offsetDays });
}

/** Moves the server's clock forward, as the weeks pass (sessions older than 12 hours end). */
async function advanceDays(page: Page, days: number): Promise<string> {
  await signInAdmin(page);
  const r = await ok<{ now: string; offsetDays: number }>(
    await page.request.post(`${app.baseUrl}/api/v1/test/clock`, { data: { advanceDays: days } }),
    "move the clock",
  );
  offsetDays = r.offsetDays;
  return r.now;
}

/** Runs the jobs now, as an administrator would (they also run on the server's own interval). */
async function runJobs(page: Page) {
  await signInAdmin(page);
  await ok(await page.request.post(`${app.baseUrl}/api/v1/jobs/run`, { data: {} }), "jobs/run");
}

/** The 2-week questionnaire's e-mails (a baseline invitation on the first day is not the subject here). */
async function followUpMails(to: string): Promise<StoredMail[]> {
  return (await readMails(app.mailDir)).filter(
    (m) => m.to.includes(to) && /2 weeks questionnaire/.test(m.subject),
  );
}

async function waitForFollowUpMails(to: string, n: number): Promise<StoredMail[]> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const mails = await followUpMails(to);
    if (mails.length >= n) return mails;
    if (Date.now() > deadline)
      throw new Error(`${n} follow-up message(s) to ${to} did not arrive within 30 s`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe("the care pathway from procedure to answered follow-up", () => {
  const browser = useBrowser();

  it("the clinician records a procedure with its record, and the schedule appears", async () => {
    const page = await browser.open("desktop", app.baseUrl);
    await signInStaff(page, CLINICIAN);
    const base = app.baseUrl;
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
    await signOffEligible(page.request, base, { id: created.id, age: 64 });
    await signPaperConsent(page.request, base, created.id, "bone_marrow_concentrate");
    await page.goto(`/patients/${created.id}`);
    await expectHeading(page, `${patient.given} ${patient.family}`);

    await page.getByRole("button", { name: "Record treatment" }).click();
    const dialog = await visible(page.getByRole("dialog", { name: "Record treatment" }));
    await dialog.getByLabel("Treatment").selectOption({ label: "Bone-marrow concentrate injection" });
    await dialog.getByLabel("Date").fill(isoDaysFromToday(0));
    // The candidacy gate: the eligible assessment the injection will rest on, before saving.
    await expectText(dialog, "Candidacy: eligible");
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
    // Always in view, also while the reasons are folded away.
    await visible(dialog.getByText(NOT_APPROVED, { exact: true }));
    await expectNoAxeViolations(page, "the procedure form");
    await dialog.getByRole("button", { name: "Record treatment" }).click();
    await dialog.waitFor({ state: "hidden" });

    await expectText(page, /L4-L5 · 420 million nucleated cells · by Dr Dana Reyes/);
    await expectText(
      page.getByRole("region", { name: "Treatments" }),
      /Eligible: candidacy assessment signed/,
    );
    const followUps = page.getByRole("table", { name: "Follow-ups" });
    for (const tp of ["2 weeks", "6 weeks", "3 months", "6 months", "12 months", "24 months"])
      await visible(followUps.getByRole("row").filter({ hasText: new RegExp(`^${tp}`) }));
    await expectText(followUps.getByRole("row").filter({ hasText: /^2 weeks/ }), "Upcoming");

    // The control patient: same treatment day, by API.
    const other = await ok<{ id: string }>(
      await page.request.post(`${base}/api/v1/patients`, {
        data: {
          givenName: "Control",
          familyName: `Patient-${id}`,
          birthDate: "1965-04-04",
          email: control.email,
          invite: true,
          episode: { condition: "degenerative_disc_disease", spinalLevels: ["L4-L5"] },
        },
      }),
      "create control patient",
    );
    await ok(
      await page.request.post(`${base}/api/v1/patients/${other.id}/treatments`, {
        data: {
          kind: "epidural_steroid_injection",
          date: isoDaysFromToday(0),
          procedure: {
            category: "injection",
            operator: "Dr Dana Reyes",
            target: "epidural",
            levels: ["L4-L5"],
            imageGuidance: "fluoroscopy",
            medication: "triamcinolone 40 mg",
          },
        },
      }),
      "control treatment",
    );
  });

  it("a week later the 2-week window opens and the jobs send the invitation to the SMTP server with the questionnaire's link", async () => {
    expect(state.patientId).toBeDefined();
    // The patient activates the portal from the first e-mail (the enrolment invitation).
    const page = await browser.open("phone", app.baseUrl);
    const base = app.baseUrl;
    const welcome = await waitForMail(app.mailDir, patient.email);
    const t = /#([A-Za-z0-9_-]+)/.exec(welcome.link ?? "")?.[1];
    expect(t).toBeDefined();
    await ok(
      await page.request.post(`${base}/api/v1/invitations/accept`, {
        data: { token: t, password: patient.password },
      }),
      "accept",
    );

    // The control patient too: contacts go to patients with a portal account.
    const controlWelcome = await waitForMail(app.mailDir, control.email);
    await ok(
      await page.request.post(`${base}/api/v1/invitations/accept`, {
        data: { token: /#([A-Za-z0-9_-]+)/.exec(controlWelcome.link ?? "")?.[1], password: patient.password },
      }),
      "accept (control)",
    );

    const admin = await browser.open("desktop", app.baseUrl);
    // Nothing is due yet on the treatment day.
    await runJobs(admin);
    await new Promise((r) => setTimeout(r, 3000));
    expect(await followUpMails(patient.email)).toEqual([]);

    // The 2-week window opens a week early (±1 week): the invitation goes on its first day.
    await advanceDays(admin, 7);
    await runJobs(admin);
    const [mail] = await waitForFollowUpMails(patient.email, 1);
    if (!mail) throw new Error("no invitation");
    await waitForFollowUpMails(control.email, 1);
    expect(mail.subject).toMatch(/^Your 2 weeks questionnaire from .+ is ready$/);
    expect(mail.link).toMatch(new RegExp(`^${base}/portal/questionnaire/[0-9a-f-]{36}$`));
    state.link = mail.link ?? undefined;
    // Two administrator sign-ins (before and after the clock moves) may wait for a fresh code.
  }, 120_000);

  it("the patient follows the link on a phone and answers; as the days pass no reminder follows", async () => {
    expect(state.link).toBeDefined();
    const page = await browser.open("phone", app.baseUrl);
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

    // 3 days after opening, then 7: the reminders go to the patient who has not answered, not to her.
    const admin = await browser.open("desktop", app.baseUrl);
    await advanceDays(admin, 3);
    await runJobs(admin);
    const controlMails = await waitForFollowUpMails(control.email, 2);
    expect(controlMails[1]?.subject).toMatch(/^Reminder: your 2 weeks questionnaire/);
    await advanceDays(admin, 4);
    await runJobs(admin);
    await waitForFollowUpMails(control.email, 3);
    await new Promise((r) => setTimeout(r, 3000)); // one more dispatcher round
    const mails = await followUpMails(patient.email);
    expect(mails.map((m) => m.subject)).toEqual([expect.stringMatching(/^Your 2 weeks questionnaire/)]);
    // The clinic's record says completed.
    const staff = await browser.open("desktop", app.baseUrl);
    await signInStaff(staff, CLINICIAN);
    await staff.goto(`/patients/${state.patientId}`);
    const followUps = staff.getByRole("table", { name: "Follow-ups" });
    await expectText(followUps.getByRole("row").filter({ hasText: /^2 weeks/ }), "Completed");

    // The worklist's Follow-ups view: the control patient's open follow-up with both reminders,
    // among those nobody has reached yet by answer; hers, answered, is gone from it.
    await staff.goto("/worklist?view=follow-ups");
    await visible(staff.getByRole("heading", { name: "Follow-ups due", level: 2 }));
    const table = await visible(staff.getByRole("table", { name: "Follow-ups" }));
    // The list pages by 50 (the demo has well over a hundred): look for her row page by page.
    const pager = staff.getByRole("navigation", { name: "Follow-up list pages" });
    const controlName = `Control Patient-${id}`;
    for (
      let turn = 0;
      (await table.getByRole("row").filter({ hasText: controlName }).count()) === 0;
      turn++
    ) {
      const next = pager.getByRole("button", { name: "Next page" });
      expect(
        turn < 10 && (await next.count()) > 0 && !(await next.isDisabled()),
        `${controlName} on a page`,
      ).toBe(true);
      await next.click();
    }
    const row = table.getByRole("row").filter({ hasText: controlName });
    await expectText(await visible(row), "reminded twice");
    await expectText(row, "2 weeks");
    const due = (await (await staff.request.get("/api/v1/follow-ups/due")).json()) as {
      items: { patientName: string }[];
    };
    expect(due.items.some((f) => f.patientName.includes(controlName))).toBe(true);
    expect(due.items.some((f) => f.patientName.includes(patient.family))).toBe(false);
    await staff.getByText(/^Open, not contacted/).click();
    await expect.poll(() => table.getByRole("row").filter({ hasText: controlName }).count()).toBe(0);
    await expectNoAxeViolations(staff, "the worklist's follow-ups");
  }, 120_000);

  it("a fever after the procedure shows urgent advice at once and puts an urgent task on the worklist", async () => {
    const page = await browser.open("phone", app.baseUrl);
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

    const staff = await browser.open("desktop", app.baseUrl);
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

  it("an administrator sets the clinic's time zone and emergency number on the settings page; a clinician has no such page", async () => {
    const admin = await browser.open("desktop", app.baseUrl);
    await signInAdmin(admin);
    await admin.goto("/patients");
    await admin.getByRole("link", { name: "Clinic settings" }).click();
    await expectHeading(admin, "Clinic settings");
    const zone = admin.getByRole("combobox", { name: "Time zone", exact: true });
    await zone.click();
    await zone.fill("Madrid");
    await admin.getByRole("option", { name: "Europe/Madrid" }).click();
    await expectText(admin, /Now there: .+ \(GMT\+[12]\)\. Diary reminders go out at 19:00/);
    await expectNoAxeViolations(admin, "clinic settings");
    await admin.getByRole("button", { name: "Save time zone" }).click();
    await expectText(admin, "Time zone set to Europe/Madrid.");
    const saved = await ok<{ timeZone: string }>(
      await admin.request.get(`${app.baseUrl}/api/v1/clinic`),
      "read the clinic",
    );
    expect(saved.timeZone).toBe("Europe/Madrid");
    await admin.reload();
    await expectHeading(admin, "Clinic settings");
    expect(await admin.getByRole("combobox", { name: "Time zone", exact: true }).inputValue()).toBe(
      "Europe/Madrid",
    );

    // The country gives the emergency number every patient text names: Spain's is 112.
    const country = admin.getByRole("combobox", { name: "Country", exact: true });
    await country.click();
    await country.fill("Spain");
    await admin.getByRole("option", { name: "Spain (ES)" }).click();
    await expectText(admin, "Patients are told to call 112 in an emergency.");
    await admin.getByRole("button", { name: "Save emergency number" }).click();
    await expectText(admin, "Patients are now told to call 112 in an emergency.");
    const number = await ok<{ country: string; effectiveEmergencyNumber: string }>(
      await admin.request.get(`${app.baseUrl}/api/v1/clinic`),
      "read the clinic",
    );
    expect(number).toMatchObject({ country: "ES", effectiveEmergencyNumber: "112" });
    await expectNoAxeViolations(admin, "clinic settings with the emergency number");

    const staff = await browser.open("desktop", app.baseUrl);
    await signInStaff(staff, CLINICIAN);
    await staff.goto("/patients");
    await expectHeading(staff, "Patients");
    expect(await staff.getByRole("link", { name: "Clinic settings" }).count()).toBe(0);
    await staff.goto("/settings");
    await staff.waitForURL((u) => !u.pathname.startsWith("/settings"));
  });
});
