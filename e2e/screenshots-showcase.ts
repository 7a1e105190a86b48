/**
 * The default screenshot run's own pictures (screenshots.ts without `--only`): the staff sign-in,
 * patient list and page of a showcase patient (from the demo data, or made now), record treatment,
 * add patient, messages, the patient page on a phone, the portal's home and a questionnaire screen
 * by screen on a phone (and as one form on a computer), the portal in Spanish, and the clinic's
 * questionnaires as the administrator. The other areas run beside it from their own files.
 */
import type { APIRequestContext, Browser, Page } from "playwright-core";
import { signInAdmin } from "./admin";
import { passSafetyQuestions } from "./intake";
import { linkTokenFor, mailFolder } from "./mail";
import { answerUntil, ok, opener, type Shoot, staffPage } from "./screenshots-kit";

type Patient = {
  id: string;
  email: string | null;
  responses: unknown[];
  treatments: unknown[];
  followUps: { id: string; status: string }[];
};

const isoDaysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

/** A patient with answers, a treatment and follow-ups: from the demo data, or made now. */
export async function showcasePatient(api: APIRequestContext, base: string): Promise<string> {
  const list = await ok<{ items: { id: string }[] }>(
    await api.get(`${base}/api/v1/patients?limit=60`),
    "list",
  );
  let best: { id: string; weight: number } | null = null;
  for (const p of list.items) {
    const d = await ok<Patient>(await api.get(`${base}/api/v1/patients/${p.id}`), "patient");
    const weight = d.responses.length * 2 + d.treatments.length;
    if (d.treatments.length > 0 && (!best || weight > best.weight)) best = { id: d.id, weight };
  }
  if (best && best.weight >= 6) return best.id;

  const created = await ok<Patient>(
    await api.post(`${base}/api/v1/patients`, {
      data: {
        givenName: "Rosa",
        familyName: `Álvarez ${Date.now().toString(36).slice(-4)}`,
        birthDate: "1967-09-14",
        sex: "female",
        mrn: `SHOW-${Date.now().toString(36)}`,
        phone: "+44 20 7946 0321",
        episode: {
          condition: "degenerative_disc_disease",
          spinalLevels: ["L4-L5", "L5-S1"],
          onsetDate: "2024-03-01",
        },
        invite: false,
      },
    }),
    "create",
  );
  const odi = (v: number) =>
    Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`odi_${i + 1}`, i === 7 ? null : v]));
  await ok(
    await api.post(`${base}/api/v1/patients/${created.id}/responses`, {
      data: {
        responses: [
          { instrument: "nrs_back", answers: { nrs_back: 8 } },
          { instrument: "odi", answers: odi(3) },
        ],
      },
    }),
    "baseline",
  );
  await ok(
    await api.post(`${base}/api/v1/patients/${created.id}/treatments`, {
      data: {
        kind: "bone_marrow_concentrate",
        date: isoDaysAgo(13),
        notes: "Iliac crest aspirate, L4-L5 intradiscal.",
        // Given before the clinic used Evident's candidacy checklist.
        candidacyOverride: { reason: "Assessed by the referring spine surgeon before the injection" },
      },
    }),
    "treatment",
  );
  const d = await ok<Patient>(await api.get(`${base}/api/v1/patients/${created.id}`), "patient");
  const open = d.followUps.find((f) => f.status === "open");
  if (open)
    await ok(
      await api.post(`${base}/api/v1/patients/${created.id}/responses`, {
        data: {
          followUpId: open.id,
          responses: [
            { instrument: "nrs_back", answers: { nrs_back: 5 } },
            { instrument: "odi", answers: odi(2) },
          ],
        },
      }),
      "2 weeks",
    );
  return created.id;
}

/** Signs a phone-sized page in as a patient with something due: the demo one, or a new one. */
async function portalPatient(
  page: Page,
  staff: APIRequestContext,
  base: string,
  password: string,
): Promise<void> {
  const demo = await page.request.post(`${base}/api/v1/auth/patient/sign-in`, {
    data: { email: "patient@demo.evident.test", password },
  });
  if (demo.ok()) {
    const home = await ok<{ due: unknown[] }>(await page.request.get(`${base}/api/v1/portal/home`), "home");
    if (home.due.length > 0) return;
  }
  const email = `sam.${Date.now().toString(36)}@example.test`;
  await ok(
    await staff.post(`${base}/api/v1/patients`, {
      data: {
        givenName: "Sam",
        familyName: "Okonkwo",
        birthDate: "1979-02-03",
        sex: "male",
        email,
        episode: { condition: "disc_herniation_sciatica", spinalLevels: ["L5-S1"] },
      },
    }),
    "portal patient",
  );
  const token = await linkTokenFor(email);
  await ok(
    await page.request.post(`${base}/api/v1/invitations/accept`, {
      data: { token, password: "a long screenshot password" },
    }),
    "accept",
  );
  await passSafetyQuestions(page, base);
}

type Who = { clinician: string; password: string };

/** The staff side: sign-in, patient list and page, record treatment, add patient, messages, the page on a phone. */
export async function staffShowcaseScreenshots(browser: Browser, base: string, shoot: Shoot, who: Who) {
  const open = opener(browser, base);
  const signIn = await open("desktop");
  await signIn.goto("/sign-in");
  await shoot(signIn, "staff-sign-in", false);

  const desk = await staffPage(browser, base, "desktop", who.clinician, who.password);
  const patientId = await showcasePatient(desk.request, base);
  await desk.goto("/patients");
  await desk.getByRole("heading", { name: "Patients", level: 1 }).waitFor();
  await shoot(desk, "clinic-patient-list-desktop", false);
  await desk.goto(`/patients/${patientId}`);
  await desk.getByRole("heading", { name: "Follow-ups" }).waitFor();
  await shoot(desk, "patient-page-desktop");
  await desk.getByRole("button", { name: "Record treatment" }).click();
  await desk.getByRole("dialog").getByLabel("Treatment").selectOption("adipose_derived_cells");
  await shoot(desk, "record-treatment-desktop", false);
  await desk.goto("/patients/new");
  await desk.getByRole("heading", { name: "Add patient" }).waitFor();
  await shoot(desk, "add-patient-desktop");
  // An empty outbox makes a dull picture: invite the showcase patient so there is a message.
  const outbox = await ok<{ items: unknown[] }>(await desk.request.get(`${base}/api/v1/outbox`), "outbox");
  if (outbox.items.length === 0) {
    const p = await ok<Patient>(await desk.request.get(`${base}/api/v1/patients/${patientId}`), "patient");
    await ok(
      await desk.request.post(`${base}/api/v1/patients/${patientId}/invitations`, {
        data: p.email ? {} : { email: "showcase.patient@example.test" },
      }),
      "invite",
    );
  }
  await desk.goto("/messages");
  await desk.getByRole("heading", { name: "Messages", level: 1 }).waitFor();
  await shoot(desk, "messages-desktop", false);
  const phone = await staffPage(browser, base, "phone", who.clinician, who.password);
  await phone.goto(`/patients/${patientId}`);
  await phone.getByRole("heading", { name: "Follow-ups" }).waitFor();
  await shoot(phone, "patient-page-phone");
}

/** The portal side: home, a questionnaire screen by screen on a phone and as one form on a computer, Spanish, and the clinic's questionnaires. */
export async function portalShowcaseScreenshots(browser: Browser, base: string, shoot: Shoot, who: Who) {
  const open = opener(browser, base);
  const desk = await staffPage(browser, base, "desktop", who.clinician, who.password);
  const portal = await open("phone");
  await portalPatient(portal, desk.request, base, who.password);
  await portal.goto("/portal");
  await portal.getByRole("heading", { name: "To do now" }).waitFor();
  await shoot(portal, "portal-home-phone");
  // On a computer the same questionnaire is one form (shot before the phone leaves a draft).
  const portalDesk = await open("desktop");
  await portalDesk.context().addCookies(await portal.context().cookies());
  await portalDesk.goto("/portal");
  await portalDesk
    .getByRole("link", { name: /^Start: / })
    .first()
    .click();
  await portalDesk
    .getByText(/answered$/)
    .first()
    .waitFor();
  await shoot(portalDesk, "questionnaire-form-desktop", false);
  await portal
    .getByRole("link", { name: /^Start: / })
    .first()
    .click();
  await portal.getByText("Question 1 of").waitFor();
  await portal.getByRole("radio", { name: "6", exact: true }).check();
  await shoot(portal, "questionnaire-pain-phone");
  await portal.getByRole("button", { name: "Next" }).click();
  await answerUntil(portal, () => portal.getByText(/^Part 1 of 10$/).count());
  await portal.getByRole("main").getByRole("radio").nth(1).check();
  await shoot(portal, "questionnaire-odi-phone");
  await answerUntil(portal, () => portal.getByText("Anxiety · past 7 days").count());
  await portal.getByRole("main").getByRole("radio").nth(1).check();
  await shoot(portal, "questionnaire-promis-phone");
  await answerUntil(portal, () => portal.getByRole("main").getByRole("slider").count());
  // Before it is touched the VAS shows no answer (not a thumb at 50), and says so.
  await shoot(portal, "questionnaire-eq-vas-unanswered-phone");
  await portal.getByRole("main").getByRole("textbox").fill("65");
  await shoot(portal, "questionnaire-eq-vas-phone");
  await answerUntil(portal, () => portal.getByRole("heading", { name: "Check your answers" }).count());
  await shoot(portal, "questionnaire-review-phone");

  // In Spanish the portal's own words are translated; the questions await a licensed translation.
  await portal.evaluate(() => localStorage.setItem("evident.portal.language", "es"));
  await portal.goto("/portal");
  await portal.waitForLoadState("networkidle");
  await shoot(portal, "portal-home-es-phone");

  // The clinic's questionnaires: licence terms and the measurement plan, as the administrator.
  const admin = await open("desktop");
  await signInAdmin(admin, base, mailFolder());
  await admin.goto("/questionnaires");
  await admin.getByRole("heading", { name: "Questionnaires", level: 1 }).waitFor();
  await shoot(admin, "questionnaires-desktop");
}
