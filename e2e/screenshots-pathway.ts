/**
 * Screenshots of the care pathway (run by screenshots.ts with `--only pathway`, and with the
 * rest): a patient treated 10 days ago with a few diary days and a follow-up answered, whose
 * portal timeline and diary are shot at phone size; the clinic's worklist; the procedure form and
 * the adverse-event form, filled in.
 */
import type { APIRequestContext, Browser, Page } from "playwright-core";
import { newContext } from "./browser";
import { linkTokenFor } from "./mail";
import { staffPage } from "./screenshots-kit";
import { shootDialog } from "./screenshots-records";

type Shoot = (page: Page, name: string, full?: boolean) => Promise<void>;

const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

async function ok<T>(res: Awaited<ReturnType<APIRequestContext["get"]>>, what: string): Promise<T> {
  if (!res.ok()) throw new Error(`${what}: HTTP ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
}

export async function pathwayScreenshots(
  browser: Browser,
  base: string,
  shoot: Shoot,
  accounts: { clinician: string; admin: string; password: string },
): Promise<void> {
  const desk = await staffPage(browser, base, "desktop", accounts.clinician, accounts.password);
  // A patient treated 10 days ago, with a portal account.
  const email = `maya.${Date.now().toString(36)}@example.test`;
  const p = await ok<{ id: string }>(
    await desk.request.post(`${base}/api/v1/patients`, {
      data: {
        givenName: "Maya",
        familyName: "Lindqvist",
        birthDate: "1972-03-08",
        sex: "female",
        email,
        invite: true,
        mrn: `PATH-${Date.now().toString(36)}`,
        episode: { condition: "degenerative_disc_disease", spinalLevels: ["L4-L5"] },
      },
    }),
    "patient",
  );
  await ok(
    await desk.request.post(`${base}/api/v1/patients/${p.id}/responses`, {
      data: { responses: [{ instrument: "nrs_back", answers: { nrs_back: 7 } }] },
    }),
    "baseline",
  );
  await ok(
    await desk.request.post(`${base}/api/v1/patients/${p.id}/treatments`, {
      data: {
        kind: "epidural_steroid_injection",
        date: day(-10),
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
    "treatment",
  );
  const token = await linkTokenFor(email);
  const phone = await (await newContext(browser, base, "phone")).newPage();
  await ok(
    await phone.request.post(`${base}/api/v1/invitations/accept`, {
      data: { token, password: "a long screenshot password" },
    }),
    "accept",
  );
  const diary = [
    [6, 4, []],
    [6, 3, [{ drug: "tramadol", dose: 50, dosesPerDay: 3 }]],
    [5, 3, [{ drug: "tramadol", dose: 50, dosesPerDay: 2 }]],
    [5, 2, [{ drug: "tramadol", dose: 50, dosesPerDay: 2 }]],
    [4, 2, [{ drug: "other", name: "ibuprofen", dose: 400, dosesPerDay: 2 }]],
  ] as const;
  for (const [i, [back, leg, meds]] of diary.entries())
    await ok(
      await phone.request.put(`${base}/api/v1/portal/diary/${day(i - diary.length)}`, {
        data: { backPain: back, legPain: leg, medications: meds },
      }),
      "diary",
    );

  await phone.goto("/portal/recovery");
  await phone.getByRole("heading", { name: "Your recovery", level: 1 }).waitFor();
  await shoot(phone, "portal-recovery-phone");
  await phone.goto("/portal/diary");
  await phone.getByRole("heading", { name: "Pain diary", level: 1 }).waitFor();
  await shoot(phone, "portal-diary-phone");
  await phone.goto("/portal/problem");
  await phone.getByRole("checkbox", { name: /^Fever/ }).check();
  await phone.getByLabel("Anything else?").fill("38.4 °C this morning");
  await phone.getByRole("button", { name: "Send to the clinic" }).click();
  await phone.getByRole("alert").waitFor();
  await shoot(phone, "portal-problem-urgent-phone");

  // The clinic: the worklist (run the jobs first, as the server does each hour).
  const admin = await staffPage(browser, base, "desktop", accounts.admin, accounts.password);
  await ok(await admin.request.post(`${base}/api/v1/jobs/run`, { data: {} }), "jobs");
  await desk.goto("/worklist");
  await desk.getByRole("heading", { name: "Worklist", level: 1 }).waitFor();
  await shoot(desk, "worklist-desktop");

  // The procedure form, filled in for a bone-marrow concentrate injection, in a window tall
  // enough to show the whole dialog.
  await desk.goto(`/patients/${p.id}`);
  await desk.getByRole("button", { name: "Record treatment" }).click();
  const dialog = desk.getByRole("dialog", { name: "Record treatment" });
  await dialog.getByLabel("Treatment").selectOption({ label: "Bone-marrow concentrate injection" });
  await dialog.getByLabel("Operator").fill("Dr Dana Reyes");
  await dialog.getByLabel("Consent form version").fill("cell-consent-2026-1");
  await dialog.getByLabel("Tissue").selectOption("bone-marrow");
  await dialog.getByLabel("Harvest site").selectOption("posterior-iliac-crest");
  await dialog.getByLabel("Same day (harvested and injected in one procedure)").selectOption("yes");
  await dialog.getByLabel("Volume harvested (mL)").fill("60");
  await dialog.getByLabel("Volume injected (mL)").fill("2");
  await dialog.getByLabel("Total nucleated cells (millions)").fill("420");
  await dialog.getByLabel("Viability (%)").fill("96");
  await dialog.getByLabel("Intended purpose").selectOption("repair-or-regenerate");
  await dialog.getByRole("checkbox", { name: "Centrifugation" }).check();
  await dialog.getByLabel("Target").selectOption("disc");
  await dialog.getByLabel("Image guidance").selectOption("fluoroscopy");
  await dialog.getByRole("checkbox", { name: "L4–L5" }).check();
  await shootDialog(desk, dialog, shoot, "procedure-form-desktop");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await dialog.waitFor({ state: "hidden" });

  // PRP: a blood draw and a platelet count instead of a harvest and a cell count, and its own
  // regulatory note (a blood product, not approved for back pain).
  await desk.getByRole("button", { name: "Record treatment" }).click();
  await dialog.getByLabel("Treatment").selectOption({ label: "Platelet-rich plasma (PRP) injection" });
  await dialog.getByLabel("Operator").fill("Dr Dana Reyes");
  await dialog.getByLabel("Consent form version").fill("prp-consent-2026-1");
  await dialog.getByLabel("Tissue").selectOption("blood");
  await dialog.getByLabel("Harvest site").selectOption("peripheral-vein");
  await dialog.getByLabel("Same day (harvested and injected in one procedure)").selectOption("yes");
  await dialog.getByLabel("Volume of blood drawn (mL)").fill("30");
  await dialog.getByLabel("Volume injected (mL)").fill("3");
  await dialog.getByLabel("Platelets (thousand per µL)").fill("1100");
  await dialog.getByLabel("Intended purpose").selectOption("repair-or-regenerate");
  await dialog.getByRole("checkbox", { name: "Centrifugation" }).check();
  await dialog.getByLabel("Target").selectOption("disc");
  await dialog.getByLabel("Image guidance").selectOption("fluoroscopy");
  await dialog.getByRole("checkbox", { name: "L4–L5" }).check();
  await shootDialog(desk, dialog, shoot, "procedure-form-prp-desktop");
  await dialog.getByRole("button", { name: "Cancel" }).click();

  // The adverse-event form, from the patient's report.
  await desk.getByRole("button", { name: "Record as adverse event" }).click();
  const ae = desk.getByRole("dialog", { name: "Record adverse event" });
  await ae.getByLabel("Kind").selectOption("infection");
  await ae.getByLabel("Severity (CTCAE grade)").selectOption("3");
  await ae.getByLabel("Relatedness to the treatment").selectOption("probable");
  await ae.getByLabel(/^Expected/).selectOption("no");
  await ae.getByLabel("Outcome").selectOption("recovering");
  await ae.getByRole("checkbox", { name: "Requires or prolongs hospitalisation" }).check();
  await ae
    .getByLabel("What happened")
    .fill("Fever and back pain 9 days after the injection; MRI shows discitis at L4-L5.");
  await ae.getByLabel("Actions taken").fill("Admitted for IV antibiotics.");
  await shootDialog(desk, ae, shoot, "adverse-event-form-desktop");
}

/**
 * The recovery timeline of two pathways at phone size (`--only recovery`): an epidural steroid
 * injection 10 days ago, in English, and a bone-marrow concentrate injection 5 weeks ago, in
 * Spanish, each with the phases of its own family.
 */
export async function recoveryScreenshots(
  browser: Browser,
  base: string,
  shoot: Shoot,
  accounts: { clinician: string; password: string },
): Promise<void> {
  const desk = await staffPage(browser, base, "desktop", accounts.clinician, accounts.password);
  const treated = async (
    who: { givenName: string; familyName: string },
    treatment: Record<string, unknown>,
  ) => {
    const email = `recovery.${Date.now().toString(36)}@example.test`;
    const p = await ok<{ id: string }>(
      await desk.request.post(`${base}/api/v1/patients`, {
        data: {
          ...who,
          birthDate: "1969-11-21",
          sex: "female",
          email,
          invite: true,
          mrn: `REC-${Date.now().toString(36)}`,
          episode: { condition: "degenerative_disc_disease", spinalLevels: ["L4-L5"] },
        },
      }),
      "patient",
    );
    await ok(
      await desk.request.post(`${base}/api/v1/patients/${p.id}/responses`, {
        data: {
          responses: [
            { instrument: "nrs_back", answers: { nrs_back: 7 } },
            // An Oswestry score of 40, so the typical course can find people like her.
            {
              instrument: "odi",
              answers: Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`odi_${i + 1}`, 2])),
            },
          ],
        },
      }),
      "baseline",
    );
    await ok(
      await desk.request.post(`${base}/api/v1/patients/${p.id}/treatments`, { data: treatment }),
      "treatment",
    );
    const token = await linkTokenFor(email);
    const phone = await (await newContext(browser, base, "phone")).newPage();
    await ok(
      await phone.request.post(`${base}/api/v1/invitations/accept`, {
        data: { token, password: "a long screenshot password" },
      }),
      "accept",
    );
    return phone;
  };

  const injection = await treated(
    { givenName: "Maya", familyName: "Lindqvist" },
    { kind: "epidural_steroid_injection", date: day(-10) },
  );
  await injection.goto("/portal/recovery");
  await injection.getByRole("heading", { name: "Your recovery", level: 1 }).waitFor();
  await shoot(injection, "portal-recovery-phone");

  const cells = await treated(
    { givenName: "Lucía", familyName: "Ferrer" },
    {
      kind: "bone_marrow_concentrate",
      date: day(-35),
      candidacyOverride: { reason: "Assessed by the referring spine surgeon before the injection" },
    },
  );
  await cells.goto("/portal");
  await cells.evaluate(() => localStorage.setItem("evident.portal.language", "es"));
  await cells.goto("/portal/recovery");
  await cells.getByRole("heading", { name: "Su recuperación", level: 1 }).waitFor();
  await shoot(cells, "portal-recovery-cells-es-phone");
}
