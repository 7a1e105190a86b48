/**
 * Screenshots of correcting saved records (run by screenshots.ts with `--only records`, and with
 * the rest): a patient with a bone-marrow concentrate injection and an infection after it that
 * was updated once; the patient page with its "Update" and "Correct" actions and the event's
 * history open; the update form and the correction form, at desktop and phone sizes.
 */
import type { APIRequestContext, Browser, Locator, Page } from "playwright-core";
import { newContext, type ViewportName } from "./browser";

type Shoot = (page: Page, name: string, full?: boolean) => Promise<void>;

const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

async function ok<T>(res: Awaited<ReturnType<APIRequestContext["get"]>>, what: string): Promise<T> {
  if (!res.ok()) throw new Error(`${what}: HTTP ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
}

/** A page in a fresh browser context of the given size, signed in as a staff member. */
export async function staffPage(
  browser: Browser,
  base: string,
  accounts: { clinician: string; password: string },
  size: ViewportName,
): Promise<Page> {
  const page = await (await newContext(browser, base, size)).newPage();
  await ok(
    await page.request.post(`${base}/api/v1/auth/staff/sign-in`, {
      data: { email: accounts.clinician, password: accounts.password },
    }),
    "staff sign-in",
  );
  return page;
}

/**
 * Makes the window tall enough for the whole dialog (a dialog scrolls inside the window, so a
 * full-page shot alone would cut it off), then shoots the window.
 */
export async function shootDialog(page: Page, dialog: Locator, shoot: Shoot, name: string) {
  const size = page.viewportSize();
  // The dialog's box scrolls its content: its scrollHeight is the content's whole height.
  const height = await dialog.evaluate((d) => d.scrollHeight);
  if (size)
    await page.setViewportSize({ width: size.width, height: Math.ceil(Math.max(size.height, height + 140)) });
  await page.waitForTimeout(400);
  await shoot(page, name, false);
  if (size) await page.setViewportSize(size);
}

const bmc = {
  category: "cell-therapy",
  operator: "Dr Dana Reyes",
  target: "disc",
  levels: ["L4-L5"],
  imageGuidance: "fluoroscopy",
  tissue: "bone-marrow",
  origin: "autologous",
  harvestSite: "posterior-iliac-crest",
  volumeHarvestedMl: 60,
  processing: ["centrifugation"],
  sameDay: true,
  additives: [],
  intendedFunction: "repair-or-regenerate",
  tncMillions: 420,
  volumeInjectedMl: 2,
  consentVersion: "cell-consent-2026-1",
};

export async function recordScreenshots(
  browser: Browser,
  base: string,
  shoot: Shoot,
  accounts: { clinician: string; password: string },
): Promise<void> {
  const desk = await staffPage(browser, base, accounts, "desktop");
  const p = await ok<{ id: string }>(
    await desk.request.post(`${base}/api/v1/patients`, {
      data: {
        givenName: "Tomás",
        familyName: "Okafor",
        birthDate: "1969-11-02",
        sex: "male",
        mrn: `REC-${Date.now().toString(36)}`,
        invite: false,
        episode: { condition: "degenerative_disc_disease", spinalLevels: ["L4-L5"] },
      },
    }),
    "patient",
  );
  // The safety questions come first; a clinician would have reviewed a clean intake.
  const t = await ok<{ id: string }>(
    await desk.request.post(`${base}/api/v1/patients/${p.id}/treatments`, {
      data: {
        kind: "bone_marrow_concentrate",
        date: day(-12),
        procedure: bmc,
        candidacyOverride: { reason: "Assessed by the referring spine surgeon before the injection" },
      },
    }),
    "treatment",
  );
  const e = await ok<{ id: string }>(
    await desk.request.post(`${base}/api/v1/patients/${p.id}/adverse-events`, {
      data: {
        kind: "infection",
        onsetDate: day(-5),
        severity: 2,
        seriousness: [],
        relatedness: "probable",
        expected: true,
        outcome: "recovering",
        actions: "Oral antibiotics",
        description: "Redness and warmth at the harvest site",
        treatmentId: t.id,
      },
    }),
    "adverse event",
  );
  await ok(
    await desk.request.put(`${base}/api/v1/adverse-events/${e.id}`, {
      data: {
        kind: "infection",
        onsetDate: day(-5),
        severity: 2,
        seriousness: [],
        relatedness: "probable",
        expected: true,
        outcome: "recovered",
        actions: "Oral antibiotics; wound check at day 7",
        description: "Redness and warmth at the harvest site",
        treatmentId: t.id,
        version: 1,
        reason: "Wound check: healed",
      },
    }),
    "update",
  );

  await desk.goto(`/patients/${p.id}`);
  const events = desk.getByRole("region", { name: "Adverse events" });
  await events.getByRole("button", { name: /History: 1 change/ }).click();
  await events.getByText("Reason: Wound check: healed").waitFor();
  await shoot(desk, "records-patient-desktop");

  await events.getByRole("button", { name: /^Update infection/ }).click();
  const edit = desk.getByRole("dialog", { name: "Update adverse event" });
  await edit.getByLabel("Severity (CTCAE grade)").selectOption("3");
  await edit.getByRole("checkbox", { name: "Requires or prolongs hospitalisation" }).check();
  await edit.getByLabel("Expected (listed in consent and product information)").selectOption("no");
  await edit.getByLabel("Outcome").selectOption("recovering");
  await edit.getByLabel("Reason for the change").fill("Readmitted with a deep wound infection");
  await shootDialog(desk, edit, shoot, "adverse-event-update-desktop");
  await edit.getByRole("button", { name: "Cancel" }).click();

  const treatments = desk.getByRole("region", { name: "Treatments" });
  await treatments.getByRole("button", { name: /^Correct / }).click();
  const fix = desk.getByRole("dialog", { name: "Correct treatment" });
  await fix.getByLabel("Date").fill(day(-13));
  await fix.getByLabel("Reason for the correction").fill("Date taken from the procedure log");
  await shootDialog(desk, fix, shoot, "treatment-correction-desktop");
  await fix.getByRole("button", { name: "Cancel" }).click();

  const phone = await staffPage(browser, base, accounts, "phone");
  await phone.goto(`/patients/${p.id}`);
  const phoneEvents = phone.getByRole("region", { name: "Adverse events" });
  await phoneEvents.getByRole("button", { name: /History: 1 change/ }).click();
  await phoneEvents.getByText("Reason: Wound check: healed").waitFor();
  await phoneEvents.scrollIntoViewIfNeeded();
  await shoot(phone, "records-history-phone", false);
  await phoneEvents.getByRole("button", { name: /^Update infection/ }).click();
  const phoneEdit = phone.getByRole("dialog", { name: "Update adverse event" });
  await phoneEdit.getByLabel("Outcome").selectOption("recovered-with-sequelae");
  await phoneEdit.getByLabel("Reason for the change").fill("Scar tenderness at 4 weeks");
  await shoot(phone, "adverse-event-update-phone", false);
  await phone.context().close();
  await desk.context().close();
}
