/**
 * The clinic settings' FHIR API clients section (run by screenshots.ts with `--only fhir-clients`),
 * as the demo clinic's administrator sees it: one client with access and one revoked, at phone
 * and desktop widths, and the question asked before revoking, on a phone. Registering a client takes `evident fhir-client add`, so this needs the
 * app's data directory (DATA_DIR, printed by `npx tsx e2e/run-app.ts`).
 */
import type { Browser, Page } from "playwright-core";
import { signInAdmin } from "./admin";
import { expectNoAxeViolations, newContext } from "./browser";
import { addFhirClient } from "./fhir-clients";

type Shoot = (page: Page, name: string, full?: boolean) => Promise<void>;

export async function fhirClientScreenshots(
  browser: Browser,
  base: string,
  shoot: Shoot,
  dirs: { dataDir: string | undefined; mailDir: string },
): Promise<void> {
  if (!dirs.dataDir) throw new Error("set DATA_DIR to the app's data directory (run-app.ts prints it)");
  const admin = await (await newContext(browser, base, "desktop")).newPage();
  await signInAdmin(admin, base, dirs.mailDir);
  const clinic = (await (await admin.request.get(`${base}/api/v1/clinic`)).json()) as { name: string };
  // Registered once per app, so the script can run again on the same app.
  const existing = (await (await admin.request.get(`${base}/api/v1/fhir-clients`)).json()) as {
    name: string;
  }[];
  if (!existing.some((c) => c.name === "State spine registry")) {
    const feed = await addFhirClient(dirs.dataDir, clinic.name, "Hospital EHR feed (retired)");
    await addFhirClient(dirs.dataDir, clinic.name, "State spine registry");
    await admin.request.post(`${base}/api/v1/fhir-clients/${feed.clientId}/revoke`);
  }

  for (const size of ["desktop", "phone"] as const) {
    const page = size === "desktop" ? admin : await (await newContext(browser, base, size)).newPage();
    if (size === "phone") await signInAdmin(page, base, dirs.mailDir);
    await page.goto("/settings");
    const section = page.getByRole("region", { name: "FHIR API clients" });
    await section.getByRole("button", { name: "Revoke State spine registry" }).waitFor();
    await expectNoAxeViolations(page, `FHIR clients (${size})`);
    await section.evaluate((el) => el.scrollIntoView({ block: "start" }));
    await shoot(page, `fhir-clients-${size}`, false);
    if (size === "phone") {
      // The question asked before revoking (Cancel leaves the client as it is).
      await section.getByRole("button", { name: "Revoke State spine registry" }).click();
      const dialog = page.getByRole("dialog", { name: "Revoke State spine registry?" });
      await dialog.waitFor();
      await expectNoAxeViolations(page, "revoke dialog (phone)");
      await shoot(page, "fhir-clients-revoke-phone", false);
      await dialog.getByRole("button", { name: "Cancel" }).click();
    }
  }
}
