/**
 * Screenshots of accounts (not part of the test suite): the Staff page, setting up two-step
 * sign-in, new recovery codes on the account page, and "Forgot password?", at phone and desktop
 * widths. Starts its own app with a small
 * demo and a mail folder (invitation links are only ever in the e-mail):
 *
 *   npx tsx e2e/screenshots-accounts.ts
 */
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import { signInAdmin } from "./admin";
import { DEMO_PASSWORD } from "./app";
import { launchBrowser, newContext, type ViewportName } from "./browser";
import { waitForMail } from "./mail";
import { startApp } from "./server";

const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "docs", "screenshots");

async function shoot(page: Page, name: string) {
  await page.waitForLoadState("networkidle");
  await page.waitForTimeout(400);
  const size = page.viewportSize();
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  if (size) await page.setViewportSize({ width: size.width, height: Math.min(height, 4000) });
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(out, `${name}.png`) });
  if (size) await page.setViewportSize(size);
  console.log(`  ${name}.png`);
}

const app = await startApp({ demoPatients: 40 });
const browser = await launchBrowser(process.env.CHROMIUM_PATH ?? "/usr/bin/chromium");
try {
  await mkdir(out, { recursive: true });
  const open = async (size: ViewportName) => (await newContext(browser, app.baseUrl, size)).newPage();

  const admin = await open("desktop");
  await signInAdmin(admin, app.baseUrl, app.mailDir);
  // A colleague invited and not yet in, and one disabled, so the page shows each state.
  await admin.request.post("/api/v1/staff", {
    data: { email: "new.physio@demo.evident.test", name: "Priya Physio", role: "clinician" },
  });
  const staff = (await (await admin.request.get("/api/v1/staff")).json()) as {
    items: { id: string; email: string }[];
  };
  const researcher = staff.items.find((m) => m.email.startsWith("researcher@"));
  if (researcher) await admin.request.post(`/api/v1/staff/${researcher.id}/disable`);
  for (const size of ["desktop", "phone"] as const) {
    const page = size === "desktop" ? admin : await open(size);
    if (size === "phone") await signInAdmin(page, app.baseUrl, app.mailDir);
    await page.goto("/staff");
    await page.getByRole("heading", { name: "Staff", level: 1 }).waitFor();
    await shoot(page, `staff-${size}`);
  }

  // Setting up two-step sign-in: a new administrator, held at enrolment after their first sign-in.
  for (const size of ["desktop", "phone"] as const) {
    const email = `second.admin.${size}@demo.evident.test`;
    await admin.request.post("/api/v1/staff", { data: { email, name: "Morgan Lee", role: "admin" } });
    const mail = await waitForMail(app.mailDir, email, 30_000, /staff account/);
    const page = await open(size);
    const token = /#(.+)$/.exec(mail.link ?? "")?.[1];
    await page.request.post("/api/v1/auth/links/use", {
      data: { token, password: "a long screenshot password" },
    });
    await page.request.post("/api/v1/auth/staff/sign-in", {
      data: { email, password: "a long screenshot password" },
    });
    await page.goto("/patients");
    await page.getByRole("button", { name: "Set up two-step sign-in" }).click();
    await page.getByRole("img", { name: /QR code/ }).waitFor();
    await shoot(page, `mfa-enrolment-${size}`);
  }

  // The account page of an admin with two-step sign-in on: the recovery codes card, then new codes.
  for (const size of ["desktop", "phone"] as const) {
    const page = size === "desktop" ? admin : await open(size);
    if (size === "phone") await signInAdmin(page, app.baseUrl, app.mailDir);
    await page.goto("/account");
    await page.getByText(/unused recovery codes? left/).waitFor();
    await shoot(page, `account-${size}`);
    await page.getByLabel("Your password").last().fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Make new recovery codes" }).click();
    await page.getByRole("list", { name: "Recovery codes" }).waitFor();
    await shoot(page, `recovery-codes-new-${size}`);
  }

  for (const size of ["desktop", "phone"] as const) {
    const page = await open(size);
    await page.goto("/forgot-password");
    await page.getByRole("heading", { name: "Reset your password" }).waitFor();
    await shoot(page, `forgot-password-${size}`);
  }
} finally {
  await browser.close();
  await app.stop();
}
