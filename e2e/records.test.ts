/**
 * Correcting saved records in the browser: a clinician updates an adverse event (the outcome
 * and seriousness changed at follow-up) from the same form, prefilled, with a reason, and sees
 * the change in its history; then corrects a treatment's date and sees its follow-ups move. The
 * forms and the patient page stay axe-clean and work from the keyboard; a stale form is refused
 * with a message saying what to do.
 */
import type { APIRequestContext, Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import {
  expectFieldError,
  expectHeading,
  expectText,
  isoDaysFromToday,
  signInStaff,
  unique,
  useBrowser,
  visible,
} from "./app";
import { expectNoAxeViolations } from "./browser";

const browser = useBrowser();

async function ok<T>(res: Awaited<ReturnType<APIRequestContext["get"]>>, what: string): Promise<T> {
  if (!res.ok()) throw new Error(`${what}: HTTP ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
}

const event = (treatmentId: string) => ({
  kind: "infection",
  onsetDate: isoDaysFromToday(-4),
  severity: 2,
  seriousness: [],
  relatedness: "possible",
  expected: null,
  outcome: "recovering",
  actions: "Oral antibiotics",
  treatmentId,
});

/** A patient given an epidural injection 10 days ago, with an infection recorded after it. */
async function treatedPatient(page: Page) {
  const api = page.request;
  const base = inject("baseUrl");
  const p = await ok<{ id: string }>(
    await api.post(`${base}/api/v1/patients`, {
      data: {
        givenName: "Iris",
        familyName: `Moreau ${unique()}`,
        birthDate: "1975-06-01",
        sex: "female",
        invite: false,
        episode: { condition: "degenerative_disc_disease", spinalLevels: ["L4-L5"] },
      },
    }),
    "patient",
  );
  const t = await ok<{ id: string }>(
    await api.post(`${base}/api/v1/patients/${p.id}/treatments`, {
      data: { kind: "epidural_steroid_injection", date: isoDaysFromToday(-10) },
    }),
    "treatment",
  );
  const e = await ok<{ id: string }>(
    await api.post(`${base}/api/v1/patients/${p.id}/adverse-events`, { data: event(t.id) }),
    "adverse event",
  );
  return { patientId: p.id, treatmentId: t.id, eventId: e.id };
}

describe("correcting saved records", () => {
  it("updates an adverse event from its prefilled form, with a reason, and shows the history", async () => {
    const page = await browser.open("desktop");
    await signInStaff(page);
    const { patientId } = await treatedPatient(page);
    await page.goto(`/patients/${patientId}`);
    const events = page.getByRole("region", { name: "Adverse events" });
    await (await visible(events.getByRole("button", { name: /^Update infection/ }))).click();
    const form = page.getByRole("dialog", { name: "Update adverse event" });
    await expectText(form, "Reason for the change");
    expect(await form.getByLabel("Outcome").inputValue()).toBe("recovering");
    expect(await form.getByLabel("Actions taken").inputValue()).toBe("Oral antibiotics");
    await expectNoAxeViolations(page, "adverse-event update form");

    // Without a reason nothing is saved, and the field says why.
    await form.getByLabel("Outcome").selectOption("recovered");
    await form.getByRole("button", { name: "Save update" }).click();
    await expectFieldError(form.getByLabel("Reason for the change"), /required/i);

    // Upgraded to serious and unexpected: the clock preview counts from today.
    await form.getByLabel("Outcome").selectOption("recovering");
    await form.getByLabel("Severity (CTCAE grade)").selectOption("3");
    await form.getByRole("checkbox", { name: "Requires or prolongs hospitalisation" }).check();
    await form.getByLabel(/^Expected/).selectOption("no");
    await expectText(form, /counted from today, the day it became known to qualify/);
    await form.getByLabel("Reason for the change").fill("Readmitted with a deep wound infection");
    await form.getByRole("button", { name: "Save update" }).click();
    await form.waitFor({ state: "hidden" });

    await expectText(events, /CTCAE grade 3 · serious \(hospitalisation\)/);
    await expectText(events, "Report due");
    const toggle = await visible(events.getByRole("button", { name: "History: 1 change" }));
    expect(await toggle.getAttribute("aria-expanded")).toBe("false");
    // From the keyboard.
    await toggle.focus();
    await page.keyboard.press("Enter");
    await expectText(events, "Reason: Readmitted with a deep wound infection");
    await expectText(events, /CTCAE grade 2 → 3/);
    await expectText(events, /seriousness none → hospitalisation/);
    await expectNoAxeViolations(page, "patient page with an event's history");
  });

  it("refuses an update made from a form opened before someone else's change", async () => {
    const page = await browser.open("desktop");
    await signInStaff(page);
    const { patientId, treatmentId, eventId } = await treatedPatient(page);
    await page.goto(`/patients/${patientId}`);
    const events = page.getByRole("region", { name: "Adverse events" });
    await (await visible(events.getByRole("button", { name: /^Update infection/ }))).click();
    const form = page.getByRole("dialog", { name: "Update adverse event" });
    await visible(form.getByLabel("Reason for the change"));
    // A colleague saves a change meanwhile.
    await ok(
      await page.request.put(`${inject("baseUrl")}/api/v1/adverse-events/${eventId}`, {
        data: { ...event(treatmentId), outcome: "recovered", version: 1, reason: "Healed" },
      }),
      "colleague's update",
    );
    await form.getByLabel("Actions taken").fill("Oral antibiotics, 7 days");
    await form.getByLabel("Reason for the change").fill("Course length");
    await form.getByRole("button", { name: "Save update" }).click();
    await expectText(form, /Someone changed this event after you opened it/);
  });

  it("corrects a treatment's date and moves its follow-ups, on a phone", async () => {
    const page = await browser.open("phone");
    await signInStaff(page);
    const { patientId } = await treatedPatient(page);
    await page.goto(`/patients/${patientId}`);
    await expectHeading(page, /Iris Moreau/);
    const treatments = page.getByRole("region", { name: "Treatments" });
    await (
      await visible(treatments.getByRole("button", { name: /^Correct Epidural steroid injection/ }))
    ).click();
    const form = page.getByRole("dialog", { name: "Correct treatment" });
    expect(await form.getByLabel("Date").inputValue()).toBe(isoDaysFromToday(-10));
    await expectNoAxeViolations(page, "treatment correction form");
    await form.getByLabel("Date").fill(isoDaysFromToday(-12));
    await form.getByLabel("Reason for the correction").fill("Date taken from the procedure log");
    await form.getByRole("button", { name: "Save correction" }).click();
    await form.waitFor({ state: "hidden" });
    await expectText(page, /Follow-ups moved to fit/);

    const detail = await ok<{ followUps: { timepoint: string; dueDate: string }[] }>(
      await page.request.get(`${inject("baseUrl")}/api/v1/patients/${patientId}`),
      "patient",
    );
    expect(detail.followUps.find((f) => f.timepoint === "2w")?.dueDate).toBe(isoDaysFromToday(2));
    await (await visible(treatments.getByRole("button", { name: "History: 1 change" }))).click();
    await expectText(treatments, "Reason: Date taken from the procedure log");
    await expectNoAxeViolations(page, "patient page with a treatment's history");
  });
});
