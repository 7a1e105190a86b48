/**
 * "Not sure" is never a no, in the browser: a patient on a phone answers "Not sure" to the bladder
 * question, in English and in Spanish, and is told to call the clinic now and to go to an
 * emergency department or call the clinic's emergency number if the sign is there (one tap away),
 * with the question listed; the clinic gets an urgent task due the same day (4 hours), and the
 * clinician sees which answer raised the flag and must write what was done to review it.
 */
import { intakeQuestions, intakeQuestionsEs, SAME_DAY_HOURS } from "@evident/domain/triage";
import { describe, expect, it } from "vitest";
import { expectHeading, expectNoSideways, expectText, signInStaff, useBrowser, visible } from "./app";
import { expectNoAxeViolations } from "./browser";
import { answerIntake, portalPatient } from "./intake";

type Task = { priority: string; kind: string; dueAt: string | null };

const words = {
  en: {
    send: "Send my answers",
    heading: "Call your clinic now",
    call: (n: string) => `Call ${n} now`,
    advice: (n: string) => `go to an emergency department now or call ${n}.`,
    question: intakeQuestions.find((q) => q.id === "bladderDysfunction")!.text,
  },
  es: {
    send: "Enviar mis respuestas",
    heading: "Llame a su clínica ahora",
    call: (n: string) => `Llame al ${n} ahora`,
    advice: (n: string) => `vaya a urgencias ahora o llame al ${n}.`,
    question: intakeQuestionsEs.bladderDysfunction.text,
  },
} as const;

describe("not sure about the bladder, on a phone", () => {
  const browser = useBrowser();

  it.each([
    "en",
    "es",
  ] as const)("%s: call-now advice with the clinic's emergency number; the clinic's task is due the same day", async (lang) => {
    const w = words[lang];
    const staff = await browser.open("desktop");
    await signInStaff(staff);
    const clinic = (await (await staff.request.get("/api/v1/clinic")).json()) as {
      effectiveEmergencyNumber: string;
    };
    const n = clinic.effectiveEmergencyNumber;
    const page = await browser.open("phone");
    const patientId = await portalPatient(staff, page);

    await page.goto("/portal");
    if (lang === "es") await page.getByText("Español", { exact: true }).click();
    await page.goto("/portal/intake");
    await answerIntake(page, { weeks: 10, yes: [], unsure: ["bladderDysfunction"], lang });
    await page.getByRole("button", { name: w.send }).click();

    // Call the clinic now; if the sign is there, an emergency department or the emergency number.
    await expectHeading(page, w.heading);
    const advice = page.getByTestId("intake-advice");
    await expectText(advice, w.advice(n));
    expect(await page.getByRole("link", { name: w.call(n) }).getAttribute("href")).toBe(`tel:${n}`);
    await expectText(page.getByTestId("unsure-questions"), w.question);
    await expectNoSideways(page);
    await expectNoAxeViolations(page, `the not-sure advice (${lang})`);

    // The clinic: an urgent task due 4 hours after the intake was sent.
    const { latest } = (await (await page.request.get("/api/v1/portal/intake")).json()) as {
      latest: { submittedAt: string };
    };
    const tasks = (await (await staff.request.get(`/api/v1/tasks?patientId=${patientId}`)).json()) as {
      items: Task[];
    };
    expect(tasks.items).toEqual([expect.objectContaining({ priority: "urgent", kind: "triage_urgent" })]);
    const [task] = tasks.items;
    expect((Date.parse(task!.dueAt!) - Date.parse(latest.submittedAt)) / 3_600_000).toBe(SAME_DAY_HOURS);

    // The clinician sees which answer raised it, and must say what was done to review it.
    await staff.goto(`/patients/${patientId}`);
    const triage = staff.getByRole("region", { name: "Red-flag triage" });
    await expectText(triage, "Not sure about: bladder dysfunction.");
    await expectText(triage, "Raised by: bladder dysfunction — not sure. Due within 4 hours.");
    await triage.getByRole("button", { name: "Mark triage reviewed" }).click();
    await expectText(triage, "Say what was done before marking the triage reviewed.");
    await triage.getByLabel(/Review note/).fill("Called: bladder normal; seen tomorrow in clinic");
    await triage.getByRole("button", { name: "Mark triage reviewed" }).click();
    await visible(triage.getByText(/Reviewed by .*: Called: bladder normal/));
  });
});
