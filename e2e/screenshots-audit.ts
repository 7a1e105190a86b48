/**
 * The Audit trail page (run by screenshots.ts with `--only audit`, and with the rest), as the
 * demo clinic's administrator sees it after a clinician opened a record: the whole trail at
 * desktop and phone widths, one patient's events, and a filter nothing matches.
 */
import type { Browser, Page } from "playwright-core";
import { expectNoAxeViolations, newContext } from "./browser";

type Shoot = (page: Page, name: string, full?: boolean) => Promise<void>;

export async function auditScreenshots(
  browser: Browser,
  base: string,
  shoot: Shoot,
  accounts: { clinician: string; admin: string; password: string },
): Promise<void> {
  const signIn = async (page: Page, email: string) => {
    const res = await page.request.post(`${base}/api/v1/auth/staff/sign-in`, {
      data: { email, password: accounts.password },
    });
    if (!res.ok()) throw new Error(`sign-in: HTTP ${res.status()}`);
  };
  // Something recent to see: a clinician opens the first demo patient's record.
  const clinician = await (await newContext(browser, base, "desktop")).newPage();
  await signIn(clinician, accounts.clinician);
  const list = (await (await clinician.request.get(`${base}/api/v1/patients?limit=1`)).json()) as {
    items: { id: string }[];
  };
  const patientId = list.items[0]?.id;
  if (!patientId) throw new Error("no demo patient");
  await clinician.goto(`/patients/${patientId}`);
  await clinician.waitForLoadState("networkidle");

  for (const size of ["desktop", "phone"] as const) {
    const page = await (await newContext(browser, base, size)).newPage();
    await signIn(page, accounts.admin);
    await page.goto("/audit");
    await page.getByRole("heading", { name: "Audit trail", level: 1 }).waitFor();
    await page.getByText(/Showing the \d+ most recent/).waitFor();
    await expectNoAxeViolations(page, `audit trail (${size})`);
    await shoot(page, `audit-trail-${size}`, false);
    if (size === "desktop") {
      await page.goto(`/audit?patientId=${patientId}`);
      await page.getByText(/Showing the \d+ most recent/).waitFor();
      await shoot(page, "audit-trail-patient-desktop", false);
      await page.goto("/audit?from=2099-01-01");
      await page.getByText("No events match these filters").waitFor();
      await expectNoAxeViolations(page, "audit trail, nothing matches");
      await shoot(page, "audit-trail-empty-desktop", false);
    }
  }
}
