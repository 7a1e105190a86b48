/**
 * Screenshots of the consent flow at phone width (`--only consent`), as the demo patient: the
 * consent forms, a procedure consent's document, the teach-back with a wrong answer explained and
 * asked again, all three right with the signature form, and taking back research consent (the
 * dialog; nothing is withdrawn); then, as a clinician on a phone, the first demo patient's consents
 * and the paper-consent form filled in with its witness (not saved).
 */
import type { Browser } from "playwright-core";
import { newContext } from "./browser";
import type { Shoot } from "./screenshots-intake";

export async function consentScreenshots(browser: Browser, base: string, shoot: Shoot, password: string) {
  const page = await (await newContext(browser, base, "phone")).newPage();
  const signIn = await page.request.post(`${base}/api/v1/auth/patient/sign-in`, {
    data: { email: "patient@demo.evident.test", password },
  });
  if (!signIn.ok()) throw new Error(`demo patient sign-in: HTTP ${signIn.status()}`);
  await page.goto("/portal/consent");
  await page.getByRole("heading", { name: "Consent forms", level: 1 }).waitFor();
  await shoot(page, "consent-forms-phone", true);

  await page.goto("/portal/consent/bone_marrow_concentrate");
  await page.getByRole("heading", { name: "Consent for a bone marrow shot", level: 1 }).waitFor();
  await shoot(page, "consent-document-phone", false);

  const check = page.getByRole("region", { name: "Three questions first" });
  await check.getByRole("radio", { name: /It is not FDA-approved for back pain/ }).check();
  await check.getByRole("radio", { name: "It helps most people" }).check();
  await check.getByRole("radio", { name: "I still get the rest of my care here" }).check();
  await check.getByRole("button", { name: "Check my answers" }).click();
  await check.getByRole("alert").waitFor();
  await check.scrollIntoViewIfNeeded();
  await check.getByRole("alert").scrollIntoViewIfNeeded();
  await shoot(page, "consent-teach-back-wrong-phone", false);

  await check.getByRole("radio", { name: /We do not know if it helps more than a fake shot/ }).check();
  await check.getByRole("button", { name: "Check my answers" }).click();
  await page.getByLabel("Type your full name").fill("Maria Lopez");
  await page.getByRole("checkbox", { name: "I have read this form and I agree to it." }).check();
  await page.getByRole("button", { name: "Sign", exact: true }).scrollIntoViewIfNeeded();
  await shoot(page, "consent-sign-phone", false);

  await page.goto("/portal/consent");
  const research = page.getByRole("region", { name: "Consent to the registry and research" });
  await research.getByRole("button", { name: "Take back my consent" }).click();
  await page.getByRole("dialog", { name: "Take back your consent?" }).waitFor();
  await shoot(page, "consent-withdraw-phone", false);
  await page.context().close();

  const staff = await (await newContext(browser, base, "phone")).newPage();
  const staffIn = await staff.request.post(`${base}/api/v1/auth/staff/sign-in`, {
    data: { email: "clinician@demo.evident.test", password },
  });
  if (!staffIn.ok()) throw new Error(`clinician sign-in: HTTP ${staffIn.status()}`);
  const list = (await (await staff.request.get(`${base}/api/v1/patients?limit=1`)).json()) as {
    items: { id: string }[];
  };
  await staff.goto(`/patients/${list.items[0]?.id}`);
  const consents = staff.getByRole("region", { name: "Consents" });
  await consents.getByRole("button", { name: "Record paper consent" }).scrollIntoViewIfNeeded();
  await shoot(staff, "consent-patient-record-phone", false);
  await consents.getByRole("button", { name: "Record paper consent" }).click();
  const dialog = staff.getByRole("dialog", { name: "Record a paper consent" });
  const form = dialog.getByLabel("Form signed");
  const option = await form
    .locator("option")
    .filter({ hasText: /^Registry and research · v\d+ · ES$/ })
    .getAttribute("value");
  await form.selectOption(option ?? "");
  await dialog.getByLabel("Witness").fill("Nurse Grace Okafor");
  await shoot(staff, "consent-paper-phone", false);
  await staff.context().close();
}
