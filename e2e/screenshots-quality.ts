/**
 * The Data quality page (run by screenshots.ts with `--only quality`, and with the rest): as the
 * demo clinician sees it with the first rule that found something opened, at desktop and phone
 * widths; as the administrator sees it with "Run now"; and the researcher's counts of every clinic.
 */
import type { Browser, Page } from "playwright-core";
import { signInAdmin } from "./admin";
import { expectNoAxeViolations, newContext } from "./browser";

type Shoot = (page: Page, name: string, full?: boolean) => Promise<void>;

export async function qualityScreenshots(
  browser: Browser,
  base: string,
  shoot: Shoot,
  accounts: { clinician: string; researcher: string; password: string; mailDir: string },
): Promise<void> {
  const open = async (size: "desktop" | "phone", email: string | null) => {
    const page = await (await newContext(browser, base, size)).newPage();
    if (email) {
      const res = await page.request.post(`${base}/api/v1/auth/staff/sign-in`, {
        data: { email, password: accounts.password },
      });
      if (!res.ok()) throw new Error(`sign-in: HTTP ${res.status()}`);
    } else await signInAdmin(page, base, accounts.mailDir);
    await page.goto("/quality");
    await page.getByRole("heading", { name: "Data quality", level: 1 }).waitFor();
    await page.getByRole("heading", { name: "Missing required answers", level: 2 }).waitFor();
    return page;
  };

  for (const size of ["desktop", "phone"] as const) {
    const page = await open(size, accounts.clinician);
    const first = page.getByRole("button", { name: /^Show the \d+ records?$/ }).first();
    if (await first.count()) {
      await first.click();
      await page.getByRole("region").first().getByRole("link").first().waitFor();
    }
    await expectNoAxeViolations(page, `data quality (${size})`);
    await shoot(page, `quality-${size}`, size === "desktop");
  }

  const admin = await open("desktop", null);
  await admin.getByRole("button", { name: "Run now" }).click();
  await admin.getByRole("button", { name: "Run now" }).and(admin.locator(":not([data-loading])")).waitFor();
  await expectNoAxeViolations(admin, "data quality (administrator)");
  await shoot(admin, "quality-admin-desktop", false);

  const researcher = await open("desktop", accounts.researcher);
  await researcher.getByText(/Counts from the newest check of each clinic/).waitFor();
  await expectNoAxeViolations(researcher, "data quality (researcher)");
  await shoot(researcher, "quality-researcher-desktop", false);
}
