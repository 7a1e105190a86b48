/**
 * The decision aid's clinic figure for one demo patient, at desktop and phone width
 * (`--only numbers`): how many like the patient were treated, were due and answered, the result
 * both ways round with its interval, and the range the missing could move it over. Picks the
 * option whose figure has the most patients missing, so the range is worth a look. And the demo
 * portal patient's typical course on the recovery page, at phone width. Called by screenshots.ts;
 * needs a demo large enough for 30 people like someone (the default 600 will do).
 */
import type { Browser, Page } from "playwright-core";
import { newContext } from "./browser";
import { staffPage } from "./screenshots-kit";

type Shoot = (page: Page, name: string, full?: boolean) => Promise<void>;
type Registry = { items: { optionId: string; figure: { range: { missing: number } } | null }[] };

export async function clinicFigureScreenshots(
  browser: Browser,
  base: string,
  shoot: Shoot,
  who: { clinician: string; patient: string; password: string },
): Promise<void> {
  const desk = await staffPage(browser, base, "desktop", who.clinician, who.password);
  const list = (await (await desk.request.get(`${base}/api/v1/patients?limit=100`)).json()) as {
    items: { id: string }[];
  };
  let best: { patient: string; option: string; missing: number } | null = null;
  for (const p of list.items) {
    const r = (await (
      await desk.request.get(`${base}/api/v1/decision-aid/registry?patientId=${p.id}`)
    ).json()) as Registry;
    for (const i of r.items)
      if (i.figure && (!best || i.figure.range.missing > best.missing))
        best = { patient: p.id, option: i.optionId, missing: i.figure.range.missing };
  }
  if (!best) throw new Error("no demo patient with 30 people like them: seed a larger demo registry");
  for (const size of ["desktop", "phone"] as const) {
    const page =
      size === "desktop" ? desk : await staffPage(browser, base, size, who.clinician, who.password);
    await page.goto(`/decision-aid?patient=${best.patient}`);
    const card = page.locator(`[data-option='${best.option}']`);
    // On a phone each option is folded to its heading: open this one.
    const fold = card.locator("button[aria-expanded='false']");
    await card.waitFor();
    if (await fold.count()) await fold.first().click();
    const field = card.getByText("At this clinic");
    await field.waitFor();
    await field.evaluate((el) => el.scrollIntoView({ block: "start" }));
    await page.evaluate(() => window.scrollBy(0, -80));
    await shoot(page, `decision-aid-clinic-figure-${size}`, false);
  }
  const phone = await (await newContext(browser, base, "phone")).newPage();
  const res = await phone.request.post(`${base}/api/v1/auth/patient/sign-in`, {
    data: { email: who.patient, password: who.password },
  });
  if (!res.ok()) throw new Error(`sign-in as ${who.patient}: HTTP ${res.status()}`);
  await phone.goto("/portal/recovery");
  const course = phone.getByRole("heading", { name: "Your back pain and the typical course" });
  await course.waitFor();
  await course.evaluate((el) => el.scrollIntoView({ block: "start" }));
  await phone.evaluate(() => window.scrollBy(0, -70));
  await shoot(phone, "portal-recovery-typical-phone", false);
}
