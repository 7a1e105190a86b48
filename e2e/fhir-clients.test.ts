/**
 * FHIR API clients in the clinic settings: an administrator sees the clinic's registered
 * clients and revokes one after confirming, after which the token endpoint refuses that client
 * and the token it held no longer reads; the other client keeps its access. The clients are
 * registered with `evident fhir-client add` against the running app, and talk to it as another
 * system would, with no browser session (./fhir-clients.ts).
 */
import { request } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { signInAdmin } from "./admin";
import { unique, useBrowser, visible } from "./app";
import { expectNoAxeViolations } from "./browser";
import { addFhirClient, requestToken } from "./fhir-clients";

describe("FHIR API clients in the clinic settings", () => {
  const browser = useBrowser();

  // Two runs of `evident fhir-client add` (each a process that opens the app's database) besides
  // the browser: on a busy shared machine they alone can take most of a minute.
  it("an administrator sees the clinic's clients and revokes one; the token endpoint then refuses it", {
    timeout: 180_000,
  }, async () => {
    const base = inject("baseUrl");
    const page = await browser.open("desktop");
    await signInAdmin(page, base, inject("mailDir"));
    const clinic = (await (await page.request.get("/api/v1/clinic")).json()) as { name: string };
    const suffix = unique();
    const leaving = await addFhirClient(inject("dataDir"), clinic.name, `Leaving registry ${suffix}`);
    const staying = await addFhirClient(inject("dataDir"), clinic.name, `Staying registry ${suffix}`);
    const outside = await request.newContext({ baseURL: base });
    try {
      const held = await requestToken(outside, base, leaving);
      expect(held.status).toBe(200);

      await page.goto("/settings");
      const section = page.getByRole("region", { name: "FHIR API clients" });
      const table = section.getByRole("table", { name: "FHIR API clients" });
      const row = (name: string) => table.getByRole("row").filter({ hasText: name });
      for (const c of [leaving, staying]) {
        await visible(row(c.name).getByText(c.clientId));
        await visible(row(c.name).getByText("Has access"));
      }
      await expectNoAxeViolations(page, "clinic settings with FHIR clients");

      await section.getByRole("button", { name: `Revoke ${leaving.name}` }).click();
      const dialog = await visible(page.getByRole("dialog", { name: `Revoke ${leaving.name}?` }));
      // Let the dialog's fade-in end: mid-transition its colours read as poor contrast.
      await page.waitForTimeout(500);
      await expectNoAxeViolations(page, "the revoke dialog");
      await dialog.getByRole("button", { name: "Revoke access" }).click();
      // The dialog fades out: axe would read its half-transparent colours as poor contrast.
      await dialog.waitFor({ state: "hidden" });
      await page.waitForTimeout(500);
      await visible(row(leaving.name).getByText(/^Revoked /));
      expect(await section.getByRole("button", { name: `Revoke ${leaving.name}` }).count()).toBe(0);
      await visible(row(staying.name).getByText("Has access"));
      await expectNoAxeViolations(page, "clinic settings after revoking a client");

      // As the other system sees it: no new token, and the one it held no longer reads.
      expect(await requestToken(outside, base, leaving)).toMatchObject({
        status: 401,
        json: { error: "invalid_client" },
      });
      const read = await outside.get("/api/fhir/Patient?_count=1", {
        headers: { authorization: `Bearer ${held.json.access_token}` },
      });
      expect(read.status()).toBe(401);
      expect((await requestToken(outside, base, staying)).status).toBe(200);
    } finally {
      await outside.dispose();
    }
  });
});
