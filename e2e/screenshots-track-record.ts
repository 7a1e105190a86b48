/**
 * Screenshots of a clinic's public track record (`--only track-record`): the administrator's
 * Settings card with its preview, and the public page as a signed-out visitor sees it, at phone
 * and desktop widths (the phone one in Spanish too). Publishes the demo clinic's page for the
 * shots and withdraws it afterwards.
 */
import type { Browser } from "playwright-core";
import { signInAdmin } from "./admin";
import { newContext } from "./browser";
import type { Shoot } from "./screenshots-intake";

export async function trackRecordScreenshots(
  browser: Browser,
  base: string,
  shoot: Shoot,
  dirs: { mailDir: string },
) {
  const admin = await (await newContext(browser, base, "desktop")).newPage();
  await signInAdmin(admin, base, dirs.mailDir);
  const toggle = (published: boolean) =>
    admin.request.put(`${base}/api/v1/clinic/track-record`, { data: { published } });
  const state = await toggle(true);
  if (!state.ok()) throw new Error(`publishing: HTTP ${state.status()} ${await state.text()}`);
  const { slug } = (await state.json()) as { slug: string };
  try {
    await admin.goto("/settings");
    const card = admin.getByRole("region", { name: "Public track record" });
    await card.getByRole("button", { name: "Preview the page" }).click();
    await card.getByText("Preview: what a visitor sees").waitFor();
    await shoot(admin, "track-record-settings-desktop");
    for (const size of ["phone", "desktop"] as const) {
      const page = await (await newContext(browser, base, size)).newPage();
      await page.goto(`/clinics/${slug}/track-record`);
      await page.getByRole("heading", { name: "What these numbers cannot show" }).waitFor();
      await shoot(page, `track-record-${size}`);
      // The page is longer than a full-page shot keeps: the benchmark and what the numbers cannot
      // show, on their own.
      const benchmark = page.getByRole("heading", { name: "Compared with the network" });
      await benchmark.evaluate((h) => h.scrollIntoView());
      await shoot(page, `track-record-limits-${size}`, false);
      if (size === "phone") {
        await page.getByText("Español", { exact: true }).click();
        await page.getByRole("heading", { name: "Lo que estos números no pueden mostrar" }).waitFor();
        await shoot(page, "track-record-es-phone");
      }
      await page.context().close();
    }
  } finally {
    await toggle(false);
    await admin.context().close();
  }
}
