/**
 * A clinic's public track record in the browser: the demo clinic's administrator previews it on
 * the Settings page and publishes it; a visitor who is not signed in reads it (and finds it in the
 * list of published clinics and from the library's page on judging a clinic), at phone and desktop
 * width, without accessibility violations or sideways scrolling, in English and Spanish; once the
 * administrator withdraws it, the visitor is told it is not published.
 */
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { signInAdmin } from "./admin";
import { expectHeading, expectNoSideways, expectText, TIMEOUT, useBrowser, visible } from "./app";
import { expectNoAxeViolations } from "./browser";

const SLOW = { timeout: 4 * TIMEOUT };
const SWITCH = "Publish the clinic's track record";

async function openSettings(page: Page) {
  await signInAdmin(page, inject("baseUrl"), inject("mailDir"));
  await page.goto("/settings");
  await page.getByRole("switch", { name: SWITCH }).waitFor(SLOW);
}

describe("a clinic's public track record", () => {
  const browser = useBrowser();

  it("is previewed and published by the administrator and read by anyone without signing in", {
    timeout: 300_000,
  }, async () => {
    const admin = await browser.open("desktop");
    await openSettings(admin);
    const publish = admin.getByRole("switch", { name: SWITCH });
    expect(await publish.isChecked()).toBe(false);
    await admin.getByRole("button", { name: "Preview the page" }).click();
    await expectText(admin, "Preview: what a visitor sees");
    await visible(admin.getByRole("heading", { name: "What these numbers cannot show" }));
    await expectNoAxeViolations(admin, "clinic settings with the track-record preview");
    await publish.focus();
    await admin.keyboard.press("Space");
    const link = admin.getByRole("link", { name: /^\/clinics\/.+\/track-record$/ });
    await link.waitFor(SLOW);
    const href = (await link.getAttribute("href")) as string;
    try {
      for (const size of ["phone", "desktop"] as const) {
        const visitor = await browser.open(size);
        await visitor.goto(href);
        await expectHeading(visitor, "Demo Spine Clinic: track record");
        await visible(visitor.getByRole("heading", { name: "What these numbers cannot show" }));
        await visible(visitor.getByRole("heading", { name: "Compared with the network" }));
        await expectText(visitor, /There is no group that went without treatment/);
        await visible(visitor.getByRole("columnheader", { name: "All clinics" }).first());
        // Signed out: the page asked nobody to sign in.
        expect(new URL(visitor.url()).pathname).toBe(href);
        await expectNoSideways(visitor);
        await expectNoAxeViolations(visitor, `public track record (${size})`);
        if (size === "phone") {
          await visitor.getByText("Español").click();
          await expectHeading(visitor, "Demo Spine Clinic: resultados");
          await visible(visitor.getByRole("heading", { name: "Lo que estos números no pueden mostrar" }));
          await expectNoAxeViolations(visitor, "public track record in Spanish (phone)");
          await visitor.getByText("English").click();
        }
      }
      const reader = await browser.open("phone");
      await reader.goto("/portal/library/judging-a-clinic");
      await reader.getByRole("link", { name: "See the clinics that show their track record" }).click();
      await expectHeading(reader, "Clinics' track records");
      await reader.getByRole("link", { name: "Demo Spine Clinic" }).click();
      await expectHeading(reader, "Demo Spine Clinic: track record");
    } finally {
      await admin.getByRole("switch", { name: SWITCH }).click();
      await expectText(admin, "Not published.");
    }
    const late = await browser.open("phone");
    await late.goto(href);
    await expectHeading(late, "This clinic has not published a track record.");
  });
});
