/**
 * Takes the screenshots in docs/screenshots from a running app (not part of the test suite):
 *
 *   BASE_URL=http://127.0.0.1:3000 MAIL_DIR=… npx tsx e2e/screenshots.ts [--only outcomes]
 *
 * MAIL_DIR is the folder where the app's SMTP server files what it receives (`startMailServer` in
 * mail.ts; `npx tsx e2e/run-app.ts` starts an app with one and prints both): invitation links
 * are only ever in the e-mail, and the admin's two-step sign-in secret is kept there.
 *
 * Signs in as the demo clinician. The outcomes page's shots are in screenshots-outcomes.ts (clinic
 * benchmarking's, `--only benchmarks`, in screenshots-benchmarks.ts; the cohort panel and a
 * filtered report, `--only cohorts`, in screenshots-cohorts.ts), the care
 * pathway's (`--only pathway`; the recovery timeline of two pathways alone: `--only recovery`; the
 * worklist and a demo patient as `npm start` shows them: `--only demo`; an exercise programme on
 * the recovery page: `--only programme`) in
 * screenshots-pathway.ts, and the safety questions', triage,
 * candidacy and decision aid's (`--only intake`; the decision aid in Spanish alone: `--only aid-es`;
 * "Not sure" about an emergency sign on a phone, in English and Spanish: `--only unsure`)
 * in screenshots-intake.ts, the decision aid's glance table and balanced figures (`--only aid`) in
 * screenshots-aid.ts, and correcting saved
 * records (`--only records`) in screenshots-records.ts, the candidacy gate and the answers a
 * follow-up already holds (`--only gate`) in screenshots-gate.ts, the Messages page with a withdrawn
 * follow-up message (`--only messages`) in screenshots-messages.ts, the decision aid's clinic
 * figure with its counts and missing-data range (`--only numbers`) in screenshots-numbers.ts, the
 * patient page's imaging change per level (`--only imaging`) in screenshots-imaging.ts, the
 * Audit trail page (`--only audit`) in screenshots-audit.ts, the Data quality page (`--only
 * quality`) in screenshots-quality.ts, the research export page (`--only research`) in
 * screenshots-research.ts, the portal sign-in and a first
 * question (`--only portal`) in screenshots-portal.ts, the education library (`--only library`) in
 * screenshots-library.ts, the consent flow on a phone (`--only consent`) in screenshots-consent.ts,
 * the progress report's first page as PNG (`--only report`) in screenshots-report.ts,
 * a patient's story in the decision aid on a phone (`--only stories`) in screenshots-stories.ts,
 * a clinic's public track record and its Settings card (`--only track-record`) in
 * screenshots-track-record.ts, the clinic's FHIR API clients (`--only
 * fhir-clients`, which also needs DATA_DIR) in screenshots-fhir.ts. Uses the demo data when
 * there is some (a patient with answers,
 * the demo portal patient); otherwise it creates a showcase patient through the API first.
 */
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { APIRequestContext, Page } from "playwright-core";
import { signInAdmin } from "./admin";
import { launchBrowser, newContext, type ViewportName } from "./browser";
import { portalPatient as newPortalPatient, passSafetyQuestions } from "./intake";
import { linkTokenFor, mailFolder } from "./mail";
import { aidScreenshots } from "./screenshots-aid";
import { auditScreenshots } from "./screenshots-audit";
import { benchmarkScreenshots } from "./screenshots-benchmarks";
import { cohortScreenshots } from "./screenshots-cohorts";
import { consentScreenshots } from "./screenshots-consent";
import { fhirClientScreenshots } from "./screenshots-fhir";
import { gateScreenshots } from "./screenshots-gate";
import { imagingScreenshots } from "./screenshots-imaging";
import { intakeScreenshots, spanishAidScreenshots, unsureScreenshots } from "./screenshots-intake";
import { libraryScreenshots } from "./screenshots-library";
import { messageScreenshots } from "./screenshots-messages";
import { clinicFigureScreenshots } from "./screenshots-numbers";
import { outcomeScreenshots } from "./screenshots-outcomes";
import { pathwayScreenshots, recoveryScreenshots } from "./screenshots-pathway";
import { portalScreenshots } from "./screenshots-portal";
import { qualityScreenshots } from "./screenshots-quality";
import { recordScreenshots } from "./screenshots-records";
import { reportScreenshots } from "./screenshots-report";
import { researchScreenshots } from "./screenshots-research";
import { storyScreenshots } from "./screenshots-stories";
import { trackRecordScreenshots } from "./screenshots-track-record";

const base = (process.env.BASE_URL ?? "http://localhost:3000").replace(/\/$/, "");
const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "docs", "screenshots");
const PASSWORD = "evident-demo-password";
const CLINICIAN = "clinician@demo.evident.test";
const RESEARCHER = "researcher@demo.evident.test";
const ADMIN = "admin@demo.evident.test";
const only = process.argv.includes("--only") ? process.argv[process.argv.indexOf("--only") + 1] : null;

type Patient = {
  id: string;
  email: string | null;
  responses: unknown[];
  treatments: unknown[];
  followUps: { id: string; status: string }[];
};

const isoDaysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

async function ok<T>(res: Awaited<ReturnType<APIRequestContext["get"]>>, what: string): Promise<T> {
  if (!res.ok()) throw new Error(`${what}: HTTP ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
}

/** Full-page shot with the window as tall as the page, so fixed parts (the sidebar) reach the end. */
async function shoot(page: Page, name: string, full = true) {
  await page.waitForLoadState("networkidle");
  await page.waitForTimeout(400);
  if (full) {
    const size = page.viewportSize();
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    if (size) await page.setViewportSize({ width: size.width, height: Math.min(height, 4000) });
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(out, `${name}.png`) });
    if (size) await page.setViewportSize(size);
  } else {
    await page.screenshot({ path: path.join(out, `${name}.png`) });
  }
  console.log(`  ${name}.png`);
}

/**
 * Answers the phone form's questions one screen at a time (the second choice, 5 on a 0–10 scale,
 * 50 on the 0–100 rating) until `reached` finds what the next picture needs.
 */
async function answerUntil(page: Page, reached: () => Promise<number>) {
  const main = page.getByRole("main");
  for (let i = 0; i < 80 && !(await reached()); i++) {
    const label = await page.locator("#progress-label").textContent();
    if (await main.getByRole("slider").count()) await main.getByRole("textbox").fill("50");
    else if ((await main.getByRole("radio").count()) === 11)
      await main.getByRole("radio", { name: /^5(,|$)/ }).check();
    else await main.getByRole("radio").nth(1).check();
    await main.getByRole("button", { name: "Next" }).click();
    await page.waitForFunction(
      (before) => document.querySelector("#progress-label")?.textContent !== before,
      label,
    );
  }
  if (!(await reached())) throw new Error("the questionnaire never reached the screen wanted");
}

/** A patient with answers, a treatment and follow-ups: from the demo data, or made now. */
async function showcasePatient(api: APIRequestContext): Promise<string> {
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
async function portalPatient(page: Page, staff: APIRequestContext): Promise<void> {
  const demo = await page.request.post(`${base}/api/v1/auth/patient/sign-in`, {
    data: { email: "patient@demo.evident.test", password: PASSWORD },
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

async function main() {
  await mkdir(out, { recursive: true });
  const browser = await launchBrowser(process.env.CHROMIUM_PATH ?? "/usr/bin/chromium");
  const open = async (size: ViewportName) => (await newContext(browser, base, size)).newPage();
  console.log(`screenshots of ${base} into ${path.relative(process.cwd(), out)}`);
  try {
    if (only === "pathway") {
      await pathwayScreenshots(browser, base, shoot, {
        clinician: CLINICIAN,
        admin: "admin@demo.evident.test",
        password: PASSWORD,
      });
      return;
    }
    if (only === "demo") {
      // What `npm start` shows: the worklist, and the demo patient whose serious, unexpected
      // event has its reporting clock running (MRN DSC-000002), with imaging and a diary.
      const desk = await open("desktop");
      await ok(
        await desk.request.post(`${base}/api/v1/auth/staff/sign-in`, {
          data: { email: CLINICIAN, password: PASSWORD },
        }),
        "staff sign-in",
      );
      await desk.goto("/worklist");
      await desk.getByRole("heading", { name: "Worklist", level: 1 }).waitFor();
      await shoot(desk, "worklist-demo-desktop");
      await desk.goto("/worklist?view=follow-ups");
      await desk.getByRole("heading", { name: "Follow-ups due", level: 2 }).waitFor();
      await shoot(desk, "worklist-follow-ups-desktop");
      const phone = await open("phone");
      await phone.request.post(`${base}/api/v1/auth/staff/sign-in`, {
        data: { email: CLINICIAN, password: PASSWORD },
      });
      await phone.goto("/worklist");
      await phone.getByRole("heading", { name: "Worklist", level: 1 }).waitFor();
      await shoot(phone, "worklist-demo-phone");
      for (const size of ["desktop", "phone"] as const) {
        const admin = await open(size);
        await signInAdmin(admin, base, mailFolder());
        await admin.goto("/settings");
        await admin.getByRole("heading", { name: "Clinic settings", level: 1 }).waitFor();
        await shoot(admin, `clinic-settings-${size}`);
      }
      const found = await ok<{ items: { id: string }[] }>(
        await desk.request.get(`${base}/api/v1/patients?q=DSC-000002`),
        "find the demo patient",
      );
      await desk.goto(`/patients/${found.items[0]!.id}`);
      await desk.getByRole("heading", { name: "Follow-ups" }).waitFor();
      await shoot(desk, "patient-page-demo-desktop");
      return;
    }
    if (only === "programme") {
      // An exercise programme in its second week, two sessions ticked, on the recovery page.
      const desk = await open("desktop");
      await ok(
        await desk.request.post(`${base}/api/v1/auth/staff/sign-in`, {
          data: { email: CLINICIAN, password: PASSWORD },
        }),
        "staff sign-in",
      );
      const phone = await open("phone");
      const patientId = await newPortalPatient(desk, phone, `Programme-${Date.now().toString(36)}`);
      const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
      await ok(
        await desk.request.post(`${base}/api/v1/patients/${patientId}/treatments`, {
          data: {
            kind: "exercise_physiotherapy",
            date: day(-9),
            procedure: {
              category: "conservative",
              operator: "J. Physio",
              programme: "Graded activity",
              sessionsPerWeek: 2,
              weeks: 6,
            },
          },
        }),
        "record the programme",
      );
      for (const n of [-8, -5, -1])
        await ok(
          await phone.request.put(`${base}/api/v1/portal/programme/sessions/${day(n)}`, { data: {} }),
          "tick",
        );
      await phone.goto("/portal/recovery");
      await phone.getByRole("region", { name: "Your exercise programme" }).waitFor();
      await shoot(phone, "portal-programme-phone");
      return;
    }
    if (only === "report") {
      await reportScreenshots(browser, base, shoot, out, {
        clinician: CLINICIAN,
        patient: "patient@demo.evident.test",
        password: PASSWORD,
      });
      return;
    }
    if (only === "recovery") {
      await recoveryScreenshots(browser, base, shoot, { clinician: CLINICIAN, password: PASSWORD });
      return;
    }
    if (only === "benchmarks") {
      await benchmarkScreenshots(browser, base, shoot, {
        clinician: CLINICIAN,
        researcher: RESEARCHER,
        password: PASSWORD,
      });
      return;
    }
    if (only === "cohorts") {
      await cohortScreenshots(browser, base, shoot, { researcher: RESEARCHER, password: PASSWORD });
      return;
    }
    if (only === "imaging") {
      await imagingScreenshots(browser, base, out, { clinician: CLINICIAN, password: PASSWORD });
      return;
    }
    if (only === "outcomes") {
      await outcomeScreenshots(browser, base, shoot, {
        clinician: CLINICIAN,
        researcher: RESEARCHER,
        password: PASSWORD,
      });
      return;
    }
    if (only === "intake") {
      await intakeScreenshots(browser, base, shoot, { clinician: CLINICIAN, password: PASSWORD });
      return;
    }
    if (only === "aid") {
      await aidScreenshots(browser, base, shoot, { clinician: CLINICIAN, password: PASSWORD });
      return;
    }
    if (only === "unsure") {
      await unsureScreenshots(browser, base, shoot, { clinician: CLINICIAN, password: PASSWORD });
      return;
    }
    if (only === "aid-es") {
      await spanishAidScreenshots(browser, base, shoot, { clinician: CLINICIAN, password: PASSWORD });
      return;
    }
    if (only === "stories") {
      await storyScreenshots(browser, base, shoot, { clinician: CLINICIAN, password: PASSWORD });
      return;
    }
    if (only === "consent") {
      await consentScreenshots(browser, base, shoot, PASSWORD);
      return;
    }
    if (only === "portal") {
      await portalScreenshots(browser, base, shoot, PASSWORD);
      return;
    }
    if (only === "library") {
      await libraryScreenshots(browser, base, shoot);
      return;
    }
    if (only === "track-record") {
      await trackRecordScreenshots(browser, base, shoot, { mailDir: mailFolder() });
      return;
    }
    if (only === "research") {
      await researchScreenshots(browser, base, shoot, { researcher: RESEARCHER, password: PASSWORD });
      return;
    }
    if (only === "audit") {
      await auditScreenshots(browser, base, shoot, {
        clinician: CLINICIAN,
        admin: ADMIN,
        password: PASSWORD,
      });
      return;
    }
    if (only === "quality") {
      await qualityScreenshots(browser, base, shoot, {
        clinician: CLINICIAN,
        researcher: RESEARCHER,
        password: PASSWORD,
        mailDir: mailFolder(),
      });
      return;
    }
    if (only === "messages") {
      await messageScreenshots(browser, base, shoot, {
        clinician: CLINICIAN,
        admin: ADMIN,
        password: PASSWORD,
      });
      return;
    }
    if (only === "numbers") {
      await clinicFigureScreenshots(browser, base, shoot, {
        clinician: CLINICIAN,
        patient: "patient@demo.evident.test",
        password: PASSWORD,
      });
      return;
    }
    if (only === "records") {
      await recordScreenshots(browser, base, shoot, { clinician: CLINICIAN, password: PASSWORD });
      return;
    }
    if (only === "fhir-clients") {
      await fhirClientScreenshots(browser, base, shoot, {
        dataDir: process.env.DATA_DIR,
        mailDir: mailFolder(),
      });
      return;
    }
    if (only === "gate") {
      await gateScreenshots(browser, base, shoot, { clinician: CLINICIAN, password: PASSWORD });
      return;
    }
    const signIn = await open("desktop");
    await signIn.goto("/sign-in");
    await shoot(signIn, "staff-sign-in", false);

    const desk = await open("desktop");
    await ok(
      await desk.request.post(`${base}/api/v1/auth/staff/sign-in`, {
        data: { email: CLINICIAN, password: PASSWORD },
      }),
      "staff sign-in",
    );
    const patientId = await showcasePatient(desk.request);
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
    await outcomeScreenshots(browser, base, shoot, {
      clinician: CLINICIAN,
      researcher: RESEARCHER,
      password: PASSWORD,
    });
    await cohortScreenshots(browser, base, shoot, { researcher: RESEARCHER, password: PASSWORD });
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
    await messageScreenshots(browser, base, shoot, {
      clinician: CLINICIAN,
      admin: ADMIN,
      password: PASSWORD,
    });
    await auditScreenshots(browser, base, shoot, { clinician: CLINICIAN, admin: ADMIN, password: PASSWORD });
    await qualityScreenshots(browser, base, shoot, {
      clinician: CLINICIAN,
      researcher: RESEARCHER,
      password: PASSWORD,
      mailDir: mailFolder(),
    });
    await researchScreenshots(browser, base, shoot, { researcher: RESEARCHER, password: PASSWORD });
    await reportScreenshots(browser, base, shoot, out, {
      clinician: CLINICIAN,
      patient: "patient@demo.evident.test",
      password: PASSWORD,
    });

    const phone = await open("phone");
    await ok(
      await phone.request.post(`${base}/api/v1/auth/staff/sign-in`, {
        data: { email: CLINICIAN, password: PASSWORD },
      }),
      "staff sign-in",
    );
    await phone.goto(`/patients/${patientId}`);
    await phone.getByRole("heading", { name: "Follow-ups" }).waitFor();
    await shoot(phone, "patient-page-phone");

    const portal = await open("phone");
    await portalPatient(portal, desk.request);
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

    await intakeScreenshots(browser, base, shoot, { clinician: CLINICIAN, password: PASSWORD });
    await spanishAidScreenshots(browser, base, shoot, { clinician: CLINICIAN, password: PASSWORD });
    await aidScreenshots(browser, base, shoot, { clinician: CLINICIAN, password: PASSWORD });
    await recordScreenshots(browser, base, shoot, { clinician: CLINICIAN, password: PASSWORD });
    await gateScreenshots(browser, base, shoot, { clinician: CLINICIAN, password: PASSWORD });
  } finally {
    await browser.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
