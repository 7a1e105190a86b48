/**
 * Screenshots of the gates (run by screenshots.ts with `--only gate`, and with the rest): the
 * record-treatment form for a PRP injection with no candidacy assessment — the gate's refusal and
 * the clinician's override with its reason — at desktop and phone width; the record afterwards,
 * with the override on the treatment and the baseline answered after it marked late; and "Enter
 * answers" showing what a follow-up already holds.
 */
import type { APIRequestContext, Browser, Page } from "playwright-core";
import { shootDialog, staffPage } from "./screenshots-records";

type Shoot = (page: Page, name: string, full?: boolean) => Promise<void>;

const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

async function ok<T>(res: Awaited<ReturnType<APIRequestContext["get"]>>, what: string): Promise<T> {
  if (!res.ok()) throw new Error(`${what}: HTTP ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
}

const REASON = "Treated in the clinic's registered PRP study; screened by the study team on 2 March";

/** Opens the record-treatment form for a PRP injection given 3 days ago, and overrides the gate. */
async function fillOverride(page: Page) {
  await page.getByRole("button", { name: "Record treatment" }).click();
  const dialog = page.getByRole("dialog", { name: "Record treatment" });
  await dialog.getByLabel("Treatment").selectOption({ label: "Platelet-rich plasma (PRP) injection" });
  await dialog.getByLabel("Date").fill(day(-3));
  await dialog.getByRole("checkbox", { name: "Record it anyway: override the candidacy gate" }).check();
  await dialog.getByLabel("Reason for the override").fill(REASON);
  await dialog.getByRole("checkbox", { name: "Record it anyway: override the consent gate" }).check();
  await dialog.getByLabel("Reason for the consent override").fill("Consent signed on the study's own form");
  await dialog.getByText("Candidacy gate: not met").scrollIntoViewIfNeeded();
  return dialog;
}

export async function gateScreenshots(
  browser: Browser,
  base: string,
  shoot: Shoot,
  accounts: { clinician: string; password: string },
): Promise<void> {
  const desk = await staffPage(browser, base, accounts, "desktop");
  const p = await ok<{ id: string }>(
    await desk.request.post(`${base}/api/v1/patients`, {
      data: {
        givenName: "Noor",
        familyName: "Haddad",
        birthDate: "1978-06-14",
        sex: "female",
        mrn: `GATE-${Date.now().toString(36)}`,
        episode: { condition: "degenerative_disc_disease", spinalLevels: ["L5-S1"] },
      },
    }),
    "patient",
  );
  // Back pain answered by phone today; the disability questions are still to come.
  await ok(
    await desk.request.post(`${base}/api/v1/patients/${p.id}/responses`, {
      data: { responses: [{ instrument: "nrs_back", answers: { nrs_back: 7 } }] },
    }),
    "baseline back pain",
  );

  await desk.goto(`/patients/${p.id}`);
  await desk.getByRole("heading", { name: "Noor Haddad", level: 1 }).waitFor();
  // Enter answers for the baseline: what it already holds, and only the rest asked.
  await desk.getByRole("button", { name: "Enter answers" }).first().click();
  const answers = desk.getByRole("dialog", { name: /^Enter answers/ });
  await answers.getByText("Already answered for this follow-up").waitFor();
  await shoot(desk, "enter-answers-held-desktop", false);
  await answers.getByRole("button", { name: "Cancel" }).click();
  await answers.waitFor({ state: "hidden" });

  const dialog = await fillOverride(desk);
  await shootDialog(desk, dialog, shoot, "record-treatment-gate-desktop");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await dialog.waitFor({ state: "hidden" });

  const phone = await staffPage(browser, base, accounts, "phone");
  await phone.goto(`/patients/${p.id}`);
  await phone.getByRole("heading", { name: "Noor Haddad", level: 1 }).waitFor();
  await fillOverride(phone);
  await shoot(phone, "record-treatment-gate-phone", false);
  await phone.context().close();

  // Recorded on the override: the treatment says so, and today's baseline answer is late.
  const recorded = await fillOverride(desk);
  await recorded.getByRole("button", { name: "Record treatment" }).click();
  await recorded.waitFor({ state: "hidden" });
  await desk.getByText("Candidacy gate overridden").waitFor();
  await shoot(desk, "treatment-override-desktop");
  await desk.context().close();
}
