/**
 * The research export page (run by screenshots.ts with `--only research`, and with the rest), as
 * the demo researcher sees it: the data-use terms before they are accepted, then a completed
 * REDCap export with its files and checksums, at desktop and phone widths.
 */
import type { Browser, Page } from "playwright-core";
import { expectNoAxeViolations, newContext } from "./browser";

type Shoot = (page: Page, name: string, full?: boolean) => Promise<void>;

export async function researchScreenshots(
  browser: Browser,
  base: string,
  shoot: Shoot,
  accounts: { researcher: string; password: string },
): Promise<void> {
  const open = async (size: "desktop" | "phone") => {
    const page = await (await newContext(browser, base, size)).newPage();
    const res = await page.request.post(`${base}/api/v1/auth/staff/sign-in`, {
      data: { email: accounts.researcher, password: accounts.password },
    });
    if (!res.ok()) throw new Error(`sign-in: HTTP ${res.status()}`);
    await page.goto("/research-export");
    await page.getByRole("heading", { name: "Research export", level: 1 }).waitFor();
    return page;
  };
  const first = await open("desktop");
  const accepted = await first.getByText("Terms accepted").count();
  if (accepted === 0) {
    await first.getByText("Data-use terms for de-identified research exports").waitFor();
    await expectNoAxeViolations(first, "research export, terms");
    await shoot(first, "research-export-terms-desktop", true);
    await first.getByRole("checkbox", { name: "I have read these terms and will follow them" }).check();
    await first.getByRole("button", { name: "Accept the terms" }).click();
    await first.getByText("Terms accepted").waitFor();
  }
  await first.getByRole("button", { name: "Start the export" }).click();
  await first.getByRole("article").first().getByText("completed").waitFor({ timeout: 120_000 });
  for (const size of ["desktop", "phone"] as const) {
    const page = size === "desktop" ? first : await open(size);
    await page.getByRole("table", { name: "Files" }).first().waitFor();
    await expectNoAxeViolations(page, `research export (${size})`);
    await shoot(page, `research-export-${size}`, true);
  }
}
