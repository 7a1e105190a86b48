/**
 * Accounts in the browser, end to end with the real SMTP hand-over: a patient resets a forgotten
 * password from the e-mail the test SMTP server received; a new administrator accepts an
 * invitation, is held at two-step sign-in until they set it up (codes computed from the secret the
 * page shows, as an authenticator would), signs in with a code, and a recovery code works once.
 */
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { signInAdmin, totpNow } from "./admin";
import { CLINICIAN, DEMO_PASSWORD, expectHeading, expectText, unique, useBrowser, visible } from "./app";
import { expectNoAxeViolations } from "./browser";
import { linkTokenFor, waitForMail } from "./mail";

const NEW_PASSWORD = "a fresh and long passphrase";

async function signInThroughForm(page: Page, path: string, email: string, password: string) {
  await page.goto(path);
  await page.getByLabel("E-mail address").fill(email);
  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Waits until the next 30-second TOTP step, so a new code is accepted (each is good once). */
const nextStep = () => new Promise((r) => setTimeout(r, 30_000 - (Date.now() % 30_000) + 300));

describe("accounts", () => {
  const browser = useBrowser();

  it("lets a patient reset a forgotten password from the e-mail (the old one then stops working), then change it themselves", async () => {
    const staff = await browser.open("desktop");
    await staff.request.post("/api/v1/auth/staff/sign-in", {
      data: { email: CLINICIAN, password: DEMO_PASSWORD },
    });
    const email = `forgot.${unique()}@example.test`;
    const created = await staff.request.post("/api/v1/patients", {
      data: {
        givenName: "Robin",
        familyName: `Reset-${unique()}`,
        birthDate: "1971-03-03",
        email,
        episode: { condition: "other" },
      },
    });
    expect(created.status()).toBe(201);
    const page = await browser.open("phone");
    const accepted = await page.request.post("/api/v1/invitations/accept", {
      data: { token: await linkTokenFor(email), password: DEMO_PASSWORD },
    });
    expect(accepted.status()).toBe(200);
    await page.context().clearCookies();

    await page.goto("/portal/sign-in");
    await page.getByRole("link", { name: "Forgot password?" }).click();
    await expectHeading(page, "Get a new password");
    await expectNoAxeViolations(page, "forgot password");
    await page.getByLabel("E-mail address").fill(email);
    await page.getByRole("button", { name: "Send me a link" }).click();
    await expectText(page, /If this address has an account, a link is on its way/);

    const mail = await waitForMail(inject("mailDir"), email, 30_000, /reset your Evident password/);
    expect(mail.link).toMatch(/\/portal\/reset-password#[A-Za-z0-9_-]{43}$/);
    await page.goto(mail.link!);
    await expectHeading(page, "Choose a new password");
    expect(page.url()).not.toContain("#"); // the token leaves the address bar once read
    await page.getByLabel("New password").fill(NEW_PASSWORD);
    await page.getByLabel("Type it again").fill(NEW_PASSWORD);
    await page.getByRole("button", { name: /Save password/ }).click();
    await expectText(page, /new password is saved/);

    await signInThroughForm(page, "/portal/sign-in", email, DEMO_PASSWORD);
    await expectText(page, "The e-mail address or password is wrong.");
    await signInThroughForm(page, "/portal/sign-in", email, NEW_PASSWORD);
    await page.waitForURL((u) => u.pathname === "/portal");

    // …and can change it themselves later, with the current one.
    await page.getByRole("link", { name: "My password" }).click();
    await expectHeading(page, "Change your password");
    await page.getByLabel("Password now").fill(NEW_PASSWORD);
    await page.getByLabel("New password").fill(`${NEW_PASSWORD} again`);
    await page.getByLabel("Type it again").fill(`${NEW_PASSWORD} again`);
    await page.getByRole("button", { name: "Change password" }).click();
    await expectText(page, "Your new password is saved.");
  });

  it("holds a new admin at two-step sign-in until set up, then signs in with a code, and a recovery code works once", async () => {
    const admin = await browser.open("desktop");
    await signInAdmin(admin, inject("baseUrl"), inject("mailDir"));
    const email = `new.admin.${unique()}@example.test`;
    const invited = await admin.request.post("/api/v1/staff", {
      data: { email, name: "Ada Admin", role: "admin" },
    });
    expect(invited.status()).toBe(201);

    const page = await browser.open("desktop");
    const mail = await waitForMail(inject("mailDir"), email, 30_000, /staff account/);
    await page.goto(mail.link!);
    await expectHeading(page, "Welcome, Ada Admin");
    await page.getByLabel("New password").fill(NEW_PASSWORD);
    await page.getByLabel("Type it again").fill(NEW_PASSWORD);
    await page.getByRole("button", { name: "Save password" }).click();
    await expectText(page, /password is saved/);

    await signInThroughForm(page, "/sign-in", email, NEW_PASSWORD);
    await expectHeading(page, "Set up two-step sign-in");
    expect((await page.request.get("/api/v1/patients")).status()).toBe(403);
    await page.getByRole("button", { name: "Set up two-step sign-in" }).click();
    await visible(page.getByRole("img", { name: /QR code/ }));
    await expectNoAxeViolations(page, "MFA enrolment");
    const secret = ((await page.locator("code").first().textContent()) ?? "").replace(/\s/g, "");
    await page.getByLabel(/Enter the 6-digit code/).fill(totpNow(secret));
    await page.getByRole("button", { name: "Turn on two-step sign-in" }).click();
    const codeList = page.getByRole("list", { name: "Recovery codes" });
    await visible(codeList.getByRole("listitem"));
    const codes = await codeList.getByRole("listitem").allTextContents();
    expect(codes).toHaveLength(10);
    await page.getByRole("button", { name: "I have kept my codes" }).click();
    await expectHeading(page, "Patients");

    // Signing in again: the password, then the code of the next step.
    await page.context().clearCookies();
    await nextStep();
    await signInThroughForm(page, "/sign-in", email, NEW_PASSWORD);
    await page.getByLabel("Code from your authenticator app").fill(totpNow(secret));
    await page.getByRole("button", { name: "Sign in" }).click();
    // An administrator reviews red flags: the start page is the triage queue while one waits.
    await expectHeading(page, /^(Patients|Worklist)$/);

    // A recovery code instead of the app, once.
    for (const expected of ["in", "refused"] as const) {
      await page.context().clearCookies();
      await signInThroughForm(page, "/sign-in", email, NEW_PASSWORD);
      await page.getByLabel("Code from your authenticator app").fill(codes[0]!);
      await page.getByRole("button", { name: "Sign in" }).click();
      if (expected === "in") await expectHeading(page, /^(Patients|Worklist)$/);
      else await expectText(page, /That code is not right, or it was used already/);
    }

    // Running low: new codes from the account page replace the old ones.
    await page.getByLabel("Code from your authenticator app").fill(codes[1]!);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expectHeading(page, /^(Patients|Worklist)$/);
    await page.goto("/account");
    await expectText(page, "You have 8 unused recovery codes left.");
    await page.getByLabel("Your password").last().fill(NEW_PASSWORD);
    await page.getByRole("button", { name: "Make new recovery codes" }).click();
    await visible(codeList.getByRole("listitem"));
    const fresh = await codeList.getByRole("listitem").allTextContents();
    expect(fresh).toHaveLength(10);
    expect(fresh.filter((c) => codes.includes(c))).toEqual([]);
    await expectNoAxeViolations(page, "new recovery codes");
    await page.getByRole("button", { name: "I have kept my new codes" }).click();
    await expectText(page, "You have 10 unused recovery codes left.");
    await page.context().clearCookies();
    await signInThroughForm(page, "/sign-in", email, NEW_PASSWORD);
    await page.getByLabel("Code from your authenticator app").fill(codes[2]!);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expectText(page, /That code is not right, or it was used already/);
  }, 150_000);
});
