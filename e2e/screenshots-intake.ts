/**
 * Screenshots of issue 4's screens (called from screenshots.ts; `--only intake` for these alone):
 * the portal home before the safety questions, the safety questions, the emergency screen, the
 * safety questions entered by staff, the worklist's triage queue, the patient page's triage
 * panel, the candidacy form (also filled in from imaging) and the decision aid (portal, values,
 * summary, clinic, and "people like you" with and without enough of them), at phone and desktop
 * widths. Each shot makes its own patients through the API; "people like you" with numbers needs
 * a demo registry (the e2e tests' 1500 patients has them).
 */

import type { Browser, Page } from "playwright-core";
import { newContext, type ViewportName } from "./browser";
import { answerIntake, calmIntake } from "./intake";
import { linkTokenFor } from "./mail";
import { staffPage } from "./screenshots-kit";

export type Shoot = (page: Page, name: string, full?: boolean) => Promise<void>;
export type Who = { clinician: string; password: string };

async function ok(
  res: { ok(): boolean; status(): number; text(): Promise<string>; json(): Promise<unknown> },
  what: string,
) {
  if (!res.ok()) throw new Error(`${what}: HTTP ${res.status()} ${await res.text()}`);
  return res.json() as Promise<Record<string, unknown>>;
}

/** Signs the clinician in on a desktop page, and gives a maker of new portal patients. */
export async function clinic(browser: Browser, base: string, who: Who) {
  const open = async (size: ViewportName) => (await newContext(browser, base, size)).newPage();
  const staff = await staffPage(browser, base, "desktop", who.clinician, who.password);

  /** A new portal patient signed in on `page`; returns the patient's id. */
  async function patientOn(page: Page, given: string, family: string): Promise<string> {
    const local = given.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
    const email = `${local}.${Date.now().toString(36)}@example.test`;
    const created = await ok(
      await staff.request.post(`${base}/api/v1/patients`, {
        data: {
          givenName: given,
          familyName: family,
          birthDate: "1966-04-18",
          sex: "female",
          email,
          episode: { condition: "degenerative_disc_disease", spinalLevels: ["L4-L5"] },
        },
      }),
      "patient",
    );
    const token = await linkTokenFor(email);
    await ok(
      await page.request.post(`${base}/api/v1/invitations/accept`, {
        data: { token, password: "a long screenshot password" },
      }),
      "accept",
    );
    return created.id as string;
  }
  return { open, staff, patientOn };
}

export async function intakeScreenshots(browser: Browser, base: string, shoot: Shoot, who: Who) {
  const { open, staff, patientOn } = await clinic(browser, base, who);

  // The portal home before the safety questions (step 1, the rest locked), then the questions
  // part-answered, on a phone and a computer.
  for (const size of ["phone", "desktop"] as const) {
    const page = await open(size);
    await patientOn(page, "Maria", "Santos");
    await page.goto("/portal");
    await page.getByRole("link", { name: "Begin safety questions" }).waitFor();
    await page.getByText("Opens after step 1").waitFor();
    await shoot(page, `portal-home-intake-${size}`);
    await page.goto("/portal/intake");
    await page.getByRole("heading", { name: "Safety questions", level: 1 }).waitFor();
    await page
      .getByRole("main")
      .getByLabel(/How many weeks ago/)
      .fill("20");
    await shoot(page, `intake-${size}`);
  }

  // An emergency: only what to do now.
  let emergencyPatient = "";
  for (const size of ["phone", "desktop"] as const) {
    const page = await open(size);
    const id = await patientOn(page, "John", size === "phone" ? "Carter" : "Reyes");
    if (size === "phone") emergencyPatient = id;
    await page.goto("/portal/intake");
    await answerIntake(page, { weeks: 6, yes: ["saddleNumbness", "bladderDysfunction"] });
    await page.getByRole("button", { name: "Send my answers" }).click();
    await page.getByRole("heading", { name: "Get help now" }).waitFor();
    await shoot(page, `intake-emergency-${size}`);
  }
  // An urgent one, so the queue shows more than one tier.
  const urgent = await open("phone");
  await patientOn(urgent, "Lena", "Fischer");
  await urgent.goto("/portal/intake");
  await answerIntake(urgent, { weeks: 4, yes: ["cancerHistory", "nightPainAtRest"] });
  await urgent.getByRole("button", { name: "Send my answers" }).click();
  await urgent.getByRole("heading", { name: /clinician needs to check/ }).waitFor();
  await shoot(urgent, "intake-urgent-phone");
  await unsureScreenshots(browser, base, shoot, who);

  // The clinic: the triage queue and the patient's triage panel.
  for (const size of ["desktop", "phone"] as const) {
    const page =
      size === "desktop" ? staff : await staffPage(browser, base, "phone", who.clinician, who.password);
    await page.goto("/worklist?view=triage");
    await page.getByRole("heading", { name: "Triage queue", level: 2 }).waitFor();
    await page.getByRole("list", { name: "Triage queue" }).waitFor();
    await shoot(page, `worklist-triage-${size}`, false);
    await page.goto(`/patients/${emergencyPatient}`);
    await page.getByRole("heading", { name: "Red-flag triage" }).waitFor();
    await page.getByText("Cauda equina syndrome").first().waitFor();
    await shoot(page, `patient-triage-${size}`);
    // The candidacy form, part-filled: every criterion with its status and source.
    await page.getByRole("button", { name: "Assess candidacy" }).click();
    const dialog = page.getByRole("dialog", { name: "Candidacy assessment" });
    await dialog.getByLabel("Symptom duration (months)").fill("14");
    await dialog.getByLabel("Modified Pfirrmann grade (1–8)").fill("4");
    await dialog.getByLabel("Disc height retained (%)").fill("70");
    await dialog.getByLabel("ODI (0–100)").fill("44");
    await shoot(page, `candidacy-${size}`, false);
    await dialog.getByRole("list", { name: "Candidacy criteria" }).scrollIntoViewIfNeeded();
    await shoot(page, `candidacy-criteria-${size}`, false);
    await page.keyboard.press("Escape");
  }

  // The decision aid: a patient with no red flag, on a phone and a computer; values; summary.
  for (const size of ["phone", "desktop"] as const) {
    const page = await open(size);
    await patientOn(page, "Ada", size === "phone" ? "Brooks" : "Novak");
    await page.goto("/portal/intake");
    await answerIntake(page, { weeks: 40, yes: [] });
    await page.getByRole("button", { name: "Send my answers" }).click();
    await page.getByRole("link", { name: "See your choices" }).click();
    await page.getByRole("heading", { name: "Your choices of care" }).waitFor();
    await shoot(page, `decision-aid-${size}`, false);
    await page.getByRole("article", { name: "Exercise and physical therapy" }).scrollIntoViewIfNeeded();
    await shoot(page, `decision-aid-exercise-${size}`, false);
    await page.getByRole("article", { name: /Bone marrow shot/ }).scrollIntoViewIfNeeded();
    await shoot(page, `decision-aid-cell-${size}`, false);
    await page.goto("/portal/choices/values");
    await page.getByRole("heading", { name: "What matters to you" }).waitFor();
    for (const [statement, label] of [
      ["Avoiding an operation", "Very much"],
      ["Getting relief fast", "Somewhat"],
      ["Avoiding needles and shots", "A lot"],
      ["Keeping costs low", "A little"],
      ["Choosing care that has been well tested", "Very much"],
    ] as const)
      await page.getByRole("group", { name: statement }).getByRole("radio", { name: label }).check();
    await page.getByLabel("Which choice are you leaning toward?").selectOption("exercise-physiotherapy");
    await page.getByLabel("Questions for your visit").fill("Can I keep working while I do the exercises?");
    await shoot(page, `decision-values-${size}`);
    await page.getByRole("button", { name: "Save and see my summary" }).click();
    await page.getByRole("heading", { name: "My back pain choices: summary" }).waitFor();
    await shoot(page, `decision-summary-${size}`);
    if (size === "desktop") {
      await page.emulateMedia({ media: "print" });
      await shoot(page, "decision-summary-print", false);
      await page.emulateMedia({ media: "screen" });
    }
  }
  await staff.goto("/decision-aid");
  await staff.getByRole("heading", { name: "Decision aid", level: 1 }).waitFor();
  await shoot(staff, "decision-aid-clinic-desktop", false);

  // Safety answers entered by staff for a patient on the phone: the form, then an emergency's
  // result with what to tell the patient.
  for (const size of ["desktop", "phone"] as const) {
    const page =
      size === "desktop" ? staff : await staffPage(browser, base, "phone", who.clinician, who.password);
    const created = await ok(
      await page.request.post(`${base}/api/v1/patients`, {
        data: {
          givenName: "Rosa",
          familyName: size === "phone" ? "Delgado" : "Moreno",
          birthDate: "1958-05-05",
          episode: { condition: "degenerative_disc_disease", spinalLevels: [] },
        },
      }),
      "patient",
    );
    await page.goto(`/patients/${created.id as string}`);
    await page.getByRole("button", { name: "Enter safety answers" }).click();
    const dialog = page.getByRole("dialog", { name: "Safety questions for the patient" });
    await dialog.getByRole("button", { name: "Save the patient's answers" }).waitFor();
    await shoot(page, `staff-intake-${size}`, false);
    await answerIntake(page, { weeks: 1, yes: ["saddleNumbness", "bladderDysfunction"] }, dialog);
    await dialog.getByRole("button", { name: "Save the patient's answers" }).click();
    await dialog.getByText("Tell the patient now").waitFor();
    await shoot(page, `staff-intake-emergency-${size}`, false);
    await page.keyboard.press("Escape");

    // Candidacy, filled in from the latest imaging study.
    for (const [date, l45] of [
      ["2025-03-01", { level: "L4-L5", pfirrmann: 3, discHeightPercent: 85 }],
      ["2025-11-12", { level: "L4-L5", pfirrmann: 4, discHeightPercent: 68 }],
    ] as const)
      await ok(
        await page.request.post(`${base}/api/v1/patients/${created.id as string}/imaging`, {
          data: {
            date,
            modality: "mri",
            findings: [l45, { level: "L5-S1", pfirrmann: 2, discHeightPercent: 100 }],
          },
        }),
        "imaging",
      );
    await page.reload();
    await page.getByRole("button", { name: "Assess candidacy" }).click();
    const candidacy = page.getByRole("dialog", { name: "Candidacy assessment" });
    await candidacy.getByRole("heading", { name: "Imaging", level: 3 }).evaluate((el) => {
      // Below the dialog's sticky title.
      (el as HTMLElement).style.scrollMarginTop = "90px";
      el.scrollIntoView({ block: "start" });
    });
    await shoot(page, `candidacy-imaging-${size}`, false);
    await page.keyboard.press("Escape");
  }

  // People like you, with enough of them: a demo patient for whom some option has 30.
  const list = (await ok(await staff.request.get(`${base}/api/v1/patients?limit=100`), "patients")) as {
    items: { id: string }[];
  };
  let withMatches: string | null = null;
  for (const p of list.items) {
    const r = (await ok(
      await staff.request.get(`${base}/api/v1/decision-aid/registry?patientId=${p.id}`),
      "registry",
    )) as { items: { figure: unknown }[] };
    if (r.items.some((i) => i.figure)) {
      withMatches = p.id;
      break;
    }
  }
  if (!withMatches) throw new Error("no demo patient with 30 people like them: seed a larger demo registry");
  for (const size of ["desktop", "phone"] as const) {
    const page =
      size === "desktop" ? staff : await staffPage(browser, base, "phone", who.clinician, who.password);
    await page.goto(`/decision-aid?patient=${withMatches}`);
    const likeYou = page.getByRole("region", { name: "Who are people like you?" });
    await likeYou.scrollIntoViewIfNeeded();
    await shoot(page, `decision-aid-like-you-${size}`, false);
    await page
      .locator("[data-option='exercise-physiotherapy']")
      .getByText("At this clinic")
      .scrollIntoViewIfNeeded();
    await shoot(page, `decision-aid-like-you-card-${size}`, false);
  }
  // ...and without: a new patient with no daily-life score yet, in the portal.
  for (const size of ["phone", "desktop"] as const) {
    const page = await open(size);
    await patientOn(page, "Noor", size === "phone" ? "Haddad" : "Aziz");
    await ok(
      await page.request.post(`${base}/api/v1/portal/intake`, {
        data: { answers: calmIntake() },
      }),
      "intake",
    );
    await page.goto("/portal/choices");
    const likeYou = page.getByRole("region", { name: "Who are people like you?" });
    await likeYou.scrollIntoViewIfNeeded();
    await shoot(page, `decision-aid-like-you-none-${size}`, false);
  }
}

/**
 * The decision aid in Spanish (`--only aid-es`): a patient who reads the portal in Español, with
 * no red flag, on a phone and a computer: the options, a cell therapy's card, the values step and
 * the summary.
 */
export async function spanishAidScreenshots(browser: Browser, base: string, shoot: Shoot, who: Who) {
  const { open, patientOn } = await clinic(browser, base, who);
  for (const size of ["phone", "desktop"] as const) {
    const page = await open(size);
    await patientOn(page, "Lucía", size === "phone" ? "Ramírez" : "Ortega");
    await page.goto("/portal");
    await page.getByText("Español", { exact: true }).click();
    await page.goto("/portal/intake");
    await answerIntake(page, { weeks: 40, yes: [], lang: "es" });
    await page.getByRole("button", { name: "Enviar mis respuestas" }).click();
    await page.getByRole("link", { name: "Ver sus opciones" }).click();
    await page.getByRole("heading", { name: "Sus opciones de tratamiento" }).waitFor();
    await shoot(page, `decision-aid-es-${size}`, false);
    // The card from its title: its name, the experimental badge and what it is.
    await page
      .getByRole("article", { name: /Inyección de médula ósea/ })
      .evaluate((card) => card.scrollIntoView({ block: "start" }));
    await shoot(page, `decision-aid-es-cell-${size}`, false);
    await page.goto("/portal/choices/values");
    await page.getByRole("heading", { name: "Lo que le importa" }).waitFor();
    for (const [statement, label] of [
      ["No tener que operarme", "Muchísimo"],
      ["Sentir alivio pronto", "Algo"],
      ["No tener agujas ni inyecciones", "Mucho"],
      ["Gastar poco", "Un poco"],
      ["Elegir un cuidado bien estudiado", "Muchísimo"],
    ] as const)
      await page.getByRole("group", { name: statement }).getByRole("radio", { name: label }).check();
    await page.getByLabel("¿Qué opción prefiere por ahora?").selectOption("exercise-physiotherapy");
    await page
      .getByLabel("Preguntas para su cita")
      .fill("¿Puedo seguir trabajando mientras hago los ejercicios?");
    await shoot(page, `decision-values-es-${size}`);
    await page.getByRole("button", { name: "Guardar y ver mi resumen" }).click();
    await page.getByRole("heading", { name: "Mis opciones para el dolor de espalda: resumen" }).waitFor();
    await shoot(page, `decision-summary-es-${size}`);
  }
}

/**
 * "Not sure" about the bladder on a phone (`--only unsure`), in English and Spanish: the question
 * answered "Not sure", then the call-now advice with the clinic's emergency number and the
 * question listed.
 */
export async function unsureScreenshots(browser: Browser, base: string, shoot: Shoot, who: Who) {
  const { open, patientOn } = await clinic(browser, base, who);
  for (const lang of ["en", "es"] as const) {
    const page = await open("phone");
    await patientOn(page, lang === "en" ? "Grace" : "Carmen", lang === "en" ? "Miller" : "Vega");
    await page.goto("/portal");
    if (lang === "es") await page.getByText("Español", { exact: true }).click();
    await page.goto("/portal/intake");
    await answerIntake(page, { weeks: 10, yes: [], unsure: ["bladderDysfunction"], lang });
    const suffix = lang === "en" ? "" : "-es";
    await page.locator("#intake-bladderDysfunction").evaluate((q) => q.scrollIntoView({ block: "start" }));
    await shoot(page, `intake-unsure-question${suffix}-phone`, false);
    await page
      .getByRole("button", { name: lang === "en" ? "Send my answers" : "Enviar mis respuestas" })
      .click();
    await page
      .getByRole("heading", { name: lang === "en" ? "Call your clinic now" : "Llame a su clínica ahora" })
      .waitFor();
    await shoot(page, `intake-unsure${suffix}-phone`);
  }
}
