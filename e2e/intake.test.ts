/**
 * The safety questions (red-flag intake) in the browser. For every emergency rule, a patient
 * answers on a phone and the portal stops: it shows only what to do now, on the result page and
 * on the portal home, while the clinic gets an emergency task and a message. A patient with no
 * red flag goes on to the choices of care; the clinician sees the queue, the flags with their
 * sources and reviews the triage, which closes the task.
 */
import { triageRules } from "@evident/domain/triage";
import { describe, expect, it } from "vitest";
import { expectHeading, expectNoSideways, expectText, signInStaff, unique, useBrowser, visible } from "./app";
import { expectNoAxeViolations } from "./browser";
import { answerIntake, calmIntake, portalPatient } from "./intake";

type Task = { patientId: string | null; priority: string; kind: string; title: string };

/** The answers (yes) that make a rule fire: all of its terms and the first of its alternatives. */
function yesFor(rule: (typeof triageRules)[number]): string[] {
  const terms = [...rule.trigger.all, ...(rule.trigger.any ? [rule.trigger.any[0]!] : [])];
  return terms.flatMap((t) => (typeof t === "string" ? [t] : []));
}

describe("an emergency at intake stops the portal and tells the clinic", () => {
  const browser = useBrowser();
  const emergencies = triageRules.filter((r) => r.tier === "emergency");

  it.each(emergencies.map((r) => [r.id, r] as const))("%s", async (_id, rule) => {
    const staff = await browser.open("desktop");
    await signInStaff(staff);
    const page = await browser.open("phone");
    const patientId = await portalPatient(staff, page);

    await page.goto("/portal");
    await page.getByRole("link", { name: "Begin safety questions" }).click();
    await expectHeading(page, "Safety questions");
    await answerIntake(page, { weeks: 20, yes: yesFor(rule) });
    await page.getByRole("button", { name: "Send my answers" }).click();

    // Only what to do now: the emergency heading, the call button, why; nothing to go on to.
    await expectHeading(page, "Get help now");
    await expectText(page, /Go to an emergency department now/);
    expect(await page.getByRole("link", { name: "Call 911 now" }).getAttribute("href")).toBe("tel:911");
    const main = page.getByRole("main");
    // The call, and after it the page on warning signs (library.test.ts); nothing to go on to.
    expect(await main.getByRole("link").allTextContents()).toEqual([
      "Call 911 now",
      "Read about warning signs",
    ]);
    expect(await main.getByRole("button").count()).toBe(0);
    // Coming back to the portal shows the same, not the questionnaires.
    await page.goto("/portal");
    await expectHeading(page, "Get help now");
    expect(await main.getByRole("link", { name: /^Start|safety questions/ }).count()).toBe(0);

    // The clinic is told: an emergency task for this patient, and a message to its clinicians.
    const tasks = (await (await staff.request.get(`/api/v1/tasks?patientId=${patientId}`)).json()) as {
      items: Task[];
    };
    expect(tasks.items).toEqual([
      expect.objectContaining({ priority: "emergency", kind: "triage_emergency" }),
    ]);
    const outbox = (await (await staff.request.get("/api/v1/outbox")).json()) as {
      items: { kind: string; patientId: string | null }[];
    };
    expect(
      outbox.items.filter((m) => m.patientId === patientId && m.kind === "triage-emergency").length,
    ).toBeGreaterThan(0);
  });
});

describe("safety answers entered by staff", () => {
  const browser = useBrowser();

  it("a coordinator enters an emergency from a phone call: told what to say, the clinic told, procedures held", async () => {
    const staff = await browser.open("desktop");
    await signInStaff(staff, "coordinator@demo.evident.test");
    const family = `Desk-${unique()}`;
    const created = await staff.request.post("/api/v1/patients", {
      data: {
        givenName: "Rosa",
        familyName: family,
        birthDate: "1961-07-07",
        episode: { condition: "other" },
      },
    });
    expect(created.status()).toBe(201);
    const patientId = ((await created.json()) as { id: string }).id;

    await staff.goto(`/patients/${patientId}`);
    const triage = staff.getByRole("region", { name: "Red-flag triage" });
    await expectText(triage, "The patient has not answered the safety questions yet");
    await triage.getByRole("button", { name: "Enter safety answers" }).click();
    const dialog = staff.getByRole("dialog", { name: "Safety questions for the patient" });
    await expectText(dialog, "Read each question to the patient");
    await dialog.getByRole("button", { name: "Save the patient's answers" }).click();
    await expectText(dialog, "26 questions have no answer yet. They are marked below.");
    await expectNoAxeViolations(staff, "the staff safety questions form");
    await answerIntake(staff, { weeks: 1, yes: ["saddleNumbness"] }, dialog);
    await dialog.getByRole("button", { name: "Save the patient's answers" }).click();
    await expectText(dialog, "Tell the patient now");
    await expectText(dialog, /Go to an emergency department now/);
    await expectNoAxeViolations(staff, "the staff intake's result");
    await dialog.getByRole("button", { name: "Done" }).click();

    await expectText(triage, "entered by Sam Okafor for the patient");
    await expectText(triage, "Cauda equina syndrome");
    await expectText(staff, "Elective procedures on hold");
    const tasks = (await (await staff.request.get(`/api/v1/tasks?patientId=${patientId}`)).json()) as {
      items: Task[];
    };
    expect(tasks.items).toEqual([
      expect.objectContaining({ priority: "emergency", kind: "triage_emergency" }),
    ]);
  });
});

describe("the safety questions", () => {
  const browser = useBrowser();

  it("names each unanswered question, and with no red flag opens the choices of care", async () => {
    const staff = await browser.open("desktop");
    await signInStaff(staff);
    const page = await browser.open("phone");
    await portalPatient(staff, page);
    await page.goto("/portal/intake");
    await expectHeading(page, "Safety questions");
    await expectNoAxeViolations(page, "the safety questions");
    await expectNoSideways(page);
    await page.getByRole("button", { name: "Send my answers" }).click();
    await expectText(page, "26 questions have no answer yet. They are marked below.");
    await answerIntake(page, { weeks: 30, yes: [] });
    await page.getByRole("button", { name: "Send my answers" }).click();
    await expectHeading(page, "No warning signs");
    await expectNoAxeViolations(page, "the advice after the safety questions");
    await visible(page.getByRole("link", { name: "See your choices" }));
  });

  it("puts an emergency before an urgent flag in the worklist's triage queue; the review clears it and lifts the hold", async () => {
    const staff = await browser.open("desktop");
    await signInStaff(staff);
    const page = await browser.open("phone");
    const family = `Queue-${unique()}`;
    const patientId = await portalPatient(staff, page, family);
    await page.goto("/portal/intake");
    await answerIntake(page, { weeks: 3, yes: ["bladderDysfunction"] });
    await page.getByRole("button", { name: "Send my answers" }).click();
    await expectHeading(page, "Get help now");

    // An urgent one too, so the queue's check covers both tiers' badges and their order.
    const other = await browser.open("phone");
    const otherFamily = `Queue-${unique()}`;
    await portalPatient(staff, other, otherFamily);
    const urgent = await other.request.post("/api/v1/portal/intake", {
      data: { answers: calmIntake({ painDurationWeeks: 5, cancerHistory: true }) },
    });
    expect(urgent.status()).toBe(201);

    // The worklist's Triage view. Other tests leave their own red flags in this shared queue, so
    // every check is about these two patients' items, wherever they are in it.
    // Opened afresh: a clinician signed in while other flags waited started on this queue, and a
    // queue already open refreshes each minute.
    await staff.goto("/worklist");
    await expectHeading(staff, "Worklist");
    await staff.getByRole("tab", { name: /^Triage/ }).click();
    await expectHeading(staff, "Triage queue", 2);
    const queue = staff.getByRole("list", { name: "Triage queue" });
    const mine = queue.getByRole("listitem").filter({ hasText: family });
    const theirs = queue.getByRole("listitem").filter({ hasText: otherFamily });
    await expectText(await visible(mine), "Emergency");
    await expectText(mine, /Due|Overdue/);
    await expectText(await visible(theirs), "Urgent");
    await expectText(theirs, /Due /);
    const titles = await queue.getByRole("listitem").allTextContents();
    const at = (name: string) => titles.findIndex((t) => t.includes(name));
    expect(at(family)).toBeGreaterThanOrEqual(0);
    expect(at(family)).toBeLessThan(at(otherFamily));
    await expectNoAxeViolations(staff, "the triage queue");
    await mine.getByRole("link", { name: /Review on the patient page/ }).click();
    await staff.waitForURL(`**/patients/${patientId}`);
    await expectText(staff, "Elective procedures on hold");
    const triage = staff.getByRole("region", { name: "Red-flag triage" });
    await expectText(triage, "Cauda equina syndrome");
    await expectText(triage, /Source: .*NICE/);
    await expectNoAxeViolations(staff, "the patient page with a red flag");
    await triage.getByLabel("Review note").fill("Seen in the emergency department; MRI clear");
    await triage.getByRole("button", { name: "Mark triage reviewed" }).click();
    await expectText(triage, /Reviewed by .*: Seen in the emergency department; MRI clear/);
    expect(await staff.getByText("Elective procedures on hold").count()).toBe(0);

    const tasks = (await (await staff.request.get(`/api/v1/tasks?patientId=${patientId}`)).json()) as {
      items: Task[];
    };
    expect(tasks.items).toEqual([]);
    await page.goto("/portal");
    await expectHeading(page, /^Hello/);
  });

  it("a clinician signing in while a red flag waits lands on the triage queue; a coordinator, who does not review flags, on the patients", async () => {
    const staff = await browser.open("desktop");
    await signInStaff(staff);
    const page = await browser.open("phone");
    await portalPatient(staff, page);
    const flagged = await page.request.post("/api/v1/portal/intake", {
      data: { answers: calmIntake({ painDurationWeeks: 5, cancerHistory: true }) },
    });
    expect(flagged.status()).toBe(201);

    const clinician = await browser.open("desktop");
    await signInStaff(clinician);
    await clinician.waitForURL(/\/worklist\?view=triage$/);
    await expectHeading(clinician, "Triage queue", 2);
    const coordinator = await browser.open("desktop");
    await signInStaff(coordinator, "coordinator@demo.evident.test");
    await coordinator.waitForURL(/\/patients$/);
    await expectHeading(coordinator, "Patients");
  });

  it("keeps one worklist: the old tasks address opens its task view, and the menu has no second entry", async () => {
    const staff = await browser.open("desktop");
    await signInStaff(staff);
    await staff.goto("/tasks");
    await staff.waitForURL(/\/worklist\?view=tasks$/);
    await expectHeading(staff, "Worklist");
    expect(await staff.getByRole("tab", { name: "All tasks" }).getAttribute("aria-selected")).toBe("true");
    expect(await staff.getByRole("navigation").getByRole("link", { name: "Tasks" }).count()).toBe(0);
    await expectNoAxeViolations(staff, "the worklist's task view");
  });
});
