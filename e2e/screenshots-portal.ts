/**
 * Screenshots of the two portal pages the weight budget is about (`--only portal`): the sign-in
 * page and a questionnaire's first question, as the demo patient (who has a follow-up due), at
 * phone and desktop widths. Taken before and after the code was split, they show that loading
 * the portal in pieces changed nothing a patient sees.
 */
import type { Browser } from "playwright-core";
import { newContext } from "./browser";
import type { Shoot } from "./screenshots-intake";

export async function portalScreenshots(browser: Browser, base: string, shoot: Shoot, password: string) {
  for (const size of ["phone", "desktop"] as const) {
    const page = await (await newContext(browser, base, size)).newPage();
    await page.goto("/portal/sign-in");
    await page.getByRole("heading", { name: "Sign in", level: 1 }).waitFor();
    await shoot(page, `portal-sign-in-${size}`, false);
    const signIn = await page.request.post(`${base}/api/v1/auth/patient/sign-in`, {
      data: { email: "patient@demo.evident.test", password },
    });
    if (!signIn.ok()) throw new Error(`demo patient sign-in: HTTP ${signIn.status()}`);
    const home = (await (await page.request.get(`${base}/api/v1/portal/home`)).json()) as {
      due: { id: string }[];
    };
    const due = home.due[0];
    if (!due) throw new Error("the demo patient has no questionnaire due");
    await page.goto(`/portal/questionnaire/${due.id}`);
    await page.getByRole("main").getByRole("radio").first().waitFor();
    await shoot(page, `questionnaire-first-${size}`, false);
    await page.context().close();
  }
}
